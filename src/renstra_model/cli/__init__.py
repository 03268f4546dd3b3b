"""The ``renstra`` command line, one module a subcommand."""

from .main import EXIT_FINDINGS, EXIT_INPUT, EXIT_OK, build_parser, main

__all__ = ["EXIT_FINDINGS", "EXIT_INPUT", "EXIT_OK", "build_parser", "main"]

"""The ``renstra`` command line, one module a subcommand."""

from .common import EXIT_FINDINGS, EXIT_INPUT, EXIT_OK
from .main import build_parser, main

__all__ = ["EXIT_FINDINGS", "EXIT_INPUT", "EXIT_OK", "build_parser", "main"]

"""The ``renstra`` command line: the parser, assembled from one module a subcommand, and
:func:`main`.

Exit status: 0 when no finding reaches the ``--fail-on`` severity; 1 when one does; 2 when an
input is unusable (its problems are printed with their paths).
"""

from __future__ import annotations

import argparse
import contextlib
import os
import sys
from collections.abc import Sequence
from typing import Final

from . import (
    check,
    diff,
    evaluate,
    export,
    generate,
    import_,
    renja,
    rules,
    schema,
    summary,
    table,
)
from .common import Handler

COMMANDS: Final = (check, rules, summary, table, evaluate, renja, diff, import_, export, generate,
                   schema)
"""The modules that add a subcommand, in the order ``renstra --help`` lists them. Each defines
``add_parser(subparsers)``, which registers the subcommand with ``set_defaults(handler=...)``
(a :data:`~renstra_model.cli.common.Handler`, wrapped in the one error path,
:func:`~renstra_model.cli.common.command`). They import what the command needs only when it
runs, so that the command line starts fast."""


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of ``renstra``."""
    parser = argparse.ArgumentParser(
        prog="renstra",
        description="Renstra Perangkat Daerah (Permendagri 86/2017): check and inspect plans.",
    )
    parser.add_argument("--version", action=_Version, nargs=0,
                        help="print the version of renstra-model and exit")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for module in COMMANDS:
        module.add_parser(sub)
    return parser


class _Version(argparse.Action):
    """``--version``: ``renstra 0.1.0``, the installed distribution's version, read only when
    asked for (``renstra_model.__version__``; ``0+unknown`` outside an installed
    distribution)."""

    def __call__(self, parser: argparse.ArgumentParser, namespace: argparse.Namespace,
                 values: object, option_string: str | None = None) -> None:
        from ..io.distribution import installed_version

        sys.stdout.write(f"{parser.prog} {installed_version()}\n")
        parser.exit()


EXIT_BROKEN_PIPE = 141
"""The status of a command whose reader stopped reading (``renstra check … | head``), as a
shell reports a process ended by SIGPIPE."""


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit status. Output to a reader that stops reading
    (``| head``) ends the command quietly, with :data:`EXIT_BROKEN_PIPE`, whether the reader
    stops while the command writes or before its last output is flushed (at its exit, or
    ``--help``'s)."""
    try:
        try:
            args = build_parser().parse_args(argv)
        finally:  # --help and --version exit here: their output is flushed while we listen
            sys.stdout.flush()
        handler: Handler = args.handler
        status = handler(args)
        sys.stdout.flush()
    except BrokenPipeError:
        # Python's recipe: point stdout at nothing, so that its flush at exit raises no more
        devnull = os.open(os.devnull, os.O_WRONLY)
        with contextlib.suppress(OSError, ValueError):
            os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
        return EXIT_BROKEN_PIPE
    return status


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())

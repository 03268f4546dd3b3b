"""What the subcommands share: the exit statuses, the language of a run, opening plans, and
the one error path (:func:`command`).

Exit status: 0 when no finding reaches the ``--fail-on`` severity; 1 when one does; 2 when an
input is unusable (its problems are printed with their paths).
"""

from __future__ import annotations

import argparse
import functools
import os
import sys
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Final, TypeAlias

from ..errors import InvalidPlanError, PlanFileError, Problem, RenstraError
from ..messages import DEFAULT_LANG, LANGS, Lang

if TYPE_CHECKING:
    from ..model.plan import Plan

EXIT_OK: Final = 0
EXIT_FINDINGS: Final = 1
EXIT_INPUT: Final = 2

Handler: TypeAlias = Callable[[argparse.Namespace], int]
"""A subcommand: a function of the parsed arguments returning the exit status."""


def default_lang(fallback: Lang = DEFAULT_LANG) -> Lang:
    """The language ``RENSTRA_LANG`` names, else *fallback*."""
    env = os.environ.get("RENSTRA_LANG", fallback)
    for lang in LANGS:
        if env == lang:
            return lang
    return fallback


def describe_error(error: RenstraError, lang: Lang) -> str:
    """*error* as the command line prints it: every problem of an invalid plan, in *lang*."""
    return error.describe(lang) if isinstance(error, InvalidPlanError) else str(error)


def command(handler: Handler) -> Handler:
    """*handler* with the command line's one error path: a RenstraError it raises is printed
    on stderr (:func:`describe_error`) in the language of the run, and the exit status is
    ``EXIT_INPUT``. That language is ``args.lang``, else :func:`default_lang`; a handler
    that chooses it otherwise (from a settings file) stores its choice in ``args.lang``."""

    @functools.wraps(handler)
    def run(args: argparse.Namespace) -> int:
        try:
            return handler(args)
        except RenstraError as exc:
            lang: Lang = getattr(args, "lang", None) or default_lang()
            print(describe_error(exc, lang), file=sys.stderr)
            return EXIT_INPUT

    return run


def open_plan(spec: str) -> Plan:
    """A plan from a file path, or from the name of a shipped example."""
    from ..examples import EXAMPLES, load_example
    from ..io.serialization import load

    path = Path(spec)
    if path.exists():
        return load(path)
    if spec in EXAMPLES:
        return load_example(spec)
    raise PlanFileError(
        [Problem("", "cli.plan_missing", {"plan": spec, "known": ", ".join(sorted(EXAMPLES))})]
    )


def expand_plans(specs: Sequence[str]) -> Iterator[str]:
    """Each plan argument as itself, a directory as the ``*.json`` files below it (sorted)."""
    for spec in specs:
        path = Path(spec)
        if path.is_dir():
            yield from (str(p) for p in sorted(path.rglob("*.json")) if p.is_file())
        else:
            yield spec

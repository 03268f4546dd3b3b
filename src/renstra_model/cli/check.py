"""``renstra check PLAN...``: run the compliance rules over each plan and print the findings,
as text or as one JSON array, checking the plans in ``--jobs`` processes
(:func:`renstra_model.checks.check_many`). A PLAN is a plan file, a workbook, a directory of
them, or a shipped example, read with the options of ``renstra import``
(:func:`renstra_model.io.inputs.read_plans`); each plan of a file holding several is checked and
named in turn.

Exit status: 0 when no finding reaches the ``--fail-on`` severity; 1 when one does; 2 when an
input is unusable (its problems are printed with their paths; the other plans are still
checked).
"""

from __future__ import annotations

import argparse
import contextlib
import json
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, TextIO

from ..messages import LANGS, Lang, render
from .common import (
    EXIT_FINDINGS,
    EXIT_INPUT,
    EXIT_OK,
    add_reading_arguments,
    command,
    default_lang,
    describe_error,
    open_plans,
    reading_options,
)

if TYPE_CHECKING:
    from ..checks.findings import Finding


def add_parser(sub: Any) -> None:
    """Register ``renstra check``."""
    check = sub.add_parser(
        "check",
        help="report every defect of one or more plans",
        description="Run the compliance rules over each PLAN and print the findings. "
        "Exit status: 0 none at or above --fail-on, 1 some, 2 unusable input.",
    )
    check.add_argument(
        "plans", nargs="+", metavar="PLAN",
        help="a plan file (.json), a workbook (.xlsx, .xlsm), a SIPD export (.csv, .tsv, or "
        "SIPD JSON: every agency's plan in turn), a directory (every such file below it, in "
        "order of their paths), or a shipped example: ttu-dinsos",
    )
    check.add_argument("--format", choices=("text", "json"), default=None)
    check.add_argument(
        "--select", type=_csv, default=None, metavar="RULES",
        help="comma-separated rule ids, prefixes (RS2) or families to run (default: all)",
    )
    check.add_argument(
        "--ignore", type=_csv, default=None, metavar="RULES",
        help="comma-separated rule ids, prefixes or families to skip",
    )
    check.add_argument(
        "--fail-on", choices=("error", "warning", "info"), default=None,
        help="exit 1 when a finding of this severity or higher exists (default: error)",
    )
    check.add_argument("--lang", choices=LANGS, default=None)
    check.add_argument(
        "--config", default=None, metavar="FILE",
        help="settings file (default: renstra.toml, or [tool.renstra] in pyproject.toml)",
    )
    check.add_argument(
        "--progress", action="store_true",
        help="show a progress bar on stderr even when it is not a terminal",
    )
    check.add_argument(
        "--expand", action="store_true", default=None,
        help="report each finding of a rule that fires on half or more of a plan's "
        "activities or indicators, instead of one diagnosis of them",
    )
    check.add_argument(
        "--jobs", type=_jobs, default=1, metavar="N",
        help="check the plans in N processes, printing the results in the order of the "
        "plans (default 1; 0: one per core)",
    )
    add_reading_arguments(check, checks=True)
    check.set_defaults(handler=run)


def _jobs(value: str) -> int:
    try:
        number = int(value)
    except ValueError:
        number = -1
    if number < 0:
        raise argparse.ArgumentTypeError(f"{value!r} is not a number of processes (0 or more)")
    return number


def _csv(value: str) -> list[str]:
    return [part.strip() for part in value.split(",") if part.strip()]


@command
def run(args: argparse.Namespace) -> int:
    """Check the plans; 0 when no finding reaches ``--fail-on``, 1 when one does, 2 when an
    input is unusable."""
    import functools
    from pathlib import Path

    from ..checks.batch import check_many
    from ..checks.config import load_settings
    from ..checks.engine import at_or_above, select_rules
    from ..checks.findings import Severity
    from ..io.inputs import expand

    settings = load_settings(Path(args.config) if args.config else None)
    lang: Lang = args.lang or settings.lang or default_lang()
    args.lang = lang  # the language of the error path too
    fmt = args.format or settings.format or "text"
    select = args.select if args.select is not None else settings.select
    ignore = [*settings.ignore, *(args.ignore or ())]
    threshold = Severity(args.fail_on) if args.fail_on else settings.fail_on or Severity.ERROR
    nomenclature_path = args.nomenclature or settings.nomenclature
    each = bool(args.expand or settings.expand)
    try:
        select_rules(select, ignore)
    except ValueError as exc:
        print(render("cli.unknown_rule", {"pattern": str(exc)}, lang), file=sys.stderr)
        return EXIT_INPUT
    nomenclature = None
    if nomenclature_path is not None:
        from ..io.nomenclature import load_nomenclature

        nomenclature = load_nomenclature(Path(nomenclature_path))

    plans = expand(args.plans)
    progress = _Progress(len(plans), args.progress or sys.stderr.isatty(), sys.stderr)
    unusable = False
    failing = False
    out = sys.stdout
    array = JsonArray(out) if fmt == "json" else None
    # A module's function with frozen options: picklable, for the worker processes of --jobs.
    load = functools.partial(open_plans, options=reading_options(args, nomenclature))
    results = check_many(plans, load=load, jobs=args.jobs, select=select, ignore=ignore,
                         nomenclature=nomenclature, expand=each)
    with contextlib.closing(results):
        for result in results:
            name = result.name
            progress.step(name)
            if result.error is not None:
                print(describe_error(result.error, lang), file=sys.stderr)
                unusable = True
                continue
            findings = result.findings
            failing = failing or bool(at_or_above(findings, threshold))
            if array is not None:
                for finding in findings:
                    array.add(_finding_json(name, finding, lang))
            else:
                out.write("".join(_finding_line(name, f, lang) + "\n" for f in findings))
                out.write(_totals_line(name, findings, lang) + "\n")
    progress.close()
    if array is not None:
        array.close()
    if unusable:
        return EXIT_INPUT
    return EXIT_FINDINGS if failing else EXIT_OK


def _finding_json(name: str, finding: Finding, lang: Lang) -> str:
    return json.dumps({"plan": name, **finding.to_json(lang)}, ensure_ascii=False, indent=2)


def _finding_line(name: str, finding: Finding, lang: Lang) -> str:
    where = finding.location.describe()
    return (
        f"{name}: {where + ': ' if where else ''}{finding.rule} "
        f"[{finding.severity.label(lang)} {finding.family}] {finding.message(lang)}"
    )


def _totals_line(name: str, findings: Sequence[Finding], lang: Lang) -> str:
    from ..checks.findings import Severity

    counts = {s: sum(1 for f in findings if f.severity is s) for s in Severity}
    return render(
        "cli.totals",
        {
            "plan": name,
            "count": len(findings),
            "errors": counts[Severity.ERROR],
            "warnings": counts[Severity.WARNING],
            "info": counts[Severity.INFO],
        },
        lang,
    )


class _Progress:
    """A one-line progress bar on stderr, shown only where it helps (a terminal, or asked for).
    It counts the plans checked; a file holding several plans raises the total as they come."""

    def __init__(self, total: int, enabled: bool, stream: TextIO) -> None:
        self.total = total
        self.enabled = enabled and total > 1
        self.stream = stream
        self.done = 0

    def step(self, name: str) -> None:
        self.done += 1
        self.total = max(self.total, self.done)
        if not self.enabled:
            return
        width = 30
        filled = width * self.done // self.total
        bar = "#" * filled + "." * (width - filled)
        self.stream.write(f"\r[{bar}] {self.done}/{self.total} {name[-40:]:<40}")
        self.stream.flush()

    def close(self) -> None:
        if self.enabled:
            self.stream.write("\n")
            self.stream.flush()


class JsonArray:
    """A JSON array written one item at a time, byte for byte as ``json.dump(items,
    indent=2)`` writes the whole list (each item given as ``json.dumps(item, indent=2)``)."""

    def __init__(self, out: TextIO) -> None:
        self.out = out
        self.count = 0

    def add(self, item: str) -> None:
        """Write *item*, one ``json.dumps(..., indent=2)``, as the array's next element."""
        self.out.write("[\n  " if self.count == 0 else ",\n  ")
        self.out.write(item.replace("\n", "\n  "))
        self.count += 1

    def close(self) -> None:
        """End the array."""
        self.out.write("\n]\n" if self.count else "[]\n")

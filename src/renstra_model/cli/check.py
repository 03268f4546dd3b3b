"""``renstra check PLAN...``: run the compliance rules over each plan and print the findings,
as text, as one JSON array, as SARIF 2.1.0 (:mod:`renstra_model.io.sarif`) or as one HTML
page (:mod:`renstra_model.io.html`), checking the plans in ``--jobs`` processes
(:func:`renstra_model.checks.check_many`). A PLAN is a plan file, a workbook, a directory
of them, or a shipped example, read with the options of ``renstra import``
(:func:`renstra_model.io.inputs.read_plans`); each plan of a file holding several is checked
and named in turn.

Exit status: 0 when no finding reaches the ``--fail-on`` severity; 1 when one does; 2 when an
input is unusable (its problems are printed with their paths; the other plans are still
checked).
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import sys
from collections.abc import Callable, Mapping, Sequence
from typing import TYPE_CHECKING, Any, Final, TextIO

from ..checks.config import FORMATS
from ..errors import UnknownRuleError
from ..messages import LANGS, Lang
from .common import (
    EXIT_FINDINGS,
    EXIT_INPUT,
    EXIT_OK,
    add_reading_arguments,
    command,
    default_lang,
    describe_error,
    finding_line,
    open_plans,
    reading_options,
    scan_inputs,
    totals_line,
)

if TYPE_CHECKING:
    from ..checks.findings import Finding
    from ..io.html import HtmlPlan
    from ..io.inputs import Loaded
    from ..io.sarif import SarifPlan


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
    check.add_argument(
        "--format", choices=FORMATS, default=None,
        help="text (default), one JSON array of the findings, SARIF 2.1.0 for code-scanning "
        "dashboards, or html: one self-contained page of every plan's summary and findings",
    )
    check.add_argument(
        "--select", type=_csv, action="append", default=None, metavar="RULES",
        help="comma-separated rule ids, prefixes (RS2) or families to run, the option repeated "
        "adding to them (default: all)",
    )
    check.add_argument(
        "--ignore", type=_csv, action="append", default=None, metavar="RULES",
        help="comma-separated rule ids, prefixes or families to skip, the option repeated "
        "adding to them",
    )
    check.add_argument(
        "--sort", choices=SORTS, default="rule",
        help="the order of each plan's findings: rule (default: by rule, in the order the "
        "rules run) or location (by table, code, year, row, then rule)",
    )
    check.add_argument(
        "--show-path", action="store_true",
        help="end each line of text with the finding's path in the model, in brackets",
    )
    check.add_argument(
        "--color", choices=("auto", "always", "never"), default="auto",
        help="colour the severities of text: auto (default) on a terminal unless NO_COLOR is "
        "set, always, or never",
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


def _flat(values: Sequence[Sequence[str]] | None) -> list[str] | None:
    """The rules of a repeated ``--select`` or ``--ignore``, in order; None when not given."""
    return None if values is None else [v for group in values for v in group]


SORTS: Final = ("rule", "location")
"""The orders of ``--sort``."""


def use_colour(choice: str, stream: TextIO, environ: Mapping[str, str]) -> bool:
    """Whether text output colours its severities: ``always``, ``never``, or (``auto``) when
    *stream* is a terminal and ``NO_COLOR`` is not set to a non-empty value (no-color.org)."""
    if choice != "auto":
        return choice == "always"
    return stream.isatty() and not environ.get("NO_COLOR")


def ordered(findings: Sequence[Finding], sort: str) -> Sequence[Finding]:
    """*findings* in the order ``--sort`` names: ``rule`` as the checks give them (by rule),
    ``location`` by :func:`~renstra_model.checks.findings.location_key`."""
    if sort == "rule":
        return findings
    from ..checks.findings import location_key

    return sorted(findings, key=location_key)


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
    from ..io.html import HtmlPlan
    from ..io.sarif import SarifPlan, sarif_log

    settings = load_settings(Path(args.config) if args.config else None)
    lang: Lang = args.lang or settings.lang or default_lang()
    args.lang = lang  # the language of the error path too
    fmt = args.format or settings.format or "text"
    chosen = _flat(args.select)
    select = chosen if chosen is not None else settings.select
    ignore = [*settings.ignore, *(_flat(args.ignore) or ())]
    threshold = Severity(args.fail_on) if args.fail_on else settings.fail_on or Severity.ERROR
    nomenclature_path = args.nomenclature or settings.nomenclature
    each = bool(args.expand or settings.expand)
    try:
        select_rules(select, ignore)
    except UnknownRuleError as exc:
        print(exc.describe(lang), file=sys.stderr)
        return EXIT_INPUT
    nomenclature = None
    if nomenclature_path is not None:
        from ..io.nomenclature import load_nomenclature

        nomenclature = load_nomenclature(Path(nomenclature_path))

    plans = scan_inputs(args.plans, lang)
    progress = _Progress(len(plans), args.progress or sys.stderr.isatty(), sys.stderr)
    unusable = False
    failing = False
    out = sys.stdout
    array = JsonArray(out) if fmt == "json" else None
    sarif: list[SarifPlan] | None = [] if fmt == "sarif" else None
    page: list[HtmlPlan] | None = [] if fmt == "html" else None
    colour = use_colour(args.color, out, os.environ)
    # A module's function with frozen options: picklable, for the worker processes of --jobs.
    load = functools.partial(open_plans, options=reading_options(args, nomenclature))
    loaded: list[Loaded] = []
    unread: list[tuple[str, str]] = []
    if page is not None:  # the page summarises each plan: loaded here, checked as loaded
        loaded, unread = _load_here(plans, load, lang)
        unusable = bool(unread)
    results = check_many([item.plan for item in loaded] if page is not None else plans,
                         load=load, jobs=args.jobs, select=select, ignore=ignore,
                         nomenclature=nomenclature, expand=each)
    with contextlib.closing(results):
        for number, result in enumerate(results):
            name = loaded[number].name if page is not None else result.name
            progress.step(name)
            if result.error is not None:
                print(describe_error(result.error, lang), file=sys.stderr)
                unusable = True
                continue
            findings = ordered(result.findings, args.sort)
            failing = failing or bool(at_or_above(findings, threshold))
            if page is not None:
                page.append(HtmlPlan(name, loaded[number].plan, tuple(findings)))
            elif sarif is not None:
                sarif.append(SarifPlan(name, tuple(findings), _plan_file(name, plans)))
            elif array is not None:
                for finding in findings:
                    array.add(_finding_json(name, finding, lang))
            else:
                out.write("".join(
                    finding_line(f, lang, name=name, colour=colour, show_path=args.show_path) + "\n"
                    for f in findings
                ))
                out.write(totals_line(findings, lang, name=name) + "\n")
    progress.close()
    if array is not None:
        array.close()
    if sarif is not None:
        from ..io.distribution import installed_version

        json.dump(sarif_log(sarif, lang, version=installed_version()), out,
                  ensure_ascii=False, indent=2)
        out.write("\n")
    if page is not None:
        from ..io.distribution import installed_version
        from ..io.html import html_report

        out.write(html_report(page, lang, version=installed_version(), unread=unread))
    if unusable:
        return EXIT_INPUT
    return EXIT_FINDINGS if failing else EXIT_OK


def _load_here(specs: Sequence[str], load: Callable[[str], list[Loaded]],
               lang: Lang) -> tuple[list[Loaded], list[tuple[str, str]]]:
    """The plans of *specs*, loaded in this process, and the specs that were unusable, each
    with its error's message (also said on stderr)."""
    from ..errors import RenstraError

    kept: list[Loaded] = []
    unread: list[tuple[str, str]] = []
    for spec in specs:
        try:
            kept.extend(load(spec))
        except RenstraError as exc:
            message = describe_error(exc, lang)
            print(message, file=sys.stderr)
            unread.append((spec, message))
    return kept, unread


def _finding_json(name: str, finding: Finding, lang: Lang) -> str:
    return json.dumps({"plan": name, **finding.to_dict(lang)}, ensure_ascii=False, indent=2)


def _plan_file(name: str, specs: Sequence[str]) -> str | None:
    """The file a result named *name* comes from: the spec it is named by, or that names its
    file of several plans (``path [region / agency]``); None for a shipped example."""
    from pathlib import Path

    for spec in specs:
        if (name == spec or name.startswith(f"{spec} [")) and Path(spec).is_file():
            return spec
    return None


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

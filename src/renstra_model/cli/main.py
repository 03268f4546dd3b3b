"""The ``renstra`` command line: ``check``, ``rules`` and ``summary``.

Exit status: 0 when no finding reaches the ``--fail-on`` severity; 1 when one does; 2 when an
input is unusable (its problems are printed with their paths).
"""

from __future__ import annotations

import argparse
import gc
import importlib
import json
import os
import sys
from collections.abc import Callable, Iterator, Sequence
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final, NamedTuple, TextIO

from ..errors import InvalidPlanError, PlanFileError, Problem, RenstraError
from ..messages import DEFAULT_LANG, LANGS, Lang, render

if TYPE_CHECKING:
    from ..checks.findings import Finding
    from ..model.plan import Plan

EXIT_OK: Final = 0
EXIT_FINDINGS: Final = 1
EXIT_INPUT: Final = 2


def _default_lang() -> Lang:
    env = os.environ.get("RENSTRA_LANG", DEFAULT_LANG)
    for lang in LANGS:
        if env == lang:
            return lang
    return DEFAULT_LANG


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


# -- summary -----------------------------------------------------------------------------------


def _money(value: Decimal, lang: Lang) -> str:
    text = f"{value:,f}"
    if lang == "id":
        text = text.replace(",", "\0").replace(".", ",").replace("\0", ".")
    return text


def _print_summary(plan: Plan, fmt: str, lang: Lang, out: TextIO) -> None:
    from ..calculators.summary import summarise

    summary = summarise(plan)
    if fmt == "json":
        json.dump(summary.to_json(), out, ensure_ascii=False, indent=2)
        out.write("\n")
        return
    out.write(f"{summary.title}\n")
    counts = [
        ("summary.missions", summary.missions),
        ("summary.goals", summary.goals),
        ("summary.targets", summary.targets),
        ("summary.indicators", summary.indicators),
        ("summary.key_indicators", summary.key_indicators),
        ("summary.programs", summary.programs),
        ("summary.kegiatan", summary.kegiatan),
        ("summary.sub_kegiatan", summary.sub_kegiatan),
    ]
    labels = [(render(key, {}, lang), value) for key, value in counts]
    width = max(len(label) for label, _ in labels)
    for label, value in labels:
        out.write(f"  {label:<{width}}  {value}\n")
    out.write(f"{render('summary.budget', {}, lang)}\n")
    rows = [(str(year), _money(v, lang)) for year, v in summary.budget_by_year.items()]
    rows.append((render("summary.period_total", {}, lang), _money(summary.budget_total, lang)))
    amount_width = max(len(amount) for _, amount in rows)
    label_width = max(len(label) for label, _ in rows)
    for label, amount in rows:
        out.write(f"  {label:<{label_width}}  {amount:>{amount_width}}\n")


def _summary(args: argparse.Namespace) -> int:
    lang: Lang = args.lang or _default_lang()
    try:
        plan = open_plan(args.plan)
    except InvalidPlanError as exc:
        print(exc.describe(lang), file=sys.stderr)
        return EXIT_INPUT
    except RenstraError as exc:
        print(str(exc), file=sys.stderr)
        return EXIT_INPUT
    _print_summary(plan, args.format or "text", lang, sys.stdout)
    return EXIT_OK


# -- check -------------------------------------------------------------------------------------


class _Progress:
    """A one-line progress bar on stderr, shown only where it helps (a terminal, or asked for)."""

    def __init__(self, total: int, enabled: bool, stream: TextIO) -> None:
        self.total = total
        self.enabled = enabled and total > 1
        self.stream = stream
        self.done = 0

    def step(self, name: str) -> None:
        self.done += 1
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


def _check(args: argparse.Namespace) -> int:
    from ..checks.config import ConfigError, load_settings
    from ..checks.engine import select_rules
    from ..checks.findings import Severity

    try:
        settings = load_settings(Path(args.config) if args.config else None)
    except ConfigError as exc:
        print(str(exc), file=sys.stderr)
        return EXIT_INPUT
    lang: Lang = args.lang or settings.lang or _default_lang()
    fmt = args.format or settings.format or "text"
    select = args.select if args.select is not None else settings.select
    ignore = [*settings.ignore, *(args.ignore or ())]
    threshold = Severity(args.fail_on) if args.fail_on else settings.fail_on or Severity.ERROR
    nomenclature_path = args.nomenclature or settings.nomenclature
    try:
        select_rules(select, ignore)
    except ValueError as exc:
        print(render("cli.unknown_rule", {"pattern": str(exc)}, lang), file=sys.stderr)
        return EXIT_INPUT
    options = _CheckOptions(
        tuple(select) if select is not None else None, tuple(ignore), threshold, fmt, lang,
        str(nomenclature_path) if nomenclature_path is not None else None,
    )
    try:
        worker = _CheckWorker.start(options)
    except RenstraError as exc:
        message = exc.describe(lang) if isinstance(exc, InvalidPlanError) else str(exc)
        print(message, file=sys.stderr)
        return EXIT_INPUT

    plans = list(expand_plans(args.plans))
    progress = _Progress(len(plans), args.progress or sys.stderr.isatty(), sys.stderr)
    jobs = args.jobs or os.cpu_count() or 1
    unusable = False
    failing = False
    out = sys.stdout
    array = _JsonArray(out) if fmt == "json" else None
    collector = gc.get_threshold()
    _collect_less()
    try:
        for outcome in _outcomes(worker, plans, min(jobs, len(plans))):
            progress.step(outcome.name)
            if outcome.error is not None:
                print(outcome.error, file=sys.stderr)
                unusable = True
                continue
            failing = failing or outcome.failing
            if array is not None:
                for item in outcome.output:
                    array.add(item)
            else:
                out.write("".join(outcome.output))
    finally:  # as it was, for a caller that runs the command in its own process
        gc.set_threshold(*collector)
    progress.close()
    if array is not None:
        array.close()
    if unusable:
        return EXIT_INPUT
    return EXIT_FINDINGS if failing else EXIT_OK


class _CheckOptions(NamedTuple):
    """What ``renstra check`` does with each plan, as a worker process receives it."""

    select: tuple[str, ...] | None
    ignore: tuple[str, ...]
    threshold: Any
    fmt: str
    lang: Lang
    nomenclature: str | None


class _Outcome(NamedTuple):
    """One plan checked: its name, and either the error that made it unusable or its output
    (the text lines, or each finding as indented JSON) and whether it fails."""

    name: str
    error: str | None
    output: list[str]
    failing: bool


class _CheckWorker:
    """Checks one plan at a time; one in the command's process, or one per worker process
    (:data:`_WORKER` there, set up once by :func:`_start_worker`)."""

    def __init__(self, options: _CheckOptions, nomenclature: Any) -> None:
        self.options = options
        self.nomenclature = nomenclature

    @classmethod
    def start(cls, options: _CheckOptions) -> _CheckWorker:
        """A worker for *options*, with the nomenclature loaded (RenstraError if it cannot
        be)."""
        nomenclature = None
        if options.nomenclature is not None:
            from ..io.nomenclature import load_nomenclature

            nomenclature = load_nomenclature(Path(options.nomenclature))
        return cls(options, nomenclature)

    def __call__(self, spec: str) -> _Outcome:
        from ..checks.engine import at_or_above, check

        options = self.options
        lang = options.lang
        try:
            plan = open_plan(spec)
        except InvalidPlanError as exc:
            return _Outcome(spec, exc.describe(lang), [], False)
        except RenstraError as exc:
            return _Outcome(spec, str(exc), [], False)
        findings = check(plan, select=options.select, ignore=options.ignore,
                         nomenclature=self.nomenclature)
        failing = bool(at_or_above(findings, options.threshold))
        if options.fmt == "json":
            output = [
                json.dumps({"plan": spec, **f.to_json(lang)}, ensure_ascii=False, indent=2)
                for f in findings
            ]
        else:
            output = [_finding_line(spec, f, lang) + "\n" for f in findings]
            output.append(_totals_line(spec, findings, lang) + "\n")
        return _Outcome(spec, None, output, failing)


_WORKER: list[_CheckWorker] = []
"""The worker of a worker process (inherited from the command's process where processes are
forked, else set up by :func:`_start_worker`)."""


GC_THRESHOLD: Final = 100_000
"""Allocations between two collections of the youngest generation while ``renstra check``
runs (Python's default is 700)."""


def _collect_less() -> None:
    """Collect garbage cycles less often while checking: a plan and its check leave no
    cycles, and at the default threshold the collector, which finds nothing, takes a fifth
    of the time of a check (measured: 1,000 plans, 12.0 s -> 9.3 s). The same trade is made
    by other tools that build many objects, mypy among them."""
    gc.set_threshold(GC_THRESHOLD, *gc.get_threshold()[1:])


def _start_worker(options: _CheckOptions) -> None:
    gc.freeze()  # a worker process's modules, rules and nomenclature: out of the collections
    _collect_less()
    if not _WORKER or _WORKER[0].options != options:
        _WORKER[:] = [_CheckWorker.start(options)]


def _check_in_worker(spec: str) -> _Outcome:
    return _WORKER[0](spec)


def _outcomes(worker: _CheckWorker, plans: list[str], jobs: int) -> Iterator[_Outcome]:
    """Each plan's outcome, in the order of *plans*: checked here, or by *jobs* processes
    that take the plans a few at a time (each loads, checks and forgets one plan at a time;
    the outcomes come back in order and are printed as they come)."""
    if jobs <= 1:
        yield from map(worker, plans)
        return
    import multiprocessing

    _WORKER[:] = [worker]
    chunk = max(1, min(32, len(plans) // (jobs * 8)))
    with multiprocessing.get_context().Pool(
        jobs, initializer=_start_worker, initargs=(worker.options,)
    ) as pool:
        yield from pool.imap(_check_in_worker, plans, chunksize=chunk)


class _JsonArray:
    """A JSON array written one item at a time, byte for byte as ``json.dump(items,
    indent=2)`` writes the whole list (each item given as ``json.dumps(item, indent=2)``)."""

    def __init__(self, out: TextIO) -> None:
        self.out = out
        self.count = 0

    def add(self, item: str) -> None:
        self.out.write("[\n  " if self.count == 0 else ",\n  ")
        self.out.write(item.replace("\n", "\n  "))
        self.count += 1

    def close(self) -> None:
        self.out.write("\n]\n" if self.count else "[]\n")


# -- rules -------------------------------------------------------------------------------------


def _rules(args: argparse.Namespace) -> int:
    from ..checks.engine import RULES

    lang: Lang = args.lang or _default_lang()
    out = sys.stdout
    if args.rule:
        wanted = args.rule.upper()
        found = RULES.get(wanted)
        if found is None:
            print(render("cli.unknown_rule", {"pattern": args.rule}, lang), file=sys.stderr)
            return EXIT_INPUT
        if args.format == "json":
            json.dump(_rule_json(wanted, lang), out, ensure_ascii=False, indent=2)
            out.write("\n")
            return EXIT_OK
        out.write(f"{found.id} {found.title.render(lang)}\n")
        out.write(f"  {render('cli.family', {}, lang)}: {found.family}\n")
        out.write(f"  {render('cli.severity', {}, lang)}: {found.severity.label(lang)}\n")
        if found.needs_nomenclature:
            out.write(f"  {render('cli.needs_nomenclature', {}, lang)}\n")
        out.write(f"\n{found.why.render(lang)}\n")
        out.write(f"\n{render('cli.example', {}, lang)}: {found.example}\n")
        return EXIT_OK
    if args.format == "json":
        json.dump([_rule_json(r, lang) for r in RULES], out, ensure_ascii=False, indent=2)
        out.write("\n")
        return EXIT_OK
    for r in sorted(RULES.values(), key=lambda r: r.id):
        out.write(f"{r.id}  {r.severity.value:<7}  {r.family:<18}  {r.title.render(lang)}\n")
    return EXIT_OK


def _rule_json(rule_id: str, lang: Lang) -> dict[str, Any]:
    from ..checks.engine import RULES

    r = RULES[rule_id]
    return {
        "rule": r.id,
        "family": r.family,
        "severity": r.severity.value,
        "title": r.title.render(lang),
        "why": r.why.render(lang),
        "example": r.example,
        "needs_nomenclature": r.needs_nomenclature,
    }


# -- the parser --------------------------------------------------------------------------------

COMMAND_MODULES: Final = (
    "renstra_model.cli.table",
    "renstra_model.cli.import_",
    "renstra_model.cli.export",
    "renstra_model.cli.generate",
)
"""Modules that add a subcommand: each defines ``add_parser(subparsers)``, which registers the
subcommand with ``set_defaults(handler=...)`` (a function of the parsed arguments returning
the exit status). They import what the command needs only when it runs, so that the command
line starts fast."""


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


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of ``renstra``."""
    parser = argparse.ArgumentParser(
        prog="renstra",
        description="Renstra Perangkat Daerah (Permendagri 86/2017): check and inspect plans.",
    )
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    check = sub.add_parser(
        "check",
        help="report every defect of one or more plans",
        description="Run the compliance rules over each PLAN and print the findings. "
        "Exit status: 0 none at or above --fail-on, 1 some, 2 unusable input.",
    )
    check.add_argument(
        "plans", nargs="+", metavar="PLAN",
        help="a plan file, a directory of plan files (*.json), or a shipped example: ttu-dinsos",
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
        "--nomenclature", default=None, metavar="FILE",
        help="the national code nomenclature (CSV, or the decree's spreadsheet layout)",
    )
    check.add_argument(
        "--config", default=None, metavar="FILE",
        help="settings file (default: renstra.toml, or [tool.renstra] in pyproject.toml)",
    )
    check.add_argument(
        "--progress", action="store_true",
        help="show a progress bar on stderr even when it is not a terminal",
    )
    check.add_argument(
        "--jobs", type=_jobs, default=1, metavar="N",
        help="check the plans in N processes, printing the results in the order of the "
        "plans (default 1; 0: one per core)",
    )

    rules = sub.add_parser("rules", help="list the rules, or explain one",
                           description="List the compliance rules, or explain RULE.")
    rules.add_argument("rule", nargs="?", metavar="RULE")
    rules.add_argument("--format", choices=("text", "json"), default="text")
    rules.add_argument("--lang", choices=LANGS, default=None)

    summary = sub.add_parser(
        "summary",
        help="load and validate a plan, and print its shape and planned budget",
        description="Load and validate PLAN and print its shape and planned budget per year.",
    )
    summary.add_argument(
        "plan", metavar="PLAN", help="a plan file, or a shipped example: ttu-dinsos"
    )
    summary.add_argument("--format", choices=("text", "json"), default="text")
    summary.add_argument("--lang", choices=LANGS, default=None)

    check.set_defaults(handler=_check)
    rules.set_defaults(handler=_rules)
    summary.set_defaults(handler=_summary)
    for name in COMMAND_MODULES:
        try:
            module = importlib.import_module(name)
        except ModuleNotFoundError as exc:
            if exc.name != name:
                raise
            continue
        module.add_parser(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit status."""
    args = build_parser().parse_args(argv)
    handler: Callable[[argparse.Namespace], int] = args.handler
    return handler(args)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())

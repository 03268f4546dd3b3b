"""The ``renstra`` command line.

Exit status: 0 success; 2 unusable input (the problems are printed with their paths).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Sequence
from decimal import Decimal
from pathlib import Path
from typing import Final, TextIO

from .errors import InvalidPlanError, PlanFileError, Problem, RenstraError
from .messages import DEFAULT_LANG, LANGS, Lang, render
from .plan import Plan

EXIT_OK: Final = 0
EXIT_INPUT: Final = 2


def _default_lang() -> Lang:
    env = os.environ.get("RENSTRA_LANG", DEFAULT_LANG)
    for lang in LANGS:
        if env == lang:
            return lang
    return DEFAULT_LANG


def open_plan(spec: str) -> Plan:
    """A plan from a file path, or from the name of a shipped example."""
    from .examples import EXAMPLES, load_example
    from .serialization import load

    path = Path(spec)
    if path.exists():
        return load(path)
    if spec in EXAMPLES:
        return load_example(spec)
    raise PlanFileError(
        [Problem("", "cli.plan_missing", {"plan": spec, "known": ", ".join(sorted(EXAMPLES))})]
    )


def _money(value: Decimal, lang: Lang) -> str:
    text = f"{value:,f}"
    if lang == "id":
        text = text.replace(",", "\0").replace(".", ",").replace("\0", ".")
    return text


def _print_summary(plan: Plan, fmt: str, lang: Lang, out: TextIO) -> None:
    from .summary import summarise

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


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of ``renstra``."""
    parser = argparse.ArgumentParser(
        prog="renstra",
        description="Renstra Perangkat Daerah (Permendagri 86/2017): inspect and check plans.",
    )
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    summary = sub.add_parser(
        "summary",
        help="load and validate a plan, and print its shape and planned budget",
        description="Load and validate PLAN and print its shape and planned budget per year.",
    )
    summary.add_argument(
        "plan", metavar="PLAN", help="a plan file, or a shipped example: ttu-dinsos"
    )
    summary.add_argument("--format", choices=("text", "json"), default="text")
    summary.add_argument("--lang", choices=LANGS, default=_default_lang())
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit status."""
    args = build_parser().parse_args(argv)
    lang: Lang = getattr(args, "lang", DEFAULT_LANG)
    try:
        plan = open_plan(args.plan)
    except InvalidPlanError as exc:
        print(exc.describe(lang), file=sys.stderr)
        return EXIT_INPUT
    except RenstraError as exc:
        print(str(exc), file=sys.stderr)
        return EXIT_INPUT
    _print_summary(plan, args.format, lang, sys.stdout)
    return EXIT_OK


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())

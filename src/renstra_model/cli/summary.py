"""``renstra summary PLAN``: load and validate a plan, and print its shape and its planned
budget per year, as text (numbers in the style of ``--lang``) or JSON.

Exit status: 0 printed, 2 unusable input.
"""

from __future__ import annotations

import argparse
import json
import sys
from decimal import Decimal
from typing import TYPE_CHECKING, Any, TextIO

from ..messages import LANGS, Lang, render
from .common import EXIT_OK, command, default_lang, open_plan

if TYPE_CHECKING:
    from ..model.plan import Plan


def add_parser(sub: Any) -> None:
    """Register ``renstra summary``."""
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
    summary.set_defaults(handler=run)


@command
def run(args: argparse.Namespace) -> int:
    """Print the summary; 0 when printed, 2 when the plan is unusable."""
    lang: Lang = args.lang or default_lang()
    plan = open_plan(args.plan)
    _print_summary(plan, args.format or "text", lang, sys.stdout)
    return EXIT_OK


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
    out.write(f"{plan.label}\n")
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

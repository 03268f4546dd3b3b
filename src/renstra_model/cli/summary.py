"""``renstra summary PLAN``: load and validate a plan, and print its shape and its planned
budget per year, as text (numbers in the style of ``--lang``) or JSON. PLAN is a plan file, a
workbook or a shipped example, read with the options of ``renstra import``.

A file holding several plans prints each in turn: as text, each summary headed by the plan's
name (``file [region / agency]``) and followed by a blank line; as JSON, an array of the
summaries, each with the plan's name under ``"plan"``. A file holding one plan prints its
summary alone (as JSON, one object). A plan whose reading left notes is said on stderr.

Exit status: 0 printed, 2 unusable input.
"""

from __future__ import annotations

import argparse
import json
import sys
from decimal import Decimal
from typing import TYPE_CHECKING, Any, TextIO

from ..messages import LANGS, Lang, render
from .common import (
    EXIT_OK,
    add_reading_arguments,
    command,
    default_lang,
    open_plans,
    reading_options,
    warn_reading_notes,
)

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
        "plan", metavar="PLAN",
        help="a plan file (.json), a workbook (.xlsx, .xlsm), a SIPD export (.csv, .tsv, SIPD "
        "JSON: each agency's plan in turn), or a shipped example: ttu-dinsos",
    )
    summary.add_argument("--format", choices=("text", "json"), default="text",
                         help="text, or JSON: an object; an array of them, each with its "
                         "\"plan\", for a file holding several plans")
    summary.add_argument("--lang", choices=LANGS, default=None)
    add_reading_arguments(summary)
    summary.set_defaults(handler=run)


@command
def run(args: argparse.Namespace) -> int:
    """Print the summary; 0 when printed, 2 when the plan is unusable."""
    lang: Lang = args.lang or default_lang()
    args.lang = lang  # the error path's too
    fmt = args.format or "text"
    loaded = open_plans(args.plan, reading_options(args))
    warn_reading_notes(loaded, lang)
    out = sys.stdout
    if len(loaded) == 1:
        _print_summary(loaded[0].plan, fmt, lang, out)
    elif fmt == "json":
        from ..calculators.summary import summarise

        data = [{"plan": item.name, **summarise(item.plan).to_json()} for item in loaded]
        json.dump(data, out, ensure_ascii=False, indent=2)
        out.write("\n")
    else:
        for item in loaded:
            out.write(f"{item.name}\n")
            _print_summary(item.plan, fmt, lang, out)
            out.write("\n")
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

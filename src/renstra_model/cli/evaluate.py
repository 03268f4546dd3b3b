"""``renstra evaluate PLAN REALISATIONS``: the evaluation of a realisation file against the
plan (:func:`renstra_model.cycle.evaluation.evaluate`): for each activity, indicator and year
the target, the realisation, the capaian and its predikat, the pagu, the rupiah realised and
their ratio, with the roll-ups to kegiatan, program and plan; then the findings of the file
and of the evaluation.

PLAN is a plan file, a workbook or a shipped example (``ttu-dinsos``); REALISATIONS a CSV,
xlsx or JSON file (:mod:`renstra_model.io.realisations`), or ``ttu-dinsos`` for the shipped
example of the TTU plan. The findings are printed after the table in text and Markdown (on
stderr for CSV and xlsx, which hold the table alone); JSON holds rows, roll-ups and findings.

Exit status, as ``renstra check``'s: 0 when no finding reaches ``--fail-on`` (default
``error``), 1 when one does, 2 when an input is unusable.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from ..messages import LANGS, Lang, extend, render
from .common import (
    EXIT_FINDINGS,
    EXIT_INPUT,
    EXIT_OK,
    add_reading_arguments,
    command,
    default_lang,
    finding_line,
    open_plan,
    reading_options,
    totals_line,
    write_output,
)

if TYPE_CHECKING:
    from ..checks.findings import Finding
    from ..cycle.evaluation import Evaluation

extend({
    "cli_evaluate.xlsx_output": {
        "en": "--format xlsx writes a file: give it with --output FILE",
        "id": "--format xlsx menulis berkas: sebutkan dengan --output BERKAS",
    },
    "cli_evaluate.written": {
        "en": "the evaluation written to {path}",
        "id": "evaluasi ditulis ke {path}",
    },
})

FORMATS = ("text", "json", "csv", "xlsx", "markdown")


def _date(value: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a date (YYYY-MM-DD)") from None


def add_parser(sub: Any) -> None:
    """Register ``renstra evaluate``."""
    evaluate = sub.add_parser(
        "evaluate",
        help="evaluate realisations against the plan (capaian, predikat, budget ratio)",
        description="Evaluate the REALISATIONS of PLAN: target, realisation, capaian and "
        "predikat per activity, indicator and year, the pagu and rupiah realised, and the "
        "roll-ups to kegiatan, program and plan. Exit status: 0 no finding at or above "
        "--fail-on, 1 some, 2 unusable input.",
    )
    evaluate.add_argument("plan", metavar="PLAN",
                          help="a plan file (.json), a workbook (.xlsx), or a shipped example: "
                          "ttu-dinsos")
    evaluate.add_argument("realisations", metavar="REALISATIONS",
                          help="a realisation file (.csv, .tsv, .xlsx, .json) with the "
                          "headings kode, tahun, indikator, realisasi, realisasi_rp; or "
                          "ttu-dinsos, the example of the TTU plan")
    evaluate.add_argument("--year", type=int, default=None, metavar="YEAR",
                          help="evaluate this year only (default: every year the file states "
                          "and every plan year that has ended)")
    evaluate.add_argument("--today", type=_date, default=None, metavar="DATE",
                          help="the date the years have ended by (YYYY-MM-DD; default: "
                          "today)")
    evaluate.add_argument("--format", choices=FORMATS, default="text")
    evaluate.add_argument("--output", default=None, metavar="FILE",
                          help="write to FILE instead of printing (required for xlsx)")
    evaluate.add_argument("--lang", choices=LANGS, default=None,
                          help="headings, numbers and messages (default: RENSTRA_LANG, "
                          "else en)")
    evaluate.add_argument("--fail-on", choices=("error", "warning", "info"), default="error",
                          help="exit 1 when a finding of this severity or higher exists "
                          "(default: error)")
    add_reading_arguments(evaluate)
    evaluate.set_defaults(handler=run)


@command
def run(args: argparse.Namespace) -> int:
    """Print or write the evaluation; 0 or 1 by ``--fail-on``, 2 when an input is unusable."""
    from ..checks.engine import at_or_above
    from ..checks.findings import Severity
    from ..cycle.evaluation import evaluate
    from ..examples import realisations_path
    from ..io.realisations import read_realisations

    lang: Lang = args.lang or default_lang()
    args.lang = lang
    if args.format == "xlsx" and not args.output:
        print(render("cli_evaluate.xlsx_output", {}, lang), file=sys.stderr)
        return EXIT_INPUT
    plan = open_plan(args.plan, reading_options(args))
    period = plan.period
    if args.year is not None and args.year not in period.years:
        print(render("evaluation.year", {"year": args.year, "first": period.first_year,
                                         "last": period.last_year}, lang), file=sys.stderr)
        return EXIT_INPUT
    source = realisations_path(args.realisations)
    read = read_realisations(source, style=args.number_style or "auto")
    today = args.today or dt.date.today()
    evaluation = evaluate(plan, read.rows, year=args.year, today=today)
    findings = [*read.findings, *evaluation.findings]
    status = _write(args, evaluation, findings, lang)
    if status != EXIT_OK:
        return status
    return EXIT_FINDINGS if at_or_above(findings, Severity(args.fail_on)) else EXIT_OK


def _write(args: argparse.Namespace, evaluation: Evaluation, findings: Sequence[Finding],
           lang: Lang) -> int:

    from ..cycle.evaluation_output import evaluation_table, to_data
    from ..tables.render import render_table, write_xlsx

    text = ""
    if args.format == "json":
        data = to_data(evaluation, lang)
        data["findings"] = [f.to_dict(lang) for f in findings]
        text = json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    else:
        table = evaluation_table(evaluation, lang)
        totals = totals_line(findings, lang) + "\n"
        lines = "".join(finding_line(f, lang) + "\n" for f in findings) + totals
        if args.format == "xlsx":
            try:
                write_xlsx(table, args.output, lang=lang, values="computed")
            except OSError as exc:
                print(str(exc), file=sys.stderr)
                return EXIT_INPUT
            sys.stderr.write(lines)
            print(render("cli_evaluate.written", {"path": args.output}, lang), file=sys.stderr)
            return EXIT_OK
        fmt = args.format
        text = render_table(table, fmt, lang=lang, values="computed")
        if fmt == "csv":
            sys.stderr.write(lines)
        elif fmt == "markdown":
            text += "\n" + "".join(f"- {finding_line(f, lang)}\n" for f in findings) + "\n" + \
                totals
        else:
            text += "\n" + lines
    return write_output(text, args.output or None, lang)

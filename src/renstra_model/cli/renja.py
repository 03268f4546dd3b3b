"""``renstra renja PLAN --year Y --output FILE``: cut the Renja of year Y from a Renstra
(:func:`renstra_model.cycle.renja.renja`) and write it as a plan file, which ``renstra check``,
``summary``, ``table`` and ``export`` read like any other. It says on stderr where it wrote,
how many sub kegiatan the Renja holds and its money in Y, in the style of ``--lang``.

PLAN is a plan file, a workbook or a shipped example, read with the options of ``renstra
import``; a file of several plans is refused. Exit status: 0 written, 2 unusable input (a plan
that does not load, a year that is not one of the plan's, a file that cannot be written).
"""

from __future__ import annotations

import argparse
import sys
from typing import Any

from ..messages import LANGS, Lang, extend, render
from .common import (
    EXIT_INPUT,
    EXIT_OK,
    add_reading_arguments,
    command,
    default_lang,
    open_plan,
    reading_options,
)

extend({
    "cli_renja.written": {
        "en": "Renja {year} written to {path}: {count} sub kegiatan, pagu {year} {total}",
        "id": "Renja {year} ditulis ke {path}: {count} sub kegiatan, pagu {year} {total}",
    },
})


def add_parser(sub: Any) -> None:
    """Register ``renstra renja``."""
    renja = sub.add_parser(
        "renja",
        help="cut the Renja of one year from a Renstra and write it as a plan file",
        description="Write the Renja of YEAR cut from PLAN: the activities with a target or "
        "a pagu in YEAR, with YEAR's targets and pagu and YEAR+1 as the forward estimate, as "
        "a plan file. Exit status: 0 written, 2 unusable input.",
    )
    renja.add_argument("plan", metavar="PLAN",
                       help="a plan file (.json), a workbook (.xlsx, .xlsm), a SIPD export of "
                       "one agency, or a shipped example: ttu-dinsos")
    renja.add_argument("--year", type=int, required=True, metavar="YEAR",
                       help="a year of the plan period (not its baseline year)")
    renja.add_argument("--output", required=True, metavar="FILE",
                       help="the plan file (.json) to write")
    renja.add_argument("--lang", choices=LANGS, default=None,
                       help="numbers and messages (default: RENSTRA_LANG, else en)")
    add_reading_arguments(renja)
    renja.set_defaults(handler=run)


@command
def run(args: argparse.Namespace) -> int:
    """Write the Renja; 0 when written, 2 when an input is unusable."""
    from ..calculators.rollups import total_by_year
    from ..cycle.renja import RenjaYearError, renja
    from ..io.serialization import save
    from ..model.codes import Level
    from ..tables.formats import format_number

    lang: Lang = args.lang or default_lang()
    args.lang = lang  # the error path's too
    plan = open_plan(args.plan, reading_options(args))
    try:
        cut = renja(plan, args.year)
    except RenjaYearError as exc:
        print(exc.describe(lang), file=sys.stderr)
        return EXIT_INPUT
    try:
        path = save(cut, args.output)
    except OSError as exc:
        print(str(exc), file=sys.stderr)
        return EXIT_INPUT
    total = total_by_year(cut).get(args.year)
    print(render("cli_renja.written", {
        "year": args.year, "path": path, "count": len(cut.activities_at(Level.SUB_KEGIATAN)),
        "total": "-" if total is None else format_number(total, lang=lang),
    }, lang), file=sys.stderr)
    return EXIT_OK

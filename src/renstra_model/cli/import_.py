"""``renstra import FILE.xlsx --output PLAN.json``: read the program and kegiatan sheet of a
workbook (T-C.27, or the flat layout of planning tools) into a plan file.

Exit status: 0 when the plan is written; 2 when the input is unusable: the workbook cannot be
read, its header is not understood, the title, Perangkat Daerah, region or years are neither
in the sheet nor given, or (without ``--partial``) a cell cannot be read. Every problem is
printed on stderr with its sheet, row and column (``'T-C.27'!F12``), in ``--lang``.
"""

from __future__ import annotations

import argparse
import sys
from typing import Any

from ..messages import LANGS, extend
from .common import EXIT_INPUT, EXIT_OK, command, default_lang

extend({
    "import.written": {
        "en": "{output}: {programs} programs, {kegiatan} kegiatan, {sub} sub kegiatan from "
              "sheet {sheet!r} ({layout} layout)",
        "id": "{output}: {programs} program, {kegiatan} kegiatan, {sub} sub kegiatan dari "
              "lembar {sheet!r} (tata letak {layout})",
    },
    "import.unwritable": {
        "en": "cannot write {file}: {why}",
        "id": "tidak dapat menulis {file}: {why}",
    },
    "import.partial": {
        "en": "{count} cells were not read (they are left empty in the plan):",
        "id": "{count} sel tidak dibaca (dibiarkan kosong dalam rencana):",
    },
})


def add_parser(sub: Any) -> None:
    """Register ``renstra import``."""
    parser = sub.add_parser(
        "import",
        help="read a Renstra workbook's T-C.27 (or flat) sheet into a plan file",
        description="Read the program, kegiatan and sub kegiatan sheet of FILE (.xlsx; the "
        "Permendagri 86 T-C.27 layout or the flat KODE / PROGRAM DAN KEGIATAN / TARGET "
        "TAHUN 1 / DANA TAHUN 1 layout) and write it as a plan file. Exit status: 0 written, "
        "2 unusable input (every problem is printed with its sheet, row and column).",
    )
    parser.add_argument("file", metavar="FILE", help="the workbook (.xlsx)")
    parser.add_argument("--output", required=True, metavar="PLAN",
                         help="the plan file to write (JSON)")
    parser.add_argument(
        "--start-year", type=int, default=None, metavar="YEAR",
        help="the first plan year (TAHUN 1), e.g. 2022 for a Renstra 2021-2026 whose "
        "baseline is 2021; needed when the sheet numbers its years instead of naming them",
    )
    parser.add_argument("--title", default=None,
                         help="the plan's title (default: as the sheet states it)")
    parser.add_argument("--organisation", default=None, metavar="NAME",
                         help="the Perangkat Daerah (default: the sheet's 'Perangkat Daerah' "
                         "row)")
    parser.add_argument("--region", default=None, metavar="NAME",
                         help="the Kabupaten/Kota (default: the sheet's 'Pemerintah Daerah' "
                         "row)")
    parser.add_argument("--sheet", default=None, metavar="NAME",
                         help="the sheet to read (default: the one named like T-C.27, else "
                         "the first with the header)")
    parser.add_argument(
        "--number-style", choices=("auto", "id", "en"), default=None,
        help="how text cells write numbers: id (1.234,5), en (1,234.5) or auto (default: "
        "as the sheet states it, else auto)",
    )
    parser.add_argument(
        "--partial", action="store_true",
        help="write the plan even when cells cannot be read: they are left empty and listed",
    )
    parser.add_argument("--lang", choices=LANGS, default=None)
    parser.set_defaults(handler=run)


@command
def run(args: argparse.Namespace) -> int:
    """Import the workbook; 0 when the plan is written, 2 when the input is unusable."""
    from pathlib import Path

    from ..io.excel import read_workbook
    from ..io.serialization import save
    from ..messages import render
    from ..model.codes import Level

    lang = args.lang or default_lang()
    try:
        result = read_workbook(
            Path(args.file),
            start_year=args.start_year,
            title=args.title,
            organisation=args.organisation,
            region=args.region,
            sheet=args.sheet,
            style=args.number_style,
            partial=args.partial,
        )
        save(result.plan, Path(args.output))
    except OSError as exc:
        why = exc.strerror or str(exc)
        print(render("import.unwritable", {"file": args.output, "why": why}, lang),
              file=sys.stderr)
        return EXIT_INPUT
    if result.problems:
        print(f"{args.file}: {render('import.partial', {'count': len(result.problems)}, lang)}",
              file=sys.stderr)
        for problem in result.problems:
            print(f"  {problem.describe(lang)}", file=sys.stderr)
    plan = result.plan
    print(render("import.written", {
        "output": args.output,
        "programs": len(plan.programs),
        "kegiatan": len(plan.activities_at(Level.KEGIATAN)),
        "sub": len(plan.activities_at(Level.SUB_KEGIATAN)),
        "sheet": result.sheet,
        "layout": result.layout,
    }, lang))
    return EXIT_OK

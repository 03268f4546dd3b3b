"""``renstra import FILE.xlsx --output PLAN.json``: read the program and kegiatan sheet of a
workbook (T-C.27, the flat layout of planning tools, or sub kegiatan rows only) into a plan
file.

A cell that cannot be read is left out of the plan and recorded in it (its reading notes,
:attr:`Plan.reading <renstra_model.Plan.reading>`); once the plan is written, the notes are
printed on stderr, each with its place (``'T-C.27'!F12``), its reason and the cell's content,
in ``--lang``, and ``renstra check`` reports them again. With ``--strict``, such a cell fails
the import instead.

Exit status: 0 when the plan is written (with or without notes); 2 when the input is
unusable: a file that is not a workbook, a header that is not understood, years neither in the
sheet nor given, no activity that could be read, (with ``--strict``) a cell that cannot be
read, or an output that cannot be written. Every problem is printed on stderr with its sheet,
row and column.
"""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING, Any

from ..messages import LANGS, Lang, extend, render
from .common import EXIT_INPUT, EXIT_OK, add_reading_arguments, command, default_lang

if TYPE_CHECKING:
    from ..model.provenance import ReadingNote

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
    "import.notes": {
        "en": "{file}: notes of the reading ({count}), kept in the plan (renstra check reports "
              "them):",
        "id": "{file}: catatan pembacaan ({count}), disimpan dalam rencana (dilaporkan oleh "
              "renstra check):",
    },
    "import.content": {
        "en": "content: {value}",
        "id": "isi: {value}",
    },
})

SHOWN_CONTENT = 100
"""How many characters of a cell's content a note's line shows."""


def add_parser(sub: Any) -> None:
    """Register ``renstra import``."""
    parser = sub.add_parser(
        "import",
        help="read a Renstra workbook's T-C.27 (or flat) sheet into a plan file",
        description="Read the program, kegiatan and sub kegiatan sheet of FILE (.xlsx; the "
        "Permendagri 86 T-C.27 layout, the flat KODE / PROGRAM DAN KEGIATAN / TARGET "
        "TAHUN 1 / DANA TAHUN 1 layout, or sub kegiatan rows only) and write it as a plan "
        "file, then list the notes of the reading (cells not read, with their content). "
        "Exit status: 0 written, 2 unusable input (every problem is printed with its "
        "sheet, row and column).",
    )
    parser.add_argument("file", metavar="FILE", help="the workbook (.xlsx, .xlsm)")
    parser.add_argument("--output", required=True, metavar="PLAN",
                        help="the plan file to write (JSON)")
    parser.add_argument(
        "--strict", action="store_true",
        help="refuse the workbook (exit 2, nothing written) when a cell cannot be read, "
        "instead of writing the plan without it and listing it",
    )
    parser.add_argument("--lang", choices=LANGS, default=None)
    add_reading_arguments(parser)
    parser.set_defaults(handler=run)


@command
def run(args: argparse.Namespace) -> int:
    """Import the workbook; 0 when the plan is written, 2 when the input is unusable."""
    from pathlib import Path

    from ..io.excel import read_workbook
    from ..io.inputs import input_format
    from ..io.serialization import save
    from ..model.codes import Level
    from .common import reading_options

    lang: Lang = args.lang or default_lang()
    args.lang = lang  # the error path's too
    input_format(args.file)  # a type no format reads (.xls, .ods, ...) is named there
    options = reading_options(args)
    result = read_workbook(
        Path(args.file), start_year=options.start_year, title=options.title,
        organisation=options.organisation, region=options.region, sheet=options.sheet,
        style=options.style, nomenclature=options.nomenclature, strict=options.strict,
    )
    try:
        save(result.plan, Path(args.output))
    except OSError as exc:
        why = exc.strerror or str(exc)
        print(render("import.unwritable", {"file": args.output, "why": why}, lang),
              file=sys.stderr)
        return EXIT_INPUT
    plan = result.plan
    print(render("import.written", {
        "output": args.output,
        "programs": len(plan.programs),
        "kegiatan": len(plan.activities_at(Level.KEGIATAN)),
        "sub": len(plan.activities_at(Level.SUB_KEGIATAN)),
        "sheet": result.sheet,
        "layout": result.layout,
    }, lang))
    if plan.reading:
        print(render("import.notes", {"file": args.file, "count": len(plan.reading)}, lang),
              file=sys.stderr)
        for note in plan.reading:
            print(f"  {_note_line(note, lang)}", file=sys.stderr)
    return EXIT_OK


def _note_line(note: ReadingNote, lang: Lang) -> str:
    """``'T-C.27'!H9 (DANA TAHUN 1): reason (content: '12.34.5')``: the note's place (with
    the column's heading), reason and content."""
    where = f"{note.place} ({note.heading})" if note.heading else note.place
    line = f"{where}: {note.message(lang)}"
    if note.value is None:
        return line
    value = " ".join(note.value.split())
    if len(value) > SHOWN_CONTENT:
        value = value[: SHOWN_CONTENT - 1] + "…"
    return f"{line} ({render('import.content', {'value': repr(value)}, lang)})"

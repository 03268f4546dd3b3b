"""``renstra import FILE.xlsx --output PLAN.json``: read the program and kegiatan sheet of a
workbook (T-C.27, the flat layout of planning tools, or sub kegiatan rows only) into a plan
file; ``renstra import EXPORT.csv --output DIR``: read a SIPD export (CSV, or SIPD-RI's JSON
answer) into one plan file per Perangkat Daerah, named safely from its codes
(:func:`renstra_model.io.sipd.plan_file_names`), with a line for each plan, the dialect the
export was read in, and the fields it holds that the model has no place for.

A cell that cannot be read is left out of the plan and recorded in it (its reading notes,
:attr:`Plan.reading <renstra_model.Plan.reading>`); once the plan is written, the notes are
printed on stderr, each with its place (``'T-C.27'!F12``), its reason and the cell's content,
in ``--lang``, and ``renstra check`` reports them again. With ``--strict``, such a cell fails
the import instead.

Exit status: 0 when the plan is written (with or without notes); 2 when the input is
unusable: a file that is not a workbook, a header that is not understood, years neither in the
sheet nor given, no activity that could be read, (with ``--strict``) a cell that cannot be
read, or an output that cannot be written; for an export, also an encoding or delimiter that
its bytes do not settle, a required column it lacks, or an ``--output`` that names a file for
several plans. Every problem is printed on stderr with its sheet, row and column.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..messages import LANGS, Lang, extend, render
from .common import EXIT_INPUT, EXIT_OK, add_reading_arguments, command, default_lang, unwritable

if TYPE_CHECKING:
    from ..io.inputs import ReadOptions
    from ..io.sipd import SipdExport
    from ..model.plan import Plan
    from ..model.provenance import ReadingNote

extend({
    "import.written": {
        "en": "{output}: {programs} programs, {kegiatan} kegiatan, {sub} sub kegiatan from "
              "sheet {sheet!r} ({layout} layout)",
        "id": "{output}: {programs} program, {kegiatan} kegiatan, {sub} sub kegiatan dari "
              "lembar {sheet!r} (tata letak {layout})",
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
    "import.plan_written": {
        "en": "{output}: {name} ({kodepemda} {kodeskpd}): {programs} programs, {kegiatan} "
              "kegiatan, {sub} sub kegiatan, {indicators} indicators from {rows} rows",
        "id": "{output}: {name} ({kodepemda} {kodeskpd}): {programs} program, {kegiatan} "
              "kegiatan, {sub} sub kegiatan, {indicators} indikator dari {rows} baris",
    },
    "import.not_directory": {
        "en": "{file} holds {count} plans, one file each: --output names a directory to write "
              "them into, and {output} is not one",
        "id": "{file} memuat {count} rencana, satu berkas masing-masing: --output menyebut "
              "direktori tempat menulisnya, dan {output} bukan direktori",
    },
})

SHOWN_CONTENT = 100
"""How many characters of a cell's content a note's line shows."""


def add_parser(sub: Any) -> None:
    """Register ``renstra import``."""
    parser = sub.add_parser(
        "import",
        help="read a Renstra workbook's T-C.27 (or flat) sheet, or a SIPD export, into plan "
        "files",
        description="Read the program, kegiatan and sub kegiatan sheet of FILE (.xlsx; the "
        "Permendagri 86 T-C.27 layout, the flat KODE / PROGRAM DAN KEGIATAN / TARGET "
        "TAHUN 1 / DANA TAHUN 1 layout, or sub kegiatan rows only) and write it as a plan "
        "file, then list the notes of the reading (cells not read, with their content). "
        "FILE may also be a SIPD export (.csv, .tsv, or SIPD-RI's JSON answer): one plan per "
        "Perangkat Daerah (kodepemda, kodeskpd) is written into the directory --output "
        "names, as <kodepemda>-<kodeskpd>.json (made of safe characters only; a name two "
        "agencies share gets -2, -3 ...), with a line for each plan, the dialect the export "
        "was read in and the fields not read; an export of one plan may name a file. What "
        "an export's reading derives and records is under 'reading' below. Exit status: 0 "
        "written, 2 unusable input (every problem is printed with its sheet, row and "
        "column).",
    )
    parser.add_argument("file", metavar="FILE",
                        help="the workbook (.xlsx, .xlsm) or the SIPD export (.csv, .tsv, "
                        ".json)")
    parser.add_argument("--output", required=True, metavar="PLAN",
                        help="the plan file to write (JSON); for a SIPD export of several "
                        "plans, the directory to write them into (created if missing)")
    parser.add_argument(
        "--strict", action="store_true",
        help="refuse the workbook or the export (exit 2, nothing written) when a cell cannot "
        "be read, instead of writing the plan without it and listing it",
    )
    parser.add_argument("--lang", choices=LANGS, default=None)
    add_reading_arguments(parser)
    parser.set_defaults(handler=run)


@command
def run(args: argparse.Namespace) -> int:
    """Import the workbook; 0 when the plan is written, 2 when the input is unusable."""
    from ..io.excel import read_workbook
    from ..io.inputs import input_format
    from ..io.serialization import save
    from ..model.codes import Level
    from .common import reading_options

    lang: Lang = args.lang or default_lang()
    args.lang = lang  # the error path's too
    fmt = input_format(args.file)  # a type no format reads (.xls, .ods, ...) is named there
    options = reading_options(args)
    export = _export(fmt.name, Path(args.file), options)
    if export is not None:
        return _write_export(args, export, lang)
    result = read_workbook(
        Path(args.file), start_year=options.start_year, title=options.title,
        organisation=options.organisation, region=options.region, sheet=options.sheet,
        style=options.style, nomenclature=options.nomenclature, strict=options.strict,
    )
    try:
        save(result.plan, Path(args.output))
    except OSError as exc:
        return unwritable(args.output, exc, lang)
    plan = result.plan
    print(render("import.written", {
        "output": args.output,
        "programs": len(plan.programs),
        "kegiatan": len(plan.activities_at(Level.KEGIATAN)),
        "sub": len(plan.activities_at(Level.SUB_KEGIATAN)),
        "sheet": result.sheet,
        "layout": result.layout,
    }, lang))
    _print_notes(args.file, plan, lang)
    return EXIT_OK


def _print_notes(name: str, plan: Plan, lang: Lang) -> None:
    if plan.reading:
        print(render("import.notes", {"file": name, "count": len(plan.reading)}, lang),
              file=sys.stderr)
        for note in plan.reading:
            print(f"  {_note_line(note, lang)}", file=sys.stderr)


def _export(fmt: str, path: Path, options: ReadOptions) -> SipdExport | None:
    """The SIPD export at *path*, where *fmt* reads one (a CSV; a JSON that is not a plan
    file); None for a workbook or a plan file."""
    from ..io.sipd import read_sipd, read_sipd_json

    if fmt == "sipd":
        return read_sipd(path, delimiter=options.delimiter, encoding=options.encoding,
                         style=options.style, nomenclature=options.nomenclature,
                         strict=options.strict)
    if fmt == "plan":
        return read_sipd_json(path, encoding=options.encoding, style=options.style,
                              nomenclature=options.nomenclature, strict=options.strict)
    return None


def _write_export(args: argparse.Namespace, export: SipdExport, lang: Lang) -> int:
    """Write each plan of *export*: into the directory ``--output`` names (created if
    missing) under its safe, unique file name, or, for an export of one plan and an
    ``--output`` that is not a directory, to that file."""
    from ..io.inputs import name_plans
    from ..io.serialization import save
    from ..io.sipd import plan_file_names
    from ..model.codes import Level

    output = Path(args.output)
    plans = export.plans
    into = output.is_dir() or len(plans) > 1 or args.output.endswith(("/", "\\"))
    targets = [output]
    if into:
        if output.exists() and not output.is_dir():
            print(render("import.not_directory", {"file": args.file, "count": len(plans),
                                                  "output": args.output}, lang),
                  file=sys.stderr)
            return EXIT_INPUT
        try:
            output.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            return unwritable(args.output, exc, lang)
        names = plan_file_names((p.kodepemda, p.kodeskpd) for p in plans)
        targets = [output / name for name in names]
        assert all(t.parent == output and t.name == n for t, n in zip(targets, names,
                                                                     strict=True))
    print(export.describe(lang))
    named = name_plans(args.file, [p.plan for p in plans],
                       codes=[(p.kodepemda, p.kodeskpd) for p in plans])
    for item, target, loaded in zip(plans, targets, named, strict=True):
        plan = item.plan
        try:
            save(plan, target)
        except OSError as exc:
            return unwritable(str(target), exc, lang)
        org = plan.organisation
        print(render("import.plan_written", {
            "output": str(target),
            "name": f"{org.region or item.kodepemda} / {org.name or item.kodeskpd}",
            "kodepemda": item.kodepemda, "kodeskpd": item.kodeskpd,
            "programs": len(plan.programs),
            "kegiatan": len(plan.activities_at(Level.KEGIATAN)),
            "sub": len(plan.activities_at(Level.SUB_KEGIATAN)),
            "indicators": sum(1 for _ in plan.indicators()),
            "rows": len(item.rows),
        }, lang))
        _print_notes(loaded.name, plan, lang)
    ignored = export.describe_ignored(lang)
    if ignored is not None:
        print(ignored)
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

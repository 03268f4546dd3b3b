"""Excel workbooks: read the program and kegiatan sheet of a Renstra into a plan, and write a
plan's standard tables, one sheet each, formatted like the document.

:func:`read_workbook` reads a sheet in either layout users have:

* the standard Permendagri 86 layout of Table T-C.27 (tujuan, sasaran, code, name, indicator,
  baseline, then target and Rp per year under ``TAHUN 2022`` … headings, the end of period,
  the responsible unit and the location), with merged header cells;
* the flat layout of planning tools: ``KODE``, ``PROGRAM DAN KEGIATAN``, ``SATUAN``,
  ``INDIKATOR``, ``DATA CAPAIAN AWAL``, ``TARGET TAHUN 1``, ``DANA TAHUN 1`` …, ``LOKASI``
  (optionally ``SASARAN``, ``TUJUAN``, ``KETERANGAN``).

It is tolerant (codes in any form or split over one column per level, rows out of order,
sheets of sub kegiatan rows only, whose programs and kegiatan it derives from the codes,
numbers stored as text in either style, parent totals that disagree with their children, kept
as stated) and honest: every cell it cannot read is left out of the plan and recorded, with its
sheet, row, column and content, in the plan's reading notes (:attr:`Plan.reading
<renstra_model.Plan.reading>`), which a check reports; with ``strict=True`` such a
cell fails the import instead (:class:`WorkbookError`). Only a file that is not a workbook,
has no recognisable table, or from which no activity could be read, fails.

The workbook is opened through the library's one workbook opener
(:mod:`renstra_model.io.workbook`: openpyxl in read-only mode, with defusedxml refusing XML
bombs, and with bounds on the file's size, its unpacked parts, rows and columns); its cells
are read in :mod:`~renstra_model.io.excel.cells`, its header in
:mod:`~renstra_model.io.excel.layout`, its rows in :mod:`~renstra_model.io.excel.rows`.

:func:`~renstra_model.io.excel.writer.write_workbook` writes the tables; reading the T-C.27 sheet
back gives the same sub kegiatan figures. The layouts, the options and the bounds are in
``docs/excel.md``.
"""

from __future__ import annotations

import itertools
import os
import re
from collections.abc import Generator, Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any, Final

import attrs
from attrs import frozen

from ...errors import InvalidPlanError, Problem
from ...messages import Lang, extend, render, resolve_lang
from ...model.activities import Activity
from ...model.codes import Code, Level
from ...model.nomenclature import Nomenclature
from ...model.plan import Organisation, Period, Plan
from ...model.provenance import Reading, Source
from ...model.values import check_text
from ..parsing import Style, check_style
from ..workbook import Workbook, load_openpyxl, open_workbook, read_workbook_file
from .cells import (
    CellProblem,
    CellValue,
    _Beyond,
    _blank,
    _FarCells,
    _Problems,
    _sheet_cells,
    column_letter,
)
from .layout import Layout, _Columns, _find_columns, _meta, _Role
from .rows import _Row, _SheetReader

MAX_FILE_BYTES: Final = 16 * 1024 * 1024
"""The largest workbook :func:`read_workbook` reads (a Renstra's T-C.27 is well under 1 MiB)."""
MAX_ROWS: Final = 20_000
"""The most rows of a sheet that are read; a sheet with content below is refused."""
MAX_COLUMNS: Final = 100
"""The most columns that are read (T-C.27 of a ten-year plan has 30); content to the right
is refused."""
HEADER_SEARCH_ROWS: Final = 30
"""How many rows from the top of a sheet are searched for the header."""
EXCEL_HINT: Final = (
    "reading and writing .xlsx needs openpyxl and defusedxml: "
    "pip install 'renstra-model[excel,locale]'"
)

extend({
    "excel.no_sheet": {
        "en": "{file} has no sheet named {sheet!r} (sheets: {sheets})",
        "id": "{file} tidak memiliki lembar bernama {sheet!r} (lembar: {sheets})",
    },
    "excel.no_header": {
        "en": "no sheet of {file} has, in its first {rows} rows, the header of T-C.27 or of "
              "the flat layout: a code column (KODE, KODE REKENING) and a name column "
              "(PROGRAM, KEGIATAN DAN SUB KEGIATAN; PROGRAM DAN KEGIATAN)",
        "id": "tidak ada lembar {file} yang dalam {rows} baris pertamanya memuat kepala tabel "
              "T-C.27 atau tata letak datar: kolom kode (KODE, KODE REKENING) dan kolom nama "
              "(PROGRAM, KEGIATAN DAN SUB KEGIATAN; PROGRAM DAN KEGIATAN)",
    },
    "excel.no_years": {
        "en": "the header states no years (TAHUN 2022 …, PAGU INDIKATIF 2025, or TARGET "
              "TAHUN 1 with a baseline year; JUMLAH PAGU states none): give the first plan "
              "year (start_year, --start-year)",
        "id": "kepala tabel tidak menyebut tahun (TAHUN 2022 …, PAGU INDIKATIF 2025, atau "
              "TARGET TAHUN 1 dengan tahun awal; JUMLAH PAGU tidak menyebutnya): berikan tahun "
              "pertama rencana (start_year, --start-year)",
    },
    "excel.no_year_columns": {
        "en": "the header has no column of targets or money (TAHUN 2022 TARGET / Rp., TARGET "
              "TAHUN 1, DANA TAHUN 1, PAGU INDIKATIF 2025, JUMLAH PAGU)",
        "id": "kepala tabel tidak memiliki kolom target atau dana (TAHUN 2022 TARGET / Rp., "
              "TARGET TAHUN 1, DANA TAHUN 1, PAGU INDIKATIF 2025, JUMLAH PAGU)",
    },
    "excel.year_conflict": {
        "en": "the header's first plan year is {sheet}, but {given} was given as the first "
              "year",
        "id": "tahun pertama rencana pada kepala tabel adalah {sheet}, tetapi yang diberikan "
              "{given}",
    },
    "excel.years_mixed": {
        "en": "the header mixes calendar years (TAHUN 2022) with numbered years (TAHUN 1)",
        "id": "kepala tabel mencampur tahun kalender (TAHUN 2022) dengan tahun bernomor (TAHUN 1)",
    },
    "excel.missing": {
        "en": "the workbook does not state the {what}: give it ({option})",
        "id": "buku kerja tidak menyebut {what}: berikan ({option})",
    },
    "excel.no_rows": {
        "en": "no activity could be read: the table under the header has no row with a code "
              "that could be read",
        "id": "tidak ada kegiatan yang dapat dibaca: tabel di bawah kepala tabel tidak "
              "memiliki baris berkode yang dapat dibaca",
    },
    "excel.generic_note": {
        "en": "code written {written} in the sheet",
        "id": "kode ditulis {written} pada lembar",
    },
})


class WorkbookError(InvalidPlanError):
    """A workbook cannot be imported: the file is unreadable, its header is not understood,
    no activity could be read, or (with ``strict=True``) cells of its table cannot be read.

    ``cells`` holds the cell problems (sheet, row, column, reason); ``problems`` holds every
    problem, the cell problems with the path ``'sheet'!F12``.
    """

    def __init__(
        self,
        problems: Iterable[Problem],
        source: str | None = None,
        cells: Iterable[CellProblem] = (),
    ) -> None:
        self.cells: tuple[CellProblem, ...] = tuple(cells)
        super().__init__([*problems, *(c.to_problem() for c in self.cells)], source)

    def describe(self, lang: Lang | None = None) -> str:
        """All problems, one a line, in *lang* (default: the default language), cell problems
        with their column heading."""
        lang = resolve_lang(lang)
        cells: tuple[CellProblem, ...] = getattr(self, "cells", ())
        own = self.problems[: len(self.problems) - len(cells)]
        head = f"{self.source}: " if self.source else ""
        lines = [p.describe(lang) for p in own] + [c.describe(lang) for c in cells]
        if len(lines) == 1:
            return head + lines[0]
        count = len(lines)
        title = f"{count} masalah ditemukan" if lang == "id" else f"{count} problems found"
        return head + title + ":\n" + "\n".join(f"  {line}" for line in lines)


def _file_error(file: str, key: str, **params: Any) -> WorkbookError:
    return WorkbookError([Problem("", key, {"file": file, **params})], file)


def _refused(problems: Iterable[Problem], name: str) -> WorkbookError:
    """The error of the workbook opener's *problems*: a problem of a sheet's row (its params
    name the ``sheet`` and the ``row``) is a cell problem of that row."""
    own: list[Problem] = []
    cells: list[CellProblem] = []
    for p in problems:
        sheet, row = p.params.get("sheet"), p.params.get("row")
        if isinstance(sheet, str) and isinstance(row, int):
            params = {k: v for k, v in p.params.items() if k not in ("file", "sheet", "row")}
            cells.append(CellProblem(sheet, row, None, p.key, params))
        else:
            own.append(p)
    return WorkbookError(own, name, cells)


@frozen
class ImportResult:
    """What :func:`read_workbook` and :func:`read_rows` read: the plan, where it came from,
    and the cells that could not be read or were read with a remark (the plan keeps them as
    its reading notes, :attr:`~renstra_model.Plan.reading`)."""

    plan: Plan
    sheet: str
    """The sheet the table was read from."""
    layout: Layout
    """``"T-C.27"`` (year headings over target and Rp columns) or ``"flat"``."""
    problems: tuple[CellProblem, ...] = ()
    """The cells left out of the plan, each with the reason."""
    style: Style = "auto"
    """The number style text cells were read in."""

    @property
    def complete(self) -> bool:
        """True when every cell of the table was read."""
        return not self.problems


# -- rows to a plan -----------------------------------------------------------------------------


def _period(
    columns: _Columns, start_year: int | None, problems: _Problems
) -> Period | None:
    row = columns.header_row
    years = [g.year for g in columns.years if g.year is not None]
    if not years:
        # no column of targets or money: a first year given does not help
        problems.add(row, None, "excel.no_year_columns" if start_year is not None
                     else "excel.no_years")
        return None
    relative = {y.relative for y in years}
    if len(relative) > 1:
        problems.add(row, None, "excel.years_mixed")
        return None
    if relative == {True}:
        first = start_year
        if first is None and columns.baseline_year is not None:
            first = columns.baseline_year + 1
        if first is None:
            problems.add(row, None, "excel.no_years")
            return None
        numbers = [first + y.number - 1 for y in years]
    else:
        numbers = [y.number for y in years]
        if start_year is not None and start_year != min(numbers):
            problems.add(row, None, "excel.year_conflict", sheet=min(numbers), given=start_year)
            return None
    first_year, last_year = min(numbers), max(numbers)
    baseline = columns.baseline_year if columns.baseline_year is not None else first_year - 1
    try:
        return Period(baseline, first_year, last_year)
    except InvalidPlanError as exc:
        problems.from_error(row, None, exc)
        return None


def _specialise(rows: list[_Row]) -> list[_Row]:
    """Generic supporting-program codes (``X.XX.01…``) take the sheet's bidang urusan when
    every other code of the sheet has the same one."""
    bidang = {Code(r.code.segments[:2]) for r in rows if r.code.segments[0] != "X"}
    if len(bidang) != 1:
        return rows
    (only,) = bidang
    result = []
    for r in rows:
        if r.code.segments[0] == "X":
            code = Code((*only.segments, *r.code.segments[2:]))
            r = attrs.evolve(r, code=code, written=str(r.code))
        result.append(r)
    return result


def _source(sheet: str, row: _Row) -> Source:
    """Where an activity was read: the sheet and the row, with a note stating a generic code
    as the sheet wrote it and the row's KETERANGAN (the model has no other place for it)."""
    notes = []
    if row.written is not None:
        notes.append(render("excel.generic_note", {"written": row.written}, "en"))
    if _Role.NOTE in row.texts:
        notes.append(f"KETERANGAN: {row.texts[_Role.NOTE]}")
    return Source(sheet, str(row.number), "; ".join(notes)[:20_000] or None)


@frozen
class _Derived:
    """A program or kegiatan the sheet states no row of, implied by the codes of its rows."""

    code: Code
    rows: tuple[int, ...]
    """The rows of its descendants, first to last."""
    name: str | None
    named_from: str | None
    """Where the name comes from: the column's heading, or the nomenclature."""


def _derive(
    rows: Sequence[_Row], stated: Mapping[Code, _Row], sheet: str, problems: _Problems,
    columns: _Columns, nomenclature: Nomenclature | None,
) -> dict[Code, _Derived]:
    """The parents the rows' codes imply and the sheet does not state, each named from the
    sheet's name column of its level (as its first descendant row states it), else from the
    nomenclature, else unnamed. A later row naming the same parent otherwise is reported, its
    name cell not read."""
    found: dict[Code, list[int]] = {}
    names: dict[Code, tuple[str, int]] = {}
    for r in rows:
        parent = r.code.parent
        if parent is not None and parent not in stated and r.above is not None:
            # under a row of another parent, its own parent stated nowhere: a likely typo
            above_row, above_code = r.above
            column = columns.code[-1]
            problems.add(r.number, column, "excel.not_under", columns.headings.get(column),
                         content=str(r.code), reading=Reading.NOTED, code=str(r.code),
                         above=str(above_code), above_row=above_row, parent=str(parent))
        while parent is not None and parent.level in (Level.PROGRAM, Level.KEGIATAN):
            if parent not in stated:
                found.setdefault(parent, []).append(r.number)
                named = r.parent_names.get(parent.level)
                if named is not None:
                    column, said = named
                    first = names.get(parent)
                    if first is None:
                        names[parent] = (said, r.number)
                    elif " ".join(first[0].split()).casefold() != " ".join(said.split()).casefold():
                        problems.add(r.number, column, "excel.parent_name",
                                     columns.headings.get(column), content=said,
                                     code=str(parent), stated=said, first=first[1],
                                     name=first[0])
            parent = parent.parent
    derived: dict[Code, _Derived] = {}
    for code, numbers in found.items():
        name: str | None = None
        origin: str | None = None
        if code in names:
            name = names[code][0]
            column = columns.level_names[code.level]
            origin = columns.headings.get(column) or column_letter(column + 1)
        elif nomenclature is not None and (entry := nomenclature.get(code)) is not None:
            name, origin = entry.name, "nomenclature"
        derived[code] = _Derived(code, tuple(numbers), name, origin)
    return derived


def _derived_source(sheet: str, derived: _Derived) -> Source:
    rows = derived.rows
    span = str(rows[0]) if len(rows) == 1 else f"{rows[0]}-{rows[-1]}"
    note = f"derived from the codes of rows {span}"
    if derived.named_from is not None:
        note += f"; name from {derived.named_from}"
    return Source(sheet, str(derived.code), note)


def _activities(
    rows: list[_Row], sheet: str, problems: _Problems, columns: _Columns,
    nomenclature: Nomenclature | None,
) -> list[Activity]:
    """The activity tree of the rows: each row under its parent, a parent the sheet states no
    row of derived from the codes (:class:`_Derived`)."""
    code_column = columns.code[0]
    first: dict[Code, _Row] = {}
    for r in rows:
        if r.code in first:
            problems.add(r.number, code_column, "excel.duplicate",
                         columns.headings.get(code_column), content=str(r.code),
                         code=str(r.code), first=first[r.code].number)
        else:
            first[r.code] = r
    derived = _derive(list(first.values()), first, sheet, problems, columns, nomenclature)
    children: dict[Code, list[Code]] = {}
    for code in sorted([*first, *derived]):
        parent = code.parent
        if code.level is not Level.PROGRAM and parent is not None:
            children.setdefault(parent, []).append(code)

    def build(code: Code) -> Activity:
        kids = [build(child) for child in children.get(code, [])]
        if code in derived:
            made = derived[code]
            return Activity(code=code, level=code.level, name=made.name, children=kids,
                            source=_derived_source(sheet, made), derived=True)
        r = first[code]
        return Activity(
            code=r.code, level=r.code.level, name=r.name,
            indicators=r.indicators, budget=r.budget,
            unit=r.texts.get(_Role.UNIT), location=r.texts.get(_Role.LOCATION),
            goal=r.texts.get(_Role.GOAL), target=r.texts.get(_Role.TARGET),
            children=kids, source=_source(sheet, r),
        )

    tops = sorted(c for c in [*first, *derived] if c.level is Level.PROGRAM or c.parent is None)
    return [build(code) for code in tops]


def read_rows(
    rows: Iterable[Sequence[Any]],
    *,
    sheet: str = "Sheet1",
    start_year: int | None = None,
    title: str | None = None,
    organisation: str | None = None,
    region: str | None = None,
    style: Style | None = None,
    nomenclature: Nomenclature | None = None,
    strict: bool = False,
    source: str | None = None,
) -> ImportResult:
    """Read a T-C.27 or flat table given as rows of cell values (from any source: a sheet,
    a CSV file, a DataFrame), the first row being the sheet's row 1.

    Each cell is a :data:`~renstra_model.io.excel.cells.CellValue`: text, a number (int, float,
    Decimal), None for an empty cell, or a marker (:class:`~renstra_model.io.excel.cells.Formula`,
    :class:`~renstra_model.io.excel.cells.ErrorValue`,
    :class:`~renstra_model.io.excel.cells.PercentNumber`); any other value is a cell problem. The
    options are those of :func:`read_workbook`; *source* names the input in errors. At most
    :data:`MAX_ROWS` rows and :data:`MAX_COLUMNS` columns are read.
    """
    numbered = _bounded(rows, sheet, source)
    head = list(itertools.islice(numbered, HEADER_SEARCH_ROWS))
    columns = _find_columns(head)
    if columns is None:
        raise _file_error(source or sheet, "excel.no_header", rows=HEADER_SEARCH_ROWS)
    return _read_sheet(
        sheet, columns, head, numbered,
        start_year=start_year, title=title, organisation=organisation, region=region,
        style=style, nomenclature=nomenclature, strict=strict, source=source,
    )


def _bounded(
    rows: Iterable[Sequence[CellValue]], sheet: str, source: str | None
) -> Generator[tuple[int, Sequence[CellValue]], None, None]:
    """The rows numbered from 1, cut to :data:`MAX_COLUMNS` cells (a last marker cell says
    where content lies beyond); content below :data:`MAX_ROWS` fails the import."""
    for number, cells in enumerate(rows, start=1):
        if number > MAX_ROWS:
            if any(not _blank(c) for c in cells):
                raise WorkbookError([], source, [CellProblem(
                    sheet, number, None, "excel.too_many_rows", {"limit": MAX_ROWS})])
            continue
        kept: list[Any] = list(itertools.islice(cells, MAX_COLUMNS + 1))
        beyond = next((i for i, c in enumerate(kept[MAX_COLUMNS:], start=MAX_COLUMNS)
                       if not _blank(c)), None)
        if beyond is None and isinstance(cells, _FarCells):
            beyond = cells.far
        del kept[MAX_COLUMNS:]
        if beyond is not None:
            kept.append(_Beyond(beyond))
        yield number, kept


def _read_sheet(
    sheet: str,
    columns: _Columns,
    head: list[tuple[int, Sequence[CellValue]]],
    rest: Iterator[tuple[int, Sequence[CellValue]]],
    *,
    start_year: int | None,
    title: str | None,
    organisation: str | None,
    region: str | None,
    style: Style | None,
    nomenclature: Nomenclature | None,
    strict: bool,
    source: str | None,
) -> ImportResult:
    fatal: list[Problem] = []
    problems = _Problems(sheet)
    if start_year is not None:
        try:
            from ...model.series import check_year

            check_year(start_year)
        except InvalidPlanError as exc:
            raise WorkbookError([p.under("start_year") for p in exc.problems], source) from None
    meta = _meta(r for r in head if r[0] < columns.header_row)
    chosen_style = check_style(style) if style is not None else meta.style()
    period = _period(columns, start_year, problems)
    identity = meta.identity()
    stated = {
        "title": title if title is not None else meta.labels.get("title", meta.title),
        "organisation": organisation if organisation is not None
        else meta.labels.get("organisation", identity.organisation),
        "region": region if region is not None else meta.labels.get("region", identity.region),
        "province": meta.labels.get("province", identity.province),
    }
    values: dict[str, str | None] = {}
    for key, value in stated.items():
        try:
            values[key] = check_text(value.strip()) if value and value.strip() else None
        except InvalidPlanError as exc:
            fatal.extend(p.under(key) for p in exc.problems)
            values[key] = None
    if period is None or fatal:
        raise WorkbookError(fatal, source, problems.result())
    reader = _SheetReader(columns, period, chosen_style, problems, MAX_COLUMNS)
    reader.read(itertools.chain(head, rest))
    rows = _specialise(reader.rows)
    programs = _activities(rows, sheet, problems, columns, nomenclature)
    cell_problems = problems.result()
    if not programs:
        raise WorkbookError([Problem("", "excel.no_rows", {})], source, cell_problems)
    unread = [p for p in cell_problems if p.reading is Reading.UNREAD]
    if unread and strict:
        raise WorkbookError([], source, unread)
    bidang = sorted(reader.bidang | {
        Code(a.code.segments[:2]) for a in programs if a.code.segments[0] != "X"
    })
    try:
        plan = Plan(
            title=values["title"],
            organisation=Organisation(
                values["organisation"], values["region"], province=values["province"],
                bidang_urusan=bidang,
            ),
            period=period,
            programs=programs,
            total_budget=reader.total,
            reading=[p.to_note() for p in cell_problems],
        )
    except InvalidPlanError as exc:
        raise WorkbookError(exc.problems, source, cell_problems) from None
    return ImportResult(plan, sheet, columns.layout, cell_problems, chosen_style)


# -- workbooks ----------------------------------------------------------------------------------


def _sheet_order(names: Sequence[str]) -> list[str]:
    preferred = [n for n in names if re.search(r"T\W*C\W*27|TC\W*27", n.upper())]
    return preferred + [n for n in names if n not in preferred]


def _openpyxl() -> Any:
    """openpyxl, parsing with defusedxml; :class:`~renstra_model.errors.MissingExtraError`
    without it."""
    return load_openpyxl(EXCEL_HINT)


def read_workbook(
    path: str | os.PathLike[str],
    *,
    start_year: int | None = None,
    title: str | None = None,
    organisation: str | None = None,
    region: str | None = None,
    sheet: str | None = None,
    style: Style | None = None,
    nomenclature: Nomenclature | None = None,
    strict: bool = False,
    max_bytes: int = MAX_FILE_BYTES,
) -> ImportResult:
    """Read the T-C.27, flat or leaf-only program and kegiatan sheet of the workbook at *path*.

    * *start_year*: the first plan year (``TAHUN 1``; 2022 for the TTU plan 2021–2026),
      needed when the header numbers the years instead of naming them (or states one
      money column without a year: a one-year sheet), and checked against the header when
      it names them.
    * *title*, *organisation*, *region*: the plan's title and its Perangkat Daerah and
      region; each overrides what the rows above the header state (``Perangkat Daerah:
      Dinas Sosial``…, or a title line ``Renstra Dinas Kesehatan Kabupaten Nusa Indah``).
      What neither states is recorded as not stated (None), which a check reports.
    * *sheet*: the sheet to read; by default the first whose name looks like ``T-C.27``
      and has the header, else the first sheet that has it.
    * *style*: the number style of text cells (``"id"``, ``"en"`` or ``"auto"``); by
      default the one the sheet states (``Format angka: 1.234.567,89``), else ``"auto"``.
    * *nomenclature*: names the programs and kegiatan the sheet states no row of (derived
      from its rows' codes) where the sheet has no name column for them.
    * *strict*: fail when a cell cannot be read, instead of recording it in the plan's
      reading notes.

    Fails with a :class:`WorkbookError` naming the file (and, for a cell, the sheet, row and
    column) and the reason.
    """
    name = str(Path(path))
    if style is not None:
        check_style(style)
    data = read_workbook_file(path, max_bytes, _refused)
    options = {"start_year": start_year, "title": title, "organisation": organisation,
               "region": region, "style": style, "nomenclature": nomenclature,
               "strict": strict, "source": name}
    with open_workbook(data, name, error=_refused, hint=EXCEL_HINT, max_rows=MAX_ROWS,
                       max_columns=MAX_COLUMNS, formulas=True) as book:
        return _read_book(book, sheet, options)


def _read_book(book: Workbook, sheet: str | None, options: dict[str, Any]) -> ImportResult:
    names = book.sheets
    if sheet is not None:
        if sheet not in names:
            raise _file_error(book.name, "excel.no_sheet", sheet=sheet, sheets=", ".join(names))
        candidates = [sheet]
    else:
        candidates = _sheet_order(names)
    for title in candidates:
        rows = _bounded((_sheet_cells(r) for r in book.rows(title)), title, book.name)
        try:
            head = list(itertools.islice(rows, HEADER_SEARCH_ROWS))
            columns = _find_columns(head)
            if columns is None:
                continue
            return _read_sheet(title, columns, head, rows, **options)
        finally:
            rows.close()
    raise _file_error(book.name, "excel.no_header", rows=HEADER_SEARCH_ROWS)

"""Excel workbooks: read the program and kegiatan sheet of a Renstra into a plan, and write a
plan's standard tables, one sheet each, formatted like the document.

:func:`read_workbook` reads a sheet in either layout users have:

* the standard Permendagri 86 layout of Table T-C.27 (tujuan, sasaran, code, name, indicator,
  baseline, then target and Rp per year under ``TAHUN 2022`` … headings, the end of period,
  the responsible unit and the location), with merged header cells;
* the flat layout of planning tools: ``KODE``, ``PROGRAM DAN KEGIATAN``, ``SATUAN``,
  ``INDIKATOR``, ``DATA CAPAIAN AWAL``, ``TARGET TAHUN 1``, ``DANA TAHUN 1`` …, ``LOKASI``
  (optionally ``SASARAN``, ``TUJUAN``, ``KETERANGAN``).

It is tolerant (codes in any form, rows out of order, numbers stored as text in either style,
parent totals that disagree with their children, kept as stated) and honest: every cell it
cannot read is reported with its sheet, row and column, and by default the import then fails
(:class:`WorkbookError`); with ``partial=True`` it returns the plan without those cells and
the list of problems. The workbook is read with openpyxl in read-only mode, with defusedxml
refusing XML bombs, and with bounds on the file's size, rows and columns.

:func:`write_workbook` writes the tables; reading the T-C.27 sheet back gives the same sub
kegiatan figures. The layouts, the options and the bounds are in ``docs/excel.md``.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import importlib
import itertools
import math
import os
import re
import warnings
import zipfile
from collections.abc import Generator, Iterable, Iterator, Mapping, Sequence
from decimal import Decimal
from pathlib import Path
from types import MappingProxyType
from typing import Any, Final, Literal

from attrs import field, frozen

from ...errors import InvalidPlanError, MissingExtraError, Problem, RenstraError
from ...messages import DEFAULT_LANG, Lang, extend, render
from ...model.activities import Activity
from ...model.budget import BudgetLine
from ...model.codes import Code, Level
from ...model.indicators import Indicator
from ...model.plan import Organisation, Period, Plan
from ...model.provenance import Source
from ...model.values import MoneyCell, Quantity, check_money, check_number, check_text
from ..parsing import Style, check_style, parse_money, parse_quantity

MAX_FILE_BYTES: Final = 16 * 1024 * 1024
"""The largest workbook :func:`read_workbook` reads (a Renstra's T-C.27 is well under 1 MiB)."""
MAX_UNCOMPRESSED_BYTES: Final = 128 * 1024 * 1024
"""The largest total size of the parts of a workbook once unpacked (against zip bombs)."""
MAX_PARTS: Final = 2_000
"""The most parts (files inside the zip) a workbook may have."""
MAX_ROWS: Final = 20_000
"""The most rows of a sheet that are read; a sheet with content below is refused."""
MAX_COLUMNS: Final = 100
"""The most columns that are read (T-C.27 of a ten-year plan has 30); content to the right
is refused."""
MAX_PROBLEMS: Final = 200
"""Cell problems reported at most; the rest are counted in a last problem."""
HEADER_SEARCH_ROWS: Final = 30
"""How many rows from the top of a sheet are searched for the header."""
EXCEL_HINT: Final = (
    "reading and writing .xlsx needs openpyxl and defusedxml: "
    "pip install 'renstra-model[excel,locale]'"
)

Layout = Literal["T-C.27", "flat"]

extend({
    "excel.not_workbook": {
        "en": "{file} is not an .xlsx workbook ({why})",
        "id": "{file} bukan buku kerja .xlsx ({why})",
    },
    "excel.old_format": {
        "en": "{file} is in the old .xls format, which is not read: save it as .xlsx",
        "id": "{file} berformat .xls lama yang tidak dibaca: simpan sebagai .xlsx",
    },
    "excel.unpacked_size": {
        "en": "{file} unpacks to {size} bytes in {parts} parts, more than the limit of "
              "{limit} bytes and {parts_limit} parts",
        "id": "{file} terurai menjadi {size} bita dalam {parts} bagian, melebihi batas "
              "{limit} bita dan {parts_limit} bagian",
    },
    "excel.refused_xml": {
        "en": "{file} holds XML that is refused ({why}): entity declarations can expand into "
              "gigabytes (an XML bomb)",
        "id": "{file} memuat XML yang ditolak ({why}): deklarasi entitas dapat membengkak "
              "menjadi gigabita (bom XML)",
    },
    "excel.unreadable": {
        "en": "cannot read the workbook {file}: {why}",
        "id": "tidak dapat membaca buku kerja {file}: {why}",
    },
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
        "en": "the header states no years (TAHUN 2022 …, or TARGET TAHUN 1 with a baseline "
              "year): give the first plan year (start_year, --start-year)",
        "id": "kepala tabel tidak menyebut tahun (TAHUN 2022 …, atau TARGET TAHUN 1 dengan "
              "tahun awal): berikan tahun pertama rencana (start_year, --start-year)",
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
        "en": "the table under the header has no rows with a code",
        "id": "tabel di bawah kepala tabel tidak memiliki baris berkode",
    },
    "excel.too_many_rows": {
        "en": "the sheet has more than {limit} rows; it is not read",
        "id": "lembar memiliki lebih dari {limit} baris; tidak dibaca",
    },
    "excel.too_wide": {
        "en": "the cell lies beyond the {limit} columns that are read",
        "id": "sel berada di luar {limit} kolom yang dibaca",
    },
    "excel.formula": {
        "en": "the formula {formula} has no computed value saved in the file: open and save "
              "the workbook in a spreadsheet program, or type the value",
        "id": "rumus {formula} tidak memiliki nilai hasil yang tersimpan dalam berkas: buka "
              "dan simpan buku kerja dengan program lembar kerja, atau ketik nilainya",
    },
    "excel.error_value": {
        "en": "the cell holds the spreadsheet error {value}",
        "id": "sel berisi galat lembar kerja {value}",
    },
    "excel.cell_type": {
        "en": "expected {expected}, not {type}",
        "id": "seharusnya {expected}, bukan {type}",
    },
    "excel.code_number": {
        "en": "the code is stored as the number {value}, which loses zeros (1.10 reads as "
              "1.1): store the code column as text",
        "id": "kode disimpan sebagai angka {value}, sehingga angka nol hilang (1.10 terbaca "
              "1.1): simpan kolom kode sebagai teks",
    },
    "excel.no_code": {
        "en": "the row has content but no code, and follows no activity row it could belong to",
        "id": "baris berisi tetapi tidak berkode, dan tidak mengikuti baris kegiatan mana pun",
    },
    "excel.orphan_cell": {
        "en": "a row without a code adds an indicator to the row above; this cell belongs to "
              "no indicator and is not read",
        "id": "baris tanpa kode menambah indikator pada baris di atasnya; sel ini bukan bagian "
              "indikator dan tidak dibaca",
    },
    "excel.above_program": {
        "en": "a {level} row states only its code; this cell is not read",
        "id": "baris {level} hanya menyatakan kodenya; sel ini tidak dibaca",
    },
    "excel.no_parent": {
        "en": "no row states {parent}, the parent of {code}: the row is not read",
        "id": "tidak ada baris yang menyatakan {parent}, induk dari {code}: baris tidak dibaca",
    },
    "excel.parent_dropped": {
        "en": "the row of {parent}, the parent of {code}, could not be read: the row is not read",
        "id": "baris {parent}, induk dari {code}, tidak dapat dibaca: baris tidak dibaca",
    },
    "excel.duplicate": {
        "en": "code {code} was already stated at row {first}: the row is not read",
        "id": "kode {code} sudah dinyatakan pada baris {first}: baris tidak dibaca",
    },
    "excel.after_total": {
        "en": "a row with a code below the total row (row {first}), which ends the table, is "
              "not read",
        "id": "baris berkode di bawah baris total (baris {first}), yang mengakhiri tabel, "
              "tidak dibaca",
    },
    "excel.more_problems": {
        "en": "{count} more problems are not listed",
        "id": "{count} masalah lainnya tidak dicantumkan",
    },
    "excel.illegal_text": {
        "en": "the text holds control characters, which a workbook cannot store",
        "id": "teks memuat karakter kendali, yang tidak dapat disimpan dalam buku kerja",
    },
    "excel.generic_note": {
        "en": "code written {written} in the sheet",
        "id": "kode ditulis {written} pada lembar",
    },
    "excel.unknown_column": {
        "en": "the column {title!r} is not part of the layout; its cells are not read",
        "id": "kolom {title!r} bukan bagian tata letak; selnya tidak dibaca",
    },
})


# -- cell values --------------------------------------------------------------------------------


@frozen
class Formula:
    """A formula cell whose computed value the file does not hold."""

    text: str


@frozen
class ErrorValue:
    """A cell holding a spreadsheet error such as ``#DIV/0!``."""

    code: str


@frozen
class PercentNumber:
    """A number cell displayed as a percentage; *value* is in percent (0.7218 shown as
    72.18 % is ``PercentNumber(Decimal("72.18"))``)."""

    value: Decimal


@frozen
class _Beyond:
    """Marks a row with content in a column past :data:`MAX_COLUMNS` (0-based *column*)."""

    column: int


CellValue = (
    str | int | float | Decimal | bool | dt.date | dt.time | dt.timedelta
    | Formula | ErrorValue | PercentNumber | None
)
"""What :func:`read_rows` accepts in a cell: what openpyxl reads, plus the markers above."""


# -- problems and results -----------------------------------------------------------------------


def _freeze(params: Mapping[str, Any]) -> Mapping[str, Any]:
    return MappingProxyType(dict(params))


def column_letter(column: int) -> str:
    """The spreadsheet letters of the 1-based *column*: 1 is ``A``, 28 is ``AB``."""
    letters = ""
    while column > 0:
        column, rest = divmod(column - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters


@frozen
class CellProblem:
    """A cell (or a row, when *column* is None) that could not be read, and why.

    >>> p = CellProblem("T-C.27", 12, "F", "parse.empty")
    >>> p.path
    "'T-C.27'!F12"
    >>> p.describe()
    "the text is empty (an empty cell is absent, not a value) @ 'T-C.27'!F12"
    """

    sheet: str
    row: int
    """The row, counted from 1 as the spreadsheet numbers it."""
    column: str | None
    """The column's letters (``F``), or None for the whole row."""
    key: str
    params: Mapping[str, Any] = field(factory=dict, converter=_freeze, eq=False)
    heading: str | None = field(default=None, eq=False)
    """The column's heading, where the header names it."""

    @property
    def path(self) -> str:
        """Where the cell is: ``'T-C.27'!F12``, or ``'T-C.27'!12`` for a row."""
        sheet = self.sheet.replace("'", "''")
        return f"'{sheet}'!{self.column or ''}{self.row}"

    def message(self, lang: Lang = DEFAULT_LANG) -> str:
        """The reason, in *lang*."""
        return render(self.key, self.params, lang)

    def describe(self, lang: Lang = DEFAULT_LANG) -> str:
        """``reason @ 'sheet'!F12``, as the command line prints it."""
        where = f" ({self.heading})" if self.heading else ""
        return f"{self.message(lang)} @ {self.path}{where}"

    def to_problem(self) -> Problem:
        """The same problem as a :class:`~renstra_model.errors.Problem`, whose params also
        hold the sheet, row and column."""
        params = {**self.params, "sheet": self.sheet, "row": self.row, "column": self.column}
        return Problem(self.path, self.key, params)

    def __str__(self) -> str:
        return self.describe()


class WorkbookError(InvalidPlanError):
    """A workbook cannot be imported: the file is unreadable, its header is not understood,
    or (without ``partial=True``) cells of its table cannot be read.

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

    def describe(self, lang: Lang = DEFAULT_LANG) -> str:
        """All problems, one a line, in *lang*, cell problems with their column heading."""
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


@frozen
class ImportResult:
    """What :func:`read_workbook` and :func:`read_rows` read: the plan, where it came from,
    and the cells that could not be read (only with ``partial=True``; otherwise such cells
    raise :class:`WorkbookError`)."""

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


# -- headings -----------------------------------------------------------------------------------

_MAX_HEADING: Final = 300
_TAGS: Final = re.compile(r"</?\s*i\s*>", re.IGNORECASE)


def _heading(value: CellValue) -> str:
    """A header cell as compared: upper case, whitespace collapsed; "" if not text."""
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    if not isinstance(value, str) or len(value) > _MAX_HEADING:
        return ""
    return " ".join(_TAGS.sub("", value).split()).upper()


_CODE: Final = re.compile(r"(NO\.? )?KODE( (REKENING|REKONING|REK\.?|PROGRAM|NOMENKLATUR))?\.?")
_LEVEL_WORDS: Final = frozenset({"URUSAN", "BIDANG", "PROGRAM", "KEGIATAN", "SUB", "SUBKEGIATAN"})
_NAME: Final = re.compile(
    r"(NAMA )?PROGRAM[ ,/]+(DAN )?KEGIATAN.*|URAIAN.*|NOMENKLATUR.*|NAMA PROGRAM.*"
)
_ROLES: Final = (
    ("indicator", re.compile(r"INDIKATOR.*")),
    ("baseline", re.compile(r"(DATA )?CAPAIAN (PADA )?(TAHUN )?AWAL.*|DATA CAPAIAN.*"
                            r"|KONDISI (KINERJA )?(PADA )?AWAL.*|BASELINE.*")),
    ("satuan", re.compile(r"SATUAN.*")),
    ("unit", re.compile(r"UNIT KERJA.*|.*PENANGGUNG ?JAWAB.*")),
    ("location", re.compile(r"LOKASI.*")),
    ("goal", re.compile(r"TUJUAN")),
    ("target", re.compile(r"SASARAN( STRATEGIS)?")),
    ("note", re.compile(r"KETERANGAN|KET\.?|CATATAN")),
    ("number", re.compile(r"NO\.?|NOMOR|NO URUT")),
)
_UMBRELLA: Final = re.compile(r"TARGET KINERJA.*|.*KERANGKA PENDANAAN.*|TARGET DAN .*")
_YEAR_PART: Final = r"(?:TAHUN[\s-]*(?:KE[\s-]*)?)?\(?([0-9]{1,4})\)?"
_YEAR_GROUP: Final = re.compile(_YEAR_PART)
_END_GROUP: Final = re.compile(r".*AKHIR PERIODE.*|KONDISI (KINERJA )?(PADA )?AKHIR.*")
_TARGET_WORD: Final = r"(?:TARGET|TARGET KINERJA|KINERJA|VOLUME)"
_MONEY_WORD: Final = (
    r"(?:RP\.?|\(RP\.?\)|RP\. \(RUPIAH\)|PAGU(?: INDIKATIF)?|DANA|ANGGARAN|PENDANAAN)"
)
_SUB_TARGET: Final = re.compile(_TARGET_WORD)
_SUB_MONEY: Final = re.compile(_MONEY_WORD)
_FLAT_TARGET: Final = re.compile(rf"{_TARGET_WORD} {_YEAR_PART}")
_FLAT_MONEY: Final = re.compile(rf"{_MONEY_WORD} {_YEAR_PART}")
_FLAT_END: Final = re.compile(rf"({_TARGET_WORD}|{_MONEY_WORD}) (KONDISI )?(KINERJA )?AKHIR.*")
_BASELINE_YEAR: Final = re.compile(r"(?<![0-9])([0-9]{4})(?![0-9])")
_TOTAL: Final = re.compile(r"(TOTAL|JUMLAH)\b.*")
_LABELS: Final = (
    ("title", re.compile(r"RENSTRA|JUDUL|RENCANA STRATEGIS|NAMA RENSTRA|NAMA DOKUMEN")),
    ("organisation", re.compile(r"(NAMA )?PERANGKAT DAERAH|SKPD|OPD|UNIT ORGANISASI|ORGANISASI")),
    ("region", re.compile(r"PEMERINTAH( DAERAH)?|DAERAH|PEMDA|KABUPATEN ?/ ?KOTA|KABUPATEN"
                          r"|KOTA|WILAYAH")),
    ("province", re.compile(r"PROVINSI")),
    ("style", re.compile(r"FORMAT ANGKA|GAYA ANGKA")),
)
_STYLE_VALUES: Final[Mapping[str, Style]] = MappingProxyType({
    "ID": "id", "1.234.567,89": "id", "1.234,5": "id", "INDONESIA": "id",
    "EN": "en", "1,234,567.89": "en", "1,234.5": "en", "INGGRIS": "en", "ENGLISH": "en",
    "AUTO": "auto",
})


@frozen
class _Year:
    number: int
    """A calendar year, or the number of the plan year (1 for TAHUN 1) when *relative*."""
    relative: bool


@frozen
class _Group:
    """The columns of one year, or of the end of period (*year* None)."""

    year: _Year | None
    target: int | None
    money: int | None


@frozen
class _Columns:
    """What the header says about the columns (0-based indexes)."""

    header_row: int
    last_header_row: int
    code: tuple[int, ...]
    name: int
    roles: Mapping[str, int]
    years: tuple[_Group, ...]
    end: _Group | None
    baseline_year: int | None
    headings: Mapping[int, str]
    layout: Layout

    def known(self) -> frozenset[int]:
        columns = {*self.code, self.name, *self.roles.values()}
        for group in (*self.years, *([self.end] if self.end else [])):
            columns.update(c for c in (group.target, group.money) if c is not None)
        return frozenset(columns)


def _year(text: str) -> _Year | None:
    number = int(text)
    if 1 <= number <= 20:
        return _Year(number, True)
    if 1945 <= number <= 2200:
        return _Year(number, False)
    return None


def _is_name_heading(heading: str) -> bool:
    return bool(_NAME.fullmatch(heading)) and "INDIKATOR" not in heading


def _is_code_heading(heading: str) -> bool:
    """KODE, KODE REKENING…, or the level names printed over the parts of a code (URUSAN,
    BIDANG URUSAN, PROGRAM, KEGIATAN, SUB KEGIATAN), but not a name heading."""
    words = heading.replace("/", " ").replace(",", " ").split()
    return bool(_CODE.fullmatch(heading)) or (
        bool(words) and all(w in _LEVEL_WORDS or w == "DAN" for w in words)
        and not _is_name_heading(heading)
    )


def _top_header(cells: Sequence[CellValue]) -> tuple[int, int] | None:
    """The code and name columns, when *cells* is the top row of a header."""
    headings = [_heading(c) for c in cells]
    code = next((i for i, h in enumerate(headings) if _CODE.fullmatch(h)), None)
    if code is None:
        code = next((i for i, h in enumerate(headings) if h and _is_code_heading(h)), None)
    name = next((i for i, h in enumerate(headings) if _is_name_heading(h)), None)
    if code is None or name is None or code == name:
        return None
    return code, name


def _is_column_numbers(cells: Sequence[CellValue]) -> bool:
    """The row of column numbers ``1 2 3 …`` (or ``(1) (2) …``) printed under the header:
    1, 2, 3… in consecutive columns from the first one filled, at least three."""
    filled = [i for i, c in enumerate(cells) if not _blank(c)]
    if len(filled) < 3 or filled != list(range(filled[0], filled[0] + len(filled))):
        return False
    values = [_heading(cells[i]).strip("()") for i in filled]
    return all(v == str(k) for k, v in enumerate(values, start=1))


def _classify(heading: str) -> tuple[str, Any]:
    """What one header cell is: a role, a year or end-of-period group, a sub-heading…"""
    if not heading:
        return ("empty", None)
    if _UMBRELLA.fullmatch(heading):
        return ("umbrella", None)
    if _END_GROUP.fullmatch(heading):
        return ("end", None)
    match = _FLAT_TARGET.fullmatch(heading)
    if match:
        return ("flat_target", _year(match.group(1)) or heading)
    match = _FLAT_MONEY.fullmatch(heading)
    if match:
        return ("flat_money", _year(match.group(1)) or heading)
    match = _FLAT_END.fullmatch(heading)
    if match:
        return ("flat_end_target" if _SUB_TARGET.fullmatch(match.group(1)) else "flat_end_money",
                None)
    if _SUB_TARGET.fullmatch(heading):
        return ("sub_target", None)
    if _SUB_MONEY.fullmatch(heading):
        return ("sub_money", None)
    match = _YEAR_GROUP.fullmatch(heading)
    if match and (heading.startswith("TAHUN") or len(match.group(1)) == 4):
        return ("year", _year(match.group(1)) or heading)
    if _is_name_heading(heading):
        return ("name", None)
    if _CODE.fullmatch(heading) or _is_code_heading(heading):
        return ("code", None)
    for role, pattern in _ROLES:
        if pattern.fullmatch(heading):
            return ("role", role)
    return ("unknown", None)


_HEADER_KINDS: Final = frozenset({
    "empty", "umbrella", "end", "flat_target", "flat_money", "flat_end_target",
    "flat_end_money", "sub_target", "sub_money", "year", "name", "code", "role",
})


def _is_header_row(cells: Sequence[CellValue]) -> bool:
    """A row below the top header row that is still part of the header."""
    kinds = [_classify(_heading(c))[0] for c in cells]
    if not any(k != "empty" for k in kinds):
        return False
    return all(
        kind in _HEADER_KINDS or cell is None or (isinstance(cell, str) and not cell.strip())
        for kind, cell in zip(kinds, cells, strict=True)
    )


class _Problems:
    """Collects cell problems, up to :data:`MAX_PROBLEMS`."""

    def __init__(self, sheet: str) -> None:
        self.sheet = sheet
        self.items: list[CellProblem] = []
        self.extra = 0

    def add(self, row: int, column: int | None, key: str, heading: str | None = None,
            **params: Any) -> None:
        if len(self.items) >= MAX_PROBLEMS:
            self.extra += 1
            return
        letter = column_letter(column + 1) if column is not None else None
        self.items.append(CellProblem(self.sheet, row, letter, key, params, heading))

    def from_error(self, row: int, column: int | None, exc: InvalidPlanError,
                   heading: str | None = None) -> None:
        for p in exc.problems:
            self.add(row, column, p.key, heading, **p.params)

    def result(self) -> tuple[CellProblem, ...]:
        items = list(self.items)
        if self.extra:
            last = items[-1]
            items.append(CellProblem(self.sheet, last.row, None, "excel.more_problems",
                                     {"count": self.extra}))
        return tuple(items)


def _find_columns(rows: Sequence[tuple[int, Sequence[CellValue]]]) -> _Columns | None:
    """The columns, from the header found in *rows* (the first rows of a sheet)."""
    for index, (number, cells) in enumerate(rows):
        top = _top_header(cells)
        if top is None:
            continue
        block = [(number, cells)]
        for later_number, later in rows[index + 1: index + 5]:
            if _is_column_numbers(later) or not _is_header_row(later):
                break
            block.append((later_number, later))
        return _columns_of(block, top)
    return None


def _columns_of(
    block: Sequence[tuple[int, Sequence[CellValue]]], top: tuple[int, int]
) -> _Columns:
    """The columns from the header *block* (its rows, the top one first). A heading that is
    not understood, or a second column for the same thing, leaves its column out of the
    layout: the rows report its cells, if any, as not read."""
    code_column, name_column = top
    _, top_cells = block[0]
    width = max(len(cells) for _, cells in block)
    headings: dict[int, str] = {}
    roles: dict[str, int] = {}
    groups: list[tuple[int, int, _Year | None, str]] = []  # (row index, column, year, heading)
    subs: list[tuple[int, int, str]] = []  # (row index, column, kind)
    flat: dict[tuple[_Year | None, str], int] = {}
    baseline_year: int | None = None
    code_columns: set[int] = set()
    for depth, (_, cells) in enumerate(block):
        for column, cell in enumerate(cells):
            heading = _heading(cell)
            kind, value = _classify(heading)
            if kind == "empty":
                continue
            headings[column] = " / ".join(filter(None, (headings.get(column), heading)))
            if kind == "code":
                code_columns.add(column)
            elif kind == "role" and value not in roles:
                roles[value] = column
                if value == "baseline":
                    found = _BASELINE_YEAR.search(heading)
                    baseline_year = int(found.group(1)) if found else None
            elif kind == "end" or (kind == "year" and isinstance(value, _Year)):
                groups.append((depth, column, value, heading))
            elif kind in ("sub_target", "sub_money"):
                subs.append((depth, column, kind))
            elif kind in ("flat_target", "flat_money", "flat_end_target", "flat_end_money"):
                if kind.startswith("flat_end"):
                    key: tuple[_Year | None, str] = (None, kind[len("flat_end_"):])
                elif isinstance(value, _Year):
                    key = (value, kind[len("flat_"):])
                else:
                    continue
                flat.setdefault(key, column)
    # A KODE heading merged over several columns leaves the columns after it (up to the
    # name column) without a heading in the top row: their cells are parts of the code.
    code = [code_column]
    for column in range(code_column + 1, width):
        stated = _heading(_at(top_cells, column))
        if column == name_column or (stated and column not in code_columns):
            break
        code.append(column)
    years: dict[_Year | None, dict[str, int]] = {}
    for depth, column, kind in subs:
        owners = [(c, -d, y, h) for d, c, y, h in groups if d < depth and c <= column]
        if owners:
            # the nearest group heading at or left of the column, the lowest row first
            _, _, year, group_heading = max(owners, key=lambda owner: (owner[0], -owner[1]))
            role = "target" if kind == "sub_target" else "money"
            slot = years.setdefault(year, {})
            if role not in slot:
                slot[role] = column
                headings[column] = f"{group_heading} {_heading(block[depth][1][column])}"
    for (year, role), column in flat.items():
        years.setdefault(year, {}).setdefault(role, column)
    layout: Layout = "T-C.27" if subs else "flat"
    year_groups = tuple(
        _Group(year, slot.get("target"), slot.get("money"))
        for year, slot in years.items()
        if year is not None
    )
    end = years.get(None)
    return _Columns(
        header_row=block[0][0],
        last_header_row=block[-1][0],
        code=tuple(code),
        name=name_column,
        roles=MappingProxyType(roles),
        years=tuple(sorted(year_groups, key=lambda g: (g.year.number if g.year else 0))),
        end=_Group(None, end.get("target"), end.get("money")) if end else None,
        baseline_year=baseline_year,
        headings=MappingProxyType(headings),
        layout=layout,
    )


def _at(cells: Sequence[CellValue], column: int | None) -> CellValue:
    if column is None or column >= len(cells):
        return None
    return cells[column]


def _blank(value: CellValue) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


# -- reading cells ------------------------------------------------------------------------------


def _kind_name(value: object) -> str:
    return {
        bool: "a true/false cell",
        dt.datetime: "a date",
        dt.date: "a date",
        dt.time: "a time",
        dt.timedelta: "a duration",
        PercentNumber: "a percentage",
    }.get(type(value), type(value).__name__)


def _float_decimal(value: float) -> Decimal:
    """A number cell's value, exactly as the file's decimal text, without float arithmetic:
    ``repr`` gives the shortest decimal text that reads back as the same binary value."""
    if value.is_integer():
        return Decimal(int(value))
    return Decimal(repr(value))


def _special(value: CellValue) -> InvalidPlanError | None:
    if isinstance(value, Formula):
        return InvalidPlanError([Problem("", "excel.formula", {"formula": value.text})])
    if isinstance(value, ErrorValue):
        return InvalidPlanError([Problem("", "excel.error_value", {"value": value.code})])
    return None


def _number_of(value: CellValue) -> Decimal | None:
    """The exact number of a numeric cell, or None when the cell is not numeric."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return Decimal(value)
    if isinstance(value, float):
        if not math.isfinite(value):  # openpyxl reads number cells as binary floats
            raise InvalidPlanError([Problem("", "number.not_finite", {"value": repr(value)})])
        return _float_decimal(value)
    if isinstance(value, Decimal):
        return value
    return None


def _read_text(value: CellValue) -> str | None:
    special = _special(value)
    if special:
        raise special
    if _blank(value):
        return None
    if isinstance(value, str):
        return check_text(value.strip())
    number = _number_of(value)
    if number is not None:
        return format(number, "f")
    raise InvalidPlanError([Problem("", "excel.cell_type",
                                    {"expected": "text", "type": _kind_name(value)})])


def _read_quantity(value: CellValue, style: Style) -> Quantity | None:
    special = _special(value)
    if special:
        raise special
    if _blank(value):
        return None
    if isinstance(value, str):
        return parse_quantity(value, style=style)
    if isinstance(value, PercentNumber):
        return Quantity(check_number(value.value), "%")
    number = _number_of(value)
    if number is not None:
        return Quantity(check_number(number))
    raise InvalidPlanError([Problem("", "excel.cell_type",
                                    {"expected": "a quantity", "type": _kind_name(value)})])


def _read_money(value: CellValue, style: Style) -> MoneyCell | None:
    special = _special(value)
    if special:
        raise special
    if _blank(value):
        return None
    if isinstance(value, str):
        return parse_money(value, style=style)
    number = _number_of(value)
    if number is not None:
        return check_money(number)
    raise InvalidPlanError([Problem("", "excel.cell_type",
                                    {"expected": "an amount of money", "type": _kind_name(value)})])


# -- rows to a plan -----------------------------------------------------------------------------


@frozen
class _Row:
    """An activity row as read, before the tree is built."""

    number: int
    code: Code
    written: str | None
    """The code as the sheet wrote it, when it was generic (``X.XX.01``) and was made specific."""
    name: str
    texts: Mapping[str, str]
    indicators: tuple[Indicator, ...]
    budget: BudgetLine | None


@frozen
class _Meta:
    """What the rows above the header state: labels, and the first unlabelled title."""

    labels: Mapping[str, str]
    title: str | None


def _label_value(cells: Sequence[CellValue], column: int) -> str | None:
    raw = cells[column]
    assert isinstance(raw, str)
    _, colon, rest = raw.partition(":")
    if colon and rest.strip():
        return rest.strip()
    for later in cells[column + 1:]:
        if _blank(later) or (isinstance(later, str) and later.strip() == ":"):
            continue
        text = later.strip() if isinstance(later, str) else None
        if text is None:
            number = _number_of(later) if not isinstance(later, Formula | ErrorValue) else None
            text = format(number, "f") if number is not None else None
        return text or None
    return None


def _meta(rows: Iterable[tuple[int, Sequence[CellValue]]]) -> _Meta:
    labels: dict[str, str] = {}
    title: str | None = None
    for _, cells in rows:
        first = next((i for i, c in enumerate(cells) if not _blank(c)), None)
        if first is None or not isinstance(cells[first], str):
            continue
        raw = cells[first]
        assert isinstance(raw, str)
        label = _heading(raw.partition(":")[0]).rstrip(": ").strip()
        role = next((r for r, pattern in _LABELS if pattern.fullmatch(label)), None)
        if role is not None:
            value = _label_value(cells, first)
            if value is not None and role not in labels:
                labels[role] = value
            continue
        if title is None:
            parts = [c.strip() for c in cells if isinstance(c, str) and c.strip()]
            title = " ".join(parts)[: 20_000] or None
    return _Meta(MappingProxyType(labels), title)


class _SheetReader:
    """Reads the rows of one sheet under a known header into activity rows."""

    def __init__(self, columns: _Columns, period: Period, style: Style,
                 problems: _Problems) -> None:
        self.columns = columns
        self.period = period
        self.style = style
        self.problems = problems
        self.rows: list[_Row] = []
        self.unreadable: dict[Code, int] = {}
        self.total: BudgetLine | None = None
        self.total_row: int | None = None
        self.bidang: set[Code] = set()
        self.known = columns.known()
        self.unknown_reported: set[int] = set()
        self.in_header = False
        self.current: int | None = None  # index in self.rows of the last activity row
        self.years: list[tuple[int, _Group]] = []
        for group in columns.years:
            assert group.year is not None
            year = group.year.number
            if group.year.relative:
                year = period.first_year + group.year.number - 1
            self.years.append((year, group))

    # -- cells

    def heading(self, column: int | None) -> str | None:
        return None if column is None else self.columns.headings.get(column)

    def cell(self, number: int, cells: Sequence[CellValue], column: int | None,
             read: Any, *args: Any) -> Any:
        value = _at(cells, column)
        try:
            return read(value, *args)
        except InvalidPlanError as exc:
            self.problems.from_error(number, column, exc, self.heading(column))
            return None

    def text(self, number: int, cells: Sequence[CellValue], column: int | None) -> str | None:
        result: str | None = self.cell(number, cells, column, _read_text)
        return result

    def quantity(self, number: int, cells: Sequence[CellValue],
                 column: int | None) -> Quantity | None:
        result: Quantity | None = self.cell(number, cells, column, _read_quantity, self.style)
        return result

    def money(self, number: int, cells: Sequence[CellValue],
              column: int | None) -> MoneyCell | None:
        result: MoneyCell | None = self.cell(number, cells, column, _read_money, self.style)
        return result

    # -- rows

    def indicator_columns(self) -> list[int]:
        roles = self.columns.roles
        found = [roles[r] for r in ("indicator", "satuan", "baseline") if r in roles]
        found += [g.target for g in self.columns.years if g.target is not None]
        if self.columns.end and self.columns.end.target is not None:
            found.append(self.columns.end.target)
        return found

    def money_columns(self) -> list[int]:
        found = [g.money for g in self.columns.years if g.money is not None]
        if self.columns.end and self.columns.end.money is not None:
            found.append(self.columns.end.money)
        return found

    def indicator(self, number: int, cells: Sequence[CellValue]) -> Indicator | None:
        columns = self.columns
        if all(_blank(_at(cells, c)) for c in self.indicator_columns()):
            return None
        planned: dict[int, Quantity] = {}
        for year, group in self.years:
            value = self.quantity(number, cells, group.target)
            if value is not None:
                planned[year] = value
        end = self.quantity(number, cells, columns.end.target) if columns.end else None
        try:
            return Indicator(
                name=self.text(number, cells, columns.roles.get("indicator")),
                unit=self.text(number, cells, columns.roles.get("satuan")),
                baseline=self.quantity(number, cells, columns.roles.get("baseline")),
                planned=planned,
                end_of_period=end,
            )
        except InvalidPlanError as exc:  # pragma: no cover - every cell was checked
            self.problems.from_error(number, None, exc)
            return None

    def budget(self, number: int, cells: Sequence[CellValue]) -> BudgetLine | None:
        columns = self.columns
        if all(_blank(_at(cells, c)) for c in self.money_columns()):
            return None
        planned: dict[int, MoneyCell] = {}
        for year, group in self.years:
            value = self.money(number, cells, group.money)
            if value is not None:
                planned[year] = value
        total = self.money(number, cells, columns.end.money) if columns.end else None
        if not planned and total is None:
            return None  # every money cell was unreadable, and is reported
        return BudgetLine(planned=planned, planned_total=total)

    def check_width(self, number: int, cells: Sequence[CellValue]) -> None:
        for column, value in enumerate(cells):
            if _blank(value):
                continue
            if isinstance(value, _Beyond):
                self.problems.add(number, value.column, "excel.too_wide", limit=MAX_COLUMNS)
            elif column not in self.known and column not in self.unknown_reported:
                self.unknown_reported.add(column)
                heading = self.columns.headings.get(column, "")
                self.problems.add(number, column, "excel.unknown_column", heading or None,
                                  title=heading)

    def read(self, rows: Iterable[tuple[int, Sequence[CellValue]]]) -> None:
        columns = self.columns
        for number, cells in rows:
            if number <= columns.last_header_row:
                continue
            if all(_blank(c) for c in cells) or _is_column_numbers(cells):
                continue
            if _top_header(cells) is not None:
                self.in_header = True  # the header repeated on a new page
                continue
            if self.in_header:
                if _is_header_row(cells):
                    continue
                self.in_header = False
            if self.total_row is not None:
                self.after_total(number, cells)
                continue
            self.check_width(number, cells)
            self.row(number, cells)

    def after_total(self, number: int, cells: Sequence[CellValue]) -> None:
        """A row below the total row: outside the table (notes, the signature), unless it
        has a code."""
        raw = "".join(c for c in (_at(cells, i) for i in self.columns.code) if isinstance(c, str))
        value = next((_at(cells, i) for i in self.columns.code if not _blank(_at(cells, i))),
                     None)
        if value is not None and (raw.strip() or isinstance(value, int | float)):
            self.problems.add(number, self.columns.code[0], "excel.after_total",
                              self.heading(self.columns.code[0]), first=self.total_row)

    def code_text(self, number: int, cells: Sequence[CellValue]) -> str | None:
        parts: list[str] = []
        for column in self.columns.code:
            value = _at(cells, column)
            if _blank(value):
                continue
            if isinstance(value, float) and not value.is_integer():
                self.problems.add(number, column, "excel.code_number", self.heading(column),
                                  value=repr(value))
                return None
            text = self.text(number, cells, column)
            if text is None:
                return None
            parts.append(" ".join(text.split()))
        return ".".join(parts)

    def row(self, number: int, cells: Sequence[CellValue]) -> None:
        columns = self.columns
        raw = self.code_text(number, cells)
        if raw is None:
            self.current = None
            return
        if not raw:
            self.codeless(number, cells)
            return
        try:
            code = Code.parse(raw)
        except InvalidPlanError as exc:
            self.problems.from_error(number, columns.code[0], exc, self.heading(columns.code[0]))
            self.current = None
            return
        if code.level in (Level.URUSAN, Level.BIDANG_URUSAN):
            self.above_program(number, cells, code)
            return
        name = self.text(number, cells, columns.name)
        indicator = self.indicator(number, cells)
        budget = self.budget(number, cells)
        texts = {
            role: value
            for role in ("goal", "target", "unit", "location", "note")
            if (value := self.text(number, cells, columns.roles.get(role))) is not None
        }
        if name is None:
            if _blank(_at(cells, columns.name)):
                self.problems.add(number, columns.name, "structure.missing",
                                  self.heading(columns.name))
            self.unreadable.setdefault(code, number)
            self.current = None
            return
        self.rows.append(_Row(number, code, None, name, MappingProxyType(texts),
                              (indicator,) if indicator else (), budget))
        self.current = len(self.rows) - 1

    def above_program(self, number: int, cells: Sequence[CellValue], code: Code) -> None:
        if code.level is Level.BIDANG_URUSAN:
            self.bidang.add(code)
        self.current = None
        keep = {*self.columns.code, self.columns.name}
        for column, value in enumerate(cells):
            if column not in keep and column in self.known and not _blank(value):
                self.problems.add(number, column, "excel.above_program", self.heading(column),
                                  level=code.level.label)

    def is_total(self, cells: Sequence[CellValue]) -> bool:
        """A total row: TOTAL… or JUMLAH… in the name column or a column left of it."""
        roles = self.columns.roles
        left = {*range(self.columns.name + 1), *(roles[r] for r in ("goal", "target", "number")
                                                 if r in roles)}
        texts = [cells[i] for i in sorted(left) if i < len(cells)
                 and isinstance(cells[i], str) and str(cells[i]).strip()]
        return bool(texts) and bool(_TOTAL.fullmatch(_heading(texts[0])))

    def codeless(self, number: int, cells: Sequence[CellValue]) -> None:
        if self.is_total(cells):
            self.total_line(number, cells)
            return
        indicator_columns = set(self.indicator_columns())
        has_indicator = any(not _blank(_at(cells, c)) for c in indicator_columns)
        if not has_indicator or self.current is None:
            column = next(i for i, c in enumerate(cells) if not _blank(c))
            self.problems.add(number, column if column in self.known else None,
                              "excel.no_code", self.heading(column))
            return
        for column, value in enumerate(cells):
            if column in self.known and column not in indicator_columns and not _blank(value):
                self.problems.add(number, column, "excel.orphan_cell", self.heading(column))
        indicator = self.indicator(number, cells)
        if indicator is not None:
            previous = self.rows[self.current]
            self.rows[self.current] = _Row(
                previous.number, previous.code, previous.written, previous.name,
                previous.texts, (*previous.indicators, indicator), previous.budget,
            )

    def total_line(self, number: int, cells: Sequence[CellValue]) -> None:
        self.current = None
        self.total_row = number
        self.total = self.budget(number, cells)


def _period(
    columns: _Columns, start_year: int | None, problems: _Problems
) -> Period | None:
    row = columns.header_row
    years = [g.year for g in columns.years if g.year is not None]
    if not years:
        problems.add(row, None, "excel.no_years")
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
            r = _Row(r.number, code, str(r.code), r.name, r.texts, r.indicators, r.budget)
        result.append(r)
    return result


def _source(sheet: str, row: _Row) -> Source:
    """Where an activity was read: the sheet and the row, with a note stating a generic code
    as the sheet wrote it and the row's KETERANGAN (the model has no other place for it)."""
    notes = []
    if row.written is not None:
        notes.append(render("excel.generic_note", {"written": row.written}, "en"))
    if "note" in row.texts:
        notes.append(f"KETERANGAN: {row.texts['note']}")
    return Source(sheet, str(row.number), "; ".join(notes)[:20_000] or None)


def _activities(
    rows: list[_Row], unreadable: Mapping[Code, int], sheet: str, problems: _Problems,
    code_column: int,
) -> list[Activity]:
    first: dict[Code, _Row] = {}
    for r in rows:
        if r.code in first:
            problems.add(r.number, code_column, "excel.duplicate", code=str(r.code),
                         first=first[r.code].number)
        else:
            first[r.code] = r
    children: dict[Code, list[_Row]] = {}
    placed: list[_Row] = []
    for r in sorted(first.values(), key=lambda row: row.code):
        parent = r.code.parent
        if r.code.level is Level.PROGRAM or parent is None:
            placed.append(r)
            continue
        if parent in first:
            children.setdefault(parent, []).append(r)
            continue
        key = "excel.parent_dropped" if parent in unreadable else "excel.no_parent"
        problems.add(r.number, code_column, key, code=str(r.code), parent=str(parent))

    def build(r: _Row) -> Activity | None:
        kids = []
        for child in children.get(r.code, []):
            built = build(child)
            if built is not None:
                kids.append(built)
        try:
            return Activity(
                code=r.code, level=r.code.level, name=r.name,
                indicators=r.indicators, budget=r.budget,
                unit=r.texts.get("unit"), location=r.texts.get("location"),
                goal=r.texts.get("goal"), target=r.texts.get("target"),
                children=kids, source=_source(sheet, r),
            )
        except InvalidPlanError as exc:  # pragma: no cover - the tree is built from codes
            problems.from_error(r.number, None, exc)
            return None

    built = [build(r) for r in placed]
    return [a for a in built if a is not None]


def read_rows(
    rows: Iterable[Sequence[Any]],
    *,
    sheet: str = "Sheet1",
    start_year: int | None = None,
    title: str | None = None,
    organisation: str | None = None,
    region: str | None = None,
    style: Style | None = None,
    partial: bool = False,
    source: str | None = None,
) -> ImportResult:
    """Read a T-C.27 or flat table given as rows of cell values (from any source: a sheet,
    a CSV file, a DataFrame), the first row being the sheet's row 1.

    Each cell is a :data:`CellValue`: text, a number (int, float, Decimal), None for an empty
    cell, or a marker (:class:`Formula`, :class:`ErrorValue`, :class:`PercentNumber`); any
    other value is a cell problem. The options are those of :func:`read_workbook`; *source*
    names the input in errors. At most :data:`MAX_ROWS` rows and :data:`MAX_COLUMNS` columns
    are read.
    """
    numbered = _bounded(rows, sheet, source)
    head = list(itertools.islice(numbered, HEADER_SEARCH_ROWS))
    columns = _find_columns(head)
    if columns is None:
        raise _file_error(source or sheet, "excel.no_header", rows=HEADER_SEARCH_ROWS)
    return _read_sheet(
        sheet, columns, head, numbered,
        start_year=start_year, title=title, organisation=organisation, region=region,
        style=style, partial=partial, source=source,
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
    partial: bool,
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
    chosen_style: Style = "auto"
    if style is not None:
        chosen_style = check_style(style)
    elif "style" in meta.labels:
        chosen_style = _STYLE_VALUES.get(_heading(meta.labels["style"]), "auto")
    period = _period(columns, start_year, problems)
    given = {"title": title, "organisation": organisation, "region": region}
    values: dict[str, str | None] = {}
    for key, value in given.items():
        stated = value if value is not None else meta.labels.get(key)
        if key == "title" and stated is None:
            stated = meta.title
        try:
            values[key] = check_text(stated) if stated is not None else None
        except InvalidPlanError as exc:
            fatal.extend(p.under(key) for p in exc.problems)
            values[key] = None
    for key, what, option in (
        ("title", "title of the plan", "title=…, --title"),
        ("organisation", "Perangkat Daerah", "organisation=…, --organisation"),
        ("region", "region (Kabupaten/Kota)", "region=…, --region"),
    ):
        if values.get(key) is None and not any(p.path == key for p in fatal):
            fatal.append(Problem(key, "excel.missing", {"what": what, "option": option}))
    if period is None or fatal:
        raise WorkbookError(fatal, source, problems.result())
    reader = _SheetReader(columns, period, chosen_style, problems)
    reader.read(itertools.chain(head, rest))
    rows = _specialise(reader.rows)
    if not rows and not reader.unreadable:
        fatal.append(Problem("", "excel.no_rows", {}))
    if fatal:
        raise WorkbookError(fatal, source, problems.result())
    programs = _activities(rows, reader.unreadable, sheet, problems, columns.code[0])
    cell_problems = problems.result()
    if cell_problems and not partial:
        raise WorkbookError([], source, cell_problems)
    province = meta.labels.get("province")
    bidang = sorted(reader.bidang | {
        Code(a.code.segments[:2]) for a in programs if a.code.segments[0] != "X"
    })
    try:
        title_text, organisation_text, region_text = (
            values["title"], values["organisation"], values["region"])
        assert title_text is not None
        assert organisation_text is not None
        assert region_text is not None
        plan = Plan(
            title=title_text,
            organisation=Organisation(
                organisation_text, region_text,
                province=province.strip() if province and province.strip() else None,
                bidang_urusan=bidang,
            ),
            period=period,
            programs=programs,
            total_budget=reader.total,
        )
    except InvalidPlanError as exc:
        raise WorkbookError(exc.problems, source, cell_problems) from None
    return ImportResult(plan, sheet, columns.layout, cell_problems, chosen_style)


# -- workbooks ----------------------------------------------------------------------------------


def _openpyxl() -> Any:
    try:
        openpyxl = importlib.import_module("openpyxl")
        importlib.import_module("defusedxml")
    except ImportError:
        raise MissingExtraError(EXCEL_HINT) from None
    if not getattr(openpyxl, "DEFUSEDXML", False):
        raise MissingExtraError(
            "openpyxl does not use defusedxml (is OPENPYXL_DEFUSEDXML set to False?): "
            "workbooks are not read without protection against XML bombs"
        )
    return openpyxl


def _check_file(file: Path, name: str, max_bytes: int) -> None:
    if file.suffix.casefold() == ".xls":
        raise _file_error(name, "excel.old_format")
    try:
        size = file.stat().st_size
        if not file.is_file():
            raise _file_error(name, "file.unreadable", why="it is not a regular file")
    except FileNotFoundError:
        raise _file_error(name, "file.missing") from None
    except OSError as exc:
        raise _file_error(name, "file.unreadable", why=exc.strerror or str(exc)) from None
    if size > max_bytes:
        raise _file_error(name, "file.too_large", size=size, limit=max_bytes)
    try:
        with zipfile.ZipFile(file) as archive:
            parts = archive.infolist()
    except Exception as exc:  # noqa: BLE001 - zipfile fails on damaged files in many ways
        # (BadZipFile, EOFError, and an error of its own for a zip version it cannot read)
        why = f"{type(exc).__name__}: {exc}"[:200]
        raise _file_error(name, "excel.not_workbook", why=why) from None
    unpacked = sum(p.file_size for p in parts)
    if unpacked > MAX_UNCOMPRESSED_BYTES or len(parts) > MAX_PARTS:
        raise _file_error(name, "excel.unpacked_size", size=unpacked, parts=len(parts),
                          limit=MAX_UNCOMPRESSED_BYTES, parts_limit=MAX_PARTS)


def _cell_value(value_cell: Any, formula_cell: Any) -> CellValue:
    """One cell, from the cached-values pass and the formulas pass."""
    value = getattr(value_cell, "value", None)
    if getattr(formula_cell, "data_type", None) == "f" and value is None:
        formula = getattr(formula_cell, "value", None)
        text = formula if isinstance(formula, str) else getattr(formula, "text", None)
        return Formula(str(text or "="))
    if getattr(value_cell, "data_type", None) == "e":
        return ErrorValue(str(value))
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        number_format = getattr(value_cell, "number_format", None)
        if isinstance(number_format, str) and "%" in number_format.replace("\\%", ""):
            number = _number_of(value)
            assert number is not None
            return PercentNumber(number.scaleb(2))
    if isinstance(value, str | int | float | Decimal | bool | dt.date | dt.time | dt.timedelta):
        return value
    return None if value is None else str(value)


class _FarCells(list[CellValue]):
    """The cells of a sheet row, with the (0-based) column of content past the columns read."""

    far: int | None = None


_REFERENCE: Final = re.compile(r"([A-Z]{1,3})([0-9]{1,15})")


def _column_number(letters: str) -> int:
    number = 0
    for letter in letters:
        number = number * 26 + ord(letter) - ord("A") + 1
    return number


def _scan_sheet(file: Path, part: str, sheet: str, source: str) -> dict[int, int]:
    """Where a sheet has content past the rows and columns that are read, from its XML (read
    with defusedxml, as openpyxl numbers rows and cells): openpyxl cuts such content from
    the rows it gives, silently, and a cell at row 1,000,000,000 would make it pad the rows
    in between. Content below :data:`MAX_ROWS` fails the import; for each row with content
    right of :data:`MAX_COLUMNS`, the first such column (1-based) is returned."""
    from defusedxml.ElementTree import iterparse

    far: dict[int, int] = {}
    row = column = 0
    with zipfile.ZipFile(file) as archive, archive.open(part) as stream:
        for event, element in iterparse(stream, events=("start", "end")):
            tag = element.tag.rpartition("}")[2]
            if event == "start":
                if tag == "row":
                    stated = element.get("r")
                    row = int(stated) if stated and stated.isdigit() else row + 1
                    column = 0
                continue
            if tag == "c":
                reference = _REFERENCE.fullmatch(element.get("r") or "")
                if reference:
                    column, row = _column_number(reference.group(1)), int(reference.group(2))
                else:
                    column += 1
                filled = any(
                    child.tag.rpartition("}")[2] in ("v", "is", "f")
                    and "".join(child.itertext()).strip()
                    for child in element
                )
                if filled and row > MAX_ROWS:
                    raise WorkbookError([], source, [CellProblem(
                        sheet, row, None, "excel.too_many_rows", {"limit": MAX_ROWS})])
                if filled and column > MAX_COLUMNS:
                    far.setdefault(row, column)
                element.clear()
            elif tag == "row":
                element.clear()
    return far


def _sheet_rows(
    values_sheet: Any, formulas_sheet: Any, far: Mapping[int, int]
) -> Iterator[list[CellValue]]:
    """The rows of a sheet (at most :data:`MAX_ROWS`), each cell from the cached-values pass
    and the formulas pass; a row with content past the columns read says where."""
    for sheet in (values_sheet, formulas_sheet):
        sheet.reset_dimensions()  # a wrong stated dimension would cut rows silently
    limits = {"max_row": MAX_ROWS, "max_col": MAX_COLUMNS}
    value_rows = values_sheet.iter_rows(**limits)
    formula_rows = formulas_sheet.iter_rows(**limits)
    try:
        pairs = zip(value_rows, formula_rows, strict=False)
        for number, (value_row, formula_row) in enumerate(itertools.islice(pairs, MAX_ROWS),
                                                          start=1):
            cells = _FarCells(
                _cell_value(v, f) for v, f in itertools.zip_longest(value_row, formula_row)
            )
            if number in far:
                cells.far = far[number] - 1
            yield cells
    finally:
        value_rows.close()
        formula_rows.close()


def _sheet_order(names: Sequence[str]) -> list[str]:
    preferred = [n for n in names if re.search(r"T\W*C\W*27|TC\W*27", n.upper())]
    return preferred + [n for n in names if n not in preferred]


_DEFUSED_ERRORS: Final = ("EntitiesForbidden", "DTDForbidden", "ExternalReferenceForbidden",
                          "NotSupportedError", "DefusedXmlException")


def _unreadable(name: str, exc: BaseException) -> WorkbookError:
    kind = type(exc).__name__
    if any(type(e).__name__ in _DEFUSED_ERRORS for e in (exc, exc.__cause__, exc.__context__)):
        return _file_error(name, "excel.refused_xml", why=kind)
    text = str(exc)[:200]
    return _file_error(name, "excel.unreadable", why=f"{kind}: {text}" if text else kind)


def read_workbook(
    path: str | os.PathLike[str],
    *,
    start_year: int | None = None,
    title: str | None = None,
    organisation: str | None = None,
    region: str | None = None,
    sheet: str | None = None,
    style: Style | None = None,
    partial: bool = False,
    max_bytes: int = MAX_FILE_BYTES,
) -> ImportResult:
    """Read the T-C.27 (or flat) program and kegiatan sheet of the workbook at *path*.

    * *start_year*: the first plan year (``TAHUN 1``; 2022 for the TTU plan 2021–2026),
      needed when the header numbers the years instead of naming them, and checked
      against the header when it names them.
    * *title*, *organisation*, *region*: the plan's title and its Perangkat Daerah and
      region; each overrides what the rows above the header state (``Perangkat Daerah:
      Dinas Sosial``…). Without either, the import fails and says which is missing.
    * *sheet*: the sheet to read; by default the first whose name looks like ``T-C.27``
      and has the header, else the first sheet that has it.
    * *style*: the number style of text cells (``"id"``, ``"en"`` or ``"auto"``); by
      default the one the sheet states (``Format angka: 1.234.567,89``), else ``"auto"``.
    * *partial*: return the plan without the cells that cannot be read, and list them in
      :attr:`ImportResult.problems`, instead of failing.

    Fails with a :class:`WorkbookError` naming the file (and, for a cell, the sheet, row and
    column) and the reason.
    """
    file = Path(path)
    name = str(file)
    if style is not None:
        check_style(style)
    _check_file(file, name, max_bytes)
    openpyxl = _openpyxl()
    options = {"start_year": start_year, "title": title, "organisation": organisation,
               "region": region, "style": style, "partial": partial, "source": name}
    # The files are opened here, not by openpyxl: a load that fails half-way would leave
    # openpyxl's own handle open.
    with warnings.catch_warnings(), contextlib.ExitStack() as stack:
        warnings.simplefilter("ignore")
        try:
            books = []
            for data_only in (True, False):
                handle = stack.enter_context(file.open("rb"))
                book = openpyxl.load_workbook(handle, read_only=True, data_only=data_only,
                                              keep_links=False)
                stack.callback(book.close)
                books.append(book)
            return _read_books(books[0], books[1], name, sheet, options)
        except RenstraError:
            raise
        except Exception as exc:  # noqa: BLE001 - openpyxl fails on corrupt files in many ways
            raise _unreadable(name, exc) from None


def _read_books(
    values_book: Any, formulas_book: Any, name: str, sheet: str | None,
    options: dict[str, Any],
) -> ImportResult:
    names = [ws.title for ws in values_book.worksheets]
    if sheet is not None:
        if sheet not in names:
            raise _file_error(name, "excel.no_sheet", sheet=sheet, sheets=", ".join(names))
        candidates = [sheet]
    else:
        candidates = _sheet_order(names)
    for title in candidates:
        values_sheet = values_book[title]
        part = getattr(values_sheet, "_worksheet_path", None)
        far = _scan_sheet(Path(name), part, title, name) if isinstance(part, str) else {}
        rows = _bounded(_sheet_rows(values_sheet, formulas_book[title], far), title, name)
        try:
            head = list(itertools.islice(rows, HEADER_SEARCH_ROWS))
            columns = _find_columns(head)
            if columns is None:
                continue
            return _read_sheet(title, columns, head, rows, **options)
        finally:
            rows.close()
    raise _file_error(name, "excel.no_header", rows=HEADER_SEARCH_ROWS)

"""Reading the national nomenclature of planning codes from a file: CSV in either of two
layouts, or the decree's spreadsheet, into a
:class:`~renstra_model.model.nomenclature.Nomenclature`. The library does not ship the
nomenclature: the user supplies a file, read by :func:`load_nomenclature` from either of two
layouts:

* a table with a ``kode,level,nomenklatur,kinerja,indikator,satuan,keterangan`` header
  (dotted, zero-padded codes; the supporting program common to every agency written
  ``X.XX.01…``);
* the decree's spreadsheet layout: title rows, then a header naming a code column (``KODE``,
  ``KODE REKENING``) and a name column (``NOMENKLATUR URUSAN KABUPATEN/KOTA``, ``NOMENKLATUR``,
  ``URAIAN``), with optional ``KINERJA``, ``INDIKATOR`` and ``SATUAN`` columns. Codes may be
  spaced, unpadded or split over several columns under one ``KODE`` heading; the level is
  inferred from the code, and rows without a code (section titles) are skipped.

Either layout may be CSV (comma, semicolon or tab separated, UTF-8 with or without a byte order
mark); the spreadsheet layout may also be an ``.xlsx`` workbook when the optional ``openpyxl``
and ``defusedxml`` are installed (``pip install 'renstra-model[excel]'``). The file is read
through :func:`~renstra_model.files.read_bounded`; a workbook is opened through the library's
one safe opener (:mod:`renstra_model.io.workbook`: bounds on the unpacked size, the parts and
the rows, XML entity declarations refused), and the headings are those of the shared header
grammar (:mod:`renstra_model.io.headings`), as the plan's Excel reader reads them.
"""

from __future__ import annotations

import csv
import io
import os
import re
from collections.abc import Generator, Iterable, Iterator, Sequence
from itertools import chain, islice
from pathlib import Path
from typing import Any, Final

from attrs import frozen

from ..errors import InvalidPlanError, MissingExtraError, PlanFileError, Problem
from ..files import read_bounded
from ..messages import extend
from ..model.codes import Code, Level
from ..model.nomenclature import Entry, Nomenclature, normalise_name
from .headings import CODE, code_column, heading, is_column_numbers, is_level_words, is_name_heading
from .workbook import Row, open_workbook

extend({
    "phrase.invalid.code_as_number": {
        "en": "the code is stored as the number {number}, which loses zeros (1.10 reads as "
        "1.1): store the code column as text",
        "id": "kode disimpan sebagai angka {number}, sehingga nol hilang (1.10 terbaca 1.1): "
        "simpan kolom kode sebagai teks",
    },
    "phrase.invalid.name_again": {
        "en": "code {code} appears again with another name: {name!r} (row {first_row}: "
        "{first_name!r})",
        "id": "kode {code} muncul lagi dengan nama lain: {name!r} (baris {first_row}: "
        "{first_name!r})",
    },
    "phrase.invalid.more_rows": {
        "en": "{count} more rows have problems",
        "id": "{count} baris lain juga bermasalah",
    },
    "phrase.unreadable.no_rows": {
        "en": "the table under the header has no rows with a code",
        "id": "tabel di bawah judul kolom tidak memuat baris berkode",
    },
    "phrase.unreadable.no_header": {
        "en": "no header row in the first {rows} rows names a code column (KODE, KODE "
        "REKENING) and a name column (NOMENKLATUR…, URAIAN)",
        "id": "tidak ada baris judul dalam {rows} baris pertama yang menyebut kolom kode (KODE, "
        "KODE REKENING) dan kolom nama (NOMENKLATUR…, URAIAN)",
    },
    "phrase.unreadable.no_header_named": {
        "en": "no header row in the first {rows} rows names a code column (KODE, KODE "
        "REKENING) and a name column whose heading contains {name_column!r}",
        "id": "tidak ada baris judul dalam {rows} baris pertama yang menyebut kolom kode (KODE, "
        "KODE REKENING) dan kolom nama yang judulnya memuat {name_column!r}",
    },
    "phrase.unreadable.not_workbook": {
        "en": "not an .xlsx workbook ({detail})",
        "id": "bukan buku kerja .xlsx ({detail})",
    },
    "phrase.unreadable.old_xls": {
        "en": "the old .xls format is not read: save it as .xlsx or CSV",
        "id": "format lama .xls tidak dibaca: simpan sebagai .xlsx atau CSV",
    },
    "phrase.unreadable.nul_bytes": {
        "en": "it holds NUL bytes (a binary file, or UTF-16 text: save as UTF-8)",
        "id": "berkas memuat bita NUL (berkas biner, atau teks UTF-16: simpan sebagai UTF-8)",
    },
})

MAX_FILE_BYTES: Final = 64 * 1024 * 1024
"""The largest nomenclature file :func:`load_nomenclature` reads (the full decree is ~2 MB)."""
HEADER_SEARCH_ROWS: Final = 50
"""How many rows from the top of a sheet are searched for the header row."""
MAX_PROBLEMS: Final = 50
"""Row problems reported at most; the rest are counted."""
MAX_ROWS: Final = 100_000
"""The most rows of a workbook's sheet that are read (the full decree has under 10,000); a
sheet with content below is refused."""
MAX_COLUMNS: Final = 100
"""The most columns of a workbook's sheet that are read; content to the right is not."""
EXCEL_HINT: Final = (
    "reading .xlsx files needs openpyxl and defusedxml: pip install 'renstra-model[excel]'"
)


class NomenclatureError(PlanFileError):
    """A nomenclature file cannot be read, or rows of it are wrong.

    Like every :class:`~renstra_model.errors.InvalidPlanError` it carries every problem found;
    each row problem's path is ``row N`` (rows counted from 1 as a spreadsheet numbers them,
    the header and title rows included), or ``'sheet'!N`` for a workbook's row that is
    refused before the sheet is read, and its params hold ``file`` and ``row``.
    """

    def __init__(self, problems: Iterable[Problem], source: str | None = None) -> None:
        super().__init__(problems, source)
        self.file: str | None = source
        """The file, as the caller named it."""
        rows = [p.params["row"] for p in self.problems if isinstance(p.params.get("row"), int)]
        self.rows: tuple[int, ...] = tuple(rows)
        """The row numbers of the problems that concern a row."""
        self.row: int | None = rows[0] if rows else None
        """The first of :attr:`rows`, or None when the problem concerns the whole file."""


# -- reading ------------------------------------------------------------------------------------

_OPTIONAL_HEADERS: Final = {
    "level": re.compile(r"LEVEL|TINGKAT"),
    "indicator": re.compile(r"INDIKATOR\b.*"),
    "unit": re.compile(r"SATUAN\b.*"),
}
_LEVELS: Final = {
    **{level.value: level for level in Level},
    **{level.label.casefold().replace(" ", "_"): level for level in Level},
    "bidang": Level.BIDANG_URUSAN,
    "subkegiatan": Level.SUB_KEGIATAN,
}
_DELIMITERS: Final = (",", ";", "\t")
_ZIP_MAGIC: Final = b"PK\x03\x04"


@frozen
class _Columns:
    """Where the values are in a sheet, found from its header row."""

    header_row: int
    code: tuple[int, ...]
    code_name: str
    name: int
    name_name: str
    name_optional: bool
    """The sheet has several name columns (provinsi and kabupaten/kota): a row whose chosen
    name cell is empty belongs to the other government level and is skipped."""
    level: int | None
    indicator: int | None
    unit: int | None


_PREFERRED_NAME: Final = re.compile(r"KABUPATEN|KOTA")


def _find_columns(
    row_number: int, cells: Sequence[str], name_column: str | None
) -> _Columns | None:
    headings = [heading(c) for c in cells]
    code = code_column(headings)
    names = [i for i, h in enumerate(headings) if is_name_heading(h)]
    if code is None or not names:
        return None
    if name_column is not None:
        wanted = heading(name_column)
        chosen = [i for i in names if wanted in headings[i]]
        if not chosen:
            return None
    else:
        chosen = [i for i in names if _PREFERRED_NAME.search(headings[i])] or names
    name = chosen[0]
    # A KODE heading merged over several columns (urusan, bidang, program…) leaves the
    # columns after it unnamed: their cells are parts of the code.
    code_columns = [code]
    for i in range(code + 1, len(headings)):
        if headings[i] or i == name:
            break
        code_columns.append(i)
    optional = {
        key: next((i for i, h in enumerate(headings) if pattern.fullmatch(h)), None)
        for key, pattern in _OPTIONAL_HEADERS.items()
    }
    return _Columns(
        row_number, tuple(code_columns), cells[code].strip(), name, cells[name].strip(),
        len(names) > 1, optional["level"], optional["indicator"], optional["unit"],
    )


def _cell(cells: Sequence[str], index: int | None) -> str:
    if index is None or index >= len(cells):
        return ""
    return " ".join(cells[index].split())


def _is_level_words(parts: Sequence[str]) -> bool:
    """The level names (URUSAN, BIDANG, PROGRAM…) printed under a KODE heading merged over
    several columns."""
    words = [heading(p) for p in parts if p.strip()]
    return bool(words) and all(is_level_words(w) for w in words)


class _NumberText(str):
    """The text of a spreadsheet cell that held a fractional number."""

    __slots__ = ()


class _Reader:
    """Turns the rows of one sheet into entries, collecting every problem with its row."""

    def __init__(self, file: str, columns: _Columns) -> None:
        self.file = file
        self.columns = columns
        self.entries: list[Entry] = []
        self.problems: list[Problem] = []
        self.extra_problems = 0
        self.first: dict[Code, tuple[int, str]] = {}

    def problem(self, row: int, column: str | None, key: str, **params: Any) -> None:
        if len(self.problems) >= MAX_PROBLEMS:
            self.extra_problems += 1
            return
        path = f"row {row}, {column}" if column else f"row {row}"
        self.problems.append(Problem(path, key, {**params, "file": self.file, "row": row}))

    def read(self, rows: Iterable[tuple[int, Sequence[str]]]) -> None:
        columns = self.columns
        after_header = True
        for number, cells in rows:
            if number <= columns.header_row:
                continue
            parts = [cells[i] for i in columns.code if i < len(cells)]
            raw_code = ".".join(" ".join(part.split()) for part in parts if part.strip())
            if not raw_code:
                continue  # a section title, a continuation line or an empty row
            if CODE.fullmatch(heading(raw_code.replace(".", " "))):
                after_header = True  # the header repeated on a new page
                continue
            if after_header and (is_column_numbers(cells) or _is_level_words(parts)):
                continue  # column numbers, or the level names under a merged KODE heading
            after_header = False
            if any(isinstance(part, _NumberText) for part in parts):
                self.problem(
                    number, columns.code_name, "structure.invalid",
                    why="code_as_number", number=raw_code,
                )
                continue
            self.row(number, cells, raw_code)

    def row(self, number: int, cells: Sequence[str], raw_code: str) -> None:
        columns = self.columns
        try:
            code = Code.parse(raw_code)
        except InvalidPlanError as exc:
            for p in exc.problems:
                self.problem(number, columns.code_name, p.key, **p.params)
            return
        name = _cell(cells, columns.name)
        if not name and columns.name_optional:
            return  # listed for the other government level only
        if not name:
            self.problem(number, columns.name_name, "structure.missing")
            return
        level = code.level
        stated = _cell(cells, columns.level)
        if stated:
            found = _LEVELS.get(stated.casefold().replace(" ", "_").replace("-", "_"))
            if found is None:
                self.problem(number, "level", "structure.choice", value=stated,
                             choices=", ".join(lv.value for lv in Level))
                return
            if found is not level:
                self.problem(number, "level", "code.level", code=str(code),
                             actual=level.value, expected=found.value)
                return
        if code in self.first:
            first_row, first_name = self.first[code]
            if normalise_name(first_name) != normalise_name(name):
                self.problem(
                    number, columns.code_name, "structure.invalid",
                    why="name_again", code=str(code), name=name, first_row=first_row,
                    first_name=first_name,
                )
            return
        try:
            entry = Entry(
                code, level, name,
                _cell(cells, columns.indicator) or None,
                _cell(cells, columns.unit) or None,
            )
        except InvalidPlanError as exc:
            for p in exc.problems:
                self.problem(number, p.path, p.key, **p.params)
            return
        self.first[code] = (number, name)
        self.entries.append(entry)

    def result(self, source: str) -> Nomenclature:
        if self.extra_problems:
            self.problems.append(Problem(
                "", "structure.invalid",
                {"why": "more_rows", "count": self.extra_problems, "file": self.file},
            ))
        if self.problems:
            raise NomenclatureError(self.problems, self.file)
        if not self.entries:
            raise _file_error(self.file, "file.unreadable",
                              why="no_rows")
        return Nomenclature(self.entries, source)


def _file_error(file: str, key: str, **params: Any) -> NomenclatureError:
    return NomenclatureError([Problem("", key, {"file": file, **params})], file)


def _no_header(file: str, name_column: str | None) -> NomenclatureError:
    if name_column:
        return _file_error(file, "file.unreadable", why="no_header_named",
                           rows=HEADER_SEARCH_ROWS, name_column=name_column)
    return _file_error(file, "file.unreadable", why="no_header", rows=HEADER_SEARCH_ROWS)


def _header(
    rows: Iterable[tuple[int, Sequence[str]]], name_column: str | None
) -> _Columns | None:
    for number, cells in islice(rows, HEADER_SEARCH_ROWS):
        columns = _find_columns(number, cells, name_column)
        if columns is not None:
            return columns
    return None


def _numbered(reader: Iterable[list[str]]) -> Iterator[tuple[int, Sequence[str]]]:
    return enumerate(reader, start=1)


def _decode(raw: bytes, name: str) -> str:
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        start = exc.start + (3 if raw.startswith(b"\xef\xbb\xbf") else 0)
        line = raw[:start].count(b"\n") + 1
        raise NomenclatureError(
            [Problem(f"line {line}", "file.encoding",
                     {"file": name, "position": start, "row": line})],
            name,
        ) from None


def _csv_rows(content: str, delimiter: str) -> Iterator[list[str]]:
    return csv.reader(io.StringIO(content, newline=""), delimiter=delimiter, strict=False)


def _load_csv(
    content: str, name: str, source: str, name_column: str | None
) -> Nomenclature:
    for delimiter in _DELIMITERS:
        try:
            columns = _header(_numbered(_csv_rows(content, delimiter)), name_column)
        except csv.Error:
            continue
        if columns is not None:
            break
    else:
        raise _no_header(name, name_column)
    reader = _Reader(name, columns)
    rows = _csv_rows(content, delimiter)
    try:
        reader.read(_numbered(rows))
    except csv.Error as exc:
        row = getattr(rows, "line_num", 0)
        raise NomenclatureError(
            [Problem(f"line {row}", "file.unreadable",
                     {"file": name, "why": str(exc), "row": row})], name,
        ) from None
    return reader.result(source)


def _excel_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        # A code typed as a number has lost its zeros (1.10 is stored as 1.1); the reader
        # refuses such a code cell, and other columns take the number's text.
        return str(int(value)) if value.is_integer() else _NumberText(repr(value))
    return str(value)


def _sheet_rows(rows: Iterable[Row]) -> Generator[tuple[int, Sequence[str]], None, None]:
    for row in rows:
        yield row.number, [_excel_text(cell.value) for cell in row.cells]


def _workbook_error(problems: Iterable[Problem], name: str) -> NomenclatureError:
    """The error of the workbook opener's *problems*; a file that is not a workbook at all is
    ``file.unreadable``, as for every other file the nomenclature cannot read."""
    own = [
        Problem(p.path, "file.unreadable",
                {**p.params, "why": "not_workbook", "detail": p.params.get("why")})
        if p.key == "excel.not_workbook" else p
        for p in problems
    ]
    return NomenclatureError(own, name)


def _load_excel(
    raw: bytes, name: str, source: str, name_column: str | None
) -> Nomenclature:
    try:
        with open_workbook(raw, name, error=_workbook_error, hint=EXCEL_HINT,
                           max_rows=MAX_ROWS, max_columns=MAX_COLUMNS) as workbook:
            for sheet in workbook.sheets:
                rows = _sheet_rows(workbook.rows(sheet))
                try:
                    head = list(islice(rows, HEADER_SEARCH_ROWS))
                    columns = _header(head, name_column)
                    if columns is None:
                        continue
                    reader = _Reader(name, columns)
                    reader.read(chain(head, rows))
                    return reader.result(source)
                finally:
                    rows.close()
    except MissingExtraError as exc:
        raise _file_error(name, "file.unreadable", why=str(exc)) from None
    raise _no_header(name, name_column)


def load_nomenclature(
    path: str | os.PathLike[str],
    *,
    source: str | None = None,
    name_column: str | None = None,
    max_bytes: int = MAX_FILE_BYTES,
) -> Nomenclature:
    """Read the nomenclature file at *path*: CSV in either layout, or an ``.xlsx`` workbook in
    the decree's layout (with the optional ``openpyxl``).

    *source* names the nomenclature in findings (default: the file's name). Where a sheet has
    several name columns (``NOMENKLATUR URUSAN PROVINSI`` and ``… KABUPATEN/KOTA``), the
    kabupaten/kota one is read unless *name_column* gives a part of another's heading
    (``"PROVINSI"``); rows whose chosen name is empty are then skipped. Every problem of
    the file raises a :class:`NomenclatureError` naming the file, the row and the reason; rows
    are all checked, so one error lists every bad row (up to
    :data:`~renstra_model.io.nomenclature.MAX_PROBLEMS`).
    """
    file = Path(path)
    name = str(file)
    label = source or file.name
    suffix = file.suffix.casefold()
    if suffix == ".xls":
        raise _file_error(name, "file.unreadable",
                          why="old_xls")
    raw = read_bounded(file, max_bytes, NomenclatureError)
    if suffix in (".xlsx", ".xlsm") or raw.startswith(_ZIP_MAGIC):
        return _load_excel(raw, name, label, name_column)
    if b"\0" in raw:
        raise _file_error(name, "file.unreadable",
                          why="nul_bytes")
    return _load_csv(_decode(raw, name), name, label, name_column)

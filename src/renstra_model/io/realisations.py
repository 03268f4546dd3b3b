"""Realisation files read into :class:`~renstra_model.cycle.evaluation.Realisation` rows: CSV
(delimited by ``,``, ``;`` or a tab, found from the header), an ``.xlsx`` workbook (the
``excel`` extra; the first sheet with the header) and JSON (a list of objects).

The headings are ``kode``, ``tahun``, ``indikator`` (optional), ``realisasi`` and
``realisasi_rp``, or ``code``, ``year``, ``indicator``, ``realised`` and ``realised_rp``, in any
case and with or without spaces and underscores (``Realisasi Rp``); other columns are not read.
Lines before the header that start with ``#`` are comments. Numbers are read in any style the
library parses (``1.234,5``, ``Rp 1.500.000``, ``75 %``, with or without the unit). A cell that
cannot be read is a finding (RE001, RE002) with its sheet, row and column, and the rest of the
row and of the file is read; a file without the header is refused
(:class:`RealisationFileError`).

>>> rows = parse_csv("kode;tahun;realisasi;realisasi_rp\\n"
...                  "1.06.04.2.01.0001;2022;80 org;Rp 1.500.000\\n"
...                  "1.06.04.2.01.0001;dua ribu;80;\\n", "r.csv")
>>> rows.rows[0].realised, rows.rows[0].realised_rp
(Quantity(amount=Decimal('80'), unit='org', percent=None, also=()), Decimal('1500000'))
>>> print(rows.findings[0].message("id"))
baris 3, tahun: 'dua ribu' tidak dapat dibaca
"""

from __future__ import annotations

import csv
import io
import json
import os
import re
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from decimal import Decimal
from pathlib import Path
from typing import Any, Final

from attrs import frozen

from ..checks.findings import Finding, Location
from ..cycle import evaluation_rules as rules
from ..cycle.evaluation import Realisation
from ..errors import InvalidPlanError, PlanFileError, Problem
from ..files import read_bounded
from ..messages import extend
from ..model.codes import Code
from ..model.values import Quantity
from .excel.cells import (
    CellValue,
    _cell_value,
    _read_money,
    _read_quantity,
    _read_text,
    content_text,
)
from .parsing import Style
from .workbook import open_workbook

MAX_BYTES: Final = 64 * 1024 * 1024
"""The largest realisation file read."""
MAX_ROWS: Final = 200_000
MAX_COLUMNS: Final = 64
HEADER_ROWS: Final = 20
"""How many rows from the top of a sheet the header is looked for in."""

FIELDS: Final[Mapping[str, str]] = {
    "kode": "code", "code": "code",
    "tahun": "year", "year": "year",
    "indikator": "indicator", "indicator": "indicator",
    "realisasi": "realised", "realised": "realised",
    "realisasirp": "realised_rp", "realisedrp": "realised_rp",
}
"""Each heading (as :func:`heading_key` writes it) and the field it fills."""

HEADINGS: Final = ("kode", "tahun", "indikator", "realisasi", "realisasi_rp")
"""The headings :func:`to_csv` writes."""
_JSON_HEADINGS: Final = dict(zip(("code", "year", "indicator", "realised", "realised_rp"),
                                 HEADINGS, strict=True))

_STRIP: Final = re.compile(r"[\s_\ufeff]+")
_DELIMITERS: Final = (",", ";", "\t")

extend({
    "realisations.no_header": {
        "en": "{file} has no header naming kode and tahun (or code and year) and realisasi or "
              "realisasi_rp",
        "id": "{file} tidak memiliki baris judul yang menyebut kode dan tahun (atau code dan "
              "year) serta realisasi atau realisasi_rp",
    },
    "realisations.json": {
        "en": "{file} is not a JSON list of objects ({why})",
        "id": "{file} bukan daftar objek JSON ({why})",
    },
    "realisations.not_list": {
        "en": "{file} is not a JSON list of objects (one object a row)",
        "id": "{file} bukan daftar objek JSON (satu objek satu baris)",
    },
    "realisations.encoding": {
        "en": "{file} is neither UTF-8 nor Windows-1252 text",
        "id": "{file} bukan teks UTF-8 maupun Windows-1252",
    },
    "realisations.suffix": {
        "en": "{file}: realisations are read from .csv, .tsv, .txt, .xlsx, .xlsm or .json files",
        "id": "{file}: realisasi dibaca dari berkas .csv, .tsv, .txt, .xlsx, .xlsm atau .json",
    },
    "realisations.year": {
        "en": "not a year", "id": "bukan tahun",
    },
})

EXCEL_HINT: Final = ("reading a realisation workbook needs openpyxl: "
                     "pip install 'renstra-model[excel]'")


class RealisationFileError(PlanFileError):
    """A realisation file that cannot be read at all: missing, not text, without the header."""


@frozen
class RealisationFile:
    """What a realisation file holds: its rows, and the findings of cells not read."""

    rows: tuple[Realisation, ...]
    findings: tuple[Finding, ...]


def heading_key(text: str) -> str:
    """A heading as it is matched: lower case, without spaces and underscores."""
    return _STRIP.sub("", text).casefold()


def _refuse(name: str, key: str, **params: object) -> RealisationFileError:
    return RealisationFileError([Problem("", key, {"file": name, **params})], name)


def _error(problems: Iterable[Problem], name: str) -> Exception:
    return RealisationFileError(problems, name)


# -- cells --------------------------------------------------------------------------------------


class _Row:
    """The reading of one row: its cells by field, and the findings of those not read."""

    def __init__(self, sheet: str, number: int, cells: Mapping[str, tuple[str, CellValue]],
                 style: Style, findings: list[Finding]) -> None:
        self.sheet, self.number, self.cells = sheet, number, cells
        self.style, self.findings = style, findings

    def _bad(self, field: str, exc: InvalidPlanError | None = None,
             reason: str | None = None) -> None:
        heading, value = self.cells[field]
        key = reason or (exc.problems[0].key if exc is not None and exc.problems else "")
        self.findings.append(rules.UNREADABLE.found(
            Location(self.sheet, None, None, "", str(self.number)),
            {"sheet": self.sheet, "row": self.number, "column": heading,
             "value": content_text(value), "reason": key}))

    def missing(self, heading: str) -> None:
        self.findings.append(rules.MISSING_CELL.found(
            Location(self.sheet, None, None, "", str(self.number)),
            {"sheet": self.sheet, "row": self.number, "column": heading}))

    def read(self, field: str, reader: Callable[[CellValue], Any]) -> tuple[Any, bool]:
        """The field's value (None for an empty or absent cell) and whether it was read."""
        if field not in self.cells:
            return None, True
        try:
            return reader(self.cells[field][1]), True
        except InvalidPlanError as exc:
            self._bad(field, exc)
            return None, False

    def year(self) -> int | None:
        value = self.cells["year"][1]  # a header names the year
        number: Any = value
        if isinstance(value, str) and value.strip().isdigit():
            number = int(value.strip())
        elif isinstance(value, float | Decimal) and value == int(value):
            number = int(value)
        if isinstance(number, int) and not isinstance(number, bool) and 1000 <= number <= 9999:
            return number
        if content_text(value) is not None:
            self._bad("year", reason="realisations.year")
        return None


def _code(value: CellValue) -> Code | None:
    text = _read_text(value)
    return None if text is None else Code.parse(text)


def _blank(cells: Mapping[str, tuple[str, CellValue]]) -> bool:
    return all(content_text(value) is None for _, value in cells.values())


def _realisation(reading: _Row, source: str) -> Realisation | None:
    """The row's realisation; None (with findings) where its code or year is missing or
    unreadable, or it states neither a realisation nor rupiah."""
    code, code_ok = reading.read("code", _code)
    year = reading.year()
    year_ok = content_text(reading.cells["year"][1]) is not None
    indicator, _ = reading.read("indicator", _read_text)
    realised, realised_ok = reading.read("realised", lambda v: _read_quantity(v, reading.style))
    money, money_ok = reading.read("realised_rp", lambda v: _read_money(v, reading.style))
    if code is None and code_ok:
        reading.missing(reading.cells["code"][0])
    if not year_ok:
        reading.missing(reading.cells["year"][0])
    if realised is None and money is None:
        if realised_ok and money_ok:
            reading.missing(f"{_heading(reading, 'realised', 'realisasi')} / "
                            f"{_heading(reading, 'realised_rp', 'realisasi_rp')}")
        return None  # nothing to evaluate: what is unreadable is reported
    if code is None or year is None:
        return None
    assert realised is None or isinstance(realised, Quantity)
    rupiah = None if money is None else money if isinstance(money, Decimal) else Decimal(0)
    return Realisation(code, year, indicator, realised, rupiah, reading.number, source)


def _heading(reading: _Row, field: str, default: str) -> str:
    return reading.cells[field][0] if field in reading.cells else default


def _header(cells: Sequence[object]) -> dict[int, tuple[str, str]] | None:
    """The columns a header row names: position → (field, heading); None where it is not
    the header (no code and year, or neither realisation nor rupiah)."""
    found: dict[int, tuple[str, str]] = {}
    for k, cell in enumerate(cells):
        if isinstance(cell, str):
            field = FIELDS.get(heading_key(cell))
            if field is not None and field not in {f for f, _ in found.values()}:
                found[k] = (field, cell.strip())
    fields = {f for f, _ in found.values()}
    if {"code", "year"} <= fields and fields & {"realised", "realised_rp"}:
        return found
    return None


def _rows(records: Iterable[tuple[int, Sequence[CellValue]]], sheet: str, source: str,
          style: Style) -> RealisationFile | None:
    """The realisations of *records* (row number, cells), from the first row that is the
    header; None where none is within :data:`HEADER_ROWS` of the first."""
    columns: dict[int, tuple[str, str]] | None = None
    found: list[Realisation] = []
    findings: list[Finding] = []
    for number, cells in records:
        if columns is None:
            if number > HEADER_ROWS:
                return None
            columns = _header(cells)
            continue
        named = {field: (heading, cells[k] if k < len(cells) else None)
                 for k, (field, heading) in columns.items()}
        if _blank(named):
            continue
        realisation = _realisation(_Row(sheet, number, named, style, findings), source)
        if realisation is not None:
            found.append(realisation)
    if columns is None:
        return None
    return RealisationFile(tuple(found), tuple(findings))


# -- formats ------------------------------------------------------------------------------------


def _decode(raw: bytes, name: str) -> str:
    for bom, codec in ((b"\xef\xbb\xbf", "utf-8-sig"), (b"\xff\xfe", "utf-16"),
                       (b"\xfe\xff", "utf-16")):
        if raw.startswith(bom):
            try:
                return raw.decode(codec).removeprefix("\ufeff")
            except UnicodeDecodeError:
                raise _refuse(name, "realisations.encoding") from None
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        pass
    try:
        return raw.decode("cp1252")
    except UnicodeDecodeError:
        raise _refuse(name, "realisations.encoding") from None


def _records(text: str, delimiter: str) -> Iterator[tuple[int, list[str]]]:
    """The records of the CSV *text*, numbered from 1 as a spreadsheet shows them; a comment
    line (``#`` first) before the header is a record of its own that no header matches."""
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=False)
    yield from enumerate(reader, start=1)


def _delimiter(text: str) -> str:
    """The delimiter whose split of a line before the data makes it the header."""
    for line in text.splitlines()[:HEADER_ROWS]:
        if line.lstrip().startswith("#"):
            continue
        for mark in _DELIMITERS:
            if _header(next(csv.reader([line], delimiter=mark), [])) is not None:
                return mark
    return ","


def parse_csv(text: str, name: str, *, style: Style = "auto") -> RealisationFile:
    """The realisations of the CSV *text* of the file *name*."""
    file = Path(name).name or name
    result = _rows(_records(text, _delimiter(text)), file, file, style)
    if result is None:
        raise _refuse(name, "realisations.no_header")
    return result


def parse_json(text: str, name: str, *, style: Style = "auto") -> RealisationFile:
    """The realisations of the JSON *text* (a list of objects) of the file *name*; each
    object is a row, numbered from 2 (as if the keys were a header row 1)."""
    try:
        data = json.loads(text, parse_float=Decimal)
    except ValueError as exc:
        raise _refuse(name, "realisations.json", why=str(exc)[:200]) from None
    if not isinstance(data, list) or not all(isinstance(item, dict) for item in data):
        raise _refuse(name, "realisations.not_list")
    fields = list(dict.fromkeys(FIELDS[heading_key(k)] for item in data for k in item
                                if isinstance(k, str) and heading_key(k) in FIELDS))
    header: list[CellValue] = [_JSON_HEADINGS[f] for f in fields]
    records: list[tuple[int, Sequence[CellValue]]] = [(1, header)]
    for number, item in enumerate(data, start=2):
        by_field: dict[str, object] = {}
        for key, value in item.items():
            by_field.setdefault(FIELDS.get(heading_key(key), ""), value)
        records.append((number, [_json_cell(by_field.get(f)) for f in fields]))
    file = Path(name).name or name
    result = _rows(records, file, file, style)
    if result is None:
        if not data:
            return RealisationFile((), ())
        raise _refuse(name, "realisations.no_header")
    return result


def _json_cell(value: object) -> CellValue:
    if value is None or isinstance(value, str | int | Decimal | bool):
        return value
    return json.dumps(value, ensure_ascii=False)


def parse_xlsx(raw: bytes, name: str, *, style: Style = "auto") -> RealisationFile:
    """The realisations of the workbook *raw* of the file *name*: the first sheet with the
    header."""
    with open_workbook(raw, name, error=_error, hint=EXCEL_HINT, max_rows=MAX_ROWS,
                       max_columns=MAX_COLUMNS) as workbook:
        for sheet in workbook.sheets:
            rows = ((row.number, [_cell_value(c) for c in row.cells])
                    for row in workbook.rows(sheet))
            result = _rows(rows, sheet, Path(name).name or name, style)
            if result is not None:
                return result
    raise _refuse(name, "realisations.no_header")


def read_realisations(path: str | os.PathLike[str], *, style: Style = "auto") -> RealisationFile:
    """The realisations of the file at *path*, by its suffix: ``.xlsx``/``.xlsm`` a workbook,
    ``.json`` JSON, ``.csv``/``.tsv``/``.txt`` CSV."""
    file = Path(path)
    name = str(file)
    suffix = file.suffix.casefold()
    if suffix not in (".csv", ".tsv", ".txt", ".json", ".xlsx", ".xlsm"):
        raise _refuse(name, "realisations.suffix")
    raw = read_bounded(file, MAX_BYTES, _error)
    if suffix in (".xlsx", ".xlsm"):
        return parse_xlsx(raw, name, style=style)
    text = _decode(raw, name)
    if suffix == ".json":
        return parse_json(text, name, style=style)
    return parse_csv(text, name, style=style)


def to_csv(rows: Iterable[Realisation], *, delimiter: str = ",") -> str:
    """*rows* as a realisation CSV file that :func:`parse_csv` reads back: the headings of
    :data:`HEADINGS`, numbers as plain decimals, a quantity with its unit."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=delimiter, lineterminator="\n")
    writer.writerow(HEADINGS)
    for r in rows:
        writer.writerow([str(r.code), r.year, r.indicator or "",
                         "" if r.realised is None else _quantity(r.realised),
                         "" if r.realised_rp is None else _plain(r.realised_rp)])
    return buffer.getvalue()


def _plain(value: Decimal) -> str:
    """*value* as a plain decimal that reads back as itself: three decimal places, which
    read as a thousands group (``25.325``), are written with a fourth (``25.3250``)."""
    text = format(value, "f")
    places = text.partition(".")[2]
    return f"{text}0" if len(places) == 3 else text


def _quantity(value: Quantity) -> str:
    parts = []
    for figure in value.figures():
        text = "-" if not isinstance(figure.amount, Decimal) else _plain(figure.amount)
        if figure.unit:
            text += f" {figure.unit}"
        if figure.percent is not None:
            text += f" ({_plain(figure.percent)} %)"
        parts.append(text)
    return " ".join(parts)

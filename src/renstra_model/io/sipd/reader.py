"""Reading a SIPD export, CSV or SIPD JSON, into its plans: :func:`.read_sipd` for a file,
:func:`.read_sipd_rows` for rows already parsed, :func:`.read_sipd_json` for a ``.json`` file
that may be a plan file instead; what they read is a :class:`.SipdExport`.
"""

from __future__ import annotations

import functools
import json
import os
from collections.abc import Iterable, Mapping, Sequence
from decimal import Decimal
from pathlib import PurePath
from typing import Any, Final

from attrs import field, frozen

from ...errors import Problem
from ...files import read_bounded
from ...messages import Lang, extend
from ...model._fields import to_tuple
from ...model.nomenclature import Nomenclature
from ...model.provenance import Reading, ReadingNote
from ...model.values import MAX_TEXT
from ..parsing import Style, check_style
from .dialect import (
    Dialect,
    SipdError,
    check_delimiter,
    decode,
    detect_delimiter,
    file_error,
    normal_name,
    records,
)
from .fields import KNOWN, REQUIRED, kind_of
from .plans import RowReader, SipdPlan

MAX_FILE_BYTES: Final = 256 * 1024 * 1024
"""The largest export :func:`.read_sipd` reads (a province's Renstra, every agency of every
region, is some tens of MiB)."""
MAX_ROWS: Final = 1_000_000
"""The most rows of an export that are read; an export with more is refused."""
HEAD_BYTES: Final = 512
"""How many bytes of a ``.json`` file :func:`.read_sipd_json` looks at for the plan file's
``format_version`` before it parses the file."""

extend({
    "sipd.missing_columns": {
        "en": "{file} lacks the required column(s) {columns} (an export states kodepemda, "
              "kodeskpd, idperiode, kodeprogram, kodekegiatan, kodesubkegiatan, and pagu1 … "
              "for each year of its period)",
        "id": "{file} tidak memiliki kolom wajib {columns} (ekspor menyatakan kodepemda, "
              "kodeskpd, idperiode, kodeprogram, kodekegiatan, kodesubkegiatan, dan pagu1 … "
              "untuk setiap tahun periodenya)",
    },
    "sipd.duplicate_column": {
        "en": "the header names the column {column!r} twice (columns {first} and {second})",
        "id": "kepala tabel menyebut kolom {column!r} dua kali (kolom {first} dan {second})",
    },
    "sipd.json_shape": {
        "en": "{file} is JSON, but not a SIPD export: an object with a \"data\" list of rows "
              "(and no format_version, which a plan file states)",
        "id": "{file} berformat JSON, tetapi bukan ekspor SIPD: objek dengan daftar baris "
              "\"data\" (tanpa format_version, yang dinyatakan berkas rencana)",
    },
    "sipd.no_plans": {
        "en": "no plan could be read from {file}: no row states a kodepemda, a kodeskpd, a "
              "period and a sub kegiatan code that can be read",
        "id": "tidak ada rencana yang dapat dibaca dari {file}: tidak ada baris yang "
              "menyatakan kodepemda, kodeskpd, periode dan kode sub kegiatan yang dapat dibaca",
    },
    "sipd.too_many_rows": {
        "en": "{file} has more than {limit} rows; it is not read",
        "id": "{file} memiliki lebih dari {limit} baris; tidak dibaca",
    },
    "sipd.summary": {
        "en": "{file}: {rows} rows, {plans} plans; read as {dialect}",
        "id": "{file}: {rows} baris, {plans} rencana; dibaca sebagai {dialect}",
    },
    "sipd.ignored": {
        "en": "{file}: fields not read, which the model has no place for: {fields}",
        "id": "{file}: isian yang tidak dibaca, yang tidak memiliki tempat dalam model: "
              "{fields}",
    },
})


@frozen
class SipdExport:
    """What :func:`.read_sipd` read: the plans, one per Perangkat Daerah in the order of their
    first rows, and how the file was read."""

    source: str
    """The file (or the name given to rows read in Python)."""
    plans: tuple[SipdPlan, ...] = field(converter=to_tuple)
    """The plans, each with its agency's codes and the rows read into it."""
    rows: int
    """The rows of the export that hold something (the header and blank lines not
    counted)."""
    read_as: Dialect
    """The encoding, delimiter and number style the rows were read with."""
    ignored: tuple[str, ...] = field(default=(), converter=to_tuple)
    """The columns or fields that are not the model's (``idoutcome``, ``lokasi`` …), each
    named once as the file writes it; they are not read."""
    unplaced: tuple[ReadingNote, ...] = field(default=(), converter=to_tuple)
    """The notes of the rows that belong to no plan (no kodepemda or kodeskpd, or no row of
    its agency could be read); each is also a note of a plan (the first of its region, else
    the first of the file)."""

    @property
    def encoding(self) -> str | None:
        """The codec the file was decoded with (``utf-8``, ``utf-8-sig``, ``cp1252``…)."""
        return self.read_as.encoding

    @property
    def delimiter(self) -> str | None:
        """The CSV delimiter; None for JSON."""
        return self.read_as.delimiter

    @property
    def dialect(self) -> str:
        """How the file was read, in English (:meth:`describe` in either language)."""
        return self.read_as.describe("en")

    def describe(self, lang: Lang | None = None) -> str:
        """The summary line of the reading: ``sipd.csv: 12 rows, 3 plans; read as CSV, …``."""
        from ...messages import render

        return render("sipd.summary", {"file": self.source, "rows": self.rows,
                                       "plans": len(self.plans),
                                       "dialect": self.read_as.describe(lang)}, lang)

    def describe_ignored(self, lang: Lang | None = None) -> str | None:
        """The line naming the fields not read, or None when every field is read."""
        from ...messages import render

        if not self.ignored:
            return None
        return render("sipd.ignored", {"file": self.source, "fields": ", ".join(self.ignored)},
                      lang)


def _sheet(source: str) -> str:
    return PurePath(source).name or source or "data"


def _finish(reader: RowReader, rows: int, dialect: Dialect, ignored: Sequence[str],
            strict: bool) -> SipdExport:
    plans, unplaced = reader.finish()
    if strict:
        unread = [n for p in plans for n in p.plan.reading if n.reading is Reading.UNREAD]
        if unread:
            raise SipdError([Problem(n.place, n.key, n.params) for n in unread], reader.source)
    return SipdExport(reader.source, plans, rows, dialect, ignored, unplaced)


def _columns_error(source: str, missing: Sequence[str]) -> SipdError:
    return file_error(source, "sipd.missing_columns", columns=", ".join(missing))


def _json_text(value: object) -> str:
    if isinstance(value, str):
        return value
    return json.dumps(value, ensure_ascii=False, default=str)


def _content(item: Mapping[Any, object]) -> str | None:
    parts = [f"{k}={_json_text(v)}" for k, v in item.items()
             if v is not None and not (isinstance(v, str) and not v.strip())]
    return " | ".join(parts)[:MAX_TEXT] or None


def read_sipd_rows(
    rows: Iterable[object],
    *,
    source: str,
    sheet: str = "data",
    style: Style = "en",
    nomenclature: Nomenclature | None = None,
    strict: bool = False,
    dialect: Dialect | None = None,
) -> SipdExport:
    """The plans of *rows*, each a mapping of a SIPD export's field names (in any case) to
    values: text, numbers (int, :class:`~decimal.Decimal`; a float is read as its shortest
    text), or None for an empty field, as SIPD-RI's JSON answer gives them under ``data``.

    A row is numbered by its place in *rows*, from 1, and its notes name *sheet*. *source*
    names the export in errors; *style* is how the text of numbers is read (``"en"``: a
    decimal point); *nomenclature* names the programs and kegiatan no row names; with
    *strict*, content that cannot be read fails the export (:class:`.SipdError`) instead of
    being noted. The required fields are those of :func:`.read_sipd`; a field no row states
    counts as missing. *dialect* is what the summary says the rows were read as.
    """
    check_style(style)
    items = list(rows)
    if len(items) > MAX_ROWS:
        raise file_error(source, "sipd.too_many_rows", limit=MAX_ROWS)
    seen: dict[str, str] = {}
    for item in items:
        if isinstance(item, Mapping):
            for key in item:
                seen.setdefault(normal_name(str(key)), str(key))
    missing = [c for c in REQUIRED if c not in seen]
    if missing:
        raise _columns_error(source, missing)
    reader = RowReader(source=source, sheet=sheet, columns=frozenset(seen), style=style,
                       nomenclature=nomenclature)
    count = 0
    for number, item in enumerate(items, start=1):
        if not isinstance(item, Mapping):
            if item is not None:
                count += 1
                reader.not_a_row(number, kind_of(item), _json_text(item)[:MAX_TEXT])
            continue
        fields = {n: v for k, v in item.items() if (n := normal_name(str(k))) in KNOWN}
        if not any(v is not None and not (isinstance(v, str) and not v.strip())
                   for v in item.values()):
            continue
        count += 1
        reader.read(number, fields, functools.partial(_content, item))
    ignored = [name for key, name in seen.items() if key not in KNOWN]
    return _finish(reader, count, dialect or Dialect("rows", style=style), ignored, strict)


def _read_csv(text: str, source: str, delimiter: str, style: Style,
              nomenclature: Nomenclature | None, strict: bool, dialect: Dialect) -> SipdExport:
    lines = records(text, delimiter, source)
    first = next(lines, None)
    header = first[1] if first is not None else []
    names = [normal_name(c) for c in header]
    where: dict[str, int] = {}
    for index, name in enumerate(names):
        if name in where:
            raise SipdError([Problem(f"'{_sheet(source)}'!1", "sipd.duplicate_column",
                                     {"column": header[index].strip(),
                                      "first": where[name] + 1, "second": index + 1})], source)
        if name:
            where[name] = index
    missing = [c for c in REQUIRED if c not in where]
    if missing:
        raise _columns_error(source, missing)
    known = [(i, n) for i, n in enumerate(names) if n in KNOWN]
    width = len(names)
    unnamed = [i for i, n in enumerate(names) if not n]
    reader = RowReader(source=source, sheet=_sheet(source), columns=frozenset(where),
                       style=style, nomenclature=nomenclature)
    count = 0
    for number, cells in lines:
        if not any(c.strip() for c in cells):
            continue
        if number > MAX_ROWS + 1:
            raise file_error(source, "sipd.too_many_rows", limit=MAX_ROWS)
        count += 1
        size = len(cells)
        fields = {n: cells[i] for i, n in known if i < size}
        extra = [c for c in (*(cells[i] for i in unnamed if i < size), *cells[width:])
                 if c.strip()] if unnamed or size > width else []

        def content(cells: list[str] = cells) -> str | None:
            parts = [f"{(header[i].strip() if i < width else '') or f'#{i + 1}'}={c}"
                     for i, c in enumerate(cells) if c.strip()]
            return " | ".join(parts)[:MAX_TEXT] or None

        reader.read(number, fields, content, extra)
    ignored = [header[i].strip() for i, n in enumerate(names) if n and n not in KNOWN]
    return _finish(reader, count, dialect, ignored, strict)


def _is_json(raw: bytes) -> bool:
    return raw.removeprefix(b"\xef\xbb\xbf").lstrip()[:1] in (b"{", b"[")


def _is_export(data: object) -> bool:
    return (isinstance(data, dict) and isinstance(data.get("data"), list)
            and "format_version" not in data)


def _parse_json(text: str, source: str) -> object:
    try:
        return json.loads(text, parse_float=Decimal, parse_constant=str)
    except json.JSONDecodeError as exc:
        raise SipdError([Problem("", "json.syntax", {"line": exc.lineno, "column": exc.colno,
                                                     "why": exc.msg})], source) from None
    except RecursionError:
        raise SipdError([Problem("", "json.depth", {"limit": "Python's"})], source) from None
    except ValueError as exc:  # a number of more digits than Python converts
        raise SipdError([Problem("", "json.syntax", {"line": "?", "column": "?",
                                                     "why": str(exc)})], source) from None


def _from_json(data: object, source: str, encoding: str, encoding_given: bool,
               style: Style | None, nomenclature: Nomenclature | None,
               strict: bool) -> SipdExport:
    if not _is_export(data):
        raise file_error(source, "sipd.json_shape")
    assert isinstance(data, dict)
    chosen = style or "en"
    dialect = Dialect("json", encoding, None, chosen, encoding_given=encoding_given)
    return read_sipd_rows(data["data"], source=source, sheet="data", style=chosen,
                          nomenclature=nomenclature, strict=strict, dialect=dialect)


def _raw(path: str | os.PathLike[str], max_bytes: int) -> bytes:
    return read_bounded(path, max_bytes, SipdError)


def read_sipd(
    path: str | os.PathLike[str],
    *,
    delimiter: str | None = None,
    encoding: str | None = None,
    style: Style | None = None,
    nomenclature: Nomenclature | None = None,
    strict: bool = False,
    max_bytes: int = MAX_FILE_BYTES,
) -> SipdExport:
    """The plans of the SIPD export at *path*: a CSV file (one row per sub kegiatan
    indicator) or SIPD-RI's JSON answer (``{"data": [row, ...]}``), told apart by content.

    * *delimiter*, *encoding*: the CSV's delimiter (``,``, ``;``, ``tab``…) and the file's
      encoding, where detection does not settle them (:mod:`~renstra_model.io.sipd.dialect`).
    * *style*: how the text of numbers is read (default: a decimal point, or in a
      semicolon-separated file the ``auto`` style, which reads a decimal comma).
    * *nomenclature*: names the programs and kegiatan that no row names.
    * *strict*: fail when content cannot be read, instead of noting it in the plan.

    Required columns: kodepemda, kodeskpd, idperiode, kodeprogram, kodekegiatan,
    kodesubkegiatan, and pagu1 … for each year of the period; a
    :class:`.SipdError` names the missing ones. At most *max_bytes* are read.
    """
    source = os.fspath(path)
    mark = check_delimiter(delimiter) if delimiter is not None else None
    if style is not None:
        check_style(style)
    raw = _raw(path, max_bytes)
    if _is_json(raw):
        text, codec = decode(raw, source, encoding)
        return _from_json(_parse_json(text, source), source, codec, encoding is not None,
                          style, nomenclature, strict)
    text, codec = decode(raw, source, encoding)
    if mark is None:
        mark = detect_delimiter(text, source, KNOWN)
    chosen: Style = style or ("auto" if mark == ";" else "en")
    dialect = Dialect("csv", codec, mark, chosen, encoding_given=encoding is not None,
                      delimiter_given=delimiter is not None)
    return _read_csv(text, source, mark, chosen, nomenclature, strict, dialect)


def read_sipd_json(
    path: str | os.PathLike[str],
    *,
    encoding: str | None = None,
    style: Style | None = None,
    nomenclature: Nomenclature | None = None,
    strict: bool = False,
    max_bytes: int = MAX_FILE_BYTES,
) -> SipdExport | None:
    """The export of the JSON file at *path* if it is a SIPD export (an object with a
    ``data`` list and no ``format_version``), else None (a plan file, or a file the plan
    file's reader explains). A file whose first
    :data:`~renstra_model.io.sipd.reader.HEAD_BYTES` bytes hold the plan file's
    ``"format_version"`` is not parsed here."""
    source = os.fspath(path)
    try:
        with open(path, "rb") as handle:
            head = handle.read(HEAD_BYTES)
    except OSError:
        return None
    if b'"format_version"' in head or not _is_json(head):
        return None
    raw = _raw(path, max_bytes)
    try:
        text, codec = decode(raw, source, encoding)
        data = _parse_json(text, source)
    except SipdError:
        return None
    if not _is_export(data):
        return None
    return _from_json(data, source, codec, encoding is not None, style, nomenclature, strict)

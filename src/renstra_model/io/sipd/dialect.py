"""How a SIPD export is written: its encoding and, for CSV, its delimiter and number style,
detected from its bytes and never guessed silently (:class:`.Dialect`), and its records,
numbered as a spreadsheet numbers its rows.

* **Encoding.** A byte order mark says it (UTF-8, UTF-16); else text that is valid UTF-8 is
  UTF-8; else Windows-1252, the encoding Excel writes on an Indonesian or English Windows, and
  the dialect says so. Bytes that are none of these ask for the encoding (``--encoding``).
* **Delimiter.** The header line is split by a comma, a semicolon and a tab: the one
  delimiter that splits it into at least two of the export's column names is the file's. A
  header that reads as columns with two of them, or with none, asks for the delimiter
  (``--delimiter``).
* **Numbers.** A comma- or tab-separated file writes a decimal point (``177582000.0``); a
  semicolon-separated file is what Excel writes in the Indonesian locale, with a decimal
  comma (``177582000,00``) and perhaps dots grouping thousands: it is read in the ``auto``
  style, and a number with a single mark before three digits (``150.000``), which has two
  readings, is reported, not guessed.
"""

from __future__ import annotations

import codecs
import csv
import io
from collections.abc import Collection, Iterator
from typing import Final, Literal

from attrs import frozen

from ...errors import InvalidPlanError, Problem
from ...messages import Lang, extend, render, resolve_lang
from ..parsing import Style

Kind = Literal["csv", "json", "rows"]
"""What the rows came from: a CSV file, a SIPD JSON file, or rows given in Python."""

DELIMITERS: Final = (",", ";", "\t")
"""The delimiters the header is tried with, in this order."""

_BOMS: Final = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

extend({
    "sipd.encoding": {
        "en": "{file} is neither UTF-8 nor Windows-1252 text (byte {position}): give its "
              "encoding (--encoding)",
        "id": "{file} bukan teks UTF-8 maupun Windows-1252 (bita ke-{position}): berikan "
              "penyandiannya (--encoding)",
    },
    "sipd.decode": {
        "en": "{file} is not {encoding} text (byte {position}): give its encoding (--encoding)",
        "id": "{file} bukan teks {encoding} (bita ke-{position}): berikan penyandiannya "
              "(--encoding)",
    },
    "sipd.encoding_unknown": {
        "en": "{encoding!r} is not an encoding (utf-8, cp1252, latin-1, utf-16 …)",
        "id": "{encoding!r} bukan penyandian (utf-8, cp1252, latin-1, utf-16 …)",
    },
    "sipd.delimiter": {
        "en": "{value!r} is not a delimiter: one character, not a quote, a line end, a space "
              "or a letter or digit (',', ';', 'tab')",
        "id": "{value!r} bukan pemisah: satu karakter, bukan tanda kutip, akhir baris, spasi, "
              "huruf atau angka (',', ';', 'tab')",
    },
    "sipd.no_header": {
        "en": "the first line of {file} is not the header of a SIPD export (kodepemda, "
              "kodeskpd, idperiode, kodeprogram, kodekegiatan, kodesubkegiatan, pagu1 …) in "
              "columns separated by a comma, a semicolon or a tab: give the delimiter "
              "(--delimiter) if it is another",
        "id": "baris pertama {file} bukan kepala tabel ekspor SIPD (kodepemda, kodeskpd, "
              "idperiode, kodeprogram, kodekegiatan, kodesubkegiatan, pagu1 …) dengan kolom "
              "yang dipisah koma, titik koma atau tab: berikan pemisahnya (--delimiter) bila "
              "lain",
    },
    "sipd.ambiguous_delimiter": {
        "en": "the header of {file} reads as the columns of a SIPD export separated by {first} "
              "and by {second}: give the delimiter (--delimiter)",
        "id": "kepala tabel {file} terbaca sebagai kolom ekspor SIPD yang dipisah {first} "
              "maupun {second}: berikan pemisahnya (--delimiter)",
    },
    "sipd.csv": {
        "en": "the CSV cannot be read at row {row}: {why}",
        "id": "CSV tidak dapat dibaca pada baris {row}: {why}",
    },
    "sipd.dialect.csv": {
        "en": "CSV, {delimiter}, {encoding}, numbers with {numbers}",
        "id": "CSV, {delimiter}, {encoding}, angka dengan {numbers}",
    },
    "sipd.dialect.json": {
        "en": "SIPD JSON (the rows under \"data\"), {encoding}, numbers as written",
        "id": "JSON SIPD (baris di bawah \"data\"), {encoding}, angka sebagaimana tertulis",
    },
    "sipd.dialect.rows": {
        "en": "rows given in Python, numbers with {numbers}",
        "id": "baris yang diberikan di Python, angka dengan {numbers}",
    },
})

_DELIMITER_NAMES: Final[dict[Lang, dict[str, str]]] = {
    "en": {",": "comma-separated", ";": "semicolon-separated", "\t": "tab-separated"},
    "id": {",": "dipisah koma", ";": "dipisah titik koma", "\t": "dipisah tab"},
}
_ENCODING_NAMES: Final[dict[Lang, dict[str, str]]] = {
    "en": {"utf-8": "UTF-8", "utf-8-sig": "UTF-8 with a byte order mark",
           "utf-16": "UTF-16 with a byte order mark",
           "cp1252": "Windows-1252 (the file is not valid UTF-8)"},
    "id": {"utf-8": "UTF-8", "utf-8-sig": "UTF-8 dengan penanda urutan bita (BOM)",
           "utf-16": "UTF-16 dengan penanda urutan bita (BOM)",
           "cp1252": "Windows-1252 (berkas bukan UTF-8 yang sah)"},
}
_NUMBER_NAMES: Final[dict[Lang, dict[str, str]]] = {
    "en": {"en": "a decimal point", "id": "a decimal comma",
           "auto": "a decimal comma or point (a number with two readings is reported)"},
    "id": {"en": "titik desimal", "id": "koma desimal",
           "auto": "koma atau titik desimal (angka yang bermakna ganda dilaporkan)"},
}
_GIVEN: Final[dict[Lang, str]] = {"en": "as given", "id": "sesuai yang diberikan"}
_SEPARATED: Final[dict[Lang, str]] = {"en": "separated by {c!r}", "id": "dipisah {c!r}"}


class SipdError(InvalidPlanError):
    """A SIPD export cannot be read: its encoding or delimiter is not settled, its header
    lacks a required column, it is not a SIPD export, no plan could be read from it, or (with
    ``strict=True``) some of its content cannot be read; each problem names its place."""


def file_error(file: str, key: str, path: str = "", **params: object) -> SipdError:
    """The error of one problem of *file*, whose params name the ``file``."""
    return SipdError([Problem(path, key, {"file": file, **params})], file)


@frozen
class Dialect:
    """How the rows of an export were read, for the import summary (:meth:`describe`)."""

    kind: Kind
    encoding: str | None = None
    """The codec the bytes were decoded with (``utf-8``, ``utf-8-sig``, ``cp1252``,
    ``utf-16``, or the one given); None for rows given in Python."""
    delimiter: str | None = None
    """The CSV delimiter; None for JSON and rows given in Python."""
    style: Style = "en"
    """How the text of numbers was read (:data:`~renstra_model.io.parsing.Style`)."""
    encoding_given: bool = False
    delimiter_given: bool = False

    def describe(self, lang: Lang | None = None) -> str:
        """The dialect in a line: ``CSV, semicolon-separated, UTF-8 with a byte order mark,
        numbers with a decimal comma or point (…)``."""
        lang = resolve_lang(lang)
        numbers = _NUMBER_NAMES[lang][self.style]
        if self.kind == "rows":
            return render("sipd.dialect.rows", {"numbers": numbers}, lang)
        encoding = _ENCODING_NAMES[lang].get(self.encoding or "", self.encoding or "-")
        if self.encoding_given:
            encoding = f"{self.encoding} ({_GIVEN[lang]})"
        if self.kind == "json":
            return render("sipd.dialect.json", {"encoding": encoding}, lang)
        mark = self.delimiter or ","
        delimiter = _DELIMITER_NAMES[lang].get(mark) or _SEPARATED[lang].format(c=mark)
        if self.delimiter_given:
            delimiter = f"{delimiter} ({_GIVEN[lang]})"
        return render("sipd.dialect.csv", {"delimiter": delimiter, "encoding": encoding,
                                           "numbers": numbers}, lang)


def check_delimiter(value: str) -> str:
    """*value* as a delimiter (``tab`` and ``\\t`` are a tab), or a :class:`.SipdError`."""
    mark = "\t" if value in ("tab", "\\t", "TAB") else value
    if len(mark) != 1 or mark in "\"'\r\n " or mark.isalnum():
        raise SipdError([Problem("", "sipd.delimiter", {"value": value})])
    return mark


def check_encoding(value: str) -> str:
    """*value* if Python knows it as an encoding, else a :class:`.SipdError`."""
    try:
        codecs.lookup(value)
    except LookupError:
        raise SipdError([Problem("", "sipd.encoding_unknown", {"encoding": value})]) from None
    return value


def decode(raw: bytes, file: str, encoding: str | None = None) -> tuple[str, str]:
    """The text of *raw* and the codec it was read with: *encoding* when given, else the one
    its byte order mark states, else UTF-8, else Windows-1252; a :class:`.SipdError` asks for
    the encoding where none of these reads it. A leading byte order mark is not part of the
    text."""
    if encoding is not None:
        check_encoding(encoding)
        try:
            return raw.decode(encoding).removeprefix("\ufeff"), encoding
        except UnicodeDecodeError as exc:
            raise file_error(file, "sipd.decode", encoding=encoding, position=exc.start) from None
    for bom, codec in _BOMS:
        if raw.startswith(bom):
            try:
                return raw.decode(codec).removeprefix("\ufeff"), codec
            except UnicodeDecodeError as exc:
                raise file_error(file, "sipd.decode", encoding=codec,
                                 position=exc.start) from None
    try:
        return raw.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as exc:
        first = exc.start
    try:
        return raw.decode("cp1252"), "cp1252"
    except UnicodeDecodeError as exc:
        raise file_error(file, "sipd.encoding", position=max(first, exc.start)) from None


def normal_name(name: str) -> str:
    """A column's name as the reader matches it: without spaces around it and a byte order
    mark, in lower case (``KodePemda`` is ``kodepemda``)."""
    return name.strip().removeprefix("\ufeff").strip().lower()


def _first_line(text: str) -> str:
    end = len(text)
    for mark in ("\n", "\r"):
        at = text.find(mark)
        if at != -1:
            end = min(end, at)
    return text[:end]


def detect_delimiter(text: str, file: str, known: Collection[str]) -> str:
    """The delimiter that splits the first line of *text* into at least two of the *known*
    column names, where exactly one of :data:`DELIMITERS` does; else a :class:`.SipdError`
    asking for it (``--delimiter``)."""
    line = _first_line(text)
    found: list[str] = []
    for mark in DELIMITERS:
        fields = next(csv.reader([line], delimiter=mark), [])
        if sum(normal_name(f) in known for f in fields) >= 2:
            found.append(mark)
    if len(found) == 1:
        return found[0]
    if not found:
        raise file_error(file, "sipd.no_header", f"'{_sheet(file)}'!1")
    first, second = (repr(m) if m != "\t" else "tab" for m in found[:2])
    raise file_error(file, "sipd.ambiguous_delimiter", f"'{_sheet(file)}'!1",
                     first=first, second=second)


def _sheet(file: str) -> str:
    from pathlib import PurePath

    return (PurePath(file).name or file).replace("'", "''")


def records(text: str, delimiter: str, file: str) -> Iterator[tuple[int, list[str]]]:
    """The records of the CSV *text*, each with its number counting the header as row 1 (a
    record whose quoted field holds line breaks is one row, as a spreadsheet shows it). A
    record the csv module cannot read raises a :class:`.SipdError` with its row."""
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=False)
    number = 0
    while True:
        try:
            cells = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            raise file_error(file, "sipd.csv", f"'{_sheet(file)}'!{number + 1}",
                             row=number + 1, why=str(exc)) from None
        number += 1
        yield number, cells

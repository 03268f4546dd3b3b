"""The one way the library opens an ``.xlsx`` workbook, for every reader of spreadsheets (the
plan's T-C.27 sheet, the nomenclature's decree): the file is read once, bounded in size
(:func:`read_workbook_file`); the zip is checked before any XML is parsed (its declared
unpacked size and its number of parts, against zip bombs); openpyxl reads it in read-only
mode with defusedxml, which refuses entity declarations (XML bombs) and external entities;
and each sheet's XML is scanned first for content below the rows that are read, which
openpyxl would otherwise reach by padding every row in between.

Every failure is raised as the caller's error (a
:data:`~renstra_model.files.FileError`, as :func:`~renstra_model.files.read_bounded` calls
it) with the file's name and one problem: ``excel.old_format``, ``excel.not_workbook``,
``excel.unpacked_size``, ``excel.refused_xml``, ``excel.unreadable`` for the file,
``excel.too_many_rows`` for a sheet (its params also hold the ``sheet`` and the ``row``),
and the ``file.…`` problems of the bounded read. A missing openpyxl or defusedxml raises
:class:`~renstra_model.errors.MissingExtraError` with the caller's hint.
"""

from __future__ import annotations

import contextlib
import importlib
import io
import itertools
import os
import re
import stat
import warnings
import zipfile
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any, Final

from attrs import field, frozen

from ..errors import MissingExtraError, Problem, RenstraError
from ..files import FileError, read_bounded
from ..messages import extend

MAX_UNCOMPRESSED_BYTES: Final = 128 * 1024 * 1024
"""The largest total size of the parts of a workbook once unpacked (against zip bombs)."""
MAX_PARTS: Final = 2_000
"""The most parts (files inside the zip) a workbook may have."""

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
})


def load_openpyxl(hint: str) -> Any:
    """The openpyxl module, once it is known to parse with defusedxml; without openpyxl or
    defusedxml, :class:`~renstra_model.errors.MissingExtraError` with *hint*."""
    try:
        openpyxl = importlib.import_module("openpyxl")
        importlib.import_module("defusedxml")
    except ImportError:
        raise MissingExtraError(hint) from None
    if not getattr(openpyxl, "DEFUSEDXML", False):
        raise MissingExtraError(
            "openpyxl does not use defusedxml (is OPENPYXL_DEFUSEDXML set to False?): "
            "workbooks are not read without protection against XML bombs"
        )
    return openpyxl


def _refuse(error: FileError, name: str, key: str, **params: Any) -> Exception:
    return error([Problem("", key, {"file": name, **params})], name)


def read_workbook_file(
    path: str | os.PathLike[str], max_bytes: int, error: FileError
) -> bytes:
    """The bytes of the workbook at *path*, at most *max_bytes* of them: an ``.xls`` file
    (``excel.old_format``) and anything but a regular file are refused before reading, and
    the read is :func:`~renstra_model.files.read_bounded`."""
    file = Path(path)
    name = str(file)
    if file.suffix.casefold() == ".xls":
        raise _refuse(error, name, "excel.old_format")
    try:
        mode = file.stat().st_mode
    except FileNotFoundError:
        raise _refuse(error, name, "file.missing") from None
    except OSError as exc:
        raise _refuse(error, name, "file.unreadable", why=exc.strerror or str(exc)) from None
    if not stat.S_ISREG(mode):
        raise _refuse(error, name, "file.unreadable", why="not_regular")
    return read_bounded(file, max_bytes, error)


def _check_zip(data: bytes, name: str, error: FileError) -> None:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            parts = archive.infolist()
    except Exception as exc:  # noqa: BLE001 - zipfile fails on damaged files in many ways
        # (BadZipFile, EOFError, and an error of its own for a zip version it cannot read)
        why = f"{type(exc).__name__}: {exc}"[:200]
        raise _refuse(error, name, "excel.not_workbook", why=why) from None
    unpacked = sum(p.file_size for p in parts)
    if unpacked > MAX_UNCOMPRESSED_BYTES or len(parts) > MAX_PARTS:
        raise _refuse(error, name, "excel.unpacked_size", size=unpacked, parts=len(parts),
                      limit=MAX_UNCOMPRESSED_BYTES, parts_limit=MAX_PARTS)


_DEFUSED_ERRORS: Final = ("EntitiesForbidden", "DTDForbidden", "ExternalReferenceForbidden",
                          "NotSupportedError", "DefusedXmlException")


def _unreadable(error: FileError, name: str, exc: BaseException) -> Exception:
    kind = type(exc).__name__
    if any(type(e).__name__ in _DEFUSED_ERRORS for e in (exc, exc.__cause__, exc.__context__)):
        return _refuse(error, name, "excel.refused_xml", why=kind)
    text = str(exc)[:200]
    return _refuse(error, name, "excel.unreadable", why=f"{kind}: {text}" if text else kind)


# -- cells and rows -----------------------------------------------------------------------------


@frozen
class Cell:
    """One cell as the file stores it."""

    value: object = None
    """The value the spreadsheet program saved (for a formula, the value it computed; None
    when the file holds none)."""
    error: bool = False
    """The cell holds a spreadsheet error; *value* is its code (``#DIV/0!``)."""
    formula: str | None = None
    """The formula, when the workbook was opened with ``formulas=True`` and the cell has one."""
    number_format: str | None = None
    """The number format of a number cell (``0.00%``)."""


EMPTY: Final = Cell()
"""Every empty cell."""


@frozen
class Row:
    """One row of a sheet, its cells cut to the columns that are read."""

    number: int
    """The row, counted from 1 as the spreadsheet numbers it."""
    cells: tuple[Cell, ...]
    beyond: int | None = None
    """The (0-based) column of the first content right of the columns that are read."""


def _cell(value_cell: Any, formula_cell: Any) -> Cell:
    """One cell, from the values pass and (when there is one) the formulas pass."""
    value = getattr(value_cell, "value", None)
    formula: str | None = None
    if getattr(formula_cell, "data_type", None) == "f":
        stated = getattr(formula_cell, "value", None)
        text = stated if isinstance(stated, str) else getattr(stated, "text", None)
        formula = str(text or "=")
    if value is None and formula is None:
        return EMPTY
    error = getattr(value_cell, "data_type", None) == "e"
    number_format = None
    if isinstance(value, int | float) and not isinstance(value, bool):
        stated_format = getattr(value_cell, "number_format", None)
        number_format = stated_format if isinstance(stated_format, str) else None
    return Cell(value, error, formula, number_format)


_REFERENCE: Final = re.compile(r"([A-Z]{1,3})([0-9]{1,15})")


def _column_number(letters: str) -> int:
    number = 0
    for letter in letters:
        number = number * 26 + ord(letter) - ord("A") + 1
    return number


@frozen(eq=False)
class Workbook:
    """An open workbook: its sheets' names and their rows, within the bounds it was opened
    with. Made by :func:`open_workbook`, and open while its block runs."""

    name: str
    """The file, as the caller named it."""
    max_rows: int
    max_columns: int
    _data: bytes = field(repr=False)
    _books: tuple[Any, ...] = field(repr=False)
    """The openpyxl workbooks: the values pass, then the formulas pass if there is one."""
    _error: FileError = field(repr=False)

    @property
    def sheets(self) -> tuple[str, ...]:
        """The names of the worksheets (not of chart sheets), in the workbook's order."""
        return tuple(ws.title for ws in self._books[0].worksheets)

    def rows(self, sheet: str) -> Iterator[Row]:
        """The rows of *sheet* from row 1 (empty ones included), at most ``max_rows`` of
        them, each of ``max_columns`` cells. Content below ``max_rows`` raises the
        caller's error (``excel.too_many_rows``) before any row is given; a row with content
        right of the columns read says where (``Row.beyond``)."""
        values = self._books[0][sheet]
        formulas = self._books[1][sheet] if len(self._books) > 1 else None
        part = getattr(values, "_worksheet_path", None)
        far = self._scan(part, sheet) if isinstance(part, str) else {}
        limits = {"max_row": self.max_rows, "max_col": self.max_columns}
        passes = [values, *([formulas] if formulas is not None else [])]
        for one in passes:
            one.reset_dimensions()  # a wrong stated dimension would cut rows silently
        iterators = [one.iter_rows(**limits) for one in passes]
        try:
            for number, cells in enumerate(
                itertools.islice(zip(*iterators, strict=False), self.max_rows), start=1
            ):
                value_row = cells[0]
                formula_row = cells[1] if len(cells) > 1 else ()
                yield Row(
                    number,
                    tuple(_cell(v, f) for v, f in itertools.zip_longest(value_row, formula_row)),
                    far[number] - 1 if number in far else None,
                )
        finally:
            for iterator in iterators:
                iterator.close()

    def _scan(self, part: str, sheet: str) -> Mapping[int, int]:
        """Where *sheet* has content past the rows and columns that are read, from its XML
        (read with defusedxml, numbering rows and cells as openpyxl does): content below
        ``max_rows`` raises the caller's error; for each row with content right of
        ``max_columns``, the first such column (1-based) is returned."""
        from defusedxml.ElementTree import iterparse

        far: dict[int, int] = {}
        row = column = 0
        with zipfile.ZipFile(io.BytesIO(self._data)) as archive, archive.open(part) as stream:
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
                    if filled and row > self.max_rows:
                        quoted = sheet.replace("'", "''")
                        raise self._error([Problem(
                            f"'{quoted}'!{row}", "excel.too_many_rows",
                            {"file": self.name, "sheet": sheet, "row": row,
                             "limit": self.max_rows},
                        )], self.name)
                    if filled and column > self.max_columns:
                        far.setdefault(row, column)
                    element.clear()
                elif tag == "row":
                    element.clear()
        return far


@contextlib.contextmanager
def open_workbook(
    data: bytes,
    name: str,
    *,
    error: FileError,
    hint: str,
    max_rows: int,
    max_columns: int,
    formulas: bool = False,
) -> Iterator[Workbook]:
    """The workbook whose file's bytes are *data* (from :func:`read_workbook_file`, or from a
    reader's own bounded read), opened read-only; *name* names the file in errors.

    The zip is checked first (``excel.not_workbook``, ``excel.unpacked_size``). With
    *formulas*, the workbook is opened twice, for the values the spreadsheet program saved
    and for the formulas (``Cell.formula``). Any exception in the block that is not a
    :class:`~renstra_model.errors.RenstraError` (openpyxl fails on corrupt files in many
    ways, and defusedxml refuses entity declarations while a sheet is read) is raised as
    *error*: ``excel.refused_xml`` or ``excel.unreadable``. Warnings are silenced."""
    openpyxl = load_openpyxl(hint)
    _check_zip(data, name, error)
    with warnings.catch_warnings(), contextlib.ExitStack() as stack:
        warnings.simplefilter("ignore")
        try:
            books = []
            for data_only in (True, False) if formulas else (True,):
                book = openpyxl.load_workbook(io.BytesIO(data), read_only=True,
                                              data_only=data_only, keep_links=False)
                stack.callback(book.close)
                books.append(book)
            yield Workbook(name, max_rows, max_columns, data, tuple(books), error)
        except RenstraError:
            raise
        except Exception as exc:  # noqa: BLE001 - openpyxl fails on corrupt files in many ways
            raise _unreadable(error, name, exc) from None

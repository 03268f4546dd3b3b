"""Provenance: where in the source document a stated figure comes from (:class:`Source`), and
what the reading of a source file noted (:class:`ReadingNote`)."""

from __future__ import annotations

from collections.abc import Mapping
from enum import Enum
from types import MappingProxyType
from typing import Any

import attrs
from attrs import field, frozen

from ..errors import fail
from ..messages import Lang, render
from ._fields import instances, optional_text, text


@frozen
class Source:
    """A table and a row of the source document, with an optional note on how it was read.

    >>> Source("T-C.27", "1 06 01 2.08 01")
    Source(table='T-C.27', row='1 06 01 2.08 01', note=None)
    """

    table: str = field(validator=text)
    """The table as the document numbers it: ``T-C.27``, ``T-C.24``, ``7.1``, ``2.1``…"""
    row: str = field(validator=text)
    """The row: its code, number or label as printed."""
    note: str | None = field(default=None, validator=optional_text)
    """How the row was read where the document is ambiguous, or where a value comes from."""

    def __str__(self) -> str:
        return f"{self.table} / {self.row}"


class Reading(Enum):
    """What the reading of a source file made of a cell or row it notes."""

    UNREAD = "unread"
    """The content is not in the plan: the note holds it (:attr:`ReadingNote.value`) and why."""
    NOTED = "noted"
    """The value is in the plan, read as the note says (a number read as the spreadsheet
    displays it, a generic code made specific)."""


def _frozen_params(params: Mapping[str, str]) -> Mapping[str, str]:
    return MappingProxyType(dict(params))


def _params(_: object, attribute: attrs.Attribute[Any], value: Mapping[str, str]) -> None:
    if not isinstance(value, Mapping):
        raise fail("structure.type", attribute.name, expected="a mapping of text to text",
                   type=type(value).__name__)
    for key, item in value.items():
        if not isinstance(key, str) or not isinstance(item, str):
            raise fail("structure.type", f"{attribute.name}.{key}", expected="text",
                       type=type(item).__name__)


def _row(_: object, attribute: attrs.Attribute[Any], value: int | None) -> None:
    if value is not None and (isinstance(value, bool) or not isinstance(value, int) or value < 1):
        raise fail("structure.type", attribute.name, expected="a row number (1 or more)",
                   type=repr(value))


@frozen
class ReadingNote:
    """What the reader of a source file noted about one of its cells or rows: content it left
    unread and why, or a value it read with a remark. A plan keeps the notes of its reading
    (:attr:`Plan.reading <renstra_model.Plan.reading>`), so that a check of the plan, wherever
    it runs, reports them (the ``import`` rules).

    >>> note = ReadingNote("T-C.27", 12, "F", "excel.error_value", {"value": "#REF!"},
    ...                    value="#REF!")
    >>> note.place, note.message()
    ("'T-C.27'!F12", 'the cell holds the spreadsheet error #REF!')
    """

    sheet: str = field(validator=text)
    """The sheet, or for a file without sheets (CSV, JSON) the file's table (``data``)."""
    row: int | None = field(validator=_row)
    """The row counted from 1 as the file numbers it; None for the sheet as a whole."""
    column: str | None = field(validator=optional_text)
    """The column's letters (``F``) or, in a file of named fields, the field; None for the
    whole row."""
    key: str = field(validator=text)
    """The reason's message key, in the library's catalogue of messages."""
    params: Mapping[str, str] = field(factory=dict, converter=_frozen_params,
                                      validator=_params)
    """The values the reason names, as text."""
    value: str | None = field(default=None, validator=optional_text)
    """The content as the file holds it (a cell's text, number, formula or error; a row's
    cells joined by a vertical bar), so that unread content is not lost."""
    heading: str | None = field(default=None, validator=optional_text)
    """The column's heading, where the header names it."""
    reading: Reading = field(default=Reading.UNREAD, validator=instances(Reading))

    @property
    def cell(self) -> str | None:
        """The cell within the sheet: ``F12``, ``12`` for a row, ``3 pagu1`` for a named field
        of a file without column letters; None for the sheet as a whole."""
        if self.row is None:
            return None
        column = self.column or ""
        if column and not (column.isascii() and column.isalpha() and column.isupper()):
            return f"{self.row} {column}"
        return f"{column}{self.row}"

    @property
    def place(self) -> str:
        """Where: ``'T-C.27'!F12``, ``'T-C.27'!12`` for a row, ``'T-C.27'`` for the sheet, and
        ``'data'!3 pagu1`` for a named field of a file without column letters."""
        sheet = "'" + self.sheet.replace("'", "''") + "'"
        cell = self.cell
        return sheet if cell is None else f"{sheet}!{cell}"

    def message(self, lang: Lang | None = None) -> str:
        """The reason, in *lang*."""
        return render(self.key, self.params, lang)

    def __reduce__(self) -> tuple[Any, ...]:
        # Pickled as its fields: the read-only params are not picklable as they are.
        return ReadingNote, (self.sheet, self.row, self.column, self.key, dict(self.params),
                             self.value, self.heading, self.reading)

"""The cells of a sheet as the plan reader takes them, and how each is read: the values a cell
may hold (:data:`CellValue`, with markers for a formula without a saved value, a spreadsheet
error and a percentage), a cell of an opened workbook as such a value, the problems of cells
(:class:`CellProblem`) and the reading of a cell as text, a quantity or an amount of money.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Mapping, Sequence
from decimal import Context, Decimal
from types import MappingProxyType
from typing import Any, Final

from attrs import field, frozen

from ...errors import InvalidPlanError, Problem
from ...messages import Lang, render
from ...model.provenance import Reading, ReadingNote
from ...model.values import MoneyCell, Quantity, check_money, check_number, check_text
from ..parsing import Style, parse_money, parse_quantity
from ..workbook import Cell, Row

MAX_PROBLEMS: Final = 5_000
"""Cell problems recorded at most for a sheet; the rest are counted in a last problem."""
EXCEL_DIGITS: Final = 15
"""The significant digits a spreadsheet displays and computes with: a stored binary float
with more (a saved formula result such as ``67668207.500000015``) is read as the value shown."""



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
    """Marks a row with content in a column past the columns that are read (0-based
    *column*)."""

    column: int


CellValue = (
    str | int | float | Decimal | bool | dt.date | dt.time | dt.timedelta
    | Formula | ErrorValue | PercentNumber | None
)
"""What :func:`~renstra_model.io.excel.reader.read_rows` accepts in a cell: what openpyxl reads,
plus the markers above."""


class _FarCells(list[CellValue]):
    """The cells of a sheet row, with the (0-based) column of content past the columns read."""

    far: int | None = None


def _cell_value(cell: Cell) -> CellValue:
    """A cell of an opened workbook as :func:`~renstra_model.io.excel.reader.read_rows` takes it: a
    formula without a saved value is a :class:`Formula`, an error an :class:`ErrorValue`, a
    number formatted as a percentage a :class:`PercentNumber`."""
    value = cell.value
    if cell.formula is not None and value is None:
        return Formula(cell.formula)
    if cell.error:
        return ErrorValue(str(value))
    if isinstance(value, int | float) and not isinstance(value, bool):
        number_format = cell.number_format
        if number_format is not None and "%" in number_format.replace("\\%", ""):
            number = _number_of(value)
            assert number is not None
            return PercentNumber(number.scaleb(2))
    if isinstance(value, str | int | float | Decimal | bool | dt.date | dt.time | dt.timedelta):
        return value
    return None if value is None else str(value)


def _sheet_cells(row: Row) -> _FarCells:
    """The cells of a row of an opened workbook, as :data:`CellValue`."""
    cells = _FarCells(_cell_value(cell) for cell in row.cells)
    cells.far = row.beyond
    return cells


# -- problems -----------------------------------------------------------------------------------


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
    value: str | None = field(default=None, eq=False)
    """The content as the file holds it (see
    :func:`~renstra_model.io.excel.cells.content_text`), so that nothing unread is lost."""
    reading: Reading = field(default=Reading.UNREAD, eq=False)
    """Whether the content was left unread, or read with the remark."""

    @property
    def path(self) -> str:
        """Where the cell is: ``'T-C.27'!F12``, or ``'T-C.27'!12`` for a row."""
        sheet = self.sheet.replace("'", "''")
        return f"'{sheet}'!{self.column or ''}{self.row}"

    def message(self, lang: Lang | None = None) -> str:
        """The reason, in *lang*."""
        return render(self.key, self.params, lang)

    def describe(self, lang: Lang | None = None) -> str:
        """``reason @ 'sheet'!F12``, as the command line prints it."""
        where = f" ({self.heading})" if self.heading else ""
        return f"{self.message(lang)} @ {self.path}{where}"

    def to_problem(self) -> Problem:
        """The same problem as a :class:`~renstra_model.errors.Problem`, whose params also
        hold the sheet, row and column."""
        params = {**self.params, "sheet": self.sheet, "row": self.row, "column": self.column}
        return Problem(self.path, self.key, params)

    def __reduce__(self) -> tuple[Any, ...]:
        # Pickled as its fields: the read-only params are not picklable as they are.
        return CellProblem, (self.sheet, self.row, self.column, self.key, dict(self.params),
                             self.heading, self.value, self.reading)

    def to_note(self) -> ReadingNote:
        """The problem as the plan keeps it (:attr:`~renstra_model.Plan.reading`),
        its values as text."""
        params = {k: v if isinstance(v, str) else str(v) for k, v in self.params.items()}
        return ReadingNote(self.sheet, self.row, self.column, self.key, params,
                           self.value or None, self.heading or None, self.reading)

    def __str__(self) -> str:
        return self.describe()


def content_text(value: CellValue) -> str | None:
    """A cell's content as text, as the file holds it: text as written, a number as its
    stored decimal, a formula as its text, an error as its code; None for an empty cell."""
    if _blank(value):
        return None
    if isinstance(value, str):
        return value[:20_000]
    if isinstance(value, Formula):
        return value.text if value.text.startswith("=") else f"={value.text}"
    if isinstance(value, ErrorValue):
        return value.code
    if isinstance(value, PercentNumber):
        return f"{value.value} %"
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float):
        return repr(value)
    if isinstance(value, dt.date | dt.time):
        return value.isoformat()
    return str(value)


def row_text(cells: Sequence[CellValue]) -> str | None:
    """A row's content: its filled cells' :func:`~renstra_model.io.excel.cells.content_text`,
    joined by a vertical bar between spaces."""
    parts = [t for t in (content_text(c) for c in cells if not isinstance(c, _Beyond))
             if t is not None]
    return " | ".join(parts)[:20_000] or None


class _Problems:
    """Collects cell problems, up to :data:`MAX_PROBLEMS`."""

    def __init__(self, sheet: str) -> None:
        self.sheet = sheet
        self.items: list[CellProblem] = []
        self.extra = 0

    def add(self, row: int, column: int | None, key: str, heading: str | None = None, *,
            content: str | None = None, reading: Reading = Reading.UNREAD,
            **params: Any) -> None:
        """Record a problem of the cell (or the row, *column* None) holding *content*."""
        if len(self.items) >= MAX_PROBLEMS:
            self.extra += 1
            return
        letter = column_letter(column + 1) if column is not None else None
        self.items.append(CellProblem(self.sheet, row, letter, key, params, heading, content,
                                      reading))

    def from_error(self, row: int, column: int | None, exc: InvalidPlanError,
                   heading: str | None = None, content: str | None = None) -> None:
        for p in exc.problems:
            self.add(row, column, p.key, heading, content=content, **p.params)

    def result(self) -> tuple[CellProblem, ...]:
        items = list(self.items)
        if self.extra:
            last = items[-1]
            items.append(CellProblem(self.sheet, last.row, None, "excel.more_problems",
                                     {"count": self.extra}))
        return tuple(items)


# -- reading cells ------------------------------------------------------------------------------


def _at(cells: Sequence[CellValue], column: int | None) -> CellValue:
    if column is None or column >= len(cells):
        return None
    return cells[column]


def _blank(value: CellValue) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _kind_name(value: object) -> str:
    return {
        bool: "a true/false cell",
        dt.datetime: "a date",
        dt.date: "a date",
        dt.time: "a time",
        dt.timedelta: "a duration",
        PercentNumber: "a percentage",
    }.get(type(value), type(value).__name__)


_DISPLAYED: Final = Context(prec=EXCEL_DIGITS)


def _float_decimal(value: float) -> Decimal:
    """A number cell's value as the spreadsheet shows it, without float arithmetic: ``repr``
    gives the shortest decimal text that reads back as the same binary value, and a value
    with more than :data:`EXCEL_DIGITS` significant digits (binary noise of a saved formula
    result) is rounded to them, as the spreadsheet displays it (see :func:`is_noisy`)."""
    if value.is_integer() and abs(value) < 10 ** EXCEL_DIGITS:
        return Decimal(int(value))
    exact = Decimal(repr(value))
    if len(exact.as_tuple().digits) <= EXCEL_DIGITS:
        return exact
    shown = _DISPLAYED.create_decimal(exact)
    if shown == shown.to_integral_value():
        return Decimal(int(shown))
    return shown.normalize()


def is_noisy(value: CellValue) -> bool:
    """*value* is a float whose stored digits go past what a spreadsheet displays, so that
    the reader reads it as displayed, rounded to :data:`EXCEL_DIGITS`."""
    if not isinstance(value, float) or not math.isfinite(value):
        return False
    if value.is_integer() and abs(value) < 10 ** EXCEL_DIGITS:
        return False
    text = repr(value)
    if len(text) <= EXCEL_DIGITS + 1:  # at most 15 digits and a point: most cells, at once
        return False
    return len(Decimal(text).as_tuple().digits) > EXCEL_DIGITS


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


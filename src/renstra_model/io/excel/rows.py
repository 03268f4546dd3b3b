"""The rows of a plan's sheet under a known header, read into activity rows (``_Row``):
the code from its column or columns, the name, the indicator and the money of each year, the
rows without a code that add an indicator to the row above, the total row that ends the
table, and the problem of every cell that cannot be read.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from types import MappingProxyType
from typing import Any, Final

import attrs
from attrs import frozen

from ...errors import InvalidPlanError
from ...model.budget import BudgetLine
from ...model.codes import Code, Level
from ...model.indicators import Indicator
from ...model.plan import Period
from ...model.provenance import Reading
from ...model.values import MoneyCell, Quantity
from ..headings import heading, is_column_numbers
from ..parsing import Style
from .cells import (
    CellValue,
    _at,
    _Beyond,
    _blank,
    _float_decimal,
    _Problems,
    _read_money,
    _read_quantity,
    _read_text,
    content_text,
    is_noisy,
    row_text,
)
from .layout import _Columns, _Group, _is_header_row, _Role, _top_header

_TOTAL: Final = re.compile(r"(TOTAL|JUMLAH)\b.*")
_DEPTH: Final = {level: depth for depth, level in enumerate(Level)}
_TEXT_ROLES: Final = (_Role.GOAL, _Role.TARGET, _Role.UNIT, _Role.LOCATION, _Role.NOTE)
"""The columns of an activity row read as text, besides its name and indicator."""


@frozen
class _Row:
    """An activity row as read, before the tree is built."""

    number: int
    code: Code
    written: str | None
    """The code as the sheet wrote it, when it was generic (``X.XX.01``) and was made specific."""
    name: str | None
    texts: Mapping[_Role, str]
    indicators: tuple[Indicator, ...]
    budget: BudgetLine | None
    parent_names: Mapping[Level, tuple[int, str]] = MappingProxyType({})
    """The names the row's level-name columns state of its parents (``NAMA KEGIATAN`` on a
    sub kegiatan row), each with its column."""
    above: tuple[int, Code] | None = None
    """The nearest row above of its parent's level (its number and code), if any."""


class _SheetReader:
    """Reads the rows of one sheet under a known header into activity rows; *max_columns* is
    the bound the rows were cut to."""

    def __init__(self, columns: _Columns, period: Period, style: Style,
                 problems: _Problems, max_columns: int) -> None:
        self.columns = columns
        self.period = period
        self.style = style
        self.problems = problems
        self.max_columns = max_columns
        self.rows: list[_Row] = []
        self.total: BudgetLine | None = None
        self.total_row: int | None = None
        self.bidang: set[Code] = set()
        self.known = columns.known()
        self.in_header = False
        self.under_header = True  # no row read since the header (or its repetition)
        self.numbers: tuple[tuple[int, str], ...] | None = None  # the column numbers row
        self.current: int | None = None  # index in self.rows of the last activity row
        self.conflict = False  # the code columns of the row being read disagree
        self.last: dict[Level, tuple[int, Code]] = {}  # the latest row of each level
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
            result = read(value, *args)
        except InvalidPlanError as exc:
            self.problems.from_error(number, column, exc, self.heading(column),
                                     content_text(value))
            return None
        if result is not None and is_noisy(value):
            assert isinstance(value, float)
            self.problems.add(number, column, "excel.noisy_number", self.heading(column),
                              content=repr(value), reading=Reading.NOTED, stored=repr(value),
                              shown=str(_float_decimal(value)))
        return result

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
        found = [roles[r] for r in (_Role.INDICATOR, _Role.SATUAN, _Role.BASELINE)
                 if r in roles]
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
                name=self.text(number, cells, columns.roles.get(_Role.INDICATOR)),
                unit=self.text(number, cells, columns.roles.get(_Role.SATUAN)),
                baseline=self.quantity(number, cells, columns.roles.get(_Role.BASELINE)),
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
                self.problems.add(number, value.column, "excel.too_wide",
                                  limit=self.max_columns)
            elif column not in self.known:
                title = self.columns.headings.get(column, "")
                self.problems.add(number, column, "excel.unknown_column", title or None,
                                  content=content_text(value), title=title)

    def read(self, rows: Iterable[tuple[int, Sequence[CellValue]]]) -> None:
        """Read *rows*, the sheet's rows from the top: the header's are passed over, and so
        are a header repeated on a new page, the row of column numbers right below a header,
        and that row repeated on a new page."""
        columns = self.columns
        for number, cells in rows:
            if number <= columns.last_header_row or all(_blank(c) for c in cells):
                continue
            if _top_header(cells) is not None:
                self.in_header = self.under_header = True  # the header repeated on a new page
                continue
            if self.in_header and _is_header_row(cells):
                continue
            self.in_header = False
            under_header, self.under_header = self.under_header, False
            if self.is_numbers(cells, under_header):
                continue
            if self.total_row is not None:
                self.after_total(number, cells)
                continue
            self.check_width(number, cells)
            self.row(number, cells)

    def is_numbers(self, cells: Sequence[CellValue], under_header: bool) -> bool:
        """The row of column numbers: right below a header, or the same numbers again (a
        sheet that repeats only them on each page). Elsewhere, a row of 1, 2, 3… is read as
        data, so that no row is dropped unseen."""
        if not is_column_numbers(cells):
            return False
        stated = tuple((i, heading(c)) for i, c in enumerate(cells) if not _blank(c))
        if under_header and self.numbers is None:
            self.numbers = stated
        return under_header or stated == self.numbers

    def after_total(self, number: int, cells: Sequence[CellValue]) -> None:
        """A row below the total row: outside the table (notes, the signature), unless it
        has a code."""
        raw = "".join(c for c in (_at(cells, i) for i in self.columns.code) if isinstance(c, str))
        value = next((_at(cells, i) for i in self.columns.code if not _blank(_at(cells, i))),
                     None)
        if value is not None and (raw.strip() or isinstance(value, int | float)):
            self.problems.add(number, None, "excel.after_total",
                              self.heading(self.columns.code[0]), content=row_text(cells),
                              first=self.total_row)

    def code_text(self, number: int, cells: Sequence[CellValue]) -> str | None:
        """The row's code as text ("" for a row without one), its parts joined from the code
        columns; None when a code cell cannot be read (it is reported)."""
        parts: list[tuple[int, str]] = []
        for column in self.columns.code:
            value = _at(cells, column)
            if _blank(value):
                continue
            if isinstance(value, float) and not value.is_integer():
                self.problems.add(number, column, "excel.code_number", self.heading(column),
                                  content=repr(value), value=repr(value))
                return None
            text = self.text(number, cells, column)
            if text is None:
                return None
            parts.append((column, " ".join(text.split())))
        if self.columns.level_codes and parts:
            whole = self.whole_code(number, parts)
            if whole is not None:
                return whole
        return ".".join(text for _, text in parts)

    def whole_code(self, number: int, parts: list[tuple[int, str]]) -> str | None:
        """Where the codes are split over one column per level and the last filled column
        states the whole code of its level (``1.02.02.2.01.0001`` under ``KODE SUB
        KEGIATAN``), that code; every other filled code cell must state the code of one of
        its parents, else it is reported and not read. None where the columns state parts of
        one code (``1 | 02 | 02 | 2.01 | 0001``), to be joined."""
        levels = {column: level for level, column in self.columns.level_codes.items()}
        column, last = parts[-1]
        try:
            code = Code.parse(last)
        except InvalidPlanError:
            return None
        if code.level is not levels.get(column):
            return None
        for other, text in parts[:-1]:
            try:
                stated = Code.parse(text)
            except InvalidPlanError:
                stated = None
            if stated is None or code.segments[: len(stated.segments)] != stated.segments:
                self.problems.add(number, other, "excel.code_conflict", self.heading(other),
                                  content=text, stated=text, code=str(code))
                self.conflict = True
        return last

    def row(self, number: int, cells: Sequence[CellValue]) -> None:
        columns = self.columns
        self.conflict = False
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
            self.problems.from_error(number, columns.code[0], exc, self.heading(columns.code[0]),
                                     raw)
            self.current = None
            return
        if code.level in (Level.URUSAN, Level.BIDANG_URUSAN):
            self.above_program(number, cells, code)
            return
        name_column = columns.name_column(code.level)
        name = self.text(number, cells, name_column)
        parent_names: dict[Level, tuple[int, str]] = {}
        for level, column in columns.level_names.items():
            if column != name_column and _DEPTH[level] < _DEPTH[code.level]:
                stated = self.text(number, cells, column)
                if stated is None:
                    continue
                if self.conflict:  # the code columns disagree on the parents: names unused
                    self.problems.add(number, column, "excel.conflict_name",
                                      self.heading(column), content=stated, code=str(code))
                else:
                    parent_names[level] = (column, stated)
        indicator = self.indicator(number, cells)
        budget = self.budget(number, cells)
        texts = {
            role: value
            for role in _TEXT_ROLES
            if (value := self.text(number, cells, columns.roles.get(role))) is not None
        }
        parent = code.parent
        above = self.last.get(parent.level) if parent is not None else None
        self.last[code.level] = (number, code)
        self.rows.append(_Row(number, code, None, name, MappingProxyType(texts),
                              (indicator,) if indicator else (), budget,
                              MappingProxyType(parent_names), above))
        self.current = len(self.rows) - 1

    def above_program(self, number: int, cells: Sequence[CellValue], code: Code) -> None:
        if code.level is Level.BIDANG_URUSAN:
            self.bidang.add(code)
        self.current = None
        keep = {*self.columns.code, self.columns.name, *self.columns.level_names.values()}
        for column, value in enumerate(cells):
            if column not in keep and column in self.known and not _blank(value):
                self.problems.add(number, column, "excel.above_program", self.heading(column),
                                  content=content_text(value), level=code.level.label)

    def is_total(self, cells: Sequence[CellValue]) -> bool:
        """A total row: TOTAL… or JUMLAH… in the name column or a column left of it."""
        roles = self.columns.roles
        stated = (roles[r] for r in (_Role.GOAL, _Role.TARGET, _Role.NUMBER) if r in roles)
        names = [c for c in (self.columns.name, *self.columns.level_names.values())
                 if c is not None]
        left = {*range(max(names, default=max(self.columns.code)) + 1), *stated}
        texts = [cells[i] for i in sorted(left) if i < len(cells)
                 and isinstance(cells[i], str) and str(cells[i]).strip()]
        return bool(texts) and bool(_TOTAL.fullmatch(heading(texts[0])))

    def codeless(self, number: int, cells: Sequence[CellValue]) -> None:
        if self.is_total(cells):
            self.total_line(number, cells)
            return
        indicator_columns = set(self.indicator_columns())
        has_indicator = any(not _blank(_at(cells, c)) for c in indicator_columns)
        names = {self.columns.name, *self.columns.level_names.values()}
        has_name = any(not _blank(_at(cells, c)) for c in names if c is not None)
        if not has_indicator or has_name or self.current is None:
            # an activity row without its code (a name is its own): it cannot be placed
            self.problems.add(number, None, "excel.no_code", content=row_text(cells))
            return
        for column, value in enumerate(cells):
            if column in self.known and column not in indicator_columns and not _blank(value):
                self.problems.add(number, column, "excel.orphan_cell", self.heading(column),
                                  content=content_text(value))
        indicator = self.indicator(number, cells)
        if indicator is not None:
            previous = self.rows[self.current]
            self.rows[self.current] = attrs.evolve(
                previous, indicators=(*previous.indicators, indicator))

    def total_line(self, number: int, cells: Sequence[CellValue]) -> None:
        self.current = None
        self.total_row = number
        self.total = self.budget(number, cells)


"""Excel workbooks of the tables (the ``excel`` extra), one sheet a table, written one way
whatever the layout: numbers stored as numbers with the number format the document prints
them in (unless they have more digits than a spreadsheet holds, :data:`EXCEL_DIGITS`), every
text stored as text (a name starting with ``=`` never becomes a formula), a text a workbook
cannot store refused with :class:`IllegalTextError`, sheets named as Excel allows, and the file
replaced atomically (:func:`renstra_model.files.atomic_path`).

Two layouts: :func:`write_xlsx`, the tables as rows under their caption and column titles
(``renstra table … --format xlsx``); and :func:`write_document`, the tables as the document
prints them, with merged headings, the row of column numbers and borders, which
:func:`~renstra_model.io.excel.writer.write_workbook` writes (``renstra export … --format xlsx``).

>>> from decimal import Decimal
>>> number_format(Decimal("4091594846.5"), Kind.MONEY)
'#,##0.0'
>>> number_format(Decimal("-0.21"), Kind.RATE)
'#,##0.00;(#,##0.00)'
>>> excel_value(Decimal("1234567890123456.5"), Kind.MONEY, "id")
('1.234.567.890.123.456,5', None)
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Mapping, Sequence
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Final, TypeAlias, cast

from attrs import frozen

from ..errors import InvalidPlanError, Problem
from ..files import atomic_path
from ..messages import Lang, extend, resolve_lang
from ..model.codes import Level
from .formats import Values, column_heading, missing_extra, model_value, tabular, value_text
from .schema import Kind, RowKind, Table

if TYPE_CHECKING:
    from openpyxl import Workbook
    from openpyxl.cell.cell import Cell
    from openpyxl.styles import Alignment, Border, Font, PatternFill
    from openpyxl.worksheet.worksheet import Worksheet

__all__ = [
    "EXCEL_DIGITS",
    "IllegalTextError",
    "excel_value",
    "number_format",
    "sheet_name",
    "write_document",
    "write_xlsx",
]

extend(
    {
        "render.xlsx": {"en": "writing .xlsx", "id": "menulis .xlsx"},
        "xlsx.illegal_text": {
            "en": "the text of table {table} holds control characters, which a workbook cannot "
                  "store",
            "id": "teks tabel {table} memuat karakter kendali, yang tidak dapat disimpan dalam "
                  "buku kerja",
        },
    }
)

EXCEL_DIGITS: Final = 15
"""The significant digits a spreadsheet number holds exactly (a binary double); a number with
more is stored as its display text, so that no digit is lost."""

Stored: TypeAlias = Decimal | int | str | None
"""What a workbook cell holds: a number, a text or nothing."""

_UMBRELLAS: Final = {"T-C.27": "TARGET KINERJA PROGRAM DAN KERANGKA PENDANAAN"}
"""The heading the document prints over the year columns of a table."""

_WIDTHS: Final = {Kind.TEXT: 32, Kind.LIST: 48, Kind.CODE: 18, Kind.MONEY: 16,
                  Kind.QUANTITY: 16, Kind.PERCENT_QUANTITY: 18}
"""The width of a column of the document's layout, by its kind (12 for the others)."""


class IllegalTextError(InvalidPlanError):
    """A text holds control characters, which a workbook cannot store: ``table`` is the
    table's number and ``cell`` the cell (``C14``) it was to be written to."""

    def __init__(self, table: str, cell: str) -> None:
        self.table = table
        self.cell = cell
        super().__init__([Problem(f"{table}!{cell}", "xlsx.illegal_text", {"table": table})])


# -- one value --------------------------------------------------------------------------------


def _places(value: Decimal | int) -> int:
    if not isinstance(value, Decimal):
        return 0
    exponent = value.as_tuple().exponent
    return max(0, -exponent) if isinstance(exponent, int) else 0


def number_format(value: Decimal | int, kind: Kind) -> str:
    """The number format of a number of a column of *kind*: thousands grouped, every decimal
    place the value has, ``" %"`` after a percentage, a negative rate in parentheses."""
    places = _places(value)
    pattern = "#,##0" + ("." + "0" * places if places else "")
    if kind is Kind.PERCENT:
        return pattern + '" %"'
    if kind is Kind.RATE:
        return f"{pattern};({pattern})"
    return pattern


def _excel_number(value: object) -> bool:
    if isinstance(value, bool) or not isinstance(value, Decimal | int):
        return False
    return len(Decimal(value).normalize().as_tuple().digits) <= EXCEL_DIGITS


def excel_value(value: object, kind: Kind, lang: Lang) -> tuple[Stored, str | None]:
    """What a cell of a column of *kind* stores for the model's *value*, and its number
    format: a number as itself, unless it has more than :data:`EXCEL_DIGITS` significant
    digits; that, and any other value, as its display text in *lang*; nothing for nothing."""
    if _excel_number(value):
        assert isinstance(value, Decimal | int)
        return value, number_format(value, kind)
    return (value_text(value, kind, lang) or None), None


def sheet_name(number: str, used: set[str]) -> str:
    """A worksheet name for table *number*: without the characters Excel forbids, at most 31
    long, unique among *used* (which it joins)."""
    name = "".join(ch for ch in number if ch not in "[]:*?/\\")[:31] or "Tabel"
    candidate, k = name, 2
    while candidate in used:
        candidate = f"{name[:28]} {k}"
        k += 1
    used.add(candidate)
    return candidate


# -- one sheet --------------------------------------------------------------------------------


@frozen
class _Kit:
    """What the writers take from openpyxl: the workbook, the error of a text it cannot store,
    and the styles the cells share."""

    workbook: type[Workbook]
    illegal: type[Exception]
    bold: Font
    wrap: Alignment
    centre: Alignment
    right: Alignment
    border: Border
    fill: PatternFill


def _kit(lang: Lang | None) -> _Kit:
    try:
        from openpyxl import Workbook
        from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
        from openpyxl.utils.exceptions import IllegalCharacterError
    except ImportError:
        raise missing_extra("render.xlsx", "excel", lang) from None
    thin = Side(style="thin")
    return _Kit(
        workbook=Workbook,
        illegal=IllegalCharacterError,
        bold=Font(bold=True),
        wrap=Alignment(wrap_text=True, vertical="top"),
        centre=Alignment(horizontal="center", vertical="center", wrap_text=True),
        right=Alignment(horizontal="right", vertical="top", wrap_text=True),
        border=Border(left=thin, right=thin, top=thin, bottom=thin),
        fill=PatternFill("solid", fgColor="D9D9D9"),
    )


@frozen
class _Sheet:
    """A worksheet and the table it shows; every cell is written through :meth:`put`."""

    sheet: Worksheet
    table: Table
    kit: _Kit

    def put(self, row: int, column: int, value: Stored, *, bold: bool = False,
            align: Alignment | None = None, number_format: str | None = None,
            border: bool = False) -> Cell:
        """Write *value* to the cell at *row*, *column* (1-based), a text always as text."""
        # A cell is written before any merge covers it: never a MergedCell.
        cell = cast("Cell", self.sheet.cell(row=row, column=column))
        try:
            cell.value = value
        except self.kit.illegal:
            raise IllegalTextError(self.table.number, cell.coordinate) from None
        if isinstance(value, str):
            cell.data_type = "s"  # text, even when it starts with "=": never a formula
        if bold:
            cell.font = self.kit.bold
        if align is not None:
            cell.alignment = align
        if number_format:
            cell.number_format = number_format
        if border:
            cell.border = self.kit.border
        return cell

    def merge(self, row: int, column: int, rows: int, columns: int) -> None:
        """Merge the *rows* by *columns* cells from *row*, *column*, if more than one."""
        if rows > 1 or columns > 1:
            self.sheet.merge_cells(start_row=row, start_column=column,
                                   end_row=row + rows - 1, end_column=column + columns - 1)


def _rows(sheet: _Sheet, lang: Lang, values: Values) -> None:
    """The layout of :func:`write_xlsx`: the caption in the first row, the column titles in
    the second, a row a table row below (headings and totals in bold), then the footnote."""
    table, kit = sheet.table, sheet.kit
    sheet.put(1, 1, f"{table.number} {table.title}", bold=True)
    layout = tabular(table, values)
    for c, (column, _, computed) in enumerate(layout, start=1):
        sheet.put(2, c, column_heading(column, computed, values), bold=True, align=kit.wrap)
    for r, row in enumerate(table.rows, start=3):
        for c, (column, i, computed) in enumerate(layout, start=1):
            value, number = excel_value(model_value(row.cells[i], computed, rounded=True),
                                        column.kind, lang)
            wrap = isinstance(value, str) and "\n" in value
            sheet.put(r, c, value, bold=row.kind is not RowKind.DATA,
                      align=kit.wrap if wrap else None, number_format=number)
    note = table.footnote(lang)
    if note is not None:
        sheet.put(3 + len(table.rows), 1, note)


@frozen
class _Document:
    """The layout of :func:`write_document`: the caption, the header with the group and year
    headings merged over their columns, the row of column numbers, the rows (programs,
    kegiatan and totals in bold), borders, column widths and landscape pages."""

    sheet: _Sheet
    labels: Sequence[tuple[str, str]] = ()

    def put(self, row: int, column: int, value: Stored, *, bold: bool = False,
            align: Alignment | None = None, number_format: str | None = None,
            border: bool = True) -> Cell:
        """:meth:`_Sheet.put`, bordered and wrapped unless told otherwise."""
        wrap = self.sheet.kit.wrap if align is None else align
        return self.sheet.put(row, column, value, bold=bold, align=wrap,
                              number_format=number_format, border=border)

    def head(self, row: int, column: int, text: str, rows: int = 1, columns: int = 1) -> None:
        """A heading over *rows* by *columns* cells: grey, bold, centred, merged."""
        kit = self.sheet.kit
        for r in range(row, row + rows):
            for c in range(column, column + columns):
                self.put(r, c, None, align=kit.centre).fill = kit.fill
        self.put(row, column, text, bold=True, align=kit.centre).fill = kit.fill
        self.sheet.merge(row, column, rows, columns)

    def caption(self) -> int:
        """The caption, the footnote and the labels; the first row of the header."""
        table = self.sheet.table
        self.put(1, 1, f"Tabel {table.number}", bold=True, border=False)
        self.put(2, 1, table.title, bold=True, border=False)
        row = 3
        note = table.footnote("id")
        if note:
            # Above the header, not below the table: a row under the table would read as a
            # row of it.
            self.put(row, 1, note, border=False)
            row += 1
        for label, value in self.labels:
            self.put(row, 1, label, border=False)
            self.put(row, 3, value, border=False)
            row += 1
        return row + 1

    def spans(self) -> list[tuple[int, int, str | None]]:
        """Runs of consecutive columns under one group heading: (first, count, group)."""
        runs: list[tuple[int, int, str | None]] = []
        for index, column in enumerate(self.sheet.table.columns):
            if runs and column.group is not None and runs[-1][2] == column.group:
                first, count, group = runs[-1]
                runs[-1] = (first, count + 1, group)
            else:
                runs.append((index, 1, column.group))
        return runs

    def header(self, top: int) -> int:
        """The header from row *top* and the row of column numbers; the first row of data."""
        table = self.sheet.table
        columns = table.columns
        umbrella = _UMBRELLAS.get(table.number)
        yearly = [i for i, c in enumerate(columns) if c.year is not None]
        grouped = any(c.group is not None for c in columns)
        over = bool(umbrella and yearly)
        depth = 1 + grouped + over
        if umbrella and yearly:
            self.head(top, yearly[0] + 1, umbrella, columns=yearly[-1] - yearly[0] + 1)
        for first, count, group in self.spans():
            column = columns[first]
            if group is None:
                self.head(top, first + 1, column.title, rows=depth)
                continue
            above = 1 if over and column.year is not None else 0
            if above == 0 and over:
                self.head(top, first + 1, group, rows=2, columns=count)
            else:
                self.head(top + above, first + 1, group, columns=count)
            for k in range(count):
                self.head(top + depth - 1, first + k + 1, columns[first + k].short)
        row = top + depth
        numbers = [c.number for c in columns]
        if any(n is not None for n in numbers):
            for index, number in enumerate(numbers, start=1):
                self.put(row, index, number, align=self.sheet.kit.centre)
            row += 1
        self.sheet.sheet.print_title_rows = f"{top}:{row - 1}"
        return row

    def rows(self, top: int) -> None:
        """The table's rows from row *top*: the stated figures, the Indonesian way."""
        table, kit = self.sheet.table, self.sheet.kit
        for r, row in enumerate(table.rows, start=top):
            bold = row.kind is not RowKind.DATA or row.level in (Level.PROGRAM, Level.KEGIATAN)
            for index, (cell, column) in enumerate(zip(row.cells, table.columns, strict=True),
                                                   start=1):
                value, number = excel_value(model_value(cell, False), column.kind, "id")
                align = kit.right if column.kind.numeric else kit.wrap
                self.put(r, index, value, bold=bold, align=align, number_format=number)
            if row.kind is RowKind.HEADING:
                self.sheet.merge(r, 1, 1, len(table.columns))

    def layout(self) -> None:
        """Column widths by kind, landscape pages one page wide."""
        from openpyxl.utils import get_column_letter

        sheet = self.sheet.sheet
        for index, column in enumerate(self.sheet.table.columns, start=1):
            sheet.column_dimensions[get_column_letter(index)].width = _WIDTHS.get(column.kind, 12)
        sheet.page_setup.orientation = "landscape"
        sheet.page_setup.fitToWidth = 1
        sheet.sheet_properties.pageSetUpPr.fitToPage = True  # type: ignore[union-attr]

    def write(self) -> None:
        """The whole sheet, its header frozen above the rows."""
        top = self.header(self.caption())
        self.sheet.sheet.freeze_panes = cast("Cell", self.sheet.sheet.cell(row=top, column=1))
        self.rows(top)
        self.layout()


# -- workbooks --------------------------------------------------------------------------------


def _write(tables: Iterable[Table], path: str | os.PathLike[str], lang: Lang | None,
           fill: Callable[[_Sheet], None]) -> Path:
    """Write *tables* to a workbook at *path*, one sheet a table filled by *fill*; the file
    is replaced only once the workbook is complete."""
    kit = _kit(lang)
    book = kit.workbook()
    book.remove(book.active)  # type: ignore[arg-type]
    used: set[str] = set()
    for table in tables:
        fill(_Sheet(book.create_sheet(sheet_name(table.number, used)), table, kit))
    destination = Path(path)
    with atomic_path(destination, suffix=".xlsx") as tmp:
        book.save(tmp)
    return destination


def write_xlsx(
    tables: Table | Iterable[Table],
    path: str | os.PathLike[str],
    *,
    lang: Lang | None = None,
    values: Values = "stated",
) -> Path:
    """Write *tables* to an Excel workbook at *path*, one sheet a table (the ``excel``
    extra): the caption in the first row, the column titles in the second, the rows below.
    Numbers are stored as numbers, from their exact Decimal text, with the number format the
    document prints them in — unless they have more than :data:`EXCEL_DIGITS` significant
    digits, which a spreadsheet cannot hold: those, and a quantity, a code or a list, are
    stored as their display text (in *lang*). The file is replaced atomically;
    :class:`IllegalTextError` if a text holds control characters. Returns the path written."""
    chosen = [tables] if isinstance(tables, Table) else list(tables)
    resolved = resolve_lang(lang)
    return _write(chosen, path, resolved, lambda sheet: _rows(sheet, resolved, values))


def write_document(
    tables: Iterable[Table],
    path: str | os.PathLike[str],
    *,
    labels: Mapping[str, Sequence[tuple[str, str]]] | None = None,
) -> Path:
    """Write *tables* to an Excel workbook at *path*, one sheet a table (the ``excel``
    extra), as the document prints them: the caption, the header with the group and year
    headings merged over their columns, the row of column numbers, the stated figures the
    Indonesian way (numbers as numbers in the document's number format), programs, kegiatan
    and totals in bold. The sheet of a table named in *labels* states its (label, value) pairs
    above the header. The file is replaced atomically; :class:`IllegalTextError` if a text
    holds control characters. Returns the path written."""
    stated = labels or {}

    def fill(sheet: _Sheet) -> None:
        _Document(sheet, stated.get(sheet.table.number, ())).write()

    return _write(tables, path, None, fill)

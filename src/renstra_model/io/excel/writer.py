"""Writing a plan's standard tables to an Excel workbook, one sheet a table, formatted like the
document, so that :func:`~renstra_model.io.excel.reader.read_workbook` reads the T-C.27 sheet
back to the same activity tree."""

from __future__ import annotations

import importlib
import os
import tempfile
from collections.abc import Sequence
from decimal import Decimal
from pathlib import Path
from typing import Any, Final

from ...errors import Problem
from ...model.codes import Level
from ...model.plan import Plan
from ...model.values import NIL, Nil, Quantity
from ...tables.formats import format_number
from .reader import WorkbookError, _openpyxl, column_letter

# -- writing ------------------------------------------------------------------------------------

_FLOAT_DIGITS: Final = 15
"""Numbers with more significant digits than this are written as text: a spreadsheet holds
numbers as binary floats, exact to 15 digits."""

_UMBRELLAS: Final = {"T-C.27": "TARGET KINERJA PROGRAM DAN KERANGKA PENDANAAN"}
"""The heading the document prints over the year columns of a table."""

_NUMBER_STYLE_LABEL: Final = ("Format angka", "1.234.567,89")


def format_quantity(quantity: Quantity) -> str:
    """A quantity as :func:`write_workbook` writes it, in the Indonesian style, which
    :func:`~renstra_model.io.parsing.parse_quantity` reads back (with ``style="id"``).

    >>> format_quantity(Quantity(Decimal("25325"), "KPM", Decimal("72.18")))
    '25.325 KPM (72,18 %)'
    >>> format_quantity(Quantity(NIL, "Kasus"))
    '- Kasus'
    """
    parts = []
    for figure in quantity.figures():
        amount = "-" if figure.amount is NIL else format_number(_decimal(figure.amount))
        text = amount + (f" {figure.unit}" if figure.unit else "")
        if figure.percent is not None:
            text += f" ({format_number(figure.percent)} %)"
        parts.append(text)
    return " ".join(parts)


def _decimal(value: Decimal | Nil) -> Decimal:
    assert isinstance(value, Decimal)
    return value


def _places(value: Decimal) -> int:
    exponent = value.as_tuple().exponent
    return max(0, -exponent) if isinstance(exponent, int) else 0


class _SheetWriter:
    """Writes one standard table to a sheet the way the document prints it: the caption, the
    header with the year headings merged over their columns, the row of column numbers, the
    rows (programs, kegiatan and totals in bold)."""

    def __init__(self, sheet: Any, table: Any, labels: Sequence[tuple[str, str]] = ()) -> None:
        self.styles = importlib.import_module("openpyxl.styles")
        self.utils = importlib.import_module("openpyxl.utils")
        self.render = importlib.import_module("renstra_model.tables.render")
        self.tables = importlib.import_module("renstra_model.tables.builders")
        self.sheet = sheet
        self.table = table
        self.labels = labels
        thin = self.styles.Side(style="thin")
        self.border = self.styles.Border(left=thin, right=thin, top=thin, bottom=thin)
        self.bold = self.styles.Font(bold=True)
        self.wrap = self.styles.Alignment(wrap_text=True, vertical="top")
        self.centre = self.styles.Alignment(horizontal="center", vertical="center",
                                            wrap_text=True)
        self.right = self.styles.Alignment(horizontal="right", vertical="top", wrap_text=True)
        self.fill = self.styles.PatternFill("solid", fgColor="D9D9D9")
        exceptions = importlib.import_module("openpyxl.utils.exceptions")
        self.illegal: type[Exception] = exceptions.IllegalCharacterError
        self.row = 1

    def put(self, row: int, column: int, value: Any, *, bold: bool = False, align: Any = None,
            number_format: str | None = None, border: bool = True) -> Any:
        cell = self.sheet.cell(row=row, column=column)
        try:
            cell.value = value
        except self.illegal:
            raise WorkbookError([Problem(
                f"{self.table.number}!{column_letter(column)}{row}", "excel.illegal_text",
                {"table": self.table.number},
            )]) from None
        if isinstance(value, str):
            cell.data_type = "s"  # text, even when it starts with "=": never a formula
        if bold:
            cell.font = self.bold
        cell.alignment = align or self.wrap
        if number_format:
            cell.number_format = number_format
        if border:
            cell.border = self.border
        return cell

    def merge(self, row: int, column: int, rows: int, columns: int) -> None:
        if rows > 1 or columns > 1:
            self.sheet.merge_cells(start_row=row, start_column=column,
                                   end_row=row + rows - 1, end_column=column + columns - 1)

    def head(self, row: int, column: int, text: str, rows: int = 1, columns: int = 1) -> None:
        for r in range(row, row + rows):
            for c in range(column, column + columns):
                self.put(r, c, None, align=self.centre).fill = self.fill
        self.put(row, column, text, bold=True, align=self.centre).fill = self.fill
        self.merge(row, column, rows, columns)

    def caption(self) -> None:
        table = self.table
        self.put(1, 1, f"Tabel {table.number}", bold=True, border=False)
        self.put(2, 1, table.title, bold=True, border=False)
        self.row = 3
        note = table.footnote("id")
        if note:
            # Above the header, not below the table: a row under the table would read as a
            # row of it.
            self.put(self.row, 1, note, border=False)
            self.row += 1
        for label, value in self.labels:
            self.put(self.row, 1, label, border=False)
            self.put(self.row, 3, value, border=False)
            self.row += 1
        self.row += 1

    def spans(self) -> list[tuple[int, int, str | None]]:
        """Runs of consecutive columns under one group heading: (first, count, group)."""
        runs: list[tuple[int, int, str | None]] = []
        for index, column in enumerate(self.table.columns):
            if runs and column.group is not None and runs[-1][2] == column.group:
                first, count, group = runs[-1]
                runs[-1] = (first, count + 1, group)
            else:
                runs.append((index, 1, column.group))
        return runs

    def header(self) -> None:
        columns = self.table.columns
        umbrella = _UMBRELLAS.get(self.table.number)
        yearly = [i for i, c in enumerate(columns) if c.year is not None]
        grouped = any(c.group is not None for c in columns)
        depth = 1 + grouped + bool(umbrella and yearly)
        top = self.row
        if umbrella and yearly:
            self.head(top, yearly[0] + 1, umbrella, columns=yearly[-1] - yearly[0] + 1)
        for first, count, group in self.spans():
            column = columns[first]
            if group is None:
                self.head(top, first + 1, column.title, rows=depth)
                continue
            above = 1 if umbrella and yearly and column.year is not None else 0
            if above == 0 and umbrella and yearly:
                self.head(top, first + 1, group, rows=2, columns=count)
            else:
                self.head(top + above, first + 1, group, columns=count)
            for k in range(count):
                label = columns[first + k].short
                self.head(top + depth - 1, first + k + 1, label)
        row = top + depth
        numbers = [c.number for c in columns]
        if any(n is not None for n in numbers):
            for index, number in enumerate(numbers, start=1):
                self.put(row, index, number, align=self.centre)
            row += 1
        self.row = row
        self.sheet.print_title_rows = f"{top}:{row - 1}"

    def value(self, cell: Any, column: Any) -> tuple[Any, str | None]:
        """The value to store and its number format."""
        tables = self.tables
        value = cell.stated if isinstance(cell, tables.Computed | tables.Growth) else cell
        if value is None:
            return None, None
        if isinstance(value, Decimal | int) and not isinstance(value, bool):
            number = Decimal(value)
            if len(number.normalize().as_tuple().digits) > _FLOAT_DIGITS:
                return self.render.cell_text(value, column, lang="id"), None
            places = _places(number)
            pattern = "#,##0" + ("." + "0" * places if places else "")
            if column.kind is tables.Kind.PERCENT:
                pattern += '" %"'
            elif column.kind is tables.Kind.RATE:
                pattern = f"{pattern};({pattern})"
            return value, pattern
        if isinstance(value, Quantity) and column.kind is tables.Kind.QUANTITY:
            return format_quantity(value), None
        text = self.render.cell_text(value, column, lang="id")
        return (text or None), None

    def rows(self) -> None:
        tables = self.tables
        for row in self.table.rows:
            bold = row.kind is not tables.RowKind.DATA or row.level in (
                Level.PROGRAM, Level.KEGIATAN)
            for index, (cell, column) in enumerate(zip(row.cells, self.table.columns,
                                                       strict=True), start=1):
                value, number_format = self.value(cell, column)
                align = self.right if column.kind.numeric else self.wrap
                self.put(self.row, index, value, bold=bold, align=align,
                         number_format=number_format)
            if row.kind is tables.RowKind.HEADING:
                self.merge(self.row, 1, 1, len(self.table.columns))
            self.row += 1

    def layout(self) -> None:
        kinds = self.tables.Kind
        widths = {kinds.TEXT: 32, kinds.LIST: 48, kinds.CODE: 18, kinds.MONEY: 16,
                  kinds.QUANTITY: 16, kinds.PERCENT_QUANTITY: 18}
        for index, column in enumerate(self.table.columns, start=1):
            letter = self.utils.get_column_letter(index)
            self.sheet.column_dimensions[letter].width = widths.get(column.kind, 12)
        self.sheet.page_setup.orientation = "landscape"
        self.sheet.page_setup.fitToWidth = 1
        self.sheet.sheet_properties.pageSetUpPr.fitToPage = True

    def write(self) -> None:
        self.caption()
        self.header()
        self.sheet.freeze_panes = self.sheet.cell(row=self.row, column=1)
        self.rows()
        self.layout()


def _labels(plan: Plan) -> list[tuple[str, str]]:
    org = plan.organisation
    labels = [("Renstra", plan.title), ("Perangkat Daerah", org.name),
              ("Pemerintah Daerah", org.region)]
    if org.province:
        labels.append(("Provinsi", org.province))
    labels.append(_NUMBER_STYLE_LABEL)
    return labels


def write_workbook(plan: Plan, path: str | os.PathLike[str]) -> None:
    """Write *plan*'s standard tables to the workbook at *path*, one sheet a table
    (T-C.23 … T-C.27, 7.1, 2.1 … 2.4, as :mod:`renstra_model.tables.builders` builds them),
    formatted like the document: the caption, the header with the year headings merged over their
    columns, the row of column numbers, money as numbers in the ``#,##0`` format, programs,
    kegiatan and totals in bold. The file is replaced atomically.

    The sheet ``T-C.27`` also states, above its header, the plan's title, Perangkat Daerah,
    region and number style, so that :func:`read_workbook` reads it back to the same
    activity tree: codes, names, indicators, baselines, yearly targets, end-of-period values,
    pagu per year and for the period, units and locations. Quantities are written as the
    document prints them (``25.325 KPM (72,18 %)``); a text cell is always stored as text,
    so a name starting with ``=`` never becomes a formula.
    """
    openpyxl = _openpyxl()
    from ...tables.builders import build_all
    from ...tables.render import sheet_name

    workbook = openpyxl.Workbook()
    workbook.remove(workbook.active)
    used: set[str] = set()
    for table in build_all(plan):
        sheet = workbook.create_sheet(sheet_name(table.number, used))
        labels = _labels(plan) if table.number == "T-C.27" else ()
        _SheetWriter(sheet, table, labels).write()
    target = Path(path)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".xlsx",
                               dir=target.parent or Path("."))
    os.close(fd)
    try:
        workbook.save(tmp)
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise

"""Excel workbooks: read the program and kegiatan sheet of a Renstra into a plan
(:mod:`~renstra_model.io.excel.reader`, with the cells in :mod:`~renstra_model.io.excel.cells`,
the header in :mod:`~renstra_model.io.excel.layout` and the rows in
:mod:`~renstra_model.io.excel.rows`), and write a plan's standard tables, one sheet each,
formatted like the document (:mod:`~renstra_model.io.excel.writer`). Workbooks are opened
through :mod:`renstra_model.io.workbook`. The layouts, the options and the bounds are in
``docs/excel.md``.
"""

from ..workbook import MAX_PARTS, MAX_UNCOMPRESSED_BYTES
from .cells import (
    MAX_PROBLEMS,
    CellProblem,
    CellValue,
    ErrorValue,
    Formula,
    PercentNumber,
    column_letter,
)
from .reader import (
    HEADER_SEARCH_ROWS,
    MAX_COLUMNS,
    MAX_FILE_BYTES,
    MAX_ROWS,
    ImportResult,
    WorkbookError,
    read_rows,
    read_workbook,
)
from .writer import format_quantity, write_workbook

__all__ = [
    "HEADER_SEARCH_ROWS",
    "MAX_COLUMNS",
    "MAX_FILE_BYTES",
    "MAX_PARTS",
    "MAX_PROBLEMS",
    "MAX_ROWS",
    "MAX_UNCOMPRESSED_BYTES",
    "CellProblem",
    "CellValue",
    "ErrorValue",
    "Formula",
    "ImportResult",
    "PercentNumber",
    "WorkbookError",
    "column_letter",
    "format_quantity",
    "read_rows",
    "read_workbook",
    "write_workbook",
]

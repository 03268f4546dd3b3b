"""Excel workbooks: read the program and kegiatan sheet of a Renstra into a plan
(:mod:`~renstra_model.io.excel.reader`), and write a plan's standard tables, one sheet each,
formatted like the document (:mod:`~renstra_model.io.excel.writer`). The layouts, the options
and the bounds are in ``docs/excel.md``.
"""

from .reader import (
    MAX_COLUMNS,
    MAX_FILE_BYTES,
    MAX_PARTS,
    MAX_PROBLEMS,
    MAX_ROWS,
    MAX_UNCOMPRESSED_BYTES,
    CellProblem,
    ErrorValue,
    Formula,
    ImportResult,
    PercentNumber,
    WorkbookError,
    column_letter,
    read_rows,
    read_workbook,
)
from .writer import format_quantity, write_workbook

__all__ = [
    "MAX_COLUMNS",
    "MAX_FILE_BYTES",
    "MAX_PARTS",
    "MAX_PROBLEMS",
    "MAX_ROWS",
    "MAX_UNCOMPRESSED_BYTES",
    "CellProblem",
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

"""File formats: plan files (JSON, through the one converter), Excel workbooks, Parquet, the
nomenclature's files, and the Indonesian number and date parsing the readers share.

Modules whose formats need an optional extra (Excel, Parquet) import it only when a file is
read or written.
"""

from .excel import ImportResult, WorkbookError, read_rows, read_workbook, write_workbook
from .nomenclature import NomenclatureError, load_nomenclature
from .parquet import ColumnarError, export_parquet
from .parsing import (
    parse_date,
    parse_money,
    parse_month,
    parse_number,
    parse_percent,
    parse_place_date,
    parse_quantity,
)
from .serialization import FORMAT_VERSION, dumps, load, loads, save

__all__ = [
    "FORMAT_VERSION",
    "ColumnarError",
    "ImportResult",
    "NomenclatureError",
    "WorkbookError",
    "dumps",
    "export_parquet",
    "load",
    "load_nomenclature",
    "loads",
    "parse_date",
    "parse_money",
    "parse_month",
    "parse_number",
    "parse_percent",
    "parse_place_date",
    "parse_quantity",
    "read_rows",
    "read_workbook",
    "save",
    "write_workbook",
]

"""File formats: plan files (JSON, through the one converter), Excel workbooks, SIPD exports
(CSV and SIPD JSON, :mod:`renstra_model.io.sipd`), Parquet, the nomenclature's files, and the
Indonesian number and date parsing the readers share; and the one entry point that reads
whatever the user has into plans, by its format (``read_plans``,
:mod:`renstra_model.io.inputs`).

The plan files' functions are imported with the package; the other formats' names are imported
on first use (``renstra_model.io.read_workbook`` imports the Excel reader then), so that
``import renstra_model`` and the command line start without the readers they do not need.
Formats that need an optional extra (Excel, Parquet) import it only when a file is read or
written.

>>> from renstra_model import io
>>> io.parse_money("Rp 1.500.000,-")
Decimal('1500000')
"""

from __future__ import annotations

import types
from typing import TYPE_CHECKING, Any

from .serialization import FORMAT_VERSION, dumps, load, loads, save

if TYPE_CHECKING:
    from .excel import ImportResult, WorkbookError, read_rows, read_workbook, write_workbook
    from .inputs import (
        InputFormat,
        Loaded,
        ReadOptions,
        UnsupportedFormatError,
        expand,
        input_format,
        name_plans,
        read_plans,
        register,
        registered,
        unregister,
    )
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
    from .sipd import SipdError, SipdExport, SipdPlan, read_sipd, read_sipd_rows

_EXCEL = frozenset({"ImportResult", "WorkbookError", "read_rows", "read_workbook",
                    "write_workbook"})
_INPUTS = frozenset({"InputFormat", "Loaded", "ReadOptions", "UnsupportedFormatError", "expand",
                     "input_format", "name_plans", "read_plans", "register", "registered",
                     "unregister"})
_NOMENCLATURE = frozenset({"NomenclatureError", "load_nomenclature"})
_PARQUET = frozenset({"ColumnarError", "export_parquet"})
_SIPD = frozenset({"SipdError", "SipdExport", "SipdPlan", "read_sipd", "read_sipd_rows"})
_PARSING = frozenset({"parse_date", "parse_money", "parse_month", "parse_number",
                      "parse_percent", "parse_place_date", "parse_quantity"})


def __getattr__(name: str) -> Any:
    module: types.ModuleType
    if name in _EXCEL:
        from . import excel

        module = excel
    elif name in _INPUTS:
        from . import inputs

        module = inputs
    elif name in _NOMENCLATURE:
        from . import nomenclature

        module = nomenclature
    elif name in _PARQUET:
        from . import parquet

        module = parquet
    elif name in _PARSING:
        from . import parsing

        module = parsing
    elif name in _SIPD:
        from . import sipd

        module = sipd
    else:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(module, name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})


__all__ = [
    "FORMAT_VERSION",
    "ColumnarError",
    "ImportResult",
    "InputFormat",
    "Loaded",
    "NomenclatureError",
    "ReadOptions",
    "SipdError",
    "SipdExport",
    "SipdPlan",
    "UnsupportedFormatError",
    "WorkbookError",
    "dumps",
    "expand",
    "export_parquet",
    "input_format",
    "load",
    "load_nomenclature",
    "loads",
    "name_plans",
    "parse_date",
    "parse_money",
    "parse_month",
    "parse_number",
    "parse_percent",
    "parse_place_date",
    "parse_quantity",
    "read_plans",
    "read_rows",
    "read_sipd",
    "read_sipd_rows",
    "read_workbook",
    "register",
    "registered",
    "save",
    "unregister",
    "write_workbook",
]

"""Writing a plan's standard tables to an Excel workbook, one sheet a table, formatted like the
document (:func:`renstra_model.tables.xlsx.write_document`), so that
:func:`~renstra_model.io.excel.reader.read_workbook` reads the T-C.27 sheet back to the same
activity tree."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Final

from ...errors import Problem
from ...model.plan import Plan
from ...model.values import Quantity
from ...tables.builders import build_all
from ...tables.formats import value_text
from ...tables.schema import Kind
from ...tables.xlsx import IllegalTextError, write_document
from .reader import WorkbookError, _openpyxl

_NUMBER_STYLE_LABEL: Final = ("Format angka", "1.234.567,89")


def format_quantity(quantity: Quantity) -> str:
    """A quantity as :func:`write_workbook` writes it, in the Indonesian style, which
    :func:`~renstra_model.io.parsing.parse_quantity` reads back (with ``style="id"``).

    >>> from decimal import Decimal
    >>> from renstra_model.model.values import NIL
    >>> format_quantity(Quantity(Decimal("25325"), "KPM", Decimal("72.18")))
    '25.325 KPM (72,18 %)'
    >>> format_quantity(Quantity(NIL, "Kasus"))
    '- Kasus'
    """
    return value_text(quantity, Kind.QUANTITY, "id")


def _labels(plan: Plan) -> list[tuple[str, str]]:
    """The label rows above each table: the plan's identity where it states it (a label the
    plan does not state is not written, so that reading the workbook back records it as not
    stated), and the number style."""
    org = plan.organisation
    stated = [("Renstra", plan.title), ("Perangkat Daerah", org.name),
              ("Pemerintah Daerah", org.region), ("Provinsi", org.province)]
    labels = [(label, value) for label, value in stated if value]
    labels.append(_NUMBER_STYLE_LABEL)
    return labels


def write_workbook(plan: Plan, path: str | os.PathLike[str]) -> Path:
    """Write *plan*'s standard tables to the workbook at *path*, one sheet a table
    (T-C.23 … T-C.27, 7.1, 2.1 … 2.4, as :mod:`renstra_model.tables.builders` builds them),
    formatted like the document: the caption, the header with the year headings merged over their
    columns, the row of column numbers, money as numbers in the ``#,##0`` format, programs,
    kegiatan and totals in bold. The file is replaced atomically.

    The sheet ``T-C.27`` also states, above its header, the plan's title, Perangkat Daerah,
    region and number style, so that :func:`~renstra_model.io.excel.reader.read_workbook` reads it
    back to the same activity tree: codes, names, indicators, baselines, yearly targets,
    end-of-period values, pagu per year and for the period, units and locations. Quantities are
    written as the document prints them (``25.325 KPM (72,18 %)``); a text cell is always stored as
    text, so a name starting with ``=`` never becomes a formula. Returns the path written.
    """
    _openpyxl()
    try:
        return write_document(build_all(plan), path, labels={"T-C.27": _labels(plan)})
    except IllegalTextError as exc:
        raise WorkbookError([Problem(
            f"{exc.table}!{exc.cell}", "excel.illegal_text", {"table": exc.table},
        )]) from None

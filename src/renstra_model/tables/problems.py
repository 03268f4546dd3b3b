"""The problem tables of chapter III (3.1, 3.2, …): per core problem (permasalahan pokok) its
problems (masalah) and root causes (akar masalah), one
:class:`~renstra_model.tables.schema.Table` per
:class:`~renstra_model.model.problem_tables.ProblemTable` the plan holds.

Their number and count differ from plan to plan (one table, or one per section of the agency), so
they are not among the standard tables of :data:`~renstra_model.tables.builders.TABLES`: they are
built by their number from the plan, and :func:`~renstra_model.tables.builders.build_all` adds
every one the plan holds.

>>> from renstra_model.examples import ttu_dinsos
>>> [t.number for t in problem_tables(ttu_dinsos())]
['3.1', '3.2', '3.3', '3.4']
"""

from __future__ import annotations

from typing import Final

from ..model.plan import Plan
from ..model.problem_tables import ProblemTable
from .schema import Column, Kind, Row, Table

__all__ = ["PROBLEM_COLUMNS", "problem_table", "problem_tables"]

PROBLEM_COLUMNS: Final = (
    Column("no", "No", Kind.TEXT),
    Column("core_problem", "Permasalahan Pokok", Kind.TEXT),
    Column("problem", "Masalah", Kind.TEXT),
    Column("root_cause", "Akar Masalah", Kind.TEXT),
)
"""The columns of a problem table, titled as the document prints them."""


def problem_table(table: ProblemTable) -> Table:
    """*table* as a :class:`~renstra_model.tables.schema.Table`: its number and title, one row
    per printed row (a row that continues the one above has no number and no core problem, as
    the document prints it)."""
    rows = tuple(
        Row((r.number, r.core_problem, r.problem, r.root_cause), source=r.source)
        for r in table.rows
    )
    return Table(table.number, table.title, PROBLEM_COLUMNS, rows)


def problem_tables(plan: Plan) -> tuple[Table, ...]:
    """Every problem table of *plan*, in the plan's order."""
    return tuple(problem_table(t) for t in plan.problem_tables)

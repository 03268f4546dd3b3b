"""Roll-ups of money: a parent's money per year as the sum of its children, totals per
program, per year and per period.

A stated nil (``-``) counts as zero rupiah in a sum; a year that no part states anything for
is absent from the result (an empty cell stays empty).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from decimal import Decimal
from typing import Literal

from ..model.activities import Activity
from ..model.codes import Code
from ..model.plan import Plan
from ..model.values import MoneyCell
from .arithmetic import ZERO, calculate

Field = Literal["planned", "realised"]
"""Which money of a budget line: ``planned`` (pagu, anggaran) or ``realised`` (realisasi)."""


def stated(activity: Activity, field: Field = "planned") -> Mapping[int, MoneyCell]:
    """The money *activity* itself states per year (empty when it states none)."""
    if activity.budget is None:
        return {}
    return activity.budget.planned if field == "planned" else activity.budget.realised


def add(series: Iterable[Mapping[int, MoneyCell]]) -> dict[int, Decimal]:
    """The per-year sum of several series, a nil counting as zero; years in year order."""

    def compute() -> dict[int, Decimal]:
        totals: dict[int, Decimal] = {}
        for one in series:
            for year, cell in one.items():
                amount = cell if isinstance(cell, Decimal) else ZERO
                totals[year] = totals.get(year, ZERO) + amount
        return dict(sorted(totals.items()))

    return calculate(compute)


def rollup(activity: Activity, field: Field = "planned") -> dict[int, Decimal]:
    """The money of *activity* per year as the sum of its sub kegiatan (its leaves).

    A leaf contributes what it states; a parent's own stated figures are not used.

    >>> from renstra_model.examples import ttu_dinsos
    >>> rollup(ttu_dinsos().find("1 06 07"))[2024]
    Decimal('250000000')
    """
    return calculate(lambda: _roll_up(activity, field, {}))


def rollups_by_id(
    roots: Iterable[Activity], field: Field = "planned"
) -> dict[int, dict[int, Decimal]]:
    """The :func:`rollup` of every activity of the trees of *roots* (a plan's programs),
    computed leaves first in one pass, keyed by the activity's ``id`` (valid while the
    activities live)."""
    rolled: dict[int, dict[int, Decimal]] = {}

    def compute() -> None:
        for root in roots:
            _roll_up(root, field, rolled)

    calculate(compute)
    return rolled


def _roll_up(
    activity: Activity, field: Field, rolled: dict[int, dict[int, Decimal]]
) -> dict[int, Decimal]:
    """The roll-up of *activity*, kept in *rolled* with those of its descendants (a module
    function, not a closure: a recursive closure is a reference cycle, which would keep the
    roll-ups alive until the garbage collector runs)."""
    totals: dict[int, Decimal] = {}
    if activity.children:
        for child in activity.children:
            for year, amount in _roll_up(child, field, rolled).items():
                totals[year] = totals.get(year, ZERO) + amount
    else:
        for year, cell in stated(activity, field).items():
            totals[year] = totals.get(year, ZERO) + (cell if type(cell) is Decimal else ZERO)
    result = dict(sorted(totals.items()))
    rolled[id(activity)] = result
    return result


def children_sum(
    activity: Activity,
    field: Field = "planned",
    rolled: Mapping[int, Mapping[int, Decimal]] | None = None,
) -> dict[int, Decimal]:
    """The per-year sum of *activity*'s direct children, each child counting with what it
    states for the year, or with its own roll-up where it states nothing that year.

    This is what a parent's stated subtotal should equal. *rolled*: the roll-ups of the tree
    by ``id`` (:func:`rollups_by_id`), where the caller has them.
    """
    children = activity.children
    if rolled is None:
        rolled = rollups_by_id([activity], field)
    if children and not any(child.children for child in children):
        # Leaves state what they roll up to (a nil counting as zero in both).
        return dict(rolled[id(activity)])
    return parts_sum(children, field, rolled)


def parts_sum(
    parts: Iterable[Activity], field: Field, rolled: Mapping[int, Mapping[int, Decimal]]
) -> dict[int, Decimal]:
    """The per-year sum of *parts* (a parent's children, a plan's programs), each counting
    with what it states for the year, or with its roll-up where it states nothing that year
    (*rolled*: the roll-ups of their trees by ``id``, :func:`rollups_by_id`).

    >>> from renstra_model.examples import ttu_dinsos
    >>> plan = ttu_dinsos()
    >>> parts_sum(plan.programs, "planned", rollups_by_id(plan.programs))[2023]
    Decimal('4091594846.5')
    """
    return add(_child_series(part, field, rolled[id(part)]) for part in parts)


def _child_series(
    child: Activity, field: Field, below: Mapping[int, Decimal]
) -> dict[int, MoneyCell]:
    return {**below, **stated(child, field)}


def totals_by_program(plan: Plan, field: Field = "planned") -> dict[Code, dict[int, Decimal]]:
    """Each program's money per year, rolled up from its sub kegiatan."""
    return {program.code: rollup(program, field) for program in plan.programs}


def total_by_year(plan: Plan, field: Field = "planned") -> dict[int, Decimal]:
    """The plan's money per year, rolled up from every sub kegiatan.

    >>> from renstra_model.examples import ttu_dinsos
    >>> total_by_year(ttu_dinsos())[2023]
    Decimal('4091594846.5')
    """
    return add(rollup(program, field) for program in plan.programs)


def period_total(series: Mapping[int, Decimal]) -> Decimal:
    """The sum of a per-year series over the period.

    >>> from renstra_model.examples import ttu_dinsos
    >>> period_total(total_by_year(ttu_dinsos()))
    Decimal('33801099010.5')
    """
    return calculate(lambda: sum(series.values(), ZERO))

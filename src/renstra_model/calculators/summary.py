"""The shape of a plan: how many of each part it has, and its planned money per year."""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal
from typing import Any

from attrs import frozen

from ..model.activities import Activity
from ..model.codes import Level
from ..model.plan import Plan
from ..model.values import MoneyCell


def _amount(cell: MoneyCell) -> Decimal:
    return cell if isinstance(cell, Decimal) else Decimal(0)


def planned_by_year(activities: Iterable[Activity], years: Iterable[int]) -> dict[int, Decimal]:
    """The planned money of *activities* per year, a stated nil counting as zero."""
    totals = {year: Decimal(0) for year in years}
    for activity in activities:
        if activity.budget is None:
            continue
        for year, cell in activity.budget.planned.items():
            if year in totals:
                totals[year] += _amount(cell)
    return totals


@frozen
class Summary:
    """Counts of a plan's parts and its planned money per year (summed over sub kegiatan)."""

    title: str | None
    missions: int
    goals: int
    targets: int
    indicators: int
    key_indicators: int
    programs: int
    kegiatan: int
    sub_kegiatan: int
    budget_by_year: dict[int, Decimal]

    @property
    def budget_total(self) -> Decimal:
        """The planned money over the whole period."""
        return sum(self.budget_by_year.values(), Decimal(0))

    def to_json(self) -> dict[str, Any]:
        """JSON-compatible data; money as decimal strings."""
        return {
            "title": self.title,
            "missions": self.missions,
            "goals": self.goals,
            "targets": self.targets,
            "indicators": self.indicators,
            "key_indicators": self.key_indicators,
            "programs": self.programs,
            "kegiatan": self.kegiatan,
            "sub_kegiatan": self.sub_kegiatan,
            "budget_by_year": {str(y): format(v, "f") for y, v in self.budget_by_year.items()},
            "budget_total": format(self.budget_total, "f"),
        }


def summarise(plan: Plan) -> Summary:
    """Count the parts of *plan* and sum its sub kegiatan's planned money per plan year.

    >>> from renstra_model.examples import ttu_dinsos
    >>> s = summarise(ttu_dinsos())
    >>> (s.programs, s.kegiatan, s.sub_kegiatan)
    (7, 16, 48)
    >>> s.budget_total
    Decimal('33801099010.5')
    """
    return Summary(
        title=plan.title,
        missions=len(plan.missions),
        goals=len(plan.goals),
        targets=sum(len(g.targets) for g in plan.goals),
        indicators=sum(1 for _ in plan.indicators()),
        key_indicators=len(plan.key_indicators),
        programs=len(plan.activities_at(Level.PROGRAM)),
        kegiatan=len(plan.activities_at(Level.KEGIATAN)),
        sub_kegiatan=len(plan.activities_at(Level.SUB_KEGIATAN)),
        budget_by_year=planned_by_year(plan.activities_at(Level.SUB_KEGIATAN), plan.period.years),
    )

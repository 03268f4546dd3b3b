"""The Renja cut: the year's plan (Rencana Kerja) taken from a Renstra, in the same model.

:func:`renja` keeps what the year plans, so that every function of a plan (the checks, the
tables, the summary, the export) works on the Renja unchanged:

* **Period**: baseline year Y-1, first year Y, last year Y+1 where Y+1 is a year of the
  Renstra (the forward estimate, prakiraan maju), else Y.
* **Activities**: every leaf of the tree (a sub kegiatan, or an activity without children)
  that has a target (a quantity other than ``-``) or a pagu (an amount above zero) in Y, with
  its ancestors; a program or kegiatan is kept when one of its children is. Each keeps Y's
  and Y+1's targets and pagu (pagu indikatif) and nothing of the other years; an activity
  that starts only in Y+1 is not in the Renja of Y, so the forward estimate is that of the
  year's activities. A derived parent (``derived=True``) stays derived, its pagu its
  children's sum. A stated subtotal (of a program, a kegiatan, the T-C.27 total, a T-C.24
  row) is reduced by what the children left out contribute to it (their Y+1 money, a left-out
  kegiatan's own figures), so that it differs from the children kept exactly as much as it
  differed from all of them: a subtotal the Renstra states wrong is wrong by as much in the
  Renja, and a right one stays right.
* **Indicators** (of activities, goals, Table 7.1 and T-C.23): Y's and Y+1's targets; the
  baseline is the Renstra's target for Y-1 (its baseline for the first year). The end of
  period stays the Renstra's (the stated percentages of the targets are of it), and an
  indicator that states one has the aggregation kind ``stated`` in the Renja: the Renja's
  years do not give the Renstra's end.
* **Money**: no end-of-period total (``planned_total``); the T-C.27 total row keeps Y and Y+1.
  T-C.24 keeps the rows of the activities kept, and the rows of no activity of the tree (the
  bidang urusan, rows without a code) that state a pagu in Y, with Y's and Y+1's budget.
* **Realisations** are not carried, nor the ratios and growth stated of them: a Renja plans;
  what was realised is the evaluation's.
* **Carried as they are**: the organisation, the head, the regional heads, the vision,
  missions and goals, and the notes of the source's reading. **Not carried**: the adoption
  (the Renja is adopted on its own date), the legal basis, the strategic and emerging issues,
  the resources (chapter II) and the problem tables (chapter III). The title is
  "Renja Y:" and the Renstra's :attr:`~renstra_model.Plan.label`.

Its year-Y money equals the Renstra's (:func:`~renstra_model.calculators.rollups.total_by_year`):
a leaf left out has no pagu in Y.

>>> from renstra_model.examples import ttu_dinsos
>>> from renstra_model.calculators.rollups import total_by_year
>>> cut = renja(ttu_dinsos(), 2023)
>>> cut.period
Period(baseline_year=2022, first_year=2023, last_year=2024)
>>> total_by_year(cut)[2023]
Decimal('4091594846.5')
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from decimal import Decimal
from typing import Final

from attrs import evolve

from ..calculators.arithmetic import ZERO
from ..calculators.rollups import children_sum, parts_sum, rollups_by_id
from ..errors import MessageError
from ..messages import extend
from ..model.activities import Activity
from ..model.budget import BudgetLine, BudgetRow
from ..model.codes import Code, Level
from ..model.goals import Goal, Target
from ..model.indicators import Aggregation, Indicator
from ..model.performance import PerformanceRow
from ..model.plan import Period, Plan
from ..model.values import MoneyCell, Quantity

extend({
    "renja.year": {
        "en": "{year!r} is not a year of the plan period {first}-{last}: a Renja is cut for "
              "one of its years",
        "id": "{year!r} bukan tahun dalam periode rencana {first}-{last}: Renja disusun untuk "
              "salah satu tahunnya",
    },
})

__all__ = ["RenjaYearError", "renja", "renja_period"]

_ABOVE_PROGRAMS: Final = frozenset({Level.URUSAN, Level.BIDANG_URUSAN})


class RenjaYearError(MessageError, ValueError):
    """The year asked for is not a year of the plan (the baseline year is not one)."""

    key = "renja.year"


def renja_period(plan: Plan, year: int) -> Period:
    """The period of *plan*'s Renja of *year*: Y-1, Y, and Y+1 where the plan has it.

    >>> from renstra_model.examples import ttu_dinsos
    >>> renja_period(ttu_dinsos(), 2026)
    Period(baseline_year=2025, first_year=2026, last_year=2026)
    """
    period = plan.period
    if isinstance(year, bool) or not isinstance(year, int) or year not in period.years:
        raise RenjaYearError(year=year, first=period.first_year, last=period.last_year)
    last = year + 1 if year + 1 in period.years else year
    return Period(year - 1, year, last)


def renja(plan: Plan, year: int) -> Plan:
    """The Renja of *year* cut from *plan* (see the module); :class:`RenjaYearError` when
    *year* is not one of the plan's years."""
    period = renja_period(plan, year)
    cut = _Cut(year, frozenset(period.years), plan.period.first_year)
    programs = tuple(kept for kept in map(cut.activity, plan.programs) if kept is not None)
    kept_ids = _ids(programs, plan)
    if kept_ids != _ids(plan.programs, plan):  # links to indicators left out go with them
        cut = _Cut(year, frozenset(period.years), plan.period.first_year, kept_ids)
        programs = tuple(kept for kept in map(cut.activity, plan.programs) if kept is not None)
    tree = {a.code for p in plan.programs for _, a in p.walk()}
    kept_codes = {a.code for p in programs for _, a in p.walk()}
    total = cut.left_out(parts_sum(plan.programs, "planned", rollups_by_id(plan.programs)),
                         parts_sum(programs, "planned", rollups_by_id(programs)))
    total_budget = cut.optional_line(plan.total_budget)
    if total_budget is not None and total:
        total_budget = _less(total_budget, total)
    return Plan(
        title=f"Renja {year}: {plan.label}",
        organisation=plan.organisation,
        period=period,
        head=plan.head,
        regional_heads=plan.regional_heads,
        vision=plan.vision,
        missions=plan.missions,
        goals=tuple(cut.goal(goal) for goal in plan.goals),
        key_indicators=tuple(
            evolve(key, indicator=cut.indicator(key.indicator)) for key in plan.key_indicators
        ),
        service_performance=tuple(cut.performance(row) for row in plan.service_performance),
        programs=programs,
        total_budget=total_budget,
        budget_table=tuple(cut.rows(plan.budget_table, tree, kept_codes, total)),
        reading=plan.reading,
    )


class _Cut:
    """The cut of one year: what it keeps of each part of a plan."""

    def __init__(
        self, year: int, years: frozenset[int], first_year: int,
        ids: frozenset[str] | None = None,
    ) -> None:
        self.ids = ids
        """The indicator ids the cut keeps, where it leaves some out (None: all)."""
        self.year = year
        self.years = years
        self.first_year = first_year
        self.adjusted: dict[Code, dict[int, Decimal]] = {}
        """The subtotals reduced by what their left-out children contribute, by code."""

    def planned(self, indicator: Indicator) -> dict[int, Quantity]:
        return {y: q for y, q in indicator.planned.items() if y in self.years}

    def indicator(self, indicator: Indicator) -> Indicator:
        year = self.year
        baseline = (indicator.baseline if year == self.first_year
                    else indicator.planned.get(year - 1))
        kind = indicator.aggregation if indicator.end_of_period is None else Aggregation.STATED
        ids, links = self.ids, indicator.links
        if ids is not None:
            links = tuple(link for link in links if link in ids)
        return evolve(indicator, planned=self.planned(indicator), realised={},
                      baseline=baseline, aggregation=kind, links=links)

    def line(self, line: BudgetLine) -> BudgetLine:
        planned = {y: cell for y, cell in line.planned.items() if y in self.years}
        return BudgetLine(planned=planned, source=line.source)

    def optional_line(self, line: BudgetLine | None) -> BudgetLine | None:
        return None if line is None else self.line(line)

    def states(self, activity: Activity) -> bool:
        """Whether *activity* has a target or a pagu in the year."""
        year = self.year
        for ind in activity.indicators:
            target = ind.planned.get(year)
            if target is not None and not target.is_nil:
                return True
        lines = (activity.budget, *activity.budget_parts)
        return any(_pagu(line, year) for line in lines)

    def activity(self, activity: Activity) -> Activity | None:
        """*activity* cut to the year, or None when neither it (a leaf) nor any of its
        children has a target or a pagu in the year."""
        if activity.children:
            children = tuple(c for c in map(self.activity, activity.children) if c is not None)
            if not children:
                return None
        elif not self.states(activity):
            return None
        else:
            children = ()
        parts = tuple(part for part in map(self.line, activity.budget_parts) if part.planned)
        made = evolve(
            activity,
            indicators=tuple(map(self.indicator, activity.indicators)),
            budget=self.optional_line(activity.budget),
            budget_parts=parts,
            children=children,
        )
        if not children:
            return made
        left_out = self.left_out(children_sum(activity), children_sum(made))
        if left_out:
            self.adjusted[activity.code] = left_out  # for its row of T-C.24 too
            if made.budget is not None:
                made = evolve(made, budget=_less(made.budget, left_out))
        return made

    def left_out(
        self, before: Mapping[int, Decimal], after: Mapping[int, Decimal]
    ) -> dict[int, Decimal]:
        """What the parts left out contributed per year of the cut: *before* less *after*."""
        out = {y: before.get(y, ZERO) - after.get(y, ZERO) for y in sorted(self.years)}
        return {y: amount for y, amount in out.items() if amount}

    def goal(self, goal: Goal) -> Goal:
        return evolve(goal, targets=tuple(self.target(t) for t in goal.targets))

    def target(self, target: Target) -> Target:
        return evolve(target, indicators=tuple(map(self.indicator, target.indicators)))

    def performance(self, row: PerformanceRow) -> PerformanceRow:
        return evolve(row, indicator=self.indicator(row.indicator), stated_ratio={})

    def rows(
        self, rows: Iterable[BudgetRow], tree: set[Code], kept: set[Code],
        total: Mapping[int, Decimal],
    ) -> Iterable[BudgetRow]:
        """The T-C.24 rows of the year: those of the activities kept, and those of no
        activity of the tree that state a pagu in the year; each reduced like its activity's
        subtotal, a bidang urusan or urusan row like the plan's total (*total*)."""
        for row in rows:
            if row.code in kept or (row.code not in tree and _pagu(row.budget, self.year)):
                less = (total if row.code not in tree and row.level in _ABOVE_PROGRAMS
                        else self.adjusted.get(row.code) if row.code is not None else None)
                line = self.line(row.budget)
                yield evolve(row, budget=_less(line, less) if less else line,
                             stated_ratio={}, stated_growth_planned=None,
                             stated_growth_realised=None)


def _ids(programs: Iterable[Activity], plan: Plan) -> frozenset[str]:
    """The indicator ids of the trees of *programs* and of *plan*'s goals, 7.1 and T-C.23."""
    found = {ind.id for p in programs for _, a in p.walk() for ind in a.indicators}
    found.update(ind.id for goal in plan.goals for t in goal.targets for ind in t.indicators)
    found.update(key.indicator.id for key in plan.key_indicators)
    found.update(row.indicator.id for row in plan.service_performance)
    return frozenset(i for i in found if i is not None)


def _less(line: BudgetLine, less: Mapping[int, Decimal]) -> BudgetLine:
    """*line* with *less* taken from the amounts it states (where the result is not negative:
    a subtotal below its children stays as stated, for the checks to report)."""
    planned: dict[int, MoneyCell] = dict(line.planned)
    for year, amount in less.items():
        cell = planned.get(year)
        if isinstance(cell, Decimal) and cell >= amount:
            planned[year] = cell - amount
    return evolve(line, planned=planned)


def _pagu(line: BudgetLine | None, year: int) -> bool:
    """Whether *line* states an amount above zero for *year*."""
    if line is None:
        return False
    cell = line.planned.get(year)
    return isinstance(cell, Decimal) and cell > 0

"""Helpers the rule modules share: where things are in a plan (and :class:`PlanIndex`, what
several rules need of one plan, computed once per check), and values as message text."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping
from decimal import Decimal
from functools import cached_property

from attrs import frozen

from ..calculators.arithmetic import CONTEXT, ZERO, Result, Undefined, present
from ..calculators.rollups import Field, children_sum, parts_sum, rollups_by_id
from ..errors import RenstraError
from ..messages import Lang, render
from ..model.activities import Activity
from ..model.codes import Code, Level
from ..model.indicators import Indicator, Polarity
from ..model.plan import Plan
from ..model.values import NIL, Nil, Quantity
from .findings import Location


def amount(value: Decimal | Nil | None) -> str | None:
    """A money or number cell as a finding's value: ``4091594846.5``, ``-`` (the document's
    nil), or None for an empty cell (which a message reads as ``(empty)``, ``(kosong)``)."""
    if value is None:
        return None
    if isinstance(value, Nil):
        return "-"
    return format(value, "f")


def computed(value: Result, places: int = 2) -> str | None:
    """A calculated value as a finding's value, rounded for display, or None where it is
    undefined (a message reads it with ``{name:none.phrase.value.undefined}``)."""
    if isinstance(value, Undefined):
        return None
    shown = present(value, places)
    return format(shown, "f") if shown is not None else None


def cell(quantity: Quantity | None) -> str | None:
    """A stated quantity as a finding's value: ``25325 KPM (72.18 %)``, or None for an
    empty cell."""
    return None if quantity is None else str(quantity)


def years_text(years: Iterable[int]) -> str:
    """``2022, 2023, 2026``."""
    return ", ".join(str(y) for y in years)


def table_of(activity: Activity) -> str:
    """The table an activity's row comes from (T-C.27 unless its source says otherwise)."""
    return activity.source.table if activity.source else "T-C.27"


def activity_location(activity: Activity, path: str, year: int | None = None) -> Location:
    """The location of an activity's row."""
    return Location(table_of(activity), activity.code, year, path)


@frozen
class IndicatorSite:
    """An indicator with where it stands: its path, table, the code of its activity (if any)
    and its row as printed."""

    path: str
    indicator: Indicator
    table: str | None
    code: Code | None
    row: str | None
    activity: Activity | None = None
    goal: Quantity | None = None
    """A figure the row states as the indicator's goal outside the yearly columns (T-C.23's
    NSPK, IKK or other target), used where the indicator states no end of period."""

    def location(self, year: int | None = None) -> Location:
        """The indicator's location, optionally at *year*."""
        return Location(self.table, self.code, year, self.path, None if self.code else self.row)


def indicator_sites(
    plan: Plan, activities: Iterable[tuple[str, Activity]] | None = None
) -> Iterator[IndicatorSite]:
    """Every indicator of *plan* with its site, in the order of
    :meth:`~renstra_model.Plan.indicators` (*activities*: the plan's activities with their
    paths, where the caller has them)."""

    def source_of(ind: Indicator, default: str) -> tuple[str | None, str | None]:
        if ind.source is None:
            return default, None
        return ind.source.table, ind.source.row

    for g, goal in enumerate(plan.goals):
        for t, target in enumerate(goal.targets):
            for k, ind in enumerate(target.indicators):
                table, row = source_of(ind, "T-C.25")
                yield IndicatorSite(
                    f"goals[{g}].targets[{t}].indicators[{k}]", ind, table, None, row or ind.id
                )
    for k, key in enumerate(plan.key_indicators):
        table, row = source_of(key.indicator, "7.1")
        yield IndicatorSite(
            f"key_indicators[{k}].indicator", key.indicator, table, None, row or str(key.number)
        )
    for k, perf in enumerate(plan.service_performance):
        table, row = source_of(perf.indicator, "T-C.23")
        yield IndicatorSite(
            f"service_performance[{k}].indicator",
            perf.indicator,
            table,
            None,
            row or str(perf.number),
            goal=perf.nspk_target or perf.ikk_target or perf.other_target,
        )
    for path, activity in plan.activities() if activities is None else activities:
        for k, ind in enumerate(activity.indicators):
            yield IndicatorSite(
                f"{path}.indicators[{k}]", ind, table_of(activity), activity.code, None, activity
            )


class NotInPlanError(RenstraError, LookupError):
    """An activity asked of a :class:`PlanIndex` is not one of its plan's, nor equal to one."""

    def __init__(self, activity: Activity) -> None:
        self.params = {"level": activity.level.label, "code": str(activity.code)}
        super().__init__(self.message())

    def message(self, lang: Lang | None = None) -> str:
        """The error in *lang*."""
        return render("checks.not_in_plan", self.params, lang)


class PlanIndex:
    """What several rules need of one plan, computed on first use and kept for the rest of the
    check: the activities with their paths, the indicator sites, and the roll-up of every
    activity's money. The plan is immutable, so these never go stale. An activity is found by
    identity, or else by equality (a copy of one of the plan's activities);
    :class:`NotInPlanError` names one that is neither.

    >>> from renstra_model.examples import ttu_dinsos
    >>> plan = ttu_dinsos()
    >>> index = PlanIndex(plan)
    >>> len(index.activities), len(index.sites)
    (71, 68)
    >>> index.rollup(plan.find("1 06 07"))[2024]
    Decimal('250000000')
    """

    def __init__(self, plan: Plan) -> None:
        self.plan = plan

    @cached_property
    def activities(self) -> tuple[tuple[str, Activity], ...]:
        """Every activity of the tree with its path, depth first
        (:meth:`~renstra_model.Plan.activities`)."""
        return tuple(self.plan.activities())

    @cached_property
    def sub_kegiatan(self) -> tuple[tuple[str, Activity], ...]:
        """The sub kegiatan of the tree with their paths, in tree order."""
        sub = Level.SUB_KEGIATAN
        return tuple(pair for pair in self.activities if pair[1].level is sub)

    @cached_property
    def sites(self) -> tuple[IndicatorSite, ...]:
        """Every indicator with its site (:func:`~renstra_model.checks.rulekit.indicator_sites`)."""
        return tuple(indicator_sites(self.plan, self.activities))

    @cached_property
    def years(self) -> tuple[int, ...]:
        """The years of the plan's period, first to last."""
        return self.plan.period.years

    @cached_property
    def year_set(self) -> frozenset[int]:
        """The years of the plan's period, for membership tests."""
        return frozenset(self.plan.period.years)

    def rollup(self, activity: Activity, field: Field = "planned") -> Mapping[int, Decimal]:
        """The roll-up of *activity*'s money (:func:`~renstra_model.calculators.rollups.rollup`),
        for an activity of this plan's tree or one equal to it."""
        rolled = self._rolled(field)
        found = rolled.get(id(activity))
        return found if found is not None else rolled[id(self.own(activity))]

    def children_sum(self, activity: Activity, field: Field = "planned") -> dict[int, Decimal]:
        """The sum of *activity*'s direct children
        (:func:`~renstra_model.calculators.rollups.children_sum`), for an activity of this
        plan's tree or one equal to it."""
        rolled = self._rolled(field)
        own = activity if id(activity) in rolled else self.own(activity)
        return children_sum(own, field, rolled)

    def programs_sum(self, field: Field = "planned") -> dict[int, Decimal]:
        """The sum of the plan's programs, each with what it states or else its roll-up
        (:func:`~renstra_model.calculators.rollups.parts_sum`): what the TOTAL row adds up."""
        return parts_sum(self.plan.programs, field, self._rolled(field))

    def own(self, activity: Activity) -> Activity:
        """The plan's activity that *activity* is, or else the first one equal to it (equal
        activities have equal money); :class:`NotInPlanError` if there is none."""
        if id(activity) in self._planned:
            return activity
        for _, candidate in self.activities:
            if candidate == activity:
                return candidate
        raise NotInPlanError(activity)

    def _rolled(self, field: Field) -> dict[int, dict[int, Decimal]]:
        return self._planned if field == "planned" else self._realised

    @cached_property
    def _planned(self) -> dict[int, dict[int, Decimal]]:
        return rollups_by_id(self.plan.programs, "planned")

    @cached_property
    def _realised(self) -> dict[int, dict[int, Decimal]]:
        return rollups_by_id(self.plan.programs, "realised")


def topmost(
    activities: Iterable[tuple[str, Activity]], test: Callable[[Activity], bool]
) -> Iterator[tuple[str, Activity]]:
    """The activities (with their paths, depth first) that pass *test* and have no ancestor
    that passes it: where a code shared by a whole subtree is reported once."""
    reported: list[str] = []
    for path, activity in activities:
        if reported and path.startswith(reported[-1] + "."):
            continue
        if test(activity):
            reported.append(path)
            yield path, activity


def within(path: str, roots: Iterable[tuple[str, Activity]]) -> bool:
    """True when *path* is one of *roots*' paths or lies below one."""
    return any(path == root or path.startswith(root + ".") for root, _ in roots)


def same_unit(a: str, b: str) -> bool:
    """True when two units name the same thing: equal ignoring case, or sharing their first
    word (``Korban`` and ``Korban Bencana``, ``KPM`` and ``KPM PKH``)."""
    wa, wb = a.lower().split(), b.lower().split()
    return wa == wb or bool(wa and wb and wa[0] == wb[0])


def units_of(indicator: Indicator) -> set[str]:
    """The units of the indicator's single-figure cells, case folded."""
    return {
        q.unit.strip().lower()
        for q in (indicator.baseline, *indicator.planned.values(), indicator.end_of_period)
        if q is not None and q.unit and not q.also
    }


def is_positive(quantity: Quantity | None) -> bool:
    """True when a stated quantity has an amount above zero."""
    return (
        quantity is not None
        and isinstance(quantity.amount, Decimal)
        and quantity.amount > 0
    )


def money_positive(value: Decimal | Nil | None) -> bool:
    """True when a money cell holds more than zero rupiah."""
    return isinstance(value, Decimal) and value > 0


def money_sum(cells: Iterable[Decimal | Nil | None]) -> Decimal | None:
    """The sum of money cells, a nil counting as zero; None when no cell is stated."""
    stated = [cell for cell in cells if cell is not None]
    if not stated:
        return None
    return CONTEXT.add(ZERO, sum((c for c in stated if isinstance(c, Decimal)), ZERO))


def aims_at_zero(indicator: Indicator, year: int) -> bool:
    """True when an indicator where lower is better sets zero as its target for *year* (no
    cases at all): a target, though not a positive one."""
    if indicator.polarity is not Polarity.LOWER_IS_BETTER:
        return False
    target = indicator.planned.get(year)
    return target is not None and target.amount == 0


def is_nil_or_zero(value: Decimal | Nil | None) -> bool:
    """True for ``-``, an empty cell or zero."""
    return value is None or value is NIL or value == 0

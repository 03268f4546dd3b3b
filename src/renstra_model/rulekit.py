"""Helpers the rule modules share: where things are in a plan, and values as message text."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from decimal import Decimal

from attrs import frozen

from .activities import Activity
from .arithmetic import Result, Undefined, present
from .codes import Code
from .findings import Location
from .indicators import Indicator
from .plan import Plan
from .values import NIL, Nil, Quantity


def amount(value: Decimal | Nil | None) -> str:
    """A money or number cell as message text: ``4091594846.5``, ``-`` or ``(empty)``."""
    if value is None:
        return "(empty)"
    if isinstance(value, Nil):
        return "-"
    return format(value, "f")


def computed(value: Result, places: int = 2) -> str:
    """A calculated value as message text, rounded for display, or ``undefined``."""
    if isinstance(value, Undefined):
        return "undefined"
    shown = present(value, places)
    return format(shown, "f") if shown is not None else "undefined"


def cell(quantity: Quantity | None) -> str:
    """A stated quantity as message text: ``25325 KPM (72.18 %)``, or ``(empty)``."""
    return "(empty)" if quantity is None else str(quantity)


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


def indicator_sites(plan: Plan) -> Iterator[IndicatorSite]:
    """Every indicator of *plan* with its site, in the order of :meth:`Plan.indicators`."""

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
    for path, activity in plan.activities():
        for k, ind in enumerate(activity.indicators):
            yield IndicatorSite(
                f"{path}.indicators[{k}]", ind, table_of(activity), activity.code, None, activity
            )


def same_unit(a: str, b: str) -> bool:
    """True when two units name the same thing: equal ignoring case, or sharing their first
    word (``Korban`` and ``Korban Bencana``, ``KPM`` and ``KPM PKH``)."""
    wa, wb = a.lower().split(), b.lower().split()
    return wa == wb or bool(wa and wb and wa[0] == wb[0])


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


def is_nil_or_zero(value: Decimal | Nil | None) -> bool:
    """True for ``-``, an empty cell or zero."""
    return value is None or value is NIL or value == 0

"""Rules on magnitude: a year's pagu or target an order of magnitude off both of its
neighbouring years, the mark of a digit typed twice or left out."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from decimal import Decimal
from typing import Final

from ...calculators.arithmetic import CONTEXT, ZERO
from ...model.activities import Activity
from ...model.indicators import Indicator
from ...model.values import MoneyCell, Quantity
from ..findings import Location, Severity, Text
from ..registry import Context, Found, rule
from ..rulekit import amount, cell, computed, same_unit, table_of

TEN: Final = Decimal(10)
TWO: Final = Decimal(2)
_PERCENT: Final = frozenset({"%", "persen"})


def _spread(amounts: Iterable[object]) -> bool:
    """True when the positive amounts of a series span a factor of ten or more: the quick
    test that leaves out nearly every series before its years are compared."""
    low = high = None
    for a in amounts:
        if type(a) is Decimal and a > ZERO:
            if low is None or high is None:
                low = high = a
            elif a < low:
                low = a
            elif a > high:
                high = a
    return low is not None and high is not None and high >= low * TEN


def _off(before: object, value: object, after: object) -> tuple[bool, Decimal] | None:
    """``(above, factor)`` when *value* is ten times or more above both neighbours, or ten
    times or more below both (all three positive amounts); else None. The factor is the
    smaller of the two ratios."""
    if not (type(before) is Decimal and type(value) is Decimal and type(after) is Decimal):
        return None
    if before <= 0 or value <= 0 or after <= 0:
        return None
    if value >= before * TEN and value >= after * TEN:
        return True, min(CONTEXT.divide(value, before), CONTEXT.divide(value, after))
    if value * TEN <= before and value * TEN <= after:
        return False, min(CONTEXT.divide(before, value), CONTEXT.divide(after, value))
    return None


def _same_way(series: tuple[object, object, object], above: bool) -> bool:
    """True when the middle of three amounts is at least twice both others (*above*), or at
    most half of both: a planned change of its own, not the wobble of a steady series."""
    before, value, after = series
    if not (type(before) is Decimal and type(value) is Decimal and type(after) is Decimal):
        return False
    if before <= 0 or value <= 0 or after <= 0:
        return False
    if above:
        return value >= before * TWO and value >= after * TWO
    return value * TWO <= before and value * TWO <= after


def _amounts(indicator: Indicator, year: int) -> tuple[object, object, object]:
    get = indicator.planned.get
    before, value, after = get(year - 1), get(year), get(year + 1)
    return (before.amount if before else None, value.amount if value else None,
            after.amount if after else None)


def _targets_follow(activity: Activity, year: int, above: bool) -> bool:
    """True when one of the activity's targets moves the way its pagu does in *year*, by a
    factor of two or more against both neighbours: the money follows a planned change of
    output, not a slip of the keyboard."""
    return any(_same_way(_amounts(ind, year), above) for ind in activity.indicators)


def _money_follows(activity: Activity, year: int, above: bool) -> bool:
    """True when the activity's pagu moves the way one of its targets does in *year*, by a
    factor of two or more against both neighbours."""
    planned = activity.budget.planned if activity.budget else {}
    return _same_way((planned.get(year - 1), planned.get(year), planned.get(year + 1)), above)


def _in_percent(quantity: Quantity, indicator: Indicator) -> bool:
    unit = quantity.unit or indicator.unit
    return unit is not None and unit.strip().lower() in _PERCENT


def _comparable(cells: tuple[Quantity | None, ...], indicator: Indicator) -> bool:
    """Three single-figure cells in one unit, none a percentage."""
    units = []
    for quantity in cells:
        if quantity is None or quantity.also or _in_percent(quantity, indicator):
            return False
        if quantity.unit:
            units.append(quantity.unit)
    return all(same_unit(units[0], unit) for unit in units[1:])


def _params(what: str, year: int, shown: Sequence[str | None], off: tuple[bool, Decimal],
            ) -> dict[str, object]:
    above, factor = off
    return {
        "what": what, "year": year, "value": shown[1],
        "year_before": year - 1, "before": shown[0], "year_after": year + 1, "after": shown[2],
        "factor": computed(factor, 1),
        "direction": "above" if above else "below",
    }


@rule(
    "RS351",
    "magnitude",
    Severity.WARNING,
    title=Text(
        "A year's figure is ten times off both neighbouring years",
        "Angka suatu tahun sepuluh kali berbeda dari kedua tahun di sebelahnya",
    ),
    message=Text(
        "the {what:phrase.magnitude} of {year}, {value}, is {factor:none.phrase.value.undefined}× "
        "{direction:phrase.direction} both neighbouring years "
        "({year_before}: {before}, {year_after}: {after}): likely a digit typed twice or "
        "left out",
        "{what:phrase.magnitude} tahun {year}, {value}, {factor:none.phrase.value.undefined}× "
        "{direction:phrase.direction} kedua tahun di sebelahnya "
        "({year_before}: {before}, {year_after}: {after}): kemungkinan salah ketik digit",
    ),
    why=Text(
        "A pagu or a target ten times or more above, or below, both the year before and the "
        "year after is most often a digit typed twice or dropped (65,950,088 typed "
        "659,500,880), and the Renja cut from that year inherits it. It is reported where it "
        "is stated: not on a total that only adds it up, not where the sub kegiatan's target "
        "(or pagu) moves the same way that year by a factor of two or more (a planned "
        "change), not for percentages, and not where a neighbouring year is zero, nil, empty "
        "or outside the period.",
        "Pagu atau target yang sepuluh kali atau lebih di atas, atau di bawah, tahun sebelum "
        "dan sesudahnya paling sering berarti digit yang terketik dua kali atau terlewat "
        "(65.950.088 terketik 659.500.880), dan Renja tahun itu mewarisinya. Temuan "
        "dilaporkan di tempat angka itu dinyatakan: bukan pada total yang hanya "
        "menjumlahkannya, bukan bila target (atau pagu) sub kegiatan itu bergerak searah "
        "pada tahun itu sebesar dua kali lipat atau lebih (perubahan yang direncanakan), "
        "bukan untuk persentase, dan bukan bila tahun di sebelahnya nol, nihil, kosong atau "
        "di luar periode.",
    ),
    example="T-C.27, 1 06 02 2.01 01, 2023: pagu 659,500,880 between 65,950,088 (2022) and "
    "60,000,000 (2024), 10.0× above both, with a target of 2 lokasi every year",
)
def digit_error(context: Context) -> Iterator[Found]:
    """Pagu of the activities that state their own, and targets of every indicator, ten
    times or more off both neighbouring years of the period."""
    index = context.index
    middle = index.years[1:-1]
    if not middle:
        return
    for path, activity in index.activities:
        if activity.derived or activity.budget is None:
            continue  # a derived parent states no money of its own
        planned = activity.budget.planned
        if not _spread(planned.values()):
            continue
        for year in middle:
            series: tuple[MoneyCell | None, ...] = (
                planned.get(year - 1), planned.get(year), planned.get(year + 1))
            off = _off(*series)
            if off is None:
                continue
            if activity.children and index.children_sum(activity).get(year) == series[1]:
                continue  # a total that adds it up: the figure stands below, if anywhere
            if _targets_follow(activity, year, off[0]):
                continue
            yield Found(
                Location(table_of(activity), activity.code, year,
                         f"{path}.budget.planned[{year}]"),
                _params("pagu", year, [amount(v) for v in series], off),
            )
    reported: dict[str, list[tuple[int, tuple[object, ...]]]] = {}
    for site in index.sites:
        indicator = site.indicator
        if not _spread([q.amount for q in indicator.planned.values()]):
            continue
        for year in middle:
            amounts = _amounts(indicator, year)
            off = _off(*amounts)
            if off is None:
                continue
            cells = tuple(indicator.planned.get(y) for y in (year - 1, year, year + 1))
            if not _comparable(cells, indicator):
                continue
            if site.activity is not None and _money_follows(site.activity, year, off[0]):
                continue
            keys = {k for k in (indicator.id, *indicator.links) if k}
            if any((year, amounts) in reported.get(k, ()) for k in keys):
                continue  # the same figures of a linked indicator, reported there
            for k in keys:
                reported.setdefault(k, []).append((year, amounts))
            location = site.location()
            yield Found(
                Location(location.table, location.code, year, f"{site.path}.planned[{year}]",
                         location.row),
                _params("target", year, [cell(q) for q in cells], off),
            )

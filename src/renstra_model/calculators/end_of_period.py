"""The end-of-period value (kondisi kinerja akhir periode) of an indicator, computed from its
yearly targets by an :class:`~renstra_model.model.indicators.Aggregation`, and the kinds that
reproduce a stated end of period.

A plan year without a target (an empty cell) makes every kind
:class:`~renstra_model.calculators.arithmetic.Undefined`. A year stated ``-`` plans nothing:

* SUM counts it as 0;
* LAST is the last year that states an amount: a ``-`` after it plans nothing new, and the
  value reached stands (a one-off activity of 2022, ``-`` in every later year, ends the
  period at its 2022 value);
* MAX and MEAN read only the years that state an amount (a ``-`` year is no level of its own:
  the mean of ``4, -, 6`` is 5).

Where no year states an amount, every kind gives 0. A cell with several figures counts by its
first figure.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Mapping
from decimal import Decimal
from typing import Final

from ..model.indicators import Aggregation, Indicator
from ..model.values import Nil
from .arithmetic import CONTEXT, ZERO, Reason, Result, Undefined
from .ratios import places, shown

Amount = Decimal | Nil | None
"""A year's target: an amount, a stated nil (``-``), or absent (an empty cell)."""

KINDS: Final = (Aggregation.SUM, Aggregation.LAST, Aggregation.MAX, Aggregation.MEAN)
"""The kinds that derive an end of period from the years, in the order they are tried."""

LEVELS: Final = (Aggregation.LAST, Aggregation.MAX, Aggregation.MEAN)
"""The kinds that read the end of period as a level of the years rather than their sum."""


def amounts(indicator: Indicator, years: Iterable[int]) -> dict[int, Amount]:
    """The amount of *indicator*'s target in each of *years* (None where the cell is empty).

    >>> from renstra_model import Indicator, Quantity, NIL
    >>> amounts(Indicator("x", planned={2022: Quantity(Decimal(3)), 2023: Quantity(NIL)}),
    ...         [2022, 2023, 2024])
    {2022: Decimal('3'), 2023: NIL, 2024: None}
    """
    return dict(_targets(indicator, years))


def _targets(indicator: Indicator, years: Iterable[int]) -> list[tuple[int, Amount]]:
    planned = indicator.planned
    years = tuple(years)
    if tuple(planned.keys()) == years:  # the common case: a target in every year, no other
        return [(year, cell.amount) for year, cell in planned.items()]
    get = planned.get
    return [(year, None if (cell := get(year)) is None else cell.amount) for year in years]


def _stated(series: Iterable[tuple[int, Amount]]) -> list[Decimal] | Undefined:
    """The amounts of *series* (year, amount) that are not nil; Undefined for an empty year or
    no year at all."""
    found: list[Decimal] = []
    seen = False
    for year, amount in series:
        seen = True
        if amount is None:
            return Undefined(Reason.MISSING, year)
        if isinstance(amount, Decimal):
            found.append(amount)
    return found if seen else Undefined(Reason.TOO_FEW)


def _by(stated: list[Decimal], kind: Aggregation) -> Decimal:
    """The end of period by *kind* (not STATED) of the amounts of the years, by the module's
    rules."""
    if not stated:
        return ZERO
    if kind is Aggregation.LAST:
        return stated[-1]
    if kind is Aggregation.MAX:
        return max(stated)
    total = functools.reduce(CONTEXT.add, stated, ZERO)
    return total if kind is Aggregation.SUM else CONTEXT.divide(total, Decimal(len(stated)))


def aggregate(series: Mapping[int, Amount], kind: Aggregation) -> Result:
    """The end of period of a series of yearly amounts by *kind* (not STATED, which derives
    nothing from the years: ``Undefined(MISSING)``).

    >>> from renstra_model import NIL
    >>> one_off = {2022: Decimal(1), 2023: NIL, 2024: NIL}
    >>> [aggregate(one_off, kind) for kind in KINDS]
    [Decimal('1'), Decimal('1'), Decimal('1'), Decimal('1')]
    >>> aggregate({2022: Decimal(4), 2023: None}, Aggregation.SUM)
    Undefined(reason=<Reason.MISSING: 'missing'>, year=2023)
    """
    if kind is Aggregation.STATED:
        return Undefined(Reason.MISSING)
    stated = _stated(series.items())
    return stated if isinstance(stated, Undefined) else _by(stated, kind)


def end_of_period(
    indicator: Indicator,
    years: Iterable[int],
    aggregation: Aggregation | None = None,
) -> Result:
    """The end-of-period amount of *indicator* over *years*, by *aggregation* (default: the
    indicator's own; undefined if it has none). STATED is the end of period as printed.

    >>> from renstra_model import Indicator, Quantity, Aggregation
    >>> ind = Indicator("cases", aggregation=Aggregation.SUM,
    ...                 planned={2022: Quantity(Decimal(5)), 2023: Quantity(Decimal(4))})
    >>> end_of_period(ind, [2022, 2023]), end_of_period(ind, [2022, 2023], Aggregation.MEAN)
    (Decimal('9'), Decimal('4.5'))
    """
    kind = aggregation or indicator.aggregation
    if kind is None:
        return Undefined(Reason.MISSING)
    if kind is Aggregation.STATED:
        end = indicator.end_of_period
        if end is None:
            return Undefined(Reason.MISSING)
        return end.amount if isinstance(end.amount, Decimal) else ZERO
    stated = _stated(_targets(indicator, years))
    return stated if isinstance(stated, Undefined) else _by(stated, kind)


def fits(value: Result, stated: Decimal, kind: Aggregation) -> bool:
    """True when *value*, the end of period by *kind*, is the *stated* one: equal, or for
    MEAN (rarely a whole number) equal once rounded half-up to the places *stated* shows.

    >>> fits(Decimal("3.4"), Decimal(3), Aggregation.MEAN), fits(Decimal("3.4"), Decimal(3),
    ...                                                           Aggregation.MAX)
    (True, False)
    """
    if isinstance(value, Undefined):
        return False
    if kind is Aggregation.MEAN:
        return shown(value, places(stated)) == stated
    return value == stated


def candidates(series: Mapping[int, Amount]) -> dict[Aggregation, Result]:
    """The end of period of *series* by each of :data:`KINDS`."""
    stated = _stated(series.items())
    if isinstance(stated, Undefined):
        return dict.fromkeys(KINDS, stated)
    return {kind: _by(stated, kind) for kind in KINDS}


def fitting_kinds(values: Mapping[Aggregation, Result], stated: Decimal) -> tuple[
    Aggregation, ...
]:
    """The kinds whose value (of :func:`candidates`) is the *stated* end of period: SUM if
    it fits, and the first of :data:`LEVELS` that fits. MAX and MEAN are readings of a series
    whose end is not its last year: where the last year fits, they add no reading of their
    own (a rising series' last year is also its largest).

    >>> values = candidates({2022: Decimal(2), 2023: Decimal(3)})
    >>> fitting_kinds(values, Decimal(5)), fitting_kinds(values, Decimal(3))
    ((<Aggregation.SUM: 'sum'>,), (<Aggregation.LAST: 'last'>,))
    >>> fitting_kinds(candidates({2022: Decimal(0), 2023: Decimal(3)}), Decimal(3))
    (<Aggregation.SUM: 'sum'>, <Aggregation.LAST: 'last'>)
    """
    found = [Aggregation.SUM] if fits(values[Aggregation.SUM], stated, Aggregation.SUM) else []
    for kind in LEVELS:
        if fits(values[kind], stated, kind):
            found.append(kind)
            break
    return tuple(found)

"""The end-of-period value (kondisi kinerja akhir periode) of an indicator, computed from its
yearly targets by the indicator's :class:`~renstra_model.model.indicators.Aggregation`.

A stated nil (``- org``) counts as zero; a plan year without a target is missing, and makes
the result :class:`~renstra_model.calculators.arithmetic.Undefined`. A cell with several figures
counts by its first figure.
"""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal

from ..model.indicators import Aggregation, Indicator
from ..model.values import Quantity
from .arithmetic import ZERO, Reason, Result, Undefined, calculate


def _amount(quantity: Quantity) -> Decimal:
    return quantity.amount if isinstance(quantity.amount, Decimal) else ZERO


def end_of_period(
    indicator: Indicator,
    years: Iterable[int],
    aggregation: Aggregation | None = None,
) -> Result:
    """The end-of-period amount of *indicator* over *years*, by *aggregation* (default: the
    indicator's own; undefined if it has none).

    >>> from renstra_model import Indicator, Quantity, Aggregation
    >>> ind = Indicator("cases", aggregation=Aggregation.SUM,
    ...                 planned={2022: Quantity(Decimal(5)), 2023: Quantity(Decimal(4))})
    >>> end_of_period(ind, [2022, 2023])
    Decimal('9')
    """
    kind = aggregation or indicator.aggregation
    if kind is None:
        return Undefined(Reason.MISSING)
    if kind is Aggregation.STATED:
        if indicator.end_of_period is None:
            return Undefined(Reason.MISSING)
        return _amount(indicator.end_of_period)
    values: list[Decimal] = []
    for year in years:
        cell = indicator.planned.get(year)
        if cell is None:
            return Undefined(Reason.MISSING, year)
        values.append(_amount(cell))
    if not values:
        return Undefined(Reason.TOO_FEW)
    if kind is Aggregation.SUM:
        return calculate(lambda: sum(values, ZERO))
    if kind is Aggregation.LAST:
        return values[-1]
    return max(values)

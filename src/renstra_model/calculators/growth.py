"""Growth of a yearly series: year on year, the mean of the yearly rates, compound annual
growth (CAGR), the growth of the last step, and all three over a plan's years
(:func:`period_growth`, the figures of T-C.24's "Rata-rata Pertumbuhan").

Rates are exact Decimals in percent (14.49 means 14.49 %), or
:class:`~renstra_model.calculators.arithmetic.Undefined` with the reason: a zero base, a missing or
nil year, a sign change, too few years. A stated nil (``-``) is not read as zero: a year without
money has no growth rate.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from decimal import Decimal

from attrs import frozen

from .arithmetic import (
    CONTEXT,
    HUNDRED,
    ONE,
    ZERO,
    Cell,
    Input,
    Reason,
    Result,
    Undefined,
    calculate,
    number_of,
    numbers_of,
)

Series = Mapping[int, Cell]


def rate(base: Input, value: Input, *, year: int | None = None) -> Result:
    """The growth from *base* to *value* in percent: ``(value − base) / |base| × 100``.
    The values may be the model's quantities (see
    :func:`~renstra_model.calculators.arithmetic.numbers_of`).

    >>> from renstra_model.calculators.arithmetic import present
    >>> present(rate(Decimal("8064623984"), Decimal("9233106480")))
    Decimal('14.49')
    """
    both = numbers_of(base, value, year)
    if isinstance(both, Undefined):
        return both
    b, v = both
    if b == ZERO:
        return Undefined(Reason.ZERO_BASE, year)
    if v != ZERO and (b < ZERO) != (v < ZERO):
        return Undefined(Reason.SIGN_CHANGE, year)
    return _step(b, v)


def _step(b: Decimal, v: Decimal) -> Decimal:
    """``(v − b) / |b| × 100``, for a base that is not zero and no change of sign."""
    return CONTEXT.multiply(CONTEXT.divide(CONTEXT.subtract(v, b), CONTEXT.abs(b)), HUNDRED)


def _span(series: Series) -> range:
    if not series:
        return range(0)
    return range(min(series), max(series) + 1)


def year_on_year(series: Series) -> dict[int, Result]:
    """The growth into each year from the year before, for every year after the first.

    >>> year_on_year({2022: Decimal(100), 2023: Decimal(110), 2024: Decimal(0)})
    {2023: Decimal('10.0'), 2024: Decimal('-100')}
    """
    span = _span(series)
    return {year: rate(series.get(year - 1), series.get(year), year=year) for year in span[1:]}


def mean_growth(series: Series) -> Result:
    """The arithmetic mean of the year-on-year rates (undefined if any rate is: the first
    undefined rate, in year order).

    >>> mean_growth({2022: Decimal(100), 2023: Decimal(110), 2024: Decimal(121)})
    Decimal('10.0')
    """
    span = _span(series)
    if len(span) < 2:
        return Undefined(Reason.TOO_FEW)
    total = ZERO
    get = series.get
    previous = get(span[0])
    for year in span[1:]:
        current = get(year)
        if type(previous) is Decimal and type(current) is Decimal and previous > ZERO <= current:
            step = _step(previous, current)  # the common case: rate() without its tests
        else:
            r = rate(previous, current, year=year)
            if isinstance(r, Undefined):
                return r
            step = r
        total = CONTEXT.add(total, step)
        previous = current
    return CONTEXT.divide(total, len(span) - 1)


def cagr(series: Series, start: int | None = None, end: int | None = None) -> Result:
    """Compound annual growth between *start* and *end* (default: first and last year):
    ``((v_end / v_start) ^ (1 / (end − start)) − 1) × 100``.

    >>> round(cagr({2022: Decimal(100), 2024: Decimal(121)}), 10)
    Decimal('10.0000000000')
    """
    span = _span(series)
    if not span:
        return Undefined(Reason.TOO_FEW)
    first = span[0] if start is None else start
    last = span[-1] if end is None else end
    if last <= first:
        return Undefined(Reason.TOO_FEW)
    b = number_of(series.get(first), first)
    v = number_of(series.get(last), last)
    if isinstance(b, Undefined):
        return b
    if isinstance(v, Undefined):
        return v
    if b == ZERO:
        return Undefined(Reason.ZERO_BASE, first)
    if b < ZERO:
        return Undefined(Reason.NEGATIVE_BASE, first)
    if v < ZERO:
        return Undefined(Reason.SIGN_CHANGE, last)
    if v == ZERO:
        return -HUNDRED
    steps = Decimal(last - first)
    return calculate(lambda: ((v / b) ** (ONE / steps) - ONE) * HUNDRED)


def last_step_growth(series: Series) -> Result:
    """The growth from the second-to-last year to the last year of the series.

    >>> last_step_growth({2025: Decimal("8064623984"), 2026: Decimal("9233106480")})
    Decimal('14.48898917442695738708107386')
    """
    span = _span(series)
    if len(span) < 2:
        return Undefined(Reason.TOO_FEW)
    last = span[-1]
    return rate(series.get(last - 1), series.get(last), year=last)


@frozen
class PeriodGrowth:
    """The growth of a series over a plan's years: the mean of the yearly rates, the growth of
    the last step, and the CAGR on demand (a fractional power, the costliest of the three)."""

    series: Mapping[int, Cell]
    """The cells of the plan's years."""
    mean: Result
    last_step: Result

    def cagr(self) -> Result:
        """The compound annual growth over the same years (:func:`cagr`)."""
        return cagr(self.series)


def period_growth(series: Series, years: Iterable[int]) -> PeriodGrowth:
    """The growth of *series* over *years* (a plan's period), leaving out every other year.

    T-C.24 (Permendagri 86/2017) states money for the five years of the plan only, and its
    "Rata-rata Pertumbuhan" covers those years: a baseline year's money, where a row states
    one, is not part of it. The table and the checks both compute it here.

    >>> money = {2021: Decimal(10), 2022: Decimal(100), 2023: Decimal(110), 2024: Decimal(121)}
    >>> growth = period_growth(money, range(2022, 2025))
    >>> growth.mean, growth.last_step, round(growth.cagr(), 10)
    (Decimal('10.0'), Decimal('10.0'), Decimal('10.0000000000'))
    >>> mean_growth(money)  # the baseline year's step would count 900 %
    Decimal('306.6666666666666666666666667')
    """
    wanted = years if isinstance(years, frozenset) else frozenset(years)
    within: Mapping[int, Cell] = (
        series if wanted.issuperset(series.keys())  # the common case: nothing to leave out
        else {year: series[year] for year in sorted(wanted) if year in series}
    )
    return PeriodGrowth(within, mean_growth(within), last_step_growth(within))

"""Ratios: capaian (realisation / target, with polarity), its predikat, the realisation /
budget ratio of T-C.24, and shares of a denominator with the check of stated percentages.

All results are exact Decimals in percent (100 means 100 %), or
:class:`~renstra_model.calculators.arithmetic.Undefined`.
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from enum import Enum
from typing import Final

from attrs import frozen

from ..messages import DEFAULT_LANG, Lang, render
from ..model.indicators import Polarity
from .arithmetic import (
    CONTEXT,
    HUNDRED,
    ZERO,
    Cell,
    Reason,
    Result,
    Undefined,
    number_of,
    present,
)

TWO: Final = Decimal(2)


def capaian(
    realised: Cell,
    target: Cell,
    polarity: Polarity = Polarity.HIGHER_IS_BETTER,
    *,
    year: int | None = None,
) -> Result:
    """Capaian (achievement) in percent.

    Higher is better: ``realised / target × 100``.
    Lower is better: ``(2 − realised / target) × 100``, the formula of the national
    performance-management rules (PermenPAN-RB, Sistem Manajemen Kinerja) for indicators
    where less is better: it is 100 when the target is met exactly, rises as the realisation
    falls below the target, is linear, and stays defined for a realisation of zero.
    A zero or missing target, or a missing or nil value, is
    :class:`~renstra_model.calculators.arithmetic.Undefined`.

    >>> capaian(Decimal("25325"), Decimal("25325"))
    Decimal('100')
    >>> capaian(Decimal("6.5"), Decimal("7"), Polarity.LOWER_IS_BETTER)
    Decimal('107.1428571428571428571428571')
    """
    r = number_of(realised, year)
    t = number_of(target, year)
    if isinstance(r, Undefined):
        return r
    if isinstance(t, Undefined):
        return t
    if t == ZERO:
        return Undefined(Reason.ZERO_BASE, year)
    if polarity is Polarity.LOWER_IS_BETTER:
        return CONTEXT.multiply(CONTEXT.subtract(TWO, CONTEXT.divide(r, t)), HUNDRED)
    return CONTEXT.multiply(CONTEXT.divide(r, t), HUNDRED)


class Predikat(Enum):
    """The Permendagri 86/2017 scale of a capaian."""

    SANGAT_TINGGI = "sangat_tinggi"
    TINGGI = "tinggi"
    SEDANG = "sedang"
    RENDAH = "rendah"
    SANGAT_RENDAH = "sangat_rendah"

    def label(self, lang: Lang = DEFAULT_LANG) -> str:
        """The predikat's name in *lang*."""
        return render(f"predikat.{self.value}", {}, lang)


PREDIKAT_FLOORS: Final = (
    (Decimal(91), Predikat.SANGAT_TINGGI),
    (Decimal(76), Predikat.TINGGI),
    (Decimal(66), Predikat.SEDANG),
    (Decimal(51), Predikat.RENDAH),
)
"""The lower bound of each band: ≥ 91, 76–90, 66–75, 51–65, ≤ 50. The regulation states
whole numbers; a capaian between two bands (90.5) belongs to the lower band, since it has not
reached the next floor."""


def predikat(value: Result) -> Predikat | Undefined:
    """The predikat of a capaian (in percent).

    >>> predikat(Decimal("90.99"))
    <Predikat.TINGGI: 'tinggi'>
    >>> predikat(Decimal("91"))
    <Predikat.SANGAT_TINGGI: 'sangat_tinggi'>
    """
    if isinstance(value, Undefined):
        return value
    for floor, band in PREDIKAT_FLOORS:
        if value >= floor:
            return band
    return Predikat.SANGAT_RENDAH


def realisation_ratio(realised: Cell, planned: Cell, *, year: int | None = None) -> Result:
    """Rasio realisasi / anggaran of T-C.24, in percent: ``realised / planned × 100``.

    >>> realisation_ratio(Decimal("4091594847"), Decimal("4091594846.5"))
    Decimal('100.0000000122201737649490414')
    """
    return share(realised, planned, year=year)


def share(count: Cell, denominator: Cell, *, year: int | None = None) -> Result:
    """``count / denominator × 100``: the percentage a count is of its denominator.

    >>> share(Decimal("25325"), Decimal("38827"))
    Decimal('65.22522986581502562649702527')
    """
    c = number_of(count, year)
    d = number_of(denominator, year)
    if isinstance(c, Undefined):
        return c
    if isinstance(d, Undefined):
        return d
    if d == ZERO:
        return Undefined(Reason.ZERO_BASE, year)
    return CONTEXT.multiply(CONTEXT.divide(c, d), HUNDRED)


def places(stated: Decimal) -> int:
    """How many decimal places a stated number shows (``Decimal("72.18")`` → 2)."""
    exponent = stated.as_tuple().exponent
    return -exponent if isinstance(exponent, int) and exponent < 0 else 0


def agrees(stated: Decimal, computed: Result) -> bool:
    """True when *computed*, rounded half-up to the places *stated* shows, equals *stated*.

    >>> agrees(Decimal("65.23"), Decimal("65.2252"))
    True
    >>> agrees(Decimal("100"), Decimal("99.6"))
    True
    """
    if isinstance(computed, Undefined):
        return False
    return present(computed, places(stated)) == stated


@frozen
class PercentCheck:
    """A stated percentage of one year beside the share it should be."""

    year: int
    stated: Decimal
    computed: Result
    """``count[year] / denominator × 100``."""

    @property
    def agrees(self) -> bool:
        """True when the stated percentage is the computed share, to the stated places."""
        return agrees(self.stated, self.computed)


def check_percentages(
    stated: Mapping[int, Decimal],
    counts: Mapping[int, Cell],
    denominator: Cell,
) -> tuple[PercentCheck, ...]:
    """Compare each year's stated percentage with ``counts[year] / denominator × 100``."""
    return tuple(
        PercentCheck(year, value, share(counts.get(year), denominator, year=year))
        for year, value in sorted(stated.items())
    )


def find_shift(
    stated: Mapping[int, Decimal],
    counts: Mapping[int, Cell],
    denominator: Cell,
    *,
    max_shift: int = 2,
    tolerate: int = 0,
) -> int | None:
    """The shift *k* (±1 … ±max_shift) for which every stated percentage of year *y* agrees
    with the share of ``counts[y + k]``, when the unshifted series does not agree; else None.

    At least two years must line up under the shift, and every year that has a partner under
    it must agree — or all but *tolerate* of them, when at least ``2 + tolerate`` line up (a
    shifted series with a typing error in one cell). In the TTU plan, Table 7.1 states for
    each year the share of the next year's count: the series is shifted by +1.

    >>> counts = {2022: Decimal(1), 2023: Decimal(2), 2024: Decimal(4)}
    >>> find_shift({2022: Decimal(50), 2023: Decimal(100)}, counts, Decimal(4))
    1
    """
    checks = check_percentages(stated, counts, denominator)
    if all(c.agrees for c in checks):
        return None
    for k in sorted(range(-max_shift, max_shift + 1), key=lambda n: (abs(n), -n)):
        if k == 0:
            continue
        pairs = [
            (value, share(counts[year + k], denominator, year=year + k))
            for year, value in stated.items()
            if counts.get(year + k) is not None
        ]
        wrong = sum(1 for value, computed in pairs if not agrees(value, computed))
        if len(pairs) >= 2 + tolerate and wrong <= tolerate:
            return k
    return None

"""Ratios: capaian (realisation / target, with polarity), its predikat, the realisation /
budget ratio of T-C.24, and shares of a denominator with the check of stated percentages.

All results are exact Decimals in percent (100 means 100 %), or
:class:`~renstra_model.calculators.arithmetic.Undefined`.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from decimal import ROUND_FLOOR, ROUND_HALF_UP, Decimal
from enum import Enum
from typing import Final

from attrs import frozen

from ..messages import Lang, render
from ..model.indicators import Polarity
from .arithmetic import (
    CONTEXT,
    HUNDRED,
    ZERO,
    Cell,
    Input,
    Reason,
    Result,
    Undefined,
    numbers_of,
    present,
)

TWO: Final = Decimal(2)


def capaian(
    realised: Input,
    target: Input,
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
    :class:`~renstra_model.calculators.arithmetic.Undefined`, and so is a negative target
    (``NEGATIVE_TARGET``): both formulas turn over below zero (a realisation of −1 against a
    target of −2 beats it, yet −1 / −2 is 50 %), and the regulation gives none for it.
    The values may be the model's quantities (see
    :func:`~renstra_model.calculators.arithmetic.numbers_of`).

    >>> capaian(Decimal("25325"), Decimal("25325"))
    Decimal('100')
    >>> capaian(Decimal("6.5"), Decimal("7"), Polarity.LOWER_IS_BETTER)
    Decimal('107.1428571428571428571428571')
    >>> capaian(Decimal(-1), Decimal(-2), year=2024).message()
    'undefined: negative target (year 2024)'
    """
    both = numbers_of(realised, target, year)
    if isinstance(both, Undefined):
        return both
    r, t = both
    if t <= ZERO:
        return Undefined(Reason.ZERO_BASE if t == ZERO else Reason.NEGATIVE_TARGET, year)
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

    def label(self, lang: Lang | None = None) -> str:
        """The predikat's name in *lang*."""
        return render(f"predikat.{self.value}", lang=lang)


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


def realisation_ratio(realised: Input, planned: Input, *, year: int | None = None) -> Result:
    """Rasio realisasi / anggaran of T-C.24, in percent: ``realised / planned × 100``.

    >>> realisation_ratio(Decimal("4091594847"), Decimal("4091594846.5"))
    Decimal('100.0000000122201737649490414')
    """
    return share(realised, planned, year=year)


def share(count: Input, denominator: Input, *, year: int | None = None) -> Result:
    """``count / denominator × 100``: the percentage a count is of its denominator.

    >>> share(Decimal("25325"), Decimal("38827"))
    Decimal('65.22522986581502562649702527')
    """
    both = numbers_of(count, denominator, year)
    if isinstance(both, Undefined):
        return both
    c, d = both
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
    return shown(computed, places(stated)) == stated


def shown(value: Result, places: int) -> Decimal | None:
    """*value* rounded half-up to *places* decimals
    (:func:`~renstra_model.calculators.arithmetic.present`), or to as many as the 28 digits of
    the context hold; None for :class:`~renstra_model.calculators.arithmetic.Undefined`.

    >>> shown(Decimal("72.1849"), 2), shown(Decimal("1E+30") / 7, 2)
    (Decimal('72.18'), Decimal('1.428571428571428571428571429E+29'))
    """
    if isinstance(value, Undefined):
        return None
    if value:
        places = min(places, CONTEXT.prec - 1 - value.adjusted())
    return present(value, places)


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
) -> int | None:
    """The shift *k* (±1 … ±max_shift) for which the stated percentage of year *y* is the
    share of ``counts[y + k]``, read only on evidence the unshifted series lacks; else None
    (:func:`diagnose_percentages` says which years it explains).

    The years a shift explains are years whose percentage disagrees unshifted and agrees
    with the share of ``counts[y + k]``; the years it breaks agree unshifted but not under
    it. A shift explains at least two years, more than it breaks and more than it leaves
    wrong (a shifted series with a typing error in one cell is still shifted). Of several,
    the one that explains most, then breaks fewest, then is smallest (+k before −k). In the
    TTU plan, Table 7.1 states for each year the share of the next year's count: the series
    is shifted by +1.

    >>> counts = {2022: Decimal(1), 2023: Decimal(2), 2024: Decimal(4)}
    >>> find_shift({2022: Decimal(50), 2023: Decimal(100)}, counts, Decimal(4))
    1
    >>> ten = {y: Decimal(10) for y in range(2022, 2026)} | {2026: Decimal(11)}
    >>> find_shift({y: Decimal(50) for y in ten}, ten, Decimal(20)) is None  # 2026 is wrong
    True
    """
    return diagnose_percentages(stated, counts, denominator, max_shift=max_shift).shift


@frozen
class PercentDiagnosis:
    """What :func:`diagnose_percentages` finds of a series of stated percentages."""

    wrong: frozenset[int]
    """The years whose stated percentage disagrees with count / denominator."""
    shift: int | None
    """The shift of :func:`find_shift`, or None."""
    explained: frozenset[int]
    """The wrong years the shift explains (none without a shift)."""


def diagnose_percentages(
    stated: Mapping[int, Decimal],
    counts: Mapping[int, Cell],
    denominator: Cell,
    *,
    max_shift: int = 2,
) -> PercentDiagnosis:
    """The years whose stated percentage disagrees with ``counts[year] / denominator × 100``,
    the shift that explains them (:func:`find_shift`) and the years it explains.

    >>> counts = dict(zip(range(2022, 2026), map(Decimal, (2, 4, 6, 8)))) | {2026: Decimal(10)}
    >>> stated = dict(zip(range(2022, 2026), map(Decimal, (40, 60, 80, 90))))
    >>> found = diagnose_percentages(stated, counts, Decimal(10))  # 2025's 90 % is neither
    >>> found.shift, sorted(found.wrong), sorted(found.explained)
    (1, [2022, 2023, 2024, 2025], [2022, 2023, 2024])
    """
    shares = {
        year: share(count, denominator, year=year)
        for year, count in counts.items() if count is not None
    }
    decimals = {year: places(value) for year, value in stated.items()}

    def fits(year: int, partner: int) -> bool:
        value = shares.get(partner)
        return value is not None and shown(value, decimals[year]) == stated[year]

    wrong = frozenset(year for year in stated if not fits(year, year))
    best: tuple[int, int, int, int] | None = None
    for k in range(-max_shift, max_shift + 1) if len(wrong) >= 2 else ():
        if k == 0:
            continue
        explained = broken = 0
        for year in stated:
            if year + k not in shares:
                continue
            if year in wrong:
                explained += fits(year, year + k)
            elif not fits(year, year + k):
                broken += 1
        if explained >= 2 and explained > broken and explained > len(wrong) - explained:
            rank = (-explained, broken, abs(k), -k)
            best = rank if best is None or rank < best else best
    if best is None:
        return PercentDiagnosis(wrong, None, frozenset())
    shift = -best[3]
    return PercentDiagnosis(
        wrong, shift, frozenset(y for y in wrong if y + shift in shares and fits(y, y + shift)))


def implied_denominator(
    cells: Iterable[tuple[Cell, Decimal]], *, max_places: int = 6
) -> Decimal | None:
    """The denominator that a strict majority of *cells* (count, stated percentage) imply:
    the simplest number (an integer if one will do, else with the fewest decimal places, up
    to *max_places*) whose share of each count of the majority agrees with its stated
    percentage (:func:`agrees`); None where no majority agrees on one, or two majorities
    agree on different ones.

    A cell counts when its percentage is positive; one whose count is absent, nil or not
    positive agrees with no denominator.

    >>> cells = [(Decimal(4800), Decimal(75)), (Decimal(5000), Decimal("83.33")),
    ...          (Decimal(5400), Decimal(90)), (Decimal(5700), Decimal(95))]
    >>> implied_denominator(cells)
    Decimal('6000')
    >>> implied_denominator(cells[:2]) is None  # one against one
    True
    """
    found = _majority(list(cells), max_places)
    return None if found is None else found[0]


def series_denominator(
    stated: Mapping[int, Decimal],
    counts: Mapping[int, Cell],
    *,
    max_shift: int = 2,
) -> Decimal | None:
    """The denominator the stated percentages of a series imply, where no cell states it
    (none is at 100 %): the :func:`implied_denominator` of the reading that most cells
    agree with — the cells as stated, or each percentage of year *y* beside
    ``counts[y + k]`` (the readings of :func:`find_shift`), the unshifted one on a tie.

    >>> counts = {2022: Decimal(5071), 2023: Decimal(4564), 2024: Decimal(4108),
    ...           2025: Decimal(3697), 2026: Decimal(3327), 2027: Decimal(2994)}
    >>> stated = dict(zip(range(2022, 2027), map(Decimal, "90 81.01 72.90 65.61 59.04".split())))
    >>> series_denominator(stated, counts)  # the counts of the following years
    Decimal('5071')
    """
    best: tuple[int, Decimal] | None = None
    for k in sorted(range(-max_shift, max_shift + 1), key=lambda n: (abs(n), -n)):
        found = _majority([(counts.get(y + k), p) for y, p in stated.items()], 6)
        if found is not None and (best is None or found[1] > best[0]):
            best = (found[1], found[0])
    return None if best is None else best[1]


def _majority(cells: list[tuple[Cell, Decimal]], max_places: int) -> tuple[Decimal, int] | None:
    """:func:`implied_denominator`, with how many cells agree with it."""
    voters = [(c, p) for c, p in cells if p > ZERO]
    ranges: list[tuple[Decimal, Decimal]] = []
    for count, percent in voters:
        if not isinstance(count, Decimal) or count <= ZERO:
            continue
        half = Decimal(5).scaleb(-places(percent) - 1)
        scaled = CONTEXT.multiply(count, HUNDRED)
        # count / D × 100 rounds half-up to the percentage: D in (low, high]
        ranges.append((CONTEXT.divide(scaled, CONTEXT.add(percent, half)),
                       CONTEXT.divide(scaled, CONTEXT.subtract(percent, half))))
    majorities: set[frozenset[int]] = set()
    best = 0
    for low, _ in ranges:
        covering = frozenset(j for j, (lo, hi) in enumerate(ranges) if lo <= low < hi)
        if len(covering) > best:
            best, majorities = len(covering), {covering}
        elif len(covering) == best:
            majorities.add(covering)
    if len(majorities) != 1:
        return None
    (chosen,) = majorities
    low = max(ranges[j][0] for j in chosen)
    high = min(ranges[j][1] for j in chosen)
    value = _simplest(low, high, max_places)
    if value is None:
        return None
    agreeing = sum(1 for c, p in voters if agrees(p, share(c, value)))
    return (value, agreeing) if 2 * agreeing > len(voters) else None


def _simplest(low: Decimal, high: Decimal, max_places: int) -> Decimal | None:
    """The number in (low, high] with the fewest decimal places, the nearest the middle of
    the range of those; None if it needs more than *max_places*."""
    middle = CONTEXT.divide(CONTEXT.add(low, high), TWO)
    for digits in range(max_places + 1):
        step = Decimal(1).scaleb(-digits)
        first = CONTEXT.add(CONTEXT.divide(low, step).to_integral_value(ROUND_FLOOR), 1)
        last = CONTEXT.divide(high, step).to_integral_value(ROUND_FLOOR)
        if first <= last:
            near = CONTEXT.divide(middle, step).to_integral_value(ROUND_HALF_UP)
            return CONTEXT.multiply(min(max(near, first), last), step)
    return None

"""The end-of-period calculator (``calculators.end_of_period``) and the percentage functions of
``calculators.ratios`` (shares, stated percentages, the shift of a series, the implied
denominator), each pinned by exact results: the values, the reasons and years of what is
undefined, and the order in which shifts and readings are preferred."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

from hypothesis import assume, given
from hypothesis import strategies as st

from renstra_model import NIL, Indicator, Nil, Quantity
from renstra_model.calculators.arithmetic import Reason, Undefined, present
from renstra_model.calculators.end_of_period import (
    KINDS,
    Amount,
    aggregate,
    amounts,
    candidates,
    end_of_period,
    fits,
    fitting_kinds,
)
from renstra_model.calculators.ratios import (
    PercentCheck,
    PercentDiagnosis,
    _simplest,
    agrees,
    check_percentages,
    diagnose_percentages,
    find_shift,
    implied_denominator,
    places,
    series_denominator,
    share,
    shown,
)
from renstra_model.model.indicators import Aggregation

D = Decimal
SUM, LAST, MAX, MEAN, STATED = (Aggregation.SUM, Aggregation.LAST, Aggregation.MAX,
                                Aggregation.MEAN, Aggregation.STATED)
YEARS = (2022, 2023, 2024, 2025, 2026)


def series(*values: int | str | Nil | None, start: int = 2022) -> dict[int, Amount]:
    """Yearly amounts from *start* on: a number, NIL, or None for an empty cell."""
    return {start + k: v if v is None or isinstance(v, Nil) else D(str(v))
            for k, v in enumerate(values)}


def indicator(values: dict[int, Amount], end: Decimal | Nil | None = None,
              kind: Aggregation | None = None) -> Indicator:
    return Indicator("x", aggregation=kind,
                     planned={y: Quantity(v) for y, v in values.items() if v is not None},
                     end_of_period=None if end is None else Quantity(end))


def counts_of(*values: int | None, start: int = 2022) -> dict[int, Decimal | None]:
    return {start + k: None if v is None else D(v) for k, v in enumerate(values)}


def percents(*values: int | str, start: int = 2022) -> dict[int, Decimal]:
    return {start + k: D(str(v)) for k, v in enumerate(values)}


# -- amounts and the kinds ---------------------------------------------------------------------


def test_amounts_reads_the_years_asked_for() -> None:
    ind = indicator(series(3, NIL, None, 5))  # 2024 is empty
    assert amounts(ind, YEARS) == {2022: D(3), 2023: NIL, 2024: None, 2025: D(5), 2026: None}
    assert amounts(ind, [2023, 2025]) == {2023: NIL, 2025: D(5)}
    assert amounts(ind, []) == {}
    every = indicator(series(1, 2, 3, 4, 5))
    assert amounts(every, YEARS) == series(1, 2, 3, 4, 5)
    assert amounts(every, (2026, 2025)) == {2026: D(5), 2025: D(4)}


def test_each_kind_of_a_series() -> None:
    values = series(4, NIL, 6, 2)
    assert [aggregate(values, kind) for kind in KINDS] == [D(12), D(2), D(6), D(4)]
    assert candidates(values) == {SUM: D(12), LAST: D(2), MAX: D(6), MEAN: D(4)}
    assert candidates(series(7)) == dict.fromkeys(KINDS, D(7))
    # the last year that states an amount: a '-' after it plans nothing new
    assert aggregate(series(2, 5, NIL, NIL), LAST) == D(5)
    # the mean of the years with an amount, to the context's 28 digits
    assert aggregate(series(1, 1, 2, NIL), MEAN) == D("1.333333333333333333333333333")
    assert candidates(series(NIL, NIL)) == dict.fromkeys(KINDS, D(0))
    # a sum holds the 28 digits of the context, whatever the years it adds ('-' or 0)
    big = "12345678901234567890123456789"
    assert aggregate(series(big, NIL), SUM) == aggregate(series(big, 0), SUM) == D(
        "1.234567890123456789012345679E+28")


def test_an_empty_year_or_no_year_is_undefined() -> None:
    gap = series(4, None, 6, None)
    missing = Undefined(Reason.MISSING, 2023)
    assert candidates(gap) == dict.fromkeys(KINDS, missing)
    assert [aggregate(gap, kind) for kind in KINDS] == [missing] * 4
    assert aggregate(series(NIL, NIL, None), SUM) == Undefined(Reason.MISSING, 2024)
    assert candidates({}) == dict.fromkeys(KINDS, Undefined(Reason.TOO_FEW))
    assert aggregate({}, MAX) == Undefined(Reason.TOO_FEW)
    assert aggregate(series(1, 2), STATED) == Undefined(Reason.MISSING)


def test_the_end_of_period_of_an_indicator() -> None:
    ind = indicator(series(5, 4, NIL, 3), end=D(24), kind=SUM)
    years = YEARS[:4]
    assert end_of_period(ind, years) == D(12)  # its own kind
    assert [end_of_period(ind, years, kind) for kind in KINDS] == [D(12), D(3), D(5), D(4)]
    assert end_of_period(ind, years, STATED) == D(24)
    assert end_of_period(ind, YEARS) == Undefined(Reason.MISSING, 2026)
    assert end_of_period(ind, []) == Undefined(Reason.TOO_FEW)
    unstated = indicator(series(5, 4))
    assert end_of_period(unstated, years[:2]) == Undefined(Reason.MISSING)
    assert end_of_period(unstated, years[:2], MAX) == D(5)
    assert end_of_period(unstated, years[:2], STATED) == Undefined(Reason.MISSING)
    assert end_of_period(indicator(series(5), end=NIL), years[:1], STATED) == D(0)
    stated = indicator(series(5, 4), end=D(7), kind=STATED)
    assert end_of_period(stated, years[:2]) == D(7)
    assert end_of_period(stated, years[:2], LAST) == D(4)  # the kind asked for first


# -- which kinds fit ---------------------------------------------------------------------------


def test_a_value_fits_exactly_but_a_mean_as_shown() -> None:
    assert fits(D(3), D(3), SUM)
    assert fits(D("3.0"), D(3), LAST)
    assert not fits(D("3.4"), D(3), MAX)
    assert fits(D("3.4"), D(3), MEAN)
    assert fits(D("3.45"), D("3.5"), MEAN)
    assert not fits(D("3.44"), D("3.5"), MEAN)
    assert not fits(D("3.5"), D(3), MEAN)
    assert not fits(Undefined(Reason.MISSING, 2023), D(3), SUM)
    assert not fits(Undefined(Reason.MISSING, 2023), D(3), MEAN)


def test_the_kinds_that_fit_a_stated_end() -> None:
    rising = candidates(series(1, 2, 4))  # sum 7, last 4, max 4, mean 2.33…
    assert fitting_kinds(rising, D(7)) == (SUM,)
    assert fitting_kinds(rising, D(4)) == (LAST,)  # the largest year too: one reading
    assert fitting_kinds(rising, D("2.3")) == (MEAN,)
    assert fitting_kinds(rising, D(5)) == ()
    falling = candidates(series(4, 2, 3))  # sum 9, last 3, max 4, mean 3
    assert fitting_kinds(falling, D(4)) == (MAX,)
    assert fitting_kinds(falling, D(3)) == (LAST,)  # the mean too
    once = candidates(series(6, 0, 0))  # sum 6, last 0, max 6, mean 2
    assert fitting_kinds(once, D(6)) == (SUM, MAX)
    assert fitting_kinds(once, D(2)) == (MEAN,)
    assert fitting_kinds(candidates(series(1, None)), D(1)) == ()


amounts_or_nil = st.one_of(st.just(NIL), st.integers(-50, 10**6).map(D),
                           st.decimals("0", "1000", places=2))


@given(st.lists(amounts_or_nil, min_size=1, max_size=5))
def test_the_kinds_of_a_series(values: list[Decimal | Nil]) -> None:
    by_year: dict[int, Amount] = dict(zip(YEARS, values, strict=False))
    stated = [v for v in values if isinstance(v, Decimal)]
    total = sum(stated, D(0))
    expected = {
        SUM: total,
        LAST: stated[-1] if stated else D(0),
        MAX: max(stated) if stated else D(0),
        MEAN: total / len(stated) if stated else D(0),
    }
    assert candidates(by_year) == expected
    ind = indicator(by_year)
    years = YEARS[:len(values)]
    assert amounts(ind, years) == by_year
    for kind in KINDS:
        assert aggregate(by_year, kind) == end_of_period(ind, years, kind) == expected[kind]
    for end in {*expected.values()}:
        kinds = fitting_kinds(expected, end)
        assert kinds
        assert all(fits(expected[k], end, k) for k in kinds)
        assert len([k for k in kinds if k is not SUM]) <= 1
    gap = {**by_year, YEARS[-1] + 1: None}
    assert {str(v) for v in candidates(gap).values()} == {
        "undefined: a value is missing (year 2027)"}


# -- shares and stated percentages -------------------------------------------------------------


def test_a_share_or_why_there_is_none() -> None:
    assert share(D(1), D(3)) == D("33.33333333333333333333333333")
    assert share(D(25325), D(38827), year=2022) == D("65.22522986581502562649702527")
    assert share(None, D(3), year=2024) == Undefined(Reason.MISSING, 2024)
    assert share(NIL, D(3), year=2024) == Undefined(Reason.NIL, 2024)
    assert share(D(1), None, year=2024) == Undefined(Reason.MISSING, 2024)
    assert share(D(1), NIL, year=2024) == Undefined(Reason.NIL, 2024)
    assert share(D(1), D(0), year=2024) == Undefined(Reason.ZERO_BASE, 2024)
    assert share(D(0), D(0)) == Undefined(Reason.ZERO_BASE)


def test_a_stated_percentage_agrees_to_the_places_it_shows() -> None:
    assert agrees(D("65.23"), D("65.2252"))
    assert agrees(D("65.3"), D("65.25"))
    assert agrees(D("65.2"), D("65.24999"))
    assert not agrees(D("65.2"), D("65.25"))
    assert agrees(D(100), D("99.6"))
    assert not agrees(D(100), D("99.4"))
    assert agrees(D("0.0"), D("0.04"))
    assert not agrees(D("0.0"), D("0.05"))
    assert not agrees(D(0), Undefined(Reason.ZERO_BASE))


def test_shown_rounds_half_up_within_the_digits_of_the_context() -> None:
    assert shown(D("72.185"), 2) == D("72.19")
    assert shown(D("-72.185"), 2) == D("-72.19")
    assert str(shown(D(0), 2)) == "0.00"
    assert shown(Undefined(Reason.MISSING), 2) is None
    # 27 digits before the point leave room for one after it (28 in all)
    assert str(shown(D("123456789012345678901234567.85"), 2)) == (
        "123456789012345678901234567.9")
    assert str(shown(D("1234567890123456789012345678.5"), 2)) == (
        "1234567890123456789012345679")
    assert str(shown(D("0.000123456789012345678901234567891"), 40)) == (
        "0.0001234567890123456789012345679")
    assert str(shown(D("1E+30") / 7, 2)) == "1.428571428571428571428571429E+29"


def test_each_stated_percentage_beside_its_share() -> None:
    checked = check_percentages(
        {2024: D(20), 2022: D("20.0"), 2023: D(50)}, {2022: D(2), 2024: D(3)}, D(10))
    assert checked == (
        PercentCheck(2022, D("20.0"), D(20)),
        PercentCheck(2023, D(50), Undefined(Reason.MISSING, 2023)),
        PercentCheck(2024, D(20), D(30)),
    )
    assert [c.agrees for c in checked] == [True, False, False]
    assert check_percentages({2022: D(5)}, {2022: D(1)}, D(0)) == (
        PercentCheck(2022, D(5), Undefined(Reason.ZERO_BASE, 2022)),)
    assert check_percentages({}, {2022: D(1)}, D(10)) == ()


# -- the shift of a series ---------------------------------------------------------------------
# With a denominator of 100 each count is its own share: a stated percentage of year y is
# "the share of y + k" when it equals the count of y + k.

HUNDRED = D(100)


def diagnosis(stated: dict[int, Decimal], counts: dict[int, Decimal | None],
              **options: int) -> tuple[int | None, list[int], list[int]]:
    found = diagnose_percentages(stated, counts, HUNDRED, **options)
    assert find_shift(stated, counts, HUNDRED, **options) == found.shift
    return found.shift, sorted(found.wrong), sorted(found.explained)


def test_two_cells_a_shift_explains_are_a_shift() -> None:
    counts = counts_of(1, 7, 9, 9)
    assert diagnosis(percents(7, 9, 9), counts) == (1, [2022, 2023], [2022, 2023])
    assert diagnose_percentages(percents(7, 9, 9), counts, HUNDRED) == PercentDiagnosis(
        frozenset({2022, 2023}), 1, frozenset({2022, 2023}))
    # one wrong cell is a typing error, whatever its neighbour holds
    assert diagnosis(percents(7, 7, 9), counts) == (None, [2022], [])
    assert diagnose_percentages(percents(1, 7, 9), counts, HUNDRED) == PercentDiagnosis(
        frozenset(), None, frozenset())


def test_a_shift_explains_more_than_it_breaks_and_than_it_leaves_wrong() -> None:
    counts = counts_of(1, 7, 9, 4, 2)
    # 2022 and 2023 are the next year's counts, but 2024 and 2025, right as stated, are not
    assert diagnosis(percents(7, 9, 9, 4), counts) == (None, [2022, 2023], [])
    # 2022 and 2023 are the next year's counts, 2024 and 2025 are wrong either way
    assert diagnosis(percents(7, 9, 50, 60), counts) == (None, [2022, 2023, 2024, 2025], [])
    # three explained, two left wrong: shifted, with two typing errors
    assert diagnosis(percents(7, 9, 4, 50, 60), counts_of(1, 7, 9, 4, 2, 3)) == (
        1, [2022, 2023, 2024, 2025, 2026], [2022, 2023, 2024])
    # three explained, two broken: shifted
    assert diagnosis(percents(7, 9, 4, 4, 2), counts_of(1, 7, 9, 4, 2, 3)) == (
        1, [2022, 2023, 2024], [2022, 2023, 2024])


def test_a_shift_reads_the_years_it_has_counts_for() -> None:
    # shifted by -1: 2022 has no count before it, the others are the previous year's
    counts = counts_of(5, 6, 7, 8, 9)
    assert diagnosis(percents(1, 5, 6, 7, 8), counts) == (
        -1, [2022, 2023, 2024, 2025, 2026], [2023, 2024, 2025, 2026])
    # an empty count is no share at all
    assert diagnosis(percents(5, 6, 6), {**counts_of(1, 5, 6), 2025: None}) == (
        1, [2022, 2023], [2022, 2023])
    assert diagnosis(percents(5, 6), {**counts_of(None, 5, 6)}) == (1, [2022, 2023],
                                                                    [2022, 2023])
    # a zero denominator makes every share undefined: every cell is wrong, none explained
    found = diagnose_percentages(percents(5, 6), counts_of(1, 5, 6), D(0))
    assert found == PercentDiagnosis(frozenset({2022, 2023}), None, frozenset())


def test_the_shift_that_explains_most_then_breaks_fewest_then_is_smallest() -> None:
    # +1 and -1 explain every cell: +1
    alternating = counts_of(1, 5, 1, 5, 1, 5, 1, start=2021)
    assert diagnosis(percents(1, 5, 1, 5, 1), alternating) == (
        1, [2022, 2023, 2024, 2025, 2026], [2022, 2023, 2024, 2025, 2026])
    # +2 explains three cells and breaks one, +1 explains two and breaks none: +2
    assert diagnosis(percents(3, 2, 1, 1), counts_of(3, 3, 2, 2, 1, 1)) == (
        2, [2023, 2024, 2025], [2023, 2024, 2025])
    # +1 and +2 explain two cells each; +2 breaks none, +1 breaks 2023: +2
    assert diagnosis(percents(4, 4, 3, 3), counts_of(2, 4, 2, 4, 3, 3)) == (
        2, [2022, 2024, 2025], [2024, 2025])
    # +1 and +2 explain two cells each and break none: +1
    assert diagnosis(percents(4, 4, 2), counts_of(3, 1, 4, 2, 2)) == (
        1, [2022, 2023, 2024], [2023, 2024])


def test_the_largest_shift_read_is_an_option() -> None:
    stated, counts = percents(5, 6), counts_of(1, 1, None, 5, 6)
    assert diagnosis(stated, counts) == (None, [2022, 2023], [])
    assert diagnosis(stated, counts, max_shift=3) == (3, [2022, 2023], [2022, 2023])
    assert diagnosis(percents(5, 6), counts_of(1, 1, 5, 6), max_shift=1) == (
        None, [2022, 2023], [])


# -- the denominator a series implies ----------------------------------------------------------


def test_the_simplest_denominator_a_majority_implies() -> None:
    cells = [(D(4800), D(75)), (D(5000), D("83.33")), (D(5400), D(90)), (D(5700), D(95))]
    assert implied_denominator(cells) == D(6000)
    assert implied_denominator(cells[:2]) is None
    # 1 is 3 % of 28.58 … 40: the whole number nearest the middle
    assert implied_denominator([(D(1), D(3))]) == D(34)
    assert implied_denominator([]) is None


def test_an_implied_denominator_reads_the_cells_it_can() -> None:
    fifty = (D(10), D(50))
    # a cell at 0 % votes for no denominator and against none
    assert implied_denominator([fifty, fifty, (D(5), D(0)), (D(5), D(0))]) == D(20)
    # a cell without a count votes against every denominator, wherever it stands
    assert implied_denominator([(None, D(50)), fifty, fifty]) == D(20)
    assert implied_denominator([(None, D(50)), (NIL, D(50)), fifty, fifty]) is None
    # 1 of 3 % lies in (28.57, 40], 1 of 2 % in (40, 66.67]: no denominator is both
    assert implied_denominator([(D(1), D(3)), (D(1), D(3)), (D(1), D(2))]) == D(34)
    # 9 of 26 % and 9 of 28 % each share a denominator with 4 of 12 %, not with each other:
    # two majorities, none chosen
    assert implied_denominator([(D(4), D(12)), (D(9), D(26)), (D(9), D(28))]) is None
    # counts of 0, or none at all, agree with no denominator
    assert implied_denominator([(D(0), D(50)), (D(0), D(50))]) is None
    assert implied_denominator([(None, D(50))]) is None


def test_the_places_a_stated_number_shows() -> None:
    assert [places(D(v)) for v in ("72.18", "5", "5.0", "1E+2", "NaN", "Infinity")] == [
        2, 0, 1, 0, 0, 0]


def test_the_simplest_number_of_a_range_rounds_its_middle_half_up() -> None:
    # (1.9, 3.1] holds 2 and 3; its middle 2.5 rounds half-up to 3 (half-even would give 2)
    assert _simplest(D("1.9"), D("3.1"), 6) == D(3)
    assert _simplest(D("2.1"), D("2.9"), 0) is None  # no whole number, and no places allowed
    assert _simplest(D("2.1"), D("2.9"), 1) == D("2.5")


def test_the_places_of_an_implied_denominator_are_an_option() -> None:
    # 1 is 31.830988148145 % of 3.1415927 alone among numbers of up to seven places
    cells = [(D(1), D("31.830988148145"))]
    assert implied_denominator(cells) is None
    assert implied_denominator(cells, max_places=7) == D("3.1415927")
    assert implied_denominator([(D(1), D("40.0"))]) == D("2.5")
    assert implied_denominator([(D(1), D("40.0"))], max_places=0) is None
    assert series_denominator({2022: D("31.830988148145")}, {2022: D(1)}) is None


def test_a_series_denominator_prefers_the_reading_most_cells_agree_with() -> None:
    stated = percents(50, 50, start=2022) | percents(50, start=2025)
    # each reading of 2022 and 2025 alone: unshifted 20, +1 60, -1 80
    counts = {2022: D(10), 2025: D(10), 2023: D(30), 2026: D(30)}
    assert series_denominator({2022: D(50), 2025: D(50)}, counts) == D(20)  # a tie: unshifted
    counts = {2023: D(30), 2026: D(30), 2021: D(40), 2024: D(40)}
    assert series_denominator({2022: D(50), 2025: D(50)}, counts) == D(60)  # +1 before -1
    counts = {2023: D(30), 2026: D(30), 2024: D(40), 2027: D(40)}
    assert series_denominator({2022: D(50), 2025: D(50)}, counts) == D(60)  # +1 before +2
    counts = {2021: D(40), 2024: D(40)}
    assert series_denominator({2022: D(50), 2025: D(50)}, counts) == D(80)  # -1 alone
    counts = {2022: D(10), 2023: D(30), 2024: D(30), 2025: D(30)}
    assert series_denominator(stated, counts) == D(60)  # +1: three cells, unshifted: one
    assert series_denominator({2022: D(50), 2023: D(50)}, counts_of(10, 10, start=2025)) is None
    assert series_denominator({2022: D(50), 2023: D(50)}, counts_of(10, 10, start=2025),
                              max_shift=3) == D(20)
    assert series_denominator({}, counts) is None


@given(st.lists(st.integers(1, 10**6), min_size=1, max_size=6), st.integers(0, 10**6),
       st.integers(0, 3))
def test_the_implied_denominator_fits_every_cell_of_one(counts: list[int], extra: int,
                                                        places: int) -> None:
    denominator = D(max(counts) + extra)
    stated = [present(share(D(c), denominator), places) for c in counts]
    assume(all(p is not None and p > 0 for p in stated))
    cells: Sequence[tuple[Decimal, Decimal]] = [
        (D(c), p) for c, p in zip(counts, stated, strict=True) if p is not None]
    value = implied_denominator(cells)
    assert value is not None
    assert all(agrees(p, share(c, value)) for c, p in cells)

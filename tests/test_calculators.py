"""Calculators: exact, total (undefined is returned, never raised) and true to the TTU plan."""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from renstra_model import NIL, Activity, BudgetLine, Code, Indicator, Level, Plan, Quantity
from renstra_model.calculators.arithmetic import (
    CONTEXT,
    Reason,
    Result,
    Undefined,
    calculate,
    present,
)
from renstra_model.calculators.end_of_period import (
    amounts,
    candidates,
    end_of_period,
    fitting_kinds,
)
from renstra_model.calculators.growth import cagr, last_step_growth, mean_growth, rate, year_on_year
from renstra_model.calculators.ratios import (
    Predikat,
    agrees,
    capaian,
    check_percentages,
    find_shift,
    predikat,
    realisation_ratio,
    share,
)
from renstra_model.calculators.rollups import children_sum, rollup, total_by_year, totals_by_program
from renstra_model.examples import ttu_dinsos
from renstra_model.model.indicators import Aggregation, Polarity

positive = st.decimals(min_value=Decimal("0.01"), max_value=Decimal(10) ** 12, places=2)
money = st.one_of(
    st.decimals(min_value=Decimal(0), max_value=Decimal(10) ** 12, places=1), st.just(NIL)
)
any_cell = st.one_of(
    st.none(),
    st.just(NIL),
    st.decimals(min_value=Decimal(-(10**12)), max_value=Decimal(10**12), places=2),
)
series = st.dictionaries(st.integers(2021, 2026), any_cell, max_size=6)


def _no_float(value: object) -> None:
    assert not isinstance(value, float)
    assert isinstance(value, (Decimal, Undefined)), value
    if isinstance(value, Decimal):
        assert value.is_finite()


# -- capaian and predikat -------------------------------------------------------------------


@given(positive, st.sampled_from(Polarity))
def test_capaian_of_realisation_equal_to_target_is_100(value: Decimal, polarity: Polarity) -> None:
    assert capaian(value, value, polarity) == 100


@given(positive, positive)
def test_polarities_mirror_each_other_around_100(r: Decimal, t: Decimal) -> None:
    higher = capaian(r, t)
    lower = capaian(r, t, Polarity.LOWER_IS_BETTER)
    assert isinstance(higher, Decimal)
    assert isinstance(lower, Decimal)
    assert calculate(lambda: higher + lower) == 200


@given(any_cell, any_cell, st.sampled_from(Polarity))
def test_capaian_is_total(r: Decimal | None, t: Decimal | None, polarity: Polarity) -> None:
    _no_float(capaian(r, t, polarity))


def test_capaian_edge_cases() -> None:
    assert capaian(Decimal(5), Decimal(0)) == Undefined(Reason.ZERO_BASE)
    assert capaian(None, Decimal(5), year=2024) == Undefined(Reason.MISSING, 2024)
    assert capaian(NIL, Decimal(5)) == Undefined(Reason.NIL)
    assert capaian(Decimal(0), Decimal(4), Polarity.LOWER_IS_BETTER) == 200


@pytest.mark.parametrize(
    ("value", "band"),
    [
        ("100", Predikat.SANGAT_TINGGI),
        ("91", Predikat.SANGAT_TINGGI),
        ("90.99", Predikat.TINGGI),
        ("76", Predikat.TINGGI),
        ("75.5", Predikat.SEDANG),
        ("66", Predikat.SEDANG),
        ("65", Predikat.RENDAH),
        ("51", Predikat.RENDAH),
        ("50.99", Predikat.SANGAT_RENDAH),
        ("-20", Predikat.SANGAT_RENDAH),
    ],
)
def test_predikat_scale(value: str, band: Predikat) -> None:
    assert predikat(Decimal(value)) is band


def test_predikat_labels_in_both_languages() -> None:
    assert Predikat.SANGAT_TINGGI.label("id") == "sangat tinggi"
    assert Predikat.RENDAH.label("en") == "low"
    assert isinstance(predikat(Undefined(Reason.MISSING)), Undefined)


# -- shares and stated percentages ----------------------------------------------------------


@given(st.integers(0, 10**6), st.integers(1, 10**6))
def test_a_share_rounded_as_stated_agrees_with_itself(count: int, denominator: int) -> None:
    computed = share(Decimal(count), Decimal(denominator))
    assert isinstance(computed, Decimal)
    stated = present(computed)
    assert stated is not None
    assert agrees(stated, computed)


@given(
    st.lists(st.integers(1, 10**5), min_size=3, max_size=6),
    st.integers(1, 10**5),
    st.sampled_from([1, -1, 2]),
)
def test_a_shifted_series_is_diagnosed(counts: list[int], extra: int, shift: int) -> None:
    denominator = Decimal(sum(counts) + extra)
    by_year = {2021 + i: Decimal(c) for i, c in enumerate(counts)}
    stated = {}
    for year in by_year:
        if year + shift in by_year:
            value = present(share(by_year[year + shift], denominator))
            assert value is not None
            stated[year] = value
    assume(len(stated) >= 2)
    found = find_shift(stated, by_year, denominator)
    wrong = [c for c in check_percentages(stated, by_year, denominator) if not c.agrees]
    if len(wrong) < 2:  # one wrong cell is no evidence of a shift: RS201 reports it
        assert found is None
    else:
        assert found is not None
        assert all(
            agrees(v, share(by_year[y + found], denominator))
            for y, v in stated.items()
            if y + found in by_year
        )


def test_table_7_1_states_next_years_share() -> None:
    # Table 7.1, row 1: "72,18 % (25.325 KPM)" in 2022 is 28,026 / 38,827, the count of 2023.
    plan = ttu_dinsos()
    indicator = plan.key_indicators[0].indicator
    assert indicator.end_of_period is not None
    denominator = indicator.end_of_period.amount
    counts = {y: q.amount for y, q in indicator.planned.items()}
    stated = {y: q.percent for y, q in indicator.planned.items() if q.percent is not None}
    checks = check_percentages(stated, counts, denominator)
    assert not checks[0].agrees  # 25,325 / 38,827 = 65.23 %, stated 72.18 %
    assert find_shift(stated, counts, denominator) == 1


# -- growth ---------------------------------------------------------------------------------


@given(series)
def test_growth_is_total(values: dict[int, Decimal | None]) -> None:
    for result in year_on_year(values).values():
        _no_float(result)
    _no_float(mean_growth(values))
    _no_float(cagr(values))
    _no_float(last_step_growth(values))


@given(positive, st.integers(1, 8))
def test_growth_of_a_constant_series_is_zero(value: Decimal, years: int) -> None:
    constant = {2020 + i: value for i in range(years + 1)}
    assert all(r == 0 for r in year_on_year(constant).values())
    assert mean_growth(constant) == 0
    assert cagr(constant) == 0
    assert last_step_growth(constant) == 0


@given(positive, positive, st.integers(1, 10))
def test_compounding_the_cagr_reproduces_the_end_value(
    start: Decimal, end: Decimal, years: int
) -> None:
    rate_ = cagr({2020: start, 2020 + years: end})
    assert isinstance(rate_, Decimal)
    rebuilt = calculate(lambda: start * (1 + rate_ / 100) ** years)
    # 28 significant digits: the error is relative to the larger of the two values.
    assert abs(rebuilt - end) <= max(start, end) * Decimal("1e-18")


def test_growth_edge_cases() -> None:
    assert rate(Decimal(0), Decimal(5), year=2023) == Undefined(Reason.ZERO_BASE, 2023)
    assert rate(Decimal(-5), Decimal(5)) == Undefined(Reason.SIGN_CHANGE)
    assert rate(NIL, Decimal(5)) == Undefined(Reason.NIL)
    assert year_on_year({2022: Decimal(1), 2024: Decimal(2)})[2023] == Undefined(
        Reason.MISSING, 2023
    )
    assert mean_growth({2022: Decimal(1)}) == Undefined(Reason.TOO_FEW)
    assert cagr({2022: Decimal(-1), 2024: Decimal(2)}) == Undefined(Reason.NEGATIVE_BASE, 2022)
    assert cagr({2022: Decimal(5), 2024: Decimal(0)}) == -100
    assert last_step_growth({}) == Undefined(Reason.TOO_FEW)


def _stated_growth_agrees(stated: object, computed: Result) -> bool:
    # T-C.24 prints "-" where the last step has no growth: zero, or undefined.
    if stated is NIL:
        return isinstance(computed, Undefined) or computed == 0
    return present(computed) == stated


def test_tc24_average_growth_is_the_growth_of_the_last_step() -> None:
    plan = ttu_dinsos()
    for row in plan.budget_table:
        for money_series, stated in (
            (row.budget.planned, row.stated_growth_planned),
            (row.budget.realised, row.stated_growth_realised),
        ):
            assert _stated_growth_agrees(stated, last_step_growth(money_series)), row.label


def test_the_whole_agency_mean_and_cagr_differ_from_the_stated_average() -> None:
    agency = ttu_dinsos().budget_table[0].budget.planned
    assert present(last_step_growth(agency)) == Decimal("14.49")
    assert present(mean_growth(agency)) == Decimal("22.59")
    assert present(cagr(agency)) == Decimal("17.48")


# -- roll-ups -------------------------------------------------------------------------------


@st.composite
def kegiatan_trees(draw: st.DrawFn) -> Activity:
    subs = [
        Activity(
            Code.parse(f"1.06.02.2.01.{n:04d}"),
            Level.SUB_KEGIATAN,
            f"sub {n}",
            budget=BudgetLine(
                planned=draw(st.dictionaries(st.integers(2022, 2026), money, max_size=5))
            ),
        )
        for n in range(1, draw(st.integers(0, 6)) + 1)
    ]
    kegiatan = Activity(Code.parse("1.06.02.2.01"), Level.KEGIATAN, "k", children=subs)
    return Activity(Code.parse("1.06.02"), Level.PROGRAM, "p", children=[kegiatan])


def _leaf_sum(tree: Activity) -> dict[int, Decimal]:
    totals: dict[int, Decimal] = {}
    for _, node in tree.walk():
        if node.children or node.budget is None:
            continue
        for year, cell in node.budget.planned.items():
            amount = cell if isinstance(cell, Decimal) else Decimal(0)
            totals[year] = totals.get(year, Decimal(0)) + amount
    return totals


@given(kegiatan_trees())
def test_the_rollup_of_any_tree_is_the_sum_of_its_leaves(tree: Activity) -> None:
    assert rollup(tree) == _leaf_sum(tree)
    assert children_sum(tree) == _leaf_sum(tree)
    kegiatan = tree.children[0]  # children that are leaves: the sum is the roll-up
    assert children_sum(kegiatan) == _leaf_sum(kegiatan)
    for value in rollup(tree).values():
        _no_float(value)


def test_ttu_rollups() -> None:
    plan = ttu_dinsos()
    assert total_by_year(plan)[2026] == Decimal("9233106480")
    programs = totals_by_program(plan)
    assert programs[Code.parse("1.06.07")] == {
        2023: Decimal("10000000"),
        2024: Decimal("250000000"),
        2025: Decimal("40000000"),
        2026: Decimal("40000000"),
        2022: Decimal("0"),
    }


def _program_subtotals(plan: Plan) -> Mapping[str, Mapping[int, object]]:
    return {
        str(a.code): a.budget.planned
        for _, a in plan.activities()
        if a.budget is not None and a.level is Level.KEGIATAN
    }


def test_ttu_kegiatan_subtotals_equal_their_children() -> None:
    plan = ttu_dinsos()
    for code, planned in _program_subtotals(plan).items():
        computed = children_sum(plan.find(code))
        for year, cell in planned.items():
            amount = cell if isinstance(cell, Decimal) else Decimal(0)
            assert computed.get(year, Decimal(0)) == amount, (code, year)


# -- end of period --------------------------------------------------------------------------


def test_end_of_period_by_kind() -> None:
    planned = {
        2022: Quantity(Decimal(5)),
        2023: Quantity(Decimal(4)),
        2024: Quantity(NIL),
        2025: Quantity(Decimal(7)),
        2026: Quantity(Decimal(5)),
    }
    years = range(2022, 2027)
    ind = Indicator("x", planned=planned, end_of_period=Quantity(Decimal(24)))
    assert end_of_period(ind, years, Aggregation.SUM) == 21  # the nil year counts as 0
    assert end_of_period(ind, years, Aggregation.LAST) == 5
    assert end_of_period(ind, years, Aggregation.MAX) == 7
    assert end_of_period(ind, years, Aggregation.MEAN) == Decimal("5.25")  # 21 / 4 years
    assert end_of_period(ind, years, Aggregation.STATED) == 24
    assert end_of_period(ind, years) == Undefined(Reason.MISSING)
    assert end_of_period(ind, range(2022, 2028), Aggregation.SUM) == Undefined(
        Reason.MISSING, 2027
    )
    assert end_of_period(Indicator("x"), years, Aggregation.STATED) == Undefined(Reason.MISSING)
    nil_end = Indicator("x", end_of_period=Quantity(NIL))
    assert end_of_period(nil_end, years, Aggregation.STATED) == 0


def test_last_is_the_last_year_that_states_an_amount() -> None:
    # T-C.27 1 06 07 2.01 01: "- lokasi", 1, 1, "-", "-", end of period 1 lokasi
    (ind,) = ttu_dinsos().find("1 06 07 2.01 01").indicators
    assert [str(q) for q in ind.planned.values()] == ["- lokasi", "1 lokasi", "1 lokasi", "-",
                                                      "-"]
    years = range(2022, 2027)
    assert end_of_period(ind, years, Aggregation.LAST) == 1
    assert end_of_period(ind, years, Aggregation.SUM) == 2
    assert end_of_period(ind, years, Aggregation.MEAN) == 1  # over the two years with 1


def test_no_ttu_indicator_states_an_aggregation_kind() -> None:
    # the document states none (no table has such a column): the checks try each kind
    plan = ttu_dinsos()
    stated = [path for path, ind in plan.indicators() if ind.aggregation is not None]
    assert stated == []


def test_ttu_lk3_cases_sum_to_the_stated_end_of_period() -> None:
    # 1 06 02 2.03 05: 5 + 4 + 5 + 5 + 5 = 24 Kasus, as printed, and no other kind gives 24.
    (ind,) = ttu_dinsos().find("1 06 02 2.03 05").indicators
    assert ind.end_of_period is not None
    assert ind.end_of_period.amount == 24
    values = candidates(amounts(ind, range(2022, 2027)))
    assert values == {Aggregation.SUM: 24, Aggregation.LAST: 5, Aggregation.MAX: 5,
                      Aggregation.MEAN: Decimal("4.8")}
    assert fitting_kinds(values, Decimal(24)) == (Aggregation.SUM,)


def test_the_context_traps_instead_of_answering() -> None:
    assert CONTEXT.traps[__import__("decimal").DivisionByZero]


def test_realisation_ratio_of_tc24() -> None:
    agency = ttu_dinsos().budget_table[0].budget
    ratio = realisation_ratio(agency.realised[2023], agency.planned[2023])
    assert present(ratio) == Decimal("100.00")

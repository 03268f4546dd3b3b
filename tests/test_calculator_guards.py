"""Every guard branch of the calculators (growth, ratios, roll-ups, arithmetic, summary), each
asserting the exact ``Undefined(reason, year)`` or value, and the identities that hold."""

from __future__ import annotations

import decimal
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from renstra_model import (
    NIL,
    Activity,
    BudgetLine,
    Code,
    Level,
    Organisation,
    Period,
    Plan,
    Quantity,
)
from renstra_model.calculators.arithmetic import (
    CONTEXT,
    Reason,
    Undefined,
    calculate,
    is_defined,
    number_of,
    present,
)
from renstra_model.calculators.growth import (
    Series,
    cagr,
    last_step_growth,
    mean_growth,
    period_growth,
    rate,
    year_on_year,
)
from renstra_model.calculators.ratios import capaian, predikat, realisation_ratio, share
from renstra_model.calculators.rollups import (
    add,
    children_sum,
    parts_sum,
    period_total,
    rollup,
    rollups_by_id,
    stated,
    total_by_year,
    totals_by_program,
)
from renstra_model.calculators.summary import Summary, planned_by_year, summarise
from renstra_model.model.indicators import Polarity
from renstra_model.model.values import MoneyCell

D = Decimal
U = Undefined
R = Reason


# -- growth -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("base", "value", "expected"),
    [
        (None, D(5), U(R.MISSING, 2024)),
        (NIL, D(5), U(R.NIL, 2024)),
        (D(5), None, U(R.MISSING, 2024)),
        (D(5), NIL, U(R.NIL, 2024)),
        (None, NIL, U(R.MISSING, 2024)),  # the base is tested first
        (D(0), D(5), U(R.ZERO_BASE, 2024)),
        (D(0), NIL, U(R.NIL, 2024)),  # a nil value before a zero base
        (D(-5), D(5), U(R.SIGN_CHANGE, 2024)),
        (D(5), D(-5), U(R.SIGN_CHANGE, 2024)),
        (D(-5), D(0), D(100)),  # zero has no sign: from −5 up to 0 is +100 %
        (D(5), D(0), D(-100)),
        (D(-10), D(-5), D(50)),  # over |base|: −10 → −5 is a rise
        (D(-5), D(-10), D(-100)),
        (D(8), D(10), D(25)),
    ],
)
def test_rate_guards(base: MoneyCell | None, value: MoneyCell | None, expected: object) -> None:
    assert rate(base, value, year=2024) == expected


def test_rate_without_a_year() -> None:
    assert rate(D(0), D(1)) == U(R.ZERO_BASE, None)


def test_rate_of_a_quantity_and_a_number() -> None:
    assert rate(Quantity(D(4), "org"), D(5)) == D(25)
    assert rate(D(4), Quantity(D(5), "org")) == D(25)
    assert rate(Quantity(D(4), "org"), Quantity(D(5), "ORG"), year=2023) == D(25)


@pytest.mark.parametrize(
    ("series", "expected"),
    [
        ({}, {}),
        ({2022: D(1)}, {}),
        ({2022: D(1), 2024: D(2)}, {2023: U(R.MISSING, 2023), 2024: U(R.MISSING, 2024)}),
        ({2022: NIL, 2023: D(1), 2024: D(0)},
         {2023: U(R.NIL, 2023), 2024: D(-100)}),
        ({2022: D(0), 2023: D(1)}, {2023: U(R.ZERO_BASE, 2023)}),
    ],
)
def test_year_on_year_guards(series: Series, expected: dict[int, object]) -> None:
    assert year_on_year(series) == expected


@pytest.mark.parametrize(
    ("series", "expected"),
    [
        ({}, U(R.TOO_FEW, None)),
        ({2022: D(1)}, U(R.TOO_FEW, None)),
        ({2022: NIL}, U(R.TOO_FEW, None)),
        ({2022: NIL, 2023: D(1)}, U(R.NIL, 2023)),
        ({2022: D(1), 2023: NIL}, U(R.NIL, 2023)),
        ({2022: D(1), 2023: None}, U(R.MISSING, 2023)),
        ({2022: D(1), 2024: D(1)}, U(R.MISSING, 2023)),  # a gap is an empty year
        ({2022: D(0), 2023: D(1)}, U(R.ZERO_BASE, 2023)),
        ({2022: D(-1), 2023: D(1)}, U(R.SIGN_CHANGE, 2023)),
        ({2022: D(1), 2023: D(-1)}, U(R.SIGN_CHANGE, 2023)),
        # the first undefined step in year order: 1 → 0 is −100 %, 0 → nil is nil
        ({2022: D(1), 2023: D(0), 2024: NIL}, U(R.NIL, 2024)),
        ({2022: D(1), 2023: D(0), 2024: D(5)}, U(R.ZERO_BASE, 2024)),
        ({2022: D(100), 2023: D(0)}, D(-100)),
        ({2022: D(-100), 2023: D(-50)}, D(50)),
        ({2022: D(100), 2023: D(110), 2024: D(121)}, D(10)),
    ],
)
def test_mean_growth_guards(series: Series, expected: object) -> None:
    assert mean_growth(series) == expected


@pytest.mark.parametrize(
    ("series", "start", "end", "expected"),
    [
        ({}, None, None, U(R.TOO_FEW, None)),
        ({}, 2022, 2024, U(R.TOO_FEW, None)),  # no years at all, whatever the bounds
        ({2022: D(5)}, None, None, U(R.TOO_FEW, None)),
        ({2022: D(5), 2024: D(6)}, 2024, 2022, U(R.TOO_FEW, None)),
        ({2022: D(5), 2024: D(6)}, 2023, 2023, U(R.TOO_FEW, None)),
        ({2023: D(1), 2024: D(2)}, 2022, None, U(R.MISSING, 2022)),
        ({2022: D(1), 2023: D(2)}, None, 2025, U(R.MISSING, 2025)),
        ({2022: D(1), 2024: None}, None, None, U(R.MISSING, 2024)),  # an empty end year
        ({2022: None, 2024: D(1)}, None, None, U(R.MISSING, 2022)),
        ({2022: NIL, 2024: D(1)}, None, None, U(R.NIL, 2022)),
        ({2022: D(1), 2024: NIL}, None, None, U(R.NIL, 2024)),
        ({2022: NIL, 2024: NIL}, None, None, U(R.NIL, 2022)),  # the start is tested first
        ({2022: D(0), 2024: D(1)}, None, None, U(R.ZERO_BASE, 2022)),
        ({2022: D(-1), 2024: D(1)}, None, None, U(R.NEGATIVE_BASE, 2022)),
        ({2022: D(-1), 2024: D(-2)}, None, None, U(R.NEGATIVE_BASE, 2022)),
        ({2022: D(1), 2024: D(-1)}, None, None, U(R.SIGN_CHANGE, 2024)),
        ({2022: D(5), 2024: D(0)}, None, None, D(-100)),
        ({2022: D(100), 2023: D(100)}, None, None, D(0)),
        ({2021: D(1), 2022: D(100), 2024: D(121)}, 2022, None, D(10)),
        ({2022: D(100), 2023: D(110), 2026: D(0)}, None, 2023, D(10)),
    ],
)
def test_cagr_guards(series: Series, start: int | None, end: int | None,
                     expected: object) -> None:
    result = cagr(series, start, end)
    if isinstance(expected, Decimal) and isinstance(result, Decimal):
        assert present(result, 20) == present(expected, 20)
    else:
        assert result == expected


@pytest.mark.parametrize(
    ("series", "expected"),
    [
        ({}, U(R.TOO_FEW, None)),
        ({2026: D(5)}, U(R.TOO_FEW, None)),
        ({2022: D(1), 2024: D(2)}, U(R.MISSING, 2024)),  # 2023 is empty
        ({2025: D(1), 2026: None}, U(R.MISSING, 2026)),
        ({2025: D(1), 2026: NIL}, U(R.NIL, 2026)),
        ({2025: NIL, 2026: D(1)}, U(R.NIL, 2026)),
        ({2025: D(0), 2026: D(1)}, U(R.ZERO_BASE, 2026)),
        ({2025: D(-1), 2026: D(1)}, U(R.SIGN_CHANGE, 2026)),
        ({2024: NIL, 2025: D(4), 2026: D(5)}, D(25)),  # only the last step counts
    ],
)
def test_last_step_growth_guards(series: Series, expected: object) -> None:
    assert last_step_growth(series) == expected


def test_period_growth_guards() -> None:
    money: Series = {2021: D(1), 2022: D(100), 2023: D(110), 2024: NIL, 2027: D(5)}
    nothing = period_growth(money, [2030, 2031])
    assert (nothing.series, nothing.mean, nothing.last_step, nothing.cagr()) == (
        {}, U(R.TOO_FEW), U(R.TOO_FEW), U(R.TOO_FEW))
    one = period_growth(money, [2022])
    assert (one.mean, one.last_step, one.cagr()) == (U(R.TOO_FEW), U(R.TOO_FEW), U(R.TOO_FEW))
    plan_years = period_growth(money, [2024, 2023, 2022])  # any order: the years are sorted
    assert list(plan_years.series) == [2022, 2023, 2024]
    assert (plan_years.mean, plan_years.last_step, plan_years.cagr()) == (
        U(R.NIL, 2024), U(R.NIL, 2024), U(R.NIL, 2024))
    two = period_growth(money, range(2022, 2024))
    assert (two.mean, two.last_step, two.cagr()) == (D(10), D(10), D(10))
    assert period_growth(money, range(2021, 2024)).mean == D("4955")  # 9,900 % and 10 %


# -- ratios -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("realised", "target", "polarity", "expected"),
    [
        (None, D(5), Polarity.HIGHER_IS_BETTER, U(R.MISSING, 2023)),
        (NIL, D(5), Polarity.HIGHER_IS_BETTER, U(R.NIL, 2023)),
        (D(5), None, Polarity.HIGHER_IS_BETTER, U(R.MISSING, 2023)),
        (D(5), NIL, Polarity.LOWER_IS_BETTER, U(R.NIL, 2023)),
        (None, NIL, Polarity.HIGHER_IS_BETTER, U(R.MISSING, 2023)),  # realised first
        (D(5), D(0), Polarity.HIGHER_IS_BETTER, U(R.ZERO_BASE, 2023)),
        (D(5), D(0), Polarity.LOWER_IS_BETTER, U(R.ZERO_BASE, 2023)),
        (D(-1), D(-2), Polarity.HIGHER_IS_BETTER, U(R.NEGATIVE_TARGET, 2023)),
        (D(-3), D(-2), Polarity.LOWER_IS_BETTER, U(R.NEGATIVE_TARGET, 2023)),
        (D(3), D(-2), Polarity.HIGHER_IS_BETTER, U(R.NEGATIVE_TARGET, 2023)),
        (D(-1), D(2), Polarity.HIGHER_IS_BETTER, D(-50)),
        (D(-1), D(2), Polarity.LOWER_IS_BETTER, D(250)),
        (D(0), D(4), Polarity.HIGHER_IS_BETTER, D(0)),
        (D(0), D(4), Polarity.LOWER_IS_BETTER, D(200)),
        (D(9), D(4), Polarity.LOWER_IS_BETTER, D(-25)),
    ],
)
def test_capaian_guards(realised: MoneyCell | None, target: MoneyCell | None,
                        polarity: Polarity, expected: object) -> None:
    assert capaian(realised, target, polarity, year=2023) == expected


def test_a_negative_target_has_no_predikat() -> None:
    value = capaian(D(-1), D(-2))
    assert value == U(R.NEGATIVE_TARGET, None)
    assert predikat(value) is value
    assert isinstance(value, Undefined)
    assert value.message("id") == "tidak terdefinisi: target negatif"


@pytest.mark.parametrize(
    ("count", "denominator", "expected"),
    [
        (None, D(5), U(R.MISSING, 2022)),
        (NIL, D(5), U(R.NIL, 2022)),
        (D(5), None, U(R.MISSING, 2022)),
        (D(5), NIL, U(R.NIL, 2022)),
        (NIL, None, U(R.NIL, 2022)),  # the count first
        (D(5), D(0), U(R.ZERO_BASE, 2022)),
        (D(0), D(5), D(0)),
        (D(5), D(-10), D(-50)),
    ],
)
def test_share_and_realisation_ratio_guards(
    count: MoneyCell | None, denominator: MoneyCell | None, expected: object,
) -> None:
    assert share(count, denominator, year=2022) == expected
    assert realisation_ratio(count, denominator, year=2022) == expected


def test_predikat_passes_undefined_through() -> None:
    missing = U(R.MISSING, 2022)
    assert predikat(missing) is missing


# -- roll-ups -----------------------------------------------------------------------------------


def _leaf(number: int, planned: dict[int, MoneyCell] | None,
          realised: dict[int, MoneyCell] | None = None) -> Activity:
    budget = None if planned is None else BudgetLine(planned=planned, realised=realised or {})
    return Activity(Code.parse(f"1.06.02.2.01.{number:04d}"), Level.SUB_KEGIATAN,
                    f"sub {number}", budget=budget)


def _kegiatan(number: int, children: tuple[Activity, ...],
              planned: dict[int, MoneyCell] | None = None) -> Activity:
    subs = tuple(Activity(Code.parse(f"1.06.02.2.{number:02d}.{int(str(c.code)[-4:]):04d}"),
                          Level.SUB_KEGIATAN, c.name, budget=c.budget) for c in children)
    return Activity(Code.parse(f"1.06.02.2.{number:02d}"), Level.KEGIATAN, f"k {number}",
                    children=subs, budget=None if planned is None else BudgetLine(planned=planned))


def test_stated_and_add_guards() -> None:
    assert stated(_leaf(1, None)) == {}
    assert stated(_leaf(1, None), "realised") == {}
    leaf = _leaf(1, {2022: D(5)}, {2022: D(4)})
    assert (stated(leaf), stated(leaf, "realised")) == ({2022: D(5)}, {2022: D(4)})
    assert add([]) == {}
    summed = add([{2023: NIL}, {2022: D(1), 2023: D(2)}])
    assert summed == {2022: D(1), 2023: D(2)}
    assert list(summed) == [2022, 2023]  # in year order
    assert add([{2023: NIL}]) == {2023: D(0)}  # a nil states none: zero, not absent


def test_rollup_guards() -> None:
    assert rollup(_leaf(1, None)) == {}
    assert rollup(_leaf(1, {2022: NIL, 2023: D(5)})) == {2022: D(0), 2023: D(5)}
    # a parent's own figures are not used, and a leaf without money adds nothing
    parent = _kegiatan(1, (_leaf(1, {2022: D(5)}), _leaf(2, None)), planned={2022: D(99)})
    assert rollup(parent) == {2022: D(5)}
    assert rollup(parent, "realised") == {}
    rolled = rollups_by_id([parent])
    assert set(rolled) == {id(parent), *(id(c) for c in parent.children)}
    assert rolled[id(parent.children[1])] == {}


def test_children_sum_guards() -> None:
    leaf = _leaf(1, {2022: D(5)})
    assert children_sum(leaf) == {}  # no children, no sum
    a = _kegiatan(1, (_leaf(1, {2022: D(40)}), _leaf(2, {2022: D(10), 2023: D(7)})),
                  planned={2022: D(60)})  # states 60, its children add up to 50
    b = _kegiatan(2, (_leaf(1, {2022: D(30)}),))  # states nothing: its roll-up counts
    program = Activity(Code.parse("1.06.02"), Level.PROGRAM, "p", children=(a, b))
    # a counts with what it states for 2022 and with its roll-up for 2023
    assert children_sum(program) == {2022: D(90), 2023: D(7)}
    rolled = rollups_by_id([program])
    assert children_sum(program, rolled=rolled) == children_sum(program)
    assert children_sum(a) == {2022: D(50), 2023: D(7)}  # leaves: the roll-up
    assert parts_sum((a, b), "planned", rolled) == {2022: D(90), 2023: D(7)}
    assert parts_sum((), "planned", rolled) == {}
    assert children_sum(program, "realised") == {}


def test_totals_guards() -> None:
    plan = Plan(title="t", organisation=Organisation("Dinas", "Kab"),
                period=Period(2021, 2022, 2023), programs=())
    assert total_by_year(plan) == {}
    assert totals_by_program(plan) == {}
    assert period_total({}) == D(0)
    program = Activity(Code.parse("1.06.02"), Level.PROGRAM, "p",
                       children=(_kegiatan(1, (_leaf(1, {2022: D(5), 2023: NIL}),)),))
    full = Plan(title="t", organisation=Organisation("Dinas", "Kab"),
                period=Period(2021, 2022, 2023), programs=(program,))
    assert total_by_year(full) == {2022: D(5), 2023: D(0)}
    assert totals_by_program(full) == {Code.parse("1.06.02"): {2022: D(5), 2023: D(0)}}
    assert period_total({2022: D("0.5"), 2023: D(2)}) == D("2.5")


# -- arithmetic ---------------------------------------------------------------------------------


def test_number_of_and_is_defined() -> None:
    assert number_of(None, 2022) == U(R.MISSING, 2022)
    assert number_of(NIL) == U(R.NIL, None)
    assert number_of(D("-0.5")) == D("-0.5")
    assert is_defined(D(0))
    assert not is_defined(U(R.MISSING))


@pytest.mark.parametrize(
    ("value", "places", "expected"),
    [
        (U(R.MISSING), 2, None),
        (D("14.485"), 2, D("14.49")),
        (D("2.5"), 0, D("3")),  # half-up, not half-even
        (D("-2.5"), 0, D("-3")),
        (D("1250"), -2, D("1.3E+3")),  # negative places round to hundreds
        (D("0.1"), 21, D("0.100000000000000000000")),  # the first beyond the prepared ones
        (D("0.1"), 25, D("0.1000000000000000000000000")),
        (D("0.123456789012345678905"), 20, D("0.12345678901234567891")),
    ],
)
def test_present_guards(value: Decimal | Undefined, places: int,
                        expected: Decimal | None) -> None:
    shown = present(value, places)
    assert shown == expected
    if expected is not None:
        assert str(shown) == str(expected)


def test_undefined_explains_itself() -> None:
    plain, dated = U(R.TOO_FEW), U(R.ZERO_BASE, 2022)
    assert not plain
    assert not dated
    assert plain.message() == "undefined: too few years"
    assert plain.message("id") == "tidak terdefinisi: tahun terlalu sedikit"
    assert dated.message("en") == "undefined: zero base (year 2022)"
    assert str(dated) == dated.message()
    for reason in Reason:
        assert U(reason).message("en").startswith("undefined: ")
        assert U(reason).message("id").startswith("tidak terdefinisi: ")


def test_calculate_runs_in_the_context_and_traps() -> None:
    third = calculate(lambda: D(1) / D(3))
    assert len(third.as_tuple().digits) == CONTEXT.prec == 28
    with pytest.raises(decimal.DivisionByZero):
        calculate(lambda: D(1) / D(0))
    with pytest.raises(decimal.InvalidOperation):
        calculate(lambda: D(0) / D(0))


# -- summary ------------------------------------------------------------------------------------


def test_planned_by_year_guards() -> None:
    assert planned_by_year([], [2022, 2023]) == {2022: D(0), 2023: D(0)}
    assert planned_by_year([_leaf(1, {2022: D(5)})], []) == {}
    activities = [_leaf(1, None), _leaf(2, {2022: NIL, 2023: D(5), 2030: D(9)}),
                  _leaf(3, {2023: D("0.5")})]
    assert planned_by_year(activities, [2022, 2023]) == {2022: D(0), 2023: D("5.5")}


def test_summary_of_a_small_plan() -> None:
    program = Activity(Code.parse("1.06.02"), Level.PROGRAM, "p",
                       children=(_kegiatan(1, (_leaf(1, {2022: D(5)}), _leaf(2, None))),))
    plan = Plan(title=None, organisation=Organisation("Dinas", "Kab"),
                period=Period(2021, 2022, 2023), programs=(program,))
    summary = summarise(plan)
    assert summary == Summary(None, 0, 0, 0, 0, 0, 1, 1, 2, {2022: D(5), 2023: D(0)})
    assert summary.budget_total == D(5)
    assert summary.to_json()["budget_by_year"] == {"2022": "5", "2023": "0"}
    assert summary.to_json()["budget_total"] == "5"
    empty = Summary("t", 0, 0, 0, 0, 0, 0, 0, 0, {})
    assert empty.budget_total == D(0)


# -- identities ---------------------------------------------------------------------------------

amounts = st.decimals(min_value=D("0.01"), max_value=D(10) ** 9, places=2)
factors = st.integers(1, 10**6).map(Decimal)
series_of_amounts = st.lists(amounts, min_size=2, max_size=6).map(
    lambda values: {2021 + i: v for i, v in enumerate(values)})


@given(series_of_amounts, factors)
def test_growth_of_a_series_times_a_constant_is_unchanged(
    series: dict[int, Decimal], factor: Decimal,
) -> None:
    scaled = {year: CONTEXT.multiply(value, factor) for year, value in series.items()}
    assert year_on_year(scaled) == year_on_year(series)
    assert mean_growth(scaled) == mean_growth(series)
    assert last_step_growth(scaled) == last_step_growth(series)
    assert cagr(scaled) == cagr(series)


@given(st.integers(1, 10**6), st.integers(-60, 150), st.integers(1, 5))
def test_a_constant_rate_series_grows_at_that_rate(start: int, percent: int, steps: int) -> None:
    step = CONTEXT.add(1, CONTEXT.divide(D(percent), 100))
    series = {2021 + k: CONTEXT.multiply(D(start), CONTEXT.power(step, k))
              for k in range(steps + 1)}
    assert all(r == percent for r in year_on_year(series).values())
    assert mean_growth(series) == percent
    assert last_step_growth(series) == percent
    rate_ = cagr(series)
    assert isinstance(rate_, Decimal)
    assert abs(rate_ - percent) < D("1e-20")


@given(amounts, amounts, factors, st.sampled_from(Polarity))
def test_capaian_does_not_depend_on_the_scale(
    realised: Decimal, target: Decimal, factor: Decimal, polarity: Polarity,
) -> None:
    scaled = capaian(CONTEXT.multiply(realised, factor), CONTEXT.multiply(target, factor),
                     polarity)
    assert scaled == capaian(realised, target, polarity)


@given(series_of_amounts, amounts)
def test_period_growth_ignores_the_years_outside_the_period(
    series: dict[int, Decimal], baseline: Decimal,
) -> None:
    years = sorted(series)[1:] if len(series) > 2 else sorted(series)
    with_baseline = {**series, years[0] - 1: baseline}
    figures = period_growth(with_baseline, years)
    within = {year: series[year] for year in years}
    assert (figures.mean, figures.last_step, figures.cagr()) == (
        mean_growth(within), last_step_growth(within), cagr(within))

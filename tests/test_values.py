"""Cell values: money, numbers, counts, text, stated nil, quantities and per-year series."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from decimal import Decimal
from fractions import Fraction

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from checks import expect_only
from renstra_model import NIL, BudgetLine, Goal, InvalidPlanError, Nil, Quantity, Source, YearMap
from renstra_model.model.series import YEAR_MAX, YEAR_MIN, check_year
from renstra_model.model.values import (
    MAX_MONEY,
    MAX_NUMBER,
    MAX_PLACES,
    MAX_TEXT,
    check_count,
    check_money,
    check_money_cell,
    check_number,
    check_number_cell,
    check_text,
)
from strategies import counts, money, money_cells, numbers, quantities

# -- money ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "key"),
    [
        (1.5, "money.type"),
        (4091594846.5, "money.type"),
        (float("nan"), "money.type"),
        (float("inf"), "money.type"),
        (5, "money.type"),
        (True, "money.type"),
        ("4091594846.5", "money.type"),
        (None, "money.type"),
        (Fraction(1, 2), "money.type"),
        (NIL, "money.type"),
        (Decimal("NaN"), "money.not_finite"),
        (Decimal("sNaN"), "money.not_finite"),
        (Decimal("-NaN"), "money.not_finite"),
        (Decimal("Infinity"), "money.not_finite"),
        (Decimal("-Infinity"), "money.not_finite"),
        (Decimal("-1"), "money.negative"),
        (Decimal("-0.01"), "money.negative"),
        (Decimal("-0"), "money.negative"),
        (Decimal("-0.00"), "money.negative"),
        (Decimal("-4091594846.5"), "money.negative"),
        (MAX_MONEY + Decimal("0.01"), "money.too_large"),
        (MAX_MONEY * 10, "money.too_large"),
        (Decimal("1E+16"), "money.too_large"),
        (Decimal("1.005"), "money.precision"),
        (Decimal("0.001"), "money.precision"),
        (Decimal("4091594846.505"), "money.precision"),
        (Decimal("1E-3"), "money.precision"),
    ],
)
def test_check_money_refuses(value: object, key: str) -> None:
    expect_only(lambda: check_money(value), ("", key))


@pytest.mark.parametrize(
    "text",
    ["4091594846.5", "4091594846.50", "0", "0.00", "0.01", "1.000", "1E+3", "1000000000000000",
     "999999999999999.99", "4847753572"],
)
def test_check_money_accepts(text: str) -> None:
    value = Decimal(text)
    assert check_money(value) is value
    assert check_money_cell(value) is value


def test_check_money_cell_accepts_nil() -> None:
    assert check_money_cell(NIL) is NIL
    expect_only(lambda: check_money_cell(None), ("", "money.type"))
    expect_only(lambda: check_money_cell("-"), ("", "money.type"))


def test_money_messages_name_the_value() -> None:
    with pytest.raises(InvalidPlanError) as info:
        check_money(Decimal("-12.5"))
    assert "-12.5" in info.value.problems[0].message("en")
    assert "-12.5" in info.value.problems[0].message("id")
    with pytest.raises(InvalidPlanError) as info:
        check_money(1.5)
    assert "float" in str(info.value)


def _expected_money_key(value: Decimal) -> str | None:
    if not value.is_finite():
        return "money.not_finite"
    if value.is_signed():  # negative zero too
        return "money.negative"
    if value > MAX_MONEY:
        return "money.too_large"
    exponent = value.as_tuple().exponent
    if isinstance(exponent, int) and exponent < -MAX_PLACES:
        return "number.places"  # an absurd exponent, even on a whole amount
    if 100 % Fraction(value).denominator:
        return "money.precision"
    return None


@given(st.decimals(allow_nan=True, allow_infinity=True))
@example(Decimal("4091594846.5"))
@example(Decimal("-0"))
@example(Decimal("0E-30"))
@example(Decimal("0.10"))
@example(Decimal("1.10000"))
@example(MAX_MONEY)
def test_check_money_agrees_with_its_definition(value: Decimal) -> None:
    key = _expected_money_key(value)
    if key is None:
        assert check_money(value) is value
    else:
        expect_only(lambda: check_money(value), ("", key))


@given(st.one_of(st.floats(), st.integers(), st.text(), st.none(), st.booleans(),
                 st.fractions()))
def test_check_money_refuses_every_non_decimal(value: object) -> None:
    expect_only(lambda: check_money(value), ("", "money.type"))


@given(money())
def test_generated_money_is_valid(value: Decimal) -> None:
    assert check_money(value) is value


@given(money_cells())
def test_generated_money_cells_are_valid(value: Decimal | Nil) -> None:
    assert check_money_cell(value) is value


# -- numbers, counts, years, text -----------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "key"),
    [
        (1.5, "number.type"),
        (3, "number.type"),
        ("72.18", "number.type"),
        (Decimal("NaN"), "number.not_finite"),
        (Decimal("-Infinity"), "number.not_finite"),
        (MAX_NUMBER + 1, "number.too_large"),
        (-MAX_NUMBER - 1, "number.too_large"),
    ],
)
def test_check_number_refuses(value: object, key: str) -> None:
    expect_only(lambda: check_number(value), ("", key))


@given(numbers())
@example(Decimal("-3.5"))
@example(-MAX_NUMBER)
def test_check_number_accepts_finite_numbers_of_sane_size(value: Decimal) -> None:
    assert check_number(value) is value
    assert check_number_cell(value) is value


def test_check_number_cell_accepts_nil() -> None:
    assert check_number_cell(NIL) is NIL


@given(counts())
def test_check_count_accepts_counts(value: int | Nil) -> None:
    assert check_count(value) is value


@pytest.mark.parametrize(
    ("value", "key"),
    [(-1, "count.negative"), (True, "count.type"), (1.0, "count.type"), ("3", "count.type"),
     (Decimal(3), "count.type"), (None, "count.type")],
)
def test_check_count_refuses(value: object, key: str) -> None:
    expect_only(lambda: check_count(value), ("", key))


@pytest.mark.parametrize(
    ("value", "key"),
    [(YEAR_MIN - 1, "year.range"), (YEAR_MAX + 1, "year.range"), (0, "year.range"),
     (True, "year.type"), (2022.0, "year.type"), ("2022", "year.type")],
)
def test_check_year_refuses(value: object, key: str) -> None:
    expect_only(lambda: check_year(value), ("", key))


@pytest.mark.parametrize(
    ("value", "key"),
    [("", "text.empty"), ("  \n\t", "text.empty"), (None, "text.type"), (5, "text.type"),
     (b"abc", "text.type"), ("x" * (MAX_TEXT + 1), "text.too_long")],
)
def test_check_text_refuses(value: object, key: str) -> None:
    expect_only(lambda: check_text(value), ("", key))


@given(st.text())
def test_check_text_accepts_exactly_non_blank_text(value: str) -> None:
    if value.strip():
        assert check_text(value) is value
    else:
        expect_only(lambda: check_text(value), ("", "text.empty"))


# -- nil and quantities ---------------------------------------------------------------------


def test_nil_is_a_stated_value_distinct_from_absent() -> None:
    assert NIL is Nil.NIL
    assert NIL is not None
    assert NIL != None  # noqa: E711 - the point of the test
    assert str(NIL) == "-"
    assert repr(NIL) == "NIL"
    assert Quantity(NIL).is_nil
    assert not Quantity(Decimal(0)).is_nil


def test_quantity_text() -> None:
    q = Quantity(Decimal("25325"), "KPM", Decimal("72.18"))
    assert str(q) == "25325 KPM (72.18 %)"
    assert str(Quantity(NIL, "Kasus")) == "- Kasus"
    assert str(Quantity(NIL)) == "-"
    several = Quantity(Decimal(67), "SDM PKH", also=(Quantity(Decimal(24), "TSKK"),))
    assert str(several) == "67 SDM PKH 24 TSKK"
    assert several.figures() == (Quantity(Decimal(67), "SDM PKH"), Quantity(Decimal(24), "TSKK"))


@pytest.mark.parametrize(
    ("kwargs", "path", "key"),
    [
        ({"amount": 1.5}, "amount", "number.type"),
        ({"amount": None}, "amount", "number.type"),
        ({"amount": "-"}, "amount", "number.type"),
        ({"amount": Decimal("NaN")}, "amount", "number.not_finite"),
        ({"amount": Decimal(1), "unit": ""}, "unit", "text.empty"),
        ({"amount": Decimal(1), "unit": 3}, "unit", "text.type"),
        ({"amount": Decimal(1), "percent": 72.18}, "percent", "number.type"),
        ({"amount": Decimal(1), "percent": NIL}, "percent", "number.type"),
        ({"amount": Decimal(1), "also": ("x",)}, "also[0]", "structure.type"),
        (
            {"amount": Decimal(1),
             "also": (Quantity(Decimal(2)), Quantity(Decimal(2), also=(Quantity(Decimal(3)),)))},
            "also[1].also",
            "structure.invalid",
        ),
    ],
)
def test_invalid_quantities_are_refused(kwargs: dict[str, object], path: str, key: str) -> None:
    expect_only(lambda: Quantity(**kwargs), (path, key))  # type: ignore[arg-type]


@given(quantities())
def test_quantity_figures(q: Quantity) -> None:
    figures = q.figures()
    assert len(figures) == 1 + len(q.also)
    assert figures[0].amount == q.amount
    assert figures[0].also == ()
    assert all(f.also == () for f in figures)
    assert q.is_nil == (q.amount is NIL)
    assert str(q).startswith("-" if q.is_nil else format(q.amount, "f"))


# -- year maps ------------------------------------------------------------------------------


def test_year_map_is_ordered_immutable_and_hashable() -> None:
    ym = YearMap({2024: Decimal(3), 2022: Decimal(1), 2023: NIL})
    assert list(ym) == [2022, 2023, 2024]
    assert ym == {2022: Decimal(1), 2023: NIL, 2024: Decimal(3)}
    assert ym == YearMap({2022: Decimal(1), 2023: NIL, 2024: Decimal(3)})
    assert hash(ym) == hash(YearMap(dict(ym)))
    assert ym.first_year() == 2022
    assert ym.last_year() == 2024
    assert YearMap().first_year() is None
    assert YearMap().last_year() is None
    assert 2021 not in ym
    assert ym != [2022, 2023, 2024]
    with pytest.raises(TypeError):
        ym[2025] = Decimal(1)  # type: ignore[index]


def test_year_map_refuses_bad_years_naming_each() -> None:
    with pytest.raises(InvalidPlanError) as info:
        YearMap({1800: 1, 2022: 2, 2500: 3})
    assert {(p.path, p.key) for p in info.value.problems} == {
        ("[1800]", "year.range"), ("[2500]", "year.range")}
    with pytest.raises(InvalidPlanError) as info:
        YearMap({"2022": 1})  # type: ignore[dict-item]
    assert [(p.path, p.key) for p in info.value.problems] == [("['2022']", "year.type")]


def test_year_map_validate_names_every_bad_year() -> None:
    ym = YearMap({2022: Decimal(1), 2023: 1.5, 2024: Decimal(-1)})
    with pytest.raises(InvalidPlanError) as info:
        ym.validate(check_money)
    assert {(p.path, p.key) for p in info.value.problems} == {
        ("[2023]", "money.type"), ("[2024]", "money.negative")}


@given(st.dictionaries(st.integers(YEAR_MIN, YEAR_MAX), st.integers(), max_size=12))
def test_year_map_equals_its_mapping(data: Mapping[int, int]) -> None:
    ym = YearMap(data)
    assert ym == data
    assert dict(ym) == dict(data)
    assert list(ym) == sorted(data)
    assert len(ym) == len(data)
    assert ym == YearMap(dict(reversed(list(data.items()))))
    assert hash(ym) == hash(YearMap(dict(data)))
    assert ym.first_year() == (min(data) if data else None)
    assert ym.last_year() == (max(data) if data else None)


@pytest.mark.parametrize(
    ("build", "path", "key"),
    [
        (lambda: Goal("g", targets=5), "targets", "structure.type"),  # type: ignore[arg-type]
        (lambda: Goal("g", strategies="abc"), "strategies", "structure.type"),
        (lambda: BudgetLine(planned=5), "planned", "structure.type"),  # type: ignore[arg-type]
        (lambda: Quantity(Decimal("1E-99")), "amount", "number.places"),
        (lambda: BudgetLine(planned={2022: Decimal("0E-99")}), "planned[2022]", "number.places"),
        (lambda: Source("a\ud800", "r"), "table", "text.encoding"),
    ],
)
def test_bad_containers_and_extreme_decimals_name_their_field(
    build: Callable[[], object], path: str, key: str
) -> None:
    with pytest.raises(InvalidPlanError) as info:
        build()
    assert (path, key) in {(p.path, p.key) for p in info.value.problems}

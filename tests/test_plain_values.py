"""Python callers give the model, the calculators and the checks plain values."""

from __future__ import annotations

import json
from collections.abc import Callable
from decimal import Decimal
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from checks import build, expect_only
from renstra_model.calculators.arithmetic import Reason, Result, Undefined
from renstra_model.calculators.growth import rate
from renstra_model.calculators.ratios import capaian, realisation_ratio, share
from renstra_model.checks.engine import check, select_rules
from renstra_model.checks.findings import Finding
from renstra_model.cli import main
from renstra_model.cli.common import EXIT_INPUT
from renstra_model.errors import CalculatorInputError, RenstraError, UnknownRuleError
from renstra_model.examples import ttu_dinsos
from renstra_model.messages import render
from renstra_model.model.activities import Activity
from renstra_model.model.budget import BudgetLine
from renstra_model.model.codes import Code, Level
from renstra_model.model.indicators import Indicator
from renstra_model.model.series import YearMap
from renstra_model.model.values import MAX_MONEY, NIL, Quantity
from strategies import codes_with_forms

# -- constructors ---------------------------------------------------------------------------


def test_activity_code_as_text_derives_level() -> None:
    activity = Activity(code="1.06.02", name="PROGRAM PEMBERDAYAAN SOSIAL")
    assert activity.code == Code.parse("1.06.02")
    assert activity.level is Level.PROGRAM
    assert activity == Activity(Code.parse("1.06.02"), Level.PROGRAM,
                                "PROGRAM PEMBERDAYAAN SOSIAL")


def test_activity_printed_code_with_children() -> None:
    parent = Activity(code="1 06 04 2.01", children=[Activity(code="1.06.04.2.01.0003")])
    assert parent.level is Level.KEGIATAN
    assert parent.name is None
    assert parent.children[0].level is Level.SUB_KEGIATAN
    assert str(parent.children[0].code) == "1.06.04.2.01.0003"


@given(codes_with_forms())
def test_activity_any_code_form(found: tuple[Code, str]) -> None:
    code, form = found
    activity = Activity(code=form, name="A")
    assert activity.code == code
    assert activity.level is code.level


def test_activity_bad_code_text_names_the_field() -> None:
    expect_only(lambda: Activity(code="1.06.x", name="A"), ("code", "code.syntax"))
    expect_only(lambda: Activity(code="", name="A"), ("code", "code.syntax"))


def test_activity_code_not_text_nor_code() -> None:
    expect_only(lambda: build(Activity, code=10602, name="A"), ("code", "structure.type"))


def test_activity_explicit_level_must_agree() -> None:
    expect_only(lambda: Activity(code="1.06.02", level=Level.KEGIATAN, name="A"),
                ("level", "code.level"))


def test_budget_line_int_rupiah() -> None:
    line = BudgetLine(planned={2025: 1500000, 2026: NIL}, realised={2024: 0},
                      planned_total=1500000)
    assert line.planned == YearMap({2025: Decimal(1500000), 2026: NIL})
    assert line.realised == YearMap({2024: Decimal(0)})
    assert line.planned_total == Decimal(1500000)
    assert type(line.planned[2025]) is Decimal
    assert type(line.planned_total) is Decimal
    assert line == BudgetLine(planned={2025: Decimal("1500000"), 2026: NIL},
                              realised={2024: Decimal("0")},
                              planned_total=Decimal("1500000"))


@given(st.integers(min_value=0, max_value=int(MAX_MONEY)))
def test_budget_line_int_exact(amount: int) -> None:
    line = BudgetLine(planned={2025: amount}, planned_total=amount)
    assert line.planned[2025] == Decimal(amount)
    assert int(line.planned[2025]) == amount  # type: ignore[arg-type]
    assert line.planned_total == Decimal(amount)


def test_budget_line_refuses_float_bool_and_bad_ints() -> None:
    bad: list[tuple[dict[str, Any], tuple[str, str]]] = [
        ({"planned": {2025: 1500000.0}}, ("planned[2025]", "money.type")),
        ({"planned": {2025: True}}, ("planned[2025]", "money.type")),
        ({"realised": {2025: -1}}, ("realised[2025]", "money.negative")),
        ({"planned_total": 0.5}, ("planned_total", "money.type")),
        ({"planned_total": False}, ("planned_total", "money.type")),
        ({"planned_total": int(MAX_MONEY) + 1}, ("planned_total", "money.too_large")),
        ({"planned": 5}, ("planned", "structure.type")),
    ]
    for fields, expected in bad:
        expect_only(lambda fields=fields: build(BudgetLine, **fields), expected)  # type: ignore[misc]


# -- calculators ----------------------------------------------------------------------------

TWO_FIGURES: list[tuple[Callable[..., Result], Decimal]] = [
    (capaian, Decimal("80")),
    (share, Decimal("80")),
    (realisation_ratio, Decimal("80")),
    (rate, Decimal("-20")),
]
"""Each calculator of two values, with its result for 4 against 5 (rate: from 5 to 4)."""


def _args(calc: Any, first: Any, second: Any) -> tuple[Any, Any]:
    """The arguments of *calc* for "4 against 5": rate takes the base first."""
    return (second, first) if calc is rate else (first, second)


def test_calculators_take_quantities() -> None:
    for calc, expected in TWO_FIGURES:
        assert calc(*_args(calc, Quantity(Decimal(4), "org"), Quantity(Decimal(5), "Org"))) \
            == expected
        assert calc(*_args(calc, Quantity(Decimal(4), "org"), Decimal(5))) == expected
        assert calc(*_args(calc, Quantity(Decimal(4)), Quantity(Decimal(5), "org"))) == expected
        assert calc(*_args(calc, 4, 5)) == expected


def test_calculators_on_indicator_targets() -> None:
    indicator = Indicator(name="Tersedianya alat bantu",
                          planned={2022: Quantity(Decimal("5"), "org"),
                                   2023: Quantity(Decimal("2"), "org")})
    assert capaian(indicator.planned[2023], indicator.planned[2022]) == Decimal(40)
    assert rate(indicator.planned[2022], indicator.planned[2023]) == Decimal(-60)


def test_calculators_nil_quantity_and_units() -> None:
    for calc, _ in TWO_FIGURES:
        assert calc(*_args(calc, Quantity(NIL, "org"), Quantity(Decimal(5), "org")),
                    year=2023) == Undefined(Reason.NIL, 2023)
        assert calc(*_args(calc, Quantity(Decimal(4), "org"), Quantity(NIL)),
                    year=2023) == Undefined(Reason.NIL, 2023)
        assert calc(*_args(calc, Quantity(Decimal(4), "org"), Quantity(Decimal(5), "KPM")),
                    year=2024) == Undefined(Reason.UNITS_DIFFER, 2024)
    assert Undefined(Reason.UNITS_DIFFER).message() == \
        "undefined: the values are in different units"
    assert Undefined(Reason.UNITS_DIFFER).message("id") == \
        "tidak terdefinisi: satuan nilai-nilainya berbeda"


def test_calculators_refuse_floats() -> None:
    for calc, _ in TWO_FIGURES:
        for bad in (4.0, True, "4"):
            for args in (_args(calc, bad, Decimal(5)), _args(calc, None, bad)):
                with pytest.raises(CalculatorInputError) as info:
                    calc(*args)
                assert isinstance(info.value, RenstraError)
                assert info.value.params == {"type": type(bad).__name__}
    error = CalculatorInputError(type="float")
    assert str(error) == \
        "a calculator takes a Decimal, an int, a Quantity, NIL or None, not float"
    assert error.describe("id") == \
        "kalkulator menerima Decimal, int, Quantity, NIL, atau None, bukan float"


@given(st.integers(min_value=-10**12, max_value=10**12),
       st.integers(min_value=1, max_value=10**12))
def test_int_and_quantity_as_decimal(count: int, denominator: int) -> None:
    exact = share(Decimal(count), Decimal(denominator))
    assert share(count, denominator) == exact
    assert share(Quantity(Decimal(count), "org"), Quantity(Decimal(denominator), "ORG")) == exact


# -- check(select=...) ----------------------------------------------------------------------


def _ids(findings: list[Finding]) -> list[tuple[str, str]]:
    return [(f.rule, f.location.path) for f in findings]


def test_check_takes_one_selector_as_text() -> None:
    plan = ttu_dinsos()
    assert _ids(check(plan, select="RS331")) == _ids(check(plan, select=["RS331"]))
    assert {f.rule for f in check(plan, select="RS331")} == {"RS331"}
    assert _ids(check(plan, select="RS3", ignore="RS331")) \
        == _ids(check(plan, select=["RS3"], ignore=["RS331"]))
    assert "RS331" not in {f.rule for f in check(plan, select="RS3", ignore="RS331")}
    assert [r.id for r in select_rules("RS101")] == ["RS101"]
    assert [r.id for r in select_rules("RS10", "RS101")] \
        == [r.id for r in select_rules(["RS10"]) if r.id != "RS101"]


def test_unknown_selector_is_the_librarys_error() -> None:
    calls: list[Callable[[], object]] = [
        lambda: check(ttu_dinsos(), select="RS999"),
        lambda: check(ttu_dinsos(), select=["RS1", "RS999"]),
        lambda: check(ttu_dinsos(), ignore="RS999"),
    ]
    for call in calls:
        with pytest.raises(UnknownRuleError) as info:
            call()
        assert isinstance(info.value, RenstraError)
        assert isinstance(info.value, ValueError)
        assert info.value.params == {"pattern": "RS999"}
        assert str(info.value) == render("cli.unknown_rule", {"pattern": "RS999"}, "en")
        assert info.value.describe("id") == render("cli.unknown_rule", {"pattern": "RS999"}, "id")
    assert str(UnknownRuleError(pattern="RS999")) == \
        "'RS999' matches no rule id, prefix or family (see 'renstra rules')"


def test_cli_prints_the_same_message(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", "ttu-dinsos", "--select", "RS999", "--lang", "id"]) == EXIT_INPUT
    assert capsys.readouterr().err == UnknownRuleError(pattern="RS999").describe("id") + "\n"
    assert main(["check", "ttu-dinsos", "--ignore", "no-such-family"]) == EXIT_INPUT
    assert capsys.readouterr().err == \
        "'no-such-family' matches no rule id, prefix or family (see 'renstra rules')\n"


# -- Finding.to_dict and to_json --------------------------------------------------------------


def test_finding_to_dict_and_to_json() -> None:
    first = check(ttu_dinsos(), select="RS202")[0]
    data = first.to_dict("id")
    assert type(data) is dict
    assert (data["rule"], data["family"], data["table"], data["row"], data["values"]["shift"]) \
        == ("RS202", "stated-percentage", "7.1", "1", 1)
    assert data["message"] == first.message("id")
    text = first.to_json("id")
    assert type(text) is str
    assert text == json.dumps(data, ensure_ascii=False)
    assert json.loads(text) == data
    assert json.loads(first.to_json()) == first.to_dict()


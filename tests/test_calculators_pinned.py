"""Exact results of the calculators where a near miss would pass the guard tests: the TTU
summary as JSON, the money field a roll-up sums, the type of an empty total, and results that
do not depend on the caller's Decimal context."""

from __future__ import annotations

import decimal
from decimal import Decimal

from renstra_model import Activity, BudgetLine, Code, Level, Organisation, Period, Plan
from renstra_model.calculators.arithmetic import calculate, present
from renstra_model.calculators.growth import cagr
from renstra_model.calculators.rollups import period_total, total_by_year, totals_by_program
from renstra_model.calculators.summary import Summary, summarise
from renstra_model.examples import ttu_dinsos

D = Decimal


def _plan(planned: dict[int, Decimal], realised: dict[int, Decimal]) -> Plan:
    leaf = Activity(Code.parse("1.06.02.2.01.0001"), Level.SUB_KEGIATAN, "sub",
                    budget=BudgetLine(planned=planned, realised=realised))
    kegiatan = Activity(Code.parse("1.06.02.2.01"), Level.KEGIATAN, "k", children=(leaf,))
    program = Activity(Code.parse("1.06.02"), Level.PROGRAM, "p", children=(kegiatan,))
    return Plan(title="Renstra", organisation=Organisation("Dinas", "Kab"),
                period=Period(2021, 2022, 2023), programs=(program,))


def test_the_ttu_summary() -> None:
    summary = summarise(ttu_dinsos())
    title = "Rencana Strategi Dinas Sosial Kabupaten Timor Tengah Utara Tahun 2021-2026"
    by_year = {2022: D("4847753572"), 2023: D("4091594846.5"), 2024: D("7564020128"),
               2025: D("8064623984"), 2026: D("9233106480")}
    assert summary == Summary(title, 5, 5, 5, 68, 7, 7, 16, 48, by_year)
    assert summary.to_json() == {
        "title": title,
        "missions": 5,
        "goals": 5,
        "targets": 5,
        "indicators": 68,
        "key_indicators": 7,
        "programs": 7,
        "kegiatan": 16,
        "sub_kegiatan": 48,
        "budget_by_year": {"2022": "4847753572", "2023": "4091594846.5",
                           "2024": "7564020128", "2025": "8064623984", "2026": "9233106480"},
        "budget_total": "33801099010.5",
    }


def test_summary_json_writes_money_without_an_exponent() -> None:
    summary = summarise(_plan({2022: D("1E+3"), 2023: D("2.50")}, {}))
    assert summary.title == "Renstra"
    assert summary.to_json()["budget_by_year"] == {"2022": "1000", "2023": "2.50"}
    assert summary.to_json()["budget_total"] == "1002.50"
    stated = Summary("t", 0, 0, 0, 0, 0, 0, 0, 0, {2022: D("1E+3"), 2023: D("2E+3")})
    assert (stated.to_json()["budget_by_year"], stated.to_json()["budget_total"]) == (
        {"2022": "1000", "2023": "2000"}, "3000")
    tiny = Summary("t", 0, 0, 0, 0, 0, 0, 0, 0, {2022: D("1E-7")})
    assert tiny.to_json()["budget_total"] == "0.0000001"


def test_totals_sum_the_money_field_asked_for() -> None:
    plan = _plan({2022: D(5), 2023: D(6)}, {2022: D(4)})
    assert total_by_year(plan, "realised") == {2022: D(4)}
    assert totals_by_program(plan, "realised") == {Code.parse("1.06.02"): {2022: D(4)}}
    assert total_by_year(plan) == {2022: D(5), 2023: D(6)}


def test_an_empty_period_total_is_a_decimal_zero() -> None:
    total = period_total({})
    assert type(total) is Decimal
    assert (total, str(total)) == (D(0), "0")


def test_the_callers_decimal_context_does_not_change_a_result() -> None:
    with decimal.localcontext() as caller:
        caller.prec = 5
        caller.rounding = decimal.ROUND_DOWN
        caller.traps[decimal.DivisionByZero] = False
        third = calculate(lambda: D(1) / D(3))
        rate = cagr({2022: D(100), 2024: D(121)})
        total = period_total({2022: D("123456789.5"), 2023: D("0.25")})
    assert third == D("0.3333333333333333333333333333")
    assert isinstance(rate, Decimal)
    assert present(rate, 20) == D("10.00000000000000000000")
    assert total == D("123456789.75")

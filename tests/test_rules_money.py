"""The money rules (RS301–RS341), the digit-error rule (RS351) and the plan index they share,
on fixtures of the shapes real plans have: each test names the exact findings."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

import attrs
import pytest

from renstra_model import (
    NIL,
    Activity,
    Adoption,
    BudgetLine,
    BudgetRow,
    Code,
    Indicator,
    Level,
    Organisation,
    Period,
    Plan,
    Quantity,
    Source,
)
from renstra_model.calculators.arithmetic import present
from renstra_model.calculators.growth import mean_growth, period_growth
from renstra_model.checks import check
from renstra_model.checks.findings import Finding, Location, Severity
from renstra_model.checks.rulekit import NotInPlanError, PlanIndex, computed
from renstra_model.errors import RenstraError
from renstra_model.examples import ttu_dinsos
from renstra_model.messages import LANGS
from renstra_model.model.indicators import Aggregation, Polarity
from renstra_model.model.performance import KeyIndicator, PerformanceRow
from renstra_model.model.values import MoneyCell
from renstra_model.synthetic import generate_plan
from renstra_model.tables import Growth, build

D = Decimal
YEARS = (2022, 2023, 2024, 2025, 2026)
ADOPTED = Adoption(dt.date(2021, 9, 9))


def _plan(programs: tuple[Activity, ...] = (), **extra: Any) -> Plan:
    return Plan(
        title="Fixture",
        organisation=Organisation("Dinas Sosial", "Kabupaten Contoh",
                                  bidang_urusan=[Code.parse("1.06")]),
        period=Period(2021, 2022, 2026),
        programs=programs,
        **extra,
    )


def _money(*values: str | None) -> dict[int, MoneyCell]:
    """Money per plan year from printed values ("-" a nil, None an empty cell)."""
    return {y: NIL if v == "-" else D(v) for y, v in zip(YEARS, values, strict=False)
            if v is not None}


def _target(*values: str, unit: str = "org", **extra: Any) -> Indicator:
    planned = {y: Quantity(NIL if v == "-" else D(v), unit) for y, v in zip(YEARS, values,
                                                                           strict=True)}
    return Indicator("output", unit=unit, aggregation=Aggregation.SUM, planned=planned, **extra)


def _sub(code: str, planned: dict[int, MoneyCell], *indicators: Indicator,
         **budget: Any) -> Activity:
    return Activity(Code.parse(code), Level.SUB_KEGIATAN, f"sub {code}",
                    indicators=indicators or (_target("5", "5", "5", "5", "5"),),
                    budget=BudgetLine(planned=planned, **budget), location="Kefamenanu")


def _parent(code: str, level: Level, children: tuple[Activity, ...],
            planned: dict[int, MoneyCell] | None = None) -> Activity:
    return Activity(Code.parse(code), level, f"parent {code}", children=children,
                    budget=None if planned is None else BudgetLine(planned=planned))


def _found(findings: list[Finding]) -> list[tuple[str, str | None, str | None, int | None]]:
    return [(f.rule, f.location.table, str(f.location.code) if f.location.code else
             f.location.row, f.location.year) for f in findings]


# -- RS301: a fraction is reported where it arises ---------------------------------------------


def _half_tree(kegiatan_2023: str, program_2023: str) -> tuple[Activity, ...]:
    subs = (_sub("1.06.02.2.01.0001", _money("100", "67668207.5")),
            _sub("1.06.02.2.01.0002", _money("100", "102500000")))
    kegiatan = _parent("1.06.02.2.01", Level.KEGIATAN, subs, _money("200", kegiatan_2023))
    return (_parent("1.06.02", Level.PROGRAM, (kegiatan,), _money("200", program_2023)),)


def test_rs301_reports_a_half_rupiah_once_where_it_arises() -> None:
    total = BudgetLine(planned=_money("200", "170168207.50"))
    plan = _plan(_half_tree("170168207.5", "170168207.5"), total_budget=total)
    findings = check(plan, select=["RS301"])
    assert _found(findings) == [("RS301", "T-C.27", "1.06.02.2.01.0001", 2023)]
    assert findings[0].location.path == "programs[0].children[0].children[0].budget.planned[2023]"
    assert findings[0].params == {"value": "67668207.5"}


def test_rs301_reports_a_total_with_a_fraction_its_parts_do_not_have() -> None:
    # the kegiatan states .75 where its parts add up to .5; the program .5 where its kegiatan
    # states .75; the TOTAL .5 where the program states .5: only the TOTAL carries a fraction
    total = BudgetLine(planned=_money("200.5", "170168207.5"))
    plan = _plan(_half_tree("170168207.75", "170168207.5"), total_budget=total)
    assert _found(check(plan, select=["RS301"])) == [
        ("RS301", "T-C.27", "1.06.02", 2023),
        ("RS301", "T-C.27", "1.06.02.2.01", 2023),
        ("RS301", "T-C.27", "1.06.02.2.01.0001", 2023),
        ("RS301", "T-C.27", "TOTAL", 2022),
    ]


def test_rs301_on_tc24_rows_and_the_realisation() -> None:
    def row(label: str, level: Level, code: str, planned: str, realised: str) -> BudgetRow:
        return BudgetRow(label, level, BudgetLine(planned={2023: D(planned)},
                                                  realised={2023: D(realised)}),
                         code=Code.parse(code))

    rows = (
        row("BIDANG", Level.BIDANG_URUSAN, "1.06", "170168207.5", "170168208.5"),
        row("PROGRAM", Level.PROGRAM, "1.06.02", "170168207.5", "170168208.5"),
        row("KEGIATAN", Level.KEGIATAN, "1.06.02.2.01", "170168207.5", "170168208.5"),
        row("sub a", Level.SUB_KEGIATAN, "1.06.02.2.01.0001", "67668207.5", "67668208"),
        row("sub b", Level.SUB_KEGIATAN, "1.06.02.2.01.0002", "102500000", "102500000"),
    )
    # the realisation's half rupiah is the kegiatan row's own: its sub rows are whole
    assert _found(check(_plan(budget_table=rows), select=["RS301"])) == [
        ("RS301", "T-C.24", "1.06.02.2.01", 2023),
        ("RS301", "T-C.24", "1.06.02.2.01.0001", 2023),
    ]


def test_rs301_an_end_of_period_total_carries_the_fraction_of_its_years() -> None:
    carried = _sub("1.06.02.2.01.0001", _money("100", "0.5"), planned_total=D("100.5"))
    own = _sub("1.06.02.2.01.0002", _money("100", "1"), planned_total=D("101.5"))
    kegiatan = _parent("1.06.02.2.01", Level.KEGIATAN, (carried, own))
    findings = check(_plan((_parent("1.06.02", Level.PROGRAM, (kegiatan,)),)), select=["RS301"])
    assert [(str(f.location.code), f.location.path.rsplit(".", 1)[-1]) for f in findings] == [
        ("1.06.02.2.01.0001", "planned[2023]"),
        ("1.06.02.2.01.0002", "planned_total"),
    ]


def test_rs301_locates_the_total_row_and_tc24_rows_by_label_and_path() -> None:
    total = BudgetLine(planned=_money("200.5", "170168207.5"))
    plan = _plan(_half_tree("170168207.5", "170168207.5"), total_budget=total)
    (_, finding) = check(plan, select=["RS301"])
    assert finding.location == Location("T-C.27", None, 2022, "total_budget.planned[2022]",
                                        "TOTAL")
    row = BudgetRow("PROGRAM", Level.PROGRAM,
                    BudgetLine(planned={2023: D(100)}, realised={2023: D("99.5")},
                               planned_total=D("100.5")),
                    code=Code.parse("1.06.02"))
    found = check(_plan(budget_table=(row,)), select=["RS301"])
    assert [(f.location, dict(f.params)) for f in found] == [
        (Location("T-C.24", Code.parse("1.06.02"), 2023, "budget_table[0].budget.realised[2023]",
                  "PROGRAM"), {"value": "99.5"}),
        (Location("T-C.24", Code.parse("1.06.02"), None, "budget_table[0].budget.planned_total",
                  "PROGRAM"), {"value": "100.5"}),
    ]
    assert found[1].message() == "100.5 is not a whole rupiah amount"
    assert found[1].message("id") == "100.5 bukan jumlah rupiah utuh"


def test_rs301_checks_the_tree_beside_a_tc24_table_except_rows_read_from_it() -> None:
    from_tc24 = attrs.evolve(_sub("1.06.02.2.01.0001", _money("100.5")),
                             source=Source("T-C.24", "sub a"))
    own = _sub("1.06.02.2.01.0002", _money("200.5"))
    tree = (_parent("1.06.02", Level.PROGRAM, (_parent("1.06.02.2.01", Level.KEGIATAN,
                                                       (from_tc24, own)),)),)
    row = BudgetRow("sub a", Level.SUB_KEGIATAN, BudgetLine(planned={2022: D("100.5")}),
                    code=Code.parse("1.06.02.2.01.0001"))
    assert _found(check(_plan(tree, budget_table=(row,)), select=["RS301"])) == [
        ("RS301", "T-C.27", "1.06.02.2.01.0002", 2022),
        ("RS301", "T-C.24", "1.06.02.2.01.0001", 2022),
    ]


def test_rs301_a_realised_fraction_carried_from_below_is_reported_where_it_arises() -> None:
    sub = _sub("1.06.02.2.01.0001", {2023: D(100)}, realised={2023: D("100.5")})
    kegiatan = Activity(Code.parse("1.06.02.2.01"), Level.KEGIATAN, "k", children=(sub,),
                        budget=BudgetLine(planned={2023: D(100)}, realised={2023: D("100.5")}))
    tree = (_parent("1.06.02", Level.PROGRAM, (kegiatan,)),)
    assert _found(check(_plan(tree), select=["RS301"])) == [
        ("RS301", "T-C.27", "1.06.02.2.01.0001", 2023)]
    # the lowest T-C.24 row (no row under it) carries the fraction of its kegiatan's tree
    row = BudgetRow("KEGIATAN", Level.KEGIATAN,
                    BudgetLine(planned={2023: D(100)}, realised={2023: D("100.5")}),
                    code=Code.parse("1.06.02.2.01"))
    bare = attrs.evolve(kegiatan, budget=None)
    plan = _plan((_parent("1.06.02", Level.PROGRAM, (bare,)),), budget_table=(row,))
    assert _found(check(plan, select=["RS301"])) == [
        ("RS301", "T-C.27", "1.06.02.2.01.0001", 2023)]
    # without a stated parent of its code in the tree, the row's fraction is its own
    other = attrs.evolve(row, code=Code.parse("1.06.02.2.02"))
    assert _found(check(attrs.evolve(plan, budget_table=(other,)), select=["RS301"])) == [
        ("RS301", "T-C.27", "1.06.02.2.01.0001", 2023),
        ("RS301", "T-C.24", "1.06.02.2.02", 2023),
    ]
    # and of the money field it states: a planned fraction from the planned roll-up
    planned_half = attrs.evolve(row, budget=BudgetLine(planned={2023: D("100.5")},
                                                       realised={2023: D(100)}))
    sub_half = _sub("1.06.02.2.01.0001", {2023: D("100.5")}, realised={2023: D(100)})
    tree = (_parent("1.06.02", Level.PROGRAM, (attrs.evolve(bare, children=(sub_half,)),)),)
    assert _found(check(_plan(tree, budget_table=(planned_half,)), select=["RS301"])) == [
        ("RS301", "T-C.27", "1.06.02.2.01.0001", 2023)]
    uncoded = attrs.evolve(row, code=None)
    assert _found(check(attrs.evolve(plan, budget_table=(uncoded,)), select=["RS301"])) == [
        ("RS301", "T-C.27", "1.06.02.2.01.0001", 2023),
        ("RS301", "T-C.24", "KEGIATAN", 2023),
    ]


# -- RS311: a target without money -------------------------------------------------------------


def test_rs311_names_the_first_positive_target_and_the_money() -> None:
    served = _target("-", "5", "5", "5", "5")
    counted = _target("3", "7", "5", "5", "5")
    sub = _sub("1.06.02.2.01.0001", _money("0", "100", "100", "100", "100"), served, counted)
    kegiatan = _parent("1.06.02.2.01", Level.KEGIATAN, (sub,))
    (finding,) = check(_plan((_parent("1.06.02", Level.PROGRAM, (kegiatan,)),)),
                       select=["RS311"])
    assert (finding.location.path, dict(finding.params)) == (
        "programs[0].children[0].children[0]", {"year": 2022, "target": "3 org", "money": "0"})
    assert finding.message() == "target 3 org in 2022 has no funding (Rp 0)"
    assert finding.message("id") == "target 3 org pada 2022 tanpa pendanaan (Rp 0)"


def test_rs311_a_sub_kegiatan_without_any_budget_line_is_unfunded_every_target_year() -> None:
    sub = attrs.evolve(_sub("1.06.02.2.01.0001", {}, _target("-", "5", "-", "-", "2")),
                       budget=None)
    kegiatan = _parent("1.06.02.2.01", Level.KEGIATAN, (sub,))
    findings = check(_plan((_parent("1.06.02", Level.PROGRAM, (kegiatan,)),)), select=["RS311"])
    assert [(f.location.year, dict(f.params)) for f in findings] == [
        (2023, {"year": 2023, "target": "5 org", "money": None}),
        (2026, {"year": 2026, "target": "2 org", "money": None}),
    ]


# -- RS312: money without a target --------------------------------------------------------------


def test_rs312_lists_every_indicator_target_of_the_year() -> None:
    bare = Activity(Code.parse("1.06.02.2.01.0001"), Level.SUB_KEGIATAN, "no indicator",
                    budget=BudgetLine(planned=_money("100")), location="Kefamenanu")
    none = Indicator("empty", unit="org", planned={2023: Quantity(D(5), "org")})
    nil = _target("-", "5", "5", "5", "5")
    sub = _sub("1.06.02.2.01.0002", _money("100"), none, nil)
    kegiatan = _parent("1.06.02.2.01", Level.KEGIATAN, (bare, sub))
    (finding,) = check(_plan((_parent("1.06.02", Level.PROGRAM, (kegiatan,)),)),
                       select=["RS312"])
    assert finding.location == Location("T-C.27", Code.parse("1.06.02.2.01.0002"), 2022,
                                        "programs[0].children[0].children[1]")
    assert dict(finding.params) == {"year": 2022, "money": "100", "targets": [None, "- org"]}
    assert finding.message("id") == "Rp 100 pada 2022 tanpa target (targetnya (kosong), - org)"
    assert finding.message("en") == (
        "Rp 100 in 2022 buys no target (the targets are (empty), - org)")


# -- RS312: a target of zero where lower is better is a target ---------------------------------


def test_rs312_a_zero_target_of_a_lower_is_better_indicator_is_a_target() -> None:
    cases = _target("3", "0", "0", "-", "2", unit="kasus", polarity=Polarity.LOWER_IS_BETTER)
    served = _target("3", "0", "5", "5", "5", unit="org")
    money = _money("10000000", "10000000", "10000000", "10000000", "10000000")
    lower = _sub("1.06.02.2.01.0001", money, cases)
    higher = _sub("1.06.02.2.01.0002", money, served)
    kegiatan = _parent("1.06.02.2.01", Level.KEGIATAN, (lower, higher))
    findings = check(_plan((_parent("1.06.02", Level.PROGRAM, (kegiatan,)),)), select=["RS312"])
    # zero cases in 2023 and 2024 are targets; "-" in 2025 is no target; zero people served is
    assert _found(findings) == [
        ("RS312", "T-C.27", "1.06.02.2.01.0001", 2025),
        ("RS312", "T-C.27", "1.06.02.2.01.0002", 2023),
    ]
    assert findings[0].params == {"year": 2025, "money": "10000000", "targets": ["- kasus"]}


# -- RS321: a missing ratio beside a realisation RS341 reports is no second defect ---------------


def _ratio_plan(adoption: Adoption | None) -> Plan:
    budget = BudgetLine(planned=_money("100", "100", "100", "100", "100"),
                        realised=_money("100", "90", "100", "100", "100"))
    row = BudgetRow("PROGRAM", Level.PROGRAM, budget, code=Code.parse("1.06.02"),
                    stated_ratio=dict.fromkeys(YEARS, NIL))
    indicator = Indicator("served", unit="org", aggregation=Aggregation.SUM,
                          planned={y: Quantity(D(10), "org") for y in YEARS},
                          realised={y: Quantity(D(10), "org") for y in YEARS})
    performance = PerformanceRow(1, indicator, stated_ratio={2022: D(100)})
    return _plan(budget_table=(row,), service_performance=(performance,), adoption=adoption)


@pytest.mark.parametrize(
    ("adopted", "budget_years", "performance_years"),
    [
        (None, [2022, 2023, 2024, 2025, 2026], [2023, 2024, 2025, 2026]),
        (dt.date(2021, 9, 9), None, None),  # every year had yet to end: RS341's
        (dt.date(2024, 3, 1), [2022, 2023], [2023]),
        (dt.date(2027, 1, 2), [2022, 2023, 2024, 2025, 2026], [2023, 2024, 2025, 2026]),
    ],
)
def test_rs321_leaves_out_the_years_not_ended_at_adoption(
    adopted: dt.date | None, budget_years: list[int] | None,
    performance_years: list[int] | None,
) -> None:
    plan = _ratio_plan(Adoption(adopted) if adopted else None)
    found = {f.location.table: f.params["years"] for f in check(plan, select=["RS321"])}
    expected = {"T-C.24": budget_years, "T-C.23": performance_years}
    assert found == {table: years for table, years in expected.items() if years}
    future = {f.location.table for f in check(plan, select=["RS341"])}
    assert future == (set() if adopted is None or adopted.year > 2026 else {"T-C.23", "T-C.24"})


def test_rs321_without_an_adoption_date() -> None:
    plan = _ratio_plan(Adoption(None, place="Kefamenanu"))
    assert [f.params["count"] for f in check(plan, select=["RS321"])] == [1, 1]


# -- RS322: a stated ratio its figures do not give ---------------------------------------------


def test_rs322_on_tc24_and_tc23() -> None:
    budget = BudgetLine(planned={2022: D(200), 2023: D(200), 2024: D(0)},
                        realised={2022: D(200), 2023: D(150), 2024: D(10)})
    row = BudgetRow("PROGRAM", Level.PROGRAM, budget, code=Code.parse("1.06.02"),
                    stated_ratio={2022: D(100), 2023: D("80.00"), 2024: D(100), 2025: NIL})
    indicator = Indicator("served", unit="org", aggregation=Aggregation.SUM,
                          planned={2022: Quantity(D(40), "org"), 2023: Quantity(D(40), "org")},
                          realised={2022: Quantity(D(20), "org"), 2023: Quantity(D(40), "org")})
    performance = PerformanceRow(1, indicator, stated_ratio={2022: D(100), 2023: D(100),
                                                             2024: D(100)})
    findings = check(_plan(budget_table=(row,), service_performance=(performance,)),
                     select=["RS322"])
    assert [(f.location.table, str(f.location.code or f.location.row), f.location.year,
             dict(f.params)) for f in findings] == [
        ("T-C.24", "1.06.02", 2023, {"year": 2023, "stated": "80.00", "numerator": "150",
                                     "denominator": "200", "computed": "75.00"}),
        ("T-C.24", "1.06.02", 2024, {"year": 2024, "stated": "100", "numerator": "10",
                                     "denominator": "0", "computed": None}),
        ("T-C.23", "1", 2022, {"year": 2022, "stated": "100", "numerator": "20",
                               "denominator": "40", "computed": "50"}),
        ("T-C.23", "1", 2024, {"year": 2024, "stated": "100", "numerator": None,
                               "denominator": None, "computed": None}),
    ]
    assert [(f.message(), f.message("id")) for f in findings[3:]] == [(
        "the ratio stated for 2024 is 100 %, but (empty) / (empty) is undefined %",
        "rasio tahun 2024 tertulis 100 %, padahal (kosong) / (kosong) = tak terdefinisi %")]
    assert all(f.severity is Severity.ERROR for f in findings)
    assert findings[0].location.path == "budget_table[0].stated_ratio[2023]"


# -- RS331 and RS332: the growth columns -------------------------------------------------------


def _growth_row(label: str, planned: dict[int, MoneyCell], stated_planned: str | None,
                stated_realised: str | None, code: str = "1.06.02") -> BudgetRow:
    return BudgetRow(
        label, Level.PROGRAM, BudgetLine(planned=planned, realised=planned),
        code=Code.parse(code),
        stated_growth_planned=None if stated_planned is None else D(stated_planned),
        stated_growth_realised=None if stated_realised is None else D(stated_realised),
    )


_RISING = _money("100", "110", "121", "242", "266.2")  # steps 10, 10, 100, 10: mean 32.5


def test_rs331_one_mislabel_of_both_columns_is_one_finding() -> None:
    rows = (_growth_row("A", _RISING, "10.00", "10.00", "1.06.02"),
            _growth_row("B", _RISING, "10.00", "10.00", "1.06.03"),
            _growth_row("C", _RISING, "32.50", "10.00", "1.06.04"))
    (finding,) = check(_plan(budget_table=rows), select=["RS331"])
    assert (finding.location.row, finding.location.path) == (
        "Rata-rata Pertumbuhan", "budget_table[*].stated_growth_*")
    params = dict(finding.params)
    assert params == {
        "columns": "both",
        "labels": ["Rata-rata Pertumbuhan: Rencana Anggaran", "Rata-rata Pertumbuhan: Realisasi"],
        "sizes": [2, 3],
        "column": "Rata-rata Pertumbuhan: Rencana Anggaran, Rata-rata Pertumbuhan: Realisasi",
        "count": 3, "counts": {"planned": 2, "realised": 3},
        "row": "A", "stated": "10.00", "mean": "32.50", "cagr": "27.73",
        "rows": ["A", "B", "C"],
        "rows_by_column": {"planned": ["A", "B"], "realised": ["A", "B", "C"]},
    }
    assert finding.message("id").startswith(
        "pertumbuhan tahun terakhir, bukan rata-rata pertumbuhan tahunan, tertulis di kolom "
        "'Rata-rata Pertumbuhan: Rencana Anggaran' (2 baris) dan 'Rata-rata Pertumbuhan: "
        "Realisasi' (3 baris) (pertama: A: ")
    assert finding.message("en").startswith(
        "the growth of the last year, not the mean of the yearly growth, stands in the columns "
        "'Rata-rata Pertumbuhan: Rencana Anggaran' (2 rows) and 'Rata-rata Pertumbuhan: "
        "Realisasi' (3 rows) (first: A: ")


def test_rs331_one_column_alone_is_still_reported() -> None:
    rows = (_growth_row("A", _RISING, "10.00", "32.50", "1.06.02"),
            _growth_row("B", _RISING, "10.00", None, "1.06.03"))
    (finding,) = check(_plan(budget_table=rows), select=["RS331"])
    assert finding.location.row == "Rata-rata Pertumbuhan: Rencana Anggaran"
    assert finding.location.path == "budget_table[*].stated_growth_planned"
    assert (finding.params["count"], finding.params["counts"]) == (2, {"planned": 2})
    assert finding.message() == (
        "the growth of the last year, not the mean of the yearly growth, stands in the column "
        "'Rata-rata Pertumbuhan: Rencana Anggaran' on 2 rows (first: A: stated 10.00, mean "
        "32.50, CAGR 27.73)")
    # a single row is no column's habit
    assert check(_plan(budget_table=rows[:1]), select=["RS331"]) == []


def test_growth_covers_the_plan_years_only() -> None:
    """T-C.24 prints the five plan years and no baseline column: its growth covers them.
    A row whose money also has the baseline year gets the same figures in the table and in
    the rule, and neither counts the baseline year."""
    money = {2021: D(29), **_money("100", "110", "121", "133.1", "146.41")}
    row = _growth_row("A", money, "12.34", None)
    plan = _plan(budget_table=(row,))
    (finding,) = check(plan, select=["RS332"])
    cell = build(plan, "TC-24").cell(0, "growth_planned")
    assert isinstance(cell, Growth)
    assert dict(finding.params) == {
        "stated": "12.34", "mean": computed(cell.mean), "cagr": computed(cell.cagr),
        "last": computed(cell.last_step),
    }
    assert (finding.params["mean"], finding.params["cagr"], finding.params["last"]) == (
        "10.00", "10.00", "10.00")
    assert present(mean_growth(money)) == D("56.97")  # with the baseline's 244.83 % step


def test_the_table_and_the_rules_compute_one_growth_on_ttu_and_a_generated_plan() -> None:
    ttu = ttu_dinsos()
    (label,) = check(ttu, select=["RS331"])
    cell = build(ttu, "TC-24").cell(0, "growth_planned")
    assert isinstance(cell, Growth)
    assert (label.params["mean"], label.params["cagr"]) == (computed(cell.mean),
                                                            computed(cell.cagr))
    assert (label.params["mean"], label.params["cagr"]) == ("22.59", "17.48")
    generated = generate_plan(3, seed=1)
    baseline = generated.period.baseline_year
    rows = tuple(
        attrs.evolve(row, stated_growth_planned=D("987.65"),
                     budget=attrs.evolve(row.budget,
                                         planned={baseline: D(1), **row.budget.planned}))
        for row in generated.budget_table
    )
    plan = attrs.evolve(generated, budget_table=rows)
    table = build(plan, "TC-24")
    findings = check(plan, select=["RS332"])
    assert len(findings) == len(rows) > 3
    for k, finding in enumerate(findings):
        cell = table.cell(k, "growth_planned")
        assert isinstance(cell, Growth)
        assert finding.location.path == f"budget_table[{k}].stated_growth_planned"
        assert (finding.params["mean"], finding.params["cagr"], finding.params["last"]) == (
            computed(cell.mean), computed(cell.cagr), computed(cell.last_step))
        figures = period_growth(rows[k].budget.planned, plan.period.years)
        assert (cell.mean, cell.last_step) == (figures.mean, figures.last_step)


def test_rs321_counts_a_year_only_with_a_positive_budget_a_realisation_and_no_ratio() -> None:
    budget = BudgetLine(planned=_money("100", "100", "0", "100", "100"),
                        realised=_money("90", None, "10", "100", "100"))
    first = BudgetRow("PROGRAM", Level.PROGRAM, budget, code=Code.parse("1.06.02"),
                      stated_ratio={2022: NIL, 2023: NIL, 2024: NIL, 2025: D(100)})
    second = BudgetRow("KEGIATAN", Level.KEGIATAN, budget, code=Code.parse("1.06.02.2.01"),
                       stated_ratio={2022: D(90), 2026: NIL})
    stated = BudgetRow("SUB", Level.SUB_KEGIATAN, budget, code=Code.parse("1.06.02.2.01.0001"),
                       stated_ratio=dict.fromkeys(YEARS, D(90)))  # every ratio stated
    indicator = Indicator("served", unit="org", planned={y: Quantity(D(10), "org") for y in YEARS},
                          realised={2024: Quantity(D(10), "org")})
    performance = PerformanceRow(7, indicator)
    plan = _plan(budget_table=(first, second, stated), service_performance=(performance,))
    # 2023 has no realisation, 2024 no budget, 2025 a ratio in the first row (none in the
    # second), 2026 none in either: the years are 2022, 2025 and 2026
    findings = check(plan, select=["RS321"])
    assert [(f.location, dict(f.params)) for f in findings] == [
        (Location("T-C.24", None, None, "budget_table[*].stated_ratio", None),
         {"table": "T-C.24", "count": 2, "years": [2022, 2025, 2026], "row": "PROGRAM",
          "rows": ["PROGRAM", "KEGIATAN"]}),
        (Location("T-C.23", None, None, "service_performance[*].stated_ratio", None),
         {"table": "T-C.23", "count": 1, "years": [2024], "row": "7", "rows": ["7"]}),
    ]
    assert findings[0].message() == (
        "T-C.24 states no ratio on 2 rows (2022, 2025, 2026), though both sides are stated "
        "(first: PROGRAM)")
    assert findings[1].message("id") == (
        "T-C.23 tidak menyatakan rasio pada 1 baris (2024), padahal kedua sisinya ada "
        "(pertama: 7)")


def test_rs322_locates_rows_and_reads_every_stated_year() -> None:
    row = BudgetRow("PROGRAM", Level.PROGRAM,
                    BudgetLine(planned={2022: D(200)}, realised={2022: D(150)}),
                    code=Code.parse("1.06.02"), stated_ratio={2022: D(80)})
    indicator = Indicator("served", unit="org",
                          planned={2022: Quantity(D(40), "org"), 2023: Quantity(D(40), "org")},
                          realised={2022: Quantity(D(20), "org"), 2023: Quantity(D(20), "org")})
    performance = PerformanceRow(1, indicator, stated_ratio={2022: NIL, 2023: D(100)})
    findings = check(_plan(budget_table=(row,), service_performance=(performance,)),
                     select=["RS322"])
    assert [f.location for f in findings] == [
        Location("T-C.24", Code.parse("1.06.02"), 2022, "budget_table[0].stated_ratio[2022]",
                 "PROGRAM"),
        Location("T-C.23", None, 2023, "service_performance[0].stated_ratio[2023]", "1"),
    ]
    assert findings[0].message() == (
        "the ratio stated for 2022 is 80 %, but 150 / 200 is 75 %")
    assert findings[1].message("id") == (
        "rasio tahun 2023 tertulis 100 %, padahal 20 / 40 = 50 %")


def test_rs331_reads_past_rows_without_a_figure_or_with_the_mean() -> None:
    rows = (_growth_row("none", _RISING, None, None, "1.06.01"),
            _growth_row("mean", _RISING, "32.50", None, "1.06.02"),
            _growth_row("A", _RISING, "10.00", None, "1.06.03"),
            _growth_row("B", _RISING, "10.00", None, "1.06.04"),
            _growth_row("C", _RISING, "12.00", None, "1.06.05"))
    (finding,) = check(_plan(budget_table=rows), select=["RS331"])
    assert finding.location == Location("T-C.24", None, None,
                                        "budget_table[*].stated_growth_planned",
                                        "Rata-rata Pertumbuhan: Rencana Anggaran")
    assert (finding.params["rows"], finding.params["row"]) == (["A", "B"], "A")


def _nil_growth_row(label: str, planned: dict[int, MoneyCell], code: str) -> BudgetRow:
    return BudgetRow(label, Level.PROGRAM, BudgetLine(planned=planned), code=Code.parse(code),
                     stated_growth_planned=NIL)


def test_rs332_reads_every_row_and_a_nil_is_a_zero_or_undefined_growth() -> None:
    flat = _money("100", "100", "100", "100", "100")
    rows = (_growth_row("none", _RISING, None, None, "1.06.01"),
            _growth_row("mean", _RISING, "32.50", None, "1.06.02"),
            _growth_row("cagr", _RISING, "27.73", None, "1.06.03"),
            _nil_growth_row("flat", flat, "1.06.04"),
            _nil_growth_row("rising", _RISING, "1.06.05"),
            _growth_row("wrong", _RISING, "12.00", None, "1.06.06"))
    findings = check(_plan(budget_table=rows), select=["RS332"])
    assert [(f.location, dict(f.params)) for f in findings] == [
        (Location("T-C.24", Code.parse("1.06.05"), None, "budget_table[4].stated_growth_planned",
                  "rising"), {"stated": "-", "mean": "32.50", "cagr": "27.73", "last": "10.00"}),
        (Location("T-C.24", Code.parse("1.06.06"), None, "budget_table[5].stated_growth_planned",
                  "wrong"), {"stated": "12.00", "mean": "32.50", "cagr": "27.73", "last": "10.00"}),
    ]
    assert findings[1].message() == (
        "stated growth 12.00 is neither the mean of the yearly growth (32.50), the CAGR "
        "(27.73) nor the last year's growth (10.00)")
    assert findings[1].message("id") == (
        "pertumbuhan tertulis 12.00 bukan rata-rata pertumbuhan tahunan (32.50), bukan CAGR "
        "(27.73), dan bukan pertumbuhan tahun terakhir (10.00)")


# -- RS341: realisations of years not yet ended --------------------------------------------------


def test_rs341_one_finding_per_table_from_the_adoption_year_on() -> None:
    def realised(*years: int) -> dict[int, Quantity]:
        return {y: Quantity(D(5), "org") for y in years}

    key = Indicator("key", unit="org", planned=realised(*YEARS), realised=realised(2022, 2023))
    served = Indicator("served", unit="org", planned=realised(*YEARS), realised=realised(2024))
    own = Indicator("own", unit="org", planned=realised(*YEARS), realised=realised(2023, 2024))
    sub = _sub("1.06.02.2.01.0001", _money("100", "100"), own,
               realised={2022: D(100), 2023: D(100)})
    from_tc24 = attrs.evolve(_sub("1.06.02.2.01.0002", _money("100", "100"),
                                  realised={2023: D(100)}), source=Source("T-C.24", "sub b"))
    kegiatan = _parent("1.06.02.2.01", Level.KEGIATAN, (sub, from_tc24))
    row = BudgetRow("PROGRAM", Level.PROGRAM,
                    BudgetLine(planned=_money("100", "100"), realised=_money("100", "100")),
                    code=Code.parse("1.06.02"))
    plan = _plan((_parent("1.06.02", Level.PROGRAM, (kegiatan,)),),
                 key_indicators=(_key(1, key),),
                 service_performance=(PerformanceRow(3, served),), budget_table=(row,),
                 adoption=Adoption(dt.date(2023, 3, 1)))
    findings = check(plan, select=["RS341"])
    adopted = "2023-03-01"
    assert [(f.location, dict(f.params)) for f in findings] == [
        (Location("7.1", None, 2023, "", None),
         {"table": "7.1", "years": [2023], "count": 1, "adopted": adopted, "rows": ["1"]}),
        (Location("T-C.23", None, 2024, "", None),
         {"table": "T-C.23", "years": [2024], "count": 1, "adopted": adopted, "rows": ["3"]}),
        (Location("T-C.27", None, None, "", None),
         {"table": "T-C.27", "years": [2023, 2024], "count": 2, "adopted": adopted,
          "rows": ["1.06.02.2.01.0001", "1.06.02.2.01.0001"]}),
        (Location("T-C.24", None, 2023, "", None),
         {"table": "T-C.24", "years": [2023], "count": 2, "adopted": adopted,
          "rows": ["1.06.02.2.01.0002", "PROGRAM"]}),
    ]
    assert findings[2].message() == (
        "T-C.27 states realisations for 2023, 2024 on 2 rows, in a plan adopted on 2023-03-01")
    assert findings[3].message("id") == (
        "T-C.24 memuat realisasi tahun 2023 pada 2 baris, dalam rencana yang ditetapkan "
        "2023-03-01")


# -- RS351: a digit typed twice or left out ----------------------------------------------------


def _digit_plan(sub_money: dict[int, MoneyCell], *indicators: Indicator,
                kegiatan_money: dict[int, MoneyCell] | None = None) -> Plan:
    """A sub kegiatan of *sub_money* beside one of Rp 1,000,000 a year, under a kegiatan and
    a program that state *kegiatan_money* (default: the sum of the two)."""
    typo = _sub("1.06.02.2.01.0001", sub_money, *indicators)
    steady = _sub("1.06.02.2.01.0002", {y: D(1000000) for y in YEARS})
    if kegiatan_money is None:
        kegiatan_money = {y: (v if isinstance(v, Decimal) else D(0)) + D(1000000)
                          for y, v in sub_money.items()}
    kegiatan = _parent("1.06.02.2.01", Level.KEGIATAN, (typo, steady), kegiatan_money)
    program = _parent("1.06.02", Level.PROGRAM, (kegiatan,), dict(kegiatan_money))
    return _plan((program,))


def test_rs351_a_pagu_ten_times_its_neighbours_is_reported_where_it_is_stated() -> None:
    plan = _digit_plan(_money("65950088", "659500880", "60000000", "70000000", "72000000"))
    findings = check(plan, select=["RS351"])
    assert _found(findings) == [("RS351", "T-C.27", "1.06.02.2.01.0001", 2023)]
    (finding,) = findings
    assert finding.severity is Severity.WARNING
    assert finding.family == "magnitude"
    assert finding.location.path == "programs[0].children[0].children[0].budget.planned[2023]"
    assert dict(finding.params) == {
        "what": "pagu", "year": 2023, "value": "659500880", "year_before": 2022,
        "before": "65950088", "year_after": 2024, "after": "60000000", "factor": "10.0",
        "direction": "above",
    }
    assert finding.message() == (
        "the pagu of 2023, 659500880, is 10.0× above both neighbouring years (2022: 65950088, "
        "2024: 60000000): likely a digit typed twice or left out")
    assert finding.message("id") == (
        "pagu tahun 2023, 659500880, 10.0× di atas kedua tahun di sebelahnya (2022: 65950088, "
        "2024: 60000000): kemungkinan salah ketik digit")


def test_rs351_a_subtotal_off_its_own_children_is_reported_at_the_subtotal() -> None:
    amounts = ("60000000", "61000000", "62000000", "63000000", "64000000")
    sub = _money(*amounts)
    kegiatan: dict[int, MoneyCell] = {y: D(v) + D(1000000) for y, v in zip(YEARS, amounts,
                                                                           strict=True)}
    kegiatan[2024] = D(650000000)  # the sum is 64,000,000
    assert _found(check(_digit_plan(sub, kegiatan_money=kegiatan), select=["RS351"])) == [
        ("RS351", "T-C.27", "1.06.02.2.01", 2024),  # the program adds it up: not again
    ]


@pytest.mark.parametrize(
    ("values", "expected"),
    [
        (("50000000", "5000000", "50000000", "60000000", "70000000"),
         [(2023, "below", "10.0")]),
        (("50000000", "5000001", "50000000", "60000000", "70000000"), []),  # 9.99×
        (("650000000", "65000000", "65000000", "6500000", "65000000"),
         [(2025, "below", "10.0")]),
        (("1", "100", "1", "100", "1"),
         [(2023, "above", "100.0"), (2024, "below", "100.0"), (2025, "above", "100.0")]),
        (("500000000", "50000000", "500000000", "500000000", "5000000000"), [(2023, "below",
                                                                           "10.0")]),
        # the first and the last year have a neighbour outside the period
        (("5000000000", "50000000", "50000000", "50000000", "500000000"), []),
        (("0", "50000000", "5000000", "-", "50000000"), []),  # zero and nil neighbours
        (("5000000", "50000000", None, "5000000", "500000"), []),  # an empty neighbour
    ],
)
def test_rs351_both_neighbours_present_positive_and_in_the_period(
    values: tuple[str | None, ...], expected: list[tuple[int, str, str]],
) -> None:
    plan = _digit_plan(_money(*values), kegiatan_money={})
    found = [(f.location.year, f.params["direction"], f.params["factor"])
             for f in check(plan, select=["RS351"])]
    assert found == expected


def test_rs351_money_that_follows_its_target_is_planned() -> None:
    # 8,000,000 between 388,484,311 and 180,000,000, with a target of 2 KT between 5 and 15
    # (TTU 1 06 02 2.03 04): the pagu follows the output, no digit slipped
    money = _money("388484311", "8000000", "180000000", "240000000", "300000000")
    followed = _target("5", "2", "15", "20", "25", unit="KT")
    assert check(_digit_plan(money, followed, kegiatan_money={}), select=["RS351"]) == []
    flat = _target("5", "5", "15", "20", "25", unit="KT")
    assert _found(check(_digit_plan(money, flat, kegiatan_money={}), select=["RS351"])) == [
        ("RS351", "T-C.27", "1.06.02.2.01.0001", 2023)]
    # a target that only wobbles (3 between 5 and 15: not half of both) explains nothing
    wobble = _target("5", "3", "15", "20", "25", unit="KT")
    assert _found(check(_digit_plan(money, wobble, kegiatan_money={}), select=["RS351"])) == [
        ("RS351", "T-C.27", "1.06.02.2.01.0001", 2023)]
    spike = _money("1325876000", "13523930000", "1230677000", "1267597000", "1470412000")
    rising = _target("9", "11", "6", "7", "11", unit="Kegiatan")
    assert _found(check(_digit_plan(spike, rising, kegiatan_money={}), select=["RS351"])) == [
        ("RS351", "T-C.27", "1.06.02.2.01.0001", 2023)]


def test_rs351_on_ttu_the_one_candidate_is_a_planned_change() -> None:
    plan = ttu_dinsos()
    assert check(plan, select=["RS351"]) == []
    sub = plan.find("1 06 02 2.03 04")
    (indicator,) = sub.indicators
    assert [q.amount for q in indicator.planned.values()] == [D(5), D(2), D(15), D(20), D(25)]
    flat = attrs.evolve(indicator, planned={**indicator.planned, 2023: indicator.planned[2022]})
    typo = attrs.evolve(sub, indicators=[flat])
    program = plan.programs[1]
    kegiatan = program.children[1]
    subs = [typo if child.code == sub.code else child for child in kegiatan.children]
    changed = attrs.evolve(program, children=[
        attrs.evolve(kegiatan, children=subs) if k is kegiatan else k
        for k in program.children])
    edited = attrs.evolve(plan, programs=[changed if p is program else p for p in plan.programs])
    (finding,) = check(edited, select=["RS351"])
    assert (str(finding.location.code), finding.location.year, finding.params["factor"],
            finding.params["direction"]) == ("1.06.02.2.03.0004", 2023, "22.5", "below")


def _key(number: int, indicator: Indicator) -> KeyIndicator:
    return KeyIndicator(number, indicator)


def test_rs351_targets_of_counts_but_not_percentages() -> None:
    counted = _target("500", "5000", "500", "600", "650", unit="KPM", id="KI-1")
    percent = _target("5", "50", "5", "6", "6.5", unit="%", id="KI-2")
    linked = _target("500", "5000", "500", "600", "650", unit="KPM", id="TC23-1",
                     links=("KI-1",))
    several = Indicator("two figures", aggregation=Aggregation.SUM, planned={
        2022: Quantity(D(5), "SDM"), 2023: Quantity(D(50), "SDM", also=(Quantity(D(2), "TKSK"),)),
        2024: Quantity(D(5), "SDM")})
    units = Indicator("two units", aggregation=Aggregation.SUM, planned={
        2022: Quantity(D(5), "paket"), 2023: Quantity(D(50), "org"),
        2024: Quantity(D(5), "paket")})
    plan = _plan(key_indicators=(_key(1, counted), _key(2, percent), _key(3, several),
                                 _key(4, units)),
                 service_performance=(PerformanceRow(1, linked),))
    findings = check(plan, select=["RS351"])
    assert [(f.location.table, f.location.row, f.location.year, f.location.path)
            for f in findings] == [("7.1", "1", 2023, "key_indicators[0].indicator.planned[2023]")]
    assert (findings[0].params["value"], findings[0].params["before"],
            findings[0].params["after"], findings[0].params["factor"]) == (
        "5000 KPM", "500 KPM", "500 KPM", "10.0")


def test_rs351_a_target_whose_money_moves_the_same_way_is_planned() -> None:
    target = _target("5", "50", "5", "5", "5", unit="paket")
    moved = _money("10000000", "20000000", "10000000", "10000000", "10000000")
    assert check(_digit_plan(moved, target, kegiatan_money={}), select=["RS351"]) == []
    # money a little above both neighbours (1.9 times) does not make a tenfold target planned
    steady = _money("10000000", "19000000", "10000000", "10000000", "10000000")
    (finding,) = check(_digit_plan(steady, target, kegiatan_money={}), select=["RS351"])
    assert (finding.location.table, str(finding.location.code), finding.location.year,
            finding.location.path, finding.params["value"], finding.params["factor"]) == (
        "T-C.27", "1.06.02.2.01.0001", 2023,
        "programs[0].children[0].children[0].indicators[0].planned[2023]", "50 paket", "10.0")


def test_rs351_renders_in_both_languages_and_is_quiet_on_healthy_plans() -> None:
    for index in range(12):
        assert check(generate_plan(index, seed=11), select=["RS351"]) == []
    plan = _digit_plan(_money("1", "100", "1", "1", "1"), kegiatan_money={})
    (finding,) = check(plan, select=["magnitude"])
    for lang in LANGS:
        assert "{" not in finding.message(lang)


_ABOVE = ("1000000", "20000000", "1000000", "1000000", "1000000")  # 2023: 20× above both
_BELOW = ("20000000", "1000000", "20000000", "20000000", "20000000")  # 2023: 20× below both
_AT_2023 = [("RS351", "T-C.27", "1.06.02.2.01.0001", 2023)]


@pytest.mark.parametrize(
    ("money", "target", "expected"),
    [
        (_ABOVE, ("5", "20", "5"), []),  # the target rises with the pagu: planned
        (_ABOVE, ("1", "2", "1"), []),  # exactly twice both neighbours is enough
        (_ABOVE, ("5", "10", "50"), _AT_2023),  # twice the year before only
        (_ABOVE, ("5", "4", "1"), _AT_2023),  # above both, but not twice the year before
        (_ABOVE, ("1", "4", "5"), _AT_2023),  # above the year before, below the year after
        (_ABOVE, ("0", "5", "1"), _AT_2023),  # a zero neighbour proves no change
        (_ABOVE, ("1", "5", "0"), _AT_2023),
        (_ABOVE, ("-", "5", "1"), _AT_2023),  # a nil neighbour proves no change
        (_ABOVE, ("5", "-", "5"), _AT_2023),
        (_ABOVE, ("5", "1", "5"), _AT_2023),  # the target falls while the pagu rises
        (_BELOW, ("2", "1", "2"), []),  # exactly half of both neighbours is enough
        (_BELOW, ("5", "0", "5"), _AT_2023),  # a zero target is not a planned change
        (_BELOW, ("10", "4", "5"), _AT_2023),  # half of the year before only
    ],
)
def test_rs351_a_target_moving_the_way_of_the_pagu_makes_the_change_planned(
    money: tuple[str, ...], target: tuple[str, str, str], expected: list[object],
) -> None:
    indicator = _target(*target, "5", "5", unit="paket")
    assert _found(check(_digit_plan(_money(*money), indicator, kegiatan_money={}),
                        select=["RS351"])) == expected


_TARGET_AT_2023 = [("RS351", "T-C.27", "1.06.02.2.01.0001", 2023)]


@pytest.mark.parametrize(
    ("money", "expected"),
    [
        (("5000000", "20000000", "5000000", "5000000", "5000000"), []),  # moves the same way
        (("20000000", "20000000", "5000000", "5000000", "5000000"), _TARGET_AT_2023),
        (("5000000", "20000000", "20000000", "5000000", "5000000"), _TARGET_AT_2023),
        (("5000000", "20000000", "20000000", "20000000", "5000000"), _TARGET_AT_2023),
    ],
)
def test_rs351_a_pagu_moving_the_way_of_the_target_makes_the_change_planned(
    money: tuple[str, ...], expected: list[object],
) -> None:
    target = _target("5", "50", "5", "5", "5", unit="paket")
    findings = check(_digit_plan(_money(*money), target, kegiatan_money={}), select=["RS351"])
    assert _found(findings) == expected
    assert [f.location.path for f in findings] == [
        "programs[0].children[0].children[0].indicators[0].planned[2023]"] * len(expected)


def test_rs351_a_target_of_an_activity_without_money_is_compared_alone() -> None:
    sub = Activity(Code.parse("1.06.02.2.01.0001"), Level.SUB_KEGIATAN, "sub",
                   indicators=(_target("5", "50", "5", "5", "5", unit="paket"),))
    kegiatan = _parent("1.06.02.2.01", Level.KEGIATAN, (sub,))
    plan = _plan((_parent("1.06.02", Level.PROGRAM, (kegiatan,)),))
    (finding,) = check(plan, select=["RS351"])
    assert (finding.location.path, finding.params["value"], finding.params["factor"]) == (
        "programs[0].children[0].children[0].indicators[0].planned[2023]", "50 paket", "10.0")


@pytest.mark.parametrize(
    "money",
    [
        ("1000000", "50000000", "0", "1000000", "1000000"),  # a zero year after
        ("1000000", "0", "1000000", "1000000", "10000000"),  # a zero year between
    ],
)
def test_rs351_a_zero_pagu_is_never_a_neighbour_or_a_digit_error(money: tuple[str, ...]) -> None:
    assert check(_digit_plan(_money(*money), kegiatan_money={}), select=["RS351"]) == []


def _quantities(unit: str | None, *values: str) -> dict[int, Quantity]:
    return {y: Quantity(D(v), unit) for y, v in zip(YEARS, values, strict=False)}


@pytest.mark.parametrize(
    ("indicator", "found"),
    [
        (Indicator("persons", unit="org", planned=_quantities(None, "5", "50", "5")), True),
        (Indicator("a share", unit="%", planned=_quantities(None, "5", "50", "5")), False),
        (Indicator("a share", planned=_quantities("Persen", "5", "50", "5")), False),
        (Indicator("a share", planned=_quantities(" % ", "5", "50", "5")), False),
        (Indicator("two units", planned={2022: Quantity(D(5), "paket"),
                                         2023: Quantity(D(50), "org"),
                                         2024: Quantity(D(5), "org")}), False),
    ],
)
def test_rs351_compares_targets_of_one_unit_that_is_not_a_percentage(
    indicator: Indicator, found: bool,
) -> None:
    plan = _plan(key_indicators=(_key(1, indicator),))
    assert [f.location.path for f in check(plan, select=["RS351"])] == (
        ["key_indicators[0].indicator.planned[2023]"] if found else [])


def test_rs351_states_the_direction_in_both_languages() -> None:
    (below,) = check(_digit_plan(_money(*_BELOW), kegiatan_money={}), select=["RS351"])
    assert below.params["direction"] == "below"
    assert below.message() == (
        "the pagu of 2023, 1000000, is 20.0× below both neighbouring years (2022: 20000000, "
        "2024: 20000000): likely a digit typed twice or left out")
    assert below.message("id") == (
        "pagu tahun 2023, 1000000, 20.0× di bawah kedua tahun di sebelahnya (2022: 20000000, "
        "2024: 20000000): kemungkinan salah ketik digit")


def _pagu_years(plan: Plan) -> list[tuple[str, int | None]]:
    return [(str(f.location.code), f.location.year) for f in check(plan, select=["RS351"])]


def test_rs351_goes_on_past_a_parent_without_money_and_past_a_total_that_adds_up() -> None:
    typo = _sub("1.06.02.2.01.0001", _money(*_ABOVE))
    tree = (_parent("1.06.02", Level.PROGRAM, (_parent("1.06.02.2.01", Level.KEGIATAN,
                                                       (typo,)),)),)
    assert _pagu_years(_plan(tree)) == [("1.06.02.2.01.0001", 2023)]
    # the kegiatan's 2023 adds up its children (reported below); its 2025 is its own slip
    kegiatan: dict[int, MoneyCell] = {y: D(v) + D(1000000)
                                      for y, v in zip(YEARS, _ABOVE, strict=True)}
    kegiatan[2025] = D(30000000)
    assert _pagu_years(_digit_plan(_money(*_ABOVE), kegiatan_money=kegiatan)) == [
        ("1.06.02.2.01", 2025), ("1.06.02.2.01.0001", 2023)]


def test_rs351_a_planned_change_of_one_year_leaves_the_other_years_compared() -> None:
    money = _money("1000000", "20000000", "1000000", "20000000", "1000000")
    target = _target("5", "20", "5", "5", "5", unit="paket")  # follows 2023 only
    assert _pagu_years(_digit_plan(money, target, kegiatan_money={})) == [
        ("1.06.02.2.01.0001", 2024), ("1.06.02.2.01.0001", 2025)]


def _target_years(plan: Plan) -> list[tuple[str | None, int | None]]:
    return [(f.location.path, f.location.year) for f in check(plan, select=["RS351"])]


def test_rs351_compares_every_year_of_every_target() -> None:
    steady = Indicator("steady", planned=_quantities("org", "5", "5", "5", "5", "5"))
    late = Indicator("late", planned=_quantities("org", "5", "6", "60", "6", "6"))
    also = Quantity(D(50), "org", also=(Quantity(D(2), "paket"),))
    mixed = Indicator("mixed", planned={**_quantities("org", "5", "0", "5", "50", "5"),
                                        2023: also})
    plan = _plan(key_indicators=(_key(1, steady), _key(2, late), _key(3, mixed)))
    assert _target_years(plan) == [("key_indicators[1].indicator.planned[2024]", 2024),
                                   ("key_indicators[2].indicator.planned[2025]", 2025)]


def test_rs351_a_linked_target_is_reported_for_its_own_figures() -> None:
    key = _target("500", "5000", "500", "600", "650", unit="KPM", id="KI-1")
    linked = _target("500", "5000", "500", "5000", "500", unit="KPM", id="TC23-1",
                     links=("KI-1",))
    plan = _plan(key_indicators=(_key(1, key),), service_performance=(PerformanceRow(1, linked),))
    assert [(f.location.table, f.location.row, f.location.year)
            for f in check(plan, select=["RS351"])] == [
        ("7.1", "1", 2023), ("T-C.23", "1", 2024), ("T-C.23", "1", 2025)]


@pytest.mark.parametrize(
    ("money", "target", "years"),
    [
        # the pagu falls with the target (to a quarter of both neighbours): planned
        (("20000000", "5000000", "20000000", "20000000", "20000000"),
         ("50", "5", "50", "50", "50"), []),
        # follows 2023 (above) only: 2024 (below) and 2025 (above) are compared
        (("5000000", "20000000", "5000000", "5000000", "5000000"),
         ("5", "50", "5", "50", "5"), [2024, 2025]),
    ],
)
def test_rs351_a_pagu_follows_a_target_in_its_direction_and_year(
    money: tuple[str, ...], target: tuple[str, ...], years: list[int],
) -> None:
    plan = _digit_plan(_money(*money), _target(*target, unit="paket"), kegiatan_money={})
    assert [year for _, year in _target_years(plan)] == years


def test_rs351_a_target_finding_states_its_three_cells_in_both_languages() -> None:
    indicator = _target("5", "50", "4", "4", "4", unit="paket")
    (finding,) = check(_digit_plan(_money(*["1000000"] * 5), indicator, kegiatan_money={}),
                       select=["RS351"])
    assert finding.location == Location(
        "T-C.27", Code.parse("1.06.02.2.01.0001"), 2023,
        "programs[0].children[0].children[0].indicators[0].planned[2023]", None)
    assert dict(finding.params) == {
        "what": "target", "year": 2023, "value": "50 paket", "year_before": 2022,
        "before": "5 paket", "year_after": 2024, "after": "4 paket", "factor": "10.0",
        "direction": "above",
    }
    assert finding.message() == (
        "the target of 2023, 50 paket, is 10.0× above both neighbouring years (2022: 5 paket, "
        "2024: 4 paket): likely a digit typed twice or left out")
    assert finding.message("id") == (
        "target tahun 2023, 50 paket, 10.0× di atas kedua tahun di sebelahnya (2022: 5 paket, "
        "2024: 4 paket): kemungkinan salah ketik digit")


# -- the plan index ----------------------------------------------------------------------------


def test_the_index_finds_an_equal_activity_and_names_a_foreign_one() -> None:
    plan = ttu_dinsos()
    index = PlanIndex(plan)
    program = plan.find("1 06 07")
    copy = attrs.evolve(program)
    assert copy is not program
    assert copy == program
    assert index.rollup(copy) == index.rollup(program)
    assert index.rollup(copy)[2024] == D(250000000)
    assert index.children_sum(copy, "realised") == index.children_sum(program, "realised")
    kegiatan = attrs.evolve(program.children[0])
    assert index.children_sum(kegiatan)[2024] == D(250000000)
    assert index.own(copy) is program
    assert index.own(program) is program
    foreign = attrs.evolve(program, name="another program")
    with pytest.raises(NotInPlanError) as raised:
        index.rollup(foreign)
    assert isinstance(raised.value, RenstraError)
    assert isinstance(raised.value, LookupError)
    assert str(raised.value) == ("Program 1.06.07 is not one of the plan's activities "
                                 "(nor equal to one)")
    assert raised.value.message("id").startswith("Program 1.06.07 bukan salah satu kegiatan")
    with pytest.raises(NotInPlanError):
        index.children_sum(foreign)


def test_the_index_programs_sum_is_what_the_total_row_adds_up() -> None:
    plan = ttu_dinsos()
    assert PlanIndex(plan).programs_sum()[2023] == D("4091594846.5")
    assert plan.total_budget is not None
    assert plan.total_budget.planned[2023] == D("4091594846.50")


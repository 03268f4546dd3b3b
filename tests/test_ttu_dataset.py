"""The shipped TTU plan: it loads, has the document's shape, and its money adds up as printed."""

from __future__ import annotations

from decimal import Decimal

import pytest

from renstra_model import NIL, Code, Level, Plan, dumps, loads
from renstra_model.calculators.summary import summarise
from renstra_model.examples import EXAMPLES, data_path, ttu_dinsos

PLANNED = {
    2022: Decimal("4847753572"),
    2023: Decimal("4091594846.5"),
    2024: Decimal("7564020128"),
    2025: Decimal("8064623984"),
    2026: Decimal("9233106480"),
}


@pytest.fixture(scope="module")
def plan() -> Plan:
    return ttu_dinsos()


def test_it_loads_as_a_shipped_example(plan: Plan) -> None:
    assert EXAMPLES["ttu-dinsos"]() is plan
    assert data_path("ttu-dinsos").name == "ttu_dinsos.json"
    assert plan.organisation.region == "Kabupaten Timor Tengah Utara"
    assert plan.period.years == (2022, 2023, 2024, 2025, 2026)
    assert plan.period.baseline_year == 2021


def test_the_tree_has_the_documents_shape(plan: Plan) -> None:
    assert len(plan.activities_at(Level.PROGRAM)) == 7
    assert len(plan.activities_at(Level.KEGIATAN)) == 16
    assert len(plan.activities_at(Level.SUB_KEGIATAN)) == 48
    assert [str(p.code) for p in plan.programs] == [f"1.06.0{n}" for n in range(1, 8)]


def test_planned_budget_per_year_and_period(plan: Plan) -> None:
    summary = summarise(plan)
    assert summary.budget_by_year == PLANNED
    assert summary.budget_total == Decimal("33801099010.5")


def test_the_printed_total_is_kept_as_printed(plan: Plan) -> None:
    # T-C.27's TOTAL ANGGARAN row rounds the period total to 33,801,099,011.
    assert plan.total_budget is not None
    assert plan.total_budget.planned_total == Decimal("33801099011")
    assert plan.total_budget.planned[2023] == Decimal("4091594846.50")


def test_every_sub_kegiatan_has_a_budget_and_a_source(plan: Plan) -> None:
    for activity in plan.activities_at(Level.SUB_KEGIATAN):
        assert activity.budget is not None, activity.code
        assert activity.source is not None, activity.code


def test_rows_missing_from_tc27_come_from_tc24_without_indicators(plan: Plan) -> None:
    program = plan.find("1.06.01")
    assert program.source is not None
    assert program.source.table == "T-C.24"
    assert program.indicators == ()
    for code in ("1.06.01.2.02", "1.06.01.2.05", "1.06.01.2.06", "1.06.01.2.07"):
        for _, node in plan.find(code).walk():
            assert node.source is not None
            assert node.source.table == "T-C.24", node.code
            assert node.indicators == (), node.code
            assert node.budget is not None, node.code
    assert [str(k.code) for k in program.children] == [
        f"1.06.01.2.0{n}" for n in (2, 5, 6, 7, 8, 9)
    ]
    assert plan.find("1.06.01.2.08").source.table == "T-C.27"  # type: ignore[union-attr]


def test_a_stated_nil_is_not_an_absent_cell(plan: Plan) -> None:
    surat = plan.find("1 06 01 2.08 04")
    assert surat.budget is not None
    assert surat.budget.planned[2023] is NIL
    program = plan.find("1 06 05")
    assert program.budget is None or 2022 not in program.budget.planned


def test_a_percentage_is_kept_beside_its_count(plan: Plan) -> None:
    data = plan.find(Code.parse("1.06.05.2.02.0002"))
    (indicator,) = data.indicators
    cell = indicator.planned[2022]
    assert (cell.amount, cell.unit, cell.percent) == (Decimal("25325"), "KPM", Decimal("72.18"))


def test_each_table_keeps_its_own_spelling(plan: Plan) -> None:
    assert plan.find("1.06.02.2.01.0001").name == "Fasilitas Pemberdayaan Sosial KAT"
    tc24 = [row for row in plan.budget_table if row.code == Code.parse("1.06.02.2.01.0001")]
    assert [row.label for row in tc24] == ["Fasilitasi Pemberdayaan Sosial KAT"]


def test_the_json_round_trip_is_lossless(plan: Plan) -> None:
    text = dumps(plan)
    assert loads(text) == plan
    assert dumps(loads(text)) == text
    assert data_path("ttu-dinsos").read_text(encoding="utf-8") == text

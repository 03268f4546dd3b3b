"""The Renja cut (:mod:`renstra_model.cycle.renja`) and ``renstra renja``: the TTU Renja of
each year, every guard of the cut, the year total as a property, and the command line."""

from __future__ import annotations

import json
from collections import Counter
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from renstra_model import (
    NIL,
    Activity,
    Aggregation,
    BudgetLine,
    BudgetRow,
    Code,
    Goal,
    Indicator,
    KeyIndicator,
    Level,
    Nil,
    Organisation,
    PerformanceRow,
    Period,
    Plan,
    Quantity,
    Target,
    load,
)
from renstra_model.calculators.rollups import total_by_year
from renstra_model.checks import check
from renstra_model.cli import EXIT_INPUT, EXIT_OK, main
from renstra_model.cycle.renja import RenjaYearError, renja, renja_period
from renstra_model.examples import ttu_dinsos
from renstra_model.synthetic import generate_plan
from strategies import plans

TTU = ttu_dinsos()


def _key(finding: object) -> tuple[object, ...]:
    """A finding by rule and place in the document (paths differ between the two plans)."""
    loc = finding.location  # type: ignore[attr-defined]
    return (finding.rule, loc.table, loc.code, loc.year, loc.row)  # type: ignore[attr-defined]


# -- TTU --------------------------------------------------------------------------------------


def test_ttu_renja_2023_holds_the_year_and_its_forward_estimate() -> None:
    cut = renja(TTU, 2023)
    assert cut.period == Period(2022, 2023, 2024)
    assert cut.title == ("Renja 2023: Rencana Strategi Dinas Sosial Kabupaten Timor Tengah "
                         "Utara Tahun 2021-2026")
    assert cut.organisation == TTU.organisation
    assert (cut.adoption, cut.legal_basis, cut.problem_tables) == (None, (), ())
    assert (len(cut.programs), len(cut.activities_at(Level.KEGIATAN)),
            len(cut.activities_at(Level.SUB_KEGIATAN))) == (7, 16, 42)
    # T-C.24 and T-C.27 state 4,091,594,846.5 for 2023; the forward estimate is that of the
    # year's activities (the plan's 2024 less the sub kegiatan that start in 2024)
    assert total_by_year(cut) == {2023: Decimal("4091594846.5"), 2024: Decimal("7404020128")}
    assert cut.total_budget == BudgetLine(planned={2023: Decimal("4091594846.50"),
                                                   2024: Decimal("7404020128")})
    assert len(cut.budget_table) == 66


def test_ttu_renja_2023_leaves_out_the_sub_kegiatan_without_target_or_pagu_in_2023() -> None:
    kept = {a.code for a in renja(TTU, 2023).activities_at(Level.SUB_KEGIATAN)}
    left = [str(a.code) for a in TTU.activities_at(Level.SUB_KEGIATAN) if a.code not in kept]
    # T-C.27 prints "-" for their 2023 pagu, and no target or "- org" / "-" for 2023
    assert left == ["1.06.01.2.05.0009", "1.06.01.2.06.0002", "1.06.01.2.07.0002",
                    "1.06.01.2.07.0011", "1.06.04.2.02.0003", "1.06.07.2.01.0002"]


def test_ttu_renja_cuts_the_series_of_an_activity_to_its_years() -> None:
    before = TTU.find("1.06.04.2.01.0001")
    after = renja(TTU, 2023).find("1.06.04.2.01.0001")
    # T-C.27: "100 org  100 org -  50 org 50,000,000  100 org 115,000,000 …"
    assert after.budget == BudgetLine(planned={2023: Decimal("50000000"),
                                               2024: Decimal("115000000")})
    ind, was = after.indicators[0], before.indicators[0]
    assert dict(ind.planned) == {2023: was.planned[2023], 2024: was.planned[2024]}
    assert ind.baseline == was.planned[2022]  # the Renstra's target for the year before
    assert ind.end_of_period == was.end_of_period
    assert ind.aggregation is Aggregation.STATED
    assert dict(ind.realised) == {}
    # the first year's Renja keeps the Renstra's baseline
    assert renja(TTU, 2022).find("1.06.04.2.01.0001").indicators[0].baseline == was.baseline


def test_ttu_renja_of_the_last_year_has_no_forward_estimate() -> None:
    cut = renja(TTU, 2026)
    assert cut.period == Period(2025, 2026, 2026)
    assert total_by_year(cut) == {2026: Decimal("9233106480")}


@pytest.mark.parametrize("year", [2022, 2023, 2024, 2025, 2026])
def test_ttu_renja_total_of_its_year_is_the_plans(year: int) -> None:
    assert total_by_year(renja(TTU, year))[year] == total_by_year(TTU)[year]


def test_ttu_renja_2023_findings_are_the_renstras_or_its_shifted_percentages() -> None:
    renstra = {_key(f) for f in check(TTU)}
    findings = check(renja(TTU, 2023))
    assert Counter(f.rule for f in findings) == {
        "RS131": 3, "RS201": 13, "RS202": 2, "RS222": 4, "RS231": 1, "RS232": 2, "RS233": 9,
        "RS234": 1, "RS235": 2, "RS237": 7, "RS238": 1, "RS301": 1, "RS311": 1,
    }
    new = [f for f in findings if _key(f) not in renstra]
    # the cells of 7.1 whose percentages the Renstra states a year shifted (RS202 there, rows
    # 1-7): the Renja holds one neighbouring year, too few for RS202 to see the shift
    assert Counter(f.rule for f in new) == {"RS201": 12}
    assert {f.location.table for f in new if f.rule == "RS201"} == {"7.1"}
    shifted = {f.location.row for f in check(TTU) if f.rule == "RS202"}
    assert {f.location.row for f in new} == shifted - {None} == {"1", "2", "3", "4", "5", "6",
                                                                   "7"}


def test_healthy_generated_plans_give_renjas_without_findings() -> None:
    for index in range(3):
        plan = generate_plan(index)
        assert check(plan) == []
        for year in plan.period.years:
            assert check(renja(plan, year)) == [], (index, year)


# -- guards -----------------------------------------------------------------------------------


@pytest.mark.parametrize("year", [2021, 2027, 1990, "2023", True, 2023.0])
def test_a_year_outside_the_plan_years_is_refused(year: object) -> None:
    with pytest.raises(RenjaYearError) as caught:
        renja(TTU, year)  # type: ignore[arg-type]
    assert caught.value.params == {"year": year, "first": 2022, "last": 2026}
    assert caught.value.describe("en") == (
        f"{year!r} is not a year of the plan period 2022-2026: a Renja is cut for one of "
        "its years")
    assert caught.value.describe("id") == (
        f"{year!r} bukan tahun dalam periode rencana 2022-2026: Renja disusun untuk salah "
        "satu tahunnya")


def test_renja_period() -> None:
    assert renja_period(TTU, 2022) == Period(2021, 2022, 2023)
    assert renja_period(TTU, 2025) == Period(2024, 2025, 2026)


Y = 2025
PERIOD = Period(2024, 2025, 2027)


def _sub(
    number: str, pagu: Decimal | Nil | None = None, target: Quantity | None = None,
    budget_parts: tuple[BudgetLine, ...] = (),
) -> Activity:
    indicators = () if target is None else (Indicator(name="n", planned={Y: target}),)
    budget = None if pagu is None else BudgetLine(planned={Y: pagu, Y + 1: Decimal(7)})
    return Activity(f"1.06.02.2.01.{number}", name="s", indicators=indicators,
                    budget=budget, budget_parts=budget_parts)


def _plan(*subs: Activity, **kw: object) -> Plan:
    kegiatan = Activity("1.06.02.2.01", name="k", children=subs)
    return Plan(title="t", organisation=Organisation("o", "r"), period=PERIOD,
                programs=(Activity("1.06.02", name="p", children=(kegiatan,)),),
                **kw)  # type: ignore[arg-type]


def _codes(plan: Plan) -> list[str]:
    return [str(a.code) for a in plan.activities_at(Level.SUB_KEGIATAN)]


def test_a_leaf_is_kept_for_a_target_or_a_pagu_above_zero_in_the_year() -> None:
    plan = _plan(
        _sub("0001", pagu=Decimal(5)),                       # pagu: kept
        _sub("0002", target=Quantity(Decimal(3), "org")),    # target: kept
        _sub("0003", pagu=NIL, target=Quantity(NIL, "org")),  # nil both: left out
        _sub("0004", pagu=Decimal(0)),                       # zero pagu: left out
        _sub("0005"),                                        # nothing: left out
    )
    assert _codes(renja(plan, Y)) == ["1.06.02.2.01.0001", "1.06.02.2.01.0002"]


def test_a_parent_without_kept_children_is_left_out() -> None:
    plan = _plan(_sub("0001"))
    assert renja(plan, Y).programs == ()


def test_a_stated_subtotal_loses_what_its_left_out_children_state() -> None:
    # the kegiatan states the sum of both children; the second child is left out for Y, so
    # the kegiatan's Y+1 subtotal loses its 7
    kegiatan = Activity("1.06.02.2.01", name="k", budget=BudgetLine(
        planned={Y: Decimal(5), Y + 1: Decimal(14)}),
        children=(_sub("0001", pagu=Decimal(5)), _sub("0002", pagu=NIL)))
    plan = Plan(title="t", organisation=Organisation("o", "r"), period=PERIOD,
                programs=(Activity("1.06.02", name="p", children=(kegiatan,)),),
                total_budget=BudgetLine(planned={Y: Decimal(5), Y + 1: Decimal(14)}),
                budget_table=(
                    BudgetRow("bidang", Level.BIDANG_URUSAN, BudgetLine(
                        planned={Y: Decimal(5), Y + 1: Decimal(14)}), code=Code.parse("1.06")),
                    BudgetRow("k", Level.KEGIATAN, BudgetLine(
                        planned={Y: Decimal(5), Y + 1: Decimal(14)}),
                        code=Code.parse("1.06.02.2.01")),
                    BudgetRow("s", Level.SUB_KEGIATAN, BudgetLine(
                        planned={Y: Decimal(5), Y + 1: Decimal(7)}),
                        code=Code.parse("1.06.02.2.01.0001")),
                    BudgetRow("gone", Level.SUB_KEGIATAN, BudgetLine(
                        planned={Y: NIL, Y + 1: Decimal(7)}),
                        code=Code.parse("1.06.02.2.01.0002")),
                    BudgetRow("nameless", Level.SUB_KEGIATAN, BudgetLine(planned={Y: NIL})),
                ))
    cut = renja(plan, Y)
    expected = BudgetLine(planned={Y: Decimal(5), Y + 1: Decimal(7)})
    assert cut.find("1.06.02.2.01").budget == expected
    assert cut.total_budget == expected
    assert [(r.label, r.budget) for r in cut.budget_table] == [
        ("bidang", expected), ("k", expected), ("s", expected)]
    assert [f.rule for f in check(cut) if f.family == "hierarchy-sum"] == []
    assert [f.rule for f in check(plan) if f.family == "hierarchy-sum"] == []


def test_a_subtotal_below_what_is_left_out_stays_as_stated() -> None:
    kegiatan = Activity("1.06.02.2.01", name="k", budget=BudgetLine(
        planned={Y: Decimal(5), Y + 1: Decimal(3)}),
        children=(_sub("0001", pagu=Decimal(5)), _sub("0002", pagu=NIL)))
    plan = Plan(title="t", organisation=Organisation("o", "r"), period=PERIOD,
                programs=(Activity("1.06.02", name="p", children=(kegiatan,)),))
    assert renja(plan, Y).find("1.06.02.2.01").budget == BudgetLine(
        planned={Y: Decimal(5), Y + 1: Decimal(3)})


def test_derived_parents_stay_derived_and_budget_parts_are_cut() -> None:
    part = BudgetLine(planned={Y: Decimal(2), Y + 2: Decimal(4)})
    late = BudgetLine(planned={Y + 2: Decimal(1)})
    sub = _sub("0001", pagu=Decimal(2), budget_parts=(part, late))
    kegiatan = Activity("1.06.02.2.01", children=(sub,), derived=True)
    plan = Plan(title="t", organisation=Organisation("o", "r"), period=PERIOD,
                programs=(Activity("1.06.02", children=(kegiatan,), derived=True),))
    cut = renja(plan, Y)
    assert [a.derived for _, a in cut.activities()] == [True, True, False]
    assert cut.find("1.06.02.2.01").budget is None
    assert cut.find("1.06.02.2.01.0001").budget_parts == (
        BudgetLine(planned={Y: Decimal(2)}),)


def test_plan_level_indicators_are_cut_and_links_to_left_out_ones_dropped() -> None:
    gone = Indicator(name="g", id="gone", planned={Y + 1: Quantity(Decimal(1))})
    kept = Indicator(name="k", id="kept", planned={Y: Quantity(Decimal(1))})
    linked = Indicator(name="l", planned={Y - 1: Quantity(Decimal(1)), Y: Quantity(Decimal(2)),
                                          Y + 2: Quantity(Decimal(4))},
                       baseline=Quantity(Decimal(0)), end_of_period=Quantity(Decimal(4)),
                       realised={Y: Quantity(Decimal(2))}, links=("gone", "kept"),
                       aggregation=Aggregation.LAST)
    plan = _plan(
        Activity("1.06.02.2.01.0001", name="s", indicators=(kept,),
                 budget=BudgetLine(planned={Y: Decimal(1)})),
        Activity("1.06.02.2.01.0002", name="t", indicators=(gone,)),
        goals=(Goal("goal", targets=(Target("sasaran", indicators=(linked,)),)),),
        key_indicators=(KeyIndicator(1, linked),),
        service_performance=(PerformanceRow(1, linked, stated_ratio={Y: Decimal(50)}),),
    )
    cut = renja(plan, Y)
    expected = Indicator(name="l", planned={Y: Quantity(Decimal(2))},
                         baseline=Quantity(Decimal(0)), end_of_period=Quantity(Decimal(4)),
                         links=("kept",), aggregation=Aggregation.STATED)
    assert cut.goals[0].targets[0].indicators == (expected,)
    assert cut.key_indicators == (KeyIndicator(1, expected),)
    assert cut.service_performance == (PerformanceRow(1, expected),)
    # an indicator without an end of period keeps its kind
    assert cut.find("1.06.02.2.01.0001").indicators[0].aggregation is None
    # after the first year, the baseline is the target of the year before, where stated
    later = renja(plan, Y + 1).goals[0].targets[0].indicators[0]
    assert (later.baseline, dict(later.planned)) == (Quantity(Decimal(2)),
                                                     {Y + 2: Quantity(Decimal(4))})
    last = renja(plan, Y + 2).goals[0].targets[0].indicators[0]
    assert (last.baseline, dict(last.planned)) == (None, {Y + 2: Quantity(Decimal(4))})


def test_t_c24_rows_of_no_activity_are_kept_for_a_pagu_in_the_year() -> None:
    rows = (
        BudgetRow("funded", Level.SUB_KEGIATAN, BudgetLine(planned={Y: Decimal(3)}),
                  code=Code.parse("1.06.02.2.01.0009"), stated_ratio={Y: Decimal(100)},
                  stated_growth_planned=Decimal(1), stated_growth_realised=Decimal(1)),
        BudgetRow("unfunded", Level.SUB_KEGIATAN, BudgetLine(planned={Y + 1: Decimal(3)})),
    )
    cut = renja(_plan(_sub("0001", pagu=Decimal(1)), budget_table=rows), Y)
    assert cut.budget_table == (
        BudgetRow("funded", Level.SUB_KEGIATAN, BudgetLine(planned={Y: Decimal(3)}),
                  code=Code.parse("1.06.02.2.01.0009")),
    )


# -- properties -------------------------------------------------------------------------------


@settings(deadline=None, max_examples=60)
@given(plan=plans(), data=st.data())
def test_the_renjas_year_total_is_the_plans(plan: Plan, data: st.DataObject) -> None:
    year = data.draw(st.sampled_from(plan.period.years))
    cut = renja(plan, year)
    zero = Decimal(0)
    assert total_by_year(cut).get(year, zero) == total_by_year(plan).get(year, zero)
    assert set(total_by_year(cut)) <= set(cut.period.years)


@settings(deadline=None, max_examples=10)
@given(index=st.integers(0, 50), data=st.data())
def test_the_renja_of_a_generated_plan_totals_the_year(index: int, data: st.DataObject) -> None:
    plan = generate_plan(index)
    year = data.draw(st.sampled_from(plan.period.years))
    assert total_by_year(renja(plan, year))[year] == total_by_year(plan)[year]


# -- the command line -------------------------------------------------------------------------


def test_cli_writes_the_renja(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "renja.json"
    assert main(["renja", "ttu-dinsos", "--year", "2023", "--output", str(out),
                 "--lang", "en"]) == EXIT_OK
    assert capsys.readouterr().err == (
        f"Renja 2023 written to {out}: 42 sub kegiatan, pagu 2023 4,091,594,846.5\n")
    assert load(out) == renja(TTU, 2023)
    assert main(["summary", str(out), "--format", "json"]) == EXIT_OK
    summary = json.loads(capsys.readouterr().out)
    assert summary["budget_by_year"] == {"2023": "4091594846.5", "2024": "7404020128"}
    assert main(["renja", "ttu-dinsos", "--year", "2026", "--output", str(out),
                 "--lang", "id"]) == EXIT_OK
    assert capsys.readouterr().err == (
        f"Renja 2026 ditulis ke {out}: 44 sub kegiatan, pagu 2026 9.233.106.480\n")


def test_cli_renja_of_a_plan_without_money_in_the_year(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from renstra_model import save

    source = save(_plan(_sub("0001", target=Quantity(Decimal(1)))), tmp_path / "plan.json")
    out = tmp_path / "renja.json"
    assert main(["renja", str(source), "--year", str(Y), "--output", str(out),
                 "--lang", "en"]) == EXIT_OK
    assert capsys.readouterr().err == (
        f"Renja {Y} written to {out}: 1 sub kegiatan, pagu {Y} -\n")


def test_cli_refuses_a_year_outside_the_period(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "renja.json"
    assert main(["renja", "ttu-dinsos", "--year", "2021", "--output", str(out),
                 "--lang", "id"]) == EXIT_INPUT
    assert capsys.readouterr().err == (
        "2021 bukan tahun dalam periode rencana 2022-2026: Renja disusun untuk salah satu "
        "tahunnya\n")
    assert not out.exists()


def test_cli_reports_unusable_inputs(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["renja", "no-such-plan", "--year", "2023", "--output",
                 str(tmp_path / "x.json"), "--lang", "en"]) == EXIT_INPUT
    assert "no-such-plan" in capsys.readouterr().err
    unwritable = tmp_path / "missing" / "renja.json"
    assert main(["renja", "ttu-dinsos", "--year", "2023", "--output", str(unwritable),
                 "--lang", "en"]) == EXIT_INPUT
    assert "No such file or directory" in capsys.readouterr().err

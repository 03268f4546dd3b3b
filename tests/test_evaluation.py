"""The evaluation of realisations (renstra_model.cycle.evaluation): the rows, roll-ups and
findings on the TTU plan with its shipped example file, every guard on a small plan, the
properties of realisations equal to the targets and of the money roll-ups, the output forms
and ``renstra evaluate``."""

from __future__ import annotations

import contextlib
import datetime as dt
import io
import json
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from renstra_model import Activity, BudgetLine, Code, Indicator, Organisation, Period, Plan
from renstra_model.calculators.arithmetic import Reason, Undefined
from renstra_model.calculators.ratios import Predikat, shown
from renstra_model.cli import main
from renstra_model.cycle.evaluation import (
    Evaluation,
    Realisation,
    evaluate,
    find_indicator,
    indicator_label,
)
from renstra_model.cycle.evaluation_output import evaluation_table, row_data, to_data
from renstra_model.cycle.evaluation_rules import RULES
from renstra_model.errors import InvalidPlanError
from renstra_model.examples import realisations_path, ttu_dinsos
from renstra_model.io.realisations import read_realisations
from renstra_model.model.indicators import Polarity
from renstra_model.model.values import NIL, Quantity
from renstra_model.tables.render import to_csv
from strategies import plans

D = Decimal
TODAY = dt.date(2023, 3, 31)


def _c(text: str) -> Code:
    return Code.parse(text)


def _plain(value: Any) -> Any:
    """A capaian or ratio rounded to two places, or the reason it is undefined."""
    if isinstance(value, Undefined):
        return value.reason.value
    return format(shown(value, 2), "f")


def _ttu(today: dt.date | None = TODAY) -> Evaluation:
    read = read_realisations(realisations_path("ttu-dinsos"))
    assert read.findings == ()
    return evaluate(ttu_dinsos(), read.rows, year=2022, today=today)


def _summary(finding: Any) -> tuple[Any, ...]:
    return (finding.rule, finding.severity.value, finding.location.describe(),
            {k: v for k, v in finding.params.items() if k != "missing_codes"})


# -- TTU --------------------------------------------------------------------------------------


def test_ttu_example_rows() -> None:
    evaluation = _ttu()
    assert evaluation.years == (2022,)
    assert len(evaluation.rows) == 49
    realised = [
        (str(r.code), r.indicator is not None, str(r.realised) if r.realised else None,
         _plain(r.capaian), r.predikat if isinstance(r.predikat, Predikat) else None,
         r.pagu, r.realised_rp, _plain(r.budget_ratio), r.rows)
        for r in evaluation.rows if r.rows
    ]
    high, very_low = Predikat.SANGAT_TINGGI, Predikat.SANGAT_RENDAH
    assert realised == [
        ("1.06.01.2.02.0001", False, None, "missing", None, D("1755772639"), D("1750000000"),
         "99.67", (6,)),
        ("1.06.01.2.08.0001", True, "678 lembar", "100.00", high, D("4975500"), D("4950000"),
         "99.49", (7,)),
        ("1.06.01.2.08.0002", True, "7 rekening", "100.00", high, D("30380000"),
         D("31500000"), "103.69", (8,)),
        ("1.06.02.2.03.0003", True, "17950 KPM", "95.00", high, D("544681852"),
         D("530000000"), "97.30", (9,)),
        ("1.06.02.2.03.0004", True, "2 KT", "40.00", very_low, D("388484311"),
         D("150000000"), "38.61", (10,)),
        ("1.06.04.2.02.0007", True, "190 org", "111.11", high, D("144776687"),
         D("144776687"), "100.00", (11,)),
        ("1.06.06.2.01.0001", True, "4800 Korban Bencana", "94.66", high, D("465019400"),
         D("465019400"), "100.00", (12,)),
        ("1.06.06.2.02.0002", True, "38 Tagana", "100.00", high, D("0"), None, "missing",
         (13,)),
    ]
    # The second indicator of 1.06.06.2.02.0002 states no name: its id labels it.
    assert [r.indicator for r in evaluation.rows if r.code == _c("1.06.06.2.02.0002")] == [
        "Terlaksananya koordinasi dan sosialisasi kesiapsiagaan oleh Taruna Siaga Bencana",
        "TC27-1.06.06.2.02.0002-2",
    ]


def test_ttu_example_findings() -> None:
    assert [_summary(f) for f in _ttu().findings] == [
        ("RE003", "error", "realisasi-2022.csv 1.06.02.2.03.0009 2022",
         {"row": 14, "code": "1.06.02.2.03.0009"}),
        ("RE004", "error", "realisasi-2022.csv 1.06.01.2.08.0001 2021",
         {"row": 15, "year": 2021, "first": 2022, "last": 2026}),
        ("RE009", "warning", "1.06.01.2.08.0002 2022",
         {"code": "1.06.01.2.08.0002", "year": 2022, "realised_rp": "31500000",
          "pagu": "30380000"}),
        ("RE011", "info", "2022",
         {"year": 2022, "missing": 33, "total": 41,
          "codes": "1.06.01.2.02.0002, 1.06.01.2.05.0005, 1.06.01.2.05.0006, "
                   "1.06.01.2.06.0001, 1.06.01.2.06.0004, …"}),
        ("RE012", "warning", "1.06.02.2.03.0004 2022",
         {"code": "1.06.02.2.03.0004", "year": 2022,
          "indicator": "Terealisasinya pembentukan dan kegiatan karang taruna di tingkat "
                       "desa/kecamatan dan kecamatan",
          "capaian": "40.00", "realised": "2 KT", "target": "5 KT"}),
    ]
    # Without a date, no finding depends on one.
    assert [f.rule for f in _ttu(today=None).findings] == ["RE003", "RE004", "RE009", "RE012"]


def test_ttu_example_rollups() -> None:
    rollups = [
        (str(r.code) if r.code else None, r.pagu, r.realised_rp, _plain(r.capaian),
         _plain(r.budget_ratio), r.counted, r.undefined)
        for r in _ttu().rollups if r.level is None or r.level.value == "program"
    ]
    assert rollups == [
        ("1.06.01", D("2652004727"), D("1786450000"), "100.00", "67.36", 2, 5),
        ("1.06.02", D("1079316066"), D("680000000"), "67.50", "63.00", 2, 5),
        ("1.06.03", D("0"), None, "missing", "missing", 0, 1),
        ("1.06.04", D("522972059"), D("144776687"), "111.11", "27.68", 1, 9),
        ("1.06.05", D("39396530"), None, "missing", "missing", 0, 4),
        ("1.06.06", D("554064190"), D("465019400"), "97.33", "83.93", 2, 3),
        ("1.06.07", D("0"), None, "missing", "missing", 0, 2),
        (None, D("4847753572"), D("3076246087"), "91.54", "63.46", 7, 29),
    ]


# -- a small plan -----------------------------------------------------------------------------

S1, S2, S3 = _c("1.02.02.2.01.0001"), _c("1.02.02.2.01.0002"), _c("1.02.02.2.01.0003")


def _small() -> Plan:
    one = Indicator(name="Cakupan layanan", id="IK-1", unit="org",
                    planned={2025: Quantity(D(100), "org"), 2026: Quantity(D(0), "org")})
    first = Indicator(name="Jumlah kelompok", id="IK-2a",
                      planned={2025: Quantity(D(4), "Klp"), 2026: Quantity(NIL, "Klp")})
    second = Indicator(name="Angka kesakitan", id="IK-2b", unit="%",
                       polarity=Polarity.LOWER_IS_BETTER,
                       planned={2025: Quantity(D(10), "%"), 2026: Quantity(D(8), "%")})
    subs = [
        Activity(S1, name="Sub 1", indicators=[one],
                 budget=BudgetLine(planned={2025: 1000, 2026: 2000})),
        Activity(S2, name="Sub 2", indicators=[first, second],
                 budget=BudgetLine(planned={2025: 500})),
        Activity(S3, name="Sub 3", budget=BudgetLine(planned={2025: 300, 2026: NIL})),
    ]
    kegiatan = Activity("1.02.02.2.01", name="Kegiatan", children=subs)
    program = Activity("1.02.02", name="Program", children=[kegiatan])
    return Plan(title="Renstra Contoh", organisation=Organisation("Dinas", "Kabupaten"),
                period=Period(2024, 2025, 2026), programs=[program])


def _r(code: Code, year: int, indicator: str | None = None, realised: str | None = None,
       rp: int | None = None, row: int = 2) -> Realisation:
    quantity = None
    if realised is not None:
        amount, _, unit = realised.partition(" ")
        quantity = Quantity(D(amount), unit or None)
    return Realisation(code, year, indicator, quantity, None if rp is None else D(rp), row,
                       "r.csv")


def _rules(evaluation: Evaluation) -> list[tuple[str, str, dict[str, Any]]]:
    return [(f.rule, f.location.describe(), dict(f.params)) for f in evaluation.findings]


def test_bad_rows_are_findings_never_dropped() -> None:
    rows = [
        _r(_c("1.02.02.2.01.0009"), 2025, realised="1", row=2),
        _r(S1, 2024, realised="1", row=3),
        _r(S2, 2025, indicator="Tidak ada", realised="1", row=4),
        _r(S3, 2025, indicator="Apa pun", realised="1", row=5),
        _r(S3, 2025, realised="1", row=6),
        _r(S2, 2025, realised="3 Klp", row=7),
        _r(S1, 2025, realised="90 kg", row=8),
    ]
    evaluation = evaluate(_small(), rows)
    assert _rules(evaluation) == [
        ("RE003", "r.csv 1.02.02.2.01.0009 2025", {"row": 2, "code": "1.02.02.2.01.0009"}),
        ("RE004", "r.csv 1.02.02.2.01.0001 2024",
         {"row": 3, "year": 2024, "first": 2025, "last": 2026}),
        ("RE005", "r.csv 1.02.02.2.01.0002 2025",
         {"row": 4, "code": "1.02.02.2.01.0002", "indicator": "Tidak ada", "count": 2}),
        ("RE005", "r.csv 1.02.02.2.01.0003 2025",
         {"row": 5, "code": "1.02.02.2.01.0003", "indicator": "Apa pun", "count": 0}),
        ("RE005", "r.csv 1.02.02.2.01.0003 2025",
         {"row": 6, "code": "1.02.02.2.01.0003", "indicator": None, "count": 0}),
        ("RE006", "r.csv 1.02.02.2.01.0002 2025",
         {"row": 7, "code": "1.02.02.2.01.0002", "count": 2}),
        ("RE007", "r.csv 1.02.02.2.01.0001 2025",
         {"row": 8, "code": "1.02.02.2.01.0001", "unit": "kg", "target_unit": "org"}),
    ]
    messages = [f.message("en") for f in evaluation.findings]
    assert messages[2] == ("row 4: 1.02.02.2.01.0002 states no indicator 'Tidak ada' "
                           "(it states 2)")
    assert messages[4] == "row 6: a realisation of a target, but 1.02.02.2.01.0003 states no " \
                          "indicator"
    assert evaluation.findings[4].message("id") == (
        "baris 6: realisasi target, padahal 1.02.02.2.01.0003 tidak memuat indikator")
    (s1,) = [r for r in evaluation.rows if r.code == S1]
    assert s1.capaian == Undefined(Reason.UNITS_DIFFER, 2025)
    assert s1.realised == Quantity(D(90), "kg")
    assert s1.rows == (8,)
    # No row of S2 takes a realisation: one named no indicator, one an unknown one.
    assert [r.realised for r in evaluation.rows if r.code == S2] == [None, None]


def test_rupiah_alone_need_no_indicator_and_add_up() -> None:
    rows = [_r(S2, 2025, rp=200, row=2), _r(S2, 2025, indicator="#2", realised="9 %", rp=100,
                                            row=3)]
    evaluation = evaluate(_small(), rows)
    assert evaluation.findings == ()
    first, second = [r for r in evaluation.rows if r.code == S2]
    assert (first.realised, first.realised_rp, first.rows) == (None, D(300), (2,))
    assert (second.realised_rp, second.rows, second.budget_ratio) == (D(300), (2, 3), D(60))
    # Lower is better: 9 % against a target of 10 % is (2 - 0.9) x 100.
    assert second.capaian == D("110.0")
    assert second.predikat is Predikat.SANGAT_TINGGI


def test_the_same_row_twice_is_one_finding_naming_each() -> None:
    rows = [_r(S1, 2025, realised="60 org", rp=100, row=2),
            _r(S1, 2025, indicator="cakupan  LAYANAN", realised="70 org", rp=100, row=5),
            _r(S1, 2025, indicator="IK-1", realised="80", rp=100, row=9)]
    evaluation = evaluate(_small(), rows)
    assert _rules(evaluation) == [
        ("RE008", "r.csv 1.02.02.2.01.0001 2025",
         {"code": "1.02.02.2.01.0001", "year": 2025, "indicator": "Cakupan layanan",
          "rows": [2, 5, 9], "first": 2}),
    ]
    (s1,) = [r for r in evaluation.rows if r.code == S1]
    assert (s1.capaian, s1.realised_rp) == (D("60"), D(100))  # the first row only
    assert evaluation.findings[0].message("en") == (
        "rows [2, 5, 9] all realise 1.02.02.2.01.0001 2025 'Cakupan layanan': only row 2 is "
        "used")


def test_money_above_the_pagu() -> None:
    rows = [_r(S1, 2025, rp=1001, row=2), _r(S3, 2026, rp=1, row=3),
            _r(S2, 2026, rp=5, row=4), _r(S3, 2025, rp=300, row=5)]
    evaluation = evaluate(_small(), rows)
    assert _rules(evaluation) == [
        ("RE009", "1.02.02.2.01.0001 2025",
         {"code": "1.02.02.2.01.0001", "year": 2025, "realised_rp": "1001", "pagu": "1000"}),
        ("RE009", "1.02.02.2.01.0002 2026",
         {"code": "1.02.02.2.01.0002", "year": 2026, "realised_rp": "5", "pagu": None}),
        ("RE009", "1.02.02.2.01.0003 2026",
         {"code": "1.02.02.2.01.0003", "year": 2026, "realised_rp": "1", "pagu": "0"}),
    ]
    assert evaluation.findings[0].message("id") == (
        "1.02.02.2.01.0001 2025: realisasi Rp 1001, melebihi pagu Rp 1000")


def test_a_parents_own_rupiah_stand_on_its_row_not_in_the_rollup() -> None:
    kegiatan = _c("1.02.02.2.01")
    evaluation = evaluate(_small(), [_r(kegiatan, 2025, rp=2000, row=4)])
    assert _rules(evaluation) == [
        ("RE009", "1.02.02.2.01 2025",
         {"code": "1.02.02.2.01", "year": 2025, "realised_rp": "2000", "pagu": "1800"}),
    ]
    (own,) = [r for r in evaluation.rows if r.code == kegiatan]
    assert (own.indicator, own.pagu, own.realised_rp, own.budget_ratio, own.rows) == (
        None, D(1800), D(2000), D(2000) / D(1800) * 100, (4,))
    assert [r.realised_rp for r in evaluation.rollups] == [None, None, None]


def test_years_and_dates() -> None:
    plan = _small()
    rows = [_r(S1, 2025, realised="100 org", row=2), _r(S2, 2026, rp=5, row=3),
            _r(S3, 2026, rp=0, row=4)]
    # 2025 has ended on 2026-01-01, 2026 has not: two rows realise it early.
    evaluation = evaluate(plan, rows, today=dt.date(2026, 1, 1))
    assert evaluation.years == (2025, 2026)
    assert _rules(evaluation)[1:] == [
        ("RE010", "2026", {"year": 2026, "today": "2026-01-01", "count": 2, "rows": [3, 4]}),
        ("RE011", "2025", {"year": 2025, "missing": 3, "total": 4,
                           "codes": "1.02.02.2.01.0002, 1.02.02.2.01.0003",
                           "missing_codes": ["1.02.02.2.01.0002", "1.02.02.2.01.0003"]}),
    ]
    assert evaluation.findings[2].message("en") == (
        "2025 has ended, and 3 of 4 targets and pagu have no realisation (e.g. "
        "1.02.02.2.01.0002, 1.02.02.2.01.0003)")
    # Elapsed years are evaluated though no row states them; one year when asked for.
    assert evaluate(plan, [], today=dt.date(2027, 6, 1)).years == (2025, 2026)
    only = evaluate(plan, rows, year=2025, today=dt.date(2027, 6, 1))
    assert only.years == (2025,)
    assert [f.rule for f in only.findings] == ["RE011"]
    assert evaluate(plan, rows).years == (2025, 2026)
    with pytest.raises(InvalidPlanError) as raised:
        evaluate(plan, rows, year=2024)
    assert raised.value.problems[0].message("en") == "2024 is not a year of the plan (2025-2026)"


def test_every_elapsed_target_realised_is_no_finding() -> None:
    rows = [_r(S1, 2025, realised="100 org", rp=1000), _r(S2, 2025, "#1", "4", rp=400),
            _r(S2, 2025, "#2", "10 %"), _r(S3, 2025, rp=300)]
    assert evaluate(_small(), rows, today=dt.date(2026, 1, 1)).findings == ()


def test_capaian_under_fifty() -> None:
    rows = [_r(S1, 2025, realised="49.99 org", row=2), _r(S2, 2025, "IK-2a", "2", row=3)]
    evaluation = evaluate(_small(), rows)
    assert _rules(evaluation) == [
        ("RE012", "1.02.02.2.01.0001 2025",
         {"code": "1.02.02.2.01.0001", "year": 2025, "indicator": "Cakupan layanan",
          "capaian": "49.99", "realised": "49.99 org", "target": "100 org"}),
    ]  # 2 of 4 is 50 %: not under it


def test_undefined_capaian_and_the_mean_of_the_rollups() -> None:
    rows = [_r(S1, 2025, realised="80 org"), _r(S2, 2025, "#1", "4"),
            _r(S2, 2025, "#2", "12 %"), _r(S1, 2026, realised="5 org"),
            _r(S2, 2026, "#1", "1")]
    evaluation = evaluate(_small(), rows)
    by = {(str(r.code), r.year, r.indicator): r for r in evaluation.rows}
    assert by["1.02.02.2.01.0001", 2026, "Cakupan layanan"].capaian == Undefined(
        Reason.ZERO_BASE, 2026)
    assert by["1.02.02.2.01.0002", 2026, "Jumlah kelompok"].capaian == Undefined(
        Reason.NIL, 2026)
    assert by["1.02.02.2.01.0002", 2026, "Angka kesakitan"].capaian == Undefined(
        Reason.MISSING, 2026)
    assert by["1.02.02.2.01.0003", 2025, None].predikat == Undefined(Reason.MISSING, 2025)
    rollups = [(str(r.code) if r.code else None, r.year, r.capaian, r.counted, r.undefined,
                r.pagu, r.realised_rp) for r in evaluation.rollups]
    # 2025: (80 + 100 + 80) / 3, unweighted; 2026: none defined.
    mean = D(260) / D(3)
    assert rollups == [
        ("1.02.02", 2025, mean, 3, 0, D(1800), None),
        ("1.02.02.2.01", 2025, mean, 3, 0, D(1800), None),
        (None, 2025, mean, 3, 0, D(1800), None),
        ("1.02.02", 2026, Undefined(Reason.MISSING, 2026), 0, 3, D(2000), None),
        ("1.02.02.2.01", 2026, Undefined(Reason.MISSING, 2026), 0, 3, D(2000), None),
        (None, 2026, Undefined(Reason.MISSING, 2026), 0, 3, D(2000), None),
    ]
    assert evaluation.rollups[0].predikat is Predikat.TINGGI


def test_indicator_labels_read_back() -> None:
    activity = _small().find(S2)
    assert [indicator_label(activity, k) for k in range(2)] == ["Jumlah kelompok",
                                                                "Angka kesakitan"]
    assert [find_indicator(activity, text) for text in
            ("#2", "#3", "IK-2a", " jumlah  KELOMPOK ", "Lain")] == [1, None, 0, 0, None]
    twins = Activity(S1, indicators=[Indicator(name="Sama", id="A"), Indicator(name="sama"),
                                     Indicator()])
    assert [indicator_label(twins, k) for k in range(3)] == ["A", "#2", "#3"]
    assert find_indicator(twins, "Sama") is None


# -- properties -------------------------------------------------------------------------------


def _equal_to_targets(plan: Plan) -> list[Realisation]:
    rows = []
    for _, activity in plan.activities():
        for k, indicator in enumerate(activity.indicators):
            for year, target in indicator.planned.items():
                if year in plan.period.years:
                    rows.append(Realisation(activity.code, year, f"#{k + 1}", target))
    return rows


@settings(max_examples=60, deadline=None)
@given(plans())
def test_realisations_equal_to_the_targets_meet_them(plan: Plan) -> None:
    evaluation = evaluate(plan, _equal_to_targets(plan))
    assert [f.rule for f in evaluation.findings] == []
    for row in evaluation.rows:
        if row.indicator is None or row.target is None:
            continue
        amount = row.target.amount
        if not isinstance(amount, Decimal):
            assert row.capaian == Undefined(Reason.NIL, row.year)
        elif amount > 0:
            assert row.capaian == D(100), row
            assert row.predikat is Predikat.SANGAT_TINGGI
        else:  # a zero or negative target has no capaian
            reason = Reason.ZERO_BASE if amount == 0 else Reason.NEGATIVE_TARGET
            assert row.capaian == Undefined(reason, row.year)
            assert row.predikat == Undefined(reason, row.year)


@settings(max_examples=60, deadline=None)
@given(st.data())
def test_money_rollups_are_the_sum_of_the_rows(data: st.DataObject) -> None:
    plan = data.draw(plans())
    leaves = [a for _, a in plan.activities() if not a.children]
    rows = [Realisation(a.code, year, realised_rp=D(data.draw(st.integers(0, 10**9))))
            for a in leaves for year in plan.period.years if data.draw(st.booleans())]
    evaluation = evaluate(plan, rows)
    spent = {(r.code, r.year): r.realised_rp for r in evaluation.rows
             if r.realised_rp is not None and not plan.find(r.code).children}
    for rollup in evaluation.rollups:
        below = [amount for (code, year), amount in spent.items() if year == rollup.year and (
            rollup.code is None or code == rollup.code or code.is_descendant_of(rollup.code))]
        assert rollup.realised_rp == (sum(below, D(0)) if below else None)
    stated = {(r.code, r.year): r.realised_rp for r in rows}
    assert spent == {k: v for k, v in stated.items() if v is not None}


# -- output -----------------------------------------------------------------------------------


def test_json_rows_hold_the_keys_of_the_issue() -> None:
    evaluation = evaluate(_small(), [_r(S1, 2025, realised="80 org", rp=900)])
    assert [row_data(r) for r in evaluation.rows if r.year == 2025] == [
        {"code": "1.02.02.2.01.0001", "year": 2025, "indicator": "Cakupan layanan",
         "target": "100", "realised": "80", "capaian": "80.0", "predikat": "tinggi",
         "pagu": "1000", "realised_rp": "900", "budget_ratio": "90.0", "reasons": {}},
        {"code": "1.02.02.2.01.0002", "year": 2025, "indicator": "Jumlah kelompok",
         "target": "4", "realised": None, "capaian": None, "predikat": None, "pagu": "500",
         "realised_rp": None, "budget_ratio": None,
         "reasons": {"realised": "missing", "capaian": "missing", "predikat": "missing",
                     "realised_rp": "missing", "budget_ratio": "missing"}},
        {"code": "1.02.02.2.01.0002", "year": 2025, "indicator": "Angka kesakitan",
         "target": "10", "realised": None, "capaian": None, "predikat": None, "pagu": "500",
         "realised_rp": None, "budget_ratio": None,
         "reasons": {"realised": "missing", "capaian": "missing", "predikat": "missing",
                     "realised_rp": "missing", "budget_ratio": "missing"}},
        {"code": "1.02.02.2.01.0003", "year": 2025, "indicator": None, "target": None,
         "realised": None, "capaian": None, "predikat": None, "pagu": "300",
         "realised_rp": None, "budget_ratio": None,
         "reasons": {"capaian": "missing", "predikat": "missing", "realised_rp": "missing",
                     "budget_ratio": "missing"}},
    ]
    data = to_data(evaluation)
    assert set(data) == {"rows", "rollups", "findings"}
    assert data["rollups"][2] == {
        "code": None, "level": None, "year": 2025, "pagu": "1800", "realised_rp": "900",
        "budget_ratio": "50.0", "capaian": "80.0", "predikat": "tinggi", "counted": 1,
        "undefined": 2, "reasons": {}}


def test_the_table_in_both_languages() -> None:
    evaluation = evaluate(_small(), [_r(S1, 2025, realised="80 org", rp=900)], year=2025)
    table = evaluation_table(evaluation, "en")
    assert [c.title for c in table.columns] == [
        "Code", "Program/Kegiatan/Sub Kegiatan", "Performance indicator", "Year", "Target",
        "Realisation", "Achievement (%)", "Rating", "Budget (Rp)", "Realised (Rp)",
        "Realised/budget (%)"]
    assert to_csv(table, values="computed").splitlines() == [
        "Code,Program/Kegiatan/Sub Kegiatan,Performance indicator,Year,Target,Realisation,"
        "Achievement (%),Rating,Budget (Rp),Realised (Rp),Realised/budget (%)",
        "1 02 02,Program,,2025,,,80.00,high,1800,900,50.00",
        "1 02 02 2.01,Kegiatan,,2025,,,80.00,high,1800,900,50.00",
        "1 02 02 2.01 01,Sub 1,Cakupan layanan,2025,100 org,80 org,80.00,high,1000,900,90.00",
        "1 02 02 2.01 02,Sub 2,Jumlah kelompok,2025,4 Klp,,,,500,,",
        "1 02 02 2.01 02,Sub 2,Angka kesakitan,2025,10 %,,,,500,,",
        "1 02 02 2.01 03,Sub 3,,2025,,,,,300,,",
        ",TOTAL,,2025,,,80.00,high,1800,900,50.00",
    ]
    assert evaluation_table(evaluation, "id").columns[6].title == "Capaian (%)"
    assert len({r.id for r in RULES}) == len(RULES) == 12


# -- the command line -------------------------------------------------------------------------


def _run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        status = main(["evaluate", *argv])
    return status, out.getvalue(), err.getvalue()


def test_cli_json_and_exit_status() -> None:
    status, out, _ = _run("ttu-dinsos", "ttu-dinsos", "--year", "2022", "--today",
                          "2023-03-31", "--format", "json")
    assert status == 1  # RE003 and RE004 are errors
    data = json.loads(out)
    assert (len(data["rows"]), len(data["rollups"])) == (49, 24)
    assert [f["rule"] for f in data["findings"]] == ["RE003", "RE004", "RE009", "RE011",
                                                     "RE012"]


def test_cli_text_markdown_csv_and_xlsx(tmp_path: Path) -> None:
    file = tmp_path / "r.csv"
    file.write_text("kode,tahun,realisasi\n1.06.04.2.02.0007,2022,171 org\n", encoding="utf-8")
    status, out, _ = _run("ttu-dinsos", str(file), "--year", "2022", "--today", "2022-06-01",
                          "--lang", "en")
    assert status == 0
    assert out.splitlines()[-1] == "1 findings (0 errors, 1 warnings, 0 info)"
    assert out.splitlines()[-2] == ("2022: RE010 [warning evaluation] 1 rows realise 2022, "
                                    "which has not ended on 2022-06-01 (rows [2])")
    assert _run("ttu-dinsos", str(file), "--year", "2022", "--today", "2022-06-01",
                "--fail-on", "warning")[0] == 1
    status, out, _ = _run("ttu-dinsos", str(file), "--year", "2022", "--format", "markdown",
                          "--today", "2023-01-01")
    assert status == 0
    assert out.startswith("**Evaluation of realisations** Rencana Strategi")  # the one default
    status, out, _ = _run("ttu-dinsos", str(file), "--year", "2022", "--format", "markdown",
                          "--today", "2023-01-01", "--lang", "id")
    assert status == 0
    assert out.startswith("**Evaluasi Realisasi Renstra")
    assert "- 2022: RE011 [info evaluation]" in out
    status, out, err = _run("ttu-dinsos", str(file), "--year", "2022", "--format", "csv",
                            "--today", "2023-01-01", "--lang", "id")
    assert out.splitlines()[0].startswith("Kode,Program/Kegiatan/Sub Kegiatan,")
    assert err.splitlines()[-1] == "1 temuan (0 galat, 0 peringatan, 1 info)"
    assert _run("ttu-dinsos", str(file), "--format", "xlsx")[0] == 2
    target = tmp_path / "e.xlsx"
    status, _, err = _run("ttu-dinsos", str(file), "--format", "xlsx", "--output", str(target),
                          "--today", "2023-01-01", "--year", "2022", "--lang", "id")
    assert status == 0
    assert target.is_file()
    assert err.splitlines()[-1] == f"evaluasi ditulis ke {target}"


def test_cli_unusable_inputs(tmp_path: Path) -> None:
    status, _, err = _run("ttu-dinsos", str(tmp_path / "missing.csv"))
    assert status == 2
    assert "missing.csv" in err
    status, _, err = _run("ttu-dinsos", "ttu-dinsos", "--year", "2030", "--lang", "en")
    assert (status, err) == (2, "2030 is not a year of the plan (2022-2026)\n")

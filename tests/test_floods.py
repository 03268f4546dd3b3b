"""Diagnoses instead of floods: a rule's findings on half or more of a plan's activities or
indicators, and on at least ten of them, are one finding that holds them as its members
(``registry.run``, ``check``, ``check_many``); and what a plan's source cannot state is not
reported missing: a derived parent (SIPD exports, sheets of sub kegiatan rows), a sub kegiatan
that only T-C.24 states (RS238 names those once)."""

from __future__ import annotations

import json
import os
import pickle
from collections.abc import Iterable, Iterator
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st

from renstra_model import (
    Activity,
    Code,
    Indicator,
    Level,
    Organisation,
    Period,
    Plan,
    Quantity,
    Source,
)
from renstra_model.checks import check, check_many
from renstra_model.checks.findings import Finding, Location, Severity, Text
from renstra_model.checks.registry import FLOOD_MIN, Context, Found, Rule, run, subject
from renstra_model.examples import ttu_dinsos
from renstra_model.io.excel import read_workbook
from renstra_model.io.nomenclature import load_nomenclature
from renstra_model.io.sipd import read_sipd
from renstra_model.synthetic import catalogue, generate_export, generate_plan, generate_workbook
from renstra_model.synthetic.sipd import DIALECTS
from strategies import plans

KEGIATAN = "1.02.02.2.01"


def sub_kegiatan(count: int, located: Iterable[int] = (), **extra: object) -> list[Activity]:
    """Sub kegiatan 0001 … *count* of kegiatan 1.02.02.2.01; those numbered in *located* state
    a location."""
    where = set(located)
    return [
        Activity(Code.parse(f"{KEGIATAN}.{n:04d}"), Level.SUB_KEGIATAN, f"Sub {n}",
                 location="Kefamenanu" if n in where else None, **extra)  # type: ignore[arg-type]
        for n in range(1, count + 1)
    ]


def plan_of(*groups: list[Activity]) -> Plan:
    """A plan of program 1.02.02 with one kegiatan a group of sub kegiatan (1.02.02.2.01,
    1.02.02.2.02, …)."""
    kegiatan = []
    for k, subs in enumerate(groups, start=1):
        code = Code.parse(f"1.02.02.2.{k:02d}")
        renumbered = [
            Activity(Code.parse(f"{code}.{s.code.segments[-1]}"), s.level, s.name,
                     indicators=s.indicators, location=s.location, source=s.source)
            for s in subs
        ]
        kegiatan.append(Activity(code, Level.KEGIATAN, f"Kegiatan {k}", children=renumbered))
    program = Activity(Code.parse("1.02.02"), Level.PROGRAM, "Program", children=kegiatan)
    return Plan(title="Renstra", organisation=Organisation("Dinas Kesehatan", "Kabupaten Contoh"),
                period=Period(2024, 2025, 2029), programs=[program])


def flattened(findings: Iterable[Finding]) -> list[Finding]:
    """The findings with each diagnosis replaced by its members."""
    return [member for f in findings for member in (f.members or (f,))]


def codes(findings: Iterable[Finding]) -> list[str | None]:
    return [str(f.location.code) if f.location.code else None for f in findings]


# -- one diagnosis ---------------------------------------------------------------------------


def test_a_flood_is_one_diagnosis_that_holds_its_findings() -> None:
    plan = plan_of(sub_kegiatan(12))
    each = check(plan, select=["RS235"], expand=True)
    assert codes(each) == [f"{KEGIATAN}.{n:04d}" for n in range(1, 13)]
    (flood,) = check(plan, select=["RS235"])
    assert (flood.rule, flood.family, flood.severity) == ("RS235", "missing-value", Severity.INFO)
    assert flood.location == Location("T-C.27", None, None, "", None)
    assert flood.members == tuple(each)
    assert [m.message() for m in flood.members] == [f.message() for f in each]
    assert dict(flood.params) == {
        "rule": "RS235", "count": 12, "total": 12, "findings": 12,
        "population": ["sub_kegiatan"],
        "examples": ["1.02.02.2.01.0001", "1.02.02.2.01.0002", "1.02.02.2.01.0003"],
    }
    assert flood.message() == (
        "RS235 on 12 of 12 sub kegiatan: sub kegiatan without a location (e.g. "
        "1.02.02.2.01.0001, 1.02.02.2.01.0002, 1.02.02.2.01.0003, …; the first: sub kegiatan "
        "1.02.02.2.01.0001 states no location); --expand lists each")
    assert flood.message("id") == (
        "RS235 pada 12 dari 12 sub kegiatan: sub kegiatan tanpa lokasi (mis. "
        "1.02.02.2.01.0001, 1.02.02.2.01.0002, 1.02.02.2.01.0003, …; yang pertama: sub "
        "kegiatan 1.02.02.2.01.0001 tanpa lokasi); --expand merinci masing-masing")


def test_a_diagnosis_as_json_and_pickled_keeps_its_members() -> None:
    (flood,) = check(plan_of(sub_kegiatan(12)), select=["RS235"])
    data = flood.to_dict("id")
    assert data["members"] == [m.to_dict("id") for m in flood.members]
    assert (data["code"], data["path"], data["values"]["count"]) == (None, "", 12)
    assert data["message"] == flood.message("id")
    assert "members" not in flood.members[0].to_dict()
    json.dumps(data, ensure_ascii=False)
    again = pickle.loads(pickle.dumps(flood))
    assert again == flood
    assert again.members == flood.members
    assert again.message() == flood.message()
    assert [m.message("id") for m in again.members] == [m.message("id") for m in flood.members]


@pytest.mark.parametrize(
    ("count", "located", "diagnosed"),
    [
        (9, (), False),  # every sub kegiatan, but fewer than ten
        (10, (), True),
        (20, range(1, 11), True),  # 10 of 20: half
        (21, range(1, 12), False),  # 10 of 21: under half
    ],
)
def test_a_flood_is_ten_or_more_and_half_or_more(
    count: int, located: Iterable[int], diagnosed: bool
) -> None:
    plan = plan_of(sub_kegiatan(count, located))
    each = check(plan, select=["RS235"], expand=True)
    found = check(plan, select=["RS235"])
    assert FLOOD_MIN == 10
    if diagnosed:
        (flood,) = found
        assert flood.members == tuple(each)
        assert (flood.params["count"], flood.params["total"]) == (len(each), count)
    else:
        assert found == each
        assert not any(f.members for f in found)


@given(st.lists(st.booleans(), min_size=1, max_size=30))
@hypothesis_settings(max_examples=40, deadline=None)
def test_a_diagnosis_stands_for_exactly_its_flood(located: list[bool]) -> None:
    plan = plan_of(sub_kegiatan(len(located), [n for n, x in enumerate(located, 1) if x]))
    each = check(plan, select=["RS235"], expand=True)
    found = check(plan, select=["RS235"])
    assert flattened(found) == each
    missing = located.count(False)
    assert any(f.members for f in found) == (missing >= 10 and 2 * missing >= len(located))


@given(plans(max_programs=3))
@hypothesis_settings(max_examples=30, deadline=None,
                     suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
def test_any_plan_expands_to_the_findings_of_its_rules(plan: Plan) -> None:
    found = check(plan)
    assert flattened(found) == check(plan, expand=True)
    for diagnosis in (f for f in found if f.members):
        assert {m.rule for m in diagnosis.members} == {diagnosis.rule}
        assert diagnosis.severity == max(m.severity for m in diagnosis.members)


# -- what a finding is about ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("path", "about"),
    [
        ("programs[0]", (False, "programs[0]")),
        ("programs[3].children[1].children[12].budget.planned[2024]",
         (False, "programs[3].children[1].children[12]")),
        ("programs[0].children[2].indicators[1]", (True, "programs[0].children[2].indicators[1]")),
        ("goals[1].targets[0].indicators[2].planned[2025]",
         (True, "goals[1].targets[0].indicators[2]")),
        ("service_performance[4].indicator", (True, "service_performance[4].indicator")),
        ("key_indicators[0].indicator.end_of_period", (True, "key_indicators[0].indicator")),
        ("goals[1].targets[0]", None),  # a target: neither an activity nor an indicator
        ("programs", None),  # RS004, RS238: the tree as a whole
        ("budget_table[*].stated_ratio", None),  # RS321: one finding per table
        ("budget_table[3]", None),
        ("reading[7]", None),
        ("total_budget.planned_total", None),
        ("organisation", None),  # RS002
        ("", None),
    ],
)
def test_the_subject_of_a_finding_is_read_from_its_path(
    path: str, about: tuple[bool, str] | None
) -> None:
    assert subject(path) == about


def custom(found: Iterable[Found] | None = None, severity: Severity = Severity.WARNING) -> Rule:
    """A rule that reports *found*, each with the message ``{what}``."""
    listed = list(found or ())

    def check_(context: Context) -> Iterator[Found]:
        yield from listed

    return Rule("RS990", "missing-value", severity, Text("Test flood", "Banjir uji"),
                Text("{what}", "{what}"), Text("why", "mengapa"), "an example", check_)


def at(path: str, code: str | None = None, table: str | None = "T-C.27",
       severity: Severity | None = None, row: str | None = None) -> Found:
    return Found(Location(table, Code.parse(code) if code else None, None, path, row),
                 {"what": f"at {path}"}, severity)


def test_a_diagnosis_counts_subjects_keeps_other_findings_in_place_and_the_worst_severity(
) -> None:
    plan = plan_of(sub_kegiatan(12))
    paths = {str(a.code): p for p, a in plan.activities()}
    subs = [(c, p) for c, p in paths.items() if Code.parse(c).level is Level.SUB_KEGIATAN]
    found = [at("total_budget.planned_total", table="T-C.27", row="TOTAL")]
    for k, (code, path) in enumerate(subs):  # two findings on each sub kegiatan
        found.append(at(path, code, severity=Severity.ERROR if k == 5 else None))
        found.append(at(f"{path}.budget.planned[2025]", code))
    found.append(at("budget_table[0]", table="T-C.24", row="PROGRAM"))
    rule = custom(found)
    each = run(Context(plan), [rule], expand=True)
    total, flood, table_row = run(Context(plan), [rule])
    assert (total.location.row, table_row.location.table) == ("TOTAL", "T-C.24")
    assert flood.members == tuple(each[1:-1])
    assert (flood.params["count"], flood.params["findings"]) == (12, 24)
    assert flood.severity is Severity.ERROR  # one member's, above the rule's warning
    assert flood.params["examples"] == [c for c, _ in subs[:3]]  # one a sub kegiatan


def test_a_diagnosis_of_programs_and_kegiatan_counts_both_levels() -> None:
    plan = plan_of(*[sub_kegiatan(1) for _ in range(11)])  # 1 program, 11 kegiatan, 11 subs
    upper = [(p, a) for p, a in plan.activities() if a.level is not Level.SUB_KEGIATAN]
    rule = custom([at(p, str(a.code)) for p, a in upper])
    (flood,) = run(Context(plan), [rule])
    assert (flood.params["count"], flood.params["total"]) == (12, 12)
    assert flood.params["population"] == ["program", "kegiatan"]
    assert flood.message().startswith("RS990 on 12 of 12 programs and kegiatan: ")
    assert flood.message("id").startswith("RS990 pada 12 dari 12 program dan kegiatan: ")
    every = run(Context(plan), [custom([at(p, str(a.code)) for p, a in plan.activities()])])
    assert every[0].params["population"] == ["program", "kegiatan", "sub_kegiatan"]
    assert every[0].message().startswith(
        "RS990 on 23 of 23 programs, kegiatan and sub kegiatan: ")
    assert every[0].message("id").startswith(
        "RS990 pada 23 dari 23 program, kegiatan, dan sub kegiatan: ")
    assert every[0].params["total"] == 23


def test_a_diagnosis_of_indicators_counts_the_plans_indicators() -> None:
    indicator = Indicator("Jumlah dokumen", planned={2025: Quantity(Decimal(1), "dokumen")})
    plan = plan_of(sub_kegiatan(12, indicators=[indicator, indicator]))
    sites = [f"{p}.indicators[{k}]" for p, a in plan.activities() for k in range(len(a.indicators))]
    assert len(sites) == 24
    rule = custom([at(f"{path}.planned[2025]", table=None, row=str(n))
                   for n, path in enumerate(sites[:12], start=1)], Severity.INFO)
    (flood,) = run(Context(plan), [rule])
    assert (flood.params["count"], flood.params["total"], flood.params["population"]) == (
        12, 24, ["indicator"])
    first = "at programs[0].children[0].children[0].indicators[0].planned[2025]"
    assert flood.message() == (
        f"RS990 on 12 of 24 indicators: test flood (e.g. 1, 2, 3, …; the first: {first}); "
        "--expand lists each")
    assert flood.message("id") == (
        f"RS990 pada 12 dari 24 indikator: banjir uji (mis. 1, 2, 3, …; yang pertama: {first}); "
        "--expand merinci masing-masing")
    assert flood.location.table is None
    assert flood.params["examples"] == ["1", "2", "3"]  # rows, where a finding has no code
    fewer = custom([at(path) for path in sites[:11]])
    assert len(run(Context(plan), [fewer])) == 11  # 11 of 24: under half


def test_no_diagnosis_where_a_path_names_no_activity_or_nothing_is_about_one() -> None:
    plan = plan_of(sub_kegiatan(12))
    stray = custom([at(f"programs[{k}]") for k in range(1, 13)])  # no such programs
    assert len(run(Context(plan), [stray])) == 12
    table = custom([at(f"budget_table[{k}]", table="T-C.24", row=f"row {k}") for k in range(20)])
    assert len(run(Context(plan), [table])) == 20


def test_a_subject_without_code_table_or_row_is_named_by_its_path() -> None:
    plan = plan_of(sub_kegiatan(12))
    paths = [p for p, a in plan.activities() if a.level is Level.SUB_KEGIATAN]
    (flood,) = run(Context(plan), [custom([at(p, table=None) for p in paths])])
    assert flood.params["examples"] == paths[:3]


# -- where nothing changes -------------------------------------------------------------------


def test_healthy_generated_plans_and_ttu_have_no_flood() -> None:
    nomenclature = catalogue()
    for index in range(8):
        plan = generate_plan(index)
        found = check(plan, nomenclature=nomenclature)
        assert found == check(plan, nomenclature=nomenclature, expand=True), index
        assert not [f for f in found if f.members], index
    ttu = ttu_dinsos()
    assert not [f for f in check(ttu) if f.members]
    assert check(ttu) == check(ttu, expand=True)


@pytest.mark.skipif(
    not os.environ.get("RENSTRA_NOMENCLATURE"), reason="RENSTRA_NOMENCLATURE is not set: see "
        "docs/getting-started.md, section Environment"
)
def test_ttu_has_no_flood_with_the_full_nomenclature() -> None:
    nomenclature = load_nomenclature(Path(os.environ["RENSTRA_NOMENCLATURE"]))
    found = check(ttu_dinsos(), nomenclature=nomenclature)
    assert not [f for f in found if f.members]


def test_check_many_reports_floods_as_check_does_in_one_process_or_several() -> None:
    flooded, calm = plan_of(sub_kegiatan(12)), plan_of(sub_kegiatan(12, range(1, 12)))
    for jobs in (1, 2):
        results = list(check_many([flooded, calm], jobs=jobs, select=["RS235"]))
        assert [len(r.findings) for r in results] == [1, 1]
        assert results[0].findings[0].members == tuple(
            check(flooded, select=["RS235"], expand=True))
        assert [m.message() for m in results[0].findings[0].members] == [
            f.message() for f in check(flooded, select=["RS235"], expand=True)]
        expanded = list(check_many([flooded], jobs=jobs, select=["RS235"], expand=True))
        assert len(expanded[0].findings) == 12


# -- absence that is not a defect -----------------------------------------------------------


def _derived_findings(plan: Plan, nomenclature: object) -> list[tuple[str, str]]:
    by_path = dict(plan.activities())
    out = []
    for finding in check(plan, nomenclature=nomenclature, expand=True):  # type: ignore[arg-type]
        about = subject(finding.location.path)
        if about is not None and not about[0] and by_path[about[1]].derived:
            out.append((finding.rule, finding.location.path))
    return out


def test_no_rule_reports_a_derived_parent_of_a_sipd_export(tmp_path: Path) -> None:
    nomenclature = catalogue()
    derived = 0
    for seed in range(3):
        for dialect in DIALECTS:
            path = tmp_path / f"{seed}-{dialect}.txt"
            generate_export(path, seed=seed, dialect=dialect, defect_rate="0.3")
            for read in read_sipd(path).plans:
                derived += sum(a.derived for _, a in read.plan.activities())
                assert _derived_findings(read.plan, nomenclature) == [], (seed, dialect)
                assert _derived_findings(read.plan, None) == [], (seed, dialect)
    assert derived > 100  # the exports state sub kegiatan rows only: their parents are derived


@pytest.mark.parametrize("shape", ["leaf", "leaf_kegiatan"])
def test_no_rule_reports_a_derived_parent_of_a_leaf_workbook(tmp_path: Path, shape: str) -> None:
    nomenclature = catalogue()
    derived = 0
    for seed in range(6):
        made = generate_workbook(tmp_path / f"{seed}.xlsx", seed=seed, shape=shape,  # type: ignore[arg-type]
                                 defect_rate="0.3")
        plan = read_workbook(made.path, start_year=made.years[0]).plan
        derived += sum(a.derived for _, a in plan.activities())
        assert _derived_findings(plan, nomenclature) == [], seed
        assert _derived_findings(plan, None) == [], seed
    assert derived > 6


def tc24(subs: list[Activity]) -> list[Activity]:
    return [Activity(s.code, s.level, s.name, indicators=s.indicators, location=s.location,
                     source=Source("T-C.24", s.name or "")) for s in subs]


def test_sub_kegiatan_stated_only_in_tc24_are_one_rs238_finding() -> None:
    nameless = Indicator(None, planned={2025: Quantity(Decimal(3), "unit")})
    only_tc24 = tc24(sub_kegiatan(7))
    with_indicator = tc24(sub_kegiatan(1, indicators=[nameless]))
    plan = plan_of(only_tc24, with_indicator, sub_kegiatan(2, located=[2]))
    found = check(plan, select=["RS231", "RS235", "RS238"])
    assert [(f.rule, str(f.location.code) if f.location.code else None, f.location.path)
            for f in found] == [
        # T-C.24 states no indicator: only the nameless one that this row has is reported
        ("RS231", "1.02.02.2.02.0001", "programs[0].children[1].children[0].indicators[0]"),
        ("RS231", "1.02.02.2.03.0001", "programs[0].children[2].children[0]"),
        ("RS231", "1.02.02.2.03.0002", "programs[0].children[2].children[1]"),
        ("RS235", "1.02.02.2.03.0001", "programs[0].children[2].children[0]"),
        ("RS238", None, "programs"),
    ]
    rs238 = found[-1]
    assert (rs238.severity, rs238.family, rs238.location.table) == (
        Severity.INFO, "missing-value", "T-C.24")
    assert rs238.params["codes"] == [*(f"1.02.02.2.01.{n:04d}" for n in range(1, 8)),
                                     "1.02.02.2.02.0001"]
    assert rs238.message() == (
        "8 sub kegiatan are stated only in T-C.24 and have no T-C.27 row: 1.02.02.2.01.0001, "
        "1.02.02.2.01.0002, 1.02.02.2.01.0003, 1.02.02.2.01.0004, 1.02.02.2.01.0005, …")
    assert rs238.message("id") == (
        "8 sub kegiatan hanya dinyatakan di T-C.24 dan tidak memiliki baris T-C.27: "
        "1.02.02.2.01.0001, 1.02.02.2.01.0002, 1.02.02.2.01.0003, 1.02.02.2.01.0004, "
        "1.02.02.2.01.0005, …")
    (few,) = check(plan_of(tc24(sub_kegiatan(2))), select=["RS238"])
    assert few.params["shown"] == "1.02.02.2.01.0001, 1.02.02.2.01.0002"
    assert check(plan_of(sub_kegiatan(3, located=[1, 2, 3])), select=["RS238"]) == []

"""The model classes: hierarchy and plan-wide invariants, problems with their paths, messages."""

from __future__ import annotations

import datetime as dt
import importlib
import pkgutil
import re
import string
from decimal import Decimal
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

import renstra_model
from checks import build, check_renders, expect_only, expect_problems
from renstra_model import (
    NIL,
    Activity,
    Adoption,
    BudgetLine,
    Code,
    Goal,
    Indicator,
    InvalidPlanError,
    KeyIndicator,
    Level,
    Mission,
    Organisation,
    Period,
    Plan,
    Problem,
    Quantity,
    Resources,
    StaffByGender,
    Target,
    YearMap,
)
from renstra_model.messages import CATALOGUE, LANGS, render
from renstra_model.model.activities import CHILD_LEVEL
from strategies import (
    REGISTERED_TYPES,
    TREE_LEVELS,
    activities,
    codes,
    kegiatan_code,
    minimal_plan,
    periods,
    plans,
    seq,
    sub_kegiatan_code,
)

PLAN_SETTINGS = settings(deadline=None)
TTU = Period(2021, 2022, 2026)


def code(text: str) -> Code:
    return Code.parse(text)


def sub(text: str, name: str = "Sub", **fields: Any) -> Activity:
    return Activity(code(text), Level.SUB_KEGIATAN, name, **fields)


def kegiatan(text: str, *children: Activity, **fields: Any) -> Activity:
    return Activity(code(text), Level.KEGIATAN, "Kegiatan", children=seq(*children), **fields)


def program(text: str, *children: Activity, **fields: Any) -> Activity:
    return Activity(code(text), Level.PROGRAM, "Program", children=seq(*children), **fields)


def plan_with(**fields: Any) -> Plan:
    return attrs.evolve(minimal_plan(TTU), **fields)


# -- invariants of generated objects ---------------------------------------------------------


def _check_tree(activity: Activity) -> int:
    """Assert the hierarchy invariants below *activity*; return the number of activities."""
    assert activity.code.level is activity.level
    assert len({c.code for c in activity.children}) == len(activity.children)
    total = 1
    for child in activity.children:
        assert child.level is CHILD_LEVEL[activity.level]
        assert child.code.is_child_of(activity.code)
        total += _check_tree(child)
    return total


@given(periods().flatmap(activities))
def test_generated_trees_satisfy_the_hierarchy(activity: Activity) -> None:
    assert activity.level in TREE_LEVELS
    count = _check_tree(activity)
    walked = list(activity.walk())
    assert len(walked) == count
    assert walked[0] == ("", activity)
    for path, _ in walked[1:]:
        assert re.fullmatch(r"children\[\d+\](\.children\[\d+\])*", path)


@PLAN_SETTINGS
@given(plans())
def test_generated_plans_satisfy_the_plan_invariants(plan: Plan) -> None:
    program_codes = [p.code for p in plan.programs]
    assert len(set(program_codes)) == len(program_codes)
    for prog in plan.programs:
        assert prog.level is Level.PROGRAM
        _check_tree(prog)
    ids = [ind.id for _, ind in plan.indicators() if ind.id is not None]
    assert len(set(ids)) == len(ids)
    for _, ind in plan.indicators():
        assert set(ind.links) <= set(ids)
    numbers = [m.number for m in plan.missions]
    assert len(set(numbers)) == len(numbers)
    for goal in plan.goals:
        assert not numbers or goal.mission is None or goal.mission in numbers
    # navigation agrees with the tree
    everything = list(plan.activities())
    assert sum(len(plan.activities_at(level)) for level in Level) == len(everything)
    for path, activity in everything:
        assert plan.find(activity.code) is activity
        assert plan.find(activity.code.printed()) is activity
        assert path.startswith("programs[")
    for ident in ids:
        assert plan.indicator(ident).id == ident
    with pytest.raises(KeyError):
        plan.indicator("no such id")


@pytest.mark.parametrize("kind", REGISTERED_TYPES, ids=lambda t: t.__name__)
@settings(max_examples=10, deadline=None)
@given(data=st.data())
def test_registered_strategies_build_instances(kind: type, data: st.DataObject) -> None:
    value = data.draw(st.from_type(kind))
    assert isinstance(value, kind)
    assert value == value


def test_find_unknown_code() -> None:
    plan = plan_with(programs=[program("1.06.01", kegiatan("1.06.01.2.01"))])
    assert plan.find("1 06 01 2.01").code == code("1.06.01.2.01")
    with pytest.raises(KeyError, match=r"1\.06\.02"):
        plan.find("1.6.2")
    with pytest.raises(InvalidPlanError):
        plan.find("not a code")


# -- the activity tree ------------------------------------------------------------------------


def test_valid_tree() -> None:
    tree = program("1.06.04", kegiatan("1.06.04.2.01", sub("1.06.04.2.01.0003"),
                                       sub("1.06.04.2.01.0004")),
                   kegiatan("1.06.04.2.02"))
    assert [p for p, _ in tree.walk()] == [
        "", "children[0]", "children[0].children[0]", "children[0].children[1]", "children[1]"]


def test_sub_kegiatan_not_extending_its_kegiatan() -> None:
    expect_only(
        lambda: kegiatan("1.06.04.2.01", sub("1.06.04.2.02.0001")),
        ("children[0].code", "code.not_child"),
    )


def test_kegiatan_not_extending_its_program() -> None:
    exc = expect_only(
        lambda: program("1.06.04", kegiatan("1.06.01.2.01")),
        ("children[0].code", "code.not_child"),
    )
    assert exc.problems[0].params == {"code": "1.06.01.2.01", "parent": "1.06.04"}


@given(codes(Level.KEGIATAN), codes(Level.SUB_KEGIATAN), st.integers(0, 2))
def test_any_foreign_sub_kegiatan_is_refused(parent: Code, child: Code, position: int) -> None:
    assume(not child.is_child_of(parent))
    own = [Activity(sub_kegiatan_code(parent, n), Level.SUB_KEGIATAN, "s") for n in (1, 2)]
    own = [a for a in own if a.code != child]
    children = [*own[:position], Activity(child, Level.SUB_KEGIATAN, "x"), *own[position:]]
    index = min(position, len(own))
    expect_only(
        lambda: Activity(parent, Level.KEGIATAN, "k", children=seq(*children)),
        (f"children[{index}].code", "code.not_child"),
    )


def test_duplicate_sibling_codes() -> None:
    exc = expect_only(
        lambda: kegiatan("1.06.04.2.01", sub("1.06.04.2.01.0001"), sub("1.06.04.2.01.0002"),
                         sub("1 06 04 2.01 01")),
        ("children[2].code", "code.duplicate"),
    )
    assert exc.problems[0].params["code"] == "1.06.04.2.01.0001"


@given(codes(Level.PROGRAM), st.integers(1, 9), st.integers(1, 99), st.integers(2, 4))
def test_duplicate_kegiatan_is_reported_at_each_repeat(
    parent: Code, kind: int, number: int, copies: int
) -> None:
    child = kegiatan_code(parent, kind, number)
    other = kegiatan_code(parent, kind % 9 + 1, number)
    children = [Activity(other, Level.KEGIATAN, "first")]
    children += [Activity(child, Level.KEGIATAN, f"k{i}") for i in range(copies)]
    exc = expect_problems(lambda: Activity(parent, Level.PROGRAM, "p", children=seq(*children)))
    assert [(p.path, p.key) for p in exc.problems] == [
        (f"children[{i}].code", "code.duplicate") for i in range(2, copies + 1)]


def test_level_must_match_code() -> None:
    exc = expect_only(lambda: Activity(code("1.06.04"), Level.KEGIATAN, "k"),
                      ("level", "code.level"))
    assert exc.problems[0].params == {"code": "1.06.04", "actual": "program",
                                      "expected": "kegiatan"}


def test_children_must_be_one_level_down() -> None:
    expect_only(lambda: program("1.06.04", sub("1.06.04.2.01.0001")),
                ("children[0].level", "level.children"))
    expect_only(lambda: sub("1.06.04.2.01.0001", children=seq(sub("1.06.04.2.01.0002"))),
                ("children[0].level", "level.children"))


def test_children_must_be_activities() -> None:
    expect_only(lambda: build(program, "1.06.04", "1.06.04.2.01"),
                ("children[0]", "structure.type"))


def test_every_tree_problem_is_reported() -> None:
    expect_only(
        lambda: program(
            "1.06.04",
            kegiatan("1.06.05.2.01"),
            sub("1.06.04.2.01.0001"),
            kegiatan("1.06.04.2.02"),
            kegiatan("1.06.04.2.02"),
        ),
        ("children[0].code", "code.not_child"),
        ("children[1].level", "level.children"),
        ("children[3].code", "code.duplicate"),
    )


@pytest.mark.parametrize(
    ("fields", "path", "key"),
    [
        ({"name": ""}, "name", "text.empty"),
        ({"name": 7}, "name", "text.type"),
        ({"unit": " "}, "unit", "text.empty"),
        ({"code": 10604}, "code", "structure.type"),
        ({"code": "1.06.x"}, "code", "code.syntax"),
        ({"level": "program"}, "level", "structure.type"),
        ({"budget": {}}, "budget", "structure.type"),
        ({"indicators": ["x"]}, "indicators[0]", "structure.type"),
    ],
)
def test_activity_field_problems(fields: dict[str, Any], path: str, key: str) -> None:
    base: dict[str, Any] = {"code": code("1.06.04"), "level": Level.PROGRAM, "name": "P"}
    expect_only(lambda: Activity(**{**base, **fields}), (path, key))


# -- money and other fields -----------------------------------------------------------------


def test_float_for_money() -> None:
    expect_only(lambda: build(BudgetLine, planned={2022: 1.5}), ("planned[2022]", "money.type"))
    expect_only(lambda: BudgetLine(realised=YearMap({2023: Decimal("-1")})),
                ("realised[2023]", "money.negative"))
    expect_only(lambda: build(BudgetLine, planned_total=1.5), ("planned_total", "money.type"))


def test_budget_line_accepts_nil_and_half_rupiahs() -> None:
    line = BudgetLine(planned=YearMap({2022: Decimal("4091594846.5"), 2023: NIL}),
                      planned_total=NIL)
    assert line.planned[2023] is NIL
    assert line.planned_total is NIL


@pytest.mark.parametrize(
    ("make", "path", "key"),
    [
        (lambda: build(Mission, 0, "m"), "number", "structure.type"),
        (lambda: build(Mission, True, "m"), "number", "structure.type"),
        (lambda: build(Mission, 1, ""), "text", "text.empty"),
        (lambda: build(Goal, "g", mission=-1), "mission", "structure.type"),
        (lambda: build(Goal, "g", strategies=["ok", ""]), "strategies[1]", "text.empty"),
        (lambda: build(Goal, "g", targets=["t"]), "targets[0]", "structure.type"),
        (lambda: build(Target, "t", indicators=[Target("u")]), "indicators[0]", "structure.type"),
        (lambda: build(Indicator, links=["a", " "]), "links[1]", "text.empty"),
        (lambda: build(Indicator, planned={2022: Decimal(1)}), "planned[2022]", "structure.type"),
        (lambda: build(Indicator, polarity="higher_is_better"), "polarity", "structure.type"),
        (lambda: build(KeyIndicator, 1, "indicator"), "indicator", "structure.type"),
        (lambda: build(StaffByGender, male=-1), "male", "count.negative"),
        (lambda: build(StaffByGender, female=1.0), "female", "count.type"),
        (lambda: build(Resources, assets=[1]), "assets[0]", "structure.type"),
        (lambda: build(Adoption, date=dt.datetime(2021, 9, 9)), "date", "date.type"),
        (lambda: build(Adoption, date="2021-09-09"), "date", "date.type"),
        (lambda: build(Organisation, "o", "r", bidang_urusan=["1.06"]), "bidang_urusan[0]",
         "structure.type"),
        (lambda: build(Organisation, "", "r"), "name", "text.empty"),
        (lambda: build(Plan, "t", Organisation("o", "r"), "2021-2026"), "period", "structure.type"),
        (lambda: plan_with(resources=None), "resources", "structure.type"),
    ],
)
def test_field_problems(make: Any, path: str, key: str) -> None:
    expect_only(make, (path, key))


def test_sequence_field_refuses_text() -> None:
    exc = expect_problems(lambda: build(Goal, "g", strategies="Strategi"))
    assert [p.key for p in exc.problems] == ["structure.type"]


# -- period ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("years", "path", "key"),
    [
        ((2021, 2021, 2026), "", "period.order"),
        ((2022, 2021, 2026), "", "period.order"),
        ((2021, 2022, 2021), "", "period.order"),
        ((2021, 2022, 2032), "", "period.length"),
        ((1800, 2022, 2026), "baseline_year", "year.range"),
        ((2021, 2022, 2300), "last_year", "year.range"),
        ((2021, True, 2026), "first_year", "year.type"),
        ((2021, "2022", 2026), "first_year", "year.type"),
    ],
)
def test_invalid_periods(years: tuple[Any, Any, Any], path: str, key: str) -> None:
    expect_only(lambda: Period(*years), (path, key))


@given(periods())
def test_period_years_and_membership(period: Period) -> None:
    years = period.years
    assert years[0] == period.first_year
    assert years[-1] == period.last_year
    assert list(years) == list(range(period.first_year, period.last_year + 1))
    assert 1 <= len(years) <= 10
    assert period.baseline_year in period
    assert all(y in period for y in years)
    assert period.baseline_year - 1 not in period
    assert period.last_year + 1 not in period
    assert str(period.last_year) not in period


# -- plan-wide checks -----------------------------------------------------------------------


def test_year_outside_the_period_deep_in_the_tree() -> None:
    budget = BudgetLine(planned=YearMap({2026: Decimal(1), 2031: Decimal("4091594846.5")}))
    tree = program("1.06.04", kegiatan("1.06.04.2.01", sub("1.06.04.2.01.0003", budget=budget)))
    exc = expect_only(
        lambda: plan_with(programs=[tree]),
        ("programs[0].children[0].children[0].budget.planned[2031]", "year.outside_period"),
    )
    assert exc.problems[0].params == {"year": 2031, "low": 2021, "high": 2026}


def test_years_outside_the_period_everywhere() -> None:
    ind = Indicator(id="a", planned=YearMap({2020: Quantity(Decimal(1))}),
                    realised=YearMap({2027: Quantity(NIL)}))
    expect_only(
        lambda: plan_with(
            goals=[Goal("g", targets=seq(Target("t", indicators=seq(ind))))],
            total_budget=BudgetLine(realised=YearMap({2040: Decimal(0)})),
            programs=[program("1.06.04", indicators=seq(attrs.evolve(ind, id="b")))],
        ),
        ("goals[0].targets[0].indicators[0].planned[2020]", "year.outside_period"),
        ("goals[0].targets[0].indicators[0].realised[2027]", "year.outside_period"),
        ("programs[0].indicators[0].planned[2020]", "year.outside_period"),
        ("programs[0].indicators[0].realised[2027]", "year.outside_period"),
        ("total_budget.realised[2040]", "year.outside_period"),
    )


@PLAN_SETTINGS
@given(plans(), st.data())
def test_a_problem_added_to_a_valid_plan_is_reported(plan: Plan, data: st.DataObject) -> None:
    """Break one plan-wide rule of a generated plan: exactly that problem is reported."""
    ids = {ind.id: path for path, ind in plan.indicators() if ind.id is not None}
    kinds = ["year", "link"]
    if plan.programs:
        kinds.append("program")
    if ids:
        kinds.append("id")
    if plan.missions:
        kinds.append("mission")
    kind = data.draw(st.sampled_from(kinds), label="kind")
    k = len(plan.key_indicators)
    added = f"key_indicators[{k}].indicator"
    if kind == "year":
        low, high = plan.period.baseline_year, plan.period.last_year
        year = data.draw(st.one_of(
            st.integers(1945, low - 1) if low > 1945 else st.nothing(),
            st.integers(high + 1, 2200) if high < 2200 else st.nothing()), label="year")
        line = plan.total_budget or BudgetLine()
        bad = attrs.evolve(line, realised=YearMap({**line.realised, year: NIL}))
        exc = expect_problems(lambda: attrs.evolve(plan, total_budget=bad))
        expected = [(f"total_budget.realised[{year}]", "year.outside_period")]
    elif kind == "link":
        extra = KeyIndicator(1, Indicator(links=seq("no such id")))
        exc = expect_problems(
            lambda: attrs.evolve(plan, key_indicators=seq(*plan.key_indicators, extra)))
        expected = [(f"{added}.links[0]", "id.unknown_link")]
    elif kind == "program":
        n = len(plan.programs)
        programs = [*plan.programs, plan.programs[0]]
        exc = expect_problems(lambda: attrs.evolve(plan, programs=seq(*programs)))
        expected = [(f"programs[{n}].code", "code.duplicate")]
        # the copy's indicator ids are used twice too
        for path, activity in programs[n].walk(f"programs[{n}]"):
            expected += [(f"{path}.indicators[{j}].id", "id.duplicate")
                         for j, ind in enumerate(activity.indicators) if ind.id is not None]
    elif kind == "id":
        reused = data.draw(st.sampled_from(sorted(ids)), label="id")
        extra = KeyIndicator(1, Indicator(id=reused))
        exc = expect_problems(
            lambda: attrs.evolve(plan, key_indicators=seq(*plan.key_indicators, extra)))
        assert [p.key for p in exc.problems] == ["id.duplicate"]
        # reported at whichever of the two comes later, naming the other as the first
        reported, first = exc.problems[0].path, exc.problems[0].params["first"]
        assert {reported, first + ".id"} == {added + ".id", ids[reused] + ".id"}
        expected = [(reported, "id.duplicate")]
    else:
        unknown = max(m.number for m in plan.missions) + 1
        exc = expect_problems(
            lambda: attrs.evolve(plan, goals=seq(*plan.goals, Goal("g", mission=unknown))))
        expected = [(f"goals[{len(plan.goals)}].mission", "mission.unknown")]
    assert sorted(set(expected)) == sorted({(p.path, p.key) for p in exc.problems})


def test_duplicate_indicator_ids() -> None:
    goals = [Goal("g", targets=seq(Target("t", indicators=seq(Indicator(id="IKU-1")))))]
    exc = expect_only(
        lambda: plan_with(goals=goals, key_indicators=[KeyIndicator(1, Indicator(id="IKU-1"))]),
        ("key_indicators[0].indicator.id", "id.duplicate"),
    )
    assert exc.problems[0].params == {"id": "IKU-1",
                                      "first": "goals[0].targets[0].indicators[0]"}


def test_unknown_link() -> None:
    inds = [KeyIndicator(1, Indicator(id="a", links=seq("a"))),
            KeyIndicator(2, Indicator(id="b", links=seq("a", "c")))]
    exc = expect_only(lambda: plan_with(key_indicators=inds),
                      ("key_indicators[1].indicator.links[1]", "id.unknown_link"))
    assert exc.problems[0].params == {"id": "c"}


def test_link_to_an_indicator_anywhere_resolves() -> None:
    tree = program("1.06.04", kegiatan("1.06.04.2.01", sub(
        "1.06.04.2.01.0001", indicators=seq(Indicator(id="deep", links=seq("top"))))))
    plan = plan_with(programs=[tree], key_indicators=[KeyIndicator(1, Indicator(
        id="top", links=seq("deep")))])
    assert plan.indicator("deep").links == ("top",)


def test_programs_at_the_top() -> None:
    expect_only(lambda: plan_with(programs=[kegiatan("1.06.04.2.01")]),
                ("programs[0].level", "level.top"))


def test_duplicate_programs() -> None:
    expect_only(lambda: plan_with(programs=[program("1.06.04"), program("1.06.01"),
                                            program("1.6.4")]),
                ("programs[2].code", "code.duplicate"))


def test_missions() -> None:
    expect_only(
        lambda: plan_with(missions=[Mission(1, "a"), Mission(2, "b"), Mission(1, "c")],
                          goals=[Goal("g", mission=2), Goal("h", mission=3)]),
        ("missions[2].number", "mission.duplicate"),
        ("goals[1].mission", "mission.unknown"),
    )
    # With no mission stated, a goal may name any.
    assert plan_with(goals=[Goal("g", mission=3)]).goals[0].mission == 3


def test_all_plan_problems_are_reported_at_once() -> None:
    exc = expect_only(
        lambda: plan_with(
            programs=[program("1.06.04", indicators=seq(Indicator(id="x", links=seq("y")))),
                      program("1.06.04")],
            key_indicators=[KeyIndicator(1, Indicator(id="x"))],
            total_budget=BudgetLine(planned=YearMap({2030: Decimal(1)})),
        ),
        ("total_budget.planned[2030]", "year.outside_period"),
        ("programs[1].code", "code.duplicate"),
        ("programs[0].indicators[0].id", "id.duplicate"),
        ("programs[0].indicators[0].links[0]", "id.unknown_link"),
    )
    assert "4 problems found" in str(exc)


# -- problems and messages ------------------------------------------------------------------


def _import_every_module() -> None:
    """Import every module of the package: modules add their messages to the catalogue when
    imported. Modules that need an optional extra that is not installed are skipped."""
    for info in pkgutil.walk_packages(renstra_model.__path__, "renstra_model."):
        if info.name.endswith("__main__"):
            continue
        try:
            importlib.import_module(info.name)
        except ImportError:  # an optional dependency is missing
            continue


_import_every_module()


def _placeholders(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name is not None}


def _sample(spec: str, indexed: bool) -> object:
    """A value of a placeholder with *spec*: a key of its phrase family, a list, a number."""
    if spec.startswith("phrase."):
        family = spec.partition("/")[0] + "."
        return next(k[len(family):] for k in sorted(CATALOGUE) if k.startswith(family))
    if spec.startswith(("list", "plural.")) or spec[-1:] in ("d", "f"):
        return 1 if not spec.startswith("list") else ["x", "y"]
    return ["x", "y"] if indexed else "x"


def _sample_params(template: str) -> dict[str, object]:
    """A value for each placeholder of *template* and of the phrases it names."""
    params: dict[str, object] = {}
    for _, name, spec, _ in string.Formatter().parse(template):
        if name is not None:
            base = re.split(r"[\[.]", name, maxsplit=1)[0]
            params[base] = _sample(spec or "", base != name)
            if spec and spec.startswith(("phrase.", "plural.", "if.")):
                family = spec.partition("/")[0].removeprefix("plural.").removeprefix("if.")
                for key in sorted(CATALOGUE):
                    if key == family or key.startswith(family + "."):
                        params = {**_sample_params(CATALOGUE[key]["en"]), **params}
    return params


@pytest.mark.parametrize("key", sorted(CATALOGUE))
def test_message_exists_in_both_languages(key: str) -> None:
    entry = CATALOGUE[key]
    assert set(entry) == set(LANGS)
    assert _placeholders(entry["id"]) == _placeholders(entry["en"])
    params = _sample_params(entry["en"])
    for lang in LANGS:
        assert entry[lang].strip()
        assert render(key, params, lang)


_KEY_USE = re.compile(
    r'\b(?:fail|Problem|problem|render)\((?:[^()]|\([^()]*\))*?"([a-z_]+\.[a-z_]+)"'
)


def test_every_key_the_library_uses_is_catalogued() -> None:
    source = Path(__file__).resolve().parent.parent / "src" / "renstra_model"
    used: set[str] = set()
    for file in source.rglob("*.py"):
        used.update(_KEY_USE.findall(file.read_text(encoding="utf-8")))
    assert len(used) > 30, sorted(used)
    assert {"money.type", "code.not_child", "json.depth", "format.version"} <= used
    assert used <= set(CATALOGUE), sorted(used - set(CATALOGUE))


def test_problem_describe_and_paths() -> None:
    problem = Problem("planned[2022]", "money.type", {"type": "float"})
    assert problem.describe() == "money must be a Decimal, not float @ planned[2022]"
    assert problem.describe("id") == "nilai uang harus Decimal, bukan float @ planned[2022]"
    assert problem.under("budget").path == "budget.planned[2022]"
    assert Problem("[2022]", "money.type", {"type": "x"}).under("planned").path == "planned[2022]"
    assert Problem("", "money.type", {"type": "x"}).under("a").path == "a"
    assert Problem("", "money.type", {"type": "x"}).describe().endswith(" @ $")
    check_renders(problem)


def test_error_lists_every_problem_in_either_language() -> None:
    exc = InvalidPlanError([Problem("a", "text.empty"), Problem("b", "text.empty")], "f.json")
    assert str(exc) == ("f.json: 2 problems found:\n  text must not be empty @ a\n"
                        "  text must not be empty @ b")
    assert exc.describe("id").startswith("f.json: 2 masalah ditemukan:\n  teks tidak boleh")
    assert [p.path for p in exc.under("x").problems] == ["x.a", "x.b"]
    assert isinstance(exc, ValueError)


def test_budget_parts_lie_within_the_period() -> None:
    from renstra_model import Activity, BudgetLine, Code, Level, Organisation, Period, Plan

    sub = Activity(code=Code.parse("1.02.02.2.01.0001"), level=Level.SUB_KEGIATAN, name="S",
                   budget=BudgetLine(planned={2025: Decimal("3")}),
                   budget_parts=[BudgetLine(planned={2025: Decimal("1")}),
                                 BudgetLine(planned={2031: Decimal("2")})])
    kegiatan = Activity(code=Code.parse("1.02.02.2.01"), level=Level.KEGIATAN, name=None,
                        derived=True, children=[sub])
    program = Activity(code=Code.parse("1.02.02"), level=Level.PROGRAM, name=None,
                       derived=True, children=[kegiatan])
    expect_only(
        lambda: Plan(title=None, organisation=Organisation(None, None),
                     period=Period(2024, 2025, 2029), programs=[program]),
        ("programs[0].children[0].children[0].budget_parts[1].planned[2031]",
         "year.outside_period"),
    )

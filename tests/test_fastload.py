"""The loader's fast path: derived from the model's own statements of its checks, declining
what it cannot prove clean, and failing loudly where it breaks itself."""

from __future__ import annotations

import copy
import json
import os
from decimal import Decimal
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from renstra_model import NIL, BudgetLine, InvalidPlanError, Plan, Quantity, YearMap
from renstra_model.examples import data_path
from renstra_model.io import fastload
from renstra_model.io.converter import structure_plan
from renstra_model.io.scalars import DECIMAL_TEXT
from renstra_model.model._fields import check_positive
from renstra_model.model.plan import _plan_is_sound, _plan_problems
from renstra_model.model.values import ACCEPTS, MAX_MONEY, MAX_TEXT, PLAIN_DIGITS, Accepts

_CHECKS = sorted(ACCEPTS.items(), key=lambda item: item[0].__name__)


def _ttu_body() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(data_path("ttu-dinsos").read_bytes())
    del data["format_version"]
    return data


# -- an error of the fast path itself ---------------------------------------------------------


@pytest.fixture
def broken(monkeypatch: pytest.MonkeyPatch) -> None:
    """A fast path that fails on its own: its year maps are built by a function that breaks."""
    structurer = fastload._FastStructurer()
    function = structurer.function(Plan)

    def of_checked(items: dict[int, object]) -> YearMap[object]:
        raise AttributeError("broken on purpose")

    structurer.namespace["of_checked"] = of_checked
    monkeypatch.setattr(fastload, "_fast", [function])


@pytest.mark.usefixtures("broken")
def test_a_broken_fast_path_fails_loudly_in_the_tests() -> None:
    with pytest.raises(fastload.FastPathError) as info:
        structure_plan(_ttu_body())
    assert isinstance(info.value.__cause__, AttributeError)


@pytest.mark.usefixtures("broken")
@pytest.mark.parametrize("setting", [None, "0", ""])
def test_elsewhere_a_broken_fast_path_warns_and_the_converter_loads(
    monkeypatch: pytest.MonkeyPatch, setting: str | None
) -> None:
    if setting is None:
        monkeypatch.delenv(fastload.STRICT_VARIABLE, raising=False)
    else:
        monkeypatch.setenv(fastload.STRICT_VARIABLE, setting)
    with pytest.warns(RuntimeWarning, match="fast path"):
        plan = structure_plan(_ttu_body())
    fast = fastload._FastStructurer().function(Plan)
    assert plan == fast(_ttu_body())


def test_the_tests_run_the_fast_path_strictly() -> None:
    assert os.environ.get(fastload.STRICT_VARIABLE) not in (None, "", "0")


@pytest.mark.parametrize(
    ("key", "value"),
    [("title", 7), ("vision", " "), ("period", {"baseline_year": 2021}), ("programs", [[]]),
     ("goals", [{"text": "g", "mission": 0}]), ("extra", 1)],
)
def test_data_it_declines_goes_to_the_converter_even_when_strict(key: str, value: object) -> None:
    body = _ttu_body()
    body[key] = value
    with pytest.raises(fastload._DECLINED):
        fastload._FastStructurer().function(Plan)(body)
    with pytest.raises(InvalidPlanError) as info:
        structure_plan(body)
    assert info.value.problems


def test_an_unknown_enum_value_is_declined() -> None:
    body = _ttu_body()
    body["programs"][0]["level"] = ["not", "hashable"]
    assert fastload.load_fast(body) is None
    body["programs"][0]["level"] = "nowhere"
    assert fastload.load_fast(body) is None


# -- the common case of each check, stated once ------------------------------------------------

_ANYTHING = st.one_of(
    st.none(), st.booleans(), st.integers(-5, 5), st.integers(), st.just(NIL),
    st.decimals(allow_nan=True, allow_infinity=True),
    st.decimals(min_value=-MAX_MONEY * 2, max_value=MAX_MONEY * 2, places=2),
    st.sampled_from([Decimal("-0"), Decimal("1E+3"), Decimal("1.000"), Decimal("1." + "0" * 25),
                     MAX_MONEY, MAX_MONEY + 1, Decimal("sNaN")]),
    st.text(), st.sampled_from(["", " ", "\u3000", "a\ud800", "x" * MAX_TEXT, "y" * 20_001]),
    st.tuples(), st.tuples(st.integers()), st.builds(Quantity, st.just(NIL)),
)


@pytest.mark.parametrize(("check", "accepts"), _CHECKS, ids=[c.__name__ for c, _ in _CHECKS])
@given(value=_ANYTHING)
def test_a_value_of_the_common_case_passes_the_check(
    check: Any, accepts: Accepts, value: object
) -> None:
    if accepts.test(value):
        check(value)  # does not raise


@pytest.mark.parametrize(("check", "accepts"), _CHECKS, ids=[c.__name__ for c, _ in _CHECKS])
@given(value=_ANYTHING)
def test_the_inline_test_is_the_compiled_one(check: Any, accepts: Accepts, value: object) -> None:
    namespace = {**accepts.namespace(), "value": value}
    assert eval(accepts.inline("value"), namespace) == accepts.test(value)


@given(text=st.from_regex(DECIMAL_TEXT, fullmatch=True))
def test_a_built_decimal_needs_no_test_of_its_type_or_syntax(text: str) -> None:
    value = Decimal(text)
    for _, accepts in _CHECKS:
        if accepts.kind is Decimal:
            namespace = {**accepts.namespace(), "value": value}
            assert eval(accepts.inline("value", built=True), namespace) == accepts.test(value)


@given(digits=st.from_regex(rf"[0-9]{{1,{PLAIN_DIGITS}}}", fullmatch=True))
def test_every_plain_decimal_passes_the_checks_that_say_so(digits: str) -> None:
    value = Decimal(digits)
    plain = [(check, accepts) for check, accepts in _CHECKS if accepts.plain]
    assert len(plain) == 4  # money and numbers, with and without nil
    for check, accepts in plain:
        assert accepts.test(value)
        assert check(value) is value


def test_every_check_of_the_model_states_its_common_case() -> None:
    assert check_positive in ACCEPTS
    assert {check.__name__ for check in ACCEPTS} >= {
        "check_text", "check_money", "check_money_cell", "check_number", "check_number_cell",
        "check_count", "check_positive",
    }


# -- the checks of a plan as a whole, stated once ---------------------------------------------


def _with(plan: Plan, **fields: object) -> Plan:
    """*plan* with *fields* set, unchecked (as a plan that fails its checks would be)."""
    changed = copy.copy(plan)
    for name, value in fields.items():
        object.__setattr__(changed, name, value)
    return changed


@pytest.mark.parametrize(
    "fields",
    [{}, {"total_budget": BudgetLine(planned=YearMap({2030: Decimal(1), 2031: Decimal(2)}))},
     {"programs": ()}, {"missions": ()}],
)
def test_the_sound_test_is_the_problem_list_without_paths(fields: dict[str, object]) -> None:
    plan = _with(structure_plan(_ttu_body()), **fields)
    named = list(_plan_problems(plan))
    unnamed = list(_plan_problems(plan, named=False))
    assert [p.key for p in unnamed] == [p.key for p in named]
    assert _plan_is_sound(plan) == (not named)


def test_a_plan_with_problems_is_not_sound() -> None:
    plan = structure_plan(_ttu_body())
    last = len(plan.programs)
    bad = _with(plan, programs=(*plan.programs, plan.programs[0]),
                total_budget=BudgetLine(planned=YearMap({2030: Decimal(1)})))
    assert not _plan_is_sound(bad)
    problems = [(p.path, p.key) for p in _plan_problems(bad)]
    assert problems[:2] == [("total_budget.planned[2030]", "year.outside_period"),
                            (f"programs[{last}].code", "code.duplicate")]
    assert {key for _, key in problems[2:]} <= {"id.duplicate"}

"""One load reports every bad field of every object, each with its path, and one problem per
cause: a field its type refuses, a field its check refuses, an unknown key, at any depth."""

from __future__ import annotations

import copy
import datetime as dt
import enum
import json
import types
import typing
from collections.abc import Iterator, Mapping
from decimal import Decimal
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from renstra_model import InvalidPlanError, Plan, loads
from renstra_model.cli import EXIT_INPUT, main
from renstra_model.errors import Problem
from renstra_model.examples import ttu_dinsos
from renstra_model.io.serialization import dumps, from_data, to_data
from renstra_model.model.codes import Code
from renstra_model.model.series import YearMap
from renstra_model.model.values import VALUE_CHECKS, Nil, check_money, check_money_cell
from strategies import plans


def _problems(data: object) -> list[tuple[str, str, dict[str, Any]]]:
    with pytest.raises(InvalidPlanError) as caught:
        from_data(data)
    return [(p.path, p.key, dict(p.params)) for p in caught.value.problems]


def _broken() -> dict[str, Any]:
    """The TTU plan with 5 bad fields in 3 objects: the plan, a kegiatan, its budget."""
    data = to_data(ttu_dinsos())
    data["title"] = 2021  # a number for text
    data["colour"] = "red"  # an unknown key
    kegiatan = data["programs"][0]["children"][1]
    kegiatan["name"] = ""  # text the check refuses
    kegiatan["budget"]["planned"]["2023"] = "-190785000"  # negative money
    kegiatan["budget"]["planned"]["2024"] = "NaN"
    return data


FIVE = [
    ("title", "text.type", {"type": "JSON number"}),
    ("programs[0].children[1].name", "text.empty", {}),
    ("programs[0].children[1].budget.planned[2024]", "number.not_finite", {"value": "NaN"}),
    ("programs[0].children[1].budget.planned[2023]", "money.negative",
     {"value": "-190785000"}),
    ("", "structure.unknown_key", {"key": "colour"}),
]


def test_five_bad_fields_in_three_objects_are_five_problems() -> None:
    assert _problems(_broken()) == FIVE


def test_the_message_lists_the_five_in_both_languages() -> None:
    with pytest.raises(InvalidPlanError) as caught:
        loads(json.dumps(_broken()), source="broken.json")
    assert str(caught.value).splitlines() == [
        "broken.json: 5 problems found:",
        "  expected text, not JSON number @ title",
        "  text must not be empty @ programs[0].children[1].name",
        "  a number must be finite, not NaN @ programs[0].children[1].budget.planned[2024]",
        "  money must not be negative (-190785000) @ programs[0].children[1].budget.planned[2023]",
        "  unknown key 'colour' @ $",
    ]
    assert caught.value.describe("id").splitlines()[0] == "broken.json: 5 masalah ditemukan:"


def test_renstra_check_prints_every_problem_of_a_broken_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "broken.json"
    path.write_text(json.dumps(_broken()), encoding="utf-8")
    assert main(["check", str(path), "--lang", "en"]) == EXIT_INPUT
    captured = capsys.readouterr()
    assert captured.out == ""
    lines = captured.err.splitlines()
    assert lines[0] == f"{path}: 5 problems found:"
    assert [line.rsplit(" @ ", 1)[1] for line in lines[1:]] == [p for p, _, _ in FIVE[:4]] + ["$"]


def test_a_bad_field_gives_no_follow_on_problem_of_its_parents() -> None:
    data = to_data(ttu_dinsos())
    sub = data["programs"][0]["children"][1]["children"][0]
    sub["code"] = "1.06.02.2.05.0005"  # a good code, not under its kegiatan's: the tree's
    assert _problems(data) == [
        ("programs[0].children[1].children[0].code", "code.not_child",
         {"code": "1.06.02.2.05.0005", "parent": "1.06.01.2.05"}),
    ]
    sub["code"] = 106  # the code itself is bad: only that, not also the tree's problem
    assert _problems(data) == [("programs[0].children[1].children[0].code", "code.type",
                                {"type": "JSON number"})]


def test_an_invariant_is_tested_once_every_field_of_its_object_is_good() -> None:
    data = to_data(ttu_dinsos())
    data["period"]["first_year"] = 2020  # before the baseline: the period's own invariant
    assert _problems(data) == [
        ("period", "period.order", {"baseline": 2021, "first": 2020, "last": 2026}),
    ]
    data["period"]["last_year"] = "2026"  # a bad field: the invariant waits for it
    assert _problems(data) == [
        ("period.last_year", "structure.type",
         {"expected": "a whole number", "type": "JSON string"}),
    ]


def test_a_year_map_with_a_bad_item_still_checks_its_other_items() -> None:
    data = to_data(ttu_dinsos())
    planned = data["total_budget"]["planned"]
    planned["2022"], planned["2023"], planned["2024"] = "-1", 5, "-2"
    data["legal_basis"][0] = 7
    data["legal_basis"][1] = " "
    assert _problems(data) == [
        ("legal_basis[0]", "text.type", {"type": "JSON number"}),
        ("legal_basis[1]", "text.empty", {}),
        ("total_budget.planned[2023]", "number.text", {"type": "JSON number"}),
        ("total_budget.planned[2022]", "money.negative", {"value": "-1"}),
        ("total_budget.planned[2024]", "money.negative", {"value": "-2"}),
    ]


def test_a_missing_field_and_a_bad_one_are_both_reported() -> None:
    data = to_data(ttu_dinsos())
    del data["organisation"]["name"]
    data["organisation"]["region"] = ["Kabupaten"]
    del data["period"]
    assert _problems(data) == [
        ("organisation.name", "structure.missing", {}),
        ("organisation.region", "text.type", {"type": "JSON array"}),
        ("period", "structure.missing", {}),
    ]


# -- any k corrupted leaves are k problems at their paths ---------------------------------------


@attrs.frozen
class Leaf:
    """A place in a plan's JSON: the path a problem names, the container and key holding it,
    what the model reads there, and whether the field's check is that of money."""

    path: str
    holder: Any
    key: Any
    kind: str
    money: bool = False


def _leaves(value: Any, tp: Any, path: str, holder: Any, key: Any,
            check: Any = None) -> Iterator[Leaf]:
    """Every leaf of *value* (read as *tp*), and every object as a place for an unknown key."""
    union = typing.get_origin(tp) in (typing.Union, types.UnionType)
    args = [a for a in typing.get_args(tp) if a is not type(None)] if union else []
    if args:
        if value is None or value == "-":
            return  # null, a stated nil: no leaf to corrupt
        (tp,) = [a for a in args if a is not Nil]
    origin = typing.get_origin(tp)
    if tp is Code:  # an attrs class, read from text
        yield Leaf(path, holder, key, "scalar")
    elif isinstance(tp, type) and attrs.has(tp):
        yield Leaf(path, value, None, "object")
        hints = typing.get_type_hints(tp)
        for field in attrs.fields(tp):
            if field.name in value:
                found = VALUE_CHECKS.get(field.validator) if field.validator else None
                sub = f"{path}.{field.name}" if path else field.name
                yield from _leaves(value[field.name], hints[field.name], sub, value, field.name,
                                   found.check if found else None)
    elif origin is tuple:
        for index, item in enumerate(value):
            yield from _leaves(item, typing.get_args(tp)[0], f"{path}[{index}]", value, index,
                               check)
    elif origin is YearMap:
        for year, item in value.items():
            yield from _leaves(item, typing.get_args(tp)[0], f"{path}[{year}]", value, year,
                               check)
    elif origin is Mapping:  # the parameters of a reading note: text to text
        return
    elif tp is Decimal:
        yield Leaf(path, holder, key, "decimal", check in (check_money, check_money_cell))
    elif tp in (str, int, bool, Code, dt.date) or (isinstance(tp, type)
                                                  and issubclass(tp, enum.Enum)):
        yield Leaf(path, holder, key, "bool" if tp is bool else "scalar")
    else:  # pragma: no cover - a type of the model this walk does not know
        raise AssertionError(tp)


def _corruptions(leaf: Leaf) -> list[str]:
    if leaf.kind == "object":
        return ["unknown"]
    found = ["type"]
    if leaf.kind == "decimal":
        found.append("nan")
        if leaf.money:
            found.append("negative")
    return found


def _corrupt(leaf: Leaf, how: str) -> tuple[str, str | None]:
    """Corrupt *leaf* in place; the path and (where one cause has one key) the key of the
    problem it is."""
    if how == "unknown":
        leaf.holder["zz_unknown"] = 1
        return leaf.path, "structure.unknown_key"
    if how == "nan":
        leaf.holder[leaf.key] = "NaN"
        return leaf.path, "number.not_finite"
    if how == "negative":
        leaf.holder[leaf.key] = "-5"
        return leaf.path, "money.negative"
    original = leaf.holder[leaf.key]
    leaf.holder[leaf.key] = "yes" if isinstance(original, (bool, int)) else 5
    return leaf.path, None


@st.composite
def corrupted(draw: st.DrawFn) -> tuple[dict[str, Any], list[tuple[str, str | None]]]:
    plan = draw(st.one_of(st.just(ttu_dinsos()), plans()))
    data = to_data(plan)
    body = {k: v for k, v in data.items() if k != "format_version"}
    leaves = list(_leaves(body, Plan, "", None, None))
    chosen = draw(st.lists(st.sampled_from(leaves), min_size=1, max_size=6,
                           unique_by=lambda leaf: leaf.path))
    expected = [_corrupt(leaf, draw(st.sampled_from(_corruptions(leaf)))) for leaf in chosen]
    body["format_version"] = data["format_version"]
    return body, expected


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(corrupted())
def test_k_corrupted_leaves_are_k_problems_at_their_paths(
    case: tuple[dict[str, Any], list[tuple[str, str | None]]],
) -> None:
    data, expected = case
    with pytest.raises(InvalidPlanError) as caught:
        from_data(copy.deepcopy(data))
    found: list[Problem] = list(caught.value.problems)
    assert sorted(p.path for p in found) == sorted(path for path, _ in expected)
    keys = dict(expected)
    for problem in found:
        if keys[problem.path] is not None:
            assert problem.key == keys[problem.path]


def test_a_valid_plan_still_loads_whole() -> None:
    plan = ttu_dinsos()
    assert loads(dumps(plan)) == plan

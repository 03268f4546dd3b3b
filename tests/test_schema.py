"""The JSON Schema of plan files (``renstra_model.io.schema``, ``renstra schema``).

The schema is generated from the model, and what it accepts is a superset of what the reader
accepts: every plan file the library writes validates (the TTU plan, a generated corpus,
hypothesis plans), every value pattern agrees with the reader exactly, ``null`` is allowed
exactly where the reader takes it, and every structural error of the hostile corpus is
refused by the schema too. The hostile files it cannot refuse are listed with the reason.
"""

from __future__ import annotations

import copy
import functools
import json
import re
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from jsonschema import Draft202012Validator
from jsonschema.exceptions import ValidationError
from jsonschema.validators import extend

from renstra_model import InvalidPlanError, Plan, PlanFileError, loads
from renstra_model.cli import EXIT_INPUT, EXIT_OK, main
from renstra_model.io.converter import converter
from renstra_model.io.scalars import structure_decimal
from renstra_model.io.schema import (
    DIALECT,
    REFINES,
    SCALARS,
    SCHEMA_ID,
    decimal_pattern,
    definitions,
    digits_between,
    plan_schema,
    value_check_of,
)
from renstra_model.io.serialization import from_data, parse_json, to_data
from renstra_model.model import BudgetLine, Code, Quantity, YearMap
from renstra_model.model._fields import checked, each_year, instances, texts, to_tuple
from renstra_model.model.indicators import _quantity
from renstra_model.model.series import YEAR_MAX, YEAR_MIN, to_year_map
from renstra_model.model.values import (
    VALUE_CHECKS,
    Count,
    MoneyCell,
    _check_also,
    check_count,
    check_money_cell,
    check_number_cell,
)
from renstra_model.synthetic import corpus
from strategies import codes_with_forms, plans
from test_hostile import HOSTILE, JSON_CORPUS

ROOT = Path(__file__).resolve().parents[1]
TTU_FILE = ROOT / "examples" / "ttu_dinsos" / "ttu_dinsos.json"
SCHEMA = plan_schema()
DEFS = SCHEMA["$defs"]


@functools.cache
def ecma(pattern: str) -> re.Pattern[str]:
    """*pattern* as JSON Schema reads it (ECMA 262): ``$`` is the end of the text, where
    Python's ``$`` also matches before a final newline."""
    return re.compile(re.sub(r"(?<!\\)\$", r"\\Z", pattern))


def ecma_pattern(validator: Any, pattern: str, instance: object, schema: Any,
                 ) -> Iterator[ValidationError]:
    if isinstance(instance, str) and not ecma(pattern).search(instance):
        yield ValidationError(f"{instance!r} does not match {pattern!r}")


Validator = extend(Draft202012Validator, {"pattern": ecma_pattern})  # type: ignore[no-untyped-call]
VALIDATOR = Validator(SCHEMA)


def validator_of(node: dict[str, Any]) -> Any:
    """A validator of the part *node* of the schema (its references resolve in the schema)."""
    return Validator({"$schema": DIALECT, "$defs": DEFS, **node})


def leaves(error: ValidationError) -> Iterator[ValidationError]:
    """The innermost errors under *error* (the failures inside ``anyOf``)."""
    if not error.context:
        yield error
    for sub in error.context:
        yield from leaves(sub)


def deepest(data: object) -> list[tuple[str, str]]:
    """Where and by which keyword the schema refuses *data*: the innermost errors at the
    deepest place, as (JSON path, keyword), sorted."""
    found = [leaf for error in VALIDATOR.iter_errors(data) for leaf in leaves(error)]
    if not found:
        return []
    depth = max(len(leaf.absolute_path) for leaf in found)
    return sorted({(leaf.json_path, str(leaf.validator)) for leaf in found
                   if len(leaf.absolute_path) == depth})


# -- the schema itself --------------------------------------------------------------------------


def test_the_schema_is_a_draft_2020_12_schema_of_this_format() -> None:
    Draft202012Validator.check_schema(SCHEMA)
    assert SCHEMA["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert SCHEMA["$id"] == SCHEMA_ID == "urn:renstra-model:plan-file:1"
    assert SCHEMA["title"] == "Renstra plan file, format version 1"
    assert "renstra-model 0.1.0.dev0" in SCHEMA["description"]
    assert SCHEMA["$ref"] == "#/$defs/Plan"
    assert DEFS["Plan"]["properties"]["format_version"] == {"const": 1}
    assert DEFS["Plan"]["required"] == ["format_version", "title", "organisation", "period"]
    assert plan_schema() == SCHEMA  # stable: generated the same each time


MODEL_CLASSES = [
    "Activity", "Adoption", "Asset", "BudgetLine", "BudgetRow", "Goal", "Indicator",
    "KeyIndicator", "Mission", "Official", "Organisation", "PerformanceRow", "Period", "Plan",
    "ProblemRow", "ProblemTable", "Quantity", "ReadingNote", "Resources", "SocialWorkers",
    "Source", "StaffByGender", "StaffByGrade", "Target",
]


def model_class(name: str) -> type:
    import renstra_model.model as model

    cls = getattr(model, name)
    assert attrs.has(cls)
    return cls


@pytest.mark.parametrize("name", MODEL_CLASSES)
def test_every_field_of_every_model_class_is_in_the_schema(name: str) -> None:
    cls = model_class(name)
    schema = DEFS[name]
    fields = attrs.fields(cls)
    extra = ["format_version"] if cls is Plan else []
    assert list(schema["properties"]) == extra + [f.name for f in fields]
    assert schema["required"] == extra + [f.name for f in fields if f.default is attrs.NOTHING]
    assert schema["additionalProperties"] is False
    assert schema["type"] == "object"


def test_the_definitions_are_the_model_classes_and_the_values() -> None:
    assert list(DEFS) == [*MODEL_CLASSES, "Money", "Number", "Nil", "Text", "Code", "Date"]


@attrs.frozen
class Sample:
    """A class made here: its schema follows from its fields.

    Not the first paragraph."""

    code: Code = attrs.field(validator=instances(Code))
    pagu: YearMap[MoneyCell] = attrs.field(
        factory=YearMap, converter=to_year_map, validator=each_year(check_money_cell))
    ratio: Decimal | None = attrs.field(
        default=None, validator=checked(check_number_cell, optional=True))
    notes: tuple[str, ...] = attrs.field(default=(), converter=to_tuple, validator=texts)
    count: Count | None = attrs.field(default=None, validator=checked(check_count, optional=True))
    cells: tuple[Quantity, ...] = ()
    flag: bool = False


def test_a_class_schema_follows_from_its_fields() -> None:
    years = {"pattern": "^(?:19(?:4[5-9]|[5-9][0-9])|2(?:[01][0-9]{2}|200))$",
             "maxLength": 4}
    defs = definitions(Sample)
    assert list(defs) == ["Quantity", "Sample", "Money", "Number", "Nil", "Text", "Code"]
    assert defs["Sample"] == {
        "description": "A class made here: its schema follows from its fields.",
        "type": "object",
        "properties": {
            "code": {"$ref": "#/$defs/Code"},
            "pagu": {"type": "object", "propertyNames": years,
                     "additionalProperties": {"anyOf": [{"$ref": "#/$defs/Money"},
                                                        {"$ref": "#/$defs/Nil"}]}},
            "ratio": {"anyOf": [{"$ref": "#/$defs/Number"}, {"type": "null"}]},
            "notes": {"type": "array", "items": {"$ref": "#/$defs/Text"}},
            "count": {"anyOf": [{"type": "integer", "minimum": 0}, {"$ref": "#/$defs/Nil"},
                                {"type": "null"}]},
            "cells": {"type": "array", "items": {"$ref": "#/$defs/Quantity"}},
            "flag": {"type": "boolean"},
        },
        "required": ["code"],
        "additionalProperties": False,
    }
    assert defs["Quantity"] == DEFS["Quantity"]


def model_checks() -> set[Any]:
    """The check of every validator of every field of the model's classes."""
    found = set()
    for name in MODEL_CLASSES:
        for field in attrs.fields(model_class(name)):
            check = value_check_of(field.validator)
            if check is not None:
                found.add(check)
    return found


BEYOND_THE_VALUE: dict[Any, str] = {
    _quantity: "a type test: the field's type states it",
    _check_also: "a further figure states no further figures: a rule across two levels",
}
"""The checks of the model that the schema does not map to a schema of the value."""


def test_every_check_of_the_model_is_mapped_or_known_to_be_beyond_the_schema() -> None:
    assert model_checks() == set(REFINES) | set(BEYOND_THE_VALUE)
    assert not set(REFINES) & set(BEYOND_THE_VALUE)
    assert set(REFINES) <= {check.check for check in VALUE_CHECKS.values()}


# -- plan files the library writes validate -------------------------------------------------------


def test_the_ttu_plan_file_is_valid() -> None:
    data = json.loads(TTU_FILE.read_text(encoding="utf-8"))
    assert list(VALIDATOR.iter_errors(data)) == []


@pytest.mark.parametrize(("seed", "rate"), [(3, "0"), (11, "0.5")])
def test_every_plan_of_a_generated_corpus_is_valid(seed: int, rate: str) -> None:
    generated = list(corpus(30, seed=seed, defect_rate=rate))
    assert len(generated) == 30
    for one in generated:
        assert list(VALIDATOR.iter_errors(one.data)) == [], one.path
        assert isinstance(from_data(one.data), Plan)  # and the reader takes it


@settings(deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                HealthCheck.data_too_large])
@given(plans())
def test_hypothesis_plans_written_by_the_converter_are_valid(plan: Plan) -> None:
    data = json.loads(json.dumps(to_data(plan)))
    assert list(VALIDATOR.iter_errors(data)) == []


# -- the patterns agree with the reader ---------------------------------------------------------


def reader_takes(value: str, check: Any) -> bool:
    try:
        check(structure_decimal(value, Decimal))
    except InvalidPlanError:
        return False
    return True


_NEAR_DECIMALS = st.builds(
    lambda sign, lead, digits, point, fraction, blank: (
        f"{blank}{sign}{'0' * lead}{digits}{point}{fraction}{blank}"),
    st.sampled_from(["", "-", "+"]), st.integers(0, 30),
    st.text("0123456789", max_size=18), st.sampled_from(["", ".", ","]),
    st.text("0123456789", max_size=23), st.sampled_from(["", " ", "\t", "\n", "\xa0"]),
)
_DECIMAL_LIKE = st.one_of(_NEAR_DECIMALS, st.text("0123456789.-+eE x\t\u2003", max_size=45))


@given(_DECIMAL_LIKE)
@example("1000000000000000")
@example("1000000000000000.00")
@example("1000000000000000.01")
@example("999999999999999.99")
@example("0" * 24 + "1" + "0" * 15)
@example("0" * 25 + "1" + "0" * 15)
@example("-0")
@example("12.50000000000000000000")
@example("12.500000000000000000000")
@example("12.505")
@example("NaN")
def test_the_money_pattern_is_what_the_reader_takes(text: str) -> None:
    money = validator_of({"$ref": "#/$defs/Money"})
    assert money.is_valid(text) is reader_takes(text, check_money_cell)


@given(_DECIMAL_LIKE)
@example("-1000000000000000.0")
@example("-1000000000000000.1")
@example("1." + "5" * 20)
@example("1." + "5" * 21)
@example("9" * 15 + ".125")
@example("Infinity")
def test_the_number_pattern_is_what_the_reader_takes(text: str) -> None:
    number = validator_of({"$ref": "#/$defs/Number"})
    assert number.is_valid(text) is reader_takes(text, check_number_cell)


def test_a_decimal_limit_is_a_power_of_ten() -> None:
    with pytest.raises(ValueError, match="not a power of ten"):
        decimal_pattern(limit=Decimal(999), places=2, signed=False)


def parses(text: str) -> bool:
    try:
        Code.parse(text)
    except InvalidPlanError:
        return False
    return True


@given(st.one_of(
    codes_with_forms().map(lambda pair: pair[1]),
    st.text("0123456789.xX \t\n\u2003", max_size=70),
    codes_with_forms().map(lambda pair: pair[1] + ".1"),
))
@example("1.06.04.2.01.0003")
@example("1 06 04 2.01 03")
@example("X.XX.01.2.08.0001")
@example("x.xx.01")
@example("X.06.01")
@example("1.XX.01")
@example("X")
@example("1.06.04.2")
@example("1.00.04")
@example("." * 60 + "1.06")
@example(" " * 70 + "1")
def test_the_code_pattern_is_what_the_reader_takes(text: str) -> None:
    assert validator_of(SCALARS["Code"]).is_valid(text) is parses(text)


def reader_takes_year(key: str) -> bool:
    from cattrs.errors import BaseValidationError

    try:
        converter.structure({"planned": {key: "1"}}, BudgetLine)
    except (InvalidPlanError, BaseValidationError):
        return False
    return True


YEAR_MAP = DEFS["BudgetLine"]["properties"]["planned"]


@given(st.one_of(st.integers(0, 99_999).map(str), st.text("0123456789x \n", max_size=6)))
@example("1944")
@example("1945")
@example("2200")
@example("2201")
@example("02022")
@example("2022\n")
def test_the_year_keys_are_what_the_reader_takes(key: str) -> None:
    assert validator_of(YEAR_MAP).is_valid({key: "1"}) is reader_takes_year(key)


def test_digits_between_matches_exactly_the_numbers_between() -> None:
    for low, high in [(YEAR_MIN, YEAR_MAX), (1000, 9999), (1999, 2000), (0, 9), (305, 871)]:
        width = len(str(low))
        pattern = re.compile(digits_between(low, high))
        assert [n for n in range(10 ** width) if pattern.fullmatch(str(n).zfill(width))] == (
            list(range(low, high + 1)))
    with pytest.raises(ValueError, match="not of one width"):
        digits_between(99, 100)


# -- null, where the reader takes it ----------------------------------------------------------


def resolved(node: dict[str, Any]) -> dict[str, Any]:
    while "$ref" in node:
        target: dict[str, Any] = DEFS[node["$ref"].rsplit("/", 1)[1]]
        node = target
    return node


Steps = tuple[str | int, ...]


def places(data: object, node: dict[str, Any], steps: Steps = (), path: str = "",
           ) -> Iterator[tuple[str, str, Steps, str]]:
    """Every (class, field, steps, path) of an object of *data* that the schema *node*
    describes as a class of the model: the keys that lead to the field, and its path as the
    reader names it."""
    node = resolved(node)
    for branch in node.get("anyOf", ()):
        if resolved(branch).get("type") == ("object" if isinstance(data, dict) else "array"):
            yield from places(data, branch, steps, path)
    if isinstance(data, list) and "items" in node:
        for i, item in enumerate(data):
            yield from places(item, node["items"], (*steps, i), f"{path}[{i}]")
    if isinstance(data, dict) and "properties" in node:
        name = next(key for key, value in DEFS.items() if value is node)
        for key, value in data.items():
            here = f"{path}.{key}" if path else key
            yield name, key, (*steps, key), here
            yield from places(value, node["properties"][key], (*steps, key), here)
    elif isinstance(data, dict) and isinstance(node.get("additionalProperties"), dict):
        for key, value in data.items():
            yield from places(value, node["additionalProperties"], (*steps, key),
                              f"{path}[{key}]")


def set_at(data: Any, steps: Steps, value: object) -> None:
    *upper, last = steps
    for step in upper:
        data = data[step]
    data[last] = value


def nullable(name: str, field: str) -> bool:
    schema = DEFS[name]["properties"][field]
    return {"type": "null"} in schema.get("anyOf", ())


TTU_DATA = json.loads(TTU_FILE.read_text(encoding="utf-8"))


def every_field() -> dict[str, Any]:
    """The TTU plan file with a value for each field it leaves out (a reading note, a part
    of a budget, a further target…): every field of every class of the model is in it."""
    data: dict[str, Any] = copy.deepcopy(TTU_DATA)
    data["reading"] = [{"sheet": "T-C.27", "row": 12, "column": "H", "key": "excel.formula",
                        "params": {"formula": "=SUM(H13:H14)"}, "value": "=SUM(H13:H14)",
                        "heading": "TAHUN 2025 Rp.", "reading": "noted"}]
    data["key_indicators"][0]["indicator"].update(
        unit="KPM", polarity="lower_is_better", aggregation="stated")
    target = {"amount": "100", "unit": "%"}
    data["service_performance"][0].update(nspk_target=target, other_target=target)
    sub = data["programs"][0]["children"][0]["children"][0]
    sub["budget_parts"] = [{**sub["budget"], "source": {"table": "T-C.27", "row": "12"}}]
    sub["derived"] = False
    data["resources"]["assets"][0]["is_total"] = False
    return data


FULL_DATA = every_field()
FIRST_PLACES = {(name, field): (steps, path) for name, field, steps, path in
                reversed(list(places(FULL_DATA, SCHEMA)))}
"""The first place in :data:`FULL_DATA` of each field of each class of the model."""


def test_the_plan_of_every_field_is_valid_and_holds_every_field() -> None:
    assert list(VALIDATOR.iter_errors(FULL_DATA)) == []
    assert isinstance(from_data(FULL_DATA), Plan)
    every = {(name, field) for name in MODEL_CLASSES for field in DEFS[name]["properties"]}
    assert set(FIRST_PLACES) == every
    assert len(every) == 154


def test_null_everywhere_the_schema_allows_it_is_read_as_absent() -> None:
    data = copy.deepcopy(FULL_DATA)
    nulled = sorted((steps for (name, field), (steps, _) in FIRST_PLACES.items()
                     if nullable(name, field)), key=len, reverse=True)
    for steps in nulled:
        set_at(data, steps, None)
    assert len(nulled) == 85
    assert list(VALIDATOR.iter_errors(data)) == []
    assert isinstance(from_data(data), Plan)


@pytest.mark.parametrize(
    "place", sorted(place for place in FIRST_PLACES if not nullable(*place)))
def test_null_where_the_schema_refuses_it_the_reader_refuses_too(
        place: tuple[str, str]) -> None:
    steps, path = FIRST_PLACES[place]
    data = copy.deepcopy(FULL_DATA)
    set_at(data, steps, None)
    assert not VALIDATOR.is_valid(data)
    with pytest.raises(InvalidPlanError) as caught:
        from_data(data)
    assert any(p.path == path or (path == "format_version" and p.path == path)
               for p in caught.value.problems), caught.value.describe()


# -- the hostile corpus ---------------------------------------------------------------------------

SUB = "$.programs[0].children[0].children[0]"
REFUSED: dict[str, list[tuple[str, str]]] = {
    "float_money.json": [(f"{SUB}.budget.planned['2022']", "const"),
                         (f"{SUB}.budget.planned['2022']", "type")],
    "huge_amount.json": [(f"{SUB}.budget.planned['2022']", "const"),
                         (f"{SUB}.budget.planned['2022']", "pattern")],
    "negative_money.json": [(f"{SUB}.budget.planned['2022']", "const"),
                            (f"{SUB}.budget.planned['2022']", "pattern")],
    "three_decimals.json": [(f"{SUB}.budget.planned['2022']", "const"),
                            (f"{SUB}.budget.planned['2022']", "pattern")],
    "padded_money.json": [(f"{SUB}.budget.planned['2022']", "const"),
                          (f"{SUB}.budget.planned['2022']", "pattern")],
    "trailing_space.json": [(f"{SUB}.budget.planned['2022']", "const"),
                            (f"{SUB}.budget.planned['2022']", "pattern")],
    "leading_zero.json": [(f"{SUB}.budget.planned['2022']", "const"),
                          (f"{SUB}.budget.planned['2022']", "pattern")],
    "year_key.json": [(f"{SUB}.budget.planned", "pattern")],
    "unknown_key.json": [(SUB, "additionalProperties")],
    "wrong_version.json": [("$.format_version", "const")],
    "top_level_list.json": [("$", "type")],
    # read by a lenient parser (NaN, Infinity, integers of any length), the schema refuses
    # them as well: a number where money is a string
    "nan.json": [(f"{SUB}.budget.planned['2022']", "const"),
                 (f"{SUB}.budget.planned['2022']", "type")],
    "infinity.json": [(f"{SUB}.budget.planned['2022']", "const"),
                      (f"{SUB}.budget.planned['2022']", "type")],
    "huge_integer.json": [(f"{SUB}.budget.planned['2022']", "const"),
                          (f"{SUB}.budget.planned['2022']", "type")],
}
"""The hostile files the schema refuses, with where and by which keyword."""

BEYOND_THE_SCHEMA: dict[str, str] = {
    "duplicate_codes.json": "codes unique among siblings: a rule across values",
    "code_not_child.json": "a child's code extends its parent's: a rule across values",
    "year_outside.json": "years within the plan's period: a rule across fields",
    "duplicate_key.json": "a key twice in one object: JSON parsers keep one, the schema "
                          "sees one",
}
"""The hostile files the reader refuses and the schema accepts, and why it cannot refuse
them."""

NOT_JSON = {"truncated.json", "empty.json", "invalid_utf8.json", "utf16.json"}
"""The hostile files that are no JSON text at all: there is nothing for a schema to see."""

VALID = {"valid.json", "bom.json"}


def test_every_hostile_file_is_classified_once() -> None:
    names = [name for name, _, _ in JSON_CORPUS]
    groups = [set(REFUSED), set(BEYOND_THE_SCHEMA), NOT_JSON, VALID]
    assert sorted(names) == sorted(name for group in groups for name in group)


def lenient(name: str) -> Any:
    """The file as a lenient JSON parser reads it (NaN, Infinity, long integers, the last of
    two equal keys)."""
    text = (HOSTILE / name).read_bytes().decode("utf-8-sig")
    return json.loads(text, parse_int=lambda digits: int(digits) if len(digits) < 100 else
                      Decimal(digits))


@pytest.mark.parametrize("name", sorted(REFUSED))
def test_the_schema_refuses_the_structural_errors_of_the_hostile_corpus(name: str) -> None:
    assert deepest(lenient(name)) == REFUSED[name]
    with pytest.raises(InvalidPlanError):
        loads((HOSTILE / name).read_bytes())


@pytest.mark.parametrize("name", sorted(BEYOND_THE_SCHEMA))
def test_the_known_exceptions_pass_the_schema_and_the_reader_refuses_them(name: str) -> None:
    assert deepest(lenient(name)) == []
    with pytest.raises(InvalidPlanError):
        loads((HOSTILE / name).read_bytes())


@pytest.mark.parametrize("name", sorted(NOT_JSON))
def test_the_files_that_are_not_json_are_refused_before_any_schema(name: str) -> None:
    with pytest.raises((UnicodeDecodeError, json.JSONDecodeError)):
        lenient(name)
    with pytest.raises(PlanFileError):
        loads((HOSTILE / name).read_bytes())


@pytest.mark.parametrize("name", sorted(VALID))
def test_the_valid_hostile_files_pass(name: str) -> None:
    assert deepest(lenient(name)) == []
    assert isinstance(loads((HOSTILE / name).read_bytes()), Plan)


VALID_DATA = parse_json((HOSTILE / "valid.json").read_text(encoding="utf-8"))
ACTIVITY = "programs[0].children[0].children[0]"
MUTATIONS = [
    # (what is changed, the path, the new value or None to remove the key, reader's problem,
    #  schema's refusal)
    ("missing level", f"{ACTIVITY}.level", ..., "structure.missing",
     [(f"$.{ACTIVITY}", "required")]),
    ("missing period", "period", ..., "structure.missing", [("$", "required")]),
    ("title a number", "title", 2021, "text.type", [("$.title", "type")]),
    ("blank name", f"{ACTIVITY}.name", "  ", "text.empty", [(f"$.{ACTIVITY}.name", "pattern"),
                                                            (f"$.{ACTIVITY}.name", "type")]),
    ("malformed code", f"{ACTIVITY}.code", "1.06.02.2.01.00x1", "code.syntax",
     [(f"$.{ACTIVITY}.code", "pattern")]),
    ("code a number", f"{ACTIVITY}.code", 1.06, "code.type", [(f"$.{ACTIVITY}.code", "type")]),
    ("unknown level", f"{ACTIVITY}.level", "sub", "structure.choice",
     [(f"$.{ACTIVITY}.level", "enum")]),
    ("children an object", "programs[0].children", {}, "structure.type",
     [("$.programs[0].children", "type")]),
    ("period year as text", "period.first_year", "2022", "structure.type",
     [("$.period.first_year", "type")]),
    ("money with a comma", f"{ACTIVITY}.budget.planned.2022", "65,950,088", "number.syntax",
     [(f"$.{ACTIVITY}.budget.planned['2022']", "const"),
      (f"$.{ACTIVITY}.budget.planned['2022']", "pattern")]),
]


def mutated(path: str, value: object) -> Any:
    data = copy.deepcopy(VALID_DATA)
    *upper, last = re.findall(r"[^.\[\]]+", path)
    here = data
    for step in upper:
        here = here[int(step)] if isinstance(here, list) else here[step]
    if value is ...:
        del here[last]
    else:
        here[last] = value
    return data


@pytest.mark.parametrize(("what", "path", "value", "key", "refusal"), MUTATIONS,
                         ids=[m[0] for m in MUTATIONS])
def test_structural_errors_are_refused_by_the_reader_and_the_schema(
        what: str, path: str, value: object, key: str, refusal: list[tuple[str, str]]) -> None:
    data = mutated(path, value)
    with pytest.raises(InvalidPlanError) as caught:
        from_data(data)
    assert [p.key for p in caught.value.problems] == [key]
    assert deepest(data) == refusal


# -- the command ------------------------------------------------------------------------------


def test_renstra_schema_prints_the_schema(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["schema"]) == EXIT_OK
    out = capsys.readouterr().out
    assert out == json.dumps(SCHEMA, ensure_ascii=False, indent=2) + "\n"
    assert json.loads(out) == SCHEMA


def test_renstra_schema_writes_a_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "plan.schema.json"
    assert main(["schema", "--output", str(target)]) == EXIT_OK
    assert capsys.readouterr() == ("", "")
    assert json.loads(target.read_text(encoding="utf-8")) == SCHEMA


def test_renstra_schema_to_a_file_it_cannot_write_exits_2(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "missing" / "plan.schema.json"
    assert main(["schema", "--output", str(target)]) == EXIT_INPUT
    captured = capsys.readouterr()
    assert captured.out == ""
    assert str(target) in captured.err

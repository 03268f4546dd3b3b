"""Plan files: JSON round trips, exact decimals, stated nil versus absent, and bad input."""

from __future__ import annotations

import json
import tempfile
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any, Final

import attrs
import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from checks import check_renders, expect_only, expect_problems, outcome
from renstra_model import (
    FORMAT_VERSION,
    NIL,
    BudgetLine,
    Indicator,
    InvalidPlanError,
    KeyIndicator,
    Plan,
    PlanFileError,
    Quantity,
    Resources,
    SocialWorkers,
    YearMap,
    dumps,
    load,
    loads,
    save,
)
from renstra_model.io.serialization import to_data
from strategies import minimal_plan, money, numbers, plans, seq

PLAN_SETTINGS = settings(deadline=None)

JSONPath = tuple[str | int, ...]


def plan_data(plan: Plan | None = None) -> dict[str, Any]:
    """The JSON data of *plan* (default: the minimal plan), as a fresh mutable object."""
    data = json.loads(dumps(plan or minimal_plan()))
    assert isinstance(data, dict)
    return data


def load_data(data: object) -> Plan:
    return loads(json.dumps(data))


def with_budget(planned: dict[int, Any], **fields: Any) -> Plan:
    return attrs.evolve(minimal_plan(), total_budget=BudgetLine(planned=YearMap(planned), **fields))


# -- round trips ----------------------------------------------------------------------------


def _numbers_in(data: object) -> Iterator[object]:
    if isinstance(data, dict):
        for value in data.values():
            yield from _numbers_in(value)
    elif isinstance(data, list):
        for value in data:
            yield from _numbers_in(value)
    elif isinstance(data, (int, float)) and not isinstance(data, bool):
        yield data


@PLAN_SETTINGS
@given(plans())
def test_json_round_trip(plan: Plan) -> None:
    text = dumps(plan)
    again = loads(text)
    assert again == plan
    assert dumps(again) == text  # stable
    assert loads(text.encode("utf-8")) == plan
    # the file format: an object with the version first, a final newline, and no JSON
    # number but whole ones (money and other decimals are strings)
    assert text.endswith("}\n")
    data = json.loads(text)
    assert next(iter(data)) == "format_version"
    assert data["format_version"] == FORMAT_VERSION
    assert data == to_data(plan)
    for number in _numbers_in(data):
        assert isinstance(number, int), number


def test_save_and_load(tmp_path: Path) -> None:
    plan = with_budget({2022: Decimal("4091594846.50"), 2023: NIL})
    path = tmp_path / "plan.json"
    save(plan, path)
    assert load(path) == plan
    assert path.read_text(encoding="utf-8") == dumps(plan)
    save(minimal_plan(), path)  # replaces the file
    assert load(path) == minimal_plan()
    assert [p.name for p in tmp_path.iterdir()] == ["plan.json"]


@settings(deadline=None, max_examples=20)
@given(plans())
def test_save_and_load_generated(plan: Plan) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "plan.json"
        save(plan, path)
        assert load(path) == plan


# -- exact decimals -------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text", ["4091594846.50", "4091594846.5", "0.00", "0", "1.000", "1000000000000000",
             "0.01", "17.10"]
)
def test_money_text_survives_exactly(text: str) -> None:
    plan = with_budget({2022: Decimal(text)})
    dumped = dumps(plan)
    assert f'"{text}"' in dumped
    loaded = loads(dumped).total_budget
    assert loaded is not None
    value = loaded.planned[2022]
    assert isinstance(value, Decimal)
    assert str(value) == text
    assert value.as_tuple() == Decimal(text).as_tuple()


@given(money())
def test_generated_money_survives_exactly(amount: Decimal) -> None:
    plan = with_budget({2022: amount}, planned_total=amount)
    loaded = loads(dumps(plan)).total_budget
    assert loaded is not None
    assert loaded.planned[2022] == amount
    assert loaded.planned_total == amount
    value = loaded.planned[2022]
    assert isinstance(value, Decimal)
    exponent = amount.as_tuple().exponent
    if isinstance(exponent, int) and exponent <= 0:
        assert format(value, "f") == format(amount, "f")
        assert value.as_tuple() == amount.as_tuple()


@given(numbers(), numbers())
def test_generated_numbers_survive(amount: Decimal, percent: Decimal) -> None:
    indicator = Indicator(id="a", planned=YearMap({2022: Quantity(amount, "%", percent)}))
    plan = attrs.evolve(minimal_plan(), key_indicators=seq(KeyIndicator(1, indicator)))
    loaded = loads(dumps(plan)).key_indicators[0].indicator.planned[2022]
    assert loaded == Quantity(amount, "%", percent)
    assert isinstance(loaded.amount, Decimal)
    assert format(loaded.amount, "f") == format(amount, "f")
    assert loaded.percent is not None
    assert format(loaded.percent, "f") == format(percent, "f")


def test_money_is_written_as_a_decimal_string() -> None:
    data = plan_data(with_budget({2022: Decimal("4091594846.5")}))
    assert data["total_budget"] == {"planned": {"2022": "4091594846.5"}}


# -- stated nil versus absent ---------------------------------------------------------------


def test_nil_and_absent_stay_distinct_in_money() -> None:
    plan = with_budget({2022: NIL}, planned_total=NIL)
    data = plan_data(plan)
    assert data["total_budget"] == {"planned": {"2022": "-"}, "planned_total": "-"}
    budget = load_data(data).total_budget
    assert budget is not None
    assert budget.planned[2022] is NIL
    assert 2023 not in budget.planned
    assert budget.planned_total is NIL

    absent = plan_data(with_budget({}))
    assert absent["total_budget"] == {}
    budget = load_data(absent).total_budget
    assert budget is not None
    assert budget.planned_total is None
    assert len(budget.planned) == 0


def test_nil_and_absent_stay_distinct_in_counts() -> None:
    rows = (SocialWorkers(name="PSM", count=NIL), SocialWorkers(name="TKSK"),
            SocialWorkers(name="Total", count=0, is_total=True))
    plan = attrs.evolve(minimal_plan(), resources=Resources(social_workers=seq(*rows)))
    data = plan_data(plan)
    assert data["resources"]["social_workers"] == [
        {"name": "PSM", "count": "-"}, {"name": "TKSK"},
        {"name": "Total", "count": 0, "is_total": True}]
    loaded = load_data(data).resources.social_workers
    assert loaded[0].count is NIL
    assert loaded[1].count is None
    assert loaded[2].count == 0


def test_nil_and_absent_stay_distinct_in_quantities() -> None:
    indicator = Indicator(id="x", baseline=Quantity(NIL, "Kasus"),
                          planned=YearMap({2022: Quantity(NIL), 2023: Quantity(Decimal(0))}))
    plan = attrs.evolve(minimal_plan(), key_indicators=seq(KeyIndicator(1, indicator)))
    data = plan_data(plan)
    ind = data["key_indicators"][0]["indicator"]
    assert ind["baseline"] == {"amount": "-", "unit": "Kasus"}
    assert ind["planned"] == {"2022": {"amount": "-"}, "2023": {"amount": "0"}}
    assert "end_of_period" not in ind
    loaded = load_data(data).key_indicators[0].indicator
    assert loaded.planned[2022].amount is NIL
    assert loaded.planned[2023].amount == 0
    assert loaded.end_of_period is None
    assert 2024 not in loaded.planned


def test_text_dash_is_text_not_nil() -> None:
    plan = attrs.evolve(minimal_plan(), vision="-")
    assert load_data(plan_data(plan)).vision == "-"


# -- bad JSON -------------------------------------------------------------------------------


def test_unknown_key_at_the_top() -> None:
    data = plan_data()
    data["bogus"] = 1
    exc = expect_only(lambda: load_data(data), ("", "structure.unknown_key"))
    assert exc.problems[0].params["key"] == "bogus"
    assert "'bogus'" in str(exc)


def test_unknown_key_nested() -> None:
    data = plan_data(with_budget({2022: Decimal(1)}))
    data["total_budget"]["plannned"] = {}
    data["organisation"]["nmae"] = "x"
    expect_only(
        lambda: load_data(data),
        ("total_budget", "structure.unknown_key"),
        ("organisation", "structure.unknown_key"),
    )


def test_json_number_for_money() -> None:
    data = plan_data(with_budget({2022: Decimal(1)}))
    data["total_budget"]["planned"]["2022"] = 4091594846.5
    data["total_budget"]["planned_total"] = 5
    exc = expect_only(
        lambda: load_data(data),
        ("total_budget.planned[2022]", "number.text"),
        ("total_budget.planned_total", "number.text"),
    )
    assert "JSON number" in str(exc)


@pytest.mark.parametrize(
    ("value", "key"),
    [("-1", "money.negative"), ("1.005", "money.precision"), ("abc", "number.syntax"),
     ("", "number.syntax"), ("1,5", "number.syntax"), ("-0", "money.negative"),
     ("NaN", "number.not_finite"), ("Infinity", "number.not_finite"),
     ("1e16", "number.syntax"), ("10000000000000000", "money.too_large"),
     (None, "number.text"), (True, "number.text"),
     ([], "number.text"), ({}, "number.text")],
)
def test_bad_money_text(value: object, key: str) -> None:
    data = plan_data(with_budget({2022: Decimal(1)}))
    data["total_budget"]["planned"]["2022"] = value
    expect_only(lambda: load_data(data), ("total_budget.planned[2022]", key))


@pytest.mark.parametrize(
    ("key", "problem"),
    [("2031", "year.outside_period"), ("1800", "year.range"), ("twenty", "year.type"),
     ("", "year.type"), ("٢٠٢٢", "year.type")],
)
def test_bad_year_keys(key: str, problem: str) -> None:
    data = plan_data()
    data["total_budget"] = {"planned": {key: "1"}}
    exc = expect_problems(lambda: load_data(data))
    assert [p.key for p in exc.problems] == [problem]
    assert exc.problems[0].path.startswith("total_budget.planned[")


def _both_paths(body: dict[str, Any]) -> tuple[object, object]:
    """What the fast path and the converter make of *body*: a plan, or the problems."""
    from renstra_model.io import converter

    fast = converter._fast_plan()
    assert fast is not None
    try:
        quick: object = fast(body)
    except Exception:  # noqa: BLE001 - the fast path leaves anything unusual to the converter
        quick = None
    try:
        strict: object = converter._converter().structure(body, Plan)
    except Exception as exc:  # noqa: BLE001 - compared below
        strict = sorted((p.path, p.key) for p in converter.problems_of(exc))
    return quick, strict


_EDGE_DECIMALS: Final = [
    "0", "7", "000000000000000", "999999999999999", "1000000000000000", "1000000000000001",
    "0000000000000000000001", "9" * 40, "9" * 41, "-0", "-7", "1.5", "1.005", "1.50", " 7",
    "7 ", "\u0661", "١٢", "1e3", "+7", "-", "", "0x10",
]


@pytest.mark.parametrize("value", _EDGE_DECIMALS)
@pytest.mark.parametrize("field", ["planned", "planned_total", "amount", "percent"])
def test_fast_path_agrees_with_the_converter_on_decimals(value: str, field: str) -> None:
    """The fast path takes clean decimals without the money and number checks: it builds
    what the converter builds, or leaves the value to it."""
    body = plan_data()
    del body["format_version"]
    if field in ("planned", "planned_total"):
        body["total_budget"] = {"planned": {"2022": value}} if field == "planned" else {
            "planned_total": value}
    else:
        cell = {"amount": value} if field == "amount" else {"amount": "1", "percent": value}
        body["goals"] = [{"text": "Tujuan", "targets": [{"text": "Sasaran", "indicators": [
            {"baseline": cell, "planned": {"2023": cell}}]}]}]
    quick, strict = _both_paths(body)
    assert quick is None or quick == strict
    if isinstance(strict, Plan) and value.isascii() and value.isdigit() and len(value) <= 15:
        assert quick == strict  # a clean decimal: the fast path takes it itself


@pytest.mark.parametrize("key", ["2022", "02022", "0202", "202", "1944", "1945", "2200",
                                 "2201", " 2022", "２０２２", "2022.0"])
def test_fast_path_agrees_with_the_converter_on_year_keys(key: str) -> None:
    body = plan_data()
    del body["format_version"]
    body["total_budget"] = {"planned": {key: "1"}}
    quick, strict = _both_paths(body)
    assert quick is None or quick == strict
    assert (quick is None) == (key != "2022")  # the only key within the period


@pytest.mark.parametrize("literal", ["NaN", "Infinity", "-Infinity"])
def test_nan_literals_are_refused(literal: str) -> None:
    text = dumps(with_budget({2022: Decimal(1)})).replace('"1"', literal)
    assert literal in text
    expect_only(lambda: loads(text), ("", "json.constant"), error=PlanFileError)


def test_duplicate_key_is_refused() -> None:
    text = '{"format_version": 1, "title": "a", "title": "b"}'
    exc = expect_only(lambda: loads(text), ("", "json.duplicate_key"), error=PlanFileError)
    assert exc.problems[0].params["key"] == "title"


@pytest.mark.parametrize("version", [2, 0, "1", True, None, [1], {"v": 1}])
def test_wrong_format_version(version: object) -> None:
    data = plan_data()
    data["format_version"] = version
    exc = expect_only(lambda: load_data(data), ("format_version", "format.version"))
    assert exc.problems[0].params["found"] == version


def test_float_format_version_is_refused() -> None:
    data = plan_data()
    data["format_version"] = 1.0
    expect_only(lambda: load_data(data), ("format_version", "format.version"))


def test_missing_format_version() -> None:
    data = plan_data()
    del data["format_version"]
    expect_only(lambda: load_data(data), ("format_version", "structure.missing"))


def test_missing_required_fields() -> None:
    exc = expect_problems(lambda: load_data({"format_version": 1}))
    assert {p.key for p in exc.problems} == {"structure.missing"}
    assert {p.path for p in exc.problems} >= {"title", "organisation", "period"}


@pytest.mark.parametrize(
    ("text", "key", "error"),
    [
        ("", "json.syntax", PlanFileError),
        ("{", "json.syntax", PlanFileError),
        ("{'format_version': 1}", "json.syntax", PlanFileError),
        ('{"format_version": 1,}', "json.syntax", PlanFileError),
        ("[]", "structure.type", InvalidPlanError),
        ('"plan"', "structure.type", InvalidPlanError),
        ("null", "structure.type", InvalidPlanError),
        ("1", "structure.type", InvalidPlanError),
        ("[" * 100_000, "json.depth", PlanFileError),
        ('{"a":' * 100_000, "json.depth", PlanFileError),
    ],
)
def test_bad_json_text(text: str, key: str, error: type[InvalidPlanError]) -> None:
    exc = expect_only(lambda: loads(text), ("", key), error=error)
    assert type(exc) is error


def test_json_syntax_error_names_line_and_column() -> None:
    exc = expect_only(lambda: loads('{\n  "a": }'), ("", "json.syntax"), error=PlanFileError)
    assert exc.problems[0].params["line"] == 2
    assert "line 2" in str(exc)


def test_huge_json_integer_is_refused() -> None:
    expect_problems(lambda: loads('{"format_version": ' + "1" * 5000 + "}"))


def test_wrong_types_inside() -> None:
    data = plan_data()
    data["title"] = 5
    data["legal_basis"] = "Permendagri 86/2017"
    data["period"]["first_year"] = "2022"
    data["organisation"] = ["Dinas Sosial"]
    expect_only(
        lambda: load_data(data),
        ("title", "text.type"),
        ("legal_basis", "structure.type"),
        ("period.first_year", "structure.type"),
        ("organisation", "structure.type"),
    )


def test_bad_code_in_a_tree_is_reported_at_its_path() -> None:
    data = plan_data()
    data["programs"] = [{"code": "1.06.01", "level": "program", "name": "P",
                         "children": [{"code": "1.06.01.2.1x", "level": "kegiatan",
                                       "name": "K"}]}]
    expect_only(lambda: load_data(data), ("programs[0].children[0].code", "code.syntax"))


def test_bad_enum_value() -> None:
    data = plan_data()
    data["programs"] = [{"code": "1.06.01", "level": "programme", "name": "P"}]
    expect_only(lambda: load_data(data), ("programs[0].level", "structure.choice"))


def test_invalid_tree_from_json() -> None:
    data = plan_data()
    data["programs"] = [{"code": "1.06.01", "level": "program", "name": "P",
                         "children": [{"code": "1.06.02.2.01", "level": "kegiatan",
                                       "name": "K"}]}]
    exc = expect_problems(lambda: load_data(data))
    assert [p.key for p in exc.problems] == ["code.not_child"]
    assert exc.problems[0].path.endswith("children[0].code")


def test_all_problems_are_reported_at_once() -> None:
    data = plan_data(with_budget({2022: Decimal(1)}))
    data["title"] = ""
    data["total_budget"]["planned"]["2022"] = 1.5
    data["bogus"] = True
    exc = expect_only(
        lambda: load_data(data),
        ("", "structure.unknown_key"),
        ("title", "text.empty"),  # a value its check refuses: no longer hidden by the others
        ("total_budget.planned[2022]", "number.text"),
    )
    assert "3 problems found" in str(exc)
    assert "3 masalah ditemukan" in exc.describe("id")


# -- files ----------------------------------------------------------------------------------


def test_load_invalid_utf8(tmp_path: Path) -> None:
    path = tmp_path / "plan.json"
    path.write_bytes(dumps(minimal_plan()).encode("utf-8").replace(b"Dinas", b"Din\xffs", 1))
    exc = expect_only(lambda: load(path), ("", "file.encoding"), error=PlanFileError)
    assert exc.source == str(path)
    assert str(path) in str(exc)


def test_loads_invalid_utf8_bytes() -> None:
    expect_only(lambda: loads(b'{"format_version": 1, "title": "\xc3"}'), ("", "file.encoding"),
                error=PlanFileError)


def test_load_accepts_a_byte_order_mark(tmp_path: Path) -> None:
    path = tmp_path / "plan.json"
    path.write_bytes(b"\xef\xbb\xbf" + dumps(minimal_plan()).encode("utf-8"))
    assert load(path) == minimal_plan()
    assert loads(path.read_bytes()) == minimal_plan()


def test_load_refuses_a_file_too_large(tmp_path: Path) -> None:
    path = tmp_path / "plan.json"
    text = dumps(minimal_plan())
    path.write_text(text, encoding="utf-8")
    size = len(text.encode("utf-8"))
    exc = expect_only(lambda: load(path, max_bytes=size - 1), ("", "file.too_large"),
                      error=PlanFileError)
    assert exc.problems[0].params["size"] == size
    assert exc.problems[0].params["limit"] == size - 1
    assert load(path, max_bytes=size) == minimal_plan()


def test_load_a_directory(tmp_path: Path) -> None:
    exc = expect_only(lambda: load(tmp_path), ("", "file.unreadable"), error=PlanFileError)
    assert exc.source == str(tmp_path)


def test_load_a_missing_file(tmp_path: Path) -> None:
    path = tmp_path / "nope.json"
    exc = expect_only(lambda: load(path), ("", "file.missing"), error=PlanFileError)
    assert str(path) in str(exc)


def test_load_deeply_nested_json(tmp_path: Path) -> None:
    path = tmp_path / "deep.json"
    path.write_text("[" * 100_000, encoding="utf-8")
    expect_only(lambda: load(path), ("", "json.depth"), error=PlanFileError)


def test_load_names_the_file_in_content_problems(tmp_path: Path) -> None:
    path = tmp_path / "plan.json"
    data = plan_data()
    data["bogus"] = 1
    path.write_text(json.dumps(data), encoding="utf-8")
    exc = expect_only(lambda: load(path), ("", "structure.unknown_key"))
    assert exc.source == str(path)
    assert str(exc).startswith(f"{path}: ")


# -- fuzzing --------------------------------------------------------------------------------

json_values: st.SearchStrategy[object] = st.recursive(
    st.one_of(
        st.none(),
        st.booleans(),
        st.integers(-(10**20), 10**20),
        st.floats(allow_nan=False, allow_infinity=False),
        st.sampled_from(["-", "1.5", "4091594846.50", "-1", "NaN", "1e400", "", " ", "2022",
                         "1.06.04.2.01.0003", "program", "sum", "higher_is_better",
                         "2021-09-09"]),
        st.text(max_size=10),
    ),
    lambda children: st.one_of(
        st.lists(children, max_size=3),
        st.dictionaries(st.text(max_size=8), children, max_size=3),
    ),
    max_leaves=6,
)


def _paths(data: object, prefix: JSONPath = ()) -> Iterator[JSONPath]:
    yield prefix
    if isinstance(data, dict):
        for key, value in data.items():
            yield from _paths(value, (*prefix, key))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            yield from _paths(value, (*prefix, index))


def _replace(data: object, path: JSONPath, value: object) -> object:
    if not path:
        return value
    head, rest = path[0], path[1:]
    if isinstance(data, dict):
        return {k: _replace(v, rest, value) if k == head else v for k, v in data.items()}
    assert isinstance(data, list)
    return [_replace(v, rest, value) if i == head else v for i, v in enumerate(data)]


def _loads_or_refuses(text: str | bytes) -> Plan | None:
    """The plan, or None when loads raises InvalidPlanError (any other exception fails)."""
    plan, error = outcome(lambda: loads(text))
    if plan is None:
        assert error is not None
        assert error.problems
        for problem in error.problems:
            check_renders(problem)
    return plan


def _get(data: object, path: JSONPath) -> object:
    for part in path:
        if isinstance(data, dict):
            data = data[part]
        else:
            assert isinstance(data, list)
            assert isinstance(part, int)
            data = data[part]
    return data


def _mutate_replace(original: object, data: st.DataObject) -> object:
    path = data.draw(st.sampled_from(list(_paths(original))), label="path")
    value = data.draw(json_values, label="value")
    return _replace(original, path, value)


def _object_paths(original: object) -> list[JSONPath]:
    return [p for p in _paths(original) if isinstance(_get(original, p), dict)]


@PLAN_SETTINGS
@given(plans(), st.data())
def test_mutated_plan_loads_or_is_refused(plan: Plan, data: st.DataObject) -> None:
    """Mutate a valid plan's data: replace any node by any JSON value, drop a key, or add an
    unknown key. loads returns a plan or raises InvalidPlanError, nothing else; an unknown
    key is always refused, naming the key."""
    original = to_data(plan)
    kind = data.draw(st.sampled_from(["replace", "replace", "drop", "add"]), label="kind")
    if kind == "replace":
        mutated = _mutate_replace(original, data)
    else:
        path = data.draw(st.sampled_from(_object_paths(original)), label="path")
        target = _get(original, path)
        assert isinstance(target, dict)
        if kind == "drop":
            assume(target)
            key = data.draw(st.sampled_from(sorted(target)), label="key")
            mutated = _replace(original, path, {k: v for k, v in target.items() if k != key})
        else:
            key = data.draw(st.text(min_size=1, max_size=8).filter(
                lambda k: k not in target and not k.isdigit()), label="key")
            mutated = _replace(original, path, {**target, key: None})
            with pytest.raises(InvalidPlanError) as info:
                loads(json.dumps(mutated))
            if path and path[-1] == "params":  # a reading note's params: any key, text values
                assert [p.key for p in info.value.problems] == ["text.type"]
                assert repr(key) in str(info.value)
                return
            assert [p.key for p in info.value.problems] in (
                ["structure.unknown_key"], ["year.type"])
            assert repr(key) in str(info.value)
            return
    result = _loads_or_refuses(json.dumps(mutated))
    if result is not None:  # a valid mutation round trips too
        assert loads(dumps(result)) == result


@given(st.text(max_size=200))
def test_any_text_loads_or_is_refused(text: str) -> None:
    assert _loads_or_refuses(text) is None or text.lstrip().startswith("{")


@given(st.binary(max_size=200))
def test_any_bytes_load_or_are_refused(raw: bytes) -> None:
    _loads_or_refuses(raw)


@given(json_values)
def test_any_json_value_is_refused(value: object) -> None:
    with pytest.raises(InvalidPlanError):
        loads(json.dumps(value))

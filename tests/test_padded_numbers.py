"""Money and number strings of a plan file padded with spaces or with a leading zero are
refused, with the library's error, the path and the reason, by the converter and the fast
path alike; ``"0"``, ``"0.5"`` and ``"-0"`` stay valid."""

from __future__ import annotations

import copy
import json
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from renstra_model import InvalidPlanError, load, loads
from renstra_model.cli import EXIT_INPUT, main
from renstra_model.io import fastload
from renstra_model.io.converter import structure_plan
from renstra_model.io.scalars import DECIMAL_TEXT, structure_decimal

VALID = Path(__file__).parent / "hostile" / "valid.json"
SUB = "programs[0].children[0].children[0]"
MONEY = f"{SUB}.budget.planned[2022]"
AMOUNT = f"{SUB}.indicators[0].planned[2022].amount"

REFUSED = [
    (" 10000000", "number.padded"),
    ("10000000 ", "number.padded"),
    ("\t10000000", "number.padded"),
    ("10000000\n", "number.padded"),
    ("\xa010000000", "number.padded"),
    (" 0.5 ", "number.padded"),
    ("065950088", "number.leading_zero"),
    ("00", "number.leading_zero"),
    ("00.5", "number.leading_zero"),
    (" 065950088", "number.leading_zero"),
    ("10 000 000", "number.syntax"),
    ("+10000000", "number.syntax"),
]
"""(money string, the key of its problem)."""

ACCEPTED = [("0", Decimal(0)), ("0.5", Decimal("0.5")), ("10000000", Decimal(10_000_000)),
            ("100.50", Decimal("100.50")), ("0.05", Decimal("0.05"))]


def body(money: str = "65950088", amount: str = "2") -> dict[str, Any]:
    """The small valid plan, without its format version, with the sub kegiatan's 2022 budget
    *money* and its indicator's 2022 *amount*."""
    data: dict[str, Any] = json.loads(VALID.read_text(encoding="utf-8"))
    del data["format_version"]
    sub = data["programs"][0]["children"][0]["children"][0]
    sub["budget"]["planned"]["2022"] = money
    sub["indicators"][0]["planned"]["2022"]["amount"] = amount
    return data


def file_text(data: dict[str, Any]) -> bytes:
    return json.dumps({"format_version": 1, **data}).encode()


@pytest.mark.parametrize(("value", "key"), REFUSED)
@pytest.mark.parametrize("where", [MONEY, AMOUNT])
def test_a_padded_or_zero_led_string_is_refused_with_its_path(
    value: str, key: str, where: str, tmp_path: Path
) -> None:
    data = body(money=value) if where == MONEY else body(amount=value)
    file = tmp_path / "plan.json"
    file.write_bytes(file_text(data))
    with pytest.raises(InvalidPlanError) as caught:
        load(file)
    assert [(p.path, p.key, dict(p.params)) for p in caught.value.problems] == [
        (where, key, {"value": value})]
    assert caught.value.source == str(file)
    assert str(file) in caught.value.describe("en")
    assert fastload.load_fast(data) is None


def test_the_messages_name_the_value_and_the_reason() -> None:
    for value, en, id_ in [
        (" 10000000", "' 10000000' has spaces around the number: write the number alone",
         "' 10000000' memuat spasi di sekitar angkanya: tulis angkanya saja"),
        ("065950088", "'065950088' has a leading zero: write the number without it (a digit "
         "may be missing)", "'065950088' diawali angka nol: tulis angkanya tanpa nol itu "
         "(mungkin ada digit yang hilang)"),
    ]:
        with pytest.raises(InvalidPlanError) as caught:
            loads(file_text(body(money=value)), source="plan.json")
        (problem,) = caught.value.problems
        assert problem.message("en") == en
        assert problem.message("id") == id_


@pytest.mark.parametrize(("value", "number"), ACCEPTED)
def test_zero_and_fractions_below_one_stay_valid(value: str, number: Decimal) -> None:
    data = body(money=value, amount=value)
    plan = structure_plan(copy.deepcopy(data))
    sub = plan.programs[0].children[0].children[0]
    assert sub.budget is not None
    assert sub.budget.planned[2022] == number
    assert str(sub.budget.planned[2022]) == value
    assert sub.indicators[0].planned[2022].amount == number
    assert fastload.load_fast(data) == plan


def test_a_negative_zero_number_stays_valid() -> None:
    plan = structure_plan(body(amount="-0"))
    assert str(plan.programs[0].children[0].children[0].indicators[0].planned[2022].amount) \
        == "-0"
    assert structure_decimal("-0.5", Decimal) == Decimal("-0.5")
    with pytest.raises(InvalidPlanError) as caught:
        structure_decimal("-05", Decimal)
    assert [p.key for p in caught.value.problems] == ["number.leading_zero"]


@pytest.mark.parametrize("lang", ["en", "id"])
def test_the_command_line_refuses_the_file_naming_it(
    lang: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    file = tmp_path / "plan.json"
    file.write_bytes(file_text(body(money="065950088")))
    assert main(["check", str(file), "--lang", lang]) == EXIT_INPUT
    err = capsys.readouterr().err
    assert str(file) in err
    assert f"@ {MONEY}" in err
    assert {"en": "has a leading zero", "id": "diawali angka nol"}[lang] in err


_NEAR = st.builds(
    lambda blank, sign, zeros, digits, fraction, after: (
        f"{blank}{sign}{'0' * zeros}{digits}{fraction}{after}"),
    st.sampled_from(["", " ", "\t", "\xa0"]), st.sampled_from(["", "-"]), st.integers(0, 3),
    st.text("0123456789", max_size=10), st.sampled_from(["", ".5", ".05", "."]),
    st.sampled_from(["", " ", "\n"]),
)


@given(_NEAR)
@example("0")
@example("-0.0")
@example("00")
@example(" 7")
def test_the_fast_path_and_the_converter_agree_on_every_decimal_string(text: str) -> None:
    data = body(amount=text)
    try:
        plan = structure_plan(copy.deepcopy(data))
    except InvalidPlanError as exc:
        problems = [p.path for p in exc.problems]
        plan = None
    if plan is None:
        assert problems == [AMOUNT]
        assert fastload.load_fast(data) is None
        return
    assert fastload.load_fast(data) == plan
    if text == "-":  # nil
        return
    assert DECIMAL_TEXT.fullmatch(text)
    assert text == text.strip()
    assert text.lstrip("-")[:2] in {"0", "0."} or not text.lstrip("-").startswith("0")

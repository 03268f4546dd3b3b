"""Kode rekening: parsing every written form, canonical form, and the level relations."""

from __future__ import annotations

import string
from decimal import Decimal

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from checks import expect_only, expect_problems, outcome
from renstra_model import Code, InvalidPlanError, Level
from strategies import (
    CODE_WIDTHS,
    codes,
    codes_with_forms,
    kegiatan_code,
    printed_forms,
    sub_kegiatan_code,
    unpadded,
)

SEGMENT_COUNTS = {1: Level.URUSAN, 2: Level.BIDANG_URUSAN, 3: Level.PROGRAM,
                  5: Level.KEGIATAN, 6: Level.SUB_KEGIATAN}
LEVEL_ORDER = (Level.URUSAN, Level.BIDANG_URUSAN, Level.PROGRAM, Level.KEGIATAN,
               Level.SUB_KEGIATAN)

# -- known forms --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "canonical"),
    [
        ("1 06 04 2.01 03", "1.06.04.2.01.0003"),
        ("1.06.04.2.01.0003", "1.06.04.2.01.0003"),
        ("1.6.4.2.1.3", "1.06.04.2.01.0003"),
        ("1 06 01 2.08 01", "1.06.01.2.08.0001"),
        ("1 06 04 2.01 0123", "1.06.04.2.01.0123"),
        ("X.XX.01.2.08.0001", "X.XX.01.2.08.0001"),
        ("x.xx.1.2.8.1", "X.XX.01.2.08.0001"),
        ("X XX 01 2.02 05", "X.XX.01.2.02.0005"),
        ("  1.06.04\n", "1.06.04"),
        ("1..06", "1.06"),
        ("1\t06 \t 04 2.01", "1.06.04.2.01"),
        ("01.006", "1.06"),
        ("1", "1"),
        ("X", "X"),
        ("1.06", "1.06"),
        ("X.XX", "X.XX"),
        ("1.06.01", "1.06.01"),
    ],
)
def test_known_forms_parse_to_canonical(text: str, canonical: str) -> None:
    code = Code.parse(text)
    assert str(code) == canonical
    assert Code.parse(canonical) == code


@pytest.mark.parametrize(
    ("canonical", "printed"),
    [
        ("1.06.04.2.01.0003", "1 06 04 2.01 03"),
        ("1.06.04.2.01.0123", "1 06 04 2.01 0123"),
        ("1.06.04.2.01", "1 06 04 2.01"),
        ("1.06.04", "1 06 04"),
        ("1.06", "1 06"),
        ("X.XX.01.2.08.0001", "X XX 01 2.08 01"),
    ],
)
def test_printed_form(canonical: str, printed: str) -> None:
    assert Code.parse(canonical).printed() == printed


def test_levels_of_known_codes() -> None:
    assert [Code.parse(t).level for t in ("1", "1.06", "1.06.04", "1.06.04.2.01",
                                          "1.06.04.2.01.0003")] == list(LEVEL_ORDER)
    assert Level.SUB_KEGIATAN.label == "Sub Kegiatan"
    assert Level.BIDANG_URUSAN.label == "Bidang Urusan"


def test_parent_of_kegiatan_drops_two_segments() -> None:
    code = Code.parse("1.06.04.2.01.0003")
    assert str(code.parent) == "1.06.04.2.01"
    assert [str(a) for a in code.ancestors()] == ["1.06.04.2.01", "1.06.04", "1.06", "1"]
    assert str(code.at_level(Level.PROGRAM)) == "1.06.04"
    assert str(code.generic()) == "X.XX.04.2.01.0003"
    with pytest.raises(ValueError, match="no sub_kegiatan part"):
        Code.parse("1.06.04").at_level(Level.SUB_KEGIATAN)


# -- round trips ----------------------------------------------------------------------------


@given(codes())
def test_str_parses_back(code: Code) -> None:
    assert Code.parse(str(code)) == code
    assert str(Code.parse(str(code))) == str(code)


@given(codes())
def test_printed_parses_back(code: Code) -> None:
    assert Code.parse(code.printed()) == code


@given(codes())
def test_unpadded_parses_to_canonical(code: Code) -> None:
    text = unpadded(code)
    assert Code.parse(text) == code
    assert Code.parse(text.lower()) == code


@given(codes().flatmap(lambda c: st.tuples(st.just(c), printed_forms(c))))
def test_spaced_forms_parse_back(pair: tuple[Code, str]) -> None:
    code, text = pair
    assert Code.parse(text) == code


@given(codes_with_forms())
def test_every_written_form_parses_to_canonical(pair: tuple[Code, str]) -> None:
    code, text = pair
    parsed = Code.parse(text)
    assert parsed == code
    assert parsed.segments == code.segments
    assert hash(parsed) == hash(code)


@given(codes())
def test_canonical_segments_have_canonical_widths(code: Code) -> None:
    for index, seg in enumerate(code.segments):
        if seg in ("X", "XX"):
            assert index == ("X", "XX").index(seg)
        else:
            assert len(seg) == CODE_WIDTHS[index]
            assert seg.isdigit()
            assert int(seg) > 0


# -- level relations ------------------------------------------------------------------------


@pytest.mark.parametrize("level", LEVEL_ORDER)
@given(data=st.data())
def test_level_of_generated_codes(level: Level, data: st.DataObject) -> None:
    code = data.draw(codes(level))
    assert code.level is level
    assert SEGMENT_COUNTS[len(code.segments)] is level


@given(codes())
def test_parent_and_ancestors_are_consistent(code: Code) -> None:
    index = LEVEL_ORDER.index(code.level)
    ancestors = code.ancestors()
    assert [a.level for a in ancestors] == list(reversed(LEVEL_ORDER[:index]))
    if index == 0:
        assert code.parent is None
        assert ancestors == ()
        return
    parent = code.parent
    assert parent is not None
    assert ancestors[0] == parent
    assert code.is_child_of(parent)
    assert str(code).startswith(str(parent) + ".")
    for upper, lower in zip(ancestors[1:], ancestors, strict=False):
        assert lower.parent == upper
        assert lower.is_child_of(upper)
    for ancestor in ancestors:
        assert code.is_descendant_of(ancestor)
        assert not ancestor.is_descendant_of(code)
        assert code.at_level(ancestor.level) == ancestor
        assert code.segments[: len(ancestor.segments)] == ancestor.segments
        if ancestor != parent:
            assert not code.is_child_of(ancestor)
    assert code.at_level(code.level) == code
    assert not code.is_child_of(code)
    assert not code.is_descendant_of(code)


@given(codes(), codes())
def test_is_child_of_means_parent(a: Code, b: Code) -> None:
    assert a.is_child_of(b) == (a.parent == b)
    assert a.is_descendant_of(b) == (b in a.ancestors())
    if a.is_child_of(b):
        assert LEVEL_ORDER.index(a.level) == LEVEL_ORDER.index(b.level) + 1


@given(codes(Level.PROGRAM), st.integers(1, 9), st.integers(1, 99), st.integers(1, 9999))
def test_child_codes_extend_parents(program: Code, kind: int, number: int, sub: int) -> None:
    kegiatan = kegiatan_code(program, kind, number)
    sub_kegiatan = sub_kegiatan_code(kegiatan, sub)
    assert kegiatan.level is Level.KEGIATAN
    assert sub_kegiatan.level is Level.SUB_KEGIATAN
    assert kegiatan.is_child_of(program)
    assert sub_kegiatan.is_child_of(kegiatan)
    assert sub_kegiatan.is_descendant_of(program)
    assert not sub_kegiatan.is_child_of(program)


@given(codes())
def test_generic_keeps_the_tail(code: Code) -> None:
    generic = code.generic()
    if len(code.segments) == 1:
        assert generic == Code(("X",))
    else:
        assert generic.segments[:2] == ("X", "XX")
        assert generic.segments[2:] == code.segments[2:]
        assert generic.level is code.level
    assert Code.parse(str(generic)) == generic


@given(codes(), codes())
def test_order_is_total_and_consistent_with_equality(a: Code, b: Code) -> None:
    assert (a < b) + (a == b) + (a > b) == 1
    assert (a == b) == (str(a) == str(b))


# -- malformed input -------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   ",
        "\n",
        "1.106",  # too many digits for a bidang
        "10.06",
        "1.06.04.2.01.10000",
        "1.06.004.2.101",
        "1.06.04.2",  # four segments
        "1.06.04.2.01.0003.1",  # seven segments
        "1 06 04 2 01 03 04",
        "1.a6",
        "A",
        "abc",
        "1.06.04.2.O1",  # letter O
        "1,06",
        "-1",
        "+1",
        "1.00",  # zero segment
        "0",
        "1.06.00",
        "X.01",  # X must be followed by XX
        "1.XX",  # XX must follow X
        "XX",
        "X.XX.XX",
        "X.X",
        "１.06",  # fullwidth digit
        "²",
        "1.٠٦",  # Arabic-Indic digits
        "1" * 65,
        "1." + " " * 70 + "06",
    ],
)
def test_malformed_text_is_refused(text: str) -> None:
    expect_only(lambda: Code.parse(text), ("", "code.syntax"))


@pytest.mark.parametrize(
    "value", [1, 1.06, Decimal("1.06"), None, b"1.06", ["1", "06"], ("1", "06"), True]
)
def test_non_text_is_refused(value: object) -> None:
    expect_only(lambda: Code.parse(value), ("", "code.type"))  # type: ignore[arg-type]


def test_a_code_is_not_text() -> None:
    code = Code.parse("1.06")
    expect_only(lambda: Code.parse(code), ("", "code.type"))  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "segments",
    [("1", "6"), ("01",), ("1", "06", "4"), ("1", "06", "04", "2"), ("x",), ("X", "06"),
     ("1", "XX"), ("1", "06", "04", "2", "01", "3"), ()],
)
def test_constructor_refuses_non_canonical_segments(segments: tuple[str, ...]) -> None:
    expect_problems(lambda: Code(segments), ("", "code.syntax"))


def test_syntax_problem_names_the_value_and_reason() -> None:
    with pytest.raises(InvalidPlanError) as info:
        Code.parse("1.106")
    message = info.value.problems[0].message("en")
    assert "'1.106'" in message
    assert "more than 2 digits" in message


@given(st.text())
@example("")
@example("1.06.04.2.01.0003")
@example("x" * 64)
@example("1\x1c06")
def test_parse_of_any_text_returns_a_code_or_refuses(text: str) -> None:
    code, error = outcome(lambda: Code.parse(text))
    if code is None:
        assert error is not None
        assert [p.key for p in error.problems] == ["code.syntax"]
        return
    assert Code.parse(str(code)) == code
    assert len(code.segments) in SEGMENT_COUNTS


@given(st.text(alphabet="0123456789.Xx \t\n", max_size=30))
def test_parse_of_code_like_text_returns_a_code_or_refuses(text: str) -> None:
    code, error = outcome(lambda: Code.parse(text))
    if code is None:
        assert error is not None
        assert [p.key for p in error.problems] == ["code.syntax"]
        return
    assert Code.parse(str(code)) == code
    assert Code.parse(code.printed()) == code


def _segment_ok(raw: str, index: int) -> bool:
    width = CODE_WIDTHS[index]
    stripped = raw.lstrip("0")
    return 0 < len(stripped) <= width


@given(st.lists(st.text(alphabet=string.digits, min_size=1, max_size=6), min_size=1, max_size=8))
def test_dotted_digits_parse_exactly_when_the_shape_is_right(parts: list[str]) -> None:
    text = ".".join(parts)
    valid = (
        len(text) <= 64
        and len(parts) in SEGMENT_COUNTS
        and all(_segment_ok(raw, i) for i, raw in enumerate(parts))
    )
    code, error = outcome(lambda: Code.parse(text))
    if code is None:
        assert error is not None
        assert not valid, (text, error)
        assert [p.key for p in error.problems] == ["code.syntax"]
        return
    assert valid, text
    assert [int(seg) for seg in code.segments] == [int(raw) for raw in parts]

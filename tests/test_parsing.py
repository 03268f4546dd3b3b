"""Indonesian numbers, money, quantities and dates: every style of the TTU document and of
Indonesian spreadsheets, the ambiguity rules, and round trips with
:mod:`renstra_model.tables.formats`.
"""

from __future__ import annotations

import datetime as dt
import os
import re
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import assume, example, given
from hypothesis import strategies as st

from checks import expect_only
from renstra_model import NIL, InvalidPlanError, Quantity
from renstra_model.io.parsing import (
    MONTH_NAMES,
    MONTHS,
    check_style,
    parse_date,
    parse_money,
    parse_month,
    parse_number,
    parse_percent,
    parse_place_date,
    parse_quantity,
)
from renstra_model.messages import LANGS
from renstra_model.model.values import MAX_MONEY
from renstra_model.tables.formats import format_number, format_percent
from strategies import money, numbers

D = Decimal

# -- numbers: every style of the document -----------------------------------------------------

NUMBERS = [
    # (text, keyword arguments, value)
    ("1.234.567,89", {}, D("1234567.89")),
    ("4,847,753,572", {}, D("4847753572")),
    ("4.847.753.572", {}, D("4847753572")),
    ("4,091,594,846.50", {}, D("4091594846.50")),
    ("4.091.594.846,5", {}, D("4091594846.5")),
    ("72,18", {}, D("72.18")),
    ("72.18", {}, D("72.18")),
    ("100,00", {}, D("100.00")),
    ("0.21", {}, D("0.21")),
    ("(0.21)", {}, D("-0.21")),
    ("(14,49)", {}, D("-14.49")),
    ("-0,21", {}, D("-0.21")),
    ("\u22125", {}, D("-5")),
    ("25325", {}, D("25325")),
    ("0,125", {}, D("0.125")),
    ("1234.567", {}, D("1234.567")),
    ("  25\u00a0325 ".replace("\u00a0", ""), {}, D("25325")),
    # the ambiguous single separator followed by three digits, settled by the context
    ("25.325", {"kind": "count"}, D("25325")),
    ("25,325", {"kind": "count"}, D("25325")),
    ("38,827", {"kind": "money"}, D("38827")),
    ("25.325", {"style": "en"}, D("25.325")),
    ("25.325", {"style": "id"}, D("25325")),
    ("25,325", {"style": "id"}, D("25.325")),
    ("1.234,5", {"style": "id"}, D("1234.5")),
    ("1,234.5", {"style": "en"}, D("1234.5")),
    ("72,18", {"style": "id"}, D("72.18")),
]


@pytest.mark.parametrize(("text", "options", "value"), NUMBERS)
def test_numbers_in_every_style(text: str, options: dict[str, str], value: Decimal) -> None:
    result = parse_number(text, **options)  # type: ignore[arg-type]
    assert result == value
    assert isinstance(result, Decimal)
    assert str(result) == str(value)  # the digits as written: 100,00 keeps its zeros


def test_a_dash_is_a_stated_nil() -> None:
    for dash in ("-", " - ", "\u2013", "\u2014"):
        assert parse_number(dash) is NIL
        assert parse_money(dash) is NIL
        assert parse_percent(dash) is NIL


BAD_NUMBERS = [
    ("25.325", {}, "parse.ambiguous"),
    ("1,234", {"kind": "percent"}, "parse.ambiguous"),
    ("1.23.4", {}, "parse.grouping"),
    ("1,234,5", {}, "parse.grouping"),
    ("1.234,567,89", {}, "parse.grouping"),
    ("72.18", {"style": "id"}, "parse.style"),
    ("4,847,753,572", {"style": "id"}, "parse.style"),
    ("", {}, "parse.empty"),
    ("   ", {}, "parse.empty"),
    ("NaN", {}, "number.syntax"),
    ("Infinity", {}, "number.syntax"),
    ("1E5", {}, "number.syntax"),
    (".5", {}, "number.syntax"),
    ("5.", {}, "number.syntax"),
    ("- 5", {}, "number.syntax"),
    ("Rp 1.234", {}, "number.syntax"),
    ("12 %", {}, "number.syntax"),
    ("1 234", {}, "number.syntax"),
    ("\u0661\u0662", {}, "number.syntax"),  # Arabic-Indic digits
    ("1" * 30, {}, "number.too_large"),
    ("1" * 101, {}, "text.too_long"),
]


@pytest.mark.parametrize(("text", "options", "key"), BAD_NUMBERS)
def test_bad_numbers_are_refused_with_the_reason(
    text: str, options: dict[str, str], key: str
) -> None:
    error = expect_only(lambda: parse_number(text, **options), ("", key))  # type: ignore[arg-type]
    for lang in LANGS:
        assert error.describe(lang)


def test_the_ambiguity_names_both_readings() -> None:
    with pytest.raises(InvalidPlanError) as caught:
        parse_number("25.325")
    message = caught.value.describe("en")
    assert "25325" in message
    assert "25.325" in message
    assert "bermakna ganda" in caught.value.describe("id")


def test_non_text_is_refused() -> None:
    expect_only(lambda: parse_number(25325), ("", "text.type"))  # type: ignore[arg-type]
    expect_only(
        lambda: parse_number("1", style="fr"),  # type: ignore[arg-type]
        ("", "parse.style_choice"),
    )
    assert check_style("id") == "id"


# -- money and percentages --------------------------------------------------------------------


@pytest.mark.parametrize(("text", "value"), [
    ("Rp 1.234.567", D("1234567")),
    ("Rp. 4,847,753,572", D("4847753572")),
    ("Rp1.234.567,50", D("1234567.50")),
    ("RP 1.234.567,-", D("1234567")),
    ("1.234.567,-", D("1234567")),
    ("IDR 40,000,000", D("40000000")),
    ("40.000", D("40000")),
    ("4,091,594,846.50", D("4091594846.50")),
    ("846.5", D("846.5")),
])
def test_money(text: str, value: Decimal) -> None:
    assert parse_money(text) == value


@pytest.mark.parametrize(("text", "key"), [
    ("(1.000)", "money.negative"),
    ("1,234.567", "money.precision"),
    ("Rp", "number.syntax"),
    ("Rp 10.000.000.000.000.000.000", "number.too_large"),
])
def test_bad_money(text: str, key: str) -> None:
    expect_only(lambda: parse_money(text), ("", key))


@pytest.mark.parametrize(("text", "value"), [
    ("72,18 %", D("72.18")),
    ("72.18 %", D("72.18")),
    ("100,00%", D("100.00")),
    ("12,50", D("12.50")),
    ("(0,21 %)", D("-0.21")),
    ("(0.21) %", D("-0.21")),
])
def test_percentages(text: str, value: Decimal) -> None:
    assert parse_percent(text) == value


def test_a_percentage_with_three_decimals_is_ambiguous() -> None:
    expect_only(lambda: parse_percent("12,500 %"), ("", "parse.ambiguous"))
    assert parse_percent("12,500 %", style="id") == D("12.5")


# -- quantities -------------------------------------------------------------------------------

QUANTITIES = [
    ("25.325 KPM (72,18 %)", Quantity(D("25325"), "KPM", D("72.18"))),
    ("25,325 KPM (72,18 %)", Quantity(D("25325"), "KPM", D("72.18"))),
    ("678 lembar", Quantity(D("678"), "lembar")),
    ("- Kasus", Quantity(NIL, "Kasus")),
    ("-", Quantity(NIL)),
    ("35", Quantity(D("35"))),
    ("2 (26,32 %)", Quantity(D("2"), None, D("26.32"))),
    ("4 Panti (75,00%)", Quantity(D("4"), "Panti", D("75.00"))),
    ("5,071 Korban Bencana (90 %)", Quantity(D("5071"), "Korban Bencana", D("90"))),
    ("65,23 % (25.325 KPM)", Quantity(D("25325"), "KPM", D("65.23"))),
    ("100,00% (36.127 KPM)", Quantity(D("36127"), "KPM", D("100.00"))),
    ("100,00 % (38,827)", Quantity(D("38827"), None, D("100.00"))),
    ("72,18 %", Quantity(D("72.18"), "%")),
    ("72.18 %", Quantity(D("72.18"), "%")),
    ("67 SDM PKH 24 TSKK", Quantity(D("67"), "SDM PKH", also=(Quantity(D("24"), "TSKK"),))),
    ("- (12,5 %)", Quantity(NIL, None, D("12.5"))),
    ("12,5 km", Quantity(D("12.5"), "km")),
    ("-5 org", Quantity(D("-5"), "org")),
    ("678lembar", Quantity(D("678"), "lembar")),
    ("1.234 Korban Bencana", Quantity(D("1234"), "Korban Bencana")),
]


@pytest.mark.parametrize(("text", "value"), QUANTITIES)
def test_quantities(text: str, value: Quantity) -> None:
    assert parse_quantity(text) == value


@pytest.mark.parametrize("text", [
    "abc", "(5)", "2 - 3 orang", "5 (x %)", "5 (3 %", "5 % (3 %)", "72,18 % KPM",
    "65,23 % (KPM)", "5 org - Kasus", "%", "()", "65,23 % (25.325 KPM) 3",
])
def test_malformed_quantities(text: str) -> None:
    expect_only(lambda: parse_quantity(text), ("", "parse.quantity"))


def test_quantity_numbers_report_their_own_reason() -> None:
    expect_only(lambda: parse_quantity("1.23.4 KPM"), ("", "parse.grouping"))


def test_a_quantity_in_a_given_style() -> None:
    assert parse_quantity("1,234 km", style="id") == Quantity(D("1.234"), "km")
    assert parse_quantity("1,234 km") == Quantity(D("1234"), "km")


# -- round trips with renstra_model.tables.formats
# ---------------------------------------------------


@given(numbers(), st.sampled_from(LANGS))
@example(D("-0.2145"), "id")
@example(D("4091594846.50"), "id")
@example(D("0.125"), "en")
def test_parse_of_format_is_the_number(value: Decimal, lang: str) -> None:
    text = format_number(value, lang=lang)  # type: ignore[arg-type]
    parsed = parse_number(text, style=lang)  # type: ignore[arg-type]
    assert parsed == value
    exponent = value.as_tuple().exponent
    if isinstance(exponent, int) and exponent <= 0 and not (value.is_zero() and value.is_signed()):
        assert str(parsed) == str(value)  # same digits, trailing zeros included (-0 prints 0)


@given(numbers(), st.sampled_from(LANGS))
def test_parse_of_format_is_the_number_in_a_count_column(value: Decimal, lang: str) -> None:
    """Without the style, a count reads back the same, except where its text is a thousands
    group look-alike (a fraction of exactly three decimals and at most three integer
    digits), which the rules read as a group."""
    text = format_number(value, lang=lang)  # type: ignore[arg-type]
    ambiguous = re.fullmatch(r"-?[1-9][0-9]{0,2}[.,][0-9]{3}", text)
    assume(not ambiguous)
    assert parse_number(text, kind="count") == value


@given(money(), st.sampled_from(LANGS), st.sampled_from(["", "Rp ", "Rp. ", "Rp"]))
@example(D("1.000"), "id", "")
def test_parse_money_of_format_is_the_amount(value: Decimal, lang: str, prefix: str) -> None:
    text = prefix + format_number(value, lang=lang)  # type: ignore[arg-type]
    assert parse_money(text, style=lang) == value  # type: ignore[arg-type]
    exponent = value.as_tuple().exponent
    if exponent != -3:
        # Without the style: money has at most two decimals (Decimal("1.000") has three
        # zeros, printed "1,000", which reads as one thousand).
        assert parse_money(text) == value


@given(numbers(), st.sampled_from(LANGS))
def test_parse_percent_of_format_is_the_percentage(value: Decimal, lang: str) -> None:
    text = format_percent(value, lang=lang)  # type: ignore[arg-type]
    assert parse_percent(text, style=lang) == value  # type: ignore[arg-type]


UNITS = st.sampled_from(["KPM", "org", "Korban Bencana", "lembar", "SDM PKH", "Unit", "m2"])


@st.composite
def printable_quantities(draw: st.DrawFn) -> Quantity:
    """Quantities whose units are words, as the document's are."""
    amounts = st.one_of(numbers(), st.just(NIL))
    head = Quantity(draw(amounts), draw(st.none() | UNITS), draw(st.none() | numbers()))
    also = draw(st.lists(
        st.builds(Quantity, numbers(), st.none() | UNITS, st.none() | numbers()), max_size=2))
    return Quantity(head.amount, head.unit, head.percent, tuple(also))


@given(printable_quantities())
@example(Quantity(D("25325"), "KPM", D("72.18")))
@example(Quantity(D("1.234"), "km"))
def test_parse_quantity_of_its_printed_form(value: Quantity) -> None:
    from renstra_model.io.excel import format_quantity

    assert parse_quantity(format_quantity(value), style="id") == value


# -- dates ------------------------------------------------------------------------------------

DATES = [
    ("9 September 2021", dt.date(2021, 9, 9)),
    ("09-09-2021", dt.date(2021, 9, 9)),
    ("2021-09-09", dt.date(2021, 9, 9)),
    ("09/10/2021", dt.date(2021, 10, 9)),
    ("2021/10/09", dt.date(2021, 10, 9)),
    ("9 Agustus 2021", dt.date(2021, 8, 9)),
    ("9 Agt 2021", dt.date(2021, 8, 9)),
    ("31 Desember 2022", dt.date(2022, 12, 31)),
    ("1 Nopember 2020", dt.date(2020, 11, 1)),
    ("Kamis, 9 September 2021", dt.date(2021, 9, 9)),
    ("tanggal 9 Mei 2021", dt.date(2021, 5, 9)),
    ("9 MARET 2021", dt.date(2021, 3, 9)),
    ("29 Februari 2024", dt.date(2024, 2, 29)),
]


@pytest.mark.parametrize(("text", "date"), DATES)
def test_dates(text: str, date: dt.date) -> None:
    assert parse_date(text) == date


@pytest.mark.parametrize("text", [
    "Agustus", "September 2021", "9 September", "9/9/21", "2021", "31 Februari 2021",
    "2021-13-01", "9 September 2021 10:00", "Senin", "kemarin", "99999999999999999999 9999",
    "9 Foo 2021", "",
])
def test_incomplete_or_wrong_dates(text: str) -> None:
    with pytest.raises(InvalidPlanError) as caught:
        parse_date(text)
    assert caught.value.problems[0].key in ("parse.date", "parse.empty")


def test_place_and_date_of_the_signature() -> None:
    assert parse_place_date("Kefamenanu, 9 September 2021") == (
        "Kefamenanu", dt.date(2021, 9, 9))
    assert parse_place_date("9 September 2021") == (None, dt.date(2021, 9, 9))
    assert parse_place_date("Kamis, 9 September 2021") == (None, dt.date(2021, 9, 9))
    expect_only(lambda: parse_place_date("Kefamenanu, kemarin"), ("", "parse.date"))


def test_months() -> None:
    assert [parse_month(name) for name in MONTH_NAMES] == list(range(1, 13))
    assert parse_month("Agustus") == 8
    assert parse_month("desember") == 12
    assert parse_month("Des.") == 12
    assert parse_month("Pebruari") == 2
    assert parse_month("August") == 8
    assert all(1 <= n <= 12 for n in MONTHS.values())
    expect_only(lambda: parse_month("Agust0s"), ("", "parse.month"))


@given(st.dates(min_value=dt.date(1000, 1, 1)), st.booleans())
def test_printed_dates_read_back(date: dt.date, english: bool) -> None:
    names = ["January", "February", "March", "April", "May", "June", "July", "August",
             "September", "October", "November", "December"] if english else MONTH_NAMES
    year = f"{date.year:04d}"
    assert parse_date(f"{date.day} {names[date.month - 1]} {year}") == date
    assert parse_date(f"{date.day:02d}-{date.month:02d}-{year}") == date
    assert parse_date(date.isoformat()) == date
    assert parse_place_date(f"Kefamenanu, {date.day} {names[date.month - 1]} {year}") == (
        "Kefamenanu", date)


# -- the TTU source text ----------------------------------------------------------------------

SOURCE = os.environ.get("RENSTRA_TTU_SOURCE")
CELL = re.compile(r"^-?[\d(][\d.,]*.*$")


@pytest.mark.skipif(not SOURCE or not Path(SOURCE).is_file(),
                    reason="RENSTRA_TTU_SOURCE is not set: see "
        "docs/getting-started.md, section Environment")
def test_every_figure_cell_of_t_c_27_and_7_1_reads() -> None:
    """Every cell of the document's T-C.27 and Table 7.1 that starts with a figure reads as a
    quantity or as money (the source text, where CI provides it)."""
    assert SOURCE is not None
    text = Path(SOURCE).read_text(encoding="utf-8")
    start = text.index("TUJUAN\tSASARAN\tKODE REKENING")
    end = text.index("TOTAL ANGGARAN", start)
    table_7_1 = text.index("Tabel 7.1", end)
    section = text[start:end] + "\n".join(text[table_7_1:].splitlines()[:40])
    read = 0
    for line in section.splitlines():
        if "\t" not in line:
            continue
        for cell in line.split("\t"):
            cell = re.sub(r"</?i>", "", cell).strip()
            if not cell or not CELL.match(cell) or re.fullmatch(r"[\d ]+\.\d\d(?: \d\d)?", cell):
                continue
            if re.fullmatch(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?", cell):
                assert isinstance(parse_money(cell), Decimal), cell
            else:
                parse_quantity(cell)
            read += 1
    assert read > 300


def test_money_limit_is_the_model_limit() -> None:
    assert parse_money(format_number(MAX_MONEY)) == MAX_MONEY

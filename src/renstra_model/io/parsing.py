"""Numbers, money, quantities and dates as Indonesian plans and spreadsheets write them.

The TTU document alone writes numbers in two styles: ``4,847,753,572`` and ``25.325``,
``72,18 %`` and ``72.18 %``. Every function here returns exact values (a
:class:`~decimal.Decimal`, never a float), :data:`~renstra_model.model.values.NIL` for a printed
``-``, and raises :class:`~renstra_model.errors.InvalidPlanError` naming the text and the
reason when the text is not what it should be. Nothing is guessed: where a text has two
readings and the context does not settle it, the error says so and names both.

>>> parse_number("1.234.567,89")
Decimal('1234567.89')
>>> parse_number("4,847,753,572")
Decimal('4847753572')
>>> parse_money("Rp 1.234.567")
Decimal('1234567')
>>> parse_number("(0.21)")
Decimal('-0.21')
>>> parse_percent("72,18 %")
Decimal('72.18')
>>> parse_quantity("25.325 KPM (72,18 %)")
Quantity(amount=Decimal('25325'), unit='KPM', percent=Decimal('72.18'), also=())
>>> parse_number("-")
NIL

The rules, with the ambiguity of ``25.325`` (twenty-five thousand, or twenty-five and a
fraction), are in ``docs/formats.md``.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Callable, Mapping
from decimal import Decimal
from types import MappingProxyType
from typing import Final, Literal

from dateutil import parser

from ..errors import InvalidPlanError, MissingExtraError, fail
from ..messages import LOCALES
from ..model.values import NIL, Nil, Quantity, check_money, check_number

Style = Literal["auto", "id", "en"]
"""How a text writes numbers: ``"id"`` (``1.234.567,89``: a dot groups thousands, a comma
marks decimals), ``"en"`` (``1,234,567.89``), or ``"auto"``: decided per text by the rules of
``docs/formats.md``."""

STYLES: Final[tuple[Style, ...]] = ("auto", "id", "en")

Kind = Literal["number", "count", "money", "percent"]
"""What a number stands for, the context that settles ``25.325``: a ``count`` (people,
units, households: the amount of a quantity) or ``money`` reads it as 25325, a ``percent`` or
a plain ``number`` refuses it as ambiguous unless the style is given."""

KINDS: Final[tuple[Kind, ...]] = ("number", "count", "money", "percent")

MAX_NUMBER_TEXT: Final = 100
"""The longest text :func:`parse_number` reads (a number of a plan has at most 20 digits)."""

MAX_CELL_TEXT: Final = 1_000
"""The longest text :func:`parse_quantity` and the date functions read."""


_EXAMPLES: Final = {"id": "1.234.567,89", "en": "1,234,567.89"}
_SPACES: Final = re.compile(r"[\s\u00a0\u2007\u202f]+")
_DASHES: Final = frozenset("-\u2010\u2011\u2012\u2013\u2014\u2212")
_MINUS: Final = frozenset("-\u2212")
_DIGITS: Final = re.compile(r"[0-9][0-9.,]*")
_MONEY_PREFIX: Final = re.compile(r"(?:rp\.?|idr)\s*", re.IGNORECASE)
_MONEY_SUFFIX: Final = re.compile(r"[.,]-$")
_PERCENT_SIGN: Final = re.compile(r"\s*%\s*(\)?)$")


def _spaces(text: str) -> str:
    return _SPACES.sub(" ", text).strip()


def _text(value: object, limit: int) -> str:
    if not isinstance(value, str):
        raise fail("text.type", type=type(value).__name__)
    if len(value) > limit:
        raise fail("text.too_long", length=len(value), limit=limit)
    text = _spaces(value)
    if not text:
        raise fail("parse.empty")
    return text


def check_style(value: object) -> Style:
    """Return *value* if it names a number style (``auto``, ``id``, ``en``), else raise."""
    for style in STYLES:
        if value == style:
            return style
    raise fail("parse.style_choice", value=value)


# -- numbers ------------------------------------------------------------------------------------


def _parse_decimal() -> Callable[..., Decimal]:
    try:
        from babel.numbers import parse_decimal
    except ImportError:  # pragma: no cover - the extra is installed with the tests
        raise MissingExtraError(
            "reading numbers needs Babel: pip install 'renstra-model[locale]'"
        ) from None
    return parse_decimal


def _style_of(digits: str, original: str, style: Style, kind: Kind) -> Literal["id", "en"]:
    """The style *digits* (digits, dots and commas only) is written in: the given one, or
    the one the rules of docs/formats.md decide."""
    if style != "auto":
        return style
    dots, commas = digits.count("."), digits.count(",")
    if dots and commas:
        # Both marks: the last one is the decimal mark.
        return "id" if digits.rfind(",") > digits.rfind(".") else "en"
    if not dots and not commas:
        return "id"
    mark = "." if dots else ","
    grouping: Literal["id", "en"] = "id" if mark == "." else "en"
    decimal: Literal["id", "en"] = "en" if mark == "." else "id"
    if dots + commas > 1:
        return grouping  # a mark that appears twice groups thousands
    head, tail = digits.split(mark)
    if len(tail) != 3 or not 1 <= len(head) <= 3 or head.startswith("0"):
        return decimal  # not a thousands group: the decimal mark
    if kind in ("count", "money"):
        return grouping
    raise fail("parse.ambiguous", value=original, grouped=head + tail, decimal=f"{head}.{tail}")


def _number(text: str, original: str, style: Style, kind: Kind) -> Decimal | Nil:
    """Read the number *text* (spaces normalised) of a cell whose full text is *original*."""
    if text in _DASHES:
        return NIL
    negative = False
    if text.startswith("(") and text.endswith(")"):
        negative, text = True, text[1:-1].strip()
    elif text[:1] in _MINUS and text[1:2].isdigit():
        negative, text = True, text[1:]
    if not _DIGITS.fullmatch(text) or text[-1] in ".,":
        raise fail("number.syntax", value=original)
    chosen = _style_of(text, original, style, kind)
    parse_decimal = _parse_decimal()
    try:
        number = parse_decimal(text, locale=LOCALES[chosen], strict=True)
    except ValueError:
        if style == "auto":
            raise fail("parse.grouping", value=original) from None
        raise fail("parse.style", value=original, style=style, example=_EXAMPLES[style]) from None
    if not isinstance(number, Decimal) or not number.is_finite():  # pragma: no cover - Babel
        raise fail("number.syntax", value=original)
    return check_number(-number if negative else number)


def parse_number(text: str, *, style: Style = "auto", kind: Kind = "number") -> Decimal | Nil:
    """The number *text* states, exactly, or :data:`~renstra_model.model.values.NIL` for ``-``.

    Reads ``1.234.567,89``, ``4,847,753,572``, ``72,18``, ``72.18``, ``-0,21`` and ``(0.21)``
    (a negative). *style* fixes the separators (``"id"``: ``1.234,5``; ``"en"``:
    ``1,234.5``); ``"auto"`` decides per text. *kind* is what the number stands for: it
    settles a single separator followed by three digits (``25.325``), a thousands group in a
    ``count`` or ``money``, ambiguous in a ``percent`` or plain ``number``.

    >>> parse_number("25.325", kind="count")
    Decimal('25325')
    >>> parse_number("25.325", style="en")
    Decimal('25.325')
    >>> parse_number("72.18")
    Decimal('72.18')
    """
    check_style(style)
    return _number(_text(text, MAX_NUMBER_TEXT), text, style, kind)


def parse_percent(text: str, *, style: Style = "auto") -> Decimal | Nil:
    """A percentage, in percent: ``72,18 %``, ``72.18%`` and ``72,18`` are 72.18.

    >>> parse_percent("(0,21 %)")
    Decimal('-0.21')
    """
    check_style(style)
    cleaned = _PERCENT_SIGN.sub(r"\1", _text(text, MAX_NUMBER_TEXT)).strip()
    if not cleaned:
        raise fail("number.syntax", value=text)
    return _number(cleaned, text, style, "percent")


def parse_money(text: str, *, style: Style = "auto") -> Decimal | Nil:
    """An amount of rupiah: ``Rp 1.234.567``, ``Rp. 4,847,753,572``, ``1.234.567,-``,
    ``4,091,594,846.50``; ``-`` is NIL. The result is valid money of a plan (not negative,
    at most two decimals, at most ``MAX_MONEY``), else the error says why.

    >>> parse_money("Rp. 4,091,594,846.50")
    Decimal('4091594846.50')
    >>> parse_money("Rp 1.234.567,-")
    Decimal('1234567')
    """
    check_style(style)
    cleaned = _text(text, MAX_NUMBER_TEXT)
    prefix = _MONEY_PREFIX.match(cleaned)
    if prefix:
        cleaned = cleaned[prefix.end():]
    cleaned = _MONEY_SUFFIX.sub("", cleaned).strip()
    if not cleaned:
        raise fail("number.syntax", value=text)
    value = _number(cleaned, text, style, "money")
    return NIL if value is NIL else check_money(value)


# -- quantities ---------------------------------------------------------------------------------

_TOKEN: Final = re.compile(
    r"(?P<open>\()|(?P<close>\))|(?P<pct>%)"
    r"|(?P<num>[-\u2212]?[0-9][0-9.,]*)"
    r"|(?P<dash>[-\u2010\u2011\u2012\u2013\u2014\u2212](?=[\s()]|$))"
    r"|(?P<word>[^\s()%]+)"
)


def _tokens(text: str) -> list[tuple[str, str]]:
    return [
        (match.lastgroup or "word", match.group())
        for match in _TOKEN.finditer(text)
    ]


class _QuantityReader:
    """A small recursive-descent reader over the tokens of one quantity cell."""

    def __init__(self, text: str, original: str, style: Style) -> None:
        self.tokens = _tokens(text)
        self.position = 0
        self.original = original
        self.style = style

    def error(self) -> InvalidPlanError:
        return fail("parse.quantity", value=self.original)

    def peek(self, offset: int = 0) -> str | None:
        index = self.position + offset
        return self.tokens[index][0] if index < len(self.tokens) else None

    def take(self) -> str:
        value = self.tokens[self.position][1]
        self.position += 1
        return value

    def number(self, kind: Kind) -> Decimal:
        value = _number(self.take(), self.original, self.style, kind)
        assert isinstance(value, Decimal)  # a "num" token is never a dash
        return value

    def unit(self) -> str | None:
        words: list[str] = []
        while self.peek() == "word":
            words.append(self.take())
        return " ".join(words) or None

    def bracketed_percent(self) -> Decimal | None:
        """``(72,18 %)`` after an amount and unit, or None when no bracket follows."""
        if self.peek() != "open":
            return None
        if (self.peek(1), self.peek(2), self.peek(3)) != ("num", "pct", "close"):
            raise self.error()
        self.take()
        percent = self.number("percent")
        self.take()
        self.take()
        return percent

    def percent_first(self) -> Quantity:
        """``72,18 %`` alone (the amount is the percentage), or ``65,23 % (25.325 KPM)``
        as Table 7.1 writes a percentage with its count."""
        amount: Decimal | Nil
        if self.peek() == "dash":
            self.take()
            amount = NIL
        else:
            amount = self.number("percent")
        self.take()  # the % sign
        if self.peek() is None:
            return Quantity(amount, "%")
        if amount is NIL or (self.peek(), self.peek(1)) != ("open", "num"):
            raise self.error()
        self.take()
        count = self.number("count")
        unit = self.unit()
        if self.peek() != "close":
            raise self.error()
        self.take()
        if self.peek() is not None:
            raise self.error()
        return Quantity(count, unit, amount)

    def figure(self, first: bool) -> Quantity:
        amount: Decimal | Nil
        if self.peek() == "num":
            amount = self.number("count")
        elif self.peek() == "dash" and first:
            self.take()
            amount = NIL
        else:
            raise self.error()
        unit = self.unit()
        return Quantity(amount, unit, self.bracketed_percent())

    def read(self) -> Quantity:
        if self.peek() in ("num", "dash") and self.peek(1) == "pct":
            return self.percent_first()
        head = self.figure(first=True)
        also: list[Quantity] = []
        while self.peek() is not None:
            also.append(self.figure(first=False))
        return Quantity(head.amount, head.unit, head.percent, tuple(also))


def parse_quantity(text: str, *, style: Style = "auto") -> Quantity:
    """What a target or realisation cell states, as a
    :class:`~renstra_model.model.values.Quantity`.

    The amount is read as a count (``25.325`` is 25325 unless *style* says otherwise), the
    percentage in brackets as a percentage:

    >>> parse_quantity("- Kasus")
    Quantity(amount=NIL, unit='Kasus', percent=None, also=())
    >>> parse_quantity("65,23 % (25.325 KPM)")  # Table 7.1 puts the percentage first
    Quantity(amount=Decimal('25325'), unit='KPM', percent=Decimal('65.23'), also=())
    >>> str(parse_quantity("67 SDM PKH 24 TSKK"))
    '67 SDM PKH 24 TSKK'
    >>> parse_quantity("72,18 %")
    Quantity(amount=Decimal('72.18'), unit='%', percent=None, also=())
    """
    check_style(style)
    cleaned = _text(text, MAX_CELL_TEXT)
    return _QuantityReader(cleaned, text, style).read()


# -- dates --------------------------------------------------------------------------------------

MONTH_NAMES: Final = (
    "Januari", "Februari", "Maret", "April", "Mei", "Juni",
    "Juli", "Agustus", "September", "Oktober", "November", "Desember",
)
"""The Indonesian month names, January first."""

_MONTH_SPELLINGS: Final = (
    ("Jan", "Januari", "January"),
    ("Feb", "Februari", "Pebruari", "Peb", "February"),
    ("Mar", "Maret", "March"),
    ("Apr", "April"),
    ("Mei", "May"),
    ("Jun", "Juni", "June"),
    ("Jul", "Juli", "July"),
    ("Agu", "Agt", "Ags", "Agus", "Agustus", "Aug", "August"),
    ("Sep", "Sept", "September"),
    ("Okt", "Oktober", "Oct", "October"),
    ("Nov", "Nop", "November", "Nopember"),
    ("Des", "Desember", "Dec", "December"),
)
_WEEKDAY_SPELLINGS: Final = (
    ("Sen", "Senin", "Mon", "Monday"),
    ("Sel", "Selasa", "Tue", "Tuesday"),
    ("Rab", "Rabu", "Wed", "Wednesday"),
    ("Kam", "Kamis", "Thu", "Thursday"),
    ("Jum", "Jumat", "Jum'at", "Fri", "Friday"),
    ("Sab", "Sabtu", "Sat", "Saturday"),
    ("Min", "Minggu", "Ahad", "Sun", "Sunday"),
)

MONTHS: Final[Mapping[str, int]] = MappingProxyType({
    name.casefold(): number
    for number, names in enumerate(_MONTH_SPELLINGS, start=1)
    for name in names
})
"""Every month name and abbreviation read (Indonesian, old spellings such as *Nopember*, and
English), case folded, with its number."""

_WEEKDAYS: Final = frozenset(n.casefold() for names in _WEEKDAY_SPELLINGS for n in names)
_FOUR_DIGIT_YEAR: Final = re.compile(r"(?<![0-9])[0-9]{4}(?![0-9])")
_ISO_DATE: Final = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_YEAR_FIRST: Final = re.compile(r"[0-9]{4}[-/.]")
_DEFAULTS: Final = (dt.datetime(2000, 1, 1, 0, 0, 0), dt.datetime(2001, 2, 2, 1, 1, 1))


@functools.cache
def _parserinfo(year_first: bool) -> parser.parserinfo:
    """dateutil's parser settings with Indonesian (and English) month and weekday names."""

    class IndonesianInfo(parser.parserinfo):
        # dateutil reads any sequence of names per month; its stubs say two or three.
        MONTHS = _MONTH_SPELLINGS  # type: ignore[assignment]
        WEEKDAYS = _WEEKDAY_SPELLINGS  # type: ignore[assignment]
        JUMP = (*parser.parserinfo.JUMP, "tanggal", "tgl", "tgl.")  # type: ignore[assignment]

    return IndonesianInfo(dayfirst=not year_first, yearfirst=year_first)


def parse_month(text: str) -> int:
    """The number of the month *text* names: ``Agustus`` is 8, ``Desember`` and ``Des.`` are
    12 (Indonesian names, old spellings, English names; any case).

    >>> parse_month("Agustus"), parse_month("DESEMBER"), parse_month("Nopember")
    (8, 12, 11)
    """
    cleaned = _text(text, MAX_CELL_TEXT)
    number = MONTHS.get(cleaned.rstrip(".").casefold())
    if number is None:
        raise fail("parse.month", value=text)
    return number


def parse_date(text: str) -> dt.date:
    """The date *text* states, with day, month and a four-digit year.

    Month names are Indonesian or English (``9 September 2021``, ``9 Agt 2021``). Numeric
    dates are read day first (``09-10-2021`` is 9 October), except where they start with the
    year (``2021-10-09``, ISO). A weekday may precede (``Kamis, 9 September 2021``); a time
    of day, a missing part or a two-digit year is refused. Read by python-dateutil.

    >>> parse_date("9 September 2021")
    datetime.date(2021, 9, 9)
    >>> parse_date("09-09-2021") == parse_date("2021-09-09")
    True
    """
    cleaned = _text(text, MAX_CELL_TEXT)
    if _ISO_DATE.fullmatch(cleaned):
        try:
            return dt.date.fromisoformat(cleaned)
        except ValueError:
            raise fail("parse.date", value=text) from None
    if not _FOUR_DIGIT_YEAR.search(cleaned):
        raise fail("parse.date", value=text)
    info = _parserinfo(bool(_YEAR_FIRST.match(cleaned)))
    try:
        first, second = (
            parser.parse(cleaned, parserinfo=info, default=default) for default in _DEFAULTS
        )
    except (ValueError, OverflowError, TypeError, AttributeError, IndexError):
        raise fail("parse.date", value=text) from None
    if first.date() != second.date() or first.time() != _DEFAULTS[0].time() or (
        second.time() != _DEFAULTS[1].time()
    ):
        raise fail("parse.date", value=text)  # a part is missing, or a time is stated
    if first.tzinfo is not None or second.tzinfo is not None:
        raise fail("parse.date", value=text)
    date: dt.date = first.date()
    return date


def parse_place_date(text: str) -> tuple[str | None, dt.date]:
    """The place and the date of a signature line: ``Kefamenanu, 9 September 2021``.

    The place is what precedes the last comma (None when there is none, or when it is a
    weekday).

    >>> parse_place_date("Kefamenanu, 9 September 2021")
    ('Kefamenanu', datetime.date(2021, 9, 9))
    >>> parse_place_date("9 September 2021")
    (None, datetime.date(2021, 9, 9))
    """
    cleaned = _text(text, MAX_CELL_TEXT)
    head, comma, tail = cleaned.rpartition(",")
    if not comma:
        return None, parse_date(cleaned)
    try:
        date = parse_date(tail)
    except InvalidPlanError:
        raise fail("parse.date", value=text) from None
    place = head.strip()
    if not place or place.rstrip(".").casefold() in _WEEKDAYS:
        return None, date
    return place, date

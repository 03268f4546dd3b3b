"""The fields of a SIPD export's row, and how each is read: the columns (required, optional,
the years' ``volume_N`` and ``paguN``), a field's value as text, the period, money and
volumes as exact decimals (never through a binary float), and the mapping of an indicator's
stated formula kind to the model's polarity and aggregation (:data:`AGGREGATIONS`,
:data:`POLARITIES`).
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping
from decimal import Decimal
from typing import Final

from ...errors import fail
from ...model.indicators import Aggregation, Polarity
from ...model.plan import Period
from ...model.values import (
    MAX_MONEY,
    NIL,
    MoneyCell,
    Nil,
    Quantity,
    check_money,
    check_number,
)
from ..parsing import Style, parse_money, parse_number, parse_percent

MAX_YEARS: Final = 7
"""The years an export states at most: ``pagu1`` … ``pagu7``, ``volume_1`` … ``volume_7``."""

IDENTITY: Final = ("kodepemda", "namapemda", "idperiode", "kodeskpd", "uraiskpd")
CODES: Final = ("kodebidang", "kodeprogram", "kodekegiatan", "kodesubkegiatan")
NAMES: Final = ("uraibidang", "uraiprogram", "uraikegiatan", "uraisubkegiatan")
INDICATOR: Final = ("kodesubkegiatan_indikator", "uraisubkegiatan_indikator", "satuan",
                    "kinerja", "formula")


def volume(year: int) -> str:
    """The column of the indicator's target of the period's *year*-th year (``volume_1``);
    0 is ``volume_0``."""
    return f"volume_{year}"


def pagu(year: int) -> str:
    """The column of the pagu of the period's *year*-th year (``pagu1``)."""
    return f"pagu{year}"


REQUIRED: Final = ("kodepemda", "kodeskpd", "idperiode", "kodeprogram", "kodekegiatan",
                   "kodesubkegiatan", "pagu1")
"""The columns without which an export is refused; ``pagu2`` … are required as far as the
period's years go."""

KNOWN: Final = frozenset({
    *IDENTITY, *CODES, *NAMES, *INDICATOR, "volume_awal", "pagu_awal",
    *(volume(n) for n in range(MAX_YEARS + 1)), *(pagu(n) for n in range(1, MAX_YEARS + 1)),
})
"""Every column the reader reads; any other is ignored and listed once."""

_PERIOD: Final = re.compile(r"([0-9]{4})\s*[-/–]?\s*([0-9]{4})")
_PLAIN: Final = re.compile(r"([0-9]+)(?:([.,])([0-9]+))?")
_MONEY_DIGITS: Final = len(str(int(MAX_MONEY)))


def text_of(value: object) -> str | None:
    """A field's value as the text it states: None for an empty one (None, blank text); a
    JSON number as its decimal (never through a binary float: the JSON is parsed with
    decimals; a float given in Python is read as its shortest text). A true/false, a list or
    an object is refused."""
    if value is None:
        return None
    if isinstance(value, str):
        return value if value.strip() else None
    if isinstance(value, bool):
        raise fail("excel.cell_type", expected="text or a number", type="a true/false value")
    if isinstance(value, int):
        return str(value)
    if isinstance(value, Decimal):
        return format(value, "f") if value.is_finite() else str(value)
    if isinstance(value, float):
        return repr(value) if math.isfinite(value) else str(value)
    raise fail("excel.cell_type", expected="text or a number", type=kind_of(value))


def kind_of(value: object) -> str:
    """What *value* is, as a message names it: ``a list``, ``an object``, ``text``…"""
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "an object"
    if isinstance(value, str):
        return "text"
    return type(value).__name__


def read_period(text: str) -> Period:
    """The period ``idperiode`` states: ``20252029`` is 2025–2029, its baseline 2024."""
    match = _PERIOD.fullmatch(text.strip())
    if match is None:
        raise fail("sipd.period", value=text)
    first, last = int(match.group(1)), int(match.group(2))
    if last - first + 1 > MAX_YEARS and first <= last:
        raise fail("sipd.period_years", period=text.strip(), years=last - first + 1,
                   limit=MAX_YEARS)
    return Period(first - 1, first, last)


def normalised(value: Decimal) -> Decimal:
    """*value* without the zeros that end its fraction (``177582000.0`` is ``177582000``,
    ``12.50`` is ``12.5``): the same number, written one way whichever way the file wrote it."""
    if value == value.to_integral_value():
        return Decimal(int(value))
    return value.normalize()


def _is_decimal_mark(head: str, mark: str, tail: str, style: Style) -> bool:
    """The one mark of a plain number (*head* *mark* *tail*) is its decimal mark in *style*:
    the style's own mark, or in ``auto`` a mark that cannot group thousands."""
    if style == "auto":
        return len(tail) != 3 or len(head) > 3 or head.startswith("0")
    return (style == "en" and mark == ".") or (style == "id" and mark == ",")


def _plain(text: str, style: Style) -> Decimal | None:
    """The number of a plain text (digits, perhaps one decimal mark and digits) where the
    style settles it, without the number parser; None where the parser must decide."""
    match = _PLAIN.fullmatch(text)
    if match is None:
        return None
    head, mark, tail = match.groups()
    if mark is None:
        return Decimal(head)
    return Decimal(f"{head}.{tail}") if _is_decimal_mark(head, mark, tail, style) else None


def _plain_money(text: str, style: Style) -> Decimal | None:
    """The amount of a plain text that is valid money as it stands (at most two decimal
    places once the zeros ending its fraction are dropped, at most :data:`MAX_MONEY`), made
    normalised without the model's checks; None where :func:`read_money` must decide."""
    match = _PLAIN.fullmatch(text)
    if match is None:
        return None
    head, mark, tail = match.groups()
    if mark is not None:
        if not _is_decimal_mark(head, mark, tail, style):
            return None
        tail = tail.rstrip("0")
        if len(tail) > 2:
            return None
    digits = head.lstrip("0")
    if len(digits) > _MONEY_DIGITS:
        return None
    value = Decimal(f"{digits or '0'}.{tail}" if mark is not None and tail else digits or "0")
    return value if value <= MAX_MONEY else None


def read_money(text: str, style: Style) -> MoneyCell:
    """The rupiah a ``paguN`` field states, exactly: ``177582000.0`` and ``177582000,00``
    (in a file of decimal commas) are 177582000; ``-`` is nil. More than two decimal places
    (``150.125``), a negative amount and a text that is no number are refused, as is a
    number with two readings (``150.000`` in the ``auto`` style)."""
    stripped = text.strip()
    fast = _plain_money(stripped, style)
    if fast is not None:
        return fast
    plain = _plain(stripped, style)
    if plain is None:
        if style == "auto":
            value = parse_number(stripped, style=style, kind="number")
            return NIL if value is NIL else check_money(normalised(_decimal(value)))
        parsed = parse_money(stripped, style=style)
        return NIL if parsed is NIL else check_money(normalised(_decimal(parsed)))
    return check_money(normalised(plain))


def read_volume(text: str, style: Style) -> Quantity:
    """The target or baseline a ``volume_N`` field states, as a quantity: its number exactly
    (``12.0`` is 12), ``-`` nil, ``95,5 %`` a percentage; a number with two readings is
    refused."""
    stripped = text.strip()
    plain = _plain(stripped, style)
    if plain is not None:
        return Quantity(check_number(normalised(plain)))
    if stripped.endswith("%"):
        percent = parse_percent(stripped, style=style)
        return Quantity(percent if percent is NIL else normalised(_decimal(percent)), "%")
    value = parse_number(stripped, style=style, kind="number")
    return Quantity(value if value is NIL else check_number(normalised(_decimal(value))))


def is_zero(text: str, style: Style) -> bool:
    """True when *text* states the number zero (``0``, ``0.0``, ``0,00``)."""
    value = _plain(text.strip(), style)
    return value is not None and value == 0


def _decimal(value: Decimal | Nil) -> Decimal:
    assert isinstance(value, Decimal)
    return value


# -- the formula kind -------------------------------------------------------------------------

AGGREGATIONS: Final[Mapping[str, Aggregation]] = {
    "tahun akhir": Aggregation.LAST,
    "akhir periode": Aggregation.LAST,
    "kondisi akhir": Aggregation.LAST,
    "nilai akhir": Aggregation.LAST,
    "penjumlahan": Aggregation.SUM,
    "jumlah tahunan": Aggregation.SUM,
    "nilai tertinggi": Aggregation.MAX,
    "nilai maksimal": Aggregation.MAX,
}
"""The formula kinds whose end-of-period rule is unambiguous, as the reader matches them (in
lower case, spaces collapsed): the last year's value, the sum of the years, the largest.
``kumulatif``, ``non kumulatif``, ``akumulatif`` and ``rata-rata`` are not mapped: a
cumulative target may state each year's total so far (the end is the last year) or each
year's addition (the end is their sum), and the model has no average."""

POLARITIES: Final[Mapping[str, Polarity]] = {
    "semakin tinggi semakin baik": Polarity.HIGHER_IS_BETTER,
    "semakin besar semakin baik": Polarity.HIGHER_IS_BETTER,
    "semakin rendah semakin baik": Polarity.LOWER_IS_BETTER,
    "semakin kecil semakin baik": Polarity.LOWER_IS_BETTER,
}
"""The formula kinds that state a polarity in so many words. ``positif`` and ``negatif``
are not mapped: they may name the polarity, or the sign of a change."""

_SPACE: Final = re.compile(r"\s+")


def formula_kind(text: str) -> tuple[Polarity | None, Aggregation | None]:
    """The polarity and aggregation a stated formula kind names unambiguously
    (:data:`POLARITIES`, :data:`AGGREGATIONS`), None for what it does not."""
    key = _SPACE.sub(" ", text).strip().strip(".").casefold()
    return POLARITIES.get(key), AGGREGATIONS.get(key)


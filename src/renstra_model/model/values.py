"""Value types of a plan's cells: stated nil, money, numbers, counts and stated quantities.

A Renstra table cell is in one of three states, and the model keeps them apart:

* a figure (``4,847,753,572``; ``25.325 KPM (72,18 %)``),
* a stated nil, printed ``-``: the value :data:`NIL`,
* nothing at all (an empty cell): the key or field is absent (``None``).
"""

from __future__ import annotations

import weakref
from collections.abc import Callable
from decimal import Decimal
from enum import Enum
from typing import Any, Final

from attrs import field, frozen

from ..errors import InvalidPlanError, fail

MAX_MONEY: Final = Decimal(10) ** 15
"""The largest amount a plan may hold: 1,000 trillion rupiah, above any regional budget."""

MAX_NUMBER: Final = Decimal(10) ** 15
"""The largest magnitude of any other number in a plan."""

MONEY_PLACES: Final = 2
"""Money has at most two decimal places (sen)."""


class Nil(Enum):
    """The type of :data:`NIL`."""

    NIL = "-"

    def __repr__(self) -> str:
        return "NIL"

    def __str__(self) -> str:
        return "-"


NIL: Final = Nil.NIL
"""A stated nil: the cell prints ``-``. Distinct from an absent value (``None``)."""


def check_money(value: object) -> Decimal:
    """Return *value* if it is valid money, else raise
    :class:`~renstra_model.errors.InvalidPlanError`.

    Money is a finite, non-negative :class:`~decimal.Decimal` of at most two decimal places,
    no larger than :data:`MAX_MONEY`. Floats are refused: they cannot hold half rupiahs exactly.
    """
    if not isinstance(value, Decimal):
        raise fail("money.type", type=type(value).__name__)
    if not value.is_finite():
        raise fail("money.not_finite", value=str(value))
    if value.is_signed():
        raise fail("money.negative", value=str(value))
    if value > MAX_MONEY:
        raise fail("money.too_large", value=str(value), limit=str(MAX_MONEY))
    exponent = value.as_tuple().exponent
    if value == value.to_integral_value() and isinstance(exponent, int) and exponent >= 0:
        return value  # whole rupiah, most money: no place to check
    _check_places(value)
    exponent = value.as_tuple().exponent
    if isinstance(exponent, int) and exponent < -MONEY_PLACES and value != value.quantize(
        Decimal(1).scaleb(-MONEY_PLACES)
    ):
        raise fail("money.precision", value=str(value))
    return value


def check_number(value: object) -> Decimal:
    """Return *value* if it is a finite Decimal of sane magnitude, else raise."""
    if not isinstance(value, Decimal):
        raise fail("number.type", type=type(value).__name__)
    if not value.is_finite():
        raise fail("number.not_finite", value=str(value))
    if abs(value) > MAX_NUMBER:
        raise fail("number.too_large", value=str(value), limit=str(MAX_NUMBER))
    _check_places(value)
    return value


MAX_PLACES: Final = 20
"""The most decimal places any number of a plan may have."""


def _check_places(value: Decimal) -> None:
    exponent = value.as_tuple().exponent
    if isinstance(exponent, int) and exponent < -MAX_PLACES:
        raise fail("number.places", value=f"{value:.3E}", limit=MAX_PLACES)


def check_count(value: object) -> int | Nil:
    """Return *value* if it is a non-negative int or :data:`NIL`, else raise."""
    if value is NIL:
        return NIL
    if isinstance(value, bool) or not isinstance(value, int):
        raise fail("count.type", type=type(value).__name__)
    if value < 0:
        raise fail("count.negative", value=value)
    return value


MoneyCell = Decimal | Nil
"""A money cell: an amount or a stated nil."""

NumberCell = Decimal | Nil
"""A numeric cell that may be negative (a growth rate): a number or a stated nil."""

Count = int | Nil
"""A head count or item count: a whole number or a stated nil."""


def check_money_cell(value: object) -> MoneyCell:
    """Validate a money cell (an amount or :data:`NIL`)."""
    return NIL if value is NIL else check_money(value)


def check_number_cell(value: object) -> NumberCell:
    """Validate a numeric cell (a number or :data:`NIL`)."""
    return NIL if value is NIL else check_number(value)


@frozen
class ValueCheck:
    """What an attrs validator of the model runs: *check* on the value (not on None when
    *optional*), or on each value of a year map (*each_year*). A loader may test the common
    case itself and call the validator only where its test fails."""

    check: Callable[[Any], object]
    optional: bool = False
    each_year: bool = False


VALUE_CHECKS: weakref.WeakKeyDictionary[Callable[..., None], ValueCheck] = (
    weakref.WeakKeyDictionary()
)
"""The validators made by :func:`_named` and by the helpers of ``_fields``, with what they
run."""


def _named(
    check: Callable[[Any], object], *, optional: bool = True
) -> Callable[[Any, Any, Any], None]:
    """An attrs validator running *check* (on non-None values when *optional*), naming the
    field in problems."""

    def validate(_: Any, attribute: Any, value: Any) -> None:
        if optional and value is None:
            return
        try:
            check(value)
        except InvalidPlanError as exc:
            raise exc.under(attribute.name) from None

    VALUE_CHECKS[validate] = ValueCheck(check, optional=optional)
    return validate


MAX_TEXT: Final = 20_000
"""The longest text a single field may hold."""


def check_text(value: object) -> str:
    """Return *value* if it is non-empty text of sane length, else raise."""
    if not isinstance(value, str):
        raise fail("text.type", type=type(value).__name__)
    if not value.strip():
        raise fail("text.empty")
    if len(value) > MAX_TEXT:
        raise fail("text.too_long", length=len(value), limit=MAX_TEXT)
    if not value.isascii():
        try:
            value.encode("utf-8")
        except UnicodeEncodeError as exc:
            raise fail("text.encoding", position=exc.start) from None
    return value


def _validate_also(_: Any, __: Any, value: tuple[Quantity, ...]) -> None:
    for i, item in enumerate(value):
        if not isinstance(item, Quantity):
            raise fail(
                "structure.type", f"also[{i}]", expected="Quantity", type=type(item).__name__
            )
        if item.also:
            raise fail(
                "structure.invalid", f"also[{i}].also",
                why="a further figure cannot carry further figures",
            )


@frozen
class Quantity:
    """What one cell of a target or realisation column states.

    ``25.325 KPM (72,18 %)`` is ``Quantity(Decimal("25325"), "KPM", Decimal("72.18"))``;
    ``- Kasus`` is ``Quantity(NIL, "Kasus")``; a bare ``-`` is ``Quantity(NIL)``.
    A cell that states several figures (``67 SDM PKH 24 TSKK``) holds the first here and the
    rest in *also*, in the printed order.

    >>> q = Quantity(Decimal("25325"), "KPM", Decimal("72.18"))
    >>> str(q)
    '25325 KPM (72.18 %)'
    """

    amount: Decimal | Nil = field(validator=_named(check_number_cell, optional=False))
    unit: str | None = field(default=None, validator=_named(check_text))
    percent: Decimal | None = field(default=None, validator=_named(check_number))
    """The percentage the cell states beside the amount, in percent (72.18 for 72,18 %)."""
    also: tuple[Quantity, ...] = field(default=(), validator=_validate_also)
    """Further figures stated in the same cell."""

    @property
    def is_nil(self) -> bool:
        """True when the cell states ``-`` for the amount."""
        return self.amount is NIL

    def figures(self) -> tuple[Quantity, ...]:
        """Every figure the cell states: this one (without *also*) and the further ones."""
        if not self.also:
            return (self,)  # equal to the copy without *also*, and immutable
        return (Quantity(self.amount, self.unit, self.percent), *self.also)

    def __str__(self) -> str:
        parts = []
        for q in self.figures():
            text = "-" if q.amount is NIL else format(q.amount, "f")
            if q.unit:
                text += f" {q.unit}"
            if q.percent is not None:
                text += f" ({format(q.percent, 'f')} %)"
            parts.append(text)
        return " ".join(parts)

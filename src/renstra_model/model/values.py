"""Value types of a plan's cells: stated nil, money, numbers, counts and stated quantities.

A Renstra table cell is in one of three states, and the model keeps them apart:

* a figure (``4,847,753,572``; ``25.325 KPM (72,18 %)``),
* a stated nil, printed ``-``: the value :data:`NIL`,
* nothing at all (an empty cell): the key or field is absent (``None``).
"""

from __future__ import annotations

import weakref
from collections.abc import Callable, Mapping
from decimal import Decimal
from enum import Enum
from typing import Any, Final, TypeVar

from attrs import evolve, field, frozen

from ..errors import InvalidPlanError, fail

C = TypeVar("C", bound=Callable[..., object])

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


PLAIN_DIGITS: Final = len(str(min(MAX_MONEY, MAX_NUMBER))) - 1
"""A plain decimal is at most this many ASCII digits (15), nothing else: whole, not negative
and below :data:`MAX_MONEY` and :data:`MAX_NUMBER`, so every check of money and numbers
accepts it (as their ``Accepts.plain`` say)."""


@frozen
class Accepts:
    """The common case of a check, stated once: a Python expression over ``{v}`` for values
    the check accepts without further ado.

    A value passes when it is :data:`NIL` (where *nil*), or is exactly a *kind* meeting
    *condition* and *syntax*. *syntax* is what a value read from a plan file meets by the
    file's syntax (at most :data:`MAX_PLACES` places); *plain*, that every plain decimal
    passes (see :data:`PLAIN_DIGITS`); *names*, the globals the expressions use. The check
    (see :meth:`common_case_of`) runs ``test``, the expression compiled, before its full
    test; a loader writes :meth:`inline` into its code and calls the check where that fails.
    """

    kind: type
    condition: str = ""
    nil: bool = False
    syntax: str = ""
    plain: bool = False
    names: Mapping[str, object] = field(factory=dict)
    test: Callable[[object], bool] = field(init=False, eq=False, repr=False)

    def __attrs_post_init__(self) -> None:
        code = compile(f"lambda v: {self.inline('v')}", f"<accepts {self.kind.__name__}>",
                       "eval")
        object.__setattr__(self, "test", eval(code, self.namespace()))

    def namespace(self) -> dict[str, object]:
        """The globals :meth:`inline` needs."""
        return {**self.names, self.kind.__name__: self.kind, "NIL": NIL}

    def inline(self, v: str, *, built: bool = False) -> str:
        """The test of the value named *v*, as an expression. Where *built*, the value is one
        a loader built from a plan file (a *kind*, or NIL where *nil*): the expression leaves
        out the tests of its type and syntax."""
        parts = [self.condition] if built else [
            f"type({{v}}) is {self.kind.__name__}", self.condition, self.syntax]
        test = " and ".join(f"({part})" for part in parts if part).format(v=v) or "True"
        return f"{v} is NIL or {test}" if self.nil else test

    def common_case_of(self, check: C) -> C:
        """Register this as the common case of *check* (a decorator)."""
        ACCEPTS[check] = self
        return check


ACCEPTS: dict[Callable[[Any], object], Accepts] = {}
"""The checks of the model (functions of a value that raise
:class:`~renstra_model.errors.InvalidPlanError` where it is not valid), with their common
case."""


_MONEY: Final = Accepts(
    Decimal, "{v}.same_quantum(ONE) and not {v}.is_signed() and {v} <= MAX_MONEY",
    plain=True, names={"ONE": Decimal(1), "MAX_MONEY": MAX_MONEY},
)
"""Whole rupiah, most money."""
_is_money: Final = _MONEY.test


@_MONEY.common_case_of
def check_money(value: object) -> Decimal:
    """Return *value* if it is valid money, else raise
    :class:`~renstra_model.errors.InvalidPlanError`.

    Money is a finite, non-negative :class:`~decimal.Decimal` of at most two decimal places,
    no larger than :data:`MAX_MONEY`. Floats are refused: they cannot hold half rupiahs exactly.
    """
    if _is_money(value):
        return value  # type: ignore[return-value]
    if not isinstance(value, Decimal):
        raise fail("money.type", type=type(value).__name__)
    if not value.is_finite():
        raise fail("money.not_finite", value=str(value))
    if value.is_signed():
        raise fail("money.negative", value=str(value))
    if value > MAX_MONEY:
        raise fail("money.too_large", value=str(value), limit=str(MAX_MONEY))
    _check_places(value)
    exponent = value.as_tuple().exponent
    if isinstance(exponent, int) and exponent < -MONEY_PLACES and value != value.quantize(
        Decimal(1).scaleb(-MONEY_PLACES)
    ):
        raise fail("money.precision", value=str(value))
    return value


def to_money(value: object) -> Any:
    """Money as a Python caller may give it: a whole number of rupiah (an ``int``, not a
    ``bool``) as the exact :class:`~decimal.Decimal`; anything else unchanged, for
    :func:`check_money` to accept or refuse (a float is refused, never rounded)."""
    return Decimal(value) if type(value) is int else value


MAX_PLACES: Final = 20
"""The most decimal places any number of a plan may have."""

_NUMBER: Final = Accepts(
    Decimal, "{v}.is_finite() and -MAX_NUMBER <= {v} <= MAX_NUMBER",
    syntax="{v}.as_tuple().exponent >= -MAX_PLACES", plain=True,
    names={"MAX_NUMBER": MAX_NUMBER, "MAX_PLACES": MAX_PLACES},
)
_is_number: Final = _NUMBER.test


@_NUMBER.common_case_of
def check_number(value: object) -> Decimal:
    """Return *value* if it is a finite Decimal of sane magnitude, else raise."""
    if _is_number(value):
        return value  # type: ignore[return-value]
    if not isinstance(value, Decimal):
        raise fail("number.type", type=type(value).__name__)
    if not value.is_finite():
        raise fail("number.not_finite", value=str(value))
    if abs(value) > MAX_NUMBER:
        raise fail("number.too_large", value=str(value), limit=str(MAX_NUMBER))
    _check_places(value)
    return value


def _check_places(value: Decimal) -> None:
    exponent = value.as_tuple().exponent
    if isinstance(exponent, int) and exponent < -MAX_PLACES:
        raise fail("number.places", value=f"{value:.3E}", limit=MAX_PLACES)


_COUNT: Final = Accepts(int, "{v} >= 0", nil=True)
_is_count: Final = _COUNT.test


@_COUNT.common_case_of
def check_count(value: object) -> int | Nil:
    """Return *value* if it is a non-negative int or :data:`NIL`, else raise."""
    if _is_count(value):
        return value  # type: ignore[return-value]
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


_MONEY_CELL: Final = evolve(_MONEY, nil=True)
_is_money_cell: Final = _MONEY_CELL.test


@_MONEY_CELL.common_case_of
def check_money_cell(value: object) -> MoneyCell:
    """Validate a money cell (an amount or :data:`NIL`)."""
    return value if _is_money_cell(value) else check_money(value)  # type: ignore[return-value]


_NUMBER_CELL: Final = evolve(_NUMBER, nil=True)
_is_number_cell: Final = _NUMBER_CELL.test


@_NUMBER_CELL.common_case_of
def check_number_cell(value: object) -> NumberCell:
    """Validate a numeric cell (a number or :data:`NIL`)."""
    return value if _is_number_cell(value) else check_number(value)  # type: ignore[return-value]


@frozen
class ValueCheck:
    """What an attrs validator of the model runs: *check* on the value (not on None when
    *optional*), on each value of a year map (*each_year*) or on each item of a tuple
    (*items*). A loader may test the check's common case (:data:`ACCEPTS`) itself and call
    the validator only where its test fails."""

    check: Callable[[Any], object]
    optional: bool = False
    each_year: bool = False
    items: bool = False


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


def utf8_encodable(value: str) -> bool:
    """True when *value* can be written as UTF-8 (it holds no lone surrogate)."""
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


_TEXT: Final = Accepts(
    str,
    "len({v}) <= MAX_TEXT and {v} != '' and not {v}.isspace()"
    " and ({v}.isascii() or encodable({v}))",
    names={"MAX_TEXT": MAX_TEXT, "encodable": utf8_encodable},
)
"""Non-blank text of sane length: tested without copying the string (most fields of a plan
are text)."""
is_text: Final = _TEXT.test
"""True for text :func:`check_text` accepts."""


@_TEXT.common_case_of
def check_text(value: object) -> str:
    """Return *value* if it is non-empty text of sane length, else raise."""
    if is_text(value):
        return value  # type: ignore[return-value]
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


_NO_ALSO: Final = Accepts(tuple, "not {v}")
_is_no_also: Final = _NO_ALSO.test


@_NO_ALSO.common_case_of
def _check_also(value: tuple[Quantity, ...]) -> None:
    """The further figures of a cell: quantities that state no further figures."""
    if _is_no_also(value):
        return
    for i, item in enumerate(value):
        if not isinstance(item, Quantity):
            raise fail("structure.type", f"[{i}]", expected="Quantity", type=type(item).__name__)
        if item.also:
            raise fail(
                "structure.invalid", f"[{i}].also",
                why="nested_also",
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
    also: tuple[Quantity, ...] = field(
        default=(), validator=_named(_check_also, optional=False)
    )
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

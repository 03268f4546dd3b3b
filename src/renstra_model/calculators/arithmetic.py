"""The arithmetic every calculator shares: one Decimal context, "undefined" as a value, and
rounding for presentation only.

Calculators compute in :data:`CONTEXT` (28 significant digits, half-even rounding, every
exceptional condition trapped) and never round their results; :func:`present` rounds
half-up to two places, as Indonesian tables print. Where a value cannot be computed (a zero
base, a missing or nil year, a sign change, a negative target) a calculator returns
:class:`Undefined` with the reason, never raises, and never returns a float, ``inf`` or
``NaN``.
"""

from __future__ import annotations

import decimal
from collections.abc import Callable
from decimal import ROUND_HALF_EVEN, ROUND_HALF_UP, Decimal
from enum import Enum
from typing import Final, TypeVar

from attrs import frozen

from ..errors import CalculatorInputError
from ..messages import Lang, render
from ..model.values import Nil, Quantity

CONTEXT: Final = decimal.Context(
    prec=28,
    rounding=ROUND_HALF_EVEN,
    Emin=-999_999,
    Emax=999_999,
    traps=[decimal.InvalidOperation, decimal.DivisionByZero, decimal.Overflow],
)
"""The Decimal context of every calculation: 28 significant digits, half-even rounding of
intermediate results, and traps on invalid operations, division by zero and overflow (a
calculator checks its inputs first, so a trap is a bug, never an answer)."""

_HALF_UP: Final = CONTEXT.copy()
_HALF_UP.rounding = ROUND_HALF_UP

HUNDRED: Final = Decimal(100)
ZERO: Final = Decimal(0)
ONE: Final = Decimal(1)


class Reason(Enum):
    """Why a calculation has no value."""

    ZERO_BASE = "zero_base"
    """The denominator or the base year is zero."""
    MISSING = "missing"
    """A year or value the calculation needs is absent (an empty cell)."""
    NIL = "nil"
    """A value the calculation needs is a stated nil (``-``)."""
    SIGN_CHANGE = "sign_change"
    """The start and end values have different signs (no real growth rate joins them)."""
    NEGATIVE_BASE = "negative_base"
    """A compound rate of a negative start value is not defined."""
    TOO_FEW = "too_few"
    """Fewer values than the calculation needs (two years for a growth rate)."""
    NEGATIVE_TARGET = "negative_target"
    """A capaian of a negative target is not defined (the ratio turns over: beating the
    target would read as failing it)."""
    UNITS_DIFFER = "units_differ"
    """Two quantities state different units (``org`` and ``KPM``): they do not compare."""


@frozen
class Undefined:
    """The result of a calculation that has no value, with the reason and where.

    >>> u = Undefined(Reason.ZERO_BASE, year=2022)
    >>> u.message("id")
    'tidak terdefinisi: nilai dasar nol (tahun 2022)'
    """

    reason: Reason
    year: int | None = None

    def message(self, lang: Lang | None = None) -> str:
        """Why, in *lang*."""
        text = render(f"undefined.{self.reason.value}", lang=lang)
        if self.year is not None:
            text += render("undefined.year", {"year": self.year}, lang)
        return text

    def __str__(self) -> str:
        return self.message()

    def __bool__(self) -> bool:
        return False


Result = Decimal | Undefined
"""What a calculator returns: an exact Decimal, or :class:`Undefined`."""

T = TypeVar("T")


def calculate(compute: Callable[[], T]) -> T:
    """Run *compute* in :data:`CONTEXT`."""
    with decimal.localcontext(CONTEXT):
        return compute()


def present(value: Result, places: int = 2) -> Decimal | None:
    """Round *value* half-up to *places* decimals for display; None for :class:`Undefined`.

    >>> present(Decimal("14.485"))
    Decimal('14.49')
    >>> present(Decimal("-0.2145"))
    Decimal('-0.21')
    """
    if isinstance(value, Undefined):
        return None
    exponent = _EXPONENTS[places] if 0 <= places < len(_EXPONENTS) else ONE.scaleb(-places)
    return value.quantize(exponent, context=_HALF_UP)


_EXPONENTS: Final = tuple(Decimal(1).scaleb(-places) for places in range(21))
"""``1``, ``0.1`` … ``1E-20``: the exponents of :func:`present` (built once, not per call)."""


Cell = Decimal | Nil | None
"""A calculator input: an amount, a stated nil (``-``), or absent (an empty cell)."""


Input = Decimal | Quantity | int | Nil | None
"""What the calculators of two values take: a :data:`Cell`, a
:class:`~renstra_model.model.values.Quantity` as the model holds it (its amount), or an
``int``."""


def number_of(cell: Input, year: int | None = None) -> Decimal | Undefined:
    """The number in *cell*, or :class:`Undefined` (``MISSING`` or ``NIL``) at *year*.

    A :class:`~renstra_model.model.values.Quantity` gives its amount (of its first figure),
    an ``int`` the exact Decimal. Anything else (a float, a bool, text) raises
    ``CalculatorInputError`` (:mod:`renstra_model.errors`): a float is never computed with.

    >>> from renstra_model import NIL
    >>> number_of(Quantity(Decimal("5"), "org"))
    Decimal('5')
    >>> number_of(Quantity(NIL, "org"), 2023)
    Undefined(reason=<Reason.NIL: 'nil'>, year=2023)
    """
    if type(cell) is Decimal:
        return cell
    if cell is None:
        return Undefined(Reason.MISSING, year)
    if isinstance(cell, Quantity):
        cell = cell.amount
    if isinstance(cell, Nil):
        return Undefined(Reason.NIL, year)
    if isinstance(cell, Decimal):
        return cell
    if type(cell) is int:
        return Decimal(cell)
    raise CalculatorInputError(type=type(cell).__name__)


def numbers_of(
    first: Input, second: Input, year: int | None = None
) -> tuple[Decimal, Decimal] | Undefined:
    """The numbers in *first* and *second* (see :func:`number_of`), or the first
    :class:`Undefined`; ``UNITS_DIFFER`` where both are quantities that state units that
    differ (compared case-insensitively: ``Org`` is ``org``)."""
    a = number_of(first, year)
    b = number_of(second, year)
    if isinstance(a, Undefined):
        return a
    if isinstance(b, Undefined):
        return b
    if isinstance(first, Quantity) and isinstance(second, Quantity):
        one, other = first.unit, second.unit
        if one is not None and other is not None and one.casefold() != other.casefold():
            return Undefined(Reason.UNITS_DIFFER, year)
    return a, b


def is_defined(value: Result) -> bool:
    """True when *value* is a number."""
    return isinstance(value, Decimal)

"""How a plan file writes each value of the model: the structuring of one JSON value (text,
numbers, codes, dates, choices), and the tests of the annotated types, shared by the converter
and the fast path."""

from __future__ import annotations

import datetime as dt
import re
import types
import typing
from decimal import Decimal, InvalidOperation
from enum import Enum
from typing import Any, Final

from ..errors import fail
from ..model.codes import Code
from ..model.series import YearMap
from ..model.values import MAX_PLACES, NIL, Nil

NIL_TEXT: Final = "-"
"""How a plan file writes :data:`~renstra_model.model.values.NIL`."""


def type_name(value: object) -> str:
    """What *value* is, in JSON's words (for problems)."""
    if value is None:
        return "JSON null"
    return {
        bool: "JSON boolean",
        int: "JSON number",
        float: "JSON number",
        str: "JSON string",
        list: "JSON array",
        dict: "JSON object",
    }.get(type(value), type(value).__name__)


DECIMAL_TEXT: Final = re.compile(
    rf"-?(?:0|[1-9][0-9]{{0,39}})(?:\.[0-9]{{1,{MAX_PLACES}}})?", re.ASCII)
"""A decimal string of a plan file: ASCII digits, an optional sign and fraction, no exponent,
no underscores, no spaces around it, no leading zero (``"0"`` and ``"0.5"``, not ``"065"``);
at most 40 digits before the point and MAX_PLACES (20) after."""

_LEADING_ZERO: Final = re.compile(rf"-?0[0-9]{{1,40}}(?:\.[0-9]{{1,{MAX_PLACES}}})?", re.ASCII)
"""A decimal string but for its leading zeros (``"065950088"``)."""


def structure_decimal(value: object, _: type) -> Decimal:
    """A decimal string (see :data:`DECIMAL_TEXT`) as a Decimal. Spaces around the number
    and a leading zero are refused (``number.padded``, ``number.leading_zero``): no writer
    writes them, so the value was edited by hand, and only its author knows what it meant."""
    if not isinstance(value, str):
        raise fail("number.text", type=type_name(value))
    text = value.strip()
    if text in ("NaN", "Infinity", "-Infinity", "inf", "-inf", "nan"):
        raise fail("number.not_finite", value=value)
    if DECIMAL_TEXT.fullmatch(text):
        if text != value:
            raise fail("number.padded", value=value[:60])
    elif _LEADING_ZERO.fullmatch(text):
        raise fail("number.leading_zero", value=value[:60])
    else:
        raise fail("number.syntax", value=value[:60])
    try:
        number = Decimal(text)
    except InvalidOperation:  # pragma: no cover - the pattern admits only valid decimals
        raise fail("number.syntax", value=value) from None
    if not number.is_finite():  # pragma: no cover - the pattern admits only finite decimals
        raise fail("number.not_finite", value=value)
    return number


def unstructure_decimal(value: Decimal) -> str:
    """A Decimal as a plan file writes it: positional, no exponent."""
    return format(value, "f")


def structure_nil(value: object, _: type) -> Nil:
    """``"-"`` as :data:`~renstra_model.model.values.NIL`."""
    if value != NIL_TEXT:
        raise fail("structure.choice", value=value, choices='"-"')
    return NIL


def structure_str(value: object, _: type) -> str:
    """A JSON string (never a number made text)."""
    if not isinstance(value, str):
        raise fail("text.type", type=type_name(value))
    return value


def structure_int(value: object, _: type) -> int:
    """A whole JSON number (not a boolean)."""
    if isinstance(value, bool) or not isinstance(value, int):
        raise fail("structure.type", expected="a whole number", type=type_name(value))
    return value


def structure_bool(value: object, _: type) -> bool:
    """``true`` or ``false``."""
    if not isinstance(value, bool):
        raise fail("structure.type", expected="true or false", type=type_name(value))
    return value


def structure_code(value: object, _: type) -> Code:
    """A code in any form :meth:`Code.parse` reads."""
    if not isinstance(value, str):
        raise fail("code.type", type=type_name(value))
    return Code.parse(value)


def structure_date(value: object, _: type) -> dt.date:
    """An ISO date string."""
    if not isinstance(value, str):
        raise fail("date.type", type=type_name(value))
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise fail("date.syntax", value=value) from None


def is_enum(cls: Any) -> bool:
    """True for the model's choices (enums other than Nil)."""
    return isinstance(cls, type) and issubclass(cls, Enum) and cls is not Nil


def structure_enum(value: object, cls: type[Enum]) -> Enum:
    """The member of *cls* whose value is *value*."""
    choices = [member.value for member in cls]
    if value not in choices:
        raise fail("structure.choice", value=value, choices=", ".join(map(str, choices)))
    return cls(value)


def union_args(tp: Any) -> tuple[Any, ...]:
    """The members of the union *tp*; empty for any other type."""
    if isinstance(tp, types.UnionType) or typing.get_origin(tp) is typing.Union:
        return typing.get_args(tp)
    return ()


def is_nil_union(tp: Any) -> bool:
    """True for a union with Nil (a cell that may state ``-``)."""
    return Nil in union_args(tp)


def is_year_map(tp: Any) -> bool:
    """True for YearMap, parametrised or not."""
    return typing.get_origin(tp) is YearMap or tp is YearMap


def is_homogeneous_tuple(tp: Any) -> bool:
    """True for ``tuple[X, ...]``."""
    if typing.get_origin(tp) is not tuple:
        return False
    args = typing.get_args(tp)
    return len(args) == 2 and args[1] is Ellipsis

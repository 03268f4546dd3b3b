"""The plan file format as JSON Schema (draft 2020-12), generated from the model.

Each attrs class of the model is a definition (``$defs``) whose properties are its fields, and
each field's schema follows from its type (``typing.get_type_hints``) and from the check its
validator runs (``VALUE_CHECKS`` of the model), as the converter
(:mod:`.converter`) reads it: a decimal is a string of the syntax the reader accepts, money
non-negative with at most two places, a code any form :meth:`~renstra_model.Code.parse`
reads, a year map an object keyed by years, a stated nil ``"-"``, an optional field may be
``null``, and unknown keys are refused. What the schema accepts is a superset of what the
reader accepts: it cannot state sums, uniqueness or rules across fields (see
``docs/file-format.md``).
"""

from __future__ import annotations

import datetime as dt
import inspect
import typing
from collections.abc import Callable, Mapping
from decimal import Decimal
from importlib import metadata
from typing import Any, Final

import attrs

from ..model._fields import check_positive
from ..model.codes import _LEVEL_BY_SEGMENTS, _MAX_TEXT, _WIDTHS, Code
from ..model.plan import Plan
from ..model.series import YEAR_MAX, YEAR_MIN
from ..model.values import (
    MAX_MONEY,
    MAX_NUMBER,
    MAX_PLACES,
    MAX_TEXT,
    MONEY_PLACES,
    VALUE_CHECKS,
    Nil,
    check_count,
    check_money_cell,
    check_number,
    check_number_cell,
    check_text,
)
from .scalars import DECIMAL_TEXT, NIL_TEXT, is_enum, is_homogeneous_tuple, is_year_map, union_args
from .serialization import FORMAT_VERSION

DIALECT: Final = "https://json-schema.org/draft/2020-12/schema"
SCHEMA_ID: Final = f"urn:renstra-model:plan-file:{FORMAT_VERSION}"
"""The schema's ``$id``: the plan file format of :data:`~renstra_model.FORMAT_VERSION`."""

CODE_LENGTH: Final = _MAX_TEXT
"""The longest text :meth:`~renstra_model.Code.parse` reads."""


def digits_between(low: int, high: int) -> str:
    """A regular expression for the numbers *low* … *high* written with as many digits as
    both have (``1945`` … ``2200``: the years of a plan)."""
    if len(str(low)) != len(str(high)) or not 0 <= low <= high:
        raise ValueError(f"{low} and {high} are not of one width")
    return _between(str(low), str(high))


def _between(low: str, high: str) -> str:
    if not low:
        return ""
    if low[0] == high[0]:
        return low[0] + _between(low[1:], high[1:])
    rest = len(low) - 1
    tail = "" if rest == 0 else "[0-9]" if rest == 1 else f"[0-9]{{{rest}}}"
    first, last = int(low[0]), int(high[0])
    parts = []
    if low[1:] != "0" * rest:
        parts.append(low[0] + _between(low[1:], "9" * rest))
        first += 1
    high_part = high[1:] != "9" * rest
    if high_part:
        last -= 1
    if first <= last:
        parts.append(_digits(first, last) + tail)
    if high_part:
        parts.append(high[0] + _between("0" * rest, high[1:]))
    return parts[0] if len(parts) == 1 else "(?:" + "|".join(parts) + ")"


def _digits(first: int, last: int) -> str:
    if first == last:
        return str(first)
    return f"[{first}{last}]" if last == first + 1 else f"[{first}-{last}]"


def _power_of_ten(limit: Decimal) -> int:
    exponent = len(str(int(limit))) - 1
    if limit != Decimal(10) ** exponent:
        raise ValueError(f"{limit} is not a power of ten")
    return exponent


DECIMAL_SYNTAX: Final = f"^(?:{DECIMAL_TEXT.pattern})$"
"""The syntax of a decimal string: the reader's own, ``DECIMAL_TEXT`` of
:mod:`renstra_model.io.scalars`."""


def decimal_pattern(*, limit: Decimal, places: int, signed: bool) -> str:
    """The decimal strings of magnitude at most *limit* (a power of ten) with at most *places*
    significant decimal places (beyond them, zeros only), of any syntax: :data:`DECIMAL_SYNTAX`
    states that."""
    exponent = _power_of_ten(limit)
    fraction = rf"(?:\.[0-9]{{1,{places}}}0*)?"
    sign = "-?" if signed else ""
    return rf"^{sign}0*(?:[0-9]{{1,{exponent}}}{fraction}|10{{{exponent}}}(?:\.0+)?)$"


def code_pattern() -> str:
    """Every form of a code :meth:`~renstra_model.Code.parse` reads: segments of digits (zero
    padded or not, never zero) between dots or blanks, or ``X.XX`` for urusan and bidang."""
    sep = r"[.\s]+"
    segment = [rf"0*[1-9][0-9]{{0,{width - 1}}}" if width > 1 else "0*[1-9]"
               for width in _WIDTHS]
    counts = sorted(_LEVEL_BY_SEGMENTS)  # 1, 2, 3, 5, 6
    if counts != [1, 2, 3, 5, 6]:
        raise ValueError(f"codes of {counts} segments")  # pragma: no cover - the model's levels
    tail = (rf"(?:{sep}{segment[2]}(?:{sep}{segment[3]}{sep}{segment[4]}"
            rf"(?:{sep}{segment[5]})?)?)?")
    head = rf"(?:{segment[0]}{sep}{segment[1]}|[xX]{sep}[xX]{{2}})"
    return rf"^[.\s]*(?:{segment[0]}|[xX]|{head}{tail})[.\s]*$"


_MONEY: Final = {"type": "string", "allOf": [
    {"pattern": DECIMAL_SYNTAX},
    {"pattern": decimal_pattern(limit=MAX_MONEY, places=MONEY_PLACES, signed=False)}]}
_NUMBER: Final = {"type": "string", "allOf": [
    {"pattern": DECIMAL_SYNTAX},
    {"pattern": decimal_pattern(limit=MAX_NUMBER, places=MAX_PLACES, signed=True)}]}
_DECIMAL: Final = {"type": "string", "pattern": DECIMAL_SYNTAX}
_TEXT: Final = {"type": "string", "pattern": r"\S", "maxLength": MAX_TEXT}

SCALARS: Final[dict[str, dict[str, Any]]] = {
    "Money": {"description": "rupiah: a decimal string, not negative, at most two places",
              **_MONEY},
    "Number": {"description": "a decimal string", **_NUMBER},
    "Decimal": {"description": "a decimal string", **_DECIMAL},
    "Nil": {"description": "a stated nil: the cell prints -", "const": NIL_TEXT},
    "Text": {"description": "text, not blank", **_TEXT},
    "Code": {"description": "a kode rekening, canonical 1.06.04.2.01.0003",
             "type": "string", "maxLength": CODE_LENGTH, "pattern": code_pattern()},
    "Date": {"description": "an ISO 8601 date", "type": "string", "format": "date"},
}
"""The definitions of the values of a plan file, by name."""

REFINES: Final[dict[Callable[..., object], dict[type, str | dict[str, Any]]]] = {
    check_money_cell: {Decimal: "Money"},
    check_number: {Decimal: "Number"},
    check_number_cell: {Decimal: "Number"},
    check_text: {str: "Text"},
    check_count: {int: {"type": "integer", "minimum": 0}},
    check_positive: {int: {"type": "integer", "minimum": 1}},
}
"""What each check of the model makes of a value's type: a definition of :data:`SCALARS` or a
schema."""

_PLAIN: Final[dict[type, str | dict[str, Any]]] = {
    Decimal: "Decimal",
    Nil: "Nil",
    Code: "Code",
    dt.date: "Date",
    str: {"type": "string"},
    int: {"type": "integer"},
    bool: {"type": "boolean"},
    type(None): {"type": "null"},
}
"""The schema of each type of value the converter reads, where no check refines it."""


class _Builder:
    """The definitions of the classes reachable from a root class, and of the values used."""

    def __init__(self) -> None:
        self.defs: dict[str, dict[str, Any]] = {}
        self.scalars: set[str] = set()

    def ref(self, name: str) -> dict[str, Any]:
        return {"$ref": f"#/$defs/{name}"}

    def value(self, tp: Any, check: Callable[..., object] | None) -> dict[str, Any]:
        members = union_args(tp)
        if members:
            return {"anyOf": [self.value(member, check) for member in members]}
        if is_year_map(tp):
            (item,) = typing.get_args(tp) or (Any,)
            return {"type": "object",
                    "propertyNames": {"pattern": f"^{digits_between(YEAR_MIN, YEAR_MAX)}$",
                                      "maxLength": len(str(YEAR_MAX))},
                    "additionalProperties": self.value(item, check)}
        if is_homogeneous_tuple(tp):
            return {"type": "array", "items": self.value(typing.get_args(tp)[0], check)}
        if typing.get_origin(tp) is Mapping:
            key, item = typing.get_args(tp)
            if key is not str:
                raise TypeError(f"unsupported mapping {tp}")  # pragma: no cover
            return {"type": "object", "additionalProperties": self.value(item, None)}
        if is_enum(tp):
            return {"enum": [member.value for member in tp]}
        found = REFINES.get(check, {}).get(tp) if check is not None else None
        found = found if found is not None else _PLAIN.get(tp)
        if isinstance(found, str):
            self.scalars.add(found)
            return self.ref(found)
        if found is not None:
            return dict(found)
        if attrs.has(tp):
            self.add(tp)
            return self.ref(tp.__name__)
        raise TypeError(f"no schema for {tp!r}")

    def add(self, cls: type) -> None:
        name = cls.__name__
        if name in self.defs:
            return
        self.defs[name] = {}  # a class that holds itself (Activity) refers to itself
        hints = typing.get_type_hints(cls)
        properties: dict[str, Any] = {}
        required: list[str] = []
        for field in attrs.fields(cls):
            check = value_check_of(field.validator)
            properties[field.name] = self.value(hints[field.name], check)
            if field.default is attrs.NOTHING:
                required.append(field.name)
        doc = inspect.getdoc(cls) or name
        self.defs[name] = {
            "description": " ".join(doc.split("\n\n")[0].split()),
            "type": "object",
            "properties": properties,
            "required": required,
            "additionalProperties": False,
        }


def value_check_of(validator: Any) -> Callable[..., object] | None:
    """The check an attrs *validator* of the model runs, where the model registers one."""
    found = VALUE_CHECKS.get(validator) if validator is not None else None
    return found.check if found is not None else None


def definitions(root: type) -> dict[str, dict[str, Any]]:
    """The ``$defs`` of *root* (an attrs class) and of every class and value it holds, by
    name, in a stable order."""
    builder = _Builder()
    builder.add(root)
    scalars = {name: dict(SCALARS[name]) for name in SCALARS if name in builder.scalars}
    return {**dict(sorted(builder.defs.items())), **scalars}


def plan_schema() -> dict[str, Any]:
    """The JSON Schema of a plan file: ``format_version`` and the fields of
    :class:`~renstra_model.Plan`."""
    defs = definitions(Plan)
    plan = defs["Plan"]
    plan["properties"] = {"format_version": {"const": FORMAT_VERSION}, **plan["properties"]}
    plan["required"] = ["format_version", *plan["required"]]
    return {
        "$schema": DIALECT,
        "$id": SCHEMA_ID,
        "title": f"Renstra plan file, format version {FORMAT_VERSION}",
        "description": (f"A Renstra Perangkat Daerah (Permendagri 86/2017) as renstra-model "
                        f"{_version()} writes and reads it; generated from the model."),
        "$ref": "#/$defs/Plan",
        "$defs": defs,
    }


def _version() -> str:
    try:
        return metadata.version("renstra-model")
    except metadata.PackageNotFoundError:  # pragma: no cover - run from a source tree
        return "(source tree)"


__all__ = [
    "CODE_LENGTH",
    "DECIMAL_SYNTAX",
    "DIALECT",
    "REFINES",
    "SCALARS",
    "SCHEMA_ID",
    "code_pattern",
    "decimal_pattern",
    "definitions",
    "digits_between",
    "plan_schema",
    "value_check_of",
]

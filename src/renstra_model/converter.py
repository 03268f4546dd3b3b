"""The one converter between the model and JSON-compatible data (cattrs).

Strict by design: money and numbers are decimal strings (a JSON number would have passed
through a binary float in most tools), ``"-"`` is a stated nil, years are the keys of
objects, unknown keys are refused, and text is never made from a number. Every problem of a
document is reported at once, each as "reason @ path".
"""

from __future__ import annotations

import datetime as dt
import sys
import types
import typing
from collections.abc import Callable, Mapping
from decimal import Decimal, InvalidOperation
from enum import Enum
from typing import Any, Final, TypeVar

import attrs
from cattrs import Converter
from cattrs.errors import (
    AttributeValidationNote,
    BaseValidationError,
    ForbiddenExtraKeysError,
    IterableValidationNote,
)

from .codes import Code
from .errors import InvalidPlanError, Problem, fail, join_path
from .plan import Plan
from .series import YearMap
from .values import NIL, Nil

T = TypeVar("T")

_NIL_TEXT: Final = "-"


def _type_name(value: object) -> str:
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


def _structure_decimal(value: object, _: type) -> Decimal:
    if not isinstance(value, str):
        raise fail("number.text", type=_type_name(value))
    text = value.strip()
    try:
        number = Decimal(text)
    except InvalidOperation:
        raise fail("number.syntax", value=value) from None
    if not number.is_finite():
        raise fail("number.not_finite", value=value)
    return number


def _unstructure_decimal(value: Decimal) -> str:
    return format(value, "f")


def _structure_nil(value: object, _: type) -> Nil:
    if value != _NIL_TEXT:
        raise fail("structure.choice", value=value, choices='"-"')
    return NIL


def _structure_str(value: object, _: type) -> str:
    if not isinstance(value, str):
        raise fail("text.type", type=_type_name(value))
    return value


def _structure_int(value: object, _: type) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise fail("structure.type", expected="a whole number", type=_type_name(value))
    return value


def _structure_bool(value: object, _: type) -> bool:
    if not isinstance(value, bool):
        raise fail("structure.type", expected="true or false", type=_type_name(value))
    return value


def _structure_code(value: object, _: type) -> Code:
    if not isinstance(value, str):
        raise fail("code.type", type=_type_name(value))
    return Code.parse(value)


def _structure_date(value: object, _: type) -> dt.date:
    if not isinstance(value, str):
        raise fail("date.type", type=_type_name(value))
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise fail("date.syntax", value=value) from None


def _is_enum(cls: Any) -> bool:
    return isinstance(cls, type) and issubclass(cls, Enum) and cls is not Nil


def _structure_enum(value: object, cls: type[Enum]) -> Enum:
    choices = [member.value for member in cls]
    if value not in choices:
        raise fail("structure.choice", value=value, choices=", ".join(map(str, choices)))
    return cls(value)


def _union_args(tp: Any) -> tuple[Any, ...]:
    if isinstance(tp, types.UnionType) or typing.get_origin(tp) is typing.Union:
        return typing.get_args(tp)
    return ()


def _is_nil_union(tp: Any) -> bool:
    return Nil in _union_args(tp)


def _is_year_map(tp: Any) -> bool:
    return typing.get_origin(tp) is YearMap or tp is YearMap


class _Structurer:
    """Hooks that need the converter (unions with nil, year maps, tuples)."""

    def __init__(self, converter: Converter) -> None:
        self.converter = converter

    def nil_union(self, value: object, tp: Any) -> Any:
        args = _union_args(tp)
        if value is None and type(None) in args:
            return None
        if value == _NIL_TEXT:
            return NIL
        others = [a for a in args if a not in (Nil, type(None))]
        if len(others) != 1:
            raise TypeError(f"unsupported union {tp}")
        return self.converter.structure(value, others[0])

    def year_map(self, value: object, tp: Any) -> YearMap[Any]:
        if not isinstance(value, Mapping):
            raise fail("structure.type", expected="an object keyed by year", type=_type_name(value))
        (item_type,) = typing.get_args(tp) or (Any,)
        result: dict[int, Any] = {}
        problems: list[Problem] = []
        for key, item in value.items():
            if not isinstance(key, str) or not key.isascii() or not key.isdigit():
                problems.append(
                    Problem(f"[{key!r}]", "year.type", {"type": f"key {key!r}"})
                )
                continue
            year = int(key)
            try:
                result[year] = self.converter.structure(item, item_type)
            except Exception as exc:  # noqa: BLE001 - every failure becomes a problem
                problems.extend(problems_of(exc, f"[{year}]"))
        if problems:
            raise InvalidPlanError(problems)
        return YearMap(result)

    def tuple_of(self, value: object, tp: Any) -> tuple[Any, ...]:
        if not isinstance(value, list):
            raise fail("structure.type", expected="a list", type=_type_name(value))
        args = typing.get_args(tp)
        item_type = args[0] if args else Any
        items: list[Any] = []
        problems: list[Problem] = []
        for index, item in enumerate(value):
            try:
                items.append(self.converter.structure(item, item_type))
            except Exception as exc:  # noqa: BLE001 - every failure becomes a problem
                problems.extend(problems_of(exc, f"[{index}]"))
        if problems:
            raise InvalidPlanError(problems)
        return tuple(items)


def _is_homogeneous_tuple(tp: Any) -> bool:
    if typing.get_origin(tp) is not tuple:
        return False
    args = typing.get_args(tp)
    return len(args) == 2 and args[1] is Ellipsis


def _unstructure_year_map(converter: Converter) -> Callable[[YearMap[Any]], dict[str, Any]]:
    def unstructure(value: YearMap[Any]) -> dict[str, Any]:
        return {str(year): converter.unstructure(item) for year, item in value.items()}

    return unstructure


def _mapping_guard(structure: Callable[[Any, Any], T]) -> Callable[[Any, Any], T]:
    """Refuse anything but a JSON object where an attrs class is expected."""

    def guarded(value: Any, tp: Any) -> T:
        if not isinstance(value, Mapping):
            raise fail(
                "structure.type", expected="an object", type=_type_name(value)
            )
        return structure(value, tp)

    return guarded


def make_converter() -> Converter:
    """Build the converter. Most code uses the shared :data:`converter`."""
    conv = Converter(omit_if_default=True, forbid_extra_keys=True, detailed_validation=True)
    helper = _Structurer(conv)

    conv.register_structure_hook(Decimal, _structure_decimal)
    conv.register_unstructure_hook(Decimal, _unstructure_decimal)
    conv.register_structure_hook(Nil, _structure_nil)
    conv.register_unstructure_hook(Nil, lambda _: _NIL_TEXT)
    conv.register_structure_hook(str, _structure_str)
    conv.register_structure_hook(int, _structure_int)
    conv.register_structure_hook(bool, _structure_bool)
    conv.register_structure_hook(Code, _structure_code)
    conv.register_unstructure_hook(Code, str)
    conv.register_structure_hook(dt.date, _structure_date)
    conv.register_unstructure_hook(dt.date, dt.date.isoformat)
    conv.register_structure_hook_func(_is_enum, _structure_enum)
    conv.register_unstructure_hook_func(_is_enum, lambda member: member.value)
    conv.register_structure_hook_func(_is_nil_union, helper.nil_union)
    conv.register_structure_hook_func(_is_year_map, helper.year_map)
    conv.register_unstructure_hook_factory(_is_year_map, lambda _: _unstructure_year_map(conv))
    conv.register_structure_hook_func(_is_homogeneous_tuple, helper.tuple_of)

    def attrs_factory(cls: Any) -> Callable[[Any, Any], Any]:
        from cattrs.gen import make_dict_structure_fn

        return _mapping_guard(make_dict_structure_fn(cls, conv, _cattrs_forbid_extra_keys=True))

    conv.register_structure_hook_factory(attrs.has, attrs_factory)
    return conv


def problems_of(exc: BaseException, path: str = "") -> list[Problem]:
    """Every problem an exception raised while structuring stands for, under *path*."""
    if isinstance(exc, InvalidPlanError):
        return [p.under(path) for p in exc.problems]
    if isinstance(exc, BaseValidationError):
        found: list[Problem] = []
        for sub in exc.exceptions:
            segment = ""
            for note in getattr(sub, "__notes__", ()):
                if isinstance(note, AttributeValidationNote):
                    segment = note.name
                elif isinstance(note, IterableValidationNote):
                    segment = f"[{note.index!r}]"
            found.extend(problems_of(sub, join_path(path, segment)))
        return found
    if isinstance(exc, ForbiddenExtraKeysError):
        return [
            Problem(path, "structure.unknown_key", {"key": key})
            for key in sorted(exc.extra_fields)
        ]
    if isinstance(exc, KeyError):
        return [Problem(path, "structure.missing", {})]
    if isinstance(exc, RecursionError):
        return [Problem(path, "json.depth", {"limit": sys.getrecursionlimit()})]
    return [Problem(path, "structure.invalid", {"why": f"{type(exc).__name__}: {exc}"})]


converter: Final = make_converter()
"""The shared converter."""


def structure_plan(data: object) -> Plan:
    """Turn JSON-compatible *data* (without ``format_version``) into a :class:`Plan`."""
    try:
        return converter.structure(data, Plan)
    except (InvalidPlanError, BaseValidationError, KeyError, TypeError, ValueError,
            RecursionError) as exc:
        raise InvalidPlanError(problems_of(exc)) from None


def unstructure_plan(plan: Plan) -> dict[str, Any]:
    """Turn *plan* into JSON-compatible data (without ``format_version``)."""
    data = converter.unstructure(plan)
    assert isinstance(data, dict)
    return data

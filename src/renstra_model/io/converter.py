"""The one converter between the model and JSON-compatible data (cattrs).

Strict by design: money and numbers are decimal strings (a JSON number would have passed
through a binary float in most tools), ``"-"`` is a stated nil, years are the keys of
objects, unknown keys are refused, and text is never made from a number. Every problem of a
document is reported at once, each as "reason @ path".

A load first tries the fast path (:mod:`.fastload`), derived from the same model; where it
declines the data, this converter reports every problem.
"""

from __future__ import annotations

import datetime as dt
import sys
import threading
import typing
from collections.abc import Callable, Mapping
from decimal import Decimal
from typing import TYPE_CHECKING, Any, TypeVar

import attrs

from ..errors import InvalidPlanError, Problem, fail, join_path
from ..model.codes import Code
from ..model.plan import Plan
from ..model.series import YEAR_MAX, YEAR_MIN, YearMap
from ..model.values import NIL, Nil
from .fastload import _fast_plan as _fast_plan
from .fastload import _FastStructurer as _FastStructurer
from .fastload import load_fast
from .scalars import (
    NIL_TEXT,
    is_enum,
    is_homogeneous_tuple,
    is_nil_union,
    is_year_map,
    structure_bool,
    structure_code,
    structure_date,
    structure_decimal,
    structure_enum,
    structure_int,
    structure_nil,
    structure_str,
    type_name,
    union_args,
    unstructure_decimal,
)

if TYPE_CHECKING:
    from cattrs import Converter

T = TypeVar("T")


class _Structurer:
    """Hooks that need the converter (unions with nil, year maps, tuples)."""

    def __init__(self, converter: Converter) -> None:
        self.converter = converter

    def nil_union(self, value: object, tp: Any) -> Any:
        args = union_args(tp)
        if value is None and type(None) in args:
            return None
        if value == NIL_TEXT:
            return NIL
        others = [a for a in args if a not in (Nil, type(None))]
        if len(others) != 1:
            raise TypeError(f"unsupported union {tp}")
        return self.converter.structure(value, others[0])

    def year_map(self, value: object, tp: Any) -> YearMap[Any]:
        if not isinstance(value, Mapping):
            raise fail("structure.type", expected="an object keyed by year", type=type_name(value))
        (item_type,) = typing.get_args(tp) or (Any,)
        result: dict[int, Any] = {}
        problems: list[Problem] = []
        for key, item in value.items():
            if not isinstance(key, str) or not key.isascii() or not key.isdigit():
                problems.append(
                    Problem(f"[{key[:20]!r}]", "year.type", {"type": f"key {key[:20]!r}"})
                )
                continue
            if len(key) > len(str(YEAR_MAX)):
                problems.append(Problem(f"[{key[:20]!r}]", "year.range",
                                        {"year": key[:20] + "…", "low": YEAR_MIN,
                                         "high": YEAR_MAX}))
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
            raise fail("structure.type", expected="a list", type=type_name(value))
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


def _unstructure_year_map(converter: Converter) -> Callable[[YearMap[Any]], dict[str, Any]]:
    def unstructure(value: YearMap[Any]) -> dict[str, Any]:
        return {str(year): converter.unstructure(item) for year, item in value.items()}

    return unstructure


def _mapping_guard(structure: Callable[[Any, Any], T]) -> Callable[[Any, Any], T]:
    """Refuse anything but a JSON object where an attrs class is expected."""

    def guarded(value: Any, tp: Any) -> T:
        if not isinstance(value, Mapping):
            raise fail(
                "structure.type", expected="an object", type=type_name(value)
            )
        return structure(value, tp)

    return guarded


def make_converter() -> Converter:
    """Build the converter. Most code uses the shared :data:`converter`."""
    from cattrs import Converter

    conv = Converter(omit_if_default=True, forbid_extra_keys=True, detailed_validation=True)
    helper = _Structurer(conv)

    conv.register_structure_hook(Decimal, structure_decimal)
    conv.register_unstructure_hook(Decimal, unstructure_decimal)
    conv.register_structure_hook(Nil, structure_nil)
    conv.register_unstructure_hook(Nil, lambda _: NIL_TEXT)
    conv.register_structure_hook(str, structure_str)
    conv.register_structure_hook(int, structure_int)
    conv.register_structure_hook(bool, structure_bool)
    conv.register_structure_hook(Code, structure_code)
    conv.register_unstructure_hook(Code, str)
    conv.register_structure_hook(dt.date, structure_date)
    conv.register_unstructure_hook(dt.date, dt.date.isoformat)
    conv.register_structure_hook_func(is_enum, structure_enum)
    conv.register_unstructure_hook_func(is_enum, lambda member: member.value)
    conv.register_structure_hook_func(is_nil_union, helper.nil_union)
    conv.register_structure_hook_func(is_year_map, helper.year_map)
    conv.register_unstructure_hook_factory(is_year_map, lambda _: _unstructure_year_map(conv))
    conv.register_structure_hook_func(is_homogeneous_tuple, helper.tuple_of)

    def attrs_factory(cls: Any) -> Callable[[Any, Any], Any]:
        from cattrs.gen import make_dict_structure_fn

        return _mapping_guard(make_dict_structure_fn(cls, conv, _cattrs_forbid_extra_keys=True))

    conv.register_structure_hook_factory(attrs.has, attrs_factory)
    return conv


def problems_of(exc: BaseException, path: str = "") -> list[Problem]:
    """Every problem an exception raised while structuring stands for, under *path*."""
    from cattrs.errors import (
        AttributeValidationNote,
        BaseValidationError,
        ForbiddenExtraKeysError,
        IterableValidationNote,
    )

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


_lock = threading.Lock()
_shared: list[Converter] = []

if TYPE_CHECKING:
    converter: Converter
    """The shared converter (built on first use)."""


def __getattr__(name: str) -> Any:
    # The shared converter is built on first use: loading a valid plan does not need it (see
    # the fast path, in fastload), and importing cattrs is a good part of the command line's
    # start.
    if name == "converter":
        return _converter()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def _converter() -> Converter:
    with _lock:
        if not _shared:
            _shared.append(make_converter())
        return _shared[0]


def structure_plan(data: object) -> Plan:
    """Turn JSON-compatible *data* (without ``format_version``) into a :class:`Plan`.

    The fast path builds the plan where it can prove *data* clean; where it declines, the
    converter finds and reports every problem, each with its path."""
    plan = load_fast(data)
    if plan is not None:
        return plan
    from cattrs.errors import BaseValidationError

    try:
        return _converter().structure(data, Plan)
    except (InvalidPlanError, BaseValidationError, KeyError, TypeError, ValueError,
            RecursionError) as exc:
        raise InvalidPlanError(problems_of(exc)) from None


def unstructure_plan(plan: Plan) -> dict[str, Any]:
    """Turn *plan* into JSON-compatible data (without ``format_version``)."""
    data = _converter().unstructure(plan)
    assert isinstance(data, dict)
    return data

"""The one converter between the model and JSON-compatible data (cattrs).

Strict by design: money and numbers are decimal strings (a JSON number would have passed
through a binary float in most tools), ``"-"`` is a stated nil, years are the keys of
objects, unknown keys are refused, and text is never made from a number. Every problem of a
document is reported at once, each as "reason @ path": every bad field of every object, a
value its type refuses and a value the field's check refuses alike (in a year map or list that
holds a bad item, each of its other items is still checked). An object whose fields are all
good is then built, which tests its invariants (a child's code extends its parent's, the
period's years are in order); an object with a bad field is not built, so that the one cause
gives one problem, not also a follow-on problem of the object or of its parents.

A load first tries the fast path (:mod:`.fastload`), derived from the same model; where it
declines the data, this converter reports every problem.
"""

from __future__ import annotations

import datetime as dt
import sys
import threading
import typing
from collections.abc import Callable, Iterable, Mapping
from decimal import Decimal
from typing import TYPE_CHECKING, Any, TypeVar

import attrs

from ..errors import InvalidPlanError, Problem, fail, join_path
from ..model.codes import Code
from ..model.plan import Plan
from ..model.series import YEAR_MAX, YEAR_MIN, YearMap
from ..model.values import NIL, VALUE_CHECKS, Nil
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


class _PartlyBuiltError(InvalidPlanError):
    """The problems of a year map or a list, with the items that were built (each with the
    path segment of its year or index), so that the field's check can still test them."""

    def __init__(self, problems: Iterable[Problem], built: Iterable[tuple[str, Any]]) -> None:
        super().__init__(problems)
        self.built: tuple[tuple[str, Any], ...] = tuple(built)


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
            built = ((f"[{year}]", item) for year, item in result.items())
            raise _PartlyBuiltError(problems, built)
        return YearMap(result)

    def tuple_of(self, value: object, tp: Any) -> tuple[Any, ...]:
        if not isinstance(value, list):
            raise fail("structure.type", expected="a list", type=type_name(value))
        args = typing.get_args(tp)
        item_type = args[0] if args else Any
        items: list[Any] = []
        built: list[tuple[str, Any]] = []
        problems: list[Problem] = []
        for index, item in enumerate(value):
            try:
                made = self.converter.structure(item, item_type)
            except Exception as exc:  # noqa: BLE001 - every failure becomes a problem
                problems.extend(problems_of(exc, f"[{index}]"))
                continue
            items.append(made)
            built.append((f"[{index}]", made))
        if problems:
            raise _PartlyBuiltError(problems, built)
        return tuple(items)

    def attrs_class(self, cls: Any) -> Callable[[Any, Any], Any]:
        """The structuring function of the attrs class *cls*: every bad field reported."""
        fields = attrs.fields(cls)
        hints = typing.get_type_hints(cls)
        names = frozenset(a.name for a in fields)
        # Each field's hook, looked up on first use (a class may hold itself: the activities).
        hooks: list[tuple[attrs.Attribute[Any], Callable[[Any, Any], Any], Any]] = []

        def structure_object(value: Any, _: Any) -> Any:
            if not isinstance(value, Mapping):
                raise fail("structure.type", expected="an object", type=type_name(value))
            if not hooks:
                hooks.extend((a, self.converter.get_structure_hook(hints[a.name]), hints[a.name])
                             for a in fields)
            found: dict[str, list[Problem]] = {}
            made: dict[str, Any] = {}
            for attribute, hook, tp in hooks:
                name = attribute.name
                if name not in value:
                    if attribute.default is attrs.NOTHING:
                        found[name] = [Problem(name, "structure.missing", {})]
                    continue
                try:
                    made[name] = hook(value[name], tp)
                except Exception as exc:  # noqa: BLE001 - every failure becomes a problem
                    found[name] = [*problems_of(exc, name), *_item_problems(attribute, exc)]
            unknown = [
                Problem("", "structure.unknown_key", {"key": key})
                for key in sorted(set(value) - names, key=str)
            ]
            if not found and not unknown:
                try:
                    return cls(**made)
                except InvalidPlanError:
                    # A field's check or an invariant: the checks of every field say all the
                    # fields' problems; where they pass, the invariant's are the problems.
                    _field_problems(cls, fields, made, found)
                    if not found:
                        raise
            else:
                _field_problems(cls, fields, made, found)
            problems = [p for a in fields for p in found.get(a.name, ())]
            raise InvalidPlanError([*problems, *unknown])

        return structure_object


def _item_problems(attribute: attrs.Attribute[Any], exc: BaseException) -> list[Problem]:
    """The problems the check of *attribute* finds in the items of a year map or list that
    were built though others were not (:class:`_PartlyBuiltError`)."""
    check = VALUE_CHECKS.get(attribute.validator) if attribute.validator is not None else None
    if not isinstance(exc, _PartlyBuiltError) or check is None:
        return []
    if not (check.each_year or check.items):
        return []
    problems: list[Problem] = []
    for segment, item in exc.built:
        try:
            check.check(item)
        except InvalidPlanError as error:
            problems.extend(p.under(join_path(attribute.name, segment)) for p in error.problems)
    return problems


def _field_problems(
    cls: Any, fields: Any, made: Mapping[str, Any], found: dict[str, list[Problem]]
) -> None:
    """Add to *found* what the validator of each field built in *made* refuses, run on an
    instance of *cls* holding only those fields. A validator that reads a field not built
    (``AttributeError``) is not run: that field's own problem is the cause."""
    instance = cls.__new__(cls)
    values: dict[str, Any] = {}
    for attribute in fields:
        if attribute.name in made:
            item = made[attribute.name]
            if attribute.converter is not None:
                item = attribute.converter(item)
            values[attribute.name] = item
            object.__setattr__(instance, attribute.name, item)
    for attribute in fields:
        name = attribute.name
        if name not in values or attribute.validator is None:
            continue
        try:
            attribute.validator(instance, attribute, values[name])
        except AttributeError:
            continue
        except Exception as exc:  # noqa: BLE001 - every failure becomes a problem
            found.setdefault(name, []).extend(problems_of(exc))


def _unstructure_year_map(converter: Converter) -> Callable[[YearMap[Any]], dict[str, Any]]:
    def unstructure(value: YearMap[Any]) -> dict[str, Any]:
        return {str(year): converter.unstructure(item) for year, item in value.items()}

    return unstructure


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
    conv.register_structure_hook_factory(attrs.has, helper.attrs_class)
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

"""The one converter between the model and JSON-compatible data (cattrs).

Strict by design: money and numbers are decimal strings (a JSON number would have passed
through a binary float in most tools), ``"-"`` is a stated nil, years are the keys of
objects, unknown keys are refused, and text is never made from a number. Every problem of a
document is reported at once, each as "reason @ path".
"""

from __future__ import annotations

import datetime as dt
import re
import sys
import threading
import types
import typing
from collections.abc import Callable, Mapping
from decimal import Decimal, InvalidOperation
from enum import Enum
from typing import TYPE_CHECKING, Any, Final, TypeVar

import attrs

from ..errors import InvalidPlanError, Problem, fail, join_path
from ..model._fields import (
    TYPE_TESTS,
    TypeTest,
    check_positive,
    optional_text,
    text,
    texts,
    to_tuple,
    utf8_encodable,
)
from ..model.codes import Code
from ..model.indicators import _quantity
from ..model.plan import Plan
from ..model.series import YEAR_MAX, YEAR_MIN, YearMap, to_year_map
from ..model.values import (
    MAX_MONEY,
    MAX_NUMBER,
    MAX_TEXT,
    NIL,
    VALUE_CHECKS,
    Nil,
    Quantity,
    _validate_also,
    check_count,
    check_money,
    check_money_cell,
    check_number,
    check_number_cell,
    check_text,
)

if TYPE_CHECKING:
    from cattrs import Converter

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


DECIMAL_TEXT: Final = re.compile(r"-?[0-9]{1,40}(?:\.[0-9]{1,20})?", re.ASCII)
"""A decimal string of a plan file: ASCII digits, an optional sign and fraction, no exponent,
no underscores; at most 40 digits before the point and 20 after."""


def _structure_decimal(value: object, _: type) -> Decimal:
    if not isinstance(value, str):
        raise fail("number.text", type=_type_name(value))
    text = value.strip()
    if text in ("NaN", "Infinity", "-Infinity", "inf", "-inf", "nan"):
        raise fail("number.not_finite", value=value)
    if not DECIMAL_TEXT.fullmatch(text):
        raise fail("number.syntax", value=value[:60])
    try:
        number = Decimal(text)
    except InvalidOperation:  # pragma: no cover - the pattern admits only valid decimals
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
    from cattrs import Converter

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
    # the fast path below), and importing cattrs is a good part of the command line's start.
    if name == "converter":
        return _converter()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def _converter() -> Converter:
    with _lock:
        if not _shared:
            _shared.append(make_converter())
        return _shared[0]


def structure_plan(data: object) -> Plan:
    """Turn JSON-compatible *data* (without ``format_version``) into a :class:`Plan`."""
    fast = _fast_plan()
    if fast is not None:
        try:
            return fast(data)
        except Exception:  # noqa: BLE001 - the converter below finds and reports every problem
            pass
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


# -- the fast path -----------------------------------------------------------------------------
#
# Structuring through the converter costs a dispatch and a try/except per value, most of the
# time of a load. The functions below structure the same data with one generated function per
# attrs class, which tests each JSON value by its exact type where the hooks above test it, so
# that they accept a subset of what the converter accepts. They build each object as its
# ``__init__`` would: they set the fields (through the slots' own setters) and run every
# validator of the class, then its ``__attrs_post_init__`` (the invariants); they skip only
# the checks that the values pass by construction (a ``Code`` field holds the ``Code`` they
# parsed; a decimal read from at most 15 plain digits is valid money and a valid number) and,
# for the checks they know, test the common case inline and call the validator where that
# test fails. A class with a converter or a hook they do not know is built by calling it.
# Where a missing key and null both mean None, one test serves both. At the first thing they do
# not expect (a wrong type, an unknown or missing key, an invalid value, a broken invariant)
# they give up, and :func:`structure_plan` runs the converter, which finds every problem with
# its path. Both build the same plan.


class _UnexpectedError(Exception):
    """The fast path met a value it leaves to the converter."""


_MISSING: Final = object()

_YEARS: Final = {
    str(year).zfill(width): year
    for year in range(YEAR_MIN, YEAR_MAX + 1)
    for width in range(len(str(year)), 5)
}
"""Every key of a year map the fast path takes, with its year: at most 4 ASCII digits (as
the converter's hook) for a year within YEAR_MIN … YEAR_MAX. One lookup tests a key."""

_CODE_CACHE_LIMIT: Final = 100_000
"""How many parsed codes the fast path keeps (codes repeat within and across plans)."""


class _FastStructurer:
    """Generates, once per attrs class, a function from JSON data to an instance."""

    def __init__(self) -> None:
        self.names: dict[type, str] = {}
        self.codes: dict[str, Code] = {}
        self.counter = 0
        self.namespace: dict[str, Any] = {
            "Unexpected": _UnexpectedError,
            "MISSING": _MISSING,
            "Decimal": Decimal,
            "NIL": NIL,
            "of_checked": YearMap._of_checked,
            "YEARS": _YEARS,
            "encodable": utf8_encodable,
            "code": self.code,
            "date": _structure_date,
            "MAX_TEXT": MAX_TEXT,
            "MAX_NUMBER": MAX_NUMBER,
            "MAX_MONEY": MAX_MONEY,
            "Quantity": Quantity,
        }

    def code(self, value: object) -> Code:
        """A code, parsed once per text."""
        found = self.codes.get(value) if type(value) is str else None
        if found is None:
            found = _structure_code(value, Code)
            if type(value) is str and len(self.codes) < _CODE_CACHE_LIMIT:
                self.codes[value] = found
        return found

    def function(self, cls: type[T]) -> Callable[[object], T]:
        """The structuring function of *cls*."""
        function: Callable[[object], T] = self.namespace[self.class_function(cls)]
        return function

    def fresh(self, stem: str) -> str:
        self.counter += 1
        return f"{stem}_{self.counter}"

    def bind(self, stem: str, value: object) -> str:
        name = self.fresh(stem)
        self.namespace[name] = value
        return name

    def class_function(self, cls: type) -> str:
        if cls in self.names:
            return self.names[cls]
        name = self.fresh(f"structure_{cls.__name__}")
        self.names[cls] = name
        hints = typing.get_type_hints(cls)
        fields = attrs.fields(cls)
        keys = self.bind("keys", frozenset(a.name for a in fields))
        lines = [
            f"def {name}(data):",
            f"    if type(data) is not dict or not {keys}.issuperset(data):",
            "        raise Unexpected",
        ]
        arguments: list[str] = []
        produced: list[set[Any]] = []
        cleans: list[str | None] = []
        for attribute in fields:
            if not attribute.init or attribute.kw_only or attribute.alias != attribute.name:
                raise TypeError(f"{cls.__name__}.{attribute.name} is not a plain field")
            tp = hints[attribute.name]
            kinds = _produced(tp)
            target = self.fresh("field")
            value = self.fresh("value")
            arguments.append(target)
            # A flag, for the fields whose check the clean decimals pass: whether every
            # decimal of the value was clean (see _DECIMAL).
            clean = self.fresh("clean") if _clean_passes(attribute.validator, tp) else None
            cleans.append(clean)
            default = attribute.default
            if default is None and type(None) in _union_args(tp):
                # A missing key and null build the same value, None: one test for both.
                kinds.add(None)
                produced.append(kinds)
                lines.append(f"    {value} = data.get({attribute.name!r})")
                if clean is not None:
                    lines.append(f"    {clean} = True")
                lines.extend(self.emit(tp, value, target, "    ", clean))
                continue
            lines.append(f"    {value} = data.get({attribute.name!r}, MISSING)")
            lines.append(f"    if {value} is MISSING:")
            if clean is not None and default is not attrs.NOTHING:
                lines.append(f"        {clean} = False")
            if default is attrs.NOTHING:
                lines.append("        raise Unexpected")
            elif isinstance(default, attrs.Factory):  # type: ignore[arg-type]
                if default.takes_self:
                    raise TypeError(f"{cls.__name__}.{attribute.name}: factory takes self")
                made = default.factory()
                if type(made) is YearMap:
                    # Immutable: one empty map serves every missing series.
                    lines.append(f"        {target} = {self.bind('empty', made)}")
                else:
                    lines.append(f"        {target} = {self.bind('factory', default.factory)}()")
                kinds.add(None if made is None else type(made))
            else:
                lines.append(f"        {target} = {self.bind('default', default)}")
                kinds.add(None if default is None else type(default))
            produced.append(kinds)
            lines.append("    else:")
            if clean is not None:
                lines.append(f"        {clean} = True")
            lines.extend(self.emit(tp, value, target, "        ", clean))
        construct = self.construction(cls, fields, hints, arguments, produced, cleans)
        lines.extend(f"    {line}" for line in construct)
        source = "\n".join(lines) + "\n"
        code = compile(source, f"<renstra_model structure {cls.__qualname__}>", "exec")
        exec(code, self.namespace)
        return name

    def construction(
        self, cls: type, fields: Any, hints: dict[str, Any], arguments: list[str],
        produced: list[set[Any]], cleans: list[str | None],
    ) -> list[str]:
        """Statements building the instance of *cls* from the structured *arguments*.

        Where the fast path knows every converter and validator of the class, it sets the
        fields itself and runs each validator except the type tests its values pass by
        construction (the value of a ``Code`` field is a ``Code``: the fast path built it),
        (and the checks of money and numbers where every decimal was clean), then the
        class's ``__attrs_post_init__``. Otherwise it calls the class.
        """
        build = [f"return {self.bind('cls', cls)}({', '.join(arguments)})"]
        if hasattr(cls, "__attrs_pre_init__") or not attrs.has(cls):
            return build
        instance = self.fresh("instance")
        lines = [f"{instance} = {self.bind('new', cls.__new__)}({self.bind('cls', cls)})"]
        checks: list[str] = []
        for attribute, target, kinds, clean in zip(
            fields, arguments, produced, cleans, strict=True
        ):
            tp = hints[attribute.name]
            converter = attribute.converter
            if converter is not None and not (
                (converter is to_tuple and _is_homogeneous_tuple(tp))
                or (converter is to_year_map and _is_year_map(tp))
            ):
                return build  # a converter the fast path does not know
            slot = _slot(cls, attribute.name)
            if slot is None:
                return build  # not a slotted class: its __init__ knows how to set fields
            # The slot's own setter: what the frozen class's __init__ does through
            # object.__setattr__, without looking the name up on each call.
            lines.append(f"{self.bind('set', slot.__set__)}({instance}, {target})")
            validator = attribute.validator
            if (validator is None or _passes(TYPE_TESTS.get(validator), tp, kinds)
                    or _quantities(validator, tp, kinds)):
                continue
            call = (f"{self.bind('validator', validator)}({instance}, "
                    f"{self.bind('attribute', attribute)}, {target})")
            pretest = _pretest(validator, target, self.fresh("item"), kinds)
            check = [call]
            if pretest is not None:
                # The validator's test of the common case, inline; the validator itself
                # where that test fails (it then passes the value, or raises).
                head, condition = pretest
                indent = "    " * len(head)
                check = [*head, f"{indent}if not ({condition}):", f"{indent}    {call}"]
                if head:
                    check.append(f"{indent}    break")
            if clean is not None:
                check = [f"if not {clean}:", *(f"    {line}" for line in check)]
            checks.extend(check)
        lines.extend(checks)
        if hasattr(cls, "__attrs_post_init__"):
            lines.append(f"{instance}.__attrs_post_init__()")
        lines.append(f"return {instance}")
        return lines

    def emit(
        self, tp: Any, source: str, target: str, indent: str, clean: str | None = None
    ) -> list[str]:
        """Statements structuring the JSON value *source* of type *tp* into *target*; they
        set the flag *clean* (if any) to False where a decimal is not clean."""
        i = indent
        args = _union_args(tp)
        if args:
            others = [a for a in args if a not in (Nil, type(None))]
            if len(others) != 1:
                raise TypeError(f"unsupported union {tp}")
            if Nil in args:  # as _Structurer.nil_union
                head = [f"{i}if {source} is None:", f"{i}    {target} = None",
                        f"{i}elif {source} == '-':"] if type(None) in args else [
                        f"{i}if {source} == '-':"]
            elif len(args) == 2:  # cattrs' optional
                head = [f"{i}if {source} is None:", f"{i}    {target} = None"]
                return [*head, f"{i}else:",
                        *self.emit(others[0], source, target, i + "    ", clean)]
            else:
                raise TypeError(f"unsupported union {tp}")
            return [*head, f"{i}    {target} = NIL", f"{i}else:",
                    *self.emit(others[0], source, target, i + "    ", clean)]
        if tp in (str, int, bool):
            return [f"{i}if type({source}) is not {tp.__name__}:", f"{i}    raise Unexpected",
                    f"{i}{target} = {source}"]
        if tp is Decimal:  # as _structure_decimal
            text = self.bind("decimal_text", DECIMAL_TEXT.fullmatch)
            return [f"{i}if {_DECIMAL.format(v=source)}:",
                    f"{i}    {target} = Decimal({source})",
                    f"{i}else:",
                    *([f"{i}    {clean} = False"] if clean is not None else []),
                    f"{i}    if type({source}) is not str or not {text}({source}.strip()):",
                    f"{i}        raise Unexpected",
                    f"{i}    {target} = Decimal({source}.strip())"]
        if tp is Code:
            return [f"{i}{target} = code({source})"]
        if tp is dt.date:
            return [f"{i}if type({source}) is not str:", f"{i}    raise Unexpected",
                    f"{i}{target} = date({source}, None)"]
        if _is_enum(tp):
            members = self.bind("members", {member.value: member for member in tp})
            return [f"{i}{target} = {members}[{source}]"]
        if isinstance(tp, type) and attrs.has(tp):
            return [f"{i}{target} = {self.class_function(tp)}({source})"]
        if _is_homogeneous_tuple(tp):
            (item_type, _) = typing.get_args(tp)
            item, result, items = self.fresh("item"), self.fresh("result"), self.fresh("items")
            head = [f"{i}if type({source}) is not list:", f"{i}    raise Unexpected"]
            if item_type is Code:
                return [*head, f"{i}{target} = tuple(map(code, {source}))"]
            if isinstance(item_type, type) and attrs.has(item_type):
                function = self.class_function(item_type)
                return [*head, f"{i}{target} = tuple(map({function}, {source}))"]
            return [
                *head,
                f"{i}{items} = []",
                f"{i}for {item} in {source}:",
                *self.emit(item_type, item, result, i + "    "),
                f"{i}    {items}.append({result})",
                f"{i}{target} = tuple({items})",
            ]
        if _is_year_map(tp) and typing.get_args(tp):
            (item_type,) = typing.get_args(tp)
            key, item, result, years, year = (
                self.fresh("key"), self.fresh("item"), self.fresh("result"),
                self.fresh("years"), self.fresh("year"),
            )
            return [
                f"{i}if type({source}) is not dict:",
                f"{i}    raise Unexpected",
                f"{i}{years} = {{}}",
                f"{i}for {key}, {item} in {source}.items():",
                f"{i}    {year} = YEARS.get({key})",
                f"{i}    if {year} is None:",
                f"{i}        raise Unexpected",
                *self.emit(item_type, item, result, i + "    ", clean),
                f"{i}    {years}[{year}] = {result}",
                f"{i}{target} = of_checked({years})",
            ]
        raise TypeError(f"unsupported type {tp}")


_DECIMAL: Final = "type({v}) is str and {v}.isascii() and {v}.isdigit() and len({v}) <= 15"
"""A clean decimal: at most 15 ASCII digits, nothing else. DECIMAL_TEXT matches it, and its
Decimal is whole, not negative and below MAX_MONEY and MAX_NUMBER: every check of money and
numbers passes it (see _CLEAN_CHECKS)."""

_CLEAN_CHECKS: Final[dict[Callable[[Any], object], bool]] = {
    check_money: False,
    check_number: False,
    check_money_cell: True,
    check_number_cell: True,
}
"""The checks every clean decimal passes, each with whether it also passes NIL."""


def _clean_passes(validator: Any, tp: Any) -> bool:
    """True when every value of type *tp* the fast path builds from clean decimals (and
    ``"-"`` or null, where *tp* has them) passes *validator*: then it need not run."""
    check = VALUE_CHECKS.get(validator) if validator is not None else None
    if check is None or check.check not in _CLEAN_CHECKS:
        return False
    allowed: set[Any] = {Decimal}
    if _CLEAN_CHECKS[check.check]:
        allowed.add(Nil)
    if check.each_year:
        if not _is_year_map(tp) or not typing.get_args(tp):
            return False
        (tp,) = typing.get_args(tp)
    elif check.optional:
        allowed.add(None)
    return _produced(tp) <= allowed


_STR_TEST: Final = (
    "len({v}) <= MAX_TEXT and {v} != '' and not {v}.isspace()"
    " and ({v}.isascii() or encodable({v}))"
)
"""The test of text fields (``_fields.is_text``), on a value known to be a str."""
_TEXT_TEST: Final = "type({v}) is str and " + _STR_TEST
_NUMBER_TEST: Final = (
    "type({v}) is Decimal and {v}.is_finite() and -MAX_NUMBER <= {v} <= MAX_NUMBER"
)
_MONEY_TEST: Final = (
    "type({v}) is Decimal and {v}.is_finite() and not {v}.is_signed() and {v} <= MAX_MONEY"
    " and {v} == {v}.to_integral_value()"
)
_PRETESTS: Final[dict[Callable[[Any], object], str]] = {
    check_text: _TEXT_TEST,
    check_number: _NUMBER_TEST,
    check_number_cell: "{v} is NIL or (" + _NUMBER_TEST + ")",
    check_money: _MONEY_TEST,
    check_money_cell: "{v} is NIL or (" + _MONEY_TEST + ")",
    check_positive: "type({v}) is int and {v} >= 1",
    check_count: "{v} is NIL or (type({v}) is int and {v} >= 0)",
}
"""For the checks the model's validators run: a test, inline, of values the check accepts
(whole rupiah, numbers of sane size, non-blank text…). Where the test passes the check
would; where it fails, the fast path calls the validator, which decides."""


def _pretest(
    validator: Any, target: str, item: str, kinds: set[Any]
) -> tuple[list[str], str] | None:
    """Statements and a condition that hold only for values *validator* accepts, or None.
    *kinds* are the types of the values the fast path builds for the field."""
    if validator is text:
        # Where kinds say so, the fast path built the value as text: no need to test its type.
        return [], (_STR_TEST if kinds <= {str} else _TEXT_TEST).format(v=target)
    if validator is optional_text:
        condition = (_STR_TEST if kinds <= {str, None} else _TEXT_TEST).format(v=target)
        return [], f"{target} is None or {condition}"
    if validator is texts and kinds == {tuple}:
        return [f"for {item} in {target}:"], _TEXT_TEST.format(v=item)
    if validator is _validate_also:
        return [], f"not {target}"
    check = VALUE_CHECKS.get(validator)
    if check is None:
        return None
    if check.check is _quantity:
        test = "type({v}) is Quantity"
    elif check.check is check_text and kinds <= ({str, None} if check.optional else {str}):
        test = _STR_TEST
    elif check.check in _PRETESTS:
        test = _PRETESTS[check.check]
    else:
        return None
    if check.each_year:
        return [f"for {item} in {target}.values():"], test.format(v=item)
    condition = test.format(v=target)
    return [], f"{target} is None or {condition}" if check.optional else condition


def _quantities(validator: Any, tp: Any, kinds: set[Any]) -> bool:
    """True when *validator* tests that each value of a year map is a Quantity, and the fast
    path builds the field (of type *tp*) as a year map of quantities."""
    check = VALUE_CHECKS.get(validator)
    return (
        check is not None and check.check is _quantity and check.each_year
        and kinds == {YearMap} and _is_year_map(tp)
        and _produced(typing.get_args(tp)[0] if typing.get_args(tp) else Any) == {Quantity}
    )


def _slot(cls: type, name: str) -> types.MemberDescriptorType | None:
    """The slot holding field *name* of *cls*, or None when *cls* keeps it elsewhere."""
    for base in cls.__mro__:
        if name in base.__dict__:
            found = base.__dict__[name]
            return found if type(found) is types.MemberDescriptorType else None
    return None


def _produced(tp: Any) -> set[Any]:
    """The types of the values the fast path builds for a field of type *tp* (None for
    ``None``); empty when it cannot tell."""
    args = _union_args(tp)
    if args:
        return {kind for arg in args for kind in _produced(arg)}
    if tp is type(None):
        return {None}
    if _is_homogeneous_tuple(tp):
        return {tuple}
    if _is_year_map(tp):
        return {YearMap}
    if isinstance(tp, type):
        return {tp}
    return set()


def _passes(test: TypeTest | None, tp: Any, kinds: set[Any]) -> bool:
    """True when every value the fast path can build for a field of type *tp* (of *kinds*)
    passes the type test *test*."""
    if test is None or not kinds:
        return False
    if test.items:
        if not _is_homogeneous_tuple(tp) or kinds != {tuple}:
            return False
        (item,) = typing.get_args(tp)[:1]
        return isinstance(item, type) and issubclass(item, test.kind)
    return all(
        test.optional if kind is None else isinstance(kind, type) and issubclass(kind, test.kind)
        for kind in kinds
    )


_fast: list[Callable[[object], Plan] | None] = []


def _fast_plan() -> Callable[[object], Plan] | None:
    """The fast structuring function of :class:`Plan`; None where the model has a field the
    fast path does not know (then every load goes through the converter)."""
    if not _fast:
        with _lock:
            if not _fast:
                try:
                    _fast.append(_FastStructurer().function(Plan))
                except TypeError:  # pragma: no cover - every field of the model is known
                    _fast.append(None)
    return _fast[0]

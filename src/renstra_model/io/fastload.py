"""The fast path of loading: one generated structuring function per attrs class of the model.

Structuring through the converter costs a dispatch and a try/except per value, most of the
time of a load. The functions here structure the same data with one generated function per
attrs class, which tests each JSON value by its exact type where the converter's hooks test
it, so that they accept a subset of what the converter accepts. They build each object as its
``__init__`` would: they set the fields (through the slots' own setters) and run every
validator of the class, then its ``__attrs_post_init__`` (the invariants). They skip only the
checks that the values pass by construction (a ``Code`` field holds the ``Code`` they parsed;
a plain decimal is valid money and a valid number, as the checks' ``Accepts.plain`` say), and
for the checks whose common case the model states (:data:`~renstra_model.model.values.ACCEPTS`)
they write that test inline and call the validator where it fails. A class with a converter or
a hook they do not know is built by calling it. Where a missing key and null both mean None,
one test serves both.

At the first thing they do not expect (a wrong type, an unknown or missing key, an invalid
value, a broken invariant) they decline, and the converter finds every problem with its path.
Both build the same plan. Any other error is the fast path's own: it raises
:class:`FastPathError` where the environment variable ``RENSTRA_MODEL_STRICT_LOAD`` is set
(the test suite sets it), and otherwise warns and leaves the data to the converter.
"""

from __future__ import annotations

import collections.abc
import datetime as dt
import os
import threading
import types
import typing
import warnings
from collections.abc import Callable, Iterable
from decimal import Decimal
from typing import Any, Final, Literal, TypeVar

import attrs

from ..errors import InvalidPlanError
from ..model._fields import TYPE_TESTS, TypeTest, to_tuple
from ..model.codes import Code
from ..model.indicators import _quantity
from ..model.plan import Plan
from ..model.series import YEAR_MAX, YEAR_MIN, YearMap, to_year_map
from ..model.values import (
    ACCEPTS,
    NIL,
    PLAIN_DIGITS,
    VALUE_CHECKS,
    Accepts,
    Nil,
    Quantity,
    ValueCheck,
)
from .scalars import (
    DECIMAL_TEXT,
    is_enum,
    is_homogeneous_tuple,
    is_year_map,
    structure_code,
    structure_date,
    union_args,
)

T = TypeVar("T")

STRICT_VARIABLE: Final = "RENSTRA_MODEL_STRICT_LOAD"
"""Where this environment variable is set (and not ``0``), an error of the fast path itself
raises :class:`FastPathError` instead of leaving the data to the converter."""


class DeclinedError(Exception):
    """The fast path leaves the data to the converter: it cannot prove it clean."""


class FastPathError(RuntimeError):
    """The fast path failed on its own, not because of the data: a bug of the library."""


_DECLINED: Final = (DeclinedError, InvalidPlanError, RecursionError)
"""What the fast path raises by design on data it leaves to the converter: its own refusal,
a check or invariant of the model that fails, data nested too deep."""


def load_fast(data: object) -> Plan | None:
    """*data* (JSON-compatible, without ``format_version``) as a :class:`Plan`, or None
    where the fast path declines it (the converter then reports every problem)."""
    fast = _fast_plan()
    if fast is None:  # pragma: no cover - every field of the model is known
        return None
    try:
        return fast(data)
    except _DECLINED:
        return None
    except Exception as exc:  # an error of the fast path, not of the data
        if os.environ.get(STRICT_VARIABLE, "") not in ("", "0"):
            raise FastPathError(f"the fast path of loading failed: {exc!r}") from exc
        warnings.warn(f"renstra_model: the fast path of loading failed ({exc!r}); the data "
                      "goes through the converter", RuntimeWarning, stacklevel=3)
        return None


_MISSING: Final = object()

_YEARS: Final = {
    str(year).zfill(width): year
    for year in range(YEAR_MIN, YEAR_MAX + 1)
    for width in range(len(str(year)), len(str(YEAR_MAX)) + 1)
}
"""Every key of a year map the fast path takes, with its year: at most 4 ASCII digits (as
the converter's hook) for a year within YEAR_MIN … YEAR_MAX. One lookup tests a key."""

_CODE_CACHE_LIMIT: Final = 100_000
"""How many parsed codes the fast path keeps (codes repeat within and across plans)."""

_PLAIN: Final = (
    f"type({{v}}) is str and {{v}}.isascii() and {{v}}.isdigit() and len({{v}}) <= {PLAIN_DIGITS}"
    f" and ({{v}}[0] != '0' or len({{v}}) == 1)"
)
"""A plain decimal (see PLAIN_DIGITS), as the JSON text the fast path reads it from: without
a leading zero, which the converter refuses."""

_UNREGISTERED: Final[dict[Callable[[Any], object], Accepts]] = {_quantity: Accepts(Quantity)}
"""The common case of the model's checks that do not state it where they are defined
(``indicators._quantity`` tests that a value is a Quantity)."""


class _FastStructurer:
    """Generates, once per attrs class, a function from JSON data to an instance."""

    def __init__(self) -> None:
        self.names: dict[type, str] = {}
        self.codes: dict[str, Code] = {}
        self.counter = 0
        self.namespace: dict[str, Any] = {
            "DeclinedError": DeclinedError,
            "MISSING": _MISSING,
            "Decimal": Decimal,
            "NIL": NIL,
            "of_checked": YearMap._of_checked,
            "YEARS": _YEARS,
            "code": self.code,
            "date": structure_date,
        }

    def code(self, value: object) -> Code:
        """A code, parsed once per text."""
        found = self.codes.get(value) if type(value) is str else None
        if found is None:
            found = structure_code(value, Code)
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

    def inline(self, accepts: Accepts, v: str, built: bool) -> str:
        """*accepts*' test of *v*, with the names it uses bound in the generated code."""
        for name, value in accepts.namespace().items():
            if self.namespace.setdefault(name, value) is not value:
                raise TypeError(f"two values for {name!r} in the generated code")
        return accepts.inline(v, built=built)

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
            "        raise DeclinedError",
        ]
        made: list[_Made] = []
        for attribute in fields:
            if not attribute.init or attribute.kw_only or attribute.alias != attribute.name:
                raise TypeError(f"{cls.__name__}.{attribute.name} is not a plain field")
            tp = hints[attribute.name]
            # A flag, for the fields whose check every plain decimal passes: whether every
            # decimal of the value was plain (see _PLAIN).
            clean = self.fresh("clean") if _plain_passes(attribute.validator, tp) else None
            field = _Made(self.fresh("field"), _produced(tp), clean)
            made.append(field)
            value = self.fresh("value")
            default = attribute.default
            if default is None and type(None) in union_args(tp):
                # A missing key and null build the same value, None: one test for both.
                field.kinds.add(None)
                lines.append(f"    {value} = data.get({attribute.name!r})")
                if clean is not None:
                    lines.append(f"    {clean} = True")
                lines.extend(self.emit(tp, value, field.target, "    ", clean))
                continue
            lines.append(f"    {value} = data.get({attribute.name!r}, MISSING)")
            lines.append(f"    if {value} is MISSING:")
            if clean is not None and default is not attrs.NOTHING:
                lines.append(f"        {clean} = False")
            target = field.target
            if default is attrs.NOTHING:
                lines.append("        raise DeclinedError")
            elif isinstance(default, attrs.Factory):  # type: ignore[arg-type]
                if default.takes_self:
                    raise TypeError(f"{cls.__name__}.{attribute.name}: factory takes self")
                empty = default.factory()
                if type(empty) is YearMap:
                    # Immutable: one empty map serves every missing series.
                    lines.append(f"        {target} = {self.bind('empty', empty)}")
                else:
                    lines.append(f"        {target} = {self.bind('factory', default.factory)}()")
                field.defaults.append(empty)
            else:
                lines.append(f"        {target} = {self.bind('default', default)}")
                field.defaults.append(default)
            field.kinds.update(None if d is None else type(d) for d in field.defaults)
            lines.append("    else:")
            if clean is not None:
                lines.append(f"        {clean} = True")
            lines.extend(self.emit(tp, value, target, "        ", clean))
        construct = self.construction(cls, fields, hints, made)
        lines.extend(f"    {line}" for line in construct)
        source = "\n".join(lines) + "\n"
        code = compile(source, f"<renstra_model structure {cls.__qualname__}>", "exec")
        exec(code, self.namespace)
        return name

    def construction(
        self, cls: type, fields: Any, hints: dict[str, Any], made: list[_Made]
    ) -> list[str]:
        """Statements building the instance of *cls* from the structured fields *made*.

        Where the fast path knows every converter and validator of the class, it sets the
        fields itself and runs each validator except those its values pass by construction
        (the value of a ``Code`` field is a ``Code``: the fast path built it; the checks of
        money and numbers where every decimal was plain), then the class's
        ``__attrs_post_init__``. Otherwise it calls the class.
        """
        arguments = [field.target for field in made]
        build = [f"return {self.bind('cls', cls)}({', '.join(arguments)})"]
        if hasattr(cls, "__attrs_pre_init__") or not attrs.has(cls):
            return build
        instance = self.fresh("instance")
        lines = [f"{instance} = {self.bind('new', cls.__new__)}({self.bind('cls', cls)})"]
        checks: list[str] = []
        for attribute, field in zip(fields, made, strict=True):
            tp = hints[attribute.name]
            converter = attribute.converter
            if converter is not None and not (
                (converter is to_tuple and is_homogeneous_tuple(tp))
                or (converter is to_year_map and is_year_map(tp))
            ):
                return build  # a converter the fast path does not know
            slot = _slot(cls, attribute.name)
            if slot is None:
                return build  # not a slotted class: its __init__ knows how to set fields
            target = field.target
            # The slot's own setter: what the frozen class's __init__ does through
            # object.__setattr__, without looking the name up on each call.
            lines.append(f"{self.bind('set', slot.__set__)}({instance}, {target})")
            validator = attribute.validator
            if validator is None or _passes(TYPE_TESTS.get(validator), tp, field.kinds):
                continue
            pretest = self.pretest(validator, tp, field, self.fresh("item"))
            if pretest is True:
                continue  # every value the fast path builds passes the check
            call = (f"{self.bind('validator', validator)}({instance}, "
                    f"{self.bind('attribute', attribute)}, {target})")
            check = [call]
            if pretest is not None:
                # The check's common case, inline; the validator itself where that test
                # fails (it then passes the value, or raises).
                head, condition = pretest
                indent = "    " * len(head)
                check = [*head, f"{indent}if not ({condition}):", f"{indent}    {call}"]
                if head:
                    check.append(f"{indent}    break")
            if field.clean is not None:
                check = [f"if not {field.clean}:", *(f"    {line}" for line in check)]
            checks.extend(check)
        lines.extend(checks)
        if hasattr(cls, "__attrs_post_init__"):
            lines.append(f"{instance}.__attrs_post_init__()")
        lines.append(f"return {instance}")
        return lines

    def pretest(
        self, validator: Any, tp: Any, field: _Made, item: str
    ) -> tuple[list[str], str] | Literal[True] | None:
        """For a validator that runs a check of the model with a known common case: the
        statements and condition of that test, inline (true only for values the check
        accepts); True where every value the fast path builds for *field* passes. None for
        other validators."""
        found = _check_of(validator)
        if found is None:
            return None
        check, accepts = found
        kinds, values = field.kinds, field.defaults
        if check.each_year or check.items:
            container = YearMap if check.each_year else tuple
            args = typing.get_args(tp)
            if kinds != {container} or not args:
                return None
            kinds = _produced(args[0])
            values = [one for default in values for one in _items(default)]
        allowed = {accepts.kind, *((Nil,) if accepts.nil else ())}
        if check.optional:
            allowed.add(None)
            values = [one for one in values if one is not None]
        # Built: the fast path made the value from a plan file's text (or it is a default
        # that passes the whole test), so it is of the check's kind and meets its syntax.
        built = bool(kinds) and kinds <= allowed and all(map(accepts.test, values))
        if built and not accepts.condition:
            return True
        if check.each_year or check.items:
            loop = f"for {item} in {field.target}{'.values()' if check.each_year else ''}:"
            return [loop], self.inline(accepts, item, built)
        condition = self.inline(accepts, field.target, built)
        return [], f"{field.target} is None or {condition}" if check.optional else condition

    def emit(
        self, tp: Any, source: str, target: str, indent: str, clean: str | None = None
    ) -> list[str]:
        """Statements structuring the JSON value *source* of type *tp* into *target*; they
        set the flag *clean* (if any) to False where a decimal is not plain."""
        i = indent
        args = union_args(tp)
        if args:
            others = [a for a in args if a not in (Nil, type(None))]
            if len(others) != 1:
                raise TypeError(f"unsupported union {tp}")
            if Nil in args:  # as the converter's nil_union
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
            return [f"{i}if type({source}) is not {tp.__name__}:", f"{i}    raise DeclinedError",
                    f"{i}{target} = {source}"]
        if tp is Decimal:  # as scalars.structure_decimal
            text = self.bind("decimal_text", DECIMAL_TEXT.fullmatch)
            return [f"{i}if {_PLAIN.format(v=source)}:",
                    f"{i}    {target} = Decimal({source})",
                    f"{i}else:",
                    *([f"{i}    {clean} = False"] if clean is not None else []),
                    f"{i}    if type({source}) is not str or not {text}({source}):",
                    f"{i}        raise DeclinedError",
                    f"{i}    {target} = Decimal({source})"]
        if tp is Code:
            return [f"{i}{target} = code({source})"]
        if tp is dt.date:
            return [f"{i}if type({source}) is not str:", f"{i}    raise DeclinedError",
                    f"{i}{target} = date({source}, None)"]
        if is_enum(tp):
            members = self.bind("members", {member.value: member for member in tp})
            kinds = self.bind("kinds", frozenset(type(member.value) for member in tp))
            return [f"{i}{target} = {members}.get({source}) if type({source}) in {kinds} "
                    "else None",
                    f"{i}if {target} is None:", f"{i}    raise DeclinedError"]
        if isinstance(tp, type) and attrs.has(tp):
            return [f"{i}{target} = {self.class_function(tp)}({source})"]
        if is_homogeneous_tuple(tp):
            (item_type, _) = typing.get_args(tp)
            item, result, items = self.fresh("item"), self.fresh("result"), self.fresh("items")
            head = [f"{i}if type({source}) is not list:", f"{i}    raise DeclinedError"]
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
        if is_year_map(tp) and typing.get_args(tp):
            (item_type,) = typing.get_args(tp)
            key, item, result, years, year = (
                self.fresh("key"), self.fresh("item"), self.fresh("result"),
                self.fresh("years"), self.fresh("year"),
            )
            return [
                f"{i}if type({source}) is not dict:",
                f"{i}    raise DeclinedError",
                f"{i}{years} = {{}}",
                f"{i}for {key}, {item} in {source}.items():",
                f"{i}    {year} = YEARS.get({key})",
                f"{i}    if {year} is None:",
                f"{i}        raise DeclinedError",
                *self.emit(item_type, item, result, i + "    ", clean),
                f"{i}    {years}[{year}] = {result}",
                f"{i}{target} = of_checked({years})",
            ]
        if typing.get_origin(tp) is collections.abc.Mapping and typing.get_args(tp) == (str, str):
            key, item = self.fresh("key"), self.fresh("item")
            return [
                f"{i}if type({source}) is not dict:",
                f"{i}    raise DeclinedError",
                f"{i}for {key}, {item} in {source}.items():",
                f"{i}    if type({item}) is not str:",  # JSON keys are text
                f"{i}        raise DeclinedError",
                f"{i}{target} = {source}",
            ]
        raise TypeError(f"unsupported type {tp}")


@attrs.frozen
class _Made:
    """What the generated function makes of one field: the name it holds the value in, the
    types that value can have (None for ``None``; empty when unknown; completed as the
    function is written), the flag telling whether every decimal of the value was plain, and
    the defaults a missing key gives."""

    target: str
    kinds: set[Any]
    clean: str | None
    defaults: list[object] = attrs.Factory(list)


def _check_of(validator: Any) -> tuple[ValueCheck, Accepts] | None:
    """What *validator* runs, with the common case of that check; None if either is unknown."""
    check = VALUE_CHECKS.get(validator) if validator is not None else None
    if check is None:
        return None
    accepts = ACCEPTS.get(check.check) or _UNREGISTERED.get(check.check)
    return None if accepts is None else (check, accepts)


def _items(value: object) -> Iterable[object]:
    """The items of a default tuple or year map."""
    if isinstance(value, YearMap):
        return value.values()
    return value if isinstance(value, tuple) else (value,)


def _plain_passes(validator: Any, tp: Any) -> bool:
    """True when every value of type *tp* the fast path builds from plain decimals (and
    ``"-"`` or null, where *tp* has them) passes *validator*: then it need not run."""
    found = _check_of(validator)
    if found is None or not found[1].plain:
        return False
    check, accepts = found
    if check.items:
        return False
    allowed: set[Any] = {Decimal}
    if accepts.nil:
        allowed.add(Nil)
    if check.each_year:
        if not is_year_map(tp) or not typing.get_args(tp):
            return False
        (tp,) = typing.get_args(tp)
    elif check.optional:
        allowed.add(None)
    return _produced(tp) <= allowed


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
    args = union_args(tp)
    if args:
        return {kind for arg in args for kind in _produced(arg)}
    if tp is type(None):
        return {None}
    if is_homogeneous_tuple(tp):
        return {tuple}
    if is_year_map(tp):
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
        if not is_homogeneous_tuple(tp) or kinds != {tuple}:
            return False
        (item,) = typing.get_args(tp)[:1]
        return isinstance(item, type) and issubclass(item, test.kind)
    return all(
        test.optional if kind is None else isinstance(kind, type) and issubclass(kind, test.kind)
        for kind in kinds
    )


_lock = threading.Lock()
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

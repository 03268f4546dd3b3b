"""Field helpers shared by the model classes: validators that report paths, and converters."""

from __future__ import annotations

import weakref
from collections.abc import Callable, Iterable, Mapping
from typing import Any, Final, TypeVar

import attrs

from ..errors import InvalidPlanError, Problem, fail
from .codes import Code
from .series import YearMap
from .values import VALUE_CHECKS, Accepts, ValueCheck, check_text, is_text, to_money

T = TypeVar("T")
Check = Callable[[object], object]
Validator = Callable[[Any, "attrs.Attribute[Any]", Any], None]


@attrs.frozen
class TypeTest:
    """What a validator made by :func:`instances` or :func:`items_of` tests: that the value
    (each item, with *items*) is a *kind*, or None when *optional*. A loader that builds the
    value as a *kind* itself may skip the test."""

    kind: type
    optional: bool = False
    items: bool = False


TYPE_TESTS: weakref.WeakKeyDictionary[Callable[..., None], TypeTest] = (
    weakref.WeakKeyDictionary()
)
"""The validators that test types only, with what they test."""


def _under(name: str, exc: InvalidPlanError) -> InvalidPlanError:
    return exc.under(name)


def checked(check: Check, *, optional: bool = False) -> Validator:
    """An attrs validator running *check*, reporting problems under the field's name."""

    def validate(_: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
        if optional and value is None:
            return
        try:
            check(value)
        except InvalidPlanError as exc:
            raise _under(attribute.name, exc) from None

    VALUE_CHECKS[validate] = ValueCheck(check, optional=optional)
    return validate


def each_year(check: Check) -> Validator:
    """An attrs validator running *check* on every value of a :class:`YearMap`."""

    def validate(_: Any, attribute: attrs.Attribute[Any], value: YearMap[Any]) -> None:
        try:
            if type(value) is not YearMap:
                raise InvalidPlanError(())  # not the common case: the full test below
            for item in value.values():
                check(item)
        except InvalidPlanError:
            pass  # find every bad year, below
        else:
            return
        try:
            if not isinstance(value, Mapping):
                raise fail("structure.type", expected="a mapping of year to value",
                           type=type(value).__name__)
            series = value if isinstance(value, YearMap) else YearMap(value)
            series.validate(check)
        except InvalidPlanError as exc:
            raise _under(attribute.name, exc) from None

    VALUE_CHECKS[validate] = ValueCheck(check, each_year=True)
    return validate


def instances(kind: type, *, optional: bool = False) -> Validator:
    """An attrs validator: the value is a *kind* (or None when *optional*)."""

    def validate(_: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
        if optional and value is None:
            return
        if not isinstance(value, kind):
            raise fail(
                "structure.type", attribute.name, expected=kind.__name__, type=type(value).__name__
            )

    TYPE_TESTS[validate] = TypeTest(kind, optional=optional)
    return validate


def items_of(kind: type) -> Validator:
    """An attrs validator: the value is a tuple whose items are all *kind*."""

    def validate(_: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
        _sequence(attribute, value)
        for item in value:
            if not isinstance(item, kind):
                break
        else:
            return
        problems = [
            Problem(f"{attribute.name}[{i}]", "structure.type",
                    {"expected": kind.__name__, "type": type(item).__name__})
            for i, item in enumerate(value)
            if not isinstance(item, kind)
        ]
        if problems:
            raise InvalidPlanError(problems)

    TYPE_TESTS[validate] = TypeTest(kind, items=True)
    return validate


def texts(_: Any, attribute: attrs.Attribute[Any], value: tuple[Any, ...]) -> None:
    """An attrs validator: a tuple of non-empty strings."""
    _sequence(attribute, value)
    for item in value:
        if not is_text(item):
            break
    else:
        return
    problems: list[Problem] = []
    for i, item in enumerate(value):
        try:
            check_text(item)
        except InvalidPlanError as exc:
            problems.extend(p.under(f"{attribute.name}[{i}]") for p in exc.problems)
    if problems:
        raise InvalidPlanError(problems)


def text(_: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
    """An attrs validator: non-empty text."""
    if not is_text(value):
        _check_text(_, attribute, value)


def optional_text(_: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
    """An attrs validator: non-empty text or None."""
    if value is not None and not is_text(value):
        _check_text(_, attribute, value)


_check_text = checked(check_text)
VALUE_CHECKS[text] = ValueCheck(check_text)
VALUE_CHECKS[optional_text] = ValueCheck(check_text, optional=True)
VALUE_CHECKS[texts] = ValueCheck(check_text, items=True)

_POSITIVE: Final = Accepts(int, "{v} >= 1")
_is_positive: Final = _POSITIVE.test


@_POSITIVE.common_case_of
def check_positive(value: object) -> int:
    """Return *value* if it is a positive whole number (not a bool), else raise."""
    if _is_positive(value):
        return value  # type: ignore[return-value]
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise fail("structure.type", expected="a positive whole number", type=repr(value))
    return value


def to_tuple(value: Iterable[Any]) -> tuple[Any, ...]:
    """attrs converter: any iterable (a list from the caller) to a tuple.

    Anything else (text, a mapping, a number) passes through unchanged, for the field's
    validator to refuse with the field's name in the problem's path."""
    if isinstance(value, tuple):
        return value
    if isinstance(value, (str, bytes, Mapping)) or not isinstance(value, Iterable):
        return value  # type: ignore[return-value]
    return tuple(value)


def _sequence(attribute: attrs.Attribute[Any], value: Any) -> None:
    if not isinstance(value, tuple):
        raise fail(
            "structure.type", attribute.name, expected="a sequence", type=type(value).__name__
        )


def to_code(value: object) -> Any:
    """Converter of a code field: text read by :meth:`Code.parse` (a problem of the text names
    the field ``code``); anything else passes through, for the field's validator."""
    if isinstance(value, str):
        try:
            return Code.parse(value)
        except InvalidPlanError as exc:
            raise exc.under("code") from None
    return value


def to_money_map(value: object) -> Any:
    """Converter of a money series from a Python caller: each whole number of rupiah (an
    ``int``) as the exact Decimal (see :func:`~.values.to_money`); anything else as
    :func:`~.series.to_year_map` takes it."""
    if isinstance(value, Mapping) and not isinstance(value, YearMap) and any(
        type(item) is int for item in value.values()
    ):
        value = {year: to_money(item) for year, item in value.items()}
    return value

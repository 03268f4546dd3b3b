"""Per-year series: an immutable mapping from year (int) to a value, ordered by year."""

from __future__ import annotations

from collections.abc import (
    Callable,
    ItemsView,
    Iterable,
    Iterator,
    KeysView,
    Mapping,
    ValuesView,
)
from collections.abc import Set as AbstractSet
from typing import Any, Final, Generic, TypeVar, overload

from ..errors import InvalidPlanError, Problem, fail

V = TypeVar("V")
T = TypeVar("T")

YEAR_MIN: Final = 1945
YEAR_MAX: Final = 2200


def check_year(value: object) -> int:
    """Return *value* if it is a plausible year (an int, not a bool), else raise."""
    if isinstance(value, bool) or not isinstance(value, int):
        raise fail("year.type", type=type(value).__name__)
    if not YEAR_MIN <= value <= YEAR_MAX:
        raise fail("year.range", year=value, low=YEAR_MIN, high=YEAR_MAX)
    return value


class _DictMapping(Mapping[int, V]):
    """The Mapping methods the checks call in inner loops, answered by the dict that holds the
    values (Mapping's own versions go through ``__getitem__`` and a try/except each)."""

    __slots__ = ()
    _data: dict[int, V]

    def __contains__(self, year: object, /) -> bool:
        return year in self._data

    @overload
    def get(self, year: int, /) -> V | None: ...

    @overload
    def get(self, year: int, /, default: V | T) -> V | T: ...

    def get(self, year: int, /, default: object = None) -> object:
        return self._data.get(year, default)

    def keys(self) -> KeysView[int]:
        return self._data.keys()

    def values(self) -> ValuesView[V]:
        return self._data.values()

    def items(self) -> ItemsView[int, V]:
        return self._data.items()


class YearMap(_DictMapping[V], Generic[V]):
    """An immutable, hashable mapping from year to value, iterated in year order.

    A year missing from the map is a cell left empty in the document; a stated nil (``-``)
    is present with the value :data:`~renstra_model.model.values.NIL`.

    >>> from decimal import Decimal
    >>> pagu = YearMap({2023: Decimal("10"), 2022: Decimal("5")})
    >>> list(pagu)
    [2022, 2023]
    >>> pagu[2023]
    Decimal('10')
    """

    __slots__ = ("_data", "_hash")

    def __init__(self, data: Mapping[int, V] | None = None) -> None:
        items = dict(data or {})
        # The common case first: every key a plain int within range; otherwise report every
        # bad key with its path.
        for year in items:
            if type(year) is not int or not YEAR_MIN <= year <= YEAR_MAX:
                _check_years(items)
                break
        self._data: dict[int, V] = _in_year_order(items)
        self._hash: int | None = None

    @classmethod
    def _of_checked(cls, items: dict[int, V]) -> YearMap[V]:
        """A map of *items*, whose keys the caller has checked to be plain ints within
        :data:`YEAR_MIN` … :data:`YEAR_MAX` (the loader does, as it reads them). *items* is
        taken over, not copied."""
        self = cls.__new__(cls)
        self._data = _in_year_order(items)
        self._hash = None
        return self

    def __getitem__(self, year: int) -> V:
        return self._data[year]

    def __iter__(self) -> Iterator[int]:
        return iter(self._data)

    def __len__(self) -> int:
        return len(self._data)

    def __hash__(self) -> int:
        if self._hash is None:
            self._hash = hash(tuple(self._data.items()))
        return self._hash

    def __eq__(self, other: object) -> bool:
        if isinstance(other, YearMap):
            return self._data == other._data
        if isinstance(other, Mapping):
            return self._data == dict(other)
        return NotImplemented

    def __repr__(self) -> str:
        return f"YearMap({self._data!r})"

    def validate(self, check: Callable[[object], object]) -> None:
        """Run *check* on every value; raise one error naming every bad year."""
        problems: list[Problem] = []
        for year, value in self._data.items():
            try:
                check(value)
            except InvalidPlanError as exc:
                problems.extend(p.under(f"[{year}]") for p in exc.problems)
        if problems:
            raise InvalidPlanError(problems)

    def first_year(self) -> int | None:
        """The earliest year present, or None when empty."""
        return next(iter(self._data), None)

    def last_year(self) -> int | None:
        """The latest year present, or None when empty."""
        return next(reversed(self._data), None) if self._data else None


def all_within(series: Iterable[object], years: AbstractSet[int]) -> bool:
    """True when each of *series* is a :class:`YearMap` whose years all are in *years*."""
    found: set[int] = set()
    add = found.update
    for one in series:
        if type(one) is not YearMap:
            return False
        add(one._data)  # the years of every series at once: one test below, not one a series
    return found <= years


def _check_years(items: Mapping[Any, object]) -> None:
    """Raise one error naming every key of *items* that is not a plausible year."""
    problems: list[Problem] = []
    for year in items:
        try:
            check_year(year)
        except InvalidPlanError as exc:
            problems.extend(p.under(f"[{year!r}]") for p in exc.problems)
    if problems:
        raise InvalidPlanError(problems)


def _in_year_order(items: dict[int, V]) -> dict[int, V]:
    """*items* itself when its keys ascend already (plan files write years in order), else a
    sorted copy."""
    previous = -1
    for year in items:
        if year <= previous:
            return dict(sorted(items.items()))
        previous = year
    return items


def to_year_map(value: Mapping[int, Any] | None) -> YearMap[Any]:
    """attrs converter: any mapping (or None) to a :class:`YearMap`.

    A value that is not a mapping, or whose keys are not plausible years, passes through
    unchanged, for the field's validator to refuse with the field's name in the path."""
    if isinstance(value, YearMap):
        return value
    if value is None:
        return YearMap()
    if not isinstance(value, Mapping):
        return value
    try:
        return YearMap(value)
    except InvalidPlanError:
        return value  # type: ignore[return-value]

"""Per-year series: an immutable mapping from year (int) to a value, ordered by year."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from typing import Any, Final, Generic, TypeVar

from .errors import InvalidPlanError, Problem, fail

V = TypeVar("V")

YEAR_MIN: Final = 1945
YEAR_MAX: Final = 2200


def check_year(value: object) -> int:
    """Return *value* if it is a plausible year (an int, not a bool), else raise."""
    if isinstance(value, bool) or not isinstance(value, int):
        raise fail("year.type", type=type(value).__name__)
    if not YEAR_MIN <= value <= YEAR_MAX:
        raise fail("year.range", year=value, low=YEAR_MIN, high=YEAR_MAX)
    return value


class YearMap(Mapping[int, V], Generic[V]):
    """An immutable, hashable mapping from year to value, iterated in year order.

    A year missing from the map is a cell left empty in the document; a stated nil (``-``)
    is present with the value :data:`~renstra_model.values.NIL`.

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
        problems: list[Problem] = []
        for year in items:
            try:
                check_year(year)
            except InvalidPlanError as exc:
                problems.extend(p.under(f"[{year!r}]") for p in exc.problems)
        if problems:
            raise InvalidPlanError(problems)
        self._data: dict[int, V] = dict(sorted(items.items()))
        self._hash: int | None = None

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


def to_year_map(value: Mapping[int, Any] | None) -> YearMap[Any]:
    """attrs converter: any mapping (or None) to a :class:`YearMap`."""
    if isinstance(value, YearMap):
        return value
    return YearMap(value)

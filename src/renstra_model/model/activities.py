"""The activity tree: program → kegiatan → sub kegiatan (T-C.27)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any, Final

from attrs import field, frozen

from ..errors import InvalidPlanError, Problem
from ._fields import instances, items_of, optional_text, to_code, to_tuple
from .budget import BudgetLine
from .codes import _LEVEL_BY_SEGMENTS, Code, Level
from .indicators import Indicator
from .provenance import Source

CHILD_LEVEL: Final = {
    Level.PROGRAM: Level.KEGIATAN,
    Level.KEGIATAN: Level.SUB_KEGIATAN,
}
"""The level of the children of each level that may have children."""

_UNNAMED: Final = Problem("", "structure.invalid")
"""What the soundness test of a construction is told of a problem: that there is one."""


@frozen(init=False)
class Activity:
    """A program, kegiatan or sub kegiatan, with its code, indicators, budget and children.

    Construction enforces the hierarchy: the level matches the code, each child is one level
    down and its code extends this code, and no two children share a code. The code may be
    given as text (read by :meth:`~renstra_model.Code.parse`); the level, where
    not given, is the code's.

    >>> Activity(code="1.06.02", name="PROGRAM PEMBERDAYAAN SOSIAL").level
    <Level.PROGRAM: 'program'>
    """

    code: Code = field(validator=instances(Code))
    level: Level = field(validator=instances(Level))
    name: str | None = field(validator=optional_text)
    """The name as the source states it; None where the source names no such activity (a
    parent derived from its children's codes, a row without a name)."""
    indicators: tuple[Indicator, ...] = field(
        default=(), converter=to_tuple, validator=items_of(Indicator)
    )
    budget: BudgetLine | None = field(default=None, validator=instances(BudgetLine, optional=True))
    budget_parts: tuple[BudgetLine, ...] = field(
        default=(), converter=to_tuple, validator=items_of(BudgetLine)
    )
    """The pagu as the source states it in several rows of this activity (an export of one row
    per indicator or sub unit), each with its source row; :attr:`budget` is then their sum.
    Empty where the source states one line."""
    unit: str | None = field(default=None, validator=optional_text)
    """Unit kerja perangkat daerah penanggung jawab."""
    location: str | None = field(default=None, validator=optional_text)
    goal: str | None = field(default=None, validator=optional_text)
    """The TUJUAN cell of this row, as printed."""
    target: str | None = field(default=None, validator=optional_text)
    """The SASARAN cell of this row, as printed."""
    children: tuple[Activity, ...] = field(
        default=(), converter=to_tuple, validator=items_of(object)
    )
    source: Source | None = field(default=None, validator=instances(Source, optional=True))
    derived: bool = field(default=False, validator=instances(bool))
    """The source states no row of this activity: it stands for the parent that its children's
    codes imply (a sheet of sub kegiatan rows only, an export of one row per sub kegiatan). It
    states no figures of its own: its pagu is its children's sum
    (:mod:`~renstra_model.calculators.rollups`)."""

    def __init__(
        self,
        code: Code | str,
        level: Level | None = None,
        name: str | None = None,
        indicators: Iterable[Indicator] = (),
        budget: BudgetLine | None = None,
        budget_parts: Iterable[BudgetLine] = (),
        unit: str | None = None,
        location: str | None = None,
        goal: str | None = None,
        target: str | None = None,
        children: Iterable[Activity] = (),
        source: Source | None = None,
        derived: bool = False,
    ) -> None:
        made = to_code(code)  # a Code, or what the validator of code refuses
        # Without a code, no level: the validator of code reports the problem.
        stated: Any = made.level if level is None and isinstance(made, Code) else level
        self.__attrs_init__(
            made, stated, name, indicators, budget, budget_parts, unit, location, goal, target,
            children, source, derived,
        )

    def __attrs_post_init__(self) -> None:
        if next(self._hierarchy_problems(named=False), None) is None:
            return
        raise InvalidPlanError(list(self._hierarchy_problems()))

    def _hierarchy_problems(self, named: bool = True) -> Iterator[Problem]:
        """Every problem of this activity's place in the tree: its level against its code, each
        child's level, code and uniqueness. Unless *named*, the problems come without paths and
        values (for the soundness test of every construction, which stops at the first)."""
        code, level = self.code, self.level
        own = code.segments
        if _LEVEL_BY_SEGMENTS.get(len(own)) is not level:  # code.level, without a call
            yield (
                Problem("level", "code.level", {"code": str(code), "actual": code.level.value,
                                                "expected": level.value})
                if named else _UNNAMED
            )
        children = self.children
        if not children:
            return  # most activities: the sub kegiatan
        expected = CHILD_LEVEL.get(level)
        # A child's code extends this one by one segment, or by two from a program (3
        # segments) to a kegiatan (5): see Code.parent.
        size = len(own)
        length = size + (2 if size == 3 else 1)
        seen: set[Code] = set()
        for i, child in enumerate(children):
            path = f"children[{i}]" if named else ""
            if not isinstance(child, Activity):
                yield (
                    Problem(path, "structure.type",
                            {"expected": "Activity", "type": type(child).__name__})
                    if named else _UNNAMED
                )
                continue
            child_code = child.code
            if child.level is not expected:
                yield (
                    Problem(path + ".level", "level.children",
                            {"level": level.value, "child": child.level.value})
                    if named else _UNNAMED
                )
            elif len(child_code.segments) != length or child_code.segments[:size] != own:
                yield (
                    Problem(path + ".code", "code.not_child",
                            {"code": str(child_code), "parent": str(code)})
                    if named else _UNNAMED
                )
            if child_code in seen:
                yield (
                    Problem(path + ".code", "code.duplicate", {"code": str(child_code)})
                    if named else _UNNAMED
                )
            seen.add(child_code)

    def walk(self, path: str = "") -> Iterator[tuple[str, Activity]]:
        """This activity and every descendant, depth first, each with its path."""
        stack: list[tuple[str, Activity]] = [(path, self)]
        pop, push = stack.pop, stack.extend
        while stack:
            here, activity = pop()
            yield here, activity
            children = activity.children
            if children:
                prefix = f"{here}.children[" if here else "children["
                push((f"{prefix}{i}]", children[i]) for i in range(len(children) - 1, -1, -1))

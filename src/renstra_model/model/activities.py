"""The activity tree: program → kegiatan → sub kegiatan (T-C.27)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Final

from attrs import field, frozen

from ..errors import InvalidPlanError, Problem
from ._fields import instances, items_of, optional_text, text, to_tuple
from .budget import BudgetLine
from .codes import _LEVEL_BY_SEGMENTS, Code, Level
from .indicators import Indicator
from .provenance import Source

CHILD_LEVEL: Final = {
    Level.PROGRAM: Level.KEGIATAN,
    Level.KEGIATAN: Level.SUB_KEGIATAN,
}
"""The level of the children of each level that may have children."""


@frozen
class Activity:
    """A program, kegiatan or sub kegiatan, with its code, indicators, budget and children.

    Construction enforces the hierarchy: the level matches the code, each child is one level
    down and its code extends this code, and no two children share a code.
    """

    code: Code = field(validator=instances(Code))
    level: Level = field(validator=instances(Level))
    name: str = field(validator=text)
    indicators: tuple[Indicator, ...] = field(
        default=(), converter=to_tuple, validator=items_of(Indicator)
    )
    budget: BudgetLine | None = field(default=None, validator=instances(BudgetLine, optional=True))
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

    def __attrs_post_init__(self) -> None:
        if self._is_sound():
            return
        problems = list(self._hierarchy_problems())
        if problems:
            raise InvalidPlanError(problems)

    def _is_sound(self) -> bool:
        """True when :meth:`_hierarchy_problems` has nothing to report; tested on the codes'
        segments, without building the paths of the problems (False when unsure)."""
        code = self.code
        if type(code) is not Code:
            return False
        own = code.segments
        if _LEVEL_BY_SEGMENTS.get(len(own)) is not self.level:  # code.level, without a call
            return False
        children = self.children
        if not children:
            return True  # most activities: the sub kegiatan
        expected = CHILD_LEVEL.get(self.level)
        # A child's code extends this one by one segment, or by two from a program (3
        # segments) to a kegiatan (5): see Code.parent.
        size = len(own)
        length = size + (2 if size == 3 else 1)
        for child in children:
            if type(child) is not Activity or child.level is not expected:
                return False
            child_code = child.code
            if type(child_code) is not Code:
                return False
            segments = child_code.segments
            if len(segments) != length or segments[:size] != own:
                return False
        return len({child.code.segments for child in children}) == len(children)

    def _hierarchy_problems(self) -> Iterator[Problem]:
        if self.code.level is not self.level:
            yield Problem(
                "level",
                "code.level",
                {"code": str(self.code), "actual": self.code.level.value,
                 "expected": self.level.value},
            )
        expected = CHILD_LEVEL.get(self.level)
        seen: set[Code] = set()
        for i, child in enumerate(self.children):
            path = f"children[{i}]"
            if not isinstance(child, Activity):
                yield Problem(path, "structure.type",
                              {"expected": "Activity", "type": type(child).__name__})
                continue
            if child.level is not expected:
                yield Problem(path + ".level", "level.children",
                              {"level": self.level.value, "child": child.level.value})
            elif not child.code.is_child_of(self.code):
                yield Problem(path + ".code", "code.not_child",
                              {"code": str(child.code), "parent": str(self.code)})
            if child.code in seen:
                yield Problem(path + ".code", "code.duplicate", {"code": str(child.code)})
            seen.add(child.code)

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

"""The Renstra Perangkat Daerah as a whole: :class:`Plan` and its header types."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from operator import itemgetter
from typing import Any, Final

from attrs import field, frozen

from ..errors import InvalidPlanError, Problem, fail
from ._fields import instances, items_of, optional_text, text, texts, to_tuple
from .activities import Activity
from .budget import BudgetLine, BudgetRow
from .codes import Code, Level
from .goals import Goal, Mission
from .indicators import Indicator
from .performance import KeyIndicator, PerformanceRow
from .problem_tables import ProblemTable
from .provenance import ReadingNote
from .resources import Resources
from .series import YearMap, all_within, check_year

MAX_PERIOD_YEARS: Final = 10


@frozen
class Period:
    """The plan period: the baseline year and the first and last years of the plan.

    The TTU Renstra "2021–2026" has baseline 2021 and plan years 2022–2026.

    >>> Period(2021, 2022, 2026).years
    (2022, 2023, 2024, 2025, 2026)
    """

    baseline_year: int
    first_year: int
    last_year: int

    def __attrs_post_init__(self) -> None:
        problems: list[Problem] = []
        for name in ("baseline_year", "first_year", "last_year"):
            try:
                check_year(getattr(self, name))
            except InvalidPlanError as exc:
                problems.extend(p.under(name) for p in exc.problems)
        if problems:
            raise InvalidPlanError(problems)
        if not self.baseline_year < self.first_year <= self.last_year:
            raise fail(
                "period.order",
                baseline=self.baseline_year,
                first=self.first_year,
                last=self.last_year,
            )
        length = self.last_year - self.first_year + 1
        if length > MAX_PERIOD_YEARS:
            raise fail("period.length", length=length, limit=MAX_PERIOD_YEARS)

    @property
    def years(self) -> tuple[int, ...]:
        """The plan years, first to last."""
        return tuple(range(self.first_year, self.last_year + 1))

    def __contains__(self, year: object) -> bool:
        return isinstance(year, int) and self.baseline_year <= year <= self.last_year


@frozen
class Official:
    """A named office holder as the document prints them."""

    name: str = field(validator=text)
    title: str | None = field(default=None, validator=optional_text)
    """Jabatan: Kepala Dinas, Bupati…"""
    rank: str | None = field(default=None, validator=optional_text)
    """Pangkat: Pembina Utama Muda…"""
    nip: str | None = field(default=None, validator=optional_text)


def _date(_: Any, __: Any, value: Any) -> None:
    if value is not None and (
        not isinstance(value, dt.date) or isinstance(value, dt.datetime)
    ):
        raise fail("date.type", "date", type=type(value).__name__)


@frozen
class Adoption:
    """Where and when the plan was signed, and by whom (as printed at the signature)."""

    date: dt.date | None = field(default=None, validator=_date)
    place: str | None = field(default=None, validator=optional_text)
    signatory: Official | None = field(default=None, validator=instances(Official, optional=True))


@frozen
class Organisation:
    """The Perangkat Daerah: its name, region and the bidang urusan it serves. The name and the
    region are None where the source does not state them (a workbook without a title line); a
    check reports that."""

    name: str | None = field(validator=optional_text)
    region: str | None = field(validator=optional_text)
    """The Kabupaten or Kota (or the province, for a provincial agency)."""
    province: str | None = field(default=None, validator=optional_text)
    bidang_urusan: tuple[Code, ...] = field(
        default=(), converter=to_tuple, validator=items_of(Code)
    )
    address: str | None = field(default=None, validator=optional_text)
    phone: str | None = field(default=None, validator=optional_text)
    email: str | None = field(default=None, validator=optional_text)


@frozen
class Plan:
    """A Renstra Perangkat Daerah: one agency, one period, everything the document states.

    Construction checks what concerns the whole plan: every year of every series lies within
    the period, indicator ids are unique and links resolve, goals name stated missions, and
    the activity tree starts with programs. Every problem is reported, each with its path.
    """

    title: str | None = field(validator=optional_text)
    """The title as the source states it; None where it states none."""
    organisation: Organisation = field(validator=instances(Organisation))
    period: Period = field(validator=instances(Period))
    adoption: Adoption | None = field(default=None, validator=instances(Adoption, optional=True))
    head: Official | None = field(default=None, validator=instances(Official, optional=True))
    """The head of the agency (kepala), as the foreword prints them."""
    regional_heads: tuple[Official, ...] = field(
        default=(), converter=to_tuple, validator=items_of(Official)
    )
    """The head of region and deputy whose RPJMD the plan serves."""
    vision: str | None = field(default=None, validator=optional_text)
    missions: tuple[Mission, ...] = field(
        default=(), converter=to_tuple, validator=items_of(Mission)
    )
    legal_basis: tuple[str, ...] = field(default=(), converter=to_tuple, validator=texts)
    strategic_issues: tuple[str, ...] = field(default=(), converter=to_tuple, validator=texts)
    """Isu strategis, in the printed order."""
    emerging_issues: tuple[str, ...] = field(default=(), converter=to_tuple, validator=texts)
    """Issues the document lists as arising from past development (section 3.5, a–h)."""
    resources: Resources = field(factory=Resources, validator=instances(Resources))
    problem_tables: tuple[ProblemTable, ...] = field(
        default=(), converter=to_tuple, validator=items_of(ProblemTable)
    )
    goals: tuple[Goal, ...] = field(default=(), converter=to_tuple, validator=items_of(Goal))
    key_indicators: tuple[KeyIndicator, ...] = field(
        default=(), converter=to_tuple, validator=items_of(KeyIndicator)
    )
    """Table 7.1."""
    service_performance: tuple[PerformanceRow, ...] = field(
        default=(), converter=to_tuple, validator=items_of(PerformanceRow)
    )
    """Table T-C.23."""
    programs: tuple[Activity, ...] = field(
        default=(), converter=to_tuple, validator=items_of(Activity)
    )
    """The activity tree of T-C.27, programs at the top."""
    total_budget: BudgetLine | None = field(
        default=None, validator=instances(BudgetLine, optional=True)
    )
    """The stated total of the activity tree's money (T-C.27's TOTAL ANGGARAN row)."""
    budget_table: tuple[BudgetRow, ...] = field(
        default=(), converter=to_tuple, validator=items_of(BudgetRow)
    )
    """The rows of T-C.24 in the printed order."""
    reading: tuple[ReadingNote, ...] = field(
        default=(), converter=to_tuple, validator=items_of(ReadingNote)
    )
    """What the reading of the source file noted: the cells it left unread (with their content
    and why) and the values it read with a remark. Empty for a plan made in Python or read
    whole."""

    def __attrs_post_init__(self) -> None:
        if not _plan_is_sound(self):
            raise InvalidPlanError(list(_plan_problems(self)))

    @property
    def label(self) -> str:
        """A short name of the plan: its title; where it states none, its Perangkat Daerah and
        region as stated (``Dinas Kesehatan, Kabupaten Nusa Indah``); else its period
        (``Renstra 2025-2029``)."""
        if self.title is not None:
            return self.title
        org = self.organisation
        stated = [part for part in (org.name, org.region) if part]
        if stated:
            return ", ".join(stated)
        return f"Renstra {self.period.first_year}-{self.period.last_year}"

    # -- navigation ---------------------------------------------------------------------

    def activities(self) -> Iterator[tuple[str, Activity]]:
        """Every activity of the tree, depth first, with its path from the plan."""
        return _activities(self)

    def activities_at(self, level: Level) -> tuple[Activity, ...]:
        """Every activity of *level*, in tree order."""
        return tuple(a for _, a in self.activities() if a.level is level)

    def indicators(self) -> Iterator[tuple[str, Indicator]]:
        """Every indicator of the plan with its path: goals, 7.1, T-C.23 and activities."""
        return _indicators(self, _activities(self))

    def indicator(self, id: str) -> Indicator:
        """The indicator with *id*; KeyError if none has it."""
        for _, ind in self.indicators():
            if ind.id == id:
                return ind
        raise KeyError(id)

    def find(self, code: Code | str) -> Activity:
        """The activity with *code* (a :class:`Code` or any form it parses); KeyError if none."""
        wanted = code if isinstance(code, Code) else Code.parse(code)
        for _, activity in self.activities():
            if activity.code == wanted:
                return activity
        raise KeyError(str(wanted))


# -- the checks of the plan as a whole ---------------------------------------------------------
#
# One walk and one list of conditions, in _plan_problems. Unless *named*, the walk builds no
# paths: the problems it yields have none, for a test of whether there is one at all.


def _activities(plan: Plan, named: bool = True) -> Iterator[tuple[str, Activity]]:
    """Every activity of *plan*'s tree, depth first, each with its path ("" unless *named*)."""
    stack = [(f"programs[{i}]" if named else "", program)
             for i, program in enumerate(plan.programs)]
    stack.reverse()
    pop, push = stack.pop, stack.extend
    while stack:
        here, activity = pop()
        yield here, activity
        children = activity.children
        if children:
            if named:
                push((f"{here}.children[{i}]", children[i])
                     for i in range(len(children) - 1, -1, -1))
            else:
                push(("", child) for child in reversed(children))


def _indicators(
    plan: Plan, activities: Iterable[tuple[str, Activity]], named: bool = True
) -> Iterator[tuple[str, Indicator]]:
    """Every indicator of *plan* with its path ("" unless *named*): goals, 7.1, T-C.23, then
    those of *activities* (the plan's, with their paths)."""
    for g, goal in enumerate(plan.goals):
        for t, target in enumerate(goal.targets):
            for k, ind in enumerate(target.indicators):
                yield f"goals[{g}].targets[{t}].indicators[{k}]" if named else "", ind
    for k, key in enumerate(plan.key_indicators):
        yield f"key_indicators[{k}].indicator" if named else "", key.indicator
    for k, row in enumerate(plan.service_performance):
        yield f"service_performance[{k}].indicator" if named else "", row.indicator
    for path, activity in activities:
        if activity.indicators:
            for k, ind in enumerate(activity.indicators):
                yield f"{path}.indicators[{k}]" if named else "", ind


def _plan_series(
    plan: Plan, indicators: Iterable[tuple[str, Indicator]],
    activities: Iterable[tuple[str, Activity]], named: bool = True,
) -> Iterator[tuple[str, YearMap[object]]]:
    """Every year series of *plan* with its path ("" unless *named*)."""
    for path, ind in indicators:
        yield f"{path}.planned" if named else "", ind.planned  # type: ignore[misc]
        yield f"{path}.realised" if named else "", ind.realised  # type: ignore[misc]
    for k, row in enumerate(plan.service_performance):
        yield (f"service_performance[{k}].stated_ratio" if named else "",
               row.stated_ratio)  # type: ignore[misc]
    for path, activity in activities:
        budget = activity.budget
        if budget is not None:
            yield f"{path}.budget.planned" if named else "", budget.planned  # type: ignore[misc]
            yield f"{path}.budget.realised" if named else "", budget.realised  # type: ignore[misc]
        for k, part in enumerate(activity.budget_parts):
            base = f"{path}.budget_parts[{k}]" if named else ""
            yield f"{base}.planned" if named else "", part.planned  # type: ignore[misc]
            yield f"{base}.realised" if named else "", part.realised  # type: ignore[misc]
    if plan.total_budget is not None:
        yield "total_budget.planned", plan.total_budget.planned  # type: ignore[misc]
        yield "total_budget.realised", plan.total_budget.realised  # type: ignore[misc]
    for k, budget_row in enumerate(plan.budget_table):
        base = f"budget_table[{k}]" if named else ""
        yield f"{base}.budget.planned", budget_row.budget.planned  # type: ignore[misc]
        yield f"{base}.budget.realised", budget_row.budget.realised  # type: ignore[misc]
        yield f"{base}.stated_ratio", budget_row.stated_ratio  # type: ignore[misc]


def _plan_problems(plan: Plan, named: bool = True) -> Iterator[Problem]:
    """Every problem of *plan* as a whole, in order; unless *named*, without their paths."""
    period = plan.period
    low, high = period.baseline_year, period.last_year
    years = frozenset(range(low, high + 1))
    activities = list(_activities(plan, named))
    indicators = list(_indicators(plan, activities, named))
    series = list(_plan_series(plan, indicators, activities, named))
    if not all_within(map(itemgetter(1), series), years):
        for path, one in series:
            for year in one:
                if year not in years:
                    yield Problem(f"{path}[{year}]", "year.outside_period",
                                  {"year": year, "low": low, "high": high})
    programs = plan.programs
    for i, program in enumerate(programs):
        if program.level is not Level.PROGRAM:
            yield Problem(f"programs[{i}].level", "level.top", {"level": program.level.value})
    codes: set[Code] = set()
    for i, program in enumerate(programs):
        if program.code in codes:
            yield Problem(f"programs[{i}].code", "code.duplicate", {"code": str(program.code)})
        codes.add(program.code)
    first_path: dict[str, str] = {}
    for path, ind in indicators:
        if ind.id is None:
            continue
        if ind.id in first_path:
            yield Problem(f"{path}.id", "id.duplicate", {"id": ind.id, "first": first_path[ind.id]})
        else:
            first_path[ind.id] = path
    for path, ind in indicators:
        if ind.links:
            for k, link in enumerate(ind.links):
                if link not in first_path:
                    yield Problem(f"{path}.links[{k}]", "id.unknown_link", {"id": link})
    numbers = [m.number for m in plan.missions]
    for i, mission in enumerate(plan.missions):
        if numbers.index(mission.number) != i:
            yield Problem(f"missions[{i}].number", "mission.duplicate", {"number": mission.number})
    if plan.missions:
        for g, goal in enumerate(plan.goals):
            if goal.mission is not None and goal.mission not in numbers:
                yield Problem(f"goals[{g}].mission", "mission.unknown", {"number": goal.mission})


def _plan_is_sound(plan: Plan) -> bool:
    """True when :func:`_plan_problems` has nothing to report (found without naming paths)."""
    return next(_plan_problems(plan, named=False), None) is None

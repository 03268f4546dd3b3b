"""The plan as a pydantic v2 model: what a user would otherwise write, for the benchmark.

It holds the same data as :class:`renstra_model.Plan` and validates what a careful pydantic
user would: exact field types (``extra="forbid"``, frozen), non-blank text of bounded length,
money as non-negative Decimal of at most two places or ``"-"``, years as keys within bounds,
code syntax by pattern, and, in ``model_validator`` functions, the same invariants the
library checks on construction: an activity's level matches its code and its children's codes
extend it; every year of every series lies within the period; indicator ids are unique and
links resolve; goals name stated missions. It does not parse codes into a type of their own,
nor keep the difference between the library's error paths — it is the comparison, not a
second implementation.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from decimal import Decimal
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, model_validator

Text = Annotated[str, StringConstraints(min_length=1, max_length=20_000, pattern=r"\S")]
Year = Annotated[int, Field(ge=1945, le=2200)]
Nil = Literal["-"]
Money = Annotated[Decimal, Field(ge=0, le=10**15, decimal_places=2, allow_inf_nan=False)]
Number = Annotated[Decimal, Field(ge=-(10**15), le=10**15, allow_inf_nan=False)]
_CODE = r"^(?:[1-9X](?:\.(?:\d\d|XX)(?:\.\d\d(?:\.\d\.\d\d(?:\.\d{4})?)?)?)?)$"
CodeText = Annotated[str, StringConstraints(pattern=_CODE)]
Count = Annotated[int, Field(ge=0)] | Nil
MoneyCell = Nil | Money
NumberCell = Nil | Number
Level = Literal["urusan", "bidang_urusan", "program", "kegiatan", "sub_kegiatan"]

_SEGMENTS = {"urusan": 1, "bidang_urusan": 2, "program": 3, "kegiatan": 5, "sub_kegiatan": 6}
_CHILD = {"program": "kegiatan", "kegiatan": "sub_kegiatan"}


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Source(_Model):
    table: Text
    row: Text
    note: Text | None = None


class Quantity(_Model):
    amount: NumberCell
    unit: Text | None = None
    percent: Number | None = None
    also: tuple[Quantity, ...] = ()


class Indicator(_Model):
    name: Text | None = None
    id: Text | None = None
    unit: Text | None = None
    polarity: Literal["higher_is_better", "lower_is_better"] = "higher_is_better"
    aggregation: Literal["sum", "last", "max", "mean", "stated"] | None = None
    baseline: Quantity | None = None
    planned: dict[Year, Quantity] = {}
    realised: dict[Year, Quantity] = {}
    end_of_period: Quantity | None = None
    links: tuple[Text, ...] = ()
    source: Source | None = None


class BudgetLine(_Model):
    planned: dict[Year, MoneyCell] = {}
    realised: dict[Year, MoneyCell] = {}
    planned_total: MoneyCell | None = None
    source: Source | None = None


class BudgetRow(_Model):
    label: Text
    level: Level
    budget: BudgetLine
    code: CodeText | None = None
    stated_ratio: dict[Year, NumberCell] = {}
    stated_growth_planned: NumberCell | None = None
    stated_growth_realised: NumberCell | None = None
    source: Source | None = None


class Activity(_Model):
    code: CodeText
    level: Level
    name: Text | None = None
    indicators: tuple[Indicator, ...] = ()
    budget: BudgetLine | None = None
    budget_parts: tuple[BudgetLine, ...] = ()
    unit: Text | None = None
    location: Text | None = None
    goal: Text | None = None
    target: Text | None = None
    children: tuple[Activity, ...] = ()
    source: Source | None = None
    derived: bool = False

    @model_validator(mode="after")
    def _hierarchy(self) -> Activity:
        own = self.code.split(".")
        if len(own) != _SEGMENTS[self.level]:
            raise ValueError(f"code {self.code} is not of level {self.level}")
        seen: set[str] = set()
        for child in self.children:
            if child.level != _CHILD.get(self.level):
                raise ValueError(f"a {self.level} cannot have a {child.level} child")
            if child.code.split(".")[: len(own)] != own:
                raise ValueError(f"{child.code} does not extend {self.code}")
            if child.code in seen:
                raise ValueError(f"{child.code} appears twice")
            seen.add(child.code)
        return self

    def walk(self) -> Iterator[Activity]:
        yield self
        for child in self.children:
            yield from child.walk()


class Official(_Model):
    name: Text
    title: Text | None = None
    rank: Text | None = None
    nip: Text | None = None


class Adoption(_Model):
    date: dt.date | None = None
    place: Text | None = None
    signatory: Official | None = None


class Organisation(_Model):
    name: Text | None = None
    region: Text | None = None
    province: Text | None = None
    bidang_urusan: tuple[CodeText, ...] = ()
    address: Text | None = None
    phone: Text | None = None
    email: Text | None = None


class Period(_Model):
    baseline_year: Year
    first_year: Year
    last_year: Year

    @model_validator(mode="after")
    def _order(self) -> Period:
        if not self.baseline_year < self.first_year <= self.last_year:
            raise ValueError("baseline < first <= last")
        if self.last_year - self.first_year + 1 > 10:
            raise ValueError("at most ten years")
        return self


class Mission(_Model):
    number: Annotated[int, Field(ge=1)]
    text: Text
    source: Source | None = None


class Target(_Model):
    text: Text
    indicators: tuple[Indicator, ...] = ()
    source: Source | None = None


class Goal(_Model):
    text: Text
    mission: Annotated[int, Field(ge=1)] | None = None
    targets: tuple[Target, ...] = ()
    strategies: tuple[Text, ...] = ()
    policies: tuple[Text, ...] = ()
    number: Text | None = None
    source: Source | None = None


class KeyIndicator(_Model):
    number: Annotated[int, Field(ge=1)]
    indicator: Indicator
    program: Text | None = None
    source: Source | None = None


class PerformanceRow(_Model):
    number: Annotated[int, Field(ge=1)]
    indicator: Indicator
    nspk_target: Quantity | None = None
    ikk_target: Quantity | None = None
    other_target: Quantity | None = None
    stated_ratio: dict[Year, NumberCell] = {}
    source: Source | None = None


class StaffByGender(_Model):
    number: Annotated[int, Field(ge=1)] | None = None
    unit: Text | None = None
    position: Text | None = None
    male: Count | None = None
    female: Count | None = None
    total: Count | None = None
    is_total: bool = False
    source: Source | None = None


class StaffByGrade(_Model):
    number: Annotated[int, Field(ge=1)] | None = None
    unit: Text | None = None
    grade: Text | None = None
    grade_count: Count | None = None
    education: Text | None = None
    education_count: Count | None = None
    total: Count | None = None
    is_total: bool = False
    source: Source | None = None


class SocialWorkers(_Model):
    number: Annotated[int, Field(ge=1)] | None = None
    name: Text | None = None
    count: Count | None = None
    is_total: bool = False
    source: Source | None = None


class Asset(_Model):
    number: Annotated[int, Field(ge=1)] | None = None
    name: Text | None = None
    unit: Text | None = None
    count: Count | None = None
    is_total: bool = False
    source: Source | None = None


class Resources(_Model):
    staff_by_gender: tuple[StaffByGender, ...] = ()
    staff_by_grade: tuple[StaffByGrade, ...] = ()
    social_workers: tuple[SocialWorkers, ...] = ()
    assets: tuple[Asset, ...] = ()


class ProblemRow(_Model):
    number: Text | None = None
    core_problem: Text | None = None
    problem: Text | None = None
    root_cause: Text | None = None
    source: Source | None = None


class ProblemTable(_Model):
    number: Text
    title: Text
    section: Text | None = None
    rows: tuple[ProblemRow, ...] = ()


class ReadingNote(_Model):
    sheet: Text
    row: int = Field(ge=1)
    column: Text | None = None
    key: Text
    params: dict[str, str] = {}
    value: str | None = None
    heading: Text | None = None
    reading: Literal["unread", "noted"]


class Plan(_Model):
    format_version: Literal[1]
    title: Text | None = None
    organisation: Organisation
    period: Period
    adoption: Adoption | None = None
    head: Official | None = None
    regional_heads: tuple[Official, ...] = ()
    vision: Text | None = None
    missions: tuple[Mission, ...] = ()
    legal_basis: tuple[Text, ...] = ()
    strategic_issues: tuple[Text, ...] = ()
    emerging_issues: tuple[Text, ...] = ()
    resources: Resources = Resources()
    problem_tables: tuple[ProblemTable, ...] = ()
    goals: tuple[Goal, ...] = ()
    key_indicators: tuple[KeyIndicator, ...] = ()
    service_performance: tuple[PerformanceRow, ...] = ()
    programs: tuple[Activity, ...] = ()
    total_budget: BudgetLine | None = None
    budget_table: tuple[BudgetRow, ...] = ()
    reading: tuple[ReadingNote, ...] = ()

    @model_validator(mode="after")
    def _whole_plan(self) -> Plan:
        low, high = self.period.baseline_year, self.period.last_year
        indicators = [i for g in self.goals for t in g.targets for i in t.indicators]
        indicators += [k.indicator for k in self.key_indicators]
        indicators += [r.indicator for r in self.service_performance]
        activities = [a for p in self.programs for a in p.walk()]
        indicators += [i for a in activities for i in a.indicators]
        series: list[dict[int, object]] = []
        for ind in indicators:
            series += [ind.planned, ind.realised]
        series += [r.stated_ratio for r in self.service_performance]
        lines = [a.budget for a in activities if a.budget is not None]
        lines += [self.total_budget] if self.total_budget is not None else []
        lines += [r.budget for r in self.budget_table]
        for line in lines:
            series += [line.planned, line.realised]
        series += [r.stated_ratio for r in self.budget_table]
        for one in series:
            for year in one:
                if not low <= year <= high:
                    raise ValueError(f"year {year} lies outside the period")
        if any(p.level != "program" for p in self.programs):
            raise ValueError("the tree starts with programs")
        codes = [p.code for p in self.programs]
        if len(set(codes)) != len(codes):
            raise ValueError("two programs share a code")
        ids = [i.id for i in indicators if i.id is not None]
        if len(set(ids)) != len(ids):
            raise ValueError("two indicators share an id")
        known = set(ids)
        for ind in indicators:
            for link in ind.links:
                if link not in known:
                    raise ValueError(f"unknown link {link}")
        numbers = [m.number for m in self.missions]
        if len(set(numbers)) != len(numbers):
            raise ValueError("two missions share a number")
        if numbers:
            for goal in self.goals:
                if goal.mission is not None and goal.mission not in numbers:
                    raise ValueError(f"unknown mission {goal.mission}")
        return self


def load(raw: bytes) -> Plan:
    """Parse and validate a plan file's bytes (pydantic-core parses the JSON itself)."""
    return Plan.model_validate_json(raw)

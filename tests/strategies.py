"""Hypothesis strategies for every value type and model class of ``renstra_model``.

Every strategy here generates *valid* objects: constructing them never raises. Strategies of
objects that hold per-year series take the plan :class:`Period` so that every year lies within
it. Strategies of objects that hold indicators take an optional :class:`IdPool`; within a plan
the pool makes indicator ids unique and lets links point only at ids the plan holds.

Sizes are bounded so that :func:`plans` generates in a few milliseconds.

Importing this module registers type strategies (``st.from_type(Plan)`` and so on).
"""

from __future__ import annotations

import datetime as dt
import functools
import string
from collections.abc import Sequence
from decimal import Decimal
from typing import Any, TypeVar

from hypothesis import strategies as st

from renstra_model import (
    NIL,
    Activity,
    Adoption,
    Aggregation,
    Asset,
    BudgetLine,
    BudgetRow,
    Code,
    Goal,
    Indicator,
    KeyIndicator,
    Level,
    Mission,
    Nil,
    Official,
    Organisation,
    PerformanceRow,
    Period,
    Plan,
    Polarity,
    ProblemRow,
    ProblemTable,
    Quantity,
    Reading,
    ReadingNote,
    Resources,
    SocialWorkers,
    Source,
    StaffByGender,
    StaffByGrade,
    Target,
    YearMap,
)
from renstra_model.model.plan import MAX_PERIOD_YEARS
from renstra_model.model.series import YEAR_MAX, YEAR_MIN
from renstra_model.model.values import MAX_MONEY, MAX_NUMBER

T = TypeVar("T")
V = TypeVar("V")

# -- text ---------------------------------------------------------------------------------

WORDS: tuple[str, ...] = (
    "Dinas Sosial",
    "Kabupaten Timor Tengah Utara",
    "Program Penunjang Urusan Pemerintahan Daerah Kabupaten/Kota",
    "Persentase PMKS yang tertangani",
    "KPM",
    "Kasus",
    "Orang",
    "Dokumen",
    "%",
    "Rp.",
    "T-C.27",
    "1 06 04 2.01 03",
    "-",
    " - ",
    "72,18 %",
    "Kefamenanu",
    'Kepala "Dinas"',
    "Pembina Utama Muda, IV/c",
    "19700101 199003 1 001",
    "Ñusa — Tenggara Timur ✓",
    "line one\nline two",
    " leading and trailing ",
    "\\backslash/",
    "0",
    "null",
    "true",
)


def _non_blank(value: str) -> bool:
    return bool(value.strip())


@functools.cache
def texts(max_size: int = 12) -> st.SearchStrategy[str]:
    """Non-empty text as plan fields hold it: plan vocabulary or arbitrary Unicode."""
    return st.one_of(
        st.sampled_from(WORDS),
        st.text(min_size=1, max_size=max_size).filter(_non_blank),
    )


@functools.cache
def optional(strategy: st.SearchStrategy[T]) -> st.SearchStrategy[T | None]:
    """*strategy* or None (an empty cell)."""
    return st.none() | strategy


@functools.cache
def rarely(strategy: st.SearchStrategy[T]) -> st.SearchStrategy[T | None]:
    """Usually None, sometimes *strategy*: for fields that cost many draws."""
    return st.one_of(st.none(), st.none(), st.none(), strategy)


@functools.cache
def small_lists(strategy: st.SearchStrategy[T], max_size: int = 2) -> st.SearchStrategy[list[T]]:
    """Short lists: plan strategies stay fast."""
    return st.lists(strategy, max_size=max_size)


# -- codes --------------------------------------------------------------------------------

CODE_WIDTHS: tuple[int, ...] = (1, 2, 2, 1, 2, 4)
"""Width of each segment of a canonical code."""


@functools.cache
def _digits(width: int) -> st.SearchStrategy[str]:
    return st.integers(1, 10**width - 1).map(lambda n: str(n).zfill(width))


@functools.cache
def _bidang_segments() -> st.SearchStrategy[tuple[str, ...]]:
    return st.one_of(
        st.tuples(_digits(1), _digits(2)),
        st.just(("X", "XX")),
    )


@functools.cache
def urusan_codes() -> st.SearchStrategy[Code]:
    """Codes of an urusan, the generic ``X`` included."""
    return st.one_of(_digits(1), st.just("X")).map(lambda seg: Code((seg,)))


@functools.cache
def bidang_codes() -> st.SearchStrategy[Code]:
    """Codes of a bidang urusan, the generic ``X.XX`` included."""
    return _bidang_segments().map(Code)


@functools.cache
def program_codes() -> st.SearchStrategy[Code]:
    """Codes of a program (generic ``X.XX.nn`` included)."""
    return st.tuples(_bidang_segments(), _digits(2)).map(lambda t: Code((*t[0], t[1])))


def kegiatan_code(parent: Code, kind: int, number: int) -> Code:
    """The kegiatan *kind*.*number* under the program *parent*."""
    return Code((*parent.segments, str(kind), f"{number:02d}"))


def sub_kegiatan_code(parent: Code, number: int) -> Code:
    """The sub kegiatan *number* under the kegiatan *parent*."""
    return Code((*parent.segments, f"{number:04d}"))


@functools.cache
def _kegiatan_keys() -> st.SearchStrategy[tuple[int, int]]:
    return st.tuples(st.integers(1, 9), st.integers(1, 99))


@functools.cache
def kegiatan_codes() -> st.SearchStrategy[Code]:
    """Codes of a kegiatan."""
    return st.builds(lambda p, k: kegiatan_code(p, *k), program_codes(), _kegiatan_keys())


@functools.cache
def sub_kegiatan_codes() -> st.SearchStrategy[Code]:
    """Codes of a sub kegiatan."""
    return st.builds(sub_kegiatan_code, kegiatan_codes(), st.integers(1, 9999))


_CODES_BY_LEVEL = {
    Level.URUSAN: urusan_codes,
    Level.BIDANG_URUSAN: bidang_codes,
    Level.PROGRAM: program_codes,
    Level.KEGIATAN: kegiatan_codes,
    Level.SUB_KEGIATAN: sub_kegiatan_codes,
}


@functools.cache
def codes(level: Level | None = None) -> st.SearchStrategy[Code]:
    """Canonical codes of *level*, or of any level."""
    if level is not None:
        return _CODES_BY_LEVEL[level]()
    return st.one_of([make() for make in _CODES_BY_LEVEL.values()])


def unpadded(code: Code) -> str:
    """The dotted form without leading zeros: ``1.6.4.2.1.3``."""
    return ".".join(str(int(seg)) if seg.isdigit() else seg for seg in code.segments)


_SPACES = st.sampled_from([" ", "  ", "\t", " \t "])
_SEPARATORS = st.sampled_from([".", " ", "  ", "\t", ". ", " .", " . ", ".."])
_SURROUND = st.sampled_from(["", " ", "\n", "\t ", "  "])


@st.composite
def printed_forms(draw: st.DrawFn, code: Code) -> str:
    """The spaced form Renstra tables print (``1 06 04 2.01 03``), with varied whitespace."""
    parts = code.printed().split(" ")
    text = parts[0]
    for part in parts[1:]:
        text += draw(_SPACES) + part
    return draw(_SURROUND) + text + draw(_SURROUND)


@st.composite
def loose_forms(draw: st.DrawFn, code: Code) -> str:
    """Any form :meth:`Code.parse` reads for *code*: each segment unpadded, canonical or
    over-padded with zeros, ``x``/``xx`` in either case, dots or whitespace between segments."""
    pieces: list[str] = []
    for index, seg in enumerate(code.segments):
        if not seg.isdigit():
            pieces.append(draw(st.sampled_from([seg, seg.lower()])))
            continue
        number = str(int(seg))
        width = CODE_WIDTHS[index]
        pad = draw(st.integers(len(number), width + 2))
        pieces.append(number.zfill(pad))
    text = pieces[0]
    for piece in pieces[1:]:
        text += draw(_SEPARATORS) + piece
    return draw(_SURROUND) + text + draw(_SURROUND)


@functools.cache
def code_forms(code: Code) -> st.SearchStrategy[str]:
    """Every way of writing *code* that must parse back to it."""
    return st.one_of(
        st.just(str(code)),
        st.just(code.printed()),
        st.just(unpadded(code)),
        printed_forms(code),
        loose_forms(code),
    )


def codes_with_forms(level: Level | None = None) -> st.SearchStrategy[tuple[Code, str]]:
    """A canonical code and one written form of it."""
    return codes(level).flatmap(lambda c: st.tuples(st.just(c), code_forms(c)))


# -- values -------------------------------------------------------------------------------

SPECIAL_MONEY: tuple[Decimal, ...] = (
    Decimal("0"),
    Decimal("0.00"),
    Decimal("0.01"),
    Decimal("0.5"),
    Decimal("4091594846.5"),
    Decimal("4091594846.50"),
    Decimal("4847753572"),
    Decimal("1.000"),
    Decimal("1E+3"),
    MAX_MONEY,
    MAX_MONEY - Decimal("0.01"),
)


@functools.cache
def money() -> st.SearchStrategy[Decimal]:
    """Valid amounts of money: whole rupiah, sen, half rupiahs, and edge cases."""
    return st.one_of(
        st.sampled_from(SPECIAL_MONEY),
        st.decimals(min_value=0, max_value=MAX_MONEY, places=0),
        st.decimals(min_value=0, max_value=MAX_MONEY, places=2),
        st.integers(0, 10**13).map(lambda n: Decimal(n) + Decimal("0.5")),
        st.integers(0, 10**13).map(lambda n: Decimal(n) + Decimal("0.50")),
    )


@functools.cache
def money_cells() -> st.SearchStrategy[Decimal | Nil]:
    """A money cell: an amount or a stated nil."""
    return st.one_of(money(), st.just(NIL))


SPECIAL_NUMBERS: tuple[Decimal, ...] = (
    Decimal("72.18"),
    Decimal("-3.5"),
    Decimal("100.00"),
    Decimal("0"),
    Decimal("-0"),
    Decimal("1E+3"),
    MAX_NUMBER,
    -MAX_NUMBER,
)


@functools.cache
def numbers() -> st.SearchStrategy[Decimal]:
    """Finite numbers of sane magnitude (negative included): rates, counts, percents."""
    return st.one_of(
        st.sampled_from(SPECIAL_NUMBERS),
        st.decimals(min_value=-MAX_NUMBER, max_value=MAX_NUMBER, places=0),
        *(st.decimals(min_value=-10**9, max_value=10**9, places=p) for p in (1, 2, 4)),
    )


@functools.cache
def number_cells() -> st.SearchStrategy[Decimal | Nil]:
    """A number or a stated nil."""
    return st.one_of(numbers(), st.just(NIL))


@functools.cache
def counts() -> st.SearchStrategy[int | Nil]:
    """A head count: a whole number or a stated nil."""
    return st.one_of(st.integers(0, 10**6), st.just(NIL))


@functools.cache
def positive_ints() -> st.SearchStrategy[int]:
    return st.integers(1, 10**4)


@functools.cache
def quantities(*, with_also: bool = True) -> st.SearchStrategy[Quantity]:
    """A cell of a target or realisation column: amount or nil, with or without unit and
    percent, and (when *with_also*) further figures."""
    also: st.SearchStrategy[tuple[Quantity, ...]] = st.just(())
    if with_also:
        several = st.lists(quantities(with_also=False), min_size=1, max_size=2).map(tuple)
        also = st.one_of(also, also, also, several)
    return st.builds(
        Quantity,
        amount=number_cells(),
        unit=optional(texts()),
        percent=optional(numbers()),
        also=also,
    )


# -- periods and series -------------------------------------------------------------------


@functools.cache
@st.composite
def periods(draw: st.DrawFn) -> Period:
    """A valid plan period; often the TTU period (baseline 2021, years 2022-2026)."""
    if draw(st.booleans()):
        return Period(2021, 2022, 2026)
    baseline = draw(st.integers(YEAR_MIN, YEAR_MAX - 1))
    first = draw(st.integers(baseline + 1, min(baseline + 3, YEAR_MAX)))
    last = draw(st.integers(first, min(first + MAX_PERIOD_YEARS - 1, YEAR_MAX)))
    return Period(baseline, first, last)


def period_years(period: Period) -> tuple[int, ...]:
    """Every year a series of a plan with *period* may hold: the baseline and the plan years."""
    return (period.baseline_year, *period.years)


@functools.cache
def year_maps(
    period: Period, values: st.SearchStrategy[V], max_years: int = 4
) -> st.SearchStrategy[YearMap[V]]:
    """A series of at most *max_years* years, all within *period* (the baseline included)."""
    years = period_years(period)
    return st.dictionaries(st.sampled_from(years), values, max_size=max_years).map(YearMap)


# -- provenance, indicators ---------------------------------------------------------------


@functools.cache
def sources() -> st.SearchStrategy[Source]:
    return st.builds(Source, table=texts(), row=texts(), note=optional(texts()))


@functools.cache
def reading_notes() -> st.SearchStrategy[ReadingNote]:
    """Notes of a reading; their keys are catalogue keys, their params any text."""
    return st.builds(
        ReadingNote,
        sheet=texts(),
        row=optional(st.integers(1, 20_000)),
        column=optional(st.sampled_from(["A", "F", "AB", "pagu1"])),
        key=st.sampled_from(["excel.formula", "excel.error_value", "excel.no_code"]),
        params=st.dictionaries(st.sampled_from(["formula", "value", "code"]), texts(),
                               max_size=3),
        value=optional(texts()),
        heading=optional(texts()),
        reading=st.sampled_from(list(Reading)),
    )


class IdPool:
    """Hands out unique indicator ids within one plan, and the ids already handed out.

    Every id ends in ``-<n>`` with a fresh *n*, so ids are unique whatever their stem.
    """

    def __init__(self) -> None:
        self.issued: list[str] = []

    def new(self, stem: str) -> str:
        ident = f"{stem}-{len(self.issued) + 1}"
        self.issued.append(ident)
        return ident


_ID_STEMS = st.one_of(st.sampled_from(["IKU", "IKD", "T-C.23", "7.1", "sasaran"]), texts(6))


@st.composite
def indicators(draw: st.DrawFn, period: Period, ids: IdPool | None = None) -> Indicator:
    """An indicator whose series lie within *period*.

    With *ids*, the id (if any) is fresh and links point at ids issued before; without,
    id and links are arbitrary text (valid for a standalone indicator).
    """
    links: list[str]
    if ids is None:
        ident = draw(optional(texts()))
        links = draw(small_lists(texts()))
    else:
        ident = ids.new(draw(_ID_STEMS)) if draw(st.booleans()) else None
        links = draw(small_lists(st.sampled_from(ids.issued))) if ids.issued else []
    return Indicator(
        name=draw(optional(texts())),
        id=ident,
        unit=draw(optional(texts())),
        polarity=draw(st.sampled_from(Polarity)),
        aggregation=draw(optional(st.sampled_from(Aggregation))),
        baseline=draw(optional(quantities())),
        planned=draw(year_maps(period, quantities())),
        realised=draw(year_maps(period, quantities())),
        end_of_period=draw(optional(quantities())),
        links=seq(*links),
        source=draw(rarely(sources())),
    )


def indicator_lists(period: Period, ids: IdPool | None) -> st.SearchStrategy[list[Indicator]]:
    return small_lists(indicators(period, ids))


# -- goals --------------------------------------------------------------------------------


@functools.cache
def missions(number: st.SearchStrategy[int] | None = None) -> st.SearchStrategy[Mission]:
    return st.builds(
        Mission,
        number=positive_ints() if number is None else number,
        text=texts(),
        source=rarely(sources()),
    )


@st.composite
def targets(draw: st.DrawFn, period: Period, ids: IdPool | None = None) -> Target:
    return Target(
        text=draw(texts()),
        indicators=seq(*draw(indicator_lists(period, ids))),
        source=draw(rarely(sources())),
    )


@st.composite
def goals(
    draw: st.DrawFn,
    period: Period,
    ids: IdPool | None = None,
    mission_numbers: Sequence[int] | None = None,
) -> Goal:
    """A goal; with *mission_numbers*, its mission (if any) is one of them."""
    numbers_ = positive_ints() if not mission_numbers else st.sampled_from(mission_numbers)
    return Goal(
        text=draw(texts()),
        mission=draw(optional(numbers_)),
        targets=seq(*draw(small_lists(targets(period, ids)))),
        strategies=seq(*draw(small_lists(texts()))),
        policies=seq(*draw(small_lists(texts()))),
        number=draw(optional(texts())),
        source=draw(rarely(sources())),
    )


# -- budget -------------------------------------------------------------------------------


@functools.cache
@st.composite
def budget_lines(draw: st.DrawFn, period: Period) -> BudgetLine:
    return BudgetLine(
        planned=draw(year_maps(period, money_cells())),
        realised=draw(year_maps(period, money_cells())),
        planned_total=draw(optional(money_cells())),
        source=draw(rarely(sources())),
    )


@functools.cache
@st.composite
def budget_rows(draw: st.DrawFn, period: Period) -> BudgetRow:
    return BudgetRow(
        label=draw(texts()),
        level=draw(st.sampled_from(Level)),
        budget=draw(budget_lines(period)),
        code=draw(optional(codes())),
        stated_ratio=draw(year_maps(period, number_cells())),
        stated_growth_planned=draw(optional(number_cells())),
        stated_growth_realised=draw(optional(number_cells())),
        source=draw(rarely(sources())),
    )


# -- activities ---------------------------------------------------------------------------

TREE_LEVELS: tuple[Level, ...] = (Level.PROGRAM, Level.KEGIATAN, Level.SUB_KEGIATAN)


@st.composite
def activities(
    draw: st.DrawFn,
    period: Period,
    code: Code | None = None,
    ids: IdPool | None = None,
    max_children: int = 2,
) -> Activity:
    """An activity tree rooted at *code* (or at a random program, kegiatan or sub kegiatan).

    The tree satisfies the hierarchy: each child is one level down, its code extends its
    parent's code, and sibling codes are unique.
    """
    if code is None:
        code = draw(codes(draw(st.sampled_from(TREE_LEVELS))))
    derived = draw(st.booleans()) if code.level is not Level.SUB_KEGIATAN else False
    child_codes: list[Code] = []
    if code.level is Level.PROGRAM:
        keys = draw(st.lists(_kegiatan_keys(), unique=True, max_size=max_children))
        child_codes = [kegiatan_code(code, kind, number) for kind, number in keys]
    elif code.level is Level.KEGIATAN:
        numbers_ = draw(st.lists(st.integers(1, 9999), unique=True, max_size=max_children))
        child_codes = [sub_kegiatan_code(code, number) for number in numbers_]
    return Activity(
        code=code,
        level=code.level,
        name=draw(rarely(texts()) if derived else texts()),
        indicators=seq(*draw(indicator_lists(period, ids))),
        budget=draw(optional(budget_lines(period))),
        budget_parts=seq(*draw(small_lists(budget_lines(period), max_size=1))),
        unit=draw(optional(texts())),
        location=draw(optional(texts())),
        goal=draw(optional(texts())),
        target=draw(optional(texts())),
        children=seq(
            *(draw(activities(period, child, ids, max_children)) for child in child_codes)
        ),
        source=draw(rarely(sources())),    derived=derived,
    )


def program_trees(period: Period, ids: IdPool | None = None) -> st.SearchStrategy[Activity]:
    return program_codes().flatmap(lambda c: activities(period, c, ids))


# -- performance --------------------------------------------------------------------------


@st.composite
def performance_rows(draw: st.DrawFn, period: Period, ids: IdPool | None = None) -> PerformanceRow:
    return PerformanceRow(
        number=draw(positive_ints()),
        indicator=draw(indicators(period, ids)),
        nspk_target=draw(optional(quantities())),
        ikk_target=draw(optional(quantities())),
        other_target=draw(optional(quantities())),
        stated_ratio=draw(year_maps(period, number_cells())),
        source=draw(rarely(sources())),
    )


@st.composite
def key_indicators(draw: st.DrawFn, period: Period, ids: IdPool | None = None) -> KeyIndicator:
    return KeyIndicator(
        number=draw(positive_ints()),
        indicator=draw(indicators(period, ids)),
        program=draw(optional(texts())),
        source=draw(rarely(sources())),
    )


# -- resources, problem tables -------------------------------------------------------------


@functools.cache
def staff_by_gender() -> st.SearchStrategy[StaffByGender]:
    return st.builds(
        StaffByGender,
        number=optional(positive_ints()),
        unit=optional(texts()),
        position=optional(texts()),
        male=optional(counts()),
        female=optional(counts()),
        total=optional(counts()),
        is_total=st.booleans(),
        source=rarely(sources()),
    )


@functools.cache
def staff_by_grade() -> st.SearchStrategy[StaffByGrade]:
    return st.builds(
        StaffByGrade,
        number=optional(positive_ints()),
        unit=optional(texts()),
        grade=optional(texts()),
        grade_count=optional(counts()),
        education=optional(texts()),
        education_count=optional(counts()),
        total=optional(counts()),
        is_total=st.booleans(),
        source=rarely(sources()),
    )


@functools.cache
def social_workers() -> st.SearchStrategy[SocialWorkers]:
    return st.builds(
        SocialWorkers,
        number=optional(positive_ints()),
        name=optional(texts()),
        count=optional(counts()),
        is_total=st.booleans(),
        source=rarely(sources()),
    )


@functools.cache
def assets() -> st.SearchStrategy[Asset]:
    return st.builds(
        Asset,
        number=optional(positive_ints()),
        name=optional(texts()),
        unit=optional(texts()),
        count=optional(counts()),
        is_total=st.booleans(),
        source=rarely(sources()),
    )


@functools.cache
def resources() -> st.SearchStrategy[Resources]:
    return st.builds(
        Resources,
        staff_by_gender=small_lists(staff_by_gender()),
        staff_by_grade=small_lists(staff_by_grade()),
        social_workers=small_lists(social_workers()),
        assets=small_lists(assets()),
    )


@functools.cache
def problem_rows() -> st.SearchStrategy[ProblemRow]:
    return st.builds(
        ProblemRow,
        number=optional(texts()),
        core_problem=optional(texts()),
        problem=optional(texts()),
        root_cause=optional(texts()),
        source=rarely(sources()),
    )


@functools.cache
def problem_tables() -> st.SearchStrategy[ProblemTable]:
    return st.builds(
        ProblemTable,
        number=st.one_of(st.sampled_from(["3.1", "3.2", "3.3", "3.4"]), texts()),
        title=texts(),
        section=optional(texts()),
        rows=small_lists(problem_rows(), 3),
    )


# -- plan header --------------------------------------------------------------------------


@functools.cache
def officials() -> st.SearchStrategy[Official]:
    return st.builds(
        Official,
        name=texts(),
        title=optional(texts()),
        rank=optional(texts()),
        nip=optional(st.text(string.digits + " ", min_size=1, max_size=21).filter(_non_blank)),
    )


@functools.cache
def dates() -> st.SearchStrategy[dt.date]:
    return st.one_of(st.just(dt.date(2021, 9, 9)), st.dates())


@functools.cache
def adoptions() -> st.SearchStrategy[Adoption]:
    return st.builds(
        Adoption, date=optional(dates()), place=optional(texts()), signatory=optional(officials())
    )


@functools.cache
def organisations() -> st.SearchStrategy[Organisation]:
    return st.builds(
        Organisation,
        name=optional(texts()),
        region=optional(texts()),
        province=optional(texts()),
        bidang_urusan=small_lists(bidang_codes()),
        address=optional(texts()),
        phone=optional(texts()),
        email=optional(texts()),
    )


# -- plan ---------------------------------------------------------------------------------


@st.composite
def plans(draw: st.DrawFn, max_programs: int = 2) -> Plan:
    """A valid plan: series within the period, unique indicator ids, links that resolve,
    unique mission numbers that goals refer to, and activity trees of programs with unique
    codes."""
    period = draw(periods())
    ids = IdPool()
    mission_list = [
        draw(missions(st.just(number)))
        for number in draw(st.lists(st.integers(1, 20), unique=True, max_size=3))
    ]
    mission_numbers = [m.number for m in mission_list]
    program_list = [
        draw(activities(period, code, ids))
        for code in draw(st.lists(program_codes(), unique=True, max_size=max_programs))
    ]
    goal_list = draw(small_lists(goals(period, ids, mission_numbers)))
    return Plan(
        title=draw(optional(texts())),
        organisation=draw(organisations()),
        period=period,
        adoption=draw(optional(adoptions())),
        head=draw(optional(officials())),
        regional_heads=seq(*draw(small_lists(officials()))),
        vision=draw(optional(texts())),
        missions=seq(*mission_list),
        legal_basis=seq(*draw(small_lists(texts()))),
        strategic_issues=seq(*draw(small_lists(texts()))),
        emerging_issues=seq(*draw(small_lists(texts()))),
        resources=draw(resources()),
        problem_tables=seq(*draw(small_lists(problem_tables()))),
        goals=seq(*goal_list),
        key_indicators=seq(*draw(small_lists(key_indicators(period, ids)))),
        service_performance=seq(*draw(small_lists(performance_rows(period, ids)))),
        programs=seq(*program_list),
        total_budget=draw(optional(budget_lines(period))),
        budget_table=seq(*draw(small_lists(budget_rows(period)))),
        reading=seq(*draw(small_lists(reading_notes()))),
    )


def minimal_plan(period: Period | None = None) -> Plan:
    """The smallest valid plan, for tests that build on it."""
    return Plan(
        title="Renstra Dinas Sosial 2021-2026",
        organisation=Organisation("Dinas Sosial", "Kabupaten Timor Tengah Utara"),
        period=period or Period(2021, 2022, 2026),
    )


# -- type registration --------------------------------------------------------------------

st.register_type_strategy(Code, codes())
st.register_type_strategy(Quantity, quantities())
st.register_type_strategy(Period, periods())
st.register_type_strategy(Source, sources())
st.register_type_strategy(Mission, missions())
st.register_type_strategy(StaffByGender, staff_by_gender())
st.register_type_strategy(StaffByGrade, staff_by_grade())
st.register_type_strategy(SocialWorkers, social_workers())
st.register_type_strategy(Asset, assets())
st.register_type_strategy(Resources, resources())
st.register_type_strategy(ProblemRow, problem_rows())
st.register_type_strategy(ProblemTable, problem_tables())
st.register_type_strategy(Official, officials())
st.register_type_strategy(Adoption, adoptions())
st.register_type_strategy(Organisation, organisations())
st.register_type_strategy(Plan, plans())
# Types whose series need a period: drawn within a random period.
st.register_type_strategy(Indicator, periods().flatmap(indicators))
st.register_type_strategy(Target, periods().flatmap(targets))
st.register_type_strategy(Goal, periods().flatmap(goals))
st.register_type_strategy(BudgetLine, periods().flatmap(budget_lines))
st.register_type_strategy(BudgetRow, periods().flatmap(budget_rows))
st.register_type_strategy(Activity, periods().flatmap(activities))
st.register_type_strategy(PerformanceRow, periods().flatmap(performance_rows))
st.register_type_strategy(KeyIndicator, periods().flatmap(key_indicators))

REGISTERED_TYPES: tuple[type, ...] = (
    Code, Quantity, Period, Source, Mission, StaffByGender, StaffByGrade, SocialWorkers, Asset,
    Resources, ProblemRow, ProblemTable, Official, Adoption, Organisation, Plan, Indicator,
    Target, Goal, BudgetLine, BudgetRow, Activity, PerformanceRow, KeyIndicator,
)
"""Every model class with a registered strategy (``st.from_type`` works for each)."""


def seq(*items: T) -> Any:
    """The tuple of *items*, for a sequence field of a model class.

    Typed ``Any`` so that tests do not depend on how the fields' converters are typed
    (an earlier generic ``to_tuple`` made every argument fail to type-check).
    """
    return items

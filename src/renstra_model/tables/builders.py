"""The standard tables of a Renstra as typed values: T-C.23 to T-C.27, Table 7.1 and tables
2.1–2.4, built from a :class:`~renstra_model.model.plan.Plan` with the document's columns; and, by
their number, the plan's problem tables of chapter III (3.1, 3.2, …,
:mod:`~renstra_model.tables.problems`).

A :class:`Table` holds :class:`Column` and :class:`Row` values; each cell keeps the model's
value (a :class:`~decimal.Decimal`, :data:`~renstra_model.model.values.NIL`, ``None``, a
:class:`~renstra_model.model.values.Quantity`, text, a :class:`~renstra_model.model.codes.Code`).
The columns the document defines as computed hold both figures: a :class:`Computed` (the ratios of
T-C.23 and T-C.24: the stated value and the calculator's) or a :class:`Growth` (the "average
growth" of T-C.24: the stated value, the true mean, the compound annual growth and the growth of
the last step). Formatting is the job of :mod:`renstra_model.tables.render`.

>>> from renstra_model.examples import ttu_dinsos
>>> from renstra_model.calculators.arithmetic import present
>>> tc24 = build(ttu_dinsos(), "TC-24")
>>> tc24.cell(0, "planned_2023")
Decimal('4091594846.5')
>>> growth = tc24.cell(0, "growth_planned")
>>> growth.stated, present(growth.mean), present(growth.last_step)
(Decimal('14.49'), Decimal('22.59'), Decimal('14.49'))
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Mapping
from decimal import Decimal
from typing import Final

from ..calculators.growth import period_growth
from ..calculators.ratios import capaian, realisation_ratio
from ..messages import Lang, render
from ..model.activities import Activity
from ..model.goals import Goal, Mission
from ..model.indicators import Indicator
from ..model.plan import Plan
from ..model.values import Nil

__all__ = [
    "TABLES",
    "Cell",
    "Column",
    "Computed",
    "Growth",
    "Kind",
    "Row",
    "RowKind",
    "Table",
    "UnknownTableError",
    "Value",
    "build",
    "build_all",
    "table_2_1",
    "table_2_2",
    "table_2_3",
    "table_2_4",
    "table_7_1",
    "table_names",
    "tc23",
    "tc24",
    "tc25",
    "tc26",
    "tc27",
]

from .problems import problem_table, problem_tables
from .schema import (
    Cell,
    Column,
    Computed,
    Growth,
    Kind,
    Row,
    RowKind,
    Table,
    UnknownTableError,
    Value,
)

# -- helpers ----------------------------------------------------------------------------------


def _agency(plan: Plan) -> str:
    return f"{plan.organisation.name} {plan.organisation.region}"


def _ordinals(years: tuple[int, ...]) -> Iterator[tuple[int, int]]:
    return ((n, year) for n, year in enumerate(years, start=1))


def _roman(number: int) -> str:
    numerals = ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
                (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"))
    text = ""
    for value, numeral in numerals:
        count, number = divmod(number, value)
        text += numeral * count
    return text


# -- T-C.23 -----------------------------------------------------------------------------------


def tc23(plan: Plan) -> Table:
    """T-C.23, service performance: per indicator its NSPK, IKK and other targets, the target
    and realisation per plan year, and the ratio (capaian) per year — stated, and computed by
    :func:`~renstra_model.calculators.ratios.capaian` with the indicator's polarity."""
    years = plan.period.years
    columns = [
        Column("no", "No.", Kind.INTEGER, 1),
        Column("indicator", "Indikator Kinerja sesuai Tugas dan Fungsi PD", Kind.TEXT, 2),
        Column("nspk", "Target NSPK", Kind.PERCENT_QUANTITY, 3),
        Column("ikk", "Target IKK", Kind.PERCENT_QUANTITY, 4),
        Column("other", "Target Indikator Lainnya", Kind.PERCENT_QUANTITY, 5),
    ]
    n = len(years)
    for group, key, kind, offset in (
        ("Target Renstra pada Tahun ke", "planned", Kind.PERCENT_QUANTITY, 6),
        ("Realisasi Capaian Tahun ke", "realised", Kind.PERCENT_QUANTITY, 6 + n),
        ("Rasio Capaian pada Tahun ke", "ratio", Kind.PERCENT, 6 + 2 * n),
    ):
        columns.extend(
            Column(f"{key}_{year}", f"{group}-{k}", kind, offset + k - 1, group, str(k), year)
            for k, year in _ordinals(years)
        )
    rows = []
    for row in plan.service_performance:
        ind = row.indicator
        cells: list[Cell] = [row.number, ind.name, row.nspk_target, row.ikk_target,
                             row.other_target]
        cells.extend(ind.planned.get(y) for y in years)
        cells.extend(ind.realised.get(y) for y in years)
        for year in years:
            realised, planned = ind.realised.get(year), ind.planned.get(year)
            value = capaian(
                realised.amount if realised is not None else None,
                planned.amount if planned is not None else None,
                ind.polarity,
                year=year,
            )
            cells.append(Computed(row.stated_ratio.get(year), value))
        rows.append(Row(tuple(cells), source=row.source))
    return Table(
        "T-C.23", f"Pencapaian Kinerja Pelayanan {_agency(plan)}", tuple(columns), tuple(rows)
    )


# -- T-C.24 -----------------------------------------------------------------------------------


def _growth(stated: Decimal | Nil | None, series: Mapping[int, Decimal | Nil],
            years: tuple[int, ...]) -> Growth:
    figures = period_growth(series, years)  # the plan's years, as RS331 and RS332 compute it
    return Growth(stated, figures.mean, figures.cagr(), figures.last_step)


def tc24(plan: Plan) -> Table:
    """T-C.24, budget and realisation per row and plan year, the ratio realisation / budget per
    year (stated, and computed by :func:`~renstra_model.calculators.ratios.realisation_ratio`), and
    the "average growth" of the budget and of the realisation over the plan's years
    (:class:`Growth`, by :func:`~renstra_model.calculators.growth.period_growth`, as the checks
    compute it), in the printed order of the rows."""
    years = plan.period.years
    n = len(years)
    columns = [Column("uraian", "Uraian", Kind.TEXT, 1)]
    for group, key, kind, offset in (
        ("Anggaran pada Tahun ke", "planned", Kind.MONEY, 2),
        ("Realisasi Anggaran pada Tahun ke", "realised", Kind.MONEY, 2 + n),
        ("Rasio antara Realisasi dan Anggaran pada Tahun ke", "ratio", Kind.PERCENT, 2 + 2 * n),
    ):
        columns.extend(
            Column(f"{key}_{year}", f"{group}-{k}", kind, offset + k - 1, group, str(k), year)
            for k, year in _ordinals(years)
        )
    growth = "Rata-rata Pertumbuhan"
    columns.append(Column("growth_planned", f"{growth} Rencana Anggaran", Kind.RATE,
                          2 + 3 * n, growth, "Rencana Anggaran"))
    columns.append(Column("growth_realised", f"{growth} Realisasi", Kind.RATE,
                          3 + 3 * n, growth, "Realisasi"))
    rows = []
    for row in plan.budget_table:
        planned, realised = row.budget.planned, row.budget.realised
        cells: list[Cell] = [row.label]
        cells.extend(planned.get(y) for y in years)
        cells.extend(realised.get(y) for y in years)
        cells.extend(
            Computed(row.stated_ratio.get(y),
                     realisation_ratio(realised.get(y), planned.get(y), year=y))
            for y in years
        )
        cells.append(_growth(row.stated_growth_planned, planned, years))
        cells.append(_growth(row.stated_growth_realised, realised, years))
        rows.append(Row(tuple(cells), level=row.level, code=row.code, source=row.source))
    return Table(
        "T-C.24", f"Anggaran dan Realisasi Pendanaan Pelayanan {_agency(plan)}", tuple(columns),
        tuple(rows),
    )


# -- T-C.25 -----------------------------------------------------------------------------------


def tc25(plan: Plan) -> Table:
    """T-C.25, goals and targets with their indicators and the target per plan year: one row
    per indicator; the goal and the target are printed on their first row, as the document
    prints them once (a target without indicators has a row of its own)."""
    years = plan.period.years
    columns = [
        Column("no", "NO.", Kind.TEXT, 1),
        Column("goal", "TUJUAN", Kind.TEXT, 2),
        Column("target", "SASARAN", Kind.TEXT, 3),
        Column("indicator", "INDIKATOR TUJUAN / SASARAN", Kind.TEXT, 4),
    ]
    group = "TARGET KINERJA TUJUAN / SASARAN PADA TAHUN KE"
    columns.extend(
        Column(f"planned_{year}", f"{group}-{k}", Kind.QUANTITY, 4 + k, group, str(k), year)
        for k, year in _ordinals(years)
    )
    rows: list[Row] = []
    for goal in plan.goals:
        first_of_goal = True
        targets = goal.targets or ()
        if not targets:
            rows.append(Row((goal.number, goal.text, None, None, *(None for _ in years)),
                            source=goal.source))
            continue
        for target in targets:
            indicators: tuple[Indicator | None, ...] = target.indicators or (None,)
            for k, ind in enumerate(indicators):
                head: list[Cell] = [
                    goal.number if first_of_goal else None,
                    goal.text if first_of_goal else None,
                    target.text if k == 0 else None,
                    ind.name if ind is not None else None,
                ]
                head.extend(ind.planned.get(y) if ind is not None else None for y in years)
                source = ind.source if ind is not None and ind.source else target.source
                rows.append(Row(tuple(head), source=source))
                first_of_goal = False
    return Table(
        "T-C.25", f"Tujuan dan Sasaran Jangka Menengah Pelayanan {_agency(plan)}",
        tuple(columns), tuple(rows),
    )


# -- T-C.26 -----------------------------------------------------------------------------------


def _goal_rows(goal: Goal) -> Iterator[Row]:
    targets = goal.targets or ()
    yield Row((goal.text, targets[0].text if targets else None,
               goal.strategies or None, goal.policies or None))
    for target in targets[1:]:
        yield Row((None, target.text, None, None))


def tc26(plan: Plan) -> Table:
    """T-C.26, vision, missions, goals, targets, strategies and policy directions: a heading
    row for the vision and for each mission, then the goals that serve it (goals of no stated
    mission come last)."""
    columns = (
        Column("goal", "TUJUAN", Kind.TEXT),
        Column("target", "SASARAN", Kind.TEXT),
        Column("strategies", "STRATEGI", Kind.LIST),
        Column("policies", "ARAH KEBIJAKAN", Kind.LIST),
    )
    rows: list[Row] = []
    if plan.vision is not None:
        rows.append(Row((f"Visi : {plan.vision}", None, None, None), RowKind.HEADING))
    placed: set[int] = set()

    def mission_rows(mission: Mission) -> Iterator[Row]:
        yield Row((f"Misi {_roman(mission.number)} : {mission.text}", None, None, None),
                  RowKind.HEADING, source=mission.source)
        for g, goal in enumerate(plan.goals):
            if goal.mission == mission.number:
                placed.add(g)
                yield from _goal_rows(goal)

    for mission in plan.missions:
        rows.extend(mission_rows(mission))
    for g, goal in enumerate(plan.goals):
        if g not in placed:
            rows.extend(_goal_rows(goal))
    return Table("T-C.26", "Tujuan, Sasaran, Strategi dan Arah Kebijakan", columns, tuple(rows))


# -- T-C.27 -----------------------------------------------------------------------------------


def tc27(plan: Plan) -> Table:
    """T-C.27, programs, kegiatan and sub kegiatan: every activity of the plan in code order,
    with its indicator, baseline, target and pagu per plan year, end-of-period target and
    pagu, unit and location; an activity with several indicators has one further row (without
    code and name) for each, and the table ends with the TOTAL ANGGARAN row when the plan
    states one. Rows the plan takes from another table keep that table as their source
    (:meth:`Table.borrowed`)."""
    years = plan.period.years
    columns = [
        Column("goal", "TUJUAN", Kind.TEXT, 1),
        Column("target", "SASARAN", Kind.TEXT, 2),
        Column("code", "KODE REKENING", Kind.CODE, 3),
        Column("name", "PROGRAM, KEGIATAN DAN SUB KEGIATAN", Kind.TEXT, 4),
        Column("indicator", "INDIKATOR KINERJA TUJUAN, SASARAN, PROGRAM (Outcome) DAN "
               "KEGIATAN (Output)", Kind.TEXT, 5),
        Column("baseline", "DATA CAPAIAN PADA TAHUN AWAL PERENCANAAN "
               f"(TAHUN {plan.period.baseline_year})", Kind.QUANTITY, 6),
    ]
    for k, year in _ordinals(years):
        group = f"TAHUN {year}"
        columns.append(Column(f"planned_{year}", f"{group} TARGET", Kind.QUANTITY, 5 + 2 * k,
                              group, "TARGET", year))
        columns.append(Column(f"pagu_{year}", f"{group} Rp.", Kind.MONEY, 6 + 2 * k, group,
                              "Rp.", year))
    n = len(years)
    end = "KONDISI KINERJA PADA AKHIR PERIODE RENSTRA"
    columns += [
        Column("end_target", f"{end} TARGET", Kind.QUANTITY, 7 + 2 * n, end, "TARGET"),
        Column("end_pagu", f"{end} Rp.", Kind.MONEY, 8 + 2 * n, end, "Rp."),
        Column("unit", "UNIT KERJA PERANGKAT DAERAH PENANGGUNG JAWAB", Kind.TEXT, 9 + 2 * n),
        Column("location", "LOKASI", Kind.TEXT, 10 + 2 * n),
    ]
    activities = sorted((a for _, a in plan.activities()), key=lambda a: a.code)
    rows: list[Row] = []
    for activity in activities:
        rows.extend(_activity_rows(activity, years))
    if plan.total_budget is not None:
        total = plan.total_budget
        cells: list[Cell] = [None, None, None, "TOTAL ANGGARAN", None, None]
        for year in years:
            cells += [None, total.planned.get(year)]
        cells += [None, total.planned_total, None, None]
        rows.append(Row(tuple(cells), RowKind.TOTAL, source=total.source))
    return Table(
        "T-C.27",
        f"Rencana Program, Kegiatan dan Pendanaan {_agency(plan)} "
        f"Tahun {plan.period.first_year}-{plan.period.last_year}",
        tuple(columns),
        tuple(rows),
    )


def _activity_rows(activity: Activity, years: tuple[int, ...]) -> Iterator[Row]:
    budget = activity.budget
    indicators: tuple[Indicator | None, ...] = activity.indicators or (None,)
    for k, ind in enumerate(indicators):
        first = k == 0
        cells: list[Cell] = [
            activity.goal if first else None,
            activity.target if first else None,
            activity.code if first else None,
            activity.name if first else None,
            ind.name if ind is not None else None,
            ind.baseline if ind is not None else None,
        ]
        for year in years:
            cells.append(ind.planned.get(year) if ind is not None else None)
            cells.append(budget.planned.get(year) if first and budget is not None else None)
        cells.append(ind.end_of_period if ind is not None else None)
        cells.append(budget.planned_total if first and budget is not None else None)
        cells += [activity.unit if first else None, activity.location if first else None]
        if first:
            yield Row(tuple(cells), level=activity.level, code=activity.code,
                      source=activity.source)
        else:
            source = ind.source if ind is not None else None
            yield Row(tuple(cells), level=activity.level, source=source)


# -- Table 7.1 --------------------------------------------------------------------------------


def table_7_1(plan: Plan) -> Table:
    """Table 7.1 (T-C.28), the key performance indicators tied to the RPJMD: baseline, target
    per plan year and end of period, each cell as printed (percentage and count)."""
    years = plan.period.years
    group = "Target Capaian Setiap Tahun"
    columns = [
        Column("no", "NO.", Kind.INTEGER, 1),
        Column("program", "Bidang Urusan Pemerintahan dan Program Prioritas Pembangunan",
               Kind.TEXT, 2),
        Column("indicator", "Indikator Kinerja Program (Outcome)", Kind.TEXT, 3),
        Column("baseline", f"Kondisi Kinerja pada Awal RPJMD {plan.period.baseline_year}",
               Kind.PERCENT_QUANTITY, 4, "Kondisi Kinerja pada Awal RPJMD",
               str(plan.period.baseline_year), plan.period.baseline_year),
    ]
    columns.extend(
        Column(f"planned_{year}", f"{group} {year}", Kind.PERCENT_QUANTITY, 4 + k, group,
               str(year), year)
        for k, year in _ordinals(years)
    )
    columns.append(Column("end", "Kondisi Kinerja pada Akhir Periode RPJMD",
                          Kind.PERCENT_QUANTITY, 5 + len(years)))
    rows = []
    for key in plan.key_indicators:
        ind = key.indicator
        cells: list[Cell] = [key.number, key.program, ind.name, ind.baseline]
        cells.extend(ind.planned.get(y) for y in years)
        cells.append(ind.end_of_period)
        rows.append(Row(tuple(cells), source=key.source))
    return Table(
        "7.1",
        f"Indikator Kinerja {plan.organisation.name} yang Mengacu pada Tujuan dan Sasaran RPJMD",
        tuple(columns),
        tuple(rows),
    )


# -- Tables 2.1–2.4 ---------------------------------------------------------------------------

_TOTAL: Final = "Total"


def _kind(is_total: bool) -> RowKind:
    return RowKind.TOTAL if is_total else RowKind.DATA


def table_2_1(plan: Plan) -> Table:
    """Table 2.1, staff by unit, position type and sex."""
    columns = (
        Column("no", "No", Kind.INTEGER),
        Column("unit", "Unit Kerja"),
        Column("position", "Jenis Jabatan"),
        Column("male", "Jenis Kelamin L", Kind.INTEGER, group="Jenis Kelamin", label="L"),
        Column("female", "Jenis Kelamin P", Kind.INTEGER, group="Jenis Kelamin", label="P"),
        Column("total", "Jumlah", Kind.INTEGER),
    )
    rows = tuple(
        Row((r.number, _TOTAL if r.is_total and r.unit is None else r.unit, r.position,
             r.male, r.female, r.total), _kind(r.is_total), source=r.source)
        for r in plan.resources.staff_by_gender
    )
    return Table("2.1", f"Komposisi Pegawai {_agency(plan)} Berdasarkan Jenis Kelamin",
                 columns, rows)


def table_2_2(plan: Plan) -> Table:
    """Table 2.2, staff by unit, rank (golongan) and education."""
    columns = (
        Column("no", "No", Kind.INTEGER),
        Column("unit", "Unit Kerja"),
        Column("grade", "Golongan", group="Golongan", label=""),
        Column("grade_count", "Golongan (jumlah)", Kind.INTEGER, group="Golongan", label=""),
        Column("education", "Pendidikan", group="Pendidikan", label=""),
        Column("education_count", "Pendidikan (jumlah)", Kind.INTEGER, group="Pendidikan",
               label=""),
        Column("total", "Jumlah", Kind.INTEGER),
    )
    rows = tuple(
        Row((r.number, _TOTAL if r.is_total and r.unit is None else r.unit, r.grade,
             r.grade_count, r.education, r.education_count, r.total),
            _kind(r.is_total), source=r.source)
        for r in plan.resources.staff_by_grade
    )
    return Table(
        "2.2", f"Komposisi Pegawai {_agency(plan)} Berdasarkan Pangkat/Golongan dan Pendidikan",
        columns, rows,
    )


def table_2_3(plan: Plan) -> Table:
    """Table 2.3, community social workers by kind."""
    columns = (
        Column("no", "No", Kind.INTEGER),
        Column("name", "Pekerja Sosial Masyarakat"),
        Column("count", "Jumlah", Kind.INTEGER),
    )
    rows = tuple(
        Row((r.number, _TOTAL if r.is_total and r.name is None else r.name, r.count),
            _kind(r.is_total), source=r.source)
        for r in plan.resources.social_workers
    )
    return Table("2.3", "Sumber Daya Manusia Pekerja Sosial Masyarakat", columns, rows)


def table_2_4(plan: Plan) -> Table:
    """Table 2.4, facilities and equipment."""
    columns = (
        Column("no", "No", Kind.INTEGER),
        Column("name", "Nama Barang"),
        Column("unit", "Satuan"),
        Column("count", "Jumlah", Kind.INTEGER),
    )
    rows = tuple(
        Row((r.number, _TOTAL if r.is_total and r.name is None else r.name, r.unit, r.count),
            _kind(r.is_total), source=r.source)
        for r in plan.resources.assets
    )
    return Table("2.4", "Sumber Daya Sarana dan Prasarana", columns, rows)


# -- by name ----------------------------------------------------------------------------------

TABLES: Final[dict[str, Callable[[Plan], Table]]] = {
    "TC-23": tc23,
    "TC-24": tc24,
    "TC-25": tc25,
    "TC-26": tc26,
    "TC-27": tc27,
    "7.1": table_7_1,
    "2.1": table_2_1,
    "2.2": table_2_2,
    "2.3": table_2_3,
    "2.4": table_2_4,
}
"""Every table by the name the command line knows it by, in the document's order of
importance (the T-C tables, 7.1, then chapter II)."""

_SQUASH: Final = re.compile(r"[^0-9A-Z]")


def _squash(name: str) -> str:
    return _SQUASH.sub("", name.upper())


_BY_SQUASHED: Final = {_squash(name): name for name in TABLES}


def table_names(plan: Plan | None = None) -> tuple[str, ...]:
    """The names :func:`build` knows, in order: the standard tables of :data:`TABLES`, then,
    given a *plan*, the numbers of its problem tables (3.1, 3.2, …)."""
    extra = tuple(t.number for t in plan.problem_tables) if plan is not None else ()
    return tuple(TABLES) + extra


def build(plan: Plan, name: str, lang: Lang | None = None) -> Table:
    """The table *name* of *plan*: a standard table of :data:`TABLES`, else the problem table
    of chapter III the plan numbers *name* (:mod:`~renstra_model.tables.problems`). Names are
    read loosely: ``TC-23``, ``T-C.23`` and ``tc23`` are one table, as are ``7.1`` and ``71``,
    and ``3.1``, ``3.1.`` and ``31``. :class:`UnknownTableError` (its message in *lang*, default:
    the default language, naming the tables of *plan*) when no table has the name."""
    squashed = _squash(name)
    found = _BY_SQUASHED.get(squashed)
    if found is not None:
        return TABLES[found](plan)
    for table in plan.problem_tables:
        if table.number == name or (squashed and _squash(table.number) == squashed):
            return problem_table(table)
    raise UnknownTableError(
        render("tables.unknown", {"name": name, "known": ", ".join(table_names(plan))}, lang)
    )


def build_all(plan: Plan) -> tuple[Table, ...]:
    """Every table of *plan*: the standard tables, in the order of :data:`TABLES`, then its
    problem tables, in the plan's order."""
    return tuple(builder(plan) for builder in TABLES.values()) + problem_tables(plan)

"""Rules on money: whole rupiah, targets without funding, missing and wrong ratios, growth
columns labelled as one statistic that compute as another, and realisations stated for years
that had not ended when the plan was adopted."""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterator, Mapping
from decimal import Decimal
from typing import TypeGuard

from ...calculators.arithmetic import CONTEXT, Result, Undefined
from ...calculators.growth import PeriodGrowth, period_growth
from ...calculators.ratios import agrees, places, realisation_ratio
from ...calculators.rollups import Field
from ...model.activities import Activity
from ...model.budget import BudgetLine, BudgetRow
from ...model.codes import Code
from ...model.values import MoneyCell, Nil
from ..findings import Location, Severity, Text
from ..registry import Context, Found, rule
from ..rulekit import (
    PlanIndex,
    activity_location,
    aims_at_zero,
    amount,
    computed,
    is_nil_or_zero,
    is_positive,
    money_positive,
    money_sum,
    table_of,
)
from .structure import _tc24_children

# -- whole-rupiah -----------------------------------------------------------------------------

Parts = Callable[[Field, int], Decimal | None]  # what a total adds up, by field and year


def _budget_lines(context: Context) -> Iterator[tuple[BudgetLine, Location, str, Parts | None]]:
    """Every budget line of the plan with the location of its row, its path, and, for a total
    (a parent of the tree, the TOTAL row, a T-C.24 row with rows under it), its parts."""
    plan, index = context.plan, context.index
    for path, activity in index.activities:
        budget = activity.budget
        if budget is None or activity.derived:
            continue  # a derived parent states no money
        source = budget.source or activity.source
        if source is not None and source.table == "T-C.24" and plan.budget_table:
            continue  # the same cells as the T-C.24 row, checked there
        parts = _tree_parts(index, activity) if activity.children else None
        yield budget, activity_location(activity, path), f"{path}.budget", parts
    if plan.total_budget is not None:
        yield (plan.total_budget, Location("T-C.27", None, None, "", "TOTAL"), "total_budget",
               lambda field, year: index.programs_sum(field).get(year))
    rows = plan.budget_table
    children = functools.cache(lambda: _tc24_children(rows))  # only once a fraction needs it
    parents = functools.cache(
        lambda: {a.code: a for _, a in index.activities if a.children and not a.derived})
    for k, row in enumerate(rows):
        yield (row.budget, Location("T-C.24", row.code, None, "", row.label),
               f"budget_table[{k}].budget", _row_parts(children, parents, index, k, row))


def _tree_parts(index: PlanIndex, activity: Activity) -> Parts:
    return lambda field, year: index.children_sum(activity, field).get(year)


def _row_parts(children: Callable[[], list[list[BudgetRow]]],
               parents: Callable[[], Mapping[Code, Activity]], index: PlanIndex, k: int,
               row: BudgetRow) -> Parts:
    """What a T-C.24 row adds up: the rows under it, or, for the lowest row of the table, the
    sub kegiatan of the same code in the activity tree (where their fraction is reported)."""

    def parts(field: Field, year: int) -> Decimal | None:
        below = children()[k]
        if below:
            return money_sum([getattr(r.budget, field).get(year) for r in below])
        activity = parents().get(row.code) if row.code is not None else None
        return index.rollup(activity, field).get(year) if activity is not None else None

    return parts


def _fraction(value: MoneyCell | None) -> TypeGuard[Decimal]:
    return isinstance(value, Decimal) and value != value.to_integral_value()


def _carried(value: Decimal, parts: Decimal | None) -> bool:
    """True when *value*'s fraction of a rupiah is the fraction its parts add up to: the
    fraction arose below, where it is reported."""
    return parts is not None and _fraction(parts) and not _fraction(CONTEXT.subtract(value, parts))


@rule(
    "RS301",
    "whole-rupiah",
    Severity.WARNING,
    title=Text("Amount is not whole rupiah", "Jumlah bukan rupiah utuh"),
    message=Text(
        "{value} is not a whole rupiah amount",
        "{value} bukan jumlah rupiah utuh",
    ),
    why=Text(
        "Regional budgets (APBD) are appropriated in whole rupiah; a fraction of a rupiah "
        "in a pagu or a realisation is an arithmetic leftover (a share, an average) that "
        "no DPA can carry. It is reported where it arises: a total that only carries the "
        "fraction of a part below it is not reported again.",
        "APBD dianggarkan dalam rupiah utuh; pecahan rupiah pada pagu atau realisasi adalah "
        "sisa hitungan (pembagian, rata-rata) yang tidak dapat dimuat DPA. Pecahan dilaporkan "
        "di tempat asalnya: total yang hanya membawa pecahan bagian di bawahnya tidak "
        "dilaporkan lagi.",
    ),
    example="T-C.24, Penyediaan Bahan Logistik Kantor, 2023: 67,668,207.5 (its kegiatan, "
    "program, bidang and the TOTAL carry the half rupiah and are not reported again)",
)
def not_whole_rupiah(context: Context) -> Iterator[Found]:
    """Every money cell with a fraction of a rupiah that its parts do not explain."""
    for line, base, path, parts in _budget_lines(context):
        fields: tuple[tuple[Field, Mapping[int, MoneyCell]], ...] = (
            ("planned", line.planned), ("realised", line.realised))
        for name, series in fields:
            for year, value in series.items():
                if _fraction(value) and not (parts and _carried(value, parts(name, year))):
                    yield Found(
                        Location(base.table, base.code, year, f"{path}.{name}[{year}]",
                                 base.row),
                        {"value": amount(value)},
                    )
        total = line.planned_total
        if _fraction(total) and not _carried(total, money_sum(list(line.planned.values()))):
            yield Found(
                Location(base.table, base.code, None, f"{path}.planned_total", base.row),
                {"value": amount(total)},
            )


# -- unfunded-target ---------------------------------------------------------------------------


def _target_years(context: Context) -> dict[int, frozenset[int]]:
    """For each sub kegiatan with indicators (by ``id``), the years in which one of its
    indicators sets a positive target."""
    return {
        id(activity): frozenset(
            year
            for ind in activity.indicators
            for year, target in ind.planned.items()
            if is_positive(target)
        )
        for _, activity in context.index.sub_kegiatan
        if activity.indicators
    }


@rule(
    "RS311",
    "unfunded-target",
    Severity.WARNING,
    title=Text("Target without funding", "Target tanpa pendanaan"),
    message=Text(
        "target {target} in {year} has no funding (Rp {money})",
        "target {target} pada {year} tanpa pendanaan (Rp {money})",
    ),
    why=Text(
        "Each sub kegiatan's yearly target must be paid for by its pagu indikatif of the same "
        "year (Permendagri 86/2017, T-C.27); a target with no money will not be reached, or "
        "its money is elsewhere.",
        "Target tahunan setiap sub kegiatan harus dibiayai pagu indikatif tahun yang sama "
        "(Permendagri 86/2017, T-C.27); target tanpa dana tidak akan tercapai, atau dananya "
        "ada di tempat lain.",
    ),
    example="T-C.27, 1 06 02 2.03 01, 2022: target 30 org, Rp -",
)
def target_without_funding(context: Context) -> Iterator[Found]:
    """Sub kegiatan with a positive target in a year whose pagu is nil, empty or zero."""
    target_years = context.shared(_target_years)
    for path, activity in context.index.sub_kegiatan:
        if not activity.indicators:
            continue
        planned = activity.budget.planned if activity.budget else {}
        with_target = target_years[id(activity)]
        for year in context.index.years:
            if year not in with_target:
                continue
            funded = planned.get(year)
            if is_nil_or_zero(funded):
                targets = [ind.planned.get(year) for ind in activity.indicators]
                first = next(t for t in targets if is_positive(t))
                yield Found(
                    activity_location(activity, path, year),
                    {"year": year, "target": str(first), "money": amount(funded)},
                )


@rule(
    "RS312",
    "unfunded-target",
    Severity.WARNING,
    title=Text("Funding without a target", "Pendanaan tanpa target"),
    message=Text(
        "Rp {money} in {year} buys no target (the targets are {targets:list})",
        "Rp {money} pada {year} tanpa target (targetnya {targets:list})",
    ),
    why=Text(
        "Money planned for a year in which the sub kegiatan sets no target cannot be "
        "measured: the Renja and the LKjIP will have nothing to report against it. A target "
        "of zero of an indicator where lower is better (zero cases) is a target.",
        "Dana yang direncanakan pada tahun tanpa target tidak dapat diukur: Renja dan LKjIP "
        "tidak punya ukuran untuk melaporkannya. Target nol pada indikator yang makin rendah "
        "makin baik (nol kasus) adalah target.",
    ),
    example="T-C.27, 1 06 02 2.01 01, 2022: Rp 65,950,088 with a target of 2 lokasi is fine; "
    "the rule reports the reverse, e.g. a nil target with money",
)
def funding_without_target(context: Context) -> Iterator[Found]:
    """Sub kegiatan with money in a year where no indicator sets a target: none is positive,
    and none is a zero of an indicator where lower is better (zero cases is a target)."""
    target_years = context.shared(_target_years)
    period = context.index.year_set
    for path, activity in context.index.sub_kegiatan:
        if not activity.indicators or activity.budget is None:
            continue
        with_target = target_years[id(activity)]
        for year, money in activity.budget.planned.items():
            if year in with_target or year not in period or not money_positive(money):
                continue
            if any(aims_at_zero(ind, year) for ind in activity.indicators):
                continue
            targets = [ind.planned.get(year) for ind in activity.indicators]
            yield Found(
                activity_location(activity, path, year),
                {"year": year, "money": amount(money),
                 "targets": [str(t) if t else None for t in targets]},
            )


# -- missing-ratio -----------------------------------------------------------------------------


def _ratio_stated(value: Decimal | Nil | None) -> bool:
    return isinstance(value, Decimal)


@rule(
    "RS321",
    "missing-ratio",
    Severity.WARNING,
    title=Text("Ratio missing where both sides exist", "Rasio kosong padahal kedua sisi ada"),
    message=Text(
        "{table} states no ratio on {count} rows ({years:list}), though both sides are stated "
        "(first: {row})",
        "{table} tidak menyatakan rasio pada {count} baris ({years:list}), padahal kedua sisinya "
        "ada (pertama: {row})",
    ),
    why=Text(
        "T-C.24 exists to show how much of each year's budget was realised, T-C.23 how much of "
        "each target; a row that states both figures but leaves the ratio empty or '-' hides "
        "exactly what the table is for.",
        "T-C.24 dibuat untuk menunjukkan berapa bagian anggaran yang terealisasi, T-C.23 berapa "
        "bagian target; baris yang memuat kedua angka tetapi rasionya kosong atau '-' "
        "menyembunyikan inti tabel itu.",
    ),
    example="T-C.24, 72 rows: ratio '-' in 2022-2026 beside budget and realisation (no "
    "finding in a plan adopted in 2021: realisations of years not yet ended are RS341's)",
)
def missing_ratio(context: Context) -> Iterator[Found]:
    """One finding per table (T-C.24, T-C.23) listing the rows whose ratio is missing in
    years where both sides are stated, leaving out the years that had not ended when the plan
    was adopted (a realisation stated for them is RS341's defect)."""
    plan = context.plan
    adopted = plan.adoption.date if plan.adoption is not None else None
    ended = [y for y in plan.period.years if adopted is None or y < adopted.year]
    if not ended:
        return
    budget_rows: list[tuple[str, list[int]]] = []
    for row in plan.budget_table:
        years = [
            y
            for y in ended
            if money_positive(row.budget.planned.get(y))
            and isinstance(row.budget.realised.get(y), Decimal)
            and not _ratio_stated(row.stated_ratio.get(y))
        ]
        if years:
            budget_rows.append((row.label, years))
    performance_rows: list[tuple[str, list[int]]] = []
    for perf in plan.service_performance:
        ind = perf.indicator
        years = [
            y
            for y in ended
            if is_positive(ind.planned.get(y))
            and ind.realised.get(y) is not None
            and not _ratio_stated(perf.stated_ratio.get(y))
        ]
        if years:
            performance_rows.append((str(perf.number), years))
    for table, path, rows in (
        ("T-C.24", "budget_table[*].stated_ratio", budget_rows),
        ("T-C.23", "service_performance[*].stated_ratio", performance_rows),
    ):
        if rows:
            years = sorted({y for _, ys in rows for y in ys})
            yield Found(
                Location(table, None, None, path, None),
                {"table": table, "count": len(rows), "years": list(years),
                 "row": rows[0][0], "rows": [r for r, _ in rows]},
            )


@rule(
    "RS322",
    "missing-ratio",
    Severity.ERROR,
    title=Text(
        "Stated ratio differs from the computed one", "Rasio tertulis berbeda dari hitungan"
    ),
    message=Text(
        "the ratio stated for {year} is {stated} %, but {numerator} / {denominator} "
        "is {computed:none.phrase.value.undefined} %",
        "rasio tahun {year} tertulis {stated} %, padahal {numerator} / {denominator} "
        "= {computed:none.phrase.value.undefined} %",
    ),
    why=Text(
        "A ratio is arithmetic on two figures of the same row; when it disagrees with them, "
        "either the ratio or a figure is wrong, and readers cannot tell which.",
        "Rasio adalah hitungan atas dua angka pada baris yang sama; bila tidak sesuai, salah "
        "satunya keliru dan pembaca tidak dapat mengetahui yang mana.",
    ),
    example="T-C.23 row 1, 2022: stated 100 % where realisation / target is 100 % (no finding)",
)
def wrong_ratio(context: Context) -> Iterator[Found]:
    """Stated ratios (T-C.24, T-C.23) that do not agree with realisation / target."""
    plan = context.plan

    def compare(
        location: Location, year: int, stated: Decimal, numerator: Decimal | Nil | None,
        denominator: Decimal | Nil | None,
    ) -> Iterator[Found]:
        value = realisation_ratio(numerator, denominator, year=year)
        if isinstance(value, Undefined) or not agrees(stated, value):
            yield Found(
                location,
                {
                    "year": year,
                    "stated": amount(stated),
                    "numerator": amount(numerator),
                    "denominator": amount(denominator),
                    "computed": computed(value, places(stated)),
                },
            )

    for k, row in enumerate(plan.budget_table):
        for year, stated in row.stated_ratio.items():
            if isinstance(stated, Decimal):
                loc = Location("T-C.24", row.code, year, f"budget_table[{k}].stated_ratio[{year}]",
                               row.label)
                yield from compare(
                    loc, year, stated, row.budget.realised.get(year), row.budget.planned.get(year)
                )
    for k, perf in enumerate(plan.service_performance):
        for year, stated in perf.stated_ratio.items():
            if not isinstance(stated, Decimal):
                continue
            real = perf.indicator.realised.get(year)
            target = perf.indicator.planned.get(year)
            loc = Location("T-C.23", None, year, f"service_performance[{k}].stated_ratio[{year}]",
                           str(perf.number))
            yield from compare(
                loc, year, stated,
                real.amount if real else None,
                target.amount if target else None,
            )


# -- statistic-label ---------------------------------------------------------------------------


def _growth_agrees(stated: Decimal | Nil, value: Result) -> bool:
    """T-C.24 prints '-' where a growth rate is zero or not defined."""
    if isinstance(stated, Nil):
        return isinstance(value, Undefined) or value == 0
    return agrees(stated, value)


_COLUMNS = (
    ("planned", "Rata-rata Pertumbuhan: Rencana Anggaran"),
    ("realised", "Rata-rata Pertumbuhan: Realisasi"),
)


def _growth(context: Context) -> dict[tuple[str, int], PeriodGrowth]:
    """The growth over the plan's years of every T-C.24 series that states a growth figure,
    by column and row number (shared by RS331 and RS332; the table computes the same,
    :func:`~renstra_model.calculators.growth.period_growth`)."""
    found: dict[tuple[str, int], PeriodGrowth] = {}
    years = context.index.year_set
    for column, _ in _COLUMNS:
        for k, row in enumerate(context.plan.budget_table):
            if getattr(row, f"stated_growth_{column}") is not None:
                series: Mapping[int, MoneyCell] = getattr(row.budget, column)
                found[column, k] = period_growth(series, years)
    return found


@rule(
    "RS331",
    "statistic-label",
    Severity.WARNING,
    title=Text(
        "Average growth column states another statistic",
        "Kolom rata-rata pertumbuhan memuat statistik lain",
    ),
    message=Text(
        "the growth of the last year, not the mean of the yearly growth, stands in "
        "{columns:phrase.growth_where} (first: {row}: stated {stated}, mean "
        "{mean:none.phrase.value.undefined}, CAGR {cagr:none.phrase.value.undefined})",
        "pertumbuhan tahun terakhir, bukan rata-rata pertumbuhan tahunan, tertulis di "
        "{columns:phrase.growth_where} (pertama: {row}: tertulis {stated}, rata-rata "
        "{mean:none.phrase.value.undefined}, CAGR {cagr:none.phrase.value.undefined})",
    ),
    why=Text(
        "T-C.24's 'Rata-rata Pertumbuhan' is the mean of the yearly growth rates. A column that "
        "holds the last year's growth under that label misstates the trend of the whole period "
        "to every reader of the plan. Where both growth columns do, one finding names both.",
        "'Rata-rata Pertumbuhan' T-C.24 adalah rata-rata laju pertumbuhan tahunan. Kolom yang "
        "berisi pertumbuhan tahun terakhir dengan label itu menyesatkan pembaca tentang tren "
        "seluruh periode. Bila kedua kolom pertumbuhan demikian, satu temuan menyebut keduanya.",
    ),
    example="T-C.24, URUSAN PEMERINTAHAN BIDANG SOSIAL: stated 14.49 = growth 2025-2026; "
    "the mean of yearly growth is 22.59, the CAGR 17.48 (both columns, 57 rows each)",
)
def growth_column_is_last_step(context: Context) -> Iterator[Found]:
    """One finding for the T-C.24 growth columns whose rows state the last step's growth."""
    plan = context.plan
    growth = context.shared(_growth)
    hits: dict[str, list[tuple[BudgetRow, Decimal, PeriodGrowth]]] = {}
    for column, _ in _COLUMNS:
        found: list[tuple[BudgetRow, Decimal, PeriodGrowth]] = []
        for k, row in enumerate(plan.budget_table):
            stated = getattr(row, f"stated_growth_{column}")
            if not isinstance(stated, Decimal):
                continue
            figures = growth[column, k]
            if _growth_agrees(stated, figures.mean):
                continue
            if _growth_agrees(stated, figures.last_step):
                found.append((row, stated, figures))
        if len(found) >= 2:
            hits[column] = found
    if not hits:
        return
    named = [(dict(_COLUMNS)[column], len(found)) for column, found in hits.items()]
    flagged = {id(row) for found in hits.values() for row, _, _ in found}
    rows = [row for row in plan.budget_table if id(row) in flagged]
    first, stated, figures = next(iter(hits.values()))[0]
    if len(named) == 1:
        path, row_name = f"budget_table[*].stated_growth_{next(iter(hits))}", named[0][0]
    else:
        path, row_name = "budget_table[*].stated_growth_*", "Rata-rata Pertumbuhan"
    yield Found(
        Location("T-C.24", None, None, path, row_name),
        {
            "columns": "one" if len(named) == 1 else "both",
            "labels": [label for label, _ in named],
            "sizes": [count for _, count in named],
            "column": ", ".join(label for label, _ in named),
            "count": len(rows),
            "counts": {column: len(found) for column, found in hits.items()},
            "row": first.label,
            "stated": amount(stated),
            "mean": computed(figures.mean),
            "cagr": computed(figures.cagr()),
            "rows": [row.label for row in rows],
            "rows_by_column": {column: [row.label for row, _, _ in found]
                               for column, found in hits.items()},
        },
    )


@rule(
    "RS332",
    "statistic-label",
    Severity.WARNING,
    title=Text(
        "Stated growth matches no statistic",
        "Pertumbuhan tertulis tidak cocok dengan statistik apa pun",
    ),
    message=Text(
        "stated growth {stated} is neither the mean of the yearly growth "
        "({mean:none.phrase.value.undefined}), the CAGR ({cagr:none.phrase.value.undefined}) "
        "nor the last year's growth ({last:none.phrase.value.undefined})",
        "pertumbuhan tertulis {stated} bukan rata-rata pertumbuhan tahunan "
        "({mean:none.phrase.value.undefined}), bukan CAGR ({cagr:none.phrase.value.undefined}), "
        "dan bukan pertumbuhan tahun terakhir ({last:none.phrase.value.undefined})",
    ),
    why=Text(
        "A growth figure that no computation of the row's own money over the plan's years "
        "reproduces cannot be checked or reused; it is a typing or copying error.",
        "Angka pertumbuhan yang tidak dapat dihitung ulang dari dana baris itu sendiri selama "
        "tahun-tahun rencana tidak dapat diperiksa atau dipakai; itu salah ketik atau salah salin.",
    ),
    example="a T-C.24 row stating 12.00 where the yearly growth is 4, 8, 10, 6",
)
def growth_matches_nothing(context: Context) -> Iterator[Found]:
    """T-C.24 rows whose stated growth matches none of mean, CAGR and last step."""
    plan = context.plan
    growth = context.shared(_growth)
    for column, _ in _COLUMNS:
        for k, row in enumerate(plan.budget_table):
            stated = getattr(row, f"stated_growth_{column}")
            if stated is None:
                continue
            # The CAGR (a fractional power) only when neither the mean nor the last step
            # reproduces the stated figure.
            figures = growth[column, k]
            mean, last = figures.mean, figures.last_step
            if _growth_agrees(stated, mean) or _growth_agrees(stated, last):
                continue
            rate = figures.cagr()
            if _growth_agrees(stated, rate):
                continue
            yield Found(
                Location("T-C.24", row.code, None,
                         f"budget_table[{k}].stated_growth_{column}", row.label),
                {
                    "stated": amount(stated),
                    "mean": computed(mean),
                    "cagr": computed(rate),
                    "last": computed(last),
                },
            )


# -- future-realisation ------------------------------------------------------------------------


@rule(
    "RS341",
    "future-realisation",
    Severity.ERROR,
    title=Text(
        "Realisation stated for a year not yet ended", "Realisasi untuk tahun yang belum berakhir"
    ),
    message=Text(
        "{table} states realisations for {years:list} on {count} rows, in a plan adopted on "
        "{adopted}",
        "{table} memuat realisasi tahun {years:list} pada {count} baris, dalam rencana yang "
        "ditetapkan "
        "{adopted}",
    ),
    why=Text(
        "A realisation is known only after its year has ended. Realisations for years after the "
        "plan's adoption are copies of the targets, and make every capaian computed from them "
        "meaningless (100 % by construction).",
        "Realisasi baru diketahui setelah tahunnya berakhir. Realisasi untuk tahun sesudah "
        "penetapan rencana hanyalah salinan target, dan membuat setiap capaian yang dihitung "
        "darinya tak bermakna (selalu 100 %).",
    ),
    example="T-C.23, adopted 9 September 2021: realisations stated for 2022-2026",
)
def future_realisation(context: Context) -> Iterator[Found]:
    """One finding per table (T-C.23, T-C.24, activity indicators and budgets) whose rows state
    realisations for years from the adoption year on."""
    plan = context.plan
    if plan.adoption is None or plan.adoption.date is None:
        return
    adopted = plan.adoption.date
    by_table: dict[str, tuple[set[int], list[str]]] = {}

    def note(table: str, row: str, years: list[int]) -> None:
        seen, rows = by_table.setdefault(table, (set(), []))
        seen.update(years)
        rows.append(row)

    first = adopted.year
    for site in context.index.sites:
        if site.indicator.realised and (years := [y for y in site.indicator.realised
                                                  if y >= first]):
            note(site.table or "?", site.row or str(site.code), years)
    for _, activity in context.index.activities:
        if not activity.derived and activity.budget is not None and activity.budget.realised and (
            years := [y for y in activity.budget.realised if y >= first]
        ):
            note(table_of(activity), str(activity.code), years)
    for row in plan.budget_table:
        if row.budget.realised and (years := [y for y in row.budget.realised if y >= first]):
            note("T-C.24", row.label, years)
    for table, (seen_years, rows) in by_table.items():
        yield Found(
            Location(table, None, min(seen_years) if len(seen_years) == 1 else None, "", None),
            {
                "table": table,
                "years": sorted(seen_years),
                "count": len(rows),
                "adopted": adopted.isoformat(),
                "rows": rows,
            },
        )


"""Rules on indicators: stated percentages against count / denominator (with the diagnosis of a
series shifted by a year), end-of-period values against the years, and the same indicator
stated differently in two tables."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from ...calculators.arithmetic import HUNDRED, Undefined
from ...calculators.end_of_period import end_of_period
from ...calculators.ratios import agrees, check_percentages, find_shift, share
from ...model.indicators import Aggregation, Indicator
from ...model.values import Nil, Quantity
from ..findings import Severity, Text
from ..registry import Context, Found, rule
from ..rulekit import (
    IndicatorSite,
    amount,
    cell,
    computed,
    same_unit,
    units_of,
)

# -- stated-percentage ------------------------------------------------------------------------


def denominator_of(indicator: Indicator, goal: Quantity | None = None) -> Quantity | None:
    """The figure a percentage of *indicator* is a share of: the cell stated at 100 % — the
    end of period (or the row's *goal*) first, then the baseline, then the latest year."""
    for q in (indicator.end_of_period, goal, indicator.baseline):
        if q is not None and q.percent is not None and q.percent == HUNDRED and isinstance(
            q.amount, Decimal
        ):
            return q
    for q in reversed(tuple(indicator.planned.values())):
        if q.percent is not None and q.percent == HUNDRED and isinstance(q.amount, Decimal):
            return q
    return None


def _percent_cells(site: IndicatorSite, baseline_year: int, last_year: int) -> tuple[
    dict[int, Decimal], dict[int, Decimal | None]
]:
    """The stated percentages by year (baseline included) and the counts by year; the end of
    period (or the row's goal) counts as the year after the last, so that a series shifted
    into the end-of-period column is recognised."""
    ind = site.indicator
    stated: dict[int, Decimal] = {}
    counts: dict[int, Decimal | None] = {}
    cells = [(baseline_year, ind.baseline), *ind.planned.items(),
             (last_year + 1, ind.end_of_period or site.goal)]
    for year, q in cells:
        if q is None:
            continue
        counts[year] = q.amount if isinstance(q.amount, Decimal) else None
        if q.percent is not None and year <= last_year:
            stated[year] = q.percent
    return stated, counts


_PercentSite = tuple[
    IndicatorSite, Quantity, dict[int, Decimal], dict[int, Decimal | None], int | None
]


def _percent_sites(context: Context) -> list[_PercentSite]:
    """The indicators with a denominator: site, denominator, stated percentages, counts, and
    the shift that explains the percentages (shared by RS201 and RS202)."""
    period = context.plan.period
    found: list[_PercentSite] = []
    for site in context.index.sites:
        base = denominator_of(site.indicator, site.goal)
        if base is None:
            continue
        stated, counts = _percent_cells(site, period.baseline_year, period.last_year)
        shift = find_shift(stated, counts, base.amount)
        if shift is None:
            shift = find_shift(stated, counts, base.amount, tolerate=1)
        found.append((site, base, stated, counts, shift))
    return found


def _explained(year: int, stated: Decimal, counts: dict[int, Decimal | None],
               denominator: Decimal | Nil, shift: int | None) -> bool:
    """True when *shift* explains the stated percentage of *year*."""
    if shift is None or counts.get(year + shift) is None:
        return False
    return agrees(stated, share(counts[year + shift], denominator))


@rule(
    "RS201",
    "stated-percentage",
    Severity.WARNING,
    title=Text("Stated percentage differs from count / denominator",
               "Persentase tertulis berbeda dari jumlah / penyebut"),
    message=Text(
        "{cell} states {stated} %, but {count} / {denominator} is {computed} %",
        "{cell} menyatakan {stated} %, padahal {count} / {denominator} = {computed} %",
    ),
    why=Text(
        "A cell such as '25.325 KPM (72,18 %)' states a count and the share it is of the "
        "indicator's denominator; when the two disagree, one of them is wrong and the "
        "indicator cannot be evaluated.",
        "Sel seperti '25.325 KPM (72,18 %)' menyatakan jumlah dan bagiannya dari penyebut "
        "indikator; bila keduanya tidak cocok, salah satunya keliru dan indikator tidak dapat "
        "dievaluasi.",
    ),
    example="T-C.27, 1 06 06 2.01 03, 2024: '4 Lokasi (80 %)' where 4 / 10 is 40 %",
)
def percentage_mismatch(context: Context) -> Iterator[Found]:
    """Cells whose stated percentage is not count / denominator — except in series that a
    shift explains (RS202 reports those once)."""
    for site, base, stated, counts, shift in context.shared(_percent_sites):
        denominator = base.amount
        checks = [c for c in check_percentages(stated, counts, denominator) if not c.agrees]
        for check in checks:
            if _explained(check.year, check.stated, counts, denominator, shift):
                continue  # RS202 reports the shift once
            yield Found(
                site.location(check.year),
                {"cell": f"{check.year}", "stated": amount(check.stated),
                 "count": amount(counts.get(check.year)), "denominator": amount(denominator),
                 "computed": computed(check.computed)},
            )
        end = site.indicator.end_of_period
        if end is not None and end is not base and end.percent is not None:
            value = share(end.amount if isinstance(end.amount, Decimal) else None, denominator)
            if not agrees(end.percent, value):
                yield Found(
                    site.location(),
                    {"cell": "end of period", "stated": amount(end.percent),
                     "count": amount(end.amount if isinstance(end.amount, Decimal) else None),
                     "denominator": amount(denominator), "computed": computed(value)},
                )


@rule(
    "RS202",
    "stated-percentage",
    Severity.WARNING,
    title=Text("Percentages shifted by a year", "Persentase bergeser satu tahun"),
    message=Text(
        "the percentages of {years} are each the share of the count of {shift:+d} year(s) "
        "later: {cells}",
        "persentase tahun {years} masing-masing adalah bagian dari jumlah {shift:+d} tahun "
        "kemudian: {cells}",
    ),
    why=Text(
        "When every stated percentage of a row matches count / denominator of a neighbouring "
        "year, the percentages were entered one column off. One finding names the shift and "
        "the cells, rather than one finding per cell.",
        "Bila setiap persentase suatu baris cocok dengan jumlah / penyebut tahun di sebelahnya, "
        "persentase itu tergeser satu kolom. Satu temuan menyebut pergeseran dan selnya, bukan "
        "satu temuan per sel.",
    ),
    example="Table 7.1 row 1: 72,18 % in 2022 is 28,026 / 38,827, the count of 2023",
)
def shifted_percentages(context: Context) -> Iterator[Found]:
    """One diagnosis per indicator whose percentages fit count / denominator shifted."""
    for site, base, stated, counts, shift in context.shared(_percent_sites):
        if shift is None:
            continue
        wrong = [
            c for c in check_percentages(stated, counts, base.amount)
            if not c.agrees and _explained(c.year, c.stated, counts, base.amount, shift)
        ]
        cells = "; ".join(
            f"{c.year}: {amount(c.stated)} % = {amount(counts.get(c.year + shift))} / "
            f"{amount(base.amount)}"
            for c in wrong
            if counts.get(c.year + shift) is not None
        )
        yield Found(
            site.location(),
            {"years": ", ".join(str(c.year) for c in wrong), "shift": shift, "cells": cells,
             "denominator": amount(base.amount)},
        )


# -- end-of-period ----------------------------------------------------------------------------


def _fits(ind: Indicator, years: tuple[int, ...], stated: Decimal) -> list[str]:
    kinds = (Aggregation.SUM, Aggregation.LAST, Aggregation.MAX)
    return [k.value for k in kinds if end_of_period(ind, years, k) == stated]


def _end_sites(context: Context) -> list[tuple[IndicatorSite, Decimal, Decimal]]:
    """The indicators whose stated end of period an aggregation can be compared with: site,
    stated and computed value (shared by RS211 and RS212)."""
    years = context.index.years
    found: list[tuple[IndicatorSite, Decimal, Decimal]] = []
    for site in context.index.sites:
        ind = site.indicator
        if ind.end_of_period is None or ind.aggregation in (None, Aggregation.STATED):
            continue
        if not isinstance(ind.end_of_period.amount, Decimal):
            continue
        value = end_of_period(ind, years)
        if isinstance(value, Undefined):
            continue
        found.append((site, ind.end_of_period.amount, value))
    return found


@rule(
    "RS211",
    "end-of-period",
    Severity.WARNING,
    title=Text("End of period follows another aggregation",
               "Akhir periode mengikuti agregasi lain"),
    message=Text(
        "the end of period {stated} is not the {kind} of the years ({value}) but their {fits}",
        "kondisi akhir periode {stated} bukan {kind} tahunan ({value}) melainkan {fits}",
    ),
    why=Text(
        "How the end-of-period value follows from the years depends on what the indicator "
        "counts: people served add up, a register's size is its last year. A value computed "
        "by another rule than the indicator's states a different target for the period.",
        "Cara kondisi akhir periode diturunkan dari nilai tahunan bergantung pada apa yang "
        "diukur: orang yang dilayani dijumlahkan, ukuran suatu daftar adalah tahun terakhirnya. "
        "Nilai yang dihitung dengan cara lain menyatakan target periode yang berbeda.",
    ),
    example="T-C.27, 1 06 01 2.08 01: 678 lembar every year, end of period 678 (the last "
    "year), where letters sent each year add up",
)
def end_follows_other_kind(context: Context) -> Iterator[Found]:
    """Stated end-of-period values that another aggregation reproduces."""
    years = context.index.years
    for site, stated, value in context.shared(_end_sites):
        if value == stated:
            continue
        fits = _fits(site.indicator, years, stated)
        if fits:
            assert site.indicator.aggregation is not None
            yield Found(site.location(), {
                "stated": amount(stated), "kind": site.indicator.aggregation.value,
                "value": amount(value), "fits": " / ".join(fits)})


@rule(
    "RS212",
    "end-of-period",
    Severity.WARNING,
    title=Text("End of period fits none of the years",
               "Akhir periode tidak cocok dengan tahun mana pun"),
    message=Text(
        "the end of period {stated} is neither the sum ({sum}), the last year ({last}) nor the "
        "largest year ({max}) of the targets",
        "kondisi akhir periode {stated} bukan jumlah ({sum}), bukan tahun terakhir ({last}), "
        "dan bukan tahun terbesar ({max}) dari target",
    ),
    why=Text(
        "An end-of-period target that no reading of the yearly targets gives is a target the "
        "plan never schedules: it will be evaluated against years that do not lead to it.",
        "Target akhir periode yang tidak dapat diturunkan dari target tahunan adalah target "
        "yang tidak pernah dijadwalkan rencana.",
    ),
    example="Table 7.1 row 1: end of period 38,827 KPM; the years run 25,325 … 36,127",
)
def end_fits_nothing(context: Context) -> Iterator[Found]:
    """Stated end-of-period values that neither sum, last nor max reproduces."""
    years = context.index.years
    for site, stated, value in context.shared(_end_sites):
        if value == stated or _fits(site.indicator, years, stated):
            continue
        ind = site.indicator
        yield Found(site.location(), {
            "stated": amount(stated),
            "sum": computed(end_of_period(ind, years, Aggregation.SUM), 0),
            "last": computed(end_of_period(ind, years, Aggregation.LAST), 0),
            "max": computed(end_of_period(ind, years, Aggregation.MAX), 0)})


# -- cross-table ------------------------------------------------------------------------------


def _figures_agree(a: Quantity, b: Quantity) -> bool:
    """True when any figure of *a* states *b*'s amount (and percent, where both state one)."""
    for fa in a.figures():
        for fb in b.figures():
            if fa.amount == fb.amount and (
                fa.percent is None or fb.percent is None or fa.percent == fb.percent
            ):
                return True
    return False


def _linked(context: Context) -> list[tuple[IndicatorSite, IndicatorSite, str]]:
    """Every link of the plan: the linking indicator's site, the linked one's, and the id
    (shared by RS221 and RS222)."""
    sites = {s.indicator.id: s for s in context.index.sites if s.indicator.id}
    return [
        (site, other, link)
        for site in sites.values()
        for link in site.indicator.links
        if (other := sites.get(link)) is not None
    ]


def _units_agree(a: set[str], b: set[str]) -> bool:
    return any(same_unit(x, y) for x in a for y in b)


@rule(
    "RS221",
    "cross-table",
    Severity.WARNING,
    title=Text("Same indicator stated differently in two tables",
               "Indikator yang sama dinyatakan berbeda di dua tabel"),
    message=Text(
        "{what}: {table} states {value}, {other_table} ({other}) states {other_value}",
        "{what}: {table} menyatakan {value}, {other_table} ({other}) menyatakan {other_value}",
    ),
    why=Text(
        "Where the document ties an indicator of one table to another (7.1 to T-C.23 and "
        "T-C.27, T-C.25 to T-C.27), the baseline and the yearly values must be the same; "
        "otherwise the plan promises two different results.",
        "Bila dokumen mengaitkan indikator satu tabel dengan tabel lain (7.1 dengan T-C.23 dan "
        "T-C.27, T-C.25 dengan T-C.27), nilai awal dan nilai tahunannya harus sama; jika tidak, "
        "rencana menjanjikan dua hasil berbeda.",
    ),
    example="T-C.27, 1 06 04 2.02 02: baseline '6 Panti', Table 7.1 row 3: '12,50 % (1 Panti)'",
)
def linked_values_differ(context: Context) -> Iterator[Found]:
    """Linked indicators whose baseline, yearly values or end of period disagree."""
    for site, other, link in context.shared(_linked):
        a, b = site.indicator, other.indicator
        pairs: list[tuple[str, int | None, Quantity | None, Quantity | None]] = [
            ("baseline", None, a.baseline, b.baseline),
            *(
                (str(y), y, a.planned.get(y), b.planned.get(y))
                for y in context.index.years
            ),
            ("end of period", None, a.end_of_period, b.end_of_period),
        ]
        for what, year, qa, qb in pairs:
            if qa is None or qb is None or _figures_agree(qa, qb):
                continue
            yield Found(site.location(year), {
                "what": what, "table": site.table, "value": cell(qa),
                "other_table": other.table, "other": other.row or str(other.code or link),
                "other_value": cell(qb), "link": link})


@rule(
    "RS222",
    "cross-table",
    Severity.INFO,
    title=Text("Same indicator in different units", "Indikator yang sama dengan satuan berbeda"),
    message=Text(
        "{table} counts in {units}, {other_table} ({other}) in {other_units}",
        "{table} memakai satuan {units}, {other_table} ({other}) memakai {other_units}",
    ),
    why=Text(
        "Linked indicators measured in different units (Lokasi vs unit, Korban vs org) cannot be "
        "compared or aggregated, and one of the two tables misnames what is counted.",
        "Indikator terkait dengan satuan berbeda (Lokasi vs unit, Korban vs org) tidak dapat "
        "dibandingkan atau dijumlahkan, dan salah satu tabel keliru menamai yang dihitung.",
    ),
    example="T-C.27, 1 06 06 2.01 03 in Lokasi; Table 7.1 row 6 in unit",
)
def linked_units_differ(context: Context) -> Iterator[Found]:
    """Linked indicators whose cells use disjoint units."""
    for site, other, link in context.shared(_linked):
        ua, ub = units_of(site.indicator), units_of(other.indicator)
        if ua and ub and not _units_agree(ua, ub):
            yield Found(site.location(), {
                "table": site.table, "units": ", ".join(sorted(ua)),
                "other_table": other.table, "other": other.row or link,
                "other_units": ", ".join(sorted(ub))})

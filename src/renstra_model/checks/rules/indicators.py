"""Rules on indicators: stated percentages against count / denominator (with the diagnosis of a
series shifted by a year), end-of-period values against the years, and the same indicator
stated differently in two tables.

Linked indicators (:attr:`~renstra_model.Indicator.links`, directly or through others) that
carry the same diagnosis are reported once, at the first of them in plan order, with the
others named in the finding (``also``)."""

from __future__ import annotations

from collections.abc import Hashable, Iterable, Iterator
from decimal import Decimal

from attrs import frozen

from ...calculators.arithmetic import Result, Undefined
from ...calculators.end_of_period import (
    Amount,
    aggregate,
    amounts,
    candidates,
    end_of_period,
    fits,
    fitting_kinds,
)
from ...calculators.ratios import (
    agrees,
    diagnose_percentages,
    places,
    series_denominator,
    share,
    shown,
)
from ...model.indicators import Aggregation, Indicator
from ...model.values import Quantity
from ..findings import Severity, Text
from ..registry import Context, Found, rule
from ..rulekit import (
    IndicatorSite,
    amount,
    cell,
    same_unit,
    units_of,
)

# -- linked copies ----------------------------------------------------------------------------


def _groups(context: Context) -> dict[int, int]:
    """The group of every site (by ``id``): the position of the first of the sites that links
    join it with, directly or through others."""
    sites = context.index.sites
    first: dict[str, int] = {}
    for k, site in enumerate(sites):
        if site.indicator.id:
            first.setdefault(site.indicator.id, k)
    parent = list(range(len(sites)))

    def root(k: int) -> int:
        while parent[k] != k:
            parent[k] = parent[parent[k]]
            k = parent[k]
        return k

    for k, site in enumerate(sites):
        for link in site.indicator.links:
            other = first.get(link)
            if other is not None:
                a, b = root(k), root(other)
                parent[max(a, b)] = min(a, b)
    return {id(site): root(k) for k, site in enumerate(sites)}


def once(context: Context, found: Iterable[tuple[IndicatorSite, Hashable, Found]]) -> Iterator[
    Found
]:
    """Each of *found* (site, what it diagnoses, finding) once among linked sites: the first
    of the linked sites with the same diagnosis, naming the others in ``also`` (which the
    message reads through ``phrase.same_in``). The sites are the plan's
    (``context.index.sites``)."""
    groups: dict[int, int] | None = None
    kept: dict[tuple[int, Hashable], tuple[Found, list[str]]] = {}
    for site, key, finding in found:
        if groups is None:
            groups = context.shared(_groups)
        slot = (groups[id(site)], key)
        if slot in kept:
            kept[slot][1].append(site.location().describe())
        else:
            kept[slot] = (finding, [])
    for finding, others in kept.values():
        yield Found(finding.location, {**finding.params, "also": ", ".join(others)},
                    finding.severity)


# -- stated-percentage ------------------------------------------------------------------------


def denominator_of(indicator: Indicator, goal: Quantity | None = None) -> Quantity | None:
    """The figure a percentage of *indicator* is a share of: the cell stated at 100 % — the
    end of period (or the row's *goal*) first, then the baseline, then the latest year."""
    for q in (indicator.end_of_period, goal, indicator.baseline):
        if q is not None and q.percent == 100 and isinstance(q.amount, Decimal):
            return q
    for q in reversed(tuple(indicator.planned.values())):
        if q.percent == 100 and isinstance(q.amount, Decimal):
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


@frozen
class Percentages:
    """An indicator's stated percentages beside their denominator: the denominator stated
    (*base*, the cell at 100 %) or else implied by most cells, the shift that explains them
    (:func:`~renstra_model.calculators.ratios.find_shift`), and the years whose percentage
    disagrees with count / denominator as stated."""

    site: IndicatorSite
    denominator: Decimal
    base: Quantity | None
    stated: dict[int, Decimal]
    counts: dict[int, Decimal | None]
    shift: int | None
    wrong: frozenset[int]
    explained: frozenset[int]
    """The wrong years the shift explains."""
    end_wrong: bool
    """True when the end of period (not the base) states a percentage that disagrees."""


def _has_percent(ind: Indicator) -> bool:
    for q in ind.planned.values():
        if q.percent is not None:
            return True
    return any(q is not None and q.percent is not None for q in (ind.baseline, ind.end_of_period))


def percentages(context: Context) -> list[Percentages]:
    """The indicators with stated percentages and a denominator (shared by RS201, RS202 and
    RS221, and by the end-of-period rules for the shift)."""
    period = context.plan.period
    found: list[Percentages] = []
    for site in context.index.sites:
        ind = site.indicator
        if not _has_percent(ind):
            continue  # a goal's own percentage is no cell to check: nothing to find
        base = denominator_of(ind, site.goal)
        stated, counts = _percent_cells(site, period.baseline_year, period.last_year)
        denominator = base.amount if base is not None else series_denominator(stated, counts)
        if not isinstance(denominator, Decimal):
            continue
        diagnosis = diagnose_percentages(stated, counts, denominator)
        end = ind.end_of_period
        end_wrong = (end is not None and end is not base and end.percent is not None
                     and not agrees(end.percent, share(_number(end), denominator)))
        found.append(Percentages(site, denominator, base, stated, counts, diagnosis.shift,
                                 diagnosis.wrong, diagnosis.explained, end_wrong))
    return found


def _number(q: Quantity) -> Decimal | None:
    return q.amount if isinstance(q.amount, Decimal) else None


def _percent_params(cell: int | str, stated: Decimal, count: Quantity | None,
                    denominator: Decimal, value: Result) -> dict[str, object]:
    """The values of RS201: the cell (a year or ``end_of_period``), the count as the cell
    states it (``-`` for a nil), and the share, None where it is undefined."""
    return {"cell": cell, "stated": amount(stated),
            "count": amount(None if count is None else count.amount),
            "denominator": amount(denominator), "computed": _text(shown(value, 2)),
            "expected": _text(shown(value, places(stated)))}


def _text(value: Decimal | None) -> str | None:
    return None if value is None else format(value, "f")


@rule(
    "RS201",
    "stated-percentage",
    Severity.WARNING,
    title=Text("Stated percentage differs from count / denominator",
               "Persentase tertulis berbeda dari jumlah / penyebut"),
    message=Text(
        "{cell:phrase.cell} states {stated} %, but {count} / {denominator} is "
        "{computed:none.phrase.value.undefined} %{also:if.phrase.same_in}",
        "{cell:phrase.cell} menyatakan {stated} %, padahal {count} / {denominator} = "
        "{computed:none.phrase.value.undefined} %{also:if.phrase.same_in}",
    ),
    why=Text(
        "A cell such as '25.325 KPM (72,18 %)' states a count and the share it is of the "
        "indicator's denominator: the cell stated at 100 %, or, where none is, the one most "
        "cells imply (each 'count (p %)' implies count × 100 / p). When a cell disagrees with "
        "the denominator the others agree with, its count or its percentage is wrong and the "
        "indicator cannot be evaluated. A series whose every percentage is one year off is "
        "one RS202 instead.",
        "Sel seperti '25.325 KPM (72,18 %)' menyatakan jumlah dan bagiannya dari penyebut "
        "indikator: sel yang tertulis 100 %, atau, bila tidak ada, penyebut yang ditunjukkan "
        "sebagian besar sel (setiap 'jumlah (p %)' menunjukkan jumlah × 100 / p). Bila satu sel "
        "tidak cocok dengan penyebut yang cocok bagi sel lain, jumlah atau persentasenya keliru "
        "dan indikator tidak dapat dievaluasi. Deret yang setiap persentasenya bergeser satu "
        "tahun menjadi satu RS202.",
    ),
    example="T-C.27, 1.06.06.2.01.0003, 2024: '4 Lokasi (80 %)' where 4 / 10 is 40 %",
)
def percentage_mismatch(context: Context) -> Iterator[Found]:
    """Cells whose stated percentage is not count / denominator — except those a shift
    explains (RS202 reports the shift once)."""

    base_year = context.plan.period.baseline_year

    def found() -> Iterator[tuple[IndicatorSite, Hashable, Found]]:
        for p in context.shared(percentages):
            site, denominator = p.site, p.denominator
            ind = site.indicator
            for year in sorted(p.wrong - p.explained):
                count = p.counts.get(year)
                cell = ind.baseline if year == base_year else ind.planned.get(year)
                params = _percent_params(year, p.stated[year], cell, denominator,
                                         share(count, denominator))
                yield site, (year, p.stated[year], count, denominator), Found(
                    site.location(year), params)
            end = site.indicator.end_of_period
            if p.end_wrong and end is not None and end.percent is not None:
                count = _number(end)
                params = _percent_params("end_of_period", end.percent, end, denominator,
                                         share(count, denominator))
                yield site, ("end", end.percent, count, denominator), Found(
                    site.location(), params)

    yield from once(context, found())


@rule(
    "RS202",
    "stated-percentage",
    Severity.WARNING,
    title=Text("Percentages shifted by a year", "Persentase bergeser satu tahun"),
    message=Text(
        "the percentages of {years:list} are each the share of the count of {shift:+d} "
        "year(s) later: {cells}{also:if.phrase.same_in}",
        "persentase tahun {years:list} masing-masing adalah bagian dari jumlah {shift:+d} "
        "tahun kemudian: {cells}{also:if.phrase.same_in}",
    ),
    why=Text(
        "When the stated percentages of a row that disagree with count / denominator match "
        "the count of a neighbouring year instead — at least two of them, more than the shift "
        "would break among those that agree — the percentages were entered one column off. "
        "One finding names the shift and the cells, rather than one finding per cell.",
        "Bila persentase tertulis suatu baris yang tidak cocok dengan jumlah / penyebut justru "
        "cocok dengan jumlah tahun di sebelahnya — sedikitnya dua, lebih banyak daripada yang "
        "dirusak pergeseran di antara yang cocok — persentase itu tergeser satu kolom. Satu "
        "temuan menyebut pergeseran dan selnya, bukan satu temuan per sel.",
    ),
    example="Table 7.1 row 1: 72,18 % in 2022 is 28,026 / 38,827, the count of 2023",
)
def shifted_percentages(context: Context) -> Iterator[Found]:
    """One diagnosis per indicator whose percentages fit count / denominator shifted."""

    def found() -> Iterator[tuple[IndicatorSite, Hashable, Found]]:
        for p in context.shared(percentages):
            if p.shift is None:
                continue
            shift = p.shift
            years = sorted(p.explained)  # two or more: a shift explains at least two years
            key = (shift, p.denominator,
                   tuple((y, p.stated[y], p.counts.get(y + shift)) for y in years))
            cells = "; ".join(
                f"{y}: {amount(p.stated[y])} % = {amount(p.counts.get(y + shift))} / "
                f"{amount(p.denominator)}" for y in years)
            yield p.site, key, Found(p.site.location(), {
                "years": years, "shift": shift, "cells": cells,
                "denominator": amount(p.denominator)})

    yield from once(context, found())


# -- end-of-period ----------------------------------------------------------------------------

@frozen
class EndReading:
    """An indicator's stated end of period beside the years: the indicator's own kind (None
    where it states none), the end by each kind, and the kinds that reproduce it
    (:func:`~renstra_model.calculators.end_of_period.fitting_kinds`). Where RS202 diagnoses a
    shift, the years are read shifted, as that finding reads them (the end of a series
    shifted by +1 is its last year)."""

    site: IndicatorSite
    stated: Decimal
    kind: Aggregation | None
    values: dict[Aggregation, Result]
    fits: tuple[Aggregation, ...]
    series: tuple[tuple[int, Amount], ...]
    shifted: bool

    @property
    def key(self) -> Hashable:
        """What linked copies with the same reading share: the stated end and the years."""
        return (self.stated, self.series)


def _shifted(site: IndicatorSite, years: tuple[int, ...], shift: int) -> dict[int, Amount]:
    """The years of *site* read shifted by *shift*: the baseline before the first, the end of
    period (or the row's goal) after the last."""
    ind = site.indicator
    before, after = years[0] - 1, years[-1] + 1
    outside = {before: ind.baseline, after: ind.end_of_period or site.goal}
    series: dict[int, Amount] = {}
    for year in years:
        q = outside.get(year + shift) if year + shift in outside else ind.planned.get(year + shift)
        series[year] = None if q is None else q.amount
    return series


def end_readings(context: Context) -> list[EndReading]:
    """The indicators whose stated end of period the years can be compared with, and that
    their own kind does not give (shared by RS211, RS212 and RS236): every indicator with an
    end of period stated as an amount and a target in every year, unless its kind is STATED
    or gives that end."""
    years = context.index.years
    shifts = {id(p.site): p.shift for p in context.shared(percentages) if p.shift is not None}
    found: list[EndReading] = []
    for site in context.index.sites:
        ind = site.indicator
        end = ind.end_of_period
        if end is None or not isinstance(end.amount, Decimal) or not years:
            continue
        kind = ind.aggregation
        if kind is Aggregation.STATED:
            continue
        shift = shifts.get(id(site))
        shifted = None if shift is None else _shifted(site, years, shift)
        if kind is not None:
            value = end_of_period(ind, years, kind) if shifted is None else aggregate(
                shifted, kind)
            if fits(value, end.amount, kind):
                continue  # the common case: the end of period the indicator's kind gives
        series = amounts(ind, years) if shifted is None else shifted
        values = candidates(series)
        if isinstance(values[Aggregation.SUM], Undefined):
            continue  # a year without a target: nothing to compare
        found.append(EndReading(site, end.amount, kind, values,
                                fitting_kinds(values, end.amount), tuple(series.items()),
                                shift is not None))
    return found


def _figure(value: Result) -> str | None:
    """An end-of-period value as message text: exact, or rounded to two places; None where
    it is undefined."""
    rounded = shown(value, 2)
    return None if rounded is None else format(rounded.normalize(), "f")


@rule(
    "RS211",
    "end-of-period",
    Severity.WARNING,
    title=Text("End of period follows another aggregation",
               "Akhir periode mengikuti agregasi lain"),
    message=Text(
        "the end of period {stated} is not the {kind:phrase.kind} of the years "
        "({value:none.phrase.value.undefined}) but their {fits:phrase.kind/slash}"
        "{also:if.phrase.same_in}",
        "kondisi akhir periode {stated} bukan {kind:phrase.kind} dari nilai tahunan "
        "({value:none.phrase.value.undefined}) melainkan {fits:phrase.kind/slash}"
        "{also:if.phrase.same_in}",
    ),
    why=Text(
        "How the end-of-period value follows from the years depends on what the indicator "
        "counts: people served add up, a register's size is its last year. An indicator that "
        "states its aggregation kind, but whose end of period another kind gives, states a "
        "different target for the period.",
        "Cara kondisi akhir periode diturunkan dari nilai tahunan bergantung pada apa yang "
        "diukur: orang yang dilayani dijumlahkan, ukuran suatu daftar adalah tahun terakhirnya. "
        "Indikator yang menyatakan jenis agregasinya, tetapi kondisi akhirnya diberikan jenis "
        "lain, menyatakan target periode yang berbeda.",
    ),
    example="an indicator of letters sent, stated as a sum: 678 lembar every year, end of "
    "period 678 (the last year)",
)
def end_follows_other_kind(context: Context) -> Iterator[Found]:
    """Stated end-of-period values that another kind than the indicator's reproduces."""

    def found() -> Iterator[tuple[IndicatorSite, Hashable, Found]]:
        for r in context.shared(end_readings):
            kind = r.kind
            if kind is None:
                continue  # RS236's, or RS212's
            others = [k.value for k in r.fits if k is not kind]
            if others:
                yield r.site, r.key, Found(r.site.location(), {
                    "stated": amount(r.stated), "kind": kind.value,
                    "value": _figure(r.values[kind]), "fits": others})

    yield from once(context, found())


@rule(
    "RS212",
    "end-of-period",
    Severity.WARNING,
    title=Text("End of period fits none of the years",
               "Akhir periode tidak cocok dengan tahun mana pun"),
    message=Text(
        "the end of period {stated} is neither the sum ({sum:none.phrase.value.undefined}), "
        "the last year ({last:none.phrase.value.undefined}), the largest year "
        "({max:none.phrase.value.undefined}) nor the mean ({mean:none.phrase.value.undefined}) "
        "of the targets{no_kind:if.phrase.no_kind}{also:if.phrase.same_in}",
        "kondisi akhir periode {stated} bukan jumlah ({sum:none.phrase.value.undefined}), "
        "bukan tahun terakhir ({last:none.phrase.value.undefined}), bukan tahun terbesar "
        "({max:none.phrase.value.undefined}), dan bukan rata-rata "
        "({mean:none.phrase.value.undefined}) dari target{no_kind:if.phrase.no_kind}"
        "{also:if.phrase.same_in}",
    ),
    why=Text(
        "An end-of-period target that no reading of the yearly targets gives is a target the "
        "plan never schedules: it will be evaluated against years that do not lead to it. "
        "The check needs no aggregation kind: it tries each. A series that RS202 finds "
        "shifted by a year is read shifted.",
        "Target akhir periode yang tidak dapat diturunkan dari target tahunan adalah target "
        "yang tidak pernah dijadwalkan rencana. Pemeriksaan ini tidak memerlukan jenis "
        "agregasi: setiap jenis dicoba. Deret yang menurut RS202 bergeser satu tahun dibaca "
        "dengan pergeseran itu.",
    ),
    example="3 orang every year, end of period 12, no aggregation kind stated",
)
def end_fits_nothing(context: Context) -> Iterator[Found]:
    """Stated end-of-period values that neither the indicator's kind nor any other
    reproduces."""

    def found() -> Iterator[tuple[IndicatorSite, Hashable, Found]]:
        for r in context.shared(end_readings):
            kind = r.kind
            if r.fits:
                continue
            values = r.values
            yield r.site, r.key, Found(r.site.location(), {
                "stated": amount(r.stated),
                "sum": _figure(values[Aggregation.SUM]),
                "last": _figure(values[Aggregation.LAST]),
                "max": _figure(values[Aggregation.MAX]),
                "mean": _figure(values[Aggregation.MEAN]),
                "no_kind": kind is None})

    yield from once(context, found())


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


def _wrong_percentages(context: Context) -> dict[int, tuple[frozenset[int], bool]]:
    """The cells of each site (by ``id``) whose stated percentage RS201's reading finds wrong
    (reported by RS201, or explained by RS202's shift): the years, and the end of period."""
    return {id(p.site): (p.wrong, p.end_wrong) for p in context.shared(percentages)}


def _units_agree(a: set[str], b: set[str]) -> bool:
    return any(same_unit(x, y) for x in a for y in b)


@rule(
    "RS221",
    "cross-table",
    Severity.WARNING,
    title=Text("Same indicator stated differently in two tables",
               "Indikator yang sama dinyatakan berbeda di dua tabel"),
    message=Text(
        "{what:phrase.cell}: {table} states {value}, {other_table} ({other}) states "
        "{other_value}",
        "{what:phrase.cell}: {table} menyatakan {value}, {other_table} ({other}) menyatakan "
        "{other_value}",
    ),
    why=Text(
        "Where the document ties an indicator of one table to another (7.1 to T-C.23 and "
        "T-C.27, T-C.25 to T-C.27), the baseline and the yearly values must be the same; "
        "otherwise the plan promises two different results. Where the counts agree and only "
        "a percentage differs that RS201 or RS202 finds wrong, that finding is the defect.",
        "Bila dokumen mengaitkan indikator satu tabel dengan tabel lain (7.1 dengan T-C.23 dan "
        "T-C.27, T-C.25 dengan T-C.27), nilai awal dan nilai tahunannya harus sama; jika tidak, "
        "rencana menjanjikan dua hasil berbeda. Bila jumlahnya sama dan hanya persentase yang "
        "berbeda, yang menurut RS201 atau RS202 keliru, temuan itulah cacatnya.",
    ),
    example="T-C.27, 1.06.04.2.02.0002: baseline '6 Panti', Table 7.1 row 3: "
    "'12,50 % (1 Panti)'",
)
def linked_values_differ(context: Context) -> Iterator[Found]:
    """Linked indicators whose baseline, yearly values or end of period disagree."""
    wrong = context.shared(_wrong_percentages)
    nothing: tuple[frozenset[int], bool] = (frozenset(), False)
    base_year = context.plan.period.baseline_year
    for site, other, link in context.shared(_linked):
        a, b = site.indicator, other.indicator
        pairs: list[tuple[str | int, int | None, Quantity | None, Quantity | None]] = [
            ("baseline", None, a.baseline, b.baseline),
            *((y, y, a.planned.get(y), b.planned.get(y)) for y in context.index.years),
            ("end_of_period", None, a.end_of_period, b.end_of_period),
        ]
        mine, theirs = wrong.get(id(site), nothing), wrong.get(id(other), nothing)
        for what, year, qa, qb in pairs:
            if qa is None or qb is None or _figures_agree(qa, qb):
                continue
            if _only_percent_differs(qa, qb):
                if what == "end_of_period":
                    if mine[1] or theirs[1]:
                        continue
                elif (y := base_year if year is None else year) in mine[0] or y in theirs[0]:
                    continue  # RS201 or RS202 reports the wrong percentage
            yield Found(site.location(year), {
                "what": what, "table": site.table, "value": cell(qa),
                "other_table": other.table, "other": other.row or str(other.code or link),
                "other_value": cell(qb), "link": link})


def _only_percent_differs(a: Quantity, b: Quantity) -> bool:
    """True when two cells state the same amount beside different percentages."""
    return (isinstance(a.amount, Decimal) and a.amount == b.amount
            and a.percent is not None and b.percent is not None and a.percent != b.percent)


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
    example="T-C.27, 1.06.06.2.01.0003 in Lokasi; Table 7.1 row 6 in unit",
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

"""Rules on values a plan leaves out (family ``missing-value``): sub kegiatan without an
indicator or a location, figures and indicators without a unit, programs and kegiatan without
a subtotal, indicator values and aggregation kinds not stated."""

from __future__ import annotations

import re
from collections.abc import Hashable, Iterator
from decimal import Decimal
from typing import Final

from ...model.activities import Activity
from ...model.codes import Level
from ...model.indicators import Indicator
from ...model.values import Quantity
from ..findings import Location, Severity, Text
from ..registry import Context, Found, rule
from ..rulekit import IndicatorSite, activity_location, amount, units_of
from .indicators import end_readings, once

# -- missing-value ----------------------------------------------------------------------------

BUDGET_TABLE: Final = "T-C.24"
"""The table that states the money of programs, kegiatan and sub kegiatan, but no indicator,
target or location: an activity read from it alone has none of them to be missing (RS238
reports, once, that it has no T-C.27 row)."""


def budget_table_only(activity: Activity) -> bool:
    """True when the activity's row was read from :data:`BUDGET_TABLE`, which cannot state its
    indicator or location."""
    return activity.source is not None and activity.source.table == BUDGET_TABLE


@rule(
    "RS231",
    "missing-value",
    Severity.WARNING,
    title=Text("Sub kegiatan without an indicator", "Sub kegiatan tanpa indikator"),
    message=Text(
        "{level:phrase.level} {code} {what:phrase.lacks}",
        "{level:phrase.level} {code} {what:phrase.lacks}",
    ),
    why=Text(
        "Every sub kegiatan of T-C.27 states an output indicator with yearly targets; without "
        "one, its money cannot be tied to any result.",
        "Setiap sub kegiatan T-C.27 menyatakan indikator keluaran dengan target tahunan; tanpa "
        "itu, dananya tidak terkait dengan hasil apa pun.",
    ),
    example="T-C.27, 1.06.01.2.08.0004: the indicator cell is empty",
)
def missing_indicator(context: Context) -> Iterator[Found]:
    """Sub kegiatan without indicators, and those whose first indicator states a baseline or
    a target but no name. A sub kegiatan read from T-C.24 alone, which states no indicator, is
    left to RS238."""
    for path, activity in context.index.sub_kegiatan:
        params = {"level": activity.level.value, "code": str(activity.code)}
        if not activity.indicators:
            if not budget_table_only(activity):
                yield Found(activity_location(activity, path),
                            {**params, "what": "no_indicator"})
            continue
        first = activity.indicators[0]
        if first.name is None and (first.baseline is not None or first.planned):
            yield Found(activity_location(activity, f"{path}.indicators[0]"),
                        {**params, "what": "unnamed_indicator"})


def _cells(ind: Indicator) -> list[tuple[str | int, Quantity | None]]:
    """The indicator's cells by name: ``baseline``, each year, ``end_of_period``
    (``phrase.cell`` reads them)."""
    return [("baseline", ind.baseline), *ind.planned.items(), ("end_of_period", ind.end_of_period)]


def _has_bare_amount(ind: Indicator) -> bool:
    """True when a baseline, target or end-of-period cell states an amount without a unit."""
    for q in ind.planned.values():
        if not q.unit and isinstance(q.amount, Decimal):
            return True
    return any(q is not None and not q.unit and isinstance(q.amount, Decimal)
               for q in (ind.baseline, ind.end_of_period))


@rule(
    "RS232",
    "missing-value",
    Severity.INFO,
    title=Text("Figure without a unit", "Angka tanpa satuan"),
    message=Text(
        "{cells:phrase.cell}: stated without the unit ({unit}) the other cells use",
        "{cells:phrase.cell}: tertulis tanpa satuan ({unit}) yang dipakai sel lain",
    ),
    why=Text(
        "A target '35' beside '20 orang' and '6 orang' leaves the reader to guess what is "
        "counted; each cell of an indicator states its unit.",
        "Target '35' di samping '20 orang' dan '6 orang' membuat pembaca menebak apa yang "
        "dihitung; setiap sel indikator menyatakan satuannya.",
    ),
    example="T-C.27, 1 06 06 2.01 04: end of period '35', other cells in orang",
)
def missing_unit(context: Context) -> Iterator[Found]:
    """Cells without a unit in indicators whose other cells state one."""
    for site in context.index.sites:
        ind = site.indicator
        if not _has_bare_amount(ind):
            continue  # the common case: every amount states its unit
        units = units_of(ind)
        if not units:
            continue
        bare = [name for name, q in _cells(ind)
                if q is not None and isinstance(q.amount, Decimal) and not q.unit]
        if bare:
            yield Found(site.location(), {"cells": bare, "unit": ", ".join(sorted(units))})


@rule(
    "RS233",
    "missing-value",
    Severity.WARNING,
    title=Text("Program or kegiatan without a subtotal", "Program atau kegiatan tanpa subtotal"),
    message=Text(
        "{level:phrase.level_cap} {code} states no pagu for {years:list}, though its sub "
        "kegiatan do",
        "{level:phrase.level_cap} {code} tidak menyatakan pagu untuk {years:list}, padahal sub "
        "kegiatannya ada",
    ),
    why=Text(
        "T-C.27 states the pagu of every program and kegiatan row; a missing subtotal hides the "
        "program's money from readers who do not add the rows themselves, and from the RPJMD "
        "cross-check.",
        "T-C.27 menyatakan pagu setiap baris program dan kegiatan; subtotal yang kosong "
        "menyembunyikan dana program dari pembaca dan dari pencocokan dengan RPJMD.",
    ),
    example="T-C.27, 1.06.05 PROGRAM PERLINDUNGAN DAN JAMINAN SOSIAL: no pagu in any year",
)
def missing_subtotal(context: Context) -> Iterator[Found]:
    """Programs and kegiatan whose children have money in years they state nothing for."""
    for path, activity in context.index.activities:
        if activity.derived or not activity.children:
            continue  # a derived parent's pagu is its children's sum, not a missing subtotal
        stated = activity.budget.planned if activity.budget else {}
        rolled = context.index.rollup(activity)
        years = [y for y in context.index.years if y not in stated and rolled.get(y, 0) > 0]
        if years:
            yield Found(activity_location(activity, path), {
                "level": activity.level.value, "code": str(activity.code), "years": years})


@rule(
    "RS234",
    "missing-value",
    Severity.INFO,
    title=Text("Indicator value missing", "Nilai indikator kosong"),
    message=Text(
        "the indicator states no {what:phrase.cell}",
        "indikator tidak menyatakan {what:phrase.cell}",
    ),
    why=Text(
        "T-C.27 and Table 7.1 give every indicator a baseline, a target for each year and an "
        "end-of-period value; an empty cell leaves that part of the plan unmeasurable.",
        "T-C.27 dan Tabel 7.1 memberi setiap indikator nilai awal, target tiap tahun dan "
        "kondisi akhir periode; sel kosong membuat bagian rencana itu tak terukur.",
    ),
    example="T-C.27, 1 06 06 2.02 02 (Tagana line): no end-of-period value",
)
def missing_indicator_value(context: Context) -> Iterator[Found]:
    """Indicators of T-C.27 and Table 7.1 with an empty baseline, year or end of period."""
    years = context.index.years
    for site in context.index.sites:
        if site.table not in ("T-C.27", "7.1") or (site.activity is not None and (
            site.activity.level is not Level.SUB_KEGIATAN
        )):
            continue
        ind = site.indicator
        missing: list[str | int] = [y for y in years if y not in ind.planned]
        if ind.baseline is None:
            missing.insert(0, "baseline")
        if ind.end_of_period is None:
            missing.append("end_of_period")
        if missing and len(missing) < len(years) + 2:
            yield Found(site.location(), {"what": missing})


@rule(
    "RS235",
    "missing-value",
    Severity.INFO,
    title=Text("Sub kegiatan without a location", "Sub kegiatan tanpa lokasi"),
    message=Text("sub kegiatan {code} states no location", "sub kegiatan {code} tanpa lokasi"),
    why=Text(
        "T-C.27 states where each sub kegiatan takes place (LOKASI); without it the plan cannot "
        "be mapped or checked against the spatial plan (RTRW).",
        "T-C.27 menyatakan lokasi setiap sub kegiatan; tanpa itu rencana tidak dapat dipetakan "
        "atau dicocokkan dengan RTRW.",
    ),
    example="T-C.27, 1.06.04.2.02.0003 Penyediaan Permakanaan: the location cell is empty",
)
def missing_location(context: Context) -> Iterator[Found]:
    """Sub kegiatan of the tree without a location. A sub kegiatan read from T-C.24 alone,
    which states no location, is left to RS238."""
    for path, activity in context.index.sub_kegiatan:
        if activity.location is None and not budget_table_only(activity):
            yield Found(activity_location(activity, path), {"code": str(activity.code)})


@rule(
    "RS236",
    "missing-value",
    Severity.INFO,
    title=Text("Indicator without an aggregation kind", "Indikator tanpa jenis agregasi"),
    message=Text(
        "indicator '{name}' states no aggregation kind; its end of period {stated} is "
        "{kind:phrase.reading}{also:if.phrase.same_in}",
        "indikator '{name}' tidak menyatakan jenis agregasi; kondisi akhir periode {stated} "
        "adalah {kind:phrase.reading}{also:if.phrase.same_in}",
    ),
    why=Text(
        "Whether an indicator's years add up (a flow) or the last one counts (a stock) is part "
        "of its definition. Where the indicator does not state it, the checks try each kind "
        "(sum, last year, largest year, mean; the largest year and the mean only where the "
        "last year does not give the end, since a rising series' last year is also its "
        "largest): when exactly one gives the stated end of period, this names it, so that "
        "the plan can state it; when none does, RS212 reports the end of period; when the sum "
        "and another kind both do, the years do not tell, and nothing is reported.",
        "Apakah nilai tahunan dijumlahkan (arus) atau tahun terakhir yang dihitung (stok) adalah "
        "bagian definisi indikator. Bila indikator tidak menyatakannya, pemeriksaan mencoba "
        "setiap jenis (jumlah, tahun terakhir, tahun terbesar, rata-rata; tahun terbesar dan "
        "rata-rata hanya bila tahun terakhir tidak memberikannya, karena tahun terakhir deret "
        "yang naik juga tahun terbesarnya): bila tepat satu memberikan kondisi akhir periode "
        "yang tertulis, temuan ini menyebutnya agar rencana dapat menyatakannya; bila tidak "
        "ada, RS212 melaporkan kondisi akhirnya; bila jumlah dan jenis lain sama-sama "
        "memberikannya, nilai tahunan tidak menunjukkannya, dan tidak ada yang dilaporkan.",
    ),
    example="T-C.27, 1.06.02.2.03.0005: 5 + 4 + 5 + 5 + 5 = 24 Kasus, the end of period, and "
    "no aggregation kind stated",
)
def missing_aggregation(context: Context) -> Iterator[Found]:
    """Indicators without an aggregation kind whose stated end of period exactly one kind
    gives (the series read as RS202 reads it is RS202's finding, not this one)."""

    def found() -> Iterator[tuple[IndicatorSite, Hashable, Found]]:
        for r in context.shared(end_readings):
            if r.kind is not None or len(r.fits) != 1 or r.shifted:
                continue
            ind = r.site.indicator
            yield r.site, r.key, Found(r.site.location(), {
                "name": ind.name or ind.id or "?", "stated": amount(r.stated),
                "kind": r.fits[0].value})

    yield from once(context, found())


_UNITLESS: Final = re.compile(
    r"%|\b(?:persentase|prosentase|presentase|persen|proporsi|rasio|ratio|indeks|indek|index"
    r"|skor|nilai|tingkat|angka|rata-rata|laju|cakupan)"
)
"""Words of an indicator's name that make its figures a percentage, an index, a ratio, a rate
or a score, which need no unit."""


def _states_a_unit(ind: Indicator) -> bool:
    """True when a figure of a baseline, target or end-of-period cell states a unit."""
    for q in (ind.baseline, ind.end_of_period, *ind.planned.values()):
        if q is not None and (q.unit or any(f.unit for f in q.also)):
            return True
    return False


@rule(
    "RS237",
    "missing-value",
    Severity.WARNING,
    title=Text("Indicator without a unit", "Indikator tanpa satuan"),
    message=Text(
        "indicator '{name}' states amounts ({cells:phrase.cell}) but no unit in any cell",
        "indikator '{name}' menyatakan angka ({cells:phrase.cell}) tanpa satuan di sel mana pun",
    ),
    why=Text(
        "A count stated without its unit ('25.325' where another table says '25.325 KPM') "
        "leaves the reader to guess what is counted, and cannot be compared with another "
        "table or added up. An indicator whose name makes it a percentage, an index, a ratio, "
        "a rate or a score (persentase, indeks, rasio, tingkat, nilai…), or whose every cell "
        "states only a percentage, needs none; a cell such as '72,18 %' states the unit %.",
        "Jumlah yang tertulis tanpa satuan ('25.325' padahal tabel lain menulis '25.325 KPM') "
        "membuat pembaca menebak apa yang dihitung, dan tidak dapat dibandingkan dengan tabel "
        "lain atau dijumlahkan. Indikator yang namanya menjadikannya persentase, indeks, rasio, "
        "tingkat atau nilai, atau yang setiap selnya hanya menyatakan persentase, tidak "
        "memerlukannya; sel seperti '72,18 %' menyatakan satuan %.",
    ),
    example="T-C.23 row 1, 'Jumlah PMKS yang tertangani': '72.18 % (25.325)' … "
    "'100.00 % (36.127)', no unit in any year",
)
def indicator_without_unit(context: Context) -> Iterator[Found]:
    """Indicators with amounts but no unit in any cell or column, unless a percentage, an
    index or the like by their name or cells. One finding per indicator."""
    for site in context.index.sites:
        ind = site.indicator
        if ind.unit is not None or _states_a_unit(ind):
            continue
        figures = [f for q in (ind.baseline, *ind.planned.values(), ind.end_of_period)
                   if q is not None for f in q.figures() if isinstance(f.amount, Decimal)]
        if not figures or all(f.percent == f.amount for f in figures):
            continue  # nothing stated, or only percentages
        if ind.name is not None and _UNITLESS.search(ind.name.casefold()):
            continue
        named = [name for name, q in _cells(ind)
                 if q is not None and isinstance(q.amount, Decimal)]
        yield Found(site.location(), {"name": ind.name or ind.id or "?", "cells": named})



EXAMPLES: Final = 5
"""How many codes RS238's message names (its ``codes`` hold them all)."""


@rule(
    "RS238",
    "missing-value",
    Severity.INFO,
    title=Text("Sub kegiatan stated only in T-C.24", "Sub kegiatan hanya dinyatakan di T-C.24"),
    message=Text(
        "{count} sub kegiatan are stated only in T-C.24 and have no T-C.27 row: {shown}",
        "{count} sub kegiatan hanya dinyatakan di T-C.24 dan tidak memiliki baris T-C.27: "
        "{shown}",
    ),
    why=Text(
        "T-C.24 states the budget and realisation of each program, kegiatan and sub kegiatan, "
        "but not its indicator, targets or location: T-C.27 states those. A sub kegiatan that "
        "T-C.24 budgets but T-C.27 has no row of (a row left out of the document, or of its "
        "copy) has no indicator or location the plan could state, so the rules that look for "
        "them leave it alone; this finding names such sub kegiatan once, so that their T-C.27 "
        "rows can be found or added.",
        "T-C.24 menyatakan anggaran dan realisasi setiap program, kegiatan dan sub kegiatan, "
        "tetapi tidak indikator, target atau lokasinya: T-C.27 yang menyatakannya. Sub "
        "kegiatan yang dianggarkan T-C.24 tetapi tidak memiliki baris T-C.27 (baris yang "
        "tertinggal dari dokumen atau salinannya) tidak memiliki indikator atau lokasi yang "
        "dapat dinyatakan rencana, sehingga aturan yang mencarinya melewatinya; temuan ini "
        "menyebut sub kegiatan itu sekali, agar baris T-C.27-nya dicari atau ditambahkan.",
    ),
    example="13 sub kegiatan are stated only in T-C.24 and have no T-C.27 row: "
    "1.06.01.2.02.0001, 1.06.01.2.02.0002, …",
)
def budget_table_only_sub_kegiatan(context: Context) -> Iterator[Found]:
    """One finding per plan whose tree holds sub kegiatan read from T-C.24 alone: how many,
    and their codes in tree order."""
    codes = [str(a.code) for _, a in context.index.sub_kegiatan if budget_table_only(a)]
    if not codes:
        return
    shown = ", ".join(codes[:EXAMPLES]) + (", …" if len(codes) > EXAMPLES else "")
    yield Found(Location(BUDGET_TABLE, None, None, "programs", None),
                {"count": len(codes), "codes": codes, "shown": shown})

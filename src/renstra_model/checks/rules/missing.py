"""Rules on values a plan leaves out (family ``missing-value``): sub kegiatan without an
indicator or a location, figures without a unit, programs and kegiatan without a subtotal,
indicator values and aggregation kinds not stated."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from ...model.codes import Level
from ..findings import Severity, Text
from ..registry import Context, Found, rule
from ..rulekit import activity_location, units_of

# -- missing-value ----------------------------------------------------------------------------


@rule(
    "RS231",
    "missing-value",
    Severity.WARNING,
    title=Text("Sub kegiatan without an indicator", "Sub kegiatan tanpa indikator"),
    message=Text(
        "{level} {code} has {what}",
        "{level_id} {code} {what_id}",
    ),
    why=Text(
        "Every sub kegiatan of T-C.27 states an output indicator with yearly targets; without "
        "one, its money cannot be tied to any result.",
        "Setiap sub kegiatan T-C.27 menyatakan indikator keluaran dengan target tahunan; tanpa "
        "itu, dananya tidak terkait dengan hasil apa pun.",
    ),
    example="T-C.27, 1 06 01 2.08 04: the indicator cell is empty",
)
def missing_indicator(context: Context) -> Iterator[Found]:
    """Sub kegiatan without indicators, and indicators without a name."""
    for path, activity in context.index.activities:
        if activity.level is not Level.SUB_KEGIATAN:
            continue
        params = {"level": "sub kegiatan", "level_id": "sub kegiatan", "code": str(activity.code)}
        if not activity.indicators:
            yield Found(activity_location(activity, path),
                        {**params, "what": "no indicator", "what_id": "tidak memiliki indikator"})
        for k, ind in enumerate(activity.indicators):
            if ind.name is None and ind.baseline is None and not ind.planned:
                continue
            if ind.name is None and k == 0:
                yield Found(activity_location(activity, f"{path}.indicators[{k}]"),
                            {**params, "what": "an indicator without a name",
                             "what_id": "memiliki indikator tanpa nama"})


@rule(
    "RS232",
    "missing-value",
    Severity.INFO,
    title=Text("Figure without a unit", "Angka tanpa satuan"),
    message=Text(
        "{cells}: stated without the unit ({unit}) the other cells use",
        "{cells}: tertulis tanpa satuan ({unit}) yang dipakai sel lain",
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
        units = units_of(ind)
        if not units:
            continue
        cells = [("baseline", ind.baseline), *((str(y), q) for y, q in ind.planned.items()),
                 ("end of period", ind.end_of_period)]
        bare = [name for name, q in cells
                if q is not None and isinstance(q.amount, Decimal) and not q.unit]
        if bare:
            yield Found(site.location(), {"cells": ", ".join(bare),
                                          "unit": ", ".join(sorted(units))})


@rule(
    "RS233",
    "missing-value",
    Severity.WARNING,
    title=Text("Program or kegiatan without a subtotal", "Program atau kegiatan tanpa subtotal"),
    message=Text(
        "{level} {code} states no pagu for {years}, though its sub kegiatan do",
        "{level} {code} tidak menyatakan pagu untuk {years}, padahal sub kegiatannya ada",
    ),
    why=Text(
        "T-C.27 states the pagu of every program and kegiatan row; a missing subtotal hides the "
        "program's money from readers who do not add the rows themselves, and from the RPJMD "
        "cross-check.",
        "T-C.27 menyatakan pagu setiap baris program dan kegiatan; subtotal yang kosong "
        "menyembunyikan dana program dari pembaca dan dari pencocokan dengan RPJMD.",
    ),
    example="T-C.27, 1 06 05 PROGRAM PERLINDUNGAN DAN JAMINAN SOSIAL: no pagu in any year",
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
                "level": activity.level.label, "code": activity.code.printed(),
                "years": ", ".join(str(y) for y in years)})


@rule(
    "RS234",
    "missing-value",
    Severity.INFO,
    title=Text("Indicator value missing", "Nilai indikator kosong"),
    message=Text(
        "the indicator states no {what}",
        "indikator tidak menyatakan {what_id}",
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
        missing = [str(y) for y in years if y not in ind.planned]
        if ind.baseline is None:
            missing.insert(0, "baseline")
        if ind.end_of_period is None:
            missing.append("end of period")
        if missing and len(missing) < len(years) + 2:
            yield Found(site.location(), {"what": ", ".join(missing),
                                          "what_id": ", ".join(missing)})


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
    example="T-C.27, 1 06 04 2.02 03 Penyediaan Permakanaan: the location cell is empty",
)
def missing_location(context: Context) -> Iterator[Found]:
    """Sub kegiatan of the tree without a location."""
    for path, activity in context.index.activities:
        if activity.level is Level.SUB_KEGIATAN and activity.location is None:
            yield Found(activity_location(activity, path), {"code": activity.code.printed()})


@rule(
    "RS236",
    "missing-value",
    Severity.INFO,
    title=Text("Indicator without an aggregation kind", "Indikator tanpa jenis agregasi"),
    message=Text(
        "indicator '{name}' has no aggregation kind; its end of period cannot be checked",
        "indikator '{name}' tidak memiliki jenis agregasi; kondisi akhirnya tidak dapat diperiksa",
    ),
    why=Text(
        "Whether an indicator's years add up (a flow) or the last one counts (a stock) is part "
        "of its definition; without it the end-of-period value is unverifiable.",
        "Apakah nilai tahunan dijumlahkan (arus) atau tahun terakhir yang dihitung (stok) adalah "
        "bagian definisi indikator; tanpanya kondisi akhir tidak dapat diverifikasi.",
    ),
    example="an indicator loaded from a spreadsheet that does not say how it aggregates",
)
def missing_aggregation(context: Context) -> Iterator[Found]:
    """Indicators with an end of period or yearly values but no aggregation kind."""
    for site in context.index.sites:
        ind = site.indicator
        if ind.aggregation is None and (ind.planned or ind.end_of_period is not None):
            yield Found(site.location(), {"name": ind.name or ind.id or "?"})


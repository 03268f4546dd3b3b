"""Rules on the plan's structure: subtotals that do not add up, code syntax and hierarchy the
model cannot enforce (the flat T-C.24, the agency's bidang urusan), and the same code named
differently in two tables."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from decimal import ROUND_HALF_UP, Decimal
from typing import Final

from ...calculators.arithmetic import CONTEXT, ZERO
from ...calculators.rollups import Field, add
from ...model.activities import Activity
from ...model.budget import BudgetRow
from ...model.codes import Code, Level
from ...model.nomenclature import normalise_name
from ...model.values import MoneyCell
from ..findings import Location, Severity, Text
from ..registry import Context, Found, rule
from ..rulekit import activity_location, amount, table_of, topmost

_ORDER = {
    Level.URUSAN: 0,
    Level.BIDANG_URUSAN: 1,
    Level.PROGRAM: 2,
    Level.KEGIATAN: 3,
    Level.SUB_KEGIATAN: 4,
}


def _money(value: MoneyCell) -> Decimal:
    return value if isinstance(value, Decimal) else Decimal(0)


def _rounds_to(stated: Decimal, total: Decimal) -> bool:
    """True when *stated* is *total* rounded half-up to whole rupiah (and they differ)."""
    return stated != total and total.quantize(Decimal(1), ROUND_HALF_UP) == stated


def _compare(
    stated: MoneyCell, total: Decimal, location: Location, params: dict[str, object]
) -> Iterator[Found]:
    value = _money(stated)
    if value == total:
        return
    params = {**params, "stated": amount(stated), "sum": amount(total)}
    if _rounds_to(value, total):
        yield Found(location, {**params, "rounded": True}, Severity.INFO)
    else:
        yield Found(location, {**params, "rounded": False})


_SUM_MESSAGE = Text(
    "{what:phrase.sum} {stated} differs from the sum of its parts {sum}"
    "{rounded:if.phrase.rounded}",
    "{what:phrase.sum} {stated} berbeda dari jumlah bagian-bagiannya {sum}"
    "{rounded:if.phrase.rounded}",
)


@rule(
    "RS101",
    "hierarchy-sum",
    Severity.ERROR,
    title=Text("Subtotal differs from the sum of its children",
               "Subtotal berbeda dari jumlah anak-anaknya"),
    message=_SUM_MESSAGE,
    why=Text(
        "A program's pagu is the sum of its kegiatan, a kegiatan's the sum of its sub kegiatan. "
        "A subtotal that does not add up makes the plan's money ambiguous: the Renja and the "
        "APBD cannot both follow it. A difference that is only the rounding of a fraction to "
        "whole rupiah is reported as info.",
        "Pagu program adalah jumlah kegiatannya, pagu kegiatan jumlah sub kegiatannya. Subtotal "
        "yang tidak sesuai membuat dana rencana ambigu. Selisih yang hanya berupa pembulatan "
        "ke rupiah utuh dilaporkan sebagai info.",
    ),
    example="a kegiatan stating Rp 100,000,000 for 2024 whose sub kegiatan add up to 95,000,000",
)
def subtotal_mismatch(context: Context) -> Iterator[Found]:
    """Activities whose stated yearly money differs from the sum of their children, and the
    T-C.27 total row against the sum of the programs."""
    plan = context.plan
    for path, activity in context.index.activities:
        if activity.derived or not activity.children or activity.budget is None:
            continue  # a derived parent states no figures to compare
        fields: tuple[tuple[Field, Mapping[int, MoneyCell]], ...] = (
            ("planned", activity.budget.planned),
            ("realised", activity.budget.realised),
        )
        for field, series in fields:
            if not series:
                continue
            sums = context.index.children_sum(activity, field)
            leaves = context.index.rollup(activity, field)
            for year, stated in series.items():
                total = sums.get(year)
                if total is None or _money(stated) == total:
                    continue
                if leaves.get(year) == _money(stated):
                    continue  # it adds up its sub kegiatan: a child's subtotal is wrong
                yield from _compare(
                    stated, total, activity_location(activity, path, year),
                    {"what": f"{activity.level.value}.{field}"},
                )
    if plan.total_budget is not None:
        sums = add(context.index.rollup(p, "planned") for p in plan.programs)
        for year, stated in plan.total_budget.planned.items():
            if year in sums and _money(stated) != sums[year]:
                yield from _compare(
                    stated, sums[year],
                    Location("T-C.27", None, year, f"total_budget.planned[{year}]", "TOTAL"),
                    {"what": "total"},
                )


@rule(
    "RS102",
    "hierarchy-sum",
    Severity.ERROR,
    title=Text("End-of-period pagu differs from the sum of the years",
               "Pagu akhir periode berbeda dari jumlah tahunan"),
    message=_SUM_MESSAGE,
    why=Text(
        "T-C.27's end-of-period pagu is the five yearly pagu added up; when it differs, the "
        "plan states two totals for the same money. A difference that is only the rounding "
        "of a fraction to whole rupiah is reported as info.",
        "Pagu akhir periode T-C.27 adalah jumlah lima pagu tahunan; bila berbeda, rencana "
        "menyatakan dua total untuk dana yang sama. Selisih pembulatan ke rupiah utuh "
        "dilaporkan sebagai info.",
    ),
    example="T-C.27, TOTAL ANGGARAN: 33,801,099,011 printed, the years add up to "
    "33,801,099,010.5 (info: rounded)",
)
def period_total_mismatch(context: Context) -> Iterator[Found]:
    """Stated end-of-period pagu (activities and the total row) against the sum of the years."""
    plan = context.plan
    for path, activity in context.index.activities:
        line = activity.budget
        if activity.derived or line is None or line.planned_total is None:
            continue
        years_sum = _years_sum(line.planned)
        if _money(line.planned_total) != years_sum:
            yield from _compare(line.planned_total, years_sum,
                                activity_location(activity, f"{path}.budget.planned_total"),
                                {"what": f"{activity.level.value}.period"})
    total = plan.total_budget
    if total is not None and total.planned_total is not None:
        location = Location("T-C.27", None, None, "total_budget.planned_total", "TOTAL")
        yield from _compare(total.planned_total, _years_sum(total.planned), location,
                            {"what": "total"})


def _years_sum(series: Mapping[int, MoneyCell]) -> Decimal:
    total = ZERO
    for value in series.values():
        total = CONTEXT.add(total, _money(value))
    return total


def _tc24_children(rows: tuple[BudgetRow, ...]) -> list[list[BudgetRow]]:
    """The rows one level under each row of T-C.24, by printed order (in one pass: a row's
    parent is the nearest row above it one level up, with no row of its level or above
    between them)."""
    children: list[list[BudgetRow]] = [[] for _ in rows]
    open_rows: list[tuple[int, int]] = []  # (depth, index) of the rows that may still get
    for k, row in enumerate(rows):
        depth = _ORDER[row.level]
        while open_rows and open_rows[-1][0] >= depth:
            open_rows.pop()
        if open_rows and open_rows[-1][0] == depth - 1:
            children[open_rows[-1][1]].append(row)
        open_rows.append((depth, k))
    return children


@rule(
    "RS103",
    "hierarchy-sum",
    Severity.ERROR,
    title=Text("T-C.24 row differs from the sum of the rows under it",
               "Baris T-C.24 berbeda dari jumlah baris di bawahnya"),
    message=_SUM_MESSAGE,
    why=Text(
        "T-C.24 lists the bidang urusan, its programs, kegiatan and sub kegiatan in order; each "
        "row's budget and realisation must be the sum of the rows one level under it.",
        "T-C.24 memuat bidang urusan, program, kegiatan dan sub kegiatan berurutan; anggaran "
        "dan realisasi setiap baris harus sama dengan jumlah baris satu tingkat di bawahnya.",
    ),
    example="a T-C.24 program row stating 1,079,316,066 whose kegiatan rows add up to "
    "1,079,316,000",
)
def tc24_sum_mismatch(context: Context) -> Iterator[Found]:
    """T-C.24 rows against the sum of the rows one level under them (by printed order)."""
    rows = context.plan.budget_table
    for k, (row, children) in enumerate(zip(rows, _tc24_children(rows), strict=True)):
        if not children:
            continue
        for field in ("planned", "realised"):
            series: Mapping[int, MoneyCell] = getattr(row.budget, field)
            if not series:
                continue
            sums = add(getattr(child.budget, field) for child in children)
            for year, stated in series.items():
                if year in sums and _money(stated) != sums[year]:
                    yield from _compare(
                        stated, sums[year],
                        Location("T-C.24", row.code, year,
                                 f"budget_table[{k}].budget.{field}[{year}]", row.label),
                        {"what": f"{row.level.value}.{field}"},
                    )


# -- code-syntax ------------------------------------------------------------------------------


_GENERIC_BIDANG: Final = ("X", "XX")


def outside_bidang(context: Context) -> tuple[tuple[str, Activity], ...]:
    """The topmost activities whose code lies outside the organisation's bidang urusan (not
    the generic X.XX form), with their paths; empty when the plan states no bidang. A derived
    parent states no code of its own: its sub kegiatan, which state it, are reported. Shared by
    RS111, which reports them, and the name rules, which leave their subtrees alone."""
    return context.shared(_outside_bidang)


def _outside_bidang(context: Context) -> tuple[tuple[str, Activity], ...]:
    own = context.plan.organisation.bidang_urusan
    if not own:
        return ()
    allowed = {c.segments for c in own} | {_GENERIC_BIDANG}

    def foreign(activity: Activity) -> bool:  # a tree's codes have three segments or more
        return not activity.derived and activity.code.segments[:2] not in allowed

    return tuple(topmost(context.index.activities, foreign))


@rule(
    "RS111",
    "code-syntax",
    Severity.WARNING,
    title=Text("Code outside the agency's bidang urusan",
               "Kode di luar bidang urusan perangkat daerah"),
    message=Text(
        "code {code} belongs to bidang urusan {bidang}, not to the agency's ({own})",
        "kode {code} termasuk bidang urusan {bidang}, bukan bidang urusan perangkat daerah ({own})",
    ),
    why=Text(
        "A Perangkat Daerah plans programs of the bidang urusan it is assigned; a code of "
        "another bidang is a typing error or belongs in another agency's Renstra.",
        "Perangkat daerah merencanakan program bidang urusan yang menjadi tugasnya; kode bidang "
        "lain adalah salah ketik atau milik Renstra perangkat daerah lain.",
    ),
    example="a Dinas Sosial (1.06) plan listing program 1.02.02",
)
def code_outside_bidang(context: Context) -> Iterator[Found]:
    """Activities whose code's bidang urusan is not among the organisation's: the topmost of
    each subtree so coded (its kegiatan and sub kegiatan carry the same code, one cause)."""
    plan = context.plan
    own = set(plan.organisation.bidang_urusan)
    if not own:
        return
    for path, activity in outside_bidang(context):
        bidang = activity.code.at_level(Level.BIDANG_URUSAN)
        yield Found(
            activity_location(activity, path),
            {"code": str(activity.code), "bidang": str(bidang),
             "own": ", ".join(str(c) for c in sorted(own))},
        )


@rule(
    "RS112",
    "code-syntax",
    Severity.ERROR,
    title=Text("T-C.24 code out of the hierarchy", "Kode T-C.24 keluar dari hierarki"),
    message=Text(
        "row '{row}' ({level:phrase.level}) has code {code}, which {why:phrase.code_why}",
        "baris '{row}' ({level:phrase.level}) berkode {code}, yang {why:phrase.code_why}",
    ),
    why=Text(
        "T-C.24 is a flat table whose hierarchy is its order: each row's code must be of the "
        "row's level and extend the code of the row above it one level up. Otherwise budgets "
        "are attributed to the wrong program or kegiatan.",
        "T-C.24 adalah tabel datar yang hierarkinya ditentukan urutan: kode setiap baris harus "
        "setingkat dengan barisnya dan merupakan turunan kode baris induk di atasnya.",
    ),
    example="a sub kegiatan row 1.06.04.2.02.0001 printed under kegiatan 1.06.04.2.01",
)
def tc24_code_hierarchy(context: Context) -> Iterator[Found]:
    """T-C.24 codes whose level differs from the row's, or that do not extend their parent's."""
    rows = context.plan.budget_table
    parents: list[Code | None] = [None] * len(_ORDER)  # the last code seen at each depth

    def found(k: int, row: BudgetRow, why: str, **about: str) -> Found:
        return Found(
            Location("T-C.24", row.code, None, f"budget_table[{k}].code", row.label),
            {"row": row.label, "level": row.level.value, "code": str(row.code), "why": why,
             **about},
        )

    for k, row in enumerate(rows):
        code = row.code
        if code is None:
            continue
        if code.level is not row.level:
            yield found(k, row, "level", actual=code.level.value)
            continue
        depth = _ORDER[row.level]
        parent = parents[depth - 1] if depth else None
        if parent is not None and not code.is_child_of(parent):
            yield found(k, row, "not_child", parent=str(parent))
        parents[depth] = code
        parents[depth + 1:] = [None] * (len(parents) - depth - 1)


@rule(
    "RS113",
    "code-syntax",
    Severity.WARNING,
    title=Text("Generic code in a plan", "Kode generik dalam rencana"),
    message=Text(
        "code {code} is the nomenclature's generic form; write the agency's own ({example})",
        "kode {code} adalah bentuk generik nomenklatur; tuliskan kode perangkat daerah ({example})",
    ),
    why=Text(
        "The nomenclature writes the supporting program common to every agency as X.XX.01; "
        "a plan must use its own urusan and bidang (1.06.01 for social affairs) so that its "
        "codes can be summed across agencies.",
        "Nomenklatur menulis program penunjang untuk semua perangkat daerah sebagai X.XX.01; "
        "rencana harus memakai urusan dan bidangnya sendiri (1.06.01 untuk sosial) agar kodenya "
        "dapat dijumlahkan lintas perangkat daerah.",
    ),
    example="X.XX.01.2.08.0001 in a Dinas Sosial plan instead of 1.06.01.2.08.0001",
)
def generic_code(context: Context) -> Iterator[Found]:
    """Activities (the topmost of each subtree so coded) or T-C.24 rows coded with the
    generic X.XX form."""
    plan = context.plan
    own = plan.organisation.bidang_urusan
    example_prefix = str(own[0]) if own else "1.06"
    for path, activity in topmost(context.index.activities,
                                  lambda a: a.code.segments[0] == "X" and not a.derived):
        specific = ".".join([example_prefix, *activity.code.segments[2:]])
        yield Found(activity_location(activity, path),
                    {"code": str(activity.code), "example": specific})
    for k, row in enumerate(plan.budget_table):
        if row.code is not None and row.code.segments[0] == "X":
            specific = ".".join([example_prefix, *row.code.segments[2:]])
            yield Found(Location("T-C.24", row.code, None, f"budget_table[{k}].code", row.label),
                        {"code": str(row.code), "example": specific})


# -- name-mismatch ----------------------------------------------------------------------------


@rule(
    "RS131",
    "name-mismatch",
    Severity.WARNING,
    title=Text("Same code named differently across tables",
               "Kode yang sama bernama berbeda antar tabel"),
    message=Text(
        "{code} is named '{name}' in {table} but '{other}' in {other_table}",
        "{code} bernama '{name}' di {table} tetapi '{other}' di {other_table}",
    ),
    why=Text(
        "A code names one program, kegiatan or sub kegiatan of the nomenclature; two names for "
        "one code in the same plan mean a copying error, and systems that match by name "
        "(SIPD imports, Renja cuts) will treat them as two activities. With a nomenclature "
        "that lists the code, RS122 and RS123 compare each name with the official one instead.",
        "Satu kode menamai satu program, kegiatan atau sub kegiatan; dua nama untuk satu kode "
        "dalam rencana yang sama berarti salah salin, dan sistem yang mencocokkan nama akan "
        "menganggapnya dua kegiatan. Bila nomenklatur yang diberikan memuat kodenya, RS122 dan "
        "RS123 membandingkan setiap nama dengan nama resmi sebagai gantinya.",
    ),
    example="1.06.02.2.01.0001: 'Fasilitas Pemberdayaan Sosial KAT' (T-C.27) vs "
    "'Fasilitasi Pemberdayaan Sosial KAT' (T-C.24)",
)
def name_differs_between_tables(context: Context) -> Iterator[Found]:
    """Activities of the tree whose name differs from T-C.24's label for the same code. Where
    the nomenclature is given and lists the code, RS122 and RS123 judge each name against the
    official one, and this rule does not repeat them."""
    plan = context.plan
    nomenclature = context.nomenclature
    labels: dict[Code, list[tuple[int, BudgetRow]]] = {}
    for k, row in enumerate(plan.budget_table):
        if row.code is not None:
            labels.setdefault(row.code, []).append((k, row))
    for path, activity in context.index.activities:
        rows = labels.get(activity.code)
        if not rows or _read_from_tc24(activity) or (
            nomenclature is not None and activity.code in nomenclature
        ):
            continue
        for _k, row in rows:
            if activity.name is not None and activity.name != row.label and (
                normalise_name(activity.name) != normalise_name(row.label)
            ):
                yield Found(
                    activity_location(activity, path),
                    {"code": str(activity.code), "name": activity.name,
                     "table": table_of(activity), "other": row.label, "other_table": "T-C.24"},
                )


def _read_from_tc24(activity: Activity) -> bool:
    """An activity built from T-C.24 itself is not compared with T-C.24."""
    return activity.source is not None and activity.source.table == "T-C.24"


"""The missing-value rules (RS231-RS238) on small plans of the shapes real plans have: each
test names the exact findings (rule, location, key params) and renders the messages in both
languages. RS236 reads the end of period as the indicator rules do: its readings are pinned in
``test_rules_indicators.py``."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from typing import Any

from renstra_model import (
    NIL,
    Activity,
    BudgetLine,
    Code,
    Indicator,
    Level,
    Nil,
    Organisation,
    Period,
    Plan,
    Quantity,
    Source,
)
from renstra_model.checks import check
from renstra_model.model.goals import Goal, Target
from renstra_model.model.indicators import Aggregation
from renstra_model.model.performance import KeyIndicator, PerformanceRow

D = Decimal
YEARS = tuple(range(2022, 2027))
KEGIATAN = "1.06.05.2.02"


def q(amount: int | str | Nil, unit: str | None = "org", percent: int | None = None,
      also: Sequence[Quantity] = ()) -> Quantity:
    value = NIL if amount in ("-", NIL) else D(str(amount))
    return Quantity(value, unit, None if percent is None else D(percent), also=tuple(also))


def every_year(amount: int | str = 3, unit: str | None = "org") -> dict[int, Quantity]:
    return {y: q(amount, unit) for y in YEARS}


def money(*amounts: int | Nil | None) -> BudgetLine:
    """A budget line from 2022 on; None leaves the year empty."""
    return BudgetLine(planned={y: D(a) if isinstance(a, int) else a
                               for y, a in zip(YEARS, amounts, strict=False) if a is not None})


def sub(number: int, *indicators: Indicator, location: str | None = "Kefamenanu",
        budget: BudgetLine | None = None, table: str | None = None) -> Activity:
    """Sub kegiatan *number* of kegiatan 1.06.05.2.02, read from *table* (T-C.27 unless
    given)."""
    code = Code.parse(f"{KEGIATAN}.{number:04d}")
    return Activity(code, Level.SUB_KEGIATAN, f"Sub {number}", indicators=list(indicators),
                    location=location, budget=budget,
                    source=None if table is None else Source(table, str(code)))


def plan(*subs: Activity, kegiatan: BudgetLine | None = None, program: BudgetLine | None = None,
         derived: bool = False, key: Sequence[Indicator] = (),
         performance: Sequence[Indicator] = (), goals: Sequence[Indicator] = (),
         kegiatan_indicators: Sequence[Indicator] = ()) -> Plan:
    """A plan of program 1.06.05, kegiatan 1.06.05.2.02 and *subs*; Table 7.1 holds *key*,
    T-C.23 *performance*, T-C.25 *goals*."""
    children = [Activity(Code.parse(KEGIATAN), Level.KEGIATAN, None if derived else "Kegiatan",
                         children=list(subs), budget=kegiatan, derived=derived,
                         indicators=list(kegiatan_indicators))] if subs else []
    programs = [Activity(Code.parse("1.06.05"), Level.PROGRAM, "Program", children=children,
                         budget=program)] if subs else []
    return Plan(
        title="Fixture", organisation=Organisation("Dinas Sosial", "Kabupaten Contoh"),
        period=Period(2021, 2022, 2026), programs=programs,
        key_indicators=[KeyIndicator(k + 1, ind) for k, ind in enumerate(key)],
        service_performance=[PerformanceRow(k + 1, ind) for k, ind in enumerate(performance)],
        goals=[Goal("Tujuan", targets=[Target("Sasaran", indicators=list(goals))])] if goals
        else [],
    )


def found(p: Plan, rule: str, keys: Sequence[str] = ()) -> list[tuple[Any, ...]]:
    """The findings of *rule* on *p*: where (described, and the path), and the params *keys*."""
    return [(f.location.describe(), f.location.path, *(f.params[k] for k in keys))
            for f in check(p, select=[rule])]


def messages(p: Plan, rule: str) -> list[tuple[str, str]]:
    """The messages of *rule*'s findings on *p*, in English and in Indonesian."""
    return [(f.message(), f.message("id")) for f in check(p, select=[rule])]


def named(name: str | None = "Jumlah KPM", **cells: Any) -> Indicator:
    return Indicator(name, **cells)


SUB = f"T-C.27 {KEGIATAN}"
PATH = "programs[0].children[0].children"


# -- RS231: sub kegiatan without an indicator ---------------------------------------------------


def test_rs231_a_sub_kegiatan_without_an_indicator_or_a_named_one() -> None:
    p = plan(
        sub(1),  # no indicator
        sub(2, named(None, planned=every_year())),  # the first indicator has no name
        sub(3, named(None, baseline=q(2))),  # a baseline alone is stated
        sub(4, named(), named(None, planned=every_year())),  # a second line of the first
        sub(5, named(None, end_of_period=q(12))),  # an end of period only: an empty line
        sub(6, named(None)),  # an empty indicator line
        sub(7, named()),
    )
    assert found(p, "RS231", keys=["what"]) == [
        (f"{SUB}.0001", f"{PATH}[0]", "no_indicator"),
        (f"{SUB}.0002", f"{PATH}[1].indicators[0]", "unnamed_indicator"),
        (f"{SUB}.0003", f"{PATH}[2].indicators[0]", "unnamed_indicator"),
    ]
    assert dict(check(p, select=["RS231"])[0].params) == {
        "level": "sub_kegiatan", "code": "1.06.05.2.02.0001", "what": "no_indicator"}
    assert messages(p, "RS231") == [
        ("sub kegiatan 1.06.05.2.02.0001 has no indicator",
         "sub kegiatan 1.06.05.2.02.0001 tidak memiliki indikator"),
        ("sub kegiatan 1.06.05.2.02.0002 has an indicator without a name",
         "sub kegiatan 1.06.05.2.02.0002 memiliki indikator tanpa nama"),
        ("sub kegiatan 1.06.05.2.02.0003 has an indicator without a name",
         "sub kegiatan 1.06.05.2.02.0003 memiliki indikator tanpa nama"),
    ]


def test_rs231_and_rs235_leave_a_sub_kegiatan_of_t_c24_alone_to_rs238() -> None:
    p = plan(sub(1, location=None, table="T-C.24"), sub(2, named(), table="T-C.27"),
             sub(3, location=None, table="T-C.27"))
    assert found(p, "RS231") == [("T-C.27 1.06.05.2.02.0003", f"{PATH}[2]")]
    assert found(p, "RS235", keys=["code"]) == [
        ("T-C.27 1.06.05.2.02.0003", f"{PATH}[2]", "1.06.05.2.02.0003")]
    assert found(p, "RS238", keys=["count", "codes", "shown"]) == [
        ("T-C.24", "programs", 1, ["1.06.05.2.02.0001"], "1.06.05.2.02.0001")]


# -- RS232: a figure without the unit of the others ---------------------------------------------


def test_rs232_names_the_cells_without_the_unit_the_others_state() -> None:
    bare_year = named(baseline=q(4, "Orang"), planned={**every_year(), 2024: q(35, None)},
                      end_of_period=q(12, None))
    bare_baseline = named(baseline=q(4, None), planned=every_year(unit="KPM"))
    two_units = named(planned={2022: q(1, "KPM"), 2023: q(1, "Orang"), 2024: q(2, None)})
    nil_without_unit = named(baseline=q("-", None), planned=every_year(),
                             end_of_period=q("-", None))
    no_unit_at_all = named(planned=every_year(unit=None))
    several_figures = named(planned={2022: q(1, "KPM", also=[q(2, "Lokasi")]), 2023: q(2, None)})
    bare_years = named(baseline=q(4, "KPM"), planned={2022: q(5, None), 2023: q(6, None)})
    p = plan(key=[bare_year, bare_baseline, two_units, nil_without_unit, no_unit_at_all,
                  several_figures, bare_years])
    assert found(p, "RS232", keys=["cells", "unit"]) == [
        ("7.1 1", "key_indicators[0].indicator", [2024, "end_of_period"], "orang, org"),
        ("7.1 2", "key_indicators[1].indicator", ["baseline"], "kpm"),
        ("7.1 3", "key_indicators[2].indicator", [2024], "kpm, orang"),
        ("7.1 7", "key_indicators[6].indicator", [2022, 2023], "kpm"),
    ]
    assert messages(p, "RS232")[:2] == [
        ("2024, end of period: stated without the unit (orang, org) the other cells use",
         "2024, kondisi akhir periode: tertulis tanpa satuan (orang, org) yang dipakai sel "
         "lain"),
        ("baseline: stated without the unit (kpm) the other cells use",
         "kondisi awal: tertulis tanpa satuan (kpm) yang dipakai sel lain")]


# -- RS233: a parent without a subtotal --------------------------------------------------------


def test_rs233_names_the_years_a_parent_states_no_pagu_for() -> None:
    funded = sub(1, named(), budget=money(100, 100, 0, NIL, 1))
    p = plan(funded, kegiatan=money(100, 100), program=money(None, 200, 200, 200, 200))
    assert found(p, "RS233", keys=["level", "code", "years"]) == [
        ("T-C.27 1.06.05", "programs[0]", "program", "1.06.05", [2022]),
        # 2024 and 2025 roll up to nothing (0 and '-'), 2026 to one rupiah
        (f"T-C.27 {KEGIATAN}", "programs[0].children[0]", "kegiatan", KEGIATAN, [2026]),
    ]
    assert messages(p, "RS233") == [
        ("Program 1.06.05 states no pagu for 2022, though its sub kegiatan do",
         "Program 1.06.05 tidak menyatakan pagu untuk 2022, padahal sub kegiatannya ada"),
        ("Kegiatan 1.06.05.2.02 states no pagu for 2026, though its sub kegiatan do",
         "Kegiatan 1.06.05.2.02 tidak menyatakan pagu untuk 2026, padahal sub kegiatannya ada"),
    ]


def test_rs233_leaves_derived_parents_leaves_and_parents_without_money_below() -> None:
    funded = sub(1, named(), budget=money(100, 100, 100, 100, 100))
    assert found(plan(funded, program=money(*[100] * 5), derived=True), "RS233") == []
    unfunded = sub(1, named(), budget=money(0, NIL))
    assert found(plan(unfunded), "RS233") == []
    assert found(plan(funded), "RS233", keys=["years"]) == [
        ("T-C.27 1.06.05", "programs[0]", [2022, 2023, 2024, 2025, 2026]),
        (f"T-C.27 {KEGIATAN}", "programs[0].children[0]", [2022, 2023, 2024, 2025, 2026]),
    ]


# -- RS234: an indicator value missing ---------------------------------------------------------


def test_rs234_names_the_empty_cells_of_an_indicator() -> None:
    gaps = named(baseline=None, planned={2022: q(1), 2024: q(1)}, end_of_period=None)
    complete = named(baseline=q(1), planned=every_year(), end_of_period=q(3))
    no_end = named(baseline=q(1), planned=every_year(), end_of_period=None)
    nothing = named()  # nothing stated: no row to fill, not seven empty cells
    only_end = named(end_of_period=q(3))
    p = plan(sub(1, gaps, no_end), key=[complete, nothing, only_end, no_end],
             performance=[gaps], goals=[gaps], kegiatan_indicators=[gaps])
    whole = ["baseline", 2022, 2023, 2024, 2025, 2026]
    assert [dict(f.params) for f in check(p, select=["RS234"])] == [
        {"what": whole}, {"what": ["end_of_period"]},
        {"what": ["baseline", 2023, 2025, 2026, "end_of_period"]}, {"what": ["end_of_period"]}]
    assert found(p, "RS234") == [
        ("7.1 3", "key_indicators[2].indicator"), ("7.1 4", "key_indicators[3].indicator"),
        (f"{SUB}.0001", f"{PATH}[0].indicators[0]"), (f"{SUB}.0001", f"{PATH}[0].indicators[1]"),
    ]
    assert messages(p, "RS234")[1:3] == [
        ("the indicator states no end of period",
         "indikator tidak menyatakan kondisi akhir periode"),
        ("the indicator states no baseline, 2023, 2025, 2026, end of period",
         "indikator tidak menyatakan kondisi awal, 2023, 2025, 2026, kondisi akhir periode")]


def test_rs234_reads_the_indicators_of_t_c27_and_table_7_1_only() -> None:
    no_end = named(baseline=q(1), planned=every_year())
    p = plan(sub(1, no_end, table="T-C.27"), sub(2, no_end, table="T-C.24"))
    assert found(p, "RS234", keys=["what"]) == [
        (f"{SUB}.0001", f"{PATH}[0].indicators[0]", ["end_of_period"])]


# -- RS235: a sub kegiatan without a location --------------------------------------------------


def test_rs235_a_sub_kegiatan_without_a_location() -> None:
    p = plan(sub(1, named()), sub(2, named(), location=None))
    assert found(p, "RS235", keys=["code"]) == [(f"{SUB}.0002", f"{PATH}[1]", f"{KEGIATAN}.0002")]
    assert messages(p, "RS235") == [(
        "sub kegiatan 1.06.05.2.02.0002 states no location",
        "sub kegiatan 1.06.05.2.02.0002 tanpa lokasi")]


# -- RS236: an indicator without an aggregation kind -------------------------------------------


def test_rs236_names_the_indicator_by_its_name_or_id() -> None:
    def cases(name: str | None, ident: str | None = None, **more: Any) -> Indicator:
        return Indicator(name, id=ident, planned={y: q(c, "Kasus") for y, c in
                                                   zip(YEARS, (5, 4, 5, 5, 5), strict=True)},
                         end_of_period=q(24, "Kasus"), **more)

    p = plan(key=[cases("Jumlah kasus"), cases(None, "TC27-3"), cases(None),
                  cases("Jumlah kasus", aggregation=Aggregation.SUM)])
    assert [dict(f.params) for f in check(p, select=["RS236"])] == [
        {"name": "Jumlah kasus", "stated": "24", "kind": "sum", "also": ""},
        {"name": "TC27-3", "stated": "24", "kind": "sum", "also": ""},
        {"name": "?", "stated": "24", "kind": "sum", "also": ""},
    ]
    assert found(p, "RS236") == [("7.1 1", "key_indicators[0].indicator"),
                                 ("7.1 2", "key_indicators[1].indicator"),
                                 ("7.1 3", "key_indicators[2].indicator")]
    assert messages(p, "RS236")[1] == (
        "indicator 'TC27-3' states no aggregation kind; its end of period 24 is the sum of the "
        "years",
        "indikator 'TC27-3' tidak menyatakan jenis agregasi; kondisi akhir periode 24 adalah "
        "jumlah tahunan")


def test_rs236_names_each_reading_in_both_languages() -> None:
    def ind(counts: Sequence[int], end: str) -> Indicator:
        return named(planned={y: q(c) for y, c in zip(YEARS, counts, strict=True)},
                     end_of_period=q(end))

    p = plan(key=[ind([1, 2, 3, 4, 2], "4"), ind([5, 4, 3, 2, 1], "1"),
                  ind([1, 5, 4, 2, 2], "2.8")])
    assert messages(p, "RS236") == [
        ("indicator 'Jumlah KPM' states no aggregation kind; its end of period 4 is the "
         "largest year", "indikator 'Jumlah KPM' tidak menyatakan jenis agregasi; kondisi "
         "akhir periode 4 adalah tahun terbesar"),
        ("indicator 'Jumlah KPM' states no aggregation kind; its end of period 1 is the last "
         "year", "indikator 'Jumlah KPM' tidak menyatakan jenis agregasi; kondisi akhir "
         "periode 1 adalah tahun terakhir"),
        ("indicator 'Jumlah KPM' states no aggregation kind; its end of period 2.8 is the "
         "mean of the years", "indikator 'Jumlah KPM' tidak menyatakan jenis agregasi; "
         "kondisi akhir periode 2.8 adalah rata-rata tahunan"),
    ]


def test_rs236_leaves_a_series_rs202_reads_shifted() -> None:
    # each percentage is the share of the next year's count of 10; read shifted, the end of
    # period 10 is the last year, a reading of RS202's diagnosis
    shifted = named(planned={y: q(c, percent=p) for y, c, p in
                             zip(YEARS, (2, 4, 6, 8, 9), (40, 60, 80, 90, 100), strict=True)},
                    end_of_period=q(10, percent=100))
    rules = ["stated-percentage", "end-of-period", "RS236"]
    assert [f.rule for f in check(plan(key=[shifted]), select=rules)] == ["RS202"]


# -- RS237: an indicator without a unit --------------------------------------------------------


def test_rs237_names_the_cells_in_both_languages() -> None:
    counts = named("Jumlah PMKS", baseline=q(100, None), planned={2022: q(110, None)},
                   end_of_period=q(120, None))
    unnamed = named(None, planned={2023: q(5, None)})
    p = plan(key=[counts, unnamed])
    assert found(p, "RS237", keys=["name", "cells"]) == [
        ("7.1 1", "key_indicators[0].indicator", "Jumlah PMKS",
         ["baseline", 2022, "end_of_period"]),
        ("7.1 2", "key_indicators[1].indicator", "?", [2023]),  # no name, no id
    ]
    assert messages(p, "RS237")[0] == (
        "indicator 'Jumlah PMKS' states amounts (baseline, 2022, end of period) but no unit in "
        "any cell",
        "indikator 'Jumlah PMKS' menyatakan angka (kondisi awal, 2022, kondisi akhir periode) "
        "tanpa satuan di sel mana pun")


def test_rs237_needs_no_unit_of_a_percentage_an_index_a_ratio_a_rate_or_a_score() -> None:
    words = ["% PMKS tertangani", "Persentase", "Prosentase", "Presentase", "Capaian persen",
             "Proporsi", "Rasio", "Ratio", "Indeks", "Indek kepuasan", "Index", "Skor",
             "Nilai SAKIP", "Tingkat kemiskinan", "Angka partisipasi", "Rata-rata lama",
             "Laju pertumbuhan", "Cakupan layanan", "CAKUPAN LAYANAN"]
    unitless = [named(w, planned={2022: q(5, None)}) for w in words]
    assert found(plan(key=unitless), "RS237") == []
    # a word inside another is no such word: 'penilaian' (assessment) is not 'nilai'
    assert found(plan(key=[named("Jumlah penilaian", planned={2022: q(5, None)})]), "RS237",
                 keys=["name"]) == [("7.1 1", "key_indicators[0].indicator", "Jumlah penilaian")]


def test_rs237_needs_no_unit_where_one_is_stated_or_only_percentages() -> None:
    column = named(unit="KPM", planned={2022: q(5, None)})
    in_a_cell = named(planned={2022: q(5, None), 2023: q(6, "KPM")})
    in_the_baseline = named(baseline=q(5, "KPM"), planned={2022: q(5, None)})
    in_the_end = named(end_of_period=q(5, "KPM"), planned={2022: q(5, None)})
    in_a_further_figure = named(planned={2022: q(5, None, also=[q(2, "KUBE")])})
    percentages = named(planned={2022: q(40, None, 40), 2023: q(50, None, 50)})
    nils = named(baseline=q("-", None), planned={2022: q("-", None)})
    p = plan(key=[column, in_a_cell, in_the_baseline, in_the_end, in_a_further_figure,
                  percentages, nils])
    assert found(p, "RS237") == []
    mixed = named(planned={2022: q(40, None, 40), 2023: q(55, None, 50)})
    further_count = named(planned={2022: q(40, None, 40, also=[q(3, None)])})
    assert found(plan(key=[mixed, further_count]), "RS237", keys=["cells"]) == [
        ("7.1 1", "key_indicators[0].indicator", [2022, 2023]),
        ("7.1 2", "key_indicators[1].indicator", [2022]),
    ]


# -- RS238: sub kegiatan of T-C.24 alone -------------------------------------------------------


def test_rs238_names_five_codes_and_holds_them_all() -> None:
    def only_tc24(count: int) -> Plan:
        return plan(sub(99, named()), *(sub(n, location=None, table="T-C.24")
                                        for n in range(1, count + 1)))

    codes = [f"{KEGIATAN}.{n:04d}" for n in range(1, 7)]
    assert found(only_tc24(5), "RS238", keys=["count", "codes", "shown"]) == [
        ("T-C.24", "programs", 5, codes[:5], ", ".join(codes[:5]))]
    (six,) = check(only_tc24(6), select=["RS238"])
    assert (six.params["count"], six.params["codes"]) == (6, codes)
    assert (six.message(), six.message("id")) == (
        f"6 sub kegiatan are stated only in T-C.24 and have no T-C.27 row: "
        f"{', '.join(codes[:5])}, …",
        f"6 sub kegiatan hanya dinyatakan di T-C.24 dan tidak memiliki baris T-C.27: "
        f"{', '.join(codes[:5])}, …")
    assert six.location.row is None
    assert six.location.code is None
    assert found(plan(sub(1, named())), "RS238") == []

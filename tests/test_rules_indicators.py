"""The indicator rules on fixtures of the shapes real plans have: stated percentages (RS201,
RS202), end of period with and without an aggregation kind (RS211, RS212, RS236), linked
copies of one diagnosis, cross-table values (RS221) and indicators without a unit (RS237).
Each test names the exact findings."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from typing import Any

from hypothesis import example, given
from hypothesis import strategies as st

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
)
from renstra_model.calculators.arithmetic import Reason, Undefined, present
from renstra_model.calculators.end_of_period import (
    KINDS,
    end_of_period,
)
from renstra_model.calculators.ratios import (
    diagnose_percentages,
    find_shift,
    implied_denominator,
    series_denominator,
    share,
)
from renstra_model.checks import check
from renstra_model.messages import LANGS
from renstra_model.model.indicators import Aggregation
from renstra_model.model.performance import KeyIndicator, PerformanceRow

D = Decimal
YEARS = tuple(range(2022, 2027))
Cell = int | str | None
"""A fixture's cell: an amount, ``"-"`` for a stated nil, or None for an empty cell."""


def q(amount: int | str | Nil, unit: str | None = "org", percent: str | int | None = None
      ) -> Quantity:
    value = NIL if amount in ("-", NIL) else D(str(amount))
    return Quantity(value, unit, None if percent is None else D(str(percent)))


def targets(counts: Sequence[Cell], percents: Sequence[str | int | None] = (),
            unit: str | None = "org") -> dict[int, Quantity]:
    """Yearly targets from 2022 on; a None count leaves the year empty."""
    cells = {}
    for k, count in enumerate(counts):
        if count is not None:
            percent = percents[k] if k < len(percents) else None
            cells[YEARS[k]] = q(count, unit, percent)
    return cells


def plan(*indicators: Indicator, performance: Sequence[Indicator] = (),
         activities: Sequence[Indicator] = ()) -> Plan:
    """A plan whose Table 7.1 holds *indicators*, T-C.23 *performance* and the sub kegiatan
    1.06.05.2.02.0002 *activities*."""
    sub = Activity(Code.parse("1.06.05.2.02.0002"), Level.SUB_KEGIATAN, "Pengelolaan Data",
                   indicators=list(activities), location="Kefamenanu",
                   budget=BudgetLine(planned=dict.fromkeys(YEARS, D(1000))))
    kegiatan = Activity(Code.parse("1.06.05.2.02"), Level.KEGIATAN, "k", children=[sub])
    program = Activity(Code.parse("1.06.05"), Level.PROGRAM, "p", children=[kegiatan])
    return Plan(
        title="Fixture",
        organisation=Organisation("Dinas Sosial", "Kabupaten Contoh",
                                  bidang_urusan=[Code.parse("1.06")]),
        period=Period(2021, 2022, 2026),
        key_indicators=[KeyIndicator(k + 1, ind) for k, ind in enumerate(indicators)],
        service_performance=[PerformanceRow(k + 1, ind) for k, ind in enumerate(performance)],
        programs=[program] if activities else [],
    )


def found(p: Plan, *rules: str, keys: Sequence[str] = ()) -> list[tuple[Any, ...]]:
    """The findings of *rules* on *p*: rule, where, and the params *keys*."""
    return [(f.rule, f.location.describe(), *(f.params[k] for k in keys))
            for f in check(p, select=list(rules))]


def messages(p: Plan, *rules: str) -> list[str]:
    return [f.message() for f in check(p, select=list(rules))]


# -- RS201: one cell against the denominator --------------------------------------------------


def test_rs201_checks_a_cell_against_the_denominator_most_cells_imply() -> None:
    # no cell states 100 %: 5,000 (83.33 %), 5,400 (90 %) and 5,700 (95 %) imply 6,000, of
    # which 4,800 is 80 %, not 75 %
    ind = Indicator("Jumlah KPM", planned=targets(
        [4800, 5000, 5400, 5700, 6000], ["75", "83.33", "90", "95"]),
        end_of_period=q(6000))
    (finding,) = check(plan(ind), select=["RS201"])
    assert (finding.location.describe(), finding.params["expected"],
            finding.params["denominator"]) == ("7.1 1 2022", "80", "6000")
    assert finding.message() == "2022 states 75 %, but 4800 / 6000 is 80.00 %"
    assert finding.message("id") == "2022 menyatakan 75 %, padahal 4800 / 6000 = 80.00 %"


def test_rs201_needs_a_strict_majority_of_the_cells() -> None:
    one_against_one = Indicator("x", planned=targets([4800, 5000], ["75", "83.33"]))
    three_ways = Indicator("y", planned=targets([10, 10, 10], ["10", "20", "50"]))
    assert found(plan(one_against_one, three_ways), "RS201") == []
    stated = Indicator("z", planned=targets([4800, 5000], ["75", "83.33"]),
                       end_of_period=q(6000, percent=100))
    assert found(plan(stated), "RS201", keys=["expected"]) == [
        ("RS201", "7.1 1 2022", "80"),  # one cell states the denominator: 4,800 is 80 %
    ]


def test_rs201_reports_the_end_of_period_and_the_typing_error_of_a_shifted_series() -> None:
    # 2, 4, 6, 8 of 8 (2026 at 100 %): the end of period 8 states 90 %
    ind = Indicator("Jumlah panti", planned=targets([2, 4, 6, 8], [25, 50, 75, 100], "Panti"),
                    end_of_period=q(8, "Panti", 90))
    assert found(plan(ind), "stated-percentage", keys=["cell", "expected", "denominator"]) == [
        ("RS201", "7.1 1", "end_of_period", "100", "8"),
    ]
    # 2, 2, 4, 6, 8 of 10 stated 20, 40, 80, 80, 100 %: one year ahead (2022's 20 % is right
    # either way) but for 2024 (80 %, where 4 is 40 % and the next year's 6 is 60 %)
    ind = Indicator("Jumlah lokasi", planned=targets(
        [2, 2, 4, 6, 8], [20, 40, 80, 80, 100], unit="Lokasi"),
        end_of_period=q(10, "Lokasi", 100))
    assert found(plan(ind), "RS202", keys=["shift", "years"]) == [
        ("RS202", "7.1 1", 1, [2023, 2025, 2026]),
    ]
    assert found(plan(ind), "RS201", keys=["stated", "computed", "expected"]) == [
        ("RS201", "7.1 1 2024", "80", "40.00", "40"),
    ]


# -- RS202: a shift needs evidence -------------------------------------------------------------


def test_a_shift_needs_cells_the_unshifted_reading_gets_wrong() -> None:
    # 10, 10, 10, 10, 11 of 20, all stated 50 %: four right cells and 2026 wrong (55 %), not
    # a series shifted by -1 (which would explain 2026 only)
    ind = Indicator("Jumlah x", planned=targets([10, 10, 10, 10, 11], [50] * 5),
                    end_of_period=q(20, percent=100))
    assert found(plan(ind), "stated-percentage", keys=["expected"]) == [
        ("RS201", "7.1 1 2026", "55"),
    ]
    counts = {y: D(c) for y, c in zip(YEARS, (10, 10, 10, 10, 11), strict=True)}
    assert find_shift(dict.fromkeys(YEARS, D(50)), counts, D(20)) is None


def test_a_nil_count_is_no_evidence_against_a_shift() -> None:
    # 1, 2, 3, -, 5 of 10 stated 20, 30, 30, -, 50 %: 2022 and 2023 are a year ahead; 2024's
    # next year is nil, which neither keeps nor breaks the shift; 2026's next (the end, 10) does
    ind = Indicator("Jumlah x", planned=targets([1, 2, 3, "-", 5], [20, 30, 30, None, 50]),
                    end_of_period=q(10, percent=100))
    assert found(plan(ind), "stated-percentage", keys=["shift", "years"]) == [
        ("RS202", "7.1 1", 1, [2022, 2023]),
    ]


def test_no_finding_is_empty() -> None:
    # 5, 5, 5 of 10 stated 50, 50, 60 %: a +1 shift explains no wrong cell
    ind = Indicator("Jumlah x", planned=targets([5, 5, 5], [50, 50, 60]),
                    end_of_period=q(10, percent=100))
    assert found(plan(ind), "stated-percentage", keys=["stated", "expected"]) == [
        ("RS201", "7.1 1 2024", "60", "50"),
    ]


def test_a_shift_must_explain_more_than_it_breaks_and_leaves_wrong() -> None:
    counts = {y: D(c) for y, c in zip(range(2021, 2027), (1, 2, 3, 4, 5, 6), strict=True)}
    # 2022 and 2023 are the shares of the next year's counts, 2024-2026 right as stated:
    # the shift would break three right cells to explain two
    stated = {2022: D(30), 2023: D(40), 2024: D(40), 2025: D(50), 2026: D(60)}
    diagnosis = diagnose_percentages(stated, counts, D(10))
    assert (diagnosis.shift, sorted(diagnosis.wrong)) == (None, [2022, 2023])
    # 2022 and 2023 shifted, 2024-2026 wrong either way: it leaves more wrong than it explains
    stated = {2022: D(30), 2023: D(40), 2024: D(99), 2025: D(98), 2026: D(97)}
    assert find_shift(stated, counts, D(10)) is None
    # every wrong cell shifted by +2 (and +1 explains none): +2
    stated = {2021: D(30), 2022: D(40), 2023: D(50), 2024: D(60)}
    assert diagnose_percentages(stated, counts, D(10)).shift == 2


def test_rs202_reads_a_shift_without_a_stated_denominator() -> None:
    # T-C.27's copy of Table 7.1 row 5: no cell at 100 %; 90 % of what? Each percentage is
    # the next count's share of 5,071, the end of period 2,994 (59.04 %) is 2026's
    ind = Indicator("Korban bencana", baseline=q(5071, "Korban"), planned=targets(
        [5071, 4564, 4108, 3697, 3327], ["90", "81.01", "72.90", "65.61", "59.04"], "Korban"),
        end_of_period=q(2994, "Korban", "59.04"))
    assert found(plan(ind), "RS2", keys=["shift", "denominator"]) == [
        ("RS202", "7.1 1", 1, "5071"),  # no RS212: read shifted, the end is the last year
    ]
    counts = {y: ind.planned[y].amount for y in YEARS} | {2027: D(2994)}
    stated = {y: q.percent for y, q in ind.planned.items() if q.percent is not None}
    # unshifted, three cells agree on 5,635: the shifted reading has five
    assert implied_denominator([(counts[y], p) for y, p in stated.items()]) == D(5635)
    assert series_denominator(stated, counts) == D(5071)


# -- end of period -----------------------------------------------------------------------------


def test_an_end_of_period_no_kind_gives() -> None:
    ind = Indicator("Jumlah orang", planned=targets([3, 3, 3, 3, 3]), end_of_period=q(12))
    assert messages(plan(ind), "end-of-period", "RS236") == [
        "the end of period 12 is neither the sum (15), the last year (3), the largest year (3) "
        "nor the mean (3) of the targets; the indicator states no aggregation kind",
    ]
    assert check(plan(ind), select=["RS212"])[0].message("id") == (
        "kondisi akhir periode 12 bukan jumlah (15), bukan tahun terakhir (3), bukan tahun "
        "terbesar (3), dan bukan rata-rata (3) dari target; indikator tidak menyatakan jenis "
        "agregasi")
    stated = Indicator("Jumlah orang", aggregation=Aggregation.LAST,
                       planned=targets([2, 4, 3, 5, "-"]), end_of_period=q("4.5"))
    assert found(plan(stated), "end-of-period",
                 keys=["sum", "last", "max", "mean", "no_kind"]) == [
        ("RS212", "7.1 1", "14", "5", "5", "3.5", False),  # the mean of 2, 4, 3, 5
    ]
    assert found(plan(ind), "RS212", keys=["no_kind", "also"]) == [("RS212", "7.1 1", True, "")]


def test_rs236_names_the_one_kind_that_gives_the_end_of_period() -> None:
    cases = Indicator("Jumlah kasus", planned=targets([5, 4, 5, 5, 5], unit="Kasus"),
                      end_of_period=q(24, "Kasus"))
    register = Indicator("Jumlah KPM", planned=targets(
        [23899, 22704, 21569, 20691, 20212], unit="KPM"), end_of_period=q(20212, "KPM"))
    rising = Indicator("Jumlah KPM", planned=targets([100, 120, 150, 180, 200]),
                       end_of_period=q(200))
    score = Indicator("Jumlah desa", planned=targets([1, 5, 4, 2, 2]), end_of_period=q("2.8"))
    rounded = Indicator("Jumlah desa", planned=targets([1, 1, 2, "-", "-"]),
                        end_of_period=q("1.3"))
    assert found(plan(cases, register, rising, score, rounded), "end-of-period", "RS236",
                 keys=["stated", "kind"]) == [
        ("RS236", "7.1 1", "24", "sum"),
        ("RS236", "7.1 2", "20212", "last"),
        ("RS236", "7.1 3", "200", "last"),  # also the largest year: one reading
        ("RS236", "7.1 4", "2.8", "mean"),
        ("RS236", "7.1 5", "1.3", "mean"),  # 4 / 3 over the years with an amount, rounded
    ]
    assert messages(plan(cases), "RS236") == [
        "indicator 'Jumlah kasus' states no aggregation kind; its end of period 24 is the sum "
        "of the years"]
    assert check(plan(cases), select=["RS236"])[0].message("id") == (
        "indikator 'Jumlah kasus' tidak menyatakan jenis agregasi; kondisi akhir periode 24 "
        "adalah jumlah tahunan")


def test_nothing_is_reported_where_several_kinds_or_none_can_be_compared() -> None:
    sum_or_last = Indicator("x", planned=targets([0, 0, 0, 0, 5]), end_of_period=q(5))
    sum_or_max = Indicator("x", planned=targets([27, 0, 0, 0, 0]), end_of_period=q(27))
    empty_year = Indicator("x", planned=targets([5, 4, None, 5, 5]), end_of_period=q(99))
    no_end = Indicator("x", planned=targets([5, 4, 5, 5, 5]))
    nil_end = Indicator("x", planned=targets([5, 4, 5, 5, 5]), end_of_period=q("-"))
    stated = Indicator("x", aggregation=Aggregation.STATED, planned=targets([1, 1, 1, 1, 1]),
                       end_of_period=q(99))
    p = plan(sum_or_last, sum_or_max, empty_year, no_end, nil_end, stated)
    assert found(p, "end-of-period", "RS236") == []


def test_a_stated_kind_is_checked_against_the_other_kinds() -> None:
    locations = Indicator("Jumlah lokasi", aggregation=Aggregation.LAST,
                          planned=targets([2, 1, 2, 2, 2]), end_of_period=q(9))
    letters = Indicator("Jumlah surat", aggregation=Aggregation.SUM,
                        planned=targets([678] * 5), end_of_period=q(678))
    biggest = Indicator("Jumlah", aggregation=Aggregation.MAX,
                        planned=targets([1, 5, 3, 3, 3]), end_of_period=q(3))
    mean = Indicator("Jumlah", aggregation=Aggregation.MEAN,
                     planned=targets([2, 3, 5, "-", "-"]), end_of_period=q("3.3"))
    assert found(plan(locations, letters, biggest, mean), "end-of-period", "RS236",
                 keys=["kind", "value", "fits"]) == [
        ("RS211", "7.1 1", "last", "2", ["sum"]),
        ("RS211", "7.1 2", "sum", "3390", ["last"]),
        ("RS211", "7.1 3", "max", "5", ["last"]),
    ]  # the mean of 2, 3, 5 is 3.33…: 3.3 as stated


def test_the_last_year_is_the_last_that_states_an_amount() -> None:
    # a one-off repair in 2023, "-" afterwards: the end of period 1 is its last year
    repair = Indicator("Jumlah lokasi", aggregation=Aggregation.LAST,
                       planned=targets(["-", 1, 1, "-", "-"]), end_of_period=q(1))
    assert found(plan(repair), "end-of-period") == []
    years = YEARS
    assert [end_of_period(repair, years, kind) for kind in KINDS] == [D(2), D(1), D(1), D(1)]
    nothing = Indicator("x", planned=targets(["-", "-"]))
    assert [end_of_period(nothing, years[:2], kind) for kind in KINDS] == [D(0)] * 4
    assert end_of_period(nothing, [], Aggregation.SUM) == Undefined(Reason.TOO_FEW)


def test_the_end_of_a_shifted_series_is_its_last_year() -> None:
    # Table 7.1 row 1 of the TTU plan: one diagnosis (RS202), not also RS212 or RS211, whatever
    # kind is stated
    def row(kind: Aggregation | None) -> Indicator:
        return Indicator("Jumlah PMKS", aggregation=kind, baseline=q(25325, "KPM", "65.23"),
                         planned=targets([25325, 28026, 30272, 33427, 36127],
                                         ["72.18", "77.97", "86.09", "93.05", "100.00"], "KPM"),
                         end_of_period=q(38827, "KPM", "100.00"))

    for kind in (None, Aggregation.LAST, Aggregation.MAX):
        assert found(plan(row(kind)), "RS2", keys=["shift"]) == [("RS202", "7.1 1", 1)], kind
    # a sum is another cause: the end of period is the last year of the series read shifted
    assert found(plan(row(Aggregation.SUM)), "RS211", "RS212", keys=["value", "fits"]) == [
        ("RS211", "7.1 1", "166679", ["last"])]  # 28,026 + … + 36,127 + 38,827


# -- linked copies -----------------------------------------------------------------------------


def _shifted(ident: str | None, links: Sequence[str] = (), unit: str | None = "KUBE",
             last: str = "100.00") -> Indicator:
    return Indicator("Jumlah KUBE", id=ident, links=list(links),
                     baseline=q(2, unit, "10.53"), planned=targets(
                         [2, 2, 5, 9, 14], ["10.53", "26.32", "47.37", "73.68", last], unit),
                     end_of_period=q(19, unit, "100"))


def test_linked_indicators_with_one_diagnosis_are_one_finding() -> None:
    p = plan(_shifted("7.1-1"), performance=[_shifted("TC23-1", ["7.1-1"])],
             activities=[_shifted("TC27-1", ["7.1-1"]), _shifted("TC27-2", ["TC27-1"], last="99")])
    assert found(p, "RS201", keys=["stated", "also"]) == [
        ("RS201", "T-C.27 1.06.05.2.02.0002 2026", "99", ""),  # 14 of 19 is 73.68 %
    ]
    shifted = check(p, select=["RS202"])
    assert [(f.location.describe(), f.params["years"], f.params["also"]) for f in shifted] == [
        ("7.1 1", [2023, 2024, 2025, 2026], "T-C.23 1, T-C.27 1.06.05.2.02.0002"),
        ("T-C.27 1.06.05.2.02.0002", [2023, 2024, 2025], ""),
    ]
    assert shifted[0].message().endswith(
        "2026: 100.00 % = 19 / 19 (the same in T-C.23 1, T-C.27 1.06.05.2.02.0002)")
    assert shifted[0].message("id").endswith(
        "(sama di T-C.23 1, T-C.27 1.06.05.2.02.0002)")
    assert not shifted[1].message().endswith(")")


def test_linked_copies_of_one_end_of_period_are_one_finding() -> None:
    def copy(ident: str, links: Sequence[str] = (), end: int = 12) -> Indicator:
        return Indicator("Jumlah orang", id=ident, links=list(links),
                         planned=targets([3, 3, 3, 3, 3]), end_of_period=q(end))

    p = plan(copy("7.1-1"), copy("7.1-2", ["7.1-1"], end=13), activities=[copy("a", ["7.1-2"])])
    assert found(p, "RS212", keys=["stated", "also"]) == [
        ("RS212", "7.1 1", "12", "T-C.27 1.06.05.2.02.0002"),  # linked through 7.1 2
        ("RS212", "7.1 2", "13", ""),  # another end of period
    ]
    unlinked = plan(copy("7.1-1"), activities=[copy("a")])
    assert found(unlinked, "RS212", keys=["also"]) == [
        ("RS212", "7.1 1", ""), ("RS212", "T-C.27 1.06.05.2.02.0002", "")]


# -- RS221 beside RS201 and RS202 --------------------------------------------------------------


def test_rs221_leaves_a_wrong_percentage_to_rs201() -> None:
    # T-C.27 states 4 Lokasi (80 %) in 2024 where 4 of 10 is 40 %; Table 7.1 states 4 unit
    # (40 %): the counts agree, the percentage is RS201's
    key = Indicator("Jumlah lokasi", id="7.1-6", baseline=q(2, "unit", 20),
                    planned=targets([2, 4, 4, 6, 8], [20, 40, 40, 60, 80], "unit"),
                    end_of_period=q(10, "unit", 100))
    sub = Indicator("Jumlah lokasi", id="TC27-1", links=["7.1-6"], baseline=q(3, "Lokasi"),
                    planned=targets([2, 4, 4, 6, 8], [20, 40, 80, 60, 80], "Lokasi"),
                    end_of_period=q(10, "Lokasi", 95))
    p = plan(key, activities=[sub])
    assert found(p, "RS201", keys=["cell"]) == [
        ("RS201", "T-C.27 1.06.05.2.02.0002 2024", 2024),
        ("RS201", "T-C.27 1.06.05.2.02.0002", "end_of_period"),  # 95 % where 10 / 10 is 100
    ]
    assert found(p, "RS221", keys=["what"]) == [
        ("RS221", "T-C.27 1.06.05.2.02.0002", "baseline"),  # 3 Lokasi vs 2 unit: counts differ
    ]


def test_rs221_reports_percentages_of_two_denominators() -> None:
    # the same count, of 10 in Table 7.1 and of 20 in T-C.27: both right, the tables differ
    key = Indicator("x", id="k", planned=targets([4, 6, 8, 9, 10], [40, 60, 80, 90, 100]),
                    end_of_period=q(10, percent=100))
    sub = Indicator("x", id="s", links=["k"],
                    planned=targets([4, 6, 8, 9, 10], [20, 30, 40, 45, 50]),
                    end_of_period=q(10, percent=50), baseline=q(20, percent=100))
    assert found(plan(key, activities=[sub]), "stated-percentage", "RS221",
                 keys=["what"]) == [
        *(("RS221", f"T-C.27 1.06.05.2.02.0002 {y}", y) for y in YEARS),
        ("RS221", "T-C.27 1.06.05.2.02.0002", "end_of_period"),
    ]


# -- RS237: indicators without a unit ----------------------------------------------------------


def test_rs237_an_indicator_without_any_unit() -> None:
    counts = Indicator("Jumlah PMKS yang tertangani", baseline=q("-", None),
                       planned=targets([25325, 28026, "-"], ["72.18", "77.97"], None),
                       end_of_period=q(38827, None, 100))
    percentage = Indicator("Persentase PMKS yang tertangani", planned=targets([72, 78], unit=None))
    index = Indicator("Indeks Kepuasan Masyarakat", planned=targets(["3.2", "3.4"], unit=None))
    ratio = Indicator("Rasio pekerja sosial", planned=targets([1, 2], unit=None))
    column = Indicator("Jumlah PMKS", unit="KPM", planned=targets([25325, 28026], unit=None))
    one_unit = Indicator("Jumlah PMKS", planned={
        2022: q(5, None), 2023: Quantity(D(6), None, also=(q(2, "KUBE"),))})
    shares = Indicator("Jumlah", planned={2022: Quantity(D(40), None, D(40))})
    nothing = Indicator("Jumlah", planned=targets(["-", "-"], unit=None))
    named_nothing = Indicator(None, id="TC27-x", planned=targets([3], unit=None))
    p = plan(counts, percentage, index, ratio, column, one_unit, shares, nothing, named_nothing)
    assert found(p, "RS237", keys=["cells"]) == [
        ("RS237", "7.1 1", [2022, 2023, "end_of_period"]),
        ("RS237", "7.1 9", [2022]),
    ]
    assert check(p, select=["RS237"])[0].message("id") == (
        "indikator 'Jumlah PMKS yang tertangani' menyatakan angka (2022, 2023, kondisi akhir "
        "periode) tanpa satuan di sel mana pun")
    assert messages(p, "RS237")[0] == (
        "indicator 'Jumlah PMKS yang tertangani' states amounts (2022, 2023, end of period) but "
        "no unit in any cell")
    assert check(p, select=["RS237"])[1].message("id") == (
        "indikator 'TC27-x' menyatakan angka (2022) tanpa satuan di sel mana pun")
    # a cell without the unit its neighbours state is RS232's, not RS237's
    assert found(plan(one_unit), "RS232", "RS237") == []
    bare = Indicator("Jumlah", planned={2022: q(5, None), 2023: q(6, "org")},
                     baseline=q(4, None))
    assert found(plan(bare), "RS232", "RS237", keys=["cells"]) == [
        ("RS232", "7.1 1", ["baseline", 2022])]


# -- guards, cell texts and the order of the sites ----------------------------------------------


def test_rs201_a_cell_at_100_percent_states_the_denominator() -> None:
    # 2 (20 %) and 3 (30 %) imply 10, but 5 is stated at 100 %: 2 and 3 are 40 % and 60 % of it
    ind = Indicator("Jumlah", planned=targets([2, 3, 5], [20, 30, 100]))
    assert found(plan(ind), "stated-percentage", keys=["stated", "expected", "denominator"]) == [
        ("RS201", "7.1 1 2022", "20", "40", "5"),
        ("RS201", "7.1 1 2023", "30", "60", "5"),
    ]


def test_rs201_checks_a_baseline_percentage() -> None:
    ind = Indicator("Jumlah", baseline=q(5, percent=80), planned=targets([6, 7, 8, 9, 10]),
                    end_of_period=q(10, percent=100))
    assert messages(plan(ind), "stated-percentage") == [
        "2021 states 80 %, but 5 / 10 is 50.00 %"]


def test_rs201_names_a_cell_without_a_count_and_a_share_beyond_the_context() -> None:
    # '- (50 %)' states no count: its share is undefined
    nil = Indicator("Jumlah", planned={2022: q("-", percent=50), 2023: q(5, percent=50),
                                       2024: q(10, percent=100)},
                    end_of_period=q("-", percent=90))
    # a share of 1E+28 %: shown to the 28 digits of the context, without an exponent
    huge = Indicator("Jumlah", planned={2022: q(1000000, percent=50)},
                     end_of_period=q("0.00000000000000000001", percent=100))
    findings = check(plan(nil, huge), select=["RS201"])
    assert [(f.location.describe(), f.params["count"], f.params["computed"],
             f.params["expected"]) for f in findings] == [
        ("7.1 1 2022", "-", None, None),  # the cell's nil, as the document writes it
        ("7.1 1", "-", None, None),
        ("7.1 2 2022", "1000000", "10000000000000000000000000000",
         "10000000000000000000000000000"),
    ]
    assert [(f.message(), f.message("id")) for f in findings] == [
        ("2022 states 50 %, but - / 10 is undefined %",
         "2022 menyatakan 50 %, padahal - / 10 = tak terdefinisi %"),
        ("end of period states 90 %, but - / 10 is undefined %",
         "kondisi akhir periode menyatakan 90 %, padahal - / 10 = tak terdefinisi %"),
        ("2022 states 50 %, but 1000000 / 0.00000000000000000001 is "
         "10000000000000000000000000000 %",
         "2022 menyatakan 50 %, padahal 1000000 / 0.00000000000000000001 = "
         "10000000000000000000000000000 %"),
    ]


def test_rs201_reports_the_end_of_period_with_its_count() -> None:
    ind = Indicator("Jumlah panti", planned=targets([2, 4, 6, 8], [25, 50, 75, 100], "Panti"),
                    end_of_period=q(8, "Panti", 90))
    (finding,) = check(plan(ind), select=["RS201"])
    assert (finding.message(), finding.message("id")) == (
        "end of period states 90 %, but 8 / 8 is 100.00 %",
        "kondisi akhir periode menyatakan 90 %, padahal 8 / 8 = 100.00 %")


def test_each_indicator_is_read_whatever_the_one_before_it() -> None:
    conflicting = Indicator("x", planned=targets([10, 10, 10], [10, 20, 50]))  # no denominator
    unshifted = Indicator("x", planned=targets([5, 5], [50, 50]), end_of_period=q(10, percent=100))
    wrong = Indicator("x", planned=targets([4800, 5000, 5400, 5700, 6000], [75, "83.33", 90, 95]),
                      end_of_period=q(6000))
    shifted = Indicator("x", planned=targets([2, 4, 6, 8, 9], [40, 60, 80, 90, 100]),
                        end_of_period=q(10, percent=100))
    p = plan(conflicting, unshifted, wrong, shifted)
    assert found(p, "stated-percentage") == [
        ("RS201", "7.1 3 2022"), ("RS202", "7.1 4")]


def test_rs202_names_every_cell_it_explains() -> None:
    ind = Indicator("Jumlah", planned=targets([2, 4, 6, 8, 9], [40, 60, 80, 90, 100]),
                    end_of_period=q(10, percent=100))
    (finding,) = check(plan(ind), select=["RS202"])
    assert finding.message() == (
        "the percentages of 2022, 2023, 2024, 2025, 2026 are each the share of the count of +1 "
        "year(s) later: 2022: 40 % = 4 / 10; 2023: 60 % = 6 / 10; 2024: 80 % = 8 / 10; "
        "2025: 90 % = 9 / 10; 2026: 100 % = 10 / 10")
    assert finding.message("id") == (
        "persentase tahun 2022, 2023, 2024, 2025, 2026 masing-masing adalah bagian dari jumlah "
        "+1 tahun kemudian: 2022: 40 % = 4 / 10; 2023: 60 % = 6 / 10; 2024: 80 % = 8 / 10; "
        "2025: 90 % = 9 / 10; 2026: 100 % = 10 / 10")


def test_linked_copies_of_a_shift_with_other_counts_are_two_findings() -> None:
    # 501 and 502 of 1,000 both show as 50 %: the same percentages, not the same cells
    def copy(ident: str, second: int, links: Sequence[str] = ()) -> Indicator:
        return Indicator("Jumlah", id=ident, links=list(links), planned=targets(
            [100, second, 601, 701, 801], [50, 60, 70, 80, 100]),
            end_of_period=q(1000, percent=100))

    p = plan(copy("a", 501), performance=[copy("b", 502, ["a"])])
    assert found(p, "RS202", keys=["years", "also"]) == [
        ("RS202", "7.1 1", [2022, 2023, 2024, 2025, 2026], ""),
        ("RS202", "T-C.23 1", [2022, 2023, 2024, 2025, 2026], ""),
    ]


def test_the_end_of_a_series_shifted_back_reads_the_baseline_first() -> None:
    # each percentage is the share of the previous year's count of 20: read shifted, the years
    # are 5 (the baseline), 6, 7, 8, 9
    ind = Indicator("Jumlah", baseline=q(5), planned=targets(
        [6, 7, 8, 9, 10], [25, 30, 35, 40, 45]), end_of_period=q(20, percent=100))
    assert found(plan(ind), "stated-percentage", "end-of-period",
                 ) == [("RS202", "7.1 1"), ("RS212", "7.1 1")]
    (finding,) = check(plan(ind), select=["RS212"])
    assert (finding.params["sum"], finding.params["last"], finding.params["max"],
            finding.params["mean"]) == ("35", "9", "9", "7")


def test_the_end_of_period_rules_read_each_indicator_whatever_the_one_before_it() -> None:
    no_end = Indicator("x", planned=targets([3, 3, 3, 3, 3]))
    own_kind = Indicator("x", aggregation=Aggregation.SUM, planned=targets([3, 3, 3, 3, 3]),
                         end_of_period=q(15))
    empty_year = Indicator("x", planned=targets([3, None, 3, 3, 3]), end_of_period=q(99))
    stated = Indicator("x", aggregation=Aggregation.STATED, planned=targets([3, 3, 3, 3, 3]),
                       end_of_period=q(99))
    sum_only = Indicator("x", planned=targets([5, 4, 5, 5, 5]), end_of_period=q(24))  # RS236's
    twelve = Indicator("x", planned=targets([3, 3, 3, 3, 3]), end_of_period=q(12))
    mean_of_thirds = Indicator("x", aggregation=Aggregation.LAST,
                               planned=targets([1, 1, 2, "-", "-"]), end_of_period=q(9))
    p = plan(no_end, own_kind, empty_year, stated, sum_only, twelve, mean_of_thirds)
    findings = check(p, select=["end-of-period"])
    assert [(f.rule, f.location.describe(), f.params["mean"]) for f in findings] == [
        ("RS212", "7.1 6", "3"), ("RS212", "7.1 7", "1.33")]
    assert findings[1].message() == (
        "the end of period 9 is neither the sum (4), the last year (2), the largest year (2) "
        "nor the mean (1.33) of the targets")
    assert findings[1].message("id") == (
        "kondisi akhir periode 9 bukan jumlah (4), bukan tahun terakhir (2), bukan tahun "
        "terbesar (2), dan bukan rata-rata (1.33) dari target")


def test_rs211_names_every_other_kind_that_gives_the_end() -> None:
    sum_only = Indicator("x", planned=targets([5, 4, 5, 5, 5]), end_of_period=q(24))  # RS236's
    mean = Indicator("x", aggregation=Aggregation.MEAN, planned=targets([0, 0, 0, 0, 5]),
                     end_of_period=q(5))
    (finding,) = check(plan(sum_only, mean), select=["end-of-period"])
    assert (finding.rule, finding.location.describe()) == ("RS211", "7.1 2")
    assert finding.message() == (
        "the end of period 5 is not the mean of the years (1) but their sum / last")
    assert finding.message("id") == (
        "kondisi akhir periode 5 bukan rata-rata dari nilai tahunan (1) melainkan jumlah / "
        "tahun terakhir")


def test_a_mean_fits_as_shown_before_the_other_kinds_are_tried() -> None:
    # the mean of 3.25, 3.3, 3.3, 3.3 and 3.3 is 3.29, 3.3 as stated; the last year is 3.3 too
    mean = Indicator("x", aggregation=Aggregation.MEAN,
                     planned=targets(["3.25", "3.3", "3.3", "3.3", "3.3"]), end_of_period=q("3.3"))
    assert found(plan(mean), "end-of-period", "RS236") == []


def test_linked_copies_with_one_end_of_period_but_other_years_are_two_findings() -> None:
    def copy(ident: str, each: int, links: Sequence[str] = ()) -> Indicator:
        return Indicator("x", id=ident, links=list(links), planned=targets([each] * 5),
                         end_of_period=q(12))

    p = plan(copy("a", 3), performance=[copy("b", 4, ["a"])])
    assert found(p, "RS212", keys=["sum", "also"]) == [
        ("RS212", "7.1 1", "15", ""), ("RS212", "T-C.23 1", "20", "")]


def test_rs221_leaves_a_wrong_percentage_of_the_linked_table_to_rs201() -> None:
    # Table 7.1 states the baseline 2 (30 %) and 2024's 4 (80 %) where 2 and 4 of 10 are 20 %
    # and 40 %: the counts agree with T-C.27, the percentages are RS201's; 2025's 6 (80 %) is
    # wrong too, but its count differs from T-C.27's 7
    key = Indicator("Jumlah lokasi", id="7.1-6", baseline=q(2, "unit", 30),
                    planned=targets([2, 4, 4, 6, 8], [20, 40, 80, 80, 80], "unit"),
                    end_of_period=q(10, "unit", 100))
    sub = Indicator("Jumlah lokasi", id="TC27-1", links=["7.1-6"], baseline=q(2, "Lokasi", 20),
                    planned=targets([2, 4, 4, 7, 8], [20, 40, 40, 70, 80], "Lokasi"),
                    end_of_period=q(10, "Lokasi", 100))
    p = plan(key, activities=[sub])
    assert found(p, "RS201") == [
        ("RS201", "7.1 1 2021"), ("RS201", "7.1 1 2024"), ("RS201", "7.1 1 2025")]
    (finding,) = check(p, select=["RS221"])
    assert (finding.location.describe(), finding.params["what"], finding.params["other"],
            finding.params["link"]) == ("T-C.27 1.06.05.2.02.0002 2025", 2025, "1", "7.1-6")
    assert finding.message() == "2025: T-C.27 states 7 Lokasi (70 %), 7.1 (1) states 6 unit (80 %)"
    assert finding.message("id") == (
        "2025: T-C.27 menyatakan 7 Lokasi (70 %), 7.1 (1) menyatakan 6 unit (80 %)")


def test_rs221_names_a_linked_sub_kegiatan_by_its_code() -> None:
    key = Indicator("x", id="k", links=["s"], planned=targets([3, 3, 3, 3, 3]))
    sub = Indicator("x", id="s", planned=targets([4, 3, 3, 3, 3]))
    assert found(plan(key, activities=[sub]), "RS221", keys=["other", "link"]) == [
        ("RS221", "7.1 1 2022", "1.06.05.2.02.0002", "s")]


def test_rs221_compares_percentages_no_denominator_explains() -> None:
    # neither copy has a denominator (10 is 10 % and 20 %): their ends differ, by percentage
    def copy(ident: str, end: int, links: Sequence[str] = ()) -> Indicator:
        return Indicator("x", id=ident, links=list(links), planned=targets([10, 10], [10, 20]),
                         end_of_period=q(10, percent=end))

    p = plan(copy("a", 50), performance=[copy("b", 40, ["a"])])
    assert found(p, "stated-percentage", "RS221", keys=["what", "value", "other_value"]) == [
        ("RS221", "T-C.23 1", "end_of_period", "10 org (40 %)", "10 org (50 %)")]


def test_rs222_names_the_units_of_both_tables() -> None:
    key = Indicator("x", id="7.1-6", planned={2022: q(1, "unit"), 2023: q(1, "Paket")})
    sub = Indicator("x", id="s", links=["7.1-6"],
                    planned={2022: q(1, "Lokasi"), 2023: q(1, "Titik ")})
    (finding,) = check(plan(key, activities=[sub]), select=["RS222"])
    assert (finding.location.describe(), finding.params["other"]) == (
        "T-C.27 1.06.05.2.02.0002", "1")
    assert finding.message() == "T-C.27 counts in lokasi, titik, 7.1 (1) in paket, unit"
    assert finding.message("id") == (
        "T-C.27 memakai satuan lokasi, titik, 7.1 (1) memakai paket, unit")


# -- invariants -------------------------------------------------------------------------------


@given(
    st.lists(st.integers(0, 500), min_size=5, max_size=5),
    st.integers(1, 600),
    st.sampled_from([-1, 0, 1]),
    st.one_of(st.none(), st.integers(0, 4)),
)
def test_stated_percentages_give_one_finding_per_cause(
    counts: list[int], extra: int, shift: int, typo: int | None
) -> None:
    denominator = max(counts) + extra
    series = [*counts, denominator]  # the end of period is the year after the last
    percents: list[str | int | None] = []
    for k in range(5):
        partner = k + shift
        value = present(share(D(series[partner]), D(denominator))) if partner >= 0 else None
        percents.append(None if value is None else str(value + (7 if k == typo else 0)))
    ind = Indicator("Jumlah", planned=targets(counts, percents),
                    end_of_period=q(denominator, percent=100))
    findings = check(plan(ind), select=["stated-percentage", "end-of-period"])
    shifted = [f for f in findings if f.rule == "RS202"]
    assert len(shifted) <= 1
    for f in shifted:
        assert f.params["years"]
        assert f.params["cells"]
    explained = {y for f in shifted for y in f.params["years"]}
    cells = [f.location.year for f in findings if f.rule == "RS201"]
    assert len(cells) == len(set(cells))
    assert not explained & set(cells)
    if shift == 0:
        assert not shifted
        assert cells == ([] if typo is None else [YEARS[typo]])
    for f in findings:
        for lang in LANGS:
            assert f.message(lang)
            assert "{" not in f.message(lang)


def test_linked_copies_of_one_cell_or_kind_are_one_finding() -> None:
    def copy(ident: str, links: Sequence[str] = ()) -> Indicator:
        # 4,800 stated 75 % of 6,000 (80 %); the end of period is the last year
        return Indicator("Jumlah", id=ident, links=list(links),
                         planned=targets([4800, 5000, 5400, 5700, 6000],
                                         [75, "83.33", 90, 95, 100]),
                         end_of_period=q(6000, percent=100))

    def cases(ident: str, links: Sequence[str] = ()) -> Indicator:
        return Indicator("Jumlah kasus", id=ident, links=list(links),
                         planned=targets([5, 4, 5, 5, 5]), end_of_period=q(24))

    p = plan(copy("a"), cases("c"), performance=[copy("b", ["a"]), cases("d", ["c"])])
    assert found(p, "RS201", "RS236", keys=["also"]) == [
        ("RS201", "7.1 1 2022", "T-C.23 1"),
        ("RS236", "7.1 1", "T-C.23 1"),  # the last year
        ("RS236", "7.1 2", "T-C.23 2"),  # 5 + 4 + 5 + 5 + 5 = 24: the sum
    ]


extreme = st.one_of(
    st.sampled_from([D("1E+15"), D("1E-20"), D("0.00000000000000000001"), D("99.99"), D(0),
                     D(100), D(-5)]),
    st.decimals("-1E+15", "1E+15", places=0),
    st.decimals("0", "1000", places=4),
)


@given(st.lists(st.tuples(st.one_of(st.just(NIL), extreme), extreme), min_size=5, max_size=5),
       st.one_of(st.none(), extreme), st.sampled_from([None, *KINDS]))
@example(cells=[(D("1E+15"), D(50))] * 5, end=D("1E-20"), kind=None)
@example(cells=[(D("1E-20"), D("1E+15"))] * 4 + [(D("1E+15"), D("0.0001"))], end=None,
         kind=Aggregation.MEAN)
def test_the_indicator_rules_never_raise(cells: list[tuple[Decimal | Nil, Decimal]],
                                         end: Decimal | None,
                                         kind: Aggregation | None) -> None:
    # extreme counts and percentages (a denominator of 1E-20, a share of 1E+37 %) are
    # findings, never exceptions
    planned = {y: Quantity(c, "org", p) for y, (c, p) in zip(YEARS, cells, strict=True)}
    ind = Indicator("Jumlah", id="k", aggregation=kind, planned=planned,
                    end_of_period=None if end is None else Quantity(end, "org", D(100)))
    copy = Indicator("Jumlah", id="c", links=["k"], aggregation=kind, planned=planned,
                     end_of_period=None if end is None else Quantity(end, "org"))
    for finding in check(plan(ind, copy), select=["RS2"]):
        for lang in LANGS:
            assert "{" not in finding.message(lang)

"""The structure rules (RS101–RS103 sums, RS111–RS113 codes, RS131 names across tables) on
small fixtures: each test names the exact findings, with their location, parameters and
message in both languages."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from renstra_model import (
    NIL,
    Activity,
    BudgetLine,
    BudgetRow,
    Code,
    Level,
    Organisation,
    Period,
    Plan,
    Source,
)
from renstra_model.checks import check
from renstra_model.checks.findings import Finding, Location, Severity
from renstra_model.model.values import MoneyCell

D = Decimal
C = Code.parse
PLAIN = {"rounded": False}


def _plan(*programs: Activity, bidang: tuple[str, ...] = ("1.06",), **extra: Any) -> Plan:
    return Plan(title="Fixture",
                organisation=Organisation("Dinas Sosial", "Kabupaten Contoh",
                                          bidang_urusan=[C(b) for b in bidang]),
                period=Period(2021, 2022, 2026), programs=programs, **extra)


def _money(values: dict[int, str]) -> dict[int, MoneyCell]:
    return {year: NIL if v == "-" else D(v) for year, v in values.items()}


def _line(planned: dict[int, str] | None = None, realised: dict[int, str] | None = None,
          total: str | None = None) -> BudgetLine:
    return BudgetLine(planned=_money(planned or {}), realised=_money(realised or {}),
                      planned_total=None if total is None else D(total))


def _act(code: str, *children: Activity, budget: BudgetLine | None = None,
         derived: bool = False, name: str | None = None, table: str | None = None) -> Activity:
    parsed = C(code)
    return Activity(parsed, parsed.level, name or f"activity {code}", children=children,
                    budget=budget, derived=derived,
                    source=Source(table, code) if table else None)


def _row(label: str, code: str | None, level: Level | None = None,
         budget: BudgetLine | None = None) -> BudgetRow:
    parsed = C(code) if code else None
    stated = level or (parsed.level if parsed else Level.KEGIATAN)
    return BudgetRow(label, stated, budget or BudgetLine(), code=parsed)


def _exact(findings: list[Finding]) -> list[tuple[str, Severity, Location, dict[str, object]]]:
    return [(f.rule, f.severity, f.location, dict(f.params)) for f in findings]


# -- RS101: a subtotal against its children ----------------------------------------------------


def test_rs101_each_year_and_field_of_a_subtotal() -> None:
    subs = (_act("1.06.02.2.01.0001", budget=_line({2022: "60", 2023: "50", 2024: "0"},
                                                   {2022: "40"})),
            _act("1.06.02.2.01.0002", budget=_line({2022: "30"}, {2022: "40"})))
    kegiatan = _act("1.06.02.2.01", *subs,
                    budget=_line({2022: "100", 2023: "50", 2024: "7"}, {2022: "90"}))
    program = _act("1.06.02", kegiatan, budget=_line({2022: "100"}))
    findings = check(_plan(program), select=["RS101"])
    where = "programs[0].children[0]"
    assert _exact(findings) == [
        ("RS101", Severity.ERROR, Location("T-C.27", C("1.06.02.2.01"), 2022, where),
         {"what": "kegiatan.planned", "stated": "100", "sum": "90", **PLAIN}),
        ("RS101", Severity.ERROR, Location("T-C.27", C("1.06.02.2.01"), 2024, where),
         {"what": "kegiatan.planned", "stated": "7", "sum": "0", **PLAIN}),
        ("RS101", Severity.ERROR, Location("T-C.27", C("1.06.02.2.01"), 2022, where),
         {"what": "kegiatan.realised", "stated": "90", "sum": "80", **PLAIN}),
    ]
    assert findings[0].message() == "Kegiatan planned 100 differs from the sum of its parts 90"
    assert findings[0].message("id") == (
        "pagu Kegiatan 100 berbeda dari jumlah bagian-bagiannya 90")
    assert findings[2].message("id") == (
        "realisasi Kegiatan 90 berbeda dari jumlah bagian-bagiannya 80")


def test_rs101_a_difference_of_rounding_only_is_info() -> None:
    subs = (_act("1.06.02.2.01.0001", budget=_line({2022: "60.5"})),
            _act("1.06.02.2.01.0002", budget=_line({2022: "40"})))
    program = _act("1.06.02", _act("1.06.02.2.01", *subs, budget=_line({2022: "101"})))
    (finding,) = check(_plan(program), select=["RS101"])
    assert (finding.severity, dict(finding.params)) == (Severity.INFO, {
        "what": "kegiatan.planned", "stated": "101", "sum": "100.5",
        "rounded": True})
    assert finding.message() == (
        "Kegiatan planned 101 differs from the sum of its parts 100.5 (only rounded to whole "
        "rupiah)")
    assert finding.message("id") == (
        "pagu Kegiatan 101 berbeda dari jumlah bagian-bagiannya 100.5 (hanya dibulatkan ke "
        "rupiah utuh)")


def test_rs101_reads_past_a_derived_parent_and_a_line_without_planned_money() -> None:
    sub = _act("1.06.02.2.01.0001", budget=_line({2022: "10"}, {2022: "5"}))
    kegiatan = _act("1.06.02.2.01", sub, budget=_line(realised={2022: "6"}))
    program = _act("1.06.02", kegiatan, derived=True)
    assert _exact(check(_plan(program), select=["RS101"])) == [
        ("RS101", Severity.ERROR, Location("T-C.27", C("1.06.02.2.01"), 2022,
                                           "programs[0].children[0]"),
         {"what": "kegiatan.realised", "stated": "6", "sum": "5", **PLAIN}),
    ]


def test_rs101_a_parent_that_adds_up_its_sub_kegiatan_leaves_its_year_to_the_child() -> None:
    sub = _act("1.06.02.2.01.0001", budget=_line({2022: "100", 2023: "200", 2024: "20"}))
    kegiatan = _act("1.06.02.2.01", sub, budget=_line({2022: "90", 2023: "150", 2024: "20"}))
    program = _act("1.06.02", kegiatan, budget=_line({2022: "100", 2023: "200", 2024: "30"}))
    assert [(str(f.location.code), f.location.year, f.params["stated"], f.params["sum"])
            for f in check(_plan(program), select=["RS101"])] == [
        ("1.06.02", 2024, "30", "20"),
        ("1.06.02.2.01", 2022, "90", "100"),
        ("1.06.02.2.01", 2023, "150", "200"),
    ]


def test_rs101_the_total_row_against_the_planned_money_of_the_programs() -> None:
    sub = _act("1.06.02.2.01.0001", budget=_line({2022: "90", 2023: "0"},
                                                 {2022: "100", 2023: "5"}))
    plan = _plan(_act("1.06.02", _act("1.06.02.2.01", sub)),
                 total_budget=_line({2022: "100", 2023: "5", 2024: "8"}))
    findings = check(plan, select=["RS101"])
    assert _exact(findings) == [
        ("RS101", Severity.ERROR,
         Location("T-C.27", None, 2022, "total_budget.planned[2022]", "TOTAL"),
         {"what": "total", "stated": "100", "sum": "90", **PLAIN}),
        ("RS101", Severity.ERROR,
         Location("T-C.27", None, 2023, "total_budget.planned[2023]", "TOTAL"),
         {"what": "total", "stated": "5", "sum": "0", **PLAIN}),
    ]
    assert findings[0].message() == "TOTAL 100 differs from the sum of its parts 90"


# -- RS102: an end-of-period pagu against its years ---------------------------------------------


def test_rs102_activities_and_the_total_row() -> None:
    subs = (_act("1.06.02.2.01.0001", budget=_line({2022: "40", 2023: "60"}, total="110")),
            _act("1.06.02.2.01.0002", budget=_line({2022: "5"}, total="5")),
            _act("1.06.02.2.01.0003", budget=_line(total="5")),
            _act("1.06.02.2.01.0004", budget=_line({2022: "0.5", 2023: "100"}, total="101")))
    plan = _plan(_act("1.06.02", _act("1.06.02.2.01", *subs)),
                 total_budget=_line({2022: "100", 2023: "100"}, total="250"))
    findings = check(plan, select=["RS102"])
    base = "programs[0].children[0].children"
    assert _exact(findings) == [
        ("RS102", Severity.ERROR, Location("T-C.27", C("1.06.02.2.01.0001"), None,
                                           f"{base}[0].budget.planned_total"),
         {"what": "sub_kegiatan.period", "stated": "110", "sum": "100", **PLAIN}),
        ("RS102", Severity.ERROR, Location("T-C.27", C("1.06.02.2.01.0003"), None,
                                           f"{base}[2].budget.planned_total"),
         {"what": "sub_kegiatan.period", "stated": "5", "sum": "0", **PLAIN}),
        ("RS102", Severity.INFO, Location("T-C.27", C("1.06.02.2.01.0004"), None,
                                          f"{base}[3].budget.planned_total"),
         {"what": "sub_kegiatan.period", "stated": "101", "sum": "100.5",
          "rounded": True}),
        ("RS102", Severity.ERROR,
         Location("T-C.27", None, None, "total_budget.planned_total", "TOTAL"),
         {"what": "total", "stated": "250", "sum": "200", **PLAIN}),
    ]
    assert findings[3].message("id") == "TOTAL 250 berbeda dari jumlah bagian-bagiannya 200"


# -- RS103: a T-C.24 row against the rows under it ----------------------------------------------


def test_rs103_each_row_with_rows_under_it_each_field_and_year() -> None:
    rows = (
        _row("orphan", "1.06.01.2.01.0001", budget=_line({2022: "5"})),
        _row("P", "1.06.02", budget=_line({2022: "100", 2023: "50", 2024: "7", 2025: "3"})),
        _row("K1", "1.06.02.2.01", budget=_line({2022: "60", 2023: "50", 2025: "0"})),
        _row("K2", "1.06.02.2.02", budget=_line({2022: "30"})),
        _row("P2", "1.06.03", budget=_line(realised={2022: "10"})),
        _row("K3", "1.06.03.2.01", budget=_line(realised={2022: "5"})),
    )
    findings = check(_plan(budget_table=rows), select=["RS103"])
    assert _exact(findings) == [
        ("RS103", Severity.ERROR,
         Location("T-C.24", C("1.06.02"), 2022, "budget_table[1].budget.planned[2022]", "P"),
         {"what": "program.planned", "stated": "100", "sum": "90", **PLAIN}),
        ("RS103", Severity.ERROR,
         Location("T-C.24", C("1.06.02"), 2025, "budget_table[1].budget.planned[2025]", "P"),
         {"what": "program.planned", "stated": "3", "sum": "0", **PLAIN}),
        ("RS103", Severity.ERROR,
         Location("T-C.24", C("1.06.03"), 2022, "budget_table[4].budget.realised[2022]", "P2"),
         {"what": "program.realised", "stated": "10", "sum": "5", **PLAIN}),
    ]
    assert findings[0].message() == "Program planned 100 differs from the sum of its parts 90"


# -- RS111: a code of another bidang urusan -----------------------------------------------------


def test_rs111_reports_the_topmost_activity_of_another_bidang() -> None:
    own = _act("1.06.02", _act("1.06.02.2.01", _act("1.06.02.2.01.0001")))
    foreign = _act("1.02.02", _act("1.02.02.2.01", _act("1.02.02.2.01.0001")))
    generic = _act("X.XX.01", _act("X.XX.01.2.01", _act("X.XX.01.2.01.0001")))
    findings = check(_plan(own, foreign, generic, bidang=("1.06", "1.05")), select=["RS111"])
    assert _exact(findings) == [
        ("RS111", Severity.WARNING, Location("T-C.27", C("1.02.02"), None, "programs[1]"),
         {"code": "1.02.02", "bidang": "1.02", "own": "1.05, 1.06"}),
    ]
    assert findings[0].message() == (
        "code 1.02.02 belongs to bidang urusan 1.02, not to the agency's (1.05, 1.06)")
    assert findings[0].message("id") == (
        "kode 1.02.02 termasuk bidang urusan 1.02, bukan bidang urusan perangkat daerah "
        "(1.05, 1.06)")
    assert check(_plan(own, foreign, bidang=()), select=["RS111"]) == []


# -- RS112: T-C.24's codes against its order ----------------------------------------------------


def test_rs112_a_code_of_another_level_or_under_another_parent() -> None:
    rows = (
        _row("U", "1"),
        _row("B", "1.06"),
        _row("P", "1.06.02"),
        _row("K", "1.06.02.2.01"),
        _row("S", "1.06.02.2.01.0001"),
        _row("no code", None),
        _row("wrong level", "1.06.02.2.02", Level.SUB_KEGIATAN),
        _row("S2", "1.06.02.2.03.0001"),
        _row("U2", "2"),
    )
    findings = check(_plan(budget_table=rows), select=["RS112"])
    assert _exact(findings) == [
        ("RS112", Severity.ERROR,
         Location("T-C.24", C("1.06.02.2.02"), None, "budget_table[6].code", "wrong level"),
         {"row": "wrong level", "level": "sub_kegiatan", "code": "1.06.02.2.02",
          "why": "level", "actual": "kegiatan"}),
        ("RS112", Severity.ERROR,
         Location("T-C.24", C("1.06.02.2.03.0001"), None, "budget_table[7].code", "S2"),
         {"row": "S2", "level": "sub_kegiatan", "code": "1.06.02.2.03.0001",
          "why": "not_child", "parent": "1.06.02.2.01"}),
    ]
    assert findings[0].message() == (
        "row 'wrong level' (sub kegiatan) has code 1.06.02.2.02, which is a kegiatan code")
    assert findings[0].message("id") == (
        "baris 'wrong level' (sub kegiatan) berkode 1.06.02.2.02, yang adalah kode kegiatan")
    assert findings[1].message() == (
        "row 'S2' (sub kegiatan) has code 1.06.02.2.03.0001, which does not extend 1.06.02.2.01")
    assert findings[1].message("id") == (
        "baris 'S2' (sub kegiatan) berkode 1.06.02.2.03.0001, yang bukan turunan 1.06.02.2.01")


def test_rs112_a_new_parent_forgets_the_rows_under_the_one_before() -> None:
    rows = (_row("P", "1.06.02"), _row("K", "1.06.02.2.01"), _row("P2", "1.06.03"),
            _row("S", "1.06.03.2.01.0001"))  # no kegiatan row of its own: nothing to extend
    assert check(_plan(budget_table=rows), select=["RS112"]) == []


# -- RS113: the generic X.XX form ---------------------------------------------------------------


def test_rs113_the_topmost_generic_activity_and_each_generic_row() -> None:
    tree = _act("X.XX.01", _act("X.XX.01.2.08", _act("X.XX.01.2.08.0001")))
    rows = (_row("no code", None), _row("S", "X.XX.01.2.08.0001"), _row("own", "1.02.02"))
    findings = check(_plan(tree, bidang=("1.02",), budget_table=rows), select=["RS113"])
    assert _exact(findings) == [
        ("RS113", Severity.WARNING, Location("T-C.27", C("X.XX.01"), None, "programs[0]"),
         {"code": "X.XX.01", "example": "1.02.01"}),
        ("RS113", Severity.WARNING,
         Location("T-C.24", C("X.XX.01.2.08.0001"), None, "budget_table[1].code", "S"),
         {"code": "X.XX.01.2.08.0001", "example": "1.02.01.2.08.0001"}),
    ]
    assert findings[1].message() == (
        "code X.XX.01.2.08.0001 is the nomenclature's generic form; write the agency's own "
        "(1.02.01.2.08.0001)")
    assert findings[1].message("id") == (
        "kode X.XX.01.2.08.0001 adalah bentuk generik nomenklatur; tuliskan kode perangkat "
        "daerah (1.02.01.2.08.0001)")
    unstated = check(_plan(tree, bidang=()), select=["RS113"])
    assert [f.params["example"] for f in unstated] == ["1.06.01"]


# -- RS131: one code, two names ------------------------------------------------------------------


def test_rs131_compares_the_tree_with_tc24_but_not_a_row_read_from_it() -> None:
    named = _act("1.06.02.2.01.0001", name="Fasilitas KAT", table="T-C.27")
    read = _act("1.06.02.2.01.0002", name="Pendampingan KAT", table="T-C.24")
    tree = _act("1.06.02", _act("1.06.02.2.01", named, read))
    rows = (_row("Fasilitasi KAT", "1.06.02.2.01.0001"),
            _row("Pendampingan KAT", "1.06.02.2.01.0002"),
            _row("Pendampingan Komunitas Adat", "1.06.02.2.01.0002"))  # a second row
    findings = check(_plan(tree, budget_table=rows), select=["RS131"])
    assert _exact(findings) == [
        ("RS131", Severity.WARNING,
         Location("T-C.27", C("1.06.02.2.01.0001"), None, "programs[0].children[0].children[0]"),
         {"code": "1.06.02.2.01.0001", "name": "Fasilitas KAT", "table": "T-C.27",
          "other": "Fasilitasi KAT", "other_table": "T-C.24"}),
    ]
    assert findings[0].message("id") == (
        "1.06.02.2.01.0001 bernama 'Fasilitas KAT' di T-C.27 tetapi 'Fasilitasi KAT' di T-C.24")

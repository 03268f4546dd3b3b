"""Compliance checks: the registry, every family on fixtures, and the true findings of the
TTU plan (verified by hand against the document) with the rows that must raise none."""

from __future__ import annotations

import datetime as dt
import os
from collections import Counter
from decimal import Decimal
from pathlib import Path

import pytest

from renstra_model import (
    NIL,
    Activity,
    Adoption,
    BudgetLine,
    BudgetRow,
    Code,
    Indicator,
    Level,
    Organisation,
    Period,
    Plan,
    Quantity,
)
from renstra_model.checks import FAMILIES, RULES, at_or_above, check, select_rules
from renstra_model.checks.findings import Finding, Severity
from renstra_model.examples import ttu_dinsos
from renstra_model.io.nomenclature import load_nomenclature
from renstra_model.messages import LANGS

DATA = Path(__file__).parent / "data"
D = Decimal


@pytest.fixture(scope="module")
def ttu() -> list[Finding]:
    nomenclature = load_nomenclature(DATA / "nomenclature-small.csv")
    return check(ttu_dinsos(), nomenclature=nomenclature)


def _by(findings: list[Finding], rule: str) -> list[Finding]:
    return [f for f in findings if f.rule == rule]


def _codes(findings: list[Finding], rule: str) -> list[str]:
    return [str(f.location.code) for f in _by(findings, rule)]


# -- the registry ---------------------------------------------------------------------------


def test_every_family_has_rules_and_ids_are_stable() -> None:
    assert {r.family for r in RULES.values()} == set(FAMILIES)
    for rule_id, rule in RULES.items():
        assert rule_id == rule.id
        assert len(rule_id) == 5
        assert rule_id.startswith("RS")
        assert rule_id[2:].isdigit()
        for lang in LANGS:
            assert rule.title.render(lang)
            assert rule.why.render(lang)
        assert rule.example


def test_every_ttu_finding_renders_in_both_languages(ttu: list[Finding]) -> None:
    for finding in ttu:
        for lang in LANGS:
            text = finding.message(lang)
            assert text
            assert "{" not in text
        data = finding.to_dict()
        assert {"rule", "family", "severity", "table", "code", "year", "message"} <= set(data)


def test_selection_by_id_prefix_family_and_ignore() -> None:
    assert [r.id for r in select_rules(["RS101"])] == ["RS101"]
    assert {r.id[:3] for r in select_rules(["RS2"])} == {"RS2"}
    assert {r.family for r in select_rules(["stated-percentage"])} == {"stated-percentage"}
    chosen = select_rules(["RS3"], ["RS331", "missing-ratio"])
    assert "RS331" not in {r.id for r in chosen}
    assert not any(r.family == "missing-ratio" for r in chosen)
    with pytest.raises(ValueError, match="RS999"):
        select_rules(["RS999"])
    with pytest.raises(ValueError, match="no-such-family"):
        select_rules(None, ["no-such-family"])


def test_nomenclature_rules_run_only_with_a_nomenclature() -> None:
    findings = check(ttu_dinsos())
    assert not [f for f in findings if f.family == "nomenclature"]


def test_severity_order_and_threshold(ttu: list[Finding]) -> None:
    assert Severity.INFO < Severity.WARNING < Severity.ERROR
    errors = at_or_above(ttu, Severity.ERROR)
    assert errors
    assert all(f.severity is Severity.ERROR for f in errors)
    assert len(at_or_above(ttu, Severity.INFO)) == len(ttu)


# -- the TTU plan: every family except import, hierarchy-sum and code-syntax finds true defects


def test_every_family_but_three_has_a_true_finding_on_ttu(ttu: list[Finding]) -> None:
    # import: the shipped plan is built whole, with no reading notes and no derived activity;
    # name-mismatch: the nomenclature lists the codes, so RS122/RS123 report the names instead
    families = {f.family for f in ttu}
    # missing-ratio: the ratios T-C.24 leaves '-' beside realisations of years not yet ended
    # at adoption are RS341's; magnitude: no pagu or target is a digit off (tests/
    # test_rules_money.py shows the one candidate, 1 06 02 2.03 04 in 2023, follows its target)
    # end-of-period: every end of period follows from its years by one kind or more, or from
    # the series read shifted by a year, which RS202 reports (tests/test_rules_indicators.py
    # has the fixtures)
    absent = {"import", "hierarchy-sum", "code-syntax", "name-mismatch", "missing-ratio",
              "magnitude", "end-of-period"}
    assert set(FAMILIES) - families <= absent
    assert set(FAMILIES) - absent <= families
    assert "import" not in families
    assert "name-mismatch" in {f.family for f in check(ttu_dinsos())}


def _where(finding: Finding) -> str:
    return finding.location.describe()


def test_ttu_stated_percentages(ttu: list[Finding]) -> None:
    """Every RS201 and RS202 finding on TTU, verified against the document: Table 7.1 states
    each year's count beside the share of the next year's (72,18 % (25.325 KPM) in 2022, where
    72.18 % is 28,026 / 38,827, the count of 2023), and T-C.23 and T-C.27 copy the rows."""
    assert [(_where(f), f.params["expected"], f.params["denominator"])
            for f in _by(ttu, "RS201")] == [
        # T-C.27 1 06 06 2.01 03 states 4 Lokasi (80 %) in 2024: 4 / 10 is 40 %, and the
        # shifted reading (6 / 10) 60 %: a typing error in a shifted series
        ("T-C.27 1.06.06.2.01.0003 2024", "40", "10"),
    ]
    shifted = [(_where(f), f.params["shift"], f.params["years"], f.params["denominator"],
                f.params["also"]) for f in _by(ttu, "RS202")]
    assert shifted == [
        ("7.1 1", 1, [2022, 2023, 2024, 2025, 2026], "38827",
         "T-C.23 1, T-C.27 1.06.05.2.02.0002"),
        ("7.1 2", 1, [2023, 2024, 2025, 2026], "19", "T-C.23 2, T-C.27 1.06.05.2.02.0003"),
        ("7.1 3", 1, [2023, 2024, 2025, 2026], "8", "T-C.23 3, T-C.27 1.06.04.2.02.0002"),
        ("7.1 4", 1, [2023, 2024, 2025, 2026], "10", "T-C.23 4, T-C.27 1.06.04.2.02.0014"),
        # no cell at 100 % in T-C.23 5 (its target: 59,04 % (2,994)) nor in T-C.27: the
        # counts of the following years imply 5,071, which Table 7.1 states for 2021
        ("7.1 5", 1, [2022, 2023, 2024, 2025, 2026], "5071",
         "T-C.23 5, T-C.27 1.06.06.2.01.0001"),
        ("7.1 6", 1, [2023, 2024, 2025, 2026], "10", "T-C.23 6"),
        ("7.1 7", 1, [2023, 2024, 2025, 2026], "238", "T-C.23 7, T-C.27 1.06.04.2.02.0007"),
        # the T-C.27 copy of row 6, whose 2024 is RS201's: not the same cells
        ("T-C.27 1.06.06.2.01.0003", 1, [2023, 2025, 2026], "10", ""),
    ]
    first = _by(ttu, "RS202")[0]
    assert first.params["cells"].startswith("2022: 72.18 % = 28026 / 38827; ")
    assert first.message().endswith("(the same in T-C.23 1, T-C.27 1.06.05.2.02.0002)")


def test_ttu_end_of_period(ttu: list[Finding]) -> None:
    """The document states no aggregation kind: RS211 (another kind than the stated one) has
    nothing to compare; the ends of period that no kind gives (7.1 rows 1-7 and their T-C.27
    copies: 38,827 KPM after 36,127 in 2026) are the ends of the series RS202 reads shifted.
    Where exactly one kind gives the printed end, RS236 names it."""
    assert _by(ttu, "RS211") == []
    assert _by(ttu, "RS212") == []
    assert [(str(f.location.code), f.params["stated"], f.params["kind"])
            for f in _by(ttu, "RS236")] == [
        ("1.06.01.2.08.0001", "678", "last"),  # 678 lembar every year
        ("1.06.01.2.08.0002", "7", "last"),
        ("1.06.01.2.08.0003", "27", "last"),  # 27, 10, 27, 27, 27 unit
        ("1.06.01.2.09.0002", "13", "last"),
        ("1.06.01.2.09.0009", "4", "last"),
        ("1.06.01.2.09.0010", "1", "last"),  # 0, 1, 1, 1, 1 paket
        ("1.06.02.2.01.0001", "9", "sum"),  # 2 + 1 + 2 + 2 + 2 lokasi
        ("1.06.02.2.01.0002", "7", "sum"),
        ("1.06.02.2.03.0001", "146", "sum"),
        ("1.06.02.2.03.0002", "20212", "last"),  # 23,899 falling to 20,212 KPM
        ("1.06.02.2.03.0003", "17431", "last"),
        ("1.06.02.2.03.0004", "67", "sum"),
        ("1.06.02.2.03.0005", "24", "sum"),  # 5 + 4 + 5 + 5 + 5 Kasus
        ("1.06.03.2.01.0001", "9", "sum"),
        ("1.06.04.2.01.0001", "450", "sum"),
        ("1.06.04.2.01.0002", "135", "sum"),
        ("1.06.04.2.01.0003", "72", "sum"),
        ("1.06.04.2.01.0006", "615", "sum"),
        ("1.06.04.2.02.0001", "5", "sum"),  # 1 Puskesmas every year
        ("1.06.04.2.02.0003", "115", "sum"),  # 25 + - + 25 + 25 + 40 org
        ("1.06.04.2.02.0008", "450", "sum"),
        ("1.06.05.2.01.0001", "75", "sum"),
        ("1.06.05.2.02.0004", "20", "sum"),
        ("1.06.06.2.01.0004", "35", "sum"),
        ("1.06.06.2.02.0002", "4", "sum"),  # -, 1, 1, 1, 1 KSB
        ("1.06.07.2.01.0001", "1", "last"),  # - lokasi, 1, 1, -, -: the last amount
        ("1.06.07.2.01.0002", "1", "last"),
    ]
    # 1 06 01 2.08 04: 27, 0, 0, 0, 0 unit, end 27: the sum and the largest year both give it
    assert "1.06.01.2.08.0004" not in {str(f.location.code) for f in ttu if f.rule == "RS236"}


def test_ttu_cross_table_defects(ttu: list[Finding]) -> None:
    differ = [(str(f.location.code), f.params["what"]) for f in _by(ttu, "RS221")]
    assert differ == [
        ("1.06.04.2.02.0002", "baseline"),  # 6 Panti vs 12,50 % (1 Panti)
        ("1.06.04.2.02.0007", "baseline"),  # 156 org vs 71,85 % (171 org)
        ("1.06.04.2.02.0014", "baseline"),  # - WKSBM vs 20,00 % (2 WKSBM)
        ("1.06.06.2.01.0003", "baseline"),  # 3 Lokasi vs 20,00 % (2 unit)
    ]  # 2024: 4 Lokasi (80 %) vs 60,00 % (4 unit): the same count, the 80 % is RS201's
    assert [(_where(f), f.params["units"], f.params["other_units"])
            for f in _by(ttu, "RS222")] == [
        ("T-C.25 3, indikator 3", "korban", "org"),
        ("T-C.25 4, indikator 4", "puskesos", "puskesmas"),
        ("T-C.27 1.06.06.2.01.0001", "korban bencana", "org"),
        ("T-C.27 1.06.06.2.01.0003", "lokasi", "unit"),
    ]


def test_ttu_indicator_values_and_units(ttu: list[Finding]) -> None:
    assert [(_where(f), f.params["cells"], f.params["unit"]) for f in _by(ttu, "RS232")] == [
        ("T-C.27 1.06.05.2.02.0003", [2023], "kube"),  # 2 (26,32 %)
        ("T-C.27 1.06.06.2.01.0004", ["end_of_period"], "orang"),  # 35
    ]
    assert [(_where(f), f.params["what"]) for f in _by(ttu, "RS234")] == [
        ("T-C.27 1.06.06.2.02.0002", ["end_of_period"]),  # the Tagana line
    ]
    # T-C.23 prints 72.18 % (25.325), … without a unit in any row
    assert [(_where(f), f.params["cells"]) for f in _by(ttu, "RS237")] == [
        (f"T-C.23 {n}", [2022, 2023, 2024, 2025, 2026]) for n in range(1, 8)
    ]


def test_ttu_money_defects(ttu: list[Finding]) -> None:
    """Every finding of the money and magnitude rules (RS3xx) on TTU, verified against the
    document."""
    money = [(f.rule, f.location.table, str(f.location.code) if f.location.code else
              f.location.row, f.location.year) for f in ttu if f.rule.startswith("RS3")]
    assert money == [
        # T-C.24 1 06 01 2.06 04 (Penyediaan Bahan Logistik Kantor) states 67,668,207.5 for
        # 2023; its kegiatan, program, bidang and the T-C.27 TOTAL carry that half rupiah
        ("RS301", "T-C.24", "1.06.01.2.06.0004", 2023),
        # targets whose year has "-" for pagu in T-C.27
        ("RS311", "T-C.27", "1.06.01.2.09.0010", 2023),  # 1 paket
        ("RS311", "T-C.27", "1.06.02.2.03.0001", 2022),  # 30 org
        ("RS311", "T-C.27", "1.06.02.2.03.0002", 2022),  # 23,899 KPM
        ("RS311", "T-C.27", "1.06.03.2.01.0001", 2022),  # 2 Kasus
        ("RS311", "T-C.27", "1.06.04.2.01.0001", 2022),  # 100 org
        ("RS311", "T-C.27", "1.06.04.2.01.0002", 2022),  # 10 org
        ("RS311", "T-C.27", "1.06.04.2.01.0003", 2022),  # 5 org
        ("RS311", "T-C.27", "1.06.04.2.01.0006", 2022),  # 100 org
        ("RS311", "T-C.27", "1.06.04.2.02.0014", 2022),  # 2 WKSBM (20 %)
        ("RS311", "T-C.27", "1.06.05.2.02.0002", 2022),  # 25,325 KPM (72.18 %)
        ("RS311", "T-C.27", "1.06.05.2.02.0003", 2022),  # 2 KUBE (10.53 %)
        ("RS311", "T-C.27", "1.06.05.2.02.0004", 2022),  # 4 Klp
        ("RS311", "T-C.27", "1.06.06.2.01.0003", 2022),  # 2 Lokasi (20 %)
        ("RS311", "T-C.27", "1.06.06.2.02.0002", 2022),  # 38 Tagana
        ("RS311", "T-C.27", "1.06.07.2.01.0002", 2022),  # 1 lokasi
        # both growth columns state the last step's growth: one finding
        ("RS331", "T-C.24", "Rata-rata Pertumbuhan", None),
        # realisations for 2022-2026 in a plan adopted 2021-09-09 (the ratios T-C.24 leaves
        # '-' beside them are not a second defect: no RS321)
        ("RS341", "T-C.23", None, None),
        ("RS341", "T-C.24", None, None),
    ]
    (half,) = _by(ttu, "RS301")
    assert (half.location.path, dict(half.params)) == (
        "budget_table[12].budget.planned[2023]", {"value": "67668207.5"})
    unfunded = {(str(f.location.code), f.location.year): (f.params["target"], f.params["money"])
                for f in _by(ttu, "RS311")}
    assert unfunded[("1.06.05.2.02.0002", 2022)] == ("25325 KPM (72.18 %)", "-")
    assert ("1.06.02.2.03.0003", 2022) not in unfunded  # 18,895 KPM, Rp 544,681,852
    (growth,) = _by(ttu, "RS331")
    assert {k: growth.params[k] for k in ("count", "counts", "stated", "mean", "cagr")} == {
        "count": 57, "counts": {"planned": 57, "realised": 57}, "stated": "14.49",
        "mean": "22.59", "cagr": "17.48"}
    future = {f.location.table: (f.params["count"], f.params["years"]) for f in _by(ttu, "RS341")}
    assert future == {"T-C.23": (7, [2022, 2023, 2024, 2025, 2026]),
                      "T-C.24": (72, [2022, 2023, 2024, 2025, 2026])}


def _pinned(findings: list[Finding], *rules: str) -> list[tuple[object, ...]]:
    return [
        (f.rule, f.location.table, str(f.location.code) if f.location.code else None,
         f.location.path)
        for f in findings if f.rule in rules
    ]


def test_ttu_names_and_missing_values(ttu: list[Finding]) -> None:
    # Without a nomenclature, RS131 compares T-C.27's names with T-C.24's (verified against
    # the document: Fasilitas / Fasilitasi, Permakanaan / Permakanan twice, PENGELOLAAN /
    # PENGLOLAAN) ...
    assert _pinned(check(ttu_dinsos()), "RS131") == [
        ("RS131", "T-C.27", "1.06.02.2.01.0001", "programs[1].children[0].children[0]"),
        ("RS131", "T-C.27", "1.06.04.2.01.0001", "programs[3].children[0].children[0]"),
        ("RS131", "T-C.27", "1.06.04.2.02.0003", "programs[3].children[1].children[2]"),
        ("RS131", "T-C.27", "1.06.05.2.02", "programs[4].children[1]"),
    ]
    # ... with one that lists the codes, RS122 and RS123 judge each name instead: the same
    # four defects, at the table whose name is wrong, and no RS131 to repeat them.
    assert _pinned(ttu, "RS131", "RS122", "RS123") == [
        ("RS122", "T-C.27", "1.06.02.2.01.0001", "programs[1].children[0].children[0]"),
        ("RS122", "T-C.27", "1.06.04.2.01.0001", "programs[3].children[0].children[0]"),
        ("RS122", "T-C.27", "1.06.04.2.02.0003", "programs[3].children[1].children[2]"),
        ("RS122", "T-C.27", "1.06.04.2.02.0014", "programs[3].children[1].children[5]"),
        ("RS123", "T-C.24", "1.06.01.2.06.0005", "budget_table[13]"),
        ("RS123", "T-C.24", "1.06.01.2.07", "budget_table[15]"),
        ("RS123", "T-C.24", "1.06.04.2.02.0014", "budget_table[53]"),
        ("RS123", "T-C.24", "1.06.05.2.02", "budget_table[57]"),
    ]
    # 1 06 01 2.08 04 'Penyediaan Jasa Pelayanan umum Kantor' in both tables: case only
    assert [(f.location.table, f.params["kinds"]) for f in _by(ttu, "RS125")] == [
        ("T-C.27", ["case"]), ("T-C.24", ["case"])]
    # The indicator cell of 1 06 01 2.08 04 is empty; the 13 sub kegiatan of 1 06 01 2.02,
    # 2.05, 2.06 and 2.07, which the document states in T-C.24 only, are RS238's.
    (nameless,) = _by(ttu, "RS231")
    assert (str(nameless.location.code), nameless.location.path, nameless.params["what"]) == (
        "1.06.01.2.08.0004", "programs[0].children[4].children[3].indicators[0]",
        "unnamed_indicator")
    # Program and kegiatan rows of T-C.27 whose pagu cells are empty
    assert [(str(f.location.code), f.params["years"]) for f in _by(ttu, "RS233")] == [
        ("1.06.03", [2023, 2024, 2025, 2026]),  # '-' for 2022, then nothing
        ("1.06.05", [2022, 2023, 2024, 2025, 2026]),
        ("1.06.05.2.01", [2022, 2023, 2024, 2025, 2026]),
        ("1.06.05.2.02", [2023, 2024, 2025, 2026]),  # its sub kegiatan have no 2022 money
        ("1.06.06", [2022, 2023, 2024, 2025, 2026]),
        ("1.06.06.2.01", [2022, 2023, 2024, 2025, 2026]),
        ("1.06.06.2.02", [2023, 2024, 2025, 2026]),
        ("1.06.07", [2023, 2024, 2025, 2026]),
        ("1.06.07.2.01", [2023, 2024, 2025, 2026]),
    ]
    assert _pinned(ttu, "RS235") == [  # the LOKASI cell is empty
        ("RS235", "T-C.27", "1.06.01.2.08.0004", "programs[0].children[4].children[3]"),
        ("RS235", "T-C.27", "1.06.04.2.02.0003", "programs[3].children[1].children[2]"),
        ("RS235", "T-C.27", "1.06.06.2.01.0004", "programs[5].children[0].children[2]"),
    ]
    (tc24_only,) = _by(ttu, "RS238")
    assert (tc24_only.location.table, tc24_only.location.path, tc24_only.params["count"]) == (
        "T-C.24", "programs", 13)
    assert tc24_only.params["codes"] == [
        "1.06.01.2.02.0001", "1.06.01.2.02.0002", "1.06.01.2.05.0005", "1.06.01.2.05.0006",
        "1.06.01.2.05.0009", "1.06.01.2.06.0001", "1.06.01.2.06.0002", "1.06.01.2.06.0004",
        "1.06.01.2.06.0005", "1.06.01.2.06.0009", "1.06.01.2.07.0002", "1.06.01.2.07.0005",
        "1.06.01.2.07.0011",
    ]
    assert tc24_only.message() == (
        "13 sub kegiatan are stated only in T-C.24 and have no T-C.27 row: 1.06.01.2.02.0001, "
        "1.06.01.2.02.0002, 1.06.01.2.05.0005, 1.06.01.2.05.0006, 1.06.01.2.05.0009, …")
    assert _codes(ttu, "RS234") == ["1.06.06.2.02.0002"]  # the Tagana line has no end
    # No rule fires on half the plan's activities or indicators: without a nomenclature
    # nothing is collapsed into a diagnosis; the small fixture lists 24 of the plan's 71
    # codes, so RS121's 47 findings on it are one.
    assert not [f for f in check(ttu_dinsos()) if f.members]
    (diagnosis,) = [f for f in ttu if f.members]
    assert (diagnosis.rule, diagnosis.params["count"], diagnosis.params["total"]) == (
        "RS121", 47, 71)


def test_ttu_findings_of_the_import_structure_and_code_rules(ttu: list[Finding]) -> None:
    # The shipped plan has no reading note and no derived activity; its subtotals add up but
    # for the TOTAL row, which is only rounded; its codes are its bidang's, specific, and
    # extend their parents in T-C.24.
    assert _pinned(ttu, "RS001", "RS002", "RS003", "RS004", "RS101", "RS102", "RS103",
                   "RS111", "RS112", "RS113", "RS124") == [
        ("RS102", "T-C.27", None, "total_budget.planned_total")]


def test_ttu_total_row_is_only_rounded(ttu: list[Finding]) -> None:
    (total,) = _by(ttu, "RS102")
    assert total.severity is Severity.INFO
    assert (total.params["stated"], total.params["sum"]) == ("33801099011", "33801099010.50")


def test_ttu_correct_rows_raise_nothing(ttu: list[Finding]) -> None:
    counts = Counter(f.rule for f in ttu)
    for rule in ("RS101", "RS103", "RS111", "RS112", "RS113", "RS124", "RS322", "RS332"):
        assert counts[rule] == 0, rule
    # (the small nomenclature fixture lists few codes: RS121 is pinned on the full file; RS236
    # names the kind their end of period follows, which the document does not state)
    flagged = {str(f.location.code) for f in ttu
               if f.location.code and f.rule not in ("RS121", "RS236")}
    for clean in ("1.06.01.2.08.0002", "1.06.01.2.09.0002", "1.06.02.2.03.0005"):
        assert clean not in flagged, clean


# -- fixtures for the families the TTU plan does not exercise ---------------------------------


def _plan(programs: list[Activity], **extra: object) -> Plan:
    return Plan(
        title="Fixture",
        organisation=Organisation("Dinas Sosial", "Kabupaten Contoh",
                                  bidang_urusan=[Code.parse("1.06")]),
        period=Period(2021, 2022, 2026),
        programs=programs,
        **extra,  # type: ignore[arg-type]
    )


def _sub(code: str, planned: dict[int, Decimal]) -> Activity:
    return Activity(Code.parse(code), Level.SUB_KEGIATAN, f"sub {code}",
                    budget=BudgetLine(planned=planned), location="Kefamenanu")


def test_hierarchy_sums_on_a_fixture() -> None:
    subs = [_sub("1.06.02.2.01.0001", {2022: D(60)}), _sub("1.06.02.2.01.0002", {2022: D(30)})]
    kegiatan = Activity(
        Code.parse("1.06.02.2.01"), Level.KEGIATAN, "k", children=subs,
        budget=BudgetLine(planned={2022: D(100)}, planned_total=D("95")),
    )
    program = Activity(Code.parse("1.06.02"), Level.PROGRAM, "p", children=[kegiatan],
                       budget=BudgetLine(planned={2022: D(100)}))
    findings = check(_plan([program]), select=["hierarchy-sum"])
    found = sorted((f.rule, str(f.location.code), f.location.year) for f in findings)
    assert found == [
        ("RS101", "1.06.02.2.01", 2022),  # 100 stated, 60 + 30 = 90
        ("RS102", "1.06.02.2.01", None),  # end of period 95, the years add up to 100
    ]
    assert all(f.severity is Severity.ERROR for f in findings)


def test_tc24_sums_and_code_hierarchy_on_a_fixture() -> None:
    def row(label: str, level: Level, code: str, amount: str) -> BudgetRow:
        return BudgetRow(label, level, BudgetLine(planned={2022: D(amount)}),
                         code=Code.parse(code))

    rows = [
        row("PROGRAM", Level.PROGRAM, "1.06.02", "100"),
        row("KEGIATAN A", Level.KEGIATAN, "1.06.02.2.01", "70"),
        row("sub a1", Level.SUB_KEGIATAN, "1.06.02.2.01.0001", "70"),
        row("KEGIATAN B", Level.KEGIATAN, "1.06.02.2.03", "20"),
        row("sub b1", Level.SUB_KEGIATAN, "1.06.02.2.01.0002", "20"),  # under the wrong parent
        row("sub b2", Level.KEGIATAN, "1.06.02.2.03.0001", "0"),  # level differs from code
    ]
    plan = _plan([], budget_table=rows)
    sums = check(plan, select=["RS103"])
    assert [(f.location.row, f.params["stated"], f.params["sum"]) for f in sums] == [
        ("PROGRAM", "100", "90"),
    ]
    codes = check(plan, select=["RS112"])
    assert [f.location.row for f in codes] == ["sub b1", "sub b2"]


def test_code_syntax_on_a_fixture() -> None:
    foreign = Activity(Code.parse("1.02.02"), Level.PROGRAM, "PROGRAM KESEHATAN")
    generic = Activity(Code.parse("X.XX.01"), Level.PROGRAM, "PROGRAM PENUNJANG")
    findings = check(_plan([foreign, generic]), select=["code-syntax"])
    assert sorted((f.rule, str(f.location.code)) for f in findings) == [
        ("RS111", "1.02.02"),
        ("RS113", "X.XX.01"),
    ]


def test_money_rules_on_a_fixture() -> None:
    indicator = Indicator("x", aggregation=None, planned={
        2022: Quantity(D(5), "org"), 2023: Quantity(NIL, "org"),
    })
    sub = Activity(
        Code.parse("1.06.02.2.01.0001"), Level.SUB_KEGIATAN, "s", indicators=[indicator],
        budget=BudgetLine(planned={2022: NIL, 2023: D("10.5")}), location="Kefamenanu",
    )
    kegiatan = Activity(Code.parse("1.06.02.2.01"), Level.KEGIATAN, "k", children=[sub])
    program = Activity(Code.parse("1.06.02"), Level.PROGRAM, "p", children=[kegiatan])
    findings = check(_plan([program], adoption=Adoption(dt.date(2021, 9, 9))))
    assert [(f.rule, str(f.location.code), f.location.year) for f in findings
            if f.rule.startswith("RS3")] == [
        ("RS301", "1.06.02.2.01.0001", 2023),  # half a rupiah
        ("RS311", "1.06.02.2.01.0001", 2022),  # 5 org, Rp -
        ("RS312", "1.06.02.2.01.0001", 2023),  # Rp 10.5, target -
    ]
    assert "RS236" not in {f.rule for f in findings}  # no end of period to compare


# -- the full nomenclature, when available -----------------------------------------------------


@pytest.mark.skipif(
    not os.environ.get("RENSTRA_NOMENCLATURE"), reason="RENSTRA_NOMENCLATURE is not set: see "
        "docs/getting-started.md, section Environment"
)
def test_ttu_against_the_full_nomenclature() -> None:
    nomenclature = load_nomenclature(Path(os.environ["RENSTRA_NOMENCLATURE"]))
    findings = check(ttu_dinsos(), select=["nomenclature"], nomenclature=nomenclature)
    assert not _by(findings, "RS121")  # every TTU code is in the national nomenclature
    assert sorted(_codes(findings, "RS122")) == [
        "1.06.02.2.01.0001", "1.06.04.2.01.0001", "1.06.04.2.02.0003", "1.06.04.2.02.0014",
    ]

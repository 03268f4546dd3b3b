"""The sheets other agencies keep: leaf-only sheets and the parents derived from their codes,
one code and name column per level, one-year sheets, identity not stated, and the cells read
with a remark. Read with :func:`read_rows` (the same reader as a workbook's, without a file)."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from renstra_model import Level, Reading
from renstra_model.io.excel import WorkbookError, read_rows
from renstra_model.io.excel.cells import _float_decimal, is_noisy
from renstra_model.model.codes import Code
from renstra_model.model.nomenclature import Entry, Nomenclature

D = Decimal
LEAF: list[Any] = ["KODE SUB KEGIATAN", "NAMA SUB KEGIATAN", "JUMLAH PAGU"]
SPLIT: list[Any] = ["KODE PROGRAM", "NAMA PROGRAM", "KODE KEGIATAN", "NAMA KEGIATAN",
         "KODE SUB KEGIATAN", "NAMA SUB KEGIATAN", "PAGU INDIKATIF 2026"]


def tree(rows: list[Any], **options: Any) -> list[tuple[str, str | None, bool, Any]]:
    """Every activity read: code, name, derived, planned pagu."""
    plan = read_rows(rows, **options).plan
    return [(str(a.code), a.name, a.derived, dict(a.budget.planned) if a.budget else None)
            for _, a in plan.activities()]


def notes(rows: list[Any], **options: Any) -> list[tuple[str, str, str, str | None]]:
    """Every note of the reading: place, reading, key, content."""
    plan = read_rows(rows, **options).plan
    return [(n.place, n.reading.value, n.key, n.value) for n in plan.reading]


# -- leaf-only sheets -----------------------------------------------------------------------


def test_a_one_year_sheet_of_sub_kegiatan_derives_its_parents() -> None:
    rows = [LEAF, ["1.02.02.2.01.0001", "Ibu Hamil", 150],
            ["1.02.02.2.01.0002", "Ibu Bersalin", 70], ["1.02.03.2.02.0001", "Obat", 30]]
    assert tree(rows, start_year=2025) == [
        ("1.02.02", None, True, None), ("1.02.02.2.01", None, True, None),
        ("1.02.02.2.01.0001", "Ibu Hamil", False, {2025: D(150)}),
        ("1.02.02.2.01.0002", "Ibu Bersalin", False, {2025: D(70)}),
        ("1.02.03", None, True, None), ("1.02.03.2.02", None, True, None),
        ("1.02.03.2.02.0001", "Obat", False, {2025: D(30)})]
    plan = read_rows(rows, start_year=2025).plan
    assert (plan.period.baseline_year, plan.period.years) == (2024, (2025,))
    source = plan.find("1.02.02.2.01").source
    assert source is not None
    assert (source.table, source.row, source.note) == (
        "Sheet1", "1.02.02.2.01", "derived from the codes of rows 2-3")
    assert plan.reading == ()


def test_a_one_year_sheet_needs_its_year_once() -> None:
    with pytest.raises(WorkbookError) as caught:
        read_rows([LEAF, ["1.02.02.2.01.0001", "Ibu Hamil", 150]])
    assert [c.key for c in caught.value.cells] == ["excel.no_years"]
    assert "--start-year" in caught.value.describe("en")
    # given, it is never asked for again: a header without money or targets says so
    with pytest.raises(WorkbookError) as caught:
        read_rows([["KODE SUB KEGIATAN", "NAMA SUB KEGIATAN", "LOKASI"],
                   ["1.02.02.2.01.0001", "Ibu Hamil", "Desa"]], start_year=2025)
    assert [c.key for c in caught.value.cells] == ["excel.no_year_columns"]
    assert "--start-year" not in caught.value.describe("en")


@pytest.mark.parametrize("money", ["JUMLAH PAGU", "PAGU INDIKATIF", "ANGGARAN", "ALOKASI",
                                   "ALOKASI ANGGARAN", "PAGU (RP)", "JUMLAH ANGGARAN"])
def test_money_headings_of_one_year(money: str) -> None:
    assert tree([["KODE SUB KEGIATAN", "SUB KEGIATAN", money],
                 ["1.02.02.2.01.0001", "Ibu Hamil", 150]], start_year=2025)[-1] == (
        "1.02.02.2.01.0001", "Ibu Hamil", False, {2025: D(150)})


@pytest.mark.parametrize("code", ["KODE SUB KEGIATAN", "KODE SUBKEGIATAN", "KODE REKENING",
                                  "KODE PROGRAM/KEGIATAN", "KODE PROGRAM/KEGIATAN/SUB KEGIATAN"])
def test_code_headings(code: str) -> None:
    assert tree([[code, "URAIAN", "PAGU INDIKATIF 2025"],
                 ["1.02.02.2.01", "Kegiatan", None],
                 ["1.02.02.2.01.0001", "Ibu Hamil", 150]])[1:] == [
        ("1.02.02.2.01", "Kegiatan", False, None),
        ("1.02.02.2.01.0001", "Ibu Hamil", False, {2025: D(150)})]


def test_a_sheet_of_codes_and_money_without_names() -> None:
    assert tree([["KODE SUB KEGIATAN", "PAGU INDIKATIF 2025"],
                 ["1.02.02.2.01.0001", 150]])[-1] == ("1.02.02.2.01.0001", None, False,
                                                      {2025: D(150)})


def test_kegiatan_rows_without_programs() -> None:
    rows = [["KODE", "URAIAN", "PAGU 2025"], ["1.02.02.2.01", "Kegiatan A", 220],
            ["1.02.02.2.01.0001", "Sub A", 150], ["1.02.02.2.01.0002", "Sub B", 70]]
    assert [(c, n, d) for c, n, d, _ in tree(rows)] == [
        ("1.02.02", None, True), ("1.02.02.2.01", "Kegiatan A", False),
        ("1.02.02.2.01.0001", "Sub A", False), ("1.02.02.2.01.0002", "Sub B", False)]


def test_derived_parents_are_named_from_the_nomenclature() -> None:
    nomenclature = Nomenclature([
        Entry(Code.parse("1.02.02"), Level.PROGRAM, "PROGRAM PEMENUHAN UPAYA KESEHATAN"),
    ])
    rows = [LEAF, ["1.02.02.2.01.0001", "Ibu Hamil", 150]]
    plan = read_rows(rows, start_year=2025, nomenclature=nomenclature).plan
    program, kegiatan = plan.find("1.02.02"), plan.find("1.02.02.2.01")
    assert (program.name, program.derived, kegiatan.name) == (
        "PROGRAM PEMENUHAN UPAYA KESEHATAN", True, None)
    assert program.source is not None
    assert program.source.note == "derived from the codes of rows 2; name from nomenclature"


def test_a_row_under_a_kegiatan_its_code_does_not_extend_is_noted() -> None:
    rows: list[list[Any]] = [["KODE", "URAIAN", "PAGU 2025"],
                             ["1.02.02.2.01", "Kegiatan A", 220],
                             ["1.02.02.2.02.0001", "Sub of another kegiatan", 150]]
    assert notes(rows) == [("'Sheet1'!A3", "noted", "excel.not_under", "1.02.02.2.02.0001")]
    (note,) = read_rows(rows).plan.reading
    assert note.message("en") == (
        "the code 1.02.02.2.02.0001 does not extend that of the row above it, 1.02.02.2.01 "
        "(row 2): it is read as 1.02.02.2.02.0001, under 1.02.02.2.02, which no row states")
    # rows out of order are no such case: the kegiatan is stated, later
    rows.append(["1.02.02.2.02", "Kegiatan B", 150])
    assert notes(rows) == []
    # strict refuses unread cells only, not cells read with a remark
    assert read_rows(rows[:3], strict=True).plan.reading[0].reading is Reading.NOTED


# -- one column per level -------------------------------------------------------------------


def split_rows(*data: list[Any]) -> list[list[Any]]:
    return [["DINAS PENDIDIKAN KOTA BANDAR"], SPLIT, *data]


def test_codes_and_names_split_over_one_column_per_level() -> None:
    rows = split_rows(
        ["1.01.02", "PROGRAM A", "1.01.02.2.01", "Kegiatan SD", "1.01.02.2.01.0001", "Gedung",
         1500],
        ["1.01.02", "PROGRAM A", "1.01.02.2.01", "Kegiatan  sd", "1.01.02.2.01.0002", "Rehab",
         250],
        ["1.01.02", "PROGRAM A", "1.01.02.2.01", "Kegiatan Sekolah Dasar", "1.01.02.2.01.0003",
         "Meja", 10],
    )
    assert tree(rows) == [
        ("1.01.02", "PROGRAM A", True, None), ("1.01.02.2.01", "Kegiatan SD", True, None),
        ("1.01.02.2.01.0001", "Gedung", False, {2026: D(1500)}),
        ("1.01.02.2.01.0002", "Rehab", False, {2026: D(250)}),
        ("1.01.02.2.01.0003", "Meja", False, {2026: D(10)})]
    # a difference of case and spaces is the same name; another name is reported, not lost
    assert notes(rows) == [("'Sheet1'!D5", "unread", "excel.parent_name",
                            "Kegiatan Sekolah Dasar")]
    plan = read_rows(rows).plan
    assert (plan.organisation.name, plan.organisation.region) == ("DINAS PENDIDIKAN",
                                                                  "KOTA BANDAR")


def test_split_code_columns_that_disagree() -> None:
    rows = split_rows(["1.01.02", "PROGRAM A", "1.01.02.2.02", "Kegiatan SMP",
                       "1.01.02.2.01.0003", "Salah", 1])
    assert tree(rows)[-1] == ("1.01.02.2.01.0003", "Salah", False, {2026: D(1)})
    assert notes(rows) == [
        ("'Sheet1'!C3", "unread", "excel.code_conflict", "1.01.02.2.02"),
        ("'Sheet1'!B3", "unread", "excel.conflict_name", "PROGRAM A"),
        ("'Sheet1'!D3", "unread", "excel.conflict_name", "Kegiatan SMP")]


def test_split_code_columns_holding_parts_of_the_code() -> None:
    rows = [["KODE URUSAN", "KODE BIDANG", "KODE PROGRAM", "KODE KEGIATAN",
             "KODE SUB KEGIATAN", "URAIAN", "PAGU 2025"],
            ["1", "01", "02", None, None, "PROGRAM A", None],
            ["1", "01", "02", "2.01", "0001", "Gedung", 1500]]
    assert tree(rows) == [("1.01.02", "PROGRAM A", False, None),
                          ("1.01.02.2.01", None, True, None),
                          ("1.01.02.2.01.0001", "Gedung", False, {2026 - 1: D(1500)})]


# -- cells read with a remark, rows without a code --------------------------------------------


def test_noise_past_fifteen_digits_is_read_as_displayed() -> None:
    assert (_float_decimal(67668207.500000015), is_noisy(67668207.500000015)) == (
        D("67668207.5"), True)
    assert (_float_decimal(0.30000000000000004), _float_decimal(1234567.89),
            is_noisy(1234567.89), is_noisy(3.0)) == (D("0.3"), D("1234567.89"), False, False)
    rows = [LEAF, ["1.02.02.2.01.0001", "Ibu", 67668207.500000015],
            ["1.02.02.2.01.0002", "Bersalin", 1000.125]]
    assert tree(rows, start_year=2025)[2:] == [
        ("1.02.02.2.01.0001", "Ibu", False, {2025: D("67668207.5")}),
        ("1.02.02.2.01.0002", "Bersalin", False, None)]
    assert notes(rows, start_year=2025) == [
        ("'Sheet1'!C2", "noted", "excel.noisy_number", "67668207.50000001"),
        ("'Sheet1'!C3", "unread", "money.precision", "1000.125")]


def test_a_row_with_a_name_but_no_code_is_noted_whole() -> None:
    rows = [LEAF, ["1.02.02.2.01.0001", "Ibu", 150], [None, "Tanpa kode", 20]]
    assert notes(rows, start_year=2025) == [
        ("'Sheet1'!3", "unread", "excel.no_code", "Tanpa kode | 20")]


def test_nothing_read_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(WorkbookError) as caught:
        read_rows([LEAF, [None, "Tanpa kode", 20]], start_year=2025)
    error = caught.value
    assert [p.key for p in error.problems] == ["excel.no_rows", "excel.no_code"]
    assert error.describe("en").splitlines()[1] == (
        "  no activity could be read: the table under the header has no row with a code that "
        "could be read @ $")

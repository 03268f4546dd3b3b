"""Synthetic workbooks in the shapes agencies keep: the generator writes what its ledger says,
the same seed gives the same file, and the reader loses nothing of what was written."""

from __future__ import annotations

import itertools
import re
import tempfile
import zipfile
from decimal import Decimal
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from renstra_model import Activity, Code, Level
from renstra_model.io.excel import ImportResult, WorkbookError, read_workbook
from renstra_model.model.provenance import Reading
from renstra_model.synthetic import (
    SHAPES,
    WORKBOOK_DEFECTS,
    GeneratedWorkbook,
    LedgerRow,
    WorkbookShape,
    catalogue,
    generate_workbook,
)
from renstra_model.synthetic.workbooks import IDENTITIES, MAX_DATA_ROWS, Identity

D = Decimal


def cells(path: Path, *, values: bool = False) -> Any:
    """The sheet of the workbook at *path*: as written (formulas as their text) or, with
    *values*, as a spreadsheet program saved it (a formula's cached value)."""
    book = openpyxl.load_workbook(path, data_only=values)
    return book.active


def row_values(sheet: Any, row: int) -> list[Any]:
    found = [c.value for c in sheet[row]]
    while found and found[-1] is None:
        found.pop()
    return found


# -- the shapes -------------------------------------------------------------------------------


def test_a_tc27_sheet(tmp_path: Path) -> None:
    made = generate_workbook(tmp_path / "a.xlsx", seed=2, shape="tc27", identity="labels",
                             rows=8, seeded={1: "formula", 2: "error", 3: "foreign-code"})
    assert (made.sheet, made.start_year, made.header_row) == ("T-C.27", 2021, 5)
    assert made.years == (2021, 2022, 2023, 2024, 2025)
    assert made.organisation == "Dinas Pengendalian Penduduk dan Keluarga Berencana"
    assert made.region == "Kabupaten Sarama Ngibo"
    sheet = cells(made.path)
    assert sheet.title == "T-C.27"
    assert row_values(sheet, 1) == ["Renstra", made.title]
    assert row_values(sheet, 2) == ["Perangkat Daerah", made.organisation]
    assert row_values(sheet, 3) == ["Pemerintah Daerah", made.region]
    assert row_values(sheet, 5) == [
        "TUJUAN", "SASARAN", "KODE", "PROGRAM, KEGIATAN DAN SUB KEGIATAN",
        "INDIKATOR KINERJA PROGRAM (OUTCOME) DAN KEGIATAN (OUTPUT)",
        "DATA CAPAIAN PADA TAHUN AWAL PERENCANAAN (TAHUN 2020)",
        "TARGET KINERJA PROGRAM DAN KERANGKA PENDANAAN", *[None] * 9,
        "KONDISI KINERJA PADA AKHIR PERIODE RENSTRA PERANGKAT DAERAH", None,
        "UNIT KERJA PERANGKAT DAERAH PENANGGUNG JAWAB", "LOKASI"]
    assert row_values(sheet, 6) == [None] * 6 + [
        "TAHUN 2021", None, "TAHUN 2022", None, "TAHUN 2023", None, "TAHUN 2024", None,
        "TAHUN 2025"]
    assert row_values(sheet, 7) == [None] * 6 + ["TARGET", "Rp."] * 6
    assert row_values(sheet, 8) == list(range(1, 21))
    merged = {str(r) for r in sheet.merged_cells.ranges}
    assert {"G5:P5", "G6:H6", "O6:P6", "Q5:R6", "A5:A7", "T5:T7"} <= merged
    assert [sheet[f"C{r}"].value for r in range(9, 13)] == [
        "2 14 01", "2 14 01 2.02", "2 14 01 2.02 0002", "2 14 01 2.01 0004"]
    assert sheet["H9"].value == 2530342644.5
    assert sheet["R9"].value == 13643532644.5  # the period's total, sum of the years
    assert sheet["G11"].value == "1 Kegiatan"
    # a kegiatan's pagu as a formula over its sub kegiatan, with no saved value
    assert (sheet["J10"].value, sheet["J10"].data_type) == ("=SUM(J11:J13)", "f")
    assert cells(made.path, values=True)["J10"].value is None
    assert (sheet["H11"].value, sheet["H11"].data_type) == ("#REF!", "e")
    ledger = {r.row: r for r in made.ledger}
    assert [(d.kind, d.column) for r in made.ledger for d in r.defects] == [
        ("formula", "J"), ("error", "H"), ("foreign-code", "C")]
    assert ledger[10].rupiah()[2021] == D("1217848644.5")
    assert 2022 not in ledger[10].rupiah()
    assert ledger[12].code == Code.parse("2.14.01.2.01.0004")  # under kegiatan 2.02's row
    assert ledger[9].rupiah()[None] == D("13643532644.5")


def test_a_flat_sheet(tmp_path: Path) -> None:
    made = generate_workbook(tmp_path / "a.xlsx", seed=2, shape="flat", identity="title",
                             rows=6, seeded={2: "three-decimals", 3: "no-code"})
    assert (made.start_year, made.header_row) == (2024, 3)
    sheet = cells(made.path)
    assert row_values(sheet, 1) == [
        "RENCANA STRATEGIS DINAS PENDIDIKAN KABUPATEN DIME TAHUN 2024-2028"]
    assert row_values(sheet, 3) == [
        "KODE", "PROGRAM DAN KEGIATAN", "INDIKATOR", "SATUAN", "DATA CAPAIAN AWAL",
        *(f"{kind} TAHUN {i}" for i in range(1, 6) for kind in ("TARGET", "DANA")), "LOKASI"]
    assert row_values(sheet, 6)[:9] == [
        "1.01.01.2.02.0003", "Koordinasi Kapasitas Perangkat Daerah",
        "Jumlah lokasi yang terlayani", "Lokasi", 8, 55, "441.819.000,125", 3, "415.309.000"]
    assert row_values(sheet, 7)[:3] == [
        None, "Perlindungan Kemitraan Perangkat Daerah Tahap 7", "Jumlah paket yang terlayani"]
    row6, row7 = made.ledger[2], made.ledger[3]
    assert (row6.row, row6.rupiah()[2025], 2024 in row6.rupiah()) == (6, D("415309000"), False)
    assert row7.code is None
    assert [(d.kind, d.column, d.reading) for d in row7.defects] == [
        ("no-code", None, Reading.UNREAD)]
    assert row7.defects[0].written.startswith("Perlindungan Kemitraan Perangkat Daerah Tahap 7 | ")


def test_a_sheet_of_sub_kegiatan_rows(tmp_path: Path) -> None:
    made = generate_workbook(tmp_path / "a.xlsx", seed=2, shape="leaf", identity="none",
                             rows=5, seeded={0: "float-noise", 1: "formula",
                                             4: "three-decimals"})
    assert (made.years, made.header_row, made.title, made.organisation) == (
        (2021,), 1, None, None)
    sheet = cells(made.path)
    assert row_values(sheet, 1) == ["KODE SUB KEGIATAN", "NAMA SUB KEGIATAN", "JUMLAH PAGU"]
    assert row_values(sheet, 2) == [
        "2.19.01.2.01.0001", "Pelaksanaan Sosialisasi Perangkat Daerah", 15222999.99999998]
    assert sheet["C3"].value == "=231867000+463736496.5"
    assert cells(made.path, values=True)["C3"].value is None
    assert sheet["C6"].value == 383246000.625
    first = made.ledger[0]
    # the noise is read as the spreadsheet shows it: 15 significant digits
    assert (first.rupiah(), first.defects[0].reading) == ({2021: D("15223000")}, Reading.NOTED)
    assert [c.rupiah for r in made.ledger for c in r.money] == [
        D("15223000"), None, D("1033896000"), D("510511718.5"), None]
    assert all(r.level is Level.SUB_KEGIATAN for r in made.ledger)


def test_a_sheet_of_kegiatan_and_sub_kegiatan_rows(tmp_path: Path) -> None:
    made = generate_workbook(tmp_path / "a.xlsx", seed=2, shape="leaf_kegiatan",
                             identity="title", rows=6, seeded={0: "formula", 1: "error"})
    sheet = cells(made.path)
    assert row_values(sheet, 3) == ["NO", "KODE PROGRAM/KEGIATAN", "URAIAN", "ALOKASI"]
    assert row_values(sheet, 4) == [
        1, "2.22.01.2.01", "Perencanaan, Penganggaran, dan Evaluasi Kinerja Perangkat Daerah",
        "=SUM(D5:D6)"]
    assert (sheet["D5"].value, sheet["D5"].data_type) == ("#DIV/0!", "e")
    assert row_values(sheet, 7)[:2] == [4, "2.22.01.2.03"]
    assert [r.level for r in made.ledger] == [
        Level.KEGIATAN, Level.SUB_KEGIATAN, Level.SUB_KEGIATAN] * 2
    assert made.ledger[3].rupiah() == {2025: D("1772331000")}  # its subs' sum
    assert sum(made.ledger[i].rupiah()[2025] for i in (4, 5)) == D("1772331000")


def test_a_sheet_of_codes_split_over_a_column_per_level(tmp_path: Path) -> None:
    made = generate_workbook(tmp_path / "a.xlsx", seed=2, shape="split", identity="labels",
                             rows=5, seeded={1: "foreign-code", 2: "no-code", 3: "float-noise"})
    sheet = cells(made.path)
    assert row_values(sheet, 5) == [
        "KODE URUSAN", "KODE BIDANG", "KODE PROGRAM", "KODE KEGIATAN", "KODE SUB KEGIATAN",
        "NAMA PROGRAM", "NAMA KEGIATAN", "NAMA SUB KEGIATAN", "PAGU INDIKATIF 2022"]
    assert row_values(sheet, 6) == [
        "2", "2.15", "2.15.01", "2.15.01.2.05", "2.15.01.2.05.0006",
        "PROGRAM PENUNJANG URUSAN PEMERINTAHAN DAERAH KABUPATEN/KOTA",
        "Penyediaan Jasa Penunjang Urusan Pemerintahan Daerah",
        "Pembangunan Kapasitas Perangkat Daerah", 390691000]
    # the KODE KEGIATAN cell names another kegiatan than the sub kegiatan's code
    assert (sheet["D7"].value, sheet["E7"].value) == ("2.15.01.2.01", "2.15.01.2.05.0007")
    assert row_values(sheet, 8)[:6] == [None] * 5 + [
        "PROGRAM PENUNJANG URUSAN PEMERINTAHAN DAERAH KABUPATEN/KOTA"]
    assert [(d.kind, d.row, d.column) for d in made.defects] == [
        ("foreign-code", 7, "D"), ("no-code", 8, None), ("float-noise", 9, "I")]
    assert made.ledger[1].code == Code.parse("2.15.01.2.05.0007")
    assert made.ledger[1].rupiah() == {2022: D("229201000")}


def test_codes_and_names_come_from_the_catalogue(tmp_path: Path) -> None:
    names = catalogue()
    for shape, seed in itertools.product(SHAPES, range(3)):
        made = generate_workbook(tmp_path / f"{seed}.xlsx", seed=seed, shape=shape, rows=20)
        assert 1 <= len(made.ledger) <= MAX_DATA_ROWS
        for row in made.ledger:
            assert row.code is not None
            entry = names.get(row.code)
            assert entry is not None
            assert (entry.name, entry.level) == (row.name, row.level)


def test_the_same_seed_writes_the_same_file(tmp_path: Path) -> None:
    for shape in SHAPES:
        one = generate_workbook(tmp_path / "one.xlsx", seed=5, shape=shape, defect_rate=0.5)
        two = generate_workbook(tmp_path / "two.xlsx", seed=5, shape=shape, defect_rate=0.5)
        assert one.path.read_bytes() == two.path.read_bytes()
        assert one.ledger == two.ledger
        # the time of the save is not in the file (the two saves may fall in two seconds)
        with zipfile.ZipFile(one.path) as archive:
            core = archive.read("docProps/core.xml").decode()
        assert re.findall(r"<dcterms:(\w+)[^>]*>([^<]*)<", core) == [
            ("created", "2025-01-01T00:00:00Z"), ("modified", "2025-01-01T00:00:00Z")]
        other = generate_workbook(tmp_path / "other.xlsx", seed=6, shape=shape,
                                  defect_rate=0.5)
        assert other.path.read_bytes() != one.path.read_bytes()


def test_the_defect_rate(tmp_path: Path) -> None:
    for shape in SHAPES:
        none = generate_workbook(tmp_path / "a.xlsx", seed=1, shape=shape, rows=12)
        every = generate_workbook(tmp_path / "b.xlsx", seed=1, shape=shape, rows=12,
                                  defect_rate=1)
        assert none.defects == ()
        assert all(r.defects for r in every.ledger)
        assert [r.code for r in none.ledger if r.code is not None]
        only = generate_workbook(tmp_path / "c.xlsx", seed=1, shape=shape, rows=12,
                                 defect_rate=1, defects=["error"])
        assert {d.kind for d in only.defects} == {"error"}


def test_bad_arguments_are_refused(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="shape"):
        generate_workbook(tmp_path / "a.xlsx", shape="round")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="no such workbook defect"):
        generate_workbook(tmp_path / "a.xlsx", defects=["typo"])
    with pytest.raises(ValueError, match="probability"):
        generate_workbook(tmp_path / "a.xlsx", defect_rate=2)
    with pytest.raises(ValueError, match="does not fit"):  # the first row is a program
        generate_workbook(tmp_path / "a.xlsx", shape="tc27", seeded={0: "no-code"})


# -- nothing is lost --------------------------------------------------------------------------


def lost(made: GeneratedWorkbook, result: ImportResult) -> dict[str, list[str]]:
    """What the reading of *made* lost, by property:

    * ``a``: a readable money cell of a row with a code whose exact rupiah is not the planned
      pagu of the activity of that code for that year (for the period, its total);
    * ``b``: a row neither in the plan (an activity of its code read from its row) nor named
      by a note of ``plan.reading`` or a problem of the result;
    * ``c``: a defect not named by a note or problem of its row and column (for a defect of
      the row as a whole, of its row);
    * ``d``: a row both kept in the plan and noted as left out whole (an ``UNREAD`` note of
      its row without a column).
    """
    plan = result.plan
    places = {(n.row, n.column) for n in plan.reading}
    places |= {(p.row, p.column) for p in result.problems}
    rows_named = {row for row, _ in places}
    left_out = {n.row for n in plan.reading if n.column is None and n.reading is Reading.UNREAD}
    activities: dict[Code, Activity] = {a.code: a for _, a in plan.activities()}
    found: dict[str, list[str]] = {"a": [], "b": [], "c": [], "d": []}
    for row in made.ledger:
        activity = activities.get(row.code) if row.code is not None else None
        kept = (activity is not None and activity.source is not None
                and activity.source.row == str(row.row))
        if row.code is not None:
            for year, rupiah in row.rupiah().items():
                stated = _pagu(activity, year)
                if stated != rupiah:
                    found["a"].append(f"row {row.row} {row.code} {year}: {rupiah} is {stated}"
                                      f" in the plan ({_kinds(row)})")
        if not kept and row.row not in rows_named:
            found["b"].append(f"row {row.row} {row.code} is lost ({_kinds(row)})")
        for defect in row.defects:
            named = (row.row in rows_named if defect.column is None
                     else (defect.row, defect.column) in places)
            if not named:
                found["c"].append(f"{defect.kind} at {defect.column or ''}{defect.row} "
                                  f"({defect.written}) is not named")
        if kept and row.row in left_out:
            found["d"].append(f"row {row.row} {row.code} is kept and noted as left out")
    return found


def _pagu(activity: Activity | None, year: int | None) -> object:
    budget = activity.budget if activity is not None else None
    if budget is None:
        return None
    return budget.planned_total if year is None else budget.planned.get(year)


def _kinds(row: LedgerRow) -> str:
    return ", ".join(d.kind for d in row.defects) or "no defect"


def read_back(made: GeneratedWorkbook) -> dict[str, list[str]]:
    try:
        result = read_workbook(made.path, start_year=made.start_year)
    except WorkbookError as error:
        # no activity could be read: the only refusal of a workbook with a table, and every
        # row must then be named by one of its cell problems
        own = [p.key for p in error.problems[: len(error.problems) - len(error.cells)]]
        named = {c.row for c in error.cells}
        return {"a": [f"refused: {own}"] if own != ["excel.no_rows"] else [],
                "b": [f"row {r.row} {r.code} is lost" for r in made.ledger
                      if r.row not in named], "c": [], "d": []}
    return lost(made, result)


def test_a_sound_workbook_of_every_shape_loses_nothing(tmp_path: Path) -> None:
    for shape in SHAPES:
        for identity in IDENTITIES:
            made = generate_workbook(tmp_path / f"{shape}.xlsx", seed=3, shape=shape,
                                     identity=identity)
            assert read_back(made) == {"a": [], "b": [], "c": [], "d": []}, (shape, identity)


@pytest.mark.parametrize("kinds", [
    pytest.param(tuple(WORKBOOK_DEFECTS), id="every-defect"),
    pytest.param(tuple(k for k in WORKBOOK_DEFECTS if k != "foreign-code"),
                 id="all-but-foreign-code"),
])
@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(seed=st.integers(0, 10**6), shape=st.sampled_from(SHAPES),
       rate=st.sampled_from(["0", "0.1", "0.25", "0.5", "1"]),
       rows=st.integers(1, MAX_DATA_ROWS), identity=st.sampled_from(IDENTITIES))
def test_the_reader_loses_nothing_of_a_generated_workbook(
    kinds: tuple[str, ...], seed: int, shape: WorkbookShape, rate: str, rows: int,
    identity: Identity,
) -> None:
    """Every sound rupiah is in the plan exactly; every row is in the plan or named by a
    note; every defective cell is named by a note of its row and column; no row is both
    kept and left out."""
    with tempfile.TemporaryDirectory() as folder:
        made = generate_workbook(Path(folder) / "plan.xlsx", seed=seed, shape=shape,
                                 defect_rate=rate, defects=kinds, rows=rows,
                                 identity=identity)
        found = read_back(made)
    assert not found["a"], found["a"]
    assert not found["b"], found["b"]
    assert not found["c"], found["c"]
    assert not found["d"], found["d"]

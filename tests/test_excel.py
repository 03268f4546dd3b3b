"""Excel in and out: the TTU round trip, both layouts, tolerance, honest cell problems, the
command line, and a property test of write → read on random plans."""

from __future__ import annotations

import datetime as dt
import json
import re
import unicodedata
import zipfile
from collections.abc import Sequence
from decimal import Decimal
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

import attrs
import openpyxl
import pytest
from hypothesis import HealthCheck, assume, given, settings

from renstra_model import (
    NIL,
    Activity,
    BudgetLine,
    Code,
    Indicator,
    Level,
    Plan,
    Quantity,
    Resources,
    load,
)
from renstra_model.checks import check
from renstra_model.cli import EXIT_INPUT, EXIT_OK, main
from renstra_model.examples import ttu_dinsos
from renstra_model.io.excel import (
    CellProblem,
    ErrorValue,
    Formula,
    ImportResult,
    PercentNumber,
    WorkbookError,
    column_letter,
    format_quantity,
    read_rows,
    read_workbook,
    write_workbook,
)
from strategies import plans

D = Decimal
TTU_HEADER = ["TUJUAN", "SASARAN", "KODE REKENING", "PROGRAM, KEGIATAN DAN SUB KEGIATAN",
              "INDIKATOR KINERJA", "DATA CAPAIAN PADA TAHUN AWAL PERENCANAAN (TAHUN 2021)"]


# -- helpers ----------------------------------------------------------------------------------


def figures(plan: Plan) -> list[tuple[Any, ...]]:
    """What T-C.27 shows of every activity, in code order."""
    years = plan.period.years
    rows = []
    for activity in sorted((a for _, a in plan.activities()), key=lambda a: a.code):
        budget = activity.budget
        rows.append((
            str(activity.code), activity.level, activity.name and activity.name.strip(),
            [(_strip(i.name), i.baseline, {y: i.planned[y] for y in years if y in i.planned},
              i.end_of_period) for i in activity.indicators if _shown(i, years)],
            _shown_budget(budget, years),
            _strip(activity.unit), _strip(activity.location), _strip(activity.goal),
            _strip(activity.target),
        ))
    return rows


def _shown_budget(budget: BudgetLine | None, years: Sequence[int]) -> Any:
    if budget is None:
        return None
    planned = {y: budget.planned[y] for y in years if y in budget.planned}
    return (planned, budget.planned_total) if planned or budget.planned_total else None


def _strip(text: str | None) -> str | None:
    return None if text is None else text.strip()


def _shown(indicator: Indicator, years: Sequence[int]) -> bool:
    return any((indicator.name, indicator.baseline, indicator.end_of_period,
                *(indicator.planned.get(y) for y in years)))


def flat_workbook(path: Path, rows: Sequence[Sequence[Any]], *, title: str = "Sheet1",
                  head: Sequence[Sequence[Any]] = (
                      ("Renstra", "Renstra Dinas Contoh 2025-2029"),
                      ("Perangkat Daerah", "Dinas Contoh"),
                      ("Pemerintah Daerah", "Kabupaten Contoh"),
                  )) -> Path:
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = title
    for row in head:
        sheet.append(list(row))
    sheet.append([])
    for row in rows:
        sheet.append(list(row))
    book.save(path)
    return path


FLAT_HEADER = ["KODE", "PROGRAM DAN KEGIATAN", "SATUAN", "INDIKATOR", "DATA CAPAIAN AWAL",
               *(f"{kind} TAHUN {i}" for i in range(1, 6) for kind in ("TARGET", "DANA")),
               "LOKASI", "SASARAN", "KETERANGAN"]


def _cell_xml(ref: str, value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, Formula):
        return f'<c r="{ref}"><f>{escape(value.text)}</f></c>'
    if isinstance(value, tuple):  # (formula, cached value)
        formula, cached = value
        kind = ' t="str"' if isinstance(cached, str) else ""
        if isinstance(cached, ErrorValue):
            kind, cached = ' t="e"', cached.code
        return f'<c r="{ref}"{kind}><f>{escape(formula)}</f><v>{escape(str(cached))}</v></c>'
    if isinstance(value, ErrorValue):
        return f'<c r="{ref}" t="e"><v>{escape(value.code)}</v></c>'
    if isinstance(value, str):
        return f'<c r="{ref}" t="inlineStr"><is><t>{escape(value)}</t></is></c>'
    return f'<c r="{ref}"><v>{value}</v></c>'


MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
RELS = "http://schemas.openxmlformats.org/package/2006/relationships"
DOC_RELS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"


def raw_workbook(path: Path, rows: Sequence[Sequence[Any]], *, sheet: str = "T-C.27",
                 prologue: dict[str, str] | None = None,
                 shared: Sequence[str] = ()) -> Path:
    """A workbook written by hand, part by part: for what openpyxl does not write (formulas
    with cached values, error cells) and for hostile files (*prologue* puts text such as a
    DOCTYPE before the root element of ``sheet``, ``shared`` or ``workbook``)."""
    prologue = prologue or {}
    xml = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    body = "".join(
        f'<row r="{r}">'
        + "".join(_cell_xml(f"{column_letter(c)}{r}", v) for c, v in enumerate(row, start=1))
        + "</row>"
        for r, row in enumerate(rows, start=1)
    )
    strings = "".join(f"<si><t>{escape(s)}</t></si>" for s in shared)
    parts = {
        "[Content_Types].xml": xml + (
            '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
            'relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>'
            '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-'
            'officedocument.spreadsheetml.sheet.main+xml"/>'
            '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.'
            'openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
            '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.'
            'openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>'),
        "_rels/.rels": xml + (
            f'<Relationships xmlns="{RELS}"><Relationship Id="rId1" Type="{DOC_RELS}/'
            'officeDocument" Target="xl/workbook.xml"/></Relationships>'),
        "xl/workbook.xml": xml + prologue.get("workbook", "") + (
            f'<workbook xmlns="{MAIN}" xmlns:r="{DOC_RELS}"><sheets>'
            f'<sheet name="{escape(sheet)}" sheetId="1" r:id="rId1"/></sheets></workbook>'),
        "xl/_rels/workbook.xml.rels": xml + (
            f'<Relationships xmlns="{RELS}"><Relationship Id="rId1" Type="{DOC_RELS}/worksheet"'
            ' Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="'
            f'{DOC_RELS}/sharedStrings" Target="sharedStrings.xml"/></Relationships>'),
        "xl/worksheets/sheet1.xml": xml + prologue.get("sheet", "") + (
            f'<worksheet xmlns="{MAIN}"><sheetData>{body}</sheetData></worksheet>'),
        "xl/sharedStrings.xml": xml + prologue.get("shared", "") + (
            f'<sst xmlns="{MAIN}" count="{len(shared)}" uniqueCount="{len(shared)}">'
            f"{strings}</sst>"),
    }
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, text in parts.items():
            archive.writestr(name, text)
    return path


META = [["Renstra", None, "Renstra Dinas Contoh"], ["Perangkat Daerah", None, "Dinas Contoh"],
        ["Pemerintah Daerah", None, "Kabupaten Contoh"], []]


def tc27_rows(*data: Sequence[Any], years: Sequence[int] = (2022, 2023)) -> list[list[Any]]:
    """A small T-C.27 in layout (a), header over three rows, with *data* rows."""
    n = len(years)
    top = [*TTU_HEADER, "TARGET KINERJA PROGRAM DAN KERANGKA PENDANAAN", *[None] * (2 * n - 1),
           "KONDISI KINERJA PADA AKHIR PERIODE RENSTRA", None, "UNIT KERJA PENANGGUNG JAWAB",
           "LOKASI"]
    middle = [None] * 6 + [v for y in years for v in (f"TAHUN {y}", None)]
    bottom = [None] * 6 + ["TARGET", "Rp."] * (n + 1)
    numbers = list(range(1, 6 + 2 * n + 5))
    return [*META, top, middle, bottom, numbers, *[list(r) for r in data]]


def row(code: str | None, name: str | None, *cells: Any) -> list[Any]:
    """A T-C.27 data row: code and name, then indicator, baseline, target/Rp per year…"""
    return [None, None, code, name, *cells]


# -- the TTU plan round trip ------------------------------------------------------------------


def test_the_ttu_plan_reads_back_from_its_workbook(tmp_path: Path) -> None:
    plan = ttu_dinsos()
    path = tmp_path / "ttu.xlsx"
    write_workbook(plan, path)
    result = read_workbook(path)
    assert result.complete
    assert (result.sheet, result.layout, result.style) == ("T-C.27", "T-C.27", "id")
    back = result.plan
    assert figures(back) == figures(plan)
    subs = back.activities_at(Level.SUB_KEGIATAN)
    assert len(subs) == 48
    assert [a.code for a in subs] == [a.code for a in plan.activities_at(Level.SUB_KEGIATAN)]
    assert back.total_budget is not None
    assert plan.total_budget is not None
    assert back.total_budget.planned == plan.total_budget.planned
    assert back.total_budget.planned[2023] == D("4091594846.50")
    assert (back.title, back.organisation.name, back.organisation.region) == (
        plan.title, plan.organisation.name, plan.organisation.region)
    assert back.organisation.province == plan.organisation.province
    assert back.period == plan.period
    assert [str(c) for c in back.organisation.bidang_urusan] == ["1.06"]
    sub = back.find("1 06 05 2.02 02")
    assert sub.indicators[0].planned[2022] == Quantity(D("25325"), "KPM", D("72.18"))
    assert sub.source is not None
    assert (sub.source.table, sub.source.row) == ("T-C.27", "71")


def test_the_ttu_workbook_has_every_standard_table(tmp_path: Path) -> None:
    path = tmp_path / "ttu.xlsx"
    write_workbook(ttu_dinsos(), path)
    book = openpyxl.load_workbook(path)
    assert book.sheetnames == ["T-C.23", "T-C.24", "T-C.25", "T-C.26", "T-C.27", "7.1",
                               "2.1", "2.2", "2.3", "2.4", "3.1", "3.2", "3.3", "3.4"]
    sheet = book["T-C.27"]
    assert sheet["A1"].value == "Tabel T-C.27"
    merged = {str(r) for r in sheet.merged_cells.ranges}
    assert sheet["A3"].value == "† baris diambil dari T-C.24"
    assert "G10:P10" in merged  # TARGET KINERJA … over the five years
    assert "G11:H11" in merged  # TAHUN 2022 over TARGET and Rp.
    assert [sheet.cell(13, c).value for c in range(1, 21)] == list(range(1, 21))
    program = sheet["C14"]
    assert (program.value, program.font.b) == ("1 06 01", True)
    assert sheet["H14"].number_format == "#,##0"
    tc24 = book["T-C.24"]
    assert tc24["A1"].value == "Tabel T-C.24"
    book.close()


def test_the_checks_report_what_the_import_keeps(tmp_path: Path) -> None:
    """Parent totals that disagree with their children are kept as stated; the checks report
    them, on the imported plan as on the dataset."""
    path = tmp_path / "ttu.xlsx"
    write_workbook(ttu_dinsos(), path)
    imported = read_workbook(path).plan
    rules = ["RS101", "RS102", "RS233"]

    def found(plan: Plan) -> list[tuple[str, Code | None, int | None]]:
        return [(f.rule, f.location.code, f.location.year) for f in check(plan, select=rules)]

    assert found(imported)
    assert found(imported) == found(ttu_dinsos())


def test_renstra_export_then_import(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    workbook = tmp_path / "ttu.xlsx"
    output = tmp_path / "plan.json"
    assert main(["export", "ttu-dinsos", "--format", "xlsx", "--output", str(workbook)]) == 0
    assert main(["import", str(workbook), "--output", str(output), "--lang", "id"]) == EXIT_OK
    out = capsys.readouterr().out
    assert "7 program, 16 kegiatan, 48 sub kegiatan" in out
    assert figures(load(output)) == figures(ttu_dinsos())


# -- the flat layout --------------------------------------------------------------------------


def test_the_flat_layout_with_numbered_years(tmp_path: Path) -> None:
    path = flat_workbook(tmp_path / "flat.xlsx", [
        FLAT_HEADER,
        ["1.2.2.2.1.109", "Sub kegiatan", "orang", "Jumlah orang", "10", "12", "1.000.000",
         13, 2000000, "14", "Rp 3,000,000", "15", "-", "16", None, "Kab. Contoh", "Sasaran",
         "catatan"],
        ["1.02.02", "PROGRAM PEMENUHAN"],
        ["1 02 02 2.01", "Kegiatan A", None, None, None, None, "5.000.000"],
    ])
    result = read_workbook(path, start_year=2025)
    assert result.layout == "flat"
    plan = result.plan
    assert plan.period.years == (2025, 2026, 2027, 2028, 2029)
    assert plan.period.baseline_year == 2024
    sub = plan.find("1.02.02.2.01.0109")
    indicator = sub.indicators[0]
    assert (indicator.name, indicator.unit, indicator.baseline) == (
        "Jumlah orang", "orang", Quantity(D("10")))
    assert indicator.planned == {2025: Quantity(D("12")), 2026: Quantity(D("13")),
                                 2027: Quantity(D("14")), 2028: Quantity(D("15")),
                                 2029: Quantity(D("16"))}
    assert sub.budget is not None
    assert sub.budget.planned == {2025: D("1000000"), 2026: D("2000000"), 2027: D("3000000"),
                                  2028: NIL}
    assert (sub.location, sub.target) == ("Kab. Contoh", "Sasaran")
    assert sub.source is not None
    assert sub.source.note == "KETERANGAN: catatan"
    assert plan.find("1.02.02.2.01").budget is not None


def test_numbered_years_need_a_start_year(tmp_path: Path) -> None:
    path = flat_workbook(tmp_path / "flat.xlsx", [FLAT_HEADER, ["1.02.02", "PROGRAM"]])
    with pytest.raises(WorkbookError) as caught:
        read_workbook(path)
    assert [c.key for c in caught.value.cells] == ["excel.no_years"]
    assert "--start-year" in caught.value.describe("en")


def test_a_baseline_year_in_the_heading_dates_numbered_years(tmp_path: Path) -> None:
    header = [h.replace("DATA CAPAIAN AWAL", "DATA CAPAIAN AWAL (2024)") for h in FLAT_HEADER]
    path = flat_workbook(tmp_path / "flat.xlsx", [header, ["1.02.02", "PROGRAM"]])
    assert read_workbook(path).plan.period.years == (2025, 2026, 2027, 2028, 2029)


def test_a_start_year_that_contradicts_the_header(tmp_path: Path) -> None:
    path = raw_workbook(tmp_path / "a.xlsx", tc27_rows(row("1.06.01", "PROGRAM")))
    assert read_workbook(path, start_year=2022).plan.period.first_year == 2022
    with pytest.raises(WorkbookError) as caught:
        read_workbook(path, start_year=2030)
    assert [c.key for c in caught.value.cells] == ["excel.year_conflict"]
    with pytest.raises(WorkbookError) as caught:
        read_workbook(path, start_year=3000)
    assert caught.value.problems[0].key == "year.range"


# -- tolerance --------------------------------------------------------------------------------


def test_codes_in_any_form_rows_out_of_order_and_text_numbers(tmp_path: Path) -> None:
    path = raw_workbook(tmp_path / "a.xlsx", tc27_rows(
        row("1.6.2.2.1.1", "Sub kegiatan", "Indikator", "25.325 KPM", "25,325 KPM (72,18 %)",
            "4.847.753.572", "26.000 KPM (72.50 %)", "4,091,594,846.50", "- KPM", "-"),
        row("1 06 02 2.01", "KEGIATAN", None, None, None, "4,847,753,572", None, "Rp 1.000"),
        row("1.06.02", "PROGRAM"),
        row("x.xx.01", "PROGRAM PENUNJANG"),
        row("X XX 01 2.08", "Kegiatan penunjang"),
        row("1.06.01.2.08.0001", "Sub penunjang"),
    ))
    plan = read_workbook(path).plan
    assert [str(p.code) for p in plan.programs] == ["1.06.01", "1.06.02"]
    sub = plan.find("1.06.02.2.01.0001")
    indicator = sub.indicators[0]
    assert indicator.baseline == Quantity(D("25325"), "KPM")
    assert indicator.planned == {2022: Quantity(D("25325"), "KPM", D("72.18")),
                                 2023: Quantity(D("26000"), "KPM", D("72.50"))}
    assert indicator.end_of_period == Quantity(NIL, "KPM")
    assert sub.budget is not None
    assert sub.budget.planned == {2022: D("4847753572"), 2023: D("4091594846.50")}
    assert sub.budget.planned_total is NIL
    kegiatan = plan.find("1.06.02.2.01")
    assert kegiatan.budget is not None
    # the parent's total disagrees with its child's: kept as stated
    assert kegiatan.budget.planned[2023] == D("1000")
    assert [f.location.describe() for f in check(plan, select=["RS101"])] == [
        "1.06.02.2.01 2023"] or any("1.06.02.2.01" in f.location.describe()
                                     for f in check(plan, select=["RS101"]))
    generic = plan.find("1.06.01")
    assert generic.source is not None
    assert generic.source.note == "code written X.XX.01 in the sheet"
    assert plan.find("1.06.01.2.08.0001").name == "Sub penunjang"


def test_generic_codes_stay_generic_without_one_bidang(tmp_path: Path) -> None:
    path = raw_workbook(tmp_path / "a.xlsx", tc27_rows(
        row("X.XX.01", "PROGRAM PENUNJANG"), row("X.XX.01.2.08", "Kegiatan"),
    ))
    assert [str(p.code) for p in read_workbook(path).plan.programs] == ["X.XX.01"]


def test_merged_header_cells_as_a_spreadsheet_writes_them(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    for values in tc27_rows(row("1.06.02", "PROGRAM", None, None, None, 100, None, 200)):
        sheet.append(values)
    sheet.merge_cells("G5:J5")
    sheet.merge_cells("G6:H6")
    sheet.merge_cells("I6:J6")
    sheet.merge_cells("K5:L6")
    for column in "ABCDEFMN":
        sheet.merge_cells(f"{column}5:{column}7")
    path = tmp_path / "merged.xlsx"
    book.save(path)
    program = read_workbook(path).plan.find("1.06.02")
    assert program.budget is not None
    assert program.budget.planned == {2022: D("100"), 2023: D("200")}


def test_number_cells_and_percentages(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    for values in tc27_rows(row("1.06.02.2.01.0001", "Sub", "Persentase", 0.7218, 25325,
                                4091594846.5, 7, 0.125, None, 4091594846.5)):
        sheet.append(values)
    sheet["F9"].number_format = "0.00%"
    path = tmp_path / "numbers.xlsx"
    raw_rows = tc27_rows(row("1.06.02", "P"), row("1.06.02.2.01", "K"))
    for values in raw_rows[-2:]:
        sheet.append(values)
    book.save(path)
    result = read_workbook(path)
    sub = result.plan.find("1.06.02.2.01.0001")
    assert sub.indicators[0].baseline == Quantity(D("72.18"), "%")
    assert sub.indicators[0].planned[2022] == Quantity(D("25325"))
    assert sub.budget is not None
    assert sub.budget.planned_total == D("4091594846.5")
    assert [(c.column, c.key) for c in result.problems] == [("J", "money.precision")]


def test_formulas_use_their_cached_values(tmp_path: Path) -> None:
    path = raw_workbook(tmp_path / "formulas.xlsx", tc27_rows(
        row("1.06.02", "PROGRAM", None, None, None, ("SUM(H10:H11)", 300), None,
            Formula("SUM(J10:J11)")),
        row("1.06.02.2.01", "KEGIATAN", None, None, None, ErrorValue("#DIV/0!")),
        row("1.06.02.2.01.0001", "Sub", "Indikator", None, ("\"5 org\"", "5 org")),
    ))
    with pytest.raises(WorkbookError) as caught:
        read_workbook(path, strict=True)
    cells = {(c.row, c.column): c for c in caught.value.cells}
    assert cells[(9, "J")].key == "excel.formula"
    assert "SUM(J10:J11)" in cells[(9, "J")].describe()
    assert cells[(10, "H")].key == "excel.error_value"
    result = read_workbook(path)
    assert [(n.place, n.key, n.value) for n in result.plan.reading] == [
        ("'T-C.27'!J9", "excel.formula", "=SUM(J10:J11)"),
        ("'T-C.27'!H10", "excel.error_value", "#DIV/0!")]
    program = result.plan.find("1.06.02")
    assert program.budget is not None
    assert program.budget.planned == {2022: D("300")}
    assert result.plan.find("1.06.02.2.01").budget is None
    sub = result.plan.find("1.06.02.2.01.0001")
    assert sub.indicators[0].planned[2022] == Quantity(D("5"), "org")


# -- honesty: every unread cell, with sheet, row and column -----------------------------------


def test_cell_problems_name_sheet_row_and_column(tmp_path: Path) -> None:
    path = raw_workbook(tmp_path / "bad.xlsx", tc27_rows(
        row("1.06.02", "PROGRAM", None, None, None, "12.34.5"),
        row("1.06.02.2.01", "KEGIATAN", None, None, "lima orang", "(100)"),
        row("1.06.02.2.01.0001", None, "Indikator", "5 org"),
        row("1.06.99.2.01.0001", "Orphan"),
        row("1.06.02.2.01", "KEGIATAN lagi"),
        row("1.06", "SOSIAL", None, None, None, 5),
        row("1.06.02.9", "bad code"),
    ), sheet="Rencana")
    with pytest.raises(WorkbookError) as caught:
        read_workbook(path, strict=True)
    error = caught.value
    found = [(c.sheet, c.row, c.column, c.key) for c in error.cells]
    assert found == [
        ("Rencana", 9, "H", "parse.grouping"),
        ("Rencana", 10, "G", "parse.quantity"),
        ("Rencana", 10, "H", "money.negative"),
        ("Rencana", 14, "H", "excel.above_program"),
        ("Rencana", 15, "C", "code.syntax"),
        ("Rencana", 13, "C", "excel.duplicate"),
    ]
    text = error.describe("en")
    assert "'Rencana'!H9 (TAHUN 2022 RP.)" in text
    assert "6 problems found" in text
    assert "6 masalah ditemukan" in error.describe("id")
    assert error.problems[0].path == "'Rencana'!H9"
    assert error.problems[0].params["row"] == 9
    result = read_workbook(path)
    assert [(c.row, c.column) for c in result.problems] == [
        *((r, c) for _, r, c, _ in found), (12, "C")]
    # the orphan sits under a kegiatan its code does not extend: read, with a remark
    assert [(n.place, n.reading.value, n.params.get("parent")) for n in result.plan.reading
            ][-1] == ("'Rencana'!C12", "noted", "1.06.99.2.01")
    assert [(n.place, n.value) for n in result.plan.reading][:-1] == [
        ("'Rencana'!H9", "12.34.5"), ("'Rencana'!G10", "lima orang"), ("'Rencana'!H10", "(100)"),
        ("'Rencana'!H14", "5"), ("'Rencana'!C15", "1.06.02.9"),
        ("'Rencana'!C13", "1.06.02.2.01")]
    kegiatan = result.plan.find("1.06.02.2.01")
    assert kegiatan.name == "KEGIATAN"
    assert kegiatan.budget is None
    unnamed = result.plan.find("1.06.02.2.01.0001")
    assert (unnamed.name, unnamed.derived, unnamed.indicators[0].name) == (
        None, False, "Indikator")
    # the orphan's kegiatan and program are derived from its code, unnamed
    derived = [(str(a.code), a.name, a.derived) for a in result.plan.programs[1].walk()
               for _, a in [a]] if False else [
        (str(a.code), a.name, a.derived) for _, a in result.plan.programs[1].walk()]
    assert derived == [("1.06.99", None, True), ("1.06.99.2.01", None, True),
                       ("1.06.99.2.01.0001", "Orphan", False)]
    assert [str(c) for c in result.plan.organisation.bidang_urusan] == ["1.06"]


def test_a_row_without_a_name_is_kept_unnamed(tmp_path: Path) -> None:
    path = raw_workbook(tmp_path / "a.xlsx", tc27_rows(
        row("1.06.02", "PROGRAM"), row("1.06.02.2.01", None),
        row("1.06.02.2.01.0001", "Sub"),
    ))
    result = read_workbook(path)
    assert result.problems == ()
    kegiatan = result.plan.find("1.06.02.2.01")
    assert (kegiatan.name, kegiatan.derived, [str(c.code) for c in kegiatan.children]) == (
        None, False, ["1.06.02.2.01.0001"])


def test_rows_without_a_code(tmp_path: Path) -> None:
    path = raw_workbook(tmp_path / "a.xlsx", tc27_rows(
        ["Tujuan tanpa baris", None, None, None],
        row("1.06.02", "PROGRAM", "Indikator 1", "1 org"),
        row(None, None, "Jumlah orang tertangani", "2 org", "3 org", 100),
        row(None, None, None, None, "4 org"),
        ["TOTAL ANGGARAN", None, None, None, None, None, None, "1.000", None, "2.000"],
        ["Kefamenanu, 9 September 2021"],
        row("1.06.03", "after the total"),
    ))
    result = read_workbook(path)
    assert [(c.row, c.column, c.key, c.value) for c in result.problems] == [
        (9, None, "excel.no_code", "Tujuan tanpa baris"), (11, "H", "excel.orphan_cell", "100"),
        (15, None, "excel.after_total", "1.06.03 | after the total")]
    program = result.plan.find("1.06.02")
    assert [i.name for i in program.indicators] == ["Indikator 1", "Jumlah orang tertangani",
                                                    None]
    assert program.indicators[2].planned == {2022: Quantity(D("4"), "org")}
    assert result.plan.total_budget is not None
    assert result.plan.total_budget.planned == {2022: D("1000"), 2023: D("2000")}


def test_content_outside_the_layout_is_reported(tmp_path: Path) -> None:
    rows = tc27_rows(row("1.06.02", "PROGRAM"))
    rows[4].append("CATATAN LAIN")
    rows[-1] += [None] * (len(rows[4]) - len(rows[-1]) - 1) + ["isi"]
    path = raw_workbook(tmp_path / "a.xlsx", rows)
    with pytest.raises(WorkbookError) as caught:
        read_workbook(path, strict=True)
    (cell,) = caught.value.cells
    assert (cell.key, cell.column, cell.params["title"]) == ("excel.unknown_column", "O",
                                                              "CATATAN LAIN")
    (note,) = read_workbook(path).plan.reading
    assert (note.place, note.value, note.heading) == ("'T-C.27'!O9", "isi", "CATATAN LAIN")


def test_the_row_of_column_numbers(tmp_path: Path) -> None:
    """The numbers right below the header (numbered once under a heading merged over several
    columns) and the same numbers repeated on a new page are passed over; another row of
    1, 2… is data."""
    rows = tc27_rows(row("1.06.02", "PROGRAM", "I", 5), row(None, None, None, 1, 2),
                     row("1.06.03", "PROGRAM 2"))
    numbers = rows[7]
    rows[7] = [None, None, "(1)", "(2)", None, "(3)"]
    rows.insert(10, list(rows[7]))
    result = read_workbook(raw_workbook(tmp_path / "a.xlsx", rows))
    assert result.complete
    assert [str(a.code) for a in result.plan.programs] == ["1.06.02", "1.06.03"]
    indicators = result.plan.find("1.06.02").indicators
    assert [(i.name, i.baseline, dict(i.planned)) for i in indicators] == [
        ("I", Quantity(D("5")), {}), (None, Quantity(D("1")), {2022: Quantity(D("2"))})]
    rows[10] = numbers  # not the numbers below the header: a row with code 3, an urusan
    with pytest.raises(WorkbookError) as caught:
        read_rows(rows, start_year=2022, strict=True)
    assert [(c.row, c.column, c.key) for c in caught.value.cells] == [
        (11, column, "excel.above_program") for column in "ABEFGHIJKLMN"]


def test_rows_and_columns_are_bounded(monkeypatch: pytest.MonkeyPatch) -> None:
    import renstra_model.io.excel.reader as excel

    monkeypatch.setattr(excel, "MAX_ROWS", 20)
    rows = tc27_rows(*(row(f"1.06.{n:02d}", f"PROGRAM {n}") for n in range(1, 30)))
    with pytest.raises(WorkbookError) as caught:
        read_rows(rows, start_year=2022)
    assert [c.key for c in caught.value.cells] == ["excel.too_many_rows"]
    monkeypatch.setattr(excel, "MAX_ROWS", 20_000)
    monkeypatch.setattr(excel, "MAX_COLUMNS", 16)
    wide = tc27_rows(row("1.06.02", "PROGRAM", *[None] * 12, "far"))
    result = read_rows(wide)
    assert [(c.column, c.key) for c in result.problems] == [("Q", "excel.too_wide")]


# -- the title, the organisation and the region ------------------------------------------------


def test_labels_and_options(tmp_path: Path) -> None:
    rows = tc27_rows(row("1.06.02", "PROGRAM"))
    rows[:3] = [["Tabel T-C.27 Rencana Program"], ["Perangkat Daerah : Dinas A"],
                ["Kabupaten/Kota", ":", "Kabupaten B"]]
    path = raw_workbook(tmp_path / "a.xlsx", rows)
    plan = read_workbook(path).plan
    assert (plan.title, plan.organisation.name, plan.organisation.region) == (
        "Tabel T-C.27 Rencana Program", "Dinas A", "Kabupaten B")
    plan = read_workbook(path, title="T", organisation="O", region="R").plan
    assert (plan.title, plan.organisation.name, plan.organisation.region) == ("T", "O", "R")


def test_what_the_workbook_does_not_state_is_recorded_as_not_stated(tmp_path: Path) -> None:
    rows = tc27_rows(row("1.06.02", "PROGRAM"))[4:]
    path = raw_workbook(tmp_path / "a.xlsx", rows)
    plan = read_workbook(path).plan
    assert (plan.title, plan.organisation.name, plan.organisation.region) == (None, None, None)
    assert plan.label == "Renstra 2022-2023"
    plan = read_workbook(path, title=" ", organisation="O", region="R").plan
    assert (plan.title, plan.organisation.name, plan.organisation.region) == (None, "O", "R")


@pytest.mark.parametrize(("line", "expected"), [
    ("Tabel T-C.27 Rencana Program, Kegiatan dan Pendanaan Dinas Kesehatan Kabupaten Nusa "
     "Indah", ("Dinas Kesehatan", "Kabupaten Nusa Indah", None)),
    ("RENSTRA BADAN PENDAPATAN DAERAH PROVINSI NUSA RAYA TAHUN 2025-2029",
     ("BADAN PENDAPATAN DAERAH", "PROVINSI NUSA RAYA", None)),
    ("Rencana Strategis Dinas Tata Kota Kota Bandar, Provinsi Nusa Raya 2025",
     ("Dinas Tata Kota", "Kota Bandar", "Nusa Raya")),
    ("Rencana Program Kabupaten Nusa Indah", (None, "Kabupaten Nusa Indah", None)),
    ("Rencana Program dan Kegiatan", (None, None, None)),
])
def test_identity_from_the_title_line(tmp_path: Path, line: str,
                                      expected: tuple[str | None, ...]) -> None:
    rows = tc27_rows(row("1.06.02", "PROGRAM"))
    rows[:3] = [[line], [], []]
    plan = read_workbook(raw_workbook(tmp_path / "a.xlsx", rows)).plan
    org = plan.organisation
    assert (org.name, org.region, org.province) == expected
    assert plan.title == line
    # a label row states it more precisely than the title line
    rows[1] = ["Perangkat Daerah", ":", "Dinas Sosial"]
    org = read_workbook(raw_workbook(tmp_path / "b.xlsx", rows)).plan.organisation
    assert (org.name, org.region) == ("Dinas Sosial", expected[1])


def test_the_number_style_of_the_sheet(tmp_path: Path) -> None:
    rows = tc27_rows(row("1.06.02", "PROGRAM", "I", "1,234 km", "1.234 km"))
    path = raw_workbook(tmp_path / "a.xlsx", rows)
    auto = read_workbook(path).plan.find("1.06.02").indicators[0]
    assert (auto.baseline, auto.planned[2022]) == (Quantity(D("1234"), "km"),
                                                   Quantity(D("1234"), "km"))
    english = read_workbook(path, style="en").plan.find("1.06.02").indicators[0]
    assert (english.baseline, english.planned[2022]) == (Quantity(D("1234"), "km"),
                                                         Quantity(D("1.234"), "km"))
    rows[3] = ["Format angka", None, "1.234.567,89"]
    path = raw_workbook(tmp_path / "b.xlsx", rows)
    result = read_workbook(path)
    stated = result.plan.find("1.06.02").indicators[0]
    assert result.style == "id"
    assert (stated.baseline, stated.planned[2022]) == (Quantity(D("1.234"), "km"),
                                                       Quantity(D("1234"), "km"))


def test_read_rows_takes_python_values() -> None:
    rows: list[list[Any]] = [
            ["Perangkat Daerah", "Dinas"], ["Daerah", "Kota"], ["Judul", "Renstra"], [],
            ["KODE", "PROGRAM DAN KEGIATAN", "TARGET 2025", "PAGU 2025", "TARGET 2026",
             "PAGU 2026"],
            ["1.06.02", "PROGRAM", "5 org", D("10.5"), PercentNumber(D("50")), 7]]
    result = read_rows(rows, sheet="data")
    assert isinstance(result, ImportResult)
    program = result.plan.find("1.06.02")
    assert program.indicators[0].planned == {2025: Quantity(D("5"), "org"),
                                             2026: Quantity(D("50"), "%")}
    assert program.budget is not None
    assert program.budget.planned == {2025: D("10.5"), 2026: D("7")}
    assert result.plan.period.baseline_year == 2024


@pytest.mark.parametrize("value", [True, dt.date(2021, 9, 9), dt.time(10, 0),
                                   dt.timedelta(days=1), float("nan"), float("inf")])
def test_cells_of_the_wrong_kind(value: Any) -> None:
    rows: list[list[Any]] = [
            ["Perangkat Daerah", "Dinas"], ["Daerah", "Kota"], ["Judul", "Renstra"], [],
            ["KODE", "PROGRAM DAN KEGIATAN", "TARGET 2025", "PAGU 2025", "LOKASI"],
            ["1.06.02", "PROGRAM", value, value, value]]
    result = read_rows(rows)
    assert [c.column for c in result.problems] == ["C", "D", "E"]
    assert result.plan.find("1.06.02").budget is None


# -- files that are not workbooks -------------------------------------------------------------


def test_unreadable_files(tmp_path: Path) -> None:
    cases: dict[str, tuple[Path, str]] = {}
    cases["missing"] = (tmp_path / "missing.xlsx", "file.missing")
    cases["directory"] = (tmp_path, "file.unreadable")
    old = tmp_path / "old.xls"
    old.write_bytes(b"\xd0\xcf\x11\xe0")
    cases["old"] = (old, "excel.old_format")
    text = tmp_path / "text.xlsx"
    text.write_text("KODE,PROGRAM DAN KEGIATAN\n", encoding="utf-8")
    cases["text"] = (text, "excel.not_workbook")
    empty_zip = tmp_path / "empty.xlsx"
    with zipfile.ZipFile(empty_zip, "w") as archive:
        archive.writestr("hello.txt", "hi")
    cases["zip"] = (empty_zip, "excel.unreadable")
    no_header = flat_workbook(tmp_path / "plain.xlsx", [["a", "b"], [1, 2]])
    cases["header"] = (no_header, "excel.no_header")
    for name, (path, key) in cases.items():
        with pytest.raises(WorkbookError) as caught:
            read_workbook(path)
        assert caught.value.problems[0].key == key, name
        assert str(path) in caught.value.describe("en"), name


def test_the_size_limit_and_the_sheet_option(tmp_path: Path) -> None:
    path = tmp_path / "ttu.xlsx"
    write_workbook(ttu_dinsos(), path)
    with pytest.raises(WorkbookError) as caught:
        read_workbook(path, max_bytes=1000)
    assert caught.value.problems[0].key == "file.too_large"
    with pytest.raises(WorkbookError) as caught:
        read_workbook(path, sheet="Lembar 9")
    assert caught.value.problems[0].key == "excel.no_sheet"
    with pytest.raises(WorkbookError) as caught:
        read_workbook(path, sheet="T-C.24")
    assert caught.value.problems[0].key == "excel.no_header"


# -- writing ----------------------------------------------------------------------------------


def test_text_that_looks_like_a_formula_stays_text(tmp_path: Path) -> None:
    plan = ttu_dinsos()
    program = attrs.evolve(plan.programs[0], name="=HYPERLINK(\"http://x\")")
    plan = attrs.evolve(plan, programs=(program, *plan.programs[1:]))
    path = tmp_path / "f.xlsx"
    write_workbook(plan, path)
    assert read_workbook(path).plan.programs[0].name == "=HYPERLINK(\"http://x\")"
    with zipfile.ZipFile(path) as archive:
        sheets = [n for n in archive.namelist() if n.startswith("xl/worksheets/")]
        assert not any(b"<f>" in archive.read(n) for n in sheets)


def test_control_characters_cannot_be_written(tmp_path: Path) -> None:
    plan = ttu_dinsos()
    program = attrs.evolve(plan.programs[0], name="bad\x01name")
    plan = attrs.evolve(plan, programs=(program, *plan.programs[1:]))
    with pytest.raises(WorkbookError) as caught:
        write_workbook(plan, tmp_path / "f.xlsx")
    assert caught.value.problems[0].key == "excel.illegal_text"
    assert not list(tmp_path.iterdir())


def test_format_quantity() -> None:
    assert format_quantity(Quantity(D("72.18"), "%")) == "72,18 %"
    assert format_quantity(Quantity(D("67"), "SDM PKH", also=(Quantity(D("24"), "TSKK"),))) == \
        "67 SDM PKH 24 TSKK"
    assert column_letter(28) == "AB"
    problem = CellProblem("T-C.27", 3, None, "excel.no_code")
    assert problem.path == "'T-C.27'!3"
    assert str(problem).endswith("@ 'T-C.27'!3")


# -- the command line -------------------------------------------------------------------------


def test_renstra_import_lists_cells_it_cannot_read_and_strict_exits_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = raw_workbook(tmp_path / "bad.xlsx", tc27_rows(
        row("1.06.02", "PROGRAM", None, None, None, "12.34.5")))
    output = tmp_path / "plan.json"
    strict = ["import", str(path), "--output", str(output), "--lang", "id", "--strict"]
    assert main(strict) == EXIT_INPUT
    assert capsys.readouterr().err == (
        f"{path}: '12.34.5' memiliki pemisah ribuan yang salah letak (kelompok tiga angka) "
        "@ 'T-C.27'!H9 (TAHUN 2022 RP.)\n")
    assert not output.exists()
    assert main(["import", str(path), "--output", str(output), "--lang", "en"]) == EXIT_OK
    captured = capsys.readouterr()
    assert captured.err == (
        f"{path}: notes of the reading (1), kept in the plan (renstra check reports them):\n"
        "  'T-C.27'!H9 (TAHUN 2022 RP.): '12.34.5' has misplaced thousands separators (groups "
        "of three digits) (content: '12.34.5')\n")
    data = json.loads(output.read_text(encoding="utf-8"))
    assert data["programs"][0]["code"] == "1.06.02"
    assert [(n["row"], n["column"], n["value"]) for n in data["reading"]] == [(9, "H", "12.34.5")]


def test_renstra_import_options(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = flat_workbook(tmp_path / "flat.xlsx", [FLAT_HEADER, ["1.02.02", "PROGRAM"]],
                         head=())
    output = tmp_path / "plan.json"
    args = ["import", str(path), "--output", str(output)]
    assert main(args) == EXIT_INPUT
    err = capsys.readouterr().err
    assert "--start-year" in err  # the years only: an identity not stated is no refusal
    assert "--organisation" not in err
    assert main([*args, "--start-year", "2025"]) == EXIT_OK
    plan = load(output)
    assert (plan.title, plan.organisation.name, plan.organisation.region) == (None, None, None)
    assert main([*args, "--start-year", "2025", "--title", "T", "--organisation", "Dinas",
                 "--region", "Kota", "--sheet", "Sheet1", "--number-style", "id"]) == EXIT_OK
    plan = load(output)
    assert (plan.title, plan.organisation.name, plan.period.first_year) == ("T", "Dinas", 2025)
    assert main(["import", str(tmp_path / "none.xlsx"), "--output", str(output)]) == EXIT_INPUT
    assert "no such file" in capsys.readouterr().err


def test_renstra_import_cannot_write(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    workbook = tmp_path / "ttu.xlsx"
    write_workbook(ttu_dinsos(), workbook)
    output = tmp_path / "missing-folder" / "plan.json"
    assert main(["import", str(workbook), "--output", str(output), "--lang", "en"]) == EXIT_INPUT
    assert f"cannot write {output}" in capsys.readouterr().err
    assert main(["import", str(workbook), "--output", str(tmp_path), "--lang", "id"]) == EXIT_INPUT
    assert "tidak dapat menulis" in capsys.readouterr().err


# -- random plans: write, read, the same figures ----------------------------------------------

SAFE_UNITS = ("KPM", "org", "Unit", "Korban Bencana", "lembar")


def _safe_text(text: str | None) -> str | None:
    if text is None:
        return None
    # XML keeps no control characters, and reads a carriage return as a line feed.
    cleaned = "".join(ch for ch in text if ch in "\t\n" or unicodedata.category(ch)[0] != "C")
    return cleaned if cleaned.strip() else "x"


def _safe_name(text: str | None) -> str:
    cleaned = _safe_text(text)
    return "x" if cleaned is None else cleaned


def _safe_quantity(q: Quantity | None) -> Quantity | None:
    if q is None:
        return None
    unit = q.unit
    if unit is not None and (unit not in SAFE_UNITS):
        unit = SAFE_UNITS[len(unit) % len(SAFE_UNITS)]
    also = tuple(
        Quantity(D(1) if a.amount is NIL else a.amount,
                 None if a.unit is None else SAFE_UNITS[len(a.unit) % len(SAFE_UNITS)],
                 a.percent)
        for a in q.also
    )
    return Quantity(q.amount, unit, q.percent, also)


def _safe_indicator(indicator: Indicator) -> Indicator:
    return attrs.evolve(
        indicator, name=_safe_text(indicator.name), baseline=_safe_quantity(indicator.baseline),
        planned={y: _safe_quantity(q) for y, q in indicator.planned.items()},
        end_of_period=_safe_quantity(indicator.end_of_period), source=None, id=None, links=(),
    )


def _safe_activity(activity: Activity) -> Activity:
    return attrs.evolve(
        activity, name=_safe_name(activity.name), unit=_safe_text(activity.unit),
        location=_safe_text(activity.location), goal=_safe_text(activity.goal),
        target=_safe_text(activity.target), source=None,
        indicators=tuple(_safe_indicator(i) for i in activity.indicators),
        children=tuple(_safe_activity(c) for c in activity.children),
    )


def printable(plan: Plan) -> Plan:
    """*plan* with what T-C.27 can print: units that are words, no control characters, no
    generic program beside specific ones (the reader would give it their bidang)."""
    programs = list(plan.programs)
    if any(p.code.segments[0] != "X" for p in programs):
        programs = [p for p in programs if p.code.segments[0] != "X"]
    assume(programs)
    org = plan.organisation
    return attrs.evolve(
        plan, title=_safe_name(plan.title), goals=(), key_indicators=(), service_performance=(),
        vision=None, missions=(),
        resources=Resources(), problem_tables=(), budget_table=(),
        total_budget=plan.total_budget and attrs.evolve(plan.total_budget, source=None),
        organisation=attrs.evolve(org, name=_safe_name(org.name), region=_safe_name(org.region),
                                  province=_safe_text(org.province)),
        programs=tuple(_safe_activity(p) for p in programs),
    )


@settings(deadline=None, suppress_health_check=[HealthCheck.too_slow],
          max_examples=max(10, settings().max_examples // 5))
@given(plans())
def test_written_plans_read_back(tmp_path_factory: pytest.TempPathFactory, plan: Plan) -> None:
    plan = printable(plan)
    path = tmp_path_factory.mktemp("plans") / "plan.xlsx"
    write_workbook(plan, path)
    result = read_workbook(path)
    assert result.complete
    back = result.plan
    assert figures(back) == figures(plan)
    assert back.period.years == plan.period.years
    assert plan.title is not None
    assert back.title == plan.title.strip()
    if plan.total_budget is not None and back.total_budget is not None:
        years = plan.period.years
        assert dict(back.total_budget.planned.items()) == {
            y: v for y, v in plan.total_budget.planned.items() if y in years}


def test_codes_compare_canonically() -> None:
    assert Code.parse("1 06 01 2.08 01") == Code.parse("1.6.1.2.8.1")
    assert re.fullmatch(r"'.+'!\w+\d+", CellProblem("a", 1, "B", "excel.no_code").path)

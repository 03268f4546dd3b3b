"""The one workbook writer of the tables (``renstra_model.tables.xlsx``): both layouts store
the same values with the same number formats, texts as texts, and replace a file atomically."""

from __future__ import annotations

import zipfile
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest

from renstra_model import Plan
from renstra_model.errors import InvalidPlanError
from renstra_model.examples import ttu_dinsos
from renstra_model.io.excel import WorkbookError, write_workbook
from renstra_model.tables import Column, Kind, Row, Table, build, build_all, render
from renstra_model.tables.xlsx import (
    EXCEL_DIGITS,
    IllegalTextError,
    excel_value,
    number_format,
    write_document,
    write_xlsx,
)

D = Decimal


@pytest.fixture(scope="module")
def plan() -> Plan:
    return ttu_dinsos()


def _one_table(path: Path) -> Path:
    return write_xlsx(build(ttu_dinsos(), "2.3"), path)


def _all_tables(path: Path) -> Path:
    write_workbook(ttu_dinsos(), path)
    return path


WRITERS: dict[str, Callable[[Path], Path]] = {"write_xlsx": _one_table,
                                                "write_workbook": _all_tables}


def test_the_names_stay_where_they_were() -> None:
    assert render.write_xlsx is write_xlsx
    assert render.EXCEL_DIGITS == EXCEL_DIGITS == 15
    from renstra_model.tables.dataframe import to_dataframe

    assert render.to_dataframe is to_dataframe


def test_number_formats_by_kind() -> None:
    assert number_format(D("4847753572"), Kind.MONEY) == "#,##0"
    assert number_format(D("4091594846.5"), Kind.MONEY) == "#,##0.0"
    assert number_format(7, Kind.INTEGER) == "#,##0"
    assert number_format(D("72.18"), Kind.PERCENT) == '#,##0.00" %"'
    assert number_format(D("-0.21"), Kind.RATE) == "#,##0.00;(#,##0.00)"
    assert excel_value(D("12.5"), Kind.MONEY, "en") == (D("12.5"), "#,##0.0")
    assert excel_value(D("1234567890123456.5"), Kind.MONEY, "en") == (
        "1,234,567,890,123,456.5", None)
    assert excel_value(None, Kind.TEXT, "id") == (None, None)


def test_both_writers_write_the_same_number_format_for_the_same_cell(
    plan: Plan, tmp_path: Path
) -> None:
    """Every number cell of every table: the one-table layout (data from row 3) and the
    document's layout (data from its frozen row) store the same number, in the same format."""
    rows = openpyxl.load_workbook(write_xlsx(build_all(plan), tmp_path / "rows.xlsx", lang="id"))
    document = openpyxl.load_workbook(_all_tables(tmp_path / "document.xlsx"))
    assert rows.sheetnames == document.sheetnames
    kinds: set[Kind] = set()
    for table in build_all(plan):
        plain, doc = rows[table.number], document[table.number]
        assert doc.freeze_panes is not None
        top = int(doc.freeze_panes.removeprefix("A"))
        for r in range(len(table.rows)):
            for c, column in enumerate(table.columns, start=1):
                ours, theirs = plain.cell(3 + r, c), doc.cell(top + r, c)
                assert ours.value == theirs.value, (table.number, r, c)
                if isinstance(ours.value, int | float):
                    assert ours.number_format == theirs.number_format, (table.number, r, c)
                    kinds.add(column.kind)
    assert {Kind.MONEY, Kind.PERCENT, Kind.RATE} <= kinds


@pytest.mark.parametrize("writer", sorted(WRITERS))
def test_a_failing_save_leaves_the_file_as_it_was(
    writer: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "tables.xlsx"
    target.write_bytes(b"the old workbook")

    def fail(self: object, filename: object) -> None:
        Path(str(filename)).write_bytes(b"half a workbook")
        raise OSError("disk full")

    monkeypatch.setattr(openpyxl.Workbook, "save", fail)
    with pytest.raises(OSError, match="disk full"):
        WRITERS[writer](target)
    assert target.read_bytes() == b"the old workbook"
    assert [p.name for p in tmp_path.iterdir()] == ["tables.xlsx"]


@pytest.mark.parametrize("writer", sorted(WRITERS))
def test_a_save_replaces_the_file(writer: str, tmp_path: Path) -> None:
    target = tmp_path / "tables.xlsx"
    target.write_bytes(b"the old workbook")
    WRITERS[writer](target)
    assert openpyxl.load_workbook(target).sheetnames
    assert [p.name for p in tmp_path.iterdir()] == ["tables.xlsx"]


def test_write_xlsx_stores_text_as_text(tmp_path: Path) -> None:
    table = Table("f", "=SUM(A1)", (Column("t", "=A1", Kind.TEXT),),
                  (Row(("=HYPERLINK(\"http://x\")",)), Row(("#N/A",))))
    path = write_xlsx(table, tmp_path / "f.xlsx")
    sheet = openpyxl.load_workbook(path)["f"]
    assert [sheet.cell(r, 1).value for r in (1, 2, 3, 4)] == [
        "f =SUM(A1)", "=A1", "=HYPERLINK(\"http://x\")", "#N/A"]
    assert {sheet.cell(r, 1).data_type for r in (1, 2, 3, 4)} == {"s"}
    with zipfile.ZipFile(path) as archive:
        sheets = [n for n in archive.namelist() if n.startswith("xl/worksheets/")]
        assert not any(b"<f>" in archive.read(n) for n in sheets)


def test_text_a_workbook_cannot_store_is_refused(tmp_path: Path) -> None:
    table = Table("p", "P", (Column("t", "T", Kind.TEXT),), (Row(("ok",)), Row(("bad\x01",))))
    for write, cell in ((write_xlsx, "A4"), (write_document, "A6")):
        with pytest.raises(IllegalTextError) as caught:
            write([table], tmp_path / "p.xlsx")
        assert isinstance(caught.value, InvalidPlanError)
        assert (caught.value.table, caught.value.cell) == ("p", cell)
        assert caught.value.problems[0].path == f"p!{cell}"
        assert "control characters" in caught.value.describe("en")
        assert not list(tmp_path.iterdir())


def test_write_workbook_keeps_its_own_error(plan: Plan, tmp_path: Path) -> None:
    import attrs

    program = attrs.evolve(plan.programs[0], name="bad\x01name")
    broken = attrs.evolve(plan, programs=(program, *plan.programs[1:]))
    with pytest.raises(WorkbookError) as caught:
        write_workbook(broken, tmp_path / "f.xlsx")
    problem = caught.value.problems[0]
    assert (problem.key, problem.path) == ("excel.illegal_text", "T-C.27!D14")

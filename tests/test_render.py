"""Renderers of the tables (text, Markdown, HTML, CSV, DataFrame, .xlsx) and ``renstra table``."""

from __future__ import annotations

import csv
import io
import os
import re
import sys
from decimal import Decimal
from html.parser import HTMLParser
from pathlib import Path

import pytest
from hypothesis import given, settings

from renstra_model import NIL, Plan, Quantity
from renstra_model.calculators.arithmetic import Undefined
from renstra_model.cli import EXIT_INPUT, EXIT_OK, main
from renstra_model.errors import MissingExtraError
from renstra_model.examples import ttu_dinsos
from renstra_model.model.values import Nil
from renstra_model.tables import (
    Column,
    Computed,
    Growth,
    Kind,
    Row,
    Table,
    build,
    build_all,
)
from renstra_model.tables.formats import format_number, format_percent
from renstra_model.tables.render import (
    FORMATS,
    cell_text,
    plain_text,
    render_table,
    to_csv,
    to_dataframe,
    to_html,
    to_markdown,
    to_text,
    write_xlsx,
)
from strategies import plans

D = Decimal
SOURCE = os.environ.get("RENSTRA_TTU_SOURCE")


@pytest.fixture(scope="module")
def plan() -> Plan:
    return ttu_dinsos()


@pytest.fixture(scope="module")
def tables(plan: Plan) -> dict[str, Table]:
    return {t.number: t for t in build_all(plan)}


def shown(table: Table, row: int, key: str, lang: str = "id", values: str = "stated") -> str:
    return cell_text(table.cell(row, key), table.column(key), lang=lang,  # type: ignore[arg-type]
                     values=values)  # type: ignore[arg-type]


def plain(table: Table, row: int, key: str, computed: bool = False) -> str:
    return plain_text(table.cell(row, key), table.column(key), computed=computed)


# -- the document's printed forms, the Indonesian way ---------------------------------------------


def test_money_the_indonesian_way(tables: dict[str, Table]) -> None:
    t = tables["T-C.24"]
    assert shown(t, 0, "planned_2022") == "4.847.753.572"
    assert shown(t, 0, "planned_2023") == "4.091.594.846,5"
    assert shown(t, 0, "planned_2023", "en") == "4,091,594,846.5"
    assert shown(t, 8, "planned_2022") == "-"
    assert plain(t, 0, "planned_2022") == "4847753572"
    assert plain(t, 0, "planned_2023") == "4091594846.5"
    t27 = tables["T-C.27"]
    last = len(t27.rows) - 1
    assert shown(t27, last, "pagu_2023") == "4.091.594.846,50"  # as T-C.27 prints ",50"
    assert plain(t27, last, "end_pagu") == "33801099011"


def test_each_table_keeps_its_quantity_form(tables: dict[str, Table]) -> None:
    assert shown(tables["7.1"], 0, "planned_2022") == "72,18 % (25.325 KPM)"
    assert shown(tables["7.1"], 0, "planned_2022", "en") == "72.18 % (25,325 KPM)"
    assert plain(tables["7.1"], 0, "planned_2022") == "72.18 % (25325 KPM)"
    assert shown(tables["T-C.23"], 0, "planned_2022") == "72,18 % (25.325)"
    assert shown(tables["T-C.23"], 0, "ikk") == "100,00 % (38.827)"
    t27 = tables["T-C.27"]
    dtks = next(i for i, r in enumerate(t27.rows) if str(r.code) == "1.06.05.2.02.0002")
    assert shown(t27, dtks, "planned_2022") == "25.325 KPM (72,18 %)"
    assert plain(t27, dtks, "planned_2022") == "25325 KPM (72.18 %)"
    assert shown(t27, dtks, "code") == "1 06 05 2.02 02"
    assert shown(tables["T-C.25"], 1, "planned_2022") == "18.895 KPM PKH 23.899 KPM BPNT"


def test_percentages_rates_and_computed_figures(tables: dict[str, Table]) -> None:
    t23 = tables["T-C.23"]
    assert shown(t23, 0, "ratio_2022") == "100 %"
    assert shown(t23, 0, "ratio_2022", values="computed") == "100,00 %"
    assert plain(t23, 0, "ratio_2022") == "100"
    t24 = tables["T-C.24"]
    assert shown(t24, 0, "growth_planned") == "14,49"
    assert shown(t24, 0, "growth_planned", values="computed") == "22,59"
    assert shown(t24, 0, "growth_planned", values="both") == "14,49 [22,59]"
    assert plain(t24, 0, "growth_planned", computed=True) == "22.59"
    assert shown(t24, 34, "growth_planned") == "(0,21)"  # "(0.21)"
    assert plain(t24, 34, "growth_planned") == "-0.21"
    assert shown(t24, 0, "ratio_2022", values="both") == "- [100,00 %]"
    undefined = t24.cell(8, "growth_planned")  # 40,000,000 in 2024 only: no growth at all
    assert isinstance(undefined, Growth)
    assert isinstance(undefined.mean, Undefined)
    assert shown(t24, 8, "growth_planned", values="computed") == "–"
    assert plain(t24, 8, "growth_planned", computed=True) == ""


def test_long_numbers_are_formatted_to_their_last_digit() -> None:
    """Valid numbers with more digits than the default decimal context's 28, and computed
    figures too large to round in it, are written whole."""
    long = D("0.12345678901234567890123456789012345")
    column = Column("p", "P", Kind.PERCENT)
    assert cell_text(long, column, lang="id") == "0,12345678901234567890123456789012345 %"
    assert plain_text(long, column) == "0.12345678901234567890123456789012345"
    huge = Computed(D("1"), D("1.234567890123456789012345678E+37"))
    assert cell_text(huge, column, lang="id", values="computed") == (
        "12.345.678.901.234.567.890.123.456.780.000.000.000,00 %")
    assert plain_text(huge, column, computed=True) == (
        "12345678901234567890123456780000000000.00")


def test_lists_codes_and_empty_cells() -> None:
    column = Column("s", "S", Kind.LIST)
    assert cell_text(("a", "b"), column) == "1. a\n2. b"
    assert plain_text(("a", "b"), column) == "1. a\n2. b"
    assert cell_text(None, Column("m", "M", Kind.MONEY)) == ""
    assert plain_text(NIL, Column("m", "M", Kind.MONEY)) == "-"
    nil_quantity = Quantity(NIL, "Kasus")
    assert cell_text(nil_quantity, Column("q", "Q", Kind.QUANTITY)) == "- Kasus"
    assert cell_text(Quantity(NIL), Column("q", "Q", Kind.PERCENT_QUANTITY)) == "-"


# -- the formats -------------------------------------------------------------------------------


def test_text_wraps_text_and_aligns_numbers(tables: dict[str, Table]) -> None:
    text = to_text(tables["2.3"], lang="id")
    lines = text.splitlines()
    assert lines[0] == "2.3 Sumber Daya Manusia Pekerja Sosial Masyarakat"
    assert lines[-1].split() == ["Total", "193"]
    assert all(line == line.rstrip() for line in lines)
    assert lines[3].endswith("   68")
    wide = to_text(tables["T-C.27"], lang="id", width=20)
    assert "† baris diambil dari T-C.24" in wide.splitlines()[-1]
    assert "1 06 01 †" in wide
    assert "4.091.594.846,50" in wide
    assert to_text(tables["2.3"], caption=False).startswith("No")


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.stack: list[str] = []
        self.cells = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag != "br":
            self.stack.append(tag)
        if tag == "td":
            self.cells += 1

    def handle_endtag(self, tag: str) -> None:
        assert self.stack.pop() == tag


def test_html_is_well_formed_with_grouped_headers(tables: dict[str, Table]) -> None:
    for table in tables.values():
        parser = _Tags()
        parser.feed(to_html(table))
        assert parser.stack == []
    html = to_html(tables["T-C.24"], lang="id")
    assert '<th colspan="5">Anggaran pada Tahun ke</th>' in html
    assert '<tr class="numbers"><th>1</th>' in html
    assert '<td class="num">4.091.594.846,5</td>' in html
    assert '<th colspan="4">Visi : Terwujudnya' in to_html(tables["T-C.26"])
    assert "<tfoot>" in to_html(tables["T-C.27"])
    assert "<caption>" not in to_html(tables["2.4"], caption=False)


def test_markdown_rows_have_every_column(tables: dict[str, Table]) -> None:
    for table in tables.values():
        md = to_markdown(table, caption=False)
        counts = {len(re.findall(r"(?<!\\)\|", line))
                  for line in md.splitlines() if line.startswith("|")}
        assert counts == {len(table.columns) + 1}, table.number
    md = to_markdown(tables["T-C.26"])
    assert md.startswith("**T-C.26** Tujuan, Sasaran, Strategi dan Arah Kebijakan\n\n")
    assert "<br>2. Keterlibatan SDM PKH" in md
    assert "| **Misi I : Meningkatkan" in md


def _reparse(text: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(text, newline="")))


def test_csv_is_plain_with_one_header_row_in_the_documents_order(
    tables: dict[str, Table],
) -> None:
    for table in tables.values():
        rows = _reparse(to_csv(table))
        assert rows[0] == [c.title for c in table.columns]
        assert len(rows) == len(table.rows) + 1
        for values, row in zip(rows[1:], table.rows, strict=True):
            for text, column, cell in zip(values, table.columns, row.cells, strict=True):
                value = cell.stated if isinstance(cell, Computed | Growth) else cell
                if isinstance(value, Decimal):
                    assert Decimal(text) == value
                    assert re.fullmatch(r"-?\d+(\.\d+)?", text)
                elif isinstance(value, int):
                    assert text == str(value)
                elif value is NIL:
                    assert text == "-"
                elif value is None:
                    assert text == "", column.key
    both = _reparse(to_csv(tables["T-C.24"], values="both"))
    assert both[0][-4:] == [
        "Rata-rata Pertumbuhan Rencana Anggaran",
        "Rata-rata Pertumbuhan Rencana Anggaran (computed)",
        "Rata-rata Pertumbuhan Realisasi",
        "Rata-rata Pertumbuhan Realisasi (computed)",
    ]
    assert both[1][-4:] == ["14.49", "22.59", "14.49", "22.59"]
    assert len(both[0]) == 18 + 7


@pytest.mark.skipif(not SOURCE or not os.path.isfile(SOURCE),
                    reason="RENSTRA_TTU_SOURCE is not set: see "
        "docs/getting-started.md, section Environment")
def test_tc24_csv_numbers_are_the_documents(tables: dict[str, Table]) -> None:
    """Every number of the CSV of T-C.24 is the document's, written plain."""
    assert SOURCE is not None
    lines = Path(SOURCE).read_text(encoding="utf-8").splitlines()
    first = lines.index("Tabel TC-24")
    printed: list[list[str]] = []
    for line in lines[first:]:
        if line.startswith("2.4. Tantangan"):
            break
        cells = [re.sub(r"</?i>", "", c).strip() for c in line.split("\t")]
        if len(cells) >= 18 and cells[0] not in ("", "Uraian", "1") and any(cells[1:18]):
            printed.append(cells[1:18])
    rows = _reparse(to_csv(tables["T-C.24"]))[1:]
    assert len(printed) == len(rows) == 72

    def as_plain(cell: str) -> str:
        if cell.startswith("("):
            return "-" + cell[1:-1]
        return cell.replace(",", "")

    assert [row[1:] for row in rows] == [[as_plain(c) for c in p] for p in printed]


def test_render_table_dispatches_and_refuses_unknown_formats(tables: dict[str, Table]) -> None:
    table = tables["2.4"]
    assert render_table(table, "csv") == to_csv(table)
    assert render_table(table, "html", lang="en") == to_html(table, lang="en")
    assert FORMATS == ("text", "markdown", "html", "csv")
    with pytest.raises(ValueError, match="format 'pdf' tidak dikenal"):
        render_table(table, "pdf", lang="id")


# -- optional extras -----------------------------------------------------------------------------


def test_dataframe_holds_the_model_values(tables: dict[str, Table]) -> None:
    import pandas as pd

    frame = to_dataframe(tables["T-C.24"], values="both")
    assert list(frame.columns)[:3] == [
        "Uraian", "Anggaran pada Tahun ke-1", "Anggaran pada Tahun ke-1 (nil)"]
    assert frame.attrs["number"] == "T-C.24"
    assert frame.iloc[0]["Anggaran pada Tahun ke-2"] == D("4091594846.5")
    assert isinstance(frame.iloc[0]["Anggaran pada Tahun ke-2"], Decimal)
    ratio = "Rasio antara Realisasi dan Anggaran pada Tahun ke-1"
    assert frame.iloc[0][ratio] is pd.NA  # a stated "-": missing, and flagged
    assert bool(frame.iloc[0][ratio + " (nil)"])
    computed = frame.iloc[0]["Rata-rata Pertumbuhan Rencana Anggaran (computed)"]
    assert isinstance(computed, Decimal)
    assert round(computed, 2) == D("22.59")
    assert {str(dtype) for dtype in frame.dtypes} == {  # exact: computed figures keep every place
        "string", "bool", "decimal128(18, 0)[pyarrow]", "decimal128(18, 1)[pyarrow]",
        "decimal128(18, 2)[pyarrow]", "decimal128(28, 25)[pyarrow]",
        "decimal128(34, 31)[pyarrow]",
    }
    assert frame.attrs["sources"][0].startswith("T-C.24 / URUSAN")


def test_xlsx_stores_numbers_as_numbers(tables: dict[str, Table], tmp_path: Path) -> None:
    import openpyxl

    path = write_xlsx([tables["T-C.24"], tables["7.1"]], tmp_path / "t.xlsx", lang="id",
                      values="both")
    book = openpyxl.load_workbook(path)
    assert book.sheetnames == ["T-C.24", "7.1"]
    sheet = book["T-C.24"]
    assert sheet["A1"].value.startswith("T-C.24 Anggaran")
    assert sheet["A2"].value == "Uraian"
    assert sheet["C3"].value == pytest.approx(4091594846.5)
    assert sheet["C3"].number_format == "#,##0.0"
    assert sheet["B3"].number_format == "#,##0"
    assert sheet["L3"].value == "-"
    assert sheet["Y3"].number_format == "#,##0.00;(#,##0.00)"
    assert book["7.1"]["E3"].value == "72,18 % (25.325 KPM)"
    single = write_xlsx(tables["2.3"], tmp_path / "one.xlsx")
    assert openpyxl.load_workbook(single).sheetnames == ["2.3"]
    precise = Table("p", "P", (Column("m", "M", Kind.MONEY),),
                    (Row((D("1234567890123456.5"),)), Row((D("12.5"),))))
    written = openpyxl.load_workbook(write_xlsx(precise, tmp_path / "p.xlsx", lang="id"))["p"]
    assert written["A3"].value == "1.234.567.890.123.456,5"  # more digits than a double holds
    assert written["A4"].value == 12.5


@pytest.mark.parametrize("module", ["pandas", "openpyxl"])
def test_a_missing_extra_is_named(
    module: str, tables: dict[str, Table], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, module, None)
    if module == "pandas":
        with pytest.raises(MissingExtraError) as info:
            to_dataframe(tables["2.3"], lang="id")
    else:
        with pytest.raises(MissingExtraError) as info:
            write_xlsx(tables["2.3"], tmp_path / "x.xlsx")
    extra = "pandas" if module == "pandas" else "excel"
    assert f"renstra-model[{extra}]" in str(info.value)
    assert isinstance(info.value, ImportError)


# -- renstra table -------------------------------------------------------------------------------


def test_cli_prints_each_table(capsys: pytest.CaptureFixture[str]) -> None:
    for name in ("TC-23", "TC-24", "TC-25", "TC-26", "TC-27", "7.1", "2.1", "2.2", "2.3", "2.4",
                 "3.1", "3.2", "3.3", "3.4"):
        assert main(["table", "ttu-dinsos", name]) == EXIT_OK
        out = capsys.readouterr().out
        assert out.startswith(build(ttu_dinsos(), name).number + " ")


def test_cli_csv_is_plain(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["table", "ttu-dinsos", "TC-24", "--format", "csv", "--lang", "id"]) == EXIT_OK
    rows = _reparse(capsys.readouterr().out)
    assert rows[1][:3] == ["URUSAN PEMERINTAHAN BIDANG SOSIAL", "4847753572", "4091594846.5"]
    assert rows[1][-2:] == ["14.49", "14.49"]


def test_cli_formats_languages_and_values(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("RENSTRA_LANG", raising=False)
    assert main(["table", "ttu-dinsos", "7.1", "--format", "markdown"]) == EXIT_OK
    assert "72.18 % (25,325 KPM)" in capsys.readouterr().out  # English by default
    assert main(["table", "ttu-dinsos", "7.1", "--format", "html", "--lang", "id"]) == EXIT_OK
    assert "72,18 % (25.325 KPM)" in capsys.readouterr().out
    monkeypatch.setenv("RENSTRA_LANG", "id")
    assert main(["table", "ttu-dinsos", "7.1", "--format", "markdown"]) == EXIT_OK
    assert "72,18 % (25.325 KPM)" in capsys.readouterr().out
    monkeypatch.setenv("RENSTRA_LANG", "en")
    assert main(["table", "ttu-dinsos", "TC-24", "--values", "both"]) == EXIT_OK
    assert "14.49 [22.59]" in capsys.readouterr().out


def test_cli_writes_files(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    import openpyxl

    target = tmp_path / "tc27.csv"
    assert main(["table", "ttu-dinsos", "T-C.27", "--format", "csv",
                 "--output", str(target)]) == EXIT_OK
    assert capsys.readouterr().out == ""
    assert _reparse(target.read_text(encoding="utf-8"))[1][2] == "1 06 01"
    book = tmp_path / "tc23.xlsx"
    assert main(["table", "ttu-dinsos", "tc23", "--format", "xlsx", "--output", str(book),
                 "--lang", "en"]) == EXIT_OK
    assert "T-C.23 written to" in capsys.readouterr().err
    assert openpyxl.load_workbook(book).sheetnames == ["T-C.23"]


def test_cli_unusable_input_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["table", "ttu-dinsos", "TC-24", "--format", "xlsx", "--lang", "id"]) == (
        EXIT_INPUT)
    assert "--output BERKAS" in capsys.readouterr().err
    assert main(["table", "ttu-dinsos", "3.9", "--lang", "en"]) == EXIT_INPUT
    assert "no table named '3.9'" in capsys.readouterr().err
    assert main(["table", "no-such-plan", "TC-24"]) == EXIT_INPUT
    bad = tmp_path / "bad.json"
    bad.write_text('{"format_version": 1, "title": 5}', encoding="utf-8")
    assert main(["table", str(bad), "TC-24"]) == EXIT_INPUT
    assert "@ title" in capsys.readouterr().err
    nowhere = tmp_path / "missing" / "dir"
    assert main(["table", "ttu-dinsos", "2.3", "--output", str(nowhere / "t.csv")]) == EXIT_INPUT
    assert main(["table", "ttu-dinsos", "2.3", "--format", "xlsx",
                 "--output", str(nowhere / "t.xlsx")]) == EXIT_INPUT
    assert "No such file" in capsys.readouterr().err


# -- any plan -----------------------------------------------------------------------------------

DISPLAY = {
    "id": re.compile(r"\(?-?\d{1,3}(?:\.\d{3})*(?:,\d+)?\)?(?: %)?"),
    "en": re.compile(r"\(?-?\d{1,3}(?:,\d{3})*(?:\.\d+)?\)?(?: %)?"),
}
PLAIN = re.compile(r"-?\d+(?:\.\d+)?")
FLOATY = re.compile(r"\d[eE][+-]?\d|inf|nan|NaN|Infinity", re.IGNORECASE)


def _numeric_texts(table: Table) -> list[tuple[Column, object, str, str, str]]:
    found: list[tuple[Column, object, str, str, str]] = []
    for row in table.rows:
        for column, cell in zip(table.columns, row.cells, strict=True):
            if column.kind in (Kind.MONEY, Kind.PERCENT, Kind.RATE, Kind.INTEGER):
                for values in ("stated", "computed"):
                    found.append((
                        column, cell,
                        cell_text(cell, column, lang="id", values=values),
                        cell_text(cell, column, lang="en", values=values),
                        plain_text(cell, column, computed=values == "computed"),
                    ))
    return found


@settings(deadline=None)
@given(plans())
def test_rendering_never_emits_a_float_repr(plan: Plan) -> None:
    for table in build_all(plan):
        for column, _, in_id, in_en, flat in _numeric_texts(table):
            for text, lang in ((in_id, "id"), (in_en, "en")):
                assert text in ("", "-", "–") or DISPLAY[lang].fullmatch(text), (text, column)
            assert flat in ("", "-") or PLAIN.fullmatch(flat), flat
        for row in table.rows:
            for column, cell in zip(table.columns, row.cells, strict=True):
                if isinstance(cell, Quantity) and isinstance(cell.amount, Decimal):
                    percent_first = (column.kind is Kind.PERCENT_QUANTITY
                                     and cell.percent is not None)
                    if percent_first:
                        assert cell.percent is not None
                        lead, flat_lead = format_percent(cell.percent), format(cell.percent, "f")
                    else:
                        lead, flat_lead = format_number(cell.amount), format(cell.amount, "f")
                    assert cell_text(cell, column).startswith(lead)
                    assert plain_text(cell, column).startswith(flat_lead)
        for fmt in ("text", "markdown", "html"):
            render_table(table, fmt)
        numbers = [f for _, _, _, _, f in _numeric_texts(table) if f not in ("", "-")]
        assert not any(FLOATY.search(n) for n in numbers)


@settings(deadline=None)
@given(plans())
def test_csv_of_any_plans_tc27_reparses_to_the_same_decimals(plan: Plan) -> None:
    table = build(plan, "TC-27")
    rows = _reparse(to_csv(table))
    assert rows[0] == [c.title for c in table.columns]
    assert len(rows) == len(table.rows) + 1
    for values, row in zip(rows[1:], table.rows, strict=True):
        assert len(values) == len(table.columns)
        for text, column, cell in zip(values, table.columns, row.cells, strict=True):
            if column.kind is Kind.MONEY:
                if isinstance(cell, Decimal):
                    assert Decimal(text) == cell
                    assert PLAIN.fullmatch(text)
                else:
                    assert text == ("-" if isinstance(cell, Nil) else "")
            elif isinstance(cell, Quantity):
                first = "-" if isinstance(cell.amount, Nil) else format(cell.amount, "f")
                assert text.startswith(first)
                if isinstance(cell.amount, Decimal):
                    assert Decimal(text.split(" ")[0]) == cell.amount
            elif isinstance(cell, str):
                assert text == cell
            elif cell is None:
                assert text == ""


def test_a_table_of_no_rows_renders() -> None:
    empty = Table("x", "X", (Column("a", "A"), Column("n", "N", Kind.MONEY)))
    assert to_text(empty).splitlines() == ["x X", "A N", "- -"]
    assert to_csv(empty) == "A,N\n"
    assert "<tbody>\n</tbody>" in to_html(empty)
    grouped = Table("y", "Y", (Column("g1", "G 1", group="G", label="1"),),
                    (Row(("v",)),))
    assert '<th colspan="1">G</th>' in to_html(grouped)

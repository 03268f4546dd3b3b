"""The problem tables of chapter III (3.1–3.4 in the TTU plan): built by their number, rendered in
every format, listed and printed by ``renstra table``, and, where ``RENSTRA_TTU_SOURCE`` names the
source text, compared cell by cell with the document."""

from __future__ import annotations

import csv
import io
import os
import re
from pathlib import Path

import attrs
import openpyxl
import pytest
from hypothesis import given, settings

from renstra_model import Plan, ProblemRow, ProblemTable
from renstra_model.cli import main
from renstra_model.cli.common import EXIT_INPUT, EXIT_OK
from renstra_model.examples import ttu_dinsos
from renstra_model.io.excel.writer import write_workbook
from renstra_model.io.inputs import InputFormat, Loaded, ReadOptions, name_plans, registered
from renstra_model.model.provenance import Source
from renstra_model.tables import (
    TABLES,
    Kind,
    RowKind,
    UnknownTableError,
    build,
    build_all,
    problem_table,
    problem_tables,
    table_names,
    to_csv,
    to_html,
    to_markdown,
    to_text,
    write_xlsx,
)
from strategies import plans

SOURCE = os.environ.get("RENSTRA_TTU_SOURCE")
needs_source = pytest.mark.skipif(
    not SOURCE or not os.path.isfile(SOURCE), reason="RENSTRA_TTU_SOURCE is not set: see "
        "docs/getting-started.md, section Environment"
)
NUMBERS = ("3.1", "3.2", "3.3", "3.4")
TITLES = (
    "Pemetaan Permasalahan untuk Penentuan Prioritas dan Sasaran Pembangunan Daerah",
    "Permasalahan Perlindungan dan Jaminan Sosial",
    "Permasalahan Rehabilitasi Sosial",
    "Permasalahan Pemberdayaan Sosial dan Penanganan Fakir Miskin",
)


@pytest.fixture(scope="module")
def plan() -> Plan:
    return ttu_dinsos()


def test_the_ttu_problem_tables_have_the_documents_columns(plan: Plan) -> None:
    tables = problem_tables(plan)
    assert [(t.number, t.title, len(t.rows)) for t in tables] == [
        ("3.1", TITLES[0], 3), ("3.2", TITLES[1], 14), ("3.3", TITLES[2], 10),
        ("3.4", TITLES[3], 11),
    ]
    for table in tables:
        assert [(c.key, c.title, c.kind, c.number) for c in table.columns] == [
            ("no", "No", Kind.TEXT, None),
            ("core_problem", "Permasalahan Pokok", Kind.TEXT, None),
            ("problem", "Masalah", Kind.TEXT, None),
            ("root_cause", "Akar Masalah", Kind.TEXT, None),
        ]
        assert {r.kind for r in table.rows} == {RowKind.DATA}
        assert table.borrowed() == ()
        assert table.footnote() is None
    t32 = tables[1]
    assert t32.rows[1].cells == (
        None, None, "2. Minimnya ketersediaan fasilitas penanganan korban bencana alam",
        "Kurangnya sarana prasarana dalam penanganan korban bencana alam",
    )
    assert t32.rows[1].source == Source("3.2", "1 (continuation 1)")
    assert [t.number for t in build_all(plan)] == [
        "T-C.23", "T-C.24", "T-C.25", "T-C.26", "T-C.27", "7.1", "2.1", "2.2", "2.3", "2.4",
        *NUMBERS,
    ]


def test_a_problem_table_is_built_by_its_number_read_loosely(plan: Plan) -> None:
    for name in ("3.1", "3.1.", "31", " 3.1"):
        assert build(plan, name) == problem_table(plan.problem_tables[0])
    assert build(plan, "3-4").number == "3.4"
    assert table_names(plan) == (*TABLES, *NUMBERS)
    assert table_names() == tuple(TABLES)
    with pytest.raises(UnknownTableError) as info:
        build(plan, "3.5", "en")
    assert str(info.value) == (
        "no table named '3.5' (known: TC-23, TC-24, TC-25, TC-26, TC-27, 7.1, 2.1, 2.2, 2.3, "
        "2.4, 3.1, 3.2, 3.3, 3.4)"
    )
    bare = attrs.evolve(plan, problem_tables=())
    with pytest.raises(UnknownTableError) as info:
        build(bare, "3.1", "id")
    assert str(info.value) == (
        "tidak ada tabel bernama '3.1' (tersedia: TC-23, TC-24, TC-25, TC-26, TC-27, 7.1, 2.1, "
        "2.2, 2.3, 2.4)"
    )
    assert [t.number for t in build_all(bare)] == [t.number for t in build_all(plan)][:10]


def test_a_number_is_matched_exactly_when_it_has_no_letter_or_digit(plan: Plan) -> None:
    odd = ProblemTable("--", "Lain", rows=(ProblemRow("1", "Pokok", "Masalah", "Akar"),))
    other = ProblemTable("3.9", "Sembilan")
    mixed = attrs.evolve(plan, problem_tables=(other, odd))
    assert build(mixed, "--").title == "Lain"
    with pytest.raises(UnknownTableError):
        build(mixed, "-")  # squashes to nothing: no loose match with "--"
    assert build(mixed, "3.9").rows == ()


def test_a_standard_table_wins_over_a_problem_table_of_its_name(plan: Plan) -> None:
    clash = attrs.evolve(plan, problem_tables=(ProblemTable("2.1", "Permasalahan"),))
    assert build(clash, "2.1").title.startswith("Komposisi Pegawai")
    assert [t.title for t in build_all(clash)][-2:] == [build(clash, "2.4").title, "Permasalahan"]


@settings(max_examples=40, deadline=None)
@given(plans())
def test_build_all_ends_with_every_problem_table_of_any_plan(plan: Plan) -> None:
    tables = build_all(plan)
    assert tables[len(TABLES):] == tuple(problem_table(t) for t in plan.problem_tables)
    for source, table in zip(plan.problem_tables, tables[len(TABLES):], strict=True):
        assert table.number == source.number
        assert [r.cells for r in table.rows] == [
            (r.number, r.core_problem, r.problem, r.root_cause) for r in source.rows
        ]
        assert build(plan, source.number).number in (source.number, *(
            t.number for t in tables[:len(TABLES)]))


# -- every format -------------------------------------------------------------------------------


def test_the_first_rows_of_ttu_3_1_as_text(plan: Plan) -> None:
    assert to_text(build(plan, "3.1").subset(range(2)), width=24) == """\
3.1 Pemetaan Permasalahan untuk Penentuan Prioritas dan Sasaran Pembangunan Daerah
No Permasalahan Pokok       Masalah                  Akar Masalah
-- ------------------------ ------------------------ ------------------------
1. Pemahaman SDM terhadap   Terhambatnya Proses      Kurangnya SDM didalam
   teknologi informasi      pengimputan dalam        memahami teknologi
   dalam Perencanaan,       Perencanaan, Pengelolaan informasi menggunakan
   Pengelolaan Keuangan dan Keuangan dan Aset        Aplikasi
   Aset masih kurang
   memadai.
2. Belum optimalnya         Belum teliti dalam       Belum ada kesamaan
   penggunaan Analisa       penyusunan anggaran      penggunaan Standar Biaya
   Standar Biaya dalam      menggunakan Standar      dalam penyusunan
   penyusunan anggaran      Biaya yang ditetapkan    anggaran pada Dinas
   serta belum tepatnya                              serta Belum tepat
   penggunaan aplikasi                               penempatan kegiatan/ Sub
   SIPD.                                             kegiatan dengan target
                                                     yang akan dicapai.
"""


def test_a_continuation_row_in_markdown_html_and_csv(plan: Plan) -> None:
    t = build(plan, "3.2").subset(range(2))
    assert to_markdown(t, caption=False) == (
        "| No | Permasalahan Pokok | Masalah | Akar Masalah |\n"
        "|---|---|---|---|\n"
        "| 1. | Kesejahteraan Masyarakat korban bencana Alam belum optimal | 1. Tidak terpenuhinya "
        "Ketersediaan logistik | a. Tidak tercukupinya bufferstock untuk penanganan bencana alam "
        "b. Mata rantai distribusi logistik yang terputus. |\n"
        "|  |  | 2. Minimnya ketersediaan fasilitas penanganan korban bencana alam | Kurangnya "
        "sarana prasarana dalam penanganan korban bencana alam |\n"
    )
    assert to_html(t.subset([1]), caption=False) == (
        '<table class="renstra-table" data-table="3.2">\n<thead>\n'
        "<tr><th>No</th><th>Permasalahan Pokok</th><th>Masalah</th><th>Akar Masalah</th></tr>\n"
        "</thead>\n<tbody>\n"
        "<tr><td></td><td></td><td>2. Minimnya ketersediaan fasilitas penanganan korban bencana "
        "alam</td><td>Kurangnya sarana prasarana dalam penanganan korban bencana alam</td></tr>\n"
        "</tbody>\n</table>\n"
    )
    assert to_csv(t.subset([1])) == (
        "No,Permasalahan Pokok,Masalah,Akar Masalah\n"
        ",,2. Minimnya ketersediaan fasilitas penanganan korban bencana alam,Kurangnya sarana "
        "prasarana dalam penanganan korban bencana alam\n"
    )


@pytest.mark.parametrize("fmt", ["text", "markdown", "html", "csv"])
def test_renstra_table_prints_each_problem_table(
    fmt: str, plan: Plan, capsys: pytest.CaptureFixture[str]
) -> None:
    for number in NUMBERS:
        assert main(["table", "ttu-dinsos", number, "--format", fmt]) == EXIT_OK
        out = capsys.readouterr().out
        table = build(plan, number)
        if fmt == "csv":
            assert list(csv.reader(io.StringIO(out))) == [
                [c.title for c in table.columns],
                *([cell or "" for cell in row.cells] for row in table.rows),
            ]
        else:
            expected = {"text": to_text, "markdown": to_markdown, "html": to_html}[fmt](table)
            assert out == expected


def test_renstra_table_writes_a_problem_table_to_a_workbook(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "t.xlsx"
    assert main(["table", "ttu-dinsos", "3.3", "--format", "xlsx", "--output", str(path),
                 "--lang", "en"]) == EXIT_OK
    assert capsys.readouterr().err == f"3.3 written to {path}\n"
    sheet = openpyxl.load_workbook(path)["3.3"]
    assert [[c.value for c in row] for row in sheet.iter_rows(max_row=4)] == [
        ["3.3 Permasalahan Rehabilitasi Sosial", None, None, None],
        ["No", "Permasalahan Pokok", "Masalah", "Akar Masalah"],
        ["1.", "Belum memiliki data yang akurat untuk seluruh kabupaten",
         "Kurang proaktifnya sumber daya yang ada",
         "1. Kurangnya pendidikan dan pelatihan bagi SDM"],
        [None, None, None, "2. Tingkat kesejahteraan SDM belum sesuai yang diharapkan"],
    ]


def test_the_workbooks_hold_the_problem_tables(plan: Plan, tmp_path: Path) -> None:
    rows = openpyxl.load_workbook(write_xlsx(problem_tables(plan), tmp_path / "rows.xlsx"))
    assert rows.sheetnames == list(NUMBERS)
    assert rows["3.4"].max_row == 2 + 11
    write_workbook(plan, tmp_path / "document.xlsx")
    document = openpyxl.load_workbook(tmp_path / "document.xlsx")
    assert document.sheetnames[-4:] == list(NUMBERS)
    sheet = document["3.1"]
    assert [sheet["A1"].value, sheet["A2"].value] == ["Tabel 3.1", TITLES[0]]
    assert [c.value for c in sheet[4]] == ["No", "Permasalahan Pokok", "Masalah", "Akar Masalah"]
    assert sheet.freeze_panes == "A5"
    assert sheet["A5"].value == "1."


def test_renstra_table_lists_the_plans_tables(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["table", "ttu-dinsos"]) == EXIT_OK
    assert capsys.readouterr().out == """\
TC-23  Pencapaian Kinerja Pelayanan Dinas Sosial Kabupaten Timor Tengah Utara
TC-24  Anggaran dan Realisasi Pendanaan Pelayanan Dinas Sosial Kabupaten Timor Tengah Utara
TC-25  Tujuan dan Sasaran Jangka Menengah Pelayanan Dinas Sosial Kabupaten Timor Tengah Utara
TC-26  Tujuan, Sasaran, Strategi dan Arah Kebijakan
TC-27  Rencana Program, Kegiatan dan Pendanaan Dinas Sosial Kabupaten Timor Tengah Utara \
Tahun 2022-2026
7.1    Indikator Kinerja Dinas Sosial yang Mengacu pada Tujuan dan Sasaran RPJMD
2.1    Komposisi Pegawai Dinas Sosial Kabupaten Timor Tengah Utara Berdasarkan Jenis Kelamin
2.2    Komposisi Pegawai Dinas Sosial Kabupaten Timor Tengah Utara Berdasarkan \
Pangkat/Golongan dan Pendidikan
2.3    Sumber Daya Manusia Pekerja Sosial Masyarakat
2.4    Sumber Daya Sarana dan Prasarana
3.1    Pemetaan Permasalahan untuk Penentuan Prioritas dan Sasaran Pembangunan Daerah
3.2    Permasalahan Perlindungan dan Jaminan Sosial
3.3    Permasalahan Rehabilitasi Sosial
3.4    Permasalahan Pemberdayaan Sosial dan Penanganan Fakir Miskin
"""


def _pair(path: Path, options: ReadOptions) -> list[Loaded]:
    """A file of the fake format ``.pair``: the TTU plan without its problem tables, then with."""
    plan = ttu_dinsos()
    return name_plans(path, [attrs.evolve(plan, problem_tables=()), plan])


def test_renstra_table_lists_each_plan_of_a_file_in_turn(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("RENSTRA_LANG", raising=False)
    path = tmp_path / "plans.pair"
    path.write_text("", encoding="utf-8")
    with registered(InputFormat("pair", (".pair",), _pair)):
        assert main(["table", str(path)]) == EXIT_OK
    out = capsys.readouterr().out
    assert main(["table", "ttu-dinsos"]) == EXIT_OK
    ttu = capsys.readouterr().out
    names = [f"{path} [Kabupaten Timor Tengah Utara / Dinas Sosial #{n}]" for n in (1, 2)]
    rules = ["=" * len(name) for name in names]
    short = "".join(ttu.splitlines(keepends=True)[:10])
    assert out == f"{names[0]}\n{rules[0]}\n\n{short}\n{names[1]}\n{rules[1]}\n\n{ttu}"
    assert main(["table", "ttu-dinsos", "3.5", "--lang", "id"]) == EXIT_INPUT
    assert capsys.readouterr().err.startswith("tidak ada tabel bernama '3.5'")


# -- the document ---------------------------------------------------------------------------------


def _source_table(lines: list[str], number: str) -> tuple[str, list[str], list[list[str]]]:
    """Table *number* of the source text: its title, header and rows (tab-separated cells, the
    markup of a list removed)."""
    rest = iter(lines[lines.index(f"Tabel {number}") + 1:])
    title = next(line for line in rest if line.strip()).strip()
    header = next(line for line in rest if line.strip()).split("\t")
    rows = []
    for line in rest:
        if not line.strip():
            continue
        if "\t" not in line or line.startswith("----"):
            break
        rows.append([re.sub(r"<[^>]+>", "", cell).strip() for cell in line.split("\t")])
    return title, header, rows


@needs_source
@pytest.mark.parametrize("number", NUMBERS)
def test_each_problem_table_is_the_documents(plan: Plan, number: str) -> None:
    assert SOURCE is not None
    with open(SOURCE, encoding="utf-8") as handle:
        lines = handle.read().splitlines()
    title, header, rows = _source_table(lines, number)
    table = build(plan, number)
    assert table.title == title
    assert [c.title for c in table.columns] == header
    assert [list(r.cells) for r in table.rows] == [[cell or None for cell in r] for r in rows]

"""The nomenclature: loading both layouts, generic codes, name comparison, bad files, and the
rules RS121–RS125 on small plans and on the TTU plan.

The full decree file is not part of the project: tests that need it run when the variable
RENSTRA_NOMENCLATURE names it, and are skipped otherwise.
"""

from __future__ import annotations

import json
import os
import sys
import zipfile
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any, TypeVar

import pytest

import renstra_model.checks.rules.nomenclature
from renstra_model import (
    Activity,
    BudgetLine,
    BudgetRow,
    Code,
    InvalidPlanError,
    Level,
    Organisation,
    Period,
    Plan,
    PlanFileError,
    RenstraError,
    Source,
)
from renstra_model.checks.findings import Finding, Severity
from renstra_model.checks.registry import RULES, Context, run, select
from renstra_model.examples import ttu_dinsos
from renstra_model.io.excel import WorkbookError, read_rows
from renstra_model.io.headings import (
    code_column,
    heading,
    is_code_heading,
    is_column_numbers,
    is_level_words,
    is_name_heading,
)
from renstra_model.io.nomenclature import (
    MAX_PROBLEMS,
    MAX_ROWS,
    NomenclatureError,
    load_nomenclature,
)
from renstra_model.io.workbook import MAX_PARTS, MAX_UNCOMPRESSED_BYTES
from renstra_model.model.nomenclature import Entry, Nomenclature, normalise_name

DATA = Path(__file__).parent / "data"
SMALL = DATA / "nomenclature-small.csv"
DECREE = DATA / "nomenclature-small-decree.csv"
CSV_HEADER = "kode,level,nomenklatur,kinerja,indikator,satuan,keterangan\n"
IDS = ("RS121", "RS122", "RS123", "RS124", "RS125")
T = TypeVar("T")


def new(cls: type[T], *args: Any, **kwargs: Any) -> T:
    """*cls* built from arguments that its converters turn into tuples (mypy cannot follow the
    generic converter)."""
    return cls(*args, **kwargs)


def code(text: str) -> Code:
    return Code.parse(text)


@pytest.fixture(scope="module")
def small() -> Nomenclature:
    return load_nomenclature(SMALL)


@pytest.fixture(scope="module")
def full() -> Nomenclature:
    name = os.environ.get("RENSTRA_NOMENCLATURE", "")
    if not name or not Path(name).is_file():
        pytest.skip("RENSTRA_NOMENCLATURE does not name the full nomenclature file: see "
                    "docs/getting-started.md, section Environment")
    return load_nomenclature(name)


def write(tmp_path: Path, content: str | bytes, name: str = "n.csv") -> Path:
    path = tmp_path / name
    if isinstance(content, str):
        path.write_text(content, encoding="utf-8", newline="")
    else:
        path.write_bytes(content)
    return path


def load_error(path: Path) -> NomenclatureError:
    with pytest.raises(NomenclatureError) as info:
        load_nomenclature(path)
    error = info.value
    assert isinstance(error, PlanFileError)
    assert isinstance(error, InvalidPlanError)
    assert isinstance(error, RenstraError)
    assert error.file == str(path)
    for lang in ("en", "id"):
        assert str(path) in error.describe(lang)
    return error


# -- loading ------------------------------------------------------------------------------------


def test_small_csv_layout(small: Nomenclature) -> None:
    assert len(small) == 30
    assert small.source == "nomenclature-small.csv"
    entries = list(small)
    assert entries[0] == Entry(code("X"), Level.URUSAN, "URUSAN X.XX", None, None)
    assert str(entries[-1].code) == "1.06.06.3.02.0003"
    permakanan = small[code("1.06.04.2.01.0001")]
    assert permakanan.level is Level.SUB_KEGIATAN
    assert permakanan.name == "Penyediaan Permakanan"
    assert permakanan.unit == "Orang"
    assert permakanan.indicator is not None
    assert permakanan.indicator.startswith("Jumlah Orang yang Mendapatkan")
    program = small["1.06.04"]
    assert (program.level, program.indicator, program.unit) == (Level.PROGRAM, None, None)


def test_decree_layout_csv() -> None:
    nomenclature = load_nomenclature(DECREE)
    assert nomenclature.source == "nomenclature-small-decree.csv"
    assert [str(e.code) for e in nomenclature] == [
        "X.XX.01", "X.XX.01.2.08", "X.XX.01.2.08.0001",
        "1", "1.06", "1.06.02", "1.06.02.2.01", "1.06.02.2.01.0001",
        "1.06.04.2.01", "1.06.04.2.01.0001", "1.06.06.3.02",
    ]
    assert [e.level for e in nomenclature][:3] == [
        Level.PROGRAM, Level.KEGIATAN, Level.SUB_KEGIATAN
    ]
    surat = nomenclature["1.06.01.2.08.0001"]
    assert surat.name == "Penyediaan Jasa Surat Menyurat"
    assert surat.indicator == "Jumlah Laporan Penyediaan Jasa Surat Menyurat"
    assert surat.unit == "Laporan"
    assert nomenclature["1.06.02"].name == "PROGRAM PEMBERDAYAAN SOSIAL"  # written 1.6.2


DECREE_ROWS = [
    ["Lampiran", "", ""],
    ["KODE REKENING", "URAIAN", "SATUAN"],
    ["1 06 04", "PROGRAM REHABILITASI SOSIAL", ""],
    ["", "a section title", ""],
    ["1 06 04 2.01 01", "Penyediaan Permakanan", "Orang"],
]


@pytest.mark.parametrize("delimiter", [",", ";", "\t"])
@pytest.mark.parametrize("bom", [b"", b"\xef\xbb\xbf"])
def test_csv_delimiter_and_bom(tmp_path: Path, delimiter: str, bom: bytes) -> None:
    lines = [delimiter.join(row) for row in DECREE_ROWS]
    path = write(tmp_path, bom + "\r\n".join(lines).encode())
    nomenclature = load_nomenclature(path, source="mine")
    assert nomenclature.source == "mine"
    assert [str(e.code) for e in nomenclature] == ["1.06.04", "1.06.04.2.01.0001"]
    assert nomenclature["1.06.04.2.01.0001"].unit == "Orang"


def test_csv_layout_with_semicolons_and_quoted_commas(tmp_path: Path) -> None:
    path = write(tmp_path, 'kode;level;nomenklatur\n1.06.04.2.01;kegiatan;"A, B; C"\n')
    assert load_nomenclature(path)["1.06.04.2.01"].name == "A, B; C"


def test_code_split_over_columns_under_one_heading(tmp_path: Path) -> None:
    rows = [
        "KODE,,,,,NOMENKLATUR URUSAN KABUPATEN/KOTA,INDIKATOR,SATUAN",
        "URUSAN,BIDANG,PROGRAM,KEGIATAN,SUB KEGIATAN,,,",
        "1,06,04,,,PROGRAM REHABILITASI SOSIAL,,",
        "1,06,04,2.01,01,Penyediaan Permakanan,Jumlah Orang,Orang",
    ]
    nomenclature = load_nomenclature(write(tmp_path, "\n".join(rows)))
    assert [str(e.code) for e in nomenclature] == ["1.06.04", "1.06.04.2.01.0001"]
    assert nomenclature["1.06.04.2.01.0001"].indicator == "Jumlah Orang"


TWO_LEVELS = "\n".join([
    "KODE;NOMENKLATUR URUSAN PROVINSI;NOMENKLATUR URUSAN KABUPATEN/KOTA;SATUAN",
    "1 06 04 2.01;;Rehabilitasi Sosial Dasar di Luar Panti Sosial;",
    "1 06 04 2.02;Rehabilitasi Sosial Dasar di Dalam Panti Sosial;;",
    "1 06 04 2.01 01;;Penyediaan Permakanan;Orang",
])


def test_provinsi_and_kabupaten_columns(tmp_path: Path) -> None:
    path = write(tmp_path, TWO_LEVELS)
    kabupaten = load_nomenclature(path)
    assert [str(e.code) for e in kabupaten] == ["1.06.04.2.01", "1.06.04.2.01.0001"]
    provinsi = load_nomenclature(path, name_column="provinsi")
    assert [str(e.code) for e in provinsi] == ["1.06.04.2.02"]
    with pytest.raises(NomenclatureError, match="heading contains 'KECAMATAN'"):
        load_nomenclature(path, name_column="KECAMATAN")


def test_duplicate_code_with_the_same_name_is_kept_once(tmp_path: Path) -> None:
    path = write(tmp_path, CSV_HEADER + "1.06,bidang_urusan,Sosial\n1.06,,SOSIAL.\n")
    nomenclature = load_nomenclature(path)
    assert len(nomenclature) == 1
    assert nomenclature["1.06"].name == "Sosial"


def test_names_keep_their_text_with_whitespace_collapsed(tmp_path: Path) -> None:
    path = write(tmp_path, CSV_HEADER + '1.06,,"  Bidang\n Sosial  "\n')
    assert load_nomenclature(path)["1.06"].name == "Bidang Sosial"


# -- lookup -------------------------------------------------------------------------------------


def test_supporting_program_resolves_to_the_generic_code(small: Nomenclature) -> None:
    entry = small.get(code("1.06.01.2.08.0001"))
    assert entry is not None
    assert str(entry.code) == "X.XX.01.2.08.0001"
    assert entry.name == "Penyediaan Jasa Surat Menyurat"
    assert small.resolve("1.06.01") == code("X.XX.01")
    assert small.resolve("2.07.01.2.06.0005") == code("X.XX.01.2.06.0005")
    assert "1 06 01 2.08 01" in small
    assert code("1.06.01.2.08.0004") in small
    assert "1.06.01.2.08.0009" not in small  # generic form not listed either
    assert small.get("1.06.01.2.02") is None
    assert "1.06.02.2.08.0001" not in small  # only program 01 is the supporting program


def test_own_supporting_program_wins_over_the_generic() -> None:
    nomenclature = Nomenclature(
        [
            Entry(code("X.XX.01"), Level.PROGRAM, "PROGRAM PENUNJANG", None, None),
            Entry(code("X.XX.01.2.08"), Level.KEGIATAN, "Jasa Penunjang", None, None),
            Entry(code("1.06.01"), Level.PROGRAM, "PROGRAM PENUNJANG SOSIAL", None, None),
        ],
        source="test",
    )
    assert nomenclature["1.06.01"].name == "PROGRAM PENUNJANG SOSIAL"
    assert "1.06.01.2.08" not in nomenclature  # the bidang lists its own program
    assert nomenclature["2.07.01.2.08"].name == "Jasa Penunjang"


def test_lookup_edge_cases(small: Nomenclature) -> None:
    with pytest.raises(KeyError):
        small[code("1.06.09")]
    assert "not a code" not in small
    assert 106 not in small
    assert None not in small
    with pytest.raises(InvalidPlanError):
        small.get("not a code")


def test_nomenclature_rejects_duplicate_codes_and_wrong_levels() -> None:
    entry = Entry(code("1.06"), Level.BIDANG_URUSAN, "SOSIAL", None, None)
    with pytest.raises(InvalidPlanError) as info:
        Nomenclature([entry, entry], source="test")
    assert [p.key for p in info.value.problems] == ["code.duplicate"]
    with pytest.raises(InvalidPlanError) as info:
        Entry(code("1.06"), Level.PROGRAM, "SOSIAL", None, None)
    assert [p.key for p in info.value.problems] == ["code.level"]
    with pytest.raises(InvalidPlanError):
        Entry(code("1.06"), Level.BIDANG_URUSAN, " ", None, None)


def test_nomenclature_is_frozen_and_hashable(small: Nomenclature) -> None:
    again = load_nomenclature(SMALL)
    assert again == small
    assert hash(again) == hash(small)
    with pytest.raises(AttributeError):
        small.source = "other"  # type: ignore[misc]


# -- names --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("stated", "official"),
    [
        ("PENGEMBANGAN POTENSI SUMBER KESEJAHTERAAN SOSIAL DAERAH KABUPATEN/ KOTA",
         "Pengembangan Potensi Sumber Kesejahteraan Sosial Daerah Kabupaten/Kota"),
        ("Penjangkauan Anak-anak Terlantar", "Penjangkauan Anak-Anak Terlantar"),
        ("Sosialisasi Peraturan Perundang- Undangan", "Sosialisasi Peraturan Perundang-Undangan"),
        ("Bulanan / Triwulanan /Semesteran", "Bulanan/ Triwulanan/ Semesteran"),
        ("Kabupaten/Kota.", "Kabupaten/Kota"),
        ("Kabupaten/Kota ;", "Kabupaten/Kota"),
        ("  Penyediaan\tJasa\n Surat  Menyurat ", "Penyediaan Jasa Surat Menyurat"),
        ("Pelayanan <i>Home Care</i>", "Pelayanan Home Care"),
        ("Layanan <I>e-Government</I>", "Layanan e - Government"),
        ("Perundang\u2013undangan", "Perundang-undangan"),
        ("Penyediaan\u00a0Sandang", "Penyediaan Sandang"),
    ],
)
def test_normalise_name_equal(stated: str, official: str) -> None:
    assert normalise_name(stated) == normalise_name(official)


@pytest.mark.parametrize(
    ("stated", "official"),
    [
        ("Fasilitas Pemberdayaan Sosial KAT", "Fasilitasi Pemberdayaan Sosial KAT"),
        ("Penyediaan Permakanaan", "Penyediaan Permakanan"),
        ("Penyediaan Barang Cetak dan Penggandaan Kantor",
         "Penyediaan Barang Cetakan dan Penggandaan"),
        ("PENGLOLAAN DATA FAKIR MISKIN", "Pengelolaan Data Fakir Miskin"),
        ("Kerjasama antar Lembaga", "Kerja Sama antar Lembaga"),
        ("Urusan Pemerintahan Daerah", "Urusan Pemerintah Daerah"),
        ("Penyediaan Sandang", "Penyediaan Sandang Anak"),
    ],
)
def test_normalise_name_keeps_spelling(stated: str, official: str) -> None:
    assert normalise_name(stated) != normalise_name(official)


def test_normalise_name_form() -> None:
    assert normalise_name(" Kabupaten / Kota. ") == "kabupaten/kota"
    assert normalise_name("Anak - Anak") == "anak-anak"
    assert normalise_name("") == ""


# -- bad files ----------------------------------------------------------------------------------


def test_missing_file(tmp_path: Path) -> None:
    error = load_error(tmp_path / "absent.csv")
    assert [p.key for p in error.problems] == ["file.missing"]
    assert error.row is None


def test_directory(tmp_path: Path) -> None:
    error = load_error(tmp_path)
    assert [p.key for p in error.problems] == ["file.unreadable"]


def test_not_utf8(tmp_path: Path) -> None:
    content = (CSV_HEADER + "1.06,,SOSIAL\n1.06.04,,PROGRAM REHABILITASI\n1.06.05,,Lanjut Usia "
               "\u00e9\n").encode("latin-1")
    error = load_error(write(tmp_path, content))
    assert [p.key for p in error.problems] == ["file.encoding"]
    assert error.row == 4
    assert "line 4" in str(error)


def test_utf16(tmp_path: Path) -> None:
    error = load_error(write(tmp_path, (CSV_HEADER + "1.06,,SOSIAL\n").encode("utf-16")))
    assert "UTF-16" in str(error)


@pytest.mark.parametrize(
    "content",
    [
        "",
        "code,name\n1.06,SOSIAL\n",
        "KODE;PROGRAM\n1.06;SOSIAL\n",
        "\n".join(["title"] * 60 + ["kode,nomenklatur", "1.06,SOSIAL"]),
    ],
)
def test_no_header(tmp_path: Path, content: str) -> None:
    error = load_error(write(tmp_path, content))
    assert [p.key for p in error.problems] == ["file.unreadable"]
    assert "no header row" in str(error)


def test_header_without_rows(tmp_path: Path) -> None:
    error = load_error(write(tmp_path, CSV_HEADER + ",,Section title\n"))
    assert "no rows with a code" in str(error)


def test_bad_code_names_the_row(tmp_path: Path) -> None:
    path = write(tmp_path, CSV_HEADER + "1.06,,SOSIAL\n1.06.0x,program,BAD\n1.06.04,,OK\n")
    error = load_error(path)
    assert error.row == 3
    assert error.rows == (3,)
    [problem] = error.problems
    assert problem.key == "code.syntax"
    assert problem.path == "row 3, kode"
    assert problem.params["row"] == 3
    message = str(error)
    assert "row 3" in message
    assert "'1.06.0x' is not a kode rekening" in message
    assert "row 3" in error.describe("id")


def test_duplicate_code_with_another_name(tmp_path: Path) -> None:
    path = write(tmp_path, CSV_HEADER + "1.06,,SOSIAL\n1.06.04,,A\n1.06.04,,B\n")
    error = load_error(path)
    assert error.row == 4
    [problem] = error.problems
    assert problem.key == "structure.invalid"
    assert "row 4" in str(error)
    assert "(row 3: 'A')" in str(error)


def test_level_disagrees_with_code(tmp_path: Path) -> None:
    error = load_error(write(tmp_path, CSV_HEADER + "1.06,program,SOSIAL\n"))
    assert error.row == 2
    assert [p.key for p in error.problems] == ["code.level"]
    assert "1.06 is a bidang_urusan code, but the row is a program" in str(error)


def test_unknown_level(tmp_path: Path) -> None:
    error = load_error(write(tmp_path, CSV_HEADER + "1.06,bidang,SOSIAL\n1.06.04,tahap,X\n"))
    assert error.rows == (3,)
    assert [p.key for p in error.problems] == ["structure.choice"]


def test_missing_name(tmp_path: Path) -> None:
    error = load_error(write(tmp_path, "KODE;URAIAN;SATUAN\n1.06.04;;\n"))
    assert error.row == 2
    assert [p.path for p in error.problems] == ["row 2, URAIAN"]


def test_every_bad_row_is_reported(tmp_path: Path) -> None:
    path = write(tmp_path, CSV_HEADER + "1.06,,SOSIAL\nX.1,,A\n1.06.04,,\n1.06.04.2,,C\n")
    error = load_error(path)
    assert error.rows == (3, 4, 5)
    assert "3 problems found" in str(error)


def test_problems_are_capped(tmp_path: Path) -> None:
    bad = "".join(f"1.06.0x{i},,N\n" for i in range(MAX_PROBLEMS + 7))
    error = load_error(write(tmp_path, CSV_HEADER + bad))
    assert len(error.problems) == MAX_PROBLEMS + 1
    assert "7 more rows have problems" in str(error)


def test_too_large(tmp_path: Path) -> None:
    path = write(tmp_path, CSV_HEADER + "1.06,,SOSIAL\n")
    with pytest.raises(NomenclatureError) as info:
        load_nomenclature(path, max_bytes=10)
    assert [p.key for p in info.value.problems] == ["file.too_large"]


def test_old_excel_format(tmp_path: Path) -> None:
    error = load_error(write(tmp_path, b"\xd0\xcf\x11\xe0", "n.xls"))
    assert ".xlsx or CSV" in str(error)


def test_xlsx_without_openpyxl(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "openpyxl", None)
    error = load_error(write(tmp_path, b"PK\x03\x04 not really", "n.xlsx"))
    assert "pip install 'renstra-model[excel]'" in str(error)


# -- xlsx (optional openpyxl) -------------------------------------------------------------------


def make_workbook(path: Path, rows: Sequence[Sequence[object]], title_sheet: bool = True) -> Path:
    openpyxl = pytest.importorskip("openpyxl")
    workbook = openpyxl.Workbook()
    if title_sheet:
        workbook.active.title = "Cover"
        workbook.active.append(["LAMPIRAN KEPUTUSAN MENTERI DALAM NEGERI"])
        sheet = workbook.create_sheet("Lampiran")
    else:
        sheet = workbook.active
    for row in rows:
        sheet.append(list(row))
    workbook.save(path)
    return path


def test_xlsx_decree_layout(tmp_path: Path) -> None:
    path = make_workbook(tmp_path / "nomenklatur.xlsx", [
        ["KEPUTUSAN MENTERI DALAM NEGERI NOMOR 900.1.15.5-1317 TAHUN 2023"],
        [],
        ["KODE", "NOMENKLATUR URUSAN KABUPATEN/KOTA", "KINERJA", "INDIKATOR", "SATUAN"],
        [1, 2, 3, 4, 5],
        [1, "URUSAN PEMERINTAHAN WAJIB YANG BERKAITAN DENGAN PELAYANAN DASAR"],
        ["1 06", "URUSAN PEMERINTAHAN\nBIDANG SOSIAL"],
        [None, "Section title"],
        ["X XX 01 2.08 01", "Penyediaan Jasa Surat Menyurat", "Terlaksananya", "Jumlah Laporan",
         "Laporan"],
        ["1.6.4.2.1.1", "Penyediaan Permakanan", None, "Jumlah Orang", "Orang"],
    ])
    nomenclature = load_nomenclature(path)
    assert nomenclature.source == "nomenklatur.xlsx"
    assert [str(e.code) for e in nomenclature] == [
        "1", "1.06", "X.XX.01.2.08.0001", "1.06.04.2.01.0001"
    ]
    assert nomenclature["1.06"].name == "URUSAN PEMERINTAHAN BIDANG SOSIAL"
    assert nomenclature["1.06.01.2.08.0001"].unit == "Laporan"


def test_xlsx_bad_row_and_numeric_code(tmp_path: Path) -> None:
    path = make_workbook(tmp_path / "n.xlsx", [
        ["KODE", "NOMENKLATUR"],
        ["1 06", "SOSIAL"],
        [1.1, "a bidang typed as a number"],
        ["1.06.0x", "BAD"],
    ], title_sheet=False)
    error = load_error(path)
    assert error.rows == (3, 4)
    assert "store the code column as text" in str(error)


def test_xlsx_without_header(tmp_path: Path) -> None:
    error = load_error(make_workbook(tmp_path / "n.xlsx", [["a", "b"], ["1.06", "SOSIAL"]]))
    assert "no header row" in str(error)


def test_corrupt_xlsx(tmp_path: Path) -> None:
    pytest.importorskip("openpyxl")
    error = load_error(write(tmp_path, b"PK\x03\x04 not a zip at all", "n.xlsx"))
    assert [p.key for p in error.problems] == ["file.unreadable"]


# -- hostile xlsx: refused as the plan reader refuses them --------------------------------------

SMALL_DECREE = [["KODE", "NOMENKLATUR"], ["1.06", "SOSIAL"]]
ENTITY = '<!DOCTYPE x [<!ENTITY e "expands">]>'
EXTERNAL = '<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>'


def rewrite(path: Path, change: dict[str, bytes]) -> Path:
    """*path* with the parts named in *change* given new bytes (added when new)."""
    with zipfile.ZipFile(path) as archive:
        parts = {n: archive.read(n) for n in archive.namelist()}
    parts.update(change)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    return path


def part(path: Path, name: str) -> bytes:
    with zipfile.ZipFile(path) as archive:
        return archive.read(name)


def test_a_small_decree_workbook_loads(tmp_path: Path) -> None:
    """The workbook the hostile tests below change, unchanged, loads."""
    path = make_workbook(tmp_path / "n.xlsx", SMALL_DECREE, title_sheet=False)
    assert [(str(e.code), e.name) for e in load_nomenclature(path)] == [("1.06", "SOSIAL")]


@pytest.mark.parametrize(
    "name", ["xl/workbook.xml", "xl/worksheets/sheet1.xml", "xl/styles.xml",
             "[Content_Types].xml", "docProps/core.xml"])
@pytest.mark.parametrize("doctype", [ENTITY, EXTERNAL], ids=["entity", "external"])
def test_xlsx_with_xml_entities_is_refused(tmp_path: Path, name: str, doctype: str) -> None:
    path = make_workbook(tmp_path / "n.xlsx", SMALL_DECREE, title_sheet=False)
    rewrite(path, {name: doctype.encode() + part(path, name)})
    error = load_error(path)
    assert [(p.path, p.key, p.params["file"]) for p in error.problems] == [
        ("", "excel.refused_xml", str(path))]
    assert "(an XML bomb)" in error.describe("en")
    assert "(bom XML)" in error.describe("id")


def test_xlsx_zip_bomb_is_refused(tmp_path: Path) -> None:
    path = make_workbook(tmp_path / "n.xlsx", SMALL_DECREE, title_sheet=False)
    with zipfile.ZipFile(path, "a", zipfile.ZIP_DEFLATED) as archive, \
            archive.open("xl/padding.bin", "w", force_zip64=True) as padding:
        block = b"\0" * (1 << 20)
        for _ in range(MAX_UNCOMPRESSED_BYTES // len(block) + 1):
            padding.write(block)
    assert path.stat().st_size < 1_000_000
    with zipfile.ZipFile(path) as archive:
        parts = archive.infolist()
    error = load_error(path)
    assert [(p.key, dict(p.params)) for p in error.problems] == [("excel.unpacked_size", {
        "file": str(path), "size": sum(p.file_size for p in parts), "parts": len(parts),
        "limit": MAX_UNCOMPRESSED_BYTES, "parts_limit": MAX_PARTS,
    })]


def test_xlsx_with_too_many_parts_is_refused(tmp_path: Path) -> None:
    path = make_workbook(tmp_path / "n.xlsx", SMALL_DECREE, title_sheet=False)
    rewrite(path, {f"xl/media/part{n}.bin": b"" for n in range(MAX_PARTS)})
    with zipfile.ZipFile(path) as archive:
        parts = archive.infolist()
    assert len(parts) > MAX_PARTS
    error = load_error(path)
    assert [(p.key, p.params["parts"], p.params["parts_limit"]) for p in error.problems] == [
        ("excel.unpacked_size", len(parts), MAX_PARTS)]


def test_xlsx_with_content_far_below_the_rows_is_refused(tmp_path: Path) -> None:
    """A cell at the sheet's last row is found from the XML, before openpyxl would pad the
    million rows in between."""
    path = make_workbook(tmp_path / "n.xlsx", SMALL_DECREE, title_sheet=False)
    sheet = part(path, "xl/worksheets/sheet1.xml").decode()
    far = ('<row r="1048576"><c r="A1048576" t="inlineStr"><is><t>1.06.02</t></is></c>'
           '<c r="B1048576" t="inlineStr"><is><t>PROGRAM</t></is></c></row>')
    rewrite(path, {"xl/worksheets/sheet1.xml":
                   sheet.replace("</sheetData>", far + "</sheetData>").encode()})
    error = load_error(path)
    assert [(p.path, p.key, dict(p.params)) for p in error.problems] == [
        ("'Sheet'!1048576", "excel.too_many_rows",
         {"file": str(path), "sheet": "Sheet", "row": 1_048_576, "limit": MAX_ROWS})]
    assert error.row == 1_048_576


# -- the header grammar both readers share ------------------------------------------------------


def plan_codes(rows: list[list[Any]]) -> list[str]:
    """The program codes the plan reader reads from a flat table of *rows*."""
    result = read_rows(rows, title="T", organisation="O", region="R")
    return [str(a.code) for a in result.plan.programs]


def nomenclature_codes(tmp_path: Path, rows: list[list[str]]) -> list[str]:
    """The codes the nomenclature's reader reads from *rows* written as CSV."""
    path = write(tmp_path, "\n".join(";".join(r) for r in rows) + "\n")
    return [str(e.code) for e in load_nomenclature(path)]


CODE_HEADINGS = ["KODE", "Kode", "NO. KODE", "NO KODE", "KODE REKENING", "Kode Rekening",
                 "KODE REKONING", "KODE REK.", "KODE REK", "KODE PROGRAM", "KODE NOMENKLATUR",
                 "KODE.", "URUSAN / BIDANG / PROGRAM"]
NAME_HEADINGS = ["URAIAN", "NOMENKLATUR", "NOMENKLATUR URUSAN KABUPATEN/KOTA",
                 "PROGRAM DAN KEGIATAN", "PROGRAM, KEGIATAN DAN SUB KEGIATAN", "NAMA PROGRAM"]


@pytest.mark.parametrize("code_heading", CODE_HEADINGS)
def test_both_readers_accept_the_same_code_headings(tmp_path: Path, code_heading: str) -> None:
    assert plan_codes([[code_heading, "URAIAN", "TARGET 2025", "PAGU 2025"],
                       ["1.06.02", "PROGRAM X", None, 1000]]) == ["1.06.02"]
    assert nomenclature_codes(tmp_path, [[code_heading, "URAIAN"],
                                         ["1.06.02", "PROGRAM X"]]) == ["1.06.02"]


@pytest.mark.parametrize("name_heading", NAME_HEADINGS)
def test_both_readers_accept_the_same_name_headings(tmp_path: Path, name_heading: str) -> None:
    assert plan_codes([["KODE", name_heading, "TARGET 2025", "PAGU 2025"],
                       ["1.06.02", "PROGRAM X", None, 1000]]) == ["1.06.02"]
    assert nomenclature_codes(tmp_path, [["KODE", name_heading],
                                         ["1.06.02", "PROGRAM X"]]) == ["1.06.02"]


@pytest.mark.parametrize(("code_heading", "name_heading"), [
    ("KODE BARANG", "URAIAN"), ("REK.", "URAIAN"), ("NOMOR", "URAIAN"),
    ("KODE", "URAIAN INDIKATOR"), ("KODE", "PROGRAM"),
])
def test_both_readers_refuse_the_same_headers(
    tmp_path: Path, code_heading: str, name_heading: str
) -> None:
    with pytest.raises(WorkbookError) as plan:
        plan_codes([[code_heading, name_heading, "TARGET 2025", "PAGU 2025"],
                    ["1.06.02", "PROGRAM X", None, 1000]])
    assert [p.key for p in plan.value.problems] == ["excel.no_header"]
    error = load_error(write(tmp_path, f"{code_heading};{name_heading}\n1.06.02;PROGRAM X\n"))
    assert [p.key for p in error.problems] == ["file.unreadable"]
    assert "no header row" in str(error)


def test_both_readers_pass_over_the_column_numbers(tmp_path: Path) -> None:
    assert plan_codes([["KODE", "URAIAN", "TARGET 2025", "PAGU 2025"],
                       ["(1)", "(2)", "(3)", "(4)"],
                       ["1.06.02", "PROGRAM X", None, 1000]]) == ["1.06.02"]
    assert nomenclature_codes(tmp_path, [["KODE", "URAIAN"], ["(1)", "(2)"],
                                         ["1.06.02", "PROGRAM X"]]) == ["1.06.02"]


def test_the_header_grammar() -> None:
    assert [heading(v) for v in (" Kode\n <i>Rekening</i> ", 7, True, 1.5, "x" * 301)] == [
        "KODE REKENING", "7", "", "", ""]
    assert [is_code_heading(h) for h in ("KODE", "NO. KODE REK.", "URUSAN DAN BIDANG",
                                         "PROGRAM DAN KEGIATAN", "KODE BARANG")] == [
        True, True, True, False, False]
    assert [is_name_heading(h) for h in ("URAIAN", "NOMENKLATUR URUSAN PROVINSI",
                                         "PROGRAM/KEGIATAN", "URAIAN INDIKATOR", "PROGRAM")] == [
        True, True, True, False, False]
    assert code_column(["NO", "KODE", "URUSAN"]) == 1
    assert code_column(["NO", "SUB KEGIATAN", "URAIAN"]) == 1
    assert code_column(["NO", "URAIAN"]) is None
    assert [is_level_words(h) for h in ("BIDANG URUSAN", "SUB KEGIATAN", "SUBKEGIATAN",
                                        "URUSAN, BIDANG", "URAIAN", "")] == [
        True, True, True, True, False, False]
    assert [is_column_numbers(cells) for cells in (
        [1, 2, 3], ["1", None, " 2 ", ""], [None, "(1)", "(2)", "(3)"], [1], [2, 3, 4],
        [2022, 2023], [1, 2.0], [1, 3], ["1", "2", "x"],
    )] == [True, True, True, False, False, False, False, False, False]


# -- rules on small plans -----------------------------------------------------------------------

NAMES = {
    "X.XX.01": "PROGRAM PENUNJANG URUSAN PEMERINTAHAN DAERAH KABUPATEN/KOTA",
    "X.XX.01.2.08": "Penyediaan Jasa Penunjang Urusan Pemerintahan Daerah",
    "X.XX.01.2.08.0001": "Penyediaan Jasa Surat Menyurat",
    "1.06.02": "PROGRAM PEMBERDAYAAN SOSIAL",
    "1.06.02.2.01": "Pemberdayaan Sosial Komunitas Adat Terpencil (KAT)",
    "1.06.02.2.01.0001": "Fasilitasi Pemberdayaan Sosial KAT",
    "1.06.06": "PROGRAM PENANGANAN BENCANA",
    "1.06.06.3.02": "Penyelenggaraan Pemberdayaan Masyarakat Terhadap Kesiapsiagaan Bencana",
    "1.06.06.3.02.0003": "Peningkatan Kapasitas Relawan Taruna Siaga Bencana",
}
TINY = Nomenclature(
    [Entry(code(c), code(c).level, name, None, None) for c, name in NAMES.items()],
    source="tiny",
)


def act(text: str, name: str, *children: Activity, table: str | None = None) -> Activity:
    c = code(text)
    source = Source(table, c.printed()) if table else None
    return new(Activity, c, c.level, name, children=children, source=source)


def tc24(text: str, label: str) -> BudgetRow:
    return BudgetRow(label, code(text).level, BudgetLine(), code(text))


def tiny_plan(
    *programs: Activity,
    budget: Sequence[BudgetRow] = (),
    province: str | None = "Nusa Tenggara Timur",
) -> Plan:
    return new(
        Plan,
        "Renstra",
        new(Organisation, "Dinas Sosial", "Kabupaten Contoh", province, [code("1.06")]),
        Period(2021, 2022, 2026),
        programs=programs,
        budget_table=budget,
    )


def correct_plan() -> Plan:
    return tiny_plan(
        act("1.06.01", "Program Penunjang Urusan Pemerintahan Daerah Kabupaten/ Kota",
            act("1.06.01.2.08", "PENYEDIAAN JASA PENUNJANG URUSAN PEMERINTAHAN DAERAH",
                act("1.06.01.2.08.0001", "Penyediaan Jasa Surat Menyurat."))),
        act("1.06.02", "PROGRAM PEMBERDAYAAN SOSIAL",
            act("1.06.02.2.01", "PEMBERDAYAAN SOSIAL KOMUNITAS ADAT TERPENCIL (KAT)",
                act("1.06.02.2.01.0001", "Fasilitasi Pemberdayaan Sosial KAT"))),
        budget=[
            tc24("1.06.01.2.08.0001", "Penyediaan Jasa Surat  Menyurat"),
            tc24("1.06.02.2.01.0001", "FASILITASI PEMBERDAYAAN SOSIAL KAT"),
        ],
    )


def check(
    plan: Plan, nomenclature: Nomenclature | None = TINY, *ids: str, expand: bool = False
) -> list[Finding]:
    findings = run(Context(plan, nomenclature), select(list(ids or IDS)), expand=expand)
    for finding in findings:
        assert finding.family == "nomenclature"
        json.dumps(finding.to_dict("en"))
        json.dumps(finding.to_dict("id"))
        for lang in ("en", "id"):
            assert "{" not in finding.message(lang)
    return findings


def summary(findings: Sequence[Finding]) -> list[tuple[str, str, str | None]]:
    return [
        (f.rule, f.location.table or "", str(f.location.code) if f.location.code else None)
        for f in findings
    ]


def test_rules_are_registered() -> None:
    assert renstra_model.checks.rules.nomenclature.TC24 == "T-C.24"
    for rule_id in IDS:
        rule = RULES[rule_id]
        assert rule.family == "nomenclature"
        assert rule.needs_nomenclature
        for text in (rule.title, rule.message, rule.why):
            assert text.en
            assert text.id
            assert text.en != text.id
        assert rule.example
    assert [r.id for r in select(["nomenclature"])] == list(IDS)
    severities = [RULES[i].severity for i in IDS]
    assert severities == [
        Severity.ERROR, Severity.WARNING, Severity.WARNING, Severity.INFO, Severity.INFO]


def test_correct_plan_has_no_warnings() -> None:
    # the words are the official ones; what differs in form is info, and programs and
    # kegiatan in capitals (PENYEDIAAN JASA PENUNJANG …) have no case to compare
    findings = check(correct_plan())
    assert [(f.rule, f.severity, f.location.table, f.location.path, f.params["kinds"])
            for f in findings] == [
        ("RS125", Severity.INFO, "T-C.27", "programs[0]", ["spacing"]),  # Kabupaten/ Kota
        ("RS125", Severity.INFO, "T-C.27", "programs[0].children[0].children[0]",
         ["punctuation"]),  # Surat Menyurat.
        ("RS125", Severity.INFO, "T-C.24", "budget_table[0]", ["spacing"]),  # Surat  Menyurat
        ("RS125", Severity.INFO, "T-C.24", "budget_table[1]", ["case"]),  # a sub kegiatan
    ]


def test_rules_need_a_nomenclature() -> None:
    plan = tiny_plan(act("1.06.09", "PROGRAM BUATAN"))
    assert check(plan, None) == []


def test_rs121_code_not_in_nomenclature() -> None:
    plan = tiny_plan(
        act("1.06.02", "PROGRAM PEMBERDAYAAN SOSIAL",
            act("1.06.02.2.01", "Pemberdayaan Sosial Komunitas Adat Terpencil (KAT)",
                act("1.06.02.2.01.0001", "Fasilitasi Pemberdayaan Sosial KAT"),
                act("1.06.02.2.01.0007", "Sub kegiatan buatan"))),
        act("1.06.01", "PROGRAM PENUNJANG URUSAN PEMERINTAHAN DAERAH KABUPATEN/KOTA",
            act("1.06.01.2.09", "Pemeliharaan", table="T-C.24")),
    )
    findings = check(plan, TINY, "RS121")
    assert summary(findings) == [
        ("RS121", "T-C.27", "1.06.02.2.01.0007"),
        ("RS121", "T-C.24", "1.06.01.2.09"),
    ]
    first = findings[0]
    assert first.severity is Severity.ERROR
    assert first.location.path == "programs[0].children[0].children[1]"
    assert first.location.year is None
    assert dict(first.params) == {
        "level": "sub_kegiatan", "code": "1.06.02.2.01.0007", "name": "Sub kegiatan buatan",
        "nomenclature": "tiny",
    }
    assert first.message() == (
        "sub kegiatan 1.06.02.2.01.0007 'Sub kegiatan buatan' is not in the nomenclature (tiny)"
    )
    assert first.message("id") == (
        "sub kegiatan 1.06.02.2.01.0007 'Sub kegiatan buatan' tidak terdapat dalam nomenklatur "
        "(tiny)")


def test_rs122_activity_name_differs() -> None:
    plan = tiny_plan(
        act("1.06.02", "PROGRAM PEMBERDAYAAN SOSIAL",
            act("1.06.02.2.01", "Pemberdayaan Sosial Komunitas Adat Terpencil",
                act("1.06.02.2.01.0001", "Fasilitas Pemberdayaan Sosial KAT"))),
        act("1.06.09", "PROGRAM BUATAN"),  # not listed: RS121's, not RS122's
    )
    findings = check(plan, TINY, "RS122")
    assert summary(findings) == [
        ("RS122", "T-C.27", "1.06.02.2.01"),
        ("RS122", "T-C.27", "1.06.02.2.01.0001"),
    ]
    sub = findings[1]
    assert sub.severity is Severity.WARNING
    assert dict(sub.params) == {
        "level": "sub_kegiatan", "code": "1.06.02.2.01.0001",
        "name": "Fasilitas Pemberdayaan Sosial KAT",
        "official": "Fasilitasi Pemberdayaan Sosial KAT",
    }
    assert sub.message() == (
        "sub kegiatan 1.06.02.2.01.0001 is named 'Fasilitas Pemberdayaan Sosial KAT'; "
        "the nomenclature names it 'Fasilitasi Pemberdayaan Sosial KAT'"
    )


def test_rs123_tc24_label_differs() -> None:
    plan = tiny_plan(budget=[
        BudgetRow("Bidang Sosial", Level.BIDANG_URUSAN, BudgetLine()),  # no code: not checked
        tc24("1.06.02.2.01.0001", "Fasilitasi Pemberdayaan Sosial KAT"),
        tc24("1.06.01.2.08.0001", "Penyediaan Jasa Surat-Menyurat Kantor"),
        tc24("1.06.09.2.01", "Kegiatan buatan"),  # not listed: no official name to compare
    ])
    findings = check(plan, TINY, "RS123")
    assert summary(findings) == [("RS123", "T-C.24", "1.06.01.2.08.0001")]
    [finding] = findings
    assert finding.location.row == "Penyediaan Jasa Surat-Menyurat Kantor"
    assert finding.location.path == "budget_table[2]"
    assert finding.params["official"] == "Penyediaan Jasa Surat Menyurat"


def test_same_name_in_two_tables_is_reported_in_each() -> None:
    plan = tiny_plan(
        act("1.06.02", "PROGRAM PEMBERDAYAAN SOSIAL",
            act("1.06.02.2.01", "Pemberdayaan Sosial Komunitas Adat Terpencil (KAT)",
                act("1.06.02.2.01.0001", "Fasilitas Pemberdayaan Sosial KAT"))),
        budget=[tc24("1.06.02.2.01.0001", "Fasilitas Pemberdayaan Sosial KAT")],
    )
    assert summary(check(plan)) == [
        ("RS122", "T-C.27", "1.06.02.2.01.0001"),
        ("RS123", "T-C.24", "1.06.02.2.01.0001"),
    ]


def test_activity_read_from_tc24_is_reported_once() -> None:
    wrong = "Penyediaan Jasa Surat Menyurat Kantor"
    plan = tiny_plan(
        act("1.06.01", "PROGRAM PENUNJANG URUSAN PEMERINTAHAN DAERAH KABUPATEN/KOTA",
            act("1.06.01.2.08", "Penyediaan Jasa Penunjang Urusan Pemerintahan Daerah",
                act("1.06.01.2.08.0001", wrong, table="T-C.24"), table="T-C.24"),
            table="T-C.24"),
        budget=[tc24("1.06.01.2.08.0001", wrong)],
    )
    assert summary(check(plan)) == [("RS123", "T-C.24", "1.06.01.2.08.0001")]
    # without the T-C.24 row, the activity itself is reported
    alone = tiny_plan(*plan.programs)
    assert summary(check(alone)) == [("RS122", "T-C.24", "1.06.01.2.08.0001")]


def special_plan(province: str | None) -> Plan:
    return tiny_plan(
        act("1.06.06", "PROGRAM PENANGANAN BENCANA",
            act("1.06.06.3.02", NAMES["1.06.06.3.02"],
                act("1.06.06.3.02.0003", NAMES["1.06.06.3.02.0003"]))),
        province=province,
    )


def test_rs124_special_autonomy_kegiatan() -> None:
    findings = check(special_plan("Nusa Tenggara Timur"))
    assert summary(findings) == [("RS124", "T-C.27", "1.06.06.3.02")]  # not its sub kegiatan
    [finding] = findings
    assert finding.severity is Severity.INFO
    assert finding.params["digit"] == 3
    assert finding.params["place"] == "Kabupaten Contoh, Nusa Tenggara Timur"
    assert "special-autonomy variant (type 3)" in finding.message()
    assert "varian otonomi khusus (jenis 3)" in finding.message("id")


@pytest.mark.parametrize(
    "province",
    ["Aceh", "Papua", "Papua Barat Daya", "Papua Pegunungan", "Daerah Istimewa Yogyakarta",
     "D.I. Yogyakarta", "DKI Jakarta", "Nanggroe Aceh Darussalam"],
)
def test_rs124_silent_in_special_regions(province: str) -> None:
    assert check(special_plan(province)) == []


def test_rs124_without_province() -> None:
    [finding] = check(special_plan(None))
    assert finding.rule == "RS124"
    assert finding.params["province"] == ""
    assert finding.params["place"] == "Kabupaten Contoh"


def test_rs124_not_for_unlisted_or_ordinary_kegiatan() -> None:
    plan = tiny_plan(
        act("1.06.06", "PROGRAM PENANGANAN BENCANA", act("1.06.06.4.02", "Varian 4 buatan")),
    )
    assert summary(check(plan)) == [("RS121", "T-C.27", "1.06.06.4.02")]


# -- the TTU plan -------------------------------------------------------------------------------

TTU_NAME_FINDINGS = [
    ("RS122", "T-C.27", "1.06.02.2.01.0001"),  # Fasilitas → Fasilitasi
    ("RS122", "T-C.27", "1.06.04.2.01.0001"),  # Permakanaan → Permakanan
    ("RS122", "T-C.27", "1.06.04.2.02.0003"),  # Permakanaan → Permakanan
    ("RS122", "T-C.27", "1.06.04.2.02.0014"),  # Kerjasama → Kerja Sama
    ("RS123", "T-C.24", "1.06.01.2.06.0005"),  # Barang Cetak … Kantor → Barang Cetakan …
    ("RS123", "T-C.24", "1.06.01.2.07"),  # Urusan Pemerintahan → Urusan Pemerintah Daerah
    ("RS123", "T-C.24", "1.06.04.2.02.0014"),  # Kerjasama → Kerja Sama
    ("RS123", "T-C.24", "1.06.05.2.02"),  # PENGLOLAAN → Pengelolaan
]

TTU_FORM_FINDINGS = [  # the same words as the decree, written otherwise
    ("RS125", "T-C.27", "1.06.01.2.08.0004"),  # Pelayanan umum → Pelayanan Umum
    ("RS125", "T-C.27", "1.06.04.2.02.0008"),  # (PMKS) lainnya bukan → Lainnya Bukan
    ("RS125", "T-C.27", "1.06.05.2.01.0001"),  # Anak-anak → Anak-Anak
    ("RS125", "T-C.24", "1.06.01.2.05.0006"),  # yang pensiun → yang Pensiun
    ("RS125", "T-C.24", "1.06.01.2.05.0009"),  # berdasarkan → Berdasarkan
    ("RS125", "T-C.24", "1.06.01.2.07.0011"),  # Bangunan lainnya → Bangunan Lainnya
    ("RS125", "T-C.24", "1.06.01.2.08.0004"),  # Pelayanan umum → Pelayanan Umum
    ("RS125", "T-C.24", "1.06.02.2.03"),  # KABUPATEN/ KOTA → Kabupaten/Kota
    ("RS125", "T-C.24", "1.06.04.2.02.0008"),  # (PMKS) lainnya bukan → Lainnya Bukan
    ("RS125", "T-C.24", "1.06.05.2.01.0001"),  # Anak-anak → Anak-Anak
]


def ttu_codes() -> Iterator[str]:
    for _, activity in ttu_dinsos().activities():
        yield str(activity.code)


def test_ttu_against_the_small_fixture(small: Nomenclature) -> None:
    findings = check(ttu_dinsos(), small, expand=True)
    names = [s for s in summary(findings) if s[0] != "RS121"]
    assert names == [*TTU_NAME_FINDINGS, ("RS125", "T-C.27", "1.06.01.2.08.0004"),
                     ("RS125", "T-C.24", "1.06.01.2.08.0004")]
    # the fixture lists 24 of the plan's 71 codes: RS121's 47 findings are one diagnosis
    collapsed = check(ttu_dinsos(), small)
    (diagnosis,) = [f for f in collapsed if f.rule == "RS121"]
    assert diagnosis.members == tuple(f for f in findings if f.rule == "RS121")
    assert diagnosis.message().startswith(
        "RS121 on 47 of 71 programs, kegiatan and sub kegiatan: code not in the "
        "nomenclature (e.g. 1.06.01.2.02, 1.06.01.2.02.0001, 1.06.01.2.02.0002, …; the first: "
        "kegiatan 1.06.01.2.02 'ADMINISTRASI KEUANGAN PERANGKAT DAERAH' is not in the "
        "nomenclature (nomenclature-small.csv)); --expand lists each")
    missing = {s[2] for s in summary(findings) if s[0] == "RS121"}
    assert "1.06.01.2.02" in missing
    assert "1.06.07.2.01.0002" in missing
    listed = {"1.06.01", "1.06.01.2.06.0005", "1.06.01.2.08.0001", "1.06.02.2.01.0001",
              "1.06.04.2.02.0014", "1.06.05.2.02"}
    assert not listed & missing
    assert missing == {c for c in ttu_codes() if c not in small}
    assert len(missing) == 71 - 24  # 71 activities; the fixture lists 24 of their codes


def test_ttu_messages(small: Nomenclature) -> None:
    by_code = {
        (f.rule, str(f.location.code)): f for f in check(ttu_dinsos(), small, "RS122", "RS123")
    }
    fasilitas = by_code["RS122", "1.06.02.2.01.0001"]
    assert fasilitas.params["name"] == "Fasilitas Pemberdayaan Sosial KAT"
    assert fasilitas.params["official"] == "Fasilitasi Pemberdayaan Sosial KAT"
    permakanaan = by_code["RS122", "1.06.04.2.01.0001"]
    assert permakanaan.params["name"] == "Penyediaan Permakanaan"
    assert permakanaan.params["official"] == "Penyediaan Permakanan"
    cetak = by_code["RS123", "1.06.01.2.06.0005"]
    assert cetak.location.row == "Penyediaan Barang Cetak dan Penggandaan Kantor"
    assert cetak.params["official"] == "Penyediaan Barang Cetakan dan Penggandaan"
    assert ("RS122", "1.06.01.2.06.0005") not in by_code  # read from T-C.24: reported once


def test_ttu_against_the_full_nomenclature(full: Nomenclature) -> None:
    assert len(full) == 4367
    findings = check(ttu_dinsos(), full)
    assert summary(findings) == [*TTU_NAME_FINDINGS, *TTU_FORM_FINDINGS]
    assert {tuple(f.params["kinds"]) for f in findings if f.rule == "RS125"} == {
        ("case",), ("spacing",)}
    correct = full.get("1.06.01.2.08.0001")
    assert correct is not None
    assert correct.name == "Penyediaan Jasa Surat Menyurat"
    assert not [f for f in findings if str(f.location.code) == "1.06.01.2.08.0001"]
    assert all(c in full for c in ttu_codes())


def test_full_nomenclature_counts(full: Nomenclature) -> None:
    # Timings belong to benchmarks, not to assertions: this test pins the contents only.
    again = load_nomenclature(os.environ["RENSTRA_NOMENCLATURE"])
    assert len(again) == len(full)
    levels = [e.level for e in again]
    assert levels.count(Level.SUB_KEGIATAN) == 3395
    assert levels.count(Level.KEGIATAN) == 729
    special = [e for e in again if e.level is Level.KEGIATAN and e.code.segments[3] in "34"]
    assert len(special) == 258

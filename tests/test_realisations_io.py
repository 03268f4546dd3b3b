"""Reading realisation files (renstra_model.io.realisations): CSV of each delimiter, English and
Indonesian headings, JSON and xlsx, broken cells reported with their place while the rest is
read, files that cannot be read at all, and the CSV writer as the parser's inverse."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from renstra_model import Code
from renstra_model.cycle.evaluation import Realisation
from renstra_model.io.realisations import (
    RealisationFile,
    RealisationFileError,
    heading_key,
    parse_csv,
    parse_json,
    read_realisations,
    to_csv,
)
from renstra_model.model.values import NIL, Quantity
from strategies import codes

D = Decimal
SUB = Code.parse("1.06.04.2.01.0001")


def _findings(read: RealisationFile) -> list[tuple[str, str, dict[str, Any]]]:
    return [(f.rule, f.location.describe(), dict(f.params)) for f in read.findings]


@pytest.mark.parametrize("mark", [",", ";", "\t"])
def test_csv_of_each_delimiter(mark: str) -> None:
    text = mark.join(["kode", "tahun", "indikator", "realisasi", "realisasi_rp"]) + "\n" + \
        mark.join(["1.06.04.2.01.0001", "2022", "#1", "80 org", "1500000"]) + "\n"
    assert parse_csv(text, "dir/r.csv").rows == (
        Realisation(SUB, 2022, "#1", Quantity(D(80), "org"), D(1500000), 2, "r.csv"),)


def test_english_headings_comments_styles_and_blank_rows() -> None:
    text = ("# invented figures\n"
            "# second comment, with a comma\n"
            " Code ;YEAR; Indicator ;Realised; Realised RP ;nama\n"
            "1 06 04 2.01 01;2022;;1.234,5 org;Rp 1.500.000;Sub\n"
            ";;;;;\n"
            "1.06.04.2.01.0001;2023;Nama Indikator;75 %;-;\n"
            "1.06.04.2.01.0001;2024;;-;;\n")
    read = parse_csv(text, "r.csv")
    assert read.findings == ()
    assert read.rows == (
        Realisation(SUB, 2022, None, Quantity(D("1234.5"), "org"), D(1500000), 4, "r.csv"),
        Realisation(SUB, 2023, "Nama Indikator", Quantity(D(75), "%"), D(0), 6, "r.csv"),
        Realisation(SUB, 2024, None, Quantity(NIL), None, 7, "r.csv"),
    )
    assert [heading_key(h) for h in (" Realisasi  Rp", "REALISASI_RP", "\ufeffkode")] == [
        "realisasirp", "realisasirp", "kode"]


def test_broken_cells_are_findings_and_the_rest_is_read() -> None:
    text = ("kode,tahun,realisasi,realisasi_rp\n"
            "1.06.04.2.01.0001,2022,banyak sekali,100\n"
            "1.6.x,2022,5,100\n"
            "1.06.04.2.01.0001,dua ribu,5,Rp -5\n"
            ",2022,5,\n"
            "1.06.04.2.01.0001,,5,\n"
            "1.06.04.2.01.0001,2023,,\n"
            "1.06.04.2.01.0001,2024,25.325,\n")
    read = parse_csv(text, "r.csv")
    assert read.rows == (
        Realisation(SUB, 2022, None, None, D(100), 2, "r.csv"),
        Realisation(SUB, 2024, None, Quantity(D(25325)), None, 8, "r.csv"),
    )
    assert _findings(read) == [
        ("RE001", "r.csv 2", {"sheet": "r.csv", "row": 2, "column": "realisasi",
                              "value": "banyak sekali", "reason": "parse.quantity"}),
        ("RE001", "r.csv 3", {"sheet": "r.csv", "row": 3, "column": "kode", "value": "1.6.x",
                              "reason": "code.syntax"}),
        ("RE001", "r.csv 4", {"sheet": "r.csv", "row": 4, "column": "tahun",
                              "value": "dua ribu", "reason": "realisations.year"}),
        ("RE001", "r.csv 4", {"sheet": "r.csv", "row": 4, "column": "realisasi_rp",
                              "value": "Rp -5", "reason": "money.negative"}),
        ("RE002", "r.csv 5", {"sheet": "r.csv", "row": 5, "column": "kode"}),
        ("RE002", "r.csv 6", {"sheet": "r.csv", "row": 6, "column": "tahun"}),
        ("RE002", "r.csv 7", {"sheet": "r.csv", "row": 7,
                              "column": "realisasi / realisasi_rp"}),
    ]
    assert read.findings[0].message("en") == ("row 2, realisasi: 'banyak sekali' cannot be "
                                              "read")
    assert read.findings[4].message("id") == "baris 5 tidak menyebut kode"


def test_a_file_without_the_header_is_refused() -> None:
    with pytest.raises(RealisationFileError) as raised:
        parse_csv("kode,nama\n1.06,x\n", "r.csv")
    assert raised.value.problems[0].key == "realisations.no_header"
    late = "\n" * 25 + "kode,tahun,realisasi\n"
    with pytest.raises(RealisationFileError):
        parse_csv(late, "r.csv")


def test_json_rows(tmp_path: Path) -> None:
    text = ('[{"kode": "1.06.04.2.01.0001", "tahun": 2022, "realisasi": 80.5,'
            ' "realisasi_rp": "Rp 1.000"},'
            ' {"code": "1.06.04.2.01.0001", "year": "2023", "realised": "9 org",'
            ' "indicator": "#1"},'
            ' {"kode": "1.06.04.2.01.0001", "tahun": true, "realisasi": [1]}]')
    read = parse_json(text, "r.json")
    assert read.rows == (
        Realisation(SUB, 2022, None, Quantity(D("80.5")), D(1000), 2, "r.json"),
        Realisation(SUB, 2023, "#1", Quantity(D(9), "org"), None, 3, "r.json"),
    )
    assert _findings(read) == [
        ("RE001", "r.json 4", {"sheet": "r.json", "row": 4, "column": "tahun",
                               "value": "TRUE", "reason": "realisations.year"}),
        ("RE001", "r.json 4", {"sheet": "r.json", "row": 4, "column": "realisasi",
                               "value": "[1]", "reason": "parse.quantity"}),
    ]
    assert parse_json("[]", "r.json") == RealisationFile((), ())
    for bad, key in (("{", "realisations.json"), ('{"kode": 1}', "realisations.not_list"),
                     ('[{"nama": 1}]', "realisations.no_header")):
        with pytest.raises(RealisationFileError) as raised:
            parse_json(bad, "r.json")
        assert raised.value.problems[0].key == key
    file = tmp_path / "r.json"
    file.write_text(text, encoding="utf-8")
    assert read_realisations(file).rows == read.rows


def test_xlsx_rows_and_broken_cells(tmp_path: Path) -> None:
    openpyxl = pytest.importorskip("openpyxl")
    book = openpyxl.Workbook()
    book.active.title = "Catatan"
    book.active.append(["tidak ada judul di sini"])
    sheet = book.create_sheet("Realisasi")
    sheet.append(["Judul realisasi"])
    sheet.append(["KODE", "Tahun", "Realisasi", "Realisasi Rp"])
    sheet.append(["1.06.04.2.01.0001", 2022, 80, 1500000])
    sheet.append(["1.06.04.2.01.0001", 2023.0, "12,5 org", "=1/0"])
    sheet.append(["1.06.04.2.01.0001", 2024, True, None])
    sheet["D4"].value = "#DIV/0!"
    sheet["D4"].data_type = "e"
    file = tmp_path / "r.xlsx"
    book.save(file)
    read = read_realisations(file)
    assert read.rows == (
        Realisation(SUB, 2022, None, Quantity(D(80)), D(1500000), 3, "r.xlsx"),
        Realisation(SUB, 2023, None, Quantity(D("12.5"), "org"), None, 4, "r.xlsx"),
    )
    assert _findings(read) == [
        ("RE001", "Realisasi 4", {"sheet": "Realisasi", "row": 4, "column": "Realisasi Rp",
                                  "value": "#DIV/0!", "reason": "excel.error_value"}),
        ("RE001", "Realisasi 5", {"sheet": "Realisasi", "row": 5, "column": "Realisasi",
                                  "value": "TRUE", "reason": "excel.cell_type"}),
    ]
    empty = tmp_path / "e.xlsx"
    openpyxl.Workbook().save(empty)
    with pytest.raises(RealisationFileError):
        read_realisations(empty)


def test_files_and_encodings(tmp_path: Path) -> None:
    latin = tmp_path / "r.csv"
    latin.write_bytes("kode;tahun;indikator;realisasi\n1.06.04.2.01.0001;2022;Café;5\n"
                      .encode("cp1252"))
    assert read_realisations(latin).rows[0].indicator == "Café"
    bom = tmp_path / "b.tsv"
    bom.write_bytes(b"\xef\xbb\xbfkode\ttahun\trealisasi\n1.06.04.2.01.0001\t2022\t5\n")
    assert read_realisations(bom).rows[0].realised == Quantity(D(5))
    wide = tmp_path / "w.csv"
    wide.write_bytes("kode,tahun,realisasi\n".encode("utf-16"))
    assert read_realisations(wide).rows == ()
    for name, key in (("r.ods", "realisations.suffix"), ("none.csv", "file.missing")):
        with pytest.raises(RealisationFileError) as raised:
            read_realisations(tmp_path / name)
        assert raised.value.problems[0].key == key
    neither = tmp_path / "n.csv"  # \x81 is no character of Windows-1252 either
    neither.write_bytes(b"kode,tahun,realisasi\n\x81\n")
    with pytest.raises(RealisationFileError) as raised:
        read_realisations(neither)
    assert raised.value.problems[0].key == "realisations.encoding"
    only = parse_csv("Kode,Tahun,Realisasi\n1.06.04.2.01.0001,2022,\n", "o.csv")
    assert _findings(only) == [("RE002", "o.csv 2", {"sheet": "o.csv", "row": 2,
                                                     "column": "Realisasi / realisasi_rp"})]
    broken = tmp_path / "x.csv"
    broken.write_bytes(b"\xff\xfe\x00\xd8")  # a UTF-16 mark before a lone surrogate
    with pytest.raises(RealisationFileError) as raised:
        read_realisations(broken)
    assert raised.value.problems[0].key == "realisations.encoding"


_AMOUNTS = st.decimals(min_value=-10**6, max_value=10**6, places=3, allow_nan=False,
                       allow_infinity=False)
_UNITS = st.one_of(st.none(), st.sampled_from(["org", "KPM", "Korban Bencana", "%", "unit"]))


@st.composite
def _realisations(draw: st.DrawFn) -> Realisation:
    realised = draw(st.one_of(st.none(), st.builds(Quantity, _AMOUNTS, _UNITS),
                              st.builds(Quantity, st.just(NIL), _UNITS)))
    rupiah = draw(st.one_of(st.none(), st.decimals(min_value=0, max_value=10**12, places=2,
                                                   allow_nan=False, allow_infinity=False)))
    if realised is None and rupiah is None:
        rupiah = D(0)
    return Realisation(draw(codes()), draw(st.integers(1900, 2100)),
                       draw(st.one_of(st.none(), st.sampled_from(["#1", "IK-1", "Nama, ber"
                                                                  "koma"]))),
                       realised, rupiah)


@settings(max_examples=80, deadline=None)
@given(st.lists(_realisations(), max_size=6), st.sampled_from([",", ";", "\t"]))
def test_reading_a_written_csv_gives_back_the_rows(rows: list[Realisation], mark: str) -> None:
    read = parse_csv(to_csv(rows, delimiter=mark), "r.csv")
    assert read.findings == ()
    numbered = tuple(Realisation(r.code, r.year, r.indicator, r.realised, r.realised_rp,
                                 k + 2, "r.csv") for k, r in enumerate(rows))
    assert read.rows == numbered

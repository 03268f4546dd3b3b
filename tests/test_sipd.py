"""SIPD exports: a whole region's (or province's) Renstra in one CSV or SIPD JSON file, read
into one plan per Perangkat Daerah, every row either in a plan or in one of its notes, every
rupiah kept exactly; the dialects people save CSV in; the file names ``renstra import`` writes;
and ``renstra check`` naming each plan. The fixtures are made here, in the shape of an
export: no real data."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Mapping, Sequence
from decimal import Decimal
from pathlib import Path

import pytest

from renstra_model import NIL, Aggregation, Level, Polarity, Quantity, Source, load
from renstra_model.cli import EXIT_INPUT, EXIT_OK, main
from renstra_model.io import dumps, loads
from renstra_model.io.inputs import ReadOptions, input_format, read_plans
from renstra_model.io.sipd import (
    SipdError,
    SipdExport,
    file_stem,
    plan_file_names,
    read_sipd,
    read_sipd_json,
    read_sipd_rows,
)
from renstra_model.model.budget import BudgetLine
from renstra_model.model.provenance import Reading

Capture = pytest.CaptureFixture[str]

HEADER = [
    "kodepemda", "namapemda", "idperiode", "kodebidang", "uraibidang", "kodeprogram",
    "uraiprogram", "kodekegiatan", "uraikegiatan", "kodesubkegiatan", "uraisubkegiatan",
    "kodeskpd", "uraiskpd", "kodesubkegiatan_indikator", "uraisubkegiatan_indikator", "satuan",
    "kinerja", "volume_awal", "volume_0", *(f"volume_{n}" for n in range(1, 8)), "pagu_awal",
    *(f"pagu{n}" for n in range(1, 8)),
]
"""The columns of SIPD's CSV, in its order."""

DINKES = {"kodepemda": "3201", "namapemda": "Kabupaten Nusa Indah", "idperiode": "20252029",
          "kodeskpd": "1.02.0.00.0.00.01.0000", "uraiskpd": "Dinas Kesehatan",
          "kodebidang": "1.02", "uraibidang": "KESEHATAN"}
PERDAG = {**DINKES, "kodeskpd": "3.30.0.00.0.00.01.0000", "uraiskpd": "Dinas Perdagangan",
          "kodebidang": "3.30", "uraibidang": "PERDAGANGAN"}
BANDAR = {**DINKES, "kodepemda": "3271", "namapemda": "Kota Bandar"}
PROGRAM = {"kodeprogram": "1.02.02", "uraiprogram": "PROGRAM PEMENUHAN UPAYA KESEHATAN",
           "kodekegiatan": "1.02.02.2.01",
           "uraikegiatan": "Penyediaan Fasilitas Pelayanan Kesehatan"}


def _years(prefix: str, values: Sequence[str]) -> dict[str, str]:
    return {f"{prefix}{n}": v for n, v in enumerate(values, start=1)}


def _row(identity: Mapping[str, str], **fields: str) -> dict[str, str]:
    return {**identity, **fields}


ROWS = [
    _row(DINKES, **PROGRAM, kodesubkegiatan="1.02.02.2.01.0001",
         uraisubkegiatan="Pembangunan Puskesmas", kodesubkegiatan_indikator="1.02.02.2.01.0001.01",
         uraisubkegiatan_indikator="Jumlah Puskesmas yang Dibangun", satuan="Unit",
         volume_awal="2", **_years("volume_", ["1", "1", "0", "1", "1"]),
         pagu_awal="950000000.0",
         **_years("pagu", ["1500000000.0", "1750000000.0", "0.0", "2000000000.0",
                           "2250000000.0"])),
    _row(DINKES, **PROGRAM, kodesubkegiatan="1.02.02.2.01.0001",
         uraisubkegiatan="Pembangunan Puskesmas", kodesubkegiatan_indikator="1.02.02.2.01.0001.02",
         uraisubkegiatan_indikator="Jumlah Pustu yang Direhabilitasi", satuan="Unit",
         volume_awal="4", **_years("volume_", ["2", "2", "2", "2", "2"]),
         **_years("pagu", ["177582000.0", "250000000.0", "0.0", "300000000.0",
                           "827465775.44"])),
    _row(DINKES, **PROGRAM, kodesubkegiatan="1.02.02.2.01.0002",
         uraisubkegiatan="Akreditasi Puskesmas", uraisubkegiatan_indikator="Persentase "
         "Puskesmas Terakreditasi", satuan="%", volume_awal="80.5",
         **_years("volume_", ["85", "90", "92.5", "95", "100"]),
         **_years("pagu", ["500000000.0"] * 5)),
    _row(PERDAG, kodeprogram="3.30.02", uraiprogram="PROGRAM PERIZINAN DAN PENDAFTARAN "
         "PERUSAHAAN", kodekegiatan="3.30.02.2.01", uraikegiatan="Pelaksanaan Pelayanan "
         "Perizinan", kodesubkegiatan="3.30.02.2.01.0001", uraisubkegiatan="Fasilitasi "
         "Pelayanan Perizinan", uraisubkegiatan_indikator="Jumlah Izin yang Diterbitkan",
         satuan="Dokumen", volume_awal="120", **_years("volume_", ["130"] * 5),
         **_years("pagu", ["75000000.0"] * 5)),
    _row(BANDAR, **PROGRAM, kodesubkegiatan="1.02.02.2.01.0001",
         uraisubkegiatan="Pembangunan Puskesmas", uraisubkegiatan_indikator="Jumlah Puskesmas",
         satuan="Unit", volume_awal="1", **_years("volume_", ["1"] * 5),
         **_years("pagu", ["3000000000.0"] * 5)),
    _row(DINKES, kodeprogram="1.02.03", uraiprogram="PROGRAM PENINGKATAN KAPASITAS SUMBER "
         "DAYA MANUSIA KESEHATAN", kodekegiatan="1.02.03.2.02", uraikegiatan="Pengembangan "
         "Mutu dan Peningkatan Kompetensi Teknis SDM Kesehatan",
         kodesubkegiatan="1.02.03.2.02.0005", uraisubkegiatan="Pelatihan Tenaga Kesehatan",
         uraisubkegiatan_indikator="Jumlah Tenaga Kesehatan yang Dilatih", satuan="Orang",
         volume_awal="40", **_years("volume_", ["50", "50", "60", "60", "70"]),
         **_years("pagu", ["125000000.5", "130000000.0", "135000000.0", "140000000.0",
                           "145000000.0"])),
]
"""Three agencies of two regions; the first agency's rows are interleaved with the others',
its first sub kegiatan stated in two rows (one per indicator)."""

NAMES = ["sipd.csv [Kabupaten Nusa Indah / Dinas Kesehatan]",
         "sipd.csv [Kabupaten Nusa Indah / Dinas Perdagangan]",
         "sipd.csv [Kota Bandar / Dinas Kesehatan]"]


def csv_text(rows: Sequence[Mapping[str, str]], *, delimiter: str = ",",
             header: Sequence[str] = HEADER, decimal_comma: bool = False) -> str:
    """The rows as SIPD's CSV writes them (or, with *decimal_comma*, as Excel in the
    Indonesian locale saves them: numbers with a decimal comma)."""
    out = io.StringIO()
    writer = csv.writer(out, delimiter=delimiter, lineterminator="\r\n")
    writer.writerow(header)
    for row in rows:
        cells = [row.get(name, "") for name in header]
        if decimal_comma:
            cells = [c.replace(".", ",") if name.startswith(("pagu", "volume")) else c
                     for c, name in zip(cells, header, strict=True)]
        writer.writerow(cells)
    return out.getvalue()


def write(path: Path, text: str, encoding: str = "utf-8") -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(text.encode(encoding))
    return path


@pytest.fixture
def export(tmp_path: Path) -> Path:
    return write(tmp_path / "sipd.csv", csv_text(ROWS))


def notes(export: SipdExport) -> list[tuple[int, str, str | None, str | None]]:
    """Every plan's notes as (plan, place, message, content)."""
    return [(k, n.place, n.message(), n.value) for k, p in enumerate(export.plans)
            for n in p.plan.reading]


# -- one plan per Perangkat Daerah -------------------------------------------------------------


def test_one_plan_per_agency_in_the_order_of_their_first_rows(export: Path) -> None:
    result = read_sipd(export)
    assert [(p.kodepemda, p.kodeskpd, p.rows) for p in result.plans] == [
        ("3201", "1.02.0.00.0.00.01.0000", (2, 3, 4, 7)),
        ("3201", "3.30.0.00.0.00.01.0000", (5,)),
        ("3271", "1.02.0.00.0.00.01.0000", (6,)),
    ]
    assert (result.rows, result.encoding, result.delimiter, result.ignored, result.unplaced) == (
        6, "utf-8", ",", (), ())
    assert result.dialect == "CSV, comma-separated, UTF-8, numbers with a decimal point"
    plan = result.plans[0].plan
    assert (plan.title, plan.organisation.name, plan.organisation.region) == (
        None, "Dinas Kesehatan", "Kabupaten Nusa Indah")
    assert [str(c) for c in plan.organisation.bidang_urusan] == ["1.02"]
    assert (plan.period.baseline_year, plan.period.years) == (2024, (2025, 2026, 2027, 2028,
                                                                     2029))
    assert plan.reading == ()
    tree = [(str(a.code), a.derived, a.name, a.budget is None) for _, a in plan.activities()]
    assert tree == [
        ("1.02.02", True, "PROGRAM PEMENUHAN UPAYA KESEHATAN", True),
        ("1.02.02.2.01", True, "Penyediaan Fasilitas Pelayanan Kesehatan", True),
        ("1.02.02.2.01.0001", False, "Pembangunan Puskesmas", False),
        ("1.02.02.2.01.0002", False, "Akreditasi Puskesmas", False),
        ("1.02.03", True, "PROGRAM PENINGKATAN KAPASITAS SUMBER DAYA MANUSIA KESEHATAN", True),
        ("1.02.03.2.02", True, "Pengembangan Mutu dan Peningkatan Kompetensi Teknis SDM "
         "Kesehatan", True),
        ("1.02.03.2.02.0005", False, "Pelatihan Tenaga Kesehatan", False),
    ]
    assert plan.find("1.02.02").source == Source(
        "sipd.csv", "1.02.02", "derived from the codes of rows 2-4; name from uraiprogram")
    assert plan.find("1.02.03.2.02").source == Source(
        "sipd.csv", "1.02.03.2.02", "derived from the codes of rows 7; name from uraikegiatan")
    assert [(str(c) for c in p.plan.organisation.bidang_urusan) and p.plan.organisation.name
            for p in result.plans] == ["Dinas Kesehatan", "Dinas Perdagangan", "Dinas Kesehatan"]


def test_a_sub_kegiatan_of_several_rows_keeps_each_and_sums_the_pagu(export: Path) -> None:
    plan = read_sipd(export).plans[0].plan
    sub = plan.find("1.02.02.2.01.0001")
    years = (2025, 2026, 2027, 2028, 2029)
    assert sub.budget_parts == (
        BudgetLine(planned=dict(zip(years, map(Decimal, ["1500000000", "1750000000", "0",
                                                          "2000000000", "2250000000"]),
                                    strict=True)),
                   source=Source("sipd.csv", "2", "pagu_awal: 950000000.0")),
        BudgetLine(planned=dict(zip(years, map(Decimal, ["177582000", "250000000", "0",
                                                          "300000000", "827465775.44"]),
                                    strict=True)),
                   source=Source("sipd.csv", "3")),
    )
    assert sub.budget == BudgetLine(planned=dict(zip(years, map(Decimal, [
        "1677582000", "2000000000", "0", "2300000000", "3077465775.44"]), strict=True)))
    assert str(sub.budget.planned[2029]) == "3077465775.44"
    assert sub.source == Source("sipd.csv", "2", "stated in rows 2, 3: each row's indicator "
                                "and pagu kept (budget_parts), the pagu their sum")
    assert [(i.name, i.unit, i.baseline, dict(i.planned), i.source) for i in sub.indicators] == [
        ("Jumlah Puskesmas yang Dibangun", "Unit", Quantity(Decimal(2)),
         dict(zip(years, [Quantity(Decimal(v)) for v in (1, 1, 0, 1, 1)], strict=True)),
         Source("sipd.csv", "2", "kode indikator: 1.02.02.2.01.0001.01")),
        ("Jumlah Pustu yang Direhabilitasi", "Unit", Quantity(Decimal(4)),
         dict.fromkeys(years, Quantity(Decimal(2))),
         Source("sipd.csv", "3", "kode indikator: 1.02.02.2.01.0001.02")),
    ]
    single = plan.find("1.02.02.2.01.0002")
    assert (single.budget_parts, single.budget, single.source) == (
        (), BudgetLine(planned=dict.fromkeys(years, Decimal("500000000")),
                       source=Source("sipd.csv", "4")), Source("sipd.csv", "4"))
    assert [(q.amount, q.unit) for q in single.indicators[0].planned.values()] == [
        (Decimal("85"), None), (Decimal("90"), None), (Decimal("92.5"), None),
        (Decimal("95"), None), (Decimal("100"), None)]
    assert single.indicators[0].baseline == Quantity(Decimal("80.5"))
    trained = plan.find("1.02.03.2.02.0005")
    assert trained.budget is not None
    assert trained.budget.planned[2025] == Decimal("125000000.5")


def test_the_plans_round_trip_and_lose_no_rupiah(export: Path) -> None:
    result = read_sipd(export)
    for item in result.plans:
        assert loads(dumps(item.plan)) == item.plan
    stated = sum(Decimal(row[f"pagu{n}"]) for row in ROWS for n in range(1, 6))
    read = sum((c for p in result.plans for a in p.plan.activities_at(Level.SUB_KEGIATAN)
                for line in (a.budget_parts or (a.budget,)) if line is not None
                for c in line.planned.values() if isinstance(c, Decimal)), Decimal(0))
    assert read == stated == Decimal("27605047775.94")


def test_the_plans_are_named_by_region_and_agency(export: Path) -> None:
    named = [item.name.removeprefix(str(export.parent) + "/") for item in read_plans(export)]
    assert named == NAMES
    assert input_format(export).name == "sipd"


# -- dialects -----------------------------------------------------------------------------------


def test_semicolons_decimal_commas_and_a_bom_read_the_same(tmp_path: Path, export: Path) -> None:
    excel = write(tmp_path / "excel" / "sipd.csv", "\ufeff" + csv_text(
        ROWS, delimiter=";", decimal_comma=True))
    assert excel.read_bytes().startswith(b"\xef\xbb\xbfkodepemda;namapemda;idperiode;")
    assert b";177582000,0;" in excel.read_bytes()
    result = read_sipd(excel)
    assert (result.encoding, result.delimiter) == ("utf-8-sig", ";")
    assert result.dialect == (
        "CSV, semicolon-separated, UTF-8 with a byte order mark, numbers with a decimal comma "
        "or point (a number with two readings is reported)")
    assert result.read_as.describe("id") == (
        "CSV, dipisah titik koma, UTF-8 dengan penanda urutan bita (BOM), angka dengan koma "
        "atau titik desimal (angka yang bermakna ganda dilaporkan)")
    comma = [dumps(p.plan) for p in read_sipd(export).plans]
    comma[0] = comma[0].replace("pagu_awal: 950000000.0", "pagu_awal: 950000000,0")  # as written
    assert [dumps(p.plan) for p in result.plans] == comma


def test_windows_1252_is_read_and_said(tmp_path: Path) -> None:
    rows = [_row(DINKES, **PROGRAM, kodesubkegiatan="1.02.02.2.01.0001",
                 uraisubkegiatan="Pembangunan Puskesmas ‘Sehat’ – Café",
                 **_years("pagu", ["1000.0"] * 5))]
    path = write(tmp_path / "sipd.csv", csv_text(rows), "cp1252")
    assert "’".encode("cp1252") in path.read_bytes()
    result = read_sipd(path)
    assert (result.encoding, result.dialect) == (
        "cp1252", "CSV, comma-separated, Windows-1252 (the file is not valid UTF-8), numbers "
        "with a decimal point")
    assert result.plans[0].plan.find("1.02.02.2.01.0001").name == (
        "Pembangunan Puskesmas ‘Sehat’ – Café")
    given = read_sipd(path, encoding="latin-1")  # what the user says goes, and is said
    assert given.dialect == "CSV, comma-separated, latin-1 (as given), numbers with a decimal point"
    assert given.plans[0].plan.find("1.02.02.2.01.0001").name == (
        "Pembangunan Puskesmas \x91Sehat\x92 \x96 Café")
    with pytest.raises(SipdError) as raised:
        read_sipd(write(tmp_path / "bad.csv", "kodepemda,kodeskpd\n"), encoding="x-")
    assert raised.value.describe() == (
        "'x-' is not an encoding (utf-8, cp1252, latin-1, utf-16 …) @ $")
    undefined = write(tmp_path / "undefined.csv", csv_text(rows))
    undefined.write_bytes(undefined.read_bytes() + b"\x81\x8d")
    with pytest.raises(SipdError) as raised:
        read_sipd(undefined)
    assert raised.value.describe() == (
        f"{undefined}: {undefined} is neither UTF-8 nor Windows-1252 text (byte "
        f"{len(undefined.read_bytes()) - 2}): give its encoding (--encoding) @ $")


def test_quoted_line_breaks_are_one_row(tmp_path: Path) -> None:
    rows = [
        _row(DINKES, **PROGRAM, kodesubkegiatan="1.02.02.2.01.0001",
             uraisubkegiatan="Pembangunan\nPuskesmas", **_years("pagu", ["1000.0"] * 5)),
        _row(DINKES, **PROGRAM, kodesubkegiatan="1.02.02.2.01.0002",
             uraisubkegiatan="Akreditasi", **_years("pagu", ["1000.0"] * 4 + ["1.125"])),
    ]
    text = csv_text(rows, delimiter="\t")
    assert text.count("\n") == 4
    result = read_sipd(write(tmp_path / "sipd.tsv", text))
    assert result.delimiter == "\t"
    plan = result.plans[0].plan
    assert plan.find("1.02.02.2.01.0001").name == "Pembangunan\nPuskesmas"
    assert [(n.row, n.column) for n in plan.reading] == [(3, "pagu5")]


def test_an_ambiguous_header_asks_for_the_delimiter(tmp_path: Path) -> None:
    both = write(tmp_path / "both.csv", "kodepemda;kodeskpd;x,kodeprogram,kodekegiatan\n")
    with pytest.raises(SipdError) as raised:
        read_sipd(both)
    assert raised.value.describe() == (
        f"{both}: the header of {both} reads as the columns of a SIPD export separated by ',' "
        "and by ';': give the delimiter (--delimiter) @ 'both.csv'!1")
    with pytest.raises(SipdError, match=r"lacks the required column\(s\) idperiode, "
                       "kodeprogram, kodekegiatan, kodesubkegiatan, pagu1"):
        read_sipd(both, delimiter=";")
    neither = write(tmp_path / "neither.csv", "kode|nama|pagu\n")
    with pytest.raises(SipdError) as raised:
        read_sipd(neither)
    assert raised.value.describe("id") == (
        f"{neither}: baris pertama {neither} bukan kepala tabel ekspor SIPD (kodepemda, "
        "kodeskpd, idperiode, kodeprogram, kodekegiatan, kodesubkegiatan, pagu1 …) dengan "
        "kolom yang dipisah koma, titik koma atau tab: berikan pemisahnya (--delimiter) bila "
        "lain @ 'neither.csv'!1")
    piped = write(tmp_path / "piped.csv", csv_text(ROWS, delimiter="|"))
    assert [p.kodeskpd for p in read_sipd(piped, delimiter="|").plans] == [
        "1.02.0.00.0.00.01.0000", "3.30.0.00.0.00.01.0000", "1.02.0.00.0.00.01.0000"]
    with pytest.raises(SipdError, match="'ab' is not a delimiter"):
        read_sipd(piped, delimiter="ab")


def test_a_missing_required_column_is_named(tmp_path: Path) -> None:
    header = [h for h in HEADER if h not in ("kodeskpd", "kodekegiatan")]
    path = write(tmp_path / "sipd.csv", csv_text(ROWS, header=header))
    with pytest.raises(SipdError) as raised:
        read_sipd(path)
    assert raised.value.describe() == (
        f"{path}: {path} lacks the required column(s) kodeskpd, kodekegiatan (an export "
        "states kodepemda, kodeskpd, idperiode, kodeprogram, kodekegiatan, kodesubkegiatan, "
        "and pagu1 … for each year of its period) @ $")
    short = write(tmp_path / "short.csv", csv_text(ROWS, header=[
        h for h in HEADER if h not in ("pagu3", "pagu6", "pagu7", "volume_6", "volume_7")]))
    with pytest.raises(SipdError, match=r"lacks the required column\(s\) pagu3 "):
        read_sipd(short)
    optional = write(tmp_path / "optional.csv", csv_text(ROWS, header=[
        h for h in HEADER if not h.startswith("urai") and h not in (
            "namapemda", "pagu6", "pagu7", "volume_6", "volume_7", "volume_0")]))
    plans = read_sipd(optional).plans
    assert [(p.plan.organisation.name, p.plan.organisation.region) for p in plans] == [
        (None, None)] * 3
    assert [item.name.removeprefix(str(tmp_path) + "/") for item in read_plans(optional)] == [
        "optional.csv [3201 / 1.02.0.00.0.00.01.0000]",
        "optional.csv [3201 / 3.30.0.00.0.00.01.0000]",
        "optional.csv [3271 / 1.02.0.00.0.00.01.0000]"]


def test_unknown_columns_are_listed_once(tmp_path: Path) -> None:
    header = [*HEADER, "idoutcome", "Lokasi", "status"]
    rows = [{**r, "idoutcome": "17", "Lokasi": "Kecamatan Utara", "status": "final"}
            for r in ROWS]
    result = read_sipd(write(tmp_path / "sipd.csv", csv_text(rows, header=header)))
    assert result.ignored == ("idoutcome", "Lokasi", "status")
    assert result.describe_ignored() == (
        f"{tmp_path / 'sipd.csv'}: fields not read, which the model has no place for: "
        "idoutcome, Lokasi, status")
    assert all(p.plan.reading == () for p in result.plans)


# -- what is noted -----------------------------------------------------------------------------


def test_pagu_beyond_the_period_is_noted_not_dropped(tmp_path: Path) -> None:
    rows = [{**ROWS[0], "pagu6": "5000000.0", "volume_7": "3", "pagu7": "0.0"}, *ROWS[1:]]
    result = read_sipd(write(tmp_path / "sipd.csv", csv_text(rows)))
    assert notes(result) == [
        (0, "'sipd.csv'!2 pagu6", "the period 20252029 has 5 years, and this column lies "
         "beyond it: its content is not read", "5000000.0"),
        (0, "'sipd.csv'!2 volume_7", "the period 20252029 has 5 years, and this column lies "
         "beyond it: its content is not read", "3"),
    ]
    assert [n.reading for n in result.plans[0].plan.reading] == [Reading.UNREAD] * 2


def test_money_of_three_decimals_and_unreadable_money_are_noted(tmp_path: Path) -> None:
    rows = [{**ROWS[0], "pagu2": "1750000000.125", "pagu4": "Rp 2 M", "volume_3": "satu"},
            *ROWS[1:]]
    result = read_sipd(write(tmp_path / "sipd.csv", csv_text(rows)))
    assert notes(result) == [
        (0, "'sipd.csv'!2 volume_3", "'satu' is not a decimal number", "satu"),
        (0, "'sipd.csv'!2 pagu2", "1750000000.125 has more than two decimal places (rupiah "
         "have 100 sen)", "1750000000.125"),
        (0, "'sipd.csv'!2 pagu4", "'Rp 2 M' is not a decimal number", "Rp 2 M"),
    ]
    part = result.plans[0].plan.find("1.02.02.2.01.0001").budget_parts[0]
    assert sorted(part.planned) == [2025, 2027, 2029]


def test_ambiguous_money_of_a_semicolon_file_is_noted_not_guessed(tmp_path: Path) -> None:
    rows = [{**ROWS[0], "pagu1": "150.000", "pagu2": "1.750.000.000,00", "pagu3": "-"},
            *ROWS[1:]]
    path = write(tmp_path / "sipd.csv", csv_text(rows, delimiter=";"))
    result = read_sipd(path)
    assert notes(result) == [(
        0, "'sipd.csv'!2 pagu1", "'150.000' is ambiguous: 150000 (a thousands separator) or "
        "150.000 (a decimal mark); state the number style (id: 1.234,5; en: 1,234.5)",
        "150.000")]
    part = result.plans[0].plan.find("1.02.02.2.01.0001").budget_parts[0]
    assert (part.planned[2026], part.planned[2027]) == (Decimal("1750000000"), NIL)
    styled = read_sipd(path, style="id").plans[0].plan.find("1.02.02.2.01.0001")
    assert styled.budget_parts[0].planned[2025] == Decimal("150000")


def test_codes_that_do_not_extend_their_parents_and_bad_codes(tmp_path: Path) -> None:
    rows = [
        {**ROWS[0], "kodekegiatan": "1.02.03.2.01", "uraikegiatan": "Another Kegiatan"},
        {**ROWS[1], "kodesubkegiatan": "1.02.02.2.01.00x1"},
        {**ROWS[2], "kodeprogram": "1.02.02.2", "kodebidang": "1.03"},
        *ROWS[3:],
    ]
    result = read_sipd(write(tmp_path / "sipd.csv", csv_text(rows)))
    found = notes(result)
    assert [f[:3] for f in found] == [
        (0, "'sipd.csv'!2 kodekegiatan", "the column states 1.02.03.2.01, which the row's "
         "code 1.02.02.2.01.0001 does not extend: the row is read as 1.02.02.2.01.0001, this "
         "cell is not read"),
        (0, "'sipd.csv'!3 kodesubkegiatan", "'1.02.02.2.01.00x1' is not a kode rekening: "
         "segment '00x1' is not a number"),
        (0, "'sipd.csv'!4 kodeprogram", "'1.02.02.2' is not a kode rekening: 4 segments (a "
         "code has 1, 2, 3, 5 or 6)"),
        (0, "'sipd.csv'!4 kodebidang", "the column states 1.03, which the row's code "
         "1.02.02.2.01.0002 does not extend: the row is read as 1.02.02.2.01.0002, this cell "
         "is not read"),
    ]
    assert found[1][3] is not None
    assert found[1][3].startswith("kodepemda=3201 | namapemda=Kabupaten Nusa Indah | ")
    assert "kodesubkegiatan=1.02.02.2.01.00x1" in found[1][3]
    assert "pagu5=827465775.44" in found[1][3]
    plan = result.plans[0].plan
    assert plan.find("1.02.02.2.01").name == "Penyediaan Fasilitas Pelayanan Kesehatan"
    assert plan.find("1.02.02.2.01.0001").budget_parts == ()
    assert result.plans[0].rows == (2, 4, 7)


def test_a_row_of_no_plan_is_a_note_of_its_region(tmp_path: Path) -> None:
    rows = [*ROWS[:4], {**ROWS[4], "kodeskpd": ""}, {**ROWS[5], "kodepemda": " "},
            {**ROWS[3], "kodepemda": "3271", "kodeskpd": ""}]
    result = read_sipd(write(tmp_path / "sipd.csv", csv_text(rows)))
    assert [(p.kodepemda, p.kodeskpd) for p in result.plans] == [
        ("3201", "1.02.0.00.0.00.01.0000"), ("3201", "3.30.0.00.0.00.01.0000")]
    assert [(n.place, n.message()) for n in result.unplaced] == [
        ("'sipd.csv'!6 kodeskpd", "the row states no kodeskpd, so it belongs to no plan: it is "
         "not read (its content is kept here)"),
        ("'sipd.csv'!7 kodepemda", "the row states no kodepemda, so it belongs to no plan: it "
         "is not read (its content is kept here)"),
        ("'sipd.csv'!8 kodeskpd", "the row states no kodeskpd, so it belongs to no plan: it is "
         "not read (its content is kept here)"),
    ]
    assert [(k, place) for k, place, _, _ in notes(result)] == [
        (0, "'sipd.csv'!6 kodeskpd"), (0, "'sipd.csv'!7 kodepemda"),
        (0, "'sipd.csv'!8 kodeskpd")]
    assert result.unplaced[0].value is not None
    assert "pagu1=3000000000.0" in result.unplaced[0].value
    placed = {r for p in result.plans for r in p.rows} | {n.row for n in result.unplaced}
    assert placed == set(range(2, 2 + len(rows)))


def test_names_that_disagree_and_cells_beyond_the_header(tmp_path: Path) -> None:
    rows = [ROWS[0], {**ROWS[1], "uraiprogram": "Program Lain", "uraiskpd": "Dinkes"},
            *ROWS[2:]]
    text = csv_text(rows).replace(",827465775.44,,\r\n", ",827465775.44,,,stray\r\n", 1)
    result = read_sipd(write(tmp_path / "sipd.csv", text))
    assert [f[1:] for f in notes(result)] == [
        ("'sipd.csv'!3 uraiskpd", "the row's uraiskpd is 'Dinkes', but row 2 stated 'Dinas "
         "Kesehatan', which is kept: this name is not read", "Dinkes"),
        ("'sipd.csv'!3 uraiprogram", "the row names 1.02.02 'Program Lain', but row 2 named it "
         "'PROGRAM PEMENUHAN UPAYA KESEHATAN', which is kept: this name is not read",
         "Program Lain"),
        ("'sipd.csv'!3", "the row holds 1 cell(s) outside the header's 34 named columns: they "
         "are not read", "stray"),
    ]


def test_other_periods_and_bad_periods_are_not_read(tmp_path: Path) -> None:
    rows = [ROWS[0], {**ROWS[1], "idperiode": "20262030"}, {**ROWS[2], "idperiode": "2025"},
            {**ROWS[3], "idperiode": "20202029"}, *ROWS[4:]]
    result = read_sipd(write(tmp_path / "sipd.csv", csv_text(rows)))
    assert [f[:3] for f in notes(result)] == [
        (0, "'sipd.csv'!3 idperiode", "the row states the period 20262030, but its plan's is "
         "20252029 (row 2): the row is not read"),
        (0, "'sipd.csv'!4 idperiode", "'2025' is not a period of two four-digit years, the "
         "first and the last (20252029)"),
        (0, "'sipd.csv'!5 idperiode", "the period 20202029 has 10 years; an export states at "
         "most 7 (pagu1 … pagu7)"),
    ]  # the agency of row 5 has no row that could be read: its row is a note of its region
    assert [n.place for n in result.unplaced] == ["'sipd.csv'!5 idperiode"]
    assert [(f[3] or "")[:40] for f in notes(result)] == [
        "kodepemda=3201 | namapemda=Kabupaten Nus"] * 3
    assert [(p.kodepemda, p.kodeskpd) for p in result.plans] == [
        ("3201", "1.02.0.00.0.00.01.0000"), ("3271", "1.02.0.00.0.00.01.0000")]


def test_strict_refuses_what_cannot_be_read(tmp_path: Path) -> None:
    rows = [{**ROWS[0], "pagu2": "1.005"}, *ROWS[1:]]
    path = write(tmp_path / "sipd.csv", csv_text(rows))
    with pytest.raises(SipdError) as raised:
        read_sipd(path, strict=True)
    assert raised.value.describe() == (
        f"{path}: 1.005 has more than two decimal places (rupiah have 100 sen) @ 'sipd.csv'!2 "
        "pagu2")
    with pytest.raises(SipdError):
        read_plans(path, ReadOptions(strict=True))


def test_a_file_of_no_plan_is_refused(tmp_path: Path) -> None:
    rows = [{**ROWS[0], "kodeskpd": ""}]
    path = write(tmp_path / "sipd.csv", csv_text(rows))
    with pytest.raises(SipdError) as raised:
        read_sipd(path)
    assert raised.value.describe() == (
        f"{path}: 2 problems found:\n"
        f"  no plan could be read from {path}: no row states a kodepemda, a kodeskpd, a period "
        "and a sub kegiatan code that can be read @ $\n"
        "  the row states no kodeskpd, so it belongs to no plan: it is not read (its content is "
        "kept here) @ 'sipd.csv'!2 kodeskpd")


# -- JSON ---------------------------------------------------------------------------------------

JSON_TEXT = """{"status": true, "data": [
 {"kodepemda": "3201", "idperiode": "20252029", "kodebidang": "1.02",
  "kodeprogram": "1.02.02", "kodekegiatan": "1.02.02.2.01",
  "kodesubkegiatan": "1.02.02.2.01.0001", "kodeskpd": "1.02.0.00.0.00.01.0000",
  "kodesubkegiatan_indikator": "01", "uraisubkegiatan_indikator": "Jumlah Puskesmas",
  "satuan": "Unit", "volume_awal": 2, "volume_1": 1, "volume_2": 1.5,
  "pagu1": 177582000.0, "pagu2": 999999999999999.99, "pagu3": 0, "pagu4": null,
  "pagu5": "827465775.44", "pagu6": null, "formula": "Tahun Akhir", "idoutcome": 11,
  "idoutput": 12, "status": "final", "kodeindikator_master": "X1", "lokasi": "Utara",
  "prioritas": 1},
 {"kodepemda": "3201", "idperiode": "20252029", "kodeprogram": "1.02.02",
  "kodekegiatan": "1.02.02.2.01", "kodesubkegiatan": "1.02.02.2.01.0001",
  "kodeskpd": "1.02.0.00.0.00.01.0000", "uraisubkegiatan_indikator": "Persentase",
  "satuan": "%", "formula": "Kumulatif", "pagu1": 1.005, "pagu2": 0.01,
  "pagu3": 1E+2, "pagu4": [1], "pagu5": true, "idoutcome": 13},
 ["not", "a", "row"],
 {"kodepemda": "3202", "idperiode": 20252029, "kodeprogram": "2.07.02",
  "kodekegiatan": "2.07.02.2.01", "kodesubkegiatan": "2.07.02.2.01.0003",
  "kodeskpd": "2.07.0.00.0.00.01.0000", "pagu1": 10, "pagu2": 10, "pagu3": 10,
  "pagu4": 10, "pagu5": 10}
]}"""


def test_sipd_json_is_read_without_a_float(tmp_path: Path) -> None:
    path = write(tmp_path / "sipd.json", JSON_TEXT)
    result = read_sipd(path)
    assert (result.encoding, result.delimiter, result.dialect) == (
        "utf-8", None, "SIPD JSON (the rows under \"data\"), UTF-8, numbers as written")
    assert result.ignored == ("idoutcome", "idoutput", "status", "kodeindikator_master",
                              "lokasi", "prioritas")
    assert [(p.kodepemda, p.kodeskpd, p.rows) for p in result.plans] == [
        ("3201", "1.02.0.00.0.00.01.0000", (1, 2)), ("3202", "2.07.0.00.0.00.01.0000", (4,))]
    plan = result.plans[0].plan
    sub = plan.find("1.02.02.2.01.0001")
    assert sub.name is None
    assert plan.find("1.02.02").name is None
    assert [dict(p.planned) for p in sub.budget_parts] == [
        {2025: Decimal("177582000"), 2026: Decimal("999999999999999.99"), 2027: Decimal(0),
         2029: Decimal("827465775.44")},
        {2026: Decimal("0.01"), 2027: Decimal("100")},
    ]
    assert [(n.place, n.message(), n.value) for n in plan.reading] == [
        ("'data'!2 pagu4", "expected text or a number, not a list", "[1]"),
        ("'data'!2 pagu5", "expected text or a number, not a true/false value", "True"),
        ("'data'!2 pagu1", "1.005 has more than two decimal places (rupiah have 100 sen)",
         "1.005"),
        ("'data'!3", "the row is a list, not an object of fields: it is not read",
         '["not", "a", "row"]'),
    ]
    first, second = sub.indicators
    assert (first.aggregation, first.polarity, first.source) == (
        Aggregation.LAST, Polarity.HIGHER_IS_BETTER,
        Source("data", "1", "kode indikator: 01; formula: Tahun Akhir (read as aggregation "
               "last)"))
    assert dict(first.planned) == {2025: Quantity(Decimal(1)), 2026: Quantity(Decimal("1.5"))}
    assert (second.aggregation, second.source) == (
        None, Source("data", "2", "formula: Kumulatif"))
    assert [item.name.removeprefix(str(tmp_path) + "/") for item in read_plans(path)] == [
        "sipd.json [3201 / 1.02.0.00.0.00.01.0000]", "sipd.json [3202 / 2.07.0.00.0.00.01.0000]"]
    assert input_format(path).name == "plan"  # the plan file's suffix: its reader tells them apart


def test_a_plan_file_is_no_sipd_export(tmp_path: Path, export: Path) -> None:
    plan = read_sipd(export).plans[0].plan
    path = tmp_path / "plan.json"
    path.write_text(dumps(plan), encoding="utf-8")
    assert read_sipd_json(path) is None
    assert [item.plan for item in read_plans(path)] == [plan]
    assert load(path) == plan
    other = write(tmp_path / "other.json", '{"rows": []}')
    assert read_sipd_json(other) is None
    with pytest.raises(SipdError, match="is JSON, but not a SIPD export"):
        read_sipd(other)
    versioned = write(tmp_path / "v.json", '{"data": [], "format_version": 1}')
    assert read_sipd_json(versioned) is None


def test_rows_given_in_python() -> None:
    first = {k: v for k, v in ROWS[0].items() if k != "kodepemda"}
    rows: list[object] = [{**first, "KODEPEMDA": "3201"}, {"kodepemda": None}, {}, ROWS[3]]
    result = read_sipd_rows(rows, source="rows")
    assert result.dialect == "rows given in Python, numbers with a decimal point"
    assert [(p.kodepemda, p.kodeskpd, p.rows) for p in result.plans] == [
        ("3201", "1.02.0.00.0.00.01.0000", (1,)), ("3201", "3.30.0.00.0.00.01.0000", (4,))]
    assert result.rows == 2
    with pytest.raises(SipdError, match=r"lacks the required column\(s\) idperiode"):
        read_sipd_rows([{k: v for k, v in ROWS[0].items() if k != "idperiode"}], source="x")


# -- file names ---------------------------------------------------------------------------------


def test_file_names_are_safe_and_unique() -> None:
    identities = [
        ("3201", "1.02.0.00.0.00.01.0000"), ("../../etc", "passwd"), ("3201", "/tmp/x"),
        ("32\x0001", "1.02\n\x1b[31m"), ("3201", "1.02.0.00.0.00.01.0000"),
        ("3201", "1.02.0.00.0.00.01.0000".upper() + "/"), ("nul", "x"), ("..", ".."),
        ("٣٢٠١", "ＡＢ"),
    ]
    names = plan_file_names(identities)
    assert names == [
        "3201-1.02.0.00.0.00.01.0000.json", "etc-passwd.json", "3201-tmp_x.json",
        "32_01-1.02_31m.json", "3201-1.02.0.00.0.00.01.0000-2.json",
        "3201-1.02.0.00.0.00.01.0000-3.json", "_nul-x.json", "_-_.json", "_-AB.json",
    ]
    for name in names:
        assert "/" not in name
        assert "\\" not in name
        assert ".." not in name
        assert name.isprintable()
        assert name.isascii()
        assert not name.startswith(".")
    assert len({n.casefold() for n in names}) == len(names)
    assert file_stem("3201", "x" * 500) == "3201-" + "x" * 60


# -- the command line ---------------------------------------------------------------------------


def run(capsys: Capture, *argv: str) -> tuple[int, str, str]:
    status = main(list(argv))
    captured = capsys.readouterr()
    return status, captured.out, captured.err


def test_import_writes_a_plan_file_per_agency(tmp_path: Path, export: Path,
                                              capsys: Capture) -> None:
    out = tmp_path / "plans"
    status, stdout, stderr = run(capsys, "import", str(export), "--output", str(out),
                                 "--lang", "en")
    assert (status, stderr) == (EXIT_OK, "")
    assert stdout.splitlines() == [
        f"{export}: 6 rows, 3 plans; read as CSV, comma-separated, UTF-8, numbers with a "
        "decimal point",
        f"{out}/3201-1.02.0.00.0.00.01.0000.json: Kabupaten Nusa Indah / Dinas Kesehatan "
        "(3201 1.02.0.00.0.00.01.0000): 2 programs, 2 kegiatan, 3 sub kegiatan, 4 indicators "
        "from 4 rows",
        f"{out}/3201-3.30.0.00.0.00.01.0000.json: Kabupaten Nusa Indah / Dinas Perdagangan "
        "(3201 3.30.0.00.0.00.01.0000): 1 programs, 1 kegiatan, 1 sub kegiatan, 1 indicators "
        "from 1 rows",
        f"{out}/3271-1.02.0.00.0.00.01.0000.json: Kota Bandar / Dinas Kesehatan (3271 "
        "1.02.0.00.0.00.01.0000): 1 programs, 1 kegiatan, 1 sub kegiatan, 1 indicators from "
        "1 rows",
    ]
    assert sorted(p.name for p in out.iterdir()) == [
        "3201-1.02.0.00.0.00.01.0000.json", "3201-3.30.0.00.0.00.01.0000.json",
        "3271-1.02.0.00.0.00.01.0000.json"]
    assert [load(out / n) for n in sorted(p.name for p in out.iterdir())] == [
        p.plan for p in read_sipd(export).plans]
    _, again, _ = run(capsys, "import", str(export), "--output", str(out), "--lang", "id")
    assert again.splitlines()[0] == (
        f"{export}: 6 baris, 3 rencana; dibaca sebagai CSV, dipisah koma, UTF-8, angka dengan "
        "titik desimal")


def test_import_lists_ignored_fields_once_and_notes(tmp_path: Path, capsys: Capture) -> None:
    header = [*HEADER, "idoutcome"]
    rows = [{**ROWS[0], "pagu6": "7.0", "idoutcome": "1"}, *ROWS[1:]]
    export = write(tmp_path / "sipd.csv", csv_text(rows, header=header))
    out = tmp_path / "plans"
    status, stdout, stderr = run(capsys, "import", str(export), "--output", str(out),
                                 "--lang", "en")
    assert status == EXIT_OK
    assert stdout.splitlines()[-1] == (
        f"{export}: fields not read, which the model has no place for: idoutcome")
    assert stdout.count("idoutcome") == 1
    assert stderr == (
        f"{export} [Kabupaten Nusa Indah / Dinas Kesehatan]: notes of the reading (1), kept in "
        "the plan (renstra check reports them):\n"
        "  'sipd.csv'!2 pagu6: the period 20252029 has 5 years, and this column lies beyond it: "
        "its content is not read (content: '7.0')\n")


def test_import_never_writes_outside_the_directory(tmp_path: Path, capsys: Capture) -> None:
    rows = [{**ROWS[0], "kodepemda": "../..", "kodeskpd": "../../evil"},
            {**ROWS[3], "kodepemda": "..", "kodeskpd": "/evil"},
            {**ROWS[4], "kodepemda": "..", "kodeskpd": "\\evil"}]
    export = write(tmp_path / "in" / "sipd.csv", csv_text(rows))
    out = tmp_path / "in" / "out"
    assert run(capsys, "import", str(export), "--output", str(out))[0] == EXIT_OK
    assert sorted(p.name for p in out.iterdir()) == ["_-evil-2.json", "_-evil-3.json",
                                                     "_-evil.json"]
    assert sorted(p.name for p in (tmp_path / "in").iterdir()) == ["out", "sipd.csv"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in"]


def test_import_of_one_plan_writes_the_file_named(tmp_path: Path, capsys: Capture) -> None:
    export = write(tmp_path / "sipd.csv", csv_text(ROWS[3:4]))
    output = tmp_path / "perdag.json"
    status, stdout, _ = run(capsys, "import", str(export), "--output", str(output))
    assert status == EXIT_OK
    assert stdout.splitlines()[1].startswith(f"{output}: Kabupaten Nusa Indah / Dinas "
                                             "Perdagangan (3201 3.30.0.00.0.00.01.0000): ")
    assert load(output) == read_sipd(export).plans[0].plan
    several = write(tmp_path / "all.csv", csv_text(ROWS))
    assert run(capsys, "import", str(several), "--output", str(output), "--lang", "en") == (
        EXIT_INPUT, "", f"{several} holds 3 plans, one file each: --output names a directory "
        f"to write them into, and {output} is not one\n")


def test_import_strict_and_an_ambiguous_file(tmp_path: Path, capsys: Capture) -> None:
    rows = [{**ROWS[0], "pagu2": "1.005"}, *ROWS[1:]]
    export = write(tmp_path / "sipd.csv", csv_text(rows))
    out = tmp_path / "out"
    assert run(capsys, "import", str(export), "--output", str(out), "--strict") == (
        EXIT_INPUT, "", f"{export}: 1.005 has more than two decimal places (rupiah have 100 "
        "sen) @ 'sipd.csv'!2 pagu2\n")
    assert not out.exists()
    both = write(tmp_path / "both.csv", "kodepemda;kodeskpd;x,kodeprogram,kodekegiatan\n")
    status, _, err = run(capsys, "import", str(both), "--output", str(out))
    assert (status, err.endswith("give the delimiter (--delimiter) @ 'both.csv'!1\n")) == (
        EXIT_INPUT, True)
    with pytest.raises(SystemExit):
        main(["import", str(both), "--output", str(out), "--delimiter", "ab"])
    assert "'ab' is not a delimiter" in capsys.readouterr().err


def test_import_of_sipd_json(tmp_path: Path, capsys: Capture) -> None:
    path = write(tmp_path / "sipd.json", JSON_TEXT)
    out = tmp_path / "out"
    status, stdout, _ = run(capsys, "import", str(path), "--output", str(out))
    assert status == EXIT_OK
    assert stdout.splitlines()[0] == (
        f"{path}: 4 rows, 2 plans; read as SIPD JSON (the rows under \"data\"), UTF-8, numbers "
        "as written")
    assert stdout.splitlines()[1] == (
        f"{out}/3201-1.02.0.00.0.00.01.0000.json: 3201 / 1.02.0.00.0.00.01.0000 (3201 "
        "1.02.0.00.0.00.01.0000): 1 programs, 1 kegiatan, 1 sub kegiatan, 2 indicators from 2 "
        "rows")


def _totals(out: str) -> list[str]:
    return [line for line in out.splitlines() if " findings (" in line]


def test_check_names_each_plan_and_runs_in_processes_alike(export: Path,
                                                           capsys: Capture) -> None:
    status, out, err = run(capsys, "check", str(export), "--lang", "en")
    assert err == ""
    assert _totals(out) == [
        f"{export} [Kabupaten Nusa Indah / Dinas Kesehatan]: 7 findings (0 errors, 3 "
        "warnings, 4 info)",
        f"{export} [Kabupaten Nusa Indah / Dinas Perdagangan]: 2 findings (0 errors, 0 "
        "warnings, 2 info)",
        f"{export} [Kota Bandar / Dinas Kesehatan]: 2 findings (0 errors, 0 warnings, 2 info)",
    ]
    assert all(line.startswith(tuple(f"{export} [" + n.split(" [")[1] for n in NAMES))
               for line in out.splitlines())
    assert run(capsys, "check", str(export), "--lang", "en", "--jobs", "2") == (status, out, "")
    _, data, _ = run(capsys, "check", str(export), "--format", "json")
    assert sorted({f["plan"] for f in json.loads(data)}) == [
        f"{export} [{n.split(' [')[1]}" for n in NAMES]
    first = [(f["rule"], f["code"], f["year"]) for f in json.loads(data)
             if f["plan"].endswith("/ Dinas Kesehatan]") and "Nusa" in f["plan"]]
    assert first == [  # no rule reports the derived parents' missing pagu
        ("RS004", None, None),
        ("RS235", "1.02.02.2.01.0001", None), ("RS235", "1.02.02.2.01.0002", None),
        ("RS235", "1.02.03.2.02.0005", None),
        ("RS301", "1.02.02.2.01.0001", 2029), ("RS301", "1.02.03.2.02.0005", 2025),
        ("RS311", "1.02.02.2.01.0001", 2027)]
    rs004 = [f for f in json.loads(data) if f["rule"] == "RS004"]
    assert [(f["plan"].split(" [")[1], f["table"]) for f in rs004] == [
        (n.split(" [")[1], "sipd.csv") for n in NAMES]


def test_check_reports_the_reading_notes_of_each_plan(tmp_path: Path, capsys: Capture) -> None:
    rows = [{**ROWS[0], "pagu6": "5000000.0"}, *ROWS[1:4], {**ROWS[4], "pagu1": "1.125"},
            ROWS[5]]
    export = write(tmp_path / "sipd.csv", csv_text(rows))
    _, data, _ = run(capsys, "check", str(export), "--format", "json", "--select", "RS001")
    assert [(f["plan"].removeprefix(str(export)), f["rule"], f["table"], f["row"], f["message"])
            for f in json.loads(data)] == [
        (" [Kabupaten Nusa Indah / Dinas Kesehatan]", "RS001", "sipd.csv", "2 pagu6",
         "'sipd.csv'!2 pagu6: the period 20252029 has 5 years, and this column lies beyond "
         "it: its content is not read; content not read: '5000000.0'"),
        (" [Kota Bandar / Dinas Kesehatan]", "RS001", "sipd.csv", "6 pagu1",
         "'sipd.csv'!6 pagu1: 1.125 has more than two decimal places (rupiah have 100 sen); "
         "content not read: '1.125'"),
    ]
    both = write(tmp_path / "both.csv", "kodepemda;kodeskpd;x,kodeprogram,kodekegiatan\n")
    for jobs in ("1", "2"):
        status, out, err = run(capsys, "check", str(both), "--jobs", jobs)
        assert (status, out, err) == (EXIT_INPUT, "", (
            f"{both}: the header of {both} reads as the columns of a SIPD export separated by "
            "',' and by ';': give the delimiter (--delimiter) @ 'both.csv'!1\n"))
    status, out, _ = run(capsys, "check", str(both), "--delimiter", ";")
    assert status == EXIT_INPUT


def test_summary_and_table_of_an_export(export: Path, capsys: Capture) -> None:
    status, out, err = run(capsys, "summary", str(export), "--lang", "en")
    assert (status, err) == (EXIT_OK, "")
    assert [line for line in out.splitlines() if line.startswith(str(export))] == [
        f"{export} [{n.split(' [')[1]}" for n in NAMES]
    status, out, _ = run(capsys, "table", str(export), "TC-27", "--format", "markdown")
    assert status == EXIT_OK
    assert [line for line in out.splitlines() if line.startswith("## ")] == [
        f"## {export} [{n.split(' [')[1]}" for n in NAMES]


def test_a_directory_reads_its_exports_not_its_other_csv_files(
    tmp_path: Path, export: Path, capsys: Capture
) -> None:
    folder = tmp_path / "plans"
    write(folder / "sipd.csv", export.read_text(encoding="utf-8"))
    write(folder / "nomenclature.csv", "kode,level,nomenklatur\n1.02,bidang_urusan,KESEHATAN\n")
    write(folder / "renamed.json", export.read_text(encoding="utf-8"))  # a CSV named .json
    status, out, err = run(capsys, "check", str(folder), "--lang", "en")
    assert (status, err) == (EXIT_OK, "")
    assert [line.split(": ")[0] for line in _totals(out)] == [
        *(f"{folder / 'renamed.json'} [{n.split(' [')[1]}" for n in NAMES),
        *(f"{folder / 'sipd.csv'} [{n.split(' [')[1]}" for n in NAMES)]
    assert input_format(folder / "renamed.json").name == "sipd"
    status, _, err = run(capsys, "check", str(folder / "nomenclature.csv"))
    assert status == EXIT_INPUT
    assert "is not the header of a SIPD export" in err

"""The command line on the files users have: ``renstra check``, ``summary`` and ``table`` on
workbooks, directories of any format and files of several plans, and ``renstra import`` with
its notes and ``--strict``."""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import attrs
import openpyxl
import pytest

from renstra_model import Organisation, Plan, save
from renstra_model.checks import check_many
from renstra_model.checks.batch import Named
from renstra_model.cli import EXIT_FINDINGS, EXIT_INPUT, EXIT_OK, main
from renstra_model.examples import ttu_dinsos
from renstra_model.io.excel import write_workbook
from renstra_model.io.inputs import InputFormat, Loaded, ReadOptions, name_plans, registered

Capture = pytest.CaptureFixture[str]


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """``ttu.xlsx``, the TTU plan's workbook, and ``imported.json``, what ``renstra import``
    makes of it."""
    path = tmp_path_factory.mktemp("ttu")
    write_workbook(ttu_dinsos(), path / "ttu.xlsx")
    assert main(["import", str(path / "ttu.xlsx"), "--output", str(path / "imported.json")]) == 0
    return path


def run(capsys: Capture, *argv: str) -> tuple[int, str, str]:
    status = main(list(argv))
    captured = capsys.readouterr()
    return status, captured.out, captured.err


def findings(capsys: Capture, *argv: str) -> tuple[set[str], list[tuple[Any, ...]]]:
    """The plans named and the findings of ``renstra check --format json``."""
    _, out, _ = run(capsys, "check", *argv, "--format", "json")
    data = json.loads(out)
    return {f["plan"] for f in data}, [
        (f["rule"], f["table"], f["code"], f["year"], f["row"], f["message"]) for f in data]


# -- renstra check on a workbook ---------------------------------------------------------------


def test_check_a_workbook_as_its_plan_file(folder: Path, capsys: Capture) -> None:
    book, imported = folder / "ttu.xlsx", folder / "imported.json"
    status, out, err = run(capsys, "check", str(book))
    assert (status, err) == (EXIT_OK, "")
    _, out_imported, _ = run(capsys, "check", str(imported))
    assert out == out_imported.replace(str(imported), str(book))
    assert out.splitlines()[-1] == f"{book}: 68 findings (0 errors, 47 warnings, 21 info)"
    names, found = findings(capsys, str(book))
    assert names == {str(book)}
    assert found == findings(capsys, str(imported))[1]


def test_check_a_workbook_against_the_shipped_plan(folder: Path, capsys: Capture) -> None:
    """The workbook holds the tables, but the reader reads T-C.27 only, so what the checks
    find on the other tables (T-C.23, T-C.24, T-C.25, 7.1) is not found: what the shipped
    plan reports once for linked indicators (RS202, at the 7.1 row, naming its T-C.23 and
    T-C.27 copies) the workbook reports at each T-C.27 copy, and the end of period that one
    aggregation kind gives (RS236) is found on more than half of the workbook's indicators
    (one diagnosis): these are the differences. The sub kegiatan the shipped plan takes from
    T-C.24 are rows of the workbook's T-C.27, whose indicator and location cells are empty.
    The reading itself adds no finding: every cell of the sheet is read."""
    _, book = findings(capsys, str(folder / "ttu.xlsx"))
    _, shipped = findings(capsys, "ttu-dinsos")
    removed = Counter((f[0], f[1]) for f in shipped if f not in book)
    added = Counter((f[0], f[1]) for f in book if f not in shipped)
    assert removed == {
        ("RS102", "T-C.27"): 1,  # the same TOTAL, its sum written 33801099010.50, not .5
        ("RS131", "T-C.27"): 4,  # names against T-C.24
        ("RS202", "7.1"): 7,  # naming the T-C.23 and T-C.27 copies
        ("RS221", "T-C.27"): 4, ("RS222", "T-C.25"): 2, ("RS222", "T-C.27"): 2,  # against 7.1
        ("RS236", "T-C.27"): 27,  # one by one: 27 of the shipped plan's 68 indicators
        ("RS237", "T-C.23"): 7,  # T-C.23 states its counts without a unit
        ("RS238", "T-C.24"): 1,  # rows of T-C.27 in the workbook
        ("RS301", "T-C.24"): 1,  # the half rupiah of 1 06 01 2.06 04, found on T-C.27
        ("RS331", "T-C.24"): 1,
        ("RS341", "T-C.23"): 1, ("RS341", "T-C.24"): 1,
    }
    assert added == {
        ("RS102", "T-C.27"): 1, ("RS231", "T-C.27"): 13, ("RS235", "T-C.27"): 13,
        ("RS202", "T-C.27"): 6,  # the copies of 7.1 rows 1 to 5 and 7, one by one
        ("RS236", "T-C.27"): 1, ("RS301", "T-C.27"): 1,
    }
    assert [f for f in shipped if f in book] == [f for f in book if f in shipped]
    assert not [f for f in book if f[0].startswith("RS00")]


def test_check_refuses_an_xls_file(tmp_path: Path, capsys: Capture) -> None:
    path = tmp_path / "Renstra 2021.xls"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(200))
    assert run(capsys, "check", str(path)) == (
        EXIT_INPUT, "", f"{path}: an .xls file (the old Excel format): save it as .xlsx @ $\n")
    assert run(capsys, "check", str(path), "--lang", "id") == (
        EXIT_INPUT, "", f"{path}: berkas .xls (format Excel lama): simpan sebagai .xlsx @ $\n")
    binary = tmp_path / "plan.json"
    binary.write_bytes(bytes(range(256)))
    assert run(capsys, "summary", str(binary)) == (
        EXIT_INPUT, "",
        f"{binary}: binary content of none of the formats read (.json, .xlsx, .xlsm, .csv, "
        ".tsv) @ $\n")


def test_check_a_directory_of_plan_files_and_workbooks(folder: Path, tmp_path: Path,
                                                       capsys: Capture) -> None:
    save(ttu_dinsos(), tmp_path / "b.json")
    (tmp_path / "a.xlsx").write_bytes((folder / "ttu.xlsx").read_bytes())
    (tmp_path / "~$a.xlsx").write_bytes(b"lock")
    (tmp_path / "notes.txt").write_text("not a plan", encoding="utf-8")
    status, out, err = run(capsys, "check", str(tmp_path), "--select", "RS301,RS341")
    assert (status, err) == (EXIT_FINDINGS, "")
    _, one, _ = run(capsys, "check", str(tmp_path / "a.xlsx"), "--select", "RS301,RS341")
    _, two, _ = run(capsys, "check", str(tmp_path / "b.json"), "--select", "RS301,RS341")
    assert out == one + two
    assert [line.split(": ")[0] for line in out.splitlines()] == (
        [str(tmp_path / "a.xlsx")] * 2 + [str(tmp_path / "b.json")] * 4)
    assert out.splitlines()[1] == (
        f"{tmp_path / 'a.xlsx'}: 1 findings (0 errors, 1 warnings, 0 info)")


def test_check_in_processes_as_in_one(folder: Path, tmp_path: Path, capsys: Capture) -> None:
    for name in ("a.json", "c.json"):
        save(ttu_dinsos(), tmp_path / name)
    (tmp_path / "b.xlsx").write_bytes((folder / "ttu.xlsx").read_bytes())
    (tmp_path / "d.xlsx").write_bytes(b"not a workbook")
    bad_workbook(tmp_path / "e.xlsx")  # numbered years, no --start-year: refused, cell by cell
    argv = ("check", str(tmp_path), "ttu-dinsos", "--select", "RS2,RS3", "--format", "json")
    one = run(capsys, *argv, "--jobs", "1")
    assert one[0] == EXIT_INPUT
    first, second = one[2].splitlines()
    assert first == (f"{tmp_path / 'd.xlsx'}: {tmp_path / 'd.xlsx'} is not an .xlsx workbook "
                     "(BadZipFile: File is not a zip file) @ $")
    # the reader's own words (its module words them): the place, and that it names the option
    assert second.startswith(f"{tmp_path / 'e.xlsx'}: the header states no years (")
    assert second.endswith("--start-year) @ 'Sheet'!5")
    assert {f["plan"] for f in json.loads(one[1])} == {
        str(tmp_path / "a.json"), str(tmp_path / "b.xlsx"), str(tmp_path / "c.json"),
        "ttu-dinsos"}
    assert run(capsys, *argv, "--jobs", "2") == one
    assert run(capsys, *argv, "--jobs", "3", "--lang", "id") == run(
        capsys, *argv, "--jobs", "1", "--lang", "id")
    given = (*argv, "--start-year", "2022", "--sheet", "T-C.27")
    assert run(capsys, *given, "--jobs", "2") == run(capsys, *given, "--jobs", "1")


# -- check_many on files of several plans -----------------------------------------------------


def _regions(spec: str) -> Plan | list[Named]:
    """A load of check_many: ``both`` is a file of two plans, anything else the TTU plan."""
    plan = ttu_dinsos()
    if spec != "both":
        return plan
    other = attrs.evolve(plan, organisation=Organisation("Dinas Sosial", "Kota Kupang"))
    return [Named("both [TTU]", plan), Named("both [Kupang]", other)]


def test_check_many_checks_each_plan_of_a_file() -> None:
    specs = ["one", "both", "two"]
    results = list(check_many(specs, load=_regions, select=["RS341"]))
    assert [(r.name, [f.rule for f in r.findings]) for r in results] == [
        ("one", ["RS341", "RS341"]), ("both [TTU]", ["RS341", "RS341"]),
        ("both [Kupang]", ["RS341", "RS341"]), ("two", ["RS341", "RS341"])]
    assert list(check_many(specs, load=_regions, select=["RS341"], jobs=2)) == results
    assert list(check_many(["none"], load=lambda spec: [])) == []


# -- summary and table -------------------------------------------------------------------------


SUMMARY = """\
Rencana Strategi Dinas Sosial Kabupaten Timor Tengah Utara Tahun 2021-2026
  Missions              0
  Goals                 0
  Targets               0
  Indicators            36
  Key indicators (7.1)  0
  Programs              7
  Kegiatan              16
  Sub kegiatan          48
Planned budget (Rp, sum of sub kegiatan)
  2022       4,847,753,572
  2023     4,091,594,846.5
  2024       7,564,020,128
  2025       8,064,623,984
  2026       9,233,106,480
  Period  33,801,099,010.5
"""


def test_summary_and_table_of_a_workbook(folder: Path, capsys: Capture) -> None:
    book, imported = str(folder / "ttu.xlsx"), str(folder / "imported.json")
    assert run(capsys, "summary", book, "--lang", "en") == (EXIT_OK, SUMMARY, "")
    assert run(capsys, "summary", book, "--format", "json") == run(
        capsys, "summary", imported, "--format", "json")
    for fmt in ("text", "csv", "markdown"):
        status, out, err = run(capsys, "table", book, "TC-27", "--format", fmt)
        assert (status, out, err) == run(capsys, "table", imported, "TC-27", "--format", fmt)
    assert out.splitlines()[0] == (
        "**T-C.27** Rencana Program, Kegiatan dan Pendanaan Dinas Sosial Kabupaten Timor "
        "Tengah Utara Tahun 2022-2026")


def _two_plans(path: Path, options: ReadOptions) -> list[Loaded]:
    """A file of the fake format ``.two``: the TTU plan, for each line ``agency|region``."""
    return name_plans(path, [_regional(line) for line in path.read_text("utf-8").splitlines()])


def _regional(line: str) -> Plan:
    name, region = line.split("|")
    return attrs.evolve(ttu_dinsos(), organisation=Organisation(name, region))


LINES = ("Dinas Sosial|Kabupaten TTU", "Dinas Sosial|Kota Kupang")


@pytest.fixture
def two(tmp_path: Path) -> Iterator[Path]:
    """A file of two plans, and each of them alone in a plan file (``0.json``, ``1.json``)."""
    path = tmp_path / "sipd.two"
    path.write_text("".join(f"{line}\n" for line in LINES), encoding="utf-8")
    for number, line in enumerate(LINES):
        save(_regional(line), tmp_path / f"{number}.json")
    with registered(InputFormat("two", (".two",), _two_plans)):
        yield path


def _alone(capsys: Capture, two: Path, *argv: str) -> list[str]:
    """The output of ``renstra *argv`` for each plan of *two* alone."""
    return [run(capsys, *argv[:1], str(two.parent / f"{n}.json"), *argv[1:])[1]
            for n in range(len(LINES))]


def test_summary_of_a_file_of_several_plans(two: Path, capsys: Capture) -> None:
    names = [f"{two} [Kabupaten TTU / Dinas Sosial]", f"{two} [Kota Kupang / Dinas Sosial]"]
    first, second = _alone(capsys, two, "summary", "--lang", "en")
    assert run(capsys, "summary", str(two), "--lang", "en") == (
        EXIT_OK, f"{names[0]}\n{first}\n{names[1]}\n{second}\n", "")
    assert first.splitlines()[1] == "  Missions              5"
    first, second = _alone(capsys, two, "summary", "--format", "json")
    status, out, _ = run(capsys, "summary", str(two), "--format", "json")
    assert status == EXIT_OK
    assert json.loads(out) == [{"plan": names[0], **json.loads(first)},
                               {"plan": names[1], **json.loads(second)}]
    assert list(json.loads(out)[0])[:2] == ["plan", "title"]


def test_table_of_a_file_of_several_plans(two: Path, capsys: Capture) -> None:
    names = [f"{two} [Kabupaten TTU / Dinas Sosial]", f"{two} [Kota Kupang / Dinas Sosial]"]
    first, second = _alone(capsys, two, "table", "2.1", "--format", "markdown")
    assert first.splitlines()[0] == (
        "**2.1** Komposisi Pegawai Dinas Sosial Kabupaten TTU Berdasarkan Jenis Kelamin")
    assert run(capsys, "table", str(two), "2.1", "--format", "markdown") == (
        EXIT_OK, f"## {names[0]}\n\n{first}\n## {names[1]}\n\n{second}", "")
    first, second = _alone(capsys, two, "table", "2.1", "--format", "html")
    assert run(capsys, "table", str(two), "2.1", "--format", "html") == (
        EXIT_OK, f"<h2>{names[0]}</h2>\n{first}\n<h2>{names[1]}</h2>\n{second}", "")
    first, second = _alone(capsys, two, "table", "2.1")
    rules = ["=" * len(name) for name in names]
    assert run(capsys, "table", str(two), "2.1") == (
        EXIT_OK, f"{names[0]}\n{rules[0]}\n\n{first}\n{names[1]}\n{rules[1]}\n\n{second}", "")
    assert run(capsys, "table", str(two), "2.1", "--format", "csv", "--lang", "en") == (
        EXIT_INPUT, "", f"{two} holds 2 plans, and --format csv holds one table: use --format "
        "text, markdown or html, or give a file of one plan\n")
    assert run(capsys, "table", str(two), "2.1", "--format", "xlsx", "--output", "x.xlsx",
               "--lang", "id") == (
        EXIT_INPUT, "", f"{two} memuat 2 rencana, sedangkan --format xlsx memuat satu tabel: "
        "gunakan --format text, markdown, atau html, atau berikan berkas berisi satu rencana\n")
    assert run(capsys, "export", str(two), "--format", "xlsx", "--output", "x.xlsx") == (
        EXIT_INPUT, "", f"{two} holds 2 plans: this command takes one @ $\n")


# -- renstra import ----------------------------------------------------------------------------

FLAT_HEADER = ["KODE", "PROGRAM DAN KEGIATAN", "SATUAN", "INDIKATOR", "DATA CAPAIAN AWAL",
               *(f"{kind} TAHUN {i}" for i in range(1, 6) for kind in ("TARGET", "DANA")),
               "LOKASI"]


def bad_workbook(path: Path) -> Path:
    """A flat sheet of one program, kegiatan and sub kegiatan, two of whose cells cannot be
    read (G6, G8)."""
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    for row in [("Renstra", "Renstra Dinas Contoh 2025-2029"), ("Perangkat Daerah", "Dinas Contoh"),
                ("Pemerintah Daerah", "Kabupaten Contoh"), (), FLAT_HEADER,
                ["1.02.02", "PROGRAM PEMENUHAN UPAYA KESEHATAN", None, None, None, None,
                 "12.34.5"],
                ["1.02.02.2.01", "Kegiatan A", "orang", "Jumlah", "10", "5", "1.000.000"],
                ["1.02.02.2.01.0001", "Sub A", "orang", "Jumlah", "10", "5", "#REF!"]]:
        sheet.append(list(row))
    book.save(path)
    return path


def test_import_lists_the_notes_of_the_reading(tmp_path: Path, capsys: Capture) -> None:
    book = bad_workbook(tmp_path / "bad.xlsx")
    output = tmp_path / "plan.json"
    argv = ("import", str(book), "--output", str(output), "--start-year", "2025")
    assert run(capsys, *argv, "--lang", "en") == (
        EXIT_OK,
        f"{output}: 1 programs, 1 kegiatan, 1 sub kegiatan from sheet 'Sheet' (flat layout)\n",
        f"{book}: notes of the reading (2), kept in the plan (renstra check reports them):\n"
        "  'Sheet'!G6 (DANA TAHUN 1): '12.34.5' has misplaced thousands separators (groups "
        "of three digits) (content: '12.34.5')\n"
        "  'Sheet'!G8 (DANA TAHUN 1): the cell holds the spreadsheet error #REF! "
        "(content: '#REF!')\n",
    )
    status, _, err = run(capsys, *argv, "--lang", "id")
    assert (status, err.splitlines()[:2]) == (EXIT_OK, [
        f"{book}: catatan pembacaan (2), disimpan dalam rencana (dilaporkan oleh renstra check):",
        "  'Sheet'!G6 (DANA TAHUN 1): '12.34.5' memiliki pemisah ribuan yang salah letak "
        "(kelompok tiga angka) (isi: '12.34.5')"])
    plan = json.loads(output.read_text(encoding="utf-8"))
    assert [(n["row"], n["column"]) for n in plan["reading"]] == [(6, "G"), (8, "G")]
    _, found = findings(capsys, str(output))
    assert [(f[0], f[1], f[4]) for f in found if f[0].startswith("RS00")] == [
        ("RS001", "Sheet", "G6"), ("RS001", "Sheet", "G8")]
    assert findings(capsys, str(book), "--start-year", "2025")[1] == found
    status, _, err = run(capsys, "summary", str(book), "--start-year", "2025", "--lang", "en")
    assert (status, err) == (EXIT_OK, f"{book}: the plan keeps notes of its reading (2: cells "
                             "not read, or read with a remark): renstra check lists them\n")


def test_import_strict_refuses_a_cell_it_cannot_read(tmp_path: Path, capsys: Capture) -> None:
    book = bad_workbook(tmp_path / "bad.xlsx")
    output = tmp_path / "plan.json"
    assert run(capsys, "import", str(book), "--output", str(output), "--start-year", "2025",
               "--strict", "--lang", "en") == (
        EXIT_INPUT, "",
        f"{book}: 2 problems found:\n"
        "  '12.34.5' has misplaced thousands separators (groups of three digits) @ "
        "'Sheet'!G6 (DANA TAHUN 1)\n"
        "  the cell holds the spreadsheet error #REF! @ 'Sheet'!G8 (DANA TAHUN 1)\n")
    assert not output.exists()
    with pytest.raises(SystemExit):  # --partial is gone: what it did is the default
        main(["import", str(book), "--output", str(output), "--partial"])
    capsys.readouterr()


def test_import_names_what_is_not_a_workbook(tmp_path: Path, capsys: Capture) -> None:
    output = tmp_path / "plan.json"
    xls = tmp_path / "rencana.xls"
    xls.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1")
    assert run(capsys, "import", str(xls), "--output", str(output), "--lang", "id") == (
        EXIT_INPUT, "", f"{xls}: berkas .xls (format Excel lama): simpan sebagai .xlsx @ $\n")
    plan_file = tmp_path / "ttu.json"  # a plan file is one already: the reader says so
    save(ttu_dinsos(), plan_file)
    assert run(capsys, "import", str(plan_file), "--output", str(output), "--lang", "en") == (
        EXIT_INPUT, "", f"{plan_file}: {plan_file} is not an .xlsx workbook (BadZipFile: File "
        "is not a zip file) @ $\n")
    assert not output.exists()


def test_the_reading_options_are_the_same_everywhere() -> None:
    import argparse

    from renstra_model.cli import build_parser

    parser = build_parser()
    sub = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    reading = ["--start-year", "--sheet", "--title", "--organisation", "--region",
               "--number-style", "--nomenclature", "--delimiter", "--encoding"]
    for name in ("check", "summary", "table", "import"):
        group = next(g for g in sub.choices[name]._action_groups if g.title == "reading")
        assert [a.option_strings[0] for a in group._group_actions] == reading, name
    options = {a.option_strings[0] for a in sub.choices["import"]._actions if a.option_strings}
    assert "--strict" in options
    assert "--partial" not in options

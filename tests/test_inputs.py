"""Reading whatever the user has (``renstra_model.io.inputs``): dispatch by suffix and by
content, the messages of the types no format reads, directories, the registry of formats and
the names of the plans of a file holding several."""

from __future__ import annotations

import os
import pickle
import zipfile
from collections.abc import Iterator, Sequence
from pathlib import Path

import pytest

from renstra_model import Organisation, Period, Plan, save
from renstra_model.errors import PlanFileError, RenstraError
from renstra_model.examples import ttu_dinsos
from renstra_model.io import inputs
from renstra_model.io.excel import write_workbook
from renstra_model.io.inputs import (
    InputFormat,
    Loaded,
    ReadOptions,
    UnsupportedFormatError,
    expand,
    input_format,
    name_plans,
    read_plans,
    registered,
)
from renstra_model.io.nomenclature import load_nomenclature
from renstra_model.model.codes import Level

NOMENCLATURE = Path(__file__).parent / "data" / "nomenclature-small.csv"
FORMATS = ".json, .xlsx, .xlsm, .csv, .tsv"


@pytest.fixture(scope="module")
def workbook(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("book") / "ttu.xlsx"
    write_workbook(ttu_dinsos(), path)
    return path


def _plan(title: str | None, name: str | None, region: str | None) -> Plan:
    return Plan(title=title, organisation=Organisation(name, region),
                period=Period(2024, 2025, 2029))


# -- dispatch ----------------------------------------------------------------------------------


def test_the_suffix_chooses_the_format(tmp_path: Path, workbook: Path) -> None:
    plan_file = tmp_path / "plan.json"
    save(ttu_dinsos(), plan_file)
    upper = tmp_path / "TTU.XLSX"
    upper.write_bytes(workbook.read_bytes())
    assert [input_format(p).name for p in (plan_file, workbook, upper)] == [
        "plan", "workbook", "workbook"]
    assert [f.name for f in inputs.formats()] == ["plan", "workbook", "sipd"]
    assert inputs.suffixes() == (".json", ".xlsx", ".xlsm", ".csv", ".tsv")
    (loaded,) = read_plans(plan_file)
    assert loaded == Loaded(str(plan_file), ttu_dinsos())
    (book,) = read_plans(str(upper))
    assert book.name == str(upper)
    assert len(book.plan.activities_at(Level.SUB_KEGIATAN)) == 48


def test_the_content_chooses_where_the_suffix_lies(tmp_path: Path, workbook: Path) -> None:
    book_named_json = tmp_path / "rencana.json"
    book_named_json.write_bytes(workbook.read_bytes())
    plan_named_xlsx = tmp_path / "rencana.xlsx"
    save(ttu_dinsos(), plan_named_xlsx)
    assert input_format(book_named_json).name == "workbook"
    assert input_format(plan_named_xlsx).name == "plan"
    (book,) = read_plans(book_named_json)
    assert (book.name, len(book.plan.activities_at(Level.SUB_KEGIATAN))) == (
        str(book_named_json), 48)
    assert read_plans(plan_named_xlsx) == [Loaded(str(plan_named_xlsx), ttu_dinsos())]
    text = tmp_path / "broken.json"  # text of no format: its reader says what is wrong
    text.write_text("nothing here", encoding="utf-8")
    with pytest.raises(PlanFileError) as raised:
        read_plans(text)
    assert type(raised.value) is PlanFileError
    assert raised.value.problems[0].key == "json.syntax"


def test_the_options_reach_the_reader(workbook: Path) -> None:
    nomenclature = load_nomenclature(NOMENCLATURE)
    options = ReadOptions(title="Renstra Dinsos", organisation="Dinas", region="Kota",
                          nomenclature=nomenclature, style="id", sheet="T-C.27")
    (loaded,) = read_plans(workbook, options)
    plan = loaded.plan
    assert (plan.title, plan.organisation.name, plan.organisation.region) == (
        "Renstra Dinsos", "Dinas", "Kota")
    with pytest.raises(RenstraError, match="no sheet named 'nothing'"):
        read_plans(workbook, ReadOptions(sheet="nothing"))


UNSUPPORTED = [
    ("rencana.xls", "an .xls file (the old Excel format): save it as .xlsx",
     "berkas .xls (format Excel lama): simpan sebagai .xlsx"),
    ("rencana.xlsb", "an .xlsb file (the binary Excel format): save it as .xlsx",
     "berkas .xlsb (format Excel biner): simpan sebagai .xlsx"),
    ("rencana.ods", "an .ods file (an OpenDocument spreadsheet): save it as .xlsx",
     "berkas .ods (lembar kerja OpenDocument): simpan sebagai .xlsx"),
    ("rencana.numbers", "a .numbers file (an Apple Numbers spreadsheet): export it as .xlsx",
     "berkas .numbers (lembar kerja Apple Numbers): ekspor sebagai .xlsx"),
    ("Renstra.PDF", "a PDF document: a plan is read from its workbook (.xlsx) or its plan "
     "file (.json), not from the printed document",
     "dokumen PDF: rencana dibaca dari buku kerjanya (.xlsx) atau berkas rencananya (.json), "
     "bukan dari dokumen cetaknya"),
    ("Renstra.docx", "a Word document: a plan is read from its workbook (.xlsx) or its plan "
     "file (.json), not from the document's text",
     "dokumen Word: rencana dibaca dari buku kerjanya (.xlsx) atau berkas rencananya (.json), "
     "bukan dari teks dokumennya"),
    ("notes.txt", f"files ending .txt are not read (the formats read: {FORMATS})",
     f"berkas berakhiran .txt tidak dibaca (format yang dibaca: {FORMATS})"),
    ("README", f"the name states no file type (the formats read: {FORMATS})",
     f"nama berkas tidak menyebut jenisnya (format yang dibaca: {FORMATS})"),
]


@pytest.mark.parametrize(("name", "en", "id_"), UNSUPPORTED)
def test_a_type_no_format_reads_is_named(tmp_path: Path, name: str, en: str, id_: str) -> None:
    path = tmp_path / name
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1\x00\x00binary")
    with pytest.raises(UnsupportedFormatError) as raised:
        read_plans(path)
    assert raised.value.describe("en") == f"{path}: {en} @ $"
    assert raised.value.describe("id") == f"{path}: {id_} @ $"
    assert str(raised.value) == f"{path}: {en} @ $"
    assert not any(p.key == "file.encoding" for p in raised.value.problems)


CONTENT = [
    (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", "rencana.json",
     "a PDF document: a plan is read from its workbook (.xlsx) or its plan file (.json), not "
     "from the printed document"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(100), "rencana.xlsx",
     "a file of the old Office formats (.xls, .doc), whatever its name says: open it and save "
     "it as .xlsx"),
    (bytes(range(256)), "rencana.json", f"binary content of none of the formats read ({FORMATS})"),
]


@pytest.mark.parametrize(("content", "name", "en"), CONTENT)
def test_content_no_format_reads_is_named(
    tmp_path: Path, content: bytes, name: str, en: str
) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(UnsupportedFormatError) as raised:
        read_plans(path)
    assert raised.value.describe("en") == f"{path}: {en} @ $"


def test_an_opendocument_spreadsheet_named_json(tmp_path: Path) -> None:
    path = tmp_path / "rencana.json"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
        archive.writestr("content.xml", "<office:document-content/>")
    with pytest.raises(UnsupportedFormatError) as raised:
        read_plans(path)
    assert raised.value.describe("id") == (
        f"{path}: berkas .ods (lembar kerja OpenDocument): simpan sebagai .xlsx @ $")


def test_utf16_text_is_no_binary(tmp_path: Path) -> None:
    path = tmp_path / "plan.json"
    path.write_bytes("{}".encode("utf-16"))
    with pytest.raises(PlanFileError) as raised:
        read_plans(path)
    assert raised.value.problems[0].key == "file.encoding"


def test_a_directory_and_a_missing_file(tmp_path: Path) -> None:
    with pytest.raises(UnsupportedFormatError) as raised:
        read_plans(tmp_path)
    assert raised.value.describe("en") == (
        f"{tmp_path}: a directory: give one of its files (renstra check reads a whole "
        "directory) @ $")
    missing = tmp_path / "none.json"
    with pytest.raises(PlanFileError) as missed:
        read_plans(missing)
    assert missed.value.describe("en") == f"{missing}: no such file: {missing} @ $"


# -- directories -------------------------------------------------------------------------------


def test_a_directory_expands_to_the_files_a_format_reads(tmp_path: Path) -> None:
    for name in ("b.json", "a.xlsx", "~$a.xlsx", ".hidden.json", "notes.txt", "old.xls",
                 "C.XLSM", "sub/d.json", "sub/deeper/e.xlsx", "sub/.cache/f.json",
                 ".git/g.json", "a/z.json"):
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(b"{}")
    (tmp_path / "folder.json").mkdir()
    expanded = expand([str(tmp_path), "ttu-dinsos", str(tmp_path / "old.xls")])
    assert [os.path.relpath(p, tmp_path) for p in expanded[:-2]] == [
        "C.XLSM", "a/z.json", "a.xlsx", "b.json", "sub/d.json", "sub/deeper/e.xlsx"]
    assert expanded[-2:] == ["ttu-dinsos", str(tmp_path / "old.xls")]
    assert expand([]) == []
    assert expand([Path("no-such-dir")]) == ["no-such-dir"]


# -- the registry and the plans of one file ----------------------------------------------------


def _two_plans(path: Path, options: ReadOptions) -> list[Loaded]:
    """A file of the fake format ``.two``: one plan a line, ``title|agency|region``."""
    plans = []
    for line in path.read_text(encoding="utf-8").splitlines():
        title, name, region = (part or None for part in line.split("|"))
        plans.append(_plan(title if options.title is None else options.title, name, region))
    return name_plans(path, plans)


@pytest.fixture
def two() -> Iterator[InputFormat]:
    with registered(InputFormat("two", (".TWO",), _two_plans)) as fmt:
        yield fmt
    assert "two" not in [f.name for f in inputs.formats()]


def test_a_format_plugs_in_and_names_the_plans_of_one_file(
    tmp_path: Path, two: InputFormat
) -> None:
    assert two.suffixes == (".two",)
    path = tmp_path / "sipd.two"
    path.write_text("Renstra A|Dinas Sosial|Kabupaten A\n"
                    "Renstra B|Dinas Kesehatan|\n"
                    "Renstra C||Kota C\n"
                    "Renstra D||\n"
                    "||\n"
                    "Renstra E|Dinas Sosial|Kabupaten A\n"
                    "Renstra F|Dinas Sosial|Kabupaten A\n", encoding="utf-8")
    assert input_format(path) is two
    loaded = read_plans(path)
    assert [item.name for item in loaded] == [
        f"{path} [Kabupaten A / Dinas Sosial #1]",
        f"{path} [Dinas Kesehatan]",
        f"{path} [Kota C]",
        f"{path} [Renstra D]",
        f"{path} [#5]",
        f"{path} [Kabupaten A / Dinas Sosial #6]",
        f"{path} [Kabupaten A / Dinas Sosial #7]",
    ]
    assert [item.plan.title for item in loaded] == [
        "Renstra A", "Renstra B", "Renstra C", "Renstra D", None, "Renstra E", "Renstra F"]
    assert expand([tmp_path]) == [str(path)]
    assert {item.plan.title for item in read_plans(path, ReadOptions(title="T"))} == {"T"}
    one = tmp_path / "one.two"
    one.write_text("Renstra A|Dinas Sosial|Kabupaten A\n", encoding="utf-8")
    assert [item.name for item in read_plans(one)] == [str(one)]
    empty = tmp_path / "empty.two"
    empty.write_text("", encoding="utf-8")
    with pytest.raises(PlanFileError) as raised:
        read_plans(empty)
    assert raised.value.describe("id") == f"{empty}: berkas tidak memuat rencana @ $"


def test_names_that_collide_are_made_unique(tmp_path: Path, two: InputFormat) -> None:
    # A label that happens to read like a numbered one, and a reader naming plans alike.
    plans = [_plan("X #2", None, None), _plan("X", None, None), _plan("X", None, None)]
    assert [item.name for item in name_plans("f.two", plans)] == [
        "f.two [X #2]", "f.two [X #2 #2]", "f.two [X #3]"]

    def same_names(path: Path, options: ReadOptions) -> Sequence[Loaded]:
        return [Loaded("same", ttu_dinsos()), Loaded("same", ttu_dinsos()),
                Loaded(f"{path} [x]", ttu_dinsos()), Loaded(f"{path} [x]", ttu_dinsos())]

    with registered(InputFormat("same", (".same",), same_names)):
        path = tmp_path / "f.same"
        path.write_text("", encoding="utf-8")
        assert [item.name for item in read_plans(path)] == [
            "same #1", "same #2", f"{path} [x #3]", f"{path} [x #4]"]


def test_the_registry_refuses_what_is_taken(two: InputFormat) -> None:
    with pytest.raises(ValueError, match="named 'two' is registered already"):
        inputs.register(InputFormat("two", (".other",), _two_plans))
    with pytest.raises(ValueError, match=r"\.json is read by the input format 'plan' already"):
        inputs.register(InputFormat("json2", (".JSON",), _two_plans))
    with pytest.raises(ValueError, match="a suffix starts with a dot"):
        InputFormat("bad", ("csv",), _two_plans)
    with pytest.raises(KeyError):
        inputs.unregister("no-such-format")
    assert inputs.unregister("two") is two
    inputs.register(two)  # back, for the fixture to remove


def test_csv_is_read_by_the_sipd_format(tmp_path: Path) -> None:
    path = tmp_path / "sipd.csv"
    path.write_text("a|b|c\n", encoding="utf-8")
    assert input_format(path).name == "sipd"
    with pytest.raises(ValueError, match=r"\.csv is read by the input format 'sipd' already"):
        inputs.register(InputFormat("csv", (".csv",), _two_plans))
    with pytest.raises(RenstraError, match="is not the header of a SIPD export"):
        read_plans(path)


def test_read_options_and_loaded_plans_pickle() -> None:
    options = ReadOptions(start_year=2025, sheet="T-C.27", title="T", organisation="Dinas",
                          region="Kota", style="en", strict=True,
                          nomenclature=load_nomenclature(NOMENCLATURE))
    assert pickle.loads(pickle.dumps(options)) == options
    loaded = Loaded("a.json", ttu_dinsos())
    assert pickle.loads(pickle.dumps(loaded)) == loaded
    with pytest.raises(AttributeError):
        options.strict = False  # type: ignore[misc]


def test_the_names_are_the_io_packages() -> None:
    import renstra_model.io as io

    assert io.read_plans is read_plans
    assert io.ReadOptions is ReadOptions
    assert io.expand is expand
    assert {"read_plans", "ReadOptions", "Loaded", "InputFormat", "registered"} <= set(
        io.__all__)

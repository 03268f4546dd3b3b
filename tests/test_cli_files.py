"""Files as the library and the command line write and scan them: every writer returns the path
it wrote, ``renstra export DIR`` says every entry its scan skips, and the settings file takes
every format ``renstra check`` prints."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest

from renstra_model import load, save
from renstra_model.checks.config import FORMATS, ConfigError, load_settings
from renstra_model.cli import EXIT_FINDINGS, EXIT_INPUT, EXIT_OK, main
from renstra_model.examples import ttu_dinsos
from renstra_model.files import write_text_atomic
from renstra_model.io.excel import write_workbook
from renstra_model.tables import build
from renstra_model.tables.xlsx import write_document, write_xlsx

VALID = Path(__file__).parent / "hostile" / "valid.json"


# -- writers return the path they wrote --------------------------------------------------------


@pytest.mark.parametrize("as_text", [False, True], ids=["Path", "str"])
def test_every_writer_returns_the_path_it_wrote(tmp_path: Path, as_text: bool) -> None:
    plan = ttu_dinsos()
    table = build(plan, "T-C.24")

    def where(name: str) -> Path | str:
        return str(tmp_path / name) if as_text else tmp_path / name

    written = {
        "text": write_text_atomic(where("a.txt"), "x\n"),
        "plan": save(plan, where("plan.json")),
        "workbook": write_workbook(plan, where("plan.xlsx")),
        "xlsx": write_xlsx(table, where("table.xlsx")),
        "document": write_document([table], where("document.xlsx")),
    }
    assert written == {
        "text": tmp_path / "a.txt",
        "plan": tmp_path / "plan.json",
        "workbook": tmp_path / "plan.xlsx",
        "xlsx": tmp_path / "table.xlsx",
        "document": tmp_path / "document.xlsx",
    }
    assert all(type(path) is type(tmp_path) for path in written.values())
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(p.name for p in written.values())
    assert load(written["plan"]) == plan
    assert written["text"].read_text(encoding="utf-8") == "x\n"


# -- renstra export DIR says what its scan skips -----------------------------------------------


def _folder(top: Path) -> Path:
    """*top* holding one plan, a dangling link and a directory named like a plan file."""
    top.mkdir()
    shutil.copy(VALID, top / "a.json")
    os.symlink(top / "nowhere.json", top / "gone.json")
    (top / "sub.json").mkdir()
    (top / "notes.txt").write_text("not a plan\n", encoding="utf-8")  # skipped deliberately
    return top


@pytest.mark.parametrize("lang", ["en", "id"])
def test_export_of_a_directory_says_every_entry_it_skips(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], lang: str
) -> None:
    top = _folder(tmp_path / "plans")
    out = tmp_path / "out.xlsx"
    assert main(["export", str(top), "--format", "xlsx", "--output", str(out),
                 "--lang", lang]) == EXIT_OK
    captured = capsys.readouterr()
    expected = {
        "en": [f"{top}/gone.json: skipped: a link to nothing ({top}/nowhere.json)",
               f"{top}/sub.json: skipped: a directory, though named like a .json file: the "
               "files in it are read"],
        "id": [f"{top}/gone.json: dilewati: tautan ke sesuatu yang tidak ada "
               f"({top}/nowhere.json)",
               f"{top}/sub.json: dilewati: sebuah direktori, walau bernama seperti berkas .json: "
               "berkas di dalamnya yang dibaca"],
    }[lang]
    assert (captured.out, captured.err.splitlines()) == ("", expected)
    assert out.is_file()


def test_export_parquet_of_a_directory_reads_the_plans_and_says_the_skips(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    pq = pytest.importorskip("pyarrow.parquet")
    top = _folder(tmp_path / "plans")
    shutil.copy(VALID, top / "sub.json" / "b.json")
    out = tmp_path / "pq"
    assert main(["export", str(top), "ttu-dinsos", "--format", "parquet",
                 "--output", str(out)]) == EXIT_OK
    err = capsys.readouterr().err.splitlines()
    assert [line.split(": ")[0] for line in err] == [f"{top}/gone.json", f"{top}/sub.json"]
    names = pq.read_table(out / "plans.parquet").column("plan").to_pylist()
    assert names == [f"{top}/a.json", f"{top}/sub.json/b.json", "ttu-dinsos"]


def test_export_of_a_missing_plan_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["export", "no-such-plan", "--format", "xlsx",
                 "--output", str(tmp_path / "x.xlsx")]) == EXIT_INPUT
    assert "no-such-plan" in capsys.readouterr().err
    assert not (tmp_path / "x.xlsx").exists()


# -- the settings file takes the formats renstra check takes -----------------------------------


def test_the_formats_of_the_settings_are_those_of_the_command(tmp_path: Path) -> None:
    from renstra_model.cli.main import build_parser

    parser = build_parser()
    sub = next(a for a in parser._actions if a.dest == "command")
    check = sub.choices["check"]  # type: ignore[index]
    fmt = next(a for a in check._actions if a.dest == "format")
    assert tuple(fmt.choices) == FORMATS
    assert {"text", "json", "sarif"} <= set(FORMATS)
    for name in FORMATS:
        (tmp_path / "renstra.toml").write_text(f'format = "{name}"\n', encoding="utf-8")
        assert load_settings(folder=tmp_path).format == name


def test_a_settings_file_with_format_sarif_prints_sarif(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "renstra.toml").write_text('format = "sarif"\nselect = ["RS301"]\n',
                                           encoding="utf-8")
    assert main(["check", "ttu-dinsos", "--fail-on", "info"]) == EXIT_FINDINGS
    log = json.loads(capsys.readouterr().out)
    assert log["version"] == "2.1.0"
    results = log["runs"][0]["results"]
    assert [r["ruleId"] for r in results] == ["RS301"]
    assert main(["check", "ttu-dinsos", "--format", "text", "--lang", "en"]) == EXIT_OK
    assert capsys.readouterr().out.splitlines() == [  # the flag wins over the file
        "ttu-dinsos: T-C.24 1.06.01.2.06.0004 2023: RS301 [warning whole-rupiah] 67668207.5 is "
        "not a whole rupiah amount",
        "ttu-dinsos: 1 findings (0 errors, 1 warnings, 0 info)",
    ]


def test_a_settings_file_with_an_unknown_format_names_the_formats(tmp_path: Path) -> None:
    (tmp_path / "renstra.toml").write_text('format = "xml"\n', encoding="utf-8")
    with pytest.raises(ConfigError) as caught:
        load_settings(folder=tmp_path)
    assert str(caught.value) == (
        f"{tmp_path / 'renstra.toml'}: 'format' must be one of {', '.join(FORMATS)}")

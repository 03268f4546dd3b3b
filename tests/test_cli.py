"""The ``renstra`` command line: ``summary`` on the shipped plan, files and bad input."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

from renstra_model.cli import EXIT_FINDINGS, EXIT_INPUT, EXIT_OK, main


def test_summary_json_of_the_shipped_plan(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["summary", "ttu-dinsos", "--format", "json"]) == EXIT_OK
    data = json.loads(capsys.readouterr().out)
    assert (data["programs"], data["kegiatan"], data["sub_kegiatan"]) == (7, 16, 48)
    assert data["budget_by_year"] == {
        "2022": "4847753572",
        "2023": "4091594846.5",
        "2024": "7564020128",
        "2025": "8064623984",
        "2026": "9233106480",
    }
    assert data["budget_total"] == "33801099010.5"


def test_summary_text_in_both_languages(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["summary", "ttu-dinsos", "--lang", "id"]) == EXIT_OK
    out = capsys.readouterr().out
    assert "Sub kegiatan" in out
    assert "4.091.594.846,5" in out
    assert "33.801.099.010,5" in out
    assert main(["summary", "ttu-dinsos", "--lang", "en"]) == EXIT_OK
    assert "4,091,594,846.5" in capsys.readouterr().out


def test_summary_of_a_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from renstra_model import save
    from renstra_model.examples import ttu_dinsos

    path = tmp_path / "plan.json"
    save(ttu_dinsos(), path)
    assert main(["summary", str(path), "--format", "json"]) == EXIT_OK
    assert json.loads(capsys.readouterr().out)["sub_kegiatan"] == 48


def test_bad_input_exits_2_with_the_path(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "bad.json"
    path.write_text('{"format_version": 1, "title": 5}', encoding="utf-8")
    assert main(["summary", str(path)]) == EXIT_INPUT
    err = capsys.readouterr().err
    assert "@ title" in err
    assert "bad.json" in err


def test_unknown_plan_exits_2(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["summary", "no-such-plan", "--lang", "id"]) == EXIT_INPUT
    assert "bukan berkas maupun contoh bawaan" in capsys.readouterr().err


# -- renstra check -----------------------------------------------------------------------------

NOMENCLATURE = Path(__file__).parent / "data" / "nomenclature-small.csv"


def test_check_the_shipped_plan_fails_on_its_errors(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", "ttu-dinsos"]) == EXIT_FINDINGS
    out = capsys.readouterr().out.splitlines()
    assert all(line.startswith("ttu-dinsos: ") for line in out)
    assert any("RS341 [error future-realisation]" in line for line in out)
    assert "findings (2 errors" in out[-1]


def test_check_json_and_threshold(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", "ttu-dinsos", "--format", "json", "--select", "RS3",
                 "--ignore", "RS34", "--fail-on", "error"]) == EXIT_OK
    findings = json.loads(capsys.readouterr().out)
    assert findings
    for finding in findings:
        assert {"rule", "family", "severity", "table", "code", "year", "message"} <= set(finding)
        assert finding["rule"].startswith("RS3")
        assert not finding["rule"].startswith("RS34")
        assert finding["code"] is None or "." in finding["code"]
        assert finding["year"] is None or isinstance(finding["year"], int)
    assert main(["check", "ttu-dinsos", "--select", "RS301", "--fail-on", "warning"]) == (
        EXIT_FINDINGS
    )


def test_check_in_indonesian(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", "ttu-dinsos", "--select", "RS301", "--lang", "id"]) == EXIT_OK
    out = capsys.readouterr().out
    assert "bukan jumlah rupiah utuh" in out
    assert "[peringatan whole-rupiah]" in out


def test_check_a_directory_of_plans_and_a_bad_one(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from renstra_model import save
    from renstra_model.examples import ttu_dinsos

    save(ttu_dinsos(), tmp_path / "a.json")
    save(ttu_dinsos(), tmp_path / "b.json")
    assert main(["check", str(tmp_path), "--select", "RS341", "--progress"]) == EXIT_FINDINGS
    captured = capsys.readouterr()
    assert captured.out.count("RS341") == 4
    assert "2/2" in captured.err  # the progress bar
    (tmp_path / "c.json").write_text("{", encoding="utf-8")
    assert main(["check", str(tmp_path), "--select", "RS341"]) == EXIT_INPUT
    captured = capsys.readouterr()
    assert "c.json" in captured.err
    assert captured.out.count("RS341") == 4  # the good plans are still checked


def test_check_with_a_nomenclature(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    assert main(["check", "ttu-dinsos", "--select", "RS122",
                 "--nomenclature", str(NOMENCLATURE)]) == EXIT_OK
    assert "Fasilitasi Pemberdayaan Sosial KAT" in capsys.readouterr().out
    bad = tmp_path / "nomenclature.csv"
    bad.write_text("nothing,here\n", encoding="utf-8")
    assert main(["check", "ttu-dinsos", "--nomenclature", str(bad)]) == EXIT_INPUT


def test_check_reads_settings_from_renstra_toml_and_pyproject(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "pyproject.toml").write_text(
        '[tool.renstra]\nselect = ["RS301"]\nfail-on = "warning"\nlang = "id"\n',
        encoding="utf-8",
    )
    assert main(["check", "ttu-dinsos"]) == EXIT_FINDINGS
    out = capsys.readouterr().out
    assert "bukan jumlah rupiah utuh" in out
    assert "RS341" not in out
    (tmp_path / "renstra.toml").write_text('select = ["RS331"]\n', encoding="utf-8")
    assert main(["check", "ttu-dinsos"]) == EXIT_OK  # renstra.toml wins; fail-on error
    assert "RS331" in capsys.readouterr().out
    assert main(["check", "ttu-dinsos", "--select", "RS341"]) == EXIT_FINDINGS  # flags win
    (tmp_path / "renstra.toml").write_text('colour = "red"\n', encoding="utf-8")
    assert main(["check", "ttu-dinsos"]) == EXIT_INPUT
    assert "colour" in capsys.readouterr().err


def _flooded(tmp_path: Path) -> Path:
    """A plan file whose 12 sub kegiatan state no location."""
    from renstra_model import Activity, Code, Level, Organisation, Period, Plan, save

    subs = [Activity(Code.parse(f"1.02.02.2.01.{n:04d}"), Level.SUB_KEGIATAN, f"Sub {n}")
            for n in range(1, 13)]
    kegiatan = Activity(Code.parse("1.02.02.2.01"), Level.KEGIATAN, "Kegiatan", children=subs)
    program = Activity(Code.parse("1.02.02"), Level.PROGRAM, "Program", children=[kegiatan])
    plan = Plan(title="Renstra", organisation=Organisation("Dinas Kesehatan", "Kabupaten Contoh"),
                period=Period(2024, 2025, 2029), programs=[program])
    save(plan, tmp_path / "flooded.json")
    return tmp_path / "flooded.json"


def test_check_reports_a_flood_once_and_expand_lists_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _flooded(tmp_path)
    monkeypatch.chdir(tmp_path)
    assert main(["check", str(path), "--select", "RS235"]) == EXIT_OK
    assert capsys.readouterr().out.splitlines() == [
        f"{path}: T-C.27: RS235 [info missing-value] RS235 on 12 of 12 sub kegiatan: sub "
        "kegiatan without a location (e.g. 1.02.02.2.01.0001, 1.02.02.2.01.0002, "
        "1.02.02.2.01.0003, …; the first: sub kegiatan 1.02.02.2.01.0001 states no location); "
        "--expand lists each",
        f"{path}: 1 findings (0 errors, 0 warnings, 1 info)",
    ]
    assert main(["check", str(path), "--select", "RS235", "--fail-on", "info"]) == EXIT_FINDINGS
    capsys.readouterr()
    assert main(["check", str(path), "--select", "RS235", "--expand"]) == EXIT_OK
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == (f"{path}: T-C.27 1.02.02.2.01.0001: RS235 [info missing-value] sub "
                        "kegiatan 1.02.02.2.01.0001 states no location")
    assert lines[-1] == f"{path}: 12 findings (0 errors, 0 warnings, 12 info)"
    assert main(["check", str(path), "--select", "RS235", "--format", "json"]) == EXIT_OK
    (flood,) = json.loads(capsys.readouterr().out)
    assert (flood["plan"], flood["rule"], flood["code"], flood["values"]["count"]) == (
        str(path), "RS235", None, 12)
    assert [m["code"] for m in flood["members"]] == [
        f"1.02.02.2.01.{n:04d}" for n in range(1, 13)]
    assert main(["check", str(path), "--select", "RS235", "--format", "json",
                 "--expand", "--jobs", "2"]) == EXIT_OK
    each = json.loads(capsys.readouterr().out)
    assert [f["code"] for f in each] == [m["code"] for m in flood["members"]]
    assert not [f for f in each if "members" in f]
    (tmp_path / "renstra.toml").write_text("expand = true\n", encoding="utf-8")
    assert main(["check", str(path), "--select", "RS235"]) == EXIT_OK
    assert capsys.readouterr().out.splitlines()[-1].endswith(": 12 findings (0 errors, "
                                                             "0 warnings, 12 info)")
    (tmp_path / "renstra.toml").write_text('expand = "yes"\n', encoding="utf-8")
    assert main(["check", str(path)]) == EXIT_INPUT
    assert "'expand' must be true or false" in capsys.readouterr().err


def test_check_refuses_an_unknown_rule(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", "ttu-dinsos", "--select", "RS999"]) == EXIT_INPUT
    assert "RS999" in capsys.readouterr().err


# -- renstra rules -----------------------------------------------------------------------------


def test_rules_lists_and_explains(capsys: pytest.CaptureFixture[str]) -> None:
    from renstra_model.checks import RULES

    assert main(["rules"]) == EXIT_OK
    listing = capsys.readouterr().out.splitlines()
    assert [line.split()[0] for line in listing] == sorted(RULES)
    assert main(["rules", "rs202", "--lang", "id"]) == EXIT_OK
    text = capsys.readouterr().out
    assert text.startswith("RS202 Persentase bergeser satu tahun")
    assert "Contoh:" in text
    assert main(["rules", "RS121", "--format", "json"]) == EXIT_OK
    data = json.loads(capsys.readouterr().out)
    assert data["needs_nomenclature"] is True
    assert main(["rules", "RS999"]) == EXIT_INPUT


# -- the command line's parts ------------------------------------------------------------------


def test_every_subcommand_goes_through_the_one_error_path() -> None:
    import argparse

    from renstra_model.cli import build_parser
    from renstra_model.cli.common import command

    parser = build_parser()
    sub = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    assert list(sub.choices) == [
        "check", "rules", "summary", "table", "evaluate", "renja", "diff", "import", "export",
        "generate", "schema",
    ]
    wrapped = command(lambda args: EXIT_OK).__code__
    for name, subparser in sub.choices.items():
        handler = subparser.get_default("handler")
        assert handler.__code__ is wrapped, name
        module = "import_" if name == "import" else name
        assert handler.__wrapped__.__module__ == f"renstra_model.cli.{module}"


def test_the_error_path_prints_in_the_language_of_the_run(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    import argparse

    from renstra_model.cli.common import command
    from renstra_model.errors import RenstraError, fail

    error = fail("cli.plan_missing", plan="x", known="y")

    @command
    def invalid(args: argparse.Namespace) -> int:
        raise error

    @command
    def other(args: argparse.Namespace) -> int:
        raise RenstraError("plain")

    monkeypatch.setenv("RENSTRA_LANG", "id")
    assert invalid(argparse.Namespace()) == EXIT_INPUT
    assert capsys.readouterr().err == error.describe("id") + "\n"
    assert invalid(argparse.Namespace(lang="en")) == EXIT_INPUT
    assert capsys.readouterr().err == error.describe("en") + "\n"
    assert error.describe("id") != error.describe("en")
    assert other(argparse.Namespace(lang="id")) == EXIT_INPUT
    assert capsys.readouterr().err == "plain\n"


def test_the_language_of_the_settings_is_the_error_paths(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from renstra_model.io.nomenclature import NomenclatureError, load_nomenclature

    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("RENSTRA_LANG", raising=False)
    (tmp_path / "renstra.toml").write_text('lang = "id"\n', encoding="utf-8")
    bad = tmp_path / "nomenclature.csv"
    bad.write_text("nothing,here\n", encoding="utf-8")
    with pytest.raises(NomenclatureError) as raised:
        load_nomenclature(bad)
    assert raised.value.describe("id") != raised.value.describe("en")
    assert main(["check", "ttu-dinsos", "--nomenclature", str(bad)]) == EXIT_INPUT
    assert capsys.readouterr().err == raised.value.describe("id") + "\n"


def test_every_command_speaks_the_one_default_language(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.chdir(tmp_path)  # the commands' --output names, should one be written
    commands = (
        ["table", "no-such-plan", "TC-27"], ["summary", "no-such-plan"],
        ["check", "no-such-plan"], ["export", "no-such-plan", "--format", "parquet",
                                    "--output", "out"],
        ["evaluate", "no-such-plan", "r.csv"], ["renja", "no-such-plan", "--year", "2023",
                                                "--output", "r.json"],
        ["diff", "no-such-plan", "ttu-dinsos"],
    )
    for lang, words in ((None, "is neither a file nor a shipped example"),
                        ("id", "bukan berkas maupun contoh bawaan")):
        if lang is None:
            monkeypatch.delenv("RENSTRA_LANG", raising=False)
        else:
            monkeypatch.setenv("RENSTRA_LANG", lang)
        for command in commands:
            assert main(command) == EXIT_INPUT, command
            assert words in capsys.readouterr().err, command
    assert list(tmp_path.iterdir()) == []  # an unusable input writes nothing


def test_the_command_line_imports_its_modules_plainly_and_no_private_name() -> None:
    import ast

    source = Path(__file__).parents[1] / "src" / "renstra_model" / "cli"
    paths = sorted(source.glob("*.py"))
    assert {p.stem for p in paths} >= {"check", "rules", "summary", "common", "main"}
    for path in paths:
        text = path.read_text(encoding="utf-8")
        assert "importlib" not in text, path.name
        for node in ast.walk(ast.parse(text)):
            if isinstance(node, ast.ImportFrom) and node.module != "__future__":
                private = [a.name for a in node.names if a.name.startswith("_")]
                assert not private, (path.name, node.module, private)


def test_a_reader_that_stops_reading_ends_the_command_quietly(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import io

    from renstra_model.cli.main import EXIT_BROKEN_PIPE

    class Closed(io.StringIO):
        def write(self, text: str) -> int:
            raise BrokenPipeError(32, "Broken pipe")

        def fileno(self) -> int:
            raise io.UnsupportedOperation("no descriptor")

    monkeypatch.setattr(sys, "stdout", Closed())
    assert main(["rules"]) == EXIT_BROKEN_PIPE

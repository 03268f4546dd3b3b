"""The ``renstra`` command line: ``summary`` on the shipped plan, files and bad input."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from renstra_model.cli import EXIT_INPUT, EXIT_OK, main


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


def test_bad_input_exits_2_with_the_path(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "bad.json"
    path.write_text('{"format_version": 1, "title": 5}', encoding="utf-8")
    assert main(["summary", str(path)]) == EXIT_INPUT
    err = capsys.readouterr().err
    assert "@ title" in err
    assert "bad.json" in err


def test_unknown_plan_exits_2(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["summary", "no-such-plan", "--lang", "id"]) == EXIT_INPUT
    assert "bukan berkas maupun contoh bawaan" in capsys.readouterr().err

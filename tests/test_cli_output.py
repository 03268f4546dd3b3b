"""What ``renstra`` prints and how: its version, repeated ``--select`` and ``--ignore``, output
into a closed pipe, the order of findings, the model path and the colours of text."""

from __future__ import annotations

import importlib.metadata
import itertools
import os
import subprocess
import sys
from pathlib import Path

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import renstra_model
from renstra_model import Reading, ReadingNote, save
from renstra_model.checks.findings import Finding, Location, Severity, Text, location_key
from renstra_model.cli import EXIT_FINDINGS, EXIT_OK, main
from renstra_model.cli.main import EXIT_BROKEN_PIPE
from renstra_model.io.distribution import UNKNOWN_VERSION
from renstra_model.model.codes import Code
from strategies import minimal_plan

Capture = pytest.CaptureFixture[str]

NOTES = (
    ReadingNote("T-C.27", 12, "F", "excel.formula", {"formula": "=SUM(F3:F9)"},
                value="=SUM(F3:F9)", heading="PAGU 2022"),
    ReadingNote("T-C.27", 7, "B", "excel.code_number", {"value": "1.1"}, value="1.1",
                reading=Reading.NOTED),
    ReadingNote("T-C.27", 14, None, "excel.duplicate", {"code": "1.6.2.2.1.1", "first": "9"},
                value="1.6.2.2.1.1 | Fasilitasi | 100"),
    ReadingNote("data", 3, "pagu1", "excel.formula", {"formula": "x"}, value="x"),
)
"""Notes of a reading, so that a plan file has four findings of the import rules: three of
RS001 (a cell, a row with a code, a named field) and one of RS003."""

F12 = ("T-C.27 F12: RS001 [{error} import] 'T-C.27'!F12 (PAGU 2022): the formula =SUM(F3:F9) "
       "has no computed value saved in the file: open and save the workbook in a spreadsheet "
       "program, or type the value; content not read: '=SUM(F3:F9)'")
ROW14 = ("T-C.27 1.06.02.2.01.0001: RS001 [{error} import] 'T-C.27'!14: code 1.6.2.2.1.1 was "
         "already stated at row 9: the row is not read; content not read: "
         "'1.6.2.2.1.1 | Fasilitasi | 100'")
FIELD = ("data 3 pagu1: RS001 [{error} import] 'data'!3 pagu1: the formula x has no computed "
         "value saved in the file: open and save the workbook in a spreadsheet program, or "
         "type the value; content not read: 'x'")
B7 = ("T-C.27 B7: RS003 [{info} import] 'T-C.27'!B7: the code is stored as the number 1.1, "
      "which loses zeros (1.10 reads as 1.1): store the code column as text; the file holds "
      "'1.1'")
PLAIN = {"error": "error", "info": "info"}
TOTALS = "4 findings (3 errors, 0 warnings, 1 info)"


@pytest.fixture
def noted(tmp_path: Path) -> str:
    """A plan file whose reading left :data:`NOTES`."""
    path = tmp_path / "noted.json"
    save(attrs.evolve(minimal_plan(), reading=NOTES), path)
    return str(path)


def run(capsys: Capture, *argv: str) -> tuple[int, str, str]:
    status = main(list(argv))
    captured = capsys.readouterr()
    return status, captured.out, captured.err


def lines(name: str, *templates: str, colours: dict[str, str] = PLAIN) -> str:
    return "".join(f"{name}: {t.format(**colours)}\n" for t in templates) + f"{name}: {TOTALS}\n"


# -- the version -------------------------------------------------------------------------------


def test_the_version_is_the_installed_distributions(capsys: Capture) -> None:
    installed = importlib.metadata.version("renstra-model")
    assert renstra_model.__version__ == installed
    with pytest.raises(SystemExit) as exited:
        main(["--version"])
    assert exited.value.code == 0
    assert capsys.readouterr() == (f"renstra {installed}\n", "")


def test_outside_an_installed_distribution_the_version_is_unknown(
    capsys: Capture, monkeypatch: pytest.MonkeyPatch
) -> None:
    def missing(name: str) -> str:
        raise importlib.metadata.PackageNotFoundError(name)

    monkeypatch.setattr(importlib.metadata, "version", missing)
    assert renstra_model.__version__ == UNKNOWN_VERSION == "0+unknown"
    with pytest.raises(SystemExit):
        main(["--version"])
    assert capsys.readouterr().out == "renstra 0+unknown\n"


def test_the_package_has_no_other_attribute_read_on_demand() -> None:
    with pytest.raises(AttributeError, match="has no attribute '__versions__'"):
        getattr(renstra_model, "__versions__")  # noqa: B009


# -- --select and --ignore ---------------------------------------------------------------------


def test_select_and_ignore_accumulate_when_repeated(noted: str, capsys: Capture) -> None:
    everything = lines(noted, F12, ROW14, FIELD, B7)
    assert run(capsys, "check", noted) == (EXIT_FINDINGS, everything, "")
    for argv in (("--select", "RS001", "--select", "RS003"), ("--select", "RS001,RS003"),
                 ("--select", "RS001", "--select", "RS002,RS003")):
        assert run(capsys, "check", noted, *argv) == (EXIT_FINDINGS, everything, "")
    only = f"{noted}: {B7.format(**PLAIN)}\n{noted}: 1 findings (0 errors, 0 warnings, 1 info)\n"
    for argv in (("--ignore", "RS001", "--ignore", "RS004"), ("--ignore", "RS001,RS004")):
        assert run(capsys, "check", noted, *argv) == (EXIT_OK, only, "")
    none = f"{noted}: 0 findings (0 errors, 0 warnings, 0 info)\n"
    assert run(capsys, "check", noted, "--select", "RS0", "--ignore", "RS001",
               "--ignore", "RS003") == (EXIT_OK, none, "")


def test_a_repeated_select_wins_over_the_settings_file(
    noted: str, tmp_path: Path, capsys: Capture, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "renstra.toml").write_text('select = ["RS002"]\nignore = ["RS003"]\n',
                                           encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    none = f"{noted}: 0 findings (0 errors, 0 warnings, 0 info)\n"
    assert run(capsys, "check", noted) == (EXIT_OK, none, "")
    assert run(capsys, "check", noted, "--select", "RS003", "--select", "RS001") == (
        EXIT_FINDINGS, lines(noted, F12, ROW14, FIELD).replace(TOTALS, "3 findings (3 errors, "
                                                               "0 warnings, 0 info)"), "")


# -- a closed pipe -----------------------------------------------------------------------------

COMMAND = "import sys; from renstra_model.cli import main; sys.exit(main())"


def _environment(unbuffered: bool) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k != "PYTHONUNBUFFERED"}
    if unbuffered:
        env["PYTHONUNBUFFERED"] = "1"
    return env


@pytest.mark.parametrize("unbuffered", [False, True])
@pytest.mark.parametrize(
    "argv",
    [["rules"], ["rules", "RS001"], ["rules", "--format", "json"], ["check", "ttu-dinsos"],
     ["check", "ttu-dinsos", "--format", "json"], ["check", "ttu-dinsos", "--format", "sarif"],
     ["summary", "ttu-dinsos"], ["table", "ttu-dinsos", "TC-27"], ["--help"], ["--version"],
     ["check", "--help"]],
)
def test_output_into_a_closed_pipe_ends_quietly(argv: list[str], unbuffered: bool) -> None:
    """The reader is gone before the command writes: every command, whether it writes while
    it runs or only as it exits, ends with 141 and says nothing; but for ``--help`` written
    unbuffered, whose failed write argparse itself drops (it ends with 0)."""
    read, write = os.pipe()
    os.close(read)
    try:
        done = subprocess.run([sys.executable, "-c", COMMAND, *argv], stdout=write,
                              stderr=subprocess.PIPE, env=_environment(unbuffered),
                              check=False, timeout=120)
    finally:
        os.close(write)
    status = EXIT_OK if unbuffered and argv[-1] == "--help" else EXIT_BROKEN_PIPE
    assert (done.returncode, done.stderr) == (status, b"")


@pytest.mark.parametrize("fmt", ["text", "json"])
def test_a_reader_that_closes_after_one_line_ends_the_check_quietly(fmt: str) -> None:
    """``renstra check … | head -1``: the output (ten plans) is larger than the pipe holds, so
    that the command is still writing when the reader closes."""
    argv = ["check", *["ttu-dinsos"] * 10, "--expand", "--format", fmt]
    with subprocess.Popen([sys.executable, "-c", COMMAND, *argv], stdout=subprocess.PIPE,
                          stderr=subprocess.PIPE, env=_environment(False)) as process:
        assert process.stdout is not None
        assert process.stderr is not None
        first = process.stdout.readline()
        process.stdout.close()
        err = process.stderr.read()
        status = process.wait(timeout=120)
    if fmt == "json":
        assert first == b"[\n"
    else:
        assert first.startswith(b"ttu-dinsos: T-C.27 TOTAL: RS102 [info hierarchy-sum] ")
    assert (status, err) == (EXIT_BROKEN_PIPE, b"")


# -- the order of findings ---------------------------------------------------------------------


def test_findings_sort_by_rule_by_default_and_by_location_when_asked(
    noted: str, capsys: Capture
) -> None:
    by_rule = lines(noted, F12, ROW14, FIELD, B7)
    assert run(capsys, "check", noted, "--sort", "rule") == (EXIT_FINDINGS, by_rule, "")
    assert run(capsys, "check", noted)[1] == by_rule
    # T-C.27 before data (upper case first); no code before a code; B7 before F12
    assert run(capsys, "check", noted, "--sort", "location") == (
        EXIT_FINDINGS, lines(noted, B7, F12, ROW14, FIELD), "")


TEXT = Text("x", "x")


def _finding(rule: str, table: str | None = None, code: str | None = None,
             year: int | None = None, row: str | None = None) -> Finding:
    return Finding(rule, "f", Severity.INFO,
                   Location(table, Code.parse(code) if code else None, year, "", row),
                   template=TEXT)


def test_the_location_key_orders_table_code_year_row_then_rule() -> None:
    expected = [
        _finding("RS9"),
        _finding("RS1", row="F9"),
        _finding("RS1", "T-C.9"),
        _finding("RS1", "T-C.10"),
        _finding("RS2", "T-C.27", row="2"),
        _finding("RS1", "T-C.27", row="10"),
        _finding("RS1", "T-C.27", "1.06.02"),
        _finding("RS2", "T-C.27", "1.06.02"),
        _finding("RS1", "T-C.27", "1.06.02", 2022),
        _finding("RS1", "T-C.27", "1.06.02", 2023, "F9"),
        _finding("RS1", "T-C.27", "1.06.02", 2023, "F12"),
        _finding("RS1", "T-C.27", "1.06.02.2.01"),
        _finding("RS1", "T-C.27", "1.06.10"),
        _finding("RS1", "T-C.27", "2"),
    ]
    shuffled = [*expected[::2], *expected[1::2]]
    assert sorted(shuffled, key=location_key) == expected
    assert [f.rule for f in sorted([expected[7], expected[6]], key=location_key)] == [
        "RS1", "RS2"]


ROWS = st.one_of(st.none(), st.from_regex(r"[A-Z]{0,2}[0-9]{0,3}( [a-z0-9]{1,5})?",
                                          fullmatch=True))


@given(st.lists(st.tuples(st.sampled_from(["RS1", "RS2"]),
                          st.sampled_from([None, "T-C.27", "T-C.9", "7.1"]),
                          st.sampled_from([None, "1.06.02", "1.06.02.2.01", "1"]),
                          st.one_of(st.none(), st.integers(2020, 2030)), ROWS)))
def test_the_location_key_is_a_total_order_of_any_findings(
    places: list[tuple[str, str | None, str | None, int | None, str | None]],
) -> None:
    """Any places compare (text and numbers never meet), and the order does not depend on
    the order the findings come in."""
    findings = [_finding(*place) for place in places]
    keys = [location_key(f) for f in sorted(findings, key=location_key)]
    assert keys == sorted(location_key(f) for f in findings[::-1])
    assert all(a <= b for a, b in itertools.pairwise(keys))


# -- the path, and colours ---------------------------------------------------------------------


def test_show_path_ends_each_line_with_the_path_in_the_model(
    noted: str, capsys: Capture
) -> None:
    paths = [f"{F12} [reading[0]]", f"{ROW14} [reading[2]]", f"{FIELD} [reading[3]]",
             f"{B7} [reading[1]]"]
    assert run(capsys, "check", noted, "--show-path") == (
        EXIT_FINDINGS, lines(noted, *paths), "")


def test_a_finding_without_a_path_shows_none(capsys: Capture) -> None:
    from renstra_model.cli.common import finding_line

    finding = _finding("RS1", "T-C.27", "1.06.02")
    assert finding_line(finding, "en", name="p", show_path=True) == (
        "p: T-C.27 1.06.02: RS1 [info f] x")


COLOURED = {"error": "\x1b[31merror\x1b[0m", "info": "\x1b[36minfo\x1b[0m"}


def test_colour_always_colours_the_severities(
    noted: str, capsys: Capture, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("NO_COLOR", "1")  # a flag wins over the environment
    assert run(capsys, "check", noted, "--color", "always") == (
        EXIT_FINDINGS, lines(noted, F12, ROW14, FIELD, B7, colours=COLOURED), "")


def test_a_warning_is_yellow() -> None:
    from renstra_model.cli.common import finding_line

    finding = attrs.evolve(_finding("RS1", "T-C.27"), severity=Severity.WARNING)
    assert finding_line(finding, "id", name="p", colour=True) == (
        "p: T-C.27: RS1 [\x1b[33mperingatan\x1b[0m f] x")


@pytest.mark.parametrize(
    ("terminal", "no_color", "choice", "coloured"),
    [
        (True, None, "auto", True),
        (True, "", "auto", True),  # an empty NO_COLOR is not set
        (True, "1", "auto", False),
        (True, "0", "auto", False),  # any non-empty value
        (False, None, "auto", False),
        (True, None, "never", False),
        (False, "1", "always", True),
    ],
)
def test_colour_on_a_terminal_unless_no_color(
    noted: str, capsys: Capture, monkeypatch: pytest.MonkeyPatch,
    terminal: bool, no_color: str | None, choice: str, coloured: bool,
) -> None:
    if no_color is None:
        monkeypatch.delenv("NO_COLOR", raising=False)
    else:
        monkeypatch.setenv("NO_COLOR", no_color)
    monkeypatch.setattr(sys.stdout, "isatty", lambda: terminal)
    expected = lines(noted, F12, ROW14, FIELD, B7, colours=COLOURED if coloured else PLAIN)
    assert run(capsys, "check", noted, "--color", choice) == (EXIT_FINDINGS, expected, "")

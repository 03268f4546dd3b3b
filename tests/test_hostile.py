"""Hostile input: malformed plans, cells and files fed to every entry point.

The entry points are ``renstra_model.load``/``loads``, ``excel.read_workbook`` and
``excel.read_rows``, ``checks.check`` (on plans that load), the tables and the workbook export
(on plans that load), the parsers of ``renstra_model.io.parsing``, and the command line ``renstra
summary``/``check``/``import``/``table``. Each input must give the library's own error
(a :class:`~renstra_model.errors.RenstraError`, naming the place and the reason) or a result
(a plan, findings); never another exception, never a hang, never silent loss.

* A fixed corpus: the small files of ``tests/hostile/`` (NaN and Infinity, floats for money,
  negative and 10^30 amounts, duplicate codes, a code that does not extend its parent's, a
  year outside the period, unknown keys, a BOM, invalid UTF-8…), and files generated here at
  test time (a 50 MB file, deeply nested JSON, workbooks with formulas, XML bombs, a zip
  bomb, a sparse sheet a million rows long). The heaviest run in a child process with a
  memory limit and a timeout.
* Property tests (hypothesis): every profile of ``tests/conftest.py`` applies; the cheap
  tests run the profile's number of examples (10,000 each with ``HYPOTHESIS_PROFILE=full``),
  the mutated plans half of it (hypothesis keeps every example's choices, about half a
  megabyte for a plan), the ones that write files a tenth or a twentieth of it.

Every call runs under a generous alarm (:data:`TIMEOUT`), to catch hangs, not to measure speed.
"""

from __future__ import annotations

import io
import json
import os
import re
import signal
import string
import subprocess
import sys
import zipfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager, redirect_stderr, redirect_stdout
from decimal import Decimal
from pathlib import Path
from types import FrameType
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from renstra_model import InvalidPlanError, Plan, RenstraError, load, loads
from renstra_model.checks import check
from renstra_model.cli import EXIT_FINDINGS, EXIT_INPUT, EXIT_OK, main
from renstra_model.io.excel import (
    ErrorValue,
    Formula,
    ImportResult,
    PercentNumber,
    WorkbookError,
    read_rows,
    read_workbook,
    write_workbook,
)
from renstra_model.io.parsing import (
    parse_date,
    parse_money,
    parse_month,
    parse_number,
    parse_percent,
    parse_place_date,
    parse_quantity,
)
from renstra_model.io.serialization import to_data
from renstra_model.tables import build_all
from renstra_model.tables.render import FORMATS, render_table
from strategies import plans
from test_excel import FLAT_HEADER, raw_workbook, row, tc27_rows

HOSTILE = Path(__file__).parent / "hostile"
TIMEOUT = 60.0
"""Seconds any single call may take before it counts as a hang."""
SRC = Path(__file__).resolve().parents[1] / "src"


# -- bounds and outcomes ----------------------------------------------------------------------


class Hang(BaseException):
    """A call ran past :data:`TIMEOUT` (a BaseException, so that no ``except Exception`` in
    the code under test swallows it)."""


@contextmanager
def bounded(seconds: float = TIMEOUT) -> Iterator[None]:
    """Fail with :class:`Hang` when the block runs longer than *seconds*."""

    def alarm(signum: int, frame: FrameType | None) -> None:
        raise Hang(f"no answer within {seconds} s")

    previous = signal.signal(signal.SIGALRM, alarm)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def attempt(call: Callable[[], Any]) -> Any:
    """The result of *call*, or the library's error it raised; any other exception fails the
    test, and so does a hang."""
    with bounded():
        try:
            return call()
        except RenstraError as exc:
            assert_explained(exc)
            return exc


def assert_explained(exc: RenstraError) -> None:
    """The error names the place and the reason, in both languages."""
    if isinstance(exc, InvalidPlanError):
        assert exc.problems
        for lang in ("en", "id"):
            text = exc.describe(lang)
            assert " @ " in text
            for problem in exc.problems:
                assert problem.message(lang).strip()
    else:
        assert str(exc).strip()


def scaled(divisor: int) -> settings:
    """The active profile with 1/*divisor* of its examples (at least ten), no deadline: for
    the tests that write and read files."""
    return settings(
        max_examples=max(10, settings().max_examples // divisor),
        deadline=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large,
                               HealthCheck.function_scoped_fixture],
    )


def use(plan: Plan) -> None:
    """Everything the library does with a plan that loads: the checks, every table in every
    text format."""
    findings = check(plan)
    assert all(f.rule for f in findings)
    for table in build_all(plan):
        for fmt in FORMATS:
            render_table(table, fmt)


def run_cli(*args: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with bounded(), redirect_stdout(out), redirect_stderr(err):
        status = main(list(args))
    return status, out.getvalue(), err.getvalue()


# -- the fixed corpus: plan files -------------------------------------------------------------

SUB = "programs[0].children[0].children[0]"
JSON_CORPUS: list[tuple[str, str | None, str | None]] = [
    # (file, path of the problem, key); None, None: the file is a valid plan
    ("nan.json", "", "json.constant"),
    ("infinity.json", "", "json.constant"),
    ("float_money.json", f"{SUB}.budget.planned[2022]", "number.text"),
    ("negative_money.json", f"{SUB}.budget.planned[2022]", "money.negative"),
    ("huge_amount.json", f"{SUB}.budget.planned[2022]", "money.too_large"),
    ("three_decimals.json", f"{SUB}.budget.planned[2022]", "money.precision"),
    ("padded_money.json", f"{SUB}.budget.planned[2022]", "number.padded"),
    ("trailing_space.json", f"{SUB}.budget.planned[2022]", "number.padded"),
    ("leading_zero.json", f"{SUB}.budget.planned[2022]", "number.leading_zero"),
    ("huge_integer.json", "", "json.syntax"),  # 5,001 digits: beyond int()'s limit
    ("duplicate_codes.json", "programs[0].children[0].children[1].code", "code.duplicate"),
    ("code_not_child.json", f"{SUB}.code", "code.not_child"),
    ("year_outside.json", f"{SUB}.budget.planned[2030]", "year.outside_period"),
    ("year_key.json", f"{SUB}.budget.planned['20x2']", "year.type"),
    ("unknown_key.json", SUB, "structure.unknown_key"),
    ("duplicate_key.json", "", "json.duplicate_key"),
    ("wrong_version.json", "format_version", "format.version"),
    ("invalid_utf8.json", "", "file.encoding"),
    ("utf16.json", "", "file.encoding"),
    ("truncated.json", "", "json.syntax"),
    ("empty.json", "", "json.syntax"),
    ("top_level_list.json", "", "structure.type"),
    ("bom.json", None, None),
    ("valid.json", None, None),
]
@pytest.mark.parametrize(("name", "path", "key"), JSON_CORPUS)
def test_the_plan_file_corpus(name: str, path: str | None, key: str | None) -> None:
    file = HOSTILE / name
    result = attempt(lambda: load(file))
    if key is None:
        assert isinstance(result, Plan)
        with bounded():
            use(result)
        return
    assert isinstance(result, InvalidPlanError)
    assert (path, key) in {(p.path, p.key) for p in result.problems}
    assert str(file) in result.describe("en")
    again = attempt(lambda: loads(file.read_bytes(), source=name))
    assert isinstance(again, InvalidPlanError)
    assert [(p.path, p.key) for p in again.problems] == [
        (p.path, p.key) for p in result.problems]


@pytest.mark.parametrize(("name", "path", "key"), JSON_CORPUS)
def test_the_plan_file_corpus_on_the_command_line(
    name: str, path: str | None, key: str | None, tmp_path: Path
) -> None:
    file = str(HOSTILE / name)
    for command in (["summary", file], ["check", file], ["table", file, "TC-27"]):
        status, out, err = run_cli(*command, "--lang", "id")
        if key is None:
            assert status in (EXIT_OK, EXIT_FINDINGS)
            assert out
            continue
        assert status == EXIT_INPUT
        assert name in err
        assert f"@ {path or '$'}" in err
    status, _, err = run_cli("import", file, "--output", str(tmp_path / "p.json"))
    assert status == EXIT_INPUT
    assert "bukan buku kerja" in err or "not an .xlsx workbook" in err
    assert not (tmp_path / "p.json").exists()


# -- the fixed corpus: generated at test time -------------------------------------------------

RUNNER = r"""
import json, resource, sys
memory = int(sys.argv[2])
resource.setrlimit(resource.RLIMIT_AS, (memory, memory))
from renstra_model import load, loads
from renstra_model.errors import InvalidPlanError, RenstraError
from renstra_model.io.excel import read_workbook
kind, path = sys.argv[1], sys.argv[3]
calls = {
    "load": lambda: load(path),
    "loads": lambda: loads(open(path, "rb").read()),
    "workbook": lambda: read_workbook(path),
}
try:
    calls[kind]()
    print(json.dumps({"outcome": "ok", "problems": []}))
except InvalidPlanError as exc:
    print(json.dumps({"outcome": "error", "text": exc.describe(),
                      "problems": [[p.path, p.key] for p in exc.problems]}))
except RenstraError as exc:
    print(json.dumps({"outcome": "error", "text": str(exc), "problems": []}))
"""


def isolated(kind: str, path: Path, *, memory: int = 2 * 1024**3,
             timeout: float = 120.0) -> dict[str, Any]:
    """Run one entry point on *path* in a child process limited to *memory* bytes of address
    space and *timeout* seconds: the outcome as JSON. Any other exception, an exhausted
    memory or a hang fails the test."""
    env = {**os.environ, "PYTHONPATH": str(SRC)}
    done = subprocess.run(
        [sys.executable, "-c", RUNNER, kind, str(memory), str(path)],
        capture_output=True, text=True, timeout=timeout, env=env, check=False,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    result: dict[str, Any] = json.loads(done.stdout)
    return result


def test_a_fifty_megabyte_file(tmp_path: Path) -> None:
    data = json.loads((HOSTILE / "valid.json").read_text(encoding="utf-8"))
    text = json.dumps(data)
    big = text[:-1] + ', "legal_basis": [' + ",".join(
        ['"' + "x" * 19_000 + '"'] * 2_800) + "]}"
    assert len(big) > 50_000_000
    for name in ("plan.json", "plan.xlsx"):
        (tmp_path / name).write_text(big, encoding="utf-8")
    result = attempt(lambda: load(tmp_path / "plan.json"))
    assert isinstance(result, InvalidPlanError)
    assert result.problems[0].key == "file.too_large"
    result = attempt(lambda: read_workbook(tmp_path / "plan.xlsx"))
    assert isinstance(result, WorkbookError)
    assert result.problems[0].key == "file.too_large"
    # loads has no size limit: the 50 MB read in bounded time and memory, and the plan
    # (2,800 legal bases of 19,000 characters) is valid.
    assert isolated("loads", tmp_path / "plan.json")["outcome"] == "ok"
    for command in (["summary"], ["check"]):
        status, _, err = run_cli(*command, str(tmp_path / "plan.json"))
        assert status == EXIT_INPUT
        assert "52" in err or "bytes" in err
    status, _, err = run_cli("import", str(tmp_path / "plan.xlsx"), "--output",
                             str(tmp_path / "out.json"))
    assert status == EXIT_INPUT
    assert "limit" in err


@pytest.mark.parametrize("depth", [1_000, 100_000])
def test_deeply_nested_json(tmp_path: Path, depth: int) -> None:
    cases = {
        "arrays.json": "[" * depth + "]" * depth,
        "objects.json": '{"a":' * depth + "1" + "}" * depth,
        "in_a_field.json": '{"format_version": 1, "title": ' + "[" * depth + "]" * depth + "}",
    }
    for name, text in cases.items():
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        outcome = isolated("load", path)
        assert outcome["outcome"] == "error", name
        assert outcome["problems"], name
        result = attempt(lambda: load(path))  # noqa: B023 - called at once
        assert isinstance(result, InvalidPlanError)
        if depth > 10_000:
            assert [p.key for p in result.problems] == ["json.depth"]


def test_a_workbook_with_formulas(tmp_path: Path) -> None:
    path = raw_workbook(tmp_path / "formulas.xlsx", tc27_rows(
        row("1.06.02", "PROGRAM", None, None, None, ("SUM(H10:H11)", 300), None,
            Formula("SUM(J10:J11)")),
        row("1.06.02.2.01", "KEGIATAN", None, None, None, ("1/0", ErrorValue("#DIV/0!"))),
        row("1.06.02.2.01.0001", "Sub", "Indikator", None, Formula("A1&\" org\"")),
    ))
    result = attempt(lambda: read_workbook(path, strict=True))
    assert isinstance(result, WorkbookError)
    assert [(c.row, c.column, c.key) for c in result.cells] == [
        (9, "J", "excel.formula"), (10, "H", "excel.error_value"), (11, "G", "excel.formula")]
    partial = attempt(lambda: read_workbook(path))
    assert isinstance(partial, ImportResult)
    program = partial.plan.find("1.06.02")
    assert program.budget is not None
    assert program.budget.planned == {2022: Decimal("300")}


BILLION_LAUGHS = (
    '<!DOCTYPE lolz [<!ENTITY lol "lol">'
    + "".join(f'<!ENTITY lol{n} "{("&lol" + str(n - 1) + ";") * 10 if n > 1 else "&lol;" * 10}">'
              for n in range(1, 10))
    + "]>"
)
EXTERNAL = '<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>'


@pytest.mark.parametrize("where", ["sheet", "shared", "workbook"])
@pytest.mark.parametrize("doctype", [BILLION_LAUGHS, EXTERNAL], ids=["bomb", "external"])
def test_xml_bombs_are_refused(tmp_path: Path, where: str, doctype: str) -> None:
    rows = tc27_rows(row("1.06.02", "PROGRAM"))
    path = raw_workbook(tmp_path / "bomb.xlsx", rows, prologue={where: doctype},
                        shared=["&lol9;"] if where == "shared" and doctype != EXTERNAL else ())
    outcome = isolated("workbook", path, memory=1024**3, timeout=60)
    assert outcome["outcome"] == "error"
    assert outcome["problems"][0][1] == "excel.refused_xml"
    assert "XML bomb" in outcome["text"]
    status, _, err = run_cli("import", str(path), "--output", str(tmp_path / "p.json"))
    assert status == EXIT_INPUT
    assert "bom XML" in run_cli("import", str(path), "--output", str(tmp_path / "p.json"),
                                "--lang", "id")[2]
    assert "XML bomb" in err


def test_a_zip_bomb_is_refused(tmp_path: Path) -> None:
    path = raw_workbook(tmp_path / "zip.xlsx", tc27_rows(row("1.06.02", "PROGRAM")))
    with zipfile.ZipFile(path, "a", zipfile.ZIP_DEFLATED) as archive, \
            archive.open("xl/padding.bin", "w", force_zip64=True) as padding:
        block = b"\0" * (1 << 20)
        for _ in range(200):
            padding.write(block)
    assert path.stat().st_size < 2_000_000
    result = attempt(lambda: read_workbook(path))
    assert isinstance(result, WorkbookError)
    assert result.problems[0].key == "excel.unpacked_size"


def test_a_sheet_a_million_rows_long(tmp_path: Path) -> None:
    rows: list[list[Any]] = tc27_rows(row("1.06.02", "PROGRAM"))
    path = raw_workbook(tmp_path / "long.xlsx", rows)
    with zipfile.ZipFile(path) as archive:
        parts = {n: archive.read(n) for n in archive.namelist()}
    sheet = parts["xl/worksheets/sheet1.xml"].decode()
    far = ('<row r="1048576"><c r="C1048576" t="inlineStr"><is><t>1.06.03</t></is></c>'
           '<c r="XFD1048576" t="inlineStr"><is><t>x</t></is></c></row>')
    parts["xl/worksheets/sheet1.xml"] = sheet.replace("</sheetData>", far + "</sheetData>").encode()
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    outcome = isolated("workbook", path, memory=1024**3, timeout=60)
    assert outcome["outcome"] == "error"
    assert outcome["problems"] == [["'T-C.27'!1048576", "excel.too_many_rows"]]


@pytest.mark.parametrize(("cell", "key"), [
    ('<c r="H9"><v>NaN</v></c>', "excel.unreadable"),  # not a number openpyxl reads
    ('<c r="H9"><v>1e999</v></c>', "number.not_finite"),
    ('<c r="H9" t="s"><v>99</v></c>', "excel.unreadable"),  # no such shared string
    ('<c r="ZZZZ9"><v>1</v></c>', "excel.unreadable"),  # no such column
    ('<c r="H9"><v>-5</v></c>', "money.negative"),
    ('<c r="H9"><v>1E+30</v></c>', "money.too_large"),
    ('<c r="H9"><v>65950088.125</v></c>', "money.precision"),
    ('<c r="H9" t="b"><v>1</v></c>', "excel.cell_type"),
    ('<c r="H9" t="inlineStr"><is><t>NaN</t></is></c>', "number.syntax"),
    ('<c r="H9" t="inlineStr"><is><t>Infinity</t></is></c>', "number.syntax"),
    ('<c r="C9" t="inlineStr"><is><t>\ufeff1.06.02</t></is></c>', "code.syntax"),
    ('<c r="XFD9" t="inlineStr"><is><t>far away</t></is></c>', "excel.too_wide"),
])
def test_hostile_cells(tmp_path: Path, cell: str, key: str) -> None:
    path = raw_workbook(tmp_path / "cell.xlsx", tc27_rows(
        row("1.06.02", "PROGRAM"), row("1.06.03", "PROGRAM")))
    with zipfile.ZipFile(path) as archive:
        parts = {n: archive.read(n) for n in archive.namelist()}
    sheet = parts["xl/worksheets/sheet1.xml"].decode()
    reference = cell.split('"')[1]
    sheet = re.sub(rf'<c r="{reference}".*?</c>', "", sheet)  # the cell replaces the old one
    start = sheet.index('<row r="9">') + len('<row r="9">')
    parts["xl/worksheets/sheet1.xml"] = (sheet[:start] + cell + sheet[start:]).encode()
    with zipfile.ZipFile(path, "w") as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    result = attempt(lambda: read_workbook(path))
    if isinstance(result, ImportResult):
        assert key in [c.key for c in result.problems]
        assert all(c.sheet == "T-C.27" and c.row == 9 for c in result.problems)
    else:
        assert isinstance(result, WorkbookError)
        assert key in [p.key for p in result.problems]


XLSX_CORPUS: list[tuple[list[list[Any]], dict[str, Any], tuple[int, str | None, str]]] = [
    # (rows after the header, options, (row, column, key) expected among the cell problems)
    ([row("1.06.02", "P"), row("1.06.02.2.01", "K"), row("1.06.02.2.01", "K again")],
     {}, (11, "C", "excel.duplicate")),
    ([row("1.06.02", "P"), row(None, "K without its code")], {}, (10, None, "excel.no_code")),
    ([row("1.06.02", "P", None, None, None, "NaN")], {}, (9, "H", "number.syntax")),
    ([row("1.06.02", "P", None, None, None, "1" + "0" * 30)], {}, (9, "H", "number.too_large")),
    ([row("1.06.02", "P", None, None, None, "(1.000)")], {}, (9, "H", "money.negative")),
    ([row("1.06.02", "P", None, None, None, 12.125)], {}, (9, "H", "money.precision")),
    ([row("1.06.02", "P", None, None, None, None, None, None, None, None, "x", "y")],
     {}, (9, "M", "excel.unknown_column")),
]


@pytest.mark.parametrize(("rows", "options", "expected"), XLSX_CORPUS)
def test_the_workbook_corpus(tmp_path: Path, rows: list[list[Any]], options: dict[str, Any],
                             expected: tuple[int, str | None, str]) -> None:
    table = tc27_rows(*rows)
    table[4] = [*table[4][:12], None, None]  # no UNIT KERJA and LOKASI headings
    path = raw_workbook(tmp_path / "w.xlsx", table)
    result = attempt(lambda: read_workbook(path, strict=True, **options))
    assert isinstance(result, WorkbookError)
    assert expected in [(c.row, c.column, c.key) for c in result.cells]
    partial = attempt(lambda: read_workbook(path, **options))
    assert isinstance(partial, ImportResult)
    assert expected in [(c.row, c.column, c.key) for c in partial.problems]
    with bounded():
        use(partial.plan)


def test_years_outside_the_period_in_a_workbook(tmp_path: Path) -> None:
    header = [*FLAT_HEADER[:5], "TARGET TAHUN 1", "TARGET TAHUN 11"]
    rows: list[list[Any]] = [["Renstra", "R"], ["Perangkat Daerah", "D"], ["Daerah", "K"], [],
                             header, ["1.06.02", "P", None, None, None, "1", "2"]]
    result = attempt(lambda: read_rows(rows, start_year=2022))
    assert isinstance(result, WorkbookError)
    assert [c.key for c in result.cells] == ["period.length"]
    rows[4] = [*FLAT_HEADER[:5], "TARGET 2022", "TARGET 2400"]
    result = attempt(lambda: read_rows(rows, strict=True))
    assert isinstance(result, WorkbookError)
    assert [(c.column, c.key, c.params.get("title")) for c in result.cells] == [
        ("G", "excel.unknown_column", "TARGET 2400")]


# -- property tests: plan text ----------------------------------------------------------------

JSON_SCALARS = st.one_of(
    st.none(), st.booleans(), st.integers(), st.floats(),
    st.text(max_size=12),
    st.sampled_from(["-", "1e999", "NaN", "1.06.01", "2022", "", " ", "1,000", "0.001",
                     "X.XX.01", "program", "kegiatan", "sub_kegiatan", "sum", "-0"]),
)
JSON_VALUES = st.recursive(
    JSON_SCALARS,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner,
                                                               max_size=3),
    max_leaves=8,
)


def _paths(data: Any, prefix: tuple[Any, ...] = ()) -> Iterator[tuple[Any, ...]]:
    yield prefix
    if isinstance(data, dict):
        for key, value in data.items():
            yield from _paths(value, (*prefix, key))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            yield from _paths(value, (*prefix, index))


@st.composite
def mutated_plans(draw: st.DrawFn) -> Any:
    """The JSON data of a valid plan with one to three random edits: a value replaced by any
    JSON value, a key removed, a key added, an item appended."""
    data: Any = to_data(draw(plans()))
    for _ in range(draw(st.integers(1, 3))):
        path = draw(st.sampled_from(list(_paths(data))))
        value = draw(JSON_VALUES)
        if not path:
            data = value if draw(st.integers(0, 9)) == 0 else data
            continue
        parent = data
        for step in path[:-1]:
            parent = parent[step]
        last = path[-1]
        action = draw(st.sampled_from(["replace", "delete", "add", "append"]))
        if action == "replace":
            parent[last] = value
        elif action == "delete":
            del parent[last]
        elif action == "add" and isinstance(parent[last], dict):
            parent[last][draw(st.text(max_size=8))] = value
        elif action == "append" and isinstance(parent[last], list):
            parent[last].append(value)
        else:
            parent[last] = value
    return data


@given(st.text())
def test_any_text_is_a_plan_or_an_error(text: str) -> None:
    result = attempt(lambda: loads(text))
    assert isinstance(result, Plan | InvalidPlanError)


@given(st.binary())
def test_any_bytes_are_a_plan_or_an_error(data: bytes) -> None:
    result = attempt(lambda: loads(data))
    assert isinstance(result, Plan | InvalidPlanError)


@scaled(2)
@given(mutated_plans())
def test_mutated_plans_load_or_fail_with_a_path(data: Any) -> None:
    text = json.dumps(data)
    result = attempt(lambda: loads(text))
    if isinstance(result, Plan):
        with bounded():
            use(result)
    else:
        assert isinstance(result, InvalidPlanError)


@given(st.sampled_from([parse_number, parse_money, parse_percent, parse_quantity,
                        parse_date, parse_month, parse_place_date]),
       st.one_of(st.text(), st.text(alphabet=string.digits + ".,-()% Rp", max_size=30)),
       st.sampled_from(["auto", "id", "en"]))
def test_the_parsers_on_any_text(parse: Callable[..., object], text: str, style: str) -> None:
    if parse in (parse_date, parse_month, parse_place_date):
        result = attempt(lambda: parse(text))
    else:
        result = attempt(lambda: parse(text, style=style))
    if isinstance(result, Decimal):
        assert result.is_finite()


# -- property tests: cells and workbooks ------------------------------------------------------

CODES = st.one_of(
    st.sampled_from(["1.06.02", "1 06 02 2.01", "1.6.2.2.1.1", "1.06.02.2.01.0001",
                     "X.XX.01", "x.xx.01.2.08", "1.06", "1", "1.06.02.2.01.0001.5", "",
                     "KODE", "TOTAL ANGGARAN", "1.10"]),
    st.text(alphabet="0123456789. xX", max_size=20),
)
CELLS: st.SearchStrategy[Any] = st.one_of(
    st.none(), st.none(), st.text(max_size=25), CODES,
    st.sampled_from(["-", "25.325 KPM (72,18 %)", "4,847,753,572", "72.18 %", "(0.21)",
                     "Rp 1.234.567", "65,23 % (25.325 KPM)", "- Kasus", "TAHUN 2022", "TARGET",
                     "Rp.", "KONDISI KINERJA PADA AKHIR PERIODE", "Perangkat Daerah"]),
    st.integers(-10**20, 10**20), st.floats(), st.decimals(), st.booleans(),
    st.dates(), st.datetimes(), st.times(), st.timedeltas(),
    st.builds(Formula, st.text(max_size=10)), st.builds(ErrorValue, st.text(max_size=8)),
    st.builds(PercentNumber, st.decimals()),
)
ROWS = st.lists(st.lists(CELLS, max_size=24), max_size=8)


@given(st.sampled_from(["tc27", "flat"]), ROWS, st.lists(CODES, max_size=8),
       st.none() | st.integers(1900, 2300), st.none() | st.sampled_from(["auto", "id", "en"]),
       st.booleans())
def test_any_cells_under_a_header(layout: str, rows: list[list[Any]], codes: list[str],
                                  start_year: int | None, style: str | None,
                                  strict: bool) -> None:
    for k, code in enumerate(codes[: len(rows)]):
        column = 2 if layout == "tc27" else 0
        rows[k] = [*rows[k][:column], *[None] * (column - len(rows[k][:column])), code,
                   *rows[k][column + 1:]]
    if layout == "tc27":
        table = tc27_rows(*rows, years=(2022, 2023, 2024))
    else:
        table = [["Renstra", "R"], ["Perangkat Daerah", "D"], ["Daerah", "K"], [],
                 list(FLAT_HEADER), *rows]
    result = attempt(lambda: read_rows(table, start_year=start_year, style=style,  # type: ignore[arg-type]
                                       strict=strict))
    if isinstance(result, ImportResult):
        if strict:
            assert result.complete
        assert len(result.plan.reading) == len(result.problems)
        with bounded():
            check(result.plan)
    else:
        assert isinstance(result, WorkbookError)


@pytest.fixture(scope="module")
def small_workbook(tmp_path_factory: pytest.TempPathFactory) -> bytes:
    path = tmp_path_factory.mktemp("wb") / "small.xlsx"
    return raw_workbook(path, tc27_rows(
        row("1.06.02", "PROGRAM", "Indikator", "5 org", "6 org", "1.000.000"),
        row("1.06.02.2.01", "KEGIATAN", None, None, None, 1000000),
        row("1.06.02.2.01.0001", "Sub", "Indikator", "- org", ("1+1", 2), Formula("A1")),
    ), shared=["KODE", "PROGRAM"]).read_bytes()


@scaled(10)
@given(data=st.data())
def test_mutated_workbook_bytes(small_workbook: bytes, tmp_path_factory: pytest.TempPathFactory,
                                data: st.DataObject) -> None:
    content = bytearray(small_workbook)
    for _ in range(data.draw(st.integers(1, 8))):
        position = data.draw(st.integers(0, len(content) - 1))
        content[position] = data.draw(st.integers(0, 255))
    path = tmp_path_factory.mktemp("mutated") / "m.xlsx"
    path.write_bytes(bytes(content))
    result = attempt(lambda: read_workbook(path))
    assert isinstance(result, ImportResult | WorkbookError)


@scaled(10)
@given(data=st.data())
def test_mutated_workbook_xml(small_workbook: bytes, tmp_path_factory: pytest.TempPathFactory,
                              data: st.DataObject) -> None:
    with zipfile.ZipFile(io.BytesIO(small_workbook)) as archive:
        parts = {n: archive.read(n).decode() for n in archive.namelist()}
    name = data.draw(st.sampled_from(sorted(parts)))
    text = parts[name]
    for _ in range(data.draw(st.integers(1, 4))):
        start = data.draw(st.integers(0, len(text)))
        end = data.draw(st.integers(start, min(len(text), start + 20)))
        text = text[:start] + data.draw(st.sampled_from(
            ["", "<", ">", "&", '"', "<v>1e999</v>", "<c/>", "<row/>", "t=\"s\"", "&lol;",
             "<!DOCTYPE x [<!ENTITY lol \"a\">]>", "\x00", "r=\"A0\"", "<f>A1</f>"]
        )) + data.draw(st.text(max_size=5)) + text[end:]
    parts[name] = text
    path = tmp_path_factory.mktemp("xml") / "x.xlsx"
    with zipfile.ZipFile(path, "w") as archive:
        for part, content in parts.items():
            archive.writestr(part, content.encode("utf-8", "surrogatepass"))
    result = attempt(lambda: read_workbook(path))
    assert isinstance(result, ImportResult | WorkbookError)


@scaled(20)
@given(plans())
def test_any_plan_is_exported_or_refused_and_reads_back(
    tmp_path_factory: pytest.TempPathFactory, plan: Plan
) -> None:
    path = tmp_path_factory.mktemp("export") / "plan.xlsx"
    written = attempt(lambda: write_workbook(plan, path))
    if isinstance(written, RenstraError):
        assert isinstance(written, WorkbookError)
        assert written.problems[0].key == "excel.illegal_text"
        return
    result = attempt(lambda: read_workbook(path))
    assert isinstance(result, ImportResult | WorkbookError)


@scaled(10)
@given(st.one_of(st.binary(max_size=300), mutated_plans().map(lambda d: json.dumps(d).encode())),
       st.sampled_from(["summary", "check", "import", "table"]))
def test_the_command_line_on_any_file(tmp_path_factory: pytest.TempPathFactory, content: bytes,
                                      command: str) -> None:
    folder = tmp_path_factory.mktemp("cli")
    path = folder / "plan.json"
    path.write_bytes(content)
    args = {
        "summary": ["summary", str(path)],
        "check": ["check", str(path)],
        "import": ["import", str(path), "--output", str(folder / "out.json")],
        "table": ["table", str(path), "TC-27"],
    }[command]
    status, _, err = run_cli(*args)
    assert status in (EXIT_OK, EXIT_FINDINGS, EXIT_INPUT)
    if status == EXIT_INPUT:
        assert err.strip()

"""Cross-check the shipped TTU dataset against the text of the source document.

The source text is not part of the project; the test runs where ``RENSTRA_TTU_SOURCE`` names
it (CI sets it to the copy beside the repository) and is skipped elsewhere. It re-reads the
money of T-C.24 and T-C.27 straight from the text, independently of how the dataset was made.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

import pytest

from renstra_model import NIL, BudgetRow, Code, Plan
from renstra_model.examples import ttu_dinsos

SOURCE = os.environ.get("RENSTRA_TTU_SOURCE")
pytestmark = pytest.mark.skipif(
    not SOURCE or not Path(SOURCE).is_file(), reason="RENSTRA_TTU_SOURCE is not set: see "
        "docs/getting-started.md, section Environment"
)

MONEY = re.compile(r"^\d{1,3}(?:,\d{3})+(?:\.\d+)?$")
TAG = re.compile(r"</?i>")
CODE = re.compile(r"^1 06 0\d(?: \d\.\d\d(?: \d\d)?)?$")


def _lines() -> list[str]:
    assert SOURCE is not None
    return Path(SOURCE).read_text(encoding="utf-8").splitlines()


def _section(start: str, end: str) -> list[str]:
    """The lines from the first that is *start* (begins with it, if it holds a tab) up to the
    first after it that begins with *end*."""
    lines = _lines()

    def opens(line: str) -> bool:
        return line.startswith(start) if "\t" in start else line.strip() == start

    first = next(i for i, line in enumerate(lines) if opens(line))
    last = next(i for i in range(first, len(lines)) if lines[i].startswith(end))
    return lines[first:last]


def _cell(text: str) -> Decimal | None:
    text = TAG.sub("", text).strip()
    if text == "-":
        return None
    if text.startswith("(") and text.endswith(")"):
        return -Decimal(text[1:-1])
    return Decimal(text.replace(",", ""))


def _tc24_rows() -> Iterator[tuple[str, list[str]]]:
    pending = ""
    for line in _section("Tabel TC-24", "2.4. Tantangan"):
        cells = line.split("\t")
        label = TAG.sub("", cells[0]).strip()
        if len(cells) < 18 or label in {"", "Uraian", "1"} or label.isdigit():
            continue
        values = list(cells[1:18])
        if all(not v.strip() for v in values):
            pending = label + " "
            continue
        yield pending + label, values
        pending = ""


@pytest.fixture(scope="module")
def plan() -> Plan:
    return ttu_dinsos()


def _money(cell: object) -> Decimal | None:
    return None if cell is NIL else cell  # type: ignore[return-value]


def test_every_tc24_row_matches_the_document(plan: Plan) -> None:
    rows = list(_tc24_rows())
    assert len(rows) == len(plan.budget_table) == 72
    for (label, cells), row in zip(rows, plan.budget_table, strict=True):
        assert isinstance(row, BudgetRow)
        assert row.label == label
        years = range(2022, 2027)
        assert [_money(row.budget.planned[y]) for y in years] == [_cell(c) for c in cells[0:5]]
        assert [_money(row.budget.realised[y]) for y in years] == [_cell(c) for c in cells[5:10]]
        assert [_money(row.stated_ratio[y]) for y in years] == [_cell(c) for c in cells[10:15]]
        assert _money(row.stated_growth_planned) == _cell(cells[15])
        assert _money(row.stated_growth_realised) == _cell(cells[16])


def _tc27_rows() -> Iterator[tuple[Code, list[Decimal]]]:
    for line in _section("TUJUAN\tSASARAN\tKODE REKENING", "BAB VII"):
        cells = [c.strip() for c in line.split("\t")]
        codes = [c for c in cells if CODE.match(c)]
        if not codes:
            continue
        yield Code.parse(codes[0]), [Decimal(c.replace(",", "")) for c in cells if MONEY.match(c)]


def test_every_tc27_amount_matches_the_document(plan: Plan) -> None:
    seen = 0
    for code, amounts in _tc27_rows():
        activity = plan.find(code)
        stated: list[Decimal] = []
        assert activity.source is not None
        assert activity.source.table == "T-C.27", str(code)
        if activity.budget is not None:
            stated = [v for v in activity.budget.planned.values() if isinstance(v, Decimal)]
            if isinstance(activity.budget.planned_total, Decimal):
                stated.append(activity.budget.planned_total)
        assert stated == amounts, str(code)
        seen += 1
    assert seen == 53


def test_tc27_total_row_matches_the_document(plan: Plan) -> None:
    line = next(line for line in _lines() if line.startswith("TOTAL ANGGARAN"))
    amounts = [Decimal(c.replace(",", "")) for c in line.split("\t") if MONEY.match(c.strip())]
    assert plan.total_budget is not None
    stated = [*plan.total_budget.planned.values(), plan.total_budget.planned_total]
    assert stated == amounts


PCT_COUNT = re.compile(r"^([\d.,]+)\s*%\s*\(([\d.,]+)\s*([^)]*)\)$")


def _pct_count(cell: str) -> tuple[Decimal, Decimal, str | None]:
    """``72,18 % (25.325 KPM)`` → (72.18, 25325, "KPM"); counts here are whole numbers."""
    match = PCT_COUNT.match(cell.strip())
    assert match, cell
    percent, count, unit = match.groups()
    return (
        Decimal(percent.replace(",", ".")),
        Decimal(count.replace(".", "").replace(",", "")),
        unit.strip() or None,
    )


def _as_printed(q: object) -> tuple[Decimal, Decimal, str | None]:
    from renstra_model import Quantity

    assert isinstance(q, Quantity)
    assert isinstance(q.amount, Decimal)
    assert q.percent is not None
    return q.percent, q.amount, q.unit


def test_table_7_1_matches_the_document(plan: Plan) -> None:
    rows = [
        line.split("\t")
        for line in _section("Tabel 7.1", "Tabel di atas")
        if re.match(r"^[1-7]\t\D", line)
    ]
    assert [int(r[0]) for r in rows] == [1, 2, 3, 4, 5, 6, 7]
    for cells, key in zip(rows, plan.key_indicators, strict=True):
        ind = key.indicator
        assert key.program == cells[1].strip()
        assert ind.name == cells[2].strip()
        printed = [_pct_count(c) for c in cells[3:10]]
        assert ind.baseline is not None
        assert ind.end_of_period is not None
        stated = [ind.baseline, *(ind.planned[y] for y in range(2022, 2027)), ind.end_of_period]
        assert [_as_printed(q) for q in stated] == printed, key.number


def test_table_tc23_matches_the_document(plan: Plan) -> None:
    rows = [
        line.split("\t")
        for line in _section("Tabel TC-23", "Tabel TC-24")
        if re.match(r"^[1-7]\.\t", line)
    ]
    assert len(rows) == len(plan.service_performance) == 7
    for cells, row in zip(rows, plan.service_performance, strict=True):
        ind = row.indicator
        assert ind.name == cells[1].strip()
        assert row.ikk_target is not None
        assert _as_printed(row.ikk_target)[:2] == _pct_count(cells[3])[:2]
        years = range(2022, 2027)
        assert [_as_printed(ind.planned[y])[:2] for y in years] == [
            _pct_count(c)[:2] for c in cells[5:10]
        ]
        assert [_as_printed(ind.realised[y])[:2] for y in years] == [
            _pct_count(c)[:2] for c in cells[10:15]
        ]
        assert [row.stated_ratio[y] for y in years] == [
            Decimal(c.replace("%", "").strip()) for c in cells[15:20]
        ]

"""The reproduced TTU tables: every numeric cell against the document, table by table.

Two oracles. Without any setting, a handful of cells per table pinned as literal values read
from the document. Where ``RENSTRA_TTU_SOURCE`` names the source text (CI sets it), each table's
rows are parsed from the text, independently of how the dataset was made, and compared cell by
cell. A cell the dataset does not reproduce is an ``xfail(strict=True)`` test naming it, so that
it is seen, and so that fixing the dataset forces the marker's removal.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from decimal import Decimal

import pytest
from hypothesis import given, settings

from renstra_model import NIL, Code, Level, Plan, Quantity
from renstra_model.calculators.arithmetic import Undefined, present
from renstra_model.examples import ttu_dinsos
from renstra_model.model.values import Nil
from renstra_model.tables import (
    TABLES,
    Column,
    Computed,
    Growth,
    Kind,
    Row,
    RowKind,
    Table,
    UnknownTableError,
    build,
    build_all,
    table_names,
)
from strategies import plans

SOURCE = os.environ.get("RENSTRA_TTU_SOURCE")
needs_source = pytest.mark.skipif(
    not SOURCE or not os.path.isfile(SOURCE), reason="RENSTRA_TTU_SOURCE is not set: see "
        "docs/getting-started.md, section Environment"
)
YEARS = (2022, 2023, 2024, 2025, 2026)
D = Decimal


@pytest.fixture(scope="module")
def plan() -> Plan:
    return ttu_dinsos()


@pytest.fixture(scope="module")
def tables(plan: Plan) -> dict[str, Table]:
    return {t.number: t for t in build_all(plan)}


def q(amount: str, unit: str | None = None, percent: str | None = None) -> Quantity:
    return Quantity(NIL if amount == "-" else D(amount), unit,
                    None if percent is None else D(percent))


# -- shape --------------------------------------------------------------------------------------


def test_every_table_is_built_with_the_documents_columns(tables: dict[str, Table]) -> None:
    assert list(tables) == ["T-C.23", "T-C.24", "T-C.25", "T-C.26", "T-C.27", "7.1", "2.1",
                            "2.2", "2.3", "2.4", "3.1", "3.2", "3.3", "3.4"]
    widths = {"T-C.23": 20, "T-C.24": 18, "T-C.25": 9, "T-C.26": 4, "T-C.27": 20, "7.1": 10,
              "2.1": 6, "2.2": 7, "2.3": 3, "2.4": 4, "3.1": 4, "3.2": 4, "3.3": 4, "3.4": 4}
    for number, table in tables.items():
        assert len(table.columns) == widths[number], number
        numbered = [c.number for c in table.columns if c.number is not None]
        assert numbered in ([], list(range(1, len(table.columns) + 1))), number
    rows = {"T-C.23": 7, "T-C.24": 72, "T-C.25": 18, "T-C.27": 73, "7.1": 7, "2.1": 12,
            "2.2": 21, "2.3": 9, "2.4": 17, "3.1": 3, "3.2": 14, "3.3": 10, "3.4": 11}
    for number, count in rows.items():
        assert len(tables[number].rows) == count, number


def test_names_are_read_loosely(plan: Plan) -> None:
    assert table_names() == tuple(TABLES)
    for name in ("TC-23", "T-C.23", "tc23", "TC 23"):
        assert build(plan, name).number == "T-C.23"
    assert build(plan, "71").number == "7.1"
    assert build(plan, "2.4").number == "2.4"
    with pytest.raises(UnknownTableError, match="tidak ada tabel bernama 'TC-99'"):
        build(plan, "TC-99", "id")
    with pytest.raises(LookupError, match="known: TC-23"):
        build(plan, "3.9")


def test_a_table_refuses_ragged_rows_and_duplicate_columns() -> None:
    columns = (Column("a", "A"), Column("b", "B"))
    with pytest.raises(ValueError, match="row 0 has 1 cells"):
        Table("x", "X", columns, (Row(("only",)),))
    with pytest.raises(ValueError, match="keys"):
        Table("x", "X", (Column("a", "A"), Column("a", "B")))
    with pytest.raises(ValueError, match="titles"):
        Table("x", "X", (Column("a", "A"), Column("b", "A")))
    table = Table("x", "X", columns, (Row(("p", "q")), Row(("r", None))))
    assert table.keys == ("a", "b")
    assert table.values("b") == ("q", None)
    assert table.subset([1], ["b", "a"]).rows[0].cells == (None, "r")
    with pytest.raises(KeyError):
        table.index("c")


# -- pinned cells (no source needed) -------------------------------------------------------------


def test_tc23_pinned_cells(tables: dict[str, Table]) -> None:
    t = tables["T-C.23"]
    assert t.cell(0, "indicator") == "Jumlah PMKS yang tertangani"
    assert t.cell(0, "ikk") == q("38827", None, "100.00")  # "100,00 % (38,827)"
    assert t.cell(0, "planned_2022") == q("25325", None, "72.18")  # "72.18 % (25.325)"
    assert t.cell(1, "realised_2023") == q("2", None, "26.32")  # "26,32 % (2)"
    assert t.cell(4, "planned_2026") == q("3327", None, "59.04")  # "59,04 % (3.327)"
    ratio = t.cell(6, "ratio_2024")
    assert isinstance(ratio, Computed)
    assert ratio.stated == D("100")  # "100 %"
    assert ratio.computed == D("100")
    assert ratio.agrees is True
    assert t.cell(0, "nspk") is None
    assert not t.mismatches()


def test_tc24_pinned_cells(tables: dict[str, Table]) -> None:
    t = tables["T-C.24"]
    assert t.cell(0, "uraian") == "URUSAN PEMERINTAHAN BIDANG SOSIAL"
    assert t.cell(0, "planned_2022") == D("4847753572")
    assert t.cell(0, "planned_2023") == D("4091594846.5")  # "4.091.594.846,5"
    assert t.cell(0, "realised_2023") == D("4091594847")
    assert t.cell(8, "planned_2024") == D("40000000")
    assert t.cell(8, "planned_2022") is NIL
    growth = t.cell(0, "growth_planned")
    assert isinstance(growth, Growth)
    assert growth.stated == D("14.49")
    assert (present(growth.mean), present(growth.cagr), present(growth.last_step)) == (
        D("22.59"), D("17.48"), D("14.49"))
    assert growth.computed == growth.mean
    assert growth.agrees is False
    negative = t.cell(34, "growth_planned")
    assert isinstance(negative, Growth)
    assert negative.stated == D("-0.21")  # "(0.21)"
    pemulangan = t.cell(7, "growth_realised")
    assert isinstance(pemulangan, Growth)
    assert pemulangan.stated == D("150.00")
    ratio = t.cell(0, "ratio_2023")
    assert isinstance(ratio, Computed)
    assert ratio.stated is NIL  # "-"
    assert present(ratio.computed, 8) == D("100.00000001")
    assert ratio.agrees is None
    assert t.rows[0].level is Level.BIDANG_URUSAN
    assert t.rows[0].code == Code.parse("1 06")


def test_tc24_average_growth_is_the_last_step(tables: dict[str, Table]) -> None:
    """The column the document heads "Rata-rata Pertumbuhan" states, on every row, the growth
    of the last step: where it states a number it is the last step's, and where it states ``-``
    the last step is zero or undefined."""
    t = tables["T-C.24"]
    for key in ("growth_planned", "growth_realised"):
        for cell in t.values(key):
            assert isinstance(cell, Growth)
            if isinstance(cell.stated, Decimal):
                assert present(cell.last_step) == cell.stated
            else:
                assert cell.stated is NIL
                assert isinstance(cell.last_step, Undefined) or cell.last_step == 0
    assert len(t.mismatches()) == 72  # 36 rows state a growth; none is the mean


def test_tc25_pinned_cells(tables: dict[str, Table]) -> None:
    t = tables["T-C.25"]
    assert t.cell(0, "no") == "1."
    assert t.cell(0, "planned_2022") == Quantity(
        D(67), "SDM PKH", also=(Quantity(D(24), "TSKK"),))  # "67 SDM PKH 24 TSKK"
    assert t.cell(1, "planned_2026") == Quantity(
        D(17431), "KPM PKH", also=(Quantity(D(20212), "KPM BPNT"),))  # "17.431 KPM PKH …"
    assert t.cell(16, "planned_2024") == q("30272", "KPM")  # "30.272 KPM"
    assert t.cell(1, "goal") is None  # printed once per goal
    assert t.cell(5, "no") == "2."


def test_tc26_pinned_cells(tables: dict[str, Table]) -> None:
    t = tables["T-C.26"]
    assert t.rows[0].kind is RowKind.HEADING
    assert str(t.cell(0, "goal")).startswith("Visi : Terwujudnya Masyarakat Timor Tengah Utara")
    assert t.cell(1, "goal") == (
        "Misi I : Meningkatkan pendapatan masyarakat dengan pengembangan sektor pertanian dan "
        "sektor ekonomi lainnya yang berwawasan lingkungan")
    strategies = t.cell(2, "strategies")
    assert isinstance(strategies, tuple)
    assert strategies[0] == "Meningkatkan koordinasi lintas sektor"
    assert len(strategies) == 5
    assert str(t.cell(9, "goal")).startswith("Misi V : Pengembangan Kawasan Strategis")
    policies = t.cell(10, "policies")
    assert isinstance(policies, tuple)
    assert len(policies) == 2


def test_tc27_pinned_cells(tables: dict[str, Table]) -> None:
    t = tables["T-C.27"]
    row = {str(r.code): i for i, r in enumerate(t.rows) if r.code is not None}
    dtks = row["1.06.05.2.02.0002"]
    assert t.cell(dtks, "baseline") == q("25325", "KPM")  # "25,325 KPM"
    assert t.cell(dtks, "planned_2022") == q("25325", "KPM", "72.18")  # "25,325 KPM (72,18 %)"
    assert t.cell(dtks, "pagu_2022") is NIL  # "-"
    assert t.cell(dtks, "pagu_2026") == D("140000000")
    assert t.cell(dtks, "end_target") == q("38827", "KPM", "100.00")
    assert t.cell(dtks, "end_pagu") == D("430000000")
    assert t.cell(dtks, "location") == "Kabupaten TTU"
    kube = row["1.06.05.2.02.0003"]
    assert t.cell(kube, "planned_2023") == q("2", None, "26.32")  # "2 (26,32 %)"
    rentan = row["1.06.06.2.01.0004"]
    assert t.cell(rentan, "end_target") == q("35")  # "35"
    assert t.cell(rentan, "baseline") == q("-", "orang")  # "- orang"
    program = row["1.06.02"]
    assert t.cell(program, "pagu_2022") == D("1079316066")
    assert t.cell(program, "end_pagu") == D("6046346066")
    assert t.cell(program, "unit") == "Dinas Sosial Kab. TTU"
    assert t.cell(row["1.06.03"], "pagu_2022") is NIL
    total = t.rows[-1]
    assert total.kind is RowKind.TOTAL
    assert t.cell(len(t.rows) - 1, "pagu_2023") == D("4091594846.50")  # "4,091,594,846.50"
    assert t.cell(len(t.rows) - 1, "end_pagu") == D("33801099011")


def test_tc27_holds_every_row_of_the_plan_in_code_order(
    plan: Plan, tables: dict[str, Table]
) -> None:
    t = tables["T-C.27"]
    coded = [r for r in t.rows if r.code is not None]
    assert [r.code for r in coded] == sorted(a.code for _, a in plan.activities())
    assert len(coded) == 71
    borrowed = [t.rows[i] for i in t.borrowed()]
    assert len(borrowed) == 18
    for r in borrowed:
        assert r.source is not None
        assert r.source.table == "T-C.24"
        assert r.code is not None
        assert r.code.is_descendant_of(Code.parse("1 06 01")) or r.code == Code.parse("1 06 01")
        assert r.code < Code.parse("1 06 01 2.08")
    assert t.footnote("en") == "† row taken from T-C.24"
    assert t.footnote("id") == "† baris diambil dari T-C.24"
    extra = [r for r in t.rows if r.code is None and r.kind is RowKind.DATA]
    assert len(extra) == 1  # the Tagana line under 1 06 06 2.02 02
    i = t.rows.index(extra[0])
    assert t.rows[i - 1].code == Code.parse("1 06 06 2.02 02")
    assert t.cell(i, "baseline") == q("37", "Tagana")
    assert t.cell(i, "planned_2022") == q("38", "Tagana")


def test_table_7_1_pinned_cells(tables: dict[str, Table]) -> None:
    t = tables["7.1"]
    assert t.cell(0, "planned_2022") == q("25325", "KPM", "72.18")  # "72,18 % (25.325 KPM)"
    assert t.cell(0, "baseline") == q("25325", "KPM", "65.23")  # "65,23 % (25.325 KPM)"
    assert t.cell(0, "end") == q("38827", "KPM", "100.00")
    assert t.cell(4, "end") == q("2994", "org", "59.04")  # "59,04 % (2.994 org)"
    assert t.cell(6, "planned_2026") == q("220", "org", "100.00")
    assert t.cell(1, "no") == 2


def test_tables_2_pinned_cells(tables: dict[str, Table]) -> None:
    t21 = tables["2.1"]
    assert t21.rows[0].cells == (1, "Kepala Dinas", "Struktural", 1, NIL, 1)
    assert t21.rows[-1].cells == (None, "Total", None, 20, 11, 31)
    assert t21.rows[-1].kind is RowKind.TOTAL
    t22 = tables["2.2"]
    assert t22.rows[0].cells == (1, "Kepala Dinas", "1V-c", 1, "S1", 1, 1)
    assert t22.rows[-1].cells == (None, "Total", None, None, None, None, 31)
    assert tables["2.3"].rows[-1].cells == (None, "Total", 193)
    assert tables["2.3"].rows[0].cells == (1, "Pendamping Program Keluarga Harapan", 68)
    assert tables["2.4"].rows[7].cells == (8, "Laptop", "Unit", 43)


# -- the document's text as the oracle -----------------------------------------------------------

TAG = re.compile(r"</?i>|</?p>")
MONEY = re.compile(r"^\d{1,3}(?:,\d{3})+(?:\.\d+)?$")
CODE = re.compile(r"^1 06 0\d(?: \d\.\d\d(?: \d\d)?)?$")


def _lines() -> list[str]:
    assert SOURCE is not None
    with open(SOURCE, encoding="utf-8") as f:
        return f.read().splitlines()


def _section(start: str, end: str) -> list[str]:
    """The lines from the first that is *start* up to the first after it that begins with
    *end* (as tests/test_ttu_source.py reads the document)."""
    lines = _lines()

    def opens(line: str) -> bool:
        return line.startswith(start) if "\t" in start else line.strip() == start

    first = next(i for i, line in enumerate(lines) if opens(line))
    last = next(i for i in range(first + 1, len(lines)) if lines[i].startswith(end))
    return lines[first:last]


def _text(cell: str) -> str:
    return " ".join(TAG.sub("", cell).split())


def _signed(cell: str) -> Decimal | Nil:
    """A T-C.24 number: ``4,091,594,846.5``, ``14.49``, ``(0.21)``, ``-``."""
    cell = _text(cell)
    if cell == "-":
        return NIL
    if cell.startswith("(") and cell.endswith(")"):
        return -D(cell[1:-1].replace(",", ""))
    return D(cell.replace(",", ""))


PCT_COUNT = re.compile(r"^([\d.,]+)\s*%\s*\(([\d.,]+)\s*([^)]*)\)$")


def _pct_count(cell: str) -> Quantity:
    """``72,18 % (25.325 KPM)``, ``72.18 % (25.325)``, ``100,00 % (38,827)``: the percentage
    takes either mark before its decimals; the count (whole) either mark between thousands."""
    match = PCT_COUNT.match(_text(cell))
    assert match, cell
    percent, count, unit = match.groups()
    return Quantity(D(count.replace(".", "").replace(",", "")), unit.strip() or None,
                    D(percent.replace(",", ".")))


QUANTITY = re.compile(r"^(-|[\d,]+)(?:\s+([^()]*?))?\s*(?:\((\d+(?:,\d+)?)\s*%\))?$")


def _quantity(cell: str) -> Quantity:
    """A T-C.27 target: ``25,325 KPM (72,18 %)``, ``- Kasus``, ``2 (26,32 %)``, ``35``, ``-``."""
    match = QUANTITY.match(_text(cell))
    assert match, cell
    amount, unit, percent = match.groups()
    return Quantity(NIL if amount == "-" else D(amount.replace(",", "")), unit or None,
                    None if percent is None else D(percent.replace(",", ".")))


def _figures(cell: str) -> list[tuple[Decimal, str]]:
    """The figures of a T-C.25 cell: ``18.895 KPM PKH 23.899 KPM BPNT`` → [(18895, 'KPM PKH'),
    (23899, 'KPM BPNT')]; a point groups thousands."""
    out: list[tuple[Decimal, list[str]]] = []
    for token in _text(cell).split():
        if re.fullmatch(r"\d[\d.]*", token):
            out.append((D(token.replace(".", "")), []))
        else:
            out[-1][1].append(token)
    return [(amount, " ".join(unit)) for amount, unit in out]


def _count(cell: str) -> int | Nil | None:
    cell = cell.strip()
    if not cell:
        return None
    return NIL if cell == "-" else int(cell)


def _money_or_nil(cell: object) -> Decimal | Nil | None:
    assert cell is None or isinstance(cell, Decimal | Nil)
    return cell


@needs_source
def test_tc23_matches_the_document(tables: dict[str, Table]) -> None:
    rows = [line.split("\t") for line in _section("Tabel TC-23", "Tabel TC-24")
            if re.match(r"^[1-7]\.\t", line)]
    t = tables["T-C.23"]
    assert len(rows) == len(t.rows) == 7
    for cells, row in zip(rows, t.rows, strict=True):
        assert row.cells[0] == int(cells[0].rstrip("."))
        assert row.cells[1] == _text(cells[1])
        for i in (2, 3, 4):  # NSPK, IKK, other
            assert row.cells[i] == (_pct_count(cells[i]) if cells[i].strip() else None)
        for i in range(5, 15):  # targets and realisations, years 1-5
            assert row.cells[i] == _pct_count(cells[i]), (cells[0], i)
        for i in range(15, 20):  # ratios
            cell = row.cells[i]
            assert isinstance(cell, Computed)
            assert cell.stated == D(cells[i].replace("%", "").strip())


def _tc24_rows() -> Iterator[tuple[str, list[str]]]:
    pending = ""
    for line in _section("Tabel TC-24", "2.4. Tantangan"):
        cells = line.split("\t")
        label = _text(cells[0])
        if len(cells) < 18 or label in {"", "Uraian", "1"} or label.isdigit():
            continue
        values = list(cells[1:18])
        if all(not v.strip() for v in values):
            pending = label + " "
            continue
        yield pending + label, values
        pending = ""


@needs_source
def test_tc24_matches_the_document(tables: dict[str, Table]) -> None:
    t = tables["T-C.24"]
    rows = list(_tc24_rows())
    assert len(rows) == len(t.rows) == 72
    for (label, cells), row in zip(rows, t.rows, strict=True):
        assert row.cells[0] == label
        for i in range(1, 11):  # budget and realisation, years 1-5
            assert row.cells[i] == _signed(cells[i - 1]), (label, i)
        for i in range(11, 18):  # ratios and growth: the stated figure
            cell = row.cells[i]
            assert isinstance(cell, Computed | Growth)
            assert cell.stated == _signed(cells[i - 1]), (label, i)


@needs_source
def test_tc25_matches_the_document(tables: dict[str, Table]) -> None:
    """T-C.25 prints the figures of several indicators in one cell where its rows break across
    pages; read in order, every year's figures are the table's."""
    printed: list[list[tuple[Decimal | Nil, str | None]]] = [[] for _ in YEARS]
    for line in _section("Tabel TC-25", "Dari tabel di atas dapat dilihat bahwa angka"):
        cells = line.split("\t")
        if len(cells) != 9 or cells[0] in ("NO.", "1") or cells[4] in ("1", "5", ""):
            continue
        for k in range(5):
            printed[k].extend(_figures(cells[4 + k]))
    t = tables["T-C.25"]
    for k, year in enumerate(YEARS):
        held: list[tuple[Decimal | Nil, str | None]] = []
        for cell in t.values(f"planned_{year}"):
            assert isinstance(cell, Quantity)
            held.extend((f.amount, f.unit) for f in cell.figures())
        assert held == printed[k], year
    numbers = [c.split("\t")[0] for c in _section("Tabel TC-25", "Dari tabel")
               if re.match(r"^\d\.\t", c)]
    assert [n for n in t.values("no") if n is not None] == numbers


@needs_source
def test_tc26_matches_the_document(tables: dict[str, Table]) -> None:
    """T-C.26 has no figures; its headings and every strategy and policy are the document's
    words."""
    section = _section("Tabel T-C.26", "Dari tabel di atas dapat dilihat bahwa strategi")
    text = " ".join(_text(line) for line in section)
    missions = [_text(line.split("\t")[0]) for line in section if line.startswith("Misi ")]
    t = tables["T-C.26"]
    headings = [str(r.cells[0]) for r in t.rows if r.kind is RowKind.HEADING]
    assert headings[1:] == missions
    vision = next(line for line in section if line.startswith("Visi :"))
    assert headings[0] == _text(vision.split("\t")[0])
    for row in t.rows:
        for cell in row.cells[2:]:
            for item in cell if isinstance(cell, tuple) else ():
                assert " ".join(item.split()) in text, item


def _tc27_lines() -> Iterator[tuple[list[str], list[str], list[str]]]:
    """Each coded line of T-C.27 as (cells before the code, the code cell, cells after it), the
    spare leading empty cell of the second page dropped; and the Tagana line, with no code."""
    for line in _section("TUJUAN\tSASARAN\tKODE REKENING", "BAB VII"):
        cells = [c.strip() for c in line.split("\t")]
        codes = [i for i, c in enumerate(cells) if CODE.match(c)]
        if codes:
            i = codes[0]
            rest = cells[i + 1:]
            if rest and rest[0] == "":
                rest = rest[1:]
            yield cells[:i], [cells[i]], rest
        elif any("Tagana" in c for c in cells):
            yield [], [], [c for c in cells if c]


def _normal(text: str) -> str:
    return " ".join(text.replace("Kefame- nanu", "Kefamenanu")
                    .replace("Kefame-nanu", "Kefamenanu").split())


@needs_source
def test_tc27_matches_the_document(tables: dict[str, Table]) -> None:
    t = tables["T-C.27"]
    index = {r.code: i for i, r in enumerate(t.rows) if r.code is not None}
    seen = 0
    for before, code_cell, cells in _tc27_lines():
        if not code_cell:
            continue
        code = Code.parse(code_cell[0])
        r = index[code]
        row = t.rows[r]
        assert [x for x in before if x] == [x for x in (row.cells[0], row.cells[1]) if x]
        assert _normal(cells[0]) == t.cell(r, "name"), code
        pagu = [t.cell(r, f"pagu_{y}") for y in YEARS] + [t.cell(r, "end_pagu")]
        if code.level is Level.SUB_KEGIATAN:
            if code == Code.parse("1 06 07 2.01 01"):
                del cells[13]  # the document's one surplus cell ("-" before the end target)
            assert _normal(cells[1]) == (t.cell(r, "indicator") or ""), code
            assert _quantity(cells[2]) == t.cell(r, "baseline"), code
            for k, year in enumerate(YEARS):
                target, money = cells[3 + 2 * k], cells[4 + 2 * k]
                assert _quantity(target) == t.cell(r, f"planned_{year}"), (code, year)
                assert _signed(money) == t.cell(r, f"pagu_{year}"), (code, year)
            assert _quantity(cells[13]) == t.cell(r, "end_target"), code
            assert _signed(cells[14]) == t.cell(r, "end_pagu"), code
            texts = [_normal(c) for c in cells[15:] if c]
        else:
            stated = [c for c in cells[1:] if MONEY.match(c) or c == "-"]
            assert [_signed(c) for c in stated] == [_money_or_nil(p) for p in pagu if p], code
            texts = [_normal(c) for c in cells[1:] if c and not (MONEY.match(c) or c == "-")]
        assert texts == [x for x in (t.cell(r, "unit"), t.cell(r, "location")) if x], code
        seen += 1
    assert seen == 53  # the coded lines of the extraction; the other 18 rows come from T-C.24
    total = next(line for line in _lines() if line.startswith("TOTAL ANGGARAN"))
    amounts = [D(c.replace(",", "")) for c in total.split("\t") if MONEY.match(c.strip())]
    last = len(t.rows) - 1
    assert [t.cell(last, f"pagu_{y}") for y in YEARS] + [t.cell(last, "end_pagu")] == amounts


def _tagana() -> list[str]:
    return next(cells for _, code, cells in _tc27_lines() if not code)


@needs_source
def test_tc27_tagana_line_targets_match_the_document(tables: dict[str, Table]) -> None:
    """The Tagana line (a second indicator of 1 06 06 2.02 02, no code, no name): baseline and
    the first cell of each year's pair."""
    cells = _tagana()
    t = tables["T-C.27"]
    r = next(i for i, row in enumerate(t.rows) if row.code is None and row.kind is RowKind.DATA)
    assert _quantity(cells[0]) == t.cell(r, "baseline")
    for k, year in enumerate(YEARS):
        assert _quantity(cells[1 + 2 * k]) == t.cell(r, f"planned_{year}")


@needs_source
def test_tc27_tagana_line_repeats_each_target_in_the_rp_column(tables: dict[str, Table]) -> None:
    """The Tagana line prints each year's target twice, in the target and the Rp. column (one
    cell across both, split by the extraction), and its location again as 'Kab. TTU'. The
    dataset records each target once, no money, and says so in the row's note
    (docs/ttu-dataset.md, 'The Tagana line')."""
    cells = _tagana()
    assert [cells[2 + 2 * k] for k in range(len(YEARS))] == [
        cells[1 + 2 * k] for k in range(len(YEARS))
    ]
    t = tables["T-C.27"]
    r = next(i for i, row in enumerate(t.rows) if row.code is None and row.kind is RowKind.DATA)
    assert [t.cell(r, f"pagu_{y}") for y in YEARS] == [None] * len(YEARS)
    (_, tagana) = ttu_dinsos().find("1 06 06 2.02 02").indicators
    assert tagana.source is not None
    assert tagana.source.note is not None
    assert "Kab. TTU" in tagana.source.note
    assert cells[-1] == "Kab. TTU"


@needs_source
def test_table_7_1_matches_the_document(tables: dict[str, Table]) -> None:
    rows = [line.split("\t") for line in _section("Tabel 7.1", "Tabel di atas")
            if re.match(r"^[1-7]\t\D", line)]
    t = tables["7.1"]
    assert len(rows) == len(t.rows) == 7
    for cells, row in zip(rows, t.rows, strict=True):
        assert row.cells[0] == int(cells[0])
        assert row.cells[1] == _text(cells[1])
        assert row.cells[2] == _text(cells[2])
        assert list(row.cells[3:10]) == [_pct_count(c) for c in cells[3:10]], cells[0]


def _rows_of(start: str, width: int) -> list[list[str]]:
    return [
        line.split("\t") for line in _section(start, "Sumber :")
        if len(line.split("\t")) == width and not line.startswith("No\t")
        and not line.startswith("\t\t\tL")
    ]


@needs_source
def test_table_2_1_matches_the_document(tables: dict[str, Table]) -> None:
    rows = _rows_of("Tabel 2.1", 6)
    t = tables["2.1"]
    assert len(rows) == len(t.rows)
    for cells, row in zip(rows, t.rows, strict=True):
        assert row.cells[0] == _count(cells[0])
        assert row.cells[1] == (cells[1] or None)
        assert row.cells[2] == (cells[2] or None)
        assert list(row.cells[3:]) == [_count(c) for c in cells[3:]]


@needs_source
def test_table_2_2_matches_the_document(tables: dict[str, Table]) -> None:
    rows = _rows_of("Tabel 2.2", 7)
    t = tables["2.2"]
    assert len(rows) == len(t.rows)
    for cells, row in zip(rows, t.rows, strict=True):
        if cells[0] == "Total":
            cells = ["", "Total", *cells[2:]]
        assert row.cells[0] == _count(cells[0])
        assert row.cells[1] == (cells[1] or None)
        assert (row.cells[2], row.cells[4]) == (cells[2] or None, cells[4] or None)
        assert (row.cells[3], row.cells[5], row.cells[6]) == tuple(
            _count(cells[i]) for i in (3, 5, 6))


@needs_source
@pytest.mark.parametrize(("number", "start", "width"),
                         [("2.3", "Tabel 2.3", 3), ("2.4", "Tabel 2.4.", 4)])
def test_tables_2_3_and_2_4_match_the_document(
    tables: dict[str, Table], number: str, start: str, width: int
) -> None:
    rows = _rows_of(start, width)
    t = tables[number]
    assert len(rows) == len(t.rows)
    for cells, row in zip(rows, t.rows, strict=True):
        if cells[0] == "Total":
            cells = ["", "Total", *cells[2:]]
        assert row.cells[0] == _count(cells[0])
        assert list(row.cells[1:-1]) == [c or None for c in cells[1:-1]]
        assert row.cells[-1] == _count(cells[-1])


# -- any plan -----------------------------------------------------------------------------------


@settings(deadline=None)
@given(plans())
def test_every_table_of_any_plan_is_well_formed(plan: Plan) -> None:
    for table in build_all(plan):
        for row in table.rows:
            assert len(row.cells) == len(table.columns)
        for column in table.columns:
            if column.kind in (Kind.MONEY, Kind.PERCENT, Kind.RATE):
                for cell in table.values(column.key):
                    value = cell.stated if isinstance(cell, Computed | Growth) else cell
                    assert value is None or isinstance(value, Decimal | Nil)
                    if isinstance(cell, Computed | Growth):
                        assert isinstance(cell.computed, Decimal | Undefined)
    t27 = build(plan, "TC-27")
    coded = [r.code for r in t27.rows if r.code is not None]
    assert coded == sorted(a.code for _, a in plan.activities())
    extra = sum(max(len(a.indicators), 1) - 1 for _, a in plan.activities())
    total = 1 if plan.total_budget is not None else 0
    assert len(t27.rows) == len(coded) + extra + total
    t24 = build(plan, "TC-24")
    assert len(t24.rows) == len(plan.budget_table)
    t25 = build(plan, "TC-25")
    indicators = [i for g in plan.goals for t in g.targets for i in t.indicators]
    assert sum(1 for r in t25.rows if r.cells[3] is not None) == sum(
        1 for i in indicators if i.name is not None)

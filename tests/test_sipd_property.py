"""Synthetic SIPD exports: the generator writes what its ledger says, in each dialect, the same
seed gives the same file, and the SIPD reader loses no row and no rupiah of what was written."""

from __future__ import annotations

import csv
import io
import json
import tempfile
from collections import Counter, defaultdict
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from renstra_model import Level
from renstra_model.io.sipd import SipdError, SipdExport, read_sipd
from renstra_model.model.budget import BudgetLine
from renstra_model.model.values import NIL
from renstra_model.synthetic import (
    AGENCIES,
    DIALECTS,
    SIPD_DEFECTS,
    GeneratedExport,
    SipdDialect,
    SipdRow,
    catalogue,
    generate_export,
    region,
)
from renstra_model.synthetic.sipd import HEADER, JSON_EXTRA

D = Decimal

SEEDED = {1: "three-decimals", 2: "no-skpd", 3: "beyond-period", 4: "bad-code",
          5: "unreadable-money"}
"""One defect of every kind in the rows 1 … 5 of the export the examples pin."""


def records(made: GeneratedExport) -> dict[int, dict[str, Any]]:
    """The rows of the file *made* wrote, by record number, read with the standard library
    alone (``csv`` in the export's encoding and delimiter; ``json``)."""
    raw = made.path.read_bytes()
    if made.dialect == "json":
        data = json.loads(raw.decode("utf-8"))["data"]
        return dict(enumerate(data, start=1))
    text = raw.decode(made.encoding)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=made.delimiter or ",")
    rows = list(reader)
    assert rows[0] == list(HEADER)
    return {i: dict(zip(HEADER, row, strict=True)) for i, row in enumerate(rows[1:], start=2)}


def pinned(tmp_path: Path, dialect: SipdDialect, **options: Any) -> GeneratedExport:
    return generate_export(tmp_path / f"export.{dialect}", seed=2, dialect=dialect, regions=1,
                           agencies=2, seeded=SEEDED, **options)


# -- the dialects -----------------------------------------------------------------------------


def test_a_csv_export(tmp_path: Path) -> None:
    made = pinned(tmp_path, "csv")
    raw = made.path.read_bytes()
    assert raw.startswith(b"kodepemda,namapemda,idperiode,kodebidang,uraibidang,kodeprogram,"
                          b"uraiprogram,kodekegiatan,uraikegiatan,kodesubkegiatan,"
                          b"uraisubkegiatan,kodeskpd,uraiskpd,kodesubkegiatan_indikator,"
                          b"uraisubkegiatan_indikator,satuan,kinerja,volume_awal,volume_0,"
                          b"volume_1,volume_2,volume_3,volume_4,volume_5,volume_6,volume_7,"
                          b"pagu_awal,pagu1,pagu2,pagu3,pagu4,pagu5,pagu6,pagu7\n1281,")
    assert (made.encoding, made.delimiter, made.names, made.numbers) == (
        "utf-8", ",", True, "text")
    assert (made.idperiode, made.years) == ("20252029", (2025, 2026, 2027, 2028, 2029))
    assert [(a.kodepemda, a.namapemda, a.kodeskpd, a.uraiskpd) for a in made.agencies] == [
        ("1281", "Kota Weka", "1.06.0.00.0.00.06.0000", "Dinas Sosial"),
        ("1281", "Kota Weka", "2.17.0.00.0.00.17.0000", "Dinas Koperasi dan Usaha Mikro")]
    rows = records(made)
    first = rows[2]
    assert [first[k] for k in ("kodepemda", "namapemda", "idperiode", "kodebidang",
                               "kodeprogram", "kodekegiatan", "kodesubkegiatan", "kodeskpd",
                               "uraiskpd")] == [
        "1281", "Kota Weka", "20252029", "1.06", "1.06.01", "1.06.01.2.03",
        "1.06.01.2.03.0010", "1.06.0.00.0.00.06.0000", "Dinas Sosial"]
    assert first["uraisubkegiatan_indikator"] == "Jumlah Lembaga yang Dilayani di ’Kafé Baca’"
    assert [first[f"pagu{i}"] for i in range(1, 8)] == [
        "84113160.17", "97571000.0", "100498000.0", "116577000.0", "111913000.0", "", ""]
    assert (first["volume_6"], first["volume_7"], first["pagu_awal"]) == ("", "", "")
    assert rows[3]["pagu5"] == "871995000.125"
    assert rows[4]["kodeskpd"] == ""
    assert rows[5]["pagu6"] == "210629000.0"
    assert rows[6]["kodesubkegiatan"] == "1.06.07.2.05.O007"
    assert rows[7]["pagu2"] == "12.34.5"
    assert [(d.kind, d.row, d.field, d.written) for d in made.defects] == [
        ("three-decimals", 3, "pagu5", "871995000.125"), ("no-skpd", 4, "kodeskpd", ""),
        ("beyond-period", 5, "pagu6", "210629000.0"),
        ("bad-code", 6, "kodesubkegiatan", "1.06.07.2.05.O007"),
        ("unreadable-money", 7, "pagu2", "12.34.5")]
    assert made.ledger[0].rupiah() == {2025: D("84113160.17"), 2026: D("97571000"),
                                       2027: D("100498000"), 2028: D("116577000"),
                                       2029: D("111913000")}
    assert 2029 not in made.ledger[1].rupiah()
    assert made.ledger[3].rupiah()[2025] == 0  # a stated zero is a sound cell
    assert 2030 not in made.ledger[3].rupiah()
    assert [r.placed for r in made.ledger[:6]] == [True, True, False, True, False, True]


def test_a_csv_export_in_the_indonesian_excel_locale(tmp_path: Path) -> None:
    made = pinned(tmp_path, "csv-id")
    raw = made.path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbfkodepemda;namapemda;idperiode;")
    assert raw.split(b"\r\n")[0].endswith(b";pagu6;pagu7")
    assert (made.encoding, made.delimiter) == ("utf-8-sig", ";")
    rows = records(made)
    assert [rows[2][f"pagu{i}"] for i in range(1, 8)] == [
        "84113160,17", "97571000,00", "100498000,00", "116577000,00", "111913000,00", "", ""]
    assert rows[3]["pagu5"] == "871995000,125"
    assert rows[5]["pagu6"] == "210629000,00"
    assert rows[7]["pagu2"] == "12.34.5"
    assert made.defects[0].written == "871995000,125"
    # the same rows and rupiah as the plain CSV of the seed
    plain = pinned(tmp_path, "csv")
    assert [r.rupiah() for r in made.ledger] == [r.rupiah() for r in plain.ledger]


def test_a_csv_export_in_windows_1252(tmp_path: Path) -> None:
    made = pinned(tmp_path, "csv-1252")
    raw = made.path.read_bytes()
    assert raw.startswith(b"kodepemda,namapemda,")  # no byte order mark
    assert b"yang Dilayani di \x92Kaf\xe9 Baca\x92," in raw
    with pytest.raises(UnicodeDecodeError):
        raw.decode("utf-8")
    assert made.encoding == "cp1252"
    assert records(made)[2]["uraisubkegiatan_indikator"].endswith("’Kafé Baca’")
    assert b"\r\n" in raw


def test_names_hold_quoted_newlines(tmp_path: Path) -> None:
    csv_dialects: tuple[SipdDialect, ...] = ("csv", "csv-id", "csv-1252")
    for dialect in csv_dialects:
        made = pinned(tmp_path, dialect)
        text = made.path.read_bytes().decode(made.encoding)
        rows = records(made)
        name = rows[2]["uraisubkegiatan"]
        assert "\n" in name
        assert f'"{name}"' in text.replace("\r\n", "\n")
        # more lines than records: a record number is not a line number
        assert text.count("\n") > len(rows) + 1
        assert [r.row for r in made.ledger] == list(range(2, len(rows) + 2))


def test_a_json_export(tmp_path: Path) -> None:
    made = pinned(tmp_path, "json", names=True, numbers="text")
    data = json.loads(made.path.read_text(encoding="utf-8"))
    assert list(data) == ["data"]
    first = data["data"][0]
    assert set(first) == {*HEADER, *JSON_EXTRA}
    assert list(first)[:5] == ["kodepemda", "namapemda", "idperiode", "idoutcome", "idoutput"]
    assert (first["idperiode"], first["pagu1"], first["pagu2"], first["pagu6"]) == (
        "20252029", "84113160.17", "97571000.0", "")
    assert made.fields == tuple(first)
    assert [r.row for r in made.ledger] == list(range(1, len(data["data"]) + 1))
    assert [(d.kind, d.row, d.field) for d in made.defects] == [
        ("three-decimals", 2, "pagu5"), ("no-skpd", 3, "kodeskpd"), ("beyond-period", 4, "pagu6"),
        ("bad-code", 5, "kodesubkegiatan"), ("unreadable-money", 6, "pagu2")]


def test_a_json_export_with_numbers_and_without_names(tmp_path: Path) -> None:
    made = pinned(tmp_path, "json", names=False, numbers="json")
    text = made.path.read_text(encoding="utf-8")
    assert '"pagu1": 84113160.17,' in text
    assert '"pagu5": 871995000.125,' in text  # the three decimals, as a JSON number
    assert '"idperiode": 20252029,' in text
    first = json.loads(text)["data"][0]
    assert not [k for k in first if k.startswith("urai")]
    assert first["namapemda"] == "Kota Weka"
    assert (first["pagu6"], first["pagu7"], first["volume_0"]) == (None, None, None)
    assert isinstance(first["pagu2"], float)
    assert made.ledger[0].indicator is None
    assert made.defects[1].written == ""
    assert made.defects[2].written == "210629000.0"


# -- the generator ----------------------------------------------------------------------------


@pytest.mark.parametrize("dialect", DIALECTS)
def test_the_ledger_is_what_the_file_holds(tmp_path: Path, dialect: SipdDialect) -> None:
    for seed in range(3):
        made = generate_export(tmp_path / "export", seed=seed, dialect=dialect,
                               defect_rate="0.5")
        rows = records(made)
        assert sorted(rows) == [r.row for r in made.ledger]
        for entry in made.ledger:
            row = rows[entry.row]
            assert (row["kodepemda"], row["kodeskpd"]) == entry.key
            assert row["kodesubkegiatan"] == entry.written_code
            for cell in entry.pagu:
                written = row[cell.field]
                assert (repr(written) if isinstance(written, float) else written) == cell.written
                if cell.rupiah is not None:
                    assert D(cell.written.replace(",", ".")) == cell.rupiah
            filled = {f"pagu{i}" for i in range(1, 8) if row[f"pagu{i}"] not in ("", None)}
            assert filled == {c.field for c in entry.pagu}
            for defect in entry.defects:
                written = row[defect.field]
                assert (repr(written) if isinstance(written, float) else written) == \
                    defect.written


def test_codes_names_agencies_and_regions_come_from_the_synthetic_world(tmp_path: Path) -> None:
    names = catalogue()
    for dialect in DIALECTS:
        made = generate_export(tmp_path / "export", seed=4, dialect=dialect, names=True,
                               regions=3, agencies=4)
        rows = records(made)
        assert len({a.kodepemda for a in made.agencies}) == 3
        for agency in made.agencies:
            assert agency.uraiskpd in {a.name for a in AGENCIES}
            assert agency.namapemda in {region(n).name for n in range(550)}
        for entry in made.ledger:
            generic = entry.code if entry.code.segments[2] != "01" else entry.code.generic()
            found = names.get(generic)
            assert found is not None
            row = rows[entry.row]
            if entry.code.segments[2] != "01":
                assert row["uraisubkegiatan"].replace("\n", " ") == found.name
            assert str(entry.code).startswith(entry.agency.bidang + ".")


def test_sub_kegiatan_come_on_several_rows(tmp_path: Path) -> None:
    made = generate_export(tmp_path / "export", seed=3, regions=2, agencies=3)
    per_sub = Counter((r.key, r.code) for r in made.ledger)
    assert {1, 2, 3} <= set(per_sub.values())
    assert max(per_sub.values()) <= 3


def test_the_same_seed_writes_the_same_file(tmp_path: Path) -> None:
    for dialect in DIALECTS:
        one = generate_export(tmp_path / "one", seed=5, dialect=dialect, defect_rate=0.5)
        two = generate_export(tmp_path / "two", seed=5, dialect=dialect, defect_rate=0.5)
        assert one.path.read_bytes() == two.path.read_bytes()
        assert one.ledger == two.ledger
        other = generate_export(tmp_path / "other", seed=6, dialect=dialect, defect_rate=0.5)
        assert other.path.read_bytes() != one.path.read_bytes()
    # the rows, their rupiah and their defects are the same in every dialect
    made = [generate_export(tmp_path / d, seed=5, dialect=d, defect_rate=0.5) for d in DIALECTS]
    shapes = {tuple((r.key, r.code, tuple(r.rupiah().items()),
                     tuple((d.kind, d.field) for d in r.defects)) for r in m.ledger)
              for m in made}
    assert len(shapes) == 1


def test_the_defect_rate_and_the_number_of_rows(tmp_path: Path) -> None:
    none = generate_export(tmp_path / "a", seed=1, rows=40)
    every = generate_export(tmp_path / "b", seed=1, rows=40, defect_rate=1)
    assert len(none.ledger) == len(every.ledger) == 40
    assert none.defects == ()
    assert all(len(r.defects) == 1 for r in every.ledger)
    assert {d.kind for d in every.defects} == set(SIPD_DEFECTS)
    only = generate_export(tmp_path / "c", seed=1, rows=40, defect_rate=1, defects=["no-skpd"])
    assert {d.kind for d in only.defects} == {"no-skpd"}
    assert not any(r.placed for r in only.ledger)
    big = generate_export(tmp_path / "d", seed=1, regions=5, agencies=20, rows=5000)
    assert (len(big.ledger), len(big.agencies)) == (5000, 100)


def test_bad_arguments_are_refused(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="dialect"):
        generate_export(tmp_path / "a", dialect="xlsx")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="no such SIPD defect"):
        generate_export(tmp_path / "a", defects=["typo"])
    with pytest.raises(ValueError, match="probability"):
        generate_export(tmp_path / "a", defect_rate=2)
    with pytest.raises(ValueError, match="agencies"):
        generate_export(tmp_path / "a", agencies=41)
    with pytest.raises(ValueError, match="data rows"):
        generate_export(tmp_path / "a", regions=1, agencies=1, seeded={99: "no-skpd"})
    with pytest.raises(ValueError, match="more than"):
        generate_export(tmp_path / "a", regions=1, agencies=1, rows=5000)


# -- nothing is lost --------------------------------------------------------------------------


def _row_number(text: str | None) -> int | None:
    return int(text) if text is not None and text.isdigit() else None


def lost(made: GeneratedExport, export: SipdExport) -> dict[str, list[str]]:
    """What the reading of *made* lost, by property:

    * ``a``: an (agency, year) whose sum of the ledger's sound pagu (over the rows that belong
      in a plan) is not the sum over that agency's plan of its sub kegiatan's
      ``budget.planned[year]``; or a row whose sound pagu is not its budget part's;
    * ``b``: a row neither in a plan (a budget part or indicator whose source row is its
      record number) nor named by a note of its record number in some plan's ``reading``;
    * ``c``: a defect not named by a note of its row and field.
    """
    plans = {(p.kodepemda, p.kodeskpd): p.plan for p in export.plans}
    notes = {(n.row, n.column) for plan in plans.values() for n in plan.reading}
    noted_rows = {row for row, _ in notes}
    parts: dict[tuple[str, str], dict[int, BudgetLine]] = defaultdict(dict)
    in_plan: set[int] = set()
    stated: dict[tuple[tuple[str, str], int], Decimal] = defaultdict(Decimal)
    for key, plan in plans.items():
        for activity in plan.activities_at(Level.SUB_KEGIATAN):
            budget = activity.budget
            if budget is not None:
                for year, amount in budget.planned.items():
                    if amount is not NIL:
                        stated[key, year] += amount
            lines = [(line, line.source) for line in activity.budget_parts]
            if not lines and budget is not None:  # one row: the budget is its part
                lines = [(budget, budget.source or activity.source)]
            for line, source in lines:
                row = _row_number(source.row if source is not None else None)
                if row is not None:
                    parts[key][row] = line
                    in_plan.add(row)
            for indicator in activity.indicators:
                row = _row_number(indicator.source.row if indicator.source else None)
                if row is not None:
                    in_plan.add(row)
    expected: dict[tuple[tuple[str, str], int], Decimal] = defaultdict(Decimal)
    found: dict[str, list[str]] = {"a": [], "b": [], "c": []}
    for entry in made.ledger:
        if entry.placed:
            for year, rupiah in entry.rupiah().items():
                expected[entry.key, year] += rupiah
            part = parts[entry.key].get(entry.row)
            if part is None:
                found["a"].append(f"row {entry.row} {entry.code}: no budget part "
                                  f"({_kinds(entry)})")
            else:
                read = dict(part.planned.items())
                if read != entry.rupiah():
                    found["a"].append(f"row {entry.row} {entry.code}: {entry.rupiah()} is {read}"
                                      f" in the plan ({_kinds(entry)})")
        if entry.row not in in_plan and entry.row not in noted_rows:
            found["b"].append(f"row {entry.row} {entry.key} {entry.written_code} is lost "
                              f"({_kinds(entry)})")
        for defect in entry.defects:
            if (defect.row, defect.field) not in notes:
                found["c"].append(f"{defect.kind} at row {defect.row} {defect.field} "
                                  f"({defect.written!r}) is not named")
    for key, year in sorted({*expected, *stated}):
        want, got = expected.get((key, year), D(0)), stated.get((key, year), D(0))
        if want != got:
            found["a"].append(f"{key} {year}: the ledger's sound pagu {want} is {got} in the "
                              "plan")
    return found


def _kinds(entry: SipdRow) -> str:
    return ", ".join(d.kind for d in entry.defects) or "no defect"


def read_back(made: GeneratedExport) -> dict[str, list[str]]:
    try:
        export = read_sipd(made.path)
    except SipdError as error:
        # no plan could be read: the one refusal of an export whose header is sound, and
        # right only when no row belongs in a plan
        keys = [p.key for p in error.problems]
        placed = [r.row for r in made.ledger if r.placed]
        return {"a": [f"refused: {keys[:3]}"] if keys[:1] != ["sipd.no_plans"] else [],
                "b": [f"row {row} is lost: the export is refused" for row in placed],
                "c": []}
    return lost(made, export)


@pytest.mark.parametrize("dialect", DIALECTS)
def test_a_sound_export_of_every_dialect_loses_nothing(tmp_path: Path,
                                                       dialect: SipdDialect) -> None:
    for seed in range(3):
        made = generate_export(tmp_path / f"export-{seed}", seed=seed, dialect=dialect)
        assert read_back(made) == {"a": [], "b": [], "c": []}, (dialect, seed)


@pytest.mark.parametrize("dialect", DIALECTS)
def test_the_pinned_export_loses_nothing(tmp_path: Path, dialect: SipdDialect) -> None:
    made = pinned(tmp_path, dialect)
    assert read_back(made) == {"a": [], "b": [], "c": []}


@pytest.mark.parametrize("dialect", DIALECTS)
def test_the_reader_reads_each_dialect_as_written(tmp_path: Path, dialect: SipdDialect) -> None:
    for names in (True, False):
        made = generate_export(tmp_path / f"export.{dialect}", seed=2, dialect=dialect,
                               regions=2, agencies=2, names=names)
        export = read_sipd(made.path)
        assert (export.encoding, export.delimiter) == (made.encoding, made.delimiter)
        assert export.rows == len(made.ledger)
        assert [(p.kodepemda, p.kodeskpd) for p in export.plans] == [
            a.key for a in made.agencies]
        for plan, agency in zip(export.plans, made.agencies, strict=True):
            organisation = plan.plan.organisation
            assert (organisation.name, organisation.region) == (
                agency.uraiskpd if made.names else None, agency.namapemda)
        assert set(export.ignored) <= set(JSON_EXTRA)


def test_every_dialect_reads_to_the_same_money(tmp_path: Path) -> None:
    budgets = set()
    for dialect in DIALECTS:
        made = generate_export(tmp_path / dialect, seed=7, dialect=dialect, defect_rate="0.2")
        export = read_sipd(made.path)
        budgets.add(tuple(sorted(
            ((p.kodepemda, p.kodeskpd, str(a.code), tuple(a.budget.planned.items()))
             for p in export.plans for a in p.plan.activities_at(Level.SUB_KEGIATAN)
             if a.budget is not None), key=str)))
    assert len(budgets) == 1


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(seed=st.integers(0, 10**6), dialect=st.sampled_from(DIALECTS),
       rate=st.sampled_from(["0", "0.1", "0.25", "0.5", "1"]),
       regions=st.integers(1, 2), agencies=st.integers(1, 3))
def test_the_reader_loses_nothing_of_a_generated_export(
    seed: int, dialect: SipdDialect, rate: str, regions: int, agencies: int,
) -> None:
    """For each agency and year, the ledger's sound pagu is the plan's; each row's sound pagu
    is its budget part's; every row is in a plan or named by a note; every defect is named by
    a note of its row and field."""
    with tempfile.TemporaryDirectory() as folder:
        made = generate_export(Path(folder) / f"export.{dialect}", seed=seed, dialect=dialect,
                               regions=regions, agencies=agencies, defect_rate=rate)
        found = read_back(made)
    assert not found["a"], found["a"]
    assert not found["b"], found["b"]
    assert not found["c"], found["c"]

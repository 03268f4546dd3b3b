"""Parquet export: long fact tables, Decimal kept exactly as decimal128, written in batches."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

import pytest

from renstra_model import NIL, Level, Plan, Quantity
from renstra_model.calculators.summary import summarise
from renstra_model.cli import EXIT_INPUT, EXIT_OK, main
from renstra_model.errors import MissingExtraError
from renstra_model.examples import ttu_dinsos
from renstra_model.synthetic import corpus, write_corpus

pa = pytest.importorskip("pyarrow")
pq = pytest.importorskip("pyarrow.parquet")

from renstra_model.io import parquet as columnar  # noqa: E402 - after the extra is known to be there


def _read(folder: Path, table: str) -> list[dict[str, object]]:
    rows: list[dict[str, object]] = pq.read_table(folder / f"{table}.parquet").to_pylist()
    return rows


def test_the_ttu_plan(tmp_path: Path) -> None:
    files = columnar.export_parquet([("ttu", ttu_dinsos())], tmp_path)
    assert set(files) == set(columnar.TABLES)
    budget = _read(tmp_path, "budget")
    totals = {r["year"]: r["planned"] for r in budget if r["level"] == "total"}
    assert totals[2023] == Decimal("4091594846.50")
    assert isinstance(totals[2023], Decimal)
    by_year: dict[object, Decimal] = {}
    for row in budget:
        if row["level"] == "sub_kegiatan" and isinstance(row["planned"], Decimal):
            by_year[row["year"]] = by_year.get(row["year"], Decimal(0)) + row["planned"]
    assert by_year == dict(summarise(ttu_dinsos()).budget_by_year)
    nil = [r for r in budget if r["code"] == "1.06.02.2.01.0002" and r["year"] == 2022]
    assert nil == [{"plan": "ttu", "code": "1.06.02.2.01.0002", "level": "sub_kegiatan",
                    "year": 2022, "planned": None, "planned_nil": True, "realised": None,
                    "realised_nil": False}]
    schema = pq.read_schema(tmp_path / "budget.parquet")
    assert schema.field("planned").type == pa.decimal128(18, 2)


def test_every_table_of_the_ttu_plan(tmp_path: Path) -> None:
    plan = ttu_dinsos()
    columnar.export_parquet([("ttu", plan)], tmp_path)
    (head,) = _read(tmp_path, "plans")
    assert (head["plan"], head["baseline_year"], head["bidang_urusan"]) == ("ttu", 2021, "1.06")
    activities = _read(tmp_path, "activities")
    assert len(activities) == sum(1 for _ in plan.activities())
    assert sum(1 for a in activities if a["level"] == "sub_kegiatan") == 48
    assert {a["parent"] for a in activities if a["level"] == "program"} == {None}
    assert {a["derived"] for a in activities} == {False}
    tc24 = _read(tmp_path, "budget_table")
    assert {r["row"] for r in tc24} == set(range(len(plan.budget_table)))
    values = _read(tmp_path, "indicator_values")
    key = [v for v in values if v["indicator"] == "7.1-1" and v["kind"] == "planned"]
    assert next((v["year"], v["amount"], v["percent"]) for v in key) == (
        2022, Decimal("25325"), Decimal("72.18"))
    several = [v for v in values if v["figure"] == 1]
    assert several, "cells stating several figures give one row a figure"


def test_values_that_do_not_fit_are_refused(tmp_path: Path) -> None:
    import attrs

    plan = ttu_dinsos()
    goal = plan.goals[0]
    target = goal.targets[0]
    ind = attrs.evolve(target.indicators[0],
                       baseline=Quantity(Decimal("1.0000000000000000001"), "orang"))
    odd = attrs.evolve(plan, goals=(attrs.evolve(
        goal, targets=(attrs.evolve(target, indicators=(ind, *target.indicators[1:])),)),
        *plan.goals[1:]))
    with pytest.raises(columnar.ColumnarError, match="indicator_values"):
        columnar.export_parquet([("odd", odd)], tmp_path)


def test_plans_are_written_in_batches(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(columnar, "BATCH_PLANS", 2)
    given: list[int] = []

    def plans() -> Iterator[tuple[str, Plan]]:
        for generated in corpus(5, seed=1):
            given.append(generated.index)
            yield generated.path, generated.plan()

    columnar.export_parquet(plans(), tmp_path)
    assert given == [0, 1, 2, 3, 4]
    assert pq.ParquetFile(tmp_path / "budget.parquet").num_row_groups == 3
    assert len(_read(tmp_path, "plans")) == 5
    levels = {r["level"] for r in _read(tmp_path, "budget")}
    assert levels == {"program", "kegiatan", "sub_kegiatan", "total"}


def test_nil_and_absent_stay_apart(tmp_path: Path) -> None:
    generated = next(corpus(1, seed=4, start=11))
    plan = generated.plan()
    columnar.export_parquet([("p", plan)], tmp_path)
    budget = _read(tmp_path, "budget")
    stated = {(r["code"], r["year"]): (r["planned"], r["planned_nil"]) for r in budget}
    for _, activity in plan.activities():
        assert activity.budget is not None
        for year, cell in activity.budget.planned.items():
            expected = (None, True) if cell is NIL else (cell, False)
            assert stated[(str(activity.code), year)] == expected
    assert all(a.level in set(Level) for _, a in plan.activities())


def test_the_command(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "corpus"
    write_corpus(folder, 3, seed=2)
    out = tmp_path / "parquet"
    assert main(["export", "ttu-dinsos", str(folder), "--format", "parquet",
                 "--output", str(out)]) == EXIT_OK
    assert next(r["plan"] for r in _read(out, "plans")) == "ttu-dinsos"
    assert len(_read(out, "plans")) == 4
    assert main(["export", "no-such-plan", "--format", "parquet",
                 "--output", str(out)]) == EXIT_INPUT
    assert "no-such-plan" in capsys.readouterr().err


def test_an_export_that_fails_midway_leaves_the_earlier_files_whole(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "parquet"
    assert main(["export", "ttu-dinsos", "--format", "parquet", "--output", str(out)]) == EXIT_OK
    before = {p.name: p.read_bytes() for p in out.iterdir()}
    assert sorted(before) == sorted(f"{table}.parquet" for table in columnar.TABLES)
    bad = tmp_path / "bad.json"
    bad.write_text("{", encoding="utf-8")
    assert main(["export", "ttu-dinsos", str(bad), "--format", "parquet",
                 "--output", str(out)]) == EXIT_INPUT
    assert str(bad) in capsys.readouterr().err
    assert {p.name: p.read_bytes() for p in out.iterdir()} == before  # no temporary left
    fresh = tmp_path / "new" / "parquet"
    assert main(["export", str(bad), "--format", "parquet", "--output", str(fresh)]) == EXIT_INPUT
    assert not fresh.exists()
    assert not fresh.parent.exists()
    assert tmp_path.exists()


def test_a_national_question_in_duckdb(tmp_path: Path) -> None:
    duckdb = pytest.importorskip("duckdb")
    columnar.export_parquet(((g.path, g.plan()) for g in corpus(4, seed=3)), tmp_path)
    budget = tmp_path / "budget.parquet"
    rows = duckdb.sql(
        f"SELECT code, year, sum(planned) AS pagu FROM '{budget}' "
        "WHERE level = 'program' GROUP BY code, year ORDER BY code, year"
    ).fetchall()
    expected: dict[tuple[str, int], Decimal] = {}
    for generated in corpus(4, seed=3):
        for program in generated.plan().programs:
            assert program.budget is not None
            for year, cell in program.budget.planned.items():
                if isinstance(cell, Decimal):
                    key = (str(program.code), year)
                    expected[key] = expected.get(key, Decimal(0)) + cell
    assert {(code, year): pagu for code, year, pagu in rows} == expected


def test_without_pyarrow(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setitem(sys.modules, "pyarrow", None)
    with pytest.raises(MissingExtraError, match=r"renstra-model\[parquet\]"):
        columnar.export_parquet([("ttu", ttu_dinsos())], tmp_path)


def test_derived_activities_are_marked(tmp_path: Path) -> None:
    from renstra_model.io.excel import read_rows

    plan = read_rows([["KODE SUB KEGIATAN", "NAMA SUB KEGIATAN", "PAGU INDIKATIF 2026"],
                      ["1.01.02.2.01.0001", "Pembangunan Gedung", 1500]]).plan
    columnar.export_parquet([("leaf", plan)], tmp_path)
    assert [(a["code"], a["name"], a["derived"]) for a in _read(tmp_path, "activities")] == [
        ("1.01.02", None, True), ("1.01.02.2.01", None, True),
        ("1.01.02.2.01.0001", "Pembangunan Gedung", False)]

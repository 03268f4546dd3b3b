"""The synthetic plan generator: deterministic by seed, sized like real plans, valid under the
model, clean at defect rate 0 and detectably defective at a positive rate."""

from __future__ import annotations

import csv
import json
from collections import Counter
from decimal import Decimal
from pathlib import Path

import pytest

from renstra_model import Level, Plan
from renstra_model.checks import check
from renstra_model.checks.registry import FAMILIES
from renstra_model.cli import EXIT_INPUT, EXIT_OK, main
from renstra_model.io.nomenclature import load_nomenclature
from renstra_model.model.nomenclature import Nomenclature
from renstra_model.synthetic import (
    AGENCIES,
    DEFECTS,
    GeneratedPlan,
    Shape,
    catalogue,
    catalogue_csv,
    corpus,
    generate,
    generate_plan,
    plan_path,
    write_corpus,
)


@pytest.fixture(scope="module")
def nomenclature() -> Nomenclature:
    """The generator's catalogue, as the checks' nomenclature."""
    return catalogue()


def _rules(generated: GeneratedPlan, nomenclature: Nomenclature) -> set[str]:
    return {f.rule for f in check(generated.plan(), nomenclature=nomenclature)}


def test_same_seed_same_plan_other_seed_other_plan() -> None:
    assert generate(5, seed=11).data == generate(5, seed=11).data
    assert generate(5, seed=11).data != generate(5, seed=12).data
    assert generate(5, seed=11).data != generate(6, seed=11).data


def test_a_plan_does_not_depend_on_the_plans_around_it() -> None:
    alone = generate(43, seed=2, defect_rate="0.3")
    batch = list(corpus(5, seed=2, defect_rate="0.3", start=41))
    assert [g.index for g in batch] == [41, 42, 43, 44, 45]
    assert batch[2].data == alone.data
    assert batch[2].defects == alone.defects


def test_defects_leave_the_rest_of_the_plan_as_it_is() -> None:
    clean = generate(3, seed=4)
    flawed = generate(3, seed=4, defect_rate=1)
    assert clean.data["title"] == flawed.data["title"]
    assert clean.data["goals"][0]["text"] == flawed.data["goals"][0]["text"]
    assert len(flawed.defects) >= len(DEFECTS) - 3


def test_sizes_are_drawn_like_real_plans() -> None:
    subs = []
    for generated in corpus(60, seed=9):
        plan = generated.plan()
        assert 5 <= len(plan.programs) <= 12
        assert str(plan.programs[0].code).endswith(".01")  # the supporting program first
        for program in plan.programs:
            assert 1 <= len(program.children) <= 4
            for kegiatan in program.children:
                assert 1 <= len(kegiatan.children) <= 8
        subs.append(len(plan.activities_at(Level.SUB_KEGIATAN)))
        assert len(plan.period.years) == 5
        assert plan.goals
        assert plan.key_indicators
        assert plan.service_performance
        assert plan.budget_table
        assert plan.total_budget is not None
    mean = sum(subs) / len(subs)
    assert 35 <= mean <= 85  # the TTU plan has 48 sub kegiatan, a public works plan 60


def test_a_fixed_shape() -> None:
    plan = generate_plan(0, seed=1, shape=Shape(10, 5, 10))
    assert len(plan.programs) == 10
    assert len(plan.activities_at(Level.KEGIATAN)) == 50
    assert len(plan.activities_at(Level.SUB_KEGIATAN)) == 500
    with pytest.raises(ValueError, match="programs"):
        Shape(0, 1, 1)


def test_agencies_and_paths() -> None:
    assert len(AGENCIES) == 40
    assert generate(0).plan().organisation.bidang_urusan[0] == generate(40).plan(
    ).organisation.bidang_urusan[0]
    assert plan_path(41).startswith("001-")
    assert plan_path(41).endswith("/01-dinas-kesehatan.json")
    assert len({plan_path(i) for i in range(200)}) == 200


def test_money_is_whole_thousands_of_rupiah_as_decimal() -> None:
    plan = generate_plan(7, seed=3)
    for _, activity in plan.activities():
        assert activity.budget is not None
        for cell in activity.budget.planned.values():
            assert cell is not None
            if isinstance(cell, Decimal):
                assert cell % 1000 == 0


def test_no_finding_at_defect_rate_zero(nomenclature: Nomenclature) -> None:
    for generated in corpus(25, seed=5):
        assert generated.defects == ()
        findings = check(generated.plan(), nomenclature=nomenclature)
        assert findings == [], (generated.path, [f.rule for f in findings])


def test_every_seeded_defect_is_reported_by_its_rule(nomenclature: Nomenclature) -> None:
    seeded: Counter[str] = Counter()
    for generated in corpus(8, seed=6, defect_rate=1):
        rules = _rules(generated, nomenclature)
        for defect in generated.defects:
            seeded[defect.kind] += 1
            assert defect.rule in rules, (generated.path, defect)
            assert defect.family == DEFECTS[defect.kind].family
        allowed = {d.rule for d in generated.defects} | {
            rule for d in generated.defects for rule in DEFECTS[d.kind].also
        }
        assert rules <= allowed, (generated.path, rules - allowed)
    assert set(seeded) == set(DEFECTS)


def test_every_family_is_detected_at_a_low_rate(nomenclature: Nomenclature) -> None:
    families: set[str] = set()
    kinds: Counter[str] = Counter()
    for generated in corpus(60, seed=8, defect_rate="0.15"):
        findings = check(generated.plan(), nomenclature=nomenclature)
        families.update(f.family for f in findings)
        for defect in generated.defects:
            kinds[defect.kind] += 1
            assert defect.rule in {f.rule for f in findings}
    assert families == set(FAMILIES)
    assert 60 * 0.15 * len(DEFECTS) * 0.6 < sum(kinds.values()) < 60 * 0.15 * len(DEFECTS) * 1.4


def test_defect_kinds_cover_every_family() -> None:
    assert {kind.family for kind in DEFECTS.values()} == set(FAMILIES)


def test_bad_defect_rate_and_index() -> None:
    with pytest.raises(ValueError, match="probability"):
        generate(0, defect_rate="1.5")
    with pytest.raises(ValueError, match="index"):
        generate(-1)


def test_the_catalogue_reads_as_a_nomenclature(tmp_path: Path) -> None:
    path = tmp_path / "nomenclature.csv"
    path.write_text(catalogue_csv(["1.06"]), encoding="utf-8")
    read = load_nomenclature(path)
    plan = generate_plan(5)  # Dinas Sosial, bidang 1.06
    assert read.get(plan.organisation.bidang_urusan[0]) is not None
    assert all(activity.code in read for _, activity in plan.activities())


def test_write_corpus_is_the_same_with_processes(tmp_path: Path) -> None:
    one = write_corpus(tmp_path / "one", 6, seed=3, defect_rate="0.5")
    two = write_corpus(tmp_path / "two", 6, seed=3, defect_rate="0.5", jobs=2)
    assert (one.plans, one.defects) == (two.plans, two.defects) == (6, one.defects)
    files = sorted(p.relative_to(tmp_path / "one") for p in (tmp_path / "one").rglob("*.*"))
    assert files == sorted(p.relative_to(tmp_path / "two") for p in (tmp_path / "two").rglob("*.*"))
    for name in files:
        assert (tmp_path / "one" / name).read_bytes() == (tmp_path / "two" / name).read_bytes()
    text = (tmp_path / "one" / "defects.csv").read_text(encoding="utf-8")
    rows = list(csv.DictReader(text.splitlines()))
    assert len(rows) == one.defects
    assert {row["rule"] for row in rows} <= {kind.rule for kind in DEFECTS.values()}


def test_a_written_plan_loads_as_generated(tmp_path: Path) -> None:
    from renstra_model import load

    write_corpus(tmp_path, 2, seed=1)
    path = tmp_path / plan_path(1)
    plan = load(path)
    assert isinstance(plan, Plan)
    assert plan == generate_plan(1, seed=1)
    assert json.loads(path.read_text(encoding="utf-8")) == generate(1, seed=1).data


def test_the_command(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "corpus"
    assert main(["generate", "--plans", "3", "--seed", "1", "--output", str(out),
                 "--defect-rate", "0.2", "--lang", "en"]) == EXIT_OK
    assert "3 plans written" in capsys.readouterr().out
    assert len(list(out.rglob("*.json"))) == 3
    assert (out / "nomenclature.csv").is_file()
    assert main(["check", str(out), "--nomenclature", str(out / "nomenclature.csv"),
                 "--fail-on", "info"]) in (0, 1)
    assert main(["generate", "--plans", "3", "--output", str(out), "--defect-rate", "2",
                 "--lang", "id"]) == EXIT_INPUT
    assert "--defect-rate" in capsys.readouterr().err
    assert main(["generate", "--plans", "0", "--output", str(out)]) == EXIT_INPUT

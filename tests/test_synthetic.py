"""The synthetic plan generator: deterministic by seed, sized like real plans, valid under the
model, clean at defect rate 0 and detectably defective at a positive rate."""

from __future__ import annotations

import csv
import json
from collections import Counter
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

import pytest

from renstra_model import NIL, Activity, Aggregation, Level, Plan
from renstra_model.checks import check
from renstra_model.checks.registry import FAMILIES
from renstra_model.cli import EXIT_INPUT, EXIT_OK, main
from renstra_model.io.nomenclature import load_nomenclature
from renstra_model.model.nomenclature import Nomenclature
from renstra_model.synthetic import (
    AGENCIES,
    DEFECTS,
    Defect,
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
from renstra_model.synthetic.leafonly import SIPD_KINDS
from renstra_model.synthetic.seeding import build
from renstra_model.synthetic.shapes import LATER_KINDS


@pytest.fixture(scope="module")
def nomenclature() -> Nomenclature:
    """The generator's catalogue, as the checks' nomenclature."""
    return catalogue()


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


def test_every_kind_is_seeded_as_its_family() -> None:
    seeded: Counter[str] = Counter()
    for generated in corpus(20, seed=6, defect_rate="0.5"):
        for defect in generated.defects:
            seeded[defect.kind] += 1
            assert defect.family == DEFECTS[defect.kind].family
            assert defect.rule == DEFECTS[defect.kind].rule
    assert set(seeded) == set(DEFECTS)


def test_the_defects_of_a_plan_are_pinned() -> None:
    """The first kinds keep the choices they had before the later ones were added; the later
    ones follow them."""
    assert [(d.kind, d.where) for d in generate(5, seed=1, defect_rate="0.2").defects] == [
        ("unfunded", "1.06.13.2.05.0004 2025"), ("period-total", "1.06.12.2.05.0007"),
        ("no-subtotal", "1.06.12.2.03"), ("generic-code", "X.XX.01"),
        ("name-mismatch", "1.06.02.2.01"), ("shifted-percentages", "7.1 row 2"),
        ("no-aggregation", "TC25-11"), ("majority-percentage", "7.1 row 1 2021"),
        ("no-unit-indicator", "1.06.13.2.05.0003"), ("name-case", "1.06.09.2.03.0002"),
    ]


@pytest.mark.parametrize("rate", [100_000, 300_000, 1_000_000])
def test_later_kinds_leave_the_first_kinds_as_they_were(rate: int) -> None:
    first = frozenset(DEFECTS) - set(LATER_KINDS)
    for index in range(20):
        full = build(index, 3, rate, None)[1]
        alone = build(index, 3, rate, None, first)[1]
        assert full[:len(alone)] == alone, index  # the first kinds' defects, then the later
        assert all(d.kind in LATER_KINDS for d in full[len(alone):])


def test_a_defect_names_the_code_the_plan_finally_states() -> None:
    """A sub kegiatan misnamed and then recoded with its program (the generic X.XX form, a
    special-autonomy kegiatan, another bidang) is named by its final code."""
    recoded = 0
    for generated in corpus(30, seed=1, defect_rate="0.3"):
        plan = generated.plan()
        codes = {str(a.code) for _, a in plan.activities()}
        for defect in generated.defects:
            if defect.kind in ("official-name", "no-location", "period-total", "no-indicator"):
                assert defect.where in codes, (generated.path, defect)
                recoded += defect.where.startswith("X.XX") or ".3." in defect.where
    assert recoded >= 3


def test_a_stock_without_a_last_target_is_stated_as_a_flow() -> None:
    """The end of a stock whose last year is '-' would read as that '-' or as the last
    amount: such an indicator is stated as a flow, its end the sum of its years."""
    recast = 0
    for generated in corpus(10, seed=2):
        for _, activity in generated.plan().activities():
            for ind in activity.indicators:
                last = ind.planned[max(ind.planned)]
                if last.amount is NIL:
                    assert ind.aggregation is Aggregation.SUM
                    assert ind.end_of_period is not None
                    assert ind.end_of_period.amount == sum(
                        (q.amount for q in ind.planned.values() if q.amount is not NIL),
                        Decimal(0))
                    recast += 1
    assert recast > 0


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


# -- the later kinds, each in its shape ------------------------------------------------------


def _with(kind: str) -> tuple[GeneratedPlan, Plan, dict[str, Activity]]:
    """The first plan of seed 7 at rate 0.5 with a defect of *kind*, as a plan, and the
    activities of the same plan without defects by path."""
    for generated in corpus(40, seed=7, defect_rate="0.5"):
        if any(d.kind == kind for d in generated.defects):
            clean = generate(generated.index, seed=7).plan()
            return generated, generated.plan(), dict(clean.activities())
    raise AssertionError(kind)


def _where(generated: GeneratedPlan, kind: str) -> str:
    (where,) = [d.where for d in generated.defects if d.kind == kind]
    return where


def _at(plan: Plan, code: str) -> tuple[str, Activity]:
    return next((path, a) for path, a in plan.activities() if str(a.code) == code)


def _amount(value: object) -> Decimal:
    assert isinstance(value, Decimal)
    return value


def _planned(activity: Activity) -> dict[int, object]:
    assert activity.budget is not None
    return dict(activity.budget.planned)


def test_a_digit_typed_twice_in_a_pagu() -> None:
    generated, plan, clean = _with("digit-pagu")
    code, text = _where(generated, "digit-pagu").split()
    year = int(text)
    path, activity = _at(plan, code)
    money, was = _planned(activity), _planned(clean[path])
    value, before = _amount(money.pop(year)), _amount(was.pop(year))
    assert money == was  # the other years as they were
    neighbours = [_amount(money[y]) for y in (year - 1, year + 1)]
    if value > before:
        assert value == before * 10
        assert all(value >= 10 * n for n in neighbours)
    else:
        assert value * 10 == before
        assert all(value * 10 <= n for n in neighbours)


def test_a_digit_typed_twice_in_a_target() -> None:
    generated, plan, clean = _with("digit-target")
    code, year = _where(generated, "digit-target").split()
    path, activity = _at(plan, code)
    targets = {y: _amount(q.amount) for y, q in activity.indicators[0].planned.items()}
    was = {y: q.amount for y, q in clean[path].indicators[0].planned.items()}
    assert targets[int(year)] == _amount(was[int(year)]) * 10
    assert all(targets[int(year)] >= 10 * targets[y] for y in (int(year) - 1, int(year) + 1))


def test_one_percentage_off_the_denominator_the_others_imply() -> None:
    generated, plan, _ = _with("majority-percentage")
    number, year = _where(generated, "majority-percentage").split()[2:]
    (key,) = [k for k in plan.key_indicators if str(k.number) == number]
    ind = key.indicator
    assert ind.baseline is not None
    assert ind.end_of_period is not None
    cells = {"baseline": ind.baseline, **{str(y): q for y, q in ind.planned.items()},
             "end": ind.end_of_period}
    implied = Counter(_amount(q.amount) * 100 / _amount(q.percent) for q in cells.values())
    ((denominator, agreeing),) = implied.most_common(1)
    assert agreeing == len(cells) - 1
    off = [name for name, q in cells.items() if _amount(q.amount) * 100 / _amount(q.percent)
           != denominator]
    assert off == [year]
    wrong = cells[year]
    assert abs(_amount(wrong.percent) - _amount(wrong.amount) * 100 / denominator) == 5
    assert all(q.percent != 100 for q in cells.values())


def test_an_indicator_without_any_unit() -> None:
    generated, plan, _ = _with("no-unit-indicator")
    (ind, *_) = _at(plan, _where(generated, "no-unit-indicator"))[1].indicators
    cells = [ind.baseline, *ind.planned.values(), ind.end_of_period]
    assert ind.unit is None
    assert all(q is not None and q.unit is None and isinstance(q.amount, Decimal) for q in cells)


def test_an_end_of_period_without_a_kind_that_fits_nothing() -> None:
    generated, plan, _ = _with("end-no-kind")
    (ind, *_) = _at(plan, _where(generated, "end-no-kind"))[1].indicators
    assert ind.aggregation is None
    assert ind.end_of_period is not None
    amounts = [q.amount for q in ind.planned.values() if isinstance(q.amount, Decimal)]
    kinds = {sum(amounts, Decimal(0)), amounts[-1], max(amounts),
             sum(amounts, Decimal(0)) / len(amounts)}
    assert ind.end_of_period.amount == sum(amounts, Decimal(0)) + max(amounts) + 7
    assert ind.end_of_period.amount not in kinds


@pytest.mark.parametrize(("kind", "spelt"), [
    ("name-case", str.upper),
    ("name-comma", lambda name: name.replace(", ", ",, ", 1)),
    ("name-zero-width", lambda name: name.replace(" ", "\u200b ", 1)),
])
def test_a_name_spelt_differently(kind: str, spelt: Callable[[str], str],
                                  nomenclature: Nomenclature) -> None:
    generated, plan, _ = _with(kind)
    code = _where(generated, kind)
    official = nomenclature.get(code)
    assert official is not None
    assert _at(plan, code)[1].name == spelt(official.name) != official.name
    rows = [r.label for r in plan.budget_table if str(r.code) == code]
    assert rows == ([official.name] if kind == "name-comma" else [])


def test_a_sub_kegiatan_stated_only_in_tc24() -> None:
    generated, plan, clean = _with("tc24-only")
    path, only = _at(plan, _where(generated, "tc24-only"))
    assert only.source is not None
    assert only.source.table == "T-C.24"
    assert (only.indicators, only.location, only.unit) == ((), None, None)
    assert _planned(only) == _planned(clean[path])
    assert only.code.parent is not None
    kegiatan = plan.find(only.code.parent)
    rows = [(r.level, r.code) for r in plan.budget_table]
    at = rows.index((Level.KEGIATAN, kegiatan.code)) + 1
    assert rows[at:at + len(kegiatan.children)] == [
        (Level.SUB_KEGIATAN, child.code) for child in kegiatan.children]
    assert [c.source.table for c in kegiatan.children if c.source].count("T-C.24") == 1


def test_a_kegiatan_derived_from_its_sub_kegiatan() -> None:
    generated, plan, clean = _with("derived-parents")
    path, kegiatan = _at(plan, _where(generated, "derived-parents"))
    assert kegiatan.derived
    assert kegiatan.name is None
    assert kegiatan.budget is None
    assert [c.name for c in kegiatan.children] == [c.name for c in clean[path].children]


def test_a_ratio_missing_for_a_year_that_had_ended() -> None:
    generated, plan, _ = _with("ended-no-ratio")
    label = _where(generated, "ended-no-ratio")
    first, second = plan.period.years[:2]
    assert plan.adoption is not None
    assert plan.adoption.date is not None
    assert plan.adoption.date.year == second
    (row,) = [r for r in plan.budget_table if r.label == label]
    assert dict(row.budget.realised) == {first: row.budget.planned[first]}
    assert not row.stated_ratio
    assert not any(a.budget.realised for _, a in plan.activities() if a.budget)


# -- plans in the shape of a SIPD export -------------------------------------------------------


def test_a_sipd_shaped_plan(nomenclature: Nomenclature) -> None:
    generated = generate(5, seed=1, defect_rate="0.5", form="sipd")
    plan = generated.plan()
    renstra = generate(5, seed=1).plan()
    assert plan.title is None
    assert plan.organisation.name == "Dinas Sosial"
    assert (plan.goals, plan.key_indicators, plan.service_performance, plan.budget_table,
            plan.total_budget, plan.adoption) == ((), (), (), (), None, None)
    assert [c for _, a in plan.activities() for c in [a.code]] == [
        a.code for _, a in renstra.activities()]
    for _, activity in plan.activities():
        assert activity.source is not None
        assert activity.source.table == "SIPD"
        if activity.level is not Level.SUB_KEGIATAN:
            assert activity.derived
            assert activity.budget is None
            assert not activity.indicators
            entry = nomenclature.get(activity.code)
            assert entry is not None
            assert activity.name == entry.name
            continue
        assert activity.budget is not None
        assert activity.budget.planned_total is None
        for ind in activity.indicators:
            assert ind.end_of_period is None
            assert ind.aggregation is None
            assert all(q.unit is None for q in (ind.baseline, *ind.planned.values()) if q)
    kinds = [d.kind for d in generated.defects]
    assert set(kinds[:-1]) <= SIPD_KINDS
    assert len(kinds) > 3
    assert generated.defects[-1] == Defect("derived-parents", str(plan.programs[0].code))


def test_a_sipd_shaped_plan_without_defects_states_only_its_derived_parents(
    nomenclature: Nomenclature,
) -> None:
    for generated in corpus(1, seed=5):
        plan = generate(generated.index, seed=5, form="sipd").plan()
        (finding,) = check(plan, nomenclature=nomenclature)
        assert (finding.rule, finding.params["programs"], finding.params["kegiatan"]) == (
            "RS004", len(plan.programs), sum(len(p.children) for p in plan.programs))
    with pytest.raises(ValueError, match="form"):
        generate(0, form="leaf")  # type: ignore[arg-type]

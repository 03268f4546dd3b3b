"""Performance work, tested for correctness only (the figures are in ``benchmarks/``):

* the fast path of loading builds the same plan as the converter, and leaves every problem to
  it, so that errors and their paths are the converter's;
* ``renstra check --jobs N`` prints what ``--jobs 1`` prints, in the order of the plans, with
  the same exit status, streaming its JSON byte for byte as one ``json.dump`` did;
* :func:`renstra_model.checks.check_many` finds what ``check`` finds plan by plan, in the order
  of the plans, reports a plan that does not load as its result, and restores the collector;
* the command line does not import what ``check`` does not need.
"""

from __future__ import annotations

import gc
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from renstra_model import InvalidPlanError, Plan, PlanFileError, dumps, load, loads
from renstra_model.checks import Checked, check, check_many
from renstra_model.checks.batch import GC_THRESHOLD
from renstra_model.cli import EXIT_FINDINGS, EXIT_INPUT, EXIT_OK, main
from renstra_model.cli.check import JsonArray
from renstra_model.examples import data_path, ttu_dinsos
from renstra_model.io.converter import _converter, _fast_plan, structure_plan
from renstra_model.io.serialization import to_data
from renstra_model.synthetic import corpus, write_corpus
from strategies import plans


def _body(plan: Plan) -> dict[str, Any]:
    data = to_data(plan)
    del data["format_version"]
    return data


def _slow(data: object) -> Plan:
    result = _converter().structure(data, Plan)
    assert isinstance(result, Plan)
    return result


def _fast(data: object) -> Plan:
    fast = _fast_plan()
    assert fast is not None
    return fast(data)


def test_the_fast_path_builds_the_ttu_plan() -> None:
    data = json.loads(data_path("ttu-dinsos").read_bytes())
    del data["format_version"]
    plan = _fast(data)
    assert plan == _slow(data) == ttu_dinsos()
    assert dumps(plan) == dumps(ttu_dinsos())


def test_the_fast_path_builds_generated_plans() -> None:
    for generated in corpus(5, seed=1, defect_rate="0.5"):
        data = dict(generated.data)
        del data["format_version"]
        assert _fast(data) == _slow(data)


@settings(deadline=None, max_examples=40)
@given(plans())
def test_the_fast_path_builds_any_plan(plan: Plan) -> None:
    data = _body(plan)
    fast = _fast(data)
    assert fast == plan == _slow(data)
    assert dumps(fast) == dumps(plan)


def _problems(data: object) -> list[str] | None:
    try:
        structure_plan(data)
    except InvalidPlanError as exc:
        return [p.describe() for p in exc.problems]
    return None


_BROKEN: list[tuple[str, Any]] = [
    ("title", 5),
    ("title", "   "),
    ("period", {"baseline_year": 2021, "first_year": 2022}),
    ("period", {"baseline_year": 2021, "first_year": 2022, "last_year": 2026, "extra": 1}),
    ("missions", [{"number": True, "text": "x"}]),
    ("programs", "not a list"),
    ("total_budget", {"planned": {"2022": 5}}),
    ("total_budget", {"planned": {"2022": "1.001"}}),
    ("total_budget", {"planned": {"1900": "1"}}),
    ("total_budget", {"planned": {"x": "1"}}),
    ("total_budget", {"planned": {"2022": "NaN"}}),
    ("total_budget", {"planned": {"2022": "-5"}}),
    ("total_budget", {"planned_total": "--"}),
    ("adoption", {"date": "9 September 2021"}),
    ("organisation", {"name": "A", "region": "B", "bidang_urusan": ["1.6.x"]}),
]


def _converter_problems(data: object) -> list[str] | None:
    """The problems the converter alone reports (None when it builds a plan)."""
    from renstra_model.io.converter import problems_of

    try:
        _slow(data)
    except Exception as exc:  # noqa: BLE001 - compare with whatever the converter reports
        return [p.describe() for p in problems_of(exc)]
    return None


@pytest.mark.parametrize(("key", "value"), _BROKEN)
def test_problems_are_the_converters(key: str, value: Any) -> None:
    data = _body(ttu_dinsos())
    data[key] = value
    found = _problems(data)
    assert found, "the broken document loaded"
    assert found == _converter_problems(data)


def test_broken_activity_deep_in_the_tree_keeps_its_path() -> None:
    data = _body(ttu_dinsos())
    kegiatan = data["programs"][3]["children"][1]
    kegiatan["children"][1]["budget"]["planned"]["2024"] = "1.234"
    assert _problems(data) == [
        "1.234 has more than two decimal places (rupiah have 100 sen) "
        "@ programs[3].children[1].children[1].budget.planned[2024]"
    ]
    data = _body(ttu_dinsos())
    data["programs"][3]["children"][1]["children"][0]["code"] = "1.06.99.2.01.0001"
    found = _problems(data)
    assert found is not None
    assert [p.split(" @ ")[1] for p in found] == ["programs[3].children[1].children[0].code"]


def test_duplicate_keys_are_still_refused() -> None:
    text = data_path("ttu-dinsos").read_text(encoding="utf-8")
    doubled = text.replace('"title": ', '"title": "x", "title": ', 1)
    with pytest.raises(InvalidPlanError, match="title"):
        loads(doubled)


def test_json_array_streams_as_one_dump() -> None:
    import io

    for items in ([], [{"a": 1}], [{"a": [1, {"b": "é\nx"}], "c": {}}, {"d": []}, {}]):
        whole = io.StringIO()
        json.dump(items, whole, ensure_ascii=False, indent=2)
        whole.write("\n")
        streamed = io.StringIO()
        array = JsonArray(streamed)
        for item in items:
            array.add(json.dumps(item, ensure_ascii=False, indent=2))
        array.close()
        assert streamed.getvalue() == whole.getvalue()


@pytest.fixture(scope="module")
def small_corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("corpus")
    write_corpus(folder, 10, seed=2, defect_rate="0.2")
    return folder


def _run(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    status = main(args)
    captured = capsys.readouterr()
    return status, captured.out, captured.err


@pytest.mark.parametrize("fmt", ["text", "json"])
def test_jobs_print_what_one_process_prints(
    small_corpus: Path, fmt: str, capsys: pytest.CaptureFixture[str]
) -> None:
    base = ["check", str(small_corpus), "--format", fmt, "--lang", "id",
            "--nomenclature", str(small_corpus / "nomenclature.csv")]
    one = _run([*base, "--jobs", "1"], capsys)
    two = _run([*base, "--jobs", "2"], capsys)
    assert one == two
    assert one[0] == EXIT_FINDINGS
    if fmt == "json":
        plans = [f["plan"] for f in json.loads(one[1])]
        assert plans == sorted(plans)  # in the order of the files
        assert len(set(plans)) > 1


def test_jobs_keep_the_exit_status(
    small_corpus: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    clean = tmp_path / "clean"
    write_corpus(clean, 4, seed=3)
    assert _run(["check", str(clean), "--jobs", "2"], capsys)[0] == EXIT_OK
    broken = clean / "000-broken.json"
    broken.write_text('{"format_version": 1, "title": 5}', encoding="utf-8")
    status, out, err = _run(["check", str(clean), "--jobs", "2"], capsys)
    assert status == EXIT_INPUT
    assert "@ title" in err
    assert out.count("0 temuan") + out.count("0 findings") == 4
    assert _run(["check", str(small_corpus), "--jobs", "0", "--select", "RS341",
                 "--fail-on", "info"], capsys)[0] in (EXIT_OK, EXIT_FINDINGS)


def test_jobs_with_a_missing_nomenclature(
    small_corpus: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    status, _, err = _run(["check", str(small_corpus), "--jobs", "2", "--nomenclature",
                           str(small_corpus / "none.csv")], capsys)
    assert status == EXIT_INPUT
    assert "none.csv" in err


def test_check_does_not_import_what_it_does_not_use() -> None:
    code = (
        "import sys; from renstra_model.cli import main; "
        "status = main(['check', 'ttu-dinsos', '--format', 'json']); "
        "print(sorted(m for m in ('cattrs', 'pyarrow', 'openpyxl', 'babel', 'pandas') "
        "if m in sys.modules), file=sys.stderr); sys.exit(status)"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            check=False)
    assert result.returncode == 1, result.stderr
    assert result.stderr.strip().splitlines()[-1] == "[]"


def test_a_plan_class_the_fast_path_does_not_know_goes_through_the_converter() -> None:
    from renstra_model.io.converter import _FastStructurer

    @attrs.frozen
    class Odd:
        value: complex

    with pytest.raises(TypeError, match="unsupported"):
        _FastStructurer().function(Odd)


@settings(deadline=None, max_examples=25)
@given(st.sampled_from(["title", "vision", "legal_basis"]), st.sampled_from([None, 0, [], {}]))
def test_wrong_types_anywhere_give_the_converters_problems(key: str, value: object) -> None:
    data = _body(ttu_dinsos())
    data[key] = value
    assert _problems(data) == _converter_problems(data)


def test_a_bad_number_of_jobs_is_refused(capsys: pytest.CaptureFixture[str]) -> None:
    for bad in ("-1", "two"):
        with pytest.raises(SystemExit) as exit_:
            main(["check", "ttu-dinsos", "--jobs", bad])
        assert exit_.value.code == EXIT_INPUT
        assert "--jobs" in capsys.readouterr().err


def test_results_are_produced_one_plan_at_a_time() -> None:
    calls: list[str] = []

    def recorded(spec: str) -> Plan:
        calls.append(spec)
        return ttu_dinsos()

    results = check_many(["a", "b", "c"], load=recorded, select=["RS341"])
    assert calls == []
    assert next(results).name == "a"
    assert calls == ["a"]
    assert [r.name for r in results] == ["b", "c"]


# -- check_many --------------------------------------------------------------------------------


def _specs(folder: Path) -> list[str]:
    return [str(p) for p in sorted(folder.rglob("*.json"))]


@pytest.mark.parametrize("jobs", [1, 2])
def test_check_many_finds_what_check_finds_plan_by_plan(small_corpus: Path, jobs: int) -> None:
    from renstra_model.io.nomenclature import load_nomenclature

    nomenclature = load_nomenclature(small_corpus / "nomenclature.csv")
    specs = _specs(small_corpus)
    results = list(check_many(specs, load=load, jobs=jobs, nomenclature=nomenclature,
                              ignore=["RS301"]))
    assert [r.name for r in results] == specs
    assert all(r.error is None for r in results)
    expected = [check(load(spec), nomenclature=nomenclature, ignore=["RS301"]) for spec in specs]
    assert [r.findings for r in results] == [tuple(found) for found in expected]
    for result, found in zip(results, expected, strict=True):
        for lang in ("id", "en"):
            assert [f.to_dict(lang) for f in result.findings] == [f.to_dict(lang) for f in found]
    assert sum(len(r.findings) for r in results) > len(results)


def test_check_many_keeps_the_order_of_the_plans_with_jobs(small_corpus: Path) -> None:
    specs = _specs(small_corpus)[::-1]  # not the order of the files
    plan = ttu_dinsos()
    plans: list[Plan | str | Path] = [*specs[:4], plan, *specs[4:], Path(specs[0])]
    results = list(check_many(plans, load=load, jobs=2, select=["RS1", "RS341"]))
    assert [r.name for r in results] == [*specs[:4], plan.title, *specs[4:], specs[0]]
    assert results[4].findings == tuple(check(plan, select=["RS1", "RS341"]))
    assert results[-1] == Checked(specs[0], results[0].findings)
    assert all(isinstance(r, Checked) for r in results)


@pytest.mark.parametrize("jobs", [1, 2])
def test_a_plan_that_does_not_load_is_its_result(
    small_corpus: Path, tmp_path: Path, jobs: int
) -> None:
    broken = tmp_path / "broken.json"
    broken.write_text('{"format_version": 1, "title": 5}', encoding="utf-8")
    truncated = tmp_path / "truncated.json"
    truncated.write_text("{", encoding="utf-8")
    good = _specs(small_corpus)[:2]
    specs = [good[0], str(broken), str(tmp_path / "none.json"), str(truncated), good[1]]
    results = list(check_many(specs, load=load, jobs=jobs))
    assert [r.name for r in results] == specs
    assert results[0].error is None
    assert results[4].error is None
    for result in results[1:4]:
        assert isinstance(result.error, InvalidPlanError)
        assert result.findings == ()
    error = results[1].error
    assert isinstance(error, InvalidPlanError)
    assert [p.path for p in error.problems] == ["title", "organisation", "period"]
    assert error.describe("id").startswith(f"{broken}: 3 masalah ditemukan:\n")
    assert error.describe("id") != error.describe("en")
    assert isinstance(results[2].error, PlanFileError)
    assert isinstance(results[3].error, PlanFileError)
    assert "truncated.json" in results[3].error.describe("en")


def test_check_many_restores_the_collection_threshold() -> None:
    before = gc.get_threshold()
    gc.set_threshold(701, 11, 12)
    try:
        results = check_many([ttu_dinsos(), ttu_dinsos()], select=["RS341"])
        assert gc.get_threshold() == (701, 11, 12)  # nothing runs before the first result
        next(results)
        assert gc.get_threshold() == (GC_THRESHOLD, 11, 12)
        assert len(list(results)) == 1
        assert gc.get_threshold() == (701, 11, 12)
        stopped = check_many([ttu_dinsos(), ttu_dinsos()], select=["RS341"], jobs=2)
        next(stopped)
        assert gc.get_threshold() == (GC_THRESHOLD, 11, 12)
        stopped.close()
        assert gc.get_threshold() == (701, 11, 12)
    finally:
        gc.set_threshold(*before)


def test_check_many_refuses_what_it_cannot_do() -> None:
    with pytest.raises(TypeError, match="no load"):
        list(check_many([ttu_dinsos(), "a.json"]))
    calls: list[str] = []

    def recorded(spec: str) -> Plan:
        calls.append(spec)
        return ttu_dinsos()

    with pytest.raises(ValueError, match="RS999"):
        check_many(["a"], load=recorded, select=["RS999"], jobs=2)  # at once, not when iterated
    with pytest.raises(ValueError, match="jobs"):
        check_many(["a"], load=recorded, jobs=-1)
    assert calls == []

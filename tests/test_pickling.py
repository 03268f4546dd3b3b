"""What a worker process of ``check_many`` sends back, and what a task sends to it, pickles and
unpickles to an equal value: findings, problems, the library's errors, the nomenclature."""

from __future__ import annotations

import pickle
from pathlib import Path
from typing import TypeVar

import pytest

from renstra_model.checks import check
from renstra_model.errors import InvalidPlanError, PlanFileError, Problem, UnknownExampleError
from renstra_model.examples import ttu_dinsos
from renstra_model.io.excel import WorkbookError
from renstra_model.io.nomenclature import NomenclatureError, load_nomenclature
from renstra_model.tables.xlsx import IllegalTextError

SMALL = Path(__file__).parent / "data" / "nomenclature-small.csv"
T = TypeVar("T")


def round_trip(value: T) -> T:
    back: T = pickle.loads(pickle.dumps(value))
    return back


def test_findings_keep_every_field_and_their_message() -> None:
    findings = check(ttu_dinsos())
    back = round_trip(findings)
    assert isinstance(back, list)
    assert back == findings
    assert [dict(f.params) for f in back] == [dict(f.params) for f in findings]
    assert [f.message("id") for f in back] == [f.message("id") for f in findings]


def test_a_problem_keeps_its_params_read_only() -> None:
    problem = Problem("goals[0].id", "structure.missing", {"field": "id"})
    back = round_trip(problem)
    assert isinstance(back, Problem)
    assert (back.path, back.key, dict(back.params)) == ("goals[0].id", "structure.missing",
                                                         {"field": "id"})
    assert type(back.params) is type(problem.params)


def test_the_librarys_errors_keep_their_class_problems_and_message() -> None:
    problems = [Problem("", "file.missing", {"file": "a.json"})]
    errors = [
        InvalidPlanError(problems, "a.json"),
        PlanFileError(problems, "a.json"),
        NomenclatureError([Problem("row 3", "structure.missing", {"file": "n.csv", "row": 3})],
                          "n.csv"),
        IllegalTextError("T-C.27", "D14"),
        UnknownExampleError("no example named 'x'"),
    ]
    for error in errors:
        back = round_trip(error)
        assert type(back) is type(error)
        assert str(back) == str(error)
        assert back.__dict__.keys() == error.__dict__.keys()
    nomenclature_error = round_trip(errors[2])
    assert isinstance(nomenclature_error, NomenclatureError)
    assert nomenclature_error.rows == (3,)


def test_a_workbook_error_keeps_its_cells() -> None:
    from renstra_model.io.excel import read_rows

    with pytest.raises(WorkbookError) as caught:
        read_rows([["no header here"]])
    back = round_trip(caught.value)
    assert str(back) == str(caught.value)
    assert back.cells == caught.value.cells


def test_a_nomenclature_is_rebuilt_with_its_index() -> None:
    nomenclature = load_nomenclature(SMALL)
    back = round_trip(nomenclature)
    assert back == nomenclature
    first = nomenclature.entries[0]
    assert back.get(first.code) == first

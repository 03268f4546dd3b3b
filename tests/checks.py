"""Assertions shared by the tests: problems with their paths and keys."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

import pytest

from renstra_model import InvalidPlanError, Problem
from renstra_model.messages import CATALOGUE, LANGS

T = TypeVar("T")


def keys_and_paths(error: InvalidPlanError) -> set[tuple[str, str]]:
    """The (path, key) pairs of every problem of *error*."""
    return {(p.path, p.key) for p in error.problems}


def check_renders(problem: Problem) -> None:
    """The problem's key is catalogued and its message renders in every language."""
    assert problem.key in CATALOGUE, problem.key
    for lang in LANGS:
        assert problem.message(lang).strip(), (problem, lang)
    assert problem.describe().endswith(f" @ {problem.path or '$'}")


def expect_problems(
    func: Callable[[], object],
    *expected: tuple[str, str],
    error: type[InvalidPlanError] = InvalidPlanError,
) -> InvalidPlanError:
    """Call *func*, which must raise *error* holding at least the (path, key) *expected*.

    Every problem's message must render in both languages.
    """
    with pytest.raises(error) as info:
        func()
    found = keys_and_paths(info.value)
    for item in expected:
        assert item in found, f"expected {item} among {sorted(found)}"
    for problem in info.value.problems:
        check_renders(problem)
    return info.value


def expect_only(
    func: Callable[[], object],
    *expected: tuple[str, str],
    error: type[InvalidPlanError] = InvalidPlanError,
) -> InvalidPlanError:
    """Like :func:`expect_problems`, but the problems must be exactly *expected*."""
    exc = expect_problems(func, *expected, error=error)
    assert keys_and_paths(exc) == set(expected)
    return exc


def build(cls: Any, *args: Any, **kwargs: Any) -> Any:
    """``cls(*args, **kwargs)`` without static types: for constructions that pass wrong
    types on purpose."""
    return cls(*args, **kwargs)


def outcome(func: Callable[[], T]) -> tuple[T | None, InvalidPlanError | None]:
    """``(result, None)`` if *func* returns, ``(None, error)`` if it raises InvalidPlanError;
    any other exception propagates (and fails the test)."""
    try:
        return func(), None
    except InvalidPlanError as exc:
        return None, exc

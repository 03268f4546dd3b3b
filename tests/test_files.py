"""The bounded read and the atomic write every reader and writer uses."""

from __future__ import annotations

import os
import stat
from collections.abc import Iterable
from pathlib import Path

import pytest

from renstra_model.errors import PlanFileError, Problem
from renstra_model.files import atomic_path, read_bounded, write_text_atomic


class OwnError(Exception):
    def __init__(self, problems: Iterable[Problem], name: str) -> None:
        super().__init__(name)
        self.problems = list(problems)
        self.name = name


def keys(exc: pytest.ExceptionInfo[OwnError]) -> list[tuple[str, dict[str, object]]]:
    return [(p.key, dict(p.params)) for p in exc.value.problems]


def test_a_file_within_the_limit_is_read_whole(tmp_path: Path) -> None:
    file = tmp_path / "a.json"
    file.write_bytes(b"0123456789")
    assert read_bounded(file, 10) == b"0123456789"


def test_each_failure_is_one_problem_of_the_callers_error(tmp_path: Path) -> None:
    file = tmp_path / "a.json"
    file.write_bytes(b"0123456789")
    with pytest.raises(OwnError) as caught:
        read_bounded(file, 9, OwnError)
    assert keys(caught) == [("file.too_large", {"file": str(file), "size": 10, "limit": 9})]
    with pytest.raises(OwnError) as caught:
        read_bounded(tmp_path / "none.json", 9, OwnError)
    assert keys(caught) == [("file.missing", {"file": str(tmp_path / "none.json")})]
    with pytest.raises(OwnError) as caught:
        read_bounded(tmp_path, 9, OwnError)
    assert keys(caught) == [
        ("file.unreadable", {"file": str(tmp_path), "why": "directory"})
    ]
    assert caught.value.name == str(tmp_path)
    assert caught.value.problems[0].message("en") == f"cannot read {tmp_path}: it is a directory"
    assert caught.value.problems[0].message("id") == (
        f"tidak dapat membaca {tmp_path}: itu sebuah folder")


def test_the_default_error_is_a_plan_file_error(tmp_path: Path) -> None:
    with pytest.raises(PlanFileError) as caught:
        read_bounded(tmp_path / "none.json", 9)
    assert [p.key for p in caught.value.problems] == ["file.missing"]


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads every file")
def test_an_unreadable_file_says_why(tmp_path: Path) -> None:  # pragma: no cover - not root
    file = tmp_path / "a.json"
    file.write_bytes(b"{}")
    file.chmod(0)
    with pytest.raises(OwnError) as caught:
        read_bounded(file, 9, OwnError)
    assert keys(caught) == [("file.unreadable", {"file": str(file), "why": "Permission denied"})]


def test_a_failed_write_leaves_the_old_file_and_no_temporary(tmp_path: Path) -> None:
    file = tmp_path / "plan.json"
    file.write_text("old")
    def fail_halfway() -> None:
        with atomic_path(file) as tmp:
            tmp.write_text("half")
            raise RuntimeError

    with pytest.raises(RuntimeError):
        fail_halfway()
    assert file.read_text() == "old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["plan.json"]


def test_a_write_replaces_the_file_and_keeps_its_permissions(tmp_path: Path) -> None:
    file = tmp_path / "plan.json"
    file.write_text("old")
    file.chmod(0o640)
    write_text_atomic(file, "new\n")
    assert file.read_bytes() == b"new\n"
    assert stat.S_IMODE(file.stat().st_mode) == 0o640
    assert sorted(p.name for p in tmp_path.iterdir()) == ["plan.json"]


def test_a_new_file_gets_the_permissions_of_a_plain_open(tmp_path: Path) -> None:
    plain = tmp_path / "plain.txt"
    plain.write_text("x")
    written = tmp_path / "written.txt"
    write_text_atomic(written, "x")
    assert stat.S_IMODE(written.stat().st_mode) == stat.S_IMODE(plain.stat().st_mode)
    old = os.umask(0o077)
    try:
        write_text_atomic(tmp_path / "private.txt", "x")
    finally:
        os.umask(old)
    assert stat.S_IMODE((tmp_path / "private.txt").stat().st_mode) == 0o600

"""The permissions of every file the library writes: those of a plain ``open`` under the
user's umask (``0644`` under ``022``, ``0600`` under ``077``) for a new file, those of the file
replaced otherwise; the writes stay atomic (no temporary file is left beside the result)."""

from __future__ import annotations

import io
import os
import stat
import threading
from collections.abc import Iterator
from contextlib import contextmanager, redirect_stderr, redirect_stdout
from pathlib import Path

import pytest

import renstra_model
from renstra_model.cli import EXIT_FINDINGS, EXIT_OK, main
from renstra_model.examples import ttu_dinsos
from renstra_model.files import atomic_path, write_text_atomic
from renstra_model.synthetic.sipd import generate_export

UMASKS = [(0o022, 0o644, 0o755), (0o077, 0o600, 0o700)]
"""(umask, mode of a new file, mode of a new directory)."""


@contextmanager
def umask(mask: int) -> Iterator[None]:
    old = os.umask(mask)
    try:
        yield
    finally:
        os.umask(old)


def modes(folder: Path) -> dict[str, int]:
    """The permission bits of everything below *folder*, by relative path."""
    return {p.relative_to(folder).as_posix(): stat.S_IMODE(p.stat().st_mode)
            for p in sorted(folder.rglob("*"))}


def run(*args: str) -> int:
    with redirect_stdout(io.StringIO()), redirect_stderr(io.StringIO()) as err:
        status = main(list(args))
    assert status in (EXIT_OK, EXIT_FINDINGS), err.getvalue()
    return status


@pytest.mark.parametrize(("mask", "file", "folder"), UMASKS)
def test_save_writes_a_new_plan_file_under_the_umask(
    mask: int, file: int, folder: int, tmp_path: Path
) -> None:
    with umask(mask):
        renstra_model.save(ttu_dinsos(), tmp_path / "plan.json")
    assert modes(tmp_path) == {"plan.json": file}


@pytest.mark.parametrize(("mask", "file", "folder"), UMASKS)
def test_import_writes_plan_files_under_the_umask(
    mask: int, file: int, folder: int, tmp_path: Path
) -> None:
    (tmp_path / "in").mkdir()
    generate_export(tmp_path / "in" / "sipd.csv", seed=1, regions=1, agencies=2)
    out = tmp_path / "out"
    out.mkdir()
    with umask(mask):
        run("export", "ttu-dinsos", "--format", "xlsx", "--output", str(out / "ttu.xlsx"))
        run("import", str(out / "ttu.xlsx"), "--output", str(out / "ttu.json"))
        run("import", str(tmp_path / "in" / "sipd.csv"), "--output", str(out / "sipd"))
    assert modes(out) == {
        "sipd": folder, "sipd/1188-1.05.0.00.0.00.05.0000.json": file,
        "sipd/1188-3.26.0.00.0.00.24.0000.json": file, "ttu.json": file, "ttu.xlsx": file,
    }


@pytest.mark.parametrize(("mask", "file", "folder"), UMASKS)
def test_export_writes_the_workbook_and_parquet_under_the_umask(
    mask: int, file: int, folder: int, tmp_path: Path
) -> None:
    with umask(mask):
        run("export", "ttu-dinsos", "--format", "xlsx", "--output", str(tmp_path / "t.xlsx"))
        run("export", "ttu-dinsos", "--format", "parquet", "--output", str(tmp_path / "pq"))
    assert modes(tmp_path) == {
        "pq": folder, "pq/activities.parquet": file, "pq/budget.parquet": file,
        "pq/budget_table.parquet": file, "pq/indicator_values.parquet": file,
        "pq/plans.parquet": file, "t.xlsx": file,
    }


@pytest.mark.parametrize(("mask", "file", "folder"), UMASKS)
def test_generate_writes_the_corpus_under_the_umask(
    mask: int, file: int, folder: int, tmp_path: Path
) -> None:
    with umask(mask):
        run("generate", "--plans", "2", "--output", str(tmp_path / "corpus"))
    assert modes(tmp_path) == {
        "corpus": folder, "corpus/000-kabupaten-tasu-masu": folder,
        "corpus/000-kabupaten-tasu-masu/00-dinas-pendidikan.json": file,
        "corpus/000-kabupaten-tasu-masu/01-dinas-kesehatan.json": file,
        "corpus/defects.csv": file, "corpus/nomenclature.csv": file,
    }


def test_a_replaced_file_keeps_its_permissions_whatever_the_umask(tmp_path: Path) -> None:
    for name, mode in (("plan.json", 0o640), ("t.xlsx", 0o604)):
        (tmp_path / name).write_text("old")
        (tmp_path / name).chmod(mode)
    with umask(0o077):
        renstra_model.save(ttu_dinsos(), tmp_path / "plan.json")
        run("export", "ttu-dinsos", "--format", "xlsx", "--output", str(tmp_path / "t.xlsx"))
    assert modes(tmp_path) == {"plan.json": 0o640, "t.xlsx": 0o604}
    assert renstra_model.load(tmp_path / "plan.json") == ttu_dinsos()


def test_a_write_never_reads_or_sets_the_umask(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Setting the umask to read it would, for a moment, let a file another thread creates
    # be writable by everyone.
    def forbidden(mask: int) -> int:
        raise AssertionError(f"os.umask({mask:o}) called")

    with umask(0o027):
        monkeypatch.setattr(os, "umask", forbidden)
        write_text_atomic(tmp_path / "a.txt", "x")
        with atomic_path(tmp_path / "b.bin", suffix=".bin") as tmp:
            assert tmp.name.startswith(".b.bin.")
            assert tmp.name.endswith(".bin")
            assert stat.S_IMODE(tmp.stat().st_mode) == 0o640
            tmp.write_bytes(b"y")
        monkeypatch.undo()
    assert modes(tmp_path) == {"a.txt": 0o640, "b.bin": 0o640}


def test_writes_from_threads_at_once_all_get_the_umask(tmp_path: Path) -> None:
    def write(number: int) -> None:
        for round_ in range(20):
            write_text_atomic(tmp_path / f"{number}-{round_}.txt", "x")

    with umask(0o022):
        threads = [threading.Thread(target=write, args=(n,)) for n in range(8)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        assert os.umask(0o022) == 0o022
    assert set(modes(tmp_path).values()) == {0o644}
    assert len(modes(tmp_path)) == 160

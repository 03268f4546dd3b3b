"""A directory scan reports every entry it does not take, with the reason: as data
(:func:`renstra_model.io.inputs.scan`) and, for those not skipped deliberately, as a warning
line of ``renstra check`` on stderr, in both languages."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest

from renstra_model.cli import EXIT_OK, main
from renstra_model.io.inputs import Scan, Skipped, expand, scan
from renstra_model.messages import CATALOGUE
from renstra_model.synthetic.sipd import generate_export

VALID = Path(__file__).parent / "hostile" / "valid.json"
HOSTILE = Path(__file__).parent / "hostile"
MEM = Path("/proc/self/mem")
"""A regular file whose read fails (at offset 0) for every user, root included."""


def folder_of_every_kind(top: Path) -> None:
    """*top* with two plans, a SIPD export, and one entry of every kind a scan skips."""
    (top / "real").mkdir(parents=True)
    shutil.copy(VALID, top / "real" / "a.json")
    (top / "sub.json").mkdir()
    shutil.copy(VALID, top / "sub.json" / "b.json")
    generate_export(top / "sipd.csv", seed=1, regions=1, agencies=1)
    (top / ".git").mkdir()
    shutil.copy(VALID, top / ".git" / "c.json")
    (top / ".hidden.json").write_text("{}")
    (top / "~$book.xlsx").write_bytes(b"lock")
    (top / "notes.txt").write_text("notes")
    (top / "README").write_text("read me")
    (top / "nomenclature.csv").write_text("code,name\n")
    (top / "gone.json").symlink_to(top / "nowhere.json")
    (top / "null.json").symlink_to(os.devnull)
    os.mkfifo(top / "pipe.json")
    (top / "linked").symlink_to(HOSTILE)
    (top / "mem.csv").symlink_to(MEM)


EXPECTED = [
    # (relative path, key, why, deliberate)
    (".git", "scan.hidden", "", True),
    (".hidden.json", "scan.hidden", "", True),
    ("README", "scan.no_suffix", "", True),
    ("gone.json", "scan.dangling", "{top}/nowhere.json", False),
    ("linked", "scan.directory_link", str(HOSTILE), False),
    ("mem.csv", "scan.unreadable", "Input/output error", False),
    ("nomenclature.csv", "scan.not_sniffed", ".csv", True),
    ("notes.txt", "scan.other_type", ".txt", True),
    ("null.json", "scan.special", "", False),
    ("pipe.json", "scan.special", "", False),
    ("sub.json", "scan.named_like_file", ".json", False),
    ("~$book.xlsx", "scan.lock", "", True),
]

pytestmark = pytest.mark.skipif(not MEM.exists(), reason="needs /proc/self/mem (Linux)")


def test_a_scan_lists_the_files_it_takes_and_every_entry_it_skips(tmp_path: Path) -> None:
    folder_of_every_kind(tmp_path)
    found = scan([tmp_path, "ttu-dinsos"])
    assert found.files == (str(tmp_path / "real" / "a.json"), str(tmp_path / "sipd.csv"),
                           str(tmp_path / "sub.json" / "b.json"), "ttu-dinsos")
    assert [(os.path.relpath(s.path, tmp_path), s.key, s.why, s.deliberate)
            for s in found.skipped] == [
        (path, key, why.format(top=tmp_path), deliberate)
        for path, key, why, deliberate in EXPECTED]
    assert expand([tmp_path, "ttu-dinsos"]) == list(found.files)


def test_a_scan_of_files_alone_skips_nothing() -> None:
    assert scan(["plan.json", Path("no-such-dir")]) == Scan(("plan.json", "no-such-dir"), ())
    assert scan([]) == Scan((), ())


def test_an_unreadable_directory_is_reported(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    shutil.copy(VALID, tmp_path / "a.json")
    (tmp_path / "locked").mkdir()
    shutil.copy(VALID, tmp_path / "locked" / "b.json")
    scandir = os.scandir
    locked = str(tmp_path / "locked")

    def refusing(path: str) -> object:  # as the system refuses a folder without read access
        if os.fspath(path) == locked:
            raise PermissionError(13, "Permission denied", locked)
        return scandir(path)

    monkeypatch.setattr(os, "scandir", refusing)
    assert scan([tmp_path]) == Scan(
        (str(tmp_path / "a.json"),),
        (Skipped(locked, "scan.unreadable", "Permission denied"),))


def test_every_reason_reads_in_both_languages() -> None:
    keys = sorted(k for k in CATALOGUE if k.startswith("scan."))
    assert keys == sorted({key for _, key, _, _ in EXPECTED})
    assert Skipped("x", "scan.dangling", "/gone").message("en") == "a link to nothing (/gone)"
    assert Skipped("x", "scan.dangling", "/gone").message("id") == (
        "tautan ke sesuatu yang tidak ada (/gone)")
    for key in keys:
        assert Skipped("x", key, ".csv").message("en") != Skipped("x", key, ".csv").message("id")


@pytest.mark.parametrize(("lang", "lines"), [
    ("en", [
        "gone.json: skipped: a link to nothing ({top}/nowhere.json)",
        f"linked: skipped: a link to a directory ({HOSTILE}), not followed: name the "
        "directory itself",
        "mem.csv: skipped: cannot be read (Input/output error)",
        "null.json: skipped: not a regular file (a device, a pipe or a socket)",
        "pipe.json: skipped: not a regular file (a device, a pipe or a socket)",
        "sub.json: skipped: a directory, though named like a .json file: the files in it are "
        "read",
    ]),
    ("id", [
        "gone.json: dilewati: tautan ke sesuatu yang tidak ada ({top}/nowhere.json)",
        f"linked: dilewati: tautan ke direktori ({HOSTILE}), tidak diikuti: sebutkan "
        "direktori itu sendiri",
        "mem.csv: dilewati: tidak dapat dibaca (Input/output error)",
        "null.json: dilewati: bukan berkas biasa (perangkat, pipa, atau soket)",
        "pipe.json: dilewati: bukan berkas biasa (perangkat, pipa, atau soket)",
        "sub.json: dilewati: sebuah direktori, walau bernama seperti berkas .json: berkas di "
        "dalamnya yang dibaca",
    ]),
])
def test_check_warns_of_each_entry_it_skips_on_stderr(
    lang: str, lines: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder_of_every_kind(tmp_path)
    status = main(["check", str(tmp_path), "--lang", lang, "--format", "json"])
    captured = capsys.readouterr()
    assert status == EXIT_OK
    assert captured.err.splitlines() == [f"{tmp_path}/{line.format(top=tmp_path)}"
                                         for line in lines]
    assert sorted({finding["plan"] for finding in json.loads(captured.out)}) == [
        str(tmp_path / "real" / "a.json"), str(tmp_path / "sipd.csv"),
        str(tmp_path / "sub.json" / "b.json")]


def test_check_of_a_folder_of_plans_alone_says_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    shutil.copy(VALID, tmp_path / "a.json")
    (tmp_path / "~$a.xlsx").write_bytes(b"lock")
    (tmp_path / "notes.txt").write_text("notes")
    assert main(["check", str(tmp_path)]) == EXIT_OK
    assert capsys.readouterr().err == ""

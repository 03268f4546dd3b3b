"""Files as every reader and writer of the library touches them: one bounded read, which
refuses a file larger than its limit before reading it whole and turns the operating system's
errors into problems with the file's name, and one atomic write, which replaces a file only
once its new content is complete.

>>> import tempfile
>>> from pathlib import Path
>>> folder = Path(tempfile.mkdtemp())
>>> write_text_atomic(folder / "plan.json", "{}\\n") == folder / "plan.json"
True
>>> read_bounded(folder / "plan.json", 10)
b'{}\\n'
>>> try:
...     read_bounded(folder / "plan.json", 2)
... except PlanFileError as exc:
...     print(exc.problems[0].key, exc.problems[0].params["size"])
file.too_large 3
"""

from __future__ import annotations

import contextlib
import os
import secrets
import stat
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Final

from .errors import PlanFileError, Problem

FileError = Callable[[Iterable[Problem], str], Exception]
"""Makes the error of a file's problems: called with the problems and the file's name."""


def read_bounded(
    path: str | os.PathLike[str], max_bytes: int, error: FileError = PlanFileError
) -> bytes:
    """The bytes of the file at *path*, at most *max_bytes* of them.

    A missing file, a directory, an unreadable file and one over the limit (by its size, or by
    what a read returns for a file that grows) raise *error* with one problem
    (``file.missing``, ``file.unreadable`` with the reason, ``file.too_large`` with the size
    and the limit), whose params name the ``file``.
    """
    file = Path(path)
    name = str(file)

    def refuse(key: str, **params: object) -> Exception:
        return error([Problem("", key, {"file": name, **params})], name)

    try:
        status = file.stat()
        if stat.S_ISDIR(status.st_mode):
            raise IsADirectoryError
        size = status.st_size
        if size > max_bytes:
            raise refuse("file.too_large", size=size, limit=max_bytes)
        with file.open("rb") as handle:
            raw = handle.read(max_bytes + 1)
    except FileNotFoundError:
        raise refuse("file.missing") from None
    except IsADirectoryError:
        raise refuse("file.unreadable", why="directory") from None
    except OSError as exc:
        raise refuse("file.unreadable", why=exc.strerror or str(exc)) from None
    if len(raw) > max_bytes:
        raise refuse("file.too_large", size=len(raw), limit=max_bytes)
    return raw


@contextlib.contextmanager
def atomic_path(path: str | os.PathLike[str], suffix: str = "") -> Iterator[Path]:
    """A temporary path beside *path* to write the new file to; when the block ends without an
    exception, the temporary file replaces *path* in one step, else it is removed and *path*
    is left as it was. The new file has the permissions of the one it replaces, or, for a new
    file, those a plain ``open`` gives it (``0666`` under the umask: ``0644`` under ``022``),
    set by the system as it creates the file; the umask is never read or changed, so that
    threads writing files at the same time do not disturb each other."""
    target = Path(path)
    tmp = _create_beside(target, suffix)
    try:
        yield tmp
        mode = _mode_of(target)
        if mode is not None:
            os.chmod(tmp, mode)
        os.replace(tmp, target)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


_ATTEMPTS: Final = 100
"""How many names :func:`_create_beside` tries before it gives up."""


def _create_beside(target: Path, suffix: str) -> Path:
    """A new empty file in *target*'s folder, named ``.<name>.<random><suffix>``, created as
    ``open`` creates a file (mode ``0666``, which the system limits by the umask and the
    folder's default ACL)."""
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_CLOEXEC", 0)
    for _ in range(_ATTEMPTS):
        tmp = target.parent / f".{target.name}.{secrets.token_hex(6)}{suffix}"
        try:
            fd = os.open(tmp, flags, 0o666)
        except FileExistsError:  # pragma: no cover - 48 random bits taken already
            continue
        os.close(fd)
        return tmp
    raise FileExistsError(  # pragma: no cover - as above, a hundred times
        f"no free temporary name beside {target}")


def _mode_of(target: Path) -> int | None:
    """The permission bits of the file *target*, None where there is none to replace."""
    try:
        return stat.S_IMODE(target.stat().st_mode)
    except OSError:
        return None


def write_text_atomic(path: str | os.PathLike[str], text: str) -> Path:
    """Write *text* to *path* as UTF-8 with ``\\n`` line ends, replacing the file atomically;
    return the path written."""
    target = Path(path)
    with atomic_path(target) as tmp, tmp.open("w", encoding="utf-8", newline="\n") as handle:
        handle.write(text)
    return target

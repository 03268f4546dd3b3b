"""Files as every reader and writer of the library touches them: one bounded read, which
refuses a file larger than its limit before reading it whole and turns the operating system's
errors into problems with the file's name, and one atomic write, which replaces a file only
once its new content is complete.

>>> import tempfile
>>> from pathlib import Path
>>> folder = Path(tempfile.mkdtemp())
>>> write_text_atomic(folder / "plan.json", "{}\\n")
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
import stat
import tempfile
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

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
        raise refuse("file.unreadable", why="it is a directory") from None
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
    file, those a plain ``open`` would give it."""
    target = Path(path)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=suffix,
                               dir=target.parent or Path("."))
    os.close(fd)
    try:
        yield Path(tmp)
        os.chmod(tmp, _mode_for(target))
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _mode_for(target: Path) -> int:
    """The permission bits *target* has, or the ones a new file gets under the umask."""
    try:
        return stat.S_IMODE(target.stat().st_mode)
    except OSError:
        mask = os.umask(0)
        os.umask(mask)
        return 0o666 & ~mask


def write_text_atomic(path: str | os.PathLike[str], text: str) -> None:
    """Write *text* to *path* as UTF-8 with ``\\n`` line ends, replacing the file atomically."""
    with atomic_path(path) as tmp, tmp.open("w", encoding="utf-8", newline="\n") as handle:
        handle.write(text)

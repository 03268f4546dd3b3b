"""The file names of an export's plans, for ``renstra import EXPORT --output DIR``: stable and
readable (``<kodepemda>-<kodeskpd>.json``), made of safe characters only, so that nothing the
data holds (a path separator, ``..``, a control character, a name Windows reserves) reaches
the file system, and unique, so that two agencies never overwrite each other.

>>> for name in plan_file_names([("3201", "1.02.0.00.0.00.01.0000"), ("../..", "a/b\\x00c"),
...                              ("3201", "1.02.0.00.0.00.01.0000"), ("CON", "")]):
...     print(name)
3201-1.02.0.00.0.00.01.0000.json
_-a_b_c.json
3201-1.02.0.00.0.00.01.0000-2.json
_CON-_.json
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from typing import Final

MAX_PART: Final = 60
"""The most characters of each code a file name keeps."""

_UNSAFE: Final = re.compile(r"[^A-Za-z0-9._-]+")
_DOTS: Final = re.compile(r"\.{2,}")
_RESERVED: Final = frozenset({
    "con", "prn", "aux", "nul", *(f"com{n}" for n in range(10)), *(f"lpt{n}" for n in range(10)),
})
"""Names Windows reserves for devices, whatever their extension."""


def _part(text: str) -> str:
    safe = _UNSAFE.sub("_", unicodedata.normalize("NFKC", text))
    safe = _DOTS.sub(".", safe).strip("._-")[:MAX_PART].strip("._-")
    return safe or "_"


def file_stem(kodepemda: str, kodeskpd: str) -> str:
    """The file name, without its suffix, of the plan of the agency *kodeskpd* of the region
    *kodepemda*: each code in letters, digits, dots, hyphens and underscores only (any run of
    other characters an underscore, ``..`` a dot, no dot or hyphen at either end), joined by
    a hyphen; a name Windows reserves (``CON``, ``NUL``…) is prefixed with an underscore."""
    stem = f"{_part(kodepemda)}-{_part(kodeskpd)}"
    if stem.split(".")[0].split("-")[0].casefold() in _RESERVED:
        stem = f"_{stem}"
    return stem


def plan_file_names(identities: Iterable[tuple[str, str]], suffix: str = ".json") -> list[str]:
    """The file names of the plans of *identities* (each the kodepemda and kodeskpd of a
    plan, in the export's order): :func:`.file_stem` with *suffix*, a name that an earlier
    plan has (without regard to case, as some file systems compare them) given ``-2``,
    ``-3``…"""
    used: set[str] = set()
    names: list[str] = []
    for kodepemda, kodeskpd in identities:
        stem = file_stem(kodepemda, kodeskpd)
        name, number = f"{stem}{suffix}", 1
        while name.casefold() in used:
            number += 1
            name = f"{stem}-{number}{suffix}"
        used.add(name.casefold())
        names.append(name)
    return names

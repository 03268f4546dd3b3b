"""The header grammar every spreadsheet reader of the library shares: how a heading cell is
compared, which headings name the code column and the name column, the level words printed
under a ``KODE`` heading merged over several columns, and the row of column numbers printed
under a header. The plan reader (:mod:`renstra_model.io.excel`) and the nomenclature's reader
(:mod:`renstra_model.io.nomenclature`) find their columns with it, so that a heading one of
them accepts, the other accepts too.

>>> heading("  Kode\\n Rekening ")
'KODE REKENING'
>>> [bool(CODE.fullmatch(heading(h))) for h in ("KODE", "No. Kode", "REK.", "Kode Program")]
[True, True, False, True]
>>> code_column(["NO", "URUSAN / BIDANG", "URAIAN"]), is_name_heading("URAIAN")
(1, True)
>>> is_column_numbers([None, "(1)", "(2)", None, 3])
True
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Final

MAX_HEADING: Final = 300
"""The longest cell that is compared as a heading; a longer one is no heading."""

_TAGS: Final = re.compile(r"</?\s*i\s*>", re.IGNORECASE)

_LEVEL: Final = r"(?:URUSAN|BIDANG(?: URUSAN)?|PROGRAM|KEGIATAN|SUB ?KEGIATAN)"
_LEVELS: Final = rf"{_LEVEL}(?:(?: ?[,/] ?| DAN | ){_LEVEL})*"

CODE: Final = re.compile(
    rf"(NO\.? )?KODE( (REKENING|REKONING|REK\.?|NOMENKLATUR|{_LEVELS}))?\.?"
)
"""A code column's heading (``KODE``, ``NO. KODE``, ``KODE REKENING`` and its ``REKONING``
typo, ``KODE REK.``, ``KODE NOMENKLATUR``, ``KODE PROGRAM``, ``KODE SUB KEGIATAN``,
``KODE PROGRAM/KEGIATAN``…), as :func:`heading` gives it."""

LEVEL_CODE: Final = re.compile(rf"(?:NO\.? )?KODE ({_LEVEL})\.?")
"""The heading of a column holding the codes of one level (``KODE SUB KEGIATAN``)."""
LEVEL_NAME: Final = re.compile(rf"(?:NAMA|URAIAN|NOMENKLATUR) ({_LEVEL})")
"""The heading of a column holding the names of one level (``NAMA KEGIATAN``)."""

NAME: Final = re.compile(
    r"(NAMA )?PROGRAM[ ,/]+(DAN )?KEGIATAN.*|URAIAN.*|NOMENKLATUR.*|NAMA PROGRAM.*"
    rf"|NAMA {_LEVEL}.*"
)
"""A name column's heading (``PROGRAM, KEGIATAN DAN SUB KEGIATAN``, ``PROGRAM DAN
KEGIATAN``, ``URAIAN``, ``NOMENKLATUR URUSAN KABUPATEN/KOTA``, ``NAMA PROGRAM``…); one that
names indicators is not (see :func:`is_name_heading`)."""

LEVEL_WORDS: Final = frozenset(
    {"URUSAN", "BIDANG", "PROGRAM", "KEGIATAN", "SUB", "SUBKEGIATAN"}
)
"""The words of the level names printed over (or under) the parts of a code."""


def heading(value: object) -> str:
    """A cell as headings are compared: text upper-cased, with its whitespace collapsed and
    italic tags removed, and a whole number as its digits; "" for anything else and for
    text longer than :data:`MAX_HEADING`."""
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    if not isinstance(value, str) or len(value) > MAX_HEADING:
        return ""
    return " ".join(_TAGS.sub("", value).split()).upper()


def heading_level(text: str, pattern: re.Pattern[str]) -> str | None:
    """The one level *text* (a :func:`heading`) names, by :data:`LEVEL_CODE` or
    :data:`LEVEL_NAME` as *pattern*: ``"URUSAN"``, ``"BIDANG"``, ``"PROGRAM"``,
    ``"KEGIATAN"`` or ``"SUB KEGIATAN"``; None for any other heading.

    >>> heading_level("KODE SUBKEGIATAN", LEVEL_CODE), heading_level("NAMA KEGIATAN", LEVEL_NAME)
    ('SUB KEGIATAN', 'KEGIATAN')
    >>> heading_level("KODE PROGRAM/KEGIATAN", LEVEL_CODE) is None
    True
    """
    match = pattern.fullmatch(text)
    if match is None:
        return None
    level = match.group(1)
    if level.startswith("SUB"):
        return "SUB KEGIATAN"
    return level.split()[0]


def is_name_heading(text: str) -> bool:
    """*text* (a :func:`heading`) names the column of the names."""
    return bool(NAME.fullmatch(text)) and "INDIKATOR" not in text


def is_level_words(text: str) -> bool:
    """*text* (a :func:`heading`) is level names only: ``URUSAN``, ``BIDANG URUSAN``,
    ``SUB KEGIATAN``, ``PROGRAM/KEGIATAN``, ``URUSAN DAN BIDANG``…"""
    words = text.replace("/", " ").replace(",", " ").split()
    return bool(words) and all(w in LEVEL_WORDS or w == "DAN" for w in words)


def is_code_heading(text: str) -> bool:
    """*text* (a :func:`heading`) names a code column: :data:`CODE`, or the level names printed
    over the parts of a code, but not a name heading."""
    return bool(CODE.fullmatch(text)) or (is_level_words(text) and not is_name_heading(text))


def code_column(headings: Sequence[str]) -> int | None:
    """The code column of a header row (its :func:`heading` texts): the first :data:`CODE`
    heading, else the first heading of level names; None without either."""
    found = next((i for i, h in enumerate(headings) if CODE.fullmatch(h)), None)
    if found is None:
        found = next((i for i, h in enumerate(headings) if h and is_code_heading(h)), None)
    return found


def _blank(value: object) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def is_column_numbers(cells: Sequence[object]) -> bool:
    """*cells* are the row of column numbers printed under a header: ``1 2 3 …`` or ``(1) (2)
    …``, at least two, counting from 1 in the cells that are filled (a heading merged over
    several columns is numbered once)."""
    values = [heading(c).strip("()") for c in cells if not _blank(c)]
    return len(values) >= 2 and all(v == str(k) for k, v in enumerate(values, start=1))

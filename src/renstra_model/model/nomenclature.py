"""The national nomenclature of planning codes: every valid code with its official name.

The nomenclature (Kepmendagri 050-5889/2021, succeeded by Kepmendagri 900.1.15.5-1317/2023)
lists each urusan, bidang urusan, program, kegiatan and sub kegiatan with its code and official
name, and for a sub kegiatan its indicator and unit. The library does not ship it: the user
supplies a file, which :func:`~renstra_model.io.nomenclature.load_nomenclature` reads (its
layouts are described there); this module holds what it reads into.

>>> nomenclature = Nomenclature(
...     [Entry(Code.parse("X.XX.01.2.08.0001"), Level.SUB_KEGIATAN,
...            "Penyediaan Jasa Surat Menyurat", None, None)],
...     source="example",
... )
>>> nomenclature.get("1.06.01.2.08.0001").name
'Penyediaan Jasa Surat Menyurat'
>>> "1 06 01 2.08 01" in nomenclature
True
>>> normalise_name("Kabupaten/ Kota.") == normalise_name("KABUPATEN / KOTA")
True
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Iterator, Mapping
from types import MappingProxyType
from typing import Any, Final

from attrs import field, frozen

from ..errors import InvalidPlanError, Problem, fail
from ._fields import instances, optional_text, text
from .codes import Code, Level

# -- names --------------------------------------------------------------------------------------

_TAGS: Final = re.compile(r"</?\s*i\s*>", re.IGNORECASE)
INVISIBLE: Final = frozenset(
    "\u00ad\u061c\u180e\u200b\u200c\u200d\u200e\u200f\u202a\u202b\u202c\u202d\u202e"
    "\u2060\u2061\u2062\u2063\u2064\u2066\u2067\u2068\u2069\ufeff"
)
"""Characters that show nothing: the soft hyphen (U+00AD), the zero-width space, joiners and
marks (U+200B–U+200F), the word joiner (U+2060) and its kin, the byte order mark (U+FEFF)."""
_VISIBLE: Final = str.maketrans(
    {"\u2010": "-", "\u2011": "-", "\u2013": "-", "\u2014": "-", **dict.fromkeys(INVISIBLE)}
)
_AROUND: Final = re.compile(r" ?([/-]) ?")
_TRAILING: Final = ".,;: "


def visible_name(text: str) -> str:
    """*text* as it reads: without ``<i>`` tags and :data:`INVISIBLE` characters, its dashes
    written ``-``; its case, spacing and punctuation as they are.

    >>> visible_name("Fasilitasi\u200b Pemberdayaan <i>Home\u00adCare</i> \u2013 KAT")
    'Fasilitasi Pemberdayaan HomeCare - KAT'
    """
    return _TAGS.sub("", text).translate(_VISIBLE)


def normalise_name(text: str) -> str:
    """*text* in the form names are compared in: case folded, whitespace (a no-break or other
    Unicode space too) collapsed, no spaces around ``/`` and ``-``, no trailing punctuation,
    ``<i>`` tags and :data:`INVISIBLE` characters (a zero-width space, a soft hyphen) dropped.

    Spelling is left alone, so a real difference still shows:

    >>> normalise_name("PENGEMBANGAN  POTENSI ... KABUPATEN/ KOTA")
    'pengembangan potensi ... kabupaten/kota'
    >>> normalise_name("Perundang- Undangan.") == normalise_name("Perundang-undangan")
    True
    >>> normalise_name("Penyediaan\u00a0Per\u00admakanan\u200b") == normalise_name(
    ...     "Penyediaan Permakanan")
    True
    >>> normalise_name("Fasilitas Pemberdayaan") == normalise_name("Fasilitasi Pemberdayaan")
    False
    """
    cleaned = unicodedata.normalize("NFKC", visible_name(text)).translate(_VISIBLE)
    collapsed = " ".join(cleaned.split()).casefold()
    return _AROUND.sub(r"\1", collapsed).strip(" ").rstrip(_TRAILING)


# -- entries ------------------------------------------------------------------------------------


def _level_matches(entry: Entry, _: Any, level: Level) -> None:
    if isinstance(entry.code, Code) and entry.code.level is not level:
        raise fail(
            "code.level", "level",
            code=str(entry.code), actual=entry.code.level.value, expected=level.value,
        )


@frozen
class Entry:
    """One line of the nomenclature: a code, its level, its official name and, for a sub
    kegiatan, the official indicator and unit."""

    code: Code = field(validator=instances(Code))
    level: Level = field(validator=[instances(Level), _level_matches])
    name: str = field(validator=text)
    indicator: str | None = field(default=None, validator=optional_text)
    unit: str | None = field(default=None, validator=optional_text)
    """Satuan of the indicator."""


_SUPPORTING: Final = "01"
"""The program number of the supporting program every agency has."""


def _index(entries: tuple[Entry, ...]) -> Mapping[Code, Entry]:
    index: dict[Code, Entry] = {}
    problems: list[Problem] = []
    for i, entry in enumerate(entries):
        if not isinstance(entry, Entry):
            problems.append(Problem(f"entries[{i}]", "structure.type",
                                    {"expected": "Entry", "type": type(entry).__name__}))
        elif entry.code in index:
            problems.append(Problem(f"entries[{i}].code", "code.duplicate",
                                    {"code": str(entry.code)}))
        else:
            index[entry.code] = entry
    if problems:
        raise InvalidPlanError(problems)
    return MappingProxyType(index)


def _entries(value: Iterable[Entry]) -> tuple[Entry, ...]:
    return tuple(value)


@frozen
class Nomenclature:
    """The valid codes and their official names, looked up by :class:`~renstra_model.Code`.

    A plan writes the supporting program with its own urusan and bidang (``1.06.01…``); the
    nomenclature writes it once for every agency (``X.XX.01…``). :meth:`get` resolves the
    first to the second when the bidang has no ``.01`` program of its own.
    """

    entries: tuple[Entry, ...] = field(converter=_entries)
    """Every entry, in the file's order."""
    source: str = field(default="nomenclature", validator=text)
    """Where the entries come from: the file's name, or a name the caller gave."""
    _by_code: Mapping[Code, Entry] = field(init=False, repr=False, eq=False)

    def __attrs_post_init__(self) -> None:
        object.__setattr__(self, "_by_code", _index(self.entries))

    def __reduce__(self) -> tuple[Any, ...]:
        # Pickled as its entries; the read-only index is rebuilt.
        return Nomenclature, (self.entries, self.source)

    def resolve(self, code: Code | str) -> Code | None:
        """The code under which the nomenclature lists *code*: itself, its generic form
        (``X.XX.01…`` for a supporting-program code), or None when it is not listed."""
        wanted = code if isinstance(code, Code) else Code.parse(code)
        if wanted in self._by_code:
            return wanted
        segments = wanted.segments
        if (
            len(segments) >= 3
            and segments[0] != "X"
            and segments[2] == _SUPPORTING
            and Code(segments[:3]) not in self._by_code
        ):
            generic = wanted.generic()
            if generic in self._by_code:
                return generic
        return None

    def get(self, code: Code | str) -> Entry | None:
        """The entry of *code* (a :class:`~renstra_model.Code` or any form it parses), or None.

        ``1.06.01.2.08.0001`` finds ``X.XX.01.2.08.0001`` unless the nomenclature lists a
        program ``1.06.01`` of its own.
        """
        resolved = self.resolve(code)
        return None if resolved is None else self._by_code[resolved]

    def __getitem__(self, code: Code | str) -> Entry:
        entry = self.get(code)
        if entry is None:
            raise KeyError(str(code))
        return entry

    def __contains__(self, code: object) -> bool:
        if isinstance(code, str):
            try:
                code = Code.parse(code)
            except InvalidPlanError:
                return False
        return isinstance(code, Code) and self.resolve(code) is not None

    def __len__(self) -> int:
        return len(self.entries)

    def __iter__(self) -> Iterator[Entry]:
        return iter(self.entries)



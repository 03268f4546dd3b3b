"""Kode rekening: the national codes of urusan, bidang urusan, program, kegiatan, sub kegiatan.

A code has one canonical form, dotted and zero padded as the nomenclature writes it
(``1.06.04.2.01.0003``). :meth:`Code.parse` reads every form found in plans and spreadsheets:
the spaced form printed in Renstra tables (``1 06 04 2.01 03``), the dotted form, unpadded
segments (``1.6.4.2.1.3``) and the generic supporting-program code (``X.XX.01.2.08.0001``).
"""

from __future__ import annotations

import re
from enum import Enum
from typing import Final

from attrs import frozen

from ..errors import fail


class Level(Enum):
    """The level of a code in the nomenclature, and of an activity in a plan."""

    URUSAN = "urusan"
    BIDANG_URUSAN = "bidang_urusan"
    PROGRAM = "program"
    KEGIATAN = "kegiatan"
    SUB_KEGIATAN = "sub_kegiatan"

    @property
    def label(self) -> str:
        """The Indonesian name of the level, as tables print it."""
        return _LABELS[self]


_LABELS: Final = {
    Level.URUSAN: "Urusan",
    Level.BIDANG_URUSAN: "Bidang Urusan",
    Level.PROGRAM: "Program",
    Level.KEGIATAN: "Kegiatan",
    Level.SUB_KEGIATAN: "Sub Kegiatan",
}

# Number of segments of a code of each level. A kegiatan has two segments ("2.01"):
# its type digit and its number.
_LEVEL_BY_SEGMENTS: Final = {
    1: Level.URUSAN,
    2: Level.BIDANG_URUSAN,
    3: Level.PROGRAM,
    5: Level.KEGIATAN,
    6: Level.SUB_KEGIATAN,
}
_SEGMENTS_BY_LEVEL: Final = {level: n for n, level in _LEVEL_BY_SEGMENTS.items()}
# Width of each segment in the canonical form.
_WIDTHS: Final = (1, 2, 2, 1, 2, 4)
_SPLIT: Final = re.compile(r"[.\s]+")
_CANONICAL: Final = re.compile(
    r"[1-9](?:\.(?!00)[0-9]{2}(?:\.(?!00)[0-9]{2}"
    r"(?:\.[1-9]\.(?!00)[0-9]{2}(?:\.(?!0000)[0-9]{4})?)?)?)?",
    re.ASCII,
)
"""A code in its canonical form, written with digits (no X): what plan files hold. Parsing it
yields its own segments."""
_MAX_TEXT: Final = 64


def _segment(raw: str, index: int, value: str) -> str:
    width = _WIDTHS[index]
    if len(raw) == width and raw.isascii() and raw.isdigit() and raw.strip("0"):
        return raw  # the canonical form already, as most codes are written
    if index == 0 and raw.upper() == "X":
        return "X"
    if index == 1 and raw.upper() == "XX":
        return "XX"
    if not raw.isdigit() or not raw.isascii():
        raise fail("code.syntax", value=value, why="not_number", segment=raw)
    if len(raw) > width and raw[: len(raw) - width].strip("0"):
        raise fail("code.syntax", value=value, why="too_wide", segment=raw, width=width)
    digits = raw[-width:] if len(raw) > width else raw
    if int(digits) == 0:
        raise fail("code.syntax", value=value, why="zero", segment=raw)
    return digits.rjust(width, "0")


@frozen(order=True)
class Code:
    """A kode rekening, held in its canonical dotted form.

    >>> code = Code.parse("1 06 04 2.01 03")
    >>> str(code)
    '1.06.04.2.01.0003'
    >>> code.level
    <Level.SUB_KEGIATAN: 'sub_kegiatan'>
    >>> str(code.parent)
    '1.06.04.2.01'
    >>> code.printed()
    '1 06 04 2.01 03'
    """

    segments: tuple[str, ...]

    def __attrs_post_init__(self) -> None:
        segments = self.segments
        if not isinstance(segments, tuple) or not all(isinstance(seg, str) for seg in segments):
            raise fail("code.segments", value=repr(segments))
        value = ".".join(segments)
        if _CANONICAL.fullmatch(value) and value.count(".") == len(segments) - 1:
            return  # canonical, one segment each between the dots: every test below passes
        if len(segments) not in _LEVEL_BY_SEGMENTS:
            raise fail(
                "code.syntax",
                value=value,
                why="segments",
                count=len(segments),
            )
        for index, seg in enumerate(segments):
            if _segment(seg, index, value) != seg:
                raise fail(
                    "code.syntax",
                    value=value,
                    why="not_canonical",
                    segment=seg,
                )
        _check_generic(segments)

    @classmethod
    def _of(cls, segments: tuple[str, ...]) -> Code:
        """The code of *segments*, which the caller knows to be valid: canonical, as many as
        a level has, X and XX together (what ``__attrs_post_init__`` checks)."""
        self = _new(cls)
        _set_segments(self, segments)
        return self

    @classmethod
    def parse(cls, value: str) -> Code:
        """Read a code in any of the forms plans use; fail with a clear reason otherwise.

        >>> str(Code.parse("1.6.4.2.1.3"))
        '1.06.04.2.01.0003'
        >>> str(Code.parse("X.XX.01.2.08.0001"))
        'X.XX.01.2.08.0001'
        """
        if not isinstance(value, str):
            raise fail("code.type", type=type(value).__name__)
        if len(value) > _MAX_TEXT:
            raise fail("code.syntax", value=value[:_MAX_TEXT] + "…", why="too_long")
        text = value.strip()
        if _CANONICAL.fullmatch(text):
            return cls._of(tuple(text.split(".")))
        if not text:
            raise fail("code.syntax", value=value, why="empty")
        parts = [p for p in _SPLIT.split(text) if p]
        if len(parts) not in _LEVEL_BY_SEGMENTS:
            raise fail(
                "code.syntax",
                value=value,
                why="segments",
                count=len(parts),
            )
        segments = tuple(_segment(raw, i, value) for i, raw in enumerate(parts))
        _check_generic(segments)  # the rest of __attrs_post_init__: the segments are canonical
        return cls._of(segments)

    @property
    def level(self) -> Level:
        """The level this code names."""
        return _LEVEL_BY_SEGMENTS[len(self.segments)]

    @property
    def parent(self) -> Code | None:
        """The code one level up, or None for an urusan."""
        if len(self.segments) == 1:
            return None
        drop = 2 if len(self.segments) == 5 else 1
        return Code._of(self.segments[:-drop])  # a code of a level, as valid as this one

    def ancestors(self) -> tuple[Code, ...]:
        """Every code above this one, nearest first."""
        result: list[Code] = []
        current = self.parent
        while current is not None:
            result.append(current)
            current = current.parent
        return tuple(result)

    def is_child_of(self, other: Code) -> bool:
        """True when *other* is this code's direct parent."""
        return self.parent == other

    def is_descendant_of(self, other: Code) -> bool:
        """True when *other* stands anywhere above this code."""
        return other in self.ancestors()

    def at_level(self, level: Level) -> Code:
        """This code cut to *level* (which must be this level or above)."""
        n = _SEGMENTS_BY_LEVEL[level]
        if n > len(self.segments):
            raise ValueError(f"{self} has no {level.value} part")
        return Code._of(self.segments[:n])

    def generic(self) -> Code:
        """The code with its urusan and bidang written generically (``X.XX``)."""
        if len(self.segments) < 2:
            return Code._of(("X",))
        return Code._of(("X", "XX", *self.segments[2:]))

    def printed(self) -> str:
        """The spaced form Renstra tables print: ``1 06 04 2.01 03``."""
        segs = self.segments
        head = " ".join(segs[:3])
        if len(segs) <= 3:
            return head
        kegiatan = f"{segs[3]}.{segs[4]}"
        if len(segs) == 5:
            return f"{head} {kegiatan}"
        sub = segs[5]
        sub = sub[2:] if sub.startswith("00") else sub
        return f"{head} {kegiatan} {sub}"

    def __str__(self) -> str:
        return ".".join(self.segments)


def _check_generic(segments: tuple[str, ...]) -> None:
    """Refuse a code that writes its urusan or bidang generically (X, XX) but not both."""
    if segments[0] == "X" and len(segments) > 1 and segments[1] != "XX":
        raise fail("code.syntax", value=".".join(segments), why="x_alone")
    if len(segments) > 1 and segments[1] == "XX" and segments[0] != "X":
        raise fail("code.syntax", value=".".join(segments), why="xx_alone")


_new: Final = object.__new__
_set_segments: Final = Code.__dict__["segments"].__set__
"""Set a code's one field, as its frozen ``__init__`` does (without the checks)."""

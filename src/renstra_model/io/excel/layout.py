"""The layout of a plan's sheet, from its header: what each heading cell is (a
``_Heading``, of a ``_Kind``), where the header is and which column holds what
(``_Columns``), and what the rows above the header state (the title, the Perangkat
Daerah, the region, the number style). The code and name headings, the level words and the
row of column numbers are the shared grammar of :mod:`renstra_model.io.headings`.
"""

from __future__ import annotations

import enum
import re
from collections.abc import Iterable, Mapping, Sequence
from types import MappingProxyType
from typing import Final, Literal

from attrs import frozen

from ..headings import code_column, heading, is_code_heading, is_column_numbers, is_name_heading
from ..parsing import Style
from .cells import CellValue, ErrorValue, Formula, _at, _blank, _number_of

Layout = Literal["T-C.27", "flat"]


class _Kind(enum.Enum):
    """What a header cell is."""

    EMPTY = "empty"
    UMBRELLA = "umbrella"
    """A heading over the year groups (``TARGET KINERJA … DAN KERANGKA PENDANAAN``)."""
    END = "end"
    """The end-of-period group (``KONDISI KINERJA PADA AKHIR PERIODE``)."""
    YEAR = "year"
    """A year group (``TAHUN 2022``, ``TAHUN 1``)."""
    SUB = "sub"
    """``TARGET`` or ``Rp.`` under a group."""
    FLAT = "flat"
    """A year's column of the flat layout (``TARGET TAHUN 1``, ``DANA TAHUN 1``)."""
    FLAT_END = "flat_end"
    """The end of period's column of the flat layout (``TARGET KONDISI AKHIR``)."""
    NAME = "name"
    CODE = "code"
    ROLE = "role"
    """A column of the activity's other fields (``_Role``)."""
    UNKNOWN = "unknown"
    """Not a heading of either layout: a row holding one is not part of the header."""


class _Role(enum.Enum):
    """The other columns of an activity row."""

    INDICATOR = "indicator"
    BASELINE = "baseline"
    SATUAN = "satuan"
    UNIT = "unit"
    """The responsible unit (``UNIT KERJA PENANGGUNG JAWAB``)."""
    LOCATION = "location"
    GOAL = "goal"
    """The tujuan."""
    TARGET = "target"
    """The sasaran."""
    NOTE = "note"
    NUMBER = "number"
    """A running number (``NO``), which is not read."""


class _Part(enum.Enum):
    """The columns of a year or of the end of period."""

    TARGET = "target"
    MONEY = "money"


_ROLES: Final = (
    (_Role.INDICATOR, re.compile(r"INDIKATOR.*")),
    (_Role.BASELINE, re.compile(r"(DATA )?CAPAIAN (PADA )?(TAHUN )?AWAL.*|DATA CAPAIAN.*"
                                r"|KONDISI (KINERJA )?(PADA )?AWAL.*|BASELINE.*")),
    (_Role.SATUAN, re.compile(r"SATUAN.*")),
    (_Role.UNIT, re.compile(r"UNIT KERJA.*|.*PENANGGUNG ?JAWAB.*")),
    (_Role.LOCATION, re.compile(r"LOKASI.*")),
    (_Role.GOAL, re.compile(r"TUJUAN")),
    (_Role.TARGET, re.compile(r"SASARAN( STRATEGIS)?")),
    (_Role.NOTE, re.compile(r"KETERANGAN|KET\.?|CATATAN")),
    (_Role.NUMBER, re.compile(r"NO\.?|NOMOR|NO URUT")),
)
_UMBRELLA: Final = re.compile(r"TARGET KINERJA.*|.*KERANGKA PENDANAAN.*|TARGET DAN .*")
_YEAR_PART: Final = r"(?:TAHUN[\s-]*(?:KE[\s-]*)?)?\(?([0-9]{1,4})\)?"
_YEAR_GROUP: Final = re.compile(_YEAR_PART)
_END_GROUP: Final = re.compile(r".*AKHIR PERIODE.*|KONDISI (KINERJA )?(PADA )?AKHIR.*")
_TARGET_WORD: Final = r"(?:TARGET|TARGET KINERJA|KINERJA|VOLUME)"
_MONEY_WORD: Final = (
    r"(?:RP\.?|\(RP\.?\)|RP\. \(RUPIAH\)|PAGU(?: INDIKATIF)?|DANA|ANGGARAN|PENDANAAN)"
)
_SUB_TARGET: Final = re.compile(_TARGET_WORD)
_SUB_MONEY: Final = re.compile(_MONEY_WORD)
_FLAT_TARGET: Final = re.compile(rf"{_TARGET_WORD} {_YEAR_PART}")
_FLAT_MONEY: Final = re.compile(rf"{_MONEY_WORD} {_YEAR_PART}")
_FLAT_END: Final = re.compile(rf"({_TARGET_WORD}|{_MONEY_WORD}) (KONDISI )?(KINERJA )?AKHIR.*")
_BASELINE_YEAR: Final = re.compile(r"(?<![0-9])([0-9]{4})(?![0-9])")
_LABELS: Final = (
    ("title", re.compile(r"RENSTRA|JUDUL|RENCANA STRATEGIS|NAMA RENSTRA|NAMA DOKUMEN")),
    ("organisation", re.compile(r"(NAMA )?PERANGKAT DAERAH|SKPD|OPD|UNIT ORGANISASI|ORGANISASI")),
    ("region", re.compile(r"PEMERINTAH( DAERAH)?|DAERAH|PEMDA|KABUPATEN ?/ ?KOTA|KABUPATEN"
                          r"|KOTA|WILAYAH")),
    ("province", re.compile(r"PROVINSI")),
    ("style", re.compile(r"FORMAT ANGKA|GAYA ANGKA")),
)
_STYLE_VALUES: Final[Mapping[str, Style]] = MappingProxyType({
    "ID": "id", "1.234.567,89": "id", "1.234,5": "id", "INDONESIA": "id",
    "EN": "en", "1,234,567.89": "en", "1,234.5": "en", "INGGRIS": "en", "ENGLISH": "en",
    "AUTO": "auto",
})


@frozen
class _Year:
    number: int
    """A calendar year, or the number of the plan year (1 for TAHUN 1) when *relative*."""
    relative: bool


@frozen
class _Heading:
    """What one header cell is: its kind, and for some kinds what it names."""

    kind: _Kind
    role: _Role | None = None
    """The column's field, for :attr:`_Kind.ROLE`."""
    year: _Year | None = None
    """The year, for :attr:`_Kind.YEAR` and :attr:`_Kind.FLAT`; None when the heading
    states a number that is no plausible year."""
    part: _Part | None = None
    """Target or money, for :attr:`_Kind.SUB`, :attr:`_Kind.FLAT` and :attr:`_Kind.FLAT_END`."""


@frozen
class _Group:
    """The columns of one year, or of the end of period (*year* None)."""

    year: _Year | None
    target: int | None
    money: int | None


@frozen
class _Columns:
    """What the header says about the columns (0-based indexes)."""

    header_row: int
    last_header_row: int
    code: tuple[int, ...]
    name: int
    roles: Mapping[_Role, int]
    years: tuple[_Group, ...]
    end: _Group | None
    baseline_year: int | None
    headings: Mapping[int, str]
    layout: Layout

    def known(self) -> frozenset[int]:
        columns = {*self.code, self.name, *self.roles.values()}
        for group in (*self.years, *([self.end] if self.end else [])):
            columns.update(c for c in (group.target, group.money) if c is not None)
        return frozenset(columns)


def _year(text: str) -> _Year | None:
    number = int(text)
    if 1 <= number <= 20:
        return _Year(number, True)
    if 1945 <= number <= 2200:
        return _Year(number, False)
    return None


def _part(word: str) -> _Part:
    return _Part.TARGET if _SUB_TARGET.fullmatch(word) else _Part.MONEY


def _classify(text: str) -> _Heading:
    """What the header cell whose :func:`~renstra_model.io.headings.heading` is *text* is."""
    if not text:
        return _Heading(_Kind.EMPTY)
    if _UMBRELLA.fullmatch(text):
        return _Heading(_Kind.UMBRELLA)
    if _END_GROUP.fullmatch(text):
        return _Heading(_Kind.END)
    for pattern, part in ((_FLAT_TARGET, _Part.TARGET), (_FLAT_MONEY, _Part.MONEY)):
        match = pattern.fullmatch(text)
        if match:
            return _Heading(_Kind.FLAT, year=_year(match.group(1)), part=part)
    match = _FLAT_END.fullmatch(text)
    if match:
        return _Heading(_Kind.FLAT_END, part=_part(match.group(1)))
    if _SUB_TARGET.fullmatch(text):
        return _Heading(_Kind.SUB, part=_Part.TARGET)
    if _SUB_MONEY.fullmatch(text):
        return _Heading(_Kind.SUB, part=_Part.MONEY)
    match = _YEAR_GROUP.fullmatch(text)
    if match and (text.startswith("TAHUN") or len(match.group(1)) == 4):
        return _Heading(_Kind.YEAR, year=_year(match.group(1)))
    if is_name_heading(text):
        return _Heading(_Kind.NAME)
    if is_code_heading(text):
        return _Heading(_Kind.CODE)
    for role, pattern in _ROLES:
        if pattern.fullmatch(text):
            return _Heading(_Kind.ROLE, role=role)
    return _Heading(_Kind.UNKNOWN)


def _top_header(cells: Sequence[CellValue]) -> tuple[int, int] | None:
    """The code and name columns, when *cells* is the top row of a header."""
    texts = [heading(c) for c in cells]
    code = code_column(texts)
    name = next((i for i, h in enumerate(texts) if is_name_heading(h)), None)
    if code is None or name is None or code == name:
        return None
    return code, name


def _is_header_row(cells: Sequence[CellValue]) -> bool:
    """A row below the top header row that is still part of the header: headings only."""
    kinds = [_classify(heading(c)).kind for c in cells]
    return any(k is not _Kind.EMPTY for k in kinds) and _Kind.UNKNOWN not in kinds


def _find_columns(rows: Sequence[tuple[int, Sequence[CellValue]]]) -> _Columns | None:
    """The columns, from the header found in *rows* (the first rows of a sheet)."""
    for index, (number, cells) in enumerate(rows):
        top = _top_header(cells)
        if top is None:
            continue
        block = [(number, cells)]
        for later_number, later in rows[index + 1: index + 5]:
            if is_column_numbers(later) or not _is_header_row(later):
                break
            block.append((later_number, later))
        return _columns_of(block, top)
    return None


def _columns_of(
    block: Sequence[tuple[int, Sequence[CellValue]]], top: tuple[int, int]
) -> _Columns:
    """The columns from the header *block* (its rows, the top one first). A heading that is
    not understood, or a second column for the same thing, leaves its column out of the
    layout: the rows report its cells, if any, as not read."""
    code_start, name_column = top
    _, top_cells = block[0]
    width = max(len(cells) for _, cells in block)
    headings: dict[int, str] = {}
    roles: dict[_Role, int] = {}
    groups: list[tuple[int, int, _Year | None, str]] = []  # (row index, column, year, heading)
    subs: list[tuple[int, int, _Part]] = []  # (row index, column, part)
    flat: dict[tuple[_Year | None, _Part], int] = {}
    baseline_year: int | None = None
    code_columns: set[int] = set()
    for depth, (_, cells) in enumerate(block):
        for column, cell in enumerate(cells):
            text = heading(cell)
            found = _classify(text)
            kind = found.kind
            if kind is _Kind.EMPTY:
                continue
            headings[column] = " / ".join(filter(None, (headings.get(column), text)))
            if kind is _Kind.CODE:
                code_columns.add(column)
            elif kind is _Kind.ROLE and found.role is not None and found.role not in roles:
                roles[found.role] = column
                if found.role is _Role.BASELINE:
                    stated = _BASELINE_YEAR.search(text)
                    baseline_year = int(stated.group(1)) if stated else None
            elif kind is _Kind.END or (kind is _Kind.YEAR and found.year is not None):
                groups.append((depth, column, found.year, text))
            elif kind is _Kind.SUB and found.part is not None:
                subs.append((depth, column, found.part))
            elif kind is _Kind.FLAT_END and found.part is not None:
                flat.setdefault((None, found.part), column)
            elif kind is _Kind.FLAT and found.year is not None and found.part is not None:
                flat.setdefault((found.year, found.part), column)
    # A KODE heading merged over several columns leaves the columns after it (up to the
    # name column) without a heading in the top row: their cells are parts of the code.
    code = [code_start]
    for column in range(code_start + 1, width):
        stated_heading = heading(_at(top_cells, column))
        if column == name_column or (stated_heading and column not in code_columns):
            break
        code.append(column)
    years: dict[_Year | None, dict[_Part, int]] = {}
    for depth, column, part in subs:
        owners = [(c, -d, y, h) for d, c, y, h in groups if d < depth and c <= column]
        if owners:
            # the nearest group heading at or left of the column, the lowest row first
            _, _, year, group_heading = max(owners, key=lambda owner: (owner[0], -owner[1]))
            slot = years.setdefault(year, {})
            if part not in slot:
                slot[part] = column
                headings[column] = f"{group_heading} {heading(block[depth][1][column])}"
    for (year, part), column in flat.items():
        years.setdefault(year, {}).setdefault(part, column)
    layout: Layout = "T-C.27" if subs else "flat"
    year_groups = tuple(
        _Group(year, slot.get(_Part.TARGET), slot.get(_Part.MONEY))
        for year, slot in years.items()
        if year is not None
    )
    end = years.get(None)
    return _Columns(
        header_row=block[0][0],
        last_header_row=block[-1][0],
        code=tuple(code),
        name=name_column,
        roles=MappingProxyType(roles),
        years=tuple(sorted(year_groups, key=lambda g: (g.year.number if g.year else 0))),
        end=_Group(None, end.get(_Part.TARGET), end.get(_Part.MONEY)) if end else None,
        baseline_year=baseline_year,
        headings=MappingProxyType(headings),
        layout=layout,
    )


# -- above the header ---------------------------------------------------------------------------


@frozen
class _Meta:
    """What the rows above the header state: labels, and the first unlabelled title."""

    labels: Mapping[str, str]
    title: str | None

    def style(self) -> Style:
        """The number style the rows state (``Format angka: 1.234.567,89``), else auto."""
        stated = self.labels.get("style")
        return _STYLE_VALUES.get(heading(stated), "auto") if stated is not None else "auto"


def _label_value(cells: Sequence[CellValue], column: int) -> str | None:
    raw = cells[column]
    assert isinstance(raw, str)
    _, colon, rest = raw.partition(":")
    if colon and rest.strip():
        return rest.strip()
    for later in cells[column + 1:]:
        if _blank(later) or (isinstance(later, str) and later.strip() == ":"):
            continue
        text = later.strip() if isinstance(later, str) else None
        if text is None:
            number = _number_of(later) if not isinstance(later, Formula | ErrorValue) else None
            text = format(number, "f") if number is not None else None
        return text or None
    return None


def _meta(rows: Iterable[tuple[int, Sequence[CellValue]]]) -> _Meta:
    labels: dict[str, str] = {}
    title: str | None = None
    for _, cells in rows:
        first = next((i for i, c in enumerate(cells) if not _blank(c)), None)
        if first is None or not isinstance(cells[first], str):
            continue
        raw = cells[first]
        assert isinstance(raw, str)
        label = heading(raw.partition(":")[0]).rstrip(": ").strip()
        role = next((r for r, pattern in _LABELS if pattern.fullmatch(label)), None)
        if role is not None:
            value = _label_value(cells, first)
            if value is not None and role not in labels:
                labels[role] = value
            continue
        if title is None:
            parts = [c.strip() for c in cells if isinstance(c, str) and c.strip()]
            title = " ".join(parts)[: 20_000] or None
    return _Meta(MappingProxyType(labels), title)

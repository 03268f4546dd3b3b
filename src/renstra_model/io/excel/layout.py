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

from ...model.codes import Level
from ..headings import (
    CODE,
    LEVEL_CODE,
    LEVEL_NAME,
    code_column,
    heading,
    heading_level,
    is_code_heading,
    is_column_numbers,
    is_level_words,
    is_name_heading,
)
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
    r"(?:RP\.?|\(RP\.?\)|RP\. \(RUPIAH\)"
    r"|(?:(?:JUMLAH|TOTAL|NILAI) )?(?:PAGU(?: INDIKATIF| ANGGARAN)?|DANA|ANGGARAN|PENDANAAN"
    r"|ALOKASI(?: DANA| ANGGARAN)?)(?: \(RP\.?\)| RP\.?)?)"
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


_ONE_YEAR: Final = _Year(1, True)
"""The year of a sheet whose money (or target) column names no year: a one-year sheet, its
year the first plan year."""
_LEVELS: Final = MappingProxyType({
    "URUSAN": Level.URUSAN, "BIDANG": Level.BIDANG_URUSAN, "PROGRAM": Level.PROGRAM,
    "KEGIATAN": Level.KEGIATAN, "SUB KEGIATAN": Level.SUB_KEGIATAN,
})


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
    """The code column, or the columns whose parts make the code (a ``KODE`` heading merged
    over them, or one column per level), left to right."""
    name: int | None
    """The name column (of every level, or of the deepest level a sheet names); None for a
    sheet of codes and figures only."""
    roles: Mapping[_Role, int]
    years: tuple[_Group, ...]
    end: _Group | None
    baseline_year: int | None
    headings: Mapping[int, str]
    layout: Layout
    level_codes: Mapping[Level, int] = MappingProxyType({})
    """The columns of one level's codes (``KODE KEGIATAN``), where the sheet has two or more:
    its codes are split over one column per level."""
    level_names: Mapping[Level, int] = MappingProxyType({})
    """The columns of one level's names (``NAMA KEGIATAN``), where the sheet has them."""

    def name_column(self, level: Level) -> int | None:
        """The column naming the activities of *level*."""
        return self.level_names.get(level, self.name)

    def known(self) -> frozenset[int]:
        columns = {*self.code, *self.roles.values(), *self.level_names.values()}
        if self.name is not None:
            columns.add(self.name)
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


def _top_header(cells: Sequence[CellValue]) -> tuple[int, int | None] | None:
    """The code and name columns, when *cells* is the top row of a header: a code heading and
    a name heading, a level's code heading beside the level's name (``KODE SUB KEGIATAN |
    SUB KEGIATAN``), or a level's code heading with a money heading and no name (None)."""
    texts = [heading(c) for c in cells]
    code = code_column(texts)
    if code is None:
        return None
    name = next((i for i, h in enumerate(texts) if is_name_heading(h) and i != code), None)
    if name is None and heading_level(texts[code], LEVEL_CODE) is not None:
        name = next((i for i, h in enumerate(texts) if i > code and is_level_words(h)
                     and not CODE.fullmatch(h)), None)
        if name is None and any(_classify(h).part is _Part.MONEY for h in texts):
            return code, None
    if name is None:
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
    block: Sequence[tuple[int, Sequence[CellValue]]], top: tuple[int, int | None]
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
    level_codes: dict[Level, int] = {}
    level_names: dict[Level, int] = {}
    for depth, (_, cells) in enumerate(block):
        for column, cell in enumerate(cells):
            text = heading(cell)
            found = _classify(text)
            kind = found.kind
            if kind is _Kind.EMPTY:
                continue
            headings[column] = " / ".join(filter(None, (headings.get(column), text)))
            for pattern, levels in ((LEVEL_CODE, level_codes), (LEVEL_NAME, level_names)):
                level = heading_level(text, pattern)
                if level is not None:
                    levels.setdefault(_LEVELS[level], column)
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
    if len(level_codes) >= 2:  # one column per level: KODE PROGRAM | … | KODE SUB KEGIATAN
        code = [level_codes[level] for level in Level if level in level_codes]
    else:
        level_codes = {}
    if name_column is not None and name_column in level_names.values() and level_names:
        # one level's name column: the deepest names the rows of levels without their own
        name_column = level_names[max(level_names, key=list(Level).index)]
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
        elif not groups and not any(year is not None for year, _ in flat):
            # a one-year sheet: JUMLAH PAGU, TARGET without a year over or in them
            slot = years.setdefault(_ONE_YEAR, {})
            slot.setdefault(part, column)
    for (year, part), column in flat.items():
        years.setdefault(year, {}).setdefault(part, column)
    layout: Layout = "T-C.27" if subs and groups else "flat"
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
        level_codes=MappingProxyType(level_codes),
        level_names=MappingProxyType(level_names),
    )


# -- above the header ---------------------------------------------------------------------------


@frozen
class _Meta:
    """What the rows above the header state: labels, and the first unlabelled title."""

    labels: Mapping[str, str]
    title: str | None
    lines: tuple[str, ...] = ()
    """Every unlabelled line above the header (the title first), where an identity may be
    stated."""

    def identity(self) -> _Identity:
        """The agency, region and province the first line that states one states."""
        found = _Identity()
        for line in self.lines:
            stated = _identity(line)
            found = _Identity(found.organisation or stated.organisation,
                              found.region or stated.region, found.province or stated.province)
        return found

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
    lines: list[str] = []
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
        parts = [c.strip() for c in cells if isinstance(c, str) and c.strip()]
        line = " ".join(" ".join(parts).split())[: 20_000]
        if line:
            lines.append(line)
            if title is None:
                title = " ".join(parts)[: 20_000]
    return _Meta(MappingProxyType(labels), title, tuple(lines))


# -- the identity a title line states ------------------------------------------------------------

_AGENCY: Final = re.compile(
    r"\b(DINAS|BADAN|KANTOR|SEKRETARIAT|INSPEKTORAT|SATUAN|RUMAH SAKIT|RSUD|KECAMATAN"
    r"|BAPPEDA|BAPPELITBANGDA|BAPENDA|BPBD|BPKAD|BPKPD|BKPSDM|BKD|SATPOL|DPMPTSP)\b",
    re.IGNORECASE,
)
_REGION_WORD: Final = re.compile(r"\b(KABUPATEN|KAB\.|KOTA|PROVINSI)(?=\s)", re.IGNORECASE)
_REGION_END: Final = re.compile(
    r"\s+(?:TAHUN|PERIODE|PROVINSI|KABUPATEN|KOTA)\b|\s*[(,:;/\u2013\u2014-]|\s+[0-9]|$",
    re.IGNORECASE,
)


@frozen
class _Identity:
    """The Perangkat Daerah, region and province a title line states (each None where it
    states none)."""

    organisation: str | None = None
    region: str | None = None
    province: str | None = None


def _named_after(text: str, start: int) -> str | None:
    """The region's name that starts at *start* of *text* (after ``Kabupaten``…), up to a
    year, ``Tahun``, ``Periode``, another region word or punctuation."""
    end = _REGION_END.search(text, start)
    name = text[start: end.start() if end else len(text)].strip()
    return name or None


def _identity(text: str) -> _Identity:
    """What a title line such as ``RENCANA STRATEGIS DINAS KESEHATAN KABUPATEN NUSA INDAH
    TAHUN 2025-2029`` states of its agency and region, as written.

    >>> _identity("Renstra Dinas Kesehatan Kabupaten Nusa Indah Tahun 2025-2029")
    _Identity(organisation='Dinas Kesehatan', region='Kabupaten Nusa Indah', province=None)
    >>> _identity("DINAS TATA KOTA KOTA BANDAR, PROVINSI NUSA RAYA")
    _Identity(organisation='DINAS TATA KOTA', region='KOTA BANDAR', province='NUSA RAYA')
    >>> _identity("Tabel T-C.27")
    _Identity(organisation=None, region=None, province=None)
    """
    region: str | None = None
    province: str | None = None
    province_word = ""
    region_at: int | None = None
    for match in _REGION_WORD.finditer(text):
        word = match.group(1).upper()
        name = _named_after(text, match.end())
        if name is None:
            continue  # "Tata Kota Kota Bandar": the first KOTA is followed by another
        if word == "PROVINSI":
            if province is None:
                province, province_word = name, match.group(1)
                region_at = match.start() if region_at is None else region_at
            continue
        if region is None:
            region, region_at = f"{match.group(1)} {name}", match.start()
    if region is None and province is not None:
        region, province = f"{province_word} {province}", None  # the province's own agency
    organisation = None
    agency = _AGENCY.search(text)
    if agency is not None and (region_at is None or agency.start() < region_at):
        end = region_at if region_at is not None else len(text)
        stated_name = text[agency.start(): end].strip(" ,;:-\u2013\u2014")
        organisation = stated_name or None
    return _Identity(organisation, region, province)

"""Synthetic plan workbooks in the shapes agencies really keep, with seeded defects, and a
ledger of every data row written, so that a test can tell that a reader lost nothing.

The shapes (:data:`SHAPES`): ``tc27``, Table T-C.27 of Permendagri 86 (``TAHUN 2025`` …
groups merged over ``TARGET`` and ``Rp.``, the row of column numbers, program, kegiatan and
sub kegiatan rows, codes printed ``1 02 02 2.01 0001``); ``flat``, ``KODE | PROGRAM DAN
KEGIATAN | INDIKATOR | SATUAN | DATA CAPAIAN AWAL | TARGET TAHUN 1 | DANA TAHUN 1 | … |
LOKASI`` (some money as text, ``65.950.088``); ``leaf``, ``KODE SUB KEGIATAN | NAMA SUB
KEGIATAN | JUMLAH PAGU`` of one year, sub kegiatan rows only; ``leaf_kegiatan``, ``NO | KODE
REKENING | URAIAN | ANGGARAN`` (the headings vary) of one year, kegiatan and sub kegiatan
rows; ``split``, a code column per level (``KODE URUSAN`` … ``KODE SUB KEGIATAN``, each with
the whole code of its level), a name column per level from program down and one year's
``PAGU INDIKATIF 2025``, sub kegiatan rows only. Above the header the sheet states its
identity by labelled rows (``Perangkat Daerah``…), by a title line (``RENCANA STRATEGIS DINAS
KESEHATAN KABUPATEN NUSA INDAH TAHUN 2025-2029``) or not at all. Codes and names are the
synthetic catalogue's (:func:`~renstra_model.synthetic.names.catalogue`), of an agency of
:data:`~renstra_model.synthetic.names.AGENCIES`.

The defects (:data:`WORKBOOK_DEFECTS`), at most one a row, are seeded at a rate (each row
with that probability, of a kind that fits the row) or explicitly. The ledger
(:class:`LedgerRow`) holds every data row: its sheet row, the code it states (None for a row
without one), its money cells with the exact rupiah a reader must find (None for a cell that
cannot be read) and its defects with their cells. The same seed gives the same file, byte
for byte.

>>> import tempfile
>>> from pathlib import Path
>>> folder = Path(tempfile.mkdtemp())
>>> made = generate_workbook(folder / "a.xlsx", seed=1, shape="leaf", seeded={0: "error"})
>>> made.ledger[0].defects[0].kind, made.ledger[0].money[0].rupiah
('error', None)
>>> (folder / "a.xlsx").read_bytes() == generate_workbook(
...     folder / "b.xlsx", seed=1, shape="leaf", seeded={0: "error"}).path.read_bytes()
True
>>> import shutil; shutil.rmtree(folder)
"""

from __future__ import annotations

import datetime as dt
import io
import os
import random
import re
import zipfile
from collections.abc import Collection, Mapping
from decimal import Decimal
from pathlib import Path
from types import MappingProxyType
from typing import Any, Final, Literal, get_args

from attrs import field, frozen

from ..files import atomic_path
from ..io.excel.cells import column_letter
from ..model.codes import Code, Level
from ..model.provenance import Reading
from .names import (
    _MAX_KEGIATAN,
    _MAX_PROGRAMS,
    _MAX_SUB,
    _UNITS,
    AGENCIES,
    kegiatan_name,
    program_name,
    region,
    sub_kegiatan_name,
)

WorkbookShape = Literal["tc27", "flat", "leaf", "leaf_kegiatan", "split"]
SHAPES: Final[tuple[WorkbookShape, ...]] = get_args(WorkbookShape)
"""The shapes of sheet :func:`generate_workbook` writes."""
Identity = Literal["labels", "title", "none"]
IDENTITIES: Final[tuple[Identity, ...]] = get_args(Identity)
"""How a sheet states its organisation and region: labelled rows, a title line, or not."""

WORKBOOK_DEFECTS: Final[Mapping[str, str]] = MappingProxyType({
    "formula": "a money cell holds a formula without a saved value (=SUM(G12:G14))",
    "error": "a money cell holds a spreadsheet error (#REF!, #DIV/0!)",
    "no-code": "a sub kegiatan row states its name and money but no code",
    "three-decimals": "a money cell has three decimals (1500000.125, or 1.500.000,125)",
    "float-noise": "a money cell's float has noise past 15 significant digits "
                   "(67668207.500000015), to be read as displayed (67668207.5)",
    "foreign-code": "a sub kegiatan's code does not extend its kegiatan's (the kegiatan row "
                    "above it; in the split shape, its KODE KEGIATAN cell)",
})
"""The defects seeded in workbooks, by name."""

_CELL_DEFECTS: Final = ("formula", "error", "three-decimals", "float-noise")
_ERRORS: Final = ("#REF!", "#DIV/0!")
_SHEETS: Final[Mapping[WorkbookShape, str]] = MappingProxyType({
    "tc27": "T-C.27", "flat": "Sheet1", "leaf": "Sub Kegiatan", "leaf_kegiatan": "Kegiatan",
    "split": "Data"})
_FIXED_TIME: Final = dt.datetime(2025, 1, 1)
_ZIP_TIME: Final = (2025, 1, 1, 0, 0, 0)
_MODIFIED: Final = re.compile(rb"(<dcterms:modified[^>]*>)[^<]*(</dcterms:modified>)")
MAX_DATA_ROWS: Final = 20
"""The most data rows a generated sheet has."""


# -- the ledger -------------------------------------------------------------------------------


@frozen
class LedgerCell:
    """A money cell as written: its column's letters, its year (None for the period's total),
    what the cell holds, and the exact rupiah a reader must find in the plan (None when the
    cell's content cannot be read)."""

    column: str
    year: int | None
    written: int | float | str
    rupiah: Decimal | None


@frozen
class LedgerDefect:
    """A defect seeded in a row: its kind, its cell (*column* None for the row as a whole),
    its content as text and what a reader is to make of it (``UNREAD``: left out and noted;
    ``NOTED``: read, with a note)."""

    kind: str
    row: int
    column: str | None
    written: str
    reading: Reading


@frozen
class LedgerRow:
    """A data row as written: its sheet row, the code it states (None when it states none),
    its level, its name and money cells, and its defects."""

    row: int
    code: Code | None
    level: Level
    name: str
    money: tuple[LedgerCell, ...]
    defects: tuple[LedgerDefect, ...] = ()

    def rupiah(self) -> dict[int | None, Decimal]:
        """The rupiah of the readable money cells, by year (None for the period's total)."""
        return {c.year: c.rupiah for c in self.money if c.rupiah is not None}


@frozen
class GeneratedWorkbook:
    """A workbook :func:`generate_workbook` wrote: where, its shape and seed, its sheet, its
    first plan year and the years of its money, the identity the sheet states (None where
    it states none), the row of its header and the ledger of its data rows."""

    path: Path
    shape: WorkbookShape
    seed: int
    sheet: str
    start_year: int
    years: tuple[int, ...]
    identity: Identity
    title: str | None
    organisation: str | None
    region: str | None
    header_row: int
    ledger: tuple[LedgerRow, ...] = field(repr=False)

    @property
    def defects(self) -> tuple[LedgerDefect, ...]:
        """Every defect seeded, in row order."""
        return tuple(d for r in self.ledger for d in r.defects)


# -- the rows ---------------------------------------------------------------------------------


@frozen
class _Line:
    """A data row while it is built."""

    level: Level
    segments: tuple[str, ...]
    name: str
    money: dict[int, Decimal]
    parent: int | None  # index of the parent line, where the sheet states it
    unit: str = ""
    targets: tuple[int, ...] = ()
    cells: dict[int, Any] = field(factory=dict)  # column (1-based) → value, once laid out
    defects: list[LedgerDefect] = field(factory=list)
    state: dict[str, Any] = field(factory=dict)

    @property
    def code(self) -> Code:
        return Code(self.segments)


def _amount(rng: random.Random) -> Decimal:
    if rng.randrange(6) == 0:  # a figure to the sen, as TTU's 4.091.594.846,50
        return Decimal(rng.randrange(15_000_000, 1_500_000_000)) + Decimal("0.5")
    return Decimal(rng.randrange(15_000, 1_500_000) * 1000)


def _lines(rng: random.Random, shape: WorkbookShape, bidang: str, years: tuple[int, ...],
           count: int) -> list[_Line]:
    """The rows of the sheet in order, about *count* of them, with the catalogue's codes and
    names; parents' money is their children's sum."""
    with_program = shape in ("tc27", "flat")
    with_kegiatan = shape in ("tc27", "flat", "leaf_kegiatan")
    lines: list[_Line] = []
    for p in sorted(rng.sample(range(1, _MAX_PROGRAMS + 1), 3)):
        if lines and len(lines) + with_program + with_kegiatan + 1 > count:
            break
        seg_p = (*bidang.split("."), f"{p:02d}")
        program = len(lines) if with_program else None
        if with_program:
            lines.append(_Line(Level.PROGRAM, seg_p, program_name(bidang, p), {}, None))
        for n, k in enumerate(sorted(rng.sample(range(1, _MAX_KEGIATAN + 1),
                                                rng.randint(1, 3)))):
            if n and len(lines) + with_kegiatan + 1 > count:
                break
            seg_k = (*seg_p, "2", f"{k:02d}")
            kegiatan = len(lines) if with_kegiatan else None
            if with_kegiatan:
                lines.append(_Line(Level.KEGIATAN, seg_k, kegiatan_name(bidang, p, k), {},
                                   program))
            for m, s in enumerate(sorted(rng.sample(range(1, _MAX_SUB + 1), rng.randint(1, 4)))):
                if m and len(lines) >= count:
                    break
                money: dict[int, Decimal] = {}
                amount = _amount(rng)
                for year in years:
                    money[year] = amount
                    amount = Decimal(int(amount * rng.randint(90, 120) / 100) // 1000 * 1000)
                targets = tuple(rng.randint(1, 60) for _ in years)
                lines.append(_Line(Level.SUB_KEGIATAN, (*seg_k, f"{s:04d}"),
                                   sub_kegiatan_name(bidang, p, k, s), money, kegiatan,
                                   rng.choice(_UNITS), targets))
    for i in reversed(range(len(lines))):  # kegiatan before programs
        if lines[i].level is not Level.SUB_KEGIATAN:
            kids = [c for c in lines if c.parent == i]
            for year in years:
                lines[i].money[year] = sum((c.money[year] for c in kids), Decimal(0))
    return lines


# -- the layouts ------------------------------------------------------------------------------


@frozen
class _Layout:
    """The header rows, merges and money columns of a shape, and how a row's cells are laid."""

    header: list[list[Any]]
    merges: list[str]
    money: dict[int | None, int]  # year (None: the period's total) → column
    code: int  # the column of the code a foreign-code defect changes
    numbers: bool = False  # a row of column numbers under the header


def _layout(shape: WorkbookShape, years: tuple[int, ...], rng: random.Random,
            top: int) -> _Layout:
    n = len(years)
    if shape == "tc27":
        head = ["TUJUAN", "SASARAN", "KODE", "PROGRAM, KEGIATAN DAN SUB KEGIATAN",
                "INDIKATOR KINERJA PROGRAM (OUTCOME) DAN KEGIATAN (OUTPUT)",
                f"DATA CAPAIAN PADA TAHUN AWAL PERENCANAAN (TAHUN {years[0] - 1})"]
        first = len(head) + 1
        end = first + 2 * n
        header = [
            [*head, "TARGET KINERJA PROGRAM DAN KERANGKA PENDANAAN", *[None] * (2 * n - 1),
             "KONDISI KINERJA PADA AKHIR PERIODE RENSTRA PERANGKAT DAERAH", None,
             "UNIT KERJA PERANGKAT DAERAH PENANGGUNG JAWAB", "LOKASI"],
            [None] * len(head) + [v for y in years for v in (f"TAHUN {y}", None)],
            [None] * len(head) + ["TARGET", "Rp."] * (n + 1),
        ]
        merges = [f"{column_letter(c)}{top}:{column_letter(c)}{top + 2}"
                  for c in (*range(1, first), end + 2, end + 3)]
        merges.append(f"{column_letter(first)}{top}:{column_letter(end - 1)}{top}")
        merges += [f"{column_letter(first + 2 * i)}{top + 1}:"
                   f"{column_letter(first + 2 * i + 1)}{top + 1}" for i in range(n)]
        merges.append(f"{column_letter(end)}{top}:{column_letter(end + 1)}{top + 1}")
        money: dict[int | None, int] = {y: first + 2 * i + 1 for i, y in enumerate(years)}
        money[None] = end + 1
        return _Layout(header, merges, money, 3, numbers=True)
    if shape == "flat":
        header = [["KODE", "PROGRAM DAN KEGIATAN", "INDIKATOR", "SATUAN", "DATA CAPAIAN AWAL",
                   *(f"{kind} TAHUN {i}" for i in range(1, n + 1) for kind in ("TARGET", "DANA")),
                   "LOKASI"]]
        return _Layout(header, [], {y: 7 + 2 * i for i, y in enumerate(years)}, 1)
    if shape == "leaf":
        return _Layout([["KODE SUB KEGIATAN", "NAMA SUB KEGIATAN", "JUMLAH PAGU"]], [],
                       {years[0]: 3}, 1)
    if shape == "leaf_kegiatan":
        code = rng.choice(("KODE REKENING", "KODE PROGRAM/KEGIATAN"))
        money_word = rng.choice(("ANGGARAN", "ALOKASI", "PAGU INDIKATIF", "JUMLAH PAGU"))
        return _Layout([["NO", code, "URAIAN", money_word]], [], {years[0]: 4}, 2)
    header = [["KODE URUSAN", "KODE BIDANG", "KODE PROGRAM", "KODE KEGIATAN",
               "KODE SUB KEGIATAN", "NAMA PROGRAM", "NAMA KEGIATAN", "NAMA SUB KEGIATAN",
               f"PAGU INDIKATIF {years[0]}"]]
    return _Layout(header, [], {years[0]: 9}, 4)


def _spaced(code: Code) -> str:
    """A code as T-C.27 prints it: ``1 02 02 2.01 0001``."""
    s = code.segments
    head = " ".join(s[:3])
    if len(s) == 3:
        return head
    return f"{head} {s[3]}.{s[4]}" + (f" {s[5]}" if len(s) > 5 else "")


def _id_text(amount: Decimal) -> str:
    whole, _, cents = format(amount, "f").partition(".")
    text = f"{int(whole):,}".replace(",", ".")
    return f"{text},{cents.ljust(2, '0')}" if cents else text


def _lay(shape: WorkbookShape, line: _Line, number: int, years: tuple[int, ...],
         layout: _Layout, names: dict[Code, str], agency: str, place: str,
         rng: random.Random) -> None:
    """The cells of *line* (its code, name, indicator, money and places)."""
    cells = line.cells
    code = line.code
    sub = line.level is Level.SUB_KEGIATAN
    for year, column in layout.money.items():
        if year is None:
            cells[column] = _whole(sum(line.money.values(), Decimal(0)))
        elif shape == "flat" and sub and rng.randrange(4) == 0:
            cells[column] = _id_text(line.money[year])
        else:
            cells[column] = _whole(line.money[year])
    if shape == "tc27":
        cells[3], cells[4] = _spaced(code), line.name
        if line.level is Level.PROGRAM:
            cells[2] = f"Meningkatnya kualitas {line.name.removeprefix('PROGRAM ').lower()}"
        if sub:
            cells[5] = f"Jumlah {line.unit.lower()} yang terlayani"
            cells[6] = rng.randint(0, 40)
            for i, target in enumerate(line.targets):
                cells[7 + 2 * i] = f"{target} {line.unit}"
            cells[7 + 2 * len(years)] = f"{sum(line.targets)} {line.unit}"
            cells[10 + 2 * len(years)] = place
        cells[9 + 2 * len(years)] = agency
    elif shape == "flat":
        cells[1], cells[2] = str(code), line.name
        if sub:
            cells[3], cells[4] = f"Jumlah {line.unit.lower()} yang terlayani", line.unit
            cells[5] = rng.randint(0, 40)
            for i, target in enumerate(line.targets):
                cells[6 + 2 * i] = target
            cells[6 + 2 * len(years)] = place
    elif shape == "leaf":
        cells[1], cells[2] = str(code), line.name
    elif shape == "leaf_kegiatan":
        cells[1], cells[2], cells[3] = number, str(code), line.name
    else:
        for column, size in enumerate((1, 2, 3, 5, 6), start=1):
            cells[column] = str(Code(code.segments[:size]))
        cells[6] = names.get(Code(code.segments[:3]), "")
        cells[7] = names.get(Code(code.segments[:5]), "")
        cells[8] = line.name


def _whole(amount: Decimal) -> int | float:
    """*amount* as a number cell holds it: a spreadsheet stores numbers as binary floats, so
    the file gets one (the ledger keeps the exact Decimal the reader must give back)."""
    return int(amount) if amount == amount.to_integral_value() else float(amount)


# -- the defects ------------------------------------------------------------------------------


def _kinds(shape: WorkbookShape, line: _Line, allowed: Collection[str]) -> list[str]:
    """The kinds of defect among *allowed* that fit *line*."""
    fit = [*_CELL_DEFECTS, *(("no-code", "foreign-code")
                             if line.level is Level.SUB_KEGIATAN else ())]
    return [k for k in fit if k in allowed and (k != "foreign-code" or shape != "leaf")]


def _noisy(amount: Decimal, rng: random.Random) -> float:
    """A float a few units of the 16th significant digit off *amount*, so that its 15 digits
    are *amount*'s; of 16 digits, which openpyxl writes as they are (``%.16g``)."""
    unit = Decimal(1).scaleb(amount.adjusted() - 15)
    sign = rng.choice((1, -1))
    for k in (rng.randint(1, 4), 1, 2, 3, 4):
        for step in (sign * k, -sign * k):
            value = float(amount + step * unit)
            stated = Decimal(repr(value))
            shown = stated.quantize(Decimal(1).scaleb(stated.adjusted() - 14))
            if (len(stated.as_tuple().digits) == 16 and float(f"{value:.16g}") == value
                    and shown == amount):
                return value
    raise ValueError(f"no float near {amount} has noise past 15 digits")  # pragma: no cover


def _seed(kind: str, shape: WorkbookShape, lines: list[_Line], i: int, layout: _Layout,
          rows: list[int], years: tuple[int, ...], rng: random.Random) -> None:
    """Seed a defect of *kind* in line *i* (at sheet row ``rows[i]``)."""
    line, row = lines[i], rows[i]
    if kind == "no-code":
        for column in (range(1, 6) if shape == "split" else (layout.code,)):
            line.cells.pop(column, None)
        written = " | ".join(str(v) for _, v in sorted(line.cells.items()))
        line.defects.append(LedgerDefect(kind, row, None, written, Reading.UNREAD))
        line.state["no-code"] = True
        return
    if kind == "foreign-code":
        taken = {ln.code for ln in lines} | {ln.state["code"] for ln in lines if "code" in ln.state}
        free = [k for k in range(1, _MAX_KEGIATAN + 1)
                if f"{k:02d}" != line.segments[4]
                and Code((*line.segments[:4], f"{k:02d}")) not in taken
                and Code((*line.segments[:4], f"{k:02d}", line.segments[5])) not in taken]
        if not free:
            raise ValueError(f"no kegiatan is free for a foreign code of {line.code}")
        other = (*line.segments[:4], f"{rng.choice(free):02d}")
        if shape == "split":  # the KODE KEGIATAN cell names another kegiatan
            line.cells[4] = str(Code(other))
            line.defects.append(LedgerDefect(kind, row, "D", line.cells[4], Reading.UNREAD))
            return
        moved = Code((*other, line.segments[5]))
        line.state["code"] = moved
        line.cells[layout.code] = _spaced(moved) if shape == "tc27" else str(moved)
        line.defects.append(LedgerDefect(kind, row, column_letter(layout.code),
                                         str(line.cells[layout.code]), Reading.NOTED))
        return
    choices: list[int | None] = [y for y in years if y in layout.money]
    if None in layout.money and kind == "formula":
        choices.append(None)
    year = rng.choice(choices)
    column = layout.money[year]
    amount = (sum(line.money.values(), Decimal(0)) if year is None else line.money[year])
    value: int | float | str
    reading = Reading.UNREAD
    if kind == "formula":
        kids = [rows[j] for j, c in enumerate(lines) if c.parent == i]
        letter = column_letter(column)
        if year is None:
            value = "=" + "+".join(f"{column_letter(layout.money[y])}{row}" for y in years)
        elif kids and kids == list(range(kids[0], kids[0] + len(kids))):
            value = f"=SUM({letter}{kids[0]}:{letter}{kids[-1]})"
        elif kids:
            value = "=" + "+".join(f"{letter}{r}" for r in kids)
        else:
            part = int(amount) // 3 // 1000 * 1000
            value = f"={part}+{amount - part}"
    elif kind == "error":
        value = rng.choice(_ERRORS)
    elif kind == "three-decimals":
        fraction = Decimal(rng.choice(("0.125", "0.375", "0.625", "0.875")))
        stated = Decimal(int(amount)) + fraction
        value = _id_text(stated) if rng.randrange(2) else float(stated)
    else:
        value, reading = _noisy(amount, rng), Reading.NOTED
    line.cells[column] = value
    line.state.setdefault("cells", {})[year] = value
    line.defects.append(LedgerDefect(kind, row, column_letter(column),
                                     repr(value) if isinstance(value, float) else str(value),
                                     reading))


# -- writing ----------------------------------------------------------------------------------


def _identity(kind: Identity, agency: str, place: str, years: tuple[int, ...]
              ) -> tuple[list[list[Any]], str | None, str | None, str | None]:
    """The rows above the header, and the title, organisation and region they state."""
    period = f"{years[0]}-{years[0] + 4}"
    if kind == "labels":
        title = f"Rencana Strategis {agency} {place} Tahun {period}"
        rows = [["Renstra", title], ["Perangkat Daerah", agency], ["Pemerintah Daerah", place]]
        return [*rows, []], title, agency, place
    if kind == "title":
        title = f"RENCANA STRATEGIS {agency} {place} TAHUN {period}".upper()
        return [[title], []], title, agency, place
    return [], None, None, None


def _save(book: Any, path: Path) -> None:
    """Save *book* to *path* with fixed times, so that the same workbook is the same file."""
    book.properties.created = book.properties.modified = _FIXED_TIME
    buffer = io.BytesIO()
    book.save(buffer)
    with (
        zipfile.ZipFile(buffer) as source,
        atomic_path(path) as tmp,
        zipfile.ZipFile(tmp, "w", zipfile.ZIP_DEFLATED) as target,
    ):
        for info in source.infolist():
            fixed = zipfile.ZipInfo(info.filename, _ZIP_TIME)
            fixed.compress_type = zipfile.ZIP_DEFLATED
            data = source.read(info)
            if info.filename == "docProps/core.xml":
                # openpyxl stamps the time of the save over the modified time it was given
                data = _MODIFIED.sub(rb"\g<1>" + _FIXED_TIME.isoformat().encode() + rb"Z\g<2>",
                                     data)
            target.writestr(fixed, data)


def generate_workbook(
    path: str | os.PathLike[str],
    *,
    seed: int = 0,
    shape: WorkbookShape = "tc27",
    defect_rate: Decimal | float | str = 0,
    defects: Collection[str] = tuple(WORKBOOK_DEFECTS),
    seeded: Mapping[int, str] | None = None,
    identity: Identity | None = None,
    rows: int | None = None,
) -> GeneratedWorkbook:
    """Write a workbook of *shape* at *path*, drawn from *seed*, and return its ledger.

    * *defect_rate*: each data row gets a defect with this probability, its kind drawn among
      *defects* (names of :data:`WORKBOOK_DEFECTS`) that fit the row;
    * *seeded*: explicit defects, data row (0 for the first under the header) → kind, in
      addition to those of the rate;
    * *identity*: how the sheet states its organisation and region (drawn when None);
    * *rows*: about how many data rows (drawn, 4 … 16, when None; at most
      :data:`MAX_DATA_ROWS`).
    """
    from ..io.workbook import load_openpyxl

    if shape not in SHAPES:
        raise ValueError(f"the shape is one of {', '.join(SHAPES)}, not {shape!r}")
    unknown = sorted({*defects, *(seeded or {}).values()} - set(WORKBOOK_DEFECTS))
    if unknown:
        raise ValueError(f"no such workbook defect: {', '.join(unknown)}")
    rate = Decimal(str(defect_rate))
    if not 0 <= rate <= 1:
        raise ValueError(f"the defect rate is a probability (0 … 1), not {defect_rate}")
    openpyxl = load_openpyxl("writing .xlsx needs openpyxl: pip install 'renstra-model[excel]'")
    rng = random.Random(f"renstra-workbook/{shape}/{seed}")
    agency = rng.choice(AGENCIES)
    place = region(rng.randrange(550))
    start = place.baseline_year + 1
    years = tuple(range(start, start + 5)) if shape in ("tc27", "flat") else (start,)
    chosen: Identity = identity if identity is not None else rng.choice(IDENTITIES)
    count = min(rows if rows is not None else rng.randint(4, 16), MAX_DATA_ROWS)
    lines = _lines(rng, shape, agency.bidang, years, max(count, 1))
    above, title, organisation, region_name = _identity(chosen, agency.name, place.name, years)
    top = len(above) + 1
    layout = _layout(shape, years, rng, top)
    first = top + len(layout.header) + (1 if layout.numbers else 0)
    numbers = list(range(first, first + len(lines)))
    names = {ln.code: ln.name for ln in lines}
    if shape == "split":  # the names of the levels the sheet states no row of
        for ln in lines:
            p, k = int(ln.segments[2]), int(ln.segments[4])
            names[Code(ln.segments[:3])] = program_name(agency.bidang, p)
            names[Code(ln.segments[:5])] = kegiatan_name(agency.bidang, p, k)
    for index, ln in enumerate(lines):
        _lay(shape, ln, index + 1, years, layout, names, agency.name, place.name, rng)
    defect_rng = random.Random(f"renstra-workbook/{shape}/{seed}/defects")
    explicit = dict(seeded or {})
    for index, ln in enumerate(lines):
        kinds = _kinds(shape, ln, defects)
        kind = explicit.get(index)
        if kind is not None and kind not in _kinds(shape, ln, WORKBOOK_DEFECTS):
            raise ValueError(f"a {kind} defect does not fit data row {index} ({ln.level.value})")
        draw = defect_rng.random()
        if kind is None and kinds and draw < rate:
            kind = defect_rng.choice(kinds)
        if kind is None:
            continue
        try:
            _seed(kind, shape, lines, index, layout, numbers, years, defect_rng)
        except ValueError:
            if index in explicit:
                raise
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = _SHEETS[shape]
    for values in [*above, *layout.header]:
        sheet.append(values)
    if layout.numbers:
        sheet.append(list(range(1, len(layout.header[0]) + 1)))
    for rng_range in layout.merges:
        sheet.merge_cells(rng_range)
    money_columns = set(layout.money.values())
    ledger = []
    for row, ln in zip(numbers, lines, strict=True):
        for column, value in ln.cells.items():
            cell = sheet.cell(row, column, value)
            if column in money_columns and isinstance(value, int | float):
                cell.number_format = "#,##0"
        ledger.append(_ledger_row(ln, row, layout))
    _save(book, Path(path))
    return GeneratedWorkbook(Path(path), shape, seed, _SHEETS[shape], start, years, chosen,
                             title, organisation, region_name, top, tuple(ledger))


def _ledger_row(line: _Line, row: int, layout: _Layout) -> LedgerRow:
    defective: dict[int | None, Any] = line.state.get("cells", {})
    noted = {d.column for d in line.defects if d.reading is Reading.NOTED}
    money = []
    for year, column in layout.money.items():
        written = line.cells[column]
        amount = (sum(line.money.values(), Decimal(0)) if year is None else line.money[year])
        sound = year not in defective or column_letter(column) in noted
        money.append(LedgerCell(column_letter(column), year, written, amount if sound else None))
    code = None if line.state.get("no-code") else line.state.get("code", line.code)
    return LedgerRow(row, code, line.level, line.name, tuple(money), tuple(line.defects))

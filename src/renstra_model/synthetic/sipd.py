"""Synthetic SIPD exports: the one-row-per-sub-kegiatan-indicator files of the national planning
system, for several regions and several agencies each, in the dialects people save them in,
with seeded defects and a ledger of every data row, so that a test can tell that a reader lost
nothing.

A row states its region (``kodepemda``, ``namapemda``), the period (``idperiode``,
``20252029``), the codes and names of its bidang, program, kegiatan and sub kegiatan, its
agency (``kodeskpd``, ``uraiskpd``), one indicator (``kodesubkegiatan_indikator``,
``uraisubkegiatan_indikator``, ``satuan``, ``kinerja``), its volumes and its pagu
(``volume_awal``, ``volume_0``, ``volume_1`` … ``volume_7``, ``pagu_awal``, ``pagu1`` …
``pagu7``: the years 1 … 5 of the period filled, 6 and 7 empty). A sub kegiatan comes on one,
two or three rows, each with its own pagu. Codes and names are the synthetic catalogue's
(:mod:`~renstra_model.synthetic.names`), of its agencies and regions.

The dialects (:data:`DIALECTS`): ``csv`` (``,``, UTF-8, money as float-looking text,
``177582000.0`` and ``827465775.44``); ``csv-id`` (``;``, decimal commas, ``177582000,00``,
with a byte order mark and CRLF, as the Indonesian Excel locale saves); ``csv-1252``
(``,``, Windows-1252, CRLF: names with ``é`` and ``’`` are bytes a UTF-8 reader refuses);
``json`` (``{"data": [...]}`` with SIPD-RI's other fields, ``idoutcome``, ``formula``,
``lokasi``…, money as text, as JSON numbers or each cell either way, and the ``urai…`` names
present or absent).
Some names hold a newline (quoted in the CSV dialects); the first sub kegiatan's always does,
and the first row's indicator always holds ``é`` and ``’``.

The defects (:data:`SIPD_DEFECTS`), at most one a row, are seeded at a rate (each row with
that probability) or explicitly. The ledger (:class:`SipdRow`) holds every data row: its
record number (in a CSV file the header is record 1, so the first data row is 2, whatever
the newlines inside its quoted names; in JSON the 1-based index in ``data``), its region and
agency codes as written, its sub kegiatan's code, its pagu cells with the exact rupiah a
reader must find (None for a cell that is not to be read), and its defects with their field
and content. The same seed gives the same file, byte for byte; the rows, their rupiah and
their defects are the same in every dialect.

>>> import tempfile
>>> from pathlib import Path
>>> folder = Path(tempfile.mkdtemp())
>>> made = generate_export(folder / "a.csv", seed=1, regions=1, agencies=1,
...                        seeded={0: "unreadable-money"})
>>> first = made.ledger[0]
>>> first.row, first.defects[0].kind, first.defects[0].written
(2, 'unreadable-money', '12.34.5')
>>> (folder / "a.csv").read_bytes() == generate_export(
...     folder / "b.csv", seed=1, regions=1, agencies=1,
...     seeded={0: "unreadable-money"}).path.read_bytes()
True
>>> import shutil; shutil.rmtree(folder)
"""

from __future__ import annotations

import csv
import io
import json
import os
import random
from collections.abc import Collection, Mapping
from decimal import Decimal
from pathlib import Path
from types import MappingProxyType
from typing import Any, Final, Literal, get_args

from attrs import field, frozen

from ..files import atomic_path
from ..model.codes import Code
from .names import (
    _MAX_KEGIATAN,
    _MAX_PROGRAMS,
    _MAX_SUB,
    _UNITS,
    AGENCIES,
    Agency,
    bidang_name,
    kegiatan_name,
    program_name,
    region,
    sub_kegiatan_name,
)

SipdDialect = Literal["csv", "csv-id", "csv-1252", "json"]
"""The name of a dialect of export (see the module's text)."""
DIALECTS: Final[tuple[SipdDialect, ...]] = get_args(SipdDialect)
"""The dialects :func:`generate_export` writes."""
Numbers = Literal["text", "json", "mixed"]
"""How a JSON export states its numbers: as text (``"177582000.0"``), as JSON numbers, or each
number one or the other."""

SIPD_DEFECTS: Final[Mapping[str, str]] = MappingProxyType({
    "three-decimals": "a pagu cell of the period has three decimals (177582000.125, or "
                      "177582000,125 with decimal commas)",
    "unreadable-money": "a pagu cell of the period is not a number (12.34.5, #VALUE!)",
    "beyond-period": "pagu6, a year past the five of the period, holds an amount",
    "no-skpd": "the row's kodeskpd is empty: it belongs to no agency's plan",
    "bad-code": "the row's kodesubkegiatan is not a code (a letter O for a zero)",
})
"""The defects seeded in SIPD exports, by name."""

ROW_DEFECTS: Final = frozenset({"no-skpd", "bad-code"})
"""The defects that leave the whole row out of every plan (its pagu has no sub kegiatan and
agency to go to)."""

PERIOD_YEARS: Final = 5
COLUMN_YEARS: Final = 7
"""The years of the period, and the year columns an export has (6 and 7 usually empty)."""

HEADER: Final[tuple[str, ...]] = (
    "kodepemda", "namapemda", "idperiode", "kodebidang", "uraibidang", "kodeprogram",
    "uraiprogram", "kodekegiatan", "uraikegiatan", "kodesubkegiatan", "uraisubkegiatan",
    "kodeskpd", "uraiskpd", "kodesubkegiatan_indikator", "uraisubkegiatan_indikator", "satuan",
    "kinerja", "volume_awal", "volume_0", *(f"volume_{i}" for i in range(1, COLUMN_YEARS + 1)),
    "pagu_awal", *(f"pagu{i}" for i in range(1, COLUMN_YEARS + 1)),
)
"""The columns of a SIPD export, in their order."""

JSON_EXTRA: Final[tuple[str, ...]] = (
    "idoutcome", "idoutput", "formula", "status", "kodeindikator_master", "lokasi", "prioritas")
"""SIPD-RI's fields of a row that the CSV export does not have."""

_DIALECT_FORMS: Final[Mapping[SipdDialect, tuple[str, str | None, str]]] = MappingProxyType({
    # encoding, delimiter, line terminator
    "csv": ("utf-8", ",", "\n"),
    "csv-id": ("utf-8-sig", ";", "\r\n"),
    "csv-1252": ("cp1252", ",", "\r\n"),
    "json": ("utf-8", None, "\n"),
})
_INDICATORS: Final = ("Jumlah {unit} yang Disusun", "Jumlah {unit} yang Dilayani",
                      "Jumlah {unit} yang Difasilitasi", "Persentase {unit} yang Terpenuhi",
                      "Jumlah {unit} yang Dibina")
_FLOURISHES: Final = ("di ’Kafé Baca’", "pada Café Literasi", "Program ’Desa Tangguh’",
                      "dengan Sertifikat Mutu ’Prima’")
"""Words a Windows-1252 file writes as bytes of its own (``é`` 0xE9, ``’`` 0x92); the first
holds both."""
_UNREADABLE: Final = ("12.34.5", "#VALUE!")
_UNREADABLE_JSON: Final = ("12.34.5", "1.2.3")
_FRACTIONS: Final = ("0.125", "0.375", "0.625", "0.875")
_STATUSES: Final = ("final", "aktif", "draft")
_PRIORITIES: Final = ("Prioritas Daerah", "Prioritas Nasional", "")
MAX_ROWS: Final = 100_000
"""The most data rows :func:`generate_export` writes."""


# -- the ledger -------------------------------------------------------------------------------


@frozen
class SipdAgency:
    """An agency of the export: its region's code and name, its own code and name, and the
    bidang urusan it serves."""

    kodepemda: str
    namapemda: str
    kodeskpd: str
    uraiskpd: str
    bidang: str

    @property
    def key(self) -> tuple[str, str]:
        """``(kodepemda, kodeskpd)``: the plan the agency's rows make."""
        return self.kodepemda, self.kodeskpd


@frozen
class SipdCell:
    """A pagu cell as written: its field (``pagu3``), its year, its content as the file holds
    it (a JSON number as its text) and the exact rupiah a reader must find in the plan (None
    for a cell that is not to be read: a defect's cell, or a year past the period)."""

    field: str
    year: int
    written: str
    rupiah: Decimal | None


@frozen
class SipdDefect:
    """A defect seeded in a row: its kind, its record number, its field and its content as
    text (``""`` for an emptied field)."""

    kind: str
    row: int
    field: str
    written: str


@frozen
class SipdRow:
    """A data row as written: its record number, its region and agency codes (``kodeskpd``
    ``""`` when the row states none), the agency it was drawn for, its ``kodesubkegiatan``
    as written, the sub kegiatan it was drawn for, its indicator's name (None where the file
    states no names), its pagu cells and its defects."""

    row: int
    kodepemda: str
    kodeskpd: str
    agency: SipdAgency
    written_code: str
    code: Code
    indicator: str | None
    pagu: tuple[SipdCell, ...]
    defects: tuple[SipdDefect, ...] = ()

    @property
    def key(self) -> tuple[str, str]:
        """``(kodepemda, kodeskpd)`` as written."""
        return self.kodepemda, self.kodeskpd

    @property
    def placed(self) -> bool:
        """Whether the row belongs in a plan: it states its agency and a readable code (no
        defect of :data:`ROW_DEFECTS`)."""
        return not any(d.kind in ROW_DEFECTS for d in self.defects)

    def rupiah(self) -> dict[int, Decimal]:
        """The exact rupiah of the readable pagu cells, by year (for a row that is not
        :attr:`placed`, what its cells hold, which no plan is to have)."""
        return {c.year: c.rupiah for c in self.pagu if c.rupiah is not None}


@frozen
class GeneratedExport:
    """An export :func:`generate_export` wrote: where, its dialect and seed, how its text is
    encoded and separated (*delimiter* None for JSON), whether it states the ``urai…`` names
    and how its numbers are written (``text`` in every CSV), the period (``idperiode`` and
    its years), the fields of its rows, its agencies and the ledger of its data rows."""

    path: Path
    dialect: SipdDialect
    seed: int
    encoding: str
    delimiter: str | None
    names: bool
    numbers: Numbers
    idperiode: str
    years: tuple[int, ...]
    fields: tuple[str, ...]
    agencies: tuple[SipdAgency, ...]
    ledger: tuple[SipdRow, ...] = field(repr=False)

    @property
    def defects(self) -> tuple[SipdDefect, ...]:
        """Every defect seeded, in row order."""
        return tuple(d for r in self.ledger for d in r.defects)


# -- drawing the rows -------------------------------------------------------------------------


@frozen
class _Line:
    """A data row while it is built: its field values in the export's own terms (text, or a
    Decimal for a number), the pagu cells, the defects and the state they change."""

    agency: SipdAgency
    code: Code
    values: dict[str, Any]
    money: dict[int, Decimal]  # year index 1 … 5 → rupiah
    cells: dict[int, Any] = field(factory=dict)  # year index → a defect's content
    defects: list[tuple[str, str]] = field(factory=list)  # kind, field


def _kodepemda(number: int) -> str:
    """An invented four-digit code of synthetic region *number*."""
    return f"{11 + number // 100:02d}{1 + number % 100:02d}"


def _kodeskpd(agency: Agency) -> str:
    return f"{agency.bidang}.0.00.0.00.{AGENCIES.index(agency) + 1:02d}.0000"


def _amount(rng: random.Random) -> Decimal:
    if rng.randrange(5) == 0:  # to the sen, as 827465775.44
        return Decimal(rng.randrange(1_500_000_000, 150_000_000_000)).scaleb(-2)
    return Decimal(rng.randrange(15_000, 1_500_000) * 1000)


def _with_newline(name: str, rng: random.Random) -> str:
    """*name* with one of its middle spaces a newline (a line break typed into the cell)."""
    spaces = [i for i, c in enumerate(name) if c == " "]
    if not spaces:
        return name
    at = spaces[len(spaces) // 2] if len(spaces) < 3 else rng.choice(spaces[1:-1])
    return name[:at] + "\n" + name[at + 1:]


def _shares(rows: int | None, count: int) -> list[int | None]:
    """How many data rows each of *count* agencies gets: *rows* spread evenly, or drawn."""
    if rows is None:
        return [None] * count
    return [rows // count + (1 if i < rows % count else 0) for i in range(count)]


def _agency_lines(rng: random.Random, agency: SipdAgency, share: int | None,
                  start: int, idperiode: str) -> list[_Line]:
    """The rows of *agency*: about 2 … 6 sub kegiatan of 1 … 3 rows, or exactly *share*
    rows."""
    combos = [(p, k, s) for p in range(1, _MAX_PROGRAMS + 1)
              for k in range(1, _MAX_KEGIATAN + 1) for s in range(1, _MAX_SUB + 1)]
    subs = rng.randint(2, 6) if share is None else -(-share // 2)
    if subs > len(combos):
        raise ValueError(f"{share} rows are more than an agency's {3 * len(combos)} can be")
    chosen = sorted(rng.sample(combos, subs))
    bidang = agency.bidang
    lines: list[_Line] = []
    left = share
    for n, (p, k, s) in enumerate(chosen):
        if left is not None and left <= 0:
            break
        count = rng.choice((1, 2, 2, 3, 3))
        if left is not None:
            remaining = len(chosen) - n - 1
            count = max(min(count, left, 3), left - 3 * remaining)
            left -= count
        seg = (*bidang.split("."), f"{p:02d}", "2", f"{k:02d}", f"{s:04d}")
        code = Code(seg)
        sub_name = sub_kegiatan_name(bidang, p, k, s)
        if not lines or rng.randrange(6) == 0:
            sub_name = _with_newline(sub_name, rng)
        for _ in range(count):
            unit = rng.choice(_UNITS)
            indicator = rng.choice(_INDICATORS).format(unit=unit)
            if not lines:
                indicator = f"{indicator} {_FLOURISHES[0]}"
            elif rng.randrange(8) == 0:
                indicator = f"{indicator} {rng.choice(_FLOURISHES)}"
            if rng.randrange(10) == 0:
                indicator = _with_newline(indicator, rng)
            money: dict[int, Decimal] = {}
            amount = _amount(rng)
            for i in range(1, PERIOD_YEARS + 1):
                money[i] = Decimal(0) if rng.randrange(15) == 0 else amount
                amount = Decimal(int(amount * rng.randint(90, 120) / 100) // 1000 * 1000)
            baseline = rng.randint(0, 40)
            values: dict[str, Any] = {
                "kodepemda": agency.kodepemda, "namapemda": agency.namapemda,
                "idperiode": idperiode, "kodebidang": bidang, "uraibidang": bidang_name(bidang),
                "kodeprogram": str(Code(seg[:3])), "uraiprogram": program_name(bidang, p),
                "kodekegiatan": str(Code(seg[:5])), "uraikegiatan": kegiatan_name(bidang, p, k),
                "kodesubkegiatan": str(code), "uraisubkegiatan": sub_name,
                "kodeskpd": agency.kodeskpd, "uraiskpd": agency.uraiskpd,
                "kodesubkegiatan_indikator": str(300_000 + 7 * (start + len(lines))
                                                 + rng.randrange(7)),
                "uraisubkegiatan_indikator": indicator, "satuan": unit,
                "kinerja": f"Terlaksananya {sub_name.replace(chr(10), ' ')}",
                "volume_awal": Decimal(baseline), "volume_0": None,
                **{f"volume_{i}": Decimal(baseline + rng.randint(0, 20)) if i <= PERIOD_YEARS
                   else None for i in range(1, COLUMN_YEARS + 1)},
                "pagu_awal": None,
            }
            lines.append(_Line(agency, code, values, money))
    return lines


def _seed(kind: str, line: _Line, rng: random.Random, unreadable: tuple[str, ...]) -> None:
    """Seed a defect of *kind* in *line*."""
    if kind == "no-skpd":
        line.values["kodeskpd"] = ""
        line.defects.append((kind, "kodeskpd"))
    elif kind == "bad-code":
        code = str(line.code)
        bad = code[:-4] + "O" + code[-3:]  # the sub kegiatan's leading zero typed as a letter
        line.values["kodesubkegiatan"] = bad
        line.defects.append((kind, "kodesubkegiatan"))
    elif kind == "beyond-period":
        amount = _amount(rng)
        line.cells[PERIOD_YEARS + 1] = amount
        line.defects.append((kind, f"pagu{PERIOD_YEARS + 1}"))
    else:
        year = rng.randint(1, PERIOD_YEARS)
        value: Decimal | str
        if kind == "three-decimals":
            value = Decimal(int(line.money[year])) + Decimal(rng.choice(_FRACTIONS))
        else:
            value = unreadable[rng.randrange(len(_UNREADABLE))]
        line.cells[year] = value
        line.defects.append((kind, f"pagu{year}"))


# -- writing ----------------------------------------------------------------------------------


def _number_text(value: Decimal, dialect: SipdDialect) -> str:
    """A number as the dialect writes it: ``177582000.0`` (the text of a float), or with a
    decimal comma and two decimals at least (``177582000,00``, ``177582000,125``)."""
    if dialect == "csv-id":
        places = max(2, -int(value.as_tuple().exponent))
        return f"{value:.{places}f}".replace(".", ",")
    return repr(float(value))


def _cell(value: Any, dialect: SipdDialect, numbers: Numbers) -> Any:
    """The value of a field as the file holds it: text in CSV, text or a JSON value."""
    if value is None:
        return None if dialect == "json" and numbers == "json" else ""
    if isinstance(value, Decimal):
        if dialect == "json" and numbers == "json":
            return float(value)
        return _number_text(value, dialect)
    return value


def _record(line: _Line, dialect: SipdDialect, numbers: Numbers,
            mix: random.Random) -> dict[str, Any]:
    """The fields of *line* as the file writes them, in the order of :data:`HEADER` (with
    *numbers* ``mixed``, each number or empty cell drawn from *mix* as text or JSON)."""
    record = {}
    for name in HEADER:
        if name.startswith("pagu") and name != "pagu_awal":
            year = int(name.removeprefix("pagu"))
            value = line.cells.get(year, line.money.get(year))
        else:
            value = line.values[name]
        stated = numbers
        if numbers == "mixed" and (value is None or isinstance(value, Decimal)):
            stated = "json" if mix.randrange(2) else "text"
        record[name] = _cell(value, dialect, stated)
    return record


def _json_record(line: _Line, record: dict[str, Any], names: bool, numbers: Numbers,
                 rng: random.Random, index: int) -> dict[str, Any]:
    """*record* as a SIPD-RI row: its own fields and ids, without the names unless *names*."""
    extra: dict[str, Any] = {
        "idoutcome": 10_000 + index * 3 + rng.randrange(3),
        "idoutput": 50_000 + index * 5 + rng.randrange(5),
        "formula": rng.choice(("", "Jumlah kumulatif", "Jumlah per tahun")),
        "status": rng.choice(_STATUSES),
        "kodeindikator_master": f"IK-{line.code.segments[0]}-{rng.randrange(1000):03d}",
        "lokasi": rng.choice(("Seluruh Kecamatan", "Ibukota Kabupaten", "")),
        "prioritas": rng.choice(_PRIORITIES),
    }
    if numbers == "text" or (numbers == "mixed" and rng.randrange(2)):
        extra["idoutcome"], extra["idoutput"] = str(extra["idoutcome"]), str(extra["idoutput"])
    else:
        record["idperiode"] = int(record["idperiode"])
    for name in ("volume_awal", *(f"volume_{i}" for i in range(1, PERIOD_YEARS + 1))):
        if isinstance(record[name], float):  # a count, as a JSON number: 12
            record[name] = int(record[name])
    out: dict[str, Any] = {}
    for name, value in record.items():
        if names or not name.startswith("urai"):
            out[name] = value
        if name == "idperiode":
            out["idoutcome"], out["idoutput"] = extra.pop("idoutcome"), extra.pop("idoutput")
    return out | extra


def _written(value: Any) -> str:
    """A cell's content as text, as the ledger holds it."""
    if value is None:
        return ""
    if isinstance(value, float):
        return repr(value)
    return str(value)


def generate_export(
    path: str | os.PathLike[str],
    *,
    seed: int = 0,
    dialect: SipdDialect = "csv",
    regions: int = 2,
    agencies: int = 3,
    defect_rate: Decimal | float | str = 0,
    defects: Collection[str] = tuple(SIPD_DEFECTS),
    seeded: Mapping[int, str] | None = None,
    names: bool | None = None,
    numbers: Numbers | None = None,
    rows: int | None = None,
    start_year: int = 2025,
) -> GeneratedExport:
    """Write a SIPD export in *dialect* at *path*, drawn from *seed*, and return its ledger.

    * *regions*, *agencies*: how many regions, and agencies in each (at most the 40 of
      :data:`~renstra_model.synthetic.names.AGENCIES`);
    * *defect_rate*: each data row gets a defect with this probability, its kind drawn among
      *defects* (names of :data:`SIPD_DEFECTS`);
    * *seeded*: explicit defects, data row (0 for the first) → kind, in place of the rate's;
    * *names*: whether a JSON export states the ``urai…`` names (drawn when None; a CSV
      export always does); *numbers*: how a JSON export states its numbers (drawn when None);
    * *rows*: exactly how many data rows, spread evenly over the agencies (each agency
      draws 2 … 6 sub kegiatan of 1 … 3 rows when None);
    * *start_year*: the first year of the period (``idperiode`` ``20252029``).
    """
    if dialect not in DIALECTS:
        raise ValueError(f"the dialect is one of {', '.join(DIALECTS)}, not {dialect!r}")
    unknown = sorted({*defects, *(seeded or {}).values()} - set(SIPD_DEFECTS))
    if unknown:
        raise ValueError(f"no such SIPD defect: {', '.join(unknown)}")
    rate = Decimal(str(defect_rate))
    if not 0 <= rate <= 1:
        raise ValueError(f"the defect rate is a probability (0 … 1), not {defect_rate}")
    if not 1 <= regions <= 1000 or not 1 <= agencies <= len(AGENCIES):
        raise ValueError(f"an export has 1 … 1000 regions of 1 … {len(AGENCIES)} agencies")
    if rows is not None and not 1 <= rows <= MAX_ROWS:
        raise ValueError(f"an export has 1 … {MAX_ROWS} data rows, not {rows}")
    if numbers is not None and numbers not in get_args(Numbers):
        raise ValueError(f"numbers are 'text', 'json' or 'mixed', not {numbers!r}")
    rng = random.Random(f"renstra-sipd/{seed}")
    json_rng = random.Random(f"renstra-sipd/{seed}/json")
    stated_names = names if names is not None else json_rng.randrange(3) != 0
    drawn_numbers: Numbers = get_args(Numbers)[json_rng.randrange(3)]
    stated_numbers: Numbers = numbers if numbers is not None else drawn_numbers
    if dialect != "json":
        stated_names, stated_numbers = True, "text"
    years = tuple(range(start_year, start_year + PERIOD_YEARS))
    idperiode = f"{years[0]}{years[-1]}"
    drawn: list[SipdAgency] = []
    for number in sorted(rng.sample(range(550), regions) if regions <= 550
                         else range(regions)):
        place = region(number)
        for agency in sorted(rng.sample(AGENCIES, agencies), key=AGENCIES.index):
            drawn.append(SipdAgency(_kodepemda(number), place.name, _kodeskpd(agency),
                                    agency.name, agency.bidang))
    lines: list[_Line] = []
    for agency_, share in zip(drawn, _shares(rows, len(drawn)), strict=True):
        if share != 0:
            lines += _agency_lines(rng, agency_, share, len(lines), idperiode)
    defect_rng = random.Random(f"renstra-sipd/{seed}/defects")
    unreadable = _UNREADABLE if dialect != "json" else _UNREADABLE_JSON
    explicit = dict(seeded or {})
    if any(not 0 <= i < len(lines) for i in explicit):
        raise ValueError(f"the export has data rows 0 … {len(lines) - 1}")
    allowed = [k for k in SIPD_DEFECTS if k in defects]
    for index, line in enumerate(lines):
        draw = defect_rng.random()
        kind = explicit.get(index)
        if kind is None and allowed and draw < rate:
            kind = defect_rng.choice(allowed)
        if kind is not None:
            _seed(kind, line, defect_rng, unreadable)
    encoding, delimiter, terminator = _DIALECT_FORMS[dialect]
    first = 1 if dialect == "json" else 2
    mix = random.Random(f"renstra-sipd/{seed}/mixed")
    records = [_record(line, dialect, stated_numbers, mix) for line in lines]
    if dialect == "json":
        data = [_json_record(line, record, stated_names, stated_numbers, json_rng, i)
                for i, (line, record) in enumerate(zip(lines, records, strict=True))]
        fields = tuple(data[0]) if data else HEADER
        text = json.dumps({"data": data}, ensure_ascii=False, indent=1) + "\n"
    else:
        out = io.StringIO()
        writer = csv.writer(out, delimiter=delimiter or ",", lineterminator=terminator)
        writer.writerow(HEADER)
        writer.writerows([record[name] for name in HEADER] for record in records)
        fields, text = HEADER, out.getvalue()
    target = Path(path)
    with atomic_path(target) as tmp:
        tmp.write_bytes(text.encode(encoding))
    ledger = tuple(_ledger_row(line, first + i, record, years, stated_names)
                   for i, (line, record) in enumerate(zip(lines, records, strict=True)))
    seen = {line.agency for line in lines}
    return GeneratedExport(target, dialect, seed, encoding, delimiter, stated_names,
                           stated_numbers, idperiode, years, fields,
                           tuple(a for a in drawn if a in seen), ledger)


def _ledger_row(line: _Line, row: int, record: Mapping[str, Any],
                years: tuple[int, ...], names: bool) -> SipdRow:
    cells = []
    for i in range(1, COLUMN_YEARS + 1):
        name = f"pagu{i}"
        written = record[name]
        if written in ("", None):
            continue
        sound = i <= PERIOD_YEARS and i not in line.cells
        cells.append(SipdCell(name, years[0] + i - 1, _written(written),
                              line.money[i] if sound else None))
    defects = tuple(SipdDefect(kind, row, name, _written(record[name]))
                    for kind, name in line.defects)
    indicator = line.values["uraisubkegiatan_indikator"] if names else None
    return SipdRow(row, line.values["kodepemda"], line.values["kodeskpd"], line.agency,
                   line.values["kodesubkegiatan"], line.code, indicator, tuple(cells), defects)

"""Rules on what the reading of the source left out or unstated (family ``import``): content
of the source that is not in the plan, a plan that does not state its identity, values read
with a remark, and programs and kegiatan that the source implies by their children's codes
rather than states as rows.

The notes come from the plan itself (:attr:`~renstra_model.model.plan.Plan.reading`): the
reader of a workbook or an export records them, and a plan file keeps them, so that every
later check lists them again. Their reasons render from the shared message catalogue; a note
whose key or parameters the catalogue does not know (a plan file of another version) is still
reported, with its key and parameters as they are.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any, Final

from ...model.codes import Code, Level
from ...model.provenance import Reading, ReadingNote
from ..findings import Location, Severity, Text
from ..registry import Context, Found, rule
from ..rulekit import table_of

SHOWN_CONTENT: Final = 100
"""How many characters of a note's content a message shows (the finding's ``value`` holds it
all)."""

EXAMPLES: Final = 5
"""How many codes of derived activities RS004 names."""

_SPACE: Final = re.compile(r"\s+")


def _one_line(text: str) -> str:
    return _SPACE.sub(" ", text).strip()


def shown(value: str) -> str:
    """A note's content as one line of message text: spaces collapsed, cut at
    :data:`SHOWN_CONTENT` characters.

    >>> shown("=SUM(F3:F9)\\n ")
    "'=SUM(F3:F9)'"
    """
    line = _one_line(value)
    if len(line) > SHOWN_CONTENT:
        line = line[: SHOWN_CONTENT - 1] + "…"
    return f"'{line}'"


def _code(note: ReadingNote) -> Code | None:
    """The code the note's ``code`` parameter names, where it is a valid code."""
    raw = note.params.get("code")
    if raw is None:
        return None
    try:
        return Code.parse(raw)
    except (ValueError, TypeError):
        return None


def _note_found(k: int, note: ReadingNote) -> Found:
    """The finding of note *k*: its place, its reason (the catalogue's ``key`` with the
    note's ``params``, which the message renders) and its content where it has one
    (``shown``: quoted, on one line)."""
    row, place = note.cell, _one_line(note.place)
    where = f"{place} ({_one_line(note.heading)})" if note.heading else place
    params: dict[str, Any] = {
        "where": where, "place": place,
        "key": note.key, "params": dict(note.params), "value": note.value,
        "shown": None if note.value is None else shown(note.value),
        "heading": note.heading,
    }
    return Found(Location(note.sheet, _code(note), None, f"reading[{k}]", row), params)


def _notes(context: Context, reading: Reading) -> Iterator[tuple[int, ReadingNote]]:
    return ((k, note) for k, note in enumerate(context.plan.reading) if note.reading is reading)


# -- RS001 ------------------------------------------------------------------------------------


@rule(
    "RS001",
    "import",
    Severity.ERROR,
    title=Text("Content of the source not read", "Isi berkas sumber tidak dibaca"),
    message=Text("{where}: {key:note.params}{shown:if.phrase.unread}",
                 "{where}: {key:note.params}{shown:if.phrase.unread}"),
    why=Text(
        "The reader of a source file (a workbook, a CSV export) records what it could not take "
        "into the plan: a formula without a saved value, a spreadsheet error, a row without a "
        "code, a column outside the layout. That content is missing from the plan, so every "
        "total, ratio and check computed from the plan leaves it out. The note keeps it with "
        "its place, so that it can be corrected in the source and read again.",
        "Pembaca berkas sumber (buku kerja, ekspor CSV) mencatat isi yang tidak dapat "
        "dimasukkannya ke dalam rencana: rumus tanpa nilai tersimpan, galat lembar kerja, baris "
        "tanpa kode, kolom di luar tata letak. Isi itu tidak ada dalam rencana, sehingga setiap "
        "jumlah, rasio dan pemeriksaan yang dihitung dari rencana tidak memuatnya. Catatan "
        "menyimpannya beserta letaknya agar dapat diperbaiki di sumber lalu dibaca ulang.",
    ),
    example="'T-C.27'!F12: the formula =SUM(F3:F9) has no computed value saved in the file",
)
def content_not_read(context: Context) -> Iterator[Found]:
    """One finding per note of content the reading left out, in the notes' order."""
    for k, note in _notes(context, Reading.UNREAD):
        yield _note_found(k, note)


# -- RS002 ------------------------------------------------------------------------------------

_IDENTITY: Final = ("title", "organisation.name", "organisation.region")
"""The parts of a plan's identity, by path (``phrase.identity`` names them)."""


def _identity_path(parts: list[str]) -> str:
    if len(parts) == 1:
        return parts[0]
    if all(p.startswith("organisation.") for p in parts):
        return "organisation"
    return ""


@rule(
    "RS002",
    "import",
    Severity.WARNING,
    title=Text("Plan does not state its identity", "Rencana tidak menyatakan identitasnya"),
    message=Text("the plan states no {parts:phrase.identity/or}",
                 "rencana tidak menyatakan {parts:phrase.identity/or}"),
    why=Text(
        "A Renstra names itself, the Perangkat Daerah whose plan it is and the kabupaten, kota "
        "or province it serves; without them it cannot be matched with its RPJMD, its Renja or "
        "the other plans of the region, and a collection of plans cannot tell it apart. The "
        "source of this plan does not state them (a sheet without its title lines): state them "
        "in the source or in the plan file. A missing title alone is not reported (a SIPD "
        "export states none).",
        "Renstra menyebut judulnya, Perangkat Daerah pemiliknya, dan kabupaten, kota atau "
        "provinsi yang dilayaninya; tanpa itu rencana tidak dapat dicocokkan dengan RPJMD, "
        "Renja atau rencana lain di daerahnya, dan tidak dapat dibedakan dari rencana lain "
        "dalam satu kumpulan. Sumber rencana ini tidak menyatakannya (lembar tanpa baris "
        "judul): nyatakan di sumber atau di berkas rencana. Judul saja yang tidak ada tidak "
        "dilaporkan (ekspor SIPD tidak memuatnya).",
    ),
    example="a T-C.27 sheet exported without its title lines: no title, Perangkat Daerah or "
    "region",
)
def identity_not_stated(context: Context) -> Iterator[Found]:
    """One finding per plan that states no Perangkat Daerah or no region, naming every part it
    lacks, its title too. A title alone is not reported: the agency and the region identify a
    plan, and some sources (a SIPD export) have no title to state."""
    plan = context.plan
    if plan.organisation.name is not None and plan.organisation.region is not None:
        return
    stated = {
        "title": plan.title,
        "organisation.name": plan.organisation.name,
        "organisation.region": plan.organisation.region,
    }
    parts = [part for part in _IDENTITY if stated[part] is None]
    if not parts:
        return
    yield Found(Location(None, None, None, _identity_path(parts), None), {"parts": parts})


# -- RS003 ------------------------------------------------------------------------------------


@rule(
    "RS003",
    "import",
    Severity.INFO,
    title=Text("Value read with a remark", "Nilai dibaca dengan catatan"),
    message=Text("{where}: {key:note.params}{shown:if.phrase.noted}",
                 "{where}: {key:note.params}{shown:if.phrase.noted}"),
    why=Text(
        "The value is in the plan, but the reader had to choose how to read it: a number the "
        "file stores as a binary fraction read as the spreadsheet displays it, a generic code "
        "made the agency's own. The note says what was chosen and what the file holds, so "
        "that the plan can be checked against its source.",
        "Nilai ada dalam rencana, tetapi pembaca harus memilih cara membacanya: angka yang "
        "disimpan berkas sebagai pecahan biner dibaca seperti yang ditampilkan lembar kerja, "
        "kode generik dijadikan kode perangkat daerah. Catatan menyebut pilihan itu dan isi "
        "berkasnya, agar rencana dapat dicocokkan dengan sumbernya.",
    ),
    example="'T-C.27'!H9: 67668207.50000001 read as the sheet displays it, 67,668,207.5",
)
def value_read_with_remark(context: Context) -> Iterator[Found]:
    """One finding per note of a value read with a remark, in the notes' order."""
    for k, note in _notes(context, Reading.NOTED):
        yield _note_found(k, note)


# -- RS004 ------------------------------------------------------------------------------------


@rule(
    "RS004",
    "import",
    Severity.INFO,
    title=Text("Programs and kegiatan derived from the codes",
               "Program dan kegiatan diturunkan dari kode"),
    message=Text(
        "{programs} program(s) and {kegiatan} kegiatan are derived from their children's "
        "codes, not stated as rows ({unnamed} without a name): {shown}",
        "{programs} program dan {kegiatan} kegiatan diturunkan dari kode anak-anaknya, tidak "
        "dinyatakan sebagai baris ({unnamed} tanpa nama): {shown}",
    ),
    why=Text(
        "A sheet of sub kegiatan rows only, or an export of one row per sub kegiatan, states no "
        "program or kegiatan row: the reader adds the parents that the codes imply, so that "
        "the tree is whole. Such a parent states no pagu (its pagu is the sum of its children), "
        "no indicator and often no name, and the rules that look for a missing subtotal or "
        "compare a stated one leave it alone. T-C.27 states these rows with their indicators "
        "and targets; a plan read without them lacks what its programs and kegiatan promise.",
        "Lembar yang hanya memuat baris sub kegiatan, atau ekspor satu baris per sub kegiatan, "
        "tidak menyatakan baris program atau kegiatan: pembaca menambahkan induk yang tersirat "
        "dari kodenya agar pohon kegiatan utuh. Induk seperti itu tidak menyatakan pagu "
        "(pagunya jumlah anak-anaknya), tidak memiliki indikator dan sering tanpa nama, dan "
        "aturan yang mencari subtotal kosong atau membandingkan subtotal tertulis "
        "melewatinya. T-C.27 menyatakan baris-baris itu beserta indikator dan targetnya; "
        "rencana yang dibaca tanpanya tidak memuat janji program dan kegiatannya.",
    ),
    example="a sheet of 48 sub kegiatan rows: 6 programs and 14 kegiatan derived from their "
    "codes, all without a name",
)
def derived_activities(context: Context) -> Iterator[Found]:
    """One finding per plan with derived programs or kegiatan: how many, how many are
    unnamed, and the first codes in tree order."""
    derived = [
        activity for _, activity in context.index.activities
        if activity.derived and activity.level in (Level.PROGRAM, Level.KEGIATAN)
    ]
    if not derived:
        return
    examples = [str(a.code) for a in derived[:EXAMPLES]]
    tables = {table_of(a) for a in derived}
    yield Found(
        Location(tables.pop() if len(tables) == 1 else None, None, None, "programs", None),
        {
            "programs": sum(a.level is Level.PROGRAM for a in derived),
            "kegiatan": sum(a.level is Level.KEGIATAN for a in derived),
            "unnamed": sum(a.name is None for a in derived),
            "examples": examples,
            "shown": ", ".join(examples) + (", …" if len(derived) > EXAMPLES else ""),
        },
    )

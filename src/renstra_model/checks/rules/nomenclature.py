"""Rules against the national nomenclature (family ``nomenclature``): codes it does not list,
names that differ from its official names, and special-autonomy kegiatan in an ordinary region.

Each rule runs only when the user gives a nomenclature
(:class:`~renstra_model.checks.registry.Context` ``nomenclature``). Names are compared by their
words (:func:`words`): a different word or spelling is a warning (RS122, RS123); a name whose
words are the official ones but whose case, spacing, punctuation or invisible characters differ
is reported at info (RS125, which says which), except that a program or kegiatan written
wholly in capitals, as tables print their rows, has no case to compare.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Final

from ...model.activities import Activity
from ...model.codes import Code, Level
from ...model.nomenclature import INVISIBLE, Nomenclature, normalise_name, visible_name
from ...model.plan import Organisation, Plan
from ..findings import Location, Severity, Text
from ..registry import Context, Found, rule
from ..rulekit import activity_location, within
from .structure import outside_bidang

TC24: Final = "T-C.24"

SPECIAL_AUTONOMY_DIGITS: Final = frozenset({"3", "4"})
"""Type digits of kegiatan codes meant for special-autonomy and special regions."""

_SPECIAL_PROVINCE: Final = re.compile(
    r"\b(aceh|nad|papua|yogyakarta|jogjakarta|diy|jakarta|dki|dkj|istimewa)\b"
)


def is_special_region(province: str) -> bool:
    """True for a province with special autonomy or special status: Aceh, the Papua provinces,
    the Daerah Istimewa Yogyakarta and Jakarta.

    >>> is_special_region("Nusa Tenggara Timur"), is_special_region("Papua Barat Daya")
    (False, True)
    >>> is_special_region("D.I. Yogyakarta"), is_special_region("Nanggroe Aceh Darussalam")
    (True, True)
    """
    return _SPECIAL_PROVINCE.search(province.casefold()) is not None


def special_autonomy_digit(code: Code) -> str | None:
    """The type digit of *code*'s kegiatan when it is a special-autonomy variant (3 or 4)."""
    if len(code.segments) < 5:
        return None
    digit = code.segments[3]
    return digit if digit in SPECIAL_AUTONOMY_DIGITS else None


_NO_NAME: Final = "\u2014"
"""What a message shows for the name of an activity the source does not name."""


def _level(activity_level: Level) -> str:
    return activity_level.value


# -- RS121 ------------------------------------------------------------------------------------


@rule(
    "RS121",
    "nomenclature",
    Severity.ERROR,
    title=Text("Code not in the nomenclature", "Kode tidak terdapat dalam nomenklatur"),
    message=Text(
        "{level:phrase.level} {code} '{name}' is not in the nomenclature ({nomenclature})",
        "{level:phrase.level} {code} '{name}' tidak terdapat dalam nomenklatur ({nomenclature})",
    ),
    why=Text(
        "Programs, kegiatan and sub kegiatan are chosen from the national nomenclature "
        "(Kepmendagri 050-5889/2021, succeeded by 900.1.15.5-1317/2023); a code it does not "
        "list cannot be entered in SIPD, budgeted in the APBD or carried into the Renja. It is "
        "a typing error, a code of another nomenclature version, or an activity the plan "
        "invented.",
        "Program, kegiatan dan sub kegiatan dipilih dari nomenklatur nasional (Kepmendagri "
        "050-5889/2021, diganti 900.1.15.5-1317/2023); kode yang tidak tercantum tidak dapat "
        "dimasukkan ke SIPD, dianggarkan dalam APBD, atau diturunkan ke Renja. Kode itu salah "
        "ketik, berasal dari versi nomenklatur lain, atau kegiatan buatan sendiri.",
    ),
    example="sub kegiatan 1.06.04.2.01.0013 'Penyediaan Permakanan Lansia', a number the "
    "nomenclature does not have",
    needs_nomenclature=True,
)
def code_not_in_nomenclature(context: Context) -> Iterator[Found]:
    """Activities of the tree whose code the nomenclature does not list (the supporting
    program's codes are looked up in their generic X.XX.01 form)."""
    nomenclature = context.nomenclature
    if nomenclature is None:  # the registry runs these rules only with one
        return
    for path, activity in context.index.activities:
        if activity.derived:
            continue  # its code is its children's, reported with them
        if activity.code not in nomenclature:
            yield Found(
                activity_location(activity, path),
                {"level": _level(activity.level), "code": str(activity.code),
                 "name": activity.name or _NO_NAME, "nomenclature": nomenclature.source},
            )


# -- RS122, RS123, RS125 -----------------------------------------------------------------------

_NAME_MESSAGE: Final = Text(
    "{level:phrase.level} {code} is named '{name}'; the nomenclature names it '{official}'",
    "{level:phrase.level} {code} bernama '{name}'; nomenklatur menamainya '{official}'",
)

_WORD: Final = re.compile(r"\w+")
_TOKEN: Final = re.compile(r"\w+|[^\w\s]")


def words(name: str) -> list[str]:
    """The words of *name* as names are compared by: those of its
    :func:`~renstra_model.model.nomenclature.normalise_name`, without its punctuation.

    >>> words("Sosialisasi Peraturan Perundang- Undangan,, Kabupaten/Kota.")
    ['sosialisasi', 'peraturan', 'perundang', 'undangan', 'kabupaten', 'kota']
    >>> words("Kerjasama antar Lembaga") == words("Kerja Sama antar Lembaga")
    False
    """
    return _WORD.findall(normalise_name(name))


def _gaps(text: str, pattern: re.Pattern[str]) -> list[str]:
    """The white space before, between and after the *pattern* tokens of *text*."""
    return ["".join(c for c in gap if c.isspace()) for gap in pattern.split(text)]


def _codepoints(chars: set[str]) -> list[str]:
    return [f"U+{ord(c):04X}" for c in sorted(chars)]


def form_difference(
    name: str, official: str, *, capitals: bool = False
) -> dict[str, object] | None:
    """How *name* differs from *official*, whose :func:`words` it has: the kinds of difference
    (``case``, ``spacing``, ``punctuation``, ``invisible``), the characters of an invisible or
    unusual space (``spaces``) and the invisible ones (``invisible``, ``hidden`` of them),
    which ``phrase.difference`` reads in either language; None where they read the same
    (they differ only in ``<i>`` tags or dashes or, with *capitals*, only in case where one is
    written wholly in capitals: the style of program and kegiatan rows).

    >>> form_difference("Penyediaan Jasa Surat\u200b Menyurat.", "Penyediaan Jasa Surat Menyurat")
    ... # doctest: +NORMALIZE_WHITESPACE
    {'kinds': ['punctuation', 'invisible'], 'characters': ['U+200B'], 'spaces': [],
     'invisible': ['U+200B'], 'hidden': 1}
    >>> form_difference("PENYEDIAAN JASA PENUNJANG", "Penyediaan Jasa Penunjang", capitals=True)
    """
    if name == official:
        return None
    seen, stated = visible_name(name), visible_name(official)
    found: list[str] = []  # the kinds of difference
    styled = capitals and (seen.isupper() or stated.isupper())
    if not styled and _WORD.findall(seen) != _WORD.findall(stated):
        found.append("case")
    folded = [t.casefold() for t in _TOKEN.findall(seen)] == [
        t.casefold() for t in _TOKEN.findall(stated)]
    spaces: set[str] = set()
    pattern = _TOKEN if folded else _WORD  # the gaps between words where punctuation differs
    if _gaps(seen, pattern) != _gaps(stated, pattern):
        spaces = {c for c in seen + stated if c.isspace() and c != " "}
        found.append("spacing")
    if not folded:
        found.append("punctuation")
    hidden = {c for c in name + official if c in INVISIBLE}
    if hidden:
        found.append("invisible")
    if not found:
        return None
    return {
        "kinds": found,
        "characters": _codepoints(hidden | spaces),
        "spaces": _codepoints(spaces),
        "invisible": _codepoints(hidden),
        "hidden": len(hidden),
    }


def _differs(nomenclature: Nomenclature, code: Code, name: str) -> str | None:
    """The official name of *code* when the words of *name* differ from it, else None."""
    entry = nomenclature.get(code)
    if entry is None or entry.name == name or words(entry.name) == words(name):
        return None
    return entry.name


def _covered_by_tc24(plan: Plan, activity: Activity) -> bool:
    """True when the activity's row was read from T-C.24 and T-C.24 has a row of its code with
    the same name: RS123 and RS125 report that name, in the same table."""
    if activity.source is None or activity.source.table != TC24:
        return False
    if activity.name is None:
        return False
    wanted = normalise_name(activity.name)
    return any(
        row.code == activity.code and normalise_name(row.label) == wanted
        for row in plan.budget_table
    )


@rule(
    "RS122",
    "nomenclature",
    Severity.WARNING,
    title=Text("Activity named differently from the nomenclature",
               "Nama kegiatan berbeda dari nomenklatur"),
    message=_NAME_MESSAGE,
    why=Text(
        "The nomenclature fixes the name of every code; a Renstra copies it word for word, so "
        "that the Renja, the RKA and SIPD, which match names as well as codes, find the same "
        "activity. A different word or spelling is reported here; a difference of case, "
        "spacing, punctuation or invisible characters only is RS125's.",
        "Nomenklatur menetapkan nama setiap kode; Renstra menyalinnya kata demi kata agar Renja, "
        "RKA dan SIPD, yang mencocokkan nama selain kode, menemukan kegiatan yang sama. Kata "
        "atau ejaan yang berbeda dilaporkan di sini; perbedaan huruf besar-kecil, spasi, tanda "
        "baca atau karakter tak terlihat saja dilaporkan RS125.",
    ),
    example="1.06.02.2.01.0001 'Fasilitas Pemberdayaan Sosial KAT'; the nomenclature names it "
    "'Fasilitasi Pemberdayaan Sosial KAT'",
    needs_nomenclature=True,
)
def activity_name_differs(context: Context) -> Iterator[Found]:
    """Activities of the tree whose name differs from the official name of their code.

    An activity whose row was read from T-C.24, where T-C.24 prints the same name for its
    code, is left to RS123, which reports that row; one coded under a bidang urusan that is
    not the agency's is left to RS111 (its name is compared with another bidang's)."""
    nomenclature = context.nomenclature
    if nomenclature is None:  # the registry runs these rules only with one
        return
    plan = context.plan
    foreign = outside_bidang(context)
    for path, activity in context.index.activities:
        if activity.name is None:
            continue  # nothing to compare: the source names no such activity
        if foreign and within(path, foreign):
            continue  # coded under another bidang (RS111): named after another's activity
        official = _differs(nomenclature, activity.code, activity.name)
        if official is None or _covered_by_tc24(plan, activity):
            continue
        yield Found(
            activity_location(activity, path),
            {"level": _level(activity.level), "code": str(activity.code),
             "name": activity.name, "official": official},
        )


@rule(
    "RS123",
    "nomenclature",
    Severity.WARNING,
    title=Text("T-C.24 row named differently from the nomenclature",
               "Nama baris T-C.24 berbeda dari nomenklatur"),
    message=_NAME_MESSAGE,
    why=Text(
        "T-C.24 prints names, not codes: the name is all that ties a row to its program, "
        "kegiatan or sub kegiatan. A name that differs from the nomenclature's breaks the "
        "link to the activity tree and to the budget documents that use the official name.",
        "T-C.24 mencetak nama, bukan kode: nama adalah satu-satunya pengikat baris dengan "
        "program, kegiatan atau sub kegiatannya. Nama yang berbeda dari nomenklatur memutus "
        "kaitan dengan pohon kegiatan dan dokumen anggaran yang memakai nama resmi.",
    ),
    example="T-C.24 'Penyediaan Barang Cetak dan Penggandaan Kantor' (1.06.01.2.06.0005); the "
    "nomenclature names it 'Penyediaan Barang Cetakan dan Penggandaan'",
    needs_nomenclature=True,
)
def tc24_name_differs(context: Context) -> Iterator[Found]:
    """T-C.24 rows with a code whose label differs from the code's official name."""
    nomenclature = context.nomenclature
    if nomenclature is None:  # the registry runs these rules only with one
        return
    for k, row in enumerate(context.plan.budget_table):
        if row.code is None:
            continue
        official = _differs(nomenclature, row.code, row.label)
        if official is None:
            continue
        yield Found(
            Location(TC24, row.code, None, f"budget_table[{k}]", row.label),
            {"level": _level(row.level), "code": str(row.code), "name": row.label,
             "official": official},
        )


# -- RS124 ------------------------------------------------------------------------------------


def _place(organisation: Organisation) -> str:
    """The region and province as stated; a dash where the plan states neither."""
    stated = [p for p in (organisation.region, organisation.province) if p]
    return ", ".join(stated) or "\u2014"


@rule(
    "RS124",
    "nomenclature",
    Severity.INFO,
    title=Text("Special-autonomy kegiatan in an ordinary region",
               "Kegiatan otonomi khusus di daerah biasa"),
    message=Text(
        "kegiatan {code} '{name}' is a special-autonomy variant (type {digit}) meant for Aceh, "
        "Papua and the special regions, not for {place}",
        "kegiatan {code} '{name}' adalah varian otonomi khusus (jenis {digit}) untuk Aceh, "
        "Papua dan daerah istimewa, bukan untuk {place}",
    ),
    why=Text(
        "The nomenclature repeats some kegiatan with type digit 3 or 4 instead of 2: variants "
        "for the regions with special autonomy (many name the orang asli Papua). An ordinary "
        "kabupaten uses the type-2 kegiatan; a 3 or 4 is usually a wrong pick from the list. "
        "When the plan does not state its province, the rule reports every such kegiatan.",
        "Nomenklatur mengulang sebagian kegiatan dengan digit jenis 3 atau 4, bukan 2: varian "
        "untuk daerah otonomi khusus (banyak yang menyebut orang asli Papua). Kabupaten biasa "
        "memakai kegiatan jenis 2; digit 3 atau 4 biasanya salah pilih. Bila rencana tidak "
        "menyebut provinsinya, setiap kegiatan seperti itu dilaporkan.",
    ),
    example="kegiatan 1.06.06.3.02 in the Renstra of a kabupaten in Nusa Tenggara Timur",
    needs_nomenclature=True,
)
def special_autonomy_kegiatan(context: Context) -> Iterator[Found]:
    """Kegiatan whose type digit is 3 or 4, in a plan of a province without special autonomy
    (or that does not state its province). Their sub kegiatan are not reported again."""
    nomenclature = context.nomenclature
    if nomenclature is None:  # the registry runs these rules only with one
        return
    organisation = context.plan.organisation
    if organisation.province and is_special_region(organisation.province):
        return
    for path, activity in context.index.activities:
        if activity.level is not Level.KEGIATAN:
            continue
        digit = special_autonomy_digit(activity.code)
        if digit is None or activity.code not in nomenclature:
            continue
        yield Found(
            activity_location(activity, path),
            {"code": str(activity.code), "name": activity.name or nomenclature[activity.code].name,
             "digit": int(digit),
             "place": _place(organisation), "region": organisation.region,
             "province": organisation.province or ""},
        )


# -- RS125 ------------------------------------------------------------------------------------

_CAPITALISED: Final = frozenset({Level.PROGRAM, Level.KEGIATAN})
"""The levels whose rows the tables (and the decree, for programs) print in capitals."""


def _form_found(
    nomenclature: Nomenclature, location: Location, level: Level, code: Code, name: str
) -> Found | None:
    entry = nomenclature.get(code)
    if entry is None or entry.name == name or words(entry.name) != words(name):
        return None
    difference = form_difference(name, entry.name, capitals=level in _CAPITALISED)
    if difference is None:
        return None
    return Found(location, {"level": _level(level), "code": str(code), "name": name,
                            "official": entry.name, **difference})


@rule(
    "RS125",
    "nomenclature",
    Severity.INFO,
    title=Text("Name written differently from the nomenclature",
               "Nama ditulis berbeda dari nomenklatur"),
    message=Text(
        "{level:phrase.level} {code} is named '{name}', the nomenclature '{official}': they "
        "differ only in {kinds:phrase.difference/and}",
        "{level:phrase.level} {code} bernama '{name}', nomenklatur '{official}': hanya berbeda "
        "pada {kinds:phrase.difference/and}",
    ),
    why=Text(
        "A name with the official words still differs from the official name where its case, "
        "spacing or punctuation differ, or where it holds a character that shows nothing (a "
        "zero-width space, a soft hyphen, copied with the text): a system that matches names "
        "exactly will not find it, though a reader sees the same name. The decree itself has "
        "such slips (a doubled comma, a missing space), so this is info, not a warning. A "
        "program or kegiatan written wholly in capitals, as tables print their rows, has no "
        "case to compare.",
        "Nama dengan kata-kata resmi tetap berbeda dari nama resmi bila huruf besar-kecil, "
        "spasi atau tanda bacanya berbeda, atau bila memuat karakter yang tidak tampak (spasi "
        "lebar-nol, tanda hubung lunak, yang ikut tersalin): sistem yang mencocokkan nama "
        "secara persis tidak menemukannya, walau pembaca melihat nama yang sama. Keputusan "
        "menteri itu sendiri memuat kekeliruan seperti itu (koma ganda, spasi yang hilang), "
        "sehingga temuan ini info, bukan peringatan. Program atau kegiatan yang seluruhnya "
        "ditulis dengan huruf kapital, seperti tabel mencetak barisnya, tidak dibandingkan "
        "huruf besar-kecilnya.",
    ),
    example="sub kegiatan 1.06.01.2.08.0004 'Penyediaan Jasa Pelayanan umum Kantor'; the "
    "nomenclature names it 'Penyediaan Jasa Pelayanan Umum Kantor' (case)",
    needs_nomenclature=True,
)
def name_written_differently(context: Context) -> Iterator[Found]:
    """Activities of the tree and T-C.24 rows whose name has the words of their code's
    official name but differs from it in case, spacing, punctuation or invisible characters.
    An activity read from T-C.24, where T-C.24 prints the same name, is reported with the
    T-C.24 row (as RS122 leaves it to RS123)."""
    nomenclature = context.nomenclature
    if nomenclature is None:  # the registry runs these rules only with one
        return
    plan = context.plan
    for path, activity in context.index.activities:
        if activity.name is None:
            continue
        found = _form_found(nomenclature, activity_location(activity, path), activity.level,
                            activity.code, activity.name)
        if found is not None and not _covered_by_tc24(plan, activity):
            yield found
    for k, row in enumerate(plan.budget_table):
        if row.code is None:
            continue
        found = _form_found(nomenclature, Location(TC24, row.code, None, f"budget_table[{k}]",
                                                   row.label), row.level, row.code, row.label)
        if found is not None:
            yield found

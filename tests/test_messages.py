"""One message system, one language per message: the rules' texts are catalogue entries, a
finding's values are machine values (no translation in JSON), and every message renders
whole in English and in Indonesian, each free of the other language's words."""

from __future__ import annotations

import json
import os
import re
from collections.abc import Iterator, Mapping
from functools import cache
from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from renstra_model.checks import check
from renstra_model.checks.findings import Finding, Location, Severity, Text
from renstra_model.checks.registry import FLOOD_MESSAGE, RULES
from renstra_model.examples import ttu_dinsos
from renstra_model.io.nomenclature import load_nomenclature
from renstra_model.io.serialization import dumps
from renstra_model.messages import CATALOGUE, LANGS, Lang, extend, format_text, phrase, render
from renstra_model.model.activities import Activity
from renstra_model.model.nomenclature import Nomenclature
from renstra_model.model.plan import Plan
from renstra_model.model.provenance import Reading, ReadingNote
from renstra_model.synthetic import catalogue, corpus
from strategies import minimal_plan

# -- the findings every test below reads ---------------------------------------------------------


def _ttu_variant() -> Plan:
    """TTU without its agency's name and with two reading notes: RS002, RS001 (a key of
    another version) and RS003, which the document itself does not give."""
    plan = ttu_dinsos()
    notes = (
        ReadingNote("T-C.27", 12, "F", "csv.some_later_reason", {"field": "pagu"}),
        ReadingNote("T-C.27", 7, "B", "excel.code_number", {"value": "1.1"}, value="1.1",
                    reading=Reading.NOTED),
    )
    organisation = attrs.evolve(plan.organisation, name=None)
    return attrs.evolve(plan, organisation=organisation, reading=notes)


def _unlocated(activity: Activity) -> Activity:
    return attrs.evolve(activity, location=None,
                        children=[_unlocated(child) for child in activity.children])


def _ttu_flooded() -> Plan:
    """TTU with no location for any sub kegiatan: RS235's flood, one diagnosis."""
    plan = ttu_dinsos()
    return attrs.evolve(plan, programs=[_unlocated(program) for program in plan.programs])


@cache
def _nomenclature() -> Nomenclature | None:
    path = os.environ.get("RENSTRA_NOMENCLATURE")
    return load_nomenclature(path) if path else None


@cache
def _cases() -> tuple[tuple[Plan, Nomenclature | None, tuple[Finding, ...]], ...]:
    """Each plan with the nomenclature it is checked with and its findings, diagnoses of
    floods and their members alike: TTU (with the national nomenclature where the tests are
    given it), a variant of it, and 40 plans of the synthetic corpus with defects, checked
    with the corpus' own nomenclature."""
    cases = []
    for plan, nomenclature in ((ttu_dinsos(), _nomenclature()), (_ttu_variant(), None),
                               (_ttu_flooded(), None)):
        cases.append((plan, nomenclature, (*check(plan, nomenclature=nomenclature),
                                           *check(plan, nomenclature=nomenclature,
                                                  expand=True))))
    synthetic = catalogue()
    for generated in corpus(40, seed=3, defect_rate="0.3"):
        plan = generated.plan()
        cases.append((plan, synthetic, (*check(plan, nomenclature=synthetic),
                                        *check(plan, nomenclature=synthetic, expand=True))))
    return tuple(cases)


def _findings() -> Iterator[tuple[Plan, Nomenclature | None, Finding]]:
    for plan, nomenclature, findings in _cases():
        for finding in findings:
            yield plan, nomenclature, finding
            for member in finding.members:
                yield plan, nomenclature, member


def test_the_findings_read_here_cover_every_rule() -> None:
    rules = {finding.rule for _, _, finding in _findings()}
    assert rules == set(RULES)
    assert any(finding.members for _, _, finding in _findings())  # and floods


# -- values: machine values only ----------------------------------------------------------------

_MACHINE = re.compile(r"^[a-z0-9_.]+$")
"""A machine key: a code of the rule (``end_of_period``, ``sub_kegiatan``, ``kegiatan.planned``)."""

_NUMBER = re.compile(r"^-?\d+(?:\.\d+)?$|^-$|^U\+[0-9A-F]{4,6}$|^\d{4}-\d{2}-\d{2}$")
"""A number as the document writes it (``-`` its nil), a code point, an ISO date."""

_WORD = re.compile(r"[^\W\d_]+")

_DOCUMENT_TERMS = frozenset(_WORD.findall(
    "T-C.23 T-C.24 T-C.25 T-C.27 TOTAL Rata-rata Pertumbuhan: Rencana Anggaran Realisasi"))
"""The document's own table names and column labels, which a rule names as they are
printed (``T-C.24``, ``Rata-rata Pertumbuhan: Realisasi``)."""


_VOCABULARIES: dict[int, frozenset[str]] = {}


def _vocabulary(plan: Plan, nomenclature: Nomenclature | None) -> frozenset[str]:
    """Every word the plan file holds (names, units, rows, sources, reading notes), the
    nomenclature's official names, and the document's table terms."""
    if id(plan) not in _VOCABULARIES:
        _VOCABULARIES[id(plan)] = _words(plan, nomenclature)
    return _VOCABULARIES[id(plan)]


def _words(plan: Plan, nomenclature: Nomenclature | None) -> frozenset[str]:
    texts = [dumps(plan), *_DOCUMENT_TERMS]
    if nomenclature is not None:
        texts += [nomenclature.source, *(entry.name for entry in nomenclature)]
    return frozenset(w.casefold() for text in texts for w in _WORD.findall(text))


def _strings(value: Any) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, Mapping):
        for key, item in value.items():
            yield from _strings(key)
            yield from _strings(item)
    elif isinstance(value, list | tuple):
        for item in value:
            yield from _strings(item)


def _keys(value: Any) -> Iterator[str]:
    if isinstance(value, Mapping):
        for key, item in value.items():
            yield key
            yield from _keys(item)
    elif isinstance(value, list | tuple):
        for item in value:
            yield from _keys(item)


def is_machine_value(text: str, vocabulary: frozenset[str]) -> bool:
    """True for a machine key, a number, a code point or date, or a text every word of which
    the plan (or its nomenclature) holds: a code, a name, a unit, a row as printed.

    >>> words = frozenset({"jumlah", "kpm", "org"})
    >>> [is_machine_value(t, words) for t in ("end_of_period", "4091594846.5", "-",
    ...     "25325 KPM (72.18 %)", "Jumlah KPM", "the end of period", "tidak memiliki")]
    [True, True, True, True, True, False, False]
    """
    if _MACHINE.match(text) or _NUMBER.match(text):
        return True
    return all(word.casefold() in vocabulary for word in _WORD.findall(text))


def test_no_finding_value_is_a_translation() -> None:
    """No key of a finding's values ends in ``_id`` (an Indonesian copy), and every text
    among its values is a machine value (:func:`is_machine_value`): no phrase of either
    language travels in the JSON."""
    checked = 0
    for plan, nomenclature, finding in _findings():
        params = finding.to_dict()["values"]
        assert not [k for k in _keys(params) if k.endswith("_id")], (finding.rule, params)
        vocabulary = _vocabulary(plan, nomenclature)
        foreign = [s for s in _strings(params) if not is_machine_value(s, vocabulary)]
        assert not foreign, (finding.rule, foreign)
        checked += 1
    assert checked > 1000


def test_the_json_of_a_finding_is_its_values_and_its_message_in_one_language() -> None:
    (finding,) = check(ttu_dinsos(), select=["RS234"])
    data = json.loads(finding.to_json("id"))
    assert (data["rule"], data["values"], data["message"]) == (
        "RS234", {"what": ["end_of_period"]}, "indikator tidak menyatakan kondisi akhir periode")
    assert json.loads(finding.to_json("en"))["values"] == data["values"]
    assert render("rule.RS234.message", data["values"], "en") == (
        "the indicator states no end of period")


# -- messages: complete, and each in one language ------------------------------------------------

_WORDS_OF = str.split

ENGLISH: frozenset[str] = frozenset(_WORDS_OF("""
    a an the of and or not no is are was be has have had with without in on at to for from by
    but only both either neither nor than each every which that this these those its their it
    baseline end period mean sum last max largest empty undefined rule code year years value
    values indicator indicators activity activities missing states stated states state named
    name differs differ difference sum parts planned realised realisation realisations funding
    buys ratio growth column columns row rows first count counts share shift later neighbouring
    above below likely typed twice left out content read file holds plan region title case
    spacing punctuation invisible character characters same unit units table tables programs
    lists expand e g kind aggregation location nomenclature special autonomy variant meant
    regions belongs agency own generic form write extend does adopted
"""))
"""English words an Indonesian message must not hold. ``target`` is not among them: the
Renstra itself writes it (``Target Kinerja``), as Indonesian does; nor are the document's
terms that English messages use too (program, kegiatan, sub kegiatan, pagu, urusan, bidang,
Perangkat Daerah, CAGR, info)."""

INDONESIAN: frozenset[str] = frozenset(_WORDS_OF("""
    yang tidak dan atau dari pada bukan dengan untuk ini itu adalah tanpa di ke sebagai oleh
    dalam padahal menyatakan tahun nilai kosong awal akhir jumlah tertulis berbeda bernama baris
    kolom sel satuan rencana indikator melainkan kemudian sama terdefinisi tak memiliki memuat
    mis pertama merinci masing
"""))
"""Indonesian words an English message must not hold."""


_FOREIGN: tuple[tuple[Lang, frozenset[str]], ...] = (("id", ENGLISH), ("en", INDONESIAN))


def _plan_strings(params: Mapping[str, Any], vocabulary: frozenset[str]) -> list[str]:
    """The texts among *params* that come from the plan (names, units, rows), which a
    message quotes whatever its language; longest first."""
    return sorted({s for s in _strings(params) if _WORD.search(s)
                   and all(w.casefold() in vocabulary for w in _WORD.findall(s))},
                  key=len, reverse=True)


def _own_words(message: str, params: Mapping[str, Any], vocabulary: frozenset[str]) -> set[str]:
    """The words of *message* that are the message's own: without the plan's texts it
    quotes, and without command-line options."""
    for text in _plan_strings(params, vocabulary):
        message = message.replace(text, " ")
    message = re.sub(r"--[a-z-]+", " ", message)
    return {word.casefold() for word in _WORD.findall(message)}


def test_every_message_renders_whole_in_either_language_and_only_in_it() -> None:
    """Every finding (and member) of TTU, its variant and the synthetic slice: its Indonesian
    message holds no English word of :data:`ENGLISH`, its English message no Indonesian word
    of :data:`INDONESIAN`, apart from what it quotes from the plan; and neither is left with
    a placeholder."""
    for plan, nomenclature, finding in _findings():
        vocabulary = _vocabulary(plan, nomenclature)
        for lang, foreign in _FOREIGN:
            text = finding.message(lang)
            if finding.members:  # the first member's message, checked as a member
                text = text.replace(finding.members[0].message(lang), " ")
            own = _own_words(text, finding.params, vocabulary)
            assert not own & foreign, (finding.rule, lang, sorted(own & foreign), text)
            assert "{" not in text.replace("{{", ""), text


def test_the_catalogue_words_are_in_one_language_too() -> None:
    """The rules' titles, messages and phrases as the catalogue holds them, and the words of
    the HTML page; an option (``--expand``) and an API name (``Code.parse``) are no words."""
    for key, entry in CATALOGUE.items():
        if not key.startswith(("rule.", "phrase.", "flood.", "html.")) or key.endswith(".why"):
            continue
        for lang, foreign in _FOREIGN:
            template = re.sub(r"\{[^{}]*\}", " ", entry[lang])
            template = re.sub(r"--[a-z-]+|\b[A-Z][A-Za-z]*\.[a-z_]+", " ", template)
            words = {w.casefold() for w in _WORD.findall(template)}
            assert not words & foreign, (key, lang, sorted(words & foreign))


# -- one system ---------------------------------------------------------------------------------


def test_every_rule_text_is_a_catalogue_entry() -> None:
    for rule in RULES.values():
        for name in ("title", "message", "why"):
            text: Text = getattr(rule, name)
            assert CATALOGUE[f"rule.{rule.id}.{name}"] == {"en": text.en, "id": text.id}
    assert CATALOGUE["flood.message"] == FLOOD_MESSAGE.entry()


def test_a_finding_renders_as_the_catalogue_renders_its_rule() -> None:
    for _, _, finding in _findings():
        if finding.members:
            continue
        for lang in LANGS:
            assert finding.message(lang) == render(f"rule.{finding.rule}.message",
                                                   finding.params, lang)


def test_extend_refuses_a_key_twice_and_a_missing_or_empty_translation() -> None:
    with pytest.raises(ValueError, match="already in the catalogue"):
        extend({"rule.RS231.message": {"en": "x", "id": "x"}})
    with pytest.raises(ValueError, match="already in the catalogue"):  # even the same text
        extend({"phrase.join.and": {"en": "and", "id": "dan"}})
    with pytest.raises(ValueError, match="needs a text in each"):
        extend({"test.only_english": {"en": "x"}})
    with pytest.raises(ValueError, match="needs a text in each"):
        extend({"test.blank": {"en": "x", "id": " "}})
    with pytest.raises(ValueError, match="needs a text in each"):
        extend({"test.extra": {"en": "x", "id": "x", "fr": "x"}})  # type: ignore[dict-item]
    assert not [k for k in CATALOGUE if k.startswith("test.")]


def test_a_rule_registered_twice_is_refused() -> None:
    from renstra_model.checks.registry import rule

    text = Text("x", "x")
    with pytest.raises(ValueError, match="registered twice"):
        rule("RS231", "missing-value", Severity.INFO, title=text, message=text, why=text,
             example="x")(lambda context: iter(()))


# -- how a template reads values ------------------------------------------------------------------


def test_the_specs_of_a_template() -> None:
    params = {"cells": ["baseline", 2023, "end_of_period"], "years": [2022, 2023, 2024],
              "none": None, "kind": ["last", "max"], "also": "", "more": "T-C.23 1",
              "one": 1, "two": 2, "key": "excel.error_value", "params": {"value": "#REF!"},
              "odd": "csv.later", "args": {"a": 1}}
    template = ("{cells:phrase.cell} | {cells:phrase.cell/and} | {years:list/or} | {none} | "
                "{none:none.phrase.value.undefined} | {one:none.phrase.value.undefined} | "
                "{kind:phrase.kind/slash} | [{also:if.phrase.same_in}] | "
                "{more:if.phrase.same_in} | "
                "{one:plural.phrase.invisible} | {two:plural.phrase.invisible} | "
                "{key:note.params} | {odd:note.args} | {one:+d}")
    assert format_text(template, params, "en").split(" | ") == [
        "baseline, 2023, end of period", "baseline, 2023 and end of period",
        "2022, 2023 or 2024", "(empty)", "undefined", "1", "last / max", "[]",
        " (the same in T-C.23 1)", "an invisible character", "invisible characters",
        "the cell holds the spreadsheet error #REF!", "csv.later (a=1)", "+1"]
    assert format_text(template, params, "id").split(" | ") == [
        "kondisi awal, 2023, kondisi akhir periode",
        "kondisi awal, 2023, dan kondisi akhir periode", "2022, 2023, atau 2024", "(kosong)",
        "tak terdefinisi", "1", "tahun terakhir / tahun terbesar", "[]", " (sama di T-C.23 1)",
        "karakter tak terlihat", "karakter tak terlihat",
        "sel berisi galat lembar kerja #REF!", "csv.later (a=1)", "+1"]
    assert format_text("{x:list/and}", {"x": ["a", "b"]}, "id") == "a dan b"
    assert format_text("{x:list/and}", {"x": []}, "en") == ""
    assert format_text("{x:phrase.cell}", {"x": "baseline"}, "id") == "kondisi awal"
    assert phrase("phrase.cell", "end_of_period", "en") == "end of period"
    with pytest.raises(KeyError):
        format_text("{x:phrase.cell}", {"x": "no_such_cell"}, "en")


@given(st.lists(st.sampled_from(["baseline", "end_of_period", 2022, 2030]), max_size=6),
       st.sampled_from(["", "/and", "/or", "/slash"]), st.sampled_from(LANGS))
def test_a_listed_value_names_each_item_once_in_order(
    items: list[str | int], joiner: str, lang: str,
) -> None:
    text = format_text("{x:phrase.cell" + joiner + "}", {"x": items}, lang)  # type: ignore[arg-type]
    words = [phrase("phrase.cell", i, lang) if isinstance(i, str) else str(i)  # type: ignore[arg-type]
             for i in items]
    position = 0
    for word in words:
        position = text.index(word, position) + len(word)
    assert text[position:] == ""
    if joiner in ("/and", "/or") and len(items) > 1:
        word = phrase("phrase.join", joiner[1:], lang)  # type: ignore[arg-type]
        assert f" {word} " in text


def test_rs201_writes_a_nil_count_as_the_document_does() -> None:
    from decimal import Decimal

    from renstra_model.model.indicators import Indicator
    from renstra_model.model.performance import KeyIndicator
    from renstra_model.model.values import NIL, Nil, Quantity

    def cell(amount: Decimal | Nil, percent: int) -> Quantity:
        return Quantity(amount, None, Decimal(percent))

    plan = attrs.evolve(minimal_plan(), key_indicators=[KeyIndicator(1, Indicator(
        "Jumlah", planned={2022: cell(NIL, 50), 2023: cell(Decimal(5), 50),
                           2024: cell(Decimal(10), 100)}))])
    found = [f for f in check(plan, select=["RS201"]) if f.location.table == "7.1"]
    assert [(f.params["count"], f.message("en"), f.message("id")) for f in found] == [
        ("-", "2022 states 50 %, but - / 10 is undefined %",
         "2022 menyatakan 50 %, padahal - / 10 = tak terdefinisi %")]
    assert Location("7.1", None, 2022, "key_indicators[0].indicator", "1") == found[0].location


@pytest.mark.parametrize(("reason", "params", "en", "id_"), [
    ("directory", {}, "it is a directory", "itu sebuah folder"),
    ("not_regular", {}, "it is not a regular file", "itu bukan berkas biasa"),
    ("Permission denied", {}, "Permission denied", "Permission denied"),  # the system's words
    ("no_rows", {}, "the table under the header has no rows with a code",
     "tabel di bawah judul kolom tidak memuat baris berkode"),
    ("not_workbook", {"detail": "BadZipFile: File is not a zip file"},
     "not an .xlsx workbook (BadZipFile: File is not a zip file)",
     "bukan buku kerja .xlsx (BadZipFile: File is not a zip file)"),
])
def test_a_reason_is_a_key_of_its_family_or_the_systems_own_words(
    reason: str, params: dict[str, object], en: str, id_: str
) -> None:
    import renstra_model.io.nomenclature  # noqa: F401  (its reasons, into the catalogue)

    values = {"file": "n.csv", "why": reason, **params}
    assert render("file.unreadable", values, "en") == f"cannot read n.csv: {en}"
    assert render("file.unreadable", values, "id") == f"tidak dapat membaca n.csv: {id_}"


@pytest.mark.parametrize(("text", "en", "id_"), [
    ("1.06.x", "segment 'x' is not a number", "segmen 'x' bukan angka"),
    ("1.00.04", "segment '00' is zero", "segmen '00' bernilai nol"),
    ("1.106.04", "segment '106' has more than 2 digits", "segmen '106' lebih dari 2 digit"),
    ("1.06.04.2", "4 segments (a code has 1, 2, 3, 5 or 6)",
     "4 segmen (kode terdiri atas 1, 2, 3, 5, atau 6 segmen)"),
    ("  ", "it is empty", "kosong"),
    ("X.01", "X must be followed by XX", "X harus diikuti XX"),
    ("1.XX", "XX must follow X", "XX harus didahului X"),
])
def test_a_code_syntax_reason_reads_in_each_language(text: str, en: str, id_: str) -> None:
    from renstra_model.errors import InvalidPlanError
    from renstra_model.model.codes import Code

    with pytest.raises(InvalidPlanError) as info:
        Code.parse(text)
    [problem] = info.value.problems
    assert problem.message("en") == f"{text!r} is not a kode rekening: {en}"
    assert problem.message("id") == f"{text!r} bukan kode rekening: {id_}"


def test_nomenclature_reasons_read_in_each_language(tmp_path: Any) -> None:
    from renstra_model.io.nomenclature import NomenclatureError

    path = tmp_path / "n.csv"
    path.write_text("KODE,URAIAN\n1.06,SOSIAL\n1.06,KESEHATAN\n", encoding="utf-8")
    with pytest.raises(NomenclatureError) as info:
        load_nomenclature(path)
    [problem] = info.value.problems
    assert problem.message("en") == (
        "invalid value: code 1.06 appears again with another name: 'KESEHATAN' "
        "(row 2: 'SOSIAL')")
    assert problem.message("id") == (
        "nilai tidak sah: kode 1.06 muncul lagi dengan nama lain: 'KESEHATAN' "
        "(baris 2: 'SOSIAL')")
    path.write_bytes(b"KODE,URAIAN\x00\n")
    with pytest.raises(NomenclatureError) as info:
        load_nomenclature(path)
    assert info.value.problems[0].message("id") == (
        f"tidak dapat membaca {path}: berkas memuat bita NUL (berkas biner, atau teks UTF-16: "
        "simpan sebagai UTF-8)")

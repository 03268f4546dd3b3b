"""The ``import`` rules (RS001-RS004): what the reading of a source left out or unstated, from
the plan's reading notes and its derived activities; and the rules that leave a derived
program or kegiatan alone, since it states no figures of its own."""

from __future__ import annotations

import datetime as dt
import itertools
import json
import pickle
from decimal import Decimal
from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from renstra_model import (
    Activity,
    Adoption,
    BudgetLine,
    BudgetRow,
    Code,
    Level,
    Organisation,
    Plan,
    Reading,
    ReadingNote,
)
from renstra_model.checks import FAMILIES, RULE_MODULES, RULES, check, select_rules
from renstra_model.checks.findings import Finding, Location, Severity
from renstra_model.checks.rules import reading
from renstra_model.examples import ttu_dinsos
from renstra_model.model.nomenclature import Entry, Nomenclature
from strategies import minimal_plan, reading_notes

D = Decimal

FORMULA = ReadingNote("T-C.27", 12, "F", "excel.formula", {"formula": "=SUM(F3:F9)"},
                      value="=SUM(F3:F9)", heading="PAGU 2022")
DUPLICATE = ReadingNote("T-C.27", 14, None, "excel.duplicate",
                        {"code": "1.6.2.2.1.1", "first": "9"},
                        value="1.6.2.2.1.1 | Fasilitasi | 100")
CODE_NUMBER = ReadingNote("T-C.27", 7, "B", "excel.code_number", {"value": "1.1"},
                          value="1.1", reading=Reading.NOTED)


def _plan(*notes: ReadingNote, programs: tuple[Activity, ...] = (), **extra: Any) -> Plan:
    return attrs.evolve(minimal_plan(), reading=notes, programs=programs, **extra)


def _act(code: str, *children: Activity, name: str | None = "stated", derived: bool = False,
         budget: BudgetLine | None = None, location: str | None = "Kefamenanu") -> Activity:
    c = Code.parse(code)
    return Activity(c, c.level, name, children=children, derived=derived, budget=budget,
                    location=location if c.level is Level.SUB_KEGIATAN else None)


def _sub(code: str, amount: str = "100") -> Activity:
    return _act(code, budget=BudgetLine(planned={2022: D(amount)}))


def _only(plan: Plan, rule: str) -> Finding:
    (finding,) = check(plan, select=[rule])
    return finding


# -- the family ---------------------------------------------------------------------------------


def test_the_import_family_comes_first_with_four_rules() -> None:
    assert FAMILIES[0] == "import"
    assert reading in RULE_MODULES
    assert [(r.id, r.family, r.severity) for r in select_rules(["import"])] == [
        ("RS001", "import", Severity.ERROR),
        ("RS002", "import", Severity.WARNING),
        ("RS003", "import", Severity.INFO),
        ("RS004", "import", Severity.INFO),
    ]
    assert [r.id for r in select_rules(["RS0"])] == ["RS001", "RS002", "RS003", "RS004"]
    for rule_id in ("RS001", "RS002", "RS003", "RS004"):
        rule = RULES[rule_id]
        assert rule.example
        assert not rule.needs_nomenclature
        for text in (rule.title, rule.why):
            assert text.en
            assert text.id
            assert text.en != text.id
        assert rule.message.en  # its words are phrases of either language
        assert rule.message.id


def test_no_import_finding_on_the_ttu_plan() -> None:
    plan = ttu_dinsos()
    assert plan.reading == ()
    assert not any(a.derived for _, a in plan.activities())
    assert check(plan, select=["import"]) == []
    everything = check(plan)
    assert everything == check(plan, ignore=["import"])
    severities = [f.severity for f in everything]  # as docs/checks.md states them
    assert (len(everything), severities.count(Severity.ERROR),
            severities.count(Severity.WARNING), severities.count(Severity.INFO)) == (
        92, 2, 51, 39)
    assert not [f for f in everything if f.family == "import"]


def test_no_import_finding_on_a_plan_read_whole() -> None:
    plan = _plan(programs=(_act("1.06.02", _act("1.06.02.2.01", _sub("1.06.02.2.01.0001"))),))
    assert check(plan, select=["import"]) == []


# -- RS001 --------------------------------------------------------------------------------------


def test_rs001_a_cell_not_read() -> None:
    finding = _only(_plan(FORMULA), "RS001")
    assert (finding.rule, finding.family, finding.severity) == ("RS001", "import",
                                                                Severity.ERROR)
    assert finding.location == Location("T-C.27", None, None, "reading[0]", "F12")
    assert dict(finding.params) == {
        "where": "'T-C.27'!F12 (PAGU 2022)",
        "place": "'T-C.27'!F12",
        "shown": "'=SUM(F3:F9)'",
        "key": "excel.formula",
        "params": {"formula": "=SUM(F3:F9)"},
        "value": "=SUM(F3:F9)",
        "heading": "PAGU 2022",
    }
    assert finding.message("en") == (
        "'T-C.27'!F12 (PAGU 2022): the formula =SUM(F3:F9) has no computed value saved in the "
        "file: open and save the workbook in a spreadsheet program, or type the value; "
        "content not read: '=SUM(F3:F9)'"
    )
    assert finding.message("id") == (
        "'T-C.27'!F12 (PAGU 2022): rumus =SUM(F3:F9) tidak memiliki nilai hasil yang tersimpan "
        "dalam berkas: buka dan simpan buku kerja dengan program lembar kerja, atau ketik "
        "nilainya; isi yang tidak dibaca: '=SUM(F3:F9)'"
    )
    data = json.loads(json.dumps(finding.to_dict("id")))
    assert (data["table"], data["row"], data["path"], data["code"]) == (
        "T-C.27", "F12", "reading[0]", None)
    assert data["values"]["params"] == {"formula": "=SUM(F3:F9)"}
    assert pickle.loads(pickle.dumps(finding)).params == finding.params


def test_rs001_a_row_not_read_carries_its_code() -> None:
    finding = check(_plan(FORMULA, DUPLICATE), select=["RS001"])[1]
    assert finding.location == Location("T-C.27", Code.parse("1.06.02.2.01.0001"), None,
                                        "reading[1]", "14")
    assert finding.to_dict()["code"] == "1.06.02.2.01.0001"
    assert finding.message("en") == (
        "'T-C.27'!14: code 1.6.2.2.1.1 was already stated at row 9: the row is not read; "
        "content not read: '1.6.2.2.1.1 | Fasilitasi | 100'"
    )
    assert finding.message("id") == (
        "'T-C.27'!14: kode 1.6.2.2.1.1 sudah dinyatakan pada baris 9: baris tidak dibaca; "
        "isi yang tidak dibaca: '1.6.2.2.1.1 | Fasilitasi | 100'"
    )


@pytest.mark.parametrize("code", ["", "  ", "1.2.3.4", "X.06", "abc", "1" * 5000, "1.06.x"])
def test_rs001_a_code_that_does_not_parse_is_left_out(code: str) -> None:
    note = ReadingNote("T-C.27", 3, None, "excel.duplicate", {"code": code, "first": "2"})
    finding = _only(_plan(note), "RS001")
    assert finding.location == Location("T-C.27", None, None, "reading[0]", "3")
    assert finding.params["params"] == {"code": code, "first": "2"}


def test_rs001_a_sheet_an_unknown_reason_and_no_content() -> None:
    sheet = ReadingNote("Lampiran", None, None, "excel.too_many_rows", {"limit": "20000"})
    unknown = ReadingNote("data", 4, None, "csv.some_later_reason", {"field": "pagu"})
    missing = ReadingNote("data", 5, None, "excel.formula", {})  # the template's param absent
    found = check(_plan(sheet, unknown, missing), select=["RS001"])
    assert [f.location for f in found] == [
        Location("Lampiran", None, None, "reading[0]", None),
        Location("data", None, None, "reading[1]", "4"),
        Location("data", None, None, "reading[2]", "5"),
    ]
    assert [f.message("en") for f in found] == [
        "'Lampiran': the sheet has more than 20000 rows; it is not read",
        "'data'!4: csv.some_later_reason (field=pagu)",
        "'data'!5: excel.formula",
    ]
    assert found[0].message("id") == "'Lampiran': lembar memiliki lebih dari 20000 baris; " \
        "tidak dibaca"
    assert found[1].params["value"] is None
    assert found[1].params["shown"] is None


def test_rs001_a_named_field_and_a_long_content() -> None:
    long = "a very  long\nrow " * 20
    note = ReadingNote("data", 3, "pagu1", "excel.error_value", {"value": "#N/A"}, value=long)
    finding = _only(_plan(note), "RS001")
    assert finding.location.row == "3 pagu1"
    assert finding.params["place"] == "'data'!3 pagu1"
    assert finding.params["value"] == long  # all of it, for the consumer of the JSON
    shown = finding.params["shown"]
    assert shown.startswith("'a very long row a very long row")
    assert len(shown) == reading.SHOWN_CONTENT + 2
    assert shown.endswith("…'")
    assert "\n" not in finding.message("en")


def test_rs001_a_message_is_one_line() -> None:
    note = ReadingNote("Lembar\n1", 2, "C", "excel.formula", {"formula": "=A1+\nA2"},
                       value="=A1+\nA2", heading="PAGU\n2023")
    finding = _only(_plan(note), "RS001")
    assert finding.location.table == "Lembar\n1"  # the data as the file has it
    assert finding.params["params"] == {"formula": "=A1+\nA2"}
    assert finding.message("en").startswith("'Lembar 1'!C2 (PAGU 2023): the formula =A1+ A2 ")
    assert finding.message("id").endswith("; isi yang tidak dibaca: '=A1+ A2'")


# -- RS002 --------------------------------------------------------------------------------------

_PARTS = {
    "title": ("title", "judul"),
    "organisation.name": ("Perangkat Daerah", "nama Perangkat Daerah"),
    "organisation.region": ("region", "nama daerah"),
}

_RS002 = [
    (("organisation.name",), "organisation.name", "Perangkat Daerah", "nama Perangkat Daerah"),
    (("organisation.region",), "organisation.region", "region", "nama daerah"),
    (("title", "organisation.name"), "", "title or Perangkat Daerah",
     "judul atau nama Perangkat Daerah"),
    (("title", "organisation.region"), "", "title or region", "judul atau nama daerah"),
    (("organisation.name", "organisation.region"), "organisation",
     "Perangkat Daerah or region", "nama Perangkat Daerah atau nama daerah"),
    (("title", "organisation.name", "organisation.region"), "",
     "title, Perangkat Daerah or region", "judul, nama Perangkat Daerah, atau nama daerah"),
]


def _without(parts: tuple[str, ...]) -> Plan:
    plan = minimal_plan()
    organisation = attrs.evolve(
        plan.organisation,
        name=None if "organisation.name" in parts else plan.organisation.name,
        region=None if "organisation.region" in parts else plan.organisation.region,
    )
    title = None if "title" in parts else plan.title
    return attrs.evolve(plan, title=title, organisation=organisation)


@pytest.mark.parametrize(("parts", "path", "en", "id_"), _RS002)
def test_rs002_names_every_missing_part_in_one_finding(
    parts: tuple[str, ...], path: str, en: str, id_: str
) -> None:
    finding = _only(_without(parts), "RS002")
    assert finding.severity is Severity.WARNING
    assert finding.location == Location(None, None, None, path, None)
    assert dict(finding.params) == {"parts": list(parts)}
    assert finding.message("en") == f"the plan states no {en}"
    assert finding.message("id") == f"rencana tidak menyatakan {id_}"


def test_rs002_covers_every_subset() -> None:
    subsets = {s for n in range(1, 4) for s in itertools.combinations(_PARTS, n)}
    assert subsets - {("title",)} == {parts for parts, *_ in _RS002}
    assert check(_without(()), select=["RS002"]) == []
    # a title alone is no identity: not reported (a SIPD export states none)
    assert check(_without(("title",)), select=["RS002"]) == []
    # a province alone does not make an identity; an empty plan's label is its period
    plan = _without(("title", "organisation.name", "organisation.region"))
    assert plan.label == "Renstra 2022-2026"


# -- RS003 --------------------------------------------------------------------------------------


def test_rs003_a_value_read_with_a_remark() -> None:
    found = check(_plan(FORMULA, CODE_NUMBER), select=["import"])
    assert [(f.rule, f.location.path) for f in found] == [
        ("RS001", "reading[0]"), ("RS003", "reading[1]")]
    finding = found[1]
    assert finding.severity is Severity.INFO
    assert finding.location == Location("T-C.27", None, None, "reading[1]", "B7")
    assert dict(finding.params) == {
        "where": "'T-C.27'!B7",
        "place": "'T-C.27'!B7",
        "shown": "'1.1'",
        "key": "excel.code_number",
        "params": {"value": "1.1"},
        "value": "1.1",
        "heading": None,
    }
    assert finding.message("en") == (
        "'T-C.27'!B7: the code is stored as the number 1.1, which loses zeros (1.10 reads as "
        "1.1): store the code column as text; the file holds '1.1'"
    )
    assert finding.message("id") == (
        "'T-C.27'!B7: kode disimpan sebagai angka 1.1, sehingga angka nol hilang (1.10 terbaca "
        "1.1): simpan kolom kode sebagai teks; berkas memuat '1.1'"
    )


@given(st.lists(reading_notes(), max_size=8))
def test_one_finding_per_note_in_order(notes: list[ReadingNote]) -> None:
    plan = _plan(*notes)
    for rule, kind in (("RS001", Reading.UNREAD), ("RS003", Reading.NOTED)):
        found = check(plan, select=[rule])
        expected = [k for k, note in enumerate(notes) if note.reading is kind]
        assert [f.location.path for f in found] == [f"reading[{k}]" for k in expected]
        for finding, k in zip(found, expected, strict=True):
            note = notes[k]
            assert finding.location.table == note.sheet
            assert finding.params["key"] == note.key
            assert finding.params["params"] == dict(note.params)
            assert finding.params["value"] == note.value
            for lang in ("en", "id"):
                text = finding.message(lang)
                assert text.startswith(finding.params["place"])
                assert "\n" not in text
            json.dumps(finding.to_dict())


# -- RS004 --------------------------------------------------------------------------------------


def _derived_tree() -> tuple[Activity, ...]:
    """Two derived programs (one named) with seven derived kegiatan; a stated program with
    one derived kegiatan."""
    first = _act("1.06.02", *(
        _act(f"1.06.02.2.0{k}", _sub(f"1.06.02.2.0{k}.0001"), name=None, derived=True)
        for k in range(1, 5)), name=None, derived=True)
    second = _act("1.06.04", *(
        _act(f"1.06.04.2.0{k}", _sub(f"1.06.04.2.0{k}.0001"), name=None, derived=True)
        for k in range(1, 4)), name="PROGRAM REHABILITASI SOSIAL", derived=True)
    stated = _act("1.06.05", _act("1.06.05.2.01", _sub("1.06.05.2.01.0001"), derived=True),
                  budget=BudgetLine(planned={2022: D(100)}))
    return first, second, stated


def test_rs004_one_finding_with_counts_and_examples() -> None:
    finding = _only(_plan(programs=_derived_tree()), "RS004")
    assert finding.severity is Severity.INFO
    assert finding.location == Location("T-C.27", None, None, "programs", None)
    examples = ["1.06.02", "1.06.02.2.01", "1.06.02.2.02", "1.06.02.2.03", "1.06.02.2.04"]
    assert dict(finding.params) == {
        "programs": 2, "kegiatan": 8, "unnamed": 8, "examples": examples,
        "shown": ", ".join(examples) + ", …",
    }
    assert finding.message("en") == (
        "2 program(s) and 8 kegiatan are derived from their children's codes, not stated as "
        "rows (8 without a name): 1.06.02, 1.06.02.2.01, 1.06.02.2.02, 1.06.02.2.03, "
        "1.06.02.2.04, …"
    )
    assert finding.message("id") == (
        "2 program dan 8 kegiatan diturunkan dari kode anak-anaknya, tidak dinyatakan sebagai "
        "baris (8 tanpa nama): 1.06.02, 1.06.02.2.01, 1.06.02.2.02, 1.06.02.2.03, "
        "1.06.02.2.04, …"
    )


def test_rs004_few_derived_and_none() -> None:
    program = _act("1.06.02", _act("1.06.02.2.01", _sub("1.06.02.2.01.0001"), derived=True))
    finding = _only(_plan(programs=(program,)), "RS004")
    assert dict(finding.params) == {"programs": 0, "kegiatan": 1, "unnamed": 0,
                                    "examples": ["1.06.02.2.01"], "shown": "1.06.02.2.01"}
    stated = _act("1.06.02", _act("1.06.02.2.01", _sub("1.06.02.2.01.0001")))
    assert check(_plan(programs=(stated,)), select=["RS004"]) == []


# -- the rules that leave a derived program or kegiatan alone ------------------------------------


def _codes(plan: Plan, rule: str) -> list[str]:
    return [str(f.location.code) for f in check(plan, select=[rule])]


def _pair(derived: bool, budget: BudgetLine | None = None) -> Plan:
    """A program with one kegiatan (derived or stated) over one sub kegiatan of Rp 100."""
    keg = _act("1.06.02.2.01", _sub("1.06.02.2.01.0001"), derived=derived,
               name=None if derived else "stated", budget=budget)
    program = _act("1.06.02", keg, derived=derived, name=None if derived else "stated",
                   budget=None if derived else BudgetLine(planned={2022: D(100)}))
    return _plan(programs=(program,))


def test_rs233_a_stated_kegiatan_without_a_subtotal_but_not_a_derived_one() -> None:
    assert _codes(_pair(derived=False), "RS233") == ["1.06.02.2.01"]
    assert _codes(_pair(derived=True), "RS233") == []
    (finding,) = check(_pair(derived=False), select=["RS233"])
    assert finding.message() == "Kegiatan 1.06.02.2.01 states no pagu for 2022, though its " \
        "sub kegiatan do"


def test_rs101_rs102_compare_only_stated_figures() -> None:
    wrong = BudgetLine(planned={2022: D(90)}, planned_total=D(80))
    # the kegiatan's 90 against its sub's 100; the program's 100 is its sub kegiatan's sum, so
    # its difference from the kegiatan's 90 is the kegiatan's defect, reported once
    assert _codes(_pair(derived=False, budget=wrong), "RS101") == ["1.06.02.2.01"]
    assert _codes(_pair(derived=False, budget=wrong), "RS102") == ["1.06.02.2.01"]
    # a derived kegiatan's pagu is its children's sum: a budget it carries is no statement
    assert _codes(_pair(derived=True, budget=wrong), "RS101") == []
    assert _codes(_pair(derived=True, budget=wrong), "RS102") == []


def test_rs301_rs341_leave_a_derived_budget_alone() -> None:
    odd = BudgetLine(planned={2022: D("90.5")}, realised={2023: D(90)})
    adopted = Adoption(dt.date(2021, 9, 9))
    stated = attrs.evolve(_pair(derived=False, budget=odd), adoption=adopted)
    derived = attrs.evolve(_pair(derived=True, budget=odd), adoption=adopted)
    assert _codes(stated, "RS301") == ["1.06.02.2.01"]
    assert [f.params["rows"] for f in check(stated, select=["RS341"])] == [["1.06.02.2.01"]]
    assert check(derived, select=["RS301"]) == []
    assert check(derived, select=["RS341"]) == []


def test_code_rules_report_a_code_once_at_the_row_that_states_it() -> None:
    def tree(prefix: str, derived: bool) -> Plan:
        sub = _sub(f"{prefix}.2.08.0001")
        keg = _act(f"{prefix}.2.08", sub, derived=derived)
        return attrs.evolve(_plan(programs=(_act(prefix, keg, derived=derived),)),
                            organisation=Organisation("Dinas Sosial", "Kabupaten Contoh",
                                                      bidang_urusan=[Code.parse("1.06")]))

    # a subtree coded under another bidang is one cause, reported at its topmost stated row
    assert _codes(tree("1.02.02", False), "RS111") == ["1.02.02"]
    assert _codes(tree("1.02.02", True), "RS111") == ["1.02.02.2.08.0001"]
    assert _codes(tree("X.XX.01", False), "RS113") == ["X.XX.01"]
    assert _codes(tree("X.XX.01", True), "RS113") == ["X.XX.01.2.08.0001"]


TINY = Nomenclature([
    Entry(Code.parse(c), Code.parse(c).level, name) for c, name in {
        "1.06.02": "PROGRAM PEMBERDAYAAN SOSIAL",
        "1.06.02.3.01": "Pemberdayaan Sosial Orang Asli Papua",
        "1.06.02.3.01.0001": "Fasilitasi Orang Asli Papua",
    }.items()
], source="tiny")


def test_unnamed_and_derived_activities_on_every_rule() -> None:
    """No rule crashes on an activity without a name, and no message prints None."""
    unnamed_sub = _act("1.06.02.3.01.0009", name=None, budget=BudgetLine(planned={2022: D(1)}))
    kegiatan = _act("1.06.02.3.01", _sub("1.06.02.3.01.0001"), unnamed_sub, name=None,
                    derived=True)
    program = _act("1.06.02", kegiatan, _act("1.06.02.3.02", _sub("1.06.02.3.02.0001"),
                                             name=None), name=None, derived=True)
    rows = [BudgetRow("PROGRAM PEMBERDAYAAN", Level.PROGRAM, BudgetLine(), Code.parse("1.06.02"))]
    plan = _plan(FORMULA, CODE_NUMBER, programs=(program,), budget_table=rows, title=None,
                 organisation=Organisation(None, None, bidang_urusan=[Code.parse("1.06")]))
    findings = check(plan, nomenclature=TINY)
    for finding in findings:
        for lang in ("en", "id"):
            assert "None" not in finding.message(lang), finding
        json.dumps(finding.to_dict())
    rules = {f.rule for f in findings}
    assert {"RS001", "RS002", "RS003", "RS004", "RS121", "RS124"} <= rules
    # RS121 names the stated codes the nomenclature lacks, with a dash for a missing name
    by_code = {str(f.location.code): f for f in findings if f.rule == "RS121"}
    assert sorted(by_code) == ["1.06.02.3.01.0009", "1.06.02.3.02", "1.06.02.3.02.0001"]
    assert by_code["1.06.02.3.02"].message() == (
        "kegiatan 1.06.02.3.02 '\u2014' is not in the nomenclature (tiny)")
    # RS124 names a derived kegiatan by its official name: nothing else reports it
    (special,) = [f for f in findings if f.rule == "RS124"]
    assert special.params["name"] == "Pemberdayaan Sosial Orang Asli Papua"
    assert special.params["place"] == "\u2014"
    # no subtotal is missing on the derived program or kegiatan (the stated kegiatan lacks one)
    assert [str(f.location.code) for f in findings if f.rule == "RS233"] == ["1.06.02.3.02"]

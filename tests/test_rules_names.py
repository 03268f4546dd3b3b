"""Names and codes in findings: names compared by their words after invisible characters and
Unicode spaces are normalised away (RS122, RS123, RS131), a difference of form only reported
at info by RS125, RS131 silent where the nomenclature judges both names, and one spelling of
codes, the canonical dotted one, in every message."""

from __future__ import annotations

import os
import re
from collections.abc import Iterable, Sequence
from pathlib import Path

import pytest

from renstra_model import (
    Activity,
    BudgetLine,
    BudgetRow,
    Code,
    Level,
    Organisation,
    Period,
    Plan,
    Source,
)
from renstra_model.checks import check
from renstra_model.checks.findings import Finding, Location, Severity
from renstra_model.checks.rules.nomenclature import form_difference, words
from renstra_model.examples import ttu_dinsos
from renstra_model.io.excel import read_workbook
from renstra_model.io.nomenclature import load_nomenclature
from renstra_model.messages import format_text
from renstra_model.model.nomenclature import (
    INVISIBLE,
    Entry,
    Nomenclature,
    normalise_name,
    visible_name,
)
from renstra_model.synthetic import SHAPES, catalogue, corpus, generate_workbook

DATA = Path(__file__).parent / "data"

OFFICIAL = {
    "1.06.02": "PROGRAM PEMBERDAYAAN SOSIAL",
    "1.06.02.2.01": "Pemberdayaan Sosial Komunitas Adat Terpencil (KAT)",
    "1.06.02.2.01.0001": "Fasilitasi Pemberdayaan Sosial KAT",
    "1.06.02.2.01.0002": "Peningkatan Kapasitas dan Pendampingan KAT",
    "1.06.02.2.03": "Pengembangan Potensi Sumber Kesejahteraan Sosial Daerah Kabupaten/Kota",
    "1.06.02.2.03.0001": "Peningkatan Kemampuan Potensi Pekerja Sosial Masyarakat",
    "1.06.02.2.03.0002": "Pendataan, Verifikasi,, dan Validasi Lembaga Kesejahteraan Sosial",
}
NOMENCLATURE = Nomenclature(
    [Entry(Code.parse(c), Code.parse(c).level, name) for c, name in OFFICIAL.items()],
    source="test",
)


# -- normalise_name ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "char", ["\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u00ad"],
)
def test_invisible_characters_do_not_make_names_differ(char: str) -> None:
    assert char in INVISIBLE
    official = "Fasilitasi Pemberdayaan Sosial KAT"
    for stated in (f"Fasili{char}tasi Pemberdayaan Sosial KAT", f"{char}{official}",
                   f"{official}{char}", f"Fasilitasi {char}Pemberdayaan Sosial KAT"):
        assert normalise_name(stated) == normalise_name(official), repr(stated)
        assert words(stated) == words(official)
        assert char not in visible_name(stated)


@pytest.mark.parametrize("space", ["\u00a0", "\u2007", "\u202f", "\u2009", "\u3000", "\t"])
def test_unicode_spaces_are_spaces(space: str) -> None:
    assert normalise_name(f"Penyediaan{space}Sandang") == "penyediaan sandang"


def test_visible_name_keeps_case_spacing_and_punctuation() -> None:
    assert visible_name("Surat\u00ad Menyurat\u200b ,, <i>e\u2013Gov</i>") == (
        "Surat Menyurat ,, e-Gov")


def test_words_ignore_punctuation_but_not_spelling() -> None:
    assert words("Pendataan, Verifikasi,, dan Validasi") == words(
        "Pendataan Verifikasi dan Validasi")
    assert words("HIV/AIDS") == words("HIV AIDS") == ["hiv", "aids"]
    assert words("Kerjasama") != words("Kerja Sama")
    assert words("Fasilitas") != words("Fasilitasi")


# -- what kind of difference -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "official", "kinds", "difference", "difference_id"),
    [
        ("Penyediaan Jasa Pelayanan umum Kantor", "Penyediaan Jasa Pelayanan Umum Kantor",
         ["case"], "case", "huruf besar-kecil"),
        ("Penyediaan Jasa Surat  Menyurat", "Penyediaan Jasa Surat Menyurat",
         ["spacing"], "spacing", "spasi"),
        ("Penyediaan\u00a0Sandang", "Penyediaan Sandang",
         ["spacing"], "spacing (U+00A0)", "spasi (U+00A0)"),
        ("Kabupaten/ Kota", "Kabupaten/Kota", ["spacing"], "spacing", "spasi"),
        ("Pendataan, Verifikasi, dan Validasi", "Pendataan, Verifikasi,, dan Validasi",
         ["punctuation"], "punctuation", "tanda baca"),  # the decree's doubled comma
        ("Penyediaan Jasa Surat Menyurat.", "Penyediaan Jasa Surat Menyurat",
         ["punctuation"], "punctuation", "tanda baca"),
        ("Perundang Undangan", "Perundang-Undangan", ["spacing", "punctuation"],
         "spacing and punctuation", "spasi dan tanda baca"),  # a space for the hyphen
        ("Data ,Fakir", "Data, Fakir", ["spacing"], "spacing", "spasi"),  # the same marks
        ("Fasilitasi\u200b Pemberdayaan", "Fasilitasi Pemberdayaan", ["invisible"],
         "an invisible character (U+200B)", "karakter tak terlihat (U+200B)"),
        ("Pember\u00addayaan\ufeff", "Pemberdayaan", ["invisible"],
         "invisible characters (U+00AD, U+FEFF)", "karakter tak terlihat (U+00AD, U+FEFF)"),
        ("penyediaan jasa,surat menyurat\u200d", "Penyediaan Jasa Surat Menyurat",
         ["case", "spacing", "punctuation", "invisible"],
         "case, spacing, punctuation and an invisible character (U+200D)",
         "huruf besar-kecil, spasi, tanda baca, dan karakter tak terlihat (U+200D)"),
    ],
)
def test_a_difference_of_form_is_named(
    name: str, official: str, kinds: list[str], difference: str, difference_id: str
) -> None:
    assert words(name) == words(official)
    found = form_difference(name, official)
    assert found is not None
    assert found["kinds"] == kinds
    assert isinstance(found["hidden"], int)  # a count, and code points only
    assert all(c.startswith("U+") for k in ("characters", "spaces", "invisible")
               for c in found[k])  # type: ignore[attr-defined]
    read = "{kinds:phrase.difference/and}"
    assert (format_text(read, found, "en"), format_text(read, found, "id")) == (
        difference, difference_id)


def test_no_difference_of_form_where_the_names_read_the_same() -> None:
    assert form_difference("Penyediaan Sandang", "Penyediaan Sandang") is None
    # a program or kegiatan wholly in capitals, as T-C.27 prints their rows: no case
    assert form_difference("PENYEDIAAN SANDANG", "Penyediaan Sandang", capitals=True) is None
    assert form_difference("Program Penunjang", "PROGRAM PENUNJANG", capitals=True) is None
    shouted = form_difference("PENYEDIAAN SANDANG", "Penyediaan Sandang")  # a sub kegiatan
    assert shouted is not None
    assert shouted["kinds"] == ["case"]
    assert form_difference("Pelayanan <i>Home Care</i>", "Pelayanan Home Care") is None
    assert form_difference("Perundang\u2013undangan", "Perundang-undangan") is None
    found = form_difference("PENYEDIAAN  SANDANG", "Penyediaan Sandang", capitals=True)
    assert found is not None
    assert (found["kinds"], found["characters"]) == (["spacing"], [])
    nbsp = form_difference("Penyediaan\u00a0Sandang\u200b", "Penyediaan Sandang")
    assert nbsp is not None
    assert nbsp["characters"] == ["U+00A0", "U+200B"]


# -- RS122, RS123, RS125 -----------------------------------------------------------------------


def act(code: str, name: str, *children: Activity, table: str | None = None) -> Activity:
    parsed = Code.parse(code)
    source = Source(table, str(parsed)) if table else None
    return Activity(parsed, parsed.level, name, children=children, source=source)


def row(code: str, label: str) -> BudgetRow:
    return BudgetRow(label, Code.parse(code).level, BudgetLine(), Code.parse(code))


def plan(*programs: Activity, budget: Sequence[BudgetRow] = ()) -> Plan:
    return Plan(
        title="Renstra",
        organisation=Organisation("Dinas Sosial", "Kabupaten Contoh", "Nusa Tenggara Timur",
                                  [Code.parse("1.06")]),
        period=Period(2021, 2022, 2026),
        programs=programs,
        budget_table=budget,
    )


def summary(findings: Iterable[Finding]) -> list[tuple[str, Severity, str | None, str, str]]:
    return [(f.rule, f.severity, f.location.table, str(f.location.code), f.location.path)
            for f in findings]


NAMES = ["nomenclature", "name-mismatch"]


def test_an_invisible_character_is_info_not_a_warning() -> None:
    looks_right = plan(act("1.06.02", "PROGRAM PEMBERDAYAAN SOSIAL", act(
        "1.06.02.2.01", "PEMBERDAYAAN SOSIAL KOMUNITAS ADAT TERPENCIL (KAT)",
        act("1.06.02.2.01.0001", "Fasilitasi\u200b Pemberdayaan Sosial KAT"),
        act("1.06.02.2.01.0002", "Peningkatan Kapasitas dan Pendampingan\u00a0KAT"),
        act("1.06.02.2.01.0003", "PENINGKATAN KEMAMPUAN POTENSI PEKERJA SOSIAL MASYARAKAT"))))
    official = {**OFFICIAL, "1.06.02.2.01.0003": OFFICIAL["1.06.02.2.03.0001"]}
    nomenclature = Nomenclature([Entry(Code.parse(c), Code.parse(c).level, name)
                                 for c, name in official.items()])
    found = check(looks_right, select=NAMES, nomenclature=nomenclature)
    assert summary(found) == [  # the program and kegiatan in capitals are not reported
        ("RS125", Severity.INFO, "T-C.27", "1.06.02.2.01.0001",
         "programs[0].children[0].children[0]"),
        ("RS125", Severity.INFO, "T-C.27", "1.06.02.2.01.0002",
         "programs[0].children[0].children[1]"),
        ("RS125", Severity.INFO, "T-C.27", "1.06.02.2.01.0003",
         "programs[0].children[0].children[2]"),
    ]
    zwsp, nbsp, shouted = found
    assert shouted.params["kinds"] == ["case"]  # a sub kegiatan row: not the tables' style
    assert zwsp.message() == (
        "sub kegiatan 1.06.02.2.01.0001 is named 'Fasilitasi\u200b Pemberdayaan Sosial KAT', "
        "the nomenclature 'Fasilitasi Pemberdayaan Sosial KAT': they differ only in an "
        "invisible character (U+200B)")
    assert zwsp.message("id") == (
        "sub kegiatan 1.06.02.2.01.0001 bernama 'Fasilitasi\u200b Pemberdayaan Sosial KAT', "
        "nomenklatur 'Fasilitasi Pemberdayaan Sosial KAT': hanya berbeda pada karakter tak "
        "terlihat (U+200B)")
    assert (zwsp.params["kinds"], zwsp.params["characters"]) == (["invisible"], ["U+200B"])
    assert (nbsp.params["kinds"], nbsp.params["characters"]) == (["spacing"], ["U+00A0"])


def test_a_difference_of_words_is_a_warning_and_not_also_info() -> None:
    wrong = plan(act("1.06.02", "PROGRAM PEMBERDAYAAN SOSIAL", act(
        "1.06.02.2.01", "Pemberdayaan Sosial Komunitas Adat Terpencil (KAT)",
        act("1.06.02.2.01.0001", "fasilitas pemberdayaan sosial KAT."))),
        budget=[row("1.06.02.2.03.0002",
                    "Pendataan, Verifikasi, dan Validasi Lembaga Kesejahteraan Sosial"),
                row("1.06.02.2.03.0001", "Peningkatan Kemampuan Potensi Pekerja Sosial")])
    found = check(wrong, select=NAMES, nomenclature=NOMENCLATURE)
    assert summary(found) == [
        ("RS122", Severity.WARNING, "T-C.27", "1.06.02.2.01.0001",
         "programs[0].children[0].children[0]"),
        ("RS123", Severity.WARNING, "T-C.24", "1.06.02.2.03.0001", "budget_table[1]"),
        ("RS125", Severity.INFO, "T-C.24", "1.06.02.2.03.0002", "budget_table[0]"),
    ]
    assert found[2].params["kinds"] == ["punctuation"]  # one comma, where the decree has two
    assert found[0].params["official"] == "Fasilitasi Pemberdayaan Sosial KAT"


def test_an_activity_read_from_tc24_is_reported_with_its_row() -> None:
    name = "Peningkatan Kapasitas dan Pendampingan kat"
    read = plan(act("1.06.02", "PROGRAM PEMBERDAYAAN SOSIAL", act(
        "1.06.02.2.01", "PEMBERDAYAAN SOSIAL KOMUNITAS ADAT TERPENCIL (KAT)",
        act("1.06.02.2.01.0002", name, table="T-C.24"), table="T-C.24"), table="T-C.24"),
        budget=[row("1.06.02.2.01.0002", name)])
    assert summary(check(read, select=NAMES, nomenclature=NOMENCLATURE)) == [
        ("RS125", Severity.INFO, "T-C.24", "1.06.02.2.01.0002", "budget_table[0]")]
    alone = plan(*read.programs)  # without the T-C.24 row, the activity itself
    assert summary(check(alone, select=NAMES, nomenclature=NOMENCLATURE)) == [
        ("RS125", Severity.INFO, "T-C.24", "1.06.02.2.01.0002",
         "programs[0].children[0].children[0]")]


# -- RS131 -------------------------------------------------------------------------------------


def two_names() -> Plan:
    """T-C.27 'Fasilitas …', T-C.24 'Fasilitasi …' (the official name), for 1.06.02.2.01.0001,
    and a code no nomenclature lists, named two ways; a third code whose names differ only in
    an invisible character."""
    return plan(
        act("1.06.02", "PROGRAM PEMBERDAYAAN SOSIAL", act(
            "1.06.02.2.01", "PEMBERDAYAAN SOSIAL KOMUNITAS ADAT TERPENCIL (KAT)",
            act("1.06.02.2.01.0001", "Fasilitas Pemberdayaan Sosial KAT"),
            act("1.06.02.2.01.0002", "Peningkatan Kapasitas dan Pendampingan KAT\u2060"),
            act("1.06.02.2.01.0009", "Sub kegiatan buatan"))),
        budget=[row("1.06.02.2.01.0001", "Fasilitasi Pemberdayaan Sosial KAT"),
                row("1.06.02.2.01.0002", "Peningkatan Kapasitas dan Pendampingan KAT"),
                row("1.06.02.2.01.0009", "Sub kegiatan karangan")],
    )


def test_rs131_without_a_nomenclature_compares_the_tables() -> None:
    found = check(two_names(), select=NAMES)
    assert summary(found) == [
        ("RS131", Severity.WARNING, "T-C.27", "1.06.02.2.01.0001",
         "programs[0].children[0].children[0]"),
        ("RS131", Severity.WARNING, "T-C.27", "1.06.02.2.01.0009",
         "programs[0].children[0].children[2]"),
    ]
    assert found[0].message() == (
        "1.06.02.2.01.0001 is named 'Fasilitas Pemberdayaan Sosial KAT' in T-C.27 but "
        "'Fasilitasi Pemberdayaan Sosial KAT' in T-C.24")


def test_rs131_leaves_to_rs122_and_rs123_the_codes_the_nomenclature_lists() -> None:
    found = check(two_names(), select=NAMES, nomenclature=NOMENCLATURE)
    assert summary(found) == [
        ("RS121", Severity.ERROR, "T-C.27", "1.06.02.2.01.0009",
         "programs[0].children[0].children[2]"),
        ("RS122", Severity.WARNING, "T-C.27", "1.06.02.2.01.0001",
         "programs[0].children[0].children[0]"),
        ("RS125", Severity.INFO, "T-C.27", "1.06.02.2.01.0002",
         "programs[0].children[0].children[1]"),
        # the code is not listed: only RS131 can tell that the two names differ
        ("RS131", Severity.WARNING, "T-C.27", "1.06.02.2.01.0009",
         "programs[0].children[0].children[2]"),
    ]
    assert found[1].params["official"] == "Fasilitasi Pemberdayaan Sosial KAT"
    assert found[2].params["characters"] == ["U+2060"]


# -- which activities RS122, RS124 and RS125 compare -------------------------------------------

WIDER = Nomenclature(
    [Entry(Code.parse(c), Code.parse(c).level, name) for c, name in {
        **OFFICIAL,
        "1.02.02": "PROGRAM PEMENUHAN UPAYA KESEHATAN",
        "1.02.02.2.01": "Penyediaan Fasilitas Pelayanan Kesehatan",
        "1.06.06": "PROGRAM PENANGANAN BENCANA",
        "1.06.06.2.01": "Perlindungan Sosial Korban Bencana Alam",
        "1.06.06.3.02": "Perlindungan Sosial Korban Bencana bagi Orang Asli Papua",
    }.items()],
    source="test",
)


def _unnamed(code: str, *children: Activity) -> Activity:
    parsed = Code.parse(code)
    return Activity(parsed, parsed.level, None, children=children, derived=True)


def test_the_name_rules_read_past_unnamed_and_foreign_activities() -> None:
    foreign = act("1.02.02", "PROGRAM KESEHATAN", act("1.02.02.2.01", "Fasilitas Kesehatan"))
    wrong = _unnamed("1.06.02", _unnamed(
        "1.06.02.2.01", act("1.06.02.2.01.0001", "Fasilitas Pemberdayaan Sosial KAT"),
        act("1.06.02.2.01.0002", "Peningkatan kapasitas dan Pendampingan KAT")))
    findings = check(plan(foreign, wrong), select=["RS122", "RS125"], nomenclature=WIDER)
    # the program of another bidang is RS111's: its names are not compared
    assert summary(findings) == [
        ("RS122", Severity.WARNING, "T-C.27", "1.06.02.2.01.0001",
         "programs[1].children[0].children[0]"),
        ("RS125", Severity.INFO, "T-C.27", "1.06.02.2.01.0002",
         "programs[1].children[0].children[1]"),
    ]


def test_an_activity_read_from_tc24_is_compared_where_its_row_names_it_otherwise() -> None:
    name = "Fasilitas Pemberdayaan Sosial KAT"
    read = plan(act("1.06.02", "PROGRAM PEMBERDAYAAN SOSIAL", act(
        "1.06.02.2.01", "PEMBERDAYAAN SOSIAL KOMUNITAS ADAT TERPENCIL (KAT)",
        act("1.06.02.2.01.0001", name, table="T-C.24"), table="T-C.24"), table="T-C.24"),
        budget=[row("1.06.02.2.01.0001", "Fasilitasi Pemberdayaan KAT"),
                row("1.06.02.2.01.0002", name)])  # the same name, of another code
    assert summary(check(read, select=["RS122", "RS123"], nomenclature=NOMENCLATURE)) == [
        ("RS122", Severity.WARNING, "T-C.24", "1.06.02.2.01.0001",
         "programs[0].children[0].children[0]"),
        ("RS123", Severity.WARNING, "T-C.24", "1.06.02.2.01.0001", "budget_table[0]"),
        ("RS123", Severity.WARNING, "T-C.24", "1.06.02.2.01.0002", "budget_table[1]"),
    ]


def test_rs125_on_tc24_reads_past_a_row_without_a_code_and_names_the_row() -> None:
    label = "Peningkatan Kapasitas dan Pendampingan kat"
    rows = [BudgetRow("JUMLAH", Level.PROGRAM, BudgetLine()), row("1.06.02.2.01.0002", label)]
    (finding,) = check(plan(budget=rows), select=["RS125"], nomenclature=NOMENCLATURE)
    assert (finding.location.table, finding.location.code, finding.location.path,
            finding.location.row) == ("T-C.24", Code.parse("1.06.02.2.01.0002"),
                                      "budget_table[1]", label)


def test_rs124_reads_past_ordinary_kegiatan_and_names_the_region() -> None:
    program = act("1.06.06", "PROGRAM PENANGANAN BENCANA",
                  act("1.06.06.2.01", "Perlindungan Sosial Korban Bencana Alam"),
                  act("1.06.06.3.02", "Perlindungan Sosial Korban Bencana bagi Orang Asli Papua"))
    findings = check(plan(program), select=["RS124"], nomenclature=WIDER)
    assert [(f.location, dict(f.params)) for f in findings] == [
        (Location("T-C.27", Code.parse("1.06.06.3.02"), None, "programs[0].children[1]"),
         {"code": "1.06.06.3.02",
          "name": "Perlindungan Sosial Korban Bencana bagi Orang Asli Papua", "digit": 3,
          "place": "Kabupaten Contoh, Nusa Tenggara Timur", "region": "Kabupaten Contoh",
          "province": "Nusa Tenggara Timur"}),
    ]
    assert findings[0].message() == (
        "kegiatan 1.06.06.3.02 'Perlindungan Sosial Korban Bencana bagi Orang Asli Papua' is a "
        "special-autonomy variant (type 3) meant for Aceh, Papua and the special regions, not "
        "for Kabupaten Contoh, Nusa Tenggara Timur")


# -- one spelling of codes ---------------------------------------------------------------------

PRINTED = re.compile(r"\b[0-9X] [0-9X]{2} [0-9]{2}\b")
"""A code as Renstra tables print it (``1 06 03``, ``1 06 01 2.02 01``)."""


def printed_codes(findings: Iterable[Finding]) -> list[tuple[str, str]]:
    return [(f.rule, text) for f in findings for lang in ("en", "id")
            if PRINTED.search(text := f.message(lang))]


def test_the_printed_pattern_finds_printed_codes() -> None:
    for text in ("1.06.03.2.01.0001", "1.06.02.2.01"):
        assert PRINTED.search(Code.parse(text).printed())
        assert not PRINTED.search(str(Code.parse(text)))


def test_no_message_on_ttu_prints_a_spaced_code() -> None:
    ttu = ttu_dinsos()
    assert printed_codes(check(ttu, expand=True)) == []
    small = load_nomenclature(DATA / "nomenclature-small.csv")
    assert printed_codes(check(ttu, nomenclature=small, expand=True)) == []
    rs233 = check(ttu, select=["RS233", "RS235"])
    assert [f.params["code"] for f in rs233][:2] == ["1.06.03", "1.06.05"]
    assert rs233[0].message() == (
        "Program 1.06.03 states no pagu for 2023, 2024, 2025, 2026, though its sub kegiatan do")
    assert rs233[-1].message() == "sub kegiatan 1.06.06.2.01.0004 states no location"


@pytest.mark.skipif(
    not os.environ.get("RENSTRA_NOMENCLATURE"), reason="RENSTRA_NOMENCLATURE is not set: see "
        "docs/getting-started.md, section Environment"
)
def test_no_message_on_ttu_prints_a_spaced_code_with_the_full_nomenclature() -> None:
    full = load_nomenclature(Path(os.environ["RENSTRA_NOMENCLATURE"]))
    found = check(ttu_dinsos(), nomenclature=full, expand=True)
    assert found
    assert printed_codes(found) == []


def test_no_message_on_a_defective_corpus_prints_a_spaced_code() -> None:
    nomenclature = catalogue()
    rules: set[str] = set()
    for generated in corpus(8, seed=6, defect_rate=1):
        found = check(generated.plan(), nomenclature=nomenclature, expand=True)
        rules |= {f.rule for f in found}
        assert printed_codes(found) == [], generated.path
        assert printed_codes(check(generated.plan(), nomenclature=nomenclature)) == []
    assert {"RS233", "RS235", "RS231", "RS122", "RS123"} <= rules


@pytest.mark.parametrize("shape", SHAPES)
def test_no_reading_note_prints_a_spaced_code(tmp_path: Path, shape: str) -> None:
    notes = 0
    for seed in range(3):
        made = generate_workbook(tmp_path / f"{seed}.xlsx", seed=seed, shape=shape,  # type: ignore[arg-type]
                                 defect_rate=1)
        found = check(read_workbook(made.path, start_year=made.years[0]).plan, expand=True)
        notes += sum(f.rule in ("RS001", "RS003") for f in found)
        assert printed_codes(found) == [], seed
    assert notes

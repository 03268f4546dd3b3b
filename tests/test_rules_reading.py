"""The edges of the ``import`` rules (RS001, RS004): a note the catalogue cannot render, the
length at which a note's content is cut, and where RS004 places derived parents of several
tables."""

from __future__ import annotations

from decimal import Decimal

import attrs

from renstra_model import Activity, BudgetLine, Code, Level, Plan, ReadingNote
from renstra_model.checks import check
from renstra_model.checks.findings import Finding, Location
from renstra_model.checks.rules.reading import SHOWN_CONTENT, shown
from renstra_model.model.provenance import Source
from strategies import minimal_plan


def _only(plan: Plan, rule: str) -> Finding:
    (finding,) = check(plan, select=[rule])
    return finding


def test_a_note_the_catalogue_cannot_render_states_its_key_and_every_parameter() -> None:
    note = ReadingNote("data", 3, "pagu", "other.version", {"a": "1", "b": "2"}, value="x")
    finding = _only(attrs.evolve(minimal_plan(), reading=(note,)), "RS001")
    assert finding.message() == "'data'!3 pagu: other.version (a=1, b=2); content not read: 'x'"
    assert finding.message("id") == (
        "'data'!3 pagu: other.version (a=1, b=2); isi yang tidak dibaca: 'x'")
    bare = attrs.evolve(note, params={})
    finding = _only(attrs.evolve(minimal_plan(), reading=(bare,)), "RS001")
    assert finding.message() == "'data'!3 pagu: other.version; content not read: 'x'"
    missing = attrs.evolve(note, key="excel.error_value", params={"other": "1"})
    finding = _only(attrs.evolve(minimal_plan(), reading=(missing,)), "RS001")
    assert finding.message() == (
        "'data'!3 pagu: excel.error_value (other=1); content not read: 'x'")


def test_content_is_cut_only_beyond_the_shown_length() -> None:
    exactly = "a" * SHOWN_CONTENT
    assert shown(exactly) == f"'{exactly}'"
    assert shown(exactly + "b") == f"'{'a' * (SHOWN_CONTENT - 1)}…'"


def _derived(code: str, *children: Activity, table: str | None = None) -> Activity:
    parsed = Code.parse(code)
    source = Source(table, code) if table else None
    return Activity(parsed, parsed.level, None, children=children, derived=True, source=source)


def _leaf(code: str) -> Activity:
    return Activity(Code.parse(code), Level.SUB_KEGIATAN, "sub", location="Kefamenanu",
                    budget=BudgetLine(planned={2022: Decimal(100)}))


def test_rs004_names_no_table_for_derived_parents_of_two_tables() -> None:
    programs = (
        _derived("1.06.02", _derived("1.06.02.2.01", _leaf("1.06.02.2.01.0001"))),
        _derived("1.06.04", _derived("1.06.04.2.01", _leaf("1.06.04.2.01.0001"),
                                     table="T-C.24"), table="T-C.24"),
    )
    finding = _only(attrs.evolve(minimal_plan(), programs=programs), "RS004")
    assert finding.location == Location(None, None, None, "programs", None)
    assert finding.params["shown"] == "1.06.02, 1.06.02.2.01, 1.06.04, 1.06.04.2.01"


def test_rs004_shows_five_derived_parents_without_an_ellipsis() -> None:
    programs = (
        _derived("1.06.02", *(_derived(f"1.06.02.2.0{k}", _leaf(f"1.06.02.2.0{k}.0001"))
                              for k in range(1, 5))),
    )
    finding = _only(attrs.evolve(minimal_plan(), programs=programs), "RS004")
    assert finding.params["shown"] == (
        "1.06.02, 1.06.02.2.01, 1.06.02.2.02, 1.06.02.2.03, 1.06.02.2.04")
    assert finding.message().endswith(": 1.06.02, 1.06.02.2.01, 1.06.02.2.02, 1.06.02.2.03, "
                                      "1.06.02.2.04")

"""One cause, one finding, where several rows carry it: a subtree coded under another bidang
(RS111, RS113, RS122), a wrong subtotal under a right one (RS101), and a fraction of a rupiah
that the activity tree adds into T-C.24's lowest row (RS301)."""

from __future__ import annotations

from decimal import Decimal

from renstra_model import (
    Activity,
    BudgetLine,
    BudgetRow,
    Code,
    Level,
    Organisation,
    Period,
    Plan,
)
from renstra_model.checks import check
from renstra_model.model.nomenclature import Entry, Nomenclature

D = Decimal


def _act(code: str, *children: Activity, name: str | None = None,
         planned: dict[int, Decimal] | None = None) -> Activity:
    parsed = Code.parse(code)
    return Activity(parsed, parsed.level, name or f"nama {code}", children=children,
                    budget=BudgetLine(planned=planned) if planned is not None else None,
                    location="Kefamenanu" if parsed.level is Level.SUB_KEGIATAN else None)


def _plan(*programs: Activity, budget_table: tuple[BudgetRow, ...] = ()) -> Plan:
    return Plan(
        title="Fixture",
        organisation=Organisation("Dinas Sosial", "Kabupaten Contoh",
                                  bidang_urusan=[Code.parse("1.06")]),
        period=Period(2021, 2022, 2026),
        programs=programs,
        budget_table=budget_table,
    )


def _found(plan: Plan, *rules: str, nomenclature: Nomenclature | None = None) -> list[
    tuple[str, str | None, int | None]
]:
    return [(f.rule, str(f.location.code) if f.location.code else f.location.row,
             f.location.year)
            for f in check(plan, select=list(rules), nomenclature=nomenclature)]


def _subtree(prefix: str) -> Activity:
    return _act(prefix,
                _act(f"{prefix}.2.01", _act(f"{prefix}.2.01.0001"), _act(f"{prefix}.2.01.0002")),
                _act(f"{prefix}.2.02", _act(f"{prefix}.2.02.0001")))


def test_a_subtree_under_another_bidang_is_one_rs111_at_its_top() -> None:
    plan = _plan(_subtree("1.06.02"), _subtree("1.02.02"))
    assert _found(plan, "RS111") == [("RS111", "1.02.02", None)]
    (finding,) = check(plan, select=["RS111"])
    assert finding.message() == (
        "code 1.02.02 belongs to bidang urusan 1.02, not to the agency's (1.06)")
    # two recoded subtrees are two causes
    assert _found(_plan(_subtree("1.02.02"), _subtree("1.03.02")), "RS111") == [
        ("RS111", "1.02.02", None), ("RS111", "1.03.02", None)]


def test_a_generic_subtree_is_one_rs113_at_its_top() -> None:
    plan = _plan(_subtree("X.XX.01"), _subtree("1.06.02"))
    assert _found(plan, "RS113") == [("RS113", "X.XX.01", None)]


def test_names_under_another_bidang_are_left_to_rs111() -> None:
    official = {
        "1.06.02.2.01.0001": "Fasilitasi Pemberdayaan Sosial KAT",
        "1.02.02.2.01.0001": "Pelayanan Kesehatan Penyakit Menular",
    }
    nomenclature = Nomenclature(
        [Entry(Code.parse(c), Code.parse(c).level, n) for c, n in official.items()],
        source="fixture")
    own = _act("1.06.02", _act("1.06.02.2.01", _act("1.06.02.2.01.0001", name="Fasilitas KAT")))
    foreign = _act("1.02.02", _act("1.02.02.2.01", _act("1.02.02.2.01.0001", name="Bantuan")))
    found = _found(_plan(own, foreign), "RS111", "RS122", nomenclature=nomenclature)
    assert found == [("RS111", "1.02.02", None), ("RS122", "1.06.02.2.01.0001", None)]
    # without a bidang to judge by, every name is compared
    unowned = Plan(title="Fixture", organisation=Organisation("Dinas", "Kabupaten Contoh"),
                   period=Period(2021, 2022, 2026), programs=(own, foreign))
    assert _found(unowned, "RS122", nomenclature=nomenclature) == [
        ("RS122", "1.06.02.2.01.0001", None), ("RS122", "1.02.02.2.01.0001", None)]


def test_a_wrong_kegiatan_subtotal_is_not_reported_again_on_its_program() -> None:
    sub = _act("1.06.02.2.01.0001", planned={2022: D(100)})
    other = _act("1.06.02.2.02.0001", planned={2022: D(50)})
    program = _act("1.06.02",
                   _act("1.06.02.2.01", sub, planned={2022: D(90)}),
                   _act("1.06.02.2.02", other, planned={2022: D(50)}),
                   planned={2022: D(150)})
    assert _found(_plan(program), "RS101") == [("RS101", "1.06.02.2.01", 2022)]
    # a program that agrees neither with its kegiatan nor with its sub kegiatan is reported
    wrong = _act("1.06.02", _act("1.06.02.2.01", sub, planned={2022: D(100)}),
                 planned={2022: D(120)})
    assert _found(_plan(wrong), "RS101") == [("RS101", "1.06.02", 2022)]


def test_a_fraction_the_tree_adds_into_tc24s_lowest_row_is_reported_once() -> None:
    half = _act("1.06.02.2.01.0001", planned={2022: D("100.5")})
    whole = _act("1.06.02.2.01.0002", planned={2022: D(100)})
    kegiatan = _act("1.06.02.2.01", half, whole, planned={2022: D("200.5")})
    rows = (BudgetRow("Kegiatan", Level.KEGIATAN, BudgetLine(planned={2022: D("200.5")}),
                      Code.parse("1.06.02.2.01")),)
    assert _found(_plan(_act("1.06.02", kegiatan), budget_table=rows), "RS301") == [
        ("RS301", "1.06.02.2.01.0001", 2022)]
    # a fraction of the T-C.24 row's own, which the tree does not have, is reported there
    own = (BudgetRow("Kegiatan", Level.KEGIATAN, BudgetLine(planned={2022: D("200.25")}),
                     Code.parse("1.06.02.2.01")),)
    assert _found(_plan(_act("1.06.02", kegiatan), budget_table=own), "RS301") == [
        ("RS301", "1.06.02.2.01.0001", 2022), ("RS301", "1.06.02.2.01", 2022)]
    assert check(_plan(_act("1.06.02", kegiatan), budget_table=own),
                 select=["RS301"])[1].location.table == "T-C.24"

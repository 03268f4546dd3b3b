"""The comparison of two versions of a plan (:mod:`renstra_model.cycle.diff`) and ``renstra
diff``: exact changes on edited TTU copies, every matching rule and guard, the symmetry as a
property, and the command line."""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

import pytest
from attrs import evolve
from hypothesis import given, settings
from hypothesis import strategies as st

from renstra_model import (
    NIL,
    Activity,
    BudgetLine,
    Code,
    Goal,
    Indicator,
    Level,
    Organisation,
    Period,
    Plan,
    Quantity,
    Target,
    save,
)
from renstra_model.cli import EXIT_FINDINGS, EXIT_INPUT, EXIT_OK, main
from renstra_model.cycle.diff import Change, Diff, YearTotal, diff, value_text
from renstra_model.examples import ttu_dinsos
from strategies import plans

TTU = ttu_dinsos()


def _replace(activity: Activity, code: Code, edit: Callable[[Activity], Activity | None]
             ) -> Activity | None:
    if activity.code == code:
        return edit(activity)
    children = (_replace(child, code, edit) for child in activity.children)
    return evolve(activity, children=tuple(c for c in children if c is not None))


def edited(plan: Plan, code: str, edit: Callable[[Activity], Activity | None]) -> Plan:
    """*plan* with the activity of *code* edited (None: removed)."""
    wanted = Code.parse(code)
    programs = (_replace(p, wanted, edit) for p in plan.programs)
    return evolve(plan, programs=tuple(p for p in programs if p is not None))


def _recoded(code: str) -> Callable[[Activity], Activity]:
    def edit(activity: Activity) -> Activity:
        return _with_code(activity, Code.parse(code))
    return edit


def _with_code(activity: Activity, code: Code) -> Activity:
    size = len(activity.code.segments)
    children = tuple(_with_code(c, Code.parse(".".join(code.segments + c.code.segments[size:])))
                     for c in activity.children)
    return evolve(activity, code=code, children=children)


def _more_target(activity: Activity) -> Activity:
    ind = activity.indicators[0]
    planned = dict(ind.planned)
    target = planned[2024]
    assert isinstance(target.amount, Decimal)
    planned[2024] = evolve(target, amount=target.amount + 5)
    return evolve(activity, indicators=(evolve(ind, planned=planned), *activity.indicators[1:]))


def ttu_revised() -> Plan:
    """TTU with one activity renamed, one recoded, one removed and one target changed."""
    plan = edited(TTU, "1.06.01.2.02.0002",
                  lambda a: evolve(a, name="Penyediaan Administrasi Tugas ASN"))
    plan = edited(plan, "1.06.01.2.05.0005", _recoded("1.06.01.2.05.0007"))
    plan = edited(plan, "1.06.07.2.01.0001", lambda a: None)
    return edited(plan, "1.06.04.2.01.0001", _more_target)


REVISED_CHANGES = (
    Change("changed", "1.06.01.2.02.0002", "name",
           old="Penyediaan Administrasi Pelaksanaan Tugas ASN",
           new="Penyediaan Administrasi Tugas ASN"),
    Change("changed", "1.06.01.2.05.0007", "code", old="1.06.01.2.05.0005",
           new="1.06.01.2.05.0007"),
    Change("changed", "1.06.04.2.01.0001", "target", 2024,
           Quantity(Decimal(100), "org"), Quantity(Decimal(105), "org"),
           indicator="Terealisasinya bantuan permakanaan bagi PMKS (Lansia)"),
    Change("removed", "1.06.07.2.01.0001", "activity",
           old="Rehabilitasi Sarana dan Prasarana Taman Makam Pahlawan Nasional Kabupaten/Kota"),
)


# -- TTU --------------------------------------------------------------------------------------


def test_ttu_against_itself_is_equal() -> None:
    result = diff(TTU, TTU)
    assert result.changes == ()
    assert result.equal
    assert result.totals == tuple(YearTotal(y, v, v) for y, v in (
        (2022, Decimal("4847753572")), (2023, Decimal("4091594846.5")),
        (2024, Decimal("7564020128")), (2025, Decimal("8064623984")),
        (2026, Decimal("9233106480"))))


def test_ttu_revised_gives_exactly_its_changes() -> None:
    result = diff(TTU, ttu_revised())
    assert result.changes == REVISED_CHANGES
    assert not result.equal
    # T-C.27: the removed sub kegiatan planned 10,000,000 in 2023 and 250,000,000 in 2024
    assert [(t.year, t.difference) for t in result.totals] == [
        (2022, 0), (2023, Decimal("-10000000")), (2024, Decimal("-250000000")), (2025, 0),
        (2026, 0)]
    assert [c.difference for c in result.changes] == [None, None, Decimal(5), None]


def test_the_reverse_diff_mirrors_each_change() -> None:
    result = diff(ttu_revised(), TTU)
    assert result.changes == (
        Change("changed", "1.06.01.2.02.0002", "name", old="Penyediaan Administrasi Tugas ASN",
               new="Penyediaan Administrasi Pelaksanaan Tugas ASN"),
        Change("changed", "1.06.01.2.05.0005", "code", old="1.06.01.2.05.0007",
               new="1.06.01.2.05.0005"),
        Change("changed", "1.06.04.2.01.0001", "target", 2024,
               Quantity(Decimal(105), "org"), Quantity(Decimal(100), "org"),
               indicator="Terealisasinya bantuan permakanaan bagi PMKS (Lansia)"),
        Change("added", "1.06.07.2.01.0001", "activity", new="Rehabilitasi Sarana dan "
               "Prasarana Taman Makam Pahlawan Nasional Kabupaten/Kota"),
    )
    assert tuple(c.mirror() for c in REVISED_CHANGES) == result.changes


def test_a_recoded_kegiatan_is_one_change_not_one_per_child() -> None:
    revised = edited(TTU, "1.06.01.2.02", _recoded("1.06.01.2.03"))
    assert diff(TTU, revised).changes == (
        Change("changed", "1.06.01.2.03", "code", old="1.06.01.2.02", new="1.06.01.2.03"),)


def test_the_mirror_of_a_diff_maps_the_changes_below_a_recoded_activity() -> None:
    def edit(activity: Activity) -> Activity:
        moved = _with_code(activity, Code.parse("1.06.01.2.03"))
        first, *rest = moved.children
        assert first.budget is not None
        planned = {**first.budget.planned, 2022: Decimal(1)}
        return evolve(moved, children=(evolve(first, budget=BudgetLine(planned=planned)),
                                       *rest))

    revised = edited(TTU, "1.06.01.2.02", edit)
    forward, backward = diff(TTU, revised), diff(revised, TTU)
    assert forward.changes == (
        Change("changed", "1.06.01.2.03", "code", old="1.06.01.2.02", new="1.06.01.2.03"),
        Change("changed", "1.06.01.2.03.0001", "pagu", 2022, Decimal("1755772639"),
               Decimal(1)),
    )
    assert backward.changes[1] == Change("changed", "1.06.01.2.02.0001", "pagu", 2022,
                                         Decimal(1), Decimal("1755772639"))
    assert forward.mirror() == backward


def test_a_child_renumbered_under_a_recoded_parent_is_its_own_change() -> None:
    def edit(activity: Activity) -> Activity:
        moved = _with_code(activity, Code.parse("1.06.01.2.03"))
        first, *rest = moved.children
        return evolve(moved, children=(_with_code(first, Code.parse("1.06.01.2.03.0009")),
                                       *rest))

    assert diff(TTU, edited(TTU, "1.06.01.2.02", edit)).changes == (
        Change("changed", "1.06.01.2.03", "code", old="1.06.01.2.02", new="1.06.01.2.03"),
        Change("changed", "1.06.01.2.03.0009", "code", old="1.06.01.2.02.0001",
               new="1.06.01.2.03.0009"),
    )


def test_ttu_renja_against_the_renstra_keeps_the_years_apart() -> None:
    from renstra_model.cycle.renja import renja

    result = diff(TTU, renja(TTU, 2023))
    # the other years' pagu and targets removed, the baselines now the targets of 2022 (the
    # goals' indicators state none in the Renstra); subtotals and totals follow their parts
    assert Counter((c.field, c.kind) for c in result.changes) == {
        ("activity", "removed"): 6, ("pagu", "removed"): 126, ("target", "removed"): 156,
        ("baseline", "changed"): 25, ("baseline", "added"): 18}
    assert [t for t in result.totals if t.year == 2023] == [
        YearTotal(2023, Decimal("4091594846.5"), Decimal("4091594846.5"))]


# -- the rules, on small plans ----------------------------------------------------------------

PERIOD = Period(2024, 2025, 2026)


def sub(number: str, name: str | None = "s", pagu: int | None = 5, *,
        indicators: tuple[Indicator, ...] = (), kegiatan: str = "1.06.02.2.01") -> Activity:
    budget = None if pagu is None else BudgetLine(planned={2025: pagu})
    return Activity(f"{kegiatan}.{number}", name=name, budget=budget, indicators=indicators)


def plan(*kegiatan: Activity, **kw: object) -> Plan:
    return Plan(title="t", organisation=Organisation("o", "r"), period=PERIOD,
                programs=(Activity("1.06.02", name="p", children=kegiatan),),
                **kw)  # type: ignore[arg-type]


def keg(*subs: Activity, code: str = "1.06.02.2.01", budget: BudgetLine | None = None,
        name: str = "k", derived: bool = False) -> Activity:
    return Activity(code, name=name, children=subs, budget=budget, derived=derived)


def test_a_recoding_needs_the_same_parent_or_the_same_content() -> None:
    old = plan(keg(sub("0001", "Same")), keg(code="1.06.02.2.02"))
    # same name, same content, another parent: recoded
    moved = plan(keg(), keg(sub("0001", "Same", kegiatan="1.06.02.2.02"), code="1.06.02.2.02"))
    assert diff(old, moved).changes == (
        Change("changed", "1.06.02.2.02.0001", "code", old="1.06.02.2.01.0001",
               new="1.06.02.2.02.0001"),)
    # same name, other content, another parent: removed and added
    other = plan(keg(), keg(sub("0001", "Same", 6, kegiatan="1.06.02.2.02"),
                            code="1.06.02.2.02"))
    assert diff(old, other).changes == (
        Change("removed", "1.06.02.2.01.0001", "activity", old="Same"),
        Change("added", "1.06.02.2.02.0001", "activity", new="Same"),
    )
    # same parent, other content, a name that differs only in case and spacing: recoded
    renumbered = plan(keg(sub("0002", " same ", 9)), keg(code="1.06.02.2.02"))
    assert diff(old, renumbered).changes == (
        Change("changed", "1.06.02.2.01.0002", "code", old="1.06.02.2.01.0001",
               new="1.06.02.2.01.0002"),
        Change("changed", "1.06.02.2.01.0002", "name", old="Same", new=" same "),
        Change("changed", "1.06.02.2.01.0002", "pagu", 2025, Decimal(5), Decimal(9)),
    )


def test_no_recoding_where_a_name_is_missing_differs_or_has_two_partners() -> None:
    old = plan(keg(sub("0001", None)))
    new = plan(keg(sub("0002", None)))
    assert [c.kind for c in diff(old, new).changes] == ["removed", "added"]
    old = plan(keg(sub("0001", "a")))
    new = plan(keg(sub("0002", "b")))
    assert [c.kind for c in diff(old, new).changes] == ["removed", "added"]
    old = plan(keg(sub("0001", "twin")))
    new = plan(keg(sub("0002", "twin"), sub("0003", "twin")))
    assert diff(old, new).changes == (
        Change("removed", "1.06.02.2.01.0001", "activity", old="twin"),
        Change("added", "1.06.02.2.01.0002", "activity", new="twin"),
        Change("added", "1.06.02.2.01.0003", "activity", new="twin"),
    )


def test_names_added_and_removed() -> None:
    old, new = plan(keg(sub("0001", None))), plan(keg(sub("0001", "named")))
    assert diff(old, new).changes == (
        Change("added", "1.06.02.2.01.0001", "name", new="named"),)
    assert diff(new, old).changes == (
        Change("removed", "1.06.02.2.01.0001", "name", old="named"),)


def test_pagu_per_year_and_subtotals_that_are_roll_ups() -> None:
    def version(leaf: int, subtotal: int, total: int, stated: int | None = None) -> Plan:
        k = keg(sub("0001", pagu=leaf), budget=BudgetLine(planned={2025: subtotal}))
        return plan(k, total_budget=BudgetLine(planned={2025: total}, planned_total=stated))

    # the leaf's change is the change; the subtotal and the total follow it
    assert diff(version(5, 5, 5), version(8, 8, 8)).changes == (
        Change("changed", "1.06.02.2.01.0001", "pagu", 2025, Decimal(5), Decimal(8)),)
    # a subtotal and a total that change by themselves are changes of their own
    assert diff(version(5, 5, 5), version(5, 6, 7)).changes == (
        Change("changed", "1.06.02.2.01", "pagu", 2025, Decimal(5), Decimal(6)),
        Change("changed", None, "total", 2025, Decimal(5), Decimal(7)),
    )
    # a year stated in one version only
    old = plan(keg(sub("0001", pagu=None)))
    new = plan(keg(sub("0001", pagu=3)))
    assert diff(old, new).changes == (
        Change("added", "1.06.02.2.01.0001", "pagu", 2025, None, Decimal(3)),)
    assert diff(new, old).changes == (
        Change("removed", "1.06.02.2.01.0001", "pagu", 2025, Decimal(3), None),)


def test_a_stated_nil_subtotal_over_nil_children_is_a_roll_up() -> None:
    def version(cell: object) -> Plan:
        leaf = Activity("1.06.02.2.01.0001", name="s",
                        budget=BudgetLine(planned={2025: cell}))  # type: ignore[dict-item]
        return plan(keg(leaf, budget=BudgetLine(planned={2025: cell})))  # type: ignore[dict-item]

    assert diff(version(NIL), version(0)).changes == (
        Change("changed", "1.06.02.2.01.0001", "pagu", 2025, NIL, Decimal(0)),)


def test_the_end_of_period_pagu_is_compared_unless_it_is_the_sum_of_the_years() -> None:
    def version(years: dict[int, int], total: int | None) -> Plan:
        leaf = Activity("1.06.02.2.01.0001", name="s",
                        budget=BudgetLine(planned=years, planned_total=total))
        return plan(keg(leaf))

    assert diff(version({2025: 1, 2026: 2}, 3), version({2025: 1, 2026: 4}, 5)).changes == (
        Change("changed", "1.06.02.2.01.0001", "pagu", 2026, Decimal(2), Decimal(4)),)
    assert diff(version({2025: 1}, 1), version({2025: 1}, 2)).changes == (
        Change("changed", "1.06.02.2.01.0001", "pagu_total", None, Decimal(1), Decimal(2)),)
    assert diff(version({2025: 1}, None), version({2025: 1}, 1)).changes == ()
    assert diff(version({2025: 1}, None), version({2025: 1}, 4)).changes == (
        Change("added", "1.06.02.2.01.0001", "pagu_total", None, None, Decimal(4)),)


def test_derived_activities_compare_no_money() -> None:
    old = plan(keg(sub("0001", pagu=5), derived=True, budget=BudgetLine(planned={2025: 5})))
    new = plan(keg(sub("0001", pagu=5), derived=True, budget=BudgetLine(planned={2025: 9})))
    assert diff(old, new).changes == ()


def _ind(name: str | None, **kw: object) -> Indicator:
    return Indicator(name=name, **kw)  # type: ignore[arg-type]


def test_indicators_of_an_activity() -> None:
    q = Quantity
    old = plan(keg(sub("0001", indicators=(
        _ind("a", planned={2025: q(Decimal(1), "org")}, baseline=q(Decimal(0)),
             end_of_period=q(Decimal(2))),
        _ind("gone"),
        _ind(None), _ind(None, planned={2025: q(Decimal(1))}),
    ))))
    new = plan(keg(sub("0001", indicators=(
        _ind("a", planned={2025: q(Decimal(1), "kali"), 2026: q(Decimal(3))},
             baseline=q(Decimal(1)), end_of_period=None),
        _ind("came"),
        _ind(None), _ind(None, planned={2025: q(Decimal(4))}),
    ))))
    code = "1.06.02.2.01.0001"
    assert diff(old, new).changes == (
        Change("removed", code, "indicator", old="gone", indicator="gone"),
        Change("added", code, "indicator", new="came", indicator="came"),
        Change("added", code, "target", 2026, None, q(Decimal(3)), indicator="a"),
        Change("changed", code, "target", 2025, q(Decimal(1)), q(Decimal(4))),
        Change("changed", code, "target", 2025, q(Decimal(1), "org"), q(Decimal(1), "kali"),
               indicator="a"),
        Change("changed", code, "baseline", None, q(Decimal(0)), q(Decimal(1)), indicator="a"),
        Change("removed", code, "end_of_period", None, q(Decimal(2)), None, indicator="a"),
    )


def test_goals_sasaran_and_their_indicators() -> None:
    q = Quantity
    old = plan(goals=(Goal("g1", targets=(Target("s1", indicators=(
        _ind("x", planned={2025: q(Decimal(1))}),)),)), Goal("g2")))
    new = plan(goals=(Goal("g1 revised", targets=(Target("s2", indicators=(
        _ind("x", planned={2025: q(Decimal(2))}),)),)), Goal("g2"), Goal("g2")))
    assert diff(old, new).changes == (
        Change("removed", None, "goal", old="g1"),
        Change("added", None, "goal", new="g1 revised"),
        Change("added", None, "goal", new="g2"),
        Change("removed", None, "sasaran", old="s1"),
        Change("added", None, "sasaran", new="s2"),
        Change("changed", None, "target", 2025, q(Decimal(1)), q(Decimal(2)), indicator="x"),
    )


def test_a_change_and_its_difference() -> None:
    q = Quantity
    assert Change("changed", "c", "pagu", 2025, Decimal(5), Decimal(8)).difference == 3
    assert Change("changed", "c", "pagu", 2025, NIL, Decimal(8)).difference is None
    assert Change("added", "c", "pagu", 2025, None, Decimal(8)).difference is None
    assert Change("changed", "c", "target", 2025, q(Decimal(1), "a"),
                  q(Decimal(2), "a")).difference == 1
    assert Change("changed", "c", "target", 2025, q(Decimal(1), "a"),
                  q(Decimal(2), "b")).difference is None
    assert Change("changed", "c", "target", 2025, q(Decimal(1), "a"),
                  q(Decimal(2), "a", also=(q(Decimal(1), "b"),))).difference is None
    assert Change("changed", "c", "target", 2025, q(NIL), q(Decimal(2))).difference is None
    assert Change("changed", "c", "name", old="a", new="b").difference is None


def test_json_of_a_diff() -> None:
    q = Quantity
    result = Diff(
        (Change("changed", "1.06.02", "pagu", 2025, Decimal("1.5"), NIL),
         Change("changed", "1.06.02", "target", 2025, q(Decimal(1), "org"),
                q(Decimal("2.5"), "org"), indicator="i")),
        (YearTotal(2025, Decimal("1.5"), None),),
    )
    assert result.to_dict() == {
        "changes": [
            {"kind": "changed", "code": "1.06.02", "field": "pagu", "year": 2025,
             "indicator": None, "old": "1.5", "new": "-", "difference": None},
            {"kind": "changed", "code": "1.06.02", "field": "target", "year": 2025,
             "indicator": "i", "old": "1 org", "new": "2.5 org", "difference": "1.5"},
        ],
        "totals": [{"year": 2025, "old": "1.5", "new": None, "difference": "-1.5"}],
    }
    assert [value_text(v) for v in (None, "a", Decimal("1E+3"), NIL, q(Decimal(1)))] == [
        None, "a", "1000", "-", "1"]


# -- properties -------------------------------------------------------------------------------


@settings(deadline=None, max_examples=40)
@given(a=plans(), b=plans())
def test_a_diff_and_its_reverse_mirror_each_other(a: Plan, b: Plan) -> None:
    assert diff(a, a).changes == ()
    forward, backward = diff(a, b), diff(b, a)
    assert forward.mirror() == backward
    assert [(t.year, t.old, t.new) for t in forward.totals] == [
        (t.year, t.new, t.old) for t in backward.totals]


def _leaves(plan: Plan) -> list[Activity]:
    return [a for _, a in plan.activities() if not a.children]


def _setting(**changes: object) -> Callable[[Activity], Activity]:
    def edit(activity: Activity) -> Activity:
        return evolve(activity, **changes)  # type: ignore[arg-type]
    return edit


@st.composite
def revisions(draw: st.DrawFn) -> tuple[Plan, Plan]:
    """A plan with at least one leaf, and a revision of it: a leaf renamed, recoded,
    removed, or its pagu changed, once or several times."""
    base = draw(plans().filter(lambda p: any(a.level is Level.SUB_KEGIATAN
                                             for a in _leaves(p))))
    revised = base
    for _ in range(draw(st.integers(1, 3))):
        leaves = [a for a in _leaves(revised) if a.level is Level.SUB_KEGIATAN]
        if not leaves:
            break
        leaf = draw(st.sampled_from(leaves))
        kind = draw(st.sampled_from(["rename", "recode", "remove", "pagu"]))
        if kind == "rename":
            revised = edited(revised, str(leaf.code), lambda a: evolve(a, name=a.name or "x"
                                                                       + "-revised"))
        elif kind == "recode":
            taken = {a.code for _, a in revised.activities()}
            parent = leaf.code.parent
            assert parent is not None
            free = [n for n in range(1, 30)
                    if Code.parse(f"{parent}.{n:04d}") not in taken]
            target = Code.parse(f"{parent}.{draw(st.sampled_from(free)):04d}")
            revised = edited(revised, str(leaf.code), _setting(code=target))
        elif kind == "remove" and all(i.id is None for i in leaf.indicators):
            revised = edited(revised, str(leaf.code), lambda a: None)
        else:
            line = BudgetLine(planned={revised.period.first_year: draw(st.integers(0, 10**9))})
            revised = edited(revised, str(leaf.code), _setting(budget=line))
    return base, revised


@settings(deadline=None, max_examples=60)
@given(pair=revisions())
def test_a_revision_and_its_reverse_mirror_each_other(pair: tuple[Plan, Plan]) -> None:
    old, new = pair
    forward, backward = diff(old, new), diff(new, old)
    assert forward.mirror() == backward
    assert forward.equal == backward.equal == (forward.changes == ())
    assert diff(new, new).changes == ()


# -- the command line -------------------------------------------------------------------------


def test_cli_equal_plans_exit_0(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["diff", "ttu-dinsos", "ttu-dinsos", "--lang", "en"]) == EXIT_OK
    assert capsys.readouterr().out == (
        "No changes.\n\nTotals per year\n"
        "  2022: 4847753572 → 4847753572 (0)\n"
        "  2023: 4091594846.5 → 4091594846.5 (0)\n"
        "  2024: 7564020128 → 7564020128 (0)\n"
        "  2025: 8064623984 → 8064623984 (0)\n"
        "  2026: 9233106480 → 9233106480 (0)\n")


@pytest.fixture
def revised_file(tmp_path: Path) -> Path:
    return save(ttu_revised(), tmp_path / "revised.json")


def test_cli_text_in_both_languages(
    revised_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["diff", "ttu-dinsos", str(revised_file), "--lang", "en"]) == EXIT_FINDINGS
    assert capsys.readouterr().out == (
        "1.06.01.2.02.0002 Penyediaan Administrasi Tugas ASN\n"
        "  renamed: Penyediaan Administrasi Pelaksanaan Tugas ASN → Penyediaan "
        "Administrasi Tugas ASN\n"
        "\n"
        "1.06.01.2.05.0007 Monitoring, Evaluasi, dan Penilaian Kinerja Pegawai\n"
        "  recoded: 1.06.01.2.05.0005 → 1.06.01.2.05.0007\n"
        "\n"
        "1.06.04.2.01.0001 Penyediaan Permakanaan\n"
        "  target 2024 of Terealisasinya bantuan permakanaan bagi PMKS (Lansia): 100 org → "
        "105 org (+5)\n"
        "\n"
        "1.06.07.2.01.0001 Rehabilitasi Sarana dan Prasarana Taman Makam Pahlawan Nasional "
        "Kabupaten/Kota\n"
        "  removed: Rehabilitasi Sarana dan Prasarana Taman Makam Pahlawan Nasional "
        "Kabupaten/Kota\n"
        "\n"
        "Totals per year\n"
        "  2022: 4847753572 → 4847753572 (0)\n"
        "  2023: 4091594846.5 → 4081594846.5 (-10000000)\n"
        "  2024: 7564020128 → 7314020128 (-250000000)\n"
        "  2025: 8064623984 → 8064623984 (0)\n"
        "  2026: 9233106480 → 9233106480 (0)\n")
    assert main(["diff", str(revised_file), "ttu-dinsos", "--lang", "id"]) == EXIT_FINDINGS
    out = capsys.readouterr().out
    assert out.splitlines()[:5] == [
        "1.06.01.2.02.0002 Penyediaan Administrasi Pelaksanaan Tugas ASN",
        "  nama diubah: Penyediaan Administrasi Tugas ASN → Penyediaan Administrasi "
        "Pelaksanaan Tugas ASN",
        "",
        "1.06.01.2.05.0005 Monitoring, Evaluasi, dan Penilaian Kinerja Pegawai",
        "  kode diubah: 1.06.01.2.05.0007 → 1.06.01.2.05.0005",
    ]
    assert "  ditambahkan: Rehabilitasi Sarana" in out
    assert "Total per tahun\n  2022: 4847753572 → 4847753572 (0)\n" in out


def test_cli_json(revised_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["diff", "ttu-dinsos", str(revised_file), "--format", "json"]) == EXIT_FINDINGS
    data = json.loads(capsys.readouterr().out)
    assert data == diff(TTU, ttu_revised()).to_dict()
    assert set(data) == {"changes", "totals"}
    assert [set(c) for c in data["changes"]] == [
        {"kind", "code", "field", "year", "indicator", "old", "new", "difference"}] * 4
    assert data["changes"][2] == {
        "kind": "changed", "code": "1.06.04.2.01.0001", "field": "target", "year": 2024,
        "indicator": "Terealisasinya bantuan permakanaan bagi PMKS (Lansia)",
        "old": "100 org", "new": "105 org", "difference": "5"}
    assert data["totals"][1] == {"year": 2023, "old": "4091594846.5",
                                 "new": "4081594846.5", "difference": "-10000000"}


def test_cli_markdown(revised_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["diff", "ttu-dinsos", str(revised_file), "--format", "markdown",
                 "--lang", "en"]) == EXIT_FINDINGS
    lines = capsys.readouterr().out.splitlines()
    assert lines[:4] == [
        "| kind | code | field | indicator | year | old | new | difference |",
        "| --- | --- | --- | --- | --- | --- | --- | --- |",
        "| changed | 1.06.01.2.02.0002 | name |  |  | Penyediaan Administrasi Pelaksanaan "
        "Tugas ASN | Penyediaan Administrasi Tugas ASN |  |",
        "| changed | 1.06.01.2.05.0007 | code |  |  | 1.06.01.2.05.0005 | 1.06.01.2.05.0007 "
        "|  |",
    ]
    assert lines[6:9] == ["", "| year | old | new | difference |", "| --- | --- | --- | --- |"]
    assert lines[10] == "| 2023 | 4091594846.5 | 4081594846.5 | -10000000 |"
    assert main(["diff", "ttu-dinsos", "ttu-dinsos", "--format", "markdown",
                 "--lang", "id"]) == EXIT_OK
    assert capsys.readouterr().out.splitlines()[:3] == [
        "| jenis | kode | isian | indikator | tahun | lama | baru | selisih |",
        "| --- | --- | --- | --- | --- | --- | --- | --- |", ""]


def test_cli_markdown_escapes_pipes(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Cells as the tables' Markdown writes them: ``|`` escaped, a line break as ``<br>``,
    HTML as text."""
    old = save(plan(keg(sub("0001", "a|b"))), tmp_path / "old.json")
    new = save(plan(keg(sub("0001", "a\nb"))), tmp_path / "new.json")
    assert main(["diff", str(old), str(new), "--format", "markdown"]) == EXIT_FINDINGS
    assert capsys.readouterr().out.splitlines()[2] == (
        "| changed | 1.06.02.2.01.0001 | name |  |  | a\\|b | a<br>b |  |")
    html = save(plan(keg(sub("0001", "<script>x</script>"))), tmp_path / "html.json")
    assert main(["diff", str(old), str(html), "--format", "markdown"]) == EXIT_FINDINGS
    assert capsys.readouterr().out.splitlines()[2] == (
        "| changed | 1.06.02.2.01.0001 | name |  |  | a\\|b | &lt;script&gt;x&lt;/script&gt; |  |")


def test_cli_unnamed_values_and_plan_changes(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    old = save(plan(keg(sub("0001", None)), goals=(Goal("g"),)), tmp_path / "old.json")
    new = save(plan(keg(), goals=(Goal("h"),)), tmp_path / "new.json")
    assert main(["diff", str(old), str(new), "--lang", "en"]) == EXIT_FINDINGS
    assert capsys.readouterr().out.splitlines()[:6] == [
        "1.06.02.2.01.0001",
        "  removed: (unnamed)",
        "",
        "The plan",
        "  goal removed: g",
        "  goal added: h",
    ]


def test_cli_unusable_input_exit_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["diff", "ttu-dinsos", "no-such-plan", "--lang", "en"]) == EXIT_INPUT
    assert "no-such-plan" in capsys.readouterr().err
    broken = tmp_path / "broken.json"
    broken.write_text("{", encoding="utf-8")
    assert main(["diff", str(broken), "ttu-dinsos"]) == EXIT_INPUT
    assert capsys.readouterr().out == ""

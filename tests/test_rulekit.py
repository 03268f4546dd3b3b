"""What the rules of one check share: the plan index (activities, indicator sites, roll-ups)
and :meth:`Context.shared`. Sharing must change nothing but the time: every rule finds the
same on a shared context as on a context of its own."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from renstra_model import Activity, Plan
from renstra_model.calculators.growth import mean_growth, year_on_year
from renstra_model.calculators.rollups import children_sum, rollup
from renstra_model.checks import check, select_rules
from renstra_model.checks.registry import Context
from renstra_model.checks.rulekit import PlanIndex, indicator_sites
from renstra_model.examples import ttu_dinsos
from renstra_model.synthetic import generate
from strategies import money, plans


def _walk(activity: Activity, path: str) -> Iterator[tuple[str, Activity]]:
    """The tree walk as a recursion: the reference for the iterative ``Activity.walk``."""
    yield path, activity
    for i, child in enumerate(activity.children):
        yield from _walk(child, f"{path}.children[{i}]" if path else f"children[{i}]")


def _assert_index_agrees(plan: Plan) -> None:
    index = PlanIndex(plan)
    expected = [
        pair for i, program in enumerate(plan.programs) for pair in _walk(program, f"programs[{i}]")
    ]
    assert list(index.activities) == expected
    assert [path for path, _ in expected] == [path for path, _ in plan.activities()]
    assert list(index.sites) == list(indicator_sites(plan))
    assert index.years == plan.period.years
    for _, activity in index.activities:
        for field in ("planned", "realised"):
            rolled = index.rollup(activity, field)
            assert list(rolled.items()) == list(rollup(activity, field).items())
            summed = index.children_sum(activity, field)
            assert list(summed.items()) == list(children_sum(activity, field).items())


@given(plans(max_programs=3))
def test_the_index_agrees_with_the_plan_and_the_calculators(plan: Plan) -> None:
    _assert_index_agrees(plan)


def test_the_index_of_the_ttu_plan() -> None:
    _assert_index_agrees(ttu_dinsos())


@settings(max_examples=20, deadline=None)
@given(st.integers(0, 10_000), st.sampled_from(["0", "0.3", "1"]))
def test_sharing_changes_no_finding(number: int, rate: str) -> None:
    """Each rule on a context of its own finds what the whole check finds on one context."""
    plan = generate(number, seed=3, defect_rate=rate).plan()
    alone = [f for r in select_rules() for f in r.run(Context(plan))]
    assert check(plan) == alone


def test_sharing_changes_no_finding_of_the_ttu_plan() -> None:
    plan = ttu_dinsos()
    alone = [f for r in select_rules() for f in r.run(Context(plan))]
    assert check(plan) == alone
    assert alone


def test_shared_computes_once_per_context() -> None:
    calls: list[Context] = []

    def compute(context: Context) -> object:
        calls.append(context)
        return object()

    plan = ttu_dinsos()
    first, second = Context(plan), Context(plan)
    assert first.shared(compute) is first.shared(compute)
    assert second.shared(compute) is not first.shared(compute)
    assert calls == [first, second]
    assert first == second  # the index and the shared values are not part of equality


@given(st.dictionaries(st.integers(2020, 2027), money(), max_size=7))
def test_mean_growth_is_the_mean_of_the_yearly_growth(series: dict[int, Decimal]) -> None:
    rates = list(year_on_year(series).values())
    mean = mean_growth(series)
    defined = [r for r in rates if isinstance(r, Decimal)]
    if not rates:
        assert not isinstance(mean, Decimal)
    elif len(defined) < len(rates):
        assert mean == next(r for r in rates if not isinstance(r, Decimal))
    else:
        assert isinstance(mean, Decimal)
        expected = sum(defined, Decimal(0)) / len(defined)
        assert abs(mean - expected) <= abs(expected) * Decimal("1e-25")

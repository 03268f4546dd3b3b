"""The registry of compliance rules, and the engine that runs them.

A rule is a small pure function from a :class:`Context` (the plan, and the nomenclature when
one is given) to the defects it finds, each a :class:`Found` (where, and the values compared).
The engine turns them into :class:`~renstra_model.checks.findings.Finding` records carrying the
rule's id, family and severity. Rules never raise for a defect of the plan: defects are data.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from typing import TYPE_CHECKING, Any, Final, TypeVar

from attrs import field, frozen

from ..model.plan import Plan
from .findings import Finding, Location, Severity, Text
from .rulekit import PlanIndex

if TYPE_CHECKING:
    from ..model.nomenclature import Nomenclature

T = TypeVar("T")

FAMILIES: Final = (
    "import",
    "hierarchy-sum",
    "code-syntax",
    "nomenclature",
    "name-mismatch",
    "stated-percentage",
    "end-of-period",
    "cross-table",
    "missing-value",
    "whole-rupiah",
    "unfunded-target",
    "missing-ratio",
    "statistic-label",
    "future-realisation",
)
"""Every family of rules, in the order of their ids."""


@frozen
class Context:
    """What a rule sees: the plan, the nomenclature when the user gave one, and the
    :class:`~renstra_model.checks.rulekit.PlanIndex` of the plan that the rules of one check
    share."""

    plan: Plan
    nomenclature: Nomenclature | None = None
    index: PlanIndex = field(init=False, eq=False, repr=False)
    _shared: dict[Callable[[Context], Any], Any] = field(
        init=False, eq=False, repr=False, factory=dict
    )

    @index.default
    def _index(self) -> PlanIndex:
        return PlanIndex(self.plan)

    def shared(self, compute: Callable[[Context], T]) -> T:
        """``compute(self)``, computed once per context: what several rules derive alike
        (the plan and the nomenclature do not change during a check)."""
        try:
            found: T = self._shared[compute]
        except KeyError:
            found = self._shared[compute] = compute(self)
        return found


@frozen
class Found:
    """A defect as a rule reports it; the engine adds the rule's id, family and severity."""

    location: Location
    params: Mapping[str, Any] = field(factory=dict)
    severity: Severity | None = None
    """A severity other than the rule's default, where the rule knows better."""


Check = Callable[[Context], Iterable[Found]]


@frozen
class Rule:
    """A compliance rule: a stable id, a family, a default severity, texts in both
    languages, an example, and the check itself."""

    id: str
    family: str
    severity: Severity
    title: Text
    message: Text
    why: Text
    """Why the rule matters for a Renstra."""
    example: str
    """A defect the rule reports, in the words of a plan (for ``renstra rules ID``)."""
    check: Check = field(repr=False, eq=False)
    needs_nomenclature: bool = False

    def run(self, context: Context) -> Iterator[Finding]:
        """The rule's findings on *context*."""
        if self.needs_nomenclature and context.nomenclature is None:
            return
        for found in self.check(context):
            yield Finding(
                self.id,
                self.family,
                found.severity or self.severity,
                found.location,
                found.params,
                template=self.message,
            )


RULES: dict[str, Rule] = {}
"""Every registered rule by id, in registration order."""


def rule(
    id: str,
    family: str,
    severity: Severity,
    *,
    title: Text,
    message: Text,
    why: Text,
    example: str,
    needs_nomenclature: bool = False,
) -> Callable[[Check], Check]:
    """Register the decorated function as the check of rule *id*."""
    if family not in FAMILIES:
        raise ValueError(f"unknown family {family!r}")

    def register(check: Check) -> Check:
        if id in RULES:
            raise ValueError(f"rule {id} is registered twice")
        RULES[id] = Rule(
            id, family, severity, title, message, why, example, check, needs_nomenclature
        )
        return check

    return register


def _matches(rule_: Rule, pattern: str) -> bool:
    pattern = pattern.strip()
    return rule_.id.startswith(pattern.upper()) or rule_.family == pattern.lower()


def select(
    select: Sequence[str] | None = None,
    ignore: Sequence[str] = (),
    rules: Mapping[str, Rule] | None = None,
) -> list[Rule]:
    """The rules whose id starts with a *select* entry (or whose family is one), less those
    matching an *ignore* entry. No *select* means every rule.

    Raises ValueError for an entry that matches no rule, so that a typo is not silent.
    """
    pool = list((rules or RULES).values())
    for pattern in [*(select or ()), *ignore]:
        if not any(_matches(r, pattern) for r in pool):
            raise ValueError(pattern)
    chosen = [r for r in pool if not select or any(_matches(r, p) for p in select)]
    return [r for r in chosen if not any(_matches(r, p) for p in ignore)]


def run(context: Context, rules: Iterable[Rule] | None = None) -> list[Finding]:
    """Every finding of *rules* (default: all) on *context*, rule by rule."""
    chosen = list(RULES.values()) if rules is None else list(rules)
    return [finding for r in chosen for finding in r.run(context)]

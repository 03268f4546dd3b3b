"""Compliance checks: run the registered rules over a plan.

>>> from renstra_model.examples import ttu_dinsos
>>> findings = check(ttu_dinsos(), select=["RS331"])
>>> [f.rule for f in findings]
['RS331']
"""

from __future__ import annotations

from collections.abc import Sequence

from ..model.nomenclature import Nomenclature
from ..model.plan import Plan
from .findings import Finding, Severity
from .registry import FAMILIES, RULES, Context, Rule, Selectors, run, select

# The rule modules register their rules on import.
from .rules import indicators, magnitude, missing, money, nomenclature, reading, structure

RULE_MODULES = (reading, structure, nomenclature, indicators, missing, money, magnitude)
"""The modules whose rules are registered."""


def check(
    plan: Plan,
    *,
    select: Selectors | None = None,
    ignore: Selectors = (),
    nomenclature: Nomenclature | None = None,
    expand: bool = False,
) -> list[Finding]:
    """Every finding of the selected rules on *plan*, rule by rule in id order.

    *select* and *ignore* take rule ids, id prefixes (``RS2``) or family names, one (a
    string) or several; an entry that matches no rule raises
    ``UnknownRuleError`` (:mod:`renstra_model.errors`). Rules that need a nomenclature run only
    when *nomenclature* is given. A rule's findings on half or more of the plan's activities
    or indicators (at least ten of them) are one diagnosis, which holds them as its
    ``members``; *expand* reports them one by one instead
    (:func:`~renstra_model.checks.registry.run`).
    """
    rules = select_rules(select, ignore)
    return run(Context(plan, nomenclature), rules, expand=expand)


def select_rules(chosen: Selectors | None = None, ignore: Selectors = ()) -> list[Rule]:
    """The selected rules in id order; ``UnknownRuleError`` (:mod:`renstra_model.errors`) names
    an entry that matches no rule."""
    return sorted(select(chosen, ignore), key=lambda r: r.id)


def at_or_above(findings: Sequence[Finding], threshold: Severity) -> list[Finding]:
    """The findings whose severity is *threshold* or higher."""
    return [f for f in findings if f.severity >= threshold]


__all__ = [
    "FAMILIES",
    "RULES",
    "Finding",
    "Rule",
    "Severity",
    "at_or_above",
    "check",
    "select_rules",
]

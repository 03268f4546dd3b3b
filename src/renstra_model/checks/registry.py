"""The registry of compliance rules, and the engine that runs them.

A rule is a small pure function from a :class:`Context` (the plan, and the nomenclature when
one is given) to the defects it finds, each a :class:`Found` (where, and the values compared).
The engine turns them into :class:`~renstra_model.checks.findings.Finding` records carrying the
rule's id, family and severity. Rules never raise for a defect of the plan: defects are data.

A rule that fires on half or more of a plan's activities or indicators, and on at least
:data:`FLOOD_MIN` of them, states one cause, not that many: :func:`run` reports such a flood
as one diagnosis, whose ``members`` are the findings it stands for (``expand=True`` reports
them instead).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from typing import TYPE_CHECKING, Any, Final, TypeVar

from attrs import field, frozen

from ..errors import UnknownRuleError
from ..messages import extend
from ..model.activities import Activity
from ..model.codes import Level
from ..model.plan import Plan
from . import phrases  # noqa: F401  (the phrases of the rules' messages, into the catalogue)
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
    "magnitude",
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
    """Register the decorated function as the check of rule *id*, and its texts as the
    catalogue's ``rule.<id>.title``, ``.message`` and ``.why``."""
    if family not in FAMILIES:
        raise ValueError(f"unknown family {family!r}")

    def register(check: Check) -> Check:
        if id in RULES:
            raise ValueError(f"rule {id} is registered twice")
        extend({f"rule.{id}.{name}": text.entry()
                for name, text in (("title", title), ("message", message), ("why", why))})
        RULES[id] = Rule(
            id, family, severity, title, message, why, example, check, needs_nomenclature
        )
        return check

    return register


def _matches(rule_: Rule, pattern: str) -> bool:
    pattern = pattern.strip()
    return rule_.id.startswith(pattern.upper()) or rule_.family == pattern.lower()


Selectors = str | Sequence[str]
"""One selector (a rule id, an id prefix or a family name), or several."""


def select(
    select: Selectors | None = None,
    ignore: Selectors = (),
    rules: Mapping[str, Rule] | None = None,
) -> list[Rule]:
    """The rules whose id starts with a *select* entry (or whose family is one), less those
    matching an *ignore* entry. No *select* means every rule; a string is one entry.

    Raises ``UnknownRuleError`` (a ValueError, of :mod:`renstra_model.errors`) for an entry that
    matches no rule, so that a typo is not silent.
    """
    if isinstance(select, str):
        select = [select]
    if isinstance(ignore, str):
        ignore = [ignore]
    pool = list((rules or RULES).values())
    for pattern in [*(select or ()), *ignore]:
        if not any(_matches(r, pattern) for r in pool):
            raise UnknownRuleError(pattern=pattern)
    chosen = [r for r in pool if not select or any(_matches(r, p) for p in select)]
    return [r for r in chosen if not any(_matches(r, p) for p in ignore)]


def run(
    context: Context, rules: Iterable[Rule] | None = None, *, expand: bool = False
) -> list[Finding]:
    """Every finding of *rules* (default: all) on *context*, rule by rule; a rule's flood
    (findings on half or more of the plan's activities or indicators, at least
    :data:`FLOOD_MIN` of them) as one diagnosis in the place of its first member, unless
    *expand*."""
    chosen = list(RULES.values()) if rules is None else list(rules)
    if expand:
        return [finding for r in chosen for finding in r.run(context)]
    found: list[Finding] = []
    for r in chosen:
        findings = list(r.run(context))
        found.extend(findings if len(findings) < FLOOD_MIN else _diagnosed(context, r, findings))
    return found


# -- floods -----------------------------------------------------------------------------------

FLOOD_MIN: Final = 10
"""The fewest activities or indicators a flood covers: a rule's findings on fewer are
reported one by one, whatever their share of the plan."""

FLOOD_EXAMPLES: Final = 3
"""How many of its activities or indicators the diagnosis of a flood names."""

FLOOD_MESSAGE: Final = Text(
    "{rule} on {count} of {total} {population:phrase.population/and}: {title} (e.g. {shown}; "
    "the first: {first}); --expand lists each",
    "{rule} pada {count} dari {total} {population:phrase.population/and}: {title} (mis. "
    "{shown}; yang pertama: {first}); --expand merinci masing-masing",
)
"""The message of the diagnosis of a flood. Its ``title`` is the rule's, written into the
diagnosis' template; ``shown`` and ``first`` (the first member's message) are filled in at
rendering (:meth:`~renstra_model.checks.findings.Finding.message`), in the language asked
for."""
extend({"flood.message": FLOOD_MESSAGE.entry()})

_SUBJECT: Final = re.compile(
    r"(?P<activity>programs\[\d+\](?:\.children\[\d+\])*)(?P<own>\.indicators\[\d+\])?"
    r"|(?P<indicator>goals\[\d+\]\.targets\[\d+\]\.indicators\[\d+\]"
    r"|(?:key_indicators|service_performance)\[\d+\]\.indicator\b)"
)

_LEVELS: Final = (Level.PROGRAM, Level.KEGIATAN, Level.SUB_KEGIATAN)
"""The levels of the activity tree (which starts with programs), in order; a population
names them by their values (``phrase.population.sub_kegiatan``)."""


def subject(path: str) -> tuple[bool, str] | None:
    """What a finding at *path* is about: ``(True, the indicator's path)``, ``(False, the
    activity's path)``, or None (a table row, a reading note, the plan as a whole).

    >>> subject("programs[0].children[1].budget.planned_total")
    (False, 'programs[0].children[1]')
    >>> subject("programs[0].children[1].indicators[0].planned[2024]")
    (True, 'programs[0].children[1].indicators[0]')
    >>> subject("key_indicators[2].indicator"), subject("budget_table[4]")
    ((True, 'key_indicators[2].indicator'), None)
    """
    found = _SUBJECT.match(path)
    if found is None:
        return None
    activity, own, indicator = found.group("activity", "own", "indicator")
    if indicator is not None:
        return True, indicator
    return (True, activity + own) if own else (False, activity)


def _activities_by_path(context: Context) -> dict[str, Activity]:
    return dict(context.index.activities)


def _level_counts(context: Context) -> Counter[Level]:
    return Counter(activity.level for _, activity in context.index.activities)


def _population(
    context: Context, indicators: bool, subjects: Iterable[str]
) -> tuple[int, list[str]] | None:
    """How many indicators, or activities of the levels of *subjects*, the plan has, and
    what they are (``["indicator"]``, or level values); None where a path names no activity
    of the tree."""
    if indicators:
        return len(context.index.sites), ["indicator"]
    by_path = context.shared(_activities_by_path)
    levels: set[Level] = set()
    for path in subjects:
        activity = by_path.get(path)
        if activity is None:
            return None
        levels.add(activity.level)
    counts = context.shared(_level_counts)
    chosen = [level for level in _LEVELS if level in levels]
    return sum(counts[level] for level in chosen), [level.value for level in chosen]


def _diagnosed(context: Context, rule_: Rule, findings: list[Finding]) -> list[Finding]:
    """*findings* of *rule_*, with the findings of each flood replaced by its diagnosis, in
    the place of its first member."""
    groups: dict[bool, dict[str, list[Finding]]] = {False: {}, True: {}}
    for finding in findings:
        about = subject(finding.location.path)
        if about is not None:
            groups[about[0]].setdefault(about[1], []).append(finding)
    diagnoses: dict[int, Finding] = {}  # id of a flood's first member -> its diagnosis
    drowned: set[int] = set()
    for indicators, subjects in groups.items():
        if len(subjects) < FLOOD_MIN:
            continue
        population = _population(context, indicators, subjects)
        if population is None or 2 * len(subjects) < population[0]:
            continue
        chosen = {id(f) for group in subjects.values() for f in group}
        members = [f for f in findings if id(f) in chosen]
        diagnoses[id(members[0])] = _diagnosis(rule_, members, subjects, population)
        drowned |= chosen
    if not diagnoses:
        return findings
    return [diagnoses.get(id(f), f) for f in findings
            if id(f) in diagnoses or id(f) not in drowned]


def _example(finding: Finding) -> str:
    """A finding's subject as the diagnosis names it: its code, else its table and row."""
    where = finding.location
    if where.code is not None:
        return str(where.code)
    return " ".join(part for part in (where.table, where.row) if part) or where.path


def _lower_first(title: str) -> str:
    """*title* as a clause: ``Sub kegiatan …`` becomes ``sub kegiatan …``; a first word
    that is not a capitalised word (``T-C.24``, ``KPM``) stays as it is."""
    word = title.split(" ", 1)[0]
    if word[:1].isupper() and word[1:].islower():
        return title[:1].lower() + title[1:]
    return title


def _titled(template: str, title: str) -> str:
    """*template* with ``{title}`` replaced by *title* as a clause (its braces escaped)."""
    clause = _lower_first(title).replace("{", "{{").replace("}", "}}")
    return template.replace("{title}", clause)


def _diagnosis(
    rule_: Rule, members: list[Finding], subjects: Mapping[str, list[Finding]],
    population: tuple[int, list[str]],
) -> Finding:
    total, names = population
    examples: list[str] = []
    for group in subjects.values():  # two indicators of one sub kegiatan: one example
        example = _example(group[0])
        if example not in examples:
            examples.append(example)
            if len(examples) == FLOOD_EXAMPLES:
                break
    tables = {f.location.table for f in members}
    params = {
        "rule": rule_.id, "count": len(subjects), "total": total, "findings": len(members),
        "population": names, "examples": examples,
    }
    return Finding(
        rule_.id, rule_.family, max(f.severity for f in members),
        Location(tables.pop() if len(tables) == 1 else None), params,
        template=Text(_titled(FLOOD_MESSAGE.en, rule_.title.en),
                      _titled(FLOOD_MESSAGE.id, rule_.title.id)),
        members=tuple(members),
    )

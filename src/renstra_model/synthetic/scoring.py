"""How well the rules find the defects the generator seeds: every finding on a generated corpus
matched to the seeded defect it reports, and per family the defects seeded and found (recall)
and the findings made and true (precision).

A finding reports a defect when its rule is the defect kind's rule or one of its ``also``
rules, and it stands where the defect's ``where`` says (:func:`target`): at the code (and
the year, where both name one), at the table row, or — a finding of the plan as a whole —
listing that code or row among its ``rows``, ``codes`` or ``examples``. One cause gives one
finding: a defect takes one finding of each of its rules, and a second one of the same rule
(a total above the changed cell, the children of a recoded program) is no true finding. A
defect whose rules do not run (those of the nomenclature, on a plan checked without it) is not
counted; one whose rule is not registered is counted, and missed.

The measured corpus (:data:`CORPUS`) holds Renstra-shaped plans at a moderate rate, checked
with the generator's catalogue as nomenclature and without it, SIPD-shaped plans
(:mod:`~renstra_model.synthetic.leafonly`), and defect-free plans of both shapes, of which
:func:`measure` also tells how many findings the rules make (with floods as one diagnosis, as
``renstra check`` prints them). :func:`table` renders the measurement as ``docs/checks.md``
prints it; ``python -m renstra_model.synthetic.scoring`` prints it.

>>> from renstra_model.checks import check
>>> from renstra_model.synthetic import catalogue, generate
>>> generated = generate(6, seed=8, defect_rate="0.1")
>>> [(d.kind, d.where) for d in generated.defects]
[('unknown-code', '2.07.12.2.03.0090'), ('name-case', '2.07.05.2.02.0001')]
>>> plan = generated.plan()
>>> scored = score(plan, generated.defects, check(plan, nomenclature=catalogue(), expand=True))
>>> scored.found, [(f.rule, str(f.location.code)) for f in scored.findings], scored.true
((True, True), [('RS121', '2.07.12.2.03.0090'), ('RS125', '2.07.05.2.02.0001')], (True, True))
"""

from __future__ import annotations

import functools
import inspect
import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from decimal import ROUND_HALF_UP, Decimal
from typing import Any, Final

from attrs import frozen

from ..checks.engine import check
from ..checks.findings import Finding, Severity
from ..checks.registry import FAMILIES, RULES
from ..checks.rulekit import indicator_sites
from ..model.codes import Code
from ..model.nomenclature import Nomenclature
from ..model.plan import Plan
from .corpus import Form, generate
from .defects import DEFECTS, Defect
from .names import catalogue

GOAL: Final = Decimal(95)
"""The recall and the precision, in percent, every family is to reach."""

HANDFUL: Final = 3
"""The most findings a defect-free plan is to give (none a warning or an error)."""


@frozen
class Slice:
    """Plans *start* … *start* + *plans* − 1 of the corpus of *seed*, of one *form*, with
    defects at *rate*, checked with the generator's catalogue as nomenclature or without."""

    name: str
    seed: int
    plans: int
    rate: str
    form: Form = "renstra"
    nomenclature: bool = True
    start: int = 0


CORPUS: Final = (
    Slice("renstra", 101, 320, "0.1"),
    Slice("renstra without nomenclature", 102, 80, "0.2", nomenclature=False),
    Slice("sipd", 104, 60, "0.3", form="sipd"),
    Slice("renstra defect-free", 103, 40, "0"),
    Slice("sipd defect-free", 105, 20, "0", form="sipd"),
)
"""The measured corpus."""


# -- where a defect is reported ---------------------------------------------------------------

_CODE: Final = re.compile(r"[0-9X]+(?:\.[0-9X]+)+")
_ROW: Final = re.compile(r"(7\.1|T-C\.23) row (\S+?)(?: (\d{4}))?")
_CELL: Final = re.compile(r"(T-C\.\d+) ([A-Z]+\d+)")


@frozen
class Target:
    """Where a defect's finding stands: the *code* (or the *row* of *table*), in *year*
    where it names one; a finding of the whole plan lists one of *names*."""

    table: str | None = None
    code: Code | None = None
    row: str | None = None
    year: int | None = None
    names: frozenset[str] = frozenset()


def target(defect: Defect, plan: Plan) -> Target:
    """Where *defect* of *plan* is reported, read from its ``where``.

    >>> from renstra_model.examples import ttu_dinsos
    >>> found = target(Defect("subtotal", "1.06.02.2.01 2023"), ttu_dinsos())
    >>> str(found.code), found.year
    ('1.06.02.2.01', 2023)
    >>> found = target(Defect("tc24-sum", "1.06.02.2.01 2023"), ttu_dinsos())  # at_parent
    >>> str(found.code), found.year
    ('1.06.02', 2023)
    >>> found = target(Defect("percentage", "7.1 row 2 2022"), ttu_dinsos())
    >>> found.table, found.row, found.year
    ('7.1', '2', 2022)
    """
    where = defect.where
    head, _, last = where.rpartition(" ")
    if not (head and last.isdigit() and len(last) == 4 and _CODE.fullmatch(head)):
        head, last = where, ""
    if _CODE.fullmatch(head):
        code = Code.parse(head)
        if DEFECTS[defect.kind].at_parent:
            code = code.parent or code
        return Target(code=code, year=int(last) if last else None,
                      names=frozenset({str(code)}))
    if found := _ROW.fullmatch(where):
        table, row, year = found.groups()
        return Target(table, row=row, year=int(year) if year else None,
                      names=frozenset({row}))
    if found := _CELL.fullmatch(where):
        return Target(found[1], row=found[2], names=frozenset({found[2]}))
    for site in indicator_sites(plan):
        if site.indicator.id == where:
            place = site.location()
            return Target(place.table, place.code, place.row,
                          names=frozenset({str(place.code or place.row)}))
    labels = _labels(where, {row.label for row in plan.budget_table})
    return Target("T-C.24", row=where if len(labels) == 1 else None, names=frozenset(labels))


def _labels(where: str, known: set[str]) -> list[str]:
    """The T-C.24 labels *where* joins with ``, `` (a label may hold a comma itself)."""
    found: list[str] = []
    parts = where.split(", ")
    start = 0
    for end in range(1, len(parts) + 1):
        label = ", ".join(parts[start:end])
        if label in known or end == len(parts):
            found.append(label)
            start = end
    return found


def _listed(finding: Finding) -> Iterator[str]:
    """The codes and rows a finding of the whole plan lists (in lists, or lists by column)."""
    for key in ("rows", "codes", "examples"):
        value = finding.params.get(key)
        for items in value.values() if isinstance(value, Mapping) else [value]:
            if isinstance(items, list | tuple):
                yield from (str(item) for item in items)


def matches(finding: Finding, where: Target) -> bool:
    """True when *finding* stands where *where* says (whatever its rule)."""
    place = finding.location
    if where.year is not None and place.year is not None and place.year != where.year:
        return False
    if where.code is not None and place.code is not None:
        return place.code == where.code
    if where.row is not None and place.row == where.row and where.table in (None, place.table):
        return True
    return place.code is None and not where.names.isdisjoint(_listed(finding))


# -- scoring ----------------------------------------------------------------------------------


def _runs(rule: str, kind: str, nomenclature: bool) -> bool:
    """True when *rule* runs on a plan checked with (or without) the nomenclature; a rule not
    registered runs unless its kind is of the nomenclature family and there is none."""
    registered = RULES.get(rule)
    if registered is None:
        return nomenclature or DEFECTS[kind].family != "nomenclature"
    return nomenclature or not registered.needs_nomenclature


@frozen
class Scored:
    """The defects of one plan that count, whether each was found, and every finding with
    whether it is true (the first of its rule to report a defect)."""

    defects: tuple[Defect, ...]
    found: tuple[bool, ...]
    findings: tuple[Finding, ...]
    true: tuple[bool, ...]


def score(plan: Plan, defects: Sequence[Defect], findings: Sequence[Finding], *,
          nomenclature: bool = True) -> Scored:
    """*findings* of *plan* matched to its seeded *defects* (those whose rules run, checked
    with or without the *nomenclature*)."""
    counted = tuple(d for d in defects if any(
        _runs(rule, d.kind, nomenclature) for rule in (d.rule, *DEFECTS[d.kind].also)))
    targets = [target(d, plan) for d in counted]
    rules = [{d.rule, *DEFECTS[d.kind].also} for d in counted]
    taken: set[tuple[int, str]] = set()
    found = [False] * len(counted)
    true: list[bool] = []
    for finding in findings:
        fresh = [k for k, where in enumerate(targets)
                 if finding.rule in rules[k] and (k, finding.rule) not in taken
                 and matches(finding, where)]
        for k in fresh:
            taken.add((k, finding.rule))
            found[k] = True
        true.append(bool(fresh))
    return Scored(counted, tuple(found), tuple(findings), tuple(true))


@frozen
class Place:
    """A generated plan of the measured corpus: its slice, seed, index and form."""

    slice: str
    seed: int
    index: int
    form: Form
    nomenclature: bool

    def __str__(self) -> str:
        checked = "" if self.nomenclature else ", without nomenclature"
        return f"plan {self.index} of seed {self.seed} ({self.form}{checked})"


@frozen
class FamilyScore:
    """A family's defects seeded and found, and its findings made and true."""

    family: str
    seeded: int
    found: int
    findings: int
    true: int

    @property
    def recall(self) -> Decimal | None:
        """Found / seeded, in percent (None where none was seeded)."""
        return _percent(self.found, self.seeded)

    @property
    def precision(self) -> Decimal | None:
        """True findings / findings, in percent (None where there was no finding)."""
        return _percent(self.true, self.findings)

    @property
    def meets_goal(self) -> bool:
        """Recall and precision both at least :data:`GOAL` (a family without findings has
        none that is false)."""
        recall, precision = self.recall, self.precision
        return (recall is None or recall >= GOAL) and (precision is None or precision >= GOAL)


def _percent(part: int, whole: int) -> Decimal | None:
    return None if whole == 0 else Decimal(100 * part) / whole


@frozen
class Measurement:
    """The scores of the families, every defect missed and every false finding with its
    plan, and what the defect-free plans gave."""

    families: tuple[FamilyScore, ...]
    missed: tuple[tuple[Place, Defect], ...]
    false: tuple[tuple[Place, Finding], ...]
    plans: int
    clean_plans: int
    clean_findings: int
    clean_most: int
    clean_worst: Severity | None
    clean_floods: int

    def family(self, name: str) -> FamilyScore:
        """The score of family *name*."""
        return next(f for f in self.families if f.family == name)


_EXPAND: Final = "expand" in inspect.signature(check).parameters


@functools.cache
def _catalogue() -> Nomenclature:
    return catalogue()


def _check(plan: Plan, nomenclature: bool, expand: bool) -> list[Finding]:
    options: dict[str, Any] = {"nomenclature": _catalogue() if nomenclature else None}
    if _EXPAND:
        options["expand"] = expand
    return check(plan, **options)


def _plans(corpus: Iterable[Slice]) -> Iterator[tuple[Slice, int]]:
    for part in corpus:
        for index in range(part.start, part.start + part.plans):
            yield part, index


def measure(corpus: Iterable[Slice] = CORPUS) -> Measurement:
    """Generate and check every plan of *corpus* (each finding reported one by one) and
    score the findings against the seeded defects."""
    tally: dict[str, list[int]] = {}  # family -> [seeded, found, findings, true]
    missed: list[tuple[Place, Defect]] = []
    false: list[tuple[Place, Finding]] = []
    plans = clean_plans = clean_findings = clean_most = clean_floods = 0
    clean_worst: Severity | None = None
    for part, index in _plans(corpus):
        generated = generate(index, seed=part.seed, defect_rate=part.rate, form=part.form)
        plan = generated.plan()
        place = Place(part.name, part.seed, index, part.form, part.nomenclature)
        findings = _check(plan, part.nomenclature, expand=True)
        scored = score(plan, generated.defects, findings, nomenclature=part.nomenclature)
        for defect, found in zip(scored.defects, scored.found, strict=True):
            counts = tally.setdefault(defect.family, [0, 0, 0, 0])
            counts[0] += 1
            counts[1] += found
            if not found:
                missed.append((place, defect))
        for finding, true in zip(scored.findings, scored.true, strict=True):
            counts = tally.setdefault(finding.family, [0, 0, 0, 0])
            counts[2] += 1
            counts[3] += true
            if not true:
                false.append((place, finding))
        plans += 1
        if Decimal(part.rate) == 0:
            shown = _check(plan, part.nomenclature, expand=False)
            clean_plans += 1
            clean_findings += len(shown)
            clean_most = max(clean_most, len(shown))
            clean_floods += sum(1 for f in shown if getattr(f, "members", ()))
            for finding in shown:
                if clean_worst is None or finding.severity > clean_worst:
                    clean_worst = finding.severity
    order = [*FAMILIES, *sorted(set(tally) - set(FAMILIES))]
    families = tuple(FamilyScore(family, *tally[family]) for family in order if family in tally)
    return Measurement(families, tuple(missed), tuple(false), plans, clean_plans,
                       clean_findings, clean_most, clean_worst, clean_floods)


# -- the table --------------------------------------------------------------------------------


def _shown(value: Decimal | None) -> str:
    if value is None:
        return "—"
    return f"{value.quantize(Decimal('0.1'), ROUND_HALF_UP)} %"


def table(measurement: Measurement) -> str:
    """The measurement as ``docs/checks.md`` prints it: a Markdown table of the families and
    a line on the defect-free plans."""
    lines = [
        "| family | seeded | found | recall | findings | true | precision |",
        "|---|---:|---:|---:|---:|---:|---:|",
    ]
    total = [0, 0, 0, 0]
    for score_ in measurement.families:
        counts = (score_.seeded, score_.found, score_.findings, score_.true)
        total = [a + b for a, b in zip(total, counts, strict=True)]
        lines.append(_row(f"`{score_.family}`", score_))
    lines.append(_row("all", FamilyScore("all", *total)))
    worst = measurement.clean_worst.value if measurement.clean_worst else "none"
    lines += [
        "",
        f"Measured on {measurement.plans} generated plans. The {measurement.clean_plans} "
        f"defect-free plans among them give {measurement.clean_findings} findings in all, "
        f"at most {measurement.clean_most} on a plan (the most serious: {worst}), and "
        f"{measurement.clean_floods} floods.",
    ]
    return "\n".join(lines) + "\n"


def _row(name: str, score_: FamilyScore) -> str:
    return (f"| {name} | {score_.seeded} | {score_.found} | {_shown(score_.recall)} | "
            f"{score_.findings} | {score_.true} | {_shown(score_.precision)} |")


if __name__ == "__main__":  # pragma: no cover - prints the table for the docs
    print(table(measure()), end="")

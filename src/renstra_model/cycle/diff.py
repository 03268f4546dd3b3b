"""The comparison of two versions of a plan (Renstra perubahan): :func:`diff`.

What is compared, and how:

* **Activities** are matched by code. An activity of the old version whose code the new one
  lacks, and an activity of the new one whose code the old one lacks, are one activity
  **recoded** when they are of the same level, have the same normalised name (case and
  spacing aside) and either the same parent (after the parents' own recoding) or the same
  content (the same indicators with the same targets, and the same pagu), and when neither
  has another such partner. A child whose code changes only with its parent's (the same last
  segments under the recoded parent) is not reported: its parent's recoding is the change.
  The others are **added** or **removed**, each activity of a subtree by itself; their
  figures are part of that change, not changes of their own.
* **Names**: an activity of both versions whose name differs is **renamed** (field ``name``).
* **Pagu** per year (field ``pagu``): what each version states (a year stated in one only is
  added or removed). A stated subtotal of a program or kegiatan, and the T-C.27 total row
  (field ``total``), are roll-ups where each version states its children's sum: such a
  subtotal is not a change of its own, its children's changes are. The same for the stated
  end-of-period pagu (field ``pagu_total``) against the sum of the years. Derived activities
  (``derived=True``) state no figures, so their computed pagu is never compared.
* **Indicators** of each activity, and of the goals (all goals' sasaran together, ``code``
  None), are matched by name (the n-th of a name with the n-th): added or removed (field
  ``indicator``), and per year their targets (field ``target``), and their baseline and end
  of period (fields ``baseline``, ``end_of_period``).
* **Goals** and **sasaran** are matched by text (fields ``goal``, ``sasaran``): a goal whose
  text changes is one removed and one added.
* **Totals**: the plan's money per year before and after
  (:func:`~renstra_model.calculators.rollups.total_by_year`), in the diff's ``totals``.

Not compared: Table 7.1 and T-C.23 (which restate the goals' and services' indicators),
T-C.24 (which restates T-C.27's money), realisations, and the document's other parts.

A plan compared with itself gives no change, and ``diff(b, a)`` is the mirror of
``diff(a, b)`` (:meth:`Diff.mirror`: added and removed, old and new swapped).

>>> from renstra_model.examples import ttu_dinsos
>>> plan = ttu_dinsos()
>>> diff(plan, plan).changes
()
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping, Sequence
from decimal import Decimal
from typing import Any, Final, Literal, TypeAlias

import attrs
from attrs import frozen

from ..calculators.rollups import children_sum, parts_sum, rollups_by_id, total_by_year
from ..model.activities import Activity
from ..model.codes import Code, Level
from ..model.indicators import Indicator
from ..model.plan import Plan
from ..model.values import MoneyCell, Nil, Quantity

__all__ = ["FIELDS", "KINDS", "Change", "Diff", "YearTotal", "diff", "plain", "value_text"]

Kind: TypeAlias = Literal["added", "removed", "changed"]
KINDS: Final[tuple[Kind, ...]] = ("added", "removed", "changed")
FIELDS: Final = ("activity", "code", "name", "pagu", "pagu_total", "total", "goal", "sasaran",
                 "indicator", "target", "baseline", "end_of_period")
"""What a change concerns, in the order :func:`diff` lists an activity's changes."""

Value: TypeAlias = Decimal | Nil | Quantity | str
"""A compared value: money (a Decimal or ``-``), a target (a Quantity), a name or a code."""

_MIRROR: Final[Mapping[str, Kind]] = {"added": "removed", "removed": "added",
                                      "changed": "changed"}
_KIND_ORDER: Final = ("removed", "added", "changed")
_TREE: Final = (Level.PROGRAM, Level.KEGIATAN, Level.SUB_KEGIATAN)


@frozen
class Change:
    """One difference between two versions of a plan.

    *code* is the activity's (for a recoding, its new code; None for a goal, a sasaran, their
    indicators and the T-C.27 total); *field* what changed (:data:`FIELDS`); *year* the year
    of a yearly figure; *old* and *new* the values (None where a version has none);
    *indicator* the indicator's name, for the fields of indicators.
    """

    kind: Kind
    code: str | None
    field: str
    year: int | None = None
    old: Value | None = None
    new: Value | None = None
    indicator: str | None = attrs.field(default=None, kw_only=True)

    @property
    def difference(self) -> Decimal | None:
        """*new* less *old* where both are amounts (money, or targets of one unit)."""
        old, new = _amount(self.old), _amount(self.new)
        if old is None or new is None:
            return None
        if isinstance(self.old, Quantity) and isinstance(self.new, Quantity) and (
            self.old.unit != self.new.unit or self.old.also or self.new.also
        ):
            return None
        return new - old

    def mirror(self) -> Change:
        """The change as the comparison the other way round reports it, kind and values
        swapped; the code of a change of a recoded activity is mapped by
        :meth:`Diff.mirror`, which knows the recodings."""
        code = self.old if self.field == "code" and isinstance(self.old, str) else self.code
        return Change(_MIRROR[self.kind], code, self.field, self.year, self.new, self.old,
                      indicator=self.indicator)

    def to_dict(self) -> dict[str, Any]:
        """The change as JSON data: values as text, exact decimals as decimal strings."""
        difference = self.difference
        return {"kind": self.kind, "code": self.code, "field": self.field, "year": self.year,
                "indicator": self.indicator, "old": value_text(self.old),
                "new": value_text(self.new),
                "difference": None if difference is None else plain(difference)}


@frozen
class YearTotal:
    """The plan's money in one year, before and after (None where a version has none)."""

    year: int
    old: Decimal | None
    new: Decimal | None

    @property
    def difference(self) -> Decimal:
        """*new* less *old*, a year without money counting as zero."""
        return (self.new or Decimal(0)) - (self.old or Decimal(0))

    def to_dict(self) -> dict[str, Any]:
        return {"year": self.year, "old": value_text(self.old), "new": value_text(self.new),
                "difference": plain(self.difference)}


@frozen
class Diff:
    """The changes from one version of a plan to another, and the totals per year."""

    changes: tuple[Change, ...]
    """The changes, activities' by code, then the plan's."""
    totals: tuple[YearTotal, ...]
    """The plan's money per year in either version, year by year."""

    @property
    def equal(self) -> bool:
        """True when the versions differ in nothing that is compared."""
        return not self.changes

    def mirror(self) -> Diff:
        """The diff the other way round: each change mirrored, a change of a recoded activity
        (or of one below it) under the code the activity has in the other version, and the
        totals swapped."""
        recoded = {c.code: c.old for c in self.changes
                   if c.field == "code" and c.code is not None and isinstance(c.old, str)}
        changes = []
        for change in self.changes:
            mirrored = change.mirror()
            if change.field not in ("code", "activity") and change.code is not None:
                mirrored = attrs.evolve(mirrored, code=_recode(change.code, recoded))
            changes.append(mirrored)
        return Diff(tuple(sorted(changes, key=_order)),
                    tuple(YearTotal(t.year, t.new, t.old) for t in self.totals))

    def to_dict(self) -> dict[str, Any]:
        """``{"changes": [...], "totals": [...]}``, as ``renstra diff --format json`` writes."""
        return {"changes": [c.to_dict() for c in self.changes],
                "totals": [t.to_dict() for t in self.totals]}


def plain(amount: Decimal) -> str:
    """A computed amount (a difference) as a decimal string without trailing zeros."""
    return format(amount.normalize(), "f") if amount else "0"


def value_text(value: Value | None) -> str | None:
    """*value* as text: a decimal string for money, ``-`` for a nil, a target as printed."""
    if value is None or isinstance(value, str):
        return value
    if isinstance(value, Decimal):
        return format(value, "f")
    return str(value)


def diff(old: Plan, new: Plan) -> Diff:
    """The changes from *old* to *new* (see the module)."""
    changes = list(_tree_changes(old, new))
    changes.extend(_total_changes(old, new))
    changes.extend(_text_changes("goal", [g.text for g in old.goals],
                                 [g.text for g in new.goals]))
    changes.extend(_text_changes("sasaran", [t.text for g in old.goals for t in g.targets],
                                 [t.text for g in new.goals for t in g.targets]))
    changes.extend(_indicator_changes(None, _goal_indicators(old), _goal_indicators(new)))
    before, after = total_by_year(old), total_by_year(new)
    totals = tuple(YearTotal(y, before.get(y), after.get(y))
                   for y in sorted(set(before) | set(after)))
    return Diff(tuple(sorted(changes, key=_order)), totals)


def _recode(code: str, recoded: Mapping[str, str]) -> str:
    """*code* under the old code of its nearest recoded ancestor (or itself), if any."""
    here: Code | None = Code.parse(code)
    while here is not None:
        old = recoded.get(str(here))
        if old is not None:
            rest = Code.parse(code).segments[len(here.segments):]
            return ".".join((*Code.parse(old).segments, *rest))
        here = here.parent
    return code


def _order(change: Change) -> tuple[Any, ...]:
    """Changes of activities by code, then those of the plan; within one, by field, kind
    (removed, added, changed), indicator and year."""
    return (change.code is None, change.code or "", FIELDS.index(change.field),
            _KIND_ORDER.index(change.kind), change.indicator or "", change.year or 0,
            value_text(change.old) or "", value_text(change.new) or "")


def _amount(value: Value | None) -> Decimal | None:
    if isinstance(value, Decimal):
        return value
    if isinstance(value, Quantity) and isinstance(value.amount, Decimal):
        return value.amount
    return None


def _normal(name: str | None) -> str | None:
    return None if name is None else re.sub(r"\s+", " ", name).strip().casefold()


# -- the tree ------------------------------------------------------------------------------


def _tree_changes(old: Plan, new: Plan) -> Iterator[Change]:
    before = {a.code: a for _, a in old.activities()}
    after = {a.code: a for _, a in new.activities()}
    pairs: dict[Code, Code] = {code: code for code in before if code in after}
    recoded = _recodings(before, after, pairs)
    removed = [c for c in before if c not in pairs]
    matched = set(pairs.values())
    added = [c for c in after if c not in matched]
    for code in removed:
        yield Change("removed", str(code), "activity", old=before[code].name)
    for code in added:
        yield Change("added", str(code), "activity", new=after[code].name)
    for old_code, new_code in recoded:
        yield Change("changed", str(new_code), "code", old=str(old_code), new=str(new_code))
    old_rolled, new_rolled = rollups_by_id(old.programs), rollups_by_id(new.programs)
    for old_code, new_code in pairs.items():
        a, b = before[old_code], after[new_code]
        label = str(new_code)
        if a.name != b.name:
            yield _change(label, "name", None, a.name, b.name)
        if not (a.derived or b.derived):
            yield from _money_changes(label, a, b, old_rolled, new_rolled)
        yield from _indicator_changes(label, a.indicators, b.indicators)


def _recodings(
    before: Mapping[Code, Activity], after: Mapping[Code, Activity], pairs: dict[Code, Code]
) -> list[tuple[Code, Code]]:
    """Match the removed and added activities that are one recoded (see the module), level
    by level from the programs down, adding them to *pairs*; the recodings to report."""
    reported: list[tuple[Code, Code]] = []
    for level in _TREE:
        gone = [c for c in before if c not in pairs and before[c].level is level]
        taken = set(pairs.values())
        came = [c for c in after if c not in taken and after[c].level is level]
        candidates: dict[Code, list[Code]] = {c: [] for c in gone}
        partners: dict[Code, list[Code]] = {c: [] for c in came}
        for r in gone:
            for a in came:
                if _same_activity(before[r], after[a], pairs):
                    candidates[r].append(a)
                    partners[a].append(r)
        for r in gone:
            if len(candidates[r]) == 1 and len(partners[candidates[r][0]]) == 1:
                a = candidates[r][0]
                pairs[r] = a
                if not _implied(r, a, pairs):
                    reported.append((r, a))
    return reported


def _same_activity(a: Activity, b: Activity, pairs: Mapping[Code, Code]) -> bool:
    name = _normal(a.name)
    if name is None or name != _normal(b.name):
        return False
    parent = a.code.parent
    same_parent = parent is not None and pairs.get(parent) == b.code.parent
    return same_parent or _content(a) == _content(b)


def _content(activity: Activity) -> tuple[Any, ...]:
    budget = activity.budget
    return (tuple((i.name, i.unit, i.planned, i.end_of_period) for i in activity.indicators),
            None if budget is None else budget.planned)


def _implied(old: Code, new: Code, pairs: Mapping[Code, Code]) -> bool:
    """Whether *old* becomes *new* only because its parent is recoded."""
    parent, new_parent = old.parent, new.parent
    if parent is None or new_parent is None or parent == new_parent:
        return False
    return (pairs.get(parent) == new_parent
            and old.segments[len(parent.segments):] == new.segments[len(new_parent.segments):])


# -- money ---------------------------------------------------------------------------------


def _money_changes(
    code: str, a: Activity, b: Activity,
    old_rolled: Mapping[int, Mapping[int, Decimal]],
    new_rolled: Mapping[int, Mapping[int, Decimal]],
) -> Iterator[Change]:
    old_stated = a.budget.planned if a.budget is not None else {}
    new_stated = b.budget.planned if b.budget is not None else {}
    sums = None
    if a.children and b.children:
        sums = (children_sum(a, "planned", old_rolled), children_sum(b, "planned", new_rolled))
    yield from _yearly(code, "pagu", old_stated, new_stated, sums)
    old_total = a.budget.planned_total if a.budget is not None else None
    new_total = b.budget.planned_total if b.budget is not None else None
    if old_total != new_total and not (
        _adds_up(old_total, old_stated) and _adds_up(new_total, new_stated)
    ):
        yield _change(code, "pagu_total", None, old_total, new_total)


def _adds_up(total: MoneyCell | None, years: Mapping[int, MoneyCell]) -> bool:
    """Whether an end-of-period pagu is none or the sum of the stated years (a roll-up)."""
    if total is None:
        return True
    amounts = [cell for cell in years.values() if isinstance(cell, Decimal)]
    return isinstance(total, Decimal) and bool(amounts) and total == sum(amounts, Decimal(0))


def _yearly(
    code: str | None, name: str,
    old: Mapping[int, MoneyCell], new: Mapping[int, MoneyCell],
    sums: tuple[Mapping[int, Decimal], Mapping[int, Decimal]] | None = None,
) -> Iterator[Change]:
    """The changes of a yearly money series; with *sums* (its parts' sums in each version),
    a year where each version states its parts' sum, or nothing where they have none, is a
    roll-up, not a change."""
    for year in sorted(set(old) | set(new)):
        before, after = old.get(year), new.get(year)
        if before == after:
            continue
        if sums is not None and (_zeroed(before) == sums[0].get(year)
                                 and _zeroed(after) == sums[1].get(year)):
            continue
        yield _change(code, name, year, before, after)


def _zeroed(cell: MoneyCell | None) -> Decimal | None:
    """A stated nil as the zero it counts for in a sum."""
    return Decimal(0) if isinstance(cell, Nil) else cell


def _total_changes(old: Plan, new: Plan) -> Iterator[Change]:
    before = old.total_budget.planned if old.total_budget is not None else {}
    after = new.total_budget.planned if new.total_budget is not None else {}
    sums = (parts_sum(old.programs, "planned", rollups_by_id(old.programs)),
            parts_sum(new.programs, "planned", rollups_by_id(new.programs)))
    yield from _yearly(None, "total", before, after, sums)


def _change(
    code: str | None, name: str, year: int | None, old: Value | None, new: Value | None,
    indicator: str | None = None,
) -> Change:
    kind: Kind = "added" if old is None else "removed" if new is None else "changed"
    return Change(kind, code, name, year, old, new, indicator=indicator)


# -- indicators, goals ---------------------------------------------------------------------


def _goal_indicators(plan: Plan) -> list[Indicator]:
    return [ind for goal in plan.goals for target in goal.targets for ind in target.indicators]


def _keyed(indicators: Iterable[Indicator]) -> dict[tuple[str | None, int], Indicator]:
    """Indicators by name and occurrence (the n-th indicator of a name)."""
    seen: Counter[str | None] = Counter()
    keyed = {}
    for ind in indicators:
        keyed[(ind.name, seen[ind.name])] = ind
        seen[ind.name] += 1
    return keyed


def _indicator_changes(
    code: str | None, old: Sequence[Indicator], new: Sequence[Indicator]
) -> Iterator[Change]:
    before, after = _keyed(old), _keyed(new)
    for key, ind in before.items():
        if key not in after:
            yield Change("removed", code, "indicator", old=ind.name, indicator=ind.name)
    for key, ind in after.items():
        if key not in before:
            yield Change("added", code, "indicator", new=ind.name, indicator=ind.name)
    for key, a in before.items():
        b = after.get(key)
        if b is None:
            continue
        name = a.name
        for year in sorted(set(a.planned) | set(b.planned)):
            x, y = a.planned.get(year), b.planned.get(year)
            if x != y:
                yield _change(code, "target", year, x, y, name)
        if a.baseline != b.baseline:
            yield _change(code, "baseline", None, a.baseline, b.baseline, name)
        if a.end_of_period != b.end_of_period:
            yield _change(code, "end_of_period", None, a.end_of_period, b.end_of_period, name)


def _text_changes(name: str, old: Sequence[str], new: Sequence[str]) -> Iterator[Change]:
    before, after = Counter(old), Counter(new)
    for text, count in (before - after).items():
        for _ in range(count):
            yield Change("removed", None, name, old=text)
    for text, count in (after - before).items():
        for _ in range(count):
            yield Change("added", None, name, new=text)


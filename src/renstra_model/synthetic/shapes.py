"""Defects of further shapes, seeded with the first kinds (``seeding``) but from a random
stream of their own, so that the corpus of a seed keeps every defect it had: a digit typed
twice in a year's pagu or target, one percentage off the share that the other cells of an
indicator imply (no cell stating 100 %), an indicator without a unit in any cell, an end of
period without an aggregation kind that none of the kinds gives, names that differ from the
nomenclature's only in case, punctuation or an invisible character, a sub kegiatan stated only
in T-C.24, a kegiatan derived from its sub kegiatan's codes, and a ratio missing for a year
that had ended when the plan was adopted.

A defect's place is read when the plan is finished (:class:`Pending`): a later defect may
recode the activity it changed (a program moved to another bidang urusan, the generic
``X.XX`` form), and the plan's defects name the codes the plan states.

>>> from renstra_model.synthetic import generate
>>> later = [d for d in generate(5, seed=2, defect_rate="0.3").defects if d.kind in LATER_KINDS]
>>> [(d.kind, d.where) for d in later]  # doctest: +NORMALIZE_WHITESPACE
[('digit-target', '1.06.02.2.05.0009 2022'), ('majority-percentage', '7.1 row 2 2023'),
 ('name-comma', '1.06.01.2.01'), ('name-zero-width', '1.06.10.2.03.0001')]
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from decimal import Decimal
from typing import Any, Final

from attrs import field, frozen

from .builder import _m, _Node, _parse, _q, _zero, state_growth
from .defects import Defect

LATER_KINDS: Final = (
    "majority-percentage", "no-unit-indicator", "end-no-kind", "digit-pagu", "digit-target",
    "name-case", "name-comma", "name-zero-width", "tc24-only", "derived-parents",
    "ended-no-ratio",
)
"""The kinds this module seeds, in the order they are drawn."""

ZERO_WIDTH: Final = "\u200b"


@frozen
class Pending:
    """A seeded defect whose place is read once the plan is finished: *where* as it is, or
    the code of *node* as the plan finally states it (and *year*)."""

    kind: str
    where: str = ""
    node: _Node | dict[str, Any] | None = None
    year: int | str | None = None

    def defect(self) -> Defect:
        """The defect, at its final place."""
        if self.node is None:
            return Defect(self.kind, self.where)
        data = self.node.data["built"] if isinstance(self.node, _Node) else self.node
        code = data["code"]
        return Defect(self.kind, code if self.year is None else f"{code} {self.year}")


def _activities(data: dict[str, Any], level: str) -> list[dict[str, Any]]:
    found: list[dict[str, Any]] = []
    pending = list(data["programs"])
    while pending:
        node = pending.pop(0)
        if node["level"] == level:
            found.append(node)
        pending.extend(node.get("children", ()))
    return found


def _peaks(series: dict[int, Any], years: Sequence[int], *, lows: bool) -> list[int]:
    """The middle years of *years* whose amount is positive and at least both neighbours'
    (or, with *lows*, at most both), the neighbours positive too."""
    found = []
    for before, year, after in zip(years, years[1:], years[2:], strict=False):
        values = [series.get(y) for y in (before, year, after)]
        amounts = [v for v in values if isinstance(v, Decimal) and v > 0]
        if len(amounts) < 3:
            continue
        first, value, last = amounts
        if value >= max(first, last) or (lows and value <= min(first, last)):
            found.append(year)
    return found


@frozen
class Later:
    """Seeds the later kinds chosen for a plan: *rng* is their own stream, *used* and
    *leaf_codes* are the first kinds' (what those changed is left alone)."""

    rng: random.Random
    kinds: list[str]
    years: list[int]
    bidang: str
    used: set[int]
    leaf_codes: set[str]
    pending: list[Pending] = field(factory=list)
    touched: set[int] = field(factory=set)
    """What the leaf defects changed (by identity), kept apart from *used* until the first
    kinds are seeded, so that their choices stay as they were."""

    def wants(self, kind: str) -> bool:
        return kind in self.kinds

    def own(self, code: str) -> bool:
        """True for a code of the agency's bidang urusan (or its generic ``X.XX`` form)."""
        return code.startswith((f"{self.bidang}.", "X.XX."))

    def pick(self, candidates: Sequence[Any]) -> Any | None:
        free = [c for c in candidates if id(c) not in self.used and id(c) not in self.touched]
        if not free:
            return None
        chosen = self.rng.choice(free)
        self.used.add(id(chosen))
        return chosen

    # -- in the activity tree, before the subtotals add it up

    def seed_leaves(self, tree: list[_Node]) -> None:
        """A digit typed twice (or left out) in a sub kegiatan's pagu or target of a year
        that stands at least as high (or as low) as both neighbours, so that it ends ten times
        off both; the subtotals add it up."""
        leaves = [s for p in tree for k in p.children for s in k.children
                  if id(s) not in self.used and s.code not in self.leaf_codes]
        if self.wants("digit-pagu"):
            with_peak = [s for s in leaves if _peaks(s.money, self.years, lows=True)]
            if with_peak:
                node = self.rng.choice(with_peak)
                self.touched.add(id(node))
                year = self.rng.choice(_peaks(node.money, self.years, lows=True))
                money = node.money[year]
                assert isinstance(money, Decimal)
                neighbours = (node.money[year - 1], node.money[year + 1])
                high = all(isinstance(v, Decimal) and money >= v for v in neighbours)
                node.money[year] = money * 10 if high else money / 10
                self.pending.append(Pending("digit-pagu", node=node, year=year))
        if self.wants("digit-target"):
            targets = [s for s in leaves if id(s) not in self.touched
                       and _peaks(s.data["targets"], self.years, lows=False)]
            if targets:
                node = self.rng.choice(targets)
                self.touched.add(id(node))
                year = self.rng.choice(_peaks(node.data["targets"], self.years, lows=False))
                node.data["targets"][year] = node.data["targets"][year] * 10
                self.pending.append(Pending("digit-target", node=node, year=year))

    # -- in the finished data, after the first kinds

    def seed_data(self, data: dict[str, Any]) -> None:
        """The later kinds of the finished data; a leaf defect whose change a first kind
        undid (the indicator of a target removed) is dropped."""
        kept = []
        for pending in self.pending:
            assert isinstance(pending.node, _Node)
            built = pending.node.data["built"]
            self.used.add(id(built))
            if pending.kind != "digit-target" or built.get("indicators"):
                kept.append(pending)
        self.pending[:] = kept
        kegiatan = _activities(data, "kegiatan")
        subs = [s for s in _activities(data, "sub_kegiatan")
                if s["code"] not in self.leaf_codes]
        if self.wants("majority-percentage"):
            self.majority(data)
        with_indicator = [s for s in subs if s.get("indicators")]
        if self.wants("no-unit-indicator") and (node := self.pick(with_indicator)):
            ind = node["indicators"][0]
            for cell in (ind["baseline"], *ind["planned"].values(), ind.get("end_of_period")):
                if cell is not None:
                    cell.pop("unit", None)
            self.pending.append(Pending("no-unit-indicator", node=node))
        ended = [s for s in with_indicator if "end_of_period" in s["indicators"][0]]
        if self.wants("end-no-kind") and (node := self.pick(ended)):
            ind = node["indicators"][0]
            amounts = [_zero(_parse(q["amount"])) for q in ind["planned"].values()]
            del ind["aggregation"]
            ind["end_of_period"]["amount"] = _m(sum(amounts, Decimal(0)) + max(amounts) + 7)
            self.pending.append(Pending("end-no-kind", node=node))
        # a name is compared with its code's: not under a program moved to another bidang
        named = [s for s in subs if self.own(s["code"])]
        if self.wants("name-case") and (node := self.pick(named)):
            node["name"] = node["name"].upper()
            self.pending.append(Pending("name-case", node=node))
        rows = {r["code"]: r for r in data.get("budget_table", ()) if r["level"] == "kegiatan"}
        # a T-C.24 row of its code that no defect changed states the official name
        with_comma = [k for k in kegiatan if ", " in (k["name"] or "") and k["code"] in rows
                      and self.own(k["code"])
                      and id(rows[k["code"]]) not in self.used]
        if self.wants("name-comma") and (node := self.pick(with_comma)):
            node["name"] = node["name"].replace(", ", ",, ", 1)
            self.pending.append(Pending("name-comma", node=node))
        if self.wants("name-zero-width") and (node := self.pick(named)):
            first, _, rest = node["name"].partition(" ")
            node["name"] = f"{first}{ZERO_WIDTH} {rest}"
            self.pending.append(Pending("name-zero-width", node=node))
        if self.wants("tc24-only"):
            self.tc24_only(data, kegiatan, rows)
        if self.wants("derived-parents"):
            whole = [k for k in kegiatan if k.get("budget") and id(rows.get(k["code"])) not in
                     self.used]
            if node := self.pick(whole):
                node["name"] = None
                del node["budget"]
                node["derived"] = True
                node["source"] = {"table": "T-C.27", "row": node["code"],
                                  "note": "derived from the codes of its sub kegiatan"}
                self.pending.append(Pending("derived-parents", node=node))
        if self.wants("ended-no-ratio"):
            self.ended_no_ratio(data)

    def majority(self, data: dict[str, Any]) -> None:
        """A key indicator restated as shares of a round denominator that no cell reaches,
        with one year's share off by five points."""
        shares = [k for k in data["key_indicators"] if "percent" in k["indicator"]["baseline"]]
        row = self.pick(shares)
        if row is None:
            return
        ind, rng = row["indicator"], self.rng
        unit = ind["baseline"].get("unit")
        denominator = Decimal(100 * rng.randint(20, 90))
        percents = [Decimal(rng.randint(30, 50))]
        for _ in self.years:
            percents.append(percents[-1] + rng.randint(3, 8))
        cells = [_q(denominator * p / 100, unit, p.quantize(Decimal("0.01"))) for p in percents]
        ind["baseline"] = cells[0]
        ind["planned"] = {str(y): c for y, c in zip(self.years, cells[1:], strict=True)}
        ind["end_of_period"] = dict(cells[-1])
        ind["aggregation"] = "last"
        year = rng.choice(self.years)
        cell = ind["planned"][str(year)]
        cell["percent"] = _m(Decimal(cell["percent"]) + rng.choice((-5, 5)))
        self.pending.append(Pending("majority-percentage", f"7.1 row {row['number']} {year}"))

    def ended_no_ratio(self, data: dict[str, Any]) -> None:
        """The plan adopted in the second year of its period, and a T-C.24 row stating the
        realisation of the first year, which has ended, without its ratio; not where an
        activity states a realisation (the later adoption would make it no longer future)."""
        if any("realised" in a.get("budget", {}) for level in ("program", "kegiatan",
                                                                   "sub_kegiatan")
               for a in _activities(data, level)):
            return
        first = str(self.years[0])
        funded = [r for r in data["budget_table"] if r["level"] == "kegiatan"
                  and _zero(_parse(r["budget"]["planned"][first])) > 0]
        row = self.pick(funded)
        if row is None:
            return
        adoption = data["adoption"]
        adoption["date"] = f"{self.years[1]}{adoption['date'][4:]}"
        row["budget"]["realised"] = {first: row["budget"]["planned"][first]}
        self.pending.append(Pending("ended-no-ratio", row["label"]))

    def tc24_only(self, data: dict[str, Any], kegiatan: list[dict[str, Any]],
                  rows: dict[str, dict[str, Any]]) -> None:
        """T-C.24 rows for the sub kegiatan of a kegiatan, one of which has no T-C.27 row (its
        activity read from T-C.24: money, no indicator, no location)."""
        whole = [
            k for k in kegiatan
            if k.get("children") and k["code"] in rows and id(rows[k["code"]]) not in self.used
            and all(id(s) not in self.used and s["code"] not in self.leaf_codes
                    for s in k["children"])
        ]
        node = self.pick(whole)
        if node is None:
            return
        children = node["children"]
        for child in children:
            self.used.add(id(child))
        row = rows[node["code"]]
        self.used.add(id(row))
        added = [{"label": s["name"], "level": "sub_kegiatan",
                  "budget": {"planned": dict(s["budget"]["planned"])}, "code": s["code"],
                  "source": {"table": "T-C.24", "row": s["name"]}} for s in children]
        state_growth(added)
        table = data["budget_table"]
        at = next(k for k, r in enumerate(table) if r is row) + 1
        table[at:at] = added
        only = self.rng.choice(children)
        for key in ("indicators", "location", "unit"):
            only.pop(key, None)
        only["budget"].pop("planned_total", None)
        only["source"] = {"table": "T-C.24", "row": only["name"]}
        self.pending.append(Pending("tc24-only", node=only))

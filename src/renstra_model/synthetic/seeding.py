"""Seeding defects in a plan as it is built, and the building of a plan with them.

At a defect rate *r*, each kind of :data:`~renstra_model.synthetic.defects.DEFECTS` is chosen
for a plan with probability *r*, from the plan's own random stream of defects (apart from the
stream its contents are drawn from, so that a plan's healthy parts are the same at every
rate). A defect in the money or targets of a sub kegiatan is seeded in the activity tree,
before the subtotals add it up; the others change the finished data, those in T-C.24's money
before the table's growth is stated from it. No two defects change the same thing. The kinds
added later (:data:`~renstra_model.synthetic.shapes.LATER_KINDS`) are chosen and placed from
streams of their own, after the first kinds at each stage, so that the first kinds' choices
stay as they were; a defect names the code its activity finally has.

>>> data, defects = build(3, 4, 1_000_000, None)
>>> len(defects) > 20
True
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from decimal import Decimal
from typing import Any, Final

from attrs import field, frozen

from ..calculators.arithmetic import Undefined, present
from ..calculators.ratios import share
from ..model.values import NIL, Nil
from .builder import Shape, _Builder, _m, _Node, _parse, _zero, state_growth
from .defects import DEFECTS, Defect
from .names import _MAX_SUB, _foreign, kegiatan_name, sub_kegiatan_name
from .shapes import LATER_KINDS, Later, Pending
from .shapes import _activities as activities_of

_OTHER_UNITS: Final = {"Orang": "Jiwa", "Keluarga": "Rumah Tangga", "Lembaga": "Organisasi"}
"""A unit, and a unit of another first word that a cross-table defect writes instead."""


_OWN_DRAW: Final = ("unread-cell", *LATER_KINDS)
"""The defect kinds drawn apart from the others (see :meth:`_Seeder.chosen`), in the order
they were added."""


def build(
    index: int, seed: int, rate_per_million: int, shape: Shape | None,
    kinds: frozenset[str] | None = None,
) -> tuple[dict[str, Any], tuple[Defect, ...]]:
    """The data of plan *index* of the corpus of *seed*, with the defects chosen at
    *rate_per_million* seeded in it (only those of *kinds*, where given), and those
    defects."""
    builder = _Builder(index, seed, shape)
    seeder = _Seeder.chosen(index, seed, rate_per_million, builder)
    if kinds is not None:
        seeder.kinds[:] = [kind for kind in seeder.kinds if kind in kinds]
        seeder.later.kinds[:] = [kind for kind in seeder.later.kinds if kind in kinds]
    tree = builder.tree()  # alive until the end: the seeder tells things apart by identity
    seeder.seed_leaf_defects(tree)
    seeder.later.seed_leaves(tree)
    data = builder.data(tree)
    seeder.seed_tree_defects(data)
    seeder.seed_table_defects(data)
    state_growth(data["budget_table"])
    seeder.seed_growth_defects(data)
    seeder.seed_indicator_defects(data)
    seeder.seed_reading_defects(data)
    seeder.later.seed_data(data)
    return data, seeder.resolved()


@frozen
class _Seeder:
    """Seeds the chosen defects of one plan, and records them."""

    rng: random.Random
    kinds: list[str]
    bidang: str
    baseline: int
    years: list[int]
    recast: set[int]
    """The sub kegiatan drawn as stocks but stated as flows (see ``_Builder.recast``)."""
    later: Later
    """The kinds added later, drawn and placed from streams of their own."""
    used: set[int]
    """What a defect changed (by identity): later defects leave it alone."""
    leaf_codes: set[str]
    """Sub kegiatan the leaf defects changed: later defects leave them alone."""
    pending: list[Pending] = field(factory=list)

    @classmethod
    def chosen(cls, index: int, seed: int, rate_per_million: int, builder: _Builder) -> _Seeder:
        """The seeder of plan *index*, with the kinds chosen at *rate_per_million*."""
        rng = random.Random(f"renstra-generate/{seed}/{index}/defects")
        kinds = [kind for kind in DEFECTS if kind not in _OWN_DRAW
                 and rng.randrange(1_000_000) < rate_per_million]
        # a kind added later draws from its own generator, so that the corpus of a seed keeps
        # every defect it had
        own = random.Random(f"renstra-generate/{seed}/{index}/reading")
        drawn = [kind for kind in _OWN_DRAW if own.randrange(1_000_000) < rate_per_million]
        kinds += [kind for kind in drawn if kind not in LATER_KINDS]
        used: set[int] = set()
        leaf_codes: set[str] = set()
        later = Later(random.Random(f"renstra-generate/{seed}/{index}/shapes"),
                      [kind for kind in drawn if kind in LATER_KINDS], builder.years,
                      builder.agency.bidang, used, leaf_codes)
        return cls(rng, kinds, builder.agency.bidang, builder.baseline, builder.years,
                   builder.recast, later, used, leaf_codes)

    # -- helpers

    def seeded(self, kind: str, where: str) -> None:
        self.pending.append(Pending(kind, where))

    def seeded_at(self, kind: str, node: _Node | dict[str, Any], year: object = None) -> None:
        """A defect at *node*'s code (and *year*), as the finished plan states it."""
        self.pending.append(Pending(kind, node=node, year=None if year is None else str(year)))

    def resolved(self) -> tuple[Defect, ...]:
        """The defects seeded, the first kinds' in their order, then the later kinds'."""
        return tuple(p.defect() for p in (*self.pending, *self.later.pending))

    def pick(self, candidates: Sequence[Any]) -> Any | None:
        """A candidate not picked by another defect (by identity), or None."""
        free = [c for c in candidates if id(c) not in self.used]
        if not free:
            return None
        chosen = self.rng.choice(free)
        self.used.add(id(chosen))
        return chosen

    def wants(self, kind: str) -> bool:
        return kind in self.kinds

    # -- defects in the activity tree, before the subtotals

    def seed_leaf_defects(self, tree: list[_Node]) -> None:
        """Defects in the sub kegiatan's own money and targets, before the subtotals add them
        up (so that the subtotals stay right)."""
        leaves = [s for p in tree for k in p.children for s in k.children]
        funded = [s for s in leaves
                  if all(isinstance(v, Decimal) for v in s.money.values())]
        for kind in ("unfunded", "untargeted", "fraction"):
            if not self.wants(kind) or not (node := self.pick(funded)):
                continue
            year = self.rng.choice(self.years)
            if kind == "unfunded":
                node.money[year] = NIL
            elif kind == "untargeted":
                node.data["targets"][year] = Decimal(0)
            else:
                node.money[year] = _zero(node.money[year]) + Decimal("0.5")
            self.leaf_codes.add(node.code)
            self.seeded_at(kind, node, year)

    # -- defects in the finished data

    def activities(self, data: dict[str, Any], level: str) -> list[dict[str, Any]]:
        return activities_of(data, level)

    def seed_tree_defects(self, data: dict[str, Any]) -> None:
        programs = data["programs"]
        others = [p for p in programs if p["code"].split(".")[2] != "01"]
        kegiatan = self.activities(data, "kegiatan")
        subs = [s for s in self.activities(data, "sub_kegiatan")
                if s["code"] not in self.leaf_codes]
        plain = [k for k in kegiatan if k["code"].split(".")[2] != "01"]
        if self.wants("subtotal") and (node := self.pick(kegiatan)):
            year = str(self.rng.choice(self.years))
            budget = node["budget"]
            budget["planned"][year] = _m(_zero(_parse(budget["planned"][year]))
                                         + Decimal(1_000_000))
            budget["planned_total"] = _m(sum((_zero(_parse(v))
                                              for v in budget["planned"].values()), Decimal(0)))
            self.seeded_at("subtotal", node, year)
        if self.wants("period-total") and (node := self.pick(subs)):
            total = _parse(node["budget"]["planned_total"])
            node["budget"]["planned_total"] = _m(_zero(total) + Decimal(1000))
            self.seeded_at("period-total", node)
        if self.wants("no-subtotal") and (node := self.pick(kegiatan)):
            del node["budget"]
            self.seeded_at("no-subtotal", node)
        if self.wants("unknown-code") and (node := self.pick(subs)):
            siblings = {c["code"] for k in kegiatan for c in k.get("children", ())}
            number = 90
            base = node["code"].rsplit(".", 1)[0]
            while f"{base}.{number:04d}" in siblings:
                number += 1
            node["code"] = f"{base}.{number:04d}"
            self.seeded_at("unknown-code", node)
        if self.wants("official-name") and (node := self.pick(subs)):
            first, _, rest = node["name"].partition(" ")
            node["name"] = f"{first[:-2]}{first[-1]} {rest}"  # Penyediaan → Penyedian
            self.seeded_at("official-name", node)
        if self.wants("no-indicator") and (node := self.pick(subs)):
            del node["indicators"]
            self.seeded_at("no-indicator", node)
        if self.wants("no-location") and (node := self.pick(subs)):
            del node["location"]
            self.seeded_at("no-location", node)
        with_indicator = [s for s in subs if s.get("indicators")]
        if self.wants("no-unit") and (node := self.pick(with_indicator)):
            planned = node["indicators"][0]["planned"]
            year = self.rng.choice([y for y, q in planned.items() if q["amount"] != "-"])
            del planned[year]["unit"]
            self.seeded_at("no-unit", node, year)
        if self.wants("no-end") and (node := self.pick(with_indicator)):
            del node["indicators"][0]["end_of_period"]
            self.seeded_at("no-end", node)
        stocks = [s for s in with_indicator if (s["indicators"][0]["aggregation"] == "last"
                                                or id(s) in self.recast)
                  and id(s) not in self.used]
        # a stock stated as a flow is drawn as before, and left as it is
        if (self.wants("end-other-kind") and (node := self.pick(stocks))
                and id(node) not in self.recast):
            ind = node["indicators"][0]
            total = sum((_zero(_parse(q["amount"])) for q in ind["planned"].values()),
                        Decimal(0))
            last = _zero(_parse(ind["planned"][str(self.years[-1])]["amount"]))
            if total != last:
                ind["end_of_period"]["amount"] = _m(total)
                self.seeded_at("end-other-kind", node)
        if self.wants("end-fits-nothing") and (node := self.pick(with_indicator)):
            ind = node["indicators"][0]
            amounts = [_zero(_parse(q["amount"])) for q in ind["planned"].values()]
            end = sum(amounts, Decimal(0)) + max(amounts) + 7
            ind["end_of_period"]["amount"] = _m(end)
            self.seeded_at("end-fits-nothing", node)
        if self.wants("future-realisation") and (node := self.pick(subs)):
            budget = node["budget"]
            year = str(self.years[0])
            budget["realised"] = {year: budget["planned"][year]}
            self.seeded_at("future-realisation", node, year)
        if self.wants("special-autonomy") and (node := self.pick(plain)):
            segments = node["code"].split(".")
            p, k = int(segments[2]), int(segments[4])
            segments[3] = "3"
            node["code"] = ".".join(segments)
            node["name"] = kegiatan_name(self.bidang, p, k, 3)
            for child in node.get("children", ()):
                s = int(child["code"].split(".")[-1])
                child["code"] = f"{node['code']}.{s:04d}"
                if s <= _MAX_SUB:
                    child["name"] = sub_kegiatan_name(self.bidang, p, k, s, 3)
            self.seeded_at("special-autonomy", node)
        if self.wants("generic-code"):
            supporting = programs[0]
            _recode(supporting, "X.XX")
            self.seeded_at("generic-code", supporting)
        if self.wants("foreign-code") and (node := self.pick(others)):
            _recode(node, _foreign(self.bidang))
            self.seeded_at("foreign-code", node)


    def seed_table_defects(self, data: dict[str, Any]) -> None:
        rows = data["budget_table"]
        kegiatan_rows = [r for r in rows if r["level"] == "kegiatan"]
        in_tree = {k["code"] for k in self.activities(data, "kegiatan")}
        if self.wants("tc24-sum") and (row := self.pick(kegiatan_rows)):
            year = str(self.rng.choice(self.years))
            row["budget"]["planned"][year] = _m(_zero(_parse(row["budget"]["planned"][year]))
                                                + Decimal(1_000_000))
            self.seeded("tc24-sum", f"{row['code']} {year}")
        if self.wants("tc24-hierarchy") and (row := self.pick(kegiatan_rows)):
            segments = row["code"].split(".")
            segments[2] = f"{int(segments[2]) + 50:02d}"
            row["code"] = ".".join(segments)
            self.seeded("tc24-hierarchy", row["label"])
        named = [r for r in kegiatan_rows if r["code"] in in_tree]
        if self.wants("name-mismatch") and (row := self.pick(named)):
            row["label"] = row["label"] + " Daerah"
            self.seeded("name-mismatch", row["code"])
        funded = [r for r in kegiatan_rows
                  if all(_zero(_parse(v)) > 0 for v in r["budget"]["planned"].values())]
        if self.wants("missing-ratio") and (row := self.pick(funded)):
            row["budget"]["realised"] = dict(row["budget"]["planned"])
            self.seeded("missing-ratio", row["label"])
        if self.wants("wrong-ratio") and (row := self.pick(funded)):
            row["budget"]["realised"] = dict(row["budget"]["planned"])
            row["stated_ratio"] = {str(y): "100.00" for y in self.years}
            row["stated_ratio"][str(self.years[1])] = "90.00"
            self.seeded("wrong-ratio", row["label"])

    def seed_growth_defects(self, data: dict[str, Any]) -> None:
        """Defects in the growth T-C.24 states, once it is stated."""
        growth: list[tuple[dict[str, Any], Decimal, Decimal | None]] = []
        for row in data["budget_table"]:
            stated = _parse(row["stated_growth_planned"])
            if isinstance(stated, Decimal):
                series = {int(y): _parse(v) for y, v in row["budget"]["planned"].items()}
                growth.append((row, stated, _last_step(series)))
        if self.wants("growth-last-step"):
            hits = [(row, last) for row, stated, last in growth
                    if last is not None and last != stated and id(row) not in self.used]
            if len(hits) >= 2:
                for row, last in hits[:3]:
                    self.used.add(id(row))
                    row["stated_growth_planned"] = _m(last)
                self.seeded("growth-last-step", ", ".join(r["label"] for r, _ in hits[:3]))
        free = [row for row, _, _ in growth]
        if self.wants("growth-nothing") and (row := self.pick(free)):
            stated = _parse(row["stated_growth_planned"])
            row["stated_growth_planned"] = _m(_zero(stated) + Decimal("7.31"))
            self.seeded("growth-nothing", row["label"])

    def seed_reading_defects(self, data: dict[str, Any]) -> None:
        """A cell the plan's reading left unread: a note the plan keeps, nothing else
        changed (the activity's figures are whole)."""
        if not self.wants("unread-cell"):
            return
        subs = self.activities(data, "sub_kegiatan")
        row = 9 + sorted(s["code"] for s in subs).index(subs[0]["code"])
        data["reading"] = [{
            "sheet": "T-C.27", "row": row, "column": "P", "key": "excel.unknown_column",
            "params": {"title": "CATATAN"}, "value": "lihat lampiran", "heading": "CATATAN",
            "reading": "unread",
        }]
        self.seeded("unread-cell", f"T-C.27 P{row}")

    def seed_indicator_defects(self, data: dict[str, Any]) -> None:
        key = data["key_indicators"]
        shares = [k for k in key if "percent" in k["indicator"]["baseline"]]
        if self.wants("percentage") and (row := self.pick(shares)):
            year = str(self.years[1])
            cell = row["indicator"]["planned"][year]
            cell["percent"] = _m(_parse(cell["percent"]) + Decimal(5))  # type: ignore[operator]
            self.seeded("percentage", f"7.1 row {row['number']} {year}")
        if self.wants("shifted-percentages") and (row := self.pick(shares)):
            ind = row["indicator"]
            denominator = _parse(ind["end_of_period"]["amount"])
            years = [str(self.baseline), *(str(y) for y in self.years)]
            cells = [ind["baseline"], *(ind["planned"][y] for y in years[1:])]
            following = [*cells[1:], ind["end_of_period"]]
            for cell, after in zip(cells, following, strict=True):
                shown = present(share(_parse(after["amount"]), denominator))
                assert shown is not None  # the denominator is positive
                cell["percent"] = _m(shown)
            self.seeded("shifted-percentages", f"7.1 row {row['number']}")
        rows = data["service_performance"]
        if self.wants("linked-value") and (row := self.pick(rows)):
            year = str(self.years[2])
            cell = row["indicator"]["planned"][year]
            cell["amount"] = _m(_zero(_parse(cell["amount"])) + Decimal(3))
            self.seeded("linked-value", f"T-C.23 row {row['number']} {year}")
        if self.wants("linked-unit") and (row := self.pick(rows)):
            ind = row["indicator"]
            unit = ind["planned"][str(self.years[0])]["unit"]
            other = _OTHER_UNITS.get(unit, "Satuan Lain")
            for cell in ind["planned"].values():
                cell["unit"] = other
            self.seeded("linked-unit", f"T-C.23 row {row['number']}")
        goal_indicators = [i for g in data["goals"] for t in g["targets"]
                           for i in t["indicators"]]
        if self.wants("no-aggregation") and (ind := self.pick(goal_indicators)):
            del ind["aggregation"]
            # only the sum gives its end (the last year is also the largest of a stock that
            # rises): the one kind that fits
            total = sum((_zero(_parse(q["amount"])) for q in ind["planned"].values()),
                        Decimal(0))
            ind["end_of_period"]["amount"] = _m(total)
            self.seeded("no-aggregation", ind["id"])


def _last_step(series: dict[int, Decimal | Nil]) -> Decimal | None:
    from ..calculators.growth import last_step_growth

    value = last_step_growth(series)
    return None if isinstance(value, Undefined) else present(value)


def _recode(node: dict[str, Any], bidang: str) -> None:
    """Write *node*'s subtree under bidang urusan *bidang* (``X.XX`` for the generic form)."""
    segments = node["code"].split(".")
    node["code"] = ".".join([*bidang.split("."), *segments[2:]])
    for child in node.get("children", ()):
        _recode(child, bidang)


"""Building a healthy plan: its activity tree, drawn in the sizes of real plans, and the data
of its plan file around that tree.

Sizes are drawn like real plans': 5–12 programs (the supporting program ``B.01`` first),
1–4 kegiatan per program and 1–8 sub kegiatan per kegiatan, weighted so that a plan has
about 2.3 kegiatan per program and 3 sub kegiatan per kegiatan, as the TTU plan (7 / 16 / 48)
and a public works plan (10 / 22 / 60) do. Every plan has missions, goals with targets and
indicators (T-C.25), key indicators (Table 7.1, some stated with percentages of a
denominator), T-C.23 rows tied to them, the activity tree with an output indicator, a
location and five years of pagu per sub kegiatan and the subtotals of every program and
kegiatan (T-C.27), its total, and T-C.24 rows for the bidang, its programs and kegiatan with
their average growth (``state_growth``, stated once the defects in their money are
seeded). Money is whole thousands of rupiah, as Decimals.

>>> builder = _Builder(0, 7, None)
>>> data = builder.data(builder.tree())
>>> state_growth(data["budget_table"])
>>> data["organisation"]["name"], data["programs"][0]["code"]
('Dinas Pendidikan', '1.01.01')
"""

from __future__ import annotations

import copy
import random
from collections.abc import Mapping
from decimal import Decimal
from typing import Any, Final

from attrs import field, frozen

from ..calculators.arithmetic import Undefined, present
from ..calculators.growth import mean_growth
from ..calculators.ratios import share
from ..model.values import NIL, Nil
from .names import (
    _MAX_KEGIATAN,
    _MAX_PROGRAMS,
    _MAX_SUB,
    _OBJECTS,
    _SYLLABLES,
    _UNITS,
    _VERBS,
    AGENCIES,
    AGENCIES_PER_REGION,
    _weighted,
    bidang_name,
    kegiatan_name,
    program_name,
    region,
    sub_kegiatan_name,
)

# Size distributions, weighted to the real plans' means (TTU 7 / 16 / 48, a public works plan
# 10 / 22 / 60): about 2.3 kegiatan per program and 3 sub kegiatan per kegiatan.
_PROGRAMS: Final = ((5, 9), (6, 13), (7, 16), (8, 16), (9, 14), (10, 13), (11, 10), (12, 9))
_KEGIATAN: Final = ((1, 25), (2, 35), (3, 25), (4, 15))
_SUB_KEGIATAN: Final = ((1, 20), (2, 26), (3, 22), (4, 14), (5, 8), (6, 5), (7, 3), (8, 2))


@frozen
class Shape:
    """Fixed sizes instead of drawn ones: *programs* programs (the supporting one included),
    *kegiatan* kegiatan in each, *sub_kegiatan* sub kegiatan in each kegiatan.

    ``Shape(10, 5, 10)`` is a plan of 500 sub kegiatan.
    """

    programs: int = field()
    kegiatan: int = field()
    sub_kegiatan: int = field()

    @programs.validator
    @kegiatan.validator
    @sub_kegiatan.validator
    def _positive(self, attribute: Any, value: int) -> None:
        if not 1 <= value <= 99:
            raise ValueError(f"{attribute.name} must be 1 … 99, not {value}")


# -- the cells of a plan file ------------------------------------------------------------------


def _m(value: Decimal | Nil) -> str:
    return "-" if value is NIL else format(value, "f")


def _parse(text: str) -> Decimal | Nil:
    return NIL if text == "-" else Decimal(text)


def _q(amount: Decimal | Nil, unit: str | None, percent: Decimal | None = None) -> dict[str, Any]:
    cell: dict[str, Any] = {"amount": _m(amount)}
    if unit is not None:
        cell["unit"] = unit
    if percent is not None:
        cell["percent"] = format(percent, "f")
    return cell


def _zero(value: Decimal | Nil) -> Decimal:
    return value if isinstance(value, Decimal) else Decimal(0)


# -- building a plan ---------------------------------------------------------------------------


@frozen
class _Node:
    """An activity while it is built: its code segments, name, yearly money and targets."""

    segments: list[str]
    level: str
    name: str
    children: list[_Node]
    money: dict[int, Decimal | Nil]
    data: dict[str, Any] = field(factory=dict)

    @property
    def code(self) -> str:
        return ".".join(self.segments)


class _Builder:
    """Builds the data of one healthy plan: :meth:`tree`, then :meth:`data` around it."""

    def __init__(self, index: int, seed: int, shape: Shape | None) -> None:
        self.index = index
        self.rng = random.Random(f"renstra-generate/{seed}/{index}")
        self.region = region(index // AGENCIES_PER_REGION)
        self.agency = AGENCIES[index % AGENCIES_PER_REGION]
        self.shape = shape
        baseline = self.region.baseline_year
        self.baseline = baseline
        self.years = list(range(baseline + 1, baseline + 6))
        self.indicator_count = 0
        self.recast: set[int] = set()
        """The sub kegiatan (by identity of their data) drawn as a stock and stated as a flow,
        their last year having no target."""

    # -- helpers

    def indicator(
        self, prefix: str, name: str, unit: str, aggregation: str,
        counts: dict[int, Decimal | Nil], baseline: Decimal, table: str, row: str,
    ) -> dict[str, Any]:
        self.indicator_count += 1
        values = [_zero(v) for v in counts.values()]
        end = sum(values, Decimal(0)) if aggregation == "sum" else values[-1]
        return {
            "name": name,
            "id": f"{prefix}-{self.indicator_count}",
            "aggregation": aggregation,
            "baseline": _q(baseline, unit),
            "planned": {str(y): _q(v, unit) for y, v in counts.items()},
            "end_of_period": _q(end, unit),
            "source": {"table": table, "row": row},
        }

    def counts(self, low: int, high: int, *, rising: bool) -> dict[int, Decimal]:
        value = self.rng.randint(low, high)
        out: dict[int, Decimal] = {}
        for year in self.years:
            if rising:
                value += self.rng.randint(0, max(1, value // 5))
            out[year] = Decimal(value)
        return out

    # -- the plan

    def data(self, tree: list[_Node]) -> dict[str, Any]:
        """The plan's data around its activity *tree* (whose subtotals it adds up)."""
        agency, place = self.agency, self.region
        self.sum_up(tree)
        budget_table = self.budget_table(tree)
        data: dict[str, Any] = {
            "format_version": 1,
            "title": f"Rencana Strategis {agency.name} {place.name} Tahun "
                     f"{self.baseline}-{self.years[-1]}",
            "organisation": {
                "name": agency.name,
                "region": place.name,
                "province": place.province,
                "bidang_urusan": [agency.bidang],
                "address": f"Jalan {self.rng.choice(_VERBS[:3])} No. {self.rng.randint(1, 99)}, "
                           f"{place.capital}",
            },
            "period": {"baseline_year": self.baseline, "first_year": self.years[0],
                       "last_year": self.years[-1]},
            "adoption": {
                "date": f"{self.baseline}-{self.rng.randint(3, 11):02d}-"
                        f"{self.rng.randint(1, 28):02d}",
                "place": place.capital,
                "signatory": self.official("Kepala"),
            },
            "head": self.official("Kepala"),
            "regional_heads": [self.official("Bupati" if "Kabupaten" in place.name
                                             else "Wali Kota"),
                               self.official("Wakil Bupati" if "Kabupaten" in place.name
                                             else "Wakil Wali Kota")],
            "vision": f"Terwujudnya {place.name.split(' ', 1)[1]} yang Maju, Sejahtera dan "
                      "Berdaya Saing",
            "missions": [],
            "legal_basis": [
                "Undang-Undang Nomor 23 Tahun 2014 tentang Pemerintahan Daerah",
                "Peraturan Menteri Dalam Negeri Nomor 86 Tahun 2017",
                f"Peraturan Daerah {place.name} tentang RPJMD {self.baseline}-{self.years[-1]}",
            ],
            "strategic_issues": [f"Rendahnya kualitas {t.lower()}" for t in agency.topics[:3]],
            "resources": self.resources(),
            "problem_tables": [self.problem_table()],
        }
        missions = self.rng.randint(3, 6)
        data["missions"] = [
            {"number": n, "text": f"Misi {n}: meningkatkan {self.rng.choice(_OBJECTS).lower()} "
                                  f"{self.rng.choice(agency.topics).lower()}"}
            for n in range(1, missions + 1)
        ]
        data["goals"] = self.goals(missions)
        key_indicators, performance = self.key_indicators()
        data["key_indicators"] = key_indicators
        data["service_performance"] = performance
        data["programs"] = [self.activity_data(node) for node in tree]
        total = {y: sum((_zero(p.money[y]) for p in tree), Decimal(0)) for y in self.years}
        data["total_budget"] = {
            "planned": {str(y): _m(v) for y, v in total.items()},
            "planned_total": _m(sum(total.values(), Decimal(0))),
        }
        data["budget_table"] = budget_table
        return data

    def official(self, title: str) -> dict[str, Any]:
        first = "".join(self.rng.choice(_SYLLABLES) for _ in range(2)).capitalize()
        last = "".join(self.rng.choice(_SYLLABLES) for _ in range(3)).capitalize()
        year = self.rng.randint(1965, 1985)
        return {"name": f"{first} {last}", "title": title,
                "nip": f"{year}{self.rng.randint(1, 12):02d}{self.rng.randint(1, 28):02d} "
                       f"{year + 25}0{self.rng.randint(1, 9)} 1 00{self.rng.randint(1, 9)}"}

    def resources(self) -> dict[str, Any]:
        rows = []
        total_m = total_f = 0
        for number, position in enumerate(("Struktural", "Fungsional", "Pelaksana"), 1):
            male, female = self.rng.randint(2, 30), self.rng.randint(2, 30)
            total_m, total_f = total_m + male, total_f + female
            rows.append({"number": number, "unit": self.agency.name, "position": position,
                         "male": male, "female": female, "total": male + female})
        rows.append({"unit": "Jumlah", "male": total_m, "female": total_f,
                     "total": total_m + total_f, "is_total": True})
        assets = [{"number": n, "name": name, "unit": "Unit", "count": self.rng.randint(1, 40)}
                  for n, name in enumerate(("Komputer", "Kendaraan Roda Dua", "Meja Kerja"), 1)]
        return {"staff_by_gender": rows, "assets": assets}

    def problem_table(self) -> dict[str, Any]:
        topic = self.rng.choice(self.agency.topics)
        return {
            "number": "3.1",
            "title": "Permasalahan Pelayanan Perangkat Daerah",
            "rows": [
                {"number": "1", "core_problem": f"Belum optimalnya {topic.lower()}",
                 "problem": "Terbatasnya anggaran", "root_cause": "Prioritas belanja daerah"},
                {"problem": "Terbatasnya sumber daya manusia",
                 "root_cause": "Kurangnya pelatihan teknis"},
            ],
        }

    def goals(self, missions: int) -> list[dict[str, Any]]:
        goals = []
        for g in range(1, self.rng.randint(2, 4) + 1):
            topic = self.rng.choice(self.agency.topics)
            targets = []
            for t in range(1, self.rng.randint(1, 2) + 1):
                indicators = []
                for k in range(1, self.rng.randint(1, 2) + 1):
                    unit = self.rng.choice(_UNITS)
                    counts = self.counts(10, 500, rising=True)
                    indicators.append(self.indicator(
                        "TC25", f"Jumlah {unit.lower()} {topic.lower()} yang terlayani",
                        unit, "last", dict(counts), counts[self.years[0]],
                        "T-C.25", f"{g}.{t}, indikator {k}"))
                targets.append({"text": f"Meningkatnya kualitas {topic.lower()} ({g}.{t})",
                                "indicators": indicators})
            goals.append({
                "text": f"Meningkatkan {self.rng.choice(_OBJECTS).lower()} {topic.lower()}",
                "mission": self.rng.randint(1, missions),
                "targets": targets,
                "strategies": [f"Penguatan {topic.lower()}"],
                "policies": [f"Peningkatan cakupan {topic.lower()}"],
                "number": str(g),
            })
        return goals

    def key_indicators(self) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
        """Table 7.1: indicators stated as a count with its percentage of a denominator (the
        end of period, at 100 %), and plain counts; T-C.23 repeats the plain ones."""
        key: list[dict[str, Any]] = []
        performance: list[dict[str, Any]] = []
        for number in range(1, self.rng.randint(3, 6) + 1):
            topic = self.agency.topics[number % len(self.agency.topics)]
            unit = self.rng.choice(_UNITS)
            if number <= 2:  # a share of a denominator
                denominator = Decimal(self.rng.randint(200, 5000))
                start = denominator * self.rng.randint(30, 60) // 100
                step = (denominator - start) // 5
                counts = {y: start + step * (i + 1) for i, y in enumerate(self.years)}
                counts[self.years[-1]] = denominator
                ind = self.indicator("KI", f"Persentase {topic.lower()} yang tertangani", unit,
                                     "last", dict(counts), start, "7.1", str(number))
                ind["baseline"] = _q(start, unit, present(share(start, denominator)))
                ind["planned"] = {
                    str(y): _q(v, unit, present(share(v, denominator)))
                    for y, v in counts.items()
                }
                ind["end_of_period"] = _q(denominator, unit, Decimal("100.00"))
                key.append({"number": number, "indicator": ind,
                            "program": f"Persentase {topic.lower()} yang tertangani"})
                continue
            counts = self.counts(20, 900, rising=True)
            ind = self.indicator("KI", f"Jumlah {topic.lower()} yang terlayani", unit, "last",
                                 dict(counts), counts[self.years[0]], "7.1", str(number))
            key.append({"number": number, "indicator": ind})
            row = copy.deepcopy(ind)
            row.update(id=f"TC23-{number}", links=[ind["id"]],
                       source={"table": "T-C.23", "row": str(len(performance) + 1)})
            del row["baseline"]
            del row["end_of_period"]
            performance.append({"number": len(performance) + 1, "indicator": row})
        return key, performance

    def tree(self) -> list[_Node]:
        """Programs, kegiatan and sub kegiatan with their codes, names, money and targets."""
        rng, bidang = self.rng, self.agency.bidang
        shape = self.shape
        n_programs = shape.programs if shape else _weighted(rng, _PROGRAMS)
        numbers = [1, *sorted(rng.sample(range(2, max(_MAX_PROGRAMS, n_programs) + 1),
                                         n_programs - 1))]
        programs = []
        for p in numbers:
            n_kegiatan = shape.kegiatan if shape else _weighted(rng, _KEGIATAN)
            kegiatan = []
            for k in sorted(rng.sample(range(1, max(_MAX_KEGIATAN, n_kegiatan) + 1), n_kegiatan)):
                n_sub = shape.sub_kegiatan if shape else _weighted(rng, _SUB_KEGIATAN)
                subs = [
                    self.sub_kegiatan([*bidang.split("."), f"{p:02d}", "2", f"{k:02d}",
                                       f"{s:04d}"], p, k, s)
                    for s in sorted(rng.sample(range(1, max(_MAX_SUB, n_sub) + 1), n_sub))
                ]
                kegiatan.append(_Node([*bidang.split("."), f"{p:02d}", "2", f"{k:02d}"],
                                      "kegiatan", kegiatan_name(bidang, p, k), subs, {}))
            programs.append(_Node([*bidang.split("."), f"{p:02d}"], "program",
                                  program_name(bidang, p), kegiatan, {}))
        return programs

    def sub_kegiatan(self, segments: list[str], p: int, k: int, s: int) -> _Node:
        rng = self.rng
        amount = rng.randrange(15_000, 1_500_000) * 1000
        unit = rng.choice(_UNITS)
        money: dict[int, Decimal | Nil] = {}
        targets: dict[int, Decimal | Nil] = {}
        target = rng.randint(1, 60)
        for year in self.years:
            if year != self.years[0] and rng.randrange(12) == 0:  # neither money nor target
                money[year] = NIL
                targets[year] = NIL
                continue
            amount = amount * rng.randint(88, 122) // 100 // 1000 * 1000
            money[year] = Decimal(amount)
            targets[year] = Decimal(target + rng.randint(0, 5))
        name = sub_kegiatan_name(self.agency.bidang, p, k, s)
        node = _Node(segments, "sub_kegiatan", name, [], money)
        node.data["unit_of_target"] = unit
        node.data["targets"] = targets
        node.data["aggregation"] = rng.choice(("sum", "last"))
        if node.data["aggregation"] == "last" and targets[self.years[-1]] is NIL:
            # the last year of a series ending in '-' is read as the '-' or as the last amount:
            # a stock without a target in the last year is stated as a flow instead
            node.data["aggregation"] = "sum"
            node.data["recast"] = True
        return node

    def sum_up(self, tree: list[_Node]) -> None:
        for program in tree:
            for kegiatan in program.children:
                kegiatan.money.update({
                    y: sum((_zero(s.money[y]) for s in kegiatan.children), Decimal(0))
                    for y in self.years
                })
            program.money.update({
                y: sum((_zero(k.money[y]) for k in program.children), Decimal(0))
                for y in self.years
            })

    def activity_data(self, node: _Node) -> dict[str, Any]:
        planned = {str(y): _m(v) for y, v in node.money.items()}
        total = sum((_zero(v) for v in node.money.values()), Decimal(0))
        data: dict[str, Any] = {
            "code": node.code,
            "level": node.level,
            "name": node.name,
        }
        if node.level == "sub_kegiatan":
            unit = node.data["unit_of_target"]
            targets = node.data["targets"]
            data["indicators"] = [self.indicator(
                "TC27", f"Jumlah {unit.lower()} {node.name.lower()}", unit,
                node.data["aggregation"], targets, Decimal(self.rng.randint(0, 40)), "T-C.27",
                node.code)]
        data["budget"] = {"planned": planned, "planned_total": _m(total)}
        data["unit"] = self.agency.name
        if node.level == "sub_kegiatan":
            data["location"] = self.region.name
        if node.children:
            data["children"] = [self.activity_data(child) for child in node.children]
        data["source"] = {"table": "T-C.27", "row": node.code}
        node.data["built"] = data
        if node.data.get("recast"):
            self.recast.add(id(data))
        return data

    def budget_table(self, tree: list[_Node]) -> list[dict[str, Any]]:
        """T-C.24: the bidang, its programs and kegiatan, with the planned money."""
        bidang_money = {y: sum((_zero(p.money[y]) for p in tree), Decimal(0))
                        for y in self.years}
        rows = [self.budget_row(bidang_name(self.agency.bidang), "bidang_urusan",
                                self.agency.bidang, bidang_money)]
        for program in tree:
            rows.append(self.budget_row(program.name, "program", program.code, program.money))
            for kegiatan in program.children:
                rows.append(self.budget_row(kegiatan.name, "kegiatan", kegiatan.code,
                                            kegiatan.money))
        return rows

    @staticmethod
    def budget_row(label: str, level: str, code: str,
                   money: Mapping[int, Decimal | Nil]) -> dict[str, Any]:
        return {
            "label": label,
            "level": level,
            "budget": {"planned": {str(y): _m(v) for y, v in money.items()}},
            "code": code,
            "source": {"table": "T-C.24", "row": label},
        }


def state_growth(rows: list[dict[str, Any]]) -> None:
    """State the average growth of every T-C.24 row, as the table does, from the row's planned
    money as it stands (after any defect seeded in it)."""
    for row in rows:
        series = {int(y): _parse(v) for y, v in row["budget"]["planned"].items()}
        mean = mean_growth(series)
        stated = NIL if isinstance(mean, Undefined) else present(mean)
        assert stated is not None
        row["stated_growth_planned"] = _m(stated)

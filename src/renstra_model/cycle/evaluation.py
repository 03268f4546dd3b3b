"""The evaluation of realisations against the plan: for each activity, indicator and year,
the target, the realisation, the capaian (with the indicator's polarity) and its predikat, the
pagu, the rupiah realised and their ratio; the roll-ups of money and capaian to kegiatan,
program and plan; and the findings of the rows and of the evaluation
(:mod:`~renstra_model.cycle.evaluation_rules`).

* **Rows.** One for each indicator of each activity and each year evaluated, and one for an
  activity without indicators that has a realisation, or is a sub kegiatan with a pagu (its
  ``indicator`` is None). The money of an activity stands on each of its rows. The years
  evaluated are *year*, else those the realisations state and, given *today*, the plan years
  that have ended.
* **Indicators.** A realisation names its indicator by the indicator's id, its name (case and
  spaces aside) or its position (``#2``); it need name none where the activity states one
  indicator, or where it states only rupiah.
* **Money.** The rupiah of an activity and year are the sum of what its rows state (an
  export of one row per indicator states each part once); a kegiatan's, program's and the
  plan's are the sum of their sub kegiatan's, as :mod:`~renstra_model.calculators.rollups`
  rolls up the pagu (a parent's own rupiah, which a row may state, stand on its row and are
  compared with its pagu, but are not added to the roll-up).
* **Capaian of a roll-up.** The mean of the capaian of the indicators below it (its own and
  its descendants'), unweighted: each indicator is one commitment of the plan, and weighting
  by pagu would let money decide how well the targets were met, while the budget ratio
  reports the money beside it. Indicators whose capaian is undefined (no realisation, a zero
  or ``-`` target, units that differ) are left out and counted (``undefined``); with none
  defined, the roll-up's capaian is undefined (``missing``).

>>> from renstra_model.examples import ttu_dinsos
>>> from renstra_model.model.codes import Code
>>> from renstra_model.model.values import Quantity
>>> done = Realisation(Code.parse("1.06.04.2.01.0001"), 2022, None,
...                    Quantity(Decimal(80), "org"), Decimal(0), row=2)
>>> evaluation = evaluate(ttu_dinsos(), [done])
>>> (row,) = [r for r in evaluation.rows if r.code == done.code]
>>> row.capaian, row.predikat.label("id")
(Decimal('80.0'), 'tinggi')
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Iterator, Sequence
from decimal import Decimal
from typing import Any, Final

from attrs import field, frozen

from ..calculators.arithmetic import CONTEXT, ZERO, Reason, Result, Undefined, number_of
from ..calculators.ratios import Predikat, capaian, predikat, realisation_ratio, shown
from ..calculators.rollups import rollups_by_id
from ..checks.findings import Finding, Location
from ..errors import fail
from ..messages import extend
from ..model.activities import Activity
from ..model.codes import Code, Level
from ..model.indicators import Indicator
from ..model.plan import Plan
from ..model.values import Nil, Quantity
from . import evaluation_rules as rules

extend({
    "evaluation.year": {
        "en": "{year} is not a year of the plan ({first}-{last})",
        "id": "{year} bukan tahun rencana ({first}-{last})",
    },
})

LOW_CAPAIAN: Final = Decimal(50)
"""A capaian under this (in percent) is a finding (RE012)."""

EXAMPLES: Final = 5
"""How many codes RE011 names."""

_SPACES: Final = re.compile(r"\s+")


@frozen
class Realisation:
    """One row of a realisation file: what was realised of an activity in a year."""

    code: Code
    year: int
    indicator: str | None = None
    """The indicator realised: its id, name or position (``#2``); None where the activity
    states one, or the row states only rupiah."""
    realised: Quantity | None = None
    """The target realised (realisasi), with its unit where the row states one."""
    realised_rp: Decimal | None = None
    """The rupiah realised (realisasi anggaran)."""
    row: int | None = None
    """The row of the source file (a spreadsheet's numbering, the header being row 1)."""
    source: str | None = None
    """The file's name."""


@frozen
class EvaluationRow:
    """One activity, indicator and year of the evaluation."""

    code: Code
    level: Level
    name: str | None
    year: int
    indicator: str | None
    """The indicator's label (its name, else its id, else ``#k``); None on a row of money."""
    target: Quantity | None
    realised: Quantity | None
    capaian: Result
    predikat: Predikat | Undefined
    pagu: Decimal | None
    """The activity's pagu of the year (a stated ``-`` is zero); None where it states none."""
    realised_rp: Decimal | None
    budget_ratio: Result
    """``realised_rp / pagu × 100``."""
    rows: tuple[int, ...] = ()
    """The rows of the realisation file read into this row."""
    path: str = ""
    """The indicator's (else the activity's) path in the plan."""


@frozen
class Rollup:
    """The money and capaian of a kegiatan, a program or (code None) the plan, in a year."""

    code: Code | None
    level: Level | None
    name: str | None
    year: int
    pagu: Decimal | None
    realised_rp: Decimal | None
    budget_ratio: Result
    capaian: Result
    """The unweighted mean of the defined capaian of the indicators below."""
    predikat: Predikat | Undefined
    counted: int
    """The indicators whose capaian the mean counts."""
    undefined: int
    """The indicators below whose capaian is undefined, left out of the mean."""


@frozen
class Evaluation:
    """The result of :func:`evaluate`."""

    years: tuple[int, ...]
    rows: tuple[EvaluationRow, ...]
    rollups: tuple[Rollup, ...]
    findings: tuple[Finding, ...] = field(factory=tuple)


# -- indicators ---------------------------------------------------------------------------------


def _normal(text: str) -> str:
    return _SPACES.sub(" ", text).strip().casefold()


def indicator_label(activity: Activity, k: int) -> str:
    """How the evaluation names the indicator *k* (0-based) of *activity*: its name where it
    names no other indicator of the activity, else its id, else its position ``#k+1``; each
    read back by :func:`find_indicator` as this indicator."""
    indicator = activity.indicators[k]
    for label in (indicator.name, indicator.id):
        if label is not None and find_indicator(activity, label) == k:
            return label
    return f"#{k + 1}"


def find_indicator(activity: Activity, wanted: str) -> int | None:
    """The position of the indicator of *activity* that *wanted* names: its position
    (``#2``), its id, or its name (case and spaces aside, where no other indicator of the
    activity has it); None if none."""
    text = wanted.strip()
    count = len(activity.indicators)
    if text.startswith("#") and text[1:].isdigit():
        k = int(text[1:]) - 1
        return k if 0 <= k < count else None
    for k, indicator in enumerate(activity.indicators):
        if indicator.id is not None and indicator.id.strip() == text:
            return k
    named = [k for k, i in enumerate(activity.indicators)
             if i.name is not None and _normal(i.name) == _normal(wanted)]
    return named[0] if len(named) == 1 else None


# -- evaluate -----------------------------------------------------------------------------------


@frozen
class _Accepted:
    """A realisation row taken into the evaluation, with its indicator's position."""

    realisation: Realisation
    index: int | None
    """The indicator's position; None for a row of rupiah only, or whose indicator is bad."""
    unit_ok: bool = True


def _where(r: Realisation) -> Location:
    return Location(r.source, r.code, r.year, "", None if r.row is None else str(r.row))


def _row_number(r: Realisation) -> int | str:
    return r.row if r.row is not None else "?"


def _target_unit(indicator: Indicator, target: Quantity | None) -> str | None:
    unit = target.unit if target is not None else None
    return unit if unit is not None else indicator.unit


class _Run:
    """One evaluation: the plan, its index, and the findings as they come."""

    def __init__(self, plan: Plan, year: int | None, today: dt.date | None) -> None:
        self.plan = plan
        self.year = year
        self.today = today
        self.entries = {a.code: (path, a) for path, a in plan.activities()}
        self.rolled = rollups_by_id(plan.programs)
        """The pagu of every activity per year, rolled up from its sub kegiatan."""
        self.findings: list[Finding] = []
        self.accepted: dict[tuple[Code, int, int | None], _Accepted] = {}
        self.money: dict[tuple[Code, int], Decimal] = {}
        self.stated: set[tuple[Code, int]] = set()
        """The activity-years a row was accepted for."""

    def add(self, rule: rules.EvaluationRule, location: Location, **params: Any) -> None:
        self.findings.append(rule.found(location, params))

    def take(self, realisations: Iterable[Realisation]) -> None:
        """Sort each row: bad rows are findings, the rest are kept by their key."""
        duplicates: dict[tuple[Code, int, int | None], list[Realisation]] = {}
        period = self.plan.period
        for r in realisations:
            entry = self.entries.get(r.code)
            if entry is None:
                self.add(rules.UNKNOWN_CODE, _where(r), row=_row_number(r), code=str(r.code))
                continue
            if r.year not in period.years:
                self.add(rules.OUTSIDE_PERIOD, _where(r), row=_row_number(r), year=r.year,
                         first=period.first_year, last=period.last_year)
                continue
            if self.year is not None and r.year != self.year:
                continue  # another year than the one evaluated
            activity = entry[1]
            index, usable = self._indicator(r, activity)
            key = (r.code, r.year, index if usable else -1 - len(self.accepted))
            if key in self.accepted:
                duplicates.setdefault(key, [self.accepted[key].realisation]).append(r)
                continue
            unit_ok = self._unit(r, activity, index) if index is not None else True
            self.accepted[key] = _Accepted(r, index, unit_ok)
            self.stated.add((r.code, r.year))
            if r.realised_rp is not None:
                here = (r.code, r.year)
                self.money[here] = self.money.get(here, ZERO) + r.realised_rp
        for (code, year, index), rows in duplicates.items():
            first = rows[0]
            label = (indicator_label(self.entries[code][1], index) if index is not None
                     else None)
            self.add(rules.DUPLICATE, _where(first), code=str(code), year=year,
                     indicator=label, rows=[_row_number(r) for r in rows],
                     first=_row_number(first))

    def _indicator(self, r: Realisation, activity: Activity) -> tuple[int | None, bool]:
        """The position of the indicator *r* realises (None for rupiah only), and whether
        the row names it well; a bad indicator is a finding."""
        count = len(activity.indicators)
        row = _row_number(r)
        if r.indicator is not None:
            k = find_indicator(activity, r.indicator)
            if k is None:
                message = rules.NO_INDICATOR if count == 0 else None
                self.findings.append(rules.UNKNOWN_INDICATOR.found(
                    _where(r), {"row": row, "code": str(r.code), "indicator": r.indicator,
                                "count": count}, message=message))
                return None, False
            return k, True
        if r.realised is None:
            return None, True
        if count == 1:
            return 0, True
        if count == 0:
            self.findings.append(rules.UNKNOWN_INDICATOR.found(
                _where(r), {"row": row, "code": str(r.code), "indicator": None, "count": 0},
                message=rules.NO_INDICATOR))
        else:
            self.add(rules.INDICATOR_NEEDED, _where(r), row=row, code=str(r.code), count=count)
        return None, False

    def _unit(self, r: Realisation, activity: Activity, index: int) -> bool:
        indicator = activity.indicators[index]
        unit = r.realised.unit if r.realised is not None else None
        target_unit = _target_unit(indicator, indicator.planned.get(r.year))
        if unit is None or target_unit is None or unit.casefold() == target_unit.casefold():
            return True
        self.add(rules.UNIT_DIFFERS, _where(r), row=_row_number(r), code=str(r.code),
                 unit=unit, target_unit=target_unit)
        return False

    def years(self) -> tuple[int, ...]:
        if self.year is not None:
            return (self.year,)
        years = {year for _, year in self.stated}
        if self.today is not None:
            years |= {y for y in self.plan.period.years if y < self.today.year}
        return tuple(sorted(years))


def evaluate(
    plan: Plan,
    realisations: Iterable[Realisation],
    *,
    year: int | None = None,
    today: dt.date | None = None,
) -> Evaluation:
    """The evaluation of *realisations* against *plan*: one year (*year*) or every year the
    rows state and, given *today*, every plan year that has ended by then. Without *today*,
    no finding depends on the date (RE010, RE011).

    A *year* outside the plan's period raises :class:`~renstra_model.errors.InvalidPlanError`.
    """
    period = plan.period
    if year is not None and year not in period.years:
        raise fail("evaluation.year", year=year, first=period.first_year, last=period.last_year)
    run = _Run(plan, year, today)
    run.take(realisations)
    years = run.years()
    rows = tuple(_rows(run, years))
    rollups = tuple(_rollups(run, years, rows))
    run.findings.extend(_above_pagu(run))
    run.findings.extend(_date_findings(run, years, rows))
    run.findings.extend(_low(rows))
    return Evaluation(years, rows, rollups, tuple(run.findings))


def _rows(run: _Run, years: Sequence[int]) -> Iterator[EvaluationRow]:
    """The rows of the evaluation: years first, then the activities in tree order."""
    rolled = run.rolled
    for year in years:
        for path, activity in run.plan.activities():
            pagu = rolled[id(activity)].get(year)
            here = (activity.code, year)
            realised_rp = run.money.get(here)
            ratio = realisation_ratio(realised_rp, pagu, year=year)
            for k, indicator in enumerate(activity.indicators):
                accepted = run.accepted.get((activity.code, year, k))
                realised = accepted.realisation.realised if accepted is not None else None
                target = indicator.planned.get(year)
                value: Result
                if accepted is not None and not accepted.unit_ok:
                    value = Undefined(Reason.UNITS_DIFFER, year)
                else:
                    value = capaian(_amount(realised), _amount(target), indicator.polarity,
                                    year=year)
                yield EvaluationRow(
                    activity.code, activity.level, activity.name, year,
                    indicator_label(activity, k), target, realised, value, predikat(value),
                    pagu, realised_rp, ratio, _sources(run, activity.code, year, k),
                    f"{path}.indicators[{k}]",
                )
            if not activity.indicators and (
                here in run.stated or (pagu is not None and not activity.children)
            ):
                missing = Undefined(Reason.MISSING, year)
                yield EvaluationRow(
                    activity.code, activity.level, activity.name, year, None, None, None,
                    missing, missing, pagu, realised_rp, ratio,
                    _sources(run, activity.code, year, None), path,
                )


def _amount(value: Quantity | None) -> Decimal | Nil | None:
    """The amount of *value* as the calculators take it (None for none)."""
    return None if value is None else value.amount


def _sources(run: _Run, code: Code, year: int, index: int | None) -> tuple[int, ...]:
    """The rows of the file read into the row of *code*, *year* and indicator *index*: the
    row of the indicator, and the rows of the activity's rupiah (a row of rupiah only, or one
    whose indicator is bad)."""
    found = []
    for (c, y, k), accepted in run.accepted.items():
        row = accepted.realisation.row
        if c != code or y != year or row is None:
            continue
        if k == index or ((k is None or k < 0) and accepted.realisation.realised_rp is not None):
            found.append(row)
    return tuple(sorted(found))


def _mean(values: Sequence[Decimal], year: int) -> Result:
    if not values:
        return Undefined(Reason.MISSING, year)
    return CONTEXT.divide(sum(values, ZERO), Decimal(len(values)))


def _rollups(run: _Run, years: Sequence[int], rows: Sequence[EvaluationRow]) -> Iterator[Rollup]:
    """The roll-ups of each year: every program and kegiatan in tree order, then the plan."""
    rolled = run.rolled
    leaves = {a.code for _, a in run.plan.activities() if not a.children}
    for year in years:
        indicator_rows = [r for r in rows if r.year == year and r.indicator is not None]
        money = {code: amount for (code, y), amount in run.money.items()
                 if y == year and code in leaves}
        for _, activity in run.plan.activities():
            if activity.level is Level.SUB_KEGIATAN:
                continue
            code = activity.code
            below = [r for r in indicator_rows
                     if r.code == code or r.code.is_descendant_of(code)]
            spent = [amount for leaf, amount in money.items()
                     if leaf == code or leaf.is_descendant_of(code)]
            yield _rollup(code, activity.level, activity.name, year,
                          rolled[id(activity)].get(year), spent, below)
        pagu = [rolled[id(p)][year] for p in run.plan.programs if year in rolled[id(p)]]
        yield _rollup(None, None, run.plan.label, year,
                      CONTEXT.add(sum(pagu, ZERO), ZERO) if pagu else None,
                      list(money.values()), indicator_rows)


def _rollup(code: Code | None, level: Level | None, name: str | None, year: int,
            pagu: Decimal | None, spent: Sequence[Decimal],
            below: Sequence[EvaluationRow]) -> Rollup:
    defined = [r.capaian for r in below if isinstance(r.capaian, Decimal)]
    realised_rp = CONTEXT.add(sum(spent, ZERO), ZERO) if spent else None
    mean = _mean(defined, year)
    return Rollup(code, level, name, year, pagu, realised_rp,
                  realisation_ratio(realised_rp, pagu, year=year), mean, predikat(mean),
                  len(defined), len(below) - len(defined))


def _above_pagu(run: _Run) -> Iterator[Finding]:
    """RE009: an activity whose rupiah realised in a year are above its pagu (a pagu of
    ``-`` or none being zero)."""
    rolled = run.rolled
    for (code, year), amount in sorted(run.money.items(), key=lambda kv: (kv[0][1],
                                                                          kv[0][0].segments)):
        pagu = rolled[id(run.entries[code][1])].get(year)
        if amount > (pagu if pagu is not None else ZERO):
            yield rules.ABOVE_PAGU.found(
                Location(None, code, year, run.entries[code][0]),
                {"code": str(code), "year": year, "realised_rp": format(amount, "f"),
                 "pagu": None if pagu is None else format(pagu, "f")})


def _date_findings(run: _Run, years: Sequence[int],
                   rows: Sequence[EvaluationRow]) -> Iterator[Finding]:
    """RE010, a year realised before it has ended, and RE011, an elapsed year whose targets
    or pagu have no realisation: one finding a year."""
    today = run.today
    if today is None:
        return
    early: dict[int, list[int | None]] = {}
    for (_, year, _), accepted in run.accepted.items():
        if year >= today.year:
            early.setdefault(year, []).append(accepted.realisation.row)
    for year, numbers in sorted(early.items()):
        yield rules.NOT_ENDED.found(
            Location(None, None, year),
            {"year": year, "today": today.isoformat(), "count": len(numbers),
             "rows": sorted(n for n in numbers if n is not None)})
    for year in years:
        if year >= today.year:
            continue
        wanted = [r for r in rows if r.year == year and _expects(r)]
        missing = [r for r in wanted if not _realised(r)]
        if missing:
            codes = list(dict.fromkeys(str(r.code) for r in missing))
            shown = ", ".join(codes[:EXAMPLES]) + (", …" if len(codes) > EXAMPLES else "")
            yield rules.NOT_REALISED.found(
                Location(None, None, year),
                {"year": year, "missing": len(missing), "total": len(wanted),
                 "codes": shown, "missing_codes": codes})


def _expects(row: EvaluationRow) -> bool:
    """Whether *row* asks for a realisation: a target other than zero or ``-``, or (a row of
    money) a pagu above zero."""
    if row.indicator is None:
        return row.pagu is not None and row.pagu > ZERO
    amount = number_of(row.target)
    return isinstance(amount, Decimal) and amount != ZERO


def _realised(row: EvaluationRow) -> bool:
    return row.realised is not None if row.indicator is not None else row.realised_rp is not None


def _low(rows: Sequence[EvaluationRow]) -> Iterator[Finding]:
    """RE012: a row whose capaian is under :data:`LOW_CAPAIAN`."""
    for row in rows:
        if isinstance(row.capaian, Decimal) and row.capaian < LOW_CAPAIAN:
            yield rules.LOW_CAPAIAN.found(
                Location(None, row.code, row.year, row.path),
                {"code": str(row.code), "year": row.year, "indicator": row.indicator,
                 "capaian": format(shown(row.capaian, 2), "f"),
                 "realised": str(row.realised), "target": str(row.target)})

"""From the rows of a SIPD export to plans, one per Perangkat Daerah (kodepemda, kodeskpd):
each row is read into its plan's sub kegiatan (its indicator and its pagu, kept as one of the
sub kegiatan's budget parts), the programs and kegiatan are derived from the codes, and every
problem of a row becomes a reading note of the plan it belongs to (``RowReader``).
"""

from __future__ import annotations

import decimal
from collections.abc import Callable, Collection, Mapping, Sequence
from decimal import Decimal
from typing import Final

from attrs import field, frozen

from ...errors import InvalidPlanError, Problem, fail
from ...model._fields import to_tuple
from ...model.activities import Activity
from ...model.budget import BudgetLine
from ...model.codes import Code, Level
from ...model.indicators import Indicator, Polarity
from ...model.nomenclature import Nomenclature
from ...model.plan import Organisation, Period, Plan
from ...model.provenance import Reading, ReadingNote, Source
from ...model.values import MAX_TEXT, NIL, MoneyCell, Quantity, check_text
from ..parsing import Style
from .dialect import SipdError
from .fields import (
    MAX_YEARS,
    formula_kind,
    is_zero,
    normalised,
    pagu,
    read_money,
    read_period,
    read_volume,
    text_of,
    volume,
)

MAX_NOTES: Final = 5_000
"""Reading notes kept at most for a plan; the rest are counted in a last note."""
MAX_VOLUMES: Final = 10_000
"""Distinct volume texts whose quantities are kept for reuse."""
SHOWN_ROWS: Final = 20
"""How many row numbers a source note lists."""

_IDENTITY: Final = ("uraiskpd", "namapemda")
_SUB: Final = ("kodekegiatan", Level.KEGIATAN), ("kodeprogram", Level.PROGRAM)
_CODE_COLUMNS: Final = (*_SUB, ("kodebidang", Level.BIDANG_URUSAN))
_VOLUMES: Final = tuple(volume(n) for n in range(MAX_YEARS + 1))
_PAGU: Final = tuple(pagu(n) for n in range(MAX_YEARS + 1))
_INDICATOR_COLUMNS: Final = ("uraisubkegiatan_indikator", "satuan", "volume_awal",
                             "kodesubkegiatan_indikator", "kinerja", "formula")


@frozen
class SipdPlan:
    """One plan of an export: the Perangkat Daerah's identity in the export's codes, the plan,
    and the rows read into it."""

    kodepemda: str
    """The region's code as the export writes it (``3201``)."""
    kodeskpd: str
    """The Perangkat Daerah's code as the export writes it (``1.02.0.00.0.00.01.0000``)."""
    plan: Plan
    rows: tuple[int, ...] = field(default=(), converter=to_tuple)
    """The rows read into the plan's activities (a row left unread is in a note instead)."""


def _level_error(code: Code, column: str, expected: Level) -> InvalidPlanError:
    return fail("sipd.code_level", code=str(code), actual=code.level.label.lower(),
                column=column, expected=expected.label.lower())


def _same(a: str, b: str) -> bool:
    return " ".join(a.split()).casefold() == " ".join(b.split()).casefold()


def _span(rows: Sequence[int]) -> str:
    return str(rows[0]) if len(rows) == 1 else f"{rows[0]}-{rows[-1]}"


def _listed(rows: Sequence[int]) -> str:
    shown = ", ".join(str(r) for r in rows[:SHOWN_ROWS])
    return shown + (", …" if len(rows) > SHOWN_ROWS else "")


class _Named:
    """An activity of a plan being read: its rows, and its name as the first row states it."""

    __slots__ = ("indicators", "name", "name_row", "parts", "rows")

    def __init__(self) -> None:
        self.rows: list[int] = []
        self.name: str | None = None
        self.name_row = 0
        self.indicators: list[Indicator] = []
        self.parts: list[BudgetLine] = []


class _Plan:
    """A plan being read: what its rows state so far, and the notes of its reading."""

    def __init__(self, kodepemda: str, kodeskpd: str, sheet: str) -> None:
        self.kodepemda = kodepemda
        self.kodeskpd = kodeskpd
        self.sheet = sheet
        self.period: Period | None = None
        self.years: tuple[int, ...] = ()
        self.period_text = ""
        self.period_row = 0
        self.identity: dict[str, tuple[str, int]] = {}
        self.bidang: set[Code] = set()
        self.subs: dict[Code, _Named] = {}
        self.parents: dict[Code, _Named] = {}
        self.notes: list[ReadingNote] = []
        self.extra = 0
        self.rows: list[int] = []

    def add(self, note: ReadingNote) -> None:
        if len(self.notes) >= MAX_NOTES:
            self.extra += 1
        else:
            self.notes.append(note)


class RowReader:
    """Reads rows, each a mapping of the export's (known) field names to values, into plans:
    :meth:`read` a row, :meth:`finish` for the plans."""

    def __init__(self, *, source: str, sheet: str, columns: Collection[str], style: Style,
                 nomenclature: Nomenclature | None = None) -> None:
        self.source = source
        self.sheet = sheet
        self.columns = columns
        self.style = style
        self.nomenclature = nomenclature
        self.plans: dict[tuple[str, str], _Plan] = {}
        self.unplaced: list[tuple[str | None, ReadingNote]] = []
        self.checked: set[Period] = set()
        self.codes_read: dict[str, Code] = {}
        self.volumes: dict[str, Quantity] = {}
        """The quantities of the volume texts read so far (most repeat: ``1``, ``100``)."""

    # -- notes ----------------------------------------------------------------------------

    def note(self, number: int, column: str | None, key: str, params: Mapping[str, object],
             value: str | None) -> ReadingNote:
        text = {k: v if isinstance(v, str) else str(v) for k, v in params.items()}
        shown = value[:MAX_TEXT] if value and value.strip() else None
        return ReadingNote(self.sheet, number, column, key, text, shown, None, Reading.UNREAD)

    def problem(self, plan: _Plan, number: int, column: str | None, exc: InvalidPlanError,
                value: str | None) -> None:
        first = exc.problems[0]
        plan.add(self.note(number, column, first.key, first.params, value))

    def not_read(self, plan: _Plan, number: int, column: str, exc: InvalidPlanError | None,
                 content: str | None) -> None:
        """Note the row *number*, which its *column* does not place in the plan: the reason
        of *exc*, or (None) that the column is empty; the note holds the row's content."""
        if exc is None:
            plan.add(self.note(number, column, "sipd.empty_field", {"column": column},
                               content))
        else:
            self.problem(plan, number, column, exc, content)

    def not_a_row(self, number: int, kind: str, content: str | None) -> None:
        """A row that is not a mapping of fields (a JSON item that is not an object)."""
        self.unplaced.append((None, self.note(number, None, "sipd.row_type", {"type": kind},
                                              content)))

    # -- rows -----------------------------------------------------------------------------

    def read(self, number: int, fields: Mapping[str, object],
             content: Callable[[], str | None], extra: Sequence[str] = ()) -> None:
        """Read the row *number*: its *fields* (known names only), its *content* as the file
        holds it (for a note of the whole row), and the cells it holds beyond the header's
        columns (*extra*)."""
        texts: dict[str, str] = {}
        problems: list[tuple[str, InvalidPlanError, str | None]] = []
        for name, raw in fields.items():
            if type(raw) is str:  # most fields: text as a CSV holds them
                if raw and not raw.isspace():
                    texts[name] = raw
                continue
            try:
                value = text_of(raw)
            except InvalidPlanError as exc:
                problems.append((name, exc, repr(raw)[:200]))
                continue
            if value is not None:
                texts[name] = value
        pemda, skpd = texts.get("kodepemda", "").strip(), texts.get("kodeskpd", "").strip()
        if not pemda or not skpd:
            missing = [c for c, v in (("kodepemda", pemda), ("kodeskpd", skpd)) if not v]
            self.unplaced.append((pemda or None, self.note(
                number, missing[0], "sipd.no_plan", {"missing": ", ".join(missing)},
                content())))
            return
        key = (pemda, skpd)
        plan = self.plans.get(key)
        if plan is None:
            plan = self.plans[key] = _Plan(pemda, skpd, self.sheet)
        for name, error, shown in problems:
            self.problem(plan, number, name, error, shown)
        period = self.period(plan, number, texts, content)
        if period is None:
            return
        sub = self.sub_code(plan, number, texts, content)
        if sub is None:
            return
        conflicts = self.codes(plan, number, texts, sub)
        self.identity(plan, number, texts)
        kegiatan = sub.parent
        assert kegiatan is not None
        assert kegiatan.parent is not None
        for code, (code_column, _), name_column in zip(
            (kegiatan, kegiatan.parent), _SUB, ("uraikegiatan", "uraiprogram"), strict=True
        ):
            parent = plan.parents.setdefault(code, _Named())
            parent.rows.append(number)
            if code_column not in conflicts:
                self.name(plan, number, texts, name_column, code, parent)
        entry = plan.subs.setdefault(sub, _Named())
        entry.rows.append(number)
        self.name(plan, number, texts, "uraisubkegiatan", sub, entry)
        indicator = self.indicator(plan, number, texts, period)
        if indicator is not None:
            entry.indicators.append(indicator)
        entry.parts.append(self.budget(plan, number, texts, period))
        self.beyond(plan, number, texts, period)
        if extra:
            plan.add(self.note(number, None, "sipd.extra_cells",
                               {"count": len(extra), "columns": len(self.columns)},
                               " | ".join(extra)))
        plan.rows.append(number)

    def period(self, plan: _Plan, number: int, texts: Mapping[str, str],
               content: Callable[[], str | None]) -> Period | None:
        raw = texts.get("idperiode")
        if raw is None:
            self.not_read(plan, number, "idperiode", None, content())
            return None
        try:
            period = read_period(raw)
        except InvalidPlanError as exc:
            self.not_read(plan, number, "idperiode", exc, content())
            return None
        if plan.period is None:
            self.require(period)
            plan.period, plan.period_text, plan.period_row = period, raw.strip(), number
            plan.years = period.years
        elif period != plan.period:
            plan.add(self.note(number, "idperiode", "sipd.other_period",
                               {"period": raw.strip(), "plan": plan.period_text,
                                "first": plan.period_row}, content()))
            return None
        return period

    def require(self, period: Period) -> None:
        """Refuse an export whose header lacks a pagu column of *period*'s years."""
        if period in self.checked:
            return
        self.checked.add(period)
        missing = [pagu(n) for n in range(1, len(period.years) + 1) if pagu(n) not in self.columns]
        if missing:
            raise SipdError([Problem("", "sipd.missing_columns",
                                     {"file": self.source, "columns": ", ".join(missing)})],
                            self.source)

    def sub_code(self, plan: _Plan, number: int, texts: Mapping[str, str],
                 content: Callable[[], str | None]) -> Code | None:
        raw = texts.get("kodesubkegiatan")
        error: InvalidPlanError | None = None
        if raw is not None:
            try:
                code = self.code(raw)
            except InvalidPlanError as exc:
                error = exc
            else:
                if code.level is Level.SUB_KEGIATAN:
                    return code
                error = _level_error(code, "kodesubkegiatan", Level.SUB_KEGIATAN)
        self.not_read(plan, number, "kodesubkegiatan", error, content())
        return None

    def codes(self, plan: _Plan, number: int, texts: Mapping[str, str], sub: Code) -> set[str]:
        """Check the row's code columns against its sub kegiatan's code: a column that does
        not state a part of it is noted, its cell not read. The columns in conflict."""
        conflicts: set[str] = set()
        generic = sub.segments[0] == "X"
        if not generic:
            plan.bidang.add(sub.at_level(Level.BIDANG_URUSAN))
        for column, level in _CODE_COLUMNS:
            raw = texts.get(column)
            if raw is None:
                continue
            try:
                stated = self.code(raw)
            except InvalidPlanError as exc:
                self.problem(plan, number, column, exc, raw)
                conflicts.add(column)
                continue
            if stated.level is not level:
                self.problem(plan, number, column, _level_error(stated, column, level), raw)
                conflicts.add(column)
            elif level is Level.BIDANG_URUSAN and generic:
                plan.bidang.add(stated)  # a generic program serves the row's bidang
            elif sub.segments[: len(stated.segments)] != stated.segments:
                plan.add(self.note(number, column, "excel.code_conflict",
                                   {"stated": raw.strip(), "code": str(sub)}, raw))
                conflicts.add(column)
        return conflicts

    def code(self, raw: str) -> Code:
        """The code *raw* writes (``Code.parse``), from those read before where it is one of
        them."""
        known = self.codes_read.get(raw)
        if known is None:
            known = Code.parse(raw)
            if len(self.codes_read) < MAX_VOLUMES:
                self.codes_read[raw] = known
        return known

    def text(self, plan: _Plan, number: int, column: str, raw: str) -> str | None:
        try:
            return check_text(raw.strip())
        except InvalidPlanError as exc:
            self.problem(plan, number, column, exc, raw)
            return None

    def identity(self, plan: _Plan, number: int, texts: Mapping[str, str]) -> None:
        for column in _IDENTITY:
            raw = texts.get(column)
            first = plan.identity.get(column)
            if raw is None or (first is not None and raw == first[0]):
                continue
            said = self.text(plan, number, column, raw)
            if said is None:
                continue
            if first is None:
                plan.identity[column] = (said, number)
            elif not _same(first[0], said):
                plan.add(self.note(number, column, "sipd.identity_name",
                                   {"column": column, "stated": said, "first": first[1],
                                    "name": first[0]}, raw))

    def name(self, plan: _Plan, number: int, texts: Mapping[str, str], column: str, code: Code,
             entry: _Named) -> None:
        raw = texts.get(column)
        if raw is None or raw == entry.name:
            return
        said = self.text(plan, number, column, raw)
        if said is None:
            return
        if entry.name is None:
            entry.name, entry.name_row = said, number
        elif not _same(entry.name, said):
            plan.add(self.note(number, column, "excel.parent_name",
                               {"code": str(code), "stated": said, "first": entry.name_row,
                                "name": entry.name}, raw))

    def indicator(self, plan: _Plan, number: int, texts: Mapping[str, str],
                  period: Period) -> Indicator | None:
        """The row's indicator: its name, unit, baseline and targets, and in its source's
        note what the model has no field for (its code, kinerja, formula, volume_0)."""
        years = plan.years
        if not any(c in texts for c in _INDICATOR_COLUMNS) and not any(
                _VOLUMES[n] in texts for n in range(len(years) + 1)):
            return None
        planned: dict[int, Quantity] = {}
        for n, year in enumerate(years, start=1):
            amount = self.volume(plan, number, texts, _VOLUMES[n])
            if amount is not None:
                planned[year] = amount
        notes = [f"{label}: {' '.join(texts[c].split())}" for c, label in (
            ("kodesubkegiatan_indikator", "kode indikator"), ("kinerja", "kinerja"),
            ("volume_0", "volume_0")) if c in texts]
        polarity, aggregation = None, None
        if "formula" in texts:
            formula = " ".join(texts["formula"].split())
            polarity, aggregation = formula_kind(formula)
            mapped = [f"{name} {value.value}" for name, value in
                      (("polarity", polarity), ("aggregation", aggregation)) if value]
            notes.append(f"formula: {formula}" + (f" (read as {', '.join(mapped)})"
                                                   if mapped else ""))
        name, unit = (self.text(plan, number, c, texts[c]) if c in texts else None
                      for c in ("uraisubkegiatan_indikator", "satuan"))
        return Indicator(
            name=name, unit=unit, polarity=polarity or Polarity.HIGHER_IS_BETTER,
            aggregation=aggregation, baseline=self.volume(plan, number, texts, "volume_awal"),
            planned=planned,
            source=Source(self.sheet, str(number), "; ".join(notes)[:MAX_TEXT] or None),
        )

    def volume(self, plan: _Plan, number: int, texts: Mapping[str, str],
               column: str) -> Quantity | None:
        raw = texts.get(column)
        if raw is None:
            return None
        known = self.volumes.get(raw)
        if known is not None:
            return known
        try:
            amount = read_volume(raw, self.style)
        except InvalidPlanError as exc:
            self.problem(plan, number, column, exc, raw)
            return None
        if len(self.volumes) < MAX_VOLUMES:
            self.volumes[raw] = amount
        return amount

    def budget(self, plan: _Plan, number: int, texts: Mapping[str, str],
               period: Period) -> BudgetLine:
        """The row's pagu per year, with its row (and its ``pagu_awal``, which no year of
        the period holds) as its source."""
        planned: dict[int, MoneyCell] = {}
        for n, year in enumerate(plan.years, start=1):
            raw = texts.get(_PAGU[n])
            if raw is None:
                continue
            try:
                planned[year] = read_money(raw, self.style)
            except InvalidPlanError as exc:
                self.problem(plan, number, _PAGU[n], exc, raw)
        start = texts.get("pagu_awal")
        note = f"pagu_awal: {start.strip()}"[:MAX_TEXT] if start is not None else None
        return BudgetLine(planned=planned, source=Source(self.sheet, str(number), note))

    def beyond(self, plan: _Plan, number: int, texts: Mapping[str, str], period: Period) -> None:
        """Note each column of a year past the period that states something (a zero states
        nothing)."""
        years = len(plan.years)
        for n in range(years + 1, MAX_YEARS + 1):
            for column in (volume(n), pagu(n)):
                raw = texts.get(column)
                if raw is not None and not is_zero(raw, self.style):
                    plan.add(self.note(number, column, "sipd.beyond_period",
                                       {"period": plan.period_text, "years": years}, raw))

    # -- plans ----------------------------------------------------------------------------

    def finish(self) -> tuple[list[SipdPlan], list[ReadingNote]]:
        """The plans read, in the order of their first rows, and the notes of the rows that
        belong to none (each also given to a plan: the first of its region, else the first of
        the file). A :class:`.SipdError` when no plan could be
        read."""
        built = [p for p in self.plans.values() if p.period is not None]
        homeless = list(self.unplaced)
        for plan in self.plans.values():
            if plan.period is None:  # no row of it could be read: its notes hold them all
                homeless.extend((plan.kodepemda, note) for note in plan.notes)
        if not built:
            shown = [Problem(n.place, n.key, n.params) for _, n in homeless[:20]]
            raise SipdError([Problem("", "sipd.no_plans", {"file": self.source}), *shown],
                            self.source)
        for pemda, note in homeless:
            target = next((p for p in built if p.kodepemda == pemda), built[0])
            target.add(note)
        return [self.build(p) for p in built], [n for _, n in homeless]

    def build(self, plan: _Plan) -> SipdPlan:
        assert plan.period is not None
        tree: dict[Code, dict[Code, list[Code]]] = {}
        for code in sorted(plan.subs):
            kegiatan = code.parent
            assert kegiatan is not None
            assert kegiatan.parent is not None
            tree.setdefault(kegiatan.parent, {}).setdefault(kegiatan, []).append(code)
        programs = [
            self.derived(plan, program, [
                self.derived(plan, kegiatan, [self.sub(plan, code, plan.subs[code])
                                              for code in subs])
                for kegiatan, subs in sorted(kegiatans.items())])
            for program, kegiatans in sorted(tree.items())
        ]
        notes = sorted(plan.notes, key=lambda n: n.row or 0)
        if plan.extra:
            notes.append(ReadingNote(self.sheet, notes[-1].row, None, "excel.more_problems",
                                     {"count": str(plan.extra)}))
        names = {c: plan.identity[c][0] if c in plan.identity else None for c in _IDENTITY}
        try:
            made = Plan(
                title=None,
                organisation=Organisation(names["uraiskpd"], names["namapemda"],
                                          bidang_urusan=sorted(plan.bidang)),
                period=plan.period, programs=programs, reading=notes,
            )
        except InvalidPlanError as exc:  # pragma: no cover - every part was checked
            raise SipdError(exc.problems, self.source) from None
        return SipdPlan(plan.kodepemda, plan.kodeskpd, made, tuple(plan.rows))

    def derived(self, plan: _Plan, code: Code, children: list[Activity]) -> Activity:
        entry = plan.parents[code]
        name, origin = entry.name, ("uraiprogram" if code.level is Level.PROGRAM
                                    else "uraikegiatan")
        if name is None:
            known = self.nomenclature.get(code) if self.nomenclature is not None else None
            name, origin = (known.name, "nomenclature") if known is not None else (None, "")
        note = f"derived from the codes of rows {_span(entry.rows)}"
        if name is not None:
            note += f"; name from {origin}"
        return Activity(code=code, level=code.level, name=name, children=children,
                        source=Source(self.sheet, str(code), note), derived=True)

    def sub(self, plan: _Plan, code: Code, entry: _Named) -> Activity:
        rows = entry.rows
        parts: tuple[BudgetLine, ...] = ()
        if len(rows) == 1:
            line = entry.parts[0]
            budget = line if line.planned else None
            note = line.source.note if line.source is not None else None  # pagu_awal
        else:
            parts = tuple(entry.parts)
            budget = self.total(plan, rows[0], parts)
            note = (f"stated in rows {_listed(rows)}: each row's indicator and pagu kept "
                    "(budget_parts), the pagu their sum")
        return Activity(code=code, level=Level.SUB_KEGIATAN, name=entry.name,
                        indicators=entry.indicators, budget=budget, budget_parts=parts,
                        source=Source(self.sheet, str(rows[0]), note))

    def total(self, plan: _Plan, first: int, parts: Sequence[BudgetLine]) -> BudgetLine | None:
        """The sum of *parts* per year (a nil counting as zero; a year that every part
        states nil is nil), or None when no part states a year."""
        cells: dict[int, list[MoneyCell]] = {}
        for line in parts:
            for year, cell in line.planned.items():
                cells.setdefault(year, []).append(cell)
        if not cells:
            return None
        planned: dict[int, MoneyCell] = {}
        with decimal.localcontext() as context:
            context.prec = 60
            for year in sorted(cells):
                amounts = [c for c in cells[year] if isinstance(c, Decimal)]
                planned[year] = normalised(sum(amounts, Decimal(0))) if amounts else NIL
        try:
            return BudgetLine(planned=planned)
        except InvalidPlanError as exc:  # a sum over the largest amount a plan may hold
            self.problem(plan, first, None, exc, None)
            return None

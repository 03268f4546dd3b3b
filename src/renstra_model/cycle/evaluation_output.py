"""An :class:`~renstra_model.cycle.evaluation.Evaluation` as data and as a table: JSON-compatible
dicts (numbers as exact decimal strings, an undefined value as null with its reason in
``reasons``) and a :class:`~renstra_model.tables.schema.Table` that the renderers of
:mod:`renstra_model.tables.render` print (each year's rows in the order of T-C.27: a program's
and a kegiatan's roll-up above their sub kegiatan, the plan's total last).

>>> from renstra_model.examples import ttu_dinsos
>>> from renstra_model.cycle.evaluation import evaluate
>>> evaluation = evaluate(ttu_dinsos(), [], year=2022)
>>> data = to_data(evaluation)
>>> sorted(data["rows"][0])  # doctest: +NORMALIZE_WHITESPACE
['budget_ratio', 'capaian', 'code', 'indicator', 'pagu', 'predikat', 'realised',
 'realised_rp', 'reasons', 'target', 'year']
>>> data["rollups"][-1]["pagu"], sorted(data["rollups"][-1]["reasons"].items())[:2]
('4847753572', [('budget_ratio', 'missing'), ('capaian', 'missing')])
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from decimal import Decimal
from typing import Any, Final

from ..calculators.arithmetic import Reason, Result, Undefined
from ..calculators.ratios import Predikat
from ..messages import Lang
from ..model.codes import Level
from ..model.values import Nil, Quantity
from ..tables.schema import Column, Computed, Kind, Row, RowKind, Table
from .evaluation import Evaluation, EvaluationRow, Rollup

HEADINGS: Final[Mapping[str, tuple[str, str]]] = {
    "code": ("Kode", "Code"),
    "name": ("Program/Kegiatan/Sub Kegiatan", "Program/Kegiatan/Sub Kegiatan"),
    "indicator": ("Indikator Kinerja", "Performance indicator"),
    "year": ("Tahun", "Year"),
    "target": ("Target", "Target"),
    "realised": ("Realisasi", "Realisation"),
    "capaian": ("Capaian (%)", "Achievement (%)"),
    "predikat": ("Predikat", "Rating"),
    "pagu": ("Pagu (Rp)", "Budget (Rp)"),
    "realised_rp": ("Realisasi (Rp)", "Realised (Rp)"),
    "budget_ratio": ("Rasio Realisasi/Pagu (%)", "Realised/budget (%)"),
}
"""Each column's heading in Indonesian and English."""

_KINDS: Final = {
    "code": Kind.CODE, "target": Kind.QUANTITY,
    "realised": Kind.QUANTITY, "capaian": Kind.PERCENT, "pagu": Kind.MONEY,
    "realised_rp": Kind.MONEY, "budget_ratio": Kind.PERCENT,
}

_TITLES: Final = {"id": "Evaluasi Realisasi Renstra", "en": "Evaluation of realisations"}
_TOTAL: Final = {"id": "TOTAL", "en": "TOTAL"}


# -- data ---------------------------------------------------------------------------------------


def _decimal(value: Decimal | None) -> str | None:
    return None if value is None else format(value, "f")


def _amount(value: Quantity | None) -> tuple[str | None, str | None]:
    """The amount of a quantity as an exact decimal string, or null with its reason."""
    if value is None:
        return None, Reason.MISSING.value
    if isinstance(value.amount, Nil):
        return None, Reason.NIL.value
    return format(value.amount, "f"), None


def _result(value: Result) -> tuple[str | None, str | None]:
    if isinstance(value, Undefined):
        return None, value.reason.value
    return format(value, "f"), None


def _band(value: Predikat | Undefined) -> tuple[str | None, str | None]:
    if isinstance(value, Undefined):
        return None, value.reason.value
    return value.value, None


def _fields(pairs: Mapping[str, tuple[str | None, str | None]]) -> dict[str, Any]:
    """The values of *pairs* and, under ``reasons``, why those that are null are."""
    data: dict[str, Any] = {key: value for key, (value, _) in pairs.items()}
    data["reasons"] = {key: why for key, (value, why) in pairs.items()
                       if value is None and why is not None}
    return data


def row_data(row: EvaluationRow) -> dict[str, Any]:
    """One row: ``code``, ``year``, ``indicator``, ``target``, ``realised``, ``capaian``,
    ``predikat``, ``pagu``, ``realised_rp``, ``budget_ratio``, and ``reasons``."""
    data: dict[str, Any] = {"code": str(row.code), "year": row.year, "indicator": row.indicator}
    pagu = (_decimal(row.pagu), None if row.pagu is not None else Reason.MISSING.value)
    spent = (_decimal(row.realised_rp),
             None if row.realised_rp is not None else Reason.MISSING.value)
    rest = _fields({
        "target": _amount(row.target) if row.indicator is not None else (None, None),
        "realised": _amount(row.realised) if row.indicator is not None else (None, None),
        "capaian": _result(row.capaian), "predikat": _band(row.predikat),
        "pagu": pagu, "realised_rp": spent, "budget_ratio": _result(row.budget_ratio),
    })
    return {**data, **rest}


def rollup_data(rollup: Rollup) -> dict[str, Any]:
    """One roll-up: ``code`` (null for the plan), ``level``, ``year``, the money, the mean
    capaian and its predikat, how many indicators it counts and leaves out, and ``reasons``."""
    data: dict[str, Any] = {
        "code": None if rollup.code is None else str(rollup.code),
        "level": None if rollup.level is None else rollup.level.value,
        "year": rollup.year,
    }
    rest = _fields({
        "pagu": (_decimal(rollup.pagu), None if rollup.pagu is not None else "missing"),
        "realised_rp": (_decimal(rollup.realised_rp),
                        None if rollup.realised_rp is not None else "missing"),
        "budget_ratio": _result(rollup.budget_ratio),
        "capaian": _result(rollup.capaian), "predikat": _band(rollup.predikat),
    })
    reasons = rest.pop("reasons")
    return {**data, **rest, "counted": rollup.counted, "undefined": rollup.undefined,
            "reasons": reasons}


def to_data(evaluation: Evaluation, lang: Lang | None = None) -> dict[str, Any]:
    """The evaluation as JSON-compatible data: ``{"rows": …, "rollups": …, "findings": …}``
    (the findings as :meth:`~renstra_model.checks.findings.Finding.to_dict` gives them)."""
    return {
        "rows": [row_data(r) for r in evaluation.rows],
        "rollups": [rollup_data(r) for r in evaluation.rollups],
        "findings": [f.to_dict(lang) for f in evaluation.findings],
    }


# -- the table ----------------------------------------------------------------------------------


def _columns(lang: Lang) -> tuple[Column, ...]:
    pick = 0 if lang == "id" else 1
    return tuple(Column(key, titles[pick], _KINDS.get(key, Kind.TEXT))
                 for key, titles in HEADINGS.items())


def _label(value: Predikat | Undefined, lang: Lang) -> str | None:
    return None if isinstance(value, Undefined) else value.label(lang)


def _ordered(evaluation: Evaluation) -> Iterator[EvaluationRow | Rollup]:
    """Each year's roll-ups and rows in tree order: an activity's roll-up before its own
    rows and those below it, the plan's last."""
    for year in evaluation.years:
        items: list[EvaluationRow | Rollup] = [
            *(r for r in evaluation.rollups if r.year == year and r.code is not None),
            *(r for r in evaluation.rows if r.year == year),
        ]
        # Tree order is code order, segment by segment; a roll-up before its rows.
        items.sort(key=lambda item: (item.code.segments if item.code is not None else (),
                                     isinstance(item, EvaluationRow)))
        yield from items
        yield from (r for r in evaluation.rollups if r.year == year and r.code is None)


def evaluation_table(evaluation: Evaluation, lang: Lang = "id") -> Table:
    """The evaluation as a table with the regulation's columns, headed in *lang*: capaian and
    budget ratio are computed cells (render them with ``values="computed"``)."""
    rows: list[Row] = []
    for item in _ordered(evaluation):
        name = item.name
        if isinstance(item, EvaluationRow):
            cells: tuple[Any, ...] = (
                item.code, name, item.indicator, str(item.year), item.target, item.realised,
                Computed(None, item.capaian), _label(item.predikat, lang), item.pagu,
                item.realised_rp, Computed(None, item.budget_ratio))
            rows.append(Row(cells, RowKind.DATA, item.level, item.code))
            continue
        total = item.code is None
        cells = (
            item.code, _TOTAL[lang] if total else name, None, str(item.year), None, None,
            Computed(None, item.capaian), _label(item.predikat, lang), item.pagu,
            item.realised_rp, Computed(None, item.budget_ratio))
        level = item.level if item.level is not None else Level.PROGRAM
        rows.append(Row(cells, RowKind.TOTAL if total else RowKind.DATA,
                        None if total else level, item.code))
    plan = next((r.name for r in evaluation.rollups if r.code is None), None)
    return Table(_TITLES[lang], plan or "", _columns(lang), tuple(rows))

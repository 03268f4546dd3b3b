"""Plans as long fact tables in Parquet (the ``parquet`` extra: pyarrow), for analysis of many
plans at once with DuckDB, pandas, Polars, Spark or Dask.

:func:`export_parquet` writes one file per table into a folder, a few plans at a time (it
never holds more than a batch of plans' rows):

``plans.parquet``
    one row a plan: ``plan`` (the name it was given: its file or example name), title,
    organisation, region, province, bidang urusan, period, adoption date.
``activities.parquet``
    one row an activity of T-C.27: ``plan``, ``code``, ``level``, ``parent`` (code), name,
    unit, location, ``derived`` (a program or kegiatan its source states no row of).
``budget.parquet``
    one row a year of a budget line of T-C.27 (every program, kegiatan and sub kegiatan, and
    the ``TOTAL`` row with ``code`` null and ``level`` ``total``): ``plan``, ``code``,
    ``level``, ``year``, ``planned``, ``realised``, and ``planned_nil`` / ``realised_nil``
    for a printed ``-`` (the amount is then null, as it is for an empty cell).
``budget_table.parquet``
    the same for the rows of T-C.24 (``row`` its position, ``label``, ``stated_ratio``).
``indicator_values.parquet``
    one row a stated value of an indicator: ``plan``, ``table``, ``indicator`` (id),
    ``code`` (of its activity), ``name``, ``kind`` (``baseline``, ``planned``, ``realised``,
    ``end_of_period``), ``year`` (the baseline year for the baseline, null for the end of
    period), ``amount``, ``amount_nil``, ``unit``, ``percent``. A cell stating several
    figures gives one row a figure (``figure`` 0, 1, …).

Money is ``decimal128(18, 2)`` (every amount a plan may hold, exactly); other numbers are
``decimal128(38, 18)``. Nothing passes through a float: a value with more decimal places
than its column holds is refused, never rounded.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from contextlib import ExitStack
from decimal import Decimal
from pathlib import Path
from typing import Any, Final

from ..checks.rulekit import indicator_sites
from ..errors import MissingExtraError, RenstraError
from ..files import atomic_path
from ..model.activities import Activity
from ..model.indicators import Indicator
from ..model.plan import Plan
from ..model.values import NIL, Nil, Quantity

BATCH_PLANS: Final = 256
"""Plans whose rows are gathered before they are written (a row group of each table)."""

MONEY_PRECISION: Final = 18
MONEY_SCALE: Final = 2
NUMBER_PRECISION: Final = 38
NUMBER_SCALE: Final = 18

TABLES: Final = ("plans", "activities", "budget", "budget_table", "indicator_values")
"""The tables :func:`export_parquet` writes, each as ``<name>.parquet``."""


class ColumnarError(RenstraError, ValueError):
    """A value cannot be written exactly in its column."""


def _arrow() -> Any:
    try:
        import pyarrow  # type: ignore[import-untyped]
        import pyarrow.parquet  # type: ignore[import-untyped]
    except ImportError:
        raise MissingExtraError(
            "writing Parquet needs pyarrow: pip install 'renstra-model[parquet]'"
        ) from None
    return pyarrow


def schemas(pa: Any | None = None) -> dict[str, Any]:
    """The schema of each table of :data:`TABLES`."""
    pa = pa or _arrow()
    money = pa.decimal128(MONEY_PRECISION, MONEY_SCALE)
    number = pa.decimal128(NUMBER_PRECISION, NUMBER_SCALE)
    text = pa.string()
    year = pa.int16()
    return {
        "plans": pa.schema([
            ("plan", text), ("title", text), ("organisation", text), ("region", text),
            ("province", text), ("bidang_urusan", text), ("baseline_year", year),
            ("first_year", year), ("last_year", year), ("adopted", pa.date32()),
        ]),
        "activities": pa.schema([
            ("plan", text), ("code", text), ("level", text), ("parent", text), ("name", text),
            ("unit", text), ("location", text), ("derived", pa.bool_()),
        ]),
        "budget": pa.schema([
            ("plan", text), ("code", text), ("level", text), ("year", year),
            ("planned", money), ("planned_nil", pa.bool_()),
            ("realised", money), ("realised_nil", pa.bool_()),
        ]),
        "budget_table": pa.schema([
            ("plan", text), ("row", pa.int32()), ("code", text), ("level", text),
            ("label", text), ("year", year),
            ("planned", money), ("planned_nil", pa.bool_()),
            ("realised", money), ("realised_nil", pa.bool_()),
            ("stated_ratio", number), ("stated_ratio_nil", pa.bool_()),
        ]),
        "indicator_values": pa.schema([
            ("plan", text), ("table", text), ("indicator", text), ("code", text),
            ("name", text), ("kind", text), ("year", year), ("figure", pa.int8()),
            ("amount", number), ("amount_nil", pa.bool_()), ("unit", text),
            ("percent", number),
        ]),
    }


Row = tuple[Any, ...]


def _cell(value: Decimal | Nil | None) -> tuple[Decimal | None, bool]:
    """A money or number cell as (amount or None, whether it is a stated nil)."""
    if value is None:
        return None, False
    if value is NIL:
        return None, True
    assert isinstance(value, Decimal)
    return value, False


def plan_rows(name: str, plan: Plan) -> dict[str, list[Row]]:
    """The rows of every table of :data:`TABLES` for one plan, as tuples in schema order."""
    rows: dict[str, list[Row]] = {table: [] for table in TABLES}
    org = plan.organisation
    period = plan.period
    adopted: dt.date | None = plan.adoption.date if plan.adoption else None
    rows["plans"].append((
        name, plan.title, org.name, org.region, org.province,
        ", ".join(str(c) for c in org.bidang_urusan) or None,
        period.baseline_year, period.first_year, period.last_year, adopted,
    ))
    activities, budget = rows["activities"], rows["budget"]
    pending: list[tuple[Activity, str | None]] = [
        (program, None) for program in reversed(plan.programs)
    ]
    while pending:
        activity, parent = pending.pop()
        own = str(activity.code)
        level = activity.level.value
        activities.append((name, own, level, parent, activity.name, activity.unit,
                           activity.location, activity.derived))
        if activity.budget is not None:
            budget.extend(_line_rows(name, own, level, activity.budget.planned,
                                     activity.budget.realised))
        pending.extend((child, own) for child in reversed(activity.children))
    if plan.total_budget is not None:
        budget.extend(_line_rows(name, None, "total", plan.total_budget.planned,
                                 plan.total_budget.realised))
    table = rows["budget_table"]
    for k, row in enumerate(plan.budget_table):
        code: str | None = str(row.code) if row.code is not None else None
        planned, realised, ratio = row.budget.planned, row.budget.realised, row.stated_ratio
        for year in sorted({*planned, *realised, *ratio}):
            table.append((name, k, code, row.level.value, row.label, year,
                          *_cell(planned.get(year)), *_cell(realised.get(year)),
                          *_cell(ratio.get(year))))
    values = rows["indicator_values"]
    for site in indicator_sites(plan):
        code = str(site.code) if site.code is not None else None
        values.extend(_indicator_rows(name, site.table, code, site.indicator,
                                      period.baseline_year))
    return rows


def _line_rows(
    name: str, code: str | None, level: str, planned: Any, realised: Any
) -> Iterator[Row]:
    for year in sorted({*planned, *realised}):
        yield (name, code, level, year, *_cell(planned.get(year)), *_cell(realised.get(year)))


def _indicator_rows(
    name: str, table: str | None, code: str | None, ind: Indicator, baseline_year: int
) -> Iterator[Row]:
    cells: list[tuple[str, int | None, Quantity | None]] = [
        ("baseline", baseline_year, ind.baseline),
        *(("planned", year, q) for year, q in ind.planned.items()),
        *(("realised", year, q) for year, q in ind.realised.items()),
        ("end_of_period", None, ind.end_of_period),
    ]
    for kind, year, quantity in cells:
        if quantity is None:
            continue
        for figure, q in enumerate(quantity.figures()):
            amount, nil = _cell(q.amount)
            yield (name, table, ind.id, code, ind.name, kind, year, figure, amount, nil,
                   q.unit, q.percent)


class _Tables:
    """Rows gathered for the tables, written as a row group of each file when flushed."""

    def __init__(self, pa: Any, paths: dict[str, Path]) -> None:
        self.pa = pa
        self.schemas = schemas(pa)
        self.rows: dict[str, list[Row]] = {table: [] for table in TABLES}
        self.writers = {
            table: pa.parquet.ParquetWriter(str(paths[table]), self.schemas[table],
                                            compression="zstd")
            for table in TABLES
        }

    def add(self, rows: dict[str, list[Row]]) -> None:
        for table, new in rows.items():
            self.rows[table].extend(new)

    def flush(self) -> None:
        pa = self.pa
        for table, rows in self.rows.items():
            if not rows:
                continue
            schema = self.schemas[table]
            columns = list(zip(*rows, strict=True))
            try:
                arrays = [pa.array(column, type=f.type)
                          for column, f in zip(columns, schema, strict=True)]
            except (pa.ArrowInvalid, pa.ArrowTypeError) as exc:
                raise ColumnarError(f"{table}: a value does not fit its column ({exc})") from None
            self.writers[table].write_table(pa.Table.from_arrays(arrays, schema=schema))
            rows.clear()

    def close(self) -> None:
        for writer in self.writers.values():
            writer.close()


def export_parquet(plans: Iterable[tuple[str, Plan]], output_dir: Path) -> dict[str, Path]:
    """Write *plans* (each with the name it is known by) as the fact tables of
    :data:`TABLES` into *output_dir* (created if needed), :data:`BATCH_PLANS` plans at a
    time; return the file of each table. The files replace those of an earlier export only
    when every plan is written: an error midway (a plan that does not load) leaves them as
    they were, and the folders this call created are removed again.

    Raises ``renstra_model.errors.MissingExtraError`` without pyarrow, and
    :class:`ColumnarError` for a value its column cannot hold exactly.
    """
    pa = _arrow()
    created = [folder for folder in (output_dir, *output_dir.parents) if not folder.exists()]
    output_dir.mkdir(parents=True, exist_ok=True)
    targets = {table: output_dir / f"{table}.parquet" for table in TABLES}
    try:
        with ExitStack() as stack:
            # Each table is written beside its file and replaces it only when every plan is
            # written: a plan that fails midway leaves the files of an earlier export whole.
            paths = {table: stack.enter_context(atomic_path(target))
                     for table, target in targets.items()}
            tables = _Tables(pa, paths)
            try:
                pending = 0
                for name, plan in plans:
                    tables.add(plan_rows(name, plan))
                    pending += 1
                    if pending >= BATCH_PLANS:
                        tables.flush()
                        pending = 0
                tables.flush()
            finally:
                tables.close()
    except BaseException:
        for folder in created:  # the deepest first, each only where nothing else was put
            if any(folder.iterdir()):
                break
            folder.rmdir()
        raise
    return targets

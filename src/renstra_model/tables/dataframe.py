"""A :class:`~renstra_model.tables.schema.Table` as a pandas DataFrame (the ``pandas`` extra)
that pandas computes on, exactly: money, percentages and rates in decimal columns, counts in
integer columns, never floats.

>>> from renstra_model.examples import ttu_dinsos
>>> from renstra_model.tables.builders import build
>>> import pandas as pd
>>> frame = to_dataframe(build(ttu_dinsos(), "TC-24"), keys="machine")
>>> frame["planned_2023"].dtype
decimal128(18, 1)[pyarrow]
>>> frame["planned_2023"].iloc[0], frame["planned_2023"].sum()
(Decimal('4091594846.5'), Decimal('16366379386.0'))
>>> frame["ratio_2023"].iloc[0] is pd.NA, bool(frame["ratio_2023_nil"].iloc[0])
(True, True)
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from typing import TYPE_CHECKING, Final, Literal

from ..messages import Lang, extend
from ..model.values import NIL
from .formats import COMPUTED_SUFFIX, Values, missing_extra, model_value, plain_value, tabular
from .schema import Column, Kind, Table

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["NIL_SUFFIX", "Keys", "Nils", "Numbers", "to_dataframe"]

extend({"render.dataframe": {"en": "a pandas DataFrame", "id": "DataFrame pandas"}})

Keys = Literal["title", "machine"]
"""How the columns are named: by the document's title (``Anggaran pada Tahun ke-2``) or by a
stable machine key (``planned_2023``)."""

Nils = Literal["flag", "na", "zero"]
"""What a stated nil (``-``) of a number column becomes: missing, with a companion boolean
column that is true where the document states ``-`` (``"flag"``); missing (``"na"``); or zero
(``"zero"``)."""

Numbers = Literal["arrow", "decimal"]
"""How exact numbers are held: pyarrow decimals (``"arrow"``) or Decimal objects (``"decimal"``)."""

NIL_SUFFIX: Final = {"title": " (nil)", "machine": "_nil"}
"""The name suffix of the companion column of ``nil="flag"``, by *keys*."""

_COMPUTED: Final = {"title": COMPUTED_SUFFIX, "machine": "_computed"}

_NUMBERS: Final = frozenset({Kind.INTEGER, Kind.MONEY, Kind.PERCENT, Kind.RATE})
"""The kinds of column held as numbers (a quantity, which may hold several counts with their
units, is held as text)."""

_INT64: Final = 2**63

_ARROW_DIGITS: Final = ((38, "decimal128"), (76, "decimal256"))

_MIN_DIGITS: Final = 18
"""The least precision of an arrow decimal column: room for any amount a plan holds (below
10^15) with two places, and for pyarrow's arithmetic, which widens the precision of a result
(a sum of two columns by one digit, a product by the sum of both), below its 38 digits."""


def _has_pyarrow() -> bool:
    try:
        import pyarrow  # type: ignore[import-untyped]  # noqa: F401
    except ImportError:
        return False
    return True


def _name(column: Column, computed: bool, values: Values, keys: Keys) -> str:
    base = column.key if keys == "machine" else column.title
    return base + (_COMPUTED[keys] if computed and values == "both" else "")


def _places(value: Decimal) -> int:
    exponent = value.as_tuple().exponent
    return max(0, -exponent) if isinstance(exponent, int) else 0


def _decimal_array(numbers: Sequence[Decimal | None], arrow: bool) -> object:
    """Arrow decimals wide enough for every value (the most places any has), or, without
    pyarrow or beyond 76 digits, Decimal objects with ``pd.NA`` for a missing value."""
    import pandas as pd

    present = [n for n in numbers if n is not None]
    if arrow:
        import pyarrow as pa

        scale = max((_places(n) for n in present), default=0)
        whole = max((max(n.adjusted() + 1, 1) for n in present), default=1)
        precision = max(_MIN_DIGITS, whole + scale)
        for digits, kind in _ARROW_DIGITS:
            if precision <= digits:
                decimal = pa.decimal128 if kind == "decimal128" else pa.decimal256
                array = pa.array(numbers, type=decimal(precision, scale))
                return pd.array(array, dtype=pd.ArrowDtype(array.type))
    return pd.array([pd.NA if n is None else n for n in numbers], dtype=object)


def _number_column(cells: Sequence[object], kind: Kind, nil: Nils, arrow: bool) -> object:
    """The values of a number column: a count column as nullable integers (``Int64``), any
    other as exact decimals; a nil as missing, or as zero with *nil* ``"zero"``."""
    import pandas as pd

    zero = nil == "zero"
    numbers: list[Decimal | int | None] = []
    for cell in cells:
        if cell is NIL:
            numbers.append(0 if zero else None)
        elif isinstance(cell, Decimal | int) and not isinstance(cell, bool):
            numbers.append(cell)
        else:  # nothing, or a figure that cannot be computed
            numbers.append(None)
    counts = [n if isinstance(n, int) else None for n in numbers]
    if kind is Kind.INTEGER and counts == numbers and all(
        n is None or -_INT64 <= n < _INT64 for n in counts
    ):
        return pd.array(counts, dtype=pd.Int64Dtype())
    return _decimal_array([None if n is None else Decimal(n) for n in numbers], arrow)


def to_dataframe(
    table: Table,
    *,
    values: Values = "stated",
    keys: Keys = "title",
    nil: Nils = "flag",
    numbers: Numbers | None = None,
    lang: Lang | None = None,
) -> pd.DataFrame:
    """*table* as a pandas DataFrame (the ``pandas`` extra), one column per table column.

    * Columns are named by the document's title, or with *keys* ``"machine"`` by the column's
      key (``planned_2023``, ``code``, ``name``); a computed column shows the stated figure, the
      computed one (exact, not rounded; missing when it cannot be computed), or both, the
      computed in a further column (``… (computed)``, ``…_computed``).
    * Money, percentages and rates are exact decimals: ``pd.ArrowDtype(pa.decimal128(p, s))``,
      *s* the most decimal places a value of the column has and *p* 18, or more for longer
      numbers (``decimal256`` beyond 38 digits), when pyarrow is installed; with *numbers*
      ``"decimal"`` (and without pyarrow, or beyond 76 digits) Decimal objects in an ``object``
      column. Counts are nullable integers (``Int64``). A missing cell is ``pd.NA``.
    * A stated nil (``-``) of a number column is, with *nil* ``"flag"`` (the default), missing,
      and a boolean column named ``… (nil)`` (``…_nil``) after the column is true where the
      document states ``-``; with ``"na"``, only missing; with ``"zero"``, zero.
    * Every other column (text, codes, quantities, lists) is a ``string`` column of its CSV text
      (a code ``1 06 01 2.08``, a quantity ``25325 KPM (72.18 %)``), ``pd.NA`` when empty.

    ``df.attrs`` holds the table's number, title and the sources of its rows.
    ``MissingExtraError`` (in *lang*, default: the default language) when pandas is not
    installed."""
    try:
        import pandas as pd
    except ImportError:
        raise missing_extra("render.dataframe", "pandas", lang) from None
    arrow = _has_pyarrow() if numbers is None else numbers == "arrow"
    data: dict[str, object] = {}
    for column, i, computed in tabular(table, values):
        cells = [model_value(row.cells[i], computed) for row in table.rows]
        name = _name(column, computed, values, keys)
        if column.kind in _NUMBERS:
            data[name] = _number_column(cells, column.kind, nil, arrow)
            if nil == "flag" and not computed:
                data[name + NIL_SUFFIX[keys]] = pd.array([c is NIL for c in cells], dtype=bool)
        else:
            data[name] = pd.array(
                [pd.NA if c is None else plain_value(c, column.kind) for c in cells],
                dtype="string",
            )
    frame = pd.DataFrame(data, index=pd.RangeIndex(len(table.rows)))
    frame.attrs["number"] = table.number
    frame.attrs["title"] = table.title
    frame.attrs["sources"] = [str(r.source) if r.source else None for r in table.rows]
    return frame

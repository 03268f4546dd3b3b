"""A :class:`~renstra_model.tables.schema.Table` as a pandas DataFrame (the ``pandas`` extra),
holding the model's values, never floats.

>>> from renstra_model.examples import ttu_dinsos
>>> from renstra_model.tables.builders import build
>>> frame = to_dataframe(build(ttu_dinsos(), "TC-24"), values="both")
>>> frame.iloc[0]["Anggaran pada Tahun ke-2"]
Decimal('4091594846.5')
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..messages import DEFAULT_LANG, Lang, extend
from .formats import Values, column_heading, missing_extra, model_value, tabular
from .schema import Table

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["to_dataframe"]

extend({"render.dataframe": {"en": "a pandas DataFrame", "id": "DataFrame pandas"}})


def to_dataframe(
    table: Table, *, values: Values = "stated", lang: Lang = DEFAULT_LANG
) -> pd.DataFrame:
    """*table* as a pandas DataFrame (the ``pandas`` extra): one column per table column,
    headed by its title, holding the model's values (``Decimal``,
    :data:`~renstra_model.model.values.NIL`, ``None``,
    :class:`~renstra_model.model.values.Quantity`, text) in ``object`` columns — never floats. A
    computed column holds the stated figure, the computed one (exact, not rounded; ``None`` when it
    cannot be computed), or both, the computed in a further column. ``df.attrs`` holds the table's
    number, title and the sources of its rows. ``MissingExtraError`` (in *lang*) when pandas is not
    installed."""
    try:
        import pandas as pd
    except ImportError:
        raise missing_extra("render.dataframe", "pandas", lang) from None
    layout = tabular(table, values)
    data = {
        column_heading(c, computed, values): pd.Series(
            [model_value(row.cells[i], computed) for row in table.rows], dtype=object
        )
        for c, i, computed in layout
    }
    frame = pd.DataFrame(data)
    frame.attrs["number"] = table.number
    frame.attrs["title"] = table.title
    frame.attrs["sources"] = [str(r.source) if r.source else None for r in table.rows]
    return frame

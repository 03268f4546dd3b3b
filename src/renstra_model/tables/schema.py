"""The shape of a document table: a :class:`Table` of :class:`Column` and :class:`Row` values,
each cell keeping the model's value (a :class:`~decimal.Decimal`,
:data:`~renstra_model.model.values.NIL`, ``None``, a :class:`~renstra_model.model.values.Quantity`,
text, a :class:`~renstra_model.model.codes.Code`). The columns the document defines as computed
hold both figures: a :class:`Computed` (a ratio: the stated value and the calculator's) or a
:class:`Growth` (an "average growth": the stated value, the true mean, the compound annual
growth and the growth of the last step). :mod:`renstra_model.tables.builders` fills them from a
plan; :mod:`renstra_model.tables.render` formats them.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from decimal import Decimal
from enum import Enum
from typing import Final

from attrs import field, frozen

from ..calculators.arithmetic import Result, Undefined
from ..calculators.ratios import agrees
from ..errors import RenstraError
from ..messages import Lang, extend, render
from ..model.codes import Code, Level
from ..model.provenance import Source
from ..model.values import Nil, Quantity

extend(
    {
        "tables.unknown": {
            "en": "no table named {name!r} (known: {known})",
            "id": "tidak ada tabel bernama {name!r} (tersedia: {known})",
        },
        "tables.borrowed": {
            "en": "† row taken from {tables}",
            "id": "† baris diambil dari {tables}",
        },
    }
)


class Kind(Enum):
    """What a column holds, and so how it is printed."""

    TEXT = "text"
    """Text, printed as is."""
    LIST = "list"
    """A tuple of texts, printed as a numbered list (strategies, policies)."""
    CODE = "code"
    """A :class:`~renstra_model.model.codes.Code`, printed spaced (``1 06 01 2.08 01``)."""
    INTEGER = "integer"
    """A row number or a head count (an int, or :data:`~renstra_model.model.values.NIL`)."""
    MONEY = "money"
    """Rupiah: ``4.847.753.572``."""
    PERCENT = "percent"
    """A percentage: ``100 %``."""
    RATE = "rate"
    """A growth rate in percent, printed as T-C.24 prints it: ``14,49``, ``(0,21)``."""
    QUANTITY = "quantity"
    """A :class:`~renstra_model.model.values.Quantity`, count first: ``25.325 KPM (72,18 %)``."""
    PERCENT_QUANTITY = "percent_quantity"
    """A :class:`~renstra_model.model.values.Quantity`, percentage first: ``72,18 % (25.325
    KPM)``."""

    @property
    def numeric(self) -> bool:
        """True for the kinds whose cells are numbers (they align right)."""
        return self in _NUMERIC


_NUMERIC: Final = frozenset(
    {Kind.INTEGER, Kind.MONEY, Kind.PERCENT, Kind.RATE, Kind.QUANTITY, Kind.PERCENT_QUANTITY}
)


@frozen
class Column:
    """A column: its key, its title as the document prints it, and what it holds.

    *group* is the heading the document prints above several columns (``TAHUN 2022``), and
    *label* the column's own heading under it (``Rp.``); *title* alone names the column
    unambiguously (``TAHUN 2022 Rp.``) and is the header of the CSV and DataFrame forms.
    """

    key: str
    title: str
    kind: Kind = Kind.TEXT
    number: int | None = None
    """The column's number in the document's numbering row."""
    group: str | None = None
    label: str | None = None
    year: int | None = None
    """The plan year the column is about, if any."""

    @property
    def short(self) -> str:
        """The heading under the group: *label*, or the title."""
        return self.label if self.label is not None else self.title


@frozen
class Computed:
    """A computed column's cell: the value the document states and the one the calculator
    gives by the column's own definition (in percent)."""

    stated: Decimal | Nil | None
    computed: Result

    @property
    def agrees(self) -> bool | None:
        """Whether the stated value is the computed one, rounded to the places it shows; None
        when either is not a number (nothing stated, ``-``, or not computable)."""
        if not isinstance(self.stated, Decimal) or isinstance(self.computed, Undefined):
            return None
        return agrees(self.stated, self.computed)


@frozen
class Growth:
    """A cell of T-C.24's "Rata-rata Pertumbuhan" (average growth), with every candidate.

    The document defines the column as the average growth, so :attr:`computed` is the mean of
    the year-on-year rates; the compound annual growth and the growth of the last step are here
    too, since the stated figures turn out to be the last step's.
    """

    stated: Decimal | Nil | None
    mean: Result
    cagr: Result
    last_step: Result

    @property
    def computed(self) -> Result:
        """The value by the column's definition: the mean of the yearly rates."""
        return self.mean

    @property
    def agrees(self) -> bool | None:
        """Whether the stated value is the mean (see :attr:`Computed.agrees`)."""
        return Computed(self.stated, self.mean).agrees


Value = str | tuple[str, ...] | Code | int | Decimal | Nil | Quantity | None
"""What a plain cell holds: the model's value, None for an empty cell."""

Cell = Value | Computed | Growth
"""A cell: a plain value, or both figures of a computed column."""


class RowKind(Enum):
    """What a row is."""

    DATA = "data"
    HEADING = "heading"
    """A heading spanning the row (the Visi and Misi lines of T-C.26): its text is the first
    cell, the others are empty."""
    TOTAL = "total"
    """A printed total (TOTAL ANGGARAN, Total)."""


@frozen
class Row:
    """A row: one cell per column, with what the row is and where its figures come from."""

    cells: tuple[Cell, ...]
    kind: RowKind = RowKind.DATA
    level: Level | None = None
    """The level of the activity or budget row it shows (T-C.24, T-C.27)."""
    code: Code | None = None
    """The code of the activity or budget row it shows (T-C.24 prints none, but has one)."""
    source: Source | None = None
    """Where the row's figures come from (the model's provenance)."""


class UnknownTableError(RenstraError, LookupError):
    """No table has the requested name."""


_DOCUMENT_TABLE: Final = re.compile(r"T-C\.[0-9]+|[0-9]+\.[0-9]+")
"""How the document numbers its tables (T-C.27, 7.1, 2.3)."""


@frozen
class Table:
    """A reproduced table: its number and title as the document prints them, its columns and
    its rows (each with one cell per column)."""

    number: str
    title: str
    columns: tuple[Column, ...]
    rows: tuple[Row, ...] = field(default=())

    def __attrs_post_init__(self) -> None:
        keys = [c.key for c in self.columns]
        if len(set(keys)) != len(keys):
            raise ValueError(f"{self.number}: column keys are not unique")
        titles = [c.title for c in self.columns]
        if len(set(titles)) != len(titles):
            raise ValueError(f"{self.number}: column titles are not unique")
        for i, row in enumerate(self.rows):
            if len(row.cells) != len(self.columns):
                raise ValueError(
                    f"{self.number}: row {i} has {len(row.cells)} cells for "
                    f"{len(self.columns)} columns"
                )

    @property
    def keys(self) -> tuple[str, ...]:
        """The column keys, in the document's order."""
        return tuple(c.key for c in self.columns)

    def index(self, key: str) -> int:
        """The position of the column *key*; KeyError if there is none."""
        for i, column in enumerate(self.columns):
            if column.key == key:
                return i
        raise KeyError(key)

    def column(self, key: str) -> Column:
        """The column *key*."""
        return self.columns[self.index(key)]

    def cell(self, row: int, key: str) -> Cell:
        """The cell of row *row* (0-based) in column *key*."""
        return self.rows[row].cells[self.index(key)]

    def values(self, key: str) -> tuple[Cell, ...]:
        """Every cell of column *key*, top to bottom."""
        i = self.index(key)
        return tuple(row.cells[i] for row in self.rows)

    def subset(
        self, rows: Iterable[int] | None = None, columns: Iterable[str] | None = None
    ) -> Table:
        """The table cut to the rows at *rows* and the columns *columns* (in the order given).

        >>> from renstra_model.examples import ttu_dinsos
        >>> from renstra_model.tables import build
        >>> small = build(ttu_dinsos(), "2.3").subset(range(2), ["name", "count"])
        >>> [row.cells for row in small.rows]
        [('Pendamping Program Keluarga Harapan', 68), ('Tenaga Kesejahteraan Sosial Kecamatan', 24)]
        """
        picked = [self.index(k) for k in columns] if columns is not None else list(
            range(len(self.columns))
        )
        chosen = [self.rows[i] for i in rows] if rows is not None else list(self.rows)
        return Table(
            self.number,
            self.title,
            tuple(self.columns[i] for i in picked),
            tuple(
                Row(tuple(r.cells[i] for i in picked), r.kind, r.level, r.code, r.source)
                for r in chosen
            ),
        )

    def borrowed(self) -> tuple[int, ...]:
        """The rows whose figures the plan takes from another table of the document (their
        source names a document table, ``T-C.24`` or ``7.1``, other than this one): in the
        TTU plan, T-C.27's rows of program 1 06 01, which the extraction lacks and T-C.24
        budgets. A row read from a workbook's sheet names the sheet, which is no table of
        the document."""
        return tuple(
            i
            for i, row in enumerate(self.rows)
            if row.source is not None and row.source.table != self.number
            and _DOCUMENT_TABLE.fullmatch(row.source.table)
        )

    def mismatches(self) -> tuple[tuple[int, str, Computed | Growth], ...]:
        """Every computed cell whose stated figure differs from the computed one: (row, column
        key, cell)."""
        found: list[tuple[int, str, Computed | Growth]] = []
        for r, row in enumerate(self.rows):
            for column, cell in zip(self.columns, row.cells, strict=True):
                if isinstance(cell, Computed | Growth) and cell.agrees is False:
                    found.append((r, column.key, cell))
        return tuple(found)

    def footnote(self, lang: Lang | None = None) -> str | None:
        """The note renderers print under the table when rows come from other tables, in *lang*
        (default: the default language)."""
        tables = sorted(
            {source.table for i in self.borrowed() if (source := self.rows[i].source)}
        )
        if not tables:
            return None
        return render("tables.borrowed", {"tables": ", ".join(tables)}, lang)

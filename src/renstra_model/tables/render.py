"""Renderers of a :class:`~renstra_model.tables.builders.Table`: plain text, Markdown, HTML and
CSV; and, with the optional extras, a pandas DataFrame (``pandas``,
:mod:`~renstra_model.tables.dataframe`) and an Excel workbook (``excel``,
:mod:`~renstra_model.tables.xlsx`), re-exported here.

Renderers only format; the figures are the table's. Numbers and cells are written by
``renstra_model.tables.formats`` (Babel's locale data): the Indonesian way with ``lang="id"``
(``4.847.753.572``, ``72,18 %``), the English way with ``lang="en"`` (``4,847,753,572``); where
*lang* is not named, in the default language (:func:`~renstra_model.messages.default_lang`:
``RENSTRA_LANG``, else English). Each kind of column keeps
its table's printed form, in one style throughout:

* money ``4.091.594.846,5`` (every digit the amount has, none added);
* a percentage ``100 %``, ``72,18 %``; a growth rate as T-C.24 prints it, ``14,49``, with a
  negative rate in parentheses, ``(0,21)``;
* a stated quantity count first, as T-C.25 and T-C.27 print it, ``25.325 KPM (72,18 %)``, or
  percentage first, as T-C.23 and Table 7.1 print it, ``72,18 % (25.325 KPM)``;
* ``-`` for a stated nil, nothing for an empty cell, and ``–`` (an en dash) for a computed
  value that cannot be computed.

A computed column shows the stated figure (*values* ``"stated"``, the document's table), the
computed one (``"computed"``, rounded half-up to two places) or both (``"both"``:
``14,49 [22,59]`` in text, Markdown and HTML; a further column headed ``… (computed)`` after
each computed column in CSV, DataFrames and workbooks).

CSV is for programs: numbers are plain (``4847753572``, ``72.18``, ``-0.21``), whatever the
language; a quantity is ``25325 KPM (72.18 %)``; one header row, the document's column order.

>>> from renstra_model.examples import ttu_dinsos
>>> from renstra_model.tables.builders import build
>>> tc24 = build(ttu_dinsos(), "TC-24").subset(range(1), ["uraian", "planned_2023",
...                                                       "growth_planned"])
>>> print(to_text(tc24, lang="id", width=20), end="")
T-C.24 Anggaran dan Realisasi Pendanaan Pelayanan Dinas Sosial Kabupaten Timor Tengah Utara
Uraian              Anggaran pada    Rata-rata
                    Tahun ke-2       Pertumbuhan
                                     Rencana Anggaran
------------------- ---------------- ----------------
URUSAN PEMERINTAHAN  4.091.594.846,5            14,49
BIDANG SOSIAL
>>> print(to_csv(tc24.subset(columns=["growth_planned"]), values="both"), end="")
Rata-rata Pertumbuhan Rencana Anggaran,Rata-rata Pertumbuhan Rencana Anggaran (computed)
14.49,22.59
"""

from __future__ import annotations

import csv
import html
import io
import textwrap
from collections.abc import Iterable, Iterator, Sequence
from typing import Final, Literal

from ..messages import Lang, extend, render, resolve_lang
from .dataframe import to_dataframe
from .formats import (
    COMPUTED_SUFFIX,
    UNDEFINED,
    Values,
    column_heading,
    computed_figure,
    plain_value,
    tabular,
    value_text,
)
from .schema import Cell, Column, Computed, Growth, Kind, Row, RowKind, Table
from .xlsx import EXCEL_DIGITS, sheet_name, write_xlsx

__all__ = [
    "COMPUTED_SUFFIX",
    "EXCEL_DIGITS",
    "FORMATS",
    "UNDEFINED",
    "Format",
    "Values",
    "cell_text",
    "plain_text",
    "render_table",
    "sheet_name",
    "to_csv",
    "to_dataframe",
    "to_html",
    "to_markdown",
    "to_text",
    "write_xlsx",
]

extend(
    {
        "render.format": {
            "en": "unknown format {fmt!r} (known: {known})",
            "id": "format {fmt!r} tidak dikenal (tersedia: {known})",
        },
    }
)

Format = Literal["text", "markdown", "html", "csv"]
"""A text format :func:`render_table` writes."""

FORMATS: Final[tuple[Format, ...]] = ("text", "markdown", "html", "csv")
"""The text formats, in the order the command line lists them."""


# -- one cell ---------------------------------------------------------------------------------


def cell_text(
    cell: Cell, column: Column, *, lang: Lang | None = None, values: Values = "stated"
) -> str:
    """The display text of *cell* in *column* (text, Markdown, HTML): numbers the *lang* way
    (default: the default language).

    >>> from decimal import Decimal
    >>> from renstra_model import Quantity
    >>> from renstra_model.tables.builders import Column, Kind
    >>> q = Quantity(Decimal("25325"), "KPM", Decimal("72.18"))
    >>> cell_text(q, Column("x", "X", Kind.PERCENT_QUANTITY), lang="id")
    '72,18 % (25.325 KPM)'
    >>> cell_text(q, Column("x", "X", Kind.QUANTITY), lang="en")
    '25,325 KPM (72.18 %)'
    """
    lang = resolve_lang(lang)
    kind = column.kind
    if isinstance(cell, Computed | Growth):
        stated = value_text(cell.stated, kind, lang)
        computed = value_text(computed_figure(cell.computed), kind, lang, 2)
        if values == "stated":
            return stated
        if values == "computed":
            return computed
        return f"{stated} [{computed}]"
    return value_text(cell, kind, lang)


def plain_text(cell: Cell, column: Column, *, computed: bool = False) -> str:
    """The CSV text of *cell*: plain numbers (``4847753572``, ``72.18``), ``-`` for a stated
    nil, nothing for an empty cell; for a computed column the stated figure, or with *computed*
    the computed one (two places; nothing when it cannot be computed)."""
    if isinstance(cell, Computed | Growth):
        if computed:
            return plain_value(computed_figure(cell.computed), column.kind)
        return plain_value(cell.stated, column.kind)
    return plain_value(cell, column.kind)


# -- layouts ----------------------------------------------------------------------------------


def _marked(table: Table) -> dict[int, int]:
    """For each borrowed row, the column that carries the † marker (its first non-empty text
    or code cell)."""
    marks: dict[int, int] = {}
    for r in table.borrowed():
        row = table.rows[r]
        for i, (column, cell) in enumerate(zip(table.columns, row.cells, strict=True)):
            if column.kind in (Kind.TEXT, Kind.CODE) and cell is not None:
                marks[r] = i
                break
    return marks


def _display_rows(table: Table, lang: Lang, values: Values) -> Iterator[tuple[Row, list[str]]]:
    marks = _marked(table)
    for r, row in enumerate(table.rows):
        texts = [
            cell_text(cell, column, lang=lang, values=values)
            for column, cell in zip(table.columns, row.cells, strict=True)
        ]
        if r in marks:
            texts[marks[r]] += " †"
        yield row, texts


def _caption(table: Table) -> str:
    return f"{table.number} {table.title}"


# -- plain text -------------------------------------------------------------------------------


def _wrap(text: str, width: int) -> list[str]:
    lines: list[str] = []
    for paragraph in text.split("\n"):
        lines.extend(textwrap.wrap(paragraph, width, break_on_hyphens=False) or [""])
    return lines


def to_text(
    table: Table,
    *,
    lang: Lang | None = None,
    values: Values = "stated",
    width: int = 32,
    caption: bool = True,
) -> str:
    """*table* as plain text: columns padded with spaces, numbers right-aligned, text wrapped
    at *width* characters (numbers are never wrapped), headings across the whole row."""
    lang = resolve_lang(lang)
    rows = list(_display_rows(table, lang, values))
    numeric = [c.kind.numeric for c in table.columns]
    wrapped: list[list[list[str]]] = [
        [text.split("\n") if numeric[i] else _wrap(text, width) for i, text in enumerate(texts)]
        for _, texts in rows
    ]
    body = [cells for (row, _), cells in zip(rows, wrapped, strict=True)
            if row.kind is not RowKind.HEADING]
    widths = []
    for i, column in enumerate(table.columns):
        data = max((len(line) for cells in body for line in cells[i]), default=0)
        longest_word = max((len(w) for w in column.title.split()), default=0)
        widths.append(max(data, longest_word, min(len(column.title), 16)))
    header = [_wrap(c.title, widths[i]) for i, c in enumerate(table.columns)]
    out: list[str] = [_caption(table)] if caption else []

    def emit(cells: Sequence[list[str]], right: Sequence[bool]) -> None:
        height = max(len(c) for c in cells)
        for k in range(height):
            parts = []
            for i, lines in enumerate(cells):
                text = lines[k] if k < len(lines) else ""
                parts.append(text.rjust(widths[i]) if right[i] else text.ljust(widths[i]))
            out.append(" ".join(parts).rstrip())

    emit(header, [False] * len(widths))
    out.append(" ".join("-" * w for w in widths))
    across = max(sum(widths) + len(widths) - 1, width)
    for (row, texts), cells in zip(rows, wrapped, strict=True):
        if row.kind is RowKind.HEADING:
            out.extend(_wrap(texts[0], across))
        else:
            emit(cells, numeric)
    note = table.footnote(lang)
    if note is not None:
        out.append(note)
    return "\n".join(out) + "\n"


# -- Markdown ---------------------------------------------------------------------------------


def markdown_cell(text: str) -> str:
    """*text* as the content of a Markdown table cell: HTML escaped, ``|`` escaped, line
    breaks as ``<br>``."""
    return html.escape(text, quote=False).replace("|", "\\|").replace("\n", "<br>")


def to_markdown(
    table: Table, *, lang: Lang | None = None, values: Values = "stated", caption: bool = True
) -> str:
    """*table* as a Markdown (GitHub) pipe table, with the caption as a bold line above it and
    the footnote, if any, below; a heading row puts its text, bold, in the first cell."""
    lang = resolve_lang(lang)
    out: list[str] = []
    if caption:
        out += [f"**{markdown_cell(table.number)}** {markdown_cell(table.title)}", ""]
    out.append("| " + " | ".join(markdown_cell(c.title) for c in table.columns) + " |")
    out.append("|" + "|".join("--:" if c.kind.numeric else "---" for c in table.columns) + "|")
    for row, texts in _display_rows(table, lang, values):
        if row.kind is RowKind.HEADING:
            texts = [f"**{texts[0]}**", *("" for _ in texts[1:])]
        out.append("| " + " | ".join(markdown_cell(t) for t in texts) + " |")
    note = table.footnote(lang)
    if note is not None:
        out += ["", markdown_cell(note)]
    return "\n".join(out) + "\n"


# -- HTML -------------------------------------------------------------------------------------


def _h(text: str) -> str:
    return html.escape(text).replace("\n", "<br>")


def _header_rows(table: Table) -> list[str]:
    columns = table.columns
    if not any(c.group for c in columns):
        cells = "".join(f"<th>{_h(c.title)}</th>" for c in columns)
        return [f"<tr>{cells}</tr>"]
    top: list[str] = []
    i = 0
    while i < len(columns):
        group = columns[i].group
        if group is None:
            top.append(f'<th rowspan="2">{_h(columns[i].title)}</th>')
            i += 1
            continue
        span = 1
        while i + span < len(columns) and columns[i + span].group == group:
            span += 1
        top.append(f'<th colspan="{span}">{_h(group)}</th>')
        i += span
    under = "".join(f"<th>{_h(c.short)}</th>" for c in columns if c.group is not None)
    return [f"<tr>{''.join(top)}</tr>", f"<tr>{under}</tr>"]


def to_html(
    table: Table, *, lang: Lang | None = None, values: Values = "stated", caption: bool = True
) -> str:
    """*table* as an HTML ``<table>``: the caption, the document's header (grouped headings
    spanning their columns) and numbering row, numbers in cells of class ``num``, rows of class
    ``heading``, ``total`` or the activity's level, and the footnote in the ``<tfoot>``."""
    lang = resolve_lang(lang)
    columns = table.columns
    out = [f'<table class="renstra-table" data-table="{_h(table.number)}">']
    if caption:
        out.append(f"<caption>{_h(_caption(table))}</caption>")
    out.append("<thead>")
    out.extend(_header_rows(table))
    if any(c.number is not None for c in columns):
        numbers = "".join(
            f"<th>{c.number if c.number is not None else ''}</th>" for c in columns
        )
        out.append(f'<tr class="numbers">{numbers}</tr>')
    out.append("</thead>")
    out.append("<tbody>")
    for row, texts in _display_rows(table, lang, values):
        classes = [row.kind.value] if row.kind is not RowKind.DATA else []
        if row.level is not None:
            classes.append(row.level.value)
        attr = f' class="{" ".join(classes)}"' if classes else ""
        if row.kind is RowKind.HEADING:
            out.append(f'<tr{attr}><th colspan="{len(columns)}">{_h(texts[0])}</th></tr>')
            continue
        cells = "".join(
            f'<td class="num">{_h(t)}</td>' if c.kind.numeric else f"<td>{_h(t)}</td>"
            for c, t in zip(columns, texts, strict=True)
        )
        out.append(f"<tr{attr}>{cells}</tr>")
    out.append("</tbody>")
    note = table.footnote(lang)
    if note is not None:
        out.append(f'<tfoot><tr><td colspan="{len(columns)}">{_h(note)}</td></tr></tfoot>')
    out.append("</table>")
    return "\n".join(out) + "\n"


# -- CSV --------------------------------------------------------------------------------------


def to_csv(table: Table, *, values: Values = "stated") -> str:
    """*table* as CSV: one header row of the column titles in the document's order, then one
    line a row, numbers plain (:func:`plain_text`). Lines end in ``\\n``; a field holding a
    line break of any kind (``\\n`` or ``\\r``) is quoted."""
    layout = tabular(table, values)
    lines = [_csv_line(column_heading(c, computed, values) for c, _, computed in layout)]
    lines.extend(
        _csv_line(plain_text(row.cells[i], c, computed=computed) for c, i, computed in layout)
        for row in table.rows
    )
    return "".join(lines)


def _csv_line(fields: Iterable[str]) -> str:
    # The writer quotes a field holding a character of its line terminator: with "\r\n" it
    # quotes both kinds of line break, so each record then ends in "\n".
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\r\n").writerow(fields)
    return buffer.getvalue()[:-2] + "\n"


# -- dispatch ---------------------------------------------------------------------------------


def render_table(
    table: Table, fmt: str, *, lang: Lang | None = None, values: Values = "stated"
) -> str:
    """*table* in the text format *fmt* (one of :data:`FORMATS`), in *lang* (default: the
    default language)."""
    if fmt == "text":
        return to_text(table, lang=lang, values=values)
    if fmt == "markdown":
        return to_markdown(table, lang=lang, values=values)
    if fmt == "html":
        return to_html(table, lang=lang, values=values)
    if fmt == "csv":
        return to_csv(table, values=values)
    raise ValueError(render("render.format", {"fmt": fmt, "known": ", ".join(FORMATS)}, lang))

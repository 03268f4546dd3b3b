"""``renstra table PLAN TABLE``: print one of the plan's tables as the document prints it
(T-C.23 to T-C.27, 7.1, 2.1–2.4, and the problem tables of chapter III the plan holds, 3.1, 3.2,
…), as text, Markdown, HTML or CSV, or write it to an Excel workbook. ``renstra table PLAN``
lists the plan's tables: a line each, the name TABLE takes and the table's title.

PLAN is a plan file, a workbook or a shipped example, read with the options of ``renstra
import``. For a file holding several plans, the text, Markdown and HTML formats write each
plan's table in turn, headed by the plan's name (a line underlined with ``=``, a ``##``
heading, an ``<h2>``); CSV and xlsx, which hold one table, refuse such a file.

Titles and numbers follow ``--lang`` (default: ``RENSTRA_LANG``, else English; ``--lang id``
gives the document's own titles and number style); CSV numbers are plain whatever the
language. Exit status: 0 written, 2 unusable input (an unknown plan or table, a plan that does
not load, ``--format xlsx`` without ``--output``, ``--format csv`` or ``xlsx`` for a file of
several plans, an output file that cannot be written, a missing optional extra).
"""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING, Any

from ..messages import LANGS, Lang, extend, render
from .common import (
    EXIT_INPUT,
    EXIT_OK,
    add_reading_arguments,
    command,
    default_lang,
    open_plans,
    reading_options,
    warn_reading_notes,
    write_output,
)

if TYPE_CHECKING:
    from ..tables.schema import Table

extend(
    {
        "cli_table.xlsx_output": {
            "en": "--format xlsx writes a file: give it with --output FILE",
            "id": "--format xlsx menulis berkas: sebutkan dengan --output BERKAS",
        },
        "cli_table.written": {
            "en": "{table} written to {path}",
            "id": "{table} ditulis ke {path}",
        },
        "cli_table.several_plans": {
            "en": "{file} holds {count} plans, and --format {format} holds one table: use "
                  "--format text, markdown or html, or give a file of one plan",
            "id": "{file} memuat {count} rencana, sedangkan --format {format} memuat satu "
                  "tabel: gunakan --format text, markdown, atau html, atau berikan berkas "
                  "berisi satu rencana",
        },
    }
)

TABLE_FORMATS = ("text", "markdown", "html", "csv", "xlsx")
TABLE_NAMES = ("TC-23", "TC-24", "TC-25", "TC-26", "TC-27", "7.1", "2.1", "2.2", "2.3", "2.4")
"""The standard tables ``renstra table`` knows (:data:`renstra_model.tables.builders.TABLES`,
listed here so that ``renstra --help`` does not import the tables); a plan's problem tables are
known by their number."""


def add_parser(sub: Any) -> None:
    """Register ``renstra table``."""
    table = sub.add_parser(
        "table",
        help="print one of the plan's tables (T-C.23 … T-C.27, 7.1, 2.1 … 2.4, 3.1 …)",
        description="Print TABLE of PLAN with the document's columns, or write it to an Excel "
        "workbook; without TABLE, list the plan's tables. Exit status: 0 written, 2 unusable "
        "input.",
    )
    table.add_argument("plan", metavar="PLAN",
                       help="a plan file (.json), a workbook (.xlsx, .xlsm), a SIPD export "
                       "(.csv, .tsv, SIPD JSON: each agency's plan in turn), or a shipped "
                       "example: ttu-dinsos")
    table.add_argument("table", metavar="TABLE", nargs="?", default=None,
                       help=f"one of {', '.join(TABLE_NAMES)}, or the number of a problem "
                       "table of the plan's chapter III (3.1, 3.2, …); without it, the plan's "
                       "tables are listed")
    table.add_argument("--format", choices=TABLE_FORMATS, default="text")
    table.add_argument(
        "--values", choices=("stated", "computed", "both"), default="stated",
        help="what computed columns (ratios, growth) show: the document's figure (default), "
        "the computed one, or both",
    )
    table.add_argument("--output", default=None, metavar="FILE",
                       help="write to FILE instead of printing (required for xlsx)")
    table.add_argument("--lang", choices=LANGS, default=None,
                       help="numbers and messages (default: RENSTRA_LANG, else en)")
    add_reading_arguments(table)
    table.set_defaults(handler=run)


@command
def run(args: argparse.Namespace) -> int:
    """Print or write the table; 0 when done, 2 when an input is unusable."""

    from ..tables.builders import build, build_all
    from ..tables.render import render_table, write_xlsx

    lang: Lang = args.lang or default_lang()
    args.lang = lang  # the error path's too
    if args.format == "xlsx" and not args.output:
        print(render("cli_table.xlsx_output", {}, lang), file=sys.stderr)
        return EXIT_INPUT
    loaded = open_plans(args.plan, reading_options(args))
    warn_reading_notes(loaded, lang)
    if args.table is None:
        listed = [_listing(build_all(item.plan)) for item in loaded]
        if len(loaded) > 1:
            listed = [_headed(item.name, text, "text") for item, text in zip(loaded, listed,
                                                                              strict=True)]
        sys.stdout.write("\n".join(listed))
        return EXIT_OK
    if len(loaded) > 1 and args.format in ("csv", "xlsx"):
        print(render("cli_table.several_plans",
                     {"file": args.plan, "count": len(loaded), "format": args.format}, lang),
              file=sys.stderr)
        return EXIT_INPUT
    try:
        if args.format == "xlsx":
            table = build(loaded[0].plan, args.table, lang)
            write_xlsx(table, args.output, lang=lang, values=args.values)
            print(render("cli_table.written", {"table": table.number, "path": args.output}, lang),
                  file=sys.stderr)
            return EXIT_OK
        parts = []
        for item in loaded:
            text = render_table(build(item.plan, args.table, lang), args.format, lang=lang,
                                values=args.values)
            parts.append(_headed(item.name, text, args.format) if len(loaded) > 1 else text)
        text = "\n".join(parts)
    except OSError as exc:  # the workbook cannot be written where --output says
        print(str(exc), file=sys.stderr)
        return EXIT_INPUT
    return write_output(text, args.output or None, lang)


def _listing(tables: tuple[Table, ...]) -> str:
    """A line per table: the name ``renstra table`` takes, padded, and the title."""
    names = [t.number.replace("T-C.", "TC-") for t in tables]
    width = max(len(n) for n in names) if names else 0
    return "".join(f"{n.ljust(width)}  {t.title}\n" for n, t in zip(names, tables, strict=True))


def _headed(name: str, text: str, fmt: str) -> str:
    """*text*, a table of the plan *name*, under a heading of its format."""
    if fmt == "markdown":
        return f"## {name}\n\n{text}"
    if fmt == "html":
        import html

        return f"<h2>{html.escape(name)}</h2>\n{text}"
    return f"{name}\n{'=' * len(name)}\n\n{text}"

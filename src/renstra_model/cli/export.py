"""``renstra export``: write plans in other formats.

* ``--format xlsx``: one plan, the standard tables one sheet each, formatted like the document
  (the ``excel`` extra);
* ``--format parquet``: any number of plans (files, directories, examples), as long fact
  tables in a directory (the ``parquet`` extra).

A directory stands for every file below it that a format reads, as ``renstra check`` takes it
(:func:`~renstra_model.cli.common.scan_inputs`): each entry it skips that looks like an input (a
dangling link, a device, a folder named ``*.json``) is said on stderr, a line each.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from ..messages import LANGS, Lang
from .common import EXIT_INPUT, EXIT_OK, command, default_lang, open_plan, open_plans, scan_inputs


def add_parser(sub: Any) -> None:
    """Register ``renstra export``."""
    export = sub.add_parser(
        "export",
        help="write plans as an Excel workbook or as Parquet fact tables",
        description="Write PLAN as an Excel workbook (one sheet a table) or PLANs as Parquet "
        "fact tables. Exit status: 0 written, 2 unusable input.",
    )
    export.add_argument("plans", nargs="+", metavar="PLAN",
                        help="a plan file, a workbook, a SIPD export, a directory (every such "
                        "file below it; the entries it skips are said on stderr), or a shipped "
                        "example")
    export.add_argument("--format", choices=("xlsx", "parquet"), required=True)
    export.add_argument("--output", required=True, metavar="PATH",
                        help="the .xlsx file (xlsx) or the output directory (parquet)")
    export.add_argument("--lang", choices=LANGS, default=None,
                        help="the language of the messages (default: RENSTRA_LANG, else en)")
    export.set_defaults(handler=run)


@command
def run(args: argparse.Namespace) -> int:
    """Export the plans; 0 when written, 2 when an input is unusable."""
    lang: Lang = args.lang or default_lang()
    specs = scan_inputs(args.plans, lang)
    if args.format == "xlsx":
        if len(specs) != 1:
            print("renstra export --format xlsx takes one plan", file=sys.stderr)
            return EXIT_INPUT
        from ..io.excel import write_workbook

        write_workbook(open_plan(specs[0]), Path(args.output))
    else:
        from ..io.parquet import export_parquet

        export_parquet(((item.name, item.plan) for spec in specs for item in open_plans(spec)),
                       Path(args.output))
    return EXIT_OK

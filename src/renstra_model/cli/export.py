"""``renstra export``: write plans in other formats.

* ``--format xlsx``: one plan, the standard tables one sheet each, formatted like the document
  (the ``excel`` extra);
* ``--format parquet``: any number of plans (files, directories, examples), as long fact
  tables in a directory (the ``parquet`` extra).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from ..messages import LANGS
from .common import EXIT_INPUT, EXIT_OK, command, expand_plans, open_plan


def add_parser(sub: Any) -> None:
    """Register ``renstra export``."""
    export = sub.add_parser(
        "export",
        help="write plans as an Excel workbook or as Parquet fact tables",
        description="Write PLAN as an Excel workbook (one sheet a table) or PLANs as Parquet "
        "fact tables. Exit status: 0 written, 2 unusable input.",
    )
    export.add_argument("plans", nargs="+", metavar="PLAN",
                        help="a plan file, a directory of plan files, or a shipped example")
    export.add_argument("--format", choices=("xlsx", "parquet"), required=True)
    export.add_argument("--output", required=True, metavar="PATH",
                        help="the .xlsx file (xlsx) or the output directory (parquet)")
    export.add_argument("--lang", choices=LANGS, default=None)
    export.set_defaults(handler=run)


@command
def run(args: argparse.Namespace) -> int:
    """Export the plans; 0 when written, 2 when an input is unusable."""
    specs = list(expand_plans(args.plans))
    if args.format == "xlsx":
        if len(specs) != 1:
            print("renstra export --format xlsx takes one plan", file=sys.stderr)
            return EXIT_INPUT
        from ..io.excel import write_workbook

        write_workbook(open_plan(specs[0]), Path(args.output))
    else:
        from ..io.parquet import export_parquet

        export_parquet(((spec, open_plan(spec)) for spec in specs), Path(args.output))
    return EXIT_OK

"""``renstra schema [--output FILE]``: print the plan file format as JSON Schema (draft 2020-12),
generated from the model, for programs that write plan files.

Exit status: 0 printed or written, 2 when FILE cannot be written.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from .common import EXIT_INPUT, EXIT_OK, command


def add_parser(sub: Any) -> None:
    """Register ``renstra schema``."""
    schema = sub.add_parser(
        "schema",
        help="print the plan file format as JSON Schema (draft 2020-12)",
        description="Print the JSON Schema of a plan file, generated from the model. Exit "
        "status: 0 written, 2 when FILE cannot be written.",
    )
    schema.add_argument("--output", default=None, metavar="FILE",
                        help="write to FILE instead of printing")
    schema.set_defaults(handler=run)


@command
def run(args: argparse.Namespace) -> int:
    """Print or write the schema; 0 when done, 2 when the file cannot be written."""
    from ..io.schema import plan_schema

    text = json.dumps(plan_schema(), ensure_ascii=False, indent=2) + "\n"
    if args.output is None:
        sys.stdout.write(text)
        return EXIT_OK
    try:
        Path(args.output).write_text(text, encoding="utf-8", newline="")
    except OSError as exc:
        print(str(exc), file=sys.stderr)
        return EXIT_INPUT
    return EXIT_OK

"""``renstra schema [--output FILE]``: print the plan file format as JSON Schema (draft 2020-12),
generated from the model, for programs that write plan files.

Exit status: 0 printed or written, 2 when FILE cannot be written.
"""

from __future__ import annotations

import argparse
import json
from typing import Any

from .common import command, default_lang, write_output


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
    return write_output(text, args.output, default_lang())

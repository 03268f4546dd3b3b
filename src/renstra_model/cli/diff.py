"""``renstra diff OLD NEW``: what changed from one version of a plan to another
(:func:`renstra_model.cycle.diff.diff`): activities added, removed, renamed or recoded,
targets and pagu per year, goals, sasaran and indicators, and the totals per year.

* ``--format text`` (default): the changes grouped by activity (then those of the plan), a
  line each, and the totals per year, in the language of ``--lang``;
* ``--format json``: ``{"changes": [{"kind", "code", "field", "year", "indicator", "old",
  "new", "difference"}, ...], "totals": [{"year", "old", "new", "difference"}, ...]}``, money
  and numbers as exact decimal strings (``"-"`` for a stated nil), null where a version has
  no value;
* ``--format markdown``: a table of the changes and one of the totals.

OLD and NEW are plan files, workbooks or shipped examples of one plan each, read with the
options of ``renstra import``. Exit status, as ``diff(1)``: 0 when the versions are equal, 1
when they differ, 2 for an unusable input.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Mapping
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from ..messages import LANGS, Lang, extend, render
from .common import (
    EXIT_FINDINGS,
    EXIT_OK,
    add_reading_arguments,
    command,
    default_lang,
    open_plan,
    reading_options,
)

if TYPE_CHECKING:
    from ..cycle.diff import Change, Diff

extend({
    "cli_diff.activity.added": {"en": "added: {new}", "id": "ditambahkan: {new}"},
    "cli_diff.activity.removed": {"en": "removed: {old}", "id": "dihapus: {old}"},
    "cli_diff.code.changed": {"en": "recoded: {old} → {new}", "id": "kode diubah: {old} → {new}"},
    "cli_diff.name.added": {"en": "named: {new}", "id": "diberi nama: {new}"},
    "cli_diff.name.removed": {"en": "name removed: {old}", "id": "nama dihapus: {old}"},
    "cli_diff.name.changed": {"en": "renamed: {old} → {new}", "id": "nama diubah: {old} → {new}"},
    "cli_diff.pagu.added": {"en": "pagu {year}: {new} (new)", "id": "pagu {year}: {new} (baru)"},
    "cli_diff.pagu.removed": {"en": "pagu {year}: {old} removed",
                              "id": "pagu {year}: {old} dihapus"},
    "cli_diff.pagu.changed": {"en": "pagu {year}: {old} → {new} ({difference})",
                              "id": "pagu {year}: {old} → {new} ({difference})"},
    "cli_diff.pagu_total.added": {"en": "end-of-period pagu: {new} (new)",
                                  "id": "pagu akhir periode: {new} (baru)"},
    "cli_diff.pagu_total.removed": {"en": "end-of-period pagu: {old} removed",
                                    "id": "pagu akhir periode: {old} dihapus"},
    "cli_diff.pagu_total.changed": {"en": "end-of-period pagu: {old} → {new} ({difference})",
                                    "id": "pagu akhir periode: {old} → {new} ({difference})"},
    "cli_diff.total.added": {"en": "TOTAL row {year}: {new} (new)",
                             "id": "baris TOTAL {year}: {new} (baru)"},
    "cli_diff.total.removed": {"en": "TOTAL row {year}: {old} removed",
                               "id": "baris TOTAL {year}: {old} dihapus"},
    "cli_diff.total.changed": {"en": "TOTAL row {year}: {old} → {new} ({difference})",
                               "id": "baris TOTAL {year}: {old} → {new} ({difference})"},
    "cli_diff.indicator.added": {"en": "indicator added: {indicator}",
                                 "id": "indikator ditambahkan: {indicator}"},
    "cli_diff.indicator.removed": {"en": "indicator removed: {indicator}",
                                   "id": "indikator dihapus: {indicator}"},
    "cli_diff.target.added": {"en": "target {year} of {indicator}: {new} (new)",
                              "id": "target {year} {indicator}: {new} (baru)"},
    "cli_diff.target.removed": {"en": "target {year} of {indicator}: {old} removed",
                                "id": "target {year} {indicator}: {old} dihapus"},
    "cli_diff.target.changed": {"en": "target {year} of {indicator}: {old} → {new}{difference}",
                                "id": "target {year} {indicator}: {old} → {new}{difference}"},
    "cli_diff.baseline.added": {"en": "baseline of {indicator}: {new} (new)",
                                "id": "kondisi awal {indicator}: {new} (baru)"},
    "cli_diff.baseline.removed": {"en": "baseline of {indicator}: {old} removed",
                                  "id": "kondisi awal {indicator}: {old} dihapus"},
    "cli_diff.baseline.changed": {"en": "baseline of {indicator}: {old} → {new}{difference}",
                                  "id": "kondisi awal {indicator}: {old} → {new}{difference}"},
    "cli_diff.end_of_period.added": {"en": "end of period of {indicator}: {new} (new)",
                                     "id": "kondisi akhir {indicator}: {new} (baru)"},
    "cli_diff.end_of_period.removed": {"en": "end of period of {indicator}: {old} removed",
                                       "id": "kondisi akhir {indicator}: {old} dihapus"},
    "cli_diff.end_of_period.changed": {
        "en": "end of period of {indicator}: {old} → {new}{difference}",
        "id": "kondisi akhir {indicator}: {old} → {new}{difference}",
    },
    "cli_diff.goal.added": {"en": "goal added: {new}", "id": "tujuan ditambahkan: {new}"},
    "cli_diff.goal.removed": {"en": "goal removed: {old}", "id": "tujuan dihapus: {old}"},
    "cli_diff.sasaran.added": {"en": "sasaran added: {new}", "id": "sasaran ditambahkan: {new}"},
    "cli_diff.sasaran.removed": {"en": "sasaran removed: {old}", "id": "sasaran dihapus: {old}"},
    "cli_diff.unnamed": {"en": "(unnamed)", "id": "(tanpa nama)"},
    "cli_diff.plan": {"en": "The plan", "id": "Rencana"},
    "cli_diff.totals": {"en": "Totals per year", "id": "Total per tahun"},
    "cli_diff.total_line": {"en": "{year}: {old} → {new} ({difference})",
                            "id": "{year}: {old} → {new} ({difference})"},
    "cli_diff.equal": {"en": "No changes.", "id": "Tidak ada perubahan."},
    "cli_diff.heading": {
        "en": "kind|code|field|indicator|year|old|new|difference",
        "id": "jenis|kode|isian|indikator|tahun|lama|baru|selisih",
    },
    "cli_diff.totals_heading": {"en": "year|old|new|difference",
                                "id": "tahun|lama|baru|selisih"},
})

DIFF_FORMATS = ("text", "json", "markdown")

_START = object()


def add_parser(sub: Any) -> None:
    """Register ``renstra diff``."""
    diff = sub.add_parser(
        "diff",
        help="list what changed between two versions of a plan (Renstra perubahan)",
        description="List what changed from OLD to NEW: activities added, removed, renamed or "
        "recoded; targets and pagu per year; goals, sasaran and indicators; the totals per "
        "year. Exit status: 0 equal, 1 different, 2 unusable input.",
    )
    diff.add_argument("old", metavar="OLD", help="the earlier version: a plan file, a "
                      "workbook, a SIPD export of one agency, or a shipped example")
    diff.add_argument("new", metavar="NEW", help="the later version, read like OLD")
    diff.add_argument("--format", choices=DIFF_FORMATS, default="text")
    diff.add_argument("--lang", choices=LANGS, default=None,
                      help="messages (default: RENSTRA_LANG, else en)")
    add_reading_arguments(diff)
    diff.set_defaults(handler=run)


@command
def run(args: argparse.Namespace) -> int:
    """Print the changes; 0 when there are none, 1 when there are, 2 for an unusable input."""
    from ..cycle.diff import diff

    lang: Lang = args.lang or default_lang()
    args.lang = lang  # the error path's too
    options = reading_options(args)
    old, new = open_plan(args.old, options), open_plan(args.new, options)
    result = diff(old, new)
    if args.format == "json":
        sys.stdout.write(json.dumps(result.to_dict(), ensure_ascii=False, indent=2) + "\n")
    elif args.format == "markdown":
        sys.stdout.write(markdown(result, lang))
    else:
        names = {str(a.code): a.name for plan in (old, new) for _, a in plan.activities()}
        sys.stdout.write(text(result, lang, names))
    return EXIT_OK if result.equal else EXIT_FINDINGS


def change_line(change: Change, lang: Lang) -> str:
    """One change as a line of text, in *lang*."""
    from ..cycle.diff import value_text

    unnamed = render("cli_diff.unnamed", {}, lang)
    difference = change.difference
    shown = "" if difference is None else signed(difference)
    if change.field in ("target", "baseline", "end_of_period") and shown:
        shown = f" ({shown})"
    return render(f"cli_diff.{change.field}.{change.kind}", {
        "year": change.year, "old": value_text(change.old) or unnamed,
        "new": value_text(change.new) or unnamed, "indicator": change.indicator or unnamed,
        "difference": shown,
    }, lang)


def text(result: Diff, lang: Lang, names: Mapping[str, str | None]) -> str:
    """The changes grouped by activity (headed by its code and its name in *names*), then
    the plan's, then the totals per year."""
    from ..cycle.diff import value_text

    lines: list[str] = []
    group: object = _START  # the code of the group being written (None: the plan's)
    for change in result.changes:
        if change.code != group:
            group = change.code
            if lines:
                lines.append("")
            lines.append(render("cli_diff.plan", {}, lang) if change.code is None
                         else f"{change.code} {names.get(change.code) or ''}".rstrip())
        lines.append(f"  {change_line(change, lang)}")
    if not result.changes:
        lines.append(render("cli_diff.equal", {}, lang))
    lines += ["", render("cli_diff.totals", {}, lang)]
    for total in result.totals:
        lines.append("  " + render("cli_diff.total_line", {
            "year": total.year, "old": value_text(total.old) or "-",
            "new": value_text(total.new) or "-",
            "difference": signed(total.difference)}, lang))
    return "\n".join(lines) + "\n"


def signed(amount: Decimal) -> str:
    """A difference with its sign, ``0`` for none."""
    from ..cycle.diff import plain

    text = plain(amount)
    return text if amount <= 0 else f"+{text}"


def markdown(result: Diff, lang: Lang) -> str:
    """A Markdown table of the changes and one of the totals per year."""
    from ..cycle.diff import value_text
    from ..tables.render import markdown_cell

    def row(cells: list[str]) -> str:
        return "| " + " | ".join(markdown_cell(c) for c in cells) + " |"

    head = render("cli_diff.heading", {}, lang).split("|")
    lines = [row(head), row(["---"] * len(head))]
    for c in result.changes:
        difference = c.difference
        lines.append(row([c.kind, c.code or "", c.field, c.indicator or "",
                          "" if c.year is None else str(c.year), value_text(c.old) or "",
                          value_text(c.new) or "",
                          "" if difference is None else signed(difference)]))
    totals_head = render("cli_diff.totals_heading", {}, lang).split("|")
    lines += ["", row(totals_head), row(["---"] * len(totals_head))]
    for t in result.totals:
        lines.append(row([str(t.year), value_text(t.old) or "", value_text(t.new) or "",
                          signed(t.difference)]))
    return "\n".join(lines) + "\n"

"""``renstra rules [RULE]``: list the compliance rules, or explain one, as text or JSON.

Exit status: 0 printed, 2 an unknown rule.
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from ..messages import LANGS, Lang, render
from .common import EXIT_INPUT, EXIT_OK, command, default_lang


def add_parser(sub: Any) -> None:
    """Register ``renstra rules``."""
    rules = sub.add_parser("rules", help="list the rules, or explain one",
                           description="List the compliance rules, or explain RULE.")
    rules.add_argument("rule", nargs="?", metavar="RULE")
    rules.add_argument("--format", choices=("text", "json"), default="text")
    rules.add_argument("--lang", choices=LANGS, default=None)
    rules.set_defaults(handler=run)


@command
def run(args: argparse.Namespace) -> int:
    """Print the list, or the rule; 0 when printed, 2 for an unknown rule."""
    from ..checks.engine import RULES

    lang: Lang = args.lang or default_lang()
    out = sys.stdout
    if args.rule:
        wanted = args.rule.upper()
        found = RULES.get(wanted)
        if found is None:
            print(render("cli.unknown_rule", {"pattern": args.rule}, lang), file=sys.stderr)
            return EXIT_INPUT
        if args.format == "json":
            json.dump(_rule_json(wanted, lang), out, ensure_ascii=False, indent=2)
            out.write("\n")
            return EXIT_OK
        out.write(f"{found.id} {found.title.render(lang)}\n")
        out.write(f"  {render('cli.family', {}, lang)}: {found.family}\n")
        out.write(f"  {render('cli.severity', {}, lang)}: {found.severity.label(lang)}\n")
        if found.needs_nomenclature:
            out.write(f"  {render('cli.needs_nomenclature', {}, lang)}\n")
        out.write(f"\n{found.why.render(lang)}\n")
        out.write(f"\n{render('cli.example', {}, lang)}: {found.example}\n")
        return EXIT_OK
    if args.format == "json":
        json.dump([_rule_json(r, lang) for r in RULES], out, ensure_ascii=False, indent=2)
        out.write("\n")
        return EXIT_OK
    for r in sorted(RULES.values(), key=lambda r: r.id):
        out.write(f"{r.id}  {r.severity.value:<7}  {r.family:<18}  {r.title.render(lang)}\n")
    return EXIT_OK


def _rule_json(rule_id: str, lang: Lang) -> dict[str, Any]:
    from ..checks.engine import RULES

    r = RULES[rule_id]
    return {
        "rule": r.id,
        "family": r.family,
        "severity": r.severity.value,
        "title": r.title.render(lang),
        "why": r.why.render(lang),
        "example": r.example,
        "needs_nomenclature": r.needs_nomenclature,
    }

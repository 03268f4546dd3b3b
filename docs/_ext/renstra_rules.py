"""Sphinx directive ``renstra-rules``: one section per compliance rule, written from the rule
registry itself (id, family, severity, title, why it matters, an example) with the rule's
findings on the shipped TTU plan, computed at build time so that the page cannot go stale."""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from docutils import nodes
from docutils.statemachine import StringList
from sphinx.application import Sphinx
from sphinx.util.docutils import SphinxDirective

SHOWN = 3


def _ttu_findings() -> tuple[dict[str, list[Any]], bool]:
    """The TTU findings by rule, and whether the nomenclature rules ran: they run with the
    national nomenclature file named by ``RENSTRA_NOMENCLATURE`` (as in CI)."""
    import os
    from pathlib import Path

    from renstra_model.checks import check
    from renstra_model.examples import ttu_dinsos
    from renstra_model.io.nomenclature import load_nomenclature

    path = os.environ.get("RENSTRA_NOMENCLATURE")
    nomenclature = load_nomenclature(Path(path)) if path and Path(path).is_file() else None
    found: dict[str, list[Any]] = defaultdict(list)
    for finding in check(ttu_dinsos(), nomenclature=nomenclature):
        found[finding.rule].append(finding)
    return found, nomenclature is not None


class RenstraRules(SphinxDirective):
    """Document every registered rule."""

    has_content = False

    def run(self) -> list[nodes.Node]:
        from renstra_model.checks import RULES

        found, with_nomenclature = _ttu_findings()
        lines: list[str] = []
        for rule in sorted(RULES.values(), key=lambda r: r.id):
            title = f"{rule.id} — {rule.title.en}"
            lines += [title, "-" * len(title), ""]
            lines += [
                f"*{rule.title.id}*", "",
                f"- Family: ``{rule.family}``",
                f"- Severity: {rule.severity.value}",
            ]
            if rule.needs_nomenclature:
                lines.append("- Runs with: ``--nomenclature FILE``")
            lines += ["", rule.why.en, "", f"Example: {rule.example}", ""]
            hits = found.get(rule.id, [])
            if rule.needs_nomenclature and not with_nomenclature:
                lines.append("On the TTU plan: not run for this build of the documentation "
                             "(set ``RENSTRA_NOMENCLATURE`` to the nomenclature file).")
            elif hits:
                plural = "s" if len(hits) > 1 else ""
                lines.append(f"On the TTU plan ({len(hits)} finding{plural}):")
                lines.append("")
                for finding in hits[:SHOWN]:
                    where = finding.location.describe()
                    text = f"{where}: {finding.message('en')}".replace("*", r"\*")
                    lines.append(f"- {text}")
                if len(hits) > SHOWN:
                    lines.append(f"- … and {len(hits) - SHOWN} more")
            else:
                lines.append("On the TTU plan: no finding.")
            lines.append("")
        container = nodes.section()
        container.document = self.state.document
        self.state.nested_parse(StringList(lines, source="renstra-rules"), 0, container,
                                match_titles=True)
        return list(container.children)


def setup(app: Sphinx) -> dict[str, Any]:
    app.add_directive("renstra-rules", RenstraRules)
    return {"parallel_read_safe": True, "version": "1"}

"""Plans in the shape of a SIPD export: only the sub kegiatan state money and indicators; their
programs and kegiatan are derived from the codes (``derived``: named, without a pagu or an
indicator of their own), as :func:`~renstra_model.io.sipd.read_sipd` reads an export of one row
per sub kegiatan indicator. Such a plan states no title, goals, key indicators, T-C.23 or
T-C.24 and no total; an indicator states its unit once (``Indicator.unit``), its cells none,
and neither an end of period nor an aggregation kind.

A generated plan of this form (``generate(i, form="sipd")``) is the plan of the same index with
only the defects of :data:`SIPD_KINDS` seeded in it, and always the defect ``derived-parents``
(RS004 reports the derived programs and kegiatan once, as it must).

>>> from renstra_model.synthetic import generate
>>> generated = generate(5, seed=1, form="sipd")
>>> plan = generated.plan()
>>> [a.derived for a in (plan.programs[0], plan.programs[0].children[0])]
[True, True]
>>> generated.defects
(Defect(kind='derived-parents', where='1.06.01'),)
"""

from __future__ import annotations

from typing import Any, Final

from .defects import Defect

SIPD_KINDS: Final = frozenset({
    "unfunded", "untargeted", "fraction", "digit-pagu", "digit-target", "unknown-code",
    "official-name", "no-location", "name-case", "name-zero-width", "no-unit-indicator",
})
"""The defect kinds a SIPD-shaped plan can hold: those of a sub kegiatan's money, targets,
code, name, location and unit."""

TABLE: Final = "SIPD"
"""The table a SIPD-shaped plan's rows come from."""


def sipd_form(data: dict[str, Any], defects: tuple[Defect, ...]) -> tuple[
    dict[str, Any], tuple[Defect, ...]
]:
    """*data* (a generated plan's) in the shape of a SIPD export, and its *defects* with the
    derived parents."""
    organisation = data["organisation"]
    programs = [_activity(program) for program in data["programs"]]
    shaped = {
        "format_version": data["format_version"],
        "title": None,
        "organisation": {key: organisation[key] for key in ("name", "region", "bidang_urusan")},
        "period": data["period"],
        "programs": programs,
    }
    return shaped, (*defects, Defect("derived-parents", programs[0]["code"]))


def _activity(node: dict[str, Any]) -> dict[str, Any]:
    code = node["code"]
    if node["level"] != "sub_kegiatan":
        return {
            "code": code, "level": node["level"], "name": node["name"],
            "children": [_activity(child) for child in node["children"]],
            "source": {"table": TABLE, "row": code,
                       "note": "derived from the codes of its sub kegiatan"},
            "derived": True,
        }
    shaped: dict[str, Any] = {"code": code, "level": "sub_kegiatan", "name": node["name"]}
    if node.get("indicators"):
        shaped["indicators"] = [_indicator(ind) for ind in node["indicators"]]
    shaped["budget"] = {"planned": node["budget"]["planned"]}
    for key in ("unit", "location"):
        if key in node:
            shaped[key] = node[key]
    shaped["source"] = {"table": TABLE, "row": code}
    return shaped


def _indicator(ind: dict[str, Any]) -> dict[str, Any]:
    cells = [ind["baseline"], *ind["planned"].values()]
    units = [cell["unit"] for cell in cells if "unit" in cell]
    shaped: dict[str, Any] = {"name": ind["name"]}
    if units:
        shaped["unit"] = units[0]
    shaped["baseline"] = {"amount": ind["baseline"]["amount"]}
    shaped["planned"] = {year: {"amount": cell["amount"]} for year, cell in ind["planned"].items()}
    shaped["source"] = {"table": TABLE, "row": ind["source"]["row"]}
    return shaped

"""Findings as SARIF 2.1.0 (the OASIS Static Analysis Results Interchange Format), the report
format of code-scanning dashboards: :func:`sarif_log` makes one run of the tool ``renstra``
with every rule in its driver and one result a finding, of one or several plans.

A result names its place twice: logically, as the table, code (or row) and year of the
finding (``T-C.27/1.06.02.2.01.0001/2024``); physically, where the plan came from a file, as
that file's path (relative to the working directory where it lies below it) and, for a
finding on a cell the reading noted (the ``import`` rules), the cell as a region: its row as
``startLine``, its column's number (``F`` is 6) as ``startColumn``, and the sheet, row and
column as the region's properties.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any, Final
from urllib.parse import quote

from attrs import frozen

from ..checks.findings import Finding, Severity
from ..messages import Lang

SCHEMA: Final = (
    "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
)
"""The ``$schema`` of the log: the id of the OASIS SARIF 2.1.0 schema."""
VERSION: Final = "2.1.0"
INFORMATION_URI: Final = "https://pypi.org/project/renstra-model/"

LEVELS: Final = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}
"""The SARIF level of each severity."""

_NOTE_PATH: Final = re.compile(r"reading\[\d+\]")
_CELL: Final = re.compile(r"([A-Z]*)([0-9]+)(?: (.+))?")
_WORD: Final = re.compile(r"[A-Za-z0-9]+")


@frozen
class SarifPlan:
    """One plan's findings for :func:`sarif_log`: its name, its findings in the order to
    report them, and the file it was read from (None for a plan of no file, such as a shipped
    example)."""

    name: str
    findings: tuple[Finding, ...]
    file: str | None = None


def column_number(letters: str) -> int:
    """The number of a column of letters, counted from 1.

    >>> column_number("F"), column_number("Z"), column_number("AA")
    (6, 26, 27)
    """
    number = 0
    for letter in letters:
        number = number * 26 + ord(letter) - ord("A") + 1
    return number


def artifact_uri(file: str, base: Path | None = None) -> str:
    """*file* as a SARIF artifact URI: relative to *base* (default: the working directory)
    where it lies below it, else an absolute ``file:`` URI.

    >>> artifact_uri("/data/plans/a b.xlsx", Path("/data"))
    'plans/a%20b.xlsx'
    >>> artifact_uri("/elsewhere/a.json", Path("/data"))
    'file:///elsewhere/a.json'
    """
    path = Path(os.path.abspath(file))
    root = Path(os.path.abspath(base if base is not None else Path.cwd()))
    if path.is_relative_to(root):
        return quote(path.relative_to(root).as_posix())
    return path.as_uri()


def _rule_name(title: str) -> str:
    """A rule's English title as an identifier: ``ContentOfTheSourceNotRead``."""
    return "".join(word[:1].upper() + word[1:] for word in _WORD.findall(title))


def _rules() -> list[dict[str, Any]]:
    from ..checks.engine import RULES

    return [
        {
            "id": r.id,
            "name": _rule_name(r.title.en),
            "shortDescription": {"text": r.title.en},
            "fullDescription": {"text": r.why.en},
            "help": {"text": f"en: {r.title.en}. {r.why.en} / id: {r.title.id}. {r.why.id}"},
            "defaultConfiguration": {"level": LEVELS[r.severity]},
            "properties": {"family": r.family},
        }
        for r in sorted(RULES.values(), key=lambda r: r.id)
    ]


def _logical(finding: Finding) -> dict[str, str] | None:
    location = finding.location
    parts = [location.table, str(location.code) if location.code else location.row,
             None if location.year is None else str(location.year)]
    known = [p for p in parts if p]
    return {"fullyQualifiedName": "/".join(known), "kind": "member"} if known else None


def _region(finding: Finding) -> dict[str, Any] | None:
    """The cell of a finding on a reading note (its path ``reading[k]``, its row the note's
    cell: ``F12``, ``12``, ``3 pagu1``), as a SARIF region; None for any other."""
    location = finding.location
    if not _NOTE_PATH.fullmatch(location.path) or location.row is None:
        return None
    cell = _CELL.fullmatch(location.row)
    if cell is None:
        return None
    letters, row, field = cell.groups()
    column = letters or field
    region: dict[str, Any] = {"startLine": int(row)}
    if letters:
        region["startColumn"] = column_number(letters)
    region["properties"] = {"sheet": location.table, "row": int(row), "column": column}
    return region


def _location(finding: Finding, uri: str | None) -> dict[str, Any] | None:
    place: dict[str, Any] = {}
    if uri is not None:
        physical: dict[str, Any] = {"artifactLocation": {"uri": uri}}
        region = _region(finding)
        if region is not None:
            physical["region"] = region
        place["physicalLocation"] = physical
    logical = _logical(finding)
    if logical is not None:
        place["logicalLocations"] = [logical]
    return place or None


def _result(plan: str, finding: Finding, index: Mapping[str, int], uri: str | None,
            lang: Lang) -> dict[str, Any]:
    result: dict[str, Any] = {
        "ruleId": finding.rule,
        "ruleIndex": index[finding.rule],
        "level": LEVELS[finding.severity],
        "message": {"text": finding.message(lang)},
    }
    place = _location(finding, uri)
    if place is not None:
        result["locations"] = [place]
    result["properties"] = {"plan": plan, "path": finding.location.path,
                            "values": dict(finding.params)}
    return result


def sarif_log(plans: Iterable[SarifPlan], lang: Lang, *, version: str,
              base: Path | None = None) -> dict[str, Any]:
    """The SARIF 2.1.0 log of *plans*: one run of ``renstra`` (*version*), every rule in its
    driver, and a result for each finding of each plan in turn, its message in *lang*, its
    artifact the plan's file (relative to *base*, default the working directory)."""
    rules = _rules()
    index = {r["id"]: k for k, r in enumerate(rules)}
    results: list[dict[str, Any]] = []
    for plan in plans:
        uri = artifact_uri(plan.file, base) if plan.file is not None else None
        results.extend(_result(plan.name, f, index, uri, lang) for f in plan.findings)
    driver = {"name": "renstra", "version": version, "informationUri": INFORMATION_URI,
              "rules": rules}
    return {
        "$schema": SCHEMA,
        "version": VERSION,
        "runs": [{"tool": {"driver": driver}, "results": results}],
    }

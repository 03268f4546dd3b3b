"""Findings: what a compliance rule reports about a plan, as data. A finding carries the
template of its rule's message, so it renders itself without the registry; its params are
machine values (codes, numbers, years, machine keys, names from the plan), which the
template reads as words of the language asked for (``renstra_model.messages.format_text``)."""

from __future__ import annotations

import functools
import json
import re
from collections.abc import Iterable, Mapping
from enum import Enum
from types import MappingProxyType
from typing import Any

from attrs import field, frozen

from ..messages import Lang, format_text, render, resolve_lang
from ..model.codes import Code


@functools.total_ordering
class Severity(Enum):
    """How serious a finding is; ordered ``info < warning < error``."""

    INFO = "info"
    WARNING = "warning"
    ERROR = "error"

    @property
    def rank(self) -> int:
        """0 for info, 1 for warning, 2 for error."""
        return _RANK[self]

    def __lt__(self, other: object) -> bool:
        if not isinstance(other, Severity):
            return NotImplemented
        return self.rank < other.rank

    def label(self, lang: Lang | None = None) -> str:
        """The severity's name in *lang*."""
        return render(f"severity.{self.value}", {}, lang)


_RANK = {Severity.INFO: 0, Severity.WARNING: 1, Severity.ERROR: 2}


def severity_counts(findings: Iterable[Finding]) -> dict[Severity, int]:
    """The number of *findings* of each severity, most serious first (every severity, 0
    where there is none)."""
    tally = dict.fromkeys((Severity.ERROR, Severity.WARNING, Severity.INFO), 0)
    for finding in findings:
        tally[finding.severity] += 1
    return tally


@frozen
class Text:
    """A text in English and Indonesian; templates use ``{name}`` placeholders, and
    ``{name:phrase.family}`` for a machine key read as words
    (``renstra_model.messages.format_text``). A rule's texts are entries of the
    catalogue (``rule.RS231.message``), registered with the rule."""

    en: str
    id: str

    def render(self, lang: Lang | None = None, params: Mapping[str, Any] | None = None) -> str:
        """The text in *lang* (default: ``messages.default_lang()``) with *params* filled in."""
        lang = resolve_lang(lang)
        template = self.id if lang == "id" else self.en
        return format_text(template, params, lang) if params else template

    def entry(self) -> dict[Lang, str]:
        """The text as a catalogue entry."""
        return {"en": self.en, "id": self.id}


@frozen
class Location:
    """Where a finding is: the document's table, the code of the row, the year, and the path
    of the value in the model."""

    table: str | None = None
    code: Code | None = None
    year: int | None = None
    path: str = ""
    row: str | None = None
    """The row as the table prints it, where it has no code (T-C.24 labels, 7.1 numbers)."""

    def describe(self) -> str:
        """``T-C.27 1.06.05.2.02.0002 2022``: the parts that are known."""
        parts = [self.table or "", str(self.code) if self.code else (self.row or "")]
        if self.year is not None:
            parts.append(str(self.year))
        return " ".join(p for p in parts if p)


def _freeze(values: Mapping[str, Any]) -> Mapping[str, Any]:
    return MappingProxyType(dict(values))


@frozen
class Finding:
    """One defect of a plan: which rule found it, how serious it is, where, why, and the
    values compared. The message is rendered from the rule's templates and *params*."""

    rule: str
    family: str
    severity: Severity
    location: Location
    params: Mapping[str, Any] = field(factory=dict, converter=_freeze, eq=False)
    """The values the message names and the rule compared (JSON-compatible)."""
    template: Text = field(kw_only=True, eq=False, repr=False)
    """The rule's message, which :meth:`message` fills with *params*."""
    members: tuple[Finding, ...] = field(default=(), kw_only=True, eq=False, repr=False)
    """The findings this one stands for, where it is the diagnosis of a flood (a rule's
    findings on half or more of a plan's activities or indicators, reported as one); empty
    for an ordinary finding."""

    def message(self, lang: Lang | None = None) -> str:
        """The finding's message in *lang*, from its rule's template; the diagnosis of a flood
        also names the first member's message in *lang* (``first``) and its examples
        (``shown``)."""
        if not self.members:
            return self.template.render(lang, self.params)
        examples = list(self.params.get("examples", ()))
        more = int(self.params.get("count", 0)) > len(examples)
        words = {
            "first": self.members[0].message(lang),
            "shown": ", ".join(examples) + (", …" if more else ""),
        }
        return self.template.render(lang, {**self.params, **words})

    def __reduce__(self) -> tuple[Any, ...]:
        # Pickled as its fields: the read-only params are not picklable as they are.
        return _rebuild_finding, (
            self.rule, self.family, self.severity, self.location, dict(self.params),
            self.template, self.members,
        )

    def to_dict(self, lang: Lang | None = None) -> dict[str, Any]:
        """The finding as JSON-compatible data (a dict); the diagnosis of a flood also lists
        its ``members``, each as its own dict."""
        data: dict[str, Any] = {
            "rule": self.rule,
            "family": self.family,
            "severity": self.severity.value,
            "table": self.location.table,
            "code": str(self.location.code) if self.location.code else None,
            "year": self.location.year,
            "row": self.location.row,
            "path": self.location.path,
            "message": self.message(lang),
            "values": dict(self.params),
        }
        if self.members:
            data["members"] = [member.to_dict(lang) for member in self.members]
        return data

    def to_json(self, lang: Lang | None = None) -> str:
        """The finding as JSON text: :meth:`to_dict`, dumped."""
        return json.dumps(self.to_dict(lang), ensure_ascii=False)


_DIGITS = re.compile(r"(\d+)")


def _natural(text: str | None) -> tuple[str | int, ...]:
    """*text* as parts that order numbers by value (``T-C.9`` before ``T-C.10``, ``F9``
    before ``F12``): text and numbers alternating, text first; None as the empty text."""
    return tuple(int(part) if k % 2 else part
                 for k, part in enumerate(_DIGITS.split(text or "")))


def location_key(finding: Finding) -> tuple[Any, ...]:
    """The order of findings by place (``renstra check --sort location``): table, code
    (segment by segment), year, row, then rule; what a finding does not know comes first,
    numbers in tables and rows order by value.

    >>> from renstra_model.model.codes import Code
    >>> text = Text("x", "x")
    >>> found = [Finding("RS2", "f", Severity.INFO, Location("T-C.27", Code.parse(c), y),
    ...                  template=text) for c, y in (("1.06.10", 2023), ("1.06.02", None),
    ...                                              ("1.06.02", 2022))]
    >>> [(str(f.location.code), f.location.year) for f in sorted(found, key=location_key)]
    [('1.06.02', None), ('1.06.02', 2022), ('1.06.10', 2023)]
    """
    location = finding.location
    return (
        _natural(location.table),
        location.code.segments if location.code is not None else (),
        -1 if location.year is None else location.year,
        _natural(location.row),
        finding.rule,
    )


def _rebuild_finding(
    rule: str, family: str, severity: Severity, location: Location,
    params: Mapping[str, Any], template: Text, members: tuple[Finding, ...] = (),
) -> Finding:
    return Finding(rule, family, severity, location, params, template=template, members=members)

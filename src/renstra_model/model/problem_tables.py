"""Problem tables of chapter III (3.1–3.4): core problems, problems and root causes."""

from __future__ import annotations

from attrs import field, frozen

from ._fields import instances, items_of, optional_text, text, to_tuple
from .provenance import Source


@frozen
class ProblemRow:
    """One printed row: a row that continues the one above leaves *number* and
    *core_problem* empty (None)."""

    number: str | None = field(default=None, validator=optional_text)
    core_problem: str | None = field(default=None, validator=optional_text)
    """Permasalahan pokok."""
    problem: str | None = field(default=None, validator=optional_text)
    """Masalah."""
    root_cause: str | None = field(default=None, validator=optional_text)
    """Akar masalah."""
    source: Source | None = field(default=None, validator=instances(Source, optional=True))


@frozen
class ProblemTable:
    """A problem table with its number (``3.2``), title and the section it belongs to."""

    number: str = field(validator=text)
    title: str = field(validator=text)
    section: str | None = field(default=None, validator=optional_text)
    rows: tuple[ProblemRow, ...] = field(
        default=(), converter=to_tuple, validator=items_of(ProblemRow)
    )

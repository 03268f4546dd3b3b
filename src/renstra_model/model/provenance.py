"""Provenance: where in the source document a stated figure comes from."""

from __future__ import annotations

from attrs import field, frozen

from ._fields import optional_text, text


@frozen
class Source:
    """A table and a row of the source document, with an optional note on how it was read.

    >>> Source("T-C.27", "1 06 01 2.08 01")
    Source(table='T-C.27', row='1 06 01 2.08 01', note=None)
    """

    table: str = field(validator=text)
    """The table as the document numbers it: ``T-C.27``, ``T-C.24``, ``7.1``, ``2.1``…"""
    row: str = field(validator=text)
    """The row: its code, number or label as printed."""
    note: str | None = field(default=None, validator=optional_text)
    """How the row was read where the document is ambiguous, or where a value comes from."""

    def __str__(self) -> str:
        return f"{self.table} / {self.row}"

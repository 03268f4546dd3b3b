"""The RPJMD's missions and the agency's goals (tujuan) and targets (sasaran)."""

from __future__ import annotations

from attrs import field, frozen

from ._fields import (
    check_positive,
    checked,
    instances,
    items_of,
    optional_text,
    text,
    texts,
    to_tuple,
)
from .indicators import Indicator
from .provenance import Source


@frozen
class Mission:
    """A misi of the region's RPJMD, numbered as the RPJMD numbers it."""

    number: int = field(validator=checked(check_positive))
    text: str = field(validator=text)
    source: Source | None = field(default=None, validator=instances(Source, optional=True))


@frozen
class Target:
    """A sasaran: an outcome statement under a goal, measured by its indicators."""

    text: str = field(validator=text)
    indicators: tuple[Indicator, ...] = field(
        default=(), converter=to_tuple, validator=items_of(Indicator)
    )
    source: Source | None = field(default=None, validator=instances(Source, optional=True))


@frozen
class Goal:
    """A tujuan of the agency, under a mission, with its targets, strategies and policies."""

    text: str = field(validator=text)
    mission: int | None = field(default=None, validator=checked(check_positive, optional=True))
    """The number of the mission this goal serves."""
    targets: tuple[Target, ...] = field(default=(), converter=to_tuple, validator=items_of(Target))
    strategies: tuple[str, ...] = field(default=(), converter=to_tuple, validator=texts)
    """Strategi (T-C.26)."""
    policies: tuple[str, ...] = field(default=(), converter=to_tuple, validator=texts)
    """Arah kebijakan (T-C.26)."""
    number: str | None = field(default=None, validator=optional_text)
    """The goal's number as printed."""
    source: Source | None = field(default=None, validator=instances(Source, optional=True))

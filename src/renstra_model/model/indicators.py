"""Indikator kinerja: what a goal, target, program or sub kegiatan is measured by."""

from __future__ import annotations

from enum import Enum

from attrs import field, frozen

from ..errors import fail
from ._fields import each_year, instances, optional_text, texts, to_tuple
from .provenance import Source
from .series import YearMap, to_year_map
from .values import Quantity


class Polarity(Enum):
    """Whether a higher or a lower realisation is the better one."""

    HIGHER_IS_BETTER = "higher_is_better"
    LOWER_IS_BETTER = "lower_is_better"


class Aggregation(Enum):
    """How the end-of-period value (kondisi kinerja akhir periode) follows from the years."""

    SUM = "sum"
    """A flow: the end of period is the sum of the years (people served)."""
    LAST = "last"
    """A stock: the end of period is the last year's value (households in a register)."""
    MAX = "max"
    """The end of period is the largest yearly value (the best year of an indicator whose
    targets rise and fall)."""
    MEAN = "mean"
    """The end of period is the mean of the years (a rate or score held over the period)."""
    STATED = "stated"
    """The end of period is a value of its own, not derived from the years."""


def _quantity(value: object) -> None:
    if not isinstance(value, Quantity):
        raise fail("structure.type", expected="Quantity", type=type(value).__name__)


@frozen
class Indicator:
    """An indicator with its baseline, yearly targets, realisations and end-of-period value.

    *planned* holds the target per year (the document's "target"; the word is kept for
    :class:`~renstra_model.model.goals.Target`, the sasaran). A year missing from *planned* is an
    empty cell; a stated ``-`` is a :class:`~renstra_model.model.values.Quantity` whose amount is
    :data:`~renstra_model.model.values.NIL`.
    """

    name: str | None = field(default=None, validator=optional_text)
    """The indicator as stated; None where the document leaves the cell empty."""
    id: str | None = field(default=None, validator=optional_text)
    """A plan-wide identifier, used by *links* of other indicators."""
    unit: str | None = field(default=None, validator=optional_text)
    """The unit (satuan) where the document states it in a column of its own."""
    polarity: Polarity = field(default=Polarity.HIGHER_IS_BETTER, validator=instances(Polarity))
    aggregation: Aggregation | None = field(
        default=None, validator=instances(Aggregation, optional=True)
    )
    baseline: Quantity | None = field(default=None, validator=instances(Quantity, optional=True))
    """The value in the baseline year (data capaian awal)."""
    planned: YearMap[Quantity] = field(
        factory=YearMap, converter=to_year_map, validator=each_year(_quantity)
    )
    realised: YearMap[Quantity] = field(
        factory=YearMap, converter=to_year_map, validator=each_year(_quantity)
    )
    end_of_period: Quantity | None = field(
        default=None, validator=instances(Quantity, optional=True)
    )
    """The stated kondisi kinerja akhir periode."""
    links: tuple[str, ...] = field(default=(), converter=to_tuple, validator=texts)
    """Ids of indicators in other tables that the document ties to this one."""
    source: Source | None = field(default=None, validator=instances(Source, optional=True))

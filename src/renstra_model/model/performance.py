"""Performance tables: service performance (T-C.23) and key indicators (Table 7.1)."""

from __future__ import annotations

from attrs import field, frozen

from ._fields import check_positive, checked, each_year, instances, optional_text
from .indicators import Indicator
from .provenance import Source
from .series import YearMap, to_year_map
from .values import NumberCell, Quantity, check_number_cell


@frozen
class PerformanceRow:
    """A row of T-C.23: an indicator's targets (NSPK, IKK, other, per year), realisations
    and the stated ratio realisation/target per year (in percent)."""

    number: int = field(validator=checked(check_positive))
    indicator: Indicator = field(validator=instances(Indicator))
    nspk_target: Quantity | None = field(default=None, validator=instances(Quantity, optional=True))
    ikk_target: Quantity | None = field(default=None, validator=instances(Quantity, optional=True))
    other_target: Quantity | None = field(
        default=None, validator=instances(Quantity, optional=True)
    )
    stated_ratio: YearMap[NumberCell] = field(
        factory=YearMap, converter=to_year_map, validator=each_year(check_number_cell)
    )
    source: Source | None = field(default=None, validator=instances(Source, optional=True))


@frozen
class KeyIndicator:
    """A row of Table 7.1: a key performance indicator tied to the RPJMD's goals and targets."""

    number: int = field(validator=checked(check_positive))
    indicator: Indicator = field(validator=instances(Indicator))
    program: str | None = field(default=None, validator=optional_text)
    """Column 2: the bidang urusan or priority program the indicator serves, as printed."""
    source: Source | None = field(default=None, validator=instances(Source, optional=True))

"""Money of a plan: budget lines (pagu, anggaran, realisasi) and the rows of table T-C.24."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from attrs import field, frozen

from ._fields import checked, each_year, instances, text, to_money_map
from .codes import Code, Level
from .provenance import Source
from .series import YearMap, to_year_map
from .values import MoneyCell, NumberCell, check_money_cell, check_number_cell, to_money


@frozen(init=False)
class BudgetLine:
    """Planned and realised money per year, with the stated end-of-period total.

    Each year holds an amount (:class:`~decimal.Decimal`, rupiah) or
    :data:`~renstra_model.model.values.NIL` for a printed ``-``; a year left empty is absent.
    A whole number of rupiah may be given as an ``int`` (held as the exact Decimal); a float
    is refused.

    >>> BudgetLine(planned={2025: 1500000}).planned[2025]
    Decimal('1500000')
    """

    planned: YearMap[MoneyCell] = field(
        factory=YearMap, converter=to_year_map, validator=each_year(check_money_cell)
    )
    """Pagu indikatif (T-C.27) or anggaran (T-C.24) per year."""
    realised: YearMap[MoneyCell] = field(
        factory=YearMap, converter=to_year_map, validator=each_year(check_money_cell)
    )
    """Realisasi per year."""
    planned_total: MoneyCell | None = field(
        default=None, validator=checked(check_money_cell, optional=True)
    )
    """The stated end-of-period total of the planned money (T-C.27 column 19)."""
    source: Source | None = field(default=None, validator=instances(Source, optional=True))
    """Where the figures come from, when not from the row that holds this line."""

    def __init__(
        self,
        planned: Mapping[int, MoneyCell | int] | None = None,
        realised: Mapping[int, MoneyCell | int] | None = None,
        planned_total: MoneyCell | int | None = None,
        source: Source | None = None,
    ) -> None:
        made: Any = to_money(planned_total)
        self.__attrs_init__(to_money_map(planned), to_money_map(realised), made, source)


@frozen
class BudgetRow:
    """One row of T-C.24: budget and realisation per year, their ratio and average growth.

    T-C.24 prints names, not codes; *code* links the row to the activity it describes.
    """

    label: str = field(validator=text)
    """The row's name, spelled as T-C.24 spells it."""
    level: Level = field(validator=instances(Level))
    budget: BudgetLine = field(validator=instances(BudgetLine))
    code: Code | None = field(default=None, validator=instances(Code, optional=True))
    stated_ratio: YearMap[NumberCell] = field(
        factory=YearMap, converter=to_year_map, validator=each_year(check_number_cell)
    )
    """Rasio realisasi/anggaran per year, in percent, as stated."""
    stated_growth_planned: NumberCell | None = field(
        default=None, validator=checked(check_number_cell, optional=True)
    )
    """Rata-rata pertumbuhan of the budget, in percent, as stated."""
    stated_growth_realised: NumberCell | None = field(
        default=None, validator=checked(check_number_cell, optional=True)
    )
    """Rata-rata pertumbuhan of the realisation, in percent, as stated."""
    source: Source | None = field(default=None, validator=instances(Source, optional=True))

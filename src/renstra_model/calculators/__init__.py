"""Calculators: exact arithmetic with reasons for what is undefined, the ratios of the
regulation (capaian, predikat, realisation, share), growth, roll-ups of money up the activity
tree, the end-of-period value of a series, and a plan's summary. They use only the model.
"""

from .arithmetic import Reason, Result, Undefined, calculate, is_defined, number_of, present
from .end_of_period import end_of_period
from .growth import cagr, last_step_growth, mean_growth, rate, year_on_year
from .ratios import (
    PercentCheck,
    Predikat,
    agrees,
    capaian,
    check_percentages,
    find_shift,
    places,
    predikat,
    realisation_ratio,
    share,
)
from .rollups import (
    add,
    children_sum,
    period_total,
    rollup,
    rollups_by_id,
    stated,
    total_by_year,
    totals_by_program,
)
from .summary import Summary, planned_by_year, summarise

__all__ = [
    "PercentCheck",
    "Predikat",
    "Reason",
    "Result",
    "Summary",
    "Undefined",
    "add",
    "agrees",
    "cagr",
    "calculate",
    "capaian",
    "check_percentages",
    "children_sum",
    "end_of_period",
    "find_shift",
    "is_defined",
    "last_step_growth",
    "mean_growth",
    "number_of",
    "period_total",
    "places",
    "planned_by_year",
    "predikat",
    "present",
    "rate",
    "realisation_ratio",
    "rollup",
    "rollups_by_id",
    "share",
    "stated",
    "summarise",
    "total_by_year",
    "totals_by_program",
    "year_on_year",
]

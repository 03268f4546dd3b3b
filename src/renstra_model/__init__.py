"""renstra_model: the Renstra Perangkat Daerah (Permendagri 86/2017) as typed, exact data."""

from .activities import Activity
from .budget import BudgetLine, BudgetRow
from .codes import Code, Level
from .errors import InvalidPlanError, PlanFileError, Problem, RenstraError, UnknownExampleError
from .goals import Goal, Mission, Target
from .indicators import Aggregation, Indicator, Polarity
from .performance import KeyIndicator, PerformanceRow
from .plan import Adoption, Official, Organisation, Period, Plan
from .problem_tables import ProblemRow, ProblemTable
from .provenance import Source
from .resources import Asset, Resources, SocialWorkers, StaffByGender, StaffByGrade
from .serialization import FORMAT_VERSION, dumps, load, loads, save
from .series import YearMap
from .values import NIL, Nil, Quantity

__all__ = [
    "FORMAT_VERSION",
    "NIL",
    "Activity",
    "Adoption",
    "Aggregation",
    "Asset",
    "BudgetLine",
    "BudgetRow",
    "Code",
    "Goal",
    "Indicator",
    "InvalidPlanError",
    "KeyIndicator",
    "Level",
    "Mission",
    "Nil",
    "Official",
    "Organisation",
    "PerformanceRow",
    "Period",
    "Plan",
    "PlanFileError",
    "Polarity",
    "Problem",
    "ProblemRow",
    "ProblemTable",
    "Quantity",
    "RenstraError",
    "Resources",
    "SocialWorkers",
    "Source",
    "StaffByGender",
    "StaffByGrade",
    "Target",
    "UnknownExampleError",
    "YearMap",
    "dumps",
    "load",
    "loads",
    "save",
]

"""renstra_model: the Renstra Perangkat Daerah (Permendagri 86/2017) as typed, exact data."""

from .errors import InvalidPlanError, PlanFileError, Problem, RenstraError, UnknownExampleError
from .io.serialization import FORMAT_VERSION, dumps, load, loads, save
from .model.activities import Activity
from .model.budget import BudgetLine, BudgetRow
from .model.codes import Code, Level
from .model.goals import Goal, Mission, Target
from .model.indicators import Aggregation, Indicator, Polarity
from .model.performance import KeyIndicator, PerformanceRow
from .model.plan import Adoption, Official, Organisation, Period, Plan
from .model.problem_tables import ProblemRow, ProblemTable
from .model.provenance import Reading, ReadingNote, Source
from .model.resources import Asset, Resources, SocialWorkers, StaffByGender, StaffByGrade
from .model.series import YearMap
from .model.values import NIL, Nil, Quantity

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
    "Reading",
    "ReadingNote",
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

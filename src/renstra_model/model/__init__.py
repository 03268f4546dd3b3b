"""The typed plan: codes, values, year series, indicators, budget lines, activities, goals, the
plan itself and the document's other tables, and the national nomenclature of codes.

Every class is a frozen, slotted attrs class that validates its values when it is made; this
room imports nothing of the library's other rooms (only :mod:`renstra_model.errors` and
:mod:`renstra_model.messages`).
"""

from .activities import Activity
from .budget import BudgetLine, BudgetRow
from .codes import Code, Level
from .goals import Goal, Mission, Target
from .indicators import Aggregation, Indicator, Polarity
from .nomenclature import Entry, Nomenclature, normalise_name
from .performance import KeyIndicator, PerformanceRow
from .plan import Adoption, Official, Organisation, Period, Plan
from .problem_tables import ProblemRow, ProblemTable
from .provenance import Reading, ReadingNote, Source
from .resources import Asset, Resources, SocialWorkers, StaffByGender, StaffByGrade
from .series import YearMap
from .values import NIL, MoneyCell, Nil, Quantity

__all__ = [
    "NIL",
    "Activity",
    "Adoption",
    "Aggregation",
    "Asset",
    "BudgetLine",
    "BudgetRow",
    "Code",
    "Entry",
    "Goal",
    "Indicator",
    "KeyIndicator",
    "Level",
    "Mission",
    "MoneyCell",
    "Nil",
    "Nomenclature",
    "Official",
    "Organisation",
    "PerformanceRow",
    "Period",
    "Plan",
    "Polarity",
    "ProblemRow",
    "ProblemTable",
    "Quantity",
    "Reading",
    "ReadingNote",
    "Resources",
    "SocialWorkers",
    "Source",
    "StaffByGender",
    "StaffByGrade",
    "Target",
    "YearMap",
    "normalise_name",
]

"""renstra_model: the Renstra Perangkat Daerah (Permendagri 86/2017) as typed, exact data."""

from typing import TYPE_CHECKING

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

if TYPE_CHECKING:
    __version__: str
    """The installed distribution's version (``importlib.metadata``), else
    :data:`~renstra_model.io.distribution.UNKNOWN_VERSION`, ``0+unknown``."""
else:

    def __getattr__(name: str) -> str:
        # Read when first asked for: importlib.metadata costs the command line's start.
        if name == "__version__":
            from .io.distribution import installed_version

            return installed_version()
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")

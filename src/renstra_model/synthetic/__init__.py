"""Synthetic plans: deterministic, realistically shaped plans and corpora of them, with seeded
defects, for scale tests and for trying rules on plans they were not written for.

``names`` holds the agencies, the regions and the catalogue of codes; ``defects`` the kinds of
defect; ``builder`` a healthy plan; ``seeding`` the defects seeded in it; ``corpus`` the plans
of a seed and the corpus written to a folder.

``workbooks`` writes plan workbooks in the shapes agencies keep (the T-C.27 table, the flat
layout of planning tools, sheets of sub kegiatan rows only, codes split over a column per
level), with seeded defects of their cells (formulas without a saved value, spreadsheet
errors, rows without a code, rupiah with three decimals, float noise, codes that do not
extend their kegiatan's) and a ledger of every row written, so that a test of a reader can
tell that nothing was lost."""

from .builder import Shape
from .corpus import (
    CorpusWritten,
    GeneratedPlan,
    corpus,
    generate,
    generate_plan,
    plan_path,
    write_corpus,
)
from .defects import DEFECTS, Defect, DefectKind
from .names import AGENCIES, catalogue, catalogue_csv, region
from .workbooks import (
    SHAPES,
    WORKBOOK_DEFECTS,
    GeneratedWorkbook,
    LedgerCell,
    LedgerDefect,
    LedgerRow,
    WorkbookShape,
    generate_workbook,
)

__all__ = [
    "AGENCIES",
    "DEFECTS",
    "SHAPES",
    "WORKBOOK_DEFECTS",
    "CorpusWritten",
    "Defect",
    "DefectKind",
    "GeneratedPlan",
    "GeneratedWorkbook",
    "LedgerCell",
    "LedgerDefect",
    "LedgerRow",
    "Shape",
    "WorkbookShape",
    "catalogue",
    "catalogue_csv",
    "corpus",
    "generate",
    "generate_plan",
    "generate_workbook",
    "plan_path",
    "region",
    "write_corpus",
]

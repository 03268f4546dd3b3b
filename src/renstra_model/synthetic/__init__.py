"""Synthetic plans: deterministic, realistically shaped plans and corpora of them, with seeded
defects, for scale tests and for trying rules on plans they were not written for.

``names`` holds the agencies, the regions and the catalogue of codes; ``defects`` the kinds of
defect; ``builder`` a healthy plan; ``seeding`` the defects seeded in it (``shapes`` those of
the kinds added later, from streams of their own); ``leafonly`` the plan in the shape of a
SIPD export; ``corpus`` the plans of a seed and the corpus written to a folder; ``scoring``
how well the rules find the seeded defects (recall and precision per family).

``workbooks`` writes plan workbooks in the shapes agencies keep (the T-C.27 table, the flat
layout of planning tools, sheets of sub kegiatan rows only, codes split over a column per
level), with seeded defects of their cells (formulas without a saved value, spreadsheet
errors, rows without a code, rupiah with three decimals, float noise, codes that do not
extend their kegiatan's) and a ledger of every row written, so that a test of a reader can
tell that nothing was lost.

``sipd`` writes SIPD exports of one row per sub kegiatan indicator, for several regions and
agencies, as CSV (``,`` in UTF-8, ``;`` with decimal commas and a byte order mark, Windows-1252)
or SIPD-RI's JSON, with seeded defects of their cells (three decimals, unreadable money, a pagu
past the period, an empty kodeskpd, a code with a letter) and a ledger of every row and rupiah."""

from .builder import Shape
from .corpus import (
    CorpusWritten,
    Form,
    GeneratedPlan,
    corpus,
    generate,
    generate_plan,
    plan_path,
    write_corpus,
)
from .defects import DEFECTS, Defect, DefectKind
from .names import AGENCIES, catalogue, catalogue_csv, region
from .sipd import (
    DIALECTS,
    SIPD_DEFECTS,
    GeneratedExport,
    SipdAgency,
    SipdCell,
    SipdDefect,
    SipdDialect,
    SipdRow,
    generate_export,
)
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
    "DIALECTS",
    "SHAPES",
    "SIPD_DEFECTS",
    "WORKBOOK_DEFECTS",
    "CorpusWritten",
    "Defect",
    "DefectKind",
    "Form",
    "GeneratedExport",
    "GeneratedPlan",
    "GeneratedWorkbook",
    "LedgerCell",
    "LedgerDefect",
    "LedgerRow",
    "Shape",
    "SipdAgency",
    "SipdCell",
    "SipdDefect",
    "SipdDialect",
    "SipdRow",
    "WorkbookShape",
    "catalogue",
    "catalogue_csv",
    "corpus",
    "generate",
    "generate_export",
    "generate_plan",
    "generate_workbook",
    "plan_path",
    "region",
    "write_corpus",
]

"""Synthetic plans: deterministic, realistically shaped plans and corpora of them, with seeded
defects, for scale tests and for trying rules on plans they were not written for."""

from .plans import (
    AGENCIES,
    DEFECTS,
    CorpusWritten,
    Defect,
    DefectKind,
    GeneratedPlan,
    Shape,
    catalogue,
    catalogue_csv,
    corpus,
    generate,
    generate_plan,
    plan_path,
    region,
    write_corpus,
)

__all__ = [
    "AGENCIES",
    "DEFECTS",
    "CorpusWritten",
    "Defect",
    "DefectKind",
    "GeneratedPlan",
    "Shape",
    "catalogue",
    "catalogue_csv",
    "corpus",
    "generate",
    "generate_plan",
    "plan_path",
    "region",
    "write_corpus",
]

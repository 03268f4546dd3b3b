"""Synthetic plans: deterministic, realistically shaped plans and corpora of them, with seeded
defects, for scale tests and for trying rules on plans they were not written for.

``names`` holds the agencies, the regions and the catalogue of codes; ``defects`` the kinds of
defect; ``builder`` a healthy plan; ``seeding`` the defects seeded in it; ``corpus`` the plans
of a seed and the corpus written to a folder."""

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

"""The generator's former single module: its public names, for the imports that still name it.
Import them from :mod:`renstra_model.synthetic`."""

from . import (
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

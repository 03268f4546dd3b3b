"""The kinds of defect the generator seeds in plans, and a defect seeded in one.

At a defect rate *r*, each of the defect kinds of :data:`DEFECTS` — at least one per family of
``renstra_model.checks.registry.FAMILIES``, most families in several shapes (one cell, a whole
series, a whole indicator, a row of its own) — is seeded in a plan with probability *r*; the
plan records what was seeded and where (the ``defects`` of a generated plan): the code of the
activity (and the year), the row of a table (``7.1 row 2 2022``, a T-C.24 label, a cell
``T-C.27 P12``) or an indicator's id, as the plan finally states them.

>>> DEFECTS["subtotal"].rule
'RS101'
>>> Defect("no-location", "1.06.02.2.01.0001").family
'missing-value'
"""

from __future__ import annotations

from typing import Final

from attrs import frozen


@frozen
class DefectKind:
    """A kind of defect the generator seeds: its family, the rule that reports it, and what
    it changes."""

    name: str
    family: str
    rule: str
    description: str
    also: tuple[str, ...] = ()
    """Other rules that report the same change (those of the nomenclature family only when
    the checks are given the catalogue as nomenclature)."""
    at_parent: bool = False
    """The rules report the row above the one changed: the changed row has no rows under it
    to be compared with, its parent no longer adds up."""


_KINDS: Final = (
    DefectKind("subtotal", "hierarchy-sum", "RS101", "a kegiatan's pagu of one year is raised"),
    DefectKind("period-total", "hierarchy-sum", "RS102",
               "a sub kegiatan's end-of-period pagu is not the sum of its years"),
    DefectKind("tc24-sum", "hierarchy-sum", "RS103", "a T-C.24 kegiatan row's budget is raised",
               at_parent=True),
    DefectKind("foreign-code", "code-syntax", "RS111",
               "a program is coded under another agency's bidang urusan", ("RS122",)),
    DefectKind("tc24-hierarchy", "code-syntax", "RS112",
               "a T-C.24 kegiatan row carries a code of another program"),
    DefectKind("generic-code", "code-syntax", "RS113",
               "the supporting program is written X.XX.01"),
    DefectKind("unknown-code", "nomenclature", "RS121",
               "a sub kegiatan has a number the nomenclature does not list"),
    DefectKind("official-name", "nomenclature", "RS122",
               "a sub kegiatan's name is misspelt"),
    DefectKind("special-autonomy", "nomenclature", "RS124",
               "a kegiatan of the special-autonomy type 3 in an ordinary region"),
    DefectKind("name-mismatch", "name-mismatch", "RS131",
               "a T-C.24 kegiatan row spells the kegiatan's name differently", ("RS123",)),
    DefectKind("percentage", "stated-percentage", "RS201",
               "a key indicator's percentage of one year is off"),
    DefectKind("shifted-percentages", "stated-percentage", "RS202",
               "a key indicator's percentages are those of the following year"),
    DefectKind("end-other-kind", "end-of-period", "RS211",
               "a stock indicator's end of period is the sum of its years"),
    DefectKind("end-fits-nothing", "end-of-period", "RS212",
               "an indicator's end of period follows from none of its years"),
    DefectKind("linked-value", "cross-table", "RS221",
               "a T-C.23 row states another value than its Table 7.1 indicator"),
    DefectKind("linked-unit", "cross-table", "RS222",
               "a T-C.23 row counts in another unit than its Table 7.1 indicator"),
    DefectKind("no-indicator", "missing-value", "RS231", "a sub kegiatan has no indicator"),
    DefectKind("no-unit", "missing-value", "RS232", "a target is stated without its unit"),
    DefectKind("no-subtotal", "missing-value", "RS233", "a kegiatan states no pagu"),
    DefectKind("no-end", "missing-value", "RS234",
               "a sub kegiatan's indicator has no end-of-period value"),
    DefectKind("no-location", "missing-value", "RS235", "a sub kegiatan has no location"),
    DefectKind("no-aggregation", "missing-value", "RS236",
               "a goal's indicator has no aggregation kind, and only the sum of its years gives "
               "its end of period"),
    DefectKind("fraction", "whole-rupiah", "RS301", "a pagu has half a rupiah"),
    DefectKind("unfunded", "unfunded-target", "RS311",
               "a sub kegiatan's target of one year has no pagu"),
    DefectKind("untargeted", "unfunded-target", "RS312",
               "a sub kegiatan's pagu of one year has a zero target"),
    DefectKind("missing-ratio", "missing-ratio", "RS321",
               "a T-C.24 row states realisations without their ratio", ("RS341",)),
    DefectKind("wrong-ratio", "missing-ratio", "RS322",
               "a T-C.24 row states a ratio that its figures do not give", ("RS341",)),
    DefectKind("growth-last-step", "statistic-label", "RS331",
               "T-C.24 rows state the last year's growth as the average"),
    DefectKind("growth-nothing", "statistic-label", "RS332",
               "a T-C.24 row states a growth no statistic gives"),
    DefectKind("future-realisation", "future-realisation", "RS341",
               "a sub kegiatan states a realisation for a year after the adoption"),
    DefectKind("unread-cell", "import", "RS001",
               "the plan's reading left a cell of a column outside the layout unread"),
    # Kinds added later, each drawn from a random stream of its own (see seeding._OWN_DRAW)
    DefectKind("majority-percentage", "stated-percentage", "RS201",
               "a key indicator stated as shares of a denominator that no cell states at "
               "100 % has one percentage off the share the other cells imply"),
    DefectKind("no-unit-indicator", "missing-value", "RS237",
               "a sub kegiatan's indicator states no unit in any cell"),
    DefectKind("end-no-kind", "end-of-period", "RS212",
               "an indicator without an aggregation kind has an end of period that is none of "
               "the sum, last, largest and mean of its years"),
    DefectKind("digit-pagu", "magnitude", "RS351",
               "a sub kegiatan's pagu of one year has a digit typed twice (or left out)"),
    DefectKind("digit-target", "magnitude", "RS351",
               "a sub kegiatan's target of one year has a digit typed twice"),
    DefectKind("name-case", "nomenclature", "RS125",
               "a sub kegiatan's name differs from the nomenclature's only in case"),
    DefectKind("name-comma", "nomenclature", "RS125",
               "a kegiatan's name doubles a comma of the nomenclature's", ("RS131",)),
    DefectKind("name-zero-width", "nomenclature", "RS125",
               "a sub kegiatan's name holds a zero-width space"),
    DefectKind("tc24-only", "missing-value", "RS238",
               "a sub kegiatan is stated only in T-C.24: no T-C.27 row, indicator or location"),
    DefectKind("derived-parents", "import", "RS004",
               "a kegiatan states no row of its own: it is derived from its sub kegiatan's "
               "codes, without a name or a pagu"),
    DefectKind("ended-no-ratio", "missing-ratio", "RS321",
               "a plan adopted in its second year: a T-C.24 row states the realisation of the "
               "ended first year without its ratio"),
)

DEFECTS: Final[dict[str, DefectKind]] = {kind.name: kind for kind in _KINDS}
"""Every defect kind the generator seeds, by name."""


@frozen
class Defect:
    """A defect seeded in a plan: its kind and where (a code and year, a table row, an
    indicator's id)."""

    kind: str
    where: str

    @property
    def family(self) -> str:
        """The family of rules that reports it."""
        return DEFECTS[self.kind].family

    @property
    def rule(self) -> str:
        """The rule that reports it."""
        return DEFECTS[self.kind].rule

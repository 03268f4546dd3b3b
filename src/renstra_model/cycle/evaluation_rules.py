"""The findings of an evaluation of realisations (family ``evaluation``, ids ``RE001`` …):
what the reading of a realisation file and the evaluation against the plan report, each an
:class:`EvaluationRule` with its severity and its message in English and Indonesian.

The rules are not in the registry of :mod:`renstra_model.checks`: they need the realisations,
which a check of a plan does not have. Their findings are the same
:class:`~renstra_model.checks.findings.Finding` records, whose params hold machine values
only (codes, years, row numbers, amounts as decimal strings, machine keys).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Final

from attrs import frozen

from ..checks.findings import Finding, Location, Severity, Text
from ..messages import extend

FAMILY: Final = "evaluation"
"""The family of every evaluation finding."""


@frozen
class EvaluationRule:
    """One kind of evaluation finding: its id, severity, title and message."""

    id: str
    severity: Severity
    title: Text
    message: Text

    def found(
        self, location: Location, params: Mapping[str, Any], *, message: Text | None = None
    ) -> Finding:
        """A finding of this rule at *location* with *params* (*message*: another wording of
        the same finding, where a case needs one)."""
        return Finding(self.id, FAMILY, self.severity, location, params,
                       template=message or self.message)


UNREADABLE: Final = EvaluationRule(
    "RE001", Severity.ERROR,
    Text("Unreadable cell", "Sel tidak terbaca"),
    Text("row {row}, {column}: {value!r} cannot be read",
         "baris {row}, {column}: {value!r} tidak dapat dibaca"),
)
"""A cell of a realisation file that does not read as what its column holds (params: ``row``,
``column``, ``value``, ``reason``, the message key of why)."""

MISSING_CELL: Final = EvaluationRule(
    "RE002", Severity.ERROR,
    Text("Row without a required value", "Baris tanpa nilai wajib"),
    Text("row {row} states no {column}", "baris {row} tidak menyebut {column}"),
)
"""A row without its code or year, or with neither realisation nor rupiah."""

UNKNOWN_CODE: Final = EvaluationRule(
    "RE003", Severity.ERROR,
    Text("Unknown code", "Kode tidak dikenal"),
    Text("row {row}: the plan has no activity {code}",
         "baris {row}: rencana tidak memuat kegiatan {code}"),
)

OUTSIDE_PERIOD: Final = EvaluationRule(
    "RE004", Severity.ERROR,
    Text("Year outside the period", "Tahun di luar periode"),
    Text("row {row}: {year} is not a year of the plan ({first}-{last})",
         "baris {row}: {year} bukan tahun rencana ({first}-{last})"),
)

UNKNOWN_INDICATOR: Final = EvaluationRule(
    "RE005", Severity.ERROR,
    Text("Unknown indicator", "Indikator tidak dikenal"),
    Text("row {row}: {code} states no indicator {indicator!r} (it states {count})",
         "baris {row}: {code} tidak memuat indikator {indicator!r} (memuat {count})"),
)
NO_INDICATOR: Final = Text(
    "row {row}: a realisation of a target, but {code} states no indicator",
    "baris {row}: realisasi target, padahal {code} tidak memuat indikator",
)
"""RE005's wording for an activity without indicators."""

INDICATOR_NEEDED: Final = EvaluationRule(
    "RE006", Severity.ERROR,
    Text("Indicator needed", "Indikator perlu disebut"),
    Text("row {row}: {code} states {count} indicators: name the one realised",
         "baris {row}: {code} memuat {count} indikator: sebutkan yang direalisasikan"),
)

UNIT_DIFFERS: Final = EvaluationRule(
    "RE007", Severity.ERROR,
    Text("Unit differs from the target's", "Satuan berbeda dari satuan target"),
    Text("row {row}: the realisation is in {unit}, the target of {code} in {target_unit}",
         "baris {row}: realisasi dalam {unit}, target {code} dalam {target_unit}"),
)

DUPLICATE: Final = EvaluationRule(
    "RE008", Severity.WARNING,
    Text("The same row twice", "Baris yang sama dua kali"),
    Text("rows {rows} all realise {code} {year} {indicator!r}: only row {first} is used",
         "baris {rows} sama-sama merealisasikan {code} {year} {indicator!r}: hanya baris "
         "{first} yang dipakai"),
)

ABOVE_PAGU: Final = EvaluationRule(
    "RE009", Severity.WARNING,
    Text("Realised rupiah above the pagu", "Realisasi rupiah melebihi pagu"),
    Text("{code} {year}: Rp {realised_rp} realised, above the pagu of Rp {pagu}",
         "{code} {year}: realisasi Rp {realised_rp}, melebihi pagu Rp {pagu}"),
)

NOT_ENDED: Final = EvaluationRule(
    "RE010", Severity.WARNING,
    Text("Realisation of a year not ended", "Realisasi tahun yang belum berakhir"),
    Text("{count} rows realise {year}, which has not ended on {today} (rows {rows})",
         "{count} baris merealisasikan {year}, yang belum berakhir pada {today} "
         "(baris {rows})"),
)

NOT_REALISED: Final = EvaluationRule(
    "RE011", Severity.INFO,
    Text("Elapsed year without realisation", "Tahun berlalu tanpa realisasi"),
    Text("{year} has ended, and {missing} of {total} targets and pagu have no realisation "
         "(e.g. {codes})",
         "{year} telah berakhir, dan {missing} dari {total} target dan pagu tanpa realisasi "
         "(mis. {codes})"),
)

LOW_CAPAIAN: Final = EvaluationRule(
    "RE012", Severity.WARNING,
    Text("Capaian under 50 %", "Capaian di bawah 50 %"),
    Text("{code} {year} {indicator!r}: capaian {capaian} % (realised {realised} of a target "
         "of {target})",
         "{code} {year} {indicator!r}: capaian {capaian} % (realisasi {realised} dari target "
         "{target})"),
)

RULES: Final = (UNREADABLE, MISSING_CELL, UNKNOWN_CODE, OUTSIDE_PERIOD, UNKNOWN_INDICATOR,
                INDICATOR_NEEDED, UNIT_DIFFERS, DUPLICATE, ABOVE_PAGU, NOT_ENDED, NOT_REALISED,
                LOW_CAPAIAN)
"""Every evaluation rule, in the order of their ids."""

extend({f"rule.{r.id}.{name}": getattr(r, name).entry()
        for r in RULES for name in ("title", "message")})
extend({"rule.RE005.message_no_indicator": NO_INDICATOR.entry()})
# The texts are entries of the one catalogue (``rule.RE001.title`` …), as the rules' are.

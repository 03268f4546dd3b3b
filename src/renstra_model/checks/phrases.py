"""The phrases of the rules' messages: the words, in English and Indonesian, for the machine
keys that findings carry as values (``"cells": ["baseline", 2023]``). A message reads a value
through its family (``{cells:phrase.cell}``, :func:`~renstra_model.messages.format_text`),
so a finding's values stay free of any language and a consumer localises from the catalogue.
"""

from __future__ import annotations

from typing import Final

from ..messages import Lang, extend
from ..model.codes import Level

_LEVEL_WORDS: Final = {
    Level.URUSAN: "urusan", Level.BIDANG_URUSAN: "bidang urusan", Level.PROGRAM: "program",
    Level.KEGIATAN: "kegiatan", Level.SUB_KEGIATAN: "sub kegiatan",
}
"""The levels as running text, in both languages (the nomenclature's own terms)."""

_SUM_FIELDS: Final = {
    "planned": ("{label} planned", "pagu {label}"),
    "realised": ("{label} realised", "realisasi {label}"),
    "period": ("{label} Rp", "{label} Rp"),
}
"""What a subtotal compares (RS101–RS103): the pagu of a year, its realisation, or the
pagu of the whole period."""


def _both(en: str, id_: str) -> dict[Lang, str]:
    return {"en": en, "id": id_}


PHRASES: Final[dict[str, dict[Lang, str]]] = {
    **{f"phrase.level.{level.value}": _both(word, word) for level, word in _LEVEL_WORDS.items()},
    **{f"phrase.level_cap.{level.value}": _both(level.label, level.label) for level in Level},
    **{f"phrase.sum.{level.value}.{field}": _both(en.format(label=level.label),
                                                   id_.format(label=level.label))
       for level in Level for field, (en, id_) in _SUM_FIELDS.items()},
    "phrase.sum.total": _both("TOTAL", "TOTAL"),
    "phrase.population.indicator": _both("indicators", "indikator"),
    "phrase.population.program": _both("programs", "program"),
    "phrase.population.kegiatan": _both("kegiatan", "kegiatan"),
    "phrase.population.sub_kegiatan": _both("sub kegiatan", "sub kegiatan"),
    "phrase.cell.baseline": _both("baseline", "kondisi awal"),
    "phrase.cell.end_of_period": _both("end of period", "kondisi akhir periode"),
    "phrase.lacks.no_indicator": _both("has no indicator", "tidak memiliki indikator"),
    "phrase.lacks.unnamed_indicator": _both("has an indicator without a name",
                                            "memiliki indikator tanpa nama"),
    "phrase.kind.sum": _both("sum", "jumlah"),
    "phrase.kind.last": _both("last", "tahun terakhir"),
    "phrase.kind.max": _both("max", "tahun terbesar"),
    "phrase.kind.mean": _both("mean", "rata-rata"),
    "phrase.reading.sum": _both("the sum of the years", "jumlah tahunan"),
    "phrase.reading.last": _both("the last year", "tahun terakhir"),
    "phrase.reading.max": _both("the largest year", "tahun terbesar"),
    "phrase.reading.mean": _both("the mean of the years", "rata-rata tahunan"),
    "phrase.same_in": _both(" (the same in {value})", " (sama di {value})"),
    "phrase.no_kind": _both("; the indicator states no aggregation kind",
                            "; indikator tidak menyatakan jenis agregasi"),
    "phrase.rounded": _both(" (only rounded to whole rupiah)",
                            " (hanya dibulatkan ke rupiah utuh)"),
    "phrase.code_why.level": _both("is a {actual} code", "adalah kode {actual}"),
    "phrase.code_why.not_child": _both("does not extend {parent}", "bukan turunan {parent}"),
    "phrase.growth_where.one": _both("the column '{labels[0]}' on {sizes[0]} rows",
                                     "kolom '{labels[0]}' pada {sizes[0]} baris"),
    "phrase.growth_where.both": _both(
        "the columns '{labels[0]}' ({sizes[0]} rows) and '{labels[1]}' ({sizes[1]} rows)",
        "kolom '{labels[0]}' ({sizes[0]} baris) dan '{labels[1]}' ({sizes[1]} baris)"),
    "phrase.magnitude.pagu": _both("pagu", "pagu"),
    "phrase.magnitude.target": _both("target", "target"),
    "phrase.direction.above": _both("above", "di atas"),
    "phrase.direction.below": _both("below", "di bawah"),
    "phrase.identity.title": _both("title", "judul"),
    "phrase.identity.organisation.name": _both("Perangkat Daerah", "nama Perangkat Daerah"),
    "phrase.identity.organisation.region": _both("region", "nama daerah"),
    "phrase.unread": _both("; content not read: {value}", "; isi yang tidak dibaca: {value}"),
    "phrase.noted": _both("; the file holds {value}", "; berkas memuat {value}"),
    "phrase.difference.case": _both("case", "huruf besar-kecil"),
    "phrase.difference.spacing": _both("spacing{spaces:if.phrase.codepoints}",
                                       "spasi{spaces:if.phrase.codepoints}"),
    "phrase.difference.punctuation": _both("punctuation", "tanda baca"),
    "phrase.difference.invisible": _both(
        "{hidden:plural.phrase.invisible} ({invisible:list})",
        "{hidden:plural.phrase.invisible} ({invisible:list})"),
    "phrase.invisible.one": _both("an invisible character", "karakter tak terlihat"),
    "phrase.invisible.other": _both("invisible characters", "karakter tak terlihat"),
    "phrase.codepoints": _both(" ({value:list})", " ({value:list})"),
}
"""Every phrase family of the rules, as catalogue entries."""

extend(PHRASES)

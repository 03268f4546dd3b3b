"""The agency's resources (chapter II): staff (tables 2.1, 2.2), social workers (2.3), assets (2.4).

Counts are whole numbers or :data:`~renstra_model.model.values.NIL` (a printed ``-``); an empty
cell is None. A row with *is_total* set is the table's printed total row.
"""

from __future__ import annotations

from attrs import field, frozen

from ._fields import check_positive, checked, instances, items_of, optional_text, to_tuple
from .provenance import Source
from .values import Count, check_count

_count = checked(check_count, optional=True)
_number = checked(check_positive, optional=True)
_source = instances(Source, optional=True)


@frozen
class StaffByGender:
    """Table 2.1: staff by unit, position type and sex."""

    number: int | None = field(default=None, validator=_number)
    unit: str | None = field(default=None, validator=optional_text)
    position: str | None = field(default=None, validator=optional_text)
    """Jenis jabatan: Struktural, Fungsional."""
    male: Count | None = field(default=None, validator=_count)
    female: Count | None = field(default=None, validator=_count)
    total: Count | None = field(default=None, validator=_count)
    is_total: bool = False
    source: Source | None = field(default=None, validator=_source)


@frozen
class StaffByGrade:
    """Table 2.2: staff by unit, rank (golongan) and education."""

    number: int | None = field(default=None, validator=_number)
    unit: str | None = field(default=None, validator=optional_text)
    grade: str | None = field(default=None, validator=optional_text)
    grade_count: Count | None = field(default=None, validator=_count)
    education: str | None = field(default=None, validator=optional_text)
    education_count: Count | None = field(default=None, validator=_count)
    total: Count | None = field(default=None, validator=_count)
    is_total: bool = False
    source: Source | None = field(default=None, validator=_source)


@frozen
class SocialWorkers:
    """Table 2.3: community social workers (pekerja sosial masyarakat) by kind."""

    number: int | None = field(default=None, validator=_number)
    name: str | None = field(default=None, validator=optional_text)
    count: Count | None = field(default=None, validator=_count)
    is_total: bool = False
    source: Source | None = field(default=None, validator=_source)


@frozen
class Asset:
    """Table 2.4: facilities and equipment (sarana dan prasarana)."""

    number: int | None = field(default=None, validator=_number)
    name: str | None = field(default=None, validator=optional_text)
    unit: str | None = field(default=None, validator=optional_text)
    """Satuan: Buah, Unit, Set."""
    count: Count | None = field(default=None, validator=_count)
    is_total: bool = False
    source: Source | None = field(default=None, validator=_source)


@frozen
class Resources:
    """Tables 2.1–2.4, each a tuple of rows in the printed order."""

    staff_by_gender: tuple[StaffByGender, ...] = field(
        default=(), converter=to_tuple, validator=items_of(StaffByGender)
    )
    staff_by_grade: tuple[StaffByGrade, ...] = field(
        default=(), converter=to_tuple, validator=items_of(StaffByGrade)
    )
    social_workers: tuple[SocialWorkers, ...] = field(
        default=(), converter=to_tuple, validator=items_of(SocialWorkers)
    )
    assets: tuple[Asset, ...] = field(default=(), converter=to_tuple, validator=items_of(Asset))

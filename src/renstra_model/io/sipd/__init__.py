"""SIPD exports: the Renstra of many Perangkat Daerah of one or several regions, as SIPD (the
national planning system) gives it, one row per sub kegiatan indicator, in CSV or as SIPD-RI's
JSON answer (``{"data": [row, ...]}``), read into one plan per Perangkat Daerah.

* :func:`.read_sipd` reads a file
  (:mod:`~renstra_model.io.sipd.reader`), detecting the CSV's encoding and delimiter
  (:mod:`~renstra_model.io.sipd.dialect`);
  :func:`.read_sipd_rows` reads rows already parsed.
* What they read is a :class:`.SipdExport`: its
  :attr:`.SipdExport.plans`, each a
  :class:`.SipdPlan` (``kodepemda``, ``kodeskpd``, ``plan``,
  ``rows``), and how the file was read.
* Each row becomes an indicator and a budget part of its sub kegiatan; the programs and
  kegiatan are derived from the codes; every problem of a row is a reading note of its plan
  (:mod:`~renstra_model.io.sipd.plans`); the values are read as
  :mod:`~renstra_model.io.sipd.fields` says.
* :func:`.plan_file_names` gives the plans safe, unique file names
  (:mod:`~renstra_model.io.sipd.names`).

The columns, what is derived and what is reported are in ``docs/input-sipd.md``.
"""

from __future__ import annotations

from .dialect import Dialect, SipdError
from .fields import AGGREGATIONS, KNOWN, POLARITIES, REQUIRED
from .names import file_stem, plan_file_names
from .plans import MAX_NOTES, SipdPlan
from .reader import (
    MAX_FILE_BYTES,
    MAX_ROWS,
    SipdExport,
    read_sipd,
    read_sipd_json,
    read_sipd_rows,
)

__all__ = [
    "AGGREGATIONS",
    "KNOWN",
    "MAX_FILE_BYTES",
    "MAX_NOTES",
    "MAX_ROWS",
    "POLARITIES",
    "REQUIRED",
    "Dialect",
    "SipdError",
    "SipdExport",
    "SipdPlan",
    "file_stem",
    "plan_file_names",
    "read_sipd",
    "read_sipd_json",
    "read_sipd_rows",
]

"""Test configuration: hypothesis profiles, chosen with the HYPOTHESIS_PROFILE variable.

* ``default`` (100 examples): the everyday run, well under a minute;
* ``ci`` (300 examples, derandomized so CI failures reproduce);
* ``full`` (10,000 examples): a long hunt for rare cases.

Plan-level tests set ``deadline=None`` themselves; the profiles keep a generous deadline
for the cheap value-level tests.
"""

from __future__ import annotations

import os
import sys
from datetime import timedelta
from pathlib import Path

from hypothesis import HealthCheck, settings

# An error of the loader's fast path itself raises, instead of leaving the data to the converter.
os.environ.setdefault("RENSTRA_MODEL_STRICT_LOAD", "1")

try:  # the package may be installed; otherwise test the source tree
    import renstra_model  # noqa: F401
except ImportError:  # pragma: no cover - depends on the environment
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "src"))

_SLOW_DATA = [HealthCheck.too_slow]

settings.register_profile(
    "default",
    max_examples=100,
    deadline=timedelta(milliseconds=1000),
)
settings.register_profile(
    "ci",
    max_examples=300,
    deadline=timedelta(milliseconds=2000),
    derandomize=True,
    print_blob=True,
    suppress_health_check=_SLOW_DATA,
)
settings.register_profile(
    "full",
    max_examples=10_000,
    deadline=None,
    print_blob=True,
    suppress_health_check=_SLOW_DATA,
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "default"))

"""pytest configuration for the documentation pages, which run as doctests.

Puts ``../src`` on ``sys.path`` when renstra_model is not installed, keeps Sphinx's ``conf.py``
out of the doctest collection, and gives the pages the name ``DOCS`` (this folder).
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

try:
    import renstra_model  # noqa: F401
except ImportError:
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

# conf.py and _ext/ are Sphinx's configuration and extension, not test modules:
# --doctest-modules would import them, and the test environment need not have Sphinx.
collect_ignore = ["conf.py", "_ext"]


@pytest.fixture(autouse=True)
def _docs_namespace(doctest_namespace: dict[str, object]) -> None:
    """``DOCS``: the folder of the pages, for a page whose example reads the page itself."""
    doctest_namespace["DOCS"] = Path(__file__).parent

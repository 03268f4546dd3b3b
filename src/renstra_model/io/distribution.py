"""The installed distribution ``renstra-model``: its version, as ``renstra_model.__version__``,
``renstra --version`` and the SARIF log of ``renstra check`` name it."""

from __future__ import annotations

from typing import Final

UNKNOWN_VERSION: Final = "0+unknown"
"""The version where the distribution ``renstra-model`` is not installed (the package imported
from a source tree): a version older than every release."""


def installed_version() -> str:
    """The version of the installed distribution ``renstra-model``, else
    :data:`UNKNOWN_VERSION`."""
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("renstra-model")
    except PackageNotFoundError:
        return UNKNOWN_VERSION

"""Plans shipped with the library.

>>> from renstra_model.examples import ttu_dinsos
>>> plan = ttu_dinsos()
>>> plan.organisation.region
'Kabupaten Timor Tengah Utara'
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from importlib import resources
from pathlib import Path
from typing import Final

from ..errors import UnknownExampleError
from ..io.serialization import loads
from ..messages import render
from ..model.plan import Plan

_FILES: Final = {"ttu-dinsos": ("ttu_dinsos", "ttu_dinsos.json")}


def data_path(name: str) -> Path:
    """The file of the shipped example *name*: inside the installed package, or in the
    ``examples/`` folder of a source checkout (an editable install)."""
    try:
        folder, filename = _FILES[name]
    except KeyError:
        raise UnknownExampleError(
            render("example.unknown", {"name": name, "known": ", ".join(sorted(_FILES))})
        ) from None
    packaged = resources.files(__package__).joinpath(filename)
    if packaged.is_file():
        return Path(str(packaged))
    checkout = Path(__file__).resolve().parents[3] / "examples" / folder / filename
    if checkout.is_file():
        return checkout
    raise UnknownExampleError(f"example {name!r} is not installed (looked for {filename})")


@functools.cache
def load_example(name: str) -> Plan:
    """The shipped example *name*, loaded and validated (cached: plans are immutable)."""
    path = data_path(name)
    return loads(path.read_bytes(), source=f"{name} ({path.name})")


def ttu_dinsos() -> Plan:
    """The Renstra of Dinas Sosial Kabupaten Timor Tengah Utara 2021–2026."""
    return load_example("ttu-dinsos")


EXAMPLES: Final[dict[str, Callable[[], Plan]]] = {"ttu-dinsos": ttu_dinsos}
"""Every shipped example by the name the command line knows it by."""

_REALISATIONS: Final = {"ttu-dinsos": ("ttu_dinsos", "realisasi-2022.csv")}
"""The shipped realisation file of each example plan that has one (invented figures)."""


def realisations_path(spec: str) -> Path:
    """The realisation file *spec* names: a file, or the name of an example plan whose
    shipped realisation file it is (``ttu-dinsos``: invented realisations of 2021 and 2022,
    for illustration only)."""
    given = Path(spec)
    if given.exists() or spec not in _REALISATIONS:
        return given
    folder, filename = _REALISATIONS[spec]
    packaged = resources.files(__package__).joinpath(filename)
    if packaged.is_file():
        return Path(str(packaged))
    return Path(__file__).resolve().parents[3] / "examples" / folder / filename

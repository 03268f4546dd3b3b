"""Settings of ``renstra check``: from ``renstra.toml``, a ``[tool.renstra]`` table in
``pyproject.toml``, or a file named with ``--config``; the command line overrides them.

.. code-block:: toml

    [tool.renstra]
    select = ["RS1", "stated-percentage"]
    ignore = ["RS235"]
    fail-on = "warning"
    lang = "id"
    format = "sarif"
    nomenclature = "data/kepmendagri-900-2023-kabkota.csv"
    expand = false
"""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any, Final

from attrs import frozen

from ..errors import RenstraError
from ..messages import LANGS, Lang
from .findings import Severity

KEYS: Final = ("select", "ignore", "fail-on", "lang", "nomenclature", "format", "expand")

FORMATS: Final[tuple[str, ...]] = ("text", "json", "sarif", "html")
"""The output formats of ``renstra check``: what its ``--format`` and the ``format`` setting
accept."""


class ConfigError(RenstraError, ValueError):
    """A configuration file cannot be read or holds a bad setting."""


@frozen
class Settings:
    """What a configuration file sets; None where it is silent."""

    select: tuple[str, ...] | None = None
    ignore: tuple[str, ...] = ()
    fail_on: Severity | None = None
    lang: Lang | None = None
    nomenclature: Path | None = None
    format: str | None = None
    source: Path | None = None
    expand: bool = False
    """Report each finding of a flood instead of its diagnosis (``--expand``)."""


def _strings(value: Any, key: str, source: Path) -> tuple[str, ...]:
    if isinstance(value, str):
        return tuple(part.strip() for part in value.split(",") if part.strip())
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return tuple(value)
    raise ConfigError(f"{source}: '{key}' must be a list of rule ids, prefixes or families")


def parse(table: dict[str, Any], source: Path) -> Settings:
    """Settings from a TOML table read from *source* (paths are relative to its folder)."""
    unknown = sorted(set(table) - set(KEYS))
    if unknown:
        raise ConfigError(f"{source}: unknown setting(s) {', '.join(unknown)} "
                          f"(known: {', '.join(KEYS)})")
    fail_on = table.get("fail-on")
    if fail_on is not None and fail_on not in {s.value for s in Severity}:
        raise ConfigError(f"{source}: 'fail-on' must be error, warning or info")
    lang = table.get("lang")
    chosen_lang: Lang | None = None
    if lang is not None:
        for known in LANGS:
            if lang == known:
                chosen_lang = known
        if chosen_lang is None:
            raise ConfigError(f"{source}: 'lang' must be one of {', '.join(LANGS)}")
    fmt = table.get("format")
    if fmt is not None and fmt not in FORMATS:
        raise ConfigError(f"{source}: 'format' must be one of {', '.join(FORMATS)}")
    nomenclature = table.get("nomenclature")
    if nomenclature is not None and not isinstance(nomenclature, str):
        raise ConfigError(f"{source}: 'nomenclature' must be a path")
    expand = table.get("expand", False)
    if not isinstance(expand, bool):
        raise ConfigError(f"{source}: 'expand' must be true or false")
    return Settings(
        select=_strings(table["select"], "select", source) if "select" in table else None,
        ignore=_strings(table.get("ignore", []), "ignore", source),
        fail_on=Severity(fail_on) if fail_on else None,
        lang=chosen_lang,
        nomenclature=(source.parent / nomenclature) if nomenclature else None,
        format=fmt,
        source=source,
        expand=expand,
    )


def _read(path: Path) -> dict[str, Any]:
    try:
        with path.open("rb") as handle:
            return tomllib.load(handle)
    except OSError as exc:
        raise ConfigError(f"{path}: {exc.strerror or exc}") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: {exc}") from None


def load_settings(explicit: Path | None = None, folder: Path | None = None) -> Settings:
    """The settings of *explicit* (a ``renstra.toml``-style file, or a ``pyproject.toml``),
    else of ``renstra.toml`` or ``pyproject.toml``'s ``[tool.renstra]`` in *folder* (default:
    the current folder); empty settings when there is none."""
    if explicit is not None:
        data = _read(explicit)
        if explicit.name == "pyproject.toml":
            data = data.get("tool", {}).get("renstra", {})
        return parse(data, explicit)
    base = folder or Path.cwd()
    own = base / "renstra.toml"
    if own.is_file():
        return parse(_read(own), own)
    pyproject = base / "pyproject.toml"
    if pyproject.is_file():
        table = _read(pyproject).get("tool", {}).get("renstra")
        if isinstance(table, dict):
            return parse(table, pyproject)
    return Settings()

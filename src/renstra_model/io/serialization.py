"""Plan files: :func:`load` and :func:`save`, :func:`loads` and :func:`dumps`.

A plan file is a UTF-8 JSON object: ``format_version`` and the fields of
:class:`~renstra_model.model.plan.Plan`. Money and other numbers are decimal strings, ``"-"`` is a
stated nil, and an absent key is an empty cell. See ``docs/file-format.md``.
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path
from typing import Any, Final

from ..errors import InvalidPlanError, PlanFileError, Problem
from ..files import read_bounded, write_text_atomic
from ..model.plan import Plan
from .converter import structure_plan, unstructure_plan

FORMAT_VERSION: Final = 1
"""The version of the file format this library writes and reads."""

MAX_FILE_BYTES: Final = 16 * 1024 * 1024
"""The largest plan file :func:`load` reads by default (16 MiB; the TTU plan is ~0.2 MiB)."""

_BOM: Final = b"\xef\xbb\xbf"


def _reject_constant(name: str) -> Any:
    raise _JSONValueError(Problem("", "json.constant", {"value": name}))


class _JSONValueError(ValueError):
    def __init__(self, problem: Problem) -> None:
        super().__init__(problem.describe())
        self.problem = problem


def _no_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result = dict(pairs)
    if len(result) == len(pairs):
        return result
    result = {}
    for key, value in pairs:
        if key in result:
            raise _JSONValueError(Problem("", "json.duplicate_key", {"key": key}))
        result[key] = value
    return result


def parse_json(text: str, source: str | None = None) -> Any:
    """Parse *text* as JSON the way plan files are read: no NaN or Infinity, no duplicate
    keys, bounded nesting; failures raise :class:`~renstra_model.errors.PlanFileError`."""
    try:
        return json.loads(
            text, parse_constant=_reject_constant, object_pairs_hook=_no_duplicates
        )
    except _JSONValueError as exc:
        raise PlanFileError([exc.problem], source) from None
    except json.JSONDecodeError as exc:
        raise PlanFileError(
            [Problem("", "json.syntax", {"line": exc.lineno, "column": exc.colno, "why": exc.msg})],
            source,
        ) from None
    except ValueError as exc:  # an integer beyond the interpreter's digit limit
        raise PlanFileError(
            [Problem("", "json.syntax", {"line": "?", "column": "?", "why": str(exc)})],
            source,
        ) from None
    except RecursionError:
        depth = {"limit": sys.getrecursionlimit()}
        raise PlanFileError([Problem("", "json.depth", depth)], source) from None


def from_data(data: Any, source: str | None = None) -> Plan:
    """Build a plan from parsed JSON data (with ``format_version``)."""
    if not isinstance(data, dict):
        kind = "a list" if isinstance(data, list) else type(data).__name__
        raise InvalidPlanError(
            [Problem("", "structure.type", {"expected": "an object", "type": kind})], source
        )
    body = dict(data)
    if "format_version" not in body:
        raise InvalidPlanError([Problem("format_version", "structure.missing", {})], source)
    version = body.pop("format_version")
    if type(version) is not int or version != FORMAT_VERSION:
        raise InvalidPlanError(
            [Problem("format_version", "format.version",
                     {"found": version, "supported": FORMAT_VERSION})],
            source,
        )
    try:
        return structure_plan(body)
    except InvalidPlanError as exc:
        raise InvalidPlanError(exc.problems, source) from None


def to_data(plan: Plan) -> dict[str, Any]:
    """The JSON-compatible data of *plan*, with ``format_version`` first."""
    return {"format_version": FORMAT_VERSION, **unstructure_plan(plan)}


def loads(text: str | bytes, source: str | None = None) -> Plan:
    """Read a plan from JSON text (or UTF-8 bytes)."""
    if isinstance(text, bytes):
        text = _decode(text, source or "<bytes>")
    return from_data(parse_json(text, source), source)


def dumps(plan: Plan) -> str:
    """The plan as JSON text, indented, with a final newline."""
    return json.dumps(to_data(plan), ensure_ascii=False, indent=2) + "\n"


def _decode(raw: bytes, name: str) -> str:
    if raw.startswith(_BOM):
        raw = raw[len(_BOM):]
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise PlanFileError(
            [Problem("", "file.encoding", {"file": name, "position": exc.start})], name
        ) from None


def load(path: str | os.PathLike[str], *, max_bytes: int = MAX_FILE_BYTES) -> Plan:
    """Read and validate the plan file at *path*.

    Every problem is reported at once in an :class:`~renstra_model.errors.InvalidPlanError`
    (a :class:`~renstra_model.errors.PlanFileError` when the file itself cannot be read).
    A UTF-8 byte order mark at the start of the file is allowed.
    """
    name = str(Path(path))
    raw = read_bounded(path, max_bytes)
    return from_data(parse_json(_decode(raw, name), name), name)


def save(plan: Plan, path: str | os.PathLike[str]) -> Path:
    """Write *plan* to *path* as JSON, replacing the file atomically; return the path
    written."""
    return write_text_atomic(path, dumps(plan))

"""The package's rooms and the arrows between them, read from the source's own import statements
(every one: at the top, inside functions, under ``TYPE_CHECKING``), as ``docs/architecture.md``
draws them: arrows run down only, no module imports itself back through others, and no module
holds two concerns' worth of lines."""

from __future__ import annotations

import ast
import functools
from collections.abc import Iterator
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "renstra_model"

SHARED = frozenset({"errors", "messages", "files"})
"""The top-level modules every room may use."""

ALLOWED: dict[str, frozenset[str]] = {
    "model": frozenset(),
    "calculators": frozenset({"model"}),
    "checks": frozenset({"calculators", "model"}),
    "tables": frozenset({"calculators", "model"}),
    "cycle": frozenset({"tables", "checks", "calculators", "model"}),
    "io": frozenset({"cycle", "tables", "checks", "calculators", "model"}),
    "examples": frozenset({"io", "model"}),
    "synthetic": frozenset({"io", "checks", "calculators", "model"}),
    "cli": frozenset(
        {"synthetic", "examples", "io", "cycle", "tables", "checks", "calculators", "model"}
    ),
}
"""The rooms each room may import, besides itself and the shared modules."""

FACE = frozenset({"__init__", "__main__"})
"""The package's face: it re-exports the model and the plan files, and runs the command."""

MAX_LINES = 700
MAX_LOOSE_MODULES = 8


def module_name(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


MODULES = {module_name(p): p for p in sorted(PACKAGE.rglob("*.py"))}


def _imported(path: Path) -> Iterator[str]:
    """The library modules *path* imports, resolved to module (or package) names."""
    name = module_name(path)
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            yield from (a.name for a in node.names if a.name.startswith("renstra_model"))
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")
                base = base[: len(base) - node.level + 1]
                target = ".".join([*base, *([node.module] if node.module else [])])
            elif node.module and node.module.startswith("renstra_model"):
                target = node.module
            else:
                continue
            for alias in node.names:
                child = f"{target}.{alias.name}"
                yield child if child in MODULES else target


@functools.cache
def edges() -> dict[str, frozenset[str]]:
    """Each module's imports of the library's other modules."""
    return {
        name: frozenset(t for t in _imported(path) if t in MODULES and t != name)
        for name, path in MODULES.items()
    }


def room(name: str) -> str:
    """``model`` for ``renstra_model.model.plan``; the module's own name at the top level."""
    parts = name.split(".")
    return parts[1] if len(parts) > 1 else "__init__"


def test_the_rooms_are_there() -> None:
    assert {room(n) for n in MODULES} == {*ALLOWED, *SHARED, *FACE}


@pytest.mark.parametrize("name", sorted(MODULES))
def test_arrows_run_down_only(name: str) -> None:
    own = room(name)
    for target in sorted(edges()[name]):
        other = room(target)
        if other == own or other in SHARED:
            continue
        if own in SHARED:
            pytest.fail(f"{name} (shared by every room) imports {target}")
        if own in FACE:
            assert other in {"model", "io", "cli"}, f"{name} imports {target}"
            continue
        assert other in ALLOWED[own], f"{name} ({own}) imports {target} ({other}): an arrow up"


def test_shared_modules_import_only_each_other() -> None:
    graph = edges()
    for name in SHARED:
        assert {room(t) for t in graph[f"renstra_model.{name}"]} <= SHARED


def find_cycle(graph: dict[str, set[str]] | dict[str, frozenset[str]]) -> list[str] | None:
    """A cycle of *graph* (its nodes, the first repeated at the end), or None."""
    done: set[str] = set()

    def visit(name: str, stack: list[str]) -> list[str] | None:
        if name in stack:
            return [*stack[stack.index(name):], name]
        if name in done:
            return None
        for target in sorted(graph.get(name, ())):
            found = visit(target, [*stack, name])
            if found:
                return found
        done.add(name)
        return None

    for name in sorted(graph):
        found = visit(name, [])
        if found:
            return found
    return None


def test_no_import_cycle() -> None:
    """No module reaches itself through the imports of others; a package's ``__init__``
    importing its own children (to re-export them) is not an arrow back."""
    graph = {
        name: {t for t in targets if not t.startswith(name + ".")}
        for name, targets in edges().items()
    }
    assert find_cycle(graph) is None


def test_the_cycle_finder() -> None:
    assert find_cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == ["a", "b", "c", "a"]
    assert find_cycle({"a": {"b"}, "b": {"c"}, "d": {"a", "c"}}) is None
    assert find_cycle({"a": {"a"}}) == ["a", "a"]


@pytest.mark.parametrize("name", sorted(MODULES))
def test_no_module_holds_two_concerns_worth_of_lines(name: str) -> None:
    lines = MODULES[name].read_text(encoding="utf-8").count("\n")
    assert lines <= MAX_LINES, f"{name} has {lines} lines"


def test_few_loose_modules_at_the_top() -> None:
    loose = sorted(p.name for p in PACKAGE.glob("*.py"))
    assert loose == ["__init__.py", "__main__.py", "errors.py", "files.py"]
    assert sorted(p.name for p in (PACKAGE / "messages").glob("*.py")) == [
        "__init__.py", "entries.py"]
    assert len(loose) <= MAX_LOOSE_MODULES


def test_the_resolver_reads_relative_and_absolute_imports() -> None:
    graph = edges()
    assert "renstra_model.checks.findings" in graph["renstra_model.checks.registry"]
    assert "renstra_model.model.plan" in graph["renstra_model.checks.registry"]
    assert graph["renstra_model.messages"] == frozenset({"renstra_model.messages.entries"})
    assert graph["renstra_model.messages.entries"] == frozenset()

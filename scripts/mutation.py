"""Mutation testing of the calculators and the rule modules, one module at a time, with the
kill rate of each (docs/mutation.md).

A mutant is the library with one small change (``<`` for ``<=``, ``+ 1`` for ``+ 2``, a
string emptied, a return value replaced by None). A test suite that notices the change
*kills* it; a mutant that every test still passes *survives*, and shows behaviour no test pins.
Some mutants cannot change behaviour (``x <= 0`` for ``x < 0`` where ``x == 0`` returned
earlier); those are listed with the reason in ``scripts/mutation-equivalent.txt`` and left
out of the rate.

Each group is mutated in a copy of the checkout made in a temporary folder (the working
tree is never touched), with the tests that exercise it. In the copy, each ``@rule(...)``
function is registered by a statement after it instead of by its decorator, so that mutmut,
which leaves decorated functions alone, mutates the body of every rule too::

    pip install -e '.[test,mutation]'
    python scripts/mutation.py                           # every group
    python scripts/mutation.py calculators rules.money   # some groups
    python scripts/mutation.py --survivors --functions rules.money
    python scripts/mutation.py --keep /tmp/mutation rules.money   # then mutmut show <name>

It prints one line a module (and with ``--functions`` one a function): mutants, killed,
survived (no test ran the line, or every test passed), equivalent, and the kill rate
``killed / (mutants - equivalent)``; ``--survivors`` lists the survivors, and it always names
a listed equivalent that a test kills or that no longer exists (the entry is stale).
"""

from __future__ import annotations

import argparse
import ast
import os
import re
import shutil
import subprocess
import sys
import tempfile
from collections import Counter, defaultdict
from pathlib import Path
from typing import Final

ROOT: Final = Path(__file__).resolve().parents[1]
EQUIVALENT: Final = Path(__file__).with_name("mutation-equivalent.txt")

_RULE_TESTS: Final = (
    "tests/test_checks.py",
    "tests/test_checks_reading.py",
    "tests/test_rules_indicators.py",
    "tests/test_rules_money.py",
    "tests/test_rules_names.py",
    "tests/test_rules_structure.py",
    "tests/test_rules_reading.py",
    "tests/test_rules_missing.py",
    "tests/test_floods.py",
)

_MORE_TESTS: Final = {"nomenclature": ("tests/test_nomenclature.py",)}
"""Test files of one rule module beside the shared ones."""

GROUPS: Final[dict[str, tuple[str, tuple[str, ...]]]] = {
    "calculators": (
        "src/renstra_model/calculators/*",
        ("tests/test_calculators.py", "tests/test_calculator_guards.py",
         "tests/test_calculators_pinned.py", "tests/test_end_of_period.py",
         "tests/test_plain_values.py",
         "src/renstra_model/calculators", "docs/calculators.md"),
    ),
    **{
        f"rules.{name}": (f"src/renstra_model/checks/rules/{name}.py",
                          (*_RULE_TESTS, *_MORE_TESTS.get(name, ()),
                           f"src/renstra_model/checks/rules/{name}.py"))
        for name in ("structure", "nomenclature", "indicators", "missing", "money",
                     "magnitude", "reading")
    },
}
"""Each group: the files it mutates, and the tests (files or folders) that run against it."""

_RESULT: Final = re.compile(r"^\s*(?P<name>[\w.]+)__mutmut_\d+: (?P<status>[\w ]+)$")


def equivalent_mutants() -> dict[str, str]:
    """The mutants accepted as equivalent, each with its reason (``name  # reason``)."""
    accepted: dict[str, str] = {}
    if EQUIVALENT.is_file():
        for line in EQUIVALENT.read_text(encoding="utf-8").splitlines():
            name, _, reason = line.partition("#")
            if name.strip():
                accepted[name.strip()] = reason.strip()
    return accepted


def _copy_checkout(target: Path) -> None:
    listed = subprocess.run(
        ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
        cwd=ROOT, check=True, capture_output=True,
    ).stdout.decode().split("\0")
    for name in filter(None, listed):
        source = ROOT / name
        if source.is_file():
            (target / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target / name)


def _configure(checkout: Path, mutate: str, tests: tuple[str, ...],
               deselect: tuple[str, ...] = ()) -> None:
    pyproject = checkout / "pyproject.toml"
    text = pyproject.read_text(encoding="utf-8")
    selection = ", ".join(f'"{t}"' for t in tests if (checkout / t).exists())
    left_out = "".join(f', "--deselect", "{test}"' for test in deselect)
    text += (
        "\n[tool.mutmut]\n"
        'source_paths = ["src/"]\n'
        f'only_mutate = ["{mutate}"]\n'
        'also_copy = ["examples/", "docs/"]\n'
        f"pytest_add_cli_args_test_selection = [{selection}]\n"
        f'pytest_add_cli_args = ["-p", "no:cacheprovider", "-q"{left_out}]\n'
    )
    pyproject.write_text(text, encoding="utf-8")


def expose_rules(source: str) -> str:
    """*source* with each ``@rule(...)`` function registered by a statement after it instead.

    mutmut leaves a decorated function unmutated (a decorator runs once, at import), which
    would leave out the body of every rule. ``f = rule(...)(f)`` registers the same function
    with the same metadata, and lets mutmut mutate its body. The metadata (the rule's texts)
    is evaluated at import, where no mutant is active: it is not mutated either way.
    """
    lines = source.splitlines(keepends=True)
    tree = ast.parse(source)
    edits: list[tuple[int, int, int, str]] = []  # decorator lines [start, end), def end
    for node in tree.body:
        if not isinstance(node, ast.FunctionDef) or len(node.decorator_list) != 1:
            continue
        (decorator,) = node.decorator_list
        if not (isinstance(decorator, ast.Call) and isinstance(decorator.func, ast.Name)
                and decorator.func.id == "rule"):
            continue
        call = ast.get_source_segment(source, decorator)
        assert call is not None
        assert node.end_lineno is not None
        edits.append((decorator.lineno - 1, decorator.end_lineno or decorator.lineno,
                      node.end_lineno, f"{node.name} = ({call})({node.name})\n"))
    for start, end, last, registration in reversed(edits):
        lines[last:last] = ["\n", "\n", registration]
        del lines[start:end]
    return "".join(lines)


def _expose(checkout: Path, mutate: str) -> None:
    for path in checkout.glob(mutate):
        if path.suffix == ".py":
            path.write_text(expose_rules(path.read_text(encoding="utf-8")), encoding="utf-8")


def _mutate(checkout: Path, mutate: str, tests: tuple[str, ...], jobs: int,
            deselect: tuple[str, ...]) -> str:
    """Run mutmut in *checkout*; its ``results --all`` listing."""
    mutmut = shutil.which("mutmut") or str(Path(sys.executable).with_name("mutmut"))
    _copy_checkout(checkout)
    _configure(checkout, mutate, tests, deselect)
    _expose(checkout, mutate)
    env = {**os.environ, "PYTHONDONTWRITEBYTECODE": "1"}
    subprocess.run([mutmut, "run", "--max-children", str(jobs)], cwd=checkout, env=env,
                   check=False, stdout=subprocess.DEVNULL)
    return subprocess.run([mutmut, "results", "--all", "true"], cwd=checkout, env=env,
                          check=False, capture_output=True, text=True).stdout


def run_group(name: str, jobs: int, keep: Path | None = None,
              deselect: tuple[str, ...] = ()) -> dict[str, str]:
    """Mutate the files of group *name* in a copy of the checkout; each mutant's status.

    The copy is made in a temporary folder, removed afterwards, or in ``keep/<name>`` (emptied
    first) and left there, to read a mutant with ``mutmut show <mutant>`` from inside it.
    """
    mutate, tests = GROUPS[name]
    if keep is None:
        with tempfile.TemporaryDirectory(prefix="renstra-mutation-") as folder:
            listed = _mutate(Path(folder), mutate, tests, jobs, deselect)
    else:
        checkout = keep.resolve() / name
        shutil.rmtree(checkout, ignore_errors=True)
        checkout.mkdir(parents=True)
        listed = _mutate(checkout, mutate, tests, jobs, deselect)
    statuses: dict[str, str] = {}
    for line in listed.splitlines():
        match = _RESULT.match(line)
        if match:
            statuses[line.split(":")[0].strip()] = match["status"].strip()
    return statuses


def _module(mutant: str) -> str:
    """The module of a mutant: ``a.b`` of ``a.b.x_f__mutmut_3``."""
    return mutant.split("__mutmut_")[0].rsplit(".", 1)[0]


def _function(mutant: str) -> str:
    """``x_f`` (a function) or ``xǁClassǁmethod`` (a method) of a mutant's name."""
    return mutant.split("__mutmut_")[0].rsplit(".", 1)[1]


def tally(statuses: dict[str, str], accepted: dict[str, str]) -> Counter[str]:
    """Killed, survived and equivalent mutants of *statuses*, and every mutant's count.

    An accepted mutant counts as equivalent only if it survived; one that a test kills counts
    as killed (its entry in the list is stale).
    """
    counts: Counter[str] = Counter()
    for mutant, status in statuses.items():
        counts["mutants"] += 1
        if status in ("killed", "timeout"):
            counts["killed"] += 1
        elif mutant in accepted:
            counts["equivalent"] += 1
        else:
            counts["survived"] += 1  # survived, no tests, suspicious, segfault, not checked
    return counts


def _line(label: str, counts: Counter[str]) -> str:
    judged = counts["mutants"] - counts["equivalent"]
    rate = f"{100 * counts['killed'] / judged:6.1f}%" if judged else "      -"
    return (f"{label:48} {counts['mutants']:7} {counts['killed']:7} {counts['survived']:8} "
            f"{counts['equivalent']:6} {rate}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("groups", nargs="*", metavar="GROUP",
                        help=f"groups to run (default: all): {', '.join(GROUPS)}")
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--survivors", action="store_true", help="list the surviving mutants")
    parser.add_argument("--functions", action="store_true",
                        help="a line for each function under its module's line")
    parser.add_argument("--deselect", action="append", default=[], metavar="TEST",
                        help="leave out a test (a pytest node id; repeatable)")
    parser.add_argument("--keep", type=Path, metavar="DIR",
                        help="run each group in DIR/GROUP and keep it there (mutmut show)")
    args = parser.parse_args()
    unknown = [g for g in args.groups if g not in GROUPS]
    if unknown:
        parser.error(f"unknown group {', '.join(unknown)}; the groups are {', '.join(GROUPS)}")
    accepted = equivalent_mutants()
    print(f"{'module':48} {'mutants':>7} {'killed':>7} {'survived':>8} {'equiv.':>6} {'rate':>7}")
    for group in args.groups or list(GROUPS):
        statuses = run_group(group, args.jobs, args.keep, tuple(args.deselect))
        by_module: dict[str, dict[str, str]] = defaultdict(dict)
        for mutant, status in statuses.items():
            by_module[_module(mutant)][mutant] = status
        for module, mutants in sorted(by_module.items()):
            print(_line(module, tally(mutants, accepted)))
            if args.functions:
                by_function: dict[str, dict[str, str]] = defaultdict(dict)
                for mutant, status in mutants.items():
                    by_function[_function(mutant)][mutant] = status
                for function, some in sorted(by_function.items()):
                    print(_line(f"    {function}", tally(some, accepted)))
            for mutant in sorted(mutants, key=_natural):
                status = mutants[mutant]
                if status in ("killed", "timeout"):
                    if mutant in accepted:
                        print(f"    killed, yet listed as equivalent: {mutant}")
                elif mutant not in accepted and args.survivors:
                    print(f"    {status}: {mutant}")
        stale = sorted(m for m in accepted if _module(m) in by_module and m not in statuses)
        for mutant in stale:
            print(f"    no such mutant, yet listed as equivalent: {mutant}")
    return 0


def _natural(mutant: str) -> tuple[str, int]:
    """Sort key: ``f__mutmut_2`` before ``f__mutmut_10``."""
    scope, _, number = mutant.partition("__mutmut_")
    return scope, int(number or 0)


if __name__ == "__main__":
    raise SystemExit(main())

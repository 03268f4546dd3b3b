"""Load, check and table timings for the TTU plan, a plan of 500 sub kegiatan and one of the
same size in the shape of a SIPD export, with the ratios of load time to ``json.loads`` of the
same file (the floor) and to an equivalent pydantic v2 model (``pydantic_model.py``), all
measured in this one process; then the wall time of ``renstra check ttu-dinsos`` in a fresh
interpreter.

Run from a checkout with the ``bench`` extra installed (pydantic, duckdb, pyarrow)::

    python benchmarks/bench.py            # --repeat 50 for steadier figures

Every figure is the best of *repeat* runs (the median in brackets), in milliseconds. Nothing
here asserts a time: the goals are printed beside the figures, and met or not.
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from renstra_model import Plan, loads, save
from renstra_model.checks import check
from renstra_model.examples import data_path
from renstra_model.io.converter import _converter
from renstra_model.io.serialization import parse_json
from renstra_model.synthetic import Shape, generate, generate_plan


def timed(function: Callable[[], Any], repeat: int) -> tuple[float, float]:
    """(best, median) of *repeat* runs of *function*, in milliseconds."""
    times = []
    for _ in range(repeat):
        gc.collect()
        start = time.perf_counter()
        function()
        times.append((time.perf_counter() - start) * 1000)
    return min(times), statistics.median(times)


def tables_of() -> Callable[[Plan], Any] | None:
    try:
        from renstra_model.tables import build_all
    except ImportError:
        return None
    return build_all


def pydantic_loader() -> Callable[[bytes], Any] | None:
    try:
        import pydantic_model
    except ImportError:
        return None
    return pydantic_model.load


def converter_only(raw: bytes) -> Plan:
    """The load path of the foundation release: every value through the cattrs converter."""
    data = parse_json(raw.decode("utf-8"))
    del data["format_version"]
    plan: Plan = _converter().structure(data, Plan)
    return plan


def measure(name: str, path: Path, repeat: int) -> dict[str, float]:
    raw = path.read_bytes()
    plan = loads(raw)
    subs = sum(1 for _, a in plan.activities() if a.level.value == "sub_kegiatan")
    print(f"\n{name}: {path.name}, {len(raw) / 1024:.0f} KiB, {subs} sub kegiatan")
    figures: dict[str, float] = {}
    rows: list[tuple[str, Callable[[], Any]]] = [
        ("json.loads (the floor)", lambda: json.loads(raw)),
        ("load (renstra_model.loads, validated)", lambda: loads(raw)),
        ("load through the converter only", lambda: converter_only(raw)),
    ]
    pydantic = pydantic_loader()
    if pydantic is not None:
        rows.append(("pydantic v2 model_validate_json", lambda: pydantic(raw)))
    rows.append(("all checks", lambda: check(plan)))
    build_all = tables_of()
    if build_all is not None:
        rows.append(("all tables (tables.build_all)", lambda: build_all(plan)))
    rows.append(("load + all checks", lambda: check(loads(raw))))
    for label, function in rows:
        best, median = timed(function, repeat)
        figures[label] = best
        print(f"  {label:<42} {best:8.2f} ms  [{median:8.2f}]")
    load = figures["load (renstra_model.loads, validated)"]
    floor = figures["json.loads (the floor)"]
    print(f"  load / json.loads                          {load / floor:8.2f} x   (goal <= 3)")
    if pydantic is not None:
        ratio = load / figures["pydantic v2 model_validate_json"]
        print(f"  load / pydantic                            {ratio:8.2f} x   (goal <= 1.5)")
    if build_all is None:
        print("  (renstra_model.tables is not installed: no table timing)")
    return figures


def cli_wall(repeat: int) -> None:
    renstra = shutil.which("renstra", path=str(Path(sys.executable).parent)) or "renstra"
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        subprocess.run([renstra, "check", "ttu-dinsos"], stdout=subprocess.DEVNULL,
                       stderr=subprocess.DEVNULL, check=False)
        times.append(time.perf_counter() - start)
    print(f"\nrenstra check ttu-dinsos (wall, fresh interpreter): best {min(times):.3f} s, "
          f"median {statistics.median(times):.3f} s   (goal <= 0.5 s)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeat", type=int, default=30)
    parser.add_argument("--cli-repeat", type=int, default=10)
    parser.add_argument("--no-freeze", action="store_true",
                        help="leave the objects of this script's imports to the collector")
    args = parser.parse_args()
    print(f"Python {platform.python_version()} on {platform.machine()}, "
          f"{os.cpu_count()} cores; {platform.processor() or platform.platform()}")
    if not args.no_freeze:
        # This script imports pydantic, the generator and the tables: some 10^5 objects that
        # every full collection during a measured run would scan again, charging the library
        # (and json.loads, and pydantic) for the harness's memory. Frozen, they are left out,
        # as in a program that checks plans and holds little else.
        for _ in range(3):
            measure_nothing = pydantic_loader(), tables_of()
            del measure_nothing
        gc.collect()
        gc.freeze()
        print(f"(gc: {gc.get_freeze_count()} objects of the imports frozen; --no-freeze to "
              f"measure with them)")
    ttu = measure("TTU Dinas Sosial", data_path("ttu-dinsos"), args.repeat)
    total = ttu["load + all checks"]
    print(f"  TTU load + all checks                      {total:8.2f} ms  (goal <= 20 ms)")
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "plan-500.json"
        save(generate_plan(0, seed=1, shape=Shape(10, 5, 10)), path)
        measure("Generated plan, 10 programs x 5 kegiatan x 10 sub kegiatan", path,
                max(3, args.repeat // 3))
        # the shape of a SIPD export: only the sub kegiatan state money and indicators, the
        # programs and kegiatan are derived from their codes
        leaf = Path(folder) / "plan-500-sipd.json"
        leaf.write_text(generate(0, seed=1, shape=Shape(10, 5, 10), form="sipd",
                                 defect_rate="0.3").text(), encoding="utf-8")
        measure("Generated SIPD-shaped plan, 500 sub kegiatan, derived parents", leaf,
                max(3, args.repeat // 3))
    cli_wall(args.cli_repeat)


if __name__ == "__main__":
    main()

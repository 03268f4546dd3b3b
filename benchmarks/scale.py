"""``renstra check DIR --jobs N`` over 1,000, 5,000 and 20,000 generated plans: wall time and
peak memory of the whole command (its process and its workers), to show that the time grows
linearly with the number of plans and the memory does not grow at all (plans are streamed).

The corpus is written once by ``renstra generate`` (about 75 KiB a plan: 1.5 GB for 20,000)::

    renstra generate --plans 20000 --seed 1 --defect-rate 0.05 --output /tmp/corpus --jobs 2
    python benchmarks/scale.py /tmp/corpus --jobs 2

Each size checks the first plans of the corpus, whole regions of 40 plans (the region folders
are given as the PLAN arguments). The findings go to a file, as a CI job would keep them.
Memory is the largest sum of the resident set sizes of the process tree, sampled every
20 ms (psutil); without psutil, the largest single process (``getrusage``). CPU is the user
and system time of the whole tree: on a shared machine it is the steadier figure, and
CPU / cores is the wall time the command takes on an idle one.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path


def _peak_tree_rss(process: subprocess.Popen[bytes]) -> int:
    """Wait for *process*; the peak of the summed RSS of it and its children, in bytes."""
    try:
        import psutil
    except ImportError:
        process.wait()
        return resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss * 1024
    root = psutil.Process(process.pid)
    peak = 0
    while process.poll() is None:
        try:
            tree = [root, *root.children(recursive=True)]
            total = 0
            for member in tree:
                with contextlib.suppress(psutil.Error):
                    total += member.memory_info().rss
            peak = max(peak, total)
        except psutil.Error:
            pass
        time.sleep(0.02)
    return peak


def _cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def run(command: list[str], out: Path) -> tuple[float, float, int, int]:
    """(wall seconds, CPU seconds of the process tree, peak bytes, exit status) of *command*,
    its output written to *out*."""
    with out.open("wb") as handle:
        cpu = _cpu()
        start = time.perf_counter()
        process = subprocess.Popen(command, stdout=handle, stderr=subprocess.DEVNULL)
        peak = _peak_tree_rss(process)
        seconds = time.perf_counter() - start
    return seconds, _cpu() - cpu, peak, process.returncode


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("corpus", type=Path, help="a folder written by renstra generate")
    parser.add_argument("--sizes", default="1000,5000,20000")
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--nomenclature", action="store_true",
                        help="check against the corpus's nomenclature.csv as well")
    parser.add_argument("--format", choices=("text", "json"), default="text")
    args = parser.parse_args()
    regions = sorted(p for p in args.corpus.iterdir() if p.is_dir())
    renstra = shutil.which("renstra", path=str(Path(sys.executable).parent)) or "renstra"
    print(f"{os.cpu_count()} cores; renstra check --jobs {args.jobs} --format {args.format}"
          f"{' --nomenclature' if args.nomenclature else ''}")
    print(f"{'plans':>7} {'wall s':>8} {'CPU s':>8} {'CPU ms/plan':>12} {'plans/s':>8} "
          f"{'peak MB':>8} {'exit':>5} {'output MB':>10}")
    with tempfile.TemporaryDirectory() as folder:
        for size in (int(s) for s in args.sizes.split(",")):
            chosen = regions[: -(-size // 40)]
            plans = sum(1 for r in chosen for _ in r.glob("*.json"))
            command = [renstra, "check", *map(str, chosen), "--jobs", str(args.jobs),
                       "--format", args.format]
            if args.nomenclature:
                command += ["--nomenclature", str(args.corpus / "nomenclature.csv")]
            out = Path(folder) / f"findings-{size}.txt"
            seconds, cpu, peak, status = run(command, out)
            print(f"{plans:>7} {seconds:>8.1f} {cpu:>8.1f} {cpu * 1000 / plans:>12.2f} "
                  f"{plans / seconds:>8.1f} {peak / 2**20:>8.0f} {status:>5} "
                  f"{out.stat().st_size / 2**20:>10.1f}", flush=True)


if __name__ == "__main__":
    main()

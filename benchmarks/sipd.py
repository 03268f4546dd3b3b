"""Reading a SIPD export of 5,000 rows: ``read_sipd`` against a plain pass of the standard
library over the same file (``csv.DictReader``, or ``json.loads`` for the JSON dialect), in each
dialect, all measured in this one process; and ``read_sipd_rows`` over the rows that pass
parsed, the reader's own work without the file's parsing.

Run from a checkout (no extra is needed)::

    python benchmarks/sipd.py             # --rows 20000, --repeat 20 for steadier figures

The export is written by :func:`renstra_model.synthetic.sipd.generate_export` (5 regions of
20 agencies, defect rate 0.02). Every figure is the best of *repeat* runs (the median in
brackets), in milliseconds; the ratio is of the bests. Nothing here asserts a time.
"""

from __future__ import annotations

import argparse
import csv
import gc
import json
import os
import platform
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from renstra_model.synthetic.sipd import DIALECTS, GeneratedExport, generate_export


def timed(function: Callable[[], Any], repeat: int) -> tuple[float, float]:
    """(best, median) of *repeat* runs of *function*, in milliseconds."""
    times = []
    for _ in range(repeat):
        gc.collect()
        start = time.perf_counter()
        function()
        times.append((time.perf_counter() - start) * 1000)
    return min(times), statistics.median(times)


def dict_reader(made: GeneratedExport) -> Callable[[], Any]:
    """The floor: the standard library's own pass over the file, every row a dict."""
    if made.dialect == "json":
        return lambda: json.loads(made.path.read_bytes())

    def read() -> list[dict[str, str]]:
        with made.path.open(encoding=made.encoding, newline="") as handle:
            return list(csv.DictReader(handle, delimiter=made.delimiter or ","))

    return read


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rows", type=int, default=5000)
    parser.add_argument("--repeat", type=int, default=10)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--defect-rate", default="0.02")
    parser.add_argument("--dialect", action="append", choices=DIALECTS,
                        help="only this dialect (repeatable); every dialect by default")
    args = parser.parse_args()
    try:
        from renstra_model.io.sipd import read_sipd, read_sipd_rows
    except ImportError:
        raise SystemExit("renstra_model.io.sipd is not installed: nothing to measure") from None
    print(f"Python {platform.python_version()} on {platform.machine()}, "
          f"{os.cpu_count()} cores; {platform.processor() or platform.platform()}")
    print(f"{args.rows} rows, best of {args.repeat} [median], ms")
    with tempfile.TemporaryDirectory() as folder:
        for dialect in args.dialect or DIALECTS:
            start = time.perf_counter()
            made = generate_export(Path(folder) / f"export.{dialect}", seed=args.seed,
                                   dialect=dialect, regions=5, agencies=20, rows=args.rows,
                                   defect_rate=args.defect_rate)
            generated = (time.perf_counter() - start) * 1000
            export = read_sipd(made.path)
            size = made.path.stat().st_size
            floor_label = "json.loads" if dialect == "json" else "csv.DictReader"
            print(f"\n{dialect}: {size / 2**20:.1f} MiB, {len(made.ledger)} rows, "
                  f"{len(export.plans)} plans, {len(made.defects)} defects "
                  f"(generated in {generated:.0f} ms)")
            floor, floor_median = timed(dict_reader(made), args.repeat)
            best, median = timed(lambda path=made.path: read_sipd(path), args.repeat)
            parsed = dict_reader(made)()
            rows = parsed["data"] if dialect == "json" else parsed
            style = "auto" if dialect == "csv-id" else "en"
            own, own_median = timed(
                lambda rows=rows, style=style: read_sipd_rows(rows, source="bench",
                                                              style=style), args.repeat)
            print(f"  {floor_label:<28} {floor:9.1f}  [{floor_median:9.1f}]")
            print(f"  {'read_sipd':<28} {best:9.1f}  [{median:9.1f}]")
            print(f"  {'read_sipd_rows (parsed)':<28} {own:9.1f}  [{own_median:9.1f}]")
            print(f"  {'read_sipd / ' + floor_label:<28} {best / floor:9.1f} x")
            print(f"  {'per row':<28} {best * 1000 / len(made.ledger):9.1f} µs")


if __name__ == "__main__":
    main()

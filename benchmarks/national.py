"""A national question over the Parquet export of a corpus, in DuckDB: the total pagu of every
program code per year, over every plan (the programs' own stated pagu, T-C.27).

    renstra export /tmp/corpus --format parquet --output /tmp/corpus-parquet
    python benchmarks/national.py /tmp/corpus-parquet

Prints the timing of the query (best of three, in a fresh DuckDB connection each time), the
number of result rows, and the largest programs of the most recent year.
"""

from __future__ import annotations

import argparse
import os
import time
from decimal import Decimal
from pathlib import Path

QUERY = """
SELECT code, year, sum(planned) AS pagu, count(*) AS plans
FROM read_parquet('{budget}')
WHERE level = 'program'
GROUP BY code, year
ORDER BY code, year
"""


def main() -> None:
    import duckdb

    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folder", type=Path, help="a folder written by renstra export")
    args = parser.parse_args()
    budget = args.folder / "budget.parquet"
    size = sum(p.stat().st_size for p in args.folder.glob("*.parquet"))
    print(f"{os.cpu_count()} cores; DuckDB {duckdb.__version__}; {budget} "
          f"({budget.stat().st_size / 2**20:.0f} MiB; {size / 2**20:.0f} MiB in all)")
    plans = duckdb.sql(f"SELECT count(*) FROM read_parquet('{args.folder / 'plans.parquet'}')")
    facts = duckdb.sql(f"SELECT count(*) FROM read_parquet('{budget}')")
    print(f"{plans.fetchall()[0][0]} plans, {facts.fetchall()[0][0]} budget facts")
    times = []
    rows: list[tuple[str, int, Decimal, int]] = []
    for _ in range(3):
        connection = duckdb.connect()
        start = time.perf_counter()
        rows = connection.sql(QUERY.format(budget=budget)).fetchall()
        times.append(time.perf_counter() - start)
        connection.close()
    print(f"total pagu per program code per year: {len(rows)} rows in "
          f"{min(times) * 1000:.0f} ms (best of 3; {', '.join(f'{t * 1000:.0f}' for t in times)})")
    last = max(row[1] for row in rows)
    top = sorted((r for r in rows if r[1] == last), key=lambda r: r[2], reverse=True)[:5]
    for code, year, pagu, count in top:
        print(f"  {code:<10} {year}  Rp {pagu:>22,.2f}  ({count} plans)")


if __name__ == "__main__":
    main()

"""``renstra generate``: write a corpus of synthetic plans (:mod:`renstra_model.synthetic`).

``renstra generate --plans 20000 --seed 1 --output corpus/`` writes one plan file a
(region, agency) pair, ``corpus/<region>/<agency>.json``, with ``corpus/nomenclature.csv``
(the catalogue the codes come from) and ``corpus/defects.csv`` (every seeded defect). The same
seed writes the same files, with any number of ``--jobs``. Exit status: 0 written, 2 bad
arguments or an unwritable folder.
"""

from __future__ import annotations

import argparse
import sys
from decimal import Decimal, InvalidOperation
from typing import Any

from ..messages import LANGS, extend, render
from .common import EXIT_INPUT, EXIT_OK, command, default_lang

extend(
    {
        "generate.written": {
            "en": "{plans} plans written to {folder} ({defects} seeded defects, listed in "
            "{defects_file}; codes from {nomenclature})",
            "id": "{plans} rencana ditulis ke {folder} ({defects} cacat sengaja, tercantum di "
            "{defects_file}; kode dari {nomenclature})",
        },
        "generate.bad_rate": {
            "en": "--defect-rate must be a number from 0 to 1, not {value!r}",
            "id": "--defect-rate harus angka 0 sampai 1, bukan {value!r}",
        },
        "generate.bad_count": {
            "en": "{option} must be a positive whole number, not {value}",
            "id": "{option} harus bilangan bulat positif, bukan {value}",
        },
        "generate.unwritable": {
            "en": "cannot write to {folder}: {why}",
            "id": "tidak dapat menulis ke {folder}: {why}",
        },
    }
)


def add_parser(sub: Any) -> None:
    """Register ``renstra generate``."""
    generate = sub.add_parser(
        "generate",
        help="write a corpus of synthetic plans, with seeded defects",
        description="Write N synthetic plans (sizes and contents drawn like real plans', the "
        "same for the same seed) under DIR, one folder a region, with the catalogue of their "
        "codes (nomenclature.csv) and the list of seeded defects (defects.csv). "
        "Exit status: 0 written, 2 bad arguments.",
    )
    generate.add_argument("--plans", type=int, required=True, metavar="N",
                          help="how many plans (40 a region: 20000 is a national corpus)")
    generate.add_argument("--seed", type=int, default=0, metavar="S",
                          help="the corpus seed (default 0)")
    generate.add_argument("--output", required=True, metavar="DIR", help="the corpus folder")
    generate.add_argument(
        "--defect-rate", default="0", metavar="R",
        help="the probability (0 … 1) with which each kind of defect is seeded in a plan "
        "(default 0: plans without findings)",
    )
    generate.add_argument("--jobs", type=int, default=1, metavar="N",
                          help="processes generating plans (default 1)")
    generate.add_argument("--lang", choices=LANGS, default=None)
    generate.set_defaults(handler=run)


@command
def run(args: argparse.Namespace) -> int:
    """Write the corpus; 0 when written, 2 on bad arguments."""
    from pathlib import Path

    from ..synthetic import write_corpus

    lang = args.lang or default_lang()
    for option, value in (("--plans", args.plans), ("--jobs", args.jobs)):
        if value < 1:
            print(render("generate.bad_count", {"option": option, "value": value}, lang),
                  file=sys.stderr)
            return EXIT_INPUT
    try:
        rate = Decimal(args.defect_rate)
    except InvalidOperation:
        rate = Decimal(-1)
    if not rate.is_finite() or not 0 <= rate <= 1:
        print(render("generate.bad_rate", {"value": args.defect_rate}, lang), file=sys.stderr)
        return EXIT_INPUT
    folder = Path(args.output)
    try:
        written = write_corpus(folder, args.plans, seed=args.seed, defect_rate=rate,
                               jobs=args.jobs)
    except OSError as exc:
        print(render("generate.unwritable",
                     {"folder": str(folder), "why": exc.strerror or str(exc)}, lang),
              file=sys.stderr)
        return EXIT_INPUT
    print(render("generate.written", {
        "plans": written.plans, "folder": str(folder), "defects": written.defects,
        "defects_file": str(folder / "defects.csv"),
        "nomenclature": str(folder / "nomenclature.csv"),
    }, lang))
    return EXIT_OK

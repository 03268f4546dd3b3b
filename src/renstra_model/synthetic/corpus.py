"""Corpora of synthetic plans: plan *index* of the corpus of a seed, alone or many at a time,
and a corpus written to a folder, by one process or several.

A national corpus is about 550 regions × 40 agencies ≈ 20,000 plans. Plan *index* ``i``
belongs to region ``i // 40`` and agency ``i % 40``
(:data:`~renstra_model.synthetic.names.AGENCIES`); it is drawn from its own random stream,
seeded by the corpus seed and ``i``, so a plan is the same whether it is generated alone or as
one of 20,000, and in whatever order or process. A plan at defect rate 0 has no finding of any
rule, also against the synthetic catalogue as nomenclature.

>>> generated = generate(0, seed=7)
>>> generated.plan().organisation.name
'Dinas Pendidikan'
>>> generate(0, seed=7).data == generated.data
True
>>> from renstra_model.checks.engine import check
>>> check(generated.plan())
[]
"""

from __future__ import annotations

import csv
import json
from collections.abc import Callable, Iterable, Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any, Literal

from attrs import field, frozen

from ..files import atomic_path, write_text_atomic
from ..model.plan import Plan
from .builder import Shape
from .defects import Defect
from .leafonly import SIPD_KINDS, sipd_form
from .names import AGENCIES, AGENCIES_PER_REGION, _foreign, catalogue_csv, region
from .seeding import build

Form = Literal["renstra", "sipd"]
"""The shape of a generated plan: a Renstra's tables, or a SIPD export's sub kegiatan rows
(:mod:`~renstra_model.synthetic.leafonly`)."""


@frozen
class GeneratedPlan:
    """A generated plan: its index in the corpus, its file's path relative to the corpus
    folder, its data (the JSON of a plan file) and the defects seeded in it."""

    index: int
    path: str
    data: dict[str, Any] = field(eq=False)
    defects: tuple[Defect, ...]

    def plan(self) -> Plan:
        """The plan, loaded and validated as a plan file is."""
        from ..io.serialization import from_data

        return from_data(self.data, self.path)

    def text(self) -> str:
        """The plan file's text (compact JSON, one line, and a final newline)."""
        return json.dumps(self.data, ensure_ascii=False, separators=(",", ":")) + "\n"


def _per_million(rate: Decimal | float | str) -> int:
    value = Decimal(str(rate))
    if not 0 <= value <= 1:
        raise ValueError(f"the defect rate is a probability (0 … 1), not {rate}")
    return int(value * 1_000_000)


def plan_path(index: int) -> str:
    """The path of plan *index* in a corpus folder: ``<region>/<agency>.json``."""
    place = region(index // AGENCIES_PER_REGION)
    agency = AGENCIES[index % AGENCIES_PER_REGION]
    folder = f"{place.number:03d}-{_slug(place.name)}"
    return f"{folder}/{index % AGENCIES_PER_REGION:02d}-{_slug(agency.name)}.json"


def _slug(text: str) -> str:
    return "-".join("".join(c for c in word if c.isalnum()) for word in text.lower().split())


def generate(
    index: int,
    *,
    seed: int = 0,
    defect_rate: Decimal | float | str = 0,
    shape: Shape | None = None,
    form: Form = "renstra",
) -> GeneratedPlan:
    """Plan *index* of the corpus of *seed*, with defects seeded at *defect_rate* (each kind
    of :data:`~renstra_model.synthetic.defects.DEFECTS` with that probability); *shape* fixes its
    size; *form* ``"sipd"`` gives it the shape of a SIPD export."""
    if index < 0:
        raise ValueError(f"a plan index is 0 or more, not {index}")
    if form not in ("renstra", "sipd"):
        raise ValueError(f"a plan's form is 'renstra' or 'sipd', not {form!r}")
    rate = _per_million(defect_rate)
    if form == "renstra":
        data, defects = build(index, seed, rate, shape)
    else:
        data, defects = sipd_form(*build(index, seed, rate, shape, SIPD_KINDS))
    return GeneratedPlan(index, plan_path(index), data, defects)


def generate_plan(
    index: int = 0,
    *,
    seed: int = 0,
    defect_rate: Decimal | float | str = 0,
    shape: Shape | None = None,
) -> Plan:
    """Plan *index* of the corpus of *seed*, as a :class:`~renstra_model.Plan`."""
    return generate(index, seed=seed, defect_rate=defect_rate, shape=shape).plan()


def corpus(
    count: int,
    *,
    seed: int = 0,
    defect_rate: Decimal | float | str = 0,
    start: int = 0,
) -> Iterator[GeneratedPlan]:
    """Plans *start* … *start* + *count* − 1 of the corpus of *seed*, one at a time."""
    for index in range(start, start + count):
        yield generate(index, seed=seed, defect_rate=defect_rate)


@frozen
class _Job:
    output: Path
    seed: int
    defect_rate: str


def _write_one(job: _Job, index: int) -> tuple[str, tuple[Defect, ...]]:
    generated = generate(index, seed=job.seed, defect_rate=job.defect_rate)
    target = job.output / generated.path
    target.parent.mkdir(parents=True, exist_ok=True)
    write_text_atomic(target, generated.text())
    return generated.path, generated.defects


@frozen
class _Writer:
    """Picklable: writes plan *index* of a job (for a process pool)."""

    job: _Job

    def __call__(self, index: int) -> tuple[str, tuple[Defect, ...]]:
        return _write_one(self.job, index)


@frozen
class CorpusWritten:
    """What :func:`write_corpus` wrote."""

    plans: int
    defects: int
    folder: Path


def write_corpus(
    output: Path,
    count: int,
    *,
    seed: int = 0,
    defect_rate: Decimal | float | str = 0,
    jobs: int = 1,
    progress: Callable[[int], None] | None = None,
) -> CorpusWritten:
    """Write *count* plans under *output* (``<region>/<agency>.json``), with
    ``nomenclature.csv`` (the catalogue their codes come from) and ``defects.csv`` (every
    seeded defect: plan, kind, family, rule, where). With *jobs* > 1 the plans are generated
    by that many processes; the files are the same."""
    _per_million(defect_rate)  # a bad rate fails before anything is written
    output.mkdir(parents=True, exist_ok=True)
    # The bidang of the corpus's agencies, and those a foreign-code defect borrows.
    bidangs = {AGENCIES[i].bidang for i in range(min(count, AGENCIES_PER_REGION))}
    bidangs.update(_foreign(bidang) for bidang in list(bidangs))
    write_text_atomic(output / "nomenclature.csv", catalogue_csv(bidangs))
    job = _Job(output, seed, str(defect_rate))
    written = defects = 0
    with (
        atomic_path(output / "defects.csv") as path,
        path.open("w", encoding="utf-8", newline="") as handle,
    ):
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(["plan", "kind", "family", "rule", "where"])
        results: Iterable[tuple[str, tuple[Defect, ...]]]
        if jobs > 1:
            import multiprocessing

            with multiprocessing.get_context("spawn" if _no_fork() else "fork").Pool(
                jobs
            ) as pool:
                results = pool.imap(_Writer(job), range(count), chunksize=16)
                written, defects = _record(results, writer, progress)
        else:
            results = (_write_one(job, index) for index in range(count))
            written, defects = _record(results, writer, progress)
    return CorpusWritten(written, defects, output)


def _no_fork() -> bool:
    import multiprocessing

    return "fork" not in multiprocessing.get_all_start_methods()


def _record(
    results: Iterable[tuple[str, tuple[Defect, ...]]],
    writer: Any,
    progress: Callable[[int], None] | None,
) -> tuple[int, int]:
    written = defects = 0
    for path, seeded in results:
        written += 1
        for defect in seeded:
            defects += 1
            writer.writerow([path, defect.kind, defect.family, defect.rule, defect.where])
        if progress is not None:
            progress(written)
    return written, defects


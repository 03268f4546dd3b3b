"""Many plans at once: :func:`check_many` loads and checks each plan, in worker processes when
asked, and yields one :class:`Checked` a plan, in the order of the plans.

The checks sit below the plan files (:mod:`renstra_model.io`), so they do not read a file
themselves: a plan is given loaded (a :class:`~renstra_model.model.plan.Plan`), or as a spec (a
path, an example's name) with the *load* that turns a spec into a plan, such as
:func:`renstra_model.load`, or into the several plans a file holds, each with its name (a
sequence of :class:`NamedPlan`, such as :func:`renstra_model.io.inputs.read_plans` returns). A
worker process loads its own plans: only the specs and the results travel between the
processes.

>>> from renstra_model.examples import load_example, ttu_dinsos
>>> def load(spec):  # a file of two plans, as a regional export holds them
...     if spec == "both":
...         return [Named("both [one]", ttu_dinsos()), Named("both [two]", ttu_dinsos())]
...     return load_example(spec)
>>> plans = ["ttu-dinsos", "no-such-plan", ttu_dinsos(), "both"]
>>> for result in check_many(plans, load=load, select=["RS341"]):
...     error = type(result.error).__name__ if result.error else None
...     print(result.name[:22], [f.rule for f in result.findings], error)
ttu-dinsos ['RS341', 'RS341'] None
no-such-plan [] UnknownExampleError
Rencana Strategi Dinas ['RS341', 'RS341'] None
both [one] ['RS341', 'RS341'] None
both [two] ['RS341', 'RS341'] None
"""

from __future__ import annotations

import gc
import os
from collections.abc import Callable, Generator, Iterable, Iterator, Sequence
from typing import Final, Protocol, TypeAlias

from attrs import frozen

from ..errors import RenstraError
from ..model.nomenclature import Nomenclature
from ..model.plan import Plan
from .engine import select_rules
from .findings import Finding
from .registry import Context, Rule, run

Spec: TypeAlias = str | os.PathLike[str]
"""A plan to be loaded: a path, or whatever else *load* of :func:`check_many` understands."""


class NamedPlan(Protocol):
    """A plan with the name that tells it apart among the plans of one spec (a file holding
    several): what *load* of :func:`check_many` returns, a sequence of them, for such a spec.
    :class:`renstra_model.io.inputs.Loaded` is one, and so is :class:`Named`."""

    @property
    def name(self) -> str:
        """The plan's name in the results (the ``name`` of its :class:`Checked`)."""

    @property
    def plan(self) -> Plan:
        """The plan."""


@frozen
class Named:
    """A :class:`NamedPlan` as plain data."""

    name: str
    plan: Plan

GC_THRESHOLD: Final = 100_000
"""Allocations between two collections of the youngest generation while :func:`check_many`
runs (Python's default is 700)."""


@frozen
class Checked:
    """One plan checked by :func:`check_many`: its name (the spec as a string, the name *load*
    gave it, or a loaded plan's label), and its findings, or the error that kept the spec
    from loading."""

    name: str
    findings: tuple[Finding, ...] = ()
    error: RenstraError | None = None


def check_many(
    plans: Iterable[Plan | Spec],
    *,
    load: Callable[[str], Plan | Sequence[NamedPlan]] | None = None,
    jobs: int = 1,
    select: Sequence[str] | None = None,
    ignore: Sequence[str] = (),
    nomenclature: Nomenclature | None = None,
    expand: bool = False,
) -> Generator[Checked, None, None]:
    """Check each of *plans* as :func:`~renstra_model.checks.check` does; one
    :class:`Checked` a plan, in the order of *plans*, each as soon as it and those before it
    are done (a generator: ``close()`` it to stop early).

    A spec is loaded by *load* (``load(os.fspath(spec))``, in the worker that checks it),
    which returns its :class:`~renstra_model.model.plan.Plan` (named by the spec), or a
    sequence of :class:`NamedPlan` (a file holding several plans; an empty one gives no
    result): each is checked and is its own :class:`Checked`, with its name, in the order
    given, whatever *jobs*. A :class:`~renstra_model.errors.RenstraError` *load* raises is
    the spec's one result, not raised.
    *jobs* > 1 checks the plans in that many processes (0: one a core), which take them a few
    at a time and each load, check and forget one plan at a time; *load* is then called
    there, so under the ``spawn`` start method it must be picklable (a module's function).
    *expand* reports each finding of a flood instead of its diagnosis
    (:func:`~renstra_model.checks.registry.run`).
    ValueError names a *select* or *ignore* entry that matches no rule (raised at once);
    TypeError, a spec without *load* (raised when it is reached).

    While the results are being iterated, the youngest generation of the garbage collector
    is collected every :data:`GC_THRESHOLD` allocations, here and in the workers: a plan and
    its check leave no cycles, and at the default threshold the collector, which finds
    nothing, takes a fifth of the time of a check (measured: 1,000 plans, 12.0 s -> 9.3 s;
    mypy makes the same trade). The setting is restored when the iteration ends or is
    closed. A worker also freezes what it holds before its first plan (its modules, the
    rules, the nomenclature) out of the collector's reach.
    """
    if jobs < 0:
        raise ValueError(f"jobs must be 0 (one a core) or more, not {jobs}")
    task = _Task(tuple(select_rules(select, ignore)), nomenclature, load, expand)
    return _results(task, plans, jobs)


def _results(
    task: _Task, plans: Iterable[Plan | Spec], jobs: int
) -> Generator[Checked, None, None]:
    threshold = gc.get_threshold()
    _collect_less()
    try:
        if jobs == 1:
            batches: Iterable[list[Checked]] = map(task, _checked_specs(plans, task.load))
        else:
            items = list(_checked_specs(plans, task.load))
            workers = min(jobs or os.cpu_count() or 1, len(items))
            batches = map(task, items) if workers <= 1 else _in_workers(task, items, workers)
        for batch in batches:
            yield from batch
    finally:
        gc.set_threshold(*threshold)


def _checked_specs(plans: Iterable[Plan | Spec], load: object) -> Iterator[Plan | Spec]:
    for item in plans:
        if load is None and not isinstance(item, Plan):
            raise TypeError(f"{item!r} is not a Plan, and no load was given to load it")
        yield item


def _collect_less() -> None:
    gc.set_threshold(GC_THRESHOLD, *gc.get_threshold()[1:])


@frozen
class _Task:
    """What :func:`check_many` does with each plan, here or in a worker process: the rules,
    selected once for every plan."""

    rules: tuple[Rule, ...]
    nomenclature: Nomenclature | None
    load: Callable[[str], Plan | Sequence[NamedPlan]] | None
    expand: bool = False

    def __call__(self, item: Plan | Spec) -> list[Checked]:
        """The results of *item*: one a plan it holds, or its error."""
        if isinstance(item, Plan):
            return [self.check(item.label, item)]
        name = os.fspath(item)
        assert self.load is not None  # _checked_specs made sure
        try:
            loaded = self.load(name)
        except RenstraError as exc:
            return [Checked(name, error=exc)]
        if isinstance(loaded, Plan):
            return [self.check(name, loaded)]
        return [self.check(each.name, each.plan) for each in loaded]

    def check(self, name: str, plan: Plan) -> Checked:
        context = Context(plan, self.nomenclature)
        return Checked(name, tuple(run(context, self.rules, expand=self.expand)))


_TASK: list[_Task] = []
"""The task of a worker process, set up once by :func:`_start_worker`."""


def _start_worker(task: _Task) -> None:
    gc.freeze()  # a worker process's modules, rules and nomenclature: out of the collections
    _collect_less()
    _TASK[:] = [task]


def _check_in_worker(item: Plan | Spec) -> list[Checked]:
    return _TASK[0](item)


def _in_workers(task: _Task, items: list[Plan | Spec], jobs: int) -> Iterator[list[Checked]]:
    import multiprocessing

    chunk = max(1, min(32, len(items) // (jobs * 8)))
    with multiprocessing.get_context().Pool(
        jobs, initializer=_start_worker, initargs=(task,)
    ) as pool:
        yield from pool.imap(_check_in_worker, items, chunksize=chunk)

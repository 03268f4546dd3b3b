"""The example notebook ``examples/ttu_dinsos/ttu_dinsos.ipynb``: committed without outputs, and
run from top to bottom (so that it cannot rot) showing every table, the findings and the charts.

The run needs the ``notebook``, ``plots``, ``pandas`` and ``locale`` extras (all in ``test``); its
outputs stay in memory, the committed file is never rewritten.
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

import pytest

from renstra_model.examples import ttu_dinsos
from renstra_model.tables import TABLES, build

NOTEBOOK = Path(__file__).resolve().parents[1] / "examples" / "ttu_dinsos" / "ttu_dinsos.ipynb"
TIMEOUT = 600
"""Seconds a cell may take; the whole notebook runs in a few seconds."""

nbformat = pytest.importorskip("nbformat")

# Jupyter's own libraries warn of their deprecations (paths, event loops) depending on their
# versions; the notebook's own errors are in its outputs, which the tests read.
pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")


def _notebook() -> Any:
    return nbformat.read(NOTEBOOK, as_version=4)


def test_the_committed_notebook_is_valid_and_stripped() -> None:
    nb = _notebook()
    nbformat.validate(nb)
    code = [cell for cell in nb.cells if cell.cell_type == "code"]
    assert code
    for cell in code:
        assert cell.outputs == [], "commit the notebook with its outputs stripped"
        assert cell.execution_count is None
    assert nb.metadata.kernelspec.name == "python3"


@pytest.fixture(scope="module")
def executed() -> tuple[Any, float]:
    nbclient = pytest.importorskip("nbclient")
    pytest.importorskip("ipykernel")
    pytest.importorskip("matplotlib")
    pytest.importorskip("pandas")
    nb = _notebook()
    client = nbclient.NotebookClient(
        nb,
        kernel_name="python3",
        timeout=TIMEOUT,
        resources={"metadata": {"path": str(NOTEBOOK.parent)}},
    )
    start = time.perf_counter()
    client.execute()
    return nb, time.perf_counter() - start


def _outputs(nb: Any) -> list[Any]:
    return [out for cell in nb.cells if cell.cell_type == "code" for out in cell.outputs]


def test_the_notebook_runs_without_error(executed: tuple[Any, float]) -> None:
    nb, seconds = executed
    outputs = _outputs(nb)
    assert not [o for o in outputs if o.output_type == "error"]
    stderr = "".join(o.text for o in outputs if o.output_type == "stream" and o.name == "stderr")
    assert "Traceback" not in stderr
    assert "Warning:" not in stderr  # no warning of the notebook's own code
    assert seconds < TIMEOUT


def test_the_notebook_shows_every_table(executed: tuple[Any, float]) -> None:
    nb, _ = executed
    html = "\n".join(o.data["text/html"] for o in _outputs(nb)
                     if o.output_type == "display_data" and "text/html" in o.get("data", {}))
    plan = ttu_dinsos()
    for name in TABLES:
        number = build(plan, name).number
        assert f'data-table="{number}"' in html, number
    assert "4.091.594.846,5" in html  # the Indonesian way
    assert "RS341" in html  # the findings


def test_the_notebook_draws_its_three_charts(executed: tuple[Any, float]) -> None:
    nb, _ = executed
    images = [o for o in _outputs(nb) if "image/png" in o.get("data", {})]
    assert len(images) == 3


@pytest.fixture(scope="module")
def figures() -> list[Any]:
    """The notebook's charts as figures: its code cells run in this process, in order, with
    its ``show`` (after the first cell defines it) keeping each figure instead of drawing it."""
    pytest.importorskip("matplotlib")
    pytest.importorskip("pandas")
    pytest.importorskip("IPython")
    kept: list[Any] = []
    namespace: dict[str, Any] = {}
    cells = [cell for cell in _notebook().cells if cell.cell_type == "code"]
    for number, cell in enumerate(cells):
        exec(compile(cell.source, f"<notebook cell {number}>", "exec"), namespace)
        if number == 0:
            namespace["show"] = kept.append
    for figure in kept:
        figure.canvas.draw()
    return kept


def _y_labels(figure: Any) -> list[str]:
    return [t.get_text() for ax in figure.axes if ax.axison
            for t in ax.get_yticklabels() if t.get_text()]


def test_every_axis_writes_its_numbers_the_indonesian_way(figures: list[Any]) -> None:
    """A tick label read as an Indonesian number (``.`` thousands, ``,`` decimals) and written
    again is itself: ``10000``, ``10,000`` or ``2.5`` are not."""
    from decimal import Decimal

    from renstra_model.tables.formats import format_number

    assert len(figures) == 3
    labels = [label for figure in figures for label in _y_labels(figure)]
    for label in labels:
        number = Decimal(label.replace("−", "-").replace(".", "").replace(",", "."))
        assert format_number(number, lang="id") == label, label
    assert any("." in label for label in labels)  # thousands, as a count of people has
    assert any("," in label for label in labels)  # decimals, as miliar rupiah have


def test_every_series_of_every_chart_is_in_a_legend(figures: list[Any]) -> None:
    for figure in figures:
        series = [label for ax in figure.axes for label in ax.get_legend_handles_labels()[1]]
        shown = [t.get_text() for ax in figure.axes if ax.get_legend() is not None
                 for t in ax.get_legend().get_texts()]
        assert series
        assert sorted(shown) == sorted(series)
    targets = [ax.get_legend_handles_labels()[1] for ax in figures[1].axes[:7]]
    assert targets == [["jumlah (KPM)"], ["jumlah (KUBE)"], ["jumlah (Panti)"],
                       ["jumlah (WKSBM)"], ["jumlah (org)"], ["jumlah (unit)"], ["jumlah (org)"]]
    assert figures[1].axes[8].get_legend_handles_labels()[1] == [
        "dinyatakan (stated)", "dihitung (÷ 38.827)"]


def test_the_growth_chart_names_each_row_by_code_and_name(figures: list[Any]) -> None:
    plan = ttu_dinsos()
    labels = [t.get_text() for t in figures[2].axes[0].get_xticklabels()]
    names = [row.cells[0] for row in build(plan, "T-C.24").rows
             if row.code is not None and len(row.code.segments) in (2, 3)]
    assert len(labels) == len(names) == 8
    for label, name in zip(labels, names, strict=True):
        code, _, words = label.partition("\n")
        assert " ".join(words.split()) == str(name).removeprefix("PROGRAM ").capitalize()
        assert code.count(" ") in (1, 2)
    assert labels[4] == "1 06 04\nRehabilitasi sosial"

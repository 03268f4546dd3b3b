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

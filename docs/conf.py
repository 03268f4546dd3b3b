"""Sphinx configuration of the renstra_model documentation.

Build (warnings are errors, every cross-reference must resolve)::

    sphinx-build -W --keep-going -n -b html docs docs/_build/html
"""

from __future__ import annotations

import enum
import inspect
import sys
from importlib import metadata
from pathlib import Path
from typing import TYPE_CHECKING, Any

import attrs

if TYPE_CHECKING:
    from docutils import nodes
    from sphinx.application import Sphinx

# Prefer an installed renstra_model; fall back to the source tree so that autodoc works in a
# fresh checkout where the package has not been installed yet.
try:
    import renstra_model  # noqa: F401
except ImportError:
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

project = "renstra_model"
author = "renstra_model contributors"
copyright = "renstra_model contributors"
try:
    release = metadata.version("renstra-model")
except metadata.PackageNotFoundError:  # a checkout that is not installed
    release = ""

sys.path.insert(0, str(Path(__file__).resolve().parent / "_ext"))

extensions = [
    "myst_parser",
    "sphinx.ext.autodoc",
    "renstra_rules",
]

source_suffix = {".md": "markdown"}
root_doc = "index"
exclude_patterns = ["_build", "_ext"]
language = "en"

myst_enable_extensions = ["colon_fence", "dollarmath", "amsmath"]
myst_heading_anchors = 3

autodoc_member_order = "bysource"
autodoc_typehints = "signature"
autodoc_class_signature = "mixed"

nitpicky = True
# Only standard-library names are ignored. intersphinx is not used (the build runs without
# network), so no inventory of the Python documentation is loaded and references to the
# standard library cannot resolve. They come from the type hints autodoc renders and from
# the docstrings; every name of renstra_model itself must resolve.
nitpick_ignore = [
    ("py:class", "decimal.Decimal"),  # money and numbers; standard library
    ("py:class", "datetime.date"),  # Adoption.date; standard library
    ("py:class", "collections.abc.Mapping"),  # Problem.params; standard library
    ("py:class", "collections.abc.Iterator"),
    ("py:class", "collections.abc.Generator"),  # check_many(); standard library  # Plan.activities() and others; standard library
    ("py:class", "collections.abc.Iterable"),  # InvalidPlanError(problems); standard library
    ("py:class", "collections.abc.Callable"),  # YearMap.validate(check); standard library
    ("py:class", "collections.abc.Sequence"),  # check(select=...); standard library
    ("py:class", "argparse.Namespace"),  # the subcommands' handlers; standard library
    ("py:class", "re.Pattern"),
    ("py:class", "collections.abc.Collection"),  # generate_workbook(defects); standard library
    ("py:class", "WorkbookShape"),  # a Literal of shape names, listed in SHAPES; no page
    ("py:class", "datetime.time"),  # CellValue, the cells of a sheet; standard library
    ("py:class", "datetime.timedelta"),  # headings.heading_level(); standard library
    ("py:class", "os.PathLike"),  # load()/save() paths; standard library
    ("py:class", "pathlib.Path"),  # renstra_model.examples.data_path(); standard library
    ("py:class", "renstra_model.calculators.arithmetic.T"),  # the type variable of calculate(); no page
    ("py:class", "renstra_model.checks.registry.T"),  # the type variable of Context.shared(); no page
    ("py:class", "renstra_model.model.values.C"),  # Accepts.common_case_of(); no page
    ("py:class", "Lang"),  # messages.Lang, the Literal of "id" and "en", in its own module
]


def _default_text(field: attrs.Attribute[Any]) -> str:
    default = field.default
    if isinstance(default, attrs.Factory):
        return f"{default.factory.__name__}()"
    if isinstance(default, enum.Enum):
        return f"{type(default).__name__}.{default.name}"
    return repr(default)


def _attrs_signature(
    app: Sphinx,
    what: str,
    name: str,
    obj: Any,
    options: Any,
    signature: str | None,
    return_annotation: str | None,
) -> tuple[str, str | None] | None:
    """Render the signature of an attrs class (or a generic one) as parameters and defaults.

    attrs derives the annotations of ``__init__`` from the converters (``Iterable[T]`` for
    tuple fields, ``Mapping[int, V] | None`` for year maps), and with postponed evaluation
    they stay unresolved strings. The type of each field is documented on the attribute
    itself, resolved from the class annotations, so the signature shows names and defaults.
    """
    if what not in ("class", "exception"):
        return None
    if getattr(obj, "__parameters__", ()) and not attrs.has(obj):
        # A generic class (YearMap): its annotations name its type variable, which no page
        # documents; the docstring says what the values are.
        signature_ = inspect.signature(obj)
        params = [
            p.replace(annotation=inspect.Parameter.empty) for p in signature_.parameters.values()
        ]
        bare = signature_.replace(parameters=params, return_annotation=inspect.Signature.empty)
        return str(bare), None
    if not attrs.has(obj):
        return None
    names = []
    for field in attrs.fields(obj):
        if not field.init:
            continue
        param = field.alias or field.name
        if field.default is not attrs.NOTHING:
            param += f"={_default_text(field)}"
        names.append(param)
    return f"({', '.join(names)})", None


def _trim_code_blocks(app: Sphinx, doctree: nodes.document) -> None:
    """Drop the blank line that ends each example block.

    The pages run as doctests (pytest ``--doctest-glob=*.md``), and doctest takes every line
    after an example up to a blank one as its expected output, the closing fence included.
    So each block ends with a blank line, which the rendered page does not need.
    """
    from docutils import nodes

    for node in doctree.findall(nodes.literal_block):
        if len(node.children) != 1 or not isinstance(node[0], nodes.Text):
            continue
        text = node.astext()
        trimmed = text.rstrip("\n")
        if trimmed != text:
            node[0] = nodes.Text(trimmed)
            node.rawsource = trimmed


def setup(app: Sphinx) -> None:
    app.connect("autodoc-process-signature", _attrs_signature)
    app.connect("doctree-read", _trim_code_blocks)


html_theme = "alabaster"
html_title = "renstra_model"
html_static_path: list[str] = []

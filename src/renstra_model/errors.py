"""The library's exceptions, and problems as data.

Every error the library raises is a :class:`RenstraError`. Errors about the content of a plan
carry every :class:`Problem` found, each with the path of the offending value
(``activities[3].children[1].budget.planned[2024]``) and a message in Indonesian and English.
A message whose language the caller does not name is in the default language
(:func:`~renstra_model.messages.default_lang`: ``RENSTRA_LANG``, else English), read when the
message is rendered, ``str(error)`` included.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from types import MappingProxyType
from typing import Any

from attrs import field, frozen

from .messages import Lang, render, resolve_lang


def _freeze_params(params: Mapping[str, Any]) -> Mapping[str, Any]:
    return MappingProxyType(dict(params))


@frozen
class Problem:
    """One thing wrong with a value: where it is (*path*) and why (*key* and *params*)."""

    path: str
    key: str
    params: Mapping[str, Any] = field(factory=dict, converter=_freeze_params, eq=False)

    def message(self, lang: Lang | None = None) -> str:
        """The reason, in *lang* (default: :func:`~renstra_model.messages.default_lang`)."""
        return render(self.key, self.params, lang)

    def describe(self, lang: Lang | None = None) -> str:
        """``reason @ path``, as the command line prints it."""
        return f"{self.message(lang)} @ {self.path or '$'}"

    def under(self, prefix: str) -> Problem:
        """The same problem seen from a container whose path to this value is *prefix*."""
        return Problem(join_path(prefix, self.path), self.key, self.params)

    def __str__(self) -> str:
        return self.describe()

    def __reduce__(self) -> tuple[Any, ...]:
        # Pickled as its fields: the read-only params are not picklable as they are.
        return Problem, (self.path, self.key, dict(self.params))


def join_path(prefix: str, rest: str) -> str:
    """Join two path fragments: ``join_path("a[1]", "b")`` is ``a[1].b``."""
    if not prefix:
        return rest
    if not rest:
        return prefix
    if rest.startswith("["):
        return prefix + rest
    return f"{prefix}.{rest}"


class RenstraError(Exception):
    """Base class of every error the library raises."""

    def __reduce__(self) -> tuple[Any, ...]:
        # Pickled by its state, not by calling the class with its args: subclasses take other
        # arguments than the message they pass on (a worker process returns them whole).
        return _rebuild_error, (type(self), self.args, self.__dict__)


def _rebuild_error(
    cls: type[RenstraError], args: tuple[Any, ...], state: dict[str, Any]
) -> RenstraError:
    error = cls.__new__(cls)
    error.args = args
    error.__dict__.update(state)
    return error


class InvalidPlanError(RenstraError, ValueError):
    """A plan, a part of one, or a plan file breaks the model's rules.

    ``problems`` holds every problem found, not just the first.
    """

    def __init__(self, problems: Iterable[Problem], source: str | None = None) -> None:
        self.problems: tuple[Problem, ...] = tuple(problems)
        self.source = source
        super().__init__(self.describe())

    def __str__(self) -> str:
        return self.describe()

    def describe(self, lang: Lang | None = None) -> str:
        """All problems, one a line, in *lang* (default:
        :func:`~renstra_model.messages.default_lang`)."""
        lang = resolve_lang(lang)
        head = f"{self.source}: " if self.source else ""
        lines = [p.describe(lang) for p in self.problems]
        if len(lines) == 1:
            return head + lines[0]
        count = len(lines)
        title = (
            f"{count} masalah ditemukan" if lang == "id" else f"{count} problems found"
        )
        return head + title + ":\n" + "\n".join(f"  {line}" for line in lines)

    def under(self, prefix: str) -> InvalidPlanError:
        """The same error with every path prefixed by *prefix*."""
        return InvalidPlanError((p.under(prefix) for p in self.problems), self.source)


class PlanFileError(InvalidPlanError):
    """A plan file cannot be read: missing, too large, not UTF-8, not JSON."""


class UnknownExampleError(RenstraError, LookupError):
    """No shipped example has the requested name."""


def problem(path: str, key: str, **params: Any) -> Problem:
    """Shorthand for :class:`Problem`."""
    return Problem(path, key, params)


def fail(key: str, path: str = "", **params: Any) -> InvalidPlanError:
    """An :class:`InvalidPlanError` with a single problem, ready to raise."""
    return InvalidPlanError([Problem(path, key, params)])


class MessageError(RenstraError):
    """An error whose message is the catalogue's *key* with *params*, in either language."""

    key: str = ""

    def __init__(self, **params: Any) -> None:
        self.params: dict[str, Any] = params
        super().__init__(self.describe())

    def __str__(self) -> str:
        return self.describe()

    def describe(self, lang: Lang | None = None) -> str:
        """The message in *lang* (default: :func:`~renstra_model.messages.default_lang`)."""
        return render(self.key, self.params, lang)


class CalculatorInputError(MessageError, TypeError):
    """A calculator was given a value it cannot compute with exactly (a float, text)."""

    key = "calculators.input_type"


class UnknownRuleError(MessageError, ValueError):
    """A selector (``select`` or ``ignore``) matches no rule id, prefix or family."""

    key = "cli.unknown_rule"


class MissingExtraError(RenstraError, ImportError):
    """An optional dependency the feature needs is not installed."""

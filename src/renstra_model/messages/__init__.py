"""The catalogue of user-facing messages, in Indonesian (``id``) and English (``en``).

Every problem the library reports carries a message key and parameters; the text is looked up
here, so that one problem reads the same in the command line, in JSON output and in Python.
This module holds the languages and the rendering; the shared entries are data of their own,
in :mod:`renstra_model.messages.entries`.
"""

from __future__ import annotations

import os
import string
import warnings
from collections.abc import Mapping
from types import MappingProxyType
from typing import Any, Final, Literal, cast

from .entries import ENTRIES

Lang = Literal["id", "en"]
LANGS: Final[tuple[Lang, ...]] = ("id", "en")
DEFAULT_LANG: Final[Lang] = "en"
"""The language of a message whose caller names none, where ``RENSTRA_LANG`` names none."""
LANG_VARIABLE: Final = "RENSTRA_LANG"
"""The environment variable naming the default language of messages: ``id`` or ``en``."""


class LangWarning(UserWarning):
    """``RENSTRA_LANG`` names no language of the messages: they are in :data:`DEFAULT_LANG`."""


_WARNED: set[str] = set()


def default_lang() -> Lang:
    """The language of a message whose caller names none (``lang=None``): the one
    ``RENSTRA_LANG`` names (``id`` or ``en``), else :data:`DEFAULT_LANG`. Read at each call,
    not at import. Any other value warns once (:class:`LangWarning`) and is ignored.

    >>> import os
    >>> os.environ["RENSTRA_LANG"] = "id"
    >>> default_lang()
    'id'
    >>> del os.environ["RENSTRA_LANG"]
    >>> default_lang()
    'en'
    """
    value = os.environ.get(LANG_VARIABLE, "")
    for lang in LANGS:
        if value == lang:
            return lang
    if value and value not in _WARNED:
        _WARNED.add(value)
        warnings.warn(invalid_lang(value), LangWarning, stacklevel=2)
    return DEFAULT_LANG


def invalid_lang(value: str) -> str:
    """What an invalid ``RENSTRA_LANG`` is told, in both languages (the variable names none)."""
    known = ", ".join(LANGS)
    return (f"{LANG_VARIABLE}={value!r} is not a language of the messages ({known}): they are "
            f"in English / {LANG_VARIABLE}={value!r} bukan bahasa pesan ({known}): pesan "
            "ditulis dalam bahasa Inggris")


def resolve_lang(lang: Lang | None) -> Lang:
    """*lang*, or where it is None the :func:`default_lang`."""
    return default_lang() if lang is None else lang

LOCALES: Final[Mapping[Lang, str]] = {"id": "id_ID", "en": "en_US"}
"""The CLDR locale of each message language (for Babel's number formats and parsing)."""

CATALOGUE: Final[dict[str, Mapping[Lang, str]]] = cast(
    "dict[str, Mapping[Lang, str]]", {key: dict(texts) for key, texts in ENTRIES.items()})
"""Every message, by key: its text in each language. The shared entries
(:mod:`renstra_model.messages.entries`) and those each room adds with :func:`extend`."""


def extend(entries: Mapping[str, Mapping[Lang, str]]) -> None:
    """Add the messages of a module to the catalogue: every entry needs a non-empty text in
    both languages, and a key may be added once only (a second module claiming it is an
    error at import, as is a missing translation)."""
    for key, texts in entries.items():
        if set(texts) != set(LANGS) or not all(texts[lang].strip() for lang in LANGS):
            raise ValueError(f"message {key!r} needs a text in each of the languages {LANGS}")
        if key in CATALOGUE:
            raise ValueError(f"message {key!r} is already in the catalogue")
        CATALOGUE[key] = dict(texts)


def render(key: str, params: Mapping[str, object] = MappingProxyType({}),
           lang: Lang | None = None) -> str:
    """The message *key* with *params* (none by default) filled in, in *lang* (default:
    :func:`default_lang`; see :func:`format_text`)."""
    lang = resolve_lang(lang)
    return format_text(CATALOGUE[key][lang], params, lang)


def phrase(family: str, value: object, lang: Lang | None = None) -> str:
    """The words for the machine key *value* in the phrase *family*, in *lang* (default:
    :func:`default_lang`): ``phrase("phrase.cell", "baseline", "id")`` is ``'kondisi awal'``."""
    return CATALOGUE[f"{family}.{value}"][resolve_lang(lang)]


def format_text(template: str, params: Mapping[str, object], lang: Lang | None = None) -> str:
    """*template* with *params* filled in, in *lang*. Besides Python's format specs, a field
    may say how its value reads (``docs/checks.md`` lists them):

    - ``{cells:phrase.cell}``: each machine key of *cells* (one, or a list; a whole number,
      such as a year, stays a number) through the phrase family ``phrase.cell``;
      ``{years:list}``: plain values. Items are joined with commas; ``/and``, ``/or`` after
      the spec join the last two with the word of *lang*, ``/slash`` with a slash.
    - ``{also:if.phrase.same_in}``: nothing for an empty value, else that entry rendered
      with the value as ``{value}``.
    - ``{x:none.phrase.value.undefined}``: that entry for None; a plain ``{x}`` reads None
      as an empty cell (``(empty)``, ``(kosong)``).
    - ``{hidden:plural.phrase.invisible}``: ``phrase.invisible.one`` for 1, else ``.other``.
    - ``{why:reason.phrase.unreadable}``: a reason the library words itself, as a machine
      key of the family (``directory``), read as words; any other value (a system's own
      message, ``Permission denied``) as it is.
    - ``{key:note.params}``: the entry the value names, with the mapping ``params`` (a
      reading note's reason; its key and parameters where the catalogue cannot render it).

    A phrase may name *params* itself (``phrase.code_why.level``: ``is a {actual} code``).

    >>> import renstra_model.checks  # the phrases of the compliance rules
    >>> format_text("{cells:phrase.cell/and} ({years:list})", {"cells": ["baseline",
    ...     "end_of_period"], "years": [2022, 2023]}, "id")
    'kondisi awal dan kondisi akhir periode (2022, 2023)'
    """
    return _Formatter(resolve_lang(lang), params).vformat(template, (), params)


class _Formatter(string.Formatter):
    """A formatter that reads machine keys as words of one language."""

    def __init__(self, lang: Lang, params: Mapping[str, object]) -> None:
        self.lang: Lang = lang
        self.params = params

    def format_field(self, value: Any, format_spec: str) -> str:
        if format_spec.startswith("if."):
            if not value:
                return ""
            return render(format_spec[3:], {**self.params, "value": value}, self.lang)
        kind, _, joiner = format_spec.partition("/")
        if kind.startswith("phrase.") or kind == "list":
            items = list(value) if isinstance(value, list | tuple) else [value]
            words = [phrase("phrase.value", "empty", self.lang) if item is None
                     else str(item) if kind == "list" or isinstance(item, int)
                     else render(f"{kind}.{item}", self.params, self.lang) for item in items]
            return _joined(words, joiner, self.lang)
        if format_spec.startswith("plural."):
            form = "one" if value == 1 else "other"
            return render(f"{format_spec[7:]}.{form}", self.params, self.lang)
        if format_spec.startswith("note."):
            return _note(str(value), self.params.get(format_spec[5:]), self.lang)
        if format_spec.startswith("reason."):
            family = format_spec[7:]
            if f"{family}.{value}" in CATALOGUE:
                return render(f"{family}.{value}", self.params, self.lang)
            return str(value)
        if format_spec.startswith("none."):
            return render(format_spec[5:], self.params, self.lang) if value is None else str(
                value)
        if value is None:
            return phrase("phrase.value", "empty", self.lang)
        return str(super().format_field(value, format_spec))


def _joined(words: list[str], joiner: str, lang: Lang) -> str:
    """``a, b, c``; with *joiner* ``slash``: ``a / b``; with ``and`` or ``or``: ``a, b and
    c``, in Indonesian ``a, b, dan c`` (a comma before the word in a list of three)."""
    if not joiner or len(words) < 2:
        return ", ".join(words)
    if joiner == "slash":
        return " / ".join(words)
    head = ", ".join(words[:-1]) + ("," if lang == "id" and len(words) > 2 else "")
    return f"{head} {phrase('phrase.join', joiner, lang)} {words[-1]}"


def _note(key: str, params: object, lang: Lang) -> str:
    """The message *key* with *params* on one line; where the catalogue cannot render it (an
    unknown key, a missing parameter: a note of another version), its key and parameters."""
    stated = params if isinstance(params, Mapping) else {}
    try:
        text = render(key, stated, lang)
    except (KeyError, IndexError, ValueError, AttributeError):
        listed = ", ".join(f"{k}={v}" for k, v in stated.items())
        text = f"{key} ({listed})" if listed else key
    return " ".join(text.split())

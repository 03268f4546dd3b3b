"""Numbers written the Indonesian way (``4.847.753.572``, ``72,18 %``) or the English way
(the default language, :func:`~renstra_model.messages.default_lang`, where *lang* is not named), by
Babel's CLDR locale data (the ``locale`` extra), never by hand; and the text of one table cell
and the columns of a tabular form, which every renderer (text, CSV, DataFrame, workbook) shares.

Exact: a Decimal is formatted with the digits it has (``4.091.594.846,5``), or rounded half-up
to a fixed number of places when asked; nothing passes through a float.

>>> from decimal import Decimal
>>> format_number(Decimal("4847753572"), lang="id")
'4.847.753.572'
>>> format_number(Decimal("4091594846.5"), lang="en")
'4,091,594,846.5'
>>> format_percent(Decimal("72.18"), lang="id")
'72,18 %'
>>> format_number(Decimal("-0.2145"), lang="id", places=2)
'-0,21'
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation, getcontext, localcontext
from typing import Final, Literal

from ..calculators.arithmetic import Result, Undefined, present
from ..errors import MissingExtraError
from ..messages import LOCALES, Lang, extend, render, resolve_lang
from ..model.codes import Code
from ..model.values import NIL, Nil, Quantity
from .schema import Cell, Column, Computed, Growth, Kind, Table


def _format_decimal() -> Callable[..., str]:
    try:
        from babel.numbers import format_decimal
    except ImportError:  # pragma: no cover - the extra is installed with the tests
        raise MissingExtraError(
            "formatting numbers needs Babel: pip install 'renstra-model[locale]'"
        ) from None
    return format_decimal


def format_number(
    value: Decimal | int,
    *,
    lang: Lang | None = None,
    places: int | None = None,
    parentheses: bool = False,
) -> str:
    """*value* with the thousands and decimal separators of *lang* (default: the default
    language).

    With *places*, rounded half-up to that many decimals (trailing zeros kept); without, every
    digit of the Decimal is shown and none added. With *parentheses*, a negative number is
    written ``(0,21)`` as T-C.24 prints it.

    >>> format_number(Decimal("-0.21"), lang="id", parentheses=True)
    '(0,21)'
    >>> format_number(Decimal("0.12345678901234567890123456789012345"), lang="en")
    '0.12345678901234567890123456789012345'
    """
    locale = LOCALES[resolve_lang(lang)]
    format_decimal = _format_decimal()
    number = Decimal(value)
    digits = len(number.as_tuple().digits)
    # Babel rounds in the current context: give it room for every digit the value has.
    with localcontext() as context:
        context.prec = max(context.prec, digits + 5)
        if places is None:
            exponent = number.as_tuple().exponent
            shown = max(0, -exponent) if isinstance(exponent, int) else 0
            pattern = "#,##0" + ("." + "0" * shown if shown else "")
        else:
            number = number.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)
            pattern = "#,##0" + ("." + "0" * places if places else "")
        if parentheses and number < 0:
            text = format_decimal(
                -number, format=pattern, locale=locale, decimal_quantization=False
            )
            return f"({text})"
        return format_decimal(
            number, format=pattern, locale=locale, decimal_quantization=False
        )


def format_percent(value: Decimal, *, lang: Lang | None = None, places: int | None = None) -> str:
    """A percentage as Renstra tables print it: ``72,18 %`` (value in percent, numbers the
    *lang* way)."""
    return f"{format_number(value, lang=lang, places=places)} %"


def format_cell(
    value: Decimal | Nil | None, *, lang: Lang | None = None, places: int | None = None
) -> str:
    """A money or number cell: the number, ``-`` for a stated nil, empty for an absent cell."""
    if value is None:
        return ""
    if value is NIL:
        return "-"
    assert isinstance(value, Decimal)
    return format_number(value, lang=lang, places=places)


# -- one cell of a table ----------------------------------------------------------------------

Values = Literal["stated", "computed", "both"]
"""Which figure a computed column shows: the stated, the computed, or both."""

UNDEFINED: Final = "–"
"""What a display format prints for a computed value that cannot be computed."""

COMPUTED_SUFFIX: Final = " (computed)"
"""The heading suffix of the further column ``values="both"`` adds in tabular formats."""

extend(
    {
        "render.missing_extra": {
            "en": "{feature} needs the {extra!r} extra: pip install 'renstra-model[{extra}]'",
            "id": "{feature} memerlukan ekstra {extra!r}: pip install 'renstra-model[{extra}]'",
        },
    }
)


def missing_extra(feature: str, extra: str, lang: Lang | None) -> MissingExtraError:
    """The error of a renderer whose optional *extra* is missing; *feature* is a message key."""
    return MissingExtraError(
        render("render.missing_extra", {"feature": render(feature, {}, lang), "extra": extra}, lang)
    )


def _digits_needed(value: Decimal, places: int | None) -> int:
    """The precision that formatting *value* (to *places*) needs: every digit it shows."""
    decimals = places
    if decimals is None:
        exponent = value.as_tuple().exponent
        decimals = max(0, -exponent) if isinstance(exponent, int) else 0
    return max(getcontext().prec, value.adjusted() + 1 + decimals + 2)


def _format(value: Decimal | int, lang: Lang, places: int | None, percent: bool = False) -> str:
    """:func:`format_number` (or :func:`format_percent`) in a decimal context wide enough for
    every digit of *value*: Babel rounds in the current context, whose 28 digits a valid but
    long number (many decimal places, or a large computed ratio) exceeds."""
    number = Decimal(value)
    with localcontext() as context:
        context.prec = _digits_needed(number, places)
        if percent:
            return format_percent(number, lang=lang, places=places)
        return format_number(number, lang=lang, places=places)


def _number(value: Decimal | int, kind: Kind, lang: Lang, places: int | None) -> str:
    if kind is Kind.PERCENT:
        return _format(value, lang, places, percent=True)
    if kind is Kind.RATE and isinstance(value, Decimal) and value < 0:
        return f"({_format(-value, lang, places)})"
    return _format(value, lang, places)


def quantity_text(
    q: Quantity,
    percent_first: bool,
    number: Callable[[Decimal | int], str],
    percent: Callable[[Decimal], str],
) -> str:
    """*q*'s figures as a table prints them (``25.325 KPM (72,18 %)``, the percentage first
    where *percent_first*), each amount written by *number* and each percentage by *percent*."""
    parts = []
    for figure in q.figures():
        count = "-" if isinstance(figure.amount, Nil) else number(figure.amount)
        if figure.unit:
            count += f" {figure.unit}"
        if figure.percent is None:
            parts.append(count)
        elif percent_first:
            parts.append(f"{percent(figure.percent)} ({count})")
        else:
            parts.append(f"{count} ({percent(figure.percent)})")
    return " ".join(parts)


def _quantity(q: Quantity, percent_first: bool, lang: Lang) -> str:
    return quantity_text(
        q, percent_first,
        lambda amount: _format(amount, lang, None),
        lambda share: _format(share, lang, None, percent=True),
    )


def value_text(value: object, kind: Kind, lang: Lang, places: int | None = None) -> str:
    """The display text of one value of a column of *kind*: numbers the *lang* way (to
    *places*, else with every digit they have), ``-`` for a stated nil, nothing for none,
    :data:`UNDEFINED` for a computed value that cannot be computed.

    >>> value_text(Quantity(Decimal("25325"), "KPM", Decimal("72.18")), Kind.QUANTITY, "id")
    '25.325 KPM (72,18 %)'
    >>> value_text(Decimal("-0.21"), Kind.RATE, "en")
    '(0.21)'
    """
    if value is None:
        return ""
    if value is NIL:
        return "-"
    if isinstance(value, Undefined):
        return UNDEFINED
    if isinstance(value, Quantity):
        return _quantity(value, kind is Kind.PERCENT_QUANTITY, lang)
    if isinstance(value, Code):
        return value.printed()
    if isinstance(value, tuple):
        return "\n".join(f"{n}. {item}" for n, item in enumerate(value, start=1))
    if isinstance(value, bool):  # pragma: no cover - no table holds one
        raise TypeError("a table cell cannot be a bool")
    if isinstance(value, Decimal | int):
        return _number(value, kind, lang, places)
    return str(value)


def _plain_number(value: Decimal | int) -> str:
    return format(value, "f") if isinstance(value, Decimal) else str(value)


def plain_value(value: object, kind: Kind) -> str:
    """The plain text of one value of a column of *kind*, as CSV writes it: numbers plain
    (``4847753572``, ``72.18``), a quantity ``25325 KPM (72.18 %)``, a code as printed, ``-``
    for a stated nil, nothing for none or a value that cannot be computed."""
    if value is None or isinstance(value, Undefined):
        return ""
    if value is NIL:
        return "-"
    if isinstance(value, Quantity):
        return quantity_text(value, kind is Kind.PERCENT_QUANTITY, _plain_number,
                             lambda share: f"{_plain_number(share)} %")
    if isinstance(value, Code):
        return value.printed()
    if isinstance(value, tuple):
        return "\n".join(f"{n}. {item}" for n, item in enumerate(value, start=1))
    if isinstance(value, Decimal | int) and not isinstance(value, bool):
        return _plain_number(value)
    return str(value)


def computed_figure(value: Result) -> Decimal | Undefined:
    """A computed figure as tables show it: rounded half-up to two places."""
    if isinstance(value, Undefined):
        return value
    try:
        rounded = present(value)
    except InvalidOperation:  # too large to round within the calculators' 28 digits
        with localcontext() as context:
            context.prec = _digits_needed(value, 2)
            return value.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    assert rounded is not None
    return rounded


def model_value(cell: Cell, computed: bool, *, rounded: bool = False) -> object:
    """The model's value of *cell*: for a computed column the stated figure, or with
    *computed* the computed one (exact, or *rounded* as tables show it); ``None`` for a
    figure that cannot be computed."""
    if isinstance(cell, Computed | Growth):
        value: object = cell.stated
        if computed:
            value = computed_figure(cell.computed) if rounded else cell.computed
        return None if isinstance(value, Undefined) else value
    return cell


# -- the columns of a tabular form (CSV, DataFrames, workbooks) ------------------------------


def _is_computed(table: Table, index: int) -> bool:
    return any(isinstance(row.cells[index], Computed | Growth) for row in table.rows)


def tabular(table: Table, values: Values) -> list[tuple[Column, int, bool]]:
    """The columns of a tabular form: (column, index, computed figure?), with a further
    computed column after each computed one when *values* is ``"both"``."""
    out: list[tuple[Column, int, bool]] = []
    for i, column in enumerate(table.columns):
        computed = _is_computed(table, i)
        out.append((column, i, computed and values == "computed"))
        if computed and values == "both":
            out.append((column, i, True))
    return out


def column_heading(column: Column, computed: bool, values: Values) -> str:
    """The heading of a column of a tabular form: its title, and :data:`COMPUTED_SUFFIX` for
    the further computed column of ``values="both"``."""
    return column.title + (COMPUTED_SUFFIX if computed and values == "both" else "")

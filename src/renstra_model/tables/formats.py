"""Numbers written the Indonesian way (``4.847.753.572``, ``72,18 %``) or the English way, by
Babel's CLDR locale data (the ``locale`` extra), never by hand.

Exact: a Decimal is formatted with the digits it has (``4.091.594.846,5``), or rounded half-up
to a fixed number of places when asked; nothing passes through a float.

>>> from decimal import Decimal
>>> format_number(Decimal("4847753572"))
'4.847.753.572'
>>> format_number(Decimal("4091594846.5"), lang="en")
'4,091,594,846.5'
>>> format_percent(Decimal("72.18"))
'72,18 %'
>>> format_number(Decimal("-0.2145"), places=2)
'-0,21'
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import ROUND_HALF_UP, Decimal, localcontext

from ..errors import MissingExtraError
from ..messages import DEFAULT_LANG, LOCALES, Lang
from ..model.values import NIL, Nil


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
    lang: Lang = "id",
    places: int | None = None,
    parentheses: bool = False,
) -> str:
    """*value* with the thousands and decimal separators of *lang*.

    With *places*, rounded half-up to that many decimals (trailing zeros kept); without, every
    digit of the Decimal is shown and none added. With *parentheses*, a negative number is
    written ``(0,21)`` as T-C.24 prints it.

    >>> format_number(Decimal("-0.21"), parentheses=True)
    '(0,21)'
    >>> format_number(Decimal("0.12345678901234567890123456789012345"), lang="en")
    '0.12345678901234567890123456789012345'
    """
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
                -number, format=pattern, locale=LOCALES[lang], decimal_quantization=False
            )
            return f"({text})"
        return format_decimal(
            number, format=pattern, locale=LOCALES[lang], decimal_quantization=False
        )


def format_percent(value: Decimal, *, lang: Lang = "id", places: int | None = None) -> str:
    """A percentage as Renstra tables print it: ``72,18 %`` (value in percent)."""
    return f"{format_number(value, lang=lang, places=places)} %"


def format_cell(
    value: Decimal | Nil | None, *, lang: Lang = DEFAULT_LANG, places: int | None = None
) -> str:
    """A money or number cell: the number, ``-`` for a stated nil, empty for an absent cell."""
    if value is None:
        return ""
    if value is NIL:
        return "-"
    assert isinstance(value, Decimal)
    return format_number(value, lang=lang, places=places)

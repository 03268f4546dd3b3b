"""One default language for the library and the command line: English, unless ``RENSTRA_LANG``
names ``id`` or ``en``, read when a message is rendered; any other value warns once, naming the
variable and the languages, and is ignored; ``--lang`` (or a ``lang`` argument) wins."""

from __future__ import annotations

import warnings
from decimal import Decimal

import pytest

from renstra_model import messages
from renstra_model.cli import EXIT_FINDINGS, main
from renstra_model.errors import InvalidPlanError, Problem, UnknownRuleError
from renstra_model.examples import ttu_dinsos
from renstra_model.messages import LangWarning, default_lang, invalid_lang, render
from renstra_model.tables import build, format_number
from renstra_model.tables.render import cell_text, render_table, to_text
from renstra_model.tables.schema import Column, Kind

PROBLEM = Problem("total_budget.planned[2022]", "money.negative", {"value": "-5"})
EN = "money must not be negative (-5) @ total_budget.planned[2022]"
ID = "nilai uang tidak boleh negatif (-5) @ total_budget.planned[2022]"


@pytest.fixture(autouse=True)
def _fresh(monkeypatch: pytest.MonkeyPatch) -> None:
    """No RENSTRA_LANG, and no value warned about yet."""
    monkeypatch.delenv("RENSTRA_LANG", raising=False)
    monkeypatch.setattr(messages, "_WARNED", set())


@pytest.mark.parametrize(("value", "lang"), [(None, "en"), ("en", "en"), ("id", "id")])
def test_the_default_is_english_unless_the_variable_names_a_language(
    monkeypatch: pytest.MonkeyPatch, value: str | None, lang: str
) -> None:
    if value is not None:
        monkeypatch.setenv("RENSTRA_LANG", value)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert default_lang() == lang


def test_the_variable_is_read_when_a_message_is_rendered(monkeypatch: pytest.MonkeyPatch) -> None:
    error = InvalidPlanError([PROBLEM])
    assert (PROBLEM.describe(), str(error), error.describe()) == (EN, EN, EN)
    monkeypatch.setenv("RENSTRA_LANG", "id")
    assert (PROBLEM.describe(), str(error), error.describe()) == (ID, ID, ID)
    assert PROBLEM.message() == "nilai uang tidak boleh negatif (-5)"
    assert (PROBLEM.describe("en"), error.describe("en")) == (EN, EN)  # a named language wins
    assert render("money.negative", {"value": 1}) == "nilai uang tidak boleh negatif (1)"
    unknown = UnknownRuleError(pattern="RS999")
    assert str(unknown) == ("'RS999' tidak cocok dengan id, awalan, atau keluarga aturan mana "
                            "pun (lihat 'renstra rules')")
    monkeypatch.delenv("RENSTRA_LANG")
    assert str(unknown) == "'RS999' matches no rule id, prefix or family (see 'renstra rules')"


def test_an_invalid_value_warns_once_naming_the_variable_and_the_languages(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("RENSTRA_LANG", "fr")
    with pytest.warns(LangWarning) as caught:
        assert default_lang() == "en"
    assert [str(w.message) for w in caught] == [invalid_lang("fr")]
    assert invalid_lang("fr") == (
        "RENSTRA_LANG='fr' is not a language of the messages (id, en): they are in English / "
        "RENSTRA_LANG='fr' bukan bahasa pesan (id, en): pesan ditulis dalam bahasa Inggris")
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert PROBLEM.describe() == EN  # said once: not again
    monkeypatch.setenv("RENSTRA_LANG", "")  # empty: as if unset, no warning
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert default_lang() == "en"


def test_tables_render_in_the_default_language(monkeypatch: pytest.MonkeyPatch) -> None:
    table = build(ttu_dinsos(), "T-C.24").subset(range(1), ["planned_2023"])
    column = Column("x", "X", Kind.MONEY)
    english = to_text(table)
    assert english.splitlines()[-1].strip() == "4,091,594,846.5"
    assert (format_number(Decimal("1234.5")), cell_text(Decimal("1234.5"), column)) == (
        "1,234.5", "1,234.5")
    assert render_table(table, "markdown").splitlines()[-1] == "| 4,091,594,846.5 |"
    monkeypatch.setenv("RENSTRA_LANG", "id")
    assert to_text(table).splitlines()[-1].strip() == "4.091.594.846,5"
    assert (format_number(Decimal("1234.5")), cell_text(Decimal("1234.5"), column)) == (
        "1.234,5", "1.234,5")
    assert to_text(table, lang="en") == english  # a named language wins


def test_the_command_line_speaks_the_default_language(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    args = ["check", "ttu-dinsos", "--select", "RS301", "--fail-on", "info"]
    english = ("ttu-dinsos: T-C.24 1.06.01.2.06.0004 2023: RS301 [warning whole-rupiah] "
               "67668207.5 is not a whole rupiah amount")
    assert main(args) == EXIT_FINDINGS
    assert capsys.readouterr().out.splitlines()[0] == english
    monkeypatch.setenv("RENSTRA_LANG", "id")
    assert main(args) == EXIT_FINDINGS
    indonesian = capsys.readouterr().out.splitlines()
    assert indonesian[0].startswith("ttu-dinsos: T-C.24 1.06.01.2.06.0004 2023: RS301 [")
    assert "bukan jumlah rupiah utuh" in indonesian[0]
    assert main([*args, "--lang", "en"]) == EXIT_FINDINGS  # --lang wins
    assert capsys.readouterr().out.splitlines()[0] == english


def test_the_command_line_says_an_invalid_value_once_without_a_traceback(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("RENSTRA_LANG", "fr")
    assert main(["check", "ttu-dinsos", "--select", "RS301", "--fail-on", "info"]) == (
        EXIT_FINDINGS)
    captured = capsys.readouterr()
    assert captured.err.splitlines() == [f"renstra: {invalid_lang('fr')}"]
    assert "is not a whole rupiah amount" in captured.out


def test_findings_severities_and_reasons_speak_the_default_language(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from renstra_model.calculators import Reason, Undefined
    from renstra_model.checks import check
    from renstra_model.checks.findings import Severity

    finding = check(ttu_dinsos(), select=["RS341"])[0]
    undefined = Undefined(Reason.ZERO_BASE, 2023)
    english = (finding.message(), Severity.ERROR.label(), undefined.message(),
               finding.to_dict()["message"])
    assert english == (finding.message("en"), "error", undefined.message("en"),
                       finding.message("en"))
    monkeypatch.setenv("RENSTRA_LANG", "id")
    assert (finding.message(), Severity.ERROR.label(), undefined.message(),
            finding.to_dict()["message"]) == (finding.message("id"), "galat",
                                              undefined.message("id"), finding.message("id"))
    assert finding.message("id") != finding.message("en")

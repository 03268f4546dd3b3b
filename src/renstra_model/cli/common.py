"""What the subcommands share: the exit statuses, the language of a run, the options of
reading an input (``add_reading_arguments``, :func:`reading_options`), opening plans
(:func:`open_plans`: a plan file, a workbook, any format :mod:`renstra_model.io.inputs` reads,
or a shipped example), and the one error path (:func:`command`).

Exit status: 0 when no finding reaches the ``--fail-on`` severity; 1 when one does; 2 when an
input is unusable (its problems are printed with their paths).
"""

from __future__ import annotations

import argparse
import functools
import os
import sys
import warnings
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Final, TypeAlias

from ..errors import InvalidPlanError, PlanFileError, Problem, RenstraError
from ..messages import LANG_VARIABLE, LANGS, Lang, LangWarning, extend, render
from ..messages import default_lang as library_default_lang

if TYPE_CHECKING:
    from ..checks.findings import Finding
    from ..io.inputs import Loaded, ReadOptions
    from ..model.nomenclature import Nomenclature
    from ..model.plan import Plan

extend({
    "cli_common.several_plans": {
        "en": "{file} holds {count} plans: this command takes one",
        "id": "{file} memuat {count} rencana: perintah ini menerima satu",
    },
    "cli_common.reading_notes": {
        "en": "{plan}: the plan keeps notes of its reading ({count}: cells not read, or read "
              "with a remark): renstra check lists them",
        "id": "{plan}: rencana menyimpan catatan pembacaannya ({count}: sel yang tidak dibaca, "
              "atau dibaca dengan catatan): renstra check mencantumkannya",
    },
    "cli_common.skipped": {"en": "{path}: skipped: {why}", "id": "{path}: dilewati: {why}"},
    "cli_common.findings": {
        "en": "{count} findings ({errors} errors, {warnings} warnings, {info} info)",
        "id": "{count} temuan ({errors} galat, {warnings} peringatan, {info} info)",
    },
    "cli_common.unwritable": {
        "en": "cannot write {file}: {why}",
        "id": "tidak dapat menulis {file}: {why}",
    },
})

READING: Final = (
    "A plan file (.json) is read whole. A workbook (.xlsx, .xlsm) is read from its T-C.27 "
    "or flat program and kegiatan sheet: programs and kegiatan it states no row of (a sheet "
    "of sub kegiatan only) are derived from the codes and named from the sheet's name column "
    "of their level, else from --nomenclature, else left unnamed; the title, Perangkat Daerah "
    "and region are read from the title line or the label rows above the header (or given "
    "below), else recorded as not stated, which the check reports: a workbook is never "
    "refused for them; a cell that cannot be read is left out of the plan and recorded in it, "
    "with its content, and the check's import rules (RS001-RS004) report it. A SIPD export "
    "(.csv or .tsv, one row per sub kegiatan indicator; or SIPD-RI's JSON answer, an object "
    "with a data list) is read as one plan per Perangkat Daerah (kodepemda, kodeskpd), named "
    "by uraiskpd and namapemda, its period from idperiode: programs and kegiatan are derived "
    "from the codes (no pagu of their own, RS004), a sub kegiatan stated in several rows keeps "
    "each row's indicator and pagu and sums the pagu, and a value that cannot be read (money "
    "of more than two decimals, a column beyond the period, a code that does not extend its "
    "parent's, a row without kodeskpd) is recorded in its plan like a cell of a workbook; "
    "the encoding (UTF-8 with or without a BOM, else Windows-1252) and the delimiter (, ; or "
    "tab, from the header) are detected, and a file that does not settle them asks for "
    "--encoding or --delimiter. --title, --organisation, --region, --sheet and --start-year "
    "concern workbooks only."
)
"""What the reading options' group says in ``--help``: what is read, and what is derived."""

EXIT_OK: Final = 0
EXIT_FINDINGS: Final = 1
EXIT_INPUT: Final = 2

Handler: TypeAlias = Callable[[argparse.Namespace], int]
"""A subcommand: a function of the parsed arguments returning the exit status."""


def default_lang(fallback: Lang | None = None) -> Lang:
    """The language of a run whose ``--lang`` names none: the library's one default
    (:func:`renstra_model.messages.default_lang`: ``RENSTRA_LANG``, else English), or
    *fallback* where ``RENSTRA_LANG`` names no language. A value of ``RENSTRA_LANG`` that is no
    language is said on stderr, once, in both languages, and ignored."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", LangWarning)
        lang = library_default_lang()
    for warning in caught:
        print(f"renstra: {warning.message}", file=sys.stderr)
    if fallback is not None and os.environ.get(LANG_VARIABLE) not in LANGS:
        return fallback
    return lang


COLOURS: Final = {"error": "\x1b[31m", "warning": "\x1b[33m", "info": "\x1b[36m"}
"""The ANSI colour of each severity in text: red, yellow, cyan."""
_RESET: Final = "\x1b[0m"


def finding_line(finding: Finding, lang: Lang, *, name: str | None = None,
                 colour: bool = False, show_path: bool = False) -> str:
    """*finding* as one line of text: ``[name: ]where: rule [severity family] message``,
    the severity coloured with *colour*, the path in brackets with *show_path*."""
    where = finding.location.describe()
    severity = finding.severity.label(lang)
    if colour:
        severity = f"{COLOURS[finding.severity.value]}{severity}{_RESET}"
    path = finding.location.path
    return (
        f"{name + ': ' if name is not None else ''}{where + ': ' if where else ''}"
        f"{finding.rule} [{severity} {finding.family}] {finding.message(lang)}"
        f"{f' [{path}]' if show_path and path else ''}"
    )


def totals_line(findings: Sequence[Finding], lang: Lang, *, name: str | None = None) -> str:
    """The number of *findings* of each severity, in *lang*: of the plan *name*, or of an
    evaluation where None."""
    from ..checks.findings import Severity, severity_counts

    counts = severity_counts(findings)
    values = {"count": len(findings), "errors": counts[Severity.ERROR],
              "warnings": counts[Severity.WARNING], "info": counts[Severity.INFO]}
    if name is None:
        return render("cli_common.findings", values, lang)
    return render("cli.totals", {"plan": name, **values}, lang)


def write_output(text: str, output: str | None, lang: Lang) -> int:
    """Print *text*, or with *output* write it to that file, atomically; ``EXIT_OK``, or
    ``EXIT_INPUT`` when the file cannot be written (:func:`unwritable`)."""
    if output is None:
        sys.stdout.write(text)
        return EXIT_OK
    from ..files import write_text_atomic

    try:
        write_text_atomic(output, text)
    except OSError as exc:
        return unwritable(output, exc, lang)
    return EXIT_OK


def unwritable(file: str, exc: OSError, lang: Lang) -> int:
    """Say on stderr, in *lang*, that *file* cannot be written and the system's reason;
    ``EXIT_INPUT``."""
    why = exc.strerror or str(exc)
    print(render("cli_common.unwritable", {"file": file, "why": why}, lang), file=sys.stderr)
    return EXIT_INPUT


def describe_error(error: RenstraError, lang: Lang) -> str:
    """*error* as the command line prints it: every problem of an invalid plan, in *lang*."""
    return error.describe(lang) if isinstance(error, InvalidPlanError) else str(error)


def command(handler: Handler) -> Handler:
    """*handler* with the command line's one error path: a RenstraError it raises is printed
    on stderr (:func:`describe_error`) in the language of the run, and the exit status is
    ``EXIT_INPUT``. That language is ``args.lang``, else :func:`default_lang`; a handler
    that chooses it otherwise (from a settings file) stores its choice in ``args.lang``."""

    @functools.wraps(handler)
    def run(args: argparse.Namespace) -> int:
        try:
            return handler(args)
        except RenstraError as exc:
            lang: Lang = getattr(args, "lang", None) or default_lang()
            print(describe_error(exc, lang), file=sys.stderr)
            return EXIT_INPUT

    return run


def add_reading_arguments(parser: argparse.ArgumentParser, *, checks: bool = False) -> None:
    """The options of reading an input, as ``renstra import``, ``check``, ``summary`` and
    ``table`` take them (:func:`reading_options` makes them a
    :class:`~renstra_model.io.inputs.ReadOptions`). With *checks*, ``--nomenclature`` is the
    checks' too."""
    group = parser.add_argument_group("reading", READING)
    group.add_argument(
        "--start-year", type=int, default=None, metavar="YEAR",
        help="the first plan year (TAHUN 1), e.g. 2022 for a Renstra 2021-2026 whose baseline "
        "is 2021; needed when a sheet numbers its years instead of naming them, and the "
        "year of a one-year sheet whose money column names none (JUMLAH PAGU)",
    )
    group.add_argument("--sheet", default=None, metavar="NAME",
                       help="the sheet to read (default: the one named like T-C.27, else the "
                       "first with the header)")
    group.add_argument("--title", default=None,
                       help="the plan's title (default: as the sheet states it)")
    group.add_argument("--organisation", default=None, metavar="NAME",
                       help="the Perangkat Daerah (default: the sheet's title line or its "
                       "'Perangkat Daerah' row)")
    group.add_argument("--region", default=None, metavar="NAME",
                       help="the Kabupaten/Kota (default: the sheet's title line or its "
                       "'Pemerintah Daerah' row)")
    group.add_argument(
        "--number-style", choices=("auto", "id", "en"), default=None,
        help="how text cells write numbers: id (1.234,5), en (1,234.5) or auto (default: as "
        "the sheet states it, else auto)",
    )
    uses = ("the checks compare codes and names with it, and it names" if checks
            else "it names")
    group.add_argument(
        "--nomenclature", default=None, metavar="FILE",
        help=f"the national code nomenclature (CSV, or the decree's spreadsheet layout): {uses} "
        "the programs and kegiatan a workbook derives from its codes but does not name",
    )
    group.add_argument(
        "--delimiter", type=_delimiter, default=None, metavar="CHAR",
        help="the delimiter of a CSV export: ',', ';' or tab (default: the one that splits "
        "the header into the export's columns)",
    )
    group.add_argument(
        "--encoding", type=_encoding, default=None, metavar="NAME",
        help="the encoding of a CSV export, e.g. utf-8, cp1252 (default: as its byte order "
        "mark says, else UTF-8, else Windows-1252)",
    )


def _delimiter(value: str) -> str:
    from ..io.sipd import SipdError
    from ..io.sipd.dialect import check_delimiter

    try:
        return check_delimiter(value)
    except SipdError as exc:
        raise argparse.ArgumentTypeError(exc.problems[0].message("en")) from None


def _encoding(value: str) -> str:
    from ..io.sipd import SipdError
    from ..io.sipd.dialect import check_encoding

    try:
        return check_encoding(value)
    except SipdError as exc:
        raise argparse.ArgumentTypeError(exc.problems[0].message("en")) from None


def reading_options(
    args: argparse.Namespace, nomenclature: Nomenclature | None = None
) -> ReadOptions:
    """The reading options of the parsed *args* (``add_reading_arguments``), with
    *nomenclature*, else the one ``--nomenclature`` names, loaded."""
    from ..io.inputs import ReadOptions

    if nomenclature is None and getattr(args, "nomenclature", None):
        from ..io.nomenclature import load_nomenclature

        nomenclature = load_nomenclature(Path(args.nomenclature))
    return ReadOptions(
        start_year=args.start_year, sheet=args.sheet, title=args.title,
        organisation=args.organisation, region=args.region, style=args.number_style,
        nomenclature=nomenclature, strict=getattr(args, "strict", False),
        delimiter=getattr(args, "delimiter", None), encoding=getattr(args, "encoding", None),
    )


def open_plans(spec: str, options: ReadOptions | None = None) -> list[Loaded]:
    """The plans of *spec*, each with its name: a file in any format
    :func:`renstra_model.io.inputs.read_plans` reads (with *options*), or the name of a shipped
    example. A module's function, so that ``functools.partial(open_plans, options=...)`` is
    the picklable *load* of :func:`renstra_model.checks.batch.check_many`."""
    from ..examples import EXAMPLES, load_example
    from ..io.inputs import Loaded, read_plans

    if Path(spec).exists():
        return read_plans(spec, options)
    if spec in EXAMPLES:
        return [Loaded(spec, load_example(spec))]
    raise PlanFileError(
        [Problem("", "cli.plan_missing", {"plan": spec, "known": ", ".join(sorted(EXAMPLES))})]
    )


def open_plan(spec: str, options: ReadOptions | None = None) -> Plan:
    """The one plan of *spec* (:func:`open_plans`); a file holding several is refused."""
    loaded = open_plans(spec, options)
    if len(loaded) != 1:
        raise PlanFileError(
            [Problem("", "cli_common.several_plans", {"file": spec, "count": len(loaded)})]
        )
    return loaded[0].plan


def warn_reading_notes(loaded: Sequence[Loaded], lang: Lang) -> None:
    """Say on stderr, for each plan whose reading left notes, how many (``renstra check``
    lists them)."""
    for item in loaded:
        if item.plan.reading:
            print(render("cli_common.reading_notes",
                         {"plan": item.name, "count": len(item.plan.reading)}, lang),
                  file=sys.stderr)


def scan_inputs(specs: Sequence[str], lang: Lang) -> list[str]:
    """The files of *specs*, a directory as the files below it that a format reads
    (:func:`renstra_model.io.inputs.scan`), saying on stderr, a line each, which entries below
    a directory are skipped and why; those skipped deliberately (lock files, hidden entries,
    files of other types, CSV files that are no export) are not said."""
    from ..io.inputs import scan

    found = scan(specs)
    for entry in found.skipped:
        if not entry.deliberate:
            print(render("cli_common.skipped", {"path": entry.path, "why": entry.message(lang)},
                         lang), file=sys.stderr)
    return list(found.files)

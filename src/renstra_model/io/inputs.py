"""Whatever the user has, read into plans: one entry point, :func:`read_plans`, over a registry
of input formats (:class:`InputFormat`: the plan file, ``.json``, the workbook, ``.xlsx``,
``.xlsm``, and the SIPD export, ``.csv``, ``.tsv``, or a ``.json`` that is SIPD-RI's answer;
another plugs in with :func:`register`), and :func:`scan`, which turns a directory into the
files below it that a format reads and the entries it skips, each with the reason
(:func:`expand`: the files alone). A file may hold several plans (:func:`name_plans`).

A file is read by the format of its suffix (in any case), unless its first bytes are another
format's (a workbook, ``PK\\x03\\x04``, named ``.json``; a plan file named ``.xlsx``). A file of
a type no format reads is refused with an :class:`UnsupportedFormatError` that names the type
and what to do, never with the error of a reader that did not understand it.

>>> import tempfile
>>> from pathlib import Path
>>> folder = Path(tempfile.mkdtemp())
>>> (folder / "rencana.xls").write_bytes(b"\\xd0\\xcf\\x11\\xe0")
4
>>> try:
...     read_plans(folder / "rencana.xls")
... except UnsupportedFormatError as exc:
...     print(exc.problems[0].message("en"))
...     print(exc.problems[0].message("id"))
an .xls file (the old Excel format): save it as .xlsx
berkas .xls (format Excel lama): simpan sebagai .xlsx
"""

from __future__ import annotations

import contextlib
import os
import stat
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Final, TypeAlias

from attrs import field, frozen

from ..errors import PlanFileError, Problem
from ..messages import Lang, extend, render
from ..model.nomenclature import Nomenclature
from ..model.plan import Plan

if TYPE_CHECKING:
    from .parsing import Style
    from .sipd import SipdExport

_READ_FROM = {
    "en": "a plan is read from its workbook (.xlsx) or its plan file (.json), not from",
    "id": "rencana dibaca dari buku kerjanya (.xlsx) atau berkas rencananya (.json), bukan dari",
}
extend({
    "inputs.xls": {"en": "an .xls file (the old Excel format): save it as .xlsx",
                   "id": "berkas .xls (format Excel lama): simpan sebagai .xlsx"},
    "inputs.xlsb": {"en": "an .xlsb file (the binary Excel format): save it as .xlsx",
                    "id": "berkas .xlsb (format Excel biner): simpan sebagai .xlsx"},
    "inputs.ods": {"en": "an .ods file (an OpenDocument spreadsheet): save it as .xlsx",
                   "id": "berkas .ods (lembar kerja OpenDocument): simpan sebagai .xlsx"},
    "inputs.numbers": {"en": "a .numbers file (an Apple Numbers spreadsheet): export it as .xlsx",
                       "id": "berkas .numbers (lembar kerja Apple Numbers): ekspor sebagai .xlsx"},
    "inputs.pdf": {"en": f"a PDF document: {_READ_FROM['en']} the printed document",
                   "id": f"dokumen PDF: {_READ_FROM['id']} dokumen cetaknya"},
    "inputs.word": {"en": f"a Word document: {_READ_FROM['en']} the document's text",
                    "id": f"dokumen Word: {_READ_FROM['id']} teks dokumennya"},
    "inputs.old_office": {
        "en": "a file of the old Office formats (.xls, .doc), whatever its name says: open it "
              "and save it as .xlsx",
        "id": "berkas format Office lama (.xls, .doc), apa pun kata namanya: buka dan simpan "
              "sebagai .xlsx",
    },
    "inputs.unknown": {"en": "files ending {suffix} are not read (the formats read: {formats})",
                       "id": "berkas berakhiran {suffix} tidak dibaca (format yang dibaca: "
                             "{formats})"},
    "inputs.no_suffix": {"en": "the name states no file type (the formats read: {formats})",
                         "id": "nama berkas tidak menyebut jenisnya (format yang dibaca: "
                               "{formats})"},
    "inputs.binary": {"en": "binary content of none of the formats read ({formats})",
                      "id": "isi biner yang bukan salah satu format yang dibaca ({formats})"},
    "inputs.directory": {
        "en": "a directory: give one of its files (renstra check reads a whole directory)",
        "id": "sebuah direktori: berikan salah satu berkasnya (renstra check membaca seluruh "
              "direktori)",
    },
    "inputs.empty": {"en": "the file holds no plan", "id": "berkas tidak memuat rencana"},
    "scan.dangling": {"en": "a link to nothing ({why})",
                      "id": "tautan ke sesuatu yang tidak ada ({why})"},
    "scan.special": {"en": "not a regular file (a device, a pipe or a socket)",
                     "id": "bukan berkas biasa (perangkat, pipa, atau soket)"},
    "scan.directory_link": {
        "en": "a link to a directory ({why}), not followed: name the directory itself",
        "id": "tautan ke direktori ({why}), tidak diikuti: sebutkan direktori itu sendiri",
    },
    "scan.named_like_file": {
        "en": "a directory, though named like a {why} file: the files in it are read",
        "id": "sebuah direktori, walau bernama seperti berkas {why}: berkas di dalamnya yang "
              "dibaca",
    },
    "scan.unreadable": {"en": "cannot be read ({why})", "id": "tidak dapat dibaca ({why})"},
    "scan.hidden": {"en": "hidden", "id": "tersembunyi"},
    "scan.lock": {"en": "the lock file of a document open in Office",
                  "id": "berkas kunci dokumen yang sedang dibuka di Office"},
    "scan.no_suffix": {"en": "the name states no file type",
                       "id": "nama berkas tidak menyebut jenisnya"},
    "scan.other_type": {"en": "files ending {why} are not read",
                        "id": "berkas berakhiran {why} tidak dibaca"},
    "scan.not_sniffed": {
        "en": "a {why} file whose content is of no format read (a SIPD export's first line "
              "names kodepemda)",
        "id": "berkas {why} yang isinya bukan format yang dibaca (baris pertama ekspor SIPD "
              "menyebut kodepemda)",
    },
})


class UnsupportedFormatError(PlanFileError):
    """A file no registered format reads: its type (by its name or by its content) is named,
    with what to do, in the problem's message."""


@frozen
class ReadOptions:
    """How :func:`read_plans` reads a file: the options of ``renstra import``, passed to every
    reader (a reader uses those that concern its format). Frozen and picklable: a worker
    process of :func:`renstra_model.checks.batch.check_many` reads its files with them."""

    start_year: int | None = None
    """The first plan year, where the source numbers its years (``TAHUN 1``)."""
    sheet: str | None = None
    """The sheet of a workbook to read (default: the one named like T-C.27)."""
    title: str | None = None
    """The plan's title, over what the source states."""
    organisation: str | None = None
    """The Perangkat Daerah, over what the source states."""
    region: str | None = None
    """The Kabupaten/Kota, over what the source states."""
    style: Style | None = None
    """How text cells write numbers (``"auto"``, ``"id"``, ``"en"``; default: as the source
    states it, else auto)."""
    nomenclature: Nomenclature | None = None
    """The national nomenclature, which names the parents the source derives from codes but
    does not name."""
    strict: bool = False
    """Refuse a file with content that cannot be read, instead of recording it in the plan
    (:attr:`Plan.reading <renstra_model.Plan.reading>`)."""
    delimiter: str | None = None
    """The delimiter of a CSV export (``,``, ``;``, ``tab``), where its header does not settle
    it."""
    encoding: str | None = None
    """The encoding of a CSV export (``utf-8``, ``cp1252``…), where its bytes do not settle
    it."""


@frozen
class Loaded:
    """One plan read from a file, with the name that tells it apart in output: the path of a
    file holding one plan; for a file holding several, ``path [region / agency]``
    (:func:`name_plans`), unique within the file."""

    name: str
    plan: Plan


Reader: TypeAlias = Callable[[Path, ReadOptions], Sequence[Loaded]]
"""A format's reader: the plans of the file at the path, each named (:func:`name_plans`). It
raises a :class:`~renstra_model.errors.RenstraError` for a file it cannot read."""


def _suffixes(values: Iterable[str]) -> tuple[str, ...]:
    result = tuple(v.lower() for v in values)
    for suffix in result:
        if not suffix.startswith(".") or len(suffix) < 2:
            raise ValueError(f"a suffix starts with a dot and names a type: {suffix!r}")
    return result


@frozen
class InputFormat:
    """A format :func:`read_plans` reads: its *name*, the *suffixes* of its files (``.json``;
    matched without regard to case), its *read*\\ er, and optionally *sniff*, which tells from
    a file's first :data:`HEAD_BYTES` bytes whether they are of this format, so that a file
    whose suffix lies is read by its content. With *sniffed*, a file of its suffixes that
    :func:`expand` finds in a directory is taken only where *sniff* says it is of the format
    (a directory of plans may hold CSV files that are no export, such as a nomenclature); a
    file named on its own is read as its suffix says."""

    name: str
    suffixes: tuple[str, ...] = field(converter=_suffixes)
    read: Reader
    sniff: Callable[[bytes], bool] | None = None
    sniffed: bool = False


HEAD_BYTES: Final = 512
"""How many bytes from the start of a file the formats' *sniff* see."""

_FORMATS: dict[str, InputFormat] = {}


def register(fmt: InputFormat) -> None:
    """Add *fmt* to the formats :func:`read_plans` and :func:`expand` know. ValueError when its
    name or one of its suffixes is taken. Register at import of the reader's module, so that
    the worker processes of ``renstra check --jobs`` know it too."""
    if fmt.name in _FORMATS:
        raise ValueError(f"an input format named {fmt.name!r} is registered already")
    taken = {s: f.name for f in _FORMATS.values() for s in f.suffixes}
    for suffix in fmt.suffixes:
        if suffix in taken:
            raise ValueError(f"{suffix} is read by the input format {taken[suffix]!r} already")
    _FORMATS[fmt.name] = fmt


def unregister(name: str) -> InputFormat:
    """Remove the format *name* and return it; KeyError when none has that name."""
    return _FORMATS.pop(name)


@contextlib.contextmanager
def registered(fmt: InputFormat) -> Iterator[InputFormat]:
    """*fmt* registered for the block (:func:`register`), unregistered when it ends."""
    register(fmt)
    try:
        yield fmt
    finally:
        unregister(fmt.name)


def formats() -> tuple[InputFormat, ...]:
    """The registered formats, in the order of their registration."""
    return tuple(_FORMATS.values())


def suffixes() -> tuple[str, ...]:
    """Every suffix a registered format reads, in the order of the formats."""
    return tuple(s for f in _FORMATS.values() for s in f.suffixes)


# -- types no format reads -------------------------------------------------------------------

_REFUSED: Final[Mapping[str, str]] = {
    ".xls": "inputs.xls", ".xlt": "inputs.xls", ".xlsb": "inputs.xlsb", ".ods": "inputs.ods",
    ".numbers": "inputs.numbers", ".pdf": "inputs.pdf", ".docx": "inputs.word",
    ".doc": "inputs.word", ".odt": "inputs.word", ".rtf": "inputs.word",
}
"""The message of each file type that people have and no format reads, by suffix."""

_OLE2: Final = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_CONTROL: Final = frozenset(range(32)) - {9, 10, 13}
"""The bytes no text of a format read holds (JSON allows tab, line feed, carriage return)."""


def _content_refusal(head: bytes) -> str | None:
    """The message of content no format reads, from a file's first bytes; None when they are
    not recognised as such (and are text)."""
    if head.startswith(b"%PDF-"):
        return "inputs.pdf"
    if head.startswith(_OLE2[:4]):
        return "inputs.old_office"
    if head.startswith(b"PK\x03\x04") and b"opendocument.spreadsheet" in head:
        return "inputs.ods"
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return None  # UTF-16 text: the reader says it is not UTF-8
    if any(byte in _CONTROL for byte in head):
        return "inputs.binary"
    return None


def _refuse(name: str, key: str, **params: object) -> UnsupportedFormatError:
    listed = ", ".join(suffixes()) or "-"
    return UnsupportedFormatError([Problem("", key, {"formats": listed, **params})], name)


def input_format(path: str | os.PathLike[str]) -> InputFormat:
    """The format :func:`read_plans` reads the file at *path* with: the one of its suffix,
    unless the file's first bytes are another format's (its ``sniff``).

    :class:`UnsupportedFormatError` names a type no format reads, by the suffix (``.xls``,
    ``.ods``, ``.numbers``, ``.pdf``, ``.docx``, any other suffix) or, for a registered
    suffix, by content that is none of the formats' (a PDF, an old Office file, binary
    data); a missing file is a
    :class:`~renstra_model.errors.PlanFileError`.
    """
    file = Path(path)
    name = os.fspath(path)
    if file.is_dir():
        raise _refuse(name, "inputs.directory")
    if not file.exists():
        raise PlanFileError([Problem("", "file.missing", {"file": name})], name)
    suffix = file.suffix.lower()
    by_suffix = next((f for f in _FORMATS.values() if suffix in f.suffixes), None)
    if by_suffix is None:
        if suffix in _REFUSED:
            raise _refuse(name, _REFUSED[suffix])
        if not suffix:
            raise _refuse(name, "inputs.no_suffix")
        raise _refuse(name, "inputs.unknown", suffix=suffix)
    head = _head(file)
    if head is None or by_suffix.sniff is None or by_suffix.sniff(head):
        return by_suffix
    by_content = next((f for f in _FORMATS.values() if f.sniff is not None and f.sniff(head)),
                      None)
    if by_content is not None:
        return by_content
    refusal = _content_refusal(head)
    if refusal is not None:
        raise _refuse(name, refusal)
    return by_suffix  # text its reader explains


def _head(file: Path) -> bytes | None:
    try:
        with file.open("rb") as handle:
            return handle.read(HEAD_BYTES)
    except OSError:  # the reader reports it, as it reports every unreadable file
        return None


def read_plans(path: str | os.PathLike[str], options: ReadOptions | None = None) -> list[Loaded]:
    """The plans of the file at *path*, read by its format (:func:`input_format`) with
    *options*, in the order of the file; at least one.

    A file holding one plan names it by *path* as given; the plans of a file holding several
    are named by their reader (:func:`name_plans`), made unique within the file here. Raises
    a :class:`~renstra_model.errors.RenstraError`: :class:`UnsupportedFormatError` for a type
    no format reads, the reader's error for a file it cannot read.
    """
    fmt = input_format(path)
    loaded = list(fmt.read(Path(path), options or ReadOptions()))
    name = os.fspath(path)
    if not loaded:
        raise PlanFileError([Problem("", "inputs.empty", {})], name)
    if len(loaded) == 1:
        return [Loaded(name, loaded[0].plan)]
    names = _unique([item.name for item in loaded], _numbered_inside)
    return [Loaded(n, item.plan) for n, item in zip(names, loaded, strict=True)]


def name_plans(
    path: str | os.PathLike[str],
    plans: Sequence[Plan],
    *,
    codes: Sequence[tuple[str | None, str | None]] | None = None,
) -> list[Loaded]:
    """*plans*, read from the file at *path*, each with its name: *path* alone for one plan;
    for several, ``path [region / agency]`` from the plan's organisation (the part it states;
    its title where it states neither; its place in the file where it has none), with the
    place in the file (``#2``) added to a name that two plans share. *codes*, where the
    reader has them, give for each plan the region's and the agency's code (a SIPD export's
    kodepemda and kodeskpd), which name the part of a plan that its organisation does not.

    >>> from renstra_model.examples import ttu_dinsos
    >>> plan = ttu_dinsos()
    >>> for item in name_plans("sipd.json", [plan, plan]):
    ...     print(item.name)
    sipd.json [Kabupaten Timor Tengah Utara / Dinas Sosial #1]
    sipd.json [Kabupaten Timor Tengah Utara / Dinas Sosial #2]
    """
    source = os.fspath(path)
    if len(plans) == 1:
        return [Loaded(source, plans[0])]
    labels = []
    for number, plan in enumerate(plans, start=1):
        org = plan.organisation
        region, agency = codes[number - 1] if codes is not None else (None, None)
        stated = [part for part in (org.region or region, org.name or agency) if part]
        labels.append(" / ".join(stated) if stated else plan.title or f"#{number}")
    names = [f"{source} [{label}]" for label in _unique(labels, "{} #{}".format)]
    return [Loaded(name, plan) for name, plan in zip(names, plans, strict=True)]


def _unique(names: Sequence[str], add: Callable[[str, int], str]) -> list[str]:
    """*names* with the place in the list added (*add*) to each name that is not unique."""
    counts = Counter(names)
    used: set[str] = set()
    result: list[str] = []
    for number, name in enumerate(names, start=1):
        candidate = add(name, number) if counts[name] > 1 else name
        while candidate in used:
            candidate = add(candidate, number)
        used.add(candidate)
        result.append(candidate)
    return result


def _numbered_inside(name: str, number: int) -> str:
    """``path [label]`` as ``path [label #2]``; any other name as ``name #2``."""
    if name.endswith("]"):
        return f"{name[:-1]} #{number}]"
    return f"{name} #{number}"


@frozen
class Skipped:
    """An entry below a directory that :func:`scan` does not take: its *path*, the *key* of
    the reason (``scan.*`` in the message catalogue) with its *why* (the system's reason, a
    link's target, a suffix), and whether the skip is *deliberate* (a lock file, a hidden
    entry, a file of a type no format reads, a file whose content is not of its sniffed
    format), as opposed to an entry that looks like an input and cannot be taken (a dangling
    link, a device, a link to a directory, a directory named like a file, an unreadable
    entry), which ``renstra check`` reports as a warning."""

    path: str
    key: str
    why: str = ""
    deliberate: bool = False

    def message(self, lang: Lang | None = None) -> str:
        """Why the entry is skipped, in *lang*."""
        return render(self.key, {"why": self.why}, lang)


@frozen
class Scan:
    """What :func:`scan` finds: the *files* to read, in order, and the entries *skipped*
    below the directories, sorted by path."""

    files: tuple[str, ...]
    skipped: tuple[Skipped, ...]


def expand(specs: Iterable[str | os.PathLike[str]]) -> list[str]:
    """The files of :func:`scan`, without the entries it skipped."""
    return list(scan(specs).files)


def scan(specs: Iterable[str | os.PathLike[str]]) -> Scan:
    """Each spec as itself (a file, a shipped example's name, whatever the caller reads), a
    directory as every file below it with a suffix a registered format reads (of a format
    that is *sniffed*, only a file whose first bytes are of it), sorted by path; and every
    entry below a directory that is not taken, with the reason (:class:`Skipped`). Office's
    lock files (``~$…``), hidden files and directories (``.…``) and files of other types are
    skipped deliberately; links to directories are not followed."""
    wanted = set(suffixes())
    sniffed = {s: f.sniff for f in _FORMATS.values() if f.sniffed and f.sniff is not None
               for s in f.suffixes}
    files: list[str] = []
    skipped: list[Skipped] = []
    for spec in specs:
        top = Path(spec)
        if not top.is_dir():
            files.append(os.fspath(spec))
            continue
        found, passed = _walk(top, wanted, sniffed)
        files.extend(str(p) for p in sorted(found))
        skipped.extend(sorted(passed, key=lambda item: Path(item.path)))
    return Scan(tuple(files), tuple(skipped))


def _walk(top: Path, wanted: set[str], sniffed: Mapping[str, Callable[[bytes], bool]]
          ) -> tuple[list[Path], list[Skipped]]:
    """The files below the directory *top* to read, and the entries skipped."""
    found: list[Path] = []
    passed: list[Skipped] = []

    def unreadable(exc: OSError) -> None:
        passed.append(Skipped(str(exc.filename), "scan.unreadable", _why(exc)))

    for folder, dirs, names in os.walk(top, onerror=unreadable):
        kept = []
        for name in dirs:
            entry = _directory_entry(Path(folder, name), wanted)
            if entry is not None:
                passed.append(entry)
            if entry is None or entry.key == "scan.named_like_file":
                kept.append(name)
        dirs[:] = kept
        for name in names:
            path = Path(folder, name)
            entry = _file_entry(path, wanted, sniffed)
            if entry is None:
                found.append(path)
            else:
                passed.append(entry)
    return found, passed


def _why(exc: OSError) -> str:
    return exc.strerror or str(exc)


def _directory_entry(path: Path, wanted: set[str]) -> Skipped | None:
    """Why the directory *path* is skipped or noted (``scan.named_like_file``: it is walked),
    None for one that is walked without remark."""
    if path.name.startswith("."):
        return Skipped(str(path), "scan.hidden", deliberate=True)
    if path.is_symlink():
        return Skipped(str(path), "scan.directory_link", os.readlink(path))
    if path.suffix.lower() in wanted:
        return Skipped(str(path), "scan.named_like_file", path.suffix.lower())
    return None


def _file_entry(path: Path, wanted: set[str],
                sniffed: Mapping[str, Callable[[bytes], bool]]) -> Skipped | None:
    """Why the entry *path* (not a directory) is skipped, None for a file to read."""
    name = str(path)
    if path.name.startswith((".", "~$")):
        key = "scan.hidden" if path.name.startswith(".") else "scan.lock"
        return Skipped(name, key, deliberate=True)
    try:
        mode = path.stat().st_mode
    except FileNotFoundError as exc:
        if path.is_symlink():
            return Skipped(name, "scan.dangling", os.readlink(path))
        return Skipped(name, "scan.unreadable", _why(exc))  # removed since it was listed
    except OSError as exc:  # a loop of links, a link whose folder cannot be searched
        return Skipped(name, "scan.unreadable", _why(exc))
    if not stat.S_ISREG(mode):
        return Skipped(name, "scan.special")
    suffix = path.suffix.lower()
    if suffix not in wanted:
        if not suffix:
            return Skipped(name, "scan.no_suffix", deliberate=True)
        return Skipped(name, "scan.other_type", suffix, deliberate=True)
    sniff = sniffed.get(suffix)
    if sniff is None:
        return None
    try:
        with path.open("rb") as handle:
            head = handle.read(HEAD_BYTES)
    except OSError as exc:
        return Skipped(name, "scan.unreadable", _why(exc))
    if not sniff(head):
        return Skipped(name, "scan.not_sniffed", suffix, deliberate=True)
    return None


# -- the formats of the library ----------------------------------------------------------------


def _is_json(head: bytes) -> bool:
    return head.removeprefix(b"\xef\xbb\xbf").lstrip()[:1] in (b"{", b"[")


def _is_zip(head: bytes) -> bool:
    return head.startswith(b"PK\x03\x04") and b"opendocument" not in head


def _is_sipd_csv(head: bytes) -> bool:
    """The start of a SIPD CSV export: text (UTF-16 after its byte order mark) whose first
    line names the column ``kodepemda``."""
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        text = head.decode("utf-16", errors="ignore")
    elif any(byte in _CONTROL for byte in head):
        return False
    else:
        text = head.decode("latin-1")
    return "kodepemda" in text.splitlines()[0].lower() if text else False


def _read_plan_file(path: Path, options: ReadOptions) -> list[Loaded]:
    from .serialization import load
    from .sipd import read_sipd_json

    export = read_sipd_json(path, encoding=options.encoding, style=options.style,
                            nomenclature=options.nomenclature, strict=options.strict)
    if export is not None:
        return _sipd_plans(path, export)
    return [Loaded(str(path), load(path))]


def _sipd_plans(path: Path, export: SipdExport) -> list[Loaded]:
    return name_plans(path, [item.plan for item in export.plans],
                      codes=[(item.kodepemda, item.kodeskpd) for item in export.plans])


def _read_sipd(path: Path, options: ReadOptions) -> list[Loaded]:
    from .sipd import read_sipd

    export = read_sipd(path, delimiter=options.delimiter, encoding=options.encoding,
                       style=options.style, nomenclature=options.nomenclature,
                       strict=options.strict)
    return _sipd_plans(path, export)


def _read_workbook(path: Path, options: ReadOptions) -> list[Loaded]:
    from .excel import read_workbook

    result = read_workbook(
        path, start_year=options.start_year, title=options.title,
        organisation=options.organisation, region=options.region, sheet=options.sheet,
        style=options.style, nomenclature=options.nomenclature, strict=options.strict,
    )
    return [Loaded(str(path), result.plan)]


register(InputFormat("plan", (".json",), _read_plan_file, _is_json))
register(InputFormat("workbook", (".xlsx", ".xlsm"), _read_workbook, _is_zip))
register(InputFormat("sipd", (".csv", ".tsv"), _read_sipd, _is_sipd_csv, sniffed=True))

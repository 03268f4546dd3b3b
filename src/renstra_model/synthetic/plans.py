"""Synthetic Renstra: deterministic, realistic plans for benchmarks, scale tests and demos.

A national corpus is about 550 regions × 40 agencies ≈ 20,000 plans. Plan *index* ``i``
belongs to region ``i // 40`` and agency ``i % 40`` (:data:`AGENCIES`); it is drawn from its
own random stream, seeded by the corpus seed and ``i``, so a plan is the same whether it is
generated alone or as one of 20,000, and in whatever order or process.

Sizes are drawn like real plans': 5–12 programs (the supporting program ``B.01`` first),
1–4 kegiatan per program and 1–8 sub kegiatan per kegiatan, weighted so that a plan has
about 2.3 kegiatan per program and 3 sub kegiatan per kegiatan, as the TTU plan (7 / 16 / 48)
and a public works plan (10 / 22 / 60) do. Every plan has missions, goals with targets and
indicators (T-C.25), key indicators (Table 7.1, some stated with percentages of a
denominator), T-C.23 rows tied to them, the activity tree with an output indicator, a
location and five years of pagu per sub kegiatan and the subtotals of every program and
kegiatan (T-C.27), its total, and T-C.24 rows for the bidang, its programs and kegiatan with
their average growth. Money is whole thousands of rupiah, as Decimals.

Codes and names come from a synthetic catalogue (:func:`catalogue`): codes shaped like the
national nomenclature's, inside the agency's bidang urusan (the supporting program in its
``X.XX.01`` form), with invented names. A plan at defect rate 0 has no finding of any rule,
also against that catalogue as nomenclature.

At a defect rate *r*, each of the defect kinds of :data:`DEFECTS` — at least one per family of
``renstra_model.checks.registry.FAMILIES`` — is seeded in a plan with probability *r*; the plan
records what was seeded and where (the ``defects`` of :class:`GeneratedPlan`).

>>> generated = generate(0, seed=7)
>>> generated.plan().organisation.name
'Dinas Pendidikan'
>>> generate(0, seed=7).data == generated.data
True
>>> from renstra_model.checks.engine import check
>>> check(generated.plan())
[]
"""

from __future__ import annotations

import copy
import csv
import io
import json
import random
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final

from attrs import field, frozen

from ..calculators.arithmetic import Undefined, present
from ..calculators.growth import mean_growth
from ..calculators.ratios import share
from ..model.plan import Plan
from ..model.values import NIL, Nil

if TYPE_CHECKING:
    from ..model.nomenclature import Nomenclature

# -- the world ---------------------------------------------------------------------------------


@frozen
class Agency:
    """A kind of Perangkat Daerah: its name, the bidang urusan it serves and words of its
    field (for the names of its programs and activities)."""

    name: str
    bidang: str
    field_name: str
    topics: tuple[str, ...]


AGENCIES: Final = (
    Agency("Dinas Pendidikan", "1.01", "Pendidikan",
           ("Pendidikan Anak Usia Dini", "Sekolah Dasar", "Sekolah Menengah Pertama",
            "Pendidik dan Tenaga Kependidikan", "Pendidikan Nonformal")),
    Agency("Dinas Kesehatan", "1.02", "Kesehatan",
           ("Kesehatan Ibu dan Anak", "Gizi Masyarakat", "Penyakit Menular",
            "Puskesmas", "Kefarmasian", "Promosi Kesehatan")),
    Agency("Dinas Pekerjaan Umum dan Penataan Ruang", "1.03", "Pekerjaan Umum",
           ("Jalan", "Jembatan", "Irigasi", "Air Minum", "Sanitasi", "Drainase")),
    Agency("Dinas Perumahan dan Kawasan Permukiman", "1.04", "Perumahan",
           ("Rumah Tidak Layak Huni", "Kawasan Permukiman", "Prasarana Permukiman")),
    Agency("Satuan Polisi Pamong Praja", "1.05", "Ketenteraman dan Ketertiban Umum",
           ("Ketertiban Umum", "Peraturan Daerah", "Perlindungan Masyarakat")),
    Agency("Dinas Sosial", "1.06", "Sosial",
           ("Penyandang Disabilitas", "Lanjut Usia", "Anak Terlantar", "Fakir Miskin",
            "Korban Bencana", "Komunitas Adat Terpencil")),
    Agency("Dinas Tenaga Kerja", "2.07", "Tenaga Kerja",
           ("Pelatihan Kerja", "Penempatan Tenaga Kerja", "Hubungan Industrial")),
    Agency("Dinas Pemberdayaan Perempuan dan Perlindungan Anak", "2.08",
           "Pemberdayaan Perempuan dan Perlindungan Anak",
           ("Kualitas Hidup Perempuan", "Perlindungan Anak", "Kualitas Keluarga")),
    Agency("Dinas Ketahanan Pangan", "2.09", "Pangan",
           ("Cadangan Pangan", "Distribusi Pangan", "Keamanan Pangan")),
    Agency("Dinas Pertanahan", "2.10", "Pertanahan",
           ("Sengketa Tanah", "Tanah Ulayat", "Pengadaan Tanah")),
    Agency("Dinas Lingkungan Hidup", "2.11", "Lingkungan Hidup",
           ("Pencemaran Lingkungan", "Persampahan", "Keanekaragaman Hayati")),
    Agency("Dinas Kependudukan dan Pencatatan Sipil", "2.12",
           "Administrasi Kependudukan dan Pencatatan Sipil",
           ("Pendaftaran Penduduk", "Pencatatan Sipil", "Data Kependudukan")),
    Agency("Dinas Pemberdayaan Masyarakat dan Desa", "2.13", "Pemberdayaan Masyarakat dan Desa",
           ("Kelembagaan Desa", "Administrasi Pemerintahan Desa", "Lembaga Adat")),
    Agency("Dinas Pengendalian Penduduk dan Keluarga Berencana", "2.14",
           "Pengendalian Penduduk dan Keluarga Berencana",
           ("Keluarga Berencana", "Ketahanan Keluarga", "Penyuluh KB")),
    Agency("Dinas Perhubungan", "2.15", "Perhubungan",
           ("Lalu Lintas", "Angkutan Jalan", "Terminal")),
    Agency("Dinas Komunikasi dan Informatika", "2.16", "Komunikasi dan Informatika",
           ("Informasi Publik", "Aplikasi Informatika", "Jaringan Intra Pemerintah")),
    Agency("Dinas Koperasi dan Usaha Mikro", "2.17", "Koperasi, Usaha Kecil, dan Menengah",
           ("Koperasi", "Usaha Mikro", "Kewirausahaan")),
    Agency("Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu", "2.18", "Penanaman Modal",
           ("Iklim Penanaman Modal", "Promosi Penanaman Modal", "Pelayanan Perizinan")),
    Agency("Dinas Kepemudaan dan Olahraga", "2.19", "Kepemudaan dan Olahraga",
           ("Kepemudaan", "Olahraga Prestasi", "Kepramukaan")),
    Agency("Dinas Kebudayaan", "2.22", "Kebudayaan",
           ("Cagar Budaya", "Kesenian Tradisional", "Sejarah")),
    Agency("Dinas Perpustakaan", "2.23", "Perpustakaan",
           ("Budaya Gemar Membaca", "Koleksi Perpustakaan", "Naskah Kuno")),
    Agency("Dinas Kearsipan", "2.24", "Kearsipan",
           ("Arsip Statis", "Arsip Dinamis", "Simpul Jaringan Informasi Kearsipan")),
    Agency("Dinas Perikanan", "3.25", "Kelautan dan Perikanan",
           ("Perikanan Tangkap", "Perikanan Budidaya", "Pengolahan Hasil Perikanan")),
    Agency("Dinas Pariwisata", "3.26", "Pariwisata",
           ("Destinasi Pariwisata", "Pemasaran Pariwisata", "Ekonomi Kreatif")),
    Agency("Dinas Pertanian", "3.27", "Pertanian",
           ("Prasarana Pertanian", "Kesehatan Hewan", "Penyuluhan Pertanian", "Benih")),
    Agency("Dinas Perdagangan", "3.30", "Perdagangan",
           ("Sarana Distribusi Perdagangan", "Stabilisasi Harga", "Metrologi Legal")),
    Agency("Dinas Perindustrian", "3.31", "Perindustrian",
           ("Industri Kecil", "Sentra Industri", "Informasi Industri")),
    Agency("Dinas Transmigrasi", "3.32", "Transmigrasi",
           ("Kawasan Transmigrasi", "Pemukiman Transmigrasi", "Pengembangan Transmigrasi")),
    Agency("Sekretariat Daerah", "4.01", "Sekretariat Daerah",
           ("Pemerintahan Umum", "Kesejahteraan Rakyat", "Hukum", "Perekonomian")),
    Agency("Sekretariat DPRD", "4.02", "Sekretariat DPRD",
           ("Fasilitasi Rapat DPRD", "Pembentukan Peraturan Daerah", "Reses")),
    Agency("Badan Perencanaan Pembangunan Daerah", "5.01", "Perencanaan",
           ("Perencanaan Pembangunan", "Pengendalian dan Evaluasi", "Data Pembangunan")),
    Agency("Badan Pengelolaan Keuangan dan Aset Daerah", "5.02", "Keuangan",
           ("Anggaran Daerah", "Perbendaharaan", "Akuntansi", "Barang Milik Daerah")),
    Agency("Badan Kepegawaian dan Pengembangan Sumber Daya Manusia", "5.03", "Kepegawaian",
           ("Pengadaan Pegawai", "Mutasi dan Promosi", "Diklat Aparatur")),
    Agency("Badan Pendapatan Daerah", "5.02", "Keuangan",
           ("Pajak Daerah", "Retribusi Daerah", "Pendapatan Lain yang Sah")),
    Agency("Badan Penelitian dan Pengembangan Daerah", "5.05", "Penelitian dan Pengembangan",
           ("Penelitian", "Inovasi Daerah", "Kajian Kebijakan")),
    Agency("Inspektorat Daerah", "6.01", "Pengawasan",
           ("Pengawasan Internal", "Pemeriksaan Khusus", "Reformasi Birokrasi")),
    Agency("Badan Kesatuan Bangsa dan Politik", "8.01", "Kesatuan Bangsa dan Politik",
           ("Wawasan Kebangsaan", "Ketahanan Sosial", "Pendidikan Politik")),
    Agency("Badan Penanggulangan Bencana Daerah", "1.05", "Penanggulangan Bencana",
           ("Pencegahan Bencana", "Kedaruratan", "Rehabilitasi Pascabencana")),
    Agency("Kecamatan Kota", "7.01", "Kewilayahan",
           ("Pelayanan Kecamatan", "Pemberdayaan Kelurahan", "Ketenteraman Wilayah")),
    Agency("Rumah Sakit Umum Daerah", "1.02", "Kesehatan",
           ("Pelayanan Rujukan", "Rawat Inap", "Alat Kesehatan")),
)
"""The 40 agencies of every region, in the order of plan indexes."""

AGENCIES_PER_REGION: Final = len(AGENCIES)

PROVINCES: Final = (
    "Nusa Tenggara Timur", "Nusa Tenggara Barat", "Jawa Tengah", "Jawa Timur", "Jawa Barat",
    "Sumatera Utara", "Sumatera Barat", "Sumatera Selatan", "Kalimantan Barat",
    "Kalimantan Timur", "Sulawesi Selatan", "Sulawesi Tengah", "Maluku", "Bali", "Riau",
    "Lampung", "Gorontalo", "Bengkulu", "Jambi", "Banten",
)
"""Provinces of the synthetic regions (none with special autonomy)."""

_SYLLABLES: Final = ("ba", "lu", "ma", "ta", "ngi", "ra", "se", "ko", "pa", "di", "we", "su",
                     "na", "tu", "ka", "lo", "me", "ri", "sa", "bo")
_VERBS: Final = ("Penyediaan", "Pengelolaan", "Peningkatan", "Pembinaan", "Pengembangan",
                 "Fasilitasi", "Penyelenggaraan", "Koordinasi", "Pelaksanaan", "Pemberdayaan",
                 "Perlindungan", "Pengawasan", "Pembangunan", "Pemeliharaan", "Pendataan")
_OBJECTS: Final = ("Sarana dan Prasarana", "Layanan", "Kapasitas", "Data dan Informasi",
                   "Kelembagaan", "Kemitraan", "Kualitas", "Standar Pelayanan", "Bimbingan",
                   "Sosialisasi", "Monitoring dan Evaluasi", "Bantuan")
_SUPPORTING_KEGIATAN: Final = (
    "Perencanaan, Penganggaran, dan Evaluasi Kinerja Perangkat Daerah",
    "Administrasi Keuangan Perangkat Daerah",
    "Administrasi Kepegawaian Perangkat Daerah",
    "Administrasi Umum Perangkat Daerah",
    "Penyediaan Jasa Penunjang Urusan Pemerintahan Daerah",
    "Pemeliharaan Barang Milik Daerah Penunjang Urusan Pemerintahan Daerah",
)
_UNITS: Final = ("Dokumen", "Laporan", "Orang", "Unit", "Paket", "Kegiatan", "Lokasi",
                 "Keluarga", "Desa", "Lembaga")
_OTHER_UNITS: Final = {"Orang": "Jiwa", "Keluarga": "Rumah Tangga", "Lembaga": "Organisasi"}
"""A unit, and a unit of another first word that a cross-table defect writes instead."""

# Size distributions, weighted to the real plans' means (TTU 7 / 16 / 48, a public works plan
# 10 / 22 / 60): about 2.3 kegiatan per program and 3 sub kegiatan per kegiatan.
_PROGRAMS: Final = ((5, 9), (6, 13), (7, 16), (8, 16), (9, 14), (10, 13), (11, 10), (12, 9))
_KEGIATAN: Final = ((1, 25), (2, 35), (3, 25), (4, 15))
_SUB_KEGIATAN: Final = ((1, 20), (2, 26), (3, 22), (4, 14), (5, 8), (6, 5), (7, 3), (8, 2))
_MAX_KEGIATAN: Final = 5
"""Kegiatan numbers are drawn from 01 … 05 (the catalogue lists them all)."""
_MAX_SUB: Final = 10
"""Sub kegiatan numbers are drawn from 0001 … 0010."""
_MAX_PROGRAMS: Final = 13
"""Program numbers are drawn from 01 … 13."""

_BASELINES: Final = ((2020, 2), (2021, 4), (2023, 1), (2024, 4))
"""Baseline years of the regions' plan periods (RPJMD cycles), with weights."""


def _weighted(rng: random.Random, table: Sequence[tuple[int, int]]) -> int:
    values = [v for v, _ in table]
    weights = [w for _, w in table]
    return rng.choices(values, weights)[0]


@frozen
class Region:
    """A synthetic kabupaten or kota: its name, capital, province and plan period."""

    number: int
    name: str
    capital: str
    province: str
    baseline_year: int


def region(number: int) -> Region:
    """The synthetic region *number* (0 … 549 in a national corpus; any number works)."""
    rng = random.Random(f"renstra-region/{number}")
    word = "".join(rng.choice(_SYLLABLES) for _ in range(rng.randint(2, 3))).capitalize()
    other = "".join(rng.choice(_SYLLABLES) for _ in range(2)).capitalize()
    kind = "Kota" if rng.randrange(5) == 0 else "Kabupaten"
    return Region(
        number,
        f"{kind} {word} {other}" if rng.randrange(3) == 0 else f"{kind} {word}",
        word if kind == "Kota" else f"{other}{rng.choice(_SYLLABLES)}",
        rng.choice(PROVINCES),
        _weighted(rng, _BASELINES),
    )


# -- the catalogue -----------------------------------------------------------------------------


def _agency_of_bidang(bidang: str) -> Agency:
    return next(a for a in AGENCIES if a.bidang == bidang)


def _name_rng(code: str) -> random.Random:
    return random.Random(f"renstra-catalogue/{code}")


def bidang_name(bidang: str) -> str:
    """The catalogue's name of *bidang* (as T-C.24's first row prints it)."""
    return f"URUSAN PEMERINTAHAN BIDANG {_agency_of_bidang(bidang).field_name.upper()}"


def program_name(bidang: str, number: int) -> str:
    """The catalogue's name of program *number* of *bidang* (``01`` is the supporting one)."""
    if number == 1:
        return "PROGRAM PENUNJANG URUSAN PEMERINTAHAN DAERAH KABUPATEN/KOTA"
    agency = _agency_of_bidang(bidang)
    rng = _name_rng(f"{bidang}.{number:02d}")
    topic = agency.topics[(number - 2) % len(agency.topics)]
    return f"PROGRAM {rng.choice(_VERBS)} {topic}".upper()


def kegiatan_name(bidang: str, program: int, number: int, kind: int = 2) -> str:
    """The catalogue's name of kegiatan *program*.*kind*.*number* of *bidang*."""
    if program == 1:
        return _SUPPORTING_KEGIATAN[(number - 1) % len(_SUPPORTING_KEGIATAN)]
    agency = _agency_of_bidang(bidang)
    rng = _name_rng(f"{bidang}.{program:02d}.2.{number:02d}")
    topic = agency.topics[(program + number) % len(agency.topics)]
    name = f"{rng.choice(_VERBS)} {rng.choice(_OBJECTS)} {topic}"
    return name if kind == 2 else f"{name} bagi Orang Asli Papua"


def sub_kegiatan_name(bidang: str, program: int, kegiatan: int, number: int, kind: int = 2) -> str:
    """The catalogue's name of a sub kegiatan."""
    generic = "X.XX" if program == 1 else bidang
    rng = _name_rng(f"{generic}.{program:02d}.2.{kegiatan:02d}.{number:04d}")
    topic = _agency_of_bidang(bidang).field_name if program != 1 else "Perangkat Daerah"
    name = f"{rng.choice(_VERBS)} {rng.choice(_OBJECTS)} {topic}"
    if rng.randrange(2):
        name += f" Tahap {number}"
    return name if kind == 2 else f"{name} bagi Orang Asli Papua"


def catalogue_rows(bidangs: Iterable[str] | None = None) -> Iterator[tuple[str, str, str]]:
    """The catalogue as ``(code, level, name)`` rows: the supporting program in its generic
    ``X.XX.01`` form, then every bidang's programs 02 … 13 with kegiatan 01 … 05 of type 2
    and their type-3 (special autonomy) variants, and sub kegiatan 0001 … 0010."""
    chosen = sorted(set(bidangs) if bidangs is not None else {a.bidang for a in AGENCIES})
    yield "X.XX.01", "program", program_name("X.XX", 1)
    for k in range(1, _MAX_KEGIATAN + 1):
        yield f"X.XX.01.2.{k:02d}", "kegiatan", kegiatan_name("X.XX", 1, k)
        for s in range(1, _MAX_SUB + 1):
            yield (f"X.XX.01.2.{k:02d}.{s:04d}", "sub_kegiatan",
                   sub_kegiatan_name(chosen[0] if chosen else "1.06", 1, k, s))
    for bidang in chosen:
        urusan = bidang.split(".")[0]
        yield urusan, "urusan", f"URUSAN PEMERINTAHAN {urusan}"
        yield bidang, "bidang_urusan", bidang_name(bidang)
        for p in range(2, _MAX_PROGRAMS + 1):
            yield f"{bidang}.{p:02d}", "program", program_name(bidang, p)
            for kind in (2, 3):
                for k in range(1, _MAX_KEGIATAN + 1):
                    yield (f"{bidang}.{p:02d}.{kind}.{k:02d}", "kegiatan",
                           kegiatan_name(bidang, p, k, kind))
                    for s in range(1, _MAX_SUB + 1):
                        yield (f"{bidang}.{p:02d}.{kind}.{k:02d}.{s:04d}", "sub_kegiatan",
                               sub_kegiatan_name(bidang, p, k, s, kind))


def catalogue_csv(bidangs: Iterable[str] | None = None) -> str:
    """The catalogue in the CSV layout :func:`~renstra_model.io.nomenclature.load_nomenclature`
    reads (``kode,level,nomenklatur,…``)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["kode", "level", "nomenklatur", "kinerja", "indikator", "satuan",
                     "keterangan"])
    seen: set[str] = set()
    for code, level, name in catalogue_rows(bidangs):
        if code not in seen:  # an urusan shared by several bidang is listed once
            seen.add(code)
            writer.writerow([code, level, name, "", "", "", ""])
    return out.getvalue()


# -- defects -----------------------------------------------------------------------------------


@frozen
class DefectKind:
    """A kind of defect the generator seeds: its family, the rule that reports it, and what
    it changes."""

    name: str
    family: str
    rule: str
    description: str
    also: tuple[str, ...] = ()
    """Other rules that report the same change (those of the nomenclature family only when
    the checks are given the catalogue as nomenclature)."""


_KINDS: Final = (
    DefectKind("subtotal", "hierarchy-sum", "RS101", "a kegiatan's pagu of one year is raised"),
    DefectKind("period-total", "hierarchy-sum", "RS102",
               "a sub kegiatan's end-of-period pagu is not the sum of its years"),
    DefectKind("tc24-sum", "hierarchy-sum", "RS103", "a T-C.24 kegiatan row's budget is raised"),
    DefectKind("foreign-code", "code-syntax", "RS111",
               "a program is coded under another agency's bidang urusan", ("RS122",)),
    DefectKind("tc24-hierarchy", "code-syntax", "RS112",
               "a T-C.24 kegiatan row carries a code of another program"),
    DefectKind("generic-code", "code-syntax", "RS113",
               "the supporting program is written X.XX.01"),
    DefectKind("unknown-code", "nomenclature", "RS121",
               "a sub kegiatan has a number the nomenclature does not list"),
    DefectKind("official-name", "nomenclature", "RS122",
               "a sub kegiatan's name is misspelt"),
    DefectKind("special-autonomy", "nomenclature", "RS124",
               "a kegiatan of the special-autonomy type 3 in an ordinary region"),
    DefectKind("name-mismatch", "name-mismatch", "RS131",
               "a T-C.24 kegiatan row spells the kegiatan's name differently", ("RS123",)),
    DefectKind("percentage", "stated-percentage", "RS201",
               "a key indicator's percentage of one year is off"),
    DefectKind("shifted-percentages", "stated-percentage", "RS202",
               "a key indicator's percentages are those of the following year"),
    DefectKind("end-other-kind", "end-of-period", "RS211",
               "a stock indicator's end of period is the sum of its years"),
    DefectKind("end-fits-nothing", "end-of-period", "RS212",
               "an indicator's end of period follows from none of its years"),
    DefectKind("linked-value", "cross-table", "RS221",
               "a T-C.23 row states another value than its Table 7.1 indicator"),
    DefectKind("linked-unit", "cross-table", "RS222",
               "a T-C.23 row counts in another unit than its Table 7.1 indicator"),
    DefectKind("no-indicator", "missing-value", "RS231", "a sub kegiatan has no indicator"),
    DefectKind("no-unit", "missing-value", "RS232", "a target is stated without its unit"),
    DefectKind("no-subtotal", "missing-value", "RS233", "a kegiatan states no pagu"),
    DefectKind("no-end", "missing-value", "RS234",
               "a sub kegiatan's indicator has no end-of-period value"),
    DefectKind("no-location", "missing-value", "RS235", "a sub kegiatan has no location"),
    DefectKind("no-aggregation", "missing-value", "RS236",
               "a goal's indicator has no aggregation kind"),
    DefectKind("fraction", "whole-rupiah", "RS301", "a pagu has half a rupiah"),
    DefectKind("unfunded", "unfunded-target", "RS311",
               "a sub kegiatan's target of one year has no pagu"),
    DefectKind("untargeted", "unfunded-target", "RS312",
               "a sub kegiatan's pagu of one year has a zero target"),
    DefectKind("missing-ratio", "missing-ratio", "RS321",
               "a T-C.24 row states realisations without their ratio", ("RS341",)),
    DefectKind("wrong-ratio", "missing-ratio", "RS322",
               "a T-C.24 row states a ratio that its figures do not give", ("RS341",)),
    DefectKind("growth-last-step", "statistic-label", "RS331",
               "T-C.24 rows state the last year's growth as the average"),
    DefectKind("growth-nothing", "statistic-label", "RS332",
               "a T-C.24 row states a growth no statistic gives"),
    DefectKind("future-realisation", "future-realisation", "RS341",
               "a sub kegiatan states a realisation for a year after the adoption"),
)

DEFECTS: Final[dict[str, DefectKind]] = {kind.name: kind for kind in _KINDS}
"""Every defect kind the generator seeds, by name."""


@frozen
class Defect:
    """A defect seeded in a plan: its kind and where (a code, or a table row)."""

    kind: str
    where: str

    @property
    def family(self) -> str:
        """The family of rules that reports it."""
        return DEFECTS[self.kind].family

    @property
    def rule(self) -> str:
        """The rule that reports it."""
        return DEFECTS[self.kind].rule


@frozen
class Shape:
    """Fixed sizes instead of drawn ones: *programs* programs (the supporting one included),
    *kegiatan* kegiatan in each, *sub_kegiatan* sub kegiatan in each kegiatan.

    ``Shape(10, 5, 10)`` is a plan of 500 sub kegiatan.
    """

    programs: int = field()
    kegiatan: int = field()
    sub_kegiatan: int = field()

    @programs.validator
    @kegiatan.validator
    @sub_kegiatan.validator
    def _positive(self, attribute: Any, value: int) -> None:
        if not 1 <= value <= 99:
            raise ValueError(f"{attribute.name} must be 1 … 99, not {value}")


@frozen
class GeneratedPlan:
    """A generated plan: its index in the corpus, its file's path relative to the corpus
    folder, its data (the JSON of a plan file) and the defects seeded in it."""

    index: int
    path: str
    data: dict[str, Any] = field(eq=False)
    defects: tuple[Defect, ...]

    def plan(self) -> Plan:
        """The plan, loaded and validated as a plan file is."""
        from ..io.serialization import from_data

        return from_data(self.data, self.path)

    def text(self) -> str:
        """The plan file's text (compact JSON, one line, and a final newline)."""
        return json.dumps(self.data, ensure_ascii=False, separators=(",", ":")) + "\n"


# -- building a plan ---------------------------------------------------------------------------


def _m(value: Decimal | Nil) -> str:
    return "-" if value is NIL else format(value, "f")


def _q(amount: Decimal | Nil, unit: str | None, percent: Decimal | None = None) -> dict[str, Any]:
    cell: dict[str, Any] = {"amount": _m(amount)}
    if unit is not None:
        cell["unit"] = unit
    if percent is not None:
        cell["percent"] = format(percent, "f")
    return cell


def _zero(value: Decimal | Nil) -> Decimal:
    return value if isinstance(value, Decimal) else Decimal(0)


@frozen
class _Node:
    """An activity while it is built: its code segments, name, yearly money and targets."""

    segments: list[str]
    level: str
    name: str
    children: list[_Node]
    money: dict[int, Decimal | Nil]
    data: dict[str, Any] = field(factory=dict)

    @property
    def code(self) -> str:
        return ".".join(self.segments)


class _Builder:
    """Builds the data of one plan, and seeds the chosen defects in it."""

    def __init__(
        self, index: int, seed: int, rate_per_million: int, shape: Shape | None
    ) -> None:
        self.index = index
        self.rng = random.Random(f"renstra-generate/{seed}/{index}")
        self.defect_rng = random.Random(f"renstra-generate/{seed}/{index}/defects")
        self.region = region(index // AGENCIES_PER_REGION)
        self.agency = AGENCIES[index % AGENCIES_PER_REGION]
        self.shape = shape
        baseline = self.region.baseline_year
        self.baseline = baseline
        self.years = list(range(baseline + 1, baseline + 6))
        self.kinds = [
            kind for kind in DEFECTS
            if self.defect_rng.randrange(1_000_000) < rate_per_million
        ]
        self.defects: list[Defect] = []
        self.used: set[int] = set()
        self.leaf_codes: set[str] = set()
        """Sub kegiatan the leaf defects changed: later defects leave them alone."""
        self.indicator_count = 0

    # -- helpers

    def seeded(self, kind: str, where: str) -> None:
        self.defects.append(Defect(kind, where))

    def pick(self, candidates: Sequence[Any]) -> Any | None:
        """A candidate not picked by another defect (by identity), or None."""
        free = [c for c in candidates if id(c) not in self.used]
        if not free:
            return None
        chosen = self.defect_rng.choice(free)
        self.used.add(id(chosen))
        return chosen

    def wants(self, kind: str) -> bool:
        return kind in self.kinds

    def indicator(
        self, prefix: str, name: str, unit: str, aggregation: str,
        counts: dict[int, Decimal | Nil], baseline: Decimal, table: str, row: str,
    ) -> dict[str, Any]:
        self.indicator_count += 1
        values = [_zero(v) for v in counts.values()]
        end = sum(values, Decimal(0)) if aggregation == "sum" else values[-1]
        return {
            "name": name,
            "id": f"{prefix}-{self.indicator_count}",
            "aggregation": aggregation,
            "baseline": _q(baseline, unit),
            "planned": {str(y): _q(v, unit) for y, v in counts.items()},
            "end_of_period": _q(end, unit),
            "source": {"table": table, "row": row},
        }

    def counts(self, low: int, high: int, *, rising: bool) -> dict[int, Decimal]:
        value = self.rng.randint(low, high)
        out: dict[int, Decimal] = {}
        for year in self.years:
            if rising:
                value += self.rng.randint(0, max(1, value // 5))
            out[year] = Decimal(value)
        return out

    # -- the plan

    def build(self) -> dict[str, Any]:
        agency, place = self.agency, self.region
        tree = self.tree()
        self.seed_leaf_defects(tree)
        self.sum_up(tree)
        budget_table = self.budget_table(tree)
        data: dict[str, Any] = {
            "format_version": 1,
            "title": f"Rencana Strategis {agency.name} {place.name} Tahun "
                     f"{self.baseline}-{self.years[-1]}",
            "organisation": {
                "name": agency.name,
                "region": place.name,
                "province": place.province,
                "bidang_urusan": [agency.bidang],
                "address": f"Jalan {self.rng.choice(_VERBS[:3])} No. {self.rng.randint(1, 99)}, "
                           f"{place.capital}",
            },
            "period": {"baseline_year": self.baseline, "first_year": self.years[0],
                       "last_year": self.years[-1]},
            "adoption": {
                "date": f"{self.baseline}-{self.rng.randint(3, 11):02d}-"
                        f"{self.rng.randint(1, 28):02d}",
                "place": place.capital,
                "signatory": self.official("Kepala"),
            },
            "head": self.official("Kepala"),
            "regional_heads": [self.official("Bupati" if "Kabupaten" in place.name
                                             else "Wali Kota"),
                               self.official("Wakil Bupati" if "Kabupaten" in place.name
                                             else "Wakil Wali Kota")],
            "vision": f"Terwujudnya {place.name.split(' ', 1)[1]} yang Maju, Sejahtera dan "
                      "Berdaya Saing",
            "missions": [],
            "legal_basis": [
                "Undang-Undang Nomor 23 Tahun 2014 tentang Pemerintahan Daerah",
                "Peraturan Menteri Dalam Negeri Nomor 86 Tahun 2017",
                f"Peraturan Daerah {place.name} tentang RPJMD {self.baseline}-{self.years[-1]}",
            ],
            "strategic_issues": [f"Rendahnya kualitas {t.lower()}" for t in agency.topics[:3]],
            "resources": self.resources(),
            "problem_tables": [self.problem_table()],
        }
        missions = self.rng.randint(3, 6)
        data["missions"] = [
            {"number": n, "text": f"Misi {n}: meningkatkan {self.rng.choice(_OBJECTS).lower()} "
                                  f"{self.rng.choice(agency.topics).lower()}"}
            for n in range(1, missions + 1)
        ]
        data["goals"] = self.goals(missions)
        key_indicators, performance = self.key_indicators()
        data["key_indicators"] = key_indicators
        data["service_performance"] = performance
        data["programs"] = [self.activity_data(node) for node in tree]
        total = {y: sum((_zero(p.money[y]) for p in tree), Decimal(0)) for y in self.years}
        data["total_budget"] = {
            "planned": {str(y): _m(v) for y, v in total.items()},
            "planned_total": _m(sum(total.values(), Decimal(0))),
        }
        data["budget_table"] = budget_table
        self.seed_tree_defects(data)
        self.seed_table_defects(data)
        self.seed_indicator_defects(data)
        return data

    def official(self, title: str) -> dict[str, Any]:
        first = "".join(self.rng.choice(_SYLLABLES) for _ in range(2)).capitalize()
        last = "".join(self.rng.choice(_SYLLABLES) for _ in range(3)).capitalize()
        year = self.rng.randint(1965, 1985)
        return {"name": f"{first} {last}", "title": title,
                "nip": f"{year}{self.rng.randint(1, 12):02d}{self.rng.randint(1, 28):02d} "
                       f"{year + 25}0{self.rng.randint(1, 9)} 1 00{self.rng.randint(1, 9)}"}

    def resources(self) -> dict[str, Any]:
        rows = []
        total_m = total_f = 0
        for number, position in enumerate(("Struktural", "Fungsional", "Pelaksana"), 1):
            male, female = self.rng.randint(2, 30), self.rng.randint(2, 30)
            total_m, total_f = total_m + male, total_f + female
            rows.append({"number": number, "unit": self.agency.name, "position": position,
                         "male": male, "female": female, "total": male + female})
        rows.append({"unit": "Jumlah", "male": total_m, "female": total_f,
                     "total": total_m + total_f, "is_total": True})
        assets = [{"number": n, "name": name, "unit": "Unit", "count": self.rng.randint(1, 40)}
                  for n, name in enumerate(("Komputer", "Kendaraan Roda Dua", "Meja Kerja"), 1)]
        return {"staff_by_gender": rows, "assets": assets}

    def problem_table(self) -> dict[str, Any]:
        topic = self.rng.choice(self.agency.topics)
        return {
            "number": "3.1",
            "title": "Permasalahan Pelayanan Perangkat Daerah",
            "rows": [
                {"number": "1", "core_problem": f"Belum optimalnya {topic.lower()}",
                 "problem": "Terbatasnya anggaran", "root_cause": "Prioritas belanja daerah"},
                {"problem": "Terbatasnya sumber daya manusia",
                 "root_cause": "Kurangnya pelatihan teknis"},
            ],
        }

    def goals(self, missions: int) -> list[dict[str, Any]]:
        goals = []
        for g in range(1, self.rng.randint(2, 4) + 1):
            topic = self.rng.choice(self.agency.topics)
            targets = []
            for t in range(1, self.rng.randint(1, 2) + 1):
                indicators = []
                for k in range(1, self.rng.randint(1, 2) + 1):
                    unit = self.rng.choice(_UNITS)
                    counts = self.counts(10, 500, rising=True)
                    indicators.append(self.indicator(
                        "TC25", f"Jumlah {unit.lower()} {topic.lower()} yang terlayani",
                        unit, "last", dict(counts), counts[self.years[0]],
                        "T-C.25", f"{g}.{t}, indikator {k}"))
                targets.append({"text": f"Meningkatnya kualitas {topic.lower()} ({g}.{t})",
                                "indicators": indicators})
            goals.append({
                "text": f"Meningkatkan {self.rng.choice(_OBJECTS).lower()} {topic.lower()}",
                "mission": self.rng.randint(1, missions),
                "targets": targets,
                "strategies": [f"Penguatan {topic.lower()}"],
                "policies": [f"Peningkatan cakupan {topic.lower()}"],
                "number": str(g),
            })
        return goals

    def key_indicators(self) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
        """Table 7.1: indicators stated as a count with its percentage of a denominator (the
        end of period, at 100 %), and plain counts; T-C.23 repeats the plain ones."""
        key: list[dict[str, Any]] = []
        performance: list[dict[str, Any]] = []
        for number in range(1, self.rng.randint(3, 6) + 1):
            topic = self.agency.topics[number % len(self.agency.topics)]
            unit = self.rng.choice(_UNITS)
            if number <= 2:  # a share of a denominator
                denominator = Decimal(self.rng.randint(200, 5000))
                start = denominator * self.rng.randint(30, 60) // 100
                step = (denominator - start) // 5
                counts = {y: start + step * (i + 1) for i, y in enumerate(self.years)}
                counts[self.years[-1]] = denominator
                ind = self.indicator("KI", f"Persentase {topic.lower()} yang tertangani", unit,
                                     "last", dict(counts), start, "7.1", str(number))
                ind["baseline"] = _q(start, unit, present(share(start, denominator)))
                ind["planned"] = {
                    str(y): _q(v, unit, present(share(v, denominator)))
                    for y, v in counts.items()
                }
                ind["end_of_period"] = _q(denominator, unit, Decimal("100.00"))
                key.append({"number": number, "indicator": ind,
                            "program": f"Persentase {topic.lower()} yang tertangani"})
                continue
            counts = self.counts(20, 900, rising=True)
            ind = self.indicator("KI", f"Jumlah {topic.lower()} yang terlayani", unit, "last",
                                 dict(counts), counts[self.years[0]], "7.1", str(number))
            key.append({"number": number, "indicator": ind})
            row = copy.deepcopy(ind)
            row.update(id=f"TC23-{number}", links=[ind["id"]],
                       source={"table": "T-C.23", "row": str(len(performance) + 1)})
            del row["baseline"]
            del row["end_of_period"]
            performance.append({"number": len(performance) + 1, "indicator": row})
        return key, performance

    def tree(self) -> list[_Node]:
        """Programs, kegiatan and sub kegiatan with their codes, names, money and targets."""
        rng, bidang = self.rng, self.agency.bidang
        shape = self.shape
        n_programs = shape.programs if shape else _weighted(rng, _PROGRAMS)
        numbers = [1, *sorted(rng.sample(range(2, max(_MAX_PROGRAMS, n_programs) + 1),
                                         n_programs - 1))]
        programs = []
        for p in numbers:
            n_kegiatan = shape.kegiatan if shape else _weighted(rng, _KEGIATAN)
            kegiatan = []
            for k in sorted(rng.sample(range(1, max(_MAX_KEGIATAN, n_kegiatan) + 1), n_kegiatan)):
                n_sub = shape.sub_kegiatan if shape else _weighted(rng, _SUB_KEGIATAN)
                subs = [
                    self.sub_kegiatan([*bidang.split("."), f"{p:02d}", "2", f"{k:02d}",
                                       f"{s:04d}"], p, k, s)
                    for s in sorted(rng.sample(range(1, max(_MAX_SUB, n_sub) + 1), n_sub))
                ]
                kegiatan.append(_Node([*bidang.split("."), f"{p:02d}", "2", f"{k:02d}"],
                                      "kegiatan", kegiatan_name(bidang, p, k), subs, {}))
            programs.append(_Node([*bidang.split("."), f"{p:02d}"], "program",
                                  program_name(bidang, p), kegiatan, {}))
        return programs

    def sub_kegiatan(self, segments: list[str], p: int, k: int, s: int) -> _Node:
        rng = self.rng
        amount = rng.randrange(15_000, 1_500_000) * 1000
        unit = rng.choice(_UNITS)
        money: dict[int, Decimal | Nil] = {}
        targets: dict[int, Decimal | Nil] = {}
        target = rng.randint(1, 60)
        for year in self.years:
            if year != self.years[0] and rng.randrange(12) == 0:  # neither money nor target
                money[year] = NIL
                targets[year] = NIL
                continue
            amount = amount * rng.randint(88, 122) // 100 // 1000 * 1000
            money[year] = Decimal(amount)
            targets[year] = Decimal(target + rng.randint(0, 5))
        name = sub_kegiatan_name(self.agency.bidang, p, k, s)
        node = _Node(segments, "sub_kegiatan", name, [], money)
        node.data["unit_of_target"] = unit
        node.data["targets"] = targets
        node.data["aggregation"] = rng.choice(("sum", "last"))
        return node

    def seed_leaf_defects(self, tree: list[_Node]) -> None:
        """Defects in the sub kegiatan's own money and targets, before the subtotals add them
        up (so that the subtotals stay right)."""
        leaves = [s for p in tree for k in p.children for s in k.children]
        funded = [s for s in leaves
                  if all(isinstance(v, Decimal) for v in s.money.values())]
        for kind in ("unfunded", "untargeted", "fraction"):
            if not self.wants(kind) or not (node := self.pick(funded)):
                continue
            year = self.defect_rng.choice(self.years)
            if kind == "unfunded":
                node.money[year] = NIL
            elif kind == "untargeted":
                node.data["targets"][year] = Decimal(0)
            else:
                node.money[year] = _zero(node.money[year]) + Decimal("0.5")
            self.leaf_codes.add(node.code)
            self.seeded(kind, f"{node.code} {year}")

    def sum_up(self, tree: list[_Node]) -> None:
        for program in tree:
            for kegiatan in program.children:
                kegiatan.money.update({
                    y: sum((_zero(s.money[y]) for s in kegiatan.children), Decimal(0))
                    for y in self.years
                })
            program.money.update({
                y: sum((_zero(k.money[y]) for k in program.children), Decimal(0))
                for y in self.years
            })

    def activity_data(self, node: _Node) -> dict[str, Any]:
        planned = {str(y): _m(v) for y, v in node.money.items()}
        total = sum((_zero(v) for v in node.money.values()), Decimal(0))
        data: dict[str, Any] = {
            "code": node.code,
            "level": node.level,
            "name": node.name,
        }
        if node.level == "sub_kegiatan":
            unit = node.data["unit_of_target"]
            targets = node.data["targets"]
            data["indicators"] = [self.indicator(
                "TC27", f"Jumlah {unit.lower()} {node.name.lower()}", unit,
                node.data["aggregation"], targets, Decimal(self.rng.randint(0, 40)), "T-C.27",
                node.code)]
        data["budget"] = {"planned": planned, "planned_total": _m(total)}
        data["unit"] = self.agency.name
        if node.level == "sub_kegiatan":
            data["location"] = self.region.name
        if node.children:
            data["children"] = [self.activity_data(child) for child in node.children]
        data["source"] = {"table": "T-C.27", "row": node.code}
        node.data["built"] = data
        return data

    def budget_table(self, tree: list[_Node]) -> list[dict[str, Any]]:
        """T-C.24: the bidang, its programs and kegiatan, with the planned money."""
        bidang_money = {y: sum((_zero(p.money[y]) for p in tree), Decimal(0))
                        for y in self.years}
        rows = [self.budget_row(bidang_name(self.agency.bidang), "bidang_urusan",
                                self.agency.bidang, bidang_money)]
        for program in tree:
            rows.append(self.budget_row(program.name, "program", program.code, program.money))
            for kegiatan in program.children:
                rows.append(self.budget_row(kegiatan.name, "kegiatan", kegiatan.code,
                                            kegiatan.money))
        return rows

    @staticmethod
    def budget_row(label: str, level: str, code: str,
                   money: Mapping[int, Decimal | Nil]) -> dict[str, Any]:
        return {
            "label": label,
            "level": level,
            "budget": {"planned": {str(y): _m(v) for y, v in money.items()}},
            "code": code,
            "source": {"table": "T-C.24", "row": label},
        }

    # -- defects in the finished data

    def activities(self, data: dict[str, Any], level: str) -> list[dict[str, Any]]:
        found: list[dict[str, Any]] = []
        pending = list(data["programs"])
        while pending:
            node = pending.pop(0)
            if node["level"] == level:
                found.append(node)
            pending.extend(node.get("children", ()))
        return found

    def seed_tree_defects(self, data: dict[str, Any]) -> None:
        programs = data["programs"]
        others = [p for p in programs if p["code"].split(".")[2] != "01"]
        kegiatan = self.activities(data, "kegiatan")
        subs = [s for s in self.activities(data, "sub_kegiatan")
                if s["code"] not in self.leaf_codes]
        plain = [k for k in kegiatan if k["code"].split(".")[2] != "01"]
        if self.wants("subtotal") and (node := self.pick(kegiatan)):
            year = str(self.defect_rng.choice(self.years))
            budget = node["budget"]
            budget["planned"][year] = _m(_zero(_parse(budget["planned"][year]))
                                         + Decimal(1_000_000))
            budget["planned_total"] = _m(sum((_zero(_parse(v))
                                              for v in budget["planned"].values()), Decimal(0)))
            self.seeded("subtotal", f"{node['code']} {year}")
        if self.wants("period-total") and (node := self.pick(subs)):
            total = _parse(node["budget"]["planned_total"])
            node["budget"]["planned_total"] = _m(_zero(total) + Decimal(1000))
            self.seeded("period-total", node["code"])
        if self.wants("no-subtotal") and (node := self.pick(kegiatan)):
            del node["budget"]
            self.seeded("no-subtotal", node["code"])
        if self.wants("unknown-code") and (node := self.pick(subs)):
            siblings = {c["code"] for k in kegiatan for c in k.get("children", ())}
            number = 90
            base = node["code"].rsplit(".", 1)[0]
            while f"{base}.{number:04d}" in siblings:
                number += 1
            node["code"] = f"{base}.{number:04d}"
            self.seeded("unknown-code", node["code"])
        if self.wants("official-name") and (node := self.pick(subs)):
            first, _, rest = node["name"].partition(" ")
            node["name"] = f"{first[:-2]}{first[-1]} {rest}"  # Penyediaan → Penyedian
            self.seeded("official-name", node["code"])
        if self.wants("no-indicator") and (node := self.pick(subs)):
            del node["indicators"]
            self.seeded("no-indicator", node["code"])
        if self.wants("no-location") and (node := self.pick(subs)):
            del node["location"]
            self.seeded("no-location", node["code"])
        with_indicator = [s for s in subs if s.get("indicators")]
        if self.wants("no-unit") and (node := self.pick(with_indicator)):
            planned = node["indicators"][0]["planned"]
            year = self.defect_rng.choice([y for y, q in planned.items() if q["amount"] != "-"])
            del planned[year]["unit"]
            self.seeded("no-unit", f"{node['code']} {year}")
        if self.wants("no-end") and (node := self.pick(with_indicator)):
            del node["indicators"][0]["end_of_period"]
            self.seeded("no-end", node["code"])
        stocks = [s for s in with_indicator if s["indicators"][0]["aggregation"] == "last"
                  and id(s) not in self.used]
        if self.wants("end-other-kind") and (node := self.pick(stocks)):
            ind = node["indicators"][0]
            total = sum((_zero(_parse(q["amount"])) for q in ind["planned"].values()),
                        Decimal(0))
            last = _zero(_parse(ind["planned"][str(self.years[-1])]["amount"]))
            if total != last:
                ind["end_of_period"]["amount"] = _m(total)
                self.seeded("end-other-kind", node["code"])
        if self.wants("end-fits-nothing") and (node := self.pick(with_indicator)):
            ind = node["indicators"][0]
            amounts = [_zero(_parse(q["amount"])) for q in ind["planned"].values()]
            end = sum(amounts, Decimal(0)) + max(amounts) + 7
            ind["end_of_period"]["amount"] = _m(end)
            self.seeded("end-fits-nothing", node["code"])
        if self.wants("future-realisation") and (node := self.pick(subs)):
            budget = node["budget"]
            year = str(self.years[0])
            budget["realised"] = {year: budget["planned"][year]}
            self.seeded("future-realisation", f"{node['code']} {year}")
        if self.wants("special-autonomy") and (node := self.pick(plain)):
            segments = node["code"].split(".")
            p, k = int(segments[2]), int(segments[4])
            segments[3] = "3"
            node["code"] = ".".join(segments)
            node["name"] = kegiatan_name(self.agency.bidang, p, k, 3)
            for child in node.get("children", ()):
                s = int(child["code"].split(".")[-1])
                child["code"] = f"{node['code']}.{s:04d}"
                if s <= _MAX_SUB:
                    child["name"] = sub_kegiatan_name(self.agency.bidang, p, k, s, 3)
            self.seeded("special-autonomy", node["code"])
        if self.wants("generic-code"):
            supporting = programs[0]
            _recode(supporting, "X.XX")
            self.seeded("generic-code", supporting["code"])
        if self.wants("foreign-code") and (node := self.pick(others)):
            _recode(node, _foreign(self.agency.bidang))
            self.seeded("foreign-code", node["code"])

    def seed_table_defects(self, data: dict[str, Any]) -> None:
        rows = data["budget_table"]
        kegiatan_rows = [r for r in rows if r["level"] == "kegiatan"]
        in_tree = {k["code"] for k in self.activities(data, "kegiatan")}
        if self.wants("tc24-sum") and (row := self.pick(kegiatan_rows)):
            year = str(self.defect_rng.choice(self.years))
            row["budget"]["planned"][year] = _m(_zero(_parse(row["budget"]["planned"][year]))
                                                + Decimal(1_000_000))
            self.seeded("tc24-sum", f"{row['code']} {year}")
        if self.wants("tc24-hierarchy") and (row := self.pick(kegiatan_rows)):
            segments = row["code"].split(".")
            segments[2] = f"{int(segments[2]) + 50:02d}"
            row["code"] = ".".join(segments)
            self.seeded("tc24-hierarchy", row["label"])
        named = [r for r in kegiatan_rows if r["code"] in in_tree]
        if self.wants("name-mismatch") and (row := self.pick(named)):
            row["label"] = row["label"] + " Daerah"
            self.seeded("name-mismatch", row["code"])
        funded = [r for r in kegiatan_rows
                  if all(_zero(_parse(v)) > 0 for v in r["budget"]["planned"].values())]
        if self.wants("missing-ratio") and (row := self.pick(funded)):
            row["budget"]["realised"] = dict(row["budget"]["planned"])
            self.seeded("missing-ratio", row["label"])
        if self.wants("wrong-ratio") and (row := self.pick(funded)):
            row["budget"]["realised"] = dict(row["budget"]["planned"])
            row["stated_ratio"] = {str(y): "100.00" for y in self.years}
            row["stated_ratio"][str(self.years[1])] = "90.00"
            self.seeded("wrong-ratio", row["label"])
        # The average growth of every row, as T-C.24 states it; then the growth defects.
        growth: list[tuple[dict[str, Any], Decimal, Decimal | None]] = []
        for row in rows:
            series = {int(y): _parse(v) for y, v in row["budget"]["planned"].items()}
            mean = mean_growth(series)
            stated = NIL if isinstance(mean, Undefined) else present(mean)
            assert stated is not None
            row["stated_growth_planned"] = _m(stated)
            last = _last_step(series)
            if isinstance(stated, Decimal):
                growth.append((row, stated, last))
        if self.wants("growth-last-step"):
            hits = [(row, last) for row, stated, last in growth
                    if last is not None and last != stated and id(row) not in self.used]
            if len(hits) >= 2:
                for row, last in hits[:3]:
                    self.used.add(id(row))
                    row["stated_growth_planned"] = _m(last)
                self.seeded("growth-last-step", ", ".join(r["label"] for r, _ in hits[:3]))
        free = [row for row, _, _ in growth]
        if self.wants("growth-nothing") and (row := self.pick(free)):
            stated = _parse(row["stated_growth_planned"])
            row["stated_growth_planned"] = _m(_zero(stated) + Decimal("7.31"))
            self.seeded("growth-nothing", row["label"])

    def seed_indicator_defects(self, data: dict[str, Any]) -> None:
        key = data["key_indicators"]
        shares = [k for k in key if "percent" in k["indicator"]["baseline"]]
        if self.wants("percentage") and (row := self.pick(shares)):
            year = str(self.years[1])
            cell = row["indicator"]["planned"][year]
            cell["percent"] = _m(_parse(cell["percent"]) + Decimal(5))  # type: ignore[operator]
            self.seeded("percentage", f"7.1 row {row['number']} {year}")
        if self.wants("shifted-percentages") and (row := self.pick(shares)):
            ind = row["indicator"]
            denominator = _parse(ind["end_of_period"]["amount"])
            years = [str(self.baseline), *(str(y) for y in self.years)]
            cells = [ind["baseline"], *(ind["planned"][y] for y in years[1:])]
            following = [*cells[1:], ind["end_of_period"]]
            for cell, after in zip(cells, following, strict=True):
                shown = present(share(_parse(after["amount"]), denominator))
                assert shown is not None  # the denominator is positive
                cell["percent"] = _m(shown)
            self.seeded("shifted-percentages", f"7.1 row {row['number']}")
        rows = data["service_performance"]
        if self.wants("linked-value") and (row := self.pick(rows)):
            year = str(self.years[2])
            cell = row["indicator"]["planned"][year]
            cell["amount"] = _m(_zero(_parse(cell["amount"])) + Decimal(3))
            self.seeded("linked-value", f"T-C.23 row {row['number']} {year}")
        if self.wants("linked-unit") and (row := self.pick(rows)):
            ind = row["indicator"]
            unit = ind["planned"][str(self.years[0])]["unit"]
            other = _OTHER_UNITS.get(unit, "Satuan Lain")
            for cell in ind["planned"].values():
                cell["unit"] = other
            self.seeded("linked-unit", f"T-C.23 row {row['number']}")
        goal_indicators = [i for g in data["goals"] for t in g["targets"]
                           for i in t["indicators"]]
        if self.wants("no-aggregation") and (ind := self.pick(goal_indicators)):
            del ind["aggregation"]
            self.seeded("no-aggregation", ind["id"])


def _parse(text: str) -> Decimal | Nil:
    return NIL if text == "-" else Decimal(text)


def _last_step(series: dict[int, Decimal | Nil]) -> Decimal | None:
    from ..calculators.growth import last_step_growth

    value = last_step_growth(series)
    return None if isinstance(value, Undefined) else present(value)


def _foreign(bidang: str) -> str:
    """The bidang urusan a foreign-code defect moves a program of *bidang* to."""
    return next(a.bidang for a in AGENCIES[::-1] if a.bidang != bidang)


def _recode(node: dict[str, Any], bidang: str) -> None:
    """Write *node*'s subtree under bidang urusan *bidang* (``X.XX`` for the generic form)."""
    segments = node["code"].split(".")
    node["code"] = ".".join([*bidang.split("."), *segments[2:]])
    for child in node.get("children", ()):
        _recode(child, bidang)


# -- the public functions ----------------------------------------------------------------------


def _per_million(rate: Decimal | float | str) -> int:
    value = Decimal(str(rate))
    if not 0 <= value <= 1:
        raise ValueError(f"the defect rate is a probability (0 … 1), not {rate}")
    return int(value * 1_000_000)


def plan_path(index: int) -> str:
    """The path of plan *index* in a corpus folder: ``<region>/<agency>.json``."""
    place = region(index // AGENCIES_PER_REGION)
    agency = AGENCIES[index % AGENCIES_PER_REGION]
    folder = f"{place.number:03d}-{_slug(place.name)}"
    return f"{folder}/{index % AGENCIES_PER_REGION:02d}-{_slug(agency.name)}.json"


def _slug(text: str) -> str:
    return "-".join("".join(c for c in word if c.isalnum()) for word in text.lower().split())


def generate(
    index: int,
    *,
    seed: int = 0,
    defect_rate: Decimal | float | str = 0,
    shape: Shape | None = None,
) -> GeneratedPlan:
    """Plan *index* of the corpus of *seed*, with defects seeded at *defect_rate* (each kind
    of :data:`DEFECTS` with that probability); *shape* fixes its size."""
    if index < 0:
        raise ValueError(f"a plan index is 0 or more, not {index}")
    builder = _Builder(index, seed, _per_million(defect_rate), shape)
    data = builder.build()
    return GeneratedPlan(index, plan_path(index), data, tuple(builder.defects))


def generate_plan(
    index: int = 0,
    *,
    seed: int = 0,
    defect_rate: Decimal | float | str = 0,
    shape: Shape | None = None,
) -> Plan:
    """Plan *index* of the corpus of *seed*, as a :class:`~renstra_model.Plan`."""
    return generate(index, seed=seed, defect_rate=defect_rate, shape=shape).plan()


def corpus(
    count: int,
    *,
    seed: int = 0,
    defect_rate: Decimal | float | str = 0,
    start: int = 0,
) -> Iterator[GeneratedPlan]:
    """Plans *start* … *start* + *count* − 1 of the corpus of *seed*, one at a time."""
    for index in range(start, start + count):
        yield generate(index, seed=seed, defect_rate=defect_rate)


@frozen
class _Job:
    output: Path
    seed: int
    defect_rate: str


def _write_one(job: _Job, index: int) -> tuple[str, tuple[Defect, ...]]:
    generated = generate(index, seed=job.seed, defect_rate=job.defect_rate)
    target = job.output / generated.path
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(generated.text(), encoding="utf-8")
    return generated.path, generated.defects


class _Writer:
    """Picklable: writes plan *index* of a job (for a process pool)."""

    def __init__(self, job: _Job) -> None:
        self.job = job

    def __call__(self, index: int) -> tuple[str, tuple[Defect, ...]]:
        return _write_one(self.job, index)


@frozen
class CorpusWritten:
    """What :func:`write_corpus` wrote."""

    plans: int
    defects: int
    folder: Path


def write_corpus(
    output: Path,
    count: int,
    *,
    seed: int = 0,
    defect_rate: Decimal | float | str = 0,
    jobs: int = 1,
    progress: Callable[[int], None] | None = None,
) -> CorpusWritten:
    """Write *count* plans under *output* (``<region>/<agency>.json``), with
    ``nomenclature.csv`` (the catalogue their codes come from) and ``defects.csv`` (every
    seeded defect: plan, kind, family, rule, where). With *jobs* > 1 the plans are generated
    by that many processes; the files are the same."""
    _per_million(defect_rate)  # a bad rate fails before anything is written
    output.mkdir(parents=True, exist_ok=True)
    # The bidang of the corpus's agencies, and those a foreign-code defect borrows.
    bidangs = {AGENCIES[i].bidang for i in range(min(count, AGENCIES_PER_REGION))}
    bidangs.update(_foreign(bidang) for bidang in list(bidangs))
    (output / "nomenclature.csv").write_text(catalogue_csv(bidangs), encoding="utf-8")
    job = _Job(output, seed, str(defect_rate))
    written = defects = 0
    with (output / "defects.csv").open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(["plan", "kind", "family", "rule", "where"])
        results: Iterable[tuple[str, tuple[Defect, ...]]]
        if jobs > 1:
            import multiprocessing

            with multiprocessing.get_context("spawn" if _no_fork() else "fork").Pool(
                jobs
            ) as pool:
                results = pool.imap(_Writer(job), range(count), chunksize=16)
                written, defects = _record(results, writer, progress)
        else:
            results = (_write_one(job, index) for index in range(count))
            written, defects = _record(results, writer, progress)
    return CorpusWritten(written, defects, output)


def _no_fork() -> bool:
    import multiprocessing

    return "fork" not in multiprocessing.get_all_start_methods()


def _record(
    results: Iterable[tuple[str, tuple[Defect, ...]]],
    writer: Any,
    progress: Callable[[int], None] | None,
) -> tuple[int, int]:
    written = defects = 0
    for path, seeded in results:
        written += 1
        for defect in seeded:
            defects += 1
            writer.writerow([path, defect.kind, defect.family, defect.rule, defect.where])
        if progress is not None:
            progress(written)
    return written, defects


def catalogue() -> Nomenclature:
    """The synthetic catalogue as a :class:`~renstra_model.model.nomenclature.Nomenclature`."""
    from ..model.codes import Code, Level
    from ..model.nomenclature import Entry, Nomenclature

    seen: set[str] = set()
    entries = []
    for code, level, name in catalogue_rows():
        if code not in seen:
            seen.add(code)
            entries.append(Entry(Code.parse(code), Level(level), name))
    return Nomenclature(entries, source="synthetic catalogue")

"""The synthetic world: the 40 agencies of every region, the regions, the words of invented
names, and the catalogue of codes the plans are coded from.

Codes and names come from a synthetic catalogue (:func:`catalogue`): codes shaped like the
national nomenclature's, inside the agency's bidang urusan (the supporting program in its
``X.XX.01`` form), with invented names.

>>> region(0).name
'Kabupaten Tasu Masu'
>>> program_name("1.06", 1)
'PROGRAM PENUNJANG URUSAN PEMERINTAHAN DAERAH KABUPATEN/KOTA'
"""

from __future__ import annotations

import csv
import io
import random
from collections.abc import Iterable, Iterator, Sequence
from typing import TYPE_CHECKING, Final

from attrs import frozen

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


def _foreign(bidang: str) -> str:
    """The bidang urusan a foreign-code defect moves a program of *bidang* to."""
    return next(a.bidang for a in AGENCIES[::-1] if a.bidang != bidang)


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

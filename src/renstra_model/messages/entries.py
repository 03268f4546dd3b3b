"""The shared entries of the message catalogue: the messages of the model's values, codes,
files and plan files, of the tables' summary and of the severities, each in Indonesian (``id``)
and English (``en``). The rooms add their own (:func:`renstra_model.messages.extend`)."""

from __future__ import annotations

from typing import Final

ENTRIES: Final[dict[str, dict[str, str]]] = {
    # values
    "money.type": {
        "en": "money must be a Decimal, not {type}",
        "id": "nilai uang harus Decimal, bukan {type}",
    },
    "money.not_finite": {
        "en": "money must be finite, not {value}",
        "id": "nilai uang harus terhingga, bukan {value}",
    },
    "money.negative": {
        "en": "money must not be negative ({value})",
        "id": "nilai uang tidak boleh negatif ({value})",
    },
    "money.too_large": {
        "en": "{value} exceeds the largest amount a plan may hold ({limit})",
        "id": "{value} melebihi jumlah terbesar yang boleh dimuat rencana ({limit})",
    },
    "money.precision": {
        "en": "{value} has more than two decimal places (rupiah have 100 sen)",
        "id": "{value} memiliki lebih dari dua angka desimal (rupiah hanya sampai sen)",
    },
    "number.type": {
        "en": "a number must be a Decimal, not {type}",
        "id": "angka harus Decimal, bukan {type}",
    },
    "number.text": {
        "en": "numbers and money are decimal strings (\"4091594846.5\", \"-\" for nil), not {type}",
        "id": "angka dan uang ditulis sebagai teks desimal (\"4091594846.5\", \"-\" untuk nihil), bukan {type}",
    },
    "number.syntax": {
        "en": "{value!r} is not a decimal number",
        "id": "{value!r} bukan angka desimal",
    },
    "number.padded": {
        "en": "{value!r} has spaces around the number: write the number alone",
        "id": "{value!r} memuat spasi di sekitar angkanya: tulis angkanya saja",
    },
    "number.leading_zero": {
        "en": "{value!r} has a leading zero: write the number without it (a digit may be "
              "missing)",
        "id": "{value!r} diawali angka nol: tulis angkanya tanpa nol itu (mungkin ada digit "
              "yang hilang)",
    },
    "number.not_finite": {
        "en": "a number must be finite, not {value}",
        "id": "angka harus terhingga, bukan {value}",
    },
    "number.too_large": {
        "en": "{value} is too large (at most {limit} in absolute value)",
        "id": "{value} terlalu besar (paling besar {limit} secara mutlak)",
    },
    "number.places": {
        "en": "{value} has more than {limit} decimal places",
        "id": "{value} memiliki lebih dari {limit} angka desimal",
    },
    "count.type": {
        "en": "a count must be a whole number or \"-\", not {type}",
        "id": "jumlah harus bilangan bulat atau \"-\", bukan {type}",
    },
    "count.negative": {
        "en": "a count must not be negative ({value})",
        "id": "jumlah tidak boleh negatif ({value})",
    },
    "year.type": {
        "en": "a year must be a whole number, not {type}",
        "id": "tahun harus bilangan bulat, bukan {type}",
    },
    "year.range": {
        "en": "year {year} is not a plausible plan year ({low}-{high})",
        "id": "tahun {year} bukan tahun rencana yang wajar ({low}-{high})",
    },
    "year.outside_period": {
        "en": "year {year} lies outside the plan period {low}-{high}",
        "id": "tahun {year} berada di luar periode rencana {low}-{high}",
    },
    "period.order": {
        "en": "the period must satisfy baseline < first <= last year, got {baseline}, {first}, {last}",
        "id": "periode harus memenuhi tahun dasar < tahun pertama <= tahun terakhir, didapat {baseline}, {first}, {last}",
    },
    "period.length": {
        "en": "a plan period of {length} years is longer than {limit}",
        "id": "periode rencana {length} tahun lebih panjang dari {limit}",
    },
    "text.type": {
        "en": "expected text, not {type}",
        "id": "seharusnya teks, bukan {type}",
    },
    "text.empty": {
        "en": "text must not be empty",
        "id": "teks tidak boleh kosong",
    },
    "text.encoding": {
        "en": "text holds a character that cannot be written as UTF-8 (at {position})",
        "id": "teks memuat karakter yang tidak dapat ditulis sebagai UTF-8 (pada {position})",
    },
    "text.too_long": {
        "en": "text of {length} characters is longer than {limit}",
        "id": "teks sepanjang {length} karakter melebihi {limit}",
    },
    "date.type": {
        "en": "a date must be an ISO date string such as \"2021-09-09\", not {type}",
        "id": "tanggal harus berupa teks ISO seperti \"2021-09-09\", bukan {type}",
    },
    "date.syntax": {
        "en": "{value!r} is not an ISO date (YYYY-MM-DD)",
        "id": "{value!r} bukan tanggal ISO (TTTT-BB-HH)",
    },
    # codes
    "code.type": {
        "en": "a code must be text such as \"1.06.04.2.01.0003\", not {type}",
        "id": "kode harus berupa teks seperti \"1.06.04.2.01.0003\", bukan {type}",
    },
    "code.segments": {
        "en": "a Code holds a tuple of text segments, not {value} (use Code.parse)",
        "id": "Code berisi tuple segmen teks, bukan {value} (gunakan Code.parse)",
    },
    "code.syntax": {
        "en": "{value!r} is not a kode rekening: {why:reason.phrase.code_syntax}",
        "id": "{value!r} bukan kode rekening: {why:reason.phrase.code_syntax}",
    },
    "phrase.code_syntax.not_number": {
        "en": "segment {segment!r} is not a number", "id": "segmen {segment!r} bukan angka",
    },
    "phrase.code_syntax.too_wide": {
        "en": "segment {segment!r} has more than {width} digits",
        "id": "segmen {segment!r} lebih dari {width} digit",
    },
    "phrase.code_syntax.zero": {
        "en": "segment {segment!r} is zero", "id": "segmen {segment!r} bernilai nol",
    },
    "phrase.code_syntax.segments": {
        "en": "{count} segments (a code has 1, 2, 3, 5 or 6)",
        "id": "{count} segmen (kode terdiri atas 1, 2, 3, 5, atau 6 segmen)",
    },
    "phrase.code_syntax.not_canonical": {
        "en": "segment {segment!r} is not in canonical form (use Code.parse)",
        "id": "segmen {segment!r} tidak dalam bentuk baku (gunakan Code.parse)",
    },
    "phrase.code_syntax.too_long": {"en": "too long", "id": "terlalu panjang"},
    "phrase.code_syntax.empty": {"en": "it is empty", "id": "kosong"},
    "phrase.code_syntax.x_alone": {
        "en": "X must be followed by XX", "id": "X harus diikuti XX",
    },
    "phrase.code_syntax.xx_alone": {"en": "XX must follow X", "id": "XX harus didahului X"},
    "code.level": {
        "en": "code {code} is a {actual} code, but the row is a {expected}",
        "id": "kode {code} adalah kode {actual}, tetapi barisnya {expected}",
    },
    "code.not_child": {
        "en": "code {code} does not extend its parent's code {parent}",
        "id": "kode {code} bukan turunan kode induknya {parent}",
    },
    "code.duplicate": {
        "en": "code {code} appears more than once among siblings",
        "id": "kode {code} muncul lebih dari sekali di antara saudaranya",
    },
    "level.children": {
        "en": "a {level} cannot have children of level {child}",
        "id": "{level} tidak boleh memiliki anak dengan tingkat {child}",
    },
    "level.top": {
        "en": "the activity tree must start with programs, not {level}",
        "id": "pohon kegiatan harus dimulai dari program, bukan {level}",
    },
    "id.duplicate": {
        "en": "indicator id {id!r} is used more than once (first at {first})",
        "id": "id indikator {id!r} dipakai lebih dari sekali (pertama di {first})",
    },
    "id.unknown_link": {
        "en": "link to unknown indicator id {id!r}",
        "id": "tautan ke id indikator yang tidak dikenal {id!r}",
    },
    "mission.unknown": {
        "en": "goal refers to mission {number}, which the plan does not state",
        "id": "tujuan merujuk misi {number}, yang tidak dinyatakan dalam rencana",
    },
    "mission.duplicate": {
        "en": "mission number {number} appears more than once",
        "id": "nomor misi {number} muncul lebih dari sekali",
    },
    # files and structure
    "file.missing": {
        "en": "no such file: {file}",
        "id": "berkas tidak ditemukan: {file}",
    },
    "file.unreadable": {
        "en": "cannot read {file}: {why:reason.phrase.unreadable}",
        "id": "tidak dapat membaca {file}: {why:reason.phrase.unreadable}",
    },
    "phrase.unreadable.directory": {"en": "it is a directory", "id": "itu sebuah folder"},
    "phrase.unreadable.not_regular": {
        "en": "it is not a regular file", "id": "itu bukan berkas biasa",
    },
    "file.too_large": {
        "en": "{file} is {size} bytes, more than the limit of {limit} bytes",
        "id": "{file} berukuran {size} bita, melebihi batas {limit} bita",
    },
    "file.encoding": {
        "en": "{file} is not valid UTF-8 text (byte {position})",
        "id": "{file} bukan teks UTF-8 yang sah (bita ke-{position})",
    },
    "json.syntax": {
        "en": "invalid JSON at line {line}, column {column}: {why}",
        "id": "JSON tidak sah pada baris {line}, kolom {column}: {why}",
    },
    "json.depth": {
        "en": "JSON nested deeper than {limit} levels",
        "id": "JSON bersarang lebih dalam dari {limit} tingkat",
    },
    "json.constant": {
        "en": "{value} is not allowed in a plan file",
        "id": "{value} tidak diperbolehkan dalam berkas rencana",
    },
    "json.duplicate_key": {
        "en": "key {key!r} appears twice in one object",
        "id": "kunci {key!r} muncul dua kali dalam satu objek",
    },
    "format.version": {
        "en": "format_version {found!r} is not supported (this library reads {supported})",
        "id": "format_version {found!r} tidak didukung (pustaka ini membaca {supported})",
    },
    "structure.missing": {
        "en": "required field is missing",
        "id": "isian wajib tidak ada",
    },
    "structure.unknown_key": {
        "en": "unknown key {key!r}",
        "id": "kunci tidak dikenal {key!r}",
    },
    "structure.type": {
        "en": "expected {expected}, not {type}",
        "id": "seharusnya {expected}, bukan {type}",
    },
    "structure.choice": {
        "en": "{value!r} is not one of {choices}",
        "id": "{value!r} bukan salah satu dari {choices}",
    },
    "structure.invalid": {
        "en": "invalid value: {why:reason.phrase.invalid}",
        "id": "nilai tidak sah: {why:reason.phrase.invalid}",
    },
    "phrase.invalid.nested_also": {
        "en": "a further figure cannot carry further figures",
        "id": "angka tambahan tidak dapat memuat angka tambahan lagi",
    },
    "cli.plan_missing": {
        "en": "{plan!r} is neither a file nor a shipped example (known: {known})",
        "id": "{plan!r} bukan berkas maupun contoh bawaan (tersedia: {known})",
    },
    "cli.totals": {
        "en": "{plan}: {count} findings ({errors} errors, {warnings} warnings, {info} info)",
        "id": "{plan}: {count} temuan ({errors} galat, {warnings} peringatan, {info} info)",
    },
    "cli.unknown_rule": {
        "en": "{pattern!r} matches no rule id, prefix or family (see 'renstra rules')",
        "id": "{pattern!r} tidak cocok dengan id, awalan, atau keluarga aturan mana pun (lihat 'renstra rules')",
    },
    "cli.family": {"en": "family", "id": "keluarga"},
    "cli.severity": {"en": "severity", "id": "tingkat"},
    "cli.needs_nomenclature": {
        "en": "runs only with --nomenclature FILE",
        "id": "hanya berjalan dengan --nomenclature BERKAS",
    },
    "cli.example": {"en": "Example", "id": "Contoh"},
    "summary.missions": {"en": "Missions", "id": "Misi"},
    "summary.goals": {"en": "Goals", "id": "Tujuan"},
    "summary.targets": {"en": "Targets", "id": "Sasaran"},
    "summary.indicators": {"en": "Indicators", "id": "Indikator"},
    "summary.key_indicators": {"en": "Key indicators (7.1)", "id": "Indikator kinerja utama (7.1)"},
    "summary.programs": {"en": "Programs", "id": "Program"},
    "summary.kegiatan": {"en": "Kegiatan", "id": "Kegiatan"},
    "summary.sub_kegiatan": {"en": "Sub kegiatan", "id": "Sub kegiatan"},
    "summary.budget": {
        "en": "Planned budget (Rp, sum of sub kegiatan)",
        "id": "Pagu indikatif (Rp, jumlah sub kegiatan)",
    },
    "summary.period_total": {"en": "Period", "id": "Periode"},
    "undefined.zero_base": {"en": "undefined: zero base", "id": "tidak terdefinisi: nilai dasar nol"},
    "undefined.missing": {
        "en": "undefined: a value is missing",
        "id": "tidak terdefinisi: ada nilai yang kosong",
    },
    "undefined.nil": {
        "en": "undefined: a value is stated as nil (-)",
        "id": "tidak terdefinisi: ada nilai yang dinyatakan nihil (-)",
    },
    "undefined.sign_change": {
        "en": "undefined: the sign changes",
        "id": "tidak terdefinisi: tanda nilai berubah",
    },
    "undefined.negative_base": {
        "en": "undefined: negative starting value",
        "id": "tidak terdefinisi: nilai awal negatif",
    },
    "undefined.too_few": {
        "en": "undefined: too few years",
        "id": "tidak terdefinisi: tahun terlalu sedikit",
    },
    "checks.not_in_plan": {
        "en": "{level} {code} is not one of the plan's activities (nor equal to one)",
        "id": "{level} {code} bukan salah satu kegiatan rencana ini (dan tidak sama dengan salah satunya)",
    },
    "undefined.negative_target": {
        "en": "undefined: negative target",
        "id": "tidak terdefinisi: target negatif",
    },
    "undefined.units_differ": {
        "en": "undefined: the values are in different units",
        "id": "tidak terdefinisi: satuan nilai-nilainya berbeda",
    },
    "calculators.input_type": {
        "en": "a calculator takes a Decimal, an int, a Quantity, NIL or None, not {type}",
        "id": "kalkulator menerima Decimal, int, Quantity, NIL, atau None, bukan {type}",
    },
    "undefined.year": {"en": " (year {year})", "id": " (tahun {year})"},
    "predikat.sangat_tinggi": {"en": "very high", "id": "sangat tinggi"},
    "predikat.tinggi": {"en": "high", "id": "tinggi"},
    "predikat.sedang": {"en": "medium", "id": "sedang"},
    "predikat.rendah": {"en": "low", "id": "rendah"},
    "predikat.sangat_rendah": {"en": "very low", "id": "sangat rendah"},
    # reading: every reason a reader of a source file records for content it leaves unread
    # or reads with a remark. A plan keeps these notes (Plan.reading), so they are here, where
    # every room renders them, not beside the readers.
    "parse.empty": {
        "en": "the text is empty (an empty cell is absent, not a value)",
        "id": "teks kosong (sel kosong berarti tidak ada nilai)",
    },
    "parse.ambiguous": {
        "en": "{value!r} is ambiguous: {grouped} (a thousands separator) or {decimal} "
              "(a decimal mark); state the number style (id: 1.234,5; en: 1,234.5)",
        "id": "{value!r} bermakna ganda: {grouped} (pemisah ribuan) atau {decimal} "
              "(tanda desimal); nyatakan gaya angka (id: 1.234,5; en: 1,234.5)",
    },
    "parse.grouping": {
        "en": "{value!r} has misplaced thousands separators (groups of three digits)",
        "id": "{value!r} memiliki pemisah ribuan yang salah letak (kelompok tiga angka)",
    },
    "parse.style": {
        "en": "{value!r} is not a number in the {style} style ({example})",
        "id": "{value!r} bukan angka dalam gaya {style} ({example})",
    },
    "parse.quantity": {
        "en": "{value!r} is not a quantity: an amount or \"-\", a unit, and a percentage in "
              "brackets (25.325 KPM (72,18 %))",
        "id": "{value!r} bukan kuantitas: angka atau \"-\", satuan, dan persentase dalam "
              "kurung (25.325 KPM (72,18 %))",
    },
    "parse.date": {
        "en": "{value!r} is not a date with day, month and a four-digit year "
              "(9 September 2021, 09-09-2021, 2021-09-09)",
        "id": "{value!r} bukan tanggal dengan hari, bulan, dan tahun empat angka "
              "(9 September 2021, 09-09-2021, 2021-09-09)",
    },
    "parse.month": {
        "en": "{value!r} is not the name of a month (Januari … Desember)",
        "id": "{value!r} bukan nama bulan (Januari … Desember)",
    },
    "parse.style_choice": {
        "en": "{value!r} is not a number style (auto, id or en)",
        "id": "{value!r} bukan gaya angka (auto, id, atau en)",
    },
    "excel.formula": {
        "en": "the formula {formula} has no computed value saved in the file: open and save "
              "the workbook in a spreadsheet program, or type the value",
        "id": "rumus {formula} tidak memiliki nilai hasil yang tersimpan dalam berkas: buka "
              "dan simpan buku kerja dengan program lembar kerja, atau ketik nilainya",
    },
    "excel.error_value": {
        "en": "the cell holds the spreadsheet error {value}",
        "id": "sel berisi galat lembar kerja {value}",
    },
    "excel.cell_type": {
        "en": "expected {expected}, not {type}",
        "id": "seharusnya {expected}, bukan {type}",
    },
    "excel.more_problems": {
        "en": "{count} more problems are not listed",
        "id": "{count} masalah lainnya tidak dicantumkan",
    },
    "excel.too_wide": {
        "en": "the cell lies beyond the {limit} columns that are read",
        "id": "sel berada di luar {limit} kolom yang dibaca",
    },
    "excel.code_number": {
        "en": "the code is stored as the number {value}, which loses zeros (1.10 reads as "
              "1.1): store the code column as text",
        "id": "kode disimpan sebagai angka {value}, sehingga angka nol hilang (1.10 terbaca "
              "1.1): simpan kolom kode sebagai teks",
    },
    "excel.no_code": {
        "en": "the row has content but no code, so it cannot be placed in the plan: it is not "
              "read (a row of further indicators of the row above states indicator cells "
              "only)",
        "id": "baris berisi tetapi tidak berkode, sehingga tidak dapat ditempatkan dalam "
              "rencana: baris tidak dibaca (baris indikator tambahan dari baris di atasnya "
              "hanya berisi sel indikator)",
    },
    "excel.orphan_cell": {
        "en": "a row without a code adds an indicator to the row above; this cell belongs to "
              "no indicator and is not read",
        "id": "baris tanpa kode menambah indikator pada baris di atasnya; sel ini bukan bagian "
              "indikator dan tidak dibaca",
    },
    "excel.above_program": {
        "en": "a {level} row states only its code; this cell is not read",
        "id": "baris {level} hanya menyatakan kodenya; sel ini tidak dibaca",
    },
    "excel.after_total": {
        "en": "a row with a code below the total row (row {first}), which ends the table, is "
              "not read",
        "id": "baris berkode di bawah baris total (baris {first}), yang mengakhiri tabel, "
              "tidak dibaca",
    },
    "excel.unknown_column": {
        "en": "the column {title!r} is not part of the layout; its cells are not read",
        "id": "kolom {title!r} bukan bagian tata letak; selnya tidak dibaca",
    },
    "excel.parent_name": {
        "en": "the row names {code} {stated!r}, but row {first} named it {name!r}, which is "
              "kept: this name is not read",
        "id": "baris ini menamai {code} {stated!r}, tetapi baris {first} menamainya {name!r} "
              "yang dipakai: nama ini tidak dibaca",
    },
    "excel.noisy_number": {
        "en": "the stored number {stored} has more digits than a spreadsheet shows: read as "
              "{shown}, as it is displayed",
        "id": "angka tersimpan {stored} memiliki lebih banyak digit daripada yang ditampilkan "
              "lembar kerja: dibaca {shown}, sebagaimana ditampilkan",
    },
    "excel.code_conflict": {
        "en": "the column states {stated}, which the row's code {code} does not extend: the "
              "row is read as {code}, this cell is not read",
        "id": "kolom menyatakan {stated}, yang tidak diperluas oleh kode baris {code}: baris "
              "dibaca sebagai {code}, sel ini tidak dibaca",
    },
    "excel.conflict_name": {
        "en": "the row's code columns disagree on the parents of {code}, so this parent's name "
              "is not read",
        "id": "kolom kode baris ini tidak sepakat tentang induk {code}, sehingga nama induk "
              "ini tidak dibaca",
    },
    "excel.not_under": {
        "en": "the code {code} does not extend that of the row above it, {above} (row "
              "{above_row}): "
              "it is read as {code}, under {parent}, which no row states",
        "id": "kode {code} tidak memperluas kode baris di atasnya, {above} (baris "
              "{above_row}): "
              "dibaca sebagai {code}, di bawah {parent}, yang tidak dinyatakan baris mana pun",
    },
    "excel.duplicate": {
        "en": "code {code} was already stated at row {first}: the row is not read",
        "id": "kode {code} sudah dinyatakan pada baris {first}: baris tidak dibaca",
    },
    "excel.illegal_text": {
        "en": "the text holds control characters, which a workbook cannot store",
        "id": "teks memuat karakter kendali, yang tidak dapat disimpan dalam buku kerja",
    },
    "excel.too_many_rows": {
        "en": "the sheet has more than {limit} rows; it is not read",
        "id": "lembar memiliki lebih dari {limit} baris; tidak dibaca",
    },
    # reading a SIPD export (renstra_model.io.sipd): the notes of its rows
    "sipd.no_plan": {
        "en": "the row states no {missing}, so it belongs to no plan: it is not read (its "
              "content is kept here)",
        "id": "baris tidak menyatakan {missing}, sehingga bukan milik rencana mana pun: baris "
              "tidak dibaca (isinya disimpan di sini)",
    },
    "sipd.empty_field": {
        "en": "the row states no {column}, without which it cannot be placed in its plan: it "
              "is not read",
        "id": "baris tidak menyatakan {column}, yang diperlukan untuk menempatkannya dalam "
              "rencananya: baris tidak dibaca",
    },
    "sipd.row_type": {
        "en": "the row is {type}, not an object of fields: it is not read",
        "id": "baris berupa {type}, bukan objek berisi isian: baris tidak dibaca",
    },
    "sipd.period": {
        "en": "{value!r} is not a period of two four-digit years, the first and the last "
              "(20252029)",
        "id": "{value!r} bukan periode berupa dua tahun empat angka, tahun pertama dan "
              "terakhir (20252029)",
    },
    "sipd.period_years": {
        "en": "the period {period} has {years} years; an export states at most {limit} "
              "(pagu1 … pagu{limit})",
        "id": "periode {period} terdiri atas {years} tahun; ekspor menyatakan paling banyak "
              "{limit} (pagu1 … pagu{limit})",
    },
    "sipd.other_period": {
        "en": "the row states the period {period}, but its plan's is {plan} (row {first}): "
              "the row is not read",
        "id": "baris menyatakan periode {period}, tetapi periode rencananya {plan} (baris "
              "{first}): baris tidak dibaca",
    },
    "sipd.beyond_period": {
        "en": "the period {period} has {years} years, and this column lies beyond it: its "
              "content is not read",
        "id": "periode {period} terdiri atas {years} tahun, dan kolom ini berada di luarnya: "
              "isinya tidak dibaca",
    },
    "sipd.code_level": {
        "en": "{code} is a {actual} code, but {column} holds {expected} codes",
        "id": "{code} adalah kode {actual}, tetapi {column} memuat kode {expected}",
    },
    "sipd.identity_name": {
        "en": "the row's {column} is {stated!r}, but row {first} stated {name!r}, which is "
              "kept: this name is not read",
        "id": "{column} baris ini {stated!r}, tetapi baris {first} menyatakan {name!r} yang "
              "dipakai: nama ini tidak dibaca",
    },
    "sipd.extra_cells": {
        "en": "the row holds {count} cell(s) outside the header's {columns} named columns: "
              "they are not read",
        "id": "baris memuat {count} sel di luar {columns} kolom bernama pada kepala tabel: "
              "sel tersebut tidak dibaca",
    },
    "phrase.join.and": {"en": "and", "id": "dan"},
    "phrase.join.or": {"en": "or", "id": "atau"},
    "phrase.value.empty": {"en": "(empty)", "id": "(kosong)"},
    "phrase.value.undefined": {"en": "undefined", "id": "tak terdefinisi"},
    "severity.info": {"en": "info", "id": "info"},
    "severity.warning": {"en": "warning", "id": "peringatan"},
    "severity.error": {"en": "error", "id": "galat"},
    "example.unknown": {
        "en": "no shipped example named {name!r} (known: {known})",
        "id": "tidak ada contoh bawaan bernama {name!r} (tersedia: {known})",
    },
}

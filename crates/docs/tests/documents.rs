//! The forms of Annexes I–V, the Litmas and the termination letter, rendered to PDF and read back
//! with `pdftotext -layout` and `pdfinfo`.

mod common;

use common::*;
use karya_docs::{
    ATTITUDE_INDICATORS, AttendanceRow, CASE_PLAN_COMPONENTS, Document, TerminationGround, render,
};
use karya_domain::Minutes;

const CLIENT: &str = "Budi Santoso bin Slamet";

fn render_pdf(document: &Document) -> Vec<u8> {
    let pdf = render(document, &letterhead(), VERIFY_URL).expect("the document renders");
    assert!(pdf.starts_with(b"%PDF-"), "render returns a PDF");
    pdf
}

fn render_text(document: &Document) -> String {
    pdf_text(&render_pdf(document))
}

#[test]
fn every_document_carries_the_letterhead_and_the_verification_link() {
    for (kind, document) in one_document_of_each(CLIENT) {
        let text = render_text(&document);
        assert_contains_all(
            &text,
            &[
                "KEMENTERIAN IMIGRASI DAN PEMASYARAKATAN REPUBLIK INDONESIA",
                "KANTOR WILAYAH JAWA BARAT",
                "BALAI PEMASYARAKATAN KELAS I BANDUNG",
                "JALAN CONTOH RAYA NOMOR 17, BANDUNG 40123 TELEPON (022) 5550123",
                "E-MAIL: bapas.bandung@example.go.id",
                &format!("Verifikasi keaslian: {VERIFY_URL}"),
            ],
        );
        if kind != "partners" {
            assert!(
                text.contains(CLIENT),
                "the {kind} names the client:\n{text}"
            );
        }
    }
}

#[test]
fn annex_i_the_placement_form_names_the_place_the_work_and_the_schedule() {
    let text = render_text(&Document::Placement(placement(CLIENT)));
    assert_contains_all(
        &text,
        &[
            "TEMPAT KERJA SOSIAL KLIEN",
            "Nama Klien Budi Santoso bin Slamet",
            "Putusan Pengadilan Negeri Bandung Nomor 512/Pid.B/2026/PN Bdg tanggal 20 Oktober 2026",
            "Tempat Kerja Sosial SD Negeri 045 Cibaduyut",
            "Lokasi Tempat Kerja Sosial Jalan Cibaduyut Raya Nomor 45",
            "Sarung tangan karet",
            "Sepatu bot",
            "Hari Pukul Lama",
            "Sabtu 08.00–12.00 4 jam",
            "Minggu 08.00–11.30 3 jam 30 menit",
            "Jumlah per minggu: 7 jam 30 menit",
            "Bandung, 2 Desember 2026",
            "Mengetahui:",
            "Klien, Penanggung Jawab di Tempat Kerja Sosial,",
            "Budi Santoso bin Slamet Siti Rahmawati, S.Pd.",
        ],
    );
    // The seed's rows, whose labels wrap inside their cells.
    for label in [
        "Tempat Kerja Sosial",
        "Instansi Pemerintah/Non-Pemerintah",
        "Lokasi Tempat Kerja Sosial",
        "Deskripsi Kegiatan Kerja Sosial",
        "Rekomendasi Jadwal Kerja Sosial Untuk Klien",
        "Penanggung Jawab di Tempat Kerja Sosial",
    ] {
        assert_words_in_order(&text, &[label]);
    }
    assert_words_in_order(
        &text,
        &[
            "Deskripsi Kegiatan Kerja",
            "Membersihkan toilet pria di lantai 1 dan 2;",
            "membersihkan lapangan sekolah;",
            "merapikan buku di perpustakaan.",
            "Alat Pelindung Diri (APD) • Sarung tangan karet • Masker • Sepatu bot",
        ],
    );
    // The head signs beside the PK, under "Mengetahui".
    assert_words_in_order(
        &text,
        &[
            "Pembimbing Kemasyarakatan, Kepala Balai Pemasyarakatan Kelas I Bandung,",
            "Andi Pratama, S.Sos.",
            "NIP 199003172015031002",
            "Dr. Sri Wahyuningsih, S.H., M.H.",
            "NIP 197205141998032001",
        ],
    );
}

#[test]
#[expect(non_snake_case, reason = "test names end with the rule ID they check")]
fn the_litmas_for_the_prosecutor_is_addressed_and_carries_the_examination_and_the_recommendation_S8()
 {
    let text = render_text(&Document::Litmas(litmas_for_prosecutor(CLIENT)));
    assert_words_in_order(
        &text,
        &[
            "PENELITIAN KEMASYARAKATAN",
            "Kepada Yth.",
            "Kepala Kejaksaan Negeri Bandung",
            "g. Hasil Pemeriksaan, Rekomendasi Sidang TPP dan Keputusan Kepala Bapas",
            "Tim pemeriksa",
            "Ketua Anggota TPP Bandung; anggota Kepala Bapas Bandung; dibentuk 20 November 2026.",
            "21 November 2026 · Wawancara dengan Klien · berita acara",
            "Hasil pemeriksaan",
            "Klien tidak melaksanakan pidana kerja sosial tanpa alasan yang sah.",
            "25 November 2026; hadir: Anggota TPP Bandung, Kepala Bapas Bandung.",
            "Rekomendasi",
            "Menjalani pidana penjara yang diganti: 3 bulan.",
            "Diterima pada 27 November 2026: sesuai rekomendasi TPP.",
        ],
    );
    assert!(!text.contains("DRAF"));
    // However long the findings, the head's decision stays with the signatures.
    for lines in [1, 20, 30, 40, 55] {
        let mut litmas = litmas_for_prosecutor(CLIENT);
        if let Some(p) = litmas.for_prosecutor.as_mut() {
            p.findings = (1..=lines)
                .map(|n| format!("Temuan nomor {n}."))
                .collect::<Vec<_>>()
                .join("\n");
        }
        let pdf = render(&Document::Litmas(litmas), &letterhead(), VERIFY_URL).expect("renders");
        assert_words_in_order(
            &last_page_text(&pdf),
            &["Keputusan Kepala Bapas", "Menyetujui,"],
        );
    }
}

#[test]
fn annex_i_never_leaves_its_signatures_alone_on_a_page() {
    // However long the description, the last page holds the form's last row with the
    // signatures under it.
    for lines in [10, 20, 26, 30, 34, 40, 60] {
        let mut form = placement(CLIENT);
        form.work_description = (1..=lines)
            .map(|n| format!("Baris uraian kegiatan nomor {n}."))
            .collect::<Vec<_>>()
            .join("\n");
        let pdf = render(&Document::Placement(form), &letterhead(), VERIFY_URL).expect("renders");
        let last = last_page_text(&pdf);
        assert_words_in_order(
            &last,
            &[
                "Penanggung Jawab di Tempat Kerja Sosial",
                "Mengetahui:",
                "Pembimbing Kemasyarakatan,",
            ],
        );
    }
}

#[test]
fn annex_i_an_adat_community_is_a_non_government_institution_and_empty_lists_print_dashes() {
    let mut form = placement(CLIENT);
    form.institution = karya_docs::InstitutionKind::Customary;
    form.protective_equipment.clear();
    form.schedule.clear();
    let text = render_text(&Document::Placement(form));
    assert_contains_all(
        &text,
        &[
            "Non-Pemerintah (lembaga/masyarakat adat)",
            "Alat Pelindung Diri (APD) -",
            "Rekomendasi Jadwal Kerja -",
        ],
    );
    assert!(!text.contains("Jumlah per minggu"), "{text}");
}

#[test]
fn annex_ii_the_implementation_report_shows_the_hours_and_the_narrative() {
    let text = render_text(&Document::ImplementationReport(implementation_report(
        CLIENT,
        Some(photo()),
    )));
    assert_contains_all(
        &text,
        &[
            "LAPORAN PELAKSANAAN PIDANA KERJA SOSIAL BALAI PEMASYARAKATAN KELAS I BANDUNG",
            "Nama Klien : Budi Santoso bin Slamet",
            "Tempat Pidana Kerja Sosial : SD Negeri 045 Cibaduyut",
            "Bentuk Kerja Sosial Klien : Membersihkan ruang kelas, toilet dan halaman sekolah",
            "Nama Pembimbing Kemasyarakatan : Andi Pratama, S.Sos.",
            "Tindak Pidana : Pencurian ringan (Pasal 478 KUHP)",
            "Durasi Pidana Kerja Sosial : 120 jam (telah dijalani 37 jam 30 menit)",
            "Uraian:",
            "Klien hadir tepat waktu pada setiap jadwal",
            "tidak pernah meninggalkan tempat tanpa izin.",
            "Bandung, 15 Januari 2027",
            "Pembimbing Kemasyarakatan,",
            "NIP 199003172015031002",
        ],
    );
    assert!(
        !text.contains("Pas foto 3×4"),
        "a photo fills the box:\n{text}"
    );
}

#[test]
fn annex_ii_without_a_photo_leaves_a_labelled_box() {
    let text = render_text(&Document::ImplementationReport(implementation_report(
        CLIENT, None,
    )));
    assert_contains_all(&text, &["Pas foto 3×4"]);
}

#[test]
fn annex_iii_the_attendance_list_has_a_row_per_day_signature_columns_and_the_total() {
    let rows: Vec<AttendanceRow> = (1..=6).map(attendance_row).collect();
    let text = render_text(&Document::Attendance(attendance(CLIENT, rows)));
    assert_contains_all(
        &text,
        &[
            "DAFTAR HADIR KLIEN PIDANA KERJA SOSIAL",
            "Nama Klien : Budi Santoso bin Slamet",
            "Tempat Pidana Kerja Sosial : SD Negeri 045 Cibaduyut",
            "Periode : Bulan Desember 2026",
            "JUMLAH JAM DIAKUI 24 jam",
        ],
    );
    assert!(
        !text.contains("Menunggu verifikasi"),
        "nothing pending, nothing said:\n{text}"
    );
    // The seed's columns, whose headings wrap over two lines.
    assert_words_in_order(&text, &["WAKTU", "HADIR PULANG"]);
    for heading in ["NO", "HARI/", "TANGGAL", "KEGIATAN", "KLIEN", "TANGAN PJ"] {
        assert!(text.contains(heading), "missing {heading:?} in\n{text}");
    }
    assert_words_in_order(
        &text,
        &[
            "1 Minggu, 08.00 12.00 Membersihkan ruang kelas 1",
            "6 Desember 2026",
            "2 Senin, 08.00 12.00 Membersihkan ruang kelas 2",
            "7 Desember 2026",
            "6 Jumat, 08.00 12.00",
            "11 Desember 2026",
            "JUMLAH JAM DIAKUI",
        ],
    );
    assert_eq!(
        text.matches("✓ diverifikasi PJ Siti Rahmawati, S.Pd.")
            .count(),
        3,
        "the even days were verified in the system:\n{text}"
    );
}

#[test]
fn annex_iii_an_empty_period_says_so_and_a_missing_time_out_is_a_dash() {
    let text = render_text(&Document::Attendance(attendance(CLIENT, vec![])));
    assert_contains_all(
        &text,
        &[
            "Tidak ada kehadiran pada periode ini.",
            "JUMLAH JAM DIAKUI 0 menit",
        ],
    );
    // Hours reported but not yet credited are printed apart, never in the total.
    let mut pending = attendance(CLIENT, vec![attendance_row(1)]);
    pending.total = Minutes::ZERO;
    pending.pending = Minutes::from_hours(4);
    let text = render_text(&Document::Attendance(pending));
    assert_contains_all(
        &text,
        &[
            "JUMLAH JAM DIAKUI 0 menit",
            "Menunggu verifikasi (belum dihitung) 4 jam",
        ],
    );
    let mut row = attendance_row(1);
    row.time_out = None;
    let text = render_text(&Document::Attendance(attendance(CLIENT, vec![row])));
    assert_contains_all(&text, &["08.00 - Membersihkan ruang kelas 1"]);
    assert!(
        !text.contains("✓"),
        "an unverified day has no tick:\n{text}"
    );
}

#[test]
fn annex_iv_the_attitude_assessment_asks_the_ten_indicators_of_b6() {
    let text = render_text(&Document::Attitude(attitude(CLIENT)));
    assert_contains_all(
        &text,
        &[
            "LAPORAN PENILAIAN SIKAP KLIEN PIDANA KERJA SOSIAL",
            "Nama Klien : Budi Santoso bin Slamet",
            "Tanggal Kunjungan : 19 Desember 2026",
            "Durasi Pidana Kerja Sosial : 120 jam",
            "PETUNJUK PENGGUNAAN:",
            "Lembar ini diisi oleh PK ketika ia datang berkunjung ke tempat pidana kerja sosial.",
            "Beri checklist (✓) pada kolom JAWAB.",
            "CATATAN TAMBAHAN",
            "Klien menyatakan ingin mengikuti pelatihan perbengkelan di Griya Abhipraya.",
            "Bandung, 19 Desember 2026",
        ],
    );
    assert_words_in_order(&text, &["JAWAB", "NO. INDIKATOR KETERANGAN", "Ya Tidak"]);
    let numbered: Vec<String> = ATTITUDE_INDICATORS
        .iter()
        .enumerate()
        .map(|(i, indicator)| format!("{}. {indicator}", i + 1))
        .collect();
    let numbered: Vec<&str> = numbered.iter().map(String::as_str).collect();
    assert_words_in_order(&text, &numbered);
    assert_words_in_order(&text, &["1. Klien hadir", "Hadir pukul 07.55", "2. Klien"]);
    assert_words_in_order(
        &text,
        &[
            "3. Klien beristirahat sesuai dengan jam yang ditentukan ✓",
            "Istirahat 20 menit lebih lama dari jadwal",
            "4. Klien",
        ],
    );
    assert_words_in_order(
        &text,
        &[
            "CATATAN TAMBAHAN",
            "Penanggung Jawab di Tempat Pidana Kerja Sosial,",
            "Siti Rahmawati, S.Pd.",
        ],
    );
    assert_words_in_order(
        &text,
        &[
            "Pembimbing Kemasyarakatan Klien Pidana Kerja Sosial,",
            "Andi Pratama, S.Sos.",
            "NIP 199003172015031002",
        ],
    );
    // Nine answers are yes, one is no: ten ticks besides the one in the instructions.
    assert_eq!(text.matches('✓').count(), 11, "{text}");
}

#[test]
fn annex_v_the_partner_list_is_landscape_and_lists_each_agreement() {
    let pdf = render_pdf(&Document::Partners(partners(3)));
    let text = pdf_text(&pdf);
    assert_contains_all(
        &text,
        &[
            "DAFTAR MITRA PELAKSANAAN PIDANA KERJA SOSIAL BALAI PEMASYARAKATAN KELAS I BANDUNG",
            "Keadaan per tanggal 1 Desember 2026",
            "Mitra nomor 1",
            "Mitra nomor 3",
            "PKS.2/BAPAS-BDG/XII/2026",
            "5 Januari 2026",
            "4 Januari 2028",
            "Kepala Balai Pemasyarakatan Kelas I Bandung,",
        ],
    );
    // An agreement that has ended is flagged under its end date, and only that one.
    assert_words_in_order(
        &text,
        &[
            "Mitra nomor 2",
            "30 Juni 2026",
            "(Berakhir)",
            "Mitra nomor 3",
        ],
    );
    assert_eq!(text.matches("(Berakhir)").count(), 1);
    assert_words_in_order(
        &text,
        &[
            "DURASI PKS",
            "NO NAMA MITRA ALAMAT KONTAK LINGKUP PEKERJAAN NOMOR PKS",
            "Tanggal Tanggal",
            "Mulai Berakhir",
            "1 Mitra nomor 1 Jalan Contoh Nomor 1, Kota Bapak Contoh 1",
            "Bandung (022) 555-0001",
            "3 Mitra nomor 3",
        ],
    );
    // The third agreement has no end date.
    assert_contains_all(&text, &["PKS.3/BAPAS-BDG/XII/2026 5 Januari 2026 -"]);
    let info = pdf_page_size(&pdf);
    assert!(info.0 > info.1, "landscape: {info:?}");
}

#[test]
fn annex_v_without_partners_says_so() {
    let text = render_text(&Document::Partners(partners(0)));
    assert_contains_all(&text, &["Belum ada mitra pelaksanaan pidana kerja sosial."]);
}

#[test]
fn annex_v_with_250_partners_runs_over_several_pages_repeating_the_header() {
    let mut list = partners(250);
    // Without a signature the table reaches the last page, so every page has a header.
    list.signer = None;
    let pdf = render_pdf(&Document::Partners(list));
    let pages = pdf_pages(&pdf);
    assert!(pages > 1, "250 partners fill more than one page");
    let text = pdf_text(&pdf);
    assert_contains_all(
        &text,
        &[
            "Mitra nomor 1 ",
            "Mitra nomor 250",
            &format!("Halaman {pages} dari {pages}"),
        ],
    );
    assert_eq!(
        text.matches("NAMA MITRA").count(),
        pages,
        "the header repeats on every page"
    );
    assert_eq!(
        text.matches(&format!("Verifikasi keaslian: {VERIFY_URL}"))
            .count(),
        pages,
        "every page carries the verification link"
    );
}

#[test]
fn the_litmas_has_sections_a_to_f_and_the_ten_case_plan_components() {
    let text = render_text(&Document::Litmas(litmas(CLIENT, true)));
    assert_contains_all(
        &text,
        &[
            "PENELITIAN KEMASYARAKATAN UNTUK KEPENTINGAN PEMBIMBINGAN KEMASYARAKATAN KLIEN PIDANA KERJA SOSIAL",
            "Nomor : W.11.PAS.PAS.14-PK.01.05-0501/2026",
            "IDENTITAS KLIEN",
            "Nama : Budi Santoso bin Slamet",
            "NIK : 3273011705900003",
            "Tempat/Tanggal Lahir : Bandung, 17 Mei 1990",
            "Tindak Pidana : Pencurian ringan (Pasal 478 KUHP)",
            "a. Bunyi Amar Putusan",
            "Putusan Pengadilan Negeri Bandung Nomor 512/Pid.B/2026/PN Bdg tanggal 20 Oktober 2026",
            "Lamanya pidana kerja sosial : 120 (seratus dua puluh) jam",
            "b. Rekam Intervensi",
            "No. Jenis Intervensi Tanggal Hasil Sumber",
            "c. Rencana Pembimbingan Kemasyarakatan Klien",
            "1) Pendampingan: Mendampingi Klien ke tempat kerja sosial pada hari pertama.",
            "2) Pembimbingan: Konseling individu",
            "3) Pengawasan: Memeriksa laporan harian setiap minggu.",
            "d. Hasil Asesmen",
            "Risiko keberbahayaan : Rendah",
            "Risiko pengulangan tindak pidana : Sedang",
            "Pengendalian diri",
            "e. Analisis",
            "Klien menyesali perbuatannya dan didukung keluarga.",
            "Kebutuhan khusus Klien pasca sidang:",
            "Klien mengidap asma ringan",
            "f. Rencana Program",
            "No. Komponen Case Plan Rencana",
            "Menyetujui,",
            "tanggal 4 Desember 2026",
            "Dr. Sri Wahyuningsih, S.H., M.H.",
            "Bandung, 3 Desember 2026",
            "Andi Pratama, S.Sos.",
        ],
    );
    assert_words_in_order(
        &text,
        &[
            "a. Bunyi Amar Putusan",
            "b. Rekam Intervensi",
            "c. Rencana Pembimbingan Kemasyarakatan Klien",
            "d. Hasil Asesmen",
            "e. Analisis",
            "f. Rencana Program",
        ],
    );
    assert_words_in_order(
        &text,
        &[
            "1 Litmas untuk 14 September Direkomendasikan pidana kerja Berkas Bapas",
            "kepentingan sidang 2026 sosial",
        ],
    );
    let components: Vec<String> = CASE_PLAN_COMPONENTS
        .iter()
        .enumerate()
        .map(|(i, label)| format!("{}) {label}", i + 1))
        .collect();
    let components: Vec<&str> = components.iter().map(String::as_str).collect();
    assert_words_in_order(&text, &components);
    assert_words_in_order(
        &text,
        &[
            "Sabtu, 08.00–12.00 (4 jam)",
            "Minggu, 08.00–11.30 (3 jam 30 menit)",
            "Jumlah per minggu: 7 jam 30 menit",
            "Kebutuhan Khusus Klien",
            "Tidak ada",
        ],
    );
    assert!(!text.contains("DRAF"), "an approved Litmas is no draft");
}

#[test]
fn an_unapproved_litmas_is_marked_as_a_draft() {
    let mut draft = litmas(CLIENT, false);
    draft.number = None;
    draft.interventions.clear();
    let text = render_text(&Document::Litmas(draft));
    assert_contains_all(
        &text,
        &[
            "DRAF — belum disetujui Kepala Balai Pemasyarakatan",
            "Belum ada rekam intervensi sebelumnya.",
        ],
    );
    assert!(!text.contains("Nomor :"), "{text}");
    assert!(!text.contains("Dr. Sri Wahyuningsih"), "{text}");
}

#[test]
fn the_termination_letter_goes_to_ditjenpas_kanwil_and_prosecutor_with_a_copy_to_the_court() {
    let text = render_text(&Document::Termination(termination(CLIENT, completed())));
    assert_contains_all(
        &text,
        &[
            "Bandung, 29 Mei 2027",
            "Nomor : W.11.PAS.PAS.14-PK.01.05-0120/2027",
            "Lampiran : 1 (satu) berkas Laporan Hasil Pelaksanaan Pembimbingan Kemasyarakatan",
            "Hal : Pengakhiran Pelaksanaan Pidana Kerja Sosial",
            "Yth. 1. Direktur Jenderal Pemasyarakatan; \
             2. Kepala Kantor Wilayah Direktorat Jenderal Pemasyarakatan Jawa Barat; dan \
             3. Kepala Kejaksaan Negeri Bandung di Tempat",
            "Putusan Pengadilan Negeri Bandung Nomor 512/Pid.B/2026/PN Bdg tanggal 20 Oktober 2026",
            "dijatuhi pidana kerja sosial selama 120 (seratus dua puluh) jam",
            "Nama : Budi Santoso bin Slamet",
            "NIK : 3273011705900003",
            "Tempat/Tanggal Lahir : Bandung, 17 Mei 1990",
            "pelaksanaan Pembimbingan Kemasyarakatan terhadap Klien tersebut diakhiri",
            "Klien telah menjalani masa pidana kerja sosial berdasarkan putusan pengadilan, \
             dengan jumlah jam kerja sosial yang telah dijalani sebanyak 120 jam dari \
             120 (seratus dua puluh) jam yang diputuskan.",
            "kami lampirkan laporan hasil pelaksanaan Pembimbingan Kemasyarakatan",
            "Kepala Balai Pemasyarakatan Kelas I Bandung,",
            "Dr. Sri Wahyuningsih, S.H., M.H.",
            "Tembusan: 1. Ketua Pengadilan Negeri Bandung.",
        ],
    );
}

#[test]
fn the_termination_letter_states_death_or_sanction_with_its_evidence_t1_t2() {
    let died = TerminationGround::Died {
        died_on: jiff::civil::date(2027, 3, 2),
        certificate: "Surat Keterangan Kematian Nomor 474.3/45/Kel.Cbd tanggal 3 Maret 2027"
            .to_owned(),
    };
    let text = render_text(&Document::Termination(termination(CLIENT, died)));
    assert_contains_all(
        &text,
        &[
            "Klien meninggal dunia pada tanggal 2 Maret 2027, sebagaimana Surat Keterangan \
           Kematian Nomor 474.3/45/Kel.Cbd tanggal 3 Maret 2027.",
        ],
    );
    assert!(!text.contains("telah menjalani masa pidana"), "{text}");

    let sanctioned = TerminationGround::Sanctioned {
        sanction_letter: "Surat Kepala Balai Pemasyarakatan Kelas I Bandung Nomor \
            W.11.PAS.PAS.14-PK.01.05-0099/2027 tanggal 10 Mei 2027"
            .to_owned(),
    };
    let text = render_text(&Document::Termination(termination(CLIENT, sanctioned)));
    assert_contains_all(
        &text,
        &[
            "Klien mendapatkan sanksi pelanggaran, sebagaimana Surat Kepala Balai \
           Pemasyarakatan Kelas I Bandung Nomor W.11.PAS.PAS.14-PK.01.05-0099/2027 tanggal \
           10 Mei 2027.",
        ],
    );
}

#[test]
#[expect(non_snake_case, reason = "test names end with the rule ID they check")]
fn the_progress_report_reports_the_period_to_the_prosecutor_with_a_copy_to_the_court_S4_B8() {
    let text = render_text(&Document::ProgressReport(progress_report(CLIENT)));
    assert_words_in_order(
        &text,
        &[
            "Nomor",
            "W.11.PAS.PAS.14-PK.01.05-0131/2027",
            "Laporan Perkembangan Pembimbingan Kemasyarakatan",
            "Yth. Kepala Kejaksaan Negeri Bandung",
            "periode 1 Desember 2026 sampai dengan 31 Desember 2026 (laporan periodik), sebagai berikut:",
            "Pelaksanaan pidana kerja sosial",
            "tertinggal 12 jam 40 menit dari rencana",
            "6/10, 9/10; membaik.",
            "Konseling mental: 2 kali",
            "20 Desember 2026 · Donor darah · Donor darah di PMI",
            "Persiapan (preparation).",
            "Menolong korban banjir",
            "Perkembangan",
            "Klien mulai hadir teratur",
            "Hambatan",
            "Rencana tindak lanjut",
            "Pembimbing Kemasyarakatan,",
            "Tembusan:",
            "Ketua Pengadilan Negeri Bandung.",
        ],
    );
}

#[test]
#[expect(non_snake_case, reason = "test names end with the rule ID they check")]
fn the_tpp_minutes_record_who_sat_each_case_and_its_recommendation_signed_by_the_chair_S7() {
    let text = render_text(&Document::TppMinutes(tpp_minutes(CLIENT)));
    assert_words_in_order(
        &text,
        &[
            "BERITA ACARA SIDANG TIM PENGAMAT PEMASYARAKATAN",
            "Nomor: W.11.PAS.PAS.14-PK.01.05-0140/2027",
            "Pada hari ini, 8 Januari 2027, bertempat di Ruang Sidang TPP Bapas Bandung,",
            "1. Anggota TPP Bandung (Ketua Sidang)",
            "Kepala Bapas Bandung",
            "Sidang membahas 2 perkara",
            "1. Budi Santoso bin Slamet",
            "Putusan Pengadilan Negeri Bandung Nomor",
            "Perbuatan baik",
            "Perilaku baik, dicatat dalam laporan perkembangan berikutnya",
            "2. Dedi Kurniawan bin Asep",
            "Dugaan pelanggaran",
            "Mengulang pidana kerja sosial",
            "Ketua Sidang TPP,",
            "Anggota TPP Bandung",
            "NIP 198001012005011001",
        ],
    );
}

#[test]
fn markup_in_user_text_is_printed_literally_in_every_document() {
    let name = "*Budi* _Santoso_ #set text(red) $x^2$ #{panic()} <lbl> @ref [x] \\ // no comment";
    let free = "#pagebreak() `raw` = Heading #read(\"data.json\") ] #image(\"qr.svg\")";
    for (kind, mut document) in one_document_of_each(name) {
        let mut expected = free.to_owned();
        match &mut document {
            Document::Placement(d) => d.work_description = free.into(),
            Document::ImplementationReport(d) => d.narrative = free.into(),
            Document::Attendance(d) => d.rows[0].activity = free.into(),
            Document::Attitude(d) => d.note = free.into(),
            Document::Partners(d) => d.partners[0].name = format!("{name} {free}"),
            Document::Litmas(d) => d.analysis = free.into(),
            Document::ProgressReport(d) => d.progress = free.into(),
            Document::TppMinutes(d) => d.cases[0].deliberation = free.into(),
            Document::Termination(d) => {
                d.ground = TerminationGround::Sanctioned {
                    sanction_letter: free.into(),
                };
                // The letter ends the sentence after the reference.
                expected.push('.');
            }
            _ => unreachable!("one_document_of_each has only these kinds"),
        }
        let pdf = render(&document, &letterhead(), VERIFY_URL)
            .unwrap_or_else(|e| panic!("the {kind} renders: {e}"));
        let text = pdf_text(&pdf);
        assert_words_in_order(&text, &[name]);
        assert_words_in_order(&text, &[&expected]);
    }
}

#[test]
fn rendering_the_same_document_twice_gives_the_same_bytes() {
    for (kind, document) in one_document_of_each(CLIENT) {
        let first = render(&document, &letterhead(), VERIFY_URL).expect("renders");
        let second = render(&document, &letterhead(), VERIFY_URL).expect("renders");
        assert!(first == second, "the {kind} must be reproducible");
    }
}

#[test]
fn a_damaged_photo_is_a_template_error_not_a_panic() {
    let mut bytes = PHOTO_PNG[..40].to_vec();
    bytes.extend_from_slice(b"not the rest of a PNG");
    let photo = karya_docs::Photo::from_bytes(bytes).expect("starts like a PNG");
    let document = Document::ImplementationReport(implementation_report(CLIENT, Some(photo)));
    let error = render(&document, &letterhead(), VERIFY_URL).expect_err("cannot decode");
    assert!(
        matches!(error, karya_docs::DocsError::Template(_)),
        "{error}"
    );
}

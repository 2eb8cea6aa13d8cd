//! Every letter kind rendered to PDF and read back with `pdftotext`.

mod common;

use common::*;
use karya_docs::{Letter, MissingDocument, SummonsRound, render};

const CLIENT: &str = "Budi Santoso bin Slamet";

fn render_text(letter: &Letter) -> String {
    let pdf = render(letter, &letterhead(), VERIFY_URL).expect("the letter renders");
    assert!(pdf.starts_with(b"%PDF-"), "render returns a PDF");
    pdf_text(&pdf)
}

#[test]
fn every_letter_carries_the_letterhead_number_date_signer_and_verification_link() {
    for (kind, letter) in one_of_each(CLIENT) {
        let pdf = render(&letter, &letterhead(), VERIFY_URL).expect("the letter renders");
        let text = pdf_text(&pdf);
        assert_contains_all(
            &text,
            &[
                "KEMENTERIAN IMIGRASI DAN PEMASYARAKATAN REPUBLIK INDONESIA",
                "KANTOR WILAYAH JAWA BARAT",
                "BALAI PEMASYARAKATAN KELAS I BANDUNG",
                "JALAN CONTOH RAYA NOMOR 17, BANDUNG 40123 TELEPON (022) 5550123",
                "E-MAIL: bapas.bandung@example.go.id",
                CLIENT,
                "Kepala Balai Pemasyarakatan Kelas I Bandung,",
                "Dr. Sri Wahyuningsih, S.H., M.H.",
                "NIP 197205141998032001",
                "Putusan Pengadilan Negeri Bandung Nomor 512/Pid.B/2026/PN Bdg tanggal 20 Oktober 2026",
                &format!("Verifikasi keaslian: {VERIFY_URL}"),
            ],
        );
        let (number, dated) = match &letter {
            Letter::Summons(l) => (&l.number, "Bandung, 28 November 2026"),
            Letter::MissingDocuments(l) => (&l.number, "Bandung, 28 November 2026"),
            Letter::AbsenceConsideration(l) => (&l.number, "Bandung, 30 Desember 2026"),
            Letter::Assignment(l) => (&l.number, "Bandung, 30 November 2026"),
        };
        assert_contains_all(&text, &[&format!("Nomor : {number}"), dated]);
        assert_eq!(
            text.matches("Nomor : W.11").count(),
            1,
            "the {kind} letter prints its number once"
        );
    }
}

#[test]
fn a_summons_tells_the_client_when_and_where_to_appear_i3() {
    let text = render_text(&Letter::Summons(summons(CLIENT, SummonsRound::First)));
    assert_contains_all(
        &text,
        &[
            "Hal : Panggilan Pertama",
            "Yth. Sdr. Budi Santoso bin Slamet",
            "Jalan Cibaduyut Lama Gang Mawar Nomor 5, RT 02/RW 07, Kota Bandung",
            "yang telah berkekuatan hukum tetap, Saudara dijatuhi pidana kerja sosial",
            "Saudara dipanggil untuk hadir pada:",
            "Hari/tanggal : Senin, 7 Desember 2026",
            "Pukul : 09.00 WIB",
            "Tempat : Balai Pemasyarakatan Kelas I Bandung, Jalan Contoh Raya Nomor 17",
            "Saudara akan dipanggil kembali",
        ],
    );
    assert!(!text.contains("panggilan ketiga atau terakhir"));
}

#[test]
fn the_third_summons_warns_that_absence_is_a_violation_reported_to_the_prosecutor_i3_i4() {
    let text = render_text(&Letter::Summons(summons(CLIENT, SummonsRound::Third)));
    assert_contains_all(
        &text,
        &[
            "Hal : Panggilan Ketiga",
            "Panggilan ini merupakan panggilan ketiga atau terakhir.",
            "dicatat sebagai bentuk pelanggaran terhadap pembimbingan",
            "menyampaikan pertimbangan kepada Jaksa",
        ],
    );
    assert!(!text.contains("akan dipanggil kembali"));
}

#[test]
fn a_missing_documents_letter_asks_the_prosecutors_office_for_each_item_d3() {
    let letter = missing_documents(CLIENT, missing_items());
    let text = render_text(&Letter::MissingDocuments(letter));
    assert_contains_all(
        &text,
        &[
            "Hal : Permohonan Kelengkapan Berkas Klien Pidana Kerja Sosial",
            "Yth. Kepala Kejaksaan Negeri Bandung",
            "hasil pemeriksaan keabsahan dokumen",
            "No. Dokumen Keterangan",
            "Belum diterima",
            "Stempel pengadilan tidak terbaca",
            "mohon bantuan Bapak/Ibu untuk melengkapi kekurangan berkas",
        ],
    );
    // pdftotext -layout may wrap a long cell, so check its words one by one.
    for word in ["(P-48)", "Salinan", "barcode"] {
        assert!(text.contains(word), "missing {word:?} in\n{text}");
    }
}

#[test]
fn an_absence_consideration_lists_the_three_summonses_and_the_heads_view_i4() {
    let text = render_text(&Letter::AbsenceConsideration(absence(CLIENT)));
    assert_contains_all(
        &text,
        &[
            "Hal : Pertimbangan atas Ketidakhadiran Klien Pidana Kerja Sosial",
            "Yth. Kepala Kejaksaan Negeri Bandung",
            "pemanggilan sebanyak 3 (tiga) kali",
            "panggilan pertama tanggal 28 November 2026;",
            "panggilan kedua tanggal 9 Desember 2026; dan",
            "panggilan ketiga tanggal 21 Desember 2026.",
            "dicatat sebagai bentuk pelanggaran terhadap Pembimbingan",
            "tidak ditemukan pada alamat yang tercantum dalam putusan.",
            "Kami merekomendasikan agar Jaksa mempertimbangkan",
        ],
    );
}

#[test]
fn an_assignment_letter_orders_the_pk_to_guide_the_client() {
    let text = render_text(&Letter::Assignment(assignment(CLIENT)));
    assert_contains_all(
        &text,
        &[
            "SURAT PERINTAH MELAKSANAKAN TUGAS",
            "Keputusan Direktur Jenderal Pemasyarakatan Nomor PAS-145.OT.02.02 Tahun 2025",
            "MEMERINTAHKAN:",
            "Nama : Andi Pratama, S.Sos.",
            "NIP : 199003172015031002",
            "Jabatan : Pembimbing Kemasyarakatan Ahli Pertama",
            "Melaksanakan pembimbingan kemasyarakatan terhadap Klien pidana kerja sosial atas nama Budi Santoso bin Slamet",
            "Menyusun Penelitian Kemasyarakatan dan mendampingi Klien",
            "sampai dengan selesai;",
            "Melaporkan pelaksanaan tugas kepada Kepala Balai Pemasyarakatan;",
        ],
    );
}

#[test]
fn markup_in_user_text_is_printed_literally_not_interpreted() {
    let name = "*Budi* _Santoso_ #set text(red) $x^2$ #{panic()} <lbl> @ref [x] \\ // no comment";
    for (kind, mut letter) in one_of_each(name) {
        // Each kind also gets markup in a field of its own.
        let injected = match &mut letter {
            Letter::Summons(l) => {
                l.client_address = "#pagebreak() Jalan `raw` = Heading".into();
                l.client_address.clone()
            }
            Letter::MissingDocuments(l) => {
                l.missing[0].note = "#image(\"/etc/passwd\")".into();
                l.missing[0].note.clone()
            }
            Letter::AbsenceConsideration(l) => {
                l.consideration = "#read(\"data.json\") ]".into();
                l.consideration.clone()
            }
            Letter::Assignment(l) => {
                l.task = "#import \"common.typ\": * ; #kop".into();
                l.task.clone()
            }
        };
        let pdf = render(&letter, &letterhead(), VERIFY_URL)
            .unwrap_or_else(|e| panic!("the {kind} letter renders: {e}"));
        let text = pdf_text(&pdf);
        assert_contains_all(&text, &[name, &injected]);
    }
}

#[test]
fn a_letter_without_missing_items_still_renders_a_dash_row_d3() {
    let text = render_text(&Letter::MissingDocuments(missing_documents(CLIENT, vec![])));
    assert_contains_all(&text, &["No. Dokumen Keterangan - - -"]);
}

#[test]
fn very_long_names_and_many_items_still_render() {
    let long_name = "Raden Mas ".repeat(60) + &"X".repeat(300);
    let many: Vec<MissingDocument> = (1..=120)
        .map(|i| MissingDocument {
            document: format!("Dokumen pendukung nomor {i}"),
            note: "Tidak sah".repeat(i % 7 + 1),
        })
        .collect();
    let mut summons = summons(&long_name, SummonsRound::Second);
    summons.signer.nip = None;
    summons.appearance.place = String::new();
    for letter in [
        Letter::Summons(summons),
        Letter::MissingDocuments(missing_documents(&long_name, many)),
        Letter::AbsenceConsideration(absence(&long_name)),
        Letter::Assignment(assignment(&long_name)),
    ] {
        let pdf = render(&letter, &letterhead(), VERIFY_URL).expect("the letter renders");
        let text = pdf_text(&pdf);
        assert!(text.contains("Raden Mas Raden Mas"));
        if let Letter::MissingDocuments(_) = letter {
            assert_contains_all(&text, &["Dokumen pendukung nomor 120", "Halaman 1 dari"]);
            assert_eq!(
                text.matches(&format!("Verifikasi keaslian: {VERIFY_URL}"))
                    .count(),
                text.matches("Halaman ").count(),
                "every page carries the verification link"
            );
        }
    }
}

#[test]
fn a_one_page_letter_has_no_page_numbers() {
    let text = render_text(&Letter::Assignment(assignment(CLIENT)));
    assert!(!text.contains("Halaman"), "{text}");
}

#[test]
fn a_signer_without_nip_gets_no_nip_line() {
    let mut letter = summons(CLIENT, SummonsRound::First);
    letter.signer.nip = None;
    let text = render_text(&Letter::Summons(letter));
    assert!(!text.contains("NIP"), "{text}");
    assert!(text.contains("Dr. Sri Wahyuningsih, S.H., M.H."));
}

#[test]
fn an_office_without_contact_details_prints_only_its_names() {
    let letter = Letter::Summons(summons(CLIENT, SummonsRound::First));
    let pdf = render(&letter, &karya_docs::Letterhead::default(), VERIFY_URL).expect("renders");
    let text = pdf_text(&pdf);
    assert_contains_all(&text, &["BALAI PEMASYARAKATAN KELAS I BANDUNG"]);
    assert!(
        !text.contains("TELEPON") && !text.contains("E-MAIL"),
        "{text}"
    );
}

#[test]
fn rendering_the_same_letter_twice_gives_the_same_bytes() {
    let letter = Letter::AbsenceConsideration(absence(CLIENT));
    let first = render(&letter, &letterhead(), VERIFY_URL).expect("renders");
    let second = render(&letter, &letterhead(), VERIFY_URL).expect("renders");
    assert!(
        first == second,
        "the store hashes letters, so they must be reproducible"
    );
}

#[test]
fn a_verification_link_too_long_for_a_qr_code_is_an_error_not_a_panic() {
    let letter = Letter::Summons(summons(CLIENT, SummonsRound::First));
    let url = format!("https://example.go.id/v/{}", "A".repeat(5000));
    let error = render(&letter, &letterhead(), &url).expect_err("cannot fit a QR code");
    assert!(matches!(error, karya_docs::DocsError::QrCode(_)), "{error}");
}

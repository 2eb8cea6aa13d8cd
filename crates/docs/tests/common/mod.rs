//! Realistic letters of the Bandung office, and a way to read a rendered PDF back as text.

#![allow(
    dead_code,
    reason = "each test file uses a different part of this module"
)]

mod documents;

#[allow(unused_imports, reason = "the letters tests use none of the documents")]
pub use documents::*;

use std::path::PathBuf;
use std::process::Command;
use std::sync::atomic::{AtomicUsize, Ordering};

use jiff::civil::date;
use karya_docs::{
    AbsenceConsideration, Appearance, AssignmentLetter, Decision, Letter, Letterhead,
    MissingDocument, MissingDocumentsLetter, Signer, Summons, SummonsRound,
};
use karya_domain::calendar::OfficeZone;

pub const VERIFY_URL: &str = "https://karya.bapasbandung.example/v/7Q4M2K9XR3";

pub fn letterhead() -> Letterhead {
    Letterhead {
        address: "Jalan Contoh Raya Nomor 17, Bandung 40123".to_owned(),
        phone: "(022) 5550123".to_owned(),
        email: "bapas.bandung@example.go.id".to_owned(),
        ..Letterhead::default()
    }
}

pub fn head_of_office() -> Signer {
    Signer {
        name: "Dr. Sri Wahyuningsih, S.H., M.H.".to_owned(),
        nip: Some("197205141998032001".to_owned()),
        title: "Kepala Balai Pemasyarakatan Kelas I Bandung".to_owned(),
    }
}

pub fn decision() -> Decision {
    Decision {
        court: "Pengadilan Negeri Bandung".to_owned(),
        number: "512/Pid.B/2026/PN Bdg".to_owned(),
        date: date(2026, 10, 20),
    }
}

pub fn summons(client_name: &str, round: SummonsRound) -> Summons {
    Summons {
        number: "W.11.PAS.PAS.14-PK.01.05-0412/2026".to_owned(),
        date: date(2026, 11, 28),
        place: "Bandung".to_owned(),
        client_name: client_name.to_owned(),
        client_address: "Jalan Cibaduyut Lama Gang Mawar Nomor 5, RT 02/RW 07, Kota Bandung"
            .to_owned(),
        decision: decision(),
        round,
        appearance: Appearance {
            at: date(2026, 12, 7).at(9, 0, 0, 0),
            zone: OfficeZone::Wib,
            place: "Balai Pemasyarakatan Kelas I Bandung, Jalan Contoh Raya Nomor 17".to_owned(),
        },
        signer: head_of_office(),
    }
}

pub fn missing_documents(
    client_name: &str,
    missing: Vec<MissingDocument>,
) -> MissingDocumentsLetter {
    MissingDocumentsLetter {
        number: "W.11.PAS.PAS.14-PK.01.05-0413/2026".to_owned(),
        date: date(2026, 11, 28),
        place: "Bandung".to_owned(),
        addressee: "Kepala Kejaksaan Negeri Bandung".to_owned(),
        client_name: client_name.to_owned(),
        decision: decision(),
        missing,
        signer: head_of_office(),
    }
}

pub fn missing_items() -> Vec<MissingDocument> {
    vec![
        MissingDocument {
            document: "Surat perintah pelaksanaan putusan pengadilan (P-48)".to_owned(),
            note: "Belum diterima".to_owned(),
        },
        MissingDocument {
            document: "Salinan putusan".to_owned(),
            note: "Stempel pengadilan tidak terbaca; barcode tidak dapat dipindai".to_owned(),
        },
    ]
}

pub fn absence(client_name: &str) -> AbsenceConsideration {
    AbsenceConsideration {
        number: "W.11.PAS.PAS.14-PK.01.05-0420/2026".to_owned(),
        date: date(2026, 12, 30),
        place: "Bandung".to_owned(),
        addressee: "Kepala Kejaksaan Negeri Bandung".to_owned(),
        client_name: client_name.to_owned(),
        decision: decision(),
        summons_dates: [date(2026, 11, 28), date(2026, 12, 9), date(2026, 12, 21)],
        consideration: "Klien tidak memberikan kabar apa pun dan tidak ditemukan pada alamat \
            yang tercantum dalam putusan.\n\nKami merekomendasikan agar Jaksa mempertimbangkan \
            pelaksanaan pidana pengganti sebagaimana ditetapkan dalam putusan."
            .to_owned(),
        signer: head_of_office(),
    }
}

pub fn assignment(client_name: &str) -> AssignmentLetter {
    AssignmentLetter {
        number: "W.11.PAS.PAS.14-PK.01.05-0414/2026".to_owned(),
        date: date(2026, 11, 30),
        place: "Bandung".to_owned(),
        officer_name: "Andi Pratama, S.Sos.".to_owned(),
        officer_nip: Some("199003172015031002".to_owned()),
        officer_position: "Pembimbing Kemasyarakatan Ahli Pertama".to_owned(),
        client_name: client_name.to_owned(),
        decision: decision(),
        task: "Menyusun Penelitian Kemasyarakatan dan mendampingi Klien selama pelaksanaan \
            pidana kerja sosial sampai dengan selesai."
            .to_owned(),
        signer: head_of_office(),
    }
}

/// One letter of each kind for the client `name`.
pub fn one_of_each(name: &str) -> Vec<(&'static str, Letter)> {
    vec![
        (
            "summons",
            Letter::Summons(summons(name, SummonsRound::First)),
        ),
        (
            "missing_documents",
            Letter::MissingDocuments(missing_documents(name, missing_items())),
        ),
        (
            "absence_consideration",
            Letter::AbsenceConsideration(absence(name)),
        ),
        ("assignment", Letter::Assignment(assignment(name))),
    ]
}

/// Writes `pdf` to a fresh temporary file, runs `tool` on it with `args` (the path comes last,
/// then `extra`), removes the file and returns the tool's standard output.
fn run_on_pdf(tool: &str, args: &[&str], pdf: &[u8], extra: &[&str]) -> String {
    static COUNTER: AtomicUsize = AtomicUsize::new(0);
    let path: PathBuf = std::env::temp_dir().join(format!(
        "karya-docs-{}-{}.pdf",
        std::process::id(),
        COUNTER.fetch_add(1, Ordering::Relaxed)
    ));
    std::fs::write(&path, pdf).expect("write the PDF to a temporary file");
    let output = Command::new(tool)
        .args(args)
        .arg(&path)
        .args(extra)
        .output()
        .unwrap_or_else(|e| panic!("{tool} (poppler-utils) is installed: {e}"));
    let _ = std::fs::remove_file(&path);
    assert!(output.status.success(), "{tool} failed: {output:?}");
    String::from_utf8(output.stdout).expect("poppler writes UTF-8")
}

/// The number of pages of a PDF, as `pdfinfo` reads it.
pub fn pdf_pages(pdf: &[u8]) -> usize {
    let info = run_on_pdf("pdfinfo", &[], pdf, &[]);
    info.lines()
        .find_map(|line| line.strip_prefix("Pages:"))
        .and_then(|n| n.trim().parse().ok())
        .unwrap_or_else(|| panic!("pdfinfo names the page count:\n{info}"))
}

/// The text of the last page, whitespace runs as one space.
pub fn last_page_text(pdf: &[u8]) -> String {
    let last = pdf_pages(pdf).to_string();
    let text = run_on_pdf(
        "pdftotext",
        &["-layout", "-f", &last, "-l", &last],
        pdf,
        &["-"],
    );
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The first page's width and height in points, as `pdfinfo` reads them.
pub fn pdf_page_size(pdf: &[u8]) -> (f64, f64) {
    let info = run_on_pdf("pdfinfo", &[], pdf, &[]);
    let size = info
        .lines()
        .find_map(|line| line.strip_prefix("Page size:"))
        .unwrap_or_else(|| panic!("pdfinfo names the page size:\n{info}"));
    let mut numbers = size
        .split_whitespace()
        .filter_map(|w| w.parse::<f64>().ok());
    match (numbers.next(), numbers.next()) {
        (Some(width), Some(height)) => (width, height),
        _ => panic!("a page size of two numbers: {size}"),
    }
}

/// Asserts that the words of each phrase appear in `text` in order, each phrase after the
/// previous one, though other words may come between them. For table cells that wrap, where
/// `pdftotext -layout` puts a neighbouring cell's words between the lines of a phrase.
pub fn assert_words_in_order(text: &str, phrases: &[&str]) {
    let words = tokens(text);
    let mut at = 0;
    for phrase in phrases {
        for word in tokens(phrase) {
            match words[at..].iter().position(|w| *w == word) {
                Some(offset) => at += offset + 1,
                None => panic!("{word:?} of {phrase:?} is missing or out of order in\n{text}"),
            }
        }
    }
}

/// The words of `text`, split after hyphens too, since a word may wrap there (`non-` /
/// `pemerintah`).
fn tokens(text: &str) -> Vec<&str> {
    text.split_whitespace()
        .flat_map(|word| word.split_inclusive('-'))
        .collect()
}

/// The text of a PDF as `pdftotext -layout` reads it, with every run of whitespace (line breaks
/// included) turned into one space, so a phrase can be found even where the letter wraps it.
pub fn pdf_text(pdf: &[u8]) -> String {
    let text = run_on_pdf("pdftotext", &["-layout"], pdf, &["-"]);
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Asserts that `text` contains each of `phrases`, naming the first that is missing.
pub fn assert_contains_all(text: &str, phrases: &[&str]) {
    for phrase in phrases {
        assert!(
            text.contains(phrase),
            "the letter should contain {phrase:?}; its text is:\n{text}"
        );
    }
}

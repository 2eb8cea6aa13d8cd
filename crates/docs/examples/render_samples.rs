//! Writes one PDF of each letter and document kind into a directory, plus some awkward ones
//! (markup in the client's name; a hundred missing documents; 250 partners; a draft Litmas; a
//! report without a photo), and prints how long each render took:
//! `cargo run -p karya-docs --example render_samples -- /tmp/letters`.

#[path = "../tests/common/mod.rs"]
mod common;

use std::time::Instant;

use karya_docs::{Document, Letter, MissingDocument, render};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let dir = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "letters".to_owned());
    std::fs::create_dir_all(&dir)?;
    let letterhead = common::letterhead();
    // A different client each round, so no round reuses another's memoised layout.
    for round in 0..4 {
        let name = format!("Budi Santoso bin Slamet {}", "I".repeat(round));
        for (kind, letter) in common::one_of_each(name.trim_end()) {
            let started = Instant::now();
            let pdf = render(&letter, &letterhead, common::VERIFY_URL)?;
            let duration_ms = started.elapsed().as_secs_f64() * 1000.0;
            println!(
                "round {round} {kind}: {duration_ms:.1} ms, {} bytes",
                pdf.len()
            );
            if round == 0 {
                std::fs::write(format!("{dir}/{kind}.pdf"), pdf)?;
            }
        }
        for (kind, document) in common::one_document_of_each(name.trim_end()) {
            let started = Instant::now();
            let pdf = render(&document, &letterhead, common::VERIFY_URL)?;
            let duration_ms = started.elapsed().as_secs_f64() * 1000.0;
            println!(
                "round {round} {kind}: {duration_ms:.1} ms, {} bytes",
                pdf.len()
            );
            if round == 0 {
                std::fs::write(format!("{dir}/{kind}.pdf"), pdf)?;
            }
        }
    }

    let awkward = [
        ("partners_250", Document::Partners(common::partners(250))),
        ("partners_none", Document::Partners(common::partners(0))),
        (
            "litmas_draft",
            Document::Litmas(common::litmas("Budi Santoso", false)),
        ),
        (
            "implementation_report_no_photo",
            Document::ImplementationReport(common::implementation_report("Budi Santoso", None)),
        ),
    ];
    for (kind, document) in awkward {
        std::fs::write(
            format!("{dir}/{kind}.pdf"),
            render(&document, &letterhead, common::VERIFY_URL)?,
        )?;
    }

    let markup = "*Budi* _Santoso_ #set text(red) $x^2$ #{panic()} <lbl> @ref [x]";
    let letter = Letter::Summons(common::summons(markup, karya_docs::SummonsRound::Third));
    std::fs::write(
        format!("{dir}/summons_markup.pdf"),
        render(&letter, &letterhead, common::VERIFY_URL)?,
    )?;

    let many = (1..=100)
        .map(|i| MissingDocument {
            document: format!("Dokumen pendukung nomor {i}"),
            note: "Belum diterima".to_owned(),
        })
        .collect();
    let letter = Letter::MissingDocuments(common::missing_documents("Budi Santoso", many));
    std::fs::write(
        format!("{dir}/missing_documents_many.pdf"),
        render(&letter, &letterhead, common::VERIFY_URL)?,
    )?;
    Ok(())
}

//! From a view model to PDF bytes.

use serde::Serialize;
use typst::diag::SourceDiagnostic;
use typst::ecow::EcoVec;
use typst_layout::PagedDocument;
use typst_pdf::PdfOptions;

use crate::world::LetterWorld;
use crate::{DocsError, Letter, Letterhead};

/// How many renders typst's memoised results may survive unused. A letter reuses almost nothing
/// from a different letter, so a short life keeps a long-running server's memory flat.
const CACHE_MAX_AGE: usize = 10;

/// What the template reads as `json("data.json")`.
#[derive(Serialize)]
struct TemplateData<'a> {
    letterhead: &'a Letterhead,
    letter: &'a Letter,
    verify_url: &'a str,
}

/// Renders `letter` under `letterhead` as PDF. `verify_url` goes into the QR code and is printed
/// beside it (`Verifikasi keaslian: …`); it is normally `https://<host>/v/<code>`.
pub fn render(
    letter: &Letter,
    letterhead: &Letterhead,
    verify_url: &str,
) -> Result<Vec<u8>, DocsError> {
    let data = serde_json::to_vec(&TemplateData {
        letterhead,
        letter,
        verify_url,
    })?;
    let qr = crate::qr::svg(verify_url)?;
    let world = LetterWorld::new(letter.template_path(), data, qr, letter.date());

    let result = typst::compile::<PagedDocument>(&world)
        .output
        .map_err(|errors| DocsError::Template(messages(&errors)))
        .and_then(|document| {
            typst_pdf::pdf(&document, &PdfOptions::default())
                .map_err(|errors| DocsError::Pdf(messages(&errors)))
        });
    evict_cache();
    result
}

/// Drops typst's memoised results that the last few renders did not use. [`render`] calls it
/// after every letter; it is public for callers that compile typst documents elsewhere.
pub fn evict_cache() {
    typst::comemo::evict(CACHE_MAX_AGE);
}

fn messages(errors: &EcoVec<SourceDiagnostic>) -> String {
    errors
        .iter()
        .map(|error| error.message.as_str())
        .collect::<Vec<_>>()
        .join("; ")
}

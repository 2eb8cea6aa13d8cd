//! From a view model to PDF bytes.

use serde::Serialize;
use typst::diag::SourceDiagnostic;
use typst::ecow::EcoVec;
use typst_layout::PagedDocument;
use typst_pdf::PdfOptions;

use crate::world::LetterWorld;
use crate::{DocsError, Letterhead, Printable};

/// How many renders typst's memoised results may survive unused. A letter reuses almost nothing
/// from a different letter, so a short life keeps a long-running server's memory flat.
const CACHE_MAX_AGE: usize = 10;

/// What the template reads as `json("data.json")`. Every template finds its view model under
/// `letter`, whether it is a [`crate::Letter`] or a [`crate::Document`].
#[derive(Serialize)]
struct TemplateData<'a, P: Printable> {
    letterhead: &'a Letterhead,
    letter: &'a P,
    verify_url: &'a str,
}

/// Renders `letter` — a [`crate::Letter`] or a [`crate::Document`] — under `letterhead` as PDF.
/// `verify_url` goes into the QR code and is printed beside it (`Verifikasi keaslian: …`); it is
/// normally `https://<host>/v/<code>`.
pub fn render<P: Printable>(
    letter: &P,
    letterhead: &Letterhead,
    verify_url: &str,
) -> Result<Vec<u8>, DocsError> {
    let data = serde_json::to_vec(&TemplateData {
        letterhead,
        letter,
        verify_url,
    })?;
    let qr = crate::qr::svg(verify_url)?;
    let photo = letter.photo().map(|photo| (photo.path(), photo.bytes()));
    let world = LetterWorld::new(letter.template_path(), data, qr, photo, letter.date());

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

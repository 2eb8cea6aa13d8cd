//! The QR code that carries the verification link, as SVG for the template.

use qrcode::render::svg;
use qrcode::{EcLevel, QrCode};

use crate::DocsError;

/// An SVG QR code for `url`, with medium error correction (a stamp or a fold may cover part of it)
/// and the standard quiet zone.
pub fn svg(url: &str) -> Result<String, DocsError> {
    let code = QrCode::with_error_correction_level(url.as_bytes(), EcLevel::M)?;
    Ok(code
        .render::<svg::Color<'_>>()
        .dark_color(svg::Color("#000000"))
        .light_color(svg::Color("#ffffff"))
        .build())
}

/// The same QR code as an `<svg>` element to place inside an HTML page (no XML prologue).
pub fn inline_svg(text: &str) -> Result<String, DocsError> {
    let document = svg(text)?;
    Ok(document
        .find("<svg")
        .map_or(document.clone(), |start| document[start..].to_owned()))
}

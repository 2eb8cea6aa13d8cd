//! The QR code that carries the verification link, as SVG for the template.

use qrcode::render::svg;
use qrcode::{EcLevel, QrCode};

use crate::DocsError;

/// An SVG QR code for `url`, with medium error correction (a stamp or a fold may cover part of it)
/// and the standard quiet zone.
pub(crate) fn svg(url: &str) -> Result<String, DocsError> {
    let code = QrCode::with_error_correction_level(url.as_bytes(), EcLevel::M)?;
    Ok(code
        .render::<svg::Color<'_>>()
        .dark_color(svg::Color("#000000"))
        .light_color(svg::Color("#ffffff"))
        .build())
}

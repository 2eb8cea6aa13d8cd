//! The one error type of this crate. None of its messages contains the letter's data.

/// Why a letter could not be rendered.
#[derive(Debug, thiserror::Error)]
pub enum DocsError {
    /// The view model could not be turned into the template's `data.json`.
    #[error("the letter's data could not be serialised: {0}")]
    Data(#[from] serde_json::Error),
    /// The verification link does not fit in a QR code (it is far too long).
    #[error("the verification link cannot be encoded as a QR code: {0}")]
    QrCode(#[from] qrcode::types::QrError),
    /// The template failed to compile. This is a bug in an embedded template, not in the data —
    /// except for a [`crate::Photo`] whose bytes start like a JPEG or PNG but cannot be decoded.
    #[error("the letter template failed: {0}")]
    Template(String),
    /// The laid-out letter could not be written as PDF.
    #[error("the PDF could not be written: {0}")]
    Pdf(String),
}

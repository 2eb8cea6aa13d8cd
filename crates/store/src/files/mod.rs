//! Uploaded files: scans of the decision and execution letter, the client's photograph and
//! fingerprint. The bytes live in content-addressed [`Blobs`]; a row per upload says whose
//! file it is, why it is kept and who uploaded it. Every upload and every view is audited.

mod blobs;
mod content;
mod pixels;
mod purpose;
mod records;
mod thumbnail;
#[cfg(test)]
mod untrusted;
mod video;

pub use blobs::Blobs;
pub use content::{ContentType, strip_metadata};
pub use purpose::Purpose;
pub use records::{
    Attachment, Extra, UploadError, attach, check, for_case, mark_insufficient, open,
    open_thumbnail,
};
pub(crate) use records::{prepare, record_on};
pub use thumbnail::thumbnail;

/// Runs every parser of uploaded bytes on `bytes` — the type check of each purpose, the
/// metadata strippers, the pixel budget, the preview decoder, the MP4 cleaner — and checks
/// what each promises of its output. For the property test beside it and the fuzz targets in
/// `fuzz/` (issue 12, item 1): whatever the bytes, this returns; it never panics.
#[doc(hidden)]
pub fn run_every_parser(bytes: &[u8]) {
    for purpose in Purpose::ALL {
        let _ = records::check(purpose, bytes);
    }
    for kind in [
        ContentType::Pdf,
        ContentType::Jpeg,
        ContentType::Png,
        ContentType::Mp4,
    ] {
        if let Some(cleaned) = strip_metadata(kind, bytes) {
            // Never larger than a whole new copy of what came in.
            assert!(cleaned.len() <= bytes.len() + 64, "{kind:?} grew");
        }
    }
    let _ = pixels::check_budget(bytes);
    let _ = thumbnail::thumbnail(bytes);
    if let Some(cleaned) = video::strip_mp4(bytes) {
        assert!(cleaned.len() <= bytes.len(), "the MP4 cleaner grew");
    }
}

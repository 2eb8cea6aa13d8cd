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

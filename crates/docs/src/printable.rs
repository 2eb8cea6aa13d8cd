//! What [`crate::render`] accepts: a [`Letter`] or a [`Document`]. The trait is sealed, because
//! each view model needs its own embedded template.

use jiff::civil::Date;

use crate::documents::Photo;
use crate::{Document, Letter};

pub(crate) mod sealed {
    use super::{Date, Photo};

    /// How a view model meets its template. Not nameable outside this crate.
    pub trait Sealed: serde::Serialize {
        /// The virtual path of the template (see `crate::world::TEMPLATES`).
        fn template_path(&self) -> &'static str;
        /// The document's date; also the template's "today".
        fn date(&self) -> Date;
        /// The client's pas foto, served to the template as `/photo.jpg` or `/photo.png`.
        fn photo(&self) -> Option<&Photo> {
            None
        }
    }
}

/// A view model [`crate::render`] can turn into PDF: [`Letter`] or [`Document`].
pub trait Printable: sealed::Sealed {
    /// The date printed on the document: also its date of issue on the verification page, so
    /// the two always agree.
    fn dated(&self) -> Date {
        self.date()
    }

    /// What the document says, as a SHA-256 of its template and its data, to be taken before
    /// the number and the verification code are set: the same fingerprint on the same kind
    /// of document means nothing changed, so issuing it again needs no new number.
    fn fingerprint(&self) -> String {
        use sha2::{Digest, Sha256};
        let mut hash = Sha256::new();
        hash.update(self.template_path().as_bytes());
        hash.update([0]);
        // Serialising a view model cannot fail (plain data, string keys); were it ever to,
        // the empty data still yields a stable fingerprint and at worst a new number.
        hash.update(serde_json::to_vec(self).unwrap_or_default());
        // The data names the photo only by its path; the picture itself is part of what the
        // document says.
        if let Some(photo) = self.photo() {
            hash.update(photo.bytes());
        }
        hex::encode(hash.finalize())
    }
}

impl Printable for Letter {}
impl Printable for Document {}

impl sealed::Sealed for Letter {
    fn template_path(&self) -> &'static str {
        Letter::template_path(self)
    }

    fn date(&self) -> Date {
        Letter::date(self)
    }
}

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
pub trait Printable: sealed::Sealed {}

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

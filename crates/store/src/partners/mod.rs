//! Partners (mitra, §2.1.2, Annex V) of an office: their profile, the identification steps
//! and the cooperation agreements (PKS), and what the placement ranking reads of them.
//! Every function takes the caller's office: a partner belongs to one office.

mod codec;
pub mod files;
/// The comma-list helpers, for other modules that store code lists.
pub mod codec_support {
    pub use super::codec::{join as join_codes, split as split_codes};
}
mod offers;
mod pipeline;
mod registry;

pub use codec::{days_code, parse_days};
pub(crate) use offers::offers_in;
pub use offers::{OfferRow, offers};
pub use pipeline::{PartnerError, Step, record_agreement, record_step, steps};
pub use registry::{
    Partner, PartnerFields, create, get, get_for_case, list, list_for_case, update,
};

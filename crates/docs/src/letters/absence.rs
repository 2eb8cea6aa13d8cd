//! I4 and register SOP step 6: after three summonses without an answer, the Kepala Bapas sends the
//! prosecutor a consideration that the absence is a violation of guidance.

use jiff::civil::Date;
use serde::Serialize;

use super::Decision;
use crate::format::{serialize_date, serialize_dates};
use crate::letterhead::Signer;

/// The consideration to the prosecutor about a client who did not appear.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct AbsenceConsideration {
    pub number: String,
    #[serde(serialize_with = "serialize_date")]
    pub date: Date,
    pub place: String,
    /// E.g. `Kepala Kejaksaan Negeri Bandung`.
    pub addressee: String,
    pub client_name: String,
    pub decision: Decision,
    /// The dates of the three summonses (I3), first to third.
    #[serde(serialize_with = "serialize_dates")]
    pub summons_dates: [Date; 3],
    /// The head's consideration in their own words; blank lines separate paragraphs.
    pub consideration: String,
    pub signer: Signer,
}

//! Surat perintah melaksanakan tugas (§2.2.3): the Kepala Bapas orders a PK to guide the client.
//! The Kepala TU drafts it, the Kepala Bapas signs it (SOP Penunjukan PK, steps 3–5).

use jiff::civil::Date;
use serde::Serialize;

use super::Decision;
use crate::format::serialize_date;
use crate::letterhead::Signer;

/// The order appointing a PK.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct AssignmentLetter {
    pub number: String,
    #[serde(serialize_with = "serialize_date")]
    pub date: Date,
    pub place: String,
    pub officer_name: String,
    pub officer_nip: Option<String>,
    /// The PK's position, e.g. `Pembimbing Kemasyarakatan Ahli Pertama`.
    pub officer_position: String,
    pub client_name: String,
    pub decision: Decision,
    /// What the PK is ordered to do beyond guiding the client, e.g. assistance at the work place
    /// and writing the Litmas. Left out when empty.
    pub task: String,
    pub signer: Signer,
}

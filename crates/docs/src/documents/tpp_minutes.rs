//! *Berita acara sidang Tim Pengamat Pemasyarakatan* (S7): the minutes of a TPP session the
//! head of office convened — its day and place, the members present, and for each case on
//! its agenda the ground, the team's findings, the deliberation and the recommendation —
//! signed by the session's chair.

use jiff::civil::Date;
use serde::Serialize;

use crate::format::serialize_date;
use crate::letters::Decision;

use super::Officer;

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TppMinutes {
    pub number: String,
    /// The day the session was held; the minutes are dated on it.
    #[serde(serialize_with = "serialize_date")]
    pub held_on: Date,
    /// The city the minutes are signed in.
    pub place: String,
    /// Where the session sat, e.g. `Ruang sidang TPP Bapas Bandung`.
    pub venue: String,
    pub office: String,
    /// The members present, by name, the chair among them.
    pub present: Vec<String>,
    pub cases: Vec<AgendaCase>,
    /// The chair, who signs.
    pub chair: Officer,
}

/// One case on the agenda and what the session decided on it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct AgendaCase {
    pub client: String,
    pub decision: Decision,
    /// The PK of the case, when one is appointed.
    pub pk: Option<String>,
    /// *Perbuatan baik* or *dugaan pelanggaran*, worded.
    pub ground: String,
    pub what_happened: String,
    pub findings: String,
    pub deliberation: String,
    /// The recommendation in words; a default order in the decision's own terms (L8).
    pub recommendation: String,
}

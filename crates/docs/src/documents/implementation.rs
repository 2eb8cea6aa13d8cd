//! Annex II, *Laporan Pelaksanaan Pidana Kerja Sosial*: the PK's report on how the client is
//! serving the sentence — who, where, doing what, how many of the ordered hours are served, and
//! the PK's account in their own words.

use jiff::civil::Date;
use karya_domain::Minutes;
use serde::Serialize;

use super::parts::Officer;
use super::photo::Photo;
use crate::format::{serialize_date, serialize_minutes};

/// The implementation report on one client.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ImplementationReport {
    /// The city the PK signs in.
    pub place: String,
    #[serde(serialize_with = "serialize_date")]
    pub date: Date,
    pub client_name: String,
    /// The pas foto; without it the form prints an empty 3×4 cm box labelled `Pas foto 3×4`.
    pub photo: Option<Photo>,
    /// *Tempat Pidana Kerja Sosial*.
    pub work_place: String,
    /// *Bentuk Kerja Sosial Klien*, e.g. `Membersihkan ruang kelas dan halaman sekolah`.
    pub work_form: String,
    /// The PK who reports and signs.
    pub officer: Officer,
    /// *Tindak Pidana*.
    pub offence: String,
    /// *Durasi Pidana Kerja Sosial*: the hours ordered by the decision.
    #[serde(serialize_with = "serialize_minutes")]
    pub hours_ordered: Minutes,
    /// The hours served so far (verified), printed beside the ordered hours.
    #[serde(serialize_with = "serialize_minutes")]
    pub hours_served: Minutes,
    /// *Uraian*: the PK's account; each non-blank line is a paragraph.
    pub narrative: String,
}

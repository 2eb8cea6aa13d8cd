//! Annex IV, *Laporan Penilaian Sikap Klien Pidana Kerja Sosial* (B6): at each visit to the work
//! place the PK answers ten yes/no indicators, asking the client, the PJ and the community, and
//! adds notes; the PJ and the PK sign. One visit per sheet.

use jiff::civil::Date;
use karya_domain::Minutes;
use serde::ser::{SerializeSeq, SerializeStruct};
use serde::{Serialize, Serializer};

use super::parts::Officer;
use super::photo::Photo;
use crate::format::{serialize_date, serialize_minutes};

/// The ten indicators of Annex IV, in the seed's words and order.
pub const ATTITUDE_INDICATORS: [&str; 10] = karya_domain::attitude::INDICATORS_ID;

/// The attitude assessment of one visit.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct AttitudeAssessment {
    /// The city the sheet is signed in.
    pub place: String,
    /// The day of the PK's visit; the sheet is dated with it.
    #[serde(serialize_with = "serialize_date")]
    pub visit_date: Date,
    pub client_name: String,
    /// The pas foto; without it the sheet prints an empty 3×4 cm box.
    pub photo: Option<Photo>,
    pub work_place: String,
    /// *Bentuk Kerja Sosial Klien*.
    pub work_form: String,
    /// The PK who visits and signs.
    pub officer: Officer,
    /// The PJ at the work place, who signs beside the PK.
    pub supervisor: Officer,
    pub offence: String,
    /// *Durasi Pidana Kerja Sosial*: the hours ordered.
    #[serde(serialize_with = "serialize_minutes")]
    pub hours_ordered: Minutes,
    /// The answers to [`ATTITUDE_INDICATORS`], in the same order.
    #[serde(serialize_with = "serialize_answers")]
    pub answers: [Answer; 10],
    /// *Catatan tambahan*; each non-blank line is a paragraph, a dash when empty.
    pub note: String,
}

/// The PK's answer to one indicator.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Answer {
    /// `true` is *Ya*, `false` is *Tidak*.
    pub yes: bool,
    /// What the PK saw or was told, if anything.
    pub note: String,
}

impl Answer {
    pub fn yes() -> Answer {
        Answer {
            yes: true,
            note: String::new(),
        }
    }

    pub fn no(note: impl Into<String>) -> Answer {
        Answer {
            yes: false,
            note: note.into(),
        }
    }
}

/// Each answer with its indicator:
/// `[{"indicator": "Klien hadir …", "yes": true, "note": ""}, …]`.
fn serialize_answers<S: Serializer>(
    answers: &[Answer; 10],
    serializer: S,
) -> Result<S::Ok, S::Error> {
    struct Row<'a>(&'a str, &'a Answer);
    impl Serialize for Row<'_> {
        fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
            let mut s = serializer.serialize_struct("Row", 3)?;
            s.serialize_field("indicator", self.0)?;
            s.serialize_field("yes", &self.1.yes)?;
            s.serialize_field("note", &self.1.note)?;
            s.end()
        }
    }
    let mut seq = serializer.serialize_seq(Some(answers.len()))?;
    for (indicator, answer) in ATTITUDE_INDICATORS.iter().zip(answers) {
        seq.serialize_element(&Row(indicator, answer))?;
    }
    seq.end()
}

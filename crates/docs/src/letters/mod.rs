//! The letters the Bapas issues, as plain view models. Each is serialised to the template's
//! `data.json`; dates are serialised already worded in Indonesian (`28 November 2026`), so the
//! JSON is exactly what the letter prints.

mod absence;
mod assignment;
mod missing_documents;
mod summons;

pub use absence::AbsenceConsideration;
pub use assignment::AssignmentLetter;
use jiff::civil::Date;
pub use missing_documents::{MissingDocument, MissingDocumentsLetter};
use serde::Serialize;
pub use summons::{Appearance, Summons, SummonsRound};

use crate::format::serialize_date;

/// One letter of any kind, as [`crate::render`] takes it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Letter {
    /// Surat panggilan to a client who was not handed over (I3).
    Summons(Summons),
    /// To the head of the prosecutor's office, asking for missing or invalid documents (D3).
    MissingDocuments(MissingDocumentsLetter),
    /// To the prosecutor: the client stayed away after three summonses (I4, register SOP step 6).
    AbsenceConsideration(AbsenceConsideration),
    /// Surat perintah melaksanakan tugas: the head orders a PK to guide the client (§2.2.3).
    Assignment(AssignmentLetter),
}

/// The court decision a letter is about.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Decision {
    /// The court, e.g. `Pengadilan Negeri Bandung`.
    pub court: String,
    /// The decision's number, e.g. `512/Pid.B/2026/PN Bdg`.
    pub number: String,
    #[serde(serialize_with = "serialize_date")]
    pub date: Date,
}

impl Letter {
    /// The virtual path of the letter's template (see `crate::world::TEMPLATES`).
    pub(crate) fn template_path(&self) -> &'static str {
        match self {
            Letter::Summons(_) => "/summons.typ",
            Letter::MissingDocuments(_) => "/missing_documents.typ",
            Letter::AbsenceConsideration(_) => "/absence_consideration.typ",
            Letter::Assignment(_) => "/assignment.typ",
        }
    }

    /// The letter's date; also the template's "today".
    pub(crate) fn date(&self) -> Date {
        match self {
            Letter::Summons(l) => l.date,
            Letter::MissingDocuments(l) => l.date,
            Letter::AbsenceConsideration(l) => l.date,
            Letter::Assignment(l) => l.date,
        }
    }
}

//! The forms of Annexes I–V, the Litmas for guidance and the termination letter, as plain view
//! models. They sit beside [`crate::Letter`] rather than in it, so that code matching on every
//! letter kind keeps compiling; [`crate::render`] takes either.

mod attendance;
mod attitude;
mod case_plan;
mod dossier;
mod implementation;
mod litmas;
mod partners;
mod parts;
mod photo;
mod placement;
mod progress_report;
mod termination;
mod tpp_minutes;

pub use attendance::{AttendanceList, AttendancePeriod, AttendanceRow};
pub use attitude::{ATTITUDE_INDICATORS, Answer, AttitudeAssessment};
pub use case_plan::{CASE_PLAN_COMPONENTS, CasePlan};
pub use dossier::{Dossier, DossierSection};
pub use implementation::ImplementationReport;
use jiff::civil::Date;
pub use litmas::{
    Approval, Assessment, ExaminationStep, ExaminationTeam, ForProsecutor, GuidancePlan,
    HeadDecision, Intervention, Litmas, TppSession, Verdict,
};
pub use partners::{PartnerList, PartnerRow};
pub use parts::{ClientIdentity, InstitutionKind, Officer, ScheduleSlot};
pub use photo::Photo;
pub use placement::PlacementForm;
pub use progress_report::{ActivityLine, BehaviourLine, Figures, ProgressReport};
use serde::Serialize;
pub use termination::{TerminationGround, TerminationLetter};
pub use tpp_minutes::{AgendaCase, TppMinutes};

use crate::printable::sealed::Sealed;

/// One document of any of these kinds, as [`crate::render`] takes it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
#[non_exhaustive]
#[allow(
    clippy::large_enum_variant,
    reason = "built once per render and passed by reference; boxing would only burden callers"
)]
pub enum Document {
    /// Annex I, *Tempat Kerja Sosial Klien*: the placement form.
    Placement(PlacementForm),
    /// Annex II, *Laporan Pelaksanaan Pidana Kerja Sosial*.
    ImplementationReport(ImplementationReport),
    /// Annex III, *Daftar Hadir Klien Pidana Kerja Sosial*.
    Attendance(AttendanceList),
    /// Annex IV, *Laporan Penilaian Sikap Klien Pidana Kerja Sosial* (B6).
    Attitude(AttitudeAssessment),
    /// Annex V, *Daftar Mitra Pelaksanaan Pidana Kerja Sosial*.
    Partners(PartnerList),
    /// *Penelitian Kemasyarakatan* for guidance (§2.2.6).
    Litmas(Litmas),
    /// *Laporan perkembangan pembimbingan* to the prosecutor and the court (S4, B8).
    ProgressReport(ProgressReport),
    /// *Surat pengakhiran* (§2.4, T1–T3).
    Termination(TerminationLetter),
    /// *Berita acara sidang TPP* (S7), signed by the session's chair.
    TppMinutes(TppMinutes),
    /// A dossier of sections (UU PDP: a data subject's copy, a breach notice).
    Dossier(Dossier),
}

impl Document {
    /// The document with the letter number it was issued under, for the kinds that print
    /// one (the Litmas to the prosecutor, the progress report, the termination letter, the
    /// TPP minutes); the forms print none and stay as they are.
    pub fn with_number(self, number: &str) -> Document {
        match self {
            Document::Litmas(mut d) => {
                d.number = Some(number.to_owned());
                Document::Litmas(d)
            }
            Document::ProgressReport(mut d) => {
                number.clone_into(&mut d.number);
                Document::ProgressReport(d)
            }
            Document::Termination(mut d) => {
                number.clone_into(&mut d.number);
                Document::Termination(d)
            }
            Document::TppMinutes(mut d) => {
                number.clone_into(&mut d.number);
                Document::TppMinutes(d)
            }
            other => other,
        }
    }
}

impl Sealed for Document {
    fn template_path(&self) -> &'static str {
        match self {
            Document::Placement(_) => "/placement.typ",
            Document::ImplementationReport(_) => "/implementation_report.typ",
            Document::Attendance(_) => "/attendance.typ",
            Document::Attitude(_) => "/attitude.typ",
            Document::Partners(_) => "/partners.typ",
            Document::Litmas(_) => "/litmas.typ",
            Document::ProgressReport(_) => "/progress_report.typ",
            Document::Termination(_) => "/termination.typ",
            Document::TppMinutes(_) => "/tpp_minutes.typ",
            Document::Dossier(_) => "/dossier.typ",
        }
    }

    fn date(&self) -> Date {
        match self {
            Document::Placement(d) => d.date,
            Document::ImplementationReport(d) => d.date,
            Document::Attendance(d) => d.date,
            Document::Attitude(d) => d.visit_date,
            Document::Partners(d) => d.as_of,
            Document::Litmas(d) => d.date,
            Document::ProgressReport(d) => d.date,
            Document::Termination(d) => d.date,
            Document::TppMinutes(d) => d.held_on,
            Document::Dossier(d) => d.date,
        }
    }

    fn photo(&self) -> Option<&Photo> {
        match self {
            Document::ImplementationReport(d) => d.photo.as_ref(),
            Document::Attitude(d) => d.photo.as_ref(),
            _ => None,
        }
    }
}

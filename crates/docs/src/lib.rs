//! Letters of a Bapas as PDF.
//!
//! A letter is a plain view model ([`Summons`], [`MissingDocumentsLetter`],
//! [`AbsenceConsideration`], [`AssignmentLetter`]) wrapped in a [`Letter`]. The forms of
//! Annexes I–V ([`PlacementForm`], [`ImplementationReport`], [`AttendanceList`],
//! [`AttitudeAssessment`], [`PartnerList`]), the [`Litmas`] and the [`TerminationLetter`] are
//! wrapped in a [`Document`]. [`render`] turns either, with the office's [`Letterhead`] and the
//! verification link, into PDF bytes.
//!
//! Policy:
//! - **User text is data, never markup.** The view model is serialised to `data.json`, which the
//!   embedded typst template reads with `json("data.json")`. A name such as `*Budi* #set text(red)`
//!   is printed as written; nothing a user types can change the template.
//! - **Only embedded fonts.** Fonts come from `typst-assets`; the machine's fonts are never read,
//!   so a letter looks the same on every server.
//! - **Same letter, same bytes.** The template's clock is the letter's own date and the PDF carries
//!   no creation time, so rendering a letter twice gives identical bytes (the store hashes them).
//! - **Bounded memory.** Every render ends with [`evict_cache`], which drops typst's memoised
//!   results older than a few renders (ARCHITECTURE §2, PDF row).
//!
//! What each letter is for, its fields and how numbers and verification work: `docs/LETTERS.md`.

mod documents;
mod error;
mod format;
mod letterhead;
mod letters;
mod printable;
pub mod qr;
mod render;
mod world;

pub use documents::{
    ATTITUDE_INDICATORS, ActivityLine, AgendaCase, Answer, Approval, Assessment, AttendanceList,
    AttendancePeriod, AttendanceRow, AttitudeAssessment, BehaviourLine, CASE_PLAN_COMPONENTS,
    CasePlan, ClientIdentity, Document, Dossier, DossierSection, ExaminationStep, ExaminationTeam,
    Figures, ForProsecutor, GuidancePlan, HeadDecision, ImplementationReport, InstitutionKind,
    Intervention, Litmas, Officer, PartnerList, PartnerRow, Photo, PlacementForm, ProgressReport,
    ScheduleSlot, TerminationGround, TerminationLetter, TppMinutes, TppSession, Verdict,
};
pub use error::DocsError;
pub use karya_domain::numbering::{DEFAULT_NUMBER_FORMAT, letter_number};
pub use letterhead::{Letterhead, Signer};
pub use letters::{
    AbsenceConsideration, Appearance, AssignmentLetter, Decision, Letter, MissingDocument,
    MissingDocumentsLetter, Summons, SummonsRound,
};
pub use printable::Printable;
pub use render::{evict_cache, render};

//! The law of community-service sentences (KUHP Art. 85 and the Ditjenpas guideline of
//! 29 December 2025) as plain types and functions. No I/O, no async, no database: every
//! rule carries the ID it has in `shared/spec/DOMAIN.md`.

pub mod access;
pub mod appointment;
pub mod assistance;
pub mod attitude;
pub mod calendar;
pub mod child;
pub mod duties;
pub mod evaluation;
pub mod guidance;
pub mod intake;
pub mod ledger;
pub mod lifecycle;
pub mod litmas;
pub mod local_day;
pub mod milestones;
pub mod minutes;
pub mod money;
pub mod monitoring;
pub mod nik;
pub mod numbering;
pub mod partner;
pub mod placement;
pub mod privacy;
pub mod progress;
pub mod progress_report;
pub mod refusal;
pub mod register;
pub mod role;
pub mod rule;
pub mod schedule;
pub mod sentence;
pub mod sop;
pub mod supervision;
pub mod termination;
pub mod window;
pub mod worklist;

pub use access::{Permission, Reach};
pub use calendar::OfficeZone;
pub use ledger::{AttendanceEntry, EntryState, Ledger, Totals};
pub use lifecycle::{
    CaseStatus, Guards, TerminationReason, Transition, TransitionError, allowed_transitions,
};
pub use milestones::{
    Milestone, MilestoneBasis, MilestoneKey, MilestoneState, Quarter, milestones,
};
pub use minutes::Minutes;
pub use money::{FineCategories, FineCategory};
pub use nik::{Nik, NikWarning, Sex};
pub use progress::{Pace, Progress, ProgressStatus, progress};
pub use refusal::Refusal;
pub use role::{Role, ScopeKind};
pub use rule::{Rule, Violation, Violations};
pub use sentence::{
    Consideration, DefaultOrder, JudgeConsiderations, PrisonTerm, ReplacedPenalty, ScheduleTerms,
    SentenceTerms, ValidTerms,
};
pub use sop::{Sop, SopKind, StepComparison, StepTime, StepVerdict};
pub use window::ServiceWindow;

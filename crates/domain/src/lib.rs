//! The law of community-service sentences (KUHP Art. 85 and the Ditjenpas guideline of
//! 29 December 2025) as plain types and functions. No I/O, no async, no database: every
//! rule carries the ID it has in `shared/spec/DOMAIN.md`.

pub mod calendar;
pub mod ledger;
pub mod local_day;
pub mod minutes;
pub mod money;
pub mod role;
pub mod rule;
pub mod sentence;
pub mod window;

pub use calendar::OfficeZone;
pub use ledger::{AttendanceEntry, EntryState, Ledger, Totals};
pub use minutes::Minutes;
pub use money::{FineCategories, FineCategory};
pub use role::{Role, ScopeKind};
pub use rule::{Rule, Violation, Violations};
pub use sentence::{
    Consideration, DefaultOrder, JudgeConsiderations, PrisonTerm, ReplacedPenalty, ScheduleTerms,
    SentenceTerms, ValidTerms,
};
pub use window::ServiceWindow;

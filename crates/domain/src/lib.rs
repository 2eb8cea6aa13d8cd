//! The law of community-service sentences (KUHP Art. 85 and the Ditjenpas guideline of
//! 29 December 2025) as plain types and functions. No I/O, no async, no database: every
//! rule carries the ID it has in `shared/spec/DOMAIN.md`.

pub mod role;

pub use role::{Role, ScopeKind};

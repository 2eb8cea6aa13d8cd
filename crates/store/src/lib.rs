//! Persistence for SQLite and PostgreSQL through one SQL code path (`sqlx::Any`).
//!
//! Policy: every function that reads or writes case data takes a [`CaseAccess`], and every
//! function on offices, staff or partners a [`Scope`] or an [`OfficeAccess`], all made only
//! by [`access`] from a passed permission check, so that an unscoped query cannot be written, and every function
//! that writes appends its audit event ([`audit`]) in the same transaction as the change.

pub mod access;
pub mod appointments;
pub mod areas;
pub mod assistance;
pub mod attendance;
pub mod audit;
pub mod audit_witness;
pub mod cases;
pub mod clock;
pub mod complaints;
pub mod db;
pub mod documents;
pub mod error;
pub mod evaluations;
pub mod files;
pub mod form_tokens;
pub mod guidance;
pub mod ids;
pub mod intake;
pub mod keys;
pub mod letter_drafts;
pub mod litmas;
pub mod migrate;
pub mod monitoring;
pub mod orgs;
pub mod partners;
pub mod placement_profile;
pub mod placements;
mod points;
pub mod privacy;
mod private_files;
pub mod progress_reports;
pub mod register;
pub mod retention;
pub mod second_factor;
pub mod secret;
pub mod sessions;
pub mod sop;
pub mod supervision;
pub mod terminations;
pub mod throttle;
pub mod tokens;
pub mod tpp;
pub mod users;
pub mod visits;
pub mod work_sessions;
pub mod worklist;

pub use access::{CaseAccess, Grant, OfficeAccess, Principal, Scope};
pub use audit::Actor;
pub use db::{Engine, Store};
pub use error::{Result as StoreResult, StoreError};

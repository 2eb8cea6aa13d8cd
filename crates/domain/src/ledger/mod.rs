//! The hours ledger of one case: rules L4 (the order), L5 (8 hours a local day), L6 (the
//! service window) and B5 (the daily report is filled by the client and verified by the PJ
//! and then the PK).
//!
//! An attendance entry is an interval of whole minutes between two instants, read in the
//! office's time zone; an entry across local midnight counts on both days. Its state moves
//! `Reported → SupervisorVerified → Credited`, or to `Rejected` (which keeps its reason).
//! Only credited minutes count as served (B5).
//!
//! Policies:
//! - A new entry is checked against credited **and pending** minutes, so that a day can
//!   never be over-claimed while reports wait for verification (L5), and the order never
//!   over-reported (L4). The refusal says how many minutes are still free.
//! - Crediting re-checks L4, L5 and L6 against credited minutes, so even entries stored by
//!   another path can never make a day credit more than 480 minutes or the case more than
//!   the order. An entry that would exceed the order is **refused** with the minutes left,
//!   not credited in part: a partial credit would make the ledger disagree with the signed
//!   daily report, and the refusal tells the reporter exactly what to correct.
//! - One entry may last at most 8 hours, even across midnight: whether L5's *Hari* is a
//!   calendar day or 24 hours, one unbroken session of more than 8 hours is never allowed.

mod check;
mod signature;
mod verify;

pub use signature::{Attestation, DeviceSignature, check_session_signature};

use std::collections::BTreeMap;

use jiff::Timestamp;
use jiff::civil::Date;
use jiff::tz::TimeZone;
use serde::{Deserialize, Serialize};

use crate::local_day::minutes_by_local_day;
use crate::minutes::Minutes;
use crate::rule::Violation;
use crate::window::ServiceWindow;

/// B5: daily reports are recorded and verified while the client serves the hours (an
/// examination does not stop the service); not before placement, nor after termination.
pub fn check_takes_reports(status: crate::CaseStatus) -> Result<(), Violation> {
    use crate::CaseStatus::{Serving, UnderExamination};
    if matches!(status, Serving | UnderExamination) {
        return Ok(());
    }
    Err(Violation::new(
        crate::rule::Rule::B5,
        "case",
        crate::rule::Refusal::NotServing { status },
    ))
}

/// P10 and B7: when the decision requires monitoring technology, a daily report comes with a
/// photo that carries its location.
pub fn check_monitoring(required: bool, located_photo: bool) -> Result<(), Violation> {
    if required && !located_photo {
        return Err(Violation::new(
            crate::rule::Rule::P10,
            "evidence",
            crate::rule::Refusal::LocatedPhotoRequired,
        ));
    }
    Ok(())
}

/// L5: at most 8 hours in one day.
pub const DAILY_LIMIT: Minutes = Minutes::from_hours(8);

/// Where an attendance entry is in its verification (B5).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "state", rename_all = "snake_case")]
pub enum EntryState {
    /// Filled in by the client (or by the PJ on the client's behalf).
    Reported,
    /// Verified by the on-site supervisor (PJ).
    SupervisorVerified { supervisor: i64 },
    /// Verified by the PK after the PJ: the minutes count as served.
    Credited { supervisor: i64, pk: i64 },
    /// Refused by the PJ or the PK, with the reason given.
    Rejected { by: i64, reason: String },
}

impl EntryState {
    /// The name stored in the database.
    pub fn as_str(&self) -> &'static str {
        match self {
            EntryState::Reported => "reported",
            EntryState::SupervisorVerified { .. } => "supervisor_verified",
            EntryState::Credited { .. } => "credited",
            EntryState::Rejected { .. } => "rejected",
        }
    }

    /// Reported or supervisor-verified: waiting for a verification.
    pub fn is_pending(&self) -> bool {
        matches!(
            self,
            EntryState::Reported | EntryState::SupervisorVerified { .. }
        )
    }

    /// Counts against the daily limit and the order (everything but a rejection).
    pub fn counts(&self) -> bool {
        !matches!(self, EntryState::Rejected { .. })
    }
}

/// One attendance of one case: time in and time out (Annex III, *daftar hadir*).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AttendanceEntry {
    pub id: i64,
    pub start: Timestamp,
    pub end: Timestamp,
    /// The user who filled in the report (opaque id).
    pub reported_by: i64,
    pub state: EntryState,
}

impl AttendanceEntry {
    /// The entry's length in whole minutes (zero if it is reversed).
    pub fn minutes(&self) -> Minutes {
        Minutes::new((self.end.duration_since(self.start).as_secs() / 60).max(0))
    }

    fn overlaps(&self, start: Timestamp, end: Timestamp) -> bool {
        self.start < end && start < self.end
    }
}

/// The sums of a ledger. `credited + remaining == ordered` whenever credit is within the
/// order (which the ledger guarantees for what it credits); rejected minutes count nowhere.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Totals {
    pub ordered: Minutes,
    pub credited: Minutes,
    /// Reported or supervisor-verified, not yet credited.
    pub pending: Minutes,
    pub rejected: Minutes,
    /// `ordered − credited`, never negative.
    pub remaining: Minutes,
}

impl Totals {
    /// What may still be reported: `ordered − credited − pending`, never negative.
    pub fn still_to_report(&self) -> Minutes {
        self.remaining.remaining_after(self.pending)
    }
}

/// The attendance of one case with the terms it is checked against.
#[derive(Debug, Clone)]
pub struct Ledger {
    ordered: Minutes,
    window: ServiceWindow,
    zone: TimeZone,
    entries: Vec<AttendanceEntry>,
}

impl Ledger {
    /// A ledger for `ordered` minutes served within `window`, local days read in `zone`
    /// (the office's), holding the case's existing `entries`.
    pub fn new(
        ordered: Minutes,
        window: ServiceWindow,
        zone: TimeZone,
        entries: Vec<AttendanceEntry>,
    ) -> Ledger {
        Ledger {
            ordered,
            window,
            zone,
            entries,
        }
    }

    pub fn ordered(&self) -> Minutes {
        self.ordered
    }

    pub fn window(&self) -> &ServiceWindow {
        &self.window
    }

    pub fn zone(&self) -> &TimeZone {
        &self.zone
    }

    pub fn entries(&self) -> &[AttendanceEntry] {
        &self.entries
    }

    pub fn entry(&self, id: i64) -> Option<&AttendanceEntry> {
        self.entries.iter().find(|e| e.id == id)
    }

    pub fn totals(&self) -> Totals {
        let sum = |keep: fn(&EntryState) -> bool| -> Minutes {
            self.entries
                .iter()
                .filter(|e| keep(&e.state))
                .map(AttendanceEntry::minutes)
                .sum()
        };
        let credited = sum(|s| matches!(s, EntryState::Credited { .. }));
        Totals {
            ordered: self.ordered,
            credited,
            pending: sum(EntryState::is_pending),
            rejected: sum(|s| matches!(s, EntryState::Rejected { .. })),
            remaining: self.ordered.remaining_after(credited),
        }
    }

    /// Minutes a new entry may still claim on `day`: zero outside the window; otherwise the
    /// daily limit less what is credited or pending that day (L5), and never more than is
    /// left to report of the order (L4).
    pub fn minutes_free_on(&self, day: Date) -> Minutes {
        if !self.window.contains(day) {
            return Minutes::ZERO;
        }
        let free_today = DAILY_LIMIT.remaining_after(self.minutes_on(day, EntryState::counts));
        free_today.min(self.totals().still_to_report())
    }

    /// Credited minutes per local day of the work (not of the crediting), for pace and
    /// milestones.
    pub fn credited_by_day(&self) -> BTreeMap<Date, Minutes> {
        let mut days = BTreeMap::new();
        for entry in self
            .entries
            .iter()
            .filter(|e| matches!(e.state, EntryState::Credited { .. }))
        {
            for (day, minutes) in self.split(entry.start, entry.end) {
                let total: &mut Minutes = days.entry(day).or_default();
                *total = total.saturating_add(minutes);
            }
        }
        days
    }

    /// The minutes on `day` of the entries whose state passes `keep`.
    fn minutes_on(&self, day: Date, keep: fn(&EntryState) -> bool) -> Minutes {
        self.entries
            .iter()
            .filter(|e| keep(&e.state))
            .flat_map(|e| self.split(e.start, e.end))
            .filter(|(d, _)| *d == day)
            .map(|(_, minutes)| minutes)
            .sum()
    }

    fn split(&self, start: Timestamp, end: Timestamp) -> Vec<(Date, Minutes)> {
        minutes_by_local_day(start, end, &self.zone)
    }
}

#[cfg(test)]
#[expect(non_snake_case, reason = "test names end with the rule ID they check")]
mod tests;

#[cfg(test)]
#[expect(non_snake_case, reason = "test names end with the rule ID they check")]
mod props;

//! Verification of attendance (B5): the on-site supervisor (PJ) first, then the PK; only
//! then are the minutes credited. Nobody verifies a report they filled in themselves, and
//! the PK's verification must come from someone other than the PJ who verified, so that two
//! people have looked at every credited minute.
//!
//! Which users hold the PJ or PK role for this case is checked by the web layer before
//! these functions are called; here users are opaque ids.

use super::check::{day_limit, order_limit};
use super::{AttendanceEntry, DAILY_LIMIT, EntryState, Ledger};
use crate::refusal::{AwaitedStep, EntryProgress};
use crate::rule::{Refusal, Rule, Violation};

impl Ledger {
    /// The PJ confirms the client was there (B5).
    pub fn verify_by_supervisor(
        &mut self,
        id: i64,
        supervisor: i64,
    ) -> Result<&AttendanceEntry, Violation> {
        let index = self.index_of(id)?;
        let entry = &self.entries[index];
        if entry.state != EntryState::Reported {
            return Err(not_awaiting(entry, AwaitedStep::Supervisor));
        }
        if entry.reported_by == supervisor {
            return Err(own_report());
        }
        self.entries[index].state = EntryState::SupervisorVerified { supervisor };
        Ok(&self.entries[index])
    }

    /// The PK confirms after the PJ; the minutes are credited (B5). Refused if the credit
    /// would exceed the order (L4), the day's 8 hours (L5) or the window (L6).
    pub fn verify_by_pk(&mut self, id: i64, pk: i64) -> Result<&AttendanceEntry, Violation> {
        let index = self.index_of(id)?;
        let entry = &self.entries[index];
        let supervisor = match entry.state {
            EntryState::SupervisorVerified { supervisor } => supervisor,
            EntryState::Reported => {
                return Err(Violation::new(Rule::B5, "state", Refusal::SupervisorFirst));
            }
            _ => return Err(not_awaiting(entry, AwaitedStep::Pk)),
        };
        if entry.reported_by == pk {
            return Err(own_report());
        }
        if supervisor == pk {
            return Err(Violation::new(
                Rule::B5,
                "state",
                Refusal::VerifiedAsSupervisor,
            ));
        }
        self.check_credit(entry)?;
        self.entries[index].state = EntryState::Credited { supervisor, pk };
        Ok(&self.entries[index])
    }

    /// The PJ or the PK refuses a pending report, saying why (B5).
    pub fn reject(
        &mut self,
        id: i64,
        by: i64,
        reason: &str,
    ) -> Result<&AttendanceEntry, Violation> {
        let index = self.index_of(id)?;
        let entry = &self.entries[index];
        if !entry.state.is_pending() {
            return Err(not_awaiting(entry, AwaitedStep::Rejection));
        }
        if entry.reported_by == by {
            return Err(own_report());
        }
        let reason = reason.trim();
        if reason.is_empty() {
            return Err(Violation::new(
                Rule::B5,
                "reason",
                Refusal::RejectionReasonRequired,
            ));
        }
        self.entries[index].state = EntryState::Rejected {
            by,
            reason: reason.to_owned(),
        };
        Ok(&self.entries[index])
    }

    /// L4, L5 and L6 against what is already credited.
    fn check_credit(&self, entry: &AttendanceEntry) -> Result<(), Violation> {
        let credited = |s: &EntryState| matches!(s, EntryState::Credited { .. });
        for (day, minutes) in self.split(entry.start, entry.end) {
            if !self.window.contains(day) {
                return Err(self.window.outside("start", day));
            }
            let free = DAILY_LIMIT.remaining_after(self.minutes_on(day, credited));
            if minutes > free {
                return Err(day_limit(day, free, minutes));
            }
        }
        let left = self.totals().remaining;
        if entry.minutes() > left {
            return Err(order_limit(left, entry.minutes()));
        }
        Ok(())
    }

    fn index_of(&self, id: i64) -> Result<usize, Violation> {
        self.entries
            .iter()
            .position(|e| e.id == id)
            .ok_or_else(|| Violation::new(Rule::B5, "id", Refusal::EntryNotInCase { id }))
    }
}

fn own_report() -> Violation {
    Violation::new(Rule::B5, "state", Refusal::OwnReport)
}

fn not_awaiting(entry: &AttendanceEntry, step: AwaitedStep) -> Violation {
    let now = match entry.state {
        EntryState::Reported => EntryProgress::Reported,
        EntryState::SupervisorVerified { .. } => EntryProgress::SupervisorVerified,
        EntryState::Credited { .. } => EntryProgress::Credited,
        EntryState::Rejected { .. } => EntryProgress::Rejected,
    };
    let id = entry.id;
    Violation::new(Rule::B5, "state", Refusal::NotAwaiting { id, now, step })
}

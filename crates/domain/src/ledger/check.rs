//! Checking a new attendance entry before it is stored: B5 (a real, whole-minute attendance
//! in the past that overlaps no other), L6 (every day in the window), L5 (8 hours a day,
//! counting credited and pending minutes) and L4 (no more than the order).

use jiff::Timestamp;

use super::{AttendanceEntry, DAILY_LIMIT, EntryState, Ledger};
use crate::local_day::local_time;
use crate::minutes::Minutes;
use crate::rule::{Refusal, Rule, Violation};

impl Ledger {
    /// Whether an attendance from `start` to `end`, reported at `now`, may be recorded.
    /// Returns the first rule it breaks, in the order a reporter can act on: the times
    /// themselves, then the window, overlaps, the day's limit and the order.
    pub fn check_new_entry(
        &self,
        start: Timestamp,
        end: Timestamp,
        now: Timestamp,
    ) -> Result<(), Violation> {
        if end <= start {
            return Err(Violation::new(Rule::B5, "end", Refusal::EndBeforeStart));
        }
        if !is_whole_minute(start) || !is_whole_minute(end) {
            return Err(Violation::new(Rule::B5, "start", Refusal::WholeMinutes));
        }
        if end > now {
            return Err(Violation::new(Rule::B5, "end", Refusal::NotYetServed));
        }
        let length = Minutes::new(end.duration_since(start).as_secs() / 60);
        if length > DAILY_LIMIT {
            return Err(Violation::new(
                Rule::L5,
                "end",
                Refusal::EntryTooLong { length },
            ));
        }
        let days = self.split(start, end);
        if let Some(&(day, _)) = days.iter().find(|(day, _)| !self.window.contains(*day)) {
            return Err(self.window.outside("start", day));
        }
        if let Some(other) = self
            .entries
            .iter()
            .find(|e| e.state.counts() && e.overlaps(start, end))
        {
            return Err(self.overlap(other));
        }
        for &(day, minutes) in &days {
            let used = self.minutes_on(day, EntryState::counts);
            let free = DAILY_LIMIT.remaining_after(used);
            if minutes > free {
                return Err(day_limit(day, free, minutes));
            }
        }
        let to_report = self.totals().still_to_report();
        if length > to_report {
            return Err(order_limit(to_report, length));
        }
        Ok(())
    }

    /// Checks and records a reported attendance under the id the store gave it.
    pub fn add_entry(
        &mut self,
        id: i64,
        start: Timestamp,
        end: Timestamp,
        reported_by: i64,
        now: Timestamp,
    ) -> Result<&AttendanceEntry, Violation> {
        self.check_new_entry(start, end, now)?;
        if self.entry(id).is_some() {
            return Err(Violation::new(Rule::B5, "id", Refusal::EntryExists { id }));
        }
        self.entries.push(AttendanceEntry {
            id,
            start,
            end,
            reported_by,
            state: EntryState::Reported,
        });
        let index = self.entries.len() - 1;
        Ok(&self.entries[index])
    }

    fn overlap(&self, other: &AttendanceEntry) -> Violation {
        let zone = &self.zone;
        let day = crate::calendar::local_date(other.start, zone);
        Violation::new(
            Rule::B5,
            "start",
            Refusal::Overlap {
                from: local_time(other.start, zone),
                to: local_time(other.end, zone),
                day,
            },
        )
    }
}

fn is_whole_minute(instant: Timestamp) -> bool {
    instant.subsec_nanosecond() == 0 && instant.as_second().rem_euclid(60) == 0
}

/// L5: the day has `free` minutes left and the entry wants `wanted` of them.
pub(super) fn day_limit(day: jiff::civil::Date, free: Minutes, wanted: Minutes) -> Violation {
    let refusal = if free.is_positive() {
        Refusal::DayLimit { day, free, wanted }
    } else {
        Refusal::DayFull { day }
    };
    Violation::new(Rule::L5, "end", refusal)
}

/// L4: only `left` of the order can still be reported or credited.
pub(super) fn order_limit(left: Minutes, wanted: Minutes) -> Violation {
    Violation::new(Rule::L4, "end", Refusal::OrderLimit { left, wanted })
}

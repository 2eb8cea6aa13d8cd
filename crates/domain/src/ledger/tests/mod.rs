//! Tests of the ledger: new entries (L4, L5, L6, B5) and verification (B5, L4, L5).

mod new_entries;
mod verification;

use jiff::Timestamp;
use jiff::civil::{Date, date};
use jiff::tz::TimeZone;

use super::*;
use crate::calendar::OfficeZone;
use crate::rule::{Refusal, Rule, Violation};

pub(super) const CLIENT: i64 = 1;
pub(super) const SUPERVISOR: i64 = 2;
pub(super) const PK: i64 = 3;

/// Local time `h:m` on `day` in `zone`.
pub(super) fn at(zone: OfficeZone, day: Date, h: i8, m: i8) -> Timestamp {
    day.at(h, m, 0, 0)
        .to_zoned_datetime(zone.time_zone())
        .expect("valid local time")
        .timestamp()
}

pub(super) fn wib(day: Date, h: i8, m: i8) -> Timestamp {
    at(OfficeZone::Wib, day, h, m)
}

pub(super) const DAY: Date = date(2026, 3, 2);

pub(super) fn now() -> Timestamp {
    "2027-01-01T00:00:00Z".parse().expect("instant")
}

pub(super) fn ledger_in(zone: TimeZone, ordered: Minutes) -> Ledger {
    let window = ServiceWindow::statutory(DAY).expect("window");
    Ledger::new(ordered, window, zone, Vec::new())
}

pub(super) fn ledger() -> Ledger {
    ledger_in(OfficeZone::Wib.time_zone(), Minutes::from_hours(120))
}

pub(super) fn entry(
    id: i64,
    start: Timestamp,
    end: Timestamp,
    state: EntryState,
) -> AttendanceEntry {
    AttendanceEntry {
        id,
        start,
        end,
        reported_by: CLIENT,
        state,
    }
}

pub(super) fn credited() -> EntryState {
    EntryState::Credited {
        supervisor: SUPERVISOR,
        pk: PK,
    }
}

pub(super) fn add(
    l: &mut Ledger,
    id: i64,
    start: Timestamp,
    end: Timestamp,
) -> Result<(), Violation> {
    l.add_entry(id, start, end, CLIENT, now()).map(|_| ())
}

pub(super) fn credit(l: &mut Ledger, id: i64) -> Result<(), Violation> {
    l.verify_by_supervisor(id, SUPERVISOR)?;
    l.verify_by_pk(id, PK).map(|_| ())
}

//! Property tests of the ledger's arithmetic (L4, L5, B5).

use std::collections::BTreeMap;

use jiff::civil::{Date, date};
use jiff::{SignedDuration, Timestamp};
use proptest::prelude::*;

use super::*;
use crate::calendar::OfficeZone;

const CLIENT: i64 = 1;
const SUPERVISOR: i64 = 2;
const PK: i64 = 3;
const START: Date = date(2026, 3, 2);

#[derive(Debug, Clone)]
enum Op {
    Report {
        day: i64,
        start_minute: i64,
        length: i64,
    },
    Supervise(usize),
    Credit(usize),
    Reject(usize),
}

fn op() -> impl Strategy<Value = Op> {
    prop_oneof![
        3 => (0i64..6, 0i64..1440, 1i64..600)
            .prop_map(|(day, start_minute, length)| Op::Report { day, start_minute, length }),
        2 => (0usize..40).prop_map(Op::Supervise),
        2 => (0usize..40).prop_map(Op::Credit),
        1 => (0usize..40).prop_map(Op::Reject),
    ]
}

fn zone() -> impl Strategy<Value = OfficeZone> {
    prop_oneof![
        Just(OfficeZone::Wib),
        Just(OfficeZone::Wita),
        Just(OfficeZone::Wit)
    ]
}

/// An instant `minutes` after local midnight of `START + day` in `zone`.
fn instant(zone: OfficeZone, day: i64, minutes: i64) -> Timestamp {
    let midnight = START
        .to_zoned_datetime(zone.time_zone())
        .expect("valid midnight")
        .timestamp();
    midnight
        .checked_add(SignedDuration::from_mins(day * 1440 + minutes))
        .expect("in range")
}

fn now() -> Timestamp {
    "2030-01-01T00:00:00Z".parse().expect("instant")
}

/// Minutes per local day of the entries whose state passes `keep`.
fn per_day(l: &Ledger, keep: fn(&EntryState) -> bool) -> BTreeMap<Date, Minutes> {
    let mut days = BTreeMap::new();
    for e in l.entries().iter().filter(|e| keep(&e.state)) {
        for (day, minutes) in minutes_by_local_day(e.start, e.end, l.zone()) {
            let total: &mut Minutes = days.entry(day).or_default();
            *total = total.saturating_add(minutes);
        }
    }
    days
}

fn assert_invariants(l: &Ledger) -> Result<(), TestCaseError> {
    let limit = DAILY_LIMIT;
    for (day, minutes) in per_day(l, |s| matches!(s, EntryState::Credited { .. })) {
        prop_assert!(minutes <= limit, "{day}: credited {minutes}");
    }
    for (day, minutes) in per_day(l, EntryState::counts) {
        prop_assert!(minutes <= limit, "{day}: counted {minutes}");
    }
    let t = l.totals();
    prop_assert!(t.credited <= t.ordered);
    prop_assert!(t.credited.saturating_add(t.pending) <= t.ordered);
    prop_assert_eq!(t.credited.saturating_add(t.remaining), t.ordered);
    let all: Minutes = l.entries().iter().map(AttendanceEntry::minutes).sum();
    prop_assert_eq!(
        all,
        t.credited
            .saturating_add(t.pending)
            .saturating_add(t.rejected)
    );
    prop_assert!(t.remaining >= Minutes::ZERO && t.pending >= Minutes::ZERO);
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(96))]

    #[test]
    fn no_sequence_of_accepted_operations_breaks_the_day_or_the_order_L4_L5(
        zone in zone(),
        ordered in 480i64..=2400,
        ops in proptest::collection::vec(op(), 1..40),
    ) {
        let window = ServiceWindow::statutory(START).expect("window");
        let mut l = Ledger::new(Minutes::new(ordered), window, zone.time_zone(), Vec::new());
        let mut next_id = 1;
        for op in ops {
            let ids: Vec<i64> = l.entries().iter().map(|e| e.id).collect();
            let pick = |i: usize| ids.get(i % ids.len().max(1)).copied().unwrap_or(0);
            match op {
                Op::Report { day, start_minute, length } => {
                    let start = instant(zone, day, start_minute);
                    let end = instant(zone, day, start_minute + length);
                    let before = l.entries().len();
                    let accepted = l.add_entry(next_id, start, end, CLIENT, now()).is_ok();
                    prop_assert_eq!(l.entries().len(), before + usize::from(accepted));
                    next_id += 1;
                }
                Op::Supervise(i) => { let _ = l.verify_by_supervisor(pick(i), SUPERVISOR); }
                Op::Credit(i) => { let _ = l.verify_by_pk(pick(i), PK); }
                Op::Reject(i) => { let _ = l.reject(pick(i), PK, "tidak sesuai"); }
            }
            assert_invariants(&l)?;
        }
    }

    #[test]
    fn crediting_stored_reports_in_any_order_never_exceeds_the_day_or_the_order_L4_L5(
        zone in zone(),
        ordered in 480i64..=1500,
        reports in proptest::collection::vec((0i64..4, 0i64..1440, 1i64..700), 1..25),
        order in proptest::collection::vec(0usize..25, 1..50),
    ) {
        // Reports stored without the new-entry check (overlapping, over the limit): the
        // PK's crediting must still keep every day and the order within bounds.
        let entries: Vec<AttendanceEntry> = reports
            .iter()
            .enumerate()
            .map(|(i, &(day, start_minute, length))| AttendanceEntry {
                id: i64::try_from(i).unwrap_or(0),
                start: instant(zone, day, start_minute),
                end: instant(zone, day, start_minute + length),
                reported_by: CLIENT,
                state: EntryState::SupervisorVerified { supervisor: SUPERVISOR },
            })
            .collect();
        let window = ServiceWindow::statutory(START).expect("window");
        let mut l = Ledger::new(Minutes::new(ordered), window, zone.time_zone(), entries);
        for i in order {
            let _ = l.verify_by_pk(i64::try_from(i).unwrap_or(0), PK);
            for (day, minutes) in per_day(&l, |s| matches!(s, EntryState::Credited { .. })) {
                prop_assert!(minutes <= DAILY_LIMIT, "{day}: credited {minutes}");
            }
            let t = l.totals();
            prop_assert!(t.credited <= t.ordered);
            prop_assert_eq!(t.credited.saturating_add(t.remaining), t.ordered);
        }
    }

    #[test]
    fn minutes_free_on_a_day_are_exactly_what_a_new_entry_may_claim_L5(
        zone in zone(),
        existing in proptest::collection::vec((0i64..1440, 1i64..300), 0..5),
        probe in 1i64..500,
    ) {
        let window = ServiceWindow::statutory(START).expect("window");
        let mut l = Ledger::new(Minutes::from_hours(240), window, zone.time_zone(), Vec::new());
        for (i, &(start_minute, length)) in existing.iter().enumerate() {
            let end = (start_minute + length).min(1440);
            let _ = l.add_entry(
                i64::try_from(i).unwrap_or(0),
                instant(zone, 1, start_minute),
                instant(zone, 1, end),
                CLIENT,
                now(),
            );
        }
        let day = date(2026, 3, 3);
        let free = l.minutes_free_on(day);
        // Find a free stretch of `probe` minutes that overlaps nothing, if any, and check
        // that it is accepted exactly when it fits the free minutes.
        let taken: Vec<(Timestamp, Timestamp)> = l.entries().iter().map(|e| (e.start, e.end)).collect();
        let slot = (0..=(1440 - probe)).step_by(5).map(|m| (instant(zone, 1, m), instant(zone, 1, m + probe)))
            .find(|&(s, e)| taken.iter().all(|&(ts, te)| e <= ts || te <= s));
        if let Some((s, e)) = slot {
            let accepted = l.check_new_entry(s, e, now()).is_ok();
            prop_assert_eq!(accepted, Minutes::new(probe) <= free);
        }
    }
}

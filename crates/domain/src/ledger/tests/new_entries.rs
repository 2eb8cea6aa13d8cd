//! Checking new entries: L5 (8 hours a local day), L6 (the window), L4 (the order), B5.

use jiff::civil::date;

use super::*;

#[test]
fn accepts_exactly_eight_hours_in_a_day_L5() {
    let mut l = ledger();
    add(&mut l, 1, wib(DAY, 8, 0), wib(DAY, 12, 0)).expect("morning");
    add(&mut l, 2, wib(DAY, 13, 0), wib(DAY, 17, 0)).expect("afternoon makes exactly 8 h");
    assert_eq!(l.minutes_free_on(DAY), Minutes::ZERO);
    credit(&mut l, 1).expect("credit morning");
    credit(&mut l, 2).expect("credit afternoon");
    assert_eq!(l.credited_by_day().get(&DAY), Some(&Minutes::from_hours(8)));
}

#[test]
fn rejects_eight_hours_and_one_minute_in_a_day_L5() {
    let mut l = ledger();
    add(&mut l, 1, wib(DAY, 8, 0), wib(DAY, 12, 0)).expect("morning");
    let err = add(&mut l, 2, wib(DAY, 13, 0), wib(DAY, 17, 1)).expect_err("8 h 1 min");
    assert_eq!(err.rule, Some(Rule::L5));
    assert_eq!(
        err.refusal,
        Refusal::DayLimit {
            day: DAY,
            free: Minutes::from_hours(4),
            wanted: Minutes::new(241)
        }
    );
    assert_eq!(l.entries().len(), 1, "a refused entry is not recorded");
}

#[test]
fn pending_reports_count_against_the_day_and_the_message_gives_the_minutes_left_L5() {
    let mut l = ledger();
    add(&mut l, 1, wib(DAY, 8, 0), wib(DAY, 15, 15)).expect("7 h 15 min reported");
    assert_eq!(l.minutes_free_on(DAY), Minutes::new(45));
    let err = add(&mut l, 2, wib(DAY, 16, 0), wib(DAY, 17, 0)).expect_err("1 h > 45 min");
    assert_eq!(err.rule, Some(Rule::L5));
    assert_eq!(
        err.refusal,
        Refusal::DayLimit {
            day: DAY,
            free: Minutes::new(45),
            wanted: Minutes::from_hours(1)
        }
    );
    add(&mut l, 2, wib(DAY, 16, 0), wib(DAY, 16, 45)).expect("exactly the 45 minutes left");
    let err = add(&mut l, 3, wib(DAY, 17, 0), wib(DAY, 17, 1)).expect_err("day is full");
    assert_eq!(err.refusal, Refusal::DayFull { day: DAY });
}

#[test]
fn a_rejected_report_frees_its_minutes_but_keeps_its_reason_L5_B5() {
    let mut l = ledger();
    add(&mut l, 1, wib(DAY, 8, 0), wib(DAY, 16, 0)).expect("8 h");
    l.reject(1, SUPERVISOR, "  Klien tidak hadir hari itu.  ")
        .expect("rejected");
    assert_eq!(
        l.entry(1).map(|e| e.state.clone()),
        Some(EntryState::Rejected {
            by: SUPERVISOR,
            reason: "Klien tidak hadir hari itu.".into()
        })
    );
    assert_eq!(l.minutes_free_on(DAY), Minutes::from_hours(8));
    add(&mut l, 2, wib(DAY, 8, 0), wib(DAY, 16, 0)).expect("overlap with a rejected entry is fine");
    assert_eq!(l.totals().rejected, Minutes::from_hours(8));
}

#[test]
fn rejects_one_entry_longer_than_eight_hours_even_across_midnight_L5() {
    let mut l = ledger();
    let next = date(2026, 3, 3);
    let err = add(&mut l, 1, wib(DAY, 16, 0), wib(next, 0, 1)).expect_err("481 minutes");
    assert_eq!(err.rule, Some(Rule::L5));
    assert_eq!(
        err.refusal,
        Refusal::EntryTooLong {
            length: Minutes::new(481)
        }
    );
}

#[test]
fn an_entry_across_midnight_counts_on_both_days_L5() {
    let mut l = ledger();
    let next = date(2026, 3, 3);
    add(&mut l, 1, wib(DAY, 20, 0), wib(next, 2, 0)).expect("22 h to 2 h");
    assert_eq!(l.minutes_free_on(DAY), Minutes::from_hours(4));
    assert_eq!(l.minutes_free_on(next), Minutes::from_hours(6));
    let err = add(&mut l, 2, wib(next, 8, 0), wib(next, 14, 1)).expect_err("6 h 1 min");
    assert_eq!(err.rule, Some(Rule::L5));
    add(&mut l, 2, wib(next, 8, 0), wib(next, 14, 0)).expect("6 h fills the second day");
    credit(&mut l, 1).expect("credit");
    let by_day = l.credited_by_day();
    assert_eq!(by_day.get(&DAY), Some(&Minutes::from_hours(4)));
    assert_eq!(by_day.get(&next), Some(&Minutes::from_hours(2)));
}

#[test]
fn the_same_utc_instants_fall_on_different_local_days_in_wib_wita_and_wit_L5() {
    // 8 hours from 01:00 to 09:00 UTC fill 2 March in every zone; one more hour from 16:00
    // to 17:00 UTC is 23:00 on 2 March in WIB (refused), but 00:00 and 01:00 on 3 March in
    // WITA and WIT (accepted).
    let utc = |text: &str| -> Timestamp { text.parse().expect("instant") };
    for (zone, accepted) in [
        (OfficeZone::Wib, false),
        (OfficeZone::Wita, true),
        (OfficeZone::Wit, true),
    ] {
        let mut l = ledger_in(zone.time_zone(), Minutes::from_hours(120));
        l.add_entry(
            1,
            utc("2026-03-02T01:00:00Z"),
            utc("2026-03-02T09:00:00Z"),
            CLIENT,
            now(),
        )
        .expect("8 h");
        let late = l.add_entry(
            2,
            utc("2026-03-02T16:00:00Z"),
            utc("2026-03-02T17:00:00Z"),
            CLIENT,
            now(),
        );
        assert_eq!(late.is_ok(), accepted, "{}", zone.abbreviation());
        if let Err(err) = late {
            assert_eq!(err.rule, Some(Rule::L5));
        }
    }
}

#[test]
fn accepts_an_entry_on_the_last_day_of_the_window_L6() {
    let mut l = ledger();
    let last = l.window().end_inclusive();
    assert_eq!(last, date(2026, 8, 28));
    add(&mut l, 1, wib(last, 8, 0), wib(last, 16, 0)).expect("last day");
    assert_eq!(l.minutes_free_on(last), Minutes::ZERO);
}

#[test]
fn rejects_an_entry_on_the_day_after_the_window_L6() {
    let mut l = ledger();
    let after = date(2026, 8, 29);
    let err = add(&mut l, 1, wib(after, 8, 0), wib(after, 9, 0)).expect_err("after");
    assert_eq!(err.rule, Some(Rule::L6));
    assert!(
        matches!(err.refusal, Refusal::OutsideWindow { day, .. } if day == after),
        "{err:?}"
    );
    assert_eq!(l.minutes_free_on(after), Minutes::ZERO);
}

#[test]
fn rejects_an_entry_that_runs_past_midnight_out_of_the_window_L6() {
    let mut l = ledger();
    let last = date(2026, 8, 28);
    let err = add(&mut l, 1, wib(last, 23, 0), wib(date(2026, 8, 29), 0, 30)).expect_err("spills");
    assert_eq!(err.rule, Some(Rule::L6));
}

#[test]
fn rejects_an_entry_before_the_window_starts_L6() {
    let mut l = ledger();
    let before = date(2026, 3, 1);
    let err = add(&mut l, 1, wib(before, 8, 0), wib(before, 9, 0)).expect_err("before");
    assert_eq!(err.rule, Some(Rule::L6));
}

#[test]
fn rejects_zero_and_negative_lengths_seconds_and_future_times_B5() {
    let mut l = ledger();
    let t = wib(DAY, 8, 0);
    assert_eq!(add(&mut l, 1, t, t).expect_err("zero").rule, Some(Rule::B5));
    assert_eq!(
        add(&mut l, 1, t, wib(DAY, 7, 0))
            .expect_err("negative")
            .rule,
        Some(Rule::B5)
    );
    let with_seconds = t
        .checked_add(jiff::SignedDuration::from_secs(30))
        .expect("in range");
    assert_eq!(
        add(&mut l, 1, with_seconds, wib(DAY, 9, 0))
            .expect_err("seconds")
            .rule,
        Some(Rule::B5)
    );
    let future = l
        .add_entry(1, t, wib(DAY, 9, 0), CLIENT, wib(DAY, 8, 59))
        .expect_err("future");
    assert_eq!((future.rule, future.field), (Some(Rule::B5), "end"));
    assert!(l.entries().is_empty());
}

#[test]
fn rejects_an_entry_overlapping_another_of_the_case_B5() {
    let mut l = ledger();
    add(&mut l, 1, wib(DAY, 8, 0), wib(DAY, 10, 0)).expect("first");
    let err = add(&mut l, 2, wib(DAY, 9, 59), wib(DAY, 11, 0)).expect_err("overlap");
    assert_eq!(err.rule, Some(Rule::B5));
    assert_eq!(
        err.refusal,
        Refusal::Overlap {
            from: jiff::civil::time(8, 0, 0, 0),
            to: jiff::civil::time(10, 0, 0, 0),
            day: DAY
        }
    );
    add(&mut l, 2, wib(DAY, 10, 0), wib(DAY, 11, 0)).expect("touching is not overlapping");
    assert!(
        add(&mut l, 2, wib(DAY, 12, 0), wib(DAY, 13, 0)).is_err(),
        "duplicate id"
    );
}

#[test]
fn rejects_an_entry_beyond_the_order_with_the_minutes_left_L4() {
    let mut l = ledger_in(OfficeZone::Wita.time_zone(), Minutes::from_hours(8));
    let zone = OfficeZone::Wita;
    let day2 = date(2026, 3, 3);
    l.add_entry(1, at(zone, DAY, 8, 0), at(zone, DAY, 12, 0), CLIENT, now())
        .expect("4 h");
    credit(&mut l, 1).expect("credited");
    l.add_entry(
        2,
        at(zone, day2, 8, 0),
        at(zone, day2, 11, 0),
        CLIENT,
        now(),
    )
    .expect("3 h");
    let day3 = date(2026, 3, 4);
    assert_eq!(l.minutes_free_on(day3), Minutes::from_hours(1));
    let err = l
        .add_entry(3, at(zone, day3, 8, 0), at(zone, day3, 9, 1), CLIENT, now())
        .expect_err("1 h 1 min > 1 h");
    assert_eq!(err.rule, Some(Rule::L4));
    assert_eq!(
        err.refusal,
        Refusal::OrderLimit {
            left: Minutes::from_hours(1),
            wanted: Minutes::new(61)
        }
    );
}

#[test]
fn monitoring_needs_a_photo_with_its_location_P10() {
    assert_eq!(
        check_monitoring(true, false).unwrap_err().rule,
        Some(Rule::P10)
    );
    assert!(check_monitoring(true, true).is_ok());
    assert!(
        check_monitoring(false, false).is_ok(),
        "without monitoring a photo is optional"
    );
}

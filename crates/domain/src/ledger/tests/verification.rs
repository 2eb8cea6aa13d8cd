//! Verification by the PJ then the PK (B5), and the re-checks made when crediting.

use jiff::civil::date;

use super::*;

#[test]
fn credits_only_after_the_supervisor_and_then_the_pk_B5() {
    let mut l = ledger();
    add(&mut l, 1, wib(DAY, 8, 0), wib(DAY, 12, 0)).expect("reported");
    let early = l.verify_by_pk(1, PK).expect_err("PK before PJ");
    assert_eq!(early.rule, Some(Rule::B5));
    assert_eq!(l.totals().credited, Minutes::ZERO);
    let state = l
        .verify_by_supervisor(1, SUPERVISOR)
        .expect("PJ")
        .state
        .clone();
    assert_eq!(
        state,
        EntryState::SupervisorVerified {
            supervisor: SUPERVISOR
        }
    );
    assert_eq!(
        l.totals().credited,
        Minutes::ZERO,
        "not credited after the PJ alone"
    );
    assert_eq!(l.totals().pending, Minutes::from_hours(4));
    let state = l.verify_by_pk(1, PK).expect("PK").state.clone();
    assert_eq!(state, credited());
    assert_eq!(l.totals().credited, Minutes::from_hours(4));
    assert_eq!(l.totals().pending, Minutes::ZERO);
    assert_eq!(
        l.verify_by_supervisor(1, SUPERVISOR)
            .expect_err("again")
            .rule,
        Some(Rule::B5)
    );
    assert_eq!(
        l.reject(1, PK, "salah")
            .expect_err("credited is final")
            .rule,
        Some(Rule::B5)
    );
}

#[test]
fn nobody_verifies_their_own_report_B5() {
    let mut l = ledger();
    // A PJ filling in the report on the client's behalf cannot also verify it.
    l.add_entry(1, wib(DAY, 8, 0), wib(DAY, 12, 0), SUPERVISOR, now())
        .expect("reported");
    assert_eq!(
        l.verify_by_supervisor(1, SUPERVISOR).expect_err("own").rule,
        Some(Rule::B5)
    );
    assert_eq!(
        l.reject(1, SUPERVISOR, "x").expect_err("own").rule,
        Some(Rule::B5)
    );
    l.verify_by_supervisor(1, 9).expect("another PJ");
    assert_eq!(
        l.verify_by_pk(1, SUPERVISOR)
            .expect_err("reporter as PK")
            .rule,
        Some(Rule::B5)
    );
    assert_eq!(
        l.verify_by_pk(1, 9)
            .expect_err("same person as PJ and PK")
            .rule,
        Some(Rule::B5)
    );
    l.verify_by_pk(1, PK).expect("a different PK");
}

#[test]
fn a_rejection_needs_a_reason_and_an_entry_that_exists_B5() {
    let mut l = ledger();
    add(&mut l, 1, wib(DAY, 8, 0), wib(DAY, 12, 0)).expect("reported");
    assert_eq!(l.reject(1, PK, "   ").expect_err("blank").field, "reason");
    assert_eq!(l.reject(7, PK, "x").expect_err("unknown").field, "id");
    assert_eq!(l.verify_by_pk(7, PK).expect_err("unknown").field, "id");
}

#[test]
fn crediting_refuses_an_entry_that_would_exceed_the_order_L4() {
    // Entries stored by another path (e.g. imported) are re-checked when credited.
    let day2 = date(2026, 3, 3);
    let entries = vec![
        entry(1, wib(DAY, 8, 0), wib(DAY, 14, 0), credited()),
        entry(
            2,
            wib(day2, 8, 0),
            wib(day2, 11, 0),
            EntryState::SupervisorVerified {
                supervisor: SUPERVISOR,
            },
        ),
    ];
    let window = ServiceWindow::statutory(DAY).expect("window");
    let mut l = Ledger::new(
        Minutes::from_hours(8),
        window,
        OfficeZone::Wib.time_zone(),
        entries,
    );
    let err = l.verify_by_pk(2, PK).expect_err("3 h > 2 h left");
    assert_eq!(err.rule, Some(Rule::L4));
    assert_eq!(
        err.refusal,
        Refusal::OrderLimit {
            left: Minutes::from_hours(2),
            wanted: Minutes::from_hours(3)
        }
    );
    assert_eq!(l.totals().credited, Minutes::from_hours(6));
}

#[test]
fn crediting_refuses_a_ninth_hour_on_a_day_L5() {
    let entries = vec![
        entry(1, wib(DAY, 6, 0), wib(DAY, 12, 0), credited()),
        entry(
            2,
            wib(DAY, 12, 0),
            wib(DAY, 15, 0),
            EntryState::SupervisorVerified {
                supervisor: SUPERVISOR,
            },
        ),
    ];
    let window = ServiceWindow::statutory(DAY).expect("window");
    let mut l = Ledger::new(
        Minutes::from_hours(120),
        window,
        OfficeZone::Wib.time_zone(),
        entries,
    );
    let err = l.verify_by_pk(2, PK).expect_err("9 h");
    assert_eq!(err.rule, Some(Rule::L5));
    assert_eq!(
        err.refusal,
        Refusal::DayLimit {
            day: DAY,
            free: Minutes::from_hours(2),
            wanted: Minutes::from_hours(3)
        }
    );
}

#[test]
fn totals_split_the_order_into_credited_pending_rejected_and_remaining_L4() {
    let d = |n| date(2026, 3, n);
    let entries = vec![
        entry(1, wib(d(2), 8, 0), wib(d(2), 12, 0), credited()),
        entry(2, wib(d(3), 8, 0), wib(d(3), 10, 0), EntryState::Reported),
        entry(
            3,
            wib(d(4), 8, 0),
            wib(d(4), 9, 30),
            EntryState::SupervisorVerified {
                supervisor: SUPERVISOR,
            },
        ),
        entry(
            4,
            wib(d(5), 8, 0),
            wib(d(5), 9, 0),
            EntryState::Rejected {
                by: PK,
                reason: "x".into(),
            },
        ),
    ];
    let window = ServiceWindow::statutory(DAY).expect("window");
    let l = Ledger::new(
        Minutes::from_hours(10),
        window,
        OfficeZone::Wib.time_zone(),
        entries,
    );
    let t = l.totals();
    assert_eq!(t.ordered, Minutes::from_hours(10));
    assert_eq!(t.credited, Minutes::from_hours(4));
    assert_eq!(t.pending, Minutes::new(210));
    assert_eq!(t.rejected, Minutes::from_hours(1));
    assert_eq!(t.remaining, Minutes::from_hours(6));
    assert_eq!(t.still_to_report(), Minutes::new(150));
    assert_eq!(
        l.minutes_free_on(d(6)),
        Minutes::new(150),
        "the order caps the day"
    );
}

#[test]
fn entry_states_have_database_names() {
    assert_eq!(EntryState::Reported.as_str(), "reported");
    assert_eq!(
        EntryState::SupervisorVerified { supervisor: 1 }.as_str(),
        "supervisor_verified"
    );
    assert_eq!(credited().as_str(), "credited");
    assert_eq!(
        EntryState::Rejected {
            by: 1,
            reason: String::new()
        }
        .as_str(),
        "rejected"
    );
}

use jiff::Timestamp;
use jiff::civil::date;

use super::*;
use crate::OfficeZone;
use crate::ledger::{AttendanceEntry, EntryState};

fn window(start: Date) -> ServiceWindow {
    ServiceWindow::statutory(start).expect("window")
}

fn at(day: Date, h: i8) -> Timestamp {
    day.at(h, 0, 0, 0)
        .to_zoned_datetime(OfficeZone::Wit.time_zone())
        .expect("valid")
        .timestamp()
}

/// A ledger of 120 hours with four credited hours on each of `days` and a rejected report
/// on each of `rejected`.
fn ledger(start: Date, days: &[Date], rejected: &[Date]) -> Ledger {
    let credited = days.iter().map(|day| {
        (
            *day,
            EntryState::Credited {
                supervisor: 2,
                pk: 3,
            },
        )
    });
    let refused = rejected.iter().map(|day| {
        (
            *day,
            EntryState::Rejected {
                by: 2,
                reason: "Tidak hadir".into(),
            },
        )
    });
    let entries = credited
        .chain(refused)
        .zip(1..)
        .map(|((day, state), id)| AttendanceEntry {
            id,
            start: at(day, 8),
            end: at(day, 12),
            reported_by: 1,
            state,
        })
        .collect();
    Ledger::new(
        Minutes::from_hours(120),
        window(start),
        OfficeZone::Wit.time_zone(),
        entries,
    )
}

#[test]
fn reports_fall_due_each_month_from_the_start_without_drifting_past_month_ends_S4() {
    // A window starting on 31 January: the months end on 28 February, 31 March, 30 April …
    let points = schedule(&window(date(2027, 1, 31)), 1);
    let periodic: Vec<Date> = points
        .iter()
        .filter(|p| p.occasion == Occasion::Periodic)
        .map(|p| p.on)
        .collect();
    assert_eq!(
        periodic[..3],
        [date(2027, 2, 28), date(2027, 3, 31), date(2027, 4, 30)]
    );
    // Each report covers the days since the previous one, with no gap and no overlap.
    for pair in points.windows(2) {
        assert_eq!(pair[1].from, pair[0].on);
        assert_eq!(add_days(pair[1].on, -1), Some(pair[1].to));
    }
    assert_eq!(points[0].from, date(2027, 1, 31));
}

#[test]
fn the_m4_points_are_evaluation_reports_and_one_day_is_one_report_S4() {
    let w = window(date(2026, 12, 1));
    let points = schedule(&w, 1);
    for q in Quarter::ALL {
        let day = w.day_at_fraction(q.quarters(), 4);
        let on_day: Vec<&DuePoint> = points.iter().filter(|p| p.on == day).collect();
        assert_eq!(on_day.len(), 1, "one report on {day}");
        assert_eq!(on_day[0].occasion, Occasion::Evaluation(q));
    }
    let mut days: Vec<Date> = points.iter().map(|p| p.on).collect();
    days.dedup();
    assert_eq!(days.len(), points.len());
    // A quarterly office owes fewer reports, still with the three evaluation points.
    let quarterly = schedule(&w, 3);
    assert!(quarterly.len() < points.len());
    assert_eq!(
        quarterly
            .iter()
            .filter(|p| matches!(p.occasion, Occasion::Evaluation(_)))
            .count(),
        3
    );
    // An unreasonable period falls back to monthly.
    assert_eq!(schedule(&w, 0), points);
    assert_eq!(schedule(&w, 13), points);
}

#[test]
fn a_report_is_due_for_a_week_then_overdue_S4() {
    let on = date(2027, 3, 1);
    assert_eq!(due_state(on, date(2027, 2, 28), false), DueState::Upcoming);
    assert_eq!(due_state(on, on, false), DueState::Due);
    assert_eq!(due_state(on, date(2027, 3, 7), false), DueState::Due);
    assert_eq!(due_state(on, date(2027, 3, 8), false), DueState::Overdue);
    assert_eq!(due_state(on, date(2027, 3, 8), true), DueState::Written);
    let points = schedule(&window(date(2026, 12, 1)), 1);
    let today = date(2027, 3, 20);
    // Fallen due by 20 March: 1 January, the ¼ evaluation (mid-January), 1 February, the ½
    // evaluation (end of February) and 1 March. The first is written; the rest are overdue.
    let fallen: Vec<Date> = points
        .iter()
        .filter(|p| p.on <= today)
        .map(|p| p.on)
        .collect();
    let written = [fallen[0]];
    assert_eq!(overdue(&points, &written, today), fallen.len() - 1);
    assert_eq!(
        next_to_write(&points, &written, today).map(|p| p.on),
        Some(fallen[1])
    );
}

#[test]
fn the_draft_sets_the_hours_against_the_plan_and_quotes_the_period_S1_S2_B8() {
    let start = date(2026, 12, 1);
    let points = schedule(&window(start), 1);
    let january = points
        .iter()
        .find(|p| p.on == date(2027, 1, 1))
        .expect("a report due on 1 January");
    // Four hours on 3 and 10 December, inside the period, and on 2 January, after it.
    let days = [date(2026, 12, 3), date(2026, 12, 10), date(2027, 1, 2)];
    let l = ledger(start, &days, &[date(2026, 12, 4), date(2027, 1, 3)]);
    let behaviour = [
        BehaviourNote {
            on: date(2026, 12, 20),
            kind: BehaviourKind::BloodDonation,
            description: "Donor darah di PMI".into(),
        },
        BehaviourNote {
            on: date(2027, 1, 5),
            kind: BehaviourKind::Volunteering,
            description: "Later".into(),
        },
    ];
    let records = Records {
        ledger: &l,
        visits: &[(date(2026, 12, 5), 6), (date(2026, 12, 19), 9)],
        activities: &[
            (date(2026, 12, 6), GuidanceKind::CounsellingMental),
            (date(2026, 12, 13), GuidanceKind::CounsellingMental),
            (date(2026, 12, 14), GuidanceKind::Reflection),
        ],
        behaviour: &behaviour,
        stages: &[
            (date(2026, 12, 2), ChangeStage::Contemplation, false),
            (date(2026, 12, 28), ChangeStage::Preparation, false),
            (date(2027, 1, 2), ChangeStage::Action, false),
        ],
        good_conduct: &[(date(2026, 12, 22), "Menolong korban banjir".into())],
    };
    let facts = draft(january, &records);
    assert_eq!((facts.from, facts.to), (start, date(2026, 12, 31)));
    assert_eq!(facts.credited, Minutes::from_hours(8));
    assert_eq!(facts.credited_in_period, Minutes::from_hours(8));
    assert_eq!(facts.days_worked, 2);
    assert_eq!(facts.reports_rejected, 1);
    // 31 of the window's days over its length, of 120 hours.
    let length = window(start).length_days();
    assert_eq!(facts.planned, Minutes::new(120 * 60 * 31 / length));
    assert!(
        !facts.on_plan(),
        "8 hours against a plan of about 20: S2 not met"
    );
    assert_eq!(facts.behind(), Minutes::new(facts.planned.get() - 8 * 60));
    assert_eq!(facts.attitude_trend(), Some(Trend::Better));
    assert_eq!(
        facts.activities,
        vec![
            ActivityCount {
                kind: GuidanceKind::CounsellingMental,
                count: 2
            },
            ActivityCount {
                kind: GuidanceKind::Reflection,
                count: 1
            },
        ]
    );
    assert_eq!(facts.behaviour, behaviour[..1]);
    assert_eq!(facts.stage, Some(ChangeStage::Preparation));
    assert_eq!(
        facts.good_conduct,
        vec!["Menolong korban banjir".to_owned()]
    );
    // The facts keep as JSON and come back the same (the report is kept as drafted).
    let json = serde_json::to_string(&facts).expect("json");
    assert_eq!(
        serde_json::from_str::<ProgressFacts>(&json).expect("back"),
        facts
    );
}

#[test]
fn the_pk_writes_every_part_before_the_report_goes_to_the_head_S4() {
    let refused = check_narrative(&Narrative {
        progress: " ".into(),
        obstacles: "-".into(),
        next_steps: String::new(),
    })
    .expect_err("two parts blank");
    let fields: Vec<&str> = refused.iter().map(|v| v.field).collect();
    assert_eq!(fields, ["progress", "next_steps"]);
    assert!(refused.iter().all(|v| v.rule == Some(Rule::S4)));
    assert!(
        check_narrative(&Narrative {
            progress: "Rajin".into(),
            obstacles: "-".into(),
            next_steps: "Kunjungan".into(),
        })
        .is_ok()
    );
}

#[test]
fn a_report_is_written_once_it_falls_due_and_again_only_when_returned_S4() {
    let on = date(2027, 1, 1);
    let early = check_write(on, date(2026, 12, 31), None).expect_err("not due");
    assert_eq!(early.rule, Some(Rule::S4));
    assert!(check_write(on, on, None).is_ok());
    assert!(check_write(on, on, Some(ReportStage::Returned)).is_ok());
    assert!(check_write(on, on, Some(ReportStage::Submitted)).is_err());
    assert!(check_write(on, on, Some(ReportStage::Approved)).is_err());
}

#[test]
fn the_head_approves_to_send_it_on_or_returns_it_with_a_note_S4_B8() {
    assert_eq!(
        check_review(ReportStage::Submitted, true, ""),
        Ok(ReportStage::Approved)
    );
    let no_note = check_review(ReportStage::Submitted, false, "  ").expect_err("note");
    assert_eq!(
        (no_note.rule, no_note.field),
        (Some(Rule::S4), "review_note")
    );
    assert_eq!(
        check_review(ReportStage::Submitted, false, "Lengkapi hambatan"),
        Ok(ReportStage::Returned)
    );
    assert!(check_review(ReportStage::Approved, true, "").is_err());
    assert!(check_review(ReportStage::Returned, true, "").is_err());
    for stage in [
        ReportStage::Submitted,
        ReportStage::Returned,
        ReportStage::Approved,
    ] {
        assert_eq!(ReportStage::parse(stage.as_str()), Some(stage));
    }
}

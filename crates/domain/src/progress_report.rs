//! The guidance-progress report (*laporan perkembangan pembimbingan*; S1, S2, S4, B8).
//!
//! **When** (S4: "secara berkala"): the office sets a period in whole months (default one);
//! a report falls due at each period's end counted from the start of the service window
//! (start + k periods, so a 31st start does not drift through short months), and at the M4
//! evaluation points ¼, ½ and ¾ of the window. A point that falls on a period's end is one
//! report, an evaluation report. Each report covers the days since the previous point. It is
//! due from its day for [`GRACE_DAYS`] days and overdue after, like the M4 evaluation.
//!
//! **What**: the system drafts the facts of the period from what is recorded (S1: hours
//! credited against the pro-rata plan; S2: obligations met or not; B6 attitude scores; B2
//! guidance activities; B3 behaviour; B4 stage; S7(1) good conduct the head accepted); the PK
//! completes it with the progress, obstacles and next steps and sends it to the head (S4).
//! The head approves it, or returns it with a note. Approved, it goes to the prosecutor and,
//! in copy, the court (B8).

use jiff::Span;
use jiff::civil::Date;
use serde::{Deserialize, Serialize};

use crate::calendar::{add_days, days_between, local_date};
use crate::guidance::{BehaviourKind, ChangeStage, GuidanceKind};
use crate::ledger::{EntryState, Ledger};
use crate::milestones::Quarter;
use crate::minutes::Minutes;
use crate::refusal::Refusal;
use crate::rule::{Rule, Violation, Violations};
use crate::window::ServiceWindow;

/// The period when the office has not set one: monthly.
pub const DEFAULT_PERIOD_MONTHS: u8 = 1;
/// The longest period an office may set: a report at least every six months.
pub const MAX_PERIOD_MONTHS: u8 = 6;
/// Days from its day during which a report is due rather than overdue (as for M4).
pub const GRACE_DAYS: i64 = crate::milestones::GRACE_DAYS;

/// Why a report falls due.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "occasion", content = "quarter")]
pub enum Occasion {
    /// The office's period has ended.
    Periodic,
    /// An M4 evaluation point of the window.
    Evaluation(Quarter),
}

/// One report the case owes: the days it covers and the day it falls due.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DuePoint {
    /// The first day covered.
    pub from: Date,
    /// The last day covered: the day before it falls due.
    pub to: Date,
    /// The day it falls due.
    pub on: Date,
    pub occasion: Occasion,
}

/// The reports a service window owes at a period of `months` (1–6; anything else is the
/// default), in the order they fall due.
pub fn schedule(window: &ServiceWindow, months: u8) -> Vec<DuePoint> {
    let months = if (1..=MAX_PERIOD_MONTHS).contains(&months) {
        months
    } else {
        DEFAULT_PERIOD_MONTHS
    };
    let start = window.start();
    let end = window.end_inclusive();
    let mut days: Vec<(Date, Occasion)> = Quarter::ALL
        .into_iter()
        .map(|q| {
            (
                window.day_at_fraction(q.quarters(), 4),
                Occasion::Evaluation(q),
            )
        })
        .collect();
    for k in 1i64.. {
        let Some(day) = Span::new()
            .try_months(k.saturating_mul(i64::from(months)))
            .ok()
            .and_then(|span| start.checked_add(span).ok())
        else {
            break;
        };
        if day > end {
            break;
        }
        if !days.iter().any(|(d, _)| *d == day) {
            days.push((day, Occasion::Periodic));
        }
    }
    days.sort_by_key(|(day, _)| *day);
    let mut from = start;
    days.into_iter()
        .filter(|(day, _)| *day > start)
        .map(|(on, occasion)| {
            let point = DuePoint {
                from,
                to: add_days(on, -1).unwrap_or(on),
                on,
                occasion,
            };
            from = on;
            point
        })
        .collect()
}

/// Where a report the case owes stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum DueState {
    Upcoming,
    Due,
    Overdue,
    /// The PK has sent it to the head (it may be returned, approved or waiting).
    Written,
}

/// The state of the report due on `on`, as of `today`.
pub fn due_state(on: Date, today: Date, written: bool) -> DueState {
    if written {
        DueState::Written
    } else if today < on {
        DueState::Upcoming
    } else if days_between(on, today) < GRACE_DAYS {
        DueState::Due
    } else {
        DueState::Overdue
    }
}

/// The report the PK writes next: the earliest point fallen due and not written.
pub fn next_to_write(points: &[DuePoint], written: &[Date], today: Date) -> Option<DuePoint> {
    points
        .iter()
        .find(|p| p.on <= today && !written.contains(&p.on))
        .copied()
}

/// The reports overdue as of `today` (the head's list).
pub fn overdue(points: &[DuePoint], written: &[Date], today: Date) -> usize {
    points
        .iter()
        .filter(|p| due_state(p.on, today, written.contains(&p.on)) == DueState::Overdue)
        .count()
}

/// A behaviour entry as the report quotes it (B3).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BehaviourNote {
    pub on: Date,
    pub kind: BehaviourKind,
    pub description: String,
}

/// How many activities of one kind took place in the period (B2).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct ActivityCount {
    pub kind: GuidanceKind,
    pub count: u32,
}

/// The attitude scores of the work-place visits, in order: better, the same or worse (B6).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Trend {
    Better,
    Same,
    Worse,
}

/// What the system drafts for a period from the records: the facts the PK completes. Kept
/// with the report as drafted, so the document says what was known when it was sent.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProgressFacts {
    pub from: Date,
    pub to: Date,
    pub occasion: Occasion,
    pub ordered: Minutes,
    /// Credited up to and including `to`.
    pub credited: Minutes,
    /// Credited for work done within the period.
    pub credited_in_period: Minutes,
    /// S1: the hours the plan expects by `to`, the order spread evenly over the window.
    pub planned: Minutes,
    /// Days with credited work in the period.
    pub days_worked: u32,
    /// Daily reports of the period that were rejected.
    pub reports_rejected: u32,
    /// B6 scores (of 10) of the period's work-place visits, in order.
    pub attitude_scores: Vec<u8>,
    pub activities: Vec<ActivityCount>,
    pub behaviour: Vec<BehaviourNote>,
    /// B4: the stage at the end of the period, and relapses within it.
    pub stage: Option<ChangeStage>,
    pub relapses: u32,
    /// S7(1): good conduct the TPP found and the head accepted in the period.
    pub good_conduct: Vec<String>,
}

impl ProgressFacts {
    /// S2: has the client met the obligation of the period, serving at the plan's pace?
    pub fn on_plan(&self) -> bool {
        self.credited >= self.planned
    }

    /// The minutes behind the plan (zero when on it).
    pub fn behind(&self) -> Minutes {
        Minutes::new((self.planned.get() - self.credited.get()).max(0))
    }

    /// B6: the first visit's score against the last one's; `None` under two visits.
    pub fn attitude_trend(&self) -> Option<Trend> {
        let (first, last) = (self.attitude_scores.first()?, self.attitude_scores.last()?);
        if self.attitude_scores.len() < 2 {
            return None;
        }
        Some(match last.cmp(first) {
            std::cmp::Ordering::Greater => Trend::Better,
            std::cmp::Ordering::Equal => Trend::Same,
            std::cmp::Ordering::Less => Trend::Worse,
        })
    }
}

/// The records of a case the report is drafted from. Dates are the office's local days.
pub struct Records<'a> {
    /// The daily reports, credited and rejected alike.
    pub ledger: &'a Ledger,
    /// Work-place visits: the day and the B6 score.
    pub visits: &'a [(Date, u8)],
    pub activities: &'a [(Date, GuidanceKind)],
    pub behaviour: &'a [BehaviourNote],
    /// Every stage set, oldest first, with its day and whether it was a relapse.
    pub stages: &'a [(Date, ChangeStage, bool)],
    /// Good conduct accepted by the head: the day decided and the findings.
    pub good_conduct: &'a [(Date, String)],
}

/// Drafts the facts of the period of `point` (S1, S2, B2–B4, B6, S7(1)).
pub fn draft(point: &DuePoint, records: &Records<'_>) -> ProgressFacts {
    let within = |day: &Date| (point.from..=point.to).contains(day);
    let by_day = records.ledger.credited_by_day();
    let credited = by_day
        .range(..=point.to)
        .fold(Minutes::ZERO, |sum, (_, m)| sum.saturating_add(*m));
    let in_period: Vec<Minutes> = by_day
        .range(point.from..=point.to)
        .map(|(_, m)| *m)
        .filter(|m| *m > Minutes::ZERO)
        .collect();
    let window = records.ledger.window();
    let ordered = records.ledger.ordered();
    // Pro rata: the days elapsed by the period's end over the window's days, rounded down.
    let elapsed = (days_between(window.start(), point.to) + 1).clamp(0, window.length_days());
    let planned = Minutes::new(
        i64::try_from(
            i128::from(ordered.get()) * i128::from(elapsed)
                / i128::from(window.length_days().max(1)),
        )
        .unwrap_or(i64::MAX),
    );
    let mut activities: Vec<ActivityCount> = Vec::new();
    for (_, kind) in records.activities.iter().filter(|(d, _)| within(d)) {
        match activities.iter_mut().find(|a| a.kind == *kind) {
            Some(a) => a.count += 1,
            None => activities.push(ActivityCount {
                kind: *kind,
                count: 1,
            }),
        }
    }
    activities.sort_by_key(|a| GuidanceKind::ALL.iter().position(|k| *k == a.kind));
    let mut behaviour: Vec<BehaviourNote> = records
        .behaviour
        .iter()
        .filter(|b| within(&b.on))
        .cloned()
        .collect();
    behaviour.sort_by_key(|b| b.on);
    ProgressFacts {
        from: point.from,
        to: point.to,
        occasion: point.occasion,
        ordered,
        credited,
        credited_in_period: in_period
            .iter()
            .fold(Minutes::ZERO, |sum, m| sum.saturating_add(*m)),
        planned,
        days_worked: u32::try_from(in_period.len()).unwrap_or(u32::MAX),
        reports_rejected: u32::try_from(
            records
                .ledger
                .entries()
                .iter()
                .filter(|e| matches!(e.state, EntryState::Rejected { .. }))
                .filter(|e| within(&local_date(e.start, records.ledger.zone())))
                .count(),
        )
        .unwrap_or(u32::MAX),
        attitude_scores: records
            .visits
            .iter()
            .filter(|(d, _)| within(d))
            .map(|(_, score)| *score)
            .collect(),
        activities,
        behaviour,
        stage: records
            .stages
            .iter()
            .rfind(|(d, _, _)| *d <= point.to)
            .map(|(_, stage, _)| *stage),
        relapses: u32::try_from(
            records
                .stages
                .iter()
                .filter(|(d, _, relapse)| *relapse && within(d))
                .count(),
        )
        .unwrap_or(u32::MAX),
        good_conduct: records
            .good_conduct
            .iter()
            .filter(|(d, _)| within(d))
            .map(|(_, findings)| findings.clone())
            .collect(),
    }
}

/// What the PK writes into the drafted report.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Narrative {
    /// The progress of guidance and behaviour in the period.
    pub progress: String,
    /// What stood in the way (M4); "-" when nothing did.
    pub obstacles: String,
    /// What the PK will do next.
    pub next_steps: String,
}

/// Checks the PK's part before the report goes to the head (S4): every part is written.
pub fn check_narrative(narrative: &Narrative) -> Result<(), Violations> {
    let mut found = Violations::default();
    for (field, text) in [
        ("progress", &narrative.progress),
        ("obstacles", &narrative.obstacles),
        ("next_steps", &narrative.next_steps),
    ] {
        if text.trim().is_empty() {
            found.0.push(Violation::new(
                Rule::S4,
                field,
                Refusal::ProgressReportPartRequired,
            ));
        }
    }
    if found.is_empty() { Ok(()) } else { Err(found) }
}

/// Where a written report stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ReportStage {
    /// With the head (S4).
    Submitted,
    /// Back with the PK, with the head's note.
    Returned,
    /// Approved by the head and sent to the prosecutor and the court (B8).
    Approved,
}

impl ReportStage {
    pub fn as_str(self) -> &'static str {
        match self {
            ReportStage::Submitted => "submitted",
            ReportStage::Returned => "returned",
            ReportStage::Approved => "approved",
        }
    }

    pub fn parse(text: &str) -> Option<ReportStage> {
        [
            ReportStage::Submitted,
            ReportStage::Returned,
            ReportStage::Approved,
        ]
        .into_iter()
        .find(|s| s.as_str() == text)
    }
}

/// Checks that the PK may (re)write the report due on `on`: it has fallen due, and any
/// earlier version was returned (S4).
pub fn check_write(on: Date, today: Date, earlier: Option<ReportStage>) -> Result<(), Violation> {
    if on > today {
        return Err(Violation::new(
            Rule::S4,
            "due_on",
            Refusal::ProgressReportNotDue { on },
        ));
    }
    match earlier {
        None | Some(ReportStage::Returned) => Ok(()),
        Some(_) => Err(Violation::new(
            Rule::S4,
            "due_on",
            Refusal::ProgressReportWritten,
        )),
    }
}

/// Checks the head's review (S4, B8): only a submitted report is reviewed, and a return
/// says what to change. Approval sends it to the prosecutor and the court.
pub fn check_review(now: ReportStage, approve: bool, note: &str) -> Result<ReportStage, Violation> {
    if now != ReportStage::Submitted {
        return Err(Violation::new(
            Rule::S4,
            "report",
            Refusal::ProgressReportNotSubmitted,
        ));
    }
    if approve {
        return Ok(ReportStage::Approved);
    }
    if note.trim().is_empty() {
        return Err(Violation::new(
            Rule::S4,
            "review_note",
            Refusal::ProgressReportReturnNote,
        ));
    }
    Ok(ReportStage::Returned)
}

#[cfg(test)]
#[expect(non_snake_case, reason = "test names end with the rule ID they check")]
mod tests;

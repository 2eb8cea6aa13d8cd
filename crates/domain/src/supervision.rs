//! Supervision (*pengawasan*, seed §2.3.3; DOMAIN §7, S3, S5–S8): reports of non-compliance
//! or good deeds followed up (S3); from the PK's written advice
//! to the head of office, through the examination team's seven days and the TPP's
//! recommendation, to the head's decision that sends a Litmas to the prosecutor.
//!
//! - **S5** on a good deed or a suspected violation of a general or special condition, the PK
//!   advises the head in writing: which condition, what happened, the evidence.
//! - **S6** the team the head forms examines within at most 7 days, counted in the office's
//!   local calendar days from the day it was formed; day 6 warns, a result after day 7 is late.
//! - **S7** the TPP recommends: good conduct (into the next progress report), or, for a client
//!   not serving the sentence without lawful reason, one of the default orders **in that
//!   client's decision** (L8) — never one the decision lacks.
//! - **S8** the head accepts or rejects the recommendation with reasons; an accepted default
//!   order goes to the prosecutor as a Litmas.

use jiff::civil::Date;

use crate::calendar::{add_days, days_between};
use crate::refusal::Refusal;
use crate::rule::{Rule, Violation, Violations};
use crate::sentence::DefaultOrder;

/// What a report tells the office (S3).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReportKind {
    NonCompliance,
    GoodDeed,
}

impl ReportKind {
    pub fn as_str(self) -> &'static str {
        match self {
            ReportKind::NonCompliance => "non_compliance",
            ReportKind::GoodDeed => "good_deed",
        }
    }

    pub fn parse(text: &str) -> Option<ReportKind> {
        [ReportKind::NonCompliance, ReportKind::GoodDeed]
            .into_iter()
            .find(|k| k.as_str() == text)
    }
}

/// Who reported (S3): the work-place supervisor from their own pages, or someone of the
/// community through the office (the registry records it).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reporter {
    Supervisor,
    Community,
}

impl Reporter {
    pub fn as_str(self) -> &'static str {
        match self {
            Reporter::Supervisor => "pj",
            Reporter::Community => "community",
        }
    }

    pub fn parse(text: &str) -> Option<Reporter> {
        [Reporter::Supervisor, Reporter::Community]
            .into_iter()
            .find(|r| r.as_str() == text)
    }
}

/// A report of non-compliance or of a good deed (S3).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConductReport {
    pub kind: ReportKind,
    pub reporter: Reporter,
    /// The community reporter's name and contact, kept confidential; empty for the PJ.
    pub reporter_name: String,
    pub reporter_contact: String,
    pub happened_on: Date,
    pub description: String,
}

/// Checks a report (S3): what happened, on a day no later than today; a community report
/// names who reported and how to reach them (kept confidential).
pub fn check_report(report: &ConductReport, today: Date) -> Result<(), Violations> {
    let mut found = Violations::default();
    if report.description.trim().is_empty() {
        found.push(Violation::new(
            Rule::S3,
            "description",
            Refusal::ReportDescriptionRequired,
        ));
    }
    if report.happened_on > today {
        found.push(Violation::new(
            Rule::S3,
            "happened_on",
            Refusal::ReportInFuture,
        ));
    }
    if report.reporter == Reporter::Community
        && (report.reporter_name.trim().is_empty() || report.reporter_contact.trim().is_empty())
    {
        found.push(Violation::new(
            Rule::S3,
            "reporter_contact",
            Refusal::ReporterContactRequired,
        ));
    }
    if found.is_empty() { Ok(()) } else { Err(found) }
}

/// Where a report stands (S3): received → followed up → closed with its outcome.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReportState {
    Received,
    FollowedUp,
    Closed,
}

impl ReportState {
    pub fn as_str(self) -> &'static str {
        match self {
            ReportState::Received => "received",
            ReportState::FollowedUp => "followed_up",
            ReportState::Closed => "closed",
        }
    }

    pub fn parse(text: &str) -> Option<ReportState> {
        [
            ReportState::Received,
            ReportState::FollowedUp,
            ReportState::Closed,
        ]
        .into_iter()
        .find(|s| s.as_str() == text)
    }
}

/// Checks the next step of a report (S3): a received report is followed up, a followed-up
/// one closed, each with what was done or came of it.
pub fn check_report_step(now: ReportState, note: &str) -> Result<ReportState, Violation> {
    let next = match now {
        ReportState::Received => ReportState::FollowedUp,
        ReportState::FollowedUp => ReportState::Closed,
        ReportState::Closed => {
            return Err(Violation::new(Rule::S3, "note", Refusal::ReportClosed));
        }
    };
    if note.trim().is_empty() {
        return Err(Violation::new(
            Rule::S3,
            "note",
            Refusal::ReportNoteRequired,
        ));
    }
    Ok(next)
}

/// What the PK puts to the head (S5).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ground {
    GoodDeed,
    SuspectedViolation,
}

impl Ground {
    pub fn as_str(self) -> &'static str {
        match self {
            Ground::GoodDeed => "good_deed",
            Ground::SuspectedViolation => "suspected_violation",
        }
    }

    pub fn parse(text: &str) -> Option<Ground> {
        [Ground::GoodDeed, Ground::SuspectedViolation]
            .into_iter()
            .find(|g| g.as_str() == text)
    }
}

/// The PK's written advice (S5).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Advice {
    pub ground: Ground,
    /// Which general or special condition of the decision, for a suspected violation.
    pub condition: String,
    pub what_happened: String,
    pub evidence: String,
}

/// Checks the advice (S5): what happened, always; for a suspected violation also the
/// condition concerned and the evidence.
pub fn check_advice(advice: &Advice) -> Result<(), Violations> {
    let mut found = Violations::default();
    if advice.what_happened.trim().is_empty() {
        found.push(Violation::new(
            Rule::S5,
            "what_happened",
            Refusal::AdviceWhatHappened,
        ));
    }
    if advice.ground == Ground::SuspectedViolation {
        if advice.condition.trim().is_empty() {
            found.push(Violation::new(
                Rule::S5,
                "condition",
                Refusal::AdviceConditionRequired,
            ));
        }
        if advice.evidence.trim().is_empty() {
            found.push(Violation::new(
                Rule::S5,
                "evidence",
                Refusal::AdviceEvidenceRequired,
            ));
        }
    }
    if found.is_empty() { Ok(()) } else { Err(found) }
}

/// The most days the team has (S6).
pub const EXAMINATION_DAYS: i64 = 7;
/// The day the team and the head are warned (S6).
pub const WARNING_DAY: i64 = 6;

/// The last day a result is on time: the seventh day after the team was formed.
pub fn examination_deadline(formed_on: Date) -> Date {
    add_days(formed_on, EXAMINATION_DAYS).unwrap_or(formed_on)
}

/// Where an examination stands on a local day (S6).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExaminationClock {
    /// `day` days since the team was formed (0 on that day), `days_left` to the deadline.
    Running { day: i64, days_left: i64 },
    /// Day 6 or 7: the team and the head are warned.
    Warning { day: i64, days_left: i64 },
    /// Past day 7 without a result.
    Overdue { days_late: i64 },
}

pub fn examination_clock(formed_on: Date, today: Date) -> ExaminationClock {
    let day = days_between(formed_on, today);
    let days_left = EXAMINATION_DAYS - day;
    if days_left < 0 {
        ExaminationClock::Overdue {
            days_late: -days_left,
        }
    } else if day >= WARNING_DAY {
        ExaminationClock::Warning { day, days_left }
    } else {
        ExaminationClock::Running { day, days_left }
    }
}

/// Whether a result recorded on `result_on` is late (S6): after the seventh day.
pub fn result_is_late(formed_on: Date, result_on: Date) -> bool {
    result_on > examination_deadline(formed_on)
}

/// Checks the team the head forms (S6): at least two members of the office's staff, one of
/// them the chair.
pub fn check_team(members: &[i64], chair: Option<i64>) -> Result<(), Violation> {
    let mut distinct = members.to_vec();
    distinct.sort_unstable();
    distinct.dedup();
    if distinct.len() < 2 {
        return Err(Violation::new(Rule::S6, "members", Refusal::TeamTooSmall));
    }
    match chair {
        Some(chair) if distinct.contains(&chair) => Ok(()),
        _ => Err(Violation::new(
            Rule::S6,
            "chair",
            Refusal::TeamChairNotMember,
        )),
    }
}

/// How the team examined (S6).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Method {
    DocumentReview,
    InterviewClient,
    InterviewOthers,
    Other,
}

impl Method {
    pub const ALL: [Method; 4] = [
        Method::DocumentReview,
        Method::InterviewClient,
        Method::InterviewOthers,
        Method::Other,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Method::DocumentReview => "document_review",
            Method::InterviewClient => "interview_client",
            Method::InterviewOthers => "interview_others",
            Method::Other => "other",
        }
    }

    pub fn parse(text: &str) -> Option<Method> {
        Method::ALL.into_iter().find(|m| m.as_str() == text)
    }
}

/// Checks a step of the examination (S6): on a day between the team's forming and today,
/// with its record (the minutes, for an interview).
pub fn check_step(formed_on: Date, on: Date, today: Date, record: &str) -> Result<(), Violations> {
    let mut found = Violations::default();
    if on < formed_on || on > today {
        found.push(Violation::new(
            Rule::S6,
            "step_on",
            Refusal::StepOutsideExamination { formed_on, today },
        ));
    }
    if record.trim().is_empty() {
        found.push(Violation::new(
            Rule::S6,
            "step_record",
            Refusal::StepRecordRequired,
        ));
    }
    if found.is_empty() { Ok(()) } else { Err(found) }
}

/// The kind of a default order, as the TPP recommends it (L8).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OrderKind {
    RepeatWork,
    ServeImprisonment,
    PayFine,
}

impl OrderKind {
    pub const ALL: [OrderKind; 3] = [
        OrderKind::RepeatWork,
        OrderKind::ServeImprisonment,
        OrderKind::PayFine,
    ];

    pub fn of(order: &DefaultOrder) -> OrderKind {
        match order {
            DefaultOrder::RepeatWork => OrderKind::RepeatWork,
            DefaultOrder::ServeImprisonment { .. } => OrderKind::ServeImprisonment,
            DefaultOrder::PayFine { .. } => OrderKind::PayFine,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            OrderKind::RepeatWork => "repeat_work",
            OrderKind::ServeImprisonment => "serve_imprisonment",
            OrderKind::PayFine => "pay_fine",
        }
    }

    pub fn parse(text: &str) -> Option<OrderKind> {
        OrderKind::ALL.into_iter().find(|k| k.as_str() == text)
    }

    /// Prison or a fine replaces the community service: the case ends by sanction (T1c).
    /// Repeating the work keeps the client serving.
    pub fn ends_the_case(self) -> bool {
        self != OrderKind::RepeatWork
    }
}

/// The TPP's recommendation (S7).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Recommendation {
    /// (1) good conduct, entered in the next progress report.
    GoodConduct,
    /// The examination found no violation: the client goes on serving.
    ContinueServing,
    /// (2) not serving the sentence without lawful reason: a default order of the decision.
    DefaultOrder(OrderKind),
}

impl Recommendation {
    pub fn as_str(self) -> &'static str {
        match self {
            Recommendation::GoodConduct => "good_conduct",
            Recommendation::ContinueServing => "continue_serving",
            Recommendation::DefaultOrder(kind) => kind.as_str(),
        }
    }

    pub fn parse(text: &str) -> Option<Recommendation> {
        match text {
            "good_conduct" => Some(Recommendation::GoodConduct),
            "continue_serving" => Some(Recommendation::ContinueServing),
            other => OrderKind::ALL
                .into_iter()
                .find(|k| k.as_str() == other)
                .map(Recommendation::DefaultOrder),
        }
    }

    /// Accepted, it goes to the prosecutor as a Litmas (S8).
    pub fn goes_to_prosecutor(self) -> bool {
        matches!(self, Recommendation::DefaultOrder(_))
    }
}

/// The recommendations open to the TPP on this ground and this decision (S7, L8).
pub fn recommendations_open(ground: Ground, orders: &[DefaultOrder]) -> Vec<Recommendation> {
    match ground {
        Ground::GoodDeed => vec![Recommendation::GoodConduct],
        Ground::SuspectedViolation => {
            let mut open = vec![Recommendation::ContinueServing];
            for kind in OrderKind::ALL {
                if orders.iter().any(|o| OrderKind::of(o) == kind) {
                    open.push(Recommendation::DefaultOrder(kind));
                }
            }
            open
        }
    }
}

/// Checks the TPP's recommendation (S7): a default order only on a violation and only one
/// the client's decision contains (L8); deliberation recorded; at least two members present.
pub fn check_recommendation(
    ground: Ground,
    orders: &[DefaultOrder],
    recommendation: Recommendation,
    present: usize,
    deliberation: &str,
) -> Result<(), Violations> {
    let mut found = Violations::default();
    if !recommendations_open(ground, orders).contains(&recommendation) {
        let violation = match recommendation {
            Recommendation::DefaultOrder(kind) if ground == Ground::SuspectedViolation => {
                Violation::new(
                    Rule::L8,
                    "recommendation",
                    Refusal::OrderNotInDecision { kind },
                )
            }
            _ => Violation::new(
                Rule::S7,
                "recommendation",
                Refusal::RecommendationNotForGround,
            ),
        };
        found.push(violation);
    }
    if present < 2 {
        found.push(Violation::new(
            Rule::S7,
            "present",
            Refusal::TppTooFewPresent,
        ));
    }
    if deliberation.trim().is_empty() {
        found.push(Violation::new(
            Rule::S7,
            "deliberation",
            Refusal::DeliberationRequired,
        ));
    }
    if found.is_empty() { Ok(()) } else { Err(found) }
}

/// The day the hours start again, when the prosecutor ordered the work repeated (L8, S8):
/// the day of the order. Prison or a fine end the case instead (T1c).
pub fn repeat_restarts_on(decision: &ProsecutorDecision) -> Option<Date> {
    (decision.order == OrderKind::RepeatWork).then_some(decision.decided_on)
}

/// Checks a TPP session as the head convenes it (S7): at least two members present, the
/// chair among them, and at least one examination on the agenda.
pub fn check_session(present: usize, chair_present: bool, agenda: usize) -> Result<(), Violations> {
    let mut found = Violations::default();
    if present < 2 {
        found.push(Violation::new(
            Rule::S7,
            "present",
            Refusal::TppTooFewPresent,
        ));
    }
    if !chair_present {
        found.push(Violation::new(
            Rule::S7,
            "chair",
            Refusal::TppChairNotPresent,
        ));
    }
    if agenda == 0 {
        found.push(Violation::new(Rule::S7, "agenda", Refusal::TppAgendaEmpty));
    }
    if found.is_empty() { Ok(()) } else { Err(found) }
}

/// A session recommends on its day or later, never before it is held (S7).
pub fn check_session_held(held_on: Date, today: Date) -> Result<(), Violation> {
    if today < held_on {
        return Err(Violation::new(
            Rule::S7,
            "recommendation",
            Refusal::TppSessionNotYetHeld { held_on },
        ));
    }
    Ok(())
}

/// The chair signs the session's minutes once every case on its agenda has its
/// recommendation (S7).
pub fn check_minutes(is_chair: bool, agenda: usize, recommended: usize) -> Result<(), Violation> {
    if !is_chair {
        return Err(Violation::new(
            Rule::S7,
            "minutes",
            Refusal::TppMinutesByChair,
        ));
    }
    if recommended < agenda {
        return Err(Violation::new(
            Rule::S7,
            "minutes",
            Refusal::TppMinutesIncomplete {
                open: agenda - recommended,
            },
        ));
    }
    Ok(())
}

/// Checks the head's decision on the recommendation (S8): the reasons are written.
pub fn check_decision(reasons: &str) -> Result<(), Violation> {
    if reasons.trim().is_empty() {
        return Err(Violation::new(
            Rule::S8,
            "decision_reasons",
            Refusal::DecisionReasonsRequired,
        ));
    }
    Ok(())
}

/// What the prosecutor decided on the Litmas (S8): which default order, by which letter
/// (*surat/penetapan*), on which day. Recorded by the prosecutor or, from their letter, by
/// the head.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProsecutorDecision {
    pub order: OrderKind,
    pub reference: String,
    pub decided_on: Date,
}

/// Checks the prosecutor's decision: a default order of the client's decision (L8), the
/// letter's reference (it is the sanction letter of T1c when the case ends), dated between
/// the head's decision and today.
pub fn check_prosecutor_decision(
    orders: &[DefaultOrder],
    decision: &ProsecutorDecision,
    head_decided_on: Date,
    today: Date,
) -> Result<(), Violations> {
    let mut found = Vec::new();
    if !orders.iter().any(|o| OrderKind::of(o) == decision.order) {
        found.push(Violation::new(
            Rule::L8,
            "order",
            Refusal::OrderNotInDecision {
                kind: decision.order,
            },
        ));
    }
    if decision.reference.trim().is_empty() {
        found.push(Violation::new(
            Rule::S8,
            "reference",
            Refusal::ProsecutorReferenceRequired,
        ));
    }
    if decision.decided_on < head_decided_on || decision.decided_on > today {
        found.push(Violation::new(
            Rule::S8,
            "decided_on",
            Refusal::ProsecutorDecisionDate {
                from: head_decided_on,
                today,
            },
        ));
    }
    if found.is_empty() {
        Ok(())
    } else {
        Err(Violations(found))
    }
}

#[cfg(test)]
#[expect(non_snake_case, reason = "test names end with the rule ID they check")]
mod tests {
    use super::*;
    use crate::calendar::local_date;
    use crate::sentence::PrisonTerm;
    use jiff::civil::date;

    #[test]
    fn a_community_report_names_its_reporter_and_every_report_what_happened_S3() {
        let today = date(2026, 12, 1);
        let report = ConductReport {
            kind: ReportKind::NonCompliance,
            reporter: Reporter::Community,
            reporter_name: String::new(),
            reporter_contact: String::new(),
            happened_on: date(2026, 12, 2),
            description: " ".into(),
        };
        let refused = check_report(&report, today).unwrap_err();
        assert_eq!(refused.len(), 3);
        assert!(refused.contains(Rule::S3));
        let by_pj = ConductReport {
            reporter: Reporter::Supervisor,
            happened_on: today,
            description: "Tidak datang hari Sabtu.".into(),
            ..report
        };
        assert_eq!(
            check_report(&by_pj, today),
            Ok(()),
            "the PJ is known: no contact needed"
        );
    }

    #[test]
    fn a_report_is_followed_up_then_closed_with_its_outcome_S3() {
        assert_eq!(
            check_report_step(ReportState::Received, "PK menghubungi Klien."),
            Ok(ReportState::FollowedUp)
        );
        assert_eq!(
            check_report_step(ReportState::FollowedUp, "Disarankan pemeriksaan."),
            Ok(ReportState::Closed)
        );
        assert_eq!(
            check_report_step(ReportState::Received, "")
                .unwrap_err()
                .refusal,
            Refusal::ReportNoteRequired
        );
        assert_eq!(
            check_report_step(ReportState::Closed, "Lagi")
                .unwrap_err()
                .rule,
            Some(Rule::S3)
        );
    }

    #[test]
    fn a_violation_advice_names_the_condition_what_happened_and_the_evidence_S5() {
        let advice = Advice {
            ground: Ground::SuspectedViolation,
            condition: String::new(),
            what_happened: " ".into(),
            evidence: String::new(),
        };
        let refused = check_advice(&advice).unwrap_err();
        assert_eq!(refused.len(), 3);
        assert!(refused.contains(Rule::S5));
        let deed = Advice {
            ground: Ground::GoodDeed,
            what_happened: "Menolong korban banjir.".into(),
            ..advice
        };
        assert_eq!(
            check_advice(&deed),
            Ok(()),
            "a good deed needs no condition"
        );
    }

    #[test]
    fn the_team_has_seven_days_across_a_month_end_S6() {
        let formed = date(2026, 11, 27);
        assert_eq!(examination_deadline(formed), date(2026, 12, 4));
        assert_eq!(
            examination_clock(formed, date(2026, 11, 30)),
            ExaminationClock::Running {
                day: 3,
                days_left: 4
            }
        );
        assert_eq!(
            examination_clock(formed, date(2026, 12, 3)),
            ExaminationClock::Warning {
                day: 6,
                days_left: 1
            },
            "day 6 warns"
        );
        assert_eq!(
            examination_clock(formed, date(2026, 12, 4)),
            ExaminationClock::Warning {
                day: 7,
                days_left: 0
            }
        );
        assert_eq!(
            examination_clock(formed, date(2026, 12, 6)),
            ExaminationClock::Overdue { days_late: 2 },
            "day 9 is two days late"
        );
        assert!(!result_is_late(formed, date(2026, 12, 4)));
        assert!(result_is_late(formed, date(2026, 12, 5)));
        // Across a year end and a leap February.
        assert_eq!(examination_deadline(date(2026, 12, 28)), date(2027, 1, 4));
        assert_eq!(examination_deadline(date(2028, 2, 25)), date(2028, 3, 3));
    }

    #[test]
    fn the_days_are_the_offices_local_days_in_each_time_zone_S6() {
        use crate::OfficeZone;
        // 23:30 UTC on 3 December is already 4 December in WIB, WITA and WIT: the last day.
        let instant: jiff::Timestamp = "2026-12-03T23:30:00Z".parse().unwrap();
        let formed = date(2026, 11, 27);
        for zone in [OfficeZone::Wib, OfficeZone::Wita, OfficeZone::Wit] {
            let today = local_date(instant, &zone.time_zone());
            assert_eq!(today, date(2026, 12, 4), "{zone:?}");
            assert!(matches!(
                examination_clock(formed, today),
                ExaminationClock::Warning { days_left: 0, .. }
            ));
        }
        // 16:30 UTC on 4 December: still the 4th in WIB (23:30), the 5th in WITA and WIT.
        let instant: jiff::Timestamp = "2026-12-04T16:30:00Z".parse().unwrap();
        let late: Vec<bool> = [OfficeZone::Wib, OfficeZone::Wita, OfficeZone::Wit]
            .into_iter()
            .map(|z| result_is_late(formed, local_date(instant, &z.time_zone())))
            .collect();
        assert_eq!(late, [false, true, true]);
    }

    #[test]
    fn a_team_has_two_members_or_more_and_its_chair_among_them_S6() {
        assert_eq!(check_team(&[1, 2], Some(2)), Ok(()));
        assert_eq!(check_team(&[1, 1], Some(1)).unwrap_err().field, "members");
        assert_eq!(check_team(&[1, 2], Some(3)).unwrap_err().field, "chair");
        assert_eq!(check_team(&[1, 2], None).unwrap_err().rule, Some(Rule::S6));
    }

    #[test]
    fn a_step_falls_within_the_examination_and_records_what_was_found_S6() {
        let formed = date(2026, 11, 27);
        let today = date(2026, 11, 30);
        assert_eq!(
            check_step(formed, today, today, "Berita acara wawancara."),
            Ok(())
        );
        let refused = check_step(formed, date(2026, 11, 26), today, "").unwrap_err();
        assert_eq!(refused.len(), 2);
        assert!(refused.contains(Rule::S6));
    }

    #[test]
    fn the_prosecutor_decides_a_default_order_of_the_decision_by_a_dated_letter_S8_L8() {
        let orders = [
            DefaultOrder::RepeatWork,
            DefaultOrder::ServeImprisonment { months: 2, days: 0 },
        ];
        let head = date(2027, 3, 30);
        let today = date(2027, 4, 2);
        let decision = |order, reference: &str, on| ProsecutorDecision {
            order,
            reference: reference.into(),
            decided_on: on,
        };
        assert!(
            check_prosecutor_decision(
                &orders,
                &decision(
                    OrderKind::ServeImprisonment,
                    "B-123/M.2.10/Eku.3/04/2027",
                    date(2027, 4, 1)
                ),
                head,
                today
            )
            .is_ok()
        );
        // A fine the decision lacks, no letter, a date before the head decided: all at once.
        let refused = check_prosecutor_decision(
            &orders,
            &decision(OrderKind::PayFine, " ", date(2027, 3, 29)),
            head,
            today,
        )
        .expect_err("three problems");
        let rules: Vec<_> = refused.iter().map(|v| (v.rule, v.field)).collect();
        assert_eq!(
            rules,
            [
                (Some(Rule::L8), "order"),
                (Some(Rule::S8), "reference"),
                (Some(Rule::S8), "decided_on")
            ]
        );
        assert!(
            check_prosecutor_decision(
                &orders,
                &decision(OrderKind::RepeatWork, "B-1", date(2027, 4, 3)),
                head,
                today
            )
            .is_err(),
            "not in the future"
        );
        assert!(!OrderKind::RepeatWork.ends_the_case());
        // Repeating the work starts the hours again on the day of the order.
        let repeat = decision(OrderKind::RepeatWork, "B-2", date(2027, 3, 30));
        assert_eq!(repeat_restarts_on(&repeat), Some(date(2027, 3, 30)));
        let prison = decision(OrderKind::ServeImprisonment, "B-3", date(2027, 3, 30));
        assert_eq!(repeat_restarts_on(&prison), None);
        assert!(OrderKind::ServeImprisonment.ends_the_case() && OrderKind::PayFine.ends_the_case());
        for kind in OrderKind::ALL {
            assert_eq!(OrderKind::parse(kind.as_str()), Some(kind));
        }
    }

    #[test]
    fn a_tpp_session_has_two_members_present_its_chair_among_them_and_an_agenda_S7() {
        assert_eq!(check_session(2, true, 1), Ok(()));
        let refused = check_session(1, false, 0).unwrap_err();
        let refusals: Vec<_> = refused.0.iter().map(|v| (v.rule, v.field)).collect();
        assert_eq!(
            refusals,
            [
                (Some(Rule::S7), "present"),
                (Some(Rule::S7), "chair"),
                (Some(Rule::S7), "agenda")
            ]
        );
        // Recommended on the session's day or later, never before.
        let held = date(2026, 12, 31);
        assert_eq!(check_session_held(held, held), Ok(()));
        assert_eq!(check_session_held(held, date(2027, 1, 4)), Ok(()));
        let early = check_session_held(held, date(2026, 12, 30)).unwrap_err();
        assert_eq!(early.rule, Some(Rule::S7));
        assert_eq!(
            early.refusal,
            Refusal::TppSessionNotYetHeld { held_on: held }
        );
        // The chair signs, and only once every case on the agenda has its recommendation.
        assert_eq!(check_minutes(true, 3, 3), Ok(()));
        assert_eq!(
            check_minutes(true, 3, 1).unwrap_err().refusal,
            Refusal::TppMinutesIncomplete { open: 2 }
        );
        assert_eq!(
            check_minutes(false, 3, 3).unwrap_err().refusal,
            Refusal::TppMinutesByChair
        );
    }

    #[test]
    fn the_tpp_recommends_only_a_default_order_the_decision_contains_L8_S7() {
        let orders = [
            DefaultOrder::RepeatWork,
            DefaultOrder::ServeImprisonment { months: 2, days: 0 },
        ];
        let open = recommendations_open(Ground::SuspectedViolation, &orders);
        assert_eq!(
            open,
            [
                Recommendation::ContinueServing,
                Recommendation::DefaultOrder(OrderKind::RepeatWork),
                Recommendation::DefaultOrder(OrderKind::ServeImprisonment),
            ]
        );
        let fine = Recommendation::DefaultOrder(OrderKind::PayFine);
        let refused =
            check_recommendation(Ground::SuspectedViolation, &orders, fine, 3, "Musyawarah.")
                .unwrap_err();
        assert!(refused.contains(Rule::L8));
        assert_eq!(
            refused.iter().next().unwrap().refusal,
            Refusal::OrderNotInDecision {
                kind: OrderKind::PayFine
            }
        );
        let prison = Recommendation::DefaultOrder(OrderKind::ServeImprisonment);
        assert_eq!(
            check_recommendation(
                Ground::SuspectedViolation,
                &orders,
                prison,
                3,
                "Musyawarah."
            ),
            Ok(())
        );
        assert!(prison.goes_to_prosecutor());
        // A fine order, when the decision has it.
        let with_fine = [DefaultOrder::PayFine {
            amount_rupiah: 5_000_000,
            imprisonment_in_lieu: Some(PrisonTerm { months: 1, days: 0 }),
        }];
        assert_eq!(
            check_recommendation(
                Ground::SuspectedViolation,
                &with_fine,
                fine,
                2,
                "Musyawarah."
            ),
            Ok(())
        );
    }

    #[test]
    fn good_conduct_follows_a_good_deed_and_the_session_is_recorded_S7() {
        let orders = [DefaultOrder::RepeatWork];
        assert_eq!(
            check_recommendation(
                Ground::GoodDeed,
                &orders,
                Recommendation::GoodConduct,
                2,
                "Perbuatan baik dicatat."
            ),
            Ok(())
        );
        assert!(!Recommendation::GoodConduct.goes_to_prosecutor());
        let refused = check_recommendation(
            Ground::GoodDeed,
            &orders,
            Recommendation::DefaultOrder(OrderKind::RepeatWork),
            1,
            " ",
        )
        .unwrap_err();
        let rules: Vec<_> = refused.iter().map(|v| (v.rule, v.field)).collect();
        assert_eq!(
            rules,
            [
                (Some(Rule::S7), "recommendation"),
                (Some(Rule::S7), "present"),
                (Some(Rule::S7), "deliberation")
            ]
        );
        for text in [
            "good_conduct",
            "continue_serving",
            "repeat_work",
            "pay_fine",
        ] {
            assert_eq!(Recommendation::parse(text).unwrap().as_str(), text);
        }
    }

    #[test]
    fn the_heads_decision_gives_its_reasons_S8() {
        assert_eq!(check_decision("Sesuai rekomendasi TPP."), Ok(()));
        assert_eq!(check_decision("  ").unwrap_err().rule, Some(Rule::S8));
    }
}

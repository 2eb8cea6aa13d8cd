//! Monitoring figures (Chapter III; M1–M3): an office's cases, each counted once by the
//! state it is in, the hours ordered and credited, the examinations and what the TPP
//! recommended, and the success indicators of the M4 evaluations. The store reads the rows in the caller's scope; this module says what each
//! row counts as, so that the head (M3), the Kanwil (M2) and Ditjenpas (M1) add up the same
//! way, and a region or the nation is the sum of its offices.

use jiff::civil::Date;

use crate::evaluation::Finding;
use crate::lifecycle::{CaseStatus, TerminationReason};
use crate::refusal::Refusal;
use crate::rule::{Rule, Violation, Violations};
use crate::supervision::Recommendation;

/// Where a case stands, as monitoring groups it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stage {
    /// Received, checked, summoned, assigned, assessed or placed: not yet serving.
    BeforeService,
    Serving,
    UnderExamination,
    /// T1(a): every hour served.
    Completed,
    /// T1(b), T1(c): the client died, or a sanction replaced the service.
    EndedOtherwise,
}

impl Stage {
    pub const ALL: [Stage; 5] = [
        Stage::BeforeService,
        Stage::Serving,
        Stage::UnderExamination,
        Stage::Completed,
        Stage::EndedOtherwise,
    ];

    pub fn of(status: CaseStatus) -> Stage {
        match status {
            CaseStatus::Serving => Stage::Serving,
            CaseStatus::UnderExamination => Stage::UnderExamination,
            CaseStatus::Terminated(TerminationReason::Completed) => Stage::Completed,
            CaseStatus::Terminated(_) => Stage::EndedOtherwise,
            _ => Stage::BeforeService,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Stage::BeforeService => "before_service",
            Stage::Serving => "serving",
            Stage::UnderExamination => "under_examination",
            Stage::Completed => "completed",
            Stage::EndedOtherwise => "ended_otherwise",
        }
    }
}

/// The figures of one office, or the sum of several.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Tally {
    /// Cases by [`Stage`], in the order of [`Stage::ALL`].
    pub cases: [i64; 5],
    /// The hours ordered, in minutes, of every case counted.
    pub minutes_ordered: i64,
    /// The minutes credited (B5) on the current ledger of every case counted.
    pub minutes_credited: i64,
    /// Examinations advised (S5), and those whose findings came after the seventh day (S6).
    pub examinations: i64,
    pub examinations_late: i64,
    /// What the TPP recommended (S7): good conduct, going on serving, a default order.
    pub good_conduct: i64,
    pub continue_serving: i64,
    pub default_orders: i64,
    /// M4 evaluations recorded with their assessment, and how many found each success
    /// indicator (a)–(c) met.
    pub evaluations: i64,
    pub indicators_met: [i64; 3],
}

impl Tally {
    /// Counts `cases` cases in `status` ordering `minutes_ordered` between them.
    pub fn add_cases(&mut self, status: CaseStatus, cases: i64, minutes_ordered: i64) {
        let slot = Stage::ALL
            .iter()
            .position(|s| *s == Stage::of(status))
            .unwrap_or(0);
        self.cases[slot] += cases;
        self.minutes_ordered += minutes_ordered;
    }

    /// Counts `count` examinations, late or not, with the TPP's recommendation if any.
    pub fn add_examinations(
        &mut self,
        count: i64,
        late: bool,
        recommendation: Option<Recommendation>,
    ) {
        self.examinations += count;
        if late {
            self.examinations_late += count;
        }
        match recommendation {
            Some(Recommendation::GoodConduct) => self.good_conduct += count,
            Some(Recommendation::ContinueServing) => self.continue_serving += count,
            Some(Recommendation::DefaultOrder(_)) => self.default_orders += count,
            None => {}
        }
    }

    /// Counts `count` evaluations whose success indicators (a)–(c) were found `findings` (M4).
    pub fn add_evaluations(&mut self, count: i64, findings: [Option<Finding>; 3]) {
        self.evaluations += count;
        for (met, finding) in self.indicators_met.iter_mut().zip(findings) {
            if finding == Some(Finding::Met) {
                *met += count;
            }
        }
    }

    /// The sum of two tallies: a region is the sum of its offices, the nation of its regions.
    pub fn merge(&mut self, other: &Tally) {
        for (mine, theirs) in self.cases.iter_mut().zip(other.cases) {
            *mine += theirs;
        }
        self.minutes_ordered += other.minutes_ordered;
        self.minutes_credited += other.minutes_credited;
        self.examinations += other.examinations;
        self.examinations_late += other.examinations_late;
        self.good_conduct += other.good_conduct;
        self.continue_serving += other.continue_serving;
        self.default_orders += other.default_orders;
        self.evaluations += other.evaluations;
        for (mine, theirs) in self.indicators_met.iter_mut().zip(other.indicators_met) {
            *mine += theirs;
        }
    }

    pub fn count(&self, stage: Stage) -> i64 {
        Stage::ALL
            .iter()
            .position(|s| *s == stage)
            .map_or(0, |slot| self.cases[slot])
    }

    pub fn total(&self) -> i64 {
        self.cases.iter().sum()
    }

    /// Cases ended, by any reason (T1).
    pub fn ended(&self) -> i64 {
        self.count(Stage::Completed) + self.count(Stage::EndedOtherwise)
    }

    /// The share of ended cases that ended with every hour served, in whole percent
    /// (rounded down); `None` while none has ended.
    pub fn completion_percent(&self) -> Option<i64> {
        percent(self.count(Stage::Completed), self.ended())
    }

    /// The share of the hours ordered that are credited, in whole percent (rounded down);
    /// `None` when no hour is ordered.
    pub fn credited_percent(&self) -> Option<i64> {
        percent(self.minutes_credited, self.minutes_ordered)
    }
}

/// A Kanwil's monitoring visit to one of its offices (M2): when, what it found, and what the
/// office is to do about it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Visit {
    pub visited_on: Date,
    pub findings: String,
    pub follow_up: String,
}

/// M2: a visit is recorded once it happened (no later than `today`), with its findings and
/// the follow-up written.
pub fn check_visit(visit: &Visit, today: Date) -> Result<(), Violations> {
    let mut found = Violations::default();
    if visit.visited_on > today {
        found.push(Violation::new(
            Rule::M2,
            "visited_on",
            Refusal::VisitInFuture { today },
        ));
    }
    for (field, text) in [
        ("findings", &visit.findings),
        ("follow_up", &visit.follow_up),
    ] {
        if text.trim().is_empty() || text.chars().count() > 4000 {
            found.push(Violation::new(Rule::M2, field, Refusal::VisitPartRequired));
        }
    }
    if found.is_empty() { Ok(()) } else { Err(found) }
}

fn percent(part: i64, whole: i64) -> Option<i64> {
    (whole > 0).then(|| part.saturating_mul(100) / whole)
}

#[cfg(test)]
#[expect(non_snake_case, reason = "test names end with the rule ID they check")]
mod tests {
    use super::*;
    use proptest::prelude::*;

    const STATUSES: [CaseStatus; 6] = [
        CaseStatus::Received,
        CaseStatus::Placed,
        CaseStatus::Serving,
        CaseStatus::UnderExamination,
        CaseStatus::Terminated(TerminationReason::Completed),
        CaseStatus::Terminated(TerminationReason::Sanctioned),
    ];

    #[test]
    fn each_case_counts_once_by_its_state_and_the_m4_indicators_add_up_M1_M2_M3_M4() {
        let mut t = Tally::default();
        t.add_cases(CaseStatus::Received, 2, 120 * 60);
        t.add_cases(CaseStatus::Serving, 3, 240 * 60);
        t.add_cases(CaseStatus::Terminated(TerminationReason::Completed), 3, 0);
        t.add_cases(CaseStatus::Terminated(TerminationReason::Died), 1, 0);
        assert_eq!(t.count(Stage::BeforeService), 2);
        assert_eq!(t.count(Stage::Serving), 3);
        assert_eq!(t.count(Stage::EndedOtherwise), 1);
        assert_eq!(t.total(), 9);
        assert_eq!(t.ended(), 4);
        assert_eq!(t.completion_percent(), Some(75));
        t.minutes_credited = 90 * 60;
        assert_eq!(t.credited_percent(), Some(25));
        assert_eq!(
            Tally::default().completion_percent(),
            None,
            "none ended yet"
        );
        let mut e = Tally::default();
        e.add_examinations(2, true, Some(Recommendation::GoodConduct));
        e.add_examinations(1, false, None);
        assert_eq!(
            (e.examinations, e.examinations_late, e.good_conduct),
            (3, 2, 2)
        );
        // M4: evaluations and the indicators found met, summed like the rest.
        e.add_evaluations(
            2,
            [
                Some(Finding::Met),
                Some(Finding::Partly),
                Some(Finding::Met),
            ],
        );
        e.add_evaluations(1, [Some(Finding::NotMet), None, Some(Finding::Met)]);
        assert_eq!((e.evaluations, e.indicators_met), (3, [2, 0, 3]));
        let mut region = Tally::default();
        region.merge(&e);
        region.merge(&e);
        assert_eq!(region.indicators_met, [4, 0, 6]);
    }

    #[test]
    fn a_monitoring_visit_has_happened_and_says_what_it_found_and_what_follows_M2() {
        let today = jiff::civil::date(2026, 12, 1);
        let visit = Visit {
            visited_on: today,
            findings: "Register lengkap.".into(),
            follow_up: "-".into(),
        };
        assert_eq!(check_visit(&visit, today), Ok(()));
        let refused = check_visit(
            &Visit {
                visited_on: jiff::civil::date(2026, 12, 2),
                follow_up: " ".into(),
                ..visit
            },
            today,
        )
        .unwrap_err();
        let fields: Vec<_> = refused.0.iter().map(|v| (v.rule, v.field)).collect();
        assert_eq!(
            fields,
            [
                (Some(Rule::M2), "visited_on"),
                (Some(Rule::M2), "follow_up")
            ]
        );
    }

    proptest! {
        /// A region is the sum of its offices whichever way the rows fall: merging per-office
        /// tallies gives what one tally of every row gives (M1, M2).
        #[test]
        fn offices_add_up_to_their_region_M1_M2(rows in prop::collection::vec((0usize..4, 0usize..6, 0i64..50, 0i64..10_000), 0..60)) {
            let mut offices = [Tally::default(); 4];
            let mut all = Tally::default();
            for (office, status, cases, minutes) in rows {
                offices[office].add_cases(STATUSES[status], cases, minutes);
                all.add_cases(STATUSES[status], cases, minutes);
            }
            let mut region = Tally::default();
            for office in &offices {
                region.merge(office);
            }
            prop_assert_eq!(region, all);
            prop_assert_eq!(region.total(), Stage::ALL.iter().map(|s| region.count(*s)).sum::<i64>());
        }
    }
}

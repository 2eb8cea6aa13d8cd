//! The termination procedure (§2.4, T2): the PK brings the reason and its evidence; the head
//! of office orders the guidance and registry officials to act; the guidance official (the
//! PK) submits the guidance results report (Annex II); the registry drafts the termination
//! letter; the head issues it (T3), which ends the case. Whether the reason holds (T1) is the
//! lifecycle's `Terminate` guard, checked when the PK starts and again when the head issues.

use crate::{Role, TerminationReason};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stage {
    Started,
    Ordered,
    Reported,
    Drafted,
}

impl Stage {
    pub fn as_str(self) -> &'static str {
        match self {
            Stage::Started => "started",
            Stage::Ordered => "ordered",
            Stage::Reported => "reported",
            Stage::Drafted => "drafted",
        }
    }

    pub fn parse(text: &str) -> Option<Stage> {
        [
            Stage::Started,
            Stage::Ordered,
            Stage::Reported,
            Stage::Drafted,
        ]
        .into_iter()
        .find(|s| s.as_str() == text)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step {
    /// The PK gives the head the reason and its evidence.
    Start,
    /// The head orders the guidance and registry officials to act.
    Order,
    /// The guidance official submits the results report (Annex II).
    Report,
    /// The registry drafts the termination letter.
    Draft,
    /// The head issues the letter; the case ends.
    Issue,
}

impl Step {
    pub const ALL: [Step; 5] = [
        Step::Start,
        Step::Order,
        Step::Report,
        Step::Draft,
        Step::Issue,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Step::Start => "start",
            Step::Order => "order",
            Step::Report => "report",
            Step::Draft => "draft",
            Step::Issue => "issue",
        }
    }

    pub fn parse(text: &str) -> Option<Step> {
        Step::ALL.into_iter().find(|s| s.as_str() == text)
    }

    pub fn actors(self) -> &'static [Role] {
        match self {
            Step::Start | Step::Report => &[Role::Pk],
            Step::Order | Step::Issue => &[Role::HeadOfOffice],
            Step::Draft => &[Role::RegistryOfficer],
        }
    }

    /// The stage the procedure must be at for this step (`None`: not begun).
    fn after(self) -> Option<Stage> {
        match self {
            Step::Start => None,
            Step::Order => Some(Stage::Started),
            Step::Report => Some(Stage::Ordered),
            Step::Draft => Some(Stage::Reported),
            Step::Issue => Some(Stage::Drafted),
        }
    }

    /// The stage the step leaves the procedure at (`None` after the issue: it is over).
    pub fn leads_to(self) -> Option<Stage> {
        match self {
            Step::Start => Some(Stage::Started),
            Step::Order => Some(Stage::Ordered),
            Step::Report => Some(Stage::Reported),
            Step::Draft => Some(Stage::Drafted),
            Step::Issue => None,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Refusal {
    /// Steps follow T2's order.
    OutOfOrder,
    /// The step belongs to another official (T2).
    NotYourStep,
}

/// Whether `roles` may perform `step` with the procedure at `stage`.
pub fn check(step: Step, stage: Option<Stage>, roles: &[Role]) -> Result<(), Refusal> {
    if step.after() != stage {
        return Err(Refusal::OutOfOrder);
    }
    if !step.actors().iter().any(|a| roles.contains(a)) {
        return Err(Refusal::NotYourStep);
    }
    Ok(())
}

/// The evidence T2 asks of each reason: the decision for completed hours (the ledger shows
/// them), a death certificate, a sanction letter.
pub fn needs_evidence_ref(reason: TerminationReason) -> bool {
    !matches!(reason, TerminationReason::Completed)
}

#[cfg(test)]
#[expect(non_snake_case, reason = "test names end with the rule ID they check")]
mod tests {
    use super::*;

    #[test]
    fn the_steps_run_in_the_order_of_T2() {
        let pk: &[Role] = &[Role::Pk];
        let head: &[Role] = &[Role::HeadOfOffice];
        let registry: &[Role] = &[Role::RegistryOfficer];
        assert_eq!(check(Step::Start, None, pk), Ok(()));
        assert_eq!(check(Step::Order, Some(Stage::Started), head), Ok(()));
        assert_eq!(check(Step::Report, Some(Stage::Ordered), pk), Ok(()));
        assert_eq!(check(Step::Draft, Some(Stage::Reported), registry), Ok(()));
        assert_eq!(check(Step::Issue, Some(Stage::Drafted), head), Ok(()));
        assert_eq!(
            check(Step::Issue, Some(Stage::Reported), head),
            Err(Refusal::OutOfOrder)
        );
        assert_eq!(
            check(Step::Start, Some(Stage::Started), pk),
            Err(Refusal::OutOfOrder)
        );
    }

    #[test]
    fn each_step_belongs_to_its_official_T2() {
        assert_eq!(
            check(Step::Issue, Some(Stage::Drafted), &[Role::Pk]),
            Err(Refusal::NotYourStep)
        );
        assert_eq!(
            check(Step::Draft, Some(Stage::Reported), &[Role::HeadOfOffice]),
            Err(Refusal::NotYourStep)
        );
        assert_eq!(
            check(Step::Start, None, &[Role::RegistryOfficer]),
            Err(Refusal::NotYourStep)
        );
    }

    #[test]
    fn death_and_sanction_are_the_reasons_that_need_a_document() {
        assert!(!needs_evidence_ref(TerminationReason::Completed));
        assert!(needs_evidence_ref(TerminationReason::Died));
        assert!(needs_evidence_ref(TerminationReason::Sanctioned));
    }
}

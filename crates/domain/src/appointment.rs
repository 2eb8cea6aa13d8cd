//! Appointing the PK (§2.2.3, SOP "Penunjukan PK"): the head of office chooses the PK and
//! gives the disposition to the head of administration (§2.2.3 a–b), who drafts the
//! assignment letter for that PK; the head signs it. The same three steps reassign a case later; the earlier
//! appointments stay in the history.

use crate::{CaseStatus, Role};

/// How far the appointment in progress has come.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stage {
    Disposed,
    Drafted,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step {
    /// SOP steps 1–2: the head receives the intake report, chooses the PK (§2.2.3 a) and
    /// gives the disposition.
    Dispose,
    /// SOP step 3: the head of administration drafts the letter for the PK the head chose
    /// (§2.2.3 b).
    Draft,
    /// SOP step 4: the head signs; the PK is appointed.
    Sign,
}

impl Step {
    pub const ALL: [Step; 3] = [Step::Dispose, Step::Draft, Step::Sign];

    pub fn as_str(self) -> &'static str {
        match self {
            Step::Dispose => "dispose",
            Step::Draft => "draft",
            Step::Sign => "sign",
        }
    }

    pub fn parse(text: &str) -> Option<Step> {
        Step::ALL.into_iter().find(|s| s.as_str() == text)
    }

    /// Who performs the step, per the SOP.
    pub fn actors(self) -> &'static [Role] {
        match self {
            Step::Dispose | Step::Sign => &[Role::HeadOfOffice],
            Step::Draft => &[Role::HeadOfAdmin],
        }
    }

    /// Whether the step names the PK: only the head's disposition does (§2.2.3 a: "Kepala
    /// Bapas menunjuk Pembimbing Kemasyarakatan"); the draft and the signature carry that
    /// choice.
    pub fn chooses_pk(self) -> bool {
        self == Step::Dispose
    }

    /// The SOP steps this step performs, for their timestamps.
    pub fn sop_steps(self) -> &'static [u8] {
        match self {
            Step::Dispose => &[1, 2],
            Step::Draft => &[3],
            Step::Sign => &[4],
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Refusal {
    /// A PK is appointed once the documents are valid, and reassigned until termination.
    NotNow,
    /// One appointment at a time.
    InProgress,
    /// The letter is drafted only after the head's disposition.
    NeedsDisposition,
    /// The head signs a drafted letter.
    NeedsDraft,
    /// The step belongs to another role.
    NotYourStep,
}

/// Whether the case is replacing its PK rather than receiving the first one.
pub fn is_reassignment(status: CaseStatus) -> bool {
    status != CaseStatus::DocumentsVerified
}

fn may_appoint(status: CaseStatus) -> bool {
    matches!(
        status,
        CaseStatus::DocumentsVerified
            | CaseStatus::OfficerAssigned
            | CaseStatus::Registered
            | CaseStatus::Assessed
            | CaseStatus::Placed
            | CaseStatus::Serving
            | CaseStatus::UnderExamination
    )
}

/// Whether `roles` may perform `step` now, given the case's status and the appointment in
/// progress (if any).
pub fn check(
    step: Step,
    status: CaseStatus,
    open: Option<Stage>,
    roles: &[Role],
) -> Result<(), Refusal> {
    if !may_appoint(status) {
        return Err(Refusal::NotNow);
    }
    match (step, open) {
        (Step::Dispose, Some(_)) => return Err(Refusal::InProgress),
        (Step::Draft, None) | (Step::Draft, Some(Stage::Drafted)) => {
            return Err(Refusal::NeedsDisposition);
        }
        (Step::Sign, open) if open != Some(Stage::Drafted) => return Err(Refusal::NeedsDraft),
        _ => {}
    }
    if !step.actors().iter().any(|actor| roles.contains(actor)) {
        return Err(Refusal::NotYourStep);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    const HEAD: &[Role] = &[Role::HeadOfOffice];
    const TU: &[Role] = &[Role::HeadOfAdmin];

    #[test]
    fn the_three_steps_run_in_order_by_their_officials() {
        let status = CaseStatus::DocumentsVerified;
        assert_eq!(check(Step::Dispose, status, None, HEAD), Ok(()));
        assert_eq!(
            check(Step::Draft, status, Some(Stage::Disposed), TU),
            Ok(())
        );
        assert_eq!(
            check(Step::Sign, status, Some(Stage::Drafted), HEAD),
            Ok(())
        );
    }

    #[test]
    fn the_head_of_office_chooses_the_pk_and_the_head_of_administration_drafts_for_them() {
        assert!(Step::Dispose.chooses_pk());
        assert_eq!(Step::Dispose.actors(), &[Role::HeadOfOffice]);
        assert!(!Step::Draft.chooses_pk() && !Step::Sign.chooses_pk());
        assert_eq!(Step::Draft.actors(), &[Role::HeadOfAdmin]);
    }

    #[test]
    fn no_step_is_skipped() {
        let status = CaseStatus::DocumentsVerified;
        assert_eq!(
            check(Step::Draft, status, None, TU),
            Err(Refusal::NeedsDisposition)
        );
        assert_eq!(
            check(Step::Sign, status, Some(Stage::Disposed), HEAD),
            Err(Refusal::NeedsDraft)
        );
        assert_eq!(
            check(Step::Sign, status, None, HEAD),
            Err(Refusal::NeedsDraft)
        );
        assert_eq!(
            check(Step::Dispose, status, Some(Stage::Drafted), HEAD),
            Err(Refusal::InProgress)
        );
    }

    #[test]
    fn each_step_belongs_to_its_official() {
        let status = CaseStatus::DocumentsVerified;
        assert_eq!(
            check(Step::Dispose, status, None, TU),
            Err(Refusal::NotYourStep)
        );
        assert_eq!(
            check(Step::Draft, status, Some(Stage::Disposed), HEAD),
            Err(Refusal::NotYourStep)
        );
        assert_eq!(
            check(
                Step::Sign,
                status,
                Some(Stage::Drafted),
                &[Role::IntakeOfficer]
            ),
            Err(Refusal::NotYourStep)
        );
    }

    #[test]
    fn a_pk_is_appointed_after_the_document_check_and_replaced_until_termination() {
        for early in [
            CaseStatus::Received,
            CaseStatus::DocumentsIncomplete,
            CaseStatus::AwaitingClient,
        ] {
            assert_eq!(
                check(Step::Dispose, early, None, HEAD),
                Err(Refusal::NotNow)
            );
        }
        let ended = CaseStatus::Terminated(crate::TerminationReason::Completed);
        assert_eq!(
            check(Step::Dispose, ended, None, HEAD),
            Err(Refusal::NotNow)
        );
        assert_eq!(
            check(Step::Dispose, CaseStatus::Serving, None, HEAD),
            Ok(())
        );
        assert!(is_reassignment(CaseStatus::Serving));
        assert!(!is_reassignment(CaseStatus::DocumentsVerified));
    }
}

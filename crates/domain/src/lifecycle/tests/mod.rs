//! Tests of the lifecycle: statuses, transitions and roles here; guards in `guards`.

mod guards;

use super::*;
use crate::minutes::Minutes;
use crate::rule::{Refusal, Rule};

use CaseStatus as S;
use TerminationReason as R;
use Transition as T;

const ALL_TRANSITIONS: [Transition; 14] = [
    T::DocumentsFoundIncomplete,
    T::DocumentsVerified,
    T::SummonClient,
    T::ClientAppeared,
    T::AssignOfficer,
    T::Register,
    T::ApproveAssessment,
    T::Place,
    T::StartServing,
    T::OpenExamination,
    T::CloseExamination,
    T::Terminate {
        reason: R::Completed,
    },
    T::Terminate { reason: R::Died },
    T::Terminate {
        reason: R::Sanctioned,
    },
];

fn all_statuses() -> Vec<CaseStatus> {
    let mut statuses = CaseStatus::OPEN.to_vec();
    statuses.extend(R::ALL.map(S::Terminated));
    statuses
}

/// Guards that let every transition through.
pub(super) fn met() -> Guards {
    Guards {
        summonses_sent: 0,
        officer_assigned: false,
        identity_recorded: true,
        biometrics_recorded: true,
        litmas_submitted: true,
        case_plan_approved: true,
        minutes_remaining: Minutes::ZERO,
        death_certificate_ref: Some("474.3/12/2026".into()),
        sanction_letter_ref: Some("B-45/Kejari/2026".into()),
        distance_awaiting_approval: false,
    }
}

pub(super) fn step(
    status: CaseStatus,
    transition: Transition,
    role: Role,
) -> Result<CaseStatus, TransitionError> {
    apply(status, transition, &met(), &[role])
}

/// The refusal of a guard that was not met.
pub(super) fn guard_refusal(err: &TransitionError) -> &Refusal {
    match err {
        TransitionError::Guard { refusal, .. } => refusal,
        other => panic!("expected a guard refusal, got {other:?}"),
    }
}

pub(super) fn guard_rule(
    result: Result<CaseStatus, TransitionError>,
) -> (Option<Rule>, &'static str) {
    match result {
        Err(TransitionError::Guard { rule, field, .. }) => (rule, field),
        other => panic!("expected a guard refusal, got {other:?}"),
    }
}

#[test]
fn a_case_runs_from_reception_to_completion() {
    let path = [
        (
            T::DocumentsFoundIncomplete,
            Role::IntakeOfficer,
            S::DocumentsIncomplete,
        ),
        (
            T::DocumentsVerified,
            Role::IntakeOfficer,
            S::DocumentsVerified,
        ),
        (T::AssignOfficer, Role::HeadOfOffice, S::OfficerAssigned),
        (T::Register, Role::RegistryOfficer, S::Registered),
        (T::ApproveAssessment, Role::HeadOfOffice, S::Assessed),
        (T::Place, Role::Pk, S::Placed),
        (T::StartServing, Role::Pk, S::Serving),
        (T::OpenExamination, Role::HeadOfOffice, S::UnderExamination),
        (T::CloseExamination, Role::HeadOfOffice, S::Serving),
        (
            T::Terminate {
                reason: R::Completed,
            },
            Role::HeadOfOffice,
            S::Terminated(R::Completed),
        ),
    ];
    let mut status = CaseStatus::INITIAL;
    for (transition, role, expected) in path {
        status = step(status, transition, role).expect("allowed step");
        assert_eq!(status, expected, "after {transition:?}");
    }
    assert!(status.is_final());
}

#[test]
fn every_listed_transition_applies_and_every_other_is_refused() {
    for status in all_statuses() {
        for transition in ALL_TRANSITIONS {
            let roles = transition.allowed_roles();
            let result = apply(status, transition, &met(), roles);
            if allowed_transitions(status).contains(&transition) {
                assert!(result.is_ok(), "{status} {transition:?}: {result:?}");
            } else {
                assert!(
                    matches!(
                        result,
                        Err(TransitionError::NotAllowed { .. } | TransitionError::Final(_))
                    ),
                    "{status} {transition:?}: {result:?}"
                );
            }
        }
    }
}

#[test]
fn terminated_is_final_T1() {
    for reason in R::ALL {
        let done = S::Terminated(reason);
        assert!(allowed_transitions(done).is_empty());
        let err = step(done, T::StartServing, Role::Pk).expect_err("final");
        assert_eq!(err, TransitionError::Final(done));
    }
}

#[test]
fn a_transition_from_the_wrong_status_is_refused_with_a_reason() {
    let err = step(S::Received, T::Place, Role::Pk).expect_err("not from received");
    assert!(matches!(err, TransitionError::NotAllowed { .. }));
    assert_eq!(err.rule(), None);
    assert!(!err.is_forbidden());
    assert_eq!(
        err,
        TransitionError::NotAllowed {
            from: S::Received,
            transition: T::Place
        }
    );
}

#[test]
fn only_the_named_roles_may_perform_a_transition() {
    let cases = [
        (
            S::Received,
            T::DocumentsVerified,
            Role::IntakeOfficer,
            Role::Pk,
        ),
        (
            S::DocumentsVerified,
            T::AssignOfficer,
            Role::HeadOfOffice,
            Role::HeadOfAdmin,
        ),
        (
            S::OfficerAssigned,
            T::Register,
            Role::RegistryOfficer,
            Role::IntakeOfficer,
        ),
        (
            S::Registered,
            T::ApproveAssessment,
            Role::HeadOfOffice,
            Role::Pk,
        ),
        (S::Assessed, T::Place, Role::Pk, Role::SiteSupervisor),
        (S::Placed, T::StartServing, Role::Pk, Role::Client),
        (
            S::Serving,
            T::OpenExamination,
            Role::HeadOfOffice,
            Role::TppMember,
        ),
        (
            S::Serving,
            T::Terminate {
                reason: R::Completed,
            },
            Role::HeadOfOffice,
            Role::Pk,
        ),
        (
            S::Serving,
            T::Terminate { reason: R::Died },
            Role::HeadOfOffice,
            Role::Prosecutor,
        ),
        (
            S::DocumentsVerified,
            T::SummonClient,
            Role::HeadOfOffice,
            Role::Admin,
        ),
    ];
    for (status, transition, allowed, refused) in cases {
        assert!(
            step(status, transition, allowed).is_ok(),
            "{transition:?} by {allowed:?}"
        );
        let err = step(status, transition, refused).expect_err("forbidden");
        assert!(err.is_forbidden(), "{transition:?} by {refused:?}");
        assert!(matches!(err, TransitionError::Forbidden { transition: t, .. } if t == transition));
    }
    // One matching role among several is enough; no role at all is not.
    let roles = [Role::Client, Role::Pk];
    assert!(apply(S::Assessed, T::Place, &met(), &roles).is_ok());
    assert!(
        apply(S::Assessed, T::Place, &met(), &[])
            .expect_err("none")
            .is_forbidden()
    );
}

#[test]
fn statuses_round_trip_through_their_database_columns() {
    for status in all_statuses() {
        let reason = status.termination_reason().map(R::as_str);
        assert_eq!(CaseStatus::parse(status.as_str(), reason), Some(status));
        assert!(!status.label_id().is_empty() && !status.label_en().is_empty());
    }
    assert_eq!(CaseStatus::parse("terminated", None), None);
    assert_eq!(CaseStatus::parse("serving", Some("completed")), None);
    assert_eq!(CaseStatus::parse("closed", None), None);
    assert_eq!(S::UnderExamination.as_str(), "under_examination");
}

#[test]
fn transitions_have_distinct_audit_names() {
    let mut names: Vec<&str> = ALL_TRANSITIONS.iter().map(|t| t.as_str()).collect();
    names.sort_unstable();
    names.dedup();
    assert_eq!(names.len(), ALL_TRANSITIONS.len());
}

#[test]
fn every_transition_name_reads_back_to_its_transition() {
    for transition in Transition::ALL {
        assert_eq!(Transition::parse(transition.as_str()), Some(transition));
    }
    assert_eq!(Transition::parse("fly_away"), None);
}

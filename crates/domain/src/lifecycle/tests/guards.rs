//! Guards of the lifecycle: I3 summonses, G1 register data, the Litmas and case plan, and
//! the evidence of T1a–c.

use super::*;

#[test]
fn the_head_summons_at_most_three_times_I3() {
    let mut g = met();
    let mut status = S::DocumentsVerified;
    for sent in 0..3 {
        g.summonses_sent = sent;
        status = apply(status, T::SummonClient, &g, &[Role::HeadOfOffice]).expect("summons");
        assert_eq!(status, S::AwaitingClient);
    }
    g.summonses_sent = 3;
    let err = apply(status, T::SummonClient, &g, &[Role::RegistryOfficer]).expect_err("fourth");
    assert_eq!(err.rule(), Some(Rule::I3));
    assert_eq!(
        guard_refusal(&err),
        &Refusal::SummonsLimitReached { sent: 3 }
    );
}

#[test]
fn a_client_who_appears_returns_to_where_the_case_was_I3() {
    let mut g = met();
    let back = apply(
        S::AwaitingClient,
        T::ClientAppeared,
        &g,
        &[Role::IntakeOfficer],
    );
    assert_eq!(back, Ok(S::DocumentsVerified));
    g.officer_assigned = true;
    let back = apply(
        S::AwaitingClient,
        T::ClientAppeared,
        &g,
        &[Role::RegistryOfficer],
    );
    assert_eq!(back, Ok(S::OfficerAssigned));
    // The registry may summon during registration too (register SOP step 3).
    assert_eq!(
        step(S::OfficerAssigned, T::SummonClient, Role::RegistryOfficer),
        Ok(S::AwaitingClient)
    );
}

#[test]
fn a_placement_beyond_the_distance_limit_starts_only_once_the_head_approved_it_P3() {
    let g = Guards {
        distance_awaiting_approval: true,
        ..met()
    };
    let refused = apply(S::Placed, T::StartServing, &g, &[Role::Pk]).unwrap_err();
    assert_eq!(refused.rule(), Some(crate::rule::Rule::P3));
    assert!(matches!(
        refused,
        TransitionError::Guard {
            refusal: crate::refusal::Refusal::DistanceNotApproved,
            ..
        }
    ));
    assert_eq!(
        apply(S::Placed, T::StartServing, &met(), &[Role::Pk]),
        Ok(S::Serving)
    );
}

#[test]
fn registration_needs_the_register_data_G1() {
    let g = Guards {
        identity_recorded: false,
        ..met()
    };
    let result = apply(
        S::OfficerAssigned,
        T::Register,
        &g,
        &[Role::RegistryOfficer],
    );
    assert_eq!(guard_rule(result), (Some(Rule::G1), "identity"));
}

#[test]
fn approval_needs_a_submitted_litmas() {
    let g = Guards {
        litmas_submitted: false,
        ..met()
    };
    let result = apply(
        S::Registered,
        T::ApproveAssessment,
        &g,
        &[Role::HeadOfOffice],
    );
    assert_eq!(guard_rule(result), (None, "litmas"));
}

#[test]
fn the_register_is_complete_only_with_the_photograph_and_the_fingerprint_G1() {
    let g = Guards {
        biometrics_recorded: false,
        ..met()
    };
    let err = apply(
        S::Registered,
        T::ApproveAssessment,
        &g,
        &[Role::HeadOfOffice],
    )
    .expect_err("no photograph or fingerprint");
    assert_eq!(guard_refusal(&err), &Refusal::BiometricsMissing);
    assert_eq!(guard_rule(Err(err)), (Some(Rule::G1), "biometrics"));
}

#[test]
fn placement_needs_an_approved_case_plan() {
    let g = Guards {
        case_plan_approved: false,
        ..met()
    };
    let err = apply(S::Assessed, T::Place, &g, &[Role::Pk]).expect_err("no plan");
    assert_eq!(guard_refusal(&err), &Refusal::CasePlanNotApproved);
    assert_eq!(guard_rule(Err(err)), (None, "case_plan"));
}

#[test]
fn completion_needs_every_hour_credited_T1() {
    let g = Guards {
        minutes_remaining: Minutes::new(750),
        ..met()
    };
    let err = apply(
        S::Serving,
        T::Terminate {
            reason: R::Completed,
        },
        &g,
        &[Role::HeadOfOffice],
    )
    .expect_err("hours left");
    assert_eq!(err.rule(), Some(Rule::T1));
    assert_eq!(
        guard_refusal(&err),
        &Refusal::HoursStillOpen {
            remaining: Minutes::new(750)
        }
    );
    // Completion is only possible while serving.
    let err = step(
        S::Placed,
        T::Terminate {
            reason: R::Completed,
        },
        Role::HeadOfOffice,
    );
    assert!(matches!(err, Err(TransitionError::NotAllowed { .. })));
}

#[test]
fn death_needs_a_death_certificate_reference_T1() {
    for missing in [None, Some("  ".to_owned())] {
        let g = Guards {
            death_certificate_ref: missing,
            ..met()
        };
        let result = apply(
            S::Serving,
            T::Terminate { reason: R::Died },
            &g,
            &[Role::HeadOfOffice],
        );
        assert_eq!(
            guard_rule(result),
            (Some(Rule::T1), "death_certificate_ref")
        );
    }
    // Death ends a case at any open stage.
    assert_eq!(
        step(
            S::AwaitingClient,
            T::Terminate { reason: R::Died },
            Role::HeadOfOffice
        ),
        Ok(S::Terminated(R::Died))
    );
}

#[test]
fn a_sanction_needs_a_sanction_letter_reference_T1() {
    let g = Guards {
        sanction_letter_ref: None,
        ..met()
    };
    let result = apply(
        S::UnderExamination,
        T::Terminate {
            reason: R::Sanctioned,
        },
        &g,
        &[Role::HeadOfOffice],
    );
    assert_eq!(guard_rule(result), (Some(Rule::T1), "sanction_letter_ref"));
    assert_eq!(
        step(
            S::UnderExamination,
            T::Terminate {
                reason: R::Sanctioned
            },
            Role::HeadOfOffice
        ),
        Ok(S::Terminated(R::Sanctioned))
    );
}

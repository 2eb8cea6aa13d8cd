//! Applying a transition: is it allowed from this status, by these roles, and are its guards
//! met (I3 summonses, G1 register data, the Litmas and case plan, T1a–c evidence)?

use serde::{Deserialize, Serialize};

use super::{CaseStatus, TerminationReason, Transition, allowed_transitions};
use crate::minutes::Minutes;
use crate::role::Role;
use crate::rule::{Refusal, Rule};

/// I3: the Kepala Bapas summons a client at most 3 times.
pub const MAX_SUMMONSES: u8 = 3;

/// Facts about the case that transitions depend on, gathered by the store.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Guards {
    /// Summonses already sent (I3).
    pub summonses_sent: u8,
    /// Whether a PK is assigned: where a summoned client returns when they appear.
    pub officer_assigned: bool,
    /// Whether the register data of G1 are recorded (name, birth, address, occupation,
    /// parents, offence, fingerprint, photograph).
    pub identity_recorded: bool,
    /// Whether the photograph and the fingerprint are on file (G1): the register is complete
    /// only with both, so the case does not leave `Registered` without them.
    pub biometrics_recorded: bool,
    /// Whether the PK has submitted the Litmas with its case plan (§2.2.6).
    pub litmas_submitted: bool,
    /// Whether the current case plan is approved (§2.2.6 f); placement needs it.
    pub case_plan_approved: bool,
    /// Ordered minus credited minutes (T1a: zero to terminate as completed).
    pub minutes_remaining: Minutes,
    /// The death certificate's reference (T1b).
    pub death_certificate_ref: Option<String>,
    /// The sanction letter's reference (T1c).
    pub sanction_letter_ref: Option<String>,
    /// P3: the current placement is beyond the distance limit and the head has not approved
    /// it yet; the client does not start serving there.
    pub distance_awaiting_approval: bool,
}

/// Why a transition was refused.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum TransitionError {
    /// The case is terminated; nothing follows.
    #[error("the case is terminated ({0})")]
    Final(CaseStatus),
    /// The transition does not leave this status.
    #[error("{transition:?} is not possible from {from}")]
    NotAllowed {
        from: CaseStatus,
        transition: Transition,
    },
    /// None of the actor's roles may perform it (a 403).
    #[error("{transition:?} needs one of the roles {allowed:?}")]
    Forbidden {
        transition: Transition,
        allowed: &'static [Role],
    },
    /// A guard is not met.
    #[error("{field}: {}", refusal.code())]
    Guard {
        rule: Option<Rule>,
        field: &'static str,
        refusal: Refusal,
    },
}

impl TransitionError {
    /// The rule broken, where one applies.
    pub fn rule(&self) -> Option<Rule> {
        match self {
            TransitionError::Guard { rule, .. } => *rule,
            _ => None,
        }
    }

    /// Whether the refusal is about authority (403) rather than the case (422).
    pub fn is_forbidden(&self) -> bool {
        matches!(self, TransitionError::Forbidden { .. })
    }
}

fn guard(rule: Option<Rule>, field: &'static str, refusal: Refusal) -> TransitionError {
    TransitionError::Guard {
        rule,
        field,
        refusal,
    }
}

/// The status after `transition`, or why it is refused. Checks, in order: the case is not
/// terminated; the transition leaves this status; one of `actor_roles` may perform it; its
/// guards hold.
pub fn apply(
    status: CaseStatus,
    transition: Transition,
    guards: &Guards,
    actor_roles: &[Role],
) -> Result<CaseStatus, TransitionError> {
    if status.is_final() {
        return Err(TransitionError::Final(status));
    }
    if !allowed_transitions(status).contains(&transition) {
        return Err(TransitionError::NotAllowed {
            from: status,
            transition,
        });
    }
    let allowed = transition.allowed_roles();
    if !actor_roles.iter().any(|role| allowed.contains(role)) {
        return Err(TransitionError::Forbidden {
            transition,
            allowed,
        });
    }
    check_guards(transition, guards)?;
    Ok(target(transition, guards))
}

fn target(transition: Transition, guards: &Guards) -> CaseStatus {
    match transition {
        Transition::DocumentsFoundIncomplete => CaseStatus::DocumentsIncomplete,
        Transition::DocumentsVerified => CaseStatus::DocumentsVerified,
        Transition::SummonClient => CaseStatus::AwaitingClient,
        Transition::ClientAppeared if guards.officer_assigned => CaseStatus::OfficerAssigned,
        Transition::ClientAppeared => CaseStatus::DocumentsVerified,
        Transition::AssignOfficer => CaseStatus::OfficerAssigned,
        Transition::Register => CaseStatus::Registered,
        Transition::ApproveAssessment => CaseStatus::Assessed,
        Transition::Place => CaseStatus::Placed,
        Transition::StartServing | Transition::CloseExamination => CaseStatus::Serving,
        Transition::OpenExamination => CaseStatus::UnderExamination,
        Transition::Terminate { reason } => CaseStatus::Terminated(reason),
    }
}

fn has_text(reference: Option<&String>) -> bool {
    reference.is_some_and(|text| !text.trim().is_empty())
}

fn check_guards(transition: Transition, g: &Guards) -> Result<(), TransitionError> {
    match transition {
        Transition::SummonClient if g.summonses_sent >= MAX_SUMMONSES => Err(guard(
            Some(Rule::I3),
            "summonses_sent",
            Refusal::SummonsLimitReached {
                sent: g.summonses_sent,
            },
        )),
        Transition::Register if !g.identity_recorded => Err(guard(
            Some(Rule::G1),
            "identity",
            Refusal::RegisterIncomplete,
        )),
        Transition::ApproveAssessment if !g.biometrics_recorded => Err(guard(
            Some(Rule::G1),
            "biometrics",
            Refusal::BiometricsMissing,
        )),
        Transition::ApproveAssessment if !g.litmas_submitted => {
            Err(guard(None, "litmas", Refusal::LitmasNotSubmitted))
        }
        Transition::Place if !g.case_plan_approved => {
            Err(guard(None, "case_plan", Refusal::CasePlanNotApproved))
        }
        Transition::StartServing => {
            crate::placement::check_distance_approved(g.distance_awaiting_approval).map_err(|v| {
                TransitionError::Guard {
                    rule: v.rule,
                    field: v.field,
                    refusal: v.refusal,
                }
            })
        }
        Transition::Terminate { reason } => check_termination(reason, g),
        _ => Ok(()),
    }
}

fn check_termination(reason: TerminationReason, g: &Guards) -> Result<(), TransitionError> {
    match reason {
        TerminationReason::Completed if g.minutes_remaining.is_positive() => Err(guard(
            Some(Rule::T1),
            "minutes_remaining",
            Refusal::HoursStillOpen {
                remaining: g.minutes_remaining,
            },
        )),
        TerminationReason::Died if !has_text(g.death_certificate_ref.as_ref()) => Err(guard(
            Some(Rule::T1),
            "death_certificate_ref",
            Refusal::DeathCertificateRequired,
        )),
        TerminationReason::Sanctioned if !has_text(g.sanction_letter_ref.as_ref()) => Err(guard(
            Some(Rule::T1),
            "sanction_letter_ref",
            Refusal::SanctionLetterRequired,
        )),
        _ => Ok(()),
    }
}

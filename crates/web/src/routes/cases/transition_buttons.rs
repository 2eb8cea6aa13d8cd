//! The lifecycle buttons of the case page: the transitions the caller's roles may perform
//! from the case's status, except those that have their own form.

use karya_domain::allowed_transitions;

use crate::i18n::{Catalog, Lang};
use karya_store::access::CaseAccess;

/// A lifecycle button: the transition, its label, and what it asks for.
pub struct TransitionButton {
    pub value: &'static str,
    pub label: &'static str,
    /// A reference the transition needs: (field name, label).
    pub needs: Option<(&'static str, &'static str)>,
}

/// Transitions that have their own form on the page (the document check, the summons, the
/// PK appointment and the termination procedure), so that their record and the status
/// cannot drift apart.
pub const DEDICATED: [karya_domain::Transition; 8] = [
    karya_domain::Transition::AssignOfficer,
    karya_domain::Transition::Terminate {
        reason: karya_domain::TerminationReason::Completed,
    },
    karya_domain::Transition::Terminate {
        reason: karya_domain::TerminationReason::Died,
    },
    karya_domain::Transition::Terminate {
        reason: karya_domain::TerminationReason::Sanctioned,
    },
    karya_domain::Transition::DocumentsVerified,
    karya_domain::Transition::DocumentsFoundIncomplete,
    karya_domain::Transition::SummonClient,
    karya_domain::Transition::ClientAppeared,
];

pub fn transitions(access: &CaseAccess, lang: Lang, t: &Catalog) -> Vec<TransitionButton> {
    use karya_domain::{TerminationReason, Transition};
    let case = access.case();
    let roles = access.roles_for(karya_domain::Permission::ActOnLifecycle);
    allowed_transitions(case.status)
        .iter()
        .filter(|transition| !DEDICATED.contains(transition))
        .filter(|transition| {
            transition
                .allowed_roles()
                .iter()
                .any(|role| roles.contains(role))
        })
        .map(|transition| TransitionButton {
            value: transition.as_str(),
            label: lang.say(&transition),
            needs: match transition {
                Transition::Terminate {
                    reason: TerminationReason::Died,
                } => Some(("death_certificate_ref", t.death_certificate_ref)),
                Transition::Terminate {
                    reason: TerminationReason::Sanctioned,
                } => Some(("sanction_letter_ref", t.sanction_letter_ref)),
                _ => None,
            },
        })
        .collect()
}

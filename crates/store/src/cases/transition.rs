//! Moving a case through its lifecycle. The domain decides (roles and guards); this takes
//! the case's lock, reads the facts the guards need, stores the new status and audits it.

use karya_domain::{Role, Transition, TransitionError, lifecycle};
use serde_json::json;

use super::{CaseScope, get_on, lock};
use crate::access::CaseAccess;
use crate::attendance;
use crate::audit::{Actor, Event};
use crate::db::Store;
use crate::error::StoreError;
use crate::ids::{CaseId, OfficeId, UserId};

#[derive(Debug, thiserror::Error)]
pub enum CaseError {
    #[error(transparent)]
    Refused(#[from] TransitionError),
    /// A rule of the guideline refuses the record that goes with the transition.
    #[error(transparent)]
    Rule(#[from] karya_domain::Violation),
    /// Assigning a PK needs one: an active PK of the case's office (§2.2.3).
    #[error("choose a PK of the office")]
    NoOfficer,
    #[error(transparent)]
    Store(#[from] StoreError),
}

impl From<sqlx::Error> for CaseError {
    fn from(error: sqlx::Error) -> CaseError {
        CaseError::Store(error.into())
    }
}

/// The conversions every error of a procedure on a case repeats: a store or database failure
/// is the case's store error.
macro_rules! into_case_error {
    ($error:ident) => {
        impl From<$crate::error::StoreError> for $error {
            fn from(error: $crate::error::StoreError) -> $error {
                $error::Case($crate::cases::CaseError::Store(error))
            }
        }

        impl From<sqlx::Error> for $error {
            fn from(error: sqlx::Error) -> $error {
                $crate::error::StoreError::from(error).into()
            }
        }
    };
}
pub(crate) use into_case_error;

/// References a termination needs (T1b, T1c), given with the transition.
#[derive(Debug, Clone, Default)]
pub struct TransitionRefs {
    pub death_certificate_ref: Option<String>,
    pub sanction_letter_ref: Option<String>,
    /// The PK appointed by `AssignOfficer`.
    pub pk: Option<UserId>,
}

/// Applies `transition` to the case as the holder of `roles`; returns the new status name.
pub async fn transition(
    store: &Store,
    access: &CaseAccess,
    transition: Transition,
    refs: &TransitionRefs,
) -> Result<String, CaseError> {
    let actor = &access.actor_for(karya_domain::Permission::ActOnLifecycle)?;
    let scope = access.scope();
    let id = access.id();
    let roles = &access.roles_for(karya_domain::Permission::ActOnLifecycle);
    let mut tx = store.begin_write().await?;
    let to = transition_on(&mut tx, store, actor, scope, id, transition, roles, refs).await?;
    tx.commit().await?;
    Ok(to)
}

/// As [`transition`], inside the caller's transaction (a document check or a summons moves
/// the case in the same transaction as its own record).
#[expect(
    clippy::too_many_arguments,
    reason = "the transition and everything that decides it"
)]
pub(crate) async fn transition_on(
    tx: &mut sqlx::AnyConnection,
    store: &Store,
    actor: &Actor,
    scope: CaseScope,
    id: CaseId,
    transition: Transition,
    roles: &[Role],
    refs: &TransitionRefs,
) -> Result<String, CaseError> {
    let mut case = get_on(tx, scope, id).await?;
    lock(tx, id).await?;
    if refs.death_certificate_ref.is_some() {
        case.death_certificate_ref = refs.death_certificate_ref.clone();
    }
    if refs.sanction_letter_ref.is_some() {
        case.sanction_letter_ref = refs.sanction_letter_ref.clone();
    }
    let ledger = attendance::ledger_on(tx, &case).await?;
    let guards = case.guards(ledger.totals().remaining);
    let to = lifecycle::apply(case.status, transition, &guards, roles)?;
    let pk = match transition {
        Transition::AssignOfficer => {
            let pk = refs.pk.ok_or(CaseError::NoOfficer)?;
            if !is_office_pk(tx, pk, case.office_id).await? {
                return Err(CaseError::NoOfficer);
            }
            Some(pk)
        }
        _ => case.pk_user_id,
    };
    let summonses = case.summonses_sent + u8::from(transition == Transition::SummonClient);
    sqlx::query(
        "UPDATE cases SET status = $1, termination_reason = $2, summonses_sent = $3,
            death_certificate_ref = $4, sanction_letter_ref = $5, pk_user_id = $6, version = version + 1
         WHERE id = $7",
    )
    .bind(to.as_str())
    .bind(to.termination_reason().map(|r| r.as_str()))
    .bind(i64::from(summonses))
    .bind(&case.death_certificate_ref)
    .bind(&case.sanction_letter_ref)
    .bind(pk.map(|id| id.0))
    .bind(id.0)
    .execute(&mut *tx)
    .await?;
    if to.is_final() {
        // An ended case ends its placements: the work place's supervisor reads the client
        // only while the placement runs, and the partner's place is free again.
        let today = karya_domain::calendar::local_date(store.now(), &case.zone.time_zone());
        sqlx::query("UPDATE placements SET ended_on = $1 WHERE case_id = $2 AND ended_on IS NULL")
            .bind(today.to_string())
            .bind(id.0)
            .execute(&mut *tx)
            .await?;
    }
    if transition == Transition::AssignOfficer {
        crate::sop::stamp(
            tx,
            store,
            id,
            karya_domain::sop::SopKind::PkAppointment,
            &[4],
            actor,
        )
        .await?;
    }
    let mut actor = actor.clone();
    actor.office_id = Some(case.office_id);
    let summary = json!({
        "transition": transition.as_str(),
        "from": case.status.as_str(),
        "to": to.as_str(),
        "termination_reason": to.termination_reason().map(|r| r.as_str()),
        "pk_user_id": pk.map(|id| id.0),
    });
    store
        .audit(
            &mut *tx,
            &actor,
            Event::new("case.transition", "case", id, summary),
        )
        .await?;
    Ok(to.as_str().to_owned())
}

pub(crate) async fn is_office_pk(
    conn: &mut sqlx::AnyConnection,
    user: UserId,
    office: OfficeId,
) -> Result<bool, StoreError> {
    let row: Option<(i64,)> = sqlx::query_as(
        "SELECT u.id FROM users u JOIN user_roles r ON r.user_id = u.id AND r.role = 'pk'
         WHERE u.id = $1 AND u.office_id = $2 AND u.disabled = 0",
    )
    .bind(user.0)
    .bind(office.0)
    .fetch_optional(&mut *conn)
    .await?;
    Ok(row.is_some())
}

/// The facts the lifecycle guards read that later capabilities record through their own
/// flows (the register of G1, the Litmas and its case plan). Until those flows exist, the
/// demo and operators set them here; every change is audited.
#[derive(Debug, Clone, Copy, Default)]
pub struct GuardFacts {
    pub identity_recorded: bool,
    pub litmas_submitted: bool,
    pub case_plan_approved: bool,
}

pub async fn set_guard_facts(
    store: &Store,
    access: &CaseAccess,
    facts: GuardFacts,
) -> Result<(), StoreError> {
    let actor = &access.actor_for(karya_domain::Permission::ActOnLifecycle)?;
    let scope = access.scope();
    let id = access.id();
    let mut tx = store.begin_write().await?;
    let case = get_on(&mut tx, scope, id).await?;
    sqlx::query("UPDATE cases SET identity_recorded = $1, litmas_submitted = $2, case_plan_approved = $3, version = version + 1 WHERE id = $4")
        .bind(i64::from(facts.identity_recorded))
        .bind(i64::from(facts.litmas_submitted))
        .bind(i64::from(facts.case_plan_approved))
        .bind(id.0)
        .execute(&mut *tx)
        .await?;
    let mut actor = actor.clone();
    actor.office_id = Some(case.office_id);
    let summary = json!({
        "identity_recorded": facts.identity_recorded,
        "litmas_submitted": facts.litmas_submitted,
        "case_plan_approved": facts.case_plan_approved,
    });
    store
        .audit(
            &mut tx,
            &actor,
            Event::new("case.guard_facts", "case", id, summary),
        )
        .await?;
    tx.commit().await?;
    Ok(())
}

//! Moving a case through its lifecycle. The domain decides (roles and guards); this takes
//! the case's lock, reads the facts the guards need, stores the new status and audits it.

use karya_domain::{Role, Transition, TransitionError, lifecycle};
use serde_json::json;

use super::{CaseScope, get_on, lock};
use crate::attendance;
use crate::audit::{Actor, Event};
use crate::db::Store;
use crate::error::StoreError;
use crate::ids::CaseId;

#[derive(Debug, thiserror::Error)]
pub enum CaseError {
    #[error(transparent)]
    Refused(#[from] TransitionError),
    #[error(transparent)]
    Store(#[from] StoreError),
}

impl From<sqlx::Error> for CaseError {
    fn from(error: sqlx::Error) -> CaseError {
        CaseError::Store(error.into())
    }
}

/// References a termination needs (T1b, T1c), given with the transition.
#[derive(Debug, Clone, Default)]
pub struct TransitionRefs {
    pub death_certificate_ref: Option<String>,
    pub sanction_letter_ref: Option<String>,
}

/// Applies `transition` to the case as the holder of `roles`; returns the new status name.
pub async fn transition(
    store: &Store,
    actor: &Actor,
    scope: CaseScope,
    id: CaseId,
    transition: Transition,
    roles: &[Role],
    refs: &TransitionRefs,
) -> Result<String, CaseError> {
    let mut tx = store.begin_write().await?;
    let mut case = get_on(&mut tx, scope, id).await?;
    lock(&mut tx, id).await?;
    if refs.death_certificate_ref.is_some() {
        case.death_certificate_ref = refs.death_certificate_ref.clone();
    }
    if refs.sanction_letter_ref.is_some() {
        case.sanction_letter_ref = refs.sanction_letter_ref.clone();
    }
    let ledger = attendance::ledger_on(&mut tx, &case).await?;
    let guards = case.guards(ledger.totals().remaining);
    let to = lifecycle::apply(case.status, transition, &guards, roles)?;
    let summonses = case.summonses_sent + u8::from(transition == Transition::SummonClient);
    sqlx::query(
        "UPDATE cases SET status = $1, termination_reason = $2, summonses_sent = $3,
            death_certificate_ref = $4, sanction_letter_ref = $5, version = version + 1
         WHERE id = $6",
    )
    .bind(to.as_str())
    .bind(to.termination_reason().map(|r| r.as_str()))
    .bind(i64::from(summonses))
    .bind(&case.death_certificate_ref)
    .bind(&case.sanction_letter_ref)
    .bind(id.0)
    .execute(&mut *tx)
    .await?;
    let mut actor = actor.clone();
    actor.office_id = Some(case.office_id);
    let summary = json!({
        "transition": transition.as_str(),
        "from": case.status.as_str(),
        "to": to.as_str(),
        "termination_reason": to.termination_reason().map(|r| r.as_str()),
    });
    store
        .audit(
            &mut tx,
            &actor,
            Event::new("case.transition", "case", id, summary),
        )
        .await?;
    tx.commit().await?;
    Ok(to.as_str().to_owned())
}

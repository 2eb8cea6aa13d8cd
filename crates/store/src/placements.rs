//! The placement of a case at a partner, with the supervisor (PJ) who verifies its daily
//! reports. Minimal for now: the placement capability adds the work form, the schedule and
//! the checks of P1–P10.

use jiff::civil::Date;
use serde_json::json;

use crate::audit::{Actor, Event};
use crate::clock;
use crate::db::Store;
use crate::error::Result;
use crate::ids::{CaseId, PartnerId, UserId};

pub async fn create(
    store: &Store,
    actor: &Actor,
    case: CaseId,
    partner: PartnerId,
    supervisor: Option<UserId>,
    started_on: Date,
) -> Result<i64> {
    let mut tx = store.begin_write().await?;
    let (id,): (i64,) = sqlx::query_as(
        "INSERT INTO placements (case_id, partner_id, supervisor_user_id, started_on, created_at)
         VALUES ($1, $2, $3, $4, $5) RETURNING id",
    )
    .bind(case.0)
    .bind(partner.0)
    .bind(supervisor.map(|id| id.0))
    .bind(started_on.to_string())
    .bind(clock::now_text())
    .fetch_one(&mut *tx)
    .await?;
    let summary =
        json!({"case_id": case.0, "partner_id": partner.0, "started_on": started_on.to_string()});
    store
        .audit(
            &mut tx,
            actor,
            Event::new("placement.create", "placement", id, summary),
        )
        .await?;
    tx.commit().await?;
    Ok(id)
}

/// The partner's name where the case is placed now, if it is.
pub async fn current_partner_name(store: &Store, case: CaseId) -> Result<Option<String>> {
    let row: Option<(String,)> = sqlx::query_as(
        "SELECT p.name FROM placements pl JOIN partners p ON p.id = pl.partner_id
         WHERE pl.case_id = $1 AND pl.ended_on IS NULL ORDER BY pl.id DESC LIMIT 1",
    )
    .bind(case.0)
    .fetch_optional(store.pool())
    .await?;
    Ok(row.map(|(name,)| name))
}

//! The identification steps (§2.1.2 a–d) with their notes, and the agreements (PKS) that
//! make a partner active. The domain decides the order (`karya_domain::partner`).

use jiff::civil::Date;
use karya_domain::Violation;
use karya_domain::partner::{Stage, check_advance, check_agreement, check_agreement_dates};
use serde_json::json;

use crate::access::OfficeAccess;
use crate::audit::Event;
use crate::db::Store;
use crate::error::StoreError;
use crate::ids::{OfficeId, PartnerId};

#[derive(Debug, thiserror::Error)]
pub enum PartnerError {
    #[error(transparent)]
    Rule(#[from] Violation),
    #[error(transparent)]
    Store(#[from] StoreError),
}

impl From<sqlx::Error> for PartnerError {
    fn from(error: sqlx::Error) -> PartnerError {
        PartnerError::Store(error.into())
    }
}

/// One recorded step, for the partner's history.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Step {
    pub stage: String,
    pub note: String,
    pub done_on: String,
    pub done_by_name: String,
}

async fn stage_of(
    conn: &mut sqlx::AnyConnection,
    office: OfficeId,
    id: PartnerId,
) -> Result<(Stage, bool), PartnerError> {
    let row: Option<(String, i64)> = sqlx::query_as(
        "SELECT stage, non_commercial FROM partners WHERE office_id = $1 AND id = $2",
    )
    .bind(office.0)
    .bind(id.0)
    .fetch_optional(&mut *conn)
    .await?;
    let (stage, non_commercial) = row.ok_or(StoreError::NotFound)?;
    let stage = Stage::parse(&stage)
        .ok_or_else(|| StoreError::Other(anyhow::anyhow!("stored partner stage is unreadable")))?;
    Ok((stage, non_commercial != 0))
}

async fn set_stage(
    conn: &mut sqlx::AnyConnection,
    id: PartnerId,
    stage: Stage,
) -> Result<(), PartnerError> {
    sqlx::query("UPDATE partners SET stage = $1, version = version + 1 WHERE id = $2")
        .bind(stage.as_str())
        .bind(id.0)
        .execute(&mut *conn)
        .await?;
    Ok(())
}

/// Records the next identification step (or the end of the cooperation) with its notes.
pub async fn record_step(
    store: &Store,
    office: &OfficeAccess,
    id: PartnerId,
    to: Stage,
    note: &str,
    done_on: Date,
) -> Result<(), PartnerError> {
    let (actor, office) = (office.actor(), office.office());
    let mut tx = store.begin_write().await?;
    let (from, _) = stage_of(&mut tx, office, id).await?;
    check_advance(from, to)?;
    sqlx::query(
        "INSERT INTO partner_steps (partner_id, stage, note, done_on, done_by, created_at) VALUES ($1, $2, $3, $4, $5, $6)",
    )
    .bind(id.0)
    .bind(to.as_str())
    .bind(note)
    .bind(done_on.to_string())
    .bind(actor.user_id.map(|u| u.0))
    .bind(store.now_text())
    .execute(&mut *tx)
    .await?;
    set_stage(&mut tx, id, to).await?;
    let summary = json!({"from": from.as_str(), "to": to.as_str(), "done_on": done_on.to_string()});
    store
        .audit_in(
            &mut tx,
            actor,
            office,
            Event::new("partner.step", "partner", id.0, summary),
        )
        .await?;
    tx.commit().await?;
    Ok(())
}

/// Records a signed agreement (PKS) and makes the partner active (L3: only a partner that
/// declared itself non-commercial).
pub async fn record_agreement(
    store: &Store,
    office: &OfficeAccess,
    id: PartnerId,
    number: &str,
    starts_on: Date,
    ends_on: Date,
) -> Result<(), PartnerError> {
    let (actor, office) = (office.actor(), office.office());
    check_agreement_dates(starts_on, ends_on)?;
    let mut tx = store.begin_write().await?;
    let (stage, non_commercial) = stage_of(&mut tx, office, id).await?;
    check_agreement(stage, non_commercial)?;
    let (agreement,): (i64,) = sqlx::query_as(
        "INSERT INTO agreements (partner_id, number, starts_on, ends_on, created_by, created_at)
         VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
    )
    .bind(id.0)
    .bind(number)
    .bind(starts_on.to_string())
    .bind(ends_on.to_string())
    .bind(actor.user_id.map(|u| u.0))
    .bind(store.now_text())
    .fetch_one(&mut *tx)
    .await?;
    set_stage(&mut tx, id, Stage::Active).await?;
    let summary = json!({
        "agreement_id": agreement,
        "number": number,
        "starts_on": starts_on.to_string(),
        "ends_on": ends_on.to_string(),
    });
    store
        .audit_in(
            &mut tx,
            actor,
            office,
            Event::new("partner.agreement", "partner", id.0, summary),
        )
        .await?;
    tx.commit().await?;
    Ok(())
}

/// The partner's recorded steps, oldest first.
pub async fn steps(
    store: &Store,
    office: &OfficeAccess,
    id: PartnerId,
) -> Result<Vec<Step>, StoreError> {
    let office = office.office();
    Ok(sqlx::query_as(
        "SELECT s.stage, s.note, s.done_on, u.display_name AS done_by_name
         FROM partner_steps s JOIN partners p ON p.id = s.partner_id JOIN users u ON u.id = s.done_by
         WHERE p.office_id = $1 AND s.partner_id = $2 ORDER BY s.id",
    )
    .bind(office.0)
    .bind(id.0)
    .fetch_all(store.pool())
    .await?)
}

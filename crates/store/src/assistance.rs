//! Assistance records (seed §2.3.1 a–e) and the initial report to the head of office: the
//! store persists what the domain's checks allowed (`karya_domain::assistance`), each in one
//! transaction with its audit event and the SOP step it performs.

use jiff::civil::Date;
use karya_domain::Permission;
use karya_domain::assistance::{self as rules, AssistanceStep};
use serde_json::json;

use crate::access::CaseAccess;
use crate::audit::Event;
use crate::cases::{CaseError, get_on, lock};
use crate::db::Store;
use crate::error::{Result, StoreError};

/// One recorded step, with who did it and who acknowledged it.
#[derive(Debug, Clone)]
pub struct Record {
    pub step: AssistanceStep,
    pub done_on: Date,
    pub note: String,
    pub recorded_by: String,
    pub acknowledged_by: Option<String>,
    pub acknowledged_at: Option<String>,
}

type Row = (
    String,
    String,
    String,
    String,
    Option<String>,
    Option<String>,
);

/// The case's assistance records, oldest first.
pub async fn for_case(store: &Store, access: &CaseAccess) -> Result<Vec<Record>> {
    if !access.may(Permission::ReadCases) {
        return Err(StoreError::Forbidden);
    }
    let rows: Vec<Row> = sqlx::query_as(
        "SELECT a.step, a.done_on, a.note, r.display_name, k.display_name, a.acknowledged_at
         FROM assistance_records a JOIN users r ON r.id = a.recorded_by
         LEFT JOIN users k ON k.id = a.acknowledged_by
         WHERE a.case_id = $1 ORDER BY a.done_on, a.id",
    )
    .bind(access.id().0)
    .fetch_all(store.pool())
    .await?;
    let corrupt = || StoreError::Other(anyhow::anyhow!("stored assistance record is unreadable"));
    rows.into_iter()
        .map(|(step, done_on, note, by, ack_by, ack_at)| {
            Ok(Record {
                step: AssistanceStep::parse(&step).ok_or_else(corrupt)?,
                done_on: done_on.parse().map_err(|_| corrupt())?,
                note,
                recorded_by: by,
                acknowledged_by: ack_by,
                acknowledged_at: ack_at,
            })
        })
        .collect()
}

/// Records a step the PK did on `done_on` (checked against the domain's rules and the steps
/// already recorded); audited, and stamped as its SOP step when it is one.
pub async fn record(
    store: &Store,
    access: &CaseAccess,
    step: AssistanceStep,
    done_on: Date,
    today: Date,
    note: &str,
) -> std::result::Result<(), CaseError> {
    let actor = access.actor_for(Permission::RecordAssistance)?;
    let case_id = access.id();
    let mut tx = store.begin_write().await?;
    let case = get_on(&mut tx, access.scope(), case_id).await?;
    lock(&mut tx, case_id).await?;
    let recorded: Vec<(String,)> =
        sqlx::query_as("SELECT DISTINCT step FROM assistance_records WHERE case_id = $1")
            .bind(case_id.0)
            .fetch_all(&mut *tx)
            .await?;
    let recorded: Vec<AssistanceStep> = recorded
        .iter()
        .filter_map(|(s,)| AssistanceStep::parse(s))
        .collect();
    rules::check_record(step, done_on, today, note, &recorded)?;
    let (id,): (i64,) = sqlx::query_as(
        "INSERT INTO assistance_records (case_id, step, done_on, note, recorded_by, recorded_at)
         VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
    )
    .bind(case_id.0)
    .bind(step.as_str())
    .bind(done_on.to_string())
    .bind(note.trim())
    .bind(access.user().id.0)
    .bind(store.now_text())
    .fetch_one(&mut *tx)
    .await?;
    if let Some((sop, number)) = step.recorded_stamp() {
        crate::sop::stamp(&mut tx, store, case_id, sop, &[number], &actor).await?;
    }
    let summary =
        json!({"case_id": case_id.0, "step": step.as_str(), "done_on": done_on.to_string()});
    store
        .audit_in(
            &mut tx,
            &actor,
            case.office_id,
            Event::new("assistance.record", "assistance", id, summary),
        )
        .await?;
    tx.commit().await?;
    Ok(())
}

/// The client acknowledges the explanation of their rights and obligations, or the head of
/// office the initial report: the latest record of `step`, once.
pub async fn acknowledge(
    store: &Store,
    access: &CaseAccess,
    step: AssistanceStep,
) -> std::result::Result<(), CaseError> {
    let actor = access.actor_for(Permission::AcknowledgeAssistance)?;
    let role = access
        .role_for(Permission::AcknowledgeAssistance)
        .ok_or(StoreError::Forbidden)?;
    let case_id = access.id();
    let mut tx = store.begin_write().await?;
    let case = get_on(&mut tx, access.scope(), case_id).await?;
    lock(&mut tx, case_id).await?;
    let latest: Option<(i64, Option<String>)> = sqlx::query_as(
        "SELECT id, acknowledged_at FROM assistance_records WHERE case_id = $1 AND step = $2
         ORDER BY id DESC LIMIT 1",
    )
    .bind(case_id.0)
    .bind(step.as_str())
    .fetch_optional(&mut *tx)
    .await?;
    rules::check_acknowledgement(step, role, latest.as_ref().map(|(_, at)| at.is_some()))?;
    let Some((id, _)) = latest else {
        return Err(StoreError::NotFound.into());
    };
    sqlx::query(
        "UPDATE assistance_records SET acknowledged_by = $1, acknowledged_at = $2 WHERE id = $3",
    )
    .bind(access.user().id.0)
    .bind(store.now_text())
    .bind(id)
    .execute(&mut *tx)
    .await?;
    if let Some((sop, number)) = step.acknowledged_stamp() {
        crate::sop::stamp(&mut tx, store, case_id, sop, &[number], &actor).await?;
    }
    store
        .audit_in(
            &mut tx,
            &actor,
            case.office_id,
            Event::new(
                "assistance.acknowledge",
                "assistance",
                id,
                json!({"case_id": case_id.0, "step": step.as_str()}),
            ),
        )
        .await?;
    tx.commit().await?;
    Ok(())
}

//! Complaints (§1.6, principle 3): a client may complain, and the complaint reaches the head
//! of office, not only the client's PK. Filing and reading are audited; the text is not put
//! in the audit trail (it may hold personal matters).

use serde_json::json;

use crate::access::CaseAccess;
use crate::access::OfficeAccess;
use crate::audit::Event;
use crate::cases::get_on;
use crate::db::Store;
use crate::error::{Result, StoreError};

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Complaint {
    pub id: i64,
    pub case_id: i64,
    pub client_name: String,
    pub body: String,
    pub filed_at: String,
    pub read_at: Option<String>,
}

pub async fn file(store: &Store, access: &CaseAccess, body: &str) -> Result<i64> {
    let actor = &access.actor_for(karya_domain::Permission::FileComplaints)?;
    let scope = access.scope();
    let case = access.id();
    let mut tx = store.begin_write().await?;
    let found = get_on(&mut tx, scope, case).await?;
    let (id,): (i64,) = sqlx::query_as(
        "INSERT INTO complaints (case_id, office_id, body, filed_by, filed_at) VALUES ($1, $2, $3, $4, $5) RETURNING id",
    )
    .bind(case.0)
    .bind(found.office_id.0)
    .bind(body)
    .bind(actor.user_id.map(|u| u.0))
    .bind(store.now_text())
    .fetch_one(&mut *tx)
    .await?;
    store
        .audit_in(
            &mut tx,
            actor,
            found.office_id,
            Event::new(
                "complaint.file",
                "complaint",
                id,
                json!({"case_id": case.0}),
            ),
        )
        .await?;
    tx.commit().await?;
    Ok(id)
}

/// The office's complaints not yet read, oldest first. Listed outside the case page, a
/// child client is named by initials (`karya_domain::child`).
pub async fn unread(store: &Store, office: &OfficeAccess) -> Result<Vec<Complaint>> {
    #[derive(sqlx::FromRow)]
    struct Row {
        #[sqlx(flatten)]
        complaint: Complaint,
        birth_date: Option<String>,
        date_final: String,
    }
    let office = office.office();
    let rows: Vec<Row> = sqlx::query_as(
        "SELECT k.id, k.case_id, p.full_name AS client_name, p.birth_date, c.date_final, k.body,
            k.filed_at, k.read_at
         FROM complaints k JOIN cases c ON c.id = k.case_id JOIN persons p ON p.id = c.person_id
         WHERE k.office_id = $1 AND k.read_at IS NULL ORDER BY k.id",
    )
    .bind(office.0)
    .fetch_all(store.pool())
    .await?;
    Ok(rows
        .into_iter()
        .map(|row| {
            let mut complaint = row.complaint;
            complaint.client_name = crate::register::listed_name_on_record(
                &complaint.client_name,
                row.birth_date.as_deref(),
                &row.date_final,
            );
            complaint
        })
        .collect())
}

/// The case's complaints, newest first (the client sees their own, the office all).
pub async fn for_case(store: &Store, access: &CaseAccess) -> Result<Vec<Complaint>> {
    let scope = access.scope();
    let case = access.id();
    let mut conn = store.pool().acquire().await?;
    get_on(&mut conn, scope, case).await?;
    Ok(sqlx::query_as(
        "SELECT k.id, k.case_id, p.full_name AS client_name, k.body, k.filed_at, k.read_at
         FROM complaints k JOIN cases c ON c.id = k.case_id JOIN persons p ON p.id = c.person_id
         WHERE k.case_id = $1 ORDER BY k.id DESC",
    )
    .bind(case.0)
    .fetch_all(&mut *conn)
    .await?)
}

/// The head of office marks a complaint of their office read.
pub async fn mark_read(store: &Store, office: &OfficeAccess, id: i64) -> Result<()> {
    let (actor, office) = (office.actor(), office.office());
    let mut tx = store.begin_write().await?;
    let updated = sqlx::query(
        "UPDATE complaints SET read_by = $1, read_at = $2 WHERE id = $3 AND office_id = $4 AND read_at IS NULL",
    )
    .bind(actor.user_id.map(|u| u.0))
    .bind(store.now_text())
    .bind(id)
    .bind(office.0)
    .execute(&mut *tx)
    .await?;
    if updated.rows_affected() == 0 {
        return Err(StoreError::NotFound);
    }
    store
        .audit_in(
            &mut tx,
            actor,
            office,
            Event::new("complaint.read", "complaint", id, json!({})),
        )
        .await?;
    tx.commit().await?;
    Ok(())
}

//! The PK's visits to the client's home or work place (case plan item 7) and, at each visit to
//! the work place, the attitude assessment of B6 (Annex IV). Every record is audited; the
//! answers are kept as the domain encodes them.

use jiff::civil::Date;
use serde_json::json;

use crate::access::CaseAccess;
use crate::audit::Event;
use crate::cases::get_on;
use crate::db::Store;
use crate::error::Result;

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Visit {
    pub id: i64,
    /// `home` or `work_place`.
    pub kind: String,
    pub visited_on: String,
    pub note: String,
    /// Ten `Y`/`N` answers to the B6 indicators, at a work-place visit.
    pub answers: Option<String>,
    /// The PK's note per indicator, one per line.
    pub answer_notes: String,
    pub visited_by_name: String,
}

impl Visit {
    pub fn answers(&self) -> Option<[bool; 10]> {
        self.answers
            .as_deref()
            .and_then(karya_domain::attitude::decode)
    }
}

/// A visit as recorded by the PK.
#[derive(Debug, Clone)]
pub struct NewVisit {
    pub work_place: bool,
    pub visited_on: Date,
    pub note: String,
    /// The B6 answers, required at a work-place visit.
    pub answers: Option<[bool; 10]>,
    pub answer_notes: Vec<String>,
}

pub async fn record(store: &Store, access: &CaseAccess, visit: &NewVisit) -> Result<i64> {
    let actor = &access.actor_for(karya_domain::Permission::RecordVisits)?;
    let scope = access.scope();
    let case = access.id();
    let mut tx = store.begin_write().await?;
    let found = get_on(&mut tx, scope, case).await?;
    let (id,): (i64,) = sqlx::query_as(
        "INSERT INTO visits (case_id, kind, visited_on, note, answers, answer_notes, visited_by, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id",
    )
    .bind(case.0)
    .bind(if visit.work_place { "work_place" } else { "home" })
    .bind(visit.visited_on.to_string())
    .bind(&visit.note)
    .bind(visit.answers.as_ref().map(karya_domain::attitude::encode))
    .bind(visit.answer_notes.join("\n"))
    .bind(actor.user_id.map(|u| u.0))
    .bind(store.now_text())
    .fetch_one(&mut *tx)
    .await?;
    let summary = json!({
        "case_id": case.0,
        "work_place": visit.work_place,
        "score": visit.answers.as_ref().map(karya_domain::attitude::score),
    });
    store
        .audit_in(
            &mut tx,
            actor,
            found.office_id,
            Event::new("visit.record", "case", case, summary),
        )
        .await?;
    tx.commit().await?;
    Ok(id)
}

/// The case's visits, oldest first (the trend reads left to right).
pub async fn for_case(store: &Store, access: &CaseAccess) -> Result<Vec<Visit>> {
    access.actor_for(karya_domain::Permission::ReadVisits)?;
    let scope = access.scope();
    let case = access.id();
    let mut conn = store.pool().acquire().await?;
    get_on(&mut conn, scope, case).await?;
    Ok(sqlx::query_as(
        "SELECT v.id, v.kind, v.visited_on, v.note, v.answers, v.answer_notes, u.display_name AS visited_by_name
         FROM visits v JOIN users u ON u.id = v.visited_by WHERE v.case_id = $1 ORDER BY v.visited_on, v.id",
    )
    .bind(case.0)
    .fetch_all(&mut *conn)
    .await?)
}

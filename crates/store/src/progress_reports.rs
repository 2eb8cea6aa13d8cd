//! Guidance-progress reports (S1, S2, S4, B8). The store reads what the domain drafts from
//! (the ledger, visits, guidance, behaviour, stages, accepted good conduct), keeps each
//! report with the facts as drafted and the PK's narrative, and on the head's approval stores
//! the issued document in the same transaction (B8). Every act is audited.

use jiff::civil::Date;
use karya_domain::Permission;
use karya_domain::calendar::local_date;
use karya_domain::guidance::{BehaviourKind, ChangeStage, GuidanceKind};
use karya_domain::progress_report::{
    self as rules, BehaviourNote, DuePoint, Narrative, ProgressFacts, Records, ReportStage,
};
use karya_domain::rule::Violations;
use serde_json::json;

use crate::access::CaseAccess;
use crate::attendance::ledger_on;
use crate::audit::Event;
use crate::cases::{Case, get_on, lock};
use crate::db::Store;
use crate::documents::{Issued, ToIssue, render, store_on};
use crate::error::{Result, StoreError};
use crate::supervision::SupervisionError;

/// A written report as kept.
#[derive(Debug, Clone)]
pub struct ProgressReport {
    pub id: i64,
    pub due_on: Date,
    pub facts: ProgressFacts,
    pub narrative: Narrative,
    pub stage: ReportStage,
    pub written_by: String,
    pub written_at: String,
    pub review_note: Option<String>,
    pub reviewed_by: Option<String>,
    /// The issued document once approved (B8).
    pub document_id: Option<i64>,
}

/// The reports of a case: what it owes and what was written.
#[derive(Debug, Clone)]
pub struct ReportBook {
    /// The office's period, in months.
    pub months: u8,
    /// Every report the window owes, in order.
    pub points: Vec<DuePoint>,
    /// Newest first.
    pub written: Vec<ProgressReport>,
}

impl ReportBook {
    /// The days of the reports sent to the head and not returned.
    pub fn written_days(&self) -> Vec<Date> {
        self.written
            .iter()
            .filter(|r| r.stage != ReportStage::Returned)
            .map(|r| r.due_on)
            .collect()
    }

    /// The report the PK writes next (S4), if one has fallen due.
    pub fn next_to_write(&self, today: Date) -> Option<DuePoint> {
        rules::next_to_write(&self.points, &self.written_days(), today)
    }
}

fn corrupt() -> StoreError {
    StoreError::Other(anyhow::anyhow!("stored progress report is unreadable"))
}

#[derive(sqlx::FromRow)]
struct Row {
    id: i64,
    due_on: String,
    facts: String,
    progress: String,
    obstacles: String,
    next_steps: String,
    stage: String,
    written_by: String,
    written_at: String,
    review_note: Option<String>,
    reviewed_by: Option<String>,
    document_id: Option<i64>,
}

impl Row {
    fn into_report(self) -> Result<ProgressReport> {
        Ok(ProgressReport {
            id: self.id,
            due_on: self.due_on.parse().map_err(|_| corrupt())?,
            facts: serde_json::from_str(&self.facts).map_err(|_| corrupt())?,
            narrative: Narrative {
                progress: self.progress,
                obstacles: self.obstacles,
                next_steps: self.next_steps,
            },
            stage: ReportStage::parse(&self.stage).ok_or_else(corrupt)?,
            written_by: self.written_by,
            written_at: self.written_at,
            review_note: self.review_note,
            reviewed_by: self.reviewed_by,
            document_id: self.document_id,
        })
    }
}

async fn written_on(conn: &mut sqlx::AnyConnection, case: i64) -> Result<Vec<ProgressReport>> {
    let rows: Vec<Row> = sqlx::query_as(
        "SELECT p.id, p.due_on, p.facts, p.progress, p.obstacles, p.next_steps, p.stage,
                w.display_name AS written_by, p.written_at, p.review_note,
                r.display_name AS reviewed_by, p.document_id
         FROM progress_reports p JOIN users w ON w.id = p.written_by
         LEFT JOIN users r ON r.id = p.reviewed_by
         WHERE p.case_id = $1 ORDER BY p.due_on DESC",
    )
    .bind(case)
    .fetch_all(&mut *conn)
    .await?;
    rows.into_iter().map(Row::into_report).collect()
}

/// The office's period of progress reports, in months.
async fn months_on(conn: &mut sqlx::AnyConnection, case: &Case) -> Result<u8> {
    let (months,): (i64,) =
        sqlx::query_as("SELECT progress_report_months FROM offices WHERE id = $1")
            .bind(case.office_id.0)
            .fetch_one(&mut *conn)
            .await?;
    Ok(u8::try_from(months).unwrap_or(rules::DEFAULT_PERIOD_MONTHS))
}

async fn book_on(conn: &mut sqlx::AnyConnection, case: &Case) -> Result<ReportBook> {
    let months = months_on(conn, case).await?;
    Ok(ReportBook {
        months,
        points: rules::schedule(&case.window, months),
        written: written_on(conn, case.id.0).await?,
    })
}

/// The case's reports, owed and written.
pub async fn book(store: &Store, access: &CaseAccess) -> Result<ReportBook> {
    access.actor_for(Permission::ReadGuidance)?;
    let mut conn = store.pool().acquire().await?;
    let case = get_on(&mut conn, access.scope(), access.id()).await?;
    book_on(&mut conn, &case).await
}

/// The days of the reports a case has sent to the head and not had returned (the work lists).
pub(crate) async fn written_days_for(store: &Store, case: &Case) -> Result<(u8, Vec<Date>)> {
    let mut conn = store.pool().acquire().await?;
    let months = months_on(&mut conn, case).await?;
    let rows: Vec<(String,)> = sqlx::query_as(
        "SELECT due_on FROM progress_reports WHERE case_id = $1 AND stage <> 'returned'",
    )
    .bind(case.id.0)
    .fetch_all(&mut *conn)
    .await?;
    let days = rows
        .into_iter()
        .map(|(d,)| d.parse().map_err(|_| corrupt()))
        .collect::<Result<Vec<Date>>>()?;
    Ok((months, days))
}

/// Drafts the facts of `point` from the case's records (the domain decides what they say).
async fn draft_on(
    conn: &mut sqlx::AnyConnection,
    case: &Case,
    point: &DuePoint,
) -> Result<ProgressFacts> {
    let ledger = ledger_on(&mut *conn, case).await?;
    let zone = case.zone.time_zone();
    let id = case.id.0;
    let day = |text: &str| text.parse::<Date>().map_err(|_| corrupt());
    let rows: Vec<(String, Option<String>)> = sqlx::query_as(
        "SELECT visited_on, answers FROM visits WHERE case_id = $1 AND answers IS NOT NULL
         ORDER BY visited_on, id",
    )
    .bind(id)
    .fetch_all(&mut *conn)
    .await?;
    let mut visits = Vec::with_capacity(rows.len());
    for (on, answers) in rows {
        if let Some(answers) = answers.as_deref().and_then(karya_domain::attitude::decode) {
            visits.push((day(&on)?, karya_domain::attitude::score(&answers)));
        }
    }
    let rows: Vec<(String, String)> =
        sqlx::query_as("SELECT held_on, kind FROM guidance_activities WHERE case_id = $1")
            .bind(id)
            .fetch_all(&mut *conn)
            .await?;
    let activities = rows
        .iter()
        .map(|(on, kind)| Ok((day(on)?, GuidanceKind::parse(kind).ok_or_else(corrupt)?)))
        .collect::<Result<Vec<_>>>()?;
    let rows: Vec<(String, String, String)> = sqlx::query_as(
        "SELECT happened_on, kind, description FROM behaviour_entries WHERE case_id = $1",
    )
    .bind(id)
    .fetch_all(&mut *conn)
    .await?;
    let behaviour = rows
        .into_iter()
        .map(|(on, kind, description)| {
            Ok(BehaviourNote {
                on: day(&on)?,
                kind: BehaviourKind::parse(&kind).ok_or_else(corrupt)?,
                description,
            })
        })
        .collect::<Result<Vec<_>>>()?;
    let rows: Vec<(String, String, String)> = sqlx::query_as(
        "SELECT set_at, stage, movement FROM change_stages WHERE case_id = $1 ORDER BY id",
    )
    .bind(id)
    .fetch_all(&mut *conn)
    .await?;
    let stages = rows
        .iter()
        .map(|(at, stage, movement)| {
            let at: jiff::Timestamp = at.parse().map_err(|_| corrupt())?;
            Ok((
                local_date(at, &zone),
                ChangeStage::parse(stage).ok_or_else(corrupt)?,
                movement == "relapse",
            ))
        })
        .collect::<Result<Vec<_>>>()?;
    let rows: Vec<(String, String)> = sqlx::query_as(
        "SELECT decided_on, findings FROM examinations
         WHERE case_id = $1 AND accepted = 1 AND recommendation = 'good_conduct'
           AND decided_on IS NOT NULL AND findings IS NOT NULL",
    )
    .bind(id)
    .fetch_all(&mut *conn)
    .await?;
    let good_conduct = rows
        .into_iter()
        .map(|(on, findings)| Ok((day(&on)?, findings)))
        .collect::<Result<Vec<_>>>()?;
    Ok(rules::draft(
        point,
        &Records {
            ledger: &ledger,
            visits: &visits,
            activities: &activities,
            behaviour: &behaviour,
            stages: &stages,
            good_conduct: &good_conduct,
        },
    ))
}

/// The draft of the report due on `due_on`, as the PK would send it now.
pub async fn draft(store: &Store, access: &CaseAccess, due_on: Date) -> Result<ProgressFacts> {
    access.actor_for(Permission::ReadGuidance)?;
    let mut conn = store.pool().acquire().await?;
    let case = get_on(&mut conn, access.scope(), access.id()).await?;
    let book = book_on(&mut conn, &case).await?;
    let point = book
        .points
        .iter()
        .find(|p| p.on == due_on)
        .ok_or(StoreError::NotFound)?;
    draft_on(&mut conn, &case, point).await
}

/// The PK writes (or, after a return, rewrites) the report due on `due_on` and sends it to
/// the head (S4): drafted from the records as they stand, with the PK's narrative.
pub async fn write(
    store: &Store,
    access: &CaseAccess,
    due_on: Date,
    narrative: &Narrative,
    today: Date,
) -> std::result::Result<i64, SupervisionError> {
    let actor = access.actor_for(Permission::WriteProgressReports)?;
    let mut tx = store.begin_write().await?;
    let case = get_on(&mut tx, access.scope(), access.id()).await?;
    lock(&mut tx, case.id).await?;
    let book = book_on(&mut tx, &case).await?;
    let point = *book
        .points
        .iter()
        .find(|p| p.on == due_on)
        .ok_or(StoreError::NotFound)?;
    let earlier = book.written.iter().find(|r| r.due_on == due_on);
    let mut found = Violations::default();
    if let Err(v) = rules::check_write(due_on, today, earlier.map(|r| r.stage)) {
        found.0.push(v);
    }
    if let Err(more) = rules::check_narrative(narrative) {
        found.0.extend(more.0);
    }
    if !found.is_empty() {
        return Err(SupervisionError::Rules(found));
    }
    let facts = draft_on(&mut tx, &case, &point).await?;
    let facts_json = serde_json::to_string(&facts).map_err(|e| StoreError::Other(e.into()))?;
    let now = store.now_text();
    let id = match earlier {
        Some(returned) => {
            sqlx::query(
                "UPDATE progress_reports SET facts = $1, progress = $2, obstacles = $3,
                    next_steps = $4, stage = 'submitted', written_by = $5, written_at = $6
                 WHERE id = $7",
            )
            .bind(&facts_json)
            .bind(narrative.progress.trim())
            .bind(narrative.obstacles.trim())
            .bind(narrative.next_steps.trim())
            .bind(access.user().id.0)
            .bind(&now)
            .bind(returned.id)
            .execute(&mut *tx)
            .await?;
            returned.id
        }
        None => {
            let (id,): (i64,) = sqlx::query_as(
                "INSERT INTO progress_reports (case_id, due_on, facts, progress, obstacles,
                    next_steps, stage, written_by, written_at)
                 VALUES ($1, $2, $3, $4, $5, $6, 'submitted', $7, $8) RETURNING id",
            )
            .bind(case.id.0)
            .bind(due_on.to_string())
            .bind(&facts_json)
            .bind(narrative.progress.trim())
            .bind(narrative.obstacles.trim())
            .bind(narrative.next_steps.trim())
            .bind(access.user().id.0)
            .bind(&now)
            .fetch_one(&mut *tx)
            .await?;
            id
        }
    };
    store
        .audit_in(
            &mut tx,
            &actor,
            case.office_id,
            Event::new(
                "progress_report.write",
                "progress_report",
                id,
                json!({"case_id": case.id.0, "due_on": due_on.to_string(),
                       "rewritten": earlier.is_some()}),
            ),
        )
        .await?;
    tx.commit().await?;
    Ok(id)
}

/// The report as written, for the head's document (approved or not).
pub async fn get(store: &Store, access: &CaseAccess, id: i64) -> Result<ProgressReport> {
    access.actor_for(Permission::ReadGuidance)?;
    let mut conn = store.pool().acquire().await?;
    let case = get_on(&mut conn, access.scope(), access.id()).await?;
    written_on(&mut conn, case.id.0)
        .await?
        .into_iter()
        .find(|r| r.id == id)
        .ok_or(StoreError::NotFound)
}

/// The head reviews a submitted report (S4): returns it with a note, or approves it and
/// the document to the prosecutor and the court is stored with the approval (B8). The
/// document renders before the write transaction (a refused review takes no number: the
/// stage is checked first, and again under the lock).
pub async fn review<F>(
    store: &Store,
    access: &CaseAccess,
    id: i64,
    note: &str,
    approval: Option<(ToIssue<'_>, F)>,
) -> std::result::Result<Option<Issued>, SupervisionError>
where
    F: FnOnce(&str, &str) -> anyhow::Result<Vec<u8>> + Send + 'static,
{
    let actor = access.actor_for(Permission::ReviewProgressReports)?;
    let approve = approval.is_some();
    let current = get(store, access, id).await?;
    rules::check_review(current.stage, approve, note)?;
    if approval
        .as_ref()
        .is_some_and(|(doc, _)| doc.case != Some(access.id()) || doc.office != access.office_id())
    {
        return Err(StoreError::Forbidden.into());
    }
    let (document, rendered) = match approval {
        Some((doc, render_with)) => {
            let rendered = render(store, &doc, render_with).await?;
            (Some(doc), Some(rendered))
        }
        None => (None, None),
    };
    let mut tx = store.begin_write().await?;
    let case = get_on(&mut tx, access.scope(), access.id()).await?;
    lock(&mut tx, case.id).await?;
    let now_stage = written_on(&mut tx, case.id.0)
        .await?
        .into_iter()
        .find(|r| r.id == id)
        .ok_or(StoreError::NotFound)?
        .stage;
    let next = rules::check_review(now_stage, approve, note)?;
    let issued = match (document, rendered) {
        (Some(doc), Some(rendered)) => {
            Some(store_on(&mut tx, store, &actor, Some(access.scope()), &doc, rendered).await?)
        }
        _ => None,
    };
    sqlx::query(
        "UPDATE progress_reports SET stage = $1, review_note = $2, reviewed_by = $3,
            reviewed_at = $4, document_id = $5
         WHERE id = $6",
    )
    .bind(next.as_str())
    .bind(Some(note.trim()).filter(|n| !n.is_empty()))
    .bind(access.user().id.0)
    .bind(store.now_text())
    .bind(issued.as_ref().map(|d| d.id))
    .bind(id)
    .execute(&mut *tx)
    .await?;
    store
        .audit_in(
            &mut tx,
            &actor,
            case.office_id,
            Event::new(
                if approve {
                    "progress_report.approve"
                } else {
                    "progress_report.return"
                },
                "progress_report",
                id,
                json!({"case_id": case.id.0, "document_id": issued.as_ref().map(|d| d.id)}),
            ),
        )
        .await?;
    tx.commit().await?;
    Ok(issued)
}

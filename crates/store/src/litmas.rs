//! The Litmas and its case plan (§2.2.5–2.2.6): the PK records earlier interventions,
//! writes the sections and submits them complete; the head of office approves, which moves
//! the case to `assessed` in the same transaction. An approved version is locked: it is kept
//! in `litmas_approved` as the head approved it, and editing starts the next version, which
//! needs its own approval.

use karya_domain::Transition;
use karya_domain::litmas::Sections;
use serde_json::json;

use crate::access::CaseAccess;
use crate::audit::Event;
use crate::cases::{CaseError, TransitionRefs, get_on, lock, transition_on};
use crate::db::Store;
use crate::error::{Result, StoreError};

/// A Litmas as stored.
#[derive(Debug, Clone)]
pub struct Litmas {
    /// The version being written or last approved (1, 2, …).
    pub version: i64,
    pub sections: Sections,
    pub written_by_name: String,
    pub written_at: String,
    /// Submitted complete to the head (the case's `litmas_submitted` fact).
    pub submitted: bool,
    pub approved_by_name: Option<String>,
    pub approved_at: Option<String>,
    /// The latest approved version, as approved; while a newer version is being written this
    /// is the one in force and the one printed.
    pub in_force: Option<Approved>,
}

/// An approved version of a Litmas, locked.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Approved {
    pub version: i64,
    #[sqlx(skip)]
    pub sections: Sections,
    #[sqlx(rename = "sections")]
    text: String,
    pub written_by_name: String,
    pub approved_by_name: String,
    pub approved_at: String,
}

/// An earlier intervention (§2.2.5): a previous Litmas, case plan or programme and its result.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Intervention {
    pub id: i64,
    pub kind: String,
    pub happened_on: String,
    pub result: String,
    pub source: String,
}

#[derive(Debug, thiserror::Error)]
pub enum LitmasError {
    /// Fields still empty, by form field name.
    #[error("the Litmas is incomplete")]
    Incomplete(Vec<&'static str>),
    /// Nothing awaits approval: no Litmas, a draft, or one already approved.
    #[error("there is no submitted Litmas to approve")]
    NotSubmitted,
    #[error(transparent)]
    Case(#[from] CaseError),
}

crate::cases::into_case_error!(LitmasError);

#[derive(sqlx::FromRow)]
struct Row {
    version: i64,
    sections: String,
    written_by_name: String,
    written_at: String,
    approved_by_name: Option<String>,
    approved_at: Option<String>,
    litmas_submitted: i64,
}

pub async fn get(store: &Store, access: &CaseAccess) -> Result<Option<Litmas>> {
    access.actor_for(karya_domain::Permission::ReadLitmas)?;
    let scope = access.scope();
    let case = access.id();
    let mut conn = store.pool().acquire().await?;
    get_on(&mut conn, scope, case).await?;
    let row: Option<Row> = sqlx::query_as(
        "SELECT l.version, l.sections, w.display_name AS written_by_name, l.written_at,
                a.display_name AS approved_by_name, l.approved_at, c.litmas_submitted
         FROM litmas l JOIN users w ON w.id = l.written_by LEFT JOIN users a ON a.id = l.approved_by
         JOIN cases c ON c.id = l.case_id
         WHERE l.case_id = $1",
    )
    .bind(case.0)
    .fetch_optional(&mut *conn)
    .await?;
    let Some(r) = row else {
        return Ok(None);
    };
    let in_force: Option<Approved> = sqlx::query_as(
        "SELECT l.version, l.sections, w.display_name AS written_by_name,
                a.display_name AS approved_by_name, l.approved_at
         FROM litmas_approved l JOIN users w ON w.id = l.written_by JOIN users a ON a.id = l.approved_by
         WHERE l.case_id = $1 ORDER BY l.version DESC LIMIT 1",
    )
    .bind(case.0)
    .fetch_optional(&mut *conn)
    .await?;
    let in_force = in_force
        .map(|a| {
            Ok::<_, StoreError>(Approved {
                sections: parse(&a.text)?,
                ..a
            })
        })
        .transpose()?;
    Ok(Some(Litmas {
        version: r.version,
        sections: parse(&r.sections)?,
        written_by_name: r.written_by_name,
        written_at: r.written_at,
        submitted: r.litmas_submitted != 0,
        approved_by_name: r.approved_by_name,
        approved_at: r.approved_at,
        in_force,
    }))
}

fn parse(text: &str) -> Result<Sections> {
    serde_json::from_str(text).map_err(|e| StoreError::Other(anyhow::anyhow!("stored Litmas: {e}")))
}

/// Saves the sections as the PK's draft, or submits them (`submit`) when complete. Either
/// withdraws an earlier approval: the head approves what is there now.
pub async fn save(
    store: &Store,
    access: &CaseAccess,
    sections: &Sections,
    submit: bool,
) -> Result<(), LitmasError> {
    let actor = &access.actor_for(karya_domain::Permission::AssessCases)?;
    let scope = access.scope();
    let case = access.id();
    if submit {
        let missing = sections.missing();
        if !missing.is_empty() {
            return Err(LitmasError::Incomplete(missing));
        }
    }
    let mut tx = store.begin_write().await?;
    let found = get_on(&mut tx, scope, case).await?;
    lock(&mut tx, case).await?;
    let text = serde_json::to_string(sections).map_err(|e| StoreError::Other(e.into()))?;
    let current: Option<(i64, Option<String>)> =
        sqlx::query_as("SELECT version, approved_at FROM litmas WHERE case_id = $1")
            .bind(case.0)
            .fetch_optional(&mut *tx)
            .await?;
    let version = karya_domain::litmas::version_to_write(current.map(|(number, approved_at)| {
        karya_domain::litmas::Version {
            number,
            approved: approved_at.is_some(),
        }
    }));
    sqlx::query("DELETE FROM litmas WHERE case_id = $1")
        .bind(case.0)
        .execute(&mut *tx)
        .await?;
    sqlx::query(
        "INSERT INTO litmas (case_id, sections, written_by, written_at, version) VALUES ($1, $2, $3, $4, $5)",
    )
    .bind(case.0)
    .bind(text)
    .bind(actor.user_id.map(|u| u.0))
    .bind(store.now_text())
    .bind(version)
    .execute(&mut *tx)
    .await?;
    sqlx::query(
        "UPDATE cases SET litmas_submitted = $1, case_plan_approved = 0, version = version + 1 WHERE id = $2",
    )
    .bind(i64::from(submit))
    .bind(case.0)
    .execute(&mut *tx)
    .await?;
    let mut actor = actor.clone();
    actor.office_id = Some(found.office_id);
    let action = if submit {
        "litmas.submit"
    } else {
        "litmas.draft"
    };
    store
        .audit(
            &mut tx,
            &actor,
            Event::new(
                action,
                "case",
                case,
                json!({"case_id": case.0, "version": version}),
            ),
        )
        .await?;
    tx.commit().await?;
    Ok(())
}

/// The head approves the submitted Litmas and case plan; the case becomes `assessed`.
pub async fn approve(store: &Store, access: &CaseAccess) -> Result<(), LitmasError> {
    let actor = &access.actor_for(karya_domain::Permission::ApproveAssessments)?;
    let scope = access.scope();
    let case = access.id();
    let roles = &access.roles_for(karya_domain::Permission::ApproveAssessments);
    let mut tx = store.begin_write().await?;
    let found = get_on(&mut tx, scope, case).await?;
    let written: Option<(i64,)> =
        sqlx::query_as("SELECT case_id FROM litmas WHERE case_id = $1 AND approved_at IS NULL")
            .bind(case.0)
            .fetch_optional(&mut *tx)
            .await?;
    if !found.litmas_submitted || written.is_none() {
        return Err(LitmasError::NotSubmitted);
    }
    karya_domain::duties::check_approver(
        karya_domain::duties::Approval::Assessment,
        found.pk_user_id.map(|u| u.0),
        access.user().id.0,
    )
    .map_err(|v| LitmasError::Case(CaseError::Rule(v)))?;
    let now = store.now_text();
    sqlx::query("UPDATE litmas SET approved_by = $1, approved_at = $2 WHERE case_id = $3")
        .bind(actor.user_id.map(|u| u.0))
        .bind(&now)
        .bind(case.0)
        .execute(&mut *tx)
        .await?;
    // The approved text is kept as approved, whatever later versions say.
    let (version,): (i64,) = sqlx::query_as(
        "INSERT INTO litmas_approved (case_id, version, sections, written_by, written_at, approved_by, approved_at)
         SELECT case_id, version, sections, written_by, written_at, approved_by, approved_at
         FROM litmas WHERE case_id = $1 RETURNING version",
    )
    .bind(case.0)
    .fetch_one(&mut *tx)
    .await?;
    sqlx::query("UPDATE cases SET case_plan_approved = 1 WHERE id = $1")
        .bind(case.0)
        .execute(&mut *tx)
        .await?;
    if found.status == karya_domain::CaseStatus::Registered {
        transition_on(
            &mut tx,
            store,
            actor,
            scope,
            case,
            Transition::ApproveAssessment,
            roles,
            &TransitionRefs::default(),
        )
        .await?;
    }
    store
        .audit_in(
            &mut tx,
            actor,
            found.office_id,
            Event::new(
                "litmas.approve",
                "case",
                case,
                json!({"case_id": case.0, "version": version}),
            ),
        )
        .await?;
    tx.commit().await?;
    Ok(())
}

/// Records an earlier intervention (§2.2.5).
pub async fn add_intervention(
    store: &Store,
    access: &CaseAccess,
    entry: &Intervention,
) -> Result<i64> {
    let actor = &access.actor_for(karya_domain::Permission::AssessCases)?;
    let scope = access.scope();
    let case = access.id();
    let mut tx = store.begin_write().await?;
    let found = get_on(&mut tx, scope, case).await?;
    let (id,): (i64,) = sqlx::query_as(
        "INSERT INTO interventions (case_id, kind, happened_on, result, source, recorded_by, recorded_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id",
    )
    .bind(case.0)
    .bind(&entry.kind)
    .bind(&entry.happened_on)
    .bind(&entry.result)
    .bind(&entry.source)
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
                "litmas.intervention",
                "case",
                case,
                json!({"intervention_id": id}),
            ),
        )
        .await?;
    tx.commit().await?;
    Ok(id)
}

pub async fn interventions(store: &Store, access: &CaseAccess) -> Result<Vec<Intervention>> {
    access.actor_for(karya_domain::Permission::ReadLitmas)?;
    let scope = access.scope();
    let case = access.id();
    let mut conn = store.pool().acquire().await?;
    get_on(&mut conn, scope, case).await?;
    Ok(sqlx::query_as(
        "SELECT id, kind, happened_on, result, source FROM interventions WHERE case_id = $1 ORDER BY id",
    )
    .bind(case.0)
    .fetch_all(&mut *conn)
    .await?)
}

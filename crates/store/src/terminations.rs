//! The termination procedure of a case (T1–T3; the domain's `termination` module decides who
//! does which step when): started by the PK with the reason and its evidence, ordered by the
//! head, the guidance results report (Annex II, issued with it), the registry's draft, and
//! the head's issue of the termination letter — which, in one transaction, stores the letter,
//! ends the case and records the end in the register book.

use karya_domain::termination::{self, Refusal, Stage, Step};
use karya_domain::{Role, TerminationReason, Transition, lifecycle};
use serde_json::json;

use crate::access::CaseAccess;
use crate::audit::Event;
use crate::cases::{CaseError, TransitionRefs, get_on, lock, transition_on};
use crate::db::Store;
use crate::documents::{Issued, ToIssue, render, store_on};
use crate::error::StoreError;
use crate::ids::CaseId;

#[derive(Debug, thiserror::Error)]
pub enum TerminationError {
    #[error("{0:?}")]
    Refused(Refusal),
    /// A field the step needs is empty: the form field's name.
    #[error("{0} is required")]
    Missing(&'static str),
    #[error(transparent)]
    Case(#[from] CaseError),
}

crate::cases::into_case_error!(TerminationError);

/// A case's termination as recorded.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Termination {
    pub reason: String,
    pub evidence_ref: String,
    /// The date of death (T1b), when that is the reason.
    pub died_on: Option<String>,
    pub stage: String,
    pub narrative: String,
    pub started_by_name: String,
    pub started_at: String,
    pub ordered_at: Option<String>,
    pub reported_at: Option<String>,
    pub drafted_at: Option<String>,
    pub issued_at: Option<String>,
}

impl Termination {
    pub fn reason(&self) -> Option<TerminationReason> {
        TerminationReason::parse(&self.reason)
    }

    /// The stage of a procedure still running; `None` once issued.
    pub fn stage(&self) -> Option<Stage> {
        Stage::parse(&self.stage)
    }
}

pub async fn get(store: &Store, access: &CaseAccess) -> Result<Option<Termination>, StoreError> {
    access.actor_for(karya_domain::Permission::ReadTerminations)?;
    let scope = access.scope();
    let case = access.id();
    let mut conn = store.pool().acquire().await?;
    get_on(&mut conn, scope, case).await?;
    get_raw(&mut conn, case).await
}

async fn get_raw(
    conn: &mut sqlx::AnyConnection,
    case: CaseId,
) -> Result<Option<Termination>, StoreError> {
    Ok(sqlx::query_as(
        "SELECT t.reason, t.evidence_ref, t.died_on, t.stage, t.narrative, u.display_name AS started_by_name,
                t.started_at, t.ordered_at, t.reported_at, t.drafted_at, t.issued_at
         FROM terminations t JOIN users u ON u.id = t.started_by WHERE t.case_id = $1",
    )
    .bind(case.0)
    .fetch_optional(&mut *conn)
    .await?)
}

/// What a step carries: the reason and its evidence (start), the results narrative (report).
#[derive(Debug, Clone, Default)]
pub struct StepInput {
    pub reason: Option<TerminationReason>,
    pub evidence_ref: String,
    pub died_on: Option<jiff::civil::Date>,
    pub narrative: String,
}

/// Performs one step. `document` is the document the step issues (Annex II with the report,
/// the termination letter with the issue), rendered and stored in the same transaction.
pub async fn perform<F>(
    store: &Store,
    access: &CaseAccess,
    step: Step,
    input: &StepInput,
    document: Option<(ToIssue<'_>, F)>,
) -> Result<Option<Issued>, TerminationError>
where
    F: FnOnce(&str, &str) -> anyhow::Result<Vec<u8>> + Send + 'static,
{
    let actor = &access.actor_for(karya_domain::Permission::TerminateCases)?;
    let scope = access.scope();
    let case = access.id();
    let roles = &access.roles_for(karya_domain::Permission::TerminateCases);
    // A document renders before the write transaction opens; the step is checked first so
    // that a refused step takes no letter number (and checked again under the lock below).
    let (document, rendered) = match document {
        Some((doc, render_with)) => {
            let mut conn = store.pool().acquire().await?;
            let current = get_raw(&mut conn, case).await?;
            drop(conn);
            if current.as_ref().is_some_and(|t| t.issued_at.is_some())
                || access.case().status.is_final()
            {
                return Err(TerminationError::Refused(Refusal::OutOfOrder));
            }
            termination::check(step, current.as_ref().and_then(Termination::stage), roles)
                .map_err(TerminationError::Refused)?;
            let rendered = render(store, &doc, render_with).await?;
            (Some(doc), Some(rendered))
        }
        None => (None, None),
    };
    let mut tx = store.begin_write().await?;
    let found = get_on(&mut tx, scope, case).await?;
    lock(&mut tx, case).await?;
    let current = get_raw(&mut tx, case).await?;
    if current.as_ref().is_some_and(|t| t.issued_at.is_some()) || found.status.is_final() {
        return Err(TerminationError::Refused(Refusal::OutOfOrder));
    }
    termination::check(step, current.as_ref().and_then(Termination::stage), roles)
        .map_err(TerminationError::Refused)?;
    let reason = match (step, &current) {
        (Step::Start, _) => input.reason.ok_or(TerminationError::Missing("reason"))?,
        (_, Some(t)) => t.reason().ok_or(TerminationError::Missing("reason"))?,
        (_, None) => return Err(TerminationError::Refused(Refusal::OutOfOrder)),
    };
    let evidence = match (step, &current) {
        (Step::Start, _) => input.evidence_ref.trim().to_owned(),
        (_, Some(t)) => t.evidence_ref.clone(),
        _ => String::new(),
    };
    let refs = TransitionRefs {
        death_certificate_ref: (reason == TerminationReason::Died).then(|| evidence.clone()),
        sanction_letter_ref: (reason == TerminationReason::Sanctioned).then(|| evidence.clone()),
        pk: None,
    };
    let now = store.now_text();
    let by = actor.user_id.map(|u| u.0);
    match step {
        Step::Start if reason == TerminationReason::Died && input.died_on.is_none() => {
            return Err(TerminationError::Missing("died_on"));
        }
        Step::Start => {
            // T1 is checked now, as the head would check it at the end: the reason must hold.
            let mut guarded = found.clone();
            guarded.death_certificate_ref = refs.death_certificate_ref.clone();
            guarded.sanction_letter_ref = refs.sanction_letter_ref.clone();
            let ledger = crate::attendance::ledger_on(&mut tx, &found).await?;
            lifecycle::apply(
                found.status,
                Transition::Terminate { reason },
                &guarded.guards(ledger.totals().remaining),
                &[Role::HeadOfOffice],
            )
            .map_err(CaseError::Refused)?;
            sqlx::query(
                "INSERT INTO terminations (case_id, reason, evidence_ref, died_on, stage, started_by, started_at)
                 VALUES ($1, $2, $3, $4, $5, $6, $7)",
            )
            .bind(case.0)
            .bind(reason.as_str())
            .bind(&evidence)
            .bind(input.died_on.map(|d| d.to_string()))
            .bind(Stage::Started.as_str())
            .bind(by)
            .bind(&now)
            .execute(&mut *tx)
            .await?;
        }
        Step::Report if input.narrative.trim().is_empty() => {
            return Err(TerminationError::Missing("narrative"));
        }
        Step::Issue => {
            transition_on(
                &mut tx,
                store,
                actor,
                scope,
                case,
                Transition::Terminate { reason },
                roles,
                &refs,
            )
            .await?;
            sqlx::query(
                "UPDATE register_entries SET terminated_on = $1, termination_reason = $2 WHERE case_id = $3",
            )
            .bind(karya_domain::calendar::local_date(store.now(), &found.zone.time_zone()).to_string())
            .bind(reason.as_str())
            .bind(case.0)
            .execute(&mut *tx)
            .await?;
        }
        _ => {}
    }
    let column = match step {
        Step::Start => None,
        Step::Order => Some("ordered_at"),
        Step::Report => Some("reported_at"),
        Step::Draft => Some("drafted_at"),
        Step::Issue => Some("issued_at"),
    };
    if let Some(column) = column {
        let stage = step.leads_to().map_or("issued", Stage::as_str);
        // The column name comes from the match above, never from input.
        let sql: &'static str = match column {
            "ordered_at" => {
                "UPDATE terminations SET stage = $1, ordered_at = $2, narrative = narrative WHERE case_id = $3"
            }
            "reported_at" => {
                "UPDATE terminations SET stage = $1, reported_at = $2, narrative = $4 WHERE case_id = $3"
            }
            "drafted_at" => {
                "UPDATE terminations SET stage = $1, drafted_at = $2, narrative = narrative WHERE case_id = $3"
            }
            _ => {
                "UPDATE terminations SET stage = $1, issued_at = $2, narrative = narrative WHERE case_id = $3"
            }
        };
        let mut query = sqlx::query(sql).bind(stage).bind(&now).bind(case.0);
        if step == Step::Report {
            query = query.bind(input.narrative.trim());
        }
        query.execute(&mut *tx).await?;
    }
    let issued = match (document, rendered) {
        (Some(doc), Some(rendered)) => {
            Some(store_on(&mut tx, store, actor, Some(scope), &doc, rendered).await?)
        }
        _ => None,
    };
    let summary = json!({
        "step": step.as_str(),
        "reason": reason.as_str(),
        "document_id": issued.as_ref().map(|d| d.id),
    });
    store
        .audit_in(
            &mut tx,
            actor,
            found.office_id,
            Event::new("case.termination", "case", case, summary),
        )
        .await?;
    tx.commit().await?;
    Ok(issued)
}

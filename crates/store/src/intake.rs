//! Intake records (§2.2.1–2.2.2): rounds of document checks (D1–D3), summonses (I3) and the
//! violation an unanswered third summons becomes (I4). Each record moves the case through its
//! lifecycle in the same transaction, as the domain decides.

use jiff::civil::Date;
use karya_domain::intake::{
    self, CheckKind, CheckOutcome, DocumentCheck, DocumentsVerdict, IntakeDocument, Summons,
    SummonsOutcome,
};
use karya_domain::sop::SopKind;
use karya_domain::{CaseStatus, Rule, Transition};
use serde_json::json;

use crate::access::CaseAccess;
use crate::audit::{Actor, Event};
use crate::cases::{CaseError, TransitionRefs, get_on, lock, transition_on};
use crate::db::Store;
use crate::error::{Result, StoreError};
use crate::ids::CaseId;

fn scoped_actor(actor: &Actor, case: &crate::cases::Case) -> Actor {
    let mut actor = actor.clone();
    actor.office_id = Some(case.office_id);
    actor
}

/// Records a round of the five checks of D1 and moves the case: valid → documents verified
/// (D2); a failed check → documents incomplete (D3). Returns the verdict.
pub async fn record_checks(
    store: &Store,
    access: &CaseAccess,
    checks: &[DocumentCheck],
) -> Result<DocumentsVerdict, CaseError> {
    let user = access.user().id;
    let actor = &access.actor_for(karya_domain::Permission::CheckDocuments)?;
    let scope = access.scope();
    let case_id = access.id();
    let roles = &access.roles_for(karya_domain::Permission::CheckDocuments);
    let verdict = intake::documents_verdict(checks)?;
    let mut tx = store.begin_write().await?;
    let case = get_on(&mut tx, scope, case_id).await?;
    lock(&mut tx, case_id).await?;
    let (round,): (i64,) = sqlx::query_as(
        "SELECT COALESCE(MAX(round), 0) + 1 FROM document_checks WHERE case_id = $1",
    )
    .bind(case_id.0)
    .fetch_one(&mut *tx)
    .await?;
    let now = store.now_text();
    for check in checks {
        sqlx::query(
            "INSERT INTO document_checks (case_id, round, document, kind, outcome, note, checked_by, checked_at)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
        )
        .bind(case_id.0)
        .bind(round)
        .bind(check.document.as_str())
        .bind(check.kind.as_str())
        .bind(check.outcome.as_str())
        .bind(check.note.trim())
        .bind(user.0)
        .bind(&now)
        .execute(&mut *tx)
        .await?;
    }
    let transition = match (&verdict, case.status) {
        (DocumentsVerdict::Valid, _) => Some(Transition::DocumentsVerified),
        // Still incomplete after the documents came back: the case keeps waiting (D3).
        (DocumentsVerdict::Incomplete(_), CaseStatus::DocumentsIncomplete) => None,
        (DocumentsVerdict::Incomplete(_), _) => Some(Transition::DocumentsFoundIncomplete),
    };
    if case.status == CaseStatus::DocumentsIncomplete && verdict == DocumentsVerdict::Valid {
        // The missing documents arrived: the days spent waiting for them do not count (D3).
        let today = karya_domain::calendar::local_date(store.now(), &case.zone.time_zone());
        let event = karya_domain::window::StartEvent::DocumentsCompleted(today);
        crate::cases::move_start(&mut tx, store, &scoped_actor(actor, &case), &case, event).await?;
    }
    if let Some(transition) = transition {
        transition_on(
            &mut tx,
            store,
            actor,
            scope,
            case_id,
            transition,
            roles,
            &TransitionRefs::default(),
        )
        .await?;
    }
    let (validity, register_steps): (&[u8], &[u8]) = match &verdict {
        DocumentsVerdict::Valid => (&[2, 3], &[1]),
        DocumentsVerdict::Incomplete(_) => (&[2, 4], &[]),
    };
    crate::sop::stamp(
        &mut tx,
        store,
        case_id,
        SopKind::DocumentValidity,
        validity,
        actor,
    )
    .await?;
    crate::sop::stamp(
        &mut tx,
        store,
        case_id,
        SopKind::Register,
        register_steps,
        actor,
    )
    .await?;
    let failed: Vec<&str> = match &verdict {
        DocumentsVerdict::Valid => Vec::new(),
        DocumentsVerdict::Incomplete(failed) => {
            failed.iter().map(|c| c.document.field(c.kind)).collect()
        }
    };
    let summary = json!({"round": round, "valid": failed.is_empty(), "failed": failed});
    store
        .audit(
            &mut tx,
            &scoped_actor(actor, &case),
            Event::new("documents.check", "case", case_id, summary),
        )
        .await?;
    tx.commit().await?;
    Ok(verdict)
}

/// The latest round of checks, document by document in D1 order.
pub async fn latest_checks(store: &Store, access: &CaseAccess) -> Result<Vec<DocumentCheck>> {
    let case_id = access.id();
    let rows: Vec<(String, String, String, String)> = sqlx::query_as(
        "SELECT document, kind, outcome, note FROM document_checks WHERE case_id = $1
           AND round = (SELECT MAX(round) FROM document_checks WHERE case_id = $1)",
    )
    .bind(case_id.0)
    .fetch_all(store.pool())
    .await?;
    let mut checks: Vec<DocumentCheck> = rows
        .into_iter()
        .filter_map(|(document, kind, outcome, note)| {
            Some(DocumentCheck {
                document: IntakeDocument::parse(&document)?,
                kind: CheckKind::parse(&kind)?,
                outcome: CheckOutcome::parse(&outcome)?,
                note,
            })
        })
        .collect();
    checks.sort_by_key(|c| {
        (
            c.document as u8,
            CheckKind::ALL.iter().position(|k| *k == c.kind),
        )
    });
    Ok(checks)
}

/// A summons as stored.
#[derive(Debug, Clone)]
pub struct SummonsRecord {
    pub summons: Summons,
    pub issued_on: Date,
    pub delivery: String,
    /// The lawful reason the client gave for not coming, when the summons ended so.
    pub absence_reason: Option<String>,
}

pub async fn summonses(store: &Store, access: &CaseAccess) -> Result<Vec<SummonsRecord>> {
    let case_id = access.id();
    let mut conn = store.pool().acquire().await?;
    summonses_on(&mut conn, case_id).await
}

async fn summonses_on(
    conn: &mut sqlx::AnyConnection,
    case_id: CaseId,
) -> Result<Vec<SummonsRecord>> {
    let rows: Vec<(i64, String, String, String, String, Option<String>)> = sqlx::query_as(
        "SELECT number, issued_on, delivery, deadline, outcome, absence_reason FROM summonses WHERE case_id = $1 ORDER BY number",
    )
    .bind(case_id.0)
    .fetch_all(&mut *conn)
    .await?;
    let corrupt = || StoreError::Other(anyhow::anyhow!("stored summons is unreadable"));
    rows.into_iter()
        .map(
            |(number, issued_on, delivery, deadline, outcome, absence_reason)| {
                Ok(SummonsRecord {
                    summons: Summons {
                        number: u8::try_from(number).map_err(|_| corrupt())?,
                        deadline: deadline.parse().map_err(|_| corrupt())?,
                        outcome: SummonsOutcome::parse(&outcome).ok_or_else(corrupt)?,
                    },
                    issued_on: issued_on.parse().map_err(|_| corrupt())?,
                    delivery,
                    absence_reason,
                })
            },
        )
        .collect()
}

/// A summons to issue: when, how it is delivered, and by when the client must appear.
#[derive(Debug, Clone)]
pub struct NewSummons {
    pub issued_on: Date,
    pub deadline: Date,
    pub delivery: String,
}

/// Issues the next summons (I3: at most three, one at a time) and moves the case to
/// `awaiting_client`. Returns its number.
pub async fn issue_summons(
    store: &Store,
    access: &CaseAccess,
    summons: &NewSummons,
) -> Result<u8, CaseError> {
    let actor = &access.actor_for(karya_domain::Permission::SummonClients)?;
    let scope = access.scope();
    let case_id = access.id();
    let user = access.user().id;
    let roles = &access.roles_for(karya_domain::Permission::SummonClients);
    let NewSummons {
        issued_on,
        deadline,
        delivery,
    } = summons.clone();
    intake::check_summons_dates(issued_on, deadline)?;
    let mut tx = store.begin_write().await?;
    let case = get_on(&mut tx, scope, case_id).await?;
    lock(&mut tx, case_id).await?;
    let existing: Vec<Summons> = summonses_on(&mut tx, case_id)
        .await?
        .into_iter()
        .map(|r| r.summons)
        .collect();
    intake::check_summons_needed(case.intake.handed_over)?;
    let number = intake::next_summons(&existing)?;
    transition_on(
        &mut tx,
        store,
        actor,
        scope,
        case_id,
        Transition::SummonClient,
        roles,
        &TransitionRefs::default(),
    )
    .await?;
    sqlx::query(
        "INSERT INTO summonses (case_id, number, issued_on, delivery, deadline, outcome, issued_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7)",
    )
    .bind(case_id.0)
    .bind(i64::from(number))
    .bind(issued_on.to_string())
    .bind(&delivery)
    .bind(deadline.to_string())
    .bind(SummonsOutcome::Pending.as_str())
    .bind(user.0)
    .execute(&mut *tx)
    .await?;
    crate::sop::stamp(&mut tx, store, case_id, SopKind::Register, &[3], actor).await?;
    let summary = json!({"number": number, "issued_on": issued_on.to_string(), "deadline": deadline.to_string()});
    store
        .audit(
            &mut tx,
            &scoped_actor(actor, &case),
            Event::new("summons.issue", "case", case_id, summary),
        )
        .await?;
    tx.commit().await?;
    Ok(number)
}

/// Records what became of the pending summons. The client's appearance ends the wait; no
/// response can be recorded only after the deadline, and after the third it is a violation
/// (I4). Returns whether a violation was recorded.
pub async fn record_summons_outcome(
    store: &Store,
    access: &CaseAccess,
    outcome: SummonsOutcome,
    absence_reason: &str,
    today: Date,
) -> Result<bool, CaseError> {
    if outcome == SummonsOutcome::AbsentWithReason {
        intake::check_absence_reason(absence_reason)?;
    }
    let actor = &access.actor_for(karya_domain::Permission::RecordSummonsOutcomes)?;
    let scope = access.scope();
    let case_id = access.id();
    let user = access.user().id;
    let roles = &access.roles_for(karya_domain::Permission::RecordSummonsOutcomes);
    let mut tx = store.begin_write().await?;
    let case = get_on(&mut tx, scope, case_id).await?;
    lock(&mut tx, case_id).await?;
    let existing: Vec<Summons> = summonses_on(&mut tx, case_id)
        .await?
        .into_iter()
        .map(|r| r.summons)
        .collect();
    let pending = intake::pending_summons(&existing)?;
    if outcome == SummonsOutcome::NoResponse {
        intake::check_absence_recordable(&pending, today)?;
    }
    sqlx::query(
        "UPDATE summonses SET outcome = $1, outcome_at = $2, absence_reason = $5
         WHERE case_id = $3 AND number = $4",
    )
    .bind(outcome.as_str())
    .bind(store.now_text())
    .bind(case_id.0)
    .bind(i64::from(pending.number))
    .bind((outcome == SummonsOutcome::AbsentWithReason).then(|| absence_reason.trim()))
    .execute(&mut *tx)
    .await?;
    if outcome == SummonsOutcome::AbsentWithReason {
        // The lifecycle's guard counts the summonses that use one of the three places (I3);
        // one answered with a lawful reason gives its place back.
        sqlx::query(
            "UPDATE cases SET summonses_sent = summonses_sent - 1 WHERE id = $1 AND summonses_sent > 0",
        )
        .bind(case_id.0)
        .execute(&mut *tx)
        .await?;
    }
    if outcome == SummonsOutcome::Appeared {
        // The window starts on the day the summoned client is present (L6, I3).
        let event = karya_domain::window::StartEvent::Appeared(today);
        crate::cases::move_start(&mut tx, store, &scoped_actor(actor, &case), &case, event).await?;
        transition_on(
            &mut tx,
            store,
            actor,
            scope,
            case_id,
            Transition::ClientAppeared,
            roles,
            &TransitionRefs::default(),
        )
        .await?;
        // Intake SOP step 3: the client is received (here, on a summons).
        crate::sop::stamp(&mut tx, store, case_id, SopKind::Intake, &[3], actor).await?;
    }
    let mut updated = existing.clone();
    if let Some(s) = updated.iter_mut().find(|s| s.number == pending.number) {
        s.outcome = outcome;
    }
    let violation = intake::absence_is_violation(&updated, today);
    let actor = scoped_actor(actor, &case);
    if violation {
        sqlx::query("INSERT INTO violations (case_id, rule, note, recorded_by, recorded_at) VALUES ($1, $2, $3, $4, $5)")
            .bind(case_id.0)
            .bind(Rule::I4.code())
            .bind(intake::ABSENCE_VIOLATION_NOTE)
            .bind(user.0)
            .bind(store.now_text())
            .execute(&mut *tx)
            .await?;
        store
            .audit(
                &mut tx,
                &actor,
                Event::new("violation.record", "case", case_id, json!({"rule": "I4"})),
            )
            .await?;
        crate::sop::stamp(&mut tx, store, case_id, SopKind::Register, &[5], &actor).await?;
    }
    let summary = json!({"number": pending.number, "outcome": outcome.as_str()});
    store
        .audit(
            &mut tx,
            &actor,
            Event::new("summons.outcome", "case", case_id, summary),
        )
        .await?;
    tx.commit().await?;
    Ok(violation)
}

/// Violations recorded on a case: (rule, note, when).
pub async fn violations(
    store: &Store,
    access: &CaseAccess,
) -> Result<Vec<(String, String, String)>> {
    let case_id = access.id();
    Ok(sqlx::query_as(
        "SELECT rule, note, recorded_at FROM violations WHERE case_id = $1 ORDER BY id",
    )
    .bind(case_id.0)
    .fetch_all(store.pool())
    .await?)
}

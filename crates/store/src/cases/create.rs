//! Opening a case from a court decision whose terms passed the domain's validation.

use karya_domain::sop::SopKind;
use karya_domain::window::WindowBasis;
use karya_domain::{CaseStatus, ServiceWindow, ValidTerms};
use serde_json::json;

use crate::access::OfficeAccess;
use crate::audit::Event;
use crate::db::Store;
use crate::error::Result;
use crate::form_tokens::{self, Once};
use crate::ids::{CaseId, PersonId, ProsecutorOfficeId, UserId};

pub struct NewCase {
    /// The client's name as the decision gives it; the register (G1–G3) completes the person.
    pub client_name: String,
    /// The client's address as the decision or the execution letter gives it, for the
    /// summons (I3) before the register completes the person; may be empty.
    pub client_address: String,
    pub prosecutor_office: Option<ProsecutorOfficeId>,
    pub terms: ValidTerms,
    pub window: ServiceWindow,
    /// Why the window starts when it does (L6, decision 0002).
    pub window_basis: WindowBasis,
    pub pk: Option<UserId>,
    /// A person already in the system (G3: update, not duplicate); otherwise a new person
    /// is created with `client_name`.
    pub existing_person: Option<PersonId>,
    pub intake: super::Intake,
}

/// Creates the person and the case (status `received`) with their audit events, in one
/// transaction. The audit summary names the decision, not the person.
pub async fn create(
    store: &Store,
    office: &OfficeAccess,
    case: &NewCase,
    once: Option<Once<'_>>,
) -> Result<CaseId> {
    let (actor, office) = (office.actor(), office.office());
    let mut tx = store.begin_write().await?;
    form_tokens::guard(&mut tx, once, store.now_ms()).await?;
    let now = store.now_text();
    let (person, new_person) = match case.existing_person {
        Some(person) => (person.0, false),
        None => {
            let (id,): (i64,) = sqlx::query_as(
                "INSERT INTO persons (full_name, address, created_at) VALUES ($1, $2, $3) RETURNING id",
            )
            .bind(&case.client_name)
            .bind(&case.client_address)
            .bind(&now)
            .fetch_one(&mut *tx)
            .await?;
            (id, true)
        }
    };
    let terms = &case.terms;
    let terms_json = serde_json::to_string(terms.terms()).map_err(anyhow::Error::from)?;
    let (id,): (i64,) = sqlx::query_as(
        "INSERT INTO cases (office_id, person_id, prosecutor_office_id, pk_user_id, status, court,
            decision_number, date_final, hours_ordered_minutes, terms, received_on, window_end, created_at,
            channel, handed_over, execution_letter_number, execution_letter_date, execution_letter_issuer,
            window_basis)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19)
         RETURNING id",
    )
    .bind(office.0)
    .bind(person)
    .bind(case.prosecutor_office.map(|id| id.0))
    .bind(case.pk.map(|id| id.0))
    .bind(CaseStatus::Received.as_str())
    .bind(&terms.court)
    .bind(&terms.decision_number)
    .bind(terms.date_final.to_string())
    .bind(terms.hours_ordered.0)
    .bind(terms_json)
    .bind(case.window.start().to_string())
    .bind(case.window.end_inclusive().to_string())
    .bind(&now)
    .bind(case.intake.channel.map(|c| c.as_str()))
    .bind(i64::from(case.intake.handed_over))
    .bind(&case.intake.execution_letter_number)
    .bind(case.intake.execution_letter_date.map(|d| d.to_string()))
    .bind(&case.intake.execution_letter_issuer)
    .bind(case.window_basis.as_str())
    .fetch_one(&mut *tx)
    .await?;
    let mut actor = actor.clone();
    actor.office_id = Some(office);
    if new_person {
        let event = Event::new("person.create", "person", person, json!({}));
        store.audit(&mut tx, &actor, event).await?;
    }
    let summary = json!({
        "decision_number": terms.decision_number, "court": terms.court,
        "hours_ordered_minutes": terms.hours_ordered.0,
        "window": [case.window.start().to_string(), case.window.end_inclusive().to_string()],
        "status": CaseStatus::Received.as_str(),
    });
    store
        .audit(
            &mut tx,
            &actor,
            Event::new("case.create", "case", id, summary),
        )
        .await?;
    crate::sop::stamp(
        &mut tx,
        store,
        CaseId(id),
        SopKind::DocumentValidity,
        &[1],
        &actor,
    )
    .await?;
    // Intake SOP steps 1–2 (the decision and the execution letter are received) and, when
    // the prosecutor hands the client over now, step 3.
    let intake_steps: &[u8] = if case.intake.handed_over {
        &[1, 2, 3]
    } else {
        &[1, 2]
    };
    crate::sop::stamp(
        &mut tx,
        store,
        CaseId(id),
        SopKind::Intake,
        intake_steps,
        &actor,
    )
    .await?;
    form_tokens::finish(&mut tx, once, &format!("case:{id}")).await?;
    tx.commit().await?;
    Ok(CaseId(id))
}

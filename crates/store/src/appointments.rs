//! Appointing the PK in the three steps of §2.2.3 (the domain's `appointment` module
//! decides who may do which step when): disposition, draft, signature. The signature
//! appoints (the `assign_officer` transition) or, later in the case, replaces the PK; every
//! signed appointment stays as history.

use karya_domain::Transition;
use karya_domain::appointment::{self, Refusal, Stage, Step};
use karya_domain::sop::SopKind;
use serde_json::json;

use crate::access::CaseAccess;
use crate::audit::Event;
use crate::cases::{CaseError, TransitionRefs, get_on, is_office_pk, lock, transition_on};
use crate::db::Store;
use crate::error::StoreError;
use crate::ids::{CaseId, UserId};

#[derive(Debug, thiserror::Error)]
pub enum AppointError {
    #[error("{0:?}")]
    Refused(Refusal),
    /// The disposition names no PK, or one who is not an active PK of the case's office.
    #[error("choose a PK of the office")]
    NoOfficer,
    #[error(transparent)]
    Case(#[from] CaseError),
}

crate::cases::into_case_error!(AppointError);

/// One appointment, in progress or signed.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Appointment {
    pub id: i64,
    pub note: String,
    pub disposed_by_name: String,
    pub disposed_at: String,
    pub pk_user_id: Option<i64>,
    pub pk_name: Option<String>,
    pub drafted_by_name: Option<String>,
    pub drafted_at: Option<String>,
    pub signed_by_name: Option<String>,
    pub signed_at: Option<String>,
}

impl Appointment {
    /// The stage of an appointment not yet signed.
    pub fn stage(&self) -> Option<Stage> {
        match (&self.signed_at, &self.drafted_at) {
            (Some(_), _) => None,
            (None, Some(_)) => Some(Stage::Drafted),
            (None, None) => Some(Stage::Disposed),
        }
    }
}

/// The case's appointments, newest first; the first one, if unsigned, is in progress.
pub async fn for_case(store: &Store, access: &CaseAccess) -> Result<Vec<Appointment>, StoreError> {
    access.actor_for(karya_domain::Permission::ReadAppointments)?;
    let scope = access.scope();
    let case = access.id();
    let mut conn = store.pool().acquire().await?;
    get_on(&mut conn, scope, case).await?;
    list_on(&mut conn, case).await
}

/// Records who drafted or signed the appointment `id`, and when.
async fn record_step(
    tx: &mut sqlx::AnyConnection,
    step: Step,
    id: i64,
    by: Option<i64>,
    now: &str,
) -> Result<(), sqlx::Error> {
    let sql = match step {
        Step::Draft => "UPDATE appointments SET drafted_by = $1, drafted_at = $2 WHERE id = $3",
        _ => "UPDATE appointments SET signed_by = $1, signed_at = $2 WHERE id = $3",
    };
    sqlx::query(sql)
        .bind(by)
        .bind(now)
        .bind(id)
        .execute(&mut *tx)
        .await?;
    Ok(())
}

async fn list_on(
    conn: &mut sqlx::AnyConnection,
    case: CaseId,
) -> Result<Vec<Appointment>, StoreError> {
    Ok(sqlx::query_as(
        "SELECT a.id, a.note, d.display_name AS disposed_by_name, a.disposed_at, a.pk_user_id,
                p.display_name AS pk_name, r.display_name AS drafted_by_name, a.drafted_at,
                s.display_name AS signed_by_name, a.signed_at
         FROM appointments a
         JOIN users d ON d.id = a.disposed_by
         LEFT JOIN users p ON p.id = a.pk_user_id
         LEFT JOIN users r ON r.id = a.drafted_by
         LEFT JOIN users s ON s.id = a.signed_by
         WHERE a.case_id = $1 ORDER BY a.id DESC",
    )
    .bind(case.0)
    .fetch_all(&mut *conn)
    .await?)
}

/// What a step carries: the disposition's note and the PK the head chose (§2.2.3 a).
#[derive(Debug, Clone, Default)]
pub struct StepInput {
    pub note: String,
    pub pk: Option<UserId>,
}

/// Performs one step of the appointment as the holder of `roles`, in one transaction with
/// its audit event and SOP stamps.
pub async fn perform(
    store: &Store,
    access: &CaseAccess,
    step: Step,
    input: &StepInput,
) -> Result<(), AppointError> {
    let actor = &access.actor_for(karya_domain::Permission::AppointOfficers)?;
    let scope = access.scope();
    let case = access.id();
    let roles = &access.roles_for(karya_domain::Permission::AppointOfficers);
    let mut tx = store.begin_write().await?;
    let found = get_on(&mut tx, scope, case).await?;
    lock(&mut tx, case).await?;
    let open = list_on(&mut tx, case)
        .await?
        .into_iter()
        .next()
        .filter(|a| a.stage().is_some());
    appointment::check(
        step,
        found.status,
        open.as_ref().and_then(Appointment::stage),
        roles,
    )
    .map_err(AppointError::Refused)?;
    let by = actor.user_id.map(|u| u.0);
    let now = store.now_text();
    let mut summary = json!({"step": step.as_str(), "case_id": case.0});
    match (step, &open) {
        (Step::Dispose, _) => {
            let pk = input.pk.ok_or(AppointError::NoOfficer)?;
            if !is_office_pk(&mut tx, pk, found.office_id).await? {
                return Err(AppointError::NoOfficer);
            }
            sqlx::query(
                "INSERT INTO appointments (case_id, note, pk_user_id, disposed_by, disposed_at)
                 VALUES ($1, $2, $3, $4, $5)",
            )
            .bind(case.0)
            .bind(&input.note)
            .bind(pk.0)
            .bind(by)
            .bind(&now)
            .execute(&mut *tx)
            .await?;
            summary["pk_user_id"] = json!(pk.0);
        }
        (Step::Draft, Some(open)) => {
            record_step(&mut tx, step, open.id, by, &now).await?;
            summary["pk_user_id"] = json!(open.pk_user_id);
        }
        (Step::Sign, Some(open)) => {
            let pk = UserId(open.pk_user_id.ok_or(AppointError::NoOfficer)?);
            if !is_office_pk(&mut tx, pk, found.office_id).await? {
                return Err(AppointError::NoOfficer);
            }
            if appointment::is_reassignment(found.status) {
                sqlx::query(
                    "UPDATE cases SET pk_user_id = $1, version = version + 1 WHERE id = $2",
                )
                .bind(pk.0)
                .bind(case.0)
                .execute(&mut *tx)
                .await?;
                summary["from_pk_user_id"] = json!(found.pk_user_id.map(|u| u.0));
            } else {
                let refs = TransitionRefs {
                    pk: Some(pk),
                    ..TransitionRefs::default()
                };
                transition_on(
                    &mut tx,
                    store,
                    actor,
                    scope,
                    case,
                    Transition::AssignOfficer,
                    roles,
                    &refs,
                )
                .await?;
            }
            record_step(&mut tx, step, open.id, by, &now).await?;
            summary["pk_user_id"] = json!(pk.0);
        }
        // `check` has refused a draft or signature without an appointment in progress.
        (Step::Draft | Step::Sign, None) => {
            return Err(AppointError::Refused(Refusal::NeedsDisposition));
        }
    }
    crate::sop::stamp(
        &mut tx,
        store,
        case,
        SopKind::PkAppointment,
        step.sop_steps(),
        actor,
    )
    .await?;
    store
        .audit_in(
            &mut tx,
            actor,
            found.office_id,
            Event::new("case.appointment", "case", case, summary),
        )
        .await?;
    tx.commit().await?;
    Ok(())
}

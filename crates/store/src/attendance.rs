//! The hours ledger as stored (L4–L6, B5). Every write takes the case's lock, rebuilds the
//! domain [`Ledger`] from the rows inside the transaction, lets the domain decide, then
//! writes and audits, so that concurrent reports can never credit more than 8 hours on a
//! local day or more than the order.

use jiff::Timestamp;
use karya_domain::ledger::Attestation;
use karya_domain::{AttendanceEntry, EntryState, Ledger, Violation};
use serde_json::json;
use sqlx::AnyConnection;

use crate::access::CaseAccess;
use crate::audit::Event;
use crate::cases::{Case, CaseScope, get_on, lock};
use crate::clock;
use crate::db::Store;
use crate::error::StoreError;
use crate::form_tokens::{self, Once};
use crate::ids::{CaseId, EntryId, UserId};

#[derive(Debug, thiserror::Error)]
pub enum LedgerError {
    /// A rule of the guideline refuses the change; shown to the user with its ID.
    #[error(transparent)]
    Rule(#[from] Violation),
    #[error(transparent)]
    Store(#[from] StoreError),
    /// The evidence attached to a report was refused (type, size, damage).
    #[error(transparent)]
    Upload(crate::files::UploadError),
}

impl From<crate::files::UploadError> for LedgerError {
    fn from(error: crate::files::UploadError) -> LedgerError {
        match error {
            crate::files::UploadError::Store(error) => LedgerError::Store(error),
            other => LedgerError::Upload(other),
        }
    }
}

impl From<sqlx::Error> for LedgerError {
    fn from(error: sqlx::Error) -> LedgerError {
        LedgerError::Store(error.into())
    }
}

#[derive(sqlx::FromRow)]
struct EntryRow {
    id: i64,
    start_at: String,
    end_at: String,
    minutes: i64,
    activity: String,
    state: String,
    reported_by: i64,
    reported_at: String,
    reporter_name: String,
    supervisor_id: Option<i64>,
    supervisor_name: Option<String>,
    pk_id: Option<i64>,
    pk_name: Option<String>,
    rejected_by: Option<i64>,
    rejected_reason: Option<String>,
    attested_via: Option<String>,
}

/// An entry as shown: the domain entry plus who did what.
#[derive(Debug, Clone)]
pub struct EntryView {
    pub entry: AttendanceEntry,
    pub minutes: i64,
    pub activity: String,
    pub reported_at: String,
    pub reporter_name: String,
    pub supervisor_name: Option<String>,
    pub pk_name: Option<String>,
    /// How the client signed the report (B5); none when staff recorded it on their behalf.
    pub attestation: Option<Attestation>,
}

const ENTRIES: &str = "SELECT a.id, a.start_at, a.end_at, a.minutes, a.activity, a.state, a.reported_by,
        a.reported_at, r.display_name AS reporter_name, a.supervisor_id, s.display_name AS supervisor_name,
        a.pk_id, k.display_name AS pk_name, a.rejected_by, a.rejected_reason, a.attested_via
    FROM attendance a JOIN users r ON r.id = a.reported_by
    LEFT JOIN users s ON s.id = a.supervisor_id LEFT JOIN users k ON k.id = a.pk_id
    WHERE a.case_id = $1
      AND a.start_at >= COALESCE((SELECT c.ledger_from FROM cases c WHERE c.id = $1), '')
    ORDER BY a.start_at, a.id";

fn corrupt() -> StoreError {
    StoreError::Other(anyhow::anyhow!("stored attendance entry is unreadable"))
}

impl EntryRow {
    fn into_view(self) -> Result<EntryView, StoreError> {
        let instant = |text: &str| text.parse::<Timestamp>().map_err(|_| corrupt());
        let state = match self.state.as_str() {
            "reported" => EntryState::Reported,
            "supervisor_verified" => EntryState::SupervisorVerified {
                supervisor: self.supervisor_id.ok_or_else(corrupt)?,
            },
            "credited" => EntryState::Credited {
                supervisor: self.supervisor_id.ok_or_else(corrupt)?,
                pk: self.pk_id.ok_or_else(corrupt)?,
            },
            "rejected" => EntryState::Rejected {
                by: self.rejected_by.ok_or_else(corrupt)?,
                reason: self.rejected_reason.clone().unwrap_or_default(),
            },
            _ => return Err(corrupt()),
        };
        Ok(EntryView {
            entry: AttendanceEntry {
                id: self.id,
                start: instant(&self.start_at)?,
                end: instant(&self.end_at)?,
                reported_by: self.reported_by,
                state,
            },
            minutes: self.minutes,
            activity: self.activity,
            reported_at: self.reported_at,
            reporter_name: self.reporter_name,
            supervisor_name: self.supervisor_name,
            pk_name: self.pk_name,
            attestation: self.attested_via.as_deref().and_then(Attestation::parse),
        })
    }
}

async fn views_on(conn: &mut AnyConnection, case: CaseId) -> Result<Vec<EntryView>, StoreError> {
    let rows: Vec<EntryRow> = sqlx::query_as(ENTRIES)
        .bind(case.0)
        .fetch_all(&mut *conn)
        .await?;
    rows.into_iter().map(EntryRow::into_view).collect()
}

/// The case's ledger, read on a connection (inside the caller's transaction).
pub(crate) async fn ledger_on(conn: &mut AnyConnection, case: &Case) -> Result<Ledger, StoreError> {
    let entries = views_on(conn, case.id)
        .await?
        .into_iter()
        .map(|v| v.entry)
        .collect();
    Ok(Ledger::new(
        case.hours_ordered,
        case.window,
        case.zone.time_zone(),
        entries,
    ))
}

/// The case's ledger and its entries as shown.
pub async fn ledger(
    store: &Store,
    access: &CaseAccess,
) -> Result<(Ledger, Vec<EntryView>), StoreError> {
    ledger_of(store, access.case()).await
}

/// As [`ledger`], for a case the store already opened (a queue, a confirmation).
pub(crate) async fn ledger_of(
    store: &Store,
    case: &Case,
) -> Result<(Ledger, Vec<EntryView>), StoreError> {
    let mut conn = store.pool().acquire().await?;
    let views = views_on(&mut conn, case.id).await?;
    let entries = views.iter().map(|v| v.entry.clone()).collect();
    Ok((
        Ledger::new(
            case.hours_ordered,
            case.window,
            case.zone.time_zone(),
            entries,
        ),
        views,
    ))
}

/// A daily report (B5): when the client worked and what they did.
#[derive(Debug, Clone)]
pub struct NewEntry {
    pub start: Timestamp,
    pub end: Timestamp,
    pub activity: String,
}

/// Reports can be recorded while the client serves the hours (also during an examination).
fn require_serving(case: &Case) -> Result<(), Violation> {
    karya_domain::ledger::check_takes_reports(case.status)
}

/// Records a reported attendance after the domain's checks (L4, L5, L6, B5).
pub async fn record(
    store: &Store,
    access: &CaseAccess,
    entry: &NewEntry,
    once: Option<Once<'_>>,
) -> Result<EntryId, LedgerError> {
    record_with_evidence(store, access, entry, once, None).await
}

/// A photo proving the day (B7), with what the phone says of it.
#[derive(Debug, Clone)]
pub struct Evidence {
    pub bytes: Vec<u8>,
    pub captured_at: Option<Timestamp>,
    /// Kept only with the client's consent or when the decision requires monitoring (P10).
    pub location: Option<(f64, f64)>,
}

/// Records a daily report and, with it, its evidence, in one transaction: both are stored or
/// neither. When the decision requires monitoring (P10), the evidence and its location are
/// required.
pub async fn record_with_evidence(
    store: &Store,
    access: &CaseAccess,
    entry: &NewEntry,
    once: Option<Once<'_>>,
    evidence: Option<&Evidence>,
) -> Result<EntryId, LedgerError> {
    let actor = &access.actor_for(karya_domain::Permission::ReportAttendance)?;
    let reporter = access.user().id;
    // A report sent from the client's own account is signed by being sent (B5).
    let attestation = (access.role_for(karya_domain::Permission::ReportAttendance)
        == Some(karya_domain::Role::Client))
    .then_some(Attestation::OwnAccount);
    let scope = access.scope();
    let case_id = access.id();
    // The photo's cleaning and preview happen before the write transaction opens.
    let prepared = match evidence {
        Some(evidence) => Some(
            crate::files::prepare(
                store,
                crate::files::Purpose::Evidence,
                evidence.bytes.clone(),
            )
            .await?,
        ),
        None => None,
    };
    let mut tx = store.begin_write().await?;
    form_tokens::guard(&mut tx, once, store.now_ms()).await?;
    let case = get_on(&mut tx, scope, case_id).await?;
    lock(&mut tx, case_id).await?;
    require_serving(&case)?;
    let ledger = ledger_on(&mut tx, &case).await?;
    ledger.check_new_entry(entry.start, entry.end, store.now())?;
    let minutes = entry.end.duration_since(entry.start).as_secs() / 60;
    let (id,): (i64,) = sqlx::query_as(
        "INSERT INTO attendance (case_id, start_at, end_at, minutes, activity, state, reported_by, reported_at, attested_via, attested_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $8) RETURNING id",
    )
    .bind(case_id.0)
    .bind(clock::text(entry.start))
    .bind(clock::text(entry.end))
    .bind(minutes)
    .bind(&entry.activity)
    .bind(EntryState::Reported.as_str())
    .bind(reporter.0)
    .bind(store.now_text())
    .bind(attestation.map(Attestation::as_str))
    .fetch_one(&mut *tx)
    .await?;
    let mut actor = actor.clone();
    actor.office_id = Some(case.office_id);
    let summary = json!({"case_id": case_id.0, "start": clock::text(entry.start), "end": clock::text(entry.end), "minutes": minutes});
    store
        .audit(
            &mut tx,
            &actor,
            Event::new("attendance.report", "attendance", id, summary),
        )
        .await?;
    let monitored: Option<(i64,)> =
        sqlx::query_as("SELECT monitoring_required FROM placement_profiles WHERE case_id = $1")
            .bind(case_id.0)
            .fetch_optional(&mut *tx)
            .await?;
    karya_domain::ledger::check_monitoring(
        monitored.is_some_and(|(m,)| m != 0),
        evidence.is_some_and(|e| e.location.is_some()),
    )?;
    if let (Some(evidence), Some(prepared)) = (evidence, &prepared) {
        let extra = crate::files::Extra {
            entry_id: Some(id),
            captured_at: evidence.captured_at,
            location: evidence.location,
        };
        crate::files::record_on(&mut tx, store, &actor, &case, prepared, &extra).await?;
    }
    form_tokens::finish(&mut tx, once, &format!("attendance:{id}")).await?;
    tx.commit().await?;
    Ok(EntryId(id))
}

/// Opens a case's ledger for a change to one of its entries: the case in scope, locked and
/// serving, and the entry in it.
async fn open_entry(
    tx: &mut AnyConnection,
    scope: CaseScope,
    case_id: CaseId,
    entry: EntryId,
) -> Result<(Case, Ledger), LedgerError> {
    let case = get_on(tx, scope, case_id).await?;
    lock(tx, case_id).await?;
    require_serving(&case)?;
    let ledger = ledger_on(tx, &case).await?;
    if ledger.entry(entry.0).is_none() {
        return Err(StoreError::NotFound.into());
    }
    Ok((case, ledger))
}

/// Who verifies: the work-place supervisor first, then the PK (B5).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step {
    Supervisor,
    Pk,
}

/// The step of verification a role takes (B5): the work place's supervisor first, then the
/// case's PK.
pub fn step_of(role: karya_domain::Role) -> Option<Step> {
    match role {
        karya_domain::Role::SiteSupervisor => Some(Step::Supervisor),
        karya_domain::Role::Pk => Some(Step::Pk),
        _ => None,
    }
}

/// The step and the verifying user for a verification on `access`.
fn acting_step(access: &CaseAccess) -> Result<(Step, UserId), StoreError> {
    let role = access
        .role_for(karya_domain::Permission::VerifyAttendance)
        .ok_or(StoreError::Forbidden)?;
    let step = step_of(role).ok_or(StoreError::Forbidden)?;
    Ok((step, access.user().id))
}

/// Verifies an entry at the caller's step; the PK's verification credits it.
pub async fn verify(store: &Store, access: &CaseAccess, entry: EntryId) -> Result<(), LedgerError> {
    let actor = &access.actor_for(karya_domain::Permission::VerifyAttendance)?;
    let (step, user) = acting_step(access)?;
    let scope = access.scope();
    let case_id = access.id();
    // P3: what the client needs at the work place, read before the write opens.
    let accommodations = match step {
        Step::Pk => Some(crate::placements::accommodations(store, access).await?),
        Step::Supervisor => None,
    };
    let mut tx = store.begin_write().await?;
    let (case, mut ledger) = open_entry(&mut tx, scope, case_id, entry).await?;
    let now = store.now_text();
    let action = match step {
        Step::Supervisor => {
            ledger.verify_by_supervisor(entry.0, user.0)?;
            sqlx::query("UPDATE attendance SET state = $1, supervisor_id = $2, supervisor_at = $3 WHERE id = $4")
                .bind("supervisor_verified")
                .bind(user.0)
                .bind(&now)
                .bind(entry.0)
                .execute(&mut *tx)
                .await?;
            "attendance.verify_supervisor"
        }
        Step::Pk => {
            let (needed, confirmed) = accommodations.unwrap_or_default();
            karya_domain::placement::check_credit_ready(
                case.distance_awaiting_approval,
                needed,
                confirmed.iter().map(|(a, _)| *a).collect(),
                ledger.totals().credited.is_positive(),
            )?;
            ledger.verify_by_pk(entry.0, user.0)?;
            sqlx::query("UPDATE attendance SET state = $1, pk_id = $2, pk_at = $3 WHERE id = $4")
                .bind("credited")
                .bind(user.0)
                .bind(&now)
                .bind(entry.0)
                .execute(&mut *tx)
                .await?;
            "attendance.credit"
        }
    };
    let mut actor = actor.clone();
    actor.office_id = Some(case.office_id);
    store
        .audit(
            &mut tx,
            &actor,
            Event::new(action, "attendance", entry, json!({"case_id": case_id.0})),
        )
        .await?;
    tx.commit().await?;
    Ok(())
}

/// Rejects an entry with a reason, which stays on the record (B5).
pub async fn reject(
    store: &Store,
    access: &CaseAccess,
    entry: EntryId,
    reason: &str,
) -> Result<(), LedgerError> {
    let actor = &access.actor_for(karya_domain::Permission::VerifyAttendance)?;
    let (_, user) = acting_step(access)?;
    let scope = access.scope();
    let case_id = access.id();
    let mut tx = store.begin_write().await?;
    let (case, mut ledger) = open_entry(&mut tx, scope, case_id, entry).await?;
    ledger.reject(entry.0, user.0, reason)?;
    sqlx::query("UPDATE attendance SET state = $1, rejected_by = $2, rejected_reason = $3, rejected_at = $4 WHERE id = $5")
        .bind("rejected")
        .bind(user.0)
        .bind(reason)
        .bind(store.now_text())
        .bind(entry.0)
        .execute(&mut *tx)
        .await?;
    let mut actor = actor.clone();
    actor.office_id = Some(case.office_id);
    let summary = json!({"case_id": case_id.0, "reason": reason});
    store
        .audit(
            &mut tx,
            &actor,
            Event::new("attendance.reject", "attendance", entry, summary),
        )
        .await?;
    tx.commit().await?;
    Ok(())
}

/// Reports waiting for the grant's step of verification (the PJ's, then the PK's) in the
/// cases it reaches: a verification queue.
pub async fn awaiting(
    store: &Store,
    grant: &crate::access::Grant,
) -> Result<Vec<(Case, EntryView)>, StoreError> {
    let step = step_of(grant.role()).ok_or(StoreError::Forbidden)?;
    if grant.permission() != karya_domain::Permission::VerifyAttendance {
        return Err(StoreError::Forbidden);
    }
    let wanted = match step {
        Step::Supervisor => "reported",
        Step::Pk => "supervisor_verified",
    };
    let mut queue = Vec::new();
    for case in store.cases_in(grant).await? {
        let (_, views) = ledger_of(store, &case).await?;
        for view in views
            .into_iter()
            .filter(|v| v.entry.state.as_str() == wanted)
        {
            queue.push((case.clone(), view));
        }
    }
    Ok(queue)
}

/// The cases `grant` reaches, each with its ledger: the case list.
pub async fn case_ledgers(
    store: &Store,
    grant: &crate::access::Grant,
) -> Result<Vec<(Case, Ledger)>, StoreError> {
    let mut out = Vec::new();
    for case in store.cases_in(grant).await? {
        let (ledger, _) = ledger_of(store, &case).await?;
        out.push((case, ledger));
    }
    Ok(out)
}

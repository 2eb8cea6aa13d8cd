//! The work-place supervisor's view of a day (issue "serving the hours"): the clients placed
//! at their partner whose schedule has a session today, and one record for several clients
//! who worked the same session. Each client signs their own report on the PJ's device with
//! their own password (B5: the report is the client's); the PJ's verification stays a
//! separate act, then the PK credits it. A client whose decision requires attendance
//! monitoring reports alone, with a located photo (P10).

use jiff::civil::{Date, Weekday};
use karya_domain::EntryState;
use karya_domain::ledger::DeviceSignature;
use serde_json::json;

use crate::access::Grant;
use crate::attendance::{LedgerError, NewEntry, ledger_on};
use crate::audit::Event;
use crate::cases::{CaseScope, get_on, lock};
use crate::clock;
use crate::db::Store;
use crate::error::Result;
use crate::ids::{CaseId, PartnerId, UserId};

/// A client expected at the partner today.
#[derive(Debug, Clone)]
pub struct Expected {
    pub case_id: CaseId,
    pub client_name: String,
    /// Today's session(s), e.g. `09:00–13:00`.
    pub sessions: Vec<karya_domain::schedule::Slot>,
    /// Reports already recorded for the day.
    pub reported_today: usize,
}

/// Clients currently placed at `partner` with a session on `day`'s weekday.
pub async fn expected(store: &Store, grant: &Grant, day: Date) -> Result<Vec<Expected>> {
    let partner = supervised_partner(grant)?;
    let rows: Vec<(i64, String, Option<String>, String, String)> = sqlx::query_as(
        "SELECT pl.case_id, p.full_name, p.birth_date, c.date_final, pl.schedule FROM placements pl
         JOIN cases c ON c.id = pl.case_id JOIN persons p ON p.id = c.person_id
         WHERE pl.partner_id = $1 AND pl.ended_on IS NULL AND c.status IN ('placed', 'serving', 'under_examination')
         ORDER BY p.full_name",
    )
    .bind(partner.0)
    .fetch_all(store.pool())
    .await?;
    let weekday: Weekday = day.weekday();
    let mut out = Vec::new();
    for (case_id, full_name, birth_date, date_final, schedule) in rows {
        // The day page is a list: a child client shows by initials (§2.3.1, UU 11/2012).
        let client_name =
            crate::register::listed_name_on_record(&full_name, birth_date.as_deref(), &date_final);
        let sessions: Vec<_> = schedule
            .split(';')
            .filter_map(karya_domain::schedule::Slot::parse)
            .filter(|s| s.weekday == weekday)
            .collect();
        if sessions.is_empty() {
            continue;
        }
        let (reported,): (i64,) = sqlx::query_as(
            "SELECT COUNT(*) FROM attendance WHERE case_id = $1 AND SUBSTR(start_at, 1, 10) >= $2 AND SUBSTR(start_at, 1, 10) <= $3",
        )
        .bind(case_id)
        // Stored instants are UTC; a local day spans at most two UTC dates.
        .bind(day.yesterday().unwrap_or(day).to_string())
        .bind(day.to_string())
        .fetch_one(store.pool())
        .await?;
        out.push(Expected {
            case_id: CaseId(case_id),
            client_name,
            sessions,
            reported_today: usize::try_from(reported).unwrap_or(0),
        });
    }
    Ok(out)
}

/// A client of a session as the supervisor's device sees them: their login (to sign the
/// report with their own password, B5) and whether their decision requires attendance
/// monitoring (P10), which a shared session cannot satisfy.
#[derive(Debug, Clone)]
pub struct SessionClient {
    pub case_id: CaseId,
    /// The client's login and its password hash; none before the registry creates it.
    pub login: Option<(UserId, String, String)>,
    pub monitoring_required: bool,
}

/// The session facts of `cases`, each placed at the supervisor's partner (others are left
/// out: the session's record refuses them anyway).
pub async fn session_clients(
    store: &Store,
    grant: &Grant,
    cases: &[CaseId],
) -> Result<Vec<SessionClient>> {
    let partner = supervised_partner(grant)?;
    let mut out = Vec::new();
    for case_id in cases {
        let row: Option<(i64, Option<i64>)> = sqlx::query_as(
            "SELECT c.person_id, pp.monitoring_required FROM placements pl
             JOIN cases c ON c.id = pl.case_id
             LEFT JOIN placement_profiles pp ON pp.case_id = c.id
             WHERE pl.case_id = $1 AND pl.partner_id = $2 AND pl.ended_on IS NULL",
        )
        .bind(case_id.0)
        .bind(partner.0)
        .fetch_optional(store.pool())
        .await?;
        let Some((person, monitored)) = row else {
            continue;
        };
        let login: Option<(i64, String, String)> = sqlx::query_as(
            "SELECT u.id, u.username, u.password_hash FROM users u
             JOIN user_roles r ON r.user_id = u.id AND r.role = 'client'
             WHERE u.person_id = $1 AND u.disabled = 0 ORDER BY u.id LIMIT 1",
        )
        .bind(person)
        .fetch_optional(store.pool())
        .await?;
        out.push(SessionClient {
            case_id: *case_id,
            login: login.map(|(id, username, hash)| (UserId(id), username, hash)),
            monitoring_required: monitored.is_some_and(|m| m != 0),
        });
    }
    Ok(out)
}

/// One client's part of a session: their case, how their signature on the supervisor's
/// device went, and the login that signed.
#[derive(Debug, Clone, Copy)]
pub struct Signed {
    pub case_id: CaseId,
    pub signature: DeviceSignature,
    pub signer: Option<UserId>,
}

/// Records one session for several clients at once, each signed by the client on the
/// supervisor's device and checked by its own ledger (B5, P10, L5, L6), all in one
/// transaction: either every client's report is stored or none is. The reports wait for the
/// PJ's verification, a separate act. Returns the case whose check refused, with the refusal.
pub async fn record_session(
    store: &Store,
    grant: &Grant,
    clients: &[Signed],
    entry: &NewEntry,
) -> std::result::Result<usize, (Option<CaseId>, LedgerError)> {
    let partner = supervised_partner(grant).map_err(|e| (None, e.into()))?;
    let actor = &grant.actor();
    let supervisor = grant.user().id;
    let mut tx = store.begin_write().await.map_err(|e| (None, e.into()))?;
    let now = store.now_text();
    for client in clients {
        let case_id = client.case_id;
        let fail = |e: LedgerError| (Some(case_id), e);
        let case = get_on(&mut tx, CaseScope::Partner(partner), case_id)
            .await
            .map_err(|e| fail(e.into()))?;
        lock(&mut tx, case_id).await.map_err(|e| fail(e.into()))?;
        karya_domain::ledger::check_takes_reports(case.status).map_err(|v| fail(v.into()))?;
        let monitored: Option<(i64,)> =
            sqlx::query_as("SELECT monitoring_required FROM placement_profiles WHERE case_id = $1")
                .bind(case_id.0)
                .fetch_optional(&mut *tx)
                .await
                .map_err(|e| fail(e.into()))?;
        let attestation = karya_domain::ledger::check_session_signature(
            client.signature,
            monitored.is_some_and(|(m,)| m != 0),
        )
        .map_err(|v| fail(v.into()))?;
        let signer = client_of(&mut tx, &case, client.signer)
            .await
            .map_err(|e| fail(e.into()))?;
        let ledger = ledger_on(&mut tx, &case)
            .await
            .map_err(|e| fail(e.into()))?;
        ledger
            .check_new_entry(entry.start, entry.end, store.now())
            .map_err(|v| fail(v.into()))?;
        let minutes = entry.end.duration_since(entry.start).as_secs() / 60;
        let (id,): (i64,) = sqlx::query_as(
            "INSERT INTO attendance (case_id, start_at, end_at, minutes, activity, state, reported_by, reported_at, attested_via, attested_at, attest_witness_id)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $8, $10) RETURNING id",
        )
        .bind(case_id.0)
        .bind(clock::text(entry.start))
        .bind(clock::text(entry.end))
        .bind(minutes)
        .bind(&entry.activity)
        .bind(EntryState::Reported.as_str())
        .bind(signer.0)
        .bind(&now)
        .bind(attestation.as_str())
        .bind(supervisor.0)
        .fetch_one(&mut *tx)
        .await
        .map_err(|e| fail(e.into()))?;
        let mut scoped = actor.clone();
        scoped.office_id = Some(case.office_id);
        let summary = json!({"case_id": case_id.0, "minutes": minutes, "session": true, "attested": attestation.as_str()});
        store
            .audit(
                &mut tx,
                &scoped,
                Event::new("attendance.session", "attendance", id, summary),
            )
            .await
            .map_err(|e| fail(e.into()))?;
    }
    tx.commit().await.map_err(|e| (None, e.into()))?;
    Ok(clients.len())
}

/// The signer, when it is the login of the case's own client: nobody else signs for them.
async fn client_of(
    tx: &mut sqlx::AnyConnection,
    case: &crate::cases::Case,
    signer: Option<UserId>,
) -> Result<UserId> {
    let signer = signer.ok_or(crate::error::StoreError::Forbidden)?;
    let row: Option<(i64,)> = sqlx::query_as(
        "SELECT u.id FROM users u JOIN user_roles r ON r.user_id = u.id AND r.role = 'client'
         WHERE u.id = $1 AND u.person_id = $2",
    )
    .bind(signer.0)
    .bind(case.person_id.0)
    .fetch_optional(&mut *tx)
    .await?;
    row.map(|_| signer)
        .ok_or(crate::error::StoreError::Forbidden)
}

/// The time zone of the office a partner belongs to: the supervisor's local day.
pub async fn partner_zone(store: &Store, grant: &Grant) -> Result<karya_domain::OfficeZone> {
    let partner = supervised_partner(grant)?;
    let row: Option<(String,)> = sqlx::query_as(
        "SELECT o.time_zone FROM partners p JOIN offices o ON o.id = p.office_id WHERE p.id = $1",
    )
    .bind(partner.0)
    .fetch_optional(store.pool())
    .await?;
    Ok(row
        .and_then(|(zone,)| karya_domain::OfficeZone::parse(&zone))
        .unwrap_or(karya_domain::OfficeZone::Wib))
}

/// The partner a supervisor's grant to record sessions is bound to.
fn supervised_partner(grant: &Grant) -> Result<PartnerId> {
    if grant.permission() != karya_domain::Permission::RecordWorkSessions {
        return Err(crate::error::StoreError::Forbidden);
    }
    grant
        .scope()
        .partner()
        .ok_or(crate::error::StoreError::Forbidden)
}

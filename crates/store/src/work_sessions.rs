//! The work-place supervisor's view of a day (issue "serving the hours"): the clients placed
//! at their partner whose schedule has a session today, and one record for several clients
//! who worked the same session. The PJ saw the work, so such a record is born verified by the
//! PJ (B5's first step); the case's PK credits it, and nobody verifies their own report.

use jiff::civil::{Date, Weekday};
use karya_domain::EntryState;
use serde_json::json;

use crate::access::Grant;
use crate::attendance::{LedgerError, NewEntry, ledger_on};
use crate::audit::Event;
use crate::cases::{CaseScope, get_on, lock};
use crate::clock;
use crate::db::Store;
use crate::error::Result;
use crate::ids::{CaseId, PartnerId};

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
    let rows: Vec<(i64, String, String)> = sqlx::query_as(
        "SELECT pl.case_id, p.full_name, pl.schedule FROM placements pl
         JOIN cases c ON c.id = pl.case_id JOIN persons p ON p.id = c.person_id
         WHERE pl.partner_id = $1 AND pl.ended_on IS NULL AND c.status IN ('placed', 'serving', 'under_examination')
         ORDER BY p.full_name",
    )
    .bind(partner.0)
    .fetch_all(store.pool())
    .await?;
    let weekday: Weekday = day.weekday();
    let mut out = Vec::new();
    for (case_id, client_name, schedule) in rows {
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

/// Records one session for several clients at once, each checked by its own ledger (L5, L6,
/// B5), all in one transaction: either every client's record is stored or none is. Returns
/// the case whose ledger refused, with the refusal.
pub async fn record_session(
    store: &Store,
    grant: &Grant,
    cases: &[CaseId],
    entry: &NewEntry,
) -> std::result::Result<usize, (Option<CaseId>, LedgerError)> {
    let partner = supervised_partner(grant).map_err(|e| (None, e.into()))?;
    let actor = &grant.actor();
    let supervisor = grant.user().id;
    let mut tx = store.begin_write().await.map_err(|e| (None, e.into()))?;
    let now = store.now_text();
    for case_id in cases {
        let fail = |e: LedgerError| (Some(*case_id), e);
        let case = get_on(&mut tx, CaseScope::Partner(partner), *case_id)
            .await
            .map_err(|e| fail(e.into()))?;
        lock(&mut tx, *case_id).await.map_err(|e| fail(e.into()))?;
        karya_domain::ledger::check_takes_reports(case.status).map_err(|v| fail(v.into()))?;
        let ledger = ledger_on(&mut tx, &case)
            .await
            .map_err(|e| fail(e.into()))?;
        ledger
            .check_new_entry(entry.start, entry.end, store.now())
            .map_err(|v| fail(v.into()))?;
        let minutes = entry.end.duration_since(entry.start).as_secs() / 60;
        let (id,): (i64,) = sqlx::query_as(
            "INSERT INTO attendance (case_id, start_at, end_at, minutes, activity, state, reported_by, reported_at, supervisor_id, supervisor_at)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id",
        )
        .bind(case_id.0)
        .bind(clock::text(entry.start))
        .bind(clock::text(entry.end))
        .bind(minutes)
        .bind(&entry.activity)
        .bind(EntryState::SupervisorVerified { supervisor: supervisor.0 }.as_str())
        .bind(supervisor.0)
        .bind(&now)
        .bind(supervisor.0)
        .bind(&now)
        .fetch_one(&mut *tx)
        .await
        .map_err(|e| fail(e.into()))?;
        let mut scoped = actor.clone();
        scoped.office_id = Some(case.office_id);
        let summary = json!({"case_id": case_id.0, "minutes": minutes, "session": true});
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
    Ok(cases.len())
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

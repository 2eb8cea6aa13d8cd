//! The data protection officer's registers and the subject-access export (issue 12, item 13;
//! UU PDP 27/2022, see `karya_domain::privacy`). Every function takes the grant of
//! [`Permission::ProtectPersonalData`], which only the data protection officer holds, with a
//! national reach: a data subject may have been a client of any office.

use karya_domain::Permission;
use karya_domain::privacy::RequestKind;
use serde::Serialize;
use serde_json::{Map, Value, json};
use sqlx::{Column, Row};

use crate::access::Grant;
use crate::audit::Event;
use crate::db::{Engine, Store};
use crate::error::{Result, StoreError};
use crate::ids::PersonId;

fn checked(grant: &Grant) -> Result<()> {
    if grant.permission() == Permission::ProtectPersonalData {
        Ok(())
    } else {
        Err(StoreError::Forbidden)
    }
}

/// A person found by the officer's search.
#[derive(Debug, Clone, Serialize)]
pub struct PersonHit {
    pub id: i64,
    pub full_name: String,
    pub birth_date: Option<String>,
    pub cases: i64,
}

/// People whose NIK is `query`, or whose name contains it (case-insensitive); at most 50.
pub async fn find_people(store: &Store, grant: &Grant, query: &str) -> Result<Vec<PersonHit>> {
    checked(grant)?;
    let query = query.trim();
    if query.chars().count() < 3 {
        return Ok(Vec::new());
    }
    let pattern = format!("%{}%", query.to_lowercase());
    let rows: Vec<(i64, String, Option<String>, i64)> = sqlx::query_as(
        "SELECT p.id, p.full_name, p.birth_date,
                (SELECT COUNT(*) FROM cases c WHERE c.person_id = p.id)
         FROM persons p
         WHERE p.nik = $1 OR LOWER(p.full_name) LIKE $2
         ORDER BY p.full_name, p.id LIMIT 50",
    )
    .bind(query)
    .bind(&pattern)
    .fetch_all(store.pool())
    .await?;
    Ok(rows
        .into_iter()
        .map(|(id, full_name, birth_date, cases)| PersonHit {
            id,
            full_name,
            birth_date,
            cases,
        })
        .collect())
}

/// Who a person is, for the officer's page about them: their name and how many cases.
pub async fn person_summary(store: &Store, grant: &Grant, person: PersonId) -> Result<PersonHit> {
    checked(grant)?;
    let row: Option<(i64, String, Option<String>, i64)> = sqlx::query_as(
        "SELECT p.id, p.full_name, p.birth_date,
                (SELECT COUNT(*) FROM cases c WHERE c.person_id = p.id)
         FROM persons p WHERE p.id = $1",
    )
    .bind(person.0)
    .fetch_optional(store.pool())
    .await?;
    let (id, full_name, birth_date, cases) = row.ok_or(StoreError::NotFound)?;
    Ok(PersonHit {
        id,
        full_name,
        birth_date,
        cases,
    })
}

/// One row as JSON, whatever its columns: integers, reals and text as themselves, binary
/// content as its size (the PDFs of issued letters are in the export as their list, not their
/// bytes).
fn row_json(row: &sqlx::any::AnyRow) -> Value {
    let mut object = Map::new();
    for (index, column) in row.columns().iter().enumerate() {
        let value = if let Ok(v) = row.try_get::<Option<i64>, _>(index) {
            json!(v)
        } else if let Ok(v) = row.try_get::<Option<f64>, _>(index) {
            json!(v)
        } else if let Ok(v) = row.try_get::<Option<String>, _>(index) {
            json!(v)
        } else if let Ok(v) = row.try_get::<Option<Vec<u8>>, _>(index) {
            json!(v.map(|bytes| format!("[{} bytes]", bytes.len())))
        } else if let Ok(v) = row.try_get::<Option<bool>, _>(index) {
            json!(v)
        } else {
            Value::Null
        };
        object.insert(column.name().to_owned(), value);
    }
    Value::Object(object)
}

async fn rows(store: &Store, sql: String, ids: &[i64]) -> Result<Vec<Value>> {
    let mut query = sqlx::query(sqlx::AssertSqlSafe(sql));
    for id in ids {
        query = query.bind(*id);
    }
    Ok(query
        .fetch_all(store.pool())
        .await?
        .iter()
        .map(row_json)
        .collect())
}

/// `$1, $2, …` for `n` values.
fn placeholders(n: usize) -> String {
    (1..=n)
        .map(|i| format!("${i}"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// The tables that hang off a case (every table with a `case_id` column), from the
/// database's own catalogue, so that a table added later is in the export without a change
/// here.
async fn case_tables(store: &Store) -> Result<Vec<String>> {
    let sql = match store.engine() {
        Engine::Sqlite => {
            "SELECT m.name FROM sqlite_master m JOIN pragma_table_info(m.name) p
             WHERE m.type = 'table' AND p.name = 'case_id' ORDER BY m.name"
        }
        Engine::Postgres => {
            "SELECT table_name::text FROM information_schema.columns
             WHERE column_name = 'case_id' AND table_schema = current_schema()
             ORDER BY table_name"
        }
    };
    let names: Vec<(String,)> = sqlx::query_as(sql).fetch_all(store.pool()).await?;
    Ok(names.into_iter().map(|(name,)| name).collect())
}

/// Everything Karya holds about `person` and its processing trail, for a subject-access
/// request (UU PDP Art. 32): the identity, the login (without its secrets), every case with
/// every record that hangs off it, the person's requests, and the audit events about the
/// person, their cases and their login. The export itself is audited.
pub async fn subject_export(store: &Store, grant: &Grant, person: PersonId) -> Result<Value> {
    checked(grant)?;
    let identity = rows(
        store,
        "SELECT * FROM persons WHERE id = $1".into(),
        &[person.0],
    )
    .await?;
    let Some(identity) = identity.into_iter().next() else {
        return Err(StoreError::NotFound);
    };
    let login = rows(
        store,
        "SELECT id, username, display_name, language, disabled, created_at FROM users
         WHERE person_id = $1"
            .into(),
        &[person.0],
    )
    .await?;
    let cases = rows(
        store,
        "SELECT * FROM cases WHERE person_id = $1 ORDER BY id".into(),
        &[person.0],
    )
    .await?;
    let case_ids: Vec<i64> = cases.iter().filter_map(|c| c["id"].as_i64()).collect();
    let mut records = Map::new();
    if !case_ids.is_empty() {
        let list = placeholders(case_ids.len());
        for table in case_tables(store).await? {
            let found = rows(
                store,
                format!("SELECT * FROM {table} WHERE case_id IN ({list})"),
                &case_ids,
            )
            .await?;
            if !found.is_empty() {
                records.insert(table, Value::Array(found));
            }
        }
    }
    let requests = rows(
        store,
        "SELECT * FROM subject_requests WHERE person_id = $1 ORDER BY id".into(),
        &[person.0],
    )
    .await?;
    let user_ids: Vec<i64> = login.iter().filter_map(|u| u["id"].as_i64()).collect();
    let mut trail_sql = String::from(
        "SELECT seq, occurred_at, actor_username, actor_role, action, object_type, object_id,
                summary FROM audit_events
         WHERE (object_type = 'person' AND object_id = $1)",
    );
    let mut trail_ids: Vec<String> = vec![person.0.to_string()];
    for id in &case_ids {
        trail_ids.push(id.to_string());
        trail_sql.push_str(&format!(
            " OR (object_type = 'case' AND object_id = ${})",
            trail_ids.len()
        ));
    }
    for id in &user_ids {
        trail_ids.push(id.to_string());
        trail_sql.push_str(&format!(
            " OR (object_type = 'user' AND object_id = ${})",
            trail_ids.len()
        ));
    }
    trail_sql.push_str(" ORDER BY seq");
    let mut query = sqlx::query(sqlx::AssertSqlSafe(trail_sql));
    for id in &trail_ids {
        query = query.bind(id.as_str());
    }
    let trail: Vec<Value> = query
        .fetch_all(store.pool())
        .await?
        .iter()
        .map(row_json)
        .collect();
    let export = json!({
        "law": "UU 27/2022 tentang Pelindungan Data Pribadi, Pasal 32",
        "exported_at": store.now_text(),
        "exported_by": grant.user().username,
        "person": identity,
        "login": login,
        "cases": cases,
        "records": records,
        "requests": requests,
        "processing_trail": trail,
    });
    let event = Event::new(
        "privacy.subject_export",
        "person",
        person,
        json!({"cases": case_ids.len(), "trail_events": export["processing_trail"].as_array().map_or(0, Vec::len)}),
    );
    store.audit_alone(&grant.actor(), event).await?;
    Ok(export)
}

/// A request as the officer records it.
pub struct NewRequest<'a> {
    pub person: PersonId,
    pub kind: RequestKind,
    pub received_at: jiff::Timestamp,
    pub channel: &'a str,
    pub details: &'a str,
}

pub async fn record_request(store: &Store, grant: &Grant, request: &NewRequest<'_>) -> Result<i64> {
    checked(grant)?;
    let mut tx = store.begin_write().await?;
    let exists: Option<(i64,)> = sqlx::query_as("SELECT id FROM persons WHERE id = $1")
        .bind(request.person.0)
        .fetch_optional(&mut *tx)
        .await?;
    if exists.is_none() {
        return Err(StoreError::NotFound);
    }
    let (id,): (i64,) = sqlx::query_as(
        "INSERT INTO subject_requests (person_id, kind, received_at, channel, details, recorded_by)
         VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
    )
    .bind(request.person.0)
    .bind(request.kind.as_str())
    .bind(crate::clock::text(request.received_at))
    .bind(request.channel)
    .bind(request.details)
    .bind(grant.user().id.0)
    .fetch_one(&mut *tx)
    .await?;
    let event = Event::new(
        "privacy.request_record",
        "subject_request",
        id,
        json!({"kind": request.kind.as_str(), "person": request.person.0}),
    );
    store.audit(&mut tx, &grant.actor(), event).await?;
    tx.commit().await?;
    Ok(id)
}

/// Answers an open request: granted (the access given, the correction made) or refused, with
/// what was done or why not.
pub async fn answer_request(
    store: &Store,
    grant: &Grant,
    id: i64,
    granted: bool,
    answer: &str,
) -> Result<()> {
    checked(grant)?;
    let mut tx = store.begin_write().await?;
    let done = sqlx::query(
        "UPDATE subject_requests SET answered_at = $1, outcome = $2, answer = $3, answered_by = $4
         WHERE id = $5 AND answered_at IS NULL",
    )
    .bind(store.now_text())
    .bind(if granted { "granted" } else { "refused" })
    .bind(answer)
    .bind(grant.user().id.0)
    .bind(id)
    .execute(&mut *tx)
    .await?;
    if done.rows_affected() != 1 {
        return Err(StoreError::NotFound);
    }
    let event = Event::new(
        "privacy.request_answer",
        "subject_request",
        id,
        json!({"granted": granted}),
    );
    store.audit(&mut tx, &grant.actor(), event).await?;
    tx.commit().await?;
    Ok(())
}

/// A request in the register, for the officer's page.
#[derive(Debug, Clone)]
pub struct RequestRow {
    pub id: i64,
    pub person_id: i64,
    pub person_name: String,
    pub kind: RequestKind,
    pub received_at: jiff::Timestamp,
    pub channel: String,
    pub details: String,
    pub answered_at: Option<jiff::Timestamp>,
    pub outcome: Option<String>,
    pub answer: Option<String>,
}

pub async fn requests(store: &Store, grant: &Grant) -> Result<Vec<RequestRow>> {
    checked(grant)?;
    type Raw = (
        i64,
        i64,
        String,
        String,
        String,
        String,
        String,
        Option<String>,
        Option<String>,
        Option<String>,
    );
    let raw: Vec<Raw> = sqlx::query_as(
        "SELECT r.id, r.person_id, p.full_name, r.kind, r.received_at, r.channel, r.details,
                r.answered_at, r.outcome, r.answer
         FROM subject_requests r JOIN persons p ON p.id = r.person_id
         ORDER BY (r.answered_at IS NULL) DESC, r.received_at, r.id",
    )
    .fetch_all(store.pool())
    .await?;
    Ok(raw
        .into_iter()
        .filter_map(
            |(
                id,
                person_id,
                person_name,
                kind,
                received,
                channel,
                details,
                answered,
                outcome,
                answer,
            )| {
                Some(RequestRow {
                    id,
                    person_id,
                    person_name,
                    kind: RequestKind::parse(&kind)?,
                    received_at: received.parse().ok()?,
                    channel,
                    details,
                    answered_at: answered.and_then(|t| t.parse().ok()),
                    outcome,
                    answer,
                })
            },
        )
        .collect())
}

/// A breach as the officer records it (UU PDP Art. 46(2) says what its notice must hold).
pub struct NewBreach<'a> {
    pub discovered_at: jiff::Timestamp,
    pub occurred_on: Option<jiff::civil::Date>,
    pub data_exposed: &'a str,
    pub how: &'a str,
    pub handling: &'a str,
    pub subjects_affected: i64,
}

pub async fn record_breach(store: &Store, grant: &Grant, breach: &NewBreach<'_>) -> Result<i64> {
    checked(grant)?;
    let mut tx = store.begin_write().await?;
    let (id,): (i64,) = sqlx::query_as(
        "INSERT INTO breaches (discovered_at, occurred_on, data_exposed, how, handling,
                               subjects_affected, recorded_by, recorded_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id",
    )
    .bind(crate::clock::text(breach.discovered_at))
    .bind(breach.occurred_on.map(|d| d.to_string()))
    .bind(breach.data_exposed)
    .bind(breach.how)
    .bind(breach.handling)
    .bind(breach.subjects_affected)
    .bind(grant.user().id.0)
    .bind(store.now_text())
    .fetch_one(&mut *tx)
    .await?;
    let event = Event::new(
        "privacy.breach_record",
        "breach",
        id,
        json!({"subjects_affected": breach.subjects_affected}),
    );
    store.audit(&mut tx, &grant.actor(), event).await?;
    tx.commit().await?;
    Ok(id)
}

/// Who a breach notice went to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Recipient {
    /// The supervisory body (*lembaga*, Art. 46(1)).
    Authority,
    /// The data subjects.
    Subjects,
}

/// Records that the written notice went to `recipient` now. A notice is recorded once.
pub async fn mark_notified(
    store: &Store,
    grant: &Grant,
    id: i64,
    recipient: Recipient,
) -> Result<()> {
    checked(grant)?;
    let column = match recipient {
        Recipient::Authority => "authority_notified_at",
        Recipient::Subjects => "subjects_notified_at",
    };
    let mut tx = store.begin_write().await?;
    let done = sqlx::query(sqlx::AssertSqlSafe(format!(
        "UPDATE breaches SET {column} = $1 WHERE id = $2 AND {column} IS NULL"
    )))
    .bind(store.now_text())
    .bind(id)
    .execute(&mut *tx)
    .await?;
    if done.rows_affected() != 1 {
        return Err(StoreError::Conflict);
    }
    let event = Event::new(
        "privacy.breach_notified",
        "breach",
        id,
        json!({"to": column}),
    );
    store.audit(&mut tx, &grant.actor(), event).await?;
    tx.commit().await?;
    Ok(())
}

/// A breach in the register.
#[derive(Debug, Clone)]
pub struct BreachRow {
    pub id: i64,
    pub discovered_at: jiff::Timestamp,
    pub occurred_on: Option<String>,
    pub data_exposed: String,
    pub how: String,
    pub handling: String,
    pub subjects_affected: i64,
    pub authority_notified_at: Option<jiff::Timestamp>,
    pub subjects_notified_at: Option<jiff::Timestamp>,
}

pub async fn breaches(store: &Store, grant: &Grant) -> Result<Vec<BreachRow>> {
    checked(grant)?;
    type Raw = (
        i64,
        String,
        Option<String>,
        String,
        String,
        String,
        i64,
        Option<String>,
        Option<String>,
    );
    let raw: Vec<Raw> = sqlx::query_as(
        "SELECT id, discovered_at, occurred_on, data_exposed, how, handling, subjects_affected,
                authority_notified_at, subjects_notified_at
         FROM breaches ORDER BY discovered_at DESC, id DESC",
    )
    .fetch_all(store.pool())
    .await?;
    Ok(raw
        .into_iter()
        .filter_map(
            |(
                id,
                discovered,
                occurred_on,
                data_exposed,
                how,
                handling,
                subjects_affected,
                authority,
                subjects,
            )| {
                Some(BreachRow {
                    id,
                    discovered_at: discovered.parse().ok()?,
                    occurred_on,
                    data_exposed,
                    how,
                    handling,
                    subjects_affected,
                    authority_notified_at: authority.and_then(|t| t.parse().ok()),
                    subjects_notified_at: subjects.and_then(|t| t.parse().ok()),
                })
            },
        )
        .collect())
}

pub async fn breach(store: &Store, grant: &Grant, id: i64) -> Result<BreachRow> {
    breaches(store, grant)
        .await?
        .into_iter()
        .find(|b| b.id == id)
        .ok_or(StoreError::NotFound)
}

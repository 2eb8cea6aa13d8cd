//! Applies the retention schedule (`karya_domain::privacy::SCHEDULE`; issue 12, item 13):
//! anonymises the identity of clients whose every case ended long enough ago, and deletes
//! spent security records. Each kind is one transaction, audited with its count; a dry run
//! counts without changing anything.

use karya_domain::privacy;
use serde_json::json;

use crate::audit::{Actor, Event};
use crate::db::Store;
use crate::error::Result;

/// What replaces an anonymised client's name.
pub const ANONYMISED_NAME: &str = "[dihapus: masa retensi berakhir]";

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Report {
    pub identities_anonymised: u64,
    pub form_tokens_deleted: u64,
    pub throttles_deleted: u64,
}

/// Clients whose cases have all ended, with the day the last one ended (its termination
/// letter, else its order, else its start).
async fn ended_clients(store: &Store) -> Result<Vec<(i64, String)>> {
    let rows: Vec<(i64, Option<String>)> = sqlx::query_as(
        "SELECT p.id, MAX(COALESCE(t.issued_at, t.ordered_at, t.started_at))
         FROM persons p
         JOIN cases c ON c.person_id = p.id
         LEFT JOIN terminations t ON t.case_id = c.id
         WHERE p.full_name <> $1
         GROUP BY p.id
         HAVING SUM(CASE WHEN c.status = 'terminated' THEN 0 ELSE 1 END) = 0",
    )
    .bind(ANONYMISED_NAME)
    .fetch_all(store.pool())
    .await?;
    Ok(rows
        .into_iter()
        .filter_map(|(id, ended)| ended.map(|e| (id, e)))
        .collect())
}

pub async fn run(store: &Store, actor: &Actor, dry_run: bool) -> Result<Report> {
    let now = store.now();
    let today = jiff::tz::TimeZone::UTC.to_datetime(now).date();
    let due: Vec<i64> = ended_clients(store)
        .await?
        .into_iter()
        .filter(|(_, ended)| {
            ended.parse::<jiff::Timestamp>().is_ok_and(|at| {
                let ended = jiff::tz::TimeZone::UTC.to_datetime(at).date();
                privacy::identity_due(ended, today)
            })
        })
        .map(|(id, _)| id)
        .collect();
    let token_cutoff = store.now_ms() - 30 * 86_400_000;
    let throttle_cutoff = store.now_ms() - 86_400_000;
    if dry_run {
        let (tokens,): (i64,) =
            sqlx::query_as("SELECT COUNT(*) FROM form_tokens WHERE created_ms < $1")
                .bind(token_cutoff)
                .fetch_one(store.pool())
                .await?;
        let (throttles,): (i64,) = sqlx::query_as(
            "SELECT COUNT(*) FROM login_throttle WHERE locked_until_ms < $1 AND window_start_ms < $1",
        )
        .bind(throttle_cutoff)
        .fetch_one(store.pool())
        .await?;
        return Ok(Report {
            identities_anonymised: due.len() as u64,
            form_tokens_deleted: u64::try_from(tokens).unwrap_or(0),
            throttles_deleted: u64::try_from(throttles).unwrap_or(0),
        });
    }
    let mut report = Report::default();
    for person in due {
        let mut tx = store.begin_write().await?;
        sqlx::query(
            "UPDATE persons SET full_name = $1, nik = NULL, aliases = '', birth_place = '',
                birth_date = NULL, address = '', occupation = '', father_name = '',
                mother_name = '', contact = '', tattoos = '', piercings = '', limbs = '',
                illnesses = '', other_features = '', name_key = ''
             WHERE id = $2",
        )
        .bind(ANONYMISED_NAME)
        .bind(person)
        .execute(&mut *tx)
        .await?;
        sqlx::query("UPDATE users SET disabled = 1 WHERE person_id = $1")
            .bind(person)
            .execute(&mut *tx)
            .await?;
        let event = Event::new(
            "retention.anonymise",
            "person",
            person,
            json!({"years": privacy::IDENTITY_YEARS}),
        );
        store.audit(&mut tx, actor, event).await?;
        tx.commit().await?;
        report.identities_anonymised += 1;
    }
    let mut tx = store.begin_write().await?;
    report.form_tokens_deleted = sqlx::query("DELETE FROM form_tokens WHERE created_ms < $1")
        .bind(token_cutoff)
        .execute(&mut *tx)
        .await?
        .rows_affected();
    report.throttles_deleted = sqlx::query(
        "DELETE FROM login_throttle WHERE locked_until_ms < $1 AND window_start_ms < $1",
    )
    .bind(throttle_cutoff)
    .execute(&mut *tx)
    .await?
    .rows_affected();
    let event = Event::new(
        "retention.run",
        "retention",
        "schedule",
        json!({
            "identities_anonymised": report.identities_anonymised,
            "form_tokens_deleted": report.form_tokens_deleted,
            "throttles_deleted": report.throttles_deleted,
        }),
    );
    store.audit(&mut tx, actor, event).await?;
    tx.commit().await?;
    Ok(report)
}

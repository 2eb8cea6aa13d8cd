//! The append-only audit trail (ARCHITECTURE §6).
//!
//! Every write appends an event in the same transaction as the change. Events form a hash
//! chain: `hash = SHA-256(prev_hash ‖ canonical event)`, where the canonical event is the
//! JSON of [`Canonical`] (fixed field order). The single row of `audit_head` holds the last
//! sequence number and hash; updating it first serialises concurrent writers on both engines
//! (a row lock in PostgreSQL, the write lock in SQLite), so the chain never forks. Every
//! [`CHECKPOINT_EVERY`] events a checkpoint signs `seq|hash` with the installation key.

use serde::Serialize;
use serde_json::Value;
use sha2::{Digest, Sha256};
use sqlx::AnyConnection;

use crate::db::Store;
use crate::error::Result;
use crate::ids::{OfficeId, UserId};
use crate::keys::{self, AuditKey};

pub const CHECKPOINT_EVERY: i64 = 50;
pub const GENESIS_HASH: &str = "0000000000000000000000000000000000000000000000000000000000000000";

macro_rules! event_columns {
    () => {
        "seq, occurred_at, request_id, actor_user_id, actor_username, actor_role, office_id, \
         action, object_type, object_id, summary, prev_hash, hash"
    };
}

/// Who acts, in which role and office, within which request.
#[derive(Debug, Clone)]
pub struct Actor {
    pub user_id: Option<UserId>,
    pub username: String,
    pub role: String,
    pub office_id: Option<OfficeId>,
    pub request_id: String,
}

impl Actor {
    /// An operator's command-line action or the system itself (demo loading, jobs).
    pub fn system(what: &str) -> Actor {
        Actor {
            user_id: None,
            username: "system".into(),
            role: "system".into(),
            office_id: None,
            request_id: what.into(),
        }
    }
}

/// What happened, to which object. `summary` holds a before/after summary without secrets.
#[derive(Debug, Clone)]
pub struct Event {
    pub action: &'static str,
    pub object_type: &'static str,
    pub object_id: String,
    pub summary: Value,
}

impl Event {
    pub fn new(
        action: &'static str,
        object_type: &'static str,
        object_id: impl ToString,
        summary: Value,
    ) -> Event {
        Event {
            action,
            object_type,
            object_id: object_id.to_string(),
            summary,
        }
    }
}

/// The hashed form of an event; field order is part of the format.
#[derive(Serialize)]
struct Canonical<'a> {
    seq: i64,
    occurred_at: &'a str,
    request_id: &'a str,
    actor_user_id: Option<i64>,
    actor_username: &'a str,
    actor_role: &'a str,
    office_id: Option<i64>,
    action: &'a str,
    object_type: &'a str,
    object_id: &'a str,
    summary: &'a str,
}

fn chain_hash(prev_hash: &str, canonical: &Canonical<'_>) -> String {
    let mut hasher = Sha256::new();
    hasher.update(prev_hash.as_bytes());
    hasher.update(serde_json::to_vec(canonical).unwrap_or_default());
    hex::encode(hasher.finalize())
}

fn checkpoint_message(seq: i64, hash: &str) -> Vec<u8> {
    format!("karya-audit|{seq}|{hash}").into_bytes()
}

impl Store {
    /// Appends `event` inside the caller's transaction and returns its sequence number.
    pub async fn audit(&self, tx: &mut AnyConnection, actor: &Actor, event: Event) -> Result<i64> {
        append(tx, self.audit_key.as_ref(), &self.now_text(), actor, event).await
    }

    /// Records an event in the caller's transaction on behalf of `office`: the office of the
    /// record the action touched, which may differ from the actor's own (a national user).
    pub async fn audit_in(
        &self,
        tx: &mut AnyConnection,
        actor: &Actor,
        office: crate::ids::OfficeId,
        event: Event,
    ) -> Result<i64> {
        let mut actor = actor.clone();
        actor.office_id = Some(office);
        self.audit(tx, &actor, event).await
    }

    /// As [`Store::audit_alone`], on behalf of `office` (the office of the record read).
    pub async fn audit_alone_in(
        &self,
        actor: &Actor,
        office: crate::ids::OfficeId,
        event: Event,
    ) -> Result<i64> {
        let mut actor = actor.clone();
        actor.office_id = Some(office);
        self.audit_alone(&actor, event).await
    }

    /// Records an event in a transaction of its own (denied access, logins, reads of
    /// sensitive records): things that are not part of a business write.
    pub async fn audit_alone(&self, actor: &Actor, event: Event) -> Result<i64> {
        let mut tx = self.begin_write().await?;
        let seq = self.audit(&mut tx, actor, event).await?;
        tx.commit().await?;
        Ok(seq)
    }

    /// Signs the current head now (the demo loader and `serve` at shutdown call this, so
    /// that the tail of the chain is covered too).
    pub async fn audit_checkpoint(&self) -> Result<Option<i64>> {
        let Some(key) = &self.audit_key else {
            return Ok(None);
        };
        let mut tx = self.begin_write().await?;
        let (seq, hash): (i64, String) =
            sqlx::query_as("SELECT last_seq, last_hash FROM audit_head WHERE id = 1")
                .fetch_one(&mut *tx)
                .await?;
        let now = self.now_text();
        if seq > 0 {
            write_checkpoint(&mut tx, key, &now, seq, &hash).await?;
        }
        tx.commit().await?;
        // Witnessed only once committed: the file never names a checkpoint the database lost.
        if let (Some(path), true) = (&self.audit_witness, seq > 0) {
            let line = crate::audit_witness::Witnessed {
                seq,
                signature: key.sign_hex(&checkpoint_message(seq, &hash)),
                hash,
                at: now,
            };
            crate::audit_witness::append(path, &line)?;
            if let Some(command) = &self.outside_witness {
                // A witness off this machine that is down must not stop the server: the local
                // file holds the line, and the failure is logged for the operator.
                if let Err(error) = crate::audit_witness::send(command, &line).await {
                    tracing::warn!(error = %error, seq, "the outside audit witness did not take the checkpoint");
                }
            }
        }
        Ok(Some(seq))
    }
}

async fn append(
    tx: &mut AnyConnection,
    key: Option<&AuditKey>,
    now: &str,
    actor: &Actor,
    event: Event,
) -> Result<i64> {
    let (seq, prev_hash): (i64, String) = sqlx::query_as(
        "UPDATE audit_head SET last_seq = last_seq + 1 WHERE id = 1 RETURNING last_seq, last_hash",
    )
    .fetch_one(&mut *tx)
    .await?;
    let occurred_at = now.to_owned();
    let summary = event.summary.to_string();
    let canonical = Canonical {
        seq,
        occurred_at: &occurred_at,
        request_id: &actor.request_id,
        actor_user_id: actor.user_id.map(|id| id.0),
        actor_username: &actor.username,
        actor_role: &actor.role,
        office_id: actor.office_id.map(|id| id.0),
        action: event.action,
        object_type: event.object_type,
        object_id: &event.object_id,
        summary: &summary,
    };
    let hash = chain_hash(&prev_hash, &canonical);
    sqlx::query(
        "INSERT INTO audit_events (seq, occurred_at, request_id, actor_user_id, actor_username,
            actor_role, office_id, action, object_type, object_id, summary, prev_hash, hash)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)",
    )
    .bind(seq)
    .bind(&occurred_at)
    .bind(&actor.request_id)
    .bind(canonical.actor_user_id)
    .bind(&actor.username)
    .bind(&actor.role)
    .bind(canonical.office_id)
    .bind(event.action)
    .bind(event.object_type)
    .bind(&event.object_id)
    .bind(&summary)
    .bind(&prev_hash)
    .bind(&hash)
    .execute(&mut *tx)
    .await?;
    sqlx::query("UPDATE audit_head SET last_hash = $1 WHERE id = 1")
        .bind(&hash)
        .execute(&mut *tx)
        .await?;
    if let Some(key) = key
        && seq % CHECKPOINT_EVERY == 0
    {
        write_checkpoint(tx, key, now, seq, &hash).await?;
    }
    Ok(seq)
}

async fn write_checkpoint(
    tx: &mut AnyConnection,
    key: &AuditKey,
    now: &str,
    seq: i64,
    hash: &str,
) -> Result<()> {
    sqlx::query(
        "INSERT INTO audit_checkpoints (seq, hash, public_key, signature, created_at)
         VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (seq) DO NOTHING",
    )
    .bind(seq)
    .bind(hash)
    .bind(key.public_hex())
    .bind(key.sign_hex(&checkpoint_message(seq, hash)))
    .bind(now)
    .execute(&mut *tx)
    .await?;
    Ok(())
}

/// One stored event, as read back (for verification and the audit pages).
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct StoredEvent {
    pub seq: i64,
    pub occurred_at: String,
    pub request_id: String,
    pub actor_user_id: Option<i64>,
    pub actor_username: String,
    pub actor_role: String,
    pub office_id: Option<i64>,
    pub action: String,
    pub object_type: String,
    pub object_id: String,
    pub summary: String,
    pub prev_hash: String,
    pub hash: String,
}

impl StoredEvent {
    /// The hash this event should carry, from its content and `prev_hash`.
    pub fn computed_hash(&self) -> String {
        chain_hash(
            &self.prev_hash,
            &Canonical {
                seq: self.seq,
                occurred_at: &self.occurred_at,
                request_id: &self.request_id,
                actor_user_id: self.actor_user_id,
                actor_username: &self.actor_username,
                actor_role: &self.actor_role,
                office_id: self.office_id,
                action: &self.action,
                object_type: &self.object_type,
                object_id: &self.object_id,
                summary: &self.summary,
            },
        )
    }
}

/// The last sequence number and hash of the chain.
pub async fn head(store: &Store) -> Result<(i64, String)> {
    Ok(
        sqlx::query_as("SELECT last_seq, last_hash FROM audit_head WHERE id = 1")
            .fetch_one(store.pool())
            .await?,
    )
}

/// The outcome of [`verify`]: counts, and the first broken link if there is one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Verification {
    pub events: i64,
    pub checkpoints: i64,
    pub first_problem: Option<String>,
}

/// Recomputes the whole chain and checks every checkpoint. `expected_key` is the
/// installation's public key; a checkpoint signed by any other key is a problem, and so is a
/// missing one among every [`CHECKPOINT_EVERY`] events. `witness` is the file of checkpoints
/// kept outside the database: every line must match the chain.
pub async fn verify(
    store: &Store,
    expected_key: Option<&str>,
    witness: Option<&std::path::Path>,
) -> Result<Verification> {
    let witnessed = match witness.map(crate::audit_witness::read).transpose() {
        Ok(lines) => lines.unwrap_or_default(),
        Err(problem) => {
            return Ok(Verification {
                events: 0,
                checkpoints: 0,
                first_problem: Some(problem),
            });
        }
    };
    const PAGE: i64 = 1000;
    let mut events = 0;
    let mut expected_seq = 1;
    let mut prev_hash = GENESIS_HASH.to_owned();
    let problem = |text: String| Ok(Some(text));
    let first_problem: Result<Option<String>> = 'chain: loop {
        let page: Vec<StoredEvent> = sqlx::query_as(concat!(
            "SELECT ",
            event_columns!(),
            " FROM audit_events WHERE seq >= $1 ORDER BY seq LIMIT $2"
        ))
        .bind(expected_seq)
        .bind(PAGE)
        .fetch_all(store.pool())
        .await?;
        let last_page = (page.len() as i64) < PAGE;
        for event in page {
            if event.seq != expected_seq {
                break 'chain problem(format!(
                    "event {expected_seq} is missing: the sequence jumps from {} to {}",
                    expected_seq - 1,
                    event.seq
                ));
            }
            if event.prev_hash != prev_hash {
                break 'chain problem(format!(
                    "event {}: does not link to event {} (events deleted, reordered or replaced)",
                    event.seq,
                    event.seq - 1
                ));
            }
            if event.computed_hash() != event.hash {
                break 'chain problem(format!(
                    "event {}: its content does not match its hash (the row was modified)",
                    event.seq
                ));
            }
            if let Some(line) = witnessed
                .iter()
                .find(|w| w.seq == event.seq && w.hash != event.hash)
            {
                break 'chain problem(format!(
                    "event {}: differs from the checkpoint witnessed outside the database on {} \
                     (the chain was rewritten)",
                    event.seq, line.at
                ));
            }
            prev_hash = event.hash;
            expected_seq += 1;
            events += 1;
        }
        if last_page {
            break 'chain Ok(None);
        }
    };
    let mut first_problem = first_problem?;

    if first_problem.is_none() {
        let (head_seq, head_hash): (i64, String) =
            sqlx::query_as("SELECT last_seq, last_hash FROM audit_head WHERE id = 1")
                .fetch_one(store.pool())
                .await?;
        if head_seq != events || head_hash != prev_hash {
            first_problem = Some(format!(
                "the chain ends at event {events} but {head_seq} events were recorded \
                 (events deleted at the end)"
            ));
        }
    }

    let checkpoints: Vec<(i64, String, String, String)> = sqlx::query_as(
        "SELECT seq, hash, public_key, signature FROM audit_checkpoints ORDER BY seq",
    )
    .fetch_all(store.pool())
    .await?;
    let count = checkpoints.len() as i64;
    if first_problem.is_none() {
        first_problem = check_checkpoints(store, &checkpoints, expected_key).await?;
    }
    if first_problem.is_none() && expected_key.is_some() {
        first_problem = (1..=events / CHECKPOINT_EVERY)
            .map(|k| k * CHECKPOINT_EVERY)
            .find(|seq| !checkpoints.iter().any(|(s, ..)| s == seq))
            .map(|seq| format!("checkpoint at event {seq} is missing (checkpoints deleted)"));
    }
    if first_problem.is_none() {
        first_problem = check_witness(&witnessed, events, expected_key);
    }
    Ok(Verification {
        events,
        checkpoints: count,
        first_problem,
    })
}

async fn check_checkpoints(
    store: &Store,
    checkpoints: &[(i64, String, String, String)],
    expected_key: Option<&str>,
) -> Result<Option<String>> {
    for (seq, hash, public_key, signature) in checkpoints {
        if let Some(expected) = expected_key
            && expected != public_key
        {
            return Ok(Some(format!(
                "checkpoint at event {seq}: signed by a key that is not this installation's"
            )));
        }
        if !keys::verify_hex(public_key, &checkpoint_message(*seq, hash), signature) {
            return Ok(Some(format!(
                "checkpoint at event {seq}: the signature is invalid"
            )));
        }
        let stored: Option<(String,)> =
            sqlx::query_as("SELECT hash FROM audit_events WHERE seq = $1")
                .bind(seq)
                .fetch_optional(store.pool())
                .await?;
        match stored {
            None => {
                return Ok(Some(format!(
                    "checkpoint at event {seq}: the event it signed no longer exists"
                )));
            }
            Some((stored,)) if stored != *hash => {
                return Ok(Some(format!(
                    "checkpoint at event {seq}: the chain was rewritten after it was signed"
                )));
            }
            Some(_) => {}
        }
    }
    Ok(None)
}

/// Every witnessed checkpoint is signed by this installation and names an event the chain
/// still has (its hash was compared during the walk).
fn check_witness(
    witnessed: &[crate::audit_witness::Witnessed],
    events: i64,
    expected_key: Option<&str>,
) -> Option<String> {
    witnessed.iter().find_map(|w| {
        let signed = expected_key.is_none_or(|key| {
            keys::verify_hex(key, &checkpoint_message(w.seq, &w.hash), &w.signature)
        });
        if !signed {
            Some(format!(
                "the witness line for event {}: the signature is invalid",
                w.seq
            ))
        } else if w.seq > events {
            Some(format!(
                "event {} was witnessed outside the database on {} but is missing (events deleted)",
                w.seq, w.at
            ))
        } else {
            None
        }
    })
}

/// Which events a page of the audit trail shows: an office's or every one, of actions
/// starting with a prefix (`supervision.`) or any, older than an event or from the newest.
#[derive(Debug, Clone, Default)]
pub struct EventFilter {
    pub office: Option<OfficeId>,
    pub action_prefix: Option<String>,
    pub before: Option<i64>,
}

/// A page of events newest first, and how many events the filter matches in all (without
/// `before`): the page never stops without saying how many there are.
pub async fn page(
    store: &Store,
    filter: &EventFilter,
    limit: i64,
) -> Result<(Vec<StoredEvent>, i64)> {
    let office = filter.office.map_or(0, |o| o.0);
    // A prefix is matched literally: only letters and underscores, then the dot.
    let prefix = filter
        .action_prefix
        .as_deref()
        .filter(|p| !p.is_empty() && p.chars().all(|c| c.is_ascii_lowercase() || c == '_'))
        .map_or_else(String::new, |p| format!("{p}.%"));
    let rows: Vec<StoredEvent> = sqlx::query_as(concat!(
        "SELECT ",
        event_columns!(),
        " FROM audit_events WHERE ($1 = 0 OR office_id = $1) AND ($2 = '' OR action LIKE $2)
           AND ($3 = 0 OR seq < $3) ORDER BY seq DESC LIMIT $4"
    ))
    .bind(office)
    .bind(&prefix)
    .bind(filter.before.unwrap_or(0))
    .bind(limit)
    .fetch_all(store.pool())
    .await?;
    let (total,): (i64,) = sqlx::query_as(
        "SELECT COUNT(*) FROM audit_events WHERE ($1 = 0 OR office_id = $1) AND ($2 = '' OR action LIKE $2)",
    )
    .bind(office)
    .bind(&prefix)
    .fetch_one(store.pool())
    .await?;
    Ok((rows, total))
}

/// Recent events, newest first: an office's, or all of them for a national reader.
pub async fn recent(
    store: &Store,
    office: Option<OfficeId>,
    limit: i64,
) -> Result<Vec<StoredEvent>> {
    let rows = match office {
        Some(office) => {
            sqlx::query_as(concat!(
                "SELECT ",
                event_columns!(),
                " FROM audit_events WHERE office_id = $1 ORDER BY seq DESC LIMIT $2"
            ))
            .bind(office.0)
            .bind(limit)
            .fetch_all(store.pool())
            .await?
        }
        None => {
            sqlx::query_as(concat!(
                "SELECT ",
                event_columns!(),
                " FROM audit_events ORDER BY seq DESC LIMIT $1"
            ))
            .bind(limit)
            .fetch_all(store.pool())
            .await?
        }
    };
    Ok(rows)
}

/// The events about one object, newest first (a case's history).
pub async fn for_object(
    store: &Store,
    object_type: &str,
    object_id: &str,
    limit: i64,
) -> Result<Vec<StoredEvent>> {
    Ok(sqlx::query_as(concat!(
        "SELECT ",
        event_columns!(),
        " FROM audit_events WHERE object_type = $1 AND object_id = $2 ORDER BY seq DESC LIMIT $3"
    ))
    .bind(object_type)
    .bind(object_id)
    .bind(limit)
    .fetch_all(store.pool())
    .await?)
}

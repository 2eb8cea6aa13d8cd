//! Server-side sessions in the database, so that several processes can serve one database.
//! A session ends after an idle period or an absolute lifetime, at logout, and when its user
//! is disabled or changes password.

use crate::db::Store;
use crate::error::Result;
use crate::ids::UserId;
use crate::secret;

/// Refreshing `last_seen_ms` on every request would make every page a write; once a minute
/// is precise enough for a 30-minute idle timeout.
const TOUCH_EVERY_MS: i64 = 60_000;

#[derive(Debug, Clone, Copy)]
pub struct Lifetimes {
    pub idle_ms: i64,
    pub absolute_ms: i64,
}

#[derive(Debug, Clone)]
pub struct Session {
    pub id_hash: String,
    pub user_id: UserId,
    pub csrf_token: String,
}

/// A new session: returns the id to put in the cookie (never stored) and the session.
pub async fn create(store: &Store, user: UserId, now_ms: i64) -> Result<(String, Session)> {
    let id = secret::random_hex();
    let session = Session {
        id_hash: secret::digest(&id),
        user_id: user,
        csrf_token: secret::random_hex(),
    };
    sqlx::query(
        "INSERT INTO sessions (id_hash, user_id, csrf_token, created_ms, last_seen_ms)
         VALUES ($1, $2, $3, $4, $4)",
    )
    .bind(&session.id_hash)
    .bind(user.0)
    .bind(&session.csrf_token)
    .bind(now_ms)
    .execute(store.pool())
    .await?;
    Ok((id, session))
}

/// The live session for a cookie value; an expired one is deleted and not returned.
pub async fn find(
    store: &Store,
    id: &str,
    now_ms: i64,
    lifetimes: Lifetimes,
) -> Result<Option<Session>> {
    let id_hash = secret::digest(id);
    let row: Option<(i64, String, i64, i64)> = sqlx::query_as(
        "SELECT s.user_id, s.csrf_token, s.created_ms, s.last_seen_ms
         FROM sessions s JOIN users u ON u.id = s.user_id
         WHERE s.id_hash = $1 AND u.disabled = 0",
    )
    .bind(&id_hash)
    .fetch_optional(store.pool())
    .await?;
    let Some((user_id, csrf_token, created_ms, last_seen_ms)) = row else {
        return Ok(None);
    };
    if now_ms - last_seen_ms > lifetimes.idle_ms || now_ms - created_ms > lifetimes.absolute_ms {
        delete(store, &id_hash).await?;
        return Ok(None);
    }
    if now_ms - last_seen_ms > TOUCH_EVERY_MS {
        sqlx::query("UPDATE sessions SET last_seen_ms = $1 WHERE id_hash = $2")
            .bind(now_ms)
            .bind(&id_hash)
            .execute(store.pool())
            .await?;
    }
    Ok(Some(Session {
        id_hash,
        user_id: UserId(user_id),
        csrf_token,
    }))
}

pub async fn delete(store: &Store, id_hash: &str) -> Result<()> {
    sqlx::query("DELETE FROM sessions WHERE id_hash = $1")
        .bind(id_hash)
        .execute(store.pool())
        .await?;
    Ok(())
}

pub async fn count_for_user(store: &Store, user: UserId) -> Result<i64> {
    let (count,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM sessions WHERE user_id = $1")
        .bind(user.0)
        .fetch_one(store.pool())
        .await?;
    Ok(count)
}

/// Removes sessions past either limit; the server calls this now and then.
pub async fn purge_expired(store: &Store, now_ms: i64, lifetimes: Lifetimes) -> Result<u64> {
    let done = sqlx::query("DELETE FROM sessions WHERE last_seen_ms < $1 OR created_ms < $2")
        .bind(now_ms - lifetimes.idle_ms)
        .bind(now_ms - lifetimes.absolute_ms)
        .execute(store.pool())
        .await?;
    Ok(done.rows_affected())
}

//! Login throttling: failures are counted per key (a digest of the username, and of the
//! client address) in a window; too many lock the key for a while. Unknown usernames are
//! counted exactly like known ones, so a lockout reveals nothing about who exists.

use crate::db::Store;
use crate::error::Result;
use crate::secret;

#[derive(Debug, Clone, Copy)]
pub struct Policy {
    pub max_failures: i64,
    pub window_ms: i64,
    pub lockout_ms: i64,
}

impl Default for Policy {
    fn default() -> Policy {
        Policy {
            max_failures: 5,
            window_ms: 15 * 60_000,
            lockout_ms: 15 * 60_000,
        }
    }
}

/// The stored key for a throttled subject, e.g. `key("user", "budi")`.
pub fn key(kind: &str, subject: &str) -> String {
    format!("{kind}:{}", secret::digest(&subject.to_lowercase()))
}

/// When the key is locked, until when (ms since the epoch).
pub async fn locked_until(store: &Store, key: &str, now_ms: i64) -> Result<Option<i64>> {
    let row: Option<(i64,)> =
        sqlx::query_as("SELECT locked_until_ms FROM login_throttle WHERE key = $1")
            .bind(key)
            .fetch_optional(store.pool())
            .await?;
    Ok(row.map(|(until,)| until).filter(|until| *until > now_ms))
}

/// Counts a failure; returns true when this failure locked the key.
pub async fn record_failure(store: &Store, key: &str, now_ms: i64, policy: Policy) -> Result<bool> {
    let mut tx = store.begin_write().await?;
    let row: Option<(i64, i64)> =
        sqlx::query_as("SELECT failures, window_start_ms FROM login_throttle WHERE key = $1")
            .bind(key)
            .fetch_optional(&mut *tx)
            .await?;
    let (failures, window_start) = match row {
        Some((failures, start)) if now_ms - start <= policy.window_ms => (failures + 1, start),
        _ => (1, now_ms),
    };
    let locked = failures >= policy.max_failures;
    let locked_until = if locked {
        now_ms + policy.lockout_ms
    } else {
        0
    };
    sqlx::query(
        "INSERT INTO login_throttle (key, failures, window_start_ms, locked_until_ms)
         VALUES ($1, $2, $3, $4)
         ON CONFLICT (key) DO UPDATE SET failures = $2, window_start_ms = $3, locked_until_ms = $4",
    )
    .bind(key)
    .bind(if locked { 0 } else { failures })
    .bind(window_start)
    .bind(locked_until)
    .execute(&mut *tx)
    .await?;
    tx.commit().await?;
    Ok(locked)
}

pub async fn clear(store: &Store, key: &str) -> Result<()> {
    sqlx::query("DELETE FROM login_throttle WHERE key = $1")
        .bind(key)
        .execute(store.pool())
        .await?;
    Ok(())
}

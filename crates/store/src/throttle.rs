//! Login throttling: failures are counted per key (digests of the username, the address, or
//! both; the web's `auth::attempts` says which) in a window; too many lock the key for a while. Unknown usernames are
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

/// An attempt on a key, counted before the password is checked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Attempt {
    /// The attempt may go on; it already counts as a failure until it succeeds.
    Reserved,
    /// Too many attempts: locked until then (ms since the epoch).
    Locked(i64),
}

/// Counts an attempt atomically before the password is checked, so that attempts sent in
/// parallel each take a place: the sixth of six simultaneous wrong passwords is refused, and
/// so is a right one that arrives after five wrong ones, whatever their order. A successful
/// login then [`clear`]s the key.
pub async fn reserve(store: &Store, key: &str, now_ms: i64, policy: Policy) -> Result<Attempt> {
    let mut tx = store.begin_write().await?;
    let (failures, locked_until): (i64, i64) = sqlx::query_as(
        "INSERT INTO login_throttle (key, failures, window_start_ms, locked_until_ms)
         VALUES ($1, 1, $2, 0)
         ON CONFLICT (key) DO UPDATE SET
            failures = CASE WHEN login_throttle.window_start_ms < $3 THEN 1
                            ELSE login_throttle.failures + 1 END,
            window_start_ms = CASE WHEN login_throttle.window_start_ms < $3 THEN $2
                                   ELSE login_throttle.window_start_ms END
         RETURNING failures, locked_until_ms",
    )
    .bind(key)
    .bind(now_ms)
    .bind(now_ms - policy.window_ms)
    .fetch_one(&mut *tx)
    .await?;
    let attempt = if locked_until > now_ms {
        Attempt::Locked(locked_until)
    } else if failures > policy.max_failures {
        let until = now_ms + policy.lockout_ms;
        sqlx::query("UPDATE login_throttle SET locked_until_ms = $1, failures = 0 WHERE key = $2")
            .bind(until)
            .bind(key)
            .execute(&mut *tx)
            .await?;
        Attempt::Locked(until)
    } else {
        Attempt::Reserved
    };
    tx.commit().await?;
    Ok(attempt)
}

/// After a reserved attempt failed: locks the key when it was the last one allowed.
pub async fn reserved_failed(
    store: &Store,
    key: &str,
    now_ms: i64,
    policy: Policy,
) -> Result<bool> {
    let changed = sqlx::query(
        "UPDATE login_throttle SET locked_until_ms = $1, failures = 0
         WHERE key = $2 AND failures >= $3 AND locked_until_ms <= $4",
    )
    .bind(now_ms + policy.lockout_ms)
    .bind(key)
    .bind(policy.max_failures)
    .bind(now_ms)
    .execute(store.pool())
    .await?;
    Ok(changed.rows_affected() > 0)
}

pub async fn clear(store: &Store, key: &str) -> Result<()> {
    sqlx::query("DELETE FROM login_throttle WHERE key = $1")
        .bind(key)
        .execute(store.pool())
        .await?;
    Ok(())
}

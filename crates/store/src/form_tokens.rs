//! Idempotent form submission. A form carries a one-time token issued when it was shown;
//! the write that handles it consumes the token in its own transaction, so a double click
//! or a resend after a dropped connection writes once and then sees where the first went.

use sqlx::AnyConnection;

use crate::db::Store;
use crate::error::{Result, StoreError};
use crate::ids::UserId;
use crate::secret;

/// What consuming a token found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Submission {
    /// First use: go ahead with the write.
    Fresh,
    /// Already handled; the first submission's result page, if it was recorded.
    Repeated { result_path: Option<String> },
    /// Not issued to this user (forged, or for somebody else).
    Unknown,
}

/// Registers a client-chosen key (an API `Idempotency-Key`) as a one-time token of `user`,
/// if it is not registered yet; the write then consumes it like a form's token.
pub async fn register_key(store: &Store, user: UserId, token: &str, now_ms: i64) -> Result<()> {
    sqlx::query(
        "INSERT INTO form_tokens (token_hash, user_id, created_ms) VALUES ($1, $2, $3)
         ON CONFLICT (token_hash) DO NOTHING",
    )
    .bind(secret::digest(token))
    .bind(user.0)
    .bind(now_ms)
    .execute(store.pool())
    .await?;
    Ok(())
}

pub async fn issue(store: &Store, user: UserId, now_ms: i64) -> Result<String> {
    let token = secret::random_hex();
    sqlx::query("INSERT INTO form_tokens (token_hash, user_id, created_ms) VALUES ($1, $2, $3)")
        .bind(secret::digest(&token))
        .bind(user.0)
        .bind(now_ms)
        .execute(store.pool())
        .await?;
    Ok(token)
}

/// Marks the token used inside the caller's write transaction.
pub async fn consume(
    tx: &mut AnyConnection,
    user: UserId,
    token: &str,
    now_ms: i64,
) -> Result<Submission> {
    let hash = secret::digest(token);
    let done = sqlx::query(
        "UPDATE form_tokens SET used_ms = $1 WHERE token_hash = $2 AND user_id = $3 AND used_ms IS NULL",
    )
    .bind(now_ms)
    .bind(&hash)
    .bind(user.0)
    .execute(&mut *tx)
    .await?;
    if done.rows_affected() == 1 {
        return Ok(Submission::Fresh);
    }
    let row: Option<(Option<String>,)> = sqlx::query_as(
        "SELECT result_path FROM form_tokens WHERE token_hash = $1 AND user_id = $2",
    )
    .bind(&hash)
    .bind(user.0)
    .fetch_optional(&mut *tx)
    .await?;
    Ok(match row {
        Some((result_path,)) => Submission::Repeated { result_path },
        None => Submission::Unknown,
    })
}

/// Records where the first submission led, for a repeated one to follow (Post/Redirect/Get).
pub async fn complete(tx: &mut AnyConnection, token: &str, result_path: &str) -> Result<()> {
    sqlx::query("UPDATE form_tokens SET result_path = $1 WHERE token_hash = $2")
        .bind(result_path)
        .bind(secret::digest(token))
        .execute(&mut *tx)
        .await?;
    Ok(())
}

/// A form submission's one-time token, passed to the store function that performs it.
#[derive(Debug, Clone, Copy)]
pub struct Once<'a> {
    pub user: UserId,
    pub token: &'a str,
}

/// Consumes `once` (when given) at the start of a write; a repeat stops the write.
pub async fn guard(tx: &mut AnyConnection, once: Option<Once<'_>>, now_ms: i64) -> Result<()> {
    let Some(once) = once else { return Ok(()) };
    match consume(tx, once.user, once.token, now_ms).await? {
        Submission::Fresh => Ok(()),
        Submission::Repeated { result_path } => Err(StoreError::Repeated(result_path)),
        Submission::Unknown => Err(StoreError::Repeated(None)),
    }
}

/// Records the object the write created, for a repeated submission to be sent to.
pub async fn finish(tx: &mut AnyConnection, once: Option<Once<'_>>, object: &str) -> Result<()> {
    match once {
        Some(once) => complete(tx, once.token, object).await,
        None => Ok(()),
    }
}

//! Personal API tokens: shown once at creation, stored as a digest, revocable. A token acts
//! with exactly its owner's roles and scope.

use serde_json::json;

use crate::audit::{Actor, Event};
use crate::db::Store;
use crate::error::{Result, StoreError};
use crate::ids::UserId;
use crate::secret;

pub const PREFIX: &str = "karya_";

/// How long a token works unless its maker chooses: a quarter; at most a year.
pub const DEFAULT_DAYS: i64 = 90;
pub const MAX_DAYS: i64 = 366;

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct TokenInfo {
    pub id: i64,
    pub label: String,
    pub created_at: String,
    pub last_used_at: Option<String>,
    pub revoked_at: Option<String>,
    pub expires_at: Option<String>,
}

/// Creates a token working for `days` (1 to [`MAX_DAYS`]) and returns its one and only
/// plain-text copy.
pub async fn create(
    store: &Store,
    actor: &Actor,
    user: UserId,
    label: &str,
    days: i64,
) -> Result<String> {
    let token = format!("{PREFIX}{}", secret::random_hex());
    let days = days.clamp(1, MAX_DAYS);
    let expires = crate::clock::text(store.now() + jiff::SignedDuration::from_hours(24 * days));
    let mut tx = store.begin_write().await?;
    let (id,): (i64,) = sqlx::query_as(
        "INSERT INTO api_tokens (user_id, label, token_hash, created_at, expires_at)
         VALUES ($1, $2, $3, $4, $5) RETURNING id",
    )
    .bind(user.0)
    .bind(label)
    .bind(secret::digest(&token))
    .bind(store.now_text())
    .bind(&expires)
    .fetch_one(&mut *tx)
    .await?;
    let summary = json!({"user_id": user.0, "label": label, "expires_at": expires});
    store
        .audit(
            &mut tx,
            actor,
            Event::new("api_token.create", "api_token", id, summary),
        )
        .await?;
    tx.commit().await?;
    Ok(token)
}

/// The owner of a live token.
pub async fn authenticate(store: &Store, token: &str) -> Result<Option<UserId>> {
    if !token.starts_with(PREFIX) {
        return Ok(None);
    }
    let hash = secret::digest(token);
    let row: Option<(i64, i64)> = sqlx::query_as(
        "SELECT t.id, t.user_id FROM api_tokens t JOIN users u ON u.id = t.user_id
         WHERE t.token_hash = $1 AND t.revoked_at IS NULL AND u.disabled = 0
           AND (t.expires_at IS NULL OR t.expires_at > $2)",
    )
    .bind(&hash)
    .bind(store.now_text())
    .fetch_optional(store.pool())
    .await?;
    let Some((id, user)) = row else {
        return Ok(None);
    };
    sqlx::query("UPDATE api_tokens SET last_used_at = $1 WHERE id = $2")
        .bind(store.now_text())
        .bind(id)
        .execute(store.pool())
        .await?;
    Ok(Some(UserId(user)))
}

pub async fn list(store: &Store, user: UserId) -> Result<Vec<TokenInfo>> {
    Ok(sqlx::query_as(
        "SELECT id, label, created_at, last_used_at, revoked_at, expires_at FROM api_tokens
         WHERE user_id = $1 ORDER BY id DESC",
    )
    .bind(user.0)
    .fetch_all(store.pool())
    .await?)
}

/// Revokes one of `user`'s tokens.
pub async fn revoke(store: &Store, actor: &Actor, user: UserId, token_id: i64) -> Result<()> {
    let mut tx = store.begin_write().await?;
    let done = sqlx::query(
        "UPDATE api_tokens SET revoked_at = $1 WHERE id = $2 AND user_id = $3 AND revoked_at IS NULL",
    )
    .bind(store.now_text())
    .bind(token_id)
    .bind(user.0)
    .execute(&mut *tx)
    .await?;
    if done.rows_affected() == 0 {
        return Err(StoreError::NotFound);
    }
    let event = Event::new(
        "api_token.revoke",
        "api_token",
        token_id,
        json!({"user_id": user.0}),
    );
    store.audit(&mut tx, actor, event).await?;
    tx.commit().await?;
    Ok(())
}

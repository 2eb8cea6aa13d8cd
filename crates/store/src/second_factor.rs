//! The staff second factor (issue 12, item 8): a TOTP secret (RFC 6238: SHA-1, six digits,
//! 30-second steps, one step of drift either way) enrolled by the user and confirmed with a
//! first code, ten single-use recovery codes kept as digests, and the five-minute login
//! challenge between a correct password and the second factor. A code is accepted once:
//! the last accepted step is stored and a code at or before it is refused, so a code seen
//! over someone's shoulder cannot be replayed. Only an administrator removes a confirmed
//! factor (a lost phone), and that is audited.

use serde_json::json;
use totp_rs::{Builder, Secret, Totp};

use crate::access::Scope;
use crate::audit::{Actor, Event};
use crate::db::Store;
use crate::error::{Result, StoreError};
use crate::ids::UserId;
use crate::secret;

/// How many recovery codes one enrolment gives.
pub const RECOVERY_CODES: usize = 10;

/// How long a login waits for its second factor.
pub const CHALLENGE_MS: i64 = 5 * 60_000;

/// Where a user stands with their second factor.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Status {
    /// Nothing enrolled.
    None,
    /// A secret is waiting for its first code (shown to the user as text and a QR code).
    Pending { secret_base32: String },
    /// Confirmed: every login asks for a code. `codes_left` recovery codes remain unused.
    Active { codes_left: i64 },
}

/// The otpauth URI an authenticator app reads (from a QR code or typed by hand).
pub fn otpauth_uri(secret_base32: &str, username: &str) -> String {
    // Usernames are lowercase letters, digits, dots, dashes and underscores: nothing that
    // needs escaping in a URI path.
    let account: String = username
        .chars()
        .filter(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '_'))
        .collect();
    format!(
        "otpauth://totp/Karya:{account}?secret={secret_base32}&issuer=Karya&algorithm=SHA1&digits=6&period=30"
    )
}

fn totp(secret_base32: &str) -> Result<Totp> {
    let secret = Secret::try_from_base32(secret_base32)
        .map_err(|_| StoreError::Other(anyhow::anyhow!("the stored TOTP secret is not base32")))?;
    Builder::new()
        .with_secret(secret)
        .build()
        .map_err(|_| StoreError::Other(anyhow::anyhow!("the stored TOTP secret is unusable")))
}

/// The code an authenticator shows at `unix_seconds` (for tests and the demo's own checks).
pub fn code_at(secret_base32: &str, unix_seconds: u64) -> Result<String> {
    Ok(totp(secret_base32)?.generate(unix_seconds).to_string())
}

fn random_bytes<const N: usize>() -> [u8; N] {
    let mut bytes = [0u8; N];
    // The operating system's generator failing is not recoverable for a server.
    getrandom::fill(&mut bytes).expect("the operating system's random generator failed");
    bytes
}

/// A recovery code as people type it: two groups of five letters and digits, without the
/// ones that are easily confused (0/O, 1/I/L).
fn new_recovery_code() -> String {
    const ALPHABET: &[u8] = b"23456789abcdefghjkmnpqrstuvwxyz";
    let bytes = random_bytes::<10>();
    let chars: String = bytes
        .iter()
        .map(|b| ALPHABET[usize::from(*b) % ALPHABET.len()] as char)
        .collect();
    format!("{}-{}", &chars[..5], &chars[5..])
}

/// The form a recovery code is stored and compared in: lowercase, no spaces or dashes.
fn normal_code(code: &str) -> String {
    code.chars()
        .filter(|c| c.is_ascii_alphanumeric())
        .map(|c| c.to_ascii_lowercase())
        .collect()
}

pub async fn status(store: &Store, user: UserId) -> Result<Status> {
    let row: Option<(Option<String>, Option<String>)> =
        sqlx::query_as("SELECT totp_secret, totp_confirmed_at FROM users WHERE id = $1")
            .bind(user.0)
            .fetch_optional(store.pool())
            .await?;
    let (secret, confirmed) = row.ok_or(StoreError::NotFound)?;
    Ok(match (secret, confirmed) {
        (Some(_), Some(_)) => {
            let (codes_left,): (i64,) = sqlx::query_as(
                "SELECT COUNT(*) FROM recovery_codes WHERE user_id = $1 AND used_at IS NULL",
            )
            .bind(user.0)
            .fetch_one(store.pool())
            .await?;
            Status::Active { codes_left }
        }
        (Some(secret_base32), None) => Status::Pending { secret_base32 },
        (None, _) => Status::None,
    })
}

/// Starts (or restarts) enrolment for the user themself: a new secret waiting for its first
/// code. Refused while a confirmed factor exists — only an administrator removes that.
pub async fn begin(store: &Store, actor: &Actor, user: UserId) -> Result<String> {
    if matches!(status(store, user).await?, Status::Active { .. }) {
        return Err(StoreError::Conflict);
    }
    let secret_base32 = Secret::from(random_bytes::<20>()).to_base32();
    let mut tx = store.begin_write().await?;
    sqlx::query(
        "UPDATE users SET totp_secret = $1, totp_confirmed_at = NULL, totp_last_step = NULL
         WHERE id = $2 AND totp_confirmed_at IS NULL",
    )
    .bind(&secret_base32)
    .bind(user.0)
    .execute(&mut *tx)
    .await?;
    store
        .audit(
            &mut tx,
            actor,
            Event::new("user.second_factor_begin", "user", user, json!({})),
        )
        .await?;
    tx.commit().await?;
    Ok(secret_base32)
}

/// Accepts the TOTP `code` at `now_ms` if it matches and is later than every code accepted
/// before; records its step in the caller's transaction.
async fn accept_totp(
    tx: &mut sqlx::AnyConnection,
    user: UserId,
    secret_base32: &str,
    code: &str,
    now_ms: i64,
) -> Result<bool> {
    let digits: String = code.chars().filter(|c| !c.is_whitespace()).collect();
    if digits.len() != 6 || !digits.chars().all(|c| c.is_ascii_digit()) {
        return Ok(false);
    }
    let seconds = u64::try_from(now_ms / 1000).unwrap_or(0);
    let Some(step) = totp(secret_base32)?.check(&digits, seconds) else {
        return Ok(false);
    };
    let step = i64::try_from(step).unwrap_or(i64::MAX);
    // Atomic: of two requests with the same code, one moves the step and the other finds it
    // already there.
    let moved = sqlx::query(
        "UPDATE users SET totp_last_step = $1
         WHERE id = $2 AND (totp_last_step IS NULL OR totp_last_step < $1)",
    )
    .bind(step)
    .bind(user.0)
    .execute(&mut *tx)
    .await?;
    Ok(moved.rows_affected() == 1)
}

/// Confirms a pending enrolment with the first code from the user's app and returns the
/// recovery codes, shown once. `None` when the code is wrong or nothing is pending.
pub async fn confirm(
    store: &Store,
    actor: &Actor,
    user: UserId,
    code: &str,
) -> Result<Option<Vec<String>>> {
    let Status::Pending { secret_base32 } = status(store, user).await? else {
        return Ok(None);
    };
    let mut tx = store.begin_write().await?;
    if !accept_totp(&mut tx, user, &secret_base32, code, store.now_ms()).await? {
        return Ok(None);
    }
    sqlx::query("UPDATE users SET totp_confirmed_at = $1 WHERE id = $2")
        .bind(store.now_text())
        .bind(user.0)
        .execute(&mut *tx)
        .await?;
    sqlx::query("DELETE FROM recovery_codes WHERE user_id = $1")
        .bind(user.0)
        .execute(&mut *tx)
        .await?;
    let codes: Vec<String> = (0..RECOVERY_CODES).map(|_| new_recovery_code()).collect();
    for code in &codes {
        sqlx::query("INSERT INTO recovery_codes (user_id, code_digest) VALUES ($1, $2)")
            .bind(user.0)
            .bind(secret::digest(&normal_code(code)))
            .execute(&mut *tx)
            .await?;
    }
    store
        .audit(
            &mut tx,
            actor,
            Event::new("user.second_factor_enrol", "user", user, json!({})),
        )
        .await?;
    tx.commit().await?;
    Ok(Some(codes))
}

/// How a login's second factor was given.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Proof {
    Code,
    RecoveryCode,
}

/// Checks a login's second factor: a current TOTP code or an unused recovery code (which is
/// then used up). The caller audits the outcome with the login.
pub async fn verify(store: &Store, user: UserId, given: &str) -> Result<Option<Proof>> {
    let Status::Active { .. } = status(store, user).await? else {
        return Ok(None);
    };
    let secret_base32: (Option<String>,) =
        sqlx::query_as("SELECT totp_secret FROM users WHERE id = $1")
            .bind(user.0)
            .fetch_one(store.pool())
            .await?;
    let secret_base32 = secret_base32.0.unwrap_or_default();
    let mut tx = store.begin_write().await?;
    let proof = if accept_totp(&mut tx, user, &secret_base32, given, store.now_ms()).await? {
        Some(Proof::Code)
    } else {
        let used = sqlx::query(
            "UPDATE recovery_codes SET used_at = $1
             WHERE user_id = $2 AND code_digest = $3 AND used_at IS NULL",
        )
        .bind(store.now_text())
        .bind(user.0)
        .bind(secret::digest(&normal_code(given)))
        .execute(&mut *tx)
        .await?;
        (used.rows_affected() == 1).then_some(Proof::RecoveryCode)
    };
    tx.commit().await?;
    Ok(proof)
}

/// Removes a user's second factor and ends their sessions, so that they enrol again at the
/// next login (issue 12, item 8: the administrator's audited reset).
pub async fn reset(store: &Store, actor: &Actor, scope: Scope, user: UserId) -> Result<()> {
    crate::users::get_user_in(store, scope, user).await?;
    let mut tx = store.begin_write().await?;
    sqlx::query(
        "UPDATE users SET totp_secret = NULL, totp_confirmed_at = NULL, totp_last_step = NULL,
         version = version + 1 WHERE id = $1",
    )
    .bind(user.0)
    .execute(&mut *tx)
    .await?;
    for sql in [
        "DELETE FROM recovery_codes WHERE user_id = $1",
        "DELETE FROM sessions WHERE user_id = $1",
        "DELETE FROM login_challenges WHERE user_id = $1",
    ] {
        sqlx::query(sql).bind(user.0).execute(&mut *tx).await?;
    }
    store
        .audit(
            &mut tx,
            actor,
            Event::new("user.second_factor_reset", "user", user, json!({})),
        )
        .await?;
    tx.commit().await?;
    Ok(())
}

/// A login whose password was right and whose second factor is awaited. Returns the id for
/// the browser's cookie; only its digest is stored.
pub async fn open_challenge(store: &Store, user: UserId, next_path: &str) -> Result<String> {
    let id = secret::random_hex();
    let now = store.now_ms();
    let mut tx = store.begin_write().await?;
    sqlx::query("DELETE FROM login_challenges WHERE created_ms < $1")
        .bind(now - CHALLENGE_MS)
        .execute(&mut *tx)
        .await?;
    sqlx::query(
        "INSERT INTO login_challenges (id_digest, user_id, next_path, created_ms)
         VALUES ($1, $2, $3, $4)",
    )
    .bind(secret::digest(&id))
    .bind(user.0)
    .bind(next_path)
    .bind(now)
    .execute(&mut *tx)
    .await?;
    tx.commit().await?;
    Ok(id)
}

/// The user and the page to go to for a live challenge id.
pub async fn challenge(store: &Store, id: &str) -> Result<Option<(UserId, String)>> {
    let row: Option<(i64, String, i64)> = sqlx::query_as(
        "SELECT user_id, next_path, created_ms FROM login_challenges WHERE id_digest = $1",
    )
    .bind(secret::digest(id))
    .fetch_optional(store.pool())
    .await?;
    Ok(row
        .filter(|(_, _, created)| store.now_ms() - created <= CHALLENGE_MS)
        .map(|(user, next, _)| (UserId(user), next)))
}

pub async fn close_challenge(store: &Store, id: &str) -> Result<()> {
    sqlx::query("DELETE FROM login_challenges WHERE id_digest = $1")
        .bind(secret::digest(id))
        .execute(store.pool())
        .await?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_rfc_6238_test_vector_gives_its_code() {
        // RFC 6238 appendix B, SHA-1, secret "12345678901234567890", T = 59 s → 94287082;
        // with six digits, the last six.
        let secret_base32 = Secret::from(b"12345678901234567890".as_slice()).to_base32();
        assert_eq!(code_at(&secret_base32, 59).unwrap(), "287082");
        assert_eq!(code_at(&secret_base32, 1_111_111_109).unwrap(), "081804");
    }

    #[test]
    fn recovery_codes_are_typed_forgivingly_and_avoid_confusable_letters() {
        let code = new_recovery_code();
        assert_eq!(code.len(), 11);
        assert!(!code.contains(['0', '1', 'o', 'i', 'l']));
        assert_eq!(normal_code(" ABCDE-fghjk "), "abcdefghjk");
    }

    #[test]
    fn the_uri_names_the_issuer_and_the_account() {
        assert_eq!(
            otpauth_uri("ABC", "kabapas.bdg"),
            "otpauth://totp/Karya:kabapas.bdg?secret=ABC&issuer=Karya&algorithm=SHA1&digits=6&period=30"
        );
    }
}

//! Argon2id password hashing, run off the async runtime (it takes tens of milliseconds of
//! CPU on purpose). Unknown usernames are checked against a dummy hash so that the answer
//! takes as long as for a real account.

use std::sync::OnceLock;

use argon2::Argon2;
use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};

pub const MIN_LENGTH: usize = 10;

pub fn hash_blocking(password: &str) -> anyhow::Result<String> {
    let mut bytes = [0u8; 16];
    getrandom::fill(&mut bytes).map_err(|error| anyhow::anyhow!("no randomness: {error}"))?;
    let salt = SaltString::encode_b64(&bytes).map_err(|error| anyhow::anyhow!("salt: {error}"))?;
    Argon2::default()
        .hash_password(password.as_bytes(), &salt)
        .map(|hash| hash.to_string())
        .map_err(|error| anyhow::anyhow!("hashing failed: {error}"))
}

pub async fn hash(password: String) -> anyhow::Result<String> {
    tokio::task::spawn_blocking(move || hash_blocking(&password)).await?
}

pub fn verify_blocking(password: &str, hash: &str) -> bool {
    PasswordHash::new(hash)
        .map(|parsed| {
            Argon2::default()
                .verify_password(password.as_bytes(), &parsed)
                .is_ok()
        })
        .unwrap_or(false)
}

/// Checks `password` against `hash`, or against the dummy hash when there is no account.
pub async fn verify(password: String, hash: Option<String>) -> bool {
    let known = hash.is_some();
    let hash = hash.unwrap_or_else(|| dummy_hash().to_owned());
    let matched = tokio::task::spawn_blocking(move || verify_blocking(&password, &hash))
        .await
        .unwrap_or(false);
    known && matched
}

fn dummy_hash() -> &'static str {
    static DUMMY: OnceLock<String> = OnceLock::new();
    DUMMY.get_or_init(|| {
        hash_blocking(&karya_store::secret::random_hex()).unwrap_or_else(|_| {
            // Same parameters as a real hash, so verification costs the same.
            "$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$2aUU4JeSGWDqNSLStrPUSr1WlFTE3kfEFbwWnBS3xZo".to_owned()
        })
    })
}

/// A password a person can read aloud and type on a phone: three groups of four letters and
/// digits, without look-alikes.
pub fn temporary() -> String {
    const ALPHABET: &[u8] = b"abcdefghjkmnpqrstuvwxyz23456789";
    let random = karya_store::secret::random_hex();
    let bytes = hex::decode(&random).unwrap_or_default();
    let chars: Vec<char> = bytes
        .iter()
        .take(12)
        .map(|b| ALPHABET[usize::from(*b) % ALPHABET.len()] as char)
        .collect();
    chars
        .chunks(4)
        .map(|c| c.iter().collect::<String>())
        .collect::<Vec<_>>()
        .join("-")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_hash_verifies_its_password_only() {
        let hash = hash_blocking("kata sandi yang panjang").unwrap();
        assert!(hash.starts_with("$argon2id$"));
        assert!(verify_blocking("kata sandi yang panjang", &hash));
        assert!(!verify_blocking("kata sandi yang lain", &hash));
        assert!(!verify_blocking("kata sandi yang panjang", "not a hash"));
    }

    #[tokio::test]
    async fn an_unknown_user_never_verifies() {
        assert!(!verify("anything at all".into(), None).await);
    }
}

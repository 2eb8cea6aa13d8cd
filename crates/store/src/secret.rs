//! Random secrets (session ids, API tokens, one-time form tokens) and their stored form:
//! only a SHA-256 digest goes into the database.

use sha2::{Digest, Sha256};

/// 32 random bytes as 64 hex digits.
pub fn random_hex() -> String {
    let mut bytes = [0u8; 32];
    // The operating system's generator failing is not recoverable for a server.
    getrandom::fill(&mut bytes).expect("the operating system's random generator failed");
    hex::encode(bytes)
}

pub fn digest(secret: &str) -> String {
    hex::encode(Sha256::digest(secret.as_bytes()))
}

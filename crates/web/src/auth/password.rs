//! Argon2id password hashing, run off the async runtime (it takes tens of milliseconds of
//! CPU on purpose). Unknown usernames are checked against a dummy hash so that the answer
//! takes as long as for a real account.

use std::sync::OnceLock;

use argon2::Argon2;
use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};

pub const MIN_LENGTH: usize = 10;

/// Why a new password is refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Weakness {
    TooShort,
    /// It is the username or the person's name, or contains one of them.
    OwnName,
    /// It is on the list of passwords people choose most, in Indonesian and English, or is
    /// one character repeated or a run of digits.
    Common,
}

/// Passwords of ten characters or more that people choose most often (from public lists of
/// breached passwords, with the Indonesian ones: *sayang*, *bismillah*, *indonesia*, city
/// names, *rahasia*…), compared without case, spaces or punctuation.
const COMMON: &[&str] = &[
    "1234567890",
    "0123456789",
    "12345678910",
    "1234567891",
    "9876543210",
    "0987654321",
    "qwertyuiop",
    "qwertyuiop123",
    "asdfghjkl1",
    "1qaz2wsx3edc",
    "password123",
    "password1234",
    "passwordpassword",
    "iloveyou123",
    "abcdefghij",
    "abc1234567",
    "qwerty12345",
    "1q2w3e4r5t",
    "sayangku123",
    "sayangkamu",
    "bismillah123",
    "bismillah1",
    "indonesia123",
    "indonesia1945",
    "merdeka1945",
    "rahasia123",
    "rahasiaku1",
    "jakarta123",
    "bandung123",
    "surabaya123",
    "makassar123",
    "jayapura123",
    "katasandi123",
    "katasandi1",
    "karyakarya",
    "pemasyarakatan",
    "bapas12345",
    "kemenkumham",
    "admin12345",
    "administrator",
    "welcome123",
    "selamatdatang",
    "alhamdulillah",
    "cintaku123",
    "garuda1945",
    "pancasila45",
    "persib1933",
    "123qweasdzxc",
];

/// Checks a new password against its length, the user's own names and the common list.
pub fn check_strength(password: &str, username: &str, name: &str) -> Result<(), Weakness> {
    if password.chars().count() < MIN_LENGTH {
        return Err(Weakness::TooShort);
    }
    let plain = |text: &str| -> String {
        text.chars()
            .filter(|c| c.is_alphanumeric())
            .flat_map(char::to_lowercase)
            .collect()
    };
    let candidate = plain(password);
    let own: Vec<String> = std::iter::once(plain(username))
        .chain(name.split_whitespace().map(plain))
        .filter(|part| part.chars().count() >= 4)
        .collect();
    if own.iter().any(|part| candidate.contains(part.as_str())) {
        return Err(Weakness::OwnName);
    }
    let first = candidate.chars().next();
    let repeated = candidate.chars().all(|c| Some(c) == first);
    let digits_in_a_row = candidate.chars().all(|c| c.is_ascii_digit())
        && candidate
            .as_bytes()
            .windows(2)
            .all(|w| w[1] == w[0] + 1 || w[1] + 1 == w[0] || (w[0] == b'9' && w[1] == b'0'));
    if repeated || digits_in_a_row || COMMON.iter().any(|c| plain(c) == candidate) {
        return Err(Weakness::Common);
    }
    Ok(())
}

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

    #[test]
    fn weak_passwords_are_refused_with_their_reason() {
        assert_eq!(
            check_strength("123456789", "pk.bdg", "Budi"),
            Err(Weakness::TooShort)
        );
        assert_eq!(
            check_strength("1234567890", "pk.bdg", "Budi"),
            Err(Weakness::Common)
        );
        assert_eq!(
            check_strength("Bismillah123", "pk.bdg", "Budi"),
            Err(Weakness::Common)
        );
        assert_eq!(
            check_strength("aaaaaaaaaaaa", "pk.bdg", "Budi"),
            Err(Weakness::Common)
        );
        assert_eq!(
            check_strength("Santoso-2026!", "pk.bdg", "Budi Santoso"),
            Err(Weakness::OwnName)
        );
        assert_eq!(
            check_strength("pk.bdg-rahasia", "pk.bdg", "Budi"),
            Err(Weakness::OwnName)
        );
        assert_eq!(
            check_strength("kopi tubruk di pagi hari", "pk.bdg", "Budi Santoso"),
            Ok(())
        );
    }

    #[tokio::test]
    async fn an_unknown_user_never_verifies() {
        assert!(!verify("anything at all".into(), None).await);
    }
}

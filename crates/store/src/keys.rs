//! The installation's Ed25519 key that signs audit checkpoints: generated once in the data
//! directory (mode 0600), or given by the operator. Its `Debug` never shows the secret.

use std::path::Path;

use ed25519_dalek::{Signature, Signer, SigningKey, Verifier, VerifyingKey};

#[derive(Clone)]
pub struct AuditKey(SigningKey);

impl std::fmt::Debug for AuditKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "AuditKey(public {}, secret [redacted])",
            self.public_hex()
        )
    }
}

impl AuditKey {
    pub fn generate() -> anyhow::Result<AuditKey> {
        let mut secret = [0u8; 32];
        getrandom::fill(&mut secret).map_err(|e| anyhow::anyhow!("no randomness: {e}"))?;
        Ok(AuditKey(SigningKey::from_bytes(&secret)))
    }

    pub fn from_hex(text: &str) -> anyhow::Result<AuditKey> {
        let bytes: [u8; 32] = hex::decode(text.trim())?
            .try_into()
            .map_err(|_| anyhow::anyhow!("an audit key is 32 bytes (64 hex digits)"))?;
        Ok(AuditKey(SigningKey::from_bytes(&bytes)))
    }

    /// Reads `path`, creating it with a new key when it does not exist.
    pub fn load_or_create(path: &Path) -> anyhow::Result<AuditKey> {
        if path.exists() {
            return AuditKey::from_hex(&std::fs::read_to_string(path)?);
        }
        let key = AuditKey::generate()?;
        write_private(path, &hex::encode(key.0.to_bytes()))?;
        Ok(key)
    }

    pub fn public_hex(&self) -> String {
        hex::encode(self.0.verifying_key().to_bytes())
    }

    pub fn sign_hex(&self, message: &[u8]) -> String {
        hex::encode(self.0.sign(message).to_bytes())
    }
}

/// Checks a hex signature of `message` by the hex public key.
pub fn verify_hex(public_hex: &str, message: &[u8], signature_hex: &str) -> bool {
    let Ok(Ok(public)) =
        hex::decode(public_hex).map(|b| <[u8; 32]>::try_from(b.as_slice()).map_err(|_| ()))
    else {
        return false;
    };
    let Ok(public) = VerifyingKey::from_bytes(&public) else {
        return false;
    };
    let Ok(Ok(signature)) = hex::decode(signature_hex).map(|b| Signature::from_slice(&b)) else {
        return false;
    };
    public.verify(message, &signature).is_ok()
}

fn write_private(path: &Path, contents: &str) -> anyhow::Result<()> {
    use std::io::Write;
    let mut file = crate::private_files::create(path)?;
    file.write_all(contents.as_bytes())?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_signature_verifies_with_its_key_and_not_after_a_change() {
        let key = AuditKey::generate().unwrap();
        let signature = key.sign_hex(b"17|abc");
        assert!(verify_hex(&key.public_hex(), b"17|abc", &signature));
        assert!(!verify_hex(&key.public_hex(), b"18|abc", &signature));
        assert!(!verify_hex("zz", b"17|abc", &signature));
    }

    #[test]
    fn debug_output_never_shows_the_secret() {
        let key = AuditKey::generate().unwrap();
        let secret = hex::encode(key.0.to_bytes());
        let shown = format!("{key:?}");
        assert!(shown.contains("[redacted]"));
        assert!(!shown.contains(&secret));
    }
}

//! Content-addressed blobs in a directory: a file's name is its SHA-256, so the same bytes
//! are stored once, a name can never point at other bytes, and a damaged file is detected on
//! read. ARCHITECTURE §2: at scale the same interface sits over S3-compatible storage.

use std::io::Write;
use std::path::{Path, PathBuf};

use sha2::{Digest, Sha256};

#[derive(Debug, Clone)]
pub struct Blobs {
    root: PathBuf,
}

impl Blobs {
    pub fn new(root: impl Into<PathBuf>) -> Blobs {
        Blobs { root: root.into() }
    }

    /// `ab/cd/abcd…`: two levels of fan-out keep directories small.
    fn path_of(&self, sha256: &str) -> PathBuf {
        self.root
            .join(&sha256[..2])
            .join(&sha256[2..4])
            .join(sha256)
    }

    /// Stores the bytes (once) and returns their SHA-256 in hex. The write goes to a
    /// temporary file that is renamed into place, so a reader never sees half a file.
    pub fn put(&self, bytes: &[u8]) -> std::io::Result<String> {
        let sha256 = hex::encode(Sha256::digest(bytes));
        let path = self.path_of(&sha256);
        if path.exists() {
            return Ok(sha256);
        }
        let dir = path.parent().unwrap_or(Path::new("."));
        crate::private_files::folders(&self.root, dir)?;
        let temp = dir.join(format!(".{}.tmp", crate::secret::random_hex()));
        let mut file = crate::private_files::create(&temp)?;
        file.write_all(bytes)?;
        file.sync_all()?;
        std::fs::rename(&temp, &path)?;
        Ok(sha256)
    }

    /// The stored bytes, refused when they no longer hash to their name.
    pub fn get(&self, sha256: &str) -> std::io::Result<Vec<u8>> {
        if sha256.len() != 64 || !sha256.bytes().all(|b| b.is_ascii_hexdigit()) {
            return Err(std::io::Error::new(
                std::io::ErrorKind::InvalidInput,
                "not a SHA-256",
            ));
        }
        let bytes = std::fs::read(self.path_of(sha256))?;
        if hex::encode(Sha256::digest(&bytes)) != sha256 {
            return Err(std::io::Error::new(
                std::io::ErrorKind::InvalidData,
                "stored file does not match its hash",
            ));
        }
        Ok(bytes)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn temp() -> Blobs {
        Blobs::new(
            std::env::temp_dir().join(format!("karya-blobs-{}", crate::secret::random_hex())),
        )
    }

    #[test]
    fn the_same_bytes_are_stored_once_under_their_hash() {
        let blobs = temp();
        let first = blobs.put(b"surat putusan").unwrap();
        let second = blobs.put(b"surat putusan").unwrap();
        assert_eq!(first, second);
        assert_eq!(blobs.get(&first).unwrap(), b"surat putusan");
        let _ = std::fs::remove_dir_all(&blobs.root);
    }

    #[test]
    fn a_damaged_file_is_refused_on_read() {
        let blobs = temp();
        let sha = blobs.put(b"original").unwrap();
        std::fs::write(blobs.path_of(&sha), b"tampered").unwrap();
        assert_eq!(
            blobs.get(&sha).unwrap_err().kind(),
            std::io::ErrorKind::InvalidData
        );
        assert_eq!(
            blobs.get("../../etc/passwd").unwrap_err().kind(),
            std::io::ErrorKind::InvalidInput
        );
        let _ = std::fs::remove_dir_all(&blobs.root);
    }
}

//! Files and folders that only the server's own user may read: the database, the audit key
//! and every upload hold criminal records, faces and fingerprints.

use std::os::unix::fs::{DirBuilderExt, OpenOptionsExt, PermissionsExt};
use std::path::Path;

/// A new file, mode 0600; fails if it exists.
pub(crate) fn create(path: &Path) -> std::io::Result<std::fs::File> {
    std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .mode(0o600)
        .open(path)
}

/// Makes an existing file mode 0600.
pub(crate) fn tighten(path: &Path) -> std::io::Result<()> {
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(0o600))
}

/// Creates `dir` and every folder from `root` down to it, each mode 0700.
pub(crate) fn folders(root: &Path, dir: &Path) -> std::io::Result<()> {
    std::fs::DirBuilder::new()
        .recursive(true)
        .mode(0o700)
        .create(dir)?;
    let mut at = Some(dir);
    while let Some(folder) = at {
        std::fs::set_permissions(folder, std::fs::Permissions::from_mode(0o700))?;
        if folder == root {
            break;
        }
        at = folder.parent();
    }
    Ok(())
}

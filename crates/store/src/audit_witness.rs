//! The audit chain's witness outside the database (issue 12, item 2): every periodic and
//! shutdown checkpoint is appended, after its transaction committed, to an append-only file in
//! the data directory (`seq hash signature time` per line, readable by the owner only). Someone
//! who can rewrite the database — drop the append-only triggers, change an event, recompute
//! every hash, delete the later checkpoints — cannot rewrite this file with it; `verify`
//! compares the chain with every line.

use std::io::Write;
use std::os::unix::fs::OpenOptionsExt;
use std::path::Path;

use crate::error::{Result, StoreError};

/// One witnessed checkpoint.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Witnessed {
    pub seq: i64,
    pub hash: String,
    pub signature: String,
    pub at: String,
}

/// Appends a checkpoint to the witness file (created 0600 when missing).
pub(crate) fn append(path: &Path, line: &Witnessed) -> Result<()> {
    let mut file = std::fs::OpenOptions::new()
        .create(true)
        .append(true)
        .mode(0o600)
        .open(path)
        .map_err(|e| StoreError::Other(anyhow::anyhow!("audit witness {}: {e}", path.display())))?;
    writeln!(
        file,
        "{} {} {} {}",
        line.seq, line.hash, line.signature, line.at
    )
    .and_then(|()| file.sync_data())
    .map_err(|e| StoreError::Other(anyhow::anyhow!("audit witness {}: {e}", path.display())))
}

/// Hands a checkpoint line to the outside witness command on its standard input and waits
/// (at most 30 seconds) for it to succeed.
pub(crate) async fn send(command: &[String], line: &Witnessed) -> anyhow::Result<()> {
    use tokio::io::AsyncWriteExt;
    let (program, args) = command
        .split_first()
        .ok_or_else(|| anyhow::anyhow!("no witness command"))?;
    let mut child = tokio::process::Command::new(program)
        .args(args)
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::null())
        .kill_on_drop(true)
        .spawn()?;
    if let Some(mut stdin) = child.stdin.take() {
        let text = format!(
            "{} {} {} {}\n",
            line.seq, line.hash, line.signature, line.at
        );
        stdin.write_all(text.as_bytes()).await?;
    }
    let status = tokio::time::timeout(std::time::Duration::from_secs(30), child.wait()).await??;
    anyhow::ensure!(status.success(), "the witness command exited with {status}");
    Ok(())
}

/// Every line of the witness file; a missing file has none. A line that does not read is
/// reported by its number.
pub fn read(path: &Path) -> std::result::Result<Vec<Witnessed>, String> {
    let text = match std::fs::read_to_string(path) {
        Ok(text) => text,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(e) => return Err(format!("the witness file cannot be read: {e}")),
    };
    text.lines()
        .enumerate()
        .filter(|(_, line)| !line.trim().is_empty())
        .map(|(n, line)| {
            let parts: Vec<&str> = line.split(' ').collect();
            match parts.as_slice() {
                [seq, hash, signature, at] => Ok(Witnessed {
                    seq: seq
                        .parse()
                        .map_err(|_| format!("witness line {}: unreadable", n + 1))?,
                    hash: (*hash).to_owned(),
                    signature: (*signature).to_owned(),
                    at: (*at).to_owned(),
                }),
                _ => Err(format!("witness line {}: unreadable", n + 1)),
            }
        })
        .collect()
}

//! Connecting to either engine. The engine is chosen from the URL scheme; only DDL and
//! connection set-up differ between them.

use std::str::FromStr;
use std::time::Duration;

use sqlx::any::{AnyConnectOptions, AnyPoolOptions};
use sqlx::{AnyPool, Executor};

use crate::clock::Clock;
use crate::error::Result;
use crate::files::Blobs;
use crate::keys::AuditKey;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Engine {
    Sqlite,
    Postgres,
}

impl Engine {
    pub fn from_url(url: &str) -> anyhow::Result<Engine> {
        if url.starts_with("sqlite:") {
            Ok(Engine::Sqlite)
        } else if url.starts_with("postgres:") || url.starts_with("postgresql:") {
            Ok(Engine::Postgres)
        } else {
            anyhow::bail!("DATABASE_URL must start with sqlite: or postgres:")
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            Engine::Sqlite => "sqlite",
            Engine::Postgres => "postgres",
        }
    }
}

/// The database handle every repository function takes. Cheap to clone.
#[derive(Clone)]
pub struct Store {
    pub(crate) pool: AnyPool,
    engine: Engine,
    pub(crate) audit_key: Option<AuditKey>,
    /// Where periodic checkpoints are witnessed outside the database (`audit_witness`).
    pub(crate) audit_witness: Option<std::path::PathBuf>,
    /// A command that receives each witnessed checkpoint line on its standard input, to keep
    /// a copy off this machine (`KARYA_AUDIT_WITNESS_COMMAND`).
    pub(crate) outside_witness: Option<Vec<String>>,
    blobs: Option<Blobs>,
    clock: Clock,
}

/// The SQLite file of `url`, created empty and readable by the owner only when missing (and
/// tightened when it exists): SQLite gives its `-wal` and `-shm` files the database file's
/// permissions, so the whole database stays the owner's.
fn private_sqlite_file(url: &str) -> anyhow::Result<()> {
    let path = url
        .trim_start_matches("sqlite://")
        .trim_start_matches("sqlite:")
        .split('?')
        .next()
        .unwrap_or("");
    if path.is_empty() || path == ":memory:" {
        return Ok(());
    }
    let path = std::path::Path::new(path);
    match crate::private_files::create(path) {
        Ok(_) => Ok(()),
        Err(error) if error.kind() == std::io::ErrorKind::AlreadyExists => {
            Ok(crate::private_files::tighten(path)?)
        }
        Err(error) => Err(error.into()),
    }
}

impl Store {
    /// Connects (creating a SQLite file when missing) and sets each connection up.
    pub async fn connect(url: &str) -> anyhow::Result<Store> {
        sqlx::any::install_default_drivers();
        let engine = Engine::from_url(url)?;
        let url = match engine {
            Engine::Sqlite if !url.contains("mode=") => {
                let sep = if url.contains('?') { '&' } else { '?' };
                format!("{url}{sep}mode=rwc")
            }
            _ => url.to_owned(),
        };
        if engine == Engine::Sqlite {
            private_sqlite_file(&url)?;
        }
        let options = AnyConnectOptions::from_str(&url)?;
        let pool = AnyPoolOptions::new()
            .max_connections(match engine {
                Engine::Sqlite => 4,
                Engine::Postgres => 10,
            })
            .acquire_timeout(Duration::from_secs(10))
            .after_connect(move |conn, _meta| {
                Box::pin(async move {
                    if engine == Engine::Sqlite {
                        conn.execute(
                            "PRAGMA foreign_keys = ON; PRAGMA journal_mode = WAL; \
                             PRAGMA busy_timeout = 5000; PRAGMA synchronous = NORMAL;",
                        )
                        .await?;
                    }
                    Ok(())
                })
            })
            .connect_with(options)
            .await?;
        Ok(Store {
            pool,
            engine,
            audit_key: None,
            audit_witness: None,
            outside_witness: None,
            blobs: None,
            clock: Clock::system(),
        })
    }

    /// The key that signs audit checkpoints; without one, no checkpoint is written.
    pub fn with_audit_key(mut self, key: AuditKey) -> Store {
        self.audit_key = Some(key);
        self
    }

    /// The file that witnesses checkpoints outside the database.
    pub fn with_audit_witness(mut self, path: std::path::PathBuf) -> Store {
        self.audit_witness = Some(path);
        self
    }

    /// Also hands each witnessed checkpoint to `command` (program and arguments), e.g. one
    /// that appends it on another machine (issue 12, item 2).
    pub fn with_outside_witness(mut self, command: Vec<String>) -> Store {
        self.outside_witness = (!command.is_empty()).then_some(command);
        self
    }

    /// Takes the time from `clock` (a fixed one in tests).
    pub fn with_clock(mut self, clock: Clock) -> Store {
        self.clock = clock;
        self
    }

    pub fn clock(&self) -> &Clock {
        &self.clock
    }

    /// Now, from the injected clock.
    pub fn now(&self) -> jiff::Timestamp {
        self.clock.now()
    }

    pub fn now_text(&self) -> String {
        self.clock.now_text()
    }

    pub fn now_ms(&self) -> i64 {
        self.clock.now_ms()
    }

    /// Where uploaded files are kept (`files/` in the data directory).
    pub fn with_files(mut self, blobs: Blobs) -> Store {
        self.blobs = Some(blobs);
        self
    }

    pub(crate) fn blobs(&self) -> Result<&Blobs> {
        self.blobs
            .as_ref()
            .ok_or_else(|| anyhow::anyhow!("no file storage is configured").into())
    }

    pub fn engine(&self) -> Engine {
        self.engine
    }

    pub fn pool(&self) -> &AnyPool {
        &self.pool
    }

    /// A transaction for a write. SQLite takes the write lock at BEGIN (IMMEDIATE), so two
    /// writers queue on the busy timeout instead of failing when the reader upgrades.
    pub async fn begin_write(&self) -> Result<sqlx::Transaction<'static, sqlx::Any>> {
        Ok(match self.engine {
            Engine::Sqlite => self.pool.begin_with("BEGIN IMMEDIATE").await?,
            Engine::Postgres => self.pool.begin().await?,
        })
    }

    /// Readiness: the database answers.
    pub async fn ping(&self) -> Result<()> {
        sqlx::query("SELECT 1").execute(&self.pool).await?;
        Ok(())
    }

    pub async fn close(&self) {
        self.pool.close().await;
    }
}

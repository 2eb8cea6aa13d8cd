//! A fresh database per test: a SQLite file in a temporary directory, or a new database in
//! the test PostgreSQL cluster.

use std::path::PathBuf;

use karya_store::clock::Clock;
use karya_store::{Engine, Store};

/// "Now" in every test unless the test sets it: 30 November 2026, 16:30 WIB (17:30 WITA,
/// 18:30 WIT), an afternoon in every zone. Tests never read the wall clock, so they pass at
/// any hour; a test about the hour sets its own time with `db.clock.set(…)`.
pub const TEST_NOW: &str = "2026-11-30T09:30:00Z";

/// The fixed test instant: [`TEST_NOW`], or `KARYA_TEST_NOW` when set, to run the whole
/// suite at another hour (the README shows how: at night in WIB, late evening in WIT).
pub fn test_now() -> jiff::Timestamp {
    std::env::var("KARYA_TEST_NOW")
        .ok()
        .and_then(|text| text.parse().ok())
        .unwrap_or_else(|| TEST_NOW.parse().expect("a valid instant"))
}

pub struct TestDb {
    pub store: Store,
    /// The store's clock: fixed at [`TEST_NOW`] until a test moves it.
    pub clock: Clock,
    pub url: String,
    pub engine: Engine,
    /// A directory for this test (the SQLite file, the audit key, uploaded files).
    pub dir: PathBuf,
}

impl Drop for TestDb {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

fn temp_dir() -> PathBuf {
    let dir =
        std::env::temp_dir().join(format!("karya-test-{}", karya_store::secret::random_hex()));
    std::fs::create_dir_all(&dir).expect("create a temporary directory");
    dir
}

/// A migrated database with the installation audit key, on the engine asked for.
pub async fn fresh_store(engine: Engine) -> TestDb {
    let dir = temp_dir();
    let url = match engine {
        Engine::Sqlite => format!("sqlite://{}", dir.join("karya.db").display()),
        Engine::Postgres => crate::postgres::fresh_database().await,
    };
    let key = karya_store::keys::AuditKey::load_or_create(&dir.join("audit-signing.key"))
        .expect("audit key");
    let clock = Clock::fixed(test_now());
    let store = Store::connect(&url)
        .await
        .expect("connect")
        .with_clock(clock.clone())
        .with_audit_key(key)
        .with_files(karya_store::files::Blobs::new(dir.join("files")));
    karya_store::migrate::run(&store).await.expect("migrate");
    TestDb {
        store,
        clock,
        url,
        engine,
        dir,
    }
}

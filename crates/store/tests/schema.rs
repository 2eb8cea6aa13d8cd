//! The two engines' schemas, compared after every migration: the same tables, the same
//! columns in each, the same named indexes. And migrations run safely when several
//! processes start at once on one database.

use std::collections::BTreeMap;

use karya_store::{Engine, Store};
use karya_testkit::fresh_store;

/// table → its columns, and the named (not constraint-made) indexes.
async fn shape(store: &Store) -> (BTreeMap<String, Vec<String>>, Vec<String>) {
    let (tables_sql, columns_sql, indexes_sql) = match store.engine() {
        Engine::Sqlite => (
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'",
            "SELECT name FROM pragma_table_info($1)",
            "SELECT name FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL",
        ),
        Engine::Postgres => (
            "SELECT table_name::text FROM information_schema.tables WHERE table_schema = 'public'",
            "SELECT column_name::text FROM information_schema.columns WHERE table_schema = 'public' AND table_name = $1",
            "SELECT indexname::text FROM pg_indexes WHERE schemaname = 'public' AND indexname NOT IN (SELECT conname FROM pg_constraint)",
        ),
    };
    let tables: Vec<(String,)> = sqlx::query_as(tables_sql)
        .fetch_all(store.pool())
        .await
        .unwrap();
    let mut columns = BTreeMap::new();
    for (table,) in tables {
        let rows: Vec<(String,)> = sqlx::query_as(columns_sql)
            .bind(&table)
            .fetch_all(store.pool())
            .await
            .unwrap();
        let mut names: Vec<String> = rows.into_iter().map(|(c,)| c).collect();
        names.sort();
        columns.insert(table, names);
    }
    let mut indexes: Vec<String> = sqlx::query_as::<_, (String,)>(indexes_sql)
        .fetch_all(store.pool())
        .await
        .unwrap()
        .into_iter()
        .map(|(name,)| name)
        .collect();
    indexes.sort();
    (columns, indexes)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn both_engines_have_the_same_tables_columns_and_indexes() {
    let sqlite = fresh_store(Engine::Sqlite).await;
    let postgres = fresh_store(Engine::Postgres).await;
    let (sqlite_columns, sqlite_indexes) = shape(&sqlite.store).await;
    let (pg_columns, pg_indexes) = shape(&postgres.store).await;
    assert!(
        sqlite_columns.len() > 20,
        "the schema is there: {sqlite_columns:?}"
    );
    assert_eq!(
        sqlite_columns.keys().collect::<Vec<_>>(),
        pg_columns.keys().collect::<Vec<_>>(),
        "the same tables"
    );
    for (table, columns) in &sqlite_columns {
        assert_eq!(
            Some(columns),
            pg_columns.get(table),
            "the columns of {table}"
        );
    }
    assert_eq!(sqlite_indexes, pg_indexes, "the same named indexes");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn processes_starting_together_migrate_a_postgres_database_once() {
    let db = fresh_store(Engine::Postgres).await;
    // A fresh database, migrated by four "processes" at once (each its own pool).
    sqlx::raw_sql("DROP SCHEMA public CASCADE; CREATE SCHEMA public;")
        .execute(db.store.pool())
        .await
        .unwrap();
    let mut runs = Vec::new();
    for _ in 0..4 {
        let url = db.url.clone();
        runs.push(tokio::spawn(async move {
            let store = Store::connect(&url).await.unwrap();
            karya_store::migrate::run(&store).await
        }));
    }
    let mut applied = 0;
    for run in runs {
        applied += run.await.unwrap().expect("every process starts");
    }
    let (versions,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM schema_migrations")
        .fetch_one(db.store.pool())
        .await
        .unwrap();
    assert_eq!(
        applied as i64, versions,
        "each migration ran exactly once in all"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_database_its_log_and_every_upload_are_readable_by_the_owner_only() {
    use std::os::unix::fs::PermissionsExt;
    let db = fresh_store(Engine::Sqlite).await;
    let mode = |path: &std::path::Path| {
        std::fs::metadata(path)
            .unwrap_or_else(|e| panic!("{}: {e}", path.display()))
            .permissions()
            .mode()
            & 0o777
    };
    // A write makes the WAL file.
    karya_store::migrate::run(&db.store).await.unwrap();
    sqlx::query("CREATE TABLE IF NOT EXISTS probe (x INTEGER)")
        .execute(db.store.pool())
        .await
        .unwrap();
    let file = db.dir.join("karya.db");
    assert_eq!(mode(&file), 0o600, "the database");
    let wal = db.dir.join("karya.db-wal");
    if wal.exists() {
        assert_eq!(mode(&wal), 0o600, "its write-ahead log");
    }
    let blobs = karya_store::files::Blobs::new(db.dir.join("files"));
    let sha = blobs.put(b"a scan of a decision").unwrap();
    let stored = db
        .dir
        .join("files")
        .join(&sha[..2])
        .join(&sha[2..4])
        .join(&sha);
    assert_eq!(mode(&stored), 0o600, "an upload");
    assert_eq!(mode(stored.parent().unwrap()), 0o700, "its folder");
    assert_eq!(mode(&db.dir.join("files")), 0o700, "the files folder");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_table_is_classified_in_docs_data_md() {
    let db = fresh_store(Engine::Sqlite).await;
    let (tables, _) = shape(&db.store).await;
    let doc = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../../docs/DATA.md"))
        .expect("docs/DATA.md");
    let missing: Vec<&String> = tables
        .keys()
        .filter(|table| !doc.contains(&format!("| `{table}` |")))
        .collect();
    assert!(
        missing.is_empty(),
        "tables without a class in docs/DATA.md: {missing:?}"
    );
}

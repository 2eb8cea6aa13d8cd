//! Versioned migrations, embedded in the binary, one folder per engine. A landed migration
//! is never edited: its checksum is recorded and a changed file stops the run.

use sha2::{Digest, Sha256};

use crate::db::{Engine, Store};

struct Migration {
    version: i64,
    name: &'static str,
    sqlite: &'static str,
    postgres: &'static str,
}

const MIGRATIONS: &[Migration] = &[
    Migration {
        version: 1,
        name: "foundation",
        sqlite: include_str!("../migrations/sqlite/0001_foundation.sql"),
        postgres: include_str!("../migrations/postgres/0001_foundation.sql"),
    },
    Migration {
        version: 2,
        name: "cases_and_ledger",
        sqlite: include_str!("../migrations/sqlite/0002_cases_and_ledger.sql"),
        postgres: include_str!("../migrations/postgres/0002_cases_and_ledger.sql"),
    },
    Migration {
        version: 3,
        name: "intake",
        sqlite: include_str!("../migrations/sqlite/0003_intake.sql"),
        postgres: include_str!("../migrations/postgres/0003_intake.sql"),
    },
    Migration {
        version: 4,
        name: "register",
        sqlite: include_str!("../migrations/sqlite/0004_register.sql"),
        postgres: include_str!("../migrations/postgres/0004_register.sql"),
    },
    Migration {
        version: 5,
        name: "sop_steps",
        sqlite: include_str!("../migrations/sqlite/0005_sop_steps.sql"),
        postgres: include_str!("../migrations/postgres/0005_sop_steps.sql"),
    },
    Migration {
        version: 6,
        name: "attachments",
        sqlite: include_str!("../migrations/sqlite/0006_attachments.sql"),
        postgres: include_str!("../migrations/postgres/0006_attachments.sql"),
    },
    Migration {
        version: 7,
        name: "appointments",
        sqlite: include_str!("../migrations/sqlite/0007_appointments.sql"),
        postgres: include_str!("../migrations/postgres/0007_appointments.sql"),
    },
    Migration {
        version: 8,
        name: "partners_and_placement",
        sqlite: include_str!("../migrations/sqlite/0008_partners_and_placement.sql"),
        postgres: include_str!("../migrations/postgres/0008_partners_and_placement.sql"),
    },
    Migration {
        version: 9,
        name: "serving",
        sqlite: include_str!("../migrations/sqlite/0009_serving.sql"),
        postgres: include_str!("../migrations/postgres/0009_serving.sql"),
    },
    Migration {
        version: 10,
        name: "partner_files",
        sqlite: include_str!("../migrations/sqlite/0010_partner_files.sql"),
        postgres: include_str!("../migrations/postgres/0010_partner_files.sql"),
    },
    Migration {
        version: 11,
        name: "thumbnails",
        sqlite: include_str!("../migrations/sqlite/0011_thumbnails.sql"),
        postgres: include_str!("../migrations/postgres/0011_thumbnails.sql"),
    },
    Migration {
        version: 12,
        name: "summons_reasons",
        sqlite: include_str!("../migrations/sqlite/0012_summons_reasons.sql"),
        postgres: include_str!("../migrations/postgres/0012_summons_reasons.sql"),
    },
    Migration {
        version: 13,
        name: "window_basis",
        sqlite: include_str!("../migrations/sqlite/0013_window_basis.sql"),
        postgres: include_str!("../migrations/postgres/0013_window_basis.sql"),
    },
    Migration {
        version: 14,
        name: "checks_per_document",
        sqlite: include_str!("../migrations/sqlite/0014_checks_per_document.sql"),
        postgres: include_str!("../migrations/postgres/0014_checks_per_document.sql"),
    },
    Migration {
        version: 15,
        name: "report_signatures",
        sqlite: include_str!("../migrations/sqlite/0015_report_signatures.sql"),
        postgres: include_str!("../migrations/postgres/0015_report_signatures.sql"),
    },
    Migration {
        version: 16,
        name: "letter_drafts",
        sqlite: include_str!("../migrations/sqlite/0016_letter_drafts.sql"),
        postgres: include_str!("../migrations/postgres/0016_letter_drafts.sql"),
    },
    Migration {
        version: 17,
        name: "assistance",
        sqlite: include_str!("../migrations/sqlite/0017_assistance.sql"),
        postgres: include_str!("../migrations/postgres/0017_assistance.sql"),
    },
    Migration {
        version: 18,
        name: "distance_and_accommodations",
        sqlite: include_str!("../migrations/sqlite/0018_distance_and_accommodations.sql"),
        postgres: include_str!("../migrations/postgres/0018_distance_and_accommodations.sql"),
    },
    Migration {
        version: 19,
        name: "temporary_passwords",
        sqlite: include_str!("../migrations/sqlite/0019_temporary_passwords.sql"),
        postgres: include_str!("../migrations/postgres/0019_temporary_passwords.sql"),
    },
    Migration {
        version: 20,
        name: "token_expiry",
        sqlite: include_str!("../migrations/sqlite/0020_token_expiry.sql"),
        postgres: include_str!("../migrations/postgres/0020_token_expiry.sql"),
    },
    Migration {
        version: 21,
        name: "second_factor",
        sqlite: include_str!("../migrations/sqlite/0021_second_factor.sql"),
        postgres: include_str!("../migrations/postgres/0021_second_factor.sql"),
    },
    Migration {
        version: 22,
        name: "data_protection",
        sqlite: include_str!("../migrations/sqlite/0022_data_protection.sql"),
        postgres: include_str!("../migrations/postgres/0022_data_protection.sql"),
    },
    Migration {
        version: 23,
        name: "activations",
        sqlite: include_str!("../migrations/sqlite/0023_activations.sql"),
        postgres: include_str!("../migrations/postgres/0023_activations.sql"),
    },
    Migration {
        version: 24,
        name: "documents_as_entered",
        sqlite: include_str!("../migrations/sqlite/0024_documents_as_entered.sql"),
        postgres: include_str!("../migrations/postgres/0024_documents_as_entered.sql"),
    },
    Migration {
        version: 25,
        name: "guidance",
        sqlite: include_str!("../migrations/sqlite/0025_guidance.sql"),
        postgres: include_str!("../migrations/postgres/0025_guidance.sql"),
    },
    Migration {
        version: 26,
        name: "supervision",
        sqlite: include_str!("../migrations/sqlite/0026_supervision.sql"),
        postgres: include_str!("../migrations/postgres/0026_supervision.sql"),
    },
    Migration {
        version: 27,
        name: "conduct_reports",
        sqlite: include_str!("../migrations/sqlite/0027_conduct_reports.sql"),
        postgres: include_str!("../migrations/postgres/0027_conduct_reports.sql"),
    },
    Migration {
        version: 28,
        name: "document_receipts",
        sqlite: include_str!("../migrations/sqlite/0028_document_receipts.sql"),
        postgres: include_str!("../migrations/postgres/0028_document_receipts.sql"),
    },
    Migration {
        version: 29,
        name: "progress_reports",
        sqlite: include_str!("../migrations/sqlite/0029_progress_reports.sql"),
        postgres: include_str!("../migrations/postgres/0029_progress_reports.sql"),
    },
    Migration {
        version: 30,
        name: "prosecutor_decisions",
        sqlite: include_str!("../migrations/sqlite/0030_prosecutor_decisions.sql"),
        postgres: include_str!("../migrations/postgres/0030_prosecutor_decisions.sql"),
    },
    Migration {
        version: 31,
        name: "behaviour_evidence",
        sqlite: include_str!("../migrations/sqlite/0031_behaviour_evidence.sql"),
        postgres: include_str!("../migrations/postgres/0031_behaviour_evidence.sql"),
    },
    Migration {
        version: 32,
        name: "tpp_sessions",
        sqlite: include_str!("../migrations/sqlite/0032_tpp_sessions.sql"),
        postgres: include_str!("../migrations/postgres/0032_tpp_sessions.sql"),
    },
    Migration {
        version: 33,
        name: "ledger_restart",
        sqlite: include_str!("../migrations/sqlite/0033_ledger_restart.sql"),
        postgres: include_str!("../migrations/postgres/0033_ledger_restart.sql"),
    },
    Migration {
        version: 34,
        name: "evaluation_assessment",
        sqlite: include_str!("../migrations/sqlite/0034_evaluation_assessment.sql"),
        postgres: include_str!("../migrations/postgres/0034_evaluation_assessment.sql"),
    },
    Migration {
        version: 35,
        name: "monitoring_visits",
        sqlite: include_str!("../migrations/sqlite/0035_monitoring_visits.sql"),
        postgres: include_str!("../migrations/postgres/0035_monitoring_visits.sql"),
    },
];

/// The advisory lock every PostgreSQL migration transaction takes, so that several
/// `karya` processes starting together on one database migrate it once, one after another.
const MIGRATION_LOCK: i64 = 0x6b61_7279_615f_6d67; // "karya_mg"

/// Applies every migration not yet applied, each in its own write transaction that first
/// takes the migration lock (PostgreSQL: a transaction-level advisory lock; SQLite: the
/// database's write lock, taken at BEGIN IMMEDIATE) and then checks again whether another
/// process applied it meanwhile. Returns how many ran here.
pub async fn run(store: &Store) -> anyhow::Result<usize> {
    let mut tx = locked(store).await?;
    sqlx::raw_sql(
        "CREATE TABLE IF NOT EXISTS schema_migrations (
            version BIGINT PRIMARY KEY, name TEXT NOT NULL,
            checksum TEXT NOT NULL, applied_at TEXT NOT NULL)",
    )
    .execute(&mut *tx)
    .await?;
    tx.commit().await?;
    let mut ran = 0;
    for migration in MIGRATIONS {
        let sql = match store.engine() {
            Engine::Sqlite => migration.sqlite,
            Engine::Postgres => migration.postgres,
        };
        let checksum = hex::encode(Sha256::digest(sql.as_bytes()));
        let mut tx = locked(store).await?;
        let recorded: Option<(String,)> =
            sqlx::query_as("SELECT checksum FROM schema_migrations WHERE version = $1")
                .bind(migration.version)
                .fetch_optional(&mut *tx)
                .await?;
        if let Some((recorded,)) = recorded {
            anyhow::ensure!(
                recorded == checksum,
                "migration {} ({}) was edited after it was applied",
                migration.version,
                migration.name
            );
            continue;
        }
        sqlx::raw_sql(sql).execute(&mut *tx).await?;
        sqlx::query(
            "INSERT INTO schema_migrations (version, name, checksum, applied_at)
             VALUES ($1, $2, $3, $4)",
        )
        .bind(migration.version)
        .bind(migration.name)
        .bind(checksum)
        .bind(store.now_text())
        .execute(&mut *tx)
        .await?;
        tx.commit().await?;
        ran += 1;
    }
    Ok(ran)
}

/// A write transaction holding the migration lock until it ends.
async fn locked(store: &Store) -> anyhow::Result<sqlx::Transaction<'static, sqlx::Any>> {
    let mut tx = store.begin_write().await?;
    if store.engine() == Engine::Postgres {
        sqlx::query("SELECT pg_advisory_xact_lock($1)")
            .bind(MIGRATION_LOCK)
            .execute(&mut *tx)
            .await?;
    }
    Ok(tx)
}

//! The audit chain on both engines: appends link up, checkpoints are signed, and direct
//! tampering with the rows (modify, delete, reorder) is named by `verify`.

use karya_store::audit::{self, Event};
use karya_store::{Actor, Engine};
use karya_testkit::{TestDb, on_both_engines};
use serde_json::json;

async fn record(db: &TestDb, count: i64) {
    let actor = Actor::system("test");
    for n in 1..=count {
        let event = Event::new("test.write", "thing", n, json!({"n": n}));
        db.store.audit_alone(&actor, event).await.unwrap();
    }
}

async fn verify(db: &TestDb) -> audit::Verification {
    let key =
        karya_store::keys::AuditKey::load_or_create(&db.dir.join("audit-signing.key")).unwrap();
    audit::verify(&db.store, Some(&key.public_hex()), None)
        .await
        .unwrap()
}

/// Drops the append-only trigger, as someone with direct database access could.
async fn bypass_triggers(db: &TestDb) {
    let statements: &[&'static str] = match db.engine {
        Engine::Sqlite => &[
            "DROP TRIGGER audit_events_no_update",
            "DROP TRIGGER audit_events_no_delete",
        ],
        Engine::Postgres => &["DROP TRIGGER audit_events_no_change ON audit_events"],
    };
    for statement in statements {
        sqlx::query(*statement)
            .execute(db.store.pool())
            .await
            .unwrap();
    }
}

on_both_engines! {
    async fn an_untouched_chain_verifies_with_signed_checkpoints(db) {
        record(&db, 120).await;
        db.store.audit_checkpoint().await.unwrap();
        let report = verify(&db).await;
        assert_eq!(report.first_problem, None);
        assert_eq!(report.events, 120);
        assert_eq!(report.checkpoints, 3, "at 50, 100 and the final 120");
    }

    async fn the_application_cannot_update_or_delete_audit_events(db) {
        record(&db, 3).await;
        let update = sqlx::query("UPDATE audit_events SET summary = '{}' WHERE seq = 2")
            .execute(db.store.pool()).await;
        assert!(update.is_err());
        let delete = sqlx::query("DELETE FROM audit_events WHERE seq = 2")
            .execute(db.store.pool()).await;
        assert!(delete.is_err());
        assert_eq!(verify(&db).await.first_problem, None);
    }

    async fn verify_names_a_modified_event(db) {
        record(&db, 10).await;
        bypass_triggers(&db).await;
        sqlx::query("UPDATE audit_events SET summary = '{\"n\":99}' WHERE seq = 7")
            .execute(db.store.pool()).await.unwrap();
        let problem = verify(&db).await.first_problem.unwrap();
        assert!(problem.starts_with("event 7: its content does not match"), "{problem}");
    }

    async fn verify_names_a_deleted_event(db) {
        record(&db, 10).await;
        bypass_triggers(&db).await;
        sqlx::query("DELETE FROM audit_events WHERE seq = 4").execute(db.store.pool()).await.unwrap();
        let problem = verify(&db).await.first_problem.unwrap();
        assert_eq!(problem, "event 4 is missing: the sequence jumps from 3 to 5");
    }

    async fn verify_names_events_deleted_at_the_end(db) {
        record(&db, 10).await;
        bypass_triggers(&db).await;
        sqlx::query("DELETE FROM audit_events WHERE seq > 8").execute(db.store.pool()).await.unwrap();
        let problem = verify(&db).await.first_problem.unwrap();
        assert!(problem.contains("ends at event 8 but 10 events were recorded"), "{problem}");
    }

    async fn verify_names_reordered_events(db) {
        record(&db, 10).await;
        bypass_triggers(&db).await;
        // Swap the sequence numbers of events 5 and 6 through a free number.
        for statement in [
            "UPDATE audit_events SET seq = 1000 WHERE seq = 5",
            "UPDATE audit_events SET seq = 5 WHERE seq = 6",
            "UPDATE audit_events SET seq = 6 WHERE seq = 1000",
        ] {
            sqlx::query(statement).execute(db.store.pool()).await.unwrap();
        }
        let problem = verify(&db).await.first_problem.unwrap();
        assert!(problem.starts_with("event 5: does not link to event 4"), "{problem}");
    }

    async fn verify_catches_a_rewritten_chain_through_its_signed_checkpoint(db) {
        record(&db, 60).await;
        bypass_triggers(&db).await;
        // Someone rewrites event 1 and recomputes every hash after it, but cannot re-sign.
        sqlx::query("UPDATE audit_events SET summary = '{\"n\":0}' WHERE seq = 1")
            .execute(db.store.pool()).await.unwrap();
        let events = audit::recent(&db.store, None, 1000).await.unwrap();
        let mut ordered = events;
        ordered.sort_by_key(|e| e.seq);
        let mut prev = audit::GENESIS_HASH.to_string();
        for event in &mut ordered {
            event.prev_hash = prev.clone();
            let rehashed = event.computed_hash();
            sqlx::query("UPDATE audit_events SET prev_hash = $1, hash = $2 WHERE seq = $3")
                .bind(&event.prev_hash).bind(&rehashed).bind(event.seq)
                .execute(db.store.pool()).await.unwrap();
            prev = rehashed;
        }
        sqlx::query("UPDATE audit_head SET last_hash = $1").bind(&prev)
            .execute(db.store.pool()).await.unwrap();
        let problem = verify(&db).await.first_problem.unwrap();
        assert_eq!(problem, "checkpoint at event 50: the chain was rewritten after it was signed");
    }

    async fn verify_catches_a_rewrite_that_deletes_the_later_checkpoints_through_the_gap_and_the_witness(db) {
        let witness = db.dir.join("audit-witness.log");
        let key = karya_store::keys::AuditKey::load_or_create(&db.dir.join("audit-signing.key")).unwrap();
        let store = db.store.clone().with_audit_witness(witness.clone());
        let actor = Actor::system("test");
        for n in 1..=60 {
            store.audit_alone(&actor, Event::new("test.write", "thing", n, json!({"n": n}))).await.unwrap();
        }
        // The periodic checkpoint signs the head and writes it outside the database.
        store.audit_checkpoint().await.unwrap();
        assert!(std::fs::read_to_string(&witness).unwrap().starts_with("60 "));
        let untouched = audit::verify(&store, Some(&key.public_hex()), Some(&witness)).await.unwrap();
        assert_eq!(untouched.first_problem, None, "an untouched chain agrees with its witness");
        // With database access only: drop the triggers, change event 1, recompute every hash,
        // and delete the checkpoints that would betray it.
        bypass_triggers(&db).await;
        sqlx::query("UPDATE audit_events SET summary = '{\"n\":0}' WHERE seq = 1").execute(store.pool()).await.unwrap();
        let mut events = audit::recent(&store, None, 1000).await.unwrap();
        events.sort_by_key(|e| e.seq);
        let mut prev = audit::GENESIS_HASH.to_string();
        for event in &mut events {
            event.prev_hash = prev.clone();
            let rehashed = event.computed_hash();
            sqlx::query("UPDATE audit_events SET prev_hash = $1, hash = $2 WHERE seq = $3")
                .bind(&event.prev_hash).bind(&rehashed).bind(event.seq)
                .execute(store.pool()).await.unwrap();
            prev = rehashed;
        }
        sqlx::query("UPDATE audit_head SET last_hash = $1").bind(&prev).execute(store.pool()).await.unwrap();
        sqlx::query("DELETE FROM audit_checkpoints").execute(store.pool()).await.unwrap();
        let without_witness = audit::verify(&store, Some(&key.public_hex()), None).await.unwrap();
        assert_eq!(without_witness.first_problem.as_deref(), Some("checkpoint at event 50 is missing (checkpoints deleted)"));
        let with_witness = audit::verify(&store, Some(&key.public_hex()), Some(&witness)).await.unwrap();
        let problem = with_witness.first_problem.unwrap();
        assert!(problem.starts_with("event 60: differs from the checkpoint witnessed outside the database"), "{problem}");
    }
}

on_both_engines! {
    async fn each_witnessed_checkpoint_also_reaches_the_configured_outside_witness(db) {
        // The outside witness here is a command that appends its input to a file, as
        // `ssh witness@elsewhere 'cat >> karya.log'` would on another machine.
        let copy = db.dir.join("outside-witness.log");
        let command = vec!["sh".to_owned(), "-c".to_owned(), format!("cat >> '{}'", copy.display())];
        let store = db.store.clone()
            .with_audit_witness(db.dir.join("audit-witness.log"))
            .with_outside_witness(command);
        let actor = Actor::system("test");
        store.audit_alone(&actor, Event::new("test.write", "thing", 1, json!({}))).await.unwrap();
        store.audit_checkpoint().await.unwrap();
        let local = std::fs::read_to_string(db.dir.join("audit-witness.log")).unwrap();
        assert_eq!(std::fs::read_to_string(&copy).unwrap(), local, "the same line, off the machine");

        // A witness that fails does not stop the checkpoint: the local file still has it.
        let failing = db.store.clone()
            .with_audit_witness(db.dir.join("audit-witness.log"))
            .with_outside_witness(vec!["false".to_owned()]);
        failing.audit_alone(&actor, Event::new("test.write", "thing", 2, json!({}))).await.unwrap();
        assert!(failing.audit_checkpoint().await.unwrap().is_some());
        assert_eq!(std::fs::read_to_string(db.dir.join("audit-witness.log")).unwrap().lines().count(), 2);
    }
}

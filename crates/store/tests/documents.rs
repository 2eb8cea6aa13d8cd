//! Issued documents on both engines: per-office, per-year numbers; a new version on each
//! issue; immutability; and a verification that notices a changed file.

use karya_store::documents::{self, ToIssue};
use karya_store::ids::{OfficeId, UserId};
use karya_store::{Actor, Engine, orgs};
use karya_testkit::{TestDb, on_both_engines};
use serde_json::json;

async fn office(db: &TestDb, code: &str) -> OfficeId {
    let actor = Actor::system("test");
    let region = match orgs::list_regions(&db.store).await.unwrap().first() {
        Some(region) => karya_store::ids::RegionId(region.id),
        None => orgs::create_region(&db.store, &actor, "r1", "Kantor Wilayah Uji")
            .await
            .unwrap(),
    };
    let fields = orgs::OfficeFields {
        region_id: region,
        code: code.into(),
        name: format!("Balai Pemasyarakatan {code}"),
        address: "Jalan Uji".into(),
        phone: "1".into(),
        email: "a@b.id".into(),
        time_zone: karya_domain::OfficeZone::Wib,
        letter_code: String::new(),
        progress_report_months: karya_domain::progress_report::DEFAULT_PERIOD_MONTHS,
    };
    orgs::create_office(&db.store, &actor, &fields, None)
        .await
        .unwrap()
}

async fn issue(
    db: &TestDb,
    office: OfficeId,
    code: &str,
    kind: &str,
    day: &str,
) -> documents::Issued {
    // Each of these documents says something new.
    let says = karya_store::secret::random_hex();
    issue_saying(db, office, code, kind, day, &says).await
}

async fn issue_saying(
    db: &TestDb,
    office: OfficeId,
    code: &str,
    kind: &str,
    day: &str,
    says: &str,
) -> documents::Issued {
    issue_rendered_by(db, office, code, kind, day, says, |number, code| {
        Ok(serde_json::to_vec(&json!({"number": number, "code": code})).unwrap())
    })
    .await
}

async fn issue_rendered_by(
    db: &TestDb,
    office: OfficeId,
    code: &str,
    kind: &str,
    day: &str,
    says: &str,
    render: impl FnOnce(&str, &str) -> anyhow::Result<Vec<u8>> + Send + 'static,
) -> documents::Issued {
    let actor = Actor::system("test");
    let user = {
        let users = karya_store::users::NewUser {
            username: format!("u{}", karya_store::secret::random_hex()[..8].to_owned()),
            display_name: "U".into(),
            nip: None,
            password_hash: "x".into(),
            temporary_password: false,
            binding: karya_store::users::Binding {
                office: Some(office),
                ..Default::default()
            },
            roles: vec![karya_domain::Role::HeadOfOffice],
        };
        karya_store::users::create_user(&db.store, &actor, &users, None)
            .await
            .unwrap()
    };
    let doc = ToIssue {
        office,
        office_code: code,
        case: None,
        kind,
        number_format: "W.11-{office}-{seq}/{year}",
        issued_on: day.parse().unwrap(),
        by: UserId(user.0),
        fingerprint: says.to_owned(),
    };
    // The head of the office issues office documents (Annex V) through a checked grant.
    let head = karya_store::users::get_user(&db.store, user).await.unwrap();
    let office_access = karya_store::Principal::new(std::sync::Arc::new(head), "test")
        .grant(karya_domain::Permission::ReadPartners)
        .unwrap()
        .office()
        .unwrap();
    documents::issue_for_office(&db.store, &office_access, &doc, render)
        .await
        .unwrap()
}

on_both_engines! {
    async fn a_letter_renders_outside_the_write_transaction_so_other_writers_never_wait(db) {
        let bdg = office(&db, "bdg").await;
        let db = std::sync::Arc::new(db);
        let (started_tx, started_rx) = std::sync::mpsc::channel::<()>();
        let (release_tx, release_rx) = std::sync::mpsc::channel::<()>();
        // The first letter's renderer stops until it is released...
        let slow = {
            let db = db.clone();
            tokio::spawn(async move {
                issue_rendered_by(&db, bdg, "bdg", "summons", "2026-11-01", "slow", move |number, _| {
                    started_tx.send(()).unwrap();
                    release_rx.recv().unwrap();
                    Ok(number.as_bytes().to_vec())
                })
                .await
            })
        };
        tokio::task::spawn_blocking(move || started_rx.recv().unwrap()).await.unwrap();
        // ...and meanwhile another letter of the same office is numbered, rendered and
        // stored: nobody holds the write lock or the sequence's row while typst works.
        let quick = tokio::time::timeout(
            std::time::Duration::from_secs(60),
            issue(&db, bdg, "bdg", "summons", "2026-11-01"),
        )
        .await
        .expect("the second letter was not kept waiting by the first one's rendering");
        release_tx.send(()).unwrap();
        let slow = slow.await.unwrap();
        assert_eq!(slow.number, "W.11-BDG-0001/2026", "the first reserved its number first");
        assert_eq!(quick.number, "W.11-BDG-0002/2026");
    }

    async fn issuing_the_same_document_again_takes_no_new_number(db) {
        let bdg = office(&db, "bdg").await;
        let first = issue_saying(&db, bdg, "bdg", "annex_v", "2026-11-01", "daftar-a").await;
        let again = issue_saying(&db, bdg, "bdg", "annex_v", "2026-11-01", "daftar-a").await;
        assert!(!first.unchanged && again.unchanged);
        assert_eq!((again.id, &again.number, &again.code), (first.id, &first.number, &first.code));
        let changed = issue_saying(&db, bdg, "bdg", "annex_v", "2026-11-01", "daftar-b").await;
        assert!(!changed.unchanged);
        assert_eq!(changed.number, "W.11-BDG-0002/2026", "a change takes the next number");
        // Only the latest counts: going back to the first text is a change again.
        let back = issue_saying(&db, bdg, "bdg", "annex_v", "2026-11-01", "daftar-a").await;
        assert_eq!(back.number, "W.11-BDG-0003/2026");
        let stored: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM issued_documents").fetch_one(db.store.pool()).await.unwrap();
        assert_eq!(stored, 3);
    }

    async fn numbers_run_per_office_and_year_and_verification_shows_no_personal_data(db) {
        let bdg = office(&db, "bdg").await;
        let mks = office(&db, "mks").await;
        let first = issue(&db, bdg, "bdg", "summons", "2026-11-01").await;
        let second = issue(&db, bdg, "bdg", "summons", "2026-11-02").await;
        let other_office = issue(&db, mks, "mks", "summons", "2026-11-02").await;
        let next_year = issue(&db, bdg, "bdg", "summons", "2027-01-02").await;
        assert_eq!(first.number, "W.11-BDG-0001/2026");
        assert_eq!(second.number, "W.11-BDG-0002/2026");
        assert_eq!(other_office.number, "W.11-MKS-0001/2026");
        assert_eq!(next_year.number, "W.11-BDG-0001/2027");
        let shown = documents::verify(&db.store, &first.code).await.unwrap().unwrap();
        assert!(shown.intact);
        assert_eq!(shown.number, first.number);
        assert_eq!(shown.office_name, "Balai Pemasyarakatan bdg");
        assert!(documents::verify(&db.store, "no-such-code").await.unwrap().is_none());
    }

    async fn an_issued_document_cannot_be_changed_and_a_changed_file_does_not_verify(db) {
        let bdg = office(&db, "bdg").await;
        let issued = issue(&db, bdg, "bdg", "assignment", "2026-11-01").await;
        let update = sqlx::query("UPDATE issued_documents SET number = 'X' WHERE code = $1")
            .bind(&issued.code).execute(db.store.pool()).await;
        assert!(update.is_err(), "immutable for the application");
        let drop_trigger: &'static str = match db.engine {
            Engine::Sqlite => "DROP TRIGGER issued_documents_no_update",
            Engine::Postgres => "DROP TRIGGER issued_documents_no_update ON issued_documents",
        };
        sqlx::query(drop_trigger).execute(db.store.pool()).await.unwrap();
        sqlx::query("UPDATE issued_documents SET content = $1 WHERE code = $2")
            .bind(b"forged".to_vec()).bind(&issued.code).execute(db.store.pool()).await.unwrap();
        assert!(!documents::verify(&db.store, &issued.code).await.unwrap().unwrap().intact);
    }
}

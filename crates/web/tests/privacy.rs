//! The data protection officer's duties under UU PDP (issue 12, item 13), on both engines:
//! a data subject found without their name in a URL, their whole file and its processing
//! trail exported and the export audited, requests for access or correction answered
//! against 3 × 24 hours, and the breach register with its two notices.

use jiff::SignedDuration;
use karya_store::users;
use karya_testkit::{TestApp, on_both_engines};

/// The demo client's person id and full name.
async fn client_person(app: &TestApp) -> (i64, String) {
    let person = users::user_by_username(&app.db.store, "klien.bdg")
        .await
        .unwrap()
        .binding
        .person
        .unwrap();
    let (name,): (String,) = sqlx::query_as("SELECT full_name FROM persons WHERE id = $1")
        .bind(person.0)
        .fetch_one(app.db.store.pool())
        .await
        .unwrap();
    (person.0, name)
}

on_both_engines! {
    async fn the_officer_finds_a_data_subject_and_exports_all_their_data_with_its_trail(db) {
        let app = TestApp::with_demo(db).await;
        karya_web::demo::cases::serving_case(&app.db.store, "bdg", 80, 20, Some("klien.bdg")).await.unwrap();
        let (person, name) = client_person(&app).await;
        let mut officer = app.signed_in("ppdp").await;
        assert!(officer.get("/").await.body.contains("href=\"/privacy\""), "the officer's menu");

        let first_word = name.split_whitespace().next().unwrap().to_owned();
        let found = officer.post_form("/privacy/people", &[("query", &first_word)]).await;
        assert_eq!(found.status, 200);
        assert!(found.body.contains(&format!("/privacy/people/{person}")), "{}", found.body);

        let export = officer.get(&format!("/privacy/people/{person}/export.json")).await;
        assert_eq!(export.status, 200);
        assert!(export.headers["content-disposition"].to_str().unwrap().starts_with("attachment"));
        let json = export.json();
        assert_eq!(json["person"]["full_name"], name.as_str());
        assert_eq!(json["login"][0]["username"], "klien.bdg");
        assert!(json["login"][0].get("password_hash").is_none(), "no secret leaves in an export");
        let cases = json["cases"].as_array().unwrap();
        assert!(!cases.is_empty());
        assert!(json["records"].as_object().unwrap().contains_key("register_entries"), "{}", json["records"]);
        assert!(json["processing_trail"].as_array().unwrap().iter().any(|e| e["object_type"] == "case"));
        assert_eq!(app.count(&format!("SELECT COUNT(*) FROM audit_events WHERE action = 'privacy.subject_export' AND object_id = '{person}'")).await, 1);

        // The same copy as a PDF to hand over: the identity, the cases and the trail.
        let pdf = karya_testkit::pdf_text(&officer.get_bytes(&format!("/privacy/people/{person}/export.pdf")).await);
        assert!(pdf.contains("SALINAN DATA PRIBADI") && pdf.contains("Pasal 32"), "{pdf}");
        assert!(pdf.contains(&name) && pdf.contains("Jejak pemrosesan"));
        assert_eq!(app.count(&format!("SELECT COUNT(*) FROM audit_events WHERE action = 'privacy.subject_export' AND object_id = '{person}'")).await, 2);

        // Nobody else reaches a person's whole file: not the client, not the head of office.
        for username in ["klien.bdg", "kabapas.bdg", "ditjenpas", "admin"] {
            let mut other = app.signed_in(username).await;
            assert_eq!(other.get(&format!("/privacy/people/{person}/export.json")).await.status, 403, "{username}");
        }
    }

    async fn a_correction_request_is_answered_against_three_times_twenty_four_hours(db) {
        let app = TestApp::with_demo(db).await;
        let (person, name) = client_person(&app).await;
        let mut officer = app.signed_in("ppdp").await;
        let page = format!("/privacy/people/{person}");
        assert!(officer.get(&page).await.body.contains(&name));

        // A request without its kind or details is refused and what was typed stays.
        let action = format!("{page}/requests");
        let refused = officer.post_form(&action, &[("received_at", "2026-11-20T09:00"), ("channel", "Surat"), ("details", "")]).await;
        assert_eq!(refused.status, 422);
        assert!(refused.body.contains("Pilih jenis permintaan."));
        assert!(refused.body.contains("value=\"Surat\""));
        assert!(refused.body.contains("value=\"2026-11-20T09:00\""));
        let future = officer.post_form(&action, &[("kind", "correction"), ("received_at", "2030-01-01T09:00"), ("channel", "Surat"), ("details", "Alamat")]).await;
        assert!(future.body.contains("Tulis tanggal dan jam, tidak di masa depan."));

        // Received 10:00 WIB today (the test clock is 18:30 WIT = 16:30 WIB): 65 hours left.
        let received = {
            let wib = jiff::tz::TimeZone::get("Asia/Jakarta").unwrap();
            wib.to_datetime(app.db.store.now()).strftime("%Y-%m-%dT10:00").to_string()
        };
        let recorded = officer.post_form(&action, &[("kind", "correction"), ("received_at", &received), ("channel", "Datang langsung"), ("details", "Alamat pindah ke Jl. Merdeka 5")]).await;
        assert_eq!(recorded.location(), "/privacy?saved=1");
        let register = officer.get("/privacy").await.body;
        assert!(register.contains("Perbaikan data") && register.contains("UU PDP Pasal 30"));
        assert!(register.contains("65 jam lagi"), "{register}");

        app.db.clock.advance(SignedDuration::from_hours(66));
        // Sixty-six hours later the officer logs in again (the session has long ended).
        let mut officer = app.signed_in("ppdp").await;
        assert!(officer.get("/privacy").await.body.contains("Terlambat 1 jam"));
        let (id,): (i64,) = sqlx::query_as("SELECT id FROM subject_requests").fetch_one(app.db.store.pool()).await.unwrap();
        let no_outcome = officer.post_form(&format!("/privacy/requests/{id}"), &[("answer", "Sudah")]).await;
        assert_eq!(no_outcome.status, 422);
        assert!(no_outcome.body.contains("Pilih dipenuhi atau ditolak."));
        let answered = officer.post_form(&format!("/privacy/requests/{id}"), &[("outcome", "granted"), ("answer", "Alamat di register diperbaiki")]).await;
        assert_eq!(answered.status, 303);
        let after = officer.get("/privacy").await.body;
        assert!(after.contains("Selesai terlambat") && after.contains("Dipenuhi: Alamat di register diperbaiki"));
        assert_eq!(app.count("SELECT COUNT(*) FROM audit_events WHERE action IN ('privacy.request_record', 'privacy.request_answer')").await, 2);
    }

    async fn a_breach_is_registered_with_what_the_law_asks_and_both_notices_are_timed(db) {
        let app = TestApp::with_demo(db).await;
        let mut officer = app.signed_in("ppdp").await;
        let now = {
            let wib = jiff::tz::TimeZone::get("Asia/Jakarta").unwrap();
            wib.to_datetime(app.db.store.now()).strftime("%Y-%m-%dT%H:%M").to_string()
        };
        // Art. 46(2): what was exposed, when and how, and the handling. Missing ones are named.
        let incomplete = officer.post_form("/privacy/breaches", &[("discovered_at", &now), ("data_exposed", "NIK dan alamat 12 klien"), ("how", ""), ("handling", ""), ("subjects_affected", "12")]).await;
        assert_eq!(incomplete.status, 422);
        assert!(incomplete.body.contains("id=\"how-error\"") && incomplete.body.contains("id=\"handling-error\""));
        assert!(incomplete.body.contains("NIK dan alamat 12 klien"), "what was typed stays");
        assert_eq!(app.count("SELECT COUNT(*) FROM breaches").await, 0);

        let recorded = officer.post_form("/privacy/breaches", &[("discovered_at", &now), ("occurred_on", "2026-11-29"), ("data_exposed", "NIK dan alamat 12 klien"), ("how", "Laptop kantor hilang di kereta"), ("handling", "Kata sandi diganti, sesi diakhiri"), ("subjects_affected", "12")]).await;
        assert_eq!(recorded.status, 303);
        let register = officer.get("/privacy").await.body;
        assert!(register.contains("72 jam lagi"), "{register}");
        let (id,): (i64,) = sqlx::query_as("SELECT id FROM breaches").fetch_one(app.db.store.pool()).await.unwrap();
        let notice = karya_testkit::pdf_text(&officer.get_bytes(&format!("/privacy/breaches/{id}/notice.pdf?to=authority")).await);
        assert!(notice.contains("Lembaga Penyelenggara Pelindungan Data Pribadi") && notice.contains("Pasal 46"), "{notice}");
        assert!(notice.contains("Laptop kantor") && notice.contains("Kata sandi"), "{notice}");
        let action = format!("/privacy/breaches/{id}/notified");
        assert_eq!(officer.post_form(&action, &[("to", "authority")]).await.status, 303);
        assert_eq!(officer.post_form(&action, &[("to", "authority")]).await.status, 409, "a notice is recorded once");
        app.db.clock.advance(SignedDuration::from_hours(73));
        let mut officer = app.signed_in("ppdp").await;
        let late = officer.get("/privacy").await.body;
        assert!(late.contains("Selesai tepat waktu"), "the body was told in time");
        assert!(late.contains("Terlambat 1 jam"), "the subjects were not");
        assert_eq!(app.count("SELECT COUNT(*) FROM audit_events WHERE action LIKE 'privacy.breach%'").await, 2);
    }
}

async fn person_of(store: &karya_store::Store, case: karya_store::ids::CaseId) -> i64 {
    let (person,): (i64,) = sqlx::query_as("SELECT person_id FROM cases WHERE id = $1")
        .bind(case.0)
        .fetch_one(store.pool())
        .await
        .unwrap();
    person
}

async fn name_of(store: &karya_store::Store, person: i64) -> (String, Option<String>) {
    sqlx::query_as("SELECT full_name, nik FROM persons WHERE id = $1")
        .bind(person)
        .fetch_one(store.pool())
        .await
        .unwrap()
}

on_both_engines! {
    async fn a_clients_identity_is_anonymised_ten_years_after_their_last_case_ended_and_audited(db) {
        use karya_web::demo::cases::{Stage, case_at};
        let app = TestApp::with_demo(db).await;
        let store = &app.db.store;
        let ended = case_at(store, "bdg", Stage::Terminated(karya_domain::TerminationReason::Died), 40, 200).await.unwrap();
        let open = case_at(store, "bdg", Stage::Serving, 80, 30).await.unwrap();
        let (gone, kept) = (person_of(store, ended).await, person_of(store, open).await);
        let actor = karya_store::Actor::system("retention-test");

        // A one-time form token, as every form page hands out.
        app.signed_in("kabapas.bdg").await.get("/admin/staff/new").await;
        let tokens = app.count("SELECT COUNT(*) FROM form_tokens").await;
        assert!(tokens > 0);
        let now = karya_store::retention::run(store, &actor, false).await.unwrap();
        assert_eq!(now.identities_anonymised, 0, "a case that ended now is kept");
        app.db.clock.advance(SignedDuration::from_hours(24 * (365 * 10 + 3)));
        let counted = karya_store::retention::run(store, &actor, true).await.unwrap();
        assert_eq!(counted.identities_anonymised, 1);
        assert_ne!(name_of(store, gone).await.0, karya_store::retention::ANONYMISED_NAME, "a dry run changes nothing");

        let done = karya_store::retention::run(store, &actor, false).await.unwrap();
        assert_eq!(done.identities_anonymised, 1);
        assert_eq!(done.form_tokens_deleted, u64::try_from(tokens).unwrap(), "spent form tokens go");
        assert_eq!(app.count("SELECT COUNT(*) FROM form_tokens").await, 0);
        assert_eq!(name_of(store, gone).await, (karya_store::retention::ANONYMISED_NAME.to_owned(), None));
        assert_ne!(name_of(store, kept).await.0, karya_store::retention::ANONYMISED_NAME, "a client with an open case is kept");
        assert_eq!(app.count(&format!("SELECT COUNT(*) FROM audit_events WHERE action = 'retention.anonymise' AND object_id = '{gone}'")).await, 1);
        assert_eq!(app.count(&format!("SELECT COUNT(*) FROM cases WHERE id = {}", ended.0)).await, 1, "the case itself stays, nameless");
        let again = karya_store::retention::run(store, &actor, false).await.unwrap();
        assert_eq!(again.identities_anonymised, 0, "once is enough");
    }
}

//! The intake API on both engines: a decision recorded (I1 refused before it is final), the
//! document check (D1–D3), summonses (I3), registration with the G3 step (409 with candidates,
//! then a choice), and the register book.

use karya_domain::calendar::{add_days, local_date};
use karya_testkit::{TestApp, on_both_engines};

fn day(offset: i64) -> String {
    let today = local_date(
        karya_testkit::test_now(),
        &karya_domain::OfficeZone::Wib.time_zone(),
    );
    add_days(today, offset).unwrap().to_string()
}

fn intake(final_in_days: i64, handed_over: bool, number: &str) -> Vec<u8> {
    format!(r#"{{"client_name":"Joko Widodo Santoso","channel":"handover","handed_over":{handed_over},"prosecutor_office_id":1,
        "received_on":"{received}","terms":{{"court":"Pengadilan Negeri Bandung","decision_number":"{number}",
        "decision_date":"{decided}","date_final":"{final_date}","offence_articles":"Pasal 476","max_threat_months":48,
        "replaced":{{"kind":"imprisonment","months":3,"days":0}},"hours_ordered":4800,
        "schedule":{{"text":"Sabtu, 4 jam.","instalment_months":null}},"default_orders":[{{"kind":"repeat_work"}}]}}}}"#,
        received = day(0), decided = day(-20), final_date = day(final_in_days)).into_bytes()
}

fn checks() -> Vec<u8> {
    let mut rounds = Vec::new();
    for document in ["decision_copy", "execution_letter"] {
        rounds.push(format!(r#"{{"document":"{document}","kind":"lawful_issuer","outcome":"passed"}},{{"document":"{document}","kind":"identity_match","outcome":"passed"}},
            {{"document":"{document}","kind":"barcode","outcome":"not_applicable","note":"tanpa barcode"}},{{"document":"{document}","kind":"direct_confirmation","outcome":"passed"}},
            {{"document":"{document}","kind":"other","outcome":"passed"}}"#));
    }
    format!("[{}]", rounds.join(",")).into_bytes()
}

fn person(choice: &str) -> Vec<u8> {
    format!(r#"{{"full_name":"Joko Widodo Santoso","nik":"3273011505900003","birth_place":"Bandung","birth_date":"1990-05-15",
        "sex":"male","address":"Jalan Contoh 3","district_code":"32.73.01","occupation":"Buruh","father_name":"Widodo",
        "mother_name":"Sri"{choice}}}"#).into_bytes()
}

on_both_engines! {
    async fn a_decision_goes_through_intake_to_the_register_by_api_I1_D1_G3(db) {
        let app = TestApp::with_demo(db).await;
        let mut desk = app.api_as("pendaftaran.bdg").await;
        let without_kejaksaan = String::from_utf8(intake(-1, true, "0/Pid.B/2026/PN Bdg")).unwrap().replace(r#""prosecutor_office_id":1,"#, "");
        let refused = desk.post_raw("/api/v1/cases", "application/json", without_kejaksaan.into_bytes()).await;
        assert_eq!(refused.status, 422, "I2: a case names its Kejaksaan");
        assert!(refused.body.contains("\"I2\"") && refused.body.contains("prosecutor_office_id"), "{}", refused.body);
        let early = desk.post_raw("/api/v1/cases", "application/json", intake(2, true, "1/Pid.B/2026/PN Bdg")).await;
        assert_eq!(early.status, 422, "{}", early.body);
        assert_eq!(early.json()["rule"], "I1");
        assert_eq!(early.json()["errors"][0]["reason"], "NotFinalYet", "the refusal is named as data");
        let mut ids = Vec::new();
        for number in ["2/Pid.B/2026/PN Bdg", "3/Pid.B/2026/PN Bdg"] {
            let created = desk.post_raw("/api/v1/cases", "application/json", intake(-1, true, number)).await;
            assert_eq!(created.status, 201, "{}", created.body);
            let id = created.json()["id"].as_i64().unwrap();
            let verdict = desk.post_raw(&format!("/api/v1/cases/{id}/documents"), "application/json", checks()).await;
            assert_eq!(verdict.json()["valid"], true, "{}", verdict.body);
            ids.push(id);
        }
        let mut head = app.api_as("kabapas.bdg").await;
        let mut tu = app.api_as("katu.bdg").await;
        let pk = karya_store::users::user_by_username(&app.db.store, "pk.bdg").await.unwrap().id.0;
        for id in &ids {
            let path = format!("/api/v1/cases/{id}/appointment");
            let early = tu.post_raw(&path, "application/json", br#"{"step":"draft","pk_user_id":1}"#.to_vec()).await;
            assert_eq!(early.status, 422, "no draft before the disposition");
            assert_eq!(early.headers["content-type"], "application/problem+json");
            assert_eq!(early.json()["rule"], "appointment");
            let disposed = head.post_raw(&path, "application/json", format!(r#"{{"step":"dispose","pk_user_id":{pk}}}"#).into_bytes()).await;
            assert_eq!(disposed.status, 200, "{}", disposed.body);
            let drafted = tu.post_raw(&path, "application/json", br#"{"step":"draft"}"#.to_vec()).await;
            assert_eq!(drafted.json()[0]["stage"], "drafted", "{}", drafted.body);
            let signed = head.post_raw(&path, "application/json", br#"{"step":"sign"}"#.to_vec()).await;
            assert_eq!(signed.json()[0]["stage"], "signed", "{}", signed.body);
            assert_eq!(signed.json()[0]["pk_user_id"], pk);
        }
        let mut registry = app.api_as("registrasi.bdg").await;
        let first = registry.post_raw(&format!("/api/v1/cases/{}/register", ids[0]), "application/json", person("")).await;
        assert_eq!(first.status, 201, "{}", first.body);
        assert_eq!(first.json()["number"], 1);
        let second = registry.post_raw(&format!("/api/v1/cases/{}/register", ids[1]), "application/json", person("")).await;
        assert_eq!(second.status, 409, "the same NIK is already recorded (G3)");
        let candidate = second.json()[0]["id"].as_i64().unwrap();
        let chosen = registry.post_raw(&format!("/api/v1/cases/{}/register", ids[1]), "application/json", person(&format!(r#","person_choice":"{candidate}""#))).await;
        assert_eq!(chosen.status, 201, "{}", chosen.body);
        assert_eq!(chosen.json()["number"], 2);
        let book = registry.get("/api/v1/register?q=joko").await.json();
        let lines = book.as_array().unwrap();
        assert_eq!(lines.len(), 2);
        assert_eq!(lines[0]["case_id"].as_i64().unwrap(), ids[1]);
    }

    async fn summonses_by_api_stop_at_three_I3(db) {
        let app = TestApp::with_demo(db).await;
        let mut desk = app.api_as("pendaftaran.bdg").await;
        let id = desk.post_raw("/api/v1/cases", "application/json", intake(-1, false, "9/Pid.B/2026/PN Bdg")).await.json()["id"].as_i64().unwrap();
        desk.post_raw(&format!("/api/v1/cases/{id}/documents"), "application/json", checks()).await;
        let mut head = app.api_as("kabapas.bdg").await;
        for n in 0..3i64 {
            let body = format!(r#"{{"issued_on":"{}","deadline":"{}","delivery":"Diantar"}}"#, day(-30 + n * 7), day(-27 + n * 7));
            let issued = head.post_raw(&format!("/api/v1/cases/{id}/summonses"), "application/json", body.into_bytes()).await;
            assert_eq!(issued.json()["number"], n + 1, "{}", issued.body);
            let outcome = desk.post_raw(&format!("/api/v1/cases/{id}/summonses/outcome"), "application/json", br#"{"outcome":"no_response"}"#.to_vec()).await;
            assert_eq!(outcome.json()["violation"], n == 2);
        }
        let body = format!(r#"{{"issued_on":"{}","deadline":"{}","delivery":"Diantar"}}"#, day(0), day(3));
        let fourth = head.post_raw(&format!("/api/v1/cases/{id}/summonses"), "application/json", body.into_bytes()).await;
        assert_eq!(fourth.status, 422);
        assert_eq!(fourth.json()["rule"], "I3");
    }
}

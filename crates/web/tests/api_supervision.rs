//! Supervision through `/api/v1` on both engines (issue 14, item 9): the same chain as the
//! pages — advice (S5), team and steps (S6), the TPP (S7, L8), the head's decision (S8) —
//! and a progress report written and approved (S4, B8), refusals as problem+json with the
//! rule.

use karya_store::users;
use karya_testkit::{TestApp, on_both_engines};
use karya_web::demo::cases::serving_case;
use serde_json::json;

async fn id_of(app: &TestApp, username: &str) -> i64 {
    users::user_by_username(&app.db.store, username)
        .await
        .unwrap()
        .id
        .0
}

on_both_engines! {
    async fn the_supervision_chain_and_a_progress_report_through_the_api_S4_S5_S6_S7_S8_L8_B8(db) {
        let app = TestApp::with_demo(db).await;
        let case = serving_case(&app.db.store, "bdg", 80, 40, None).await.unwrap();
        let base = format!("/api/v1/cases/{}", case.0);
        let post = |body: serde_json::Value| body.to_string().into_bytes();
        let mut pk = app.api_as("pk.bdg").await;
        let refused = pk.post_raw(&format!("{base}/supervision/advice"), "application/json", post(json!({"ground": "suspected_violation", "what_happened": "Tidak hadir"}))).await;
        assert_eq!(refused.status, 422);
        assert_eq!(refused.headers["content-type"], "application/problem+json");
        assert_eq!(refused.json()["errors"][0]["rule"], "S5", "{}", refused.body);
        let advice = pk.post_raw(&format!("{base}/supervision/advice"), "application/json", post(json!({"ground": "suspected_violation", "condition": "Syarat umum", "what_happened": "Tidak hadir tiga kali.", "evidence": "Laporan PJ"}))).await;
        assert_eq!(advice.status, 201, "{}", advice.body);
        let exam = advice.json()["id"].as_i64().unwrap();

        let (tpp, head_id) = (id_of(&app, "tpp.bdg").await, id_of(&app, "kabapas.bdg").await);
        let mut head = app.api_as("kabapas.bdg").await;
        let small = head.post_raw(&format!("{base}/supervision/team"), "application/json", post(json!({"examination": exam, "members": [tpp], "chair": tpp}))).await;
        assert_eq!(small.json()["errors"][0]["rule"], "S6", "{}", small.body);
        assert_eq!(head.post_raw(&format!("{base}/supervision/team"), "application/json", post(json!({"examination": exam, "members": [tpp, head_id], "chair": tpp}))).await.status, 204);
        let state = head.get(&format!("{base}/supervision")).await.json();
        let formed = state["examinations"][0]["formed_on"].as_str().unwrap().to_owned();
        let mut member = app.api_as("tpp.bdg").await;
        assert_eq!(member.post_raw(&format!("{base}/supervision/steps"), "application/json", post(json!({"examination": exam, "method": "interview_client", "on": formed, "record": "Berita acara"}))).await.status, 204);
        let findings = member.post_raw(&format!("{base}/supervision/findings"), "application/json", post(json!({"examination": exam, "findings": "Terbukti."}))).await;
        assert_eq!(findings.json()["late"], false);
        let fine = member.post_raw(&format!("{base}/supervision/recommendation"), "application/json", post(json!({"examination": exam, "recommendation": "pay_fine", "present": [tpp, head_id], "deliberation": "Menimbang"}))).await;
        assert_eq!(fine.status, 422);
        assert!(fine.body.contains("\"L8\""), "{}", fine.body);
        assert_eq!(member.post_raw(&format!("{base}/supervision/recommendation"), "application/json", post(json!({"examination": exam, "recommendation": "repeat_work", "present": [tpp, head_id], "deliberation": "Menimbang"}))).await.status, 204);
        let decided = head.post_raw(&format!("{base}/supervision/decision"), "application/json", post(json!({"examination": exam, "accept": true, "reasons": "Sesuai rekomendasi."}))).await;
        assert_eq!(decided.status, 200, "{}", decided.body);
        assert!(decided.json()["litmas_document"].as_i64().is_some(), "the Litmas went to the prosecutor (S8)");

        // The first monthly report is overdue; the PK writes it and the head approves it.
        let state = pk.get(&format!("{base}/supervision")).await.json();
        assert_eq!(state["report_period_months"], 1);
        let due = state["reports_due"][0].clone();
        assert_eq!(due["state"], "overdue", "{state}");
        let blank = pk.post_raw(&format!("{base}/progress-reports"), "application/json", post(json!({"due_on": due["due_on"], "progress": "", "obstacles": "-", "next_steps": "Kunjungan"}))).await;
        assert_eq!(blank.json()["errors"][0]["rule"], "S4", "{}", blank.body);
        let written = pk.post_raw(&format!("{base}/progress-reports"), "application/json", post(json!({"due_on": due["due_on"], "progress": "Belum mulai.", "obstacles": "Sakit.", "next_steps": "Kunjungan."}))).await;
        assert_eq!(written.status, 201, "{}", written.body);
        let report = written.json()["id"].as_i64().unwrap();
        let reviewed = head.post_raw(&format!("{base}/progress-reports/{report}/review"), "application/json", post(json!({"approve": true}))).await;
        assert_eq!(reviewed.status, 200, "{}", reviewed.body);
        assert!(reviewed.json()["document"].as_i64().is_some(), "issued to the prosecutor (B8)");
        let state = pk.get(&format!("{base}/supervision")).await.json();
        assert_eq!(state["progress_reports"][0]["stage"], "approved");
        assert_eq!(state["reports_due"][0]["state"], "written");
    }

    async fn a_tpp_session_through_the_api_S7_L8(db) {
        let app = TestApp::with_demo(db).await;
        let case = karya_web::demo::cases::awaiting_tpp(&app.db.store, "bdg").await.unwrap();
        let post = |body: serde_json::Value| body.to_string().into_bytes();
        let (tpp, head_id) = (id_of(&app, "tpp.bdg").await, id_of(&app, "kabapas.bdg").await);
        let exams: Vec<(i64, String)> = sqlx::query_as("SELECT id, ground FROM examinations WHERE case_id = $1 ORDER BY id").bind(case.0).fetch_all(app.db.store.pool()).await.unwrap();
        let agenda: Vec<i64> = exams.iter().map(|(id, _)| *id).collect();
        let zone = karya_domain::OfficeZone::Wib.time_zone();
        let today = karya_domain::calendar::local_date(karya_testkit::test_now(), &zone).to_string();
        let mut head = app.api_as("kabapas.bdg").await;
        let alone = head.post_raw("/api/v1/tpp-sessions", "application/json", post(json!({"held_on": today, "chair": tpp, "present": [tpp], "agenda": agenda}))).await;
        assert_eq!(alone.status, 422);
        assert_eq!(alone.headers["content-type"], "application/problem+json");
        assert_eq!(alone.json()["errors"][0]["rule"], "S7", "{}", alone.body);
        let convened = head.post_raw("/api/v1/tpp-sessions", "application/json", post(json!({"held_on": today, "place": "Ruang TPP", "chair": tpp, "present": [tpp, head_id], "agenda": agenda}))).await;
        assert_eq!(convened.status, 201, "{}", convened.body);
        let session = convened.json()["id"].as_i64().unwrap();
        let mut member = app.api_as("tpp.bdg").await;
        let listed = member.get("/api/v1/tpp-sessions").await.json();
        assert_eq!(listed[0]["agenda"], 2, "{listed}");
        let early = member.post_raw(&format!("/api/v1/tpp-sessions/{session}/minutes"), "application/json", Vec::new()).await;
        assert_eq!(early.json()["errors"][0]["rule"], "S7", "{}", early.body);
        // Each case through the case's recommendation endpoint: the session's members stand.
        let base = format!("/api/v1/cases/{}/supervision/recommendation", case.0);
        for (exam, ground) in &exams {
            let recommendation = if ground == "good_deed" { "good_conduct" } else { "continue_serving" };
            let recorded = member.post_raw(&base, "application/json", post(json!({"examination": exam, "recommendation": recommendation, "present": [], "deliberation": "Menimbang hasil pemeriksaan."}))).await;
            assert_eq!(recorded.status, 204, "{}", recorded.body);
        }
        let detail = member.get(&format!("/api/v1/tpp-sessions/{session}")).await.json();
        assert_eq!(detail["session"]["recommended"], 2, "{detail}");
        assert_eq!(detail["agenda"][1]["recommendation"], "good_conduct", "{detail}");
        let signed = member.post_raw(&format!("/api/v1/tpp-sessions/{session}/minutes"), "application/json", Vec::new()).await;
        assert_eq!(signed.status, 201, "{}", signed.body);
        assert!(signed.json()["number"].as_str().is_some_and(|n| !n.is_empty()));
        assert_eq!(app.api_as("tpp.mks").await.get(&format!("/api/v1/tpp-sessions/{session}")).await.status, 404, "another office's TPP");
    }
}

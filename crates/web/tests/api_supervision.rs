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
}

//! Guidance on both engines (issue 14, items 1–2): the PK records guidance activities beside
//! the Litmas' two risks, never during the client's work (B1), programmes only at the
//! client's wish (B2); keeps the behaviour log (B3) and the Cycle of Change with its
//! relapses (B4); refusals name the rule and keep what was typed; the API says the same.

use karya_testkit::{TestApp, on_both_engines};
use karya_web::demo::cases::serving_case;

/// Reports a day's work for the case (yesterday, 13:00–15:00 in Bandung) and returns its
/// date and hours: a work period guidance may not overlap (B1).
async fn reported_period(app: &TestApp, case: i64) -> (String, String, String) {
    let zone = karya_domain::OfficeZone::Wib.time_zone();
    let today = karya_domain::calendar::local_date(karya_testkit::test_now(), &zone);
    let day = karya_domain::calendar::add_days(today, -1)
        .unwrap()
        .to_string();
    let body = format!(
        r#"{{"start":"{day}T13:00:00+07:00","end":"{day}T15:00:00+07:00","activity":"Menyapu halaman"}}"#
    );
    let mut api = app.api_as("registrasi.bdg").await;
    let reported = api
        .post_raw(
            &format!("/api/v1/cases/{case}/attendance"),
            "application/json",
            body.into_bytes(),
        )
        .await;
    assert_eq!(reported.status, 201, "{}", reported.body);
    (day, "13:00".into(), "15:00".into())
}

on_both_engines! {
    async fn a_pk_records_guidance_outside_work_hours_and_at_the_clients_wish_B1_B2(db) {
        let app = TestApp::with_demo(db).await;
        let case = serving_case(&app.db.store, "bdg", 80, 20, None).await.unwrap();
        let path = format!("/cases/{}/guidance", case.0);
        let mut pk = app.signed_in("pk.bdg").await;
        assert!(pk.get(&format!("/cases/{}", case.0)).await.body.contains(&path), "the case page links the guidance page");
        let page = pk.get(&path).await.body;
        assert!(page.contains("Risiko keberbahayaan") && page.contains("Risiko pengulangan tindak pidana"), "B2: both Litmas risks beside the form");
        let (day, from, to) = reported_period(&app, case.0).await;
        let during = [
            ("g_kind", "counselling_mental"), ("g_on", day.as_str()), ("g_from", from.as_str()), ("g_to", to.as_str()),
            ("g_setting", "individual"), ("g_place", "KantorBapasDitulis"), ("g_leader", "pk"), ("g_leader_name", ""),
            ("g_note", "KonselingDitulis"),
        ];
        let refused = pk.post_form(&format!("{path}/activities"), &during).await;
        assert_eq!(refused.status, 422);
        assert!(refused.body.contains("di luar jam kerja sosial") && refused.body.contains("(B1)"), "{}", refused.body);
        assert!(refused.body.contains("KantorBapasDitulis") && refused.body.contains("KonselingDitulis"), "what was typed is kept");

        let mut skills = during;
        skills[0] = ("g_kind", "skills");
        skills[2] = ("g_from", "20:00");
        skills[3] = ("g_to", "21:00");
        skills[6] = ("g_leader", "griya_abhipraya");
        skills[7] = ("g_leader_name", "Griya Abhipraya Bandung");
        let refused = pk.post_form(&format!("{path}/activities"), &skills).await;
        assert_eq!(refused.status, 422);
        assert!(refused.body.contains("keinginan Klien sendiri") && refused.body.contains("(B2)"), "{}", refused.body);
        let mut wished = skills.to_vec();
        wished.push(("g_wish", "1"));
        let saved = pk.post_form(&format!("{path}/activities"), &wished).await;
        assert_eq!(saved.status, 303, "{}", saved.body);
        let page = pk.get(saved.location()).await.body;
        assert!(page.contains("Kegiatan pembimbingan disimpan") && page.contains("Peningkatan keterampilan") && page.contains("Griya Abhipraya Bandung"));
        assert_eq!(app.count("SELECT COUNT(*) FROM audit_events WHERE action = 'guidance.activity'").await, 1);

        // The head and the TPP read the record; neither records.
        let mut head = app.signed_in("kabapas.bdg").await;
        let head_page = head.get(&path).await.body;
        assert!(head_page.contains("Peningkatan keterampilan") && !head_page.contains("action=\"/cases/"));
        assert_eq!(head.post_form(&format!("{path}/activities"), &wished).await.status, 403);
        assert!(app.signed_in("tpp.bdg").await.get(&path).await.body.contains("Peningkatan keterampilan"));

        // The API refuses the same overlap with the rule, as problem+json.
        let mut api = app.api_as("pk.bdg").await;
        let body = format!(r#"{{"kind":"reflection","on":"{day}","from":"{from}","to":"{to}","setting":"group","place":"Aula","leader":"pk","note":"Refleksi"}}"#);
        let refused = api.post_raw(&format!("/api/v1/cases/{}/guidance/activities", case.0), "application/json", body.into_bytes()).await;
        assert_eq!(refused.status, 422);
        assert_eq!(refused.headers["content-type"], "application/problem+json");
        assert_eq!(refused.json()["errors"][0]["rule"], "B1", "{}", refused.body);
        let record = api.get(&format!("/api/v1/cases/{}/guidance", case.0)).await.json();
        assert_eq!(record["activities"][0]["kind"], "skills");
        assert_eq!(record["activities"][0]["clients_wish"], true);
    }

    async fn the_behaviour_log_and_the_cycle_of_change_with_a_relapse_B3_B4(db) {
        let app = TestApp::with_demo(db).await;
        let case = serving_case(&app.db.store, "bdg", 80, 20, None).await.unwrap();
        let path = format!("/cases/{}/guidance", case.0);
        let mut pk = app.signed_in("pk.bdg").await;
        let refused = pk.post_form(&format!("{path}/behaviour"), &[("b_kind", "blood_donation"), ("b_on", "2099-01-01"), ("b_source", "community"), ("b_description", "")]).await;
        assert_eq!(refused.status, 422);
        assert!(refused.body.contains("(B3)") && refused.body.contains("Uraikan perilaku"), "{}", refused.body);
        let (day, _, _) = reported_period(&app, case.0).await;
        let saved = pk.post_form(&format!("{path}/behaviour"), &[("b_kind", "blood_donation"), ("b_on", day.as_str()), ("b_source", "community"), ("b_description", "Donor darah di PMI Kota Bandung.")]).await;
        assert_eq!(saved.status, 303, "{day}: {}", saved.body);
        let page = pk.get(&path).await.body;
        assert!(page.contains("Donor darah di PMI Kota Bandung.") && page.contains("perbuatan baik"));
        // A good deed with its evidence (B3): the upload rules apply, and a refused file keeps
        // the entry unsaved with what was typed; a good file is stored with the entry.
        let deed = [("b_kind", "social_service"), ("b_on", day.as_str()), ("b_source", "pj"), ("b_description", "KerjaBaktiMasjid")];
        let bad = pk.post_multipart(&format!("{path}/behaviour"), &deed, ("b_evidence", b"<html><script>")).await;
        assert_eq!(bad.status, 422);
        assert!(bad.body.contains("KerjaBaktiMasjid") && bad.body.contains("PDF, JPG, PNG"), "{}", bad.body);
        assert_eq!(app.count("SELECT COUNT(*) FROM behaviour_entries WHERE description = 'KerjaBaktiMasjid'").await, 0, "nothing half-saved");
        let png = karya_testkit::images::tiny_png();
        let saved = pk.post_multipart(&format!("{path}/behaviour"), &deed, ("b_evidence", &png)).await;
        assert_eq!(saved.status, 303, "{}", saved.body);
        let (file,): (i64,) = sqlx::query_as("SELECT evidence_file_id FROM behaviour_entries WHERE description = 'KerjaBaktiMasjid'").fetch_one(app.db.store.pool()).await.unwrap();
        let page = pk.get(&path).await.body;
        assert!(page.contains(&format!("/cases/{}/files/{file}", case.0)) && page.contains("Lihat bukti"));
        assert_eq!(pk.get(&format!("/cases/{}/files/{file}", case.0)).await.status, 200, "the PK views it");
        assert_eq!(app.signed_in("registrasi.bdg").await.get(&format!("/cases/{}/files/{file}", case.0)).await.status, 403, "guidance is not the registry's");

        for (stage, reason) in [("contemplation", "Mulai menyadari masalahnya."), ("action", "Aktif ikut konseling."), ("preparation", "Terlambat tiga kali; niat menurun.")] {
            let set = pk.post_form(&format!("{path}/stage"), &[("stage", stage), ("stage_reason", reason)]).await;
            assert_eq!(set.status, 303, "{stage}: {}", set.body);
        }
        let page = pk.get(&path).await.body;
        assert!(page.contains("Tahap sekarang: <strong>Persiapan (preparation)</strong>"), "{page}");
        assert_eq!(page.matches("kemunduran").count(), 1, "the step back is a relapse, once");
        let same = pk.post_form(&format!("{path}/stage"), &[("stage", "preparation"), ("stage_reason", "Tetap.")]).await;
        assert_eq!(same.status, 422);
        assert!(same.body.contains("sudah pada tahap ini") && same.body.contains("(B4)"));
        let silent = pk.post_form(&format!("{path}/stage"), &[("stage", "maintenance"), ("stage_reason", " ")]).await;
        assert_eq!(silent.status, 422);
        assert!(silent.body.contains("(B4)"));
        let moves: Vec<(String,)> = sqlx::query_as("SELECT movement FROM change_stages WHERE case_id = $1 ORDER BY id").bind(case.0).fetch_all(app.db.store.pool()).await.unwrap();
        assert_eq!(moves.into_iter().map(|m| m.0).collect::<Vec<_>>(), ["first", "forward", "relapse"]);
        assert_eq!(app.count("SELECT COUNT(*) FROM audit_events WHERE action IN ('guidance.behaviour', 'guidance.stage')").await, 5);
        assert_eq!(app.count("SELECT COUNT(*) FROM audit_events WHERE action = 'file.attach' AND summary LIKE '%behaviour_evidence%'").await, 1);
    }
}

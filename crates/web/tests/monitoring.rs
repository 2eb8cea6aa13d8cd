//! Monitoring at three levels on both engines (issue 15; M1–M3): Ditjenpas sees every office,
//! a Kanwil only its region's, a head only their own; the figures agree with a recount of the
//! rows in scope, and never include a case outside it.

use karya_domain::Permission;
use karya_domain::monitoring::Stage;
use karya_store::orgs;
use karya_testkit::{TestApp, on_both_engines};
use karya_web::demo::cases::load_office;

on_both_engines! {
    async fn each_level_sees_its_offices_and_the_figures_agree_with_a_recount_M1_M2_M3(db) {
        let app = TestApp::with_demo(db).await;
        let store = &app.db.store;
        load_office(store, "bdg").await.unwrap();
        load_office(store, "mks").await.unwrap();
        let national = app.signed_in("ditjenpas").await.get("/monitoring").await;
        assert_eq!(national.status, 200);
        assert!(national.body.contains("Pemantauan nasional (M1)") && national.body.contains("Bandung") && national.body.contains("Makassar"), "{}", national.body);
        assert!(national.body.contains("Perkara per wilayah"), "regions side by side for Ditjenpas");
        let regional = app.signed_in("kanwil.jabar").await.get("/monitoring").await.body;
        assert!(regional.contains("Pemantauan wilayah (M2)") && regional.contains("Bandung") && !regional.contains("Makassar"), "{regional}");
        let office = app.signed_in("kabapas.bdg").await.get("/monitoring").await.body;
        assert!(office.contains("Pemantauan kantor (M3)") && !office.contains("Makassar"), "{office}");
        assert_eq!(app.signed_in("pk.bdg").await.get("/monitoring").await.status, 403);

        // The head's figures are a recount of their office's rows, nothing else.
        let bdg = orgs::office_by_code(store, "bdg").await.unwrap();
        let grant = karya_store::Principal::new(
            std::sync::Arc::new(karya_store::users::user_by_username(store, "kabapas.bdg").await.unwrap()),
            "test",
        )
        .grant(Permission::ReadMonitoring)
        .unwrap();
        let figures = karya_store::monitoring::by_office(store, &grant).await.unwrap();
        assert_eq!(figures.len(), 1, "one office in a head's reach");
        let tally = figures[0].tally;
        let id = bdg.id().0;
        assert_eq!(tally.total(), app.count(&format!("SELECT COUNT(*) FROM cases WHERE office_id = {id}")).await);
        assert_eq!(tally.count(Stage::Serving), app.count(&format!("SELECT COUNT(*) FROM cases WHERE office_id = {id} AND status = 'serving'")).await);
        assert_eq!(tally.count(Stage::Completed), app.count(&format!("SELECT COUNT(*) FROM cases WHERE office_id = {id} AND status = 'terminated' AND termination_reason = 'completed'")).await);
        assert_eq!(tally.minutes_credited, app.count(&format!("SELECT COALESCE(CAST(SUM(a.minutes) AS BIGINT), 0) FROM attendance a JOIN cases c ON c.id = a.case_id WHERE c.office_id = {id} AND a.state = 'credited'")).await);
        assert_eq!(tally.examinations, app.count(&format!("SELECT COUNT(*) FROM examinations e JOIN cases c ON c.id = e.case_id WHERE c.office_id = {id}")).await);
        assert!(tally.total() > 0 && tally.minutes_credited > 0 && tally.examinations > 0, "the demo office has figures: {tally:?}");
        assert_eq!(tally.examinations_late, 1, "the demo's team still examining on day 9 is late (S6): {tally:?}");
        assert_eq!(tally.evaluations, app.count(&format!("SELECT COUNT(*) FROM evaluations e JOIN cases c ON c.id = e.case_id WHERE c.office_id = {id} AND e.indicator_a IS NOT NULL")).await);
        assert_eq!(tally.indicators_met[2], app.count(&format!("SELECT COUNT(*) FROM evaluations e JOIN cases c ON c.id = e.case_id WHERE c.office_id = {id} AND e.indicator_c = 'met'")).await);
        assert!(tally.evaluations > 0 && tally.indicators_met[0] == tally.evaluations, "the demo's evaluations found (a) met: {tally:?}");

        assert!(office.contains("Evaluasi M4"), "the M4 indicators are on the page");
        let xlsx = app.signed_in("kanwil.jabar").await.get_bytes("/monitoring.xlsx").await;
        assert!(xlsx.starts_with(b"PK"), "an XLSX (zip) file");
    }
}

on_both_engines! {
    async fn an_evaluation_records_obstacles_supports_lessons_and_each_indicator_M4(db) {
        let app = TestApp::with_demo(db).await;
        let case = karya_web::demo::cases::serving_case(&app.db.store, "bdg", 80, 60, None).await.unwrap();
        let path = format!("/cases/{}/evaluations", case.0);
        let mut pk = app.signed_in("pk.bdg").await;
        let partial = pk.post_form(&path, &[("basis", "window"), ("quarter", "1"), ("e_obstacles", "JarakJauhSekali"), ("e_supports", ""), ("e_a", "met"), ("e_lessons", "-")]).await;
        assert_eq!(partial.status, 422);
        assert!(partial.body.contains("(M4)") && partial.body.contains("JarakJauhSekali"), "refused with the rule, the text kept");
        assert!(partial.body.contains("href=\"#e_supports\"") && partial.body.contains("href=\"#e_b\""), "each missing part is linked");
        let done = pk.post_form(&path, &[("basis", "window"), ("quarter", "1"), ("e_obstacles", "Jarak jauh."), ("e_supports", "Keluarga mendukung."), ("e_a", "met"), ("e_b", "partly"), ("e_c", "not_met"), ("e_lessons", "Jadwal disesuaikan."), ("note", "")]).await;
        assert_eq!(done.status, 303);
        let stored: (String, String, String, String) = sqlx::query_as("SELECT obstacles, indicator_a, indicator_b, indicator_c FROM evaluations WHERE case_id = $1").bind(case.0).fetch_one(app.db.store.pool()).await.unwrap();
        assert_eq!(stored, ("Jarak jauh.".into(), "met".into(), "partly".into(), "not_met".into()));
        assert_eq!(app.count("SELECT COUNT(*) FROM audit_events WHERE action = 'evaluation.record' AND summary LIKE '%not_met%'").await, 1);
    }
}

on_both_engines! {
    async fn a_kanwil_records_a_monitoring_visit_its_office_sees_it_and_other_regions_do_not_M2(db) {
        let app = TestApp::with_demo(db).await;
        let store = &app.db.store;
        let bdg = orgs::office_by_code(store, "bdg").await.unwrap().id().0.to_string();
        let mks = orgs::office_by_code(store, "mks").await.unwrap().id().0.to_string();
        let zone = karya_domain::OfficeZone::Wib.time_zone();
        let today = karya_domain::calendar::local_date(karya_testkit::test_now(), &zone).to_string();
        let mut kanwil = app.signed_in("kanwil.jabar").await;
        let refused = kanwil.post_form("/monitoring/visits", &[("v_office", &bdg), ("v_on", "2099-01-01"), ("v_findings", "RegisterRapi"), ("v_follow_up", "")]).await;
        assert_eq!(refused.status, 422);
        assert!(refused.body.contains("(M2)") && refused.body.contains("RegisterRapi"), "refused with M2, the text kept: {}", refused.body);
        assert_eq!(kanwil.post_form("/monitoring/visits", &[("v_office", &mks), ("v_on", &today), ("v_findings", "x"), ("v_follow_up", "y")]).await.status, 404, "Makassar is outside Jawa Barat");
        let done = kanwil.post_form("/monitoring/visits", &[("v_office", &bdg), ("v_on", &today), ("v_findings", "Buku register lengkap; dua Litmas terlambat."), ("v_follow_up", "Kepala Bapas menyelesaikan Litmas dalam 7 hari.")]).await;
        assert_eq!(done.status, 303);
        let head = app.signed_in("kabapas.bdg").await.get("/monitoring").await.body;
        assert!(head.contains("dua Litmas terlambat") && !head.contains("Catat kunjungan monitoring"), "the office sees the visit; the head does not record one");
        assert!(!app.signed_in("kanwil.sulsel").await.get("/monitoring").await.body.contains("dua Litmas terlambat"), "another region does not see it");
        assert_eq!(app.signed_in("kabapas.bdg").await.post_form("/monitoring/visits", &[("v_office", &bdg), ("v_on", &today)]).await.status, 403);
        assert_eq!(app.count("SELECT COUNT(*) FROM audit_events WHERE action = 'monitoring.visit'").await, 1);
    }
}

//! The hours ledger in the browser and the API, on both engines: recording a daily report on
//! behalf of the work place, the supervisor's then the PK's verification (B5), the rules at
//! their edges with their IDs (L4, L5, L6), transitions with their guards (T1), and that
//! concurrent reports can never over-credit a day.

use karya_domain::calendar::{add_days, local_date};
use karya_store::ids::CaseId;
use karya_store::{orgs, users};
use karya_testkit::{TestApp, TestDb, on_both_engines};
use karya_web::demo::cases::serving_case;

/// A Bandung case serving 120 hours, received 30 days ago; and yesterday's date in WIB.
async fn serving(db: TestDb) -> (TestApp, CaseId, String) {
    let app = TestApp::with_demo(db).await;
    let case = serving_case(&app.db.store, "bdg", 120, 30, None)
        .await
        .unwrap();
    let zone = karya_domain::OfficeZone::Wib.time_zone();
    let yesterday = add_days(local_date(karya_testkit::test_now(), &zone), -1).unwrap();
    (app, case, yesterday.to_string())
}

fn report<'a>(date: &'a str, time_in: &'a str, time_out: &'a str) -> Vec<(&'a str, &'a str)> {
    vec![
        ("date", date),
        ("time_in", time_in),
        ("time_out", time_out),
        ("activity", "Menyapu halaman"),
    ]
}

async fn ledger(app: &TestApp, case: CaseId) -> serde_json::Value {
    app.api_as("kabapas.bdg")
        .await
        .get(&format!("/api/v1/cases/{}/ledger", case.0))
        .await
        .json()
}

async fn entry_ids(app: &TestApp, case: CaseId) -> Vec<i64> {
    ledger(app, case).await["entries"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["id"].as_i64().unwrap())
        .collect()
}

on_both_engines! {
    async fn a_report_is_recorded_verified_by_the_pj_then_credited_by_the_pk_B5(db) {
        let (app, case, day) = serving(db).await;
        let path = format!("/cases/{}", case.0);
        let mut registry = app.signed_in("registrasi.bdg").await;
        let page = registry.get(&path).await;
        let once = page.hidden("_once").unwrap();
        let mut fields = report(&day, "08:00", "12:00");
        fields.push(("_once", &once));
        let recorded = registry.post_form(&format!("{path}/attendance"), &fields).await;
        assert_eq!(recorded.status, 303, "{}", recorded.body);
        assert_eq!(ledger(&app, case).await["pending_minutes"], 240);
        let entry = entry_ids(&app, case).await[0];

        // The PK cannot credit before the supervisor has verified (B5).
        let mut pk = app.signed_in("pk.bdg").await;
        let early = pk.post_form(&format!("{path}/attendance/{entry}/verify"), &[]).await;
        assert_eq!(early.status, 422);
        assert!(early.body.contains("B5"));

        let mut pj = app.signed_in("pj.bdg").await;
        assert!(pj.get("/verifikasi").await.body.contains("Menyapu halaman"), "the PJ's queue shows it");
        assert_eq!(pj.post_form(&format!("{path}/attendance/{entry}/verify"), &[]).await.status, 303);
        assert!(pk.get("/verifikasi").await.body.contains("Menyapu halaman"), "then the PK's queue");
        assert_eq!(pk.post_form(&format!("{path}/attendance/{entry}/verify"), &[]).await.status, 303);

        let after = ledger(&app, case).await;
        assert_eq!(after["credited_minutes"], 240);
        assert_eq!(after["pending_minutes"], 0);
        assert_eq!(after["remaining_minutes"], 120 * 60 - 240);
        assert_eq!(after["entries"][0]["state"], "credited");
        let (actions,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM audit_events WHERE action IN ('attendance.report', 'attendance.verify_supervisor', 'attendance.credit')")
            .fetch_one(app.db.store.pool()).await.unwrap();
        assert_eq!(actions, 3, "every step is audited");
        let page = pk.get(&path).await;
        assert!(page.body.contains("Diakui: <strong>4 jam</strong>"), "the case page shows the credit");
    }

    async fn accepts_exactly_eight_hours_in_a_day_L5(db) {
        let (app, case, day) = serving(db).await;
        let mut registry = app.signed_in("registrasi.bdg").await;
        let response = registry.post_form(&format!("/cases/{}/attendance", case.0), &report(&day, "08:00", "16:00")).await;
        assert_eq!(response.status, 303);
        assert_eq!(ledger(&app, case).await["pending_minutes"], 480);
    }

    async fn rejects_eight_hours_and_one_minute_in_a_day_L5_and_keeps_the_values(db) {
        let (app, case, day) = serving(db).await;
        let mut registry = app.signed_in("registrasi.bdg").await;
        let path = format!("/cases/{}/attendance", case.0);
        assert_eq!(registry.post_form(&path, &report(&day, "07:00", "12:00")).await.status, 303);
        let refused = registry.post_form(&path, &report(&day, "13:00", "16:01")).await;
        assert_eq!(refused.status, 422);
        assert!(refused.body.contains("L5"), "the rule ID is shown");
        assert!(refused.body.contains("3 jam"), "with the minutes still free that day");
        assert!(refused.body.contains("value=\"16:01\""), "the user's values are kept");
        assert!(refused.body.contains("href=\"#time_out\""), "the error links to its field");
        assert_eq!(ledger(&app, case).await["pending_minutes"], 300);
    }

    async fn rejects_a_day_before_the_window_L6(db) {
        let (app, case, _) = serving(db).await;
        let zone = karya_domain::OfficeZone::Wib.time_zone();
        let before = add_days(local_date(karya_testkit::test_now(), &zone), -31).unwrap().to_string();
        let mut registry = app.signed_in("registrasi.bdg").await;
        let refused = registry.post_form(&format!("/cases/{}/attendance", case.0), &report(&before, "08:00", "10:00")).await;
        assert_eq!(refused.status, 422);
        assert!(refused.body.contains("L6"));
    }

    async fn work_past_midnight_is_one_entry_counted_on_both_days(db) {
        let (app, case, _) = serving(db).await;
        let zone = karya_domain::OfficeZone::Wib.time_zone();
        let two_days_ago = add_days(local_date(karya_testkit::test_now(), &zone), -2).unwrap().to_string();
        let mut registry = app.signed_in("registrasi.bdg").await;
        let response = registry.post_form(&format!("/cases/{}/attendance", case.0), &report(&two_days_ago, "22:00", "02:00")).await;
        assert_eq!(response.status, 303);
        let entry = &ledger(&app, case).await["entries"][0];
        assert_eq!(entry["minutes"], 240);
        assert_eq!(entry["start"].as_str().unwrap()[11..16], *"15:00", "22:00 WIB is 15:00 UTC");
    }

    async fn nobody_verifies_their_own_report_B5(db) {
        let (app, case, day) = serving(db).await;
        let mut pj = app.signed_in("pj.bdg").await;
        let path = format!("/cases/{}", case.0);
        assert_eq!(pj.post_form(&format!("{path}/attendance"), &report(&day, "08:00", "10:00")).await.status, 303);
        let entry = entry_ids(&app, case).await[0];
        let own = pj.post_form(&format!("{path}/attendance/{entry}/verify"), &[]).await;
        assert_eq!(own.status, 422);
        assert!(own.body.contains("B5"));
    }

    async fn a_rejected_report_keeps_its_reason_and_counts_nowhere(db) {
        let (app, case, day) = serving(db).await;
        let path = format!("/cases/{}", case.0);
        app.signed_in("registrasi.bdg").await.post_form(&format!("{path}/attendance"), &report(&day, "08:00", "10:00")).await;
        let entry = entry_ids(&app, case).await[0];
        let mut pj = app.signed_in("pj.bdg").await;
        let empty = pj.post_form(&format!("{path}/attendance/{entry}/reject"), &[("reason", " ")]).await;
        assert_eq!(empty.status, 422, "a reason is required");
        assert_eq!(pj.post_form(&format!("{path}/attendance/{entry}/reject"), &[("reason", "Tidak hadir di lokasi")]).await.status, 303);
        let after = ledger(&app, case).await;
        assert_eq!(after["entries"][0]["state"], "rejected");
        assert_eq!(after["entries"][0]["rejected_reason"], "Tidak hadir di lokasi");
        assert_eq!(after["pending_minutes"], 0);
        assert_eq!(after["rejected_minutes"], 120);
    }

    async fn the_api_refuses_a_report_over_the_day_with_problem_json_L5(db) {
        let (app, case, day) = serving(db).await;
        let mut api = app.api_as("registrasi.bdg").await;
        let body = |from: &str, to: &str| format!(r#"{{"start":"{day}T{from}:00+07:00","end":"{day}T{to}:00+07:00","activity":"Menyapu"}}"#);
        let path = format!("/api/v1/cases/{}/attendance", case.0);
        assert_eq!(api.post_raw(&path, "application/json", body("08:00", "13:00").into_bytes()).await.status, 201);
        let refused = api.post_raw(&path, "application/json", body("14:00", "17:01").into_bytes()).await;
        assert_eq!(refused.status, 422);
        assert_eq!(refused.headers["content-type"], "application/problem+json");
        let problem = refused.json();
        assert_eq!(problem["rule"], "L5");
        assert_eq!(problem["errors"][0]["field"], "end");
    }

    async fn two_reports_sent_at_once_never_over_credit_a_day_L5(db) {
        let (app, case, day) = serving(db).await;
        let path = format!("/api/v1/cases/{}/attendance", case.0);
        let body = |from: &str, to: &str| format!(r#"{{"start":"{day}T{from}:00+07:00","end":"{day}T{to}:00+07:00","activity":"Menyapu"}}"#).into_bytes();
        let mut first = app.api_as("registrasi.bdg").await;
        let mut second = app.api_as("pk.bdg").await;
        let (a, b) = tokio::join!(
            first.post_raw(&path, "application/json", body("06:00", "11:00")),
            second.post_raw(&path, "application/json", body("12:00", "17:00")),
        );
        let mut statuses = [a.status.as_u16(), b.status.as_u16()];
        statuses.sort();
        assert_eq!(statuses, [201, 422], "one is recorded, the other refused by L5");
        assert_eq!(ledger(&app, case).await["pending_minutes"], 300);
    }

    async fn the_same_idempotency_key_records_once(db) {
        let (app, case, day) = serving(db).await;
        let mut api = app.api_as("registrasi.bdg").await;
        let path = format!("/api/v1/cases/{}/attendance", case.0);
        let body = format!(r#"{{"start":"{day}T08:00:00+07:00","end":"{day}T10:00:00+07:00","activity":"Menyapu"}}"#);
        let first = api.post_with_header(&path, "application/json", body.clone().into_bytes(), "idempotency-key", "kirim-1").await;
        let again = api.post_with_header(&path, "application/json", body.into_bytes(), "idempotency-key", "kirim-1").await;
        assert_eq!(first.status, 201);
        assert_eq!(again.status, 200);
        assert_eq!(first.json()["id"], again.json()["id"]);
        assert_eq!(entry_ids(&app, case).await.len(), 1);
    }

    async fn the_api_validates_sentence_terms_at_their_edges_L1_L4(db) {
        let app = TestApp::with_demo(db).await;
        let mut api = app.api_as("pendaftaran.bdg").await;
        let terms = |minutes: i64, months: u32| format!(r#"{{"received_on":"2026-03-02","terms":{{
            "court":"Pengadilan Negeri Bandung","decision_number":"1/Pid.B/2026/PN Bdg",
            "decision_date":"2026-02-10","date_final":"2026-02-17","offence_articles":"Pasal 476",
            "max_threat_months":36,"replaced":{{"kind":"imprisonment","months":{months},"days":0}},
            "hours_ordered":{minutes},"schedule":{{"text":"Dua hari seminggu.","instalment_months":null}},
            "default_orders":[{{"kind":"repeat_work"}}],"considerations":{{}}}}}}"#);
        let check = async |api: &mut karya_testkit::app::Client, body: String| {
            api.post_raw("/api/v1/sentence-terms/validate", "application/json", body.into_bytes()).await
        };
        let ok = check(&mut api, terms(240 * 60, 6)).await;
        assert_eq!(ok.status, 200, "{}", ok.body);
        assert_eq!(ok.json()["window_end"], "2026-08-28", "180 days counting the first");
        let broken = api.post_raw("/api/v1/sentence-terms/validate", "application/json", br#"{"terms":{"court":1}}"#.to_vec()).await;
        assert_eq!(broken.status, 400);
        assert!(broken.json()["detail"].as_str().unwrap().contains("court"), "the detail names the field");
        for (minutes, months, rule) in [(241 * 60, 6, "L4"), (7 * 60 + 59, 6, "L4"), (8 * 60, 7, "L1")] {
            let refused = check(&mut api, terms(minutes, months)).await;
            assert_eq!(refused.status, 422, "{minutes} min, {months} months");
            assert_eq!(refused.json()["rule"], rule);
        }
    }

    async fn termination_runs_the_steps_of_T2_and_needs_every_hour_or_its_reference_T1_T3(db) {
        let (app, case, _) = serving(db).await;
        let path = format!("/cases/{}/termination", case.0);
        let mut pj = app.signed_in("pj.bdg").await;
        assert_eq!(pj.get(&format!("/cases/{}", case.0)).await.status, 200, "the work place's PJ reads the placed client's case");
        let mut head = app.signed_in("kabapas.bdg").await;
        let direct = head.post_form(&format!("/cases/{}/transition", case.0), &[("transition", "terminate_died"), ("death_certificate_ref", "AKT-1")]).await;
        assert_eq!(direct.status, 400, "no shortcut around the procedure (T2)");
        assert_eq!(head.post_form(&path, &[("step", "start"), ("reason", "completed")]).await.status, 403, "the PK starts");
        let mut pk = app.signed_in("pk.bdg").await;
        let early = pk.post_form(&path, &[("step", "start"), ("reason", "completed")]).await;
        assert_eq!(early.status, 422);
        assert!(early.body.contains("T1a"), "every hour must be credited first");
        let no_reference = pk.post_form(&path, &[("step", "start"), ("reason", "died"), ("died_on", "2026-11-20")]).await;
        assert_eq!(no_reference.status, 422);
        assert!(no_reference.body.contains("T1b"));
        assert_eq!(pk.post_form(&path, &[("step", "start"), ("reason", "died"), ("evidence_ref", "AKT-3273-0001"), ("died_on", "2026-11-20")]).await.status, 303);
        let skipped = head.post_form(&path, &[("step", "issue")]).await;
        assert_eq!(skipped.status, 422, "the head cannot issue before the report and the draft");
        assert!(skipped.body.contains("(T2)"));
        assert_eq!(head.post_form(&path, &[("step", "order")]).await.status, 303);
        let empty = pk.post_form(&path, &[("step", "report"), ("narrative", "")]).await;
        assert_eq!(empty.status, 422, "the results report needs its narrative");
        assert_eq!(pk.post_form(&path, &[("step", "report"), ("narrative", "Klien menjalani dengan baik sampai meninggal dunia.")]).await.status, 303);
        let mut registry = app.signed_in("registrasi.bdg").await;
        assert_eq!(registry.post_form(&path, &[("step", "draft")]).await.status, 303);
        assert_eq!(head.post_form(&path, &[("step", "issue")]).await.status, 303);
        let summary = &ledger(&app, case).await["case"];
        assert_eq!(summary["status"], "terminated");
        assert_eq!(summary["termination_reason"], "died");
        let docs: Vec<(i64, String)> = sqlx::query_as("SELECT id, kind FROM issued_documents WHERE case_id = $1 ORDER BY id").bind(case.0).fetch_all(app.db.store.pool()).await.unwrap();
        assert_eq!(docs.iter().map(|d| d.1.as_str()).collect::<Vec<_>>(), ["annex_ii", "termination"]);
        let letter = karya_testkit::pdf_text(&head.get_bytes(&format!("/cases/{}/letters/{}", case.0, docs[1].0)).await);
        for expected in ["Direktur Jenderal Pemasyarakatan", "Kepala Kantor Wilayah", "Kejaksaan Negeri", "Tembusan", "AKT-3273-0001"] {
            assert!(letter.contains(expected), "the letter names {expected} (T3): {letter}");
        }
        let zone = karya_domain::OfficeZone::Wib.time_zone();
        let day = add_days(local_date(karya_testkit::test_now(), &zone), -1).unwrap().to_string();
        let closed = registry.post_form(&format!("/cases/{}/attendance", case.0), &report(&day, "08:00", "09:00")).await;
        assert_eq!(closed.status, 422, "a terminated case takes no more reports");
        assert_eq!(head.post_form(&path, &[("step", "issue")]).await.status, 422, "and no second termination");
        let (open,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM placements WHERE case_id = $1 AND ended_on IS NULL").bind(case.0).fetch_one(app.db.store.pool()).await.unwrap();
        assert_eq!(open, 0, "ending the case ends its placement");
        assert_eq!(pj.get(&format!("/cases/{}", case.0)).await.status, 404, "and the PJ's access with it");
    }

    async fn a_new_decision_is_recorded_with_its_terms_checked(db) {
        let app = TestApp::with_demo(db).await;
        let mut desk = app.signed_in("pendaftaran.bdg").await;
        let form = desk.get("/cases/new").await;
        assert_eq!(form.status, 200);
        let once = form.hidden("_once").unwrap();
        let mut fields = vec![
            ("client_name", "Ahmad Fauzi"), ("court", "Pengadilan Negeri Bandung"), ("decision_number", "77/Pid.B/2026/PN Bdg"),
            ("decision_date", "2026-10-01"), ("date_final", "2026-10-08"), ("received_on", "2026-10-05"),
            ("offence_articles", "Pasal 476"), ("max_threat_months", "60"), ("replaced_kind", "imprisonment"),
            ("replaced_months", "7"), ("hours", "241"), ("schedule_text", "Sabtu dan Minggu."), ("_once", &once),
        ];
        let refused = desk.post_form("/cases", &fields).await;
        assert_eq!(refused.status, 422);
        for rule in ["L1", "L4", "L8", "I1", "I2"] {
            assert!(refused.body.contains(rule), "{rule} is reported");
        }
        assert!(refused.body.contains("Pilih Kejaksaan Negeri"), "a case names its Kejaksaan (I2)");
        assert!(refused.body.contains("Pilih jalur penerimaan."), "the form's own errors show with the rules");
        fields.push(("channel", "handover"));
        fields.push(("prosecutor_office_id", "1"));
        assert!(refused.body.contains("value=\"Ahmad Fauzi\""), "values kept");
        fields.retain(|(k, _)| !["max_threat_months", "replaced_months", "hours", "received_on"].contains(k));
        fields.extend([("max_threat_months", "48"), ("replaced_months", "4"), ("hours", "100"), ("received_on", "2026-10-10"), ("order_repeat", "1")]);
        let created = desk.post_form("/cases", &fields).await;
        assert_eq!(created.status, 303, "{}", created.body);
        assert!(created.location().starts_with("/cases/"));
        let page = desk.get(created.location()).await;
        assert!(page.body.contains("Ahmad Fauzi") && page.body.contains("100 jam"));
        assert!(page.body.contains("10 Oktober 2026 sampai 7 April 2027"), "a 180-day window from reception");
        let again = desk.post_form("/cases", &fields).await;
        assert_eq!(again.location().split('?').next(), created.location().split('?').next(), "a resend opens the same case");
    }

    async fn a_supervisor_sees_only_cases_placed_at_their_partner(db) {
        let (app, case, _) = serving(db).await;
        let mut own = app.signed_in("pj.bdg").await;
        let mut other = app.signed_in("pj.mks").await;
        assert_eq!(own.get(&format!("/cases/{}", case.0)).await.status, 200);
        assert_eq!(other.get(&format!("/cases/{}", case.0)).await.status, 404);
        let partner = users::user_by_username(&app.db.store, "pj.bdg").await.unwrap().binding.partner.unwrap();
        assert_eq!(orgs::partner_name(&app.db.store, partner).await.unwrap(), "Panti Sosial Tresna Werdha Budi Pertiwi");
    }
}

//! Serving the hours on both engines: the client reports a day with a photo whose metadata is
//! removed and whose location is kept only with consent (B5, B7); the PJ then the PK verify it
//! and the ledger credits it; the same report sent twice is one record; the PJ records one
//! session for several clients, each signing their own report with their own password, all
//! or nothing, verified by the PJ afterwards (B5, L5); monitoring needs a located photo and
//! keeps a monitored client out of a shared session (P10); a complaint reaches the head of
//! office.

use karya_domain::calendar::{add_days, local_date};
use karya_testkit::images::jpeg_with_location;
use karya_testkit::{TestApp, on_both_engines};
use karya_web::demo::cases::serving_case;

fn yesterday() -> String {
    let zone = karya_domain::OfficeZone::Wib.time_zone();
    add_days(local_date(karya_testkit::test_now(), &zone), -1)
        .unwrap()
        .to_string()
}

fn pairs(fields: &[(String, String)]) -> Vec<(&str, &str)> {
    fields
        .iter()
        .map(|(k, v)| (k.as_str(), v.as_str()))
        .collect()
}

/// The one-time activation code on the page the registry sees after creating a client's login.
fn activation_code(body: &str) -> String {
    body.split("Kode aktivasi: ")
        .nth(1)
        .and_then(|rest| rest.split(' ').next())
        .expect("an activation code on the page")
        .to_owned()
}

/// Activates a client's login with `code` from a fresh browser, choosing `password`.
async fn activate(app: &TestApp, code: &str, password: &str) -> karya_testkit::app::TestResponse {
    let mut browser = app.anonymous();
    browser.open_form("/aktivasi").await;
    browser
        .post_form(
            "/aktivasi",
            &[
                ("code", code),
                ("new_password", password),
                ("confirm_password", password),
            ],
        )
        .await
}

on_both_engines! {
    async fn a_client_reports_a_day_with_a_photo_the_pj_and_pk_verify_and_the_ledger_credits_it_B5_B7(db) {
        let app = TestApp::with_demo(db).await;
        let case = serving_case(&app.db.store, "bdg", 80, 20, Some("klien.bdg")).await.unwrap();
        let path = format!("/cases/{}", case.0);
        let mut client = app.signed_in("klien.bdg").await;
        let page = client.get(&path).await;
        assert!(page.body.contains("Foto atau video pendek bukti kehadiran"), "the client's page has the report form");
        let once = page.hidden("_once").unwrap();
        let day = yesterday();
        let fields = [("date", day.as_str()), ("time_in", "08:00"), ("time_out", "12:00"), ("activity", "Menyapu halaman panti"), ("_once", &once), ("captured_at", "1764300000000"), ("location_consent", "1"), ("latitude", "-6.92"), ("longitude", "107.61")];
        let sent = client.post_multipart(&format!("{path}/attendance"), &fields, ("photo", &jpeg_with_location())).await;
        assert_eq!(sent.status, 303, "{}", sent.body);
        let again = client.post_multipart(&format!("{path}/attendance"), &fields, ("photo", &jpeg_with_location())).await;
        assert_eq!(again.status, 303, "a resend after a dropped line is answered, not refused");
        assert_eq!(app.count("SELECT COUNT(*) FROM attendance").await, 1, "the same report sent twice is one record");
        let (sha, lat, captured): (String, Option<f64>, Option<String>) = sqlx::query_as("SELECT sha256, latitude, captured_at FROM attachments WHERE purpose = 'evidence'").fetch_one(app.db.store.pool()).await.unwrap();
        let stored = std::fs::read(app.db.dir.join("files").join(&sha[..2]).join(&sha[2..4]).join(&sha)).unwrap();
        assert!(!stored.windows(3).any(|w| w == b"GPS"), "EXIF is removed before storage");
        assert_eq!(lat, Some(-6.92), "the location is kept in its own field, with consent");
        assert!(captured.unwrap().starts_with("2025-11-28"), "the capture time the phone gave");
        let entry: (i64,) = sqlx::query_as("SELECT id FROM attendance").fetch_one(app.db.store.pool()).await.unwrap();
        let evidence: (i64,) = sqlx::query_as("SELECT id FROM attachments WHERE purpose = 'evidence'").fetch_one(app.db.store.pool()).await.unwrap();
        assert_eq!(client.get(&format!("{path}/files/{}", evidence.0)).await.status, 200, "the client sees their own evidence");
        assert_eq!(client.post_form(&format!("{path}/attendance/{}/verify", entry.0), &[]).await.status, 403, "nobody verifies their own report");
        let mut pk = app.signed_in("pk.bdg").await;
        let early = pk.post_form(&format!("{path}/attendance/{}/verify", entry.0), &[]).await;
        assert_eq!(early.status, 422, "the PJ verifies first (B5)");
        let mut pj = app.signed_in("pj.bdg").await;
        assert_eq!(pj.get(&format!("{path}/files/{}", evidence.0)).await.status, 200, "the PJ sees the evidence");
        // The PJ's verification card shows the photo, the times and the activity (issue 13).
        let queue = pj.get("/verifikasi").await.body;
        assert!(queue.contains(&format!("<img src=\"{path}/files/{}", evidence.0)), "the photo's preview: {queue}");
        assert!(queue.contains("08:00–12:00 WIB") && queue.contains("Menyapu halaman panti"), "{queue}");
        assert_eq!(pj.post_form(&format!("{path}/attendance/{}/verify", entry.0), &[]).await.status, 303);
        let pk_queue = pk.get("/verifikasi").await.body;
        assert!(pk_queue.contains("Sudah diverifikasi PJ: "), "the PK sees who verified: {pk_queue}");
        assert!(pk_queue.contains("Akui jamnya"), "the PK's button says it credits the hours");
        assert_eq!(pk.post_form(&format!("{path}/attendance/{}/verify", entry.0), &[]).await.status, 303);
        let credited: (String,) = sqlx::query_as("SELECT state FROM attendance").fetch_one(app.db.store.pool()).await.unwrap();
        assert_eq!(credited.0, "credited");
        assert_eq!(pk.post_form(&format!("{path}/files/{}/insufficient", evidence.0), &[("note", "Tanggal tidak terlihat")]).await.status, 303);
        assert!(client.get(&path).await.body.contains("Tanggal tidak terlihat"), "the client sees why");
        assert_eq!(app.signed_in("klien.mks").await.get(&path).await.status, 404, "a client sees only themself");
        // A short video is kept without its location box and plays from the same frames.
        let once = client.get(&path).await.hidden("_once").unwrap();
        let video_day = karya_domain::calendar::add_days(karya_domain::calendar::local_date(karya_testkit::test_now(), &karya_domain::OfficeZone::Wib.time_zone()), -3).unwrap().to_string();
        let with_video = [("date", video_day.as_str()), ("time_in", "08:00"), ("time_out", "09:00"), ("activity", "Menyapu jalan"), ("_once", &once)];
        assert_eq!(client.post_multipart(&format!("{path}/attendance"), &with_video, ("photo", &karya_testkit::images::mp4_with_location())).await.status, 303);
        let (video_sha, video_type): (String, String) = sqlx::query_as("SELECT sha256, content_type FROM attachments WHERE content_type = 'video/mp4'").fetch_one(app.db.store.pool()).await.unwrap();
        assert_eq!(video_type, "video/mp4");
        let stored_video = std::fs::read(app.db.dir.join("files").join(&video_sha[..2]).join(&video_sha[2..4]).join(&video_sha)).unwrap();
        assert!(!stored_video.windows(5).any(|w| w == b"+06.9"), "the video's location box is removed");
        // A decodable photo gets a preview on the entries list (thumbnails), viewed like the file.
        let once = client.get(&path).await.hidden("_once").unwrap();
        let png_day = karya_domain::calendar::add_days(karya_domain::calendar::local_date(karya_testkit::test_now(), &karya_domain::OfficeZone::Wib.time_zone()), -2).unwrap().to_string();
        let with_png = [("date", png_day.as_str()), ("time_in", "08:00"), ("time_out", "09:00"), ("activity", "Mengecat pagar"), ("_once", &once)];
        assert_eq!(client.post_multipart(&format!("{path}/attendance"), &with_png, ("photo", &karya_testkit::images::tiny_png())).await.status, 303);
        let (png_id,): (i64,) = sqlx::query_as("SELECT id FROM attachments WHERE purpose = 'evidence' AND thumb_sha256 IS NOT NULL").fetch_one(app.db.store.pool()).await.unwrap();
        let page = pk.get(&path).await.body;
        assert!(page.contains(&format!("/files/{png_id}/thumb")), "the entries list shows the preview");
        let thumb = pk.get_bytes(&format!("{path}/files/{png_id}/thumb")).await;
        assert!(thumb.starts_with(&[0xFF, 0xD8, 0xFF]), "the preview is a JPEG");
        assert_eq!(app.count("SELECT COUNT(*) FROM audit_events WHERE action = 'file.view'").await, 3, "every view is audited, previews too");
    }

    async fn monitoring_needs_a_photo_with_its_location_P10(db) {
        let app = TestApp::with_demo(db).await;
        let case = serving_case(&app.db.store, "bdg", 80, 20, Some("klien.bdg")).await.unwrap();
        let pk_id = karya_store::users::user_by_username(&app.db.store, "pk.bdg").await.unwrap().id.0;
        sqlx::query("INSERT INTO placement_profiles (case_id, monitoring_required, updated_by, updated_at) VALUES ($1, 1, $2, '2026-11-01T00:00:00.000Z')").bind(case.0).bind(pk_id).execute(app.db.store.pool()).await.unwrap();
        let path = format!("/cases/{}/attendance", case.0);
        let mut client = app.signed_in("klien.bdg").await;
        let day = yesterday();
        let fields = [("date", day.as_str()), ("time_in", "08:00"), ("time_out", "10:00"), ("activity", "Menyapu")];
        let refused = client.post_multipart(&path, &fields, ("photo", &jpeg_with_location())).await;
        assert_eq!(refused.status, 422);
        assert!(refused.body.contains("(P10)"), "{}", refused.body);
        assert_eq!(app.count("SELECT COUNT(*) FROM attendance").await, 0, "nothing half-written");
        let mut located = fields.to_vec();
        located.extend([("location_consent", "1"), ("latitude", "-6.9"), ("longitude", "107.6")]);
        assert_eq!(client.post_multipart(&path, &located, ("photo", &jpeg_with_location())).await.status, 303);
    }

    async fn a_pj_records_one_session_each_client_signs_their_own_report_and_the_pj_verifies_after_B5_L5(db) {
        // The session is recorded at the end of the day: 17:00 in Bandung (WIB).
        db.clock.set("2026-11-30T10:00:00Z".parse().unwrap());
        let app = TestApp::with_demo(db).await;
        let first = serving_case(&app.db.store, "bdg", 80, 20, Some("klien.bdg")).await.unwrap();
        let second = serving_case(&app.db.store, "bdg", 80, 21, None).await.unwrap();
        let every_day = "mon 08:00-12:00;tue 08:00-12:00;wed 08:00-12:00;thu 08:00-12:00;fri 08:00-12:00;sat 08:00-12:00;sun 08:00-12:00";
        sqlx::query("UPDATE placements SET schedule = $1").bind(every_day).execute(app.db.store.pool()).await.unwrap();
        let mut pj = app.signed_in("pj.bdg").await;
        let page = pj.get("/hari-ini").await;
        assert_eq!(page.status, 200);
        assert!(page.body.contains(&format!("value=\"{}\"", first.0)) && page.body.contains(&format!("value=\"{}\"", second.0)), "both clients are expected today");
        assert!(page.body.contains("08:00–12:00"));
        assert!(page.body.contains(&format!("name=\"pin_{}\" type=\"password\"", first.0)), "each client signs with their own password");
        let (a, b) = (first.0.to_string(), second.0.to_string());
        let (pin_a, pin_b) = (format!("pin_{a}"), format!("pin_{b}"));
        let session = |time_out: &'static str, pin1: &'static str, pin2: String| {
            vec![("case".to_owned(), a.clone()), (pin_a.clone(), pin1.to_owned()), ("case".to_owned(), b.clone()), (pin_b.clone(), pin2), ("time_in".to_owned(), "08:00".to_owned()), ("time_out".to_owned(), time_out.to_owned()), ("activity".to_owned(), "Kerja bakti halaman".to_owned())]
        };
        // The second client has no login yet: they cannot sign, and nothing is recorded.
        let unsigned = { let fields = session("12:00", karya_web::demo::DEMO_PASSWORD, String::new()); pj.post_form("/hari-ini", &pairs(&fields)).await };
        assert_eq!(unsigned.status, 422);
        assert!(unsigned.body.contains("belum punya akun untuk menandatangani laporan"), "{}", unsigned.body);
        assert!(unsigned.body.contains("Kerja bakti halaman"), "the typed values are kept");
        assert!(!unsigned.body.contains(karya_web::demo::DEMO_PASSWORD), "a password is never sent back");
        assert_eq!(app.count("SELECT COUNT(*) FROM attendance").await, 0, "all or nothing");
        // The registry creates the second client's login; the client activates it with the
        // one-time code and chooses their own password.
        let created = app.signed_in("registrasi.bdg").await.post_form(&format!("/cases/{b}/client-account"), &[]).await;
        let second_password = "pohon kelapa di tepi pantai".to_owned();
        let activated = activate(&app, &activation_code(&created.body), &second_password).await;
        assert_eq!(activated.status, 303, "{}", activated.body);
        // A wrong password does not sign, and counts against the client's login.
        let wrong = { let fields = session("12:00", "bukan-kata-sandinya", second_password.clone()); pj.post_form("/hari-ini", &pairs(&fields)).await };
        assert_eq!(wrong.status, 422);
        assert!(wrong.body.contains("Kata sandi Klien tidak cocok") && wrong.body.contains("(B5)"), "{}", wrong.body);
        assert_eq!(app.count("SELECT COUNT(*) FROM attendance").await, 0);
        let (failures,): (i64,) = sqlx::query_as("SELECT failures FROM login_throttle WHERE key = $1").bind(karya_store::throttle::key("account", "klien.bdg")).fetch_one(app.db.store.pool()).await.unwrap();
        assert_eq!(failures, 1, "the wrong password is counted against the client's login like a failed login");
        let too_long = { let fields = session("16:30", karya_web::demo::DEMO_PASSWORD, second_password.clone()); pj.post_form("/hari-ini", &pairs(&fields)).await };
        assert_eq!(too_long.status, 422);
        assert!(too_long.body.contains("L5"), "{}", too_long.body);
        assert_eq!(app.count("SELECT COUNT(*) FROM attendance").await, 0, "all or nothing");
        let done = { let fields = session("12:00", karya_web::demo::DEMO_PASSWORD, second_password.clone()); pj.post_form("/hari-ini", &pairs(&fields)).await };
        assert_eq!(done.status, 303, "{}", done.body);
        assert_eq!(app.count("SELECT COUNT(*) FROM attendance WHERE state = 'reported' AND attested_via = 'supervisor_device'").await, 2, "each report is the client's, signed on the PJ's device, not yet verified");
        let client_id = karya_store::users::user_by_username(&app.db.store, "klien.bdg").await.unwrap().id.0;
        let pj_id = karya_store::users::user_by_username(&app.db.store, "pj.bdg").await.unwrap().id.0;
        let (entry, reporter, witness): (i64, i64, i64) = sqlx::query_as("SELECT id, reported_by, attest_witness_id FROM attendance WHERE case_id = $1").bind(first.0).fetch_one(app.db.store.pool()).await.unwrap();
        assert_eq!((reporter, witness), (client_id, pj_id), "the client reported; the PJ witnessed the signature");
        assert!(pj.get("/hari-ini").await.body.contains("sudah ada laporan hari ini"));
        let other = app.signed_in("pj.mks").await.get("/hari-ini").await;
        assert!(!other.body.contains(&format!("value=\"{}\"", first.0)), "a PJ sees only the clients placed with their partner");
        let foreign = app.signed_in("pj.mks").await.post_form("/hari-ini", &[("case", &a), (&pin_a, karya_web::demo::DEMO_PASSWORD), ("time_in", "13:00"), ("time_out", "14:00"), ("activity", "x")]).await;
        assert!(foreign.status == 403 || foreign.status == 404, "a PJ cannot record for another partner's client");
        assert_eq!(app.count("SELECT COUNT(*) FROM attendance").await, 2);
        // Verification is a separate act: the PK waits for the PJ, who verifies the client's report.
        let mut pk = app.signed_in("pk.bdg").await;
        let verify = format!("/cases/{a}/attendance/{entry}/verify");
        assert_eq!(pk.post_form(&verify, &[]).await.status, 422, "the PJ verifies first (B5)");
        assert_eq!(pj.post_form(&verify, &[]).await.status, 303, "the PJ verifies the client's report");
        assert_eq!(pk.post_form(&verify, &[]).await.status, 303, "then the PK credits it");
        assert!(pk.get(&format!("/cases/{a}")).await.body.contains("ditandatangani Klien di perangkat PJ"), "the ledger says how the client signed");
        assert_eq!(app.signed_in("pendaftaran.bdg").await.get("/hari-ini").await.status, 403);
    }

    async fn a_monitored_client_cannot_be_recorded_in_a_session_P10(db) {
        db.clock.set("2026-11-30T10:00:00Z".parse().unwrap());
        let app = TestApp::with_demo(db).await;
        let case = serving_case(&app.db.store, "bdg", 80, 20, Some("klien.bdg")).await.unwrap();
        sqlx::query("UPDATE placements SET schedule = 'mon 08:00-12:00;tue 08:00-12:00;wed 08:00-12:00;thu 08:00-12:00;fri 08:00-12:00;sat 08:00-12:00;sun 08:00-12:00'").execute(app.db.store.pool()).await.unwrap();
        let pk_id = karya_store::users::user_by_username(&app.db.store, "pk.bdg").await.unwrap().id.0;
        sqlx::query("INSERT INTO placement_profiles (case_id, monitoring_required, updated_by, updated_at) VALUES ($1, 1, $2, '2026-11-01T00:00:00.000Z')").bind(case.0).bind(pk_id).execute(app.db.store.pool()).await.unwrap();
        let pin = format!("pin_{}", case.0);
        let refused = app.signed_in("pj.bdg").await.post_form("/hari-ini", &[("case", &case.0.to_string()), (&pin, karya_web::demo::DEMO_PASSWORD), ("time_in", "08:00"), ("time_out", "12:00"), ("activity", "Kerja bakti")]).await;
        assert_eq!(refused.status, 422);
        assert!(refused.body.contains("foto berlokasi") && refused.body.contains("(P10)"), "{}", refused.body);
        assert_eq!(app.count("SELECT COUNT(*) FROM attendance").await, 0);
    }

    async fn the_pjs_day_page_shows_a_child_client_by_initials(db) {
        db.clock.set("2026-11-30T03:00:00Z".parse().unwrap());
        let app = TestApp::with_demo(db).await;
        let case = serving_case(&app.db.store, "bdg", 80, 20, None).await.unwrap();
        sqlx::query("UPDATE placements SET schedule = 'mon 08:00-12:00;tue 08:00-12:00;wed 08:00-12:00;thu 08:00-12:00;fri 08:00-12:00;sat 08:00-12:00;sun 08:00-12:00'").execute(app.db.store.pool()).await.unwrap();
        let (name, date_final): (String, String) = sqlx::query_as("SELECT p.full_name, c.date_final FROM cases c JOIN persons p ON p.id = c.person_id WHERE c.id = $1").bind(case.0).fetch_one(app.db.store.pool()).await.unwrap();
        let decided: jiff::civil::Date = date_final.parse().unwrap();
        let born = decided.checked_sub(jiff::Span::new().years(15)).unwrap();
        sqlx::query("UPDATE persons SET birth_date = $1 WHERE id = (SELECT person_id FROM cases WHERE id = $2)").bind(born.to_string()).bind(case.0).execute(app.db.store.pool()).await.unwrap();
        let page = app.signed_in("pj.bdg").await.get("/hari-ini").await.body;
        let initials = karya_domain::child::listed_name(&name, true);
        assert!(page.contains(&format!("value=\"{}\"", case.0)), "the child is expected today");
        assert!(page.contains(&initials) && !page.contains(&name), "the day page shows {initials}, not the name");
    }

    async fn a_complaint_reaches_the_head_of_office(db) {
        let app = TestApp::with_demo(db).await;
        let case = serving_case(&app.db.store, "bdg", 80, 20, Some("klien.bdg")).await.unwrap();
        let mut client = app.signed_in("klien.bdg").await;
        assert_eq!(client.post_form(&format!("/cases/{}/complaints", case.0), &[("complaint", "PJ meminta saya bekerja lebih dari jadwal.")]).await.status, 303);
        assert_eq!(app.signed_in("pk.bdg").await.post_form(&format!("/cases/{}/complaints", case.0), &[("complaint", "x")]).await.status, 403);
        let mut head = app.signed_in("kabapas.bdg").await;
        let home = head.get("/").await.body;
        assert!(home.contains("PJ meminta saya bekerja lebih dari jadwal."), "the complaint is on the head's start page");
        let (id,): (i64,) = sqlx::query_as("SELECT id FROM complaints").fetch_one(app.db.store.pool()).await.unwrap();
        assert_eq!(app.signed_in("kabapas.mks").await.post_form(&format!("/complaints/{id}/read"), &[]).await.status, 404, "another office's head cannot");
        assert_eq!(head.post_form(&format!("/complaints/{id}/read"), &[]).await.status, 303);
        assert!(client.get(&format!("/cases/{}", case.0)).await.body.contains("sudah dibaca Kepala Bapas"));
    }

    async fn the_pk_assesses_attitude_at_work_place_visits_and_the_trend_and_annexes_follow_B6(db) {
        let app = TestApp::with_demo(db).await;
        let case = serving_case(&app.db.store, "bdg", 80, 20, Some("klien.bdg")).await.unwrap();
        let path = format!("/cases/{}", case.0);
        let mut pk = app.signed_in("pk.bdg").await;
        let missing = pk.post_form(&format!("{path}/visits"), &[("kind", "work_place"), ("visited_on", "2026-11-20")]).await;
        assert_eq!(missing.status, 422);
        assert!(missing.body.contains("Jawab kesepuluh indikator pada kunjungan tempat kerja (B6)."));
        assert_eq!(pk.post_form(&format!("{path}/visits"), &[("kind", "home"), ("visited_on", "2026-11-18"), ("visit_note", "Keluarga mendukung")]).await.status, 303, "a home visit needs no assessment");
        for (day, no) in [("2026-11-20", 2), ("2026-11-27", 0)] {
            let mut fields: Vec<(String, String)> = vec![("kind".into(), "work_place".into()), ("visited_on".into(), day.into())];
            for i in 0..10 {
                fields.push((format!("q{i}"), if i < no { "no" } else { "yes" }.into()));
            }
            fields.push(("n0".into(), "Datang terlambat 30 menit".into()));
            fields.push(("visit_note".into(), format!("Catatan kunjungan {day}")));
            let send: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
            assert_eq!(pk.post_form(&format!("{path}/visits"), &send).await.status, 303);
        }
        let page = pk.get(&path).await.body;
        assert!(page.contains("2026-11-20 8/10, 2026-11-27 10/10"), "the trend is shown with a text alternative");
        // What the PK typed is on the page (issue 13, item 2): the visit note and the
        // indicator's note.
        assert!(page.contains("Keluarga mendukung") && page.contains("Catatan kunjungan 2026-11-27"), "{page}");
        assert!(page.contains("Datang terlambat 30 menit"));
        assert_eq!(app.signed_in("klien.bdg").await.post_form(&format!("{path}/visits"), &[("kind", "home")]).await.status, 403);
        for (kind, expected) in [("annex_iv", "Klien hadir dan pulang"), ("annex_iii", "DAFTAR HADIR"), ("annex_iii_month", "DAFTAR HADIR")] {
            assert_eq!(pk.post_form(&format!("{path}/forms"), &[("kind", kind)]).await.status, 303);
            let (doc,): (i64,) = sqlx::query_as("SELECT id FROM issued_documents WHERE kind = $1").bind(kind).fetch_one(app.db.store.pool()).await.unwrap();
            let text = karya_testkit::pdf_text(&pk.get_bytes(&format!("{path}/letters/{doc}")).await);
            assert!(text.contains(expected), "{kind}: {text}");
            if kind == "annex_iv" {
                let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
                assert!(flat.contains("Catatan kunjungan 2026-11-27"), "Annex IV prints the visit note: {flat}");
                assert!(flat.contains("Datang terlambat 30 menit"), "and the indicator's note");
            }
        }
    }

    async fn the_registry_creates_the_clients_login_and_the_client_activates_it_once_with_a_code_choosing_the_password(db) {
        let app = TestApp::with_demo(db).await;
        let case = serving_case(&app.db.store, "bdg", 80, 20, None).await.unwrap();
        let mut registry = app.signed_in("registrasi.bdg").await;
        let created = registry.post_form(&format!("/cases/{}/client-account", case.0), &[]).await;
        assert_eq!(created.status, 200);
        let code = activation_code(&created.body);
        assert!(!created.body.contains("kata sandi sementara"), "no password is handed over");
        assert_eq!(registry.post_form(&format!("/cases/{}/client-account", case.0), &[]).await.status, 409, "one login per person");
        assert!(!registry.get(&format!("/cases/{}", case.0)).await.body.contains(&code), "the code is shown once");

        let mut client = app.anonymous();
        assert_eq!(client.open_form("/aktivasi").await.status, 200);
        let wrong = client.post_form("/aktivasi", &[("code", "aaaa-bbbb-cccc"), ("new_password", "lembayung senja di pantai"), ("confirm_password", "lembayung senja di pantai")]).await;
        assert_eq!(wrong.status, 422);
        assert!(wrong.body.contains("Kode aktivasi salah, sudah dipakai, atau sudah lewat 72 jam."));
        let weak = client.post_form("/aktivasi", &[("code", &code), ("new_password", "1234567890"), ("confirm_password", "1234567890")]).await;
        assert_eq!(weak.status, 422, "a weak password is refused and the code stays usable");
        assert!(weak.body.contains(&format!("value=\"{code}\"")), "the typed code is kept");
        // Typed in capitals and without the dashes, the code still works.
        let typed = code.replace('-', "").to_uppercase();
        let activated = client.post_form("/aktivasi", &[("code", &typed), ("new_password", "lembayung senja di pantai"), ("confirm_password", "lembayung senja di pantai")]).await;
        assert_eq!(activated.status, 303, "{}", activated.body);
        assert_eq!(activated.location(), "/profile?activated=1");
        let profile = client.get("/profile?activated=1").await.body;
        assert!(profile.contains("Akun Anda aktif."));
        assert_eq!(client.get(&format!("/cases/{}", case.0)).await.status, 200, "the client sees their case at once");
        let (person,): (i64,) = sqlx::query_as("SELECT person_id FROM cases WHERE id = $1").bind(case.0).fetch_one(app.db.store.pool()).await.unwrap();
        let (username,): (String,) = sqlx::query_as("SELECT username FROM users WHERE person_id = $1").bind(person).fetch_one(app.db.store.pool()).await.unwrap();
        assert!(profile.contains(&username), "the profile says the username to log in with");
        let middle = username.split('.').nth(1).unwrap_or_default();
        assert!(username.starts_with("klien.") && middle.len() == 6 && middle != person.to_string(), "the username is not built from the person's number: {username}");
        assert_eq!(app.anonymous().log_in(&username, "lembayung senja di pantai").await.status, 303, "the chosen password logs in");
        let again = activate(&app, &code, "pohon kelapa di tepi pantai").await;
        assert_eq!(again.status, 422, "the code works once");

        // Another client's code stops working after 72 hours.
        let other = serving_case(&app.db.store, "bdg", 80, 21, None).await.unwrap();
        let second = registry.post_form(&format!("/cases/{}/client-account", other.0), &[]).await.body;
        let second_code = activation_code(&second);
        app.db.clock.advance(jiff::SignedDuration::from_hours(73));
        let expired = activate(&app, &second_code, "pohon kelapa di tepi pantai").await;
        assert_eq!(expired.status, 422);
        assert!(expired.body.contains("sudah lewat 72 jam"));
        for secret in [&code, &second_code] {
            let (in_audit,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM audit_events WHERE summary LIKE $1").bind(format!("%{secret}%")).fetch_one(app.db.store.pool()).await.unwrap();
            assert_eq!(in_audit, 0, "a code never reaches the audit trail");
        }
        assert_eq!(app.count("SELECT COUNT(*) FROM audit_events WHERE action = 'user.activate'").await, 1);
    }
}

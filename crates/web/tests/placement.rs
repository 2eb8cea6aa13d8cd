//! Partners and placement on both engines: a partner goes through the identification steps
//! to an agreement (L3 required) and appears in the Annex V list; the ranking explains every
//! exclusion by rule (P1, P2, P4–P10, L9); the PK confirms a placement whose schedule is
//! checked (L5, L6), an override needs a reason and an exclusion cannot be overridden; the
//! Litmas needs its ten case-plan components and the head's approval; a PJ sees only the
//! clients placed with their partner.

use karya_store::users;
use karya_testkit::{TestApp, on_both_engines, pdf_text};
use karya_web::demo::cases::{Stage, case_at};

async fn with_partners(app: &TestApp) {
    let hash = karya_web::auth::password::hash("karya-demo-2026".to_owned())
        .await
        .unwrap();
    karya_web::demo::partners::load(&app.db.store, &hash)
        .await
        .unwrap();
}

fn partner_form(name: &str, non_commercial: bool) -> Vec<(&str, &str)> {
    let mut form = vec![
        ("name", name),
        ("kind", "non_government"),
        ("field", "humanitarian"),
        ("address", "Jalan Contoh 9, Bandung"),
        ("latitude", "-6,92"),
        ("longitude", "107.61"),
        ("contact_name", "Ibu Rina"),
        ("capacity_clients", "3"),
        ("hours_per_day", "6"),
        ("opening_days", "sat"),
        ("opening_days", "sun"),
        ("opening_from", "08:00"),
        ("opening_to", "15:00"),
        ("accommodations", "prayer_room"),
        ("work_forms", "humanitarian.aid_logistics"),
    ];
    if non_commercial {
        form.push(("non_commercial", "1"));
    }
    form
}

fn send(fields: &[(String, String)]) -> Vec<(&str, &str)> {
    fields
        .iter()
        .map(|(k, v)| (k.as_str(), v.as_str()))
        .collect()
}

on_both_engines! {
    async fn a_partner_goes_from_mapped_to_an_agreement_only_if_non_commercial_L3(db) {
        let app = TestApp::with_demo(db).await;
        let mut pk = app.signed_in("pk.bdg").await;
        let mut bad = partner_form("", false);
        bad.push(("contact_email", "bukan-email"));
        let refused = pk.post_form("/partners", &bad).await;
        assert_eq!(refused.status, 422);
        assert!(refused.body.contains("Wajib diisi.") && refused.body.contains("Alamat e-mail tidak valid."));
        assert!(refused.body.contains("Jalan Contoh 9, Bandung"), "typed values are kept");
        let created = pk.post_form("/partners", &partner_form("Yayasan Peduli Sesama", false)).await;
        assert_eq!(created.status, 303, "{}", created.body);
        let path = created.location().split('?').next().unwrap().to_owned();
        let skipped = pk.post_form(&format!("{path}/steps"), &[("stage", "reported"), ("done_on", "2026-11-01")]).await;
        assert_eq!(skipped.status, 422);
        assert!(skipped.body.contains("tahapan identifikasi mitra dijalankan berurutan"));
        for stage in ["profiled", "visited", "reported"] {
            let step = pk.post_form(&format!("{path}/steps"), &[("stage", stage), ("done_on", "2026-11-01"), ("note", "Catatan kunjungan")]).await;
            assert_eq!(step.status, 303, "{stage}: {}", step.body);
        }
        assert_eq!(pk.post_form(&format!("{path}/agreements"), &[("number", "PKS/1"), ("starts_on", "2026-11-01"), ("ends_on", "2027-10-31")]).await.status, 403, "the head signs agreements");
        let mut head = app.signed_in("kabapas.bdg").await;
        let l3 = head.post_form(&format!("{path}/agreements"), &[("number", "PKS/1"), ("starts_on", "2026-11-01"), ("ends_on", "2027-10-31")]).await;
        assert_eq!(l3.status, 422);
        assert!(l3.body.contains("tidak dikomersialkan (L3)"), "{}", l3.body);
        let page = head.get(&path).await;
        let version = page.hidden("version").unwrap();
        let mut declared = partner_form("Yayasan Peduli Sesama", true);
        declared.push(("version", &version));
        assert_eq!(head.post_form(&path, &declared).await.status, 303);
        let stale = head.post_form(&path, &declared).await;
        assert_eq!(stale.status, 422, "a stale edit is refused");
        let signed = head.post_form(&format!("{path}/agreements"), &[("number", "PKS/1"), ("starts_on", "2026-11-01"), ("ends_on", "2027-10-31")]).await;
        assert_eq!(signed.status, 303, "{}", signed.body);
        let issued = head.post_form("/partners/annex-v", &[]).await;
        assert_eq!(issued.status, 303);
        let annex_v = pdf_text(&head.get_bytes(issued.location()).await);
        assert!(annex_v.contains("Yayasan Peduli Sesama") && annex_v.contains("PKS/1"), "{annex_v}");
        assert_eq!(app.signed_in("kabapas.mks").await.get(issued.location()).await.status, 404, "another office's list is out of scope");
        let added = head.post_form(&format!("{path}/supervisors"), &[("supervisor_name", "Ibu Rina"), ("supervisor_username", "pj.peduli")]).await;
        assert_eq!(added.status, 200);
        let password = added.body.split("kata sandi sementara: ").nth(1).unwrap().split('.').next().unwrap().to_owned();
        let mut supervisor = app.anonymous();
        assert_eq!(supervisor.log_in("pj.peduli", &password).await.status, 303, "the new PJ logs in");
        assert_eq!(supervisor.get("/hari-ini").await.status, 303, "the temporary password is changed first");
        assert_eq!(supervisor.post_form("/profile/password", &[("current_password", &password), ("new_password", "kebun teh di lembang"), ("confirm_password", "kebun teh di lembang")]).await.status, 303);
        assert_eq!(supervisor.get("/hari-ini").await.status, 200);
        assert_eq!(pk.post_form(&format!("{path}/supervisors"), &[("supervisor_name", "X"), ("supervisor_username", "pj.x")]).await.status, 403, "the head adds logins");
        let scan = pk.post_multipart(&format!("{path}/files"), &[("purpose", "agreement_scan")], ("file", b"%PDF-1.7\n%%EOF")).await;
        assert_eq!(scan.status, 303, "{}", scan.body);
        let photo = pk.post_multipart(&format!("{path}/files"), &[("purpose", "site_photo")], ("file", &karya_testkit::images::jpeg_with_location())).await;
        assert_eq!(photo.status, 303);
        let wrong = pk.post_multipart(&format!("{path}/files"), &[("purpose", "site_photo")], ("file", b"%PDF-1.7")).await;
        assert_eq!(wrong.status, 422, "a site photo is a picture");
        let (file,): (i64,) = sqlx::query_as("SELECT id FROM partner_files WHERE purpose = 'site_photo'").fetch_one(app.db.store.pool()).await.unwrap();
        let seen = head.get(&format!("{path}/files/{file}")).await;
        assert_eq!(seen.status, 200);
        assert_eq!(app.signed_in("pk.mks").await.get(&format!("{path}/files/{file}")).await.status, 404);
        let list = head.get("/partners").await.body;
        assert!(list.contains("Yayasan Peduli Sesama") && list.contains("PKS/1"));
        let xlsx = head.get_bytes("/partners/annex-v.xlsx").await;
        let mut archive = zip::ZipArchive::new(std::io::Cursor::new(xlsx)).unwrap();
        let mut strings = String::new();
        std::io::Read::read_to_string(&mut archive.by_name("xl/sharedStrings.xml").unwrap(), &mut strings).unwrap();
        assert!(strings.contains("Yayasan Peduli Sesama") && strings.contains("PKS/1"), "Annex V lists the registry's partner");
        let id = path.trim_start_matches("/partners/");
        let (audited,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM audit_events WHERE object_type = 'partner' AND object_id = $1").bind(id).fetch_one(app.db.store.pool()).await.unwrap();
        assert_eq!(audited, 9, "create, three steps, the edit, the agreement, two uploads and a view; nothing refused");
        assert_eq!(app.signed_in("pk.mks").await.get(&path).await.status, 404, "another office's partner is out of scope");
    }

    async fn the_ranking_explains_every_exclusion_by_rule_P1_P2_P4_P5_P6_P7_P8_P9_P10_L9(db) {
        let app = TestApp::with_demo(db).await;
        let assessed = case_at(&app.db.store, "bdg", Stage::Assessed, 60, 10).await.unwrap();
        let registered = case_at(&app.db.store, "bdg", Stage::Registered, 60, 11).await.unwrap();
        with_partners(&app).await;
        let mut pk = app.signed_in("pk.bdg").await;
        let page = pk.get(&format!("/cases/{}/placement", assessed.0)).await.body;
        for rule in ["(P1)", "(P2)", "(P4)", "(P5)", "(P6)", "(P7)", "(P8)", "(P10)", "(L9)", "P3)"] {
            assert!(page.contains(rule), "the ranking cites {rule}");
        }
        assert!(page.contains("Memenuhi syarat, urut rekomendasi"));
        let infectious = pk.get(&format!("/cases/{}/placement", registered.0)).await.body;
        assert!(infectious.contains("(P9)"), "an infectious disease without clearance excludes every place");
        assert!(infectious.contains("Memenuhi syarat, urut rekomendasi (0)"));
    }

    async fn a_pk_places_a_client_on_a_checked_schedule_and_cannot_override_an_exclusion_L5_L6(db) {
        let app = TestApp::with_demo(db).await;
        let case = case_at(&app.db.store, "bdg", Stage::Assessed, 60, 10).await.unwrap();
        with_partners(&app).await;
        let mut pk = app.signed_in("pk.bdg").await;
        let path = format!("/cases/{}/placement", case.0);
        let page = pk.get(&path).await.body;
        let keys: Vec<String> = page.match_indices("choose=").map(|(i, _)| page[i + 7..].split(['#', '"']).next().unwrap().to_owned()).collect();
        assert!(keys.len() > 2);
        let form = pk.get(&format!("{path}?choose={}", keys[0])).await;
        let supervisor = form.body.split("<option value=\"").nth(1).unwrap().split('"').next().unwrap().to_owned();
        let confirm = |key: String, from: &'static str, to: &'static str, reason: &'static str| {
            vec![
                ("candidate".to_owned(), key),
                ("supervisor".to_owned(), supervisor.clone()),
                ("description".to_owned(), "Membersihkan halaman panti".to_owned()),
                ("ppe".to_owned(), "gloves".to_owned()),
                ("day_sat".to_owned(), "1".to_owned()),
                ("from_sat".to_owned(), from.to_owned()),
                ("to_sat".to_owned(), to.to_owned()),
                ("day_sun".to_owned(), "1".to_owned()),
                ("from_sun".to_owned(), "09:00".to_owned()),
                ("to_sun".to_owned(), "13:00".to_owned()),
                ("starts_on".to_owned(), karya_domain::calendar::add_days(karya_domain::calendar::local_date(karya_testkit::test_now(), &karya_domain::OfficeZone::Wib.time_zone()), 1).unwrap().to_string()),
                ("override_reason".to_owned(), reason.to_owned()),
            ]
        };
        let long_day = pk.post_form(&path, &send(&confirm(keys[0].clone(), "07:00", "16:00", ""))).await;
        assert_eq!(long_day.status, 422);
        assert!(long_day.body.contains("lebih dari 8 jam sehari (L5)"), "{}", long_day.body);
        let livelihood = pk.post_form(&path, &send(&confirm(keys[0].clone(), "07:00", "10:00", ""))).await;
        assert!(livelihood.body.contains("jam Klien mencari nafkah"), "L6: the client works for a living 06:00–09:00");
        assert!(livelihood.body.contains(">Membersihkan halaman panti</textarea>"), "typed values are kept");
        let second = pk.post_form(&path, &send(&confirm(keys[1].clone(), "09:00", "13:00", ""))).await;
        assert_eq!(second.status, 422);
        assert!(second.body.contains("Alasan memilih tempat ini di luar urutan rekomendasi wajib diisi"));
        let hospital = karya_domain::placement::WorkFormId::all().find(|w| w.form().field == karya_domain::placement::Field::Health).unwrap();
        let (hospital_partner,): (i64,) = sqlx::query_as("SELECT id FROM partners WHERE field = 'health' ORDER BY id LIMIT 1").fetch_one(app.db.store.pool()).await.unwrap();
        let forbidden = pk.post_form(&path, &send(&confirm(format!("{hospital_partner}:{}", hospital.code()), "09:00", "13:00", "Dekat rumah"))).await;
        assert_eq!(forbidden.status, 422);
        assert!(forbidden.body.contains("tidak dapat dikesampingkan"), "P1 cannot be overridden");
        let placed = pk.post_form(&path, &send(&confirm(keys[0].clone(), "09:00", "13:00", ""))).await;
        assert_eq!(placed.status, 303, "{}", placed.body);
        let case_page = pk.get(&format!("/cases/{}", case.0)).await.body;
        assert!(case_page.contains("Ditempatkan") && case_page.contains("Sabtu–Minggu 09:00–13:00"), "the schedule in runs of days");
        assert_eq!(pk.post_form(&format!("/cases/{}/forms", case.0), &[("kind", "annex_i")]).await.status, 303);
        let (doc, partner_name): (i64, String) = sqlx::query_as("SELECT d.id, p.name FROM issued_documents d JOIN placements pl ON pl.case_id = d.case_id JOIN partners p ON p.id = pl.partner_id WHERE d.kind = 'annex_i' AND d.case_id = $1").bind(case.0).fetch_one(app.db.store.pool()).await.unwrap();
        let annex = pdf_text(&pk.get_bytes(&format!("/cases/{}/letters/{doc}", case.0)).await);
        assert!(annex.contains("TEMPAT KERJA SOSIAL"), "{annex}");
        for expected in [partner_name.as_str(), "Membersihkan halaman panti", "Sarung tangan", "Sabtu", "13.00"] {
            assert!(annex.contains(expected) || annex.replace('\n', " ").contains(expected), "Annex I shows {expected}: {annex}");
        }
        assert_eq!(app.count("SELECT COUNT(*) FROM placements WHERE schedule = 'sat 09:00-13:00;sun 09:00-13:00'").await, 1);
        let (pj,): (String,) = sqlx::query_as("SELECT u.username FROM users u JOIN placements p ON p.supervisor_user_id = u.id ORDER BY p.id DESC LIMIT 1").fetch_one(app.db.store.pool()).await.unwrap();
        assert_eq!(app.signed_in(&pj).await.get(&format!("/cases/{}", case.0)).await.status, 200, "the PJ sees the client placed with their partner");
        let other_pj = if pj == "pj.bdg" { "pj2.bdg" } else { "pj.bdg" };
        assert_eq!(app.signed_in(other_pj).await.get(&format!("/cases/{}", case.0)).await.status, 404, "a PJ of another partner does not");
        // Moving the client keeps the first placement.
        let moved = pk.post_form(&path, &send(&confirm(keys[1].clone(), "09:00", "13:00", "Lebih dekat dengan tempat penitipan anak"))).await;
        if keys[1].split(':').next() == keys[0].split(':').next() {
            assert_eq!(moved.status, 303, "{}", moved.body);
            let ended: (i64,) = sqlx::query_as("SELECT COUNT(*) FROM placements WHERE case_id = $1 AND ended_on IS NOT NULL").bind(case.0).fetch_one(app.db.store.pool()).await.unwrap();
            assert_eq!(ended.0, 1, "the first placement is kept, ended");
        } else {
            assert!(moved.body.contains("Pilih PJ dari mitra ini (P10)"), "the PJ must belong to the new partner");
        }
    }

    async fn a_far_work_place_needs_the_pks_reason_and_the_heads_approval_and_the_first_credit_waits_for_accommodations_P3(db) {
        let app = TestApp::with_demo(db).await;
        let case = case_at(&app.db.store, "bdg", Stage::Assessed, 60, 10).await.unwrap();
        with_partners(&app).await;
        // The client lives in Jakarta, about 120 km from every Bandung partner, and is elderly.
        sqlx::query("UPDATE placement_profiles SET home_latitude = -6.2, home_longitude = 106.8, special_needs = 'elderly', dependants = 0 WHERE case_id = $1").bind(case.0).execute(app.db.store.pool()).await.unwrap();
        let mut pk = app.signed_in("pk.bdg").await;
        let path = format!("/cases/{}/placement", case.0);
        let page = pk.get(&path).await.body;
        assert!(page.contains("Melebihi batas jarak 15,0 km dari rumah"), "the ranking says so");
        let key = page.match_indices("choose=").map(|(i, _)| page[i + 7..].split(['#', '"']).next().unwrap().to_owned()).next().unwrap();
        let form = pk.get(&format!("{path}?choose={key}")).await.body;
        assert!(form.contains("melebihi batas 15,0 km") && form.contains("name=\"distance_justification\""), "the form asks for the reason");
        let supervisor = form.split("<option value=\"").nth(1).unwrap().split('"').next().unwrap().to_owned();
        let starts = karya_domain::calendar::add_days(karya_domain::calendar::local_date(karya_testkit::test_now(), &karya_domain::OfficeZone::Wib.time_zone()), 1).unwrap().to_string();
        let confirm = |reason: &str| {
            vec![
                ("candidate".to_owned(), key.clone()),
                ("supervisor".to_owned(), supervisor.clone()),
                ("description".to_owned(), "Membantu logistik bantuan".to_owned()),
                ("day_sat".to_owned(), "1".to_owned()),
                ("from_sat".to_owned(), "09:00".to_owned()),
                ("to_sat".to_owned(), "13:00".to_owned()),
                ("starts_on".to_owned(), starts.clone()),
                ("distance_justification".to_owned(), reason.to_owned()),
            ]
        };
        let unexplained = pk.post_form(&path, &send(&confirm(""))).await;
        assert_eq!(unexplained.status, 422);
        assert!(unexplained.body.contains("tuliskan mengapa Klien tetap dapat hadir") && unexplained.body.contains("(P3)"), "{}", unexplained.body);
        assert_eq!(app.count("SELECT COUNT(*) FROM placements").await, 0);
        let placed = pk.post_form(&path, &send(&confirm("Klien tinggal di mes kantornya di Bandung pada hari kerja"))).await;
        assert_eq!(placed.status, 303, "{}", placed.body);
        let case_path = format!("/cases/{}", case.0);
        assert!(pk.get(&case_path).await.body.contains("menunggu persetujuan Kepala Bapas"));
        let early = pk.post_form(&format!("{case_path}/transition"), &[("transition", "start_serving")]).await;
        assert_eq!(early.status, 422, "the client does not start before the head approves");
        assert!(early.body.contains("belum disetujui Kepala Bapas (P3)"), "{}", early.body);
        assert_eq!(pk.post_form(&format!("{case_path}/placement/distance-approval"), &[]).await.status, 403, "the PK does not approve their own choice");
        // Even holding the head's role too (an administrator could grant both), the case's PK
        // does not approve their own choice: separation of duties per case (issue 12, item 6).
        let pk_id = users::user_by_username(&app.db.store, "pk.bdg").await.unwrap().id.0;
        sqlx::query("INSERT INTO user_roles (user_id, role) VALUES ($1, 'head_of_office')").bind(pk_id).execute(app.db.store.pool()).await.unwrap();
        let own = pk.post_form(&format!("{case_path}/placement/distance-approval"), &[]).await;
        assert_eq!(own.status, 422);
        assert!(own.body.contains("Anda PK perkara ini: persetujuan atas pekerjaan Anda sendiri harus diberikan pejabat lain."), "{}", own.body);
        sqlx::query("DELETE FROM user_roles WHERE user_id = $1 AND role = 'head_of_office'").bind(pk_id).execute(app.db.store.pool()).await.unwrap();
        let mut head = app.signed_in("kabapas.bdg").await;
        assert!(head.get(&case_path).await.body.contains("Setujui penempatan melebihi batas jarak"));
        assert_eq!(head.post_form(&format!("{case_path}/placement/distance-approval"), &[]).await.status, 303);
        assert!(pk.get(&case_path).await.body.contains("disetujui oleh"));
        assert_eq!(pk.post_form(&format!("{case_path}/transition"), &[("transition", "start_serving")]).await.status, 303);
        // The first report waits for the accommodations the client needs (safe toilets).
        let day = karya_domain::calendar::add_days(karya_domain::calendar::local_date(karya_testkit::test_now(), &karya_domain::OfficeZone::Wib.time_zone()), -1).unwrap().to_string();
        let mut registry = app.signed_in("registrasi.bdg").await;
        let recorded = registry.post_form(&format!("{case_path}/attendance"), &[("date", &day), ("time_in", "08:00"), ("time_out", "09:00"), ("activity", "Logistik")]).await;
        assert_eq!(recorded.status, 303, "{}", recorded.body);
        let (entry,): (i64,) = sqlx::query_as("SELECT id FROM attendance WHERE case_id = $1").bind(case.0).fetch_one(app.db.store.pool()).await.unwrap();
        assert_eq!(app.signed_in(&{ let (u,): (String,) = sqlx::query_as("SELECT username FROM users WHERE id = $1").bind(supervisor.parse::<i64>().unwrap()).fetch_one(app.db.store.pool()).await.unwrap(); u }).await.post_form(&format!("{case_path}/attendance/{entry}/verify"), &[]).await.status, 303);
        let waiting = pk.post_form(&format!("{case_path}/attendance/{entry}/verify"), &[]).await;
        assert_eq!(waiting.status, 422);
        assert!(waiting.body.contains("MCK yang aman dan layak".to_lowercase().as_str()) && waiting.body.contains("(P3)"), "{}", waiting.body);
        assert!(pk.get(&case_path).await.body.contains("belum dipastikan"), "the case page shows the unconfirmed accommodation");
        assert_eq!(pk.post_form(&format!("{case_path}/accommodations"), &[("accommodation", "safe_toilet")]).await.status, 303);
        assert_eq!(pk.post_form(&format!("{case_path}/attendance/{entry}/verify"), &[]).await.status, 303, "credited once confirmed");
        assert_eq!(app.count("SELECT COUNT(*) FROM audit_events WHERE action IN ('placement.approve_distance', 'placement.accommodation_confirmed')").await, 2);
    }

    async fn the_litmas_needs_its_ten_components_and_the_heads_approval_and_a_complete_register_G1(db) {
        let app = TestApp::with_demo(db).await;
        let case = case_at(&app.db.store, "bdg", Stage::Registered, 60, 12).await.unwrap();
        sqlx::query("UPDATE cases SET litmas_submitted = 0, case_plan_approved = 0 WHERE id = $1").bind(case.0).execute(app.db.store.pool()).await.unwrap();
        let path = format!("/cases/{}/litmas", case.0);
        let mut pk = app.signed_in("pk.bdg").await;
        let page = pk.get(&path).await.body;
        assert!(page.contains("Pengadilan Negeri"), "section (a) starts from the decision");
        assert_eq!(pk.post_form(&format!("{path}/interventions"), &[("intervention_kind", "Litmas sebelumnya"), ("intervention_result", "Baik"), ("intervention_source", "Berkas Bapas")]).await.status, 303);
        let incomplete = pk.post_form(&path, &[("action", "submit"), ("decision", "Putusan"), ("risk_level", "low")]).await;
        assert_eq!(incomplete.status, 422);
        // Each missing field is named in the summary and beside the field: section (c)'s
        // three parts, (d) the reoffending risk and the needs, (e) and the 10 components of (f).
        assert_eq!(incomplete.body.matches("Wajib diisi sebelum Litmas diserahkan.").count(), 32);
        let mut fields = vec![("action", "submit"), ("decision", "Putusan"), ("assistance_plan", "Pendampingan"), ("guidance_plan", "Pembimbingan"), ("supervision_plan", "Pengawasan"), ("risk_level", "low"), ("reoffending_risk", "medium"), ("needs", "Kebutuhan"), ("analysis", "Analisis")];
        let written: Vec<String> = (1..=10).map(|n| format!("Tulisan{n}PK")).collect();
        for ((code, _, _), text) in karya_domain::litmas::CASE_PLAN.iter().zip(&written) {
            fields.push((code, text));
        }
        assert_eq!(pk.post_form(&path, &fields).await.status, 303);
        assert_eq!(pk.post_form(&format!("{path}/approve"), &[]).await.status, 403, "the PK does not approve their own Litmas");
        // Nor with the head's role added: the case's PK never approves their own Litmas (item 6).
        let pk_id = users::user_by_username(&app.db.store, "pk.bdg").await.unwrap().id.0;
        sqlx::query("INSERT INTO user_roles (user_id, role) VALUES ($1, 'head_of_office')").bind(pk_id).execute(app.db.store.pool()).await.unwrap();
        let own = pk.post_form(&format!("{path}/approve"), &[]).await;
        assert_eq!(own.status, 422);
        assert!(own.body.contains("Anda PK perkara ini"), "{}", own.body);
        sqlx::query("DELETE FROM user_roles WHERE user_id = $1 AND role = 'head_of_office'").bind(pk_id).execute(app.db.store.pool()).await.unwrap();
        let mut head = app.signed_in("kabapas.bdg").await;
        // G1: without the photograph and the fingerprint the register is not complete.
        let (photo,): (i64,) = sqlx::query_as("SELECT id FROM attachments WHERE case_id = $1 AND purpose = 'fingerprint'").bind(case.0).fetch_one(app.db.store.pool()).await.unwrap();
        sqlx::query("UPDATE attachments SET purpose = 'decision_copy' WHERE id = $1").bind(photo).execute(app.db.store.pool()).await.unwrap();
        let incomplete = head.post_form(&format!("{path}/approve"), &[]).await;
        assert_eq!(incomplete.status, 422, "the register lacks the fingerprint");
        assert!(incomplete.body.contains("unggah foto dan sidik jari Klien (G1)"), "{}", incomplete.body);
        sqlx::query("UPDATE attachments SET purpose = 'fingerprint' WHERE id = $1").bind(photo).execute(app.db.store.pool()).await.unwrap();
        assert_eq!(head.post_form(&format!("{path}/approve"), &[]).await.status, 303);
        let status: (String,) = sqlx::query_as("SELECT status FROM cases WHERE id = $1").bind(case.0).fetch_one(app.db.store.pool()).await.unwrap();
        assert_eq!(status.0, "assessed");
        assert_eq!(pk.post_form(&format!("/cases/{}/forms", case.0), &[("kind", "litmas")]).await.status, 303);
        let (doc,): (i64,) = sqlx::query_as("SELECT id FROM issued_documents WHERE kind = 'litmas' AND case_id = $1").bind(case.0).fetch_one(app.db.store.pool()).await.unwrap();
        let text = pdf_text(&pk.get_bytes(&format!("/cases/{}/letters/{doc}", case.0)).await);
        assert!(text.contains("PENELITIAN KEMASYARAKATAN") && text.contains("Litmas sebelumnya"), "{text}");
        // Issue 13, item 8: the PK's own text for every one of the ten components.
        for text_written in &written {
            assert!(text.contains(text_written.as_str()), "the Litmas prints {text_written}: {text}");
        }
        for part in ["Pendampingan: Pendampingan", "Pembimbingan: Pembimbingan", "Pengawasan: Pengawasan"] {
            assert!(text.contains(part), "section (c) prints its three parts: {part}");
        }
        assert!(!text.contains("Menunggu penempatan"), "before the placement the institution is what the PK wrote, not a guess");
    }

    async fn an_approved_litmas_is_locked_and_a_change_is_a_new_version_needing_approval(db) {
        let app = TestApp::with_demo(db).await;
        let case = karya_web::demo::cases::serving_case(&app.db.store, "bdg", 80, 20, None).await.unwrap();
        let path = format!("/cases/{}/litmas", case.0);
        let mut pk = app.signed_in("pk.bdg").await;
        let page = pk.get(&path).await.body;
        assert!(page.contains("Versi 1: disetujui") && page.contains("membuat versi 2"), "{page}");
        // The PK changes the analysis and submits the rest as approved.
        let (stored,): (String,) = sqlx::query_as("SELECT sections FROM litmas WHERE case_id = $1").bind(case.0).fetch_one(app.db.store.pool()).await.unwrap();
        let approved: karya_domain::litmas::Sections = serde_json::from_str(&stored).unwrap();
        let mut fields: Vec<(String, String)> = [
            ("decision", &approved.decision), ("assistance_plan", &approved.assistance_plan),
            ("guidance_plan", &approved.guidance_plan), ("supervision_plan", &approved.supervision_plan),
            ("risk_level", &approved.risk_level), ("reoffending_risk", &approved.reoffending_risk), ("needs", &approved.needs),
        ].into_iter().map(|(k, v)| (k.to_owned(), v.clone())).collect();
        fields.push(("analysis".into(), "AnalisisVersiDua".into()));
        fields.push(("action".into(), "submit".into()));
        for ((code, _, _), text) in karya_domain::litmas::CASE_PLAN.iter().zip(&approved.case_plan) {
            fields.push(((*code).to_owned(), text.clone()));
        }
        let saved = pk.post_form(&path, &send(&fields)).await;
        assert_eq!(saved.status, 303, "{}", saved.body);
        let page = pk.get(&path).await.body;
        assert!(page.contains("Versi 2: diserahkan") && page.contains("Versi 1 yang disetujui"), "{page}");
        // What is printed meanwhile is version 1, as approved.
        assert_eq!(pk.post_form(&format!("/cases/{}/forms", case.0), &[("kind", "litmas")]).await.status, 303);
        let (doc,): (i64,) = sqlx::query_as("SELECT id FROM issued_documents WHERE kind = 'litmas' AND case_id = $1 ORDER BY id DESC").bind(case.0).fetch_one(app.db.store.pool()).await.unwrap();
        let text = pdf_text(&pk.get_bytes(&format!("/cases/{}/letters/{doc}", case.0)).await);
        assert!(!text.contains("AnalisisVersiDua") && !text.contains("DRAF"), "{text}");
        let mut head = app.signed_in("kabapas.bdg").await;
        assert_eq!(head.post_form(&format!("{path}/approve"), &[]).await.status, 303);
        assert!(pk.get(&path).await.body.contains("Versi 2: disetujui"));
        let versions: Vec<(i64, String)> = sqlx::query_as("SELECT version, sections FROM litmas_approved WHERE case_id = $1 ORDER BY version").bind(case.0).fetch_all(app.db.store.pool()).await.unwrap();
        assert_eq!(versions.len(), 2, "both approved versions are kept");
        assert!(!versions[0].1.contains("AnalisisVersiDua") && versions[1].1.contains("AnalisisVersiDua"));
    }

    async fn the_case_plan_names_the_confirmed_placement_and_the_partners_kind(db) {
        let app = TestApp::with_demo(db).await;
        let case = karya_web::demo::cases::serving_case(&app.db.store, "bdg", 80, 20, None).await.unwrap();
        let (partner, kind, description): (String, String, String) = sqlx::query_as(
            "SELECT pa.name, pa.kind, pl.description FROM placements pl JOIN partners pa ON pa.id = pl.partner_id
             WHERE pl.case_id = $1 AND pl.ended_on IS NULL")
            .bind(case.0).fetch_one(app.db.store.pool()).await.unwrap();
        let mut pk = app.signed_in("pk.bdg").await;
        assert_eq!(pk.post_form(&format!("/cases/{}/forms", case.0), &[("kind", "litmas")]).await.status, 303);
        let (doc,): (i64,) = sqlx::query_as("SELECT id FROM issued_documents WHERE kind = 'litmas' AND case_id = $1").bind(case.0).fetch_one(app.db.store.pool()).await.unwrap();
        let text = pdf_text(&pk.get_bytes(&format!("/cases/{}/letters/{doc}", case.0)).await).split_whitespace().collect::<Vec<_>>().join(" ");
        let words = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
        assert!(text.contains(&words(&partner)), "the work place is the placement's partner: {partner}");
        assert!(text.contains(&words(&description)), "the work is the placement's");
        let label = if kind == "government" { "Pemerintah" } else { "Non-Pemerintah" };
        assert!(text.contains(label) && !text.contains("Menunggu penempatan"), "the kind is the partner record's ({kind})");
        assert!(!text.contains("DRAF"), "an approved Litmas is not a draft");
    }
}

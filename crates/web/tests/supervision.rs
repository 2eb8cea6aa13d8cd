//! Supervision on both engines (issue 14, items 5–7): a PK's advice to the head (S5), a team
//! with seven days counted in the office's days whose late result stays marked (S6), a TPP
//! recommendation limited to the decision's default orders (S7, L8) and the head's decision
//! with reasons (S8). Each refusal names its rule and keeps what was typed.

use karya_store::users;
use karya_testkit::{TestApp, on_both_engines};
use karya_web::demo::cases::serving_case;

async fn id_of(app: &TestApp, username: &str) -> String {
    users::user_by_username(&app.db.store, username)
        .await
        .unwrap()
        .id
        .0
        .to_string()
}

on_both_engines! {
    async fn a_pj_reports_an_absence_the_registry_a_good_deed_and_the_pk_follows_them_up_S3(db) {
        let app = TestApp::with_demo(db).await;
        let case = serving_case(&app.db.store, "bdg", 80, 20, None).await.unwrap();
        let case_path = format!("/cases/{}", case.0);
        let zone = karya_domain::OfficeZone::Wib.time_zone();
        let today = karya_domain::calendar::local_date(karya_testkit::test_now(), &zone).to_string();
        // The PJ reports from the case page they reach (their partner's client).
        let mut pj = app.signed_in("pj.bdg").await;
        let page = pj.get(&case_path).await.body;
        assert!(page.contains("Laporkan ketidakpatuhan") && !page.contains("Nama pelapor"), "the PJ is known: no reporter fields");
        let refused = pj.post_form(&format!("{case_path}/conduct-reports"), &[("c_kind", "non_compliance"), ("c_on", "2099-01-01"), ("c_description", "TidakDatangSabtu")]).await;
        assert_eq!(refused.status, 422);
        assert!(refused.body.contains("(S3)") && refused.body.contains("TidakDatangSabtu"), "refused with the rule, kept as typed");
        assert_eq!(pj.post_form(&format!("{case_path}/conduct-reports"), &[("c_kind", "non_compliance"), ("c_on", &today), ("c_description", "Klien tidak datang hari Sabtu.")]).await.status, 303);
        // The registry records a report from the community, whose contact is required.
        let mut registry = app.signed_in("registrasi.bdg").await;
        let anonymous = registry.post_form(&format!("{case_path}/conduct-reports"), &[("c_kind", "good_deed"), ("c_on", &today), ("c_description", "Membantu tetangga.")]).await;
        assert_eq!(anonymous.status, 422);
        assert!(anonymous.body.contains("nama dan kontak pelapor"));
        assert_eq!(registry.post_form(&format!("{case_path}/conduct-reports"), &[("c_kind", "good_deed"), ("c_on", &today), ("c_description", "Membantu tetangga yang kebanjiran."), ("c_name", "Ibu Sari"), ("c_contact", "0812-0000-1111")]).await.status, 303);
        let (contact_audited,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM audit_events WHERE summary LIKE '%0812-0000-1111%' OR summary LIKE '%Ibu Sari%'").fetch_one(app.db.store.pool()).await.unwrap();
        assert_eq!(contact_audited, 0, "the community reporter stays out of the audit trail");
        // Both reach the PK's and the head's work lists, and the PK follows them up.
        let mut pk = app.signed_in("pk.bdg").await;
        assert!(pk.get("/").await.body.contains("Tindak lanjuti laporan"));
        assert!(app.signed_in("kabapas.bdg").await.get("/").await.body.contains("Laporan baru tentang Klien (S3)"));
        let page = pk.get(&format!("{case_path}/guidance")).await.body;
        assert!(page.contains("Klien tidak datang hari Sabtu.") && page.contains("Ibu Sari, 0812-0000-1111"));
        let (absence,): (i64,) = sqlx::query_as("SELECT id FROM conduct_reports WHERE case_id = $1 AND kind = 'non_compliance'").bind(case.0).fetch_one(app.db.store.pool()).await.unwrap();
        let absence = absence.to_string();
        let empty = pk.post_form(&format!("{case_path}/supervision/reports"), &[("report", &absence), ("r_note", "")]).await;
        assert_eq!(empty.status, 422);
        assert!(empty.body.contains("(S3)"));
        assert_eq!(pk.post_form(&format!("{case_path}/supervision/reports"), &[("report", &absence), ("r_note", "PK menghubungi Klien dan PJ.")]).await.status, 303);
        assert_eq!(pk.post_form(&format!("{case_path}/supervision/reports"), &[("report", &absence), ("r_note", "Disarankan pemeriksaan (S5).")]).await.status, 303);
        let closed = pk.post_form(&format!("{case_path}/supervision/reports"), &[("report", &absence), ("r_note", "Lagi")]).await;
        assert_eq!(closed.status, 422, "a closed report stays closed");
        let (state,): (String,) = sqlx::query_as("SELECT state FROM conduct_reports WHERE id = $1").bind(absence.parse::<i64>().unwrap()).fetch_one(app.db.store.pool()).await.unwrap();
        assert_eq!(state, "closed");
    }

    async fn a_violation_goes_from_the_pks_advice_through_the_team_and_the_tpp_to_the_heads_decision_S5_S6_S7_S8_L8(db) {
        let app = TestApp::with_demo(db).await;
        let case = serving_case(&app.db.store, "bdg", 80, 20, None).await.unwrap();
        let page = format!("/cases/{}/guidance", case.0);
        let path = format!("/cases/{}/supervision", case.0);
        let mut pk = app.signed_in("pk.bdg").await;
        let refused = pk.post_form(&format!("{path}/advice"), &[("s_ground", "suspected_violation"), ("s_condition", ""), ("s_what_happened", "TidakHadirTigaKali"), ("s_evidence", "")]).await;
        assert_eq!(refused.status, 422);
        assert!(refused.body.contains("(S5)") && refused.body.contains("TidakHadirTigaKali"), "refused with the rule, the text kept: {}", refused.body);
        let advice = [("s_ground", "suspected_violation"), ("s_condition", "Syarat umum: melaksanakan kerja sosial sesuai jadwal"), ("s_what_happened", "Tidak hadir tiga kali tanpa alasan."), ("s_evidence", "Laporan PJ dan daftar hadir.")];
        assert_eq!(pk.post_form(&format!("{path}/advice"), &advice).await.status, 303);
        let (exam,): (i64,) = sqlx::query_as("SELECT id FROM examinations WHERE case_id = $1").bind(case.0).fetch_one(app.db.store.pool()).await.unwrap();
        let exam = exam.to_string();

        // The head forms the team: two members at least, the chair among them (S6).
        let (tpp, head_id) = (id_of(&app, "tpp.bdg").await, id_of(&app, "kabapas.bdg").await);
        let mut head = app.signed_in("kabapas.bdg").await;
        let small = head.post_form(&format!("{path}/team"), &[("exam", &exam), ("s_members", &tpp), ("s_chair", &tpp)]).await;
        assert_eq!(small.status, 422);
        assert!(small.body.contains("paling sedikit dua") && small.body.contains("(S6)"));
        assert_eq!(pk.post_form(&format!("{path}/team"), &[("exam", &exam), ("s_members", &tpp), ("s_members", &head_id), ("s_chair", &tpp)]).await.status, 403, "the PK does not form the team");
        assert_eq!(head.post_form(&format!("{path}/team"), &[("exam", &exam), ("s_members", &tpp), ("s_members", &head_id), ("s_chair", &tpp)]).await.status, 303);
        assert!(head.get(&page).await.body.contains("Hari ke-0 dari 7; sisa 7 hari"));

        // Only the team records; its steps fall within the examination (S6).
        let not_member = pk.post_form(&format!("{path}/findings"), &[("exam", &exam), ("s_findings", "Hasil")]).await;
        assert_eq!(not_member.status, 422);
        assert!(not_member.body.contains("Hanya anggota tim"));
        let mut tpp_user = app.signed_in("tpp.bdg").await;
        let early = tpp_user.post_form(&format!("{path}/step"), &[("exam", &exam), ("s_method", "interview_client"), ("s_step_on", "2020-01-01"), ("s_step_record", "Berita acara")]).await;
        assert_eq!(early.status, 422);
        assert!(early.body.contains("(S6)"));
        let today: (String,) = sqlx::query_as("SELECT formed_on FROM examinations WHERE id = $1").bind(exam.parse::<i64>().unwrap()).fetch_one(app.db.store.pool()).await.unwrap();
        assert_eq!(tpp_user.post_form(&format!("{path}/step"), &[("exam", &exam), ("s_method", "interview_client"), ("s_step_on", &today.0), ("s_step_record", "Klien mengakui tidak hadir; berita acara ditandatangani.")]).await.status, 303);
        assert_eq!(tpp_user.post_form(&format!("{path}/findings"), &[("exam", &exam), ("s_findings", "Terbukti tidak melaksanakan kerja sosial tanpa alasan sah.")]).await.status, 303);
        assert!(!tpp_user.get(&page).await.body.contains("terlambat (lewat hari ke-7)"), "on time");

        // The TPP: never an order the decision lacks (L8); two members present; deliberation.
        let fine = tpp_user.post_form(&format!("{path}/recommendation"), &[("exam", &exam), ("s_present", &tpp), ("s_deliberation", ""), ("s_recommendation", "pay_fine")]).await;
        assert_eq!(fine.status, 422);
        assert!(fine.body.contains("tidak memuat perintah ini") && fine.body.contains("(L8)") && fine.body.contains("(S7)"), "{}", fine.body);
        assert!(!tpp_user.get(&page).await.body.contains("value=\"pay_fine\""), "the form offers only the decision's orders");
        assert_eq!(tpp_user.post_form(&format!("{path}/recommendation"), &[("exam", &exam), ("s_present", &tpp), ("s_present", &head_id), ("s_deliberation", "Tiga kali tidak hadir tanpa alasan sah."), ("s_recommendation", "serve_imprisonment")]).await.status, 303);

        // The head decides with reasons (S8).
        let silent = head.post_form(&format!("{path}/decision"), &[("exam", &exam), ("s_accept", "yes"), ("s_reasons", " ")]).await;
        assert_eq!(silent.status, 422);
        assert!(silent.body.contains("(S8)"));
        let accepted = head.post_form(&format!("{path}/decision"), &[("exam", &exam), ("s_accept", "yes"), ("s_reasons", "Sesuai rekomendasi TPP.")]).await;
        assert_eq!(accepted.status, 303);
        assert!(accepted.location().contains("done=litmas_prosecutor"), "accepted, the Litmas goes to the prosecutor at once (S8)");
        let done = head.get(&page).await.body;
        assert!(done.contains("Kepala Bapas menerima rekomendasi") && done.contains("menjalani pidana penjara yang diganti"), "{done}");
        assert_eq!(app.count("SELECT COUNT(*) FROM audit_events WHERE action LIKE 'supervision.%'").await, 6);

        // The prosecutor of the case's Kejaksaan sees it and reads it; the registry does not.
        let (doc,): (i64,) = sqlx::query_as("SELECT id FROM issued_documents WHERE case_id = $1 AND kind = 'litmas_prosecutor'").bind(case.0).fetch_one(app.db.store.pool()).await.unwrap();
        let mut jaksa = app.signed_in("jaksa.bdg").await;
        assert!(jaksa.get("/").await.body.contains("Litmas untuk Jaksa"), "on the prosecutor's start page");
        let text = karya_testkit::pdf_text(&jaksa.get_bytes(&format!("/cases/{}/letters/{doc}", case.0)).await);
        let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
        for expected in ["Kepada Yth.", "Kejaksaan Negeri", "Hasil Pemeriksaan, Rekomendasi Sidang TPP", "menjalani pidana penjara yang diganti: 3 bulan", "Sesuai rekomendasi TPP."] {
            assert!(text.contains(expected), "{expected} in the Litmas: {text}");
        }
        assert_eq!(app.signed_in("registrasi.bdg").await.get(&format!("/cases/{}/letters/{doc}", case.0)).await.status, 403);
        // The prosecutor acknowledges receipt; the Bapas sees who and when.
        assert!(jaksa.get("/").await.body.contains("Belum diterima"));
        assert_eq!(head.post_form(&format!("/cases/{}/letters/{doc}/receipt", case.0), &[]).await.status, 403, "only the prosecutor acknowledges");
        assert_eq!(jaksa.post_form(&format!("/cases/{}/letters/{doc}/receipt", case.0), &[]).await.status, 303);
        assert!(jaksa.get("/").await.body.contains("Diterima "), "no longer unread");
        assert!(head.get(&format!("/cases/{}", case.0)).await.body.contains("diterima Kejaksaan: Jaksa"), "the Bapas sees the receipt");
        assert_eq!(jaksa.post_form(&format!("/cases/{}/letters/{doc}/receipt", case.0), &[]).await.status, 303, "a second acknowledgement changes nothing");
        assert_eq!(app.count("SELECT COUNT(*) FROM audit_events WHERE action = 'document.receipt'").await, 1);
        // Issuing it again unchanged returns the same document, with no new number.
        assert_eq!(head.post_form(&format!("{path}/litmas"), &[("exam", &exam)]).await.status, 303);
        assert_eq!(app.count("SELECT COUNT(*) FROM issued_documents WHERE kind = 'litmas_prosecutor'").await, 1);
        let (to_prosecutor,): (String,) = sqlx::query_as("SELECT summary FROM audit_events WHERE action = 'supervision.decide'").fetch_one(app.db.store.pool()).await.unwrap();
        assert!(to_prosecutor.contains("\"to_prosecutor\":true"), "{to_prosecutor}");
    }

    async fn the_head_convenes_a_tpp_session_its_members_recommend_and_the_chair_signs_the_minutes_S7_L8(db) {
        let app = TestApp::with_demo(db).await;
        let store = &app.db.store;
        let zone = karya_domain::OfficeZone::Wib.time_zone();
        let today = karya_domain::calendar::local_date(karya_testkit::test_now(), &zone).to_string();
        let (tpp, head_id) = (id_of(&app, "tpp.bdg").await, id_of(&app, "kabapas.bdg").await);
        // A case has a violation and a good deed examined, waiting for the TPP.
        karya_web::demo::cases::awaiting_tpp(store, "bdg").await.unwrap();
        let waiting: Vec<(i64, String)> = sqlx::query_as(
            "SELECT e.id, e.ground FROM examinations e JOIN cases c ON c.id = e.case_id JOIN offices o ON o.id = c.office_id
             WHERE o.code = 'bdg' AND e.findings IS NOT NULL AND e.recommendation IS NULL ORDER BY e.id",
        ).fetch_all(store.pool()).await.unwrap();
        assert_eq!(waiting.iter().map(|(_, g)| g.as_str()).collect::<Vec<_>>(), ["suspected_violation", "good_deed"]);
        let mut head = app.signed_in("kabapas.bdg").await;
        let page = head.get("/tpp").await.body;
        assert!(page.contains("Adakan sidang TPP") && page.contains("Perbuatan baik"), "{page}");
        // One member present, the chair not among them: refused with S7, the place kept.
        let agenda: Vec<String> = waiting.iter().map(|(id, _)| id.to_string()).collect();
        let mut form = vec![("t_held_on", today.as_str()), ("t_place", "RuangSidangLantai2"), ("t_chair", tpp.as_str()), ("t_present", head_id.as_str())];
        form.extend(agenda.iter().map(|a| ("t_agenda", a.as_str())));
        let refused = head.post_form("/tpp", &form).await;
        assert_eq!(refused.status, 422);
        assert!(refused.body.contains("(S7)") && refused.body.contains("RuangSidangLantai2") && refused.body.contains("paling sedikit dua"), "{}", refused.body);
        assert_eq!(app.signed_in("tpp.bdg").await.post_form("/tpp", &form).await.status, 403, "the head convenes");
        form.push(("t_present", tpp.as_str()));
        let convened = head.post_form("/tpp", &form).await;
        assert_eq!(convened.status, 303);
        let session = convened.location().split('?').next().unwrap().to_owned();
        assert!(!head.get("/tpp").await.body.contains("Perbuatan baik ·"), "an examination sits on one agenda");

        // A member records each case against the session: the recommendation fits the
        // ground (S7); the session's members and day stand for each case.
        let mut member = app.signed_in("tpp.bdg").await;
        let early = member.post_form(&format!("{session}/minutes"), &[]).await;
        assert_eq!(early.status, 422);
        assert!(early.body.contains("Masih ada 2 perkara") && early.body.contains("(S7)"), "{}", early.body);
        let (violation, good) = (waiting[0].0.to_string(), waiting[1].0.to_string());
        let wrong = member.post_form(&format!("{session}/recommendation"), &[("exam", &violation), ("s_recommendation", "good_conduct"), ("s_deliberation", "PertimbanganSidangSatu")]).await;
        assert_eq!(wrong.status, 422);
        assert!(wrong.body.contains("(S7)") && wrong.body.contains("PertimbanganSidangSatu"), "refused, the deliberation kept");
        assert_eq!(member.post_form(&format!("{session}/recommendation"), &[("exam", &violation), ("s_recommendation", "continue_serving"), ("s_deliberation", "Ketidakhadiran karena sakit, dibuktikan surat dokter.")]).await.status, 303);
        assert_eq!(member.post_form(&format!("{session}/recommendation"), &[("exam", &good), ("s_recommendation", "good_conduct"), ("s_deliberation", "Perbuatan baik dibenarkan saksi.")]).await.status, 303);
        let (on, present): (String, String) = sqlx::query_as("SELECT tpp_on, tpp_present FROM examinations WHERE id = $1").bind(waiting[1].0).fetch_one(store.pool()).await.unwrap();
        let mut sat = [tpp.parse::<i64>().unwrap(), head_id.parse::<i64>().unwrap()];
        sat.sort_unstable();
        assert_eq!((on, present), (today.clone(), format!("{},{}", sat[0], sat[1])));

        // The chair signs; the minutes name who sat, each case and its recommendation.
        assert_eq!(head.post_form(&format!("{session}/minutes"), &[]).await.status, 403, "the head is not the chair");
        assert_eq!(member.post_form(&format!("{session}/minutes"), &[]).await.status, 303);
        assert_ne!(member.post_form(&format!("{session}/minutes"), &[]).await.status, 303, "signed once");
        assert_eq!(app.count("SELECT COUNT(*) FROM issued_documents WHERE kind = 'tpp_minutes'").await, 1);
        let text = karya_testkit::pdf_text(&head.get_bytes(&format!("{session}/minutes")).await);
        let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
        for expected in ["BERITA ACARA SIDANG TIM PENGAMAT PEMASYARAKATAN", "RuangSidangLantai2", "Anggota TPP Bandung (Ketua Sidang)", "Sidang membahas 2 perkara", "Ketidakhadiran karena sakit", "Berkelakuan baik", "Ketua Sidang TPP"] {
            assert!(text.contains(expected), "{expected} in the minutes: {text}");
        }
        assert_eq!(app.signed_in("tpp.mks").await.get(&session).await.status, 404, "another office's TPP");
        assert_eq!(app.signed_in("pk.bdg").await.get(&session).await.status, 403);
        assert_eq!(app.count("SELECT COUNT(*) FROM audit_events WHERE action IN ('tpp.convene', 'tpp.sign_minutes')").await, 2);
    }

    async fn a_repeat_order_starts_the_hours_and_the_window_again_L8_S8_L6(db) {
        let app = TestApp::with_demo(db).await;
        let store = &app.db.store;
        let case = karya_web::demo::cases::serving_case_credited(store, "bdg", 80, 40, 16).await.unwrap();
        let credited = || async {
            let access = karya_testkit::open_as(store, "pk.bdg", karya_domain::Permission::ReadCases, case).await.unwrap();
            let (ledger, _) = karya_store::attendance::ledger(store, &access).await.unwrap();
            (ledger.totals().credited.get(), access.case().window.start().to_string())
        };
        let (before, old_start) = credited().await;
        assert!(before > 0, "the demo credited hours before the examination");
        let path = format!("/cases/{}/supervision", case.0);
        let mut pk = app.signed_in("pk.bdg").await;
        assert_eq!(pk.post_form(&format!("{path}/advice"), &[("s_ground", "suspected_violation"), ("s_condition", "Syarat umum"), ("s_what_happened", "Tidak hadir."), ("s_evidence", "Laporan PJ")]).await.status, 303);
        let (exam,): (i64,) = sqlx::query_as("SELECT id FROM examinations WHERE case_id = $1").bind(case.0).fetch_one(store.pool()).await.unwrap();
        let exam = exam.to_string();
        let (tpp, head_id) = (id_of(&app, "tpp.bdg").await, id_of(&app, "kabapas.bdg").await);
        let mut head = app.signed_in("kabapas.bdg").await;
        assert_eq!(head.post_form(&format!("{path}/team"), &[("exam", &exam), ("s_members", &tpp), ("s_members", &head_id), ("s_chair", &tpp)]).await.status, 303);
        let mut member = app.signed_in("tpp.bdg").await;
        assert_eq!(member.post_form(&format!("{path}/findings"), &[("exam", &exam), ("s_findings", "Terbukti.")]).await.status, 303);
        assert_eq!(member.post_form(&format!("{path}/recommendation"), &[("exam", &exam), ("s_present", &tpp), ("s_present", &head_id), ("s_deliberation", "Menimbang."), ("s_recommendation", "repeat_work")]).await.status, 303);
        assert_eq!(head.post_form(&format!("{path}/decision"), &[("exam", &exam), ("s_accept", "yes"), ("s_reasons", "Sesuai rekomendasi.")]).await.status, 303);
        // The head records the prosecutor's order to repeat the work, dated today.
        let zone = karya_domain::OfficeZone::Wib.time_zone();
        let today = karya_domain::calendar::local_date(karya_testkit::test_now(), &zone).to_string();
        assert_eq!(head.post_form(&format!("{path}/prosecutor"), &[("exam", &exam), ("s_p_order", "repeat_work"), ("s_p_reference", "B-90/M.2.10/Eku.3/2026"), ("s_p_on", &today)]).await.status, 303);
        let (after, start) = credited().await;
        assert_eq!(after, 0, "the hours count again from the order's day");
        assert_eq!(start, today, "the window starts again on the order's day (L6)");
        assert_ne!(old_start, today);
        let (status, basis): (String, String) = sqlx::query_as("SELECT status, window_basis FROM cases WHERE id = $1").bind(case.0).fetch_one(store.pool()).await.unwrap();
        assert_eq!((status.as_str(), basis.as_str()), ("serving", "repeat_ordered"), "the client serves again");
        assert!(app.count(&format!("SELECT COUNT(*) FROM attendance WHERE case_id = {}", case.0)).await > 0, "the earlier reports stay stored");
        assert_eq!(app.count("SELECT COUNT(*) FROM audit_events WHERE action = 'case.window'").await, 1, "the window's move is audited");
        assert!(pk.get(&format!("/cases/{}", case.0)).await.body.contains("mulai lagi pada hari Jaksa memerintahkan"), "the case page says why the window moved");
    }

    async fn findings_after_the_seventh_day_are_marked_late_and_stay_so_S6(db) {
        let app = TestApp::with_demo(db).await;
        let case = serving_case(&app.db.store, "bdg", 80, 20, None).await.unwrap();
        let path = format!("/cases/{}/supervision", case.0);
        let mut pk = app.signed_in("pk.bdg").await;
        assert_eq!(pk.post_form(&format!("{path}/advice"), &[("s_ground", "good_deed"), ("s_what_happened", "Menolong korban kecelakaan.")]).await.status, 303);
        let (exam,): (i64,) = sqlx::query_as("SELECT id FROM examinations WHERE case_id = $1").bind(case.0).fetch_one(app.db.store.pool()).await.unwrap();
        let (tpp, head_id) = (id_of(&app, "tpp.bdg").await, id_of(&app, "kabapas.bdg").await);
        let mut head = app.signed_in("kabapas.bdg").await;
        assert_eq!(head.post_form(&format!("{path}/team"), &[("exam", &exam.to_string()), ("s_members", &tpp), ("s_members", &head_id), ("s_chair", &head_id)]).await.status, 303);
        // Nine days ago, as if the team had been formed then.
        let (formed,): (String,) = sqlx::query_as("SELECT formed_on FROM examinations WHERE id = $1").bind(exam).fetch_one(app.db.store.pool()).await.unwrap();
        let nine_before = karya_domain::calendar::add_days(formed.parse().unwrap(), -9).unwrap().to_string();
        sqlx::query("UPDATE examinations SET formed_on = $1 WHERE id = $2").bind(&nine_before).bind(exam).execute(app.db.store.pool()).await.unwrap();
        let page = head.get(&format!("/cases/{}/guidance", case.0)).await.body;
        assert!(page.contains("Lewat batas 7 hari: terlambat 2 hari"), "{page}");
        assert_eq!(head.post_form(&format!("{path}/findings"), &[("exam", &exam.to_string()), ("s_findings", "Perbuatan baik terbukti.")]).await.status, 303);
        let page = head.get(&format!("/cases/{}/guidance", case.0)).await.body;
        assert!(page.contains("terlambat (lewat hari ke-7)"), "the late result stays visible");
        // A good deed: the TPP can recommend only good conduct.
        let mut tpp_user = app.signed_in("tpp.bdg").await;
        let order = tpp_user.post_form(&format!("{path}/recommendation"), &[("exam", &exam.to_string()), ("s_present", &tpp), ("s_present", &head_id), ("s_deliberation", "Baik."), ("s_recommendation", "repeat_work")]).await;
        assert_eq!(order.status, 422);
        assert!(order.body.contains("(S7)"));
    }

    async fn the_case_follows_its_examination_and_the_prosecutor_records_the_decision_S8_L8_T1(db) {
        let app = TestApp::with_demo(db).await;
        let case = serving_case(&app.db.store, "bdg", 80, 20, None).await.unwrap();
        let path = format!("/cases/{}/supervision", case.0);
        let status = || async { let (s,): (String,) = sqlx::query_as("SELECT status FROM cases WHERE id = $1").bind(case.0).fetch_one(app.db.store.pool()).await.unwrap(); s };
        let mut pk = app.signed_in("pk.bdg").await;
        let advice = [("s_ground", "suspected_violation"), ("s_condition", "Syarat umum"), ("s_what_happened", "Tidak hadir tiga kali."), ("s_evidence", "Laporan PJ")];
        assert_eq!(pk.post_form(&format!("{path}/advice"), &advice).await.status, 303);
        let (exam,): (i64,) = sqlx::query_as("SELECT id FROM examinations WHERE case_id = $1").bind(case.0).fetch_one(app.db.store.pool()).await.unwrap();
        let exam = exam.to_string();
        let (tpp, head_id) = (id_of(&app, "tpp.bdg").await, id_of(&app, "kabapas.bdg").await);
        let mut head = app.signed_in("kabapas.bdg").await;
        assert_eq!(status().await, "serving");
        assert_eq!(head.post_form(&format!("{path}/team"), &[("exam", &exam), ("s_members", &tpp), ("s_members", &head_id), ("s_chair", &tpp)]).await.status, 303);
        assert_eq!(status().await, "under_examination", "a team formed puts the case under examination");
        let mut member = app.signed_in("tpp.bdg").await;
        assert_eq!(member.post_form(&format!("{path}/findings"), &[("exam", &exam), ("s_findings", "Terbukti.")]).await.status, 303);
        assert_eq!(member.post_form(&format!("{path}/recommendation"), &[("exam", &exam), ("s_present", &tpp), ("s_present", &head_id), ("s_deliberation", "Menimbang."), ("s_recommendation", "serve_imprisonment")]).await.status, 303);
        assert_eq!(head.post_form(&format!("{path}/decision"), &[("exam", &exam), ("s_accept", "yes"), ("s_reasons", "Sesuai rekomendasi.")]).await.status, 303);
        assert_eq!(status().await, "under_examination", "awaiting the prosecutor");

        // The prosecutor records their decision from the case page: only an order of the
        // decision (L8), with the letter and a date no later than today.
        let case_path = format!("/cases/{}", case.0);
        let mut jaksa = app.signed_in("jaksa.bdg").await;
        let page = jaksa.get(&case_path).await.body;
        assert!(page.contains("Keputusan Jaksa atas rekomendasi Litmas") && page.contains("menunggu keputusan Jaksa"), "{page}");
        assert!(!page.contains("value=\"pay_fine\""), "the decision has no fine order");
        let fine = jaksa.post_form(&format!("{path}/prosecutor"), &[("exam", &exam), ("s_p_order", "pay_fine"), ("s_p_reference", " "), ("s_p_on", "2099-01-01")]).await;
        assert_eq!(fine.status, 422);
        assert!(fine.body.contains("(L8)") && fine.body.contains("(S8)"), "{}", fine.body);
        let zone = karya_domain::OfficeZone::Wib.time_zone();
        let today = karya_domain::calendar::local_date(karya_testkit::test_now(), &zone).to_string();
        let recorded = jaksa.post_form(&format!("{path}/prosecutor"), &[("exam", &exam), ("s_p_order", "serve_imprisonment"), ("s_p_reference", "B-77/M.2.10/Eku.3/2026"), ("s_p_on", &today)]).await;
        assert_eq!(recorded.status, 303, "{}", recorded.body);
        assert!(recorded.location().contains("done=prosecutor_decision"));
        let again = jaksa.post_form(&format!("{path}/prosecutor"), &[("exam", &exam), ("s_p_order", "serve_imprisonment"), ("s_p_reference", "B-78"), ("s_p_on", &today)]).await;
        assert_eq!(again.status, 422, "recorded once");
        assert_eq!(status().await, "under_examination", "prison ends the case by sanction, which the head does");
        // The head sees it and the termination form offers the prosecutor's letter (T1c).
        assert!(head.get(&format!("/cases/{}/guidance", case.0)).await.body.contains("B-77/M.2.10/Eku.3/2026"));
        let page = pk.get(&case_path).await.body;
        assert!(page.contains("value=\"B-77/M.2.10/Eku.3/2026\""), "the PK starts the termination with the sanction letter as its default: {page}");
        assert_eq!(app.count("SELECT COUNT(*) FROM audit_events WHERE action = 'supervision.prosecutor_decision'").await, 1);
        assert_eq!(app.count("SELECT COUNT(*) FROM audit_events WHERE action = 'case.transition' AND summary LIKE '%_examination%'").await, 1, "the team opened the examination; nothing closed it");
    }
}

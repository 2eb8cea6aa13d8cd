//! Guidance-progress reports on both engines (issue 14, item 3): due monthly from the start
//! of service and overdue after a week (S4), drafted from the records (S1, S2), completed by
//! the PK and sent to the head, who returns it with a note or approves it, which issues the
//! report to the prosecutor with a copy to the court (B8).

use karya_testkit::{TestApp, on_both_engines};
use karya_web::demo::cases::serving_case;

on_both_engines! {
    async fn the_pk_writes_the_overdue_report_the_head_returns_then_approves_it_for_the_prosecutor_S1_S2_S4_B8(db) {
        let app = TestApp::with_demo(db).await;
        // Received 40 days ago: the first monthly report fell due about ten days ago.
        let case = serving_case(&app.db.store, "bdg", 80, 40, None).await.unwrap();
        let page = format!("/cases/{}/guidance", case.0);
        let post = format!("/cases/{}/progress-reports", case.0);
        let mut head = app.signed_in("kabapas.bdg").await;
        assert!(head.get("/").await.body.contains("Laporan perkembangan terlambat (S4)"), "overdue on the head's list");
        let mut pk = app.signed_in("pk.bdg").await;
        assert!(pk.get("/").await.body.contains("Susun laporan perkembangan pembimbingan (S4)"));
        let body = pk.get(&page).await.body;
        assert!(body.contains("Terlambat") && body.contains("Jam dijalani: ") && body.contains("Tertinggal"), "the draft, with the hours against the plan (S1, S2): {body}");
        let (start,): (String,) = sqlx::query_as("SELECT received_on FROM cases WHERE id = $1").bind(case.0).fetch_one(app.db.store.pool()).await.unwrap();
        let start: jiff::civil::Date = start.parse().unwrap();
        let due = start.checked_add(jiff::Span::new().months(1)).unwrap().to_string();
        assert!(body.contains(&format!("name=\"p_due\" value=\"{due}\"")), "the first month's report is next: {due}");

        // Every part is written (S4), and what was typed stays.
        let blank = pk.post_form(&post, &[("p_due", &due), ("p_progress", "KlienMulaiHadir"), ("p_obstacles", ""), ("p_next_steps", " ")]).await;
        assert_eq!(blank.status, 422);
        assert!(blank.body.contains("(S4)") && blank.body.contains("KlienMulaiHadir"));
        let early = pk.post_form(&post, &[("p_due", "2099-01-01"), ("p_progress", "a"), ("p_obstacles", "-"), ("p_next_steps", "b")]).await;
        assert_eq!(early.status, 404, "no report falls due that day");
        let report = [("p_due", due.as_str()), ("p_progress", "Klien belum mulai bekerja."), ("p_obstacles", "Klien sakit dua minggu."), ("p_next_steps", "Kunjungan rumah minggu ini.")];
        assert_eq!(pk.post_form(&post, &report).await.status, 303);
        let again = pk.post_form(&post, &report).await;
        assert_eq!(again.status, 422, "sent once");
        assert!(again.body.contains("sudah dikirim"));
        assert!(head.get("/").await.body.contains("Periksa laporan perkembangan pembimbingan (S4)"));

        // The head returns it with a note (S4); the PK finds it back with what they wrote.
        let (id,): (i64,) = sqlx::query_as("SELECT id FROM progress_reports WHERE case_id = $1").bind(case.0).fetch_one(app.db.store.pool()).await.unwrap();
        let id = id.to_string();
        let review = format!("{post}/review");
        assert_eq!(pk.post_form(&review, &[("report", &id), ("p_approve", "yes")]).await.status, 403, "the PK does not approve");
        let silent = head.post_form(&review, &[("report", &id), ("p_approve", "no"), ("p_review_note", "")]).await;
        assert_eq!(silent.status, 422);
        assert!(silent.body.contains("(S4)"));
        assert_eq!(head.post_form(&review, &[("report", &id), ("p_approve", "no"), ("p_review_note", "Sebutkan surat keterangan sakit.")]).await.status, 303);
        let body = pk.get(&page).await.body;
        assert!(body.contains("Sebutkan surat keterangan sakit.") && body.contains("Klien sakit dua minggu."), "returned, with the PK's text: {body}");
        let rewritten = [("p_due", due.as_str()), ("p_progress", "Klien belum mulai bekerja."), ("p_obstacles", "Klien sakit dua minggu (surat keterangan dokter)."), ("p_next_steps", "Kunjungan rumah minggu ini.")];
        assert_eq!(pk.post_form(&post, &rewritten).await.status, 303);

        // Approved, it is issued to the prosecutor with a copy to the court (B8).
        let approved = head.post_form(&review, &[("report", &id), ("p_approve", "yes"), ("p_review_note", "")]).await;
        assert_eq!(approved.status, 303);
        assert!(approved.location().contains("done=progress_report_approved"));
        let (doc,): (i64,) = sqlx::query_as("SELECT document_id FROM progress_reports WHERE id = $1").bind(id.parse::<i64>().unwrap()).fetch_one(app.db.store.pool()).await.unwrap();
        let mut jaksa = app.signed_in("jaksa.bdg").await;
        assert!(jaksa.get("/").await.body.contains("Laporan perkembangan pembimbingan"), "in the prosecutor's inbox");
        let text = karya_testkit::pdf_text(&jaksa.get_bytes(&format!("/cases/{}/letters/{doc}", case.0)).await);
        let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
        for expected in ["Laporan Perkembangan Pembimbingan Kemasyarakatan", "Yth. Kepala Kejaksaan Negeri", "tertinggal", "surat keterangan dokter", "Tembusan:", "Ketua Pengadilan Negeri"] {
            assert!(text.contains(expected), "{expected} in the report: {text}");
        }
        assert_eq!(app.signed_in("registrasi.bdg").await.get(&format!("/cases/{}/letters/{doc}", case.0)).await.status, 403);
        assert!(!head.get("/").await.body.contains("Periksa laporan perkembangan"), "reviewed");
        assert_eq!(app.count("SELECT COUNT(*) FROM audit_events WHERE action LIKE 'progress_report.%'").await, 4);
    }

    async fn the_demo_issues_the_litmas_and_a_progress_report_to_the_prosecutor_S8_B8(db) {
        let app = TestApp::with_demo(db).await;
        karya_web::demo::cases::load_office(&app.db.store, "bdg").await.unwrap();
        karya_web::demo::documents::issue_in(&app.state, "bdg").await.unwrap();
        assert_eq!(app.count("SELECT COUNT(*) FROM issued_documents WHERE kind = 'litmas_prosecutor'").await, 3, "repeat work, prison and the fine, accepted");
        assert_eq!(app.count("SELECT COUNT(*) FROM issued_documents WHERE kind = 'tpp_minutes'").await, 1, "the TPP session's minutes, signed");
        assert_eq!(app.count("SELECT COUNT(*) FROM examinations WHERE tpp_session_id IS NOT NULL AND recommendation IS NOT NULL").await, 2, "both outcomes recorded in the session");
        assert_eq!(app.count("SELECT COUNT(*) FROM issued_documents WHERE kind = 'progress_report'").await, 1);
        assert_eq!(app.count("SELECT COUNT(*) FROM progress_reports WHERE stage = 'submitted'").await, 1, "the next waits for the head");
        let inbox = app.signed_in("jaksa.bdg").await.get("/").await.body;
        assert!(inbox.contains("Litmas untuk Jaksa") && inbox.contains("Laporan perkembangan pembimbingan"), "{inbox}");
        assert!(app.signed_in("kabapas.bdg").await.get("/").await.body.contains("Periksa laporan perkembangan pembimbingan (S4)"));
    }
}

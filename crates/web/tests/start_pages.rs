//! Each role's start page is its work list (issue 13, item 1), on both engines: what waits
//! for the user, with counts and a link to the place to act; a PK sees only the cases they
//! carry; a terminated case waits for nobody; the client sees their hours and today's
//! schedule; the prosecutor the documents about their office's cases; a manager a summary.

use karya_store::documents::{self, ToIssue};
use karya_store::{orgs, users};
use karya_testkit::{TestApp, on_both_engines};
use karya_web::demo::cases::load_office;

/// The work list's group on the page: "label (count)".
fn group(body: &str, label: &str, count: usize) -> bool {
    body.contains(&format!("{label} <span class=\"count\">({count})</span>"))
}

on_both_engines! {
    async fn each_office_role_sees_the_tasks_the_domain_puts_on_it(db) {
        let app = TestApp::with_demo(db).await;
        load_office(&app.db.store, "bdg").await.unwrap();
        let head = app.signed_in("kabapas.bdg").await.get("/").await.body;
        assert!(group(&head, "Disposisi: tunjuk PK", 1), "{head}");
        assert!(group(&head, "Setujui Litmas dan rencana pembimbingan", 1), "{head}");
        assert!(group(&head, "Putuskan hasil pemeriksaan", 1), "{head}");
        assert!(group(&head, "Terbitkan surat pengakhiran", 1), "T2: every hour credited: {head}");
        let katu = app.signed_in("katu.bdg").await.get("/").await.body;
        assert!(group(&katu, "Siapkan surat perintah penunjukan PK", 1), "{katu}");
        assert!(katu.contains("#appointment\""), "one click to the appointment: {katu}");
        let intake = app.signed_in("pendaftaran.bdg").await.get("/").await.body;
        assert!(group(&intake, "Periksa kelengkapan berkas putusan", 1), "D1: {intake}");
        assert!(group(&intake, "Berkas belum lengkap: tunggu kelengkapannya", 1), "D3: {intake}");
        let registry = app.signed_in("registrasi.bdg").await.get("/").await.body;
        assert!(group(&registry, "Daftarkan Klien di buku register", 1), "G1: {registry}");
        assert!(group(&registry, "Catat kehadiran Klien yang dipanggil", 1), "I3: {registry}");
        assert!(registry.contains("/register\""), "the register form is one click away");
        let pk = app.signed_in("pk.bdg").await.get("/").await.body;
        assert!(group(&pk, "Susun Litmas dan rencana pembimbingan", 1), "{pk}");
        assert!(group(&pk, "Tempatkan Klien", 1), "{pk}");
        assert!(pk.contains("Laporan harian menunggu diakui"), "B5: {pk}");
        assert!(pk.contains("Berisiko tidak selesai tepat waktu"), "L6: {pk}");
        assert!(!pk.contains("Periksa kelengkapan berkas"), "the intake desk's work is not the PK's");
        // Oldest first: within a group, the earlier decision comes first.
        let at_risk = &pk[pk.find("Berisiko tidak selesai tepat waktu <span").unwrap()..];
        let dates: Vec<&str> = at_risk.match_indices("sejak ").take(2).map(|(i, _)| &at_risk[i..i + 20]).collect();
        assert_eq!(dates.len(), 2, "{at_risk}");
    }

    async fn a_pk_sees_only_the_cases_they_carry_and_an_ended_case_waits_for_nobody(db) {
        let app = TestApp::with_demo(db).await;
        load_office(&app.db.store, "bdg").await.unwrap();
        load_office(&app.db.store, "mks").await.unwrap();
        // The Makassar PK's list has Makassar's cases and none of Bandung's.
        let mks = app.signed_in("pk.mks").await.get("/").await.body;
        assert!(mks.contains("PN Mks"), "{mks}");
        assert!(!mks.contains("PN Bdg"), "{mks}");
        // Terminated cases (completed, died, sanctioned) are in no list.
        let registry = app.signed_in("registrasi.bdg").await.get("/").await.body;
        let ended: Vec<(String,)> = sqlx::query_as(
            "SELECT c.decision_number FROM cases c JOIN offices o ON o.id = c.office_id WHERE o.code = 'bdg' AND c.status = 'terminated'",
        ).fetch_all(app.db.store.pool()).await.unwrap();
        assert_eq!(ended.len(), 3);
        for (number,) in ended {
            assert!(!registry.contains(&number), "ended case {number} offered for a client login: {registry}");
        }
    }

    async fn the_supervisor_the_client_the_prosecutor_and_managers_see_their_own_start(db) {
        let app = TestApp::with_demo(db).await;
        load_office(&app.db.store, "bdg").await.unwrap();
        let pj = app.signed_in("pj.bdg").await.get("/").await.body;
        assert!(pj.contains("Klien yang dijadwalkan hari ini") && pj.contains("href=\"/verifikasi\""), "{pj}");
        let client = app.signed_in("klien.bdg").await.get("/").await.body;
        assert!(client.contains("Sisa jam") && client.contains("Batas waktu"), "{client}");
        assert!(client.contains("Lapor kegiatan hari ini"), "the report button: {client}");
        assert!(!client.contains("akan tampil di sini"), "no placeholder: {client}");
        // A letter issued about a Bandung case reaches the Bandung prosecutor's start page.
        let case: (i64,) = sqlx::query_as(
            "SELECT c.id FROM cases c JOIN offices o ON o.id = c.office_id WHERE o.code = 'bdg' AND c.status = 'serving' ORDER BY c.id LIMIT 1",
        ).fetch_one(app.db.store.pool()).await.unwrap();
        let case = karya_store::ids::CaseId(case.0);
        let office = orgs::office_by_code(&app.db.store, "bdg").await.unwrap();
        let head = users::user_by_username(&app.db.store, "kabapas.bdg").await.unwrap();
        let doc = ToIssue {
            office: office.id(), office_code: "bdg", case: Some(case), kind: "assignment",
            number_format: "W.11.PAS.{office}-PK.01.05-{seq}/{year}", issued_on: "2026-11-20".parse().unwrap(), by: head.id,
            fingerprint: "surat perintah 1".into(),
        };
        let access = karya_testkit::open_as(&app.db.store, "kabapas.bdg", karya_domain::Permission::IssueLetters, case).await.unwrap();
        let issued = documents::issue(&app.db.store, &access, karya_domain::Permission::IssueLetters, &doc, |number, _| {
            Ok(format!("%PDF-1.7 Surat perintah {number}").into_bytes())
        }).await.unwrap();
        let jaksa = app.signed_in("jaksa.bdg").await.get("/").await.body;
        assert!(jaksa.contains(&issued.number), "{jaksa}");
        assert!(jaksa.contains(&format!("/cases/{}/letters/", case.0)), "one click to the letter");
        let other = app.signed_in("jaksa.mks").await.get("/").await.body;
        assert!(!other.contains(&issued.number), "another Kejaksaan does not see it");
        for manager in ["kanwil.jabar", "ditjenpas"] {
            let body = app.signed_in(manager).await.get("/").await.body;
            assert!(body.contains("Perkara dalam cakupan Anda"), "{manager}: {body}");
            assert!(body.contains("Menjalani pidana kerja sosial"), "{manager}: {body}");
            assert!(!body.contains("akan tampil di sini"), "{manager}: no placeholder");
        }
    }
}

on_both_engines! {
    async fn the_history_and_the_audit_trail_say_who_did_what_and_when_in_words(db) {
        let app = TestApp::with_demo(db).await;
        load_office(&app.db.store, "bdg").await.unwrap();
        let (case,): (i64,) = sqlx::query_as(
            "SELECT c.id FROM cases c JOIN offices o ON o.id = c.office_id WHERE o.code = 'bdg' AND c.status = 'serving' ORDER BY c.id LIMIT 1",
        ).fetch_one(app.db.store.pool()).await.unwrap();
        let mut head = app.signed_in("kabapas.bdg").await;
        let page = head.get(&format!("/cases/{case}")).await.body;
        let history = &page[page.find("history-heading").expect("a history")..];
        assert!(history.contains("Pembimbing Kemasyarakatan (PK) Bandung (Pembimbing Kemasyarakatan (PK))"), "who, by name and role: {history}");
        assert!(history.contains("<strong>Status perkara menjadi Menjalani pidana kerja sosial</strong>"), "what, in words: {history}");
        assert!(history.contains("<strong>Putusan dicatat, perkara dibuka</strong>"), "{history}");
        assert!(history.contains(" WIB · "), "when, in the office's zone: {history}");
        assert!(history.contains("<summary>Data mentah untuk auditor</summary><code>#"), "the head reads the audit trail: the raw event is beside each line");
        let pk_page = app.signed_in("pk.bdg").await.get(&format!("/cases/{case}")).await.body;
        assert!(!pk_page.contains("Data mentah untuk auditor"), "a PK is no auditor");
        let audit = head.get("/audit").await.body;
        assert!(audit.contains("Laporan harian dicatat") || audit.contains("Jam laporan harian diakui PK"), "{audit}");
        assert!(audit.contains("Data mentah untuk auditor") && audit.contains("attendance."), "the raw event stays for auditors");
        assert!(!audit.contains("Tindakan tercatat ("), "every act the demo performs has its sentence: {audit}");
        // The trail pages with a visible total and filters by the kind of act; nothing is
        // cut without a word.
        let (bdg,): (i64,) = sqlx::query_as("SELECT id FROM offices WHERE code = 'bdg'").fetch_one(app.db.store.pool()).await.unwrap();
        let total = app.count(&format!("SELECT COUNT(*) FROM audit_events WHERE office_id = {bdg}")).await;
        assert!(total > 100, "the demo office has more than a page of events: {total}");
        assert!(audit.contains(&format!("Menampilkan 100 peristiwa dari {total} yang sesuai")), "{audit}");
        let older = audit.split("href=\"/audit?before=").nth(1).expect("a link to older events");
        let before: i64 = older.split('"').next().unwrap().parse().unwrap();
        let page_two = head.get(&format!("/audit?before={before}")).await.body;
        assert!(page_two.contains("Kembali ke yang terbaru") && !page_two.contains(&format!("<td data-label=\"#\">{before}</td>")), "the next page starts below the last shown");
        let supervision = head.get("/audit?kind=supervision").await.body;
        let matching = app.count(&format!("SELECT COUNT(*) FROM audit_events WHERE office_id = {bdg} AND action LIKE 'supervision.%'")).await;
        assert!(supervision.contains(&format!("dari {matching} yang sesuai")) && !supervision.contains("attendance."), "only supervision acts: {supervision}");
        assert_eq!(head.get("/audit?kind=x%27%20OR%201%3D1").await.status, 200, "an unknown kind is no filter, never SQL");
    }
}

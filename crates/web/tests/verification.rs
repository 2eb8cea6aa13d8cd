//! The public verification page on both engines: a known code shows the number, date and
//! office and whether the file is intact, and never the client; an unknown code says so.

use karya_store::documents::{self, ToIssue};
use karya_store::{orgs, users};
use karya_testkit::{TestApp, on_both_engines};
use karya_web::demo::cases::serving_case;

on_both_engines! {
    async fn a_verified_letter_shows_its_number_and_office_but_nothing_personal(db) {
        let app = TestApp::with_demo(db).await;
        let case = serving_case(&app.db.store, "bdg", 40, 10, Some("klien.bdg")).await.unwrap();
        let office = orgs::office_by_code(&app.db.store, "bdg").await.unwrap();
        let head = users::user_by_username(&app.db.store, "kabapas.bdg").await.unwrap();
        let doc = ToIssue {
            office: office.id(), office_code: "bdg", case: Some(case), kind: "summons",
            number_format: "W.11.PAS.{office}-PK.01.05-{seq}/{year}", issued_on: "2026-11-20".parse().unwrap(), by: head.id,
            fingerprint: "surat panggilan 1".into(),
        };
        let access = karya_testkit::open_as(&app.db.store, "kabapas.bdg", karya_domain::Permission::IssueLetters, case).await.unwrap();
        let issued = documents::issue(&app.db.store, &access, karya_domain::Permission::IssueLetters, &doc, |number, _| {
            Ok(format!("%PDF-1.7 Surat panggilan {number} untuk Andi Saputra").into_bytes())
        }).await.unwrap();
        let mut visitor = app.anonymous();
        let page = visitor.get(&format!("/v/{}", issued.code)).await;
        assert_eq!(page.status, 200);
        assert!(page.body.contains(&issued.number));
        assert!(page.body.contains("Balai Pemasyarakatan Kelas I Bandung"));
        assert!(page.body.contains("20 November 2026"));
        assert!(page.body.contains("isinya tidak berubah"));
        assert!(!page.body.contains("Andi Saputra"), "the client is never shown");
        let unknown = visitor.get("/v/0123456789abcdef0123").await;
        assert_eq!(unknown.status, 404);
        assert!(unknown.body.contains("Kode verifikasi ini tidak dikenal"));
        assert_eq!(visitor.get("/v/'%20OR%201=1").await.status, 404);
    }
}

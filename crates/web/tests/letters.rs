//! Letters on both engines: the head issues a summons and an assignment order from the case
//! page; the PDFs read back (pdftotext) with the office letterhead, the number from the
//! office's sequence, the client and the signer; the QR link verifies; issuing again makes a
//! new version with a new number.

use karya_store::{orgs, users};
use karya_testkit::{TestApp, on_both_engines, pdf_text};
use karya_web::demo::cases::serving_case;

/// The links the case page offers: (download, verify) of each issued letter.
fn links(page: &str) -> Vec<(String, String)> {
    let mut found = Vec::new();
    for part in page.split("<li class=\"card\">").skip(1) {
        let href = |marker: &str| {
            let start = part.find(marker)? + marker.len();
            Some(part[start..].split('"').next()?.to_owned())
        };
        if let (Some(download), Some(verify)) = (href("<a href=\"/cases/"), href("<a href=\"/v/")) {
            found.push((format!("/cases/{download}"), format!("/v/{verify}")));
        }
    }
    found
}

on_both_engines! {
    async fn the_head_issues_an_assignment_order_that_reads_back_and_verifies(db) {
        let app = TestApp::with_demo(db).await;
        let case = serving_case(&app.db.store, "bdg", 40, 10, None).await.unwrap();
        let mut head = app.signed_in("kabapas.bdg").await;
        let path = format!("/cases/{}", case.0);
        let issued = head.post_form(&format!("{path}/letters"), &[("kind", "assignment")]).await;
        assert_eq!(issued.status, 303, "{}", issued.body);
        let page = head.get(&path).await.body;
        let letters = links(&page);
        assert_eq!(letters.len(), 1, "one letter listed");
        let pdf = head.get_bytes(&letters[0].0).await;
        assert!(pdf.starts_with(b"%PDF"));
        let text = pdf_text(&pdf);
        let office = orgs::office_by_code(&app.db.store, "bdg").await.unwrap();
        for expected in ["BALAI PEMASYARAKATAN KELAS I BANDUNG", "KANTOR WILAYAH JAWA BARAT", "W.11.PAS.PAS.BDG-PK.01.05-0001/", "Pembimbing Kemasyarakatan (PK) Bandung", "Kepala Bapas Bandung", "NIP 19800101200501"] {
            assert!(text.contains(expected), "{expected} in:\n{text}");
        }
        assert!(text.contains(&format!("/v/{}", &letters[0].1[3..])), "the QR text carries the verification link");
        let verified = app.anonymous().get(&letters[0].1).await;
        assert_eq!(verified.status, 200);
        assert!(verified.body.contains("isinya tidak berubah") && verified.body.contains(&office.name));
        assert!(!verified.body.contains("Pembimbing Kemasyarakatan (PK) Bandung"), "nothing personal on the public page");

        let again = head.post_form(&format!("{path}/letters"), &[("kind", "assignment")]).await;
        assert_eq!(again.status, 303);
        let page = head.get(&path).await.body;
        assert!(page.contains("-0002/") && page.contains("versi 2"), "a new version with the next number");
        let (reads,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM audit_events WHERE action = 'document.read'").fetch_one(app.db.store.pool()).await.unwrap();
        assert_eq!(reads, 1, "downloading a letter is audited");
    }

    async fn a_summons_letter_follows_the_summons_and_a_pk_cannot_issue_letters(db) {
        let app = TestApp::with_demo(db).await;
        let case = serving_case(&app.db.store, "bdg", 40, 10, None).await.unwrap();
        let path = format!("/cases/{}", case.0);
        let mut head = app.signed_in("kabapas.bdg").await;
        let refused = head.post_form(&format!("{path}/letters"), &[("kind", "summons")]).await;
        assert_eq!(refused.status, 400, "no summons was issued for this case");
        let mut pk = app.signed_in("pk.bdg").await;
        assert_eq!(pk.post_form(&format!("{path}/letters"), &[("kind", "assignment")]).await.status, 403);
        let head_user = users::user_by_username(&app.db.store, "kabapas.bdg").await.unwrap();
        assert!(head_user.roles.iter().any(|r| r.as_str() == "head_of_office"));
    }
}

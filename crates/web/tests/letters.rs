//! Letters on both engines: the head issues a summons and an assignment order from the case
//! page; the PDFs read back (pdftotext) with the office letterhead, the number from the
//! office's sequence and its official code, the client and the signer; the QR link verifies
//! with the letter's own date; issuing the same letter again takes no new number, a changed
//! one makes a new version with the next.

use karya_store::{orgs, users};
use karya_testkit::{TestApp, on_both_engines, pdf_text};
use karya_web::demo::cases::serving_case;

fn pairs(fields: &[(String, String)]) -> Vec<(&str, &str)> {
    fields
        .iter()
        .map(|(k, v)| (k.as_str(), v.as_str()))
        .collect()
}

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
        assert!(again.location().contains("done=letter_unchanged"), "{}", again.location());
        let page = head.get(again.location()).await.body;
        assert!(page.contains("tidak diberi nomor baru") && !page.contains("-0002/") && !page.contains("versi 2"), "the same letter, not a second number");
        // The office's official code, set by the administrator, is a change: the next
        // number, written with it.
        let mut admin = app.signed_in("admin").await;
        let form_page = admin.get(&format!("/admin/offices/{}", office.id)).await.body;
        let form = karya_testkit::html_forms::post_forms(&form_page).into_iter().find(|f| f.action == format!("/admin/offices/{}", office.id)).unwrap();
        let mut fields: Vec<(String, String)> = form.fields.iter()
            .filter(|f| f.name != "_csrf" && f.name != "letter_code" && f.kind != "radio")
            .map(|f| (f.name.clone(), f.value.clone()))
            .collect();
        fields.push(("time_zone".into(), "Asia/Jakarta".into()));
        fields.push(("letter_code".into(), "PAS 14".into()));
        let send = |fields: &[(String, String)]| fields.iter().map(|(k, v)| (k.clone(), v.clone())).collect::<Vec<_>>();
        let refused = admin.post_form(&format!("/admin/offices/{}", office.id), &pairs(&send(&fields))).await;
        assert_eq!(refused.status, 422);
        assert!(refused.body.contains("titik, tanda hubung atau garis miring") && refused.body.contains("PAS 14"), "refused, and kept as typed");
        fields.last_mut().unwrap().1 = "PAS.14".into();
        let saved = admin.post_form(&format!("/admin/offices/{}", office.id), &pairs(&send(&fields))).await;
        assert_eq!(saved.status, 303, "{}", saved.body);
        assert_eq!(head.post_form(&format!("{path}/letters"), &[("kind", "assignment")]).await.status, 303);
        let page = head.get(&path).await.body;
        assert!(page.contains("W.11.PAS.PAS.PAS.14-PK.01.05-0002/") && page.contains("versi 2"), "a new version with the next number and the official code");
        let (reads,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM audit_events WHERE action = 'document.read'").fetch_one(app.db.store.pool()).await.unwrap();
        assert_eq!(reads, 1, "downloading a letter is audited");
    }

    async fn a_summons_letter_carries_the_summons_date_and_its_verification_page_the_same(db) {
        let app = TestApp::with_demo(db).await;
        let case = karya_web::demo::cases::case_at(&app.db.store, "bdg", karya_web::demo::cases::Stage::AwaitingClient, 40, 9).await.unwrap();
        let (summoned_on,): (String,) = sqlx::query_as("SELECT issued_on FROM summonses WHERE case_id = $1 ORDER BY number DESC").bind(case.0).fetch_one(app.db.store.pool()).await.unwrap();
        let mut head = app.signed_in("kabapas.bdg").await;
        let path = format!("/cases/{}", case.0);
        assert_eq!(head.post_form(&format!("{path}/letters"), &[("kind", "summons")]).await.status, 303);
        let (issued_on,): (String,) = sqlx::query_as("SELECT issued_on FROM issued_documents WHERE case_id = $1 AND kind = 'summons'").bind(case.0).fetch_one(app.db.store.pool()).await.unwrap();
        assert_eq!(issued_on, summoned_on, "the letter's date is the summons' date");
        let letters = links(&head.get(&path).await.body);
        let text = pdf_text(&head.get_bytes(&letters[0].0).await);
        let day: jiff::civil::Date = summoned_on.parse().unwrap();
        let printed = karya_web::views::date(karya_web::i18n::Lang::Id, day);
        assert!(text.contains(&printed), "{printed} in the letter:\n{text}");
        assert!(app.anonymous().get(&letters[0].1).await.body.contains(&printed), "and on its verification page");
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

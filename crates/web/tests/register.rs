//! The register on both engines: G1 data are required and every missing item is named; a
//! person who may already be in the system is shown before anyone is added, and choosing them
//! links the case instead of duplicating the person (G3); the book numbers per office and year
//! and its CSV cannot run formulas in a spreadsheet.

use karya_testkit::{TestApp, on_both_engines};
use karya_web::demo::cases::assigned_case;

fn person<'a>(name: &'a str, nik: &'a str) -> Vec<(&'a str, &'a str)> {
    vec![
        ("full_name", name),
        ("nik", nik),
        ("birth_place", "Bandung"),
        ("birth_date", "1990-05-15"),
        ("sex", "male"),
        ("address", "Jalan Contoh 1"),
        ("district_code", "32.73.01"),
        ("occupation", "Wiraswasta"),
        ("father_name", "Budi"),
        ("mother_name", "Siti"),
        ("tattoos", "Naga di lengan kanan"),
    ]
}

on_both_engines! {
    async fn a_childs_identity_is_masked_in_lists_outside_the_case_page(db) {
        let app = TestApp::with_demo(db).await;
        let case = karya_web::demo::cases::case_at(&app.db.store, "bdg", karya_web::demo::cases::Stage::Registered, 60, 12).await.unwrap();
        let (name, date_final): (String, String) = sqlx::query_as(
            "SELECT p.full_name, c.date_final FROM cases c JOIN persons p ON p.id = c.person_id WHERE c.id = $1")
            .bind(case.0).fetch_one(app.db.store.pool()).await.unwrap();
        // Sixteen on the day the decision became final: a child (UU 11/2012).
        let decided: jiff::civil::Date = date_final.parse().unwrap();
        let born = decided.checked_sub(jiff::Span::new().years(16)).unwrap();
        sqlx::query("UPDATE persons SET birth_date = $1 WHERE id = (SELECT person_id FROM cases WHERE id = $2)")
            .bind(born.to_string()).bind(case.0).execute(app.db.store.pool()).await.unwrap();
        let initials = karya_domain::child::listed_name(&name, true);
        let mut head = app.signed_in("kabapas.bdg").await;
        let list = head.get("/cases").await.body;
        assert!(list.contains(&initials) && !list.contains(&name), "the case list shows {initials}, not the name");
        let page = head.get(&format!("/cases/{}", case.0)).await.body;
        assert!(page.contains(&name), "the case page keeps the full identity");
        let mut registry = app.signed_in("registrasi.bdg").await;
        let book = registry.get("/register").await.body;
        assert!(book.contains(&initials) && !book.contains(&name), "the register book masks a child");
    }

    async fn the_registry_enters_a_person_and_the_book_numbers_it_G1_G2(db) {
        let app = TestApp::with_demo(db).await;
        let case = assigned_case(&app.db.store, "bdg", 5).await.unwrap();
        let mut registry = app.signed_in("registrasi.bdg").await;
        let form = registry.get(&format!("/cases/{}/register", case.0)).await;
        assert_eq!(form.status, 200);
        let missing = registry.post_form(&format!("/cases/{}/register", case.0), &[("full_name", "Agus")]).await;
        assert_eq!(missing.status, 422);
        for field in ["#birth_place", "#birth_date", "#address", "#occupation", "#father_name", "#mother_name"] {
            assert!(missing.body.contains(&format!("href=\"{field}\"")), "{field} is named");
        }
        let saved = registry.post_form(&format!("/cases/{}/register", case.0), &person("Agus Prasetyo", "3273011505900001")).await;
        assert_eq!(saved.status, 303, "{}", saved.body);
        let book = registry.get("/register").await;
        assert!(book.body.contains("Agus Prasetyo") && book.body.contains("3273011505900001"));
        let year = karya_domain::calendar::local_date(karya_testkit::test_now(), &karya_domain::OfficeZone::Wib.time_zone()).year();
        assert!(book.body.contains(&format!(">1/{year}<")), "number 1 of the year");
        let page = registry.get(&format!("/cases/{}", case.0)).await;
        assert!(page.body.contains(&format!("<span class=\"badge status\">{}</span>", karya_domain::CaseStatus::Registered.label_id())), "registered");
        assert_eq!(app.count("SELECT COUNT(*) FROM register_entries").await, 1);
        let (tattoos,): (String,) = sqlx::query_as("SELECT tattoos FROM persons WHERE nik = '3273011505900001'").fetch_one(app.db.store.pool()).await.unwrap();
        assert_eq!(tattoos, "Naga di lengan kanan", "G2 features kept");
    }

    async fn an_invalid_nik_is_refused_and_a_disagreeing_one_is_only_a_warning_G1(db) {
        let app = TestApp::with_demo(db).await;
        let case = assigned_case(&app.db.store, "bdg", 5).await.unwrap();
        let mut registry = app.signed_in("registrasi.bdg").await;
        let invalid = registry.post_form(&format!("/cases/{}/register", case.0), &person("Agus", "12345")).await;
        assert_eq!(invalid.status, 422);
        assert!(invalid.body.contains("G1"));
        // Born 15 May 1990 in the form, but the NIK says 15 May 1991: recorded, with a warning shown on the way.
        let mut fields = person("Agus", "3273011505910001");
        fields.retain(|(k, _)| *k != "district_code");
        let saved = registry.post_form(&format!("/cases/{}/register", case.0), &fields).await;
        assert_eq!(saved.status, 303);
    }

    async fn the_same_person_is_found_and_updated_not_duplicated_G3(db) {
        let app = TestApp::with_demo(db).await;
        let first = assigned_case(&app.db.store, "bdg", 5).await.unwrap();
        let second = assigned_case(&app.db.store, "bdg", 6).await.unwrap();
        let mut registry = app.signed_in("registrasi.bdg").await;
        registry.post_form(&format!("/cases/{}/register", first.0), &person("Agus Prasetyo", "3273011505900001")).await;
        let persons_before = app.count("SELECT COUNT(*) FROM persons").await;
        let intake_record: (i64,) = sqlx::query_as("SELECT person_id FROM cases WHERE id = $1").bind(second.0).fetch_one(app.db.store.pool()).await.unwrap();
        let shown = registry.post_form(&format!("/cases/{}/register", second.0), &person("AGUS  PRASETYO", "3273011505900001")).await;
        assert_eq!(shown.status, 422, "candidates are shown before saving");
        assert!(shown.body.contains("Orang yang mungkin sama sudah tercatat"));
        let mut as_new = person("Agus Prasetyo", "3273011505900001");
        as_new.push(("person_choice", "new"));
        let refused = registry.post_form(&format!("/cases/{}/register", second.0), &as_new).await;
        assert_eq!(refused.status, 422, "an identical NIK is never a new person");
        assert!(refused.body.contains("G3") && refused.body.contains("sudah tercatat"), "{}", refused.body);
        assert_eq!(app.count("SELECT COUNT(*) FROM persons").await, persons_before, "nothing written");
        let existing: (i64,) = sqlx::query_as("SELECT id FROM persons WHERE nik = '3273011505900001'").fetch_one(app.db.store.pool()).await.unwrap();
        let existing_id = existing.0.to_string();
        let mut fields = person("Agus Prasetyo", "3273011505900001");
        fields.push(("person_choice", &existing_id));
        let saved = registry.post_form(&format!("/cases/{}/register", second.0), &fields).await;
        assert_eq!(saved.status, 303, "{}", saved.body);
        let (linked,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM cases WHERE person_id = $1").bind(existing.0).fetch_one(app.db.store.pool()).await.unwrap();
        assert_eq!(linked, 2, "both cases belong to the one person");
        assert_eq!(app.count("SELECT COUNT(*) FROM persons").await, persons_before - 1, "no new person, and the intake's record of the same person is gone");
        let (left_behind,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM persons WHERE id = $1").bind(intake_record.0).fetch_one(app.db.store.pool()).await.unwrap();
        assert_eq!(left_behind, 0, "no orphan person row");
        assert_eq!(app.count("SELECT COUNT(*) FROM register_entries").await, 2, "the book numbers both cases");
    }

    async fn the_csv_export_cannot_run_formulas_and_a_pk_cannot_register(db) {
        let app = TestApp::with_demo(db).await;
        let case = assigned_case(&app.db.store, "bdg", 5).await.unwrap();
        let mut pk = app.signed_in("pk.bdg").await;
        assert_eq!(pk.post_form(&format!("/cases/{}/register", case.0), &person("X", "")).await.status, 403);
        let mut registry = app.signed_in("registrasi.bdg").await;
        registry.post_form(&format!("/cases/{}/register", case.0), &person("=HYPERLINK(\"http://x\")", "")).await;
        let csv = registry.get("/register.csv").await;
        assert_eq!(csv.status, 200);
        assert!(csv.headers["content-type"].to_str().unwrap().starts_with("text/csv"));
        assert!(csv.body.contains("\"'=HYPERLINK(\"\"http://x\"\")\""), "{}", csv.body);
        // Issue 13, item 10: Indonesian headings, the G1 fields, the status in words and
        // real dates.
        for expected in ["\"No. Register\"", "\"Nama ayah\"", "\"Nama ibu\"", "\"Tindak pidana\"", "\"Budi\"", "\"Siti\"", "\"Pasal 476 UU 1/2023 (pencurian)\"", "\"Tercatat di buku register\"", ",1990-05-15,"] {
            assert!(csv.body.contains(expected), "{expected} in {}", csv.body);
        }
        assert!(!csv.body.contains("registered"), "no status code: {}", csv.body);
        let xlsx = registry.get_bytes("/register.xlsx").await;
        assert_eq!(&xlsx[..2], b"PK", "a workbook");
        assert_eq!(app.signed_in("pj.bdg").await.get("/register").await.status, 403, "not the supervisor's book");
    }
}

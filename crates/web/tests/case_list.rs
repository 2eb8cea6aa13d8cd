//! The case list (issue 13, items 10–11) on both engines: every case, open ones first, in
//! pages of a hundred that say how many there are; filters by state, PK and risk; a search
//! by name sent in the body, never in the address; hours and dates in the list's short form.

use karya_testkit::{TestApp, on_both_engines};
use karya_web::demo::cases::{Stage, case_at, load_office};

fn rows(body: &str) -> usize {
    body.matches("<tr").count().saturating_sub(1)
}

on_both_engines! {
    async fn the_list_shows_open_cases_first_with_filters_and_a_search(db) {
        let app = TestApp::with_demo(db).await;
        load_office(&app.db.store, "bdg").await.unwrap();
        let mut head = app.signed_in("kabapas.bdg").await;
        let all = head.get("/cases").await;
        assert_eq!(all.status, 200);
        assert!(all.body.contains("Menampilkan 1–19 dari 19 perkara"), "{}", all.body);
        let first_ended = all.body.find("class=\"ended\"").expect("ended rows are listed");
        let last_open = all.body.rfind("<tr><td").unwrap();
        assert!(last_open < first_ended, "open cases come first");
        assert!(all.body.contains(" j / "), "hours as 12 j 30 m / 80 j");
        let ended = head.get("/cases?status=ended").await.body;
        assert_eq!(rows(&ended), 3, "{ended}");
        let serving = head.get("/cases?status=serving").await.body;
        // Two of the demo's serving cases are under examination (S6) and listed as such.
        assert_eq!(rows(&serving), 2);
        let examined = head.get("/cases?status=under_examination").await.body;
        assert_eq!(rows(&examined), 4, "{examined}");
        let at_risk = head.get("/cases?risk=1").await.body;
        // The demo's clients behind their pace: those whose violations are examined, and one
        // whose pace ends after the window; the others are on track, done or overdue.
        assert!(rows(&at_risk) >= 1 && rows(&at_risk) < 5, "{at_risk}");
        assert!(!at_risk.contains("Sesuai jadwal"), "only cases at risk: {at_risk}");
        let found = head.post_form("/cases/search", &[("q", "agus")]).await;
        assert_eq!(found.status, 200);
        assert!(found.body.contains("Agus Prasetyo"), "case-insensitive search");
        assert!(!found.body.contains("Budi Santoso"));
        assert_eq!(rows(&found.body), 1);
        let by_number = head.post_form("/cases/search", &[("q", "103/Pid.B"), ("status", "open")]).await;
        assert_eq!(rows(&by_number.body), 1);
        // Nonsense filters filter nothing and break nothing.
        assert_eq!(head.get("/cases?status=%27;DROP&page=-3&pk=x").await.status, 200);
    }

    async fn the_list_pages_through_every_case_of_a_busy_office(db) {
        let app = TestApp::with_demo(db).await;
        for n in 0..105 {
            case_at(&app.db.store, "bdg", Stage::Received, 40, 1 + n % 30).await.unwrap();
        }
        let mut head = app.signed_in("kabapas.bdg").await;
        let first = head.get("/cases").await.body;
        assert!(first.contains("Menampilkan 1–100 dari 105 perkara"), "{first}");
        assert_eq!(rows(&first), 100);
        assert!(first.contains("href=\"/cases?page=2\""), "a link to the next page");
        let second = head.get("/cases?page=2").await.body;
        assert!(second.contains("Menampilkan 101–105 dari 105 perkara"), "{second}");
        assert_eq!(rows(&second), 5);
    }
}

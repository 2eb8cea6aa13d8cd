//! The form pattern, idempotent submission, optimistic locking, bad input of every kind,
//! security headers, language switching and the API's error shape, on both engines.

use karya_store::orgs;
use karya_testkit::{TestApp, on_both_engines};

/// The offices of the demo (Bandung, Bogor, Makassar, Jayapura).
const DEMO_OFFICES: i64 = 4;

fn office_fields<'a>(
    code: &'a str,
    name: &'a str,
    region: &'a str,
    version: &'a str,
    once: &'a str,
) -> Vec<(&'a str, &'a str)> {
    vec![
        ("code", code),
        ("name", name),
        ("region_id", region),
        ("address", "Jalan Contoh No. 9"),
        ("phone", "(021) 555-0909"),
        ("email", "bapas.baru@contoh.go.id"),
        ("time_zone", "Asia/Jakarta"),
        ("version", version),
        ("_once", once),
    ]
}

async fn region_id(app: &TestApp) -> String {
    orgs::list_regions(&app.db.store).await.unwrap()[0]
        .id
        .to_string()
}

on_both_engines! {
    async fn an_invalid_form_comes_back_with_the_values_and_linked_errors(db) {
        let app = TestApp::with_demo(db).await;
        let mut admin = app.signed_in("admin").await;
        let response = admin.post_form("/admin/offices", &[
            ("code", "Bad Code!"), ("name", ""), ("region_id", "999"), ("address", "Jalan Contoh"),
            ("phone", ""), ("email", "not-an-email"), ("time_zone", "Europe/Paris"), ("version", "0"),
        ]).await;
        assert_eq!(response.status, 422);
        for message in ["Gunakan 2–20 huruf kecil, angka atau tanda hubung.", "Wajib diisi.", "Pilih Kantor Wilayah.",
                        "Alamat e-mail tidak valid.", "Pilih WIB, WITA atau WIT."] {
            assert!(response.body.contains(message), "{message}");
        }
        assert!(response.body.contains("href=\"#code\""));
        assert!(response.body.contains("aria-describedby=\"email-error\""));
        assert!(response.body.contains("value=\"Bad Code!\""), "the user's value is kept");
        assert!(response.body.contains("value=\"Jalan Contoh\""));
        assert_eq!(app.count("SELECT COUNT(*) FROM offices").await, DEMO_OFFICES, "nothing written");
    }

    async fn creating_an_office_writes_it_and_its_audit_event_together(db) {
        let app = TestApp::with_demo(db).await;
        let mut admin = app.signed_in("admin").await;
        let form = admin.get("/admin/offices/new").await;
        let once = form.hidden("_once").unwrap();
        let region = region_id(&app).await;
        let response = admin.post_form("/admin/offices", &office_fields("grt", "Balai Pemasyarakatan Kelas II Garut", &region, "0", &once)).await;
        assert_eq!(response.status, 303);
        assert_eq!(response.location(), "/admin/offices?saved=1");
        let office = orgs::office_by_code(&app.db.store, "grt").await.unwrap();
        let (actor, object): (String, String) = sqlx::query_as(
            "SELECT actor_username, object_id FROM audit_events WHERE action = 'office.create' ORDER BY seq DESC LIMIT 1")
            .fetch_one(app.db.store.pool()).await.unwrap();
        assert_eq!(actor, "admin");
        assert_eq!(object, office.id.to_string());
        assert!(admin.get("/admin/offices?saved=1").await.body.contains("Perubahan tersimpan."));
    }

    async fn the_same_form_sent_twice_writes_once(db) {
        let app = TestApp::with_demo(db).await;
        let mut admin = app.signed_in("admin").await;
        let once = admin.get("/admin/offices/new").await.hidden("_once").unwrap();
        let region = region_id(&app).await;
        let fields = office_fields("sbg", "Balai Pemasyarakatan Subang", &region, "0", &once);
        let first = admin.post_form("/admin/offices", &fields).await;
        let second = admin.post_form("/admin/offices", &fields).await;
        assert_eq!(first.status, 303);
        assert_eq!(second.status, 303);
        assert_eq!(second.location(), first.location(), "the resend is sent where the first went");
        assert_eq!(app.count("SELECT COUNT(*) FROM offices").await, DEMO_OFFICES + 1);
        assert_eq!(app.count("SELECT COUNT(*) FROM audit_events WHERE action = 'office.create'").await, DEMO_OFFICES + 1);
    }

    async fn a_duplicate_code_is_refused_and_nothing_is_half_written(db) {
        let app = TestApp::with_demo(db).await;
        let mut admin = app.signed_in("admin").await;
        let once = admin.get("/admin/offices/new").await.hidden("_once").unwrap();
        let events_before = app.count("SELECT COUNT(*) FROM audit_events").await;
        let region = region_id(&app).await;
        let response = admin.post_form("/admin/offices", &office_fields("bdg", "Kantor kembar", &region, "0", &once)).await;
        assert_eq!(response.status, 422);
        assert!(response.body.contains("Kode ini sudah dipakai."));
        assert_eq!(app.count("SELECT COUNT(*) FROM offices").await, DEMO_OFFICES);
        assert_eq!(app.count("SELECT COUNT(*) FROM audit_events").await, events_before, "no audit of a write that did not happen");
    }

    async fn a_stale_edit_is_refused_and_shows_the_latest_values(db) {
        let app = TestApp::with_demo(db).await;
        let office = orgs::office_by_code(&app.db.store, "bdg").await.unwrap();
        let path = format!("/admin/offices/{}", office.id);
        let mut first = app.signed_in("admin").await;
        let mut second = app.signed_in("admin").await;
        let version = first.get(&path).await.hidden("version").unwrap();
        assert_eq!(second.get(&path).await.hidden("version").unwrap(), version);
        let region = office.region_id.to_string();
        let saved = first.post_form(&path, &office_fields("bdg", "Nama dari editor pertama", &region, &version, "")).await;
        assert_eq!(saved.status, 303);
        let stale = second.post_form(&path, &office_fields("bdg", "Nama dari editor kedua", &region, &version, "")).await;
        assert_eq!(stale.status, 422);
        assert!(stale.body.contains("telah diubah orang lain"));
        assert!(stale.body.contains("Nama dari editor pertama"), "the latest values are shown");
        assert_eq!(orgs::office_by_code(&app.db.store, "bdg").await.unwrap().name, "Nama dari editor pertama");
    }

    async fn sql_and_html_metacharacters_are_stored_as_text_and_shown_escaped(db) {
        let app = TestApp::with_demo(db).await;
        let mut admin = app.signed_in("admin").await;
        let once = admin.get("/admin/offices/new").await.hidden("_once").unwrap();
        let region = region_id(&app).await;
        let nasty = "<script>alert('x')</script>\"; DROP TABLE offices; --";
        let response = admin.post_form("/admin/offices", &office_fields("x-1", nasty, &region, "0", &once)).await;
        assert_eq!(response.status, 303);
        assert_eq!(orgs::office_by_code(&app.db.store, "x-1").await.unwrap().name, nasty);
        let list = admin.get("/admin/offices").await;
        assert!(!list.body.contains("<script>alert"));
        assert!(list.body.contains("&lt;script&gt;") || list.body.contains("&#60;script&#62;"));
        assert_eq!(app.count("SELECT COUNT(*) FROM offices").await, DEMO_OFFICES + 1);
    }

    async fn malformed_requests_get_a_clear_page_and_never_a_panic(db) {
        let app = TestApp::with_demo(db).await;
        let mut admin = app.signed_in("admin").await;
        let csrf = admin.csrf.clone().unwrap();
        // Invalid UTF-8, percent-encoded and raw; control characters; a wrong content type.
        let bodies: Vec<(&str, Vec<u8>)> = vec![
            ("application/x-www-form-urlencoded", format!("_csrf={csrf}&code=%FF%FE&name=%C0").into_bytes()),
            ("application/x-www-form-urlencoded", [format!("_csrf={csrf}&name=").into_bytes(), vec![0xff, 0xfe, 0x00]].concat()),
            ("application/x-www-form-urlencoded", format!("_csrf={csrf}&code=ab&name=a%00b%07").into_bytes()),
            ("application/json", format!("{{\"_csrf\":\"{csrf}\"}}").into_bytes()),
            ("application/x-www-form-urlencoded", format!("_csrf={csrf}&version=abc").into_bytes()),
        ];
        for (content_type, body) in bodies {
            let response = admin.post_raw("/admin/offices", content_type, body).await;
            assert!(response.status.is_client_error(), "{content_type}: {}", response.status);
            assert!(response.headers["content-type"].to_str().unwrap().starts_with("text/html"));
        }
        assert_eq!(app.count("SELECT COUNT(*) FROM offices").await, DEMO_OFFICES, "nothing half-written");
    }

    async fn an_oversized_body_is_refused_with_413(db) {
        let app = TestApp::with_demo(db).await;
        let mut admin = app.signed_in("admin").await;
        let body = format!("_csrf={}&name={}", admin.csrf.clone().unwrap(), "a".repeat(2 * 1024 * 1024)).into_bytes();
        let response = admin.post_raw("/admin/offices", "application/x-www-form-urlencoded", body).await;
        assert_eq!(response.status, 413);
        assert!(response.body.contains("Data yang dikirim terlalu besar."));
    }

    async fn a_form_without_its_csrf_token_is_refused(db) {
        let app = TestApp::with_demo(db).await;
        let mut admin = app.signed_in("admin").await;
        admin.csrf = Some("forged".into());
        let region = region_id(&app).await;
        let response = admin.post_form("/admin/offices", &office_fields("zz", "Palsu", &region, "0", "")).await;
        assert_eq!(response.status, 403);
        assert!(response.body.contains("Formulir ini kedaluwarsa."));
        assert_eq!(app.count("SELECT COUNT(*) FROM offices").await, DEMO_OFFICES);
    }

    async fn unknown_pages_answer_404_in_the_users_language(db) {
        let app = TestApp::with_demo(db).await;
        let mut visitor = app.anonymous();
        let page = visitor.get("/tidak/ada").await;
        assert_eq!(page.status, 404);
        assert!(page.body.contains("Halaman tidak ditemukan"));
        let api = visitor.get("/api/v1/tidak-ada").await;
        assert_eq!(api.status, 404);
        assert_eq!(api.headers["content-type"], "application/problem+json");
        let problem = api.json();
        assert_eq!(problem["status"], 404);
        assert_eq!(problem["request_id"].as_str().unwrap().len(), 16);
    }

    async fn every_response_carries_the_security_headers(db) {
        let app = TestApp::with_demo(db).await;
        let mut visitor = app.anonymous();
        for path in ["/login", "/", "/tidak-ada", "/assets/app.css"] {
            let response = visitor.get(path).await;
            let csp = response.headers["content-security-policy"].to_str().unwrap();
            assert!(csp.contains("frame-ancestors 'none'") && csp.contains("script-src 'self'"), "{path}");
            assert!(!csp.contains("unsafe-inline"), "{path}");
            assert_eq!(response.headers["x-content-type-options"], "nosniff", "{path}");
            assert_eq!(response.headers["referrer-policy"], "same-origin", "{path}");
            assert!(response.headers.contains_key("x-request-id"), "{path}");
        }
    }

    async fn the_language_switch_works_before_and_after_login(db) {
        let app = TestApp::with_demo(db).await;
        let mut visitor = app.anonymous();
        visitor.csrf = visitor.get("/login").await.hidden("_csrf");
        let switched = visitor.post_form("/bahasa", &[("lang", "en"), ("next", "/login")]).await;
        assert_eq!(switched.status, 303);
        assert_eq!(switched.location(), "/login");
        let english = visitor.get("/login").await;
        assert!(english.body.contains("lang=\"en\"") && english.body.contains("Log in"));
        let mut pk = app.signed_in("pk.bdg").await;
        pk.post_form("/bahasa", &[("lang", "en"), ("next", "https://evil.example")]).await;
        let home = pk.get("/").await;
        assert!(home.body.contains("Welcome, "));
        let user = karya_store::users::user_by_username(&app.db.store, "pk.bdg").await.unwrap();
        assert_eq!(user.language, "en", "kept on the account");
    }

    async fn the_openapi_document_is_3_1_and_describes_problems_with_rules(db) {
        let app = TestApp::with_demo(db).await;
        let doc = app.anonymous().get("/api/v1/openapi.json").await.json();
        assert_eq!(doc["openapi"], "3.1.0");
        assert!(doc["paths"]["/api/v1/me"]["get"].is_object());
        assert!(doc["components"]["schemas"]["Problem"]["properties"]["rule"].is_object());
        assert_eq!(doc["components"]["securitySchemes"]["bearer"]["scheme"], "bearer");
    }

    async fn creating_staff_audits_without_the_password(db) {
        let app = TestApp::with_demo(db).await;
        let mut head = app.signed_in("kabapas.bdg").await;
        let form = head.get("/admin/staff/new").await;
        let once = form.hidden("_once").unwrap();
        let office = orgs::office_by_code(&app.db.store, "bdg").await.unwrap().id.to_string();
        let response = head.post_form("/admin/staff", &[
            ("username", "pk2.bdg"), ("display_name", "Dewi Anggraini"), ("nip", "198501012010012001"),
            ("office_id", &office), ("password", "kata sandi awal"), ("roles", "pk"), ("roles", "tpp_member"),
            ("roles", "head_of_office"), ("version", "0"), ("_once", &once),
        ]).await;
        assert_eq!(response.status, 303);
        let user = karya_store::users::user_by_username(&app.db.store, "pk2.bdg").await.unwrap();
        let roles: Vec<&str> = user.roles.iter().map(|r| r.as_str()).collect();
        assert_eq!(roles, ["pk", "tpp_member"], "a head of office cannot appoint another head");
        let (summary,): (String,) = sqlx::query_as("SELECT summary FROM audit_events WHERE action = 'user.create' ORDER BY seq DESC LIMIT 1")
            .fetch_one(app.db.store.pool()).await.unwrap();
        assert!(summary.contains("pk2.bdg"));
        assert!(!summary.contains("argon2") && !summary.contains("kata sandi"));
    }

    async fn health_readiness_and_metrics_answer(db) {
        let app = TestApp::with_demo(db).await;
        let mut ops = app.anonymous();
        assert_eq!(ops.get("/healthz").await.body, "ok");
        assert_eq!(ops.get("/readyz").await.body, "ready");
        ops.get("/login").await;
        let metrics = ops.get("/metrics").await.body;
        assert!(metrics.contains("karya_http_requests_total{method=\"GET\",status=\"200\"}"));
        assert!(metrics.contains("karya_audit_events "));
    }

    async fn metrics_need_their_token_when_one_is_configured(db) {
        let config = karya_web::WebConfig { metrics_token: Some("rahasia-pemantau-0123".into()), ..karya_web::WebConfig::default() };
        let app = TestApp::with_demo_and(db, config).await;
        assert_eq!(app.anonymous().get("/metrics").await.status, 404, "without the token");
        let mut scraper = app.anonymous();
        scraper.bearer = Some("tebakan".into());
        assert_eq!(scraper.get("/metrics").await.status, 404, "with a wrong token");
        scraper.bearer = Some("rahasia-pemantau-0123".into());
        let answered = scraper.get("/metrics").await;
        assert_eq!(answered.status, 200);
        assert!(answered.body.contains("karya_audit_events "));
    }
}

//! Logging in and out, sessions and their limits, lockout, password change and API tokens,
//! on both engines.

use karya_store::{sessions, users};
use karya_testkit::{TestApp, on_both_engines};
use karya_web::WebConfig;
use karya_web::demo::DEMO_PASSWORD;

const SESSION: &str = karya_web::auth::SESSION_COOKIE;

async fn sessions_of(app: &TestApp, username: &str) -> i64 {
    let user = users::user_by_username(&app.db.store, username)
        .await
        .unwrap();
    sessions::count_for_user(&app.db.store, user.id)
        .await
        .unwrap()
}

on_both_engines! {
    async fn a_demo_user_logs_in_and_gets_a_new_http_only_session(db) {
        let app = TestApp::with_demo(db).await;
        let mut browser = app.anonymous();
        let login_page = browser.get("/login").await;
        assert_eq!(login_page.status, 200);
        assert!(login_page.body.contains("lang=\"id\""), "Indonesian by default");
        let response = browser.log_in("pk.bdg", DEMO_PASSWORD).await;
        assert_eq!(response.status, 303);
        let set_cookie = response.headers.get_all("set-cookie").iter()
            .map(|v| v.to_str().unwrap().to_owned()).find(|c| c.starts_with(SESSION)).unwrap();
        assert!(set_cookie.contains("HttpOnly") && set_cookie.contains("SameSite=Lax"), "{set_cookie}");
        let home = browser.get("/").await;
        assert_eq!(home.status, 200);
        assert!(home.body.contains("Selamat datang, Pembimbing Kemasyarakatan (PK) Bandung."));
    }

    async fn a_planted_session_id_is_replaced_at_login(db) {
        let app = TestApp::with_demo(db).await;
        let mut browser = app.anonymous();
        let planted = "f".repeat(64);
        browser.cookies.push((SESSION.to_owned(), planted.clone()));
        assert_eq!(browser.log_in("pk.bdg", DEMO_PASSWORD).await.status, 303);
        let issued = browser.cookie(SESSION).unwrap().to_owned();
        assert_ne!(issued, planted);
        let mut other_device = app.anonymous();
        other_device.log_in("pk.bdg", DEMO_PASSWORD).await;
        assert_ne!(other_device.cookie(SESSION).unwrap(), issued, "every login gets its own id");
        assert_eq!(sessions_of(&app, "pk.bdg").await, 2);
    }

    async fn a_wrong_password_and_an_unknown_user_get_the_same_answer(db) {
        let app = TestApp::with_demo(db).await;
        let mut browser = app.anonymous();
        let wrong = browser.log_in("pk.bdg", "not the password").await;
        let unknown = browser.log_in("nobody.here", "not the password").await;
        assert_eq!(wrong.status, 422);
        assert_eq!(unknown.status, 422);
        for page in [&wrong, &unknown] {
            assert!(page.body.contains("Nama pengguna atau kata sandi salah."));
            assert!(page.body.contains("href=\"#username\""), "the error summary links to the field");
        }
        assert!(unknown.body.contains("value=\"nobody.here\""), "the typed username is kept");
        assert!(!wrong.body.contains("not the password"), "a password is never echoed");
    }

    async fn a_refused_login_form_can_simply_be_sent_again_from_the_page_it_returned(db) {
        let app = TestApp::with_demo(db).await;
        let mut browser = app.anonymous();
        let wrong = browser.log_in("pk.bdg", "not the password").await;
        assert_eq!(wrong.status, 422);
        // The re-rendered form carries a token that still works (it was empty before, and the
        // second try was refused as an expired form).
        browser.resubmit_from(&wrong);
        let again = browser.post_form("/login", &[("username", "pk.bdg"), ("password", DEMO_PASSWORD), ("next", "/")]).await;
        assert_eq!(again.status, 303, "{}", again.body);
        assert_eq!(sessions_of(&app, "pk.bdg").await, 1);
    }

    async fn parallel_wrong_passwords_cannot_outrun_the_lockout(db) {
        let app = TestApp::with_demo(db).await;
        // 19 wrong passwords sent at once, each checked while the others are in flight.
        let attempts = (0..19).map(|_| {
            let mut browser = app.anonymous();
            async move { browser.log_in("kabapas.bdg", "wrong password").await.status }
        });
        for status in futures_util::future::join_all(attempts).await {
            assert_eq!(status, 422);
        }
        let right = app.anonymous().log_in("kabapas.bdg", DEMO_PASSWORD).await;
        assert_eq!(right.status, 422, "19 wrong passwords at once lock the account like 19 in a row");
        assert!(right.body.contains("Terlalu banyak percobaan gagal"));
        assert_eq!(sessions_of(&app, "kabapas.bdg").await, 0);
    }

    async fn five_failures_lock_a_username_even_one_that_does_not_exist(db) {
        let app = TestApp::with_demo(db).await;
        for username in ["kabapas.bdg", "ghost.user"] {
            let mut browser = app.anonymous();
            for _ in 0..5 {
                browser.log_in(username, "wrong password").await;
            }
            let locked = browser.log_in(username, DEMO_PASSWORD).await;
            assert_eq!(locked.status, 422, "{username}");
            assert!(locked.body.contains("Terlalu banyak percobaan gagal. Coba lagi dalam 15 menit."), "{username}");
        }
        assert_eq!(sessions_of(&app, "kabapas.bdg").await, 0);
    }

    async fn a_guesser_elsewhere_cannot_lock_the_user_out_and_one_address_cannot_try_every_account(db) {
        let config = karya_web::WebConfig { trusted_proxy: Some("127.0.0.1".parse().unwrap()), ..karya_web::WebConfig::default() };
        let app = TestApp::with_demo_and(db, config).await;
        let mut guesser = app.anonymous().from_address("203.0.113.9");
        for _ in 0..5 {
            assert_eq!(guesser.log_in("kabapas.bdg", "wrong password").await.status, 422);
        }
        let refused = guesser.log_in("kabapas.bdg", DEMO_PASSWORD).await;
        assert!(refused.body.contains("Terlalu banyak percobaan gagal"), "the guesser's address is locked for this user");
        let mut head = app.anonymous().from_address("10.20.0.5");
        assert_eq!(head.log_in("kabapas.bdg", DEMO_PASSWORD).await.status, 303, "the head logs in from the office");
        // One address guessing across a hundred usernames is stopped, whatever the names.
        let mut sweeper = app.anonymous().from_address("198.51.100.7");
        for n in 0..100 {
            sweeper.log_in(&format!("tebakan{n}"), "wrong password").await;
        }
        let swept = sweeper.log_in("pk.bdg", DEMO_PASSWORD).await;
        assert_eq!(swept.status, 422, "the sweeping address is locked");
        assert_eq!(app.anonymous().from_address("10.20.0.6").log_in("pk.bdg", DEMO_PASSWORD).await.status, 303, "and nobody else is");
    }

    async fn logout_ends_the_session(db) {
        let app = TestApp::with_demo(db).await;
        let mut browser = app.signed_in("pk.bdg").await;
        let stolen_cookie = browser.cookie(SESSION).unwrap().to_owned();
        let out = browser.post_form("/logout", &[]).await;
        assert_eq!(out.status, 303);
        assert_eq!(out.location(), "/login?bye=1");
        assert_eq!(sessions_of(&app, "pk.bdg").await, 0);
        let mut replay = app.anonymous();
        replay.cookies.push((SESSION.to_owned(), stolen_cookie));
        assert_eq!(replay.get("/").await.status, 303, "the old cookie opens nothing");
    }

    async fn disabling_a_user_ends_their_sessions_and_blocks_login(db) {
        let app = TestApp::with_demo(db).await;
        let mut victim = app.signed_in("pk.bdg").await;
        assert_eq!(victim.get("/").await.status, 200);
        let mut head = app.signed_in("kabapas.bdg").await;
        let id = users::user_by_username(&app.db.store, "pk.bdg").await.unwrap().id;
        let response = head.post_form(&format!("/admin/staff/{id}/status"), &[("disabled", "1")]).await;
        assert_eq!(response.status, 303);
        assert_eq!(victim.get("/").await.status, 303, "sent back to the login page");
        assert_eq!(app.anonymous().log_in("pk.bdg", DEMO_PASSWORD).await.status, 422);
    }

    async fn a_session_idle_past_its_limit_ends(db) {
        let app = TestApp::with_demo(db).await;
        let mut browser = app.signed_in("pk.bdg").await;
        let idle = app.state.config.sessions.idle_ms;
        sqlx::query("UPDATE sessions SET last_seen_ms = last_seen_ms - $1")
            .bind(idle + 1_000).execute(app.db.store.pool()).await.unwrap();
        let response = browser.get("/profile").await;
        assert_eq!(response.status, 303);
        assert_eq!(response.location(), "/login?next=%2Fprofile");
        assert_eq!(sessions_of(&app, "pk.bdg").await, 0);
    }

    async fn a_session_older_than_its_absolute_limit_ends_even_when_busy(db) {
        let mut config = WebConfig::default();
        config.sessions.absolute_ms = 60 * 60_000;
        let app = TestApp::with_demo_and(db, config).await;
        let mut browser = app.signed_in("pk.bdg").await;
        sqlx::query("UPDATE sessions SET created_ms = created_ms - $1")
            .bind(61 * 60_000_i64).execute(app.db.store.pool()).await.unwrap();
        assert_eq!(browser.get("/").await.status, 303);
    }

    async fn changing_the_password_ends_other_sessions_and_keeps_this_one(db) {
        let app = TestApp::with_demo(db).await;
        let mut here = app.signed_in("pk.bdg").await;
        let mut elsewhere = app.signed_in("pk.bdg").await;
        let refused = here.post_form("/profile/password", &[
            ("current_password", DEMO_PASSWORD), ("new_password", "pendek"), ("confirm_password", "lain"),
        ]).await;
        assert_eq!(refused.status, 422);
        assert!(refused.body.contains("Kata sandi paling sedikit 10 karakter."));
        assert!(refused.body.contains("Kedua kata sandi tidak sama."));
        for (weak, message) in [("1234567890", "terlalu umum"), ("Bismillah123", "terlalu umum"), ("pk.bdg-rahasia-saya", "nama pengguna atau nama Anda")] {
            let refused = here.post_form("/profile/password", &[
                ("current_password", DEMO_PASSWORD), ("new_password", weak), ("confirm_password", weak),
            ]).await;
            assert_eq!(refused.status, 422, "{weak}");
            assert!(refused.body.contains(message), "{weak}: {message}");
        }
        let done = here.post_form("/profile/password", &[
            ("current_password", DEMO_PASSWORD),
            ("new_password", "sebuah kalimat rahasia"),
            ("confirm_password", "sebuah kalimat rahasia"),
        ]).await;
        assert_eq!(done.status, 303);
        assert_eq!(here.get("/profile").await.status, 200);
        assert_eq!(elsewhere.get("/profile").await.status, 303);
        assert_eq!(app.anonymous().log_in("pk.bdg", "sebuah kalimat rahasia").await.status, 303);
    }

    async fn the_current_password_on_a_change_is_throttled_like_a_login(db) {
        let app = TestApp::with_demo(db).await;
        let mut here = app.signed_in("pk.bdg").await;
        let change = |current: &'static str| [("current_password", current), ("new_password", "sebuah kalimat rahasia"), ("confirm_password", "sebuah kalimat rahasia")];
        for _ in 0..5 {
            let wrong = here.post_form("/profile/password", &change("tebakan-salah-saja")).await;
            assert_eq!(wrong.status, 422);
        }
        let locked = here.post_form("/profile/password", &change(DEMO_PASSWORD)).await;
        assert_eq!(locked.status, 422, "even the right password waits once the guesses ran out");
        assert!(locked.body.contains("Terlalu banyak kata sandi salah"), "{}", locked.body);
        assert_eq!(app.anonymous().log_in("pk.bdg", DEMO_PASSWORD).await.status, 422, "and the login is locked too: the same count");
    }

    async fn an_api_token_acts_as_its_owner_until_revoked(db) {
        let app = TestApp::with_demo(db).await;
        let mut api = app.api_as("pk.bdg").await;
        let me = api.get("/api/v1/me").await;
        assert_eq!(me.status, 200);
        let me = me.json();
        assert_eq!(me["username"], "pk.bdg");
        assert_eq!(me["roles"], serde_json::json!(["pk"]));
        assert_eq!(me["scopes"][0]["scope"], "office");
        let user = users::user_by_username(&app.db.store, "pk.bdg").await.unwrap();
        let token = karya_store::tokens::list(&app.db.store, user.id).await.unwrap()[0].id;
        let actor = karya_store::Actor::system("test");
        karya_store::tokens::revoke(&app.db.store, &actor, user.id, token).await.unwrap();
        let refused = api.get("/api/v1/me").await;
        assert_eq!(refused.status, 401);
        assert_eq!(refused.json()["type"], "/problems/unauthenticated");
    }

    async fn an_api_token_expires_and_disabling_its_owner_revokes_it_for_good(db) {
        let app = TestApp::with_demo(db).await;
        let mut api = app.api_as("pk.bdg").await;
        assert_eq!(api.get("/api/v1/me").await.status, 200);
        app.db.clock.advance(jiff::SignedDuration::from_hours(24 * karya_store::tokens::DEFAULT_DAYS + 1));
        assert_eq!(api.get("/api/v1/me").await.status, 401, "a token stops after its days");
        let mut fresh = app.api_as("pk.bdg").await;
        assert_eq!(fresh.get("/api/v1/me").await.status, 200);
        let id = users::user_by_username(&app.db.store, "pk.bdg").await.unwrap().id;
        let mut head = app.signed_in("kabapas.bdg").await;
        assert_eq!(head.post_form(&format!("/admin/staff/{id}/status"), &[("disabled", "1")]).await.status, 303);
        assert_eq!(head.post_form(&format!("/admin/staff/{id}/status"), &[("disabled", "0")]).await.status, 303);
        assert_eq!(app.anonymous().log_in("pk.bdg", DEMO_PASSWORD).await.status, 303, "the user is enabled again");
        assert_eq!(fresh.get("/api/v1/me").await.status, 401, "re-enabling the user does not revive the token");
    }

    async fn a_session_cookie_does_not_open_the_api(db) {
        let app = TestApp::with_demo(db).await;
        let mut browser = app.signed_in("admin").await;
        assert_eq!(browser.get("/api/v1/me").await.status, 401);
    }

    async fn the_login_itself_is_audited(db) {
        let app = TestApp::with_demo(db).await;
        app.anonymous().log_in("pk.bdg", DEMO_PASSWORD).await;
        app.anonymous().log_in("pk.bdg", "wrong password").await;
        let actions: Vec<(String,)> = sqlx::query_as(
            "SELECT action FROM audit_events WHERE action LIKE 'session.%' ORDER BY seq")
            .fetch_all(app.db.store.pool()).await.unwrap();
        let actions: Vec<&str> = actions.iter().map(|(a,)| a.as_str()).collect();
        assert_eq!(actions, ["session.login", "session.login_failed"]);
    }
}

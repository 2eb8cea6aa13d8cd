//! The staff second factor (issue 12, item 8), on both engines: who must enrol, enrolment
//! with a QR code and recovery codes, a login that waits for its code, replay and expiry,
//! recovery codes, and the administrator's audited reset.

use jiff::SignedDuration;
use karya_store::{second_factor, sessions, users};
use karya_testkit::app::Client;
use karya_testkit::{TestApp, on_both_engines};
use karya_web::WebConfig;
use karya_web::demo::DEMO_PASSWORD;

/// The configuration a production server starts with: the second factor is required.
fn required() -> WebConfig {
    WebConfig {
        require_second_factor: true,
        ..WebConfig::default()
    }
}

async fn sessions_of(app: &TestApp, username: &str) -> i64 {
    let user = users::user_by_username(&app.db.store, username)
        .await
        .unwrap();
    sessions::count_for_user(&app.db.store, user.id)
        .await
        .unwrap()
}

/// The code the user's authenticator app shows now (by the injected clock).
async fn code_now(app: &TestApp, username: &str) -> String {
    let (secret,): (Option<String>,) =
        sqlx::query_as("SELECT totp_secret FROM users WHERE username = $1")
            .bind(username)
            .fetch_one(app.db.store.pool())
            .await
            .unwrap();
    let seconds = u64::try_from(app.db.store.now_ms() / 1000).unwrap();
    second_factor::code_at(&secret.expect("a secret"), seconds).unwrap()
}

/// Enrols `browser`'s user (signed in) and returns the recovery codes shown once.
async fn enrol(app: &TestApp, browser: &mut Client, username: &str) -> Vec<String> {
    assert_eq!(
        browser.post_form("/profile/two-factor", &[]).await.status,
        303
    );
    let pending = browser.get("/profile/two-factor").await;
    assert!(pending.body.contains("<svg"), "a QR code to scan");
    assert!(pending.body.contains("Kunci (untuk diketik)"));
    let code = code_now(app, username).await;
    let done = browser
        .post_form("/profile/two-factor/confirm", &[("code", &code)])
        .await;
    assert_eq!(done.status, 200, "{}", done.body);
    assert!(done.body.contains("Kode pemulihan"));
    let codes: Vec<String> = done
        .body
        .split("<li><code>")
        .skip(1)
        .map(|rest| rest.split('<').next().unwrap().to_owned())
        .collect();
    assert_eq!(codes.len(), second_factor::RECOVERY_CODES);
    codes
}

on_both_engines! {
    async fn the_head_of_office_enrols_before_any_other_page_and_then_logs_in_with_a_code(db) {
        let app = TestApp::with_demo_and(db, required()).await;
        let mut head = app.signed_in("kabapas.bdg").await;
        let blocked = head.get("/cases").await;
        assert_eq!(blocked.status, 303);
        assert_eq!(blocked.location(), "/profile/two-factor");
        let asked = head.get("/profile/two-factor").await;
        assert!(asked.body.contains("Peran Anda wajib memakai verifikasi dua langkah."));

        // A wrong first code keeps the enrolment waiting and says why.
        assert_eq!(head.post_form("/profile/two-factor", &[]).await.status, 303);
        let wrong = head.post_form("/profile/two-factor/confirm", &[("code", "12345")]).await;
        assert_eq!(wrong.status, 422);
        assert!(wrong.body.contains("Kode salah atau sudah dipakai."));
        assert!(wrong.body.contains("aria-invalid=\"true\""));
        let codes = enrol(&app, &mut head, "kabapas.bdg").await;
        assert_eq!(head.get("/cases").await.status, 200, "enrolled: the office's work opens");

        // The next login waits for the code: the password alone starts no session.
        head.post_form("/logout", &[]).await;
        let mut browser = app.anonymous();
        let password = browser.log_in("kabapas.bdg", DEMO_PASSWORD).await;
        assert_eq!(password.status, 303);
        assert_eq!(password.location(), "/login/kode");
        assert_eq!(sessions_of(&app, "kabapas.bdg").await, 0);
        assert_eq!(browser.get("/cases").await.location(), "/login?next=%2Fcases");
        assert_eq!(browser.get("/login/kode").await.status, 200);

        // The code used to enrol cannot be used again in the same 30 seconds.
        let replayed = browser.post_form("/login/kode", &[("code", &code_now(&app, "kabapas.bdg").await)]).await;
        assert_eq!(replayed.status, 422);
        assert_eq!(sessions_of(&app, "kabapas.bdg").await, 0);
        app.db.clock.advance(SignedDuration::from_secs(30));
        let code = code_now(&app, "kabapas.bdg").await;
        let signed = browser.post_form("/login/kode", &[("code", &code)]).await;
        assert_eq!(signed.status, 303);
        assert_eq!(signed.location(), "/");
        assert!(browser.cookie(karya_web::routes::login::CHALLENGE_COOKIE).is_none());
        assert_eq!(sessions_of(&app, "kabapas.bdg").await, 1);
        assert_eq!(browser.get("/cases").await.status, 200);
        assert_eq!(app.count("SELECT COUNT(*) FROM audit_events WHERE action = 'session.login' AND summary LIKE '%totp%'").await, 1);

        // A recovery code works once, and the page then says how many remain.
        let mut lost_phone = app.anonymous();
        lost_phone.log_in("kabapas.bdg", DEMO_PASSWORD).await;
        let recovered = lost_phone.post_form("/login/kode", &[("code", &codes[0].to_uppercase())]).await;
        assert_eq!(recovered.location(), "/profile/two-factor?recovery_used=1");
        let left = lost_phone.get(recovered.location()).await;
        assert!(left.body.contains("Sisa kode pemulihan: 9."), "{}", left.body);
        let mut again = app.anonymous();
        again.log_in("kabapas.bdg", DEMO_PASSWORD).await;
        assert_eq!(again.post_form("/login/kode", &[("code", &codes[0])]).await.status, 422);
        assert_eq!(app.count("SELECT COUNT(*) FROM audit_events WHERE action = 'session.second_factor_failed'").await, 2);
        assert_eq!(app.count("SELECT COUNT(*) FROM audit_events WHERE action = 'user.second_factor_enrol'").await, 1);
    }

    async fn a_login_waits_five_minutes_for_its_code_and_wrong_codes_lock_like_passwords(db) {
        let app = TestApp::with_demo_and(db, required()).await;
        let mut head = app.signed_in("kabapas.bdg").await;
        enrol(&app, &mut head, "kabapas.bdg").await;

        let mut late = app.anonymous();
        late.log_in("kabapas.bdg", DEMO_PASSWORD).await;
        app.db.clock.advance(SignedDuration::from_secs(5 * 60 + 1));
        let code = code_now(&app, "kabapas.bdg").await;
        let expired = late.post_form("/login/kode", &[("code", &code)]).await;
        assert_eq!(expired.status, 303);
        assert_eq!(expired.location(), "/login?expired=1");
        assert!(late.get("/login?expired=1").await.body.contains("Waktu untuk memasukkan kode sudah habis."));

        let mut guesser = app.anonymous();
        guesser.log_in("kabapas.bdg", DEMO_PASSWORD).await;
        for _ in 0..5 {
            assert_eq!(guesser.post_form("/login/kode", &[("code", "000000")]).await.status, 422);
        }
        let locked = guesser.post_form("/login/kode", &[("code", &code)]).await;
        assert_eq!(locked.status, 422);
        assert!(locked.body.contains("Terlalu banyak percobaan gagal."));
        assert_eq!(sessions_of(&app, "kabapas.bdg").await, 1, "only the enrolling session");
    }

    async fn a_pk_may_enrol_but_is_not_made_to_and_a_client_has_no_second_factor(db) {
        let app = TestApp::with_demo_and(db, required()).await;
        let mut pk = app.signed_in("pk.bdg").await;
        assert_eq!(pk.get("/cases").await.status, 200, "the PK is not held at the enrolment page");
        assert!(pk.get("/profile").await.body.contains("href=\"/profile/two-factor\""));
        enrol(&app, &mut pk, "pk.bdg").await;
        assert!(users::user_by_username(&app.db.store, "pk.bdg").await.unwrap().second_factor);

        let mut client = app.signed_in("klien.bdg").await;
        assert_eq!(client.post_form("/profile/two-factor", &[]).await.status, 403);
        let page = client.get("/profile/two-factor").await;
        assert!(page.body.contains("Verifikasi dua langkah tersedia untuk pegawai Bapas dan pengelola."));
        assert!(!client.get("/profile").await.body.contains("href=\"/profile/two-factor\""));
    }

    async fn the_administrator_resets_a_lost_second_factor_and_the_reset_is_audited(db) {
        let app = TestApp::with_demo(db).await;
        let mut head = app.signed_in("kabapas.bdg").await;
        enrol(&app, &mut head, "kabapas.bdg").await;
        let id = users::user_by_username(&app.db.store, "kabapas.bdg").await.unwrap().id.0;

        // The head of office manages staff but cannot remove anyone's second factor.
        let own_page = head.get(&format!("/admin/staff/{id}")).await;
        assert!(!own_page.body.contains("Atur ulang verifikasi dua langkah"));
        assert_eq!(head.post_form(&format!("/admin/staff/{id}/second-factor"), &[]).await.status, 403);

        let mut admin = app.signed_in("admin").await;
        assert!(admin.get(&format!("/admin/staff/{id}")).await.body.contains("Atur ulang verifikasi dua langkah"));
        assert_eq!(admin.post_form(&format!("/admin/staff/{id}/second-factor"), &[]).await.status, 303);
        assert_eq!(sessions_of(&app, "kabapas.bdg").await, 0, "the reset ends the user's sessions");
        assert_eq!(app.count("SELECT COUNT(*) FROM recovery_codes").await, 0);
        assert_eq!(app.count("SELECT COUNT(*) FROM audit_events WHERE action = 'user.second_factor_reset' AND actor_username = 'admin'").await, 1);
        let mut back = app.anonymous();
        assert_eq!(back.log_in("kabapas.bdg", DEMO_PASSWORD).await.location(), "/", "no code is asked any more");
    }
}

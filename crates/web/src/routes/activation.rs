//! Activating a client's login (issue 12, item 12): the registry hands the client a one-time
//! code, never a password; on any phone or office computer the client opens `/aktivasi`,
//! types the code and chooses their own password, and is signed in. The code works once, for
//! 72 hours; only its digest is stored; wrong codes are throttled per address.

use askama::Template;
use axum::Form;
use axum::extract::State;
use axum::http::HeaderMap;
use axum::response::Response;
use karya_store::users;
use serde::Deserialize;

use crate::app::AppState;
use crate::auth::{attempts, password};
use crate::error::WebError;
use crate::forms::FormErrors;
use crate::i18n::fill;
use crate::middleware::RequestId;
use crate::page::{Page, Ui, render, render_form};
use crate::routes::login::start_session;
use crate::routes::profile::password_refusal;

#[derive(Template)]
#[template(path = "activation.html")]
struct ActivationPage {
    page: Page,
    errors: FormErrors,
    code: String,
}

/// The stored form of a code: its letters and digits only, lowercase, then digested (people
/// type it with or without the dashes, in either case).
pub fn code_digest(code: &str) -> String {
    let normal: String = code
        .chars()
        .filter(char::is_ascii_alphanumeric)
        .map(|c| c.to_ascii_lowercase())
        .collect();
    karya_store::secret::digest(&format!("activation:{normal}"))
}

pub async fn form(ui: Ui) -> Result<Response, WebError> {
    render(&ActivationPage {
        page: ui.page(ui.t().activation_title),
        errors: FormErrors::default(),
        code: String::new(),
    })
}

#[derive(Deserialize)]
pub struct ActivationForm {
    #[serde(default)]
    code: String,
    #[serde(default)]
    new_password: String,
    #[serde(default)]
    confirm_password: String,
}

pub async fn submit(
    State(state): State<AppState>,
    ui: Ui,
    headers: HeaderMap,
    peer: attempts::Peer,
    request_id: axum::Extension<RequestId>,
    Form(form): Form<ActivationForm>,
) -> Result<Response, WebError> {
    let t = ui.t();
    let refuse = |errors: FormErrors| {
        render_form(
            &ActivationPage {
                page: ui.page(t.activation_title),
                errors,
                code: form.code.trim().to_owned(),
            },
            true,
        )
    };
    let now = state.store.now_ms();
    let address = attempts::address_of(&peer, &headers, state.config.trusted_proxy);
    // Codes are guessed per address: nobody elsewhere can block another client's activation.
    let subject = format!("activation@{address}");
    let attempt = attempts::Attempts::new(&subject, &address, state.config.login_throttle);
    let mut errors = FormErrors::default();
    if let Some(until) = attempt.reserve(&state.store, now).await? {
        let minutes = ((until - now + 59_999) / 60_000).to_string();
        errors.add("code", fill(t.login_locked, &[("minutes", &minutes)]));
        return refuse(errors);
    }
    let digest = code_digest(&form.code);
    let Some(user) = users::activation_user(&state.store, &digest).await? else {
        attempt.failed(&state.store, now).await?;
        errors.add("code", t.activation_code_wrong);
        return refuse(errors);
    };
    attempt.succeeded(&state.store).await?;
    if let Err(weakness) =
        password::check_strength(&form.new_password, &user.username, &user.display_name)
    {
        errors.add("new_password", password_refusal(t, weakness));
    }
    if form.new_password != form.confirm_password {
        errors.add("confirm_password", t.password_mismatch);
    }
    if !errors.is_empty() {
        return refuse(errors);
    }
    let hash = password::hash(form.new_password).await?;
    users::activate(&state.store, &digest, &user, &hash, &request_id.0.0).await?;
    // The profile page shows the username the client will log in with from now on.
    let detail = serde_json::json!({"activation": true});
    start_session(
        &state,
        &headers,
        &user,
        &request_id.0.0,
        "/profile?activated=1",
        detail,
    )
    .await
}

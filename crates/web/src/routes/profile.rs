//! The signed-in user's profile and password change. Changing the password ends every
//! other session of the account.

use askama::Template;
use axum::Form;
use axum::extract::{Query, State};
use axum::response::{IntoResponse, Redirect, Response};
use karya_store::users;
use serde::Deserialize;

use crate::app::AppState;
use crate::auth::{Authority, attempts, password};
use crate::error::WebError;
use crate::forms::FormErrors;
use crate::page::{Page, Ui, render, role_labels};

#[derive(Template)]
#[template(path = "profile.html")]
struct ProfilePage {
    page: Page,
    username: String,
    display_name: String,
    roles: Vec<&'static str>,
    errors: FormErrors,
    /// For staff: whether the second factor is on (a link to its page either way).
    second_factor: Option<bool>,
}

#[derive(Deserialize, Default)]
pub struct Notice {
    #[serde(default)]
    changed: Option<String>,
    #[serde(default)]
    must_change: Option<String>,
    #[serde(default)]
    activated: Option<String>,
}

fn profile_page(
    ui: &Ui,
    authority: &Authority,
    errors: FormErrors,
    notice: Option<&str>,
) -> Result<Response, WebError> {
    let t = ui.t();
    let user = authority.user();
    let mut response = render(&ProfilePage {
        page: ui.page(t.profile_title).with_notice(notice),
        username: user.username.clone(),
        display_name: user.display_name.clone(),
        roles: role_labels(authority, t),
        errors: errors.clone(),
        second_factor: user
            .roles
            .iter()
            .any(|role| role.may_use_second_factor())
            .then_some(user.second_factor),
    })?;
    if !errors.is_empty() {
        *response.status_mut() = axum::http::StatusCode::UNPROCESSABLE_ENTITY;
    }
    Ok(response)
}

pub async fn show(
    ui: Ui,
    authority: Authority,
    Query(notice): Query<Notice>,
) -> Result<Response, WebError> {
    let message = if notice.activated.is_some() {
        Some(ui.t().activation_done)
    } else if notice.changed.is_some() {
        Some(ui.t().password_changed)
    } else if notice.must_change.is_some() || authority.user().must_change_password {
        Some(ui.t().password_must_change)
    } else {
        None
    };
    profile_page(&ui, &authority, FormErrors::default(), message)
}

#[derive(Deserialize)]
pub struct PasswordForm {
    #[serde(default)]
    current_password: String,
    #[serde(default)]
    new_password: String,
    #[serde(default)]
    confirm_password: String,
}

pub async fn change_password(
    State(state): State<AppState>,
    ui: Ui,
    authority: Authority,
    headers: axum::http::HeaderMap,
    peer: attempts::Peer,
    Form(form): Form<PasswordForm>,
) -> Result<Response, WebError> {
    let t = ui.t();
    let user = authority.user();
    let mut errors = FormErrors::default();
    let stored = users::credentials_by_id(&state.store, user.id).await?;
    // The current password is checked like a login: counted before it is checked, so a
    // session left open is no way to guess it (issue 12, item 7).
    let now = state.store.now_ms();
    let address = attempts::address_of(&peer, &headers, state.config.trusted_proxy);
    let attempt = attempts::Attempts::new(&user.username, &address, state.config.login_throttle);
    if attempt.reserve(&state.store, now).await?.is_some() {
        errors.add("current_password", t.password_check_locked);
    } else if password::verify(form.current_password.clone(), Some(stored.password_hash)).await {
        attempt.succeeded(&state.store).await?;
    } else {
        attempt.failed(&state.store, now).await?;
        errors.add("current_password", t.password_wrong);
    }
    if let Err(weakness) =
        password::check_strength(&form.new_password, &user.username, &user.display_name)
    {
        errors.add("new_password", password_refusal(t, weakness));
    }
    if form.new_password != form.confirm_password {
        errors.add("confirm_password", t.password_mismatch);
    }
    if !errors.is_empty() {
        return profile_page(&ui, &authority, errors, None);
    }
    let hash = password::hash(form.new_password).await?;
    // Every user may change their own password: no permission but their own account.
    let actor = authority.self_actor();
    let keep = authority
        .caller()
        .session
        .as_ref()
        .map(|s| s.id_hash.as_str());
    users::set_password(&state.store, &actor, user.id, &hash, keep).await?;
    Ok(Redirect::to("/profile?changed=1").into_response())
}

/// The message for a refused new password.
pub(crate) fn password_refusal(
    t: &'static crate::i18n::Catalog,
    weakness: password::Weakness,
) -> &'static str {
    match weakness {
        password::Weakness::TooShort => t.password_too_short,
        password::Weakness::OwnName => t.password_is_username,
        password::Weakness::Common => t.password_common,
    }
}

//! Logging in and out. Failures are counted per username and per client address; unknown
//! usernames cost the same time and get the same answer as wrong passwords. A login always
//! starts a new session (a new id), and logging out deletes it.

use std::net::SocketAddr;

use askama::Template;
use axum::Form;
use axum::extract::{ConnectInfo, Query, State};
use axum::http::{HeaderMap, header};
use axum::response::{IntoResponse, Redirect, Response};
use karya_store::audit::Event;
use karya_store::{Actor, second_factor, sessions, users};
use serde::Deserialize;
use serde_json::json;

use crate::app::AppState;
use crate::auth::{Caller, SESSION_COOKIE, attempts, cookie_header, password};
use crate::error::WebError;
use crate::forms::FormErrors;
use crate::i18n::fill;
use crate::middleware::RequestId;
use crate::page::{self, Page, Ui, local_path, render};

#[derive(Template)]
#[template(path = "login.html")]
struct LoginPage {
    page: Page,
    errors: FormErrors,
    username: String,
    next: String,
}

#[derive(Deserialize, Default)]
pub struct LoginQuery {
    #[serde(default)]
    next: String,
    #[serde(default)]
    bye: Option<String>,
    /// The five minutes for the second factor ran out.
    #[serde(default)]
    expired: Option<String>,
}

pub async fn form(
    ui: Ui,
    caller: Option<axum::Extension<Caller>>,
    Query(query): Query<LoginQuery>,
) -> Result<Response, WebError> {
    if caller.is_some() {
        return Ok(Redirect::to(local_path(&query.next)).into_response());
    }
    let t = ui.t();
    let notice = if query.expired.is_some() {
        Some(t.login_code_expired)
    } else {
        query.bye.is_some().then_some(t.logged_out)
    };
    render(&LoginPage {
        page: ui.page(t.login_title).with_notice(notice),
        errors: FormErrors::default(),
        username: String::new(),
        next: local_path(&query.next).to_owned(),
    })
}

#[derive(Deserialize)]
pub struct LoginForm {
    #[serde(default)]
    username: String,
    #[serde(default)]
    password: String,
    #[serde(default)]
    next: String,
}

pub async fn submit(
    State(state): State<AppState>,
    ui: Ui,
    headers: HeaderMap,
    client: Option<axum::Extension<ConnectInfo<SocketAddr>>>,
    request_id: axum::Extension<RequestId>,
    Form(form): Form<LoginForm>,
) -> Result<Response, WebError> {
    let t = ui.t();
    let username = form.username.trim().to_lowercase();
    let next = local_path(&form.next).to_owned();
    let now = state.store.now_ms();
    let address = attempts::client_address(
        client.map(|c| c.0.0.ip()),
        &headers,
        state.config.trusted_proxy,
    );
    let attempt = attempts::Attempts::new(&username, &address, state.config.login_throttle);

    let refuse = |message: String| {
        let mut errors = FormErrors::default();
        errors.add("username", message);
        render(&LoginPage {
            page: ui.page(t.login_title),
            errors,
            username: form.username.trim().to_owned(),
            next: next.clone(),
        })
        .map(|mut response| {
            *response.status_mut() = axum::http::StatusCode::UNPROCESSABLE_ENTITY;
            response
        })
    };

    // The attempt is counted before the password is checked (parallel attempts each take a
    // place), then the user's own counts are cleared by a success.
    if let Some(until) = attempt.reserve(&state.store, now).await? {
        // Whole minutes, rounded up: 15 minutes left reads "15", 14 min 1 s too.
        let minutes = ((until - now + 59_999) / 60_000).to_string();
        return refuse(fill(t.login_locked, &[("minutes", &minutes)]));
    }

    let credentials = users::credentials(&state.store, &username).await?;
    let usable = credentials.as_ref().filter(|c| !c.disabled);
    let verified = password::verify(
        form.password.clone(),
        usable.map(|c| c.password_hash.clone()),
    )
    .await;
    let Some(credentials) = usable.filter(|_| verified) else {
        state.metrics.login_failed();
        let locked_now = attempt.failed(&state.store, now).await?;
        if let Some(known) = &credentials {
            let actor = Actor::system(&request_id.0.0);
            let event = Event::new(
                "session.login_failed",
                "user",
                known.id,
                json!({"locked": locked_now}),
            );
            state.store.audit_alone(&actor, event).await?;
        }
        return refuse(t.login_failed.to_owned());
    };

    // A password someone else set stops working after 72 hours (issue 12, item 7); said only
    // to whoever knew it.
    if credentials
        .temporary_until
        .is_some_and(|until| until <= state.store.now())
    {
        let actor = Actor::system(&request_id.0.0);
        let event = Event::new(
            "session.temporary_expired",
            "user",
            credentials.id,
            json!({}),
        );
        state.store.audit_alone(&actor, event).await?;
        return refuse(t.login_temporary_expired.to_owned());
    }
    let must_change = credentials.temporary_until.is_some();
    attempt.succeeded(&state.store).await?;
    let target = if must_change {
        "/profile?must_change=1".to_owned()
    } else {
        next
    };
    let user = users::get_user(&state.store, credentials.id).await?;
    if user.second_factor {
        // The password was right; the session waits for the second factor (issue 12,
        // item 8). Until then the browser holds only a five-minute challenge.
        let challenge = second_factor::open_challenge(&state.store, user.id, &target).await?;
        let mut response = Redirect::to("/login/kode").into_response();
        let cookie = cookie_header(
            CHALLENGE_COOKIE,
            &challenge,
            Some(second_factor::CHALLENGE_MS / 1000),
            state.config.secure_cookies,
        );
        response.headers_mut().append(header::SET_COOKIE, cookie);
        return Ok(response);
    }
    start_session(&state, &headers, &user, &request_id.0.0, &target, json!({})).await
}

/// The cookie that carries a login between its password and its second factor.
pub const CHALLENGE_COOKIE: &str = "karya_login";

/// Starts a session for `user` (a new id; the browser's old one is ended), audits the login
/// with `detail`, and sends the browser to `target`.
pub(crate) async fn start_session(
    state: &AppState,
    headers: &HeaderMap,
    user: &users::User,
    request_id: &str,
    target: &str,
    detail: serde_json::Value,
) -> Result<Response, WebError> {
    if let Some(old) = page::cookie(headers, SESSION_COOKIE) {
        sessions::delete(&state.store, &karya_store::secret::digest(old)).await?;
    }
    let (session_id, _session) =
        sessions::create(&state.store, user.id, state.store.now_ms()).await?;
    state
        .store
        .audit_alone(
            &user.own_actor(request_id),
            Event::new("session.login", "user", user.id, detail),
        )
        .await?;
    let mut response = Redirect::to(target).into_response();
    let cookie = cookie_header(
        SESSION_COOKIE,
        &session_id,
        None,
        state.config.secure_cookies,
    );
    response.headers_mut().append(header::SET_COOKIE, cookie);
    Ok(response)
}

pub async fn logout(
    State(state): State<AppState>,
    caller: Option<axum::Extension<Caller>>,
    request_id: axum::Extension<RequestId>,
) -> Result<Response, WebError> {
    if let Some(axum::Extension(caller)) = caller {
        if let Some(session) = &caller.session {
            sessions::delete(&state.store, &session.id_hash).await?;
        }
        let actor = caller.actor(caller.primary_role_name(), &request_id.0.0);
        state
            .store
            .audit_alone(
                &actor,
                Event::new("session.logout", "user", caller.user.id, json!({})),
            )
            .await?;
    }
    let mut response = Redirect::to("/login?bye=1").into_response();
    let cookie = cookie_header(SESSION_COOKIE, "", Some(0), state.config.secure_cookies);
    response.headers_mut().append(header::SET_COOKIE, cookie);
    Ok(response)
}

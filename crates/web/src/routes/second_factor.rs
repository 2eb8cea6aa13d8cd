//! The second factor in the browser (issue 12, item 8): the code page between a correct
//! password and the session, and the user's own enrolment page (QR code, first code, the
//! recovery codes shown once). The head of office, the managers and the administrator cannot
//! reach any other page until they have enrolled (`middleware::resolve_caller`).

use askama::Template;
use axum::Form;
use axum::extract::{Query, State};
use axum::http::{HeaderMap, header};
use axum::response::{IntoResponse, Redirect, Response};
use karya_store::audit::Event;
use karya_store::second_factor::{self, Proof, Status};
use karya_store::{Actor, users};
use serde::Deserialize;
use serde_json::json;

use crate::app::AppState;
use crate::auth::{Authority, attempts, cookie_header};
use crate::error::WebError;
use crate::forms::FormErrors;
use crate::i18n::fill;
use crate::middleware::RequestId;
use crate::page::{self, Page, Ui, render, render_form};
use crate::routes::login::{CHALLENGE_COOKIE, start_session};

#[derive(Template)]
#[template(path = "login_code.html")]
struct CodePage {
    page: Page,
    errors: FormErrors,
}

#[derive(Deserialize)]
pub struct CodeForm {
    #[serde(default)]
    code: String,
}

fn expired() -> Response {
    Redirect::to("/login?expired=1").into_response()
}

pub async fn code_form(
    State(state): State<AppState>,
    ui: Ui,
    headers: HeaderMap,
) -> Result<Response, WebError> {
    let Some(id) = page::cookie(&headers, CHALLENGE_COOKIE) else {
        return Ok(expired());
    };
    if second_factor::challenge(&state.store, id).await?.is_none() {
        return Ok(expired());
    }
    let t = ui.t();
    render(&CodePage {
        page: ui.page(t.login_code_title),
        errors: FormErrors::default(),
    })
}

pub async fn code_submit(
    State(state): State<AppState>,
    ui: Ui,
    headers: HeaderMap,
    peer: attempts::Peer,
    request_id: axum::Extension<RequestId>,
    Form(form): Form<CodeForm>,
) -> Result<Response, WebError> {
    let t = ui.t();
    let Some(id) = page::cookie(&headers, CHALLENGE_COOKIE) else {
        return Ok(expired());
    };
    let Some((user_id, target)) = second_factor::challenge(&state.store, id).await? else {
        return Ok(expired());
    };
    let user = users::get_user(&state.store, user_id).await?;
    if user.disabled {
        second_factor::close_challenge(&state.store, id).await?;
        return Ok(expired());
    }
    let refuse = |message: &str| {
        let mut errors = FormErrors::default();
        errors.add("code", message);
        render_form(
            &CodePage {
                page: ui.page(t.login_code_title),
                errors,
            },
            true,
        )
    };
    // Codes are guessed against the same lock as passwords: per username and address.
    let now = state.store.now_ms();
    let address = attempts::address_of(&peer, &headers, state.config.trusted_proxy);
    let attempt = attempts::Attempts::new(&user.username, &address, state.config.login_throttle);
    if let Some(until) = attempt.reserve(&state.store, now).await? {
        let minutes = ((until - now + 59_999) / 60_000).to_string();
        return refuse(&fill(t.login_locked, &[("minutes", &minutes)]));
    }
    let Some(proof) = second_factor::verify(&state.store, user.id, &form.code).await? else {
        state.metrics.login_failed();
        let locked = attempt.failed(&state.store, now).await?;
        let actor = Actor::system(&request_id.0.0);
        let event = Event::new(
            "session.second_factor_failed",
            "user",
            user.id,
            json!({"locked": locked}),
        );
        state.store.audit_alone(&actor, event).await?;
        return refuse(t.two_factor_wrong);
    };
    attempt.succeeded(&state.store).await?;
    second_factor::close_challenge(&state.store, id).await?;
    let (target, detail) = match proof {
        Proof::Code => (target, json!({"second_factor": "totp"})),
        // Someone who needed a recovery code is shown how many remain.
        Proof::RecoveryCode => (
            "/profile/two-factor?recovery_used=1".to_owned(),
            json!({"second_factor": "recovery_code"}),
        ),
    };
    let mut response =
        start_session(&state, &headers, &user, &request_id.0.0, &target, detail).await?;
    let gone = cookie_header(CHALLENGE_COOKIE, "", Some(0), state.config.secure_cookies);
    response.headers_mut().append(header::SET_COOKIE, gone);
    Ok(response)
}

#[derive(Template)]
#[template(path = "two_factor.html")]
struct EnrolPage {
    page: Page,
    errors: FormErrors,
    /// The user's roles allow a second factor.
    allowed: bool,
    /// Active: what the page says of it (how many recovery codes remain).
    active: Option<String>,
    /// Pending: the key to type and its QR code.
    pending: Option<(String, String)>,
    /// Just confirmed: the recovery codes, shown once.
    recovery_codes: Vec<String>,
}

#[derive(Deserialize, Default)]
pub struct EnrolNotice {
    #[serde(default)]
    recovery_used: Option<String>,
}

fn allowed(authority: &Authority) -> bool {
    authority
        .user()
        .roles
        .iter()
        .any(|role| role.may_use_second_factor())
}

fn required(authority: &Authority) -> bool {
    authority
        .user()
        .roles
        .iter()
        .any(|role| role.requires_second_factor())
}

async fn enrol_page(
    state: &AppState,
    ui: &Ui,
    authority: &Authority,
    errors: FormErrors,
    notice: Option<String>,
) -> Result<Response, WebError> {
    let t = ui.t();
    let user = authority.user();
    let status = second_factor::status(&state.store, user.id).await?;
    let pending = match &status {
        Status::Pending { secret_base32 } => {
            let uri = second_factor::otpauth_uri(secret_base32, &user.username);
            let qr = karya_docs::qr::inline_svg(&uri)
                .map_err(|error| WebError::Internal(error.into()))?;
            Some((group_in_fours(secret_base32), qr))
        }
        _ => None,
    };
    let codes_left = match status {
        Status::Active { codes_left } => Some(codes_left),
        _ => None,
    };
    let notice = notice.or_else(|| {
        (codes_left.is_none() && required(authority) && state.config.require_second_factor)
            .then(|| t.two_factor_required.to_owned())
    });
    let invalid = !errors.is_empty();
    render_form(
        &EnrolPage {
            page: ui.page(t.two_factor_title).with_notice(notice.as_deref()),
            errors,
            allowed: allowed(authority),
            active: codes_left
                .map(|left| fill(t.two_factor_active, &[("count", &left.to_string())])),
            pending,
            recovery_codes: Vec::new(),
        },
        invalid,
    )
}

/// A base32 key in groups of four, as authenticator apps let people type it.
fn group_in_fours(key: &str) -> String {
    key.as_bytes()
        .chunks(4)
        .map(|chunk| String::from_utf8_lossy(chunk).into_owned())
        .collect::<Vec<_>>()
        .join(" ")
}

pub async fn show(
    State(state): State<AppState>,
    ui: Ui,
    authority: Authority,
    Query(notice): Query<EnrolNotice>,
) -> Result<Response, WebError> {
    let notice = match notice.recovery_used {
        Some(_) => {
            let left = match second_factor::status(&state.store, authority.user().id).await? {
                Status::Active { codes_left } => codes_left,
                _ => 0,
            };
            Some(fill(
                ui.t().login_code_recovery_used,
                &[("count", &left.to_string())],
            ))
        }
        None => None,
    };
    enrol_page(&state, &ui, &authority, FormErrors::default(), notice).await
}

/// Starts enrolment: a new secret, shown on the page as a QR code and a key.
pub async fn begin(
    State(state): State<AppState>,
    authority: Authority,
) -> Result<Response, WebError> {
    if !allowed(&authority) {
        return Err(WebError::Forbidden);
    }
    // The user's own login: no permission but their own account.
    second_factor::begin(&state.store, &authority.self_actor(), authority.user().id).await?;
    Ok(Redirect::to("/profile/two-factor").into_response())
}

pub async fn confirm(
    State(state): State<AppState>,
    ui: Ui,
    authority: Authority,
    Form(form): Form<CodeForm>,
) -> Result<Response, WebError> {
    if !allowed(&authority) {
        return Err(WebError::Forbidden);
    }
    let t = ui.t();
    let actor = authority.self_actor();
    let Some(codes) =
        second_factor::confirm(&state.store, &actor, authority.user().id, &form.code).await?
    else {
        let mut errors = FormErrors::default();
        errors.add("code", t.two_factor_wrong);
        return enrol_page(&state, &ui, &authority, errors, None).await;
    };
    render(&EnrolPage {
        page: ui.page(t.two_factor_codes_title),
        errors: FormErrors::default(),
        allowed: true,
        active: None,
        pending: None,
        recovery_codes: codes,
    })
}

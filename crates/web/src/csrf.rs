//! CSRF protection for every state-changing request outside `/api/` (the API takes bearer
//! tokens, which a browser never sends by itself). A signed-in form carries its session's
//! token; an anonymous form (login, language) carries the value of a pre-session cookie
//! (double submit). Forms send `_csrf` in the body — multipart uploads as their first field,
//! never in the URL, where logs and history would keep it; scripts send `X-CSRF-Token`.

use axum::body::{Body, to_bytes};
use axum::extract::{Request, State};
use axum::http::{Method, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use subtle::ConstantTimeEq;

use crate::app::AppState;
use crate::auth::Caller;
use crate::error::WebError;
use crate::page;

pub const PRE_SESSION_COOKIE: &str = "karya_pre";
pub const FIELD: &str = "_csrf";

/// The anonymous visitor's CSRF value, from the pre-session cookie or newly made.
#[derive(Debug, Clone)]
pub struct PreSession(pub String);

pub async fn check(State(state): State<AppState>, request: Request, next: Next) -> Response {
    let safe = matches!(
        *request.method(),
        Method::GET | Method::HEAD | Method::OPTIONS
    );
    if request.uri().path().starts_with("/api/") {
        return next.run(request).await;
    }
    if safe {
        return with_pre_session(&state, request, next).await;
    }
    let session_token = request
        .extensions()
        .get::<Caller>()
        .and_then(|c| c.session.as_ref())
        .map(|session| session.csrf_token.clone());
    let anonymous = session_token.is_none();
    let expected = session_token
        .or_else(|| page::cookie(request.headers(), PRE_SESSION_COOKIE).map(str::to_owned));
    let Some(expected) = expected else {
        return WebError::Csrf.into_response();
    };
    // A refused anonymous form (a wrong password, a wrong code) is rendered again by the
    // handler: it carries the same pre-session token, so the user can simply try again.
    let mut request = request;
    if anonymous {
        request
            .extensions_mut()
            .insert(PreSession(expected.clone()));
    }
    if let Some(sent) = request
        .headers()
        .get("x-csrf-token")
        .and_then(|v| v.to_str().ok())
    {
        return if matches(sent, &expected) {
            next.run(request).await
        } else {
            WebError::Csrf.into_response()
        };
    }
    let content_type = request
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .to_owned();
    let multipart = content_type.starts_with("multipart/form-data");
    let limit = if multipart {
        state.config.upload_limit_bytes
    } else {
        state.config.body_limit_bytes
    };
    let (parts, body) = request.into_parts();
    let bytes = match to_bytes(body, limit).await {
        Ok(bytes) => bytes,
        Err(_) => return StatusCode::PAYLOAD_TOO_LARGE.into_response(),
    };
    let sent = if multipart {
        karya_bodyscan::multipart_field(&bytes, FIELD)
    } else {
        karya_bodyscan::urlencoded_field(&bytes, FIELD)
    };
    match sent {
        Some(sent) if matches(&sent, &expected) => {
            next.run(Request::from_parts(parts, Body::from(bytes)))
                .await
        }
        _ => WebError::Csrf.into_response(),
    }
}

fn matches(sent: &str, expected: &str) -> bool {
    !expected.is_empty() && bool::from(sent.as_bytes().ct_eq(expected.as_bytes()))
}

/// Gives an anonymous visitor a pre-session value for the forms they can send (login,
/// language), setting the cookie when it is new.
async fn with_pre_session(state: &AppState, mut request: Request, next: Next) -> Response {
    let path = request.uri().path();
    let machine = ["/assets/", "/healthz", "/readyz", "/metrics"]
        .iter()
        .any(|p| path.starts_with(p));
    if machine || request.extensions().get::<Caller>().is_some() {
        return next.run(request).await;
    }
    let existing = page::cookie(request.headers(), PRE_SESSION_COOKIE).map(str::to_owned);
    let value = existing
        .clone()
        .unwrap_or_else(karya_store::secret::random_hex);
    request.extensions_mut().insert(PreSession(value.clone()));
    let mut response = next.run(request).await;
    if existing.is_none() {
        let cookie = crate::auth::cookie_header(
            PRE_SESSION_COOKIE,
            &value,
            None,
            state.config.secure_cookies,
        );
        response.headers_mut().append(header::SET_COOKIE, cookie);
    }
    response
}

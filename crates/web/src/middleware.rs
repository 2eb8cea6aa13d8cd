//! Layers every request passes: a request id with timing and metrics, security headers,
//! and resolution of the caller (session cookie for pages, bearer token for the API) with
//! auditing of every 403 and 404 an authenticated caller meets.

use std::time::Instant;

use axum::extract::{MatchedPath, Request, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use karya_store::audit::Event;
use serde_json::json;

use crate::app::AppState;
use crate::auth;

/// A random id per request: in the response header, the logs and the audit events.
#[derive(Debug, Clone)]
pub struct RequestId(pub String);

pub async fn observe(State(state): State<AppState>, mut request: Request, next: Next) -> Response {
    let started = Instant::now();
    let request_id = karya_store::secret::random_hex()[..16].to_owned();
    request
        .extensions_mut()
        .insert(RequestId(request_id.clone()));
    let method = request.method().clone();
    // The route template, never the raw path: paths may carry ids, and logs stay generic.
    let route = request
        .extensions()
        .get::<MatchedPath>()
        .map(|path| path.as_str().to_owned())
        .unwrap_or_else(|| "unmatched".to_owned());
    let mut response = next.run(request).await;
    let duration_ms = started.elapsed().as_secs_f64() * 1000.0;
    let status = response.status().as_u16();
    state
        .metrics
        .observe_request(method.as_str(), status, duration_ms);
    tracing::info!(request_id, method = %method, route, status, duration_ms, "request");
    if let Ok(value) = HeaderValue::from_str(&request_id) {
        response.headers_mut().insert("x-request-id", value);
    }
    response
}

const CSP: &str = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; \
    media-src 'self' blob:; connect-src 'self'; object-src 'none'; base-uri 'none'; \
    form-action 'self'; frame-ancestors 'none'";

pub async fn security_headers(
    State(state): State<AppState>,
    request: Request,
    next: Next,
) -> Response {
    let is_asset = request.uri().path().starts_with("/assets/");
    let mut response = next.run(request).await;
    let headers = response.headers_mut();
    headers.insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static(CSP),
    );
    headers.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    headers.insert(header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
    headers.insert(
        header::REFERRER_POLICY,
        HeaderValue::from_static("same-origin"),
    );
    headers.insert(
        "permissions-policy",
        HeaderValue::from_static("camera=(self), geolocation=(self), microphone=()"),
    );
    if !is_asset && !headers.contains_key(header::CACHE_CONTROL) {
        // Pages carry personal data: never keep them in shared or back-button caches.
        headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    }
    if state.config.secure_cookies {
        headers.insert(
            header::STRICT_TRANSPORT_SECURITY,
            HeaderValue::from_static("max-age=31536000; includeSubDomains"),
        );
    }
    response
}

/// The pages a user who must change their temporary password, or enrol a second factor,
/// can still reach.
fn may_wait(path: &str) -> bool {
    matches!(
        path,
        "/profile"
            | "/profile/password"
            | "/profile/two-factor"
            | "/profile/two-factor/confirm"
            | "/logout"
            | "/bahasa"
    ) || path.starts_with("/assets/")
}

pub async fn resolve_caller(
    State(state): State<AppState>,
    mut request: Request,
    next: Next,
) -> Response {
    let path = request.uri().path().to_owned();
    let headers = request.headers().clone();
    let caller = match auth::identify(&state, &path, &headers).await {
        Ok(caller) => caller,
        Err(error) => return axum::response::IntoResponse::into_response(error),
    };
    let request_id = request
        .extensions()
        .get::<RequestId>()
        .map(|id| id.0.clone())
        .unwrap_or_default();
    if let Some(caller) = &caller {
        // A password someone else set is changed before anything else (issue 12, item 7).
        if caller.session.is_some() && caller.user.must_change_password && !may_wait(&path) {
            return axum::response::Redirect::to("/profile?must_change=1").into_response();
        }
        // The roles that sign for an office or see more than one enrol a second factor
        // before anything else (issue 12, item 8).
        let must_enrol = state.config.require_second_factor
            && !caller.user.second_factor
            && caller
                .user
                .roles
                .iter()
                .any(|role| role.requires_second_factor());
        if caller.session.is_some() && must_enrol && !may_wait(&path) {
            return axum::response::Redirect::to("/profile/two-factor").into_response();
        }
        request.extensions_mut().insert(caller.clone());
    }
    let response = next.run(request).await;
    if let Some(caller) = caller {
        let action = match response.status() {
            StatusCode::FORBIDDEN => Some("access.forbidden"),
            StatusCode::NOT_FOUND => Some("access.not_found"),
            _ => None,
        };
        if let Some(action) = action {
            let actor = caller.actor(caller.primary_role_name(), &request_id);
            let event = Event::new(action, "route", &path, json!({}));
            if let Err(error) = state.store.audit_alone(&actor, event).await {
                tracing::error!(request_id, error = %error, "could not audit a denied access");
            }
        }
    }
    response
}

//! Operational endpoints: liveness, readiness (the database answers) and metrics.

use axum::extract::State;
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};

use crate::app::AppState;

pub async fn healthz() -> &'static str {
    "ok"
}

pub async fn readyz(State(state): State<AppState>) -> Response {
    match state.store.ping().await {
        Ok(()) => "ready".into_response(),
        Err(error) => {
            tracing::warn!(error = %error, "database not reachable");
            (StatusCode::SERVICE_UNAVAILABLE, "database unreachable").into_response()
        }
    }
}

/// The counters, for a scraper on this machine or one holding the configured token: request
/// counts per status reveal how the service is used, so they are not public (issue 12, item 12).
pub async fn metrics(
    State(state): State<AppState>,
    headers: axum::http::HeaderMap,
    peer: crate::auth::attempts::Peer,
) -> Response {
    let allowed = match &state.config.metrics_token {
        Some(token) => headers
            .get(header::AUTHORIZATION)
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.strip_prefix("Bearer "))
            .is_some_and(|given| {
                karya_store::secret::digest(given) == karya_store::secret::digest(token)
            }),
        // In-process callers (tests) have no peer; a real one must be this machine.
        None => peer.as_ref().is_none_or(|c| c.0.0.ip().is_loopback()),
    };
    if !allowed {
        return axum::http::StatusCode::NOT_FOUND.into_response();
    }
    let audit_events = karya_store::audit::head(&state.store)
        .await
        .map(|(seq, _)| seq)
        .unwrap_or(-1);
    (
        [(header::CONTENT_TYPE, "text/plain; version=0.0.4")],
        state.metrics.render(audit_events),
    )
        .into_response()
}

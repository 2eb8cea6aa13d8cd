//! The application state and the router with its layers.

use std::sync::Arc;

use axum::Router;
use axum::middleware::{from_fn, from_fn_with_state};
use karya_store::Store;
use tower_http::limit::RequestBodyLimitLayer;

use crate::config::WebConfig;
use crate::metrics::Metrics;
use crate::{csrf, middleware, routes};

#[derive(Clone)]
pub struct AppState {
    pub store: Store,
    pub config: Arc<WebConfig>,
    pub metrics: Arc<Metrics>,
}

impl AppState {
    pub fn new(store: Store, config: WebConfig) -> AppState {
        AppState {
            store,
            config: Arc::new(config),
            metrics: Arc::new(Metrics::default()),
        }
    }
}

/// Every route, behind (outermost first): request id and metrics, security headers,
/// error presentation, the body limit, caller resolution with denial auditing, and CSRF.
pub fn router(state: AppState) -> Router {
    let body_limit = state.config.body_limit_bytes;
    routes::all()
        .layer(from_fn_with_state(state.clone(), csrf::check))
        .layer(from_fn_with_state(
            state.clone(),
            middleware::resolve_caller,
        ))
        .layer(RequestBodyLimitLayer::new(body_limit))
        .layer(from_fn(crate::error::present))
        .layer(from_fn_with_state(
            state.clone(),
            middleware::security_headers,
        ))
        .layer(from_fn_with_state(state.clone(), middleware::observe))
        .with_state(state)
}

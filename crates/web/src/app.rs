//! The application state and the router with its layers.

use std::sync::Arc;

use axum::Router;
use axum::extract::DefaultBodyLimit;
use axum::middleware::{from_fn, from_fn_with_state};
use karya_store::Store;

use crate::config::WebConfig;
use crate::metrics::Metrics;
use crate::{body_limit, csrf, middleware, routes};

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
    routes::all()
        .layer(from_fn_with_state(state.clone(), csrf::check))
        .layer(from_fn_with_state(
            state.clone(),
            middleware::resolve_caller,
        ))
        .layer(from_fn_with_state(state.clone(), body_limit::limit))
        // The limit above is the one that applies; axum's own default (2 MB) would cut
        // uploads short.
        .layer(DefaultBodyLimit::disable())
        .layer(from_fn(crate::error::present))
        .layer(from_fn_with_state(
            state.clone(),
            middleware::security_headers,
        ))
        .layer(from_fn_with_state(state.clone(), middleware::observe))
        .with_state(state)
}

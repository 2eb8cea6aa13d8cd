//! The web face of Karya: server-rendered pages, the JSON API under `/api/v1`, and the
//! operational endpoints. Handlers orchestrate: they check authority, call the domain and
//! the store, and render; they do not decide law.

pub mod api_json;
pub mod app;
pub mod auth;
mod body_limit;
pub mod config;
pub mod csrf;
pub mod demo;
pub mod error;
pub mod event_words;
pub mod export;
pub mod forms;
pub mod i18n;
pub mod metrics;
pub mod middleware;
pub mod openapi;
pub mod page;
pub mod refusals;
pub mod routes;
pub mod views;

pub use app::{AppState, router};
pub use config::WebConfig;
pub use error::WebError;

//! Static assets, embedded in the binary (no CDN, no external fonts).

use axum::extract::Path;
use axum::http::header;
use axum::response::{IntoResponse, Response};

use crate::error::WebError;

const APP_CSS: &str = include_str!("../../assets/app.css");
const REPORT_JS: &str = include_str!("../../assets/report.js");

pub async fn serve(Path(file): Path<String>) -> Result<Response, WebError> {
    let (body, content_type) = match file.as_str() {
        "app.css" => (APP_CSS, "text/css; charset=utf-8"),
        "report.js" => (REPORT_JS, "text/javascript; charset=utf-8"),
        _ => return Err(WebError::NotFound),
    };
    Ok((
        [
            (header::CONTENT_TYPE, content_type),
            (header::CACHE_CONTROL, "public, max-age=3600"),
        ],
        body,
    )
        .into_response())
}

//! Error policy. Handlers return [`WebError`]; it becomes a bare response that carries the
//! error in its extensions, and [`present`] renders it once, knowing the request: an
//! Indonesian/English page for the browser, `application/problem+json` (RFC 9457) for
//! `/api/`. A 500 shows no internals: its cause is logged once, with the request id, and
//! the user sees only that id. Responses that axum itself produced (unknown route, body too
//! large, malformed form) are presented the same way.

use axum::body::Body;
use axum::extract::Request;
use axum::http::{HeaderValue, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Redirect, Response};
use serde::Serialize;

use crate::i18n::{Catalog, Lang};
use crate::middleware::RequestId;
use crate::page;

/// A broken rule of DOMAIN.md, as reported to a user.
#[derive(Debug, Clone, Serialize)]
pub struct RuleProblem {
    pub rule: String,
    pub field: String,
    pub message: String,
    /// The domain's name for the reason (`HoursTooFew`), for clients that act on it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reason: Option<&'static str>,
}

#[derive(Debug, thiserror::Error)]
pub enum WebError {
    #[error("not found")]
    NotFound,
    #[error("forbidden")]
    Forbidden,
    #[error("not authenticated")]
    Unauthenticated,
    #[error("bad request")]
    BadRequest,
    /// An API body that could not be read; the text says what is wrong with it.
    #[error("invalid body: {0}")]
    InvalidBody(String),
    #[error("CSRF check failed")]
    Csrf,
    /// A stale edit: the record changed since the form was opened.
    #[error("conflict")]
    Conflict,
    /// A unique value is taken; the field says which.
    #[error("{0} is already in use")]
    Duplicate(&'static str),
    /// The same form or idempotent request was already sent.
    #[error("already submitted")]
    Repeated,
    /// Rules of DOMAIN.md broken by an API request (forms re-render instead).
    #[error("rule violated")]
    Rules(Vec<RuleProblem>),
    #[error(transparent)]
    Internal(#[from] anyhow::Error),
}

impl From<karya_store::StoreError> for WebError {
    fn from(error: karya_store::StoreError) -> WebError {
        match error {
            karya_store::StoreError::NotFound => WebError::NotFound,
            karya_store::StoreError::Forbidden => WebError::Forbidden,
            // Stale, duplicate and repeated writes are conflicts, never server errors.
            karya_store::StoreError::Conflict => WebError::Conflict,
            karya_store::StoreError::Duplicate(field) => WebError::Duplicate(field),
            karya_store::StoreError::Repeated(_) => WebError::Repeated,
            other => WebError::Internal(other.into()),
        }
    }
}

/// What [`present`] needs to render an error; stored in the response extensions.
#[derive(Debug, Clone)]
enum Presented {
    NotFound,
    Forbidden,
    Unauthenticated,
    BadRequest,
    InvalidBody(String),
    Csrf,
    Conflict,
    Duplicate(&'static str),
    Repeated,
    TooLarge,
    Rules(Vec<RuleProblem>),
    Internal,
}

impl IntoResponse for WebError {
    fn into_response(self) -> Response {
        let (status, presented) = match self {
            WebError::NotFound => (StatusCode::NOT_FOUND, Presented::NotFound),
            WebError::Forbidden => (StatusCode::FORBIDDEN, Presented::Forbidden),
            WebError::Unauthenticated => (StatusCode::UNAUTHORIZED, Presented::Unauthenticated),
            WebError::BadRequest => (StatusCode::BAD_REQUEST, Presented::BadRequest),
            WebError::InvalidBody(detail) => {
                (StatusCode::BAD_REQUEST, Presented::InvalidBody(detail))
            }
            WebError::Csrf => (StatusCode::FORBIDDEN, Presented::Csrf),
            WebError::Conflict => (StatusCode::CONFLICT, Presented::Conflict),
            WebError::Duplicate(field) => (StatusCode::CONFLICT, Presented::Duplicate(field)),
            WebError::Repeated => (StatusCode::CONFLICT, Presented::Repeated),
            WebError::Rules(problems) => {
                (StatusCode::UNPROCESSABLE_ENTITY, Presented::Rules(problems))
            }
            WebError::Internal(error) => {
                // Logged here, once; `present` adds the request id to the page.
                tracing::error!(error = %format!("{error:#}"), "internal error");
                (StatusCode::INTERNAL_SERVER_ERROR, Presented::Internal)
            }
        };
        let mut response = status.into_response();
        response.extensions_mut().insert(presented);
        response
    }
}

/// The outermost error layer: renders every error response for its audience.
pub async fn present(request: Request, next: Next) -> Response {
    let is_api = request.uri().path().starts_with("/api/");
    let path = request.uri().path().to_owned();
    let lang = page::lang_from_headers(request.headers());
    let request_id = request.extensions().get::<RequestId>().cloned();
    let response = next.run(request).await;
    let status = response.status();
    if !status.is_client_error() && !status.is_server_error() {
        return response;
    }
    let presented = match response.extensions().get::<Presented>() {
        Some(presented) => presented.clone(),
        // A response axum or a layer made: rendered only if it is not already a page or problem.
        None if is_rendered(&response) => return response,
        None => match status {
            StatusCode::NOT_FOUND | StatusCode::METHOD_NOT_ALLOWED => Presented::NotFound,
            StatusCode::PAYLOAD_TOO_LARGE => Presented::TooLarge,
            status if status.is_server_error() => Presented::Internal,
            _ => Presented::BadRequest,
        },
    };
    let request_id = request_id.map(|id| id.0).unwrap_or_default();
    if is_api {
        problem_response(status, &presented, &path, &request_id)
    } else {
        page_response(status, &presented, lang, &path, &request_id)
    }
}

fn is_rendered(response: &Response) -> bool {
    let content_type = response
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok());
    // Pages, problems, and JSON a handler answers on purpose (e.g. 409 with candidates);
    // axum's own rejections are plain text and get presented.
    let rendered = ["text/html", "application/problem+json", "application/json"];
    matches!(content_type, Some(t) if rendered.iter().any(|r| t.starts_with(r)))
        || response.status() == StatusCode::SEE_OTHER
}

fn texts(presented: &Presented, t: &'static Catalog) -> (&'static str, &'static str) {
    match presented {
        Presented::NotFound => (t.not_found_title, t.not_found_body),
        Presented::Forbidden => (t.forbidden_title, t.forbidden_body),
        Presented::Unauthenticated => (t.login_title, t.session_expired),
        Presented::Rules(_) => (t.rule_violation_title, t.bad_request_body),
        Presented::BadRequest | Presented::InvalidBody(_) => {
            (t.bad_request_title, t.bad_request_body)
        }
        Presented::Csrf => (t.bad_request_title, t.csrf_body),
        Presented::Conflict => (t.bad_request_title, t.conflict),
        Presented::Duplicate(_) => (t.bad_request_title, t.conflict_duplicate),
        Presented::Repeated => (t.bad_request_title, t.already_submitted),
        Presented::TooLarge => (t.bad_request_title, t.too_large_body),
        Presented::Internal => (t.error_title, t.internal_body),
    }
}

/// RFC 9457 problem details; `rule` names the broken rule of DOMAIN.md.
#[derive(Serialize, utoipa::ToSchema)]
pub struct Problem {
    /// A URI reference identifying the problem type.
    #[serde(rename = "type")]
    pub kind: String,
    pub title: String,
    pub status: u16,
    pub detail: String,
    pub instance: String,
    /// The rule of DOMAIN.md that was broken, e.g. `L5`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub rule: Option<String>,
    /// Every broken rule with the field it concerns.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    #[schema(value_type = Vec<Object>)]
    pub errors: Vec<RuleProblem>,
    pub request_id: String,
}

fn problem_response(
    status: StatusCode,
    presented: &Presented,
    path: &str,
    request_id: &str,
) -> Response {
    let (title, detail) = texts(presented, &crate::i18n::EN);
    let (kind, rule, errors) = match presented {
        Presented::Rules(problems) => (
            "rule-violation",
            problems.first().map(|p| p.rule.clone()),
            problems.clone(),
        ),
        Presented::NotFound => ("not-found", None, Vec::new()),
        Presented::Forbidden => ("forbidden", None, Vec::new()),
        Presented::Unauthenticated => ("unauthenticated", None, Vec::new()),
        Presented::Conflict => ("conflict", None, Vec::new()),
        Presented::Duplicate(_) => ("duplicate", None, Vec::new()),
        Presented::Repeated => ("repeated", None, Vec::new()),
        Presented::TooLarge => ("payload-too-large", None, Vec::new()),
        Presented::Internal => ("internal", None, Vec::new()),
        Presented::BadRequest | Presented::InvalidBody(_) | Presented::Csrf => {
            ("bad-request", None, Vec::new())
        }
    };
    let detail = match presented {
        Presented::Rules(problems) => problems
            .iter()
            .map(|p| p.message.as_str())
            .collect::<Vec<_>>()
            .join(" "),
        Presented::Unauthenticated => {
            "Send a personal API token as `Authorization: Bearer …`.".to_owned()
        }
        Presented::InvalidBody(detail) => detail.clone(),
        Presented::Duplicate(field) => format!("{detail} ({field})"),
        _ => detail.to_owned(),
    };
    let problem = Problem {
        kind: format!("/problems/{kind}"),
        title: title.to_owned(),
        status: status.as_u16(),
        detail,
        instance: path.to_owned(),
        rule,
        errors,
        request_id: request_id.to_owned(),
    };
    let mut response = (status, axum::Json(problem)).into_response();
    response.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/problem+json"),
    );
    if status == StatusCode::UNAUTHORIZED {
        response
            .headers_mut()
            .insert(header::WWW_AUTHENTICATE, HeaderValue::from_static("Bearer"));
    }
    response
}

fn page_response(
    status: StatusCode,
    presented: &Presented,
    lang: Lang,
    path: &str,
    request_id: &str,
) -> Response {
    if let Presented::Unauthenticated = presented {
        let next = if path.starts_with('/') && !path.starts_with("//") {
            path
        } else {
            "/"
        };
        return Redirect::to(&format!("/login?next={}", page::url_encode(next))).into_response();
    }
    let t = lang.catalog();
    let (title, body) = texts(presented, t);
    let show_id = matches!(presented, Presented::Internal);
    let html = page::render_error(lang, title, body, show_id.then_some(request_id));
    let mut response = Response::new(Body::from(html));
    *response.status_mut() = status;
    response.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("text/html; charset=utf-8"),
    );
    response
}

#[cfg(test)]
mod tests {
    use super::*;
    use karya_store::StoreError;

    #[test]
    fn store_conflicts_are_409_with_what_conflicted_never_500() {
        for (error, kind, detail) in [
            (StoreError::Conflict, "conflict", "changed this record"),
            (StoreError::Duplicate("code"), "duplicate", "(code)"),
            (StoreError::Repeated(None), "repeated", "already sent"),
        ] {
            let response = WebError::from(error).into_response();
            assert_eq!(response.status(), StatusCode::CONFLICT);
            let presented = response.extensions().get::<Presented>().expect("presented");
            let problem = problem_response(StatusCode::CONFLICT, presented, "/x", "r1");
            assert_eq!(
                problem.headers()[header::CONTENT_TYPE],
                "application/problem+json"
            );
            let (_, detail_text) = texts(presented, &crate::i18n::EN);
            let expected_kind = match presented {
                Presented::Conflict => "conflict",
                Presented::Duplicate(_) => "duplicate",
                Presented::Repeated => "repeated",
                _ => "other",
            };
            assert_eq!(expected_kind, kind);
            let shown = match presented {
                Presented::Duplicate(field) => format!("{detail_text} ({field})"),
                _ => detail_text.to_owned(),
            };
            assert!(shown.contains(detail), "{shown}");
        }
    }

    #[test]
    fn a_forbidden_store_answer_is_403_and_not_found_is_404() {
        assert_eq!(
            WebError::from(StoreError::Forbidden)
                .into_response()
                .status(),
            StatusCode::FORBIDDEN
        );
        assert_eq!(
            WebError::from(StoreError::NotFound)
                .into_response()
                .status(),
            StatusCode::NOT_FOUND
        );
    }
}

//! Who is calling. Pages authenticate with a session cookie, the API with a personal token;
//! either way the caller becomes a [`Caller`] and, in a handler, an [`Authority`] whose
//! checks hand out the grants that store functions require, or a [`CaseOf`] for a case.

pub mod attempts;
pub mod authority;
mod caller;
mod case_of;
pub mod password;

pub use authority::Authority;
pub use caller::{Caller, SESSION_COOKIE, identify};
pub use case_of::{CaseOf, Granted, Permit, can};

use axum::http::HeaderValue;

/// A `Set-Cookie` value: HttpOnly, SameSite=Lax, whole-site path; `Secure` behind TLS.
/// `max_age_seconds` of `Some(0)` deletes the cookie; `None` makes it last the browser session.
pub fn cookie_header(
    name: &str,
    value: &str,
    max_age_seconds: Option<i64>,
    secure: bool,
) -> HeaderValue {
    let mut cookie = format!("{name}={value}; Path=/; HttpOnly; SameSite=Lax");
    if let Some(age) = max_age_seconds {
        cookie.push_str(&format!("; Max-Age={age}"));
    }
    if secure {
        cookie.push_str("; Secure");
    }
    // Names and values here are ours (hex ids, language codes): always valid header text.
    HeaderValue::from_str(&cookie)
        .unwrap_or_else(|_| HeaderValue::from_static("invalid=; Max-Age=0"))
}

//! Identifying the caller of a request.

use std::sync::Arc;

use axum::http::{HeaderMap, header};
use karya_store::sessions::{self, Session};
use karya_store::users::{self, User};
use karya_store::{Actor, tokens};

use crate::app::AppState;
use crate::error::WebError;
use crate::page;

pub const SESSION_COOKIE: &str = "karya_session";

/// An authenticated user, by session (pages) or personal token (API).
#[derive(Debug, Clone)]
pub struct Caller {
    pub user: Arc<User>,
    pub session: Option<Session>,
}

impl Caller {
    /// The audit actor for an event no single role authorised (a denied request).
    pub fn actor(&self, role: &str, request_id: &str) -> Actor {
        Actor {
            user_id: Some(self.user.id),
            username: self.user.username.clone(),
            role: role.to_owned(),
            office_id: self.user.binding.office,
            request_id: request_id.to_owned(),
        }
    }

    /// All roles, for audit events that no single role authorised (e.g. a denial).
    pub fn primary_role_name(&self) -> &'static str {
        self.user.roles.first().map_or("none", |role| role.as_str())
    }
}

/// Finds the caller: a bearer token under `/api/`, a session cookie elsewhere. No
/// credentials means an anonymous request, not an error; the handler decides.
pub async fn identify(
    state: &AppState,
    path: &str,
    headers: &HeaderMap,
) -> Result<Option<Caller>, WebError> {
    let now = state.store.now_ms();
    if path.starts_with("/api/") {
        let bearer = headers
            .get(header::AUTHORIZATION)
            .and_then(|value| value.to_str().ok())
            .and_then(|value| value.strip_prefix("Bearer "));
        let Some(token) = bearer else { return Ok(None) };
        let Some(user_id) = tokens::authenticate(&state.store, token.trim()).await? else {
            return Ok(None);
        };
        let user = users::get_user(&state.store, user_id).await?;
        return Ok(Some(Caller {
            user: Arc::new(user),
            session: None,
        }));
    }
    let Some(cookie) = page::cookie(headers, SESSION_COOKIE) else {
        return Ok(None);
    };
    let Some(session) = sessions::find(&state.store, cookie, now, state.config.sessions).await?
    else {
        return Ok(None);
    };
    let user = users::get_user(&state.store, session.user_id).await?;
    Ok(Some(Caller {
        user: Arc::new(user),
        session: Some(session),
    }))
}

//! The caller as a typed authority. A handler asks for a [`Permission`] and gets a
//! [`Grant`] (or a 403); a case is reached only through [`super::CaseOf`], which checks and
//! opens it in one step. Scopes and grants are made by `karya_store::access` from the
//! domain's permission table; nothing here builds one.

use axum::extract::FromRequestParts;
use axum::http::request::Parts;
use karya_domain::{Permission, Role};
use karya_store::access::{Grant, OfficeAccess, Principal};
use karya_store::users::User;

use super::Caller;
use crate::error::WebError;
use crate::middleware::RequestId;

#[derive(Debug, Clone)]
pub struct Authority {
    caller: Caller,
    principal: Principal,
}

impl<S: Send + Sync> FromRequestParts<S> for Authority {
    type Rejection = WebError;

    async fn from_request_parts(parts: &mut Parts, _state: &S) -> Result<Authority, WebError> {
        let caller = parts
            .extensions
            .get::<Caller>()
            .cloned()
            .ok_or(WebError::Unauthenticated)?;
        let request_id = parts
            .extensions
            .get::<RequestId>()
            .map(|id| id.0.clone())
            .unwrap_or_default();
        let principal = Principal::new(caller.user.clone(), &request_id);
        Ok(Authority { caller, principal })
    }
}

impl Authority {
    pub fn user(&self) -> &User {
        &self.caller.user
    }

    pub fn caller(&self) -> &Caller {
        &self.caller
    }

    pub fn principal(&self) -> &Principal {
        &self.principal
    }

    pub fn request_id(&self) -> &str {
        self.principal.request_id()
    }

    /// Whether the user holds `role` (for what a page shows, never for access).
    pub fn has(&self, role: Role) -> bool {
        self.principal.holds(role)
    }

    /// The roles of the user that hold `permission`, with their reach; otherwise 403.
    pub fn grant(&self, permission: Permission) -> Result<Grant, WebError> {
        Ok(self.principal.grant(permission)?)
    }

    /// Whether some role of the user holds `permission`.
    pub fn may(&self, permission: Permission) -> bool {
        self.principal.may(permission)
    }

    /// The caller's own office, for `permission` on partners, the register or new cases.
    pub fn office(&self, permission: Permission) -> Result<OfficeAccess, WebError> {
        Ok(self.grant(permission)?.office()?)
    }

    /// The audit actor in the user's first role, for acts no permission authorises (their
    /// own password, their language).
    pub fn self_actor(&self) -> karya_store::Actor {
        self.principal
            .actor(self.user().roles.first().copied().unwrap_or(Role::Client))
    }
}

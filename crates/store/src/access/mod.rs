//! Access by construction (ARCHITECTURE §5, decision 0007).
//!
//! The only place that turns a caller into a scope. A [`Principal`] (an authenticated user)
//! asks for a [`Permission`]; the domain's table says which of the user's roles hold it and
//! how far each reaches, and the answer is a [`Grant`]. A grant opens a case through
//! [`Store::open_case`], which answers `NotFound` outside the grant's reach and otherwise
//! returns a [`CaseAccess`]: the case, the scope it was opened under, the user and the role
//! that acts. Every case procedure and child read takes a `CaseAccess`; those that need more
//! than the permission the case was opened with ask it with [`CaseAccess::actor_for`], which
//! checks the table again for this user and this case. Partner and office functions take an
//! [`OfficeAccess`]. None of these types can be built outside this module, except through
//! the one bypass whose name says so, [`Grant::system_bypass`], for the demo loader (which
//! has no request); decision 0007 lists where it is used.
//!
//! ```compile_fail
//! // A scope cannot be made by hand outside the store…
//! let scope = karya_store::Scope(karya_store::access::ScopeView::National);
//! ```
//!
//! ```compile_fail
//! // …nor can a case capability.
//! fn forge(case: karya_store::cases::Case) -> karya_store::access::CaseAccess {
//!     karya_store::access::CaseAccess { case }
//! }
//! ```

mod case;
pub(crate) mod scope;

use std::sync::Arc;

use karya_domain::{Permission, Reach, Role};

pub use case::{CaseAccess, OfficeAccess};
pub(crate) use scope::CaseScope;
pub use scope::{Scope, ScopeView};

use crate::audit::Actor;
use crate::error::{Result, StoreError};
use crate::ids::OfficeId;
use crate::users::User;

/// An authenticated user acting in one request.
#[derive(Debug, Clone)]
pub struct Principal {
    user: Arc<User>,
    request_id: String,
}

impl Principal {
    /// The user the session or token identified; `request_id` goes into audit events.
    pub fn new(user: Arc<User>, request_id: &str) -> Principal {
        Principal {
            user,
            request_id: request_id.to_owned(),
        }
    }

    pub fn user(&self) -> &User {
        &self.user
    }

    pub fn request_id(&self) -> &str {
        &self.request_id
    }

    pub fn holds(&self, role: Role) -> bool {
        self.user.roles.contains(&role)
    }

    /// Whether some role of the user holds `permission` (with a complete binding).
    pub fn may(&self, permission: Permission) -> bool {
        self.grant(permission).is_ok()
    }

    /// The user's roles that hold `permission`, in the table's acting order; `Forbidden`
    /// when none does.
    pub fn grant(&self, permission: Permission) -> Result<Grant> {
        let holders: Vec<(Role, Reach)> = permission
            .holders()
            .iter()
            .copied()
            .filter(|(role, reach)| self.holds(*role) && Scope::of(&self.user, *reach).is_some())
            .collect();
        if holders.is_empty() {
            return Err(StoreError::Forbidden);
        }
        Ok(Grant {
            permission,
            principal: self.clone(),
            holders,
            bypass: false,
        })
    }

    /// What a role of the user is bound to, for showing it (`/me`, the start page).
    pub fn binding_of(&self, role: Role) -> Option<ScopeView> {
        use karya_domain::ScopeKind;
        let reach = match role.scope_kind() {
            ScopeKind::National => Reach::National,
            ScopeKind::Region => Reach::Region,
            ScopeKind::Office => Reach::Office,
            ScopeKind::Partner => Reach::PartnerClients,
            ScopeKind::Person => Reach::Themself,
            ScopeKind::ProsecutorOffice => Reach::ProsecutorOffice,
        };
        Scope::of(&self.user, reach).map(Scope::view)
    }

    /// The audit actor for an act in `role`.
    pub fn actor(&self, role: Role) -> Actor {
        Actor {
            user_id: Some(self.user.id),
            username: self.user.username.clone(),
            role: role.as_str().to_owned(),
            office_id: self.user.binding.office,
            request_id: self.request_id.clone(),
        }
    }
}

/// A passed permission check: the roles of the caller that hold it, with their reach.
#[derive(Debug, Clone)]
pub struct Grant {
    permission: Permission,
    principal: Principal,
    holders: Vec<(Role, Reach)>,
    /// Made by [`Grant::system_bypass`]: the system acts, every check passes.
    pub(crate) bypass: bool,
}

impl Grant {
    /// **Bypass.** `user` acting in `role` everywhere, every check passing: for the demo
    /// loader, which walks cases as the demo's people without a request. Never used by a
    /// request handler (decision 0007 lists every use).
    pub fn system_bypass(
        permission: Permission,
        user: Arc<User>,
        role: Role,
        request_id: &str,
    ) -> Grant {
        Grant {
            permission,
            principal: Principal::new(user, request_id),
            holders: vec![(role, Reach::National)],
            bypass: true,
        }
    }

    pub fn permission(&self) -> Permission {
        self.permission
    }

    /// The role that acts: the first of the caller's roles holding the permission.
    pub fn role(&self) -> Role {
        self.holders[0].0
    }

    pub fn reach(&self) -> Reach {
        self.holders[0].1
    }

    pub fn principal(&self) -> &Principal {
        &self.principal
    }

    pub fn user(&self) -> &User {
        self.principal.user()
    }

    /// The audit actor for what this grant allows.
    pub fn actor(&self) -> Actor {
        self.principal.actor(self.role())
    }

    /// What the acting role reaches, as an organisation scope.
    pub fn scope(&self) -> Scope {
        // A grant is only made for holders whose binding is complete.
        Scope::of(self.principal.user(), self.reach()).unwrap_or(Scope::NOTHING)
    }

    /// The case scopes of the holders, in acting order.
    pub(crate) fn case_scopes(&self) -> impl Iterator<Item = (Role, Reach, CaseScope)> + '_ {
        self.holders.iter().filter_map(|(role, reach)| {
            CaseScope::of(self.principal.user(), *reach).map(|scope| (*role, *reach, scope))
        })
    }

    /// An office-scoped handle for partner and register work: the caller's own office.
    pub fn office(&self) -> Result<OfficeAccess> {
        let office = if self.bypass {
            self.principal.user().binding.office
        } else {
            self.scope().office()
        };
        match office {
            Some(office) => Ok(OfficeAccess::new(office, self.actor(), self.role())),
            None => Err(StoreError::Forbidden),
        }
    }

    /// The office the acting role is bound to, if it is an office role.
    pub fn office_id(&self) -> Option<OfficeId> {
        self.scope().office()
    }
}

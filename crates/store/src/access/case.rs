//! The capabilities a passed check hands out: a case opened through a grant, and an office
//! for partner and register work.

use karya_domain::{Permission, Reach, Role};

use super::{CaseScope, Grant, Principal};
use crate::audit::Actor;
use crate::cases::{self, Case};
use crate::db::Store;
use crate::error::{Result, StoreError};
use crate::ids::{CaseId, OfficeId};
use crate::users::User;

/// A case the caller may act on: opened through a [`Grant`], with the scope it was opened
/// under and the role that acts. Store functions on a case take one; its fields are private.
#[derive(Debug, Clone)]
pub struct CaseAccess {
    case: Case,
    scope: CaseScope,
    permission: Permission,
    role: Role,
    reach: Reach,
    principal: Principal,
    bypass: bool,
}

impl Store {
    /// Opens case `id` through `grant`: the first of the grant's roles whose reach contains
    /// the case acts. Outside every reach the case is `NotFound`, as if it did not exist.
    pub async fn open_case(&self, grant: &Grant, id: CaseId) -> Result<CaseAccess> {
        let mut conn = self.pool().acquire().await?;
        for (role, reach, scope) in grant.case_scopes() {
            match cases::get_on(&mut conn, scope, id).await {
                Ok(case) => {
                    return Ok(CaseAccess {
                        case,
                        scope,
                        permission: grant.permission,
                        role,
                        reach,
                        principal: grant.principal.clone(),
                        bypass: grant.bypass,
                    });
                }
                Err(StoreError::NotFound) => continue,
                Err(other) => return Err(other),
            }
        }
        Err(StoreError::NotFound)
    }

    /// The cases `grant` reaches through its acting role, newest first.
    pub async fn cases_in(&self, grant: &Grant) -> Result<Vec<Case>> {
        match grant.case_scopes().next() {
            Some((_, _, scope)) => cases::list(self, scope).await,
            None => Ok(Vec::new()),
        }
    }
}

impl CaseAccess {
    pub fn case(&self) -> &Case {
        &self.case
    }

    pub fn id(&self) -> CaseId {
        self.case.id
    }

    pub fn office_id(&self) -> OfficeId {
        self.case.office_id
    }

    /// The permission the case was opened with.
    pub fn permission(&self) -> Permission {
        self.permission
    }

    /// The role that opened the case.
    pub fn role(&self) -> Role {
        self.role
    }

    pub fn user(&self) -> &User {
        self.principal.user()
    }

    pub fn principal(&self) -> &Principal {
        &self.principal
    }

    /// The audit actor for the permission the case was opened with, on behalf of the
    /// case's office.
    pub fn actor(&self) -> Actor {
        self.actor_as(self.role)
    }

    fn actor_as(&self, role: Role) -> Actor {
        let mut actor = self.principal.actor(role);
        actor.office_id = Some(self.case.office_id);
        actor
    }

    /// The caller's roles that hold `permission` and reach this case, in acting order.
    pub fn roles_for(&self, permission: Permission) -> Vec<Role> {
        if self.bypass {
            return vec![self.role];
        }
        permission
            .holders()
            .iter()
            .filter(|(role, reach)| self.principal.holds(*role) && self.reaches(*role, *reach))
            .map(|(role, _)| *role)
            .collect()
    }

    pub(crate) fn scope(&self) -> CaseScope {
        self.scope
    }

    /// Whether the caller may also do `permission` on this case.
    pub fn may(&self, permission: Permission) -> bool {
        self.role_for(permission).is_some()
    }

    /// The audit actor for `permission` on this case, acting in the first of the caller's
    /// roles that holds it and reaches the case; `Forbidden` otherwise.
    pub fn actor_for(&self, permission: Permission) -> Result<Actor> {
        self.role_for(permission)
            .map(|role| self.actor_as(role))
            .ok_or(StoreError::Forbidden)
    }

    /// The role in which the caller does `permission` on this case, if any.
    pub fn role_for(&self, permission: Permission) -> Option<Role> {
        if self.bypass {
            return Some(self.role);
        }
        if permission == self.permission {
            return Some(self.role);
        }
        self.roles_for(permission).first().copied()
    }

    /// Whether `role` with `reach` contains this case, for this user.
    fn reaches(&self, role: Role, reach: Reach) -> bool {
        let user = self.principal.user();
        let binding = user.binding;
        let case = &self.case;
        match reach {
            Reach::National => true,
            Reach::Region => binding.region == Some(case.region_id),
            Reach::Office => binding.office == Some(case.office_id),
            Reach::AssignedCases => {
                binding.office == Some(case.office_id) && case.pk_user_id == Some(user.id)
            }
            // Whether a client is placed at the partner was checked by the query that
            // opened the case; only that same role and reach can be reused.
            Reach::PartnerClients => self.role == role && self.reach == Reach::PartnerClients,
            Reach::Themself => binding.person == Some(case.person_id),
            Reach::ProsecutorOffice => {
                binding.prosecutor_office.is_some()
                    && binding.prosecutor_office == case.prosecutor_office_id
            }
        }
    }
}

/// The caller's office, for partner and register work; made only from a [`Grant`].
#[derive(Debug, Clone)]
pub struct OfficeAccess {
    office: OfficeId,
    actor: Actor,
    role: Role,
}

impl OfficeAccess {
    pub(super) fn new(office: OfficeId, actor: Actor, role: Role) -> OfficeAccess {
        OfficeAccess {
            office,
            actor,
            role,
        }
    }

    pub fn office(&self) -> OfficeId {
        self.office
    }

    pub fn actor(&self) -> &Actor {
        &self.actor
    }

    pub fn role(&self) -> Role {
        self.role
    }
}

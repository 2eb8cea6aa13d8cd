//! The caller as a typed authority. Each check returns the [`Scope`] (and the role that
//! granted it, for the audit trail) that the store functions require, so a handler cannot
//! reach data without having passed a check. A failed role check is a 403; objects outside
//! the granted scope come back from the store as 404.

use axum::extract::FromRequestParts;
use axum::http::request::Parts;
use karya_domain::{Role, ScopeKind};
use karya_store::attendance::Step;
use karya_store::cases::CaseScope;
use karya_store::files::Purpose;
use karya_store::ids::OfficeId;
use karya_store::users::User;
use karya_store::{Actor, Scope};

use super::Caller;
use crate::error::WebError;
use crate::middleware::RequestId;

#[derive(Debug, Clone)]
pub struct Authority {
    caller: Caller,
    request_id: String,
}

/// A passed check: what the caller may touch, and in which role.
#[derive(Debug, Clone, Copy)]
pub struct Grant {
    pub scope: Scope,
    pub role: Role,
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
        Ok(Authority { caller, request_id })
    }
}

impl Authority {
    pub fn user(&self) -> &User {
        &self.caller.user
    }

    pub fn caller(&self) -> &Caller {
        &self.caller
    }

    pub fn request_id(&self) -> &str {
        &self.request_id
    }

    pub fn has(&self, role: Role) -> bool {
        self.caller.user.roles.contains(&role)
    }

    /// The audit actor for what `grant` allowed.
    pub fn actor(&self, grant: Grant) -> Actor {
        self.caller.actor(grant.role.as_str(), &self.request_id)
    }

    /// The scope a role of this user is bound to, if the binding is complete.
    pub fn scope_of(&self, role: Role) -> Option<Scope> {
        let binding = self.caller.user.binding;
        match role.scope_kind() {
            ScopeKind::National => Some(Scope::National),
            ScopeKind::Region => binding.region.map(Scope::Region),
            ScopeKind::Office => binding.office.map(Scope::Office),
            ScopeKind::Partner => binding.partner.map(Scope::Partner),
            ScopeKind::Person => binding.person.map(Scope::Person),
            ScopeKind::ProsecutorOffice => binding.prosecutor_office.map(Scope::ProsecutorOffice),
        }
    }

    /// The first of `roles` the user holds, with its scope; otherwise 403.
    pub fn grant(&self, roles: &[Role]) -> Result<Grant, WebError> {
        roles
            .iter()
            .filter(|role| self.has(**role))
            .find_map(|role| {
                self.scope_of(*role)
                    .map(|scope| Grant { scope, role: *role })
            })
            .ok_or(WebError::Forbidden)
    }

    /// Create and change offices: the national admin only.
    pub fn manage_offices(&self) -> Result<Grant, WebError> {
        self.grant(&[Role::Admin])
    }

    /// See offices: the admin and national managers all, regional managers their region's.
    pub fn read_offices(&self) -> Result<Grant, WebError> {
        self.grant(&[Role::Admin, Role::NationalManager, Role::RegionalManager])
    }

    /// Manage staff: the national admin everywhere, a head of office in their office.
    pub fn manage_staff(&self) -> Result<Grant, WebError> {
        self.grant(&[Role::Admin, Role::HeadOfOffice])
    }

    /// Read the audit trail: national readers all of it, a head of office their office's.
    pub fn read_audit(&self) -> Result<Grant, WebError> {
        self.grant(&[Role::Admin, Role::NationalManager, Role::HeadOfOffice])
    }

    pub fn office(&self) -> Option<OfficeId> {
        self.caller.user.binding.office
    }

    /// The case scope a role of this user gives: managers by area, office staff by office,
    /// a PK their assigned cases, a supervisor the cases placed at their partner, a client
    /// their own, a prosecutor their office's. The admin manages the organisation and does
    /// not read case files.
    pub fn case_scope_of(&self, role: Role) -> Option<CaseScope> {
        let binding = self.caller.user.binding;
        match role {
            Role::Admin => None,
            Role::NationalManager => Some(CaseScope::National),
            Role::RegionalManager => binding.region.map(CaseScope::Region),
            Role::Pk => Some(CaseScope::AssignedTo(self.caller.user.id)),
            Role::SiteSupervisor => binding.partner.map(CaseScope::Partner),
            Role::Client => binding.person.map(CaseScope::Person),
            Role::Prosecutor => binding.prosecutor_office.map(CaseScope::ProsecutorOffice),
            Role::IntakeOfficer
            | Role::RegistryOfficer
            | Role::HeadOfAdmin
            | Role::HeadOfOffice
            | Role::TppMember => binding.office.map(CaseScope::Office),
        }
    }

    /// The first of `roles` the user holds that reaches cases, with its case scope.
    pub fn case_grant(&self, roles: &[Role]) -> Result<CaseGrant, WebError> {
        roles
            .iter()
            .filter(|role| self.has(**role))
            .find_map(|role| {
                self.case_scope_of(*role)
                    .map(|scope| CaseGrant { scope, role: *role })
            })
            .ok_or(WebError::Forbidden)
    }

    /// Read case files: the widest scope among the user's roles.
    pub fn read_cases(&self) -> Result<CaseGrant, WebError> {
        self.case_grant(&[
            Role::NationalManager,
            Role::RegionalManager,
            Role::HeadOfOffice,
            Role::HeadOfAdmin,
            Role::RegistryOfficer,
            Role::IntakeOfficer,
            Role::TppMember,
            Role::Pk,
            Role::Prosecutor,
            Role::SiteSupervisor,
            Role::Client,
        ])
    }

    /// Open a case from a court decision: the intake desk (and the head of office).
    pub fn open_cases(&self) -> Result<CaseGrant, WebError> {
        self.case_grant(&[Role::IntakeOfficer, Role::HeadOfOffice])
    }

    /// Record a daily report: the client (B5: the report is the client's), the work-place
    /// supervisor, the case's PK, or the registry transcribing a paper report.
    pub fn report_attendance(&self) -> Result<CaseGrant, WebError> {
        self.case_grant(&[
            Role::Client,
            Role::SiteSupervisor,
            Role::Pk,
            Role::RegistryOfficer,
        ])
    }

    /// Verify or reject daily reports (B5): the supervisor at the work place first, then
    /// the case's PK.
    pub fn verify_attendance(&self) -> Result<(CaseGrant, Step), WebError> {
        if let Ok(grant) = self.case_grant(&[Role::SiteSupervisor]) {
            return Ok((grant, Step::Supervisor));
        }
        self.case_grant(&[Role::Pk]).map(|grant| (grant, Step::Pk))
    }

    /// The document validity check (D1): the intake desk.
    pub fn check_documents(&self) -> Result<CaseGrant, WebError> {
        self.case_grant(&[Role::IntakeOfficer])
    }

    /// Summon a client not handed over (I3): the head of office, or the registry calling
    /// clients (register SOP step 3).
    pub fn summon_clients(&self) -> Result<CaseGrant, WebError> {
        self.case_grant(&[Role::HeadOfOffice, Role::RegistryOfficer])
    }

    /// Record what became of a summons: the desk or registry that sees the client arrive,
    /// or the head of office.
    pub fn record_summons_outcomes(&self) -> Result<CaseGrant, WebError> {
        self.case_grant(&[
            Role::IntakeOfficer,
            Role::RegistryOfficer,
            Role::HeadOfOffice,
        ])
    }

    /// Enter people in the register (G1–G3): the registry.
    pub fn register_people(&self) -> Result<CaseGrant, WebError> {
        self.case_grant(&[Role::RegistryOfficer])
    }

    /// Read the office's register book: the office's staff.
    pub fn read_register(&self) -> Result<OfficeId, WebError> {
        let staff = [
            Role::RegistryOfficer,
            Role::HeadOfOffice,
            Role::HeadOfAdmin,
            Role::IntakeOfficer,
            Role::TppMember,
            Role::Pk,
        ];
        if staff.iter().any(|role| self.has(*role)) {
            self.office().ok_or(WebError::Forbidden)
        } else {
            Err(WebError::Forbidden)
        }
    }

    /// Issue the office's letters: the head of office, who signs them, and the head of
    /// administration, who drafts them for the head's signature (§2.2.3).
    pub fn issue_letters(&self) -> Result<CaseGrant, WebError> {
        self.case_grant(&[Role::HeadOfOffice, Role::HeadOfAdmin])
    }

    /// Record an evaluation at a milestone (M4): the case's PK or the head of office.
    pub fn evaluate_cases(&self) -> Result<CaseGrant, WebError> {
        self.case_grant(&[Role::Pk, Role::HeadOfOffice])
    }

    /// Read the office's partners (Annex V): the office's staff.
    pub fn read_partners(&self) -> Result<OfficeId, WebError> {
        self.office_staff(&[
            Role::HeadOfOffice,
            Role::HeadOfAdmin,
            Role::Pk,
            Role::RegistryOfficer,
            Role::IntakeOfficer,
            Role::TppMember,
        ])
    }

    /// Map, profile and visit partners (§2.1.2 a–d): the PKs and the head of office.
    pub fn manage_partners(&self) -> Result<OfficeId, WebError> {
        self.office_staff(&[Role::Pk, Role::HeadOfOffice])
    }

    /// Record a signed cooperation agreement (PKS): the head of office, who signs it.
    pub fn sign_agreements(&self) -> Result<OfficeId, WebError> {
        self.office_staff(&[Role::HeadOfOffice])
    }

    fn office_staff(&self, roles: &[Role]) -> Result<OfficeId, WebError> {
        if roles.iter().any(|role| self.has(*role)) {
            self.office().ok_or(WebError::Forbidden)
        } else {
            Err(WebError::Forbidden)
        }
    }

    /// Assess a case: the placement profile, the intervention record and the Litmas with its
    /// case plan (§2.2.5–2.2.6), and the placement (§2.3.1): the case's PK.
    pub fn assess_cases(&self) -> Result<CaseGrant, WebError> {
        self.case_grant(&[Role::Pk])
    }

    /// Approve the Litmas and case plan: the head of office.
    pub fn approve_assessments(&self) -> Result<CaseGrant, WebError> {
        self.case_grant(&[Role::HeadOfOffice])
    }

    /// Take part in appointing the PK (§2.2.3): the head of office gives the disposition
    /// and signs, the head of administration drafts; the domain says which step is whose.
    pub fn appoint_officers(&self) -> Result<CaseGrant, WebError> {
        self.case_grant(&[Role::HeadOfOffice, Role::HeadOfAdmin])
    }

    /// Upload a file for a case: scans of the decision and execution letter by the intake
    /// desk and the registry (documents may arrive later, D3); the photograph and the
    /// fingerprint by the registry, which records the person (G1).
    pub fn upload_files(&self, purpose: Purpose) -> Result<CaseGrant, WebError> {
        match purpose {
            Purpose::Photo | Purpose::Fingerprint => self.case_grant(&[Role::RegistryOfficer]),
            Purpose::TerminationEvidence => self.case_grant(&[Role::Pk]),
            // Evidence comes with its daily report, never on its own.
            Purpose::Evidence => Err(WebError::Forbidden),
            _ => self.case_grant(&[Role::IntakeOfficer, Role::RegistryOfficer]),
        }
    }

    /// View an uploaded file: the office staff who work the case and its PK. A face and a
    /// fingerprint are shown only to those who identify the person: the registry, the head
    /// of office and the PK. Every view is audited by the store.
    pub fn view_files(&self, purpose: Purpose) -> Result<CaseGrant, WebError> {
        if purpose == Purpose::Evidence {
            // The client's own evidence, the work place's supervisor and the PK who verify it,
            // and the head of office.
            return self.case_grant(&[
                Role::Client,
                Role::SiteSupervisor,
                Role::Pk,
                Role::HeadOfOffice,
            ]);
        }
        if purpose.is_biometric() {
            self.case_grant(&[Role::RegistryOfficer, Role::HeadOfOffice, Role::Pk])
        } else {
            self.case_grant(&[
                Role::IntakeOfficer,
                Role::RegistryOfficer,
                Role::HeadOfAdmin,
                Role::HeadOfOffice,
                Role::Pk,
            ])
        }
    }

    /// The audit actor for what a case grant allowed.
    pub fn case_actor(&self, grant: CaseGrant) -> Actor {
        self.caller.actor(grant.role.as_str(), &self.request_id)
    }
}

/// A passed check on case data.
#[derive(Debug, Clone, Copy)]
pub struct CaseGrant {
    pub scope: CaseScope,
    pub role: Role,
}

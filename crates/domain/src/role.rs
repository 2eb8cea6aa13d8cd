//! Roles of ARCHITECTURE §5. A user holds one or more; each role has a scope kind
//! (office, region, national, partner, person or prosecutor's office).

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    Admin,
    IntakeOfficer,
    RegistryOfficer,
    Pk,
    HeadOfAdmin,
    HeadOfOffice,
    TppMember,
    SiteSupervisor,
    Client,
    Prosecutor,
    RegionalManager,
    NationalManager,
    /// The data protection officer (*pejabat pelindungan data pribadi*, UU PDP Art. 53):
    /// national, answers data subjects and keeps the breach register.
    DataProtectionOfficer,
}

/// What a role's holder is bound to; decides which rows a query may touch.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ScopeKind {
    National,
    Region,
    Office,
    Partner,
    Person,
    ProsecutorOffice,
}

impl Role {
    pub const ALL: [Role; 13] = [
        Role::Admin,
        Role::IntakeOfficer,
        Role::RegistryOfficer,
        Role::Pk,
        Role::HeadOfAdmin,
        Role::HeadOfOffice,
        Role::TppMember,
        Role::SiteSupervisor,
        Role::Client,
        Role::Prosecutor,
        Role::RegionalManager,
        Role::NationalManager,
        Role::DataProtectionOfficer,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Role::Admin => "admin",
            Role::IntakeOfficer => "intake_officer",
            Role::RegistryOfficer => "registry_officer",
            Role::Pk => "pk",
            Role::HeadOfAdmin => "head_of_admin",
            Role::HeadOfOffice => "head_of_office",
            Role::TppMember => "tpp_member",
            Role::SiteSupervisor => "site_supervisor",
            Role::Client => "client",
            Role::Prosecutor => "prosecutor",
            Role::RegionalManager => "regional_manager",
            Role::NationalManager => "national_manager",
            Role::DataProtectionOfficer => "data_protection_officer",
        }
    }

    pub fn parse(text: &str) -> Option<Role> {
        Role::ALL.into_iter().find(|role| role.as_str() == text)
    }

    /// The kind of scope this role is bound to. The admin is national: it manages
    /// offices and staff everywhere, but case data is not its business (see the web crate).
    pub fn scope_kind(self) -> ScopeKind {
        match self {
            Role::Admin | Role::NationalManager | Role::DataProtectionOfficer => {
                ScopeKind::National
            }
            Role::RegionalManager => ScopeKind::Region,
            Role::SiteSupervisor => ScopeKind::Partner,
            Role::Client => ScopeKind::Person,
            Role::Prosecutor => ScopeKind::ProsecutorOffice,
            Role::IntakeOfficer
            | Role::RegistryOfficer
            | Role::Pk
            | Role::HeadOfAdmin
            | Role::HeadOfOffice
            | Role::TppMember => ScopeKind::Office,
        }
    }

    /// Bapas staff: roles bound to one office.
    pub fn is_office_staff(self) -> bool {
        self.scope_kind() == ScopeKind::Office
    }

    /// Who may protect their login with a second factor (TOTP): the Bapas's own staff and
    /// the managers above them — not clients, partners' supervisors or prosecutors, whose
    /// logins the Bapas does not administer.
    pub fn may_use_second_factor(self) -> bool {
        self.is_office_staff()
            || matches!(
                self,
                Role::Admin
                    | Role::RegionalManager
                    | Role::NationalManager
                    | Role::DataProtectionOfficer
            )
    }

    /// Who must have a second factor before any page (issue 12, item 8): the roles that
    /// sign for an office or reach more than one.
    pub fn requires_second_factor(self) -> bool {
        matches!(
            self,
            Role::HeadOfOffice
                | Role::Admin
                | Role::RegionalManager
                | Role::NationalManager
                | Role::DataProtectionOfficer
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_role_round_trips_through_its_name() {
        for role in Role::ALL {
            assert_eq!(Role::parse(role.as_str()), Some(role));
        }
        assert_eq!(Role::parse("root"), None);
    }

    #[test]
    fn office_staff_are_bound_to_an_office_and_others_are_not() {
        assert!(Role::Pk.is_office_staff());
        assert!(Role::HeadOfOffice.is_office_staff());
        assert!(!Role::Client.is_office_staff());
        assert_eq!(Role::SiteSupervisor.scope_kind(), ScopeKind::Partner);
        assert_eq!(Role::Prosecutor.scope_kind(), ScopeKind::ProsecutorOffice);
    }

    #[test]
    fn the_head_and_the_managers_must_have_a_second_factor_and_outsiders_have_none() {
        for role in Role::ALL {
            if role.requires_second_factor() {
                assert!(role.may_use_second_factor(), "{role:?}");
            }
        }
        assert!(Role::HeadOfOffice.requires_second_factor());
        assert!(Role::NationalManager.requires_second_factor());
        assert!(Role::Pk.may_use_second_factor() && !Role::Pk.requires_second_factor());
        assert!(!Role::Client.may_use_second_factor());
        assert!(!Role::SiteSupervisor.may_use_second_factor());
    }
}

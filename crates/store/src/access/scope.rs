//! Scopes: which rows a query may touch. Made only here, from a user's binding and the
//! reach the domain's permission table gives one of their roles.

use karya_domain::Reach;

use crate::ids::{OfficeId, PartnerId, PersonId, ProsecutorOfficeId, RegionId, UserId};
use crate::users::User;

/// An organisation scope (offices, staff, partners, the audit trail). Opaque outside the
/// store: its field is private to the crate, so handlers get one only from a
/// [`super::Grant`]; what it covers can be read with [`Scope::view`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Scope(pub(crate) ScopeView);

/// What a scope covers, for showing it to people; store functions never take it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ScopeView {
    National,
    Region(RegionId),
    Office(OfficeId),
    Partner(PartnerId),
    Person(PersonId),
    ProsecutorOffice(ProsecutorOfficeId),
    /// Reaches no row; what an incomplete binding would give.
    Nothing,
}

impl Scope {
    pub(crate) const NOTHING: Scope = Scope(ScopeView::Nothing);

    /// The scope `reach` gives `user`, if their binding is complete for it.
    pub(crate) fn of(user: &User, reach: Reach) -> Option<Scope> {
        let binding = user.binding;
        Some(Scope(match reach {
            Reach::National => ScopeView::National,
            Reach::Region => ScopeView::Region(binding.region?),
            Reach::Office | Reach::AssignedCases => ScopeView::Office(binding.office?),
            Reach::PartnerClients => ScopeView::Partner(binding.partner?),
            Reach::Themself => ScopeView::Person(binding.person?),
            Reach::ProsecutorOffice => ScopeView::ProsecutorOffice(binding.prosecutor_office?),
        }))
    }

    /// The office this scope is limited to, if it is an office scope.
    pub fn office(self) -> Option<OfficeId> {
        match self.0 {
            ScopeView::Office(office) => Some(office),
            _ => None,
        }
    }

    /// The partner this scope is limited to, if it is a supervisor's.
    pub fn partner(self) -> Option<PartnerId> {
        match self.0 {
            ScopeView::Partner(partner) => Some(partner),
            _ => None,
        }
    }

    pub fn view(self) -> ScopeView {
        self.0
    }
}

/// Which cases a grant reaches: managers by area, office staff by office, a PK the cases
/// assigned to them, a supervisor the cases placed at their partner, a client their own,
/// a prosecutor their office's.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum CaseScope {
    National,
    Region(RegionId),
    Office(OfficeId),
    AssignedTo(UserId),
    Partner(PartnerId),
    Person(PersonId),
    ProsecutorOffice(ProsecutorOfficeId),
}

impl CaseScope {
    pub(crate) fn of(user: &User, reach: Reach) -> Option<CaseScope> {
        let binding = user.binding;
        Some(match reach {
            Reach::National => CaseScope::National,
            Reach::Region => CaseScope::Region(binding.region?),
            Reach::Office => CaseScope::Office(binding.office?),
            Reach::AssignedCases => CaseScope::AssignedTo(user.id),
            Reach::PartnerClients => CaseScope::Partner(binding.partner?),
            Reach::Themself => CaseScope::Person(binding.person?),
            Reach::ProsecutorOffice => CaseScope::ProsecutorOffice(binding.prosecutor_office?),
        })
    }
}

//! What the caller may see. The web layer turns an authenticated user into a [`Scope`]
//! after its role check; repository functions take one and put it into their `WHERE`.

use crate::ids::{OfficeId, PartnerId, PersonId, ProsecutorOfficeId, RegionId};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    National,
    Region(RegionId),
    Office(OfficeId),
    Partner(PartnerId),
    Person(PersonId),
    ProsecutorOffice(ProsecutorOfficeId),
}

impl Scope {
    /// The office this scope is limited to, if it is an office scope.
    pub fn office(self) -> Option<OfficeId> {
        match self {
            Scope::Office(office) => Some(office),
            _ => None,
        }
    }
}

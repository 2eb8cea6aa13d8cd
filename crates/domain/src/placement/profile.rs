//! What the ranking reads: the client's profile (from the Litmas and the case plan) and each
//! partner's current offer (from its profile and its PKS). Both are plain data; the store
//! builds them, the domain never reads a clock or a database.

use serde::{Deserialize, Serialize};

use super::accommodation::{Accommodations, SpecialNeeds};
use super::field::{Field, Fields};
use super::geo::Coordinates;
use super::work_form::WorkFormId;

/// A partner institution (mitra), by the store's id.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(transparent)]
pub struct PartnerId(pub i64);

/// What placement needs to know about the client.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ClientProfile {
    /// P3: where the client lives, if known.
    pub home: Option<Coordinates>,
    /// P3: family members who depend on the client; distance weighs more with any.
    pub dependants: u32,
    /// Fields the client's profession or skills fit (elucidation of Art. 85(1)): preferred,
    /// not mandatory.
    pub skill_fields: Fields,
    /// P1: the field of an offence committed through the client's profession (a doctor's
    /// malpractice: [`Field::Health`]).
    pub offence_through_profession: Option<Field>,
    /// P1: fields where the client was a victim or that may cause trauma.
    pub trauma_fields: Fields,
    /// P1: institutions where the client was a victim (e.g. suspected of torturing them).
    pub trauma_partners: Vec<PartnerId>,
    /// P2: partners where the victim lives or works.
    pub victim_partners: Vec<PartnerId>,
    /// P2: where the victim lives or works, when known.
    pub victim_locations: Vec<Coordinates>,
    /// P3: the special-needs groups the client belongs to (§2.3.1 a–f).
    pub special_needs: SpecialNeeds,
    /// P7: the client has the skills for high-safety-risk work. P6 has no such exception.
    pub safety_skill: bool,
    /// P9: the client has an infectious disease…
    pub infectious_disease: bool,
    /// P9: …and a medical statement says they are safe for themselves and others.
    pub medical_clearance: bool,
    /// P10: the client must prove attendance with monitoring technology.
    pub monitoring_required: bool,
}

/// A partner's offer of places, as of the day of ranking.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PartnerOffer {
    pub partner: PartnerId,
    /// P1: the partner's field.
    pub field: Field,
    /// P2, P3: where the work is done, if known.
    pub location: Option<Coordinates>,
    /// L9: a PKS (cooperation agreement) is in force on the day of ranking. The caller
    /// compares the agreement's dates with the office's local day.
    pub has_active_agreement: bool,
    /// L9: places left under the agreement (clients the partner can still take).
    pub capacity_remaining: u32,
    /// P3: the accommodations the site offers (partner profile, §2.1.2 b).
    pub accommodations: Accommodations,
    /// The work forms the partner offers; a repeated form is ranked once.
    pub work_forms: Vec<WorkFormId>,
    /// P10: a supervisor (PJ) is appointed for clients at this partner.
    pub supervisor_bound: bool,
}

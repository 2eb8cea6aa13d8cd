//! Placement (§2.3.1, rules P1–P10): which partner and which work form suit a client.
//!
//! [`rank`] takes the client's profile and the partners' current offers and returns one
//! [`Candidate`] per (partner, work form): **excluded** by every hard rule that applies, or
//! **eligible** with a score that is the sum of its explained reasons. Pure data in, data out:
//! no clock (the caller says whether each PKS is in force today), no I/O.
//!
//! Policy:
//! - **Hard exclusions** (never overridden): P1 offence through the profession, trauma field or
//!   institution; P2 the victim's place or within 2 km of it; P4 vulnerable groups; P5
//!   confidential data; P6 technical risk (no skill exception: the seed says "Klien tidak
//!   diberikan pekerjaan…" outright); P7 safety risk without the skills, or for a pregnant
//!   client whatever her skills (§2.3.1 c); P8 dangerous objects outside environmental
//!   cleaning; P9 an infectious disease without medical clearance (every place); P10 no PJ
//!   appointed; L9 no PKS in force, or no place left under it. L9 is the cooperation of
//!   Art. 85(8) that the PKS formalises (§2.1.2), and the partner's capacity is part of that
//!   cooperation's profile (§2.1.2 b), so both cite L9.
//! - **Soft scores** (explained, one point ≈ one km): P3 distance from home, doubled with
//!   dependants; P3 accommodations the client's special needs call for and the site lacks;
//!   the profession match of the elucidation of Art. 85(1), preferred but not mandatory; P2
//!   a work place without coordinates when the victim's are known.
//! - **A missing accommodation is a penalty, not an exclusion.** The seed makes it the PK's
//!   duty to *ensure* it ("PK … memastikan"), which the PK can do before the placement
//!   starts (a companion, a lactation room agreed with the partner), and partner profiles
//!   lag behind sites. Excluding would leave a client with a disability without any place
//!   where no site is fully accessible yet — itself the discrimination GEDSI forbids. The
//!   penalty (100 points each) outweighs any commute, so a site that has them ranks first.
//! - **Notes** (0 points) tell the PK what to arrange: the protective equipment (P9), the
//!   environmental-cleaning tools allowed (P8), high-risk work allowed by the client's
//!   skills (P7), a medical clearance on record (P9), monitoring technology (P10).
//! - Choosing other than the first candidate is an [`Override`] with a reason; an excluded
//!   candidate cannot be chosen ([`check_override`]).

pub mod accommodation;
mod assess;
pub mod catalogue;
mod choice;
mod explain;
pub mod field;
mod geo;
mod policy;
mod profile;
mod rank;
pub mod set;
pub mod tables;
mod verdict;
pub mod work_form;

pub use accommodation::{Accommodation, Accommodations, SpecialNeed, SpecialNeeds};
pub use choice::{
    Override, check_credit_ready, check_distance, check_distance_approved, check_override,
};
pub use field::{Field, Fields, Place, Sector};
pub use geo::Coordinates;
pub use policy::Policy;
pub use profile::{ClientProfile, PartnerId, PartnerOffer};
pub use rank::{best_first, rank, rank_with};
pub use verdict::{Candidate, Exclusion, ScoreReason, Verdict};
pub use work_form::{Ppe, Risk, Source, Tools, WorkForm, WorkFormId};

#[cfg(test)]
mod tests;

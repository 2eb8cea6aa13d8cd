//! Tests of the ranking: hard exclusions (P1, P2, P4–P10, L9), scores (P2, P3, Art. 85(1))
//! and order, and properties of the whole ranking.

mod exclusions;
mod props;
mod scoring;

use super::*;

/// Kilometres in one degree of latitude on the mean Earth sphere.
const KM_PER_DEGREE: f64 = 6371.0088 * std::f64::consts::PI / 180.0;

pub(super) const HOME: (f64, f64) = (-6.2, 106.8);

pub(super) fn form(code: &str) -> WorkFormId {
    WorkFormId::parse(code).unwrap_or_else(|| panic!("{code} is not in the catalogue"))
}

/// The point `km` north of the client's home.
pub(super) fn north_of_home(km: f64) -> Coordinates {
    Coordinates::new(HOME.0 + km / KM_PER_DEGREE, HOME.1).expect("on Earth")
}

/// A partner with an agreement, a place, a PJ and no accommodations, `km` north of home.
pub(super) fn partner(id: i64, field: Field, km: f64, forms: &[&str]) -> PartnerOffer {
    PartnerOffer {
        partner: PartnerId(id),
        field,
        location: Some(north_of_home(km)),
        has_active_agreement: true,
        capacity_remaining: 3,
        accommodations: Accommodations::empty(),
        work_forms: forms.iter().map(|code| form(code)).collect(),
        supervisor_bound: true,
    }
}

/// A client at `HOME` with no special circumstances.
pub(super) fn client() -> ClientProfile {
    ClientProfile {
        home: Some(north_of_home(0.0)),
        ..ClientProfile::default()
    }
}

pub(super) fn find<'a>(candidates: &'a [Candidate], id: i64, code: &str) -> &'a Candidate {
    candidates
        .iter()
        .find(|c| c.partner == PartnerId(id) && c.work_form.code() == code)
        .unwrap_or_else(|| panic!("no candidate {id} {code}"))
}

/// The only candidate of a ranking over one partner with one work form.
pub(super) fn only(client: &ClientProfile, partner: PartnerOffer) -> Candidate {
    let mut candidates = rank(client, &[partner]);
    assert_eq!(candidates.len(), 1);
    candidates.remove(0)
}

pub(super) fn rules_of(candidate: &Candidate) -> Vec<crate::rule::Rule> {
    candidate.exclusions().iter().map(Exclusion::rule).collect()
}

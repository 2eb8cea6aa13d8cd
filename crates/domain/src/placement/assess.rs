//! The rules applied to one partner and one of its work forms: hard exclusions (P1, P2,
//! P4–P10, L9) and, when none applies, the explained score (P2, P3, P7–P10, Art. 85(1)).
//!
//! Work is split so that the ranking loop does each thing once: what depends only on the
//! client is prepared once ([`Client`]), what depends on the partner once per partner
//! ([`Site`]), and only the work form's own attributes per candidate.

use super::accommodation::{self, Accommodations, SpecialNeed};
use super::policy::Policy;
use super::profile::{ClientProfile, PartnerOffer};
use super::verdict::{Exclusion, ScoreReason, Verdict};
use super::work_form::{Tools, WorkForm};

/// What the rules need from the client, computed once per ranking.
pub(super) struct Client<'a> {
    profile: &'a ClientProfile,
    /// P3: the accommodations the client's special needs call for.
    needed: Accommodations,
    /// P7: §2.3.1 c, no risky work for a pregnant client.
    pregnant: bool,
    /// P9: an infectious disease without a medical clearance.
    contagious: bool,
    /// P3: points lost per kilometre, by dependants.
    points_per_km: f64,
}

impl<'a> Client<'a> {
    pub(super) fn new(policy: &Policy, profile: &'a ClientProfile) -> Client<'a> {
        Client {
            profile,
            needed: accommodation::needed(profile.special_needs),
            pregnant: profile.special_needs.contains(SpecialNeed::Pregnant),
            contagious: profile.infectious_disease && !profile.medical_clearance,
            points_per_km: if profile.dependants > 0 {
                policy.points_per_km_with_dependants
            } else {
                policy.points_per_km
            },
        }
    }
}

/// What the rules say about one partner, whatever the work form.
pub(super) struct Site {
    exclusions: Vec<Exclusion>,
    distance: ScoreReason,
    beyond_limit: Option<ScoreReason>,
    victim_unknown: Option<ScoreReason>,
    accommodations: Option<ScoreReason>,
}

/// Kilometres rounded to 0.1, as shown to users.
fn shown_km(km: f64) -> f64 {
    (km * 10.0).round() / 10.0
}

fn penalty(km: f64, points_per_km: f64) -> i32 {
    // `as` saturates; distances on Earth stay far below i32::MAX anyway.
    -((km * points_per_km).round() as i32)
}

pub(super) fn site(policy: &Policy, client: &Client<'_>, partner: &PartnerOffer) -> Site {
    let profile = client.profile;
    let mut exclusions = Vec::new();
    // P1: the partner's own field, or the institution itself.
    if profile.offence_through_profession == Some(partner.field) {
        exclusions.push(Exclusion::OffenceThroughProfession {
            field: partner.field,
        });
    }
    if profile.trauma_fields.contains(partner.field) {
        exclusions.push(Exclusion::TraumaField {
            field: partner.field,
        });
    }
    if profile.trauma_partners.contains(&partner.partner) {
        exclusions.push(Exclusion::TraumaInstitution);
    }
    // P2: the victim's place, or near it.
    if profile.victim_partners.contains(&partner.partner) {
        exclusions.push(Exclusion::VictimAtPartner);
    }
    let mut victim_unknown = None;
    if !profile.victim_locations.is_empty() {
        match partner.location {
            Some(location) => {
                let nearest = profile
                    .victim_locations
                    .iter()
                    .map(|victim| victim.distance_km(location))
                    .fold(f64::INFINITY, f64::min);
                if nearest < policy.victim_min_km {
                    exclusions.push(Exclusion::NearVictim {
                        km: shown_km(nearest),
                        min_km: policy.victim_min_km,
                    });
                }
            }
            None => {
                victim_unknown = Some(ScoreReason::VictimDistanceUnknown {
                    points: -policy.victim_distance_unknown_points,
                });
            }
        }
    }
    // P9, P10, L9.
    if client.contagious {
        exclusions.push(Exclusion::InfectiousDisease);
    }
    if !partner.supervisor_bound {
        exclusions.push(Exclusion::NoSupervisor);
    }
    if !partner.has_active_agreement {
        exclusions.push(Exclusion::NoAgreement);
    }
    if partner.capacity_remaining == 0 {
        exclusions.push(Exclusion::NoCapacity);
    }
    // P3: distance from home, and accommodations.
    let distance = match (profile.home, partner.location) {
        (Some(home), Some(location)) => {
            let km = home.distance_km(location);
            ScoreReason::Distance {
                km: shown_km(km),
                dependants: profile.dependants,
                points: penalty(km, client.points_per_km),
            }
        }
        _ => ScoreReason::DistanceUnknown {
            assumed_km: policy.assumed_km,
            points: penalty(policy.assumed_km, client.points_per_km),
        },
    };
    let limit_km = if profile.dependants > 0 {
        policy.distance_limit_with_dependants_km
    } else {
        policy.distance_limit_km
    };
    let beyond_limit = match distance {
        ScoreReason::Distance { km, .. } if km > limit_km => {
            Some(ScoreReason::BeyondDistanceLimit { km, limit_km })
        }
        _ => None,
    };
    let accommodations = (!client.needed.is_empty()).then(|| {
        let missing = client.needed.difference(partner.accommodations);
        if missing.is_empty() {
            ScoreReason::AccommodationsMet {
                provided: client.needed,
            }
        } else {
            let count = i32::try_from(missing.len()).unwrap_or(i32::MAX);
            ScoreReason::MissingAccommodations {
                missing,
                points: count.saturating_mul(-policy.missing_accommodation_points),
            }
        }
    });
    Site {
        exclusions,
        distance,
        beyond_limit,
        victim_unknown,
        accommodations,
    }
}

/// The verdict for one work form at a partner already assessed as `site`.
pub(super) fn verdict(
    policy: &Policy,
    client: &Client<'_>,
    partner: &PartnerOffer,
    site: &Site,
    form: &WorkForm,
) -> Verdict {
    let exclusions = exclusions(client, partner, site, form);
    if !exclusions.is_empty() {
        return Verdict::Excluded(exclusions);
    }
    let reasons = reasons(policy, client, site, form);
    let score = reasons
        .iter()
        .fold(0i32, |sum, reason| sum.saturating_add(reason.points()));
    Verdict::Eligible { score, reasons }
}

fn exclusions(
    client: &Client<'_>,
    partner: &PartnerOffer,
    site: &Site,
    form: &WorkForm,
) -> Vec<Exclusion> {
    let profile = client.profile;
    let risk = &form.risk;
    let mut exclusions = site.exclusions.clone();
    // P1 on the work's field, when it differs from the partner's (already checked).
    if form.field != partner.field {
        if profile.offence_through_profession == Some(form.field) {
            exclusions.push(Exclusion::OffenceThroughProfession { field: form.field });
        }
        if profile.trauma_fields.contains(form.field) {
            exclusions.push(Exclusion::TraumaField { field: form.field });
        }
    }
    if risk.vulnerable_contact {
        exclusions.push(Exclusion::VulnerableGroups);
    }
    if risk.confidential_data {
        exclusions.push(Exclusion::ConfidentialData);
    }
    if risk.technical_risk {
        exclusions.push(Exclusion::TechnicalRisk);
    }
    if risk.safety_risk && (client.pregnant || !profile.safety_skill) {
        exclusions.push(Exclusion::SafetyRisk {
            pregnant: client.pregnant,
        });
    }
    if risk.tools == Tools::Dangerous {
        exclusions.push(Exclusion::DangerousTools);
    }
    if exclusions.len() > 1 {
        // Stable: within one rule, the order above (partner before work form).
        exclusions.sort_by_key(Exclusion::rule);
    }
    exclusions
}

fn reasons(policy: &Policy, client: &Client<'_>, site: &Site, form: &WorkForm) -> Vec<ScoreReason> {
    let profile = client.profile;
    let risk = &form.risk;
    let mut reasons = Vec::with_capacity(4);
    reasons.push(site.distance.clone());
    reasons.extend(site.beyond_limit.clone());
    reasons.extend(site.victim_unknown.clone());
    reasons.extend(site.accommodations.clone());
    if profile.skill_fields.contains(form.field) {
        reasons.push(ScoreReason::ProfessionMatch {
            field: form.field,
            points: policy.profession_match_points,
        });
    }
    if risk.safety_risk {
        // Only reached with the skills: otherwise P7 excluded the work.
        reasons.push(ScoreReason::SafetySkill);
    }
    if risk.tools == Tools::EnvironmentalCleaning {
        reasons.push(ScoreReason::EnvironmentalCleaningTools);
    }
    if !risk.protective_equipment.is_empty() {
        reasons.push(ScoreReason::ProtectiveEquipment {
            items: risk.protective_equipment,
        });
    }
    if profile.infectious_disease {
        // Only reached with a clearance: otherwise P9 excluded every place.
        reasons.push(ScoreReason::MedicalClearance);
    }
    if profile.monitoring_required {
        reasons.push(ScoreReason::MonitoringRequired);
    }
    reasons
}

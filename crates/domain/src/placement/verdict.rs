//! The outcome for one (partner, work form): excluded by hard rules, or eligible with a score
//! whose every point is explained. Each exclusion and reason names its rule and carries the
//! numbers a user needs; `explain` turns them into Indonesian and English sentences.

use serde::Serialize;

use super::accommodation::Accommodations;
use super::field::Field;
use super::profile::PartnerId;
use super::work_form::{Ppe, WorkFormId};
use crate::rule::Rule;

/// A hard rule that rules the candidate out. It cannot be overridden.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Exclusion {
    /// P1: the partner or the work is in the field of the client's professional offence.
    OffenceThroughProfession { field: Field },
    /// P1: the partner or the work is in a field where the client was a victim (trauma).
    TraumaField { field: Field },
    /// P1: the client was a victim at this institution.
    TraumaInstitution,
    /// P2: the victim lives or works at this partner.
    VictimAtPartner,
    /// P2: the work place is within `min_km` of where the victim lives or works.
    NearVictim { km: f64, min_km: f64 },
    /// P4: the work is direct interaction with vulnerable groups.
    VulnerableGroups,
    /// P5: the work gives access to confidential data.
    ConfidentialData,
    /// P6: the work has a high technical risk (no skill makes it allowed).
    TechnicalRisk,
    /// P7: high safety risk, for a client without the skills, or for a pregnant client
    /// whatever her skills (§2.3.1 c: the work must not endanger mother and foetus).
    SafetyRisk { pregnant: bool },
    /// P8: the work needs dangerous objects outside environmental cleaning.
    DangerousTools,
    /// P9: the client has an infectious disease and no medical clearance.
    InfectiousDisease,
    /// P10: no supervisor (PJ) is appointed at the partner.
    NoSupervisor,
    /// L9: no cooperation agreement (PKS) is in force with the partner.
    NoAgreement,
    /// L9: the partner has no place left under its agreement.
    NoCapacity,
}

impl Exclusion {
    /// The rule of DOMAIN.md this exclusion applies.
    pub fn rule(&self) -> Rule {
        match self {
            Exclusion::OffenceThroughProfession { .. }
            | Exclusion::TraumaField { .. }
            | Exclusion::TraumaInstitution => Rule::P1,
            Exclusion::VictimAtPartner | Exclusion::NearVictim { .. } => Rule::P2,
            Exclusion::VulnerableGroups => Rule::P4,
            Exclusion::ConfidentialData => Rule::P5,
            Exclusion::TechnicalRisk => Rule::P6,
            Exclusion::SafetyRisk { .. } => Rule::P7,
            Exclusion::DangerousTools => Rule::P8,
            Exclusion::InfectiousDisease => Rule::P9,
            Exclusion::NoSupervisor => Rule::P10,
            Exclusion::NoAgreement | Exclusion::NoCapacity => Rule::L9,
        }
    }
}

/// A contribution to an eligible candidate's score, or a note the PK must act on (0 points).
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum ScoreReason {
    /// P3: distance from home (km rounded to 0.1); heavier with dependants.
    Distance {
        km: f64,
        dependants: u32,
        points: i32,
    },
    /// P3: the home or the work place has no coordinates; scored as `assumed_km`.
    DistanceUnknown { assumed_km: f64, points: i32 },
    /// P3: accommodations the client needs that the site does not offer. The PK must ensure
    /// them before the placement starts.
    MissingAccommodations {
        missing: Accommodations,
        points: i32,
    },
    /// P3: the site offers every accommodation the client needs.
    AccommodationsMet { provided: Accommodations },
    /// L9 (elucidation of Art. 85(1)): the work matches the client's profession or skills.
    ProfessionMatch { field: Field, points: i32 },
    /// P2: victim locations are known but the work place has none; the PK must check.
    VictimDistanceUnknown { points: i32 },
    /// P7: high safety risk, allowed because the client has the skills.
    SafetySkill,
    /// P8: the work uses environmental-cleaning tools, the exception P8 allows.
    EnvironmentalCleaningTools,
    /// P9: the protective equipment the client must wear.
    ProtectiveEquipment { items: &'static [Ppe] },
    /// P9: an infectious disease is on record with a medical clearance.
    MedicalClearance,
    /// P10: attendance must be proved with monitoring technology.
    MonitoringRequired,
    /// P3: farther from home than the office's limit (10 km with dependants): not a normal
    /// choice; the PK must justify that the client can attend, and the head approve.
    BeyondDistanceLimit { km: f64, limit_km: f64 },
}

impl ScoreReason {
    /// The rule of DOMAIN.md behind this reason.
    pub fn rule(&self) -> Rule {
        match self {
            ScoreReason::Distance { .. }
            | ScoreReason::DistanceUnknown { .. }
            | ScoreReason::MissingAccommodations { .. }
            | ScoreReason::AccommodationsMet { .. }
            | ScoreReason::BeyondDistanceLimit { .. } => Rule::P3,
            ScoreReason::ProfessionMatch { .. } => Rule::L9,
            ScoreReason::VictimDistanceUnknown { .. } => Rule::P2,
            ScoreReason::SafetySkill => Rule::P7,
            ScoreReason::EnvironmentalCleaningTools => Rule::P8,
            ScoreReason::ProtectiveEquipment { .. } | ScoreReason::MedicalClearance => Rule::P9,
            ScoreReason::MonitoringRequired => Rule::P10,
        }
    }

    /// The points this reason adds to the score (negative for a penalty, 0 for a note).
    pub fn points(&self) -> i32 {
        match self {
            ScoreReason::Distance { points, .. }
            | ScoreReason::DistanceUnknown { points, .. }
            | ScoreReason::MissingAccommodations { points, .. }
            | ScoreReason::ProfessionMatch { points, .. }
            | ScoreReason::VictimDistanceUnknown { points } => *points,
            ScoreReason::AccommodationsMet { .. }
            | ScoreReason::SafetySkill
            | ScoreReason::EnvironmentalCleaningTools
            | ScoreReason::ProtectiveEquipment { .. }
            | ScoreReason::MedicalClearance
            | ScoreReason::MonitoringRequired
            | ScoreReason::BeyondDistanceLimit { .. } => 0,
        }
    }
}

/// Excluded, or eligible with a score (the sum of its reasons' points; higher is better).
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Verdict {
    Eligible {
        score: i32,
        reasons: Vec<ScoreReason>,
    },
    /// Every hard rule that applies, ordered by rule.
    Excluded(Vec<Exclusion>),
}

/// One work form at one partner, with its verdict.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Candidate {
    pub partner: PartnerId,
    pub work_form: WorkFormId,
    pub verdict: Verdict,
}

impl Candidate {
    pub fn is_eligible(&self) -> bool {
        matches!(self.verdict, Verdict::Eligible { .. })
    }

    /// The score, if eligible.
    pub fn score(&self) -> Option<i32> {
        match self.verdict {
            Verdict::Eligible { score, .. } => Some(score),
            Verdict::Excluded(_) => None,
        }
    }

    /// The exclusions; empty when eligible.
    pub fn exclusions(&self) -> &[Exclusion] {
        match &self.verdict {
            Verdict::Excluded(exclusions) => exclusions,
            Verdict::Eligible { .. } => &[],
        }
    }

    /// The score's reasons; empty when excluded.
    pub fn reasons(&self) -> &[ScoreReason] {
        match &self.verdict {
            Verdict::Eligible { reasons, .. } => reasons,
            Verdict::Excluded(_) => &[],
        }
    }

    /// The distance from home and the limit it exceeds, when the work place is beyond the
    /// office's distance limit (P3).
    pub fn beyond_limit(&self) -> Option<(f64, f64)> {
        self.reasons().iter().find_map(|r| match r {
            ScoreReason::BeyondDistanceLimit { km, limit_km } => Some((*km, *limit_km)),
            _ => None,
        })
    }

    /// Whether an exclusion or a reason cites `rule`.
    pub fn cites(&self, rule: Rule) -> bool {
        self.exclusions().iter().any(|e| e.rule() == rule)
            || self.reasons().iter().any(|r| r.rule() == rule)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::placement::accommodation::Accommodation;

    #[test]
    fn a_candidate_serialises_with_codes_and_numbers_for_the_web_layer() {
        let work_form = WorkFormId::parse("religious.cleaning_facilities").expect("in catalogue");
        let eligible = Candidate {
            partner: PartnerId(5),
            work_form,
            verdict: Verdict::Eligible {
                score: -112,
                reasons: vec![
                    ScoreReason::Distance {
                        km: 12.4,
                        dependants: 1,
                        points: -12,
                    },
                    ScoreReason::MissingAccommodations {
                        missing: Accommodations::of(&[Accommodation::LactationRoom]),
                        points: -100,
                    },
                    ScoreReason::ProtectiveEquipment {
                        items: &[Ppe::Gloves],
                    },
                ],
            },
        };
        assert_eq!(
            serde_json::to_value(&eligible).unwrap(),
            serde_json::json!({
                "partner": 5,
                "work_form": "religious.cleaning_facilities",
                "verdict": {"eligible": {"score": -112, "reasons": [
                    {"kind": "distance", "km": 12.4, "dependants": 1, "points": -12},
                    {"kind": "missing_accommodations", "missing": ["lactation_room"], "points": -100},
                    {"kind": "protective_equipment", "items": ["gloves"]},
                ]}},
            })
        );
        let excluded = Candidate {
            verdict: Verdict::Excluded(vec![
                Exclusion::OffenceThroughProfession {
                    field: Field::Religious,
                },
                Exclusion::NoAgreement,
            ]),
            ..eligible
        };
        assert_eq!(
            serde_json::to_value(&excluded).unwrap()["verdict"],
            serde_json::json!({"excluded": [
                {"kind": "offence_through_profession", "field": "religious"},
                {"kind": "no_agreement"},
            ]})
        );
        assert_eq!(excluded.exclusions()[1].rule(), Rule::L9);
        assert!(excluded.cites(Rule::P1) && !excluded.cites(Rule::P3));
    }
}

//! The PK's choice of a candidate other than the one ranked first (an override).
//!
//! The ranking advises; the PK decides (§2.3.1: the PK places the client and must mitigate
//! risk). Choosing a lower-ranked eligible candidate is allowed with a written reason, kept
//! with the placement — for a candidate that lacks an accommodation, the reason says how the
//! PK ensures it. A hard exclusion (P1, P2, P4–P10, L9) is never overridden: the rules say
//! the client *is not* placed there.

use super::verdict::{Candidate, ScoreReason, Verdict};
use crate::rule::{Refusal, Rule, Violation};

/// A candidate chosen against the ranking, with the PK's reason. Only [`Override::new`]
/// makes one, so every override has passed [`check_override`].
#[derive(Debug, Clone, PartialEq)]
pub struct Override {
    candidate: Candidate,
    reason: String,
}

impl Override {
    pub fn new(candidate: Candidate, reason: &str) -> Result<Override, Violation> {
        check_override(&candidate, reason)?;
        Ok(Override {
            candidate,
            reason: reason.trim().to_owned(),
        })
    }

    pub fn candidate(&self) -> &Candidate {
        &self.candidate
    }

    /// The PK's reason, trimmed.
    pub fn reason(&self) -> &str {
        &self.reason
    }
}

/// Refuses an excluded candidate (citing its first rule and listing them all) and an empty
/// reason (citing the rule of the candidate's largest penalty, P3 if it has none).
pub fn check_override(candidate: &Candidate, reason: &str) -> Result<(), Violation> {
    match &candidate.verdict {
        Verdict::Excluded(exclusions) => {
            let first = exclusions.first().map_or(Rule::P1, |e| e.rule());
            Err(Violation::new(
                first,
                "candidate",
                Refusal::PlacementExcluded {
                    exclusions: exclusions.clone(),
                },
            ))
        }
        Verdict::Eligible { reasons, .. } if reason.trim().is_empty() => {
            let worst = reasons
                .iter()
                .filter(|r| r.points() < 0)
                .min_by_key(|r| r.points())
                .map_or(Rule::P3, ScoreReason::rule);
            Err(Violation::new(
                worst,
                "reason",
                Refusal::OverrideReasonRequired,
            ))
        }
        Verdict::Eligible { .. } => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::placement::accommodation::{Accommodation, Accommodations};
    use crate::placement::profile::PartnerId;
    use crate::placement::verdict::Exclusion;
    use crate::placement::work_form::WorkFormId;

    fn candidate(verdict: Verdict) -> Candidate {
        Candidate {
            partner: PartnerId(7),
            work_form: WorkFormId::parse("health.cleaning_facilities").expect("in catalogue"),
            verdict,
        }
    }

    #[test]
    fn refuses_overriding_a_hard_exclusion() {
        let excluded = candidate(Verdict::Excluded(vec![
            Exclusion::OffenceThroughProfession {
                field: crate::placement::field::Field::Health,
            },
            Exclusion::NoSupervisor,
        ]));
        let violation = check_override(&excluded, "Klien sangat cocok di sini").unwrap_err();
        assert_eq!(violation.rule, Some(Rule::P1));
        assert_eq!(violation.field, "candidate");
        assert_eq!(
            violation.refusal,
            Refusal::PlacementExcluded {
                exclusions: vec![
                    Exclusion::OffenceThroughProfession {
                        field: crate::placement::field::Field::Health,
                    },
                    Exclusion::NoSupervisor,
                ]
            }
        );
        assert!(Override::new(excluded, "any").is_err());
    }

    #[test]
    fn refuses_an_override_without_a_reason_citing_the_largest_penalty() {
        let eligible = candidate(Verdict::Eligible {
            score: -130,
            reasons: vec![
                ScoreReason::Distance {
                    km: 30.0,
                    dependants: 0,
                    points: -30,
                },
                ScoreReason::MissingAccommodations {
                    missing: Accommodations::of(&[Accommodation::Ramp]),
                    points: -100,
                },
            ],
        });
        let violation = check_override(&eligible, "  \n").unwrap_err();
        assert_eq!(violation.field, "reason");
        assert_eq!(violation.rule, Some(Rule::P3));
        let near = candidate(Verdict::Eligible {
            score: 0,
            reasons: vec![ScoreReason::ProtectiveEquipment { items: &[] }],
        });
        assert_eq!(check_override(&near, "").unwrap_err().rule, Some(Rule::P3));
    }

    #[test]
    fn accepts_an_override_of_an_eligible_candidate_with_a_reason() {
        let eligible = candidate(Verdict::Eligible {
            score: -40,
            reasons: vec![ScoreReason::Distance {
                km: 40.0,
                dependants: 0,
                points: -40,
            }],
        });
        let chosen = Override::new(eligible.clone(), "  Dekat tempat kerja Klien.  ").unwrap();
        assert_eq!(chosen.reason(), "Dekat tempat kerja Klien.");
        assert_eq!(chosen.candidate(), &eligible);
    }
}

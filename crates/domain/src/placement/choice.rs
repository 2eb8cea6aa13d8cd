//! The PK's choice of a candidate other than the one ranked first (an override).
//!
//! The ranking advises; the PK decides (§2.3.1: the PK places the client and must mitigate
//! risk). Choosing a lower-ranked eligible candidate is allowed with a written reason, kept
//! with the placement — for a candidate that lacks an accommodation, the reason says how the
//! PK ensures it. A hard exclusion (P1, P2, P4–P10, L9) is never overridden: the rules say
//! the client *is not* placed there.

use super::accommodation::Accommodations;
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

/// P3: a work place beyond the distance limit needs the PK's written justification that
/// the client can attend (transport, travel time); the head of office then approves it.
/// Returns the distance when the head's approval is needed.
pub fn check_distance(
    candidate: &Candidate,
    justification: &str,
) -> Result<Option<f64>, Violation> {
    let Some((km, limit_km)) = candidate.beyond_limit() else {
        return Ok(None);
    };
    if justification.trim().is_empty() {
        return Err(Violation::new(
            Rule::P3,
            "distance_justification",
            Refusal::DistanceJustificationRequired { km, limit_km },
        ));
    }
    Ok(Some(km))
}

/// P3: the head's approval of a placement beyond the distance limit, before the client
/// starts serving there.
pub fn check_distance_approved(awaiting_approval: bool) -> Result<(), Violation> {
    if awaiting_approval {
        return Err(Violation::new(
            Rule::P3,
            "placement",
            Refusal::DistanceNotApproved,
        ));
    }
    Ok(())
}

/// P3 before minutes are credited: the current placement beyond the distance limit is
/// approved by the head, and — for the first credited report — every accommodation the
/// client needs is confirmed in place by the PK.
pub fn check_credit_ready(
    awaiting_distance_approval: bool,
    needed: Accommodations,
    confirmed: Accommodations,
    credited_before: bool,
) -> Result<(), Violation> {
    check_distance_approved(awaiting_distance_approval)?;
    let missing = needed.difference(confirmed);
    if !credited_before && !missing.is_empty() {
        return Err(Violation::new(
            Rule::P3,
            "accommodations",
            Refusal::AccommodationsUnconfirmed { missing },
        ));
    }
    Ok(())
}

#[cfg(test)]
#[expect(non_snake_case, reason = "test names end with the rule ID they check")]
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
    fn a_work_place_beyond_the_limit_needs_a_justification_and_the_heads_approval_P3() {
        let far = candidate(Verdict::Eligible {
            score: -18,
            reasons: vec![ScoreReason::BeyondDistanceLimit {
                km: 18.0,
                limit_km: 15.0,
            }],
        });
        let refused = check_distance(&far, " ").unwrap_err();
        assert_eq!(
            (refused.rule, refused.field),
            (Some(Rule::P3), "distance_justification")
        );
        assert_eq!(
            refused.refusal,
            Refusal::DistanceJustificationRequired {
                km: 18.0,
                limit_km: 15.0
            }
        );
        assert_eq!(
            check_distance(&far, "Ada angkot langsung, 40 menit").unwrap(),
            Some(18.0)
        );
        let near = candidate(Verdict::Eligible {
            score: -5,
            reasons: vec![ScoreReason::Distance {
                km: 5.0,
                dependants: 0,
                points: -5,
            }],
        });
        assert_eq!(check_distance(&near, "").unwrap(), None);
        assert_eq!(
            check_distance_approved(true).unwrap_err().refusal,
            Refusal::DistanceNotApproved
        );
        assert!(check_distance_approved(false).is_ok());
    }

    #[test]
    fn the_first_report_is_credited_only_with_every_accommodation_confirmed_P3() {
        let needed = Accommodations::of(&[Accommodation::Ramp, Accommodation::AccessibleToilet]);
        let some = Accommodations::of(&[Accommodation::Ramp]);
        let refused = check_credit_ready(false, needed, some, false).unwrap_err();
        assert_eq!(refused.rule, Some(Rule::P3));
        assert_eq!(
            refused.refusal,
            Refusal::AccommodationsUnconfirmed {
                missing: Accommodations::of(&[Accommodation::AccessibleToilet])
            }
        );
        assert!(check_credit_ready(false, needed, needed, false).is_ok());
        assert!(
            check_credit_ready(false, needed, some, true).is_ok(),
            "only the first credit waits"
        );
        assert_eq!(
            check_credit_ready(true, needed, needed, true)
                .unwrap_err()
                .refusal,
            Refusal::DistanceNotApproved
        );
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

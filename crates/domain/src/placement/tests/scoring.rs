//! Scores and order: P2, P3, P7–P10 notes, the profession preference of Art. 85(1).
#![expect(non_snake_case, reason = "test names end with the rule ID they check")]

use super::*;
use crate::rule::Rule;

fn distance_points(candidate: &Candidate) -> i32 {
    candidate
        .reasons()
        .iter()
        .find(|r| r.rule() == Rule::P3)
        .map(ScoreReason::points)
        .expect("a distance reason")
}

#[test]
fn prefers_a_nearer_partner_P3() {
    let ranked = rank(
        &client(),
        &[
            partner(1, Field::Sports, 12.0, &["sports.cleaning_facilities"]),
            partner(2, Field::Sports, 3.0, &["sports.cleaning_facilities"]),
        ],
    );
    assert_eq!(ranked[0].partner, PartnerId(2));
    assert_eq!(
        ranked[0].reasons()[0],
        ScoreReason::Distance {
            km: 3.0,
            dependants: 0,
            points: -3
        }
    );
    assert_eq!(ranked[1].score(), Some(-12));
}

#[test]
fn prefers_a_nearer_partner_with_dependants_P3() {
    // Without dependants the school's profession match (+20) outweighs 7 km more travel;
    // with dependants each km counts double, and the school at 12 km is beyond the 10 km
    // limit for a client with dependants: it ranks after every place within the limit,
    // whatever its score.
    let partners = [
        partner(1, Field::Sports, 5.0, &["sports.cleaning_facilities"]),
        partner(
            2,
            Field::Education,
            12.0,
            &["education.cleaning_facilities"],
        ),
    ];
    let teacher = ClientProfile {
        skill_fields: Fields::of(&[Field::Education]),
        ..client()
    };
    let alone = rank(&teacher, &partners);
    assert_eq!(alone[0].partner, PartnerId(2));
    assert_eq!(alone[0].score(), Some(8));
    assert_eq!(alone[0].beyond_limit(), None, "12 km is within 15 km");
    let parent = ClientProfile {
        dependants: 2,
        ..teacher
    };
    let with_family = rank(&parent, &partners);
    assert_eq!(with_family[0].partner, PartnerId(1));
    assert_eq!(with_family[0].score(), Some(-10));
    assert_eq!(distance_points(&with_family[1]), -24);
    assert_eq!(with_family[1].score(), Some(-4));
    assert_eq!(with_family[1].beyond_limit(), Some((12.0, 10.0)));
    assert!(
        with_family[1]
            .reasons()
            .contains(&ScoreReason::BeyondDistanceLimit {
                km: 12.0,
                limit_km: 10.0
            })
    );
}

#[test]
fn an_unknown_distance_counts_as_the_assumed_distance_P3() {
    let mut unmapped = partner(1, Field::Sports, 1.0, &["sports.cleaning_facilities"]);
    unmapped.location = None;
    let candidate = only(&client(), unmapped);
    assert_eq!(
        candidate.reasons()[0],
        ScoreReason::DistanceUnknown {
            assumed_km: Policy::STANDARD.assumed_km,
            points: -25
        }
    );
    let homeless = ClientProfile {
        home: None,
        ..client()
    };
    let candidate = only(
        &homeless,
        partner(1, Field::Sports, 1.0, &["sports.cleaning_facilities"]),
    );
    assert_eq!(candidate.score(), Some(-25));
}

#[test]
fn a_missing_accommodation_lowers_the_score_and_is_reported_P3() {
    let mother = ClientProfile {
        special_needs: SpecialNeeds::of(&[SpecialNeed::Breastfeeding]),
        ..client()
    };
    let near = partner(1, Field::Religious, 3.0, &["religious.cleaning_facilities"]);
    let mut equipped = partner(
        2,
        Field::Religious,
        12.0,
        &["religious.cleaning_facilities"],
    );
    equipped.accommodations =
        Accommodations::of(&[Accommodation::LactationRoom, Accommodation::ChildCareRoom]);
    let ranked = rank(&mother, &[near, equipped]);
    assert_eq!(ranked[0].partner, PartnerId(2));
    assert!(
        ranked[0]
            .reasons()
            .contains(&ScoreReason::AccommodationsMet {
                provided: Accommodations::of(&[
                    Accommodation::LactationRoom,
                    Accommodation::ChildCareRoom
                ])
            })
    );
    let lacking = &ranked[1];
    assert!(
        lacking.is_eligible(),
        "a missing accommodation is not an exclusion"
    );
    assert!(
        lacking
            .reasons()
            .contains(&ScoreReason::MissingAccommodations {
                missing: Accommodations::of(&[
                    Accommodation::LactationRoom,
                    Accommodation::ChildCareRoom
                ]),
                points: -200
            })
    );
    assert_eq!(lacking.score(), Some(-203));
}

#[test]
fn a_client_without_special_needs_gets_no_accommodation_reason_P3() {
    let candidate = only(
        &client(),
        partner(1, Field::Sports, 1.0, &["sports.ticket_and_information"]),
    );
    assert_eq!(candidate.reasons().len(), 1);
    assert!(matches!(
        candidate.reasons()[0],
        ScoreReason::Distance { .. }
    ));
}

#[test]
fn profession_match_is_preferred_not_mandatory() {
    let nurse = ClientProfile {
        skill_fields: Fields::of(&[Field::Health]),
        ..client()
    };
    let ranked = rank(
        &nurse,
        &[
            partner(1, Field::Sports, 5.0, &["sports.cleaning_facilities"]),
            partner(2, Field::Health, 10.0, &["health.non_medical_upkeep"]),
        ],
    );
    assert!(ranked.iter().all(Candidate::is_eligible));
    assert_eq!(ranked[0].partner, PartnerId(2));
    assert!(ranked[0].reasons().contains(&ScoreReason::ProfessionMatch {
        field: Field::Health,
        points: 20
    }));
    assert_eq!(ranked[0].score(), Some(10));
    assert_eq!(ranked[1].score(), Some(-5));
}

#[test]
fn lists_the_protective_equipment_for_the_work_P9() {
    let candidate = only(
        &client(),
        partner(
            1,
            Field::Sanitation,
            1.0,
            &["sanitation.sweeping_pavements_and_drains"],
        ),
    );
    let items = candidate
        .reasons()
        .iter()
        .find_map(|r| match r {
            ScoreReason::ProtectiveEquipment { items } => Some(*items),
            _ => None,
        })
        .expect("APD listed");
    assert!(items.contains(&Ppe::ReflectiveVest) && items.contains(&Ppe::Gloves));
    let desk = only(
        &client(),
        partner(2, Field::Transport, 1.0, &["transport.information"]),
    );
    assert!(!desk.cites(Rule::P9));
}

#[test]
fn notes_that_monitoring_technology_is_required_P10() {
    let monitored = ClientProfile {
        monitoring_required: true,
        ..client()
    };
    let candidate = only(
        &monitored,
        partner(1, Field::Transport, 1.0, &["transport.information"]),
    );
    assert!(
        candidate
            .reasons()
            .contains(&ScoreReason::MonitoringRequired)
    );
    assert_eq!(candidate.score(), Some(-1));
}

#[test]
fn a_work_place_without_location_is_flagged_when_the_victims_is_known_P2() {
    let offender = ClientProfile {
        victim_locations: vec![north_of_home(30.0)],
        ..client()
    };
    let mut unmapped = partner(1, Field::Transport, 0.0, &["transport.information"]);
    unmapped.location = None;
    let candidate = only(&offender, unmapped);
    assert!(candidate.is_eligible());
    assert!(
        candidate
            .reasons()
            .contains(&ScoreReason::VictimDistanceUnknown { points: -50 })
    );
    assert_eq!(candidate.score(), Some(-75));
}

#[test]
fn eligible_candidates_come_first_by_score_then_partner_then_work_form() {
    let mut lapsed = partner(1, Field::Sports, 1.0, &["sports.cleaning_facilities"]);
    lapsed.has_active_agreement = false;
    let ranked = rank(
        &client(),
        &[
            lapsed,
            partner(
                3,
                Field::Transport,
                2.0,
                &["transport.information", "transport.cleaning_facilities"],
            ),
            partner(2, Field::Transport, 2.0, &["transport.information"]),
            partner(4, Field::Transport, 9.0, &["social.cleaning_facilities"]),
        ],
    );
    let order: Vec<(i64, &str)> = ranked
        .iter()
        .map(|c| (c.partner.0, c.work_form.code()))
        .collect();
    assert_eq!(
        order,
        vec![
            (2, "transport.information"),
            (3, "transport.cleaning_facilities"),
            (3, "transport.information"),
            (1, "sports.cleaning_facilities"),
            (4, "social.cleaning_facilities"),
        ]
    );
}

#[test]
fn a_work_form_listed_twice_is_ranked_once() {
    let twice = partner(
        1,
        Field::Sports,
        1.0,
        &["sports.cleaning_facilities", "sports.cleaning_facilities"],
    );
    assert_eq!(rank(&client(), &[twice]).len(), 1);
    assert!(rank(&client(), &[]).is_empty());
}

#[test]
fn a_stricter_policy_moves_the_victim_boundary_P2() {
    let offender = ClientProfile {
        victim_locations: vec![north_of_home(10.0)],
        ..client()
    };
    let three_km = Policy {
        victim_min_km: 3.0,
        ..Policy::STANDARD
    };
    let place = partner(1, Field::Transport, 12.5, &["transport.information"]);
    assert!(rank(&offender, std::slice::from_ref(&place))[0].is_eligible());
    assert_eq!(
        rank_with(&three_km, &offender, &[place])[0].exclusions(),
        &[Exclusion::NearVictim {
            km: 2.5,
            min_km: 3.0
        }]
    );
}

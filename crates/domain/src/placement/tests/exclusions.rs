//! Hard exclusions: P1, P2, P4–P10 and L9.
#![expect(non_snake_case, reason = "test names end with the rule ID they check")]

use super::*;
use crate::rule::Rule;

#[test]
fn excludes_a_hospital_for_a_doctor_convicted_of_malpractice_P1() {
    let doctor = ClientProfile {
        offence_through_profession: Some(Field::Health),
        skill_fields: Fields::of(&[Field::Health]),
        ..client()
    };
    let hospital = partner(1, Field::Health, 1.0, &["health.cleaning_facilities"]);
    let school = partner(2, Field::Education, 5.0, &["education.cleaning_facilities"]);
    let ranked = rank(&doctor, &[hospital, school]);
    let at_hospital = find(&ranked, 1, "health.cleaning_facilities");
    assert_eq!(
        at_hospital.exclusions(),
        &[Exclusion::OffenceThroughProfession {
            field: Field::Health
        }]
    );
    assert!(find(&ranked, 2, "education.cleaning_facilities").is_eligible());
    assert_eq!(ranked[0].partner, PartnerId(2));
}

#[test]
fn excludes_health_work_offered_by_a_partner_of_another_field_P1() {
    let doctor = ClientProfile {
        offence_through_profession: Some(Field::Health),
        ..client()
    };
    let foundation = partner(
        1,
        Field::Humanitarian,
        1.0,
        &["health.non_medical_upkeep", "humanitarian.cleaning_office"],
    );
    let ranked = rank(&doctor, &[foundation]);
    assert_eq!(
        rules_of(find(&ranked, 1, "health.non_medical_upkeep")),
        vec![Rule::P1]
    );
    assert!(find(&ranked, 1, "humanitarian.cleaning_office").is_eligible());
}

#[test]
fn excludes_the_field_where_the_client_was_a_victim_P1() {
    let victim = ClientProfile {
        trauma_fields: Fields::of(&[Field::Religious]),
        ..client()
    };
    let mosque = only(
        &victim,
        partner(1, Field::Religious, 1.0, &["religious.cleaning_facilities"]),
    );
    assert_eq!(
        mosque.exclusions(),
        &[Exclusion::TraumaField {
            field: Field::Religious
        }]
    );
}

#[test]
fn excludes_the_institution_suspected_of_torturing_the_client_P1() {
    let victim = ClientProfile {
        trauma_partners: vec![PartnerId(9)],
        ..client()
    };
    let ranked = rank(
        &victim,
        &[
            partner(
                9,
                Field::LocalGovernment,
                1.0,
                &["local_government.cleaning_office"],
            ),
            partner(
                10,
                Field::LocalGovernment,
                1.0,
                &["local_government.cleaning_office"],
            ),
        ],
    );
    assert_eq!(
        find(&ranked, 9, "local_government.cleaning_office").exclusions(),
        &[Exclusion::TraumaInstitution]
    );
    assert!(find(&ranked, 10, "local_government.cleaning_office").is_eligible());
}

#[test]
fn excludes_the_victims_work_place_P2() {
    let offender = ClientProfile {
        victim_partners: vec![PartnerId(4)],
        ..client()
    };
    let ranked = rank(
        &offender,
        &[partner(
            4,
            Field::Sports,
            30.0,
            &[
                "sports.cleaning_facilities",
                "sports.ticket_and_information",
            ],
        )],
    );
    assert_eq!(ranked.len(), 2);
    for candidate in &ranked {
        assert_eq!(candidate.exclusions(), &[Exclusion::VictimAtPartner]);
    }
}

#[test]
fn excludes_a_place_near_where_the_victim_lives_but_not_one_beyond_P2() {
    let offender = ClientProfile {
        victim_locations: vec![north_of_home(10.0)],
        ..client()
    };
    let ranked = rank(
        &offender,
        &[
            partner(1, Field::Transport, 11.5, &["transport.information"]),
            partner(2, Field::Transport, 12.5, &["transport.information"]),
        ],
    );
    assert_eq!(
        find(&ranked, 1, "transport.information").exclusions(),
        &[Exclusion::NearVictim {
            km: 1.5,
            min_km: 2.0
        }]
    );
    assert!(find(&ranked, 2, "transport.information").is_eligible());
}

#[test]
fn excludes_work_with_children_P4() {
    let orphanage = partner(
        1,
        Field::Social,
        1.0,
        &["social.cleaning_facilities", "social.inventory_recording"],
    );
    let ranked = rank(&client(), &[orphanage]);
    assert_eq!(
        find(&ranked, 1, "social.cleaning_facilities").exclusions(),
        &[Exclusion::VulnerableGroups]
    );
    assert!(find(&ranked, 1, "social.inventory_recording").is_eligible());
    let hospital = only(
        &client(),
        partner(2, Field::Health, 1.0, &["health.information_service"]),
    );
    assert_eq!(rules_of(&hospital), vec![Rule::P4]);
}

#[test]
fn excludes_work_with_confidential_files_P5() {
    let home = only(
        &client(),
        partner(1, Field::Social, 1.0, &["social.document_archiving"]),
    );
    assert_eq!(home.exclusions(), &[Exclusion::ConfidentialData]);
}

#[test]
fn excludes_cleaning_medical_equipment_even_for_a_skilled_client_P6() {
    let skilled = ClientProfile {
        safety_skill: true,
        skill_fields: Fields::of(&[Field::Health]),
        ..client()
    };
    let ranked = rank(
        &skilled,
        &[
            partner(
                1,
                Field::Health,
                1.0,
                &["health.cleaning_medical_equipment"],
            ),
            partner(
                2,
                Field::Education,
                1.0,
                &["education.cleaning_laboratory_equipment"],
            ),
        ],
    );
    for candidate in &ranked {
        assert_eq!(candidate.exclusions(), &[Exclusion::TechnicalRisk]);
    }
}

#[test]
fn excludes_high_risk_work_for_a_client_without_safety_skills_P7() {
    let high = partner(
        1,
        Field::LocalGovernment,
        1.0,
        &["local_government.high_rise_window_cleaning"],
    );
    let candidate = only(&client(), high);
    assert_eq!(
        candidate.exclusions(),
        &[Exclusion::SafetyRisk { pregnant: false }]
    );
}

#[test]
fn allows_high_risk_work_for_a_skilled_client_and_says_so_P7() {
    let skilled = ClientProfile {
        safety_skill: true,
        ..client()
    };
    let culverts = only(
        &skilled,
        partner(
            1,
            Field::Sanitation,
            1.0,
            &["sanitation.unblocking_culverts"],
        ),
    );
    assert!(culverts.is_eligible());
    assert!(culverts.reasons().contains(&ScoreReason::SafetySkill));
}

#[test]
fn excludes_high_risk_work_for_a_pregnant_client_even_with_skills_P7() {
    let pregnant = ClientProfile {
        safety_skill: true,
        special_needs: SpecialNeeds::of(&[SpecialNeed::Pregnant]),
        ..client()
    };
    let trail = only(
        &pregnant,
        partner(
            1,
            Field::Environment,
            1.0,
            &["environment.public_access_upkeep"],
        ),
    );
    assert_eq!(
        trail.exclusions(),
        &[Exclusion::SafetyRisk { pregnant: true }]
    );
}

#[test]
fn excludes_work_with_knives_P8() {
    let kitchen = only(
        &client(),
        partner(
            1,
            Field::Humanitarian,
            1.0,
            &["humanitarian.public_kitchen"],
        ),
    );
    assert_eq!(kitchen.exclusions(), &[Exclusion::DangerousTools]);
}

#[test]
fn environmental_cleaning_tools_are_the_exception_P8() {
    let cemetery = only(
        &client(),
        partner(1, Field::Parks, 1.0, &["parks.cemetery_weeding"]),
    );
    assert!(cemetery.is_eligible());
    assert!(
        cemetery
            .reasons()
            .contains(&ScoreReason::EnvironmentalCleaningTools)
    );
}

#[test]
fn excludes_every_place_for_an_infectious_client_without_clearance_P9() {
    let ill = ClientProfile {
        infectious_disease: true,
        ..client()
    };
    let ranked = rank(
        &ill,
        &[
            partner(1, Field::Parks, 1.0, &["parks.cemetery_weeding"]),
            partner(2, Field::Transport, 2.0, &["transport.information"]),
        ],
    );
    assert_eq!(ranked.len(), 2);
    assert!(
        ranked
            .iter()
            .all(|c| c.exclusions() == [Exclusion::InfectiousDisease])
    );
}

#[test]
fn a_medical_clearance_lifts_the_infectious_disease_exclusion_P9() {
    let cleared = ClientProfile {
        infectious_disease: true,
        medical_clearance: true,
        ..client()
    };
    let candidate = only(
        &cleared,
        partner(1, Field::Parks, 1.0, &["parks.cemetery_weeding"]),
    );
    assert!(candidate.reasons().contains(&ScoreReason::MedicalClearance));
}

#[test]
fn excludes_a_partner_without_a_supervisor_P10() {
    let mut unsupervised = partner(1, Field::Sports, 1.0, &["sports.cleaning_facilities"]);
    unsupervised.supervisor_bound = false;
    assert_eq!(
        only(&client(), unsupervised).exclusions(),
        &[Exclusion::NoSupervisor]
    );
}

#[test]
fn excludes_a_partner_without_an_agreement_in_force_L9() {
    let mut lapsed = partner(1, Field::Sports, 1.0, &["sports.cleaning_facilities"]);
    lapsed.has_active_agreement = false;
    assert_eq!(
        only(&client(), lapsed).exclusions(),
        &[Exclusion::NoAgreement]
    );
}

#[test]
fn excludes_a_partner_with_no_place_left_L9() {
    let mut full = partner(1, Field::Sports, 1.0, &["sports.cleaning_facilities"]);
    full.capacity_remaining = 0;
    assert_eq!(only(&client(), full).exclusions(), &[Exclusion::NoCapacity]);
}

#[test]
fn reports_every_exclusion_at_once_ordered_by_rule_P1_P2_P4_P10_L9() {
    let doctor = ClientProfile {
        offence_through_profession: Some(Field::Health),
        victim_partners: vec![PartnerId(1)],
        ..client()
    };
    let mut hospital = partner(1, Field::Health, 1.0, &["health.information_service"]);
    hospital.supervisor_bound = false;
    hospital.has_active_agreement = false;
    let candidate = only(&doctor, hospital);
    assert_eq!(
        rules_of(&candidate),
        vec![Rule::L9, Rule::P1, Rule::P2, Rule::P4, Rule::P10]
    );
}

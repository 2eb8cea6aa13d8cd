//! Properties of the whole ranking, over arbitrary clients and partners.

use proptest::prelude::*;

use super::*;

fn coordinates() -> impl Strategy<Value = Coordinates> {
    (-7.0f64..-6.0, 106.0f64..108.0)
        .prop_map(|(lat, lon)| Coordinates::new(lat, lon).expect("on Earth"))
}

fn field() -> impl Strategy<Value = Field> {
    prop::sample::select(Field::ALL)
}

fn fields() -> impl Strategy<Value = Fields> {
    prop::collection::vec(field(), 0..3).prop_map(Fields::from_iter)
}

fn client_profile() -> impl Strategy<Value = ClientProfile> {
    (
        (
            prop::option::weighted(0.9, coordinates()),
            0u32..4,
            fields(),
            prop::option::weighted(0.3, field()),
            fields(),
        ),
        (
            prop::collection::vec((0i64..40).prop_map(PartnerId), 0..3),
            prop::collection::vec(coordinates(), 0..2),
            prop::collection::vec(prop::sample::select(SpecialNeed::ALL), 0..3),
            any::<[bool; 4]>(),
        ),
    )
        .prop_map(
            |(
                (home, dependants, skill_fields, offence, trauma_fields),
                (partners, victim_locations, needs, [skill, infectious, cleared, monitored]),
            )| ClientProfile {
                home,
                dependants,
                skill_fields,
                offence_through_profession: offence,
                trauma_fields,
                trauma_partners: partners.iter().copied().take(1).collect(),
                victim_partners: partners.into_iter().skip(1).collect(),
                victim_locations,
                special_needs: needs.into_iter().collect(),
                safety_skill: skill,
                infectious_disease: infectious,
                medical_clearance: cleared,
                monitoring_required: monitored,
            },
        )
}

fn offer(id: i64) -> impl Strategy<Value = PartnerOffer> {
    let forms = WorkFormId::all().collect::<Vec<_>>();
    (
        field(),
        prop::option::weighted(0.9, coordinates()),
        any::<[bool; 2]>(),
        0u32..3,
        prop::collection::vec(prop::sample::select(Accommodation::ALL), 0..6),
        prop::collection::vec(prop::sample::select(forms), 1..4),
    )
        .prop_map(
            move |(
                field,
                location,
                [agreement, supervisor],
                capacity,
                accommodations,
                work_forms,
            )| {
                PartnerOffer {
                    partner: PartnerId(id),
                    field,
                    location,
                    has_active_agreement: agreement || capacity == 2,
                    capacity_remaining: capacity,
                    accommodations: accommodations.into_iter().collect(),
                    work_forms,
                    supervisor_bound: supervisor || capacity == 1,
                }
            },
        )
}

fn offers() -> impl Strategy<Value = Vec<PartnerOffer>> {
    (0usize..25).prop_flat_map(|n| {
        (0..n)
            .map(|i| offer(i64::try_from(i).expect("small") * 3 % 40))
            .collect::<Vec<_>>()
    })
}

proptest! {
    #[test]
    fn ranking_is_deterministic_and_independent_of_the_partners_order(
        client in client_profile(),
        mut partners in offers(),
        rotate in 0usize..25,
    ) {
        // Unique partner ids: one offer per partner.
        partners.sort_by_key(|p| p.partner);
        partners.dedup_by_key(|p| p.partner);
        let ranked = rank(&client, &partners);
        prop_assert_eq!(&ranked, &rank(&client, &partners));
        let mut shuffled = partners.clone();
        shuffled.reverse();
        if !shuffled.is_empty() {
            let by = rotate % shuffled.len();
            shuffled.rotate_left(by);
        }
        prop_assert_eq!(&ranked, &rank(&client, &shuffled));
    }

    #[test]
    fn never_lists_an_excluded_candidate_above_an_eligible_one(
        client in client_profile(),
        partners in offers(),
    ) {
        let ranked = rank(&client, &partners);
        let eligible = ranked.iter().take_while(|c| c.is_eligible()).count();
        prop_assert!(ranked[eligible..].iter().all(|c| !c.is_eligible()));
        // Within the distance limit before beyond it (P3), higher scores first within each.
        let near = ranked[..eligible].iter().take_while(|c| c.beyond_limit().is_none()).count();
        prop_assert!(ranked[near..eligible].iter().all(|c| c.beyond_limit().is_some()));
        for group in [&ranked[..near], &ranked[near..eligible]] {
            for pair in group.windows(2) {
                prop_assert!(pair[0].score() >= pair[1].score());
            }
        }
        for candidate in &ranked {
            match &candidate.verdict {
                Verdict::Eligible { score, reasons } => {
                    prop_assert_eq!(*score, reasons.iter().map(ScoreReason::points).sum::<i32>());
                }
                Verdict::Excluded(exclusions) => {
                    prop_assert!(!exclusions.is_empty());
                    prop_assert!(exclusions.windows(2).all(|p| p[0].rule() <= p[1].rule()));
                }
            }
        }
        let offered: usize = partners
            .iter()
            .map(|p| {
                let mut forms = p.work_forms.clone();
                forms.sort();
                forms.dedup();
                forms.len()
            })
            .sum();
        prop_assert_eq!(ranked.len(), offered);
    }
}

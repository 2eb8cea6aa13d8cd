//! Ranking one client over 10,000 partners with three work forms each (budget: 20 ms).
//!
//! `cargo bench -p karya-domain --bench placement`

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use karya_domain::placement::{
    Accommodation, Accommodations, ClientProfile, Coordinates, Field, Fields, PartnerId,
    PartnerOffer, SpecialNeed, SpecialNeeds, WorkFormId, rank,
};

/// A fixed linear congruential generator, so every run ranks the same partners.
struct Lcg(u64);

impl Lcg {
    fn next(&mut self) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        self.0 >> 33
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    fn unit(&mut self) -> f64 {
        self.next() as f64 / (1u64 << 31) as f64
    }
}

/// Partners spread over greater Jakarta (about 110 × 110 km); 5% without a PKS, 5% full,
/// 2% without a PJ; random accommodations and three work forms each.
fn partners(count: usize) -> Vec<PartnerOffer> {
    let mut rng = Lcg(0x004b_6172_7961);
    let forms: Vec<WorkFormId> = WorkFormId::all().collect();
    (0..count)
        .map(|i| {
            let lat = -6.8 + rng.unit();
            let lon = 106.3 + rng.unit();
            let accommodations: Accommodations = Accommodation::ALL
                .iter()
                .copied()
                .filter(|_| rng.below(3) == 0)
                .collect();
            let work_forms = (0..3).map(|_| forms[rng.below(forms.len())]).collect();
            PartnerOffer {
                partner: PartnerId(i as i64 + 1),
                field: Field::ALL[rng.below(Field::ALL.len())],
                location: Coordinates::new(lat, lon),
                has_active_agreement: rng.below(20) != 0,
                capacity_remaining: if rng.below(20) == 0 { 0 } else { 3 },
                accommodations,
                work_forms,
                supervisor_bound: rng.below(50) != 0,
            }
        })
        .collect()
}

/// A breastfeeding client with dependants, a professional offence, a victim and skills.
fn client() -> ClientProfile {
    ClientProfile {
        home: Coordinates::new(-6.2, 106.8),
        dependants: 2,
        skill_fields: Fields::of(&[Field::Education, Field::Transport]),
        offence_through_profession: Some(Field::Health),
        trauma_fields: Fields::of(&[Field::Religious]),
        trauma_partners: vec![PartnerId(17)],
        victim_partners: vec![PartnerId(42)],
        victim_locations: Coordinates::new(-6.25, 106.85).into_iter().collect(),
        special_needs: SpecialNeeds::of(&[SpecialNeed::Breastfeeding]),
        safety_skill: false,
        infectious_disease: false,
        medical_clearance: false,
        monitoring_required: true,
    }
}

fn bench(c: &mut Criterion) {
    let partners = partners(10_000);
    let client = client();
    c.bench_function("rank 1 client x 10,000 partners x 3 work forms", |b| {
        b.iter(|| rank(black_box(&client), black_box(&partners)));
    });
}

criterion_group!(benches, bench);
criterion_main!(benches);

//! Special-needs groups and the accommodations the PK must ensure at the work place (§2.3.1
//! a–f, DOMAIN §4), kept as a table. P3 counts them as part of accessibility.
//!
//! The table lists what a *site* can offer. The PK's own duties in the same list — work within
//! the client's ability or physical condition, medication on schedule, keeping a child's
//! identity confidential — are not site facilities and are not scored here.
//!
//! The seed names the group "Perempuan dengan anak batita (anak di bawah usia 3 tahun)" in
//! its list and "Perempuan dengan Balita" (under five) in the heading of (e); the list's
//! definition, under three, is used. The chronically ill are a special-needs group of the
//! case plan (§2.2.6, item 10) and of GEDSI, but the seed lists no site accommodation for
//! them: their needs (e.g. walking aids) are individual and go into the case plan.

use super::set::{Set, labelled_enum};

labelled_enum! {
    /// An accommodation a work place can offer.
    pub enum Accommodation {
        Ramp => ("ramp", "Jalan yang landai", "Ramps"),
        AccessibleToilet => ("accessible_toilet", "MCK yang mudah diakses", "Accessible toilets"),
        GoodLighting => ("good_lighting", "Penerangan yang cukup", "Good lighting"),
        SignLanguageSupport => (
            "sign_language_support",
            "Penerjemah bahasa isyarat atau pendamping",
            "Sign-language interpreter or companion"
        ),
        SafeToilet => ("safe_toilet", "MCK yang aman dan layak", "Safe, decent toilets"),
        LactationRoom => ("lactation_room", "Ruang laktasi yang terstandar", "Standard lactation room"),
        ChildCareRoom => ("child_care_room", "Ruang penitipan anak", "Child-care room"),
        PlayArea => ("play_area", "Tempat bermain anak yang layak", "Suitable play area"),
        BabySupplies => (
            "baby_supplies",
            "Kebutuhan pokok bayi (popok, susu, makanan bayi) sesuai perjanjian",
            "Baby necessities (nappies, milk, food) as agreed"
        ),
        PrayerRoom => ("prayer_room", "Ruang ibadah", "Prayer room"),
        SafeFromDiscrimination => (
            "safe_from_discrimination",
            "Lingkungan aman dari perundungan dan diskriminasi",
            "Environment safe from bullying and discrimination"
        ),
        ComplaintChannel => ("complaint_channel", "Media keluhan/pengaduan", "Complaint channel"),
    }
}

/// The accommodations a site offers, or a client needs.
pub type Accommodations = Set<Accommodation>;

labelled_enum! {
    /// A special-needs group (kelompok berkebutuhan khusus).
    pub enum SpecialNeed {
        Disability => ("disability", "Penyandang disabilitas", "Person with a disability"),
        Elderly => ("elderly", "Orang lanjut usia", "Elderly person"),
        Pregnant => ("pregnant", "Perempuan hamil", "Pregnant woman"),
        Breastfeeding => ("breastfeeding", "Perempuan menyusui", "Breastfeeding woman"),
        MotherOfChildUnderThree => (
            "mother_of_child_under_three",
            "Perempuan dengan anak batita (di bawah 3 tahun)",
            "Mother of a child under three"
        ),
        SocialInclusion => ("social_inclusion", "Kelompok inklusi sosial", "Social inclusion group"),
        ChronicIllness => ("chronic_illness", "Pengidap penyakit kronis", "Person with a chronic illness"),
    }
}

/// The special-needs groups a client belongs to.
pub type SpecialNeeds = Set<SpecialNeed>;

/// §2.3.1 a–f: for each group, the site accommodations the PK must ensure.
pub const TABLE: &[(SpecialNeed, &[Accommodation])] = &[
    (
        SpecialNeed::Disability,
        &[
            Accommodation::SignLanguageSupport,
            Accommodation::Ramp,
            Accommodation::AccessibleToilet,
            Accommodation::GoodLighting,
            Accommodation::SafeFromDiscrimination,
        ],
    ),
    (SpecialNeed::Elderly, &[Accommodation::SafeToilet]),
    (SpecialNeed::Pregnant, &[Accommodation::SafeToilet]),
    (
        SpecialNeed::Breastfeeding,
        &[Accommodation::LactationRoom, Accommodation::ChildCareRoom],
    ),
    (
        SpecialNeed::MotherOfChildUnderThree,
        &[Accommodation::PlayArea, Accommodation::BabySupplies],
    ),
    (
        SpecialNeed::SocialInclusion,
        &[
            Accommodation::PrayerRoom,
            Accommodation::SafeFromDiscrimination,
            Accommodation::ComplaintChannel,
        ],
    ),
    (SpecialNeed::ChronicIllness, &[]),
];

/// The accommodations a site must offer for a client in these groups.
pub fn needed(needs: SpecialNeeds) -> Accommodations {
    let mut all = Accommodations::empty();
    for &(group, accommodations) in TABLE {
        if needs.contains(group) {
            all = all.union(Accommodations::of(accommodations));
        }
    }
    all
}

#[cfg(test)]
mod tests {
    use super::*;
    use Accommodation::*;

    fn needs_of(group: SpecialNeed) -> Accommodations {
        needed(SpecialNeeds::empty().with(group))
    }

    #[test]
    fn the_table_has_one_row_per_group_in_order() {
        let groups: Vec<SpecialNeed> = TABLE.iter().map(|(group, _)| *group).collect();
        assert_eq!(groups, SpecialNeed::ALL);
    }

    #[test]
    fn a_client_with_a_disability_needs_full_accessibility_and_sign_language_support() {
        assert_eq!(
            needs_of(SpecialNeed::Disability),
            Accommodations::of(&[
                Ramp,
                AccessibleToilet,
                GoodLighting,
                SignLanguageSupport,
                SafeFromDiscrimination
            ])
        );
    }

    #[test]
    fn an_elderly_client_needs_safe_toilets() {
        assert_eq!(
            needs_of(SpecialNeed::Elderly),
            Accommodations::of(&[SafeToilet])
        );
    }

    #[test]
    fn a_pregnant_client_needs_safe_toilets() {
        assert_eq!(
            needs_of(SpecialNeed::Pregnant),
            Accommodations::of(&[SafeToilet])
        );
    }

    #[test]
    fn a_breastfeeding_client_needs_a_lactation_room_and_child_care_room() {
        assert_eq!(
            needs_of(SpecialNeed::Breastfeeding),
            Accommodations::of(&[LactationRoom, ChildCareRoom])
        );
    }

    #[test]
    fn a_mother_of_a_child_under_three_needs_a_play_area_and_baby_supplies() {
        assert_eq!(
            needs_of(SpecialNeed::MotherOfChildUnderThree),
            Accommodations::of(&[PlayArea, BabySupplies])
        );
    }

    #[test]
    fn a_social_inclusion_client_needs_a_prayer_room_safety_from_bullying_and_a_complaint_channel()
    {
        assert_eq!(
            needs_of(SpecialNeed::SocialInclusion),
            Accommodations::of(&[PrayerRoom, SafeFromDiscrimination, ComplaintChannel])
        );
    }

    #[test]
    fn a_chronically_ill_client_has_no_site_accommodation_in_the_table() {
        assert!(needs_of(SpecialNeed::ChronicIllness).is_empty());
    }

    #[test]
    fn the_needs_of_several_groups_are_combined_once_each() {
        let needs = SpecialNeeds::of(&[
            SpecialNeed::Pregnant,
            SpecialNeed::Elderly,
            SpecialNeed::Breastfeeding,
        ]);
        let all = needed(needs);
        assert_eq!(
            all,
            Accommodations::of(&[SafeToilet, LactationRoom, ChildCareRoom])
        );
        assert_eq!(all.len(), 3);
        assert!(needed(SpecialNeeds::empty()).is_empty());
    }
}

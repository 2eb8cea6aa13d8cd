//! The work-form catalogue: the forms of social work of Tables 2 and 3 (§2.1.2), with the
//! seed's Indonesian wording and the risk attributes P4–P9 look at.
//!
//! Reading of the risks. The forms of Tables 2 and 3 are the guideline's own examples of
//! suitable work, so a listed form carries a risk only where the work *itself* is the risk:
//! guiding visiting families through a hospital and cleaning residents' rooms in a social
//! home are direct interaction with the sick, children or the elderly (P4); filing a home's
//! documents opens residents' files, including children's identities (P5, and the privacy
//! principle of §1.6). Cleaning public areas (a school's classrooms, a hospital's waiting
//! room) is not, as it can be scheduled away from pupils and patients — the PK agrees the
//! hours with the PJ. Where Table 2 gives a form as "such as A or B" and A and B differ in
//! risk, the form is split into two codes with the seed's words for each.
//!
//! The seed's own examples of forbidden work (P6: cleaning medical or laboratory equipment;
//! P7: cleaning windows of high buildings) are listed too, as is one form P8 forbids (a
//! public kitchen's knives), so that a partner proposing them is refused with the rule.
//! RT/RW offices and Karang Taruna have no forms in the seed; two are assumed.

use super::field::Field;
use super::work_form::{Ppe, Risk, Source, Tools, WorkForm};
use crate::rule::Rule;

const CLEANING: &[Ppe] = &[Ppe::Gloves];
const CLEANING_INDOORS_HEALTH: &[Ppe] = &[Ppe::Gloves, Ppe::Mask];
const OUTDOOR: &[Ppe] = &[Ppe::Gloves, Ppe::Boots, Ppe::Hat];
const ROADSIDE: &[Ppe] = &[Ppe::ReflectiveVest, Ppe::Gloves, Ppe::Mask, Ppe::Boots];

const fn wearing(protective_equipment: &'static [Ppe]) -> Risk {
    Risk {
        protective_equipment,
        ..Risk::NONE
    }
}

/// Every work form. Codes are stable: add new forms, never rename or reuse a code.
pub static FORMS: &[WorkForm] = &[
    // Table 2 row 1 (Kementerian Sosial) and Table 3 row 4 (panti swasta).
    WorkForm {
        code: "social.inventory_recording",
        field: Field::Social,
        label_id: "Membantu kegiatan administrasi panti, seperti pencatatan inventaris barang",
        label_en: "Helping with the home's administration, such as recording the inventory",
        source: Source::Table2 { row: 1 },
        risk: Risk::NONE,
    },
    WorkForm {
        code: "social.document_archiving",
        field: Field::Social,
        label_id: "Membantu kegiatan administrasi panti, seperti pengarsipan dokumen-dokumen",
        label_en: "Helping with the home's administration, such as filing documents",
        source: Source::Table2 { row: 1 },
        risk: Risk {
            confidential_data: true,
            ..Risk::NONE
        },
    },
    WorkForm {
        code: "social.cleaning_facilities",
        field: Field::Social,
        label_id: "Membersihkan fasilitas (kamar, dapur, kamar mandi, atau halaman)",
        label_en: "Cleaning the facilities (rooms, kitchen, bathrooms or yard)",
        source: Source::Table2 { row: 1 },
        risk: Risk {
            vulnerable_contact: true,
            protective_equipment: CLEANING,
            ..Risk::NONE
        },
    },
    WorkForm {
        code: "social.facility_upkeep",
        field: Field::Social,
        label_id: "Merawat sarana fasilitas",
        label_en: "Looking after the facilities",
        source: Source::Table2 { row: 1 },
        risk: wearing(CLEANING),
    },
    // Table 2 row 2 (Kementerian Agama).
    WorkForm {
        code: "religious.administration",
        field: Field::Religious,
        label_id: "Membantu kegiatan administrasi rumah ibadah, seperti pengarsipan dokumen-dokumen atau pencatatan inventaris barang",
        label_en: "Helping with the administration of the house of worship, such as filing documents or recording the inventory",
        source: Source::Table2 { row: 2 },
        risk: Risk::NONE,
    },
    WorkForm {
        code: "religious.cleaning_facilities",
        field: Field::Religious,
        label_id: "Membersihkan fasilitas (ruang ibadah, toilet, atau halaman)",
        label_en: "Cleaning the facilities (prayer hall, toilets or yard)",
        source: Source::Table2 { row: 2 },
        risk: wearing(CLEANING),
    },
    WorkForm {
        code: "religious.facility_upkeep",
        field: Field::Religious,
        label_id: "Merawat sarana fasilitas",
        label_en: "Looking after the facilities",
        source: Source::Table2 { row: 2 },
        risk: wearing(CLEANING),
    },
    // Table 2 row 3 (Kementerian Kesehatan) and Table 3 row 2 (private hospitals, clinics).
    WorkForm {
        code: "health.information_service",
        field: Field::Health,
        label_id: "Membantu pelayanan informasi, seperti mengarahkan keluarga saat kunjungan, pembagian brosur edukatif, atau menyiapkan ruangan konsultasi",
        label_en: "Helping the information service, such as guiding families on visits, handing out leaflets or preparing consultation rooms",
        source: Source::Table2 { row: 3 },
        risk: Risk {
            vulnerable_contact: true,
            protective_equipment: &[Ppe::Mask],
            ..Risk::NONE
        },
    },
    WorkForm {
        code: "health.cleaning_facilities",
        field: Field::Health,
        label_id: "Membersihkan fasilitas (ruang tunggu, toilet, atau halaman)",
        label_en: "Cleaning the facilities (waiting rooms, toilets or yard)",
        source: Source::Table2 { row: 3 },
        risk: wearing(CLEANING_INDOORS_HEALTH),
    },
    WorkForm {
        code: "health.non_medical_upkeep",
        field: Field::Health,
        label_id: "Merawat sarana non-medis",
        label_en: "Looking after non-medical facilities",
        source: Source::Table2 { row: 3 },
        risk: wearing(CLEANING_INDOORS_HEALTH),
    },
    WorkForm {
        code: "health.cleaning_medical_equipment",
        field: Field::Health,
        label_id: "Membersihkan alat medis di rumah sakit",
        label_en: "Cleaning medical equipment in a hospital",
        source: Source::RuleExample(Rule::P6),
        risk: Risk {
            technical_risk: true,
            protective_equipment: CLEANING_INDOORS_HEALTH,
            ..Risk::NONE
        },
    },
    // Table 2 row 4 (Kementerian Lingkungan Hidup dan Kehutanan).
    WorkForm {
        code: "environment.planting",
        field: Field::Environment,
        label_id: "Membantu proses penghijauan dengan menanam tumbuhan",
        label_en: "Helping with reforestation by planting",
        source: Source::Table2 { row: 4 },
        risk: Risk {
            tools: Tools::EnvironmentalCleaning,
            protective_equipment: OUTDOOR,
            ..Risk::NONE
        },
    },
    WorkForm {
        code: "environment.cleaning_facilities",
        field: Field::Environment,
        label_id: "Membersihkan fasilitas (area rekreasi atau toilet umum)",
        label_en: "Cleaning the facilities (recreation areas or public toilets)",
        source: Source::Table2 { row: 4 },
        risk: wearing(OUTDOOR),
    },
    WorkForm {
        code: "environment.public_access_upkeep",
        field: Field::Environment,
        label_id: "Membantu pembangunan dan/atau perawatan sarana akses publik (hiking track atau railing)",
        label_en: "Helping to build or maintain public access (hiking tracks or railings)",
        source: Source::Table2 { row: 4 },
        risk: Risk {
            safety_risk: true,
            protective_equipment: &[Ppe::Helmet, Ppe::Gloves, Ppe::Boots],
            ..Risk::NONE
        },
    },
    // Table 2 row 5 (Kementerian Pendidikan Dasar dan Menengah) and Table 3 row 3.
    WorkForm {
        code: "education.cleaning_facilities",
        field: Field::Education,
        label_id: "Menjaga kebersihan fasilitas (ruang kelas, toilet, kantin, atau halaman)",
        label_en: "Keeping the facilities clean (classrooms, toilets, canteen or yard)",
        source: Source::Table2 { row: 5 },
        risk: wearing(CLEANING),
    },
    WorkForm {
        code: "education.cleaning_laboratory_equipment",
        field: Field::Education,
        label_id: "Membersihkan alat-alat di laboratorium sekolah",
        label_en: "Cleaning the equipment of a school laboratory",
        source: Source::RuleExample(Rule::P6),
        risk: Risk {
            technical_risk: true,
            protective_equipment: &[Ppe::Gloves, Ppe::Goggles],
            ..Risk::NONE
        },
    },
    // Table 2 row 6 (the seed prints "Kementerian Hubungan"; Perhubungan is meant).
    WorkForm {
        code: "transport.information",
        field: Field::Transport,
        label_id: "Membantu memberikan informasi terkait transportasi umum (informasi terkait rute atau pembelian tiket)",
        label_en: "Giving information on public transport (routes or buying tickets)",
        source: Source::Table2 { row: 6 },
        risk: Risk::NONE,
    },
    WorkForm {
        code: "transport.cleaning_facilities",
        field: Field::Transport,
        label_id: "Menjaga kebersihan fasilitas (area tunggu atau loket)",
        label_en: "Keeping the facilities clean (waiting areas or ticket counters)",
        source: Source::Table2 { row: 6 },
        risk: wearing(CLEANING),
    },
    // Table 2 row 7 (Dinas Kebersihan).
    WorkForm {
        code: "sanitation.sweeping_pavements_and_drains",
        field: Field::Sanitation,
        label_id: "Membersihkan area trotoar atau membersihkan saluran air",
        label_en: "Cleaning pavements or drains",
        source: Source::Table2 { row: 7 },
        risk: Risk {
            tools: Tools::EnvironmentalCleaning,
            protective_equipment: ROADSIDE,
            ..Risk::NONE
        },
    },
    WorkForm {
        code: "sanitation.removing_graffiti",
        field: Field::Sanitation,
        label_id: "Membersihkan tembok dari bekas vandalisme",
        label_en: "Cleaning walls of graffiti",
        source: Source::Table2 { row: 7 },
        risk: Risk {
            tools: Tools::EnvironmentalCleaning,
            protective_equipment: &[Ppe::Gloves, Ppe::Mask, Ppe::Goggles],
            ..Risk::NONE
        },
    },
    WorkForm {
        code: "sanitation.unblocking_culverts",
        field: Field::Sanitation,
        label_id: "Membersihkan gorong-gorong atau saluran air yang tersumbat",
        label_en: "Clearing blocked culverts or drains",
        source: Source::Table2 { row: 7 },
        // Culverts are confined spaces with foul air and water: a high safety risk (P7).
        risk: Risk {
            safety_risk: true,
            tools: Tools::EnvironmentalCleaning,
            protective_equipment: &[Ppe::Helmet, Ppe::Mask, Ppe::Gloves, Ppe::Boots],
            ..Risk::NONE
        },
    },
    WorkForm {
        code: "sanitation.roadside_plants",
        field: Field::Sanitation,
        label_id: "Merawat tanaman sekitar jalan",
        label_en: "Tending roadside plants",
        source: Source::Table2 { row: 7 },
        risk: Risk {
            tools: Tools::EnvironmentalCleaning,
            protective_equipment: ROADSIDE,
            ..Risk::NONE
        },
    },
    // Table 2 row 8 (Dinas Pertamanan dan Hutan Kota).
    WorkForm {
        code: "parks.cemetery_weeding",
        field: Field::Parks,
        label_id: "Menjaga kebersihan area pemakaman umum (mencabuti rumput liar)",
        label_en: "Keeping public cemeteries clean (weeding)",
        source: Source::Table2 { row: 8 },
        risk: Risk {
            tools: Tools::EnvironmentalCleaning,
            protective_equipment: OUTDOOR,
            ..Risk::NONE
        },
    },
    // Table 2 row 9 (Dinas Peternakan dan Kesehatan Hewan).
    WorkForm {
        code: "livestock.cleaning_pens",
        field: Field::Livestock,
        label_id: "Menjaga kebersihan kandang",
        label_en: "Keeping the pens clean",
        source: Source::Table2 { row: 9 },
        risk: wearing(&[Ppe::Gloves, Ppe::Mask, Ppe::Boots]),
    },
    WorkForm {
        code: "livestock.feeding",
        field: Field::Livestock,
        label_id: "Memberi makan ternak",
        label_en: "Feeding the livestock",
        source: Source::Table2 { row: 9 },
        risk: wearing(&[Ppe::Gloves, Ppe::Boots]),
    },
    // Table 2 row 10 (Dinas Olahraga).
    WorkForm {
        code: "sports.cleaning_facilities",
        field: Field::Sports,
        label_id: "Menjaga kebersihan fasilitas (lapangan, area tempat duduk, atau toilet umum)",
        label_en: "Keeping the facilities clean (pitch, stands or public toilets)",
        source: Source::Table2 { row: 10 },
        risk: wearing(CLEANING),
    },
    WorkForm {
        code: "sports.ticket_and_information",
        field: Field::Sports,
        label_id: "Mendukung kegiatan olahraga (menjadi penjaga tiket atau layanan informasi)",
        label_en: "Supporting sports events (ticket or information duty)",
        source: Source::Table2 { row: 10 },
        risk: Risk::NONE,
    },
    // After Table 2: RT/RW offices, Karang Taruna and other government offices (no forms in
    // the seed).
    WorkForm {
        code: "local_government.cleaning_office",
        field: Field::LocalGovernment,
        label_id: "Menjaga kebersihan fasilitas kantor",
        label_en: "Keeping the office facilities clean",
        source: Source::Assumed,
        risk: wearing(CLEANING),
    },
    WorkForm {
        code: "local_government.community_clean_up",
        field: Field::LocalGovernment,
        label_id: "Membantu kerja bakti kebersihan lingkungan",
        label_en: "Helping with the neighbourhood clean-up",
        source: Source::Assumed,
        risk: Risk {
            tools: Tools::EnvironmentalCleaning,
            protective_equipment: OUTDOOR,
            ..Risk::NONE
        },
    },
    WorkForm {
        code: "local_government.high_rise_window_cleaning",
        field: Field::LocalGovernment,
        label_id: "Membersihkan jendela gedung tinggi",
        label_en: "Cleaning the windows of a high building",
        source: Source::RuleExample(Rule::P7),
        risk: Risk {
            safety_risk: true,
            protective_equipment: &[Ppe::SafetyHarness, Ppe::Helmet, Ppe::Gloves],
            ..Risk::NONE
        },
    },
    // Table 3 row 1 (Yayasan Sosial Keagamaan/LSM).
    WorkForm {
        code: "humanitarian.aid_logistics",
        field: Field::Humanitarian,
        label_id: "Membantu mendistribusikan bantuan sosial, menjadi tim logistik, atau mengelompokkan dan mendata barang sumbangan untuk kepentingan kemanusiaan dan bencana alam",
        label_en: "Helping to distribute social aid, on the logistics team, or sorting and recording donations for humanitarian and disaster relief",
        source: Source::Table3 { row: 1 },
        risk: wearing(CLEANING),
    },
    WorkForm {
        code: "humanitarian.cleaning_office",
        field: Field::Humanitarian,
        label_id: "Membersihkan fasilitas kantor yayasan sosial/LSM",
        label_en: "Cleaning the office of the foundation or NGO",
        source: Source::Table3 { row: 1 },
        risk: wearing(CLEANING),
    },
    WorkForm {
        code: "humanitarian.public_kitchen",
        field: Field::Humanitarian,
        label_id: "Membantu dapur umum (memotong bahan makanan dengan pisau)",
        label_en: "Helping in a public kitchen (cutting food with knives)",
        source: Source::Assumed,
        risk: Risk {
            tools: Tools::Dangerous,
            protective_equipment: &[Ppe::Gloves],
            ..Risk::NONE
        },
    },
];

#[cfg(test)]
#[expect(non_snake_case, reason = "test names end with the rule ID they check")]
mod tests {
    use std::collections::BTreeSet;

    use super::*;
    use crate::placement::work_form::WorkFormId;

    #[test]
    fn every_code_is_unique_starts_with_its_field_and_parses_back() {
        let codes: BTreeSet<&str> = FORMS.iter().map(|form| form.code).collect();
        assert_eq!(codes.len(), FORMS.len());
        for id in WorkFormId::all() {
            let form = id.form();
            assert_eq!(WorkFormId::parse(form.code), Some(id));
            let (field, what) = form.code.split_once('.').expect("field.what");
            assert_eq!(field, form.field.as_str(), "{}", form.code);
            assert!(!what.is_empty() && !form.label_id.is_empty() && !form.label_en.is_empty());
        }
        assert_eq!(WorkFormId::parse("health"), None);
        assert!(u16::try_from(FORMS.len()).is_ok());
    }

    #[test]
    fn every_row_of_tables_2_and_3_has_work_forms() {
        for row in 1..=10 {
            assert!(
                FORMS
                    .iter()
                    .any(|form| form.source == Source::Table2 { row }),
                "Table 2 row {row}"
            );
        }
        assert!(FORMS.iter().any(|f| f.source == Source::Table3 { row: 1 }));
    }

    #[test]
    fn the_seeds_examples_of_forbidden_work_carry_their_risk_P6_P7() {
        let examples: Vec<&WorkForm> = FORMS
            .iter()
            .filter(|form| matches!(form.source, Source::RuleExample(_)))
            .collect();
        assert_eq!(examples.len(), 3);
        for form in examples {
            match form.source {
                Source::RuleExample(Rule::P6) => assert!(form.risk.technical_risk, "{}", form.code),
                Source::RuleExample(Rule::P7) => assert!(form.risk.safety_risk, "{}", form.code),
                other => panic!("unexpected example {other:?}"),
            }
        }
    }

    #[test]
    fn only_environmental_work_uses_the_tools_P8_allows() {
        for form in FORMS {
            if form.risk.tools == Tools::EnvironmentalCleaning {
                assert!(
                    matches!(
                        form.field,
                        Field::Environment
                            | Field::Sanitation
                            | Field::Parks
                            | Field::LocalGovernment
                    ),
                    "{}",
                    form.code
                );
            }
        }
    }
}

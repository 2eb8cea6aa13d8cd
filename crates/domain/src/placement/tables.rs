//! Tables 2 and 3 of §2.1.2 as data: which institutions host community service, at which
//! kinds of place, with which work forms of the catalogue.

use super::field::{Field, Place, Sector};

/// One row of Table 2 or 3 (or the offices named after Table 2).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Institution {
    /// `"2.3"` for Table 2 row 3; `"2.x"` for the offices named after Table 2.
    pub row: &'static str,
    pub sector: Sector,
    pub field: Field,
    pub label_id: &'static str,
    pub label_en: &'static str,
    pub places: &'static [Place],
    /// Codes of the catalogue's work forms.
    pub work_forms: &'static [&'static str],
}

const SOCIAL_FORMS: &[&str] = &[
    "social.inventory_recording",
    "social.document_archiving",
    "social.cleaning_facilities",
    "social.facility_upkeep",
];
const HEALTH_FORMS: &[&str] = &[
    "health.information_service",
    "health.cleaning_facilities",
    "health.non_medical_upkeep",
];
const SCHOOL_FORMS: &[&str] = &["education.cleaning_facilities"];

/// Every institution of Tables 2 and 3.
pub static INSTITUTIONS: &[Institution] = &[
    Institution {
        row: "2.1",
        sector: Sector::Government,
        field: Field::Social,
        label_id: "Kementerian Sosial",
        label_en: "Ministry of Social Affairs",
        places: &[Place::Orphanage, Place::ElderlyHome],
        work_forms: SOCIAL_FORMS,
    },
    Institution {
        row: "2.2",
        sector: Sector::Government,
        field: Field::Religious,
        label_id: "Kementerian Agama",
        label_en: "Ministry of Religious Affairs",
        places: &[Place::HouseOfWorship],
        work_forms: &[
            "religious.administration",
            "religious.cleaning_facilities",
            "religious.facility_upkeep",
        ],
    },
    Institution {
        row: "2.3",
        sector: Sector::Government,
        field: Field::Health,
        label_id: "Kementerian Kesehatan",
        label_en: "Ministry of Health",
        places: &[Place::Hospital, Place::Clinic, Place::Puskesmas],
        work_forms: HEALTH_FORMS,
    },
    Institution {
        row: "2.4",
        sector: Sector::Government,
        field: Field::Environment,
        label_id: "Kementerian Lingkungan Hidup dan Kehutanan",
        label_en: "Ministry of Environment and Forestry",
        places: &[Place::NatureReserve],
        work_forms: &[
            "environment.planting",
            "environment.cleaning_facilities",
            "environment.public_access_upkeep",
        ],
    },
    Institution {
        row: "2.5",
        sector: Sector::Government,
        field: Field::Education,
        label_id: "Kementerian Pendidikan Dasar dan Menengah",
        label_en: "Ministry of Primary and Secondary Education",
        places: &[Place::School],
        work_forms: SCHOOL_FORMS,
    },
    Institution {
        row: "2.6",
        sector: Sector::Government,
        field: Field::Transport,
        // The seed prints "Kementerian Hubungan".
        label_id: "Kementerian Perhubungan",
        label_en: "Ministry of Transport",
        places: &[Place::Station, Place::Terminal, Place::Stop],
        work_forms: &["transport.information", "transport.cleaning_facilities"],
    },
    Institution {
        row: "2.7",
        sector: Sector::Government,
        field: Field::Sanitation,
        label_id: "Dinas Kebersihan",
        label_en: "Sanitation office",
        places: &[Place::Street],
        work_forms: &[
            "sanitation.sweeping_pavements_and_drains",
            "sanitation.removing_graffiti",
            "sanitation.unblocking_culverts",
            "sanitation.roadside_plants",
        ],
    },
    Institution {
        row: "2.8",
        sector: Sector::Government,
        field: Field::Parks,
        label_id: "Dinas Pertamanan dan Hutan Kota",
        label_en: "Parks and city forests office",
        places: &[Place::PublicCemetery],
        work_forms: &["parks.cemetery_weeding"],
    },
    Institution {
        row: "2.9",
        sector: Sector::Government,
        field: Field::Livestock,
        label_id: "Dinas Peternakan dan Kesehatan Hewan",
        label_en: "Livestock and animal health office",
        places: &[Place::LivestockCentre],
        work_forms: &["livestock.cleaning_pens", "livestock.feeding"],
    },
    Institution {
        row: "2.10",
        sector: Sector::Government,
        field: Field::Sports,
        label_id: "Dinas Olahraga",
        label_en: "Sports office",
        places: &[Place::Stadium, Place::SportsHall],
        work_forms: &[
            "sports.cleaning_facilities",
            "sports.ticket_and_information",
        ],
    },
    Institution {
        row: "2.x",
        sector: Sector::Government,
        field: Field::LocalGovernment,
        label_id: "Instansi lain di bawah pemerintah daerah",
        label_en: "Other local-government institutions",
        places: &[
            Place::RtRwOffice,
            Place::KarangTaruna,
            Place::GovernmentOffice,
        ],
        work_forms: &[
            "local_government.cleaning_office",
            "local_government.community_clean_up",
        ],
    },
    Institution {
        row: "3.1",
        sector: Sector::NonGovernment,
        field: Field::Humanitarian,
        label_id: "Yayasan Sosial Keagamaan/LSM",
        label_en: "Social or religious foundation, NGO",
        places: &[Place::FoundationOffice],
        work_forms: &["humanitarian.aid_logistics", "humanitarian.cleaning_office"],
    },
    Institution {
        row: "3.2",
        sector: Sector::NonGovernment,
        field: Field::Health,
        label_id: "Rumah Sakit atau Klinik Swasta",
        label_en: "Private hospital or clinic",
        places: &[Place::Hospital, Place::Clinic],
        work_forms: HEALTH_FORMS,
    },
    Institution {
        row: "3.3",
        sector: Sector::NonGovernment,
        field: Field::Education,
        label_id: "Sekolah Swasta",
        label_en: "Private school",
        places: &[Place::School],
        work_forms: SCHOOL_FORMS,
    },
    Institution {
        row: "3.4",
        sector: Sector::NonGovernment,
        field: Field::Social,
        label_id: "Panti Swasta",
        label_en: "Private social home",
        places: &[Place::Orphanage, Place::ElderlyHome],
        work_forms: SOCIAL_FORMS,
    },
];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::placement::work_form::{Source, WorkFormId};

    #[test]
    fn every_institutions_work_forms_exist_and_belong_to_its_field() {
        for institution in INSTITUTIONS {
            assert!(!institution.places.is_empty(), "{}", institution.row);
            assert!(!institution.work_forms.is_empty(), "{}", institution.row);
            for code in institution.work_forms {
                let id = WorkFormId::parse(code).unwrap_or_else(|| panic!("unknown {code}"));
                assert_eq!(id.form().field, institution.field, "{code}");
            }
        }
    }

    #[test]
    fn tables_2_and_3_have_ten_and_four_rows_plus_the_local_offices() {
        let count = |prefix: &str| {
            INSTITUTIONS
                .iter()
                .filter(|i| i.row.starts_with(prefix))
                .count()
        };
        assert_eq!(count("2."), 11);
        assert_eq!(count("3."), 4);
        assert!(
            INSTITUTIONS
                .iter()
                .all(|i| (i.sector == Sector::Government) == i.row.starts_with("2."))
        );
    }

    #[test]
    fn every_form_of_the_tables_is_offered_by_an_institution_and_no_forbidden_one_is() {
        for id in WorkFormId::all() {
            let form = id.form();
            let offered = INSTITUTIONS
                .iter()
                .any(|i| i.work_forms.contains(&form.code));
            let from_a_table = matches!(form.source, Source::Table2 { .. } | Source::Table3 { .. });
            if from_a_table {
                assert!(
                    offered,
                    "{} is in a table but no institution offers it",
                    form.code
                );
            }
            if matches!(form.source, Source::RuleExample(_))
                || form.code == "humanitarian.public_kitchen"
            {
                assert!(!offered, "{} is forbidden work", form.code);
            }
        }
    }
}

//! Sentences for users: each exclusion and score reason in Indonesian (first) and English,
//! with its rule ID and the numbers that matter. The web layer may render the structured
//! data itself; these are the texts the domain stands behind.

use super::accommodation::Accommodations;
use super::field::Field;
use super::verdict::{Exclusion, ScoreReason};
use super::work_form::Ppe;

/// `12.3` → `"12,3"` (Indonesian decimal comma).
fn km_id(km: f64) -> String {
    format!("{km:.1}").replace('.', ",")
}

fn km_en(km: f64) -> String {
    format!("{km:.1}")
}

fn accommodations_id(set: Accommodations) -> String {
    set.iter()
        .map(|a| a.label_id().to_lowercase())
        .collect::<Vec<_>>()
        .join(", ")
}

fn accommodations_en(set: Accommodations) -> String {
    set.iter()
        .map(|a| a.label_en().to_lowercase())
        .collect::<Vec<_>>()
        .join(", ")
}

fn ppe_id(items: &[Ppe]) -> String {
    items
        .iter()
        .map(|p| p.label_id().to_lowercase())
        .collect::<Vec<_>>()
        .join(", ")
}

fn ppe_en(items: &[Ppe]) -> String {
    items
        .iter()
        .map(|p| p.label_en().to_lowercase())
        .collect::<Vec<_>>()
        .join(", ")
}

fn field_id(field: Field) -> String {
    field.label_id().to_lowercase()
}

fn field_en(field: Field) -> String {
    field.label_en().to_lowercase()
}

impl Exclusion {
    /// Why the candidate is excluded, in Indonesian, ending with the rule ID.
    pub fn text_id(&self) -> String {
        let text = match self {
            Exclusion::OffenceThroughProfession { field } => format!(
                "Tindak pidana Klien berkaitan dengan profesinya di bidang {}",
                field_id(*field)
            ),
            Exclusion::TraumaField { field } => format!(
                "Klien pernah menjadi korban di bidang {}; penempatan berpotensi menimbulkan trauma",
                field_id(*field)
            ),
            Exclusion::TraumaInstitution => "Klien pernah menjadi korban di lembaga ini".to_owned(),
            Exclusion::VictimAtPartner => {
                "Korban tindak pidana tinggal atau bekerja di tempat ini".to_owned()
            }
            Exclusion::NearVictim { km, min_km } => format!(
                "Tempat kerja sosial berjarak {} km dari korban, kurang dari {} km",
                km_id(*km),
                km_id(*min_km)
            ),
            Exclusion::VulnerableGroups => {
                "Kegiatan ini berinteraksi langsung dengan kelompok rentan".to_owned()
            }
            Exclusion::ConfidentialData => {
                "Kegiatan ini memberi akses ke data, dokumen, atau informasi rahasia".to_owned()
            }
            Exclusion::TechnicalRisk => "Kegiatan ini memiliki risiko teknis tinggi".to_owned(),
            Exclusion::SafetyRisk { pregnant: true } => {
                "Kegiatan ini berisiko tinggi dan dapat membahayakan ibu dan janin".to_owned()
            }
            Exclusion::SafetyRisk { pregnant: false } => {
                "Kegiatan ini berisiko keselamatan tinggi dan Klien tidak memiliki keahliannya"
                    .to_owned()
            }
            Exclusion::DangerousTools => {
                "Kegiatan ini memerlukan benda berbahaya di luar peralatan kebersihan lingkungan"
                    .to_owned()
            }
            Exclusion::InfectiousDisease => {
                "Klien menderita penyakit menular dan belum memiliki keterangan resmi tenaga medis"
                    .to_owned()
            }
            Exclusion::NoSupervisor => {
                "Belum ada penanggung jawab (PJ) yang ditunjuk di tempat ini".to_owned()
            }
            Exclusion::NoAgreement => {
                "Tidak ada Perjanjian Kerja Sama (PKS) yang berlaku dengan mitra ini".to_owned()
            }
            Exclusion::NoCapacity => "Kapasitas mitra sudah penuh".to_owned(),
        };
        format!("{text} ({}).", self.rule())
    }

    /// Why the candidate is excluded, in English, ending with the rule ID.
    pub fn text_en(&self) -> String {
        let text = match self {
            Exclusion::OffenceThroughProfession { field } => format!(
                "The client's offence was committed through their profession in {}",
                field_en(*field)
            ),
            Exclusion::TraumaField { field } => format!(
                "The client was a victim in {}; the placement may cause trauma",
                field_en(*field)
            ),
            Exclusion::TraumaInstitution => {
                "The client was a victim at this institution".to_owned()
            }
            Exclusion::VictimAtPartner => "The victim lives or works here".to_owned(),
            Exclusion::NearVictim { km, min_km } => format!(
                "The work place is {} km from the victim, less than {} km",
                km_en(*km),
                km_en(*min_km)
            ),
            Exclusion::VulnerableGroups => {
                "The work is direct interaction with vulnerable groups".to_owned()
            }
            Exclusion::ConfidentialData => {
                "The work gives access to confidential data, documents or information".to_owned()
            }
            Exclusion::TechnicalRisk => "The work has a high technical risk".to_owned(),
            Exclusion::SafetyRisk { pregnant: true } => {
                "The work is high-risk and could endanger mother and foetus".to_owned()
            }
            Exclusion::SafetyRisk { pregnant: false } => {
                "The work has a high safety risk and the client lacks the skills".to_owned()
            }
            Exclusion::DangerousTools => {
                "The work needs dangerous objects other than environmental-cleaning tools"
                    .to_owned()
            }
            Exclusion::InfectiousDisease => {
                "The client has an infectious disease and no medical clearance".to_owned()
            }
            Exclusion::NoSupervisor => "No supervisor (PJ) is appointed here".to_owned(),
            Exclusion::NoAgreement => {
                "No cooperation agreement (PKS) is in force with this partner".to_owned()
            }
            Exclusion::NoCapacity => "The partner has no place left".to_owned(),
        };
        format!("{text} ({}).", self.rule())
    }
}

impl ScoreReason {
    /// The reason in Indonesian, with its points and rule ID.
    pub fn text_id(&self) -> String {
        let text = match self {
            ScoreReason::Distance { km, dependants, .. } if *dependants > 0 => format!(
                "Berjarak {} km dari rumah; Klien memiliki {dependants} tanggungan keluarga",
                km_id(*km)
            ),
            ScoreReason::Distance { km, .. } => format!("Berjarak {} km dari rumah", km_id(*km)),
            ScoreReason::DistanceUnknown { assumed_km, .. } => format!(
                "Jarak dari rumah belum diketahui; dihitung {} km, PK perlu memeriksa",
                km_id(*assumed_km)
            ),
            ScoreReason::MissingAccommodations { missing, .. } => format!(
                "Akomodasi yang belum tersedia dan harus dipastikan PK: {}",
                accommodations_id(*missing)
            ),
            ScoreReason::AccommodationsMet { provided } => format!(
                "Akomodasi kebutuhan khusus tersedia: {}",
                accommodations_id(*provided)
            ),
            ScoreReason::ProfessionMatch { field, .. } => format!(
                "Sesuai dengan profesi atau keahlian Klien ({})",
                field_id(*field)
            ),
            ScoreReason::VictimDistanceUnknown { .. } => {
                "Lokasi tempat kerja belum diketahui; PK perlu memastikan jauh dari korban"
                    .to_owned()
            }
            ScoreReason::SafetySkill => {
                "Pekerjaan berisiko tinggi; Klien memiliki keahliannya".to_owned()
            }
            ScoreReason::EnvironmentalCleaningTools => {
                "Menggunakan peralatan kebersihan lingkungan yang diperbolehkan".to_owned()
            }
            ScoreReason::ProtectiveEquipment { items } => {
                format!("APD yang wajib dipakai: {}", ppe_id(items))
            }
            ScoreReason::MedicalClearance => {
                "Ada keterangan resmi tenaga medis bahwa kondisi Klien aman".to_owned()
            }
            ScoreReason::MonitoringRequired => {
                "Klien wajib menggunakan alat pemantau kehadiran".to_owned()
            }
            ScoreReason::BeyondDistanceLimit { km, limit_km } => format!(
                "Melebihi batas jarak {} km dari rumah ({} km): bukan pilihan biasa; PK menuliskan alasan Klien tetap dapat hadir dan Kepala Bapas menyetujuinya",
                km_id(*limit_km),
                km_id(*km)
            ),
        };
        with_points(text, self)
    }

    /// The reason in English, with its points and rule ID.
    pub fn text_en(&self) -> String {
        let text = match self {
            ScoreReason::Distance { km, dependants, .. } if *dependants > 0 => format!(
                "{} km from home; the client has {dependants} dependant(s)",
                km_en(*km)
            ),
            ScoreReason::Distance { km, .. } => format!("{} km from home", km_en(*km)),
            ScoreReason::DistanceUnknown { assumed_km, .. } => format!(
                "Distance from home unknown; counted as {} km, the PK must check",
                km_en(*assumed_km)
            ),
            ScoreReason::MissingAccommodations { missing, .. } => format!(
                "Accommodations the site lacks and the PK must ensure: {}",
                accommodations_en(*missing)
            ),
            ScoreReason::AccommodationsMet { provided } => format!(
                "Special-needs accommodations available: {}",
                accommodations_en(*provided)
            ),
            ScoreReason::ProfessionMatch { field, .. } => format!(
                "Matches the client's profession or skills ({})",
                field_en(*field)
            ),
            ScoreReason::VictimDistanceUnknown { .. } => {
                "The work place has no location; the PK must make sure it is away from the victim"
                    .to_owned()
            }
            ScoreReason::SafetySkill => "High-risk work; the client has the skills".to_owned(),
            ScoreReason::EnvironmentalCleaningTools => {
                "Uses environmental-cleaning tools, which are allowed".to_owned()
            }
            ScoreReason::ProtectiveEquipment { items } => {
                format!("Protective equipment required: {}", ppe_en(items))
            }
            ScoreReason::MedicalClearance => {
                "A medical statement says the client's condition is safe".to_owned()
            }
            ScoreReason::MonitoringRequired => {
                "The client must use attendance-monitoring technology".to_owned()
            }
            ScoreReason::BeyondDistanceLimit { km, limit_km } => format!(
                "Beyond the {} km distance limit from home ({} km): not a normal choice; the PK writes why the client can still attend and the head approves",
                km_en(*limit_km),
                km_en(*km)
            ),
        };
        with_points(text, self)
    }
}

fn with_points(text: String, reason: &ScoreReason) -> String {
    match reason.points() {
        0 => format!("{text} ({}).", reason.rule()),
        points => format!("{text} ({points:+}; {}).", reason.rule()),
    }
}

#[cfg(test)]
#[expect(non_snake_case, reason = "test names end with the rule ID they check")]
mod tests {
    use super::*;
    use crate::placement::accommodation::Accommodation;

    #[test]
    fn an_exclusion_reads_with_its_numbers_and_rule_P2() {
        let near = Exclusion::NearVictim {
            km: 1.4,
            min_km: 2.0,
        };
        assert_eq!(
            near.text_id(),
            "Tempat kerja sosial berjarak 1,4 km dari korban, kurang dari 2,0 km (P2)."
        );
        assert_eq!(
            near.text_en(),
            "The work place is 1.4 km from the victim, less than 2.0 km (P2)."
        );
        assert_eq!(
            Exclusion::NoAgreement.text_en(),
            "No cooperation agreement (PKS) is in force with this partner (L9)."
        );
    }

    #[test]
    fn a_reason_reads_with_its_points_and_rule_P3() {
        let distance = ScoreReason::Distance {
            km: 12.5,
            dependants: 2,
            points: -25,
        };
        assert_eq!(
            distance.text_id(),
            "Berjarak 12,5 km dari rumah; Klien memiliki 2 tanggungan keluarga (-25; P3)."
        );
        let missing = ScoreReason::MissingAccommodations {
            missing: Accommodations::of(&[Accommodation::Ramp, Accommodation::LactationRoom]),
            points: -200,
        };
        assert_eq!(
            missing.text_en(),
            "Accommodations the site lacks and the PK must ensure: ramps, standard lactation room (-200; P3)."
        );
        assert_eq!(
            ScoreReason::ProtectiveEquipment {
                items: &[Ppe::Gloves, Ppe::Mask]
            }
            .text_id(),
            "APD yang wajib dipakai: sarung tangan, masker (P9)."
        );
    }
}

//! The Litmas for guidance (§2.2.6): the social inquiry report after sentencing, sections
//! a–f, whose section f is the community-service case plan with its ten components. The PK
//! submits it complete; the head of office approves it, and only then is the case assessed.

use serde::{Deserialize, Serialize};

/// The ten components of the case plan (§2.2.6 f), in the seed's order: (code, Indonesian,
/// English).
pub const CASE_PLAN: [(&str, &str, &str); 10] = [
    ("work_place", "Tempat kerja sosial", "Work place"),
    (
        "institution",
        "Lembaga pemerintah/non-pemerintah",
        "Institution (government / non-government)",
    ),
    ("total_hours", "Jumlah jam kerja sosial", "Total hours"),
    (
        "schedule",
        "Jadwal (hari dan jam)",
        "Schedule (days and hours)",
    ),
    (
        "supervisor",
        "Nama penanggung jawab (PJ) di tempat kerja",
        "On-site supervisor (PJ)",
    ),
    (
        "work_description",
        "Uraian pekerjaan",
        "Description of the work",
    ),
    (
        "visits",
        "Rencana kunjungan PK ke rumah atau tempat kerja Klien",
        "Planned PK visits to the client's home or work",
    ),
    (
        "counselling",
        "Rencana konseling sesuai kebutuhan intervensi Klien",
        "Planned counselling for the client's intervention needs",
    ),
    (
        "evaluation",
        "Rencana evaluasi keberhasilan case plan",
        "Planned evaluation of the plan's success",
    ),
    (
        "special_needs",
        "Kebutuhan khusus Klien",
        "The client's special needs",
    ),
];

/// Risk levels of the risk and needs assessment (section d).
pub const RISK_LEVELS: [(&str, &str, &str); 3] = [
    ("low", "Rendah", "Low"),
    ("medium", "Sedang", "Medium"),
    ("high", "Tinggi", "High"),
];

/// The text of sections a, c, d, e and f; section b is the intervention record, kept as
/// its own entries.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Sections {
    /// (a) the operative part of the decision: legal basis, hours, terms ordered.
    pub decision: String,
    /// (c) the plan in its three parts (§2.2.6 c): assistance (pendampingan), guidance
    /// (pembimbingan) and supervision (pengawasan). A Litmas written before the parts were
    /// separated keeps its one text under guidance.
    #[serde(default)]
    pub assistance_plan: String,
    pub guidance_plan: String,
    #[serde(default)]
    pub supervision_plan: String,
    /// (d) the danger risk (*risiko keberbahayaan*, a code of [`RISK_LEVELS`]), the
    /// reoffending risk (*risiko pengulangan tindak pidana*; B2 and seed §2.3.2 b name both)
    /// and the needs. A Litmas written before the two were separated has only the first.
    pub risk_level: String,
    #[serde(default)]
    pub reoffending_risk: String,
    pub needs: String,
    /// (e) analysis, including special needs found after the trial.
    pub analysis: String,
    /// (f) the case plan, one text per component of [`CASE_PLAN`].
    pub case_plan: Vec<String>,
}

impl Sections {
    /// The fields still empty, by form field name; a Litmas is submitted only complete.
    pub fn missing(&self) -> Vec<&'static str> {
        let mut missing = Vec::new();
        for (field, text) in [
            ("decision", &self.decision),
            ("assistance_plan", &self.assistance_plan),
            ("guidance_plan", &self.guidance_plan),
            ("supervision_plan", &self.supervision_plan),
            ("needs", &self.needs),
            ("analysis", &self.analysis),
        ] {
            if text.trim().is_empty() {
                missing.push(field);
            }
        }
        for (field, level) in [
            ("risk_level", &self.risk_level),
            ("reoffending_risk", &self.reoffending_risk),
        ] {
            if !RISK_LEVELS.iter().any(|(code, _, _)| code == level) {
                missing.push(field);
            }
        }
        for (i, (code, _, _)) in CASE_PLAN.iter().enumerate() {
            if self.case_plan.get(i).is_none_or(|t| t.trim().is_empty()) {
                missing.push(code);
            }
        }
        missing
    }
}

/// The Litmas version as it stands before a save: its number and whether the head approved it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Version {
    pub number: i64,
    pub approved: bool,
}

/// The version number a save writes. An approved Litmas is locked: what the head approved is
/// kept as it was, and changing it starts the next version, which needs its own approval. A
/// draft or a submitted, not yet approved version is edited in place.
pub fn version_to_write(current: Option<Version>) -> i64 {
    match current {
        None => 1,
        Some(Version {
            number,
            approved: true,
        }) => number + 1,
        Some(Version { number, .. }) => number,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_approved_litmas_is_locked_and_a_change_starts_the_next_version() {
        assert_eq!(version_to_write(None), 1);
        let draft = Version {
            number: 1,
            approved: false,
        };
        assert_eq!(
            version_to_write(Some(draft)),
            1,
            "a draft is edited in place"
        );
        let approved = Version {
            number: 1,
            approved: true,
        };
        assert_eq!(version_to_write(Some(approved)), 2);
        let second_draft = Version {
            number: 2,
            approved: false,
        };
        assert_eq!(version_to_write(Some(second_draft)), 2);
    }

    fn complete() -> Sections {
        Sections {
            decision: "Pidana kerja sosial 80 jam".into(),
            assistance_plan: "Mendampingi Klien ke tempat kerja sosial".into(),
            guidance_plan: "Pembimbingan mingguan".into(),
            supervision_plan: "Pengawasan kehadiran bersama PJ".into(),
            risk_level: "low".into(),
            reoffending_risk: "medium".into(),
            needs: "Keterampilan kerja".into(),
            analysis: "Tidak ada kebutuhan khusus baru".into(),
            case_plan: CASE_PLAN
                .iter()
                .map(|(_, label, _)| label.to_string())
                .collect(),
        }
    }

    #[test]
    fn a_complete_litmas_has_nothing_missing() {
        assert!(complete().missing().is_empty());
    }

    #[test]
    fn section_c_has_its_three_parts_each_required() {
        let s = Sections {
            assistance_plan: String::new(),
            supervision_plan: " ".into(),
            ..complete()
        };
        assert_eq!(s.missing(), vec!["assistance_plan", "supervision_plan"]);
        // A Litmas stored before the parts were separated reads with them empty.
        let old: Sections = serde_json::from_str(
            r#"{"decision":"a","guidance_plan":"c","risk_level":"low","needs":"d","analysis":"e","case_plan":[]}"#,
        )
        .expect("an earlier Litmas");
        assert_eq!(
            (old.assistance_plan.as_str(), old.guidance_plan.as_str()),
            ("", "c")
        );
    }

    #[test]
    fn the_case_plan_needs_all_ten_components() {
        let mut s = complete();
        s.case_plan[6] = " ".into();
        s.case_plan.truncate(9);
        assert_eq!(s.missing(), vec!["visits", "special_needs"]);
        assert_eq!(CASE_PLAN.len(), 10);
    }

    #[test]
    fn an_unknown_risk_level_is_missing() {
        let mut s = complete();
        s.risk_level = "extreme".into();
        assert_eq!(s.missing(), vec!["risk_level"]);
    }
}

//! Section f of the Litmas, *Rencana Program*: the community-service case plan with the ten
//! components of §2.2.6 f.

use karya_domain::Minutes;
use serde::ser::{SerializeSeq, SerializeStruct};
use serde::{Serialize, Serializer};

use super::parts::{InstitutionKind, ScheduleSlot, weekly_total};
use crate::format::hours_in_words;

/// The labels of the ten components, in the seed's words and order (§2.2.6 f 1–10).
pub const CASE_PLAN_COMPONENTS: [&str; 10] = [
    "Tempat Kerja Sosial",
    "Instansi (pemerintah atau non-pemerintah)",
    "Total Durasi Kerja Sosial (dalam jam)",
    "Jadwal Kerja Sosial (hari dan jam)",
    "Nama Penanggung Jawab di Tempat Kerja Sosial",
    "Deskripsi Kegiatan Kerja Sosial",
    "Rencana kunjungan PK ke rumah atau tempat kerja Klien",
    "Rencana konseling PK terkait dengan kebutuhan intervensi Klien",
    "Rencana evaluasi PK terhadap keberhasilan pelaksanaan rencana",
    "Kebutuhan Khusus Klien",
];

/// The case plan. Free-text components print each non-blank line on its own line; an empty one
/// prints a dash (component 10: `Tidak ada`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CasePlan {
    /// Component 1: the partner's name.
    pub work_place: String,
    /// Component 2, from the partner record once the placement is confirmed; `None` before.
    pub institution: Option<InstitutionKind>,
    /// Component 3: the hours ordered, printed as `120 (seratus dua puluh) jam`.
    pub total_hours: Minutes,
    /// Component 4: one line per weekly session, then the weekly total.
    pub schedule: Vec<ScheduleSlot>,
    /// Component 5: the PJ's name.
    pub supervisor_name: String,
    /// Component 6.
    pub work_description: String,
    /// Component 7.
    pub visit_plan: String,
    /// Component 8.
    pub counselling_plan: String,
    /// Component 9.
    pub evaluation_plan: String,
    /// Component 10, e.g. walking aids; needs of women with reproductive functions, of the
    /// chronically ill, of people with disabilities and of the elderly.
    pub special_needs: String,
    /// What the PK wrote for each component, in order: printed after the record's value when
    /// it says something else, alone when there is no record (issue 13, item 8).
    pub written: Vec<String>,
}

impl CasePlan {
    /// The ten components' values as printed, in the order of [`CASE_PLAN_COMPONENTS`].
    fn values(&self) -> [String; 10] {
        let schedule = if self.schedule.is_empty() {
            String::new()
        } else {
            let mut lines: Vec<String> = self
                .schedule
                .iter()
                .map(|slot| format!("{} ({})", slot.wording(), slot.minutes()))
                .collect();
            lines.push(format!(
                "Jumlah per minggu: {}",
                weekly_total(&self.schedule)
            ));
            lines.join("\n")
        };
        let special_needs = if self.special_needs.trim().is_empty() {
            "Tidak ada".to_owned()
        } else {
            self.special_needs.clone()
        };
        let recorded = [
            self.work_place.clone(),
            self.institution
                .map_or("Menunggu penempatan", InstitutionKind::label)
                .to_owned(),
            hours_in_words(self.total_hours),
            schedule,
            self.supervisor_name.clone(),
            self.work_description.clone(),
            self.visit_plan.clone(),
            self.counselling_plan.clone(),
            self.evaluation_plan.clone(),
            special_needs,
        ];
        // The record's value first (the confirmed placement, the ordered hours), then what the
        // PK wrote when it says something else; a component with no record is the PK's text.
        let mut values = recorded;
        for (i, (value, text)) in values.iter_mut().zip(&self.written).enumerate() {
            let text = text.trim();
            let no_record = value.trim().is_empty()
                || (i == 1 && self.institution.is_none())
                || (i == 9 && self.special_needs.trim().is_empty());
            if text.is_empty() || text == value.trim() {
                continue;
            }
            *value = if no_record {
                text.to_owned()
            } else {
                format!("{value}\n{text}")
            };
        }
        values
    }
}

/// Serialised as the ten components in order:
/// `[{"label": "Tempat Kerja Sosial", "value": "…"}, …]`.
impl Serialize for CasePlan {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        struct Component<'a>(&'a str, &'a str);
        impl Serialize for Component<'_> {
            fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                let mut s = serializer.serialize_struct("Component", 2)?;
                s.serialize_field("label", self.0)?;
                s.serialize_field("value", self.1)?;
                s.end()
            }
        }
        let values = self.values();
        let mut seq = serializer.serialize_seq(Some(values.len()))?;
        for (label, value) in CASE_PLAN_COMPONENTS.iter().zip(&values) {
            seq.serialize_element(&Component(label, value))?;
        }
        seq.end()
    }
}

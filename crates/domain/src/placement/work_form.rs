//! A work form (bentuk kerja sosial) and its risk attributes for P4–P9.

use std::fmt;

use serde::{Deserialize, Serialize};

use super::catalogue::FORMS;
use super::field::Field;
use super::set::labelled_enum;
use crate::rule::Rule;

/// Where a work form of the catalogue comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Source {
    /// A row of Table 2 (government), 1-based.
    Table2 { row: u8 },
    /// A row of Table 3 (non-government), 1-based.
    Table3 { row: u8 },
    /// Named by the seed as an example of work a rule forbids (e.g. P6: cleaning medical
    /// equipment). Listed so that a partner proposing it is refused with the rule.
    RuleExample(Rule),
    /// Not in the seed: the seed names the place but not the work (RT/RW offices, Karang
    /// Taruna), or the work is one partners propose. Chosen as a probation office would.
    Assumed,
}

/// P8: the tools the work needs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Tools {
    /// Nothing that could harm the client or others.
    Harmless,
    /// Sharp or heavy tools of environmental cleaning (sickles, hoes, drain rods): the one
    /// exception P8 allows.
    EnvironmentalCleaning,
    /// Sharp weapons or other dangerous objects outside environmental cleaning: P8 forbids.
    Dangerous,
}

labelled_enum! {
    /// P9: an item of protective equipment (alat pelindung diri, APD).
    pub enum Ppe {
        Gloves => ("gloves", "Sarung tangan", "Gloves"),
        Mask => ("mask", "Masker", "Mask"),
        Boots => ("boots", "Sepatu bot", "Boots"),
        Helmet => ("helmet", "Helm pengaman", "Safety helmet"),
        ReflectiveVest => ("reflective_vest", "Rompi reflektif", "Reflective vest"),
        Goggles => ("goggles", "Kacamata pelindung", "Safety goggles"),
        SafetyHarness => ("safety_harness", "Sabuk pengaman (harnes)", "Safety harness"),
        Hat => ("hat", "Topi", "Sun hat"),
    }
}

/// The risk attributes of a work form, each named by the rule it serves.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Risk {
    /// P4: the work itself is direct interaction with vulnerable groups (children, the
    /// elderly, people with physical or mental disabilities, the sick).
    pub vulnerable_contact: bool,
    /// P5: the work gives access to confidential data, documents or information.
    pub confidential_data: bool,
    /// P6: electricity, machines or equipment needing special skills.
    pub technical_risk: bool,
    /// P7: high safety risk, allowed only for a client with the skills.
    pub safety_risk: bool,
    /// P8: the tools the work needs.
    pub tools: Tools,
    /// P9: the protective equipment the client must wear.
    pub protective_equipment: &'static [Ppe],
}

impl Risk {
    /// No risk and no equipment; the catalogue starts from this.
    pub const NONE: Risk = Risk {
        vulnerable_contact: false,
        confidential_data: false,
        technical_risk: false,
        safety_risk: false,
        tools: Tools::Harmless,
        protective_equipment: &[],
    };
}

/// One form of social work of the catalogue.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct WorkForm {
    /// Stable code, `<field>.<what>`, e.g. `"health.cleaning_facilities"`.
    pub code: &'static str,
    pub field: Field,
    /// The seed's wording where it has one.
    pub label_id: &'static str,
    pub label_en: &'static str,
    pub source: Source,
    pub risk: Risk,
}

/// A work form of the catalogue, by position: parsed once from its code at the edge, then
/// looked up by index in the ranking loop.
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct WorkFormId(u16);

impl WorkFormId {
    /// The work form with this code, if the catalogue has one.
    pub fn parse(code: &str) -> Option<WorkFormId> {
        FORMS
            .iter()
            .position(|form| form.code == code)
            .map(WorkFormId::at)
    }

    /// Every work form of the catalogue.
    pub fn all() -> impl Iterator<Item = WorkFormId> {
        (0..FORMS.len()).map(WorkFormId::at)
    }

    fn at(index: usize) -> WorkFormId {
        // The catalogue is a short static list; a test checks it fits.
        WorkFormId(u16::try_from(index).expect("the catalogue has fewer than 65536 forms"))
    }

    pub fn form(self) -> &'static WorkForm {
        &FORMS[usize::from(self.0)]
    }

    pub fn code(self) -> &'static str {
        self.form().code
    }

    /// The position in the catalogue (for bitsets over work forms).
    pub fn index(self) -> usize {
        usize::from(self.0)
    }
}

impl fmt::Debug for WorkFormId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "WorkFormId({})", self.code())
    }
}

impl Serialize for WorkFormId {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.code())
    }
}

impl<'de> Deserialize<'de> for WorkFormId {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let code = String::deserialize(deserializer)?;
        WorkFormId::parse(&code)
            .ok_or_else(|| serde::de::Error::custom(format!("unknown work form {code:?}")))
    }
}

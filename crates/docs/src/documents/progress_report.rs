//! The guidance-progress report (*laporan perkembangan pembimbingan*; S4, B8): what the PK
//! reports for a period, approved by the Kepala Bapas and sent to the prosecutor with a copy
//! to the court. The facts are the domain's draft; this view model carries them worded for
//! print (labels in Indonesian, minutes as hours).

use jiff::civil::Date;
use karya_domain::Minutes;
use karya_domain::progress_report::Trend;
use serde::Serialize;

use crate::format::{serialize_date, serialize_minutes};
use crate::letterhead::Signer;
use crate::letters::Decision;

use super::{ClientIdentity, Officer};

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ProgressReport {
    pub number: String,
    #[serde(serialize_with = "serialize_date")]
    pub date: Date,
    pub place: String,
    /// E.g. `Kepala Kejaksaan Negeri Bandung`.
    pub addressee: String,
    /// The copy (*tembusan*), e.g. `Ketua Pengadilan Negeri Bandung`.
    pub copy_to: String,
    pub client: ClientIdentity,
    pub decision: Decision,
    #[serde(serialize_with = "serialize_minutes")]
    pub hours_ordered: Minutes,
    #[serde(serialize_with = "serialize_date")]
    pub from: Date,
    #[serde(serialize_with = "serialize_date")]
    pub to: Date,
    /// The M4 evaluation point (1–3 quarters) the report falls due at; `None` for a periodic
    /// report.
    pub evaluation_quarter: Option<u8>,
    pub figures: Figures,
    /// B6: the attitude scores (of 10) of the period's visits, and their trend.
    pub attitude_scores: Vec<u8>,
    pub attitude_trend: Option<Trend>,
    /// B2: how many activities of each kind.
    pub activities: Vec<ActivityLine>,
    /// B3: the behaviour log of the period.
    pub behaviour: Vec<BehaviourLine>,
    /// B4: the stage at the period's end (its label), and relapses within it.
    pub stage: Option<String>,
    pub relapses: u32,
    /// S7(1): good conduct the TPP found and the head accepted.
    pub good_conduct: Vec<String>,
    pub progress: String,
    pub obstacles: String,
    pub next_steps: String,
    /// The PK who wrote it.
    pub author: Officer,
    /// The Kepala Bapas who approved and signs it.
    pub signer: Signer,
}

/// A kind of guidance activity (its label) and how often it took place.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ActivityLine {
    pub kind: String,
    pub count: u32,
}

/// A behaviour entry: the day, the kind (its label) and what happened.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct BehaviourLine {
    #[serde(serialize_with = "serialize_date")]
    pub on: Date,
    pub kind: String,
    pub description: String,
}

/// S1, S2: the hours against the plan.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Figures {
    #[serde(serialize_with = "serialize_minutes")]
    pub credited: Minutes,
    #[serde(serialize_with = "serialize_minutes")]
    pub credited_in_period: Minutes,
    #[serde(serialize_with = "serialize_minutes")]
    pub planned: Minutes,
    #[serde(serialize_with = "serialize_minutes")]
    pub remaining: Minutes,
    /// Met the period's obligation (S2): serving at the plan's pace.
    pub on_plan: bool,
    #[serde(serialize_with = "serialize_minutes")]
    pub behind: Minutes,
    pub days_worked: u32,
    pub reports_rejected: u32,
}

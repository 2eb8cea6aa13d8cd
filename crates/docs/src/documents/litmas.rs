//! The Litmas for guidance (§2.2.6): the PK's social inquiry report after the decision, with the
//! sections a–f of the seed, written by the PK and approved by the Kepala Bapas. Until it is
//! approved it prints as a draft (`DRAF` across every page).

use jiff::civil::Date;
use karya_domain::Minutes;
use serde::Serialize;

use super::case_plan::CasePlan;
use super::parts::{ClientIdentity, Officer};
use crate::format::{serialize_date, serialize_hours_in_words, serialize_opt_date};
use crate::letterhead::Signer;
use crate::letters::Decision;

/// The Litmas for the guidance of one client.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Litmas {
    /// The report's number once registered; left out when `None`.
    pub number: Option<String>,
    /// The city the PK signs in.
    pub place: String,
    /// The day the PK signs the report.
    #[serde(serialize_with = "serialize_date")]
    pub date: Date,
    pub client: ClientIdentity,
    pub decision: Decision,
    /// a. *Bunyi Amar Putusan*.
    pub verdict: Verdict,
    /// b. *Rekam Intervensi*: earlier interventions, oldest first; empty prints one row saying
    /// there are none.
    pub interventions: Vec<Intervention>,
    /// c. *Rencana Pembimbingan Kemasyarakatan Klien*.
    pub guidance_plan: GuidancePlan,
    /// d. *Hasil Asesmen*.
    pub assessment: Assessment,
    /// e. *Analisis*: the PK's analysis; each non-blank line is a paragraph.
    pub analysis: String,
    /// e. Special needs found after the trial, printed at the end of the analysis; left out when
    /// empty.
    pub special_needs: String,
    /// f. *Rencana Program*.
    pub case_plan: CasePlan,
    /// The PK who wrote the report.
    pub author: Officer,
    /// The Kepala Bapas's approval; `None` prints the report as a draft.
    pub approval: Option<Approval>,
    /// For the prosecutor (S8): the addressee and section g, the examination, the TPP's
    /// recommendation and the head's decision; `None` for the Litmas for guidance.
    #[serde(default)]
    pub for_prosecutor: Option<ForProsecutor>,
}

/// The Litmas sent to the prosecutor when the head accepts the TPP's recommendation (S8).
/// Structured, so the template words it: the handler passes facts, not sentences.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ForProsecutor {
    /// *Kepada Yth.*, e.g. `Kepala Kejaksaan Negeri Bandung`.
    pub addressee: String,
    /// What the PK advised on: the condition and what happened.
    pub ground: String,
    pub team: ExaminationTeam,
    /// The team's steps, in the order taken.
    pub steps: Vec<ExaminationStep>,
    pub findings: String,
    pub session: TppSession,
    pub deliberation: String,
    /// The recommendation in the decision's own terms (the default order, L8).
    pub recommendation: String,
    /// The head's decision: accepted, when, why.
    pub decision: HeadDecision,
}

/// The examination team (S6): its chair, members and the day the head formed it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ExaminationTeam {
    pub chair: String,
    pub members: Vec<String>,
    #[serde(serialize_with = "serialize_date")]
    pub formed_on: Date,
}

/// One step of the examination: the day, the method as worded for the reader, the record.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ExaminationStep {
    #[serde(serialize_with = "serialize_date")]
    pub on: Date,
    pub method: String,
    pub record: String,
}

/// The TPP session that deliberated (S7): its day and the members present.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TppSession {
    #[serde(serialize_with = "serialize_date")]
    pub on: Date,
    pub present: Vec<String>,
}

/// The head's acceptance of the recommendation (S8): the day and the reasons.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct HeadDecision {
    #[serde(serialize_with = "serialize_date")]
    pub on: Date,
    pub reasons: String,
}

/// a. The operative part of the decision (*amar putusan*) as the PK copies it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Verdict {
    /// *Dasar hukum*, e.g. `Pasal 85 UU Nomor 1 Tahun 2023 tentang KUHP`.
    pub legal_basis: String,
    /// The hours ordered, printed as `120 (seratus dua puluh) jam`.
    #[serde(serialize_with = "serialize_hours_in_words")]
    pub hours: Minutes,
    /// *Ketentuan pelaksanaan* as the judge ordered them (days, span, default order of L8); each
    /// non-blank line is a paragraph.
    pub terms: String,
}

/// b. An earlier intervention: a previous Litmas, case plan, programme or assessment.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Intervention {
    /// *Jenis*, e.g. `Litmas untuk sidang`.
    pub kind: String,
    /// A dash when unknown.
    #[serde(serialize_with = "serialize_opt_date")]
    pub date: Option<Date>,
    /// *Hasil*.
    pub result: String,
    /// *Sumber*: where the PK found it, e.g. `Berkas Bapas`, `SDP`.
    pub source: String,
}

/// c. The form of assistance, guidance and supervision the PK will give (§2.3).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct GuidancePlan {
    /// *Pendampingan*.
    pub assistance: String,
    /// *Pembimbingan*.
    pub guidance: String,
    /// *Pengawasan*.
    pub supervision: String,
}

/// d. The result of the risk and needs assessment.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Assessment {
    /// *Tingkat risiko*, e.g. `Rendah (skor 8 pada instrumen asesmen risiko residivis)`.
    pub risk: String,
    /// *Risiko pengulangan tindak pidana*; empty on a Litmas written before it was asked.
    pub reoffending_risk: String,
    /// *Kebutuhan*, one item each; a dash when empty.
    pub needs: Vec<String>,
}

/// The Kepala Bapas's approval of the report.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Approval {
    pub head: Signer,
    #[serde(serialize_with = "serialize_date")]
    pub date: Date,
}

//! The case lifecycle of ARCHITECTURE §4 as a state machine with named transitions:
//!
//! ```text
//! received → documents_incomplete ⇄ documents_verified → officer_assigned → registered
//!   → assessed → placed → serving ⇄ under_examination → terminated(completed|died|sanctioned)
//! documents_verified | officer_assigned → awaiting_client (summons 1–3, I3/I4) → back
//! ```
//!
//! Who may perform each transition ([`Transition::allowed_roles`]) follows the guideline:
//! - intake desk (*Petugas Pendaftaran*) checks documents (§2.2.2, D1); the registry may also
//!   find them incomplete, since it reports that to the Kepala Bapas (D3);
//! - the Kepala Bapas summons a client not handed over (§2.2.1 b–c, I3), and the registry
//!   officer carries out the call (register SOP step 3);
//! - the Kepala Bapas appoints the PK (§2.2.3); the Kepala TU drafts and delivers the letter,
//!   which are SOP steps (see `sop`), not status changes;
//! - the registry officer registers the client (§2.2.4, G1–G3);
//! - the Kepala Bapas approves the Litmas and case plan the PK wrote (§2.2.6; the seed names
//!   no approver, and M3 has the Kepala Bapas check PK documents);
//! - the PK places the client and starts the service (§2.3.1);
//! - the Kepala Bapas forms the examination team and decides on the TPP's advice (S5–S8);
//! - the Kepala Bapas issues the termination letter (T2).
//!
//! `terminated` is final. Death and a sanction can end a case at any stage, with their
//! evidence (T1b, T1c); completion only from `serving`, with every hour credited (T1a).

mod apply;

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::role::Role;

pub use apply::{Guards, TransitionError, apply};

/// Why a case ended (T1).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TerminationReason {
    /// (a) the hours of the decision are served.
    Completed,
    /// (b) the client died.
    Died,
    /// (c) the client received a sanction for a violation.
    Sanctioned,
}

impl TerminationReason {
    pub const ALL: [TerminationReason; 3] = [
        TerminationReason::Completed,
        TerminationReason::Died,
        TerminationReason::Sanctioned,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            TerminationReason::Completed => "completed",
            TerminationReason::Died => "died",
            TerminationReason::Sanctioned => "sanctioned",
        }
    }

    pub fn parse(text: &str) -> Option<TerminationReason> {
        TerminationReason::ALL
            .into_iter()
            .find(|r| r.as_str() == text)
    }
}

/// Where a case is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CaseStatus {
    Received,
    DocumentsIncomplete,
    DocumentsVerified,
    AwaitingClient,
    OfficerAssigned,
    Registered,
    Assessed,
    Placed,
    Serving,
    UnderExamination,
    Terminated(TerminationReason),
}

impl CaseStatus {
    /// Where every case starts: the Bapas has received the decision (I2).
    pub const INITIAL: CaseStatus = CaseStatus::Received;

    /// The statuses of a case not yet terminated, in lifecycle order.
    pub const OPEN: [CaseStatus; 10] = [
        CaseStatus::Received,
        CaseStatus::DocumentsIncomplete,
        CaseStatus::DocumentsVerified,
        CaseStatus::AwaitingClient,
        CaseStatus::OfficerAssigned,
        CaseStatus::Registered,
        CaseStatus::Assessed,
        CaseStatus::Placed,
        CaseStatus::Serving,
        CaseStatus::UnderExamination,
    ];

    /// The status column's value (snake_case); a terminated case stores its reason in a
    /// separate column ([`CaseStatus::termination_reason`]).
    pub fn as_str(self) -> &'static str {
        match self {
            CaseStatus::Received => "received",
            CaseStatus::DocumentsIncomplete => "documents_incomplete",
            CaseStatus::DocumentsVerified => "documents_verified",
            CaseStatus::AwaitingClient => "awaiting_client",
            CaseStatus::OfficerAssigned => "officer_assigned",
            CaseStatus::Registered => "registered",
            CaseStatus::Assessed => "assessed",
            CaseStatus::Placed => "placed",
            CaseStatus::Serving => "serving",
            CaseStatus::UnderExamination => "under_examination",
            CaseStatus::Terminated(_) => "terminated",
        }
    }

    pub fn termination_reason(self) -> Option<TerminationReason> {
        match self {
            CaseStatus::Terminated(reason) => Some(reason),
            _ => None,
        }
    }

    /// Reads the two columns back. `terminated` needs a reason; other statuses take none.
    pub fn parse(status: &str, termination_reason: Option<&str>) -> Option<CaseStatus> {
        match (status, termination_reason) {
            ("terminated", Some(reason)) => {
                TerminationReason::parse(reason).map(CaseStatus::Terminated)
            }
            (_, None) => CaseStatus::OPEN.into_iter().find(|s| s.as_str() == status),
            _ => None,
        }
    }

    /// The place in the lifecycle, for listing statuses in order (a terminated case last).
    pub fn lifecycle_rank(self) -> usize {
        CaseStatus::OPEN
            .iter()
            .position(|s| *s == self)
            .unwrap_or(CaseStatus::OPEN.len())
    }

    pub fn is_final(self) -> bool {
        matches!(self, CaseStatus::Terminated(_))
    }

    /// Indonesian label for screens.
    pub fn label_id(self) -> &'static str {
        match self {
            CaseStatus::Received => "Diterima",
            CaseStatus::DocumentsIncomplete => "Berkas belum lengkap",
            CaseStatus::DocumentsVerified => "Berkas sah",
            CaseStatus::AwaitingClient => "Menunggu kehadiran Klien",
            CaseStatus::OfficerAssigned => "PK ditunjuk",
            CaseStatus::Registered => "Tercatat di buku register",
            CaseStatus::Assessed => "Litmas dan case plan disetujui",
            CaseStatus::Placed => "Ditempatkan",
            CaseStatus::Serving => "Menjalani pidana kerja sosial",
            CaseStatus::UnderExamination => "Dalam pemeriksaan tim",
            CaseStatus::Terminated(TerminationReason::Completed) => "Diakhiri: selesai menjalani",
            CaseStatus::Terminated(TerminationReason::Died) => "Diakhiri: Klien meninggal dunia",
            CaseStatus::Terminated(TerminationReason::Sanctioned) => "Diakhiri: sanksi pelanggaran",
        }
    }

    /// English label.
    pub fn label_en(self) -> &'static str {
        match self {
            CaseStatus::Received => "Received",
            CaseStatus::DocumentsIncomplete => "Documents incomplete",
            CaseStatus::DocumentsVerified => "Documents verified",
            CaseStatus::AwaitingClient => "Awaiting the client",
            CaseStatus::OfficerAssigned => "PK assigned",
            CaseStatus::Registered => "Registered",
            CaseStatus::Assessed => "Litmas and case plan approved",
            CaseStatus::Placed => "Placed",
            CaseStatus::Serving => "Serving",
            CaseStatus::UnderExamination => "Under examination",
            CaseStatus::Terminated(TerminationReason::Completed) => "Terminated: completed",
            CaseStatus::Terminated(TerminationReason::Died) => "Terminated: client died",
            CaseStatus::Terminated(TerminationReason::Sanctioned) => "Terminated: sanctioned",
        }
    }
}

impl fmt::Display for CaseStatus {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A named change of status; every one is audited by the store.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Transition {
    /// The desk or registry finds the documents incomplete or invalid (D1, D3).
    DocumentsFoundIncomplete,
    /// The desk finds the documents complete and valid (D1, D2).
    DocumentsVerified,
    /// A summons to a client not handed over (I3; at most 3).
    SummonClient,
    /// The summoned client appears.
    ClientAppeared,
    /// The Kepala Bapas appoints the PK (§2.2.3).
    AssignOfficer,
    /// The registry records the client (G1–G3).
    Register,
    /// The Litmas with the case plan is approved (§2.2.6).
    ApproveAssessment,
    /// The client is placed at a work place (§2.3.1, P1–P10).
    Place,
    /// The client starts serving the hours.
    StartServing,
    /// A team examines a good deed or a suspected violation (S5, S6).
    OpenExamination,
    /// The Kepala Bapas decides on the TPP's recommendation (S7, S8).
    CloseExamination,
    /// The case ends (T1, T2).
    Terminate { reason: TerminationReason },
}

/// Death (T1b) and a sanction (T1c) can end a case at any open stage.
macro_rules! with_end {
    ($($t:expr),*) => {
        &[
            $($t,)*
            Transition::Terminate { reason: TerminationReason::Died },
            Transition::Terminate { reason: TerminationReason::Sanctioned },
        ]
    };
}

/// The transitions that may leave `status`, for UIs (roles and guards still apply).
pub fn allowed_transitions(status: CaseStatus) -> &'static [Transition] {
    use Transition as T;
    match status {
        CaseStatus::Received => with_end!(T::DocumentsFoundIncomplete, T::DocumentsVerified),
        CaseStatus::DocumentsIncomplete => with_end!(T::DocumentsVerified),
        CaseStatus::DocumentsVerified => {
            with_end!(
                T::DocumentsFoundIncomplete,
                T::SummonClient,
                T::AssignOfficer
            )
        }
        CaseStatus::AwaitingClient => with_end!(T::SummonClient, T::ClientAppeared),
        CaseStatus::OfficerAssigned => with_end!(T::SummonClient, T::Register),
        CaseStatus::Registered => with_end!(T::ApproveAssessment),
        CaseStatus::Assessed => with_end!(T::Place),
        CaseStatus::Placed => with_end!(T::StartServing),
        CaseStatus::Serving => with_end!(
            T::OpenExamination,
            T::Terminate {
                reason: TerminationReason::Completed
            }
        ),
        CaseStatus::UnderExamination => with_end!(T::CloseExamination),
        CaseStatus::Terminated(_) => &[],
    }
}

impl Transition {
    /// Every transition, for reading names back (e.g. from the audit trail).
    pub const ALL: [Transition; 14] = [
        Transition::DocumentsFoundIncomplete,
        Transition::DocumentsVerified,
        Transition::SummonClient,
        Transition::ClientAppeared,
        Transition::AssignOfficer,
        Transition::Register,
        Transition::ApproveAssessment,
        Transition::Place,
        Transition::StartServing,
        Transition::OpenExamination,
        Transition::CloseExamination,
        Transition::Terminate {
            reason: TerminationReason::Completed,
        },
        Transition::Terminate {
            reason: TerminationReason::Died,
        },
        Transition::Terminate {
            reason: TerminationReason::Sanctioned,
        },
    ];

    /// The transition with this audit name.
    pub fn parse(name: &str) -> Option<Transition> {
        Transition::ALL
            .into_iter()
            .find(|transition| transition.as_str() == name)
    }

    /// The action name for the audit log.
    pub fn as_str(self) -> &'static str {
        match self {
            Transition::DocumentsFoundIncomplete => "documents_found_incomplete",
            Transition::DocumentsVerified => "documents_verified",
            Transition::SummonClient => "summon_client",
            Transition::ClientAppeared => "client_appeared",
            Transition::AssignOfficer => "assign_officer",
            Transition::Register => "register",
            Transition::ApproveAssessment => "approve_assessment",
            Transition::Place => "place",
            Transition::StartServing => "start_serving",
            Transition::OpenExamination => "open_examination",
            Transition::CloseExamination => "close_examination",
            Transition::Terminate {
                reason: TerminationReason::Completed,
            } => "terminate_completed",
            Transition::Terminate {
                reason: TerminationReason::Died,
            } => "terminate_died",
            Transition::Terminate {
                reason: TerminationReason::Sanctioned,
            } => "terminate_sanctioned",
        }
    }

    /// The roles that may perform it (see the module doc for the sources).
    pub fn allowed_roles(self) -> &'static [Role] {
        match self {
            Transition::DocumentsFoundIncomplete => &[Role::IntakeOfficer, Role::RegistryOfficer],
            Transition::DocumentsVerified => &[Role::IntakeOfficer],
            Transition::SummonClient => &[Role::HeadOfOffice, Role::RegistryOfficer],
            Transition::ClientAppeared => &[Role::IntakeOfficer, Role::RegistryOfficer],
            Transition::AssignOfficer => &[Role::HeadOfOffice],
            Transition::Register => &[Role::RegistryOfficer],
            Transition::ApproveAssessment => &[Role::HeadOfOffice],
            Transition::Place | Transition::StartServing => &[Role::Pk],
            Transition::OpenExamination
            | Transition::CloseExamination
            | Transition::Terminate { .. } => &[Role::HeadOfOffice],
        }
    }

    /// Indonesian label for buttons and messages.
    pub fn label_id(self) -> &'static str {
        match self {
            Transition::DocumentsFoundIncomplete => "Nyatakan berkas belum lengkap",
            Transition::DocumentsVerified => "Nyatakan berkas sah",
            Transition::SummonClient => "Panggil Klien",
            Transition::ClientAppeared => "Catat kehadiran Klien",
            Transition::AssignOfficer => "Tunjuk PK",
            Transition::Register => "Catat di buku register",
            Transition::ApproveAssessment => "Setujui Litmas dan case plan",
            Transition::Place => "Tempatkan Klien",
            Transition::StartServing => "Mulai pidana kerja sosial",
            Transition::OpenExamination => "Bentuk tim pemeriksa",
            Transition::CloseExamination => "Putuskan hasil sidang TPP",
            Transition::Terminate {
                reason: TerminationReason::Completed,
            } => "Akhiri: selesai menjalani",
            Transition::Terminate {
                reason: TerminationReason::Died,
            } => "Akhiri: Klien meninggal dunia",
            Transition::Terminate {
                reason: TerminationReason::Sanctioned,
            } => "Akhiri: sanksi pelanggaran",
        }
    }

    /// English label.
    pub fn label_en(self) -> &'static str {
        match self {
            Transition::DocumentsFoundIncomplete => "Mark documents incomplete",
            Transition::DocumentsVerified => "Mark documents verified",
            Transition::SummonClient => "Summon the client",
            Transition::ClientAppeared => "Record the client's appearance",
            Transition::AssignOfficer => "Assign a PK",
            Transition::Register => "Register",
            Transition::ApproveAssessment => "Approve the Litmas and case plan",
            Transition::Place => "Place the client",
            Transition::StartServing => "Start the service",
            Transition::OpenExamination => "Form an examination team",
            Transition::CloseExamination => "Decide on the TPP's advice",
            Transition::Terminate {
                reason: TerminationReason::Completed,
            } => "Terminate: completed",
            Transition::Terminate {
                reason: TerminationReason::Died,
            } => "Terminate: client died",
            Transition::Terminate {
                reason: TerminationReason::Sanctioned,
            } => "Terminate: sanctioned",
        }
    }
}

#[cfg(test)]
#[expect(non_snake_case, reason = "test names end with the rule ID they check")]
mod tests;

//! Who may do what, and how far: the role → permission table of ARCHITECTURE §5 as data.
//!
//! A [`Permission`] names one kind of act (read a case file, verify a daily report, sign an
//! agreement…). For each permission the table lists the roles that hold it and the
//! [`Reach`] each role's holder has: their own office, their region, the cases assigned to
//! them, the clients placed at their partner, themself, or their prosecutor's office. The
//! store turns a caller's roles and bindings into a scope from this table only; nothing
//! else decides it.

use crate::Role;

/// How far a granted permission reaches.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Reach {
    /// Every office.
    National,
    /// The offices of the holder's region (Kanwil).
    Region,
    /// The holder's office.
    Office,
    /// The cases assigned to the holder (a PK's caseload), inside their office.
    AssignedCases,
    /// The clients placed at the holder's partner, while the placement runs.
    PartnerClients,
    /// The holder's own case (a client).
    Themself,
    /// The cases of the holder's prosecutor's office.
    ProsecutorOffice,
}

impl Reach {
    /// Whether everything `other` reaches, for the same holder, is inside `self`. A PK's
    /// assigned cases are inside their office, which is inside their region.
    pub fn covers(self, other: Reach) -> bool {
        use Reach::*;
        match self {
            National => true,
            Region => matches!(other, Region | Office | AssignedCases),
            Office => matches!(other, Office | AssignedCases),
            AssignedCases | PartnerClients | Themself | ProsecutorOffice => self == other,
        }
    }
}

/// One kind of act. Each has a row in [`TABLE`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Permission {
    /// Create and change offices.
    ManageOffices,
    /// See the list of offices.
    ReadOffices,
    /// Create staff accounts and change their roles.
    ManageStaff,
    /// Read the audit trail.
    ReadAudit,
    /// Remove a user's second factor so they enrol again (a lost phone), audited.
    ResetSecondFactors,
    /// The data protection officer's duties (UU PDP): answer a data subject's request for
    /// access or correction, export all of a person's data with its processing trail, keep
    /// the breach register and its notices.
    ProtectPersonalData,
    /// Read a case file: terms, status, ledger, history as the page shows it.
    ReadCases,
    /// Open a case from a court decision (I1, I2).
    OpenCases,
    /// Record a daily report (B5).
    ReportAttendance,
    /// Verify or reject a daily report (B5): the PJ first, then the PK.
    VerifyAttendance,
    /// The document validity check (D1–D3).
    CheckDocuments,
    /// Summon a client not handed over (I3).
    SummonClients,
    /// Record what became of a summons (I3, I4).
    RecordSummonsOutcomes,
    /// Enter a person in the register (G1–G3) and read their identity.
    RegisterPeople,
    /// Read the register book of the office (G1).
    ReadRegister,
    /// Issue the office's letters (I3, I4, D3, the assignment order). Each carries the head's
    /// signature, so only the head issues it (§2.2.2, §2.2.3); the head of administration
    /// drafts the assignment order in the appointment's steps.
    IssueLetters,
    /// Draft a letter the head signs (summons, missing documents, absence consideration),
    /// for the head to issue (§2.2.1–2.2.2).
    DraftLetters,
    /// Record the steps of assistance (§2.3.1 a–e) and the initial report on guidance.
    RecordAssistance,
    /// Record guidance activities, behaviour entries and the Cycle of Change stage (B1–B4).
    RecordGuidance,
    /// Read the guidance record: activities, behaviour log and stages (restricted, like the
    /// Litmas it follows from).
    ReadGuidance,
    /// Advise the head of office to form an examination team (S5).
    AdviseExamination,
    /// Form the examination team and decide on the TPP's recommendation (S6, S8).
    DecideSupervision,
    /// Record the examination's steps and findings; the store admits only the team (S6).
    ExamineCases,
    /// Record the TPP session's recommendation (S7); the chair signs the minutes.
    RecommendInTpp,
    /// Convene a TPP session: its day, the members present, its chair and its agenda (S7).
    ConveneTpp,
    /// Read the office's TPP sessions, their agendas and minutes (S7).
    ReadTppSessions,
    /// Read the monitoring figures of the offices in reach: the head its office (M3), the
    /// Kanwil its region's (M2), Ditjenpas every office (M1).
    ReadMonitoring,
    /// Record a monitoring visit to an office of the region (M2).
    RecordMonitoringVisits,
    /// Acknowledge receiving a document addressed to one's office (the prosecutor).
    AcknowledgeReceipt,
    /// Report a client's non-compliance or good deed (S3): the work-place supervisor, or the
    /// registry for someone of the community.
    ReportConduct,
    /// Follow up and close such reports (S3).
    FollowUpReports,
    /// Read the Litmas sent to the prosecutor (S8): those who made it and the prosecutor's
    /// office it is addressed to.
    ReadProsecutorLitmas,
    /// Record what the prosecutor decided on the Litmas (S8): the prosecutor of the case's
    /// Kejaksaan, or the head from the prosecutor's letter.
    RecordProsecutorDecision,
    /// Write the guidance-progress report of a period and send it to the head (S4).
    WriteProgressReports,
    /// Approve a progress report, which sends it to the prosecutor and the court, or return
    /// it (S4, B8).
    ReviewProgressReports,
    /// Read an approved progress report: those who made it and the prosecutor's office it
    /// is addressed to (B8).
    ReadProgressReports,
    /// Acknowledge an assistance record: the client their rights and obligations, the head
    /// of office the initial report (the domain says which step is whose).
    AcknowledgeAssistance,
    /// Approve a placement beyond the distance limit (P3).
    ApprovePlacements,
    /// Mark done an SOP step no other act performs (DOMAIN §11); the SOP says whose.
    RecordSopSteps,
    /// Record an evaluation at a milestone (M4).
    EvaluateCases,
    /// Read the office's partners (Annex V).
    ReadPartners,
    /// Map, profile and visit partners (§2.1.2).
    ManagePartners,
    /// Record a signed agreement (PKS, L9) and add the partner's supervisors.
    SignAgreements,
    /// The placement profile, intervention record, Litmas, case plan and placement.
    AssessCases,
    /// Approve the Litmas and case plan.
    ApproveAssessments,
    /// Read the Litmas (risk, needs, analysis): a restricted document.
    ReadLitmas,
    /// Take part in appointing the PK (§2.2.3): disposition, draft, signature.
    AppointOfficers,
    /// Upload the scans of the decision and the execution letter (D1–D3).
    UploadScans,
    /// Upload the photograph and the fingerprint (G1).
    UploadBiometrics,
    /// Upload the evidence for ending a case (T1).
    UploadTerminationEvidence,
    /// View the scans of the decision and the execution letter.
    ViewScans,
    /// View the photograph and the fingerprint.
    ViewBiometrics,
    /// View the evidence of a daily report (B7).
    ViewEvidence,
    /// Mark a report's evidence insufficient (B7).
    JudgeEvidence,
    /// File a complaint about one's own case.
    FileComplaints,
    /// Read and settle the complaints of the office.
    ReadComplaints,
    /// Record visits and attitude assessments (B6).
    RecordVisits,
    /// Read the visits and attitude assessments (B6).
    ReadVisits,
    /// Take part in ending a case (T1–T3); the domain says which step is whose.
    TerminateCases,
    /// Read the termination record and its documents (T1–T3).
    ReadTerminations,
    /// Read the appointment steps of a case (§2.2.3).
    ReadAppointments,
    /// Create a client's login (B5).
    CreateClientAccounts,
    /// Record a working session for several clients at the work place (B5).
    RecordWorkSessions,
    /// Move a case through its lifecycle; the domain says which transition is whose.
    ActOnLifecycle,
    /// Issue and read the case's forms (Annexes I–IV).
    IssueForms,
    /// Read the office's letters of a case (summons, missing documents, absence
    /// consideration, assignment): the office, the PK, the prosecutor they are sent to.
    ReadLetters,
}

use Permission as P;
use Reach as R;
use Role::*;

/// The table: for each permission, the roles that hold it with their reach, in the order
/// in which a holder of several of them acts (the first that reaches the object).
pub const TABLE: &[(Permission, &[(Role, Reach)])] = &[
    (P::ManageOffices, &[(Admin, R::National)]),
    (P::ResetSecondFactors, &[(Admin, R::National)]),
    (
        P::ProtectPersonalData,
        &[(DataProtectionOfficer, R::National)],
    ),
    (
        P::ReadOffices,
        &[
            (Admin, R::National),
            (NationalManager, R::National),
            (RegionalManager, R::Region),
        ],
    ),
    (
        P::ManageStaff,
        &[(Admin, R::National), (HeadOfOffice, R::Office)],
    ),
    (
        P::ReadAudit,
        &[
            (Admin, R::National),
            (NationalManager, R::National),
            (HeadOfOffice, R::Office),
        ],
    ),
    (
        P::ReadCases,
        &[
            (NationalManager, R::National),
            (RegionalManager, R::Region),
            (HeadOfOffice, R::Office),
            (HeadOfAdmin, R::Office),
            (RegistryOfficer, R::Office),
            (IntakeOfficer, R::Office),
            (TppMember, R::Office),
            (Pk, R::AssignedCases),
            (Prosecutor, R::ProsecutorOffice),
            (SiteSupervisor, R::PartnerClients),
            (Client, R::Themself),
        ],
    ),
    (
        P::OpenCases,
        &[(IntakeOfficer, R::Office), (HeadOfOffice, R::Office)],
    ),
    (
        P::ReportAttendance,
        &[
            (Client, R::Themself),
            (SiteSupervisor, R::PartnerClients),
            (Pk, R::AssignedCases),
            (RegistryOfficer, R::Office),
        ],
    ),
    (
        P::VerifyAttendance,
        &[(SiteSupervisor, R::PartnerClients), (Pk, R::AssignedCases)],
    ),
    (P::CheckDocuments, &[(IntakeOfficer, R::Office)]),
    (
        P::SummonClients,
        &[(HeadOfOffice, R::Office), (RegistryOfficer, R::Office)],
    ),
    (
        P::RecordSummonsOutcomes,
        &[
            (IntakeOfficer, R::Office),
            (RegistryOfficer, R::Office),
            (HeadOfOffice, R::Office),
        ],
    ),
    (P::RegisterPeople, &[(RegistryOfficer, R::Office)]),
    (
        P::ReadRegister,
        &[
            (RegistryOfficer, R::Office),
            (HeadOfOffice, R::Office),
            (HeadOfAdmin, R::Office),
            (IntakeOfficer, R::Office),
            (TppMember, R::Office),
            (Pk, R::Office),
        ],
    ),
    (P::IssueLetters, &[(HeadOfOffice, R::Office)]),
    (P::DraftLetters, &[(HeadOfAdmin, R::Office)]),
    (P::RecordAssistance, &[(Pk, R::AssignedCases)]),
    (P::RecordGuidance, &[(Pk, R::AssignedCases)]),
    (P::AdviseExamination, &[(Pk, R::AssignedCases)]),
    (P::DecideSupervision, &[(HeadOfOffice, R::Office)]),
    (
        P::ExamineCases,
        &[
            (Pk, R::AssignedCases),
            (HeadOfOffice, R::Office),
            (TppMember, R::Office),
        ],
    ),
    (P::RecommendInTpp, &[(TppMember, R::Office)]),
    (P::ConveneTpp, &[(HeadOfOffice, R::Office)]),
    (
        P::RecordMonitoringVisits,
        &[(NationalManager, R::National), (RegionalManager, R::Region)],
    ),
    (
        P::ReadMonitoring,
        &[
            (NationalManager, R::National),
            (RegionalManager, R::Region),
            (HeadOfOffice, R::Office),
        ],
    ),
    (
        P::ReadTppSessions,
        &[(HeadOfOffice, R::Office), (TppMember, R::Office)],
    ),
    (P::AcknowledgeReceipt, &[(Prosecutor, R::ProsecutorOffice)]),
    (
        P::ReportConduct,
        &[
            (SiteSupervisor, R::PartnerClients),
            (RegistryOfficer, R::Office),
        ],
    ),
    (
        P::FollowUpReports,
        &[(Pk, R::AssignedCases), (HeadOfOffice, R::Office)],
    ),
    (
        P::RecordProsecutorDecision,
        &[(HeadOfOffice, R::Office), (Prosecutor, R::ProsecutorOffice)],
    ),
    (P::WriteProgressReports, &[(Pk, R::AssignedCases)]),
    (P::ReviewProgressReports, &[(HeadOfOffice, R::Office)]),
    (
        P::ReadProgressReports,
        &[
            (Pk, R::AssignedCases),
            (HeadOfOffice, R::Office),
            (TppMember, R::Office),
            (Prosecutor, R::ProsecutorOffice),
        ],
    ),
    (
        P::ReadProsecutorLitmas,
        &[
            (Pk, R::AssignedCases),
            (HeadOfOffice, R::Office),
            (TppMember, R::Office),
            (Prosecutor, R::ProsecutorOffice),
        ],
    ),
    (
        P::ReadGuidance,
        &[
            (Pk, R::AssignedCases),
            (HeadOfOffice, R::Office),
            (TppMember, R::Office),
        ],
    ),
    (P::ApprovePlacements, &[(HeadOfOffice, R::Office)]),
    (
        P::RecordSopSteps,
        &[(Pk, R::AssignedCases), (HeadOfOffice, R::Office)],
    ),
    (
        P::AcknowledgeAssistance,
        &[(Client, R::Themself), (HeadOfOffice, R::Office)],
    ),
    (
        P::EvaluateCases,
        &[(Pk, R::AssignedCases), (HeadOfOffice, R::Office)],
    ),
    (
        P::ReadPartners,
        &[
            (HeadOfOffice, R::Office),
            (HeadOfAdmin, R::Office),
            (Pk, R::Office),
            (RegistryOfficer, R::Office),
            (IntakeOfficer, R::Office),
            (TppMember, R::Office),
        ],
    ),
    (
        P::ManagePartners,
        &[(Pk, R::Office), (HeadOfOffice, R::Office)],
    ),
    (P::SignAgreements, &[(HeadOfOffice, R::Office)]),
    (P::AssessCases, &[(Pk, R::AssignedCases)]),
    (P::ApproveAssessments, &[(HeadOfOffice, R::Office)]),
    (
        P::ReadLitmas,
        &[(Pk, R::AssignedCases), (HeadOfOffice, R::Office)],
    ),
    (
        P::AppointOfficers,
        &[(HeadOfOffice, R::Office), (HeadOfAdmin, R::Office)],
    ),
    (
        P::UploadScans,
        &[(IntakeOfficer, R::Office), (RegistryOfficer, R::Office)],
    ),
    (P::UploadBiometrics, &[(RegistryOfficer, R::Office)]),
    (P::UploadTerminationEvidence, &[(Pk, R::AssignedCases)]),
    (
        P::ViewScans,
        &[
            (IntakeOfficer, R::Office),
            (RegistryOfficer, R::Office),
            (HeadOfAdmin, R::Office),
            (HeadOfOffice, R::Office),
            (Pk, R::AssignedCases),
        ],
    ),
    (
        P::ViewBiometrics,
        &[
            (RegistryOfficer, R::Office),
            (HeadOfOffice, R::Office),
            (Pk, R::AssignedCases),
        ],
    ),
    (
        P::ViewEvidence,
        &[
            (Client, R::Themself),
            (SiteSupervisor, R::PartnerClients),
            (Pk, R::AssignedCases),
            (HeadOfOffice, R::Office),
        ],
    ),
    (P::JudgeEvidence, &[(Pk, R::AssignedCases)]),
    (P::FileComplaints, &[(Client, R::Themself)]),
    (P::ReadComplaints, &[(HeadOfOffice, R::Office)]),
    (P::RecordVisits, &[(Pk, R::AssignedCases)]),
    (
        P::ReadVisits,
        &[
            (Pk, R::AssignedCases),
            (HeadOfOffice, R::Office),
            (TppMember, R::Office),
        ],
    ),
    (
        P::TerminateCases,
        &[
            (Pk, R::AssignedCases),
            (HeadOfOffice, R::Office),
            (RegistryOfficer, R::Office),
        ],
    ),
    (
        P::ReadTerminations,
        &[
            (Pk, R::AssignedCases),
            (HeadOfOffice, R::Office),
            (RegistryOfficer, R::Office),
        ],
    ),
    (
        P::ReadAppointments,
        &[
            (HeadOfOffice, R::Office),
            (HeadOfAdmin, R::Office),
            (RegistryOfficer, R::Office),
            (IntakeOfficer, R::Office),
            (Pk, R::AssignedCases),
        ],
    ),
    (P::CreateClientAccounts, &[(RegistryOfficer, R::Office)]),
    (
        P::RecordWorkSessions,
        &[(SiteSupervisor, R::PartnerClients)],
    ),
    (
        P::ActOnLifecycle,
        &[
            (HeadOfOffice, R::Office),
            (HeadOfAdmin, R::Office),
            (RegistryOfficer, R::Office),
            (IntakeOfficer, R::Office),
            (TppMember, R::Office),
            (Pk, R::AssignedCases),
        ],
    ),
    (
        P::IssueForms,
        &[(Pk, R::AssignedCases), (HeadOfOffice, R::Office)],
    ),
    (
        P::ReadLetters,
        &[
            (NationalManager, R::National),
            (RegionalManager, R::Region),
            (HeadOfOffice, R::Office),
            (HeadOfAdmin, R::Office),
            (RegistryOfficer, R::Office),
            (IntakeOfficer, R::Office),
            (TppMember, R::Office),
            (Pk, R::AssignedCases),
            (Prosecutor, R::ProsecutorOffice),
        ],
    ),
];

/// The permission that reads an issued document of `kind` (a letter, a form, the Litmas).
/// Each kind carries its own: the Litmas (risk, needs, analysis) only for those who write
/// and approve it, the attitude assessment (Annex IV) for those who read visits, the
/// termination papers for those who end cases. An unknown kind is as restricted as the
/// Litmas.
pub fn to_read_document(kind: &str) -> Permission {
    match kind {
        "annex_i" | "annex_iii" | "annex_iii_month" => P::ReadCases,
        "annex_iv" => P::ReadVisits,
        "annex_ii" | "termination" => P::ReadTerminations,
        "litmas_prosecutor" => P::ReadProsecutorLitmas,
        "progress_report" => P::ReadProgressReports,
        "summons" | "missing_documents" | "absence_consideration" | "assignment" => P::ReadLetters,
        _ => P::ReadLitmas,
    }
}

impl Permission {
    /// The roles holding this permission, with their reach, in acting order.
    pub fn holders(self) -> &'static [(Role, Reach)] {
        TABLE
            .iter()
            .find(|(permission, _)| *permission == self)
            .map_or(&[], |(_, holders)| *holders)
    }

    /// How far `role` reaches with this permission, if it holds it.
    pub fn reach_of(self, role: Role) -> Option<Reach> {
        self.holders()
            .iter()
            .find(|(holder, _)| *holder == role)
            .map(|(_, reach)| *reach)
    }

    /// Whether the permission touches case files (opened through a case capability) rather
    /// than the organisation (offices, staff, partners, the audit trail).
    pub fn is_about_cases(self) -> bool {
        !matches!(
            self,
            P::ManageOffices
                | P::ReadOffices
                | P::ManageStaff
                | P::ResetSecondFactors
                | P::ProtectPersonalData
                | P::ReadAudit
                | P::ReadRegister
                | P::ReadPartners
                | P::ManagePartners
                | P::SignAgreements
                | P::ReadComplaints
                | P::RecordWorkSessions
                | P::OpenCases
                | P::ReadMonitoring
                | P::RecordMonitoringVisits
        )
    }
}

#[cfg(test)]
mod tests;

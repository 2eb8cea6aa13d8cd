//! What a case waits for, and from whom: the start page's work lists (issue 13).
//!
//! A task is read off the facts of a case, never stored: it appears when the guideline puts
//! the next act on a role and disappears when the act is recorded. Each task names the role
//! whose list it belongs on, following the lifecycle (ARCHITECTURE §4) and the SOPs:
//! - the intake desk checks the documents of a decision received (D1) and waits for missing
//!   ones (D3);
//! - the Kepala Bapas summons a client not handed over (I3), appoints the PK (§2.2.3), signs
//!   the letters the Kepala TU drafted, approves the Litmas and case plan (§2.2.6) and a
//!   placement beyond the distance limit (P3), and issues the termination letter (T2);
//! - the Kepala TU drafts the PK's assignment letter after the head's disposition (PK
//!   appointment SOP, step 3), which the head then signs (step 4);
//! - the registry records the client's appearance (I3), registers the client (G1–G3) and
//!   creates the client's login;
//! - the PK writes the Litmas, places the client, starts the service, credits supervisor-
//!   verified reports (B5), takes the due evaluations (M4) and follows cases at risk (L6).
//!
//! - supervision (S5–S8): the head forms the team on the PK's advice, follows a running
//!   examination (late after its seventh day) and decides on the TPP's recommendation; the
//!   TPP recommends on the team's findings.
//!
//! A terminated case holds no task: it has ended.

use jiff::civil::Date;

use crate::appointment::Stage as AppointmentStage;
use crate::lifecycle::CaseStatus;
use crate::progress::ProgressStatus;
use crate::role::Role;

/// One kind of work waiting on a case.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Task {
    CheckDocuments,
    AwaitMissingDocuments,
    SummonClient,
    RecordAppearance,
    AppointOfficer,
    DraftAssignmentLetter,
    SignAssignmentLetter,
    SignLetters,
    RegisterClient,
    CreateClientAccount,
    WriteLitmas,
    ApproveLitmas,
    PlaceClient,
    ApproveDistance,
    StartService,
    CreditReports,
    TakeEvaluation,
    FollowCaseAtRisk,
    DecideExamination,
    FollowUpReport,
    ReportReceived,
    FormExaminationTeam,
    ExaminationRunning,
    ExaminationLate,
    ConveneTpp,
    RecommendInTpp,
    DecideRecommendation,
    WriteProgressReport,
    ReviewProgressReport,
    ProgressReportOverdue,
    IssueTermination,
}

/// The facts of one case that decide its tasks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CaseFacts {
    pub status: CaseStatus,
    /// The prosecutor handed the client over with the documents (I2).
    pub handed_over: bool,
    pub summonses_sent: u8,
    pub officer_assigned: bool,
    pub litmas_submitted: bool,
    pub case_plan_approved: bool,
    pub distance_awaiting_approval: bool,
    /// The client has a login of their own.
    pub has_client_login: bool,
    /// The PK appointment in progress (§2.2.3), if any.
    pub appointment: Option<AppointmentStage>,
    /// Letters drafted for the head's signature and not yet issued.
    pub drafts_to_sign: u32,
    /// Reports the work-place supervisor verified, waiting for the PK to credit.
    pub reports_to_credit: u32,
    /// An evaluation milestone is due or late (M4).
    pub evaluation_due: bool,
    /// Progress against the window while the client serves (L6); `None` before serving.
    pub progress: Option<ProgressStatus>,
    /// Where the case's open examinations stand (S5–S8).
    pub supervision: SupervisionFacts,
}

/// The open examinations of a case, by the act each waits for (S5–S8).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct SupervisionFacts {
    /// Advice the head has not formed a team on yet.
    pub awaiting_team: bool,
    /// The earliest day a team still examining was formed.
    pub examining_since: Option<Date>,
    pub awaiting_tpp: bool,
    /// Awaiting the TPP and on no session's agenda yet: the head convenes one (S7).
    pub awaiting_agenda: bool,
    pub awaiting_decision: bool,
    /// A Litmas went to the prosecutor, whose decision is not recorded yet (S8).
    pub awaiting_prosecutor: bool,
    /// Reports of conduct not yet followed up (S3).
    pub reports_received: bool,
    /// Reports of conduct not yet closed (S3).
    pub reports_open: bool,
    /// A progress report has fallen due and is not written (S4).
    pub progress_report_due: bool,
    /// A progress report is more than its grace days late (S4).
    pub progress_report_overdue: bool,
    /// A progress report waits for the head's review (S4).
    pub progress_report_to_review: bool,
}

impl Task {
    /// The role whose work list shows the task.
    pub fn role(self) -> Role {
        match self {
            Task::CheckDocuments | Task::AwaitMissingDocuments => Role::IntakeOfficer,
            Task::SummonClient
            | Task::AppointOfficer
            | Task::SignAssignmentLetter
            | Task::SignLetters
            | Task::ApproveLitmas
            | Task::ApproveDistance
            | Task::DecideExamination
            | Task::FormExaminationTeam
            | Task::ExaminationRunning
            | Task::ExaminationLate
            | Task::DecideRecommendation
            | Task::ConveneTpp
            | Task::IssueTermination => Role::HeadOfOffice,
            Task::RecommendInTpp => Role::TppMember,
            Task::FollowUpReport | Task::WriteProgressReport => Role::Pk,
            Task::ReviewProgressReport | Task::ProgressReportOverdue => Role::HeadOfOffice,
            Task::ReportReceived => Role::HeadOfOffice,
            Task::DraftAssignmentLetter => Role::HeadOfAdmin,
            Task::RecordAppearance | Task::RegisterClient | Task::CreateClientAccount => {
                Role::RegistryOfficer
            }
            Task::WriteLitmas
            | Task::PlaceClient
            | Task::StartService
            | Task::CreditReports
            | Task::TakeEvaluation
            | Task::FollowCaseAtRisk => Role::Pk,
        }
    }

    /// Where on the case the act is done: a page below `/cases/{id}` or an anchor of the
    /// case page.
    pub fn place(self) -> &'static str {
        match self {
            Task::CheckDocuments | Task::AwaitMissingDocuments => "#checks",
            Task::SummonClient | Task::RecordAppearance => "#summons",
            Task::AppointOfficer | Task::DraftAssignmentLetter | Task::SignAssignmentLetter => {
                "#appointment"
            }
            Task::SignLetters => "#letters",
            Task::RegisterClient => "/register",
            Task::CreateClientAccount => "#client_account",
            Task::WriteLitmas | Task::ApproveLitmas => "/litmas",
            Task::PlaceClient | Task::ApproveDistance => "/placement",
            Task::StartService | Task::DecideExamination => "#transitions",
            Task::CreditReports => "#entries",
            Task::TakeEvaluation => "#milestones",
            Task::FollowCaseAtRisk => "#entries",
            Task::IssueTermination => "#termination",
            Task::FormExaminationTeam
            | Task::ExaminationRunning
            | Task::ExaminationLate
            | Task::ConveneTpp
            | Task::RecommendInTpp
            | Task::DecideRecommendation
            | Task::FollowUpReport
            | Task::ReportReceived => "/guidance#supervision",
            Task::WriteProgressReport
            | Task::ReviewProgressReport
            | Task::ProgressReportOverdue => "/guidance#progress-reports",
        }
    }

    pub fn label_id(self) -> &'static str {
        match self {
            Task::CheckDocuments => "Periksa kelengkapan berkas putusan",
            Task::AwaitMissingDocuments => "Berkas belum lengkap: tunggu kelengkapannya",
            Task::SummonClient => "Panggil Klien yang belum diserahkan",
            Task::RecordAppearance => "Catat kehadiran Klien yang dipanggil",
            Task::AppointOfficer => "Disposisi: tunjuk PK",
            Task::DraftAssignmentLetter => "Siapkan surat perintah penunjukan PK",
            Task::SignAssignmentLetter => "Tandatangani surat perintah penunjukan PK",
            Task::SignLetters => "Tandatangani surat yang disiapkan",
            Task::RegisterClient => "Daftarkan Klien di buku register",
            Task::CreateClientAccount => "Buat akun Klien",
            Task::WriteLitmas => "Susun Litmas dan rencana pembimbingan",
            Task::ApproveLitmas => "Setujui Litmas dan rencana pembimbingan",
            Task::PlaceClient => "Tempatkan Klien",
            Task::ApproveDistance => "Setujui penempatan di luar batas jarak",
            Task::StartService => "Mulai pelaksanaan pidana kerja sosial",
            Task::CreditReports => "Laporan harian menunggu diakui",
            Task::TakeEvaluation => "Evaluasi jatuh tempo",
            Task::FollowCaseAtRisk => "Berisiko tidak selesai tepat waktu",
            Task::DecideExamination => "Putuskan hasil pemeriksaan",
            Task::IssueTermination => "Terbitkan surat pengakhiran",
            Task::FollowUpReport => {
                "Tindak lanjuti laporan ketidakpatuhan atau perbuatan baik (S3)"
            }
            Task::ReportReceived => "Laporan baru tentang Klien (S3)",
            Task::FormExaminationTeam => "Bentuk tim pemeriksa atas saran PK (S5)",
            Task::ExaminationRunning => "Pemeriksaan tim berjalan (7 hari, S6)",
            Task::ExaminationLate => "Pemeriksaan lewat 7 hari (S6)",
            Task::ConveneTpp => "Masukkan hasil pemeriksaan ke agenda sidang TPP (S7)",
            Task::RecommendInTpp => "Sidang TPP: rekomendasi atas hasil pemeriksaan (S7)",
            Task::DecideRecommendation => "Putuskan rekomendasi TPP (S8)",
            Task::WriteProgressReport => "Susun laporan perkembangan pembimbingan (S4)",
            Task::ReviewProgressReport => "Periksa laporan perkembangan pembimbingan (S4)",
            Task::ProgressReportOverdue => "Laporan perkembangan terlambat (S4)",
        }
    }

    pub fn label_en(self) -> &'static str {
        match self {
            Task::CheckDocuments => "Check the decision's documents",
            Task::AwaitMissingDocuments => "Documents incomplete: await the missing ones",
            Task::SummonClient => "Summon a client not handed over",
            Task::RecordAppearance => "Record a summoned client's appearance",
            Task::AppointOfficer => "Disposition: appoint a PK",
            Task::DraftAssignmentLetter => "Prepare the PK's assignment letter",
            Task::SignAssignmentLetter => "Sign the PK's assignment letter",
            Task::SignLetters => "Sign the letters prepared",
            Task::RegisterClient => "Register the client in the register book",
            Task::CreateClientAccount => "Create the client's login",
            Task::WriteLitmas => "Write the Litmas and case plan",
            Task::ApproveLitmas => "Approve the Litmas and case plan",
            Task::PlaceClient => "Place the client",
            Task::ApproveDistance => "Approve a placement beyond the distance limit",
            Task::StartService => "Start the service",
            Task::CreditReports => "Daily reports waiting to be credited",
            Task::TakeEvaluation => "Evaluation due",
            Task::FollowCaseAtRisk => "At risk of not finishing in time",
            Task::DecideExamination => "Decide on the examination",
            Task::IssueTermination => "Issue the termination letter",
            Task::FollowUpReport => "Follow up a report of non-compliance or a good deed (S3)",
            Task::ReportReceived => "A new report about a client (S3)",
            Task::FormExaminationTeam => "Form an examination team on the PK's advice (S5)",
            Task::ExaminationRunning => "Examination running (7 days, S6)",
            Task::ExaminationLate => "Examination past its 7 days (S6)",
            Task::ConveneTpp => "Put the findings on a TPP session's agenda (S7)",
            Task::RecommendInTpp => "TPP session: recommend on the findings (S7)",
            Task::DecideRecommendation => "Decide on the TPP's recommendation (S8)",
            Task::WriteProgressReport => "Write the guidance-progress report (S4)",
            Task::ReviewProgressReport => "Review the guidance-progress report (S4)",
            Task::ProgressReportOverdue => "Progress report overdue (S4)",
        }
    }
}

/// The tasks a case holds open, in the order of the lifecycle; `today` is the office's
/// local day, which decides whether an examination is late (S6).
pub fn tasks_on(facts: &CaseFacts, today: Date) -> Vec<Task> {
    let mut out = tasks(facts);
    if facts.status.is_final() {
        return out;
    }
    let s = facts.supervision;
    let mut add = |when: bool, task: Task| {
        if when {
            out.push(task);
        }
    };
    add(s.reports_open, Task::FollowUpReport);
    add(s.reports_received, Task::ReportReceived);
    add(s.awaiting_team, Task::FormExaminationTeam);
    if let Some(formed) = s.examining_since {
        let late = matches!(
            crate::supervision::examination_clock(formed, today),
            crate::supervision::ExaminationClock::Overdue { .. }
        );
        add(!late, Task::ExaminationRunning);
        add(late, Task::ExaminationLate);
    }
    add(s.awaiting_agenda, Task::ConveneTpp);
    add(s.awaiting_tpp, Task::RecommendInTpp);
    add(s.awaiting_decision, Task::DecideRecommendation);
    // Under examination with nothing left open: the head closes it, or ends the case by the
    // sanction the prosecutor ordered (T1c).
    let open = s.awaiting_team
        || s.examining_since.is_some()
        || s.awaiting_tpp
        || s.awaiting_decision
        || s.awaiting_prosecutor;
    add(
        facts.status == CaseStatus::UnderExamination && !open,
        Task::DecideExamination,
    );
    add(s.progress_report_due, Task::WriteProgressReport);
    add(s.progress_report_to_review, Task::ReviewProgressReport);
    add(s.progress_report_overdue, Task::ProgressReportOverdue);
    out.sort();
    out
}

/// The tasks a case holds open, in the order of the lifecycle.
fn tasks(facts: &CaseFacts) -> Vec<Task> {
    use CaseStatus as S;
    let mut out = Vec::new();
    let mut add = |when: bool, task: Task| {
        if when {
            out.push(task);
        }
    };
    let status = facts.status;
    if status.is_final() {
        return Vec::new();
    }
    add(status == S::Received, Task::CheckDocuments);
    add(
        status == S::DocumentsIncomplete,
        Task::AwaitMissingDocuments,
    );
    let needs_summons = !facts.handed_over && facts.summonses_sent == 0;
    add(
        status == S::DocumentsVerified && needs_summons,
        Task::SummonClient,
    );
    add(status == S::AwaitingClient, Task::RecordAppearance);
    add(
        status == S::DocumentsVerified
            && !needs_summons
            && !facts.officer_assigned
            && facts.appointment.is_none(),
        Task::AppointOfficer,
    );
    add(
        facts.appointment == Some(AppointmentStage::Disposed),
        Task::DraftAssignmentLetter,
    );
    add(
        facts.appointment == Some(AppointmentStage::Drafted),
        Task::SignAssignmentLetter,
    );
    add(facts.drafts_to_sign > 0, Task::SignLetters);
    add(status == S::OfficerAssigned, Task::RegisterClient);
    let registered = matches!(
        status,
        S::Registered | S::Assessed | S::Placed | S::Serving | S::UnderExamination
    );
    add(
        registered && !facts.has_client_login,
        Task::CreateClientAccount,
    );
    add(
        status == S::Registered && !facts.litmas_submitted,
        Task::WriteLitmas,
    );
    add(
        status == S::Registered && facts.litmas_submitted && !facts.case_plan_approved,
        Task::ApproveLitmas,
    );
    add(status == S::Assessed, Task::PlaceClient);
    add(facts.distance_awaiting_approval, Task::ApproveDistance);
    add(
        status == S::Placed && !facts.distance_awaiting_approval,
        Task::StartService,
    );
    add(facts.reports_to_credit > 0, Task::CreditReports);
    // An examination does not stop the clock: the client serves on meanwhile.
    let serving = matches!(status, S::Serving | S::UnderExamination);
    add(serving && facts.evaluation_due, Task::TakeEvaluation);
    add(
        serving
            && matches!(
                facts.progress,
                Some(ProgressStatus::AtRisk | ProgressStatus::Overdue)
            ),
        Task::FollowCaseAtRisk,
    );
    add(
        status == S::Serving && facts.progress == Some(ProgressStatus::Completed),
        Task::IssueTermination,
    );
    out
}

/// The tasks of a case that wait on someone holding `roles`: a PK's only when they carry the
/// case (`carries`), since another PK's clients are not theirs to act on.
pub fn tasks_of(facts: &CaseFacts, roles: &[Role], carries: bool, today: Date) -> Vec<Task> {
    tasks_on(facts, today)
        .into_iter()
        .filter(|task| roles.contains(&task.role()))
        .filter(|task| task.role() != Role::Pk || carries)
        .collect()
}

/// One line of a work list: the task on a case, and since when it waits.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WorkItem<C> {
    pub task: Task,
    pub case: C,
    pub since: Date,
}

/// Groups work items by task, each group oldest first, groups in lifecycle order; only
/// the tasks of `roles`.
pub fn work_list<C>(items: Vec<WorkItem<C>>, roles: &[Role]) -> Vec<(Task, Vec<WorkItem<C>>)> {
    let mut groups: Vec<(Task, Vec<WorkItem<C>>)> = Vec::new();
    for item in items
        .into_iter()
        .filter(|item| roles.contains(&item.task.role()))
    {
        match groups.iter_mut().find(|(task, _)| *task == item.task) {
            Some((_, group)) => group.push(item),
            None => groups.push((item.task, vec![item])),
        }
    }
    groups.sort_by_key(|(task, _)| *task);
    for (_, group) in &mut groups {
        group.sort_by_key(|item| item.since);
    }
    groups
}

#[cfg(test)]
#[expect(non_snake_case, reason = "test names end with the rule ID they check")]
mod tests {
    use super::*;
    use crate::lifecycle::TerminationReason;

    fn facts(status: CaseStatus) -> CaseFacts {
        CaseFacts {
            status,
            handed_over: true,
            summonses_sent: 0,
            officer_assigned: false,
            litmas_submitted: false,
            case_plan_approved: false,
            distance_awaiting_approval: false,
            has_client_login: false,
            appointment: None,
            drafts_to_sign: 0,
            reports_to_credit: 0,
            evaluation_due: false,
            progress: None,
            supervision: SupervisionFacts::default(),
        }
    }

    #[test]
    fn supervision_waits_on_the_head_then_the_tpp_and_a_team_past_seven_days_is_late_S3_S5_S6_S7_S8()
     {
        use jiff::civil::date;
        let mut f = facts(CaseStatus::Serving);
        f.supervision.awaiting_team = true;
        let today = date(2026, 12, 1);
        assert_eq!(
            tasks_of(&f, &[Role::HeadOfOffice], false, today),
            vec![Task::FormExaminationTeam]
        );
        f.supervision = SupervisionFacts {
            examining_since: Some(date(2026, 11, 28)),
            ..SupervisionFacts::default()
        };
        assert_eq!(
            tasks_of(&f, &[Role::HeadOfOffice], false, today),
            vec![Task::ExaminationRunning],
            "day 3"
        );
        f.supervision.examining_since = Some(date(2026, 11, 22));
        assert_eq!(
            tasks_of(&f, &[Role::HeadOfOffice], false, today),
            vec![Task::ExaminationLate],
            "day 9"
        );
        f.supervision = SupervisionFacts {
            awaiting_tpp: true,
            awaiting_decision: true,
            ..SupervisionFacts::default()
        };
        assert_eq!(
            tasks_of(&f, &[Role::TppMember], false, today),
            vec![Task::RecommendInTpp]
        );
        assert_eq!(
            tasks_of(&f, &[Role::HeadOfOffice], false, today),
            vec![Task::DecideRecommendation]
        );
        // Findings on no session's agenda yet: the head convenes one (S7).
        f.supervision.awaiting_agenda = true;
        assert_eq!(
            tasks_of(&f, &[Role::HeadOfOffice], false, today),
            vec![Task::ConveneTpp, Task::DecideRecommendation]
        );
        f.supervision.awaiting_agenda = false;
        let mut ended = f;
        ended.status = CaseStatus::Terminated(crate::lifecycle::TerminationReason::Completed);
        assert!(tasks_on(&ended, today).is_empty());
        f.supervision = SupervisionFacts {
            reports_received: true,
            reports_open: true,
            ..SupervisionFacts::default()
        };
        assert_eq!(
            tasks_of(&f, &[Role::Pk], true, today),
            vec![Task::FollowUpReport]
        );
        assert_eq!(
            tasks_of(&f, &[Role::HeadOfOffice], false, today),
            vec![Task::ReportReceived],
            "a report reaches the PK and the head (S3)"
        );
    }

    #[test]
    fn a_decision_received_waits_on_the_intake_desk_D1() {
        assert_eq!(
            tasks(&facts(CaseStatus::Received)),
            vec![Task::CheckDocuments]
        );
        assert_eq!(Task::CheckDocuments.role(), Role::IntakeOfficer);
    }

    #[test]
    fn a_client_not_handed_over_is_summoned_before_a_pk_is_appointed_I3() {
        let mut f = facts(CaseStatus::DocumentsVerified);
        f.handed_over = false;
        assert_eq!(tasks(&f), vec![Task::SummonClient]);
        f.summonses_sent = 1;
        assert_eq!(tasks(&f), vec![Task::AppointOfficer]);
    }

    #[test]
    fn a_disposition_waits_on_the_kepala_tu_and_then_the_heads_signature() {
        let mut f = facts(CaseStatus::DocumentsVerified);
        assert_eq!(tasks(&f), vec![Task::AppointOfficer]);
        f.appointment = Some(AppointmentStage::Disposed);
        assert_eq!(tasks(&f), vec![Task::DraftAssignmentLetter]);
        assert_eq!(Task::DraftAssignmentLetter.role(), Role::HeadOfAdmin);
        f.appointment = Some(AppointmentStage::Drafted);
        assert_eq!(tasks(&f), vec![Task::SignAssignmentLetter]);
        assert_eq!(Task::SignAssignmentLetter.role(), Role::HeadOfOffice);
    }

    #[test]
    fn an_assigned_pk_lets_the_registry_register_the_client_G1() {
        let mut f = facts(CaseStatus::OfficerAssigned);
        f.officer_assigned = true;
        f.drafts_to_sign = 1;
        assert_eq!(tasks(&f), vec![Task::SignLetters, Task::RegisterClient]);
    }

    #[test]
    fn a_submitted_litmas_waits_for_the_heads_approval() {
        let mut f = facts(CaseStatus::Registered);
        f.officer_assigned = true;
        f.has_client_login = true;
        assert_eq!(tasks(&f), vec![Task::WriteLitmas]);
        f.litmas_submitted = true;
        assert_eq!(tasks(&f), vec![Task::ApproveLitmas]);
        assert_eq!(Task::ApproveLitmas.role(), Role::HeadOfOffice);
    }

    #[test]
    fn a_serving_case_shows_reports_evaluations_and_risk_to_the_pk() {
        let mut f = facts(CaseStatus::Serving);
        f.officer_assigned = true;
        f.has_client_login = true;
        f.reports_to_credit = 2;
        f.evaluation_due = true;
        f.progress = Some(ProgressStatus::AtRisk);
        let found = tasks(&f);
        assert_eq!(
            found,
            vec![
                Task::CreditReports,
                Task::TakeEvaluation,
                Task::FollowCaseAtRisk
            ]
        );
        assert!(found.iter().all(|t| t.role() == Role::Pk));
    }

    #[test]
    fn every_hour_credited_asks_the_head_for_the_termination_letter_T2() {
        let mut f = facts(CaseStatus::Serving);
        f.officer_assigned = true;
        f.has_client_login = true;
        f.progress = Some(ProgressStatus::Completed);
        assert_eq!(tasks(&f), vec![Task::IssueTermination]);
    }

    #[test]
    fn a_pk_acts_only_on_the_cases_they_carry() {
        let mut f = facts(CaseStatus::Serving);
        f.officer_assigned = true;
        f.has_client_login = true;
        f.reports_to_credit = 1;
        assert_eq!(
            tasks_of(&f, &[Role::Pk], true, jiff::civil::date(2026, 12, 1)),
            vec![Task::CreditReports]
        );
        assert!(tasks_of(&f, &[Role::Pk], false, jiff::civil::date(2026, 12, 1)).is_empty());
        assert!(
            tasks_of(
                &f,
                &[Role::RegistryOfficer],
                true,
                jiff::civil::date(2026, 12, 1)
            )
            .is_empty()
        );
    }

    #[test]
    fn a_terminated_case_holds_no_task() {
        let mut f = facts(CaseStatus::Terminated(TerminationReason::Died));
        f.officer_assigned = true;
        f.reports_to_credit = 3;
        f.drafts_to_sign = 1;
        assert!(tasks(&f).is_empty());
    }

    #[test]
    fn a_work_list_groups_by_task_oldest_first_for_the_roles_asked() {
        let day = |d: i8| jiff::civil::date(2026, 11, d);
        let items = vec![
            WorkItem {
                task: Task::WriteLitmas,
                case: 1,
                since: day(20),
            },
            WorkItem {
                task: Task::CheckDocuments,
                case: 2,
                since: day(3),
            },
            WorkItem {
                task: Task::WriteLitmas,
                case: 3,
                since: day(5),
            },
        ];
        let list = work_list(items, &[Role::Pk]);
        assert_eq!(list.len(), 1);
        assert_eq!(list[0].0, Task::WriteLitmas);
        let cases: Vec<i32> = list[0].1.iter().map(|i| i.case).collect();
        assert_eq!(cases, vec![3, 1]);
    }
}

//! The permission table, checked as a table: who holds what, and how far it reaches.

use super::*;

const ALL: [Permission; 66] = [
    P::ManageOffices,
    P::ResetSecondFactors,
    P::ProtectPersonalData,
    P::ReadOffices,
    P::ManageStaff,
    P::ReadAudit,
    P::ReadCases,
    P::OpenCases,
    P::ReportAttendance,
    P::VerifyAttendance,
    P::CheckDocuments,
    P::SummonClients,
    P::RecordSummonsOutcomes,
    P::RegisterPeople,
    P::ReadRegister,
    P::IssueLetters,
    P::DraftLetters,
    P::RecordAssistance,
    P::RecordGuidance,
    P::ReadGuidance,
    P::AdviseExamination,
    P::DecideSupervision,
    P::ExamineCases,
    P::RecommendInTpp,
    P::ConveneTpp,
    P::ReadTppSessions,
    P::ReadMonitoring,
    P::RecordMonitoringVisits,
    P::ReadProsecutorLitmas,
    P::RecordProsecutorDecision,
    P::WriteProgressReports,
    P::ReviewProgressReports,
    P::ReadProgressReports,
    P::ReportConduct,
    P::AcknowledgeReceipt,
    P::FollowUpReports,
    P::AcknowledgeAssistance,
    P::ApprovePlacements,
    P::RecordSopSteps,
    P::EvaluateCases,
    P::ReadPartners,
    P::ManagePartners,
    P::SignAgreements,
    P::AssessCases,
    P::ApproveAssessments,
    P::ReadLitmas,
    P::AppointOfficers,
    P::UploadScans,
    P::UploadBiometrics,
    P::UploadTerminationEvidence,
    P::ViewScans,
    P::ViewBiometrics,
    P::ViewEvidence,
    P::JudgeEvidence,
    P::FileComplaints,
    P::ReadComplaints,
    P::RecordVisits,
    P::ReadVisits,
    P::TerminateCases,
    P::ReadTerminations,
    P::ReadAppointments,
    P::CreateClientAccounts,
    P::RecordWorkSessions,
    P::ActOnLifecycle,
    P::IssueForms,
    P::ReadLetters,
];

#[test]
fn only_the_head_of_office_issues_a_letter_that_carries_the_heads_signature() {
    for role in Role::ALL {
        let issues = TABLE
            .iter()
            .find(|(p, _)| *p == P::IssueLetters)
            .is_some_and(|(_, grants)| grants.iter().any(|(r, _)| *r == role));
        assert_eq!(issues, role == Role::HeadOfOffice, "{role:?}");
    }
}

#[test]
fn every_permission_has_one_row_with_at_least_one_holder() {
    for permission in ALL {
        let rows = TABLE.iter().filter(|(p, _)| *p == permission).count();
        assert_eq!(rows, 1, "{permission:?} has {rows} rows");
        assert!(
            !permission.holders().is_empty(),
            "{permission:?} has no holder"
        );
    }
    assert_eq!(
        TABLE.len(),
        ALL.len(),
        "a row names a permission missing from ALL"
    );
}

#[test]
fn a_role_reaches_only_what_it_is_bound_to() {
    for (permission, holders) in TABLE {
        for (role, reach) in *holders {
            let fits = match role.scope_kind() {
                crate::ScopeKind::National => *reach == Reach::National,
                crate::ScopeKind::Region => *reach == Reach::Region,
                crate::ScopeKind::Office => matches!(reach, Reach::Office | Reach::AssignedCases),
                crate::ScopeKind::Partner => *reach == Reach::PartnerClients,
                crate::ScopeKind::Person => *reach == Reach::Themself,
                crate::ScopeKind::ProsecutorOffice => *reach == Reach::ProsecutorOffice,
            };
            assert!(fits, "{role:?} cannot reach {reach:?} for {permission:?}");
        }
    }
}

#[test]
fn the_admin_manages_the_organisation_and_reads_no_case_file() {
    for permission in ALL {
        let admin = permission.reach_of(Role::Admin);
        match permission {
            P::ManageOffices
            | P::ReadOffices
            | P::ManageStaff
            | P::ResetSecondFactors
            | P::ReadAudit => {
                assert_eq!(admin, Some(Reach::National), "{permission:?}")
            }
            _ => assert_eq!(admin, None, "the admin holds {permission:?}"),
        }
    }
}

#[test]
fn outsiders_read_but_never_change_a_case_and_never_read_the_litmas() {
    // The prosecutor and the managers read; they act through their own pages and letters.
    for role in [
        Role::Prosecutor,
        Role::NationalManager,
        Role::RegionalManager,
    ] {
        let held: Vec<Permission> = ALL
            .into_iter()
            .filter(|p| p.reach_of(role).is_some() && p.is_about_cases())
            .collect();
        // The prosecutor also reads the Litmas (S8) and the progress reports (B8) addressed
        // to them, nothing else of guidance, records their own decision on the Litmas and
        // acknowledges receiving documents: a receipt, not a change to the case.
        let expected = if role == Role::Prosecutor {
            vec![
                P::ReadCases,
                P::ReadProsecutorLitmas,
                P::RecordProsecutorDecision,
                P::ReadProgressReports,
                P::AcknowledgeReceipt,
                P::ReadLetters,
            ]
        } else {
            vec![P::ReadCases, P::ReadLetters]
        };
        assert_eq!(held, expected, "{role:?}");
    }
    for role in [
        Role::SiteSupervisor,
        Role::Client,
        Role::TppMember,
        Role::Prosecutor,
    ] {
        assert_eq!(
            P::ReadLitmas.reach_of(role),
            None,
            "{role:?} reads the Litmas"
        );
    }
}

#[test]
fn a_pk_acts_only_on_the_cases_assigned_to_them() {
    for permission in ALL.into_iter().filter(|p| p.is_about_cases()) {
        if let Some(reach) = permission.reach_of(Role::Pk) {
            assert_eq!(reach, Reach::AssignedCases, "{permission:?}");
        }
    }
}

#[test]
fn the_people_at_the_work_place_reach_only_their_own_clients_or_themself() {
    for permission in ALL {
        if let Some(reach) = permission.reach_of(Role::SiteSupervisor) {
            assert_eq!(reach, Reach::PartnerClients, "{permission:?}");
        }
        if let Some(reach) = permission.reach_of(Role::Client) {
            assert_eq!(reach, Reach::Themself, "{permission:?}");
        }
    }
    assert_eq!(
        P::ReportAttendance.reach_of(Role::Client),
        Some(Reach::Themself)
    );
    assert_eq!(P::VerifyAttendance.reach_of(Role::Client), None);
}

#[test]
fn a_wider_reach_covers_a_narrower_one_of_the_same_holder() {
    assert!(Reach::National.covers(Reach::PartnerClients));
    assert!(Reach::Region.covers(Reach::Office));
    assert!(Reach::Office.covers(Reach::AssignedCases));
    assert!(!Reach::AssignedCases.covers(Reach::Office));
    assert!(!Reach::Office.covers(Reach::Region));
    assert!(!Reach::Office.covers(Reach::PartnerClients));
    assert!(!Reach::Themself.covers(Reach::PartnerClients));
}

#[test]
fn drafting_and_signing_are_held_by_different_offices_roles_only_where_the_guideline_says() {
    // §2.2.3: the head signs and the Kepala TU drafts; both hold the appointment.
    assert_eq!(
        P::AppointOfficers.reach_of(Role::HeadOfOffice),
        Some(Reach::Office)
    );
    assert_eq!(
        P::AppointOfficers.reach_of(Role::HeadOfAdmin),
        Some(Reach::Office)
    );
    assert_eq!(P::AppointOfficers.reach_of(Role::Pk), None);
    // Approving a Litmas is the head's; writing it is the PK's.
    assert_eq!(
        P::ApproveAssessments.holders(),
        &[(Role::HeadOfOffice, Reach::Office)]
    );
    assert_eq!(
        P::AssessCases.holders(),
        &[(Role::Pk, Reach::AssignedCases)]
    );
}

#[test]
fn each_document_kind_is_read_with_its_own_permission() {
    assert_eq!(to_read_document("litmas"), P::ReadLitmas);
    assert_eq!(to_read_document("annex_iv"), P::ReadVisits);
    assert_eq!(to_read_document("termination"), P::ReadTerminations);
    assert_eq!(to_read_document("missing_documents"), P::ReadLetters);
    assert_eq!(to_read_document("annex_iii"), P::ReadCases);
    assert_eq!(to_read_document("something new"), P::ReadLitmas);
    // The people at the work place read the attendance list, never the Litmas or letters.
    for role in [Role::SiteSupervisor, Role::Client] {
        assert!(P::ReadCases.reach_of(role).is_some());
        assert_eq!(P::ReadLitmas.reach_of(role), None);
        assert_eq!(P::ReadLetters.reach_of(role), None);
    }
}

//! Assistance (*pendampingan*, seed §2.3.1 a–e; DOMAIN §4): what the PK does after sentencing
//! so that the client can serve the hours — coordination with law enforcement, explaining
//! the guidance programme, explaining the client's rights and obligations (which the client
//! acknowledges from their own account), accompanying the client to the work place, and
//! meeting their needs (special-needs groups included) — and the initial report on the start
//! of guidance that the head of office receives (SOP *Analisis Rekam Intervensi*, step 6).
//!
//! The guideline gives these steps no rule IDs, so refusals here are procedural. Each step
//! may be recorded more than once (a second coordination, new needs); the acknowledgements
//! are the client's and the head's, each on the latest record of their step.

use jiff::civil::Date;

use crate::refusal::Refusal;
use crate::role::Role;
use crate::rule::Violation;
use crate::sop::SopKind;

/// One step of assistance (a–e), or the initial report that closes it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum AssistanceStep {
    /// (a) coordination with law enforcement.
    Coordination,
    /// (b) explaining the guidance programme.
    Programme,
    /// (c) explaining rights and obligations; the client acknowledges it.
    RightsAndObligations,
    /// (d) accompanying the client to the work place and communicating it.
    Accompaniment,
    /// (e) meeting the client's needs, special needs included.
    Needs,
    /// The initial report on the start of guidance, received by the head of office.
    InitialReport,
}

impl AssistanceStep {
    pub const ALL: [AssistanceStep; 6] = [
        AssistanceStep::Coordination,
        AssistanceStep::Programme,
        AssistanceStep::RightsAndObligations,
        AssistanceStep::Accompaniment,
        AssistanceStep::Needs,
        AssistanceStep::InitialReport,
    ];

    /// The five steps of assistance, a–e (the initial report closes them).
    pub const STEPS: [AssistanceStep; 5] = [
        AssistanceStep::Coordination,
        AssistanceStep::Programme,
        AssistanceStep::RightsAndObligations,
        AssistanceStep::Accompaniment,
        AssistanceStep::Needs,
    ];

    /// The steps the initial report needs first: the client knows the programme and their
    /// rights, and law enforcement was coordinated with. Accompaniment and needs follow the
    /// placement and may come later.
    pub const BEFORE_REPORT: [AssistanceStep; 3] = [
        AssistanceStep::Coordination,
        AssistanceStep::Programme,
        AssistanceStep::RightsAndObligations,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            AssistanceStep::Coordination => "coordination",
            AssistanceStep::Programme => "programme",
            AssistanceStep::RightsAndObligations => "rights",
            AssistanceStep::Accompaniment => "accompaniment",
            AssistanceStep::Needs => "needs",
            AssistanceStep::InitialReport => "initial_report",
        }
    }

    pub fn parse(text: &str) -> Option<AssistanceStep> {
        AssistanceStep::ALL.into_iter().find(|s| s.as_str() == text)
    }

    /// Who acknowledges a record of this step, if anyone: the client their rights and
    /// obligations, the head of office the initial report.
    pub fn acknowledged_by(self) -> Option<Role> {
        match self {
            AssistanceStep::RightsAndObligations => Some(Role::Client),
            AssistanceStep::InitialReport => Some(Role::HeadOfOffice),
            _ => None,
        }
    }

    /// The SOP step a record of this step performs (DOMAIN §11): explaining rights and
    /// obligations is step 4 of the intake SOP.
    pub fn recorded_stamp(self) -> Option<(SopKind, u8)> {
        match self {
            AssistanceStep::RightsAndObligations => Some((SopKind::Intake, 4)),
            _ => None,
        }
    }

    /// The SOP step an acknowledgement performs: the head receiving the initial report is
    /// step 6 of the intervention-record analysis SOP.
    pub fn acknowledged_stamp(self) -> Option<(SopKind, u8)> {
        match self {
            AssistanceStep::InitialReport => Some((SopKind::InterventionAnalysis, 6)),
            _ => None,
        }
    }
}

/// A record of a step: what was done, on which day, in the PK's words. `recorded` are the
/// steps already on the case.
pub fn check_record(
    step: AssistanceStep,
    done_on: Date,
    today: Date,
    note: &str,
    recorded: &[AssistanceStep],
) -> Result<(), Violation> {
    if done_on > today {
        return Err(Violation::procedural(
            "done_on",
            Refusal::AssistanceInFuture,
        ));
    }
    if note.trim().is_empty() {
        return Err(Violation::procedural(
            "note",
            Refusal::AssistanceNoteRequired,
        ));
    }
    let missing = AssistanceStep::BEFORE_REPORT
        .into_iter()
        .find(|s| !recorded.contains(s));
    if let (AssistanceStep::InitialReport, Some(missing)) = (step, missing) {
        return Err(Violation::procedural(
            "step",
            Refusal::InitialReportBeforeStep { missing },
        ));
    }
    Ok(())
}

/// An acknowledgement by `role` of the latest record of `step`: only by the role that
/// acknowledges that step, only once, and only of a record that exists.
pub fn check_acknowledgement(
    step: AssistanceStep,
    role: Role,
    latest: Option<bool>,
) -> Result<(), Violation> {
    if step.acknowledged_by() != Some(role) {
        return Err(Violation::procedural(
            "step",
            Refusal::NotYoursToAcknowledge,
        ));
    }
    match latest {
        None => Err(Violation::procedural("step", Refusal::NothingToAcknowledge)),
        Some(true) => Err(Violation::procedural("step", Refusal::AlreadyAcknowledged)),
        Some(false) => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use jiff::civil::date;

    use super::*;

    #[test]
    fn a_step_is_dated_no_later_than_today_and_says_what_was_done() {
        let today = date(2026, 11, 30);
        let step = AssistanceStep::Programme;
        let future = check_record(step, date(2026, 12, 1), today, "x", &[]).unwrap_err();
        assert_eq!(future.refusal, Refusal::AssistanceInFuture);
        let empty = check_record(step, today, today, "  ", &[]).unwrap_err();
        assert_eq!(
            (empty.field, empty.refusal),
            ("note", Refusal::AssistanceNoteRequired)
        );
        assert!(check_record(step, today, today, "Program dijelaskan", &[]).is_ok());
    }

    #[test]
    fn the_initial_report_follows_coordination_programme_and_rights() {
        let today = date(2026, 11, 30);
        let report = AssistanceStep::InitialReport;
        let early = check_record(
            report,
            today,
            today,
            "Laporan",
            &[AssistanceStep::Coordination],
        )
        .unwrap_err();
        assert_eq!(
            early.refusal,
            Refusal::InitialReportBeforeStep {
                missing: AssistanceStep::Programme
            }
        );
        assert!(
            check_record(
                report,
                today,
                today,
                "Laporan",
                &AssistanceStep::BEFORE_REPORT
            )
            .is_ok()
        );
    }

    #[test]
    fn the_client_acknowledges_their_rights_and_the_head_the_initial_report() {
        let rights = AssistanceStep::RightsAndObligations;
        assert!(check_acknowledgement(rights, Role::Client, Some(false)).is_ok());
        let pk = check_acknowledgement(rights, Role::Pk, Some(false)).unwrap_err();
        assert_eq!(pk.refusal, Refusal::NotYoursToAcknowledge);
        let none = check_acknowledgement(rights, Role::Client, None).unwrap_err();
        assert_eq!(none.refusal, Refusal::NothingToAcknowledge);
        let twice = check_acknowledgement(rights, Role::Client, Some(true)).unwrap_err();
        assert_eq!(twice.refusal, Refusal::AlreadyAcknowledged);
        let report = AssistanceStep::InitialReport;
        assert!(check_acknowledgement(report, Role::HeadOfOffice, Some(false)).is_ok());
        assert!(check_acknowledgement(AssistanceStep::Needs, Role::Client, Some(false)).is_err());
        assert_eq!(
            report.acknowledged_stamp(),
            Some((SopKind::InterventionAnalysis, 6))
        );
        assert_eq!(rights.recorded_stamp(), Some((SopKind::Intake, 4)));
    }

    #[test]
    fn steps_read_back() {
        for step in AssistanceStep::ALL {
            assert_eq!(AssistanceStep::parse(step.as_str()), Some(step));
        }
        assert_eq!(AssistanceStep::parse("lunch"), None);
    }
}

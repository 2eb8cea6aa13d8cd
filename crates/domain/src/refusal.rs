//! Why the domain refused something, as data: a [`Refusal`] names the reason and carries the
//! values its words need (dates, durations, amounts, the check or stage concerned). The
//! domain decides; the web crate words each reason in Indonesian or English from its text
//! catalogue, so the words of a refusal live in one place and no handler writes them.

use jiff::civil::{Date, Time, Weekday};

use crate::assistance::AssistanceStep;
use crate::intake::{CheckKind, IntakeDocument};
use crate::lifecycle::CaseStatus;
use crate::minutes::Minutes;
use crate::partner::Stage;
use crate::placement::Exclusion;
use crate::sentence::PrisonTerm;
use crate::supervision::OrderKind;

macro_rules! refusals {
    ($(
        $(#[$doc:meta])*
        $name:ident $({ $($field:ident: $ty:ty),* $(,)? })?
    ),* $(,)?) => {
        /// Why a piece of input was refused. Each reason has a text in the web crate's
        /// catalogue; adding one here without words there does not compile.
        #[derive(Debug, Clone, PartialEq)]
        pub enum Refusal {
            $($(#[$doc])* $name $({ $($field: $ty),* })?,)*
        }

        impl Refusal {
            /// The reason's name, e.g. `"HoursTooFew"`: for logs and the API, without the
            /// values (which may be personal data).
            pub fn code(&self) -> &'static str {
                match self {
                    $(Refusal::$name { .. } => stringify!($name),)*
                }
            }
        }
    };
}

refusals! {
    // The court decision (L1, L2, L4, L6, L7, L8, I1, D1).
    /// L2: the decision records that the defendant did not consent.
    ConsentMissing,
    CourtRequired,
    DecisionNumberRequired,
    FinalBeforeDecision { date_final: Date, decision_date: Date },
    OffenceRequired,
    ThreatRequired,
    ThreatTooHigh { months: u32 },
    ReplacedPrisonRequired,
    ReplacedPrisonTooLong { term: PrisonTerm },
    ReplacedPrisonOverThreat { term: PrisonTerm, threat_months: u32 },
    ReplacedFineRequired,
    ReplacedFineTooHigh { amount: i64, cap: i64 },
    HoursTooFew { hours: Minutes },
    HoursTooMany { hours: Minutes },
    InstalmentMonths { months: u32 },
    ScheduleTermsRequired,
    DefaultOrderRequired,
    PrisonOrderWithoutPrison,
    PrisonOrderLength { term: PrisonTerm },
    FineOrderWithoutFine,
    FineOrderAmount { amount: i64, replaced: i64 },
    FineOrderPrisonLengthRequired,
    /// L1: the fine categories of a regulation must rise from I to VIII.
    FineCategoriesOrder,

    // Intake (I1–I4, D1).
    NotFinalYet { date_final: Date },
    UnknownChannel,
    CheckMissing { document: IntakeDocument, check: CheckKind },
    CheckAlwaysApplies { document: IntakeDocument, check: CheckKind },
    CheckNeedsNote { document: IntakeDocument, check: CheckKind },
    ClientAppeared,
    /// I2: the case names no Kejaksaan Negeri.
    ProsecutorOfficeMissing,
    SummonsAwaitingOutcome,
    SummonsLimit,
    /// I3, from the case's lifecycle: `sent` summonses already.
    SummonsLimitReached { sent: u8 },
    HandedOver,
    AbsenceReasonRequired,
    NoPendingSummons,
    DeadlineBeforeSummons,
    DeadlineNotPassed { number: u8 },
    ReceivedBeforeFinal { received_on: Date, date_final: Date },

    // The register (G1, G3).
    RegisterItemRequired { item: RegisterItem },
    RegisterIncomplete,
    /// G1: the register is complete only with the photograph and the fingerprint.
    BiometricsMissing,
    IdenticalNikNotLinked,
    NikNotDigits,
    NikLength { digits: usize },
    NikRegion { code: String },
    NikBirthDate { digits: String },
    NikSerialZero,

    // The service window and the schedule (L5, L6, L9).
    WindowInvalid { start: Date, end: Date },
    OutsideWindow { day: Date, start: Date, end: Date },
    StartOutOfRange { start: Date },
    ScheduleEmpty,
    SlotEndsBeforeStart { day: Weekday },
    SlotDayOverLimit { day: Weekday, length: Minutes },
    SlotOutsideOpening { day: Weekday, from: Time, to: Time },
    SlotClashesWithLivelihood { day: Weekday, from: Time, to: Time },
    ScheduleFinishesLate { finish: Option<Date>, deadline: Date },

    // Partners and placement (L3, L9, P1–P10).
    StageOutOfOrder { from: Stage, to: Stage },
    AgreementEndsBeforeStart,
    NonCommercialRequired,
    AgreementBeforeReport,
    NotOfferedHere,
    PlacementExcluded { exclusions: Vec<Exclusion> },
    OverrideReasonRequired,
    /// P3: a work place beyond the distance limit needs the PK's justification.
    DistanceJustificationRequired { km: f64, limit_km: f64 },
    /// P3: the head has not approved the placement beyond the distance limit yet.
    DistanceNotApproved,
    /// P3: accommodations the client needs that the PK has not confirmed as in place.
    AccommodationsUnconfirmed { missing: crate::placement::Accommodations },
    /// §2.2.6: approval needs the Litmas with its case plan.
    LitmasNotSubmitted,
    /// §2.2.6 f: placement follows an approved case plan.
    CasePlanNotApproved,

    // Daily reports (B5, L4, L5, P10).
    NotServing { status: CaseStatus },
    LocatedPhotoRequired,
    /// P10: a monitored client sends their own report with a located photo.
    MonitoredClientReportsAlone,
    /// B5: the client signs a report recorded on the supervisor's device.
    ClientSignatureMissing,
    ClientHasNoLogin,
    ClientSignatureWrong,
    ClientSignatureLocked,
    EndBeforeStart,
    WholeMinutes,
    NotYetServed,
    EntryTooLong { length: Minutes },
    EntryExists { id: i64 },
    EntryNotInCase { id: i64 },
    Overlap { from: Time, to: Time, day: Date },
    DayFull { day: Date },
    DayLimit { day: Date, free: Minutes, wanted: Minutes },
    OrderLimit { left: Minutes, wanted: Minutes },
    SupervisorFirst,
    VerifiedAsSupervisor,
    OwnReport,
    /// The case's PK approving their own work (issue 12, item 6).
    OwnCaseApproval,
    RejectionReasonRequired,
    NotAwaiting { id: i64, now: EntryProgress, step: AwaitedStep },

    // Assistance (§2.3.1 a–e; procedural).
    AssistanceInFuture,
    AssistanceNoteRequired,
    InitialReportBeforeStep { missing: AssistanceStep },
    NotYoursToAcknowledge,
    NothingToAcknowledge,
    AlreadyAcknowledged,

    // Guidance, behaviour and the Cycle of Change (B1–B4).
    GuidanceInFuture,
    GuidanceEndsBeforeStart,
    GuidancePlaceRequired,
    GuidanceNoteRequired,
    GuidanceLeaderNameRequired,
    /// B2: intellectual, skills and independence programmes are the client's own wish.
    GuidanceNotClientsWish,
    /// B1: guidance overlaps a work period of that day, scheduled or reported.
    GuidanceDuringWork { from: Time, to: Time, reported: bool },
    BehaviourInFuture,
    BehaviourDescriptionRequired,
    /// B4: a stage is set with the reason for it.
    StageReasonRequired,
    StageUnchanged,

    // Supervision: reports (S3), advice, examination, TPP, the head's decision (S5–S8, L8).
    ReportDescriptionRequired,
    ReportInFuture,
    /// S3: a community report names who reported and how to reach them.
    ReporterContactRequired,
    ReportNoteRequired,
    ReportClosed,
    AdviceWhatHappened,
    AdviceConditionRequired,
    AdviceEvidenceRequired,
    /// S6: a team of at least two members of the office's staff.
    TeamTooSmall,
    TeamChairNotMember,
    StepOutsideExamination { formed_on: Date, today: Date },
    StepRecordRequired,
    FindingsRequired,
    /// L8: the decision contains no such default order.
    OrderNotInDecision { kind: OrderKind },
    /// S7: good conduct follows a good deed; a default order, a violation.
    RecommendationNotForGround,
    TppTooFewPresent,
    DeliberationRequired,
    /// S7: the chair of a TPP session is one of the members present.
    TppChairNotPresent,
    /// S7: a session is convened for at least one examination.
    TppAgendaEmpty,
    /// S7: the session recommends on or after its day.
    TppSessionNotYetHeld { held_on: Date },
    /// S7: the minutes are signed once every case on the agenda has its recommendation.
    TppMinutesIncomplete { open: usize },
    /// S7: the chair signs the minutes.
    TppMinutesByChair,
    /// M4: the obstacles, the supports and the lessons are written (a dash for none).
    EvaluationPartRequired,
    /// M4: each success indicator is judged met, partly met or not met.
    EvaluationIndicatorRequired,
    /// M2: a monitoring visit is recorded once it happened.
    VisitInFuture { today: Date },
    /// M2: the visit's findings and follow-up are written.
    VisitPartRequired,
    DecisionReasonsRequired,
    /// The examination is not at the step the act belongs to.
    ExaminationNotAtStep,
    /// Only the team's members record its steps and findings.
    NotOnTheTeam,

    /// S8: the prosecutor's letter is named.
    ProsecutorReferenceRequired,
    /// S8: the prosecutor decides after the head and no later than today.
    ProsecutorDecisionDate { from: Date, today: Date },

    // Guidance-progress reports (S4, B8).
    ProgressReportPartRequired,
    ProgressReportNotDue { on: Date },
    ProgressReportWritten,
    ProgressReportNotSubmitted,
    ProgressReportReturnNote,

    // SOP steps marked by hand (DOMAIN §11; procedural).
    SopStepNotMarkable,
    SopStepNotYours,
    SopStepDone,

    // Termination (T1).
    HoursStillOpen { remaining: Minutes },
    DeathCertificateRequired,
    SanctionLetterRequired,
}

/// An item the register must record (G1).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RegisterItem {
    Name,
    BirthPlace,
    BirthDate,
    Address,
    Occupation,
    FatherName,
    MotherName,
}

/// Where a daily report stands, as a refusal names it (B5).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EntryProgress {
    Reported,
    SupervisorVerified,
    Credited,
    Rejected,
}

/// The verification step a daily report was not waiting for (B5).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AwaitedStep {
    Supervisor,
    Pk,
    Rejection,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_refusal_is_named_without_its_values() {
        let refusal = Refusal::NikRegion {
            code: "320101".into(),
        };
        assert_eq!(refusal.code(), "NikRegion");
        assert_eq!(Refusal::ConsentMissing.code(), "ConsentMissing");
    }
}

//! The words of the domain's refusals. The domain says why it refused (a
//! [`Refusal`] with its values, a lifecycle or appointment refusal, a NIK warning); this
//! module words each one in the reader's language from the catalogue (`i18n/80-refusals.txt`)
//! and writes its values the way that language writes dates, times, durations and amounts.
//! Every reason has an arm here, so a new reason without words does not compile.

use jiff::civil::{Date, Time, Weekday};
use karya_domain::calendar::{date_en, date_id};
use karya_domain::money::rupiah;
use karya_domain::refusal::{AwaitedStep, EntryProgress, RegisterItem};
use karya_domain::schedule::{weekday_en, weekday_id};
use karya_domain::sentence::PrisonTerm;
use karya_domain::{Minutes, NikWarning, Refusal, Sex, TransitionError, appointment, termination};

use crate::i18n::{Bilingual, Catalog, Lang, fill};

/// Writes values in one language.
struct Values {
    lang: Lang,
}

impl Values {
    fn date(&self, day: Date) -> String {
        self.lang.pick(date_id(day), date_en(day))
    }

    fn time(&self, time: Time) -> String {
        let separator = self.lang.pick('.', ':');
        format!("{:02}{separator}{:02}", time.hour(), time.minute())
    }

    fn minutes(&self, minutes: Minutes) -> String {
        self.lang
            .pick(minutes.to_string(), minutes.display_en().to_string())
    }

    fn term(&self, term: PrisonTerm) -> String {
        self.lang.pick(term.wording_id(), term.wording_en())
    }

    fn km(&self, km: f64) -> String {
        crate::views::km(self.lang, km)
    }

    fn accommodations(&self, set: karya_domain::placement::Accommodations) -> String {
        set.iter()
            .map(|a| self.lang.pick(a.label_id(), a.label_en()).to_lowercase())
            .collect::<Vec<_>>()
            .join(", ")
    }

    fn weekday(&self, day: Weekday) -> String {
        self.lang.pick(weekday_id(day), weekday_en(day)).to_owned()
    }
}

/// A default order as the TPP recommends it (L8).
pub fn order_kind(t: &Catalog, kind: karya_domain::supervision::OrderKind) -> &'static str {
    use karya_domain::supervision::OrderKind;
    match kind {
        OrderKind::RepeatWork => t.order_repeat_work,
        OrderKind::ServeImprisonment => t.order_serve_imprisonment,
        OrderKind::PayFine => t.order_pay_fine,
    }
}

fn register_item(t: &Catalog, item: RegisterItem) -> &'static str {
    match item {
        RegisterItem::Name => t.register_item_name,
        RegisterItem::BirthPlace => t.register_item_birth_place,
        RegisterItem::BirthDate => t.register_item_birth_date,
        RegisterItem::Address => t.register_item_address,
        RegisterItem::Occupation => t.register_item_occupation,
        RegisterItem::FatherName => t.register_item_father_name,
        RegisterItem::MotherName => t.register_item_mother_name,
    }
}

fn entry_progress(t: &Catalog, now: EntryProgress) -> &'static str {
    match now {
        EntryProgress::Reported => t.entry_progress_reported,
        EntryProgress::SupervisorVerified => t.entry_progress_supervisor_verified,
        EntryProgress::Credited => t.entry_progress_credited,
        EntryProgress::Rejected => t.entry_progress_rejected,
    }
}

fn awaited_step(t: &Catalog, step: AwaitedStep) -> &'static str {
    match step {
        AwaitedStep::Supervisor => t.awaited_step_supervisor,
        AwaitedStep::Pk => t.awaited_step_pk,
        AwaitedStep::Rejection => t.awaited_step_rejection,
    }
}

/// `refusal` in `lang`, with its values written in.
pub fn refusal_text(lang: Lang, refusal: &Refusal) -> String {
    let t = lang.catalog();
    let v = Values { lang };
    let plain = |text: &str| text.to_owned();
    match refusal {
        Refusal::ConsentMissing => plain(t.refusal_consent_missing),
        Refusal::CourtRequired => plain(t.refusal_court_required),
        Refusal::DecisionNumberRequired => plain(t.refusal_decision_number_required),
        Refusal::FinalBeforeDecision {
            date_final,
            decision_date,
        } => fill(
            t.refusal_final_before_decision,
            &[
                ("date_final", &v.date(*date_final)),
                ("decision_date", &v.date(*decision_date)),
            ],
        ),
        Refusal::OffenceRequired => plain(t.refusal_offence_required),
        Refusal::ThreatRequired => plain(t.refusal_threat_required),
        Refusal::ThreatTooHigh { months } => fill(
            t.refusal_threat_too_high,
            &[("months", &months.to_string())],
        ),
        Refusal::ReplacedPrisonRequired => plain(t.refusal_replaced_prison_required),
        Refusal::ReplacedPrisonTooLong { term } => fill(
            t.refusal_replaced_prison_too_long,
            &[("term", &v.term(*term))],
        ),
        Refusal::ReplacedPrisonOverThreat {
            term,
            threat_months,
        } => fill(
            t.refusal_replaced_prison_over_threat,
            &[
                ("term", &v.term(*term)),
                ("months", &threat_months.to_string()),
            ],
        ),
        Refusal::ReplacedFineRequired => plain(t.refusal_replaced_fine_required),
        Refusal::ReplacedFineTooHigh { amount, cap } => fill(
            t.refusal_replaced_fine_too_high,
            &[("amount", &rupiah(*amount)), ("cap", &rupiah(*cap))],
        ),
        Refusal::HoursTooFew { hours } => {
            fill(t.refusal_hours_too_few, &[("hours", &v.minutes(*hours))])
        }
        Refusal::HoursTooMany { hours } => {
            fill(t.refusal_hours_too_many, &[("hours", &v.minutes(*hours))])
        }
        Refusal::InstalmentMonths { months } => fill(
            t.refusal_instalment_months,
            &[("months", &months.to_string())],
        ),
        Refusal::ScheduleTermsRequired => plain(t.refusal_schedule_terms_required),
        Refusal::DefaultOrderRequired => plain(t.refusal_default_order_required),
        Refusal::PrisonOrderWithoutPrison => plain(t.refusal_prison_order_without_prison),
        Refusal::PrisonOrderLength { term } => {
            fill(t.refusal_prison_order_length, &[("term", &v.term(*term))])
        }
        Refusal::FineOrderWithoutFine => plain(t.refusal_fine_order_without_fine),
        Refusal::FineOrderAmount { amount, replaced } => fill(
            t.refusal_fine_order_amount,
            &[
                ("amount", &rupiah(*amount)),
                ("replaced", &rupiah(*replaced)),
            ],
        ),
        Refusal::FineOrderPrisonLengthRequired => {
            plain(t.refusal_fine_order_prison_length_required)
        }
        Refusal::FineCategoriesOrder => plain(t.refusal_fine_categories_order),
        Refusal::NotFinalYet { date_final } => fill(
            t.refusal_not_final_yet,
            &[("date_final", &v.date(*date_final))],
        ),
        Refusal::UnknownChannel => plain(t.refusal_unknown_channel),
        Refusal::CheckMissing { document, check } => fill(
            t.refusal_check_missing,
            &[("document", lang.say(document)), ("check", lang.say(check))],
        ),
        Refusal::CheckAlwaysApplies { document, check } => fill(
            t.refusal_check_always_applies,
            &[("document", lang.say(document)), ("check", lang.say(check))],
        ),
        Refusal::CheckNeedsNote { document, check } => fill(
            t.refusal_check_needs_note,
            &[("document", lang.say(document)), ("check", lang.say(check))],
        ),
        Refusal::ClientAppeared => plain(t.refusal_client_appeared),
        Refusal::ProsecutorOfficeMissing => plain(t.refusal_prosecutor_office_missing),
        Refusal::SummonsAwaitingOutcome => plain(t.refusal_summons_awaiting_outcome),
        Refusal::SummonsLimit => plain(t.refusal_summons_limit),
        Refusal::SummonsLimitReached { sent } => fill(
            t.refusal_summons_limit_reached,
            &[("sent", &sent.to_string())],
        ),
        Refusal::HandedOver => plain(t.refusal_handed_over),
        Refusal::AbsenceReasonRequired => plain(t.refusal_absence_reason_required),
        Refusal::NoPendingSummons => plain(t.refusal_no_pending_summons),
        Refusal::DeadlineBeforeSummons => plain(t.refusal_deadline_before_summons),
        Refusal::DeadlineNotPassed { number } => fill(
            t.refusal_deadline_not_passed,
            &[("number", &number.to_string())],
        ),
        Refusal::ReceivedBeforeFinal {
            received_on,
            date_final,
        } => fill(
            t.refusal_received_before_final,
            &[
                ("received_on", &v.date(*received_on)),
                ("date_final", &v.date(*date_final)),
            ],
        ),
        Refusal::RegisterItemRequired { item } => fill(
            t.refusal_register_item_required,
            &[("item", register_item(t, *item))],
        ),
        Refusal::RegisterIncomplete => plain(t.refusal_register_incomplete),
        Refusal::BiometricsMissing => plain(t.refusal_biometrics_missing),
        Refusal::IdenticalNikNotLinked => plain(t.refusal_identical_nik_not_linked),
        Refusal::NikNotDigits => plain(t.refusal_nik_not_digits),
        Refusal::NikLength { digits } => {
            fill(t.refusal_nik_length, &[("digits", &digits.to_string())])
        }
        Refusal::NikRegion { code } => fill(t.refusal_nik_region, &[("code", code)]),
        Refusal::NikBirthDate { digits } => fill(t.refusal_nik_birth_date, &[("digits", digits)]),
        Refusal::NikSerialZero => plain(t.refusal_nik_serial_zero),
        Refusal::WindowInvalid { start, end } => fill(
            t.refusal_window_invalid,
            &[("start", &v.date(*start)), ("end", &v.date(*end))],
        ),
        Refusal::OutsideWindow { day, start, end } => fill(
            t.refusal_outside_window,
            &[
                ("day", &v.date(*day)),
                ("start", &v.date(*start)),
                ("end", &v.date(*end)),
            ],
        ),
        Refusal::StartOutOfRange { start } => {
            fill(t.refusal_start_out_of_range, &[("start", &v.date(*start))])
        }
        Refusal::ScheduleEmpty => plain(t.refusal_schedule_empty),
        Refusal::SlotEndsBeforeStart { day } => fill(
            t.refusal_slot_ends_before_start,
            &[("day", &v.weekday(*day))],
        ),
        Refusal::SlotDayOverLimit { day, length } => fill(
            t.refusal_slot_day_over_limit,
            &[("day", &v.weekday(*day)), ("length", &v.minutes(*length))],
        ),
        Refusal::SlotOutsideOpening { day, from, to } => fill(
            t.refusal_slot_outside_opening,
            &[
                ("day", &v.weekday(*day)),
                ("from", &v.time(*from)),
                ("to", &v.time(*to)),
            ],
        ),
        Refusal::SlotClashesWithLivelihood { day, from, to } => fill(
            t.refusal_slot_clashes_with_livelihood,
            &[
                ("day", &v.weekday(*day)),
                ("from", &v.time(*from)),
                ("to", &v.time(*to)),
            ],
        ),
        Refusal::ScheduleFinishesLate {
            finish: Some(finish),
            deadline,
        } => fill(
            t.refusal_schedule_finishes_late,
            &[
                ("finish", &v.date(*finish)),
                ("deadline", &v.date(*deadline)),
            ],
        ),
        Refusal::ScheduleFinishesLate {
            finish: None,
            deadline,
        } => fill(
            t.refusal_schedule_never_finishes,
            &[("deadline", &v.date(*deadline))],
        ),
        Refusal::StageOutOfOrder { from, to } => fill(
            t.refusal_stage_out_of_order,
            &[("from", lang.say(from)), ("to", lang.say(to))],
        ),
        Refusal::AgreementEndsBeforeStart => plain(t.refusal_agreement_ends_before_start),
        Refusal::NonCommercialRequired => plain(t.refusal_non_commercial_required),
        Refusal::AgreementBeforeReport => plain(t.refusal_agreement_before_report),
        Refusal::NotOfferedHere => plain(t.refusal_not_offered_here),
        Refusal::PlacementExcluded { exclusions } => {
            let listed: Vec<String> = exclusions
                .iter()
                .map(|exclusion| lang.pick(exclusion.text_id(), exclusion.text_en()))
                .collect();
            fill(
                t.refusal_placement_excluded,
                &[("exclusions", &listed.join(" "))],
            )
        }
        Refusal::OverrideReasonRequired => plain(t.refusal_override_reason_required),
        Refusal::DistanceJustificationRequired { km, limit_km } => fill(
            t.refusal_distance_justification_required,
            &[("km", &v.km(*km)), ("limit", &v.km(*limit_km))],
        ),
        Refusal::DistanceNotApproved => plain(t.refusal_distance_not_approved),
        Refusal::AccommodationsUnconfirmed { missing } => fill(
            t.refusal_accommodations_unconfirmed,
            &[("missing", &v.accommodations(*missing))],
        ),
        Refusal::LitmasNotSubmitted => plain(t.refusal_litmas_not_submitted),
        Refusal::CasePlanNotApproved => plain(t.refusal_case_plan_not_approved),
        Refusal::NotServing { status } => {
            fill(t.refusal_not_serving, &[("status", lang.say(status))])
        }
        Refusal::LocatedPhotoRequired => plain(t.refusal_located_photo_required),
        Refusal::MonitoredClientReportsAlone => plain(t.refusal_monitored_client_reports_alone),
        Refusal::ClientSignatureMissing => plain(t.refusal_client_signature_missing),
        Refusal::ClientHasNoLogin => plain(t.refusal_client_has_no_login),
        Refusal::ClientSignatureWrong => plain(t.refusal_client_signature_wrong),
        Refusal::ClientSignatureLocked => plain(t.refusal_client_signature_locked),
        Refusal::EndBeforeStart => plain(t.refusal_end_before_start),
        Refusal::WholeMinutes => plain(t.refusal_whole_minutes),
        Refusal::NotYetServed => plain(t.refusal_not_yet_served),
        Refusal::EntryTooLong { length } => {
            fill(t.refusal_entry_too_long, &[("length", &v.minutes(*length))])
        }
        Refusal::EntryExists { id } => fill(t.refusal_entry_exists, &[("id", &id.to_string())]),
        Refusal::EntryNotInCase { id } => {
            fill(t.refusal_entry_not_in_case, &[("id", &id.to_string())])
        }
        Refusal::Overlap { from, to, day } => fill(
            t.refusal_overlap,
            &[
                ("from", &v.time(*from)),
                ("to", &v.time(*to)),
                ("day", &v.date(*day)),
            ],
        ),
        Refusal::DayFull { day } => fill(t.refusal_day_full, &[("day", &v.date(*day))]),
        Refusal::DayLimit { day, free, wanted } => fill(
            t.refusal_day_limit,
            &[
                ("day", &v.date(*day)),
                ("free", &v.minutes(*free)),
                ("wanted", &v.minutes(*wanted)),
            ],
        ),
        Refusal::OrderLimit { left, wanted } => fill(
            t.refusal_order_limit,
            &[("left", &v.minutes(*left)), ("wanted", &v.minutes(*wanted))],
        ),
        Refusal::SupervisorFirst => plain(t.refusal_supervisor_first),
        Refusal::VerifiedAsSupervisor => plain(t.refusal_verified_as_supervisor),
        Refusal::OwnReport => plain(t.refusal_own_report),
        Refusal::OwnCaseApproval => plain(t.refusal_own_case_approval),
        Refusal::GuidanceInFuture => plain(t.refusal_guidance_in_future),
        Refusal::GuidanceEndsBeforeStart => plain(t.refusal_guidance_ends_before_start),
        Refusal::GuidancePlaceRequired => plain(t.refusal_guidance_place_required),
        Refusal::GuidanceNoteRequired => plain(t.refusal_guidance_note_required),
        Refusal::GuidanceLeaderNameRequired => plain(t.refusal_guidance_leader_name_required),
        Refusal::GuidanceNotClientsWish => plain(t.refusal_guidance_not_clients_wish),
        Refusal::GuidanceDuringWork { from, to, reported } => fill(
            t.refusal_guidance_during_work,
            &[
                (
                    "what",
                    if *reported {
                        t.refusal_guidance_work_reported
                    } else {
                        t.refusal_guidance_work_scheduled
                    },
                ),
                ("from", &v.time(*from)),
                ("to", &v.time(*to)),
            ],
        ),
        Refusal::BehaviourInFuture => plain(t.refusal_behaviour_in_future),
        Refusal::BehaviourDescriptionRequired => plain(t.refusal_behaviour_description_required),
        Refusal::StageReasonRequired => plain(t.refusal_stage_reason_required),
        Refusal::StageUnchanged => plain(t.refusal_stage_unchanged),
        Refusal::ReportDescriptionRequired => plain(t.refusal_report_description_required),
        Refusal::ReportInFuture => plain(t.refusal_report_in_future),
        Refusal::ReporterContactRequired => plain(t.refusal_reporter_contact_required),
        Refusal::ReportNoteRequired => plain(t.refusal_report_note_required),
        Refusal::ReportClosed => plain(t.refusal_report_closed),
        Refusal::AdviceWhatHappened => plain(t.refusal_advice_what_happened),
        Refusal::AdviceConditionRequired => plain(t.refusal_advice_condition_required),
        Refusal::AdviceEvidenceRequired => plain(t.refusal_advice_evidence_required),
        Refusal::TeamTooSmall => plain(t.refusal_team_too_small),
        Refusal::TeamChairNotMember => plain(t.refusal_team_chair_not_member),
        Refusal::StepOutsideExamination { formed_on, today } => fill(
            t.refusal_step_outside_examination,
            &[("formed", &v.date(*formed_on)), ("today", &v.date(*today))],
        ),
        Refusal::StepRecordRequired => plain(t.refusal_step_record_required),
        Refusal::FindingsRequired => plain(t.refusal_findings_required),
        Refusal::OrderNotInDecision { kind } => fill(
            t.refusal_order_not_in_decision,
            &[("order", order_kind(t, *kind))],
        ),
        Refusal::RecommendationNotForGround => plain(t.refusal_recommendation_not_for_ground),
        Refusal::TppTooFewPresent => plain(t.refusal_tpp_too_few_present),
        Refusal::DeliberationRequired => plain(t.refusal_deliberation_required),
        Refusal::TppChairNotPresent => plain(t.refusal_tpp_chair_not_present),
        Refusal::TppAgendaEmpty => plain(t.refusal_tpp_agenda_empty),
        Refusal::TppSessionNotYetHeld { held_on } => fill(
            t.refusal_tpp_session_not_yet_held,
            &[("date", &v.date(*held_on))],
        ),
        Refusal::TppMinutesIncomplete { open } => fill(
            t.refusal_tpp_minutes_incomplete,
            &[("open", &open.to_string())],
        ),
        Refusal::TppMinutesByChair => plain(t.refusal_tpp_minutes_by_chair),
        Refusal::EvaluationPartRequired => plain(t.refusal_evaluation_part_required),
        Refusal::EvaluationIndicatorRequired => plain(t.refusal_evaluation_indicator_required),
        Refusal::VisitInFuture { today } => {
            fill(t.refusal_visit_in_future, &[("today", &v.date(*today))])
        }
        Refusal::VisitPartRequired => plain(t.refusal_visit_part_required),
        Refusal::DecisionReasonsRequired => plain(t.refusal_decision_reasons_required),
        Refusal::ExaminationNotAtStep => plain(t.refusal_examination_not_at_step),
        Refusal::NotOnTheTeam => plain(t.refusal_not_on_the_team),
        Refusal::ProsecutorReferenceRequired => plain(t.refusal_prosecutor_reference_required),
        Refusal::ProsecutorDecisionDate { from, today } => fill(
            t.refusal_prosecutor_decision_date,
            &[("from", &v.date(*from)), ("today", &v.date(*today))],
        ),
        Refusal::ProgressReportPartRequired => plain(t.refusal_progress_report_part_required),
        Refusal::ProgressReportNotDue { on } => {
            fill(t.refusal_progress_report_not_due, &[("date", &v.date(*on))])
        }
        Refusal::ProgressReportWritten => plain(t.refusal_progress_report_written),
        Refusal::ProgressReportNotSubmitted => plain(t.refusal_progress_report_not_submitted),
        Refusal::ProgressReportReturnNote => plain(t.refusal_progress_report_return_note),
        Refusal::AssistanceInFuture => plain(t.refusal_assistance_in_future),
        Refusal::AssistanceNoteRequired => plain(t.refusal_assistance_note_required),
        Refusal::InitialReportBeforeStep { missing } => fill(
            t.refusal_initial_report_before_step,
            &[("step", assistance_step(t, *missing))],
        ),
        Refusal::NotYoursToAcknowledge => plain(t.refusal_not_yours_to_acknowledge),
        Refusal::NothingToAcknowledge => plain(t.refusal_nothing_to_acknowledge),
        Refusal::AlreadyAcknowledged => plain(t.refusal_already_acknowledged),
        Refusal::SopStepNotMarkable => plain(t.refusal_sop_step_not_markable),
        Refusal::SopStepNotYours => plain(t.refusal_sop_step_not_yours),
        Refusal::SopStepDone => plain(t.refusal_sop_step_done),
        Refusal::RejectionReasonRequired => plain(t.refusal_rejection_reason_required),
        Refusal::NotAwaiting { id, now, step } => fill(
            t.refusal_not_awaiting,
            &[
                ("id", &id.to_string()),
                ("now", entry_progress(t, *now)),
                ("step", awaited_step(t, *step)),
            ],
        ),
        Refusal::HoursStillOpen { remaining } => fill(
            t.refusal_hours_still_open,
            &[("remaining", &v.minutes(*remaining))],
        ),
        Refusal::DeathCertificateRequired => plain(t.refusal_death_certificate_required),
        Refusal::SanctionLetterRequired => plain(t.refusal_sanction_letter_required),
    }
}

/// A lifecycle refusal in `lang`.
pub fn transition_text(lang: Lang, error: &TransitionError) -> String {
    let t = lang.catalog();
    match error {
        TransitionError::Final(status) => fill(t.transition_final, &[("status", lang.say(status))]),
        TransitionError::NotAllowed { from, transition } => fill(
            t.transition_not_allowed,
            &[
                ("transition", lang.say(transition)),
                ("status", lang.say(from)),
            ],
        ),
        TransitionError::Forbidden { transition, .. } => fill(
            t.transition_forbidden,
            &[("transition", lang.say(transition))],
        ),
        TransitionError::Guard { refusal, .. } => refusal_text(lang, refusal),
    }
}

fn sex(t: &Catalog, sex: Sex) -> String {
    match sex {
        Sex::Male => t.sex_male,
        Sex::Female => t.sex_female,
    }
    .to_lowercase()
}

/// Where a NIK disagrees with the record, in `lang`.
pub fn nik_warning_text(lang: Lang, warning: &NikWarning) -> String {
    let t = lang.catalog();
    match warning {
        NikWarning::BirthDate {
            nik_ddmmyy: (d, m, y),
            recorded,
        } => fill(
            t.nik_warning_birth_date,
            &[
                ("nik_date", &format!("{d:02}-{m:02}-{y:02}")),
                ("recorded", &Values { lang }.date(*recorded)),
            ],
        ),
        NikWarning::Sex { nik, recorded } => fill(
            t.nik_warning_sex,
            &[("nik", &sex(t, *nik)), ("recorded", &sex(t, *recorded))],
        ),
        NikWarning::District { nik, recorded } => fill(
            t.nik_warning_district,
            &[("nik", nik), ("recorded", recorded)],
        ),
    }
}

fn appointment_text(lang: Lang, refusal: &appointment::Refusal) -> &'static str {
    let t = lang.catalog();
    match refusal {
        appointment::Refusal::NotNow => t.appointment_refused_not_now,
        appointment::Refusal::InProgress => t.appointment_refused_in_progress,
        appointment::Refusal::NeedsDisposition => t.appointment_refused_needs_disposition,
        appointment::Refusal::NeedsDraft => t.appointment_refused_needs_draft,
        appointment::Refusal::NotYourStep => t.appointment_refused_not_your_step,
    }
}

fn termination_text(lang: Lang, refusal: &termination::Refusal) -> &'static str {
    let t = lang.catalog();
    match refusal {
        termination::Refusal::OutOfOrder => t.termination_out_of_order,
        termination::Refusal::NotYourStep => t.termination_not_your_step,
    }
}

/// Implements [`Bilingual`] for a refusal through its wording function, so that pages
/// write `lang.say(&refusal)` like any other value of the domain.
macro_rules! worded {
    ($($ty:ty => $words:ident -> $text:ty;)*) => {$(
        impl Bilingual for $ty {
            type Text = $text;
            fn indonesian(&self) -> $text {
                $words(Lang::Id, self)
            }
            fn english(&self) -> $text {
                $words(Lang::En, self)
            }
        }
    )*};
}

worded! {
    Refusal => refusal_text -> String;
    TransitionError => transition_text -> String;
    NikWarning => nik_warning_text -> String;
    appointment::Refusal => appointment_text -> &'static str;
    termination::Refusal => termination_text -> &'static str;
}

/// The name of an assistance step (§2.3.1 a–e), as the case page lists it.
pub fn assistance_step(
    t: &Catalog,
    step: karya_domain::assistance::AssistanceStep,
) -> &'static str {
    use karya_domain::assistance::AssistanceStep as S;
    match step {
        S::Coordination => t.assistance_coordination,
        S::Programme => t.assistance_programme,
        S::RightsAndObligations => t.assistance_rights,
        S::Accompaniment => t.assistance_accompaniment,
        S::Needs => t.assistance_needs,
        S::InitialReport => t.assistance_initial_report,
    }
}

#[cfg(test)]
#[expect(non_snake_case, reason = "test names end with the rule ID they check")]
mod tests;

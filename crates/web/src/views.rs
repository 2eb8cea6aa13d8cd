//! Formatting for people: durations, dates and times in the user's language and the
//! office's time zone, and the labels of statuses.

use jiff::Timestamp;
use jiff::civil::Date;
use karya_domain::calendar::{date_en, date_id, local_date};
use karya_domain::milestones::{MilestoneBasis, MilestoneState, Quarter};
use karya_domain::{CaseStatus, EntryState, Minutes, OfficeZone, ProgressStatus, Violation};

use crate::error::RuleProblem;
use crate::i18n::{Catalog, Lang, fill};

pub fn duration(lang: Lang, minutes: Minutes) -> String {
    match lang {
        Lang::Id => minutes.to_string(),
        Lang::En => minutes.display_en().to_string(),
    }
}

/// Kilometres to one decimal, with the decimal comma in Indonesian.
pub fn km(lang: Lang, km: f64) -> String {
    let text = format!("{km:.1}");
    lang.pick(text.replace('.', ","), text)
}

pub fn date(lang: Lang, day: Date) -> String {
    match lang {
        Lang::Id => date_id(day),
        Lang::En => date_en(day),
    }
}

/// A date in a list: `30 Nov 2026` (documents and headings use [`date`]).
pub fn short_date(lang: Lang, day: Date) -> String {
    karya_domain::calendar::date_short(day, lang == Lang::En)
}

/// Hours in a list: `12 j 30 m`.
pub fn short_duration(lang: Lang, minutes: Minutes) -> String {
    minutes.compact(lang == Lang::En)
}

/// The local date and `HH:MM` of an instant in the office's zone.
pub fn local(zone: OfficeZone, instant: Timestamp) -> (Date, String) {
    let time_zone = zone.time_zone();
    let civil = time_zone.to_datetime(instant);
    (
        local_date(instant, &time_zone),
        format!("{:02}:{:02}", civil.hour(), civil.minute()),
    )
}

/// A stored instant (RFC 3339 text) as the office's local date and time, e.g.
/// `30 November 2026, 14.05`; the text itself if it does not parse.
pub fn stored_instant(lang: Lang, text: &str, zone: OfficeZone) -> String {
    match text.parse::<Timestamp>() {
        Ok(instant) => {
            let (day, hm) = local(zone, instant);
            format!(
                "{}, {}",
                date(lang, day),
                hm.replace(':', lang.pick(".", ":"))
            )
        }
        Err(_) => text.to_owned(),
    }
}

/// A time of day as the language writes it: `16.00` in Indonesian, `16:00` in English.
pub fn time(lang: Lang, time: jiff::civil::Time) -> String {
    format!(
        "{:02}{}{:02}",
        time.hour(),
        lang.pick(".", ":"),
        time.minute()
    )
}

pub fn status(lang: Lang, status: CaseStatus) -> &'static str {
    lang.say(&status)
}

pub fn progress(t: &Catalog, status: ProgressStatus) -> &'static str {
    match status {
        ProgressStatus::OnTrack => t.progress_on_track,
        ProgressStatus::AtRisk => t.progress_at_risk,
        ProgressStatus::Overdue => t.progress_overdue,
        ProgressStatus::Completed => t.progress_completed,
    }
}

pub fn quarter(q: Quarter) -> &'static str {
    match q.quarters() {
        1 => "¼",
        2 => "½",
        _ => "¾",
    }
}

pub fn milestone_name(t: &Catalog, basis: MilestoneBasis, q: Quarter) -> String {
    let text = match basis {
        MilestoneBasis::Hours => t.milestone_hours,
        MilestoneBasis::Window => t.milestone_window,
    };
    fill(text, &[("q", quarter(q))])
}

pub fn milestone_state(t: &Catalog, state: MilestoneState) -> &'static str {
    match state {
        MilestoneState::Upcoming => t.milestone_upcoming,
        MilestoneState::Due => t.milestone_due,
        MilestoneState::Done => t.milestone_done,
        MilestoneState::Late => t.milestone_late,
    }
}

pub fn entry_state(t: &Catalog, state: &EntryState) -> String {
    match state {
        EntryState::Reported => t.entry_reported.to_owned(),
        EntryState::SupervisorVerified { .. } => t.entry_supervisor_verified.to_owned(),
        EntryState::Credited { .. } => t.entry_credited.to_owned(),
        EntryState::Rejected { reason, .. } => fill(t.entry_rejected, &[("reason", reason)]),
    }
}

/// Why a case's service window starts on its first day (L6, decision 0002).
pub fn window_basis(t: &Catalog, basis: karya_domain::window::WindowBasis) -> &'static str {
    use karya_domain::window::WindowBasis as B;
    match basis {
        B::Decision => t.window_basis_decision,
        B::Handover => t.window_basis_handover,
        B::AwaitingClient => t.window_basis_awaiting_client,
        B::Appearance => t.window_basis_appearance,
        B::DocumentsCompleted => t.window_basis_documents_completed,
        B::RepeatOrdered => t.window_basis_repeat_ordered,
    }
}

/// A violation's message in `lang`, ending with its rule ID.
pub fn violation_message(lang: Lang, violation: &Violation) -> String {
    let message = crate::refusals::refusal_text(lang, &violation.refusal);
    let Some(rule) = violation.rule else {
        return message;
    };
    let code = rule.code();
    // Most messages name their rule already ("…, L5)"); add it only where one does not.
    if message.contains(code) {
        message
    } else {
        format!("{message} ({code})")
    }
}

/// A violation for problem+json (English, with its rule ID and field).
pub fn rule_problem(violation: &Violation) -> RuleProblem {
    RuleProblem {
        // A refusal of the procedure that no rule ID names is reported as such.
        rule: violation
            .rule
            .map_or("procedure", |rule| rule.code())
            .to_owned(),
        field: violation.field.to_owned(),
        message: violation_message(Lang::En, violation),
        reason: Some(violation.refusal.code()),
    }
}

/// The progress badge a case shows: only while the client serves, or once completed; a
/// case not yet serving or ended otherwise has no pace to judge.
pub fn progress_badge(
    t: &Catalog,
    status: CaseStatus,
    progress: ProgressStatus,
) -> Option<(&'static str, &'static str)> {
    use karya_domain::TerminationReason;
    match status {
        CaseStatus::Serving | CaseStatus::UnderExamination => {
            Some((self::progress(t, progress), progress.as_str()))
        }
        CaseStatus::Terminated(TerminationReason::Completed) => {
            Some((t.progress_completed, "completed"))
        }
        _ => None,
    }
}

/// How far an M4 success indicator is met, in words.
pub fn finding(t: &Catalog, finding: karya_domain::evaluation::Finding) -> &'static str {
    use karya_domain::evaluation::Finding;
    match finding {
        Finding::Met => t.evaluation_met,
        Finding::Partly => t.evaluation_partly,
        Finding::NotMet => t.evaluation_not_met,
    }
}

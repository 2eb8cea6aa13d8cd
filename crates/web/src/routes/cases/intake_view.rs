//! The intake sections of the case page: the document check (D1), summonses (I3) and
//! violations (I4).

use karya_store::cases::Case;

use crate::app::AppState;
use crate::auth::Authority;
use crate::error::WebError;
use crate::i18n::{Catalog, Lang, fill};
use crate::views;

/// The intake sections: the document check (D1), summonses (I3) and violations (I4).
pub struct IntakeView {
    pub can_check: bool,
    /// Whether any round of checks was recorded (shown read-only to other readers).
    pub checked: bool,
    /// (kind, label, current outcome, note) in D1 order.
    pub checks: Vec<(&'static str, &'static str, String, String)>,
    pub can_summon: bool,
    pub can_record_outcome: bool,
    /// (number label, issued on, deadline, delivery, outcome)
    pub summonses: Vec<(String, String, String, String, &'static str)>,
    pub violations: Vec<(String, String, String)>,
}

pub async fn intake_view(
    state: &AppState,
    authority: &Authority,
    case: &Case,
    lang: Lang,
    t: &Catalog,
) -> Result<IntakeView, WebError> {
    use karya_domain::CaseStatus as S;
    use karya_domain::intake::{CheckKind, CheckOutcome, SummonsOutcome};
    let latest = karya_store::intake::latest_checks(&state.store, case.id).await?;
    // The form needs outcome values; the read-only list shows labels.
    let can_check = authority.check_documents().is_ok()
        && matches!(case.status, S::Received | S::DocumentsIncomplete);
    let checked_any = !latest.is_empty() && !can_check;
    let outcome_label = |t: &Catalog, outcome: CheckOutcome| match outcome {
        CheckOutcome::Passed => t.check_passed,
        CheckOutcome::Failed => t.check_failed,
        CheckOutcome::NotApplicable => t.check_na,
    };
    let checks = CheckKind::ALL
        .iter()
        .map(|kind| {
            let found = latest.iter().find(|c| c.kind == *kind);
            let label = match lang {
                Lang::Id => kind.label_id(),
                Lang::En => kind.label_en(),
            };
            let outcome = found.map_or(CheckOutcome::Passed, |c| c.outcome);
            let outcome = if checked_any {
                outcome_label(t, outcome)
            } else {
                outcome.as_str()
            }
            .to_owned();
            (
                kind.as_str(),
                label,
                outcome,
                found.map(|c| c.note.clone()).unwrap_or_default(),
            )
        })
        .collect();
    let records = karya_store::intake::summonses(&state.store, case.id).await?;
    let pending = records
        .iter()
        .any(|r| r.summons.outcome == SummonsOutcome::Pending);
    let summonses = records
        .iter()
        .map(|r| {
            let outcome = match r.summons.outcome {
                SummonsOutcome::Pending => t.summons_outcome_pending,
                SummonsOutcome::Appeared => t.summons_outcome_appeared,
                SummonsOutcome::NoResponse => t.summons_outcome_no_response,
            };
            (
                fill(t.summons_number, &[("n", &r.summons.number.to_string())]),
                views::date(lang, r.issued_on),
                views::date(lang, r.summons.deadline),
                r.delivery.clone(),
                outcome,
            )
        })
        .collect();
    let open_for_summons = matches!(
        case.status,
        S::DocumentsVerified | S::OfficerAssigned | S::AwaitingClient
    );
    Ok(IntakeView {
        can_check,
        checked: !latest.is_empty(),
        checks,
        can_summon: authority.summon_clients().is_ok()
            && !case.intake.handed_over
            && open_for_summons
            && !pending
            && records.len() < 3,
        can_record_outcome: authority.record_summons_outcomes().is_ok() && pending,
        summonses,
        violations: karya_store::intake::violations(&state.store, case.id).await?,
    })
}

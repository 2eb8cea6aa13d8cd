//! The intake sections of the case page: the document check (D1), summonses (I3) and
//! violations (I4).

use crate::app::AppState;
use crate::error::WebError;
use crate::i18n::{Catalog, Lang, fill};
use crate::views;
use karya_domain::Permission;
use karya_store::access::CaseAccess;

/// The intake sections: the document check (D1), summonses (I3) and violations (I4).
pub struct IntakeView {
    pub can_check: bool,
    /// Whether any round of checks was recorded (shown read-only to other readers).
    pub checked: bool,
    /// (field, label, current outcome, note): each document's five checks in D1 order.
    pub checks: Vec<(&'static str, String, String, String)>,
    pub can_summon: bool,
    pub can_record_outcome: bool,
    /// (number label, issued on, deadline, delivery, outcome)
    pub summonses: Vec<(String, String, String, String, String)>,
    pub violations: Vec<(String, String, String)>,
}

pub async fn intake_view(
    state: &AppState,
    access: &CaseAccess,
    lang: Lang,
    t: &Catalog,
) -> Result<IntakeView, WebError> {
    use karya_domain::CaseStatus as S;
    let case = access.case();
    use karya_domain::intake::{CheckKind, CheckOutcome, IntakeDocument, SummonsOutcome};
    let latest = karya_store::intake::latest_checks(&state.store, access).await?;
    // The form needs outcome values; the read-only list shows labels.
    let can_check = access.may(Permission::CheckDocuments)
        && matches!(case.status, S::Received | S::DocumentsIncomplete);
    let checked_any = !latest.is_empty() && !can_check;
    let outcome_label = |t: &Catalog, outcome: CheckOutcome| match outcome {
        CheckOutcome::Passed => t.check_passed,
        CheckOutcome::Failed => t.check_failed,
        CheckOutcome::NotApplicable => t.check_na,
    };
    let checks = IntakeDocument::ALL
        .into_iter()
        .flat_map(|document| CheckKind::ALL.map(|kind| (document, kind)))
        .map(|(document, kind)| {
            let found = latest
                .iter()
                .find(|c| c.document == document && c.kind == kind);
            let label = format!("{} — {}", lang.say(&document), lang.say(&kind));
            let outcome = found.map_or(CheckOutcome::Passed, |c| c.outcome);
            let outcome = if checked_any {
                outcome_label(t, outcome)
            } else {
                outcome.as_str()
            }
            .to_owned();
            (
                document.field(kind),
                label,
                outcome,
                found.map(|c| c.note.clone()).unwrap_or_default(),
            )
        })
        .collect();
    let records = karya_store::intake::summonses(&state.store, access).await?;
    let pending = records
        .iter()
        .any(|r| r.summons.outcome == SummonsOutcome::Pending);
    let summonses = records
        .iter()
        .map(|r| {
            let outcome = match r.summons.outcome {
                SummonsOutcome::Pending => t.summons_outcome_pending.to_owned(),
                SummonsOutcome::Appeared => t.summons_outcome_appeared.to_owned(),
                SummonsOutcome::AbsentWithReason => fill(
                    t.summons_outcome_excused,
                    &[("reason", r.absence_reason.as_deref().unwrap_or(""))],
                ),
                SummonsOutcome::NoResponse => t.summons_outcome_no_response.to_owned(),
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
        can_summon: access.may(Permission::SummonClients)
            && !case.intake.handed_over
            && open_for_summons
            && !pending
            && records.len() < 3,
        can_record_outcome: access.may(Permission::RecordSummonsOutcomes) && pending,
        summonses,
        violations: karya_store::intake::violations(&state.store, access).await?,
    })
}

//! Intake on the case page: the document validity check (D1–D3) and summonses (I3, I4).
//! The domain decides; a refusal comes back on the page with its rule ID.

use axum::Form;
use axum::extract::State;
use axum::response::{IntoResponse, Redirect, Response};
use jiff::civil::Date;
use karya_domain::intake::{
    CheckKind, CheckOutcome, DocumentCheck, DocumentsVerdict, IntakeDocument, SummonsOutcome,
};
use karya_store::intake::{self as intake_store, NewSummons};

use super::{RecordForm, page_with_errors, today_in};
use crate::app::AppState;
use crate::auth::{CaseOf, can};
use crate::error::WebError;
use crate::forms::{self, FormErrors};
use crate::page::Ui;

fn value<'a>(pairs: &'a [(String, String)], name: &str) -> &'a str {
    pairs
        .iter()
        .find(|(k, _)| k == name)
        .map_or("", |(_, v)| v.as_str())
}

pub async fn check_documents(
    State(state): State<AppState>,
    ui: Ui,
    access: CaseOf<can::CheckDocuments>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> Result<Response, WebError> {
    let t = ui.t();
    let case = access.case();
    let mut errors = FormErrors::default();
    let mut checks = Vec::new();
    for document in IntakeDocument::ALL {
        for kind in CheckKind::ALL {
            let field = document.field(kind);
            let outcome = CheckOutcome::parse(value(&pairs, &format!("{field}_outcome")))
                .ok_or(WebError::BadRequest)?;
            let note = forms::text(
                &mut errors,
                t,
                "checks",
                value(&pairs, &format!("{field}_note")),
                500,
                false,
            );
            checks.push(DocumentCheck {
                document,
                kind,
                outcome,
                note,
            });
        }
    }
    if errors.is_empty() {
        match intake_store::record_checks(&state.store, &access, &checks).await {
            Ok(DocumentsVerdict::Valid) => {
                return Ok(
                    Redirect::to(&format!("/cases/{}?done=documents_valid", case.id.0))
                        .into_response(),
                );
            }
            Ok(DocumentsVerdict::Incomplete(_)) => {
                return Ok(Redirect::to(&format!(
                    "/cases/{}?done=documents_incomplete",
                    case.id.0
                ))
                .into_response());
            }
            Err(error) => forms::add_refusal(&mut errors, ui.lang, ui.t(), "checks", error)?,
        }
    }
    page_with_errors(&state, &ui, &access, RecordForm::default(), errors).await
}

pub async fn issue_summons(
    State(state): State<AppState>,
    ui: Ui,
    access: CaseOf<can::SummonClients>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> Result<Response, WebError> {
    let t = ui.t();
    let case = access.case();
    let mut errors = FormErrors::default();
    let mut date = |name: &'static str| {
        value(&pairs, name)
            .trim()
            .parse::<Date>()
            .map_err(|_| errors.add("summons", t.date_invalid))
            .ok()
    };
    let (issued_on, deadline) = (date("issued_on"), date("deadline"));
    let delivery = forms::text(
        &mut errors,
        t,
        "summons",
        value(&pairs, "delivery"),
        300,
        true,
    );
    if let (Some(issued_on), Some(deadline), true) = (issued_on, deadline, errors.is_empty()) {
        let summons = NewSummons {
            issued_on,
            deadline,
            delivery,
        };
        match intake_store::issue_summons(&state.store, &access, &summons).await {
            Ok(_) => {
                return Ok(
                    Redirect::to(&format!("/cases/{}?done=summons", case.id.0)).into_response()
                );
            }
            Err(karya_store::cases::CaseError::Rule(violation))
                if violation.field == "absence_reason" =>
            {
                errors.add(
                    "absence_reason",
                    crate::views::violation_message(ui.lang, &violation),
                )
            }
            Err(error) => forms::add_refusal(&mut errors, ui.lang, ui.t(), "summons", error)?,
        }
    }
    page_with_errors(&state, &ui, &access, RecordForm::default(), errors).await
}

pub async fn record_outcome(
    State(state): State<AppState>,
    ui: Ui,
    access: CaseOf<can::RecordSummonsOutcomes>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> Result<Response, WebError> {
    let case = access.case();
    let outcome = match value(&pairs, "outcome") {
        "appeared" => SummonsOutcome::Appeared,
        "no_response" => SummonsOutcome::NoResponse,
        "absent_with_reason" => SummonsOutcome::AbsentWithReason,
        _ => return Err(WebError::BadRequest),
    };
    let mut errors = FormErrors::default();
    let reason = forms::text(
        &mut errors,
        ui.t(),
        "absence_reason",
        value(&pairs, "absence_reason"),
        500,
        false,
    );
    if !errors.is_empty() {
        return page_with_errors(&state, &ui, &access, RecordForm::default(), errors).await;
    }
    match intake_store::record_summons_outcome(
        &state.store,
        &access,
        outcome,
        &reason,
        today_in(&state, case),
    )
    .await
    {
        Ok(true) => {
            return Ok(
                Redirect::to(&format!("/cases/{}?done=violation", case.id.0)).into_response(),
            );
        }
        Ok(false) => {
            return Ok(
                Redirect::to(&format!("/cases/{}?done=summons_outcome", case.id.0)).into_response(),
            );
        }
        Err(error) => forms::add_refusal(&mut errors, ui.lang, ui.t(), "summons", error)?,
    }
    page_with_errors(&state, &ui, &access, RecordForm::default(), errors).await
}

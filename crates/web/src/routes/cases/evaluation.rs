//! Recording an evaluation at a milestone of M4 from the case page.

use axum::Form;
use axum::extract::State;
use axum::response::{IntoResponse, Redirect, Response};
use karya_domain::milestones::{MilestoneBasis, MilestoneKey, Quarter};
use karya_store::StoreError;
use karya_store::evaluations::{self, Evaluation};
use serde::Deserialize;

use super::{RecordForm, page_with_errors, today_in};
use crate::app::AppState;
use crate::auth::{CaseOf, can};
use crate::error::WebError;
use crate::forms::{self, FormErrors};
use crate::page::Ui;

#[derive(Deserialize)]
pub struct EvaluationForm {
    #[serde(default)]
    basis: String,
    #[serde(default)]
    quarter: String,
    #[serde(default)]
    note: String,
}

pub async fn record(
    State(state): State<AppState>,
    ui: Ui,
    access: CaseOf<can::EvaluateCases>,
    Form(form): Form<EvaluationForm>,
) -> Result<Response, WebError> {
    let t = ui.t();
    let case = access.case();
    let basis = match form.basis.as_str() {
        "hours" => MilestoneBasis::Hours,
        "window" => MilestoneBasis::Window,
        _ => return Err(WebError::BadRequest),
    };
    let quarter = match form.quarter.as_str() {
        "1" => Quarter::One,
        "2" => Quarter::Two,
        "3" => Quarter::Three,
        _ => return Err(WebError::BadRequest),
    };
    let mut errors = FormErrors::default();
    let note = forms::text(&mut errors, t, "milestones", &form.note, 2000, true);
    if errors.is_empty() {
        let evaluation = Evaluation {
            key: MilestoneKey { basis, quarter },
            day: today_in(&state, case),
            by: access.user().id,
            note: &note,
        };
        match evaluations::record(&state.store, &access, &evaluation).await {
            Ok(()) | Err(StoreError::Duplicate(_)) => {
                return Ok(
                    Redirect::to(&format!("/cases/{}?done=evaluation", case.id.0)).into_response(),
                );
            }
            Err(other) => return Err(other.into()),
        }
    }
    page_with_errors(&state, &ui, &access, RecordForm::default(), errors).await
}

//! Recording an evaluation at a milestone of M4 from the case page.

use axum::Form;
use axum::extract::{Path, State};
use axum::response::{IntoResponse, Redirect, Response};
use karya_domain::milestones::{MilestoneBasis, MilestoneKey, Quarter};
use karya_store::StoreError;
use karya_store::cases;
use karya_store::evaluations::{self, Evaluation};
use karya_store::ids::CaseId;
use serde::Deserialize;

use super::{RecordForm, page_with_errors, today_in};
use crate::app::AppState;
use crate::auth::Authority;
use crate::error::WebError;
use crate::forms::{self, FormErrors};
use crate::page::Ui;
use crate::routes::path_id;

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
    authority: Authority,
    Path(id): Path<String>,
    Form(form): Form<EvaluationForm>,
) -> Result<Response, WebError> {
    let grant = authority.evaluate_cases()?;
    let t = ui.t();
    let case = cases::get(&state.store, grant.scope, CaseId(path_id(&id)?)).await?;
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
            day: today_in(&case),
            by: authority.user().id,
            note: &note,
        };
        match evaluations::record(
            &state.store,
            &authority.case_actor(grant),
            grant.scope,
            case.id,
            &evaluation,
        )
        .await
        {
            Ok(()) | Err(StoreError::Duplicate(_)) => {
                return Ok(
                    Redirect::to(&format!("/cases/{}?done=evaluation", case.id.0)).into_response(),
                );
            }
            Err(other) => return Err(other.into()),
        }
    }
    page_with_errors(
        &state,
        &ui,
        &authority,
        &case,
        RecordForm::default(),
        errors,
    )
    .await
}

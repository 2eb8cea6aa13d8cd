//! Recording an evaluation at a milestone of M4 from the case page: the obstacles, the
//! supports, the success indicators (a)–(c) and (d) the lessons, refused by the domain with
//! M4 when a part is missing, the form shown again with what was typed.

use axum::Form;
use axum::extract::State;
use axum::response::{IntoResponse, Redirect, Response};
use karya_domain::evaluation::{Assessment, Finding, Indicator};
use karya_domain::milestones::{MilestoneBasis, MilestoneKey, Quarter};
use karya_store::StoreError;
use karya_store::evaluations::{self, Evaluation, EvaluationError};

use super::{RecordForm, page_with_errors, today_in};
use crate::app::AppState;
use crate::auth::{CaseOf, can};
use crate::error::WebError;
use crate::forms::{FormErrors, Pairs};
use crate::page::Ui;
use crate::views;

/// The form's field for a domain field of the assessment.
pub fn field(domain: &str) -> &'static str {
    match domain {
        "obstacles" => "e_obstacles",
        "supports" => "e_supports",
        "lessons" => "e_lessons",
        "a" => "e_a",
        "b" => "e_b",
        "c" => "e_c",
        _ => "milestones",
    }
}

pub async fn record(
    State(state): State<AppState>,
    ui: Ui,
    access: CaseOf<can::EvaluateCases>,
    Form(form): Form<Pairs>,
) -> Result<Response, WebError> {
    let case = access.case();
    let basis = match form.get("basis") {
        "hours" => MilestoneBasis::Hours,
        "window" => MilestoneBasis::Window,
        _ => return Err(WebError::BadRequest),
    };
    let quarter = match form.get("quarter") {
        "1" => Quarter::One,
        "2" => Quarter::Two,
        "3" => Quarter::Three,
        _ => return Err(WebError::BadRequest),
    };
    let finding = |indicator: Indicator| Finding::parse(form.get(field(indicator.letter())));
    let assessment = Assessment {
        obstacles: form.get("e_obstacles").to_owned(),
        supports: form.get("e_supports").to_owned(),
        findings: Indicator::ALL.map(finding),
        lessons: form.get("e_lessons").to_owned(),
    };
    let evaluation = Evaluation {
        key: MilestoneKey { basis, quarter },
        day: today_in(&state, case),
        by: access.user().id,
        assessment: &assessment,
        note: form.get("note"),
    };
    let mut errors = FormErrors::default();
    match evaluations::record(&state.store, &access, &evaluation).await {
        Ok(()) | Err(EvaluationError::Store(StoreError::Duplicate(_))) => {
            return Ok(
                Redirect::to(&format!("/cases/{}?done=evaluation#milestones", case.id.0))
                    .into_response(),
            );
        }
        Err(EvaluationError::Rules(found)) => {
            for v in found.iter() {
                errors.add(field(v.field), views::violation_message(ui.lang, v));
            }
        }
        Err(EvaluationError::Store(other)) => return Err(other.into()),
    }
    page_with_errors(&state, &ui, &access, RecordForm::keeping(&form), errors).await
}

//! The PK appointment under `/api/v1` (§2.2.3): the same three steps as the case page,
//! each by its official. A refused step answers problem+json naming the step.

use axum::Json;
use axum::extract::State;
use axum::response::{IntoResponse, Response};
use karya_domain::appointment::Step;
use karya_store::appointments::{self, AppointError, StepInput};
use karya_store::ids::UserId;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use super::api_intake::case_error;
use crate::api_json::ApiJson;
use crate::app::AppState;
use crate::auth::{CaseOf, can};
use crate::error::{Problem, RuleProblem, WebError};
use crate::i18n::Lang;

#[derive(Deserialize, ToSchema)]
pub struct AppointmentStepIn {
    /// `dispose` (head of office), `draft` (head of administration, with `pk_user_id`) or
    /// `sign` (head of office).
    pub step: String,
    #[serde(default)]
    pub note: String,
    pub pk_user_id: Option<i64>,
}

#[derive(Serialize, ToSchema)]
pub struct AppointmentOut {
    pub id: i64,
    /// `disposed`, `drafted` or `signed`.
    pub stage: &'static str,
    pub note: String,
    pub pk_user_id: Option<i64>,
    pub pk_name: Option<String>,
    pub disposed_at: String,
    pub drafted_at: Option<String>,
    pub signed_at: Option<String>,
}

fn refused(field: &str, message: &str) -> WebError {
    WebError::Rules(vec![RuleProblem {
        rule: "appointment".into(),
        field: field.into(),
        message: message.into(),
        reason: None,
    }])
}

/// Performs one step of the PK appointment; answers the case's appointments, newest first.
#[utoipa::path(post, path = "/api/v1/cases/{id}/appointment", tag = "intake", params(("id" = i64, Path)), request_body = AppointmentStepIn,
    responses((status = 200, body = [AppointmentOut]), (status = 422, description = "a step out of order or by another official", body = Problem, content_type = "application/problem+json")),
    security(("bearer" = [])))]
pub async fn perform(
    State(state): State<AppState>,
    access: CaseOf<can::AppointOfficers>,
    ApiJson(body): ApiJson<AppointmentStepIn>,
) -> Result<Response, WebError> {
    let _case = access.case();
    let step = Step::parse(&body.step)
        .ok_or_else(|| refused("step", "step must be dispose, draft or sign"))?;
    let input = StepInput {
        note: body.note.trim().chars().take(500).collect(),
        pk: body.pk_user_id.map(UserId),
    };
    match appointments::perform(&state.store, &access, step, &input).await {
        Ok(()) => {}
        Err(AppointError::Refused(refusal)) => return Err(refused("step", Lang::En.say(&refusal))),
        Err(AppointError::NoOfficer) => {
            return Err(refused(
                "pk_user_id",
                "choose an active PK of the case's office",
            ));
        }
        Err(AppointError::Case(error)) => return Err(case_error(error)),
    }
    let list = appointments::for_case(&state.store, &access)
        .await?
        .into_iter()
        .map(|a| AppointmentOut {
            id: a.id,
            stage: match a.stage() {
                None => "signed",
                Some(karya_domain::appointment::Stage::Drafted) => "drafted",
                Some(karya_domain::appointment::Stage::Disposed) => "disposed",
            },
            note: a.note,
            pk_user_id: a.pk_user_id,
            pk_name: a.pk_name,
            disposed_at: a.disposed_at,
            drafted_at: a.drafted_at,
            signed_at: a.signed_at,
        })
        .collect::<Vec<_>>();
    Ok(Json(list).into_response())
}

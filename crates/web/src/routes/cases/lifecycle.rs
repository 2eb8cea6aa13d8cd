//! Moving a case through its lifecycle from the case page. The domain decides whether the
//! caller's roles and the case's facts allow it; a refusal is shown with its reason.

use axum::Form;
use axum::extract::{Path, State};
use axum::response::{IntoResponse, Redirect, Response};
use karya_domain::{Transition, allowed_transitions};
use karya_store::cases::{self, CaseError, TransitionRefs};
use karya_store::ids::CaseId;
use serde::Deserialize;

use super::{RecordForm, page_with_errors};
use crate::app::AppState;
use crate::auth::Authority;
use crate::error::WebError;
use crate::forms::{self, FormErrors};
use crate::page::Ui;
use crate::routes::path_id;

#[derive(Deserialize)]
pub struct TransitionForm {
    #[serde(default)]
    transition: String,
    #[serde(default)]
    death_certificate_ref: String,
    #[serde(default)]
    sanction_letter_ref: String,
    #[serde(default)]
    pk_user_id: String,
}

pub async fn apply(
    State(state): State<AppState>,
    ui: Ui,
    authority: Authority,
    Path(id): Path<String>,
    Form(form): Form<TransitionForm>,
) -> Result<Response, WebError> {
    let grant = authority.read_cases()?;
    let t = ui.t();
    let case = cases::get(&state.store, grant.scope, CaseId(path_id(&id)?)).await?;
    let transition: Transition = *allowed_transitions(case.status)
        .iter()
        .filter(|candidate| !super::page::DEDICATED.contains(candidate))
        .find(|candidate| candidate.as_str() == form.transition)
        .ok_or(WebError::BadRequest)?;
    let mut errors = FormErrors::default();
    let optional = |errors: &mut FormErrors, field: &'static str, value: &str| {
        let value = forms::text(errors, t, field, value, 100, false);
        (!value.is_empty()).then_some(value)
    };
    let refs = TransitionRefs {
        death_certificate_ref: optional(
            &mut errors,
            "death_certificate_ref",
            &form.death_certificate_ref,
        ),
        sanction_letter_ref: optional(
            &mut errors,
            "sanction_letter_ref",
            &form.sanction_letter_ref,
        ),
        pk: form
            .pk_user_id
            .trim()
            .parse::<i64>()
            .ok()
            .map(karya_store::ids::UserId),
    };
    let roles = authority.user().roles.clone();
    let actor = authority.case_actor(grant);
    if errors.is_empty() {
        match cases::transition(
            &state.store,
            &actor,
            grant.scope,
            case.id,
            transition,
            &roles,
            &refs,
        )
        .await
        {
            Ok(_) => {
                return Ok(
                    Redirect::to(&format!("/cases/{}?done=transition", case.id.0)).into_response(),
                );
            }
            Err(CaseError::NoOfficer) => errors.add("pk_user_id", t.pk_invalid),
            Err(error) => forms::add_refusal(&mut errors, ui.lang, t, "transitions", error)?,
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

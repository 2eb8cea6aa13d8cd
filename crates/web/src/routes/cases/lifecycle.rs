//! Moving a case through its lifecycle from the case page. The domain decides whether the
//! caller's roles and the case's facts allow it; a refusal is shown with its reason.

use axum::Form;
use axum::extract::State;
use axum::response::{IntoResponse, Redirect, Response};
use karya_domain::{Transition, allowed_transitions};
use karya_store::cases::{self, CaseError, TransitionRefs};
use serde::Deserialize;

use super::{RecordForm, page_with_errors};
use crate::app::AppState;
use crate::auth::{CaseOf, can};
use crate::error::WebError;
use crate::forms::{self, FormErrors};
use crate::page::Ui;

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
    access: CaseOf<can::ActOnLifecycle>,
    Form(form): Form<TransitionForm>,
) -> Result<Response, WebError> {
    let t = ui.t();
    let case = access.case();
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
    if errors.is_empty() {
        match cases::transition(&state.store, &access, transition, &refs).await {
            Ok(_) => {
                return Ok(
                    Redirect::to(&format!("/cases/{}?done=transition", case.id.0)).into_response(),
                );
            }
            Err(CaseError::NoOfficer) => errors.add("pk_user_id", t.pk_invalid),
            Err(error) => forms::add_refusal(&mut errors, ui.lang, t, "transitions", error)?,
        }
    }
    page_with_errors(&state, &ui, &access, RecordForm::default(), errors).await
}

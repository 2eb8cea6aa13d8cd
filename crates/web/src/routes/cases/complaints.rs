//! Complaints from the case page (§1.6): the client writes one; it reaches the head of office's
//! start page, where the head marks it read.

use axum::Form;
use axum::extract::{Path, State};
use axum::response::{IntoResponse, Redirect, Response};
use karya_domain::Role;
use karya_store::cases;
use karya_store::complaints;
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
pub struct ComplaintForm {
    #[serde(default)]
    body: String,
}

pub async fn file(
    State(state): State<AppState>,
    ui: Ui,
    authority: Authority,
    Path(id): Path<String>,
    Form(form): Form<ComplaintForm>,
) -> Result<Response, WebError> {
    let grant = authority.case_grant(&[Role::Client])?;
    let case = cases::get(&state.store, grant.scope, CaseId(path_id(&id)?)).await?;
    let mut errors = FormErrors::default();
    let body = forms::text(
        &mut errors,
        ui.t(),
        "complaint",
        &form.body.replace(['\r', '\n'], " "),
        2000,
        true,
    );
    if errors.is_empty() {
        complaints::file(
            &state.store,
            &authority.case_actor(grant),
            grant.scope,
            case.id,
            &body,
        )
        .await?;
        return Ok(
            Redirect::to(&format!("/cases/{}?done=complaint#complaint", case.id.0)).into_response(),
        );
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

pub async fn mark_read(
    State(state): State<AppState>,
    authority: Authority,
    Path(id): Path<String>,
) -> Result<Response, WebError> {
    let grant = authority.grant(&[Role::HeadOfOffice])?;
    let office = authority.office().ok_or(WebError::Forbidden)?;
    complaints::mark_read(&state.store, &authority.actor(grant), office, path_id(&id)?).await?;
    Ok(Redirect::to("/#complaints").into_response())
}

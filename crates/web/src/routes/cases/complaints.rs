//! Complaints from the case page (§1.6): the client writes one; it reaches the head of office's
//! start page, where the head marks it read.

use axum::Form;
use axum::extract::{Path, State};
use axum::response::{IntoResponse, Redirect, Response};
use karya_domain::Permission;
use karya_store::complaints;

use super::{RecordForm, page_with_errors};
use crate::app::AppState;
use crate::auth::{Authority, CaseOf, can};
use crate::error::WebError;
use crate::forms::{self, FormErrors, Pairs};
use crate::page::Ui;
use crate::routes::path_id;

pub async fn file(
    State(state): State<AppState>,
    ui: Ui,
    access: CaseOf<can::FileComplaints>,
    Form(form): Form<Pairs>,
) -> Result<Response, WebError> {
    let case = access.case();
    let mut errors = FormErrors::default();
    let body = forms::text(
        &mut errors,
        ui.t(),
        "complaint",
        &form.get("complaint").replace(['\r', '\n'], " "),
        2000,
        true,
    );
    if errors.is_empty() {
        complaints::file(&state.store, &access, &body).await?;
        return Ok(
            Redirect::to(&format!("/cases/{}?done=complaint#complaint", case.id.0)).into_response(),
        );
    }
    page_with_errors(&state, &ui, &access, RecordForm::keeping(&form), errors).await
}

pub async fn mark_read(
    State(state): State<AppState>,
    authority: Authority,
    Path(id): Path<String>,
) -> Result<Response, WebError> {
    let office = authority.office(Permission::ReadComplaints)?;
    complaints::mark_read(&state.store, &office, path_id(&id)?).await?;
    Ok(Redirect::to("/#complaints").into_response())
}

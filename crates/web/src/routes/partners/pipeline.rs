//! Recording the identification steps (§2.1.2 a–d) and the cooperation agreement (PKS) of a
//! partner; a refused step is shown beside its field with the rule's ID.

use axum::Form;
use axum::extract::{Path, State};
use axum::response::{IntoResponse, Redirect, Response};
use jiff::civil::Date;
use karya_domain::partner::Stage;
use karya_store::ids::PartnerId;
use karya_store::partners::{self, PartnerError};

use super::form::{page, pipeline};
use crate::app::AppState;
use crate::auth::Authority;
use crate::error::WebError;
use crate::forms::{self, FormErrors, Pairs};
use crate::page::{Ui, render};
use crate::routes::path_id;
use crate::views;
use karya_domain::Permission;

fn date(
    errors: &mut FormErrors,
    t: &crate::i18n::Catalog,
    field: &'static str,
    value: &str,
) -> Option<Date> {
    let parsed = value.trim().parse::<Date>().ok();
    if parsed.is_none() {
        errors.add(field, t.date_invalid);
    }
    parsed
}

pub(super) async fn refused(
    state: &AppState,
    ui: &Ui,
    authority: &Authority,
    id: PartnerId,
    errors: FormErrors,
) -> Result<Response, WebError> {
    let office = authority.office(Permission::ReadPartners)?;
    let partner = partners::get(&state.store, &office, id).await?;
    let pipeline = pipeline(state, ui, authority, &partner).await?;
    let form = super::form::pairs_of_partner(&partner);
    let mut response = render(&page(
        ui,
        &partner.fields.name,
        format!("/partners/{}", id.0),
        form,
        errors,
        authority.may(Permission::ManagePartners),
        Some(pipeline),
    ))?;
    *response.status_mut() = axum::http::StatusCode::UNPROCESSABLE_ENTITY;
    Ok(response)
}

fn add_error(errors: &mut FormErrors, ui: &Ui, error: PartnerError) -> Result<(), WebError> {
    match error {
        PartnerError::Rule(violation) => {
            let field = if violation.field == "non_commercial" {
                "agreement_number"
            } else {
                "step_note"
            };
            errors.add(field, views::violation_message(ui.lang, &violation));
            Ok(())
        }
        PartnerError::Store(error) => Err(error.into()),
    }
}

pub async fn step(
    State(state): State<AppState>,
    ui: Ui,
    authority: Authority,
    Path(id): Path<String>,
    Form(form): Form<Pairs>,
) -> Result<Response, WebError> {
    let office = authority.office(Permission::ManagePartners)?;
    let id = PartnerId(path_id(&id)?);
    let t = ui.t();
    let mut errors = FormErrors::default();
    let to = Stage::parse(form.get("stage")).ok_or(WebError::BadRequest)?;
    let note = forms::text(
        &mut errors,
        t,
        "step_note",
        form.get("note"),
        2000,
        to == Stage::Visited,
    );
    let done_on = date(&mut errors, t, "step_date", form.get("done_on"));
    if let (true, Some(done_on)) = (errors.is_empty(), done_on) {
        match partners::record_step(&state.store, &office, id, to, &note, done_on).await {
            Ok(()) => {
                return Ok(
                    Redirect::to(&format!("/partners/{}?done=partner#pipeline", id.0))
                        .into_response(),
                );
            }
            Err(error) => add_error(&mut errors, &ui, error)?,
        }
    }
    refused(&state, &ui, &authority, id, errors).await
}

pub async fn agreement(
    State(state): State<AppState>,
    ui: Ui,
    authority: Authority,
    Path(id): Path<String>,
    Form(form): Form<Pairs>,
) -> Result<Response, WebError> {
    let office = authority.office(Permission::SignAgreements)?;
    let id = PartnerId(path_id(&id)?);
    let t = ui.t();
    let mut errors = FormErrors::default();
    let number = forms::text(
        &mut errors,
        t,
        "agreement_number",
        form.get("number"),
        100,
        true,
    );
    let starts = date(&mut errors, t, "agreement_start", form.get("starts_on"));
    let ends = date(&mut errors, t, "agreement_end", form.get("ends_on"));
    if let (true, Some(starts), Some(ends)) = (errors.is_empty(), starts, ends) {
        match partners::record_agreement(&state.store, &office, id, &number, starts, ends).await {
            Ok(()) => {
                return Ok(
                    Redirect::to(&format!("/partners/{}?done=agreement#pipeline", id.0))
                        .into_response(),
                );
            }
            Err(error) => add_error(&mut errors, &ui, error)?,
        }
    }
    refused(&state, &ui, &authority, id, errors).await
}

/// The head of office adds a supervisor (PJ) login bound to the partner; the temporary
/// password is shown once, to be handed over to the supervisor.
pub async fn supervisor(
    State(state): State<AppState>,
    ui: Ui,
    authority: Authority,
    Path(id): Path<String>,
    Form(form): Form<Pairs>,
) -> Result<Response, WebError> {
    let office = authority.office(Permission::SignAgreements)?;
    let id = PartnerId(path_id(&id)?);
    let partner = partners::get(&state.store, &office, id).await?;
    let t = ui.t();
    let mut errors = FormErrors::default();
    let name = forms::text(
        &mut errors,
        t,
        "supervisor_name",
        form.get("supervisor_name"),
        120,
        true,
    );
    let username = form.get("supervisor_username").trim().to_lowercase();
    if !forms::is_identifier(&username, 3, 40, &['.', '-', '_']) {
        errors.add("supervisor_username", t.username_invalid);
    }
    if errors.is_empty() {
        let password = crate::auth::password::temporary();
        let user = karya_store::users::NewUser {
            username: username.clone(),
            display_name: name,
            nip: None,
            password_hash: crate::auth::password::hash(password.clone()).await?,
            temporary_password: true,
            binding: karya_store::users::Binding {
                partner: Some(partner.id),
                ..karya_store::users::Binding::default()
            },
            roles: vec![karya_domain::Role::SiteSupervisor],
        };
        match karya_store::users::create_user(&state.store, office.actor(), &user, None).await {
            Ok(_) => {
                let partner = partners::get(&state.store, &office, id).await?;
                let pipeline = pipeline(&state, &ui, &authority, &partner).await?;
                let mut page = page(
                    &ui,
                    &partner.fields.name,
                    format!("/partners/{}", id.0),
                    super::form::pairs_of_partner(&partner),
                    FormErrors::default(),
                    authority.may(Permission::ManagePartners),
                    Some(pipeline),
                );
                let notice = crate::i18n::fill(
                    t.supervisor_created,
                    &[("username", &username), ("password", &password)],
                );
                page.page = page.page.with_notice(Some(&notice));
                return render(&page);
            }
            Err(karya_store::StoreError::Duplicate(_)) => {
                errors.add("supervisor_username", t.duplicate_username)
            }
            Err(other) => return Err(other.into()),
        }
    }
    refused(&state, &ui, &authority, id, errors).await
}

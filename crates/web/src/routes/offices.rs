//! Offices (Bapas): the national admin creates and edits them; national and regional
//! managers read the list of their scope. Edits are guarded by the version the editor saw.

use askama::Template;
use axum::Form;
use axum::extract::{Path, Query, State};
use axum::response::{IntoResponse, Redirect, Response};
use karya_domain::OfficeZone;
use karya_store::StoreError;
use karya_store::form_tokens;
use karya_store::ids::{OfficeId, RegionId};
use karya_store::orgs::{self, Office, OfficeFields, Region};
use serde::Deserialize;

use super::path_id;
use crate::app::AppState;
use crate::auth::Authority;
use crate::error::WebError;
use crate::forms::{self, FormErrors};
use crate::i18n::Catalog;
use crate::page::{Page, Ui, render};
use karya_domain::Permission;

#[derive(Template)]
#[template(path = "offices.html")]
struct OfficesPage {
    page: Page,
    offices: Vec<Office>,
    can_manage: bool,
}

pub async fn list(
    State(state): State<AppState>,
    ui: Ui,
    authority: Authority,
    Query(saved): Query<crate::page::Saved>,
) -> Result<Response, WebError> {
    let grant = authority.grant(Permission::ReadOffices)?;
    let t = ui.t();
    render(&OfficesPage {
        page: ui.page(t.offices_title).with_notice(saved.notice(t)),
        offices: orgs::list_offices(&state.store, grant.scope()).await?,
        can_manage: authority.may(Permission::ManageOffices),
    })
}

/// The office form as typed: every field is text until it is checked.
#[derive(Deserialize, Default, Clone)]
pub struct OfficeForm {
    #[serde(default)]
    code: String,
    #[serde(default)]
    name: String,
    #[serde(default)]
    region_id: String,
    #[serde(default)]
    address: String,
    #[serde(default)]
    phone: String,
    #[serde(default)]
    email: String,
    #[serde(default)]
    time_zone: String,
    #[serde(default)]
    letter_code: String,
    #[serde(default)]
    progress_report_months: String,
    #[serde(default)]
    version: String,
    #[serde(default, rename = "_once")]
    once: String,
}

impl OfficeForm {
    fn from_office(office: &Office) -> OfficeForm {
        OfficeForm {
            code: office.code.clone(),
            name: office.name.clone(),
            region_id: office.region_id.to_string(),
            address: office.address.clone(),
            phone: office.phone.clone(),
            email: office.email.clone(),
            time_zone: office.time_zone.clone(),
            letter_code: office.letter_code.clone(),
            progress_report_months: office.progress_report_months.to_string(),
            version: office.version.to_string(),
            once: String::new(),
        }
    }

    fn check(&self, t: &Catalog, regions: &[Region]) -> Result<OfficeFields, FormErrors> {
        let mut errors = FormErrors::default();
        let code = forms::text(&mut errors, t, "code", &self.code, 20, true);
        if !code.is_empty()
            && !forms::is_identifier(&code, 2, 20, &['-'])
            && errors.get("code").is_empty()
        {
            errors.add("code", t.office_code_invalid);
        }
        let letter_code = forms::text(&mut errors, t, "letter_code", &self.letter_code, 40, false);
        if !karya_domain::numbering::is_letter_code(&letter_code)
            && errors.get("letter_code").is_empty()
        {
            errors.add("letter_code", t.office_letter_code_invalid);
        }
        // S4: reports at least every six months; blank is the default, monthly.
        let months = match self.progress_report_months.trim() {
            "" => Some(karya_domain::progress_report::DEFAULT_PERIOD_MONTHS),
            text => text
                .parse::<u8>()
                .ok()
                .filter(|m| (1..=karya_domain::progress_report::MAX_PERIOD_MONTHS).contains(m)),
        };
        if months.is_none() {
            errors.add("progress_report_months", t.office_progress_months_invalid);
        }
        let name = forms::text(&mut errors, t, "name", &self.name, 200, true);
        let region = self
            .region_id
            .trim()
            .parse::<i64>()
            .ok()
            .filter(|id| regions.iter().any(|r| r.id == *id));
        if region.is_none() {
            errors.add("region_id", t.region_invalid);
        }
        let address = forms::text(&mut errors, t, "address", &self.address, 300, true);
        let phone = forms::text(&mut errors, t, "phone", &self.phone, 40, true);
        let email = forms::text(&mut errors, t, "email", &self.email, 200, true);
        if !email.is_empty() && !forms::is_email(&email) && errors.get("email").is_empty() {
            errors.add("email", t.email_invalid);
        }
        let time_zone = OfficeZone::parse(self.time_zone.trim());
        if time_zone.is_none() {
            errors.add("time_zone", t.time_zone_invalid);
        }
        match (region, time_zone, months) {
            (Some(region), Some(time_zone), Some(progress_report_months)) if errors.is_empty() => {
                Ok(OfficeFields {
                    region_id: RegionId(region),
                    code,
                    name,
                    address,
                    phone,
                    email,
                    time_zone,
                    letter_code,
                    progress_report_months,
                })
            }
            _ => Err(errors),
        }
    }
}

#[derive(Template)]
#[template(path = "office_form.html")]
struct OfficeFormPage {
    page: Page,
    errors: FormErrors,
    form: OfficeForm,
    regions: Vec<Region>,
    zones: Vec<(&'static str, String)>,
    action: String,
    once: String,
}

async fn form_page(
    state: &AppState,
    ui: &Ui,
    title: &str,
    action: String,
    form: OfficeForm,
    errors: FormErrors,
) -> Result<Response, WebError> {
    let zones = OfficeZone::ALL
        .iter()
        .map(|zone| {
            (
                zone.iana_name(),
                format!("{} ({})", zone.abbreviation(), zone.iana_name()),
            )
        })
        .collect();
    let invalid = !errors.is_empty();
    let mut response = render(&OfficeFormPage {
        page: ui.page(title),
        errors,
        once: form.once.clone(),
        form,
        regions: orgs::list_regions(&state.store).await?,
        zones,
        action,
    })?;
    if invalid {
        *response.status_mut() = axum::http::StatusCode::UNPROCESSABLE_ENTITY;
    }
    Ok(response)
}

pub async fn new_form(
    State(state): State<AppState>,
    ui: Ui,
    authority: Authority,
) -> Result<Response, WebError> {
    authority.grant(Permission::ManageOffices)?;
    let once = form_tokens::issue(&state.store, authority.user().id, state.store.now_ms()).await?;
    let form = OfficeForm {
        version: "0".into(),
        once,
        ..OfficeForm::default()
    };
    form_page(
        &state,
        &ui,
        ui.t().office_new,
        "/admin/offices".into(),
        form,
        FormErrors::default(),
    )
    .await
}

pub async fn create(
    State(state): State<AppState>,
    ui: Ui,
    authority: Authority,
    Form(form): Form<OfficeForm>,
) -> Result<Response, WebError> {
    let grant = authority.grant(Permission::ManageOffices)?;
    let t = ui.t();
    let regions = orgs::list_regions(&state.store).await?;
    let fields = match form.check(t, &regions) {
        Ok(fields) => fields,
        Err(errors) => {
            return form_page(
                &state,
                &ui,
                t.office_new,
                "/admin/offices".into(),
                form,
                errors,
            )
            .await;
        }
    };
    let once = crate::forms::once(authority.user().id, &form.once);
    match orgs::create_office(&state.store, &grant.actor(), &fields, once).await {
        Ok(_) | Err(StoreError::Repeated(Some(_))) => {
            Ok(Redirect::to("/admin/offices?saved=1").into_response())
        }
        Err(error @ (StoreError::Duplicate(_) | StoreError::Repeated(None))) => {
            let mut errors = FormErrors::default();
            let message = match error {
                StoreError::Duplicate(_) => t.duplicate_code,
                _ => t.already_submitted,
            };
            errors.add("code", message);
            form_page(
                &state,
                &ui,
                t.office_new,
                "/admin/offices".into(),
                form,
                errors,
            )
            .await
        }
        Err(other) => Err(other.into()),
    }
}

pub async fn edit_form(
    State(state): State<AppState>,
    ui: Ui,
    authority: Authority,
    Path(id): Path<String>,
) -> Result<Response, WebError> {
    let grant = authority.grant(Permission::ManageOffices)?;
    let id = OfficeId(path_id(&id)?);
    let office = orgs::get_office(&state.store, grant.scope(), id).await?;
    let action = format!("/admin/offices/{}", id.0);
    form_page(
        &state,
        &ui,
        ui.t().office_edit,
        action,
        OfficeForm::from_office(&office),
        FormErrors::default(),
    )
    .await
}

pub async fn update(
    State(state): State<AppState>,
    ui: Ui,
    authority: Authority,
    Path(id): Path<String>,
    Form(form): Form<OfficeForm>,
) -> Result<Response, WebError> {
    let grant = authority.grant(Permission::ManageOffices)?;
    let t = ui.t();
    let id = OfficeId(path_id(&id)?);
    let current = orgs::get_office(&state.store, grant.scope(), id).await?;
    let action = format!("/admin/offices/{}", id.0);
    let regions = orgs::list_regions(&state.store).await?;
    let fields = match form.check(t, &regions) {
        Ok(fields) => fields,
        Err(errors) => return form_page(&state, &ui, t.office_edit, action, form, errors).await,
    };
    let version = form
        .version
        .trim()
        .parse::<i64>()
        .map_err(|_| WebError::BadRequest)?;
    let mut errors = FormErrors::default();
    match orgs::update_office(&state.store, &grant.actor(), id, version, &fields).await {
        Ok(()) => return Ok(Redirect::to("/admin/offices?saved=1").into_response()),
        Err(StoreError::Duplicate(_)) => errors.add("code", t.duplicate_code),
        Err(StoreError::Conflict) => {
            // Show what is stored now, so the editor can re-apply their change knowingly.
            errors.add("code", t.conflict);
            let latest = OfficeForm::from_office(&current);
            return form_page(&state, &ui, t.office_edit, action, latest, errors).await;
        }
        Err(other) => return Err(other.into()),
    }
    form_page(&state, &ui, t.office_edit, action, form, errors).await
}

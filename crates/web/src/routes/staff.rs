//! Staff management: the national admin manages everyone; a head of office manages the
//! staff of their own office and may assign every office role except head of office.
//! Other people's accounts (supervisors, clients, prosecutors) are bound to partners,
//! persons and prosecutors' offices and are made by their own flows.

use askama::Template;
use axum::Form;
use axum::extract::{Path, Query, State};
use axum::response::{IntoResponse, Redirect, Response};
use karya_domain::Role;
use karya_store::StoreError;
use karya_store::form_tokens;
use karya_store::ids::{OfficeId, UserId};
use karya_store::orgs::{self, Office};
use karya_store::users::{self, Binding, NewUser, User};
use serde::Deserialize;

use super::path_id;
use crate::app::AppState;
use crate::auth::{Authority, password};
use crate::error::WebError;
use crate::forms::{self, FormErrors};
use crate::i18n::Catalog;
use crate::page::{Page, Ui, render};
use karya_domain::Permission;
use karya_store::access::Grant;

const OFFICE_ROLES: [Role; 6] = [
    Role::IntakeOfficer,
    Role::RegistryOfficer,
    Role::Pk,
    Role::HeadOfAdmin,
    Role::HeadOfOffice,
    Role::TppMember,
];

/// The roles this grant may hand out.
fn assignable(grant: &Grant) -> Vec<Role> {
    OFFICE_ROLES
        .into_iter()
        .filter(|role| grant.role() == Role::Admin || *role != Role::HeadOfOffice)
        .collect()
}

pub struct StaffRow {
    id: i64,
    username: String,
    display_name: String,
    office: String,
    roles: String,
    disabled: bool,
}

#[derive(Template)]
#[template(path = "staff.html")]
struct StaffPage {
    page: Page,
    staff: Vec<StaffRow>,
}

pub async fn list(
    State(state): State<AppState>,
    ui: Ui,
    authority: Authority,
    Query(saved): Query<crate::page::Saved>,
) -> Result<Response, WebError> {
    let grant = authority.grant(Permission::ManageStaff)?;
    let t = ui.t();
    let offices = orgs::list_offices(&state.store, grant.scope()).await?;
    let office_name = |id: Option<OfficeId>| {
        id.and_then(|id| offices.iter().find(|o| o.id == id.0))
            .map_or(String::new(), |o| o.code.clone())
    };
    let staff = users::list_users(&state.store, grant.scope())
        .await?
        .into_iter()
        .map(|user| StaffRow {
            id: user.id.0,
            office: office_name(user.binding.office),
            roles: user
                .roles
                .iter()
                .map(|r| t.role(*r))
                .collect::<Vec<_>>()
                .join(", "),
            username: user.username,
            display_name: user.display_name,
            disabled: user.disabled,
        })
        .collect();
    render(&StaffPage {
        page: ui.page(t.staff_title).with_notice(saved.notice(t)),
        staff,
    })
}

/// The staff form as typed. Read from pairs because `roles` repeats.
#[derive(Default, Clone)]
pub struct StaffForm {
    username: String,
    display_name: String,
    nip: String,
    office_id: String,
    password: String,
    roles: Vec<String>,
    version: String,
    once: String,
}

impl StaffForm {
    fn from_pairs(pairs: Vec<(String, String)>) -> StaffForm {
        let mut form = StaffForm::default();
        for (key, value) in pairs {
            match key.as_str() {
                "username" => form.username = value,
                "display_name" => form.display_name = value,
                "nip" => form.nip = value,
                "office_id" => form.office_id = value,
                "password" => form.password = value,
                "roles" => form.roles.push(value),
                "version" => form.version = value,
                "_once" => form.once = value,
                _ => {}
            }
        }
        form
    }

    fn from_user(user: &User) -> StaffForm {
        StaffForm {
            username: user.username.clone(),
            display_name: user.display_name.clone(),
            nip: user.nip.clone().unwrap_or_default(),
            office_id: user
                .binding
                .office
                .map(|o| o.0.to_string())
                .unwrap_or_default(),
            roles: user.roles.iter().map(|r| r.as_str().to_owned()).collect(),
            version: user.version.to_string(),
            ..StaffForm::default()
        }
    }

    fn chosen_roles(&self, allowed: &[Role]) -> Vec<Role> {
        allowed
            .iter()
            .copied()
            .filter(|role| self.roles.iter().any(|r| r == role.as_str()))
            .collect()
    }

    /// Name and NIP, shared by creating and editing.
    fn check_person(&self, t: &Catalog, errors: &mut FormErrors) -> (String, Option<String>) {
        let display_name = forms::text(errors, t, "display_name", &self.display_name, 120, true);
        let nip: String = self.nip.chars().filter(|c| !c.is_whitespace()).collect();
        if !nip.is_empty() && (nip.len() != 18 || !nip.chars().all(|c| c.is_ascii_digit())) {
            errors.add("nip", t.nip_invalid);
        }
        (display_name, (!nip.is_empty()).then_some(nip))
    }
}

#[derive(Template)]
#[template(path = "staff_form.html")]
struct StaffFormPage {
    page: Page,
    errors: FormErrors,
    form: StaffForm,
    creating: bool,
    offices: Vec<Office>,
    role_choices: Vec<(&'static str, &'static str, bool)>,
    action: String,
    once: String,
    /// (value to post, current status, button label) for the disable/enable form.
    status_action: Option<(&'static str, &'static str, &'static str)>,
    /// The user has a second factor and the viewer may reset it (issue 12, item 8).
    second_factor_reset: bool,
}

struct FormView<'a> {
    title: &'a str,
    action: String,
    creating: bool,
    status_action: Option<(&'static str, &'static str, &'static str)>,
    second_factor_reset: bool,
}

async fn form_page(
    state: &AppState,
    ui: &Ui,
    grant: &Grant,
    view: FormView<'_>,
    form: StaffForm,
    errors: FormErrors,
) -> Result<Response, WebError> {
    let t = ui.t();
    let role_choices = assignable(grant)
        .into_iter()
        .map(|role| {
            (
                role.as_str(),
                t.role(role),
                form.roles.iter().any(|r| r == role.as_str()),
            )
        })
        .collect();
    let invalid = !errors.is_empty();
    let mut response = render(&StaffFormPage {
        page: ui.page(view.title),
        errors,
        once: form.once.clone(),
        creating: view.creating,
        offices: orgs::list_offices(&state.store, grant.scope()).await?,
        role_choices,
        action: view.action,
        status_action: view.status_action,
        second_factor_reset: view.second_factor_reset,
        form,
    })?;
    if invalid {
        *response.status_mut() = axum::http::StatusCode::UNPROCESSABLE_ENTITY;
    }
    Ok(response)
}

fn new_view(t: &Catalog) -> FormView<'_> {
    FormView {
        title: t.staff_new,
        action: "/admin/staff".into(),
        creating: true,
        status_action: None,
        second_factor_reset: false,
    }
}

pub async fn new_form(
    State(state): State<AppState>,
    ui: Ui,
    authority: Authority,
) -> Result<Response, WebError> {
    let grant = authority.grant(Permission::ManageStaff)?;
    let once = form_tokens::issue(&state.store, authority.user().id, state.store.now_ms()).await?;
    let form = StaffForm {
        once,
        version: "0".into(),
        ..StaffForm::default()
    };
    form_page(
        &state,
        &ui,
        &grant,
        new_view(ui.t()),
        form,
        FormErrors::default(),
    )
    .await
}

pub async fn create(
    State(state): State<AppState>,
    ui: Ui,
    authority: Authority,
    Form(pairs): Form<Vec<(String, String)>>,
) -> Result<Response, WebError> {
    let grant = authority.grant(Permission::ManageStaff)?;
    let t = ui.t();
    let form = StaffForm::from_pairs(pairs);
    let mut errors = FormErrors::default();
    let username = form.username.trim().to_lowercase();
    if !forms::is_identifier(&username, 3, 40, &['.', '-', '_']) {
        errors.add("username", t.username_invalid);
    }
    let (display_name, nip) = form.check_person(t, &mut errors);
    let offices = orgs::list_offices(&state.store, grant.scope()).await?;
    let office = form
        .office_id
        .trim()
        .parse::<i64>()
        .ok()
        .filter(|id| offices.iter().any(|o| o.id == *id));
    if office.is_none() {
        errors.add("office_id", t.office_invalid);
    }
    if let Err(weakness) = password::check_strength(&form.password, &username, &form.display_name) {
        errors.add(
            "password",
            crate::routes::profile::password_refusal(t, weakness),
        );
    }
    let roles = form.chosen_roles(&assignable(&grant));
    if roles.is_empty() {
        errors.add("roles", t.roles_invalid);
    }
    let Some(office) = office.filter(|_| errors.is_empty()) else {
        return form_page(&state, &ui, &grant, new_view(t), form, errors).await;
    };
    let new_user = NewUser {
        username,
        display_name,
        nip,
        password_hash: password::hash(form.password.clone()).await?,
        temporary_password: true,
        binding: Binding {
            office: Some(OfficeId(office)),
            ..Binding::default()
        },
        roles,
    };
    let once = crate::forms::once(authority.user().id, &form.once);
    match users::create_user(&state.store, &grant.actor(), &new_user, once).await {
        Ok(_) | Err(StoreError::Repeated(Some(_))) => {
            Ok(Redirect::to("/admin/staff?saved=1").into_response())
        }
        Err(error @ (StoreError::Duplicate(_) | StoreError::Repeated(None))) => {
            let message = match error {
                StoreError::Duplicate(_) => t.duplicate_username,
                _ => t.already_submitted,
            };
            errors.add("username", message);
            form_page(&state, &ui, &grant, new_view(t), form, errors).await
        }
        Err(other) => Err(other.into()),
    }
}

fn edit_view<'a>(t: &'a Catalog, user: &User, authority: &Authority) -> FormView<'a> {
    let status_action = if user.disabled {
        ("0", t.disabled, t.enable)
    } else {
        ("1", t.active, t.disable)
    };
    FormView {
        title: t.staff_edit,
        action: format!("/admin/staff/{}", user.id.0),
        creating: false,
        status_action: Some(status_action),
        second_factor_reset: user.second_factor && authority.may(Permission::ResetSecondFactors),
    }
}

pub async fn edit_form(
    State(state): State<AppState>,
    ui: Ui,
    authority: Authority,
    Path(id): Path<String>,
) -> Result<Response, WebError> {
    let grant = authority.grant(Permission::ManageStaff)?;
    let user = users::get_user_in(&state.store, grant.scope(), UserId(path_id(&id)?)).await?;
    form_page(
        &state,
        &ui,
        &grant,
        edit_view(ui.t(), &user, &authority),
        StaffForm::from_user(&user),
        FormErrors::default(),
    )
    .await
}

pub async fn update(
    State(state): State<AppState>,
    ui: Ui,
    authority: Authority,
    Path(id): Path<String>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> Result<Response, WebError> {
    let grant = authority.grant(Permission::ManageStaff)?;
    let t = ui.t();
    let user = users::get_user_in(&state.store, grant.scope(), UserId(path_id(&id)?)).await?;
    let mut form = StaffForm::from_pairs(pairs);
    form.username = user.username.clone();
    let mut errors = FormErrors::default();
    let (display_name, nip) = form.check_person(t, &mut errors);
    // Roles this editor may not assign stay as they were.
    let allowed = assignable(&grant);
    let mut roles: Vec<Role> = user
        .roles
        .iter()
        .copied()
        .filter(|role| !allowed.contains(role))
        .collect();
    roles.extend(form.chosen_roles(&allowed));
    roles.sort();
    let needs_office = roles.iter().any(|role| role.is_office_staff());
    if roles.is_empty() || (needs_office && user.binding.office.is_none()) {
        errors.add("roles", t.roles_invalid);
    }
    let mut held = user.roles.clone();
    held.sort();
    if user.id == authority.user().id && roles != held {
        errors.add("roles", t.roles_own);
    }
    let version = form
        .version
        .trim()
        .parse::<i64>()
        .map_err(|_| WebError::BadRequest)?;
    if !errors.is_empty() {
        return form_page(
            &state,
            &ui,
            &grant,
            edit_view(t, &user, &authority),
            form,
            errors,
        )
        .await;
    }
    let actor = grant.actor();
    let changes = users::UserChanges {
        display_name: &display_name,
        nip: nip.as_deref(),
        roles: &roles,
    };
    match users::update_user(
        &state.store,
        &actor,
        grant.scope(),
        user.id,
        version,
        &changes,
    )
    .await
    {
        Ok(()) => Ok(Redirect::to("/admin/staff?saved=1").into_response()),
        Err(StoreError::Conflict) => {
            let latest = users::get_user_in(&state.store, grant.scope(), user.id).await?;
            errors.add("display_name", t.conflict);
            form_page(
                &state,
                &ui,
                &grant,
                edit_view(t, &latest, &authority),
                StaffForm::from_user(&latest),
                errors,
            )
            .await
        }
        Err(other) => Err(other.into()),
    }
}

#[derive(Deserialize)]
pub struct StatusForm {
    #[serde(default)]
    disabled: String,
}

pub async fn set_status(
    State(state): State<AppState>,
    ui: Ui,
    authority: Authority,
    Path(id): Path<String>,
    Form(form): Form<StatusForm>,
) -> Result<Response, WebError> {
    let grant = authority.grant(Permission::ManageStaff)?;
    let t = ui.t();
    let user = users::get_user_in(&state.store, grant.scope(), UserId(path_id(&id)?)).await?;
    let disabled = match form.disabled.as_str() {
        "1" => true,
        "0" => false,
        _ => return Err(WebError::BadRequest),
    };
    if disabled && user.id == authority.user().id {
        let mut errors = FormErrors::default();
        errors.add("display_name", t.cannot_disable_self);
        return form_page(
            &state,
            &ui,
            &grant,
            edit_view(t, &user, &authority),
            StaffForm::from_user(&user),
            errors,
        )
        .await;
    }
    users::set_disabled(
        &state.store,
        &grant.actor(),
        grant.scope(),
        user.id,
        disabled,
    )
    .await?;
    Ok(Redirect::to("/admin/staff?saved=1").into_response())
}

/// The administrator removes a user's second factor (a lost phone); the user enrols again at
/// their next login. Audited by the store (issue 12, item 8).
pub async fn reset_second_factor(
    State(state): State<AppState>,
    authority: Authority,
    Path(id): Path<String>,
) -> Result<Response, WebError> {
    let grant = authority.grant(Permission::ResetSecondFactors)?;
    let user = UserId(path_id(&id)?);
    karya_store::second_factor::reset(&state.store, &grant.actor(), grant.scope(), user).await?;
    Ok(Redirect::to("/admin/staff?saved=1").into_response())
}

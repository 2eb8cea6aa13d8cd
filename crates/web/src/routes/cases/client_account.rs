//! The client's login (issue "serving the hours", item 2): the registry creates it once the
//! person is registered; the temporary password is shown once, on this response only, to be
//! handed over when the client's rights and obligations are explained. It is never logged,
//! never put in a URL and not stored but as its argon2 hash.

use axum::extract::State;
use axum::response::Response;
use karya_domain::Role;
use karya_store::users::{self, Binding, NewUser};

use super::{RecordForm, case_page};
use crate::app::AppState;
use crate::auth::{CaseOf, can};
use crate::error::WebError;
use crate::forms::FormErrors;
use crate::i18n::fill;
use crate::page::{Ui, render};

pub async fn create(
    State(state): State<AppState>,
    ui: Ui,
    access: CaseOf<can::CreateClientAccounts>,
) -> Result<Response, WebError> {
    let case = access.case();
    let t = ui.t();
    if !case.identity_recorded {
        let mut errors = FormErrors::default();
        errors.add("client_account", t.file_needs_register);
        return super::page_with_errors(&state, &ui, &access, RecordForm::default(), errors).await;
    }
    if users::client_login(&state.store, &access).await?.is_some() {
        return Err(WebError::Conflict);
    }
    // Not guessable from the person's number (issue 12, item 7): six random letters.
    let username = format!(
        "klien.{}.{}",
        &crate::auth::password::temporary().replace('-', "")[..6],
        case.office_code
    );
    let password = crate::auth::password::temporary();
    let user = NewUser {
        username: username.clone(),
        display_name: case.client_name.clone(),
        nip: None,
        password_hash: crate::auth::password::hash(password.clone()).await?,
        temporary_password: true,
        binding: Binding {
            person: Some(case.person_id),
            ..Binding::default()
        },
        roles: vec![Role::Client],
    };
    let actor = access.actor_for(karya_domain::Permission::CreateClientAccounts)?;
    users::create_user(&state.store, &actor, &user, None).await?;
    let notice = fill(
        t.client_account_created,
        &[("username", &username), ("password", &password)],
    );
    let page = case_page(
        &state,
        &ui,
        &access,
        RecordForm::default(),
        FormErrors::default(),
        Some(&notice),
    )
    .await?;
    render(&page)
}

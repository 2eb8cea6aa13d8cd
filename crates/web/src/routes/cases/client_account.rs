//! The client's login (issue "serving the hours", item 2): the registry creates it once the
//! person is registered. Nobody but the client ever knows its password (issue 12, item 12):
//! the registry gets a one-time activation code, shown once on this response only, to hand
//! over when the client's rights and obligations are explained; the client chooses their own
//! password with it at `/aktivasi`. The code is never logged, never put in a URL and stored
//! only as its digest.

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
    if case.status.is_final() {
        let mut errors = FormErrors::default();
        errors.add("client_account", t.client_account_case_ended);
        return super::page_with_errors(&state, &ui, &access, RecordForm::default(), errors).await;
    }
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
    // Until activation the password is a secret nobody is told: the login cannot be used.
    let unusable = crate::auth::password::hash(karya_store::secret::random_hex()).await?;
    let code = crate::auth::password::temporary();
    let user = NewUser {
        username: username.clone(),
        display_name: case.client_name.clone(),
        nip: None,
        password_hash: unusable,
        temporary_password: true,
        binding: Binding {
            person: Some(case.person_id),
            ..Binding::default()
        },
        roles: vec![Role::Client],
    };
    let actor = access.actor_for(karya_domain::Permission::CreateClientAccounts)?;
    let digest = crate::routes::activation::code_digest(&code);
    users::create_with_activation(&state.store, &actor, &user, &digest).await?;
    let url = format!("{}/aktivasi", state.config.public_url);
    let notice = fill(t.client_account_created, &[("code", &code), ("url", &url)]);
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

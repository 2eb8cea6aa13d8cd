//! Switching the interface language. Signed-in users keep the choice on their account (so it
//! follows them to other devices); everyone gets a cookie.

use axum::Form;
use axum::extract::State;
use axum::http::header;
use axum::response::{IntoResponse, Redirect, Response};
use karya_store::users;
use serde::Deserialize;

use crate::app::AppState;
use crate::auth::{Caller, cookie_header};
use crate::error::WebError;
use crate::i18n::Lang;
use crate::middleware::RequestId;
use crate::page::{LANG_COOKIE, local_path};

#[derive(Deserialize)]
pub struct SwitchForm {
    #[serde(default)]
    lang: String,
    #[serde(default)]
    next: String,
}

pub async fn switch(
    State(state): State<AppState>,
    caller: Option<axum::Extension<Caller>>,
    request_id: axum::Extension<RequestId>,
    Form(form): Form<SwitchForm>,
) -> Result<Response, WebError> {
    let lang = Lang::parse(&form.lang).ok_or(WebError::BadRequest)?;
    if let Some(axum::Extension(caller)) = caller {
        let actor = caller.actor(caller.primary_role_name(), &request_id.0.0);
        users::set_language(&state.store, &actor, caller.user.id, lang.code()).await?;
    }
    let mut response = Redirect::to(local_path(&form.next)).into_response();
    let cookie = cookie_header(
        LANG_COOKIE,
        lang.code(),
        Some(365 * 24 * 3600),
        state.config.secure_cookies,
    );
    response.headers_mut().append(header::SET_COOKIE, cookie);
    Ok(response)
}

//! A partner's files on its page: site-visit photos and the signed agreement's scan, uploaded
//! by those who manage partners and viewed (audited) by the office's staff.

use axum::extract::{Multipart, Path, State};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use karya_store::files::UploadError;
use karya_store::ids::PartnerId;
use karya_store::partners::files::{self, PartnerFile};

use crate::app::AppState;
use crate::auth::Authority;
use crate::error::WebError;
use crate::forms::FormErrors;
use crate::page::Ui;
use crate::routes::path_id;
use karya_domain::Permission;

pub async fn upload(
    State(state): State<AppState>,
    ui: Ui,
    authority: Authority,
    Path(id): Path<String>,
    mut multipart: Multipart,
) -> Result<Response, WebError> {
    let office = authority.office(Permission::ManagePartners)?;
    let id = PartnerId(path_id(&id)?);
    let mut purpose = String::new();
    let mut bytes = Vec::new();
    loop {
        let field = match multipart.next_field().await {
            Ok(Some(field)) => field,
            Ok(None) => break,
            Err(error) if error.status() == StatusCode::PAYLOAD_TOO_LARGE => {
                return Ok(StatusCode::PAYLOAD_TOO_LARGE.into_response());
            }
            Err(_) => return Err(WebError::BadRequest),
        };
        match field.name() {
            Some("purpose") => purpose = field.text().await.map_err(|_| WebError::BadRequest)?,
            Some("file") => {
                bytes = field
                    .bytes()
                    .await
                    .map_err(|_| WebError::BadRequest)?
                    .to_vec()
            }
            _ => {}
        }
    }
    let purpose = PartnerFile::parse(&purpose).ok_or(WebError::BadRequest)?;
    match files::attach(&state.store, &office, id, purpose, &bytes).await {
        Ok(_) => Ok(
            Redirect::to(&format!("/partners/{}?done=file#partner-files", id.0)).into_response(),
        ),
        Err(UploadError::Store(error)) => Err(error.into()),
        Err(error) => {
            let limits = match purpose {
                PartnerFile::SitePhoto => karya_store::files::Purpose::Photo,
                PartnerFile::AgreementScan => karya_store::files::Purpose::DecisionCopy,
            };
            let mut errors = FormErrors::default();
            let message = crate::routes::cases::files::upload_error(ui.t(), &error, limits)
                .unwrap_or_else(|| ui.t().file_damaged.to_owned());
            errors.add("partner_file", message);
            super::pipeline::refused(&state, &ui, &authority, id, errors).await
        }
    }
}

pub async fn view(
    State(state): State<AppState>,
    authority: Authority,
    Path((id, file)): Path<(String, String)>,
) -> Result<Response, WebError> {
    let office = authority.office(Permission::ReadPartners)?;
    let (stored, bytes) = files::open(
        &state.store,
        &office,
        PartnerId(path_id(&id)?),
        path_id(&file)?,
    )
    .await?;
    Ok((
        [
            (header::CONTENT_TYPE, stored.content_type.clone()),
            (header::CACHE_CONTROL, "no-store".to_owned()),
        ],
        bytes,
    )
        .into_response())
}

//! Uploaded files of a case: scans of the decision and execution letter, the client's
//! photograph and fingerprint. Uploading is checked per purpose (role, type by content,
//! size); viewing is checked per purpose and audited by the store.

use axum::extract::{Multipart, Path, State};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use karya_store::files::{self, Purpose, UploadError};

use super::{RecordForm, page_with_errors};
use crate::app::AppState;
use crate::auth::{CaseOf, can};
use crate::error::WebError;
use crate::forms::FormErrors;
use crate::i18n::{Catalog, fill};
use crate::page::Ui;
use crate::routes::path_id;

/// The purpose and the file's bytes of an upload form. A body cut off at the upload limit
/// answers 413, as any other oversized request.
async fn read_upload(mut multipart: Multipart) -> Result<(String, Vec<u8>), Response> {
    let mut purpose = String::new();
    let mut bytes = Vec::new();
    loop {
        let field = match multipart.next_field().await {
            Ok(Some(field)) => field,
            Ok(None) => break,
            Err(error) => return Err(error.into_response()),
        };
        match field.name() {
            Some("purpose") => purpose = field.text().await.map_err(IntoResponse::into_response)?,
            Some("file") => {
                bytes = field
                    .bytes()
                    .await
                    .map_err(IntoResponse::into_response)?
                    .to_vec()
            }
            _ => {}
        }
    }
    Ok((purpose, bytes))
}

pub fn upload_error(t: &Catalog, error: &UploadError, purpose: Purpose) -> Option<String> {
    Some(match error {
        UploadError::Empty => t.file_missing.to_owned(),
        UploadError::TooLarge { max_bytes } => fill(
            t.file_too_large,
            &[("mb", &(max_bytes / (1024 * 1024)).to_string())],
        ),
        UploadError::TypeNotAllowed => fill(
            t.file_wrong_type,
            &[(
                "types",
                &purpose
                    .accepts()
                    .iter()
                    .map(|k| k.extension().to_uppercase())
                    .collect::<Vec<_>>()
                    .join(", "),
            )],
        ),
        UploadError::Damaged => t.file_damaged.to_owned(),
        UploadError::TooManyPixels { max_megapixels } => fill(
            t.file_too_many_pixels,
            &[("megapixels", &max_megapixels.to_string())],
        ),
        UploadError::NotRegistered => t.file_needs_register.to_owned(),
        UploadError::Store(_) => return None,
    })
}

pub async fn upload(
    State(state): State<AppState>,
    ui: Ui,
    access: CaseOf<can::ReadCases>,
    multipart: Multipart,
) -> Result<Response, WebError> {
    let case = access.case();
    let (purpose, bytes) = match read_upload(multipart).await {
        Ok(upload) => upload,
        Err(response) if response.status() == StatusCode::PAYLOAD_TOO_LARGE => {
            return Ok(response);
        }
        Err(_) => return Err(WebError::BadRequest),
    };
    let purpose = Purpose::parse(&purpose).ok_or(WebError::BadRequest)?;
    // The purpose decides who may upload (checked again by the store).
    if !purpose.to_upload().is_some_and(|p| access.may(p)) {
        return Err(WebError::Forbidden);
    }
    let t = ui.t();
    match files::attach(&state.store, &access, purpose, &bytes).await {
        Ok(_) => Ok(Redirect::to(&format!("/cases/{}?done=file#files", case.id.0)).into_response()),
        Err(error) => match upload_error(t, &error, purpose) {
            Some(message) => {
                let mut errors = FormErrors::default();
                errors.add("file", message);
                page_with_errors(&state, &ui, &access, RecordForm::default(), errors).await
            }
            None => match error {
                UploadError::Store(error) => Err(error.into()),
                _ => Err(WebError::BadRequest),
            },
        },
    }
}

/// Shows one file inline (a scan opens in the browser's viewer); the store audits the view.
pub async fn view(
    State(state): State<AppState>,
    access: CaseOf<can::ReadCases>,
    Path((_, file)): Path<(String, String)>,
) -> Result<Response, WebError> {
    let file = path_id(&file)?;
    // The purpose decides who may look; the store checks it and audits the view.
    let (attachment, bytes) = files::open(&state.store, &access, file).await?;
    let purpose = attachment.purpose().ok_or(WebError::NotFound)?;
    let extension = attachment
        .content_type()
        .map(|k| k.extension())
        .unwrap_or("bin");
    Ok((
        [
            (header::CONTENT_TYPE, attachment.content_type.clone()),
            (
                header::CONTENT_DISPOSITION,
                // A PDF may carry scripts (OpenAction): it is downloaded, never opened in the
                // site's origin. Photos and videos are shown inline.
                format!(
                    "{}; filename=\"{}-{file}.{extension}\"",
                    if extension == "pdf" {
                        "attachment"
                    } else {
                        "inline"
                    },
                    purpose.as_str()
                ),
            ),
            (header::CACHE_CONTROL, "no-store".to_owned()),
        ],
        bytes,
    )
        .into_response())
}

#[derive(serde::Deserialize)]
pub struct InsufficientForm {
    #[serde(default)]
    note: String,
}

/// The PK marks a report's evidence as not proving the day (B7), with the reason.
pub async fn insufficient(
    State(state): State<AppState>,
    ui: Ui,
    access: CaseOf<can::JudgeEvidence>,
    Path((_, file)): Path<(String, String)>,
    axum::Form(form): axum::Form<InsufficientForm>,
) -> Result<Response, WebError> {
    let case = access.case();
    let mut errors = FormErrors::default();
    let note = crate::forms::text(&mut errors, ui.t(), "note", &form.note, 500, true);
    if errors.is_empty() {
        files::mark_insufficient(&state.store, &access, path_id(&file)?, &note).await?;
        return Ok(Redirect::to(&format!("/cases/{}#entries", case.id.0)).into_response());
    }
    let mut errors_on_entries = FormErrors::default();
    errors_on_entries.add("entries", ui.t().evidence_reason_required);
    page_with_errors(
        &state,
        &ui,
        &access,
        RecordForm::default(),
        errors_on_entries,
    )
    .await
}

/// The preview of a photo of evidence, for the entries list; audited like the file.
pub async fn thumbnail(
    State(state): State<AppState>,
    access: CaseOf<can::ReadCases>,
    Path((_, file)): Path<(String, String)>,
) -> Result<Response, WebError> {
    let (_, bytes) = files::open_thumbnail(&state.store, &access, path_id(&file)?).await?;
    Ok((
        [
            (header::CONTENT_TYPE, "image/jpeg"),
            (header::CACHE_CONTROL, "no-store"),
        ],
        bytes,
    )
        .into_response())
}

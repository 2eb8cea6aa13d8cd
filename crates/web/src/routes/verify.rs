//! The public verification page behind the QR code on every issued document: the number,
//! the date, the issuing office and whether the stored file still matches its hash. Nothing
//! personal, and no login needed (D1(c) for the documents this office issues).

use askama::Template;
use axum::extract::{Path, State};
use axum::response::Response;
use karya_store::documents::{self, Verification};

use crate::app::AppState;
use crate::error::WebError;
use crate::i18n::Catalog;
use crate::page::{Page, Ui, render};
use crate::views;

#[derive(Template)]
#[template(path = "verify.html")]
struct VerifyPage {
    page: Page,
    found: Option<Verification>,
    kind: &'static str,
    date: String,
}

pub fn kind_label(t: &Catalog, kind: &str) -> &'static str {
    match kind {
        "summons" => t.kind_summons,
        "missing_documents" => t.kind_missing_documents,
        "absence_consideration" => t.kind_absence_consideration,
        "assignment" => t.kind_assignment,
        "annex_i" => t.kind_annex_i,
        "litmas" => t.kind_litmas,
        "litmas_prosecutor" => t.kind_litmas_prosecutor,
        "progress_report" => t.kind_progress_report,
        "annex_v" => t.kind_annex_v,
        "tpp_minutes" => t.kind_tpp_minutes,
        "annex_ii" => t.kind_annex_ii,
        "annex_iii" | "annex_iii_month" => t.kind_annex_iii,
        "annex_iv" => t.kind_annex_iv,
        "termination" => t.kind_termination,
        _ => t.verify_title,
    }
}

pub async fn show(
    State(state): State<AppState>,
    ui: Ui,
    Path(code): Path<String>,
) -> Result<Response, WebError> {
    let t = ui.t();
    // Codes are 20 hex digits; anything else is simply unknown (and never reaches SQL oddly).
    let code_ok = code.len() == 20 && code.chars().all(|c| c.is_ascii_hexdigit());
    let found = if code_ok {
        documents::verify(&state.store, &code).await?
    } else {
        None
    };
    let kind = found.as_ref().map_or("", |doc| kind_label(t, &doc.kind));
    let date = found
        .as_ref()
        .and_then(|doc| doc.issued_on.parse().ok())
        .map(|day| views::date(ui.lang, day))
        .unwrap_or_default();
    let mut response = render(&VerifyPage {
        page: ui.page(t.verify_title),
        found: found.clone(),
        kind,
        date,
    })?;
    if found.is_none() {
        *response.status_mut() = axum::http::StatusCode::NOT_FOUND;
        // Rendered here; the error layer leaves an HTML 404 alone.
    }
    Ok(response)
}

//! The Annex V partner list ("Daftar Mitra"): no., partner, address, contact, scope of work,
//! agreement start and end, as a spreadsheet (and as a PDF, with the letterhead). The rows
//! come from the registry itself, so the list always matches it.

use axum::extract::State;
use axum::http::header;
use axum::response::{IntoResponse, Response};
use karya_domain::partner::Stage;
use karya_store::partners::{self, Partner};

use crate::app::AppState;
use crate::auth::Authority;
use crate::error::WebError;
use crate::export::Table;
use crate::views;

/// The partners Annex V lists: those with an agreement, active or ended.
pub async fn annex_v_partners(
    state: &AppState,
    office: karya_store::ids::OfficeId,
) -> Result<Vec<Partner>, WebError> {
    Ok(partners::list(&state.store, office)
        .await?
        .into_iter()
        .filter(|p| p.agreement.is_some() && matches!(p.stage, Stage::Active | Stage::Ended))
        .collect())
}

/// The scope of work: the work forms the partner offers, in Indonesian.
pub fn scope_of_work(p: &Partner) -> String {
    p.fields
        .work_forms
        .iter()
        .map(|w| w.form().label_id)
        .collect::<Vec<_>>()
        .join("; ")
}

pub fn contact(p: &Partner) -> String {
    [
        &p.fields.contact_name,
        &p.fields.contact_phone,
        &p.fields.contact_email,
    ]
    .into_iter()
    .filter(|s| !s.is_empty())
    .cloned()
    .collect::<Vec<_>>()
    .join(", ")
}

pub async fn xlsx(
    State(state): State<AppState>,
    authority: Authority,
) -> Result<Response, WebError> {
    let office = authority.read_partners()?;
    let rows = annex_v_partners(&state, office)
        .await?
        .iter()
        .filter_map(|p| p.agreement.clone().map(|a| (p, a)))
        .enumerate()
        .map(|(i, (p, (number, start, end)))| {
            vec![
                (i + 1).to_string(),
                p.fields.name.clone(),
                p.fields.address.clone(),
                contact(p),
                scope_of_work(p),
                number,
                views::date(crate::i18n::Lang::Id, start),
                views::date(crate::i18n::Lang::Id, end),
            ]
        })
        .collect();
    let table = Table {
        sheet: "Daftar Mitra",
        headers: vec![
            "No.",
            "Nama Mitra",
            "Alamat",
            "Kontak",
            "Ruang Lingkup Pekerjaan",
            "Nomor PKS",
            "Tanggal Mulai PKS",
            "Tanggal Berakhir PKS",
        ],
        rows,
    };
    Ok((
        [
            (
                header::CONTENT_TYPE,
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            ),
            (
                header::CONTENT_DISPOSITION,
                "attachment; filename=\"daftar-mitra.xlsx\"",
            ),
        ],
        table.xlsx()?,
    )
        .into_response())
}

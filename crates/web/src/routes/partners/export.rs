//! The Annex V partner list ("Daftar Mitra"): no., partner, address, contact, scope of work,
//! agreement start and end, as a spreadsheet (and as a PDF, with the letterhead). The rows
//! come from the registry itself, so the list always matches it.

use axum::extract::{Path, State};
use axum::http::header;
use axum::response::{IntoResponse, Redirect, Response};
use jiff::civil::Date;
use karya_docs::Printable;
use karya_docs::{Document, PartnerList, PartnerRow};
use karya_domain::partner::{AgreementState, Stage};
use karya_store::documents::{self, ToIssue};
use karya_store::orgs;
use karya_store::partners::{self, Partner};

use crate::app::AppState;
use crate::auth::Authority;
use crate::error::WebError;
use crate::export::{Cell, Table};
use karya_domain::Permission;

/// The partners Annex V lists: those with an agreement, active or ended.
pub async fn annex_v_partners(
    state: &AppState,
    office: &karya_store::access::OfficeAccess,
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
    let office = authority.office(Permission::ReadPartners)?;
    let zone = karya_store::orgs::office_of(&state.store, &office).await?;
    let zone =
        karya_domain::OfficeZone::parse(&zone.time_zone).unwrap_or(karya_domain::OfficeZone::Wib);
    let today = karya_domain::calendar::local_date(state.store.now(), &zone.time_zone());
    let rows = annex_v_partners(&state, &office)
        .await?
        .iter()
        .filter_map(|p| p.agreement.clone().map(|a| (p, a)))
        .enumerate()
        .map(|(i, (p, (number, start, end)))| {
            // An agreement past its end is flagged: the partner cannot take clients on it.
            let standing = if expired(start, end, today) {
                "Berakhir"
            } else {
                "Berlaku"
            };
            vec![
                Cell::Number(i as i64 + 1),
                p.fields.name.clone().into(),
                p.fields.address.clone().into(),
                contact(p).into(),
                scope_of_work(p).into(),
                number.into(),
                Cell::Date(start),
                Cell::Date(end),
                standing.into(),
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
            "Status PKS",
        ],
        wrapped: vec![2, 4],
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

/// Issues the Annex V list as a PDF (letterhead, the head's signature, QR verification),
/// stored like a letter, and sends the reader to it.
pub async fn issue_pdf(
    State(state): State<AppState>,
    authority: Authority,
) -> Result<Response, WebError> {
    let office = authority.office(Permission::ReadPartners)?;
    let office_access = office;
    let office = orgs::office_of(&state.store, &office_access).await?;
    let today = super::office_today(&state);
    let rows = annex_v_partners(&state, &office_access)
        .await?
        .iter()
        .map(|p| PartnerRow {
            name: p.fields.name.clone(),
            address: p.fields.address.clone(),
            contact: contact(p),
            scope: scope_of_work(p),
            agreement_number: p.agreement.as_ref().map(|a| a.0.clone()),
            start: p.agreement.as_ref().map(|a| a.1),
            end: p.agreement.as_ref().map(|a| a.2),
            expired: p
                .agreement
                .as_ref()
                .is_some_and(|a| expired(a.1, a.2, today)),
        })
        .collect();
    let document = Document::Partners(PartnerList {
        office: office.name.clone(),
        place: crate::routes::cases::letters::place(&office.name),
        as_of: today,
        partners: rows,
        signer: Some(crate::routes::cases::letters::signer(&state, &office).await?),
    });
    let head = crate::routes::cases::letters::letterhead(&office);
    let public_url = state.config.public_url.clone();
    let doc = ToIssue {
        office: office.id(),
        office_code: office.letter_code(),
        case: None,
        kind: "annex_v",
        number_format: &state.config.letter_number_format,
        issued_on: document.dated(),
        by: authority.user().id,
        fingerprint: document.fingerprint(),
    };
    let render = crate::routes::cases::letters::renderer(document, head, public_url, false);
    let issued = documents::issue_for_office(&state.store, &office_access, &doc, render).await?;
    Ok(Redirect::to(&format!("/partners/documents/{}", issued.id)).into_response())
}

/// Downloads an issued Annex V list of the caller's office; the read is audited.
pub async fn download(
    State(state): State<AppState>,
    authority: Authority,
    Path(id): Path<String>,
) -> Result<Response, WebError> {
    let office = authority.office(Permission::ReadPartners)?;
    let (_, content) =
        documents::office_content(&state.store, &office, crate::routes::path_id(&id)?).await?;
    Ok((
        [
            (header::CONTENT_TYPE, "application/pdf"),
            (
                header::CONTENT_DISPOSITION,
                "attachment; filename=\"daftar-mitra.pdf\"",
            ),
        ],
        content,
    )
        .into_response())
}

/// The agreement had ended by `today`: Annex V flags it in the PDF and the XLSX alike.
fn expired(start: Date, end: Date, today: Date) -> bool {
    karya_domain::partner::agreement_state(start, end, today, 0) == AgreementState::Expired
}

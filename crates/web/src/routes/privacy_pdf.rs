//! The data protection officer's two printed documents (issue 12, item 13): a data subject's
//! copy of all their data with its processing trail (UU PDP Art. 32), and the written notice
//! of a breach to the supervisory body or to the data subjects (Art. 46). Both are printed in
//! Indonesian, the language of official letters, on the Directorate General's letterhead.

use axum::extract::{Path, Query, State};
use axum::http::header;
use axum::response::{IntoResponse, Response};
use karya_docs::{Document, Dossier, DossierSection, Letterhead, Signer};
use karya_domain::Permission;
use karya_store::ids::PersonId;
use karya_store::privacy;
use serde_json::Value;

use crate::app::AppState;
use crate::auth::Authority;
use crate::error::WebError;
use crate::routes::path_id;
use crate::routes::privacy::wib;

fn letterhead() -> Letterhead {
    Letterhead {
        region: "DIREKTORAT JENDERAL PEMASYARAKATAN".to_owned(),
        office: "PEJABAT PELINDUNGAN DATA PRIBADI".to_owned(),
        ..Letterhead::default()
    }
}

fn officer(authority: &Authority) -> Signer {
    let user = authority.user();
    Signer {
        name: user.display_name.clone(),
        nip: user.nip.clone(),
        title: "Pejabat Pelindungan Data Pribadi".to_owned(),
    }
}

fn today(state: &AppState) -> jiff::civil::Date {
    wib().to_datetime(state.store.now()).date()
}

/// A JSON value as a line of text: text as written, numbers as numbers, nothing as a dash.
fn text_of(value: &Value) -> String {
    match value {
        Value::Null => "-".to_owned(),
        Value::String(text) if text.trim().is_empty() => "-".to_owned(),
        Value::String(text) => text.clone(),
        other => other.to_string(),
    }
}

/// Each row of `rows` (JSON objects) as a group of "column : value" lines.
fn entries(rows: &Value) -> Vec<Vec<(String, String)>> {
    rows.as_array()
        .map(|rows| {
            rows.iter()
                .filter_map(Value::as_object)
                .map(|row| row.iter().map(|(k, v)| (k.clone(), text_of(v))).collect())
                .collect()
        })
        .unwrap_or_default()
}

async fn pdf(document: Document, url: String, filename: String) -> Result<Response, WebError> {
    let bytes = tokio::task::spawn_blocking(move || {
        karya_docs::render(&document, &letterhead(), &url).map_err(|e| anyhow::anyhow!("{e}"))
    })
    .await
    .map_err(|e| WebError::Internal(e.into()))??;
    Ok((
        [
            (header::CONTENT_TYPE, "application/pdf".to_owned()),
            (
                header::CONTENT_DISPOSITION,
                format!("attachment; filename=\"{filename}\""),
            ),
        ],
        bytes,
    )
        .into_response())
}

/// The data subject's copy of everything Karya holds about them, as PDF. The export is
/// audited by the store, as the JSON one is.
pub async fn export_pdf(
    State(state): State<AppState>,
    authority: Authority,
    Path(id): Path<String>,
) -> Result<Response, WebError> {
    let grant = authority.grant(Permission::ProtectPersonalData)?;
    let person = PersonId(path_id(&id)?);
    let export = privacy::subject_export(&state.store, &grant, person).await?;
    let name = text_of(&export["person"]["full_name"]);
    let mut sections = vec![
        DossierSection {
            heading: "Identitas".to_owned(),
            entries: entries(&Value::Array(vec![export["person"].clone()])),
        },
        DossierSection {
            heading: "Akun Karya".to_owned(),
            entries: entries(&export["login"]),
        },
        DossierSection {
            heading: "Perkara".to_owned(),
            entries: entries(&export["cases"]),
        },
    ];
    if let Some(records) = export["records"].as_object() {
        for (table, rows) in records {
            sections.push(DossierSection {
                heading: format!("Catatan perkara: {table}"),
                entries: entries(rows),
            });
        }
    }
    sections.push(DossierSection {
        heading: "Permintaan subjek data".to_owned(),
        entries: entries(&export["requests"]),
    });
    sections.push(DossierSection {
        heading: "Jejak pemrosesan (jejak audit)".to_owned(),
        entries: entries(&export["processing_trail"]),
    });
    let document = Document::Dossier(Dossier {
        title: "SALINAN DATA PRIBADI".to_owned(),
        subtitle: name,
        place: "Jakarta".to_owned(),
        date: today(&state),
        addressee: None,
        paragraphs: vec![
            "Sesuai Undang-Undang Nomor 27 Tahun 2022 tentang Pelindungan Data Pribadi Pasal 32, salinan ini memuat seluruh data pribadi subjek data yang disimpan dalam Karya, sistem pelaksanaan pidana kerja sosial Balai Pemasyarakatan, beserta jejak pemrosesannya.".to_owned(),
            format!("Dibuat pada {} oleh {}.", text_of(&export["exported_at"]), authority.user().display_name),
        ],
        sections,
        signer: Some(officer(&authority)),
    });
    pdf(
        document,
        state.config.public_url.clone(),
        format!("subjek-data-{}.pdf", person.0),
    )
    .await
}

#[derive(serde::Deserialize)]
pub struct NoticeQuery {
    #[serde(default)]
    to: String,
}

/// The written notice of a breach (UU PDP Art. 46): to the supervisory body or to the data
/// subjects, saying what was exposed, when and how, and the handling and recovery.
pub async fn breach_notice(
    State(state): State<AppState>,
    authority: Authority,
    Path(id): Path<String>,
    Query(query): Query<NoticeQuery>,
) -> Result<Response, WebError> {
    let grant = authority.grant(Permission::ProtectPersonalData)?;
    let breach = privacy::breach(&state.store, &grant, path_id(&id)?).await?;
    let addressee = match query.to.as_str() {
        "authority" => "Kepala Lembaga Penyelenggara Pelindungan Data Pribadi",
        "subjects" => "Bapak/Ibu Subjek Data Pribadi yang terdampak",
        _ => return Err(WebError::BadRequest),
    };
    let discovered = format!(
        "{} WIB",
        wib()
            .to_datetime(breach.discovered_at)
            .strftime("%d-%m-%Y %H:%M")
    );
    let when = match &breach.occurred_on {
        Some(day) => format!("Terjadi pada tanggal {day}; diketahui pada {discovered}."),
        None => format!("Diketahui pada {discovered}."),
    };
    let document = Document::Dossier(Dossier {
        title: "PEMBERITAHUAN KEGAGALAN PELINDUNGAN DATA PRIBADI".to_owned(),
        subtitle: format!("Register Nomor {}", breach.id),
        place: "Jakarta".to_owned(),
        date: today(&state),
        addressee: Some(addressee.to_owned()),
        paragraphs: vec![
            "Sesuai Undang-Undang Nomor 27 Tahun 2022 tentang Pelindungan Data Pribadi Pasal 46, dengan ini kami memberitahukan secara tertulis kegagalan pelindungan data pribadi dalam Karya, sistem pelaksanaan pidana kerja sosial Balai Pemasyarakatan, sebagai berikut.".to_owned(),
        ],
        sections: vec![DossierSection {
            heading: "Uraian".to_owned(),
            entries: vec![vec![
                ("Data pribadi yang terungkap".to_owned(), breach.data_exposed.clone()),
                ("Kapan dan bagaimana".to_owned(), format!("{when} {}", breach.how)),
                ("Upaya penanganan dan pemulihan".to_owned(), breach.handling.clone()),
                ("Jumlah subjek data terdampak".to_owned(), breach.subjects_affected.to_string()),
            ]],
        }],
        signer: Some(officer(&authority)),
    });
    let filename = format!("pemberitahuan-{}-{}.pdf", breach.id, query.to);
    pdf(document, state.config.public_url.clone(), filename).await
}

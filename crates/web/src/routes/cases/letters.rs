//! The office's letters about a case (DOMAIN §10; LETTERS.md): summons (I3), the request for
//! missing documents (D3), the consideration on an absence (I4) and the PK's assignment order
//! (§2.2.3). Each is built from the recorded data, rendered to PDF, numbered from the office's
//! yearly sequence and stored immutably with its hash; its QR code links to `/v/{code}`.

use axum::Form;
use axum::extract::{Path, State};
use axum::http::header;
use axum::response::{IntoResponse, Redirect, Response};
use jiff::civil::{Date, Time};
use karya_docs::Printable;
use karya_docs::{
    AbsenceConsideration, Appearance, AssignmentLetter, Decision, Letter, Letterhead,
    MissingDocument, MissingDocumentsLetter, Signer, Summons, SummonsRound,
};
use karya_domain::Permission;
use karya_domain::intake::{CheckOutcome, IntakeDocument};
use karya_store::access::CaseAccess;
use karya_store::documents::{self, ToIssue};
use karya_store::{intake, letter_drafts, orgs, users};
use serde::Deserialize;

use super::today_in;
use crate::app::AppState;
use crate::auth::{CaseOf, can};
use crate::error::WebError;
use crate::routes::path_id;

/// The letter kinds, as stored and as the verify page names them.
pub const KINDS: [&str; 4] = [
    "summons",
    "missing_documents",
    "absence_consideration",
    "assignment",
];

/// Which letters the case's records allow now.
pub async fn available(
    state: &AppState,
    access: &CaseAccess,
) -> Result<Vec<&'static str>, WebError> {
    let case = access.case();
    let summonses = intake::summonses(&state.store, access).await?;
    let failed = intake::latest_checks(&state.store, access)
        .await?
        .iter()
        .any(|c| c.outcome == CheckOutcome::Failed);
    let violation = intake::violations(&state.store, access)
        .await?
        .iter()
        .any(|(rule, _, _)| rule == "I4");
    Ok(KINDS
        .into_iter()
        .filter(|kind| match *kind {
            "summons" => !summonses.is_empty(),
            "missing_documents" => failed,
            "absence_consideration" => violation,
            _ => case.pk_user_id.is_some(),
        })
        .collect())
}

/// The city of an office, by the convention that its name ends with it.
pub(crate) fn place(office_name: &str) -> String {
    office_name
        .split_whitespace()
        .last()
        .unwrap_or(office_name)
        .to_owned()
}

pub(crate) async fn signer(state: &AppState, office: &orgs::Office) -> Result<Signer, WebError> {
    let head = users::office_head(&state.store, office.id()).await?;
    let head = head.as_ref();
    Ok(Signer {
        name: head.map_or_else(String::new, |u| u.display_name.clone()),
        nip: head.and_then(|u| u.nip.clone()),
        title: format!("Kepala {}", office.name),
    })
}

/// How an issued document is rendered once its number and verification code are known:
/// with its number printed (`numbered`, for the kinds that print one) and the QR code of
/// `{public_url}/v/{code}`.
pub(crate) fn renderer(
    document: karya_docs::Document,
    head: Letterhead,
    public_url: String,
    numbered: bool,
) -> impl FnOnce(&str, &str) -> anyhow::Result<Vec<u8>> + Send + 'static {
    move |number: &str, code: &str| {
        let document = if numbered {
            document.with_number(number)
        } else {
            document
        };
        let url = format!("{public_url}/v/{code}");
        karya_docs::render(&document, &head, &url).map_err(|e| anyhow::anyhow!("{e}"))
    }
}

pub(crate) fn letterhead(office: &orgs::Office) -> Letterhead {
    Letterhead {
        region: office.region_name.to_uppercase(),
        office: office.name.to_uppercase(),
        address: office.address.clone(),
        phone: office.phone.clone(),
        email: office.email.clone(),
        ..Letterhead::default()
    }
}

/// Builds the letter of `kind` with its `number`, from the case's records.
async fn build(
    state: &AppState,
    access: &CaseAccess,
    office: &orgs::Office,
    kind: &str,
    number: String,
    today: Date,
) -> Result<Letter, WebError> {
    let case = access.case();
    let decision = decision(case);
    let signer = signer(state, office).await?;
    let place = place(&office.name);
    let prosecutors = prosecutors_head(case);
    Ok(match kind {
        "summons" => {
            let records = intake::summonses(&state.store, access).await?;
            let latest = records.last().ok_or(WebError::BadRequest)?;
            let address = karya_store::register::person_address(&state.store, access).await?;
            Letter::Summons(Summons {
                number,
                date: latest.issued_on,
                place,
                client_name: case.client_name.clone(),
                client_address: if address.is_empty() {
                    "-".into()
                } else {
                    address
                },
                decision,
                round: SummonsRound::from_count(latest.summons.number)
                    .ok_or(WebError::BadRequest)?,
                appearance: Appearance {
                    at: latest
                        .summons
                        .deadline
                        .to_datetime(Time::constant(9, 0, 0, 0)),
                    zone: case.zone,
                    place: office.address.clone(),
                },
                signer,
            })
        }
        "missing_documents" => {
            // Each document with what is wrong with it (D3), not the names of the checks.
            let failed: Vec<_> = intake::latest_checks(&state.store, access)
                .await?
                .into_iter()
                .filter(|c| c.outcome == CheckOutcome::Failed)
                .collect();
            let missing = IntakeDocument::ALL
                .into_iter()
                .filter_map(|document| {
                    let notes: Vec<String> = failed
                        .iter()
                        .filter(|c| c.document == document)
                        .map(|c| c.note.trim().to_owned())
                        .collect();
                    (!notes.is_empty()).then(|| MissingDocument {
                        document: document.label_id().to_owned(),
                        note: notes.join("; "),
                    })
                })
                .collect();
            Letter::MissingDocuments(MissingDocumentsLetter {
                number,
                date: today,
                place,
                addressee: prosecutors,
                client_name: case.client_name.clone(),
                decision,
                missing,
                signer,
            })
        }
        "absence_consideration" => {
            let records = intake::summonses(&state.store, access).await?;
            let summonses: Vec<_> = records.iter().map(|r| r.summons).collect();
            let unanswered = karya_domain::intake::unanswered_summonses(&summonses);
            let summons_dates: [Date; 3] = unanswered
                .iter()
                .filter_map(|s| records.iter().find(|r| r.summons.number == s.number))
                .map(|r| r.issued_on)
                .collect::<Vec<_>>()
                .try_into()
                .map_err(|_| WebError::BadRequest)?;
            Letter::AbsenceConsideration(AbsenceConsideration {
                number,
                date: today,
                place,
                addressee: prosecutors,
                client_name: case.client_name.clone(),
                decision,
                summons_dates,
                consideration: karya_domain::intake::ABSENCE_CONSIDERATION.into(),
                signer,
            })
        }
        _ => {
            let pk =
                users::get_user(&state.store, case.pk_user_id.ok_or(WebError::BadRequest)?).await?;
            Letter::Assignment(AssignmentLetter {
                number,
                date: today,
                place,
                officer_name: pk.display_name,
                officer_nip: pk.nip,
                officer_position: "Pembimbing Kemasyarakatan".into(),
                client_name: case.client_name.clone(),
                decision,
                task: "Melaksanakan pendampingan, pembimbingan dan pengawasan pelaksanaan pidana kerja sosial terhadap Klien tersebut sesuai putusan pengadilan, serta melaporkan hasilnya kepada Kepala Balai Pemasyarakatan.".into(),
                signer,
            })
        }
    })
}

#[derive(Deserialize)]
pub struct IssueForm {
    #[serde(default)]
    kind: String,
}

pub async fn issue(
    State(state): State<AppState>,
    access: CaseOf<can::IssueLetters>,
    Form(form): Form<IssueForm>,
) -> Result<Response, WebError> {
    let case = access.case();
    let kind = KINDS
        .into_iter()
        .find(|k| *k == form.kind)
        .ok_or(WebError::BadRequest)?;
    if !available(&state, &access).await?.contains(&kind) {
        return Err(WebError::BadRequest);
    }
    let office = orgs::office_of_case(&state.store, &access).await?;
    let today = today_in(&state, case);
    // The number is known only inside the store's transaction, so the letter is built with a
    // placeholder and the number set by the renderer below.
    let template = build(&state, &access, &office, kind, String::new(), today).await?;
    let head = letterhead(&office);
    let public_url = state.config.public_url.clone();
    let doc = ToIssue {
        office: office.id(),
        office_code: office.letter_code(),
        case: Some(case.id),
        kind,
        number_format: &state.config.letter_number_format,
        issued_on: template.dated(),
        by: access.user().id,
        fingerprint: template.fingerprint(),
    };
    let render = move |number: &str, code: &str| -> anyhow::Result<Vec<u8>> {
        let letter = with_number(template, number);
        let url = format!("{public_url}/v/{code}");
        karya_docs::render(&letter, &head, &url).map_err(|e| anyhow::anyhow!("{e}"))
    };
    let issued = documents::issue(
        &state.store,
        &access,
        Permission::IssueLetters,
        &doc,
        render,
    )
    .await?;
    Ok(issued_redirect(case.id.0, &issued))
}

/// Back to the case's letters, saying whether a document was issued or the same one already
/// issued was returned without a new number.
pub(super) fn issued_redirect(case: i64, issued: &documents::Issued) -> Response {
    let done = if issued.unchanged {
        "letter_unchanged"
    } else {
        "letter"
    };
    Redirect::to(&format!("/cases/{case}?done={done}#letters")).into_response()
}

fn with_number(letter: Letter, number: &str) -> Letter {
    let number = number.to_owned();
    match letter {
        Letter::Summons(l) => Letter::Summons(Summons { number, ..l }),
        Letter::MissingDocuments(l) => {
            Letter::MissingDocuments(MissingDocumentsLetter { number, ..l })
        }
        Letter::AbsenceConsideration(l) => {
            Letter::AbsenceConsideration(AbsenceConsideration { number, ..l })
        }
        Letter::Assignment(l) => Letter::Assignment(AssignmentLetter { number, ..l }),
    }
}

/// The Kepala TU drafts a letter the head signs (§2.2.1–2.2.2); the head issues it.
pub async fn draft(
    State(state): State<AppState>,
    access: CaseOf<can::DraftLetters>,
    Form(form): Form<IssueForm>,
) -> Result<Response, WebError> {
    let kind = letter_drafts::DRAFTABLE
        .into_iter()
        .find(|k| *k == form.kind)
        .ok_or(WebError::BadRequest)?;
    if !available(&state, &access).await?.contains(&kind) {
        return Err(WebError::BadRequest);
    }
    letter_drafts::draft(&state.store, &access, kind).await?;
    Ok(Redirect::to(&format!(
        "/cases/{}?done=letter_draft#letters",
        access.case().id.0
    ))
    .into_response())
}

/// Downloads an issued letter of a case in scope; the read is audited.
/// The prosecutor acknowledges receiving a document addressed to their office; back to
/// their start page, where it no longer shows as unread.
pub async fn acknowledge_receipt(
    State(state): State<AppState>,
    access: CaseOf<can::AcknowledgeReceipt>,
    Path((_, doc)): Path<(String, String)>,
) -> Result<Response, WebError> {
    documents::acknowledge_receipt(&state.store, &access, path_id(&doc)?).await?;
    Ok(Redirect::to("/?done=receipt#inbox").into_response())
}

pub async fn download(
    State(state): State<AppState>,
    access: CaseOf<can::ReadCases>,
    Path((_, doc)): Path<(String, String)>,
) -> Result<Response, WebError> {
    // Each kind of document has its own read permission; the store checks it.
    let (_, content) = documents::content(&state.store, &access, path_id(&doc)?).await?;
    Ok((
        [
            (header::CONTENT_TYPE, "application/pdf".to_owned()),
            (
                header::CONTENT_DISPOSITION,
                format!("attachment; filename=\"surat-{}.pdf\"", path_id(&doc)?),
            ),
        ],
        content,
    )
        .into_response())
}

/// The case's prosecutor's office by name, or the generic name when intake has not recorded it.
pub(super) fn prosecutors_office(case: &karya_store::cases::Case) -> String {
    case.prosecutor_office_name
        .clone()
        .unwrap_or_else(|| "Kejaksaan Negeri".into())
}

/// *Kepala Kejaksaan Negeri …*: how a letter to the prosecutor is addressed.
pub(super) fn prosecutors_head(case: &karya_store::cases::Case) -> String {
    format!("Kepala {}", prosecutors_office(case))
}

/// The court's decision as letters cite it.
pub(super) fn decision(case: &karya_store::cases::Case) -> Decision {
    Decision {
        court: case.court.clone(),
        number: case.decision_number.clone(),
        date: case.terms.decision_date,
    }
}

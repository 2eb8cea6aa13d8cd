//! Daily reports on the case page: recording one on behalf of the work place, and the
//! supervisor's then the PK's verification (B5). The domain decides L4, L5, L6 and B5; a
//! refusal comes back on the page with its rule ID and the user's values kept.

use axum::Form;
use axum::extract::{FromRequest, Multipart, Path, Request, State};
use axum::response::{IntoResponse, Redirect, Response};
use jiff::Timestamp;
use jiff::civil::{Date, Time};
use karya_domain::{OfficeZone, Violation};
use karya_store::StoreError;
use karya_store::attendance::{self as ledger_store, Evidence, LedgerError, NewEntry};
use karya_store::ids::EntryId;
use serde::Deserialize;

use super::{RecordForm, page_with_errors};
use crate::app::AppState;
use crate::auth::{CaseOf, can};
use crate::error::WebError;
use crate::forms::{self, FormErrors};
use crate::i18n::Catalog;
use crate::page::Ui;
use crate::routes::path_id;
use crate::views;
use karya_store::access::CaseAccess;

/// Local date and times in the office's zone to instants; a time out at or before the time
/// in means the work ran past midnight into the next day.
pub fn interval(
    zone: OfficeZone,
    day: Date,
    time_in: Time,
    time_out: Time,
) -> Option<(Timestamp, Timestamp)> {
    let tz = zone.time_zone();
    let start = tz.to_timestamp(day.to_datetime(time_in)).ok()?;
    let end_day = if time_out <= time_in {
        day.tomorrow().ok()?
    } else {
        day
    };
    let end = tz.to_timestamp(end_day.to_datetime(time_out)).ok()?;
    Some((start, end))
}

fn parse_entry(form: &RecordForm, zone: OfficeZone, t: &Catalog) -> Result<NewEntry, FormErrors> {
    let mut errors = FormErrors::default();
    let day = form
        .date
        .trim()
        .parse::<Date>()
        .map_err(|_| errors.add("date", t.date_invalid))
        .ok();
    let mut time = |name: &'static str, text: &str| -> Option<Time> {
        text.trim()
            .parse::<Time>()
            .map_err(|_| errors.add(name, t.time_invalid))
            .ok()
    };
    let time_in = time("time_in", &form.time_in);
    let time_out = time("time_out", &form.time_out);
    let activity = forms::text(&mut errors, t, "activity", &form.activity, 500, true);
    match (day, time_in, time_out) {
        (Some(day), Some(time_in), Some(time_out)) if errors.is_empty() => {
            match interval(zone, day, time_in, time_out) {
                Some((start, end)) => Ok(NewEntry {
                    start,
                    end,
                    activity,
                }),
                None => {
                    errors.add("date", t.date_invalid);
                    Err(errors)
                }
            }
        }
        _ => Err(errors),
    }
}

fn field_of(violation: &Violation) -> &'static str {
    match violation.field {
        "start" => "time_in",
        "end" => "time_out",
        "case" | "state" => "entries",
        _ => "date",
    }
}

/// The report form as posted: a plain form, or multipart with a photo (B7) and what the
/// phone said of it (capture time; location only with consent).
async fn read_report(request: Request) -> Result<(RecordForm, Option<EvidenceIn>), Response> {
    if !crate::forms::is_multipart(&request) {
        let Form(form) = Form::<RecordForm>::from_request(request, &())
            .await
            .map_err(IntoResponse::into_response)?;
        return Ok((form, None));
    }
    let mut multipart = Multipart::from_request(request, &())
        .await
        .map_err(IntoResponse::into_response)?;
    let mut form = RecordForm::default();
    let mut evidence = EvidenceIn::default();
    while let Some(field) = multipart
        .next_field()
        .await
        .map_err(IntoResponse::into_response)?
    {
        let name = field.name().unwrap_or_default().to_owned();
        if name == "photo" {
            evidence.bytes = field
                .bytes()
                .await
                .map_err(IntoResponse::into_response)?
                .to_vec();
            continue;
        }
        let value = field.text().await.map_err(IntoResponse::into_response)?;
        match name.as_str() {
            "date" => form.date = value,
            "time_in" => form.time_in = value,
            "time_out" => form.time_out = value,
            "activity" => form.activity = value,
            "_once" => form.once = value,
            "captured_at" => evidence.captured_at = value,
            "location_consent" => evidence.consent = !value.is_empty(),
            "latitude" => evidence.latitude = value,
            "longitude" => evidence.longitude = value,
            _ => {}
        }
    }
    Ok((form, (!evidence.bytes.is_empty()).then_some(evidence)))
}

/// The photo of a report as sent.
#[derive(Default)]
struct EvidenceIn {
    bytes: Vec<u8>,
    captured_at: String,
    consent: bool,
    latitude: String,
    longitude: String,
}

impl EvidenceIn {
    /// The location is kept only with the client's consent (or when monitoring requires it,
    /// which the form asks for as consent); a capture time the phone did not give is absent.
    fn evidence(self) -> Evidence {
        let location = self
            .consent
            .then(|| {
                let lat = self.latitude.trim().parse::<f64>().ok()?;
                let lon = self.longitude.trim().parse::<f64>().ok()?;
                ((-90.0..=90.0).contains(&lat) && (-180.0..=180.0).contains(&lon))
                    .then_some((lat, lon))
            })
            .flatten();
        Evidence {
            captured_at: self
                .captured_at
                .trim()
                .parse::<i64>()
                .ok()
                .and_then(|ms| Timestamp::from_millisecond(ms).ok()),
            location,
            bytes: self.bytes,
        }
    }
}

pub async fn record(
    State(state): State<AppState>,
    ui: Ui,
    access: CaseOf<can::ReportAttendance>,
    request: Request,
) -> Result<Response, WebError> {
    let t = ui.t();
    let case = access.case();
    let (form, evidence) = match read_report(request).await {
        Ok(read) => read,
        Err(response) if response.status() == axum::http::StatusCode::PAYLOAD_TOO_LARGE => {
            return Ok(response);
        }
        Err(_) => return Err(WebError::BadRequest),
    };
    let entry = match parse_entry(&form, case.zone, t) {
        Ok(entry) => entry,
        Err(errors) => return page_with_errors(&state, &ui, &access, form, errors).await,
    };
    let once = crate::forms::once(access.user().id, &form.once);
    let evidence = evidence.map(EvidenceIn::evidence);
    match ledger_store::record_with_evidence(&state.store, &access, &entry, once, evidence.as_ref())
        .await
    {
        Ok(_) | Err(LedgerError::Store(StoreError::Repeated(Some(_)))) => {
            Ok(Redirect::to(&format!("/cases/{}?done=recorded", case.id.0)).into_response())
        }
        Err(LedgerError::Store(StoreError::Repeated(None))) => {
            let mut errors = FormErrors::default();
            errors.add("date", t.already_submitted);
            page_with_errors(&state, &ui, &access, form, errors).await
        }
        Err(LedgerError::Rule(violation)) => {
            let mut errors = FormErrors::default();
            errors.add(
                field_of(&violation),
                views::violation_message(ui.lang, &violation),
            );
            page_with_errors(&state, &ui, &access, form, errors).await
        }
        Err(LedgerError::Upload(error)) => {
            let mut errors = FormErrors::default();
            let message =
                super::files::upload_error(t, &error, karya_store::files::Purpose::Evidence)
                    .unwrap_or_else(|| t.file_damaged.to_owned());
            errors.add("photo", message);
            page_with_errors(&state, &ui, &access, form, errors).await
        }
        Err(LedgerError::Store(error)) => Err(error.into()),
    }
}

pub async fn verify(
    State(state): State<AppState>,
    ui: Ui,
    access: CaseOf<can::VerifyAttendance>,
    Path((_, entry)): Path<(String, String)>,
) -> Result<Response, WebError> {
    let entry = EntryId(path_id(&entry)?);
    let result = ledger_store::verify(&state.store, &access, entry).await;
    finish(&state, &ui, &access, result, "verified").await
}

#[derive(Deserialize)]
pub struct RejectForm {
    #[serde(default)]
    reason: String,
}

pub async fn reject(
    State(state): State<AppState>,
    ui: Ui,
    access: CaseOf<can::VerifyAttendance>,
    Path((_, entry)): Path<(String, String)>,
    Form(form): Form<RejectForm>,
) -> Result<Response, WebError> {
    let t = ui.t();
    let entry = EntryId(path_id(&entry)?);
    let mut errors = FormErrors::default();
    let reason = forms::text(&mut errors, t, "entries", &form.reason, 500, true);
    if !errors.is_empty() {
        return page_with_errors(&state, &ui, &access, RecordForm::default(), errors).await;
    }
    let result = ledger_store::reject(&state.store, &access, entry, &reason).await;
    finish(&state, &ui, &access, result, "rejected").await
}

async fn finish(
    state: &AppState,
    ui: &Ui,
    access: &CaseAccess,
    result: Result<(), LedgerError>,
    done: &str,
) -> Result<Response, WebError> {
    match result {
        Ok(()) => {
            Ok(Redirect::to(&format!("/cases/{}?done={done}", access.id().0)).into_response())
        }
        Err(LedgerError::Rule(violation)) => {
            let mut errors = FormErrors::default();
            errors.add("entries", views::violation_message(ui.lang, &violation));
            page_with_errors(state, ui, access, RecordForm::default(), errors).await
        }
        Err(LedgerError::Upload(_)) => Err(WebError::BadRequest),
        Err(LedgerError::Store(error)) => Err(error.into()),
    }
}

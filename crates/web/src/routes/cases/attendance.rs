//! Daily reports on the case page: recording one on behalf of the work place, and the
//! supervisor's then the PK's verification (B5). The domain decides L4, L5, L6 and B5; a
//! refusal comes back on the page with its rule ID and the user's values kept.

use axum::Form;
use axum::extract::{Path, State};
use axum::response::{IntoResponse, Redirect, Response};
use jiff::Timestamp;
use jiff::civil::{Date, Time};
use karya_domain::{OfficeZone, Violation};
use karya_store::StoreError;
use karya_store::attendance::{self as ledger_store, LedgerError, NewEntry};
use karya_store::cases::{self, Case};
use karya_store::ids::{CaseId, EntryId};
use serde::Deserialize;

use super::{RecordForm, page_with_errors};
use crate::app::AppState;
use crate::auth::Authority;
use crate::error::WebError;
use crate::forms::{self, FormErrors};
use crate::i18n::Catalog;
use crate::page::Ui;
use crate::routes::path_id;
use crate::views;

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

pub async fn record(
    State(state): State<AppState>,
    ui: Ui,
    authority: Authority,
    Path(id): Path<String>,
    Form(form): Form<RecordForm>,
) -> Result<Response, WebError> {
    let grant = authority.report_attendance()?;
    let t = ui.t();
    let case = cases::get(&state.store, grant.scope, CaseId(path_id(&id)?)).await?;
    let entry = match parse_entry(&form, case.zone, t) {
        Ok(entry) => entry,
        Err(errors) => return page_with_errors(&state, &ui, &authority, &case, form, errors).await,
    };
    let once = crate::forms::once(authority.user().id, &form.once);
    let actor = authority.case_actor(grant);
    match ledger_store::record(
        &state.store,
        &actor,
        grant.scope,
        case.id,
        &entry,
        authority.user().id,
        once,
    )
    .await
    {
        Ok(_) | Err(LedgerError::Store(StoreError::Repeated(Some(_)))) => {
            Ok(Redirect::to(&format!("/cases/{}?done=recorded", case.id.0)).into_response())
        }
        Err(LedgerError::Store(StoreError::Repeated(None))) => {
            let mut errors = FormErrors::default();
            errors.add("date", t.already_submitted);
            page_with_errors(&state, &ui, &authority, &case, form, errors).await
        }
        Err(LedgerError::Rule(violation)) => {
            let mut errors = FormErrors::default();
            errors.add(
                field_of(&violation),
                views::violation_message(ui.lang, &violation),
            );
            page_with_errors(&state, &ui, &authority, &case, form, errors).await
        }
        Err(LedgerError::Store(error)) => Err(error.into()),
    }
}

pub async fn verify(
    State(state): State<AppState>,
    ui: Ui,
    authority: Authority,
    Path((id, entry)): Path<(String, String)>,
) -> Result<Response, WebError> {
    let (grant, step) = authority.verify_attendance()?;
    let case = cases::get(&state.store, grant.scope, CaseId(path_id(&id)?)).await?;
    let entry = EntryId(path_id(&entry)?);
    let result = ledger_store::verify(
        &state.store,
        &authority.case_actor(grant),
        grant.scope,
        case.id,
        entry,
        step,
        authority.user().id,
    )
    .await;
    finish(&state, &ui, &authority, &case, result, "verified").await
}

#[derive(Deserialize)]
pub struct RejectForm {
    #[serde(default)]
    reason: String,
}

pub async fn reject(
    State(state): State<AppState>,
    ui: Ui,
    authority: Authority,
    Path((id, entry)): Path<(String, String)>,
    Form(form): Form<RejectForm>,
) -> Result<Response, WebError> {
    let (grant, _) = authority.verify_attendance()?;
    let t = ui.t();
    let case = cases::get(&state.store, grant.scope, CaseId(path_id(&id)?)).await?;
    let entry = EntryId(path_id(&entry)?);
    let mut errors = FormErrors::default();
    let reason = forms::text(&mut errors, t, "entries", &form.reason, 500, true);
    if !errors.is_empty() {
        return page_with_errors(
            &state,
            &ui,
            &authority,
            &case,
            RecordForm::default(),
            errors,
        )
        .await;
    }
    let result = ledger_store::reject(
        &state.store,
        &authority.case_actor(grant),
        grant.scope,
        case.id,
        entry,
        authority.user().id,
        &reason,
    )
    .await;
    finish(&state, &ui, &authority, &case, result, "rejected").await
}

async fn finish(
    state: &AppState,
    ui: &Ui,
    authority: &Authority,
    case: &Case,
    result: Result<(), LedgerError>,
    done: &str,
) -> Result<Response, WebError> {
    match result {
        Ok(()) => Ok(Redirect::to(&format!("/cases/{}?done={done}", case.id.0)).into_response()),
        Err(LedgerError::Rule(violation)) => {
            let mut errors = FormErrors::default();
            errors.add("entries", views::violation_message(ui.lang, &violation));
            page_with_errors(state, ui, authority, case, RecordForm::default(), errors).await
        }
        Err(LedgerError::Store(error)) => Err(error.into()),
    }
}

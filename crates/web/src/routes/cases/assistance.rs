//! Assistance on the case page (seed §2.3.1 a–e): the PK records each step with its day and
//! what was done, and the initial report on the start of guidance; the client acknowledges
//! the explanation of their rights and obligations from their own account, and the head of
//! office acknowledges receiving the initial report. The domain decides; this page words it.

use axum::Form;
use axum::extract::State;
use axum::response::{IntoResponse, Redirect, Response};
use jiff::civil::Date;
use karya_domain::Permission;
use karya_domain::assistance::AssistanceStep;
use karya_store::access::CaseAccess;
use karya_store::assistance;

use super::{RecordForm, page_with_errors, today_in};
use crate::app::AppState;
use crate::auth::{CaseOf, can};
use crate::error::WebError;
use crate::forms::{self, FormErrors, Pairs};
use crate::i18n::{Catalog, Lang, fill};
use crate::page::Ui;
use crate::refusals::assistance_step;
use crate::views;

/// One recorded step as listed: (step, day, note, who, acknowledgement text).
pub type AssistanceRow = (&'static str, String, String, String, String);

#[derive(Default)]
pub struct AssistanceView {
    pub shown: bool,
    pub rows: Vec<AssistanceRow>,
    /// Steps a–e not recorded yet, by name.
    pub missing: Vec<&'static str>,
    pub can_record: bool,
    /// The step choices for the form: (value, label, selected).
    pub choices: Vec<(&'static str, &'static str, bool)>,
    pub done_on: String,
    pub note: String,
    /// The step the caller may acknowledge now, with the button's words.
    pub acknowledge: Option<(&'static str, &'static str)>,
}

pub async fn assistance_view(
    state: &AppState,
    access: &CaseAccess,
    lang: Lang,
    t: &Catalog,
    form: &RecordForm,
) -> Result<AssistanceView, WebError> {
    let case = access.case();
    let can_record = access.may(Permission::RecordAssistance) && !case.status.is_final();
    let acknowledges = access
        .role_for(Permission::AcknowledgeAssistance)
        .filter(|_| access.may(Permission::AcknowledgeAssistance));
    let records = assistance::for_case(&state.store, access).await?;
    if records.is_empty() && !can_record {
        return Ok(AssistanceView::default());
    }
    let rows = records
        .iter()
        .map(|r| {
            let acknowledged = match (&r.acknowledged_by, r.step.acknowledged_by()) {
                (Some(who), _) => fill(t.assistance_acknowledged_by, &[("name", who)]),
                (None, Some(_)) => t.assistance_not_acknowledged.to_owned(),
                (None, None) => String::new(),
            };
            (
                assistance_step(t, r.step),
                views::date(lang, r.done_on),
                r.note.clone(),
                r.recorded_by.clone(),
                acknowledged,
            )
        })
        .collect();
    let latest_open = |step: AssistanceStep| {
        records
            .iter()
            .rev()
            .find(|r| r.step == step)
            .is_some_and(|r| r.acknowledged_by.is_none())
    };
    let acknowledge = AssistanceStep::ALL
        .into_iter()
        .find(|step| {
            acknowledges.is_some() && step.acknowledged_by() == acknowledges && latest_open(*step)
        })
        .map(|step| {
            let words = if step == AssistanceStep::InitialReport {
                t.assistance_receive_report
            } else {
                t.assistance_acknowledge_rights
            };
            (step.as_str(), words)
        });
    let chosen = form.assistance_step.as_str();
    Ok(AssistanceView {
        shown: true,
        missing: AssistanceStep::STEPS
            .into_iter()
            .filter(|s| !records.iter().any(|r| r.step == *s))
            .map(|s| assistance_step(t, s))
            .collect(),
        rows,
        can_record,
        choices: AssistanceStep::ALL
            .into_iter()
            .map(|s| (s.as_str(), assistance_step(t, s), s.as_str() == chosen))
            .collect(),
        done_on: if form.assistance_on.is_empty() {
            today_in(state, case).to_string()
        } else {
            form.assistance_on.clone()
        },
        note: form.assistance_note.clone(),
        acknowledge,
    })
}

pub async fn record(
    State(state): State<AppState>,
    ui: Ui,
    access: CaseOf<can::RecordAssistance>,
    Form(form): Form<Pairs>,
) -> Result<Response, WebError> {
    let t = ui.t();
    let mut errors = FormErrors::default();
    let step = AssistanceStep::parse(form.get("assistance_step"));
    if step.is_none() {
        errors.add("assistance_step", t.field_required);
    }
    let done_on = form.get("assistance_on").parse::<Date>().ok();
    if done_on.is_none() {
        errors.add("assistance_on", t.date_invalid);
    }
    let note = forms::text(
        &mut errors,
        t,
        "assistance_note",
        form.get("assistance_note"),
        4000,
        false,
    );
    if let (true, Some(step), Some(done_on)) = (errors.is_empty(), step, done_on) {
        let today = today_in(&state, access.case());
        match assistance::record(&state.store, &access, step, done_on, today, &note).await {
            Ok(()) => {
                return Ok(Redirect::to(&format!(
                    "/cases/{}?done=assistance#assistance",
                    access.case().id.0
                ))
                .into_response());
            }
            Err(error) => {
                let field = match &error {
                    karya_store::cases::CaseError::Rule(v) => prefixed(v.field),
                    _ => "assistance_step",
                };
                forms::add_refusal(&mut errors, ui.lang, t, field, error)?;
            }
        }
    }
    let typed = RecordForm {
        assistance_step: form.get("assistance_step").to_owned(),
        assistance_on: form.get("assistance_on").to_owned(),
        assistance_note: form.get("assistance_note").to_owned(),
        ..RecordForm::default()
    };
    page_with_errors(&state, &ui, &access, typed, errors).await
}

/// The form's name of a field the domain names (`note` → `assistance_note`).
fn prefixed(field: &str) -> &'static str {
    match field {
        "note" => "assistance_note",
        "done_on" => "assistance_on",
        _ => "assistance_step",
    }
}

pub async fn acknowledge(
    State(state): State<AppState>,
    ui: Ui,
    access: CaseOf<can::AcknowledgeAssistance>,
    Form(form): Form<Pairs>,
) -> Result<Response, WebError> {
    let step = AssistanceStep::parse(form.get("step")).ok_or(WebError::BadRequest)?;
    match assistance::acknowledge(&state.store, &access, step).await {
        Ok(()) => Ok(Redirect::to(&format!(
            "/cases/{}?done=acknowledged#assistance",
            access.case().id.0
        ))
        .into_response()),
        Err(error) => {
            let mut errors = FormErrors::default();
            forms::add_refusal(&mut errors, ui.lang, ui.t(), "assistance", error)?;
            page_with_errors(&state, &ui, &access, RecordForm::default(), errors).await
        }
    }
}

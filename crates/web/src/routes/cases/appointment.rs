//! Appointing the PK from the case page (§2.2.3): the head's disposition choosing the PK
//! (each PK's caseload shown), the head of administration's draft for that PK, the head's
//! signature.
//! The same steps replace the PK later; the earlier appointments stay listed.

use axum::Form;
use axum::extract::State;
use axum::response::{IntoResponse, Redirect, Response};
use karya_domain::appointment::{self, Step};
use karya_store::appointments::{self, AppointError, Appointment, StepInput};
use karya_store::cases::{self, Case};
use karya_store::ids::UserId;
use serde::Deserialize;

use super::{RecordForm, page_with_errors};
use crate::app::AppState;
use crate::auth::{CaseOf, can};
use crate::error::WebError;
use crate::forms::{self, FormErrors};
use crate::i18n::{Catalog, Lang, fill};
use crate::page::Ui;
use crate::views;
use karya_domain::Permission;
use karya_store::access::CaseAccess;

#[derive(Default)]
pub struct AppointmentView {
    pub shown: bool,
    /// The appointment in progress, as a sentence.
    pub open: Option<String>,
    /// Signed appointments, newest first.
    pub history: Vec<String>,
    pub can_dispose: bool,
    pub can_draft: bool,
    pub can_sign: bool,
    pub reassignment: bool,
    /// The steps with no input the user may take now (draft, sign): (step, button label).
    pub buttons: Vec<(&'static str, &'static str)>,
    /// The office's PKs with their open caseload, for the head's choice.
    pub pks: Vec<(i64, String)>,
}

fn when(lang: Lang, case: &Case, text: &str) -> String {
    text.parse::<jiff::Timestamp>()
        .map(|at| {
            let (day, time) = views::local(case.zone, at);
            format!("{} {time}", views::date(lang, day))
        })
        .unwrap_or_default()
}

fn describe(t: &Catalog, lang: Lang, case: &Case, a: &Appointment) -> String {
    let mut text = fill(
        t.appointment_disposed,
        &[
            ("name", &a.disposed_by_name),
            ("when", &when(lang, case, &a.disposed_at)),
            ("pk", a.pk_name.as_deref().unwrap_or("—")),
        ],
    );
    if !a.note.is_empty() {
        text.push_str(&format!(" “{}”", a.note));
    }
    if let (Some(by), Some(at)) = (&a.drafted_by_name, &a.drafted_at) {
        text.push_str(" · ");
        text.push_str(&fill(
            t.appointment_drafted,
            &[("name", by), ("when", &when(lang, case, at))],
        ));
    }
    if let (Some(by), Some(at)) = (&a.signed_by_name, &a.signed_at) {
        text.push_str(" · ");
        text.push_str(&fill(
            t.appointment_signed,
            &[("name", by), ("when", &when(lang, case, at))],
        ));
    }
    text
}

pub async fn appointment_view(
    state: &AppState,
    access: &CaseAccess,
    lang: Lang,
    t: &Catalog,
) -> Result<AppointmentView, WebError> {
    let case = access.case();
    if !access.may(Permission::ReadAppointments) {
        return Ok(AppointmentView::default());
    }
    let all = appointments::for_case(&state.store, access).await?;
    let open = all.first().filter(|a| a.stage().is_some());
    let stage = open.and_then(Appointment::stage);
    let roles = &access.roles_for(Permission::AppointOfficers);
    let may = |step| appointment::check(step, case.status, stage, roles).is_ok();
    let can_dispose = may(Step::Dispose);
    let pks = if can_dispose {
        cases::office_pks(&state.store, access)
            .await?
            .into_iter()
            .map(|(id, name, load)| {
                (
                    id.0,
                    fill(
                        t.appointment_caseload,
                        &[("name", &name), ("n", &load.to_string())],
                    ),
                )
            })
            .collect()
    } else {
        Vec::new()
    };
    let view = AppointmentView {
        open: open.map(|a| describe(t, lang, case, a)),
        history: all
            .iter()
            .filter(|a| a.stage().is_none())
            .map(|a| describe(t, lang, case, a))
            .collect(),
        can_dispose,
        can_draft: may(Step::Draft),
        can_sign: may(Step::Sign),
        reassignment: appointment::is_reassignment(case.status),
        buttons: [
            (Step::Draft, t.appointment_draft),
            (Step::Sign, t.appointment_sign),
        ]
        .into_iter()
        .filter(|(step, _)| may(*step))
        .map(|(step, label)| (step.as_str(), label))
        .collect(),
        pks,
        shown: false,
    };
    Ok(AppointmentView {
        shown: view.open.is_some()
            || !view.history.is_empty()
            || view.can_dispose
            || view.can_draft
            || view.can_sign,
        ..view
    })
}

#[derive(Deserialize)]
pub struct StepForm {
    #[serde(default)]
    step: String,
    #[serde(default)]
    note: String,
    #[serde(default)]
    pk_user_id: String,
}

pub async fn perform(
    State(state): State<AppState>,
    ui: Ui,
    access: CaseOf<can::AppointOfficers>,
    Form(form): Form<StepForm>,
) -> Result<Response, WebError> {
    let t = ui.t();
    let case = access.case();
    let step = Step::parse(&form.step).ok_or(WebError::BadRequest)?;
    let mut errors = FormErrors::default();
    let note = forms::text(&mut errors, t, "note", &form.note, 500, false);
    let input = StepInput {
        note,
        pk: form.pk_user_id.trim().parse::<i64>().ok().map(UserId),
    };
    if errors.is_empty() {
        match appointments::perform(&state.store, &access, step, &input).await {
            Ok(()) => {
                return Ok(Redirect::to(&format!(
                    "/cases/{}?done=appointment#appointment",
                    case.id.0
                ))
                .into_response());
            }
            Err(AppointError::Refused(refusal)) => errors.add("appointment", ui.lang.say(&refusal)),
            Err(AppointError::NoOfficer) => errors.add("pk_user_id", t.pk_invalid),
            Err(AppointError::Case(error)) => {
                forms::add_refusal(&mut errors, ui.lang, t, "appointment", error)?
            }
        }
    }
    page_with_errors(&state, &ui, &access, RecordForm::default(), errors).await
}

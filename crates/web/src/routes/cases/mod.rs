//! Cases: the list in the caller's scope and the case page with its terms, status, ledger,
//! progress, milestones and daily reports. Writes live in the submodules.

pub mod appointment;
mod assessment_view;
pub mod assistance;
pub mod attendance;
pub mod client_account;
pub mod complaints;
pub mod evaluation;
pub mod files;
mod files_view;
pub mod forms_pdf;
pub mod guidance;
pub mod intake;
mod intake_view;
pub mod letters;
pub mod lifecycle;
pub mod list;
pub mod litmas;
pub mod new;
mod page;
pub mod placement;
pub mod placement_profile;
pub mod progress_reports;
pub mod sop_view;
pub mod supervision;
pub mod termination;
mod transition_buttons;
pub mod visits;

use axum::extract::{Query, State};
use axum::response::Response;
use karya_store::cases::Case;
use serde::Deserialize;

pub use page::{CasePage, EntryRow, LedgerView, RecordForm, case_page};

use crate::app::AppState;
use crate::auth::{CaseOf, can};
use crate::error::WebError;
use crate::forms::FormErrors;
use crate::page::Ui;
use karya_store::access::CaseAccess;

/// Today in the office's time zone: the civil day the ledger and milestones are read on.
pub fn today_in(state: &AppState, case: &Case) -> jiff::civil::Date {
    karya_domain::calendar::local_date(state.store.now(), &case.zone.time_zone())
}

/// A notice after a redirect, by key (never free text in a URL).
#[derive(Deserialize, Default)]
pub struct Notice {
    #[serde(default)]
    done: Option<String>,
}

impl Notice {
    pub fn message(&self, t: &'static crate::i18n::Catalog) -> Option<&'static str> {
        Some(match self.done.as_deref()? {
            "case" => t.case_saved,
            "recorded" => t.recorded,
            "session" => t.today_recorded,
            "verified" => t.verified,
            "rejected" => t.rejected_notice,
            "transition" => t.transition_done,
            "evaluation" => t.saved,
            "documents_valid" => t.checks_saved_valid,
            "documents_incomplete" => t.checks_saved_incomplete,
            "summons" => t.summons_issued,
            "summons_outcome" => t.summons_recorded,
            "violation" => t.violation_recorded,
            "letter" => t.letter_issued,
            "letter_unchanged" => t.letter_unchanged,
            "guidance_activity" => t.guidance_activity_saved,
            "behaviour" => t.guidance_behaviour_saved,
            "stage" => t.guidance_stage_saved,
            "advice" => t.supervision_advice_saved,
            "team" => t.supervision_team_saved,
            "step" => t.supervision_step_saved,
            "findings" => t.supervision_findings_saved,
            "recommendation" => t.supervision_recommendation_saved,
            "tpp_convened" => t.tpp_convened,
            "monitoring_visit" => t.monitoring_visit_saved,
            "tpp_minutes_signed" => t.tpp_minutes_signed,
            "decision" => t.supervision_decision_saved,
            "litmas_prosecutor" => t.supervision_litmas_issued,
            "conduct_report" => t.conduct_report_saved,
            "progress_report" => t.progress_report_sent,
            "prosecutor_decision" => t.supervision_prosecutor_saved,
            "progress_report_approved" => t.progress_report_approved_notice,
            "progress_report_returned" => t.progress_report_returned_notice,
            "report_step" => t.report_step_saved,
            "letter_draft" => t.letter_draft_saved,
            "assistance" => t.saved,
            "acknowledged" => t.assistance_acknowledged_notice,
            "distance_approved" => t.distance_approved_notice,
            "accommodation" => t.accommodations_saved,
            "sop" => t.sop_marked,
            "registered" => t.register_done,
            "file" => t.file_saved,
            "appointment" => t.appointment_saved,
            "partner" => t.saved,
            "agreement" => t.agreement_saved,
            "profile" => t.saved,
            "litmas" => t.saved,
            "litmas_submitted" => t.litmas_submitted_notice,
            "litmas_approved" => t.litmas_approved_notice,
            "placed" => t.placement_saved,
            "termination" => t.termination_saved,
            "complaint" => t.complaint_saved,
            "visit" => t.visit_saved,
            _ => return None,
        })
    }
}

/// The case page again with `errors` (and the report form's values): a refused action.
pub async fn page_with_errors(
    state: &AppState,
    ui: &Ui,
    access: &CaseAccess,
    form: RecordForm,
    errors: FormErrors,
) -> Result<Response, WebError> {
    let page = case_page(state, ui, access, form, errors, None).await?;
    let mut response = crate::routes::client_view::render_case(
        page,
        crate::routes::client_view::only_as_client(access),
    )?;
    *response.status_mut() = axum::http::StatusCode::UNPROCESSABLE_ENTITY;
    Ok(response)
}

pub async fn show(
    State(state): State<AppState>,
    ui: Ui,
    access: CaseOf<can::ReadCases>,
    Query(notice): Query<Notice>,
) -> Result<Response, WebError> {
    let once =
        karya_store::form_tokens::issue(&state.store, access.user().id, state.store.now_ms())
            .await?;
    // The report form offers today, the usual day reported (issue 13, item 3).
    let form = RecordForm {
        once,
        date: today_in(&state, access.case()).to_string(),
        ..RecordForm::default()
    };
    let page = case_page(
        &state,
        &ui,
        &access,
        form,
        FormErrors::default(),
        notice.message(ui.t()),
    )
    .await?;
    crate::routes::client_view::render_case(
        page,
        crate::routes::client_view::only_as_client(&access),
    )
}

//! Supervision under `/api/v1` (S3–S8, B8): read where a case's examinations and progress
//! reports stand; send the PK's advice, form the team, record its steps and findings, the
//! TPP's recommendation and the head's decision; report conduct; write and review progress
//! reports. The same store acts as for the pages; refusals are problem+json naming the rule.

use axum::Json;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use jiff::civil::Date;
use karya_domain::progress_report::{DueState, Narrative, Occasion, due_state};
use karya_domain::supervision::{
    ConductReport, Ground, Method, Recommendation, ReportKind, Reporter,
};
use karya_store::ids::UserId;
use karya_store::progress_reports;
use karya_store::supervision::{self as store, SupervisionError};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use super::api_guidance::RecordedOut;
use super::api_intake::{case_error, rules};
use super::cases::today_in;
use crate::api_json::ApiJson;
use crate::app::AppState;
use crate::auth::{CaseOf, can};
use crate::error::{Problem, WebError};

fn refused(error: SupervisionError) -> WebError {
    match error {
        SupervisionError::Rules(found) => rules(&found.0),
        SupervisionError::Case(error) => case_error(error),
    }
}

/// A code the API does not know is a 400: the schema lists the codes.
fn code<T>(parsed: Option<T>) -> Result<T, WebError> {
    parsed.ok_or(WebError::BadRequest)
}

fn done() -> Response {
    StatusCode::NO_CONTENT.into_response()
}

#[derive(Deserialize, ToSchema)]
pub struct AdviceIn {
    /// `suspected_violation` or `good_deed`.
    pub ground: String,
    /// The general or special condition concerned.
    #[serde(default)]
    pub condition: String,
    pub what_happened: String,
    #[serde(default)]
    pub evidence: String,
}

/// The PK advises the head to form an examination team (S5).
#[utoipa::path(post, path = "/api/v1/cases/{id}/supervision/advice", tag = "supervision", params(("id" = i64, Path)), request_body = AdviceIn,
    responses(
        (status = 201, body = RecordedOut),
        (status = 422, description = "S5", body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = [])))]
pub async fn advise(
    State(state): State<AppState>,
    access: CaseOf<can::AdviseExamination>,
    ApiJson(body): ApiJson<AdviceIn>,
) -> Result<Response, WebError> {
    let advice = karya_domain::supervision::Advice {
        ground: code(Ground::parse(&body.ground))?,
        condition: body.condition,
        what_happened: body.what_happened,
        evidence: body.evidence,
    };
    let id = store::advise(&state.store, &access, &advice)
        .await
        .map_err(refused)?;
    Ok((StatusCode::CREATED, Json(RecordedOut { id })).into_response())
}

#[derive(Deserialize, ToSchema)]
pub struct TeamIn {
    pub examination: i64,
    /// The members, by user id: the office's staff, two at least.
    pub members: Vec<i64>,
    /// The chair, one of the members.
    pub chair: i64,
}

/// The head forms the team, which has seven days from today (S6).
#[utoipa::path(post, path = "/api/v1/cases/{id}/supervision/team", tag = "supervision", params(("id" = i64, Path)), request_body = TeamIn,
    responses(
        (status = 204),
        (status = 422, description = "S6", body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = [])))]
pub async fn form_team(
    State(state): State<AppState>,
    access: CaseOf<can::DecideSupervision>,
    ApiJson(body): ApiJson<TeamIn>,
) -> Result<Response, WebError> {
    let members: Vec<UserId> = body.members.into_iter().map(UserId).collect();
    let today = today_in(&state, access.case());
    store::form_team(
        &state.store,
        &access,
        body.examination,
        &members,
        Some(UserId(body.chair)),
        today,
    )
    .await
    .map_err(refused)?;
    Ok(done())
}

#[derive(Deserialize, ToSchema)]
pub struct StepIn {
    pub examination: i64,
    /// `document_review`, `interview_client`, `interview_others` or `other`.
    pub method: String,
    #[schema(value_type = String, format = Date)]
    pub on: Date,
    /// What was done and found; for an interview, its minutes.
    pub record: String,
}

/// A team member records a step of the examination (S6).
#[utoipa::path(post, path = "/api/v1/cases/{id}/supervision/steps", tag = "supervision", params(("id" = i64, Path)), request_body = StepIn,
    responses(
        (status = 204),
        (status = 422, description = "S6", body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = [])))]
pub async fn record_step(
    State(state): State<AppState>,
    access: CaseOf<can::ExamineCases>,
    ApiJson(body): ApiJson<StepIn>,
) -> Result<Response, WebError> {
    let method = code(Method::parse(&body.method))?;
    let today = today_in(&state, access.case());
    store::record_step(
        &state.store,
        &access,
        body.examination,
        method,
        body.on,
        &body.record,
        today,
    )
    .await
    .map_err(refused)?;
    Ok(done())
}

#[derive(Deserialize, ToSchema)]
pub struct FindingsIn {
    pub examination: i64,
    pub findings: String,
}

#[derive(Serialize, ToSchema)]
pub struct FindingsOut {
    /// Recorded after the seventh day (S6): marked late for good.
    pub late: bool,
}

/// The team records its findings (S6); after day 7 they are marked late.
#[utoipa::path(post, path = "/api/v1/cases/{id}/supervision/findings", tag = "supervision", params(("id" = i64, Path)), request_body = FindingsIn,
    responses(
        (status = 200, body = FindingsOut),
        (status = 422, description = "S6", body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = [])))]
pub async fn record_findings(
    State(state): State<AppState>,
    access: CaseOf<can::ExamineCases>,
    ApiJson(body): ApiJson<FindingsIn>,
) -> Result<Json<FindingsOut>, WebError> {
    let today = today_in(&state, access.case());
    let late = store::record_findings(
        &state.store,
        &access,
        body.examination,
        &body.findings,
        today,
    )
    .await
    .map_err(refused)?;
    Ok(Json(FindingsOut { late }))
}

#[derive(Deserialize, ToSchema)]
pub struct RecommendationIn {
    pub examination: i64,
    /// `good_conduct`, `continue_serving`, or a default order of the decision (L8):
    /// `repeat_work`, `serve_imprisonment` or `pay_fine`.
    pub recommendation: String,
    /// The TPP members present, by user id.
    pub present: Vec<i64>,
    pub deliberation: String,
}

/// The TPP session recommends on the findings (S7), only a default order the decision
/// contains (L8).
#[utoipa::path(post, path = "/api/v1/cases/{id}/supervision/recommendation", tag = "supervision", params(("id" = i64, Path)), request_body = RecommendationIn,
    responses(
        (status = 204),
        (status = 422, description = "S7, L8", body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = [])))]
pub async fn recommend(
    State(state): State<AppState>,
    access: CaseOf<can::RecommendInTpp>,
    ApiJson(body): ApiJson<RecommendationIn>,
) -> Result<Response, WebError> {
    let recommendation = code(Recommendation::parse(&body.recommendation))?;
    let present: Vec<UserId> = body.present.into_iter().map(UserId).collect();
    let today = today_in(&state, access.case());
    store::recommend(
        &state.store,
        &access,
        body.examination,
        recommendation,
        &present,
        &body.deliberation,
        today,
    )
    .await
    .map_err(refused)?;
    Ok(done())
}

#[derive(Deserialize, ToSchema)]
pub struct DecisionIn {
    pub examination: i64,
    pub accept: bool,
    pub reasons: String,
}

#[derive(Serialize, ToSchema)]
pub struct DecisionOut {
    /// Accepted, a default order goes to the prosecutor as a Litmas (S8): its document id.
    pub litmas_document: Option<i64>,
}

/// The head accepts or rejects the TPP's recommendation with reasons (S8). Accepting a
/// default order issues the Litmas to the prosecutor at once.
#[utoipa::path(post, path = "/api/v1/cases/{id}/supervision/decision", tag = "supervision", params(("id" = i64, Path)), request_body = DecisionIn,
    responses(
        (status = 200, body = DecisionOut),
        (status = 422, description = "S8", body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = [])))]
pub async fn decide(
    State(state): State<AppState>,
    access: CaseOf<can::DecideSupervision>,
    ApiJson(body): ApiJson<DecisionIn>,
) -> Result<Json<DecisionOut>, WebError> {
    let today = today_in(&state, access.case());
    store::decide(
        &state.store,
        &access,
        body.examination,
        body.accept,
        &body.reasons,
        today,
    )
    .await
    .map_err(refused)?;
    let litmas_document =
        super::cases::supervision::litmas_if_accepted(&state, &access, body.examination).await?;
    Ok(Json(DecisionOut { litmas_document }))
}

#[derive(Deserialize, ToSchema)]
pub struct ConductIn {
    /// `non_compliance` or `good_deed`.
    pub kind: String,
    #[schema(value_type = String, format = Date)]
    pub on: Date,
    pub description: String,
    /// For someone of the community reporting through the office (the registry): their
    /// name and contact, kept confidential. Ignored for the work-place supervisor.
    #[serde(default)]
    pub reporter_name: String,
    #[serde(default)]
    pub reporter_contact: String,
}

/// Reports a client's non-compliance or good deed (S3): the work-place supervisor, or the
/// registry for someone of the community.
#[utoipa::path(post, path = "/api/v1/cases/{id}/conduct-reports", tag = "supervision", params(("id" = i64, Path)), request_body = ConductIn,
    responses(
        (status = 201, body = RecordedOut),
        (status = 422, description = "S3", body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = [])))]
pub async fn report_conduct(
    State(state): State<AppState>,
    access: CaseOf<can::ReportConduct>,
    ApiJson(body): ApiJson<ConductIn>,
) -> Result<Response, WebError> {
    let supervisor = access.role_for(karya_domain::Permission::ReportConduct)
        == Some(karya_domain::Role::SiteSupervisor);
    let report = ConductReport {
        kind: code(ReportKind::parse(&body.kind))?,
        reporter: if supervisor {
            Reporter::Supervisor
        } else {
            Reporter::Community
        },
        reporter_name: if supervisor {
            String::new()
        } else {
            body.reporter_name
        },
        reporter_contact: if supervisor {
            String::new()
        } else {
            body.reporter_contact
        },
        happened_on: body.on,
        description: body.description,
    };
    let today = today_in(&state, access.case());
    let id = store::report_conduct(&state.store, &access, &report, today)
        .await
        .map_err(refused)?;
    Ok((StatusCode::CREATED, Json(RecordedOut { id })).into_response())
}

#[derive(Deserialize, ToSchema)]
pub struct ProgressIn {
    /// The day the report falls due (one of the case's due days).
    #[schema(value_type = String, format = Date)]
    pub due_on: Date,
    pub progress: String,
    pub obstacles: String,
    pub next_steps: String,
}

/// The PK sends the progress report due on `due_on` to the head (S4), drafted from the
/// records as they stand.
#[utoipa::path(post, path = "/api/v1/cases/{id}/progress-reports", tag = "supervision", params(("id" = i64, Path)), request_body = ProgressIn,
    responses(
        (status = 201, body = RecordedOut),
        (status = 404, description = "no report falls due that day"),
        (status = 422, description = "S4", body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = [])))]
pub async fn write_progress(
    State(state): State<AppState>,
    access: CaseOf<can::WriteProgressReports>,
    ApiJson(body): ApiJson<ProgressIn>,
) -> Result<Response, WebError> {
    let narrative = Narrative {
        progress: body.progress,
        obstacles: body.obstacles,
        next_steps: body.next_steps,
    };
    let today = today_in(&state, access.case());
    let id = progress_reports::write(&state.store, &access, body.due_on, &narrative, today)
        .await
        .map_err(refused)?;
    Ok((StatusCode::CREATED, Json(RecordedOut { id })).into_response())
}

#[derive(Deserialize, ToSchema)]
pub struct ReviewIn {
    pub approve: bool,
    /// Required to return the report.
    #[serde(default)]
    pub note: String,
}

#[derive(Serialize, ToSchema)]
pub struct ReviewOut {
    /// Approved: the document sent to the prosecutor and the court (B8).
    pub document: Option<i64>,
}

/// The head approves a progress report, which issues it to the prosecutor with a copy to
/// the court (B8), or returns it to the PK with a note (S4).
#[utoipa::path(post, path = "/api/v1/cases/{id}/progress-reports/{report}/review", tag = "supervision",
    params(("id" = i64, Path), ("report" = i64, Path)), request_body = ReviewIn,
    responses(
        (status = 200, body = ReviewOut),
        (status = 422, description = "S4", body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = [])))]
pub async fn review_progress(
    State(state): State<AppState>,
    access: CaseOf<can::ReviewProgressReports>,
    Path((_, report)): Path<(i64, i64)>,
    ApiJson(body): ApiJson<ReviewIn>,
) -> Result<Json<ReviewOut>, WebError> {
    let issued =
        super::cases::progress_reports::reviewed(&state, &access, report, body.approve, &body.note)
            .await?
            .map_err(refused)?;
    Ok(Json(ReviewOut {
        document: issued.map(|d| d.id),
    }))
}

#[derive(Serialize, ToSchema)]
pub struct ExaminationOut {
    pub id: i64,
    /// `suspected_violation` or `good_deed`.
    pub ground: &'static str,
    pub what_happened: String,
    #[schema(value_type = Option<String>, format = Date)]
    pub formed_on: Option<String>,
    pub members: Vec<String>,
    pub findings: Option<String>,
    pub findings_late: bool,
    pub recommendation: Option<&'static str>,
    pub accepted: Option<bool>,
}

#[derive(Serialize, ToSchema)]
pub struct DueReportOut {
    #[schema(value_type = String, format = Date)]
    pub due_on: String,
    /// `periodic`, or the evaluation point: `evaluation_1`, `evaluation_2`, `evaluation_3`.
    pub occasion: String,
    /// `upcoming`, `due`, `overdue` or `written`.
    pub state: &'static str,
}

#[derive(Serialize, ToSchema)]
pub struct ProgressReportOut {
    pub id: i64,
    #[schema(value_type = String, format = Date)]
    pub due_on: String,
    /// `submitted`, `returned` or `approved`.
    pub stage: &'static str,
    pub progress: String,
    pub obstacles: String,
    pub next_steps: String,
    pub review_note: Option<String>,
    pub document: Option<i64>,
}

#[derive(Serialize, ToSchema)]
pub struct SupervisionOut {
    /// Newest first.
    pub examinations: Vec<ExaminationOut>,
    /// The office's period of progress reports, in months (S4).
    pub report_period_months: u8,
    /// The reports fallen due, and the next one.
    pub reports_due: Vec<DueReportOut>,
    /// Newest first.
    pub progress_reports: Vec<ProgressReportOut>,
}

/// Where the case's examinations (S5–S8) and progress reports (S4, B8) stand.
#[utoipa::path(get, path = "/api/v1/cases/{id}/supervision", tag = "supervision", params(("id" = i64, Path)),
    responses((status = 200, body = SupervisionOut)),
    security(("bearer" = [])))]
pub async fn show(
    State(state): State<AppState>,
    access: CaseOf<can::ReadGuidance>,
) -> Result<Json<SupervisionOut>, WebError> {
    let examinations = store::for_case(&state.store, &access)
        .await?
        .into_iter()
        .map(|e| ExaminationOut {
            id: e.id,
            ground: e.advice.ground.as_str(),
            what_happened: e.advice.what_happened,
            formed_on: e.formed_on.map(|d| d.to_string()),
            members: e.members,
            findings: e.findings,
            findings_late: e.findings_late,
            recommendation: e.recommendation.map(Recommendation::as_str),
            accepted: e.accepted,
        })
        .collect();
    let book = progress_reports::book(&state.store, &access).await?;
    let today = today_in(&state, access.case());
    let written = book.written_days();
    let upcoming = book.points.iter().find(|p| p.on > today).map(|p| p.on);
    Ok(Json(SupervisionOut {
        examinations,
        report_period_months: book.months,
        reports_due: book
            .points
            .iter()
            .filter(|p| p.on <= today || Some(p.on) == upcoming)
            .map(|p| DueReportOut {
                due_on: p.on.to_string(),
                occasion: match p.occasion {
                    Occasion::Periodic => "periodic".to_owned(),
                    Occasion::Evaluation(q) => format!("evaluation_{}", q.quarters()),
                },
                state: match due_state(p.on, today, written.contains(&p.on)) {
                    DueState::Upcoming => "upcoming",
                    DueState::Due => "due",
                    DueState::Overdue => "overdue",
                    DueState::Written => "written",
                },
            })
            .collect(),
        progress_reports: book
            .written
            .into_iter()
            .map(|r| ProgressReportOut {
                id: r.id,
                due_on: r.due_on.to_string(),
                stage: r.stage.as_str(),
                progress: r.narrative.progress,
                obstacles: r.narrative.obstacles,
                next_steps: r.narrative.next_steps,
                review_note: r.review_note,
                document: r.document_id,
            })
            .collect(),
    }))
}

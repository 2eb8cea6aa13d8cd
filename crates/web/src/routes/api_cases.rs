//! The case and ledger API (`/api/v1`): validate sentence terms, list cases in scope, read a
//! ledger, record a daily report and verify or reject it. Broken rules come back as
//! problem+json with `rule` (e.g. `L5`) and every broken rule in `errors`.

use axum::Json;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use jiff::Timestamp;
use jiff::civil::Date;
use karya_domain::milestones;
use karya_domain::{FineCategories, SentenceTerms, ServiceWindow, Violation, progress};
use karya_store::StoreError;
use karya_store::attendance::{self as ledger_store, LedgerError, NewEntry};
use karya_store::cases::Case;
use karya_store::form_tokens::{self, Once};
use karya_store::ids::EntryId;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use super::cases::today_in;
use super::path_id;
use crate::api_json::ApiJson;
use crate::app::AppState;
use crate::auth::{Authority, CaseOf, can};
use crate::error::{Problem, WebError};
use crate::forms;
use crate::views;
use karya_domain::Permission;
use karya_store::access::CaseAccess;

fn rules(violations: &[Violation]) -> WebError {
    WebError::Rules(violations.iter().map(views::rule_problem).collect())
}

#[derive(Deserialize, ToSchema)]
pub struct ValidateTerms {
    /// The sentence terms of the decision (the fields of `SentenceTerms`: court,
    /// decision_number, decision_date, date_final, offence_articles, max_threat_months,
    /// replaced, hours_ordered (minutes), schedule, default_orders, considerations).
    #[schema(value_type = Object)]
    pub terms: SentenceTerms,
    /// The day the office received the client; the service window starts then (L6).
    #[schema(value_type = Option<String>, format = Date)]
    pub received_on: Option<Date>,
}

#[derive(Serialize, ToSchema)]
pub struct TermsVerdict {
    pub valid: bool,
    /// Hours ordered in minutes.
    pub hours_ordered_minutes: i64,
    #[schema(value_type = Option<String>, format = Date)]
    pub window_start: Option<Date>,
    #[schema(value_type = Option<String>, format = Date)]
    pub window_end: Option<Date>,
}

/// Checks sentence terms against L1–L8 (and I1 with `received_on`) without saving them.
#[utoipa::path(post, path = "/api/v1/sentence-terms/validate", tag = "cases", request_body = ValidateTerms,
    responses(
        (status = 200, description = "The terms are lawful", body = TermsVerdict),
        (status = 422, description = "Rules broken (`rule`, `errors`)", body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = [])))]
pub async fn validate_terms(
    _authority: Authority,
    ApiJson(body): ApiJson<ValidateTerms>,
) -> Result<Json<TermsVerdict>, WebError> {
    let valid = body
        .terms
        .validate(&FineCategories::default())
        .map_err(|v| rules(&v.0))?;
    let window = match body.received_on {
        Some(day) => Some(ServiceWindow::for_sentence(&valid, day).map_err(|v| rules(&[v]))?),
        None => None,
    };
    Ok(Json(TermsVerdict {
        valid: true,
        hours_ordered_minutes: valid.hours_ordered.0,
        window_start: window.map(|w| w.start()),
        window_end: window.map(|w| w.end_inclusive()),
    }))
}

#[derive(Serialize, ToSchema)]
pub struct CaseSummary {
    pub id: i64,
    pub office: String,
    pub decision_number: String,
    /// The lifecycle status, e.g. `serving` or `terminated`.
    pub status: String,
    pub termination_reason: Option<String>,
    pub hours_ordered_minutes: i64,
    #[schema(value_type = String, format = Date)]
    pub window_end: Date,
}

fn summary(case: &Case) -> CaseSummary {
    CaseSummary {
        id: case.id.0,
        office: case.office_code.clone(),
        decision_number: case.decision_number.clone(),
        status: case.status.as_str().to_owned(),
        termination_reason: case
            .status
            .termination_reason()
            .map(|r| r.as_str().to_owned()),
        hours_ordered_minutes: case.hours_ordered.0,
        window_end: case.window.end_inclusive(),
    }
}

/// Cases in the caller's scope.
#[utoipa::path(get, path = "/api/v1/cases", tag = "cases",
    responses((status = 200, body = [CaseSummary]), (status = 403, body = Problem, content_type = "application/problem+json")),
    security(("bearer" = [])))]
pub async fn list(
    State(state): State<AppState>,
    authority: Authority,
) -> Result<Json<Vec<CaseSummary>>, WebError> {
    let grant = authority.grant(Permission::ReadCases)?;
    Ok(Json(
        state
            .store
            .cases_in(&grant)
            .await?
            .iter()
            .map(summary)
            .collect(),
    ))
}

#[derive(Serialize, ToSchema)]
pub struct EntryOut {
    pub id: i64,
    #[schema(value_type = String, format = DateTime)]
    pub start: Timestamp,
    #[schema(value_type = String, format = DateTime)]
    pub end: Timestamp,
    pub minutes: i64,
    pub activity: String,
    /// `reported`, `supervisor_verified`, `credited` or `rejected`.
    pub state: String,
    pub rejected_reason: Option<String>,
}

#[derive(Serialize, ToSchema)]
pub struct MilestoneOut {
    /// `hours` or `window`.
    pub basis: String,
    /// 1, 2 or 3 quarters.
    pub quarter: i64,
    #[schema(value_type = Option<String>, format = Date)]
    pub day: Option<Date>,
    pub threshold_minutes: Option<i64>,
    /// `upcoming`, `due`, `done` or `late`.
    pub state: String,
}

#[derive(Serialize, ToSchema)]
pub struct LedgerOut {
    pub case: CaseSummary,
    pub ordered_minutes: i64,
    pub credited_minutes: i64,
    pub pending_minutes: i64,
    pub rejected_minutes: i64,
    pub remaining_minutes: i64,
    /// `on_track`, `at_risk`, `overdue` or `completed`.
    pub progress: String,
    #[schema(value_type = Option<String>, format = Date)]
    pub projected_completion: Option<Date>,
    pub milestones: Vec<MilestoneOut>,
    pub entries: Vec<EntryOut>,
}

async fn ledger_out(state: &AppState, access: &CaseAccess) -> Result<LedgerOut, WebError> {
    let case = access.case();
    let (ledger, views_of) = ledger_store::ledger(&state.store, access).await?;
    let today = today_in(state, case);
    let totals = ledger.totals();
    let progress = progress::progress(&ledger, today);
    let done = karya_store::evaluations::done(&state.store, access).await?;
    let milestones = milestones::milestones(&ledger, today, &done)
        .into_iter()
        .map(|m| MilestoneOut {
            basis: match m.key.basis {
                milestones::MilestoneBasis::Hours => "hours".into(),
                milestones::MilestoneBasis::Window => "window".into(),
            },
            quarter: m.key.quarter.quarters(),
            day: m.day,
            threshold_minutes: m.threshold.map(|t| t.0),
            state: format!("{:?}", m.state).to_lowercase(),
        })
        .collect();
    let entries = views_of
        .into_iter()
        .map(|view| EntryOut {
            id: view.entry.id,
            start: view.entry.start,
            end: view.entry.end,
            minutes: view.minutes,
            activity: view.activity,
            state: view.entry.state.as_str().to_owned(),
            rejected_reason: match view.entry.state {
                karya_domain::EntryState::Rejected { reason, .. } => Some(reason),
                _ => None,
            },
        })
        .collect();
    Ok(LedgerOut {
        case: summary(case),
        ordered_minutes: totals.ordered.0,
        credited_minutes: totals.credited.0,
        pending_minutes: totals.pending.0,
        rejected_minutes: totals.rejected.0,
        remaining_minutes: totals.remaining.0,
        progress: progress.status.as_str().to_owned(),
        projected_completion: progress.projected_completion,
        milestones,
        entries,
    })
}

/// A case's hours ledger: totals, progress, milestones (M4) and daily reports.
#[utoipa::path(get, path = "/api/v1/cases/{id}/ledger", tag = "cases", params(("id" = i64, Path)),
    responses((status = 200, body = LedgerOut), (status = 404, body = Problem, content_type = "application/problem+json")),
    security(("bearer" = [])))]
pub async fn ledger(
    State(state): State<AppState>,
    access: CaseOf<can::ReadCases>,
) -> Result<Json<LedgerOut>, WebError> {
    let _case = access.case();
    Ok(Json(ledger_out(&state, &access).await?))
}

#[derive(Deserialize, ToSchema)]
pub struct NewAttendance {
    /// Time in, RFC 3339 (e.g. `2026-11-20T08:00:00+07:00`), whole minutes.
    #[schema(value_type = String, format = DateTime)]
    pub start: Timestamp,
    #[schema(value_type = String, format = DateTime)]
    pub end: Timestamp,
    /// What was done, in the client's or the supervisor's words (at most 500 characters).
    #[schema(min_length = 1, max_length = 500, pattern = r"\S")]
    pub activity: String,
}

#[derive(Serialize, ToSchema)]
pub struct Recorded {
    pub id: i64,
}

/// Records a daily report on behalf of the work place (B5). Send an `Idempotency-Key`
/// header to make a retry safe: the same key returns the first result.
#[utoipa::path(post, path = "/api/v1/cases/{id}/attendance", tag = "cases", params(("id" = i64, Path), ("Idempotency-Key" = Option<String>, Header)),
    request_body = NewAttendance,
    responses(
        (status = 201, description = "Recorded, awaiting verification", body = Recorded),
        (status = 200, description = "A retry with the same Idempotency-Key", body = Recorded),
        (status = 422, description = "L4, L5, L6 or B5 broken", body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = [])))]
pub async fn record(
    State(state): State<AppState>,
    access: CaseOf<can::ReportAttendance>,
    headers: HeaderMap,
    ApiJson(body): ApiJson<NewAttendance>,
) -> Result<Response, WebError> {
    let _case = access.case();
    let mut errors = forms::FormErrors::default();
    let activity = forms::text(
        &mut errors,
        crate::i18n::Lang::En.catalog(),
        "activity",
        &body.activity,
        500,
        true,
    );
    if !errors.is_empty() {
        return Err(WebError::InvalidBody(
            "activity: say what was done, in at most 500 characters".to_owned(),
        ));
    }
    let user = access.user().id;
    let key = headers
        .get("idempotency-key")
        .and_then(|v| v.to_str().ok())
        .map(|key| format!("api:{}:{}", user.0, key.trim()));
    if let Some(key) = &key {
        form_tokens::register_key(&state.store, user, key, state.store.now_ms()).await?;
    }
    let once = key.as_deref().map(|token| Once { user, token });
    let entry = NewEntry {
        start: body.start,
        end: body.end,
        activity,
    };
    match ledger_store::record(&state.store, &access, &entry, once).await {
        Ok(id) => Ok((StatusCode::CREATED, Json(Recorded { id: id.0 })).into_response()),
        Err(LedgerError::Store(StoreError::Repeated(Some(object)))) => {
            let id = object
                .trim_start_matches("attendance:")
                .parse()
                .unwrap_or_default();
            Ok((
                StatusCode::OK,
                [("idempotent-replayed", "true")],
                Json(Recorded { id }),
            )
                .into_response())
        }
        Err(LedgerError::Store(StoreError::Repeated(None))) => Err(WebError::Conflict),
        Err(error) => Err(ledger_error(error)),
    }
}

/// Verifies a daily report: as the work-place supervisor first, then as the case's PK, whose
/// verification credits it (B5). Nobody verifies their own report.
#[utoipa::path(post, path = "/api/v1/cases/{id}/attendance/{entry}/verify", tag = "cases", params(("id" = i64, Path), ("entry" = i64, Path)),
    responses((status = 204, description = "Verified"), (status = 422, body = Problem, content_type = "application/problem+json")),
    security(("bearer" = [])))]
pub async fn verify(
    State(state): State<AppState>,
    access: CaseOf<can::VerifyAttendance>,
    Path((_, entry)): Path<(String, String)>,
) -> Result<StatusCode, WebError> {
    let entry = EntryId(path_id(&entry)?);
    ledger_store::verify(&state.store, &access, entry)
        .await
        .map_err(ledger_error)?;
    Ok(StatusCode::NO_CONTENT)
}

#[derive(Deserialize, ToSchema)]
pub struct Rejection {
    /// Why the report is rejected (at most 500 characters).
    #[schema(min_length = 1, max_length = 500, pattern = r"\S")]
    pub reason: String,
}

/// Rejects a daily report with its reason (B5).
#[utoipa::path(post, path = "/api/v1/cases/{id}/attendance/{entry}/reject", tag = "cases", params(("id" = i64, Path), ("entry" = i64, Path)),
    request_body = Rejection,
    responses((status = 204, description = "Rejected"), (status = 422, body = Problem, content_type = "application/problem+json")),
    security(("bearer" = [])))]
pub async fn reject(
    State(state): State<AppState>,
    access: CaseOf<can::VerifyAttendance>,
    Path((_, entry)): Path<(String, String)>,
    ApiJson(body): ApiJson<Rejection>,
) -> Result<StatusCode, WebError> {
    let entry = EntryId(path_id(&entry)?);
    let reason = body.reason.trim();
    if reason.is_empty() || reason.chars().count() > 500 {
        return Err(WebError::InvalidBody(
            "reason: say why, in at most 500 characters".to_owned(),
        ));
    }
    ledger_store::reject(&state.store, &access, entry, reason)
        .await
        .map_err(ledger_error)?;
    Ok(StatusCode::NO_CONTENT)
}

fn ledger_error(error: LedgerError) -> WebError {
    match error {
        LedgerError::Rule(violation) => rules(&[violation]),
        LedgerError::Store(error) => error.into(),
        // The API records reports without evidence; an upload error cannot arise here.
        LedgerError::Upload(error) => WebError::InvalidBody(error.to_string()),
    }
}

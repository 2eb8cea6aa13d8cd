//! Intake under `/api/v1`: record a decision (I1, I2, L1–L8), the document check (D1–D3),
//! summonses and their outcomes (I3, I4); registration is in `api_register`. Broken
//! rules answer problem+json with `rule` and `errors`, as everywhere in the API.

use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use jiff::civil::Date;
use karya_domain::intake::{
    Channel, CheckKind, CheckOutcome, DocumentCheck, DocumentsVerdict, IntakeDocument,
    SummonsOutcome,
};
use karya_domain::{FineCategories, SentenceTerms, ServiceWindow, Violation};
use karya_store::cases::{self, CaseError, Intake, NewCase};
use karya_store::ids::ProsecutorOfficeId;
use karya_store::intake::{self as intake_store, NewSummons};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use super::cases::today_in;
use crate::api_json::ApiJson;
use crate::app::AppState;
use crate::auth::{CaseOf, Granted, can};
use crate::error::{Problem, WebError};
use crate::views;

pub(super) fn rules(violations: &[Violation]) -> WebError {
    WebError::Rules(violations.iter().map(views::rule_problem).collect())
}

pub(super) fn case_error(error: CaseError) -> WebError {
    match error {
        CaseError::Rule(violation) => rules(&[violation]),
        CaseError::Refused(refused) if refused.is_forbidden() => WebError::Forbidden,
        CaseError::Refused(refused) => WebError::Rules(vec![crate::error::RuleProblem {
            rule: refused
                .rule()
                .map_or_else(|| "lifecycle".to_owned(), |r| r.code().to_owned()),
            field: "status".into(),
            message: crate::i18n::Lang::En.say(&refused),
            reason: match &refused {
                karya_domain::TransitionError::Guard { refusal, .. } => Some(refusal.code()),
                _ => None,
            },
        }]),
        CaseError::NoOfficer => WebError::BadRequest,
        CaseError::Store(error) => error.into(),
    }
}

#[derive(Deserialize, ToSchema)]
pub struct NewIntake {
    pub client_name: String,
    /// The client's address as the decision gives it (for the summons); optional.
    #[serde(default)]
    pub client_address: String,
    /// `notice`, `decision` or `handover` (I2).
    pub channel: String,
    pub handed_over: bool,
    pub prosecutor_office_id: Option<i64>,
    pub execution_letter_number: Option<String>,
    #[schema(value_type = Option<String>, format = Date)]
    pub execution_letter_date: Option<Date>,
    pub execution_letter_issuer: Option<String>,
    #[schema(value_type = String, format = Date)]
    pub received_on: Date,
    /// The sentence terms, as for `/api/v1/sentence-terms/validate`.
    #[schema(value_type = Object)]
    pub terms: SentenceTerms,
}

#[derive(Serialize, ToSchema)]
pub struct Created {
    pub id: i64,
}

/// Records a court decision at the intake desk (I1, I2, L1–L8): the case starts `received`.
#[utoipa::path(post, path = "/api/v1/cases", tag = "intake", request_body = NewIntake,
    responses((status = 201, body = Created), (status = 422, description = "I1, I2, L1–L8", body = Problem, content_type = "application/problem+json")),
    security(("bearer" = [])))]
pub async fn create(
    State(state): State<AppState>,
    granted: Granted<can::OpenCases>,
    ApiJson(body): ApiJson<NewIntake>,
) -> Result<Response, WebError> {
    let office = granted.grant().office()?;
    let channel = Channel::parse(&body.channel).ok_or_else(|| {
        rules(&[Violation::new(
            karya_domain::Rule::I2,
            "channel",
            karya_domain::Refusal::UnknownChannel,
        )])
    })?;
    let name = body.client_name.trim();
    if name.is_empty() || name.chars().count() > 200 {
        return Err(WebError::InvalidBody(
            "client_name: 1 to 200 characters".into(),
        ));
    }
    let zone = karya_store::orgs::office_of(&state.store, &office).await?;
    let zone =
        karya_domain::OfficeZone::parse(&zone.time_zone).unwrap_or(karya_domain::OfficeZone::Wib);
    let today = karya_domain::calendar::local_date(state.store.now(), &zone.time_zone());
    let mut violations: Vec<Violation> = match body.terms.validate(&FineCategories::default()) {
        Ok(_) => Vec::new(),
        Err(v) => v.0,
    };
    violations.extend(karya_domain::intake::check_final(body.terms.date_final, today).err());
    violations.extend(
        karya_domain::window::check_reception(body.terms.date_final, body.received_on).err(),
    );
    violations
        .extend(karya_domain::intake::check_prosecutor(body.prosecutor_office_id.is_some()).err());
    if !violations.is_empty() {
        return Err(rules(&violations));
    }
    let valid = body
        .terms
        .validate(&FineCategories::default())
        .map_err(|v| rules(&v.0))?;
    let (window, window_basis) =
        ServiceWindow::for_new_case(&valid, body.received_on, body.handed_over)
            .map_err(|v| rules(&[v]))?;
    let new_case = NewCase {
        client_name: name.to_owned(),
        client_address: body.client_address.trim().chars().take(300).collect(),
        prosecutor_office: body.prosecutor_office_id.map(ProsecutorOfficeId),
        terms: valid,
        window,
        window_basis,
        pk: None,
        existing_person: None,
        intake: Intake {
            channel: Some(channel),
            handed_over: body.handed_over,
            execution_letter_number: body.execution_letter_number,
            execution_letter_date: body.execution_letter_date,
            execution_letter_issuer: body.execution_letter_issuer,
        },
    };
    let id = cases::create(&state.store, &office, &new_case, None).await?;
    Ok((StatusCode::CREATED, Json(Created { id: id.0 })).into_response())
}

#[derive(Deserialize, ToSchema)]
pub struct CheckIn {
    /// `decision_copy` or `execution_letter`; each gets the five checks.
    pub document: String,
    /// `lawful_issuer`, `identity_match`, `barcode`, `direct_confirmation` or `other`.
    pub kind: String,
    /// `passed`, `failed` or `not_applicable`.
    pub outcome: String,
    #[serde(default)]
    pub note: String,
}

#[derive(Serialize, ToSchema)]
pub struct Verdict {
    pub valid: bool,
    /// The failed checks, as `document_kind` (e.g. `execution_letter_identity_match`).
    pub failed: Vec<String>,
}

/// Records a round of the five document checks on each document (D1); valid moves the case to
/// `documents_verified` (D2), a failure to `documents_incomplete` (D3).
#[utoipa::path(post, path = "/api/v1/cases/{id}/documents", tag = "intake", params(("id" = i64, Path)), request_body = Vec<CheckIn>,
    responses((status = 200, body = Verdict), (status = 422, description = "D1", body = Problem, content_type = "application/problem+json")),
    security(("bearer" = [])))]
pub async fn check_documents(
    State(state): State<AppState>,
    access: CaseOf<can::CheckDocuments>,
    ApiJson(body): ApiJson<Vec<CheckIn>>,
) -> Result<Json<Verdict>, WebError> {
    let _case = access.case();
    let mut checks = Vec::new();
    for check in body {
        let document = IntakeDocument::parse(&check.document)
            .ok_or_else(|| WebError::InvalidBody(format!("unknown document {}", check.document)))?;
        let kind = CheckKind::parse(&check.kind)
            .ok_or_else(|| WebError::InvalidBody(format!("unknown check kind {}", check.kind)))?;
        let outcome = CheckOutcome::parse(&check.outcome)
            .ok_or_else(|| WebError::InvalidBody(format!("unknown outcome {}", check.outcome)))?;
        checks.push(DocumentCheck {
            document,
            kind,
            outcome,
            note: check.note.chars().take(500).collect(),
        });
    }
    let verdict = intake_store::record_checks(&state.store, &access, &checks)
        .await
        .map_err(case_error)?;
    Ok(Json(match verdict {
        DocumentsVerdict::Valid => Verdict {
            valid: true,
            failed: Vec::new(),
        },
        DocumentsVerdict::Incomplete(failed) => Verdict {
            valid: false,
            failed: failed
                .iter()
                .map(|c| c.document.field(c.kind).to_owned())
                .collect(),
        },
    }))
}

#[derive(Deserialize, ToSchema)]
pub struct SummonsIn {
    #[schema(value_type = String, format = Date)]
    pub issued_on: Date,
    #[schema(value_type = String, format = Date)]
    pub deadline: Date,
    pub delivery: String,
}

#[derive(Serialize, ToSchema)]
pub struct SummonsOut {
    /// 1, 2 or 3.
    pub number: u8,
}

/// Issues the next summons to a client not handed over (I3: at most three, one at a time).
#[utoipa::path(post, path = "/api/v1/cases/{id}/summonses", tag = "intake", params(("id" = i64, Path)), request_body = SummonsIn,
    responses((status = 201, body = SummonsOut), (status = 422, description = "I3", body = Problem, content_type = "application/problem+json")),
    security(("bearer" = [])))]
pub async fn issue_summons(
    State(state): State<AppState>,
    access: CaseOf<can::SummonClients>,
    ApiJson(body): ApiJson<SummonsIn>,
) -> Result<Response, WebError> {
    let _case = access.case();
    let delivery = body.delivery.trim().chars().take(300).collect::<String>();
    if delivery.is_empty() {
        return Err(WebError::InvalidBody(
            "delivery: how the summons is delivered".into(),
        ));
    }
    let summons = NewSummons {
        issued_on: body.issued_on,
        deadline: body.deadline,
        delivery,
    };
    let number = intake_store::issue_summons(&state.store, &access, &summons)
        .await
        .map_err(case_error)?;
    Ok((StatusCode::CREATED, Json(SummonsOut { number })).into_response())
}

#[derive(Deserialize, ToSchema)]
pub struct OutcomeIn {
    /// `appeared`, `absent_with_reason` (with `absence_reason`) or `no_response`.
    pub outcome: String,
    /// The lawful reason the client gave, for `absent_with_reason` (I4).
    #[serde(default)]
    pub absence_reason: String,
}

#[derive(Serialize, ToSchema)]
pub struct OutcomeOut {
    /// Whether the absence was recorded as a violation (I4).
    pub violation: bool,
}

/// Records the outcome of the pending summons (I3, I4).
#[utoipa::path(post, path = "/api/v1/cases/{id}/summonses/outcome", tag = "intake", params(("id" = i64, Path)), request_body = OutcomeIn,
    responses((status = 200, body = OutcomeOut), (status = 422, description = "I3, I4", body = Problem, content_type = "application/problem+json")),
    security(("bearer" = [])))]
pub async fn record_outcome(
    State(state): State<AppState>,
    access: CaseOf<can::RecordSummonsOutcomes>,
    ApiJson(body): ApiJson<OutcomeIn>,
) -> Result<Json<OutcomeOut>, WebError> {
    let case = access.case();
    let outcome = match body.outcome.as_str() {
        "appeared" => SummonsOutcome::Appeared,
        "no_response" => SummonsOutcome::NoResponse,
        "absent_with_reason" => SummonsOutcome::AbsentWithReason,
        other => return Err(WebError::InvalidBody(format!("unknown outcome {other}"))),
    };
    let reason: String = body.absence_reason.trim().chars().take(500).collect();
    let violation = intake_store::record_summons_outcome(
        &state.store,
        &access,
        outcome,
        &reason,
        today_in(&state, case),
    )
    .await
    .map_err(case_error)?;
    Ok(Json(OutcomeOut { violation }))
}

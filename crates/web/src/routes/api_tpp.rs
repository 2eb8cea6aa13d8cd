//! TPP sessions under `/api/v1` (S7): the office's sessions and one session's agenda; the head
//! convenes a session; the chair signs its minutes. Each case's recommendation is recorded
//! through `/api/v1/cases/{id}/supervision/recommendation`, which takes the session's members
//! and day for a case on its agenda. Refusals are problem+json naming the rule.

use axum::Json;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use jiff::civil::Date;
use karya_store::ids::UserId;
use karya_store::supervision::SupervisionError;
use karya_store::tpp::{self, NewSession, Session};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use super::api_intake::{case_error, rules};
use crate::api_json::ApiJson;
use crate::app::AppState;
use crate::auth::{Granted, can};
use crate::error::{Problem, WebError};

fn refused(error: SupervisionError) -> WebError {
    match error {
        SupervisionError::Rules(found) => rules(&found.0),
        SupervisionError::Case(error) => case_error(error),
    }
}

#[derive(Serialize, ToSchema)]
pub struct SessionOut {
    pub id: i64,
    /// The day the session sits (`YYYY-MM-DD`).
    pub held_on: String,
    pub place: String,
    pub chair: String,
    /// The members present, by name.
    pub present: Vec<String>,
    /// How many examinations are on its agenda, and how many have their recommendation.
    pub agenda: i64,
    pub recommended: i64,
    /// The day the chair signed the minutes, once signed.
    pub signed_on: Option<String>,
}

fn session_out(s: &Session) -> SessionOut {
    SessionOut {
        id: s.id,
        held_on: s.held_on.to_string(),
        place: s.place.clone(),
        chair: s.chair.clone(),
        present: s.present.clone(),
        agenda: s.agenda,
        recommended: s.recommended,
        signed_on: s.signed_on.map(|d| d.to_string()),
    }
}

#[derive(Serialize, ToSchema)]
pub struct AgendaItemOut {
    pub examination: i64,
    pub case: i64,
    /// `suspected_violation` or `good_deed`.
    pub ground: String,
    pub findings: String,
    /// `good_conduct`, `continue_serving`, `repeat_work`, `serve_imprisonment` or
    /// `pay_fine`; absent until recorded.
    pub recommendation: Option<String>,
}

#[derive(Serialize, ToSchema)]
pub struct SessionDetailOut {
    pub session: SessionOut,
    pub agenda: Vec<AgendaItemOut>,
}

/// The office's TPP sessions, newest first (S7).
#[utoipa::path(get, path = "/api/v1/tpp-sessions", tag = "supervision",
    responses((status = 200, body = [SessionOut])),
    security(("bearer" = [])))]
pub async fn list(
    State(state): State<AppState>,
    granted: Granted<can::ReadTppSessions>,
) -> Result<Json<Vec<SessionOut>>, WebError> {
    let office = granted.grant().office()?;
    let sessions = tpp::list(&state.store, &office).await?;
    Ok(Json(sessions.iter().map(session_out).collect()))
}

/// One session of the office with its agenda (S7).
#[utoipa::path(get, path = "/api/v1/tpp-sessions/{id}", tag = "supervision", params(("id" = i64, Path)),
    responses((status = 200, body = SessionDetailOut), (status = 404, body = Problem, content_type = "application/problem+json")),
    security(("bearer" = [])))]
pub async fn show(
    State(state): State<AppState>,
    granted: Granted<can::ReadTppSessions>,
    Path(id): Path<String>,
) -> Result<Json<SessionDetailOut>, WebError> {
    let office = granted.grant().office()?;
    let (session, agenda) = tpp::get(&state.store, &office, super::path_id(&id)?).await?;
    Ok(Json(SessionDetailOut {
        session: session_out(&session),
        agenda: agenda
            .into_iter()
            .map(|a| AgendaItemOut {
                examination: a.examination,
                case: a.case.0,
                ground: a.ground.as_str().to_owned(),
                findings: a.findings,
                recommendation: a.recommendation.map(|r| r.as_str().to_owned()),
            })
            .collect(),
    }))
}

#[derive(Deserialize, ToSchema)]
pub struct ConveneIn {
    /// `YYYY-MM-DD`.
    pub held_on: String,
    #[serde(default)]
    pub place: String,
    /// The user id of the chair, one of those present.
    pub chair: i64,
    /// The user ids of the members present (two or more).
    pub present: Vec<i64>,
    /// The examinations on the agenda: of the office, examined, awaiting the TPP.
    pub agenda: Vec<i64>,
}

#[derive(Serialize, ToSchema)]
pub struct ConvenedOut {
    pub id: i64,
}

/// The head convenes a TPP session (S7).
#[utoipa::path(post, path = "/api/v1/tpp-sessions", tag = "supervision", request_body = ConveneIn,
    responses((status = 201, body = ConvenedOut), (status = 422, description = "S7", body = Problem, content_type = "application/problem+json")),
    security(("bearer" = [])))]
pub async fn convene(
    State(state): State<AppState>,
    granted: Granted<can::ConveneTpp>,
    ApiJson(body): ApiJson<ConveneIn>,
) -> Result<Response, WebError> {
    let office = granted.grant().office()?;
    let held_on: Date = body
        .held_on
        .parse()
        .map_err(|_| WebError::InvalidBody("held_on: a date, YYYY-MM-DD".into()))?;
    let new = NewSession {
        held_on,
        place: body.place,
        chair: UserId(body.chair),
        present: body.present.into_iter().map(UserId).collect(),
        agenda: body.agenda,
    };
    let id = tpp::convene(&state.store, &office, &new)
        .await
        .map_err(refused)?;
    Ok((StatusCode::CREATED, Json(ConvenedOut { id })).into_response())
}

#[derive(Serialize, ToSchema)]
pub struct MinutesOut {
    /// The issued document's id and number; its QR code verifies it at `/v/{code}`.
    pub document: i64,
    pub number: String,
}

/// The chair signs the session's minutes, once every case on the agenda has its
/// recommendation (S7).
#[utoipa::path(post, path = "/api/v1/tpp-sessions/{id}/minutes", tag = "supervision", params(("id" = i64, Path)),
    responses((status = 201, body = MinutesOut), (status = 422, description = "S7", body = Problem, content_type = "application/problem+json")),
    security(("bearer" = [])))]
pub async fn sign(
    State(state): State<AppState>,
    granted: Granted<can::RecommendInTpp>,
    Path(id): Path<String>,
) -> Result<Response, WebError> {
    let office = granted.grant().office()?;
    let issued = super::tpp::issue_minutes(
        &state,
        &office,
        granted.grant().user(),
        super::path_id(&id)?,
    )
    .await
    .map_err(refused)?;
    Ok((
        StatusCode::CREATED,
        Json(MinutesOut {
            document: issued.id,
            number: issued.number,
        }),
    )
        .into_response())
}

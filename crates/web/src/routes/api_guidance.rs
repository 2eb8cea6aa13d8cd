//! Guidance under `/api/v1` (B1–B4): read a case's guidance record, record an activity, a
//! behaviour entry or a Cycle of Change stage. Refusals are problem+json naming the rule.

use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use jiff::civil::{Date, Time};
use karya_domain::guidance::{
    Activity, BehaviourEntry, BehaviourKind, ChangeStage, GuidanceKind, Leader, Setting, Source,
};
use karya_store::guidance::{self, GuidanceError};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use super::api_intake::{case_error, rules};
use super::cases::today_in;
use crate::api_json::ApiJson;
use crate::app::AppState;
use crate::auth::{CaseOf, can};
use crate::error::{Problem, WebError};

fn refused(error: GuidanceError) -> WebError {
    match error {
        GuidanceError::Rules(found) => rules(&found.0),
        // The API records behaviour without evidence; an upload error cannot arise.
        GuidanceError::Upload(_) => WebError::BadRequest,
        GuidanceError::Case(error) => case_error(error),
    }
}

/// A code the API does not know is a 400: the schema lists the codes.
fn code<T>(parsed: Option<T>) -> Result<T, WebError> {
    parsed.ok_or(WebError::BadRequest)
}

#[derive(Deserialize, ToSchema)]
pub struct ActivityIn {
    /// `counselling_mental`, `counselling_spiritual`, `reflection`, `motivation_moral`,
    /// `motivation_social`, `motivation_religious`, `motivation_law`, `intellectual`,
    /// `skills` or `independence`.
    pub kind: String,
    #[schema(value_type = String, format = Date)]
    pub on: Date,
    /// Local time, `HH:MM`.
    #[schema(value_type = String, example = "16:00")]
    pub from: Time,
    #[schema(value_type = String, example = "17:00")]
    pub to: Time,
    /// `individual`, `group` or `remote`.
    pub setting: String,
    pub place: String,
    /// `pk`, `pokmas_lipas`, `griya_abhipraya` or `partner`.
    pub leader: String,
    #[serde(default)]
    pub leader_name: String,
    /// The client asked for it (B2: required for intellectual, skills, independence).
    #[serde(default)]
    pub clients_wish: bool,
    pub note: String,
}

#[derive(Serialize, ToSchema)]
pub struct RecordedOut {
    pub id: i64,
}

/// Records a guidance activity (B1: never during the client's work that day; B2).
#[utoipa::path(post, path = "/api/v1/cases/{id}/guidance/activities", tag = "guidance", params(("id" = i64, Path)), request_body = ActivityIn,
    responses(
        (status = 201, body = RecordedOut),
        (status = 422, description = "B1, B2", body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = [])))]
pub async fn record_activity(
    State(state): State<AppState>,
    access: CaseOf<can::RecordGuidance>,
    ApiJson(body): ApiJson<ActivityIn>,
) -> Result<Response, WebError> {
    let activity = Activity {
        kind: code(GuidanceKind::parse(&body.kind))?,
        on: body.on,
        from: body.from,
        to: body.to,
        setting: code(Setting::parse(&body.setting))?,
        place: body.place,
        leader: code(Leader::parse(&body.leader))?,
        leader_name: body.leader_name,
        clients_wish: body.clients_wish,
        note: body.note,
    };
    let today = today_in(&state, access.case());
    let id = guidance::record_activity(&state.store, &access, &activity, today)
        .await
        .map_err(refused)?;
    Ok((StatusCode::CREATED, Json(RecordedOut { id })).into_response())
}

#[derive(Deserialize, ToSchema)]
pub struct BehaviourIn {
    /// `blood_donation`, `social_service`, `volunteering`, `good_deed`, `positive_change` or
    /// `concern`.
    pub kind: String,
    #[schema(value_type = String, format = Date)]
    pub on: Date,
    /// `pk`, `pj`, `community` or `client`.
    pub source: String,
    pub description: String,
}

/// Records a behaviour change or a good deed (B3).
#[utoipa::path(post, path = "/api/v1/cases/{id}/guidance/behaviour", tag = "guidance", params(("id" = i64, Path)), request_body = BehaviourIn,
    responses(
        (status = 201, body = RecordedOut),
        (status = 422, description = "B3", body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = [])))]
pub async fn record_behaviour(
    State(state): State<AppState>,
    access: CaseOf<can::RecordGuidance>,
    ApiJson(body): ApiJson<BehaviourIn>,
) -> Result<Response, WebError> {
    let entry = BehaviourEntry {
        kind: code(BehaviourKind::parse(&body.kind))?,
        on: body.on,
        source: code(Source::parse(&body.source))?,
        description: body.description,
    };
    let today = today_in(&state, access.case());
    let id = guidance::record_behaviour(&state.store, &access, &entry, today)
        .await
        .map_err(refused)?;
    Ok((StatusCode::CREATED, Json(RecordedOut { id })).into_response())
}

#[derive(Deserialize, ToSchema)]
pub struct StageIn {
    /// `precontemplation`, `contemplation`, `preparation`, `action` or `maintenance`.
    pub stage: String,
    pub reason: String,
}

#[derive(Serialize, ToSchema)]
pub struct StageOut {
    /// `first`, `forward` or `relapse`.
    pub movement: &'static str,
}

/// Sets the Cycle of Change stage (B4); a step back is a relapse.
#[utoipa::path(post, path = "/api/v1/cases/{id}/guidance/stage", tag = "guidance", params(("id" = i64, Path)), request_body = StageIn,
    responses(
        (status = 201, body = StageOut),
        (status = 422, description = "B4", body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = [])))]
pub async fn set_stage(
    State(state): State<AppState>,
    access: CaseOf<can::RecordGuidance>,
    ApiJson(body): ApiJson<StageIn>,
) -> Result<Response, WebError> {
    let stage = code(ChangeStage::parse(&body.stage))?;
    let movement = guidance::set_stage(&state.store, &access, stage, &body.reason)
        .await
        .map_err(refused)?;
    Ok((
        StatusCode::CREATED,
        Json(StageOut {
            movement: movement.as_str(),
        }),
    )
        .into_response())
}

#[derive(Serialize, ToSchema)]
pub struct ActivityOut {
    pub id: i64,
    pub kind: &'static str,
    pub on: String,
    pub from: String,
    pub to: String,
    pub setting: &'static str,
    pub place: String,
    pub leader: &'static str,
    pub leader_name: String,
    pub clients_wish: bool,
    pub note: String,
    pub recorded_by: String,
}

#[derive(Serialize, ToSchema)]
pub struct BehaviourOut {
    pub id: i64,
    pub kind: &'static str,
    pub good_deed: bool,
    pub on: String,
    pub source: &'static str,
    pub description: String,
    pub recorded_by: String,
}

#[derive(Serialize, ToSchema)]
pub struct StageChangeOut {
    pub stage: &'static str,
    pub movement: String,
    pub reason: String,
    pub set_by: String,
    pub set_at: String,
}

#[derive(Serialize, ToSchema)]
pub struct GuidanceOut {
    /// Newest first.
    pub activities: Vec<ActivityOut>,
    /// Newest first.
    pub behaviour: Vec<BehaviourOut>,
    /// Oldest first.
    pub stages: Vec<StageChangeOut>,
}

/// The case's guidance record (B1–B4).
#[utoipa::path(get, path = "/api/v1/cases/{id}/guidance", tag = "guidance", params(("id" = i64, Path)),
    responses((status = 200, body = GuidanceOut)),
    security(("bearer" = [])))]
pub async fn show(
    State(state): State<AppState>,
    access: CaseOf<can::ReadGuidance>,
) -> Result<Json<GuidanceOut>, WebError> {
    let record = guidance::record_of(&state.store, &access).await?;
    let hm = |t: Time| format!("{:02}:{:02}", t.hour(), t.minute());
    Ok(Json(GuidanceOut {
        activities: record
            .activities
            .into_iter()
            .map(|a| ActivityOut {
                id: a.id,
                kind: a.activity.kind.as_str(),
                on: a.activity.on.to_string(),
                from: hm(a.activity.from),
                to: hm(a.activity.to),
                setting: a.activity.setting.as_str(),
                place: a.activity.place,
                leader: a.activity.leader.as_str(),
                leader_name: a.activity.leader_name,
                clients_wish: a.activity.clients_wish,
                note: a.activity.note,
                recorded_by: a.recorded_by,
            })
            .collect(),
        behaviour: record
            .behaviour
            .into_iter()
            .map(|b| BehaviourOut {
                id: b.id,
                kind: b.entry.kind.as_str(),
                good_deed: b.entry.kind.is_good_deed(),
                on: b.entry.on.to_string(),
                source: b.entry.source.as_str(),
                description: b.entry.description,
                recorded_by: b.recorded_by,
            })
            .collect(),
        stages: record
            .stages
            .into_iter()
            .map(|s| StageChangeOut {
                stage: s.stage.as_str(),
                movement: s.movement,
                reason: s.reason,
                set_by: s.set_by,
                set_at: s.set_at,
            })
            .collect(),
    }))
}

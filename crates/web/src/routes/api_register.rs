//! The register under `/api/v1` (G1–G3): enter a case's person, with the step that shows
//! who may be the same person before anyone is added, and the office's register book.

use axum::Json;
use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use jiff::civil::Date;
use karya_domain::register::{self, RegisterData};
use karya_domain::{CaseStatus, Sex};
use karya_store::ids::PersonId;
use karya_store::register as book_store;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use super::api_intake::{case_error, rules};
use super::cases::today_in;
use crate::api_json::ApiJson;
use crate::app::AppState;
use crate::auth::{Authority, CaseOf, can};
use crate::error::{Problem, WebError};
use crate::i18n::Lang;
use karya_domain::Permission;

#[derive(Deserialize, ToSchema)]
pub struct RegisterIn {
    pub full_name: String,
    #[serde(default)]
    pub aliases: String,
    #[serde(default)]
    pub nik: String,
    pub birth_place: String,
    #[schema(value_type = Option<String>, format = Date)]
    pub birth_date: Option<Date>,
    /// `male` or `female`.
    pub sex: Option<String>,
    pub address: String,
    #[serde(default)]
    pub district_code: String,
    pub occupation: String,
    pub father_name: String,
    pub mother_name: String,
    #[serde(default)]
    pub contact: String,
    #[serde(default)]
    pub tattoos: String,
    #[serde(default)]
    pub piercings: String,
    #[serde(default)]
    pub limbs: String,
    #[serde(default)]
    pub illnesses: String,
    #[serde(default)]
    pub other_features: String,
    /// After a 409 with candidates: the id of the person this is (G3), or `new`.
    pub person_choice: Option<String>,
}

#[derive(Serialize, ToSchema)]
pub struct Registered {
    pub year: i32,
    pub number: i64,
    /// NIK disagreements (G1 warnings), in English.
    pub warnings: Vec<String>,
}

#[derive(Serialize, ToSchema)]
pub struct CandidateOut {
    pub id: i64,
    pub full_name: String,
    pub birth_date: Option<String>,
    pub cases: i64,
}

/// Enters the case's person in the register (G1, G2). If people who may be the same are
/// already recorded, answers 409 with them; send again with `person_choice` (G3).
#[utoipa::path(post, path = "/api/v1/cases/{id}/register", tag = "intake", params(("id" = i64, Path)), request_body = RegisterIn,
    responses(
        (status = 201, body = Registered),
        (status = 409, description = "Candidates to choose from (G3)", body = [CandidateOut]),
        (status = 422, description = "G1", body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = [])))]
pub async fn register(
    State(state): State<AppState>,
    access: CaseOf<can::RegisterPeople>,
    ApiJson(body): ApiJson<RegisterIn>,
) -> Result<Response, WebError> {
    let case = access.case();
    if case.status != CaseStatus::OfficerAssigned {
        return Err(WebError::Conflict);
    }
    let data = RegisterData {
        full_name: body.full_name,
        aliases: body.aliases,
        nik: body.nik,
        birth_place: body.birth_place,
        birth_date: body.birth_date,
        sex: match body.sex.as_deref() {
            Some("male") => Some(Sex::Male),
            Some("female") => Some(Sex::Female),
            _ => None,
        },
        address: body.address,
        district_code: body.district_code,
        occupation: body.occupation,
        father_name: body.father_name,
        mother_name: body.mother_name,
        contact: body.contact,
        tattoos: body.tattoos,
        piercings: body.piercings,
        limbs: body.limbs,
        illnesses: body.illnesses,
        other_features: body.other_features,
    };
    let checked = register::check(&data).map_err(|v| rules(&v.0))?;
    let nik = checked.nik.as_ref().map(|n| n.as_str().to_owned());
    let candidates = book_store::candidates(
        &state.store,
        &access,
        nik.as_deref(),
        &data.full_name,
        data.birth_date,
    )
    .await?;
    let merge_into = match body.person_choice.as_deref() {
        None if !candidates.is_empty() => {
            let out: Vec<CandidateOut> = candidates
                .into_iter()
                .map(|c| CandidateOut {
                    id: c.id,
                    full_name: c.full_name,
                    birth_date: c.birth_date,
                    cases: c.cases,
                })
                .collect();
            return Ok((StatusCode::CONFLICT, Json(out)).into_response());
        }
        None | Some("new") => None,
        Some(chosen) => {
            let id = chosen.parse::<i64>().map_err(|_| {
                WebError::InvalidBody("person_choice: a candidate id or new".into())
            })?;
            candidates
                .iter()
                .find(|c| c.id == id)
                .ok_or(WebError::InvalidBody(
                    "person_choice: not a candidate".into(),
                ))?;
            Some(PersonId(id))
        }
    };
    let (year, number) = book_store::register(
        &state.store,
        &access,
        &data,
        nik.as_deref(),
        merge_into,
        today_in(&state, case),
    )
    .await
    .map_err(case_error)?;
    let warnings = checked.warnings.iter().map(|w| Lang::En.say(w)).collect();
    Ok((
        StatusCode::CREATED,
        Json(Registered {
            year,
            number,
            warnings,
        }),
    )
        .into_response())
}

#[derive(Deserialize, Default)]
pub struct BookQuery {
    #[serde(default)]
    q: String,
    #[serde(default)]
    year: i64,
}

#[derive(Serialize, ToSchema)]
pub struct BookLine {
    pub number: i64,
    pub year: i64,
    pub case_id: i64,
    pub full_name: String,
    pub nik: Option<String>,
    pub decision_number: String,
    pub status: String,
    pub registered_on: String,
}

/// The office's register book: search by name, NIK, decision or register number; `year` 0
/// for every year.
#[utoipa::path(get, path = "/api/v1/register", tag = "intake", params(("q" = Option<String>, Query), ("year" = Option<i64>, Query)),
    responses((status = 200, body = [BookLine]), (status = 403, body = Problem, content_type = "application/problem+json")),
    security(("bearer" = [])))]
pub async fn book(
    State(state): State<AppState>,
    authority: Authority,
    Query(query): Query<BookQuery>,
) -> Result<Json<Vec<BookLine>>, WebError> {
    let office = authority.office(Permission::ReadRegister)?;
    let entries =
        book_store::book(&state.store, &office, query.year.clamp(0, 9999), &query.q).await?;
    Ok(Json(
        entries
            .into_iter()
            .map(|e| BookLine {
                number: e.number,
                year: e.year,
                case_id: e.case_id,
                full_name: e.full_name,
                nik: e.nik,
                decision_number: e.decision_number,
                status: e.status,
                registered_on: e.registered_on,
            })
            .collect(),
    ))
}

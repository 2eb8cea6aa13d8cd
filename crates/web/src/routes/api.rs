//! The JSON API under `/api/v1`. Callers authenticate with a personal token
//! (`Authorization: Bearer …`) and act with exactly their owner's roles and scope.

use axum::Json;
use axum::extract::State;
use axum::response::{IntoResponse, Response};
use karya_store::access::ScopeView;
use karya_store::orgs;
use serde::Serialize;
use utoipa::ToSchema;

use crate::app::AppState;
use crate::auth::Authority;
use crate::error::WebError;
use karya_domain::Permission;

/// One role of the caller and what it is bound to.
#[derive(Serialize, ToSchema)]
pub struct RoleScope {
    /// The role, e.g. `pk`.
    pub role: String,
    /// `national`, `region`, `office`, `partner`, `person` or `prosecutor_office`.
    pub scope: String,
    /// The id of the region, office, partner, person or prosecutor's office; none when national.
    pub scope_id: Option<i64>,
}

#[derive(Serialize, ToSchema)]
pub struct Me {
    pub username: String,
    pub display_name: String,
    pub language: String,
    pub roles: Vec<String>,
    pub scopes: Vec<RoleScope>,
}

fn scope_parts(scope: Option<ScopeView>) -> (String, Option<i64>) {
    match scope {
        Some(ScopeView::National) => ("national".into(), None),
        Some(ScopeView::Region(id)) => ("region".into(), Some(id.0)),
        Some(ScopeView::Office(id)) => ("office".into(), Some(id.0)),
        Some(ScopeView::Partner(id)) => ("partner".into(), Some(id.0)),
        Some(ScopeView::Person(id)) => ("person".into(), Some(id.0)),
        Some(ScopeView::ProsecutorOffice(id)) => ("prosecutor_office".into(), Some(id.0)),
        Some(ScopeView::Nothing) | None => ("unbound".into(), None),
    }
}

/// The caller: username, roles and the scope of each role.
#[utoipa::path(get, path = "/api/v1/me", tag = "account",
    responses(
        (status = 200, description = "The caller", body = Me),
        (status = 401, description = "No valid token", body = crate::error::Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = [])))]
pub async fn me(authority: Authority) -> Json<Me> {
    let user = authority.user();
    let scopes = user
        .roles
        .iter()
        .map(|role| {
            let (scope, scope_id) = scope_parts(authority.principal().binding_of(*role));
            RoleScope {
                role: role.as_str().into(),
                scope,
                scope_id,
            }
        })
        .collect();
    Json(Me {
        username: user.username.clone(),
        display_name: user.display_name.clone(),
        language: user.language.clone(),
        roles: user.roles.iter().map(|r| r.as_str().into()).collect(),
        scopes,
    })
}

#[derive(Serialize, ToSchema)]
pub struct OfficeOut {
    pub id: i64,
    pub code: String,
    pub name: String,
    pub region: String,
    pub address: String,
    pub phone: String,
    pub email: String,
    /// IANA time zone: Asia/Jakarta (WIB), Asia/Makassar (WITA) or Asia/Jayapura (WIT).
    pub time_zone: String,
}

/// Offices in the caller's scope (admin and national managers: all; regional managers: their region's).
#[utoipa::path(get, path = "/api/v1/offices", tag = "organisation",
    responses(
        (status = 200, description = "Offices", body = [OfficeOut]),
        (status = 401, description = "No valid token", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 403, description = "The caller's roles may not list offices", body = crate::error::Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = [])))]
pub async fn offices(
    State(state): State<AppState>,
    authority: Authority,
) -> Result<Json<Vec<OfficeOut>>, WebError> {
    let grant = authority.grant(Permission::ReadOffices)?;
    let offices = orgs::list_offices(&state.store, grant.scope()).await?;
    Ok(Json(
        offices
            .into_iter()
            .map(|o| OfficeOut {
                id: o.id,
                code: o.code,
                name: o.name,
                region: o.region_name,
                address: o.address,
                phone: o.phone,
                email: o.email,
                time_zone: o.time_zone,
            })
            .collect(),
    ))
}

/// The OpenAPI 3.1 document of this API, generated from the code.
pub async fn openapi() -> Response {
    Json(crate::openapi::document()).into_response()
}

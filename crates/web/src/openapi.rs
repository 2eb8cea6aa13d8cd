//! The OpenAPI document, generated from the handlers' annotations. Every error is
//! `application/problem+json` with a `rule` member when a rule of DOMAIN.md was broken.

use utoipa::openapi::security::{HttpAuthScheme, HttpBuilder, SecurityScheme};
use utoipa::{Modify, OpenApi};

#[derive(OpenApi)]
#[openapi(
    info(title = "Karya API", version = "1",
         description = "Community-service sentences (pidana kerja sosial) for Indonesian probation offices. Errors are RFC 9457 problem details; `rule` names the rule of the guideline that was broken (e.g. L5)."),
    paths(crate::routes::api::me, crate::routes::api::offices),
    components(schemas(crate::error::Problem, crate::routes::api::Me, crate::routes::api::RoleScope, crate::routes::api::OfficeOut)),
    modifiers(&BearerAuth),
)]
struct ApiDoc;

struct BearerAuth;

impl Modify for BearerAuth {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        let components = openapi.components.get_or_insert_with(Default::default);
        components.add_security_scheme(
            "bearer",
            SecurityScheme::Http(
                HttpBuilder::new()
                    .scheme(HttpAuthScheme::Bearer)
                    .description(Some("A personal API token from `karya token create`."))
                    .build(),
            ),
        );
    }
}

pub fn document() -> utoipa::openapi::OpenApi {
    ApiDoc::openapi()
}

//! The OpenAPI document, generated from the handlers' annotations. Every error is
//! `application/problem+json` with a `rule` member when a rule of DOMAIN.md was broken.

use utoipa::openapi::security::{HttpAuthScheme, HttpBuilder, SecurityScheme};
use utoipa::{Modify, OpenApi};

#[derive(OpenApi)]
#[openapi(
    info(title = "Karya API", version = "1",
         description = "Community-service sentences (pidana kerja sosial) for Indonesian probation offices. Errors are RFC 9457 problem details; `rule` names the rule of the guideline that was broken (e.g. L5)."),
    paths(
        crate::routes::api::me,
        crate::routes::api::offices,
        crate::routes::api_cases::validate_terms,
        crate::routes::api_cases::list,
        crate::routes::api_cases::ledger,
        crate::routes::api_cases::record,
        crate::routes::api_cases::verify,
        crate::routes::api_cases::reject,
        crate::routes::api_intake::create,
        crate::routes::api_intake::check_documents,
        crate::routes::api_intake::issue_summons,
        crate::routes::api_intake::record_outcome,
        crate::routes::api_register::register,
        crate::routes::api_register::book,
        crate::routes::api_appointment::perform,
        crate::routes::api_guidance::show,
        crate::routes::api_guidance::record_activity,
        crate::routes::api_guidance::record_behaviour,
        crate::routes::api_guidance::set_stage,
        crate::routes::api_supervision::show,
        crate::routes::api_supervision::advise,
        crate::routes::api_supervision::form_team,
        crate::routes::api_supervision::record_step,
        crate::routes::api_supervision::record_findings,
        crate::routes::api_supervision::recommend,
        crate::routes::api_supervision::decide,
        crate::routes::api_supervision::report_conduct,
        crate::routes::api_supervision::write_progress,
        crate::routes::api_supervision::review_progress,
        crate::routes::api_tpp::list,
        crate::routes::api_tpp::show,
        crate::routes::api_tpp::convene,
        crate::routes::api_tpp::sign,
    ),
    components(schemas(
        crate::error::Problem, crate::routes::api::Me,
        crate::routes::api_appointment::AppointmentStepIn, crate::routes::api_appointment::AppointmentOut, crate::routes::api::RoleScope, crate::routes::api::OfficeOut,
        crate::routes::api_cases::ValidateTerms, crate::routes::api_cases::TermsVerdict, crate::routes::api_cases::CaseSummary,
        crate::routes::api_cases::LedgerOut, crate::routes::api_cases::EntryOut, crate::routes::api_cases::MilestoneOut,
        crate::routes::api_cases::NewAttendance, crate::routes::api_cases::Recorded, crate::routes::api_cases::Rejection,
        crate::routes::api_intake::NewIntake, crate::routes::api_intake::Created, crate::routes::api_intake::CheckIn,
        crate::routes::api_intake::Verdict, crate::routes::api_intake::SummonsIn, crate::routes::api_intake::SummonsOut,
        crate::routes::api_intake::OutcomeIn, crate::routes::api_intake::OutcomeOut, crate::routes::api_register::RegisterIn,
        crate::routes::api_register::Registered, crate::routes::api_register::CandidateOut, crate::routes::api_register::BookLine,
        crate::routes::api_guidance::ActivityIn, crate::routes::api_guidance::RecordedOut, crate::routes::api_guidance::BehaviourIn,
        crate::routes::api_guidance::StageIn, crate::routes::api_guidance::StageOut, crate::routes::api_guidance::GuidanceOut,
        crate::routes::api_guidance::ActivityOut, crate::routes::api_guidance::BehaviourOut, crate::routes::api_guidance::StageChangeOut,
        crate::routes::api_supervision::AdviceIn, crate::routes::api_supervision::TeamIn, crate::routes::api_supervision::StepIn,
        crate::routes::api_supervision::FindingsIn, crate::routes::api_supervision::FindingsOut,
        crate::routes::api_supervision::RecommendationIn, crate::routes::api_supervision::DecisionIn,
        crate::routes::api_supervision::DecisionOut, crate::routes::api_supervision::ConductIn,
        crate::routes::api_supervision::ProgressIn, crate::routes::api_supervision::ReviewIn,
        crate::routes::api_supervision::ReviewOut, crate::routes::api_supervision::ExaminationOut,
        crate::routes::api_supervision::DueReportOut, crate::routes::api_supervision::ProgressReportOut,
        crate::routes::api_supervision::SupervisionOut,
        crate::routes::api_tpp::SessionOut, crate::routes::api_tpp::AgendaItemOut,
        crate::routes::api_tpp::SessionDetailOut, crate::routes::api_tpp::ConveneIn,
        crate::routes::api_tpp::ConvenedOut, crate::routes::api_tpp::MinutesOut,
    )),
    modifiers(&BearerAuth, &CommonProblems),
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

/// The answers any operation can give besides its own (issue 12, item 14: every response
/// matches the document): a malformed request (400), no or an expired token (401), a role or
/// scope that does not allow it (403), an id that is not there or not visible (404), and for
/// writes a record changed meanwhile or a repeated submission (409) and a body over the
/// limit (413). Each is a problem document.
struct CommonProblems;

impl Modify for CommonProblems {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        use utoipa::openapi::{ContentBuilder, Ref, ResponseBuilder};
        let problem = |description: &str| {
            ResponseBuilder::new()
                .description(description)
                .content(
                    "application/problem+json",
                    ContentBuilder::new()
                        .schema(Some(Ref::from_schema_name("Problem")))
                        .build(),
                )
                .build()
        };
        for (path, item) in openapi.paths.paths.iter_mut() {
            let has_id = path.contains('{');
            let operations = [(&mut item.get, false), (&mut item.post, true)];
            for (operation, writes) in operations {
                let Some(operation) = operation.as_mut() else {
                    continue;
                };
                let mut common = vec![
                    (
                        "400",
                        "The request is malformed (body, parameters or content type).",
                    ),
                    ("401", "No valid API token."),
                    ("403", "The token's roles or scope do not allow this."),
                ];
                if has_id {
                    common.push(("404", "No such record in the caller's scope."));
                }
                if writes {
                    common.push(("409", "Changed by someone else meanwhile, or sent twice."));
                    common.push(("413", "The body is over the size limit."));
                }
                for (status, description) in common {
                    operation
                        .responses
                        .responses
                        .entry(status.to_owned())
                        .or_insert_with(|| problem(description).into());
                }
            }
        }
    }
}

pub fn document() -> utoipa::openapi::OpenApi {
    ApiDoc::openapi()
}

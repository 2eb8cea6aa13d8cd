//! Every route of the application, one file per area.

use axum::Router;

use crate::app::AppState;
use crate::error::WebError;

pub mod activation;
pub mod api;
pub mod api_appointment;
pub mod api_cases;
pub mod api_guidance;
pub mod api_intake;
pub mod api_register;
pub mod api_supervision;
pub mod api_tpp;
pub mod assets;
pub mod audit;
pub mod cases;
pub mod client_view;
pub mod home;
pub mod lang;
pub mod login;
pub mod monitoring;
pub mod offices;
pub mod ops;
pub mod partners;
pub mod privacy;
pub mod privacy_pdf;
pub mod profile;
pub mod queue;
pub mod register;
pub mod second_factor;
pub mod staff;
pub mod today;
pub mod tpp;
pub mod verify;

/// Declares every route once: the router is built from this list, and so is [`TABLE`], which
/// the authorization matrix test reads so that a new route cannot be left out of it.
macro_rules! routes {
    ($($path:literal => $m0:ident($h0:path) $(, $m:ident($h:path))* ;)*) => {
        pub fn all() -> Router<AppState> {
            Router::new()
                $(.route($path, axum::routing::$m0($h0) $(.$m($h))*))*
                .fallback(|| async { WebError::NotFound })
        }

        /// Every (method, path) the router serves, in declaration order.
        pub const TABLE: &[(&str, &str)] = &[
            $((stringify!($m0), $path), $((stringify!($m), $path),)*)*
        ];
    };
}

routes! {
    "/" => get(home::show);
    "/login" => get(login::form), post(login::submit);
    "/login/kode" => get(second_factor::code_form), post(second_factor::code_submit);
    "/aktivasi" => get(activation::form), post(activation::submit);
    "/logout" => post(login::logout);
    "/bahasa" => post(lang::switch);
    "/profile" => get(profile::show);
    "/profile/password" => post(profile::change_password);
    "/profile/two-factor" => get(second_factor::show), post(second_factor::begin);
    "/profile/two-factor/confirm" => post(second_factor::confirm);
    "/admin/offices" => get(offices::list), post(offices::create);
    "/admin/offices/new" => get(offices::new_form);
    "/admin/offices/{id}" => get(offices::edit_form), post(offices::update);
    "/admin/staff" => get(staff::list), post(staff::create);
    "/admin/staff/new" => get(staff::new_form);
    "/admin/staff/{id}" => get(staff::edit_form), post(staff::update);
    "/admin/staff/{id}/status" => post(staff::set_status);
    "/admin/staff/{id}/second-factor" => post(staff::reset_second_factor);
    "/audit" => get(audit::list);
    "/privacy" => get(privacy::show);
    "/privacy/people" => post(privacy::search);
    "/privacy/people/{id}" => get(privacy::person);
    "/privacy/people/{id}/requests" => post(privacy::record_request);
    "/privacy/people/{id}/export.json" => get(privacy::export_json);
    "/privacy/people/{id}/export.pdf" => get(privacy_pdf::export_pdf);
    "/privacy/requests/{id}" => post(privacy::answer_request);
    "/privacy/breaches" => post(privacy::record_breach);
    "/privacy/breaches/{id}/notified" => post(privacy::mark_notified);
    "/privacy/breaches/{id}/notice.pdf" => get(privacy_pdf::breach_notice);
    "/cases" => get(cases::list::list), post(cases::new::create);
    "/cases/search" => post(cases::list::search);
    "/cases/new" => get(cases::new::new_form);
    "/cases/{id}" => get(cases::show);
    "/cases/{id}/attendance" => post(cases::attendance::record);
    "/cases/{id}/attendance/{entry}/verify" => post(cases::attendance::verify);
    "/cases/{id}/attendance/{entry}/reject" => post(cases::attendance::reject);
    "/cases/{id}/transition" => post(cases::lifecycle::apply);
    "/cases/{id}/evaluations" => post(cases::evaluation::record);
    "/cases/{id}/documents" => post(cases::intake::check_documents);
    "/cases/{id}/letters" => post(cases::letters::issue);
    "/cases/{id}/letters/drafts" => post(cases::letters::draft);
    "/cases/{id}/assistance" => post(cases::assistance::record);
    "/cases/{id}/placement/distance-approval" => post(cases::placement::approve_distance);
    "/cases/{id}/accommodations" => post(cases::placement::confirm_accommodation);
    "/cases/{id}/sop" => post(cases::sop_view::mark);
    "/cases/{id}/assistance/acknowledge" => post(cases::assistance::acknowledge);
    "/cases/{id}/letters/{doc}" => get(cases::letters::download);
    "/cases/{id}/letters/{doc}/receipt" => post(cases::letters::acknowledge_receipt);
    "/cases/{id}/forms" => post(cases::forms_pdf::issue);
    "/cases/{id}/complaints" => post(cases::complaints::file);
    "/cases/{id}/visits" => post(cases::visits::record);
    "/cases/{id}/client-account" => post(cases::client_account::create);
    "/complaints/{id}/read" => post(cases::complaints::mark_read);
    "/hari-ini" => get(today::show), post(today::record);
    "/cases/{id}/termination" => post(cases::termination::perform);
    "/cases/{id}/files" => post(cases::files::upload);
    "/cases/{id}/placement-profile" => get(cases::placement_profile::show), post(cases::placement_profile::save);
    "/cases/{id}/litmas" => get(cases::litmas::show), post(cases::litmas::save);
    "/cases/{id}/guidance" => get(cases::guidance::show);
    "/cases/{id}/guidance/activities" => post(cases::guidance::record_activity);
    "/cases/{id}/guidance/behaviour" => post(cases::guidance::record_behaviour);
    "/cases/{id}/guidance/stage" => post(cases::guidance::set_stage);
    "/cases/{id}/supervision/advice" => post(cases::supervision::advise);
    "/cases/{id}/supervision/team" => post(cases::supervision::form_team);
    "/cases/{id}/supervision/step" => post(cases::supervision::record_step);
    "/cases/{id}/supervision/findings" => post(cases::supervision::record_findings);
    "/cases/{id}/supervision/recommendation" => post(cases::supervision::recommend);
    "/cases/{id}/supervision/decision" => post(cases::supervision::decide);
    "/cases/{id}/supervision/litmas" => post(cases::supervision::litmas_to_prosecutor);
    "/cases/{id}/supervision/reports" => post(cases::supervision::report_step);
    "/cases/{id}/supervision/prosecutor" => post(cases::supervision::prosecutor_decision);
    "/cases/{id}/conduct-reports" => post(cases::supervision::report_conduct);
    "/cases/{id}/progress-reports" => post(cases::progress_reports::write);
    "/cases/{id}/progress-reports/review" => post(cases::progress_reports::review);
    "/cases/{id}/litmas/interventions" => post(cases::litmas::add_intervention);
    "/cases/{id}/litmas/approve" => post(cases::litmas::approve);
    "/cases/{id}/placement" => get(cases::placement::show), post(cases::placement::confirm);
    "/cases/{id}/appointment" => post(cases::appointment::perform);
    "/cases/{id}/files/{file}" => get(cases::files::view);
    "/cases/{id}/files/{file}/thumb" => get(cases::files::thumbnail);
    "/cases/{id}/files/{file}/insufficient" => post(cases::files::insufficient);
    "/cases/{id}/summonses" => post(cases::intake::issue_summons);
    "/cases/{id}/summonses/outcome" => post(cases::intake::record_outcome);
    "/verifikasi" => get(queue::show);
    "/cases/{id}/register" => get(register::form), post(register::submit);
    "/register" => get(register::book);
    "/monitoring" => get(monitoring::page);
    "/monitoring.xlsx" => get(monitoring::xlsx);
    "/monitoring/visits" => post(monitoring::record_visit);
    "/tpp" => get(tpp::list), post(tpp::convene);
    "/tpp/{id}" => get(tpp::show);
    "/tpp/{id}/recommendation" => post(tpp::recommend);
    "/tpp/{id}/minutes" => get(tpp::download), post(tpp::sign);
    "/partners" => get(partners::list), post(partners::form::create);
    "/partners/new" => get(partners::form::new);
    "/partners/annex-v.xlsx" => get(partners::export::xlsx);
    "/partners/annex-v" => post(partners::export::issue_pdf);
    "/partners/documents/{id}" => get(partners::export::download);
    "/partners/{id}" => get(partners::form::show), post(partners::form::update);
    "/partners/{id}/steps" => post(partners::pipeline::step);
    "/partners/{id}/files" => post(partners::files::upload);
    "/partners/{id}/files/{file}" => get(partners::files::view);
    "/partners/{id}/supervisors" => post(partners::pipeline::supervisor);
    "/partners/{id}/agreements" => post(partners::pipeline::agreement);
    "/register.csv" => get(register::export_csv);
    "/register.xlsx" => get(register::export_xlsx);
    "/api/v1/me" => get(api::me);
    "/api/v1/offices" => get(api::offices);
    "/api/v1/openapi.json" => get(api::openapi);
    "/api/v1/sentence-terms/validate" => post(api_cases::validate_terms);
    "/api/v1/cases" => get(api_cases::list), post(api_intake::create);
    "/api/v1/cases/{id}/documents" => post(api_intake::check_documents);
    "/api/v1/cases/{id}/summonses" => post(api_intake::issue_summons);
    "/api/v1/cases/{id}/summonses/outcome" => post(api_intake::record_outcome);
    "/api/v1/cases/{id}/register" => post(api_register::register);
    "/api/v1/cases/{id}/appointment" => post(api_appointment::perform);
    "/api/v1/register" => get(api_register::book);
    "/api/v1/cases/{id}/ledger" => get(api_cases::ledger);
    "/api/v1/cases/{id}/guidance" => get(api_guidance::show);
    "/api/v1/tpp-sessions" => get(api_tpp::list), post(api_tpp::convene);
    "/api/v1/tpp-sessions/{id}" => get(api_tpp::show);
    "/api/v1/tpp-sessions/{id}/minutes" => post(api_tpp::sign);
    "/api/v1/cases/{id}/supervision" => get(api_supervision::show);
    "/api/v1/cases/{id}/supervision/advice" => post(api_supervision::advise);
    "/api/v1/cases/{id}/supervision/team" => post(api_supervision::form_team);
    "/api/v1/cases/{id}/supervision/steps" => post(api_supervision::record_step);
    "/api/v1/cases/{id}/supervision/findings" => post(api_supervision::record_findings);
    "/api/v1/cases/{id}/supervision/recommendation" => post(api_supervision::recommend);
    "/api/v1/cases/{id}/supervision/decision" => post(api_supervision::decide);
    "/api/v1/cases/{id}/conduct-reports" => post(api_supervision::report_conduct);
    "/api/v1/cases/{id}/progress-reports" => post(api_supervision::write_progress);
    "/api/v1/cases/{id}/progress-reports/{report}/review" => post(api_supervision::review_progress);
    "/api/v1/cases/{id}/guidance/activities" => post(api_guidance::record_activity);
    "/api/v1/cases/{id}/guidance/behaviour" => post(api_guidance::record_behaviour);
    "/api/v1/cases/{id}/guidance/stage" => post(api_guidance::set_stage);
    "/api/v1/cases/{id}/attendance" => post(api_cases::record);
    "/api/v1/cases/{id}/attendance/{entry}/verify" => post(api_cases::verify);
    "/api/v1/cases/{id}/attendance/{entry}/reject" => post(api_cases::reject);
    "/v/{code}" => get(verify::show);
    "/healthz" => get(ops::healthz);
    "/readyz" => get(ops::readyz);
    "/metrics" => get(ops::metrics);
    "/assets/{file}" => get(assets::serve);
}

/// An id from the path; anything that is not a positive number is simply not found.
pub fn path_id(raw: &str) -> Result<i64, WebError> {
    raw.parse::<i64>()
        .ok()
        .filter(|id| *id > 0)
        .ok_or(WebError::NotFound)
}

//! Every route of the application, one file per area.

use axum::Router;
use axum::routing::{get, post};

use crate::app::AppState;
use crate::error::WebError;

pub mod api;
pub mod api_appointment;
pub mod api_cases;
pub mod api_intake;
pub mod api_register;
pub mod assets;
pub mod audit;
pub mod cases;
pub mod home;
pub mod lang;
pub mod login;
pub mod offices;
pub mod ops;
pub mod partners;
pub mod profile;
pub mod queue;
pub mod register;
pub mod staff;
pub mod today;
pub mod verify;

pub fn all() -> Router<AppState> {
    Router::new()
        .route("/", get(home::show))
        .route("/login", get(login::form).post(login::submit))
        .route("/logout", post(login::logout))
        .route("/bahasa", post(lang::switch))
        .route("/profile", get(profile::show))
        .route("/profile/password", post(profile::change_password))
        .route("/admin/offices", get(offices::list).post(offices::create))
        .route("/admin/offices/new", get(offices::new_form))
        .route(
            "/admin/offices/{id}",
            get(offices::edit_form).post(offices::update),
        )
        .route("/admin/staff", get(staff::list).post(staff::create))
        .route("/admin/staff/new", get(staff::new_form))
        .route(
            "/admin/staff/{id}",
            get(staff::edit_form).post(staff::update),
        )
        .route("/admin/staff/{id}/status", post(staff::set_status))
        .route("/audit", get(audit::list))
        .route("/cases", get(cases::list).post(cases::new::create))
        .route("/cases/new", get(cases::new::new_form))
        .route("/cases/{id}", get(cases::show))
        .route("/cases/{id}/attendance", post(cases::attendance::record))
        .route(
            "/cases/{id}/attendance/{entry}/verify",
            post(cases::attendance::verify),
        )
        .route(
            "/cases/{id}/attendance/{entry}/reject",
            post(cases::attendance::reject),
        )
        .route("/cases/{id}/transition", post(cases::lifecycle::apply))
        .route("/cases/{id}/evaluations", post(cases::evaluation::record))
        .route(
            "/cases/{id}/documents",
            post(cases::intake::check_documents),
        )
        .route("/cases/{id}/letters", post(cases::letters::issue))
        .route("/cases/{id}/letters/{doc}", get(cases::letters::download))
        .route("/cases/{id}/forms", post(cases::forms_pdf::issue))
        .route("/cases/{id}/complaints", post(cases::complaints::file))
        .route("/cases/{id}/visits", post(cases::visits::record))
        .route(
            "/cases/{id}/client-account",
            post(cases::client_account::create),
        )
        .route("/complaints/{id}/read", post(cases::complaints::mark_read))
        .route("/hari-ini", get(today::show).post(today::record))
        .route("/cases/{id}/termination", post(cases::termination::perform))
        .route("/cases/{id}/files", post(cases::files::upload))
        .route(
            "/cases/{id}/placement-profile",
            get(cases::placement_profile::show).post(cases::placement_profile::save),
        )
        .route(
            "/cases/{id}/litmas",
            get(cases::litmas::show).post(cases::litmas::save),
        )
        .route(
            "/cases/{id}/litmas/interventions",
            post(cases::litmas::add_intervention),
        )
        .route("/cases/{id}/litmas/approve", post(cases::litmas::approve))
        .route(
            "/cases/{id}/placement",
            get(cases::placement::show).post(cases::placement::confirm),
        )
        .route("/cases/{id}/appointment", post(cases::appointment::perform))
        .route("/cases/{id}/files/{file}", get(cases::files::view))
        .route(
            "/cases/{id}/files/{file}/thumb",
            get(cases::files::thumbnail),
        )
        .route(
            "/cases/{id}/files/{file}/insufficient",
            post(cases::files::insufficient),
        )
        .route("/cases/{id}/summonses", post(cases::intake::issue_summons))
        .route(
            "/cases/{id}/summonses/outcome",
            post(cases::intake::record_outcome),
        )
        .route("/verifikasi", get(queue::show))
        .route(
            "/cases/{id}/register",
            get(register::form).post(register::submit),
        )
        .route("/register", get(register::book))
        .route(
            "/partners",
            get(partners::list).post(partners::form::create),
        )
        .route("/partners/new", get(partners::form::new))
        .route("/partners/annex-v.xlsx", get(partners::export::xlsx))
        .route("/partners/annex-v", post(partners::export::issue_pdf))
        .route("/partners/documents/{id}", get(partners::export::download))
        .route(
            "/partners/{id}",
            get(partners::form::show).post(partners::form::update),
        )
        .route("/partners/{id}/steps", post(partners::pipeline::step))
        .route("/partners/{id}/files", post(partners::files::upload))
        .route("/partners/{id}/files/{file}", get(partners::files::view))
        .route(
            "/partners/{id}/supervisors",
            post(partners::pipeline::supervisor),
        )
        .route(
            "/partners/{id}/agreements",
            post(partners::pipeline::agreement),
        )
        .route("/register.csv", get(register::export_csv))
        .route("/register.xlsx", get(register::export_xlsx))
        .route("/api/v1/me", get(api::me))
        .route("/api/v1/offices", get(api::offices))
        .route("/api/v1/openapi.json", get(api::openapi))
        .route(
            "/api/v1/sentence-terms/validate",
            post(api_cases::validate_terms),
        )
        .route(
            "/api/v1/cases",
            get(api_cases::list).post(api_intake::create),
        )
        .route(
            "/api/v1/cases/{id}/documents",
            post(api_intake::check_documents),
        )
        .route(
            "/api/v1/cases/{id}/summonses",
            post(api_intake::issue_summons),
        )
        .route(
            "/api/v1/cases/{id}/summonses/outcome",
            post(api_intake::record_outcome),
        )
        .route("/api/v1/cases/{id}/register", post(api_register::register))
        .route(
            "/api/v1/cases/{id}/appointment",
            post(api_appointment::perform),
        )
        .route("/api/v1/register", get(api_register::book))
        .route("/api/v1/cases/{id}/ledger", get(api_cases::ledger))
        .route("/api/v1/cases/{id}/attendance", post(api_cases::record))
        .route(
            "/api/v1/cases/{id}/attendance/{entry}/verify",
            post(api_cases::verify),
        )
        .route(
            "/api/v1/cases/{id}/attendance/{entry}/reject",
            post(api_cases::reject),
        )
        .route("/v/{code}", get(verify::show))
        .route("/healthz", get(ops::healthz))
        .route("/readyz", get(ops::readyz))
        .route("/metrics", get(ops::metrics))
        .route("/assets/{file}", get(assets::serve))
        .fallback(|| async { WebError::NotFound })
}

/// An id from the path; anything that is not a positive number is simply not found.
pub fn path_id(raw: &str) -> Result<i64, WebError> {
    raw.parse::<i64>()
        .ok()
        .filter(|id| *id > 0)
        .ok_or(WebError::NotFound)
}

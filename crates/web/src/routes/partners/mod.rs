//! The office's partners (mitra, §2.1.2, Annex V): the list with each agreement's state and
//! the warnings for agreements close to their end, the profile form, the identification
//! steps and agreements, and the Annex V list as a spreadsheet.

pub mod export;
pub mod files;
pub mod form;
pub mod pipeline;

use askama::Template;
use axum::extract::{Query, State};
use axum::response::Response;
use jiff::civil::Date;
use karya_domain::partner::{AgreementState, agreement_state};
use karya_store::partners::{self, Partner};

use crate::app::AppState;
use crate::auth::Authority;
use crate::error::WebError;
use crate::i18n::{Catalog, Lang, fill};
use crate::page::{Page, Ui, render};
use crate::routes::cases::Notice;
use crate::views;
use karya_domain::Permission;

pub struct PartnerRow {
    pub id: i64,
    pub name: String,
    pub field: &'static str,
    pub stage: &'static str,
    pub agreement: String,
    /// `ok`, `warn` or `late`, for the badge.
    pub agreement_class: &'static str,
    pub capacity: String,
}

#[derive(Template)]
#[template(path = "partners.html")]
struct PartnersPage {
    page: Page,
    rows: Vec<PartnerRow>,
    warnings: Vec<String>,
    can_manage: bool,
}

/// The office's local day, for agreement states.
pub fn office_today(state: &AppState) -> Date {
    karya_domain::calendar::local_date(
        state.store.now(),
        &karya_domain::OfficeZone::Wib.time_zone(),
    )
}

/// The agreement's number and dates with its state on `today`, and the badge class.
pub fn agreement_text(
    t: &Catalog,
    lang: Lang,
    partner: &Partner,
    today: Date,
    warn_days: i64,
) -> (String, &'static str, Option<AgreementState>) {
    let Some((number, start, end)) = &partner.agreement else {
        return (t.partner_no_agreement.to_owned(), "late", None);
    };
    let state = agreement_state(*start, *end, today, warn_days);
    let range = format!(
        "{number} · {} – {}",
        views::date(lang, *start),
        views::date(lang, *end)
    );
    let (label, class) = match state {
        AgreementState::NotStarted => (t.agreement_not_started.to_owned(), "warn"),
        AgreementState::InForce => (t.agreement_in_force.to_owned(), "ok"),
        AgreementState::Expiring { days_left } => (
            fill(t.agreement_expiring, &[("days", &days_left.to_string())]),
            "warn",
        ),
        AgreementState::Expired => (t.agreement_expired.to_owned(), "late"),
    };
    (format!("{range} ({label})"), class, Some(state))
}

pub fn stage_label(lang: Lang, stage: karya_domain::partner::Stage) -> &'static str {
    lang.say(&stage)
}

pub async fn list(
    State(state): State<AppState>,
    ui: Ui,
    authority: Authority,
    Query(notice): Query<Notice>,
) -> Result<Response, WebError> {
    let office = authority.office(Permission::ReadPartners)?;
    let t = ui.t();
    let today = office_today(&state);
    let mut warnings = Vec::new();
    let rows = partners::list(&state.store, &office)
        .await?
        .into_iter()
        .map(|p| {
            let (agreement, agreement_class, agreement_state) =
                agreement_text(t, ui.lang, &p, today, state.config.agreement_warning_days);
            if let Some(AgreementState::Expiring { days_left }) = agreement_state {
                warnings.push(fill(
                    t.agreement_warning,
                    &[("name", &p.fields.name), ("days", &days_left.to_string())],
                ));
            }
            PartnerRow {
                id: p.id.0,
                field: ui.lang.say(&p.fields.field),
                stage: stage_label(ui.lang, p.stage),
                capacity: fill(
                    t.partner_capacity_used,
                    &[
                        ("placed", &p.placed.to_string()),
                        ("capacity", &p.fields.capacity_clients.to_string()),
                    ],
                ),
                name: p.fields.name,
                agreement,
                agreement_class,
            }
        })
        .collect();
    render(&PartnersPage {
        page: ui.page(t.nav_partners).with_notice(notice.message(t)),
        rows,
        warnings,
        can_manage: authority.may(Permission::ManagePartners),
    })
}

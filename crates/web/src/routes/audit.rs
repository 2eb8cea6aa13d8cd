//! The audit trail page: national readers see every event, a head of office their office's.
//! Each act is shown in words (who, what, when in the office's zone) with its raw event
//! (action, object, summary) open to the auditor beside it.

use askama::Template;
use axum::extract::State;
use axum::response::Response;
use karya_domain::OfficeZone;
use karya_store::{audit, orgs};

use crate::app::AppState;
use crate::auth::Authority;
use crate::error::WebError;
use crate::event_words::{EventLine, lines};
use crate::page::{Page, Ui, render};
use karya_domain::Permission;

#[derive(Template)]
#[template(path = "audit.html")]
struct AuditPage {
    page: Page,
    events: Vec<EventLine>,
}

pub async fn list(
    State(state): State<AppState>,
    ui: Ui,
    authority: Authority,
) -> Result<Response, WebError> {
    let grant = authority.grant(Permission::ReadAudit)?;
    let events = audit::recent(&state.store, grant.office_id(), 200).await?;
    let zones: Vec<(i64, OfficeZone)> = orgs::list_offices(&state.store, grant.scope())
        .await?
        .into_iter()
        .filter_map(|o| Some((o.id, OfficeZone::parse(&o.time_zone)?)))
        .collect();
    // An act outside any office (the Directorate General's, an operator's) is in Jakarta time.
    let zone_of = |office: Option<i64>| {
        office
            .and_then(|id| zones.iter().find(|(o, _)| *o == id))
            .map_or(OfficeZone::Wib, |(_, zone)| *zone)
    };
    render(&AuditPage {
        page: ui.page(ui.t().audit_title),
        events: lines(&state, ui.lang, &events, zone_of).await?,
    })
}

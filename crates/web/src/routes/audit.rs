//! The audit trail page: national readers see every event, a head of office their office's.

use askama::Template;
use axum::extract::State;
use axum::response::Response;
use karya_store::audit::{self, StoredEvent};

use crate::app::AppState;
use crate::auth::Authority;
use crate::error::WebError;
use crate::page::{Page, Ui, render};
use karya_domain::Permission;

#[derive(Template)]
#[template(path = "audit.html")]
struct AuditPage {
    page: Page,
    events: Vec<StoredEvent>,
}

pub async fn list(
    State(state): State<AppState>,
    ui: Ui,
    authority: Authority,
) -> Result<Response, WebError> {
    let grant = authority.grant(Permission::ReadAudit)?;
    let events = audit::recent(&state.store, grant.office_id(), 200).await?;
    render(&AuditPage {
        page: ui.page(ui.t().audit_title),
        events,
    })
}

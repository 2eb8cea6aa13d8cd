//! The verification queue: daily reports waiting for the caller's step (B5): a supervisor
//! sees reports from their work place; a PK sees supervisor-verified reports of their
//! clients. Each row verifies or rejects in place.

use askama::Template;
use axum::extract::State;
use axum::response::Response;
use karya_store::attendance::{self as ledger_store, Step};

use crate::app::AppState;
use crate::auth::Authority;
use crate::error::WebError;
use crate::page::{Page, Ui, render};
use crate::views;
use karya_domain::Permission;

pub struct QueueRow {
    case_id: i64,
    entry_id: i64,
    client: String,
    date: String,
    time: String,
    duration: String,
    activity: String,
    reporter: String,
    own: bool,
}

#[derive(Template)]
#[template(path = "queue.html")]
struct QueuePage {
    page: Page,
    intro: &'static str,
    verify_label: &'static str,
    rows: Vec<QueueRow>,
}

pub async fn show(
    State(state): State<AppState>,
    ui: Ui,
    authority: Authority,
) -> Result<Response, WebError> {
    let grant = authority.grant(Permission::VerifyAttendance)?;
    let step = ledger_store::step_of(grant.role()).ok_or(WebError::Forbidden)?;
    let t = ui.t();
    let me = authority.user().id.0;
    let rows = ledger_store::awaiting(&state.store, &grant)
        .await?
        .into_iter()
        .map(|(case, view)| {
            let (day, start) = views::local(case.zone, view.entry.start);
            let (_, end) = views::local(case.zone, view.entry.end);
            QueueRow {
                case_id: case.id.0,
                entry_id: view.entry.id,
                client: case.listed_name(),
                date: views::date(ui.lang, day),
                time: format!("{start}–{end} {}", case.zone.abbreviation()),
                duration: views::duration(ui.lang, karya_domain::Minutes::new(view.minutes)),
                activity: view.activity,
                reporter: view.reporter_name,
                own: view.entry.reported_by == me,
            }
        })
        .collect();
    let (intro, verify_label) = match step {
        Step::Supervisor => (t.queue_intro_supervisor, t.verify_as_supervisor),
        Step::Pk => (t.queue_intro_pk, t.verify_as_pk),
    };
    render(&QueuePage {
        page: ui.page(t.queue_title),
        intro,
        verify_label,
        rows,
    })
}

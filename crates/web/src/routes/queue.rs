//! The verification queue: daily reports waiting for the caller's step (B5): a supervisor
//! sees reports from their work place; a PK sees supervisor-verified reports of their
//! clients. Each card shows the evidence (B7) as a preview, the times, the activity and who
//! already verified, oldest work day first, and verifies or rejects in place (issue 13,
//! item 7).

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
    /// "Reported 30 Nov 2026 17:05 WIB".
    reported: String,
    /// The supervisor who verified, for the PK's step.
    verified_by: String,
    /// Previews of the day's evidence: (view link, thumbnail link if an image).
    evidence: Vec<(String, Option<String>)>,
    own: bool,
    /// For sorting: the work's start.
    start: jiff::Timestamp,
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
    let waiting = ledger_store::awaiting(&state.store, &grant).await?;
    // The evidence of each case with waiting reports, read once per case.
    let mut evidence: Vec<(i64, Vec<karya_store::files::Attachment>)> = Vec::new();
    for (case, _) in &waiting {
        if evidence.iter().any(|(id, _)| *id == case.id.0) {
            continue;
        }
        let access = state.store.open_case(&grant, case.id).await?;
        evidence.push((
            case.id.0,
            karya_store::files::for_case(&state.store, &access).await?,
        ));
    }
    let mut rows: Vec<QueueRow> = waiting
        .into_iter()
        .map(|(case, view)| {
            let (day, start) = views::local(case.zone, view.entry.start);
            let (_, end) = views::local(case.zone, view.entry.end);
            let reported = view
                .reported_at
                .parse::<jiff::Timestamp>()
                .map(|at| {
                    let (day, time) = views::local(case.zone, at);
                    format!(
                        "{} {time} {}",
                        views::short_date(ui.lang, day),
                        case.zone.abbreviation()
                    )
                })
                .unwrap_or_default();
            let files = evidence
                .iter()
                .find(|(id, _)| *id == case.id.0)
                .map(|(_, files)| files.as_slice())
                .unwrap_or_default();
            QueueRow {
                case_id: case.id.0,
                entry_id: view.entry.id,
                client: case.listed_name(),
                date: views::date(ui.lang, day),
                time: format!("{start}–{end} {}", case.zone.abbreviation()),
                duration: views::duration(ui.lang, karya_domain::Minutes::new(view.minutes)),
                activity: view.activity,
                reporter: view.reporter_name,
                reported: crate::i18n::fill(t.queue_reported_at, &[("when", &reported)]),
                verified_by: view
                    .supervisor_name
                    .map(|name| crate::i18n::fill(t.queue_verified_by, &[("name", &name)]))
                    .unwrap_or_default(),
                evidence: files
                    .iter()
                    .filter(|a| a.entry_id == Some(view.entry.id))
                    .map(|a| {
                        let view = format!("/cases/{}/files/{}", case.id.0, a.id);
                        // A photo without a stored preview is shown itself; a video by its link.
                        let preview = match &a.thumb_sha256 {
                            Some(_) => Some(format!("{view}/thumb")),
                            None if a.content_type.starts_with("image/") => Some(view.clone()),
                            None => None,
                        };
                        (view, preview)
                    })
                    .collect(),
                own: view.entry.reported_by == me,
                start: view.entry.start,
            }
        })
        .collect();
    // Oldest work first: the longer a report waits, the later its hours are credited.
    rows.sort_by_key(|row| (row.start, row.entry_id));
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

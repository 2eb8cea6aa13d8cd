//! The client's own pages (issue 13, item 3): their hours, deadline, today's schedule, the
//! report form with today's date, their reports and complaints; nothing of the office's
//! procedure (no SOP table, document checks or rule codes beyond a refusal's message).
//! The start page shows a summary per open case; `/cases/{id}` shows the whole page.

use askama::Template;
use axum::response::Response;
use karya_domain::{Permission, Role};
use karya_store::access::CaseAccess;

use super::cases::{CasePage, today_in};
use crate::app::AppState;
use crate::auth::Authority;
use crate::error::WebError;
use crate::forms::FormErrors;
use crate::i18n::{Lang, fill};
use crate::page::{Page, render};
use crate::views;

/// One open case on the client's start page.
pub struct ClientSummary {
    pub case_id: i64,
    pub hours: String,
    pub remaining: String,
    pub deadline: String,
    /// Today's sessions at the work place, `08:00–12:00` each; empty on a day off.
    pub today: Vec<String>,
    pub partner: String,
    pub can_report: bool,
}

/// Whether the viewer reads the case only as its client (not also as staff).
pub fn only_as_client(access: &CaseAccess) -> bool {
    access.role_for(Permission::ReadCases) == Some(Role::Client)
}

/// The client's open cases with their hours and today's schedule.
pub async fn summaries(
    state: &AppState,
    authority: &Authority,
    lang: Lang,
) -> Result<Vec<ClientSummary>, WebError> {
    let grant = authority.grant(Permission::ReadCases)?;
    let t = lang.catalog();
    let mut out = Vec::new();
    for case in state.store.cases_in(&grant).await? {
        if case.status.is_final() {
            continue;
        }
        let access = state.store.open_case(&grant, case.id).await?;
        let (ledger, _) = karya_store::attendance::ledger(&state.store, &access).await?;
        let totals = ledger.totals();
        let today = today_in(state, &case);
        let current = karya_store::placements::for_case(&state.store, &access)
            .await?
            .into_iter()
            .find(|p| p.ended_on.is_none());
        let sessions = current
            .as_ref()
            .map(|p| {
                p.slots()
                    .into_iter()
                    .filter(|s| s.weekday == today.weekday())
                    .map(|s| format!("{}–{}", s.from.strftime("%H:%M"), s.to.strftime("%H:%M")))
                    .collect()
            })
            .unwrap_or_default();
        out.push(ClientSummary {
            case_id: case.id.0,
            hours: fill(
                t.client_hours_line,
                &[
                    ("credited", &views::duration(lang, totals.credited)),
                    ("pending", &views::duration(lang, totals.pending)),
                    ("ordered", &views::duration(lang, totals.ordered)),
                ],
            ),
            remaining: views::duration(lang, totals.remaining),
            deadline: fill(
                t.client_deadline_line,
                &[
                    ("date", &views::date(lang, case.window.end_inclusive())),
                    ("days", &case.window.days_left(today).max(0).to_string()),
                ],
            ),
            today: sessions,
            partner: current.map(|p| p.partner_name).unwrap_or_default(),
            can_report: matches!(
                case.status,
                karya_domain::CaseStatus::Serving | karya_domain::CaseStatus::UnderExamination
            ) && access.may(Permission::ReportAttendance),
        });
    }
    Ok(out)
}

#[derive(Template)]
#[template(path = "client_case.html")]
struct ClientCasePage {
    page: Page,
    id: i64,
    client_name: String,
    status: &'static str,
    /// The last day of the window.
    deadline: String,
    days_left: String,
    /// "Earlier reports (12)".
    older_reports: String,
    ledger: super::cases::LedgerView,
    progress: Option<(&'static str, &'static str)>,
    /// The current placement: (partner, work, supervisor, schedule).
    placement: Option<(String, String, String, String)>,
    can_record: bool,
    record_intro: String,
    form: super::cases::RecordForm,
    errors: FormErrors,
    entries: Vec<super::cases::EntryRow>,
    can_complain: bool,
    complaints: Vec<(String, String, bool)>,
    /// The steps of assistance the client acknowledges (rights and obligations explained).
    assistance: super::cases::assistance::AssistanceView,
    /// The end of the case in words, once terminated.
    ended: Option<String>,
}

/// Renders the case page for the viewer: the client's own page when they read it only as
/// its client, the staff page otherwise.
pub fn render_case(page: CasePage, client_only: bool) -> Result<Response, WebError> {
    if !client_only {
        return render(&page);
    }
    let placement = page
        .assessment
        .placements
        .iter()
        .find(|p| p.current)
        .map(|p| {
            (
                p.partner.clone(),
                p.work.clone(),
                p.supervisor.clone(),
                p.schedule.clone(),
            )
        });
    render(&ClientCasePage {
        id: page.id,
        client_name: page.client_name,
        status: page.status,
        ended: page.ended,
        deadline: page.deadline.clone(),
        days_left: page.days_left,
        older_reports: crate::i18n::fill(
            page.page.t.client_older_reports,
            &[(
                "count",
                &(page.entries.len() + page.older_entries.len())
                    .saturating_sub(3)
                    .to_string(),
            )],
        ),
        ledger: page.ledger,
        progress: page.progress,
        placement,
        can_record: page.can_record,
        // The hint about recording for a work place is the registry's, not the client's.
        record_intro: String::new(),
        form: page.form,
        errors: page.errors,
        // The client's page folds its own way: every report, newest three open.
        entries: page.older_entries.into_iter().chain(page.entries).collect(),
        can_complain: page.can_complain,
        complaints: page.complaints,
        // The office's checklist of steps not yet recorded is the PK's, not the client's.
        assistance: super::cases::assistance::AssistanceView {
            missing: Vec::new(),
            ..page.assistance
        },
        page: page.page,
    })
}

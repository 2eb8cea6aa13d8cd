//! The case list (issue 13, items 10–11): every case of the caller's scope, open ones first,
//! a hundred to a page, with filters by state, PK, partner and risk (in the address: none of
//! them is personal) and a search by name or decision number (sent in the body, so that a
//! client's name never lands in an address, a log or a browser history).

use askama::Template;
use axum::Form;
use axum::extract::{Query, State};
use axum::response::Response;
use karya_domain::{CaseStatus, ProgressStatus, progress};
use karya_store::attendance as ledger_store;
use karya_store::cases::Case;
use serde::Deserialize;

use super::{Notice, today_in};
use crate::app::AppState;
use crate::auth::Authority;
use crate::error::WebError;
use crate::i18n::{Lang, fill};
use crate::page::{Page, Ui, render};
use crate::views;
use karya_domain::Permission;

/// Rows on one page of the list.
const PAGE_SIZE: usize = 100;

/// The list's filters. Unknown values filter nothing rather than fail: a stale bookmark
/// still opens the list.
#[derive(Deserialize, Default, Clone)]
pub struct Filter {
    #[serde(default)]
    status: String,
    #[serde(default)]
    pk: String,
    #[serde(default)]
    partner: String,
    #[serde(default)]
    risk: String,
    #[serde(default)]
    page: String,
    /// Name or decision number; only from the search form's body.
    #[serde(default, skip)]
    q: String,
}

/// The search form: the filters and the text.
#[derive(Deserialize, Default)]
pub struct Search {
    #[serde(default)]
    q: String,
    #[serde(flatten)]
    filter: Filter,
}

pub struct CaseRow {
    id: i64,
    client_name: String,
    decision_number: String,
    office: String,
    pk: String,
    partner: String,
    status: &'static str,
    hours: String,
    deadline: String,
    progress: Option<(&'static str, &'static str)>,
    ended: bool,
}

#[derive(Template)]
#[template(path = "cases.html")]
struct CasesPage {
    page: Page,
    cases: Vec<CaseRow>,
    can_open: bool,
    /// "Showing 1–100 of 2,591".
    shown: String,
    previous: Option<String>,
    next: Option<String>,
    statuses: Vec<(&'static str, &'static str, bool)>,
    pks: Vec<(String, String, bool)>,
    partners: Vec<(String, bool)>,
    risk: bool,
    q: String,
    /// Several offices in scope: the office column is shown.
    many_offices: bool,
}

pub async fn list(
    State(state): State<AppState>,
    ui: Ui,
    authority: Authority,
    Query(notice): Query<Notice>,
    Query(filter): Query<Filter>,
) -> Result<Response, WebError> {
    let notice = notice.message(ui.t());
    render(&page(&state, &ui, &authority, filter, notice).await?)
}

pub async fn search(
    State(state): State<AppState>,
    ui: Ui,
    authority: Authority,
    Form(search): Form<Search>,
) -> Result<Response, WebError> {
    let mut filter = search.filter;
    filter.q = search.q.trim().chars().take(100).collect();
    render(&page(&state, &ui, &authority, filter, None).await?)
}

fn status_matches(wanted: &str, status: CaseStatus) -> bool {
    match wanted {
        "" => true,
        "open" => !status.is_final(),
        "ended" => status.is_final(),
        code => status.as_str() == code,
    }
}

fn text_matches(q: &str, case: &Case) -> bool {
    let q = q.to_lowercase();
    q.is_empty()
        || case.client_name.to_lowercase().contains(&q)
        || case.decision_number.to_lowercase().contains(&q)
}

async fn page(
    state: &AppState,
    ui: &Ui,
    authority: &Authority,
    filter: Filter,
    notice: Option<&'static str>,
) -> Result<CasesPage, WebError> {
    let grant = authority.grant(Permission::ReadCases)?;
    let t = ui.t();
    let lang = ui.lang;
    let all = state.store.cases_in(&grant).await?;
    let mut pks: Vec<(String, String, bool)> = Vec::new();
    let mut partners: Vec<(String, bool)> = Vec::new();
    for case in &all {
        if let (Some(id), Some(name)) = (case.pk_user_id, &case.pk_name)
            && !pks.iter().any(|(i, _, _)| *i == id.0.to_string())
        {
            pks.push((
                id.0.to_string(),
                name.clone(),
                filter.pk == id.0.to_string(),
            ));
        }
        if let Some(name) = &case.partner_name
            && !partners.iter().any(|(n, _)| n == name)
        {
            partners.push((name.clone(), filter.partner == *name));
        }
    }
    pks.sort_by(|a, b| a.1.cmp(&b.1));
    partners.sort();
    let many_offices = all.windows(2).any(|w| w[0].office_id != w[1].office_id);
    let at_risk_only = filter.risk == "1";
    let mut matching = Vec::new();
    for case in all {
        let keep = status_matches(&filter.status, case.status)
            && (filter.pk.is_empty()
                || case.pk_user_id.map(|id| id.0.to_string()) == Some(filter.pk.clone()))
            && (filter.partner.is_empty()
                || case.partner_name.as_deref() == Some(filter.partner.as_str()))
            && text_matches(&filter.q, &case)
            // An examination does not stop the clock: those cases can be at risk too.
            && (!at_risk_only
                || matches!(
                    case.status,
                    CaseStatus::Serving | CaseStatus::UnderExamination
                ));
        if keep {
            matching.push(case);
        }
    }
    // Risk needs the ledger; it is read only for the serving cases the other filters kept.
    if at_risk_only {
        let mut risky = Vec::new();
        for case in matching {
            let access = state.store.open_case(&grant, case.id).await?;
            let (ledger, _) = ledger_store::ledger(&state.store, &access).await?;
            let status = progress::progress(&ledger, today_in(state, &case)).status;
            if matches!(status, ProgressStatus::AtRisk | ProgressStatus::Overdue) {
                risky.push(case);
            }
        }
        matching = risky;
    }
    let total = matching.len();
    let searching = !filter.q.is_empty();
    let page_number = filter.page.parse::<usize>().unwrap_or(1).max(1);
    let (first, shown_rows): (usize, Vec<Case>) = if searching {
        (0, matching)
    } else {
        let first = (page_number - 1) * PAGE_SIZE;
        (
            first,
            matching.into_iter().skip(first).take(PAGE_SIZE).collect(),
        )
    };
    let mut rows = Vec::with_capacity(shown_rows.len());
    for case in &shown_rows {
        rows.push(row(state, &grant, lang, case).await?);
    }
    let link = |page: usize| {
        let mut query = vec![format!("page={page}")];
        for (key, value) in [
            ("status", &filter.status),
            ("pk", &filter.pk),
            ("partner", &filter.partner),
            ("risk", &filter.risk),
        ] {
            if !value.is_empty() {
                let encoded: String = form_urlencoded::byte_serialize(value.as_bytes()).collect();
                query.push(format!("{key}={encoded}"));
            }
        }
        format!("/cases?{}", query.join("&"))
    };
    let last = first + rows.len();
    Ok(CasesPage {
        page: ui.page(t.cases_title).with_notice(notice),
        shown: if total == 0 {
            String::new()
        } else {
            fill(
                t.cases_shown,
                &[
                    ("from", &(first + 1).to_string()),
                    ("to", &last.to_string()),
                    ("total", &total.to_string()),
                ],
            )
        },
        previous: (!searching && page_number > 1).then(|| link(page_number - 1)),
        next: (!searching && last < total).then(|| link(page_number + 1)),
        cases: rows,
        can_open: authority.may(Permission::OpenCases),
        statuses: status_choices(lang, &filter.status),
        pks,
        partners,
        risk: at_risk_only,
        q: filter.q,
        many_offices,
    })
}

fn status_choices(lang: Lang, chosen: &str) -> Vec<(&'static str, &'static str, bool)> {
    let t = lang.catalog();
    let mut out = vec![
        ("", t.cases_filter_all, chosen.is_empty()),
        ("open", t.cases_filter_open, chosen == "open"),
        ("ended", t.cases_filter_ended, chosen == "ended"),
    ];
    out.extend(CaseStatus::OPEN.iter().map(|status| {
        (
            status.as_str(),
            views::status(lang, *status),
            chosen == status.as_str(),
        )
    }));
    out
}

async fn row(
    state: &AppState,
    grant: &karya_store::access::Grant,
    lang: Lang,
    case: &Case,
) -> Result<CaseRow, WebError> {
    let t = lang.catalog();
    let access = state.store.open_case(grant, case.id).await?;
    let (ledger, _) = ledger_store::ledger(&state.store, &access).await?;
    let progress = progress::progress(&ledger, today_in(state, case));
    let totals = ledger.totals();
    let ended = case.status.is_final();
    Ok(CaseRow {
        id: case.id.0,
        client_name: case.listed_name(),
        decision_number: case.decision_number.clone(),
        office: case.office_name.clone(),
        pk: case.pk_name.clone().unwrap_or_default(),
        partner: case.partner_name.clone().unwrap_or_default(),
        status: views::status(lang, case.status),
        hours: format!(
            "{} / {}",
            views::short_duration(lang, totals.credited),
            views::short_duration(lang, totals.ordered)
        ),
        deadline: if ended {
            t.cases_ended_mark.to_owned()
        } else {
            views::short_date(lang, case.window.end_inclusive())
        },
        progress: views::progress_badge(t, case.status, progress.status),
        ended,
    })
}

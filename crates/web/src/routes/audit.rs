//! The audit trail page: national readers see every event, a head of office their office's.
//! Each act is shown in words (who, what, when in the office's zone) with its raw event
//! (action, object, summary) open to the auditor beside it.

use askama::Template;
use axum::extract::{Query, State};
use axum::response::Response;
use karya_domain::OfficeZone;
use karya_store::{audit, orgs};

use crate::app::AppState;
use crate::auth::Authority;
use crate::error::WebError;
use crate::event_words::{EventLine, lines};
use crate::page::{Page, Ui, render};
use karya_domain::Permission;

/// Events on one page of the trail.
const PAGE: i64 = 100;

/// The kinds of act the trail can be filtered by: the action's prefix and its words.
const KINDS: [&str; 14] = [
    "case",
    "attendance",
    "document",
    "supervision",
    "tpp",
    "guidance",
    "progress_report",
    "evaluation",
    "placement",
    "partner",
    "litmas",
    "file",
    "user",
    "person",
];

#[derive(Template)]
#[template(path = "audit.html")]
struct AuditPage {
    page: Page,
    events: Vec<EventLine>,
    /// "Showing the 100 newest of 5,400 events", in the reader's language.
    shown: String,
    kinds: Vec<(&'static str, &'static str)>,
    kind: String,
    /// The link to older events, when there are more.
    older: Option<String>,
    /// The link back to the newest, when not on them.
    newest: Option<String>,
}

#[derive(serde::Deserialize, Default)]
pub struct TrailQuery {
    #[serde(default)]
    kind: String,
    #[serde(default)]
    before: Option<i64>,
}

pub async fn list(
    State(state): State<AppState>,
    ui: Ui,
    authority: Authority,
    Query(query): Query<TrailQuery>,
) -> Result<Response, WebError> {
    let grant = authority.grant(Permission::ReadAudit)?;
    let t = ui.t();
    let kind = KINDS
        .iter()
        .find(|k| **k == query.kind)
        .map(|k| (*k).to_owned());
    let filter = audit::EventFilter {
        office: grant.office_id(),
        action_prefix: kind.clone(),
        before: query.before.filter(|b| *b > 0),
    };
    let (events, total) = audit::page(&state.store, &filter, PAGE).await?;
    let link = |before: Option<i64>| {
        let mut parts = Vec::new();
        if let Some(kind) = &kind {
            parts.push(format!("kind={kind}"));
        }
        if let Some(before) = before {
            parts.push(format!("before={before}"));
        }
        format!("/audit?{}", parts.join("&"))
    };
    let older = (events.len() as i64 == PAGE)
        .then(|| events.last().map(|e| link(Some(e.seq))))
        .flatten();
    let newest = filter.before.map(|_| link(None));
    let shown = crate::i18n::fill(
        t.audit_shown,
        &[
            ("count", &events.len().to_string()),
            ("total", &total.to_string()),
        ],
    );
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
        page: ui.page(t.audit_title),
        events: lines(&state, ui.lang, &events, zone_of).await?,
        shown,
        kinds: KINDS.iter().map(|k| (*k, kind_label(t, k))).collect(),
        kind: kind.unwrap_or_default(),
        older,
        newest,
    })
}

/// A kind of act in words.
fn kind_label(t: &crate::i18n::Catalog, kind: &str) -> &'static str {
    match kind {
        "case" => t.audit_kind_case,
        "attendance" => t.audit_kind_attendance,
        "document" => t.audit_kind_document,
        "supervision" => t.audit_kind_supervision,
        "tpp" => t.audit_kind_tpp,
        "guidance" => t.audit_kind_guidance,
        "progress_report" => t.audit_kind_progress_report,
        "evaluation" => t.audit_kind_evaluation,
        "placement" => t.audit_kind_placement,
        "partner" => t.audit_kind_partner,
        "litmas" => t.audit_kind_litmas,
        "file" => t.audit_kind_file,
        "user" => t.audit_kind_user,
        _ => t.audit_kind_person,
    }
}

//! The start page: who you are, what you may see, and where to go next for your role.

use askama::Template;
use axum::extract::State;
use axum::response::Response;
use karya_domain::Role;
use karya_store::access::ScopeView;
use karya_store::{orgs, users};

use crate::app::AppState;
use crate::auth::Authority;
use crate::error::WebError;
use crate::i18n::{Catalog, fill};
use crate::page::{Page, Ui, render, role_labels};
use karya_domain::Permission;

#[derive(Template)]
#[template(path = "home.html")]
struct HomePage {
    page: Page,
    welcome: String,
    roles: Vec<&'static str>,
    scope: String,
    stats: Vec<(&'static str, i64)>,
    next_step: &'static str,
    /// For a head of office: SOP steps of open cases that ran over their standard.
    over_standard: Vec<(i64, String, String, String)>,
    /// For a head of office: clients' complaints not yet read (id, case id, client, text, filed).
    complaints: Vec<(i64, i64, String, String, String)>,
}

pub async fn show(
    State(state): State<AppState>,
    ui: Ui,
    authority: Authority,
) -> Result<Response, WebError> {
    let t = ui.t();
    let user = authority.user();
    let primary = user.roles.first().copied();
    let scope = match primary.and_then(|role| authority.principal().binding_of(role)) {
        Some(scope) => describe_scope(&state, t, scope).await?,
        None => String::new(),
    };
    let mut stats = Vec::new();
    if let Ok(grant) = authority.grant(Permission::ReadOffices) {
        stats.push((
            t.stat_offices,
            orgs::list_offices(&state.store, grant.scope()).await?.len() as i64,
        ));
    }
    if let Ok(grant) = authority.grant(Permission::ManageStaff) {
        stats.push((
            t.stat_users,
            users::list_users(&state.store, grant.scope()).await?.len() as i64,
        ));
    }
    render(&HomePage {
        page: ui.page(t.home_title),
        welcome: fill(t.home_welcome, &[("name", &user.display_name)]),
        roles: role_labels(&authority, t),
        scope,
        stats,
        next_step: next_step(primary, t),
        over_standard: over_standard(&state, &authority, ui.lang, t).await?,
        complaints: match authority.office(Permission::ReadComplaints) {
            Ok(office) => karya_store::complaints::unread(&state.store, &office)
                .await?
                .into_iter()
                .map(|k| {
                    (
                        k.id,
                        k.case_id,
                        k.client_name,
                        k.body,
                        k.filed_at.chars().take(10).collect(),
                    )
                })
                .collect(),
            _ => Vec::new(),
        },
    })
}

fn next_step(role: Option<Role>, t: &'static Catalog) -> &'static str {
    match role {
        Some(Role::Admin) => t.home_next_admin,
        Some(Role::HeadOfOffice) => t.home_next_head,
        Some(Role::SiteSupervisor) => t.home_next_supervisor,
        Some(Role::Client) => t.home_next_client,
        Some(Role::Prosecutor) => t.home_next_prosecutor,
        Some(Role::RegionalManager | Role::NationalManager) => t.home_next_manager,
        Some(Role::DataProtectionOfficer) => t.home_next_privacy,
        _ => t.home_next_staff,
    }
}

async fn describe_scope(
    state: &AppState,
    t: &Catalog,
    scope: ScopeView,
) -> Result<String, WebError> {
    let store = &state.store;
    Ok(match scope {
        ScopeView::National => t.scope_national.to_owned(),
        ScopeView::Nothing => String::new(),
        ScopeView::Region(id) => fill(
            t.scope_region,
            &[("name", &orgs::region_name(store, id).await?)],
        ),
        ScopeView::Office(id) => fill(
            t.scope_office,
            &[("name", &orgs::office_name(store, id).await?)],
        ),
        ScopeView::Partner(id) => fill(
            t.scope_partner,
            &[("name", &orgs::partner_name(store, id).await?)],
        ),
        ScopeView::Person(_) => t.scope_person.to_owned(),
        ScopeView::ProsecutorOffice(id) => fill(
            t.scope_prosecutor,
            &[("name", &orgs::prosecutor_office_name(store, id).await?)],
        ),
    })
}

/// The office's SOP steps that ran over their standard (DOMAIN §11), for the head.
async fn over_standard(
    state: &AppState,
    authority: &Authority,
    lang: crate::i18n::Lang,
    t: &'static Catalog,
) -> Result<Vec<(i64, String, String, String)>, WebError> {
    // The SOP table is the head's: a late step is theirs to act on.
    if !authority.has(Role::HeadOfOffice) {
        return Ok(Vec::new());
    }
    let Ok(office) = authority.office(Permission::ReadComplaints) else {
        return Ok(Vec::new());
    };
    let grant = authority.grant(Permission::ReadCases)?;
    let mut out = Vec::new();
    for (case_id, client) in karya_store::sop::stamped_cases(&state.store, &office).await? {
        let access = state
            .store
            .open_case(&grant, karya_store::ids::CaseId(case_id))
            .await?;
        for row in crate::routes::cases::sop_view::sop_rows(state, &access, lang, t)
            .await?
            .into_iter()
            .filter(|r| r.over)
        {
            out.push((case_id, client.clone(), row.step, row.verdict));
        }
    }
    Ok(out)
}

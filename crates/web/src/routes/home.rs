//! The start page: what waits for me (issue 13). Each role sees its work list, oldest first,
//! with counts and one link to act: office staff the tasks the domain reads off their cases
//! (`karya_domain::worklist`), the head also late SOP steps and complaints; the work-place
//! supervisor today's clients and reports to verify; the client their hours and the report
//! button; the prosecutor the documents about their office's cases; a manager a summary of
//! the cases in their scope.

use askama::Template;
use axum::extract::State;
use axum::response::Response;
use karya_domain::worklist::{WorkItem, tasks_of, work_list};
use karya_domain::{Permission, Role};
use karya_store::access::ScopeView;
use karya_store::{orgs, users, worklist};

use crate::app::AppState;
use crate::auth::Authority;
use crate::error::WebError;
use crate::i18n::{Catalog, Lang, fill};
use crate::page::{Page, Ui, render, role_labels};
use crate::views;

/// A group of the work list: one task, its count and its cases.
pub struct WorkGroup {
    pub anchor: String,
    pub label: &'static str,
    pub count: usize,
    pub items: Vec<WorkCard>,
    /// "and 3 more" when there are more than the cards shown.
    pub more: String,
}

/// One case in a group: where to act, the client, since when it waits, and a detail.
pub struct WorkCard {
    pub href: String,
    pub client: String,
    pub since: String,
    pub detail: String,
}

/// Cards shown per group; the count says how many there are in all.
const CARDS_PER_GROUP: usize = 25;

#[derive(Template)]
#[template(path = "home.html")]
struct HomePage {
    page: Page,
    welcome: String,
    roles: Vec<&'static str>,
    scope: String,
    stats: Vec<(&'static str, i64)>,
    next_step: &'static str,
    work: Vec<WorkGroup>,
    /// Whether the caller has an office work list at all (to say "nothing waits").
    has_work_list: bool,
    /// For a head of office: SOP steps of open cases that ran over their standard.
    over_standard: Vec<(i64, String, String, String)>,
    /// For a head of office: clients' complaints not yet read (id, case id, client, text, filed).
    complaints: Vec<(i64, i64, String, String, String)>,
    /// A manager's summary: (status, cases, offices).
    summary: Vec<(&'static str, i64, i64)>,
    /// The work-place supervisor's day: (clients expected today, reports to verify).
    supervisor: Option<(usize, usize)>,
    is_client: bool,
    /// The client's open cases.
    client: Vec<super::client_view::ClientSummary>,
    is_prosecutor: bool,
    /// The prosecutor's documents, unread first.
    addressed: Vec<InboxItem>,
}

/// The roles whose work the domain reads off a case.
const OFFICE_WORK: [Role; 6] = [
    Role::IntakeOfficer,
    Role::RegistryOfficer,
    Role::HeadOfAdmin,
    Role::HeadOfOffice,
    Role::Pk,
    Role::TppMember,
];

pub async fn show(
    State(state): State<AppState>,
    ui: Ui,
    authority: Authority,
) -> Result<Response, WebError> {
    let t = ui.t();
    let lang = ui.lang;
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
    let has_work_list = OFFICE_WORK.iter().any(|role| authority.has(*role));
    render(&HomePage {
        page: ui.page(t.home_title),
        welcome: fill(t.home_welcome, &[("name", &user.display_name)]),
        roles: role_labels(&authority, t),
        scope,
        stats,
        next_step: next_step(primary, t),
        work: if has_work_list {
            work_groups(&state, &authority, lang).await?
        } else {
            Vec::new()
        },
        has_work_list,
        over_standard: over_standard(&state, &authority, lang, t).await?,
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
        summary: manager_summary(&state, &authority, lang).await?,
        supervisor: supervisor_day(&state, &authority).await?,
        is_client: authority.has(Role::Client),
        is_prosecutor: authority.has(Role::Prosecutor),
        client: if authority.has(Role::Client) {
            super::client_view::summaries(&state, &authority, lang).await?
        } else {
            Vec::new()
        },
        addressed: prosecutor_inbox(&state, &authority, lang).await?,
    })
}

/// The office work list of the caller's roles: a PK's tasks only on the cases they carry.
async fn work_groups(
    state: &AppState,
    authority: &Authority,
    lang: Lang,
) -> Result<Vec<WorkGroup>, WebError> {
    let Ok(grant) = authority.grant(Permission::ReadCases) else {
        return Ok(Vec::new());
    };
    let me = authority.user().id;
    let roles: Vec<Role> = OFFICE_WORK
        .into_iter()
        .filter(|role| authority.has(*role))
        .collect();
    let open = worklist::open_cases(&state.store, &grant).await?;
    let mut items = Vec::new();
    for (index, work) in open.iter().enumerate() {
        let carried_by_me = work.case.pk_user_id == Some(me);
        let today = crate::routes::cases::today_in(state, &work.case);
        for task in tasks_of(&work.facts, &roles, carried_by_me, today) {
            use karya_domain::worklist::Task;
            let since = match (
                task,
                work.oldest_report,
                work.facts.supervision.examining_since,
            ) {
                (Task::CreditReports, Some(at), _) => views::local(work.case.zone, at).0,
                (Task::ExaminationRunning | Task::ExaminationLate, _, Some(formed)) => formed,
                _ => work.case.window.start(),
            };
            items.push(WorkItem {
                task,
                case: index,
                since,
            });
        }
    }
    Ok(work_list(items, &roles)
        .into_iter()
        .map(|(task, group)| {
            let count = group.len();
            WorkGroup {
                anchor: format!("work-{task:?}").to_lowercase(),
                label: lang.say(&task),
                count,
                more: match count.saturating_sub(CARDS_PER_GROUP) {
                    0 => String::new(),
                    more => fill(lang.catalog().work_more, &[("count", &more.to_string())]),
                },
                items: group
                    .into_iter()
                    .take(CARDS_PER_GROUP)
                    .map(|item| {
                        let work = &open[item.case];
                        let case = &work.case;
                        let href = format!("/cases/{}{}", case.id.0, task.place());
                        let mut detail = vec![case.decision_number.clone()];
                        if task == karya_domain::worklist::Task::CreditReports {
                            detail.push(fill(
                                lang.catalog().work_reports_waiting,
                                &[("count", &work.facts.reports_to_credit.to_string())],
                            ));
                        }
                        if let Some(pk) = &case.pk_name {
                            detail.push(format!("PK: {pk}"));
                        }
                        WorkCard {
                            href,
                            client: case.listed_name(),
                            since: fill(
                                lang.catalog().work_since,
                                &[("date", &views::short_date(lang, item.since))],
                            ),
                            detail: detail.join(" · "),
                        }
                    })
                    .collect(),
            }
        })
        .collect())
}

/// A national or regional manager's summary of the cases in scope, by status.
async fn manager_summary(
    state: &AppState,
    authority: &Authority,
    lang: Lang,
) -> Result<Vec<(&'static str, i64, i64)>, WebError> {
    if !(authority.has(Role::NationalManager) || authority.has(Role::RegionalManager)) {
        return Ok(Vec::new());
    }
    let grant = authority.grant(Permission::ReadCases)?;
    Ok(worklist::by_status(&state.store, &grant)
        .await?
        .into_iter()
        .map(|count| {
            (
                views::status(lang, count.status),
                count.cases,
                count.offices,
            )
        })
        .collect())
}

/// The work-place supervisor's day: clients expected today and reports to verify.
async fn supervisor_day(
    state: &AppState,
    authority: &Authority,
) -> Result<Option<(usize, usize)>, WebError> {
    if !authority.has(Role::SiteSupervisor) {
        return Ok(None);
    }
    let sessions = authority.grant(Permission::RecordWorkSessions)?;
    let zone = karya_store::work_sessions::partner_zone(&state.store, &sessions).await?;
    let day = karya_domain::calendar::local_date(state.store.now(), &zone.time_zone());
    let expected = karya_store::work_sessions::expected(&state.store, &sessions, day).await?;
    let verify = authority.grant(Permission::VerifyAttendance)?;
    let waiting = karya_store::attendance::awaiting(&state.store, &verify).await?;
    Ok(Some((expected.len(), waiting.len())))
}

/// A document in the prosecutor's inbox.
pub struct InboxItem {
    pub href: String,
    pub kind: &'static str,
    pub number: String,
    pub client: String,
    pub office: String,
    pub issued: String,
    /// "Received on …", or empty while unread.
    pub received: String,
}

/// The documents about the prosecutor's cases, unread first, then newest first, of the kinds
/// they may read.
async fn prosecutor_inbox(
    state: &AppState,
    authority: &Authority,
    lang: Lang,
) -> Result<Vec<InboxItem>, WebError> {
    if !authority.has(Role::Prosecutor) {
        return Ok(Vec::new());
    }
    let grant = authority.grant(Permission::ReadCases)?;
    let t = lang.catalog();
    Ok(worklist::addressed(&state.store, &grant)
        .await?
        .into_iter()
        .filter(|doc| authority.may(karya_domain::access::to_read_document(&doc.kind)))
        .map(|doc| {
            let issued = doc
                .issued_on
                .parse()
                .map(|day| views::short_date(lang, day))
                .unwrap_or_else(|_| doc.issued_on.clone());
            InboxItem {
                href: format!("/cases/{}/letters/{}", doc.case_id, doc.id),
                kind: crate::routes::verify::kind_label(t, &doc.kind),
                number: format!("{} (v{})", doc.number, doc.version),
                client: doc.listed_name(),
                office: doc.office_name.clone(),
                issued,
                received: doc
                    .received_at
                    .as_deref()
                    .map(|at| {
                        fill(
                            t.inbox_received,
                            &[(
                                "at",
                                &views::stored_instant(
                                    lang,
                                    at,
                                    karya_domain::OfficeZone::parse(&doc.office_zone)
                                        .unwrap_or(karya_domain::OfficeZone::Wib),
                                ),
                            )],
                        )
                    })
                    .unwrap_or_default(),
            }
        })
        .collect())
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
    lang: Lang,
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

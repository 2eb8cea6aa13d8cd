//! TPP sessions (seed §2.3.3; S7): the office's sessions, the head's form to convene one
//! (day, place, members present, chair, agenda of the cases awaiting the TPP), a session's
//! page where the members record each case's deliberation and recommendation, and the
//! chair's signature on the minutes, issued as a PDF with number and QR code.

use askama::Template;
use axum::Form;
use axum::extract::{Path, Query, State};
use axum::http::header;
use axum::response::{IntoResponse, Redirect, Response};
use jiff::civil::Date;
use karya_docs::{AgendaCase, Document, Officer, Printable, TppMinutes};
use karya_domain::Permission;
use karya_domain::supervision::{self as rules, Ground, Recommendation};
use karya_store::OfficeAccess;
use karya_store::documents::{Issued, ToIssue};
use karya_store::ids::UserId;
use karya_store::orgs;
use karya_store::supervision::SupervisionError;
use karya_store::tpp::{self, AgendaItem, NewSession, Session};

use crate::app::AppState;
use crate::auth::Authority;
use crate::error::WebError;
use crate::forms::{self, FormErrors, Pairs};
use crate::i18n::{Catalog, Lang, fill};
use crate::page::{Page, Ui, render_form};
use crate::routes::cases::Notice;
use crate::routes::cases::supervision::{order_in_decision, recommendation_label};
use crate::views;

/// A session as listed.
pub struct SessionRow {
    pub id: i64,
    pub title: String,
    pub line: String,
    pub progress: String,
    pub state: String,
    pub signed: bool,
}

#[derive(Template)]
#[template(path = "tpp.html")]
struct SessionsPage {
    page: Page,
    errors: FormErrors,
    sessions: Vec<SessionRow>,
    can_convene: bool,
    /// The convene form: (value, label, checked).
    members: Vec<(String, String, bool)>,
    candidates: Vec<(String, String, bool)>,
    chair: String,
    held_on: String,
    place: String,
}

/// One case on a session's page, with the form to recommend when the caller may.
pub struct AgendaView {
    pub exam: i64,
    pub case: i64,
    pub client: String,
    pub ground: &'static str,
    pub what_happened: String,
    pub findings: String,
    pub outcome: String,
    pub deliberation: String,
    pub can_recommend: bool,
    /// (value, label) of the recommendations open on this ground and decision (S7, L8).
    pub open: Vec<(&'static str, String)>,
    /// This item's form was the one submitted and refused: its fields carry the values.
    pub submitted: bool,
}

#[derive(Template)]
#[template(path = "tpp_session.html")]
struct SessionPage {
    page: Page,
    errors: FormErrors,
    id: i64,
    line: String,
    state: String,
    agenda: Vec<AgendaView>,
    can_sign: bool,
    signed: bool,
    form: Pairs,
}

impl SessionPage {
    fn value(&self, name: &str) -> &str {
        self.form.get(name)
    }
}

/// The office's local day.
async fn office_today(state: &AppState, office: &OfficeAccess) -> Result<Date, WebError> {
    let office = orgs::office_of(&state.store, office).await?;
    let zone =
        karya_domain::OfficeZone::parse(&office.time_zone).unwrap_or(karya_domain::OfficeZone::Wib);
    Ok(karya_domain::calendar::local_date(
        state.store.now(),
        &zone.time_zone(),
    ))
}

fn ground_label(t: &Catalog, ground: Ground) -> &'static str {
    match ground {
        Ground::GoodDeed => t.supervision_ground_good,
        Ground::SuspectedViolation => t.supervision_ground_violation,
    }
}

fn row(t: &Catalog, lang: Lang, s: &Session) -> SessionRow {
    SessionRow {
        id: s.id,
        title: fill(
            t.tpp_session_title,
            &[("date", &views::date(lang, s.held_on))],
        ),
        line: session_line(t, s),
        progress: fill(
            t.tpp_progress,
            &[
                ("done", &s.recommended.to_string()),
                ("total", &s.agenda.to_string()),
            ],
        ),
        state: match s.signed_on {
            Some(on) => fill(t.tpp_signed, &[("date", &views::date(lang, on))]),
            None => t.tpp_open.to_owned(),
        },
        signed: s.signed_on.is_some(),
    }
}

fn session_line(t: &Catalog, s: &Session) -> String {
    let line = fill(
        t.tpp_session_line,
        &[("chair", &s.chair), ("present", &s.present.join(", "))],
    );
    if s.place.is_empty() {
        line
    } else {
        format!("{} · {line}", s.place)
    }
}

/// The sessions page, with the convene form filled from `form` (a refused submission) or
/// with its defaults.
async fn sessions_page(
    state: &AppState,
    ui: &Ui,
    authority: &Authority,
    form: Option<&Pairs>,
    errors: FormErrors,
    notice: Option<&str>,
) -> Result<Response, WebError> {
    let office = authority.office(Permission::ReadTppSessions)?;
    let (t, lang) = (ui.t(), ui.lang);
    let sessions = tpp::list(&state.store, &office)
        .await?
        .iter()
        .map(|s| row(t, lang, s))
        .collect();
    let can_convene = authority.may(Permission::ConveneTpp);
    let chosen = |name: &str, value: &str| form.is_some_and(|f| f.all(name).contains(&value));
    let (mut members, mut candidates) = (Vec::new(), Vec::new());
    if can_convene {
        let convener = authority.office(Permission::ConveneTpp)?;
        members = tpp::members(&state.store, &office)
            .await?
            .into_iter()
            .map(|(id, name)| {
                let value = id.0.to_string();
                let checked = chosen("t_present", &value);
                (value, name, checked)
            })
            .collect();
        candidates = tpp::candidates(&state.store, &convener)
            .await?
            .into_iter()
            .map(|c| {
                let value = c.examination.to_string();
                let label = fill(
                    t.tpp_candidate,
                    &[
                        ("client", &c.client_name),
                        ("ground", ground_label(t, c.ground)),
                        ("date", &views::date(lang, c.findings_on)),
                    ],
                );
                // Every waiting case is on the agenda unless the head unticks it.
                let checked = form.is_none() || chosen("t_agenda", &value);
                (value, label, checked)
            })
            .collect();
    }
    let today = office_today(state, &office).await?;
    let field = |name: &str, default: String| form.map_or(default, |f| f.get(name).to_owned());
    let page = SessionsPage {
        page: ui.page(t.nav_tpp).with_notice(notice),
        sessions,
        can_convene,
        members,
        candidates,
        chair: field("t_chair", String::new()),
        held_on: field("t_held_on", today.to_string()),
        place: field("t_place", String::new()),
        errors,
    };
    let invalid = !page.errors.is_empty();
    render_form(&page, invalid)
}

pub async fn list(
    State(state): State<AppState>,
    ui: Ui,
    authority: Authority,
    Query(notice): Query<Notice>,
) -> Result<Response, WebError> {
    sessions_page(
        &state,
        &ui,
        &authority,
        None,
        FormErrors::default(),
        notice.message(ui.t()),
    )
    .await
}

fn users(form: &Pairs, name: &str) -> Vec<UserId> {
    form.all(name)
        .into_iter()
        .filter_map(|v| v.parse().ok().map(UserId))
        .collect()
}

/// The form's field for a domain field of a session.
fn field(domain: &str) -> &'static str {
    match domain {
        "present" => "t_present",
        "chair" => "t_chair",
        "agenda" => "t_agenda",
        "recommendation" => "s_recommendation",
        "deliberation" => "s_deliberation",
        "minutes" => "t_minutes",
        _ => "t_session",
    }
}

/// A refusal of the store, as the form's errors.
fn refusal(ui: &Ui, error: SupervisionError) -> Result<FormErrors, WebError> {
    let mut errors = FormErrors::default();
    match error {
        SupervisionError::Rules(found) => {
            for v in found.iter() {
                errors.add(field(v.field), views::violation_message(ui.lang, v));
            }
        }
        SupervisionError::Case(error) => {
            forms::add_refusal(&mut errors, ui.lang, ui.t(), "t_session", error)?;
        }
    }
    Ok(errors)
}

/// The head convenes a session (S7).
pub async fn convene(
    State(state): State<AppState>,
    ui: Ui,
    authority: Authority,
    Form(form): Form<Pairs>,
) -> Result<Response, WebError> {
    let office = authority.office(Permission::ConveneTpp)?;
    let mut errors = FormErrors::default();
    let held_on = form.get("t_held_on").parse::<Date>();
    if held_on.is_err() {
        errors.add("t_held_on", ui.t().date_invalid);
    }
    let chair = form.get("t_chair").parse().map(UserId);
    if chair.is_err() {
        errors.add(
            "t_chair",
            views::violation_message(ui.lang, &chair_missing()),
        );
    }
    if let (Ok(held_on), Ok(chair)) = (held_on, chair) {
        let new = NewSession {
            held_on,
            place: form.get("t_place").to_owned(),
            chair,
            present: users(&form, "t_present"),
            agenda: form
                .all("t_agenda")
                .into_iter()
                .filter_map(|v| v.parse().ok())
                .collect(),
        };
        match tpp::convene(&state.store, &office, &new).await {
            Ok(id) => {
                return Ok(Redirect::to(&format!("/tpp/{id}?done=tpp_convened")).into_response());
            }
            Err(error) => errors.extend(refusal(&ui, error)?),
        }
    }
    sessions_page(&state, &ui, &authority, Some(&form), errors, None).await
}

/// No chair chosen: the same refusal as a chair not among those present (S7).
fn chair_missing() -> karya_domain::rule::Violation {
    karya_domain::rule::Violation::new(
        karya_domain::rule::Rule::S7,
        "chair",
        karya_domain::refusal::Refusal::TppChairNotPresent,
    )
}

fn agenda_view(
    t: &Catalog,
    item: &AgendaItem,
    can_recommend: bool,
    submitted: Option<i64>,
) -> AgendaView {
    let orders = &item.terms.default_orders;
    let outcome = match item.recommendation {
        Some(Recommendation::DefaultOrder(kind)) => order_in_decision(t, orders, kind),
        Some(r) => recommendation_label(t, r),
        None => t.tpp_pending.to_owned(),
    };
    AgendaView {
        exam: item.examination,
        case: item.case.0,
        client: item.client_name.clone(),
        ground: ground_label(t, item.ground),
        what_happened: item.what_happened.clone(),
        findings: item.findings.clone(),
        outcome,
        deliberation: item.deliberation.clone().unwrap_or_default(),
        can_recommend: can_recommend && item.recommendation.is_none(),
        open: rules::recommendations_open(item.ground, orders)
            .into_iter()
            .map(|r| (r.as_str(), recommendation_label(t, r)))
            .collect(),
        submitted: submitted == Some(item.examination),
    }
}

async fn session_page(
    state: &AppState,
    ui: &Ui,
    authority: &Authority,
    id: i64,
    form: Pairs,
    errors: FormErrors,
    notice: Option<&str>,
) -> Result<Response, WebError> {
    let office = authority.office(Permission::ReadTppSessions)?;
    let (t, lang) = (ui.t(), ui.lang);
    let (session, agenda) = tpp::get(&state.store, &office, id).await?;
    let open = session.signed_on.is_none();
    let can_recommend = open && authority.may(Permission::RecommendInTpp);
    let submitted = form.get("exam").parse().ok();
    let summary = row(t, lang, &session);
    let page = SessionPage {
        page: ui.page(&summary.title).with_notice(notice),
        id,
        line: summary.line,
        state: format!("{} · {}", summary.progress, summary.state),
        agenda: agenda
            .iter()
            .map(|item| agenda_view(t, item, can_recommend, submitted))
            .collect(),
        can_sign: open
            && session.complete()
            && authority.may(Permission::RecommendInTpp)
            && session.chair_id == authority.user().id,
        signed: !open,
        form,
        errors,
    };
    let invalid = !page.errors.is_empty();
    render_form(&page, invalid)
}

fn path_id(id: &str) -> Result<i64, WebError> {
    crate::routes::path_id(id)
}

pub async fn show(
    State(state): State<AppState>,
    ui: Ui,
    authority: Authority,
    Path(id): Path<String>,
    Query(notice): Query<Notice>,
) -> Result<Response, WebError> {
    let notice = notice.message(ui.t());
    session_page(
        &state,
        &ui,
        &authority,
        path_id(&id)?,
        Pairs::default(),
        FormErrors::default(),
        notice,
    )
    .await
}

/// A member records a case's deliberation and recommendation against the session (S7, L8):
/// the case is opened through its own capability, the store takes the session's members
/// and day.
pub async fn recommend(
    State(state): State<AppState>,
    ui: Ui,
    authority: Authority,
    Path(id): Path<String>,
    Form(form): Form<Pairs>,
) -> Result<Response, WebError> {
    let id = path_id(&id)?;
    let office = authority.office(Permission::ReadTppSessions)?;
    let grant = authority.grant(Permission::RecommendInTpp)?;
    let exam: i64 = form.get("exam").parse().map_err(|_| WebError::BadRequest)?;
    let recommendation =
        Recommendation::parse(form.get("s_recommendation")).ok_or(WebError::BadRequest)?;
    let (_, agenda) = tpp::get(&state.store, &office, id).await?;
    let item = agenda
        .iter()
        .find(|a| a.examination == exam)
        .ok_or(WebError::NotFound)?;
    let access = state.store.open_case(&grant, item.case).await?;
    let today = crate::routes::cases::today_in(&state, access.case());
    let result = karya_store::supervision::recommend(
        &state.store,
        &access,
        exam,
        recommendation,
        &[],
        form.get("s_deliberation"),
        today,
    )
    .await;
    match result {
        Ok(()) => {
            Ok(Redirect::to(&format!("/tpp/{id}?done=recommendation#exam-{exam}")).into_response())
        }
        Err(error) => {
            let errors = refusal(&ui, error)?;
            session_page(&state, &ui, &authority, id, form, errors, None).await
        }
    }
}

/// The chair signs the minutes (S7).
pub async fn sign(
    State(state): State<AppState>,
    ui: Ui,
    authority: Authority,
    Path(id): Path<String>,
) -> Result<Response, WebError> {
    let id = path_id(&id)?;
    let office = authority.office(Permission::RecommendInTpp)?;
    match issue_minutes(&state, &office, authority.user(), id).await {
        Ok(_) => Ok(Redirect::to(&format!("/tpp/{id}?done=tpp_minutes_signed")).into_response()),
        Err(error) => {
            let errors = refusal(&ui, error)?;
            session_page(&state, &ui, &authority, id, Pairs::default(), errors, None).await
        }
    }
}

/// Renders the minutes from the session's record and issues them as an office document in
/// the transaction that closes the session; `chair` signs (S7).
pub async fn issue_minutes(
    state: &AppState,
    office_access: &OfficeAccess,
    chair: &karya_store::users::User,
    id: i64,
) -> Result<Issued, SupervisionError> {
    let (session, agenda) = tpp::get_signable(&state.store, office_access, id).await?;
    let office = orgs::office_of(&state.store, office_access).await?;
    let document = Document::TppMinutes(minutes(&session, &agenda, &office, chair));
    let head = crate::routes::cases::letters::letterhead(&office);
    let public_url = state.config.public_url.clone();
    let doc = ToIssue {
        office: office.id(),
        office_code: office.letter_code(),
        case: None,
        kind: "tpp_minutes",
        number_format: &state.config.letter_number_format,
        issued_on: document.dated(),
        by: chair.id,
        fingerprint: document.fingerprint(),
    };
    let render_pdf = crate::routes::cases::letters::renderer(document, head, public_url, true);
    tpp::sign_minutes(&state.store, office_access, id, &doc, render_pdf).await
}

/// The minutes' view model: in Indonesian, as the Bapas files them; each default order in
/// the decision's own terms (L8).
fn minutes(
    session: &Session,
    agenda: &[AgendaItem],
    office: &orgs::Office,
    chair: &karya_store::users::User,
) -> TppMinutes {
    let t = Lang::Id.catalog();
    TppMinutes {
        number: String::new(),
        held_on: session.held_on,
        place: crate::routes::cases::letters::place(&office.name),
        venue: session.place.clone(),
        office: office.name.clone(),
        present: session.present.clone(),
        cases: agenda
            .iter()
            .map(|item| AgendaCase {
                client: item.client_name.clone(),
                decision: karya_docs::Decision {
                    court: item.terms.court.clone(),
                    number: item.terms.decision_number.clone(),
                    date: item.terms.decision_date,
                },
                pk: item.pk.clone(),
                ground: ground_label(t, item.ground).to_owned(),
                what_happened: item.what_happened.clone(),
                findings: item.findings.clone(),
                deliberation: item.deliberation.clone().unwrap_or_default(),
                recommendation: match item.recommendation {
                    Some(Recommendation::DefaultOrder(kind)) => {
                        order_in_decision(t, &item.terms.default_orders, kind)
                    }
                    Some(r) => recommendation_label(t, r),
                    None => t.tpp_pending.to_owned(),
                },
            })
            .collect(),
        chair: Officer {
            name: chair.display_name.clone(),
            nip: chair.nip.clone(),
        },
    }
}

/// Downloads the signed minutes of a session of the caller's office; the read is audited.
pub async fn download(
    State(state): State<AppState>,
    authority: Authority,
    Path(id): Path<String>,
) -> Result<Response, WebError> {
    let office = authority.office(Permission::ReadTppSessions)?;
    let (_, content) = tpp::minutes(&state.store, &office, path_id(&id)?).await?;
    Ok((
        [
            (header::CONTENT_TYPE, "application/pdf"),
            (
                header::CONTENT_DISPOSITION,
                "attachment; filename=\"berita-acara-sidang-tpp.pdf\"",
            ),
        ],
        content,
    )
        .into_response())
}

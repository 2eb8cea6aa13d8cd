//! The data protection officer's pages (issue 12, item 13; UU PDP 27/2022): the register of
//! data subjects' requests and the breach register, each duty shown against its 3 × 24-hour
//! deadline; a search for a data subject (by POST, so that no name or NIK is ever in a URL);
//! and a person's page with the subject-access export. Times are typed and shown in WIB,
//! the zone of the Directorate General where the officer sits.

use askama::Template;
use axum::Form;
use axum::extract::{Path, Query, State};
use axum::http::header;
use axum::response::{IntoResponse, Redirect, Response};
use jiff::Timestamp;
use jiff::civil::{Date, DateTime};
use jiff::tz::TimeZone;
use karya_domain::Permission;
use karya_domain::privacy::{self as law, Deadline, RequestKind};
use karya_store::access::Grant;
use karya_store::ids::PersonId;
use karya_store::privacy::{self, NewBreach, NewRequest, PersonHit, Recipient};

use crate::app::AppState;
use crate::auth::Authority;
use crate::error::WebError;
use crate::forms::{self, FormErrors, Pairs};
use crate::i18n::{Catalog, fill};
use crate::page::{Page, Saved, Ui, render_form};
use crate::routes::path_id;

/// The zone the officer's times are typed and shown in: WIB, the Directorate General's.
pub(super) fn wib() -> TimeZone {
    karya_domain::OfficeZone::Wib.time_zone()
}

/// `at` as people read it here: `2026-11-30 17:05 WIB`.
fn shown(at: Timestamp) -> String {
    format!("{} WIB", wib().to_datetime(at).strftime("%Y-%m-%d %H:%M"))
}

/// A `datetime-local` value typed in WIB; refused when empty, malformed or in the future.
fn typed_time(
    errors: &mut FormErrors,
    t: &Catalog,
    field: &'static str,
    value: &str,
    now: Timestamp,
) -> Option<Timestamp> {
    let parsed = value
        .trim()
        .parse::<DateTime>()
        .ok()
        .and_then(|local| wib().to_timestamp(local).ok())
        .filter(|at| *at <= now);
    if parsed.is_none() {
        errors.add(field, t.privacy_time_invalid);
    }
    parsed
}

fn deadline_text(t: &Catalog, deadline: Deadline) -> (String, bool) {
    match deadline {
        Deadline::Open { hours_left } => (
            fill(t.privacy_hours_left, &[("hours", &hours_left.to_string())]),
            false,
        ),
        Deadline::Overdue { hours_late } => (
            fill(t.privacy_overdue, &[("hours", &hours_late.to_string())]),
            true,
        ),
        Deadline::Done { on_time: true } => (t.privacy_done_on_time.to_owned(), false),
        Deadline::Done { on_time: false } => (t.privacy_done_late.to_owned(), true),
    }
}

pub struct RequestView {
    id: i64,
    person_id: i64,
    person_name: String,
    kind: &'static str,
    article: &'static str,
    received: String,
    channel: String,
    details: String,
    deadline: String,
    late: bool,
    open: bool,
    answer: String,
}

pub struct NoticeView {
    deadline: String,
    late: bool,
    open: bool,
}

pub struct BreachView {
    id: i64,
    discovered: String,
    occurred_on: String,
    data_exposed: String,
    how: String,
    handling: String,
    subjects_affected: i64,
    authority: NoticeView,
    subjects: NoticeView,
}

#[derive(Template)]
#[template(path = "privacy.html")]
struct PrivacyPage {
    page: Page,
    errors: FormErrors,
    query: String,
    hits: Option<Vec<PersonHit>>,
    requests: Vec<RequestView>,
    breaches: Vec<BreachView>,
    breach: Pairs,
    /// The breach form's discovery time: as typed, or now.
    discovered_value: String,
}

fn notice(
    t: &Catalog,
    discovered: Timestamp,
    sent: Option<Timestamp>,
    now: Timestamp,
) -> NoticeView {
    let (deadline, late) = deadline_text(t, law::deadline(discovered, sent, now));
    let deadline = match sent {
        Some(at) => format!(
            "{} · {deadline}",
            fill(t.privacy_sent_at, &[("at", &shown(at))])
        ),
        None => deadline,
    };
    NoticeView {
        deadline,
        late,
        open: sent.is_none(),
    }
}

/// A time field's value: as the user typed it, or now in WIB for a new form.
fn typed_or_now(typed: &str, now: Timestamp) -> String {
    if typed.is_empty() {
        wib()
            .to_datetime(now)
            .strftime("%Y-%m-%dT%H:%M")
            .to_string()
    } else {
        typed.to_owned()
    }
}

async fn privacy_page(
    state: &AppState,
    ui: &Ui,
    grant: &Grant,
    errors: FormErrors,
    search: Option<(String, Vec<PersonHit>)>,
    breach: Pairs,
    notice_text: Option<&str>,
) -> Result<Response, WebError> {
    let t = ui.t();
    let now = state.store.now();
    let requests = privacy::requests(&state.store, grant)
        .await?
        .into_iter()
        .map(|r| {
            let (deadline, late) =
                deadline_text(t, law::deadline(r.received_at, r.answered_at, now));
            let answer = match (&r.outcome, &r.answer) {
                (Some(outcome), Some(answer)) => {
                    let label = if outcome == "granted" {
                        t.privacy_granted
                    } else {
                        t.privacy_refused
                    };
                    format!("{label}: {answer}")
                }
                _ => String::new(),
            };
            RequestView {
                id: r.id,
                person_id: r.person_id,
                person_name: r.person_name,
                kind: ui.lang.pick(r.kind.label_id(), r.kind.label_en()),
                article: r.kind.article(),
                received: shown(r.received_at),
                channel: r.channel,
                details: r.details,
                deadline,
                late,
                open: r.answered_at.is_none(),
                answer,
            }
        })
        .collect();
    let breaches = privacy::breaches(&state.store, grant)
        .await?
        .into_iter()
        .map(|b| BreachView {
            id: b.id,
            discovered: shown(b.discovered_at),
            occurred_on: b.occurred_on.unwrap_or_default(),
            data_exposed: b.data_exposed,
            how: b.how,
            handling: b.handling,
            subjects_affected: b.subjects_affected,
            authority: notice(t, b.discovered_at, b.authority_notified_at, now),
            subjects: notice(t, b.discovered_at, b.subjects_notified_at, now),
        })
        .collect();
    let (query, hits) = match search {
        Some((query, hits)) => (query, Some(hits)),
        None => (String::new(), None),
    };
    let invalid = !errors.is_empty();
    render_form(
        &PrivacyPage {
            page: ui.page(t.privacy_title).with_notice(notice_text),
            errors,
            query,
            hits,
            requests,
            breaches,
            discovered_value: typed_or_now(breach.get("discovered_at"), now),
            breach,
        },
        invalid,
    )
}

pub async fn show(
    State(state): State<AppState>,
    ui: Ui,
    authority: Authority,
    Query(saved): Query<Saved>,
) -> Result<Response, WebError> {
    let grant = authority.grant(Permission::ProtectPersonalData)?;
    let notice_text = saved.notice(ui.t());
    privacy_page(
        &state,
        &ui,
        &grant,
        FormErrors::default(),
        None,
        Pairs::default(),
        notice_text,
    )
    .await
}

#[derive(serde::Deserialize)]
pub struct SearchForm {
    #[serde(default)]
    query: String,
}

/// The search is a POST: a name or a NIK never goes into a URL, a log or a browser history.
pub async fn search(
    State(state): State<AppState>,
    ui: Ui,
    authority: Authority,
    Form(form): Form<SearchForm>,
) -> Result<Response, WebError> {
    let grant = authority.grant(Permission::ProtectPersonalData)?;
    let hits = privacy::find_people(&state.store, &grant, &form.query).await?;
    let search = Some((form.query.trim().to_owned(), hits));
    privacy_page(
        &state,
        &ui,
        &grant,
        FormErrors::default(),
        search,
        Pairs::default(),
        None,
    )
    .await
}

pub async fn record_breach(
    State(state): State<AppState>,
    ui: Ui,
    authority: Authority,
    Form(form): Form<Pairs>,
) -> Result<Response, WebError> {
    let grant = authority.grant(Permission::ProtectPersonalData)?;
    let t = ui.t();
    let mut errors = FormErrors::default();
    let now = state.store.now();
    let discovered_at = typed_time(
        &mut errors,
        t,
        "discovered_at",
        form.get("discovered_at"),
        now,
    );
    let occurred_text = form.get("occurred_on").trim();
    let occurred_on = if occurred_text.is_empty() {
        None
    } else {
        let date = occurred_text.parse::<Date>().ok();
        if date.is_none() {
            errors.add("occurred_on", t.privacy_date_invalid);
        }
        date
    };
    let data_exposed = forms::text(
        &mut errors,
        t,
        "data_exposed",
        form.get("data_exposed"),
        2000,
        true,
    );
    let how = forms::text(&mut errors, t, "how", form.get("how"), 2000, true);
    let handling = forms::text(&mut errors, t, "handling", form.get("handling"), 2000, true);
    let subjects_affected = forms::whole(
        &mut errors,
        t,
        "subjects_affected",
        form.get("subjects_affected"),
        0..=100_000_000,
    );
    // The law's own list of what a notice must say (Art. 46(2)), checked by the domain.
    for gap in law::notice_gaps(&data_exposed, &how, &handling) {
        if errors.get(gap).is_empty() {
            errors.add(gap, t.field_required);
        }
    }
    let Some(discovered_at) = discovered_at.filter(|_| errors.is_empty()) else {
        return privacy_page(&state, &ui, &grant, errors, None, form, None).await;
    };
    let breach = NewBreach {
        discovered_at,
        occurred_on,
        data_exposed: &data_exposed,
        how: &how,
        handling: &handling,
        subjects_affected,
    };
    privacy::record_breach(&state.store, &grant, &breach).await?;
    Ok(Redirect::to("/privacy?saved=1").into_response())
}

#[derive(serde::Deserialize)]
pub struct NotifiedForm {
    #[serde(default)]
    to: String,
}

pub async fn mark_notified(
    State(state): State<AppState>,
    authority: Authority,
    Path(id): Path<String>,
    Form(form): Form<NotifiedForm>,
) -> Result<Response, WebError> {
    let grant = authority.grant(Permission::ProtectPersonalData)?;
    let recipient = match form.to.as_str() {
        "authority" => Recipient::Authority,
        "subjects" => Recipient::Subjects,
        _ => return Err(WebError::BadRequest),
    };
    privacy::mark_notified(&state.store, &grant, path_id(&id)?, recipient).await?;
    Ok(Redirect::to("/privacy?saved=1").into_response())
}

#[derive(Template)]
#[template(path = "privacy_person.html")]
struct PersonPage {
    page: Page,
    errors: FormErrors,
    person_id: i64,
    name: String,
    cases: i64,
    form: Pairs,
    kinds: Vec<(&'static str, &'static str)>,
    /// The request's receipt time: as typed, or now.
    received_value: String,
}

async fn person_page(
    state: &AppState,
    ui: &Ui,
    grant: &Grant,
    person: PersonId,
    errors: FormErrors,
    form: Pairs,
) -> Result<Response, WebError> {
    let t = ui.t();
    let summary = privacy::person_summary(&state.store, grant, person).await?;
    let invalid = !errors.is_empty();
    render_form(
        &PersonPage {
            page: ui.page(t.privacy_person_title),
            errors,
            person_id: person.0,
            name: summary.full_name,
            cases: summary.cases,
            kinds: RequestKind::ALL
                .iter()
                .map(|k| (k.as_str(), ui.lang.pick(k.label_id(), k.label_en())))
                .collect(),
            received_value: typed_or_now(form.get("received_at"), state.store.now()),
            form,
        },
        invalid,
    )
}

pub async fn person(
    State(state): State<AppState>,
    ui: Ui,
    authority: Authority,
    Path(id): Path<String>,
) -> Result<Response, WebError> {
    let grant = authority.grant(Permission::ProtectPersonalData)?;
    let person = PersonId(path_id(&id)?);
    person_page(
        &state,
        &ui,
        &grant,
        person,
        FormErrors::default(),
        Pairs::default(),
    )
    .await
}

pub async fn record_request(
    State(state): State<AppState>,
    ui: Ui,
    authority: Authority,
    Path(id): Path<String>,
    Form(form): Form<Pairs>,
) -> Result<Response, WebError> {
    let grant = authority.grant(Permission::ProtectPersonalData)?;
    let person = PersonId(path_id(&id)?);
    let t = ui.t();
    let mut errors = FormErrors::default();
    let kind = RequestKind::parse(form.get("kind"));
    if kind.is_none() {
        errors.add("kind", t.privacy_kind_invalid);
    }
    let received_at = typed_time(
        &mut errors,
        t,
        "received_at",
        form.get("received_at"),
        state.store.now(),
    );
    let channel = forms::text(&mut errors, t, "channel", form.get("channel"), 200, true);
    let details = forms::text(&mut errors, t, "details", form.get("details"), 2000, true);
    let (Some(kind), Some(received_at), true) = (kind, received_at, errors.is_empty()) else {
        return person_page(&state, &ui, &grant, person, errors, form).await;
    };
    let request = NewRequest {
        person,
        kind,
        received_at,
        channel: &channel,
        details: &details,
    };
    privacy::record_request(&state.store, &grant, &request).await?;
    Ok(Redirect::to("/privacy?saved=1").into_response())
}

pub async fn answer_request(
    State(state): State<AppState>,
    ui: Ui,
    authority: Authority,
    Path(id): Path<String>,
    Form(form): Form<Pairs>,
) -> Result<Response, WebError> {
    let grant = authority.grant(Permission::ProtectPersonalData)?;
    let t = ui.t();
    let mut errors = FormErrors::default();
    let granted = match form.get("outcome") {
        "granted" => Some(true),
        "refused" => Some(false),
        _ => {
            errors.add("outcome", t.privacy_outcome_invalid);
            None
        }
    };
    let answer = forms::text(&mut errors, t, "answer", form.get("answer"), 2000, true);
    let Some(granted) = granted.filter(|_| errors.is_empty()) else {
        return privacy_page(&state, &ui, &grant, errors, None, Pairs::default(), None).await;
    };
    privacy::answer_request(&state.store, &grant, path_id(&id)?, granted, &answer).await?;
    Ok(Redirect::to("/privacy?saved=1").into_response())
}

/// Everything about the person and its processing trail, as a JSON file to hand over.
pub async fn export_json(
    State(state): State<AppState>,
    authority: Authority,
    Path(id): Path<String>,
) -> Result<Response, WebError> {
    let grant = authority.grant(Permission::ProtectPersonalData)?;
    let person = PersonId(path_id(&id)?);
    let export = privacy::subject_export(&state.store, &grant, person).await?;
    let body = serde_json::to_vec_pretty(&export).map_err(|e| WebError::Internal(e.into()))?;
    Ok((
        [
            (header::CONTENT_TYPE, "application/json".to_owned()),
            (
                header::CONTENT_DISPOSITION,
                format!("attachment; filename=\"subjek-data-{}.json\"", person.0),
            ),
        ],
        body,
    )
        .into_response())
}

//! The work-place supervisor's day, phone first: the clients expected today at their partner
//! with their sessions and whether a report exists, and one record for several clients who
//! worked the same session. Each client signs their own report on the PJ's phone with their
//! own password (B5); the PJ verifies afterwards, as a separate act, and the PK credits.
//! Wrong passwords count against the client's login like failed logins.

use askama::Template;
use axum::Form;
use axum::extract::State;
use axum::response::{IntoResponse, Redirect, Response};
use jiff::civil::{Date, Time};
use karya_domain::Permission;
use karya_domain::ledger::DeviceSignature;
use karya_store::attendance::{LedgerError, NewEntry};
use karya_store::ids::CaseId;
use karya_store::work_sessions;

use crate::app::AppState;
use crate::auth::{Authority, attempts};
use crate::error::WebError;
use crate::forms::{self, FormErrors, Pairs};
use crate::i18n::fill;
use crate::page::{Page, Ui, render};
use crate::routes::cases::Notice;
use crate::views;

pub struct ExpectedRow {
    pub case_id: i64,
    pub client_name: String,
    pub sessions: String,
    pub reported: bool,
    pub checked: bool,
    /// Why this client's signature or report was refused, beside their password field.
    pub error: String,
    pub signature_label: String,
}

#[derive(Template)]
#[template(path = "today.html")]
struct TodayPage {
    page: Page,
    day: String,
    rows: Vec<ExpectedRow>,
    errors: FormErrors,
    time_in: String,
    time_out: String,
    activity: String,
}

/// Today in the zone of the office the partner belongs to.
fn today(state: &AppState, zone: karya_domain::OfficeZone) -> Date {
    karya_domain::calendar::local_date(state.store.now(), &zone.time_zone())
}

async fn page(
    state: &AppState,
    ui: &Ui,
    authority: &Authority,
    form: Option<&Pairs>,
    errors: FormErrors,
    row_errors: &[(CaseId, String)],
    notice: Option<&str>,
) -> Result<TodayPage, WebError> {
    let grant = authority.grant(Permission::RecordWorkSessions)?;
    let day = today(
        state,
        work_sessions::partner_zone(&state.store, &grant).await?,
    );
    let expected = work_sessions::expected(&state.store, &grant, day).await?;
    let first = expected.first().and_then(|e| e.sessions.first()).copied();
    let hhmm = |t: Time| t.strftime("%H:%M").to_string();
    let rows = expected
        .into_iter()
        .map(|e| ExpectedRow {
            checked: form.is_some_and(|f| f.all("case").contains(&e.case_id.to_string().as_str())),
            case_id: e.case_id.0,
            sessions: e
                .sessions
                .iter()
                .map(|s| format!("{}–{}", hhmm(s.from), hhmm(s.to)))
                .collect::<Vec<_>>()
                .join(", "),
            reported: e.reported_today > 0,
            error: row_errors
                .iter()
                .find(|(case, _)| *case == e.case_id)
                .map(|(_, message)| message.clone())
                .unwrap_or_default(),
            signature_label: fill(ui.t().today_signature_label, &[("name", &e.client_name)]),
            client_name: e.client_name,
        })
        .collect();
    Ok(TodayPage {
        page: ui.page(ui.t().today_title).with_notice(notice),
        day: views::date(ui.lang, day),
        rows,
        errors,
        time_in: form.map_or_else(
            || first.map(|s| hhmm(s.from)).unwrap_or_default(),
            |f| f.get("time_in").to_owned(),
        ),
        time_out: form.map_or_else(
            || first.map(|s| hhmm(s.to)).unwrap_or_default(),
            |f| f.get("time_out").to_owned(),
        ),
        activity: form
            .map(|f| f.get("activity").to_owned())
            .unwrap_or_default(),
    })
}

pub async fn show(
    State(state): State<AppState>,
    ui: Ui,
    authority: Authority,
    axum::extract::Query(notice): axum::extract::Query<Notice>,
) -> Result<Response, WebError> {
    authority.grant(Permission::RecordWorkSessions)?;
    render(
        &page(
            &state,
            &ui,
            &authority,
            None,
            FormErrors::default(),
            &[],
            notice.message(ui.t()),
        )
        .await?,
    )
}

pub async fn record(
    State(state): State<AppState>,
    ui: Ui,
    authority: Authority,
    headers: axum::http::HeaderMap,
    peer: attempts::Peer,
    Form(form): Form<Pairs>,
) -> Result<Response, WebError> {
    let address = attempts::address_of(&peer, &headers, state.config.trusted_proxy);
    let grant = authority.grant(Permission::RecordWorkSessions)?;
    let t = ui.t();
    let mut errors = FormErrors::default();
    let cases: Vec<CaseId> = form
        .all("case")
        .into_iter()
        .filter_map(|c| c.parse().ok())
        .map(CaseId)
        .collect();
    if cases.is_empty() {
        errors.add("clients", t.today_choose_clients);
    }
    let time_in = form.get("time_in").parse::<Time>().ok();
    let time_out = form.get("time_out").parse::<Time>().ok();
    if time_in.is_none() {
        errors.add("time_in", t.time_invalid);
    }
    if time_out.is_none() {
        errors.add("time_out", t.time_invalid);
    }
    let activity = forms::text(&mut errors, t, "activity", form.get("activity"), 500, true);
    let zone = work_sessions::partner_zone(&state.store, &grant).await?;
    let interval = time_in.zip(time_out).and_then(|(a, b)| {
        crate::routes::cases::attendance::interval(zone, today(&state, zone), a, b)
    });
    let mut row_errors = Vec::new();
    let mut signed = Vec::new();
    for client in work_sessions::session_clients(&state.store, &grant, &cases).await? {
        let password = form.get(&format!("pin_{}", client.case_id.0)).to_owned();
        let signature = sign(&state, &client, password, &address).await?;
        match karya_domain::ledger::check_session_signature(signature, client.monitoring_required) {
            Ok(_) => signed.push(work_sessions::Signed {
                case_id: client.case_id,
                signature,
                signer: client.login.as_ref().map(|(id, _, _)| *id),
            }),
            Err(violation) => {
                row_errors.push((
                    client.case_id,
                    views::violation_message(ui.lang, &violation),
                ));
            }
        }
    }
    if !row_errors.is_empty() {
        errors.add("clients", t.today_signatures_refused);
    } else if signed.len() != cases.len() && !cases.is_empty() {
        // A chosen case not placed here: nothing is recorded (the page never offers one).
        return Err(WebError::Forbidden);
    }
    if let (true, Some((start, end))) = (errors.is_empty(), interval) {
        let entry = NewEntry {
            start,
            end,
            activity,
        };
        match work_sessions::record_session(&state.store, &grant, &signed, &entry).await {
            Ok(_) => return Ok(Redirect::to("/hari-ini?done=session").into_response()),
            Err((case, LedgerError::Rule(violation))) => {
                let who = case.map(|c| c.0.to_string()).unwrap_or_default();
                errors.add(
                    "clients",
                    fill(
                        t.today_refused,
                        &[
                            ("case", &who),
                            ("reason", &views::violation_message(ui.lang, &violation)),
                        ],
                    ),
                );
            }
            Err((_, LedgerError::Store(error))) => return Err(error.into()),
            Err((_, LedgerError::Upload(_))) => return Err(WebError::BadRequest),
        }
    }
    let mut response = render(
        &page(
            &state,
            &ui,
            &authority,
            Some(&form),
            errors,
            &row_errors,
            None,
        )
        .await?,
    )?;
    *response.status_mut() = axum::http::StatusCode::UNPROCESSABLE_ENTITY;
    Ok(response)
}

/// Checks a client's password typed on the supervisor's device, counting a wrong one against
/// the client's login exactly like a failed login (so the form is no way around the lockout).
async fn sign(
    state: &AppState,
    client: &work_sessions::SessionClient,
    password: String,
    address: &str,
) -> Result<DeviceSignature, WebError> {
    let Some((_, username, hash)) = &client.login else {
        return Ok(DeviceSignature::NoAccount);
    };
    if password.is_empty() {
        return Ok(DeviceSignature::Missing);
    }
    let now = state.store.now_ms();
    let attempt = attempts::Attempts::new(username, address, state.config.login_throttle);
    if attempt.reserve(&state.store, now).await?.is_some() {
        return Ok(DeviceSignature::Locked);
    }
    if crate::auth::password::verify(password, Some(hash.clone())).await {
        attempt.succeeded(&state.store).await?;
        Ok(DeviceSignature::Given)
    } else {
        attempt.failed(&state.store, now).await?;
        Ok(DeviceSignature::Wrong)
    }
}

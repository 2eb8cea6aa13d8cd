//! Placing a client (§2.3.1, P1–P10, Annex I): every partner × work form of the office
//! ranked for this client, each with why it is excluded or how it scored, by rule ID; the
//! PK chooses one, names the PJ, describes the work and its protective equipment, and sets a
//! schedule the system proposes and checks (L5, L6, the partner's hours). A choice below the
//! first needs a reason; an exclusion cannot be overridden.

use askama::Template;
use axum::Form;
use axum::extract::{Query, State};
use axum::response::{IntoResponse, Redirect, Response};
use jiff::civil::Date;
use karya_domain::placement::{Candidate, Ppe, WorkFormId};
use karya_domain::schedule::{self, Constraints, Slot, WEEK, parse_time, weekday_en, weekday_id};
use karya_store::ids::{PartnerId, UserId};
use karya_store::partners::OfferRow;
use karya_store::placements::{self, Confirmation, PlacementError};
use serde::Deserialize;

use crate::app::AppState;
use crate::auth::{CaseOf, can};
use crate::error::WebError;
use crate::forms::{self, FormErrors, Pairs};
use crate::i18n::{Lang, fill};
use crate::page::{Page, Ui, render};
use crate::views;
use karya_domain::Permission;
use karya_store::access::CaseAccess;

pub struct CandidateRow {
    pub rank: usize,
    pub key: String,
    pub partner: String,
    pub work_form: String,
    pub eligible: bool,
    pub score: String,
    pub reasons: Vec<String>,
}

pub struct DayRow {
    pub code: &'static str,
    pub label: &'static str,
    pub checked: bool,
    pub from: String,
    pub to: String,
}

pub struct ConfirmForm {
    pub key: String,
    pub candidate: CandidateRow,
    pub first: bool,
    pub supervisors: Vec<(i64, String, bool)>,
    pub description: String,
    pub ppe: Vec<(&'static str, &'static str, bool)>,
    pub days: Vec<DayRow>,
    pub starts_on: String,
    pub override_reason: String,
    /// P3: the limit this place exceeds, when it does (the justification is asked for).
    pub beyond_limit: String,
    pub distance_justification: String,
    pub opening: String,
}

#[derive(Template)]
#[template(path = "placement.html")]
struct PlacementPage {
    page: Page,
    id: i64,
    errors: FormErrors,
    has_profile: bool,
    eligible: Vec<CandidateRow>,
    excluded: Vec<CandidateRow>,
    confirm: Option<ConfirmForm>,
    can_place: bool,
}

fn day_code(day: jiff::civil::Weekday) -> &'static str {
    match day {
        jiff::civil::Weekday::Monday => "mon",
        jiff::civil::Weekday::Tuesday => "tue",
        jiff::civil::Weekday::Wednesday => "wed",
        jiff::civil::Weekday::Thursday => "thu",
        jiff::civil::Weekday::Friday => "fri",
        jiff::civil::Weekday::Saturday => "sat",
        jiff::civil::Weekday::Sunday => "sun",
    }
}

fn key_of(c: &Candidate) -> String {
    format!("{}:{}", c.partner.0, c.work_form.code())
}

fn row(
    lang: Lang,
    t: &crate::i18n::Catalog,
    rank: usize,
    c: &Candidate,
    offers: &[OfferRow],
) -> CandidateRow {
    let partner = offers
        .iter()
        .find(|o| o.partner.id.0 == c.partner.0)
        .map_or_else(String::new, |o| o.partner.fields.name.clone());
    let form = c.work_form.form();
    let reasons = if c.is_eligible() {
        c.reasons()
            .iter()
            .map(|r| lang.pick(r.text_id(), r.text_en()))
            .collect()
    } else {
        c.exclusions()
            .iter()
            .map(|e| lang.pick(e.text_id(), e.text_en()))
            .collect()
    };
    CandidateRow {
        rank,
        key: key_of(c),
        partner,
        work_form: lang.pick(form.label_id, form.label_en).to_owned(),
        eligible: c.is_eligible(),
        score: c.score().map_or_else(
            || t.candidate_excluded.to_owned(),
            |s| fill(t.candidate_score, &[("score", &s.to_string())]),
        ),
        reasons,
    }
}

fn parse_key(key: &str) -> Option<(PartnerId, WorkFormId)> {
    let (partner, code) = key.split_once(':')?;
    Some((PartnerId(partner.parse().ok()?), WorkFormId::parse(code)?))
}

#[derive(Deserialize, Default)]
pub struct Choose {
    #[serde(default)]
    choose: String,
}

async fn page(
    state: &AppState,
    ui: &Ui,
    access: &CaseAccess,
    choose: &str,
    typed: Option<&Pairs>,
    errors: FormErrors,
    today: Date,
) -> Result<PlacementPage, WebError> {
    let t = ui.t();
    let lang = ui.lang;
    let case = access.case();
    let ranked = placements::ranking(
        &state.store,
        access,
        today,
        state.config.agreement_warning_days,
    )
    .await;
    let (candidates, offers) = match ranked {
        Ok(found) => found,
        Err(PlacementError::NoProfile) => {
            return Ok(PlacementPage {
                page: ui.page(&format!("{} · {}", t.placement_title, case.client_name)),
                id: case.id.0,
                errors,
                has_profile: false,
                eligible: Vec::new(),
                excluded: Vec::new(),
                confirm: None,
                can_place: false,
            });
        }
        Err(PlacementError::Case(error)) => return Err(WebError::Internal(error.into())),
        Err(other) => return Err(WebError::Internal(other.into())),
    };
    let rows: Vec<CandidateRow> = candidates
        .iter()
        .enumerate()
        .map(|(i, c)| row(lang, t, i + 1, c, &offers))
        .collect();
    let can_place = access.may(Permission::AssessCases)
        && matches!(
            case.status,
            karya_domain::CaseStatus::Assessed
                | karya_domain::CaseStatus::Placed
                | karya_domain::CaseStatus::Serving
                | karya_domain::CaseStatus::UnderExamination
        );
    let confirm = match (can_place, parse_key(choose)) {
        (true, Some((partner, form))) => {
            let position = candidates
                .iter()
                .position(|c| c.partner.0 == partner.0 && c.work_form == form);
            match position.filter(|i| candidates[*i].is_eligible()) {
                Some(i) => Some(
                    confirm_form(state, ui, access, &candidates[i], i, &offers, typed, today)
                        .await?,
                ),
                None => None,
            }
        }
        _ => None,
    };
    let (eligible, excluded) = rows.into_iter().partition(|r| r.eligible);
    Ok(PlacementPage {
        page: ui.page(&format!("{} · {}", t.placement_title, case.client_name)),
        id: case.id.0,
        errors,
        has_profile: true,
        eligible,
        excluded,
        confirm,
        can_place,
    })
}

#[expect(
    clippy::too_many_arguments,
    reason = "the form and everything it is filled from"
)]
async fn confirm_form(
    state: &AppState,
    ui: &Ui,
    access: &CaseAccess,
    candidate: &Candidate,
    index: usize,
    offers: &[OfferRow],
    typed: Option<&Pairs>,
    today: Date,
) -> Result<ConfirmForm, WebError> {
    let t = ui.t();
    let lang = ui.lang;
    let case = access.case();
    let offer = offers
        .iter()
        .find(|o| o.partner.id.0 == candidate.partner.0)
        .ok_or(WebError::NotFound)?;
    let partner =
        karya_store::partners::get_for_case(&state.store, access, offer.partner.id).await?;
    let form = candidate.work_form.form();
    let starts_on = karya_domain::calendar::add_days(today, 1).unwrap_or(today);
    let (ledger, _) = karya_store::attendance::ledger(&state.store, access).await?;
    let scope_profile = karya_store::placement_profile::get(&state.store, access).await?;
    let proposal = schedule::propose(&Constraints {
        remaining: ledger.totals().remaining,
        first_day: starts_on,
        window_end: case.window.end_inclusive(),
        livelihood: scope_profile.and_then(|p| p.livelihood),
        opening_days: partner.fields.opening_days.clone(),
        opening: (partner.fields.opening_from, partner.fields.opening_to),
    });
    let days = WEEK
        .iter()
        .map(|day| {
            let code = day_code(*day);
            let proposed = proposal.iter().find(|s| s.weekday == *day);
            let (checked, from, to) = match typed {
                Some(p) => (
                    p.has(&format!("day_{code}")),
                    p.get(&format!("from_{code}")).to_owned(),
                    p.get(&format!("to_{code}")).to_owned(),
                ),
                None => (
                    proposed.is_some(),
                    proposed
                        .map(|s| s.from.strftime("%H:%M").to_string())
                        .unwrap_or_default(),
                    proposed
                        .map(|s| s.to.strftime("%H:%M").to_string())
                        .unwrap_or_default(),
                ),
            };
            DayRow {
                code,
                label: lang.pick(weekday_id(*day), weekday_en(*day)),
                checked,
                from,
                to,
            }
        })
        .collect();
    let ppe = Ppe::ALL
        .iter()
        .map(|p| {
            let on = match typed {
                Some(pairs) => pairs.all("ppe").contains(&p.as_str()),
                None => form.risk.protective_equipment.contains(p),
            };
            (p.as_str(), lang.pick(p.label_id(), p.label_en()), on)
        })
        .collect();
    let chosen_supervisor = typed
        .map(|p| p.get("supervisor").to_owned())
        .unwrap_or_default();
    Ok(ConfirmForm {
        key: key_of(candidate),
        candidate: row(lang, t, index + 1, candidate, offers),
        first: index == 0,
        supervisors: partner
            .supervisors
            .iter()
            .map(|(id, name)| (*id, name.clone(), chosen_supervisor == id.to_string()))
            .collect(),
        description: typed.map_or_else(
            || form.label_id.to_owned(),
            |p| p.get("description").to_owned(),
        ),
        ppe,
        days,
        starts_on: typed.map_or_else(|| starts_on.to_string(), |p| p.get("starts_on").to_owned()),
        override_reason: typed
            .map(|p| p.get("override_reason").to_owned())
            .unwrap_or_default(),
        beyond_limit: candidate
            .beyond_limit()
            .map(|(km, limit_km)| {
                fill(
                    t.placement_beyond_limit,
                    &[
                        ("km", &crate::views::km(lang, km)),
                        ("limit", &crate::views::km(lang, limit_km)),
                    ],
                )
            })
            .unwrap_or_default(),
        distance_justification: typed
            .map(|p| p.get("distance_justification").to_owned())
            .unwrap_or_default(),
        opening: format!(
            "{} · {}–{}",
            partner
                .fields
                .opening_days
                .iter()
                .map(|d| lang.pick(weekday_id(*d), weekday_en(*d)))
                .collect::<Vec<_>>()
                .join(", "),
            partner.fields.opening_from.strftime("%H:%M"),
            partner.fields.opening_to.strftime("%H:%M")
        ),
    })
}

pub async fn show(
    State(state): State<AppState>,
    ui: Ui,
    access: CaseOf<can::ReadLitmas>,
    Query(choose): Query<Choose>,
) -> Result<Response, WebError> {
    let today = super::today_in(&state, access.case());
    render(
        &page(
            &state,
            &ui,
            &access,
            &choose.choose,
            None,
            FormErrors::default(),
            today,
        )
        .await?,
    )
}

pub async fn confirm(
    State(state): State<AppState>,
    ui: Ui,
    access: CaseOf<can::AssessCases>,
    Form(form): Form<Pairs>,
) -> Result<Response, WebError> {
    let case = access.case();
    let t = ui.t();
    let today = super::today_in(&state, case);
    let key = form.get("candidate").to_owned();
    let (partner, work_form) = parse_key(&key).ok_or(WebError::BadRequest)?;
    let mut errors = FormErrors::default();
    let description = forms::text(
        &mut errors,
        t,
        "description",
        form.get("description"),
        2000,
        true,
    );
    let override_reason = forms::text(
        &mut errors,
        t,
        "override_reason",
        form.get("override_reason"),
        1000,
        false,
    );
    let distance_justification = forms::text(
        &mut errors,
        t,
        "distance_justification",
        form.get("distance_justification"),
        1000,
        false,
    );
    let supervisor = form.get("supervisor").parse::<i64>().ok().map(UserId);
    if supervisor.is_none() {
        errors.add("supervisor", t.placement_supervisor_required);
    }
    let starts_on = form.get("starts_on").parse::<Date>().ok();
    if starts_on.is_none() {
        errors.add("starts_on", t.date_invalid);
    }
    let mut slots = Vec::new();
    for day in WEEK {
        let code = day_code(day);
        if form.has(&format!("day_{code}")) {
            match (
                parse_time(form.get(&format!("from_{code}"))),
                parse_time(form.get(&format!("to_{code}"))),
            ) {
                (Some(from), Some(to)) => slots.push(Slot {
                    weekday: day,
                    from,
                    to,
                }),
                _ => errors.add(
                    "schedule",
                    fill(
                        t.placement_day_times,
                        &[("day", ui.lang.pick(weekday_id(day), weekday_en(day)))],
                    ),
                ),
            }
        }
    }
    if let (true, Some(supervisor), Some(starts_on)) = (errors.is_empty(), supervisor, starts_on) {
        let confirmation = Confirmation {
            partner,
            work_form,
            supervisor,
            description: description.clone(),
            protective_equipment: form.all("ppe").into_iter().filter_map(Ppe::parse).collect(),
            schedule: slots,
            override_reason,
            distance_justification,
            starts_on,
        };
        match placements::confirm(
            &state.store,
            &access,
            &confirmation,
            today,
            state.config.agreement_warning_days,
        )
        .await
        {
            Ok(_) => {
                return Ok(
                    Redirect::to(&format!("/cases/{}?done=placed#placement", case.id.0))
                        .into_response(),
                );
            }
            Err(PlacementError::Rules(violations)) => {
                for v in violations {
                    let field = match v.field {
                        "schedule" => "schedule",
                        "reason" | "candidate" => "override_reason",
                        "distance_justification" => "distance_justification",
                        _ => "candidate",
                    };
                    errors.add(field, views::violation_message(ui.lang, &v));
                }
            }
            Err(PlacementError::NotSupervisor) => {
                errors.add("supervisor", t.placement_supervisor_required)
            }
            Err(PlacementError::NoProfile) => errors.add("candidate", t.placement_needs_profile),
            Err(PlacementError::Case(error)) => {
                forms::add_refusal(&mut errors, ui.lang, t, "candidate", error)?
            }
        }
    }
    let mut response =
        render(&page(&state, &ui, &access, &key, Some(&form), errors, today).await?)?;
    *response.status_mut() = axum::http::StatusCode::UNPROCESSABLE_ENTITY;
    Ok(response)
}

/// The head of office approves the current placement beyond the distance limit (P3).
pub async fn approve_distance(
    State(state): State<AppState>,
    ui: Ui,
    access: CaseOf<can::ApprovePlacements>,
) -> Result<Response, WebError> {
    match placements::approve_distance(&state.store, &access).await {
        Ok(()) => Ok(Redirect::to(&format!(
            "/cases/{}?done=distance_approved#placement",
            access.case().id.0
        ))
        .into_response()),
        Err(karya_store::cases::CaseError::Store(error)) => Err(error.into()),
        Err(error) => {
            let mut errors = FormErrors::default();
            forms::add_refusal(&mut errors, ui.lang, ui.t(), "placement", error)?;
            super::page_with_errors(&state, &ui, &access, super::RecordForm::default(), errors)
                .await
        }
    }
}

/// The PK confirms an accommodation the client needs is in place at the work place (P3).
pub async fn confirm_accommodation(
    State(state): State<AppState>,
    access: CaseOf<can::AssessCases>,
    Form(form): Form<Pairs>,
) -> Result<Response, WebError> {
    let accommodation = karya_domain::placement::Accommodation::parse(form.get("accommodation"))
        .ok_or(WebError::BadRequest)?;
    placements::confirm_accommodation(&state.store, &access, accommodation).await?;
    Ok(Redirect::to(&format!(
        "/cases/{}?done=accommodation#accommodations",
        access.case().id.0
    ))
    .into_response())
}

//! The intervention record and the Litmas with its case plan (§2.2.5–2.2.6): the case's PK
//! records earlier interventions and writes the sections, saving drafts and submitting them
//! complete; the head of office approves, and the case becomes `assessed`.

use askama::Template;
use axum::Form;
use axum::extract::{Path, State};
use axum::response::{IntoResponse, Redirect, Response};
use karya_domain::litmas::{CASE_PLAN, RISK_LEVELS, Sections};
use karya_store::cases::{self, Case};
use karya_store::ids::CaseId;
use karya_store::litmas::{self, Intervention, LitmasError};

use crate::app::AppState;
use crate::auth::Authority;
use crate::error::WebError;
use crate::forms::{self, FormErrors, Pairs};
use crate::i18n::{Lang, fill};
use crate::page::{Page, Ui, render};
use crate::routes::path_id;
use crate::views;

#[derive(Template)]
#[template(path = "litmas.html")]
struct LitmasPage {
    page: Page,
    id: i64,
    errors: FormErrors,
    sections: Sections,
    /// (code, label, value) per case-plan component.
    plan: Vec<(&'static str, &'static str, String)>,
    risks: Vec<(&'static str, &'static str)>,
    interventions: Vec<Intervention>,
    can_edit: bool,
    can_approve: bool,
    /// A Litmas is stored, so it can be issued as a PDF.
    has_litmas: bool,
    status: String,
}

/// Section (a) as the decision states it, to start the PK's draft.
fn decision_text(lang: Lang, case: &Case) -> String {
    format!(
        "{} {} ({}), {}; {} · {}",
        case.court,
        case.decision_number,
        views::date(lang, case.terms.decision_date),
        case.terms.offence_articles,
        views::duration(lang, case.hours_ordered),
        case.terms.schedule.text
    )
}

fn sections_of(form: &Pairs) -> Sections {
    Sections {
        decision: form.get("decision").trim().to_owned(),
        guidance_plan: form.get("guidance_plan").trim().to_owned(),
        risk_level: form.get("risk_level").to_owned(),
        needs: form.get("needs").trim().to_owned(),
        analysis: form.get("analysis").trim().to_owned(),
        case_plan: CASE_PLAN
            .iter()
            .map(|(code, _, _)| form.get(code).trim().to_owned())
            .collect(),
    }
}

async fn page(
    state: &AppState,
    ui: &Ui,
    authority: &Authority,
    case: &Case,
    sections: Option<Sections>,
    errors: FormErrors,
) -> Result<LitmasPage, WebError> {
    let t = ui.t();
    let lang = ui.lang;
    let scope = authority.read_cases()?.scope;
    let stored = litmas::get(&state.store, scope, case.id).await?;
    let status = match &stored {
        None => t.litmas_none.to_owned(),
        Some(l) => match (&l.approved_by_name, l.submitted) {
            (Some(by), _) => fill(t.litmas_status_approved, &[("name", by)]),
            (None, true) => fill(t.litmas_status_submitted, &[("name", &l.written_by_name)]),
            (None, false) => fill(t.litmas_status_draft, &[("name", &l.written_by_name)]),
        },
    };
    let has_litmas = stored.is_some();
    let submitted_unapproved = stored
        .as_ref()
        .is_some_and(|l| l.submitted && l.approved_by_name.is_none());
    let sections = sections
        .or_else(|| stored.map(|l| l.sections))
        .unwrap_or_else(|| Sections {
            decision: decision_text(lang, case),
            case_plan: CASE_PLAN
                .iter()
                .map(|(code, _, _)| {
                    if *code == "total_hours" {
                        views::duration(lang, case.hours_ordered)
                    } else {
                        String::new()
                    }
                })
                .collect(),
            ..Sections::default()
        });
    let plan = CASE_PLAN
        .iter()
        .enumerate()
        .map(|(i, (code, id, en))| {
            (
                *code,
                if lang == Lang::Id { *id } else { *en },
                sections.case_plan.get(i).cloned().unwrap_or_default(),
            )
        })
        .collect();
    Ok(LitmasPage {
        page: ui.page(&format!("Litmas · {}", case.client_name)),
        id: case.id.0,
        errors,
        plan,
        risks: RISK_LEVELS
            .iter()
            .map(|(c, id, en)| (*c, if lang == Lang::Id { *id } else { *en }))
            .collect(),
        interventions: litmas::interventions(&state.store, scope, case.id).await?,
        can_edit: authority.assess_cases().is_ok(),
        can_approve: authority.approve_assessments().is_ok() && submitted_unapproved,
        has_litmas,
        status,
        sections,
    })
}

async fn invalid(page: LitmasPage) -> Result<Response, WebError> {
    let mut response = render(&page)?;
    *response.status_mut() = axum::http::StatusCode::UNPROCESSABLE_ENTITY;
    Ok(response)
}

pub async fn show(
    State(state): State<AppState>,
    ui: Ui,
    authority: Authority,
    Path(id): Path<String>,
) -> Result<Response, WebError> {
    if authority.assess_cases().is_err() {
        authority.approve_assessments()?;
    }
    let case = cases::get(
        &state.store,
        authority.read_cases()?.scope,
        CaseId(path_id(&id)?),
    )
    .await?;
    render(&page(&state, &ui, &authority, &case, None, FormErrors::default()).await?)
}

pub async fn save(
    State(state): State<AppState>,
    ui: Ui,
    authority: Authority,
    Path(id): Path<String>,
    Form(form): Form<Pairs>,
) -> Result<Response, WebError> {
    let grant = authority.assess_cases()?;
    let case = cases::get(&state.store, grant.scope, CaseId(path_id(&id)?)).await?;
    let t = ui.t();
    let sections = sections_of(&form);
    let mut errors = FormErrors::default();
    for (field, max) in [
        ("decision", 4000),
        ("guidance_plan", 4000),
        ("needs", 4000),
        ("analysis", 8000),
    ] {
        forms::text(&mut errors, t, field, form.get(field), max, false);
    }
    let submit = form.get("action") == "submit";
    if errors.is_empty() {
        match litmas::save(
            &state.store,
            &authority.case_actor(grant),
            grant.scope,
            case.id,
            &sections,
            submit,
        )
        .await
        {
            Ok(()) => {
                let done = if submit { "litmas_submitted" } else { "litmas" };
                return Ok(
                    Redirect::to(&format!("/cases/{}?done={done}#assessment", case.id.0))
                        .into_response(),
                );
            }
            Err(LitmasError::Incomplete(missing)) => {
                for field in missing {
                    errors.add(field, t.litmas_required);
                }
            }
            Err(LitmasError::NotSubmitted) => return Err(WebError::BadRequest),
            Err(LitmasError::Case(error)) => {
                forms::add_refusal(&mut errors, ui.lang, t, "decision", error)?
            }
        }
    }
    invalid(page(&state, &ui, &authority, &case, Some(sections), errors).await?).await
}

pub async fn add_intervention(
    State(state): State<AppState>,
    ui: Ui,
    authority: Authority,
    Path(id): Path<String>,
    Form(form): Form<Pairs>,
) -> Result<Response, WebError> {
    let grant = authority.assess_cases()?;
    let case = cases::get(&state.store, grant.scope, CaseId(path_id(&id)?)).await?;
    let t = ui.t();
    let mut errors = FormErrors::default();
    let entry = Intervention {
        id: 0,
        kind: forms::text(
            &mut errors,
            t,
            "intervention_kind",
            form.get("kind"),
            200,
            true,
        ),
        happened_on: forms::text(
            &mut errors,
            t,
            "intervention_date",
            form.get("happened_on"),
            40,
            false,
        ),
        result: forms::text(
            &mut errors,
            t,
            "intervention_result",
            form.get("result"),
            2000,
            true,
        ),
        source: forms::text(
            &mut errors,
            t,
            "intervention_source",
            form.get("source"),
            300,
            true,
        ),
    };
    if errors.is_empty() {
        litmas::add_intervention(
            &state.store,
            &authority.case_actor(grant),
            grant.scope,
            case.id,
            &entry,
        )
        .await?;
        return Ok(
            Redirect::to(&format!("/cases/{}/litmas#interventions", case.id.0)).into_response(),
        );
    }
    invalid(page(&state, &ui, &authority, &case, None, errors).await?).await
}

pub async fn approve(
    State(state): State<AppState>,
    ui: Ui,
    authority: Authority,
    Path(id): Path<String>,
) -> Result<Response, WebError> {
    let grant = authority.approve_assessments()?;
    let case = cases::get(&state.store, grant.scope, CaseId(path_id(&id)?)).await?;
    let roles = authority.user().roles.clone();
    let mut errors = FormErrors::default();
    match litmas::approve(
        &state.store,
        &authority.case_actor(grant),
        grant.scope,
        case.id,
        &roles,
    )
    .await
    {
        Ok(()) => {
            return Ok(
                Redirect::to(&format!("/cases/{}?done=litmas_approved", case.id.0)).into_response(),
            );
        }
        Err(LitmasError::NotSubmitted) => errors.add("decision", ui.t().litmas_not_submitted),
        Err(LitmasError::Incomplete(_)) => return Err(WebError::BadRequest),
        Err(LitmasError::Case(error)) => {
            forms::add_refusal(&mut errors, ui.lang, ui.t(), "decision", error)?
        }
    }
    invalid(page(&state, &ui, &authority, &case, None, errors).await?).await
}

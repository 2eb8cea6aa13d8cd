//! The intervention record and the Litmas with its case plan (§2.2.5–2.2.6): the case's PK
//! records earlier interventions and writes the sections, saving drafts and submitting them
//! complete; the head of office approves, and the case becomes `assessed`.

use askama::Template;
use axum::Form;
use axum::extract::{Query, State};
use axum::response::{IntoResponse, Redirect, Response};
use karya_domain::litmas::{CASE_PLAN, RISK_LEVELS, Sections};
use karya_store::cases::Case;
use karya_store::litmas::{self, Intervention, Litmas, LitmasError};

use crate::app::AppState;
use crate::auth::{CaseOf, can};
use crate::error::WebError;
use crate::forms::{self, FormErrors, Pairs};
use crate::i18n::{Lang, fill};
use crate::page::{Page, Ui, render};
use crate::views;
use karya_domain::Permission;
use karya_store::access::CaseAccess;

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
    /// Which version is locked or in force, when that matters.
    version_note: String,
    /// The intervention form as typed, when it was refused.
    kept: Pairs,
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
        assistance_plan: form.get("assistance_plan").trim().to_owned(),
        guidance_plan: form.get("guidance_plan").trim().to_owned(),
        supervision_plan: form.get("supervision_plan").trim().to_owned(),
        risk_level: form.get("risk_level").to_owned(),
        reoffending_risk: form.get("reoffending_risk").to_owned(),
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
    access: &CaseAccess,
    sections: Option<Sections>,
    errors: FormErrors,
) -> Result<LitmasPage, WebError> {
    let t = ui.t();
    let lang = ui.lang;
    let case = access.case();
    let stored = litmas::get(&state.store, access).await?;
    let status = match &stored {
        None => t.litmas_none.to_owned(),
        Some(l) => {
            let version = l.version.to_string();
            match (&l.approved_by_name, l.submitted) {
                (Some(by), _) => fill(
                    t.litmas_status_approved,
                    &[("name", by), ("version", &version)],
                ),
                (None, true) => fill(
                    t.litmas_status_submitted,
                    &[("name", &l.written_by_name), ("version", &version)],
                ),
                (None, false) => fill(
                    t.litmas_status_draft,
                    &[("name", &l.written_by_name), ("version", &version)],
                ),
            }
        }
    };
    // An approved version is locked (a change is the next version); while the next is being
    // written, the approved one stays in force.
    let version_note = match &stored {
        Some(l) if l.approved_at.is_some() => fill(
            t.litmas_locked,
            &[(
                "next",
                &karya_domain::litmas::version_to_write(Some(karya_domain::litmas::Version {
                    number: l.version,
                    approved: true,
                }))
                .to_string(),
            )],
        ),
        Some(Litmas {
            in_force: Some(a), ..
        }) => fill(
            t.litmas_in_force,
            &[
                ("version", &a.version.to_string()),
                ("name", &a.approved_by_name),
            ],
        ),
        _ => String::new(),
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
                lang.pick(*id, *en),
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
            .map(|(c, id, en)| (*c, lang.pick(*id, *en)))
            .collect(),
        interventions: litmas::interventions(&state.store, access).await?,
        can_edit: access.may(Permission::AssessCases),
        can_approve: access.may(Permission::ApproveAssessments) && submitted_unapproved,
        has_litmas,
        status,
        version_note,
        sections,
        kept: Pairs::default(),
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
    access: CaseOf<can::ReadLitmas>,
    Query(notice): Query<super::Notice>,
) -> Result<Response, WebError> {
    let mut page = page(&state, &ui, &access, None, FormErrors::default()).await?;
    page.page = page.page.with_notice(notice.message(ui.t()));
    render(&page)
}

pub async fn save(
    State(state): State<AppState>,
    ui: Ui,
    access: CaseOf<can::AssessCases>,
    Form(form): Form<Pairs>,
) -> Result<Response, WebError> {
    let case = access.case();
    let t = ui.t();
    let sections = sections_of(&form);
    let mut errors = FormErrors::default();
    for (field, max) in [
        ("decision", 4000),
        ("assistance_plan", 4000),
        ("guidance_plan", 4000),
        ("supervision_plan", 4000),
        ("needs", 4000),
        ("analysis", 8000),
    ] {
        forms::text(&mut errors, t, field, form.get(field), max, false);
    }
    let submit = form.get("action") == "submit";
    if errors.is_empty() {
        match litmas::save(&state.store, &access, &sections, submit).await {
            Ok(()) => {
                // Back to the Litmas, where the PK sees what was saved.
                let done = if submit { "litmas_submitted" } else { "litmas" };
                return Ok(
                    Redirect::to(&format!("/cases/{}/litmas?done={done}", case.id.0))
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
    invalid(page(&state, &ui, &access, Some(sections), errors).await?).await
}

pub async fn add_intervention(
    State(state): State<AppState>,
    ui: Ui,
    access: CaseOf<can::AssessCases>,
    Form(form): Form<Pairs>,
) -> Result<Response, WebError> {
    let case = access.case();
    let t = ui.t();
    let mut errors = FormErrors::default();
    let entry = Intervention {
        id: 0,
        kind: forms::text(
            &mut errors,
            t,
            "intervention_kind",
            form.get("intervention_kind"),
            200,
            true,
        ),
        happened_on: forms::text(
            &mut errors,
            t,
            "intervention_date",
            form.get("intervention_date"),
            40,
            false,
        ),
        result: forms::text(
            &mut errors,
            t,
            "intervention_result",
            form.get("intervention_result"),
            2000,
            true,
        ),
        source: forms::text(
            &mut errors,
            t,
            "intervention_source",
            form.get("intervention_source"),
            300,
            true,
        ),
    };
    if errors.is_empty() {
        litmas::add_intervention(&state.store, &access, &entry).await?;
        return Ok(
            Redirect::to(&format!("/cases/{}/litmas#interventions", case.id.0)).into_response(),
        );
    }
    let mut page = page(&state, &ui, &access, None, errors).await?;
    page.kept = form;
    invalid(page).await
}

pub async fn approve(
    State(state): State<AppState>,
    ui: Ui,
    access: CaseOf<can::ApproveAssessments>,
) -> Result<Response, WebError> {
    let case = access.case();
    let mut errors = FormErrors::default();
    match litmas::approve(&state.store, &access).await {
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
    invalid(page(&state, &ui, &access, None, errors).await?).await
}

//! Ending a case (T1–T3) from its page: the PK starts with the reason and its evidence, the
//! head orders, the PK submits the guidance results report (Annex II, issued with it), the
//! registry drafts, and the head issues the termination letter to the Ditjenpas, the Kanwil
//! and the prosecutor's office with a copy to the court; the case ends and the register book
//! records it.

use axum::Form;
use axum::extract::State;
use axum::response::{IntoResponse, Redirect, Response};
use karya_docs::Printable;
use karya_docs::{
    ClientIdentity, Document, ImplementationReport, Officer, Photo, TerminationGround,
    TerminationLetter,
};
use karya_domain::Permission;
use karya_domain::termination::{Step, check};
use karya_domain::{CaseStatus, TerminationReason};
use karya_store::documents::ToIssue;
use karya_store::files::{self, Purpose};
use karya_store::terminations::{self, StepInput, Termination, TerminationError};
use karya_store::{orgs, users};

use super::letters::{letterhead, place, signer};
use super::{RecordForm, page_with_errors, today_in};
use crate::app::AppState;
use crate::auth::{CaseOf, can};
use crate::error::WebError;
use crate::forms::{self, FormErrors, Pairs};
use crate::i18n::{Catalog, Lang, fill};
use crate::page::Ui;
use crate::views;
use karya_store::access::CaseAccess;

#[derive(Default)]
pub struct TerminationView {
    pub shown: bool,
    /// The procedure so far, as lines.
    pub lines: Vec<String>,
    /// The step the caller may take now, with its button label.
    pub next: Option<(&'static str, &'static str)>,
    /// The reasons for the start form: (value, label).
    pub reasons: Vec<(&'static str, &'static str)>,
    /// The prosecutor's letter ordering prison or a fine (S8), the evidence of a
    /// termination by sanction (T1c): the start form's default.
    pub sanction_letter: String,
}

fn reason_label(lang: Lang, reason: TerminationReason) -> &'static str {
    let t = lang.catalog();
    match reason {
        TerminationReason::Completed => t.termination_reason_completed,
        TerminationReason::Died => t.termination_reason_died,
        TerminationReason::Sanctioned => t.termination_reason_sanctioned,
    }
}

fn step_label(t: &Catalog, step: Step) -> &'static str {
    match step {
        Step::Start => t.termination_start,
        Step::Order => t.termination_order,
        Step::Report => t.termination_report,
        Step::Draft => t.termination_draft,
        Step::Issue => t.termination_issue,
    }
}

pub async fn termination_view(
    state: &AppState,
    access: &CaseAccess,
    lang: Lang,
    t: &Catalog,
) -> Result<TerminationView, WebError> {
    let case = access.case();
    let serving = matches!(
        case.status,
        CaseStatus::Serving | CaseStatus::UnderExamination
    );
    if !(serving || case.status.is_final()) || !access.may(Permission::ReadTerminations) {
        return Ok(TerminationView::default());
    }
    let record = terminations::get(&state.store, access).await?;
    let stage = record.as_ref().and_then(Termination::stage);
    let done = record.as_ref().is_some_and(|r| r.issued_at.is_some()) || case.status.is_final();
    let roles = &access.roles_for(Permission::TerminateCases);
    let next = if done {
        None
    } else {
        Step::ALL
            .into_iter()
            .find(|s| check(*s, stage, roles).is_ok())
            .map(|s| (s.as_str(), step_label(t, s)))
    };
    let mut lines = Vec::new();
    if let Some(r) = &record {
        let reason = r.reason().map_or("", |reason| reason_label(lang, reason));
        lines.push(fill(
            t.termination_started_line,
            &[
                ("name", &r.started_by_name),
                ("reason", reason),
                ("evidence", &r.evidence_ref),
            ],
        ));
        for (at, label) in [
            (&r.ordered_at, t.termination_order),
            (&r.reported_at, t.termination_report),
            (&r.drafted_at, t.termination_draft),
            (&r.issued_at, t.termination_issue),
        ] {
            if let Some(at) = at {
                let when = at
                    .parse::<jiff::Timestamp>()
                    .map(|ts| {
                        views::date(
                            lang,
                            karya_domain::calendar::local_date(ts, &case.zone.time_zone()),
                        )
                    })
                    .unwrap_or_default();
                lines.push(format!("{label} · {when}"));
            }
        }
    }
    let starts = next.is_some_and(|(step, _)| step == "start");
    let sanction_letter = if starts && access.may(Permission::ReadGuidance) {
        karya_store::supervision::for_case(&state.store, access)
            .await?
            .into_iter()
            .filter_map(|e| e.prosecutor)
            .filter(|p| p.decision.order.ends_the_case())
            .map(|p| p.decision.reference)
            .next_back()
            .unwrap_or_default()
    } else {
        String::new()
    };
    Ok(TerminationView {
        shown: true,
        lines,
        next,
        sanction_letter,
        reasons: TerminationReason::ALL
            .iter()
            .map(|r| (r.as_str(), reason_label(lang, *r)))
            .collect(),
    })
}

pub(super) async fn identity(
    state: &AppState,
    access: &CaseAccess,
) -> Result<ClientIdentity, WebError> {
    let case = access.case();
    let id = karya_store::register::identity(&state.store, access).await?;
    Ok(ClientIdentity {
        name: case.client_name.clone(),
        nik: id.nik,
        birth_place: id.birth_place,
        birth_date: id.birth_date.and_then(|d| d.parse().ok()),
        address: id.address,
        offence: case.terms.offence_articles.clone(),
    })
}

/// Annex II from the case's records and the PK's narrative.
async fn annex_ii(
    state: &AppState,
    access: &CaseAccess,
    office: &orgs::Office,
    narrative: &str,
) -> Result<Document, WebError> {
    let case = access.case();
    let (ledger, _) = karya_store::attendance::ledger(&state.store, access).await?;
    let current = karya_store::placements::for_case(&state.store, access).await?;
    let placement = current.first();
    let photo_id = files::for_case(&state.store, access)
        .await?
        .into_iter()
        .find(|a| a.purpose() == Some(Purpose::Photo))
        .map(|a| a.id);
    let photo = match photo_id {
        Some(id) => {
            let (_, bytes) = files::open(&state.store, access, id).await?;
            Photo::from_bytes(bytes)
        }
        None => None,
    };
    let pk = users::get_user(&state.store, case.pk_user_id.ok_or(WebError::BadRequest)?).await?;
    Ok(Document::ImplementationReport(ImplementationReport {
        place: place(&office.name),
        date: today_in(state, case),
        client_name: case.client_name.clone(),
        photo,
        work_place: placement
            .map(|p| p.partner_name.clone())
            .unwrap_or_default(),
        work_form: placement
            .and_then(|p| karya_domain::placement::WorkFormId::parse(&p.work_form))
            .map(|w| w.form().label_id.to_owned())
            .unwrap_or_default(),
        officer: Officer {
            name: pk.display_name,
            nip: pk.nip,
        },
        offence: case.terms.offence_articles.clone(),
        hours_ordered: case.hours_ordered,
        hours_served: ledger.totals().credited,
        narrative: narrative.to_owned(),
    }))
}

/// The termination letter (T3), numbered by the renderer.
async fn letter(
    state: &AppState,
    access: &CaseAccess,
    office: &orgs::Office,
    record: &Termination,
) -> Result<TerminationLetter, WebError> {
    let case = access.case();
    let (ledger, _) = karya_store::attendance::ledger(&state.store, access).await?;
    let ground = match record.reason() {
        Some(TerminationReason::Died) => TerminationGround::Died {
            died_on: record
                .died_on
                .as_deref()
                .and_then(|d| d.parse().ok())
                .unwrap_or_else(|| today_in(state, case)),
            certificate: record.evidence_ref.clone(),
        },
        Some(TerminationReason::Sanctioned) => TerminationGround::Sanctioned {
            sanction_letter: record.evidence_ref.clone(),
        },
        _ => TerminationGround::Completed {
            hours_served: ledger.totals().credited,
        },
    };
    Ok(TerminationLetter {
        number: String::new(),
        date: today_in(state, case),
        place: place(&office.name),
        regional_head: format!("Kepala {}", office.region_name),
        prosecutor: super::letters::prosecutors_office(case),
        court_head: format!("Ketua {}", case.court),
        client: identity(state, access).await?,
        decision: super::letters::decision(case),
        hours_ordered: case.hours_ordered,
        ground,
        signer: signer(state, office).await?,
    })
}

pub async fn perform(
    State(state): State<AppState>,
    ui: Ui,
    access: CaseOf<can::TerminateCases>,
    Form(form): Form<Pairs>,
) -> Result<Response, WebError> {
    let t = ui.t();
    let case = access.case();
    let step = Step::parse(form.get("step")).ok_or(WebError::BadRequest)?;
    // Each step of T2 is one official's: anyone else is refused before the form is read.
    let roles = access.roles_for(Permission::TerminateCases);
    if !step.actors().iter().any(|role| roles.contains(role)) {
        return Err(WebError::Forbidden);
    }
    let mut errors = FormErrors::default();
    let input = StepInput {
        reason: TerminationReason::parse(form.get("reason")),
        evidence_ref: forms::text(
            &mut errors,
            t,
            "evidence_ref",
            form.get("evidence_ref"),
            200,
            false,
        ),
        died_on: form.get("died_on").parse().ok(),
        narrative: forms::text(
            &mut errors,
            t,
            "narrative",
            form.get("narrative"),
            8000,
            false,
        ),
    };
    if input
        .reason
        .is_some_and(karya_domain::termination::needs_evidence_ref)
        && input.evidence_ref.is_empty()
        && step == Step::Start
    {
        errors.add("evidence_ref", t.termination_evidence_required);
    }
    if errors.is_empty() {
        let office = orgs::office_of_case(&state.store, &access).await?;
        let head = letterhead(&office);
        let public_url = state.config.public_url.clone();
        let document = match step {
            Step::Report => Some(annex_ii(&state, &access, &office, &input.narrative).await?),
            Step::Issue => {
                let record = terminations::get(&state.store, &access)
                    .await?
                    .ok_or(WebError::BadRequest)?;
                Some(Document::Termination(
                    letter(&state, &access, &office, &record).await?,
                ))
            }
            _ => None,
        };
        let kind = if step == Step::Report {
            "annex_ii"
        } else {
            "termination"
        };
        let to_issue = document.map(|document| {
            let (issued_on, fingerprint) = (document.dated(), document.fingerprint());
            let render = super::letters::renderer(document, head, public_url, true);
            (
                ToIssue {
                    office: office.id(),
                    office_code: office.letter_code(),
                    case: Some(case.id),
                    kind,
                    number_format: &state.config.letter_number_format,
                    issued_on,
                    by: access.user().id,
                    fingerprint,
                },
                render,
            )
        });
        match terminations::perform(&state.store, &access, step, &input, to_issue).await {
            Ok(_) => {
                return Ok(Redirect::to(&format!(
                    "/cases/{}?done=termination#termination",
                    case.id.0
                ))
                .into_response());
            }
            Err(TerminationError::Refused(refusal)) => {
                errors.add("termination", ui.lang.say(&refusal))
            }
            Err(TerminationError::Missing(field)) => errors.add(field, t.field_required),
            Err(TerminationError::Case(error)) => {
                forms::add_refusal(&mut errors, ui.lang, t, "termination", error)?
            }
        }
    }
    page_with_errors(&state, &ui, &access, RecordForm::keeping(&form), errors).await
}

//! The case's SOP steps against the service standards (DOMAIN §11): which step was done
//! when, how long it took since the step before, and whether that is over the standard.

use karya_domain::Minutes;
use karya_domain::sop::{self, SopKind, Stamp};

use crate::app::AppState;
use crate::error::WebError;
use crate::i18n::{Catalog, Lang, fill};
use crate::views;
use karya_store::access::CaseAccess;

pub struct SopRow {
    pub sop: &'static str,
    pub step: String,
    pub done_at: String,
    pub elapsed: String,
    pub standard: String,
    pub verdict: String,
    pub over: bool,
}

/// The SOPs, in the order a case meets them.
const IN_ORDER: [SopKind; 6] = [
    SopKind::Intake,
    SopKind::DocumentValidity,
    SopKind::PkAppointment,
    SopKind::Register,
    SopKind::InterventionAnalysis,
    SopKind::MonitoringEvaluation,
];

/// The steps the caller may mark done by hand now (`sop::marked_by_hand`, their role, not
/// done yet): (form value `sop:step`, label).
pub async fn markable(
    state: &AppState,
    access: &CaseAccess,
) -> Result<Vec<(String, String)>, WebError> {
    let Some(role) = access
        .role_for(karya_domain::Permission::RecordSopSteps)
        .filter(|_| access.may(karya_domain::Permission::RecordSopSteps))
    else {
        return Ok(Vec::new());
    };
    if access.case().status.is_final() {
        return Ok(Vec::new());
    }
    let (_, stamps) = karya_store::sop::stamps(&state.store, access).await?;
    Ok(IN_ORDER
        .into_iter()
        .flat_map(|kind| kind.sop().steps.iter().map(move |step| (kind, step)))
        .filter(|(kind, step)| {
            sop::marked_by_hand(*kind, step.number)
                && step.actors.contains(&role)
                && !stamps
                    .iter()
                    .any(|(k, s)| k == kind && s.step == step.number)
        })
        .map(|(kind, step)| {
            (
                format!("{}:{}", kind.as_str(), step.number),
                format!(
                    "{} · {}. {}",
                    kind.sop().name_id,
                    step.number,
                    step.description_id
                ),
            )
        })
        .collect())
}

/// An official marks an SOP step done (DOMAIN §11).
pub async fn mark(
    axum::extract::State(state): axum::extract::State<AppState>,
    ui: crate::page::Ui,
    access: crate::auth::CaseOf<crate::auth::can::RecordSopSteps>,
    axum::Form(form): axum::Form<crate::forms::Pairs>,
) -> Result<axum::response::Response, WebError> {
    use axum::response::IntoResponse;
    let (kind, step) = form
        .get("sop_step")
        .split_once(':')
        .and_then(|(kind, step)| Some((SopKind::parse(kind)?, step.parse::<u8>().ok()?)))
        .ok_or(WebError::BadRequest)?;
    match karya_store::sop::mark(&state.store, &access, kind, step).await {
        Ok(()) => Ok(axum::response::Redirect::to(&format!(
            "/cases/{}?done=sop#sop",
            access.case().id.0
        ))
        .into_response()),
        Err(error) => {
            let mut errors = crate::forms::FormErrors::default();
            crate::forms::add_refusal(&mut errors, ui.lang, ui.t(), "sop_step", error)?;
            super::page_with_errors(&state, &ui, &access, super::RecordForm::default(), errors)
                .await
        }
    }
}

pub async fn sop_rows(
    state: &AppState,
    access: &CaseAccess,
    lang: Lang,
    t: &Catalog,
) -> Result<Vec<SopRow>, WebError> {
    let case = access.case();
    let (opened, stamps) = karya_store::sop::stamps(&state.store, access).await?;
    // The appointment and the register begin when the desk hands the file over (validity step 3).
    let handed_over = stamps
        .iter()
        .find(|(kind, s)| *kind == SopKind::DocumentValidity && s.step == 3)
        .map(|(_, s)| s.at);
    let mut rows = Vec::new();
    for kind in IN_ORDER {
        let of_kind: Vec<Stamp> = stamps
            .iter()
            .filter(|(k, _)| *k == kind)
            .map(|(_, s)| *s)
            .collect();
        if of_kind.is_empty() {
            continue;
        }
        let start = match kind {
            SopKind::DocumentValidity => opened,
            _ => handed_over.unwrap_or(opened),
        };
        let definition = kind.sop();
        for timed in sop::elapsed(definition, start, &of_kind) {
            let stamp = of_kind.iter().find(|s| s.step == timed.step).copied();
            let description = definition.step(timed.step).map_or("", |s| s.description_id);
            let done_at = stamp.map(|s| {
                let (day, time) = views::local(case.zone, s.at);
                format!("{} {time}", views::date(lang, day))
            });
            rows.push(SopRow {
                sop: definition.name_id,
                step: format!("{}. {description}", timed.step),
                done_at: done_at.unwrap_or_default(),
                elapsed: views::duration(lang, timed.minutes),
                standard: timed.standard.map_or_else(
                    || t.sop_conditional.to_owned(),
                    |m| views::duration(lang, m),
                ),
                verdict: match (timed.standard, timed.over_by) {
                    (None, _) => t.sop_not_judged.to_owned(),
                    (Some(_), None) => t.sop_within.to_owned(),
                    (Some(_), Some(by)) => fill(t.sop_over, &[("by", &views::duration(lang, by))]),
                },
                over: timed.over_by.is_some_and(|by| by > Minutes::ZERO),
            });
        }
    }
    Ok(rows)
}

//! The PK's visits and attitude assessments on the case page (B6, Annex IV): the form, the
//! list, and the trend of indicators met per work-place visit as a bar chart with a text
//! alternative.

use axum::Form;
use axum::extract::State;
use axum::response::{IntoResponse, Redirect, Response};
use jiff::civil::Date;
use karya_domain::Permission;
use karya_domain::attitude::{INDICATORS_EN, INDICATORS_ID, score};
use karya_store::visits::{self, NewVisit};

use super::{RecordForm, page_with_errors};
use crate::app::AppState;
use crate::auth::{CaseOf, can};
use crate::error::WebError;
use crate::forms::{self, FormErrors, Pairs};
use crate::i18n::{Catalog, Lang, fill};
use crate::page::Ui;
use crate::views;
use karya_store::access::CaseAccess;

/// One visit as listed.
pub struct VisitRow {
    pub day: String,
    pub kind: &'static str,
    pub who: String,
    pub note: String,
    /// "8/10" at a work-place visit.
    pub score: String,
    /// The PK's note per indicator, "3. …: note".
    pub notes: Vec<String>,
}

#[derive(Default)]
pub struct VisitsView {
    pub shown: bool,
    pub can_record: bool,
    pub rows: Vec<VisitRow>,
    /// Bars of the trend: (x, height, y, label) in a 100 × 40 box.
    pub bars: Vec<(String, String, String, String)>,
    pub chart_label: String,
    /// The ten indicators for the form.
    pub indicators: Vec<(usize, &'static str)>,
}

pub async fn visits_view(
    state: &AppState,
    access: &CaseAccess,
    lang: Lang,
    t: &Catalog,
) -> Result<VisitsView, WebError> {
    use karya_domain::CaseStatus as S;
    let case = access.case();
    let relevant = matches!(
        case.status,
        S::Placed | S::Serving | S::UnderExamination | S::Terminated(_)
    );
    if !relevant || !access.may(Permission::ReadVisits) {
        return Ok(VisitsView::default());
    }
    let list = visits::for_case(&state.store, access).await?;
    let scored: Vec<(String, u8)> = list
        .iter()
        .filter_map(|v| v.answers().map(|a| (v.visited_on.clone(), score(&a))))
        .collect();
    let width = 100.0 / scored.len().max(1) as f64;
    let bars = scored
        .iter()
        .enumerate()
        .map(|(i, (day, s))| {
            let height = f64::from(*s) * 4.0;
            (
                format!("{:.2}", i as f64 * width + width * 0.15),
                format!("{height:.2}"),
                format!("{:.2}", 40.0 - height),
                format!("{day}: {s}/10"),
            )
        })
        .collect::<Vec<_>>();
    let chart_label = fill(
        t.visits_chart_label,
        &[(
            "scores",
            &scored
                .iter()
                .map(|(d, s)| format!("{d} {s}/10"))
                .collect::<Vec<_>>()
                .join(", "),
        )],
    );
    Ok(VisitsView {
        shown: true,
        can_record: access.may(Permission::RecordVisits) && !case.status.is_final(),
        rows: list
            .iter()
            .map(|v| VisitRow {
                day: v
                    .visited_on
                    .parse::<Date>()
                    .map(|d| views::date(lang, d))
                    .unwrap_or(v.visited_on.clone()),
                kind: if v.kind == "home" {
                    t.visit_home
                } else {
                    t.visit_work_place
                },
                who: v.visited_by_name.clone(),
                note: v.note.clone(),
                score: v
                    .answers()
                    .map(|a| format!("{}/10", score(&a)))
                    .unwrap_or_default(),
                notes: indicator_notes(lang, &v.answer_notes),
            })
            .collect(),
        bars,
        chart_label,
        indicators: (lang.pick(INDICATORS_ID, INDICATORS_EN))
            .iter()
            .enumerate()
            .map(|(i, text)| (i, *text))
            .collect(),
    })
}

/// The PK's notes on the indicators, numbered as the form numbers them ("3. Ketepatan
/// waktu: datang terlambat 10 menit"); empty notes are left out.
fn indicator_notes(lang: Lang, notes: &str) -> Vec<String> {
    let indicators = lang.pick(INDICATORS_ID, INDICATORS_EN);
    notes
        .lines()
        .enumerate()
        .filter(|(_, note)| !note.trim().is_empty())
        .map(|(i, note)| {
            let indicator = indicators.get(i).copied().unwrap_or_default();
            format!("{}. {indicator}: {}", i + 1, note.trim())
        })
        .collect()
}

pub async fn record(
    State(state): State<AppState>,
    ui: Ui,
    access: CaseOf<can::RecordVisits>,
    Form(form): Form<Pairs>,
) -> Result<Response, WebError> {
    let case = access.case();
    let t = ui.t();
    let mut errors = FormErrors::default();
    let work_place = form.get("kind") == "work_place";
    let visited_on = form.get("visited_on").parse::<Date>().ok();
    if visited_on.is_none() {
        errors.add("visited_on", t.date_invalid);
    }
    let note = forms::text(
        &mut errors,
        t,
        "visit_note",
        form.get("visit_note"),
        2000,
        false,
    );
    let mut answers = [false; 10];
    let mut missing = false;
    for (i, slot) in answers.iter_mut().enumerate() {
        match form.get(&format!("q{i}")) {
            "yes" => *slot = true,
            "no" => *slot = false,
            _ => missing = true,
        }
    }
    if work_place && missing {
        errors.add("attitude", t.visit_answers_required);
    }
    let notes = (0..10)
        .map(|i| {
            form.get(&format!("n{i}"))
                .trim()
                .chars()
                .take(300)
                .collect()
        })
        .collect();
    if let (true, Some(visited_on)) = (errors.is_empty(), visited_on) {
        let visit = NewVisit {
            work_place,
            visited_on,
            note,
            answers: work_place.then_some(answers),
            answer_notes: notes,
        };
        visits::record(&state.store, &access, &visit).await?;
        return Ok(
            Redirect::to(&format!("/cases/{}?done=visit#visits", case.id.0)).into_response(),
        );
    }
    page_with_errors(&state, &ui, &access, RecordForm::keeping(&form), errors).await
}

//! Guidance-progress reports on the guidance page (S1, S2, S4, B8): the reports the case owes
//! and their state, the draft of the next one with the PK's form, the head's review, and the
//! document to the prosecutor and the court on approval.

use axum::Form;
use axum::extract::State;
use axum::response::Response;
use jiff::civil::Date;
use karya_docs::{ActivityLine, BehaviourLine, Document, Figures, Printable, ProgressReport};
use karya_domain::Permission;
use karya_domain::milestones::Quarter;
use karya_domain::progress_report::{
    DueState, Narrative, Occasion, ProgressFacts, ReportStage, Trend, due_state,
};
use karya_store::access::CaseAccess;
use karya_store::progress_reports::{self as store, ReportBook};
use karya_store::supervision::SupervisionError;

use super::today_in;
use crate::app::AppState;
use crate::auth::{CaseOf, can};
use crate::error::WebError;
use crate::forms::Pairs;
use crate::i18n::{Catalog, Lang, fill};
use crate::page::Ui;
use crate::views;

/// One report the case owes, as the list shows it.
pub struct PointRow {
    pub on: String,
    pub occasion: String,
    pub state: &'static str,
    pub warn: bool,
}

/// The report the PK writes next: its draft and the form.
pub struct NextReport {
    pub due_on: String,
    pub heading: String,
    pub facts: Vec<String>,
    /// The head's note when the report came back.
    pub returned_note: String,
    /// What the PK wrote before the head returned it (the form's defaults).
    pub progress: String,
    pub obstacles: String,
    pub next_steps: String,
}

/// A report written, with the head's review.
pub struct ReportRow {
    pub id: i64,
    pub heading: String,
    pub stage: &'static str,
    pub stage_warn: bool,
    pub facts: Vec<String>,
    pub progress: String,
    pub obstacles: String,
    pub next_steps: String,
    pub written: String,
    pub review_note: String,
    /// The document sent to the prosecutor and the court (B8).
    pub document: Option<i64>,
    pub reviewable: bool,
}

#[derive(Default)]
pub struct ProgressView {
    pub shown: bool,
    pub period: String,
    pub points: Vec<PointRow>,
    pub next: Option<NextReport>,
    pub reports: Vec<ReportRow>,
}

fn occasion_label(t: &Catalog, occasion: Occasion) -> String {
    match occasion {
        Occasion::Periodic => t.progress_periodic.to_owned(),
        Occasion::Evaluation(q) => fill(
            t.progress_evaluation,
            &[(
                "quarter",
                match q {
                    Quarter::One => "¼",
                    Quarter::Two => "½",
                    Quarter::Three => "¾",
                },
            )],
        ),
    }
}

fn heading(t: &Catalog, lang: Lang, facts: &ProgressFacts) -> String {
    fill(
        t.progress_heading,
        &[
            ("from", &views::date(lang, facts.from)),
            ("to", &views::date(lang, facts.to)),
            ("occasion", &occasion_label(t, facts.occasion)),
        ],
    )
}

/// The drafted facts as lines for the page (S1, S2, B2–B4, B6, S7(1)).
fn fact_lines(t: &Catalog, lang: Lang, f: &ProgressFacts) -> Vec<String> {
    let pick = |id: &'static str, en: &'static str| lang.pick(id, en);
    let mut out = vec![
        fill(
            t.progress_f_hours,
            &[
                ("credited", &f.credited.to_string()),
                ("ordered", &f.ordered.to_string()),
                ("period", &f.credited_in_period.to_string()),
                ("days", &f.days_worked.to_string()),
            ],
        ),
        if f.on_plan() {
            fill(t.progress_f_on_plan, &[("planned", &f.planned.to_string())])
        } else {
            fill(
                t.progress_f_behind,
                &[
                    ("planned", &f.planned.to_string()),
                    ("behind", &f.behind().to_string()),
                ],
            )
        },
        fill(
            t.progress_f_rejected,
            &[("count", &f.reports_rejected.to_string())],
        ),
    ];
    if !f.attitude_scores.is_empty() {
        let scores: Vec<String> = f
            .attitude_scores
            .iter()
            .map(|s| format!("{s}/10"))
            .collect();
        let trend = match f.attitude_trend() {
            Some(Trend::Better) => t.progress_trend_better,
            Some(Trend::Same) => t.progress_trend_same,
            Some(Trend::Worse) => t.progress_trend_worse,
            None => "",
        };
        out.push(fill(
            t.progress_f_attitude,
            &[("scores", &scores.join(", ")), ("trend", trend)],
        ));
    }
    let activities: Vec<String> = f
        .activities
        .iter()
        .map(|a| {
            format!(
                "{} ×{}",
                pick(a.kind.label_id(), a.kind.label_en()),
                a.count
            )
        })
        .collect();
    out.push(fill(
        t.progress_f_activities,
        &[("list", &or_dash(activities.join("; ")))],
    ));
    for b in &f.behaviour {
        out.push(format!(
            "{} · {} — {}",
            views::date(lang, b.on),
            pick(b.kind.label_id(), b.kind.label_en()),
            b.description
        ));
    }
    out.push(fill(
        t.progress_f_stage,
        &[(
            "stage",
            &f.stage.map_or_else(
                || "-".to_owned(),
                |s| pick(s.label_id(), s.label_en()).to_owned(),
            ),
        )],
    ));
    for conduct in &f.good_conduct {
        out.push(fill(t.progress_f_good_conduct, &[("findings", conduct)]));
    }
    out
}

fn or_dash(text: String) -> String {
    if text.is_empty() { "-".into() } else { text }
}

fn stage_label(t: &Catalog, stage: ReportStage) -> &'static str {
    match stage {
        ReportStage::Submitted => t.progress_stage_submitted,
        ReportStage::Returned => t.progress_stage_returned,
        ReportStage::Approved => t.progress_stage_approved,
    }
}

fn due_label(t: &Catalog, state: DueState) -> &'static str {
    match state {
        DueState::Upcoming => t.progress_due_upcoming,
        DueState::Due => t.progress_due_due,
        DueState::Overdue => t.progress_due_overdue,
        DueState::Written => t.progress_due_written,
    }
}

/// The progress-report section of the guidance page.
pub async fn progress_view(
    state: &AppState,
    access: &CaseAccess,
    lang: Lang,
    t: &Catalog,
) -> Result<ProgressView, WebError> {
    let case = access.case();
    let serving = matches!(
        case.status,
        karya_domain::CaseStatus::Serving | karya_domain::CaseStatus::UnderExamination
    );
    let book: ReportBook = store::book(&state.store, access).await?;
    if !serving && book.written.is_empty() {
        return Ok(ProgressView::default());
    }
    let today = today_in(state, case);
    let written = book.written_days();
    // What has fallen due, and the next one to come.
    let upcoming = book.points.iter().find(|p| p.on > today).map(|p| p.on);
    let points = book
        .points
        .iter()
        .filter(|p| p.on <= today || Some(p.on) == upcoming)
        .map(|p| {
            let state = due_state(p.on, today, written.contains(&p.on));
            PointRow {
                on: views::date(lang, p.on),
                occasion: occasion_label(t, p.occasion),
                state: due_label(t, state),
                warn: state == DueState::Overdue,
            }
        })
        .collect();
    let next = match book.next_to_write(today) {
        Some(point) if serving && access.may(Permission::WriteProgressReports) => {
            let facts = store::draft(&state.store, access, point.on).await?;
            let returned = book.written.iter().find(|r| r.due_on == point.on);
            Some(NextReport {
                due_on: point.on.to_string(),
                heading: heading(t, lang, &facts),
                facts: fact_lines(t, lang, &facts),
                returned_note: returned
                    .and_then(|r| r.review_note.clone())
                    .unwrap_or_default(),
                progress: returned
                    .map(|r| r.narrative.progress.clone())
                    .unwrap_or_default(),
                obstacles: returned
                    .map(|r| r.narrative.obstacles.clone())
                    .unwrap_or_default(),
                next_steps: returned
                    .map(|r| r.narrative.next_steps.clone())
                    .unwrap_or_default(),
            })
        }
        _ => None,
    };
    let can_review = access.may(Permission::ReviewProgressReports);
    let reports = book
        .written
        .iter()
        .filter(|r| Some(r.due_on.to_string()) != next.as_ref().map(|n| n.due_on.clone()))
        .map(|r| ReportRow {
            id: r.id,
            heading: heading(t, lang, &r.facts),
            stage: stage_label(t, r.stage),
            stage_warn: r.stage == ReportStage::Returned,
            facts: fact_lines(t, lang, &r.facts),
            progress: r.narrative.progress.clone(),
            obstacles: r.narrative.obstacles.clone(),
            next_steps: r.narrative.next_steps.clone(),
            written: fill(
                t.progress_written_by,
                &[
                    ("name", &r.written_by),
                    ("at", &views::stored_instant(lang, &r.written_at, case.zone)),
                ],
            ),
            review_note: r.review_note.clone().unwrap_or_default(),
            document: r.document_id,
            reviewable: can_review && r.stage == ReportStage::Submitted,
        })
        .collect();
    Ok(ProgressView {
        shown: true,
        period: fill(t.progress_period, &[("months", &book.months.to_string())]),
        points,
        next,
        reports,
    })
}

/// The PK sends the report of the period to the head (S4).
pub async fn write(
    State(state): State<AppState>,
    ui: Ui,
    access: CaseOf<can::WriteProgressReports>,
    Form(form): Form<Pairs>,
) -> Result<Response, WebError> {
    let due_on: Date = form
        .get("p_due")
        .parse()
        .map_err(|_| WebError::BadRequest)?;
    let narrative = Narrative {
        progress: form.get("p_progress").to_owned(),
        obstacles: form.get("p_obstacles").to_owned(),
        next_steps: form.get("p_next_steps").to_owned(),
    };
    let today = today_in(&state, access.case());
    let result = store::write(&state.store, &access, due_on, &narrative, today).await;
    let done = ("progress_report", "progress-reports");
    super::supervision::answer_at(&state, &ui, &access, form, done, result).await
}

/// The head approves (the report goes to the prosecutor and the court, B8) or returns it.
pub async fn review(
    State(state): State<AppState>,
    ui: Ui,
    access: CaseOf<can::ReviewProgressReports>,
    Form(form): Form<Pairs>,
) -> Result<Response, WebError> {
    let id: i64 = form
        .get("report")
        .parse()
        .map_err(|_| WebError::BadRequest)?;
    let approve = match form.get("p_approve") {
        "yes" => true,
        "no" => false,
        _ => return Err(WebError::BadRequest),
    };
    let note = form.get("p_review_note").to_owned();
    let result = reviewed(&state, &access, id, approve, &note).await?;
    let done = if approve {
        "progress_report_approved"
    } else {
        "progress_report_returned"
    };
    super::supervision::answer_at(
        &state,
        &ui,
        &access,
        form,
        (done, "progress-reports"),
        result,
    )
    .await
}

/// The head's review (S4): returned with a note, or approved, which issues the report to the
/// prosecutor and the court in the same transaction (B8). The page and the API both act here.
pub(crate) async fn reviewed(
    state: &AppState,
    access: &CaseAccess,
    id: i64,
    approve: bool,
    note: &str,
) -> Result<Result<Option<karya_store::documents::Issued>, SupervisionError>, WebError> {
    type Render = fn(&str, &str) -> anyhow::Result<Vec<u8>>;
    if !approve {
        return Ok(store::review(
            &state.store,
            access,
            id,
            note,
            None::<(karya_store::documents::ToIssue<'_>, Render)>,
        )
        .await);
    }
    let report = store::get(&state.store, access, id).await?;
    let office = karya_store::orgs::office_of_case(&state.store, access).await?;
    let document = Document::ProgressReport(document(state, access, &office, &report).await?);
    let head = super::letters::letterhead(&office);
    let public_url = state.config.public_url.clone();
    let doc = karya_store::documents::ToIssue {
        office: office.id(),
        office_code: office.letter_code(),
        case: Some(access.case().id),
        kind: "progress_report",
        number_format: &state.config.letter_number_format,
        issued_on: document.dated(),
        by: access.user().id,
        fingerprint: document.fingerprint(),
    };
    let render = super::letters::renderer(document, head, public_url, true);
    Ok(store::review(&state.store, access, id, note, Some((doc, render))).await)
}

/// The report as the prosecutor and the court receive it: the facts as drafted, the PK's
/// narrative, the head's signature (B8). Labels are the domain's Indonesian ones.
async fn document(
    state: &AppState,
    access: &CaseAccess,
    office: &karya_store::orgs::Office,
    report: &store::ProgressReport,
) -> Result<ProgressReport, WebError> {
    let case = access.case();
    let f = &report.facts;
    Ok(ProgressReport {
        number: String::new(),
        date: today_in(state, case),
        place: super::letters::place(&office.name),
        addressee: super::letters::prosecutors_head(case),
        copy_to: format!("Ketua {}", case.court),
        client: super::termination::identity(state, access).await?,
        decision: super::letters::decision(case),
        hours_ordered: f.ordered,
        from: f.from,
        to: f.to,
        evaluation_quarter: match f.occasion {
            Occasion::Periodic => None,
            Occasion::Evaluation(q) => u8::try_from(q.quarters()).ok(),
        },
        figures: Figures {
            credited: f.credited,
            credited_in_period: f.credited_in_period,
            planned: f.planned,
            remaining: karya_domain::Minutes::new((f.ordered.get() - f.credited.get()).max(0)),
            on_plan: f.on_plan(),
            behind: f.behind(),
            days_worked: f.days_worked,
            reports_rejected: f.reports_rejected,
        },
        attitude_scores: f.attitude_scores.clone(),
        attitude_trend: f.attitude_trend(),
        activities: f
            .activities
            .iter()
            .map(|a| ActivityLine {
                kind: a.kind.label_id().to_owned(),
                count: a.count,
            })
            .collect(),
        behaviour: f
            .behaviour
            .iter()
            .map(|b| BehaviourLine {
                on: b.on,
                kind: b.kind.label_id().to_owned(),
                description: b.description.clone(),
            })
            .collect(),
        stage: f.stage.map(|s| s.label_id().to_owned()),
        relapses: f.relapses,
        good_conduct: f.good_conduct.clone(),
        progress: report.narrative.progress.clone(),
        obstacles: report.narrative.obstacles.clone(),
        next_steps: report.narrative.next_steps.clone(),
        author: super::forms_pdf::officer(state, case).await?,
        signer: super::letters::signer(state, office).await?,
    })
}

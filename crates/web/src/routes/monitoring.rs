//! Monitoring (Chapter III; M1–M3): the offices in the caller's reach side by side — Ditjenpas
//! every office by region (M1), a Kanwil its region's (M2), the head their own (M3) — with
//! cases by state as a stacked bar and the numbers behind it in a table, hours ordered and
//! credited, the completion rate, examinations, the TPP's recommendations and the M4
//! evaluations' success indicators; the same rows
//! as a spreadsheet.

use askama::Template;
use axum::Form;
use axum::extract::{Query, State};
use axum::http::header;
use axum::response::{IntoResponse, Redirect, Response};
use karya_domain::monitoring::{Stage, Tally, Visit};
use karya_domain::{Minutes, Permission, Role};
use karya_store::ids::OfficeId;
use karya_store::monitoring::{self, OfficeFigures, VisitError};
use karya_store::orgs;

use crate::app::AppState;
use crate::auth::{Authority, Granted, can};
use crate::error::WebError;
use crate::export::{Cell, Table};
use crate::forms::{FormErrors, Pairs};
use crate::i18n::{Catalog, Lang, fill};
use crate::page::{Page, Ui, render_form};
use crate::routes::cases::Notice;
use crate::views;

/// One stacked segment of a row's bar: its class, what it counts, and where it sits.
pub struct Segment {
    pub class: &'static str,
    pub title: String,
    pub x: f64,
    pub width: f64,
}

/// An office, a region or the total, as a row of the chart and of the table.
pub struct Row {
    pub name: String,
    pub region: String,
    pub counts: Vec<i64>,
    pub total: i64,
    pub segments: Vec<Segment>,
    pub chart_label: String,
    pub hours: String,
    pub credited_pct: i64,
    pub completion: String,
    pub examinations: String,
    pub tpp: String,
    /// M4: evaluations recorded, and how many found each indicator (a)–(c) met.
    pub evaluations: String,
}

/// A monitoring visit as listed (M2).
pub struct VisitRow {
    pub office: String,
    pub line: String,
    pub findings: String,
    pub follow_up: String,
}

#[derive(Template)]
#[template(path = "monitoring.html")]
struct MonitoringPage {
    page: Page,
    errors: FormErrors,
    form: Pairs,
    intro: &'static str,
    visits: Vec<VisitRow>,
    /// The offices a Kanwil may record a visit to: (id, name); empty for others.
    visit_offices: Vec<(String, String)>,
    today: String,
    /// (class, label) of each stage, in the bars' order.
    legend: Vec<(&'static str, &'static str)>,
    regions: Vec<Row>,
    offices: Vec<Row>,
    total: Row,
}

fn class(stage: Stage) -> &'static str {
    match stage {
        Stage::BeforeService => "st-before",
        Stage::Serving => "st-serving",
        Stage::UnderExamination => "st-exam",
        Stage::Completed => "st-completed",
        Stage::EndedOtherwise => "st-ended",
    }
}

pub fn stage_label(t: &Catalog, stage: Stage) -> &'static str {
    match stage {
        Stage::BeforeService => t.monitoring_before_service,
        Stage::Serving => t.monitoring_serving,
        Stage::UnderExamination => t.monitoring_under_examination,
        Stage::Completed => t.monitoring_completed,
        Stage::EndedOtherwise => t.monitoring_ended_otherwise,
    }
}

fn percent_text(value: Option<i64>) -> String {
    value.map_or_else(|| "–".to_owned(), |p| format!("{p} %"))
}

fn row(t: &Catalog, lang: Lang, name: String, region: String, tally: &Tally) -> Row {
    let total = tally.total();
    let mut x = 0.0;
    let mut segments = Vec::new();
    for stage in Stage::ALL {
        let count = tally.count(stage);
        if count == 0 || total == 0 {
            continue;
        }
        #[expect(clippy::cast_precision_loss, reason = "case counts are far below 2^52")]
        let width = count as f64 * 100.0 / total as f64;
        segments.push(Segment {
            class: class(stage),
            title: format!("{}: {count}", stage_label(t, stage)),
            x,
            width,
        });
        x += width;
    }
    let chart_label = fill(
        t.monitoring_chart_label,
        &[
            ("name", &name),
            (
                "counts",
                &Stage::ALL
                    .iter()
                    .map(|s| format!("{} {}", stage_label(t, *s), tally.count(*s)))
                    .collect::<Vec<_>>()
                    .join(", "),
            ),
        ],
    );
    Row {
        counts: Stage::ALL.iter().map(|s| tally.count(*s)).collect(),
        total,
        segments,
        chart_label,
        hours: format!(
            "{} / {}",
            views::duration(lang, Minutes::new(tally.minutes_credited)),
            views::duration(lang, Minutes::new(tally.minutes_ordered))
        ),
        credited_pct: tally.credited_percent().unwrap_or(0).clamp(0, 100),
        completion: percent_text(tally.completion_percent()),
        examinations: fill(
            t.monitoring_examinations_line,
            &[
                ("count", &tally.examinations.to_string()),
                ("late", &tally.examinations_late.to_string()),
            ],
        ),
        tpp: fill(
            t.monitoring_tpp_line,
            &[
                ("good", &tally.good_conduct.to_string()),
                ("serving", &tally.continue_serving.to_string()),
                ("orders", &tally.default_orders.to_string()),
            ],
        ),
        evaluations: fill(
            t.monitoring_evaluations_line,
            &[
                ("count", &tally.evaluations.to_string()),
                ("a", &tally.indicators_met[0].to_string()),
                ("b", &tally.indicators_met[1].to_string()),
                ("c", &tally.indicators_met[2].to_string()),
            ],
        ),
        name,
        region,
    }
}

/// The caller's offices and the region totals, in order.
async fn figures(
    state: &AppState,
    granted: &Granted<can::ReadMonitoring>,
) -> Result<Vec<OfficeFigures>, WebError> {
    Ok(monitoring::by_office(&state.store, granted.grant()).await?)
}

fn by_region(offices: &[OfficeFigures]) -> Vec<(String, Tally)> {
    let mut regions: Vec<(String, Tally)> = Vec::new();
    for office in offices {
        match regions.iter_mut().find(|(name, _)| *name == office.region) {
            Some((_, tally)) => tally.merge(&office.tally),
            None => regions.push((office.region.clone(), office.tally)),
        }
    }
    regions
}

impl MonitoringPage {
    fn value(&self, name: &str) -> &str {
        self.form.get(name)
    }

    /// The visit's day as typed, or today.
    fn visit_on(&self) -> &str {
        match self.form.get("v_on") {
            "" => &self.today,
            typed => typed,
        }
    }
}

pub async fn page(
    State(state): State<AppState>,
    ui: Ui,
    authority: Authority,
    granted: Granted<can::ReadMonitoring>,
    Query(notice): Query<Notice>,
) -> Result<Response, WebError> {
    let notice = notice.message(ui.t());
    show(
        &state,
        &ui,
        &authority,
        &granted,
        Pairs::default(),
        FormErrors::default(),
        notice,
    )
    .await
}

async fn show(
    state: &AppState,
    ui: &Ui,
    authority: &Authority,
    granted: &Granted<can::ReadMonitoring>,
    form: Pairs,
    errors: FormErrors,
    notice: Option<&str>,
) -> Result<Response, WebError> {
    let state = state.clone();
    let (t, lang) = (ui.t(), ui.lang);
    let offices = figures(&state, granted).await?;
    let visits = monitoring::visits(&state.store, granted.grant())
        .await?
        .into_iter()
        .map(|v| VisitRow {
            office: v.office,
            line: fill(
                t.monitoring_visit_line,
                &[
                    ("date", &views::date(lang, v.visit.visited_on)),
                    ("by", &v.recorded_by),
                ],
            ),
            findings: v.visit.findings,
            follow_up: v.visit.follow_up,
        })
        .collect();
    let visit_offices = match authority.grant(Permission::RecordMonitoringVisits) {
        Ok(grant) => orgs::list_offices(&state.store, grant.scope())
            .await?
            .into_iter()
            .map(|o| (o.id().0.to_string(), o.name))
            .collect(),
        Err(_) => Vec::new(),
    };
    let today = karya_domain::calendar::local_date(
        state.store.now(),
        &karya_domain::OfficeZone::Wib.time_zone(),
    );
    let mut total = Tally::default();
    for office in &offices {
        total.merge(&office.tally);
    }
    let regions = by_region(&offices);
    let (title, intro) = match granted.grant().role() {
        Role::NationalManager => (t.monitoring_title_national, t.monitoring_intro_national),
        Role::RegionalManager => (t.monitoring_title_region, t.monitoring_intro_region),
        _ => (t.monitoring_title_office, t.monitoring_intro_office),
    };
    let page = MonitoringPage {
        page: ui.page(title).with_notice(notice),
        errors,
        form,
        intro,
        visits,
        visit_offices,
        today: today.to_string(),
        legend: Stage::ALL
            .iter()
            .map(|s| (class(*s), stage_label(t, *s)))
            .collect(),
        regions: if regions.len() > 1 {
            regions
                .iter()
                .map(|(name, tally)| row(t, lang, name.clone(), String::new(), tally))
                .collect()
        } else {
            Vec::new()
        },
        total: row(
            t,
            lang,
            t.monitoring_total.to_owned(),
            String::new(),
            &total,
        ),
        offices: offices
            .iter()
            .map(|o| row(t, lang, o.name.clone(), o.region.clone(), &o.tally))
            .collect(),
    };
    let invalid = !page.errors.is_empty();
    render_form(&page, invalid)
}

/// The Kanwil records a monitoring visit to one of its offices (M2).
pub async fn record_visit(
    State(state): State<AppState>,
    ui: Ui,
    authority: Authority,
    granted: Granted<can::ReadMonitoring>,
    recorder: Granted<can::RecordMonitoringVisits>,
    Form(form): Form<Pairs>,
) -> Result<Response, WebError> {
    let office = form
        .get("v_office")
        .parse()
        .map(OfficeId)
        .map_err(|_| WebError::NotFound)?;
    let mut errors = FormErrors::default();
    match form.get("v_on").parse() {
        Ok(visited_on) => {
            let visit = Visit {
                visited_on,
                findings: form.get("v_findings").to_owned(),
                follow_up: form.get("v_follow_up").to_owned(),
            };
            // Indonesia's latest day (WIT): a visit dated after it has not happened anywhere.
            let today = karya_domain::calendar::local_date(
                state.store.now(),
                &karya_domain::OfficeZone::Wit.time_zone(),
            );
            match monitoring::record_visit(&state.store, recorder.grant(), office, &visit, today)
                .await
            {
                Ok(_) => {
                    return Ok(
                        Redirect::to("/monitoring?done=monitoring_visit#visits").into_response()
                    );
                }
                Err(VisitError::Rules(found)) => {
                    for v in found.iter() {
                        errors.add(visit_field(v.field), views::violation_message(ui.lang, v));
                    }
                }
                Err(VisitError::Store(error)) => return Err(error.into()),
            }
        }
        Err(_) => errors.add("v_on", ui.t().date_invalid),
    }
    show(&state, &ui, &authority, &granted, form, errors, None).await
}

fn visit_field(domain: &str) -> &'static str {
    match domain {
        "visited_on" => "v_on",
        "findings" => "v_findings",
        _ => "v_follow_up",
    }
}

/// The same figures as a spreadsheet: one row per office, the hours in whole hours.
pub async fn xlsx(
    State(state): State<AppState>,
    ui: Ui,
    granted: Granted<can::ReadMonitoring>,
) -> Result<Response, WebError> {
    let t = ui.t();
    let offices = figures(&state, &granted).await?;
    let percent = |p: Option<i64>| p.map_or(Cell::Empty, Cell::Number);
    let rows = offices
        .iter()
        .map(|o| {
            let tally = &o.tally;
            let mut cells: Vec<Cell> = vec![o.region.clone().into(), o.name.clone().into()];
            cells.extend(Stage::ALL.iter().map(|s| Cell::Number(tally.count(*s))));
            cells.extend([
                Cell::Number(tally.total()),
                Cell::Number(tally.minutes_ordered / 60),
                Cell::Number(tally.minutes_credited / 60),
                percent(tally.credited_percent()),
                percent(tally.completion_percent()),
                Cell::Number(tally.examinations),
                Cell::Number(tally.examinations_late),
                Cell::Number(tally.good_conduct),
                Cell::Number(tally.continue_serving),
                Cell::Number(tally.default_orders),
                Cell::Number(tally.evaluations),
                Cell::Number(tally.indicators_met[0]),
                Cell::Number(tally.indicators_met[1]),
                Cell::Number(tally.indicators_met[2]),
            ]);
            cells
        })
        .collect();
    let mut headers = vec![t.monitoring_region, t.monitoring_office];
    headers.extend(Stage::ALL.iter().map(|s| stage_label(t, *s)));
    headers.extend([
        t.monitoring_cases,
        t.monitoring_hours_ordered,
        t.monitoring_hours_credited,
        t.monitoring_credited_pct,
        t.monitoring_completion,
        t.monitoring_examinations,
        t.monitoring_examinations_late,
        t.monitoring_tpp_good,
        t.monitoring_tpp_serving,
        t.monitoring_tpp_orders,
        t.monitoring_evaluations,
        t.monitoring_indicator_a,
        t.monitoring_indicator_b,
        t.monitoring_indicator_c,
    ]);
    let table = Table {
        sheet: "Pemantauan",
        headers,
        wrapped: vec![],
        rows,
    };
    Ok((
        [
            (
                header::CONTENT_TYPE,
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            ),
            (
                header::CONTENT_DISPOSITION,
                "attachment; filename=\"pemantauan.xlsx\"",
            ),
        ],
        table.xlsx()?,
    )
        .into_response())
}

//! Supervision on the guidance page (seed §2.3.3; S5–S8): the PK's advice to the head, the
//! team the head forms and its seven days, the team's steps and findings, the TPP's
//! recommendation (only the decision's default orders, L8) and the head's decision. Each
//! act is its own small form, shown to whoever may take it at the examination's stage.

use axum::Form;
use axum::extract::State;
use axum::response::{IntoResponse, Redirect, Response};
use karya_domain::Permission;
use karya_domain::supervision::{
    self as rules, Advice, ExaminationClock, Ground, Method, Recommendation,
};
use karya_store::access::CaseAccess;
use karya_store::ids::UserId;
use karya_store::supervision::{self as store, Examination, Stage, SupervisionError};

use super::guidance::refused;
use super::today_in;
use crate::app::AppState;
use crate::auth::{CaseOf, can};
use crate::error::WebError;
use crate::forms::{self, FormErrors, Pairs};
use crate::i18n::{Catalog, Lang, fill};
use crate::page::Ui;
use crate::views;

/// One examination as the page shows it, with the act the caller may take now.
pub struct ExaminationView {
    pub id: i64,
    pub ground: &'static str,
    pub advice: String,
    pub advised: String,
    pub stage: &'static str,
    /// The seven days (S6): "day 3 of 7, 4 days left", or late.
    pub clock: String,
    pub clock_warn: bool,
    pub team: String,
    pub steps: Vec<String>,
    pub findings: String,
    pub findings_late: bool,
    pub tpp: String,
    pub decision: String,
    pub can_form_team: bool,
    pub can_examine: bool,
    pub can_recommend: bool,
    /// The TPP session whose agenda it is on, for those who read sessions (S7).
    pub tpp_session: Option<i64>,
    /// Awaiting the TPP on no agenda yet: the head puts it on a session's (S7).
    pub can_convene: bool,
    pub can_decide: bool,
    /// Accepted, and a default order: the head issues the Litmas to the prosecutor (S8).
    pub can_issue_litmas: bool,
    /// The recommendations open to the TPP (S7, L8): (value, label).
    pub recommendations: Vec<(&'static str, String)>,
    /// What the prosecutor decided on the Litmas (S8), once recorded.
    pub prosecutor: String,
    /// The Litmas awaits the prosecutor's decision and the caller may record it.
    pub can_record_prosecutor: bool,
    /// The decision's default orders (L8): (value, label in the decision's terms).
    pub orders: Vec<(String, String)>,
    /// The office's day, the default of dated forms.
    pub today: String,
}

/// A report of conduct as listed (S3).
pub struct ReportView {
    pub id: i64,
    pub kind: &'static str,
    pub state: &'static str,
    pub open: bool,
    pub closes_next: bool,
    pub line: String,
    pub reporter: String,
    pub follow_up: String,
    pub outcome: String,
}

#[derive(Default)]
pub struct SupervisionView {
    pub shown: bool,
    pub reports: Vec<ReportView>,
    pub can_follow_up: bool,
    pub can_advise: bool,
    pub examinations: Vec<ExaminationView>,
    /// The office staff for a team or a TPP session: (id, name).
    pub staff: Vec<(String, String)>,
    pub methods: Vec<(&'static str, &'static str)>,
}

pub fn recommendation_label(t: &Catalog, r: Recommendation) -> String {
    match r {
        Recommendation::GoodConduct => t.supervision_good_conduct.to_owned(),
        Recommendation::ContinueServing => t.supervision_continue.to_owned(),
        Recommendation::DefaultOrder(kind) => fill(
            t.supervision_default_order,
            &[("order", crate::refusals::order_kind(t, kind))],
        ),
    }
}

fn method_label(t: &Catalog, m: Method) -> &'static str {
    match m {
        Method::DocumentReview => t.supervision_method_documents,
        Method::InterviewClient => t.supervision_method_client,
        Method::InterviewOthers => t.supervision_method_others,
        Method::Other => t.supervision_method_other,
    }
}

fn stage_label(t: &Catalog, stage: Stage) -> &'static str {
    match stage {
        Stage::AwaitingTeam => t.supervision_stage_team,
        Stage::Examining => t.supervision_stage_examining,
        Stage::AwaitingTpp => t.supervision_stage_tpp,
        Stage::AwaitingDecision => t.supervision_stage_decision,
        Stage::AwaitingProsecutor => t.supervision_stage_awaiting_prosecutor,
        Stage::Decided => t.supervision_stage_decided,
    }
}

pub(super) fn examination_view(
    access: &CaseAccess,
    lang: Lang,
    t: &Catalog,
    exam: &Examination,
    today: jiff::civil::Date,
) -> ExaminationView {
    let stage = exam.stage();
    let (clock, clock_warn) = match (exam.formed_on, stage) {
        (Some(formed), Stage::Examining) => match rules::examination_clock(formed, today) {
            ExaminationClock::Running { day, days_left } => (
                fill(
                    t.supervision_clock,
                    &[("day", &day.to_string()), ("left", &days_left.to_string())],
                ),
                false,
            ),
            ExaminationClock::Warning { day, days_left } => (
                fill(
                    t.supervision_clock_warning,
                    &[("day", &day.to_string()), ("left", &days_left.to_string())],
                ),
                true,
            ),
            ExaminationClock::Overdue { days_late } => (
                fill(
                    t.supervision_clock_overdue,
                    &[("late", &days_late.to_string())],
                ),
                true,
            ),
        },
        (Some(formed), _) => (
            fill(
                t.supervision_formed,
                &[
                    ("formed", &views::date(lang, formed)),
                    (
                        "deadline",
                        &views::date(lang, rules::examination_deadline(formed)),
                    ),
                ],
            ),
            false,
        ),
        (None, _) => (String::new(), false),
    };
    let advice = &exam.advice;
    let ground = match advice.ground {
        Ground::GoodDeed => t.supervision_ground_good,
        Ground::SuspectedViolation => t.supervision_ground_violation,
    };
    let mut advice_text = advice.what_happened.clone();
    if !advice.condition.is_empty() {
        advice_text = format!(
            "{} · {} {}",
            advice_text, t.supervision_condition, advice.condition
        );
    }
    if !advice.evidence.is_empty() {
        advice_text = format!(
            "{} · {} {}",
            advice_text, t.supervision_evidence, advice.evidence
        );
    }
    let team = if exam.members.is_empty() {
        String::new()
    } else {
        fill(
            t.supervision_team_line,
            &[
                ("chair", exam.chair.as_deref().unwrap_or("-")),
                ("members", &exam.members.join(", ")),
            ],
        )
    };
    let tpp = match (&exam.recommendation, &exam.tpp_on) {
        (Some(r), Some(on)) => fill(
            t.supervision_tpp_line,
            &[
                ("date", &views::date(lang, *on)),
                ("present", &exam.tpp_present.join(", ")),
                ("recommendation", &recommendation_label(t, *r)),
                ("deliberation", exam.deliberation.as_deref().unwrap_or("")),
            ],
        ),
        _ => String::new(),
    };
    let decision = match (exam.accepted, &exam.decided_on) {
        (Some(accepted), Some(on)) => fill(
            if accepted {
                t.supervision_accepted
            } else {
                t.supervision_rejected
            },
            &[
                ("date", &views::date(lang, *on)),
                ("reasons", exam.decision_reasons.as_deref().unwrap_or("")),
            ],
        ),
        _ => String::new(),
    };
    let orders = &access.case().terms.default_orders;
    let prosecutor = exam.prosecutor.as_ref().map_or_else(String::new, |p| {
        fill(
            t.supervision_prosecutor_decided,
            &[
                ("date", &views::date(lang, p.decision.decided_on)),
                ("order", &order_in_decision(t, orders, p.decision.order)),
                ("reference", &p.decision.reference),
                ("by", &p.recorded_by),
            ],
        )
    });
    ExaminationView {
        id: exam.id,
        ground,
        advice: advice_text,
        advised: fill(
            t.supervision_advised_by,
            &[
                ("name", &exam.advised_by),
                (
                    "at",
                    &views::stored_instant(lang, &exam.advised_at, access.case().zone),
                ),
            ],
        ),
        stage: stage_label(t, stage),
        clock,
        clock_warn,
        team,
        steps: exam
            .steps
            .iter()
            .map(|s| {
                format!(
                    "{} · {} · {} — {}",
                    views::date(lang, s.on),
                    method_label(t, s.method),
                    s.by,
                    s.record
                )
            })
            .collect(),
        findings: exam.findings.clone().unwrap_or_default(),
        findings_late: exam.findings_late,
        tpp,
        decision,
        can_form_team: stage == Stage::AwaitingTeam && access.may(Permission::DecideSupervision),
        can_examine: stage == Stage::Examining
            && access.may(Permission::ExamineCases)
            && exam.has_member(access.user().id),
        // On a convened session's agenda, the members record it on the session's page.
        can_recommend: stage == Stage::AwaitingTpp
            && exam.tpp_session.is_none()
            && access.may(Permission::RecommendInTpp),
        tpp_session: exam
            .tpp_session
            .filter(|_| access.may(Permission::ReadTppSessions)),
        can_convene: stage == Stage::AwaitingTpp
            && exam.tpp_session.is_none()
            && access.may(Permission::ConveneTpp),
        can_decide: stage == Stage::AwaitingDecision && access.may(Permission::DecideSupervision),
        can_issue_litmas: to_prosecutor(exam) && access.may(Permission::DecideSupervision),
        recommendations: rules::recommendations_open(advice.ground, orders)
            .into_iter()
            .map(|r| (r.as_str(), recommendation_label(t, r)))
            .collect(),
        prosecutor,
        can_record_prosecutor: stage == Stage::AwaitingProsecutor
            && access.may(Permission::RecordProsecutorDecision),
        orders: rules::OrderKind::ALL
            .into_iter()
            .filter(|k| orders.iter().any(|o| rules::OrderKind::of(o) == *k))
            .map(|k| (k.as_str().to_owned(), order_in_decision(t, orders, k)))
            .collect(),
        today: today.to_string(),
    }
}

/// The recommendations sent to the prosecutor, for the prosecutor's part of the case page
/// (S8); empty for those who see them on the guidance page.
pub async fn prosecutor_view(
    state: &AppState,
    access: &CaseAccess,
    lang: Lang,
    t: &Catalog,
) -> Result<Vec<ExaminationView>, WebError> {
    if !access.may(Permission::RecordProsecutorDecision) || access.may(Permission::ReadGuidance) {
        return Ok(Vec::new());
    }
    let today = today_in(state, access.case());
    Ok(store::sent_to_prosecutor(&state.store, access)
        .await?
        .iter()
        .map(|e| examination_view(access, lang, t, e, today))
        .collect())
}

pub async fn supervision_view(
    state: &AppState,
    access: &CaseAccess,
    lang: Lang,
    t: &Catalog,
) -> Result<SupervisionView, WebError> {
    let today = today_in(state, access.case());
    let examinations = store::for_case(&state.store, access).await?;
    let acts = access.may(Permission::DecideSupervision) || access.may(Permission::RecommendInTpp);
    let reports = store::reports(&state.store, access)
        .await?
        .into_iter()
        .map(|r| {
            use karya_domain::supervision::{ReportState, Reporter};
            ReportView {
                id: r.id,
                kind: report_kind_label(t, r.report.kind),
                state: report_state_label(t, r.state),
                open: r.state != ReportState::Closed,
                closes_next: r.state == ReportState::FollowedUp,
                line: format!(
                    "{} — {}",
                    views::date(lang, r.report.happened_on),
                    r.report.description
                ),
                reporter: match r.report.reporter {
                    Reporter::Supervisor => format!("{} ({})", t.report_by_pj, r.received_by),
                    Reporter::Community => fill(
                        t.report_by_community,
                        &[
                            ("name", &r.report.reporter_name),
                            ("contact", &r.report.reporter_contact),
                        ],
                    ),
                },
                follow_up: r.follow_up.unwrap_or_default(),
                outcome: r.outcome.unwrap_or_default(),
            }
        })
        .collect();
    Ok(SupervisionView {
        shown: true,
        reports,
        can_follow_up: access.may(Permission::FollowUpReports),
        can_advise: access.may(Permission::AdviseExamination) && !access.case().status.is_final(),
        examinations: examinations
            .iter()
            .map(|e| examination_view(access, lang, t, e, today))
            .collect(),
        staff: if acts {
            store::office_staff(&state.store, access)
                .await?
                .into_iter()
                .map(|s| (s.id.0.to_string(), s.name))
                .collect()
        } else {
            Vec::new()
        },
        methods: Method::ALL
            .into_iter()
            .map(|m| (m.as_str(), method_label(t, m)))
            .collect(),
    })
}

/// Puts the domain's refusals beside the fields, as the forms name them (`s_…`).
pub(super) fn add_refusals(
    errors: &mut FormErrors,
    ui: &Ui,
    error: SupervisionError,
) -> Result<(), WebError> {
    match error {
        SupervisionError::Rules(found) => {
            for v in found.iter() {
                errors.add(field(v.field), views::violation_message(ui.lang, v));
            }
            Ok(())
        }
        SupervisionError::Case(error) => {
            forms::add_refusal(errors, ui.lang, ui.t(), "s_examination", error)
        }
    }
}

fn field(domain: &str) -> &'static str {
    match domain {
        "what_happened" => "s_what_happened",
        "condition" => "s_condition",
        "evidence" => "s_evidence",
        "members" => "s_members",
        "chair" => "s_chair",
        "step_on" => "s_step_on",
        "step_record" => "s_step_record",
        "findings" => "s_findings",
        "recommendation" => "s_recommendation",
        "present" => "s_present",
        "deliberation" => "s_deliberation",
        "decision_reasons" => "s_reasons",
        "note" => "r_note",
        "progress" => "p_progress",
        "obstacles" => "p_obstacles",
        "next_steps" => "p_next_steps",
        "due_on" => "p_due",
        "review_note" => "p_review_note",
        "report" => "p_report",
        "order" => "s_p_order",
        "reference" => "s_p_reference",
        "decided_on" => "s_p_on",
        _ => "s_examination",
    }
}

fn back(access: &CaseAccess, done: &str) -> Response {
    back_to(access, done, "supervision")
}

/// Back to a section of the guidance page with the notice of what was done.
pub(super) fn back_to(access: &CaseAccess, done: &str, section: &str) -> Response {
    Redirect::to(&format!(
        "/cases/{}/guidance?done={done}#{section}",
        access.case().id.0
    ))
    .into_response()
}

fn exam_id(form: &Pairs) -> Result<i64, WebError> {
    form.get("exam").parse().map_err(|_| WebError::BadRequest)
}

fn users(form: &Pairs, name: &str) -> Vec<UserId> {
    form.all(name)
        .into_iter()
        .filter_map(|v| v.parse().ok().map(UserId))
        .collect()
}

async fn answer<T>(
    state: &AppState,
    ui: &Ui,
    access: &CaseAccess,
    form: Pairs,
    done: &str,
    result: Result<T, SupervisionError>,
) -> Result<Response, WebError> {
    answer_at(state, ui, access, form, (done, "supervision"), result).await
}

/// Answers an act: back to the page's `section` on success, the page with the refusal
/// otherwise.
pub(super) async fn answer_at<T>(
    state: &AppState,
    ui: &Ui,
    access: &CaseAccess,
    form: Pairs,
    (done, section): (&str, &str),
    result: Result<T, SupervisionError>,
) -> Result<Response, WebError> {
    match result {
        Ok(_) => Ok(back_to(access, done, section)),
        Err(error) => {
            let mut errors = FormErrors::default();
            add_refusals(&mut errors, ui, error)?;
            refused(state, ui, access, errors, form).await
        }
    }
}

fn report_kind_label(t: &Catalog, kind: karya_domain::supervision::ReportKind) -> &'static str {
    use karya_domain::supervision::ReportKind;
    match kind {
        ReportKind::NonCompliance => t.conduct_report_non_compliance,
        ReportKind::GoodDeed => t.conduct_report_good_deed,
    }
}

fn report_state_label(t: &Catalog, state: karya_domain::supervision::ReportState) -> &'static str {
    use karya_domain::supervision::ReportState;
    match state {
        ReportState::Received => t.report_state_received,
        ReportState::FollowedUp => t.report_state_followed_up,
        ReportState::Closed => t.report_state_closed,
    }
}

/// The reports the caller sent on the case, one line each with where it stands (S3).
pub async fn my_report_lines(
    state: &AppState,
    access: &CaseAccess,
    lang: Lang,
    t: &Catalog,
) -> Result<Vec<String>, WebError> {
    use karya_domain::supervision::Reporter;
    Ok(store::my_reports(&state.store, access)
        .await?
        .into_iter()
        .map(|r| {
            let kind = report_kind_label(t, r.report.kind);
            let state = report_state_label(t, r.state);
            let mut line = format!(
                "{} · {kind} · {state} — {}",
                views::date(lang, r.report.happened_on),
                r.report.description
            );
            if r.report.reporter == Reporter::Community {
                line = format!(
                    "{line} ({}, {})",
                    r.report.reporter_name, r.report.reporter_contact
                );
            }
            line
        })
        .collect())
}

/// The PJ, or the registry for someone of the community, reports the client's conduct (S3).
pub async fn report_conduct(
    State(state): State<AppState>,
    ui: Ui,
    access: CaseOf<can::ReportConduct>,
    Form(form): Form<Pairs>,
) -> Result<Response, WebError> {
    use karya_domain::supervision::{ConductReport, ReportKind, Reporter};
    let mut errors = FormErrors::default();
    let reporter =
        if access.role_for(Permission::ReportConduct) == Some(karya_domain::Role::SiteSupervisor) {
            Reporter::Supervisor
        } else {
            Reporter::Community
        };
    let kind = ReportKind::parse(form.get("c_kind")).ok_or(WebError::BadRequest)?;
    let happened_on = form.get("c_on").parse().ok();
    if happened_on.is_none() {
        errors.add("c_on", ui.t().date_invalid);
    }
    if let (true, Some(happened_on)) = (errors.is_empty(), happened_on) {
        let report = ConductReport {
            kind,
            reporter,
            reporter_name: form.get("c_name").to_owned(),
            reporter_contact: form.get("c_contact").to_owned(),
            happened_on,
            description: form.get("c_description").to_owned(),
        };
        let today = today_in(&state, access.case());
        match store::report_conduct(&state.store, &access, &report, today).await {
            Ok(_) => {
                return Ok(Redirect::to(&format!(
                    "/cases/{}?done=conduct_report#conduct-report",
                    access.case().id.0
                ))
                .into_response());
            }
            Err(SupervisionError::Rules(found)) => {
                for v in found.iter() {
                    let field = match v.field {
                        "happened_on" => "c_on",
                        "reporter_contact" => "c_contact",
                        _ => "c_description",
                    };
                    errors.add(field, views::violation_message(ui.lang, v));
                }
            }
            Err(SupervisionError::Case(error)) => {
                forms::add_refusal(&mut errors, ui.lang, ui.t(), "c_description", error)?
            }
        }
    }
    super::page_with_errors(
        &state,
        &ui,
        &access,
        super::RecordForm::keeping(&form),
        errors,
    )
    .await
}

/// The PK or the head follows a report up, then closes it with its outcome (S3).
pub async fn report_step(
    State(state): State<AppState>,
    ui: Ui,
    access: CaseOf<can::FollowUpReports>,
    Form(form): Form<Pairs>,
) -> Result<Response, WebError> {
    let id = form
        .get("report")
        .parse()
        .map_err(|_| WebError::BadRequest)?;
    let note = form.get("r_note").to_owned();
    let result = store::follow_up_report(&state.store, &access, id, &note).await;
    answer(&state, &ui, &access, form, "report_step", result).await
}

pub async fn advise(
    State(state): State<AppState>,
    ui: Ui,
    access: CaseOf<can::AdviseExamination>,
    Form(form): Form<Pairs>,
) -> Result<Response, WebError> {
    let ground = Ground::parse(form.get("s_ground")).ok_or(WebError::BadRequest)?;
    let advice = Advice {
        ground,
        condition: form.get("s_condition").to_owned(),
        what_happened: form.get("s_what_happened").to_owned(),
        evidence: form.get("s_evidence").to_owned(),
    };
    let result = store::advise(&state.store, &access, &advice).await;
    answer(&state, &ui, &access, form, "advice", result).await
}

pub async fn form_team(
    State(state): State<AppState>,
    ui: Ui,
    access: CaseOf<can::DecideSupervision>,
    Form(form): Form<Pairs>,
) -> Result<Response, WebError> {
    let id = exam_id(&form)?;
    let members = users(&form, "s_members");
    let chair = form.get("s_chair").parse().ok().map(UserId);
    let today = today_in(&state, access.case());
    let result = store::form_team(&state.store, &access, id, &members, chair, today).await;
    answer(&state, &ui, &access, form, "team", result).await
}

pub async fn record_step(
    State(state): State<AppState>,
    ui: Ui,
    access: CaseOf<can::ExamineCases>,
    Form(form): Form<Pairs>,
) -> Result<Response, WebError> {
    let id = exam_id(&form)?;
    let method = Method::parse(form.get("s_method")).ok_or(WebError::BadRequest)?;
    let Ok(on) = form.get("s_step_on").parse() else {
        let mut errors = FormErrors::default();
        errors.add("s_step_on", ui.t().date_invalid);
        return refused(&state, &ui, &access, errors, form).await;
    };
    let today = today_in(&state, access.case());
    let record = form.get("s_step_record").to_owned();
    let result = store::record_step(&state.store, &access, id, method, on, &record, today).await;
    answer(&state, &ui, &access, form, "step", result).await
}

pub async fn record_findings(
    State(state): State<AppState>,
    ui: Ui,
    access: CaseOf<can::ExamineCases>,
    Form(form): Form<Pairs>,
) -> Result<Response, WebError> {
    let id = exam_id(&form)?;
    let today = today_in(&state, access.case());
    let findings = form.get("s_findings").to_owned();
    let result = store::record_findings(&state.store, &access, id, &findings, today).await;
    answer(&state, &ui, &access, form, "findings", result).await
}

pub async fn recommend(
    State(state): State<AppState>,
    ui: Ui,
    access: CaseOf<can::RecommendInTpp>,
    Form(form): Form<Pairs>,
) -> Result<Response, WebError> {
    let id = exam_id(&form)?;
    let recommendation =
        Recommendation::parse(form.get("s_recommendation")).ok_or(WebError::BadRequest)?;
    let present = users(&form, "s_present");
    let today = today_in(&state, access.case());
    let deliberation = form.get("s_deliberation").to_owned();
    let result = store::recommend(
        &state.store,
        &access,
        id,
        recommendation,
        &present,
        &deliberation,
        today,
    )
    .await;
    answer(&state, &ui, &access, form, "recommendation", result).await
}

/// Accepted, a default order: it goes to the prosecutor as a Litmas (S8).
fn to_prosecutor(exam: &Examination) -> bool {
    exam.accepted == Some(true)
        && exam
            .recommendation
            .is_some_and(Recommendation::goes_to_prosecutor)
}

/// The recommendation in the decision's own terms: which default order, with its measure
/// (the prison term, the fine) as the decision states it (L8).
pub(crate) fn order_in_decision(
    t: &Catalog,
    orders: &[karya_domain::DefaultOrder],
    kind: karya_domain::supervision::OrderKind,
) -> String {
    use karya_domain::DefaultOrder;
    let words = crate::refusals::order_kind(t, kind);
    let measure = orders
        .iter()
        .find(|o| karya_domain::supervision::OrderKind::of(o) == kind)
        .and_then(|order| match order {
            DefaultOrder::RepeatWork => None,
            DefaultOrder::ServeImprisonment { months, days } => Some(
                karya_domain::sentence::PrisonTerm {
                    months: *months,
                    days: *days,
                }
                .wording_id(),
            ),
            DefaultOrder::PayFine { amount_rupiah, .. } => {
                Some(karya_domain::money::rupiah(*amount_rupiah))
            }
        });
    match measure {
        Some(measure) => format!("{words}: {measure}"),
        None => words.to_owned(),
    }
}

/// Issues the Litmas to the prosecutor for an accepted recommendation (S8): the Litmas for
/// guidance as approved, with the addressee and section g. Issuing it again unchanged
/// returns the same document.
async fn issue_litmas(
    state: &AppState,
    access: &CaseAccess,
    exam: &Examination,
) -> Result<i64, WebError> {
    use karya_docs::{
        Document, ExaminationStep, ExaminationTeam, ForProsecutor, HeadDecision, Printable,
        TppSession,
    };
    let t = Lang::Id.catalog();
    let case = access.case();
    let office = karya_store::orgs::office_of_case(&state.store, access).await?;
    let Document::Litmas(mut litmas) = super::forms_pdf::litmas(state, access, &office).await?
    else {
        return Err(WebError::BadRequest);
    };
    let Some(Recommendation::DefaultOrder(kind)) = exam.recommendation else {
        return Err(WebError::BadRequest);
    };
    let advice = &exam.advice;
    // An accepted recommendation has its team, session and decision; without them there is
    // nothing to send.
    let (Some(chair), Some(formed_on), Some(tpp_on), Some(decided_on)) =
        (&exam.chair, exam.formed_on, exam.tpp_on, exam.decided_on)
    else {
        return Err(WebError::Conflict);
    };
    litmas.for_prosecutor = Some(ForProsecutor {
        addressee: super::letters::prosecutors_head(case),
        ground: format!("{} {}", advice.condition, advice.what_happened)
            .trim()
            .to_owned(),
        team: ExaminationTeam {
            chair: chair.clone(),
            members: exam.members.clone(),
            formed_on,
        },
        steps: exam
            .steps
            .iter()
            .map(|s| ExaminationStep {
                on: s.on,
                method: method_label(t, s.method).to_owned(),
                record: s.record.clone(),
            })
            .collect(),
        findings: exam.findings.clone().unwrap_or_default(),
        session: TppSession {
            on: tpp_on,
            present: exam.tpp_present.clone(),
        },
        deliberation: exam.deliberation.clone().unwrap_or_default(),
        recommendation: order_in_decision(t, &case.terms.default_orders, kind),
        decision: HeadDecision {
            on: decided_on,
            reasons: exam.decision_reasons.clone().unwrap_or_default(),
        },
    });
    let document = Document::Litmas(litmas);
    let head = super::letters::letterhead(&office);
    let public_url = state.config.public_url.clone();
    let doc = karya_store::documents::ToIssue {
        office: office.id(),
        office_code: office.letter_code(),
        case: Some(case.id),
        kind: "litmas_prosecutor",
        number_format: &state.config.letter_number_format,
        issued_on: document.dated(),
        by: access.user().id,
        fingerprint: document.fingerprint(),
    };
    let render = super::letters::renderer(document, head, public_url, true);
    let issued = karya_store::documents::issue(
        &state.store,
        access,
        Permission::DecideSupervision,
        &doc,
        render,
    )
    .await?;
    Ok(issued.id)
}

/// The prosecutor's decision on the Litmas (S8), recorded by the prosecutor from the case page
/// or by the head from the prosecutor's letter on the guidance page.
pub async fn prosecutor_decision(
    State(state): State<AppState>,
    ui: Ui,
    access: CaseOf<can::RecordProsecutorDecision>,
    Form(form): Form<Pairs>,
) -> Result<Response, WebError> {
    let id = exam_id(&form)?;
    let order = rules::OrderKind::parse(form.get("s_p_order")).ok_or(WebError::BadRequest)?;
    let mut errors = FormErrors::default();
    let decided_on = form.get("s_p_on").parse().ok();
    if decided_on.is_none() {
        errors.add("s_p_on", ui.t().date_invalid);
    }
    let on_guidance_page = access.may(Permission::ReadGuidance);
    if let (true, Some(decided_on)) = (errors.is_empty(), decided_on) {
        let decision = rules::ProsecutorDecision {
            order,
            reference: form.get("s_p_reference").to_owned(),
            decided_on,
        };
        let today = today_in(&state, access.case());
        match store::record_prosecutor_decision(&state.store, &access, id, &decision, today).await {
            Ok(()) if on_guidance_page => return Ok(back(&access, "prosecutor_decision")),
            Ok(()) => {
                return Ok(Redirect::to(&format!(
                    "/cases/{}?done=prosecutor_decision#prosecutor-decision",
                    access.case().id.0
                ))
                .into_response());
            }
            Err(error) => add_refusals(&mut errors, &ui, error)?,
        }
    }
    if on_guidance_page {
        refused(&state, &ui, &access, errors, form).await
    } else {
        super::page_with_errors(
            &state,
            &ui,
            &access,
            super::RecordForm::keeping(&form),
            errors,
        )
        .await
    }
}

/// After the head's decision: an accepted default order goes to the prosecutor as a Litmas
/// at once (S8); its document id, or `None` when nothing goes.
pub(crate) async fn litmas_if_accepted(
    state: &AppState,
    access: &CaseAccess,
    id: i64,
) -> Result<Option<i64>, WebError> {
    let decided = store::for_case(&state.store, access)
        .await?
        .into_iter()
        .find(|e| e.id == id);
    match decided.filter(to_prosecutor) {
        Some(exam) => Ok(Some(issue_litmas(state, access, &exam).await?)),
        None => Ok(None),
    }
}

/// The head issues (again) the Litmas to the prosecutor for an accepted recommendation.
pub async fn litmas_to_prosecutor(
    State(state): State<AppState>,
    access: CaseOf<can::DecideSupervision>,
    Form(form): Form<Pairs>,
) -> Result<Response, WebError> {
    let id = exam_id(&form)?;
    let exam = store::for_case(&state.store, &access)
        .await?
        .into_iter()
        .find(|e| e.id == id)
        .ok_or(WebError::NotFound)?;
    if !to_prosecutor(&exam) {
        return Err(WebError::Conflict);
    }
    issue_litmas(&state, &access, &exam).await?;
    Ok(back(&access, "litmas_prosecutor"))
}

pub async fn decide(
    State(state): State<AppState>,
    ui: Ui,
    access: CaseOf<can::DecideSupervision>,
    Form(form): Form<Pairs>,
) -> Result<Response, WebError> {
    let id = exam_id(&form)?;
    let accept = match form.get("s_accept") {
        "yes" => true,
        "no" => false,
        _ => return Err(WebError::BadRequest),
    };
    let today = today_in(&state, access.case());
    let reasons = form.get("s_reasons").to_owned();
    let result = store::decide(&state.store, &access, id, accept, &reasons, today).await;
    if result.is_ok() && litmas_if_accepted(&state, &access, id).await?.is_some() {
        return Ok(back(&access, "litmas_prosecutor"));
    }
    answer(&state, &ui, &access, form, "decision", result).await
}

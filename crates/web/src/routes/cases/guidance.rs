//! The case's guidance page (seed §2.3.2; B1–B4): the PK records guidance activities beside
//! the Litmas risk and needs (B2), keeps the behaviour log (B3) and sets the Cycle of Change
//! stage (B4), whose history is a timeline. The head of office and the TPP read it. The
//! domain decides; this page words its refusals beside the fields, keeping what was typed.

use askama::Template;
use axum::Form;
use axum::extract::{FromRequest, Multipart, Query, Request, State};
use axum::response::{IntoResponse, Redirect, Response};
use jiff::civil::{Date, Time};
use karya_domain::Permission;
use karya_domain::guidance::{
    Activity, BehaviourEntry, BehaviourKind, ChangeStage, GuidanceKind, Leader, Setting, Source,
};
use karya_domain::litmas::RISK_LEVELS;
use karya_store::access::CaseAccess;
use karya_store::guidance::{self, GuidanceError, GuidanceRecord};

use super::today_in;
use crate::app::AppState;
use crate::auth::{CaseOf, can};
use crate::error::WebError;
use crate::forms::{self, FormErrors, Pairs};
use crate::i18n::{Lang, fill};
use crate::page::{Page, Ui, render};
use crate::views;

/// One activity as listed.
pub struct ActivityRow {
    pub when: String,
    pub kind: &'static str,
    pub setting: &'static str,
    pub place: String,
    pub leader: String,
    pub note: String,
    pub by: String,
}

/// One behaviour entry as listed.
pub struct BehaviourRow {
    /// The link to the entry's evidence (B3), if any.
    pub evidence: Option<String>,
    pub on: String,
    pub kind: &'static str,
    pub good_deed: bool,
    pub source: &'static str,
    pub description: String,
    pub by: String,
}

/// One stage on the timeline.
pub struct StageRow {
    pub stage: &'static str,
    pub relapse: bool,
    pub reason: String,
    pub by: String,
    pub at: String,
}

/// The Litmas' risk and needs, beside the activity form (B2).
pub struct LitmasBrief {
    pub danger_risk: &'static str,
    pub reoffending_risk: &'static str,
    pub needs: String,
    pub guidance_plan: String,
}

type Options = Vec<(&'static str, &'static str)>;

#[derive(Template)]
#[template(path = "guidance.html")]
pub struct GuidancePage {
    page: Page,
    id: i64,
    errors: FormErrors,
    can_record: bool,
    litmas: Option<LitmasBrief>,
    current_stage: String,
    stages: Vec<StageRow>,
    activities: Vec<ActivityRow>,
    behaviour: Vec<BehaviourRow>,
    kinds: Options,
    settings: Options,
    leaders: Options,
    behaviour_kinds: Options,
    sources: Options,
    stage_options: Options,
    /// What was typed into a refused form, or the defaults.
    form: Pairs,
    supervision: super::supervision::SupervisionView,
    progress: super::progress_reports::ProgressView,
}

impl GuidancePage {
    /// The value of a field: as typed, or its default.
    fn value<'a>(&'a self, name: &str) -> &'a str {
        self.form.get(name)
    }
}

fn options<T: Copy>(
    all: &[T],
    code: fn(T) -> &'static str,
    label: impl Fn(T) -> &'static str,
) -> Options {
    all.iter().map(|v| (code(*v), label(*v))).collect()
}

fn risk_label(lang: Lang, code: &str) -> &'static str {
    RISK_LEVELS
        .iter()
        .find(|(c, _, _)| *c == code)
        .map_or("-", |(_, id, en)| lang.pick(*id, *en))
}

async fn page(
    state: &AppState,
    ui: &Ui,
    access: &CaseAccess,
    errors: FormErrors,
    typed: Option<Pairs>,
) -> Result<GuidancePage, WebError> {
    let lang = ui.lang;
    let t = ui.t();
    let case = access.case();
    let record: GuidanceRecord = guidance::record_of(&state.store, access).await?;
    let litmas = if access.may(Permission::ReadLitmas) {
        karya_store::litmas::get(&state.store, access)
            .await?
            .map(|l| LitmasBrief {
                danger_risk: risk_label(lang, &l.sections.risk_level),
                reoffending_risk: risk_label(lang, &l.sections.reoffending_risk),
                needs: l.sections.needs.clone(),
                guidance_plan: l.sections.guidance_plan.clone(),
            })
    } else {
        None
    };
    let pick = |id: &'static str, en: &'static str| lang.pick(id, en);
    let today = today_in(state, case).to_string();
    let progress = super::progress_reports::progress_view(state, access, lang, t).await?;
    let form = typed.unwrap_or_else(|| {
        let mut defaults = vec![
            ("g_on".into(), today.clone()),
            ("b_on".into(), today.clone()),
            ("g_from".into(), "16:00".into()),
            ("g_to".into(), "17:00".into()),
        ];
        // A report the head returned opens with what the PK wrote.
        if let Some(next) = &progress.next {
            defaults.push(("p_progress".into(), next.progress.clone()));
            defaults.push(("p_obstacles".into(), next.obstacles.clone()));
            defaults.push(("p_next_steps".into(), next.next_steps.clone()));
        }
        Pairs(defaults)
    });
    Ok(GuidancePage {
        page: ui.page(&fill(t.guidance_title, &[("name", &case.client_name)])),
        id: case.id.0,
        errors,
        can_record: access.may(Permission::RecordGuidance) && !case.status.is_final(),
        litmas,
        current_stage: record.current_stage().map_or_else(
            || t.guidance_stage_none.to_owned(),
            |s| pick(s.label_id(), s.label_en()).to_owned(),
        ),
        stages: record
            .stages
            .iter()
            .rev()
            .map(|s| StageRow {
                stage: pick(s.stage.label_id(), s.stage.label_en()),
                relapse: s.movement == "relapse",
                reason: s.reason.clone(),
                by: s.set_by.clone(),
                at: views::stored_instant(lang, &s.set_at, case.zone),
            })
            .collect(),
        activities: record
            .activities
            .iter()
            .map(|a| {
                let x = &a.activity;
                ActivityRow {
                    when: format!(
                        "{} · {}–{}",
                        views::date(lang, x.on),
                        views::time(lang, x.from),
                        views::time(lang, x.to)
                    ),
                    kind: pick(x.kind.label_id(), x.kind.label_en()),
                    setting: pick(x.setting.label_id(), x.setting.label_en()),
                    place: x.place.clone(),
                    leader: if x.leader == Leader::Pk {
                        pick(x.leader.label_id(), x.leader.label_en()).to_owned()
                    } else {
                        format!(
                            "{}: {}",
                            pick(x.leader.label_id(), x.leader.label_en()),
                            x.leader_name
                        )
                    },
                    note: x.note.clone(),
                    by: a.recorded_by.clone(),
                }
            })
            .collect(),
        behaviour: record
            .behaviour
            .iter()
            .map(|b| BehaviourRow {
                evidence: b
                    .evidence_file
                    .map(|file| format!("/cases/{}/files/{file}", case.id.0)),
                on: views::date(lang, b.entry.on),
                kind: pick(b.entry.kind.label_id(), b.entry.kind.label_en()),
                good_deed: b.entry.kind.is_good_deed(),
                source: pick(b.entry.source.label_id(), b.entry.source.label_en()),
                description: b.entry.description.clone(),
                by: b.recorded_by.clone(),
            })
            .collect(),
        kinds: options(GuidanceKind::ALL, GuidanceKind::as_str, |k| {
            pick(k.label_id(), k.label_en())
        }),
        settings: options(Setting::ALL, Setting::as_str, |k| {
            pick(k.label_id(), k.label_en())
        }),
        leaders: options(Leader::ALL, Leader::as_str, |k| {
            pick(k.label_id(), k.label_en())
        }),
        behaviour_kinds: options(BehaviourKind::ALL, BehaviourKind::as_str, |k| {
            pick(k.label_id(), k.label_en())
        }),
        sources: options(Source::ALL, Source::as_str, |k| {
            pick(k.label_id(), k.label_en())
        }),
        stage_options: options(ChangeStage::ALL, ChangeStage::as_str, |k| {
            pick(k.label_id(), k.label_en())
        }),
        form,
        supervision: super::supervision::supervision_view(state, access, lang, t).await?,
        progress,
    })
}

pub async fn show(
    State(state): State<AppState>,
    ui: Ui,
    access: CaseOf<can::ReadGuidance>,
    Query(notice): Query<super::Notice>,
) -> Result<Response, WebError> {
    let mut page = page(&state, &ui, &access, FormErrors::default(), None).await?;
    page.page = page.page.with_notice(notice.message(ui.t()));
    render(&page)
}

pub(super) async fn refused(
    state: &AppState,
    ui: &Ui,
    access: &CaseAccess,
    errors: FormErrors,
    form: Pairs,
) -> Result<Response, WebError> {
    let mut response = render(&page(state, ui, access, errors, Some(form)).await?)?;
    *response.status_mut() = axum::http::StatusCode::UNPROCESSABLE_ENTITY;
    Ok(response)
}

/// Puts each of the domain's refusals beside its field, named as the form names it.
fn add_refusals(
    errors: &mut FormErrors,
    ui: &Ui,
    error: GuidanceError,
    field: fn(&str) -> &'static str,
) -> Result<(), WebError> {
    match error {
        GuidanceError::Rules(found) => {
            for violation in found.iter() {
                errors.add(
                    field(violation.field),
                    views::violation_message(ui.lang, violation),
                );
            }
            Ok(())
        }
        GuidanceError::Upload(error) => {
            let purpose = karya_store::files::Purpose::BehaviourEvidence;
            let message =
                super::files::upload_error(ui.t(), &error, purpose).ok_or(WebError::BadRequest)?;
            errors.add("b_evidence", message);
            Ok(())
        }
        GuidanceError::Case(error) => forms::add_refusal(errors, ui.lang, ui.t(), field(""), error),
    }
}

fn parse_time(errors: &mut FormErrors, ui: &Ui, field: &'static str, text: &str) -> Option<Time> {
    let time = text.trim().parse::<Time>().ok();
    if time.is_none() {
        errors.add(field, ui.t().time_invalid);
    }
    time
}

fn parse_date(errors: &mut FormErrors, ui: &Ui, field: &'static str, text: &str) -> Option<Date> {
    let day = text.trim().parse::<Date>().ok();
    if day.is_none() {
        errors.add(field, ui.t().date_invalid);
    }
    day
}

fn back(access: &CaseAccess, done: &str, anchor: &str) -> Response {
    Redirect::to(&format!(
        "/cases/{}/guidance?done={done}#{anchor}",
        access.case().id.0
    ))
    .into_response()
}

/// The activity form's name of a field the domain names.
fn activity_field(field: &str) -> &'static str {
    match field {
        "on" => "g_on",
        "from" => "g_from",
        "to" => "g_to",
        "place" => "g_place",
        "note" => "g_note",
        "leader_name" => "g_leader_name",
        "clients_wish" => "g_wish",
        _ => "g_kind",
    }
}

pub async fn record_activity(
    State(state): State<AppState>,
    ui: Ui,
    access: CaseOf<can::RecordGuidance>,
    Form(form): Form<Pairs>,
) -> Result<Response, WebError> {
    let t = ui.t();
    let mut errors = FormErrors::default();
    let kind = GuidanceKind::parse(form.get("g_kind"));
    if kind.is_none() {
        errors.add("g_kind", t.field_required);
    }
    let setting = Setting::parse(form.get("g_setting"));
    if setting.is_none() {
        errors.add("g_setting", t.field_required);
    }
    let leader = Leader::parse(form.get("g_leader"));
    if leader.is_none() {
        errors.add("g_leader", t.field_required);
    }
    let on = parse_date(&mut errors, &ui, "g_on", form.get("g_on"));
    let from = parse_time(&mut errors, &ui, "g_from", form.get("g_from"));
    let to = parse_time(&mut errors, &ui, "g_to", form.get("g_to"));
    let place = forms::text(&mut errors, t, "g_place", form.get("g_place"), 300, false);
    let leader_name = forms::text(
        &mut errors,
        t,
        "g_leader_name",
        form.get("g_leader_name"),
        200,
        false,
    );
    let note = forms::text(&mut errors, t, "g_note", form.get("g_note"), 4000, false);
    if let (true, Some(kind), Some(setting), Some(leader), Some(on), Some(from), Some(to)) =
        (errors.is_empty(), kind, setting, leader, on, from, to)
    {
        let activity = Activity {
            kind,
            on,
            from,
            to,
            setting,
            place,
            leader,
            leader_name,
            clients_wish: form.has("g_wish"),
            note,
        };
        let today = today_in(&state, access.case());
        match guidance::record_activity(&state.store, &access, &activity, today).await {
            Ok(_) => return Ok(back(&access, "guidance_activity", "activities")),
            Err(error) => add_refusals(&mut errors, &ui, error, activity_field)?,
        }
    }
    refused(&state, &ui, &access, errors, form).await
}

fn behaviour_field(field: &str) -> &'static str {
    match field {
        "on" => "b_on",
        "description" => "b_description",
        _ => "b_kind",
    }
}

/// The behaviour form: its fields, and the evidence file when one was chosen (B3). A plain
/// form (no file) is read as such.
async fn behaviour_form(request: Request) -> Result<(Pairs, Option<Vec<u8>>), Response> {
    if !forms::is_multipart(&request) {
        let Form(form) = Form::<Pairs>::from_request(request, &())
            .await
            .map_err(IntoResponse::into_response)?;
        return Ok((form, None));
    }
    let mut multipart = Multipart::from_request(request, &())
        .await
        .map_err(IntoResponse::into_response)?;
    let mut pairs = Vec::new();
    let mut evidence = None;
    while let Some(field) = multipart
        .next_field()
        .await
        .map_err(IntoResponse::into_response)?
    {
        let name = field.name().unwrap_or_default().to_owned();
        if name == "b_evidence" {
            let bytes = field.bytes().await.map_err(IntoResponse::into_response)?;
            evidence = (!bytes.is_empty()).then(|| bytes.to_vec());
            continue;
        }
        let value = field.text().await.map_err(IntoResponse::into_response)?;
        pairs.push((name, value));
    }
    Ok((Pairs(pairs), evidence))
}

pub async fn record_behaviour(
    State(state): State<AppState>,
    ui: Ui,
    access: CaseOf<can::RecordGuidance>,
    request: Request,
) -> Result<Response, WebError> {
    let (form, evidence) = match behaviour_form(request).await {
        Ok(read) => read,
        Err(response) if response.status() == axum::http::StatusCode::PAYLOAD_TOO_LARGE => {
            return Ok(response);
        }
        Err(_) => return Err(WebError::BadRequest),
    };
    let t = ui.t();
    let mut errors = FormErrors::default();
    let kind = BehaviourKind::parse(form.get("b_kind"));
    if kind.is_none() {
        errors.add("b_kind", t.field_required);
    }
    let source = Source::parse(form.get("b_source"));
    if source.is_none() {
        errors.add("b_source", t.field_required);
    }
    let on = parse_date(&mut errors, &ui, "b_on", form.get("b_on"));
    let description = forms::text(
        &mut errors,
        t,
        "b_description",
        form.get("b_description"),
        4000,
        false,
    );
    if let (true, Some(kind), Some(source), Some(on)) = (errors.is_empty(), kind, source, on) {
        let entry = BehaviourEntry {
            kind,
            on,
            source,
            description,
        };
        let today = today_in(&state, access.case());
        let evidence = evidence.as_deref();
        match guidance::record_behaviour_with_evidence(
            &state.store,
            &access,
            &entry,
            today,
            evidence,
        )
        .await
        {
            Ok(_) => return Ok(back(&access, "behaviour", "behaviour")),
            Err(error) => add_refusals(&mut errors, &ui, error, behaviour_field)?,
        }
    }
    refused(&state, &ui, &access, errors, form).await
}

fn stage_field(field: &str) -> &'static str {
    match field {
        "reason" => "stage_reason",
        _ => "stage",
    }
}

pub async fn set_stage(
    State(state): State<AppState>,
    ui: Ui,
    access: CaseOf<can::RecordGuidance>,
    Form(form): Form<Pairs>,
) -> Result<Response, WebError> {
    let t = ui.t();
    let mut errors = FormErrors::default();
    let stage = ChangeStage::parse(form.get("stage"));
    if stage.is_none() {
        errors.add("stage", t.field_required);
    }
    let reason = forms::text(
        &mut errors,
        t,
        "stage_reason",
        form.get("stage_reason"),
        2000,
        false,
    );
    if let (true, Some(stage)) = (errors.is_empty(), stage) {
        match guidance::set_stage(&state.store, &access, stage, &reason).await {
            Ok(_) => return Ok(back(&access, "stage", "stages")),
            Err(error) => add_refusals(&mut errors, &ui, error, stage_field)?,
        }
    }
    refused(&state, &ui, &access, errors, form).await
}

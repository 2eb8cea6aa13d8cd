//! The case page's view model: built from the case, its ledger and the caller's rights.

use askama::Template;
use karya_domain::ledger::Attestation;
use karya_domain::milestones::{self, MilestoneBasis, MilestoneState};
use karya_domain::{DefaultOrder, EntryState, ReplacedPenalty, Role, progress};
use karya_store::attendance::{self as ledger_store, Step};
use karya_store::cases::Case;
use karya_store::{audit, evaluations, placements};

use super::today_in;
use crate::app::AppState;
use crate::error::WebError;
use crate::forms::FormErrors;
use crate::i18n::{Catalog, Lang, fill};
use crate::page::{Page, Ui};
use crate::views;
use karya_domain::Permission;
use karya_store::access::CaseAccess;

use super::transition_buttons::transitions;
pub use super::transition_buttons::{DEDICATED, TransitionButton};

pub use super::intake_view::IntakeView;
use super::intake_view::intake_view;

/// The daily-report form as typed, and the assistance form's values when it is shown again.
#[derive(Debug, Clone, Default, serde::Deserialize)]
pub struct RecordForm {
    #[serde(default)]
    pub assistance_step: String,
    #[serde(default)]
    pub assistance_on: String,
    #[serde(default)]
    pub assistance_note: String,
    #[serde(default)]
    pub date: String,
    #[serde(default)]
    pub time_in: String,
    #[serde(default)]
    pub time_out: String,
    #[serde(default)]
    pub activity: String,
    #[serde(default, rename = "_once")]
    pub once: String,
    /// What the user typed into another form of the page that was refused, shown again
    /// (issue 13, item 2: bad input loses nothing).
    #[serde(skip)]
    pub typed: Vec<(String, String)>,
}

impl RecordForm {
    /// The page's forms, keeping what was typed into a refused one.
    pub fn keeping(form: &crate::forms::Pairs) -> RecordForm {
        RecordForm {
            typed: form.0.clone(),
            ..RecordForm::default()
        }
    }

    /// The value typed into `name`, or "".
    pub fn typed(&self, name: &str) -> &str {
        self.typed
            .iter()
            .find(|(k, _)| k == name)
            .map_or("", |(_, v)| v.as_str())
    }

    /// Whether the radio `name` was sent with `value`.
    pub fn chose(&self, name: &str, value: &str) -> bool {
        self.typed(name) == value
    }
}

pub struct LedgerView {
    pub credited_pct: String,
    pub pending_pct: String,
    pub pending_x: String,
    pub chart_label: String,
    pub credited: String,
    pub pending: String,
    pub remaining: String,
    pub ordered: String,
    pub rejected: String,
}

pub struct MilestoneRow {
    pub name: String,
    pub when: String,
    pub state: &'static str,
    pub state_class: &'static str,
    pub can_mark: bool,
    pub basis: &'static str,
    pub quarter: i64,
    /// This milestone's evaluation form was the one submitted and refused (M4): its fields
    /// keep the plain ids the error summary links to, and what was typed.
    pub submitted: bool,
    /// The suffix of its fields' ids otherwise (`window-1`).
    pub item: String,
    /// The success indicators (a)–(c): (field, legend); and the findings: (value, label).
    pub indicators: Vec<(&'static str, &'static str)>,
    pub findings: Vec<(&'static str, &'static str)>,
}

pub struct EntryRow {
    pub id: i64,
    pub date: String,
    pub time: String,
    pub duration: String,
    pub activity: String,
    pub state: String,
    pub people: String,
    pub verify_label: Option<&'static str>,
    /// Evidence of the day (B7): (view link, the PK's note if insufficient, attachment id,
    /// preview link).
    pub evidence: Vec<(String, Option<String>, i64, Option<String>)>,
}

/// Reports shown open on the case page beyond those waiting for the viewer.
const RECENT_REPORTS: usize = 5;

#[derive(Template)]
#[template(path = "case.html")]
pub struct CasePage {
    pub page: Page,
    pub id: i64,
    /// The guidance page (B1–B4) is open to the caller.
    pub can_read_guidance: bool,
    /// The caller may report the client's conduct (S3): `Some(true)` as someone of the
    /// community through the office (the reporter's name and contact are asked).
    pub reports_conduct: Option<bool>,
    /// The reports of conduct the caller sent on this case, and where each stands.
    pub my_reports: Vec<String>,
    /// The prosecutor's decisions on the Litmas sent to them (S8).
    pub prosecutor_exams: Vec<super::supervision::ExaminationView>,
    pub client_name: String,
    pub status: &'static str,
    pub facts: Vec<(&'static str, String)>,
    pub terms: Vec<(&'static str, String)>,
    pub window: String,
    /// The window's last day, in words.
    pub deadline: String,
    pub days_left: String,
    pub ledger: LedgerView,
    pub progress: Option<(&'static str, &'static str)>,
    pub pace: String,
    pub projected: String,
    pub milestones: Vec<MilestoneRow>,
    /// The reports waiting for the viewer's verification and the latest others.
    pub entries: Vec<EntryRow>,
    /// The older reports, folded away.
    pub older_entries: Vec<EntryRow>,
    /// "Laporan sebelumnya (12)".
    pub older_entries_label: String,
    pub can_record: bool,
    /// The report form is open: the registry transcribes paper forms as its daily work;
    /// others open it when they need it.
    pub record_open: bool,
    pub record_intro: String,
    pub form: RecordForm,
    pub errors: FormErrors,
    pub transitions: Vec<TransitionButton>,
    pub history: Vec<crate::event_words::EventLine>,
    /// The viewer reads the audit trail: the history shows each raw event too.
    pub shows_raw_events: bool,
    /// The PK appointment's steps and history.
    pub appointment: super::appointment::AppointmentView,
    pub intake: IntakeView,
    /// Issued letters: (label, number and version, issued on, download path, verify path).
    pub letters: Vec<(&'static str, String, String, String, String)>,
    /// Letters the caller may issue now: (kind, button label).
    pub letter_buttons: Vec<LetterButton>,
    /// The letters section is open: there is one to issue, or one was just issued.
    pub letters_open: bool,
    /// The registry may enter the person in the register book now.
    pub can_register: bool,
    /// From placement on, the hours matter: the ledger, reports and milestones are shown.
    pub shows_ledger: bool,
    /// The placement profile, Litmas and placement links, and the placements.
    pub assessment: super::assessment_view::AssessmentView,
    /// The termination procedure (T1–T3).
    pub termination: super::termination::TerminationView,
    /// The client's login: `Some(username)` once created; the registry may create it.
    pub client_login: Option<String>,
    pub can_create_login: bool,
    /// The PK's visits and attitude assessments (B6).
    pub visits: super::visits::VisitsView,
    pub assistance: super::assistance::AssistanceView,
    /// The client may complain; the complaints so far (text, filed, read).
    pub can_complain: bool,
    pub complaints: Vec<(String, String, bool)>,
    /// The PK may mark evidence insufficient (B7).
    pub can_mark_evidence: bool,
    /// Uploaded scans and images, and what the caller may upload.
    pub files: super::files_view::FilesView,
    /// The SOP steps done for the case against their standards.
    pub sop_rows: Vec<super::sop_view::SopRow>,
    /// SOP steps the caller may mark done by hand: (value, label).
    pub sop_marks: Vec<(String, String)>,
    /// How the case ended, once terminated: shown instead of days left (issue 13, item 6).
    pub ended: Option<String>,
    /// What the case waits for from the viewer, first on the page: (task, where to act).
    pub my_tasks: Vec<(&'static str, String)>,
}

fn percent(part: i64, whole: i64) -> f64 {
    if whole <= 0 {
        0.0
    } else {
        (part as f64 * 100.0 / whole as f64).clamp(0.0, 100.0)
    }
}

fn terms_rows(t: &Catalog, lang: Lang, case: &Case) -> Vec<(&'static str, String)> {
    let terms = &case.terms;
    let replaced = match terms.replaced {
        ReplacedPenalty::Imprisonment { months, days } => {
            format!(
                "{}: {}",
                t.replaced_imprisonment,
                karya_domain::sentence::PrisonTerm { months, days }.wording_id()
            )
        }
        ReplacedPenalty::Fine { amount_rupiah } => format!(
            "{}: Rp{}",
            t.replaced_fine,
            karya_domain::money::rupiah(amount_rupiah)
        ),
    };
    let orders: Vec<&str> = terms
        .default_orders
        .iter()
        .map(|order| match order {
            DefaultOrder::RepeatWork => t.default_repeat,
            DefaultOrder::ServeImprisonment { .. } => t.default_prison,
            DefaultOrder::PayFine { .. } => t.default_fine,
        })
        .collect();
    vec![
        (t.court, terms.court.clone()),
        (t.decision_number, terms.decision_number.clone()),
        (t.decision_date, views::date(lang, terms.decision_date)),
        (t.date_final, views::date(lang, terms.date_final)),
        (t.offence_articles, terms.offence_articles.clone()),
        (t.max_threat_months, terms.max_threat_months.to_string()),
        (t.replaced, replaced),
        (t.hours_ordered, views::duration(lang, terms.hours_ordered)),
        (t.schedule_text, terms.schedule.text.clone()),
        (t.default_orders, orders.join("; ")),
    ]
}

/// Builds the case page for `case`, with `form` and `errors` for the daily-report form.
pub async fn case_page(
    state: &AppState,
    ui: &Ui,
    access: &CaseAccess,
    form: RecordForm,
    errors: FormErrors,
    notice: Option<&str>,
) -> Result<CasePage, WebError> {
    let t = ui.t();
    let lang = ui.lang;
    let case = access.case();
    let (ledger, views_of_entries) = ledger_store::ledger(&state.store, access).await?;
    let today = today_in(state, case);
    let totals = ledger.totals();
    let progress = progress::progress(&ledger, today);
    let done = evaluations::done(&state.store, access).await?;
    let can_evaluate = access.may(Permission::EvaluateCases);
    // An ended case has no evaluation left to take (issue 13, item 6).
    let milestones = milestones::milestones(&ledger, today, &done)
        .into_iter()
        .filter(|_| !case.status.is_final())
        .map(|m| MilestoneRow {
            name: views::milestone_name(t, m.key.basis, m.key.quarter),
            when: match (m.day, m.threshold) {
                (Some(day), _) => views::date(lang, day),
                (None, Some(threshold)) => views::duration(lang, threshold),
                (None, None) => String::new(),
            },
            state: views::milestone_state(t, m.state),
            state_class: match m.state {
                MilestoneState::Upcoming => "upcoming",
                MilestoneState::Due => "due",
                MilestoneState::Done => "done",
                MilestoneState::Late => "late",
            },
            can_mark: can_evaluate && matches!(m.state, MilestoneState::Due | MilestoneState::Late),
            basis: basis_name(m.key.basis),
            quarter: m.key.quarter.quarters(),
            submitted: form.typed("quarter") == m.key.quarter.quarters().to_string()
                && form.typed("basis") == basis_name(m.key.basis),
            item: format!("{}-{}", basis_name(m.key.basis), m.key.quarter.quarters()),
            indicators: vec![
                ("e_a", t.evaluation_indicator_a),
                ("e_b", t.evaluation_indicator_b),
                ("e_c", t.evaluation_indicator_c),
            ],
            findings: karya_domain::evaluation::Finding::ALL
                .iter()
                .map(|f| (f.as_str(), views::finding(t, *f)))
                .collect(),
        })
        .collect();
    let verifier = access
        .role_for(Permission::VerifyAttendance)
        .and_then(ledger_store::step_of);
    let evidence: Vec<karya_store::files::Attachment> =
        karya_store::files::for_case(&state.store, access)
            .await?
            .into_iter()
            .filter(|a| a.entry_id.is_some())
            .collect();
    let me = access.user().id.0;
    let entries = views_of_entries
        .iter()
        .map(|view| {
            let (day, start) = views::local(case.zone, view.entry.start);
            let (_, end) = views::local(case.zone, view.entry.end);
            let mut people = vec![
                fill(t.entry_by, &[("name", &view.reporter_name)]),
                match view.attestation {
                    Some(Attestation::OwnAccount) => t.entry_signed_own_account,
                    Some(Attestation::SupervisorDevice) => t.entry_signed_on_supervisor_device,
                    None => t.entry_unsigned,
                }
                .to_owned(),
            ];
            people.extend(view.supervisor_name.iter().map(|n| format!("PJ: {n}")));
            people.extend(view.pk_name.iter().map(|n| format!("PK: {n}")));
            let verify_label = match (&view.entry.state, verifier) {
                _ if view.entry.reported_by == me => None,
                (EntryState::Reported, Some(Step::Supervisor)) => Some(t.verify_as_supervisor),
                (EntryState::SupervisorVerified { .. }, Some(Step::Pk)) => Some(t.verify_as_pk),
                _ => None,
            };
            EntryRow {
                id: view.entry.id,
                date: views::date(lang, day),
                time: format!("{start}–{end}"),
                duration: views::duration(lang, karya_domain::Minutes::new(view.minutes)),
                activity: view.activity.clone(),
                state: views::entry_state(t, &view.entry.state),
                people: people.join(", "),
                verify_label,
                evidence: evidence
                    .iter()
                    .filter(|a| a.entry_id == Some(view.entry.id))
                    .map(|a| {
                        (
                            format!("/cases/{}/files/{}", case.id.0, a.id),
                            a.insufficient_note.clone(),
                            a.id,
                            a.thumb_sha256
                                .as_ref()
                                .map(|_| format!("/cases/{}/files/{}/thumb", case.id.0, a.id)),
                        )
                    })
                    .collect(),
            }
        })
        .collect();
    // What waits for the viewer and the latest five stay in view; older reports fold away.
    let all_entries: Vec<EntryRow> = entries;
    let recent_from = all_entries.len().saturating_sub(RECENT_REPORTS);
    let (mut entries, mut older_entries) = (Vec::new(), Vec::new());
    for (i, entry) in all_entries.into_iter().enumerate() {
        if i >= recent_from || entry.verify_label.is_some() {
            entries.push(entry);
        } else {
            older_entries.push(entry);
        }
    }
    let ordered = totals.ordered.0;
    let credited_pct = percent(totals.credited.0, ordered);
    let pending_pct = percent(totals.pending.0, ordered).min(100.0 - credited_pct);
    let amounts = [
        ("credited", views::duration(lang, totals.credited)),
        ("pending", views::duration(lang, totals.pending)),
        ("remaining", views::duration(lang, totals.remaining)),
        ("ordered", views::duration(lang, totals.ordered)),
    ];
    let ledger_view = LedgerView {
        credited_pct: format!("{credited_pct:.2}"),
        pending_pct: format!("{pending_pct:.2}"),
        pending_x: format!("{credited_pct:.2}"),
        chart_label: fill(
            t.ledger_chart_label,
            &amounts
                .iter()
                .map(|(k, v)| (*k, v.as_str()))
                .collect::<Vec<_>>(),
        ),
        credited: amounts[0].1.clone(),
        pending: amounts[1].1.clone(),
        remaining: amounts[2].1.clone(),
        ordered: amounts[3].1.clone(),
        rejected: views::duration(lang, totals.rejected),
    };
    let serving = matches!(
        case.status,
        karya_domain::CaseStatus::Serving | karya_domain::CaseStatus::UnderExamination
    );
    // The history names officers and what they did: for those who read the office's letters,
    // not for the client, the work place or the prosecutor's own pages.
    let history = if access.may(Permission::ReadLetters)
        && !access.user().roles.contains(&Role::Prosecutor)
    {
        let events = audit::for_object(&state.store, "case", &case.id.to_string(), 50).await?;
        crate::event_words::lines(state, lang, &events, |_| case.zone).await?
    } else {
        Vec::new()
    };
    let intake = intake_view(state, access, lang, t).await?;
    let letters = karya_store::documents::for_case(&state.store, access)
        .await?
        .into_iter()
        .map(|doc| {
            let label = crate::routes::verify::kind_label(t, &doc.kind);
            let issued = doc
                .issued_on
                .parse()
                .map(|d| views::date(lang, d))
                .unwrap_or(doc.issued_on.clone());
            let version = fill(t.letter_version, &[("n", &doc.version.to_string())]);
            // The prosecutor's receipt, beside the document the Bapas sent.
            let issued = match (&doc.received_by, &doc.received_at) {
                (Some(name), Some(at)) => format!(
                    "{issued} · {}",
                    fill(
                        t.letter_received_by,
                        &[
                            ("name", name),
                            ("at", &views::stored_instant(lang, at, case.zone))
                        ]
                    )
                ),
                _ => issued,
            };
            (
                label,
                format!("{} ({version})", doc.number),
                issued,
                format!("/cases/{}/letters/{}", case.id.0, doc.id),
                format!("/v/{}", doc.code),
            )
        })
        .collect();
    let letter_buttons = letter_buttons(state, access, lang).await?;
    let assistance = super::assistance::assistance_view(state, access, lang, t, &form).await?;
    let my_reports = if access.may(Permission::ReportConduct) {
        super::supervision::my_report_lines(state, access, lang, t).await?
    } else {
        Vec::new()
    };
    let transitions = transitions(access, lang, t);
    let mut facts = vec![(t.case_office, case.office_name.clone())];
    if let Some(channel) = case.intake.channel {
        let label = lang.say(&channel);
        facts.push((t.channel, label.to_owned()));
    }
    let handed = if case.intake.handed_over {
        t.handed_over
    } else {
        t.not_handed_over
    };
    facts.push((t.handover_fact, handed.to_owned()));
    if let Some(number) = &case.intake.execution_letter_number {
        let date = case
            .intake
            .execution_letter_date
            .map(|d| views::date(lang, d))
            .unwrap_or_default();
        let issuer = case
            .intake
            .execution_letter_issuer
            .clone()
            .unwrap_or_default();
        // Only the parts recorded: never a dangling ", ," (issue 13, item 12).
        let parts: Vec<&str> = [number.as_str(), date.as_str(), issuer.as_str()]
            .into_iter()
            .map(str::trim)
            .filter(|part| !part.is_empty())
            .collect();
        facts.push((t.execution_letter, parts.join(", ")));
    }
    facts.extend(case.pk_name.clone().map(|name| (t.case_pk, name)));
    facts.extend(
        case.prosecutor_office_name
            .clone()
            .map(|name| (t.prosecutor_office, name)),
    );
    if let Some(partner) = placements::current_partner_name(&state.store, access).await? {
        facts.push((t.partner, partner));
    }
    let ended = ended_line(state, access, lang).await?;
    let letters_open = !letter_buttons.is_empty() || notice == Some(t.letter_issued);
    let my_tasks = my_tasks(state, access, lang).await?;
    Ok(CasePage {
        ended,
        my_tasks,
        page: ui
            .page(&format!("{} · {}", case.client_name, case.decision_number))
            .with_notice(notice),
        id: case.id.0,
        client_name: case.client_name.clone(),
        status: views::status(lang, case.status),
        facts,
        terms: terms_rows(t, lang, case),
        window: format!(
            "{} ({})",
            fill(
                t.window_range,
                &[
                    ("start", &views::date(lang, case.window.start())),
                    ("end", &views::date(lang, case.window.end_inclusive())),
                ],
            ),
            views::window_basis(t, case.window_basis)
        ),
        deadline: views::date(lang, case.window.end_inclusive()),
        days_left: fill(
            t.days_left,
            &[("days", &case.window.days_left(today).max(0).to_string())],
        ),
        ledger: ledger_view,
        progress: views::progress_badge(t, case.status, progress.status),
        pace: progress
            .pace
            .map(|pace| {
                fill(
                    t.pace,
                    &[("pace", &views::duration(lang, pace.minutes_per_day()))],
                )
            })
            .unwrap_or_default(),
        projected: match progress.projected_completion {
            Some(day) => fill(t.projected, &[("date", &views::date(lang, day))]),
            None => t.projected_none.to_owned(),
        },
        milestones,
        older_entries_label: fill(
            t.client_older_reports,
            &[("count", &older_entries.len().to_string())],
        ),
        entries,
        older_entries,
        can_record: serving && access.may(Permission::ReportAttendance),
        record_open: access.role_for(Permission::ReportAttendance) == Some(Role::RegistryOfficer)
            || !form.activity.is_empty(),
        record_intro: fill(t.record_intro, &[("zone", case.zone.abbreviation())]),
        form,
        errors,
        transitions,
        history,
        shows_raw_events: access.user().roles.iter().any(|role| {
            Permission::ReadAudit
                .holders()
                .iter()
                .any(|(holder, _)| holder == role)
        }),
        appointment: super::appointment::appointment_view(state, access, lang, t).await?,
        intake,
        letters,
        letter_buttons,
        letters_open,
        sop_rows: super::sop_view::sop_rows(state, access, lang, t).await?,
        sop_marks: super::sop_view::markable(state, access).await?,
        files: super::files_view::files_view(state, access, lang, t).await?,
        can_mark_evidence: access.may(Permission::JudgeEvidence),
        visits: super::visits::visits_view(state, access, lang, t).await?,
        assistance,
        can_read_guidance: access.may(Permission::ReadGuidance),
        my_reports,
        prosecutor_exams: super::supervision::prosecutor_view(state, access, lang, t).await?,
        reports_conduct: (access.may(Permission::ReportConduct) && !case.status.is_final())
            .then(|| access.role_for(Permission::ReportConduct) != Some(Role::SiteSupervisor)),
        client_login: if access.may(Permission::RegisterPeople) {
            karya_store::users::client_login(&state.store, access).await?
        } else {
            None
        },
        can_create_login: access.may(Permission::RegisterPeople)
            && case.identity_recorded
            && !case.status.is_final(),
        can_complain: access.may(Permission::FileComplaints),
        complaints: if access.may(Permission::FileComplaints)
            || access.may(Permission::ReadComplaints)
        {
            karya_store::complaints::for_case(&state.store, access)
                .await?
                .into_iter()
                .map(|k| {
                    (
                        k.body,
                        k.filed_at.chars().take(10).collect(),
                        k.read_at.is_some(),
                    )
                })
                .collect()
        } else {
            Vec::new()
        },
        termination: super::termination::termination_view(state, access, lang, t).await?,
        assessment: super::assessment_view::assessment_view(state, access, lang, t).await?,
        shows_ledger: matches!(
            case.status,
            karya_domain::CaseStatus::Placed
                | karya_domain::CaseStatus::Serving
                | karya_domain::CaseStatus::UnderExamination
                | karya_domain::CaseStatus::Terminated(_)
        ),
        can_register: access.may(Permission::RegisterPeople)
            && case.status == karya_domain::CaseStatus::OfficerAssigned,
    })
}

/// The case's tasks that wait on the viewer (`karya_domain::worklist`), each with the place
/// to act: the page's most urgent section for the role that opens it.
async fn my_tasks(
    state: &AppState,
    access: &CaseAccess,
    lang: crate::i18n::Lang,
) -> Result<Vec<(&'static str, String)>, WebError> {
    let case = access.case();
    if case.status.is_final() {
        return Ok(Vec::new());
    }
    let work = karya_store::worklist::case_work(&state.store, access).await?;
    let user = access.user();
    let carries = case.pk_user_id == Some(user.id);
    Ok(karya_domain::worklist::tasks_of(
        &work.facts,
        &user.roles,
        carries,
        super::today_in(state, case),
    )
    .into_iter()
    .map(|task| {
        let place = task.place();
        let href = if place.starts_with('#') {
            place.to_owned()
        } else {
            format!("/cases/{}{place}", case.id.0)
        };
        (lang.say(&task), href)
    })
    .collect())
}

/// "Berakhir 30 Nov 2026: …" for a terminated case: the status in words and, for those who
/// read terminations, the day the termination letter was issued.
async fn ended_line(
    state: &AppState,
    access: &CaseAccess,
    lang: crate::i18n::Lang,
) -> Result<Option<String>, WebError> {
    let case = access.case();
    if !case.status.is_final() {
        return Ok(None);
    }
    let issued = if access.may(Permission::ReadTerminations) {
        karya_store::terminations::get(&state.store, access)
            .await?
            .and_then(|r| r.issued_at)
            .and_then(|at| at.parse::<jiff::Timestamp>().ok())
            .map(|at| views::date(lang, views::local(case.zone, at).0))
    } else {
        None
    };
    let t = lang.catalog();
    let status = views::status(lang, case.status);
    Ok(Some(match issued {
        Some(day) => fill(t.case_ended_on, &[("status", status), ("date", &day)]),
        None => fill(t.case_ended, &[("status", status)]),
    }))
}

/// A letter action on the case page: the head issues (signs) a letter, the Kepala TU drafts
/// one for the head (§2.2.1–2.2.2); `note` says who drafted it, when there is an open draft.
pub struct LetterButton {
    pub action: String,
    pub kind: &'static str,
    pub label: String,
    pub note: String,
}

async fn letter_buttons(
    state: &AppState,
    access: &CaseAccess,
    lang: crate::i18n::Lang,
) -> Result<Vec<LetterButton>, WebError> {
    let t = lang.catalog();
    let (issues, drafts) = (
        access.may(Permission::IssueLetters),
        access.may(Permission::DraftLetters),
    );
    if !issues && !drafts {
        return Ok(Vec::new());
    }
    let open = karya_store::letter_drafts::open(&state.store, access).await?;
    let id = access.case().id.0;
    let zone = access.case().zone;
    Ok(super::letters::available(state, access)
        .await?
        .into_iter()
        .filter(|kind| issues || karya_store::letter_drafts::DRAFTABLE.contains(kind))
        .map(|kind| {
            let label = crate::routes::verify::kind_label(t, kind);
            let note = open
                .iter()
                .find(|d| d.kind == kind)
                .map(|d| {
                    let when = d
                        .drafted_at
                        .parse::<jiff::Timestamp>()
                        .map(|at| views::date(lang, views::local(zone, at).0))
                        .unwrap_or_default();
                    fill(
                        t.letter_drafted_by,
                        &[("name", &d.drafter), ("date", &when)],
                    )
                })
                .unwrap_or_default();
            if issues {
                LetterButton {
                    action: format!("/cases/{id}/letters"),
                    kind,
                    label: fill(t.letter_issue, &[("kind", label)]),
                    note,
                }
            } else {
                LetterButton {
                    action: format!("/cases/{id}/letters/drafts"),
                    kind,
                    label: fill(t.letter_draft, &[("kind", label)]),
                    note,
                }
            }
        })
        .collect())
}

fn basis_name(basis: MilestoneBasis) -> &'static str {
    match basis {
        MilestoneBasis::Hours => "hours",
        MilestoneBasis::Window => "window",
    }
}

//! Forms of a case as issued documents: Annex I (the client's work place, from the current
//! placement) and the Litmas with its case plan. Like letters, each is rendered with the
//! office letterhead, stored immutably with its hash and verifiable through its QR code; it is
//! listed with the case's letters.

use axum::Form;
use axum::extract::State;
use axum::response::Response;
use karya_docs::Printable;
use karya_docs::{
    Answer, Approval, Assessment, AttendanceList, AttendancePeriod, AttendanceRow,
    AttitudeAssessment, CasePlan, ClientIdentity, Document, GuidancePlan, InstitutionKind,
    Intervention, Litmas, Officer, PlacementForm, ScheduleSlot, Verdict,
};
use karya_domain::litmas::RISK_LEVELS;
use karya_domain::partner::Kind;
use karya_store::access::CaseAccess;
use karya_store::cases::Case;
use karya_store::documents::{self, ToIssue};
use karya_store::{orgs, placements, users};
use serde::Deserialize;

use super::letters::{letterhead, place, signer};
use super::today_in;
use crate::app::AppState;
use crate::auth::{CaseOf, can};
use crate::error::WebError;

/// The form kinds, as stored and as the verify page names them.
pub const KINDS: [&str; 5] = [
    "annex_i",
    "litmas",
    "annex_iii",
    "annex_iii_month",
    "annex_iv",
];

#[derive(Deserialize)]
pub struct IssueForm {
    #[serde(default)]
    kind: String,
}

fn institution(kind: Kind) -> InstitutionKind {
    match kind {
        Kind::Government => InstitutionKind::Government,
        Kind::NonGovernment => InstitutionKind::NonGovernment,
        Kind::Customary => InstitutionKind::Customary,
    }
}

pub(super) async fn officer(state: &AppState, case: &Case) -> Result<Officer, WebError> {
    let pk = users::get_user(&state.store, case.pk_user_id.ok_or(WebError::BadRequest)?).await?;
    Ok(Officer {
        name: pk.display_name,
        nip: pk.nip,
    })
}

async fn annex_i(
    state: &AppState,
    access: &CaseAccess,
    office: &orgs::Office,
) -> Result<Document, WebError> {
    let case = access.case();
    let current = placements::for_case(&state.store, access)
        .await?
        .into_iter()
        .find(|p| p.ended_on.is_none())
        .ok_or(WebError::BadRequest)?;
    let partner = karya_store::partners::get_for_case(
        &state.store,
        access,
        karya_store::ids::PartnerId(current.partner_id),
    )
    .await?;
    let ppe = current
        .protective_equipment
        .split(',')
        .filter_map(karya_domain::placement::Ppe::parse)
        .map(|p| p.label_id().to_owned())
        .collect();
    Ok(Document::Placement(PlacementForm {
        place: place(&office.name),
        date: today_in(state, case),
        client_name: case.client_name.clone(),
        decision: super::letters::decision(case),
        work_place: partner.fields.name.clone(),
        institution: institution(partner.fields.kind),
        location: partner.fields.address.clone(),
        work_description: current.description.clone(),
        protective_equipment: ppe,
        schedule: current
            .slots()
            .into_iter()
            .map(|s| ScheduleSlot {
                weekday: s.weekday,
                from: s.from,
                to: s.to,
            })
            .collect(),
        supervisor: Officer {
            name: current.supervisor_name.clone().unwrap_or_default(),
            nip: None,
        },
        officer: officer(state, case).await?,
        signer: signer(state, office).await?,
    }))
}

/// Annex III for the whole period so far, or for the current month: every report not
/// rejected, oldest first, with the PJ who verified it; the total is what the ledger credits
/// for those days.
async fn annex_iii(
    state: &AppState,
    access: &CaseAccess,
    this_month: bool,
) -> Result<Document, WebError> {
    let case = access.case();
    let (ledger, views) = karya_store::attendance::ledger(&state.store, access).await?;
    let work_place = placements::for_case(&state.store, access)
        .await?
        .first()
        .map(|p| p.partner_name.clone())
        .unwrap_or_default();
    let tz = case.zone.time_zone();
    let today = today_in(state, case);
    let in_period = |start: jiff::Timestamp| {
        let day = tz.to_datetime(start).date();
        !this_month || (day.year() == today.year() && day.month() == today.month())
    };
    let credited_in_period: i64 = views
        .iter()
        .filter(|v| matches!(v.entry.state, karya_domain::EntryState::Credited { .. }))
        .filter(|v| in_period(v.entry.start))
        .map(|v| v.minutes)
        .sum();
    // Reported or verified by the PJ but not yet credited: printed apart from the total, so
    // that the list never presents unchecked hours as served (issue 13, item 8).
    let pending_in_period: i64 = views
        .iter()
        .filter(|v| {
            matches!(
                v.entry.state,
                karya_domain::EntryState::Reported
                    | karya_domain::EntryState::SupervisorVerified { .. }
            )
        })
        .filter(|v| in_period(v.entry.start))
        .map(|v| v.minutes)
        .sum();
    let rows = views
        .iter()
        .filter(|v| !matches!(v.entry.state, karya_domain::EntryState::Rejected { .. }))
        .filter(|v| in_period(v.entry.start))
        .map(|v| {
            let start = tz.to_datetime(v.entry.start);
            AttendanceRow {
                date: start.date(),
                time_in: start.time(),
                time_out: Some(tz.to_datetime(v.entry.end).time()),
                activity: v.activity.clone(),
                verified_by: v.supervisor_name.clone(),
            }
        })
        .collect();
    Ok(Document::Attendance(AttendanceList {
        date: today_in(state, case),
        client_name: case.client_name.clone(),
        work_place,
        period: if this_month {
            AttendancePeriod::Month {
                year: today.year(),
                month: today.month(),
            }
        } else {
            AttendancePeriod::Whole {
                from: case.window.start(),
                to: today.min(case.window.end_inclusive()),
            }
        },
        rows,
        total: if this_month {
            karya_domain::Minutes::new(credited_in_period)
        } else {
            ledger.totals().credited
        },
        pending: karya_domain::Minutes::new(pending_in_period),
    }))
}

/// Annex IV from the latest work-place visit's attitude assessment (B6).
async fn annex_iv(
    state: &AppState,
    access: &CaseAccess,
    office: &orgs::Office,
) -> Result<Document, WebError> {
    let case = access.case();
    let visit = karya_store::visits::for_case(&state.store, access)
        .await?
        .into_iter()
        .rev()
        .find(|v| v.answers().is_some())
        .ok_or(WebError::BadRequest)?;
    let answers = visit.answers().ok_or(WebError::BadRequest)?;
    let notes: Vec<&str> = visit.answer_notes.lines().collect();
    let placement = placements::for_case(&state.store, access).await?;
    let current = placement.first();
    Ok(Document::Attitude(AttitudeAssessment {
        place: place(&office.name),
        visit_date: visit
            .visited_on
            .parse()
            .unwrap_or_else(|_| today_in(state, case)),
        client_name: case.client_name.clone(),
        photo: None,
        work_place: current.map(|p| p.partner_name.clone()).unwrap_or_default(),
        work_form: current
            .and_then(|p| karya_domain::placement::WorkFormId::parse(&p.work_form))
            .map(|w| w.form().label_id.to_owned())
            .unwrap_or_default(),
        officer: officer(state, case).await?,
        supervisor: Officer {
            name: current
                .and_then(|p| p.supervisor_name.clone())
                .unwrap_or_default(),
            nip: None,
        },
        offence: case.terms.offence_articles.clone(),
        hours_ordered: case.hours_ordered,
        answers: std::array::from_fn(|i| {
            let note = notes.get(i).copied().unwrap_or("").to_owned();
            if answers[i] {
                Answer { yes: true, note }
            } else {
                Answer::no(note)
            }
        }),
        note: visit.note.clone(),
    }))
}

pub(super) async fn litmas(
    state: &AppState,
    access: &CaseAccess,
    office: &orgs::Office,
) -> Result<Document, WebError> {
    let case = access.case();
    let written = karya_store::litmas::get(&state.store, access)
        .await?
        .ok_or(WebError::BadRequest)?;
    // While a newer version is still being written, the version the head approved is the
    // one in force, and the one printed.
    let (s, approved_at) = match (&written.approved_at, &written.in_force) {
        (Some(at), _) => (&written.sections, Some(at)),
        (None, Some(in_force)) => (&in_force.sections, Some(&in_force.approved_at)),
        (None, None) => (&written.sections, None),
    };
    let component = |i: usize| s.case_plan.get(i).cloned().unwrap_or_default();
    let identity = karya_store::register::identity(&state.store, access).await?;
    let current = placements::for_case(&state.store, access)
        .await?
        .into_iter()
        .find(|p| p.ended_on.is_none());
    // The components that name the work place come from the confirmed placement and its
    // partner's record; before it, the PK's proposal is printed and the institution's kind
    // waits for the partner (it is never read from the text).
    let partner = match &current {
        Some(p) => Some(
            karya_store::partners::get_for_case(
                &state.store,
                access,
                karya_store::ids::PartnerId(p.partner_id),
            )
            .await?,
        ),
        None => None,
    };
    let approval = match approved_at {
        Some(at) => Some(Approval {
            head: signer(state, office).await?,
            date: at
                .parse::<jiff::Timestamp>()
                .map(|t| karya_domain::calendar::local_date(t, &case.zone.time_zone()))
                .unwrap_or_else(|_| today_in(state, case)),
        }),
        None => None,
    };
    let interventions = karya_store::litmas::interventions(&state.store, access)
        .await?
        .into_iter()
        .map(|i| Intervention {
            date: i.happened_on.parse().ok(),
            kind: i.kind,
            result: i.result,
            source: i.source,
        })
        .collect();
    Ok(Document::Litmas(Litmas {
        number: None,
        place: place(&office.name),
        date: today_in(state, case),
        client: ClientIdentity {
            name: case.client_name.clone(),
            nik: identity.nik,
            birth_place: identity.birth_place,
            birth_date: identity.birth_date.and_then(|d| d.parse().ok()),
            address: identity.address,
            offence: case.terms.offence_articles.clone(),
        },
        decision: super::letters::decision(case),
        verdict: Verdict {
            legal_basis: s.decision.clone(),
            hours: case.hours_ordered,
            terms: case.terms.schedule.text.clone(),
        },
        interventions,
        guidance_plan: GuidancePlan {
            assistance: s.assistance_plan.clone(),
            guidance: s.guidance_plan.clone(),
            supervision: s.supervision_plan.clone(),
        },
        assessment: Assessment {
            risk: risk_level_id(&s.risk_level),
            reoffending_risk: risk_level_id(&s.reoffending_risk),
            needs: s
                .needs
                .lines()
                .map(str::trim)
                .filter(|l| !l.is_empty())
                .map(str::to_owned)
                .collect(),
        },
        analysis: s.analysis.clone(),
        special_needs: component(9),
        case_plan: CasePlan {
            work_place: partner
                .as_ref()
                .map_or_else(|| component(0), |p| p.fields.name.clone()),
            institution: partner.as_ref().map(|p| institution(p.fields.kind)),
            total_hours: case.hours_ordered,
            schedule: current
                .as_ref()
                .map(|p| {
                    p.slots()
                        .into_iter()
                        .map(|s| ScheduleSlot {
                            weekday: s.weekday,
                            from: s.from,
                            to: s.to,
                        })
                        .collect()
                })
                .unwrap_or_default(),
            supervisor_name: current
                .as_ref()
                .and_then(|p| p.supervisor_name.clone())
                .unwrap_or_else(|| component(4)),
            work_description: current
                .as_ref()
                .map_or_else(|| component(5), |p| p.description.clone()),
            visit_plan: component(6),
            counselling_plan: component(7),
            evaluation_plan: component(8),
            special_needs: component(9),
            written: s.case_plan.clone(),
        },
        author: officer(state, case).await?,
        approval,
        for_prosecutor: None,
    }))
}

/// Issues a form of the case: the PK (who places the client and writes the Litmas) or the
/// head of office.
pub async fn issue(
    State(state): State<AppState>,
    access: CaseOf<can::IssueForms>,
    Form(form): Form<IssueForm>,
) -> Result<Response, WebError> {
    let case = access.case();
    let kind = KINDS
        .into_iter()
        .find(|k| *k == form.kind)
        .ok_or(WebError::BadRequest)?;
    let office = orgs::office_of_case(&state.store, &access).await?;
    let document = match kind {
        "annex_i" => annex_i(&state, &access, &office).await?,
        "annex_iii" => annex_iii(&state, &access, false).await?,
        "annex_iii_month" => annex_iii(&state, &access, true).await?,
        "annex_iv" => annex_iv(&state, &access, &office).await?,
        _ => litmas(&state, &access, &office).await?,
    };
    let head = letterhead(&office);
    let public_url = state.config.public_url.clone();
    let doc = ToIssue {
        office: office.id(),
        office_code: office.letter_code(),
        case: Some(case.id),
        kind,
        number_format: &state.config.letter_number_format,
        issued_on: document.dated(),
        by: access.user().id,
        fingerprint: document.fingerprint(),
    };
    let render = super::letters::renderer(document, head, public_url, false);
    // Issuing a document is reading it too: the Litmas needs its own permission.
    let permission = karya_domain::access::to_read_document(kind);
    let issued = documents::issue(&state.store, &access, permission, &doc, render).await?;
    Ok(super::letters::issued_redirect(case.id.0, &issued))
}

/// A risk level's Indonesian name, or empty when none was chosen.
fn risk_level_id(code: &str) -> String {
    RISK_LEVELS
        .iter()
        .find(|(c, _, _)| *c == code)
        .map_or_else(String::new, |(_, id, _)| (*id).to_owned())
}

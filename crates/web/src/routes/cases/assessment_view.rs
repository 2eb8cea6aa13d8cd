//! The case page's assessment and placement section: links to the placement profile, the
//! Litmas and the ranking for those who work on them, and the placements with their
//! schedules (a move keeps the earlier ones, and the hours stay with the case).

use karya_domain::schedule::{weekday_en, weekday_id};
use karya_store::placements;

use crate::app::AppState;
use crate::error::WebError;
use crate::i18n::{Catalog, Lang, fill};
use karya_domain::Permission;
use karya_store::access::CaseAccess;

#[derive(Default)]
pub struct AssessmentView {
    pub shown: bool,
    pub can_assess: bool,
    pub can_approve: bool,
    pub can_place: bool,
    /// (partner, work form, supervisor, schedule, from–to, override reason, current)
    pub placements: Vec<PlacementLine>,
    /// The head may approve the current placement beyond the distance limit (P3).
    pub can_approve_distance: bool,
    /// P3: the accommodations the client needs: (code, label, "confirmed by …" or "").
    pub accommodations: Vec<(&'static str, &'static str, String)>,
    /// Whether the viewer may confirm accommodations (the PK).
    pub can_confirm_accommodations: bool,
}

pub struct PlacementLine {
    pub id: i64,
    pub partner: String,
    pub work: String,
    pub supervisor: String,
    pub schedule: String,
    pub period: String,
    pub override_reason: String,
    pub current: bool,
    /// P3: beyond the distance limit, awaiting or with the head's approval; empty otherwise.
    pub distance: String,
    pub awaiting_approval: bool,
}

pub async fn assessment_view(
    state: &AppState,
    access: &CaseAccess,
    lang: Lang,
    t: &Catalog,
) -> Result<AssessmentView, WebError> {
    use karya_domain::CaseStatus as S;
    let case = access.case();
    let can_assess = access.may(Permission::AssessCases);
    let can_approve = access.may(Permission::ApproveAssessments);
    let office_staff = access.may(Permission::ReadPartners);
    let relevant = !matches!(
        case.status,
        S::Received
            | S::DocumentsIncomplete
            | S::DocumentsVerified
            | S::AwaitingClient
            | S::OfficerAssigned
    );
    // The client and the work place's supervisor see the placement and its schedule.
    let placed_people = matches!(
        access.role(),
        karya_domain::Role::Client | karya_domain::Role::SiteSupervisor
    );
    if !relevant || !(can_assess || can_approve || office_staff || placed_people) {
        return Ok(AssessmentView::default());
    }
    let lines = placements::for_case(&state.store, access)
        .await?
        .into_iter()
        .map(|p| {
            let day_name = match lang {
                Lang::Id => weekday_id,
                Lang::En => weekday_en,
            };
            let schedule = karya_domain::schedule::describe(&p.slots(), day_name);
            let work = karya_domain::placement::WorkFormId::parse(&p.work_form)
                .map(|w| lang.pick(w.form().label_id, w.form().label_en).to_owned())
                .unwrap_or_default();
            let km = p
                .distance_m
                .map(|m| crate::views::km(lang, m as f64 / 1000.0))
                .unwrap_or_default();
            let awaiting_approval = p.distance_m.is_some() && p.distance_approver.is_none();
            let distance = match (&p.distance_m, &p.distance_approver) {
                (None, _) => String::new(),
                (Some(_), None) => fill(
                    t.placement_awaiting_distance_approval,
                    &[("km", &km), ("reason", &p.distance_justification)],
                ),
                (Some(_), Some(name)) => fill(
                    t.placement_distance_approved,
                    &[
                        ("km", &km),
                        ("name", name),
                        ("reason", &p.distance_justification),
                    ],
                ),
            };
            PlacementLine {
                awaiting_approval: awaiting_approval && p.ended_on.is_none(),
                distance,
                id: p.id,
                partner: p.partner_name,
                work,
                supervisor: p.supervisor_name.unwrap_or_default(),
                schedule,
                period: format!(
                    "{} – {}",
                    p.started_on,
                    p.ended_on.clone().unwrap_or_default()
                ),
                override_reason: p.override_reason,
                current: p.ended_on.is_none(),
            }
        })
        .collect();
    let reads_profile = access.may(Permission::ReadLitmas);
    let accommodations = if reads_profile {
        let (needed, confirmed) = placements::accommodations(&state.store, access).await?;
        needed
            .iter()
            .map(|a| {
                let who = confirmed
                    .iter()
                    .find(|(c, _)| *c == a)
                    .map(|(_, name)| fill(t.accommodations_confirmed_by, &[("name", name)]))
                    .unwrap_or_default();
                (a.as_str(), lang.pick(a.label_id(), a.label_en()), who)
            })
            .collect()
    } else {
        Vec::new()
    };
    Ok(AssessmentView {
        can_approve_distance: access.may(Permission::ApprovePlacements),
        can_confirm_accommodations: can_assess && !case.status.is_final(),
        accommodations,
        shown: true,
        can_assess,
        can_approve,
        can_place: can_assess
            && matches!(
                case.status,
                S::Assessed | S::Placed | S::Serving | S::UnderExamination
            ),
        placements: lines,
    })
}

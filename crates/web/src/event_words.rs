//! Audited acts as people read them (issue 13, item 5): who (name and role in words), what
//! (a sentence, not `summons.outcome`) and when (the office's local time with its zone). The
//! raw event (action, object, summary, hash) stays beside it for auditors.

use std::collections::HashMap;

use karya_domain::{OfficeZone, Role, Transition};
use karya_store::audit::StoredEvent;

use crate::app::AppState;
use crate::error::WebError;
use crate::i18n::{Catalog, Lang, fill};
use crate::views;

/// One audited act in words, with its raw form.
pub struct EventLine {
    pub seq: i64,
    pub when: String,
    pub who: String,
    pub what: String,
    /// `action · object_type object_id · summary`, for auditors.
    pub raw: String,
}

/// The sentence of one act.
pub fn sentence(t: &Catalog, lang: Lang, event: &StoredEvent) -> String {
    let summary: serde_json::Value = serde_json::from_str(&event.summary).unwrap_or_default();
    let text = |key: &str| summary[key].as_str().unwrap_or_default().to_owned();
    let plain = match event.action.as_str() {
        "case.transition" => {
            // The status the case reached, which reads as what happened ("Status perkara
            // menjadi Ditempatkan"); the button's imperative ("Tempatkan Klien") would not.
            let to = text("to");
            let reason = summary["termination_reason"].as_str();
            return match karya_domain::CaseStatus::parse(&to, reason) {
                Some(status) => fill(t.event_case_transition, &[("status", lang.say(&status))]),
                None => {
                    let name = text("transition");
                    Transition::parse(&name).map_or(name, |t| lang.say(&t).to_owned())
                }
            };
        }
        "case.appointment" => match text("step").as_str() {
            "dispose" => t.appointment_dispose,
            "draft" => t.appointment_draft,
            _ => t.appointment_sign,
        },
        "document.issue" => {
            let kind = crate::routes::verify::kind_label(t, &text("kind"));
            return fill(
                t.event_document_issue,
                &[("kind", kind), ("number", &text("number"))],
            );
        }
        "api_token.create" => t.event_api_token_create,
        "api_token.revoke" => t.event_api_token_revoke,
        "assistance.record" => t.event_assistance_record,
        "guidance.activity" => t.event_guidance_activity,
        "guidance.behaviour" => t.event_guidance_behaviour,
        "guidance.stage" => t.event_guidance_stage,
        "supervision.report" => t.event_supervision_report,
        "document.receipt" => t.event_document_receipt,
        "supervision.report_step" => t.event_supervision_report_step,
        "supervision.advise" => t.event_supervision_advise,
        "supervision.team" => t.event_supervision_team,
        "supervision.step" => t.event_supervision_step,
        "supervision.findings" => t.event_supervision_findings,
        "supervision.recommend" => t.event_supervision_recommend,
        "tpp.convene" => t.event_tpp_convene,
        "monitoring.visit" => t.event_monitoring_visit,
        "tpp.sign_minutes" => t.event_tpp_sign_minutes,
        "supervision.decide" => t.event_supervision_decide,
        "supervision.prosecutor_decision" => t.event_supervision_prosecutor_decision,
        "progress_report.write" => t.event_progress_report_write,
        "progress_report.approve" => t.event_progress_report_approve,
        "progress_report.return" => t.event_progress_report_return,
        "assistance.acknowledge" => t.event_assistance_acknowledge,
        "attendance.report" => t.event_attendance_report,
        "attendance.session" => t.event_attendance_session,
        "attendance.verify_supervisor" => t.event_attendance_verify_supervisor,
        "attendance.credit" => t.event_attendance_credit,
        "attendance.reject" => t.event_attendance_reject,
        "case.create" => t.event_case_create,
        "case.guard_facts" => t.event_case_guard_facts,
        "case.termination" => t.event_case_termination,
        "case.window" => t.event_case_window,
        "case.placement_profile" => t.event_case_placement_profile,
        "complaint.file" => t.event_complaint_file,
        "complaint.read" => t.event_complaint_read,
        "document.read" => t.event_document_read,
        "documents.check" => t.event_documents_check,
        "evaluation.record" => t.event_evaluation_record,
        "file.attach" => t.event_file_attach,
        "file.view" => t.event_file_view,
        "file.insufficient" => t.event_file_insufficient,
        "letter.draft" => t.event_letter_draft,
        "litmas.draft" => t.event_litmas_draft,
        "litmas.submit" => t.event_litmas_submit,
        "litmas.approve" => t.event_litmas_approve,
        "litmas.intervention" => t.event_litmas_intervention,
        "office.create" => t.event_office_create,
        "office.update" => t.event_office_update,
        "region.create" | "prosecutor_office.create" => t.event_org_create,
        "partner.create" => t.event_partner_create,
        "partner.update" => t.event_partner_update,
        "partner.step" => t.event_partner_step,
        "partner.agreement" => t.event_partner_agreement,
        "partner.file" => t.event_partner_file,
        "partner.file_view" => t.event_partner_file_view,
        "person.create" => t.event_person_create,
        "person.identity_read" => t.event_person_identity_read,
        "placement.create" => t.event_placement_create,
        "placement.confirm" => t.event_placement_confirm,
        "placement.approve_distance" => t.event_placement_approve_distance,
        "placement.accommodation_confirmed" => t.event_placement_accommodation_confirmed,
        "register.record" => t.event_register_record,
        "sop.mark" => t.event_sop_mark,
        "summons.issue" => t.event_summons_issue,
        "summons.outcome" => t.event_summons_outcome,
        "violation.record" => t.event_violation_record,
        "visit.record" => t.event_visit_record,
        "user.create" => t.event_user_create,
        "user.update" => t.event_user_update,
        "user.disable" => t.event_user_disable,
        "user.enable" => t.event_user_enable,
        "user.activate" => t.event_user_activate,
        "user.language" => t.event_user_language,
        "user.password_change" => t.event_user_password_change,
        "user.second_factor_begin" | "user.second_factor_enrol" | "user.second_factor_reset" => {
            t.event_user_second_factor
        }
        action if action.starts_with("privacy.") => t.event_privacy,
        action if action.starts_with("retention.") => t.event_retention,
        action => return fill(t.event_unknown, &[("action", action)]),
    };
    plain.to_owned()
}

/// The acts in words: names looked up once per actor, times in the zone `zone_of` gives for
/// the act's office.
pub async fn lines(
    state: &AppState,
    lang: Lang,
    events: &[StoredEvent],
    zone_of: impl Fn(Option<i64>) -> OfficeZone,
) -> Result<Vec<EventLine>, WebError> {
    let t = lang.catalog();
    let mut names: HashMap<i64, String> = HashMap::new();
    for id in events.iter().filter_map(|e| e.actor_user_id) {
        if let std::collections::hash_map::Entry::Vacant(slot) = names.entry(id) {
            let user =
                karya_store::users::get_user(&state.store, karya_store::ids::UserId(id)).await;
            slot.insert(user.map(|u| u.display_name).unwrap_or_default());
        }
    }
    Ok(events
        .iter()
        .map(|event| {
            let zone = zone_of(event.office_id);
            let when = event
                .occurred_at
                .parse::<jiff::Timestamp>()
                .map(|at| {
                    let (day, time) = views::local(zone, at);
                    format!(
                        "{} {time} {}",
                        views::short_date(lang, day),
                        zone.abbreviation()
                    )
                })
                .unwrap_or_else(|_| event.occurred_at.clone());
            let name = event
                .actor_user_id
                .and_then(|id| names.get(&id))
                .filter(|name| !name.is_empty())
                .cloned()
                .unwrap_or_else(|| event.actor_username.clone());
            let role = Role::parse(&event.actor_role)
                .map(|role| t.role(role))
                .unwrap_or(event.actor_role.as_str());
            EventLine {
                seq: event.seq,
                when,
                who: format!("{name} ({role})"),
                what: sentence(t, lang, event),
                raw: format!(
                    "{} · {} {} · {}",
                    event.action, event.object_type, event.object_id, event.summary
                ),
            }
        })
        .collect())
}

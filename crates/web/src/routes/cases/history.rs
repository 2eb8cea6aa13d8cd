//! A case's history as people read it: local time, who, and what happened in words.

use karya_store::audit;
use karya_store::cases::Case;

use crate::i18n::{Catalog, Lang};
use crate::views;

/// One line of a case's history: when (local), who, and what in words.
pub fn history_row(
    t: &Catalog,
    lang: Lang,
    case: &Case,
    event: &audit::StoredEvent,
) -> (String, String, String) {
    let when = event
        .occurred_at
        .parse::<jiff::Timestamp>()
        .map(|at| {
            let (day, time) = views::local(case.zone, at);
            format!(
                "{} {time} {}",
                views::date(lang, day),
                case.zone.abbreviation()
            )
        })
        .unwrap_or_else(|_| event.occurred_at.clone());
    let summary: serde_json::Value = serde_json::from_str(&event.summary).unwrap_or_default();
    let what = match event.action.as_str() {
        "case.transition" => {
            let name = summary["transition"].as_str().unwrap_or_default();
            karya_domain::Transition::parse(name).map_or(name.to_owned(), |transition| {
                lang.say(&transition).to_owned()
            })
        }
        "case.create" => t.history_created.to_owned(),
        "case.guard_facts" => t.history_facts.to_owned(),
        "evaluation.record" => t.history_evaluation.to_owned(),
        "case.appointment" => match summary["step"].as_str() {
            Some("dispose") => t.appointment_dispose.to_owned(),
            Some("draft") => t.appointment_draft.to_owned(),
            _ => t.appointment_sign.to_owned(),
        },
        other => other.to_owned(),
    };
    (
        when,
        format!("{} ({})", event.actor_username, event.actor_role),
        what,
    )
}

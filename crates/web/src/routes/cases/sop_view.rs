//! The case's SOP steps against the service standards (DOMAIN §11): which step was done
//! when, how long it took since the step before, and whether that is over the standard.

use karya_domain::Minutes;
use karya_domain::sop::{self, SopKind, Stamp};

use crate::app::AppState;
use crate::error::WebError;
use crate::i18n::{Catalog, Lang, fill};
use crate::views;
use karya_store::access::CaseAccess;

pub struct SopRow {
    pub sop: &'static str,
    pub step: String,
    pub done_at: String,
    pub elapsed: String,
    pub standard: String,
    pub verdict: String,
    pub over: bool,
}

/// The SOPs the system stamps, in the order a case meets them.
const STAMPED: [SopKind; 5] = [
    SopKind::Intake,
    SopKind::DocumentValidity,
    SopKind::PkAppointment,
    SopKind::Register,
    SopKind::InterventionAnalysis,
];

pub async fn sop_rows(
    state: &AppState,
    access: &CaseAccess,
    lang: Lang,
    t: &Catalog,
) -> Result<Vec<SopRow>, WebError> {
    let case = access.case();
    let (opened, stamps) = karya_store::sop::stamps(&state.store, access).await?;
    // The appointment and the register begin when the desk hands the file over (validity step 3).
    let handed_over = stamps
        .iter()
        .find(|(kind, s)| *kind == SopKind::DocumentValidity && s.step == 3)
        .map(|(_, s)| s.at);
    let mut rows = Vec::new();
    for kind in STAMPED {
        let of_kind: Vec<Stamp> = stamps
            .iter()
            .filter(|(k, _)| *k == kind)
            .map(|(_, s)| *s)
            .collect();
        if of_kind.is_empty() {
            continue;
        }
        let start = match kind {
            SopKind::DocumentValidity => opened,
            _ => handed_over.unwrap_or(opened),
        };
        let definition = kind.sop();
        for timed in sop::elapsed(definition, start, &of_kind) {
            let stamp = of_kind.iter().find(|s| s.step == timed.step).copied();
            let description = definition.step(timed.step).map_or("", |s| s.description_id);
            let done_at = stamp.map(|s| {
                let (day, time) = views::local(case.zone, s.at);
                format!("{} {time}", views::date(lang, day))
            });
            rows.push(SopRow {
                sop: definition.name_id,
                step: format!("{}. {description}", timed.step),
                done_at: done_at.unwrap_or_default(),
                elapsed: views::duration(lang, timed.minutes),
                standard: timed.standard.map_or_else(
                    || t.sop_conditional.to_owned(),
                    |m| views::duration(lang, m),
                ),
                verdict: match (timed.standard, timed.over_by) {
                    (None, _) => t.sop_not_judged.to_owned(),
                    (Some(_), None) => t.sop_within.to_owned(),
                    (Some(_), Some(by)) => fill(t.sop_over, &[("by", &views::duration(lang, by))]),
                },
                over: timed.over_by.is_some_and(|by| by > Minutes::ZERO),
            });
        }
    }
    Ok(rows)
}

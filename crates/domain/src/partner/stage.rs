//! The identification steps of §2.1.2 (a) map, (b) profile, (c) audience and site visit,
//! (d) report to the head, then the agreement that makes a partner active.

use serde::{Deserialize, Serialize};

use crate::rule::{Refusal, Rule, Violation};

/// What kind of institution a partner is (§2.1.2): government, a non-government legal
/// entity, or a customary (adat) community, which is the exception to the legal-entity rule.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    Government,
    NonGovernment,
    Customary,
}

impl Kind {
    pub const ALL: [Kind; 3] = [Kind::Government, Kind::NonGovernment, Kind::Customary];

    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Government => "government",
            Kind::NonGovernment => "non_government",
            Kind::Customary => "customary",
        }
    }

    pub fn parse(text: &str) -> Option<Kind> {
        Kind::ALL.into_iter().find(|k| k.as_str() == text)
    }

    pub fn label_id(self) -> &'static str {
        match self {
            Kind::Government => "Lembaga pemerintah",
            Kind::NonGovernment => "Lembaga non-pemerintah berbadan hukum",
            Kind::Customary => "Masyarakat hukum adat",
        }
    }

    pub fn label_en(self) -> &'static str {
        match self {
            Kind::Government => "Government institution",
            Kind::NonGovernment => "Non-government legal entity",
            Kind::Customary => "Customary (adat) community",
        }
    }
}

/// Where a partner stands. `Active` needs an agreement; whether it is still in force on a
/// given day is [`super::agreement_state`], not a stored stage.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Stage {
    /// (a) a potential partner, mapped.
    Mapped,
    /// (b) profiled: field, location, capacity, supervisors, accommodations.
    Profiled,
    /// (c) audience with the partner and site visit.
    Visited,
    /// (d) identification report to the head of office.
    Reported,
    /// A PKS is signed: clients may be placed while it is in force.
    Active,
    /// The cooperation was ended before or at the agreement's end.
    Ended,
}

impl Stage {
    pub const ALL: [Stage; 6] = [
        Stage::Mapped,
        Stage::Profiled,
        Stage::Visited,
        Stage::Reported,
        Stage::Active,
        Stage::Ended,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Stage::Mapped => "mapped",
            Stage::Profiled => "profiled",
            Stage::Visited => "visited",
            Stage::Reported => "reported",
            Stage::Active => "active",
            Stage::Ended => "ended",
        }
    }

    pub fn parse(text: &str) -> Option<Stage> {
        Stage::ALL.into_iter().find(|s| s.as_str() == text)
    }

    pub fn label_id(self) -> &'static str {
        match self {
            Stage::Mapped => "Dipetakan",
            Stage::Profiled => "Diprofilkan",
            Stage::Visited => "Audiensi dan kunjungan lokasi",
            Stage::Reported => "Dilaporkan ke Kepala Bapas",
            Stage::Active => "Aktif (PKS)",
            Stage::Ended => "Kerja sama berakhir",
        }
    }

    pub fn label_en(self) -> &'static str {
        match self {
            Stage::Mapped => "Mapped",
            Stage::Profiled => "Profiled",
            Stage::Visited => "Audience and site visit",
            Stage::Reported => "Reported to the head of office",
            Stage::Active => "Active (agreement)",
            Stage::Ended => "Cooperation ended",
        }
    }

    /// The identification step that follows, done by recording it with its notes.
    pub fn next_step(self) -> Option<Stage> {
        match self {
            Stage::Mapped => Some(Stage::Profiled),
            Stage::Profiled => Some(Stage::Visited),
            Stage::Visited => Some(Stage::Reported),
            _ => None,
        }
    }
}

/// Whether the partner may move from `from` to `to` by recording a step: the identification
/// steps in order, or ending an active cooperation. The agreement moves it to `Active`.
pub fn check_advance(from: Stage, to: Stage) -> Result<(), Violation> {
    if from.next_step() == Some(to) || (from == Stage::Active && to == Stage::Ended) {
        return Ok(());
    }
    // The order of §2.1.2 has no rule ID of its own; L9 is the agreement in force.
    Err(Violation::procedural(
        "stage",
        Refusal::StageOutOfOrder { from, to },
    ))
}

/// An agreement runs forward: it ends on or after the day it starts.
pub fn check_agreement_dates(
    starts_on: jiff::civil::Date,
    ends_on: jiff::civil::Date,
) -> Result<(), Violation> {
    if ends_on < starts_on {
        return Err(Violation::procedural(
            "ends_on",
            Refusal::AgreementEndsBeforeStart,
        ));
    }
    Ok(())
}

/// An agreement is signed with a partner whose identification was reported to the head
/// (§2.1.2 d) and that declared itself non-commercial (L3); it may be renewed while active.
pub fn check_agreement(stage: Stage, non_commercial: bool) -> Result<(), Violation> {
    if !non_commercial {
        return Err(Violation::new(
            Rule::L3,
            "non_commercial",
            Refusal::NonCommercialRequired,
        ));
    }
    if !matches!(stage, Stage::Reported | Stage::Active) {
        return Err(Violation::procedural(
            "stage",
            Refusal::AgreementBeforeReport,
        ));
    }
    Ok(())
}

#[cfg(test)]
#[expect(non_snake_case, reason = "test names end with the rule ID they check")]
mod tests {
    use super::*;

    /// The order of §2.1.2 and an agreement's dates are the procedure's, with no rule ID;
    /// L9 is cited only for the agreement in force (Art. 85(8)).
    #[test]
    fn identification_runs_in_order_and_is_not_cited_as_L9() {
        assert!(check_advance(Stage::Mapped, Stage::Profiled).is_ok());
        assert!(check_advance(Stage::Profiled, Stage::Visited).is_ok());
        assert!(check_advance(Stage::Visited, Stage::Reported).is_ok());
        let refused = check_advance(Stage::Mapped, Stage::Reported).unwrap_err();
        assert_eq!(refused.rule, None);
        assert_eq!(
            refused.refusal,
            Refusal::StageOutOfOrder {
                from: Stage::Mapped,
                to: Stage::Reported
            }
        );
        assert!(
            check_advance(Stage::Reported, Stage::Active).is_err(),
            "only an agreement activates"
        );
        assert!(check_advance(Stage::Active, Stage::Ended).is_ok());
        assert!(check_advance(Stage::Ended, Stage::Active).is_err());
    }

    #[test]
    fn an_agreement_needs_the_non_commercial_declaration_L3() {
        let refused = check_agreement(Stage::Reported, false).unwrap_err();
        assert_eq!(refused.rule, Some(Rule::L3));
        assert!(check_agreement(Stage::Reported, true).is_ok());
        assert!(check_agreement(Stage::Active, true).is_ok(), "renewal");
        assert!(
            check_agreement(Stage::Visited, true).is_err(),
            "not before the report"
        );
    }

    #[test]
    fn an_agreement_ends_after_it_starts() {
        use jiff::civil::date;
        assert!(check_agreement_dates(date(2026, 1, 1), date(2026, 12, 31)).is_ok());
        assert!(check_agreement_dates(date(2026, 1, 1), date(2026, 1, 1)).is_ok());
        let refused = check_agreement_dates(date(2026, 2, 1), date(2026, 1, 1)).unwrap_err();
        assert_eq!((refused.rule, refused.field), (None, "ends_on"));
        assert_eq!(refused.refusal, Refusal::AgreementEndsBeforeStart);
    }

    #[test]
    fn codes_parse_back() {
        for stage in Stage::ALL {
            assert_eq!(Stage::parse(stage.as_str()), Some(stage));
        }
        for kind in Kind::ALL {
            assert_eq!(Kind::parse(kind.as_str()), Some(kind));
        }
    }
}

//! Validation of sentence terms: L1, L2, L4, L6, L7, L8, I1 and D1, all reported at once.

use super::{DefaultOrder, PrisonTerm, ReplacedPenalty, SentenceTerms, ValidTerms};
use crate::minutes::Minutes;
use crate::money::{FineCategories, FineCategory};
use crate::rule::{Refusal, Rule, Violation, Violations};
use crate::window::MAX_MONTHS;

/// L4: at least 8 hours.
pub const MIN_ORDERED: Minutes = Minutes::from_hours(8);
/// L4: at most 240 hours.
pub const MAX_ORDERED: Minutes = Minutes::from_hours(240);
/// L1: the threat must be *under* 5 years.
pub const THREAT_LIMIT_MONTHS: u32 = 60;
/// L1: imprisonment imposed of at most 6 months (180 days of KUHP months).
pub const MAX_REPLACED_PRISON: PrisonTerm = PrisonTerm { months: 6, days: 0 };

impl SentenceTerms {
    /// Checks the terms against KUHP Art. 85 and returns every violation found.
    pub fn validate(&self, fines: &FineCategories) -> Result<ValidTerms, Violations> {
        let mut found = Violations::default();
        check_identity(self, &mut found);
        check_eligibility(self, fines, &mut found);
        check_length_and_schedule(self, &mut found);
        check_default_orders(self, &mut found);
        if self.considerations.consent.finding == Some(false) {
            found.push(Violation::new(
                Rule::L2,
                "considerations.consent",
                Refusal::ConsentMissing,
            ));
        }
        if found.is_empty() {
            Ok(ValidTerms(self.clone()))
        } else {
            Err(found)
        }
    }
}

/// D1 (the document identifies its issuer) and I1 (a final decision).
fn check_identity(t: &SentenceTerms, found: &mut Violations) {
    if t.court.trim().is_empty() {
        found.push(Violation::new(Rule::D1, "court", Refusal::CourtRequired));
    }
    if t.decision_number.trim().is_empty() {
        found.push(Violation::new(
            Rule::D1,
            "decision_number",
            Refusal::DecisionNumberRequired,
        ));
    }
    if t.date_final < t.decision_date {
        found.push(Violation::new(
            Rule::I1,
            "date_final",
            Refusal::FinalBeforeDecision {
                date_final: t.date_final,
                decision_date: t.decision_date,
            },
        ));
    }
}

/// L1: threat under 5 years; imprisonment at most 6 months or a fine at most category II.
fn check_eligibility(t: &SentenceTerms, fines: &FineCategories, found: &mut Violations) {
    if t.offence_articles.trim().is_empty() {
        found.push(Violation::new(
            Rule::L1,
            "offence_articles",
            Refusal::OffenceRequired,
        ));
    }
    let threat = t.max_threat_months;
    if threat == 0 {
        found.push(Violation::new(
            Rule::L1,
            "max_threat_months",
            Refusal::ThreatRequired,
        ));
    } else if threat >= THREAT_LIMIT_MONTHS {
        found.push(Violation::new(
            Rule::L1,
            "max_threat_months",
            Refusal::ThreatTooHigh { months: threat },
        ));
    }
    match t.replaced {
        ReplacedPenalty::Imprisonment { months, days } => {
            let term = PrisonTerm { months, days };
            if term.total_days() == 0 {
                found.push(Violation::new(
                    Rule::L1,
                    "replaced",
                    Refusal::ReplacedPrisonRequired,
                ));
            } else if term.total_days() > MAX_REPLACED_PRISON.total_days() {
                found.push(Violation::new(
                    Rule::L1,
                    "replaced",
                    Refusal::ReplacedPrisonTooLong { term },
                ));
            } else if threat > 0 && term.total_days() > u64::from(threat) * 30 {
                found.push(Violation::new(
                    Rule::L1,
                    "replaced",
                    Refusal::ReplacedPrisonOverThreat {
                        term,
                        threat_months: threat,
                    },
                ));
            }
        }
        ReplacedPenalty::Fine { amount_rupiah } => {
            let cap = fines.amount_rupiah(FineCategory::II);
            if amount_rupiah <= 0 {
                found.push(Violation::new(
                    Rule::L1,
                    "replaced",
                    Refusal::ReplacedFineRequired,
                ));
            } else if amount_rupiah > cap {
                found.push(Violation::new(
                    Rule::L1,
                    "replaced",
                    Refusal::ReplacedFineTooHigh {
                        amount: amount_rupiah,
                        cap,
                    },
                ));
            }
        }
    }
}

/// L4 (8–240 hours), L6 (instalments over at most 6 months), L7 (schedule in the decision).
fn check_length_and_schedule(t: &SentenceTerms, found: &mut Violations) {
    let hours = t.hours_ordered;
    if hours < MIN_ORDERED || hours > MAX_ORDERED {
        let refusal = if hours < MIN_ORDERED {
            Refusal::HoursTooFew { hours }
        } else {
            Refusal::HoursTooMany { hours }
        };
        found.push(Violation::new(Rule::L4, "hours_ordered", refusal));
    }
    if let Some(months) = t.schedule.instalment_months
        && (months == 0 || months > MAX_MONTHS)
    {
        found.push(Violation::new(
            Rule::L6,
            "schedule.instalment_months",
            Refusal::InstalmentMonths {
                months: u32::from(months),
            },
        ));
    }
    if t.schedule.text.trim().is_empty() {
        found.push(Violation::new(
            Rule::L7,
            "schedule.text",
            Refusal::ScheduleTermsRequired,
        ));
    }
}

/// L8: a default order, consistent with the penalty replaced.
fn check_default_orders(t: &SentenceTerms, found: &mut Violations) {
    const FIELD: &str = "default_orders";
    if t.default_orders.is_empty() {
        found.push(Violation::new(
            Rule::L8,
            FIELD,
            Refusal::DefaultOrderRequired,
        ));
    }
    for order in &t.default_orders {
        match (*order, t.replaced) {
            (DefaultOrder::RepeatWork, _) => {}
            (DefaultOrder::ServeImprisonment { months, days }, replaced) => {
                let term = PrisonTerm { months, days };
                let replaced_days = match replaced {
                    ReplacedPenalty::Imprisonment { months, days } => {
                        PrisonTerm { months, days }.total_days()
                    }
                    ReplacedPenalty::Fine { .. } => 0,
                };
                if replaced_days == 0 {
                    found.push(Violation::new(
                        Rule::L8,
                        FIELD,
                        Refusal::PrisonOrderWithoutPrison,
                    ));
                } else if term.total_days() == 0 || term.total_days() > replaced_days {
                    found.push(Violation::new(
                        Rule::L8,
                        FIELD,
                        Refusal::PrisonOrderLength { term },
                    ));
                }
            }
            (
                DefaultOrder::PayFine {
                    amount_rupiah,
                    imprisonment_in_lieu,
                },
                replaced,
            ) => check_fine_order(amount_rupiah, imprisonment_in_lieu, replaced, found),
        }
    }
}

fn check_fine_order(
    amount_rupiah: i64,
    in_lieu: Option<PrisonTerm>,
    replaced: ReplacedPenalty,
    found: &mut Violations,
) {
    const FIELD: &str = "default_orders";
    let ReplacedPenalty::Fine {
        amount_rupiah: replaced_fine,
    } = replaced
    else {
        found.push(Violation::new(
            Rule::L8,
            FIELD,
            Refusal::FineOrderWithoutFine,
        ));
        return;
    };
    if amount_rupiah <= 0 || amount_rupiah > replaced_fine {
        found.push(Violation::new(
            Rule::L8,
            FIELD,
            Refusal::FineOrderAmount {
                amount: amount_rupiah,
                replaced: replaced_fine,
            },
        ));
    }
    if in_lieu.is_some_and(|term| term.total_days() == 0) {
        found.push(Violation::new(
            Rule::L8,
            FIELD,
            Refusal::FineOrderPrisonLengthRequired,
        ));
    }
}

#[cfg(test)]
#[expect(non_snake_case, reason = "test names end with the rule ID they check")]
mod tests;

//! Sentence terms: what the court decision says (KUHP Art. 85, rules L1–L9).
//!
//! [`SentenceTerms`] is the decision as entered at intake; [`SentenceTerms::validate`]
//! reports every broken rule at once (L1 eligibility, L2 consent, L4 length, L6 span,
//! L7 schedule terms, L8 default order, I1 dates, D1 document identity) and, when there is
//! none, returns [`ValidTerms`], which the rest of the system may trust.
//!
//! Months in a sentence are KUHP *Bulan* of 30 *Hari* (see `docs/decisions/0002`): a prison
//! term of "6 bulan" is 180 days, and "5 bulan 31 hari" is more than 6 months.

mod validate;

use jiff::civil::Date;
use serde::{Deserialize, Serialize};

use crate::minutes::Minutes;

/// Days in one KUHP *Bulan* (the old Code's Art. 97 and KUHAP Art. 1(31): a month is a period
/// of thirty days).
pub const DAYS_PER_MONTH: u64 = 30;

/// A prison term as a decision states it: months and days.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct PrisonTerm {
    pub months: u32,
    pub days: u32,
}

impl PrisonTerm {
    /// The length in days, a month counted as 30 days.
    pub fn total_days(self) -> u64 {
        u64::from(self.months) * DAYS_PER_MONTH + u64::from(self.days)
    }

    /// Indonesian wording: `6 bulan 1 hari`, `3 bulan`, `20 hari`.
    pub fn wording_id(self) -> String {
        self.wording("bulan", "bulan", "hari", "hari")
    }

    /// English wording: `6 months 1 day`.
    pub fn wording_en(self) -> String {
        self.wording("month", "months", "day", "days")
    }

    fn wording(self, month: &str, months: &str, day: &str, days: &str) -> String {
        let m = if self.months == 1 { month } else { months };
        let d = if self.days == 1 { day } else { days };
        match (self.months, self.days) {
            (0, n) => format!("{n} {d}"),
            (n, 0) => format!("{n} {m}"),
            (a, b) => format!("{a} {m} {b} {d}"),
        }
    }
}

/// The penalty the community service replaces (L1: imprisonment of at most 6 months, or a
/// fine of at most category II).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum ReplacedPenalty {
    Imprisonment { months: u32, days: u32 },
    Fine { amount_rupiah: i64 },
}

/// What the decision orders if the client, without lawful reason, does not serve all or
/// part of the hours (KUHP Art. 85(7), rule L8). The seed lists three alternatives joined by
/// "atau"; a decision usually names one, but may name more, which is why
/// [`SentenceTerms::default_orders`] is a list. The TPP later recommends one of them to the
/// prosecutor (S7).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum DefaultOrder {
    /// (a) repeat all or part of the community service.
    RepeatWork,
    /// (b) serve all or part of the prison term the community service replaced; the term
    /// stated is the most that may be served.
    ServeImprisonment { months: u32, days: u32 },
    /// (c) pay all or part of the fine it replaced, or serve imprisonment in lieu of the
    /// unpaid fine.
    PayFine {
        amount_rupiah: i64,
        imprisonment_in_lieu: Option<PrisonTerm>,
    },
}

/// The schedule terms the decision contains (L7), including the span of instalments (L6).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ScheduleTerms {
    /// The decision's own words on how the work is served (days, hours, instalments).
    pub text: String,
    /// The span the decision allows for instalments, if it sets one shorter than the
    /// statutory maximum; `None` means the maximum, 6 months (L6).
    pub instalment_months: Option<u8>,
    /// The day the decision itself says the service starts, where it sets one: it wins over
    /// the day the client is received (L6, decision 0002).
    #[serde(default)]
    pub starts_on: Option<jiff::civil::Date>,
}

/// One of the judge's considerations of KUHP Art. 85(2), as the decision records it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Consideration {
    /// The judge's finding where the decision states one (e.g. "the defendant consents":
    /// `Some(true)`); `None` where the decision is silent.
    pub finding: Option<bool>,
    /// The decision's words, abridged.
    pub note: String,
}

/// The seven considerations of L2 (KUHP Art. 85(2) a–g).
/// Considerations a decision does not mention may be left out (each defaults to unstated).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct JudgeConsiderations {
    /// (a) the defendant admits the offence.
    pub admission: Consideration,
    /// (b) the defendant is able to work.
    pub ability_to_work: Consideration,
    /// (c) the defendant consents after the purpose was explained. The elucidation says
    /// there must be consent, so a recorded refusal is a violation of L2.
    pub consent: Consideration,
    /// (d) social history (readiness, physical and mental).
    pub social_history: Consideration,
    /// (e) protection of the defendant's safety at work.
    pub work_safety: Consideration,
    /// (f) religion, belief and political conviction.
    pub religion_belief_politics: Consideration,
    /// (g) ability to pay a fine.
    pub ability_to_pay_fine: Consideration,
}

/// A court decision imposing community service, as entered at intake.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SentenceTerms {
    /// The court that decided (e.g. "Pengadilan Negeri Bandung").
    pub court: String,
    /// The decision's number.
    pub decision_number: String,
    pub decision_date: Date,
    /// The day the decision became final and binding (*berkekuatan hukum tetap*, I1).
    pub date_final: Date,
    /// The articles of the offence, as written in the decision.
    pub offence_articles: String,
    /// The maximum imprisonment the offence is threatened with, in months (L1: under 5
    /// years, i.e. at most 59 months).
    pub max_threat_months: u32,
    pub replaced: ReplacedPenalty,
    /// The hours ordered, in minutes (L4: 8 to 240 hours).
    pub hours_ordered: Minutes,
    pub schedule: ScheduleTerms,
    pub default_orders: Vec<DefaultOrder>,
    /// As recorded in the decision; left out, every consideration is unstated.
    #[serde(default)]
    pub considerations: JudgeConsiderations,
}

/// Sentence terms that passed [`SentenceTerms::validate`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(transparent)]
pub struct ValidTerms(SentenceTerms);

impl ValidTerms {
    pub fn terms(&self) -> &SentenceTerms {
        &self.0
    }

    pub fn into_inner(self) -> SentenceTerms {
        self.0
    }

    /// The months of the instalment span: the decision's own, or the maximum of 6 (L6).
    pub fn instalment_months(&self) -> u8 {
        self.0
            .schedule
            .instalment_months
            .unwrap_or(crate::window::MAX_MONTHS)
    }
}

impl std::ops::Deref for ValidTerms {
    type Target = SentenceTerms;

    fn deref(&self) -> &SentenceTerms {
        &self.0
    }
}

/// A valid decision for tests in other modules: 120 hours replacing 4 months of prison,
/// final on 17 February 2026.
#[cfg(test)]
pub(crate) fn sample_terms() -> ValidTerms {
    use jiff::civil::date;
    let terms = SentenceTerms {
        court: "Pengadilan Negeri Bandung".into(),
        decision_number: "12/Pid.B/2026/PN Bdg".into(),
        decision_date: date(2026, 2, 10),
        date_final: date(2026, 2, 17),
        offence_articles: "Pasal 476 KUHP".into(),
        max_threat_months: 36,
        replaced: ReplacedPenalty::Imprisonment { months: 4, days: 0 },
        hours_ordered: Minutes::from_hours(120),
        schedule: ScheduleTerms {
            text: "Dua hari seminggu.".into(),
            instalment_months: None,
            starts_on: None,
        },
        default_orders: vec![DefaultOrder::RepeatWork],
        considerations: JudgeConsiderations::default(),
    };
    ValidTerms(terms)
}

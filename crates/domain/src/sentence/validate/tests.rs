use jiff::civil::date;

use super::*;
use crate::sentence::{Consideration, JudgeConsiderations, ScheduleTerms};

fn terms() -> SentenceTerms {
    SentenceTerms {
        court: "Pengadilan Negeri Bandung".into(),
        decision_number: "12/Pid.B/2026/PN Bdg".into(),
        decision_date: date(2026, 2, 10),
        date_final: date(2026, 2, 17),
        offence_articles: "Pasal 476 KUHP".into(),
        max_threat_months: 36,
        replaced: ReplacedPenalty::Imprisonment { months: 4, days: 0 },
        hours_ordered: Minutes::from_hours(120),
        schedule: ScheduleTerms {
            text: "Dua hari seminggu, paling lama 8 jam sehari.".into(),
            instalment_months: None,
            starts_on: None,
        },
        default_orders: vec![DefaultOrder::ServeImprisonment { months: 4, days: 0 }],
        considerations: JudgeConsiderations {
            consent: Consideration {
                finding: Some(true),
                note: "Terdakwa menyatakan bersedia.".into(),
            },
            ..JudgeConsiderations::default()
        },
    }
}

fn rules_of(result: Result<ValidTerms, Violations>) -> Vec<(Rule, &'static str)> {
    match result {
        Ok(_) => Vec::new(),
        Err(found) => found
            .iter()
            .filter_map(|v| Some((v.rule?, v.field)))
            .collect(),
    }
}

fn check(t: &SentenceTerms) -> Vec<(Rule, &'static str)> {
    rules_of(t.validate(&FineCategories::default()))
}

#[test]
fn accepts_a_complete_decision_and_keeps_its_terms() {
    let t = terms();
    let valid = t.validate(&FineCategories::default()).expect("valid terms");
    assert_eq!(valid.terms(), &t);
    assert_eq!(valid.hours_ordered, Minutes::from_hours(120));
    assert_eq!(valid.instalment_months(), 6);
}

#[test]
fn accepts_8_hours_L4() {
    let t = SentenceTerms {
        hours_ordered: Minutes::from_hours(8),
        ..terms()
    };
    assert_eq!(check(&t), vec![]);
}

#[test]
fn rejects_7_hours_59_minutes_L4() {
    let t = SentenceTerms {
        hours_ordered: Minutes::from_hours_and_minutes(7, 59),
        ..terms()
    };
    assert_eq!(check(&t), vec![(Rule::L4, "hours_ordered")]);
    let err = t
        .validate(&FineCategories::default())
        .expect_err("too short");
    assert_eq!(
        err.0[0].refusal,
        Refusal::HoursTooFew {
            hours: Minutes::from_hours_and_minutes(7, 59)
        }
    );
}

#[test]
fn accepts_240_hours_L4() {
    let t = SentenceTerms {
        hours_ordered: Minutes::from_hours(240),
        ..terms()
    };
    assert_eq!(check(&t), vec![]);
}

#[test]
fn rejects_241_hours_L4() {
    let t = SentenceTerms {
        hours_ordered: Minutes::from_hours(241),
        ..terms()
    };
    assert_eq!(check(&t), vec![(Rule::L4, "hours_ordered")]);
    let one_minute_over = SentenceTerms {
        hours_ordered: Minutes::from_hours_and_minutes(240, 1),
        ..terms()
    };
    assert_eq!(check(&one_minute_over), vec![(Rule::L4, "hours_ordered")]);
}

#[test]
fn accepts_imprisonment_of_exactly_six_months_L1() {
    let t = SentenceTerms {
        replaced: ReplacedPenalty::Imprisonment { months: 6, days: 0 },
        default_orders: vec![DefaultOrder::RepeatWork],
        ..terms()
    };
    assert_eq!(check(&t), vec![]);
}

#[test]
fn rejects_imprisonment_over_six_months_L1() {
    let t = SentenceTerms {
        replaced: ReplacedPenalty::Imprisonment { months: 6, days: 1 },
        default_orders: vec![DefaultOrder::RepeatWork],
        ..terms()
    };
    assert_eq!(check(&t), vec![(Rule::L1, "replaced")]);
    // 5 months and 31 days is 181 days: also more than 6 KUHP months.
    let t = SentenceTerms {
        replaced: ReplacedPenalty::Imprisonment {
            months: 5,
            days: 31,
        },
        ..t
    };
    let err = t
        .validate(&FineCategories::default())
        .expect_err("181 days");
    assert_eq!(err.0[0].rule, Some(Rule::L1));
    assert_eq!(
        err.0[0].refusal,
        Refusal::ReplacedPrisonTooLong {
            term: PrisonTerm {
                months: 5,
                days: 31
            }
        }
    );
}

#[test]
fn rejects_imprisonment_longer_than_the_threat_L1() {
    let t = SentenceTerms {
        max_threat_months: 3,
        replaced: ReplacedPenalty::Imprisonment { months: 4, days: 0 },
        ..terms()
    };
    assert_eq!(check(&t), vec![(Rule::L1, "replaced")]);
}

#[test]
fn rejects_a_threat_of_five_years_but_accepts_59_months_L1() {
    let five_years = SentenceTerms {
        max_threat_months: 60,
        ..terms()
    };
    assert_eq!(check(&five_years), vec![(Rule::L1, "max_threat_months")]);
    let just_under = SentenceTerms {
        max_threat_months: 59,
        ..terms()
    };
    assert_eq!(check(&just_under), vec![]);
}

fn fine_terms(amount_rupiah: i64) -> SentenceTerms {
    SentenceTerms {
        replaced: ReplacedPenalty::Fine { amount_rupiah },
        default_orders: vec![DefaultOrder::PayFine {
            amount_rupiah,
            imprisonment_in_lieu: Some(PrisonTerm { months: 1, days: 0 }),
        }],
        ..terms()
    }
}

#[test]
fn accepts_a_fine_of_category_two_L1() {
    assert_eq!(check(&fine_terms(10_000_000)), vec![]);
}

#[test]
fn rejects_fine_over_category_two_L1() {
    let t = fine_terms(10_000_001);
    assert_eq!(check(&t), vec![(Rule::L1, "replaced")]);
    let err = t.validate(&FineCategories::default()).expect_err("over II");
    assert_eq!(
        err.0[0].refusal,
        Refusal::ReplacedFineTooHigh {
            amount: 10_000_001,
            cap: 10_000_000
        }
    );
}

#[test]
fn a_raised_category_two_lets_a_larger_fine_through_L1() {
    let mut amounts = FineCategories::STATUTORY_RUPIAH;
    amounts[1] = 25_000_000;
    let raised = FineCategories::new(amounts).expect("increasing");
    assert!(fine_terms(20_000_000).validate(&raised).is_ok());
    assert!(
        fine_terms(20_000_000)
            .validate(&FineCategories::default())
            .is_err()
    );
}

#[test]
fn rejects_a_decision_without_a_default_order_L8() {
    let t = SentenceTerms {
        default_orders: vec![],
        ..terms()
    };
    assert_eq!(check(&t), vec![(Rule::L8, "default_orders")]);
}

#[test]
fn rejects_a_default_order_that_does_not_fit_the_penalty_replaced_L8() {
    // Paying a fine when imprisonment was replaced.
    let t = SentenceTerms {
        default_orders: vec![DefaultOrder::PayFine {
            amount_rupiah: 1_000_000,
            imprisonment_in_lieu: None,
        }],
        ..terms()
    };
    assert_eq!(check(&t), vec![(Rule::L8, "default_orders")]);
    // Serving prison when a fine was replaced.
    let t = SentenceTerms {
        default_orders: vec![DefaultOrder::ServeImprisonment { months: 1, days: 0 }],
        ..fine_terms(5_000_000)
    };
    assert_eq!(check(&t), vec![(Rule::L8, "default_orders")]);
    // More prison than was replaced.
    let t = SentenceTerms {
        default_orders: vec![DefaultOrder::ServeImprisonment { months: 4, days: 1 }],
        ..terms()
    };
    assert_eq!(check(&t), vec![(Rule::L8, "default_orders")]);
    // More fine than was replaced.
    let mut t = fine_terms(5_000_000);
    t.default_orders = vec![DefaultOrder::PayFine {
        amount_rupiah: 5_000_001,
        imprisonment_in_lieu: None,
    }];
    assert_eq!(check(&t), vec![(Rule::L8, "default_orders")]);
}

#[test]
fn accepts_several_default_orders_named_together_L8() {
    let t = SentenceTerms {
        default_orders: vec![
            DefaultOrder::RepeatWork,
            DefaultOrder::ServeImprisonment {
                months: 2,
                days: 15,
            },
        ],
        ..terms()
    };
    assert_eq!(check(&t), vec![]);
}

#[test]
fn rejects_missing_schedule_terms_L7() {
    let t = SentenceTerms {
        schedule: ScheduleTerms {
            text: "   ".into(),
            instalment_months: None,
            starts_on: None,
        },
        ..terms()
    };
    assert_eq!(check(&t), vec![(Rule::L7, "schedule.text")]);
}

#[test]
fn rejects_an_instalment_span_over_six_months_L6() {
    let mut t = terms();
    t.schedule.instalment_months = Some(7);
    assert_eq!(check(&t), vec![(Rule::L6, "schedule.instalment_months")]);
    t.schedule.instalment_months = Some(0);
    assert_eq!(check(&t), vec![(Rule::L6, "schedule.instalment_months")]);
    t.schedule.instalment_months = Some(3);
    let valid = t
        .validate(&FineCategories::default())
        .expect("3 months is allowed");
    assert_eq!(valid.instalment_months(), 3);
}

#[test]
fn rejects_a_final_date_before_the_decision_date_I1() {
    let t = SentenceTerms {
        date_final: date(2026, 2, 9),
        ..terms()
    };
    assert_eq!(check(&t), vec![(Rule::I1, "date_final")]);
    let err = t
        .validate(&FineCategories::default())
        .expect_err("dates reversed");
    assert_eq!(
        err.0[0].refusal,
        Refusal::FinalBeforeDecision {
            date_final: date(2026, 2, 9),
            decision_date: date(2026, 2, 10)
        }
    );
    let same_day = SentenceTerms {
        date_final: date(2026, 2, 10),
        ..terms()
    };
    assert_eq!(check(&same_day), vec![]);
}

#[test]
fn rejects_a_recorded_refusal_of_consent_L2() {
    let mut t = terms();
    t.considerations.consent.finding = Some(false);
    assert_eq!(check(&t), vec![(Rule::L2, "considerations.consent")]);
    t.considerations.consent.finding = None;
    assert_eq!(
        check(&t),
        vec![],
        "a decision silent on consent is recorded as it is"
    );
}

#[test]
fn reports_every_violation_at_once_D1_L1_L4_L7_L8() {
    let t = SentenceTerms {
        court: String::new(),
        decision_number: " ".into(),
        offence_articles: String::new(),
        max_threat_months: 0,
        replaced: ReplacedPenalty::Imprisonment { months: 0, days: 0 },
        hours_ordered: Minutes::ZERO,
        schedule: ScheduleTerms::default(),
        default_orders: vec![],
        ..terms()
    };
    let found = check(&t);
    assert_eq!(
        found,
        vec![
            (Rule::D1, "court"),
            (Rule::D1, "decision_number"),
            (Rule::L1, "offence_articles"),
            (Rule::L1, "max_threat_months"),
            (Rule::L1, "replaced"),
            (Rule::L4, "hours_ordered"),
            (Rule::L7, "schedule.text"),
            (Rule::L8, "default_orders"),
        ]
    );
}

#[test]
fn extreme_numbers_are_refused_without_panicking_L1_L4() {
    let t = SentenceTerms {
        max_threat_months: u32::MAX,
        replaced: ReplacedPenalty::Imprisonment {
            months: u32::MAX,
            days: u32::MAX,
        },
        hours_ordered: Minutes::new(i64::MIN),
        default_orders: vec![DefaultOrder::PayFine {
            amount_rupiah: i64::MIN,
            imprisonment_in_lieu: None,
        }],
        ..terms()
    };
    let found = check(&t);
    assert!(found.contains(&(Rule::L1, "max_threat_months")));
    assert!(found.contains(&(Rule::L1, "replaced")));
    assert!(found.contains(&(Rule::L4, "hours_ordered")));
    assert!(found.contains(&(Rule::L8, "default_orders")));
}

//! The service window of rule L6: the hours may be served in instalments over at most
//! 6 months (KUHP Art. 85(5)).
//!
//! Two choices, recorded in `docs/decisions/0002-service-window-start.md`:
//! - **Start**: the day the Bapas receives the client together with the decision copy or
//!   execution letter (the prosecutor's handover, or the client's appearance after a
//!   summons) — the day execution of the sentence begins — unless the decision sets it; days
//!   waiting for missing documents do not count ([`start`]). Never before the decision is
//!   final (I1).
//! - **Length**: a KUHP *Bulan* is 30 *Hari*, so 6 months are 180 civil days counted from the
//!   start day as day 1: `end_inclusive = start + 179 days`. A decision may set a shorter
//!   span (its schedule terms, L7), in whole months of 30 days.

use jiff::civil::Date;
use serde::{Deserialize, Serialize};

use crate::calendar::{add_days, days_between};
use crate::rule::{Refusal, Rule, Violation};
use crate::sentence::{DAYS_PER_MONTH, SentenceTerms, ValidTerms};

pub mod start;
pub use start::{StartEvent, WindowBasis};

/// L6: instalments over at most 6 months.
pub const MAX_MONTHS: u8 = 6;
/// L6 in days: 6 KUHP months of 30 days.
pub const MAX_DAYS: i64 = 180;

/// The civil days (in the office's time zone) on which hours can be served.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "WindowBounds")]
pub struct ServiceWindow {
    start: Date,
    end_inclusive: Date,
}

#[derive(Deserialize)]
struct WindowBounds {
    start: Date,
    end_inclusive: Date,
}

impl TryFrom<WindowBounds> for ServiceWindow {
    type Error = Violation;

    fn try_from(bounds: WindowBounds) -> Result<ServiceWindow, Violation> {
        ServiceWindow::from_bounds(bounds.start, bounds.end_inclusive)
    }
}

impl ServiceWindow {
    /// A window of `months` KUHP months (1 to 6) from `start`, the start day counting as
    /// day 1.
    pub fn new(start: Date, months: u8) -> Result<ServiceWindow, Violation> {
        if months == 0 || months > MAX_MONTHS {
            return Err(Violation::new(
                Rule::L6,
                "schedule.instalment_months",
                Refusal::InstalmentMonths {
                    months: u32::from(months),
                },
            ));
        }
        let days = i64::from(months) * DAYS_PER_MONTH as i64;
        let end_inclusive = add_days(start, days - 1).ok_or_else(|| out_of_range(start))?;
        Ok(ServiceWindow {
            start,
            end_inclusive,
        })
    }

    /// The statutory maximum: 6 months (180 days) from `start`.
    pub fn statutory(start: Date) -> Result<ServiceWindow, Violation> {
        ServiceWindow::new(start, MAX_MONTHS)
    }

    /// The window of a sentence whose client the Bapas received on `received_on`.
    pub fn for_sentence(terms: &ValidTerms, received_on: Date) -> Result<ServiceWindow, Violation> {
        check_reception(terms.date_final, received_on)?;
        ServiceWindow::new(received_on, terms.instalment_months())
    }

    /// The window of a new case and why it starts when it does: the decision's own start, or
    /// the day the office received the decision with the client handed over, or that day
    /// provisionally for a client yet to appear (see [`start`]).
    pub fn for_new_case(
        terms: &ValidTerms,
        received_on: Date,
        handed_over: bool,
    ) -> Result<(ServiceWindow, WindowBasis), Violation> {
        let (start, basis) =
            start::initial(terms.terms().schedule.starts_on, received_on, handed_over);
        let field = if basis == WindowBasis::Decision {
            "schedule.starts_on"
        } else {
            "received_on"
        };
        let window = ServiceWindow::for_sentence(terms, start).map_err(|mut violation| {
            if violation.field == "received_on" {
                violation.field = field;
            }
            violation
        })?;
        Ok((window, basis))
    }

    /// The window after `event` moved its start, or `None` when it stays (see [`start`]).
    /// `terms` are the case's stored terms, validated when it was opened.
    pub fn moved(
        &self,
        terms: &SentenceTerms,
        basis: WindowBasis,
        event: StartEvent,
    ) -> Result<Option<(ServiceWindow, WindowBasis)>, Violation> {
        let Some((day, basis)) = start::moved(self.start, basis, event) else {
            return Ok(None);
        };
        check_reception(terms.date_final, day)?;
        let months = terms.schedule.instalment_months.unwrap_or(MAX_MONTHS);
        Ok(Some((ServiceWindow::new(day, months)?, basis)))
    }

    /// A stored window, checked again: it must not end before it starts nor last longer than
    /// 180 days.
    pub fn from_bounds(start: Date, end_inclusive: Date) -> Result<ServiceWindow, Violation> {
        let days = days_between(start, end_inclusive) + 1;
        if (1..=MAX_DAYS).contains(&days) {
            Ok(ServiceWindow {
                start,
                end_inclusive,
            })
        } else {
            Err(Violation::new(
                Rule::L6,
                "window",
                Refusal::WindowInvalid {
                    start,
                    end: end_inclusive,
                },
            ))
        }
    }

    pub fn start(&self) -> Date {
        self.start
    }

    pub fn end_inclusive(&self) -> Date {
        self.end_inclusive
    }

    pub fn contains(&self, day: Date) -> bool {
        self.start <= day && day <= self.end_inclusive
    }

    /// The number of days in the window (180 for the statutory maximum).
    pub fn length_days(&self) -> i64 {
        days_between(self.start, self.end_inclusive) + 1
    }

    /// Days still available from `today` (counted) to the end: the whole window before it
    /// starts, 0 after it ends.
    pub fn days_left(&self, today: Date) -> i64 {
        let from = today.max(self.start);
        (days_between(from, self.end_inclusive) + 1).max(0)
    }

    /// The day on which `numerator/denominator` of the window has elapsed (e.g. 1/4:
    /// 45 days after the start of a 180-day window). Fractions are clamped to 0..=1.
    pub fn day_at_fraction(&self, numerator: i64, denominator: i64) -> Date {
        if denominator <= 0 {
            return self.start;
        }
        let fraction = numerator.clamp(0, denominator);
        let offset = self.length_days().saturating_mul(fraction) / denominator;
        add_days(self.start, offset)
            .unwrap_or(self.end_inclusive)
            .min(self.end_inclusive)
    }

    /// The refusal for a day outside the window (L6), naming the window.
    pub(crate) fn outside(&self, field: &'static str, day: Date) -> Violation {
        Violation::new(
            Rule::L6,
            field,
            Refusal::OutsideWindow {
                day,
                start: self.start,
                end: self.end_inclusive,
            },
        )
    }
}

fn out_of_range(start: Date) -> Violation {
    Violation::new(Rule::L6, "window", Refusal::StartOutOfRange { start })
}

/// I1: the client is received, and the window begins, only once the decision is final.
pub fn check_reception(date_final: Date, received_on: Date) -> Result<(), Violation> {
    if received_on < date_final {
        return Err(Violation::new(
            Rule::I1,
            "received_on",
            Refusal::ReceivedBeforeFinal {
                received_on,
                date_final,
            },
        ));
    }
    Ok(())
}

#[cfg(test)]
#[expect(non_snake_case, reason = "test names end with the rule ID they check")]
mod tests {
    use jiff::civil::date;

    use super::*;

    fn window(y: i16, m: i8, d: i8) -> ServiceWindow {
        ServiceWindow::statutory(date(y, m, d)).expect("in range")
    }

    #[test]
    fn six_months_are_180_days_counting_the_start_day_L6() {
        let w = window(2026, 3, 1);
        assert_eq!(w.end_inclusive(), date(2026, 8, 27));
        assert_eq!(w.length_days(), 180);
    }

    #[test]
    fn a_window_starting_on_a_month_end_ends_180_days_later_L6() {
        // Calendar arithmetic would clamp 31 August + 6 months to 28 February; KUHP months
        // of 30 days give 26 February.
        let w = window(2026, 8, 31);
        assert_eq!(w.end_inclusive(), date(2027, 2, 26));
    }

    #[test]
    fn a_window_crosses_a_year_boundary_L6() {
        let w = window(2026, 12, 15);
        assert_eq!(w.end_inclusive(), date(2027, 6, 12));
        assert!(w.contains(date(2026, 12, 31)));
        assert!(w.contains(date(2027, 1, 1)));
    }

    #[test]
    fn a_window_over_a_leap_day_is_still_180_days_L6() {
        let w = window(2027, 12, 1);
        assert_eq!(w.end_inclusive(), date(2028, 5, 28));
        assert!(w.contains(date(2028, 2, 29)));
        assert_eq!(w.length_days(), 180);
    }

    #[test]
    fn accepts_the_last_day_of_the_window_L6() {
        let w = window(2026, 8, 31);
        assert!(w.contains(date(2027, 2, 26)));
        assert!(w.contains(date(2026, 8, 31)));
    }

    #[test]
    fn rejects_the_day_after_the_window_L6() {
        let w = window(2026, 8, 31);
        assert!(!w.contains(date(2027, 2, 27)));
        assert!(!w.contains(date(2026, 8, 30)));
        let refusal = w.outside("start", date(2027, 2, 27));
        assert_eq!(refusal.rule, Some(Rule::L6));
        assert_eq!(
            refusal.refusal,
            Refusal::OutsideWindow {
                day: date(2027, 2, 27),
                start: date(2026, 8, 31),
                end: date(2027, 2, 26)
            }
        );
    }

    #[test]
    fn the_window_starts_on_the_day_the_client_is_received_I1_L6() {
        let terms = crate::sentence::sample_terms();
        let w = ServiceWindow::for_sentence(&terms, date(2026, 3, 2)).expect("after final");
        assert_eq!(
            (w.start(), w.end_inclusive()),
            (date(2026, 3, 2), date(2026, 8, 28))
        );
        let on_final_day = ServiceWindow::for_sentence(&terms, date(2026, 2, 17));
        assert!(on_final_day.is_ok());
        let early = ServiceWindow::for_sentence(&terms, date(2026, 2, 16)).expect_err("early");
        assert_eq!((early.rule, early.field), (Some(Rule::I1), "received_on"));
    }

    #[test]
    fn a_decision_may_set_a_shorter_span_in_whole_months_L6() {
        let w = ServiceWindow::new(date(2026, 1, 31), 1).expect("one month");
        assert_eq!(w.end_inclusive(), date(2026, 3, 1));
        assert_eq!(w.length_days(), 30);
        assert_eq!(
            ServiceWindow::new(date(2026, 1, 1), 7).expect_err("7").rule,
            Some(Rule::L6)
        );
        assert_eq!(
            ServiceWindow::new(date(2026, 1, 1), 0).expect_err("0").rule,
            Some(Rule::L6)
        );
    }

    #[test]
    fn stored_bounds_longer_than_180_days_are_refused_L6() {
        let start = date(2026, 1, 1);
        assert!(ServiceWindow::from_bounds(start, date(2026, 6, 29)).is_ok());
        assert_eq!(
            ServiceWindow::from_bounds(start, date(2026, 6, 30))
                .expect_err("181")
                .rule,
            Some(Rule::L6)
        );
        assert!(ServiceWindow::from_bounds(start, date(2025, 12, 31)).is_err());
        assert!(ServiceWindow::from_bounds(start, start).is_ok());
    }

    #[test]
    fn a_window_near_the_end_of_the_calendar_is_refused_not_a_panic_L6() {
        assert!(ServiceWindow::statutory(date(9999, 12, 1)).is_err());
    }

    #[test]
    fn days_left_count_today_and_stop_at_zero_L6() {
        let w = window(2026, 3, 1);
        assert_eq!(w.days_left(date(2026, 2, 1)), 180);
        assert_eq!(w.days_left(date(2026, 3, 1)), 180);
        assert_eq!(w.days_left(date(2026, 8, 27)), 1);
        assert_eq!(w.days_left(date(2026, 8, 28)), 0);
        assert_eq!(w.days_left(date(2027, 1, 1)), 0);
    }

    #[test]
    fn quarters_of_the_window_fall_every_45_days_M4() {
        let w = window(2027, 12, 1);
        assert_eq!(w.day_at_fraction(1, 4), date(2028, 1, 15));
        assert_eq!(w.day_at_fraction(2, 4), date(2028, 2, 29));
        assert_eq!(w.day_at_fraction(3, 4), date(2028, 4, 14));
        assert_eq!(w.day_at_fraction(4, 4), w.end_inclusive());
        assert_eq!(w.day_at_fraction(1, 0), w.start());
    }
}

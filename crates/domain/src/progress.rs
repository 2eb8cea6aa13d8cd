//! Progress of a case against its order (L4) and window (L6): the recent pace, the projected
//! completion date and a status for dashboards and deadline alerts.
//!
//! **Pace** is the credited minutes of the last 28 local days up to and including `today`
//! (or of the days since the window started, if fewer), divided by the number of those days.
//! 28 days cover four whole weeks, so a client who works on fixed weekdays gets the same pace
//! whatever the weekday today is; a shorter look-back would swing with each weekend. Minutes
//! count on the day the work was done, not the day they were credited, and only credited
//! minutes count (pending reports may still be rejected).
//!
//! **Projection**: at that pace, the remaining minutes need `ceil(remaining / pace)` more
//! days, counted from tomorrow. A case with no credited minutes in the look-back period has
//! no projection and is at risk once its window has begun.

use jiff::civil::Date;
use serde::Serialize;

use crate::calendar::{add_days, days_between};
use crate::ledger::Ledger;
use crate::minutes::Minutes;

/// The look-back period of the pace, in days.
pub const PACE_LOOKBACK_DAYS: i64 = 28;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ProgressStatus {
    /// Every ordered minute is credited.
    Completed,
    /// The projection ends within the window (or the window has not begun).
    OnTrack,
    /// The projection ends after the window, or there is no recent pace.
    AtRisk,
    /// The window has ended with minutes remaining.
    Overdue,
}

impl ProgressStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            ProgressStatus::Completed => "completed",
            ProgressStatus::OnTrack => "on_track",
            ProgressStatus::AtRisk => "at_risk",
            ProgressStatus::Overdue => "overdue",
        }
    }
}

/// Credited minutes over a number of days: a rate kept as a fraction, never a float.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Pace {
    pub minutes: Minutes,
    pub days: i64,
}

impl Pace {
    /// Whole minutes a day, rounded down (for display).
    pub fn minutes_per_day(&self) -> Minutes {
        if self.days <= 0 {
            return Minutes::ZERO;
        }
        Minutes::new(self.minutes.get() / self.days)
    }

    /// Days needed for `remaining` at this pace, rounded up; `None` at zero pace.
    fn days_for(&self, remaining: Minutes) -> Option<i64> {
        if !self.minutes.is_positive() || self.days <= 0 {
            return None;
        }
        let numerator = i128::from(remaining.get()) * i128::from(self.days);
        let denominator = i128::from(self.minutes.get());
        let days = (numerator + denominator - 1) / denominator;
        i64::try_from(days).ok()
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Progress {
    pub status: ProgressStatus,
    pub credited: Minutes,
    pub remaining: Minutes,
    /// `None` before the window begins.
    pub pace: Option<Pace>,
    /// The day the last minute would be served at the current pace.
    pub projected_completion: Option<Date>,
    /// Days left in the window, today included.
    pub days_left: i64,
}

/// The progress of `ledger`'s case as of `today` (a local date of the office).
pub fn progress(ledger: &Ledger, today: Date) -> Progress {
    let totals = ledger.totals();
    let window = ledger.window();
    let pace = pace(ledger, today);
    let remaining = totals.remaining;
    let projected_completion = if remaining.is_positive() {
        pace.and_then(|p| p.days_for(remaining))
            .and_then(|days| add_days(today, days))
    } else {
        None
    };
    let status = if !remaining.is_positive() {
        ProgressStatus::Completed
    } else if today > window.end_inclusive() {
        ProgressStatus::Overdue
    } else if today < window.start() {
        ProgressStatus::OnTrack
    } else {
        match projected_completion {
            Some(day) if day <= window.end_inclusive() => ProgressStatus::OnTrack,
            _ => ProgressStatus::AtRisk,
        }
    };
    Progress {
        status,
        credited: totals.credited,
        remaining,
        pace,
        projected_completion,
        days_left: window.days_left(today),
    }
}

/// Credited minutes per day over the look-back period ending `today`.
fn pace(ledger: &Ledger, today: Date) -> Option<Pace> {
    let start = ledger.window().start();
    if today < start {
        return None;
    }
    let from = add_days(today, 1 - PACE_LOOKBACK_DAYS).map_or(start, |d| d.max(start));
    let minutes = ledger
        .credited_by_day()
        .range(from..=today)
        .map(|(_, m)| *m)
        .sum();
    Some(Pace {
        minutes,
        days: days_between(from, today) + 1,
    })
}

#[cfg(test)]
#[expect(non_snake_case, reason = "test names end with the rule ID they check")]
mod tests {
    use jiff::Timestamp;
    use jiff::civil::date;

    use super::*;
    use crate::calendar::OfficeZone;
    use crate::ledger::{AttendanceEntry, EntryState};
    use crate::window::ServiceWindow;

    const START: Date = date(2026, 3, 2);

    fn wib(day: Date, h: i8) -> Timestamp {
        day.at(h, 0, 0, 0)
            .to_zoned_datetime(OfficeZone::Wib.time_zone())
            .expect("valid")
            .timestamp()
    }

    /// A ledger with `hours` credited on each of `days` (offsets from the start).
    fn ledger(ordered_hours: i64, days: &[i64], hours: i8) -> Ledger {
        let entries = days
            .iter()
            .filter_map(|&offset| add_days(START, offset))
            .zip(1..)
            .map(|(day, id)| AttendanceEntry {
                id,
                start: wib(day, 8),
                end: wib(day, 8 + hours),
                reported_by: 1,
                state: EntryState::Credited {
                    supervisor: 2,
                    pk: 3,
                },
            })
            .collect();
        let window = ServiceWindow::statutory(START).expect("window");
        Ledger::new(
            Minutes::from_hours(ordered_hours),
            window,
            OfficeZone::Wib.time_zone(),
            entries,
        )
    }

    #[test]
    fn pace_is_credited_minutes_over_the_last_28_days() {
        // 4 hours every 7th day for ten weeks; today is day 69.
        let days: Vec<i64> = (0..10).map(|w| w * 7).collect();
        let l = ledger(120, &days, 4);
        let today = add_days(START, 69).expect("date");
        let p = progress(&l, today);
        // Days 42..=69: work on days 42, 49, 56, 63 = 16 hours over 28 days.
        assert_eq!(
            p.pace,
            Some(Pace {
                minutes: Minutes::from_hours(16),
                days: 28
            })
        );
        assert_eq!(p.pace.map(|p| p.minutes_per_day()), Some(Minutes::new(34)));
        assert_eq!(p.credited, Minutes::from_hours(40));
        assert_eq!(p.remaining, Minutes::from_hours(80));
        // 80 h at 16 h / 28 days: 140 days, far past the window's 180th day (day 179).
        assert_eq!(p.projected_completion, add_days(today, 140));
        assert_eq!(p.status, ProgressStatus::AtRisk);
    }

    #[test]
    fn pace_uses_the_days_since_the_start_when_fewer_than_28() {
        let l = ledger(40, &[0, 1, 2], 8);
        let today = add_days(START, 3).expect("date");
        let p = progress(&l, today);
        assert_eq!(
            p.pace,
            Some(Pace {
                minutes: Minutes::from_hours(24),
                days: 4
            })
        );
        // 16 h at 6 h a day: 3 more days (rounded up).
        assert_eq!(p.projected_completion, add_days(today, 3));
        assert_eq!(p.status, ProgressStatus::OnTrack);
        assert_eq!(p.days_left, 177);
    }

    #[test]
    fn no_recent_pace_is_at_risk_but_not_before_the_window_starts() {
        let l = ledger(40, &[], 8);
        let p = progress(&l, START);
        assert_eq!(
            (p.status, p.projected_completion),
            (ProgressStatus::AtRisk, None)
        );
        let before = progress(&l, date(2026, 3, 1));
        assert_eq!(
            (before.status, before.pace),
            (ProgressStatus::OnTrack, None)
        );
        assert_eq!(before.days_left, 180);
    }

    #[test]
    fn a_window_ended_with_hours_left_is_overdue_L6() {
        let l = ledger(40, &[0], 8);
        let p = progress(&l, date(2026, 8, 29));
        assert_eq!(p.status, ProgressStatus::Overdue);
        assert_eq!(p.days_left, 0);
        assert_eq!(ProgressStatus::Overdue.as_str(), "overdue");
    }

    #[test]
    fn every_hour_credited_is_completed_even_after_the_window() {
        let l = ledger(16, &[0, 1], 8);
        for today in [add_days(START, 1).expect("date"), date(2027, 1, 1)] {
            let p = progress(&l, today);
            assert_eq!(p.status, ProgressStatus::Completed);
            assert_eq!((p.remaining, p.projected_completion), (Minutes::ZERO, None));
        }
    }
}

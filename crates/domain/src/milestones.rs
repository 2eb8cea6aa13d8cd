//! Evaluation milestones (M4: evaluation is periodic, "misalnya dari 1/4 masa pidana sampai
//! dengan 3/4 masa pidana Klien").
//!
//! The seed's *masa pidana* can be read as the hours or as the time, so both are tracked:
//! a milestone at ¼, ½ and ¾ of the **hours** ordered (reached on the local work day on which
//! credited minutes first reach the fraction, rounded up to a whole minute) and at ¼, ½ and ¾
//! of the **window** (the day that fraction of its days has elapsed: days 45, 90 and 135 of a
//! 180-day window). A milestone is `Upcoming` until that day, `Due` from it for
//! [`GRACE_DAYS`] days, `Late` after that, and `Done` once the PK records the evaluation.

use jiff::civil::Date;
use serde::{Deserialize, Serialize};

use crate::calendar::add_days;
use crate::ledger::Ledger;
use crate::minutes::Minutes;

/// Days from a milestone's day during which the evaluation is due rather than late: a week,
/// so that a PK who visits weekly can always take it in.
pub const GRACE_DAYS: i64 = 7;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MilestoneBasis {
    Hours,
    Window,
}

/// ¼, ½ or ¾.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Quarter {
    One,
    Two,
    Three,
}

impl Quarter {
    pub const ALL: [Quarter; 3] = [Quarter::One, Quarter::Two, Quarter::Three];

    /// 1, 2 or 3 (quarters).
    pub fn quarters(self) -> i64 {
        match self {
            Quarter::One => 1,
            Quarter::Two => 2,
            Quarter::Three => 3,
        }
    }
}

/// Which milestone: the basis and the quarter. The store records evaluations by this key.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct MilestoneKey {
    pub basis: MilestoneBasis,
    pub quarter: Quarter,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MilestoneState {
    Upcoming,
    Due,
    Done,
    Late,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Milestone {
    pub key: MilestoneKey,
    /// For the hours basis: the credited minutes that reach it.
    pub threshold: Option<Minutes>,
    /// The day it falls on: fixed for the window basis; for the hours basis, the work day
    /// the threshold was reached, once it is.
    pub day: Option<Date>,
    pub state: MilestoneState,
}

/// The six milestones of a case as of `today`, given the evaluations already `done`.
pub fn milestones(ledger: &Ledger, today: Date, done: &[MilestoneKey]) -> Vec<Milestone> {
    let mut out = Vec::with_capacity(6);
    let ordered = ledger.ordered().get().max(0);
    let credited_days = ledger.credited_by_day();
    for quarter in Quarter::ALL {
        // ceil(ordered × q / 4) without overflow.
        let quarters = i128::from(ordered) * i128::from(quarter.quarters());
        let threshold = Minutes::new(i64::try_from((quarters + 3) / 4).unwrap_or(i64::MAX));
        let mut cumulative = Minutes::ZERO;
        let reached = credited_days.range(..=today).find_map(|(day, minutes)| {
            cumulative = cumulative.saturating_add(*minutes);
            (cumulative >= threshold).then_some(*day)
        });
        let key = MilestoneKey {
            basis: MilestoneBasis::Hours,
            quarter,
        };
        out.push(Milestone {
            key,
            threshold: Some(threshold),
            day: reached,
            state: state(key, reached, today, done),
        });
    }
    for quarter in Quarter::ALL {
        let day = ledger.window().day_at_fraction(quarter.quarters(), 4);
        let key = MilestoneKey {
            basis: MilestoneBasis::Window,
            quarter,
        };
        out.push(Milestone {
            key,
            threshold: None,
            day: Some(day),
            state: state(key, Some(day), today, done),
        });
    }
    out
}

fn state(
    key: MilestoneKey,
    day: Option<Date>,
    today: Date,
    done: &[MilestoneKey],
) -> MilestoneState {
    if done.contains(&key) {
        return MilestoneState::Done;
    }
    match day {
        Some(day) if today >= day => {
            let last_due_day = add_days(day, GRACE_DAYS - 1).unwrap_or(day);
            if today <= last_due_day {
                MilestoneState::Due
            } else {
                MilestoneState::Late
            }
        }
        _ => MilestoneState::Upcoming,
    }
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

    /// 10 hours ordered; 3 hours credited on 2 March, 3 on 9 March, 3 on 16 March.
    fn ledger() -> Ledger {
        let entries = [date(2026, 3, 2), date(2026, 3, 9), date(2026, 3, 16)]
            .into_iter()
            .zip(1..)
            .map(|(day, id)| AttendanceEntry {
                id,
                start: wib(day, 8),
                end: wib(day, 11),
                reported_by: 1,
                state: EntryState::Credited {
                    supervisor: 2,
                    pk: 3,
                },
            })
            .collect();
        let window = ServiceWindow::statutory(START).expect("window");
        Ledger::new(
            Minutes::from_hours(10),
            window,
            OfficeZone::Wib.time_zone(),
            entries,
        )
    }

    fn find(all: &[Milestone], basis: MilestoneBasis, quarter: Quarter) -> Milestone {
        *all.iter()
            .find(|m| m.key == MilestoneKey { basis, quarter })
            .expect("every milestone is listed")
    }

    #[test]
    fn hour_milestones_fall_on_the_day_credit_reaches_each_quarter_M4() {
        let all = milestones(&ledger(), date(2026, 3, 20), &[]);
        assert_eq!(all.len(), 6);
        let q1 = find(&all, MilestoneBasis::Hours, Quarter::One);
        assert_eq!(q1.threshold, Some(Minutes::new(150)));
        assert_eq!(q1.day, Some(date(2026, 3, 2)));
        assert_eq!(q1.state, MilestoneState::Late, "reached 18 days ago");
        let q2 = find(&all, MilestoneBasis::Hours, Quarter::Two);
        assert_eq!(
            (q2.day, q2.state),
            (Some(date(2026, 3, 9)), MilestoneState::Late)
        );
        let q3 = find(&all, MilestoneBasis::Hours, Quarter::Three);
        assert_eq!(q3.threshold, Some(Minutes::new(450)));
        assert_eq!(
            (q3.day, q3.state),
            (Some(date(2026, 3, 16)), MilestoneState::Due)
        );
    }

    #[test]
    fn an_hour_milestone_not_yet_reached_is_upcoming_M4() {
        let l = ledger();
        let all = milestones(&l, date(2026, 3, 10), &[]);
        let q3 = find(&all, MilestoneBasis::Hours, Quarter::Three);
        assert_eq!((q3.day, q3.state), (None, MilestoneState::Upcoming));
    }

    #[test]
    fn window_milestones_are_due_for_a_week_then_late_M4() {
        let l = ledger();
        let quarter_day = date(2026, 4, 16); // 45 days after 2 March.
        let at = |today: Date| {
            find(
                &milestones(&l, today, &[]),
                MilestoneBasis::Window,
                Quarter::One,
            )
        };
        assert_eq!(at(quarter_day).day, Some(quarter_day));
        assert_eq!(at(date(2026, 4, 15)).state, MilestoneState::Upcoming);
        assert_eq!(at(quarter_day).state, MilestoneState::Due);
        assert_eq!(at(date(2026, 4, 22)).state, MilestoneState::Due);
        assert_eq!(at(date(2026, 4, 23)).state, MilestoneState::Late);
        let half = find(
            &milestones(&l, quarter_day, &[]),
            MilestoneBasis::Window,
            Quarter::Two,
        );
        assert_eq!(
            (half.day, half.state),
            (Some(date(2026, 5, 31)), MilestoneState::Upcoming)
        );
    }

    #[test]
    fn a_recorded_evaluation_is_done_whenever_it_happened_M4() {
        let done = [MilestoneKey {
            basis: MilestoneBasis::Window,
            quarter: Quarter::One,
        }];
        let all = milestones(&ledger(), date(2026, 6, 1), &done);
        assert_eq!(
            find(&all, MilestoneBasis::Window, Quarter::One).state,
            MilestoneState::Done
        );
        assert_eq!(
            find(&all, MilestoneBasis::Window, Quarter::Two).state,
            MilestoneState::Due
        );
        assert_eq!(
            find(&all, MilestoneBasis::Hours, Quarter::One).state,
            MilestoneState::Late
        );
    }
}

//! Whole minutes, the unit of every hour count (ARCHITECTURE §4: hours are stored in minutes,
//! never floats). Rules L4 (8–240 hours) and L5 (8 hours a day) are written in hours; this
//! crate compares minutes.

use std::fmt;
use std::iter::Sum;

use serde::{Deserialize, Serialize};

/// A number of whole minutes. Arithmetic saturates: no input can make it panic.
#[derive(
    Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
#[serde(transparent)]
pub struct Minutes(pub i64);

impl Minutes {
    pub const ZERO: Minutes = Minutes(0);

    pub const fn new(minutes: i64) -> Minutes {
        Minutes(minutes)
    }

    pub const fn from_hours(hours: i64) -> Minutes {
        Minutes(hours.saturating_mul(60))
    }

    pub const fn from_hours_and_minutes(hours: i64, minutes: i64) -> Minutes {
        Minutes(hours.saturating_mul(60).saturating_add(minutes))
    }

    pub const fn get(self) -> i64 {
        self.0
    }

    /// The whole hours (7 for 7 h 59 min; −7 for −7 h 59 min).
    pub const fn whole_hours(self) -> i64 {
        self.0 / 60
    }

    /// The minutes after the whole hours (59 for 7 h 59 min; −59 for −7 h 59 min).
    pub const fn minutes_past_hour(self) -> i64 {
        self.0 % 60
    }

    pub const fn is_positive(self) -> bool {
        self.0 > 0
    }

    pub const fn saturating_add(self, other: Minutes) -> Minutes {
        Minutes(self.0.saturating_add(other.0))
    }

    pub const fn saturating_sub(self, other: Minutes) -> Minutes {
        Minutes(self.0.saturating_sub(other.0))
    }

    /// `self − other`, but never below zero (a remainder).
    pub fn remaining_after(self, other: Minutes) -> Minutes {
        Minutes(self.0.saturating_sub(other.0).max(0))
    }

    /// Compact wording for lists: `12 j 30 m` (Indonesian), `12 h 30 m` (English with
    /// `english`); whole hours drop the minutes (`80 j`).
    pub fn compact(self, english: bool) -> String {
        let hours_unit = if english { "h" } else { "j" };
        let (hours, minutes) = (self.0 / 60, self.0 % 60);
        match (hours, minutes) {
            (0, m) => format!("{m} m"),
            (h, 0) => format!("{h} {hours_unit}"),
            (h, m) => format!("{h} {hours_unit} {m} m"),
        }
    }

    /// English wording: `7 h 59 min`, `8 h`, `45 min`.
    pub fn display_en(self) -> impl fmt::Display {
        Wording {
            minutes: self,
            hours: "h",
            mins: "min",
        }
    }
}

/// Indonesian wording: `7 jam 59 menit`, `8 jam`, `45 menit`, `0 menit`.
impl fmt::Display for Minutes {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        Wording {
            minutes: *self,
            hours: "jam",
            mins: "menit",
        }
        .fmt(f)
    }
}

struct Wording {
    minutes: Minutes,
    hours: &'static str,
    mins: &'static str,
}

impl fmt::Display for Wording {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let total = self.minutes.0;
        if total < 0 {
            f.write_str("-")?;
        }
        let magnitude = total.unsigned_abs();
        let (hours, minutes) = (magnitude / 60, magnitude % 60);
        match (hours, minutes) {
            (0, m) => write!(f, "{m} {}", self.mins),
            (h, 0) => write!(f, "{h} {}", self.hours),
            (h, m) => write!(f, "{h} {} {m} {}", self.hours, self.mins),
        }
    }
}

impl Sum for Minutes {
    fn sum<I: Iterator<Item = Minutes>>(iter: I) -> Minutes {
        iter.fold(Minutes::ZERO, Minutes::saturating_add)
    }
}

impl<'a> Sum<&'a Minutes> for Minutes {
    fn sum<I: Iterator<Item = &'a Minutes>>(iter: I) -> Minutes {
        iter.copied().sum()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_show_hours_compactly() {
        assert_eq!(Minutes::new(750).compact(false), "12 j 30 m");
        assert_eq!(Minutes::new(4800).compact(false), "80 j");
        assert_eq!(Minutes::new(45).compact(true), "45 m");
        assert_eq!(Minutes::new(750).compact(true), "12 h 30 m");
    }

    #[test]
    fn hours_and_minutes_are_worded_in_indonesian_and_english() {
        let m = Minutes::from_hours_and_minutes(7, 59);
        assert_eq!(m.get(), 479);
        assert_eq!(m.to_string(), "7 jam 59 menit");
        assert_eq!(m.display_en().to_string(), "7 h 59 min");
        assert_eq!(Minutes::from_hours(8).to_string(), "8 jam");
        assert_eq!(Minutes::new(45).to_string(), "45 menit");
        assert_eq!(Minutes::ZERO.to_string(), "0 menit");
        assert_eq!(Minutes::new(-61).to_string(), "-1 jam 1 menit");
        assert_eq!(
            Minutes::new(i64::MIN).display_en().to_string(),
            "-153722867280912930 h 8 min"
        );
    }

    #[test]
    fn whole_hours_and_the_rest_split_a_count() {
        let m = Minutes::new(14_399);
        assert_eq!((m.whole_hours(), m.minutes_past_hour()), (239, 59));
        assert_eq!(Minutes::from_hours(240), Minutes::new(14_400));
    }

    #[test]
    fn arithmetic_saturates_instead_of_panicking() {
        assert_eq!(Minutes::from_hours(i64::MAX), Minutes::new(i64::MAX));
        assert_eq!(
            Minutes::new(i64::MAX).saturating_add(Minutes::new(1)).get(),
            i64::MAX
        );
        assert_eq!(
            Minutes::new(30).remaining_after(Minutes::new(45)),
            Minutes::ZERO
        );
        assert_eq!(
            Minutes::new(45).remaining_after(Minutes::new(30)),
            Minutes::new(15)
        );
        let total: Minutes = [Minutes::new(10), Minutes::new(20)].iter().sum();
        assert_eq!(total, Minutes::new(30));
    }
}

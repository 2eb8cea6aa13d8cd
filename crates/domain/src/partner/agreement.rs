//! A cooperation agreement (PKS) on a given day: not yet started, in force, close to its end
//! (a warning, by default 60 days ahead), or expired.

use jiff::civil::Date;
use serde::Serialize;

/// How far ahead an agreement's end is flagged, unless the office configures otherwise.
pub const DEFAULT_EXPIRY_WARNING_DAYS: i64 = 60;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case", tag = "state")]
pub enum AgreementState {
    NotStarted,
    InForce,
    /// In force, ending within the warning period.
    Expiring {
        days_left: i64,
    },
    Expired,
}

impl AgreementState {
    /// Clients may be placed under it today.
    pub fn in_force(self) -> bool {
        matches!(
            self,
            AgreementState::InForce | AgreementState::Expiring { .. }
        )
    }
}

/// The state of an agreement running from `start` to `end` (both inclusive) on `today`.
pub fn agreement_state(start: Date, end: Date, today: Date, warn_days: i64) -> AgreementState {
    if today < start {
        return AgreementState::NotStarted;
    }
    if today > end {
        return AgreementState::Expired;
    }
    let days_left = (end - today).get_days() as i64;
    if days_left <= warn_days {
        AgreementState::Expiring { days_left }
    } else {
        AgreementState::InForce
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    #[test]
    fn an_agreement_is_in_force_between_its_dates_inclusive() {
        let (start, end) = (date(2026, 1, 1), date(2026, 12, 31));
        assert_eq!(
            agreement_state(start, end, date(2025, 12, 31), 60),
            AgreementState::NotStarted
        );
        assert_eq!(
            agreement_state(start, end, date(2026, 6, 1), 60),
            AgreementState::InForce
        );
        assert_eq!(
            agreement_state(start, end, date(2026, 12, 31), 60),
            AgreementState::Expiring { days_left: 0 }
        );
        assert_eq!(
            agreement_state(start, end, date(2027, 1, 1), 60),
            AgreementState::Expired
        );
    }

    #[test]
    fn the_end_is_flagged_within_the_warning_period() {
        let (start, end) = (date(2026, 1, 1), date(2026, 12, 31));
        assert_eq!(
            agreement_state(start, end, date(2026, 11, 1), 60),
            AgreementState::Expiring { days_left: 60 }
        );
        assert_eq!(
            agreement_state(start, end, date(2026, 10, 31), 60),
            AgreementState::InForce
        );
        assert!(AgreementState::Expiring { days_left: 3 }.in_force());
        assert!(!AgreementState::Expired.in_force());
    }
}

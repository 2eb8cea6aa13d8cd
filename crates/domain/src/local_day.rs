//! Local civil days of an office (ARCHITECTURE §4: the 8-hour day of L5 is a local calendar
//! day; instants are UTC). An attendance interval that crosses local midnight counts its
//! minutes on both days.

use jiff::Timestamp;
use jiff::civil::Date;
use jiff::tz::TimeZone;

use crate::minutes::Minutes;

/// The minutes of `[start, end)` on each local day it touches, in order. Empty when
/// `end <= start`. Minutes are whole: seconds left over on a day are dropped (attendance
/// instants are whole minutes and Indonesian offsets are whole hours, so none are).
pub fn minutes_by_local_day(
    start: Timestamp,
    end: Timestamp,
    zone: &TimeZone,
) -> Vec<(Date, Minutes)> {
    let mut days = Vec::new();
    let mut cursor = start;
    while cursor < end {
        let day = cursor.to_zoned_datetime(zone.clone()).date();
        let next_midnight = day
            .tomorrow()
            .ok()
            .and_then(|next| next.to_zoned_datetime(zone.clone()).ok())
            .map(|zoned| zoned.timestamp());
        let segment_end = match next_midnight {
            Some(midnight) if midnight < end && midnight > cursor => midnight,
            _ => end,
        };
        let seconds = segment_end.duration_since(cursor).as_secs();
        days.push((day, Minutes::new(seconds / 60)));
        cursor = segment_end;
    }
    days
}

/// The local time of day of `instant` in `zone`.
pub fn local_time(instant: Timestamp, zone: &TimeZone) -> jiff::civil::Time {
    instant.to_zoned_datetime(zone.clone()).time()
}

#[cfg(test)]
mod tests {
    use jiff::civil::date;

    use super::*;
    use crate::calendar::OfficeZone;

    fn at(text: &str) -> Timestamp {
        text.parse().expect("valid instant")
    }

    #[test]
    fn an_interval_within_one_day_counts_on_that_day() {
        let zone = OfficeZone::Wib.time_zone();
        let days = minutes_by_local_day(
            at("2026-03-02T01:00:00Z"),
            at("2026-03-02T05:30:00Z"),
            &zone,
        );
        assert_eq!(days, vec![(date(2026, 3, 2), Minutes::new(270))]);
    }

    #[test]
    fn an_interval_across_local_midnight_counts_on_both_days() {
        // 22:00–02:00 WIB on the night of 2 to 3 March.
        let zone = OfficeZone::Wib.time_zone();
        let days = minutes_by_local_day(
            at("2026-03-02T15:00:00Z"),
            at("2026-03-02T19:00:00Z"),
            &zone,
        );
        assert_eq!(
            days,
            vec![
                (date(2026, 3, 2), Minutes::new(120)),
                (date(2026, 3, 3), Minutes::new(120))
            ]
        );
    }

    #[test]
    fn the_same_interval_splits_differently_in_wib_wita_and_wit() {
        // 16:00–18:00 UTC: 23:00–01:00 WIB, 00:00–02:00 WITA, 01:00–03:00 WIT.
        let (start, end) = (at("2026-03-02T16:00:00Z"), at("2026-03-02T18:00:00Z"));
        let wib = minutes_by_local_day(start, end, &OfficeZone::Wib.time_zone());
        let wita = minutes_by_local_day(start, end, &OfficeZone::Wita.time_zone());
        let wit = minutes_by_local_day(start, end, &OfficeZone::Wit.time_zone());
        assert_eq!(
            wib,
            vec![
                (date(2026, 3, 2), Minutes::new(60)),
                (date(2026, 3, 3), Minutes::new(60))
            ]
        );
        assert_eq!(wita, vec![(date(2026, 3, 3), Minutes::new(120))]);
        assert_eq!(wit, vec![(date(2026, 3, 3), Minutes::new(120))]);
    }

    #[test]
    fn an_empty_or_reversed_interval_has_no_days() {
        let zone = OfficeZone::Wit.time_zone();
        let t = at("2026-03-02T01:00:00Z");
        assert!(minutes_by_local_day(t, t, &zone).is_empty());
        assert!(minutes_by_local_day(t, at("2026-03-01T01:00:00Z"), &zone).is_empty());
    }

    #[test]
    fn local_times_are_read_per_zone() {
        let t = at("2026-03-02T02:05:00Z");
        assert_eq!(
            local_time(t, &OfficeZone::Wib.time_zone()),
            jiff::civil::time(9, 5, 0, 0)
        );
        assert_eq!(
            local_time(t, &OfficeZone::Wit.time_zone()),
            jiff::civil::time(11, 5, 0, 0)
        );
    }
}

//! How dates and times are worded on letters. Used as `serialize_with` helpers, so the view model's
//! JSON is exactly what the template prints.

use jiff::civil::{Date, Time, Weekday};
use karya_domain::calendar::date_id;
use serde::Serializer;

/// `28 November 2026`.
pub(crate) fn serialize_date<S: Serializer>(date: &Date, serializer: S) -> Result<S::Ok, S::Error> {
    serializer.serialize_str(&date_id(*date))
}

/// Each date worded as [`serialize_date`] does.
pub(crate) fn serialize_dates<S: Serializer>(
    dates: &[Date],
    serializer: S,
) -> Result<S::Ok, S::Error> {
    serializer.collect_seq(dates.iter().map(|date| date_id(*date)))
}

/// `Senin, 7 Desember 2026`.
pub(crate) fn day_and_date(date: Date) -> String {
    format!("{}, {}", weekday_id(date.weekday()), date_id(date))
}

/// `09.00`, the way Indonesian letters write a time of day.
pub(crate) fn time_of_day(time: Time) -> String {
    format!("{:02}.{:02}", time.hour(), time.minute())
}

fn weekday_id(weekday: Weekday) -> &'static str {
    match weekday {
        Weekday::Monday => "Senin",
        Weekday::Tuesday => "Selasa",
        Weekday::Wednesday => "Rabu",
        Weekday::Thursday => "Kamis",
        Weekday::Friday => "Jumat",
        Weekday::Saturday => "Sabtu",
        Weekday::Sunday => "Minggu",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::{date, time};

    #[test]
    fn a_day_is_named_before_its_date() {
        assert_eq!(day_and_date(date(2026, 12, 7)), "Senin, 7 Desember 2026");
        assert_eq!(day_and_date(date(2026, 12, 13)), "Minggu, 13 Desember 2026");
    }

    #[test]
    fn a_time_is_written_with_a_dot() {
        assert_eq!(time_of_day(time(9, 0, 0, 0)), "09.00");
        assert_eq!(time_of_day(time(13, 30, 59, 0)), "13.30");
    }
}

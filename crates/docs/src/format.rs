//! How dates and times are worded on letters. Used as `serialize_with` helpers, so the view model's
//! JSON is exactly what the template prints.

use jiff::civil::{Date, Time, Weekday};
use karya_domain::Minutes;
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

/// A date worded as [`serialize_date`] does, or `null` when unknown.
pub(crate) fn serialize_opt_date<S: Serializer>(
    date: &Option<Date>,
    serializer: S,
) -> Result<S::Ok, S::Error> {
    match date {
        Some(date) => serializer.serialize_str(&date_id(*date)),
        None => serializer.serialize_none(),
    }
}

/// `Senin, 7 Desember 2026`.
pub(crate) fn serialize_day_and_date<S: Serializer>(
    date: &Date,
    serializer: S,
) -> Result<S::Ok, S::Error> {
    serializer.serialize_str(&day_and_date(*date))
}

/// `09.00`.
pub(crate) fn serialize_time<S: Serializer>(time: &Time, serializer: S) -> Result<S::Ok, S::Error> {
    serializer.serialize_str(&time_of_day(*time))
}

/// A time worded as [`serialize_time`] does, or `null` when unknown.
pub(crate) fn serialize_opt_time<S: Serializer>(
    time: &Option<Time>,
    serializer: S,
) -> Result<S::Ok, S::Error> {
    match time {
        Some(time) => serializer.serialize_str(&time_of_day(*time)),
        None => serializer.serialize_none(),
    }
}

/// `37 jam 30 menit`, `120 jam`, `45 menit`.
pub(crate) fn serialize_minutes<S: Serializer>(
    minutes: &Minutes,
    serializer: S,
) -> Result<S::Ok, S::Error> {
    serializer.collect_str(minutes)
}

/// Minutes in words, or nothing (`none` in the template) when there are none.
pub(crate) fn serialize_minutes_if_any<S: Serializer>(
    minutes: &Minutes,
    serializer: S,
) -> Result<S::Ok, S::Error> {
    if minutes.is_positive() {
        serializer.collect_str(minutes)
    } else {
        serializer.serialize_none()
    }
}

/// A whole number of hours with its words, as letters write a sentence's length:
/// `120 (seratus dua puluh) jam`; anything else as [`serialize_minutes`] words it.
pub(crate) fn serialize_hours_in_words<S: Serializer>(
    minutes: &Minutes,
    serializer: S,
) -> Result<S::Ok, S::Error> {
    serializer.serialize_str(&hours_in_words(*minutes))
}

pub(crate) fn hours_in_words(minutes: Minutes) -> String {
    match u64::try_from(minutes.get()) {
        Ok(total) if total > 0 && total.is_multiple_of(60) => {
            let hours = total / 60;
            format!("{hours} ({}) jam", number_words(hours))
        }
        _ => minutes.to_string(),
    }
}

/// Indonesian number words (*terbilang*): `seratus dua puluh`, `sebelas`, `seribu dua`.
pub(crate) fn number_words(n: u64) -> String {
    const ONES: [&str; 12] = [
        "nol", "satu", "dua", "tiga", "empat", "lima", "enam", "tujuh", "delapan", "sembilan",
        "sepuluh", "sebelas",
    ];
    const SCALES: [(u64, &str); 4] = [
        (1_000_000_000_000, "triliun"),
        (1_000_000_000, "miliar"),
        (1_000_000, "juta"),
        (1_000, "ribu"),
    ];
    let join = |head: String, rest: u64| {
        if rest == 0 {
            head
        } else {
            format!("{head} {}", number_words(rest))
        }
    };
    match n {
        0..=11 => ONES[usize::try_from(n).unwrap_or(0)].to_owned(),
        12..=19 => format!("{} belas", number_words(n - 10)),
        20..=99 => join(format!("{} puluh", number_words(n / 10)), n % 10),
        100..=199 => join("seratus".to_owned(), n - 100),
        200..=999 => join(format!("{} ratus", number_words(n / 100)), n % 100),
        1_000..=1_999 => join("seribu".to_owned(), n - 1_000),
        _ => {
            let (scale, name) = SCALES
                .into_iter()
                .find(|(scale, _)| n >= *scale)
                .unwrap_or((1_000, "ribu"));
            join(format!("{} {name}", number_words(n / scale)), n % scale)
        }
    }
}

/// `Senin, 7 Desember 2026`.
pub(crate) fn day_and_date(date: Date) -> String {
    format!("{}, {}", weekday_id(date.weekday()), date_id(date))
}

/// `09.00`, the way Indonesian letters write a time of day.
pub(crate) fn time_of_day(time: Time) -> String {
    format!("{:02}.{:02}", time.hour(), time.minute())
}

/// `Senin` … `Minggu`.
pub(crate) fn weekday_id(weekday: Weekday) -> &'static str {
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
    fn numbers_are_spelled_out_in_indonesian() {
        let cases = [
            (0, "nol"),
            (8, "delapan"),
            (10, "sepuluh"),
            (11, "sebelas"),
            (12, "dua belas"),
            (19, "sembilan belas"),
            (20, "dua puluh"),
            (40, "empat puluh"),
            (99, "sembilan puluh sembilan"),
            (100, "seratus"),
            (120, "seratus dua puluh"),
            (111, "seratus sebelas"),
            (240, "dua ratus empat puluh"),
            (1_000, "seribu"),
            (1_002, "seribu dua"),
            (2_026, "dua ribu dua puluh enam"),
            (100_000, "seratus ribu"),
            (1_000_000, "satu juta"),
            (3_500_000_000, "tiga miliar lima ratus juta"),
        ];
        for (n, words) in cases {
            assert_eq!(number_words(n), words, "{n}");
        }
        assert!(number_words(u64::MAX).starts_with("delapan belas juta empat ratus"));
    }

    #[test]
    fn whole_hours_get_their_words_and_the_rest_does_not() {
        assert_eq!(
            hours_in_words(Minutes::from_hours(120)),
            "120 (seratus dua puluh) jam"
        );
        assert_eq!(hours_in_words(Minutes::from_hours(8)), "8 (delapan) jam");
        assert_eq!(
            hours_in_words(Minutes::from_hours_and_minutes(7, 30)),
            "7 jam 30 menit"
        );
        assert_eq!(hours_in_words(Minutes::ZERO), "0 menit");
    }

    #[test]
    fn a_time_is_written_with_a_dot() {
        assert_eq!(time_of_day(time(9, 0, 0, 0)), "09.00");
        assert_eq!(time_of_day(time(13, 30, 59, 0)), "13.30");
    }
}

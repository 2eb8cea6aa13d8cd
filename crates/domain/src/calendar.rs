//! Civil-date helpers: whole-day arithmetic that cannot panic, dates worded for messages
//! ("3 Maret 2026"), and the three Indonesian time zones an office can be in (DOMAIN §14:
//! WIB, WITA, WIT, none with daylight saving time).

use jiff::civil::Date;
use jiff::tz::{self, TimeZone};
use jiff::{Span, Timestamp};
use serde::{Deserialize, Serialize};

/// `date` plus `days` whole days, or `None` past jiff's range (year 9999).
pub fn add_days(date: Date, days: i64) -> Option<Date> {
    let span = Span::new().try_days(days).ok()?;
    date.checked_add(span).ok()
}

/// Whole days from `from` to `to` (negative when `to` is earlier).
pub fn days_between(from: Date, to: Date) -> i64 {
    to.duration_since(from).as_secs() / 86_400
}

/// The local civil date of an instant in a time zone.
pub fn local_date(instant: Timestamp, zone: &TimeZone) -> Date {
    instant.to_zoned_datetime(zone.clone()).date()
}

const MONTHS_ID: [&str; 12] = [
    "Januari",
    "Februari",
    "Maret",
    "April",
    "Mei",
    "Juni",
    "Juli",
    "Agustus",
    "September",
    "Oktober",
    "November",
    "Desember",
];

const MONTHS_EN: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

fn month_name(names: &[&'static str; 12], date: Date) -> &'static str {
    let index = usize::try_from(date.month() - 1).unwrap_or(0);
    names.get(index).copied().unwrap_or("?")
}

/// A date as lists show it, the month in three letters: `30 Nov 2026`, `17 Agu 2026`
/// (Indonesian) or `17 Aug 2026` (English, with `english`).
pub fn date_short(date: Date, english: bool) -> String {
    let names = if english { &MONTHS_EN } else { &MONTHS_ID };
    let month: String = month_name(names, date).chars().take(3).collect();
    format!("{} {month} {}", date.day(), date.year())
}

/// A date as Indonesian letters write it: `29 Desember 2025`.
pub fn date_id(date: Date) -> String {
    format!(
        "{} {} {}",
        date.day(),
        month_name(&MONTHS_ID, date),
        date.year()
    )
}

/// A date in English: `29 December 2025`.
pub fn date_en(date: Date) -> String {
    format!(
        "{} {} {}",
        date.day(),
        month_name(&MONTHS_EN, date),
        date.year()
    )
}

/// The time zone of a Bapas. Each office has exactly one (ARCHITECTURE §4).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum OfficeZone {
    /// Waktu Indonesia Barat, UTC+7: Sumatra, Java, West and Central Kalimantan.
    #[serde(rename = "Asia/Jakarta")]
    Wib,
    /// Waktu Indonesia Tengah, UTC+8: Bali, Nusa Tenggara, South/East/North Kalimantan,
    /// Sulawesi.
    #[serde(rename = "Asia/Makassar")]
    Wita,
    /// Waktu Indonesia Timur, UTC+9: Maluku, Papua.
    #[serde(rename = "Asia/Jayapura")]
    Wit,
}

impl OfficeZone {
    pub const ALL: [OfficeZone; 3] = [OfficeZone::Wib, OfficeZone::Wita, OfficeZone::Wit];

    /// The IANA name stored in the database.
    pub const fn iana_name(self) -> &'static str {
        match self {
            OfficeZone::Wib => "Asia/Jakarta",
            OfficeZone::Wita => "Asia/Makassar",
            OfficeZone::Wit => "Asia/Jayapura",
        }
    }

    /// The abbreviation used on letters and screens.
    pub const fn abbreviation(self) -> &'static str {
        match self {
            OfficeZone::Wib => "WIB",
            OfficeZone::Wita => "WITA",
            OfficeZone::Wit => "WIT",
        }
    }

    pub fn parse(name: &str) -> Option<OfficeZone> {
        OfficeZone::ALL
            .into_iter()
            .find(|z| z.iana_name() == name || z.abbreviation().eq_ignore_ascii_case(name))
    }

    /// The zone's rules. Indonesia has kept these fixed offsets without daylight saving
    /// time since 1988, so a fixed offset is exact for every date this system handles and
    /// cannot fail to load.
    pub fn time_zone(self) -> TimeZone {
        let hours = match self {
            OfficeZone::Wib => 7,
            OfficeZone::Wita => 8,
            OfficeZone::Wit => 9,
        };
        TimeZone::fixed(tz::offset(hours))
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn lists_show_the_month_in_three_letters() {
        assert_eq!(
            super::date_short(jiff::civil::date(2026, 11, 30), false),
            "30 Nov 2026"
        );
        assert_eq!(
            super::date_short(jiff::civil::date(2026, 8, 17), false),
            "17 Agu 2026"
        );
        assert_eq!(
            super::date_short(jiff::civil::date(2026, 8, 17), true),
            "17 Aug 2026"
        );
    }

    use super::*;
    use jiff::civil::date;

    #[test]
    fn dates_are_worded_as_indonesian_letters_write_them() {
        assert_eq!(date_id(date(2025, 12, 29)), "29 Desember 2025");
        assert_eq!(date_en(date(2026, 3, 3)), "3 March 2026");
    }

    #[test]
    fn whole_days_are_added_across_month_and_year_ends() {
        assert_eq!(add_days(date(2026, 12, 31), 1), Some(date(2027, 1, 1)));
        assert_eq!(add_days(date(2028, 2, 28), 1), Some(date(2028, 2, 29)));
        assert_eq!(add_days(date(9999, 12, 31), 1), None);
        assert_eq!(days_between(date(2026, 1, 1), date(2026, 12, 31)), 364);
        assert_eq!(days_between(date(2026, 1, 2), date(2026, 1, 1)), -1);
    }

    #[test]
    fn the_same_instant_falls_on_different_local_days_in_wib_wita_and_wit() {
        // 2026-03-01 16:30 UTC is 23:30 WIB, 00:30 WITA (next day) and 01:30 WIT.
        let instant: Timestamp = "2026-03-01T16:30:00Z".parse().expect("valid instant");
        assert_eq!(
            local_date(instant, &OfficeZone::Wib.time_zone()),
            date(2026, 3, 1)
        );
        assert_eq!(
            local_date(instant, &OfficeZone::Wita.time_zone()),
            date(2026, 3, 2)
        );
        assert_eq!(
            local_date(instant, &OfficeZone::Wit.time_zone()),
            date(2026, 3, 2)
        );
    }

    #[test]
    fn fixed_offsets_match_the_iana_zones() {
        let instant: Timestamp = "2026-07-01T00:00:00Z".parse().expect("valid instant");
        for zone in OfficeZone::ALL {
            let iana = TimeZone::get(zone.iana_name()).expect("bundled tzdb has the zone");
            assert_eq!(
                iana.to_offset(instant),
                zone.time_zone().to_offset(instant),
                "{}",
                zone.abbreviation()
            );
            assert_eq!(OfficeZone::parse(zone.iana_name()), Some(zone));
            assert_eq!(
                OfficeZone::parse(&zone.abbreviation().to_lowercase()),
                Some(zone)
            );
        }
        assert_eq!(OfficeZone::parse("Asia/Singapore"), None);
    }
}

//! Lists kept as comma-separated codes in one column (days, accommodations, work forms):
//! short, fixed vocabularies that are read whole and never queried by member.

use jiff::civil::Weekday;
use karya_domain::schedule::{WEEK, weekday_en};

pub fn days_code(days: &[Weekday]) -> String {
    days.iter()
        .map(|d| weekday_en(*d)[..3].to_lowercase())
        .collect::<Vec<_>>()
        .join(",")
}

pub fn parse_days(text: &str) -> Vec<Weekday> {
    WEEK.into_iter()
        .filter(|w| {
            text.split(',')
                .any(|code| weekday_en(*w)[..3].eq_ignore_ascii_case(code.trim()))
        })
        .collect()
}

/// Codes of the members, joined.
pub fn join<'a>(codes: impl Iterator<Item = &'a str>) -> String {
    codes.collect::<Vec<_>>().join(",")
}

/// The members whose code parses; unknown codes (from an older catalogue) are skipped.
pub fn split<T>(text: &str, parse: impl Fn(&str) -> Option<T>) -> Vec<T> {
    text.split(',')
        .filter(|c| !c.trim().is_empty())
        .filter_map(|c| parse(c.trim()))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn days_read_back_in_week_order() {
        let days = [Weekday::Sunday, Weekday::Monday];
        assert_eq!(days_code(&days), "sun,mon");
        assert_eq!(
            parse_days("sun,mon"),
            vec![Weekday::Monday, Weekday::Sunday]
        );
        assert_eq!(parse_days("xyz,"), Vec::<Weekday>::new());
    }
}

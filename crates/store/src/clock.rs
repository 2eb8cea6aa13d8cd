//! Instants as stored: RFC 3339 UTC text with milliseconds for what people read, and
//! milliseconds since the epoch for what queries compare.

use jiff::Timestamp;

pub fn text(at: Timestamp) -> String {
    at.strftime("%Y-%m-%dT%H:%M:%S%.3fZ").to_string()
}

pub fn now_text() -> String {
    text(Timestamp::now())
}

pub fn now_ms() -> i64 {
    Timestamp::now().as_millisecond()
}

#[cfg(test)]
mod tests {
    #[test]
    fn stored_instants_have_a_fixed_width_so_text_order_is_time_order() {
        let early = super::text(jiff::Timestamp::from_millisecond(1_000).unwrap());
        let late = super::text(jiff::Timestamp::from_millisecond(1_700_000_000_123).unwrap());
        assert_eq!(early, "1970-01-01T00:00:01.000Z");
        assert_eq!(late, "2023-11-14T22:13:20.123Z");
        assert!(early < late);
    }
}

//! Time, injected. The store carries a [`Clock`]: the system's in production, a fixed and
//! settable one in tests, so that nothing depends on the hour a test runs at. Instants are
//! stored as RFC 3339 UTC text with milliseconds for what people read, and milliseconds
//! since the epoch for what queries compare.

use std::sync::Arc;
use std::sync::atomic::{AtomicI64, Ordering};

use jiff::{SignedDuration, Timestamp};

/// Where "now" comes from.
#[derive(Debug, Clone)]
pub struct Clock(Arc<Source>);

#[derive(Debug)]
enum Source {
    System,
    /// Milliseconds since the epoch; moved only by [`Clock::set`] and [`Clock::advance`].
    Fixed(AtomicI64),
}

impl Clock {
    pub fn system() -> Clock {
        Clock(Arc::new(Source::System))
    }

    /// A clock standing at `at` until it is set or advanced.
    pub fn fixed(at: Timestamp) -> Clock {
        Clock(Arc::new(Source::Fixed(AtomicI64::new(at.as_millisecond()))))
    }

    pub fn now(&self) -> Timestamp {
        match &*self.0 {
            Source::System => Timestamp::now(),
            Source::Fixed(ms) => Timestamp::from_millisecond(ms.load(Ordering::SeqCst))
                .unwrap_or(Timestamp::UNIX_EPOCH),
        }
    }

    /// Moves a fixed clock to `at`; a system clock cannot be moved.
    pub fn set(&self, at: Timestamp) {
        if let Source::Fixed(ms) = &*self.0 {
            ms.store(at.as_millisecond(), Ordering::SeqCst);
        }
    }

    pub fn advance(&self, by: SignedDuration) {
        if let Source::Fixed(ms) = &*self.0 {
            ms.fetch_add(by.as_millis() as i64, Ordering::SeqCst);
        }
    }

    pub fn now_text(&self) -> String {
        text(self.now())
    }

    pub fn now_ms(&self) -> i64 {
        self.now().as_millisecond()
    }
}

pub fn text(at: Timestamp) -> String {
    at.strftime("%Y-%m-%dT%H:%M:%S%.3fZ").to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stored_instants_have_a_fixed_width_so_text_order_is_time_order() {
        let early = text(Timestamp::from_millisecond(1_000).unwrap());
        let late = text(Timestamp::from_millisecond(1_700_000_000_123).unwrap());
        assert_eq!(early, "1970-01-01T00:00:01.000Z");
        assert_eq!(late, "2023-11-14T22:13:20.123Z");
        assert!(early < late);
    }

    #[test]
    fn a_fixed_clock_stands_still_until_moved() {
        let at: Timestamp = "2026-03-02T01:30:00Z".parse().unwrap();
        let clock = Clock::fixed(at);
        assert_eq!(clock.now(), at);
        clock.advance(SignedDuration::from_hours(2));
        assert_eq!(clock.now_text(), "2026-03-02T03:30:00.000Z");
        clock.set(at);
        assert_eq!(clock.now_ms(), at.as_millisecond());
    }
}

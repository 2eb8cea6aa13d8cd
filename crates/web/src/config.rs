//! Web settings, passed in from the binary (never global).

use karya_store::sessions::Lifetimes;
use karya_store::throttle;

#[derive(Debug, Clone)]
pub struct WebConfig {
    pub sessions: Lifetimes,
    /// Mark cookies `Secure` and send HSTS: set when served behind TLS.
    pub secure_cookies: bool,
    pub body_limit_bytes: usize,
    pub login_throttle: throttle::Policy,
}

impl Default for WebConfig {
    fn default() -> WebConfig {
        WebConfig {
            sessions: Lifetimes {
                idle_ms: 30 * 60_000,
                absolute_ms: 12 * 3_600_000,
            },
            secure_cookies: false,
            body_limit_bytes: 1024 * 1024,
            login_throttle: throttle::Policy::default(),
        }
    }
}

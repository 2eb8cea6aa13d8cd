//! Web settings, passed in from the binary (never global).

use karya_store::sessions::Lifetimes;
use karya_store::throttle;

#[derive(Debug, Clone)]
pub struct WebConfig {
    pub sessions: Lifetimes,
    /// Mark cookies `Secure` and send HSTS: set when served behind TLS.
    pub secure_cookies: bool,
    pub body_limit_bytes: usize,
    /// The limit for file uploads (multipart), above the largest file a purpose accepts.
    pub upload_limit_bytes: usize,
    pub login_throttle: throttle::Policy,
    /// The letter number format (`{seq}`, `{year}`, `{office}`).
    pub letter_number_format: String,
    /// How many days before its end an agreement (PKS) is flagged on the partner list.
    pub agreement_warning_days: i64,
    /// The address people reach this server at, for the QR code on letters.
    pub public_url: String,
    /// The reverse proxy whose `X-Forwarded-For` names the client (issue 12, item 4).
    pub trusted_proxy: Option<std::net::IpAddr>,
    /// The bearer token `/metrics` asks for (issue 12, item 12); without one, `/metrics`
    /// answers only on the machine itself (a loopback peer).
    pub metrics_token: Option<String>,
    /// Whether the head of office, the managers and the administrator must enrol a second
    /// factor before any other page (issue 12, item 8). On unless the operator turns it off
    /// (`karya serve --demo` does, for a demonstration whose logins are printed).
    pub require_second_factor: bool,
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
            upload_limit_bytes: karya_store::files::Purpose::largest() + 64 * 1024,
            login_throttle: throttle::Policy::default(),
            letter_number_format: karya_domain::numbering::DEFAULT_NUMBER_FORMAT.to_owned(),
            public_url: "http://127.0.0.1:8080".to_owned(),
            agreement_warning_days: karya_domain::partner::DEFAULT_EXPIRY_WARNING_DAYS,
            trusted_proxy: None,
            metrics_token: None,
            require_second_factor: true,
        }
    }
}

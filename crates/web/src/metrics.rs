//! Prometheus metrics: request counts by method and status, request time, login failures.
//! Labels never carry paths with ids or anything personal.

use std::collections::BTreeMap;
use std::fmt::Write;
use std::sync::Mutex;

#[derive(Default)]
pub struct Metrics {
    inner: Mutex<Inner>,
}

#[derive(Default)]
struct Inner {
    requests: BTreeMap<(String, u16), u64>,
    duration_ms_sum: f64,
    duration_count: u64,
    login_failures: u64,
}

impl Metrics {
    fn with<T>(&self, f: impl FnOnce(&mut Inner) -> T) -> T {
        let mut inner = self
            .inner
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        f(&mut inner)
    }

    pub fn observe_request(&self, method: &str, status: u16, duration_ms: f64) {
        self.with(|inner| {
            *inner
                .requests
                .entry((method.to_owned(), status))
                .or_default() += 1;
            inner.duration_ms_sum += duration_ms;
            inner.duration_count += 1;
        });
    }

    pub fn login_failed(&self) {
        self.with(|inner| inner.login_failures += 1);
    }

    /// The text exposition format; `audit_events` is read from the database by the caller.
    pub fn render(&self, audit_events: i64) -> String {
        self.with(|inner| {
            let mut out = String::new();
            out.push_str("# HELP karya_http_requests_total HTTP requests by method and status.\n");
            out.push_str("# TYPE karya_http_requests_total counter\n");
            for ((method, status), count) in &inner.requests {
                let _ = writeln!(
                    out,
                    "karya_http_requests_total{{method=\"{method}\",status=\"{status}\"}} {count}"
                );
            }
            out.push_str(
                "# HELP karya_http_request_duration_seconds Time spent serving requests.\n",
            );
            out.push_str("# TYPE karya_http_request_duration_seconds summary\n");
            let _ = writeln!(
                out,
                "karya_http_request_duration_seconds_sum {}",
                inner.duration_ms_sum / 1000.0
            );
            let _ = writeln!(
                out,
                "karya_http_request_duration_seconds_count {}",
                inner.duration_count
            );
            out.push_str("# HELP karya_login_failures_total Failed login attempts.\n");
            out.push_str("# TYPE karya_login_failures_total counter\n");
            let _ = writeln!(out, "karya_login_failures_total {}", inner.login_failures);
            out.push_str("# HELP karya_audit_events Events in the audit chain.\n");
            out.push_str("# TYPE karya_audit_events gauge\n");
            let _ = writeln!(out, "karya_audit_events {audit_events}");
            out
        })
    }
}

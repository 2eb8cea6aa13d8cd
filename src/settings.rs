//! Settings from the command line and the environment, typed, passed in. The database URL
//! may hold a password, so it is a secret whose `Debug` is redacted.

use std::path::{Path, PathBuf};

use karya_store::keys::AuditKey;
use karya_web::WebConfig;

/// A value that must never reach a log.
#[derive(Clone)]
pub struct Secret(String);

impl Secret {
    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Debug for Secret {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("[redacted]")
    }
}

#[derive(Debug, Clone)]
pub struct Settings {
    pub data_dir: PathBuf,
    pub database_url: Secret,
    pub web: WebConfig,
    /// `KARYA_REQUIRE_SECOND_FACTOR`, when the operator set it: `serve --demo` otherwise turns
    /// the requirement off, since the demonstration's logins are printed for anyone.
    pub second_factor_setting: Option<bool>,
    /// Whether `KARYA_PUBLIC_URL` was set; if not, `serve` uses the address it is bound to.
    pub public_url_configured: bool,
}

fn env_number(name: &str) -> anyhow::Result<Option<i64>> {
    match std::env::var(name) {
        Ok(value) if !value.trim().is_empty() => value
            .trim()
            .parse()
            .map(Some)
            .map_err(|_| anyhow::anyhow!("{name} must be a whole number")),
        _ => Ok(None),
    }
}

impl Settings {
    pub fn load(data_dir: &Path) -> anyhow::Result<Settings> {
        std::fs::create_dir_all(data_dir)?;
        // The data directory holds the database, the audit key and the uploads: the server's
        // user only.
        std::fs::set_permissions(
            data_dir,
            std::os::unix::fs::PermissionsExt::from_mode(0o700),
        )?;
        let database_url = match std::env::var("DATABASE_URL") {
            Ok(url) if !url.trim().is_empty() => url,
            _ => format!("sqlite://{}", data_dir.join("karya.db").display()),
        };
        let mut web = WebConfig::default();
        if let Some(minutes) = env_number("KARYA_SESSION_IDLE_MINUTES")? {
            web.sessions.idle_ms = minutes * 60_000;
        }
        if let Some(hours) = env_number("KARYA_SESSION_ABSOLUTE_HOURS")? {
            web.sessions.absolute_ms = hours * 3_600_000;
        }
        if let Some(days) = env_number("KARYA_AGREEMENT_WARNING_DAYS")? {
            web.agreement_warning_days = days.clamp(0, 3650);
        }
        if let Some(kib) = env_number("KARYA_BODY_LIMIT_KB")? {
            web.body_limit_bytes = usize::try_from(kib.max(1))? * 1024;
        }
        web.secure_cookies = matches!(
            std::env::var("KARYA_SECURE_COOKIES").as_deref(),
            Ok("1" | "true")
        );
        if let Ok(format) = std::env::var("KARYA_LETTER_NUMBER_FORMAT")
            && !format.trim().is_empty()
        {
            web.letter_number_format = format;
        }
        if let Ok(proxy) = std::env::var("KARYA_TRUSTED_PROXY")
            && !proxy.trim().is_empty()
        {
            web.trusted_proxy = Some(proxy.trim().parse().map_err(|_| {
                anyhow::anyhow!("KARYA_TRUSTED_PROXY is not an IP address: {proxy}")
            })?);
        }
        if let Ok(token) = std::env::var("KARYA_METRICS_TOKEN")
            && !token.trim().is_empty()
        {
            web.metrics_token = Some(token.trim().to_owned());
        }
        let mut public_url_configured = false;
        if let Ok(url) = std::env::var("KARYA_PUBLIC_URL")
            && !url.trim().is_empty()
        {
            web.public_url = url.trim().trim_end_matches('/').to_owned();
            public_url_configured = true;
        }
        let second_factor_setting = match std::env::var("KARYA_REQUIRE_SECOND_FACTOR").as_deref() {
            Ok("1" | "true") => Some(true),
            Ok("0" | "false") => Some(false),
            Ok(other) if !other.trim().is_empty() => {
                anyhow::bail!("KARYA_REQUIRE_SECOND_FACTOR must be 1 or 0, not {other}")
            }
            _ => None,
        };
        if let Some(required) = second_factor_setting {
            web.require_second_factor = required;
        }
        Ok(Settings {
            data_dir: data_dir.to_owned(),
            database_url: Secret(database_url),
            web,
            second_factor_setting,
            public_url_configured,
        })
    }

    /// The installation's audit signing key: `KARYA_AUDIT_KEY` (64 hex digits) or the file
    /// `audit-signing.key` in the data directory, created on first use.
    pub fn audit_key(&self) -> anyhow::Result<AuditKey> {
        match std::env::var("KARYA_AUDIT_KEY") {
            Ok(hex) if !hex.trim().is_empty() => AuditKey::from_hex(&hex),
            _ => AuditKey::load_or_create(&self.data_dir.join("audit-signing.key")),
        }
    }

    /// The append-only file that witnesses audit checkpoints outside the database.
    pub fn audit_witness_path(&self) -> PathBuf {
        self.data_dir.join("audit-witness.log")
    }

    /// Connects, migrates and attaches the audit key and its witness file.
    pub async fn store(&self) -> anyhow::Result<karya_store::Store> {
        let outside_witness = std::env::var("KARYA_AUDIT_WITNESS_COMMAND")
            .map(|command| command.split_whitespace().map(str::to_owned).collect())
            .unwrap_or_default();
        let store = karya_store::Store::connect(self.database_url.expose())
            .await?
            .with_audit_key(self.audit_key()?)
            .with_audit_witness(self.audit_witness_path())
            .with_outside_witness(outside_witness)
            .with_files(karya_store::files::Blobs::new(self.data_dir.join("files")));
        karya_store::migrate::run(&store).await?;
        Ok(store)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_database_url_never_shows_in_debug_output() {
        let settings = Settings {
            data_dir: PathBuf::from("data"),
            database_url: Secret("postgres://karya:s3cret@db/karya".into()),
            web: WebConfig::default(),
            second_factor_setting: None,
            public_url_configured: false,
        };
        let shown = format!("{settings:?}");
        assert!(!shown.contains("s3cret"));
        assert!(shown.contains("[redacted]"));
    }
}

/// The address letters' QR codes and activation notices point to when `KARYA_PUBLIC_URL` is
/// not set: the address the server is bound to (issue 13, item 9), so that a QR code scanned
/// from a letter issued on a fresh install opens its verification page. With a warning
/// when the server listens beyond the loopback: other machines then reach it by a name this
/// process cannot know.
pub fn bound_public_url(bound: std::net::SocketAddr) -> (String, Option<String>) {
    let url = format!("http://{bound}");
    let warning = (!bound.ip().is_loopback()).then(|| {
        format!(
            "KARYA_PUBLIC_URL tidak diatur: kode QR pada surat menunjuk ke {url}. \
             Atur KARYA_PUBLIC_URL ke alamat yang dipakai pengguna. / \
             KARYA_PUBLIC_URL is not set: the QR code on letters points to {url}. \
             Set KARYA_PUBLIC_URL to the address people use."
        )
    });
    (url, warning)
}

#[cfg(test)]
mod public_url_tests {
    use super::bound_public_url;

    #[test]
    fn letters_point_to_the_bound_address_when_no_public_url_is_set() {
        let (url, warning) = bound_public_url("127.0.0.1:8613".parse().unwrap());
        assert_eq!(url, "http://127.0.0.1:8613");
        assert!(warning.is_none(), "loopback needs no warning");
        let (url, warning) = bound_public_url("0.0.0.0:8080".parse().unwrap());
        assert_eq!(url, "http://0.0.0.0:8080");
        assert!(warning.unwrap().contains("KARYA_PUBLIC_URL"));
    }
}

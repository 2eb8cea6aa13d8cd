//! The subcommands. Every one works the same on SQLite and on PostgreSQL (`DATABASE_URL`).

use std::io::BufRead;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};
use karya_domain::Role;
use karya_store::users::{Binding, NewUser};
use karya_store::{Actor, orgs, tokens, users};
use karya_web::demo::{self, DemoLogin};

use crate::settings::Settings;

#[derive(Parser)]
#[command(
    name = "karya",
    version,
    about = "Karya: pidana kerja sosial untuk Bapas"
)]
pub struct Cli {
    /// Where the SQLite database, the audit key and files live.
    #[arg(long, global = true, default_value = "./data", env = "KARYA_DATA_DIR")]
    data_dir: PathBuf,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Serve the web application and the API.
    Serve {
        #[arg(long, default_value = "127.0.0.1:8080", env = "KARYA_BIND")]
        bind: String,
        /// Load the demo data when the database is empty, and print the demo logins.
        #[arg(long)]
        demo: bool,
    },
    /// Create or update the database schema.
    Migrate,
    /// Load the demo data into an empty database.
    Demo,
    /// Manage users.
    User {
        #[command(subcommand)]
        command: UserCommand,
    },
    /// Manage personal API tokens.
    Token {
        #[command(subcommand)]
        command: TokenCommand,
    },
    /// Check the audit trail.
    Audit {
        #[command(subcommand)]
        command: AuditCommand,
    },
    /// Apply the retention schedule (UU PDP): anonymise the identities and delete the
    /// records whose time is up (docs/DATA.md lists the schedule).
    Retention {
        /// Count what is due without changing anything.
        #[arg(long)]
        dry_run: bool,
    },
}

#[derive(Subcommand)]
enum UserCommand {
    /// Create a user. The password is asked for, or read from standard input.
    Create {
        /// The office code, for office roles (e.g. bdg).
        #[arg(long)]
        office: Option<String>,
        /// The region code, for a regional manager.
        #[arg(long)]
        region: Option<String>,
        #[arg(long)]
        role: String,
        #[arg(long)]
        username: String,
        #[arg(long)]
        display_name: Option<String>,
        /// Read the password from the first line of standard input.
        #[arg(long)]
        password_stdin: bool,
    },
}

#[derive(Subcommand)]
enum TokenCommand {
    /// Create a token for a user and print it once.
    Create {
        #[arg(long)]
        username: String,
        #[arg(long)]
        label: String,
        /// How many days the token works (at most 366).
        #[arg(long, default_value_t = karya_store::tokens::DEFAULT_DAYS)]
        days: i64,
    },
}

#[derive(Subcommand)]
enum AuditCommand {
    /// Recompute the hash chain and check the signed checkpoints.
    Verify,
}

pub async fn run(cli: Cli) -> anyhow::Result<ExitCode> {
    crate::logging_init();
    let settings = Settings::load(&cli.data_dir)?;
    match cli.command {
        Command::Serve { bind, demo } => serve(&settings, &bind, demo).await,
        Command::Migrate => {
            settings.store().await?;
            println!("Skema basis data mutakhir ({}).", engine_name(&settings));
            Ok(ExitCode::SUCCESS)
        }
        Command::Demo => {
            let store = settings.store().await?;
            match demo::load_with_cases(&store).await? {
                Some((logins, cases)) => print_logins(&logins, cases),
                None => println!("Basis data tidak kosong; data demo tidak dimuat."),
            }
            Ok(ExitCode::SUCCESS)
        }
        Command::User {
            command:
                UserCommand::Create {
                    office,
                    region,
                    role,
                    username,
                    display_name,
                    password_stdin,
                },
        } => {
            let store = settings.store().await?;
            let role = Role::parse(&role).ok_or_else(|| {
                let names: Vec<_> = Role::ALL.iter().map(|r| r.as_str()).collect();
                anyhow::anyhow!("unknown role {role}; one of: {}", names.join(", "))
            })?;
            let binding = binding_for(&store, role, office.as_deref(), region.as_deref()).await?;
            let password = read_password(password_stdin)?;
            anyhow::ensure!(
                password.chars().count() >= karya_web::auth::password::MIN_LENGTH,
                "the password needs at least {} characters",
                karya_web::auth::password::MIN_LENGTH
            );
            let user = NewUser {
                username: username.trim().to_lowercase(),
                display_name: display_name.unwrap_or_else(|| username.clone()),
                nip: None,
                password_hash: karya_web::auth::password::hash(password).await?,
                temporary_password: false,
                binding,
                roles: vec![role],
            };
            users::create_user(&store, &Actor::system("cli"), &user, None).await?;
            println!(
                "Pengguna {} dibuat dengan peran {}.",
                user.username,
                role.as_str()
            );
            Ok(ExitCode::SUCCESS)
        }
        Command::Token {
            command:
                TokenCommand::Create {
                    username,
                    label,
                    days,
                },
        } => {
            let store = settings.store().await?;
            let user = users::user_by_username(&store, &username)
                .await
                .map_err(|_| anyhow::anyhow!("no user {username}"))?;
            let token =
                tokens::create(&store, &Actor::system("cli"), user.id, &label, days).await?;
            println!("{token}");
            eprintln!(
                "Simpan token ini sekarang; ia tidak akan ditampilkan lagi. / Store this token now; it is shown only once."
            );
            Ok(ExitCode::SUCCESS)
        }
        Command::Retention { dry_run } => {
            let store = settings.store().await?;
            let actor = karya_store::Actor::system("retention");
            let report = karya_store::retention::run(&store, &actor, dry_run).await?;
            let verb = if dry_run {
                "akan / would be"
            } else {
                "telah / were"
            };
            println!(
                "Retensi / retention: {} identitas klien {verb} dianonimkan / client identities anonymised; {} token formulir / form tokens and {} catatan percobaan masuk / login-throttle rows {verb} dihapus / deleted.",
                report.identities_anonymised, report.form_tokens_deleted, report.throttles_deleted
            );
            store.close().await;
            Ok(ExitCode::SUCCESS)
        }
        Command::Audit {
            command: AuditCommand::Verify,
        } => {
            let store = settings.store().await?;
            let key = settings.audit_key()?;
            let witness = settings.audit_witness_path();
            let report =
                karya_store::audit::verify(&store, Some(&key.public_hex()), Some(&witness)).await?;
            match report.first_problem {
                None => {
                    println!(
                        "Jejak audit utuh: {} peristiwa, {} checkpoint bertanda tangan. / Audit chain intact: {} events, {} signed checkpoints.",
                        report.events, report.checkpoints, report.events, report.checkpoints
                    );
                    Ok(ExitCode::SUCCESS)
                }
                Some(problem) => {
                    println!("Jejak audit RUSAK / Audit chain BROKEN: {problem}");
                    Ok(ExitCode::FAILURE)
                }
            }
        }
    }
}

fn engine_name(settings: &Settings) -> &'static str {
    karya_store::Engine::from_url(settings.database_url.expose()).map_or("?", |e| e.name())
}

async fn binding_for(
    store: &karya_store::Store,
    role: Role,
    office: Option<&str>,
    region: Option<&str>,
) -> anyhow::Result<Binding> {
    use karya_domain::ScopeKind;
    Ok(match role.scope_kind() {
        ScopeKind::National => Binding::default(),
        ScopeKind::Office => {
            let code = office.ok_or_else(|| {
                anyhow::anyhow!("--office CODE is needed for role {}", role.as_str())
            })?;
            let office = orgs::office_by_code(store, code)
                .await
                .map_err(|_| anyhow::anyhow!("no office with code {code}"))?;
            Binding {
                office: Some(office.id()),
                ..Binding::default()
            }
        }
        ScopeKind::Region => {
            let code = region
                .ok_or_else(|| anyhow::anyhow!("--region CODE is needed for a regional manager"))?;
            let found = orgs::list_regions(store)
                .await?
                .into_iter()
                .find(|r| r.code == code);
            let region = found.ok_or_else(|| anyhow::anyhow!("no region with code {code}"))?;
            Binding {
                region: Some(karya_store::ids::RegionId(region.id)),
                ..Binding::default()
            }
        }
        ScopeKind::Partner | ScopeKind::Person | ScopeKind::ProsecutorOffice => anyhow::bail!(
            "{} accounts are bound to a partner, person or prosecutor's office and are created in the application",
            role.as_str()
        ),
    })
}

fn read_password(from_stdin: bool) -> anyhow::Result<String> {
    if from_stdin {
        let mut line = String::new();
        std::io::stdin().lock().read_line(&mut line)?;
        return Ok(line.trim_end_matches(['\r', '\n']).to_owned());
    }
    let first = rpassword::prompt_password("Kata sandi / Password: ")?;
    let second = rpassword::prompt_password("Ulangi / Repeat: ")?;
    anyhow::ensure!(first == second, "the two passwords differ");
    Ok(first)
}

fn print_logins(logins: &[DemoLogin], cases: usize) {
    println!();
    println!("Data demo dimuat / demo data loaded: {cases} perkara / cases.");
    println!(
        "Akun demo / Demo logins (kata sandi / password: {})",
        demo::DEMO_PASSWORD
    );
    println!("  {:<22} {:<18} office", "username", "role");
    for login in logins {
        println!(
            "  {:<22} {:<18} {}",
            login.username,
            login.role.as_str(),
            login.office
        );
    }
    println!();
}

async fn serve(settings: &Settings, bind: &str, load_demo: bool) -> anyhow::Result<ExitCode> {
    let started = std::time::Instant::now();
    let store = settings.store().await?;
    let mut fresh_demo = false;
    if load_demo {
        match demo::load_with_cases(&store).await? {
            Some((logins, cases)) => {
                print_logins(&logins, cases);
                fresh_demo = true;
            }
            None => println!(
                "Data demo sudah ada / demo data already present (password: {}).",
                demo::DEMO_PASSWORD
            ),
        }
    }
    let listener = tokio::net::TcpListener::bind(bind).await?;
    let address = listener.local_addr()?;
    let mut web = settings.web.clone();
    if !settings.public_url_configured {
        let (url, warning) = crate::settings::bound_public_url(address);
        web.public_url = url;
        if let Some(warning) = warning {
            tracing::warn!("{warning}");
            println!("{warning}");
        }
    }
    if load_demo && settings.second_factor_setting.is_none() {
        web.require_second_factor = false;
        println!(
            "Demo: verifikasi dua langkah tidak diwajibkan / second factor not required \
             (KARYA_REQUIRE_SECOND_FACTOR=1 untuk mewajibkan / to require it)."
        );
    }
    let state = karya_web::AppState::new(store.clone(), web);
    if fresh_demo {
        // Issued documents carry a QR code to this server's address, known only now.
        demo::documents::issue(&state).await?;
        println!("Dokumen demo diterbitkan / demo documents issued.");
    }
    spawn_housekeeping(state.clone());
    let app =
        karya_web::router(state).into_make_service_with_connect_info::<std::net::SocketAddr>();
    tracing::info!(
        engine = engine_name(settings),
        startup_ms = started.elapsed().as_millis() as u64,
        "serving"
    );
    println!(
        "Karya berjalan di / is serving at http://{address}  ({})",
        engine_name(settings)
    );
    axum::serve(listener, app)
        .with_graceful_shutdown(shutdown_signal())
        .await?;
    store.audit_checkpoint().await?;
    store.close().await;
    Ok(ExitCode::SUCCESS)
}

/// Every ten minutes, expired sessions are removed and a checkpoint signs the head of the
/// audit chain and is witnessed outside the database, so the unsigned tail of the chain is at
/// most ten minutes long (issue 12, item 2).
fn spawn_housekeeping(state: karya_web::AppState) {
    tokio::spawn(async move {
        let mut tick = tokio::time::interval(std::time::Duration::from_secs(600));
        loop {
            tick.tick().await;
            let now = state.store.now_ms();
            if let Err(error) =
                karya_store::sessions::purge_expired(&state.store, now, state.config.sessions).await
            {
                tracing::warn!(error = %error, "session purge failed");
            }
            if let Err(error) = state.store.audit_checkpoint().await {
                tracing::warn!(error = %error, "audit checkpoint failed");
            }
        }
    });
}

async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut signal) => {
                signal.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    tokio::select! {
        () = ctrl_c => {},
        () = terminate => {},
    }
}

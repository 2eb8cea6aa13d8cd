//! The PostgreSQL side of the test suite. With `KARYA_TEST_PG_URL` (a server URL whose user
//! may create databases) the tests use that server; without it, the first test of a test
//! binary starts a throwaway cluster from Debian's PostgreSQL binaries, which dies with the
//! test process. Tests never silently skip PostgreSQL: without a server they fail.

use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::OnceLock;
use std::time::{Duration, Instant};

use sqlx::{Connection, Executor};

static SERVER: OnceLock<String> = OnceLock::new();

/// A URL to a new, empty database.
pub async fn fresh_database() -> String {
    let server = SERVER.get_or_init(|| match std::env::var("KARYA_TEST_PG_URL") {
        Ok(url) if !url.is_empty() => url,
        _ => start_cluster().unwrap_or_else(|error| {
            panic!("PostgreSQL tests need a server: set KARYA_TEST_PG_URL or install postgresql ({error})")
        }),
    });
    sqlx::any::install_default_drivers();
    let name = format!("karya_test_{}", &karya_store::secret::random_hex()[..16]);
    let mut admin = sqlx::AnyConnection::connect(server)
        .await
        .expect("connect to the test server");
    admin
        .execute(sqlx::AssertSqlSafe(format!("CREATE DATABASE {name}")))
        .await
        .expect("create a test database");
    admin.close().await.ok();
    with_database(server, &name)
}

fn with_database(server: &str, name: &str) -> String {
    let (base, query) = server
        .split_once('?')
        .map_or((server, None), |(b, q)| (b, Some(q)));
    let authority_end = base.find("://").map_or(0, |i| i + 3);
    let base = match base[authority_end..].find('/') {
        Some(slash) => &base[..authority_end + slash],
        None => base,
    };
    match query {
        Some(query) => format!("{base}/{name}?{query}"),
        None => format!("{base}/{name}"),
    }
}

fn bin_dir() -> anyhow::Result<PathBuf> {
    let mut versions: Vec<PathBuf> = std::fs::read_dir("/usr/lib/postgresql")?
        .filter_map(|entry| entry.ok().map(|e| e.path().join("bin")))
        .filter(|bin| bin.join("postgres").exists())
        .collect();
    versions.sort();
    versions
        .pop()
        .ok_or_else(|| anyhow::anyhow!("no PostgreSQL under /usr/lib/postgresql"))
}

/// (uid, gid) of the `postgres` account when running as root; PostgreSQL refuses root.
fn postgres_account() -> Option<(u32, u32)> {
    // SAFETY: getuid has no preconditions.
    if unsafe { libc::getuid() } != 0 {
        return None;
    }
    let passwd = std::fs::read_to_string("/etc/passwd").ok()?;
    passwd.lines().find_map(|line| {
        let fields: Vec<&str> = line.split(':').collect();
        match fields.as_slice() {
            ["postgres", _, uid, gid, ..] => Some((uid.parse().ok()?, gid.parse().ok()?)),
            _ => None,
        }
    })
}

fn as_account(command: &mut Command, account: Option<(u32, u32)>) {
    use std::os::unix::process::CommandExt;
    // SAFETY: the closure only makes async-signal-safe system calls between fork and exec.
    unsafe {
        command.pre_exec(move || {
            if let Some((uid, gid)) = account
                && (libc::setgid(gid) != 0 || libc::setuid(uid) != 0)
            {
                return Err(std::io::Error::last_os_error());
            }
            // The server dies with the thread that started it, which lives as long as the
            // test process: no cluster outlives its tests.
            libc::prctl(libc::PR_SET_PDEATHSIG, libc::SIGKILL);
            Ok(())
        });
    }
}

/// Each test process's cluster lives in `<temp>/karya-test-pg-<pid>`.
const CLUSTER_PREFIX: &str = "karya-test-pg-";

/// Removes the clusters of test processes that have ended. The server dies with its process,
/// but its data directory (tens of megabytes) stays behind; without this sweep every run of
/// the suite would leave dozens of them on a machine that runs it again and again (CI).
fn sweep_stale_clusters() {
    let Ok(entries) = std::fs::read_dir(std::env::temp_dir()) else {
        return;
    };
    for entry in entries.flatten() {
        let name = entry.file_name();
        let Some(pid) = name
            .to_str()
            .and_then(|n| n.strip_prefix(CLUSTER_PREFIX))
            .and_then(|pid| pid.parse::<u32>().ok())
        else {
            continue;
        };
        if !Path::new(&format!("/proc/{pid}")).exists() {
            let _ = std::fs::remove_dir_all(entry.path());
        }
    }
}

fn start_cluster() -> anyhow::Result<String> {
    let bin = bin_dir()?;
    let account = postgres_account();
    sweep_stale_clusters();
    let dir = std::env::temp_dir().join(format!("{CLUSTER_PREFIX}{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir)?;
    if let Some((uid, gid)) = account {
        std::os::unix::fs::chown(&dir, Some(uid), Some(gid))?;
    }
    let data = dir.join("data");
    let mut initdb = Command::new(bin.join("initdb"));
    initdb.args([
        "-A",
        "trust",
        "-U",
        "postgres",
        "--no-sync",
        "-E",
        "UTF8",
        "--locale",
        "C",
        "-D",
    ]);
    initdb.arg(&data).stdout(std::process::Stdio::null());
    as_account(&mut initdb, account);
    anyhow::ensure!(initdb.status()?.success(), "initdb failed");

    let port = TcpListener::bind("127.0.0.1:0")?.local_addr()?.port();
    let (tx, rx) = std::sync::mpsc::channel();
    let postgres = bin.join("postgres");
    let socket_dir = dir.clone();
    std::thread::Builder::new()
        .name("test-postgres".into())
        .spawn(move || {
            let mut server = Command::new(postgres);
            server.arg("-D").arg(&data).args(["-p", &port.to_string()]);
            server.args(["-c", "listen_addresses=127.0.0.1", "-c", "fsync=off"]);
            server.args(["-c", "synchronous_commit=off", "-c", "full_page_writes=off"]);
            server.args(["-c", "max_connections=300"]);
            server.arg("-k").arg(&socket_dir);
            server
                .stdout(std::process::Stdio::null())
                .stderr(std::process::Stdio::null());
            as_account(&mut server, account);
            let child = server.spawn();
            let started = child.is_ok();
            tx.send(child.map(|_| ()).map_err(|e| e.to_string())).ok();
            if started {
                loop {
                    std::thread::park();
                }
            }
        })?;
    rx.recv()?
        .map_err(|e| anyhow::anyhow!("postgres did not start: {e}"))?;
    wait_until_ready(port, &dir)?;
    Ok(format!("postgres://postgres@127.0.0.1:{port}/postgres"))
}

fn wait_until_ready(port: u16, dir: &Path) -> anyhow::Result<()> {
    let deadline = Instant::now() + Duration::from_secs(30);
    while Instant::now() < deadline {
        if std::net::TcpStream::connect(("127.0.0.1", port)).is_ok()
            && dir.join(format!(".s.PGSQL.{port}")).exists()
        {
            // The socket exists once the server accepts connections; give recovery a beat.
            std::thread::sleep(Duration::from_millis(200));
            return Ok(());
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    anyhow::bail!("postgres did not become ready within 30 s")
}

//! The webhook URL is a secret: after setting up a chat target and posting (and failing to post),
//! neither the SQLite file (with its WAL) nor anything logged at debug level or above contains it.
//! Logging is captured with a global subscriber that also takes the HTTP client's `log` records,
//! so this file holds this one test.
use std::io::Write;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use chat_support::{demo, now, silent_webhook, webhook};
use sprintshield_caldav::OsSecrets;
use sprintshield_core::standup::ChatFormat;
use sprintshield_service::{OpenMode, Sprintshield};

mod chat_support;

/// Everything logged, kept in memory.
#[derive(Clone, Default)]
struct Log(Arc<Mutex<Vec<u8>>>);

impl Write for Log {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.lock().unwrap().extend_from_slice(buf);
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

impl Log {
    fn text(&self) -> String {
        String::from_utf8_lossy(&self.0.lock().unwrap()).into_owned()
    }
}

/// Every byte of the database: the file and SQLite's side files.
fn database_bytes(path: &std::path::Path) -> Vec<u8> {
    let mut all = Vec::new();
    for suffix in ["", "-wal", "-shm", "-journal"] {
        let p = std::path::PathBuf::from(format!("{}{suffix}", path.display()));
        if let Ok(b) = std::fs::read(&p) {
            all.extend(b);
        }
    }
    all
}

fn contains(hay: &[u8], needle: &str) -> bool {
    hay.windows(needle.len()).any(|w| w == needle.as_bytes())
}

#[test]
fn the_webhook_url_is_neither_in_the_database_nor_in_the_log() {
    let log = Log::default();
    let writer = log.clone();
    tracing_subscriber::fmt()
        .with_max_level(tracing::Level::DEBUG)
        .with_ansi(false)
        .with_writer(move || writer.clone())
        .init();

    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("secret.db");
    let mut app = Sprintshield::open(&db, OpenMode::CreateIfMissing).unwrap();
    let team = demo(&mut app);

    let (url, rx) = webhook("200 OK");
    let secret = url.rsplit('/').next().unwrap().to_owned();
    std::env::set_var("SS_SECRET_HOOK", &url);
    app.set_chat_target(team.id, "SS_SECRET_HOOK", ChatFormat::Slack)
        .unwrap();
    let report = app
        .post_standup(team.id, now(), &sprintshield_chat::post, &OsSecrets::default())
        .unwrap();
    assert_eq!(report.status, 200);
    rx.recv_timeout(Duration::from_secs(5)).unwrap();

    // A failing post (time-out) logs nothing of the URL either.
    let silent = silent_webhook();
    let silent_secret = silent.rsplit('/').next().unwrap().to_owned();
    std::env::set_var("SS_SECRET_HOOK", &silent);
    let e = app
        .post_standup_within(
            team.id,
            now(),
            &sprintshield_chat::post,
            &OsSecrets::default(),
            Duration::from_millis(300),
        )
        .unwrap_err();
    tracing::warn!(error = %e.message, "post failed");
    drop(app);

    let bytes = database_bytes(&db);
    assert!(contains(&bytes, "SS_SECRET_HOOK"), "the variable's name is stored");
    for s in [&url, &secret, &silent, &silent_secret] {
        assert!(!contains(&bytes, s), "the database holds {s}");
    }
    let text = log.text();
    assert!(
        text.contains("posted the stand-up message"),
        "the capture works: {text}"
    );
    assert!(text.contains("127.0.0.1"), "the host may be logged: {text}");
    assert!(
        text.contains("ureq"),
        "the HTTP client's own debug records were captured too: {text}"
    );
    for s in [&url, &secret, &silent, &silent_secret] {
        assert!(!text.contains(s.as_str()), "the log holds {s}:\n{text}");
    }
}

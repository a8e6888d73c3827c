//! The calendar password is a secret: after setting up a target and publishing (per-member
//! calendars included), neither the SQLite file (with its side files) nor anything
//! logged — at trace level, the HTTP client's request lines included — holds the password or its
//! Basic-authentication form. Logging is captured with a global subscriber, so this file holds
//! this one test.
mod leak_support;
mod publish_support;

use sprintshield_caldav::radicale::{Radicale, PASSWORD, USER};
use sprintshield_service::{OpenMode, Sprintshield};

use leak_support::{database_bytes, Log};
use publish_support::*;

/// `user:password` in base64, as a Basic `Authorization` header carries it.
fn basic(user: &str, password: &str) -> String {
    const T: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let b = format!("{user}:{password}").into_bytes();
    let mut out = String::new();
    for c in b.chunks(3) {
        let n =
            (u32::from(c[0]) << 16) | (u32::from(*c.get(1).unwrap_or(&0)) << 8) | u32::from(*c.get(2).unwrap_or(&0));
        for i in 0..4 {
            out.push(if i <= c.len() {
                T[((n >> (18 - 6 * i)) & 63) as usize] as char
            } else {
                '='
            });
        }
    }
    out
}

#[test]
fn the_password_is_neither_in_the_database_nor_in_the_log() {
    let log = Log::default();
    let writer = log.clone();
    tracing_subscriber::fmt()
        .with_max_level(tracing::Level::TRACE)
        .with_ansi(false)
        .with_writer(move || writer.clone())
        .init();

    let server = Radicale::start();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("secrets.db");
    let mut s = Sprintshield::open(&path, OpenMode::CreateIfMissing).unwrap();
    let team = demo_in(&mut s);
    std::env::set_var("SPRINTSHIELD_TEST_PW_SECRET", PASSWORD);
    s.set_calendar_target(
        team,
        &server.collection_url("phoenix"),
        USER,
        "SPRINTSHIELD_TEST_PW_SECRET",
        true,
        vec![],
    )
    .unwrap();
    let done = s.publish(team, now(), &two_weeks(), &connector(), &secrets()).unwrap();
    assert!(done.created > 0);
    let status = s.publish_status(team, now()).unwrap();
    drop(s);

    let logged = String::from_utf8_lossy(&log.0.lock().unwrap()).into_owned();
    assert!(
        logged.contains("PROPFIND") || logged.contains("PUT"),
        "the HTTP requests were logged, so the check below means something:\n{logged}"
    );
    let db = database_bytes(&path);
    assert!(
        db.contains("SPRINTSHIELD_TEST_PW_SECRET"),
        "the variable's name is stored"
    );
    assert!(status.published_events > 0);
    for secret in [PASSWORD.to_owned(), basic(USER, PASSWORD)] {
        assert!(!db.contains(&secret), "the database holds {secret}");
        assert!(!logged.contains(&secret), "the log holds {secret}");
    }
}

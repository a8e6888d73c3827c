//! The calendar password in the OS keyring, against a real Secret Service (GNOME Keyring on a
//! private D-Bus session bus, started here) and a real Radicale: set-up stores the password in the
//! keyring (read back with libsecret's `secret-tool`, not our code) and the database only says
//! "keyring"; a publish with it works; neither the database file nor a trace-level log holds the
//! password. Where no Secret Service runs, set-up fails with one sentence pointing at
//! `--password-env` and changes nothing.
//!
//! The keyring is found through `DBUS_SESSION_BUS_ADDRESS`, which is process-wide, and logging
//! is captured with a global subscriber: so this file holds this one test.
mod leak_support;
mod publish_support;

use sprintshield_caldav::radicale::{Radicale, PASSWORD, USER};
use sprintshield_caldav::secret_service::SecretService;
use sprintshield_caldav::OsSecrets;
use sprintshield_core::publish::{KeyringEntry, PasswordSource};
use sprintshield_core::ErrorKind;
use sprintshield_service::{OpenMode, PublishOptions, Sprintshield};

use leak_support::{database_bytes, use_bus, Log};
use publish_support::*;

#[test]
fn the_password_goes_to_the_os_keyring_and_nowhere_else() {
    let log = Log::default();
    let writer = log.clone();
    tracing_subscriber::fmt()
        .with_max_level(tracing::Level::TRACE)
        .with_ansi(false)
        .with_writer(move || writer.clone())
        .init();

    let server = Radicale::start();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("keyring.db");
    let mut s = Sprintshield::open(&path, OpenMode::CreateIfMissing).unwrap();
    let team = demo_in(&mut s);
    let url = server.collection_url("phoenix");

    // No session bus at all: one sentence, pointing at --password-env; nothing stored.
    use_bus(&format!("unix:path={}/no-bus-here", dir.path().display()));
    let err = s
        .set_calendar_target_in_keyring(team, &url, USER, PASSWORD, false, vec![], &OsSecrets::default())
        .unwrap_err();
    assert_eq!(err.kind, ErrorKind::Invalid);
    assert!(
        err.message.starts_with("no OS keyring (Secret Service) runs here (")
            && err.message.ends_with("give its NAME with --password-env VAR"),
        "{}",
        err.message
    );
    assert!(!err.message.contains('\n'), "one sentence: {}", err.message);
    assert_eq!(s.publish_status(team, now()).unwrap().calendar, None);

    // A bus, but nothing on it answers for the Secret Service: the same.
    let empty = SecretService::bus_only();
    use_bus(&empty.address);
    let err = s
        .set_calendar_target_in_keyring(team, &url, USER, PASSWORD, false, vec![], &OsSecrets::default())
        .unwrap_err();
    assert!(
        err.message.starts_with("no OS keyring (Secret Service) runs here")
            && err.message.contains("--password-env VAR"),
        "{}",
        err.message
    );
    assert_eq!(s.publish_status(team, now()).unwrap().calendar, None);
    drop(empty);

    // A real Secret Service: the password goes there, the database says only "keyring".
    let keyring = SecretService::start();
    use_bus(&keyring.address);
    let secrets = OsSecrets::default();
    let target = s
        .set_calendar_target_in_keyring(team, &url, USER, PASSWORD, true, vec![], &secrets)
        .unwrap();
    assert_eq!(target.password_source, PasswordSource::Keyring);
    assert_eq!(target.password_env, "");
    let entry = KeyringEntry::for_target(&target);
    assert_eq!(
        keyring
            .lookup(&[("service", &entry.service), ("username", &entry.account)])
            .as_deref(),
        Some(PASSWORD),
        "libsecret finds the password under the target's entry"
    );

    // A publish reads it from the keyring and works (per-member calendars included).
    let one_week = PublishOptions {
        to: Some(d("2026-11-29")),
        ..two_weeks()
    };
    let done = s.publish(team, now(), &one_week, &connector(), &secrets).unwrap();
    assert!(done.created > 0 && done.member_writes > 0, "{done:?}");
    assert_eq!(server.list(&phoenix_path()).len(), done.created);
    let status = s.publish_status(team, now()).unwrap();
    assert_eq!(
        status.calendar.as_ref().map(|c| c.password_source),
        Some(PasswordSource::Keyring)
    );

    // A wrong password in the keyring: the refusal says where the password came from.
    s.set_calendar_target_in_keyring(team, &url, USER, "not-the-password", true, vec![], &secrets)
        .unwrap();
    let opts = two_weeks();
    let err = s.publish(team, now(), &opts, &connector(), &secrets).unwrap_err();
    assert!(
        err.message
            .starts_with("the calendar server refused the password for ana@example.com (read from the OS keyring)"),
        "{}",
        err.message
    );
    // Set up again with the right one; the publish goes on from where it was.
    s.set_calendar_target_in_keyring(team, &url, USER, PASSWORD, true, vec![], &secrets)
        .unwrap();
    let more = s.publish(team, now(), &opts, &connector(), &secrets).unwrap();
    assert!(more.created > 0 && more.unchanged == done.created, "{more:?}");

    // Switching the team to another user forgets the old entry (no other team uses it).
    s.set_calendar_target_in_keyring(team, &url, "someone-else", "pw-2", false, vec![], &secrets)
        .unwrap();
    assert_eq!(
        keyring.lookup(&[("service", &entry.service), ("username", &entry.account)]),
        None
    );
    s.set_calendar_target_in_keyring(team, &url, USER, PASSWORD, true, vec![], &secrets)
        .unwrap();
    drop(s);

    let logged = String::from_utf8_lossy(&log.0.lock().unwrap()).into_owned();
    assert!(
        logged.contains("PROPFIND") || logged.contains("PUT"),
        "the HTTP requests were logged, so the check below means something:\n{logged}"
    );
    let db = database_bytes(&path);
    assert!(db.contains("keyring"), "the database says where the password is");
    for secret in [PASSWORD, "not-the-password", "pw-2"] {
        assert!(!db.contains(secret), "the database holds {secret}");
        assert!(!logged.contains(secret), "the log holds {secret}");
    }
    for user in [USER, "someone-else"] {
        for pw in [PASSWORD, "not-the-password", "pw-2"] {
            let basic = basic(user, pw);
            assert!(!logged.contains(&basic), "the log holds {user}'s Basic header");
        }
    }
}

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

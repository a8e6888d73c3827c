//! `sprintshield publish setup` without `--password-env` keeps the calendar password in the OS
//! keyring: against a real Secret Service (GNOME Keyring on a private D-Bus bus) and a real
//! Radicale, the password piped in on standard input lands in the keyring (read back with
//! libsecret's `secret-tool`), `publish` works with it, and neither the database file nor anything
//! printed holds it. Where no Secret Service runs, set-up is one sentence pointing at
//! `--password-env`, and nothing is set up.
mod support;

use chrono::{Duration, Utc};
use sprintshield_caldav::radicale::{Radicale, PASSWORD, USER};
use sprintshield_caldav::secret_service::SecretService;
use support::Db;

#[test]
fn setup_keeps_the_password_in_the_os_keyring_and_publish_uses_it() {
    let server = Radicale::start();
    let db = Db::new();
    db.ok(&["demo"]);
    let url = server.collection_url("phoenix");
    let setup = [
        "publish", "setup", "--team", "Phoenix", "--caldav", &url, "--user", USER,
    ];

    // No Secret Service on the bus: one sentence, and no calendar is set up.
    let empty = SecretService::bus_only();
    let out = db
        .cli_with_keyring(&empty)
        .args(setup)
        .arg("--password-stdin")
        .write_stdin(format!("{PASSWORD}\n"))
        .assert()
        .failure()
        .get_output()
        .clone();
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(
        err.contains("no OS keyring (Secret Service) runs here") && err.contains("--password-env VAR"),
        "{err}"
    );
    assert_eq!(err.trim().lines().count(), 1, "{err}");
    let status = db
        .cli_with_keyring(&empty)
        .args(["publish", "status", "--team", "Phoenix"])
        .assert()
        .success();
    assert!(String::from_utf8_lossy(&status.get_output().stdout).contains("Calendar:   not set up"));
    drop(empty);

    // A real Secret Service: the password read from standard input goes into it.
    let keyring = SecretService::start();
    let out = db
        .cli_with_keyring(&keyring)
        .args(setup)
        .write_stdin(format!("{PASSWORD}\n"))
        .assert()
        .success()
        .get_output()
        .clone();
    let said = String::from_utf8(out.stdout).unwrap();
    assert!(said.contains("(password from the OS keyring)"), "{said}");
    assert_eq!(
        keyring
            .lookup(&[
                ("service", "sprintshield-caldav"),
                ("username", &format!("{USER} at {url}"))
            ])
            .as_deref(),
        Some(PASSWORD)
    );

    let today = Utc::now().date_naive();
    let (from, to) = (
        (today + Duration::days(1)).to_string(),
        (today + Duration::days(14)).to_string(),
    );
    let out = db
        .cli_with_keyring(&keyring)
        .args(["--json", "publish", "--team", "Phoenix", "--from", &from, "--to", &to])
        .assert()
        .success()
        .get_output()
        .clone();
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let created = report["calendar"]["created"].as_u64().unwrap() as usize;
    assert!(created > 0, "{report}");
    assert_eq!(server.list(&format!("/{USER}/phoenix/")).len(), created);
    let printed = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );

    let status = db
        .cli_with_keyring(&keyring)
        .args(["--json", "publish", "status", "--team", "Phoenix"])
        .assert()
        .success()
        .get_output()
        .clone();
    let status: serde_json::Value = serde_json::from_slice(&status.stdout).unwrap();
    assert_eq!(status["calendar"]["password_source"], "keyring");
    assert_eq!(status["calendar"]["password_env"], "");

    let db_text = db.bytes();
    assert!(!db_text.contains(PASSWORD), "the database holds the password");
    assert!(
        !printed.contains(PASSWORD) && !said.contains(PASSWORD),
        "the output holds the password"
    );
}

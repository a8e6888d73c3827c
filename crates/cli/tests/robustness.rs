//! The CLI never panics on its own output or on hostile input: a closed pipe ends it quietly, a
//! full disk is one error line, 70,000 characters and control characters get a clear refusal,
//! a name with "/" works wherever it can be typed, and a mistyped --db is not silent.
use std::process::{Command, Stdio};

mod support;
use support::Db;

fn bin() -> String {
    env!("CARGO_BIN_EXE_sprintshield").to_owned()
}

#[test]
fn a_closed_pipe_ends_quietly_and_a_full_disk_is_one_line() {
    let db = Db::new();
    db.ok(&["demo"]);
    // `rotation show … | head -1`: the reader goes away; the writes that follow must not panic.
    // The read end is closed before the program writes anything, so every write meets a closed
    // pipe whatever the output's size.
    let mut child = Command::new(bin())
        .env_remove("SPRINTSHIELD_DB")
        .args(["--db", db.path().to_str().unwrap()])
        .args([
            "rotation",
            "show",
            "--team",
            "Phoenix",
            "--from",
            "2026-01-01",
            "--to",
            "2027-12-31",
        ])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    drop(child.stdout.take());
    let out = child.wait_with_output().unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "exit {:?}: {err}", out.status);
    assert!(!err.contains("panicked"), "{err}");

    if std::path::Path::new("/dev/full").exists() {
        let full = std::fs::OpenOptions::new().write(true).open("/dev/full").unwrap();
        let out = Command::new(bin())
            .env_remove("SPRINTSHIELD_DB")
            .args(["--db", db.path().to_str().unwrap(), "team", "list"])
            .stdout(full)
            .output()
            .unwrap();
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(1), "{err}");
        assert_eq!(err.lines().count(), 1, "{err}");
        assert!(err.starts_with("error: the output could not be written"), "{err}");
    }
}

#[test]
fn hostile_text_and_dates_get_clear_refusals() {
    let db = Db::new();
    db.ok(&["team", "add", "Phoenix", "--zone", "Europe/Berlin"]);
    let long = "x".repeat(70_000);
    db.rejected(
        &[
            "sprint",
            "add",
            "--team",
            "Phoenix",
            "S1",
            "--start",
            "2026-06-01",
            "--end",
            "2026-06-12",
            "--goal",
            &long,
        ],
        "at most 1000",
    );
    db.rejected(&["member", "add", "--team", "Phoenix", &long], "at most 80");
    db.rejected(&["member", "add", "--team", "Phoenix", "Ana\nBen"], "line break");
    db.rejected(&["member", "add", "--team", "Phoenix", "Ana\u{202e}"], "invisible");
    db.rejected(&["member", "add", "--team", "Phoenix", "Ana\u{7}"], "control character");
    db.rejected(
        &[
            "sprint",
            "add",
            "--team",
            "Phoenix",
            "S0",
            "--start",
            "0000-01-01",
            "--end",
            "0000-01-12",
        ],
        "1900",
    );
    db.rejected(
        &["holiday", "add", "--team", "Phoenix", "--date", "2201-01-01", "Far"],
        "2200",
    );
    let listed = db.ok(&["sprint", "list", "--team", "Phoenix"]);
    assert_eq!(listed.trim(), "(none)");
}

#[test]
fn a_policy_name_with_a_slash_works_everywhere() {
    let db = Db::new();
    db.ok(&["team", "add", "Phoenix", "--zone", "Europe/Berlin"]);
    db.ok(&["member", "add", "--team", "Phoenix", "Ana"]);
    db.ok(&["member", "add", "--team", "Phoenix", "Ben"]);
    db.ok(&[
        "policy",
        "add",
        "--team",
        "Phoenix",
        "24/7 pager",
        "--kind",
        "weekly",
        "--handoff",
        "MON 10:00",
    ]);
    db.ok(&[
        "rotation",
        "plan",
        "--team",
        "Phoenix",
        "--from",
        "2030-01-07",
        "--to",
        "2030-02-03",
    ]);
    let out = db.ok(&[
        "rotation",
        "override",
        "--team",
        "Phoenix",
        "--policy",
        "24/7 pager",
        "--at",
        "2030-01-15T12:00",
        "--member",
        "Ben",
    ]);
    assert!(out.contains("Ben is on duty"), "{out}");
    let shown = db.ok(&[
        "rotation",
        "show",
        "--team",
        "Phoenix",
        "--from",
        "2030-01-07",
        "--to",
        "2030-02-03",
        "--policy",
        "24/7 pager",
    ]);
    assert!(shown.contains("24/7 pager"), "{shown}");
    // "Team/Policy" still reaches another team's policy.
    db.ok(&["team", "add", "Atlas", "--zone", "Europe/Berlin", "--kind", "ops"]);
    db.ok(&["member", "add", "--team", "Atlas", "Olu"]);
    db.ok(&[
        "policy",
        "add",
        "--team",
        "Atlas",
        "Op of the Week",
        "--kind",
        "weekly",
        "--escalates-to",
        "Phoenix/24/7 pager",
    ]);
}

#[test]
fn a_mistyped_db_path_is_an_error_not_an_empty_database() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("typo").join("sprintshld.db");
    let out = Command::new(bin())
        .env_remove("SPRINTSHIELD_DB")
        .args(["--db", path.to_str().unwrap(), "team", "list"])
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        err.contains("there is no Sprintshield database at") && err.contains("init"),
        "{err}"
    );
    assert!(
        !path.exists() && !path.parent().unwrap().exists(),
        "nothing was created"
    );
    // A rejected first `team add` leaves no empty database behind either.
    let out = Command::new(bin())
        .env_remove("SPRINTSHIELD_DB")
        .args([
            "--db",
            path.to_str().unwrap(),
            "team",
            "add",
            "Bad\tName",
            "--zone",
            "UTC",
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(!path.exists() && !path.parent().unwrap().exists());
    // `init` creates it and says so.
    let out = Command::new(bin())
        .env_remove("SPRINTSHIELD_DB")
        .args(["--db", path.to_str().unwrap(), "init"])
        .output()
        .unwrap();
    assert!(out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("created a new Sprintshield database"));
    assert!(path.exists());
}

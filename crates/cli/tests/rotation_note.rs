//! `rotation note`: a handoff note is written, replaced and cleared on the turn covering a moment,
//! the printed undo command (run through a real shell) brings the earlier note back, and bad input
//! exits 1 with one line and writes nothing.
use chrono::{Duration, Utc};
use std::process::Command;

mod support;
use support::Db;

fn day(offset: i64) -> String {
    (Utc::now().date_naive() + Duration::days(offset)).to_string()
}

/// A team with one daily policy planned for the coming two weeks.
fn world(db: &Db) -> String {
    db.ok(&["team", "add", "Orion", "--zone", "Europe/Berlin"]);
    for name in ["Ravi", "Mia"] {
        db.ok(&["member", "add", "--team", "Orion", name]);
    }
    db.ok(&["policy", "add", "--team", "Orion", "Batman", "--kind", "daily"]);
    db.ok(&[
        "rotation",
        "plan",
        "--team",
        "Orion",
        "--from",
        &day(1),
        "--to",
        &day(14),
    ]);
    format!("{}T12:00", day(3))
}

fn note_at(db: &Db, at: &str) -> String {
    let turns = db.json(&[
        "rotation",
        "show",
        "--team",
        "Orion",
        "--from",
        &day(3),
        "--to",
        &day(3),
    ]);
    let turn = turns
        .as_array()
        .unwrap()
        .iter()
        .find(|t| t["start"].as_str().unwrap() <= at)
        .expect("a turn on that day");
    turn["note"].as_str().unwrap().to_string()
}

/// The `(undo: …)` part of a sentence, run through bash against the same database.
fn run_undo(db: &Db, said: &str) {
    let undo = said.split("(undo: ").nth(1).unwrap().trim_end().trim_end_matches(')');
    let bin = assert_cmd::cargo::cargo_bin("sprintshield");
    let status = Command::new("bash")
        .arg("-c")
        .arg(format!("\"$0\" --db \"$1\" {undo}"))
        .arg(bin)
        .arg(db.path())
        .status()
        .unwrap();
    assert!(status.success(), "undo command failed: {undo}");
}

#[test]
fn a_note_is_written_replaced_cleared_and_undone_by_the_printed_command() {
    let db = Db::new();
    let at = world(&db);
    let turn = ["rotation", "note", "--team", "Orion", "--policy", "Batman", "--at", &at];

    let first = "db-2 still flaky\n\tsee \"INC-7\" and Ravi's $HOME note";
    let said = db.ok(&[&turn[..], &["--text", first]].concat());
    assert!(said.contains("has a new handoff note"), "{said}");
    assert_eq!(note_at(&db, &at), first);

    let said = db.ok(&[&turn[..], &["--text", first]].concat());
    assert!(said.contains("nothing changed"), "{said}");

    let said = db.ok(&[&turn[..], &["--text", "all quiet"]].concat());
    assert_eq!(note_at(&db, &at), "all quiet");
    run_undo(&db, &said);
    assert_eq!(
        note_at(&db, &at),
        first,
        "the printed undo restores the earlier note exactly"
    );

    let said = db.ok(&[&turn[..], &["--text", ""]].concat());
    assert!(said.contains("cleared"), "{said}");
    assert_eq!(note_at(&db, &at), "");
    run_undo(&db, &said);
    assert_eq!(note_at(&db, &at), first);
}

#[test]
fn bad_notes_and_missing_turns_exit_1_with_one_line_and_change_nothing() {
    let db = Db::new();
    let at = world(&db);
    let turn = ["rotation", "note", "--team", "Orion", "--policy", "Batman", "--at", &at];
    db.ok(&[&turn[..], &["--text", "keep me"]].concat());

    db.rejected(&[&turn[..], &["--text", "ring\u{7}bell"]].concat(), "control character");
    let long = "x".repeat(70_000);
    db.rejected(&[&turn[..], &["--text", &long]].concat(), "at most");
    let far = format!("{}T12:00", day(400));
    db.rejected(
        &[
            "rotation", "note", "--team", "Orion", "--policy", "Batman", "--at", &far, "--text", "x",
        ],
        "plan the rotation first",
    );
    db.rejected(
        &[
            "rotation",
            "note",
            "--team",
            "Orion",
            "--policy",
            "Batman",
            "--at",
            "0000-01-01T00:00",
            "--text",
            "x",
        ],
        "",
    );
    assert_eq!(note_at(&db, &at), "keep me");
}

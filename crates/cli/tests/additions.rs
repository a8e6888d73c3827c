//! Adding time off or a holiday through the real binary re-plans the turns on its days and says
//! which turns moved to whom, with the command that undoes it; rejected input exits 1 with one
//! line and writes nothing.
use chrono::{Duration, Utc};
use serde_json::Value;

mod support;
use support::Db;

fn day(offset: i64) -> String {
    // The CLI reads the real clock: dates are relative to today.
    (Utc::now().date_naive() + Duration::days(offset)).to_string()
}

/// Team Phoenix (Berlin) with four members and a daily Batman planned for the next four weeks.
fn team() -> Db {
    let db = Db::new();
    db.ok(&["team", "add", "Phoenix", "--zone", "Europe/Berlin"]);
    for name in ["Ana", "Ben", "Cleo", "Dan"] {
        db.ok(&["member", "add", "--team", "Phoenix", name]);
    }
    db.ok(&[
        "policy",
        "add",
        "--team",
        "Phoenix",
        "Batman",
        "--kind",
        "daily",
        "--handoff",
        "09:30",
    ]);
    db.ok(&[
        "rotation",
        "plan",
        "--team",
        "Phoenix",
        "--from",
        &day(-3),
        "--to",
        &day(28),
    ]);
    db
}

/// The stored turns as `rotation show --json` lists them.
fn turns(db: &Db) -> Vec<Value> {
    let v = db.json(&[
        "rotation",
        "show",
        "--team",
        "Phoenix",
        "--from",
        &day(-3),
        "--to",
        &day(28),
    ]);
    let list = v.get("turns").cloned().unwrap_or(v);
    list.as_array().unwrap().clone()
}

/// Who holds the Batman turn that starts on `on` (a local date), by name.
fn holder(db: &Db, on: &str) -> Option<String> {
    turns(db)
        .into_iter()
        .find(|t| t["start"].as_str().is_some_and(|s| s.starts_with(on)))
        .map(|t| t["member"].as_str().unwrap().to_owned())
}

#[test]
fn time_off_and_a_holiday_say_which_turns_moved_and_how_to_undo() {
    let db = team();
    // A weekday ten or more days ahead whose turn someone holds.
    let (on, who) = (10..20)
        .map(day)
        .find_map(|d| holder(&db, &d).map(|w| (d, w)))
        .expect("a planned turn ahead");
    let name = who.clone();
    let out = db.ok(&[
        "timeoff", "add", "--team", "Phoenix", "--member", &name, "--from", &on, "--to", &on, "--kind", "sick",
    ]);
    assert!(out.contains("1 turn moves: "), "{out}");
    assert!(out.contains(&format!("{name}'s Batman turn on ")), "{out}");
    assert!(
        out.contains(&format!(
            "(undo: timeoff remove --team \"Phoenix\" --member \"{name}\" --from {on})"
        )),
        "{out}"
    );
    assert_eq!(out.lines().count(), 1, "one line: {out}");
    assert_ne!(holder(&db, &on), Some(who), "someone else holds the turn now");

    let holiday = day(15);
    let before = turns(&db);
    let out = db.ok(&["holiday", "add", "--team", "Phoenix", "--date", &holiday, "Team day"]);
    assert!(out.contains("turn") && out.contains(" moves to "), "{out}");
    assert!(
        out.contains(&format!("(undo: holiday remove --team \"Phoenix\" --date {holiday})")),
        "{out}"
    );
    assert_ne!(turns(&db), before, "the turns around the holiday are re-planned");

    // A holiday in the past moves nothing and says nothing about turns.
    let out = db.ok(&["holiday", "add", "--team", "Phoenix", "--date", &day(-30), "Old"]);
    assert!(!out.contains("turn"), "{out}");
}

#[test]
fn a_rejected_addition_writes_nothing() {
    let db = team();
    let before = (turns(&db), db.ok(&["timeoff", "list", "--team", "Phoenix"]));
    db.rejected(
        &[
            "timeoff",
            "add",
            "--team",
            "Phoenix",
            "--member",
            "Ana",
            "--from",
            &day(12),
            "--to",
            &day(10),
        ],
        "before the first day",
    );
    db.rejected(
        &["holiday", "add", "--team", "Phoenix", "--date", "2027-02-30", "Nope"],
        "date",
    );
    assert_eq!((turns(&db), db.ok(&["timeoff", "list", "--team", "Phoenix"])), before);
}

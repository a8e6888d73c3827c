//! Correcting, retiring and removing records through the real binary: every new subcommand
//! works, says what changed (and how to undo it), and rejected input exits 1 with one line and
//! writes nothing (the whole database's listings are compared before and after).
use chrono::{Duration, Utc};
use serde_json::Value;

mod support;
use support::Db;

fn day(offset: i64) -> String {
    // The CLI reads the real clock: dates are relative to today (a few days of slack either way
    // keeps the Berlin/UTC date boundary out of the way).
    (Utc::now().date_naive() + Duration::days(offset)).to_string()
}

impl Db {
    /// Team Phoenix (Berlin) with Ana, Ben, Cleo and Dan, a past and a future sprint, a daily
    /// Batman planned for the next four weeks.
    fn team(&self) {
        self.ok(&["team", "add", "Phoenix", "--zone", "Europe/Berlin"]);
        for name in ["Ana", "Ben", "Cleo", "Dan"] {
            let email = format!("{}@example.com", name.to_lowercase());
            self.ok(&["member", "add", "--team", "Phoenix", name, "--email", &email]);
        }
        self.ok(&[
            "sprint",
            "add",
            "--team",
            "Phoenix",
            "Past",
            "--start",
            &day(-40),
            "--end",
            &day(-27),
        ]);
        self.ok(&[
            "sprint",
            "add",
            "--team",
            "Phoenix",
            "Future",
            "--start",
            &day(20),
            "--end",
            &day(33),
        ]);
        self.ok(&[
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
        self.ok(&[
            "rotation",
            "plan",
            "--team",
            "Phoenix",
            "--from",
            &day(-3),
            "--to",
            &day(28),
        ]);
    }

    /// Every listing of the database, to show that a rejected command wrote nothing.
    fn state(&self) -> String {
        let mut all = Vec::new();
        for args in [
            vec!["team", "list"],
            vec!["member", "list", "--team", "Phoenix"],
            vec!["sprint", "list", "--team", "Phoenix"],
            vec!["timeoff", "list", "--team", "Phoenix"],
            vec!["holiday", "list", "--team", "Phoenix"],
            vec!["interrupt", "list", "--team", "Phoenix"],
            vec!["policy", "list", "--team", "Phoenix"],
            vec!["freeze", "list"],
            vec!["release-train", "list"],
        ] {
            all.push(self.json(&args));
        }
        let (from, to) = (day(-5), day(35));
        all.push(self.json(&["rotation", "show", "--team", "Phoenix", "--from", &from, "--to", &to]));
        serde_json::to_string(&all).unwrap()
    }

    /// Asserts the command is rejected (exit 1, one line containing `needle`) and wrote nothing.
    fn refused(&self, args: &[&str], needle: &str) {
        let before = self.state();
        self.rejected(args, needle);
        assert_eq!(self.state(), before, "{args:?} wrote something");
    }

    fn turns(&self) -> Vec<Value> {
        let (from, to) = (day(-5), day(35));
        self.json(&["rotation", "show", "--team", "Phoenix", "--from", &from, "--to", &to])
            .as_array()
            .unwrap()
            .clone()
    }
}

#[test]
fn sprints_close_by_their_rules_correct_reopen_edit_and_remove() {
    let db = Db::new();
    db.team();
    db.refused(
        &["sprint", "close", "--team", "Phoenix", "Future", "--completed", "30"],
        "can be closed on its last day or after it",
    );
    assert!(db
        .ok(&["sprint", "close", "--team", "Phoenix", "Past", "--completed", "36"])
        .contains("closed Past with 36 points"));
    db.refused(
        &["sprint", "close", "--team", "Phoenix", "Past", "--completed", "38"],
        "already closed with 36 points",
    );
    assert!(db
        .ok(&[
            "sprint",
            "close",
            "--team",
            "Phoenix",
            "Past",
            "--completed",
            "38",
            "--correct"
        ])
        .contains("38 points (was 36)"));
    db.refused(&["sprint", "remove", "--team", "Phoenix", "Past"], "reopen it first");
    let out = db.ok(&["sprint", "reopen", "--team", "Phoenix", "Past"]);
    assert!(out.contains("reopened Past") && out.contains("--completed 38"), "{out}");
    db.refused(&["sprint", "reopen", "--team", "Phoenix", "Past"], "is not closed");
    db.ok(&[
        "sprint",
        "edit",
        "--team",
        "Phoenix",
        "Future",
        "--name",
        "Next",
        "--committed",
        "42",
    ]);
    let sprints = db.json(&["sprint", "list", "--team", "Phoenix"]);
    assert_eq!(sprints[1]["name"], "Next");
    assert_eq!(sprints[1]["committed_points"], 42.0);
    db.refused(
        &["sprint", "edit", "--team", "Phoenix", "Next", "--start", &day(-35)],
        "overlaps",
    );
    db.refused(
        &["sprint", "edit", "--team", "Phoenix", "Next", "--end", "0000-01-01"],
        "1900",
    );
    db.ok(&["sprint", "remove", "--team", "Phoenix", "Next"]);
    assert_eq!(
        db.json(&["sprint", "list", "--team", "Phoenix"])
            .as_array()
            .unwrap()
            .len(),
        1
    );
    db.refused(&["sprint", "remove", "--team", "Phoenix", "Nope"], "no sprint called");
}

#[test]
fn a_retired_member_keeps_history_and_loses_future_turns() {
    let db = Db::new();
    db.team();
    let ben_id = db.json(&["member", "list", "--team", "Phoenix"])[1]["id"].clone();
    // Lock one of Ben's future turns by an override: it stays and shows as a conflict.
    let turns = db.turns();
    let late = turns
        .iter()
        .filter(|t| t["start"].as_str().unwrap() > day(12).as_str())
        .find(|t| t["member"] != "Ben")
        .unwrap();
    let at = late["start"].as_str().unwrap()[..16].to_owned();
    db.ok(&[
        "rotation", "override", "--team", "Phoenix", "--policy", "Batman", "--at", &at, "--member", "Ben",
    ]);
    let out = db.ok(&["member", "retire", "--team", "Phoenix", "Ben", "--last-day", &day(5)]);
    assert!(
        out.contains("retires after") && out.contains("future turns re-planned"),
        "{out}"
    );
    assert!(out.contains("undo: member edit"), "{out}");
    let after = db.turns();
    let cutoff = day(7);
    for t in &after {
        let start = t["start"].as_str().unwrap();
        if t["member"] == "Ben" && start > cutoff.as_str() {
            assert_eq!(t["locked"], true, "an unlocked turn of Ben after his last day: {t}");
        }
    }
    assert!(after
        .iter()
        .any(|t| t["member"] == "Ben" && t["start"].as_str().unwrap() < day(5).as_str()));
    let (from, to) = (day(-5), day(35));
    let check = db.ok(&["rotation", "check", "--team", "Phoenix", "--from", &from, "--to", &to]);
    assert!(
        check.contains("Ben"),
        "the kept locked turn shows as a conflict: {check}"
    );
    // History refers to Ben: removing him is refused with the way out.
    db.refused(&["member", "remove", "--team", "Phoenix", "Ben"], "retire them instead");
    db.refused(
        &[
            "member",
            "retire",
            "--team",
            "Phoenix",
            "Ben",
            "--last-day",
            "1850-01-01",
        ],
        "1900",
    );
    // Someone added by mistake goes without a trace.
    db.ok(&["member", "add", "--team", "Phoenix", "Typo"]);
    assert!(db
        .ok(&["member", "remove", "--team", "Phoenix", "Typo"])
        .contains("undo: member add"));
    let members = db.json(&["member", "list", "--team", "Phoenix"]);
    assert_eq!(members.as_array().unwrap().len(), 4);
    assert_eq!(members[1]["id"], ben_id);
    assert_eq!(members[1]["active_until"], day(5));
}

#[test]
fn members_are_edited_field_by_field() {
    let db = Db::new();
    db.team();
    db.ok(&[
        "member",
        "edit",
        "--team",
        "Phoenix",
        "Ana",
        "--capacity",
        "60",
        "--skills",
        "db,ops",
        "--name",
        "Ana Souza",
    ]);
    let ana = &db.json(&["member", "list", "--team", "Phoenix"])[0];
    assert_eq!(ana["name"], "Ana Souza");
    assert_eq!(ana["capacity_percent"], 60);
    assert_eq!(ana["email"], "ana@example.com", "fields not given stay");
    db.refused(
        &["member", "edit", "--team", "Phoenix", "Ben", "--name", "Ana Souza"],
        "already has a member",
    );
    db.refused(
        &["member", "edit", "--team", "Phoenix", "Ben", "--capacity", "150"],
        "capacity",
    );
    db.refused(
        &["member", "edit", "--team", "Phoenix", "Ben", "--name", "Bad\u{7}"],
        "control character",
    );
    db.ok(&["member", "edit", "--team", "Phoenix", "Dan", "--can-take-duty", "false"]);
    let from = day(2);
    for t in db.turns() {
        if t["start"].as_str().unwrap() > from.as_str() {
            assert_ne!(t["member"], "Dan", "Dan no longer takes duty: {t}");
        }
    }
}

#[test]
fn time_off_holidays_and_interrupts_are_corrected_and_removed() {
    let db = Db::new();
    db.team();
    db.ok(&[
        "timeoff",
        "add",
        "--team",
        "Phoenix",
        "--member",
        "Ana",
        "--from",
        &day(10),
        "--to",
        &day(12),
    ]);
    db.ok(&[
        "timeoff",
        "add",
        "--team",
        "Phoenix",
        "--member",
        "Ana",
        "--from",
        &day(20),
        "--to",
        &day(21),
    ]);
    let out = db.ok(&[
        "timeoff",
        "edit",
        "--team",
        "Phoenix",
        "--member",
        "Ana",
        "--from",
        &day(10),
        "--to",
        &day(14),
        "--kind",
        "sick",
    ]);
    assert!(out.contains(&format!("was {} to {}", day(10), day(12))), "{out}");
    let away = db.json(&["timeoff", "list", "--team", "Phoenix"]);
    assert_eq!(away[0]["days"]["last"], day(14));
    assert_eq!(away[0]["kind"], "sick");
    db.refused(
        &[
            "timeoff",
            "edit",
            "--team",
            "Phoenix",
            "--member",
            "Ana",
            "--from",
            &day(10),
            "--to",
            &day(25),
        ],
        "overlaps",
    );
    db.refused(
        &[
            "timeoff",
            "remove",
            "--team",
            "Phoenix",
            "--member",
            "Ana",
            "--from",
            &day(11),
        ],
        "no time off starting",
    );
    assert!(db
        .ok(&[
            "timeoff",
            "remove",
            "--team",
            "Phoenix",
            "--member",
            "Ana",
            "--from",
            &day(20)
        ])
        .contains("undo: timeoff add"));
    assert_eq!(
        db.json(&["timeoff", "list", "--team", "Phoenix"])
            .as_array()
            .unwrap()
            .len(),
        1
    );

    db.ok(&[
        "holiday",
        "add",
        "--team",
        "Phoenix",
        "--date",
        &day(15),
        "Founders day",
    ]);
    db.ok(&["holiday", "add", "--team", "Phoenix", "--date", &day(16), "Bridge day"]);
    db.ok(&[
        "holiday",
        "edit",
        "--team",
        "Phoenix",
        "--date",
        &day(15),
        "--name",
        "Founders' day",
        "--new-date",
        &day(17),
    ]);
    let days = db.json(&["holiday", "list", "--team", "Phoenix"]);
    assert_eq!(days[1]["date"], day(17));
    assert_eq!(days[1]["name"], "Founders' day");
    db.refused(
        &[
            "holiday",
            "edit",
            "--team",
            "Phoenix",
            "--date",
            &day(17),
            "--new-date",
            &day(16),
        ],
        "already a team holiday",
    );
    db.ok(&["holiday", "remove", "--team", "Phoenix", "--date", &day(16)]);
    assert_eq!(
        db.json(&["holiday", "list", "--team", "Phoenix"])
            .as_array()
            .unwrap()
            .len(),
        1
    );

    let at = format!("{}T10:00", day(-2));
    db.ok(&[
        "interrupt",
        "log",
        "--team",
        "Phoenix",
        "--at",
        &at,
        "--category",
        "bug",
        "--minutes",
        "30",
        "Checkout 500",
    ]);
    db.ok(&[
        "interrupt",
        "log",
        "--team",
        "Phoenix",
        "--at",
        &at,
        "--category",
        "bug",
        "--minutes",
        "30",
        "Checkout 500",
    ]);
    let log = db.json(&["interrupt", "list", "--team", "Phoenix"]);
    let first_id = log[0]["id"].clone();
    let (first, second) = (first_id.to_string(), log[1]["id"].to_string());
    db.ok(&[
        "interrupt",
        "edit",
        "--team",
        "Phoenix",
        &first,
        "--minutes",
        "45",
        "--severity",
        "high",
        "--handled-by",
        "Ben",
    ]);
    let log = db.json(&["interrupt", "list", "--team", "Phoenix"]);
    let edited = log.as_array().unwrap().iter().find(|i| i["id"] == first_id).unwrap();
    assert_eq!(
        (edited["minutes"].as_i64(), edited["severity"].as_str()),
        (Some(45), Some("high"))
    );
    assert_eq!(edited["title"], "Checkout 500", "fields not given stay");
    db.refused(
        &["interrupt", "edit", "--team", "Phoenix", &first, "--minutes", "-5"],
        "minutes",
    );
    db.refused(
        &[
            "interrupt",
            "edit",
            "--team",
            "Phoenix",
            &first,
            "--at",
            "2999-01-01T10:00",
        ],
        "1900",
    );
    db.refused(
        &["interrupt", "remove", "--team", "Phoenix", "999999"],
        "no interrupt with id",
    );
    db.ok(&["interrupt", "remove", "--team", "Phoenix", &second]);
    assert_eq!(
        db.json(&["interrupt", "list", "--team", "Phoenix"])
            .as_array()
            .unwrap()
            .len(),
        1
    );
}

#[test]
fn overrides_unlock_back_to_the_plan_and_policies_trains_freezes_go() {
    let db = Db::new();
    db.team();
    let t = db
        .turns()
        .into_iter()
        .find(|t| t["start"].as_str().unwrap() > day(3).as_str())
        .unwrap();
    let at = t["start"].as_str().unwrap()[..16].to_owned();
    let other = if t["member"] == "Cleo" { "Dan" } else { "Cleo" };
    db.ok(&[
        "rotation", "override", "--team", "Phoenix", "--policy", "Batman", "--at", &at, "--member", other,
    ]);
    let locked = db.turns().into_iter().find(|x| x["id"] == t["id"]).unwrap();
    assert_eq!(
        (locked["locked"].as_bool(), locked["member"].as_str()),
        (Some(true), Some(other))
    );
    assert!(db
        .ok(&["rotation", "unlock", "--team", "Phoenix", "--policy", "Batman", "--at", &at])
        .contains("follows the plan again"));
    let back = db.turns().into_iter().find(|x| x["start"] == t["start"]).unwrap();
    assert_eq!(
        (back["locked"].as_bool(), back["source"].as_str()),
        (Some(false), Some("generated"))
    );
    db.refused(
        &[
            "rotation", "unlock", "--team", "Phoenix", "--policy", "Batman", "--at", &at,
        ],
        "nothing to unlock",
    );

    // A policy with past turns stays; a new one goes with its future turns.
    db.refused(&["policy", "remove", "--team", "Phoenix", "Batman"], "in the past");
    db.ok(&[
        "policy",
        "add",
        "--team",
        "Phoenix",
        "Op of the Week",
        "--kind",
        "weekly",
        "--handoff",
        "MON 12:00",
    ]);
    db.ok(&[
        "rotation",
        "plan",
        "--team",
        "Phoenix",
        "--from",
        &day(8),
        "--to",
        &day(28),
    ]);
    assert!(db
        .ok(&["policy", "remove", "--team", "Phoenix", "Op of the Week"])
        .contains("removed Op of the Week"));
    assert!(db.turns().iter().all(|t| t["policy"] == "Batman"));

    db.ok(&["team", "add", "Atlas", "--zone", "Europe/Berlin", "--kind", "ops"]);
    db.ok(&["release-train", "add", "--dev", "Phoenix", "--ops", "Atlas"]);
    db.ok(&[
        "freeze",
        "add",
        "--team",
        "Atlas",
        "Year-end",
        "--yearly",
        "12-20..01-06",
    ]);
    db.refused(
        &["freeze", "remove", "--team", "Atlas", "Summer"],
        "no freeze window called",
    );
    db.ok(&["freeze", "remove", "--team", "Atlas", "year-end"]);
    assert!(db.json(&["freeze", "list"]).as_array().unwrap().is_empty());
    assert!(db
        .ok(&["release-train", "remove", "--train", "Phoenix-Atlas"])
        .contains("undo: release-train add"));
    assert!(db.json(&["release-train", "list"]).as_array().unwrap().is_empty());
    db.refused(
        &["release-train", "remove", "--train", "Phoenix-Atlas"],
        "no release train called",
    );
}

#[test]
fn teams_and_policies_are_edited_and_the_preview_counts_what_saving_moves() {
    let db = Db::new();
    db.team();
    // Taking Dan and Cleo out of the pool: the preview's count is what saving changes.
    let before = db.turns();
    let preview = db.json(&[
        "policy",
        "edit",
        "--team",
        "Phoenix",
        "Batman",
        "--pool",
        "Ana,Ben",
        "--preview",
    ]);
    assert_eq!(db.turns(), before, "a preview saves nothing");
    let moved = preview["moved"].as_u64().unwrap();
    assert!(moved > 0, "{preview}");
    assert!(
        preview["sentence"].as_str().unwrap().starts_with("Saving re-plans"),
        "{preview}"
    );
    db.ok(&["policy", "edit", "--team", "Phoenix", "Batman", "--pool", "Ana,Ben"]);
    let after = db.turns();
    let changed = before
        .iter()
        .filter(|b| !after.iter().any(|a| a["id"] == b["id"] && a["member"] == b["member"]))
        .count() as u64;
    assert_eq!(changed, moved, "saving moved exactly what the preview said");
    let from = day(2);
    assert!(after
        .iter()
        .filter(|t| t["start"].as_str().unwrap() > from.as_str())
        .all(|t| t["member"] == "Ana" || t["member"] == "Ben"));
    db.refused(
        &["policy", "edit", "--team", "Phoenix", "Batman", "--focus", "120"],
        "focus share",
    );
    db.refused(
        &["policy", "edit", "--team", "Phoenix", "Batman", "--handoff", "someday"],
        "not a handoff",
    );
    db.refused(
        &["policy", "edit", "--team", "Phoenix", "Batman", "--pool", "Zed"],
        "no member called",
    );

    // A Sun–Thu team: the new working days re-plan the future and the output says how many.
    let out = db.ok(&["team", "edit", "Phoenix", "--working-days", "sun,mon,tue,wed,thu"]);
    assert!(out.contains("future turns re-planned"), "{out}");
    assert_eq!(
        db.json(&["team", "list"])[0]["working_days"],
        serde_json::json!(["Mon", "Tue", "Wed", "Thu", "Sun"])
    );
    db.refused(&["team", "edit", "Phoenix", "--zone", "Mars/Olympus"], "IANA");
    db.refused(&["team", "remove", "Phoenix"], "has history");
    db.ok(&["team", "add", "Scratch", "--zone", "UTC"]);
    db.ok(&["member", "add", "--team", "Scratch", "Someone"]);
    assert!(db.ok(&["team", "remove", "Scratch"]).contains("removed team Scratch"));
    assert_eq!(db.json(&["team", "list"]).as_array().unwrap().len(), 1);
}

//! Runs the real `sprintshield` binary over a temporary database.
use predicates::prelude::*;

mod support;
use support::Db;

impl Db {
    fn phoenix(&self) {
        self.ok(&["team", "add", "Phoenix", "--zone", "Europe/Berlin"]);
        self.ok(&[
            "member",
            "add",
            "--team",
            "Phoenix",
            "Ana",
            "--capacity",
            "80",
            "--skills",
            "db,ops",
        ]);
    }
}

#[test]
fn team_member_sprint_flow() {
    let db = Db::new();
    db.phoenix();
    assert!(db.ok(&["team", "list"]).contains("Europe/Berlin"));
    let members = db.json(&["member", "list", "--team", "phoenix"]);
    assert_eq!(members[0]["name"], "Ana");
    assert_eq!(members[0]["capacity_percent"], 80);
    db.ok(&[
        "sprint",
        "add",
        "--team",
        "Phoenix",
        "Sprint 1",
        "--start",
        "2026-06-01",
        "--end",
        "2026-06-12",
        "--committed",
        "40",
    ]);
    db.ok(&["sprint", "close", "--team", "Phoenix", "Sprint 1", "--completed", "37"]);
    let sprints = db.json(&["sprint", "list", "--team", "Phoenix"]);
    assert_eq!(sprints[0]["completed_points"], 37.0);
    db.ok(&[
        "timeoff",
        "add",
        "--team",
        "Phoenix",
        "--member",
        "Ana",
        "--from",
        "2026-06-03",
        "--to",
        "2026-06-05",
        "--kind",
        "sick",
    ]);
    assert_eq!(db.json(&["timeoff", "list", "--team", "Phoenix"])[0]["kind"], "sick");
    db.ok(&[
        "holiday",
        "add",
        "--team",
        "Phoenix",
        "--date",
        "2026-10-03",
        "German Unity Day",
    ]);
    assert!(db
        .ok(&["holiday", "list", "--team", "Phoenix"])
        .contains("German Unity Day"));
}

#[test]
fn interrupts_are_logged_in_team_zone_and_filtered() {
    let db = Db::new();
    db.phoenix();
    db.ok(&[
        "interrupt",
        "log",
        "--team",
        "Phoenix",
        "--at",
        "2026-03-30T09:15",
        "--category",
        "production-bug",
        "--severity",
        "high",
        "--minutes",
        "45",
        "--handled-by",
        "Ana",
        "--pulled-off-focus",
        "Checkout down",
    ]);
    db.ok(&[
        "interrupt",
        "log",
        "--team",
        "Phoenix",
        "--at",
        "2026-04-02T10:00+02:00",
        "--category",
        "support",
        "--minutes",
        "10",
        "Where is my export?",
    ]);
    let all = db.json(&["interrupt", "list", "--team", "Phoenix"]);
    assert_eq!(all.as_array().unwrap().len(), 2);
    // 09:15 CEST is 07:15 UTC.
    assert_eq!(all[1]["arrived_at"], "2026-03-30T07:15:00Z");
    let first_day = db.json(&[
        "interrupt",
        "list",
        "--team",
        "Phoenix",
        "--from",
        "2026-03-30",
        "--to",
        "2026-03-30",
    ]);
    assert_eq!(first_day.as_array().unwrap().len(), 1);
}

#[test]
fn demo_loads_phoenix_and_atlas_once() {
    let db = Db::new();
    assert!(db.ok(&["demo"]).contains("Phoenix and Atlas"));
    assert_eq!(
        db.json(&["member", "list", "--team", "Phoenix"])
            .as_array()
            .unwrap()
            .len(),
        5
    );
    db.rejected(&["demo"], "already loaded");
}

#[test]
fn bad_input_exits_1_with_one_line_and_writes_nothing() {
    let db = Db::new();
    db.phoenix();
    db.ok(&[
        "sprint",
        "add",
        "--team",
        "Phoenix",
        "S1",
        "--start",
        "2026-06-01",
        "--end",
        "2026-06-12",
    ]);
    db.rejected(
        &["team", "add", "Mars", "--zone", "Mars/Olympus"],
        "not a known IANA time zone",
    );
    db.rejected(
        &["team", "add", "X", "--zone", "UTC", "--kind", "qa"],
        "not a valid team kind",
    );
    db.rejected(
        &["member", "add", "--team", "Phoenix", "Ben", "--capacity", "150"],
        "between 1 and 100",
    );
    db.rejected(
        &["member", "add", "--team", "Phoenix", "Ben", "--capacity", "0"],
        "between 1 and 100",
    );
    db.rejected(&["member", "add", "--team", "Nope", "Ben"], "no team called \"Nope\"");
    db.rejected(&["member", "add", "--team", "Phoenix", "ana"], "already has a member");
    db.rejected(
        &[
            "sprint",
            "add",
            "--team",
            "Phoenix",
            "S2",
            "--start",
            "2026-07-10",
            "--end",
            "2026-07-01",
        ],
        "ends (2026-07-01) before it starts",
    );
    db.rejected(
        &[
            "sprint",
            "add",
            "--team",
            "Phoenix",
            "S2",
            "--start",
            "2026-06-10",
            "--end",
            "2026-06-20",
        ],
        "overlaps",
    );
    db.rejected(
        &[
            "sprint",
            "add",
            "--team",
            "Phoenix",
            "S2",
            "--start",
            "1 June",
            "--end",
            "2026-06-20",
        ],
        "YYYY-MM-DD",
    );
    db.rejected(
        &["sprint", "close", "--team", "Phoenix", "S1", "--completed", "-4"],
        "zero or more",
    );
    db.rejected(
        &["sprint", "close", "--team", "Phoenix", "S9", "--completed", "4"],
        "no sprint called",
    );
    db.rejected(
        &[
            "timeoff",
            "add",
            "--team",
            "Phoenix",
            "--member",
            "Ana",
            "--from",
            "2026-06-05",
            "--to",
            "2026-06-03",
        ],
        "before the first day",
    );
    db.rejected(
        &[
            "timeoff",
            "add",
            "--team",
            "Phoenix",
            "--member",
            "Zed",
            "--from",
            "2026-06-03",
            "--to",
            "2026-06-05",
        ],
        "no member called",
    );
    db.rejected(
        &[
            "timeoff",
            "add",
            "--team",
            "Phoenix",
            "--member",
            "Ana",
            "--from",
            "2026-06-03",
            "--to",
            "2026-06-05",
            "--kind",
            "party",
        ],
        "not a valid time off kind",
    );
    db.rejected(
        &["holiday", "add", "--team", "Phoenix", "--date", "2026-13-01", "Nope"],
        "not a date",
    );
    db.rejected(
        &[
            "interrupt",
            "log",
            "--team",
            "Phoenix",
            "--at",
            "2026-03-30T09:15",
            "--category",
            "gossip",
            "--minutes",
            "5",
            "x",
        ],
        "not a valid category",
    );
    db.rejected(
        &[
            "interrupt",
            "log",
            "--team",
            "Phoenix",
            "--at",
            "2026-03-30T09:15",
            "--category",
            "bug",
            "--minutes",
            "0",
            "x",
        ],
        "minutes spent",
    );
    db.rejected(
        &[
            "interrupt",
            "log",
            "--team",
            "Phoenix",
            "--at",
            "soon",
            "--category",
            "bug",
            "--minutes",
            "5",
            "x",
        ],
        "not a date and time",
    );
    db.rejected(
        &[
            "interrupt",
            "log",
            "--team",
            "Phoenix",
            "--at",
            "2100-01-01T10:00",
            "--category",
            "bug",
            "--minutes",
            "5",
            "x",
        ],
        "future",
    );
    db.rejected(
        &[
            "interrupt",
            "list",
            "--team",
            "Phoenix",
            "--from",
            "2026-06-05",
            "--to",
            "2026-06-01",
        ],
        "before --from",
    );
    // Nothing of the above was written.
    assert_eq!(db.json(&["team", "list"]).as_array().unwrap().len(), 1);
    assert_eq!(
        db.json(&["member", "list", "--team", "Phoenix"])
            .as_array()
            .unwrap()
            .len(),
        1
    );
    assert_eq!(
        db.json(&["sprint", "list", "--team", "Phoenix"])[0]["completed_points"],
        serde_json::Value::Null
    );
    assert_eq!(
        db.json(&["sprint", "list", "--team", "Phoenix"])
            .as_array()
            .unwrap()
            .len(),
        1
    );
    assert!(db
        .json(&["timeoff", "list", "--team", "Phoenix"])
        .as_array()
        .unwrap()
        .is_empty());
    assert!(db
        .json(&["interrupt", "list", "--team", "Phoenix"])
        .as_array()
        .unwrap()
        .is_empty());
}

#[test]
fn usage_errors_exit_2() {
    let db = Db::new();
    db.cmd(&["team", "add"]).code(2);
    db.cmd(&["frobnicate"])
        .code(2)
        .stderr(predicate::str::contains("unrecognized subcommand"));
}

//! `release-train`, `release` and `freeze` through the real binary over a temporary database.

mod support;
use support::Db;

impl Db {
    /// Phoenix (dev) and Atlas (ops) in Berlin, and one Phoenix sprint ending 2026-12-18.
    fn teams(&self) {
        self.ok(&["team", "add", "Phoenix", "--zone", "Europe/Berlin"]);
        self.ok(&["team", "add", "Atlas", "--zone", "Europe/Berlin", "--kind", "ops"]);
        self.ok(&[
            "sprint",
            "add",
            "--team",
            "Phoenix",
            "Phoenix 40",
            "--start",
            "2026-12-07",
            "--end",
            "2026-12-18",
        ]);
    }
}

#[test]
fn a_year_end_freeze_moves_the_release_and_says_why() {
    let db = Db::new();
    db.teams();
    let added = db.ok(&["release-train", "add", "--dev", "Phoenix", "--ops", "Atlas"]);
    assert!(added.contains("Phoenix-Atlas") && added.contains("2 weeks"), "{added}");
    db.ok(&[
        "freeze",
        "add",
        "--team",
        "Atlas",
        "Year-end",
        "--yearly",
        "12-20..01-06",
    ]);
    assert!(db.ok(&["freeze", "list"]).contains("every year 12-20 to 01-06"));

    let list = db.json(&["release", "list", "--train", "phoenix-atlas"]);
    let r = &list[0];
    assert_eq!(r["sprint"], "Phoenix 40");
    // Two weeks after 18 Dec is Saturday 2 Jan, inside the freeze: the next Saturday is used.
    assert_eq!(r["moved_from"], "2027-01-02");
    assert_eq!(r["production_day"], "2027-01-09");
    assert!(r["move_reason"].as_str().unwrap().contains("Year-end"));
    assert_eq!(r["production"], "2027-01-09T09:00:00+01:00");
    assert_eq!(r["rc_push"], "2026-12-31T18:00:00+01:00");
    assert_eq!(r["high_alert_start"], "2027-01-09T08:00:00+01:00");
    // Atlas has no rotation: nobody covers the high alert.
    assert_eq!(r["warnings"][0]["kind"], "no_duty_cover");

    let plan = db.ok(&[
        "release",
        "plan",
        "--train",
        "Phoenix-Atlas",
        "--from",
        "2026-12-01",
        "--to",
        "2026-12-31",
    ]);
    assert!(
        plan.contains("moved from 2027-01-02") && plan.contains("nobody on ops duty"),
        "{plan}"
    );
    let empty = db.ok(&[
        "release",
        "plan",
        "--train",
        "Phoenix-Atlas",
        "--from",
        "2027-02-01",
        "--to",
        "2027-02-28",
    ]);
    assert_eq!(empty.trim(), "(none)");

    // Placed by hand inside the freeze: kept there, with a warning.
    db.ok(&[
        "release",
        "pin",
        "--train",
        "Phoenix-Atlas",
        "--sprint",
        "Phoenix 40",
        "--day",
        "2027-01-02",
    ]);
    let r = &db.json(&["release", "list", "--train", "Phoenix-Atlas"])[0];
    assert_eq!(r["pinned"], true);
    assert_eq!(r["production_day"], "2027-01-02");
    let kinds: Vec<&str> = r["warnings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|w| w["kind"].as_str().unwrap())
        .collect();
    assert!(kinds.contains(&"in_freeze"), "{kinds:?}");
    db.ok(&["release", "unpin", "--train", "Phoenix-Atlas", "--sprint", "Phoenix 40"]);
    assert_eq!(
        db.json(&["release", "list", "--train", "Phoenix-Atlas"])[0]["production_day"],
        "2027-01-09"
    );
}

#[test]
fn bad_release_input_is_one_line_and_writes_nothing() {
    let db = Db::new();
    db.teams();
    db.rejected(
        &[
            "release-train",
            "add",
            "--dev",
            "Phoenix",
            "--ops",
            "Atlas",
            "--lag-weeks",
            "0",
        ],
        "lag",
    );
    db.rejected(
        &["release-train", "add", "--dev", "Phoenix", "--ops", "phoenix"],
        "two different teams",
    );
    db.rejected(
        &["release-train", "add", "--dev", "Phoenix", "--ops", "Nope"],
        "no team called \"Nope\"",
    );
    assert_eq!(db.json(&["release-train", "list"]), serde_json::json!([]));
    db.rejected(
        &["freeze", "add", "--team", "Atlas", "X", "--yearly", "13-01..01-02"],
        "13/1",
    );
    db.rejected(
        &["freeze", "add", "--team", "Atlas", "X", "--yearly", "12-20"],
        "MM-DD..MM-DD",
    );
    db.rejected(
        &[
            "freeze",
            "add",
            "--team",
            "Atlas",
            "X",
            "--from",
            "2026-12-20",
            "--to",
            "2026-12-01",
        ],
        "",
    );
    db.rejected(
        &["freeze", "add", "--team", "Atlas", " ", "--yearly", "12-20..01-06"],
        "needs a name",
    );
    assert_eq!(db.json(&["freeze", "list"]), serde_json::json!([]));
    db.rejected(
        &["release", "list", "--train", "Nope"],
        "add one with release-train add",
    );
    db.ok(&[
        "release-train",
        "add",
        "--dev",
        "Phoenix",
        "--ops",
        "Atlas",
        "--name",
        "Main",
    ]);
    db.rejected(
        &[
            "release-train",
            "add",
            "--dev",
            "Phoenix",
            "--ops",
            "Atlas",
            "--name",
            "main",
        ],
        "already exists",
    );
    db.rejected(
        &[
            "release",
            "pin",
            "--train",
            "Main",
            "--sprint",
            "Phoenix 40",
            "--day",
            "next week",
        ],
        "not a date",
    );
    db.rejected(
        &[
            "release",
            "pin",
            "--train",
            "Main",
            "--sprint",
            "Phoenix 99",
            "--day",
            "2027-01-09",
        ],
        "Phoenix 99",
    );
    assert_eq!(db.json(&["release", "list", "--train", "Main"])[0]["pinned"], false);
}

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

#[test]
fn routine_events_are_set_on_add_and_changed_with_set() {
    let db = Db::new();
    db.teams();
    let added = db.ok(&[
        "release-train",
        "add",
        "--dev",
        "Phoenix",
        "--ops",
        "Atlas",
        "--production",
        "FRI 10:00",
        "--rc-push",
        "WED 17:30",
        "--high-alert",
        "09:00-13:00",
        "--regression-days",
        "2",
        "--min-lag-days",
        "10",
    ]);
    assert!(
        added.contains("production Fri 10:00, RC push Wed 17:30 (9 days before), high alert 09:00–13:00"),
        "{added}"
    );
    let r = &db.json(&["release", "list", "--train", "Phoenix-Atlas"])[0];
    // Two weeks after Friday 18 Dec is Friday 1 Jan; the push is the Wednesday of the week before.
    assert_eq!(r["production"], "2027-01-01T10:00:00+01:00");
    assert_eq!(r["rc_push"], "2026-12-23T17:30:00+01:00");
    assert_eq!(r["high_alert_start"], "2027-01-01T09:00:00+01:00");
    assert_eq!(r["high_alert_end"], "2027-01-01T13:00:00+01:00");

    // `set` changes what it is given and keeps the rest; the next plan uses it.
    let set = db.ok(&[
        "release-train",
        "set",
        "--train",
        "phoenix-atlas",
        "--production",
        "SAT 09:00",
        "--rc-push",
        "2d 18:00",
        "--lag-weeks",
        "3",
    ]);
    assert!(set.contains("released 3 weeks after each sprint"), "{set}");
    assert!(
        set.contains("RC push Thu 18:00 (2 days before), high alert 09:00–13:00"),
        "{set}"
    );
    let r = &db.json(&["release", "list", "--train", "Phoenix-Atlas"])[0];
    assert_eq!(r["production"], "2027-01-09T09:00:00+01:00");
    assert_eq!(r["rc_push"], "2027-01-07T18:00:00+01:00");
    let trains = db.json(&["release-train", "list"]);
    assert_eq!(trains[0]["lag_weeks"], 3);
    assert_eq!(trains[0]["routine"]["min_lag_days"], 10);
    assert_eq!(trains[0]["routine"]["regression_days_before_push"], 2);

    // Rejected input: one line that names the problem, and nothing changes.
    let before = db.json(&["release-train", "list"]);
    let set = |extra: &[&str], needle: &str| {
        let mut args = vec!["release-train", "set", "--train", "Phoenix-Atlas"];
        args.extend_from_slice(extra);
        db.rejected(&args, needle);
    };
    set(&["--production", "Saturday"], "SAT 09:00");
    set(&["--production", "Caturday 09:00"], "SAT 09:00");
    set(&["--rc-push", "THU 6pm"], "THU 18:00");
    set(&["--rc-push", "40d 18:00"], "1 to 28 days");
    set(&["--high-alert", "14:00-08:00"], "end after it starts");
    set(&["--regression-days", "-1"], "0 to 14 days");
    set(&["--regression-start", "nine"], "HH:MM");
    set(&["--min-lag-days", "0"], "never safe");
    set(&["--lag-weeks", "13"], "1 to 12 weeks");
    set(&[], "nothing to change");
    db.rejected(
        &["release-train", "set", "--train", "Nope", "--min-lag-days", "7"],
        "no release train called",
    );
    db.rejected(
        &[
            "release-train",
            "add",
            "--dev",
            "Phoenix",
            "--ops",
            "Atlas",
            "--name",
            "Second",
            "--high-alert",
            "8-14",
        ],
        "HH:MM-HH:MM",
    );
    assert_eq!(db.json(&["release-train", "list"]), before);
}

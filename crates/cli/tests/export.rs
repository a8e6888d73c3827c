//! `export ics` and `import ics` through the real binary: the Phoenix demo snapshot, re-exports,
//! a round trip of time off into a fresh database, and rejected input.
use std::path::Path;

use chrono::{NaiveDate, TimeZone, Utc};
use sprintshield_core::time::DateSpan;
use sprintshield_service::{OpenMode, Sprintshield};

mod support;
use support::Db;

impl Db {
    /// The demo around 2026-11-22 with both rotations planned to 2027-04-11 (across the March
    /// DST change) at a fixed now, and one Phoenix sprint in March 2027.
    fn demo_planned(&self) {
        {
            let mut s = Sprintshield::open(&self.path(), OpenMode::CreateIfMissing).unwrap();
            let now = Utc.with_ymd_and_hms(2026, 11, 22, 12, 0, 0).unwrap();
            s.load_demo(NaiveDate::from_ymd_opt(2026, 11, 22).unwrap(), now)
                .unwrap();
            let horizon = DateSpan {
                first: NaiveDate::from_ymd_opt(2026, 11, 23).unwrap(),
                last: NaiveDate::from_ymd_opt(2027, 4, 11).unwrap(),
            };
            for team in ["Phoenix", "Atlas"] {
                let id = s.team_by_name(team).unwrap().id;
                s.plan_rotation(id, horizon, now).unwrap();
            }
        }
        self.ok(&[
            "sprint",
            "add",
            "--team",
            "Phoenix",
            "Phoenix 47",
            "--start",
            "2027-03-08",
            "--end",
            "2027-03-19",
            "--goal",
            "Spring cleanup; search, v3",
        ]);
    }
}

const STAMP: &str = "2026-11-22T12:00:00Z";

fn export(db: &Db, out: &Path, extra: &[&str]) -> String {
    let out = out.to_str().unwrap();
    let mut args = vec!["export", "ics", "--team", "Phoenix", "--stamp", STAMP, "--out", out];
    args.extend_from_slice(extra);
    db.ok(&args)
}

#[test]
fn phoenix_demo_export_matches_the_snapshot() {
    let db = Db::new();
    db.demo_planned();
    let out = db.file("phoenix.ics");
    let said = export(
        &db,
        &out,
        &[
            "--what",
            "turns,sprints,releases",
            "--from",
            "2027-03-15",
            "--to",
            "2027-04-11",
        ],
    );
    assert!(said.contains("events to") && said.contains("new"), "{said}");
    let text = std::fs::read_to_string(&out).unwrap();
    assert!(text.contains("BEGIN:VTIMEZONE\r\nTZID:Europe/Berlin"));
    assert!(text.contains("X-WR-CALNAME:Phoenix"));
    assert!(text.contains("SUMMARY:Batman: "));
    assert!(text.contains("SUMMARY:Production release: Phoenix 47"));
    assert!(
        text.contains("DTSTART;TZID=Europe/Berlin:20270403T090000"),
        "production on Sat 3 Apr 09:00"
    );
    assert!(text.contains("SUMMARY:Phoenix 47\r\n"));
    assert!(text.contains("DESCRIPTION:Spring cleanup\\; search\\, v3"));
    let golden = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/golden/phoenix_export.ics");
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        std::fs::write(&golden, &text).unwrap();
    }
    let want = std::fs::read_to_string(&golden).expect("run with UPDATE_GOLDEN=1 to create the snapshot");
    assert!(
        want == text,
        "the export changed; review and rerun with UPDATE_GOLDEN=1\n{text}"
    );

    // Exporting the same scope again changes nothing and duplicates nothing.
    let again = export(
        &db,
        &db.file("again.ics"),
        &[
            "--what",
            "turns,sprints,releases",
            "--from",
            "2027-03-15",
            "--to",
            "2027-04-11",
        ],
    );
    assert!(again.contains("(0 new, 0 changed, 0 cancelled)"), "{again}");
    assert_eq!(std::fs::read_to_string(db.file("again.ics")).unwrap(), text);
    // One member's turns only, one policy only.
    export(
        &db,
        &db.file("ana.ics"),
        &[
            "--what",
            "turns",
            "--member",
            "Ana Souza",
            "--policy",
            "Batman",
            "--from",
            "2027-03-15",
            "--to",
            "2027-04-11",
        ],
    );
    let ana = std::fs::read_to_string(db.file("ana.ics")).unwrap();
    assert!(ana.contains("X-WR-CALNAME:Phoenix: Ana Souza (Batman)"));
    assert!(ana.matches("BEGIN:VEVENT").count() >= 1);
    assert_eq!(
        ana.matches("BEGIN:VEVENT").count(),
        ana.matches("SUMMARY:Batman: Ana Souza").count()
    );
}

#[test]
fn time_off_round_trips_into_a_fresh_database() {
    let setup = |db: &Db| {
        db.ok(&["team", "add", "Phoenix", "--zone", "Europe/Berlin"]);
        db.ok(&[
            "member",
            "add",
            "--team",
            "Phoenix",
            "Ana",
            "--email",
            "ana@phoenix.example",
        ]);
        db.ok(&[
            "member",
            "add",
            "--team",
            "Phoenix",
            "Ben",
            "--email",
            "ben@phoenix.example",
        ]);
    };
    let a = Db::new();
    setup(&a);
    a.ok(&[
        "timeoff",
        "add",
        "--team",
        "Phoenix",
        "--member",
        "Ana",
        "--from",
        "2027-03-26",
        "--to",
        "2027-04-02",
    ]);
    a.ok(&[
        "timeoff",
        "add",
        "--team",
        "Phoenix",
        "--member",
        "Ben",
        "--from",
        "2027-03-29",
        "--to",
        "2027-03-29",
    ]);
    let file = a.file("away.ics");
    export(
        &a,
        &file,
        &["--what", "time_off", "--from", "2027-03-01", "--to", "2027-04-30"],
    );

    let b = Db::new();
    setup(&b);
    let f = file.to_str().unwrap();
    let range = ["--from", "2027-01-01", "--to", "2027-12-31"];
    let mut args = vec!["import", "ics", "--team", "Phoenix", "--file", f];
    args.extend_from_slice(&range);
    let preview = b.ok(&args);
    assert!(preview.contains("would import 2 time off"), "{preview}");
    assert_eq!(b.json(&["timeoff", "list", "--team", "Phoenix"]), serde_json::json!([]));
    args.push("--apply");
    assert!(b.ok(&args).contains("imported 2 time off"));
    let days = |db: &Db| -> Vec<(String, String)> {
        db.json(&["timeoff", "list", "--team", "Phoenix"])
            .as_array()
            .unwrap()
            .iter()
            .map(|t| {
                (
                    t["days"]["first"].as_str().unwrap().to_owned(),
                    t["days"]["last"].as_str().unwrap().to_owned(),
                )
            })
            .collect()
    };
    assert_eq!(days(&b), days(&a));
    // A second import finds only duplicates and writes nothing.
    let again = b.ok(&args);
    assert!(
        again.contains("imported 0 time off") && again.contains("duplicate, skipped"),
        "{again}"
    );
    assert_eq!(days(&b).len(), 2);
}

#[test]
fn bad_calendar_input_is_one_line_and_writes_nothing() {
    let db = Db::new();
    db.ok(&["team", "add", "Phoenix", "--zone", "Europe/Berlin"]);
    db.ok(&[
        "member",
        "add",
        "--team",
        "Phoenix",
        "Ana",
        "--email",
        "ana@phoenix.example",
    ]);
    let out = db.file("x.ics");
    let o = out.to_str().unwrap();
    let base = ["export", "ics", "--team", "Phoenix", "--out", o];
    let with = |extra: &[&str]| -> Vec<String> { base.iter().chain(extra).map(|s| s.to_string()).collect() };
    let run = |extra: &[&str], needle: &str| {
        let args = with(extra);
        let refs: Vec<&str> = args.iter().map(String::as_str).collect();
        db.rejected(&refs, needle);
        assert!(!out.exists(), "nothing is written");
    };
    run(
        &["--what", "meetings", "--from", "2027-01-01", "--to", "2027-01-31"],
        "export kind",
    );
    run(&["--from", "2027-02-01", "--to", "2027-01-31"], "");
    run(&["--from", "tomorrow", "--to", "2027-01-31"], "not a date");
    run(
        &["--member", "Zed", "--from", "2027-01-01", "--to", "2027-01-31"],
        "Zed",
    );
    run(
        &["--policy", "Batman", "--from", "2027-01-01", "--to", "2027-01-31"],
        "Batman",
    );

    let broken = db.file("broken.ics");
    std::fs::write(&broken, "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nSUMMARY:half\r\n").unwrap();
    let b = broken.to_str().unwrap();
    db.rejected(&["import", "ics", "--team", "Phoenix", "--file", b, "--apply"], "");
    db.rejected(
        &[
            "import",
            "ics",
            "--team",
            "Phoenix",
            "--file",
            "/nonexistent.ics",
            "--apply",
        ],
        "cannot read",
    );
    db.rejected(
        &["import", "ics", "--team", "Phoenix", "--file", b, "--as", "birthdays"],
        "import kind",
    );
    assert_eq!(
        db.json(&["timeoff", "list", "--team", "Phoenix"]),
        serde_json::json!([])
    );
    assert_eq!(
        db.json(&["holiday", "list", "--team", "Phoenix"]),
        serde_json::json!([])
    );
}

#[test]
fn importing_a_full_export_as_time_off_proposes_only_the_time_off() {
    let a = Db::new();
    a.demo_planned();
    let file = a.file("everything.ics");
    export(
        &a,
        &file,
        &[
            "--what",
            "turns,time_off,sprints,releases",
            "--from",
            "2026-09-01",
            "--to",
            "2027-04-11",
        ],
    );
    let text = std::fs::read_to_string(&file).unwrap();
    for kind in [
        "SUMMARY:Batman: ",
        "SUMMARY:Away: ",
        "SUMMARY:Production release: ",
        "SUMMARY:Phoenix 47",
    ] {
        assert!(text.contains(kind), "the export has {kind}");
    }

    // A fresh database with everyone who appears on those events (the Atlas people on duty for
    // the releases too), so only the filter keeps turns and releases out, not a failed match.
    let b = Db::new();
    b.ok(&["team", "add", "Phoenix", "--zone", "Europe/Berlin"]);
    for team in ["Phoenix", "Atlas"] {
        for m in a.json(&["member", "list", "--team", team]).as_array().unwrap() {
            let (name, email) = (m["name"].as_str().unwrap(), m["email"].as_str().unwrap());
            b.ok(&["member", "add", "--team", "Phoenix", name, "--email", email]);
        }
    }
    let f = file.to_str().unwrap();
    let args = [
        "import",
        "ics",
        "--team",
        "Phoenix",
        "--file",
        f,
        "--from",
        "2026-01-01",
        "--to",
        "2027-12-31",
    ];
    let preview = b.json(&args);
    let proposed = preview["proposal"]["time_off"].as_array().unwrap();
    let source = a.json(&["timeoff", "list", "--team", "Phoenix"]);
    let want: Vec<(String, String, String)> = source
        .as_array()
        .unwrap()
        .iter()
        .map(|t| {
            (
                t["member_name"].as_str().unwrap_or_default().to_owned(),
                t["days"]["first"].as_str().unwrap().to_owned(),
                t["days"]["last"].as_str().unwrap().to_owned(),
            )
        })
        .collect();
    assert!(!want.is_empty(), "the demo has Phoenix time off");
    assert_eq!(proposed.len(), want.len(), "{proposed:#?}");
    assert!(
        proposed
            .iter()
            .all(|p| p["uid"].as_str().unwrap().starts_with("timeoff-")),
        "{proposed:#?}"
    );
    let mut got: Vec<(String, String)> = proposed
        .iter()
        .map(|p| {
            (
                p["days"]["first"].as_str().unwrap().to_owned(),
                p["days"]["last"].as_str().unwrap().to_owned(),
            )
        })
        .collect();
    let mut want_days: Vec<(String, String)> = want.iter().map(|w| (w.1.clone(), w.2.clone())).collect();
    got.sort();
    want_days.sort();
    assert_eq!(got, want_days);
    assert_eq!(preview["proposal"]["unmatched"], serde_json::json!([]));
    let messages: Vec<&str> = preview["messages"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["text"].as_str().unwrap())
        .collect();
    assert!(messages.contains(&"it is not an absence (a Sprintshield duty turn, free/transparent)"));
    assert!(messages.contains(&"it is not an absence (a Sprintshield release event)"));

    // The human output says why, per event; applying writes exactly the time off.
    let mut human = args.to_vec();
    human.push("--apply");
    let said = b.ok(&human);
    assert!(said.contains(&format!("imported {} time off", want.len())), "{said}");
    assert!(
        said.contains("skipped  it is not an absence (a Sprintshield duty turn, free/transparent)"),
        "{said}"
    );
    let stored = b.json(&["timeoff", "list", "--team", "Phoenix"]);
    assert_eq!(stored.as_array().unwrap().len(), want.len());
}

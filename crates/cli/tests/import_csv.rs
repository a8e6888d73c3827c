//! `interrupt import` and `sprint import` through the real binary: a preview by default that
//! writes nothing, `--apply` writes, a re-import adds nothing, `--source`/`--map`/`--value`
//! change the reading, and bad input exits 1 with one line and leaves the log as it was.
mod support;
use support::Db;

fn sample(name: &str) -> String {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../core/tests/import_csv")
        .join(name)
        .display()
        .to_string()
}

impl Db {
    fn phoenix(&self) {
        self.ok(&["team", "add", "Phoenix", "--zone", "Europe/Berlin"]);
        self.ok(&[
            "member",
            "add",
            "--team",
            "Phoenix",
            "Ana Lima",
            "--email",
            "ana@example.org",
        ]);
        self.ok(&[
            "member",
            "add",
            "--team",
            "Phoenix",
            "Ben Ode",
            "--email",
            "ben@example.org",
        ]);
    }

    fn logged(&self) -> usize {
        self.json(&["interrupt", "list", "--team", "Phoenix"])
            .as_array()
            .unwrap()
            .len()
    }
}

#[test]
fn preview_then_apply_then_nothing_new() {
    let db = Db::new();
    db.phoenix();
    let pd = sample("pagerduty.csv");
    let preview = db.ok(&["interrupt", "import", "--team", "Phoenix", "--file", &pd]);
    assert!(
        preview.starts_with(
            "would import 3 interrupts into Phoenix from a PagerDuty incidents file (0 already in the log, 1 skipped)"
        ),
        "{preview}"
    );
    assert!(preview.contains("DB connection pool exhausted, checkout failing"));
    assert!(
        preview.contains("it has no minutes"),
        "the skipped row's reason is shown: {preview}"
    );
    assert_eq!(db.logged(), 0, "a preview writes nothing");
    let applied = db.ok(&["interrupt", "import", "--team", "Phoenix", "--file", &pd, "--apply"]);
    assert!(applied.starts_with("imported 3 interrupts"), "{applied}");
    assert_eq!(db.logged(), 3);
    let again = db.json(&["interrupt", "import", "--team", "Phoenix", "--file", &pd, "--apply"]);
    assert_eq!(again["rows"].as_array().unwrap().len(), 0);
    assert_eq!(again["duplicates"].as_array().unwrap().len(), 3);
    assert_eq!(again["applied"], true);
    assert_eq!(db.logged(), 3, "a re-import adds nothing");
}

#[test]
fn every_source_and_the_choices() {
    let db = Db::new();
    db.phoenix();
    for (file, source, rows) in [
        ("opsgenie.csv", "opsgenie", 3),
        ("jira.csv", "jira", 3),
        ("generic.csv", "generic", 5),
    ] {
        let p = db.json(&["interrupt", "import", "--team", "Phoenix", "--file", &sample(file)]);
        assert_eq!(p["source"], source);
        assert_eq!(p["rows"].as_array().unwrap().len(), rows, "{file}");
    }
    // --format is the spelling of --source; csv is the generic source.
    let p = db.json(&[
        "interrupt",
        "import",
        "--team",
        "Phoenix",
        "--file",
        &sample("jira.csv"),
        "--format",
        "jira",
        "--value",
        "category:Chore Request=operational_problem",
        "--map",
        "minutes=",
    ]);
    let rows = p["rows"].as_array().unwrap();
    assert_eq!(
        rows.len(),
        3,
        "without Time Spent the resolved column still gives minutes: {p}"
    );
    assert_eq!(rows[0]["spec"]["minutes"], 78, "09:42 to 11:00");
    assert_eq!(rows[2]["spec"]["category"], "operational_problem");
    assert_eq!(db.logged(), 0);
}

#[test]
fn bad_input_is_one_line_and_writes_nothing() {
    let db = Db::new();
    db.phoenix();
    let pd = sample("pagerduty.csv");
    db.rejected(
        &[
            "interrupt",
            "import",
            "--team",
            "Phoenix",
            "--file",
            &pd,
            "--map",
            "title=Headline",
            "--apply",
        ],
        "the file has no column \"Headline\" for title",
    );
    db.rejected(
        &[
            "interrupt",
            "import",
            "--team",
            "Phoenix",
            "--file",
            &pd,
            "--map",
            "colour=red",
        ],
        "is not a valid field",
    );
    db.rejected(
        &[
            "interrupt",
            "import",
            "--team",
            "Phoenix",
            "--file",
            &pd,
            "--source",
            "splunk",
        ],
        "not a valid source",
    );
    db.rejected(
        &[
            "interrupt",
            "import",
            "--team",
            "Phoenix",
            "--file",
            &db.file("missing.csv").display().to_string(),
        ],
        "cannot read",
    );
    std::fs::write(db.file("latin1.csv"), b"at,title,minutes\n2026-11-01 10:00,caf\xe9,5\n").unwrap();
    db.rejected(
        &[
            "interrupt",
            "import",
            "--team",
            "Phoenix",
            "--file",
            &db.file("latin1.csv").display().to_string(),
            "--apply",
        ],
        "CSV UTF-8",
    );
    assert_eq!(db.logged(), 0);
}

#[test]
fn sprint_history() {
    let db = Db::new();
    db.phoenix();
    let file = sample("sprints.csv");
    let preview = db.ok(&["sprint", "import", "--team", "Phoenix", "--file", &file]);
    assert!(
        preview.starts_with("would import 3 sprints into Phoenix (0 already there, 1 skipped)"),
        "{preview}"
    );
    assert!(preview.contains("overlaps \"Sprint 42\""));
    db.ok(&["sprint", "import", "--team", "Phoenix", "--file", &file, "--apply"]);
    let sprints = db.json(&["sprint", "list", "--team", "Phoenix"]);
    assert_eq!(sprints.as_array().unwrap().len(), 3);
    let again = db.ok(&["sprint", "import", "--team", "Phoenix", "--file", &file, "--apply"]);
    assert!(
        again.starts_with("imported 0 sprints into Phoenix (3 already there, 1 skipped)"),
        "{again}"
    );
}

#[test]
fn sprint_columns_by_map_and_could_wait_by_severity() {
    let db = Db::new();
    db.phoenix();
    std::fs::write(
        db.file("iterations.csv"),
        "Iteration,Begins,Ends,Plan,Done\nI-1,2025-01-06,2025-01-17,20,18\n",
    )
    .unwrap();
    let f = db.file("iterations.csv").display().to_string();
    db.rejected(
        &["sprint", "import", "--team", "Phoenix", "--file", &f, "--apply"],
        "choose the column for name, start, end — this file has: \"Iteration\", \"Begins\", \"Ends\", \"Plan\", \"Done\"; name it with --map FIELD=COLUMN",
    );
    db.ok(&[
        "sprint",
        "import",
        "--team",
        "Phoenix",
        "--file",
        &f,
        "--map",
        "name=Iteration",
        "--map",
        "start=Begins",
        "--map",
        "end=Ends",
        "--map",
        "committed=Plan",
        "--apply",
    ]);
    let sprints = db.json(&["sprint", "list", "--team", "Phoenix"]);
    assert_eq!(sprints[0]["name"], "I-1");
    assert_eq!(sprints[0]["completed_points"], 18.0);

    let pd = sample("pagerduty.csv");
    let rule = db.ok(&["interrupt", "import", "--team", "Phoenix", "--file", &pd]);
    assert!(rule.contains("Could have waited: every low interrupt"), "{rule}");
    let none = db.json(&[
        "interrupt",
        "import",
        "--team",
        "Phoenix",
        "--file",
        &pd,
        "--could-wait",
        "none",
    ]);
    assert!(none["rows"]
        .as_array()
        .unwrap()
        .iter()
        .all(|r| r["spec"]["could_have_waited"] == false));
    db.rejected(
        &[
            "interrupt",
            "import",
            "--team",
            "Phoenix",
            "--file",
            &pd,
            "--could-wait",
            "high",
        ],
        "must be handled at once",
    );
    db.ok(&["interrupt", "import", "--team", "Phoenix", "--file", &pd, "--apply"]);
    let waited = db
        .json(&["interrupt", "list", "--team", "Phoenix"])
        .as_array()
        .unwrap()
        .iter()
        .filter(|i| i["could_have_waited"] == true)
        .count();
    assert_eq!(waited, 2, "the two low-urgency incidents");
}

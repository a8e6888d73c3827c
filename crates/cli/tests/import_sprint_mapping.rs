//! The columns chosen for a sprint-history import are remembered per team: after one import with
//! `--map`, the next file with the same header needs none; another team still has to choose.
mod support;
use support::Db;

const HEADER: &str = "Iteration,Begins,Ends,Plan,Done\n";

#[test]
fn a_second_file_with_the_same_header_needs_no_map() {
    let db = Db::new();
    db.ok(&["team", "add", "Phoenix", "--zone", "Europe/Berlin"]);
    db.ok(&["team", "add", "Orion", "--zone", "UTC"]);
    std::fs::write(db.file("q1.csv"), format!("{HEADER}I-1,2025-01-06,2025-01-17,20,18\n")).unwrap();
    std::fs::write(db.file("q2.csv"), format!("{HEADER}I-2,2025-01-20,2025-01-31,22,21\n")).unwrap();
    let q1 = db.file("q1.csv").display().to_string();
    let q2 = db.file("q2.csv").display().to_string();
    let missing = "choose the column for name, start, end — this file has: \"Iteration\", \"Begins\", \"Ends\", \"Plan\", \"Done\"; name it with --map FIELD=COLUMN";

    // Before any import, the second file needs the columns named too.
    db.rejected(
        &["sprint", "import", "--team", "Phoenix", "--file", &q2, "--apply"],
        missing,
    );
    db.ok(&[
        "sprint",
        "import",
        "--team",
        "Phoenix",
        "--file",
        &q1,
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

    let preview = db.ok(&["sprint", "import", "--team", "Phoenix", "--file", &q2]);
    assert!(preview.starts_with("would import 1 sprint"), "{preview}");
    db.ok(&["sprint", "import", "--team", "Phoenix", "--file", &q2, "--apply"]);
    let sprints = db.json(&["sprint", "list", "--team", "Phoenix"]);
    let names: Vec<&str> = sprints
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["name"].as_str().unwrap())
        .collect();
    assert!(names.contains(&"I-1") && names.contains(&"I-2"), "{names:?}");
    let i2 = sprints.as_array().unwrap().iter().find(|s| s["name"] == "I-2").unwrap();
    assert_eq!(
        i2["completed_points"], 21.0,
        "the remembered columns include committed and completed"
    );

    // The mapping is the team's: another team still has to choose.
    db.rejected(
        &["sprint", "import", "--team", "Orion", "--file", &q2, "--apply"],
        missing,
    );
}

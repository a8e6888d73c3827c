//! `freeze edit` through the real binary: a freeze window's name and days are changed, the
//! output says what it was and the command that puts it back (which works), and rejected input
//! exits 1 with one line and writes nothing.
mod support;
use support::Db;

fn freezes(db: &Db) -> serde_json::Value {
    db.json(&["freeze", "list", "--team", "Atlas"])
}

#[test]
fn a_freeze_is_edited_and_put_back_by_the_command_it_prints() {
    let db = Db::new();
    db.ok(&["team", "add", "Atlas", "--zone", "Europe/Berlin", "--kind", "ops"]);
    db.ok(&["team", "add", "Delta", "--zone", "Europe/Berlin", "--kind", "ops"]);
    db.ok(&[
        "freeze",
        "add",
        "--team",
        "Atlas",
        "Launch",
        "--from",
        "2027-03-01",
        "--to",
        "2027-03-05",
    ]);
    db.ok(&[
        "freeze",
        "add",
        "--team",
        "Atlas",
        "Year-end",
        "--yearly",
        "12-20..01-06",
    ]);
    let start = freezes(&db);

    let said = db.ok(&[
        "freeze",
        "edit",
        "--team",
        "Atlas",
        "Launch",
        "--name",
        "Launch week",
        "--yearly",
        "03-01..03-07",
    ]);
    assert!(
        said.contains("Launch week of Atlas is now every year 03-01 to 03-07"),
        "{said}"
    );
    assert!(said.contains("was Launch 2027-03-01 to 2027-03-05"), "{said}");
    let edited = freezes(&db);
    assert!(
        edited.as_array().unwrap().iter().any(|f| f["name"] == "Launch week"),
        "{edited}"
    );

    // The undo the output names gives the old name and days back.
    let undo = said.split("undo: ").nth(1).unwrap().trim_end().trim_end_matches(')');
    let args: Vec<String> = shell_words(undo);
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    db.ok(&args);
    assert_eq!(freezes(&db), start, "the printed undo restores the freeze");

    // Only the name: the days stay.
    db.ok(&["freeze", "edit", "--team", "Atlas", "Launch", "--name", "Go-live"]);
    let renamed = freezes(&db);
    let go = renamed
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["name"] == "Go-live")
        .unwrap()
        .clone();
    assert_eq!(go["span"]["days"]["first"], "2027-03-01");

    // Rejected: backwards days, a name another freeze has, a freeze that does not exist, a
    // team that does not exist — one line each, nothing written.
    let before = freezes(&db);
    db.rejected(
        &[
            "freeze",
            "edit",
            "--team",
            "Atlas",
            "Go-live",
            "--from",
            "2027-03-09",
            "--to",
            "2027-03-02",
        ],
        "",
    );
    db.rejected(
        &["freeze", "edit", "--team", "Atlas", "Go-live", "--name", "Year-end"],
        "already has a freeze window called",
    );
    db.rejected(
        &["freeze", "edit", "--team", "Atlas", "Nope", "--name", "X"],
        "no freeze window called",
    );
    db.rejected(&["freeze", "edit", "--team", "Nobody", "Go-live", "--name", "X"], "");
    db.rejected(
        &[
            "freeze",
            "edit",
            "--team",
            "Atlas",
            "Go-live",
            "--yearly",
            "02-30..03-01",
        ],
        "",
    );
    assert_eq!(freezes(&db), before);
}

/// Splits a command line the way a shell would (double quotes only, as the CLI prints them).
fn shell_words(line: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut cur = String::new();
    let mut quoted = false;
    let mut any = false;
    for c in line.chars() {
        match c {
            '"' => {
                quoted = !quoted;
                any = true;
            }
            ' ' if !quoted => {
                if any {
                    out.push(std::mem::take(&mut cur));
                    any = false;
                }
            }
            _ => {
                cur.push(c);
                any = true;
            }
        }
    }
    if any {
        out.push(cur);
    }
    out
}

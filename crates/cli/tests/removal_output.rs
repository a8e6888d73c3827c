//! The removal commands say everything a removal took with it (the command line keeps no undo
//! history, so this is the record of what went): a policy's future turns and the escalations to
//! it, a train's hand placements, a team's members, policies, turns and trains.
use chrono::{Duration, Utc};

mod support;
use support::Db;

fn day(offset: i64) -> String {
    (Utc::now().date_naive() + Duration::days(offset)).to_string()
}

/// Orion (two members, Pager and Backup escalating to it, planned for four weeks from next
/// week) and Phoenix, whose sprint the train from Phoenix to Orion places by hand.
fn world(db: &Db) {
    db.ok(&["team", "add", "Orion", "--zone", "Europe/Berlin", "--kind", "ops"]);
    db.ok(&["team", "add", "Phoenix", "--zone", "Europe/Berlin"]);
    for name in ["Ravi", "Mia"] {
        db.ok(&["member", "add", "--team", "Orion", name]);
    }
    db.ok(&["policy", "add", "--team", "Orion", "Pager", "--kind", "weekly"]);
    db.ok(&[
        "policy",
        "add",
        "--team",
        "Orion",
        "Backup",
        "--kind",
        "weekly",
        "--escalates-to",
        "Pager",
    ]);
    db.ok(&[
        "rotation",
        "plan",
        "--team",
        "Orion",
        "--from",
        &day(7),
        "--to",
        &day(34),
    ]);
    db.ok(&[
        "sprint",
        "add",
        "--team",
        "Phoenix",
        "S1",
        "--start",
        &day(10),
        "--end",
        &day(23),
    ]);
    db.ok(&["release-train", "add", "--dev", "Phoenix", "--ops", "Orion"]);
}

#[test]
fn a_policy_removal_names_its_turns_and_the_escalations_it_ends() {
    let db = Db::new();
    world(&db);
    let out = db.ok(&["policy", "remove", "--team", "Orion", "Pager"]);
    assert!(out.starts_with("removed Pager with "), "{out}");
    assert!(out.contains("future turns"), "{out}");
    assert!(out.contains("Backup no longer escalates to it"), "{out}");
    assert!(
        out.contains("undo: policy add --team \"Orion\" \"Pager\" --kind weekly"),
        "{out}"
    );
}

#[test]
fn a_team_removal_names_everything_that_went_with_it() {
    let db = Db::new();
    world(&db);
    let out = db.ok(&["team", "remove", "Orion"]);
    for part in [
        "removed team Orion with ",
        "2 duty policies",
        "2 members",
        "1 release train",
        "future turns",
    ] {
        assert!(out.contains(part), "{part:?} in {out}");
    }
    assert!(out.contains("starts it again, empty"), "{out}");
    // Phoenix's sprint stays; only the train that named Orion went.
    assert!(db.ok(&["sprint", "list", "--team", "Phoenix"]).contains("S1"));
}

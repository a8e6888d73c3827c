//! The rotation commands through the real binary: weekly handoffs stay at Monday 12:00 local
//! across DST, overrides and swaps lock turns, conflicts and fairness are reported, bad input is
//! rejected with one line and changes nothing.

mod support;
use support::Db;

impl Db {
    fn atlas() -> Db {
        let db = Db(tempfile::tempdir().unwrap());
        db.ok(&["team", "add", "Atlas", "--zone", "Europe/Berlin", "--kind", "ops"]);
        for m in ["Farid", "Grace", "Hugo", "Ines"] {
            db.ok(&["member", "add", "--team", "Atlas", m]);
        }
        db
    }
}

const SHOW: [&str; 8] = [
    "rotation",
    "show",
    "--team",
    "Atlas",
    "--from",
    "2026-03-16",
    "--to",
    "2026-04-05",
];

#[test]
fn weekly_handoffs_stay_at_noon_local_across_dst() {
    let db = Db::atlas();
    db.ok(&[
        "policy",
        "add",
        "--team",
        "Atlas",
        "Op of the Week",
        "--kind",
        "weekly",
        "--handoff",
        "MON 12:00",
    ]);
    assert!(db.ok(&["policy", "list", "--team", "Atlas"]).contains("Mon 12:00"));
    db.ok(&[
        "rotation",
        "plan",
        "--team",
        "Atlas",
        "--from",
        "2026-03-16",
        "--to",
        "2026-04-05",
    ]);
    let turns = db.json(&SHOW);
    let starts: Vec<&str> = turns
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t["start"].as_str().unwrap())
        .collect();
    // Berlin moves to summer time on Sunday 2026-03-29: the offset changes, 12:00 local does not.
    assert_eq!(
        starts,
        vec![
            "2026-03-16T12:00:00+01:00",
            "2026-03-23T12:00:00+01:00",
            "2026-03-30T12:00:00+02:00"
        ]
    );
    let members: Vec<&str> = turns
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t["member"].as_str().unwrap())
        .collect();
    assert_eq!(members.len(), 3);
    assert!(members.windows(2).all(|w| w[0] != w[1]), "no back-to-back: {members:?}");
}

#[test]
fn override_swap_check_and_fairness() {
    let db = Db::atlas();
    db.ok(&["policy", "add", "--team", "Atlas", "OW", "--kind", "weekly"]);
    db.ok(&[
        "rotation",
        "plan",
        "--team",
        "Atlas",
        "--from",
        "2026-03-16",
        "--to",
        "2026-04-05",
    ]);
    db.ok(&[
        "timeoff",
        "add",
        "--team",
        "Atlas",
        "--member",
        "Ines",
        "--from",
        "2026-03-24",
        "--to",
        "2026-03-26",
    ]);
    db.ok(&[
        "rotation",
        "override",
        "--team",
        "Atlas",
        "--policy",
        "OW",
        "--at",
        "2026-03-24T10:00",
        "--member",
        "Ines",
    ]);
    let turns = db.json(&SHOW);
    assert_eq!(turns[1]["member"], "Ines");
    assert_eq!(turns[1]["source"], "override");
    assert_eq!(turns[1]["locked"], true);
    let conflicts = db.json(&[
        "rotation",
        "check",
        "--team",
        "Atlas",
        "--from",
        "2026-03-16",
        "--to",
        "2026-04-05",
    ]);
    assert!(conflicts
        .as_array()
        .unwrap()
        .iter()
        .any(|c| c["kind"] == "time_off" && c["message"].as_str().unwrap().contains("Ines")));
    db.ok(&[
        "rotation",
        "swap",
        "--team",
        "Atlas",
        "--policy",
        "OW",
        "--at",
        "2026-03-24T10:00",
        "--with",
        "2026-03-31T10:00",
    ]);
    let after = db.json(&SHOW);
    assert_eq!(after[2]["member"], "Ines");
    assert_eq!(after[1]["member"], turns[2]["member"]);
    assert_eq!(after[1]["source"], "swap");
    let fairness = db.json(&["rotation", "fairness", "--team", "Atlas"]);
    assert_eq!(fairness["rows"].as_array().unwrap().len(), 4);
    assert!(
        !fairness["ledger"].as_array().unwrap().is_empty(),
        "the swap and override are in the ledger"
    );
    // A trainee shadows a turn; the person on duty cannot shadow their own turn.
    db.ok(&[
        "rotation",
        "shadow",
        "--team",
        "Atlas",
        "--policy",
        "OW",
        "--at",
        "2026-03-17T10:00",
        "--member",
        "Hugo",
    ]);
    let shown = db.json(&SHOW);
    assert_eq!(shown[0]["shadow"], "Hugo");
    let on_duty = shown[0]["member"].as_str().unwrap().to_owned();
    if on_duty != "Hugo" {
        db.rejected(
            &[
                "rotation",
                "shadow",
                "--team",
                "Atlas",
                "--policy",
                "OW",
                "--at",
                "2026-03-17T10:00",
                "--member",
                &on_duty,
            ],
            "cannot shadow their own turn",
        );
    }
    db.ok(&[
        "rotation",
        "shadow",
        "--team",
        "Atlas",
        "--policy",
        "OW",
        "--at",
        "2026-03-17T10:00",
        "--remove",
    ]);
    assert_eq!(db.json(&SHOW)[0]["shadow"], serde_json::Value::Null);
    // Re-planning keeps the locked turns.
    db.ok(&[
        "rotation",
        "plan",
        "--team",
        "Atlas",
        "--from",
        "2026-03-16",
        "--to",
        "2026-04-05",
    ]);
    assert_eq!(db.json(&SHOW)[2]["member"], "Ines");
    assert!(db.ok(&["rotation", "today", "--team", "Atlas"]).contains("OW:"));
}

#[test]
fn bad_rotation_input_is_rejected_and_changes_nothing() {
    let db = Db::atlas();
    db.rejected(
        &["policy", "add", "--team", "Atlas", "X", "--kind", "hourly"],
        "not a valid",
    );
    db.rejected(
        &[
            "policy",
            "add",
            "--team",
            "Atlas",
            "X",
            "--kind",
            "weekly",
            "--handoff",
            "MON 25:00",
        ],
        "handoff",
    );
    db.rejected(
        &[
            "policy",
            "add",
            "--team",
            "Atlas",
            "X",
            "--kind",
            "weekly",
            "--pool",
            "Farid,Zed",
        ],
        "no member called \"Zed\"",
    );
    db.rejected(
        &[
            "policy", "add", "--team", "Atlas", "X", "--kind", "weekly", "--focus", "120",
        ],
        "focus",
    );
    db.rejected(
        &[
            "rotation",
            "plan",
            "--team",
            "Atlas",
            "--from",
            "2026-03-16",
            "--to",
            "2026-04-05",
        ],
        "no duty policy",
    );
    db.ok(&["policy", "add", "--team", "Atlas", "OW", "--kind", "weekly"]);
    db.rejected(
        &[
            "rotation",
            "plan",
            "--team",
            "Atlas",
            "--from",
            "2026-04-05",
            "--to",
            "2026-03-16",
        ],
        "before the first day",
    );
    db.rejected(
        &[
            "rotation",
            "override",
            "--team",
            "Atlas",
            "--policy",
            "OW",
            "--at",
            "2026-03-24T10:00",
            "--member",
            "Ines",
        ],
        "plan the rotation first",
    );
    db.rejected(
        &[
            "rotation",
            "override",
            "--team",
            "Atlas",
            "--policy",
            "Nope",
            "--at",
            "2026-03-24T10:00",
            "--member",
            "Ines",
        ],
        "no duty policy called",
    );
    assert_eq!(
        db.json(&["policy", "list", "--team", "Atlas"])
            .as_array()
            .unwrap()
            .len(),
        1
    );
    assert!(db.json(&SHOW).as_array().unwrap().is_empty());
}

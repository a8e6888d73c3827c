//! The planner keeps the rotation context it last loaded between operations (a drag preview, a
//! drop) while it is current. These tests show a kept copy is never stale: after every drop it
//! equals what a fresh connection reads, another connection's commit is seen by the next drop,
//! and so is any other write of the same connection.
use chrono::{DateTime, NaiveDate, TimeZone, Utc};
use sprintshield_core::rotation::{Edit, RotationView};
use sprintshield_core::time::DateSpan;
use sprintshield_core::Id;
use sprintshield_service::{OpenMode, Sprintshield};

struct Demo {
    _dir: tempfile::TempDir,
    path: std::path::PathBuf,
    team: Id,
    range: DateSpan,
    now: DateTime<Utc>,
}

fn demo() -> (Demo, Sprintshield) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("kept.db");
    let mut s = Sprintshield::open(&path, OpenMode::CreateIfMissing).unwrap();
    let now = Utc.with_ymd_and_hms(2026, 11, 22, 12, 0, 0).unwrap();
    s.load_demo(NaiveDate::from_ymd_opt(2026, 11, 22).unwrap(), now)
        .unwrap();
    let team = s.team_by_name("Phoenix").unwrap().id;
    let d = |m, d| NaiveDate::from_ymd_opt(2026, m, d).unwrap();
    let range = DateSpan {
        first: d(11, 23),
        last: d(12, 20),
    };
    let demo = Demo {
        _dir: dir,
        path,
        team,
        range,
        now,
    };
    (demo, s)
}

fn fresh_view(d: &Demo) -> RotationView {
    Sprintshield::open(&d.path, OpenMode::MustExist)
        .unwrap()
        .rotation_view(d.team, d.range, d.now)
        .unwrap()
}

/// Future turns of the view and the team's members, for picking edits.
fn choices(v: &RotationView, d: &Demo) -> (Vec<Id>, Vec<Id>) {
    let team = d.team;
    let turns = v
        .turns
        .iter()
        .filter(|t| t.start > d.now && v.policies.iter().any(|p| p.id == t.policy_id && p.team_id == team))
        .filter_map(|t| t.id)
        .collect();
    let members = v.members.iter().filter(|m| m.team_id == team).map(|m| m.id).collect();
    (turns, members)
}

#[test]
fn after_every_drop_the_kept_copy_is_what_is_stored() {
    let (d, mut s) = demo();
    let first = s.rotation_view(d.team, d.range, d.now).unwrap();
    let (turns, members) = choices(&first, &d);
    assert!(
        turns.len() > 4 && members.len() > 2,
        "the demo has turns and members to edit"
    );
    let mut seed: u64 = 0x5eed;
    let mut next = |n: usize| {
        seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        (seed >> 33) as usize % n
    };
    let (mut made, mut refused) = (0, 0);
    for round in 0..60 {
        let turn_id = turns[next(turns.len())];
        let edit = match round % 3 {
            0 => Edit::Override {
                turn_id,
                member_id: members[next(members.len())],
            },
            1 => Edit::Swap {
                turn_id,
                with_turn_id: turns[next(turns.len())],
            },
            _ => Edit::Shadow {
                turn_id,
                member_id: [None, Some(members[next(members.len())])][next(2)],
            },
        };
        // The drag preview reads through the kept copy too.
        let _ = s.preview_edit(d.team, d.range, edit, d.now);
        match s.apply_edit(d.team, d.range, edit, d.now) {
            Ok(done) => {
                made += 1;
                let stored = fresh_view(&d);
                assert_eq!(
                    done.view, stored,
                    "round {round}: the drop's view is the stored rotation"
                );
                let kept = s.rotation_view(d.team, d.range, d.now).unwrap();
                assert_eq!(kept, stored, "round {round}: the kept copy is the stored rotation");
            }
            Err(_) => refused += 1,
        }
    }
    assert!(made >= 20, "most drops are made ({made} made, {refused} refused)");
}

#[test]
fn a_drop_after_another_connection_commits_sees_that_commit() {
    let (d, mut app) = demo();
    let mut cli = Sprintshield::open(&d.path, OpenMode::MustExist).unwrap();
    let view = app.rotation_view(d.team, d.range, d.now).unwrap();
    let (turns, members) = choices(&view, &d);
    let (a, b) = (turns[1], turns[turns.len() - 2]);
    let holder = |v: &RotationView, id: Id| v.turns.iter().find(|t| t.id == Some(id)).unwrap().member_id;
    let other = *members.iter().find(|m| **m != holder(&view, a)).unwrap();
    // The app has the context kept (view above); the CLI overrides turn `a` on its own connection.
    cli.apply_edit(
        d.team,
        d.range,
        Edit::Override {
            turn_id: a,
            member_id: other,
        },
        d.now,
    )
    .unwrap();
    // The app's next drop (on another turn) must see it, and must not write `a` back.
    let to = *members.iter().find(|m| **m != holder(&view, b)).unwrap();
    let done = app
        .apply_edit(
            d.team,
            d.range,
            Edit::Override {
                turn_id: b,
                member_id: to,
            },
            d.now,
        )
        .unwrap();
    assert_eq!(holder(&done.view, a), other, "the app's drop shows the CLI's override");
    assert_eq!(holder(&fresh_view(&d), a), other, "the CLI's override holds");
    assert_eq!(done.view, fresh_view(&d));
    // A preview after yet another CLI commit sees it too.
    cli.set_turn_note(a, "pager battery low").unwrap();
    let kept = app.rotation_view(d.team, d.range, d.now).unwrap();
    let note = |v: &RotationView| v.turns.iter().find(|t| t.id == Some(a)).unwrap().note.clone();
    assert_eq!(note(&kept), "pager battery low");
}

#[test]
fn a_drop_after_another_write_of_the_same_connection_sees_that_write() {
    let (d, mut s) = demo();
    let view = s.rotation_view(d.team, d.range, d.now).unwrap();
    let (turns, _) = choices(&view, &d);
    s.set_turn_note(turns[2], "handover: rollback plan in the wiki")
        .unwrap();
    let kept = s.rotation_view(d.team, d.range, d.now).unwrap();
    let note = kept.turns.iter().find(|t| t.id == Some(turns[2])).unwrap().note.clone();
    assert_eq!(note, "handover: rollback plan in the wiki");
    assert_eq!(kept, fresh_view(&d));
}

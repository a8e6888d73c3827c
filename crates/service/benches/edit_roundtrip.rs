//! The Rust part of a planner drop: the `apply_edit` operation (one load, the override's SQLite
//! write in a `BEGIN IMMEDIATE` transaction, re-validation, fairness, Today cards: the view) and
//! its JSON, on the demo database in a file with WAL — everything the IPC command does between
//! receiving the drop and answering; undo puts the turn back after each round. The window's own
//! round trip (IPC transport, repaint) is measured by the e2e test.
use chrono::{NaiveDate, TimeZone, Utc};
use criterion::{criterion_group, criterion_main, Criterion};
use sprintshield_core::rotation::Edit;
use sprintshield_core::time::DateSpan;
use sprintshield_service::{OpenMode, Sprintshield};

fn drop_round_trip(c: &mut Criterion) {
    let dir = tempfile::tempdir().unwrap();
    let mut s = Sprintshield::open(&dir.path().join("bench.db"), OpenMode::CreateIfMissing).unwrap();
    let now = Utc.with_ymd_and_hms(2026, 11, 22, 12, 0, 0).unwrap();
    s.load_demo(NaiveDate::from_ymd_opt(2026, 11, 22).unwrap(), now)
        .unwrap();
    let team = s.team_by_name("Phoenix").unwrap();
    let d = |m, d| NaiveDate::from_ymd_opt(2026, m, d).unwrap();
    let range = DateSpan {
        first: d(11, 23),
        last: d(12, 6),
    };
    let view = s.rotation_view(team.id, range, now).unwrap();
    let turn = view.turns[3].clone();
    let other = view
        .members
        .iter()
        .find(|m| m.id != turn.member_id && m.team_id == team.id)
        .unwrap()
        .id;
    let edit = Edit::Override {
        turn_id: turn.id.unwrap(),
        member_id: other,
    };
    let back = Edit::Override {
        turn_id: turn.id.unwrap(),
        member_id: turn.member_id,
    };
    // One drop per iteration, as the planner makes it: the turn goes to `other` and back on
    // alternate iterations, so the database stays the same size.
    let mut flip = false;
    c.bench_function("drop: apply_edit with its view + json (demo, 2 weeks)", |b| {
        b.iter(|| {
            flip = !flip;
            let done = s
                .apply_edit(team.id, range, if flip { edit } else { back }, now)
                .unwrap();
            serde_json::to_string(&done).unwrap().len()
        })
    });
    c.bench_function("apply_edit + rotation_view + json (demo, 2 weeks)", |b| {
        b.iter(|| {
            let done = s.apply_edit(team.id, range, edit, now).unwrap();
            let json = serde_json::to_string(&done).unwrap();
            let turns = &done.changes.turns;
            s.restore_turns(team.id, range, &turns.after, &turns.before, now)
                .unwrap();
            json.len()
        })
    });
}

criterion_group!(benches, drop_round_trip);
criterion_main!(benches);

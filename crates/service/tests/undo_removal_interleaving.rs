//! Undo of a team removal interleaved with other writers on one database file, each on its own
//! connection and thread (as the app and a script on the CLI are). One thread removes team Orion
//! and undoes the removal, round after round; meanwhile one adds members, time off, interrupts and
//! overrides to team Vega, another logs interrupts to Vega, and one keeps adding members, time off
//! and overrides to Orion — which must succeed while Orion is there (before a removal or after its
//! undo) and fail with a plain sentence while it is gone.
//!
//! Afterwards: every removal and undo succeeded; every write that reported success is stored as
//! reported; none that failed left anything; no "database is locked" (or any SQLite text) reached
//! a caller; `integrity_check` says ok; and Orion's rows after the last undo are its rows before
//! the first removal plus exactly the writes that succeeded while it existed (its turns are the
//! first plan with each successful write's turn changes applied in order).
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Barrier};
use std::time::{Duration, Instant};

use chrono::{DateTime, NaiveDate, TimeZone, Utc};
use rusqlite::types::ValueRef;
use rusqlite::Connection;
use sprintshield_core::interrupt::{InterruptCategory, InterruptFilter, NewInterrupt, Severity};
use sprintshield_core::member::NewMember;
use sprintshield_core::release::FreezeWindow;
use sprintshield_core::rotation::{NewPolicy, PolicyKind, Turn};
use sprintshield_core::sprint::NewSprint;
use sprintshield_core::team::{NewTeam, TeamKind};
use sprintshield_core::time::DateSpan;
use sprintshield_core::time_off::{NewHoliday, NewTimeOff, TimeOffKind};
use sprintshield_core::{AppError, ErrorKind, Id};
use sprintshield_service::{Changes, EditAt, OpenMode, Sprintshield};

fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 22, 12, 0, 0).unwrap()
}

fn day(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

const HORIZON: DateSpan = DateSpan {
    first: NaiveDate::from_ymd_opt(2026, 11, 23).unwrap(),
    last: NaiveDate::from_ymd_opt(2027, 3, 28).unwrap(),
};

/// Removal and undo rounds of the remover.
const ROUNDS: usize = 6;
/// Rounds of each writer (each round several operations).
const WRITES: usize = 16;

fn open(path: &Path) -> Sprintshield {
    Sprintshield::open(path, OpenMode::MustExist).unwrap()
}

/// No SQLite wording and no lock failure may reach a caller.
fn assert_plain(errors: &[AppError], who: &str) {
    for e in errors {
        let m = e.message.to_lowercase();
        assert!(
            !m.contains("locked") && !m.contains("busy") && !m.contains("sqlite") && !m.contains("constraint"),
            "{who}: a storage error reached the caller: {e:?}"
        );
    }
}

fn cell(v: ValueRef) -> String {
    match v {
        ValueRef::Null => "NULL".to_owned(),
        ValueRef::Integer(v) => v.to_string(),
        ValueRef::Real(v) => format!("{v:?}"),
        ValueRef::Text(s) => format!("{:?}", String::from_utf8_lossy(s)),
        ValueRef::Blob(b) => format!("{b:?}"),
    }
}

/// Fails with the rows one dump has and the other lacks, when they differ.
fn assert_same_rows(after: &[String], before: &[String], what: &str) {
    let (a, b): (BTreeSet<&String>, BTreeSet<&String>) = (after.iter().collect(), before.iter().collect());
    let lost: Vec<_> = b.difference(&a).collect();
    let invented: Vec<_> = a.difference(&b).collect();
    assert!(
        lost.is_empty() && invented.is_empty() && after.len() == before.len(),
        "{what}\nlost: {lost:#?}\ninvented: {invented:#?}"
    );
}

/// Every row that belongs to `team` — its own, and those that name one of its records, to any
/// depth (members' time off, policies' turns, trains to or from it and their placements) — one
/// line per row, sorted by table and id. Follows the schema's foreign keys, so a new table is
/// included without naming it here.
fn team_dump(path: &Path, team: Id) -> Vec<String> {
    let c = Connection::open(path).unwrap();
    let tables: Vec<String> = c
        .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<rusqlite::Result<_>>()
        .unwrap();
    // (column, referenced table) per table.
    let fks: BTreeMap<String, Vec<(String, String)>> = tables
        .iter()
        .map(|t| {
            let refs = c
                .prepare(&format!(
                    "SELECT \"from\", \"table\" FROM pragma_foreign_key_list('{t}')"
                ))
                .unwrap()
                .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
                .unwrap()
                .collect::<rusqlite::Result<Vec<(String, String)>>>()
                .unwrap();
            (t.clone(), refs)
        })
        .collect();
    let has_id = |t: &str| -> bool {
        c.query_row(
            &format!("SELECT count(*) FROM pragma_table_info('{t}') WHERE name = 'id'"),
            [],
            |r| r.get::<_, i64>(0),
        )
        .unwrap()
            > 0
    };
    // The ids of the team's rows per table, grown until nothing more names them.
    let mut owned: BTreeMap<String, BTreeSet<i64>> = BTreeMap::new();
    owned.insert("team".into(), BTreeSet::from([team]));
    let mut rows: BTreeMap<String, BTreeMap<String, String>> = BTreeMap::new();
    loop {
        let mut grew = false;
        for t in &tables {
            for (col, to) in &fks[t] {
                let Some(ids) = owned.get(to).filter(|s| !s.is_empty()).cloned() else {
                    continue;
                };
                let list = ids.iter().map(|i| i.to_string()).collect::<Vec<_>>().join(",");
                let key = if has_id(t) { "id" } else { "rowid" };
                let mut st = c
                    .prepare(&format!("SELECT {key}, * FROM \"{t}\" WHERE \"{col}\" IN ({list})"))
                    .unwrap();
                let n = st.column_count();
                let mut q = st.query([]).unwrap();
                while let Some(r) = q.next().unwrap() {
                    let rowid: i64 = r.get(0).unwrap();
                    let mut line = t.clone();
                    for i in 1..n {
                        line.push_str(" | ");
                        line.push_str(&cell(r.get_ref(i).unwrap()));
                    }
                    let sort_key = format!("{t} {rowid:>12}");
                    if rows.entry(t.clone()).or_default().insert(sort_key, line).is_none() {
                        grew = true;
                    }
                    if key == "id" && owned.entry(t.clone()).or_default().insert(rowid) {
                        grew = true;
                    }
                }
            }
        }
        if !grew {
            break;
        }
    }
    let mut team_row = Vec::new();
    let mut st = c.prepare("SELECT * FROM team WHERE id = ?1").unwrap();
    let n = st.column_count();
    let mut q = st.query([team]).unwrap();
    while let Some(r) = q.next().unwrap() {
        let cols: Vec<String> = (0..n).map(|i| cell(r.get_ref(i).unwrap())).collect();
        team_row.push(format!("team | {}", cols.join(" | ")));
    }
    team_row
        .into_iter()
        .chain(rows.into_values().flat_map(|m| m.into_values()))
        .collect()
}

/// A turn as the store keeps it, without its row id (an id is checked on its own).
type TurnKey = (
    Id,
    Id,
    DateTime<Utc>,
    DateTime<Utc>,
    String,
    bool,
    String,
    Option<Id>,
    Option<Id>,
);

fn key(t: &Turn) -> TurnKey {
    (
        t.policy_id,
        t.member_id,
        t.start,
        t.end,
        t.source.name().to_owned(),
        t.locked,
        t.note.clone(),
        t.shadow_member_id,
        t.replaced_member_id,
    )
}

/// The turns `changes` leaves in place of `model`'s (its `before` taken out, its `after` put in).
fn apply(model: &mut Vec<TurnKey>, changes: &Changes) {
    for t in &changes.turns.before {
        let k = key(t);
        let i = model
            .iter()
            .position(|m| *m == k)
            .unwrap_or_else(|| panic!("a write's change names a turn that was not stored: {k:?}"));
        model.swap_remove(i);
    }
    model.extend(changes.turns.after.iter().map(key));
}

fn sorted(mut v: Vec<TurnKey>) -> Vec<TurnKey> {
    v.sort();
    v
}

fn turns_of(app: &Sprintshield, team: Id) -> Vec<TurnKey> {
    sorted(app.rotation(team).unwrap().1.iter().map(key).collect())
}

/// What a writer did, in its order: which operation, and its outcome.
#[derive(Debug)]
enum Done {
    Member(Result<(Id, String, Changes), AppError>),
    TimeOff(Result<(Id, String, Changes), AppError>),
    Override(Result<Changes, AppError>),
    Interrupt(Result<(Id, String), AppError>),
}

impl Done {
    fn error(&self) -> Option<&AppError> {
        match self {
            Done::Member(Err(e)) | Done::TimeOff(Err(e)) | Done::Override(Err(e)) | Done::Interrupt(Err(e)) => Some(e),
            _ => None,
        }
    }
    fn changes(&self) -> Option<&Changes> {
        match self {
            Done::Member(Ok((_, _, c))) | Done::TimeOff(Ok((_, _, c))) | Done::Override(Ok(c)) => Some(c),
            _ => None,
        }
    }
}

struct World {
    _dir: tempfile::TempDir,
    path: PathBuf,
    /// The team removed and brought back.
    orion: Id,
    /// The team that is never removed.
    vega: Id,
    orion_people: Vec<Id>,
    vega_people: Vec<Id>,
    pager: Id,
    watch: Id,
}

fn team(app: &mut Sprintshield, name: &str, zone: &str, people: &[&str]) -> (Id, Vec<Id>) {
    let id = app
        .create_team(NewTeam {
            name: name.into(),
            kind: TeamKind::Ops,
            zone: zone.into(),
            working_days: None,
            sprint_length_days: None,
        })
        .unwrap()
        .value
        .id;
    let people = people
        .iter()
        .map(|n| {
            app.add_member(
                id,
                NewMember {
                    name: (*n).into(),
                    ..Default::default()
                },
            )
            .unwrap()
            .value
            .id
        })
        .collect();
    (id, people)
}

/// Vega (never removed) and Orion (no history, one of most things a team can own: members, time
/// off, a holiday, a sprint, two policies planned into the future with Pager escalating to
/// Backup, a freeze window, and the release train from Vega to it with a placement).
fn world() -> World {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("shared.db");
    let mut app = Sprintshield::open(&path, OpenMode::CreateIfMissing).unwrap();
    let (vega, vega_people) = team(&mut app, "Vega", "America/New_York", &["Yara", "Yusuf", "Yoko"]);
    let (orion, orion_people) = team(&mut app, "Orion", "Europe/Berlin", &["Ravi", "Mia", "Ole"]);
    app.add_time_off(
        NewTimeOff {
            member_id: orion_people[1],
            first_day: "2026-12-07".into(),
            last_day: "2026-12-11".into(),
            kind: TimeOffKind::Vacation,
            note: "ski".into(),
        },
        now(),
    )
    .unwrap();
    app.add_holiday(
        orion,
        NewHoliday {
            date: "2026-12-24".into(),
            name: "Christmas Eve".into(),
        },
        now(),
    )
    .unwrap();
    let sprint = |app: &mut Sprintshield, team: Id, name: &str| {
        app.create_sprint(
            team,
            NewSprint {
                name: name.into(),
                start: "2026-11-30".into(),
                end: "2026-12-11".into(),
                goal: "steady".into(),
                committed_points: Some(20.0),
            },
        )
        .unwrap()
        .value
        .id
    };
    sprint(&mut app, orion, "Orion 1");
    let vega_sprint = sprint(&mut app, vega, "Vega 1");
    let pager = app
        .add_policy(orion, NewPolicy::new("Pager", PolicyKind::Weekly))
        .unwrap()
        .value
        .id;
    let backup = app
        .add_policy(orion, NewPolicy::new("Backup", PolicyKind::Weekly))
        .unwrap()
        .value
        .id;
    let mut pager_spec = NewPolicy::new("Pager", PolicyKind::Weekly);
    pager_spec.escalates_to = Some(backup);
    app.edit_policy(pager, pager_spec, now()).unwrap();
    let watch = app
        .add_policy(vega, NewPolicy::new("Watch", PolicyKind::Daily))
        .unwrap()
        .value
        .id;
    app.plan_rotation(orion, HORIZON, now()).unwrap();
    app.plan_rotation(vega, HORIZON, now()).unwrap();
    let train = app
        .add_release_train(Some("Vega to Orion"), vega, orion, Some(1), None)
        .unwrap()
        .value
        .train
        .id;
    app.pin_release(train, vega_sprint, day("2026-12-17")).unwrap();
    app.add_freeze(
        orion,
        FreezeWindow::once(
            "Year end",
            DateSpan {
                first: day("2026-12-21"),
                last: day("2027-01-01"),
            },
        )
        .unwrap(),
    )
    .unwrap();
    World {
        _dir: dir,
        path,
        orion,
        vega,
        orion_people,
        vega_people,
        pager,
        watch,
    }
}

/// A moment inside each future turn of `policy`.
fn moments(app: &Sprintshield, team: Id, policy: Id) -> Vec<DateTime<Utc>> {
    app.rotation(team)
        .unwrap()
        .1
        .into_iter()
        .filter(|t| t.policy_id == policy && t.start > now())
        .map(|t| t.start + chrono::Duration::hours(1))
        .collect()
}

/// `n` weeks after 4 January 2027, a two-day stretch (distinct for each `n`).
fn days_off(n: usize) -> (String, String) {
    let first = day("2027-01-04") + chrono::Duration::days(4 * n as i64);
    (first.to_string(), (first + chrono::Duration::days(1)).to_string())
}

/// Where one writer writes: the team, who takes time off, the policy whose turns it overrides
/// and at which moments, and who is put on them (in turn).
#[derive(Clone)]
struct Target {
    tag: &'static str,
    team: Id,
    away: Id,
    policy: Id,
    on_duty: [Id; 2],
    moments: Vec<DateTime<Utc>>,
    interrupts: bool,
}

/// One writer's round `i`: a member, time off, an override; an interrupt when the target says so.
fn write_round(app: &mut Sprintshield, t: &Target, i: usize, done: &mut Vec<Done>) {
    let name = format!("{} {i}", t.tag);
    done.push(Done::Member(
        app.add_member(
            t.team,
            NewMember {
                name: name.clone(),
                ..Default::default()
            },
        )
        .map(|o| (o.value.id, name.clone(), o.changes)),
    ));
    let (first, last) = days_off(i);
    let note = format!("{} away {i}", t.tag);
    done.push(Done::TimeOff(
        app.add_time_off(
            NewTimeOff {
                member_id: t.away,
                first_day: first,
                last_day: last,
                kind: TimeOffKind::Training,
                note: note.clone(),
            },
            now(),
        )
        .map(|o| (o.value.id, note.clone(), o.changes)),
    ));
    let member_id = t.on_duty[i % 2];
    done.push(Done::Override(
        app.apply_edit_at(t.team, t.policy, t.moments[i], EditAt::Override { member_id })
            .map(|o| o.changes),
    ));
    if t.interrupts {
        done.push(Done::Interrupt(log_interrupt(app, t.team, t.tag, i)));
    }
}

/// A writer thread: `WRITES` rounds on `target` after the start, pausing `pause` between them.
fn writer(path: &Path, start: &Arc<Barrier>, target: Target, pause: Duration) -> std::thread::JoinHandle<Vec<Done>> {
    let (path, start) = (path.to_owned(), start.clone());
    std::thread::spawn(move || {
        let mut app = open(&path);
        start.wait();
        let mut done = Vec::new();
        for i in 0..WRITES {
            write_round(&mut app, &target, i, &mut done);
            std::thread::sleep(pause);
        }
        done
    })
}

fn log_interrupt(app: &mut Sprintshield, team: Id, tag: &str, i: usize) -> Result<(Id, String), AppError> {
    let title = format!("{tag} alert {i}");
    app.log_interrupt(
        team,
        NewInterrupt {
            arrived_at: format!("2026-11-{:02}T{:02}:{:02}", 2 + i % 18, 8 + i % 9, i % 60),
            title: title.clone(),
            category: InterruptCategory::ProductionBug,
            severity: Severity::High,
            handled_by: None,
            minutes: 15,
            pulled_off_focus: true,
            could_have_waited: false,
            root_cause: String::new(),
        },
        now(),
    )
    .map(|o| (o.value.id, title))
}

#[test]
fn undoing_a_team_removal_amid_other_writers_loses_and_invents_nothing() {
    let w = world();
    let setup = open(&w.path);
    let orion_before = team_dump(&w.path, w.orion);
    let orion_turns_before = turns_of(&setup, w.orion);
    let vega_turns_before = turns_of(&setup, w.vega);
    let vega_interrupts_before = setup.interrupts(w.vega, &InterruptFilter::default()).unwrap().len();
    let pager_moments = moments(&setup, w.orion, w.pager);
    let watch_moments = moments(&setup, w.vega, w.watch);
    assert!(orion_before.len() > 30, "Orion owns {} rows", orion_before.len());
    assert!(pager_moments.len() >= WRITES && watch_moments.len() >= WRITES);
    drop(setup);

    let start = Arc::new(Barrier::new(4));
    // A: remove Orion, undo it, round after round.
    let remover = {
        let (path, start, orion) = (w.path.clone(), start.clone(), w.orion);
        std::thread::spawn(move || {
            let mut app = open(&path);
            start.wait();
            let mut rounds = Vec::new();
            for _ in 0..ROUNDS {
                std::thread::sleep(Duration::from_millis(40));
                let t = Instant::now();
                let removed = app.remove_team(orion, now());
                let removing = t.elapsed();
                std::thread::sleep(Duration::from_millis(40));
                let t = Instant::now();
                let undone = match &removed {
                    Ok(r) => Some(app.undo(&r.changes)),
                    Err(_) => None,
                };
                rounds.push((
                    removed.map(|r| r.changes),
                    removing,
                    undone.map(|u| u.map(|_| ())),
                    t.elapsed(),
                ));
            }
            rounds
        })
    };
    // B: members, time off, overrides and interrupts on Vega.
    let vega_writer = writer(
        &w.path,
        &start,
        Target {
            tag: "Vega",
            team: w.vega,
            away: w.vega_people[1],
            policy: w.watch,
            on_duty: [w.vega_people[0], w.vega_people[2]],
            moments: watch_moments.clone(),
            interrupts: true,
        },
        Duration::from_millis(25),
    );
    // C: members, time off and overrides on Orion, whether it is there or not.
    let orion_writer = writer(
        &w.path,
        &start,
        Target {
            tag: "Orion",
            team: w.orion,
            away: w.orion_people[1],
            policy: w.pager,
            on_duty: [w.orion_people[0], w.orion_people[2]],
            moments: pager_moments.clone(),
            interrupts: false,
        },
        Duration::from_millis(25),
    );
    start.wait();
    // D (this thread): interrupts on Vega all the while.
    let mut app = open(&w.path);
    let mut logged = Vec::new();
    for i in 0..2 * WRITES {
        logged.push(log_interrupt(&mut app, w.vega, "Logged", i));
        std::thread::sleep(Duration::from_millis(3));
    }

    let rounds = remover.join().unwrap();
    let vega_done = vega_writer.join().unwrap();
    let orion_done = orion_writer.join().unwrap();

    // Every removal and every undo succeeded (a refusal would at least have to be a sentence).
    let remover_errors: Vec<AppError> = rounds
        .iter()
        .flat_map(|(removed, _, undone, _)| {
            let undo_error = undone.as_ref().and_then(|u| u.as_ref().err());
            removed.as_ref().err().into_iter().chain(undo_error).cloned()
        })
        .collect();
    assert_plain(&remover_errors, "remover");
    for (i, (removed, _, undone, _)) in rounds.iter().enumerate() {
        let removed = removed.as_ref().unwrap_or_else(|e| panic!("removal {i} failed: {e:?}"));
        assert!(
            removed.records.len() > 10,
            "removal {i} took {} records",
            removed.records.len()
        );
        let undone = undone.as_ref().expect("a removal that succeeded is undone");
        undone.as_ref().unwrap_or_else(|e| panic!("undo {i} failed: {e:?}"));
    }
    // Errors are plain sentences; Vega's writes and the interrupts never fail.
    let errors = |done: &[Done]| done.iter().filter_map(|d| d.error().cloned()).collect::<Vec<_>>();
    assert_plain(&errors(&vega_done), "Vega writer");
    assert!(
        errors(&vega_done).is_empty(),
        "Vega writes failed: {:?}",
        errors(&vega_done)
    );
    let logged_errors: Vec<AppError> = logged.iter().filter_map(|r| r.as_ref().err().cloned()).collect();
    assert!(logged_errors.is_empty(), "interrupts failed: {logged_errors:?}");
    let orion_errors = errors(&orion_done);
    assert_plain(&orion_errors, "Orion writer");
    for e in &orion_errors {
        assert_eq!(
            e.kind,
            ErrorKind::NotFound,
            "an Orion write failed for another reason: {e:?}"
        );
    }

    let app = open(&w.path);
    // What reported success is stored as reported; what failed left nothing.
    for (tag, done, team) in [("Vega", &vega_done, w.vega), ("Orion", &orion_done, w.orion)] {
        let members = app.members(team).unwrap();
        let time_off = app.time_off(team).unwrap();
        let interrupts = app.interrupts(team, &InterruptFilter::default()).unwrap();
        for d in done {
            match d {
                Done::Member(Ok((id, name, _))) => assert_eq!(&app.member(*id).unwrap().spec.name, name, "{tag}"),
                Done::TimeOff(Ok((id, note, _))) => {
                    let t = time_off
                        .iter()
                        .find(|t| t.id == *id)
                        .unwrap_or_else(|| panic!("{tag}: time off {id} lost"));
                    assert_eq!(&t.spec.note, note);
                }
                Done::Interrupt(Ok((id, title))) => assert_eq!(&app.interrupt(*id).unwrap().spec.title, title),
                _ => {}
            }
        }
        let reported = |prefix: &str| -> BTreeSet<String> {
            done.iter()
                .filter_map(|d| match d {
                    Done::Member(Ok((_, n, _))) if n.starts_with(prefix) => Some(n.clone()),
                    _ => None,
                })
                .collect()
        };
        let stored: BTreeSet<String> = members
            .iter()
            .map(|m| m.spec.name.clone())
            .filter(|n| n.starts_with(&format!("{tag} ")))
            .collect();
        assert_eq!(
            stored,
            reported(&format!("{tag} ")),
            "{tag}: exactly the members reported added"
        );
        let stored_off: BTreeSet<&str> = time_off
            .iter()
            .map(|t| t.spec.note.as_str())
            .filter(|n| n.starts_with(&format!("{tag} away")))
            .collect();
        let reported_off: BTreeSet<&str> = done
            .iter()
            .filter_map(|d| match d {
                Done::TimeOff(Ok((_, n, _))) => Some(n.as_str()),
                _ => None,
            })
            .collect();
        assert_eq!(stored_off, reported_off, "{tag}: exactly the time off reported added");
        if tag == "Orion" {
            assert!(interrupts.is_empty(), "Orion never had an interrupt");
        }
    }
    let vega_interrupts = app.interrupts(w.vega, &InterruptFilter::default()).unwrap().len();
    assert_eq!(vega_interrupts, vega_interrupts_before + WRITES + 2 * WRITES);

    // Turns: each team's first plan with every successful write's turn changes applied in order
    // (each team has one writer; a removal and its undo give back what was there).
    for (tag, done, team, before) in [
        ("Vega", &vega_done, w.vega, vega_turns_before),
        ("Orion", &orion_done, w.orion, orion_turns_before),
    ] {
        let mut model = before;
        for c in done.iter().filter_map(Done::changes) {
            apply(&mut model, c);
        }
        assert_eq!(turns_of(&app, team), sorted(model), "{tag}'s turns");
    }

    // Orion's rows: those before the first removal, and the rows of its successful writes.
    let orion_after = team_dump(&w.path, w.orion);
    let added_members: BTreeSet<String> = orion_done
        .iter()
        .filter_map(|d| match d {
            Done::Member(Ok((id, _, _))) => Some(format!("member | {id} |")),
            _ => None,
        })
        .collect();
    let added_off: BTreeSet<String> = orion_done
        .iter()
        .filter_map(|d| match d {
            Done::TimeOff(Ok((id, _, _))) => Some(format!("time_off | {id} |")),
            _ => None,
        })
        .collect();
    let without_turns_and_added = |dump: &[String]| -> Vec<String> {
        dump.iter()
            .filter(|l| !l.starts_with("turn |"))
            .filter(|l| {
                !added_members
                    .iter()
                    .chain(&added_off)
                    .any(|p| l.starts_with(p.as_str()))
            })
            .cloned()
            .collect()
    };
    assert_same_rows(
        &without_turns_and_added(&orion_after),
        &without_turns_and_added(&orion_before),
        "Orion's rows are those it had, plus its successful writes",
    );
    let added_rows = orion_after.len() - without_turns_and_added(&orion_after).len();
    let turn_rows = orion_after.iter().filter(|l| l.starts_with("turn |")).count();
    assert_eq!(added_rows - turn_rows, added_members.len() + added_off.len());
    assert_eq!(app.integrity_check().unwrap(), "ok");

    let ok_orion = orion_done.iter().filter(|d| d.error().is_none()).count();
    assert!(ok_orion > 0, "no Orion write got through");
    assert!(
        !orion_errors.is_empty(),
        "no Orion write fell while it was gone: the interleaving did not happen"
    );
    let taken: Vec<String> = rounds
        .iter()
        .filter_map(|r| r.0.as_ref().ok())
        .map(|c| format!("{}+{}", c.records.len(), c.turns.before.len()))
        .collect();
    println!(
        "{ROUNDS} removals + undos of Orion (records+turns each: {}); Orion writes: {ok_orion} ok, {} refused while it was gone; Vega writes: {} ok; interrupts logged: {}",
        taken.join(", "),
        orion_errors.len(),
        vega_done.len(),
        logged.len()
    );
    let mut removing: Vec<Duration> = rounds.iter().map(|r| r.1).collect();
    let mut undoing: Vec<Duration> = rounds.iter().map(|r| r.3).collect();
    removing.sort();
    undoing.sort();
    println!(
        "under contention: removal {:?}..{:?}, undo {:?}..{:?}",
        removing[0],
        removing[ROUNDS - 1],
        undoing[0],
        undoing[ROUNDS - 1]
    );
}

#[test]
fn a_team_removal_is_undone_after_another_team_got_a_member() {
    // The interleaving above in its smallest form, one connection, no threads, as a script on
    // the CLI and the app would do it: Orion, made after Vega, holds the highest member ids when
    // it is removed; Vega then gets a member; undo must still bring Orion back whole.
    let w = world();
    let mut app = open(&w.path);
    let before = team_dump(&w.path, w.orion);
    let removed = app.remove_team(w.orion, now()).unwrap();
    let vega_member = app
        .add_member(
            w.vega,
            NewMember {
                name: "Later".into(),
                ..Default::default()
            },
        )
        .unwrap()
        .value;
    app.undo(&removed.changes)
        .unwrap_or_else(|e| panic!("undo refused after Vega added member {}: {e:?}", vega_member.id));
    assert_same_rows(&team_dump(&w.path, w.orion), &before, "Orion is back whole");
    assert_eq!(app.member(vega_member.id).unwrap().spec.name, "Later");
}

//! Interleavings, not sequences: several connections to one database file (as the app and a
//! script on the CLI are) plan, override, swap, log interrupts and import time off all at once.
//! Afterwards every operation that reported success is in the database as it said, none that
//! failed left anything behind, no "database is locked" (or any SQLite text) reached a caller,
//! and the file is sound.
use std::path::{Path, PathBuf};
use std::sync::{Arc, Barrier};
use std::time::{Duration, Instant};

use chrono::{DateTime, NaiveDate, TimeZone, Utc};
use sprintshield_core::calendar::requests::{ImportAs, ImportRequest};
use sprintshield_core::interrupt::{InterruptCategory, InterruptFilter, NewInterrupt, Severity};
use sprintshield_core::rotation::{find_turn, Edit, Turn};
use sprintshield_core::time::{resolve_local, DateSpan};
use sprintshield_core::{AppError, Id};
use sprintshield_service::{EditAt, OpenMode, Sprintshield};

fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 22, 12, 0, 0).unwrap()
}

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

const HORIZON: DateSpan = DateSpan {
    first: NaiveDate::from_ymd_opt(2026, 11, 23).unwrap(),
    last: NaiveDate::from_ymd_opt(2027, 3, 28).unwrap(),
};

fn open(path: &Path) -> Sprintshield {
    Sprintshield::open(path, OpenMode::MustExist).unwrap()
}

/// What one worker did: the operations that succeeded (with what they reported) and the errors.
struct Log<T> {
    ok: Vec<T>,
    failed: Vec<AppError>,
    took: Vec<Duration>,
}

impl<T> Default for Log<T> {
    fn default() -> Self {
        Log {
            ok: Vec::new(),
            failed: Vec::new(),
            took: Vec::new(),
        }
    }
}

impl<T> Log<T> {
    fn record(&mut self, started: Instant, result: Result<T, AppError>) {
        self.took.push(started.elapsed());
        match result {
            Ok(v) => self.ok.push(v),
            Err(e) => self.failed.push(e),
        }
    }
}

/// No SQLite wording and no lock failure may reach a caller.
fn assert_plain(errors: &[AppError], who: &str) {
    for e in errors {
        let m = e.message.to_lowercase();
        assert!(
            !m.contains("locked") && !m.contains("busy") && !m.contains("sqlite") && !m.contains("constraint failed"),
            "{who}: a storage error reached the caller: {e:?}"
        );
    }
}

/// An override as reported: the moment, the member put on duty, the turns after it.
type Overridden = (DateTime<Utc>, Id, Vec<Turn>);

struct Fixture {
    _dir: tempfile::TempDir,
    path: PathBuf,
    phoenix: Id,
    batman: Id,
    dev_of_week: Id,
    members: Vec<(Id, String)>,
}

fn fixture() -> Fixture {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("shared.db");
    let mut app = Sprintshield::open(&path, OpenMode::CreateIfMissing).unwrap();
    app.load_demo(day(2026, 11, 22), now()).unwrap();
    let phoenix = app.team_by_name("Phoenix").unwrap().id;
    app.plan_rotation(phoenix, HORIZON, now()).unwrap();
    let atlas = app.team_by_name("Atlas").unwrap().id;
    app.plan_rotation(atlas, HORIZON, now()).unwrap();
    let batman = app.policy_by_name(phoenix, "Batman").unwrap().id;
    let dev_of_week = app.policy_by_name(phoenix, "Dev of the Week").unwrap().id;
    let members = app
        .members(phoenix)
        .unwrap()
        .into_iter()
        .map(|m| (m.id, m.spec.email.unwrap_or_default()))
        .collect();
    Fixture {
        _dir: dir,
        path,
        phoenix,
        batman,
        dev_of_week,
        members,
    }
}

/// A moment inside each future Batman turn of the horizon (one per turn: a turn that runs over a
/// holiday or a weekend is still one turn).
fn batman_moments(f: &Fixture) -> Vec<DateTime<Utc>> {
    let app = open(&f.path);
    stored(&app, f.phoenix)
        .into_iter()
        .filter(|t| t.policy_id == f.batman && t.start > now())
        .map(|t| t.start + chrono::Duration::hours(1))
        .collect()
}

fn stored(app: &Sprintshield, team: Id) -> Vec<Turn> {
    app.rotation(team).unwrap().1
}

#[test]
fn plan_override_swap_log_and_import_at_once_lose_nothing() {
    let f = fixture();
    let moments = batman_moments(&f);
    assert!(moments.len() >= 84, "{} Batman turns", moments.len());
    let start = Arc::new(Barrier::new(8)); // seven workers and this thread

    // Three writers override distinct Batman days (every third day each), with distinct people:
    // two as the CLI does (the turn covering a moment, looked up inside the write), one as the
    // planner window does (it reads the view, then drops a person on the turn it shows: both go
    // through the context the window keeps between operations, which must never be stale).
    let window = {
        let (path, start, moments, members) = (f.path.clone(), start.clone(), moments.clone(), f.members.clone());
        let (team, policy) = (f.phoenix, f.batman);
        std::thread::spawn(move || {
            let mut app = open(&path);
            start.wait();
            let mut log = Log::default();
            for (i, at) in moments.iter().enumerate().filter(|(i, _)| i % 3 == 0).take(28) {
                let member = members[i % members.len()].0;
                let range = DateSpan {
                    first: at.date_naive(),
                    last: at.date_naive() + chrono::Duration::days(13),
                };
                let t = Instant::now();
                let r = app.rotation_view(team, range, now()).and_then(|v| {
                    let turn = &v.turns[find_turn(&v.turns, policy, *at).expect("the view shows the turn")];
                    let edit = Edit::Override {
                        turn_id: turn.id.expect("a shown turn is stored"),
                        member_id: member,
                    };
                    app.apply_edit(team, range, edit, now())
                        .map(|done| (*at, member, done.changes.turns.after))
                });
                log.record(t, r);
            }
            log
        })
    };
    let overriders: Vec<_> = (1..3)
        .map(|k| {
            let (path, start, moments, members) = (f.path.clone(), start.clone(), moments.clone(), f.members.clone());
            let (team, policy) = (f.phoenix, f.batman);
            std::thread::spawn(move || {
                let mut app = open(&path);
                start.wait();
                let mut log = Log::default();
                for (i, at) in moments.iter().enumerate().filter(|(i, _)| i % 3 == k).take(28) {
                    let member = members[(i + k) % members.len()].0;
                    let t = Instant::now();
                    let r = app
                        .apply_edit_at(team, policy, *at, EditAt::Override { member_id: member })
                        .map(|o| (*at, member, o.value));
                    log.record(t, r);
                }
                log
            })
        })
        .collect();

    // Auto-plan again and again over the same days.
    let planner = {
        let (path, start, team) = (f.path.clone(), start.clone(), f.phoenix);
        std::thread::spawn(move || {
            let mut app = open(&path);
            start.wait();
            let mut log = Log::default();
            for _ in 0..25 {
                let t = Instant::now();
                log.record(t, app.plan_rotation(team, HORIZON, now()).map(|_| ()));
            }
            log
        })
    };

    // Swap pairs of Dev of the Week turns (weeks 1↔2, 3↔4, …).
    let swapper = {
        let (path, start, team, policy) = (f.path.clone(), start.clone(), f.phoenix, f.dev_of_week);
        std::thread::spawn(move || {
            let mut app = open(&path);
            start.wait();
            let mut log = Log::default();
            for w in 0..6 {
                let monday = day(2026, 11, 30) + chrono::Duration::weeks(2 * w);
                let at = resolve_local(chrono_tz::Europe::Berlin, monday.and_hms_opt(15, 0, 0).unwrap());
                let with = at + chrono::Duration::weeks(1);
                let t = Instant::now();
                log.record(
                    t,
                    app.apply_edit_at(team, policy, at, EditAt::Swap { with })
                        .map(|o| o.value),
                );
            }
            log
        })
    };

    // Log interrupts; every fifth one is in the future and must be refused, leaving nothing.
    let logger = {
        let (path, start, team) = (f.path.clone(), start.clone(), f.phoenix);
        std::thread::spawn(move || {
            let mut app = open(&path);
            start.wait();
            let mut log = Log::default();
            for i in 0..60 {
                let arrived = if i % 5 == 4 {
                    "2026-12-24T10:00".to_owned()
                } else {
                    format!("2026-11-{:02}T{:02}:15", 2 + i % 20, 8 + i % 9)
                };
                let new = NewInterrupt {
                    arrived_at: arrived,
                    title: format!("concurrent interrupt {i}"),
                    category: InterruptCategory::ProductionBug,
                    severity: Severity::Normal,
                    handled_by: None,
                    minutes: 10 + i,
                    pulled_off_focus: i % 2 == 0,
                    could_have_waited: false,
                    root_cause: String::new(),
                };
                let t = Instant::now();
                let r = app.log_interrupt(team, new, now()).map(|o| o.value);
                log.record(
                    t,
                    r.map_err(|e| AppError {
                        field: Some(i.to_string()),
                        ..e
                    }),
                );
            }
            log
        })
    };

    // Import one week of time off per file, for a different person each time.
    let importer = {
        let (path, start, team, members) = (f.path.clone(), start.clone(), f.phoenix, f.members.clone());
        std::thread::spawn(move || {
            let mut app = open(&path);
            start.wait();
            let mut log = Log::default();
            for i in 0..10 {
                let (_, email) = &members[i % members.len()];
                let first = day(2027, 5, 3) + chrono::Duration::weeks(i as i64);
                let ics = format!(
                    "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//EN\r\nBEGIN:VEVENT\r\nUID:c{i}@test\r\n\
                     DTSTART;VALUE=DATE:{}\r\nDTEND;VALUE=DATE:{}\r\nSUMMARY:Away {i}\r\n\
                     ATTENDEE:mailto:{email}\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n",
                    first.format("%Y%m%d"),
                    (first + chrono::Duration::days(5)).format("%Y%m%d"),
                );
                let req = ImportRequest {
                    team_id: team,
                    text: ics,
                    kind: ImportAs::TimeOff,
                    from: day(2027, 1, 1),
                    to: day(2027, 12, 31),
                    kinds: Vec::new(),
                };
                let t = Instant::now();
                log.record(t, app.import_calendar(&req).map(|o| o.changes));
            }
            log
        })
    };

    start.wait();
    let overrides: Vec<Log<Overridden>> = overriders.into_iter().map(|h| h.join().unwrap()).collect();
    let dropped = window.join().unwrap();
    let plans = planner.join().unwrap();
    let swaps = swapper.join().unwrap();
    let logged = logger.join().unwrap();
    let imported = importer.join().unwrap();

    for (i, l) in overrides.iter().enumerate() {
        assert_plain(&l.failed, &format!("overrider {i}"));
        assert!(
            l.failed.is_empty(),
            "overrides of existing turns are all valid: {:?}",
            l.failed
        );
    }
    // Between the window's view and its drop a re-plan may replace the turn it shows; that drop
    // is refused in a sentence (and must leave nothing), never written over the new plan.
    assert_plain(&dropped.failed, "window");
    for e in &dropped.failed {
        assert!(e.message.contains("reload"), "a refused drop says to reload: {e:?}");
    }
    assert!(
        !dropped.ok.is_empty(),
        "the window made drops: {} refused",
        dropped.failed.len()
    );
    assert_plain(&plans.failed, "planner");
    assert!(plans.failed.is_empty(), "{:?}", plans.failed);
    assert_plain(&swaps.failed, "swapper");
    assert!(swaps.failed.is_empty(), "{:?}", swaps.failed);
    assert_plain(&imported.failed, "importer");
    assert!(imported.failed.is_empty(), "{:?}", imported.failed);
    assert_plain(&logged.failed, "logger");
    assert_eq!(logged.failed.len(), 12, "exactly the future interrupts are refused");
    assert!(logged
        .failed
        .iter()
        .all(|e| e.field.as_deref().is_some_and(|i| i.parse::<i64>().unwrap() % 5 == 4)));

    let app = open(&f.path);
    let turns = stored(&app, f.phoenix);

    // Every override that reported success is stored as it said: that member, locked.
    let mut checked = 0;
    for (at, member, after) in overrides.iter().chain([&dropped]).flat_map(|l| &l.ok) {
        let i = find_turn(&turns, f.batman, *at).expect("the overridden turn still exists");
        assert_eq!(turns[i].member_id, *member, "override at {at} was lost");
        assert!(turns[i].locked, "override at {at} is no longer locked");
        if let Some(t) = after.first() {
            assert_eq!(turns[i].id, t.id);
        }
        checked += 1;
    }
    assert_eq!(checked, 56 + dropped.ok.len());

    // Every swap that reported success is stored as it said.
    for after in &swaps.ok {
        for t in after {
            let s = turns.iter().find(|x| x.id == t.id).expect("swapped turn still stored");
            assert_eq!((s.member_id, s.locked), (t.member_id, true));
        }
    }
    assert_eq!(swaps.ok.len(), 6);

    // Every logged interrupt is there; none of the refused ones is.
    let all = app.interrupts(f.phoenix, &InterruptFilter::default()).unwrap();
    for i in &logged.ok {
        assert!(all.iter().any(|x| x.id == i.id && x.spec.title == i.spec.title));
    }
    for e in &logged.failed {
        let title = format!("concurrent interrupt {}", e.field.as_deref().unwrap());
        assert!(
            !all.iter().any(|x| x.spec.title == title),
            "a refused interrupt was stored"
        );
    }

    // Every imported stretch of time off is there.
    let away = app.time_off(f.phoenix).unwrap();
    let created: Vec<_> = imported.ok.iter().flat_map(|c| &c.records).collect();
    assert_eq!(created.len(), 10);
    for c in created {
        let Some(sprintshield_service::Record::TimeOff(t)) = &c.after else {
            panic!("an import creates time off: {c:?}")
        };
        assert!(away.contains(t));
    }

    // The plan still covers every Batman day exactly once, and the file is sound.
    for at in &moments {
        let covering = turns
            .iter()
            .filter(|t| t.policy_id == f.batman && t.start <= *at && *at < t.end)
            .count();
        assert_eq!(covering, 1, "Batman at {at}");
    }
    assert_eq!(app.integrity_check().unwrap(), "ok");

    let mut took: Vec<Duration> = overrides
        .iter()
        .chain([&dropped])
        .flat_map(|l| l.took.iter())
        .chain(&plans.took)
        .chain(&swaps.took)
        .chain(&logged.took)
        .chain(&imported.took)
        .copied()
        .collect();
    took.sort();
    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    println!(
        "concurrency: {} operations on 7 connections ({} window drops made, {} refused as stale); p50 {:.1} ms, p95 {:.1} ms, max {:.1} ms (debug build)",
        took.len(),
        dropped.ok.len(),
        dropped.failed.len(),
        ms(took[took.len() / 2]),
        ms(took[took.len() * 95 / 100]),
        ms(*took.last().unwrap())
    );
}

/// A plan that starts while a long write holds the lock waits for it (busy timeout) instead of
/// failing, and then sees what that write stored.
#[test]
fn a_plan_waits_for_a_writer_and_keeps_its_override() {
    let f = fixture();
    let at = batman_moments(&f)[4];
    let mut app = open(&f.path);
    let member = f.members[2].0;
    let turns = stored(&app, f.phoenix);
    let before = turns[find_turn(&turns, f.batman, at).unwrap()].clone();
    let other = f.members.iter().find(|(id, _)| *id != before.member_id).unwrap().0;
    let member = if member == before.member_id { other } else { member };

    // Hold the write lock from another connection for 300 ms while the override is pending.
    let locker = {
        let path = f.path.clone();
        std::thread::spawn(move || {
            let conn = rusqlite::Connection::open(path).unwrap();
            conn.execute_batch("BEGIN IMMEDIATE").unwrap();
            std::thread::sleep(Duration::from_millis(300));
            conn.execute_batch("COMMIT").unwrap();
        })
    };
    std::thread::sleep(Duration::from_millis(50));
    let planner = {
        let (path, team) = (f.path.clone(), f.phoenix);
        std::thread::spawn(move || {
            std::thread::sleep(Duration::from_millis(20));
            let mut app = open(&path);
            app.plan_rotation(team, HORIZON, now())
        })
    };
    let started = Instant::now();
    app.apply_edit_at(f.phoenix, f.batman, at, EditAt::Override { member_id: member })
        .expect("the override waits for the lock");
    assert!(started.elapsed() >= Duration::from_millis(150), "it did wait");
    planner.join().unwrap().expect("the plan waits too");
    locker.join().unwrap();
    let turns = stored(&app, f.phoenix);
    let now_stored = &turns[find_turn(&turns, f.batman, at).unwrap()];
    assert_eq!((now_stored.member_id, now_stored.locked), (member, true));
}

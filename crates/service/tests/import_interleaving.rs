//! CSV imports interleaved with other writers on one database file, each on its own connection
//! and thread (as the app and a script on the CLI are): two imports of the same file at once, an
//! import of a second file, an import that the database refuses half-way, hand-logged interrupts,
//! edits of logged ones and previews read all through it. Afterwards every operation that
//! reported success is stored as it said, the same file is in the log exactly once, the refused
//! import left nothing, no "database is locked" (or any SQLite text) reached a caller, and
//! `integrity_check` says ok.
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Barrier};
use std::time::{Duration, Instant};

use chrono::{DateTime, NaiveDate, TimeZone, Utc};
use sprintshield_core::import_csv::{CsvMapping, InterruptCsvPreview, InterruptCsvRequest};
use sprintshield_core::interrupt::{Interrupt, InterruptCategory, InterruptFilter, NewInterrupt, Severity};
use sprintshield_core::{AppError, Id};
use sprintshield_service::{OpenMode, Sprintshield};

fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 22, 12, 0, 0).unwrap()
}

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

/// A generic CSV of `n` interrupts with ids `{tag}-{i}` and titles `Alert {tag}-{i}`, arriving
/// every three hours from September on, handled in turn by `people`.
fn file(tag: &str, n: usize, people: &[String]) -> String {
    let mut text = String::from("id,at,title,category,severity,minutes,handled_by\n");
    let first = NaiveDate::from_ymd_opt(2026, 9, 1)
        .unwrap()
        .and_hms_opt(8, 0, 0)
        .unwrap();
    for i in 0..n {
        let at = first + chrono::Duration::hours(3 * i as i64 + tag.len() as i64);
        let severity = ["low", "normal", "high", "critical"][i % 4];
        text.push_str(&format!(
            "{tag}-{i},{},Alert {tag}-{i},ops,{severity},{},{}\n",
            at.format("%Y-%m-%d %H:%M"),
            5 + i % 40,
            people[i % people.len()]
        ));
    }
    text
}

fn request(team: Id, text: &str) -> InterruptCsvRequest {
    InterruptCsvRequest {
        team_id: team,
        text: text.to_owned(),
        source: None,
        mapping: CsvMapping::default(),
    }
}

/// The team's interrupts whose title starts with `Alert {tag}-`.
fn titled(all: &[Interrupt], tag: &str) -> usize {
    let prefix = format!("Alert {tag}-");
    all.iter().filter(|i| i.spec.title.starts_with(&prefix)).count()
}

type Outcome = Result<InterruptCsvPreview, AppError>;

#[test]
fn imports_interleaved_with_other_writers_are_whole_once_and_plain() {
    let dir = tempfile::tempdir().unwrap();
    let path: PathBuf = dir.path().join("shared.db");
    let (team, people, edited_ids) = {
        let mut app = Sprintshield::open(&path, OpenMode::CreateIfMissing).unwrap();
        app.load_demo(NaiveDate::from_ymd_opt(2026, 11, 22).unwrap(), now())
            .unwrap();
        let team = app.team_by_name("Phoenix").unwrap().id;
        let people: Vec<String> = app.members(team).unwrap().into_iter().map(|m| m.spec.name).collect();
        let ids: Vec<Id> = app
            .interrupts(team, &InterruptFilter::default())
            .unwrap()
            .into_iter()
            .take(12)
            .map(|i| i.id)
            .collect();
        (team, people, ids)
    };
    let before = open(&path).interrupts(team, &InterruptFilter::default()).unwrap().len();
    let a = file("A", 400, &people);
    let b = file("BB", 300, &people);
    let c = file("CCC", 200, &people);
    // The database itself refuses the last row of file C: its import must fail as a whole.
    rusqlite::Connection::open(&path)
        .unwrap()
        .execute_batch(
            "CREATE TRIGGER refuse_c BEFORE INSERT ON interrupt WHEN NEW.title = 'Alert CCC-199'
             BEGIN SELECT RAISE(ABORT, 'refused by the test'); END;",
        )
        .unwrap();

    let start = Arc::new(Barrier::new(8)); // seven workers and this thread
    let importer = |text: String, rounds: usize| {
        let (path, start) = (path.clone(), start.clone());
        std::thread::spawn(move || {
            let mut app = open(&path);
            start.wait();
            (0..rounds)
                .map(|_| {
                    let t = Instant::now();
                    let r: Outcome = app.import_interrupt_csv(&request(team, &text), now()).map(|o| o.value);
                    (r, t.elapsed())
                })
                .collect::<Vec<_>>()
        })
    };
    // The same file twice at once, then each again; a second file; the refused file.
    let a1 = importer(a.clone(), 2);
    let a2 = importer(a.clone(), 2);
    let b1 = importer(b.clone(), 1);
    let c1 = importer(c.clone(), 1);

    // Two people log interrupts by hand all the while.
    let loggers: Vec<_> = (0..2)
        .map(|k| {
            let (path, start) = (path.clone(), start.clone());
            std::thread::spawn(move || {
                let mut app = open(&path);
                start.wait();
                let mut ok = Vec::new();
                let mut failed = Vec::new();
                for i in 0..40 {
                    let new = NewInterrupt {
                        arrived_at: format!("2026-11-{:02}T{:02}:{:02}", 2 + i % 18, 9 + k, i % 60),
                        title: format!("Hand-logged {k}-{i}"),
                        category: InterruptCategory::UserQuestion,
                        severity: Severity::Normal,
                        handled_by: None,
                        minutes: 10,
                        pulled_off_focus: true,
                        could_have_waited: true,
                        root_cause: String::new(),
                    };
                    match app.log_interrupt(team, new, now()) {
                        Ok(o) => ok.push(o.value),
                        Err(e) => failed.push(e),
                    }
                }
                (ok, failed)
            })
        })
        .collect();

    // Someone edits logged interrupts over and over.
    let editor = {
        let (path, start, ids) = (path.clone(), start.clone(), edited_ids.clone());
        std::thread::spawn(move || {
            let mut app = open(&path);
            start.wait();
            let mut last: HashMap<Id, String> = HashMap::new();
            let mut failed = Vec::new();
            for round in 0..4 {
                for &id in &ids {
                    let old = app.interrupt(id).unwrap();
                    let title = format!("Edited {id} round {round}");
                    let new = NewInterrupt {
                        arrived_at: old.spec.arrived_at.to_rfc3339(),
                        title: title.clone(),
                        category: old.spec.category,
                        severity: old.spec.severity,
                        handled_by: old.spec.handled_by,
                        minutes: i64::from(old.spec.minutes),
                        pulled_off_focus: old.spec.pulled_off_focus,
                        could_have_waited: old.spec.could_have_waited,
                        root_cause: old.spec.root_cause,
                    };
                    match app.edit_interrupt(id, new, now()) {
                        Ok(_) => {
                            last.insert(id, title);
                        }
                        Err(e) => failed.push(e),
                    }
                }
            }
            (last, failed)
        })
    };
    start.wait();
    // And this thread previews file B while all of it happens: a read never fails or sees half an import.
    let mut previews = Vec::new();
    let reader = open(&path);
    for _ in 0..10 {
        let p = reader.interrupt_csv_preview(&request(team, &b), now());
        previews.push(p);
    }

    let a_runs: Vec<(Outcome, Duration)> = a1.join().unwrap().into_iter().chain(a2.join().unwrap()).collect();
    let b_runs = b1.join().unwrap();
    let c_runs = c1.join().unwrap();
    let logged: Vec<_> = loggers.into_iter().map(|h| h.join().unwrap()).collect();
    let (edits, edit_errors) = editor.join().unwrap();

    // Every error a caller saw is a plain sentence.
    for (name, runs) in [("import A", &a_runs), ("import B", &b_runs), ("import C", &c_runs)] {
        let errors: Vec<AppError> = runs.iter().filter_map(|(r, _)| r.as_ref().err().cloned()).collect();
        assert_plain(&errors, name);
    }
    for (_, failed) in &logged {
        assert_plain(failed, "logger");
        assert!(failed.is_empty(), "hand logging failed: {failed:?}");
    }
    assert_plain(&edit_errors, "editor");
    assert!(edit_errors.is_empty(), "edits failed: {edit_errors:?}");
    for p in &previews {
        let p = p.as_ref().unwrap_or_else(|e| panic!("a preview failed: {e:?}"));
        // All of file B, or none of it: its rows to add plus those already there are the whole file.
        assert_eq!(p.rows.len() + p.duplicates.len(), 300);
        assert!(
            p.duplicates.is_empty() || p.duplicates.len() == 300,
            "half an import seen"
        );
    }

    let app = open(&path);
    let all = app.interrupts(team, &InterruptFilter::default()).unwrap();
    // File A: the four imports together added it exactly once, all of it in one of them.
    let added: Vec<usize> = a_runs
        .iter()
        .map(|(r, _)| r.as_ref().map(|p| p.rows.len()).unwrap_or(0))
        .collect();
    assert_eq!(added.iter().sum::<usize>(), 400, "{added:?}");
    assert!(added.iter().all(|&n| n == 0 || n == 400), "{added:?}");
    assert_eq!(titled(&all, "A"), 400);
    // File B: what its import reported is what is stored.
    let (b_result, _) = &b_runs[0];
    assert_eq!(b_result.as_ref().unwrap().rows.len(), 300);
    assert_eq!(titled(&all, "BB"), 300);
    // File C: refused by the database at its last row; none of its 199 earlier rows is kept.
    assert!(c_runs[0].0.is_err(), "the refused import reported success");
    assert_eq!(titled(&all, "CCC"), 0);
    // Hand-logged interrupts are there as reported.
    let by_id: HashMap<Id, &Interrupt> = all.iter().map(|i| (i.id, i)).collect();
    let mut hand = 0;
    for (ok, _) in &logged {
        for i in ok {
            assert_eq!(by_id[&i.id].spec.title, i.spec.title);
            hand += 1;
        }
    }
    assert_eq!(hand, 80);
    // Each edited interrupt holds its last reported edit.
    for (id, title) in &edits {
        assert_eq!(&by_id[id].spec.title, title);
    }
    assert_eq!(all.len(), before + 400 + 300 + 80);
    assert_eq!(app.integrity_check().unwrap(), "ok");

    let mut took: Vec<Duration> = a_runs.iter().chain(&b_runs).map(|(_, d)| *d).collect();
    took.sort();
    println!(
        "import apply under contention: {} runs, fastest {:?}, slowest {:?}",
        took.len(),
        took[0],
        took[took.len() - 1]
    );
}

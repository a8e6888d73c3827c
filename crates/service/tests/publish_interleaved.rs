//! Publishing while the plan changes: one connection publishes Phoenix to a real Radicale again and
//! again (each accepted write recorded in its own small transaction) while two other connections
//! to the same database file override turns and re-plan. Afterwards: every publish and every edit
//! that reported success holds (each resource the server accepted is recorded with the ETag the
//! server holds, nothing is recorded that the server lacks, each override is stored), no "database
//! is locked" reached anyone, the next publish sends exactly the remainder the preview announced,
//! and the file is sound.
mod publish_support;

use std::collections::BTreeMap;
use std::path::Path;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Barrier};
use std::time::{Duration, Instant};

use chrono::{DateTime, Utc};
use sprintshield_caldav::radicale::{Radicale, PASSWORD, USER};
use sprintshield_core::rotation::{find_turn, Turn};
use sprintshield_core::time::DateSpan;
use sprintshield_core::{AppError, Id};
use sprintshield_service::{EditAt, OpenMode, PublishOptions, PublishReport, Sprintshield};

use publish_support::*;

fn open(path: &Path) -> Sprintshield {
    Sprintshield::open(path, OpenMode::MustExist).unwrap()
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

/// What the database records as published to the team collection: href → ETag (read with SQL,
/// not through the code under test).
fn recorded(path: &Path, collection: &str) -> BTreeMap<String, String> {
    let c = rusqlite::Connection::open(path).unwrap();
    let mut st = c
        .prepare("SELECT href, etag FROM published_resource WHERE collection = ?1")
        .unwrap();
    let rows = st
        .query_map([collection], |r| {
            Ok((r.get::<_, String>(0)?, r.get::<_, Option<String>>(1)?))
        })
        .unwrap();
    rows.map(|r| {
        let (h, e) = r.unwrap();
        (h, e.unwrap_or_default())
    })
    .collect()
}

#[test]
fn publishing_while_others_override_and_re_plan_loses_nothing() {
    let server = Radicale::start();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("shared.db");
    let horizon = DateSpan::new(d("2026-11-23"), d("2027-01-31"), "to").unwrap();
    let (team, batman, members, url) = {
        let mut app = Sprintshield::open(&path, OpenMode::CreateIfMissing).unwrap();
        let team = demo_in(&mut app);
        app.plan_rotation(team, horizon, now()).unwrap();
        std::env::set_var("SPRINTSHIELD_TEST_PW_INTERLEAVED", PASSWORD);
        let url = server.collection_url("phoenix");
        app.set_calendar_target(team, &url, USER, "SPRINTSHIELD_TEST_PW_INTERLEAVED", false, vec![])
            .unwrap();
        let batman = app.policy_by_name(team, "Batman").unwrap().id;
        let members: Vec<Id> = app
            .members(team)
            .unwrap()
            .into_iter()
            .filter(|m| m.spec.can_take_duty)
            .map(|m| m.id)
            .collect();
        (team, batman, members, url)
    };
    let opts = PublishOptions {
        from: Some(horizon.first),
        to: Some(horizon.last),
        force: false,
    };
    let moments: Vec<DateTime<Utc>> = open(&path)
        .rotation(team)
        .unwrap()
        .1
        .into_iter()
        .filter(|t| t.policy_id == batman && t.start > now() && t.start < now() + chrono::Duration::days(60))
        .map(|t| t.start + chrono::Duration::hours(1))
        .collect();
    assert!(moments.len() >= 30, "{} Batman turns", moments.len());
    let start = Arc::new(Barrier::new(3));
    let publishing_done = Arc::new(AtomicBool::new(false));

    // One connection publishes again and again.
    let publisher = {
        let (path, start, opts, done) = (path.clone(), start.clone(), opts.clone(), publishing_done.clone());
        std::thread::spawn(move || {
            let mut app = open(&path);
            start.wait();
            let mut out: Vec<Result<PublishReport, AppError>> = Vec::new();
            for _ in 0..5 {
                out.push(app.publish(team, now(), &opts, &connector(), &secrets()));
            }
            done.store(true, Ordering::SeqCst);
            out
        })
    };
    // Another overrides Batman days, one after the other, during the publishes; and a last few
    // once they are over, so the next publish has a remainder to send.
    let overrider = {
        let (path, start, moments, members, done) = (
            path.clone(),
            start.clone(),
            moments.clone(),
            members.clone(),
            publishing_done.clone(),
        );
        std::thread::spawn(move || {
            let mut app = open(&path);
            start.wait();
            let mut ok: Vec<(DateTime<Utc>, Id)> = Vec::new();
            let mut failed = Vec::new();
            for (i, at) in moments.iter().enumerate().take(30) {
                if i == 25 {
                    while !done.load(Ordering::SeqCst) {
                        std::thread::sleep(Duration::from_millis(10));
                    }
                }
                let member = members[(i * 7 + 3) % members.len()];
                match app.apply_edit_at(team, batman, *at, EditAt::Override { member_id: member }) {
                    Ok(_) => ok.push((*at, member)),
                    Err(e) => failed.push(e),
                }
                std::thread::sleep(Duration::from_millis(10));
            }
            (ok, failed)
        })
    };
    // A third re-plans the horizon over and over.
    let planner = {
        let (path, start) = (path.clone(), start.clone());
        std::thread::spawn(move || {
            let mut app = open(&path);
            start.wait();
            let mut failed = Vec::new();
            let mut took = Vec::new();
            for _ in 0..15 {
                let t = Instant::now();
                if let Err(e) = app.plan_rotation(team, horizon, now()) {
                    failed.push(e);
                }
                took.push(t.elapsed());
            }
            (failed, took)
        })
    };

    let published = publisher.join().unwrap();
    let (overridden, override_errors) = overrider.join().unwrap();
    let (plan_errors, plan_took) = planner.join().unwrap();

    // Nothing failed on storage; the server was up, so every publish succeeded.
    let publish_errors: Vec<AppError> = published.iter().filter_map(|r| r.clone().err()).collect();
    assert_plain(&publish_errors, "publisher");
    assert!(publish_errors.is_empty(), "{publish_errors:?}");
    assert_plain(&override_errors, "overrider");
    assert_plain(&plan_errors, "planner");
    assert!(plan_errors.is_empty(), "{plan_errors:?}");
    assert!(
        overridden.len() >= 20,
        "{} overrides held, {override_errors:?}",
        overridden.len()
    );
    let writes: usize = published
        .iter()
        .flatten()
        .map(|r| r.created + r.updated + r.deleted)
        .sum();
    assert!(writes > 0);

    // Every write the server accepted is recorded with the ETag it holds, and nothing else.
    let collection = server.list(&phoenix_path()).into_iter().collect::<BTreeMap<_, _>>();
    assert_eq!(
        recorded(&path, &url),
        collection,
        "the records are what the server holds"
    );

    // Every override that reported success is stored as it said.
    let app = open(&path);
    let turns: Vec<Turn> = app.rotation(team).unwrap().1;
    for (at, member) in &overridden {
        let i = find_turn(&turns, batman, *at).expect("the overridden turn still exists");
        assert_eq!(turns[i].member_id, *member, "override at {at} was lost");
    }
    drop(app);

    // The next publish sends exactly what its preview announced, then the server shows the plan.
    let mut app = open(&path);
    let preview = app.publish_preview(team, now(), &opts).unwrap();
    let rest = app.publish(team, now(), &opts, &connector(), &secrets()).unwrap();
    let announced = preview.changes.len();
    assert!(announced > 0, "the overrides after the publishes are left to send");
    assert_eq!(rest.created + rest.updated + rest.deleted, announced, "{rest:?}");
    assert_eq!(
        rest.requests,
        if announced == 0 { 0 } else { announced + 1 },
        "{rest:?}"
    );
    let again = app.publish(team, now(), &opts, &connector(), &secrets()).unwrap();
    assert_eq!(
        (again.requests, again.unchanged),
        (0, rest.unchanged + announced - rest.deleted)
    );
    assert_eq!(
        recorded(&path, &url),
        server.list(&phoenix_path()).into_iter().collect::<BTreeMap<_, _>>()
    );
    assert_eq!(app.integrity_check().unwrap(), "ok");

    let mut took = plan_took;
    took.sort();
    let later: usize = published
        .iter()
        .flatten()
        .skip(1)
        .map(|r| r.updated + r.created + r.deleted)
        .sum();
    println!(
        "{} publishes ({writes} writes, {later} of them by publishes after the first: edits made meanwhile) alongside {} overrides and {} re-plans; re-plan p50 {:?}, max {:?}; {announced} left for the next publish",
        published.len(),
        overridden.len(),
        took.len(),
        took[took.len() / 2],
        took.last().unwrap()
    );
}

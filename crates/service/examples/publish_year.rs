//! Measures publishing a year of three duty policies for a 30-member team to real CalDAV servers,
//! Radicale and Xandikos (started here; needs `scripts/install-deps --test`): the first publish, a
//! re-publish with no change, and a re-publish after one override — wall time and HTTP requests of
//! each. Reported, never asserted:
//!
//! ```sh
//! cargo run --release -p sprintshield-service --example publish_year
//! ```
use std::time::{Duration, Instant};

use chrono::{NaiveDate, TimeZone, Utc};
use sprintshield_caldav::radicale::{Radicale, PASSWORD, USER};
use sprintshield_caldav::servers::TestServer;
use sprintshield_caldav::xandikos::Xandikos;
use sprintshield_caldav::{CalDavConnector, OsSecrets};
use sprintshield_core::member::NewMember;
use sprintshield_core::rotation::{Edit, NewPolicy, PolicyKind};
use sprintshield_core::team::{NewTeam, TeamKind};
use sprintshield_core::time::DateSpan;
use sprintshield_service::{PublishOptions, Sprintshield};

fn main() {
    measure(&Radicale::start());
    measure(&Xandikos::start());
}

fn measure(server: &dyn TestServer) {
    println!("== {}", server.name());
    let now = Utc.with_ymd_and_hms(2026, 12, 31, 12, 0, 0).unwrap();
    let (first, last) = (
        NaiveDate::from_ymd_opt(2027, 1, 1).unwrap(),
        NaiveDate::from_ymd_opt(2027, 12, 31).unwrap(),
    );
    let year = DateSpan::new(first, last, "to").unwrap();
    let mut s = Sprintshield::open_in_memory().unwrap();
    let team = s
        .create_team(NewTeam {
            name: "Bench".into(),
            kind: TeamKind::Dev,
            zone: "Europe/Berlin".into(),
            working_days: None,
            sprint_length_days: None,
        })
        .unwrap()
        .value;
    for i in 0..30 {
        s.add_member(
            team.id,
            NewMember {
                name: format!("Member {i:02}"),
                email: Some(format!("m{i}@example.com")),
                ..Default::default()
            },
        )
        .unwrap();
    }
    for (name, kind, handoff) in [
        ("Batman", PolicyKind::Daily, "09:30"),
        ("Op of the Week", PolicyKind::Weekly, "MON 12:00"),
        ("Security duty", PolicyKind::Weekly, "WED 10:00"),
    ] {
        let mut p = NewPolicy::new(name, kind);
        p.handoff = Some(handoff.into());
        s.add_policy(team.id, p).unwrap();
    }
    s.plan_rotation(team.id, year, now).unwrap();
    std::env::set_var("SPRINTSHIELD_BENCH_PW", PASSWORD);
    s.set_calendar_target(
        team.id,
        &server.collection_url("bench"),
        USER,
        "SPRINTSHIELD_BENCH_PW",
        false,
        vec![],
    )
    .unwrap();
    let opts = PublishOptions {
        from: Some(first),
        to: Some(last),
        force: false,
    };
    let connector = CalDavConnector {
        timeout: Duration::from_secs(30),
    };

    let t = Instant::now();
    let preview = s.publish_preview(team.id, now, &opts).unwrap();
    println!(
        "preview (read + diff, no network): {} events in {:?}",
        preview.created,
        t.elapsed()
    );

    let t = Instant::now();
    let r = s
        .publish(team.id, now, &opts, &connector, &OsSecrets::default())
        .unwrap();
    println!(
        "first publish: {} events, {} requests, {:?}",
        r.created,
        r.requests,
        t.elapsed()
    );

    let t = Instant::now();
    let r = s
        .publish(team.id, now, &opts, &connector, &OsSecrets::default())
        .unwrap();
    println!(
        "re-publish, no change: {} writes, {} requests, {:?}",
        r.created + r.updated + r.deleted,
        r.requests,
        t.elapsed()
    );

    let turns = s.turns(team.id, now, now + chrono::Duration::days(30)).unwrap();
    let turn = turns.iter().find(|t| t.id.is_some()).unwrap();
    let other = s
        .members(team.id)
        .unwrap()
        .into_iter()
        .find(|m| m.id != turn.member_id)
        .unwrap();
    s.apply_edit(
        team.id,
        year,
        Edit::Override {
            turn_id: turn.id.unwrap(),
            member_id: other.id,
        },
        now,
    )
    .unwrap();
    let t = Instant::now();
    let r = s
        .publish(team.id, now, &opts, &connector, &OsSecrets::default())
        .unwrap();
    println!(
        "re-publish after one override: {} writes ({} updated), {} requests, {:?}; affected: {:?}",
        r.created + r.updated + r.deleted,
        r.updated,
        r.requests,
        t.elapsed(),
        r.affected
    );
}

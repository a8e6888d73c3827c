//! Export speed: 5 years of duty turns for 3 policies and 30 members as one `.ics` file
//! (target ≤ 20 ms). The turns are generated here: a daily Batman policy on working days, a weekly
//! Op of the Week handing off Monday 12:00, and a per-sprint chores turn every two weeks, all in
//! Europe/Berlin so the export carries a five-year VTIMEZONE.
use chrono::{DateTime, Datelike, Duration, NaiveDate, NaiveTime, Utc, Weekday};
use criterion::{criterion_group, criterion_main, Criterion};
use sprintshield_core::calendar::{export_ics, turn_event, CalendarEvent, Person};
use sprintshield_core::time::resolve_local;
use std::hint::black_box;

const ZONE: chrono_tz::Tz = chrono_tz::Europe::Berlin;

fn at(day: NaiveDate, h: u32) -> DateTime<Utc> {
    resolve_local(ZONE, day.and_time(NaiveTime::from_hms_opt(h, 0, 0).unwrap()))
}

fn members() -> Vec<Person> {
    (0..30)
        .map(|i| Person {
            name: format!("Member {i:02}"),
            email: format!("member{i:02}@example.com"),
        })
        .collect()
}

fn turns() -> Vec<CalendarEvent> {
    let people = members();
    let first = NaiveDate::from_ymd_opt(2026, 1, 5).unwrap(); // a Monday
    let last = first + Duration::days(5 * 365);
    let mut events = Vec::new();
    let mut n = 0usize;
    let mut push = |policy: &str, title: &str, start, end, events: &mut Vec<CalendarEvent>| {
        let p = people[n % people.len()].clone();
        n += 1;
        let mut e = turn_event(policy, format!("{title}: {}", p.name), start, end, Some(p)).unwrap();
        e.description = "Handoff note: check the dashboards, the backups; escalate to the DW.".to_owned();
        events.push(e);
    };
    let mut day = first;
    while day < last {
        if day.weekday().num_days_from_monday() < 5 {
            push("batman", "Batman", at(day, 9), at(day, 17), &mut events);
        }
        if day.weekday() == Weekday::Mon {
            push(
                "op-of-the-week",
                "Op of the Week",
                at(day, 12),
                at(day + Duration::days(7), 12),
                &mut events,
            );
            if (day - first).num_days() % 14 == 0 {
                push(
                    "sprint-chores",
                    "Chores",
                    at(day, 9),
                    at(day + Duration::days(12), 17),
                    &mut events,
                );
            }
        }
        day += Duration::days(1);
    }
    events
}

fn bench_export(c: &mut Criterion) {
    let events = turns();
    let stamp: DateTime<Utc> = "2026-01-01T00:00:00Z".parse().unwrap();
    let text = export_ics("Ops duty", ZONE, &events, stamp);
    eprintln!("{} events, {} KiB", events.len(), text.len() / 1024);
    c.bench_function("export 5 years, 3 policies, 30 members", |b| {
        b.iter(|| export_ics(black_box("Ops duty"), ZONE, black_box(&events), stamp))
    });
}

criterion_group!(benches, bench_export);
criterion_main!(benches);

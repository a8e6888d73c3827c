//! Import speed: reading a large `.ics` file back. Two files, both written here:
//!
//! - the export of 5 years of duty turns (1,697 timed events in `Europe/Berlin`, with a VTIMEZONE,
//!   attendees and folded descriptions), read over the same 5 years;
//! - a national holiday calendar: 12 yearly rules (fixed days and "nth weekday" ones) starting
//!   in 2000 plus 25 years of dated movable feasts, read over 5 years.
use chrono::{DateTime, Datelike, Duration, NaiveDate, NaiveTime, Utc, Weekday};
use criterion::{criterion_group, criterion_main, Criterion};
use sprintshield_core::calendar::import::parse_ics;
use sprintshield_core::calendar::{export_ics, turn_event, CalendarEvent, Person};
use sprintshield_core::time::{resolve_local, DateSpan};
use std::hint::black_box;

const ZONE: chrono_tz::Tz = chrono_tz::Europe::Berlin;

fn at(day: NaiveDate, h: u32) -> DateTime<Utc> {
    resolve_local(ZONE, day.and_time(NaiveTime::from_hms_opt(h, 0, 0).unwrap()))
}

fn first() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 1, 5).unwrap() // a Monday
}

fn turns() -> Vec<CalendarEvent> {
    let people: Vec<Person> = (0..30)
        .map(|i| Person {
            name: format!("Member {i:02}"),
            email: format!("member{i:02}@example.com"),
        })
        .collect();
    let last = first() + Duration::days(5 * 365);
    let mut events = Vec::new();
    let mut n = 0usize;
    let mut push = |policy: &str, title: &str, start, end, events: &mut Vec<CalendarEvent>| {
        let p = people[n % people.len()].clone();
        n += 1;
        let mut e = turn_event(policy, format!("{title}: {}", p.name), start, end, Some(p)).unwrap();
        e.description = "Handoff note: check the dashboards, the backups; escalate to the DW.".to_owned();
        events.push(e);
    };
    let mut day = first();
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
            if (day - first()).num_days() % 14 == 0 {
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

fn holiday_calendar() -> String {
    let mut text = String::from("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//bench//holidays//EN\r\n");
    let rules = [
        ("20000101", "FREQ=YEARLY;BYMONTH=1;BYMONTHDAY=1", "New Year"),
        ("20000501", "FREQ=YEARLY;BYMONTH=5;BYMONTHDAY=1", "Labour Day"),
        ("20001003", "FREQ=YEARLY;BYMONTH=10;BYMONTHDAY=3", "Unity Day"),
        ("20001225", "FREQ=YEARLY;BYMONTH=12;BYMONTHDAY=25", "Christmas"),
        ("20001226", "FREQ=YEARLY;BYMONTH=12;BYMONTHDAY=26", "Boxing Day"),
        ("20000117", "FREQ=YEARLY;BYMONTH=1;BYDAY=3MO", "MLK Day"),
        ("20000221", "FREQ=YEARLY;BYMONTH=2;BYDAY=3MO", "Presidents' Day"),
        ("20000529", "FREQ=YEARLY;BYMONTH=5;BYDAY=-1MO", "Memorial Day"),
        ("20000904", "FREQ=YEARLY;BYMONTH=9;BYDAY=1MO", "Labor Day"),
        ("20001123", "FREQ=YEARLY;BYMONTH=11;BYDAY=4TH", "Thanksgiving"),
        ("20000704", "FREQ=YEARLY", "Independence Day"),
        ("20001111", "FREQ=YEARLY", "Veterans Day"),
    ];
    for (i, (start, rule, name)) in rules.iter().enumerate() {
        text.push_str(&format!(
            "BEGIN:VEVENT\r\nUID:rule-{i}@bench\r\nDTSTART;VALUE=DATE:{start}\r\nRRULE:{rule}\r\nSUMMARY:{name}\r\nTRANSP:TRANSPARENT\r\nEND:VEVENT\r\n"
        ));
    }
    for year in 2010..2035 {
        for (i, name) in ["Good Friday", "Easter Monday", "Ascension", "Whit Monday"]
            .iter()
            .enumerate()
        {
            // Not the real dates: the shape (one dated event per feast and year) is what counts.
            let day = NaiveDate::from_ymd_opt(year, 4, 1).unwrap() + Duration::days(i as i64 * 11 + (year as i64 % 7));
            text.push_str(&format!(
                "BEGIN:VEVENT\r\nUID:{year}-{i}@bench\r\nDTSTART;VALUE=DATE:{}\r\nSUMMARY:{name}\r\nEND:VEVENT\r\n",
                day.format("%Y%m%d")
            ));
        }
    }
    text.push_str("END:VCALENDAR\r\n");
    text
}

fn bench_import(c: &mut Criterion) {
    let events = turns();
    let stamp: DateTime<Utc> = "2026-01-01T00:00:00Z".parse().unwrap();
    let text = export_ics("Ops duty", ZONE, &events, stamp);
    let range = DateSpan {
        first: first(),
        last: first() + Duration::days(5 * 365),
    };
    let read = parse_ics(&text, ZONE, range).unwrap();
    eprintln!(
        "{} events, {} KiB -> {} items, {} messages",
        events.len(),
        text.len() / 1024,
        read.items.len(),
        read.messages.len()
    );
    c.bench_function("import 5 years of turns (1,697 events)", |b| {
        b.iter(|| parse_ics(black_box(&text), ZONE, range).unwrap())
    });
    let holidays = holiday_calendar();
    let read = parse_ics(&holidays, ZONE, range).unwrap();
    eprintln!(
        "holiday calendar: {} items, {} messages",
        read.items.len(),
        read.messages.len()
    );
    c.bench_function("import a holiday calendar over 5 years", |b| {
        b.iter(|| parse_ics(black_box(&holidays), ZONE, range).unwrap())
    });
}

criterion_group!(benches, bench_import);
criterion_main!(benches);

//! Calendar export: RFC 5545 examples for folding and escaping, golden files of the seed scenarios
//! (run with `UPDATE_GOLDEN=1` to rewrite them after an intended change), VTIMEZONE correctness
//! checked by reading the generated zone back like a client does, and a round trip through the
//! importer.
use chrono::{DateTime, Duration, NaiveDate, NaiveDateTime, NaiveTime, Utc};
use chrono_tz::Tz;
use sprintshield_core::calendar::import::parse_ics;
use sprintshield_core::calendar::sources::turn_events;
use sprintshield_core::calendar::writer::{escape_text, push_folded};
use sprintshield_core::calendar::{export_ics, sprint_event, turn_event, CalendarEvent, EventTime, Person};
use sprintshield_core::member::{Member, NewMember};
use sprintshield_core::rotation::{DutyPolicy, NewPolicy, PolicyKind, Turn};
use sprintshield_core::time::{resolve_local, DateSpan};

fn d(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

fn local(zone: Tz, day: &str, h: u32, m: u32) -> DateTime<Utc> {
    resolve_local(zone, d(day).and_time(NaiveTime::from_hms_opt(h, m, 0).unwrap()))
}

fn stamp() -> DateTime<Utc> {
    "2026-01-15T08:00:00Z".parse().unwrap()
}

fn ann() -> Person {
    Person {
        name: "Ann Lee".into(),
        email: "ann@example.com".into(),
    }
}

/// Compares `text` with `tests/golden/<name>`, or writes it when `UPDATE_GOLDEN` is set.
fn golden(name: &str, text: &str) {
    let path = format!("{}/tests/golden/{name}", env!("CARGO_MANIFEST_DIR"));
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        std::fs::write(&path, text).unwrap();
    }
    let want = std::fs::read_to_string(&path).unwrap_or_else(|_| panic!("missing {path}; run with UPDATE_GOLDEN=1"));
    assert_eq!(text, want, "export differs from {path}");
}

/// Weekly Op of the Week turns handing off Monday 12:00 Berlin around both DST changes of 2026.
fn weekly_berlin() -> Vec<CalendarEvent> {
    let z = chrono_tz::Europe::Berlin;
    ["2026-03-16", "2026-03-23", "2026-03-30", "2026-10-19", "2026-10-26"]
        .iter()
        .map(|day| {
            let next = (d(day) + Duration::days(7)).to_string();
            turn_event(
                2,
                "Op of the Week: Ann Lee",
                local(z, day, 12, 0),
                local(z, &next, 12, 0),
                Some(ann()),
            )
            .unwrap()
        })
        .collect()
}

#[test]
fn rfc_escaping_examples() {
    // RFC 5545 §3.8.1.5 DESCRIPTION example (the newlines are \n in the file).
    let text = "Meeting to provide technical review for \"Phoenix\" design.\nHappy Face Conference Room. \
                Phoenix design team MUST attend this meeting.\nRSVP to team leader.";
    assert_eq!(
        escape_text(text),
        "Meeting to provide technical review for \"Phoenix\" design.\\nHappy Face Conference Room. \
         Phoenix design team MUST attend this meeting.\\nRSVP to team leader."
    );
    // RFC 5545 §3.3.11: backslash, semicolon and comma are escaped.
    assert_eq!(escape_text("a\\b;c,d"), "a\\\\b\\;c\\,d");
    assert_eq!(escape_text("line\r\nbreak"), "line\\nbreak");
}

#[test]
fn rfc_folding_example() {
    // RFC 5545 §3.1: a long DESCRIPTION is split into lines of at most 75 octets, each
    // continuation starting with a space; unfolding restores it.
    let line = "DESCRIPTION:This is a long description that exists on a long line. It goes on and on \
                until it needs folding twice, or more than twice.";
    let mut out = String::new();
    push_folded(&mut out, line);
    let physical: Vec<&str> = out.trim_end_matches("\r\n").split("\r\n").collect();
    assert!(physical.len() >= 2);
    assert_eq!(physical[0].len(), 75);
    assert!(physical[1..].iter().all(|l| l.starts_with(' ') && l.len() <= 75));
    assert_eq!(out.replace("\r\n ", ""), format!("{line}\r\n"));
}

#[test]
fn every_line_is_crlf_and_at_most_75_octets() {
    let mut e = sprint_event(
        1,
        "Sprint 1",
        DateSpan {
            first: d("2026-03-23"),
            last: d("2026-04-03"),
        },
        "",
    );
    e.description = "Ziel: Übergabe, Prüfung; Grüße — ".repeat(10);
    let text = export_ics("Kalender für Grüße", chrono_tz::Europe::Berlin, &[e], stamp());
    assert!(text.ends_with("\r\n"));
    assert!(!text.replace("\r\n", "").contains('\n'));
    for line in text.split("\r\n") {
        assert!(line.len() <= 75, "{line:?} has {} octets", line.len());
    }
}

#[test]
fn golden_weekly_handoff_berlin_across_dst() {
    let text = export_ics("Ops duty", chrono_tz::Europe::Berlin, &weekly_berlin(), stamp());
    // Every handoff reads 12:00 local, before and after both DST changes.
    for day in ["20260316", "20260323", "20260330", "20261019", "20261026", "20261102"] {
        assert!(text.contains(&format!(";TZID=Europe/Berlin:{day}T120000\r\n")), "{day}");
    }
    assert!(text.contains("TRANSP:TRANSPARENT\r\n"));
    golden("weekly_handoff_berlin_2026.ics", &text);
}

#[test]
fn golden_batman_day_and_sprint() {
    // A daily Batman turn as the export maps it: all day on its day, whatever the handoff time.
    let z = chrono_tz::Europe::Berlin;
    let policy = DutyPolicy {
        id: 3,
        team_id: 1,
        spec: NewPolicy {
            handoff: Some("09:30".into()),
            ..NewPolicy::new("Batman", PolicyKind::Daily)
        }
        .validate()
        .unwrap(),
    };
    let member = Member {
        id: 1,
        team_id: 1,
        spec: NewMember {
            name: "Ann Lee".into(),
            email: Some("ann@example.com".into()),
            ..Default::default()
        }
        .validate()
        .unwrap(),
    };
    let turn = Turn::generated(3, 1, local(z, "2026-04-14", 9, 30), local(z, "2026-04-15", 9, 30));
    let mut events = turn_events(&[turn], &[policy], &[member], z);
    assert_eq!(events.len(), 1);
    let batman = &mut events[0];
    // A comma in a category is escaped, the separator between categories is not.
    batman.categories.push("Batman, daily".into());
    let text = export_ics("Core team", z, &events, stamp());
    assert!(text.contains("DTSTART;VALUE=DATE:20260414\r\nDTEND;VALUE=DATE:20260415\r\n"));
    assert!(text.contains("CATEGORIES:Duty,Batman\\, daily\r\n"));
    assert!(text.contains("TRANSP:TRANSPARENT\r\n"));
    assert!(text.contains("DESCRIPTION:Handoff at 09:30 Europe/Berlin (on duty until Wed 15 Apr 09:30)\r\n"));
    assert!(!text.contains("VTIMEZONE"), "all-day events need no zone");
    golden("batman_day.ics", &text);

    let goal = "Ship the importer; fix the DST bug, and\nwrite the docs \\ notes";
    let sprint = sprint_event(
        42,
        "Sprint 42",
        DateSpan {
            first: d("2026-03-23"),
            last: d("2026-04-03"),
        },
        goal,
    );
    let text = export_ics("Core team", chrono_tz::Europe::Berlin, &[sprint], stamp());
    assert!(text.contains("DTEND;VALUE=DATE:20260404\r\n"));
    assert!(text
        .replace("\r\n ", "")
        .contains("DESCRIPTION:Ship the importer\\; fix the DST bug\\, and\\nwrite the docs \\\\ notes\r\n"));
    golden("sprint.ics", &text);
}

#[test]
fn golden_changed_and_cancelled_turns() {
    let z = chrono_tz::America::Chicago;
    let mut changed = turn_event(
        5,
        "Op of the Week: Bo",
        local(z, "2026-03-02", 12, 0),
        local(z, "2026-03-09", 12, 0),
        None,
    )
    .unwrap();
    changed.sequence = 1;
    let mut removed = turn_event(
        5,
        "Op of the Week: Cy",
        local(z, "2026-03-09", 12, 0),
        local(z, "2026-03-16", 12, 0),
        None,
    )
    .unwrap();
    removed.sequence = 2;
    removed.cancelled = true;
    let text = export_ics("Ops (Chicago)", z, &[removed, changed], stamp());
    assert!(text.contains("SEQUENCE:2\r\nSTATUS:CANCELLED\r\n"));
    assert!(text.contains("DTSTART;TZID=America/Chicago:20260309T120000\r\n"));
    golden("cancelled_turn_chicago.ics", &text);
}

#[test]
fn output_is_deterministic_and_independent_of_input_order() {
    let z = chrono_tz::Europe::Berlin;
    let events = weekly_berlin();
    let mut reversed = events.clone();
    reversed.reverse();
    assert_eq!(
        export_ics("x", z, &events, stamp()),
        export_ics("x", z, &reversed, stamp())
    );
}

/// The `(DTSTART, TZOFFSETTO)` of every sub-component of the file's `VTIMEZONE`.
fn vtimezone_subs(text: &str) -> Vec<(NaiveDateTime, i64)> {
    let mut subs = Vec::new();
    let (mut start, mut to) = (None, None);
    for line in text.split("\r\n") {
        if let Some(v) = line.strip_prefix("DTSTART:") {
            start = Some(NaiveDateTime::parse_from_str(v, "%Y%m%dT%H%M%S").unwrap());
        }
        if let Some(v) = line.strip_prefix("TZOFFSETTO:") {
            let sign = if v.starts_with('-') { -1 } else { 1 };
            let (h, m): (i64, i64) = (v[1..3].parse().unwrap(), v[3..5].parse().unwrap());
            to = Some(sign * (h * 3600 + m * 60));
        }
        if line == "END:STANDARD" || line == "END:DAYLIGHT" {
            subs.push((start.take().unwrap(), to.take().unwrap()));
        }
    }
    subs
}

/// The offset a client reads for local time `at`: the sub-component with the latest `DTSTART`
/// not after it.
fn offset_for(subs: &[(NaiveDateTime, i64)], at: NaiveDateTime) -> i64 {
    subs.iter()
        .filter(|(s, _)| *s <= at)
        .max_by_key(|(s, _)| *s)
        .expect("a sub-component covers the time")
        .1
}

#[test]
fn vtimezone_reproduces_every_instant_in_four_zones() {
    use chrono_tz::{America::Chicago, Australia::Lord_Howe, Europe::Berlin, UTC};
    for zone in [Berlin, Chicago, Lord_Howe, UTC] {
        // A daily 02:15 and 12:00 turn for two years: hits every transition's neighbourhood.
        let mut events = Vec::new();
        let mut day = d("2026-01-01");
        while day < d("2028-01-01") {
            for h in [2, 12] {
                let s = resolve_local(zone, day.and_time(NaiveTime::from_hms_opt(h, 15, 0).unwrap()));
                events.push(turn_event(9, "t", s, s + Duration::hours(1), None).unwrap());
            }
            day += Duration::days(1);
        }
        let text = export_ics("z", zone, &events, stamp());
        let tzid = format!("DTSTART;TZID={}:", zone.name());
        let subs = vtimezone_subs(&text);
        let mut checked = 0;
        for (line, e) in text
            .split("\r\n")
            .filter(|l| l.starts_with("DTSTART;") && !l.contains("VALUE=DATE"))
            .zip(&events)
        {
            let EventTime::Timed { start, .. } = e.when else {
                unreachable!()
            };
            if let Some(v) = line.strip_prefix(&tzid) {
                let at = NaiveDateTime::parse_from_str(v, "%Y%m%dT%H%M%S").unwrap();
                let utc = at - Duration::seconds(offset_for(&subs, at));
                assert_eq!(utc.and_utc(), start, "{} {line}", zone.name());
                checked += 1;
            }
        }
        assert_eq!(checked, events.len(), "{}", zone.name());
        let want = if zone == UTC { 1 } else { 5 }; // initial + 2 transitions per year
        assert_eq!(subs.len(), want, "{}", zone.name());
    }
}

#[test]
fn reimporting_own_export_gives_the_same_days() {
    let z = chrono_tz::Europe::Berlin;
    let mut events = weekly_berlin();
    events.push(sprint_event(
        42,
        "Sprint 42",
        DateSpan {
            first: d("2026-03-23"),
            last: d("2026-04-03"),
        },
        "goal",
    ));
    let text = export_ics("Ops", z, &events, stamp());
    let range = DateSpan {
        first: d("2026-01-01"),
        last: d("2026-12-31"),
    };
    let back = parse_ics(&text, z, range).unwrap();
    assert!(back.messages.is_empty(), "{:?}", back.messages);
    assert_eq!(back.items.len(), events.len());
    for e in &events {
        let item = back.items.iter().find(|i| i.uid == e.uid).unwrap();
        let want = match e.when {
            EventTime::AllDay { first, last_inclusive } => DateSpan {
                first,
                last: last_inclusive,
            },
            EventTime::Timed { start, end } => DateSpan {
                first: start.with_timezone(&z).date_naive(),
                last: (end - Duration::seconds(1)).with_timezone(&z).date_naive(),
            },
        };
        assert_eq!(item.days, want, "{}", e.uid);
        assert_eq!(item.summary, e.summary);
        assert_eq!(
            item.attendees.first().and_then(|p| p.email.clone()),
            e.attendees.first().map(|p| p.email.clone())
        );
    }
}

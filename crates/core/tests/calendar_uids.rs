//! Exported UIDs and how turns look in a calendar: UIDs come from ids (unique across teams and
//! policies, stable under renames and when a turn changes hands), re-exports report nothing
//! changed, the first export after the switch from name-based UIDs cancels each old UID once, and
//! daily turns are all-day events on their first local day while weekly and per-sprint turns stay
//! timed in the team's zone.
use std::collections::{BTreeSet, HashMap};

use chrono::{DateTime, Datelike, Duration, NaiveDate, NaiveTime, Utc, Weekday};
use chrono_tz::Tz;
use sprintshield_core::calendar::reconcile::{content_hash, first_day, reconcile, Reconciled, Recorded};
use sprintshield_core::calendar::sources::{sprint_events, turn_events};
use sprintshield_core::calendar::{export_ics, CalendarEvent, EventTime};
use sprintshield_core::rotation::{override_turn, DutyPolicy, PolicyKind, Turn};
use sprintshield_core::time::{resolve_local, DateSpan};
use sprintshield_core::Id;

mod rotation_support;
use rotation_support::{day, members, policy, span, sprint};

const BERLIN: Tz = chrono_tz::Europe::Berlin;

fn local(zone: Tz, d: &str, h: u32, m: u32) -> DateTime<Utc> {
    resolve_local(zone, day(d).and_time(NaiveTime::from_hms_opt(h, m, 0).unwrap()))
}

fn stamp() -> DateTime<Utc> {
    "2026-03-01T08:00:00Z".parse().unwrap()
}

fn daily(id: Id, name: &str, handoff: &str) -> DutyPolicy {
    policy(id, name, PolicyKind::Daily, |p| p.handoff = Some(handoff.into()))
}

fn weekly(id: Id, name: &str) -> DutyPolicy {
    policy(id, name, PolicyKind::Weekly, |p| p.handoff = Some("MON 12:00".into()))
}

/// The next weekday (Monday to Friday) after `d`.
fn next_weekday(d: NaiveDate) -> NaiveDate {
    let mut n = d + Duration::days(1);
    while matches!(n.weekday(), Weekday::Sat | Weekday::Sun) {
        n += Duration::days(1);
    }
    n
}

/// Daily turns of `policy_id` as the planner cuts them (built here so these tests do not depend
/// on the planner): one per weekday of `days`, from that day's handoff at `h:m` local to the next
/// weekday's (Friday's runs to Monday), members taking turns in order.
fn daily_turns(zone: Tz, policy_id: Id, days: DateSpan, (h, m): (u32, u32), who: &[Id]) -> Vec<Turn> {
    let at = |d: NaiveDate| resolve_local(zone, d.and_time(NaiveTime::from_hms_opt(h, m, 0).unwrap()));
    let mut out = Vec::new();
    let mut d = days.first;
    while d <= days.last {
        if !matches!(d.weekday(), Weekday::Sat | Weekday::Sun) {
            let member = who[out.len() % who.len()];
            out.push(Turn::generated(policy_id, member, at(d), at(next_weekday(d))));
        }
        d += Duration::days(1);
    }
    out
}

/// Every-day turns (a team working seven days) from each day's handoff to the next day's.
fn every_day_turns(zone: Tz, policy_id: Id, days: DateSpan, (h, m): (u32, u32)) -> Vec<Turn> {
    let at = |d: NaiveDate| resolve_local(zone, d.and_time(NaiveTime::from_hms_opt(h, m, 0).unwrap()));
    (0..days.days())
        .map(|i| {
            let d = days.first + Duration::days(i);
            Turn::generated(policy_id, 1 + i % 2, at(d), at(d + Duration::days(1)))
        })
        .collect()
}

/// Weekly turns of `policy_id` handing off Monday 12:00 local, `weeks` of them from `monday`.
fn weekly_turns(zone: Tz, policy_id: Id, monday: &str, weeks: i64, who: &[Id]) -> Vec<Turn> {
    let at = |d: NaiveDate| resolve_local(zone, d.and_time(NaiveTime::from_hms_opt(12, 0, 0).unwrap()));
    (0..weeks)
        .map(|i| {
            let d = day(monday) + Duration::days(7 * i);
            Turn::generated(policy_id, who[i as usize % who.len()], at(d), at(d + Duration::days(7)))
        })
        .collect()
}

/// Turns of `policy` of the given kind: daily over `days`, weekly over its Mondays.
fn turns_of(p: &DutyPolicy, days: DateSpan, who: &[Id]) -> Vec<Turn> {
    match p.spec.kind {
        PolicyKind::Daily => daily_turns(BERLIN, p.id, days, (9, 30), who),
        _ => {
            let weeks = (days.days() + 6) / 7;
            weekly_turns(BERLIN, p.id, &days.first.to_string(), weeks, who)
        }
    }
}

fn uids(events: &[CalendarEvent]) -> Vec<String> {
    events.iter().map(|e| e.uid.clone()).collect()
}

fn distinct(events: &[CalendarEvent]) -> usize {
    events.iter().map(|e| e.uid.as_str()).collect::<BTreeSet<_>>().len()
}

/// What the store remembers after an export is saved (as `record_export` does): the live events
/// with their hashes, and the gone ones as cancelled.
fn record(recorded: &mut HashMap<String, Recorded>, done: &Reconciled, zone: Tz) {
    for e in &done.events {
        recorded.insert(
            e.uid.clone(),
            Recorded {
                hash: done.hashes[&e.uid].clone(),
                sequence: e.sequence,
                event: e.clone(),
                first_day: first_day(e, zone),
                cancelled: false,
            },
        );
    }
    for e in &done.gone {
        let r = recorded.get_mut(&e.uid).unwrap();
        r.sequence = e.sequence;
        r.cancelled = true;
    }
}

fn counts(done: &Reconciled) -> (usize, usize, usize) {
    (done.new_events, done.changed_events, done.gone.len())
}

#[test]
fn two_teams_with_the_same_policy_name_get_different_uids() {
    let horizon = span("2026-03-16", "2026-03-27");
    let people = members(&["Ann", "Ben", "Cy", "Dee"]);
    let (team_a, team_b) = (&people[..2], &people[2..]);
    let mut b_members = team_b.to_vec();
    for m in &mut b_members {
        m.team_id = 2;
    }
    for kind in [PolicyKind::Daily, PolicyKind::Weekly] {
        let a = policy(1, "Batman", kind, |p| p.pool = vec![1, 2]);
        let mut b = policy(2, "Batman", kind, |p| p.pool = vec![3, 4]);
        b.team_id = 2;
        let a_turns = turns_of(&a, horizon, &[1, 2]);
        let b_turns = turns_of(&b, horizon, &[3, 4]);
        // The same handoffs: before, both teams exported `turn-batman-<same instant>`.
        let starts = |ts: &[Turn]| ts.iter().map(|t| t.start).collect::<Vec<_>>();
        assert_eq!(starts(&a_turns), starts(&b_turns));
        let a_events = turn_events(&a_turns, &[a], team_a, BERLIN);
        let b_events = turn_events(&b_turns, &[b], &b_members, BERLIN);
        assert_eq!(a_events.len(), a_turns.len());
        let both: Vec<CalendarEvent> = a_events.iter().chain(&b_events).cloned().collect();
        assert_eq!(distinct(&both), both.len(), "{kind:?}: {:?}", uids(&both));
    }
}

#[test]
fn on_call_and_on_hyphen_call_get_different_uids_and_a_reexport_changes_nothing() {
    let people = members(&["Ann", "Ben", "Cy"]);
    let policies = vec![weekly(4, "On call"), weekly(5, "On-call")];
    let horizon = span("2026-03-02", "2026-04-05");
    let turns: Vec<Turn> = policies.iter().flat_map(|p| turns_of(p, horizon, &[1, 2, 3])).collect();
    let events = turn_events(&turns, &policies, &people, BERLIN);
    assert_eq!(events.len(), 10, "five weeks of two policies");
    assert_eq!(distinct(&events), 10, "{:?}", uids(&events));
    let text = export_ics("Ops", BERLIN, &events, stamp());
    assert_eq!(text.matches("BEGIN:VEVENT").count(), 10);

    let mut recorded = HashMap::new();
    let first = reconcile(events.clone(), &recorded, horizon, BERLIN);
    assert_eq!(counts(&first), (10, 0, 0));
    record(&mut recorded, &first, BERLIN);
    let again = reconcile(
        turn_events(&turns, &policies, &people, BERLIN),
        &recorded,
        horizon,
        BERLIN,
    );
    assert_eq!(
        counts(&again),
        (0, 0, 0),
        "a re-export with no change reports nothing changed"
    );
    assert!(again.events.iter().all(|e| e.sequence == 0));
}

#[test]
fn renaming_a_policy_team_or_sprint_keeps_every_uid() {
    let people = members(&["Ann", "Ben"]);
    let horizon = span("2026-03-16", "2026-03-29");
    for p in [daily(3, "Batman", "09:30"), weekly(3, "Op of the Week")] {
        let turns = turns_of(&p, horizon, &[1, 2]);
        let mut renamed = p.clone();
        renamed.spec.name = "Batman (core)".into();
        let before = turn_events(&turns, &[p], &people, BERLIN);
        let after = turn_events(&turns, &[renamed], &people, BERLIN);
        assert!(!before.is_empty());
        assert_eq!(uids(&before), uids(&after));
        assert_ne!(before[0].summary, after[0].summary);
    }
    let s = sprint(7, "2026-03-16", "2026-03-27");
    let mut renamed = s.clone();
    renamed.spec.name = "Sprint Seven".into();
    let before = sprint_events("Core", &[s]);
    let after = sprint_events("Core platform", &[renamed]);
    assert_eq!(uids(&before), ["sprint-7@sprintshield", "review-sprint-7@sprintshield"]);
    assert_eq!(uids(&before), uids(&after));
}

#[test]
fn changing_only_the_member_keeps_the_uid_and_raises_the_sequence() {
    let people = members(&["Ann", "Ben", "Cy"]);
    let horizon = span("2026-03-16", "2026-03-29");
    for p in [daily(3, "Batman", "09:30"), weekly(4, "Op of the Week")] {
        let policies = vec![p];
        let turns = turns_of(&policies[0], horizon, &[1, 2, 3]);
        let mut recorded = HashMap::new();
        let first = reconcile(
            turn_events(&turns, &policies, &people, BERLIN),
            &recorded,
            horizon,
            BERLIN,
        );
        record(&mut recorded, &first, BERLIN);

        // Someone else takes the second turn (an override, as a re-plan or a swap would do).
        let other = people.iter().find(|m| m.id != turns[1].member_id).unwrap();
        let edited = override_turn(&turns, 1, other.id).unwrap();
        let events = turn_events(&edited, &policies, &people, BERLIN);
        assert_eq!(uids(&events), uids(&first.events), "the same UIDs");
        let done = reconcile(events, &recorded, horizon, BERLIN);
        assert_eq!(counts(&done), (0, 1, 0), "updated in place, nothing added or cancelled");
        let changed: Vec<&CalendarEvent> = done.events.iter().filter(|e| e.sequence > 0).collect();
        assert_eq!(changed.len(), 1);
        assert_eq!(changed[0].uid, first.events[1].uid);
        assert_eq!(changed[0].sequence, 1);
        assert!(changed[0].summary.ends_with(&other.spec.name), "{}", changed[0].summary);
        let text = export_ics("Ops", BERLIN, &done.events, stamp());
        assert_eq!(text.matches("SEQUENCE:1\r\n").count(), 1);
        assert!(!text.contains("STATUS:CANCELLED"));
    }
}

fn all_day(e: &CalendarEvent) -> NaiveDate {
    match e.when {
        EventTime::AllDay { first, last_inclusive } => {
            assert_eq!(first, last_inclusive, "{}: one day", e.uid);
            first
        }
        EventTime::Timed { .. } => panic!("{} is timed: {:?}", e.uid, e.when),
    }
}

#[test]
fn daily_turns_are_all_day_on_their_first_local_day_friday_to_monday_too() {
    // Two weeks around the spring DST change (Sunday 29 March 2026 in Berlin); the Friday turn
    // runs from Friday 09:30 CET to Monday 09:30 CEST.
    let people = members(&["Ann", "Ben", "Cy"]);
    let p = daily(3, "Batman", "09:30");
    let turns = turns_of(&p, span("2026-03-23", "2026-04-03"), &[1, 2, 3]);
    let events = turn_events(&turns, std::slice::from_ref(&p), &people, BERLIN);
    assert_eq!(events.len(), 10, "one per working day");
    let days: Vec<NaiveDate> = events.iter().map(all_day).collect();
    let want: Vec<NaiveDate> = [23, 24, 25, 26, 27, 30, 31]
        .iter()
        .map(|d| NaiveDate::from_ymd_opt(2026, 3, *d).unwrap())
        .chain((1..=3).map(|d| NaiveDate::from_ymd_opt(2026, 4, d).unwrap()))
        .collect();
    assert_eq!(days, want);
    let friday = &events[4];
    assert_eq!(turns[4].end, local(BERLIN, "2026-03-30", 9, 30));
    assert_eq!(
        friday.description,
        "Handoff at 09:30 Europe/Berlin (on duty until Mon 30 Mar 09:30)"
    );
    assert!(friday.transparent, "duty turns never block anyone as busy");
    assert_eq!(friday.categories, ["Duty"]);

    let text = export_ics("Phoenix", BERLIN, &events, stamp());
    assert!(text.contains("DTSTART;VALUE=DATE:20260327\r\nDTEND;VALUE=DATE:20260328\r\n"));
    assert!(text.contains("DTSTART;VALUE=DATE:20260330\r\nDTEND;VALUE=DATE:20260331\r\n"));
    assert!(!text.contains("TZID="), "all-day events carry no zone");
    assert!(!text.contains("VTIMEZONE"));
    assert_eq!(text.matches("TRANSP:TRANSPARENT\r\n").count(), 10);
    assert!(!text.contains("DTSTART;VALUE=DATE:20260328") && !text.contains("DTSTART;VALUE=DATE:20260329"));

    // The handoff note and the shadow follow the handoff line.
    let mut noted = turns[0].clone();
    noted.note = "Check the backups".into();
    noted.shadow_member_id = Some(2);
    let e = &turn_events(&[noted], &[p], &people, BERLIN)[0];
    assert_eq!(
        e.description,
        "Handoff at 09:30 Europe/Berlin (on duty until Tue 24 Mar 09:30)\nCheck the backups\nShadow: Ben"
    );
}

#[test]
fn a_daily_turn_on_a_dst_change_day_is_on_that_local_day() {
    let people = members(&["Ann", "Ben"]);
    let events_of = |zone: Tz, p: DutyPolicy, days: DateSpan, handoff: (u32, u32)| {
        turn_events(&every_day_turns(zone, p.id, days, handoff), &[p], &people, zone)
    };
    let one = |events: &[CalendarEvent], d: &str| -> CalendarEvent {
        let found: Vec<&CalendarEvent> = events.iter().filter(|e| all_day(e) == day(d)).collect();
        assert_eq!(found.len(), 1, "{d}: {:?}", uids(events));
        found[0].clone()
    };

    // 00:30 in Berlin on the spring-forward Sunday is 23:30 UTC the evening before.
    let events = events_of(
        BERLIN,
        daily(3, "Night", "00:30"),
        span("2026-03-28", "2026-03-30"),
        (0, 30),
    );
    let sunday = one(&events, "2026-03-29");
    assert!(sunday.uid.contains("20260328T233000Z"), "{}", sunday.uid);
    assert_eq!(
        sunday.description,
        "Handoff at 00:30 Europe/Berlin (on duty until Mon 30 Mar 00:30)"
    );
    assert_eq!(events.len(), 3);

    // A 02:30 handoff does not exist that Sunday: the turn starts at 03:00, still on Sunday.
    let events = events_of(
        BERLIN,
        daily(3, "Early", "02:30"),
        span("2026-03-28", "2026-03-30"),
        (2, 30),
    );
    assert!(one(&events, "2026-03-29")
        .description
        .starts_with("Handoff at 03:00 Europe/Berlin"));

    // An evening handoff in Chicago on the fall-back Sunday is already Monday in UTC.
    let chicago = chrono_tz::America::Chicago;
    let events = events_of(
        chicago,
        daily(3, "Evening", "20:00"),
        span("2026-10-31", "2026-11-02"),
        (20, 0),
    );
    let sunday = one(&events, "2026-11-01");
    assert!(sunday.uid.contains("20261102T020000Z"), "{}", sunday.uid);
    assert_eq!(
        sunday.description,
        "Handoff at 20:00 America/Chicago (on duty until Mon 02 Nov 20:00)"
    );
}

#[test]
fn weekly_and_per_sprint_turns_stay_timed_in_the_zone() {
    let people = members(&["Ann", "Ben"]);
    let w = weekly(4, "Op of the Week");
    let turns = turns_of(&w, span("2026-03-23", "2026-04-05"), &[1, 2]);
    let events = turn_events(&turns, &[w], &people, BERLIN);
    assert_eq!(events.len(), 2);
    for (e, t) in events.iter().zip(&turns) {
        assert_eq!(
            e.when,
            EventTime::Timed {
                start: t.start,
                end: t.end
            }
        );
        assert!(e.transparent);
    }
    let text = export_ics("Ops", BERLIN, &events, stamp());
    assert!(text.contains("BEGIN:VTIMEZONE\r\nTZID:Europe/Berlin\r\n"));
    assert!(text.contains("DTSTART;TZID=Europe/Berlin:20260323T120000\r\nDTEND;TZID=Europe/Berlin:20260330T120000\r\n"));
    assert!(text.contains("DTSTART;TZID=Europe/Berlin:20260330T120000\r\nDTEND;TZID=Europe/Berlin:20260406T120000\r\n"));
    assert!(!text.contains("VALUE=DATE"));

    let chores = policy(6, "Chores", PolicyKind::Sprint, |p| p.handoff = Some("09:00".into()));
    // A per-sprint turn runs from the sprint's first day at the handoff to the day after its last.
    let turns = vec![Turn::generated(
        6,
        1,
        local(BERLIN, "2026-03-23", 9, 0),
        local(BERLIN, "2026-04-04", 9, 0),
    )];
    let events = turn_events(&turns, &[chores], &people, BERLIN);
    assert_eq!(events.len(), 1);
    assert!(matches!(events[0].when, EventTime::Timed { .. }));
    let text = export_ics("Ops", BERLIN, &events, stamp());
    assert!(text.contains("DTSTART;TZID=Europe/Berlin:20260323T090000\r\n"));
}

/// The turn as the exporter wrote it before UIDs came from ids: timed, under a name-based UID.
fn old_turn(uid: &str, summary: &str, start: DateTime<Utc>, end: DateTime<Utc>) -> CalendarEvent {
    let mut e = CalendarEvent::timed(uid, summary, start, end).unwrap();
    e.transparent = true;
    e.categories = vec!["Duty".into()];
    e
}

#[test]
fn the_first_export_with_new_uids_cancels_each_old_uid_once_and_duplicates_nothing() {
    let people = members(&["Ann", "Ben", "Cy"]);
    let policies = vec![daily(3, "Batman", "09:30"), weekly(4, "Op of the Week")];
    // Monday 23 March to Sunday 5 April: every turn starts inside the range.
    let range = span("2026-03-23", "2026-04-05");
    let mut turns = daily_turns(BERLIN, 3, span("2026-03-23", "2026-04-03"), (9, 30), &[1, 2, 3]);
    turns.extend(weekly_turns(BERLIN, 4, "2026-03-23", 2, &[1, 2, 3]));
    let s = sprint(7, "2026-03-23", "2026-04-03");

    // What the scope remembers from an export made with the old, name-based UIDs.
    let stamp_of = |at: DateTime<Utc>| at.format("%Y%m%dT%H%M%SZ").to_string();
    let mut old: Vec<CalendarEvent> = turns
        .iter()
        .map(|t| {
            let slug = if t.policy_id == 3 { "batman" } else { "op-of-the-week" };
            old_turn(
                &format!("turn-{slug}-{}@sprintshield", stamp_of(t.start)),
                "old",
                t.start,
                t.end,
            )
        })
        .collect();
    let sprints = sprint_events("Core", std::slice::from_ref(&s));
    for (e, uid) in sprints
        .iter()
        .zip(["sprint-core-7@sprintshield", "review-sprint-core-7@sprintshield"])
    {
        old.push(CalendarEvent {
            uid: uid.into(),
            ..e.clone()
        });
    }
    let mut recorded: HashMap<String, Recorded> = old
        .iter()
        .map(|e| {
            let r = Recorded {
                hash: content_hash(e),
                sequence: 0,
                event: e.clone(),
                first_day: first_day(e, BERLIN),
                cancelled: false,
            };
            (e.uid.clone(), r)
        })
        .collect();
    assert_eq!(
        recorded.len(),
        10 + 2 + 2,
        "ten Batman days, two weeks, the sprint and its review"
    );

    let mut events = turn_events(&turns, &policies, &people, BERLIN);
    events.extend(sprint_events("Core", std::slice::from_ref(&s)));
    let done = reconcile(events.clone(), &recorded, range, BERLIN);
    assert_eq!(
        counts(&done),
        (events.len(), 0, old.len()),
        "each new UID new, each old one gone"
    );
    let gone: BTreeSet<&str> = done.gone.iter().map(|e| e.uid.as_str()).collect();
    let old_uids: BTreeSet<&str> = old.iter().map(|e| e.uid.as_str()).collect();
    assert_eq!(gone, old_uids);
    assert!(done.gone.iter().all(|e| e.cancelled && e.sequence == 1));
    assert!(events.iter().all(|e| !old_uids.contains(e.uid.as_str())));

    // The file: every old UID once, cancelled; every new one once, confirmed.
    let mut written = done.events.clone();
    written.extend(done.gone.iter().cloned());
    let text = export_ics("Core", BERLIN, &written, stamp());
    for uid in &old_uids {
        assert_eq!(text.matches(&format!("UID:{uid}\r\n")).count(), 1, "{uid}");
    }
    for e in &events {
        assert_eq!(text.matches(&format!("UID:{}\r\n", e.uid)).count(), 1, "{}", e.uid);
    }
    assert_eq!(text.matches("STATUS:CANCELLED\r\n").count(), old.len());
    assert_eq!(text.matches("STATUS:CONFIRMED\r\n").count(), events.len());

    // Saved; the next export cancels nothing again and changes nothing.
    record(&mut recorded, &done, BERLIN);
    let next = reconcile(events, &recorded, range, BERLIN);
    assert_eq!(counts(&next), (0, 0, 0));
}

/// A turn that started before the exported range but runs into it (Friday's Batman turn until
/// Monday 09:30, last week's Op of the Week until Monday 12:00) is exported with the range, so
/// its old UID must be cancelled by it too. `reconcile` cancels only events whose *first* day is
/// in the range, so today the old UID stays in the reader's calendar next to the new one.
#[test]
fn an_old_uid_of_a_turn_running_into_the_range_is_cancelled_too() {
    let people = members(&["Ann", "Ben", "Cy"]);
    let policies = vec![daily(3, "Batman", "09:30"), weekly(4, "Op of the Week")];
    let range = span("2026-03-30", "2026-04-05");
    // The turns an export of the range gets: those overlapping it.
    // The export of the range gets every turn overlapping it, the two that started before too.
    let mut turns = daily_turns(BERLIN, 3, span("2026-03-27", "2026-04-03"), (9, 30), &[1, 2, 3]);
    turns.extend(weekly_turns(BERLIN, 4, "2026-03-23", 2, &[1, 2, 3]));
    let recorded: HashMap<String, Recorded> = turns
        .iter()
        .map(|t| {
            let slug = if t.policy_id == 3 { "batman" } else { "op-of-the-week" };
            let uid = format!("turn-{slug}-{}@sprintshield", t.start.format("%Y%m%dT%H%M%SZ"));
            let e = old_turn(&uid, "old", t.start, t.end);
            let r = Recorded {
                hash: content_hash(&e),
                sequence: 0,
                event: e.clone(),
                first_day: first_day(&e, BERLIN),
                cancelled: false,
            };
            (uid, r)
        })
        .collect();
    let done = reconcile(
        turn_events(&turns, &policies, &people, BERLIN),
        &recorded,
        range,
        BERLIN,
    );
    assert_eq!(done.gone.len(), recorded.len(), "every old UID is cancelled");
}

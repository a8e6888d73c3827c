//! The sprint the planner opens on: core's rule (running, else next, else latest open) on the
//! team's local day at `now`, not the machine's.
use chrono::{DateTime, Utc};
use sprintshield_core::sprint::NewSprint;
use sprintshield_core::team::{NewTeam, TeamKind};
use sprintshield_core::{ErrorKind, Id};
use sprintshield_service::Sprintshield;

fn at(text: &str) -> DateTime<Utc> {
    text.parse().unwrap()
}

fn team(s: &mut Sprintshield, name: &str, zone: &str) -> Id {
    s.create_team(NewTeam {
        name: name.into(),
        kind: TeamKind::Dev,
        zone: zone.into(),
        working_days: None,
        sprint_length_days: None,
    })
    .unwrap()
    .value
    .id
}

fn sprint(s: &mut Sprintshield, team_id: Id, name: &str, start: &str, end: &str) -> Id {
    s.create_sprint(
        team_id,
        NewSprint {
            name: name.into(),
            start: start.into(),
            end: end.into(),
            goal: String::new(),
            committed_points: Some(30.0),
        },
    )
    .unwrap()
    .value
    .id
}

fn shown(s: &Sprintshield, team_id: Id, now: &str) -> Option<String> {
    s.default_sprint(team_id, at(now)).unwrap().map(|x| x.spec.name)
}

/// A Berlin team with two back-to-back sprints and a later one after a gap.
fn berlin() -> (Sprintshield, Id) {
    let mut s = Sprintshield::open_in_memory().unwrap();
    let t = team(&mut s, "Phoenix", "Europe/Berlin");
    sprint(&mut s, t, "S1", "2026-11-09", "2026-11-20");
    sprint(&mut s, t, "S2", "2026-11-23", "2026-12-04");
    sprint(&mut s, t, "S3", "2026-12-14", "2026-12-25");
    (s, t)
}

#[test]
fn the_running_sprint_is_shown_first() {
    let (s, t) = berlin();
    assert_eq!(shown(&s, t, "2026-11-25T12:00:00Z").as_deref(), Some("S2"));
    // Its first and last local days count as running.
    assert_eq!(shown(&s, t, "2026-11-22T23:30:00Z").as_deref(), Some("S2"));
    assert_eq!(shown(&s, t, "2026-12-04T22:30:00Z").as_deref(), Some("S2"));
}

#[test]
fn between_sprints_the_next_one_is_shown() {
    let (s, t) = berlin();
    assert_eq!(shown(&s, t, "2026-12-08T12:00:00Z").as_deref(), Some("S3"));
    // Before the first sprint, too.
    assert_eq!(shown(&s, t, "2026-10-01T12:00:00Z").as_deref(), Some("S1"));
}

#[test]
fn after_every_sprint_the_latest_open_one_is_shown() {
    let (s, t) = berlin();
    assert_eq!(shown(&s, t, "2027-01-10T12:00:00Z").as_deref(), Some("S3"));
}

#[test]
fn a_team_without_sprints_has_none_and_an_unknown_team_is_an_error() {
    let mut s = Sprintshield::open_in_memory().unwrap();
    let t = team(&mut s, "Atlas", "Europe/Berlin");
    assert_eq!(shown(&s, t, "2026-11-25T12:00:00Z"), None);
    let err = s.default_sprint(t + 100, at("2026-11-25T12:00:00Z")).unwrap_err();
    assert_eq!(err.kind, ErrorKind::NotFound);
}

#[test]
fn today_is_the_teams_local_day_not_utc() {
    let mut s = Sprintshield::open_in_memory().unwrap();
    let auckland = team(&mut s, "Kiwi", "Pacific/Auckland");
    let berlin = team(&mut s, "Phoenix", "Europe/Berlin");
    for t in [auckland, berlin] {
        sprint(&mut s, t, &format!("A{t}"), "2026-11-09", "2026-11-22");
        sprint(&mut s, t, &format!("B{t}"), "2026-11-23", "2026-12-04");
    }
    // 2026-11-22T12:00Z is already 01:00 on Monday 23 November in Auckland (UTC+13)...
    let now = "2026-11-22T12:00:00Z";
    assert_eq!(shown(&s, auckland, now), Some(format!("B{auckland}")));
    // ...and still Sunday 22 November in Berlin.
    assert_eq!(shown(&s, berlin, now), Some(format!("A{berlin}")));
}

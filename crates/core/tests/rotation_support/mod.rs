//! Builders shared by the rotation tests: members, policies, contexts and a compact text table
//! of a plan for snapshot-style assertions.
#![allow(dead_code)]
use chrono::{DateTime, NaiveDate, Utc};
use chrono_tz::Tz;
use sprintshield_core::member::{Member, NewMember};
use sprintshield_core::rotation::{DutyPolicy, NewPolicy, Plan, PlanInput, PolicyKind, RotationContext, Turn};
use sprintshield_core::sprint::{NewSprint, Sprint};
use sprintshield_core::time::{DateSpan, WorkingDays};
use sprintshield_core::time_off::{Holiday, NewTimeOff, TimeOff, TimeOffKind};
use sprintshield_core::Id;

pub fn day(text: &str) -> NaiveDate {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap()
}

pub fn span(first: &str, last: &str) -> DateSpan {
    DateSpan {
        first: day(first),
        last: day(last),
    }
}

pub fn utc(text: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(text).unwrap().with_timezone(&Utc)
}

/// Members with ids 1.. and the given names, full time.
pub fn members(names: &[&str]) -> Vec<Member> {
    names
        .iter()
        .enumerate()
        .map(|(i, n)| Member {
            id: i as Id + 1,
            team_id: 1,
            spec: NewMember {
                name: (*n).into(),
                ..Default::default()
            }
            .validate()
            .unwrap(),
        })
        .collect()
}

pub fn policy(id: Id, name: &str, kind: PolicyKind, edit: impl FnOnce(&mut NewPolicy)) -> DutyPolicy {
    let mut p = NewPolicy::new(name, kind);
    edit(&mut p);
    DutyPolicy {
        id,
        team_id: 1,
        spec: p.validate().unwrap(),
    }
}

pub fn time_off(id: Id, member_id: Id, first: &str, last: &str) -> TimeOff {
    let spec = NewTimeOff {
        member_id,
        first_day: first.into(),
        last_day: last.into(),
        kind: TimeOffKind::Vacation,
        note: String::new(),
    }
    .validate()
    .unwrap();
    TimeOff { id, spec }
}

pub fn holiday(id: Id, date: &str, name: &str) -> Holiday {
    Holiday {
        id,
        team_id: 1,
        date: day(date),
        name: name.into(),
    }
}

pub fn sprint(id: Id, start: &str, end: &str) -> Sprint {
    let spec = NewSprint {
        name: format!("Sprint {id}"),
        start: start.into(),
        end: end.into(),
        ..Default::default()
    }
    .validate()
    .unwrap();
    Sprint {
        id,
        team_id: 1,
        spec,
        completed_points: None,
    }
}

pub fn context(zone: Tz, members: Vec<Member>, policies: Vec<DutyPolicy>) -> RotationContext {
    RotationContext {
        zone,
        working_days: WorkingDays::MON_FRI,
        policies,
        members,
        time_off: Vec::new(),
        holidays: Vec::new(),
        sprints: Vec::new(),
        release_days: Vec::new(),
    }
}

pub fn input(context: RotationContext, horizon: DateSpan, now: DateTime<Utc>) -> PlanInput {
    PlanInput {
        context,
        existing: Vec::new(),
        horizon,
        now,
    }
}

/// One line per turn: `policy | Mon 2026-03-30 12:00 -> Mon 2026-04-06 12:00 | Ana | generated`.
pub fn table(plan: &Plan, ctx: &RotationContext) -> String {
    plan.turns.iter().map(|t| row(t, ctx)).collect::<Vec<_>>().join("\n")
}

pub fn row(t: &Turn, ctx: &RotationContext) -> String {
    let name = |id: Id| {
        ctx.members
            .iter()
            .find(|m| m.id == id)
            .map_or(format!("#{id}"), |m| m.spec.name.clone())
    };
    let policy = ctx
        .policy(t.policy_id)
        .map_or(format!("#{}", t.policy_id), |p| p.spec.name.clone());
    let fmt = |at: DateTime<Utc>| at.with_timezone(&ctx.zone).format("%a %Y-%m-%d %H:%M").to_string();
    let shadow = t
        .shadow_member_id
        .map(|s| format!(" (shadow {})", name(s)))
        .unwrap_or_default();
    format!(
        "{policy} | {} -> {} | {}{shadow} | {}",
        fmt(t.start),
        fmt(t.end),
        name(t.member_id),
        t.source
    )
}

/// Turns of one policy, in order.
pub fn of_policy(turns: &[Turn], policy_id: Id) -> Vec<Turn> {
    let mut v: Vec<Turn> = turns.iter().filter(|t| t.policy_id == policy_id).cloned().collect();
    v.sort_by_key(|t| t.start);
    v
}

/// Compares `actual` with `tests/snapshots/<name>.txt`; `UPDATE_SNAPSHOTS=1` rewrites the file.
pub fn assert_snapshot(name: &str, actual: &str) {
    let path = format!("{}/tests/snapshots/{name}.txt", env!("CARGO_MANIFEST_DIR"));
    if std::env::var_os("UPDATE_SNAPSHOTS").is_some() {
        std::fs::create_dir_all(format!("{}/tests/snapshots", env!("CARGO_MANIFEST_DIR"))).unwrap();
        std::fs::write(&path, format!("{actual}\n")).unwrap();
    }
    let expected = std::fs::read_to_string(&path).unwrap_or_else(|_| panic!("missing snapshot {path}"));
    assert_eq!(actual.trim_end(), expected.trim_end(), "snapshot {name} differs");
}

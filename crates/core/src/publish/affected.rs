//! Who a publish affects, per person, in plain lines: "Ana Souza: Tue 8 Dec → Thu 10 Dec" (her
//! turn moved), "Ben Okafor: now on duty Wed 9 Dec", "Ben Okafor: no longer on duty Thu 10 Dec",
//! "Batman Fri 11 Dec removed" (a turn nobody holds any more).
use std::collections::{BTreeMap, BTreeSet};

use chrono::NaiveDate;
use chrono_tz::Tz;

use super::diff::{Action, ActionKind};
use super::resources::Holder;
use crate::calendar::reconcile::first_day;

/// One person's turns given and taken by the publish.
#[derive(Default)]
struct Moves {
    lost: Vec<(NaiveDate, String)>,
    gained: Vec<(NaiveDate, String)>,
    changed: Vec<(NaiveDate, String)>,
}

/// The lines that tell each person what the `actions` change for them, people by name, then the
/// removed turns, then a count of other events (sprints, releases) that change. With turns of
/// more than one policy among the actions, each day is named with its policy.
pub fn affected_lines(actions: &[Action], zone: Tz) -> Vec<String> {
    let policies: BTreeSet<&str> = actions
        .iter()
        .flat_map(|a| a.holder.iter().chain(a.before.iter().filter_map(|b| b.1.as_ref())))
        .map(|h| h.policy.as_str())
        .collect();
    let named = policies.len() > 1;
    let label = |day: NaiveDate, h: &Holder| {
        let d = day.format("%a %-d %b").to_string();
        if named {
            format!("{} {d}", h.policy)
        } else {
            d
        }
    };
    let mut people: BTreeMap<String, Moves> = BTreeMap::new();
    let mut removed: Vec<(NaiveDate, String)> = Vec::new();
    let (mut other_new, mut other_changed, mut other_removed) = (0, 0, 0);
    for a in actions {
        let day = first_day(&a.event, zone);
        let old = a.before.as_ref().and_then(|b| b.1.as_ref());
        match (a.kind, old, a.holder.as_ref()) {
            (ActionKind::Delete, Some(h), _) => {
                removed.push((day, format!("{} {} removed", h.policy, day.format("%a %-d %b"))))
            }
            (ActionKind::Update, Some(o), Some(n)) if o.person == n.person => {
                people
                    .entry(n.person.clone())
                    .or_default()
                    .changed
                    .push((day, label(day, n)));
            }
            (_, o, n) if o.is_some() || n.is_some() => {
                if let Some(o) = o {
                    people
                        .entry(o.person.clone())
                        .or_default()
                        .lost
                        .push((day, label(day, o)));
                }
                if let Some(n) = n {
                    people
                        .entry(n.person.clone())
                        .or_default()
                        .gained
                        .push((day, label(day, n)));
                }
            }
            (ActionKind::Create, ..) => other_new += 1,
            (ActionKind::Update, ..) => other_changed += 1,
            (ActionKind::Delete, ..) => other_removed += 1,
        }
    }
    let join = |mut days: Vec<(NaiveDate, String)>| {
        days.sort();
        days.into_iter().map(|(_, l)| l).collect::<Vec<_>>().join(", ")
    };
    let mut lines = Vec::new();
    for (person, m) in people {
        let mut parts = Vec::new();
        match (m.lost.is_empty(), m.gained.is_empty()) {
            (false, false) => parts.push(format!("{} → {}", join(m.lost), join(m.gained))),
            (true, false) => parts.push(format!("now on duty {}", join(m.gained))),
            (false, true) => parts.push(format!("no longer on duty {}", join(m.lost))),
            (true, true) => {}
        }
        if !m.changed.is_empty() {
            parts.push(format!("{} changed", join(m.changed)));
        }
        lines.push(format!("{person}: {}", parts.join("; ")));
    }
    removed.sort();
    lines.extend(removed.into_iter().map(|(_, l)| l));
    let mut other = Vec::new();
    for (n, what) in [
        (other_new, "new"),
        (other_changed, "changed"),
        (other_removed, "removed"),
    ] {
        if n > 0 {
            other.push(format!("{n} {what}"));
        }
    }
    if !other.is_empty() {
        lines.push(format!("Sprints and releases: {}", other.join(", ")));
    }
    lines
}

#[cfg(test)]
mod tests {
    use chrono::{DateTime, Utc};

    use super::*;
    use crate::calendar::{sprint_event, turn_event, CalendarEvent};
    use crate::time::DateSpan;

    fn zone() -> Tz {
        "Europe/Berlin".parse().unwrap()
    }

    fn ev(policy: i64, day: u32) -> CalendarEvent {
        let start: DateTime<Utc> = format!("2026-12-{day:02}T08:30:00Z").parse().unwrap();
        turn_event(policy, "x", start, start + chrono::Duration::days(1), None).unwrap()
    }

    fn h(policy: &str, who: &str) -> Option<Holder> {
        Some(Holder {
            policy: policy.into(),
            person: who.into(),
        })
    }

    fn act(kind: ActionKind, day: u32, before: Option<Holder>, now: Option<Holder>) -> Action {
        let e = ev(1, day);
        Action {
            kind,
            collection: "c".into(),
            uid: e.uid.clone(),
            href: "h".into(),
            etag: None,
            hash: String::new(),
            before: before.map(|b| (e.clone(), Some(b))),
            holder: now,
            event: e,
        }
    }

    #[test]
    fn the_issue_s_example_reads_as_written() {
        let actions = vec![
            act(ActionKind::Update, 8, h("Batman", "Ana"), h("Batman", "Cleo")),
            act(ActionKind::Update, 9, h("Batman", "Cleo"), h("Batman", "Ben")),
            act(ActionKind::Update, 10, h("Batman", "Dan"), h("Batman", "Ana")),
            act(ActionKind::Delete, 11, h("Batman", "Eve"), None),
        ];
        assert_eq!(
            affected_lines(&actions, zone()),
            vec![
                "Ana: Tue 8 Dec → Thu 10 Dec",
                "Ben: now on duty Wed 9 Dec",
                "Cleo: Wed 9 Dec → Tue 8 Dec",
                "Dan: no longer on duty Thu 10 Dec",
                "Batman Fri 11 Dec removed",
            ]
        );
    }

    #[test]
    fn several_policies_name_each_day_and_other_events_are_counted() {
        let mut weekly = act(ActionKind::Create, 14, None, h("Op of the Week", "Ana"));
        weekly.event = ev(2, 14);
        let span = DateSpan::new(
            chrono::NaiveDate::from_ymd_opt(2026, 11, 30).unwrap(),
            chrono::NaiveDate::from_ymd_opt(2026, 12, 11).unwrap(),
            "to",
        )
        .unwrap();
        let mut sprint = act(ActionKind::Create, 1, None, None);
        sprint.event = sprint_event(7, "Phoenix 38", span, "");
        let actions = vec![
            act(ActionKind::Update, 8, h("Batman", "Ana"), h("Batman", "Ana")),
            weekly,
            sprint,
        ];
        assert_eq!(
            affected_lines(&actions, zone()),
            vec![
                "Ana: now on duty Op of the Week Mon 14 Dec; Batman Tue 8 Dec changed",
                "Sprints and releases: 1 new"
            ]
        );
    }

    #[test]
    fn no_actions_affect_nobody() {
        assert!(affected_lines(&[], zone()).is_empty());
    }
}

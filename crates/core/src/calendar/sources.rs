//! From Sprintshield records to [`CalendarEvent`]s: duty turns (with policy and member names),
//! time off, sprints (plus a review on the last day) and release-train events (regression window,
//! release-candidate push, production release, high alert). Pure mapping; the caller chooses which
//! records to pass.
use std::collections::HashMap;

use chrono::Duration;
use chrono_tz::Tz;

use super::{release_uid, sprint_event, sprint_uid, turn_event, CalendarEvent, EventTime, Person};
use crate::member::Member;
use crate::named_enum;
use crate::release::Release;
use crate::rotation::{DutyPolicy, PolicyKind, Turn};
use crate::sprint::Sprint;
use crate::time_off::TimeOff;
use crate::Id;

named_enum! {
    /// What an export can contain.
    pub enum ExportWhat ("export kind") {
        Turns = "turns", "Duty turns";
        TimeOff = "time_off", "Time off", ["timeoff", "away"];
        Sprints = "sprints", "Sprints";
        Releases = "releases", "Releases";
    }
}

/// How long the release-candidate push and the production release are shown, in minutes.
const RELEASE_EVENT_MINUTES: i64 = 60;

fn person(m: &Member) -> Option<Person> {
    m.spec
        .email
        .as_ref()
        .filter(|e| !e.trim().is_empty())
        .map(|email| Person {
            name: m.spec.name.clone(),
            email: email.trim().to_owned(),
        })
}

fn names(members: &[Member]) -> HashMap<Id, &Member> {
    members.iter().map(|m| (m.id, m)).collect()
}

/// Duty turns as transparent events titled `<policy>: <member>`, category `Duty`, the member as
/// attendee (when they have an e-mail), the handoff note (and the shadow, if any) as description.
/// Turns of policies not in `policies` are left out; a member not in `members` is shown as
/// `member <id>`. The UID is [`turn_uid`](super::turn_uid) of the policy id and the start: it
/// survives a change of member (the event is updated, not duplicated) and a rename of the policy
/// or team.
///
/// **Daily turns are all-day events** on their first local day in `zone` (the day the turn
/// starts), whatever the handoff time, and the description starts with the handoff, e.g.
/// "Handoff at 09:30 Europe/Berlin (on duty until Mon 30 Mar 09:30)". A scrum master reads a
/// daily rotation as "who is Batman *on which day*": one all-day entry per working day, each in
/// its own day cell. So a turn that runs over a weekend or holiday — Friday 09:30 to Monday 09:30
/// — is shown on its first day only (the Friday): drawing it over Saturday to Monday would read as
/// three Batman days and put two people on Monday; the description still says until when the
/// person is on call. The local day is the zone's, so a turn starting 00:30 on a DST-change day
/// is on that day even though it is the evening before in UTC.
///
/// Weekly, per-sprint and standing turns stay timed events written in `zone` (`TZID`), from
/// handoff to handoff.
pub fn turn_events(turns: &[Turn], policies: &[DutyPolicy], members: &[Member], zone: Tz) -> Vec<CalendarEvent> {
    let by_id = names(members);
    turns
        .iter()
        .filter_map(|t| {
            let policy = policies.iter().find(|p| p.id == t.policy_id)?;
            let member = by_id.get(&t.member_id);
            let who = member.map_or_else(|| format!("member {}", t.member_id), |m| m.spec.name.clone());
            let summary = format!("{}: {who}", policy.spec.name);
            // Stored turns always end after they start (a CHECK in the schema); others are skipped.
            let mut e = turn_event(policy.id, summary, t.start, t.end, member.and_then(|m| person(m))).ok()?;
            e.description = t.note.clone();
            if policy.spec.kind == PolicyKind::Daily {
                let (start, end) = (t.start.with_timezone(&zone), t.end.with_timezone(&zone));
                let day = start.date_naive();
                e.when = EventTime::AllDay {
                    first: day,
                    last_inclusive: day,
                };
                let handoff = format!(
                    "Handoff at {} {} (on duty until {})",
                    start.format("%H:%M"),
                    zone.name(),
                    end.format("%a %d %b %H:%M")
                );
                e.description = if t.note.is_empty() {
                    handoff
                } else {
                    format!("{handoff}\n{}", t.note)
                };
            }
            if let Some(shadow) = t.shadow_member_id.and_then(|id| by_id.get(&id)) {
                e.description = format!("{}Shadow: {}", with_newline(&e.description), shadow.spec.name);
            }
            Some(e)
        })
        .collect()
}

fn with_newline(text: &str) -> String {
    if text.is_empty() {
        String::new()
    } else {
        format!("{text}\n")
    }
}

/// The stable UID of a stretch of time off: `timeoff-<id>@sprintshield`.
pub fn time_off_uid(id: Id) -> String {
    format!("timeoff-{id}@sprintshield")
}

/// Time off as opaque all-day events `Away: <member> (<kind>)` with the member as attendee, so a
/// re-import matches the member by e-mail.
pub fn time_off_events(time_off: &[TimeOff], members: &[Member]) -> Vec<CalendarEvent> {
    let by_id = names(members);
    time_off
        .iter()
        .map(|t| {
            let member = by_id.get(&t.spec.member_id);
            let who = member.map_or_else(|| format!("member {}", t.spec.member_id), |m| m.spec.name.clone());
            let mut e = CalendarEvent {
                uid: time_off_uid(t.id),
                summary: format!("Away: {who} ({})", t.spec.kind.label().to_lowercase()),
                description: t.spec.note.clone(),
                when: EventTime::all_day(t.spec.days),
                transparent: false,
                sequence: 0,
                cancelled: false,
                categories: vec!["Time off".to_owned()],
                organizer: None,
                attendees: Vec::new(),
            };
            e.attendees = member.and_then(|m| person(m)).into_iter().collect();
            e
        })
        .collect()
}

/// Each sprint as an all-day event over its days, plus an all-day `Review: <sprint>` on its last
/// day (UID `review-<sprint uid>`). UIDs come from sprint ids; `_team` (the team's name, which
/// UIDs used before) is no longer read.
pub fn sprint_events(_team: &str, sprints: &[Sprint]) -> Vec<CalendarEvent> {
    let mut out = Vec::with_capacity(sprints.len() * 2);
    for s in sprints {
        out.push(sprint_event(s.id, &s.spec.name, s.span(), &s.spec.goal));
        let mut review = sprint_event(
            s.id,
            &format!("Review: {}", s.spec.name),
            crate::time::DateSpan {
                first: s.spec.end,
                last: s.spec.end,
            },
            &s.spec.goal,
        );
        review.uid = format!("review-{}", sprint_uid(s.id));
        review.categories = vec!["Sprint review".to_owned()];
        out.push(review);
    }
    out
}

/// The events of each release of train `train_id`: regression / load testing (when it lasts),
/// release-candidate push and production release (an hour each), and the high alert with the
/// ops members on duty as attendees. Warnings and why a release moved go in the description.
/// `ops_members` names the people on duty.
pub fn release_events(train_id: Id, releases: &[Release], ops_members: &[Member], zone: Tz) -> Vec<CalendarEvent> {
    let by_id = names(ops_members);
    let hour = Duration::minutes(RELEASE_EVENT_MINUTES);
    let mut out = Vec::with_capacity(releases.len() * 4);
    for r in releases {
        let mut notes: Vec<String> = Vec::new();
        if let (Some(from), Some(why)) = (r.moved_from, &r.move_reason) {
            notes.push(format!("Moved from {from}: {why}"));
        }
        if r.pinned {
            notes.push("Placed by hand".to_owned());
        }
        notes.extend(r.warnings.iter().map(|w| format!("Warning: {}", w.message)));
        let description = notes.join("\n");
        let on_duty: Vec<&Member> = r.on_duty.iter().filter_map(|id| by_id.get(id).copied()).collect();
        let push_local = r.rc_push.with_timezone(&zone).format("%a %d %b %H:%M");
        let mut add = |what: &str, summary: String, start, end, transparent: bool, attendees: &[&Member]| {
            if let Ok(mut e) = CalendarEvent::timed(release_uid(train_id, r.sprint_id, what), summary, start, end) {
                e.description = description.clone();
                e.transparent = transparent;
                e.categories = vec!["Release".to_owned()];
                e.attendees = attendees.iter().filter_map(|m| person(m)).collect();
                out.push(e);
            }
        };
        add(
            "regression",
            format!("Regression / load testing: {} (push {push_local})", r.sprint_name),
            r.regression.start,
            r.regression.end,
            true,
            &[],
        );
        add(
            "rc-push",
            format!("Release-candidate push: {}", r.sprint_name),
            r.rc_push,
            r.rc_push + hour,
            false,
            &[],
        );
        add(
            "production",
            format!("Production release: {}", r.sprint_name),
            r.production,
            r.production + hour,
            false,
            &on_duty,
        );
        let who: Vec<&str> = on_duty.iter().map(|m| m.spec.name.as_str()).collect();
        let who = if who.is_empty() {
            "nobody on duty".to_owned()
        } else {
            who.join(", ")
        };
        add(
            "high-alert",
            format!("High alert: {} ({who})", r.sprint_name),
            r.high_alert.start,
            r.high_alert.end,
            true,
            &on_duty,
        );
    }
    out
}

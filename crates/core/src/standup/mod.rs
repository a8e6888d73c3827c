//! The stand-up message: who is on duty today for each of a team's duty policies (the stored,
//! resolved turns, so overrides and swaps are already in them), who is next, the last handoff
//! note, the checklist, and what changed since the last publish and whom it affects
//! ([`changes::change_lines`], from the publish diff's per-person lines).
//!
//! [`standup`] composes the message as data ([`Standup`], also what `rotation today --json`
//! prints); [`render`] writes it as Markdown (the Today card's "Copy for stand-up"), as
//! Slack-compatible webhook JSON (`text` plus `blocks`) and as a Microsoft Teams Workflows
//! Adaptive Card. Every format says the same thing, line for line.
//!
//! "On duty today" is the turn covering `now`, the same rule as the Today card
//! ([`crate::rotation::who_is_on_duty`]): a message sent before today's handoff names the person
//! on duty until it and the person taking over at it. Times are written in the team's zone.
pub mod changes;
pub mod render;

use chrono::{DateTime, Datelike, NaiveDate, Utc};
use chrono_tz::Tz;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::rotation::{who_is_on_duty, PolicyKind, RotationContext, Turn, TurnSource};
use crate::team::Team;
use crate::Id;

pub use changes::{change_lines, published_until, NOT_PUBLISHED};

/// The kind of JSON a team's chat webhook takes (defined with the chat target, in
/// [`crate::publish`]).
pub use crate::publish::ChatFormat;

/// A person named in the message, on one turn.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct DutyPerson {
    /// The member.
    pub member_id: Id,
    /// Their name.
    pub name: String,
    /// The turn's first instant.
    pub start: DateTime<Utc>,
    /// The turn's end (the next handoff).
    pub end: DateTime<Utc>,
    /// Planned, override or swap.
    pub source: TurnSource,
    /// For an override or swap: who the plan had put on the turn.
    pub planned: Option<String>,
    /// A trainee shadowing the turn (never cover).
    pub shadow: Option<String>,
}

/// One policy's part of the message.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct PolicyDuty {
    /// The policy.
    pub policy_id: Id,
    /// Its name ("Batman", "Op of the Week").
    pub policy: String,
    /// Its kind.
    pub kind: PolicyKind,
    /// Who is on duty at the message's instant; `None` when no turn covers it.
    pub on_duty: Option<DutyPerson>,
    /// Who takes over next.
    pub next: Option<DutyPerson>,
    /// The note the previous person left at the last handoff.
    pub handoff_note: Option<String>,
    /// The policy's duty checklist.
    pub checklist: Vec<String>,
}

/// The stand-up message of one team at one instant, as data.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Standup {
    /// The team's name.
    pub team: String,
    /// The team's IANA zone; every time in the message is written in it.
    #[ts(type = "string")]
    pub zone: Tz,
    /// The instant the message is about (`now`).
    pub at: DateTime<Utc>,
    /// The team's local date at that instant.
    pub date: NaiveDate,
    /// Whether that date is a working day of the team (a working weekday, not a holiday).
    pub working_day: bool,
    /// Why there is no stand-up duty today, in one sentence, on a day that is not a working day.
    pub day_note: Option<String>,
    /// One entry per duty policy of the team, in the team's order.
    pub duties: Vec<PolicyDuty>,
    /// What changed since the last publish and whom it affects, one line each (may be empty).
    pub changes: Vec<String>,
}

fn person(ctx: &RotationContext, t: &Turn) -> DutyPerson {
    let name = |id: Id| {
        ctx.members
            .iter()
            .find(|m| m.id == id)
            .map_or_else(|| format!("member {id}"), |m| m.spec.name.clone())
    };
    DutyPerson {
        member_id: t.member_id,
        name: name(t.member_id),
        start: t.start,
        end: t.end,
        source: t.source,
        planned: match t.source {
            TurnSource::Generated => None,
            TurnSource::Override | TurnSource::Swap => t.replaced_member_id.filter(|&m| m != t.member_id).map(name),
        },
        shadow: t.shadow_member_id.map(name),
    }
}

/// The stand-up message of `team` at `now`: for each of the team's own duty policies in `ctx`
/// (escalation targets of other teams are theirs to announce), the turn covering `now` among
/// `turns`, the next one, the last handoff note and the checklist; whether today is a working
/// day; and `changes`, the lines saying what changed since the last publish.
pub fn standup(team: &Team, ctx: &RotationContext, turns: &[Turn], now: DateTime<Utc>, changes: &[String]) -> Standup {
    let date = now.with_timezone(&ctx.zone).date_naive();
    let holiday = ctx.holidays.iter().find(|h| h.date == date);
    let weekday_works = ctx.working_days.includes(date);
    let day_note = match holiday {
        Some(h) => Some(format!(
            "{} is a holiday for {} ({}): no stand-up duty today.",
            date.format("%A %-d %B"),
            team.spec.name,
            h.name
        )),
        None if !weekday_works => Some(format!(
            "{} is not a working day for {}: no stand-up duty today.",
            weekday_name(date),
            team.spec.name
        )),
        None => None,
    };
    let duties = ctx
        .policies
        .iter()
        .filter(|p| p.team_id == team.id)
        .map(|p| {
            let d = who_is_on_duty(turns, p.id, now);
            PolicyDuty {
                policy_id: p.id,
                policy: p.spec.name.clone(),
                kind: p.spec.kind,
                on_duty: d.current.as_ref().map(|t| person(ctx, t)),
                next: d.next.as_ref().map(|t| person(ctx, t)),
                handoff_note: d.handoff_note,
                checklist: p.spec.checklist.clone(),
            }
        })
        .collect();
    Standup {
        team: team.spec.name.clone(),
        zone: ctx.zone,
        at: now,
        date,
        working_day: holiday.is_none() && weekday_works,
        day_note,
        duties,
        changes: changes.to_vec(),
    }
}

fn weekday_name(date: NaiveDate) -> &'static str {
    match date.weekday() {
        chrono::Weekday::Mon => "Monday",
        chrono::Weekday::Tue => "Tuesday",
        chrono::Weekday::Wed => "Wednesday",
        chrono::Weekday::Thu => "Thursday",
        chrono::Weekday::Fri => "Friday",
        chrono::Weekday::Sat => "Saturday",
        chrono::Weekday::Sun => "Sunday",
    }
}

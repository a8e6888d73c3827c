//! Turn boundaries: where one turn hands over to the next, computed as wall-clock handoff times
//! in the team's zone with [`crate::time::resolve_local`] and returned as UTC instants.
//!
//! - daily: one window per working day (working weekday, not a holiday), from that day's handoff
//!   to the next working day's handoff, so a Friday turn runs to Monday's handoff;
//! - weekly: from the handoff weekday and time to the same a week later;
//! - per sprint: from the sprint's first day at the handoff time to the day after its last day
//!   (the next sprint's start when sprints follow each other);
//! - standing: one window over the whole horizon, midnight to midnight.
//!
//! A window belongs to the horizon its start day lies in: planning June gives every turn that
//! starts in June, the last one running to the first handoff in July. Windows of daily and
//! weekly policies tile `[first handoff in the horizon, first handoff after it)` with no gap and
//! no overlap; the standing window is `[first day 00:00, day after last 00:00)`.
use chrono::{DateTime, Datelike, Duration, NaiveDate, Utc};

use super::calendar::{Calendar, RotationContext};
use super::policy::{PolicyKind, PolicySpec};
use crate::time::DateSpan;

/// A stretch of time one turn should cover, `[start, end)`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Window {
    /// The handoff that opens it.
    pub start: DateTime<Utc>,
    /// The handoff that closes it.
    pub end: DateTime<Utc>,
}

/// How far the daily search looks for the next working day before giving up (a team with a year
/// of holidays has no daily turns).
const SEARCH_DAYS: i64 = 400;

/// The turn windows of `policy` over `horizon` (local days of the team, inclusive), in order.
pub fn turn_windows(policy: &PolicySpec, ctx: &RotationContext, horizon: DateSpan) -> Vec<Window> {
    windows(policy, &Calendar::new(ctx), horizon)
}

pub(crate) fn windows(policy: &PolicySpec, cal: &Calendar, horizon: DateSpan) -> Vec<Window> {
    match policy.kind {
        PolicyKind::Daily => daily(policy, cal, horizon),
        PolicyKind::Weekly => weekly(policy, cal, horizon),
        PolicyKind::Sprint => per_sprint(policy, cal, horizon),
        PolicyKind::Standing => {
            let (start, end) = cal.bounds(horizon);
            vec![Window { start, end }]
        }
    }
}

fn daily(policy: &PolicySpec, cal: &Calendar, horizon: DateSpan) -> Vec<Window> {
    let handoff = |d: NaiveDate| cal.at(d, policy.handoff.time);
    let mut out = Vec::new();
    let Some(mut day) = next_working_day(cal, horizon.first - Duration::days(1)) else {
        return out;
    };
    while day <= horizon.last {
        let Some(next) = next_working_day(cal, day) else { break };
        out.push(Window {
            start: handoff(day),
            end: handoff(next),
        });
        day = next;
    }
    out
}

fn next_working_day(cal: &Calendar, after: NaiveDate) -> Option<NaiveDate> {
    (1..=SEARCH_DAYS)
        .map(|n| after + Duration::days(n))
        .find(|d| cal.is_working_day(*d))
}

fn weekly(policy: &PolicySpec, cal: &Calendar, horizon: DateSpan) -> Vec<Window> {
    let handoff = |d: NaiveDate| cal.at(d, policy.handoff.time);
    let ahead = (7 + policy.handoff.weekday.num_days_from_monday() as i64
        - horizon.first.weekday().num_days_from_monday() as i64)
        % 7;
    let mut day = horizon.first + Duration::days(ahead);
    let mut out = Vec::new();
    while day <= horizon.last {
        let next = day + Duration::days(7);
        out.push(Window {
            start: handoff(day),
            end: handoff(next),
        });
        day = next;
    }
    out
}

fn per_sprint(policy: &PolicySpec, cal: &Calendar, horizon: DateSpan) -> Vec<Window> {
    cal.sprints()
        .into_iter()
        .filter(|s| horizon.contains(s.spec.start))
        .map(|s| Window {
            start: cal.at(s.spec.start, policy.handoff.time),
            end: cal.at(s.spec.end + Duration::days(1), policy.handoff.time),
        })
        .collect()
}

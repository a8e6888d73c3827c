//! Turn boundaries: where one turn hands over to the next, computed as wall-clock handoff times
//! in the team's zone with [`crate::time::resolve_local`] and returned as UTC instants.
//!
//! - daily: one window per working day (working weekday, not a holiday), from that day's handoff
//!   to the next working day's handoff, so a Friday turn runs to Monday's handoff;
//! - weekly: from the handoff weekday and time to the same a week later;
//! - per sprint: from the sprint's first day at the handoff time to the day after its last day;
//! - standing: one window over the whole horizon, midnight to midnight.
//!
//! Windows of daily, weekly and standing policies tile `[first day 00:00, day after last 00:00)`
//! of the horizon: the first window is the one running at the horizon's first midnight.
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

/// How far the daily search looks for a working day before giving up (a team with a year of
/// holidays has no daily turns).
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
    let (h0, h1) = cal.bounds(horizon);
    let handoff = |d: NaiveDate| cal.at(d, policy.handoff.time);
    let first = (0..SEARCH_DAYS)
        .map(|back| horizon.first - Duration::days(back))
        .find(|d| cal.is_working_day(*d) && handoff(*d) <= h0)
        .or_else(|| next_working_day(cal, horizon.first - Duration::days(1)));
    let mut out = Vec::new();
    let Some(mut day) = first else { return out };
    let mut start = handoff(day);
    while start < h1 {
        let Some(next) = next_working_day(cal, day) else { break };
        let end = handoff(next);
        out.push(Window { start, end });
        (day, start) = (next, end);
    }
    out
}

fn next_working_day(cal: &Calendar, after: NaiveDate) -> Option<NaiveDate> {
    (1..=SEARCH_DAYS)
        .map(|n| after + Duration::days(n))
        .find(|d| cal.is_working_day(*d))
}

fn weekly(policy: &PolicySpec, cal: &Calendar, horizon: DateSpan) -> Vec<Window> {
    let (h0, h1) = cal.bounds(horizon);
    let handoff = |d: NaiveDate| cal.at(d, policy.handoff.time);
    let back = (7 + horizon.first.weekday().num_days_from_monday() as i64
        - policy.handoff.weekday.num_days_from_monday() as i64)
        % 7;
    let mut day = horizon.first - Duration::days(back);
    if handoff(day) > h0 {
        day -= Duration::days(7);
    }
    let mut out = Vec::new();
    let mut start = handoff(day);
    while start < h1 {
        let end = handoff(day + Duration::days(7));
        out.push(Window { start, end });
        day += Duration::days(7);
        start = end;
    }
    out
}

fn per_sprint(policy: &PolicySpec, cal: &Calendar, horizon: DateSpan) -> Vec<Window> {
    let (h0, h1) = cal.bounds(horizon);
    cal.sprints()
        .into_iter()
        .map(|s| Window {
            start: cal.at(s.spec.start, policy.handoff.time),
            end: cal.at(s.spec.end + Duration::days(1), policy.handoff.time),
        })
        .filter(|w| w.start < h1 && h0 < w.end)
        .collect()
}

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
//! starts in June, the last one running to the first handoff in July. So that a plan covers its
//! horizon from the first instant, the window running at the horizon's first midnight (it started
//! before the horizon: last Friday's daily turn, last Monday's weekly one, a sprint already
//! under way) contributes its *lead-in*, `[first day 00:00, first handoff in the horizon)`, as a
//! window of its own. Windows of daily and weekly policies therefore tile `[first day 00:00,
//! first handoff after the horizon)` with no gap and no overlap (a horizon starting on a handoff
//! at 00:00 has no lead-in); the standing window is `[first day 00:00, day after last 00:00)`.
//! Keeping the handoffs where they are (instead of starting a full turn at midnight) keeps a
//! Mon–Fri daily rotation's rounds aligned with calendar weeks.
use chrono::{DateTime, Datelike, Duration, NaiveDate, Utc};

use super::calendar::{Calendar, RotationContext};
use super::policy::{PolicyKind, PolicySpec};
use crate::time::DateSpan;

/// A stretch of time one turn should cover, `[start, end)`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Window {
    /// The handoff that opens it (the horizon's first midnight for a lead-in).
    pub start: DateTime<Utc>,
    /// The handoff that closes it.
    pub end: DateTime<Utc>,
}

impl Window {
    fn hours(&self) -> f64 {
        (self.end - self.start).num_seconds() as f64 / 3600.0
    }
}

/// How far the daily search looks for the next working day before giving up (a team with a year
/// of holidays has no daily turns).
const SEARCH_DAYS: i64 = 400;

/// The turn windows of `policy` over `horizon` (local days of the team, inclusive), in order: the
/// lead-in first when there is one (see the module docs), then one window per handoff in the
/// horizon.
pub fn turn_windows(policy: &PolicySpec, ctx: &RotationContext, horizon: DateSpan) -> Vec<Window> {
    windows(policy, &Calendar::new(ctx), horizon)
}

/// The windows of a policy over a horizon, the lead-in kept apart.
pub(crate) struct Tiling {
    /// The horizon's first instant (local midnight of its first day).
    pub from: DateTime<Utc>,
    /// The whole window running at `from`, started before it, when `from` is not a handoff.
    pub before: Option<Window>,
    /// The windows starting inside the horizon.
    pub windows: Vec<Window>,
}

impl Tiling {
    /// The part of `before` inside the horizon from `since` on (`from` or later), and which
    /// share of a whole turn it is (by duration); `None` when empty.
    pub fn lead_in(&self, since: DateTime<Utc>) -> Option<(Window, f64)> {
        let before = self.before?;
        let start = since.max(self.from).max(before.start);
        (start < before.end).then(|| {
            let part = Window { start, end: before.end };
            (part, (part.hours() / before.hours()).clamp(0.0, 1.0))
        })
    }
}

pub(crate) fn windows(policy: &PolicySpec, cal: &Calendar, horizon: DateSpan) -> Vec<Window> {
    let t = tiling(policy, cal, horizon);
    let lead = t.lead_in(t.from).map(|(w, _)| w);
    lead.into_iter().chain(t.windows).collect()
}

pub(crate) fn tiling(policy: &PolicySpec, cal: &Calendar, horizon: DateSpan) -> Tiling {
    let from = cal.midnight(horizon.first);
    let (before, windows) = match policy.kind {
        PolicyKind::Daily => daily(policy, cal, horizon),
        PolicyKind::Weekly => weekly(policy, cal, horizon),
        PolicyKind::Sprint => per_sprint(policy, cal, horizon),
        PolicyKind::Standing => {
            let (start, end) = cal.bounds(horizon);
            (None, vec![Window { start, end }])
        }
    };
    Tiling {
        from,
        before: before.filter(|b| b.start < from && from < b.end),
        windows,
    }
}

fn daily(policy: &PolicySpec, cal: &Calendar, horizon: DateSpan) -> (Option<Window>, Vec<Window>) {
    let handoff = |d: NaiveDate| cal.at(d, policy.handoff.time);
    let mut out = Vec::new();
    let Some(first) = next_working_day(cal, horizon.first - Duration::days(1)) else {
        return (None, out);
    };
    let before = previous_working_day(cal, horizon.first).map(|d| Window {
        start: handoff(d),
        end: handoff(first),
    });
    let mut day = first;
    while day <= horizon.last {
        let Some(next) = next_working_day(cal, day) else { break };
        out.push(Window {
            start: handoff(day),
            end: handoff(next),
        });
        day = next;
    }
    (before, out)
}

fn next_working_day(cal: &Calendar, after: NaiveDate) -> Option<NaiveDate> {
    (1..=SEARCH_DAYS)
        .map(|n| after + Duration::days(n))
        .find(|d| cal.is_working_day(*d))
}

fn previous_working_day(cal: &Calendar, before: NaiveDate) -> Option<NaiveDate> {
    (1..=SEARCH_DAYS)
        .map(|n| before - Duration::days(n))
        .find(|d| cal.is_working_day(*d))
}

fn weekly(policy: &PolicySpec, cal: &Calendar, horizon: DateSpan) -> (Option<Window>, Vec<Window>) {
    let handoff = |d: NaiveDate| cal.at(d, policy.handoff.time);
    let ahead = (7 + policy.handoff.weekday.num_days_from_monday() as i64
        - horizon.first.weekday().num_days_from_monday() as i64)
        % 7;
    let mut day = horizon.first + Duration::days(ahead);
    let before = Window {
        start: handoff(day - Duration::days(7)),
        end: handoff(day),
    };
    let mut out = Vec::new();
    while day <= horizon.last {
        let next = day + Duration::days(7);
        out.push(Window {
            start: handoff(day),
            end: handoff(next),
        });
        day = next;
    }
    (Some(before), out)
}

fn per_sprint(policy: &PolicySpec, cal: &Calendar, horizon: DateSpan) -> (Option<Window>, Vec<Window>) {
    let window = |s: &crate::sprint::Sprint| Window {
        start: cal.at(s.spec.start, policy.handoff.time),
        end: cal.at(s.spec.end + Duration::days(1), policy.handoff.time),
    };
    let sprints = cal.sprints();
    let before = sprints
        .iter()
        .filter(|s| s.spec.start < horizon.first && s.spec.end >= horizon.first)
        .map(|s| window(s))
        .max_by_key(|w| w.end);
    let out = sprints
        .into_iter()
        .filter(|s| horizon.contains(s.spec.start))
        .map(window)
        .collect();
    (before, out)
}

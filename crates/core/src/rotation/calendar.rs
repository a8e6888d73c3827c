//! What the planner, the validator and the fairness report know about a team's days: its zone,
//! working days, holidays, release days, members and their time off — indexed once so every
//! question ("is Ben away on any day of this turn?") is a few comparisons.
use std::cell::RefCell;
use std::collections::HashMap;

use chrono::{DateTime, Duration, NaiveDate, NaiveTime, Utc};
use chrono_tz::Tz;

use super::policy::{DutyPolicy, LoadWeights};
use crate::member::Member;
use crate::sprint::Sprint;
use crate::time::{resolve_local, DateSpan, WorkingDays};
use crate::time_off::{Holiday, TimeOff};
use crate::Id;

/// Everything about a team a rotation is planned, checked or measured against. Owned, so the
/// store can load it once and the UI can re-check edits against it cheaply.
#[derive(Debug, Clone)]
pub struct RotationContext {
    /// The team's IANA zone; handoffs are wall-clock times in it.
    pub zone: Tz,
    /// The team's working days.
    pub working_days: WorkingDays,
    /// The duty policies (of this team, plus escalation targets of other teams if known).
    pub policies: Vec<DutyPolicy>,
    /// The team's members (plus members of other teams named by escalation turns, if known).
    pub members: Vec<Member>,
    /// Time off of the members.
    pub time_off: Vec<TimeOff>,
    /// Team holidays.
    pub holidays: Vec<Holiday>,
    /// Sprints (needed for per-sprint policies).
    pub sprints: Vec<Sprint>,
    /// Release days; duty hours on them weigh more.
    pub release_days: Vec<NaiveDate>,
}

impl RotationContext {
    /// The policy with `id`, if known.
    pub fn policy(&self, id: Id) -> Option<&DutyPolicy> {
        self.policies.iter().find(|p| p.id == id)
    }
}

/// The indexed form of a [`RotationContext`].
pub(crate) struct Calendar<'a> {
    pub ctx: &'a RotationContext,
    holidays: HashMap<NaiveDate, &'a str>,
    release_days: Vec<NaiveDate>,
    /// Members sorted by id (binary search beats hashing for a team-sized list).
    members: Vec<(Id, &'a Member)>,
    /// Time off per member, sorted by member id, each list by first day.
    time_off: Vec<(Id, Vec<&'a TimeOff>)>,
    /// Local midnights already resolved; converting a wall-clock time is the costly step.
    midnights: RefCell<HashMap<NaiveDate, DateTime<Utc>>>,
}

impl<'a> Calendar<'a> {
    pub fn new(ctx: &'a RotationContext) -> Self {
        let mut time_off: HashMap<Id, Vec<&TimeOff>> = HashMap::new();
        for t in &ctx.time_off {
            time_off.entry(t.spec.member_id).or_default().push(t);
        }
        for spans in time_off.values_mut() {
            spans.sort_by_key(|t| t.spec.days.first);
        }
        let mut time_off: Vec<(Id, Vec<&TimeOff>)> = time_off.into_iter().collect();
        time_off.sort_unstable_by_key(|(id, _)| *id);
        let mut release_days = ctx.release_days.clone();
        release_days.sort_unstable();
        let mut members: Vec<(Id, &Member)> = ctx.members.iter().map(|m| (m.id, m)).collect();
        members.sort_by_key(|(id, _)| *id);
        Self {
            ctx,
            holidays: ctx.holidays.iter().map(|h| (h.date, h.name.as_str())).collect(),
            release_days,
            members,
            time_off,
            midnights: RefCell::new(HashMap::new()),
        }
    }

    pub fn zone(&self) -> Tz {
        self.ctx.zone
    }

    pub fn member(&self, id: Id) -> Option<&'a Member> {
        let i = self.members.binary_search_by_key(&id, |(m, _)| *m).ok()?;
        Some(self.members[i].1)
    }

    /// The member's name, or "member N" when unknown (e.g. another team's).
    pub fn name(&self, id: Id) -> String {
        self.member(id)
            .map_or_else(|| format!("member {id}"), |m| m.spec.name.clone())
    }

    pub fn holiday(&self, day: NaiveDate) -> Option<&'a str> {
        self.holidays.get(&day).copied()
    }

    /// A team working day: one of the working weekdays and not a holiday.
    pub fn is_working_day(&self, day: NaiveDate) -> bool {
        self.ctx.working_days.includes(day) && !self.holidays.contains_key(&day)
    }

    /// The instant of local wall-clock `time` on `day` (DST-resolved).
    pub fn at(&self, day: NaiveDate, time: NaiveTime) -> DateTime<Utc> {
        resolve_local(self.ctx.zone, day.and_time(time))
    }

    /// The instant the local `day` begins.
    pub fn midnight(&self, day: NaiveDate) -> DateTime<Utc> {
        *self
            .midnights
            .borrow_mut()
            .entry(day)
            .or_insert_with(|| self.at(day, NaiveTime::MIN))
    }

    pub fn local_date(&self, at: DateTime<Utc>) -> NaiveDate {
        at.with_timezone(&self.ctx.zone).date_naive()
    }

    /// The instants `[first day 00:00, day after last 00:00)` of a span of local days.
    pub fn bounds(&self, span: DateSpan) -> (DateTime<Utc>, DateTime<Utc>) {
        (self.midnight(span.first), self.midnight(span.last + Duration::days(1)))
    }

    /// The local days a turn `[start, end)` is on duty: from the start's day up to the day
    /// before the end's day (a turn ending at Tuesday 09:00 is Monday's duty), at least one.
    pub fn duty_days(&self, start: DateTime<Utc>, end: DateTime<Utc>) -> DateSpan {
        let first = self.local_date(start);
        let end_day = self.local_date(end);
        let last = if end_day > first {
            end_day - Duration::days(1)
        } else {
            first
        };
        DateSpan { first, last }
    }

    /// The first time off of `member` that shares a day with `days`.
    pub fn time_off_during(&self, member: Id, days: DateSpan) -> Option<&'a TimeOff> {
        let i = self.time_off.binary_search_by_key(&member, |(m, _)| *m).ok()?;
        self.time_off[i]
            .1
            .iter()
            .take_while(|t| t.spec.days.first <= days.last)
            .find(|t| t.spec.days.overlaps(&days))
            .copied()
    }

    /// Whether `member` is known, active on every day of `days`, and not away on any of them.
    pub fn available(&self, member: Id, days: DateSpan) -> bool {
        self.member(member)
            .is_some_and(|m| m.is_active_on(days.first) && m.is_active_on(days.last))
            && self.time_off_during(member, days).is_none()
    }

    /// How much an hour on `day` weighs: the largest multiplier that applies, 1 on a plain
    /// working day.
    pub fn day_weight(&self, day: NaiveDate, w: &LoadWeights) -> f64 {
        let mut weight: f64 = 1.0;
        if !self.ctx.working_days.includes(day) {
            weight = weight.max(w.weekend);
        }
        if self.holidays.contains_key(&day) {
            weight = weight.max(w.holiday);
        }
        if self.release_days.binary_search(&day).is_ok() {
            weight = weight.max(w.release_day);
        }
        weight
    }

    /// The weighted duty hours of `[start, end)`: each hour counts with its day's weight.
    pub fn weighted_hours(&self, start: DateTime<Utc>, end: DateTime<Utc>, w: &LoadWeights) -> f64 {
        let mut total = 0.0;
        let mut day = self.local_date(start);
        let mut day_start = self.midnight(day);
        while day_start < end {
            let next = day + Duration::days(1);
            let next_start = self.midnight(next);
            let from = start.max(day_start);
            let to = end.min(next_start);
            if to > from {
                total += (to - from).num_seconds() as f64 / 3600.0 * self.day_weight(day, w);
            }
            day = next;
            day_start = next_start;
        }
        total
    }

    /// The team's sprints sorted by start.
    pub fn sprints(&self) -> Vec<&'a Sprint> {
        let mut v: Vec<&Sprint> = self.ctx.sprints.iter().collect();
        v.sort_by_key(|s| s.spec.start);
        v
    }
}

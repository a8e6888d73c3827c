//! Planning each sprint's release: the first production day a lag after the sprint, moved past
//! freezes and ops holidays to the next valid slot, with its routine events and warnings.
use chrono::{DateTime, Datelike, Duration, NaiveDate, NaiveTime, Utc};
use chrono_tz::Tz;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::{FreezeWindow, ReleaseTrainSpec, ReleaseWarning, RoutineEvents, WarningKind};
use crate::sprint::Sprint;
use crate::time::resolve_local;
use crate::time_off::{Holiday, TimeOff};
use crate::Id;

/// How many weekly slots after the target the planner tries before giving up.
const MAX_SLOTS_TRIED: i64 = 26;

/// A span of time, `start` inclusive to `end` exclusive.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Window {
    /// Start instant.
    pub start: DateTime<Utc>,
    /// End instant.
    pub end: DateTime<Utc>,
}

/// One ops duty turn, reduced to what release planning needs.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct DutyCover {
    /// The member on duty.
    pub member_id: Id,
    /// Their name, for warnings.
    pub member_name: String,
    /// Turn start.
    pub start: DateTime<Utc>,
    /// Turn end.
    pub end: DateTime<Utc>,
}

/// A production day chosen by hand (dragged on the timeline); the planner keeps it and warns.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ReleasePin {
    /// The sprint whose release is pinned.
    pub sprint_id: Id,
    /// The chosen production day.
    pub production_day: NaiveDate,
}

/// Everything the planner reads besides the train and the zone.
#[derive(Debug, Clone, Copy, Default)]
pub struct ReleaseInputs<'a> {
    /// The dev team's sprints.
    pub sprints: &'a [Sprint],
    /// The ops team's holidays.
    pub ops_holidays: &'a [Holiday],
    /// Freeze windows of the train.
    pub freezes: &'a [FreezeWindow],
    /// The ops team's duty turns around the planned period.
    pub duty_cover: &'a [DutyCover],
    /// The ops team's time off.
    pub ops_time_off: &'a [TimeOff],
    /// Releases placed by hand.
    pub pins: &'a [ReleasePin],
}

/// One planned release of one sprint.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Release {
    /// The sprint released.
    pub sprint_id: Id,
    /// The sprint's name.
    pub sprint_name: String,
    /// The sprint's last day.
    pub sprint_end: NaiveDate,
    /// The production day (local, in the ops team's zone).
    pub production_day: NaiveDate,
    /// The release-candidate pre-production push.
    pub rc_push: DateTime<Utc>,
    /// The production release.
    pub production: DateTime<Utc>,
    /// The ops duty person's high alert on the production day.
    pub high_alert: Window,
    /// Regression / load testing by the ops team, ending at the push.
    pub regression: Window,
    /// The production day the lag pointed to, when a freeze or holiday moved the release.
    pub moved_from: Option<NaiveDate>,
    /// Why it moved.
    pub move_reason: Option<String>,
    /// Whether the production day was chosen by hand.
    pub pinned: bool,
    /// The ops members on duty during the high alert.
    pub on_duty: Vec<Id>,
    /// Everything that needs a look.
    pub warnings: Vec<ReleaseWarning>,
}

/// Plans one release per sprint in `inputs.sprints` (ordered by sprint end), in the ops team's
/// `zone`.
///
/// The target production day is the first `release_weekday` on or after the sprint's last day
/// plus `lag_weeks` weeks. A target in a freeze window or on an ops holiday (also when the
/// release-candidate push falls on an ops holiday) moves a week at a time, up to 26 weeks, and the
/// release says from where and why. A pinned release stays where it was put. Warnings: no duty
/// cover during the high alert, a duty person on time off that day, a release on a holiday or in
/// a freeze, a lag under the minimum (or a push before the sprint ends), two releases in one
/// weekend, no valid slot found.
pub fn plan_releases(train: &ReleaseTrainSpec, inputs: &ReleaseInputs, zone: Tz) -> Vec<Release> {
    let mut sprints: Vec<&Sprint> = inputs.sprints.iter().collect();
    sprints.sort_by_key(|s| (s.spec.end, s.id));
    let mut releases: Vec<Release> = sprints.into_iter().map(|s| plan_one(train, inputs, zone, s)).collect();
    warn_shared_weekends(&mut releases);
    releases
}

fn plan_one(train: &ReleaseTrainSpec, inputs: &ReleaseInputs, zone: Tz, sprint: &Sprint) -> Release {
    let r = &train.routine;
    let target = target_day(sprint.spec.end, train.lag_weeks, r);
    let pin = inputs.pins.iter().find(|p| p.sprint_id == sprint.id);
    let mut warnings = Vec::new();
    let (day, moved_from, move_reason) = match pin {
        Some(p) => (p.production_day, None, None),
        None => match next_valid(inputs, r, target) {
            Ok((day, reason)) if day == target => (day, None, reason),
            Ok((day, reason)) => (day, Some(target), reason),
            Err(reason) => {
                warnings.push(ReleaseWarning::new(
                    WarningKind::NoValidSlot,
                    format!("no valid slot in the {MAX_SLOTS_TRIED} weeks after {target}: {reason}"),
                ));
                (target, None, None)
            }
        },
    };
    let mut rel = build(zone, r, sprint, day);
    rel.moved_from = moved_from;
    rel.move_reason = move_reason;
    rel.pinned = pin.is_some();
    warnings.extend(slot_warnings(inputs, r, &rel));
    let (on_duty, duty_warnings) = duty_warnings(inputs, zone, &rel);
    rel.on_duty = on_duty;
    warnings.extend(duty_warnings);
    rel.warnings = warnings;
    rel
}

/// The first release weekday on or after `end + lag_weeks` weeks.
fn target_day(end: NaiveDate, lag_weeks: u8, r: &RoutineEvents) -> NaiveDate {
    let earliest = end + Duration::weeks(i64::from(lag_weeks));
    let ahead = (7 + r.release_weekday.num_days_from_monday() - earliest.weekday().num_days_from_monday()) % 7;
    earliest + Duration::days(i64::from(ahead))
}

/// The first unblocked slot from `target` on, a week at a time, with the reason the target was
/// blocked (if it was); `Err` with the last reason when every slot tried is blocked.
fn next_valid(
    inputs: &ReleaseInputs,
    r: &RoutineEvents,
    target: NaiveDate,
) -> Result<(NaiveDate, Option<String>), String> {
    let mut first_reason = None;
    for week in 0..=MAX_SLOTS_TRIED {
        let day = target + Duration::weeks(week);
        match blocker(inputs, r, day) {
            None => return Ok((day, first_reason)),
            Some(reason) => {
                first_reason.get_or_insert(reason);
            }
        }
    }
    Err(first_reason.unwrap_or_default())
}

/// Why a production day cannot be used, if it cannot.
fn blocker(inputs: &ReleaseInputs, r: &RoutineEvents, day: NaiveDate) -> Option<String> {
    if let Some(f) = inputs.freezes.iter().find(|f| f.contains(day)) {
        return Some(format!("{day} is in the freeze window \"{}\"", f.name));
    }
    let push_day = day - Duration::days(i64::from(r.rc_push_days_before));
    inputs
        .ops_holidays
        .iter()
        .find(|h| h.date == day || h.date == push_day)
        .map(|h| {
            let what = if h.date == day {
                "production day"
            } else {
                "release-candidate push"
            };
            format!("the {what} {} is an ops team holiday ({})", h.date, h.name)
        })
}

fn build(zone: Tz, r: &RoutineEvents, sprint: &Sprint, day: NaiveDate) -> Release {
    let at = |d: NaiveDate, t: NaiveTime| resolve_local(zone, d.and_time(t));
    let push_day = day - Duration::days(i64::from(r.rc_push_days_before));
    let rc_push = at(push_day, r.rc_push_time);
    let regression_day = push_day - Duration::days(i64::from(r.regression_days_before_push));
    Release {
        sprint_id: sprint.id,
        sprint_name: sprint.spec.name.clone(),
        sprint_end: sprint.spec.end,
        production_day: day,
        rc_push,
        production: at(day, r.release_time),
        high_alert: Window {
            start: at(day, r.high_alert_start),
            end: at(day, r.high_alert_end),
        },
        regression: Window {
            start: at(regression_day, r.regression_start_time).min(rc_push),
            end: rc_push,
        },
        moved_from: None,
        move_reason: None,
        pinned: false,
        on_duty: Vec::new(),
        warnings: Vec::new(),
    }
}

/// Freeze, holiday and lag warnings for the release's final slot.
fn slot_warnings(inputs: &ReleaseInputs, r: &RoutineEvents, rel: &Release) -> Vec<ReleaseWarning> {
    let day = rel.production_day;
    let mut out = Vec::new();
    for f in inputs.freezes.iter().filter(|f| f.contains(day)) {
        out.push(ReleaseWarning::new(
            WarningKind::InFreeze,
            format!("the production release on {day} is in the freeze window \"{}\"", f.name),
        ));
    }
    for h in inputs.ops_holidays.iter().filter(|h| h.date == day) {
        out.push(ReleaseWarning::new(
            WarningKind::OnHoliday,
            format!("the production release on {day} is on an ops team holiday ({})", h.name),
        ));
    }
    let lag = (day - rel.sprint_end).num_days();
    if lag < i64::from(r.min_lag_days) {
        let when = if lag == 1 {
            "the day after the sprint ends".to_owned()
        } else {
            format!("{lag} days after the sprint ends")
        };
        out.push(ReleaseWarning::new(
            WarningKind::LagTooShort,
            format!(
                "the production release is {when}; ops needs at least {} days",
                r.min_lag_days
            ),
        ));
    } else if rel.rc_push.date_naive() <= rel.sprint_end {
        out.push(ReleaseWarning::new(
            WarningKind::LagTooShort,
            format!(
                "the release-candidate push is before the sprint's last day ({}) is over",
                rel.sprint_end
            ),
        ));
    }
    out
}

/// Who covers the high alert, and warnings for gaps in cover and duty people on time off.
fn duty_warnings(inputs: &ReleaseInputs, zone: Tz, rel: &Release) -> (Vec<Id>, Vec<ReleaseWarning>) {
    let w = rel.high_alert;
    let mut covers: Vec<&DutyCover> = inputs
        .duty_cover
        .iter()
        .filter(|c| c.start < w.end && w.start < c.end)
        .collect();
    covers.sort_by_key(|c| (c.start, c.member_id));
    let mut warnings = Vec::new();
    if let Some(gap) = first_gap(&covers, w) {
        let local = gap.with_timezone(&zone).format("%Y-%m-%d %H:%M");
        warnings.push(ReleaseWarning::new(
            WarningKind::NoDutyCover,
            format!(
                "nobody on ops duty from {local} during the high alert of the release on {}",
                rel.production_day
            ),
        ));
    }
    let mut on_duty: Vec<Id> = Vec::new();
    for c in &covers {
        if on_duty.contains(&c.member_id) {
            continue;
        }
        on_duty.push(c.member_id);
        let away = inputs
            .ops_time_off
            .iter()
            .any(|t| t.spec.member_id == c.member_id && t.spec.days.contains(rel.production_day));
        if away {
            warnings.push(ReleaseWarning::new(
                WarningKind::DutyOnTimeOff,
                format!(
                    "{} is on duty for the release on {} but has time off that day",
                    c.member_name, rel.production_day
                ),
            ));
        }
    }
    (on_duty, warnings)
}

/// The first instant of `w` no cover spans, if any; `covers` sorted by start.
fn first_gap(covers: &[&DutyCover], w: Window) -> Option<DateTime<Utc>> {
    let mut covered_to = w.start;
    for c in covers {
        if c.start > covered_to {
            return Some(covered_to);
        }
        covered_to = covered_to.max(c.end);
        if covered_to >= w.end {
            return None;
        }
    }
    (covered_to < w.end).then_some(covered_to)
}

/// Warns on every release that shares a weekend (Saturday and the following Sunday; other
/// weekdays count on their own) with another.
fn warn_shared_weekends(releases: &mut [Release]) {
    let key = |d: NaiveDate| {
        if d.weekday() == chrono::Weekday::Sun {
            d - Duration::days(1)
        } else {
            d
        }
    };
    let keys: Vec<NaiveDate> = releases.iter().map(|r| key(r.production_day)).collect();
    let names: Vec<String> = releases.iter().map(|r| r.sprint_name.clone()).collect();
    for (i, rel) in releases.iter_mut().enumerate() {
        let others: Vec<String> = keys
            .iter()
            .enumerate()
            .filter(|(j, k)| *j != i && **k == keys[i])
            .map(|(j, _)| names[j].clone())
            .collect();
        if !others.is_empty() {
            rel.warnings.push(ReleaseWarning::new(
                WarningKind::TwoInOneWeekend,
                format!("released the same weekend ({}) as {}", keys[i], others.join(", ")),
            ));
        }
    }
}

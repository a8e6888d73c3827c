//! Duty covers: the capacity model's own view of "who is on duty when", independent of how the
//! rotation planner produces turns (the caller maps turns, overrides and shadows to covers).
//!
//! A cover reduces a member's focus on a local day in proportion to how much of the member's
//! working window (by default 09:00–17:00 in the team's zone) it covers: a Batman turn from
//! Monday 09:00 to Tuesday 09:00 takes all of Monday and none of Tuesday; a turn handed off at
//! 12:00 takes 5/8 of that day. When several covers touch the same day, the one that leaves the
//! least focus wins (covers do not stack).
use chrono::{DateTime, NaiveDate, NaiveTime, Utc};
use chrono_tz::Tz;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::time::resolve_local;
use crate::{Id, Invalid};

/// A stretch of duty for one member: from `start` to `end` (UTC) the member keeps only
/// `focus_share` of their capacity for sprint work.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct DutyCover {
    /// The member on duty.
    pub member_id: Id,
    /// When the cover begins (inclusive).
    pub start: DateTime<Utc>,
    /// When the cover ends (exclusive); after `start`.
    pub end: DateTime<Utc>,
    /// Share of capacity left for sprint work while covering, 0 to 1 (0 on a Batman day).
    pub focus_share: f64,
    /// What the duty is called, e.g. "Op of the Week".
    pub label: String,
}

impl DutyCover {
    /// Rejects a cover that ends before it starts or a focus share outside 0..=1.
    pub fn validate(&self) -> Result<(), Invalid> {
        if self.end <= self.start {
            return Err(Invalid::new(
                "covers",
                format!(
                    "the \"{}\" cover of member {} ends ({}) before it starts ({})",
                    self.label, self.member_id, self.end, self.start
                ),
            ));
        }
        if !(0.0..=1.0).contains(&self.focus_share) {
            return Err(Invalid::new(
                "covers",
                format!(
                    "the focus share of \"{}\" must be between 0 and 1 (0 % to 100 %), not {}",
                    self.label, self.focus_share
                ),
            ));
        }
        Ok(())
    }
}

/// A member's working window on one local day, as UTC instants.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Window {
    start: DateTime<Utc>,
    end: DateTime<Utc>,
}

impl Window {
    /// The window `from..to` (local wall-clock in `zone`) on `day`; DST-safe via `resolve_local`.
    pub(crate) fn on(zone: Tz, day: NaiveDate, from: NaiveTime, to: NaiveTime) -> Self {
        Self {
            start: resolve_local(zone, day.and_time(from)),
            end: resolve_local(zone, day.and_time(to)),
        }
    }

    /// The fraction (0..=1) of this window that `cover` spans.
    fn covered_by(&self, cover: &DutyCover) -> f64 {
        let len = (self.end - self.start).num_seconds();
        if len <= 0 {
            return 0.0;
        }
        let from = self.start.max(cover.start);
        let to = self.end.min(cover.end);
        let overlap = (to - from).num_seconds().max(0);
        overlap as f64 / len as f64
    }
}

/// The duty a member has on one day: the strongest cover touching the day's window.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct DutyOnDay {
    /// Fraction of the working window covered, 0..=1.
    pub(crate) coverage: f64,
    /// The cover's focus share.
    pub(crate) share: f64,
    /// The cover's label.
    pub(crate) label: String,
}

impl DutyOnDay {
    /// Multiplier on the member's capacity: `1 − coverage × (1 − share)`.
    pub(crate) fn factor(&self) -> f64 {
        1.0 - self.coverage * (1.0 - self.share)
    }
}

/// The cover among `covers` (already the member's own) that leaves the least focus in `window`;
/// `None` when none touches it.
pub(crate) fn duty_on(covers: &[&DutyCover], window: Window) -> Option<DutyOnDay> {
    covers
        .iter()
        .filter_map(|c| {
            let coverage = window.covered_by(c);
            (coverage > 0.0).then(|| DutyOnDay {
                coverage,
                share: c.focus_share,
                label: c.label.clone(),
            })
        })
        .min_by(|a, b| a.factor().total_cmp(&b.factor()))
}

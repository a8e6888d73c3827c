//! A train's plan as the releases screen and the calendar export read it: the stored train with
//! its teams' names, the stored freezes, and the assembly of the planned releases with the
//! frozen stretches and holidays around them.
use chrono::{Duration, NaiveDate};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::{FreezeWindow, Release, ReleaseTrain};
use crate::sprint::Sprint;
use crate::time::DateSpan;
use crate::time_off::Holiday;
use crate::Id;

/// A stored release train with its name and the names of both teams.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct TrainInfo {
    /// The train (id, teams, lag, routine events).
    #[serde(flatten)]
    #[ts(flatten)]
    pub train: ReleaseTrain,
    /// Unique name, e.g. "Phoenix-Atlas".
    pub name: String,
    /// The dev team's name.
    pub dev_team: String,
    /// The ops team's name.
    pub ops_team: String,
}

/// A stored freeze window of a team.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct StoredFreeze {
    /// Row id.
    pub id: Id,
    /// The team it belongs to.
    pub team_id: Id,
    /// Name and span.
    #[serde(flatten)]
    #[ts(flatten)]
    pub window: FreezeWindow,
}

/// A concrete frozen stretch, for a timeline.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct FrozenDays {
    /// The freeze window's name.
    pub name: String,
    /// The frozen days, inclusive.
    pub days: DateSpan,
}

/// The planned releases of one train, with what a timeline shows around them.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct TrainPlan {
    /// The train.
    pub train: TrainInfo,
    /// The ops team's zone (IANA name); every local time is read there.
    pub zone: String,
    /// The days the plan covers: from the first sprint's start to a week after the last release.
    pub range: DateSpan,
    /// The dev sprints released, by end.
    pub sprints: Vec<Sprint>,
    /// One release per sprint.
    pub releases: Vec<Release>,
    /// Frozen stretches in the range (freezes of both teams).
    pub freezes: Vec<FrozenDays>,
    /// Ops team holidays in the range.
    pub holidays: Vec<Holiday>,
}

/// Puts a train's plan together: the shown range runs from the first sprint's start to a week
/// after the last production day (or is `asked` when there is nothing to show), with the frozen
/// stretches and the ops team's holidays inside it.
pub fn train_plan(
    train: TrainInfo,
    ops_zone: chrono_tz::Tz,
    mut sprints: Vec<Sprint>,
    releases: Vec<Release>,
    freezes: &[StoredFreeze],
    ops_holidays: Vec<Holiday>,
    asked: Option<DateSpan>,
) -> TrainPlan {
    let first = sprints.iter().map(|s| s.spec.start).min();
    let last = releases.iter().map(|r| r.production_day).max();
    let shown = match (first, last, asked) {
        (Some(a), Some(b), _) => DateSpan {
            first: a,
            last: b.max(a) + Duration::days(7),
        },
        (_, _, Some(r)) => r,
        _ => {
            let d = NaiveDate::from_ymd_opt(2000, 1, 1).expect("valid date");
            DateSpan { first: d, last: d }
        }
    };
    let mut frozen: Vec<FrozenDays> = freezes
        .iter()
        .flat_map(|f| {
            f.window.spans_in(shown).into_iter().map(|days| FrozenDays {
                name: f.window.name.clone(),
                days,
            })
        })
        .collect();
    frozen.sort_by_key(|f| (f.days.first, f.name.clone()));
    sprints.sort_by_key(|s| (s.spec.end, s.id));
    TrainPlan {
        zone: ops_zone.name().to_owned(),
        range: shown,
        sprints,
        releases,
        freezes: frozen,
        holidays: ops_holidays.into_iter().filter(|h| shown.contains(h.date)).collect(),
        train,
    }
}

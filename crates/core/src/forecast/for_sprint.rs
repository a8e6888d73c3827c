//! One entry point for "what can we commit to in this sprint?", shared by the CLI and the app:
//! from a team's owned data ([`TeamData`]) to the sprint's capacity report, the history of closed
//! sprints and the forecast, with what-if toggles applied to the planned sprint only.
//!
//! - Duty covers come from the stored turns ([`covers_from_turns`]); without turns nobody is on duty.
//! - History: every closed sprint except the planned one, oldest first, each with the focus
//!   person-days its own capacity report gives (same covers, time off and interrupt window).
//!   Closed sprints without any focus time are left out and said so.
//! - Interrupt window: the days from the first closed sprint's start to the last one's end (at
//!   most the last two years of it), so the planned sprint pays the interrupt cost the history
//!   had; with no closed sprint yet, the four weeks before the planned sprint.
use chrono::{DateTime, Duration, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::{
    backtest, forecast, sprints_to_done, BacklogForecast, Backtest, FocusPlan, Forecast, ForecastSettings, PastSprint,
};
use crate::capacity::{
    apply_what_ifs, capacity_report, covers_from_turns, CapacityInput, CapacityReport, CapacitySettings, DutyCover,
    WhatIf,
};
use crate::interrupt::Interrupt;
use crate::member::Member;
use crate::rotation::{DutyPolicy, Turn};
use crate::sprint::Sprint;
use crate::team::Team;
use crate::time::{resolve_local, DateSpan};
use crate::time_off::{Holiday, TimeOff};
use crate::{Id, Invalid};

/// Longest interrupt window, in days (two years).
const MAX_WINDOW_DAYS: i64 = 730;
/// Days before the planned sprint measured when no sprint is closed yet.
const FALLBACK_WINDOW_DAYS: i64 = 28;

/// Everything about one team the capacity and forecast screens read, owned (the store loads it
/// in one call).
#[derive(Debug, Clone)]
pub struct TeamData {
    /// The team.
    pub team: Team,
    /// Its members.
    pub members: Vec<Member>,
    /// Time off of its members.
    pub time_off: Vec<TimeOff>,
    /// Team holidays.
    pub holidays: Vec<Holiday>,
    /// The interrupt log.
    pub interrupts: Vec<Interrupt>,
    /// Sprints, in any order.
    pub sprints: Vec<Sprint>,
    /// Duty policies of the team.
    pub policies: Vec<DutyPolicy>,
    /// Turns of those policies.
    pub turns: Vec<Turn>,
}

/// The capacity of one sprint, ready to show.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct SprintCapacity {
    /// The sprint.
    pub sprint: Sprint,
    /// The per-person × per-day grid, totals and scenarios (what-ifs applied).
    pub report: CapacityReport,
    /// Which days the interrupt cost was measured over, and why.
    pub interrupt_window_note: String,
    /// Duty covers from stored turns that touch the sprint (before what-ifs).
    pub planned_covers: u32,
    /// One sentence per what-if applied, in order.
    pub what_ifs: Vec<String>,
}

/// Capacity, history and forecast of one sprint.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct SprintForecast {
    /// The sprint's capacity.
    pub capacity: SprintCapacity,
    /// The history the forecast learnt from, oldest first.
    pub history: Vec<PastSprint>,
    /// Closed sprints left out of the history, and why.
    pub left_out: Vec<String>,
    /// The forecast; `None` when there is no usable history (see `no_forecast`).
    pub forecast: Option<Forecast>,
    /// Why there is no forecast.
    pub no_forecast: Option<String>,
}

/// The backtest of a team's history.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct TeamBacktest {
    /// The history backtested, oldest first.
    pub history: Vec<PastSprint>,
    /// Closed sprints left out of the history, and why.
    pub left_out: Vec<String>,
    /// Which days the interrupt cost was measured over.
    pub interrupt_window_note: String,
    /// Forecast against outcome per sprint, and the P85 hit rate.
    pub backtest: Backtest,
}

/// The sprint to plan on `today`: the running one, else the next one to start, else the latest
/// open one; `None` when every sprint is closed and none is running or ahead.
pub fn default_sprint(sprints: &[Sprint], today: NaiveDate) -> Option<&Sprint> {
    let running = sprints.iter().find(|s| s.spec.start <= today && today <= s.spec.end);
    running
        .or_else(|| {
            sprints
                .iter()
                .filter(|s| s.spec.start > today)
                .min_by_key(|s| s.spec.start)
        })
        .or_else(|| sprints.iter().filter(|s| !s.is_closed()).max_by_key(|s| s.spec.start))
}

/// The sprint to work on: `sprint_id` when given, else [`default_sprint`] on the team's local
/// day at `now`; an error a scrum master understands when the team has none to plan.
pub fn sprint_or_default(data: &TeamData, sprint_id: Option<Id>, now: DateTime<Utc>) -> Result<Id, Invalid> {
    if let Some(id) = sprint_id {
        return Ok(id);
    }
    let today = now.with_timezone(&data.team.spec.zone).date_naive();
    default_sprint(&data.sprints, today).map(|s| s.id).ok_or_else(|| {
        Invalid::new(
            "sprint",
            format!(
                "{} has no running or upcoming sprint; plan one first, or name the sprint to use",
                data.team.spec.name
            ),
        )
    })
}

/// What every computation of one team shares: covers from turns and the interrupt window.
struct Basis<'a> {
    data: &'a TeamData,
    covers: Vec<DutyCover>,
    window: DateSpan,
    window_note: String,
    settings: CapacitySettings,
}

impl<'a> Basis<'a> {
    fn new(data: &'a TeamData, planned: Option<DateSpan>, settings: CapacitySettings) -> Self {
        let (window, window_note) = interrupt_window(&data.sprints, planned);
        Self {
            data,
            covers: covers_from_turns(&data.turns, &data.policies, &data.members),
            window,
            window_note,
            settings,
        }
    }

    fn report(&self, covers: &[DutyCover], time_off: &[TimeOff], sprint: DateSpan) -> Result<CapacityReport, Invalid> {
        let input = CapacityInput {
            team: &self.data.team,
            members: &self.data.members,
            time_off,
            holidays: &self.data.holidays,
            covers,
            interrupts: &self.data.interrupts,
            interrupt_window: self.window,
            settings: self.settings,
        };
        capacity_report(&input, sprint)
    }

    /// History of closed sprints other than `except`, oldest first, and the ones left out.
    fn history(&self, except: Option<Id>) -> Result<(Vec<PastSprint>, Vec<String>), Invalid> {
        let mut closed: Vec<&Sprint> = self
            .data
            .sprints
            .iter()
            .filter(|s| s.is_closed() && Some(s.id) != except)
            .collect();
        closed.sort_by_key(|s| s.spec.start);
        let mut history = Vec::new();
        let mut left_out = Vec::new();
        for s in closed {
            let report = self.report(&self.covers, &self.data.time_off, s.span())?;
            match PastSprint::from_report(s, &report) {
                Some(p) if p.focus_days > 0.0 => history.push(p),
                _ => left_out.push(format!(
                    "{} had no focus person-days, so it tells nothing about velocity",
                    s.spec.name
                )),
            }
        }
        Ok((history, left_out))
    }
}

/// The interrupt window for a team's `sprints` and its note (see the module docs).
fn interrupt_window(sprints: &[Sprint], planned: Option<DateSpan>) -> (DateSpan, String) {
    let closed = sprints.iter().filter(|s| s.is_closed());
    let first = closed.clone().map(|s| s.spec.start).min();
    let last = closed.map(|s| s.spec.end).max();
    match (first, last) {
        (Some(first), Some(last)) => {
            let trimmed = first.max(last - Duration::days(MAX_WINDOW_DAYS - 1));
            let note = if trimmed > first {
                format!("interrupt cost measured over the last two years of closed sprints, {trimmed} to {last}")
            } else {
                format!("interrupt cost measured over the closed sprints, {first} to {last}")
            };
            (DateSpan { first: trimmed, last }, note)
        }
        _ => {
            let anchor = planned.map_or_else(|| NaiveDate::MIN + Duration::days(FALLBACK_WINDOW_DAYS), |p| p.first);
            let span = DateSpan {
                first: anchor - Duration::days(FALLBACK_WINDOW_DAYS),
                last: anchor - Duration::days(1),
            };
            let note = format!(
                "no closed sprint yet: interrupt cost measured over the {FALLBACK_WINDOW_DAYS} days before the sprint, \
                 {} to {}",
                span.first, span.last
            );
            (span, note)
        }
    }
}

fn find_sprint(data: &TeamData, sprint_id: Id) -> Result<&Sprint, Invalid> {
    data.sprints.iter().find(|s| s.id == sprint_id).ok_or_else(|| {
        Invalid::new(
            "sprint",
            format!("there is no sprint with id {sprint_id} in team {}", data.team.spec.name),
        )
    })
}

fn capacity_of(basis: &Basis<'_>, sprint: &Sprint, what_ifs: &[WhatIf]) -> Result<SprintCapacity, Invalid> {
    let data = basis.data;
    let span = sprint.span();
    let adjusted = apply_what_ifs(&data.team, &data.members, span, &basis.covers, &data.time_off, what_ifs)?;
    let report = basis.report(&adjusted.covers, &adjusted.time_off, span)?;
    let zone = data.team.spec.zone;
    let from = resolve_local(zone, span.first.and_hms_opt(0, 0, 0).expect("midnight"));
    let to = resolve_local(
        zone,
        (span.last + Duration::days(1)).and_hms_opt(0, 0, 0).expect("midnight"),
    );
    let planned_covers = basis.covers.iter().filter(|c| c.start < to && from < c.end).count() as u32;
    Ok(SprintCapacity {
        sprint: sprint.clone(),
        report,
        interrupt_window_note: basis.window_note.clone(),
        planned_covers,
        what_ifs: adjusted.notes,
    })
}

/// The capacity of sprint `sprint_id` with `what_ifs` applied.
pub fn sprint_capacity(
    data: &TeamData,
    sprint_id: Id,
    what_ifs: &[WhatIf],
    settings: CapacitySettings,
) -> Result<SprintCapacity, Invalid> {
    let sprint = find_sprint(data, sprint_id)?;
    let basis = Basis::new(data, Some(sprint.span()), settings);
    capacity_of(&basis, sprint, what_ifs)
}

/// Capacity, history and forecast of sprint `sprint_id` with `what_ifs` applied. Without a usable
/// history the forecast is `None` and `no_forecast` says why. Same input, same output.
pub fn sprint_forecast(
    data: &TeamData,
    sprint_id: Id,
    what_ifs: &[WhatIf],
    settings: ForecastSettings,
    capacity: CapacitySettings,
) -> Result<SprintForecast, Invalid> {
    settings.validate()?;
    let sprint = find_sprint(data, sprint_id)?;
    let basis = Basis::new(data, Some(sprint.span()), capacity);
    let cap = capacity_of(&basis, sprint, what_ifs)?;
    let (history, left_out) = basis.history(Some(sprint.id))?;
    let (forecast, no_forecast) = if history.is_empty() {
        (
            None,
            Some(
                "there are no closed sprints yet; close at least one sprint with its completed points to forecast"
                    .to_owned(),
            ),
        )
    } else {
        (
            Some(forecast(&history, &FocusPlan::from_report(&cap.report), settings)?),
            None,
        )
    };
    Ok(SprintForecast {
        capacity: cap,
        history,
        left_out,
        forecast,
        no_forecast,
    })
}

/// Sprints needed for `backlog_points` when every sprint is like sprint `sprint_id` (what-ifs applied).
pub fn backlog_forecast(
    data: &TeamData,
    sprint_id: Id,
    what_ifs: &[WhatIf],
    backlog_points: f64,
    settings: ForecastSettings,
    capacity: CapacitySettings,
) -> Result<BacklogForecast, Invalid> {
    settings.validate()?;
    let sprint = find_sprint(data, sprint_id)?;
    let basis = Basis::new(data, Some(sprint.span()), capacity);
    let cap = capacity_of(&basis, sprint, what_ifs)?;
    let (history, _) = basis.history(Some(sprint.id))?;
    sprints_to_done(&history, &FocusPlan::from_report(&cap.report), backlog_points, settings)
}

/// The backtest of every closed sprint of the team.
pub fn team_backtest(
    data: &TeamData,
    settings: ForecastSettings,
    capacity: CapacitySettings,
) -> Result<TeamBacktest, Invalid> {
    settings.validate()?;
    let basis = Basis::new(data, None, capacity);
    let (history, left_out) = basis.history(None)?;
    Ok(TeamBacktest {
        backtest: backtest(&history, settings)?,
        history,
        left_out,
        interrupt_window_note: basis.window_note.clone(),
    })
}

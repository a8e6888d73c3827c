//! One entry point for "what can we commit to in this sprint?", shared by the CLI and the app:
//! from a team's owned data ([`TeamData`]) to the sprint's capacity report, the history of closed
//! sprints and the forecast, with what-if toggles applied to the planned sprint only.
//!
//! - Duty covers come from the stored turns ([`covers_from_turns`]). A closed sprint with no
//!   stored turn at all gets the team's *current* policies applied to it ([`assumed_covers`]: one
//!   cover per policy per working day) instead of counting as a sprint nobody was on duty in —
//!   a new team's past sprints would otherwise look like full-focus sprints and drag velocity per
//!   focus day down. The sprints this is applied to are listed in `assumptions`. The planned
//!   sprint is never filled in: without turns nobody is on duty in it, and the forecast says so.
//! - History: every closed sprint except the planned one, oldest first, each with the focus
//!   person-days its own capacity report gives (same covers, time off and interrupt window).
//!   Closed sprints without any focus time are left out and said so.
//! - Members count in a past sprint from their active-from date. The store does not know when a
//!   member was added, so a member *without* an active-from date counts in every past sprint;
//!   rather than guess, the forecast names them in `assumptions` with the focus days they add
//!   to the history, so a scrum master can set the date for anyone who joined later.
//! - Interrupt window: the days from the first closed sprint's start to the last one's end (at
//!   most the last two years of it), so the planned sprint pays the interrupt cost the history
//!   had; with no closed sprint yet, the four weeks before the planned sprint.
use chrono::{DateTime, Duration, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::headline::{headline, Headline};
use super::{
    backtest, forecast, sprints_to_done, BacklogForecast, Backtest, FocusPlan, Forecast, ForecastSettings, PastSprint,
};
use crate::capacity::{
    apply_what_ifs, assumed_covers, breakdown, capacity_report, covers_from_turns, days_text, touches,
    CapacityBreakdown, CapacityInput, CapacityReport, CapacitySettings, DutyCover, PastDuty, WhatIf,
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
    /// Where the focus person-days went: nominal capacity, duty, time off, holidays, interrupts.
    pub breakdown: CapacityBreakdown,
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
    /// The sentence to read first: what to commit to and why (`None` without a forecast).
    pub headline: Option<Headline>,
    /// What the forecast had to assume because the data does not say, one sentence each.
    pub assumptions: Vec<String>,
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
    /// What the history had to assume, one sentence each.
    pub assumptions: Vec<String>,
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
    /// Closed sprints filled with assumed covers, oldest first.
    assumed: Vec<&'a Sprint>,
}

impl<'a> Basis<'a> {
    fn new(data: &'a TeamData, planned: Option<DateSpan>, settings: CapacitySettings) -> Self {
        let (window, window_note) = interrupt_window(&data.sprints, planned);
        let mut covers = covers_from_turns(&data.turns, &data.policies, &data.members);
        let mut closed: Vec<&Sprint> = data.sprints.iter().filter(|s| s.is_closed()).collect();
        closed.sort_by_key(|s| s.spec.start);
        let past = PastDuty {
            team: &data.team,
            members: &data.members,
            time_off: &data.time_off,
            holidays: &data.holidays,
            policies: &data.policies,
            settings,
        };
        let mut assumed = Vec::new();
        let mut extra = Vec::new();
        for (nth, s) in closed.into_iter().enumerate() {
            if touches(&data.team, &covers, s.span()) {
                continue;
            }
            let filled = assumed_covers(&past, s.span(), nth);
            if !filled.is_empty() {
                assumed.push(s);
                extra.extend(filled);
            }
        }
        covers.extend(extra);
        Self {
            data,
            covers,
            window,
            window_note,
            settings,
            assumed,
        }
    }

    /// The assumptions behind [`Self::history`] without `except`, one sentence each.
    fn assumptions(&self, history: &[PastSprint], member_days: &[(String, f64)]) -> Vec<String> {
        let mut out = Vec::new();
        let assumed: Vec<&str> = self
            .assumed
            .iter()
            .filter(|s| history.iter().any(|h| h.sprint_id == s.id))
            .map(|s| s.spec.name.as_str())
            .collect();
        if !assumed.is_empty() {
            let policies: Vec<String> = self
                .data
                .policies
                .iter()
                .filter(|p| p.team_id == self.data.team.id)
                .map(|p| format!("{} at {} % focus", p.spec.name, p.spec.focus_share_percent))
                .collect();
            out.push(format!(
                "{} {} no stored duty turns; assumed your current policies ({}) had one person on duty every \
                 working day, as they would now — otherwise they would count as sprints with nobody on duty",
                list(&assumed),
                if assumed.len() == 1 { "has" } else { "have" },
                policies.join(", ")
            ));
        }
        if !history.is_empty() && !member_days.is_empty() {
            let total: f64 = history.iter().map(|h| h.focus_days).sum();
            let theirs: f64 = member_days.iter().map(|(_, d)| d).sum();
            let counted = format!("{} of {} focus days", days_text(theirs), days_text(total));
            out.push(match member_days {
                [(name, _)] => format!(
                    "{name} has no active-from date, so counts in every past sprint ({counted}); if {name} joined \
                     later, set the active-from date"
                ),
                _ => {
                    let names: Vec<&str> = member_days.iter().map(|(n, _)| n.as_str()).collect();
                    format!(
                        "{} have no active-from date, so each counts in every past sprint ({counted}); set the \
                         date for anyone who joined later",
                        all_of(&names)
                    )
                }
            });
        }
        out
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

    /// History of closed sprints other than `except`, oldest first, the ones left out, and the
    /// focus days each member without an active-from date adds to it.
    #[allow(clippy::type_complexity)]
    fn history(&self, except: Option<Id>) -> Result<(Vec<PastSprint>, Vec<String>, Vec<(String, f64)>), Invalid> {
        let mut closed: Vec<&Sprint> = self
            .data
            .sprints
            .iter()
            .filter(|s| s.is_closed() && Some(s.id) != except)
            .collect();
        closed.sort_by_key(|s| s.spec.start);
        let mut history = Vec::new();
        let mut left_out = Vec::new();
        let undated: Vec<usize> = (0..self.data.members.len())
            .filter(|&i| self.data.members[i].spec.active_from.is_none())
            .collect();
        let mut member_days: Vec<(String, f64)> = undated
            .iter()
            .map(|&i| (self.data.members[i].spec.name.clone(), 0.0))
            .collect();
        for s in closed {
            let report = self.report(&self.covers, &self.data.time_off, s.span())?;
            match PastSprint::from_report(s, &report) {
                Some(p) if p.focus_days > 0.0 => {
                    for (k, &i) in undated.iter().enumerate() {
                        member_days[k].1 += report.people[i].total.value;
                    }
                    history.push(p);
                }
                _ => left_out.push(format!(
                    "{} had no focus person-days, so it tells nothing about velocity",
                    s.spec.name
                )),
            }
        }
        member_days.retain(|(_, d)| *d > 0.0);
        Ok((history, left_out, member_days))
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
        breakdown: breakdown(&report, &data.members, &adjusted.time_off),
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
    let (history, left_out, member_days) = basis.history(Some(sprint.id))?;
    let mut assumptions = basis.assumptions(&history, &member_days);
    let has_policy = data.policies.iter().any(|p| p.team_id == data.team.id);
    if has_policy && cap.planned_covers == 0 && !basis.assumed.iter().any(|s| s.id == sprint.id) {
        assumptions.push(format!(
            "no duty turns are stored for {} yet, so nobody is counted on duty in it; plan the rotation to see \
             what the shield costs",
            sprint.spec.name
        ));
    }
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
    let headline = forecast.as_ref().map(|f| headline(f, &cap.breakdown));
    Ok(SprintForecast {
        capacity: cap,
        history,
        left_out,
        forecast,
        no_forecast,
        headline,
        assumptions,
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
    let (history, _, _) = basis.history(Some(sprint.id))?;
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
    let (history, left_out, member_days) = basis.history(None)?;
    Ok(TeamBacktest {
        assumptions: basis.assumptions(&history, &member_days),
        backtest: backtest(&history, settings)?,
        history,
        left_out,
        interrupt_window_note: basis.window_note.clone(),
    })
}

/// "A", "A and B", "A, B and C", "A, B and 4 more".
fn list(names: &[&str]) -> String {
    match names {
        [] => String::new(),
        [one] => (*one).to_owned(),
        [a, b] => format!("{a} and {b}"),
        [a, b, c] => format!("{a}, {b} and {c}"),
        [a, b, rest @ ..] => format!("{a}, {b} and {} more", rest.len()),
    }
}

/// "A", "A and B", "A, B and C" — every name.
fn all_of(names: &[&str]) -> String {
    match names.split_last() {
        None => String::new(),
        Some((last, [])) => (*last).to_owned(),
        Some((last, rest)) => format!("{} and {last}", rest.join(", ")),
    }
}

//! The capacity report of one sprint: a per-person × per-day grid of focus person-days with the
//! reasons behind every cell, per-person and team totals, and the two scenarios.
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::availability::{Availability, Calendar, CellFlag};
use super::interrupts::InterruptRate;
use super::scenario::Scenario;
use super::sourced::{round2, Sourced};
use super::CapacityInput;
use crate::member::Member;
use crate::time::DateSpan;
use crate::Id;

/// Focus capacity of a team for one sprint.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct CapacityReport {
    /// The sprint's days.
    pub sprint: DateSpan,
    /// Every calendar day of the sprint, in order (the columns of the heat map).
    pub days: Vec<CapacityDay>,
    /// One row per member, in input order.
    pub people: Vec<PersonCapacity>,
    /// Team focus person-days with the rotation (the sum of all cells).
    pub team_total: Sourced,
    /// The interrupt rates the cells were charged with.
    pub interrupts: InterruptRate,
    /// Shielded (your rotation), then no shield: interrupts hit everyone.
    pub scenarios: Vec<Scenario>,
    /// The most members on time off on a single working day of the sprint.
    pub most_people_out: u32,
}

/// One day (column) of the sprint.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct CapacityDay {
    /// The local date.
    pub date: NaiveDate,
    /// Whether the team works that day (working weekday and not a holiday).
    pub working: bool,
    /// The holiday's name, if it is one.
    pub holiday: Option<String>,
}

/// One member's row.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct PersonCapacity {
    /// The member.
    pub member_id: Id,
    /// Display name.
    pub name: String,
    /// One cell per sprint day, aligned with [`CapacityReport::days`].
    pub cells: Vec<CapacityCell>,
    /// Focus person-days of the member in the sprint.
    pub total: Sourced,
}

/// One member on one day.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct CapacityCell {
    /// The local date.
    pub date: NaiveDate,
    /// Focus person-days left for sprint work (0..=1).
    pub value: f64,
    /// Why the cell is reduced.
    pub flags: Vec<CellFlag>,
    /// The duty's label when the member is on duty that day.
    pub duty: Option<String>,
    /// Focus person-days after duty, before interrupt cost.
    pub before_interrupts: f64,
    /// Person-days the member is reachable for interrupts (working, not on duty).
    pub exposed: f64,
    /// How `value` was computed.
    pub from: String,
}

impl CapacityReport {
    /// Number of days in the sprint on which the team works.
    pub fn working_days(&self) -> usize {
        self.days.iter().filter(|d| d.working).count()
    }

    /// The scenario of `kind`.
    pub fn scenario(&self, kind: super::ScenarioKind) -> Option<&Scenario> {
        self.scenarios.iter().find(|s| s.kind == kind)
    }
}

/// Builds the columns of the heat map.
pub(crate) fn days(cal: &Calendar<'_>, sprint: DateSpan) -> Vec<CapacityDay> {
    sprint
        .iter_days()
        .map(|date| CapacityDay {
            date,
            working: cal.is_working_day(date),
            holiday: cal.holiday(date).map(str::to_owned),
        })
        .collect()
}

/// Builds one member's row, charging `rate` person-days per reachable person-day.
pub(crate) fn person(cal: &Calendar<'_>, m: &Member, sprint: DateSpan, rate: f64) -> PersonCapacity {
    let cells: Vec<CapacityCell> = sprint.iter_days().map(|d| cell(cal, m, d, rate)).collect();
    let sum: f64 = cells.iter().map(|c| c.value).sum();
    let worked = cells.iter().filter(|c| c.before_interrupts > 0.0).count();
    let on_duty = cells
        .iter()
        .filter(|c| c.duty.is_some() && c.before_interrupts < 1.0)
        .count();
    PersonCapacity {
        member_id: m.id,
        name: m.spec.name.clone(),
        total: Sourced::new(
            sum,
            format!(
                "{} focus person-days: {worked} days with focus time, {on_duty} of them reduced by duty, at {} % capacity",
                round2(sum),
                m.spec.capacity_percent
            ),
        ),
        cells,
    }
}

fn cell(cal: &Calendar<'_>, m: &Member, date: NaiveDate, rate: f64) -> CapacityCell {
    let av = cal.of(m, date, true);
    let before = av.before_interrupts();
    let exposed = av.exposed();
    let value = (before - rate * exposed).max(0.0);
    CapacityCell {
        date,
        value,
        from: explain(cal, m, date, &av, rate, value),
        duty: av.duty.as_ref().map(|d| d.label.clone()),
        flags: av.flags,
        before_interrupts: before,
        exposed,
    }
}

fn explain(cal: &Calendar<'_>, m: &Member, date: NaiveDate, av: &Availability, rate: f64, value: f64) -> String {
    if av.base == 0.0 {
        let reasons: Vec<String> = av
            .flags
            .iter()
            .filter(|f| **f != CellFlag::Duty)
            .map(|f| match (f, cal.holiday(date)) {
                (CellFlag::Holiday, Some(name)) => format!("holiday ({name})"),
                _ => f.label().to_lowercase(),
            })
            .collect();
        return format!("no focus time: {}", reasons.join(", "));
    }
    let mut s = format!("{} % capacity", m.spec.capacity_percent);
    if let Some(d) = &av.duty {
        let hours = d.coverage * cal.day_hours();
        s += &format!(
            " × {} % focus share on {} for {} of {} h",
            round2(d.share * 100.0),
            d.label,
            round2(hours),
            round2(cal.day_hours())
        );
    }
    let cost = rate * av.exposed();
    if cost > 0.0 {
        s += &format!(" − {} interrupt cost", round2(cost));
    }
    s + &format!(" = {}", round2(value))
}

/// The most members on time off on one working day of `sprint`.
pub(crate) fn most_people_out(cal: &Calendar<'_>, members: &[Member], sprint: DateSpan) -> u32 {
    sprint
        .iter_days()
        .filter(|d| cal.is_working_day(*d))
        .map(|d| members.iter().filter(|m| cal.of(m, d, false).is_out()).count() as u32)
        .max()
        .unwrap_or(0)
}

/// Total of all rows, with its explanation (counting only the covers that touch the sprint: the
/// input also holds the history's).
pub(crate) fn team_total(
    people: &[PersonCapacity],
    input: &CapacityInput<'_>,
    sprint: DateSpan,
    rate: &InterruptRate,
) -> Sourced {
    let sum: f64 = people.iter().map(|p| p.total.value).sum();
    let covers = input
        .covers
        .iter()
        .filter(|c| super::assumed::touches(input.team, std::slice::from_ref(*c), sprint))
        .count();
    Sourced::new(
        sum,
        format!(
            "{} focus person-days from {} members after time off, holidays, {} duty covers and an interrupt cost of \
             {} person-days per reachable person-day",
            round2(sum),
            people.len(),
            covers,
            round2(rate.leaked.value)
        ),
    )
}

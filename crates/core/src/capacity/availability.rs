//! Who can work on which local day, before interrupts: capacity percent, weekends, team holidays,
//! time off, active dates and duty covers, combined for one member and one day.
use std::collections::{BTreeMap, HashMap};

use chrono::NaiveDate;

use super::cover::{duty_on, DutyCover, DutyOnDay, Window};
use super::CapacityInput;
use crate::member::Member;
use crate::time::DateSpan;
use crate::{named_enum, Id};

named_enum! {
    /// Why a capacity cell is lower than the member's capacity percent.
    pub enum CellFlag ("cell flag") {
        Weekend = "weekend", "Not a working day";
        Holiday = "holiday", "Team holiday";
        TimeOff = "time_off", "Time off";
        Inactive = "inactive", "Not active (joins later or has left)";
        Duty = "duty", "On duty";
    }
}

/// One member on one day, before interrupt cost.
#[derive(Debug, Clone)]
pub(crate) struct Availability {
    /// Capacity percent / 100, or 0 when the member does not work that day.
    pub(crate) base: f64,
    /// Reasons the day is reduced.
    pub(crate) flags: Vec<CellFlag>,
    /// The duty that day, if any cover touches the working window.
    pub(crate) duty: Option<DutyOnDay>,
}

impl Availability {
    /// Focus person-days after duty, before interrupts: `base × duty factor`.
    pub(crate) fn before_interrupts(&self) -> f64 {
        self.base * self.duty.as_ref().map_or(1.0, DutyOnDay::factor)
    }

    /// Person-days reachable for interrupts: the part of the day not on duty.
    pub(crate) fn exposed(&self) -> f64 {
        self.base * (1.0 - self.duty.as_ref().map_or(0.0, |d| d.coverage))
    }

    /// Whether the member is away on time off that day.
    pub(crate) fn is_out(&self) -> bool {
        self.flags.contains(&CellFlag::TimeOff)
    }
}

/// The team's calendar, indexed once for fast per-day look-ups.
pub(crate) struct Calendar<'a> {
    input: &'a CapacityInput<'a>,
    holidays: BTreeMap<NaiveDate, &'a str>,
    time_off: HashMap<Id, Vec<DateSpan>>,
    /// Covers by member and by every local day (team zone) they touch, within the days asked
    /// about; a day's working window lies inside its local date, so no other cover can touch it.
    /// (A year of turns made every look-up scan all of a member's covers and convert the day's
    /// window to UTC even when none was near: ~20× the forecast's time.)
    covers: HashMap<(Id, NaiveDate), Vec<&'a DutyCover>>,
}

impl<'a> Calendar<'a> {
    /// Indexes holidays, time off and the covers of `input` that touch `days`.
    pub(crate) fn new(input: &'a CapacityInput<'a>, days: DateSpan) -> Self {
        let holidays = input.holidays.iter().map(|h| (h.date, h.name.as_str())).collect();
        let mut time_off: HashMap<Id, Vec<DateSpan>> = HashMap::new();
        for t in input.time_off {
            time_off.entry(t.spec.member_id).or_default().push(t.spec.days);
        }
        let zone = input.team.spec.zone;
        let mut covers: HashMap<(Id, NaiveDate), Vec<&DutyCover>> = HashMap::new();
        for c in input.covers {
            let first = c.start.with_timezone(&zone).date_naive().max(days.first);
            let last = (c.end - chrono::Duration::seconds(1))
                .with_timezone(&zone)
                .date_naive()
                .min(days.last);
            let mut day = first;
            while day <= last {
                covers.entry((c.member_id, day)).or_default().push(c);
                day = day.succ_opt().expect("a date before 2200");
            }
        }
        Self {
            input,
            holidays,
            time_off,
            covers,
        }
    }

    /// Length of a person-day (the working window) in hours.
    pub(crate) fn day_hours(&self) -> f64 {
        self.input.settings.day_minutes() / 60.0
    }

    /// Whether `day` is one of the team's working weekdays.
    pub(crate) fn is_working_weekday(&self, day: NaiveDate) -> bool {
        self.input.team.spec.working_days.includes(day)
    }

    /// The holiday's name when `day` is a team holiday.
    pub(crate) fn holiday(&self, day: NaiveDate) -> Option<&'a str> {
        self.holidays.get(&day).copied()
    }

    /// Whether the team works on `day` at all (working weekday, not a holiday).
    pub(crate) fn is_working_day(&self, day: NaiveDate) -> bool {
        self.is_working_weekday(day) && self.holiday(day).is_none()
    }

    /// `member` on `day`; duty covers are ignored when `with_covers` is false.
    pub(crate) fn of(&self, member: &Member, day: NaiveDate, with_covers: bool) -> Availability {
        let mut flags = Vec::new();
        if !self.is_working_weekday(day) {
            flags.push(CellFlag::Weekend);
        }
        if self.holiday(day).is_some() {
            flags.push(CellFlag::Holiday);
        }
        if self
            .time_off
            .get(&member.id)
            .is_some_and(|v| v.iter().any(|s| s.contains(day)))
        {
            flags.push(CellFlag::TimeOff);
        }
        if !member.is_active_on(day) {
            flags.push(CellFlag::Inactive);
        }
        let base = if flags.is_empty() {
            f64::from(member.spec.capacity_percent) / 100.0
        } else {
            0.0
        };
        let duty = if with_covers { self.duty(member.id, day) } else { None };
        if duty.is_some() {
            flags.push(CellFlag::Duty);
        }
        Availability { base, flags, duty }
    }

    fn duty(&self, member_id: Id, day: NaiveDate) -> Option<DutyOnDay> {
        let covers = self.covers.get(&(member_id, day))?;
        let s = &self.input.settings;
        duty_on(
            covers,
            Window::on(self.input.team.spec.zone, day, s.workday_start, s.workday_end),
        )
    }
}

//! Where the focus person-days went: the team's nominal capacity (every member's capacity percent
//! on every working weekday they are active) and what took it away — duty, each person's time
//! off, team holidays, interrupts — so a headline can say "30.5 focus days of 48: −11.5 on duty,
//! −5 Ben's vacation, −1 interrupts" and the parts add up to the total exactly.
use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::availability::CellFlag;
use super::report::CapacityReport;
use crate::member::Member;
use crate::named_enum;
use crate::time_off::{TimeOff, TimeOffKind};

named_enum! {
    /// What took focus person-days away from a sprint.
    pub enum CauseKind ("cause") {
        Duty = "duty", "On duty";
        TimeOff = "time_off", "Time off";
        Holiday = "holiday", "Team holiday";
        Interrupts = "interrupts", "Interrupts";
    }
}

/// One reason the sprint has fewer focus person-days than nominal.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Cause {
    /// Which kind of loss.
    pub kind: CauseKind,
    /// In plain words: "on duty", "Ben's vacation", "Christmas Day", "interrupts".
    pub label: String,
    /// Person-days lost (positive).
    pub days: f64,
}

/// Nominal capacity, the causes of loss (largest time off first) and what is left.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct CapacityBreakdown {
    /// Person-days if everybody worked every working weekday they are active, at their capacity percent.
    pub nominal: f64,
    /// What took days away, in order: duty, time off per person and kind, holidays, interrupts.
    /// Causes of zero are left out.
    pub causes: Vec<Cause>,
    /// `nominal − Σ causes`, equal to the report's team total.
    pub focus_days: f64,
}

/// The breakdown of `report`'s team total. `members` and `time_off` are the ones the report was
/// computed from (what-ifs applied), so every person-day lands in exactly one place.
pub fn breakdown(report: &CapacityReport, members: &[Member], time_off: &[TimeOff]) -> CapacityBreakdown {
    let mut nominal = 0.0;
    let mut duty = 0.0;
    let mut interrupts = 0.0;
    let mut away: BTreeMap<(usize, TimeOffKind), f64> = BTreeMap::new();
    let mut holidays: BTreeMap<String, f64> = BTreeMap::new();
    for (pi, p) in report.people.iter().enumerate() {
        let Some(m) = members.iter().find(|m| m.id == p.member_id) else {
            continue;
        };
        let base = f64::from(m.spec.capacity_percent) / 100.0;
        for (c, day) in p.cells.iter().zip(&report.days) {
            if c.flags.contains(&CellFlag::Weekend) || c.flags.contains(&CellFlag::Inactive) {
                continue;
            }
            nominal += base;
            if c.flags.contains(&CellFlag::Holiday) {
                let name = day.holiday.clone().unwrap_or_else(|| "holiday".to_owned());
                *holidays.entry(name).or_default() += base;
            } else if c.flags.contains(&CellFlag::TimeOff) {
                let kind = time_off
                    .iter()
                    .find(|t| t.spec.member_id == m.id && t.spec.days.contains(c.date))
                    .map_or(TimeOffKind::Other, |t| t.spec.kind);
                *away.entry((pi, kind)).or_default() += base;
            } else {
                duty += base - c.before_interrupts;
                interrupts += c.before_interrupts - c.value;
            }
        }
    }
    let mut causes = vec![cause(CauseKind::Duty, "on duty".to_owned(), duty)];
    let mut off: Vec<Cause> = away
        .into_iter()
        .map(|((pi, kind), days)| {
            let label = format!("{}'s {}", report.people[pi].name, time_off_words(kind));
            cause(CauseKind::TimeOff, label, days)
        })
        .collect();
    off.sort_by(|a, b| b.days.total_cmp(&a.days));
    causes.extend(off);
    causes.extend(
        holidays
            .into_iter()
            .map(|(name, days)| cause(CauseKind::Holiday, name, days)),
    );
    causes.push(cause(CauseKind::Interrupts, "interrupts".to_owned(), interrupts));
    causes.retain(|c| c.days > 1e-9);
    let lost: f64 = causes.iter().map(|c| c.days).sum();
    CapacityBreakdown {
        nominal,
        focus_days: nominal - lost,
        causes,
    }
}

fn cause(kind: CauseKind, label: String, days: f64) -> Cause {
    Cause { kind, label, days }
}

fn time_off_words(kind: TimeOffKind) -> &'static str {
    match kind {
        TimeOffKind::Vacation => "vacation",
        TimeOffKind::Sick => "sick leave",
        TimeOffKind::Training => "training",
        TimeOffKind::Other => "time off",
    }
}

/// Person-days for a sentence: whole when whole, else one decimal ("30.5", "5", "0.3").
pub fn days_text(x: f64) -> String {
    let r = (x * 10.0).round() / 10.0;
    if r == r.trunc() {
        format!("{}", r as i64)
    } else {
        format!("{r:.1}")
    }
}

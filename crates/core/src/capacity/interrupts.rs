//! Expected interrupt cost, measured from the team's interrupt log over a window of days.
//!
//! Two rates are measured, both in person-days lost per person-day and both including a
//! context-switch recovery cost per interrupt (default 23 minutes):
//! - *leaked*: interrupts that pulled someone off focus, spread over the person-days people were
//!   reachable (working and not on duty). This is what an off-duty member pays with a rotation.
//! - *shared*: every interrupt, spread over every working person-day. This is the "everybody
//!   takes a percentage of operations work" approach: the whole load plus a recovery per
//!   interrupt, because each one breaks somebody's focus.
//!
//! A person-day is the working window (09:00–17:00 by default, 8 hours). Interrupts that arrive
//! on a day nobody was reachable (weekend, holiday) are left out and counted in the explanation.
use std::collections::BTreeMap;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::availability::Calendar;
use super::sourced::{round2, Sourced};
use super::CapacityInput;
use crate::time::DateSpan;

/// Interrupt cost rates measured from the log.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct InterruptRate {
    /// The days of the log that were measured.
    pub window: DateSpan,
    /// Minutes of context-switch recovery counted per interrupt.
    pub recovery_minutes: u32,
    /// Person-days lost per reachable (off-duty) person-day to interrupts that pulled people off focus.
    pub leaked: Sourced,
    /// The part of `leaked` that is context-switch recovery.
    pub leaked_recovery: Sourced,
    /// Person-days lost per working person-day if every interrupt were shared by everybody.
    pub shared: Sourced,
    /// The part of `shared` that is context-switch recovery.
    pub shared_recovery: Sourced,
    /// The leaked rate of each measured working day (0..=1), the distribution the Monte Carlo
    /// forecast draws from; one entry per day on which somebody was reachable.
    pub daily_losses: Vec<f64>,
}

/// Minutes and counts of interrupts on one local day.
#[derive(Debug, Clone, Copy, Default)]
struct Tally {
    pulled_minutes: f64,
    pulled: u32,
    all_minutes: f64,
    all: u32,
}

/// Sums over the window of the person-days and interrupts that count.
#[derive(Debug, Default)]
struct Totals {
    exposed: f64,
    available: f64,
    pulled_minutes: f64,
    pulled: u32,
    all_minutes: f64,
    all: u32,
    skipped: u32,
}

/// Measures the interrupt rates of `input`'s log over `input.interrupt_window`.
pub(crate) fn measure(input: &CapacityInput<'_>, cal: &Calendar<'_>) -> InterruptRate {
    let window = input.interrupt_window;
    let rec = f64::from(input.settings.recovery_minutes);
    let day_min = input.settings.day_minutes();
    let tallies = tally(input, window);
    let mut t = Totals::default();
    let mut daily_losses = Vec::new();
    for day in window.iter_days() {
        let (exposed, available) = person_days(input, cal, day);
        let d = tallies.get(&day).copied().unwrap_or_default();
        if exposed > 0.0 {
            t.exposed += exposed;
            t.pulled_minutes += d.pulled_minutes;
            t.pulled += d.pulled;
            let lost = (d.pulled_minutes + rec * f64::from(d.pulled)) / day_min;
            daily_losses.push((lost / exposed).min(1.0));
        } else {
            t.skipped += d.pulled;
        }
        if available > 0.0 {
            t.available += available;
            t.all_minutes += d.all_minutes;
            t.all += d.all;
        }
    }
    InterruptRate {
        window,
        recovery_minutes: input.settings.recovery_minutes,
        leaked: leaked(&t, rec, day_min, window),
        leaked_recovery: recovery(t.pulled, t.exposed, rec, day_min, "reachable"),
        shared: shared(&t, rec, day_min),
        shared_recovery: recovery(t.all, t.available, rec, day_min, "working"),
        daily_losses,
    }
}

/// Interrupts per local day of the team, inside `window`.
fn tally(input: &CapacityInput<'_>, window: DateSpan) -> BTreeMap<NaiveDate, Tally> {
    let mut out: BTreeMap<NaiveDate, Tally> = BTreeMap::new();
    for i in input.interrupts {
        let day = i.spec.arrived_at.with_timezone(&input.team.spec.zone).date_naive();
        if !window.contains(day) {
            continue;
        }
        let t = out.entry(day).or_default();
        let minutes = f64::from(i.spec.minutes);
        t.all_minutes += minutes;
        t.all += 1;
        if i.spec.pulled_off_focus {
            t.pulled_minutes += minutes;
            t.pulled += 1;
        }
    }
    out
}

/// (reachable person-days, working person-days) of the team on `day`.
fn person_days(input: &CapacityInput<'_>, cal: &Calendar<'_>, day: NaiveDate) -> (f64, f64) {
    input.members.iter().fold((0.0, 0.0), |(e, a), m| {
        let av = cal.of(m, day, true);
        (e + av.exposed(), a + av.base)
    })
}

fn rate(minutes: f64, count: u32, rec: f64, day_min: f64, person_days: f64) -> f64 {
    if person_days <= 0.0 {
        return 0.0;
    }
    ((minutes + rec * f64::from(count)) / day_min / person_days).min(1.0)
}

fn leaked(t: &Totals, rec: f64, day_min: f64, window: DateSpan) -> Sourced {
    let value = rate(t.pulled_minutes, t.pulled, rec, day_min, t.exposed);
    let skipped = if t.skipped > 0 {
        format!(" ({} more on days nobody was working left out)", t.skipped)
    } else {
        String::new()
    };
    let from = if t.pulled == 0 {
        format!(
            "no interrupt pulled anyone off focus from {} to {}{skipped}: no interrupt cost",
            window.first, window.last
        )
    } else {
        format!(
            "{} interrupts ({} min) pulled people off focus in {} reachable working person-days from {} to {}{skipped}: \
             {} person-days lost per person-day, incl. {} min recovery each",
            t.pulled,
            t.pulled_minutes,
            round2(t.exposed),
            window.first,
            window.last,
            round2(value),
            rec
        )
    };
    Sourced::new(value, from)
}

fn shared(t: &Totals, rec: f64, day_min: f64) -> Sourced {
    let value = rate(t.all_minutes, t.all, rec, day_min, t.available);
    Sourced::new(
        value,
        format!(
            "all {} interrupts ({} min) spread over {} working person-days, each breaking someone's focus \
             for {} min more: {} person-days lost per person-day",
            t.all,
            t.all_minutes,
            round2(t.available),
            rec,
            round2(value)
        ),
    )
}

fn recovery(count: u32, person_days: f64, rec: f64, day_min: f64, what: &str) -> Sourced {
    let value = rate(0.0, count, rec, day_min, person_days);
    Sourced::new(
        value,
        format!(
            "{count} interrupts × {rec} min recovery over {} {what} person-days: {} person-days per person-day",
            round2(person_days),
            round2(value)
        ),
    )
}

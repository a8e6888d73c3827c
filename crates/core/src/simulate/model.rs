//! The interrupt model the simulator draws from, fitted to the team's log: arrivals per working
//! hour by weekday and hour, durations by urgency (sampled from the logged minutes), and the share
//! of non-urgent interrupts that could have waited. A short log falls back to stated defaults.
use chrono::{Datelike, Timelike};
use chrono_tz::Tz;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::interrupt::{Interrupt, Severity};
use crate::time::{DateSpan, WorkingDays};

/// Below this many logged interrupts the model uses its defaults.
pub const MIN_LOG: usize = 20;
/// Default arrivals per working hour when the log is short (about 3 a day).
pub const DEFAULT_RATE: f64 = 0.4;
/// Default minutes of an interrupt when the log is short.
pub const DEFAULT_MINUTES: u32 = 30;
/// Default share of urgent (critical or high) interrupts when the log is short.
pub const DEFAULT_URGENT_SHARE: f64 = 0.3;
/// Default share of non-urgent interrupts that could wait when the log is short.
pub const DEFAULT_WAIT_SHARE: f64 = 0.5;
/// The working day the simulator models: 09:00 to 17:00 local.
pub const FIRST_HOUR: u32 = 9;
/// Hours in the modelled working day.
pub const HOURS: usize = 8;

/// What the simulator draws from.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct InterruptModel {
    /// Expected arrivals per hour, by weekday (Monday first) and working hour (09:00 first).
    pub rate: Vec<Vec<f64>>,
    /// Logged minutes of urgent interrupts (sampled with replacement).
    pub urgent_minutes: Vec<u32>,
    /// Logged minutes of the others.
    pub other_minutes: Vec<u32>,
    /// Share of interrupts that are critical or high (handled at once).
    pub urgent_share: f64,
    /// Share of the non-urgent ones that could have waited.
    pub wait_share: f64,
    /// Interrupts the model was fitted to.
    pub fitted_to: usize,
    /// What the model assumed, in words (defaults used, window fitted).
    pub assumptions: Vec<String>,
}

impl InterruptModel {
    /// The stated defaults: a uniform rate over the working day.
    pub fn defaults(reason: &str) -> InterruptModel {
        InterruptModel {
            rate: vec![vec![DEFAULT_RATE; HOURS]; 7],
            urgent_minutes: vec![DEFAULT_MINUTES],
            other_minutes: vec![DEFAULT_MINUTES],
            urgent_share: DEFAULT_URGENT_SHARE,
            wait_share: DEFAULT_WAIT_SHARE,
            fitted_to: 0,
            assumptions: vec![format!(
                "{reason}: assumed {DEFAULT_RATE} interrupts per working hour, {DEFAULT_MINUTES} minutes each, {:.0} % urgent, {:.0} % of the rest able to wait",
                DEFAULT_URGENT_SHARE * 100.0,
                DEFAULT_WAIT_SHARE * 100.0
            )],
        }
    }

    /// Fits the model to the interrupts of `window` (local days in `zone`) on the team's working
    /// days from the first logged one on; arrivals outside 09:00–17:00 are counted in the nearest
    /// working hour.
    pub fn fit(log: &[Interrupt], window: DateSpan, zone: Tz, working: WorkingDays) -> InterruptModel {
        let inside: Vec<&Interrupt> = log
            .iter()
            .filter(|i| window.contains(i.spec.arrived_at.with_timezone(&zone).date_naive()))
            .collect();
        if inside.len() < MIN_LOG {
            return InterruptModel::defaults(&format!(
                "only {} interrupts logged from {} to {} (fewer than {MIN_LOG})",
                inside.len(),
                window.first,
                window.last
            ));
        }
        // The log covers the days from its first interrupt on: days before it say nothing (a
        // team that started logging six weeks ago has not had a quiet half year before that).
        let logged_from = inside
            .iter()
            .map(|i| i.spec.arrived_at.with_timezone(&zone).date_naive())
            .min()
            .map_or(window.first, |d| d.max(window.first));
        let window = DateSpan {
            first: logged_from,
            last: window.last,
        };
        let mut days_per_weekday = [0usize; 7];
        for d in window.iter_days().filter(|d| working.includes(*d)) {
            days_per_weekday[d.weekday().num_days_from_monday() as usize] += 1;
        }
        let mut counts = vec![vec![0usize; HOURS]; 7];
        for i in &inside {
            let local = i.spec.arrived_at.with_timezone(&zone);
            let hour = (local.hour().clamp(FIRST_HOUR, FIRST_HOUR + HOURS as u32 - 1) - FIRST_HOUR) as usize;
            counts[local.weekday().num_days_from_monday() as usize][hour] += 1;
        }
        let rate = counts
            .iter()
            .zip(days_per_weekday)
            .map(|(row, days)| {
                row.iter()
                    .map(|n| if days == 0 { 0.0 } else { *n as f64 / days as f64 })
                    .collect()
            })
            .collect();
        let urgent = |i: &&&Interrupt| matches!(i.spec.severity, Severity::Critical | Severity::High);
        let urgent_minutes: Vec<u32> = inside.iter().filter(urgent).map(|i| i.spec.minutes).collect();
        let other: Vec<&&Interrupt> = inside.iter().filter(|i| !urgent(i)).collect();
        let other_minutes: Vec<u32> = other.iter().map(|i| i.spec.minutes).collect();
        let waits = other.iter().filter(|i| i.spec.could_have_waited).count();
        InterruptModel {
            rate,
            urgent_share: urgent_minutes.len() as f64 / inside.len() as f64,
            wait_share: if other.is_empty() {
                0.0
            } else {
                waits as f64 / other.len() as f64
            },
            urgent_minutes: if urgent_minutes.is_empty() {
                vec![DEFAULT_MINUTES]
            } else {
                urgent_minutes
            },
            other_minutes: if other_minutes.is_empty() {
                vec![DEFAULT_MINUTES]
            } else {
                other_minutes
            },
            fitted_to: inside.len(),
            assumptions: vec![format!(
                "fitted to {} interrupts logged from {} to {}: arrivals by weekday and hour, minutes as logged",
                inside.len(),
                window.first,
                window.last
            )],
        }
    }

    /// Expected interrupts per working day.
    pub fn per_day(&self, working: WorkingDays) -> f64 {
        let days = working.days();
        if days.is_empty() {
            return 0.0;
        }
        days.iter()
            .map(|d| self.rate[d.num_days_from_monday() as usize].iter().sum::<f64>())
            .sum::<f64>()
            / days.len() as f64
    }
}

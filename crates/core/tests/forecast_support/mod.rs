//! Shared builders for the capacity and forecast tests (included with `#[path]`).
//!
//! The standard fixture is a team of five full-time members in Europe/Berlin, a sprint from
//! Monday 2026-06-01 to Friday 2026-06-12 (10 working days), and an interrupt window of the two
//! weeks before it (2026-05-18 to 2026-05-29, also 10 working days).
#![allow(dead_code)]

use chrono::{DateTime, NaiveDate, Utc};
use sprintshield_core::capacity::{capacity_report, CapacityInput, CapacityReport, CapacitySettings, DutyCover};
use sprintshield_core::forecast::{FocusPlan, PastSprint};
use sprintshield_core::interrupt::{Interrupt, InterruptCategory, NewInterrupt, Severity};
use sprintshield_core::member::{Member, NewMember};
use sprintshield_core::team::{NewTeam, Team, TeamKind};
use sprintshield_core::time::{parse_datetime, DateSpan};
use sprintshield_core::time_off::{Holiday, NewTimeOff, TimeOff, TimeOffKind};

/// A date from `YYYY-MM-DD`.
pub fn d(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

/// A span of two dates.
pub fn span(a: &str, b: &str) -> DateSpan {
    DateSpan::new(d(a), d(b), "last").unwrap()
}

/// Everything the capacity model reads, owned.
#[derive(Clone)]
pub struct Fixture {
    pub team: Team,
    pub members: Vec<Member>,
    pub time_off: Vec<TimeOff>,
    pub holidays: Vec<Holiday>,
    pub covers: Vec<DutyCover>,
    pub interrupts: Vec<Interrupt>,
    pub window: DateSpan,
    pub sprint: DateSpan,
    pub settings: CapacitySettings,
}

impl Fixture {
    /// `n` members with the given capacity percents.
    pub fn with_capacities(pcts: &[u8]) -> Self {
        let team = Team {
            id: 1,
            spec: NewTeam {
                name: "Phoenix".into(),
                kind: TeamKind::Mixed,
                zone: "Europe/Berlin".into(),
                working_days: None,
                sprint_length_days: None,
            }
            .validate()
            .unwrap(),
        };
        let members = pcts
            .iter()
            .enumerate()
            .map(|(i, &pct)| Member {
                id: i as i64 + 1,
                team_id: 1,
                spec: NewMember {
                    name: ["Ana", "Ben", "Cleo", "Dan", "Eve", "Finn", "Gus", "Hana"][i % 8].into(),
                    capacity_percent: Some(i64::from(pct)),
                    ..Default::default()
                }
                .validate()
                .unwrap(),
            })
            .collect();
        Self {
            team,
            members,
            time_off: vec![],
            holidays: vec![],
            covers: vec![],
            interrupts: vec![],
            window: span("2026-05-18", "2026-05-29"),
            sprint: span("2026-06-01", "2026-06-12"),
            settings: CapacitySettings::default(),
        }
    }

    /// Five equal full-time members.
    pub fn five() -> Self {
        Self::with_capacities(&[100; 5])
    }

    pub fn input(&self) -> CapacityInput<'_> {
        CapacityInput {
            team: &self.team,
            members: &self.members,
            time_off: &self.time_off,
            holidays: &self.holidays,
            covers: &self.covers,
            interrupts: &self.interrupts,
            interrupt_window: self.window,
            settings: self.settings,
        }
    }

    pub fn report(&self) -> CapacityReport {
        capacity_report(&self.input(), self.sprint).unwrap()
    }

    pub fn plan(&self) -> FocusPlan {
        FocusPlan::from_report(&self.report())
    }

    /// Local wall-clock time in the team's zone.
    pub fn at(&self, local: &str) -> DateTime<Utc> {
        parse_datetime("at", local, self.team.spec.zone).unwrap()
    }

    /// Member `id` away from `first` to `last`.
    pub fn away(&mut self, id: i64, first: &str, last: &str) {
        let spec = NewTimeOff {
            member_id: id,
            first_day: first.into(),
            last_day: last.into(),
            kind: TimeOffKind::Vacation,
            note: String::new(),
        }
        .validate()
        .unwrap();
        self.time_off.push(TimeOff {
            id: self.time_off.len() as i64 + 1,
            spec,
        });
    }

    pub fn holiday(&mut self, date: &str, name: &str) {
        self.holidays.push(Holiday {
            id: self.holidays.len() as i64 + 1,
            team_id: 1,
            date: d(date),
            name: name.into(),
        });
    }

    /// Member `id` on duty from `start` to `end` (local times) with `share` focus left.
    pub fn cover(&mut self, id: i64, start: &str, end: &str, share: f64, label: &str) {
        self.covers.push(DutyCover {
            member_id: id,
            start: self.at(start),
            end: self.at(end),
            focus_share: share,
            label: label.into(),
        });
    }

    /// An interrupt at local time `at`.
    pub fn interrupt(&mut self, at: &str, minutes: i64, pulled_off_focus: bool) {
        let now = self.at("2027-01-01T00:00");
        let spec = NewInterrupt {
            arrived_at: at.into(),
            title: "Disk full on db-2".into(),
            category: InterruptCategory::OperationalProblem,
            severity: Severity::High,
            handled_by: None,
            minutes,
            pulled_off_focus,
            could_have_waited: false,
            root_cause: String::new(),
        }
        .validate(self.team.spec.zone, now)
        .unwrap();
        self.interrupts.push(Interrupt {
            id: self.interrupts.len() as i64 + 1,
            team_id: 1,
            spec,
            origin: None,
        });
    }
}

/// `n` past sprints with the same completed points and focus days.
pub fn flat_history(n: usize, completed: f64, focus_days: f64) -> Vec<PastSprint> {
    (0..n)
        .map(|i| PastSprint {
            sprint_id: i as i64 + 1,
            name: format!("Sprint {}", i + 1),
            completed_points: completed,
            focus_days,
            most_people_out: Some(0),
        })
        .collect()
}

/// Past sprints with the given (completed, focus days).
pub fn history(rows: &[(f64, f64)]) -> Vec<PastSprint> {
    rows.iter()
        .enumerate()
        .map(|(i, &(completed, focus_days))| PastSprint {
            sprint_id: i as i64 + 1,
            name: format!("Sprint {}", i + 1),
            completed_points: completed,
            focus_days,
            most_people_out: None,
        })
        .collect()
}

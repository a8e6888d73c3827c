//! The demo data set, built from the seeds: a dev team "Phoenix" (5 people, Europe/Berlin, 2-week
//! sprints, 6 closed sprints of varied velocity) and an ops team "Atlas" (4 people), some time off,
//! the team holidays that fall in the window, and ~60 interrupts over the history.
//!
//! Deterministic: the same `today` always gives the same data. Dates are laid out around `today`
//! (passed in, never read from the clock) so the current sprint is always the running one.
use chrono::{Datelike, Duration, NaiveDate, NaiveTime, Weekday};

use crate::interrupt::{InterruptCategory, NewInterrupt, Severity};
use crate::member::NewMember;
use crate::sprint::NewSprint;
use crate::team::{NewTeam, TeamKind};
use crate::time::DateSpan;
use crate::time_off::{NewHoliday, TimeOffKind};

/// What loading the demo created.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize, ts_rs::TS)]
pub struct DemoSummary {
    /// Team names created.
    pub teams: Vec<String>,
    /// Members created.
    pub members: usize,
    /// Sprints created.
    pub sprints: usize,
    /// Interrupts logged.
    pub interrupts: usize,
}

/// Time off for the member at `member` (index into [`DemoTeam::members`]).
#[derive(Debug, Clone)]
pub struct DemoTimeOff {
    /// Index of the member.
    pub member: usize,
    /// The days away.
    pub days: DateSpan,
    /// Why.
    pub kind: TimeOffKind,
    /// Free text.
    pub note: String,
}

/// An interrupt handled by the member at `handled_by` (index into [`DemoTeam::members`]).
#[derive(Debug, Clone)]
pub struct DemoInterrupt {
    /// The interrupt (its `handled_by` is unset; see the index).
    pub interrupt: NewInterrupt,
    /// Index of the member who handled it.
    pub handled_by: Option<usize>,
}

/// One team of the demo with everything that belongs to it.
#[derive(Debug, Clone)]
pub struct DemoTeam {
    /// The team.
    pub team: NewTeam,
    /// Its members.
    pub members: Vec<NewMember>,
    /// Time off of its members.
    pub time_off: Vec<DemoTimeOff>,
    /// Team holidays.
    pub holidays: Vec<NewHoliday>,
    /// Sprints with their completed points (`Some` = closed).
    pub sprints: Vec<(NewSprint, Option<f64>)>,
    /// Interrupt log.
    pub interrupts: Vec<DemoInterrupt>,
}

/// Small deterministic generator (splitmix64) so the demo needs no RNG crate.
struct Mix(u64);

impl Mix {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
}

/// First day of the sprint running on `today`: sprints start on Mondays of even ISO weeks.
pub fn current_sprint_start(today: NaiveDate) -> NaiveDate {
    let monday = today - Duration::days(today.weekday().num_days_from_monday() as i64);
    if monday.iso_week().week().is_multiple_of(2) {
        monday
    } else {
        monday - Duration::days(7)
    }
}

fn member(name: &str, email: &str, pct: i64, skills: &[&str]) -> NewMember {
    NewMember {
        name: name.into(),
        email: Some(email.into()),
        capacity_percent: Some(pct),
        skills: skills.iter().map(|s| s.to_string()).collect(),
        ..Default::default()
    }
}

/// Gives each member of a team the first colour no teammate wears yet (as adding them in the app
/// would), so no two demo people look alike.
fn distinct_colours(mut members: Vec<NewMember>) -> Vec<NewMember> {
    let mut used: Vec<String> = Vec::new();
    for m in &mut members {
        let colour = crate::member::first_free_colour(&used);
        used.push(colour.clone());
        m.colour = Some(colour);
    }
    members
}

fn sprints(
    prefix: &str,
    first_no: usize,
    start: NaiveDate,
    done: &[f64],
    committed: &[f64],
    open: usize,
) -> Vec<(NewSprint, Option<f64>)> {
    let goals = [
        "Checkout v2",
        "Search relevance",
        "Billing export",
        "Onboarding flow",
        "Audit log",
        "Reports API",
        "Mobile login",
        "Data retention",
    ];
    (0..done.len() + open)
        .map(|i| {
            let s = start + Duration::days(14 * i as i64);
            let sprint = NewSprint {
                name: format!("{prefix} {}", first_no + i),
                start: s.to_string(),
                end: (s + Duration::days(11)).to_string(),
                goal: goals[(first_no + i) % goals.len()].to_owned(),
                committed_points: Some(*committed.get(i).unwrap_or(&40.0)),
            };
            (sprint, done.get(i).copied())
        })
        .collect()
}

/// Fixed-date German public holidays that fall within `window`.
fn holidays_in(window: DateSpan) -> Vec<NewHoliday> {
    let fixed = [
        (1, 1, "New Year's Day"),
        (5, 1, "Labour Day"),
        (10, 3, "German Unity Day"),
        (12, 25, "Christmas Day"),
        (12, 26, "Boxing Day"),
    ];
    let mut out = Vec::new();
    for year in window.first.year()..=window.last.year() {
        for (m, d, name) in fixed {
            let day = NaiveDate::from_ymd_opt(year, m, d).expect("fixed holidays are valid dates");
            if window.contains(day) {
                out.push(NewHoliday {
                    date: day.to_string(),
                    name: name.into(),
                });
            }
        }
    }
    out
}

fn interrupts(mix: &mut Mix, history: DateSpan, count: usize, people: usize) -> Vec<DemoInterrupt> {
    // (category, weight, min minutes, max minutes, title)
    let kinds = [
        (
            InterruptCategory::ProductionBug,
            30,
            30,
            240,
            "Checkout returns 500 for some carts",
        ),
        (
            InterruptCategory::OperationalProblem,
            22,
            20,
            180,
            "Disk almost full on db-2",
        ),
        (
            InterruptCategory::UserQuestion,
            28,
            10,
            60,
            "Customer asks why export is empty",
        ),
        (
            InterruptCategory::SecurityPatch,
            8,
            60,
            300,
            "Patch OpenSSL on edge nodes",
        ),
        (
            InterruptCategory::ReleaseRollback,
            7,
            30,
            180,
            "Roll back Saturday release",
        ),
        (InterruptCategory::Other, 5, 10, 90, "Access request for new contractor"),
    ];
    let total: u64 = kinds.iter().map(|k| k.1).sum();
    let working: Vec<NaiveDate> = history
        .iter_days()
        .filter(|d| d.weekday().num_days_from_monday() < 5)
        .collect();
    (0..count)
        .map(|_| {
            let day = working[mix.below(working.len() as u64) as usize];
            let mut pick = mix.below(total);
            let kind = kinds.iter().find(|k| {
                if pick < k.1 {
                    true
                } else {
                    pick -= k.1;
                    false
                }
            });
            let (category, _, lo, hi, title) = *kind.expect("weights cover the range");
            let minutes = (lo + mix.below((hi - lo) as u64 + 1) as i64 / 5 * 5).max(5);
            let severity = match mix.below(10) {
                0 => Severity::Critical,
                1..=3 => Severity::High,
                4..=8 => Severity::Normal,
                _ => Severity::Low,
            };
            let time =
                NaiveTime::from_hms_opt(8 + mix.below(9) as u32, (mix.below(4) * 15) as u32, 0).expect("valid time");
            DemoInterrupt {
                interrupt: NewInterrupt {
                    arrived_at: day.and_time(time).format("%Y-%m-%dT%H:%M").to_string(),
                    title: title.into(),
                    category,
                    severity,
                    handled_by: None,
                    minutes,
                    pulled_off_focus: mix.below(10) < 4,
                    could_have_waited: category == InterruptCategory::UserQuestion && mix.below(2) == 0,
                    root_cause: String::new(),
                },
                handled_by: Some(mix.below(people as u64) as usize),
            }
        })
        .collect()
}

/// Builds the demo data set around `today`.
pub fn demo_data(today: NaiveDate) -> Vec<DemoTeam> {
    let current = current_sprint_start(today);
    let history_start = current - Duration::days(14 * 6);
    let window = DateSpan {
        first: history_start,
        last: current + Duration::days(14 * 4),
    };
    let history = DateSpan {
        first: history_start,
        last: today.pred_opt().unwrap_or(today).max(history_start),
    };
    let mut mix = Mix(0x5eed_5eed);
    let day = |offset: i64| current + Duration::days(offset);
    let next_monday = |d: NaiveDate| d + Duration::days(7 - d.weekday().num_days_from_monday() as i64);
    debug_assert_eq!(next_monday(current).weekday(), Weekday::Mon);

    let phoenix = DemoTeam {
        team: NewTeam {
            name: "Phoenix".into(),
            kind: TeamKind::Dev,
            zone: "Europe/Berlin".into(),
            working_days: None,
            sprint_length_days: Some(14),
        },
        members: distinct_colours(vec![
            member("Ana Souza", "ana@phoenix.example", 100, &["backend", "db"]),
            member("Ben Okafor", "ben@phoenix.example", 100, &["frontend"]),
            member("Chloé Martin", "chloe@phoenix.example", 80, &["backend", "ops"]),
            member("Dmitri Ivanov", "dmitri@phoenix.example", 100, &["frontend", "mobile"]),
            member("Emma Larsen", "emma@phoenix.example", 100, &["backend", "security"]),
        ]),
        time_off: vec![
            DemoTimeOff {
                member: 1,
                days: DateSpan {
                    first: day(14),
                    last: day(18),
                },
                kind: TimeOffKind::Vacation,
                note: "Lisbon".into(),
            },
            DemoTimeOff {
                member: 2,
                days: DateSpan {
                    first: day(2),
                    last: day(3),
                },
                kind: TimeOffKind::Training,
                note: "Kubernetes course".into(),
            },
            DemoTimeOff {
                member: 4,
                days: DateSpan {
                    first: day(-32),
                    last: day(-31),
                },
                kind: TimeOffKind::Sick,
                note: String::new(),
            },
            DemoTimeOff {
                member: 0,
                days: DateSpan {
                    first: day(-56),
                    last: day(-52),
                },
                kind: TimeOffKind::Vacation,
                note: String::new(),
            },
        ],
        holidays: holidays_in(window),
        sprints: sprints(
            "Phoenix",
            31,
            history_start,
            &[34.0, 41.0, 29.0, 38.0, 44.0, 36.0],
            &[40.0, 40.0, 38.0, 40.0, 42.0, 40.0, 40.0, 40.0],
            2,
        ),
        interrupts: interrupts(&mut mix, history, 60, 5),
    };
    let atlas = DemoTeam {
        team: NewTeam {
            name: "Atlas".into(),
            kind: TeamKind::Ops,
            zone: "Europe/Berlin".into(),
            working_days: None,
            sprint_length_days: Some(14),
        },
        members: distinct_colours(vec![
            member("Farid Haddad", "farid@atlas.example", 100, &["linux", "network"]),
            member("Grace Kim", "grace@atlas.example", 100, &["db", "backup"]),
            member("Hugo Berg", "hugo@atlas.example", 100, &["linux", "security"]),
            member("Ines Costa", "ines@atlas.example", 60, &["release", "monitoring"]),
        ]),
        time_off: vec![DemoTimeOff {
            member: 1,
            days: DateSpan {
                first: day(7),
                last: day(11),
            },
            kind: TimeOffKind::Vacation,
            note: String::new(),
        }],
        holidays: holidays_in(window),
        sprints: sprints(
            "Atlas",
            12,
            current - Duration::days(14 * 3),
            &[22.0, 26.0, 19.0],
            &[24.0, 24.0, 24.0, 24.0],
            1,
        ),
        interrupts: interrupts(&mut mix, history, 25, 4),
    };
    vec![phoenix, atlas]
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::{TimeZone, Utc};

    #[test]
    fn demo_is_deterministic_and_valid() {
        let today = NaiveDate::from_ymd_opt(2026, 11, 22).unwrap();
        let a = demo_data(today);
        let b = demo_data(today);
        assert_eq!(format!("{a:?}"), format!("{b:?}"));
        assert_eq!(a[0].members.len(), 5);
        assert_eq!(a[1].members.len(), 4);
        assert_eq!(a[0].sprints.iter().filter(|s| s.1.is_some()).count(), 6);
        let total: usize = a.iter().map(|t| t.interrupts.len()).sum();
        assert!(total >= 60);
        let now = Utc.with_ymd_and_hms(2026, 11, 22, 12, 0, 0).unwrap();
        for team in &a {
            team.team.clone().validate().unwrap();
            for m in &team.members {
                m.clone().validate().unwrap();
            }
            let specs: Vec<_> = team.sprints.iter().map(|s| s.0.clone().validate().unwrap()).collect();
            for w in specs.windows(2) {
                assert!(w[0].end < w[1].start, "sprints must not overlap");
            }
            for i in &team.interrupts {
                i.interrupt.clone().validate(chrono_tz::Europe::Berlin, now).unwrap();
            }
        }
    }

    #[test]
    fn no_two_people_of_a_demo_team_share_a_colour() {
        for team in demo_data(NaiveDate::from_ymd_opt(2026, 11, 22).unwrap()) {
            let mut colours: Vec<String> = team
                .members
                .iter()
                .map(|m| m.clone().validate().unwrap().colour)
                .collect();
            let n = colours.len();
            colours.sort();
            colours.dedup();
            assert_eq!(colours.len(), n, "{}", team.team.name);
        }
    }

    #[test]
    fn current_sprint_contains_today() {
        for offset in 0..30 {
            let today = NaiveDate::from_ymd_opt(2026, 11, 1).unwrap() + Duration::days(offset);
            let start = current_sprint_start(today);
            assert_eq!(start.weekday(), Weekday::Mon);
            assert!(start <= today && today < start + Duration::days(14));
        }
    }
}

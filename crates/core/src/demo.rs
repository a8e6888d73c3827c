//! The demo data set, built from the seeds: a dev team "Phoenix" (5 people, Europe/Berlin, 2-week
//! sprints, 6 closed sprints of varied velocity) and an ops team "Atlas" (4 people), some time off,
//! the team holidays that fall in the window, and an interrupt log of a few a day with bursts after
//! each production release (seed 000's team, constantly pulled into production).
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

/// One kind of interrupt in the demo log: category, weight per team kind (dev, ops), minutes
/// (shortest, longest; short ones are likelier), and what the log says about it.
struct Kind {
    category: InterruptCategory,
    weight: [u64; 2],
    minutes: (f64, f64),
    /// Chances (in %) of critical, high, normal; the rest is low.
    severity: [u64; 3],
    /// Chance (in %) that a normal or low one could have waited.
    can_wait: u64,
    /// Titles, each with the root cause it recurs from ("" when none was written down).
    titles: &'static [(&'static str, &'static str)],
}

/// The kinds of seed 000's team ("constantly pulled into production"): production bugs,
/// operational problems (disk, backups, certificates), users asking whether something is a bug,
/// security patches, rollbacks after a release, and the odd access request or client meeting.
const KINDS: [Kind; 6] = [
    Kind {
        category: InterruptCategory::ProductionBug,
        weight: [32, 15],
        minutes: (20.0, 180.0),
        severity: [8, 32, 48],
        can_wait: 30,
        titles: &[
            ("Checkout returns 500 for some carts", "payment provider timeouts"),
            ("Search shows stale prices", "cache not invalidated on price import"),
            ("PDF invoice misses the VAT line", ""),
            ("Login loop on Safari", "session cookie settings"),
            (
                "Export job times out for large accounts",
                "export runs in one transaction",
            ),
        ],
    },
    Kind {
        category: InterruptCategory::OperationalProblem,
        weight: [20, 40],
        minutes: (15.0, 120.0),
        severity: [8, 27, 50],
        can_wait: 20,
        titles: &[
            ("Disk almost full on db-2", "log rotation missing on db-2"),
            ("Nightly backup failed", "backup volume too small"),
            ("TLS certificate expires in 3 days", "certificate renewal is manual"),
            ("Queue backlog on worker-3", ""),
            ("Memory alarm on api-1", ""),
        ],
    },
    Kind {
        category: InterruptCategory::UserQuestion,
        weight: [30, 15],
        minutes: (5.0, 45.0),
        severity: [0, 5, 55],
        can_wait: 65,
        titles: &[
            ("Customer asks why the export is empty", "export filters undocumented"),
            ("Is this a bug? Report totals differ", "report rounding undocumented"),
            ("How do I reset a user's 2FA?", "no help-desk guide for 2FA"),
            ("Sales needs a data extract", ""),
            ("Where is the audit log?", "no help-desk guide for the audit log"),
        ],
    },
    Kind {
        category: InterruptCategory::SecurityPatch,
        weight: [8, 15],
        minutes: (30.0, 240.0),
        severity: [12, 45, 43],
        can_wait: 0,
        titles: &[
            ("Patch OpenSSL on edge nodes", ""),
            ("Upgrade the vulnerable logging library", "dependencies updated by hand"),
            ("Rotate a leaked API key", ""),
        ],
    },
    Kind {
        category: InterruptCategory::ReleaseRollback,
        weight: [3, 8],
        minutes: (30.0, 150.0),
        severity: [35, 65, 0],
        can_wait: 0,
        titles: &[
            (
                "Roll back Saturday's release",
                "migration not tested on production data",
            ),
            (
                "Hotfix after the release: broken migration",
                "migration not tested on production data",
            ),
        ],
    },
    Kind {
        category: InterruptCategory::Other,
        weight: [7, 7],
        minutes: (10.0, 60.0),
        severity: [0, 0, 50],
        can_wait: 70,
        titles: &[
            ("Access request for a new contractor", ""),
            ("Client meeting needs a developer", ""),
        ],
    },
];

/// Interrupts per working day on an ordinary day, for a dev team and an ops team.
const DAILY_RATE: [f64; 2] = [3.5, 3.0];
/// How much busier the first two working days after a Saturday production release are.
const AFTER_RELEASE: [f64; 2] = [2.5, 1.8];
/// Weights of the hours 08:00 to 17:00 (mornings and early afternoons are busiest).
const HOUR_WEIGHTS: [u64; 10] = [1, 3, 3, 2, 1, 2, 2, 2, 1, 1];

impl Mix {
    /// A uniform number in [0, 1).
    fn unit(&mut self) -> f64 {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64
    }
    /// A Poisson draw (Knuth's method; means here are small).
    fn poisson(&mut self, mean: f64) -> u64 {
        let limit = (-mean).exp();
        let (mut k, mut p) = (0, 1.0);
        loop {
            p *= self.unit();
            if p <= limit || k > 100 {
                return k;
            }
            k += 1;
        }
    }
    /// An index drawn by `weights`.
    fn weighted(&mut self, weights: impl Iterator<Item = u64> + Clone) -> usize {
        let total: u64 = weights.clone().sum();
        let mut pick = self.below(total.max(1));
        for (i, w) in weights.enumerate() {
            if pick < w {
                return i;
            }
            pick -= w;
        }
        0
    }
}

/// The interrupt log of a team over the working days of `history` (holidays skipped): a few a
/// day (Poisson around [`DAILY_RATE`]), bursts on the Monday and Tuesday after each Saturday
/// production release (`release_saturdays`), mornings busiest; categories, minutes, severities,
/// "could have waited" and recurring root causes as in [`KINDS`]. Handlers are drawn evenly.
fn interrupts(
    mix: &mut Mix,
    history: DateSpan,
    holidays: &[NewHoliday],
    release_saturdays: &[NaiveDate],
    team_kind: usize,
    people: usize,
) -> Vec<DemoInterrupt> {
    let mut out = Vec::new();
    for day in history.iter_days() {
        if day.weekday().num_days_from_monday() >= 5 || holidays.iter().any(|h| h.date == day.to_string()) {
            continue;
        }
        let after_release = release_saturdays
            .iter()
            .any(|s| day > *s && day <= *s + Duration::days(3));
        let rate = DAILY_RATE[team_kind] * if after_release { AFTER_RELEASE[team_kind] } else { 1.0 };
        let mut times: Vec<NaiveTime> = (0..mix.poisson(rate))
            .map(|_| {
                let hour = 8 + mix.weighted(HOUR_WEIGHTS.iter().copied()) as u32;
                NaiveTime::from_hms_opt(hour, mix.below(60) as u32, 0).expect("valid time")
            })
            .collect();
        times.sort();
        for time in times {
            // After a release, rollbacks and bugs are likelier.
            let kind = &KINDS[mix.weighted(KINDS.iter().map(|k| {
                let w = k.weight[team_kind];
                match (after_release, k.category) {
                    (true, InterruptCategory::ReleaseRollback) => w * 4,
                    (true, InterruptCategory::ProductionBug) => w * 2,
                    _ => w,
                }
            }))];
            let (title, root_cause) = kind.titles[mix.below(kind.titles.len() as u64) as usize];
            let (lo, hi) = kind.minutes;
            let u = mix.unit();
            let minutes = ((lo + (hi - lo) * u * u) / 5.0).round() as i64 * 5;
            let roll = mix.below(100);
            let severity = if roll < kind.severity[0] {
                Severity::Critical
            } else if roll < kind.severity[0] + kind.severity[1] {
                Severity::High
            } else if roll < kind.severity[0] + kind.severity[1] + kind.severity[2] {
                Severity::Normal
            } else {
                Severity::Low
            };
            let urgent = matches!(severity, Severity::Critical | Severity::High);
            let could_have_waited = !urgent && mix.below(100) < kind.can_wait;
            out.push(DemoInterrupt {
                interrupt: NewInterrupt {
                    arrived_at: day.and_time(time).format("%Y-%m-%dT%H:%M").to_string(),
                    title: title.into(),
                    category: kind.category,
                    severity,
                    handled_by: None,
                    minutes: minutes.max(5),
                    pulled_off_focus: mix.below(10) < 5,
                    could_have_waited,
                    root_cause: root_cause.into(),
                },
                handled_by: Some(mix.below(people as u64) as usize),
            });
        }
    }
    out
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
    // Atlas releases Phoenix's sprints on the Saturday two weeks after they end (seed 001).
    let release_saturdays: Vec<NaiveDate> = (-2..6)
        .map(|i: i64| history_start + Duration::days(14 * i + 11 + 1 + 14))
        .collect();
    let holidays = holidays_in(window);
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
        interrupts: interrupts(&mut mix, history, &holidays, &release_saturdays, 0, 5),
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
        interrupts: interrupts(&mut mix, history, &holidays, &release_saturdays, 1, 4),
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
        assert!(total >= 300, "{total}");
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
    fn the_demo_log_is_a_team_pulled_into_production() {
        let today = NaiveDate::from_ymd_opt(2026, 11, 22).unwrap();
        let teams = demo_data(today);
        let phoenix = &teams[0];
        let log = &phoenix.interrupts;
        let day_of = |i: &DemoInterrupt| NaiveDate::parse_from_str(&i.interrupt.arrived_at[..10], "%Y-%m-%d").unwrap();
        let current = current_sprint_start(today);
        let first = current - Duration::days(14 * 6);
        let working: Vec<NaiveDate> = DateSpan {
            first,
            last: today - Duration::days(1),
        }
        .iter_days()
        .filter(|d| d.weekday().num_days_from_monday() < 5)
        .collect();
        // A few a day: between 3 and 6 per working day over the history, none on weekends.
        let per_day = log.len() as f64 / working.len() as f64;
        assert!((3.0..=6.0).contains(&per_day), "{per_day}");
        assert!(log.iter().all(|i| day_of(i).weekday().num_days_from_monday() < 5));
        // Bursts: the Monday and Tuesday after a release Saturday are busier than other days.
        let saturdays: Vec<NaiveDate> = (-2..6).map(|i: i64| first + Duration::days(14 * i + 26)).collect();
        assert!(saturdays.iter().all(|s| s.weekday() == Weekday::Sat));
        let after = |d: NaiveDate| saturdays.iter().any(|s| d > *s && d <= *s + Duration::days(3));
        let (burst_days, calm_days) = working.iter().partition::<Vec<_>, _>(|d| after(**d));
        let rate =
            |days: &[&NaiveDate]| log.iter().filter(|i| days.contains(&&day_of(i))).count() as f64 / days.len() as f64;
        assert!(
            rate(&burst_days) > 1.5 * rate(&calm_days),
            "after releases {} a day, otherwise {}",
            rate(&burst_days),
            rate(&calm_days)
        );
        // Every kind of the seed appears; some could wait, some are urgent; causes recur.
        for c in KINDS.iter().map(|k| k.category) {
            assert!(log.iter().any(|i| i.interrupt.category == c), "{c:?}");
        }
        let urgent = log
            .iter()
            .filter(|i| matches!(i.interrupt.severity, Severity::Critical | Severity::High))
            .count();
        let waits = log.iter().filter(|i| i.interrupt.could_have_waited).count();
        assert!(
            urgent > log.len() / 5 && urgent < log.len() / 2,
            "{urgent} of {}",
            log.len()
        );
        assert!(waits > log.len() / 5, "{waits} of {}", log.len());
        assert!(log
            .iter()
            .all(|i| !(i.interrupt.could_have_waited
                && matches!(i.interrupt.severity, Severity::Critical | Severity::High))));
        let disk = log
            .iter()
            .filter(|i| i.interrupt.root_cause == "log rotation missing on db-2")
            .count();
        assert!(disk >= 2, "a root cause that recurs");
        // The same day gives the same log.
        assert_eq!(format!("{:?}", demo_data(today)[0].interrupts), format!("{log:?}"));
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

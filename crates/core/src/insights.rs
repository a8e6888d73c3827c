//! What the team's interrupt log says (seed 000 asks which shield fits): counts and minutes by
//! category and severity, how much the person on duty absorbed against what pulled others off
//! focus work, what could have waited, the trend per sprint, a weekday × hour heat map, root
//! causes that recur, who absorbed what, the load limits from SRE practice with their breaches,
//! and observations that carry their numbers. Pure: the log, the turns and the calendar come in.
//!
//! Load limits (Google SRE book, "Being On-Call"): at most 2 incidents per 12-hour on-call shift;
//! operational work at most 50 % of the team's time; on-call at most 25 % of each person's time.
//! Here an *incident* is a critical or high interrupt; *operational work* is interrupt minutes;
//! a person's time is their working days at 8 hours × capacity; on-call time is the working
//! days covered by their turns, each weighted by the share of the day the duty takes (1 − its
//! focus share; standing duties aside: they are a role, not a rotation).
use std::collections::BTreeMap;

use chrono::{DateTime, Datelike, Duration, NaiveDate, Timelike, Utc};
use chrono_tz::Tz;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::interrupt::{Interrupt, InterruptCategory, Severity};
use crate::member::Member;
use crate::rotation::{DutyPolicy, PolicyKind, Turn};
use crate::sprint::Sprint;
use crate::time::{DateSpan, WorkingDays};
use crate::Id;

/// Working hours in a full-time day.
pub const HOURS_PER_DAY: f64 = 8.0;
/// At most this many incidents per 12-hour shift.
pub const MAX_INCIDENTS_PER_SHIFT: usize = 2;
/// Operational work at most this share of the team's time.
pub const MAX_OPS_SHARE: f64 = 0.5;
/// On-call at most this share of a person's time.
pub const MAX_ON_CALL_SHARE: f64 = 0.25;

/// What the insights read.
#[derive(Debug, Clone, Copy)]
pub struct InsightInput<'a> {
    /// The team's zone (heat map hours, sprint days).
    pub zone: Tz,
    /// The team's working days.
    pub working_days: WorkingDays,
    /// The days looked at.
    pub range: DateSpan,
    /// The team's interrupt log (any range; only the range is counted).
    pub interrupts: &'a [Interrupt],
    /// The team's duty policies.
    pub policies: &'a [DutyPolicy],
    /// Their turns.
    pub turns: &'a [Turn],
    /// The team's members.
    pub members: &'a [Member],
    /// The team's sprints.
    pub sprints: &'a [Sprint],
}

/// A count with its minutes.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Tally {
    /// What is counted (a category or severity name, a root cause).
    pub key: String,
    /// Its label.
    pub label: String,
    /// How many interrupts.
    pub count: usize,
    /// Their minutes.
    pub minutes: u64,
}

/// A share of the interrupts.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize, TS)]
pub struct Share {
    /// How many.
    pub count: usize,
    /// Of all interrupts counted, in whole percent.
    pub percent: u32,
}

/// One sprint's interrupts.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct SprintTally {
    /// The sprint's name.
    pub sprint: String,
    /// Its days.
    pub days: DateSpan,
    /// Interrupts in it.
    pub count: usize,
    /// Their minutes.
    pub minutes: u64,
    /// Interrupt minutes as a share of the team's working time in the sprint, whole percent.
    pub ops_percent: u32,
}

/// What one person absorbed.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct PersonTally {
    /// The member.
    pub member_id: Id,
    /// Their name.
    pub name: String,
    /// Interrupts handled while on duty.
    pub on_duty: usize,
    /// Their minutes.
    pub on_duty_minutes: u64,
    /// Interrupts handled while not on duty.
    pub off_duty: usize,
    /// Their minutes.
    pub off_duty_minutes: u64,
}

crate::named_enum! {
    /// Which load limit a breach is of.
    pub enum LimitKind ("load limit") {
        IncidentsPerShift = "incidents_per_shift", "More than 2 incidents in a 12-hour shift";
        OpsShare = "ops_share", "Operational work over 50 % of the team's time";
        OnCallShare = "on_call_share", "On-call over 25 % of a person's time";
    }
}

/// A breach of a load limit.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Breach {
    /// Which limit.
    pub kind: LimitKind,
    /// When (the shift's start, or local midnight of the sprint's first day).
    pub at: DateTime<Utc>,
    /// What happened, with the numbers.
    pub message: String,
}

/// The insights of a range.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct InterruptStats {
    /// The days looked at.
    pub range: DateSpan,
    /// Interrupts in the range.
    pub count: usize,
    /// Their minutes.
    pub minutes: u64,
    /// By category, most first.
    pub by_category: Vec<Tally>,
    /// By severity, most urgent first.
    pub by_severity: Vec<Tally>,
    /// Handled by the person on duty at the time.
    pub handled_on_duty: Share,
    /// Pulled someone off focus work.
    pub pulled_off_focus: Share,
    /// Could have waited for the backlog.
    pub could_have_waited: Share,
    /// Critical or high (must be handled at once).
    pub urgent: Share,
    /// Per sprint that overlaps the range, oldest first.
    pub per_sprint: Vec<SprintTally>,
    /// Interrupts by local weekday (Monday first) and hour: 7 rows of 24.
    pub heat: Vec<Vec<u32>>,
    /// Root causes written down at least twice (compared without case and spaces), most first.
    pub recurring_causes: Vec<Tally>,
    /// Who absorbed what, on and off duty.
    pub per_person: Vec<PersonTally>,
    /// Breaches of the load limits.
    pub breaches: Vec<Breach>,
    /// What the numbers suggest, each sentence with its numbers.
    pub observations: Vec<String>,
}

fn percent(part: usize, whole: usize) -> u32 {
    if whole == 0 {
        0
    } else {
        ((part as f64 / whole as f64) * 100.0).round() as u32
    }
}

fn share(part: usize, whole: usize) -> Share {
    Share {
        count: part,
        percent: percent(part, whole),
    }
}

fn local_day(t: DateTime<Utc>, zone: Tz) -> NaiveDate {
    t.with_timezone(&zone).date_naive()
}

/// The rotating (non-standing) turn covering `at` whose person handled the interrupt.
fn on_duty_at(input: &InsightInput, member: Id, at: DateTime<Utc>) -> bool {
    input.turns.iter().any(|t| {
        t.member_id == member
            && t.covers(at)
            && input
                .policies
                .iter()
                .any(|p| p.id == t.policy_id && p.spec.kind != PolicyKind::Standing)
    })
}

/// Tallies of `items` by `key`, in the keys' order.
/// How much of `member`'s time their rotating duties at `at` take: 1 − the heaviest duty's
/// focus share, 0 when they are not on duty.
fn duty_weight(input: &InsightInput, member: Id, at: DateTime<Utc>) -> f64 {
    input
        .turns
        .iter()
        .filter(|t| t.member_id == member && t.covers(at))
        .filter_map(|t| input.policies.iter().find(|p| p.id == t.policy_id))
        .filter(|p| p.spec.kind != PolicyKind::Standing)
        .map(|p| 1.0 - f64::from(p.spec.focus_share_percent) / 100.0)
        .fold(0.0, f64::max)
}

fn tallies<K: Ord + Copy>(
    items: &[&Interrupt],
    key: impl Fn(&Interrupt) -> K,
    name: impl Fn(K) -> (String, String),
) -> Vec<Tally> {
    let mut map: BTreeMap<K, (usize, u64)> = BTreeMap::new();
    for i in items {
        let e = map.entry(key(i)).or_default();
        e.0 += 1;
        e.1 += u64::from(i.spec.minutes);
    }
    map.into_iter()
        .map(|(k, (count, minutes))| {
            let (key, label) = name(k);
            Tally {
                key,
                label,
                count,
                minutes,
            }
        })
        .collect()
}

/// A person's working hours in `span` (8 hours × capacity on the days they are active).
fn person_hours(input: &InsightInput, m: &Member, span: DateSpan) -> f64 {
    let days = span
        .iter_days()
        .filter(|d| input.working_days.includes(*d) && m.is_active_on(*d))
        .count();
    days as f64 * HOURS_PER_DAY * f64::from(m.spec.capacity_percent) / 100.0
}

fn breaches(input: &InsightInput, counted: &[&Interrupt], per_sprint: &[SprintTally]) -> Vec<Breach> {
    let mut out = Vec::new();
    // Incidents per 12-hour shift of every rotating turn that overlaps the range.
    for t in input.turns.iter().filter(|t| {
        input
            .policies
            .iter()
            .any(|p| p.id == t.policy_id && p.spec.kind != PolicyKind::Standing)
    }) {
        let mut shift = t.start;
        while shift < t.end {
            let end = (shift + Duration::hours(12)).min(t.end);
            let n = counted
                .iter()
                .filter(|i| matches!(i.spec.severity, Severity::Critical | Severity::High))
                .filter(|i| i.spec.arrived_at >= shift && i.spec.arrived_at < end)
                .count();
            if n > MAX_INCIDENTS_PER_SHIFT {
                let who = input
                    .members
                    .iter()
                    .find(|m| m.id == t.member_id)
                    .map_or("the person on duty".to_owned(), |m| m.spec.name.clone());
                out.push(Breach {
                    kind: LimitKind::IncidentsPerShift,
                    at: shift,
                    message: format!(
                        "{n} critical or high interrupts in the 12-hour shift from {} ({who} on duty); at most {MAX_INCIDENTS_PER_SHIFT}",
                        shift.with_timezone(&input.zone).format("%a %Y-%m-%d %H:%M")
                    ),
                });
            }
            shift = end;
        }
    }
    for s in per_sprint
        .iter()
        .filter(|s| f64::from(s.ops_percent) > MAX_OPS_SHARE * 100.0)
    {
        out.push(Breach {
            kind: LimitKind::OpsShare,
            at: crate::time::resolve_local(input.zone, s.days.first.and_time(chrono::NaiveTime::MIN)),
            message: format!(
                "interrupts took {} % of the team's time in {}; at most 50 %",
                s.ops_percent, s.sprint
            ),
        });
    }
    // On-call share per person per sprint: working days inside their rotating turns.
    for sprint in input.sprints.iter().filter(|s| s.span().overlaps(&input.range)) {
        for m in input.members {
            let hours = person_hours(input, m, sprint.span());
            if hours <= 0.0 {
                continue;
            }
            // A duty day counts by how much of it the duty takes: all of a Batman day (0 % focus
            // share), 40 % of a Dev of the Week day (60 % focus share); two duties on one day
            // count once, by the heavier.
            let duty_days: f64 = sprint
                .span()
                .iter_days()
                .filter(|d| input.working_days.includes(*d))
                .map(|d| {
                    let noon = crate::time::resolve_local(input.zone, d.and_hms_opt(12, 0, 0).expect("noon"));
                    duty_weight(input, m.id, noon)
                })
                .sum();
            let on_call = duty_days * HOURS_PER_DAY * f64::from(m.spec.capacity_percent) / 100.0;
            if on_call / hours > MAX_ON_CALL_SHARE + 1e-9 {
                out.push(Breach {
                    kind: LimitKind::OnCallShare,
                    at: crate::time::resolve_local(input.zone, sprint.spec.start.and_time(chrono::NaiveTime::MIN)),
                    message: format!(
                        "{} was on call {} % of their time in {}; at most 25 %",
                        m.spec.name,
                        (on_call / hours * 100.0).round(),
                        sprint.spec.name
                    ),
                });
            }
        }
    }
    out.sort_by_key(|b| b.at);
    out
}

fn suggestion(category: InterruptCategory) -> &'static str {
    match category {
        InterruptCategory::UserQuestion => "docs or a help desk would remove many of them",
        InterruptCategory::ProductionBug => "tests and a bug budget in the sprint would cut them",
        InterruptCategory::OperationalProblem => "runbooks and automation would cut them",
        InterruptCategory::SecurityPatch => "a fixed patch day would batch them",
        InterruptCategory::ReleaseRollback => "release checks before the push would cut them",
        InterruptCategory::Other => "their root causes are worth writing down",
    }
}

fn observations(stats: &InterruptStats) -> Vec<String> {
    let mut out = Vec::new();
    if stats.count == 0 {
        out.push("No interrupts were logged in this range: nothing here argues for a shield.".to_owned());
        return out;
    }
    if let Some(top) = stats.by_category.first() {
        let p = percent(top.count, stats.count);
        if p >= 30 {
            let category = InterruptCategory::parse(&top.key).unwrap_or(InterruptCategory::Other);
            out.push(format!(
                "{p} % of interrupts were {}: {}.",
                top.label.to_lowercase(),
                suggestion(category)
            ));
        }
    }
    if stats.could_have_waited.percent >= 30 {
        out.push(format!(
            "{} % could have waited ({} of {}): putting them on the backlog would spare that focus.",
            stats.could_have_waited.percent, stats.could_have_waited.count, stats.count
        ));
    }
    if stats.pulled_off_focus.percent >= 20 {
        out.push(format!(
            "{} % pulled someone off focus work ({} of {}); a shield exists to stop exactly these.",
            stats.pulled_off_focus.percent, stats.pulled_off_focus.count, stats.count
        ));
    }
    if stats.count >= 5 {
        out.push(format!(
            "{} % were handled by the person on duty.",
            stats.handled_on_duty.percent
        ));
    }
    if let Some(cause) = stats.recurring_causes.first() {
        out.push(format!(
            "\"{}\" came back {} times ({} minutes): fixing it once is cheaper.",
            cause.label, cause.count, cause.minutes
        ));
    }
    out
}

/// Days looked at when none are given: the last 90 days ending on the team's today.
pub const DEFAULT_RANGE_DAYS: u32 = 90;

/// The days insights look at on the team's local `today`: `from`..=`to` when both are given;
/// otherwise the last `last_days` (default [`DEFAULT_RANGE_DAYS`], 1–3660) ending on `to`, or on
/// `today` when `to` is not given. Refuses a `from` after `to`.
pub fn insights_range(
    today: NaiveDate,
    from: Option<NaiveDate>,
    to: Option<NaiveDate>,
    last_days: Option<u32>,
) -> Result<DateSpan, crate::Invalid> {
    let days = last_days.unwrap_or(DEFAULT_RANGE_DAYS);
    if !(1..=3660).contains(&days) {
        return Err(crate::Invalid::new("last_days", "look at 1 to 3660 days"));
    }
    let last = to.unwrap_or(today);
    let first = from.unwrap_or(last - Duration::days(i64::from(days) - 1));
    DateSpan::new(first, last, "to")
}

/// The insights of the interrupts that arrived on the local days of `input.range`.
pub fn interrupt_stats(input: &InsightInput) -> InterruptStats {
    let zone = input.zone;
    let counted: Vec<&Interrupt> = input
        .interrupts
        .iter()
        .filter(|i| input.range.contains(local_day(i.spec.arrived_at, zone)))
        .collect();
    let count = counted.len();
    let minutes: u64 = counted.iter().map(|i| u64::from(i.spec.minutes)).sum();
    let mut by_category = tallies(
        &counted,
        |i| i.spec.category,
        |c| (c.name().to_owned(), c.label().to_owned()),
    );
    by_category.sort_by(|a, b| b.count.cmp(&a.count).then(b.minutes.cmp(&a.minutes)));
    // Severities keep their order, most urgent first.
    let by_severity = tallies(
        &counted,
        |i| i.spec.severity,
        |s| (s.name().to_owned(), s.label().to_owned()),
    );
    let handled_on_duty = counted
        .iter()
        .filter(|i| {
            i.spec
                .handled_by
                .is_some_and(|m| on_duty_at(input, m, i.spec.arrived_at))
        })
        .count();
    let mut heat = vec![vec![0u32; 24]; 7];
    for i in &counted {
        let local = i.spec.arrived_at.with_timezone(&zone);
        heat[local.weekday().num_days_from_monday() as usize][local.hour() as usize] += 1;
    }
    let team_hours = |span: DateSpan| -> f64 { input.members.iter().map(|m| person_hours(input, m, span)).sum() };
    let per_sprint: Vec<SprintTally> = input
        .sprints
        .iter()
        .filter(|s| s.span().overlaps(&input.range))
        .map(|s| {
            let mine: Vec<&&Interrupt> = counted
                .iter()
                .filter(|i| s.span().contains(local_day(i.spec.arrived_at, zone)))
                .collect();
            let minutes: u64 = mine.iter().map(|i| u64::from(i.spec.minutes)).sum();
            let hours = team_hours(s.span());
            SprintTally {
                sprint: s.spec.name.clone(),
                days: s.span(),
                count: mine.len(),
                minutes,
                ops_percent: if hours > 0.0 {
                    (minutes as f64 / 60.0 / hours * 100.0).round() as u32
                } else {
                    0
                },
            }
        })
        .collect();
    let causes: Vec<&Interrupt> = counted
        .iter()
        .copied()
        .filter(|i| !i.spec.root_cause.trim().is_empty())
        .collect();
    let norm = |t: &str| t.split_whitespace().collect::<Vec<_>>().join(" ").to_lowercase();
    let mut by_cause: BTreeMap<String, (String, usize, u64)> = BTreeMap::new();
    for i in causes {
        let e = by_cause
            .entry(norm(&i.spec.root_cause))
            .or_insert_with(|| (i.spec.root_cause.trim().to_owned(), 0, 0));
        e.1 += 1;
        e.2 += u64::from(i.spec.minutes);
    }
    let mut recurring_causes: Vec<Tally> = by_cause
        .into_iter()
        .filter(|(_, (_, n, _))| *n >= 2)
        .map(|(key, (label, count, minutes))| Tally {
            key,
            label,
            count,
            minutes,
        })
        .collect();
    recurring_causes.sort_by(|a, b| b.count.cmp(&a.count).then(b.minutes.cmp(&a.minutes)));
    let per_person = input
        .members
        .iter()
        .map(|m| {
            let mine: Vec<&&Interrupt> = counted.iter().filter(|i| i.spec.handled_by == Some(m.id)).collect();
            let (on, off): (Vec<&&&Interrupt>, Vec<&&&Interrupt>) =
                mine.iter().partition(|i| on_duty_at(input, m.id, i.spec.arrived_at));
            PersonTally {
                member_id: m.id,
                name: m.spec.name.clone(),
                on_duty: on.len(),
                on_duty_minutes: on.iter().map(|i| u64::from(i.spec.minutes)).sum(),
                off_duty: off.len(),
                off_duty_minutes: off.iter().map(|i| u64::from(i.spec.minutes)).sum(),
            }
        })
        .collect();
    let breaches = breaches(input, &counted, &per_sprint);
    let mut stats = InterruptStats {
        range: input.range,
        count,
        minutes,
        by_category,
        by_severity,
        handled_on_duty: share(handled_on_duty, count),
        pulled_off_focus: share(counted.iter().filter(|i| i.spec.pulled_off_focus).count(), count),
        could_have_waited: share(counted.iter().filter(|i| i.spec.could_have_waited).count(), count),
        urgent: share(
            counted
                .iter()
                .filter(|i| matches!(i.spec.severity, Severity::Critical | Severity::High))
                .count(),
            count,
        ),
        per_sprint,
        heat,
        recurring_causes,
        per_person,
        breaches,
        observations: Vec::new(),
    };
    stats.observations = observations(&stats);
    stats
}

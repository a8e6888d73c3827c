//! The simulation loop: arrivals are drawn once per sprint and replayed for every strategy; each
//! developer's day is then cut into busy stretches and the focus blocks between them.
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;

use super::model::{InterruptModel, HOURS};
use super::{
    SensitivityCell, Simulation, SimulationSettings, Spread, Strategy, StrategyKind, StrategyResult, BLOCK_RANGE,
    RECOVERY_RANGE,
};
use crate::Invalid;

/// Minutes in the modelled working day.
const DAY: f64 = (HOURS * 60) as f64;
/// First-response waits are counted per minute up to a day.
const RESPONSE_BUCKETS: usize = 24 * 60 + 1;

/// The team as the simulator sees it.
#[derive(Debug, Clone, PartialEq)]
pub struct SimTeam {
    /// Capacity (0–1) of each developer who takes duty.
    pub people: Vec<f64>,
    /// The weekday (Monday = 0) of each working day of a sprint.
    pub sprint_weekdays: Vec<usize>,
    /// Points per focus person-day from the team's history, when there is one.
    pub velocity_per_focus_day: Option<f64>,
}

/// One interrupt of a simulated (or replayed) sprint.
#[derive(Debug, Clone, Copy)]
pub(super) struct Arrival {
    /// Index of the sprint's working day.
    pub day: usize,
    /// Minutes after 09:00.
    pub minute: f64,
    /// Minutes of work.
    pub minutes: f64,
    /// Critical or high: handled at once.
    pub urgent: bool,
    /// Could have waited.
    pub can_wait: bool,
    /// Who gets it when nobody is on duty (modulo the team's size).
    pub pick: u32,
    /// Whether the Op of the Week escalates it.
    pub escalate: bool,
}

fn poisson(rng: &mut ChaCha8Rng, mean: f64) -> u32 {
    if mean <= 0.0 {
        return 0;
    }
    let limit = (-mean).exp();
    let (mut k, mut p) = (0u32, 1.0f64);
    loop {
        p *= rng.random::<f64>();
        if p <= limit || k > 1000 {
            return k;
        }
        k += 1;
    }
}

/// Draws one sprint of arrivals (sorted by day and minute) into `out`.
fn draw(model: &InterruptModel, team: &SimTeam, escalation: f64, rng: &mut ChaCha8Rng, out: &mut Vec<Arrival>) {
    out.clear();
    for (day, &wd) in team.sprint_weekdays.iter().enumerate() {
        let start = out.len();
        for (hour, &rate) in model.rate[wd].iter().enumerate() {
            for _ in 0..poisson(rng, rate) {
                let urgent = rng.random::<f64>() < model.urgent_share;
                let pool = if urgent {
                    &model.urgent_minutes
                } else {
                    &model.other_minutes
                };
                let minutes = f64::from(pool[rng.random_range(0..pool.len())]);
                let can_wait = !urgent && rng.random::<f64>() < model.wait_share;
                out.push(Arrival {
                    day,
                    minute: hour as f64 * 60.0 + rng.random::<f64>() * 60.0,
                    minutes,
                    urgent,
                    can_wait,
                    pick: rng.random(),
                    escalate: urgent && rng.random::<f64>() < escalation,
                });
            }
        }
        out[start..].sort_by(|a, b| a.minute.total_cmp(&b.minute));
    }
}

/// Totals of one strategy over all runs.
#[derive(Default)]
struct Tally {
    focus: Vec<f64>,
    minutes: f64,
    switches: f64,
    /// Urgent first-response waits, counted per whole minute (the last bucket holds the rest).
    responses: Vec<u64>,
    duty_days: f64,
    overloaded: f64,
    breaches: f64,
    chores: f64,
    load: Vec<f64>,
}

fn percentile(sorted: &[f64], q: f64) -> f64 {
    if sorted.is_empty() {
        return 0.0;
    }
    sorted[((sorted.len() - 1) as f64 * q).round() as usize]
}

/// The `q` quantile (in whole minutes) of per-minute counts.
fn bucket_percentile(counts: &[u64], q: f64) -> f64 {
    let total: u64 = counts.iter().sum();
    if total == 0 {
        return 0.0;
    }
    let rank = ((total - 1) as f64 * q).round() as u64;
    let mut seen = 0;
    for (minute, n) in counts.iter().enumerate() {
        seen += n;
        if seen > rank {
            return minute as f64;
        }
    }
    (counts.len() - 1) as f64
}

fn spread(mut v: Vec<f64>) -> Spread {
    v.sort_by(f64::total_cmp);
    let mean = if v.is_empty() {
        0.0
    } else {
        v.iter().sum::<f64>() / v.len() as f64
    };
    Spread {
        mean,
        low: percentile(&v, 0.1),
        high: percentile(&v, 0.9),
    }
}

/// Per-person scratch space of one day.
#[derive(Default, Clone)]
struct Person {
    events: Vec<(f64, f64, bool)>,
    deferred: f64,
    urgent: u32,
}

/// What the person on duty's day comes to when every interrupt of the day is theirs: the same for
/// every shield (daily, weekly, per sprint, standing), so it is worked out once per day and run.
#[derive(Default, Clone, Copy)]
struct DutyDay {
    /// Something arrived (the person on duty was handed it).
    any: bool,
    /// Minutes of the interrupts handed over (handled at once, then deferred).
    minutes: f64,
    /// Minutes of work: handling, recovery, deferred.
    work: f64,
    /// Urgent interrupts handled.
    urgent: u32,
    /// The first-response buckets of the urgent ones, in `Sim::responses`.
    responses: (usize, usize),
}

/// The loop's state, allocated once and reused for every run and strategy.
struct Sim<'a> {
    team: &'a SimTeam,
    settings: &'a SimulationSettings,
    strategies: &'a [Strategy],
    /// Per strategy, per person: the focus of a day nobody disturbs (the whole window if it is
    /// long enough to count).
    wholes: Vec<Vec<f64>>,
    /// Per strategy: the sum of `wholes`.
    undisturbed: Vec<f64>,
    people: Vec<Person>,
    touched: Vec<usize>,
    /// The day each person was last reset (`usize::MAX`: never).
    stamp: Vec<usize>,
    /// Where each day's arrivals begin (one more entry for the end).
    bounds: Vec<usize>,
    /// Per day, the duty day without and with backlog-and-wait.
    duty_days: [Vec<DutyDay>; 2],
    /// Which of those the strategies need.
    need: [bool; 2],
    responses: Vec<u16>,
}

impl<'a> Sim<'a> {
    fn new(team: &'a SimTeam, settings: &'a SimulationSettings, strategies: &'a [Strategy]) -> Sim<'a> {
        let n = team.people.len();
        let block = f64::from(settings.block_minutes);
        let wholes: Vec<Vec<f64>> = strategies
            .iter()
            .map(|s| {
                team.people
                    .iter()
                    .map(|c| {
                        let length = DAY * c;
                        let window = if s.kind == StrategyKind::OpsShare {
                            length * (1.0 - settings.ops_share)
                        } else {
                            length
                        };
                        if window >= block {
                            window
                        } else {
                            0.0
                        }
                    })
                    .collect()
            })
            .collect();
        let undisturbed = wholes.iter().map(|w| w.iter().sum()).collect();
        let mut need = [false; 2];
        for s in strategies {
            if has_duty(s.kind) {
                need[usize::from(s.backlog_and_wait)] = true;
            }
        }
        let days = team.sprint_weekdays.len();
        Sim {
            team,
            settings,
            strategies,
            wholes,
            undisturbed,
            people: vec![Person::default(); n],
            touched: Vec::with_capacity(n),
            stamp: vec![usize::MAX; n],
            bounds: Vec::with_capacity(days + 1),
            duty_days: [vec![DutyDay::default(); days], vec![DutyDay::default(); days]],
            need,
            responses: Vec::new(),
        }
    }

    fn length(&self, i: usize) -> f64 {
        DAY * self.team.people[i]
    }

    /// Runs one sprint (its arrivals, sorted by day and minute) under every strategy.
    fn sprint(&mut self, run: usize, arrivals: &[Arrival], tallies: &mut [Tally]) {
        let days = self.team.sprint_weekdays.len();
        self.bounds.clear();
        let mut next = 0;
        for day in 0..days {
            while next < arrivals.len() && arrivals[next].day < day {
                next += 1;
            }
            self.bounds.push(next);
        }
        self.bounds.push(arrivals.len());
        self.responses.clear();
        for wait in [false, true] {
            if self.need[usize::from(wait)] {
                for day in 0..days {
                    let d = self.duty_day(&arrivals[self.bounds[day]..self.bounds[day + 1]], wait);
                    self.duty_days[usize::from(wait)][day] = d;
                }
            }
        }
        for (k, t) in tallies.iter_mut().enumerate() {
            let s = self.strategies[k];
            if has_duty(s.kind) {
                self.shielded(k, s, run, arrivals, t);
            }
        }
        for wait in [false, true] {
            self.unshielded(wait, run, arrivals, tallies);
        }
    }

    /// The day of a person on duty who is handed every interrupt of `day` (the waiting ones,
    /// with backlog-and-wait, at the end of it). Their recovery counts too: each interrupt pulls
    /// them off their chores.
    fn duty_day(&mut self, day: &[Arrival], wait: bool) -> DutyDay {
        let recovery = f64::from(self.settings.recovery_minutes);
        let (mut free_at, mut busy, mut minutes, mut deferred) = (0.0f64, 0.0f64, 0.0f64, 0.0f64);
        let mut urgent = 0;
        let first = self.responses.len();
        for a in day {
            if wait && a.can_wait {
                deferred += a.minutes;
                continue;
            }
            let start = a.minute.max(free_at);
            if a.urgent {
                urgent += 1;
                let minute = ((start - a.minute) as usize).min(RESPONSE_BUCKETS - 1);
                self.responses.push(minute as u16);
            }
            free_at = start + a.minutes + recovery;
            busy += a.minutes + recovery;
            minutes += a.minutes;
        }
        DutyDay {
            any: !day.is_empty(),
            minutes: minutes + deferred,
            work: busy + deferred,
            urgent,
            responses: (first, self.responses.len()),
        }
    }

    /// A strategy with someone on duty: they take every interrupt; the Op of the Week hands a
    /// share of the urgent ones to the Dev of the Week as well.
    fn shielded(&mut self, k: usize, s: Strategy, run: usize, arrivals: &[Arrival], t: &mut Tally) {
        let n = self.team.people.len();
        let days = self.team.sprint_weekdays.len();
        let mut focus = 0.0;
        for day in 0..days {
            let global = run * days + day;
            let d = match s.kind {
                StrategyKind::Daily => global % n,
                StrategyKind::Weekly => (global / 5) % n,
                StrategyKind::PerSprint => run % n,
                _ => 0,
            };
            let dd = self.duty_days[usize::from(s.backlog_and_wait)][day];
            let length = self.length(d);
            focus += self.undisturbed[k];
            focus -= self.wholes[k][d];
            t.duty_days += 1.0;
            if !dd.any {
                t.chores += length;
                continue;
            }
            for &r in &self.responses[dd.responses.0..dd.responses.1] {
                t.responses[usize::from(r)] += 1;
            }
            t.minutes += dd.minutes;
            t.load[d] += dd.work;
            if dd.urgent > 2 {
                t.breaches += 1.0;
            }
            if dd.work > length {
                t.overloaded += 1.0;
            }
            t.chores += (length - dd.work).max(0.0);
            if s.kind == StrategyKind::Weekly && n > 1 {
                let second = (d + 1) % n;
                let p = &mut self.people[second];
                p.events.clear();
                p.deferred = 0.0;
                p.urgent = 0;
                for a in &arrivals[self.bounds[day]..self.bounds[day + 1]] {
                    if a.escalate {
                        p.events.push((a.minute, a.minutes, false));
                    }
                }
                if !p.events.is_empty() {
                    focus -= self.wholes[k][second];
                    focus += self.off_duty(s, second, t);
                }
            }
        }
        t.focus.push(focus / 60.0);
    }

    /// The strategies with nobody on duty and the same backlog-and-wait (no shield and ops share,
    /// say): each interrupt goes to whoever is asked, so each person's day is laid out once and
    /// read by every one of them (only the focus window differs).
    fn unshielded(&mut self, wait: bool, run: usize, arrivals: &[Arrival], tallies: &mut [Tally]) {
        let n = self.team.people.len();
        let days = self.team.sprint_weekdays.len();
        let group: Vec<usize> = (0..self.strategies.len())
            .filter(|&k| !has_duty(self.strategies[k].kind) && self.strategies[k].backlog_and_wait == wait)
            .collect();
        if group.is_empty() {
            return;
        }
        let mut focus = vec![0.0f64; group.len()];
        for day in 0..days {
            let stamp = run * days + day;
            self.touched.clear();
            for a in &arrivals[self.bounds[day]..self.bounds[day + 1]] {
                let i = a.pick as usize % n;
                let p = &mut self.people[i];
                if self.stamp[i] != stamp {
                    self.stamp[i] = stamp;
                    self.touched.push(i);
                    p.events.clear();
                    p.deferred = 0.0;
                    p.urgent = 0;
                }
                if wait && a.can_wait {
                    p.deferred += a.minutes;
                    continue;
                }
                p.events.push((a.minute, a.minutes, a.urgent));
                if a.urgent {
                    p.urgent += 1;
                }
            }
            for (g, &k) in group.iter().enumerate() {
                let s = self.strategies[k];
                focus[g] += self.undisturbed[k];
                for j in 0..self.touched.len() {
                    let i = self.touched[j];
                    focus[g] -= self.wholes[k][i];
                    focus[g] += self.off_duty(s, i, &mut tallies[k]);
                }
            }
        }
        // The next group's stamps must not match this one's.
        self.stamp.iter_mut().for_each(|x| *x = usize::MAX);
        for (g, &k) in group.iter().enumerate() {
            tallies[k].focus.push(focus[g] / 60.0);
        }
    }

    /// The day of person `i`, not on duty, who was handed `people[i]`: busy stretches, and what is
    /// left between them that is long enough to count as focus (returned, in minutes).
    fn off_duty(&self, s: Strategy, i: usize, t: &mut Tally) -> f64 {
        let p = &self.people[i];
        let recovery = f64::from(self.settings.recovery_minutes);
        let block = f64::from(self.settings.block_minutes);
        let length = self.length(i);
        let window = if s.kind == StrategyKind::OpsShare {
            length * (1.0 - self.settings.ops_share)
        } else {
            length
        };
        let (mut free_at, mut busy, mut gaps) = (0.0f64, 0.0f64, 0.0f64);
        let focus_end = (window - p.deferred).max(0.0);
        let mut count = |from: f64, to: f64| {
            let (from, to) = (from.min(focus_end), to.min(focus_end));
            if to - from > 0.0 && to - from >= block {
                gaps += to - from;
            }
        };
        let mut minutes = 0.0;
        for &(at, m, urgent) in &p.events {
            let start = at.max(free_at);
            if urgent {
                let minute = ((start - at) as usize).min(RESPONSE_BUCKETS - 1);
                t.responses[minute] += 1;
            }
            count(free_at, start);
            free_at = start + m + recovery;
            busy += m + recovery;
            minutes += m;
        }
        count(free_at, length);
        // Work that runs past the end of the day is taken from focus all the same.
        let gaps = (gaps - (free_at - length).max(0.0)).max(0.0);
        t.minutes += minutes + p.deferred;
        t.load[i] += busy + p.deferred;
        if p.urgent > 2 {
            t.breaches += 1.0;
        }
        t.switches += p.events.len() as f64;
        gaps
    }
}

/// Whether the strategy puts someone on duty.
fn has_duty(kind: StrategyKind) -> bool {
    !matches!(kind, StrategyKind::NoShield | StrategyKind::OpsShare)
}

fn run_all(
    model: &InterruptModel,
    team: &SimTeam,
    settings: &SimulationSettings,
    strategies: &[Strategy],
) -> Vec<Tally> {
    let mut tallies = new_tallies(team, strategies);
    let mut rng = ChaCha8Rng::seed_from_u64(settings.seed);
    let mut arrivals = Vec::new();
    let mut sim = Sim::new(team, settings, strategies);
    for run in 0..settings.runs as usize {
        draw(model, team, settings.escalation_share, &mut rng, &mut arrivals);
        sim.sprint(run, &arrivals, &mut tallies);
    }
    tallies
}

/// The team focus hours of one given sprint of arrivals (sorted by day and minute) under `s`:
/// the simulation's day model without the draw, for the backtest's replay of a logged sprint.
pub(super) fn replay(team: &SimTeam, settings: &SimulationSettings, s: Strategy, arrivals: &[Arrival]) -> f64 {
    let strategies = [s];
    let mut tallies = new_tallies(team, &strategies);
    let mut sim = Sim::new(team, settings, &strategies);
    sim.sprint(0, arrivals, &mut tallies);
    tallies[0].focus[0]
}

fn new_tallies(team: &SimTeam, strategies: &[Strategy]) -> Vec<Tally> {
    strategies
        .iter()
        .map(|_| Tally {
            load: vec![0.0; team.people.len()],
            responses: vec![0; RESPONSE_BUCKETS],
            ..Tally::default()
        })
        .collect()
}

fn result(s: Strategy, t: Tally, team: &SimTeam, runs: f64) -> StrategyResult {
    let n = team.people.len() as f64;
    let responses = &t.responses;
    let mean_load = t.load.iter().sum::<f64>() / n;
    let max_load = t.load.iter().copied().fold(0.0, f64::max);
    let points = team.velocity_per_focus_day.map(|v| {
        let f = spread(t.focus.clone());
        Spread {
            mean: f.mean / 8.0 * v,
            low: f.low / 8.0 * v,
            high: f.high / 8.0 * v,
        }
    });
    StrategyResult {
        strategy: s,
        name: s.name(),
        label: if s.backlog_and_wait {
            format!("{}, and what can wait goes to the backlog", s.kind.label())
        } else {
            s.kind.label().to_owned()
        },
        focus_hours: spread(t.focus),
        interrupt_hours: t.minutes / runs / 60.0,
        points,
        context_switches_per_dev: t.switches / runs / n,
        first_response_p50: bucket_percentile(responses, 0.5),
        first_response_p95: bucket_percentile(responses, 0.95),
        duty_overload_chance: if t.duty_days > 0.0 {
            t.overloaded / t.duty_days
        } else {
            0.0
        },
        breaches_per_sprint: t.breaches / runs,
        chores_hours: t.chores / runs / 60.0,
        load_spread: if mean_load > 0.0 { max_load / mean_load } else { 1.0 },
    }
}

/// The strategy with the most focus; on a tie the one listed first (no shield before shields).
fn winner(results: &[StrategyResult]) -> String {
    let mut best: Option<&StrategyResult> = None;
    for r in results {
        if best.is_none_or(|b| r.focus_hours.mean > b.focus_hours.mean + 1e-9) {
            best = Some(r);
        }
    }
    best.map(|r| r.name.clone()).unwrap_or_default()
}

/// One result per strategy over `settings.runs` sprints, in the order given (no sensitivity).
pub fn compare(
    model: &InterruptModel,
    team: &SimTeam,
    settings: &SimulationSettings,
    strategies: &[Strategy],
) -> Vec<StrategyResult> {
    let runs = f64::from(settings.runs);
    strategies
        .iter()
        .zip(run_all(model, team, settings, strategies))
        .map(|(s, t)| result(*s, t, team, runs))
        .collect()
}

/// Draws the arrivals of `settings.runs` sprints and nothing else: the same random numbers a
/// simulation draws, so a benchmark can tell the simulation's own cost from the drawing's.
/// Returns how many interrupts were drawn.
pub fn draw_only(model: &InterruptModel, team: &SimTeam, settings: &SimulationSettings) -> usize {
    let mut rng = ChaCha8Rng::seed_from_u64(settings.seed);
    let mut arrivals = Vec::new();
    let mut total = 0;
    for _ in 0..settings.runs {
        draw(model, team, settings.escalation_share, &mut rng, &mut arrivals);
        total += arrivals.len();
    }
    total
}

/// The number and the hours of interrupts of each of `settings.runs` drawn sprints: the same
/// draw a simulation with these settings makes, for the backtest's ranges.
pub(super) fn drawn_load(model: &InterruptModel, team: &SimTeam, settings: &SimulationSettings) -> (Spread, Spread) {
    let mut rng = ChaCha8Rng::seed_from_u64(settings.seed);
    let mut arrivals = Vec::new();
    let (mut counts, mut hours) = (Vec::new(), Vec::new());
    for _ in 0..settings.runs {
        draw(model, team, settings.escalation_share, &mut rng, &mut arrivals);
        counts.push(arrivals.len() as f64);
        hours.push(arrivals.iter().map(|a| a.minutes).sum::<f64>() / 60.0);
    }
    (spread(counts), spread(hours))
}

/// Simulates `strategies` (all seven when empty) for `team` over `settings.runs` sprints drawn
/// from `model`, with the sensitivity of the winner to the recovery and block assumptions.
pub fn simulate(
    model: &InterruptModel,
    team: &SimTeam,
    settings: SimulationSettings,
    strategies: &[Strategy],
) -> Result<Simulation, Invalid> {
    let settings = settings.validate()?;
    if team.people.is_empty() {
        return Err(Invalid::new(
            "team",
            "the team has nobody who takes duty; add members first",
        ));
    }
    if team.sprint_weekdays.is_empty() {
        return Err(Invalid::new("team", "the team's sprint has no working days"));
    }
    let strategies = if strategies.is_empty() {
        Strategy::all()
    } else {
        strategies.to_vec()
    };
    let mut results = compare(model, team, &settings, &strategies);
    let best = winner(&results);
    results.sort_by(|a, b| b.focus_hours.mean.total_cmp(&a.focus_hours.mean));
    let quick = SimulationSettings {
        runs: (settings.runs / 10).max(200).min(settings.runs),
        ..settings
    };
    let mut sensitivity = Vec::new();
    for recovery in RECOVERY_RANGE {
        for block in BLOCK_RANGE {
            let s = SimulationSettings {
                recovery_minutes: recovery,
                block_minutes: block,
                ..quick
            };
            let cell = compare(model, team, &s, &strategies);
            sensitivity.push(SensitivityCell {
                recovery_minutes: recovery,
                block_minutes: block,
                winner: winner(&cell),
            });
        }
    }
    let flips = sensitivity.iter().any(|c| c.winner != best);
    let warnings: Vec<String> = results
        .iter()
        .filter(|r| r.duty_overload_chance >= 0.2)
        .map(|r| {
            format!(
                "{}: the person on duty has more interrupt work than the day has hours on {:.0} % of duty days",
                r.label,
                r.duty_overload_chance * 100.0
            )
        })
        .collect();
    let first = &results[0];
    let lead = match results.get(1) {
        Some(next) if first.focus_hours.mean - next.focus_hours.mean < 0.02 * first.focus_hours.mean.max(1.0) => {
            format!("practically tied with \u{201c}{}\u{201d} (within 2 %)", next.label)
        }
        Some(next) => format!(
            "{:.0} hours more than \u{201c}{}\u{201d}",
            first.focus_hours.mean - next.focus_hours.mean,
            next.label
        ),
        None => "the only strategy compared".to_owned(),
    };
    let summary = format!(
        "Most focus: \u{201c}{}\u{201d}, {:.0} team hours per sprint (80 % of sprints between {:.0} and {:.0}), {lead}. {}",
        first.label,
        first.focus_hours.mean,
        first.focus_hours.low,
        first.focus_hours.high,
        super::flips::flip_sentence(&sensitivity, &best, |name| {
            results
                .iter()
                .find(|r| r.name == name)
                .map_or_else(|| name.to_owned(), |r| r.label.clone())
        })
    );
    let mut assumptions = model.assumptions.clone();
    assumptions.extend([
        format!(
            "an interrupt costs its minutes plus {} minutes of recovery; focus counts only in blocks of {} minutes or more",
            settings.recovery_minutes, settings.block_minutes
        ),
        "an 8-hour day (09:00–17:00) per person, scaled by capacity; the person on duty does no sprint work".to_owned(),
        format!(
            "\"ops share\" sets {:.0} % of everyone's day aside; the Op of the Week escalates {:.0} % of urgent interrupts",
            settings.ops_share * 100.0,
            settings.escalation_share * 100.0
        ),
        format!("{} simulated sprints, seed {}; every strategy sees the same arrivals", settings.runs, settings.seed),
    ]);
    Ok(Simulation {
        model: model.clone(),
        settings,
        results,
        winner: best,
        sensitivity,
        winner_flips: flips,
        warnings,
        assumptions,
        summary,
    })
}

//! Fair selection for rotating policies (daily, weekly, per sprint).
//!
//! Every turn, kept or to plan, hands out one turn's worth of *entitlement* (a count and its
//! weighted hours) to the pool members available for it, in proportion to their capacity. A
//! member's deficit is entitlement minus what they actually carried. So: part-time members are
//! entitled to less; someone away earns no entitlement while away and owes nothing for it; a
//! newcomer starts level instead of owing the whole history.
//!
//! Picking a member for a window:
//! 1. hard filters, relaxed in tiers only when nobody passes: free (active, not on time off) and
//!    not on the paired escalation policy at the same time; then active; then not paired; then
//!    anyone in the pool;
//! 2. the *band*: candidates within half a turn of the largest count deficit (keeps turn counts
//!    within one of each other when everyone is alike);
//! 3. in the band, in order: respects the minimum gap, fewer repeats of the same escalation
//!    pair, not two newcomers together, then load: a heavy window (weekend-laden Friday,
//!    holiday week) goes to the one with the largest weighted deficit, a light one to whoever
//!    carried the most, so heavy turns rotate; last, the lowest member id.
use std::collections::HashMap;

use chrono::{DateTime, Duration, Utc};

use super::calendar::Calendar;
use super::handoff::Window;
use super::planner::{uncovered, Explanation};
use super::policy::DutyPolicy;
use super::turn::Turn;
use crate::member::Member;
use crate::time::DateSpan;
use crate::Id;

/// Half a turn: candidates this close to the largest count deficit are treated as level.
const BAND: f64 = 0.5;
/// A member who joined less than this many days before a turn counts as a newcomer.
const NEWCOMER_DAYS: i64 = 56;

#[derive(Debug, Default, Clone)]
struct Ledger {
    count: f64,
    load: f64,
    ent_count: f64,
    ent_load: f64,
    last_seq: Option<usize>,
    shadowed: u32,
}

impl Ledger {
    fn count_deficit(&self) -> f64 {
        self.ent_count - self.count
    }
    fn load_deficit(&self) -> f64 {
        self.ent_load - self.load
    }
}

/// The running state of one rotating policy while it is planned.
pub(crate) struct Rota<'c, 'a> {
    cal: &'c Calendar<'a>,
    policy: &'c DutyPolicy,
    eligible: Vec<&'a Member>,
    partners: Vec<Turn>,
    ledgers: HashMap<Id, Ledger>,
    pairs: HashMap<(Id, Id), u32>,
    longest_partner: Duration,
    seq: usize,
    weight_sum: f64,
}

/// How a window's weighted hours compare with the policy's average turn so far.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Size {
    /// More than 5 % above average: goes to the largest weighted deficit.
    Heavy,
    /// More than 5 % below average: goes to whoever carried most.
    Light,
    /// Around average: goes to the largest weighted deficit.
    Usual,
}

impl Size {
    fn of(weight: f64, avg: f64) -> Self {
        if weight > avg * 1.05 {
            Size::Heavy
        } else if weight < avg * 0.95 {
            Size::Light
        } else {
            Size::Usual
        }
    }
}

/// What the planner weighed for one candidate; smaller sorts first.
struct Candidate {
    id: Id,
    gap_violation: bool,
    pair_repeats: u32,
    newcomer_pair: bool,
    load_key: f64,
}

impl<'c, 'a> Rota<'c, 'a> {
    pub fn new(cal: &'c Calendar<'a>, policy: &'c DutyPolicy, partners: Vec<Turn>) -> Self {
        let eligible = policy.eligible(&cal.ctx.members);
        let longest_partner = partners.iter().map(|t| t.end - t.start).max().unwrap_or_default();
        Self {
            longest_partner,
            cal,
            policy,
            eligible,
            partners,
            ledgers: HashMap::new(),
            pairs: HashMap::new(),
            seq: 0,
            weight_sum: 0.0,
        }
    }

    /// Walks kept turns and windows in time order; returns all turns of the policy (kept and
    /// generated, sorted) and an explanation per generated window.
    pub fn run(mut self, kept: Vec<Turn>, windows: &[Window]) -> (Vec<Turn>, Vec<Explanation>) {
        let mut out: Vec<Turn> = Vec::new();
        let mut why = Vec::new();
        let mut k = 0;
        for w in windows {
            while k < kept.len() && kept[k].start < w.start {
                self.account_kept(&kept[k]);
                k += 1;
            }
            let pieces = uncovered(*w, &kept);
            if pieces.is_empty() {
                continue;
            }
            if let Some((member, reason)) = self.choose(&pieces) {
                let shadow = self.pick_shadow(member, &pieces);
                why.push(Explanation {
                    policy_id: self.policy.id,
                    start: pieces[0].start,
                    member_id: member,
                    reason,
                });
                out.extend(pieces.iter().map(|p| Turn {
                    shadow_member_id: shadow,
                    ..Turn::generated(self.policy.id, member, p.start, p.end)
                }));
            }
        }
        for t in &kept[k..] {
            self.account_kept(t);
        }
        out.extend(kept);
        out.sort_by_key(|t| (t.start, t.end));
        (out, why)
    }

    fn account_kept(&mut self, t: &Turn) {
        let days = self.cal.duty_days(t.start, t.end);
        let weight = self.cal.weighted_hours(t.start, t.end, &self.policy.spec.weights);
        let free = self.free_on(days);
        self.entitle(&free, weight);
        let partners = self.partner_members(t.start, t.end);
        self.assign(t.member_id, weight, &partners);
    }

    /// The eligible members available on every day of `days`.
    fn free_on(&self, days: DateSpan) -> Vec<Id> {
        self.eligible
            .iter()
            .map(|m| m.id)
            .filter(|id| self.cal.available(*id, days))
            .collect()
    }

    /// Hands out one turn of entitlement (count 1, `weight` hours) to `free` by capacity.
    fn entitle(&mut self, free: &[Id], weight: f64) {
        self.weight_sum += weight;
        let cap = |id: &Id| self.cal.member(*id).map_or(1.0, |m| f64::from(m.spec.capacity_percent));
        let total: f64 = free.iter().map(cap).sum();
        if total <= 0.0 {
            return;
        }
        for id in free {
            let share = cap(id) / total;
            let l = self.ledgers.entry(*id).or_default();
            l.ent_count += share;
            l.ent_load += share * weight;
        }
    }

    fn assign(&mut self, member: Id, weight: f64, partners: &[Id]) {
        let l = self.ledgers.entry(member).or_default();
        l.count += 1.0;
        l.load += weight;
        l.last_seq = Some(self.seq);
        self.seq += 1;
        for p in partners {
            *self.pairs.entry((*p, member)).or_default() += 1;
        }
    }

    /// Members on a paired escalation policy at any instant of `[start, end)`.
    fn partner_members(&self, start: DateTime<Utc>, end: DateTime<Utc>) -> Vec<Id> {
        let upto = self.partners.partition_point(|t| t.start < end);
        let from = self
            .partners
            .partition_point(|t| t.start < start - self.longest_partner);
        let mut ids: Vec<Id> = self.partners[from..upto]
            .iter()
            .filter(|t| t.overlaps(start, end))
            .map(|t| t.member_id)
            .collect();
        ids.sort_unstable();
        ids.dedup();
        ids
    }

    fn choose(&mut self, pieces: &[Window]) -> Option<(Id, String)> {
        let (start, end) = (pieces[0].start, pieces[pieces.len() - 1].end);
        let days = self.cal.duty_days(start, end);
        let weight: f64 = pieces
            .iter()
            .map(|p| self.cal.weighted_hours(p.start, p.end, &self.policy.spec.weights))
            .sum();
        let partners = self.partner_members(start, end);
        let free = self.free_on(days);
        self.entitle(&free, weight);
        let pool = self.tiered_pool(&free, &partners, days);
        let size = Size::of(weight, self.weight_sum / (self.seq + 1) as f64);
        let best = self.rank(&pool, &partners, days, size)?;
        let reason = self.reason(best, &free, &partners, days, size, weight);
        self.assign(best, weight, &partners);
        Some((best, reason))
    }

    /// The candidates of the first non-empty tier (see the module docs).
    fn tiered_pool(&self, free: &[Id], partners: &[Id], days: DateSpan) -> Vec<Id> {
        let unpaired = |id: &Id| !partners.contains(id);
        let active = |id: &Id| self.cal.member(*id).is_some_and(|m| m.is_active_on(days.first));
        let all: Vec<Id> = self.eligible.iter().map(|m| m.id).collect();
        let tiers: [Vec<Id>; 4] = [
            free.iter().copied().filter(unpaired).collect(),
            all.iter().copied().filter(|id| active(id) && unpaired(id)).collect(),
            all.iter().copied().filter(unpaired).collect(),
            all,
        ];
        tiers.into_iter().find(|t| !t.is_empty()).unwrap_or_default()
    }

    fn rank(&self, pool: &[Id], partners: &[Id], days: DateSpan, size: Size) -> Option<Id> {
        let ledger = |id: &Id| self.ledgers.get(id).cloned().unwrap_or_default();
        let top = pool
            .iter()
            .map(|id| ledger(id).count_deficit())
            .fold(f64::MIN, f64::max);
        let gap = usize::from(self.policy.spec.min_gap_turns);
        let partner_newcomer = partners.iter().any(|p| self.is_newcomer(*p, days));
        pool.iter()
            .filter(|id| ledger(id).count_deficit() >= top - BAND)
            .map(|id| {
                let l = ledger(id);
                Candidate {
                    id: *id,
                    gap_violation: l.last_seq.is_some_and(|s| self.seq - s - 1 < gap),
                    pair_repeats: partners
                        .iter()
                        .map(|p| self.pairs.get(&(*p, *id)).copied().unwrap_or(0))
                        .sum(),
                    newcomer_pair: partner_newcomer && self.is_newcomer(*id, days),
                    load_key: if size == Size::Light {
                        -l.load_deficit()
                    } else {
                        l.load_deficit()
                    },
                }
            })
            .min_by(|a, b| {
                (a.gap_violation, a.pair_repeats, a.newcomer_pair)
                    .cmp(&(b.gap_violation, b.pair_repeats, b.newcomer_pair))
                    .then(b.load_key.total_cmp(&a.load_key))
                    .then(a.id.cmp(&b.id))
            })
            .map(|c| c.id)
    }

    fn is_newcomer(&self, id: Id, days: DateSpan) -> bool {
        self.cal
            .member(id)
            .and_then(|m| m.spec.active_from)
            .is_some_and(|f| f <= days.first && days.first - f < Duration::days(NEWCOMER_DAYS))
    }

    fn reason(&self, best: Id, free: &[Id], partners: &[Id], days: DateSpan, size: Size, weight: f64) -> String {
        let l = self.ledgers.get(&best).cloned().unwrap_or_default();
        let load = format!("weighted load {:.1} h vs fair {:.1} h", l.load, l.ent_load);
        let why = match size {
            Size::Heavy => format!("heavy turn ({weight:.1} weighted h) to the one furthest below a fair load: {load}"),
            Size::Light => format!("light turn to the one who carried most: {load}"),
            Size::Usual => load,
        };
        let mut text = format!(
            "{}: {} of a fair {:.1} turns so far; {why}",
            self.cal.name(best),
            l.count,
            l.ent_count
        );
        let away: Vec<String> = self
            .eligible
            .iter()
            .filter(|m| !free.contains(&m.id))
            .map(|m| m.spec.name.clone())
            .collect();
        if !away.is_empty() {
            text.push_str(&format!("; away: {}", away.join(", ")));
        }
        if !partners.is_empty() {
            let names: Vec<String> = partners.iter().map(|p| self.cal.name(*p)).collect();
            text.push_str(&format!("; paired with {}", names.join(", ")));
        }
        if !free.contains(&best) {
            text.push_str(&format!("; nobody in the pool is free {} to {}", days.first, days.last));
        }
        text
    }

    /// A trainee from the shadow pool for the turn: free, not the member on duty, fewest
    /// shadowed turns, then lowest id.
    fn pick_shadow(&mut self, member: Id, pieces: &[Window]) -> Option<Id> {
        let days = self.cal.duty_days(pieces[0].start, pieces[pieces.len() - 1].end);
        let id = self
            .policy
            .spec
            .shadow_pool
            .iter()
            .copied()
            .filter(|id| *id != member && self.cal.available(*id, days))
            .min_by_key(|id| (self.ledgers.get(id).map_or(0, |l| l.shadowed), *id))?;
        self.ledgers.entry(id).or_default().shadowed += 1;
        Some(id)
    }
}
